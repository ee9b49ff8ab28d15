// The reader's path through the story: every step, both directions, two screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import {
  baseUrl, launch, DESKTOP, PHONE, openPage, waitReady, steps, waitStep, centre, canvasInfo, assertNoErrors,
} from './helpers.js';

const artifacts = new URL('./artifacts/', import.meta.url);
let browser;
before(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launch();
});
after(() => browser?.close());

// Both editions take the same paths: the same steps, in two languages.
// Each loads its own Wasm build only (the frame builds are for frame.html).
const EDITIONS = [
  { name: 'English', path: 'index.html', prefix: '', build: 'sensetime_story' },
  { name: 'Chinese', path: 'zh/index.html', prefix: 'zh-', build: 'sensetime_story_zh' },
];

for (const { name, path, prefix, build } of EDITIONS) for (const device of [DESKTOP, PHONE]) {
  test(`${name}, ${device.name}: the chart follows the reader down and back up through every step`, async () => {
    const { page, context, errors } = await openPage(browser, device);
    const wasm = new Set();
    page.on('requestfinished', (r) => {
      const file = new URL(r.url()).pathname.split('/').pop();
      if (file.startsWith('sensetime_')) wasm.add(file.replace(/_bg\..*|\.[0-9a-f]{10}\.js$/, ''));
    });
    await page.goto(`${baseUrl()}/${path}`);
    await waitReady(page);
    assert.deepEqual([...wasm], [build], 'the Wasm and glue this edition downloads');
    const all = await steps(page);
    assert.ok(all.length >= 10, `at least ten steps, found ${all.length}`);

    let previous = null;
    for (const step of all) {
      await centre(page, step.id);
      await waitStep(page, step);
      const info = await canvasInfo(page);
      assert.ok(Math.abs(info.width - Math.round(info.cssWidth * info.ratio)) <= 1, `backing width ${info.width} = ${info.cssWidth} x ${info.ratio}`);
      assert.ok(Math.abs(info.height - Math.round(info.cssHeight * info.ratio)) <= 1, `backing height ${info.height} = ${info.cssHeight} x ${info.ratio}`);
      assert.equal(info.ratio, device.deviceScaleFactor);
      assert.ok(info.inkShare > 0.01, `${step.id}: the chart should not be blank (${(info.inkShare * 100).toFixed(2)}% drawn)`);
      if (previous && previous.chart !== step.chart) {
        assert.notEqual(info.hash, previous.hash, `${step.id}: the picture should change from ${previous.id}`);
      }
      const label = await page.getAttribute('#chart', 'aria-label');
      assert.ok(label && label.length > 10, `${step.id}: the canvas has an accessible name`);
      await page.screenshot({ path: new URL(`${prefix}${device.name}-${step.id}.png`, artifacts).pathname });
      previous = { ...step, hash: info.hash };
    }

    for (const step of [...all].reverse()) {
      await centre(page, step.id);
      await waitStep(page, step);
    }
    assertNoErrors(assert, errors);
    await context.close();
  });
}

test('a fast jump from top to bottom and back lands on the right steps', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  const last = all[all.length - 1];
  await page.evaluate((id) => {
    const top = document.getElementById(id).getBoundingClientRect().top + scrollY;
    window.scrollTo(0, top - innerHeight * 0.3);
  }, last.id);
  await waitStep(page, last);
  await page.evaluate(() => window.scrollTo(0, 0));
  await waitStep(page, all[0]);
  assertNoErrors(assert, errors);
  await context.close();
});

test('a reload mid-story shows that step and its chart', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const sixth = (await steps(page))[5];
  await centre(page, sixth.id);
  await waitStep(page, sixth);
  await page.reload();
  await waitReady(page);
  await waitStep(page, sixth);
  assertNoErrors(assert, errors);
  await context.close();
});

for (const { name, path } of EDITIONS) for (const device of [DESKTOP, PHONE]) {
  test(`${name}, ${device.name}: a link to a step's anchor opens on that step`, async () => {
    const { page, context, errors } = await openPage(browser, device);
    await page.goto(`${baseUrl()}/${path}`);
    const eighth = (await steps(page))[7];
    // A link followed from elsewhere: a new document, opened at the fragment.
    await page.goto('about:blank');
    await page.goto(`${baseUrl()}/${path}#${eighth.id}`);
    await waitReady(page);
    await waitStep(page, eighth);
    // Reloaded there: the browser restores the position it saved, which the story follows. (The
    // reload comes once the story has settled on the step: a reload straight after a jump within
    // the page twice ended on the first step under the full suite's load, never alone; waitStep's
    // message now says where the page was, for the next time.)
    await page.reload();
    await waitReady(page);
    await waitStep(page, eighth);
    const box = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().toJSON(), eighth.id);
    assert.ok(box.top >= 0 && box.top < device.viewport.height, `the step is on screen (top ${box.top})`);
    const graphic = await page.evaluate(() => document.querySelector('.graphic').getBoundingClientRect().toJSON());
    const besideOrBelow = graphic.left >= box.right - 1 || box.top >= graphic.bottom - 1;
    assert.ok(besideOrBelow, `the step is not hidden behind the graphic (step ${JSON.stringify(box)}, graphic ${JSON.stringify(graphic)})`);
    assertNoErrors(assert, errors);
    await context.close();
  });
}
