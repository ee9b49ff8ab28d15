// Shared helpers for the end-to-end tests: browser, page with error capture, waits, canvas reads.
import { chromium } from 'playwright-core';

/** The served site's base URL; the tests refuse to run without one. */
export function baseUrl() {
  const url = process.env.BASE_URL;
  if (!url) throw new Error('BASE_URL is not set: run the end-to-end tests through `cargo xtask test`, which builds and serves the site');
  return url.replace(/\/$/, '');
}

/** Debian's Chromium, headless, with the flags this machine needs, and any `extraArgs`. */
export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

export const DESKTOP = { name: 'desktop', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
export const PHONE = { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/** A new page in its own context that records console errors and page errors in `errors`. */
export async function openPage(browser, device) {
  const { name, ...options } = device;
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return { page, context, errors };
}

/** Waits until the Wasm story has started and drawn its first chart. */
export async function waitReady(page) {
  await page.waitForFunction(() => document.documentElement.dataset.story, null, { timeout: 15000 });
  const state = await page.evaluate(() => document.documentElement.dataset.story);
  if (state !== 'ready') throw new Error(`the story did not start: data-story="${state}"`);
}

/** The steps' ids and charts, in page order. */
export function steps(page) {
  return page.evaluate(() => [...document.querySelectorAll('#story .step')].map((s) => ({ id: s.id, chart: s.dataset.chart })));
}

/** In the page: whether `step` is the one active step and the chart shows its state, settled.
 * Plain DOM code, so both Playwright and Puppeteer can run it. */
export function stepShown({ id, chart }) {
  const active = document.querySelectorAll('#story .step.is-active');
  const canvas = document.getElementById('chart');
  return active.length === 1 && active[0].id === id && active[0].getAttribute('aria-current') === 'step'
    && canvas.dataset.state === chart && canvas.dataset.settled === 'true';
}

/** Waits until `step` is the one active step and the chart shows its state, settled. */
export async function waitStep(page, step) {
  await page.waitForFunction(stepShown, step, { timeout: 10000 }).catch(async (e) => {
    const seen = await page.evaluate((id) => ({
      active: [...document.querySelectorAll('#story .step.is-active')].map((s) => s.id),
      state: document.getElementById('chart').dataset.state,
      settled: document.getElementById('chart').dataset.settled,
      // Where the page is, to tell a story that missed a scroll from a page that never scrolled.
      address: location.href.split('/').pop(),
      scrollY: Math.round(scrollY),
      stepTop: Math.round(document.getElementById(id)?.getBoundingClientRect().top),
    }), step.id);
    throw new Error(`expected step ${step.id} (${step.chart}) active and settled, saw ${JSON.stringify(seen)}: ${e.message}`);
  });
}

/** Opens `path` and scrolls to the first step that shows `chart` (step ids are the page's to
 * change; chart ids name what the tests check); returns that step once it is shown. */
export async function openAtChart(page, path, chart) {
  await page.goto(`${baseUrl()}/${path}`);
  await waitReady(page);
  const step = (await steps(page)).find((s) => s.chart === chart);
  if (!step) throw new Error(`no step of ${path} shows the chart ${chart}`);
  await centre(page, step.id);
  await waitStep(page, step);
  return step;
}

/** Scrolls so that the element with `id` sits in the middle of the viewport. */
export function centre(page, id) {
  return page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'center' }), id);
}

/** In the page: what the canvas shows (sizes, the pixels unlike the background, as a count
 * and a share, a hash of the pixels): the story's, or, given `host`, the one a script embed
 * drew in the shadow root of the element with that id. Plain DOM code, so every engine's
 * driver can run it. */
export function measureCanvas(host) {
  const canvas = host ? document.getElementById(host).shadowRoot.querySelector('canvas') : document.getElementById('chart');
  const rect = canvas.getBoundingClientRect();
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const [r0, g0, b0] = data;
  let ink = 0;
  let hash = 2166136261;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] !== r0 || data[i + 1] !== g0 || data[i + 2] !== b0) ink += 1;
    hash = Math.imul(hash ^ data[i] ^ (data[i + 1] << 8) ^ (data[i + 2] << 16), 16777619);
  }
  return {
    width: canvas.width, height: canvas.height, cssWidth: rect.width, cssHeight: rect.height,
    ratio: devicePixelRatio, ink, inkShare: ink / (data.length / 4), hash: hash >>> 0,
  };
}

/** In the page: draws `chart` independently with drawChart, on a canvas of its own laid out at
 * the on-screen canvas's CSS size (off screen), in the page's language, theme and currency, and
 * compares it with what the canvas shows. Returns the share of pixels that differ by more than
 * antialiasing does. */
