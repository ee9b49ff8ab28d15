// Embeds in other sites' pages, in Chromium: script embeds in shadow roots, a strict CSP, no third
// parties, no storage, what a framed story downloads. (pym.js hosts and the framed story following
// its host run in every engine: reader.js.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { baseUrl, openPage, assertNoErrors, measureCanvas, painted } from './helpers.js';
import { chromiumAndHosts } from './hosts.js';

// Host pages live on another origin, served by the test process itself (hosts.js).
const session = chromiumAndHosts();

/** Opens a page on another origin holding `body`. */
function hostPage(page, body) {
  return page.goto(session.hosts.host('embed-test', body));
}

test('a bad chart id shows a readable notice in the frame that names the charts', async () => {
  const { page, context, errors } = await openPage(session.browser, { viewport: { width: 600, height: 600 } });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${baseUrl()}/embed.html?chart=pie&theme=dark`);
  await page.waitForFunction(() => document.documentElement.dataset.embed === 'ready');
  const notice = await page.evaluate(() => document.getElementById('embed').shadowRoot.querySelector('[role="note"]')?.textContent);
  assert.match(notice, /no chart called “pie”/);
  assert.match(notice, /revenue-mix/);
  assert.ok(warnings.some((w) => w.includes('pie')), 'and a console warning');
  await page.goto(`${baseUrl()}/embed.html?chart=funding&theme=pink`);
  await page.waitForFunction(() => document.documentElement.dataset.embed === 'ready');
  const theme = await page.evaluate(() => document.getElementById('embed').shadowRoot.textContent);
  assert.match(theme, /light, dark or auto/);
  assertNoErrors(assert, errors);
  await context.close();
});

test('script embeds mount in shadow roots under a strict CSP, without layout shift, and never break the host', async () => {
  const { page, context, errors } = await openPage(session.browser, { viewport: { width: 800, height: 900 } });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.route(`${baseUrl()}/host-under-test.html`, (route) => route.fulfill({
    contentType: 'text/html',
    headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
      <link rel="stylesheet" href="examples/article.css">
      <script type="module" src="embed.js"></script></head><body>
      <p>Before the charts.</p>
      <div id="good" data-sensetime-chart="revenue-mix"></div>
      <div id="dark" data-sensetime-chart="grants" data-options='{"theme": "dark", "height": 420}'></div>
      <div id="bad" data-sensetime-chart="grants" data-options='{"colour": "red"}'></div>
      <div id="broken" data-sensetime-chart="grants" data-options='{theme: dark}'></div>
      <div id="typed" data-sensetime-chart="grants" data-options='{"height": "tall"}'></div>
      <div id="listed" data-sensetime-chart="grants" data-options='["dark"]'></div>
      <p id="after">After the charts.</p>
      <script src="examples/later.js"></script></body></html>`,
  }));
  await page.addInitScript(() => {
    window.shifts = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.shifts += e.value; }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${baseUrl()}/host-under-test.html`);
  await page.waitForFunction(() => ['good', 'dark', 'bad', 'broken', 'typed', 'listed'].every((id) => document.getElementById(id).dataset.sensetimeMounted), null, { timeout: 10000 });
  const state = await page.evaluate(() => Object.fromEntries(['good', 'dark', 'bad', 'broken', 'typed', 'listed'].map((id) => {
    const el = document.getElementById(id);
    const canvas = el.shadowRoot?.querySelector('canvas');
    return [id, {
      mounted: el.dataset.sensetimeMounted, shadow: Boolean(el.shadowRoot), height: el.getBoundingClientRect().height,
      notice: el.shadowRoot?.querySelector('[role="note"]')?.textContent ?? null, canvasVisible: canvas ? getComputedStyle(canvas).display : null,
    }];
  })));
  assert.equal(state.good.mounted, 'revenue-mix');
  const { ink } = await page.evaluate(measureCanvas, 'good');
  assert.ok(state.good.shadow && ink > 1000, 'the chart is drawn inside its shadow root');
  assert.equal(state.good.canvasVisible, 'block', "the host's `canvas { display: none !important }` does not reach in");
  assert.equal(state.dark.mounted, 'grants');
  assert.equal(state.dark.height, 420 + 28, 'the height option is honoured: the chart plus the link band under it');
  assert.equal(state.bad.mounted, 'notice');
  assert.match(state.bad.notice, /unknown field `colour`/);
  assert.match(state.broken.notice, /not JSON/);
  assert.match(state.typed.notice, /`height` should be a whole number of pixels, not the string “tall”/);
  assert.match(state.listed.notice, /should be an object/);
  assert.ok(warnings.some((w) => w.includes('colour')), 'a console warning for the bad option');
  assert.equal(await page.evaluate(() => window.laterScriptRan), true, "the host's later scripts still run");
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('after')).color), 'rgb(128, 0, 128)', 'our styles do not leak out');
  const shifts = await page.evaluate(() => window.shifts);
  assert.ok(shifts < 0.05, `no layout shift from the good charts (CLS ${shifts})`);
  assertNoErrors(assert, errors);
  await context.close();
});

test('every page is served with a strict CSP, loads nothing from third parties and stores nothing', async () => {
  const { page, context, errors } = await openPage(session.browser, { viewport: { width: 1000, height: 800 } });
  // The one inline style allowed is the site's style sheet, by its SHA-256, which the story's
  // pages carry inside them rather than link.
  const sheet = await (await fetch(`${baseUrl()}/style.css`)).text();
  const hash = createHash('sha256').update(sheet).digest('base64');
  const policy = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'sha256-${hash}'`;
  for (const path of ['index.html', 'zh/index.html', 'frame.html', 'zh/frame.html', 'embed.html?chart=cities', 'examples/article.html']) {
    const origins = new Set();
    const seen = (r) => origins.add(new URL(r.url()).origin);
    page.on('request', seen);
    const response = await page.goto(`${baseUrl()}/${path}`);
    assert.equal(response.headers()['content-security-policy'], policy);
    if (path.endsWith('index.html') || path.endsWith('frame.html')) {
      const styles = await page.evaluate(() => ({
        inline: [...document.querySelectorAll('style')].map((s) => s.textContent),
        linked: [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => new URL(l.href).pathname),
      }));
      assert.deepEqual(styles.inline, [sheet], `${path}: the style sheet is inline, exactly as served`);
      assert.ok(!styles.linked.some((p) => p.endsWith('/style.css')), `${path}: and not linked as well: ${styles.linked}`);
    }
    // Ready: the story or the chart started, or every script embed and frame of the article.
    await page.waitForFunction(() => {
      const root = document.documentElement.dataset;
      const embeds = [...document.querySelectorAll('[data-sensetime-chart]')];
      const frames = [...document.querySelectorAll('iframe[data-sensetime]')];
      return root.story === 'ready' || root.embed === 'ready'
        || (embeds.length > 0 && embeds.every((el) => el.dataset.sensetimeMounted) && frames.every((f) => parseFloat(f.style.height) > 300));
    }, null, { timeout: 15000 });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await page.evaluate(painted);
    assert.equal(await page.evaluate(() => document.cookie), '');
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
    page.off('request', seen);
    assert.deepEqual([...origins], [new URL(baseUrl()).origin], `${path}: every request goes to our own origin`);
  }
  assertNoErrors(assert, errors);
  await context.close();
});

