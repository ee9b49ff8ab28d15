// What readers and host pages get beyond the scroll path (#6): the step-change event for host
// pages' analytics, tooltips, currency and language, sharing and the data downloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseUrl, launch, DESKTOP, openPage, waitReady, steps, waitStep, centre, assertNoErrors,
} from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

test('every step change fires a sensetime:step event with its index, id and direction', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  // Listen before the story starts, as a host page's analytics would.
  await page.addInitScript(() => {
    window.__steps = [];
    document.addEventListener('sensetime:step', (e) => window.__steps.push(e.detail));
  });
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  await centre(page, all[3].id);
  await waitStep(page, all[3]);
  await centre(page, all[1].id);
  await waitStep(page, all[1]);
  const events = await page.evaluate(() => window.__steps);
  assert.deepEqual(events, [
    { type: 'sensetime:step', index: 0, id: all[0].id, direction: null, chart: all[0].chart },
    { type: 'sensetime:step', index: 3, id: all[3].id, direction: 'down', chart: all[3].chart },
    { type: 'sensetime:step', index: 1, id: all[1].id, direction: 'up', chart: all[1].chart },
  ]);
  assertNoErrors(assert, errors);
  await context.close();
});
