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

test('the chart is painted only when something changed: not on scrolling within a step, nor at rest', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  await centre(page, all[2].id);
  await waitStep(page, all[2]);
  const paints = () => page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('sensetime:draw:')).length);
  const before = await paints();
  assert.ok(before > 0, 'paints are measured');
  for (let i = 0; i < 10; i += 1) {
    await page.mouse.wheel(0, i % 2 ? -8 : 8);
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(500);
  await waitStep(page, all[2]);
  assert.equal(await paints(), before, 'no repaint for scrolling that changes nothing, or for idling');
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.waitForFunction((n) => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('sensetime:draw:')).length > n, before);
  assertNoErrors(assert, errors);
  await context.close();
});