export function compareWithDrawing(chart) {
  const canvas = document.getElementById('chart');
  const rect = canvas.getBoundingClientRect();
  const expected = document.createElement('canvas');
  expected.style.cssText = `position: fixed; left: -20000px; top: 0; width: ${rect.width}px; height: ${rect.height}px`;
  document.body.append(expected);
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  const lang = document.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const currency = document.getElementById('currency')?.value || 'reported';
  try {
    window.sensetime.drawChart(expected, chart, dark, lang, currency);
  } finally {
    expected.remove();
  }
  const sizes = { shown: [canvas.width, canvas.height], drawn: [expected.width, expected.height] };
  if (canvas.width !== expected.width || canvas.height !== expected.height) return { ...sizes, differing: 1 };
  const shown = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const drawn = expected.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let differing = 0;
  for (let i = 0; i < shown.length; i += 4) {
    const delta = Math.max(Math.abs(shown[i] - drawn[i]), Math.abs(shown[i + 1] - drawn[i + 1]), Math.abs(shown[i + 2] - drawn[i + 2]));
    if (delta > 48) differing += 1;
  }
  return { ...sizes, differing: differing / (shown.length / 4) };
}

/** Antialiasing may move an edge's pixels; a different chart, label or currency moves far more. */
export const TOLERANCE = 0.005;

/** Fails unless the canvas shows `chart` as drawChart draws it anew (see compareWithDrawing). */
export async function assertDrawn(assert, page, chart) {
  const compared = await page.evaluate(compareWithDrawing, chart);
  assert.ok(compared.differing <= TOLERANCE, `the canvas should show ${chart} as drawChart draws it anew; ${(compared.differing * 100).toFixed(2)}% of pixels differ (${JSON.stringify(compared)})`);
}

/** What the canvas shows now; see measureCanvas. */
export function canvasInfo(page) {
  return page.evaluate(measureCanvas);
}

/** Fails with every console or page error collected. */
export function assertNoErrors(assert, errors) {
  assert.deepEqual(errors, [], `console or page errors:\n${errors.join('\n')}`);
}

/** In the page: the share of pixels inside `box` (CSS pixels) that differ by more than
 * antialiasing does between two screenshots of the viewport, given as data URLs: a pixel of the
 * first counts only if no pixel of the second within one CSS pixel of it is alike, so text that
 * SVG and canvas rasterise a fraction of a pixel apart passes, and a label moved, resized or
 * changed does not. Plain DOM code, so every engine can run it on its own screenshots. */
export async function compareShots({ a, b, box, width }) {
  const load = (src) => new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('a screenshot would not decode'));
    image.src = src;
  });
  const images = await Promise.all([load(a), load(b)]);
  // Screenshots are in device pixels in some engines, CSS pixels in others: scaled by the width
  // of the page they show, not of this one (a phone lays a page without a viewport tag out at
  // 980 px).
  const scale = images[0].naturalWidth / width;
  const [x, y, w, h] = [box.x, box.y, box.width, box.height].map((v) => Math.round(v * scale));
  const pixels = images.map((image) => {
    const canvas = Object.assign(document.createElement('canvas'), { width: w, height: h });
    const context = canvas.getContext('2d');
    context.drawImage(image, x, y, w, h, 0, 0, w, h);
    return context.getImageData(0, 0, w, h).data;
  });
  const [first, second] = pixels;
  const reach = Math.max(1, Math.round(scale));
  const alike = (i, j) => Math.abs(first[i] - second[j]) <= 48 && Math.abs(first[i + 1] - second[j + 1]) <= 48
    && Math.abs(first[i + 2] - second[j + 2]) <= 48;
  let differing = 0;
  for (let py = 0; py < h; py += 1) {
    for (let px = 0; px < w; px += 1) {
      const i = (py * w + px) * 4;
      let near = false;
      for (let dy = -reach; dy <= reach && !near; dy += 1) {
        for (let dx = -reach; dx <= reach && !near; dx += 1) {
          const [qx, qy] = [px + dx, py + dy];
          near = qx >= 0 && qy >= 0 && qx < w && qy < h && alike(i, (qy * w + qx) * 4);
        }
      }
      if (!near) differing += 1;
    }
  }
  return differing / (w * h);
}

/** In the page: the layout shifts Chromium recorded since the page opened (none is 0), or null
 * where the engine does not report them. */
export function layoutShift() {
  if (!PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) return null;
  return new Promise((resolve) => {
    new PerformanceObserver((list) => resolve(list.getEntries().reduce((sum, e) => sum + (e.hadRecentInput ? 0 : e.value), 0)))
      .observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(0), 500);
  });
}

/** Two animation frames: whatever was asked for has been painted. */
export function painted() {
  return new Promise((resolve) => { requestAnimationFrame(() => requestAnimationFrame(resolve)); });
}
