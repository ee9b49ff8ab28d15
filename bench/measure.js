// The benchmark's measuring: drives headless Chromium through playwright-core and the DevTools
// protocol over the three pages (ours, the Chart.js page and the hand-drawn floor) and returns
// the raw figures of every load and run. Computes no verdict and prints nothing but progress
// (to stderr); `report.js` reads what this returns. What it decides from what it sees (is a
// chart showing, how much did a metric grow) is in `probe.js`, tested on its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import {
  PICTURE, canvasShows, firstChart, growth, layoutShift, metricsByName, pictureShows,
} from './probe.js';
import { quantile } from './stats.js';

/** Milliseconds each step stays under the trigger line in a timed scroll-through (the story's
 * transitions take 450 ms, the Chart.js page's animations are set to the same). */
export const DWELL_MS = 700;
/** The same, in the fast scroll-throughs of the memory check. */
export const FAST_DWELL_MS = 60;
/** A frame interval longer than this (1.5 × 1/60 s) means at least one frame was dropped. */
export const DROPPED_MS = 25;
/** How long a load waits once its page is up (first chart drawn, first paint reported, the story
 * ready) before reading its layout shifts and metrics: a shift is reported after the frame that
 * made it, and the picture → canvas handoff falls about then. */
export const SETTLE_MS = 250;

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/** The slow phone's connection, for `Network.emulateNetworkConditions`: 1.6 Mbps down, 750 kbps
 * up, 150 ms added to every request (Chromium throttles whole requests, not packets; DevTools'
 * own "Slow 4G" preset adds 562.5 ms, 3.75 round trips, and takes 10% off both throughputs). */
export const SLOW_NETWORK = {
  offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8,
};

/** The profiles: a desktop window, a phone with its CPU slowed down, and the same phone on a
 * slow connection. `scroll`: whether the profile has timed scroll-throughs and memory runs (the
 * slow phone has loads only: once a page is up its network is idle, and its scrolling is the
 * phone's). */
export const PROFILES = {
  desktop: {
    label: 'desktop 1280×800', throttle: 1, network: null, scroll: true,
    options: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  },
  mobile: { label: 'phone 390×844 @3x, CPU 4× slower', throttle: 4, network: null, scroll: true, options: PHONE },
  slow: {
    label: 'slow phone: the phone on 1.6 Mbps down, 750 kbps up, 150 ms per request',
    throttle: 4, network: SLOW_NETWORK, scroll: false, options: PHONE,
  },
};

/** The pages, in the order each round loads them. */
export const PAGE_NAMES = ['ours', 'chartjs', 'floor'];

/** The story's step `i` is shown, and its chart's transition finished. */
function storySettled({ selector, i }) {
  const step = document.querySelectorAll(selector)[i];
  const canvas = document.getElementById('chart');
  return step.classList.contains('is-active') && canvas.dataset.state === step.dataset.chart
    && canvas.dataset.settled === 'true';
}

/** The story's state once its Wasm has started or failed (`ready` or `failed`). */
function storyState() {
  return document.documentElement.dataset.story;
}

/** The three pages: the story (`edition` `en`: index.html, `zh`: zh/index.html), the Chart.js
 * page and the floor, each with the URL it is served at, the directory it is served from, its
 * steps, and for the story how to tell that it is up and that a step has settled. The Chart.js
 * page says neither (the dwell, longer than its 450 ms animation, stands in); the floor draws
 * each step at once. */
export function targets({ baseUrl, chartjsUrl, floorUrl, dist, chartjsDir, floorDir, edition }) {
  return {
    ours: {
      name: 'ours',
      url: `${baseUrl}/${edition === 'zh' ? 'zh/' : ''}index.html`,
      dir: dist,
      steps: '#story .step',
      up: storyState,
      settled: storySettled,
    },
    chartjs: { name: 'chartjs', url: `${chartjsUrl}/index.html`, dir: chartjsDir, steps: '.step', up: null, settled: null },
    floor: { name: 'floor', url: `${floorUrl}/index.html`, dir: floorDir, steps: '.step', up: null, settled: null },
  };
}

