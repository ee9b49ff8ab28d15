// How the page behaves beyond the scroll path, in Chromium: resizing and rotation, and painting only
// when something changed. (Transitions and reduced motion: reader.js, in every engine.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseUrl, launch, DESKTOP, PHONE, openPage, waitReady, steps, waitStep, centre, canvasInfo, assertNoErrors, painted,
} from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

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
  // Each small scroll ends (scrollend) and two frames pass, in which a repaint would happen.
  for (let i = 0; i < 10; i += 1) {
    const ended = page.evaluate(() => new Promise((resolve) => { addEventListener('scrollend', resolve, { once: true }); }));
    await page.mouse.wheel(0, i % 2 ? -8 : 8);
    await ended;
    await page.evaluate(painted);
  }
  await waitStep(page, all[2]);
  assert.equal(await paints(), before, 'no repaint for scrolling that changes nothing, or for idling');
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.waitForFunction((n) => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('sensetime:draw:')).length > n, before);
  assertNoErrors(assert, errors);
  await context.close();
});

// What a scroll-through writes to the DOM. The browser restyles an element for every write to an
// attribute a style rule looks at, even to the value it had; and any node inserted or removed
// under #story restyles what the `:has()` rules of style.css match. So neither may happen while
// the reader scrolls and points at the chart.
test('scrolling through the story and pointing at its chart writes nothing that changes nothing, and inserts nothing under #story', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  await waitStep(page, all[0]);
  const box = await page.locator('#chart').boundingBox();
  // Across the chart's middle, where every chart has marks, and off it again.
  const sweep = async () => {
    for (let i = 1; i < 10; i += 1) await page.mouse.move(box.x + (box.width * i) / 10, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width + 40, box.y - 40);
  };
  await sweep();
  await page.evaluate(() => {
    window.writes = [];
    new MutationObserver((records) => window.writes.push(...records.map((r) => ({
      type: r.type,
      target: r.target.nodeType === 1 ? r.target : r.target.parentElement,
      name: r.attributeName,
      old: r.oldValue,
    })))).observe(document, {
      subtree: true, attributes: true, attributeOldValue: true, childList: true, characterData: true, characterDataOldValue: true,
    });
  });
  for (const step of [...all.slice(1), ...all.slice(0, -1).reverse()]) {
    await centre(page, step.id);
    await waitStep(page, step);
    await sweep();
  }
  const { visits, unchanged, inserted } = await page.evaluate(() => {
    const name = (el) => `${el.localName}${el.id ? `#${el.id}` : ''}`;
    const story = document.getElementById('story');
    // Each write's new value is the next write's old value, or the value now.
    const unchanged = window.writes.filter((w, i) => {
      if (w.type === 'childList') return false;
      const next = window.writes.slice(i + 1).find((n) => n.type === w.type && n.target === w.target && n.name === w.name);
      const now = w.type === 'attributes' ? w.target.getAttribute(w.name) : w.target.textContent;
      return (next ? next.old : now) === w.old;
    }).map((w) => `${name(w.target)} ${w.name ?? 'text'}="${w.old}"`);
    const inserted = window.writes.filter((w) => w.type === 'childList' && story.contains(w.target)).map((w) => name(w.target));
    return { visits: window.writes.filter((w) => w.name === 'aria-current').length, unchanged, inserted };
  });
  assert.ok(visits >= 2 * (all.length - 1), `the scroll-through went through every step (${visits} aria-current writes)`);
  assert.deepEqual([...new Set(unchanged)], [], 'no write left an attribute or a text as it was');
  assert.deepEqual([...new Set(inserted)], [], 'nothing was inserted or removed under #story');
  assertNoErrors(assert, errors);
  await context.close();
});
