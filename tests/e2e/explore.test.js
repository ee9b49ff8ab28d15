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

test('the link tool copies the address of the step in view', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  await centre(page, all[4].id);
  await waitStep(page, all[4]);
  await page.getByRole('button', { name: 'Copy link to this step' }).click();
  await page.getByRole('status').filter({ hasText: 'Link copied.' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(new URL(copied).hash, `#${all[4].id}`);
  assertNoErrors(assert, errors);
  await context.close();
});

test('the save tool downloads the chart in view as a PNG at twice its size', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html#revenue-mix`);
  await waitReady(page);
  await waitStep(page, { id: 'revenue-mix', chart: 'revenue-mix' });
  const box = await page.evaluate(() => {
    const r = document.getElementById('chart').getBoundingClientRect();
    return { width: Math.round(r.width), height: Math.round(r.height) };
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save chart (PNG)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'sensetime-revenue-mix.png');
  const { readFile } = await import('node:fs/promises');
  const png = await readFile(await download.path());
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
  assert.deepEqual({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }, { width: box.width * 2, height: box.height * 2 });
  assert.ok(png.length > 20000, `a drawn chart, not a blank image (${png.length} bytes)`);
  assertNoErrors(assert, errors);
  await context.close();
});

test('the data downloads hold every figure, exactly as figures() gives them', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const links = await page.locator('#chart-tools a[download]').evaluateAll((as) => as.map((a) => a.href));
  assert.deepEqual(links.map((l) => new URL(l).pathname.split('/').pop()), ['figures.csv', 'figures.json']);
  const [csv, json, live] = await page.evaluate(async ([c, j]) => [
    await (await fetch(c)).text(), await (await fetch(j)).json(), window.sensetime.figures(),
  ], links);
  assert.deepEqual(json, live);
  const rows = csv.trim().split('\r\n');
  const header = rows[0].split(',');
  assert.ok(['id', 'label', 'value', 'unit', 'hedge', 'year', 'source'].every((c) => header.includes(c)), header.join());
  assert.equal(rows.length - 1, live.length);
  for (const f of live) {
    const row = rows.find((r) => r.startsWith(`${f.id},`));
    assert.ok(row, `${f.id} is in the CSV`);
    assert.ok(row.includes(`,${f.value},`), `${f.id}: ${row} has ${f.value}`);
  }
  assertNoErrors(assert, errors);
  await context.close();
});