/** Runs in every page before its own scripts (with `probe.js`'s functions as its arguments):
 * records long tasks, layout shifts and the first contentful paint, and checks at the start of
 * each frame (a requestAnimationFrame callback), until the canvas shows a chart, whether a
 * build-time picture of the chart or the canvas shows one. What shows at the start of a frame is
 * painted in that frame; the time it counts is that frame's after its style and layout, just
 * before its paint, when a ResizeObserver created then is told of the page's size, so the
 * frame's own rendering work is counted, as the user waits for it too. Notes both times: the
 * frame's start (`…Frame`) and after its layout (`…At`). `drawn` resolves when the canvas shows
 * a chart (every page draws one, ours after its picture if it has one), `painted` at the first
 * contentful paint. */
function instrument(pictureShows, canvasShows, picture) {
  let drawn;
  let painted;
  const bench = {
    pictureFrame: null,
    pictureAt: null,
    canvasFrame: null,
    canvasAt: null,
    fcp: null,
    fcpPainted: null,
    longTasks: [],
    shifts: [],
    frames: null,
    drawn: new Promise((resolve) => { drawn = resolve; }),
    painted: new Promise((resolve) => { painted = resolve; }),
  };
  window.__bench = bench;
  const observe = (type, each) => new PerformanceObserver((list) => list.getEntries().forEach(each))
    .observe({ type, buffered: true });
  observe('longtask', (e) => bench.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('layout-shift', (e) => bench.shifts.push({ startTime: e.startTime, value: e.value, hadRecentInput: e.hadRecentInput }));
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') {
      bench.fcp = e.startTime;
      bench.fcpPainted = e.paintTime ?? null;
      painted();
    }
  });
  /** Notes that `what` shows in the frame starting now, and when that frame's layout is done. */
  const seen = (what, then) => {
    bench[`${what}Frame`] = performance.now();
    const layout = new ResizeObserver(() => {
      layout.disconnect();
      bench[`${what}At`] = performance.now();
      then();
    });
    layout.observe(document.documentElement);
  };
  // Both spellings: the first two are the current ones, the others their older names.
  const checks = { opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true };
  const rendered = (element) => element.checkVisibility(checks);
  const probe = document.createElement('canvas');
  probe.width = 64;
  probe.height = 64;
  const ctx = probe.getContext('2d', { willReadFrequently: true });
  const noPixels = new Uint8ClampedArray(0);
  const poll = () => {
    if (bench.pictureFrame === null) {
      for (const element of document.querySelectorAll(picture)) {
        const tag = element.tagName.toUpperCase();
        const img = tag === 'IMG' ? element : (tag === 'PICTURE' ? element.querySelector('img') : null);
        const box = (img ?? element).getBoundingClientRect();
        const shows = pictureShows({
          box: { width: box.width, height: box.height },
          rendered: rendered(element) && (img === null || rendered(img)),
          image: img ? { complete: img.complete, naturalWidth: img.naturalWidth } : null,
        });
        if (shows) {
          seen('picture', () => {});
          break;
        }
      }
    }
    const canvas = document.querySelector('canvas#chart');
    if (canvas) {
      const sized = canvas.width > 0 && canvas.height > 0;
      let pixels = noPixels;
      if (sized) {
        ctx.clearRect(0, 0, 64, 64);
        ctx.drawImage(canvas, 0, 0, 64, 64);
        pixels = ctx.getImageData(0, 0, 64, 64).data;
      }
      if (canvasShows({ rendered: sized && rendered(canvas), width: canvas.width, height: canvas.height, pixels })) {
        seen('canvas', drawn);
        return;
      }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** The probe as it is injected: `instrument` called with `probe.js`'s functions, by their source. */
export const PROBE = `(${instrument})(${pictureShows}, ${canvasShows}, ${JSON.stringify(PICTURE)});`;

/** Evaluates `expression` in the page through the DevTools protocol, awaiting a promise, and
 * returns its value. Not Playwright's evaluate or waitForFunction: they first inject
 * Playwright's own script into the page, main-thread work that would be counted for whichever
 * page it fell in (the load, or the scroll-through's script time). */
async function evaluate(cdp, expression, what) {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(`${what}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}

/** Calls `test(arg)` in the page every 50 ms until it returns something truthy, which it returns;
 * an error after `seconds`. */
function waitFor(cdp, test, arg, seconds, what) {
  return evaluate(cdp, `new Promise((ok, no) => {
    const test = ${test};
    const late = setTimeout(() => no(new Error('not within ${seconds} s')), ${seconds * 1000});
    const check = () => {
      const value = test(${JSON.stringify(arg)});
      if (value) { clearTimeout(late); ok(value); } else setTimeout(check, 50);
    };
    check();
  })`, what);
}

/** In the page: the scroll position that puts each step's top 40 px above the trigger line (the
 * `--trigger` fraction of the viewport on `.scrolly`; 0.5, the Chart.js page's Scrollama offset
 * and the floor's observer line, when it has none). Read once, before the scroll-through is
 * timed, so the scroll-through itself forces no style or layout. */
function stepScrolls(selector) {
  return [...document.querySelectorAll(selector)].map((step) => {
    const scrolly = step.closest('.scrolly');
    const trigger = parseFloat(getComputedStyle(scrolly).getPropertyValue('--trigger')) || 0.5;
    const top = step.getBoundingClientRect().top + window.scrollY;
    return Math.max(0, Math.round(top - trigger * window.innerHeight + 40));
  });
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Steps down, then back up: 0, 1, …, n-1, n-2, …, 0. */
export function route(n) {
  const down = [...Array(n).keys()];
  return [...down, ...down.slice(0, -1).reverse()];
}

/** One scroll-through over the steps at `scrolls`; each step waits `dwell` ms and, for the story
 * when `settle`, until its chart has settled. Returns each visit's step and page time, to place
 * long tasks by. */
async function scrollThrough(cdp, target, scrolls, dwell, settle) {
  const visits = [];
  for (const i of route(scrolls.length)) {
    const at = await evaluate(cdp, `window.scrollTo(0, ${scrolls[i]}); performance.now()`, 'scroll');
    visits.push({ i, at });
    await sleep(dwell);
    if (settle && target.settled) {
      await waitFor(cdp, target.settled, { selector: target.steps, i }, 15, `${target.name}: step ${i + 1} settled`);
    }
  }
  return visits;
}

/** The DevTools protocol's performance metrics, name → value (durations in seconds). */
async function metrics(cdp) {
  return metricsByName((await cdp.send('Performance.getMetrics')).metrics);
}

/** The metrics whose growth the benchmark reports, and the names it reports them by: seconds
 * of main-thread script, style recalculation and layout, and how many of the last two. */
const METRICS = {
  ScriptDuration: 'script', RecalcStyleDuration: 'style', RecalcStyleCount: 'recalcs', LayoutDuration: 'layout', LayoutCount: 'layouts',
};

/** `growth` of the metrics above, renamed, durations in ms. */
function work(before, after, per = 1) {
  const grown = growth(before, after, Object.keys(METRICS), per);
  return Object.fromEntries(Object.entries(METRICS).map(([name, short]) => [short, name.endsWith('Duration') ? grown[name] * 1000 : grown[name]]));
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

/** A new page of `target` in `profile`, loaded and up: its canvas shows a chart, its first
 * contentful paint is reported, the story (if it is) says it is ready, `SETTLE_MS` have passed
 * and no request is pending. Returns the page and its load's figures: when the first chart
 * showed and by what (picture or canvas), when the canvas first showed one, the first
 * contentful paint, the layout shift so far, long tasks so far, script, style and layout work
 * so far, and every file requested. */
async function open(browser, target, profile) {
  const context = await browser.newContext(profile.options);
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const requested = new Set();
  let pending = 0;
  page.on('request', () => { pending += 1; });
  page.on('requestfinished', (r) => { pending -= 1; requested.add(r.url()); });
  page.on('requestfailed', (r) => { pending -= 1; errors.push(`${r.url()}: ${r.failure()?.errorText}`); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile.throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.throttle });
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.network);
  }
  const before = await metrics(cdp);
  await page.goto(target.url, { waitUntil: 'load' });
  await evaluate(cdp, `new Promise((ok, no) => {
    const late = setTimeout(() => no(new Error('no chart and first paint within 30 s')), 30000);
    Promise.all([window.__bench.drawn, window.__bench.painted]).then(() => { clearTimeout(late); ok(); });
  })`, target.name);
  if (target.up) {
    const state = await waitFor(cdp, target.up, null, 30, `${target.name}: up`);
    if (state !== 'ready') errors.push(`the page says its state is ${state}`);
  }
  await sleep(SETTLE_MS);
  for (let waited = 0; pending > 0 && waited < 10000; waited += 50) await sleep(50);
  if (pending > 0) errors.push(`${pending} requests still pending 10 s after the page was up`);
  const after = await metrics(cdp);
  const seen = await evaluate(cdp, `(() => {
    const b = window.__bench;
    return {
      pictureFrame: b.pictureFrame, pictureAt: b.pictureAt, canvasFrame: b.canvasFrame, canvasAt: b.canvasAt,
      fcp: b.fcp, fcpPainted: b.fcpPainted, shifts: b.shifts, longTasks: b.longTasks.length,
    };
  })()`, target.name);
  if (!(await evaluate(cdp, 'crossOriginIsolated', target.name))) {
    errors.push('not cross-origin isolated: times are coarsened to 0.1 ms (serve with COOP and COEP)');
  }
  const first = firstChart(seen.pictureAt, seen.canvasAt);
  const frame = first.by === 'picture' ? seen.pictureFrame : seen.canvasFrame;
  const files = [...requested].map((url) => assetSizes(target.dir, url));
  const load = {
    firstChart: first.at,
    by: first.by,
    // The first chart's frame: from its start to the end of its layout.
    firstChartLayout: first.at - frame,
    pictureAt: seen.pictureAt,
    canvasAt: seen.canvasAt,
    fcp: seen.fcp,
    fcpPainted: seen.fcpPainted,
    shift: layoutShift(seen.shifts),
    longTasks: seen.longTasks,
    work: work(before, after),
    requests: files.length,
    raw: files.reduce((a, f) => a + f.raw, 0),
    gzip: files.reduce((a, f) => a + f.gzip, 0),
    brotli: files.reduce((a, f) => a + f.brotli, 0),
  };
  return { context, page, cdp, errors, load, files };
}

/** The `q` quantile of a run's figures, or NaN (printed as —) when it has none. */
const quantileOrNaN = (xs, q) => (xs.length ? quantile(xs, q) : NaN);

/** One timed run: a load, then one scroll-through at the full dwell. */
async function run(browser, target, profile) {
  const { context, page, cdp, errors, load, files } = await open(browser, target, profile);
  await sleep(500 - SETTLE_MS); // the load's last work done before the scroll-through is timed
  const scrolls = await page.evaluate(stepScrolls, target.steps);
  const before = await metrics(cdp);
  const start = await evaluate(cdp, `(() => {
    const bench = window.__bench;
    bench.frames = [];
    const tick = (t) => { if (bench.frames) { bench.frames.push(t); requestAnimationFrame(tick); } };
    requestAnimationFrame(tick);
    return performance.now();
  })()`, target.name);
  const visits = await scrollThrough(cdp, target, scrolls, DWELL_MS, true);
  const after = await metrics(cdp);
  const seen = await page.evaluate(() => {
    const bench = window.__bench;
    const { frames } = bench;
    bench.frames = null;
    const draws = performance.getEntriesByType('measure')
      .filter((m) => m.name.includes(':draw:'))
      .map((m) => ({ chart: m.name.slice(m.name.indexOf(':draw:') + 6), duration: m.duration }));
    return { frames, end: performance.now(), longTasks: bench.longTasks, shifts: bench.shifts, draws };
  });
  await context.close();

  // The pages are served cross-origin isolated, so rAF times are coarsened to 5 µs, not 0.1 ms
  // (xtask/src/server.rs, Mode::Isolated): an on-time 60 Hz frame reads 16.67 ms. Round away the
  // float error of their differences (16.670000000000045).
  const intervals = seen.frames.slice(1).map((t, i) => Math.round((t - seen.frames[i]) * 1000) / 1000);
  const during = seen.longTasks.filter((t) => t.start >= start && t.start < seen.end);
  const draw = {};
  for (const { chart, duration } of seen.draws) (draw[chart] ||= []).push(duration);
  return {
    errors,
    files,
    load,
    scroll: {
      visits: visits.length,
      longTasks: during.length,
      // Where each happened: how long after the scroll to which step.
      longTaskDetail: during.map((t) => {
        const visit = visits.filter((v) => v.at <= t.start).pop() ?? visits[0];
        return `${Math.round(t.duration)} ms, ${Math.round(t.start - visit.at)} ms after scrolling to step ${visit.i + 1}`;
      }),
      longTaskMs: during.reduce((a, t) => a + t.duration, 0),
      frameP50: quantileOrNaN(intervals, 0.5),
      frameP95: quantileOrNaN(intervals, 0.95),
      frameMax: intervals.length ? Math.max(...intervals) : NaN,
      dropped: intervals.filter((x) => x > DROPPED_MS).length,
      // Script, style and layout per step visit: the pages have different numbers of steps.
      perVisit: work(before, after, visits.length),
      shift: layoutShift(seen.shifts, { from: start }),
      draws: Object.fromEntries(Object.entries(draw).map(([c, ds]) => [c, { p50: quantile(ds, 0.5), p95: quantile(ds, 0.95), n: ds.length }])),
    },
  };
}

/** A load alone: the first chart, first paint, layout shift, load work and bytes. */
async function loadOnly(browser, target, profile) {
  const { context, errors, load, files } = await open(browser, target, profile);
  await context.close();
  return { errors, load, files };
}

/** Memory after one timed scroll-through and after `scrolls` in all, the rest at a short dwell. */
async function memoryRun(browser, target, profile, scrolls) {
  const { context, page, cdp, errors } = await open(browser, target, profile);
  const at = await page.evaluate(stepScrolls, target.steps);
  await scrollThrough(cdp, target, at, DWELL_MS, true);
  await sleep(500);
  const after1 = await memory(page, cdp);
  // Fast: transitions are cut short by the next step, as in a fling.
  for (let k = 1; k < scrolls; k += 1) await scrollThrough(cdp, target, at, FAST_DWELL_MS, false);
  await sleep(1000);
  const afterN = await memory(page, cdp);
  await context.close();
  return { errors, after1, afterN };
}

/** Everything the benchmark measures, in rounds, each loading the pages in `PAGE_NAMES` order:
 * `runs` rounds of timed runs (a load and a scroll-through) per scrolling profile, `loads` more
 * rounds of loads per scrolling profile, `slowLoads` rounds of loads on the slow phone, and one
 * memory run per page and scrolling profile over `scrolls` scroll-throughs. Returns the raw
 * figures: `loads[profile][page]` (one per load, the timed runs' first, so that index i of
 * every page is the same round), `runs[profile][page]` (the scroll-throughs),
 * `mem[profile][page]`, `assets[page]` (the files of its first load), the console and page
 * `errors`, and the browser's `version`. */
export async function measure({ pages, runs, loads, slowLoads, scrolls, chromium: executablePath }) {
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const perPage = () => Object.fromEntries(PAGE_NAMES.map((name) => [name, []]));
  const scrolling = Object.keys(PROFILES).filter((p) => PROFILES[p].scroll);
  const out = {
    loads: Object.fromEntries(Object.keys(PROFILES).map((p) => [p, perPage()])),
    runs: Object.fromEntries(scrolling.map((p) => [p, perPage()])),
    mem: Object.fromEntries(scrolling.map((p) => [p, {}])),
    assets: {},
    errors: [],
  };
  const keep = (name, profile, r) => {
    out.errors.push(...r.errors.map((e) => `${name} ${profile}: ${e}`));
    out.assets[name] ??= r.files;
    out.loads[profile][name].push(r.load);
  };
  const round = async (profile, what, measureOne) => {
    for (const name of PAGE_NAMES) {
      process.stderr.write(`bench: ${what}, ${profile}, ${name}\n`);
      await measureOne(pages[name], PROFILES[profile], name);
    }
  };
  try {
    for (let k = 1; k <= runs; k += 1) {
      for (const profile of scrolling) {
        await round(profile, `run ${k}/${runs}`, async (target, p, name) => {
          const r = await run(browser, target, p);
          keep(name, profile, r);
          out.runs[profile][name].push(r.scroll);
        });
      }
    }
    const loadRounds = async (profiles, n, what) => {
      for (let k = 1; k <= n; k += 1) {
        for (const profile of profiles) {
          await round(profile, `${what} ${k}/${n}`, async (target, p, name) => keep(name, profile, await loadOnly(browser, target, p)));
        }
      }
    };
    await loadRounds(scrolling, loads, 'load');
    await loadRounds(['slow'], slowLoads, 'slow load');
    for (const profile of scrolling) {
      await round(profile, `memory, ${scrolls} scroll-throughs`, async (target, p, name) => {
        const m = await memoryRun(browser, target, p, scrolls);
        out.errors.push(...m.errors.map((e) => `${name} ${profile}: ${e}`));
        out.mem[profile][name] = { after1: m.after1, afterN: m.afterN };
      });
    }
  } finally {
    await browser.close();
  }
  return { version: browser.version(), ...out };
}
