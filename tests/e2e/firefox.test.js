// The same scroll-through in Firefox (Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { baseUrl } from './helpers.js';

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
  const all = await page.evaluate(() => [...document.querySelectorAll('#story .step')].map((s) => ({ id: s.id, chart: s.dataset.chart })));
  assert.ok(all.length >= 10);

  const visit = async (step) => {
    await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'center' }), step.id);
    await page.waitForFunction(({ id, chart }) => {
      const active = document.querySelectorAll('#story .step.is-active');
      const canvas = document.getElementById('chart');
      return active.length === 1 && active[0].id === id && canvas.dataset.state === chart && canvas.dataset.settled === 'true';
    }, { timeout: 10000 }, step);
  };
  let previous = null;
  for (const step of all) {
    await visit(step);
    const info = await page.evaluate(() => {
      const canvas = document.getElementById('chart');
      const rect = canvas.getBoundingClientRect();
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      let hash = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) ink += 1;
        hash = (hash * 31 + data[i] + data[i + 1] * 7 + data[i + 2] * 13) >>> 0;
      }
      return { width: canvas.width, cssWidth: rect.width, ratio: devicePixelRatio, ink: ink / (data.length / 4), hash };
    });
    assert.ok(Math.abs(info.width - Math.round(info.cssWidth * info.ratio)) <= 1, `${step.id}: backing store ${info.width} for ${info.cssWidth} x ${info.ratio}`);
    assert.ok(info.ink > 0.01, `${step.id}: the chart is drawn`);
    if (previous && previous.chart !== step.chart) assert.notEqual(info.hash, previous.hash, `${step.id}: the picture changed`);
    previous = { ...step, hash: info.hash };
  }
  for (const step of [...all].reverse()) await visit(step);
  assert.deepEqual(errors, [], errors.join('\n'));
  await page.close();
});
