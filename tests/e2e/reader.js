// The behaviours that matter to a reader, written once and run in each engine (engines.js):
// reader-chromium.test.js, reader-firefox.test.js and reader-webkit.test.js each run this suite
// with their own browser, so the three run side by side. What an engine cannot do is skipped
// there by name, with the reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { launchEngine } from './engines.js';
import { startHosts } from './hosts.js';
import {
  baseUrl, DESKTOP, PHONE, stepShown, measureCanvas, compareWithDrawing, compareShots, TOLERANCE,
  painted, layoutShift,
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

/** In the page: the build-time picture of the opening chart showing in the panel now, if any
 * (xtask/src/picture.rs): its layout, its box and the canvas size it was drawn for. */
function shownPicture() {
  const shown = [...document.querySelectorAll('.chart-picture')].find((p) => {
    const style = getComputedStyle(p);
    return style.display !== 'none' && style.visibility === 'visible' && Number(style.opacity) > 0;
  });
  if (!shown) return null;
  const r = shown.getBoundingClientRect();
  const [, , width, height] = shown.getAttribute('viewBox').split(' ').map(Number);
  return { layout: shown.getAttribute('class'), box: { x: r.x, y: r.y, width: r.width, height: r.height }, drawnFor: { width, height } };
}

/** In the page: where the chart, its tools and every step are. */
function landmarks() {
  const at = (e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); };
  return [document.getElementById('chart'), document.getElementById('chart-tools'), ...document.querySelectorAll('#story .step')].map(at);
}


/** A test that fails, naming itself, if it hangs: a WebDriver command that never returns would
 * otherwise hold up the whole run. */
function readerTest(name, fn) {
  return test(name, { timeout: 120000 }, fn);
}

