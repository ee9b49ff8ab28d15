// Faults and abuse in Chromium: a panic, resize storms, flings, anchor jumps, memory over time. (The
// Wasm missing, broken or late: reader.js, in every engine.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseUrl, launch, DESKTOP, openPage, waitReady, steps, waitStep, centre, assertNoErrors, assertDrawn, painted,
} from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/** The step whose top is nearest above the trigger line now, from the page's own geometry. */
function expectedStep(page) {
  return page.evaluate(() => {
    const trigger = parseFloat(getComputedStyle(document.getElementById('story')).getPropertyValue('--trigger')) || 0.5;
    const line = innerHeight * trigger;
    const all = [...document.querySelectorAll('#story .step')];
    let index = 0;
    all.forEach((s, i) => { if (s.getBoundingClientRect().top <= line) index = i; });
    return { id: all[index].id, chart: all[index].dataset.chart };
  });
}

/** Serves the story with its test hooks (the TEST_HOOKS build, which `cargo xtask test` builds
 * beside the site: no reader's page has them) in place of the English story's glue and Wasm. */
async function useTestHooks(page) {
  const pkg = process.env.TEST_HOOKS_PKG;
  const stem = process.env.TEST_HOOKS_STEM;
  if (!pkg || !stem) throw new Error('TEST_HOOKS_PKG is not set: run the end-to-end tests through `cargo xtask test`, which builds the story with its test hooks');
  const { readFile } = await import('node:fs/promises');
  await page.route(/\/pkg\/sensetime_story\.[0-9a-f]{10}\.js$/, async (route) => route.fulfill({
    body: await readFile(`${pkg}/${stem}.js`), contentType: 'text/javascript',
  }));
  await page.route(`**/pkg/${stem}_bg.wasm`, async (route) => route.fulfill({
    body: await readFile(`${pkg}/${stem}_bg.wasm`), contentType: 'application/wasm',
  }));
}

test('the site as readers get it has no test hook', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const exports = await page.evaluate(() => import(document.querySelector('link[rel=modulepreload]').href).then((m) => Object.keys(m)));
  assert.ok(exports.includes('drawChartAt'), `the story's module: ${exports}`);
  assert.deepEqual(exports.filter((name) => name.endsWith('ForTests')), []);
  assertNoErrors(assert, errors);
  await context.close();
});

test('a panic is reported once, the static charts take over and the page keeps working', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await useTestHooks(page);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  await centre(page, all[3].id);
  await waitStep(page, all[3]);
  // A panic inside a task of its own, as one inside a browser callback would be.
  // The module is the one the page preloads (its name is fingerprinted in dist/).
  await page.evaluate(() => import(document.querySelector('link[rel=modulepreload]').href)
    .then((m) => { setTimeout(() => m.panicForTests()); }));
  await page.waitForFunction(() => document.documentElement.dataset.story === 'failed');
  assert.equal(await page.locator('.graphic').isVisible(), false);
  assert.ok(await page.locator('#notice').isVisible());
  // Scrolling on still works: each step's static chart comes into view, drawn.
  for (const index of [5, 9, 1]) {
    await centre(page, all[index].id);
    await page.waitForFunction((id) => {
      const img = document.querySelector(`#${id} .static-chart img`);
      const r = img?.getBoundingClientRect();
      return img?.complete && img.naturalWidth > 0 && r.bottom > 0 && r.top < innerHeight;
    }, all[index].id);
  }
  // Resizing still works: the page reflows to the new width, its pictures within it.
  await page.setViewportSize({ width: 700, height: 700 });
  await page.waitForFunction((id) => {
    const img = document.querySelector(`#${id} .static-chart img`).getBoundingClientRect();
    return document.documentElement.scrollWidth <= innerWidth && img.right <= innerWidth && img.width > 0;
  }, all[1].id);
  // Links still work.
  await page.focus('a.skip-link');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#sources');
  const top = await page.evaluate(() => document.getElementById('sources').getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 700, `the link moved the page to the sources (top ${top})`);
  // Nothing more is reported, two frames on.
  await page.evaluate(painted);
  assert.equal(errors.length, 1, `one report: ${errors.join('\n')}`);
  assert.match(errors[0], /^console: SenseTime explainer: internal error[^]*deliberate panic for the reliability tests/);
  await context.close();
});

test('storms of resizes, flings and anchor jumps end on the right step, crisp, without errors', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  await centre(page, all[4].id);

  // 200 resizes in about two seconds.
  for (let i = 0; i < 200; i += 1) {
    await page.setViewportSize(i % 2 ? { width: 1280, height: 800 } : { width: 1000 + (i % 7) * 20, height: 720 });
    await page.waitForTimeout(10);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await waitStep(page, await expectedStep(page));
  // The last resize's frame may still be on its way: the backing store must catch up.
  await page.waitForFunction(() => {
    const c = document.getElementById('chart');
    return Math.abs(c.width - Math.round(c.getBoundingClientRect().width * devicePixelRatio)) <= 1;
  }, null, { timeout: 5000 });
  await assertDrawn(assert, page, (await expectedStep(page)).chart);

  // 50 fast flings to the bottom and back.
  for (let i = 0; i < 50; i += 1) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.evaluate(() => new Promise(requestAnimationFrame));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  // Where the flings left the page: at the top, on the first step, drawn.
  await waitStep(page, await expectedStep(page));
  assert.equal(await page.evaluate(() => scrollY), 0);
  await assertDrawn(assert, page, all[0].chart);

  // Jumping between anchors.
  for (let i = 0; i < 30; i += 1) {
    await page.evaluate((id) => { location.hash = id; }, all[(i * 5) % all.length].id);
  }
  await page.evaluate((id) => { location.hash = id; }, all[10].id);
  await waitStep(page, all[10]);
  await assertDrawn(assert, page, all[10].chart);
  assertNoErrors(assert, errors);
  await context.close();
});

test('memory stays flat across twenty scroll-throughs with motion on', async () => {
  // Motion on, and each step left as soon as it is active: the transitions are cut off mid-way
  // and blended into the next, the most work a scroll-through can ask of the story.
  const { page, context, errors } = await openPage(browser, DESKTOP);
  const cdp = await context.newCDPSession(page);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  const scrollThrough = async () => {
    for (const step of all) {
      await centre(page, step.id);
      await page.waitForFunction((id) => document.querySelector('#story .step.is-active')?.id === id, step.id);
    }
    await waitStep(page, all[all.length - 1]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await waitStep(page, all[0]);
  };
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { heap: usedSize, wasm: await page.evaluate(() => window.sensetime.wasmMemory()) };
  };
  await scrollThrough();
  const first = await measure();
  for (let i = 1; i < 20; i += 1) await scrollThrough();
  const last = await measure();
  // Tolerances: Wasm memory may grow by one 64 KiB page at most; the JS heap by 256 KiB (about a
  // sixth of the page's 1.5 MB heap: a leak of one object per step, 280 steps in all, shows).
  assert.ok(last.wasm - first.wasm <= 65536, `Wasm memory ${first.wasm} -> ${last.wasm} bytes`);
  assert.ok(last.heap - first.heap <= 262144, `JS heap ${first.heap} -> ${last.heap} bytes`);
  console.log(`memory after 1 and 20 scroll-throughs: Wasm ${first.wasm} -> ${last.wasm} B, JS heap ${first.heap} -> ${last.heap} B`);
  assertNoErrors(assert, errors);
  await context.close();
});
