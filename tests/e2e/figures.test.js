// figures(): every figure of data/figures.json, and the derived ones, reach JavaScript intact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { baseUrl, launch, DESKTOP, openPage, waitReady, assertNoErrors } from './helpers.js';

const data = JSON.parse(readFileSync(new URL('../../data/figures.json', import.meta.url), 'utf8'));
let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

test('figures() returns every figure with its value, unit, hedge and source', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const figures = await page.evaluate(() => window.sensetime.figures());
  const byId = new Map(figures.map((f) => [f.id, f]));
  assert.equal(byId.size, figures.length, 'ids are unique');
  for (const raw of data.figures) {
    const f = byId.get(raw.id);
    assert.ok(f, `${raw.id} is exported`);
    assert.equal(f.value, raw.value, `${raw.id}.value`);
    assert.equal(f.unit, raw.unit, `${raw.id}.unit`);
    assert.equal(f.hedge, raw.hedge, `${raw.id}.hedge`);
    assert.equal(f.year, raw.year, `${raw.id}.year`);
    assert.equal(f.label, raw.label, `${raw.id}.label`);
    assert.equal(f.source, raw.source, `${raw.id}.source`);
    assert.equal(f.derived, false, `${raw.id} is the article's`);
  }
  for (const id of ['grants_2019', 'rmb_per_usd', 'top5_customers_rmb']) {
    const f = byId.get(id);
    assert.ok(f, `${id} is exported`);
    assert.equal(f.derived, true, `${id} is derived`);
    assert.equal(f.source, 'derived');
    assert.ok(Number.isFinite(f.value) && f.value > 0, `${id} has a value`);
  }
  // To the nearest million: the 37% rise it is worked back from is itself rounded.
  assert.equal(byId.get('grants_2019').value, Math.round(352.8e6 / 1.37 / 1e6) * 1e6);
  assert.equal(byId.get('rmb_per_usd').year, null, 'the article\'s one rate, for every year');
  assert.equal(figures.length, data.figures.length + figures.filter((f) => f.derived).length);
  assertNoErrors(assert, errors);
  await context.close();
});