test('a script embed on another origin loads our module and Wasm through CORS, and links to the story when the Wasm fails', async () => {
  for (const wasmFails of [false, true]) {
    const { page, context, errors } = await openPage(session.browser, { viewport: { width: 800, height: 900 } });
    if (wasmFails) await page.route(`${baseUrl()}/**/*.wasm`, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await hostPage(page, `
      <div id="chart" data-sensetime-chart="revenue-mix"></div>
      <div id="zh" data-sensetime-chart="revenue-mix" data-options='{"lang": "zh"}'></div>
      <script type="module" src="${baseUrl()}/embed.js"></script>`);
    if (!wasmFails) {
      await page.waitForFunction(() => document.getElementById('chart').dataset.sensetimeMounted === 'revenue-mix', null, { timeout: 10000 });
      const { ink } = await page.evaluate(measureCanvas, 'chart');
      assert.ok(ink > 1000, `the chart is drawn on the host's page (${ink} pixels of ink)`);
      assertNoErrors(assert, errors);
    } else {
      await page.waitForFunction(() => document.querySelector('#chart > a') && document.querySelector('#zh > a'), null, { timeout: 10000 });
      const links = await page.evaluate(() => ['chart', 'zh'].map((id) => document.querySelector(`#${id} > a`).href));
      assert.match(links[0], new RegExp(`^${baseUrl()}/index\\.html`), 'the English fallback links to the story');
      assert.match(links[1], new RegExp(`^${baseUrl()}/zh/`), 'the Chinese one to the Chinese story');
      // The browser's own report of the missing Wasm, nothing else.
      assertNoErrors(assert, errors.filter((e) => !/^console: Failed to load resource: the server responded with a status of 404 \(Not Found\)$/.test(e)));
    }
    await context.close();
  }
});

// The framed story's scroll-following runs in every engine (reader.js); here, what it downloads.
for (const [address, builds] of [
  ['frame.html', ['sensetime_story_frame.']],
  // The story's build is preloaded by index.html before main.js knows it is framed.
  ['index.html?frame=story', ['sensetime_story.', 'sensetime_story_frame.']],
]) test(`the whole story in a cross-origin frame (${address}) downloads the builds it should`, async () => {
  const { page, context, errors } = await openPage(session.browser, { viewport: { width: 1200, height: 800 } });
  const wasm = new Set();
  page.on('requestfinished', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (name.startsWith('sensetime_')) wasm.add(name.replace(/_bg\..*|\.[0-9a-f]{10}\.js$/, '.'));
  });
  await hostPage(page, `
    <iframe data-sensetime="story" src="${baseUrl()}/${address}" title="The story" width="100%" height="600" frameborder="0"></iframe>
    <script src="${baseUrl()}/frames.js"></script>`);
  await page.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 3000, null, { timeout: 15000 });
  const frame = page.frames().find((f) => f.url().includes(address));
  await frame.waitForFunction(() => document.documentElement.dataset.story === 'ready');
  assert.deepEqual([...wasm].sort(), builds, 'the Wasm builds the frame downloads');
  assertNoErrors(assert, errors);
  await context.close();
});

