// The same scroll-through in Firefox (Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { baseUrl, centre, measureCanvas, stepShown, steps } from './helpers.js';

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
let browser;
before(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: cargo xtask test installs Debian's firefox-esr`);
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
});
after(() => browser?.close());

test('firefox: the chart follows the reader down and back up through every step, without errors', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${baseUrl()}/index.html`);
  await page.waitForFunction(() => document.documentElement.dataset.story === 'ready', { timeout: 15000 });
  const all = await steps(page);
  assert.ok(all.length >= 10);

  const visit = async (step) => {
    await centre(page, step.id);
    await page.waitForFunction(stepShown, { timeout: 10000 }, step);
  };
  let previous = null;
  for (const step of all) {
    await visit(step);
    const info = await page.evaluate(measureCanvas);
    assert.ok(Math.abs(info.width - Math.round(info.cssWidth * info.ratio)) <= 1, `${step.id}: backing store ${info.width} for ${info.cssWidth} x ${info.ratio}`);
    assert.ok(info.inkShare > 0.01, `${step.id}: the chart is drawn`);
    if (previous && previous.chart !== step.chart) assert.notEqual(info.hash, previous.hash, `${step.id}: the picture changed`);
    previous = { ...step, hash: info.hash };
  }
  for (const step of [...all].reverse()) await visit(step);
  assert.deepEqual(errors, [], errors.join('\n'));
  await page.close();
});

test('firefox: the Chinese edition in dollars, its deep link and a tooltip, without errors', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${baseUrl()}/zh/?currency=usd#the-bet`);
  await page.waitForFunction(() => document.documentElement.dataset.story === 'ready', { timeout: 15000 });
  await page.waitForFunction(stepShown, { timeout: 10000 }, { id: 'the-bet', chart: 'revenue-mix' });
  const name = await page.evaluate(() => document.getElementById('chart').getAttribute('aria-label'));
  assert.match(name, /美元/, name);
  assert.equal(await page.evaluate(() => document.getElementById('currency').value), 'usd');
  // Point down the left of the chart until a bar answers.
  const box = await page.evaluate(() => document.getElementById('chart').getBoundingClientRect().toJSON());
  let tip = null;
  for (let y = box.y + 10; y < box.bottom - 10 && !tip; y += 6) {
    await page.mouse.move(box.x + box.width * 0.1, y);
    tip = await page.evaluate(() => {
      const t = document.getElementById('chart-tip');
      return t && !t.hidden ? t.textContent : null;
    });
  }
  assert.match(tip ?? '', /^智慧城市业务占销售额比重：40%/);
  assert.deepEqual(errors, [], errors.join('\n'));
  await page.close();
});
