// The behaviours that matter to a reader, written once and run in each engine (engines.js):
// reader-chromium.test.js, reader-firefox.test.js and reader-webkit.test.js each run this suite
// with their own browser, so the three run side by side. What an engine cannot do is skipped
// there by name, with the reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launchEngine } from './engines.js';
import {
  baseUrl, DESKTOP, PHONE, stepShown, measureCanvas, compareWithDrawing, TOLERANCE,
} from './helpers.js';

const EDITIONS = [
  { name: 'English', path: 'index.html', prefix: '' },
  { name: 'Chinese', path: 'zh/index.html', prefix: 'zh-' },
];

/** In the page: the steps' ids and charts, in page order, from the page's markup. */
function readSteps() {
  return [...document.querySelectorAll('#story .step')].map((s) => ({ id: s.id, chart: s.dataset.chart }));
}

/** In the page: scrolls the element with `id` to the middle of the viewport. */
function centreOn(id) {
  document.getElementById(id).scrollIntoView({ block: 'center' });
}

/** In the page: the story's tooltip text, if it shows. */
function storyTip() {
  const t = document.getElementById('chart-tip');
  return t && !t.hidden ? t.textContent : null;
}

/** In the page: the chart's box, in viewport pixels. */
function chartBox() {
  const r = document.getElementById('chart').getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

/** The reader's behaviours in the engine named `engineName`. */
export function readerSuite(engineName) {
  const artifacts = new URL(`./artifacts/${engineName}/`, import.meta.url);
  let engine;
  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    engine = await launchEngine(engineName);
  });
  after(() => engine?.close());

  /** Skips `t` with the engine's reason when it cannot do `what`; says whether it did. */
  const cannot = (t, what) => {
    const why = engine.cannot[what];
    if (why) t.skip(why);
    return Boolean(why);
  };

  /** A tab on `path` once the story is ready; `t` notes what the engine cannot emulate. */
  async function openStory(t, device, path, options) {
    if (device.deviceScaleFactor !== 1 && engine.cannot.pixelRatio) t.diagnostic(`pixel ratio ${device.deviceScaleFactor} not emulated: ${engine.cannot.pixelRatio}`);
    const tab = await engine.open(device, options);
    await tab.goto(`${baseUrl()}/${path}`);
    await waitReady(tab);
    const [width, height] = await tab.evaluate(() => [innerWidth, innerHeight]);
    if (width !== device.viewport.width || height !== device.viewport.height) {
      // Only where the engine says it cannot: anywhere else, a wrong viewport is a failure.
      assert.ok(engine.cannot.narrowViewport, `the viewport is ${width}x${height}, not ${device.viewport.width}x${device.viewport.height}`);
      t.diagnostic(`viewport ${width}x${height}, not ${device.viewport.width}x${device.viewport.height}: ${engine.cannot.narrowViewport}`);
    }
    return tab;
  }

  async function waitReady(tab) {
    await tab.waitFor(() => document.documentElement.dataset.story, undefined, 15000);
    const state = await tab.evaluate(() => document.documentElement.dataset.story);
    assert.equal(state, 'ready', `the story started (data-story="${state}")`);
  }

  async function waitStep(tab, step) {
    await tab.waitFor(stepShown, step).catch(async (e) => {
      const seen = await tab.evaluate(() => ({
        active: [...document.querySelectorAll('#story .step.is-active')].map((s) => s.id),
        state: document.getElementById('chart').dataset.state,
        scrollY: Math.round(scrollY),
      }));
      throw new Error(`expected step ${step.id} (${step.chart}) active and settled, saw ${JSON.stringify(seen)}: ${e.message}`);
    });
  }

  /** The canvas shows `step`'s chart as drawChart draws it anew, crisply. */
  async function assertPicture(tab, device, step) {
    const info = await tab.evaluate(measureCanvas);
    assert.ok(Math.abs(info.width - Math.round(info.cssWidth * info.ratio)) <= 1, `${step.id}: backing width ${info.width} = ${info.cssWidth} x ${info.ratio}`);
    assert.ok(Math.abs(info.height - Math.round(info.cssHeight * info.ratio)) <= 1, `${step.id}: backing height ${info.height} = ${info.cssHeight} x ${info.ratio}`);
    if (!engine.cannot.pixelRatio) assert.equal(info.ratio, device.deviceScaleFactor);
    const compared = await tab.evaluate(compareWithDrawing, step.chart);
    assert.ok(compared.differing <= TOLERANCE, `${step.id}: the canvas should show ${step.chart} as drawChart draws it anew; ${(compared.differing * 100).toFixed(2)}% of pixels differ (${JSON.stringify(compared)})`);
    return info;
  }

  async function assertNoErrors(tab) {
    const errors = await tab.errors();
    assert.deepEqual(errors, [], `console or page errors:\n${errors.join('\n')}`);
  }

  for (const { name, path, prefix } of EDITIONS) for (const device of [DESKTOP, PHONE]) {
    test(`${engineName}: ${name}, ${device.name}: the chart follows the reader down and back up, each step drawn as drawChart draws it anew`, async (t) => {
      const tab = await openStory(t, device, path);
      const all = await tab.evaluate(readSteps);
      assert.ok(all.length >= 10, `at least ten steps, found ${all.length}`);
      let previous = null;
      for (const step of all) {
        await tab.evaluate(centreOn, step.id);
        await waitStep(tab, step);
        const info = await assertPicture(tab, device, step);
        if (previous && previous.chart !== step.chart) assert.notEqual(info.hash, previous.hash, `${step.id}: the picture should change from ${previous.id}`);
        const label = await tab.evaluate(() => document.getElementById('chart').getAttribute('aria-label'));
        assert.ok(label && label.length > 10, `${step.id}: the canvas has an accessible name`);
        await tab.screenshot(new URL(`${prefix}${device.name}-${step.id}.png`, artifacts).pathname);
        previous = { ...step, hash: info.hash };
      }
      for (const step of [...all].reverse()) {
        await tab.evaluate(centreOn, step.id);
        await waitStep(tab, step);
        await assertPicture(tab, device, step);
      }
      await assertNoErrors(tab);
      await tab.close();
    });
  }

  test(`${engineName}: a reload mid-story shows that step and its chart`, async (t) => {
    const tab = await openStory(t, DESKTOP, 'index.html');
    const sixth = (await tab.evaluate(readSteps))[5];
    await tab.evaluate(centreOn, sixth.id);
    await waitStep(tab, sixth);
    await tab.reload();
    await waitReady(tab);
    await waitStep(tab, sixth);
    await assertPicture(tab, DESKTOP, sixth);
    await assertNoErrors(tab);
    await tab.close();
  });

  for (const { name, path } of EDITIONS) for (const device of [DESKTOP, PHONE]) {
    test(`${engineName}: ${name}, ${device.name}: a link to a step's anchor opens on that step, fresh and reloaded`, async (t) => {
      const tab = await openStory(t, device, path);
      const eighth = (await tab.evaluate(readSteps))[7];
      // A link followed from elsewhere: a new document, opened at the fragment.
      await tab.goto('about:blank');
      await tab.goto(`${baseUrl()}/${path}#${eighth.id}`);
      await waitReady(tab);
      await waitStep(tab, eighth);
      await assertPicture(tab, device, eighth);
      // Reloaded there: the browser restores the position it saved, which the story follows.
      await tab.reload();
      await waitReady(tab);
      await waitStep(tab, eighth);
      await assertPicture(tab, device, eighth);
      const box = await tab.evaluate((id) => document.getElementById(id).getBoundingClientRect().toJSON(), eighth.id);
      const viewportHeight = await tab.evaluate(() => innerHeight);
      assert.ok(box.top >= 0 && box.top < viewportHeight, `the step is on screen (top ${box.top})`);
      await assertNoErrors(tab);
      await tab.close();
    });
  }

  test(`${engineName}: readers who prefer less motion get each chart at once`, async (t) => {
    if (cannot(t, 'reducedMotion')) return;
    const tab = await openStory(t, DESKTOP, 'index.html', { reducedMotion: 'reduce' });
    const [first, second] = await tab.evaluate(readSteps);
    await waitStep(tab, first);
    // Count the frames from the chart leaving its settled state to regaining it.
    await tab.evaluate(() => {
      window.__frames = 0;
      window.__marks = [];
      const tick = () => { window.__frames += 1; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      new MutationObserver(() => window.__marks.push([document.getElementById('chart').dataset.settled, window.__frames]))
        .observe(document.getElementById('chart'), { attributes: true, attributeFilter: ['data-settled'] });
    });
    await tab.evaluate(centreOn, second.id);
    await waitStep(tab, second);
    const marks = await tab.evaluate(() => window.__marks);
    const start = marks.find(([settled]) => settled === 'false');
    const end = marks.findLast(([settled]) => settled === 'true');
    assert.ok(!start || end[1] - start[1] <= 2, `with reduced motion the chart changes at once: ${JSON.stringify(marks)}`);
    await assertPicture(tab, DESKTOP, second);
    await assertNoErrors(tab);
    await tab.close();
  });

  test(`${engineName}: the currency control redraws the chart in dollars, keeps the choice in the address, and on reload`, async (t) => {
    const tab = await openStory(t, DESKTOP, 'index.html#revenue-mix');
    const step = { id: 'revenue-mix', chart: 'revenue-mix' };
    await waitStep(tab, step);
    const before = await tab.evaluate(() => document.getElementById('chart').getAttribute('aria-label'));
    await tab.evaluate(() => {
      const select = document.getElementById('currency');
      select.value = 'usd';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await tab.waitFor((old) => document.getElementById('chart').getAttribute('aria-label') !== old
      && document.getElementById('chart').dataset.settled === 'true', before);
    assert.equal(await tab.evaluate(() => new URLSearchParams(location.search).get('currency')), 'usd');
    assert.match(await tab.evaluate(() => document.getElementById('chart').getAttribute('aria-label')), /\$|dollar/i);
    await assertPicture(tab, DESKTOP, step);
    await tab.reload();
    await waitReady(tab);
    await waitStep(tab, step);
    assert.equal(await tab.evaluate(() => document.getElementById('currency').value), 'usd');
    await assertPicture(tab, DESKTOP, step);
    await assertNoErrors(tab);
    await tab.close();
  });

  /** Points (or taps) down a line at `xShare` of the chart's width until a tooltip shows. */
  async function findTip(tab, act, xShare = 0.1) {
    const box = await tab.evaluate(chartBox);
    for (let y = box.y + 10; y < box.y + box.height - 10; y += 6) {
      await act(box.x + box.width * xShare, y);
      const tip = await tab.evaluate(storyTip);
      if (tip) return tip;
    }
    return null;
  }

  test(`${engineName}: the Chinese edition in dollars: its deep link, its chart and a tooltip by pointer`, async (t) => {
    const tab = await openStory(t, DESKTOP, 'zh/?currency=usd#revenue-mix');
    const step = { id: 'revenue-mix', chart: 'revenue-mix' };
    await waitStep(tab, step);
    assert.match(await tab.evaluate(() => document.getElementById('chart').getAttribute('aria-label')), /美元/);
    await assertPicture(tab, DESKTOP, step);
    const tip = await findTip(tab, tab.pointAt);
    assert.match(tip ?? '', /^智慧城市业务占销售额比重：40%/);
    await assertNoErrors(tab);
    await tab.close();
  });

  test(`${engineName}: phone: tapping a bar shows its figure`, async (t) => {
    if (cannot(t, 'touch')) return;
    const tab = await openStory(t, PHONE, 'index.html#growing-sales');
    await waitStep(tab, { id: 'growing-sales', chart: 'revenue-trend' });
    // The 2020 column, third of five.
    const tip = await findTip(tab, tab.tapAt, 0.43);
    assert.match(tip ?? '', /^Revenue 2020: Rmb3\.45bn · 2020 · Source: SenseTime IPO filing/);
    await assertNoErrors(tab);
    await tab.close();
  });
}
