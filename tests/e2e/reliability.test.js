// Faults and abuse: a slow Wasm, a panic, resize storms, flings, anchor jumps, memory over time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseUrl, launch, DESKTOP, openPage, waitReady, steps, waitStep, centre, canvasInfo, assertNoErrors,
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

test('a Wasm that arrives late catches up with the step the reader has scrolled to', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.route('**/*.wasm', async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => { setTimeout(resolve, 3000); });
    await route.fulfill({ response });
  });
  await page.goto(`${baseUrl()}/index.html`);
  const all = await steps(page);
  for (const index of [2, 4, 6]) {
    await centre(page, all[index].id);
    await page.waitForTimeout(200);
  }
  assert.equal(await page.evaluate(() => document.documentElement.dataset.story), undefined, 'still loading while the reader scrolls');
  await waitReady(page);
  await waitStep(page, all[6]);
  assertNoErrors(assert, errors);
  await context.close();
});

test('a panic is reported once, the static charts take over and the page keeps working', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
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
  // Scrolling on, resizing and following links still work, and nothing more is reported.
  for (const index of [5, 9, 1]) await centre(page, all[index].id);
  await page.setViewportSize({ width: 900, height: 700 });
  const img = page.locator(`#${all[5].id} .static-chart img`);
  await img.scrollIntoViewIfNeeded();
  await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
  await page.focus('a.skip-link');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#sources');
  await page.waitForTimeout(300);
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
  const info = await canvasInfo(page);
  assert.ok(info.inkShare > 0.01, `drawn after the storm (${JSON.stringify(info)})`);

  // 50 fast flings to the bottom and back.
  for (let i = 0; i < 50; i += 1) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.evaluate(() => new Promise(requestAnimationFrame));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  await centre(page, all[7].id);
  await waitStep(page, all[7]);

  // Jumping between anchors.
  for (let i = 0; i < 30; i += 1) {
    await page.evaluate((id) => { location.hash = id; }, all[(i * 5) % all.length].id);
  }
  await page.evaluate((id) => { location.hash = id; }, all[10].id);
  await waitStep(page, all[10]);
  assertNoErrors(assert, errors);
  await context.close();
});

test('memory stays flat across twenty scroll-throughs', async () => {
  // Reduced motion: every step change is a cut, so a scroll-through is quick but does all the work.
  const { page, context, errors } = await openPage(browser, { ...DESKTOP, reducedMotion: 'reduce' });
  const cdp = await context.newCDPSession(page);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  const scrollThrough = async () => {
    for (const step of all) {
      await centre(page, step.id);
      await waitStep(page, step);
    }
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
  // Tolerances: Wasm memory may grow by one 64 KiB page at most; the JS heap by 10% or 256 KiB.
  assert.ok(last.wasm - first.wasm <= 65536, `Wasm memory ${first.wasm} -> ${last.wasm} bytes`);
  assert.ok(last.heap - first.heap <= Math.max(first.heap * 0.1, 262144), `JS heap ${first.heap} -> ${last.heap} bytes`);
  console.log(`memory after 1 and 20 scroll-throughs: Wasm ${first.wasm} -> ${last.wasm} B, JS heap ${first.heap} -> ${last.heap} B`);
  assertNoErrors(assert, errors);
  await context.close();
});
