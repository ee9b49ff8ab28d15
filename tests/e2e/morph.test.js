// How the chart changes between steps, frame by frame: charts that share marks morph (what they
// have in common moves while the rest goes and comes), and charts that share none never show
// both pictures at once. The canvas is read in the page on every animation frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, DESKTOP, openPage, openAtChart, steps, centre, waitStep, assertNoErrors, painted,
} from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/** In the page: keeps a copy of the canvas's pixels, and the time, on every animation frame
 * until stopped. */
function record() {
  const canvas = document.getElementById('chart');
  const context = canvas.getContext('2d');
  window.__recorded = [];
  window.__times = [performance.now()];
  window.__recording = true;
  const grab = () => new Uint8ClampedArray(context.getImageData(0, 0, canvas.width, canvas.height).data);
  window.__recorded.push(grab());
  const tick = (time) => {
    if (!window.__recording) return;
    window.__recorded.push(grab());
    window.__times.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** In the page: stops recording and measures each frame recorded against the first (the chart
 * the reader left, settled) and the last (the chart arrived at, settled). A pixel differs when a
 * channel differs by more than antialiasing moves it (48 of 255, as compareWithDrawing counts);
 * it shows ink when it differs from the background by more than a faint tint (24 of 255).
 *
 * The double exposure: the pixels only the first picture inks (the second leaves them
 * background) and those only the second inks. A frame shows the first picture where it inks
 * its own pixels, and the second likewise; a frame that inks more than a tenth of each shows
 * both pictures at once. As a check of that measure, the two ends mixed half and half (what a
 * cross-fade shows at its middle) is measured too. */
function measureRecording() {
  window.__recording = false;
  const frames = window.__recorded;
  const first = frames[0];
  const last = frames[frames.length - 1];
  const background = [first[0], first[1], first[2]];
  const delta = (d, i, ref) => Math.max(Math.abs(d[i] - ref[i]), Math.abs(d[i + 1] - ref[i + 1]), Math.abs(d[i + 2] - ref[i + 2]));
  const fromBackground = (d, i) => Math.max(Math.abs(d[i] - background[0]), Math.abs(d[i + 1] - background[1]), Math.abs(d[i + 2] - background[2]));
  const onlyFirst = [];
  const onlySecond = [];
  for (let i = 0; i < first.length; i += 4) {
    const a = fromBackground(first, i) > 48;
    const b = fromBackground(last, i) > 48;
    if (a && fromBackground(last, i) <= 8) onlyFirst.push(i);
    if (b && fromBackground(first, i) <= 8) onlySecond.push(i);
  }
  const shown = (d, pixels) => pixels.filter((i) => fromBackground(d, i) > 24).length / Math.max(1, pixels.length);
  const measure = (d) => {
    let fromFirst = 0;
    let fromLast = 0;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (delta(d, i, first) > 48) fromFirst += 1;
      if (delta(d, i, last) > 48) fromLast += 1;
      if (fromBackground(d, i) > 24) ink += 1;
    }
    const n = d.length / 4;
    return {
      fromFirst: fromFirst / n, fromLast: fromLast / n, ink: ink / n,
      first: shown(d, onlyFirst), second: shown(d, onlySecond),
    };
  };
  const halfAndHalf = new Uint8ClampedArray(first.length);
  for (let i = 0; i < first.length; i += 1) halfAndHalf[i] = (first[i] + last[i]) / 2;
  const times = window.__times;
  const longestGap = Math.max(...times.slice(1).map((t, i) => t - times[i]));
  const result = { frames: frames.map(measure), crossFade: measure(halfAndHalf), exclusive: [onlyFirst.length, onlySecond.length], longestGap };
  window.__recorded = null;
  return result;
}

/** Frames that differ from both ends by more than antialiasing does. */
const DIFFERS = 0.002;
const between = (frames) => frames.filter((f) => f.fromFirst > DIFFERS && f.fromLast > DIFFERS);
/** A frame shows a picture when it inks this share of the pixels only that picture inks. */
const SHOWS = 0.1;
const doubleExposed = (f) => f.first > SHOWS && f.second > SHOWS;
const brief = (f) => `${f.fromFirst.toFixed(3)}/${f.fromLast.toFixed(3)} ink ${f.ink.toFixed(3)} shows ${f.first.toFixed(2)}+${f.second.toFixed(2)}`;

/** Goes from the step now shown to `to`, recording every frame on the way. */
async function recordTransition(page, to) {
  await page.evaluate(record);
  await centre(page, to.id);
  await waitStep(page, to);
  // One more frame, so that the last recorded is the settled chart.
  await page.evaluate(painted);
  return page.evaluate(measureRecording);
}

/** A frame interval longer than this means the browser was starved of the machine (other
 * browsers running at once) rather than that the page drew few frames. */
const STARVED_MS = 100;

/** [`recordTransition`] from `from` to `to`, going back to `from` and again, up to twice more,
 * while a starved browser painted fewer than two frames of the change: a cut paints none
 * however often it is tried, where a transition on a free moment paints many. */
async function recordChange(t, page, from, to) {
  for (let attempt = 1; ; attempt += 1) {
    const recording = await recordTransition(page, to);
    const starved = recording.longestGap > STARVED_MS;
    if (between(recording.frames).length >= 2 || !starved || attempt === 3) return recording;
    t.diagnostic(`to ${to.chart}: ${between(recording.frames).length} frames of the change, the browser starved (a ${Math.round(recording.longestGap)} ms frame): again`);
    await centre(page, from.id);
    await waitStep(page, from);
  }
}

test('revenue mix → customers → Megvii: the chart morphs, changing progressively through frames unlike either end', async (t) => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  let from = await openAtChart(page, 'index.html', 'revenue-mix');
  const all = await steps(page);
  for (const chart of ['customers', 'megvii']) {
    const to = all.find((s) => s.chart === chart);
    const { frames } = await recordChange(t, page, from, to);
    from = to;
    const middle = between(frames);
    t.diagnostic(`to ${chart}: ${frames.length} frames, ${middle.length} unlike both ends: ${middle.map(brief).join('; ')}`);
    // A cut has none. Two at least, so that the frames can be seen to progress (a starved
    // browser has painted one, and is given the change again: recordChange).
    assert.ok(middle.length >= 2, `to ${chart}: at least two frames unlike both the start and the end, not a cut (${frames.map(brief).join('; ')})`);
    // Progressively: the frames draw away from the start and towards the end as they go.
    const half = Math.floor(middle.length / 2);
    const mean = (xs, key) => xs.reduce((sum, f) => sum + f[key], 0) / xs.length;
    const [early, late] = [middle.slice(0, half), middle.slice(middle.length - half)];
    assert.ok(mean(late, 'fromFirst') > mean(early, 'fromFirst'), `to ${chart}: later frames stand further from the start`);
    assert.ok(mean(late, 'fromLast') < mean(early, 'fromLast'), `to ${chart}: later frames stand nearer the end`);
    // A morph, not a fade through an empty panel: the marks the two charts share stay drawn.
    const ends = Math.min(frames[0].ink, frames[frames.length - 1].ink);
    for (const f of middle) assert.ok(f.ink > ends * 0.5, `to ${chart}: a frame between lost its marks (${brief(f)}; the ends ink ${ends.toFixed(3)})`);
  }
  assertNoErrors(assert, errors);
  await context.close();
});

test('helmets → peers, charts that share no mark: no frame shows both pictures at once', async (t) => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  const from = await openAtChart(page, 'index.html', 'helmets');
  const all = await steps(page);
  const to = all[all.findIndex((s) => s.id === from.id) + 1];
  assert.equal(to.chart, 'peers', 'the step after the helmets shows the peers');
  const { frames, crossFade, exclusive } = await recordChange(t, page, from, to);
  t.diagnostic(`${frames.length} frames; pixels only each picture inks: ${exclusive}; ${frames.map(brief).join('; ')}`);
  assert.ok(exclusive[0] > 1000 && exclusive[1] > 1000, `each picture inks pixels of its own (${exclusive})`);
  // The measure catches a double exposure: the ends mixed half and half show both.
  assert.ok(doubleExposed(crossFade), `half of each picture reads as both at once (${brief(crossFade)})`);
  const both = frames.filter(doubleExposed);
  assert.deepEqual(both.map(brief), [], 'frames that show both pictures at once');
  // It still changes over frames rather than at once (readers who ask for less motion get a cut).
  assert.ok(between(frames).length >= 2, `the change takes frames: ${frames.map(brief).join('; ')}`);
  assertNoErrors(assert, errors);
  await context.close();
});