/** The reader's behaviours in the engine named `engineName`. */
export function readerSuite(engineName) {
  const artifacts = new URL(`./artifacts/${engineName}/`, import.meta.url);
  let engine;
  let hosts;
  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    engine = await launchEngine(engineName);
    hosts = await startHosts();
  });
  after(async () => {
    await engine?.close();
    await hosts?.close();
  });

  /** Skips `t` with the engine's reason when it cannot do `what`; says whether it did. */
  const cannot = (t, what) => {
    const why = engine.cannot[what];
    if (why) t.skip(why);
    return Boolean(why);
  };

  /** The fault that holds the Wasm back until the test releases it, in this engine. */
  const heldWasm = (t) => {
    if (!engine.heldWasm) return 'held';
    t.diagnostic(engine.heldWasm.why);
    return engine.heldWasm.fault;
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

  /** A tab opened fresh by a deep link to the first step of `path` that shows `chart` (read from
   * the page: step ids are the page's to change, chart ids name what the tests check). */
  async function openAtChart(t, device, path, chart) {
    const tab = await openStory(t, device, path);
    const step = (await tab.evaluate(readSteps)).find((s) => s.chart === chart);
    assert.ok(step, `a step of ${path} shows the chart ${chart}`);
    await tab.goto('about:blank');
    await tab.goto(`${baseUrl()}/${path}#${step.id}`);
    await waitReady(tab);
    await waitStep(tab, step);
    return { tab, step };
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
    readerTest(`${engineName}: ${name}, ${device.name}: the chart follows the reader down and back up, each step drawn as drawChart draws it anew`, async (t) => {
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

  // A window dragged to a screen of another density keeps its CSS size: no resize, but the chart
  // must be drawn again for the new density, or it turns blurry (or needlessly heavy).
  readerTest(`${engineName}: a new pixel density at the same CSS size redraws the chart crisply for it`, async (t) => {
    if (cannot(t, 'newPixelRatio')) return;
    const tab = await openStory(t, DESKTOP, 'index.html');
    const step = (await tab.evaluate(readSteps))[1];
    await tab.evaluate(centreOn, step.id);
    await waitStep(tab, step);
    await assertPicture(tab, DESKTOP, step);
    await tab.evaluate(() => { window.resized = false; addEventListener('resize', () => { window.resized = true; }); });
    await tab.setPixelRatio(2);
    await tab.waitFor(() => {
      const canvas = document.getElementById('chart');
      return devicePixelRatio === 2 && canvas.width === Math.round(canvas.getBoundingClientRect().width * 2);
    }, undefined, 5000).catch((e) => { throw new Error(`the canvas was not redrawn for the new density: ${e.message}`); });
    assert.equal(await tab.evaluate(() => window.resized), false, 'no resize event told the page: the density alone changed');
    await assertPicture(tab, { ...DESKTOP, deviceScaleFactor: 2 }, step);
    await assertNoErrors(tab);
    await tab.close();
  });

  readerTest(`${engineName}: a reload mid-story shows that step and its chart`, async (t) => {
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
    readerTest(`${engineName}: ${name}, ${device.name}: a link to a step's anchor opens on that step, fresh and reloaded`, async (t) => {
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

  /** The frames and milliseconds the chart takes from the first step to the second, from
   * leaving its settled state to regaining it, counted in the page; the second step's picture
   * checked after. */
  async function framesOfTransition(t, options) {
    const tab = await openStory(t, DESKTOP, 'index.html', options);
    const [first, second] = await tab.evaluate(readSteps);
    await waitStep(tab, first);
    await tab.evaluate(() => {
      window.__frames = 0;
      window.__marks = [];
      const tick = () => { window.__frames += 1; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      new MutationObserver(() => window.__marks.push([document.getElementById('chart').dataset.settled, window.__frames, performance.now()]))
        .observe(document.getElementById('chart'), { attributes: true, attributeFilter: ['data-settled'] });
    });
    await tab.evaluate(centreOn, second.id);
    await waitStep(tab, second);
    const marks = await tab.evaluate(() => window.__marks);
    await assertPicture(tab, DESKTOP, second);
    await assertNoErrors(tab);
    await tab.close();
    const start = marks.find(([settled]) => settled === 'false');
    const end = marks.findLast(([settled]) => settled === 'true');
    assert.ok(start && end, `the chart went unsettled and settled again: ${JSON.stringify(marks)}`);
    return { frames: end[1] - start[1], ms: end[2] - start[2] };
  }

  readerTest(`${engineName}: a transition between charts animates over several frames`, async (t) => {
    const { frames, ms } = await framesOfTransition(t);
    // A busy machine gives a browser fewer frames in the same time (WebKit under xvfb, with
    // two other browsers running, has drawn 4 in a transition), so time tells an animation
    // from a cut, and a few frames show it was drawn in between.
    assert.ok(ms >= 300 && frames >= 3, `an animated transition spans several frames over time (${frames} frames, ${Math.round(ms)} ms)`);
  });

  readerTest(`${engineName}: readers who prefer less motion get each chart at once`, async (t) => {
    if (cannot(t, 'reducedMotion')) return;
    const { frames } = await framesOfTransition(t, { reducedMotion: 'reduce' });
    assert.ok(frames <= 2, `with reduced motion the chart changes at once (${frames} frames)`);
  });

  for (const device of [DESKTOP, PHONE]) {
    readerTest(`${engineName}: ${device.name}: the tools under the chart are painted there`, async (t) => {
      const { tab } = await openAtChart(t, device, 'index.html', 'funding');
      const tools = await tab.evaluate(() => document.getElementById('chart-tools').getBoundingClientRect().toJSON());
      const shotWidth = await tab.evaluate(() => innerWidth);
      assert.ok(tools.top >= 0 && tools.bottom <= await tab.evaluate(() => innerHeight), `the tools are in view: ${JSON.stringify(tools)}`);
      // The same view with the tools and without them: what they paint is the difference.
      const shots = ['tools-shown', 'tools-hidden'].map((name) => new URL(`${name}-${device.name}.png`, artifacts).pathname);
      await tab.screenshot(shots[0]);
      await tab.evaluate(() => { document.getElementById('chart-tools').style.visibility = 'hidden'; });
      await tab.evaluate(painted);
      await tab.screenshot(shots[1]);
      await assertNoErrors(tab);
      await tab.goto(hosts.host('compare', ''));
      const [a, b] = shots.map((file) => `data:image/png;base64,${readFileSync(file).toString('base64')}`);
      const ink = await tab.evaluate(compareShots, { a, b, box: tools, width: shotWidth });
      t.diagnostic(`${(ink * 100).toFixed(1)}% of the tools' box is theirs`);
      assert.ok(ink > 0.02, `the tools are painted: ${(ink * 100).toFixed(2)}% of their box changes without them`);
      await tab.close();
    });
  }

  readerTest(`${engineName}: the currency control redraws the chart in dollars, keeps the choice in the address, and on reload`, async (t) => {
    const { tab, step } = await openAtChart(t, DESKTOP, 'index.html', 'revenue-mix');
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

  // Each way the Wasm can fail (hosts.js applies it), and the browser's own report of it, exactly:
  // any other error, ours included, fails the test.
  for (const [fault, how, reports] of [
    ['missing', 'is missing (404)', [/^console: Failed to load resource: the server responded with a status of 404 \(Not Found\)$/]],
    ['truncated', 'is truncated', []],
    ['csp', "is blocked by the host's CSP", [/^pageerror: Content-Security-Policy: The page’s settings blocked WebAssembly \(script-src\) from being executed because it violates the following directive: “script-src 'self'” \(Missing 'wasm-unsafe-eval' or 'unsafe-eval'\)$/]],
  ]) readerTest(`${engineName}: when the Wasm ${how}, every step shows its static chart`, async (t) => {
    if (engine.cannot.pixelRatio) t.diagnostic(`pixel ratio 3 not emulated: ${engine.cannot.pixelRatio}`);
    const tab = await engine.open(PHONE);
    await tab.goto(hosts.site(fault, 'index.html'));
    await tab.waitFor(() => document.documentElement.dataset.story === 'failed');
    // The static charts' stylesheet takes the graphic away once it applies.
    await tab.waitFor(() => document.querySelector('.graphic').getBoundingClientRect().height === 0, undefined, 5000)
      .catch((e) => { throw new Error(`the interactive graphic is still there: ${e.message}`); });
    const page = await tab.evaluate(() => ({
      notice: document.getElementById('notice').hidden ? null : document.getElementById('notice').textContent,
      words: document.querySelector('#story .steps').innerText.split(/\s+/).length,
    }));
    assert.match(page.notice ?? '', /could not start/);
    assert.ok(page.words > 600, `every step's text is still there (${page.words} words)`);
    for (const step of await tab.evaluate(readSteps)) {
      await tab.evaluate((id) => document.querySelector(`#${id} .static-chart img`).scrollIntoView({ block: 'center' }), step.id);
      await tab.waitFor((id) => {
        const img = document.querySelector(`#${id} .static-chart img`);
        const r = img.getBoundingClientRect();
        return img.complete && img.naturalWidth > 0 && r.height > 50 && r.top < innerHeight && r.bottom > 0;
      }, step.id).catch((e) => { throw new Error(`${step.id}: its static chart did not show: ${e.message}`); });
    }
    const errors = await tab.errors();
    const unexpected = errors.filter((e) => !reports.some((r) => r.test(e)));
    assert.deepEqual(unexpected, [], `console or page errors beyond the browser's report of the fault:\n${unexpected.join('\n')}`);
    await tab.close();
  });

  readerTest(`${engineName}: a host whose policy blocks the inline style sheet still shows the styled story`, async () => {
    const tab = await engine.open(DESKTOP);
    await tab.goto(hosts.site('stylecsp', 'index.html'));
    await waitReady(tab);
    // main.js saw the sheet blocked and linked it as a file, which the policy allows.
    await tab.waitFor(() => getComputedStyle(document.querySelector('.graphic')).position === 'sticky', undefined, 5000)
      .catch((e) => { throw new Error(`the page is not styled: ${e.message}`); });
    assert.ok(await tab.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet]')].some((l) => new URL(l.href).pathname.endsWith('/style.css'))),
      'the style sheet is linked as a file');
    const first = (await tab.evaluate(readSteps))[0];
    await waitStep(tab, first);
    await assertPicture(tab, DESKTOP, first);
    // Only the browser's report of the blocked inline sheet.
    const unexpected = (await tab.errors()).filter((e) => !/style-src/.test(e));
    assert.deepEqual(unexpected, [], `console or page errors beyond the blocked inline style:\n${unexpected.join('\n')}`);
    await tab.close();
  });

  readerTest(`${engineName}: a Wasm that arrives late catches up with the step the reader has scrolled to`, async (t) => {
    const tab = await engine.open(DESKTOP);
    await tab.goto(hosts.site(heldWasm(t), 'index.html'));
    await hosts.heldAsked();
    const all = await tab.evaluate(readSteps);
    for (const index of [2, 4, 6]) {
      await tab.evaluate(centreOn, all[index].id);
      // Scrolling without smooth behaviour is done at once; two frames let the page paint there.
      await tab.evaluate(painted);
    }
    assert.equal(await tab.evaluate(() => document.documentElement.dataset.story ?? null), null, 'still loading while the reader scrolls');
    hosts.release();
    await waitReady(tab);
    await waitStep(tab, all[6]);
    await assertPicture(tab, DESKTOP, all[6]);
    await assertNoErrors(tab);
    await tab.close();
  });

  for (const device of [DESKTOP, PHONE]) {
    readerTest(`${engineName}: ${device.name}: the opening chart is on screen before the Wasm, and the canvas takes over in place`, async (t) => {
        const tab = await engine.open(device);
      await tab.goto(hosts.site(heldWasm(t), 'index.html'));
      await hosts.heldAsked();
      await tab.evaluate(painted);
      assert.equal(await tab.evaluate(() => document.documentElement.dataset.story ?? null), null, 'the Wasm is held');
      const picture = await tab.evaluate(shownPicture);
      assert.ok(picture, 'a picture of the opening chart shows in the panel before any Wasm');
      const chart = await tab.evaluate(chartBox);
      for (const side of ['x', 'y', 'width', 'height']) {
        assert.ok(Math.abs(picture.box[side] - chart[side]) < 0.5, `the picture covers the canvas: ${JSON.stringify(picture.box)} vs ${JSON.stringify(chart)}`);
      }
      // The page's own width: a classic scrollbar (Firefox on Linux) takes some of the viewport's.
      const [width, height] = await tab.evaluate(() => [document.documentElement.clientWidth, innerHeight]);
      const exact = device === DESKTOP ? width >= 1264 && height === 800 : width === device.viewport.width && height === device.viewport.height;
      if (!exact) t.diagnostic(`a ${width}x${height} page: the picture is scaled to its box, so it is not compared pixel by pixel`);
      if (exact) {
        // At the sizes the pictures are drawn for, the canvas lays the chart out as the picture did.
        assert.ok(Math.abs(picture.drawnFor.width - chart.width) < 1 && Math.abs(picture.drawnFor.height - chart.height) < 1, `the ${picture.layout} picture is drawn for ${JSON.stringify(picture.drawnFor)}, the canvas is ${chart.width}x${chart.height}`);
      }
      const before = await tab.evaluate(landmarks);
      const shotWidth = await tab.evaluate(() => innerWidth);
      const shots = [new URL('picture.png', artifacts), new URL('canvas.png', artifacts)].map((u) => u.pathname.replace('.png', `-${device.name}.png`));
      await tab.screenshot(shots[0]);
      hosts.release();
      await waitReady(tab);
      await tab.waitFor(() => !document.querySelector('.chart-picture') || [...document.querySelectorAll('.chart-picture')].every((p) => getComputedStyle(p).visibility === 'hidden'));
      await tab.evaluate(painted);
      assert.deepEqual(await tab.evaluate(landmarks), before, 'nothing moved when the canvas took over');
      const shift = await tab.evaluate(layoutShift);
      if (shift === null) t.diagnostic('this engine does not report layout shifts; the boxes above did not move');
      else assert.equal(shift, 0, 'no layout shift');
      await tab.screenshot(shots[1]);
      await assertNoErrors(tab);
      // Compared where the screenshots are at the ratio the pictures are drawn for: WebKit draws
      // the desktop at its display's ratio, 1, as asked, but cannot emulate the phone's 3.
      const ratio = await tab.evaluate(() => devicePixelRatio);
      if (exact && ratio !== device.deviceScaleFactor) t.diagnostic(`drawn at ratio ${ratio}, not ${device.deviceScaleFactor}: not compared pixel by pixel`);
      if (exact && ratio === device.deviceScaleFactor) {
        // Compared on a page of the test's own, with no CSP: the story's allows no data: images,
        // and WebKit's about:blank keeps the policy of the page before it.
        await tab.goto(hosts.host('compare', ''));
        const [a, b] = shots.map((file) => `data:image/png;base64,${readFileSync(file).toString('base64')}`);
        const differing = await tab.evaluate(compareShots, { a, b, box: chart, width: shotWidth });
        assert.ok(differing <= TOLERANCE, `the canvas's first frame looks like the picture: ${(differing * 100).toFixed(2)}% of pixels differ`);
      }
      await tab.close();
    });
  }

  readerTest(`${engineName}: a link to a later step shows no picture of the opening chart while the Wasm loads`, async (t) => {
    const tab = await engine.open(DESKTOP);
    const all = await (async () => {
      await tab.goto(hosts.site(heldWasm(t), 'index.html#mopeds'));
      await hosts.heldAsked();
      await tab.evaluate(painted);
      return tab.evaluate(readSteps);
    })();
    assert.equal(await tab.evaluate(shownPicture), null, 'the panel waits for the linked step\'s chart');
    hosts.release();
    await waitReady(tab);
    const mopeds = all.find((s) => s.id === 'mopeds');
    await waitStep(tab, mopeds);
    await assertPicture(tab, DESKTOP, mopeds);
    await assertNoErrors(tab);
    await tab.close();
  });

  /** The host page scrolls so that `step`, in the story framed at `urlPart`, sits 40% down
   * its viewport. */
  async function hostScrollsTo(tab, urlPart, step) {
    // The frame lays its story out again when it first hears the host's viewport (it takes the
    // host's height as its own), and a busy machine may deliver that after the first aim: aim
    // again until the step stays where it was aimed at.
    let aimed = null;
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const top = await tab.inFrame(urlPart, (id) => document.getElementById(id).getBoundingClientRect().top + scrollY, step.id);
      const target = await tab.evaluate((top) => {
        const frameTop = document.querySelector('iframe').getBoundingClientRect().top + scrollY;
        const target = Math.round(frameTop + top - innerHeight * 0.4);
        window.scrollTo(0, target);
        return target;
      }, top);
      if (target === aimed) return;
      aimed = target;
      await tab.evaluate(painted);
      await new Promise((resolve) => { setTimeout(resolve, 100); });
    }
    throw new Error(`${step.id} kept moving in the frame at ${urlPart} as the host scrolled to it`);
  }

  /** Waits until `fn` (run in the frame whose address holds `urlPart`) returns something true;
   * returns it. The frame may not be there yet. */
  async function waitInFrame(tab, urlPart, fn, arg, timeout = 10000) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const value = await tab.inFrame(urlPart, fn, arg);
        if (value) return value;
        last = value;
      } catch (e) {
        last = e.message;
      }
      if (Date.now() > deadline) throw new Error(`waiting in the frame at ${urlPart}: ${last}`);
      await new Promise((resolve) => { setTimeout(resolve, 50); });
    }
  }

  readerTest(`${engineName}: script embeds on another origin draw in their shadow roots, in either language; a bad option shows its notice; a missing Wasm leaves links to the story`, async () => {
    const tab = await engine.open({ viewport: { width: 800, height: 900 }, deviceScaleFactor: 1 });
    const charts = `
      <p>The host's own text.</p>
      <div id="en" data-sensetime-chart="revenue-mix"></div>
      <div id="zh" data-sensetime-chart="grants" data-options='{"lang": "zh", "theme": "dark"}'></div>
      <div id="bad" data-sensetime-chart="grants" data-options='{"colour": "red"}'></div>
      <p id="after">After the charts.</p>`;
    await tab.goto(hosts.host('script-embeds', `${charts}<script type="module" src="${baseUrl()}/embed.js"></script>`));
    await tab.waitFor(() => ['en', 'zh', 'bad'].every((id) => document.getElementById(id).dataset.sensetimeMounted), undefined, 15000);
    const seen = await tab.evaluate(() => Object.fromEntries(['en', 'zh', 'bad'].map((id) => {
      const root = document.getElementById(id).shadowRoot;
      return [id, {
        mounted: document.getElementById(id).dataset.sensetimeMounted,
        label: root?.querySelector('canvas')?.getAttribute('aria-label') ?? null,
        notice: root?.querySelector('[role="note"]')?.textContent ?? null,
      }];
    })));
    for (const id of ['en', 'zh']) seen[id].ink = (await tab.evaluate(measureCanvas, id)).ink;
    assert.equal(seen.en.mounted, 'revenue-mix');
    assert.ok(seen.en.ink > 1000, `the English chart is drawn (${seen.en.ink} pixels of ink)`);
    assert.match(seen.en.label, /Smart City/);
    assert.equal(seen.zh.mounted, 'grants');
    assert.ok(seen.zh.ink > 1000, `the Chinese chart is drawn (${seen.zh.ink} pixels of ink)`);
    assert.match(seen.zh.label, /政府补助/);
    assert.equal(seen.bad.mounted, 'notice');
    assert.match(seen.bad.notice, /unknown field `colour`/);
    await assertNoErrors(tab);

    // The module and its Wasm from an origin where the Wasm is missing: each chart's place holds a
    // link to the story, in its language, and the host page carries on.
    await tab.goto(hosts.host('script-embeds-failing', `${charts}<script type="module" src="${hosts.site('missing', 'embed.js')}"></script>`));
    await tab.waitFor(() => document.querySelector('#en > a') && document.querySelector('#zh > a'), undefined, 15000);
    const links = await tab.evaluate(() => ['en', 'zh'].map((id) => document.querySelector(`#${id} > a`).getAttribute('href')));
    assert.match(links[0], /\/index\.html/, 'the English one links to the story');
    assert.match(links[1], /\/zh\//, 'the Chinese one to the Chinese story');
    assert.equal(await tab.evaluate(() => document.getElementById('after').textContent), 'After the charts.');
    await tab.close();
  });

  readerTest(`${engineName}: a pym.js host on another origin sizes the chart frame to its content, and resizes it with the width`, async () => {
    const tab = await engine.open({ viewport: { width: 700, height: 900 }, deviceScaleFactor: 1 });
    await tab.goto(hosts.host('pym', `
      <div id="chart-frame"></div>
      <script src="/host/pym.js"></script>
      <script>
        window.messages = [];
        addEventListener('message', (e) => window.messages.push(e.data));
        new pym.Parent('chart-frame', '${baseUrl()}/embed.html?chart=revenue-mix', {});
      </script>`));
    const outer = () => tab.evaluate(() => parseInt(document.querySelector('#chart-frame iframe')?.getAttribute('height') ?? '0', 10));
    const inner = () => waitInFrame(tab, 'embed.html', () => document.documentElement.dataset.embed === 'ready' && {
      body: document.body.offsetHeight, scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight,
    });
    /** Waits until the frame's height (pym.js writes e.g. "575px") is its content's, and the
     * frame shows all of it: no inner scrollbar. */
    const fitted = async () => {
      const deadline = Date.now() + 10000;
      for (;;) {
        const [content, height] = [await inner(), await outer()];
        if (height === content.body && height > 300 && content.scroll <= content.client) return;
        if (Date.now() > deadline) {
          assert.fail(`the frame (${height} px) should be as tall as its content (${content.body} px), with no inner scrollbar (${content.scroll} > ${content.client})`);
        }
        await new Promise((resolve) => { setTimeout(resolve, 50); });
      }
    };
    await fitted();
    const wide = await outer();
    await tab.setViewport({ width: 460, height: 900 });
    await tab.waitFor((wide) => parseInt(document.querySelector('#chart-frame iframe').getAttribute('height'), 10) < wide, wide);
    await fitted();
    const messages = await tab.evaluate(() => window.messages);
    assert.ok(messages.some((m) => typeof m === 'string' && /^pymxPYMxchart-framexPYMxheightxPYMx\d+$/.test(m)), 'pym height messages');
    assert.ok(messages.some((m) => m?.sentinel === 'amp' && m.type === 'embed-size' && m.height > 300), 'AMP embed-size messages');
    assert.ok(messages.some((m) => m?.['datawrapper-height']?.['chart-frame'] > 300), 'Datawrapper height messages');
    await assertNoErrors(tab);
    await tab.close();
  });

  // frame.html is the address for hosts; index.html?frame=story, the older one, still works.
  for (const address of ['frame.html', 'index.html?frame=story']) {
    readerTest(`${engineName}: the whole story in a frame on another origin (${address}) follows the host page's scroll and tells it each step`, async () => {
      const tab = await engine.open({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1 });
      await tab.goto(hosts.host('framed', `
        <h1>A host article</h1><p style="height: 600px">Text before the story.</p>
        <iframe data-sensetime="story" src="${baseUrl()}/${address}" title="The story" width="100%" height="600" frameborder="0"></iframe>
        <p style="height: 900px">Text after the story.</p>
        <script>window.stepMessages = []; addEventListener('message', (e) => { if (e.data?.type === 'sensetime:step') window.stepMessages.push(e.data); });</script>
        <script src="${baseUrl()}/frames.js"></script>`));
      await tab.waitFor(() => parseFloat(document.querySelector('iframe').style.height) > 3000, undefined, 15000);
      await waitInFrame(tab, address, () => document.documentElement.dataset.story === 'ready', undefined, 15000);
      const all = await tab.inFrame(address, readSteps);
      for (const index of [5, 8, 1]) {
        await hostScrollsTo(tab, address, all[index]);
        // As long as the frame's first chart may take: a loaded machine (three browsers at once)
        // once kept WebKit's frame from settling within 10 s.
        await waitInFrame(tab, address, stepShown, all[index], 15000).catch(async (e) => {
          const seen = await tab.inFrame(address, () => ({
            active: [...document.querySelectorAll('#story .step.is-active')].map((s) => s.id),
            state: document.getElementById('chart').dataset.state,
            settled: document.getElementById('chart').dataset.settled,
          })).catch((f) => f.message);
          throw new Error(`step ${index + 1} (${all[index].id}) in the frame: saw ${JSON.stringify(seen)}: ${e.message}`);
        });
        const view = await tab.evaluate(() => ({ frameTop: document.querySelector('iframe').getBoundingClientRect().top, vh: innerHeight }));
        const graphic = await tab.inFrame(address, () => document.querySelector('.graphic').getBoundingClientRect().toJSON());
        const graphicTop = view.frameTop + graphic.top;
        assert.ok(graphicTop >= -2 && graphicTop + graphic.height <= view.vh + 2, `step ${index + 1}: the chart is in the host's view (top ${graphicTop}, height ${graphic.height}, viewport ${view.vh})`);
      }
      const scroll = await tab.inFrame(address, () => [document.documentElement.scrollHeight, document.documentElement.clientHeight]);
      assert.ok(scroll[0] <= scroll[1] + 1, `no inner scrollbar (${scroll})`);
      // The host heard each step change as a message from the frame, the last one the step in view.
      const heard = await tab.evaluate(() => window.stepMessages);
      assert.deepEqual(heard.at(-1), { type: 'sensetime:step', index: 1, id: all[1].id, direction: 'up', chart: all[1].chart }, JSON.stringify(heard));
      for (const index of [5, 8]) assert.ok(heard.some((m) => m.id === all[index].id), `the host heard step ${index + 1}`);
      await assertNoErrors(tab);
      await tab.close();
    });
  }

  readerTest(`${engineName}: a host page tells a story frame where it is only once the frame holds the story`, async (t) => {
    if (cannot(t, 'holdingPage')) return;
    const tab = await engine.open({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1 });
    // The frame's page is held back, on a third origin: the frame holds a blank document of the
    // host's origin while frames.js starts.
    const address = hosts.siteElsewhere('heldpage', 'frame.html');
    await tab.goto(hosts.host('slow-story', `
      <iframe data-sensetime="story" src="${address}" title="The story" width="100%" height="600"></iframe>
      <p style="height: 2000px">Text after the story.</p>
      <script src="${baseUrl()}/frames.js"></script>`));
    await hosts.heldAsked();
    // frames.js has run, and two frames have passed, one of them its first message round.
    await tab.waitFor(() => document.readyState !== 'loading');
    await tab.evaluate(painted);
    await tab.evaluate(() => window.scrollTo(0, 100));
    await tab.evaluate(painted);
    hosts.release();
    await waitInFrame(tab, 'frame.html', () => document.documentElement.dataset.story === 'ready', undefined, 15000);
    await tab.waitFor(() => parseFloat(document.querySelector('iframe').style.height) > 3000);
    await assertNoErrors(tab);
    await tab.close();
  });

  readerTest(`${engineName}: a story frame added after the host page has loaded, as CMSs add embeds, is told where it is once it holds the story`, async () => {
    const tab = await engine.open({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1 });
    const address = hosts.siteElsewhere('heldpage', 'frame.html');
    await tab.goto(hosts.host('late-story', `
      <p id="before">The host's own text.</p>
      <p style="height: 2000px">Text after the story.</p>
      <script src="${baseUrl()}/frames.js"></script>`));
    // The frame's page is held back: until it arrives, the frame holds a blank document of the
    // host's origin, whose postMessage the test can watch.
    await tab.evaluate((src) => {
      const frame = Object.assign(document.createElement('iframe'), { src, title: 'The story', width: '100%', height: 600 });
      frame.dataset.sensetime = 'story';
      document.getElementById('before').after(frame);
      window.toBlank = 0;
      const blank = frame.contentWindow;
      blank.postMessage = () => { window.toBlank += 1; };
    }, address);
    await hosts.heldAsked();
    await tab.evaluate(painted);
    await tab.evaluate(() => window.scrollTo(0, 100));
    await tab.evaluate(painted);
    assert.equal(await tab.evaluate(() => window.toBlank), 0, 'no message to the frame before it holds the story');
    hosts.release();
    await waitInFrame(tab, 'frame.html', () => document.documentElement.dataset.story === 'ready', undefined, 15000).catch(async (e) => {
      const seen = await tab.inFrame('frame.html', () => ({ url: location.href, readyState: document.readyState, story: document.documentElement.dataset.story ?? null }))
        .catch((f) => f.message);
      const host = await tab.evaluate(() => ({ height: document.querySelector('iframe').style.height }));
      throw new Error(`the frame did not start: it shows ${JSON.stringify(seen)}, the host ${JSON.stringify(host)}: ${e.message}`);
    });
    // Heard from, it is sized to the story and told where it is as the host scrolls.
    await tab.waitFor(() => parseFloat(document.querySelector('iframe').style.height) > 3000);
    const all = await tab.inFrame('frame.html', readSteps);
    await hostScrollsTo(tab, 'frame.html', all[4]);
    await waitInFrame(tab, 'frame.html', stepShown, all[4], 15000);
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

  readerTest(`${engineName}: the Chinese edition in dollars: its deep link, its chart and a tooltip by pointer`, async (t) => {
    const { tab, step } = await openAtChart(t, DESKTOP, 'zh/?currency=usd', 'revenue-mix');
    assert.match(await tab.evaluate(() => document.getElementById('chart').getAttribute('aria-label')), /美元/);
    await assertPicture(tab, DESKTOP, step);
    const tip = await findTip(tab, tab.pointAt);
    assert.match(tip ?? '', /^智慧城市业务占销售额比重 · 资料来源：/);
    await assertNoErrors(tab);
    await tab.close();
  });

  readerTest(`${engineName}: phone: tapping a bar shows its figure`, async (t) => {
    if (cannot(t, 'touch')) return;
    const { tab } = await openAtChart(t, PHONE, 'index.html', 'revenue-trend');
    await tab.evaluate(() => {
      window.pointerKinds = new Set();
      addEventListener('pointerdown', (e) => window.pointerKinds.add(e.pointerType), true);
    });
    // The 2020 column, third of five.
    const tip = await findTip(tab, tab.tapAt, 0.43);
    // The column says Rmb3.45bn over 2020: the tooltip, the filing's exact figure.
    assert.match(tip ?? '', /^Revenue 2020: Rmb3,446\.2m · Source: SenseTime IPO filing/);
    // A tap, not a mouse standing in for one.
    assert.deepEqual(await tab.evaluate(() => [...window.pointerKinds]), ['touch']);
    await assertNoErrors(tab);
    await tab.close();
  });
}
