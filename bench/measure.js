// The benchmark's measuring: drives headless Chromium through playwright-core and the DevTools
// protocol over the story and the baseline, and returns the raw figures of every run. Computes
// no verdict and prints nothing but progress (to stderr); `report.js` reads what this returns.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { quantile } from './stats.js';

/** Milliseconds each step stays under the trigger line in a timed scroll-through (the story's
 * transitions take 450 ms, the baseline's animations are set to the same). */
export const DWELL_MS = 700;
/** The same, in the fast scroll-throughs of the memory check. */
export const FAST_DWELL_MS = 60;
/** A frame interval longer than this (1.5 × 1/60 s) means at least one frame was dropped. */
export const DROPPED_MS = 25;

/** The two sizes: a desktop window, and a phone with its CPU slowed down. */
export const DEVICES = {
  desktop: { label: '1280×800', throttle: 1, options: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 } },
  mobile: {
    label: '390×844 @3x, CPU 4x slower',
    throttle: 4,
    options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  },
};

/** The two pages: the story (`edition` `en`: index.html, `zh`: zh/index.html) and the baseline,
 * each with the URL it is served at and the directory it is served from. */
export function targets({ baseUrl, baselineUrl, dist, baselineDir, edition }) {
  return {
    ours: {
      name: 'ours',
      url: `${baseUrl}/${edition === 'zh' ? 'zh/' : ''}index.html`,
      dir: dist,
      steps: '#story .step',
      // The step's chart is shown and its transition finished.
      settled: ({ selector, i }) => {
        const step = document.querySelectorAll(selector)[i];
        const canvas = document.getElementById('chart');
        return step.classList.contains('is-active') && canvas.dataset.state === step.dataset.chart
          && canvas.dataset.settled === 'true';
      },
    },
    baseline: {
      name: 'baseline',
      url: `${baselineUrl}/index.html`,
      dir: baselineDir,
      steps: '.step',
      settled: null, // Chart.js says nothing; the dwell (longer than its 450 ms animation) stands in.
    },
  };
}

/** Runs in every page before its own scripts: records long tasks, and polls each animation frame
 * until the chart canvas has ink (a pixel unlike its top-left one, on a 64×64 copy), noting
 * performance.now() then: the time from navigation start to the first non-blank chart. `drawn`
 * resolves then. */
function instrument() {
  let drawn;
  const bench = { firstChart: null, longTasks: [], frames: null, drawn: new Promise((resolve) => { drawn = resolve; }) };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const probe = document.createElement('canvas');
  probe.width = 64;
  probe.height = 64;
  const ctx = probe.getContext('2d', { willReadFrequently: true });
  const poll = () => {
    const canvas = document.querySelector('canvas#chart');
    if (canvas && canvas.width > 0 && canvas.height > 0) {
      ctx.clearRect(0, 0, 64, 64);
      ctx.drawImage(canvas, 0, 0, 64, 64);
      const d = ctx.getImageData(0, 0, 64, 64).data;
      for (let i = 4; i < d.length; i += 4) {
        if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2] || d[i + 3] !== d[3]) {
          bench.firstChart = performance.now();
          drawn();
          return;
        }
      }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** In the page: puts step `i`'s top 40 px above the trigger line (the `--trigger` fraction of the
 * viewport on `.scrolly`; the baseline's Scrollama offset 0.5 when it has none). */
function scrollToStep({ selector, i }) {
  const step = document.querySelectorAll(selector)[i];
  const scrolly = step.closest('.scrolly');
  const trigger = parseFloat(getComputedStyle(scrolly).getPropertyValue('--trigger')) || 0.5;
  const top = step.getBoundingClientRect().top + window.scrollY;
  const at = performance.now();
  window.scrollTo(0, Math.max(0, top - trigger * window.innerHeight + 40));
  return at;
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Steps down, then back up: 0, 1, …, n-1, n-2, …, 0. */
export function route(n) {
  const down = [...Array(n).keys()];
  return [...down, ...down.slice(0, -1).reverse()];
}

/** One scroll-through; each step waits `dwell` ms and, for the story when `settle`, until its
 * chart has settled. Returns each visit's step and page time, to place long tasks by. */
async function scrollThrough(page, target, n, dwell, settle) {
  const visits = [];
  for (const i of route(n)) {
    visits.push({ i, at: await page.evaluate(scrollToStep, { selector: target.steps, i }) });
    await sleep(dwell);
    if (settle && target.settled) {
      await page.waitForFunction(target.settled, { selector: target.steps, i }, { timeout: 15000, polling: 50 });
    }
  }
  return visits;
}

async function scriptSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ScriptDuration').value;
}

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => (window.sensetime?.wasmMemory ? window.sensetime.wasmMemory() : null));
  return { heap: heap.usedSize, wasm };
}

