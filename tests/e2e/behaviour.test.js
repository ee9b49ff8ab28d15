// How the page behaves beyond the scroll path: motion preferences, resizing and rotation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseUrl, launch, DESKTOP, PHONE, openPage, waitReady, steps, waitStep, centre, canvasInfo, assertNoErrors,
} from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/** Counts the animation frames between the chart leaving and regaining data-settled="true" on a step change. */
async function framesOfTransition(page, from, to) {
  await centre(page, from.id);
  await waitStep(page, from);
  await page.evaluate(() => {
    window.__frames = 0;
    window.__transition = [];
    const tick = () => { window.__frames += 1; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    new MutationObserver(() => {
      window.__transition.push([document.getElementById('chart').dataset.settled, window.__frames]);
    }).observe(document.getElementById('chart'), { attributes: true, attributeFilter: ['data-settled'] });
  });
  await centre(page, to.id);
  await waitStep(page, to);
  const marks = await page.evaluate(() => window.__transition);
  const start = marks.find(([settled]) => settled === 'false');
  const end = marks.findLast(([settled]) => settled === 'true');
  assert.ok(start && end, `the chart went unsettled and settled again: ${JSON.stringify(marks)}`);
  return end[1] - start[1];
}

test('transitions animate over several frames, and jump for readers who prefer less motion', async () => {
  const moving = await openPage(browser, DESKTOP);
  await moving.page.goto(`${baseUrl()}/index.html`);
  await waitReady(moving.page);
  const [first, second] = await steps(moving.page);
  const animated = await framesOfTransition(moving.page, first, second);
  assert.ok(animated >= 5, `an animated transition spans several frames (${animated})`);
  assertNoErrors(assert, moving.errors);
  await moving.context.close();

  const still = await openPage(browser, { ...DESKTOP, reducedMotion: 'reduce' });
  await still.page.goto(`${baseUrl()}/index.html`);
  await waitReady(still.page);
  const instant = await framesOfTransition(still.page, first, second);
  assert.ok(instant <= 2, `with reduced motion the chart changes at once (${instant} frames)`);
  assertNoErrors(assert, still.errors);
  await still.context.close();
});

for (const [device, size] of [[DESKTOP, { width: 900, height: 700 }], [PHONE, { width: 844, height: 390 }]]) {
  test(`${device.name}: resizing or rotating redraws the chart crisply at the new size`, async () => {
    const { page, context, errors } = await openPage(browser, device);
    await page.goto(`${baseUrl()}/index.html`);
    await waitReady(page);
    const step = (await steps(page))[3];
    await centre(page, step.id);
    await waitStep(page, step);
    const before = await canvasInfo(page);
    await page.setViewportSize(size);
    await page.waitForFunction(() => {
      const c = document.getElementById('chart');
      const r = c.getBoundingClientRect();
      return Math.abs(c.width - Math.round(r.width * devicePixelRatio)) <= 1
        && Math.abs(c.height - Math.round(r.height * devicePixelRatio)) <= 1;
    }, null, { timeout: 5000 });
    const after = await canvasInfo(page);
    assert.notDeepEqual([after.width, after.height], [before.width, before.height], 'the backing store followed the new size');
    assert.ok(after.inkShare > 0.01, 'the chart was redrawn, not left blank');
    assertNoErrors(assert, errors);
    await context.close();
  });
}