test('the example news article embeds charts both ways and the whole story, under the strict CSP', async () => {
  const { page, context, errors } = await openPage(session.browser, { viewport: { width: 1000, height: 800 } });
  await page.goto(`${baseUrl()}/examples/article.html`);
  await page.waitForFunction(() => {
    const mounted = [...document.querySelectorAll('[data-sensetime-chart]')].every((el) => el.dataset.sensetimeMounted);
    const frames = [...document.querySelectorAll('iframe[data-sensetime]')];
    return mounted && frames.every((f) => parseFloat(f.style.height) > 300);
  }, null, { timeout: 15000 });
  const heights = await page.evaluate(() => [...document.querySelectorAll('iframe[data-sensetime]')].map((f) => [f.dataset.sensetime, parseFloat(f.style.height)]));
  assert.ok(heights.filter(([kind]) => kind === 'chart').every(([, h]) => h > 300 && h < 700), `chart frames fit their charts: ${heights}`);
  assert.ok(heights.some(([kind, h]) => kind === 'story' && h > 3000), `the story frame holds the whole story: ${heights}`);
  assert.equal(await page.evaluate(() => document.querySelector('[data-options]').getBoundingClientRect().height), 380 + 28);
  assertNoErrors(assert, errors);
  await context.close();
});

test("a chart's own page and embed.html show the chart's picture at once, in the room the chart then takes", async () => {
  for (const [path, width] of [
    ['embed/helmets.html', 360], ['embed/helmets.html', 600], ['embed/helmets.html', 900],
    ['embed.html?chart=helmets&lang=zh&theme=dark', 600],
  ]) {
    const { page, context, errors } = await openPage(session.browser, { viewport: { width, height: 900 } });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(`${baseUrl()}/${path}`);
    await page.waitForFunction(() => document.querySelector('.embed-static img')?.complete);
    const before = await page.evaluate(() => {
      const img = document.querySelector('.embed-static img');
      const r = img.getBoundingClientRect();
      return { shown: img.naturalWidth > 0 && r.height > 0, body: document.body.offsetHeight, picture: r.height, src: img.currentSrc };
    });
    assert.ok(before.shown, `${path} at ${width}: the picture shows before the Wasm`);
    if (path.includes('lang=zh&theme=dark')) assert.match(before.src, /helmets-alone-dark\.zh\.svg$/, 'the picture in the asked language and theme, as the chart stands alone');
    release();
    await page.waitForFunction(() => document.documentElement.dataset.embed === 'ready');
    await page.waitForFunction(() => document.getElementById('embed').shadowRoot?.querySelector('canvas')?.width > 0);
    const after = await page.evaluate(async (src) => {
      const canvas = document.getElementById('embed').shadowRoot.querySelector('canvas');
      return {
        body: document.body.offsetHeight,
        canvas: canvas.getBoundingClientRect().height,
        title: canvas.getAttribute('aria-label').split(/[.。]/)[0],
        picture: await (await fetch(src)).text(),
      };
    }, before.src);
    // The picture is the chart the canvas then draws: titled with its subject, not the story's finding.
    assert.ok(after.picture.includes(after.title), `${path}: the picture is titled "${after.title}" as the chart is`);
    assert.equal(after.body, before.body, `${path} at ${width}: the page keeps its height when the chart replaces the picture`);
    assert.equal(Math.round(after.canvas), Math.round(before.picture), `${path} at ${width}: the picture had the chart's height`);
    assertNoErrors(assert, errors);
    await context.close();
  }
});