const sizes = new Map();
/** Raw, gzip -9 and brotli 11 bytes of the file a URL names under `dir`. */
function assetSizes(dir, url) {
  let path = decodeURIComponent(new URL(url).pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = join(dir, path);
  if (!sizes.has(file)) {
    const body = readFileSync(file);
    sizes.set(file, {
      path,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizes.get(file);
}

/** A new page of `target` on `device`, loaded, its first chart drawn. */
async function open(browser, target, device) {
  const context = await browser.newContext(device.options);
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const requests = [];
  page.on('requestfinished', (r) => requests.push(r.url()));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (device.throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: device.throttle });
  await page.goto(target.url, { waitUntil: 'load' });
  // Waits through the protocol, not page.waitForFunction: that first injects Playwright's own
  // script into the page, main-thread work that a page drawing after its load event (ours: the
  // Wasm is part of the load) would have counted in its first chart, and one drawing before it
  // (the baseline's deferred scripts) would not.
  const { exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: `new Promise((ok, no) => {
      const late = setTimeout(() => no(new Error('no chart within 30 s')), 30000);
      window.__bench.drawn.then(() => { clearTimeout(late); ok(); });
    })`,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(`${target.name}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  if (target.name === 'ours') {
    await page.waitForFunction(() => document.documentElement.dataset.story, null, { timeout: 30000 });
  }
  const steps = await page.evaluate((s) => document.querySelectorAll(s).length, target.steps);
  if (!(await page.evaluate(() => crossOriginIsolated))) {
    errors.push('not cross-origin isolated: times are coarsened to 0.1 ms (serve with COOP and COEP)');
  }
  return { context, page, cdp, errors, requests, steps };
}

/** A load that only times the first chart. */
async function firstChartOnly(browser, target, device) {
  const { context, page, errors } = await open(browser, target, device);
  const firstChart = await page.evaluate(() => window.__bench.firstChart);
  await context.close();
  return { errors, firstChart };
}

/** The `q` quantile of a run's figures, or NaN (printed as —) when it has none. */
const quantileOrNaN = (xs, q) => (xs.length ? quantile(xs, q) : NaN);

/** One timed run: load, first chart, one scroll-through at the full dwell. */
async function run(browser, target, device) {
  const { context, page, cdp, errors, requests, steps } = await open(browser, target, device);
  const firstChart = await page.evaluate(() => window.__bench.firstChart);
  await sleep(500); // let the load finish before the scroll-through is timed
  const scriptBefore = await scriptSeconds(cdp);
  const start = await page.evaluate(() => {
    const bench = window.__bench;
    bench.frames = [];
    const tick = (t) => { if (bench.frames) { bench.frames.push(t); requestAnimationFrame(tick); } };
    requestAnimationFrame(tick);
    return performance.now();
  });
  const scrolls = await scrollThrough(page, target, steps, DWELL_MS, true);
  const seen = await page.evaluate(() => {
    const bench = window.__bench;
    const { frames } = bench;
    bench.frames = null;
    const draws = performance.getEntriesByType('measure')
      .filter((m) => m.name.includes(':draw:'))
      .map((m) => ({ chart: m.name.slice(m.name.indexOf(':draw:') + 6), duration: m.duration }));
    return { frames, end: performance.now(), longTasks: bench.longTasks, draws };
  });
  const scriptAfter = await scriptSeconds(cdp);
  await context.close();

  // The pages are served cross-origin isolated, so rAF times are coarsened to 5 µs, not 0.1 ms
  // (xtask/src/server.rs, Mode::Isolated): an on-time 60 Hz frame reads 16.67 ms. Round away the
  // float error of their differences (16.670000000000045).
  const intervals = seen.frames.slice(1).map((t, i) => Math.round((t - seen.frames[i]) * 1000) / 1000);
  const during = seen.longTasks.filter((t) => t.start >= start && t.start < seen.end);
  const files = [...new Set(requests)].map((url) => assetSizes(target.dir, url));
  const draw = {};
  for (const { chart, duration } of seen.draws) (draw[chart] ||= []).push(duration);
  const visits = route(steps).length;
  return {
    errors,
    files,
    requests: files.length,
    raw: files.reduce((a, f) => a + f.raw, 0),
    gzip: files.reduce((a, f) => a + f.gzip, 0),
    brotli: files.reduce((a, f) => a + f.brotli, 0),
    firstChart,
    loadLongTasks: seen.longTasks.filter((t) => t.start < start).length,
    longTasks: during.length,
    // Where each happened: how long after the scroll to which step.
    longTaskDetail: during.map((t) => {
      const visit = scrolls.filter((v) => v.at <= t.start).pop() ?? scrolls[0];
      return `${Math.round(t.duration)} ms, ${Math.round(t.start - visit.at)} ms after scrolling to step ${visit.i + 1}`;
    }),
    longTaskMs: during.reduce((a, t) => a + t.duration, 0),
    frameP50: quantileOrNaN(intervals, 0.5),
    frameP95: quantileOrNaN(intervals, 0.95),
    frameMax: intervals.length ? Math.max(...intervals) : NaN,
    dropped: intervals.filter((x) => x > DROPPED_MS).length,
    scriptPerStep: ((scriptAfter - scriptBefore) * 1000) / visits,
    visits,
    draws: Object.fromEntries(Object.entries(draw).map(([c, ds]) => [c, { p50: quantile(ds, 0.5), p95: quantile(ds, 0.95), n: ds.length }])),
  };
}

/** Memory after one timed scroll-through and after `scrolls` in all, the rest at a short dwell. */
async function memoryRun(browser, target, device, scrolls) {
  const { context, page, cdp, errors, steps } = await open(browser, target, device);
  await scrollThrough(page, target, steps, DWELL_MS, true);
  await sleep(500);
  const after1 = await memory(page, cdp);
  // Fast: transitions are cut short by the next step, as in a fling.
  for (let k = 1; k < scrolls; k += 1) await scrollThrough(page, target, steps, FAST_DWELL_MS, false);
  await sleep(1000);
  const afterN = await memory(page, cdp);
  await context.close();
  return { errors, after1, afterN };
}

/** Everything the benchmark measures, in this order: `runs` pairs of timed runs per size (ours,
 * then the baseline), `loads` more pairs of loads per size that time the first chart alone, and
 * one memory run per page and size over `scrolls` scroll-throughs. Returns the raw figures:
 * `results[device][page]` (one entry per timed run), `firstCharts[device][page]` (ms, in pairs:
 * the timed runs' then the extra loads'), `mem[device][page]`, the console and page `errors`,
 * and the browser's `version`. */
export async function measure({ pages, runs, loads, scrolls, chromium: executablePath }) {
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results = { desktop: { ours: [], baseline: [] }, mobile: { ours: [], baseline: [] } };
  const firstCharts = { desktop: { ours: [], baseline: [] }, mobile: { ours: [], baseline: [] } };
  const mem = { desktop: {}, mobile: {} };
  const errors = [];
  const note = (target, deviceName, list) => errors.push(...list.map((e) => `${target.name} ${deviceName}: ${e}`));
  try {
    for (let pair = 1; pair <= runs; pair += 1) {
      for (const [deviceName, device] of Object.entries(DEVICES)) {
        for (const target of [pages.ours, pages.baseline]) {
          process.stderr.write(`bench: pair ${pair}/${runs}, ${deviceName}, ${target.name}\n`);
          const r = await run(browser, target, device);
          note(target, deviceName, r.errors);
          results[deviceName][target.name].push(r);
          firstCharts[deviceName][target.name].push(r.firstChart);
        }
      }
    }
    for (let pair = 1; pair <= loads; pair += 1) {
      for (const [deviceName, device] of Object.entries(DEVICES)) {
        process.stderr.write(`bench: first chart only, pair ${pair}/${loads}, ${deviceName}\n`);
        for (const target of [pages.ours, pages.baseline]) {
          const r = await firstChartOnly(browser, target, device);
          note(target, deviceName, r.errors);
          firstCharts[deviceName][target.name].push(r.firstChart);
        }
      }
    }
    for (const [deviceName, device] of Object.entries(DEVICES)) {
      for (const target of [pages.ours, pages.baseline]) {
        process.stderr.write(`bench: memory, ${scrolls} scroll-throughs, ${deviceName}, ${target.name}\n`);
        const m = await memoryRun(browser, target, device, scrolls);
        note(target, deviceName, m.errors);
        mem[deviceName][target.name] = m;
      }
    }
  } finally {
    await browser.close();
  }
  return { version: browser.version(), results, firstCharts, mem, errors };
}
