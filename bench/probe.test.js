// Unit tests of what the benchmark decides from what it sees (`node --test bench/`; also run by
// `cargo xtask test`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  canvasShows, firstChart, growth, layoutShift, metricsByName, pictureShows,
} from './probe.js';

const box = (width, height) => ({ width, height });

test('an inline SVG picture shows when it is rendered and has a box', () => {
  assert.equal(pictureShows({ box: box(600, 400), rendered: true, image: null }), true);
  // display: none, visibility: hidden or opacity 0, its own or an ancestor's
  assert.equal(pictureShows({ box: box(600, 400), rendered: false, image: null }), false);
  // in the document but without a box yet (or collapsed)
  assert.equal(pictureShows({ box: box(0, 0), rendered: true, image: null }), false);
  assert.equal(pictureShows({ box: box(600, 0), rendered: true, image: null }), false);
});

test('an img picture shows only once it has arrived', () => {
  const at = (image) => pictureShows({ box: box(600, 400), rendered: true, image });
  assert.equal(at({ complete: true, naturalWidth: 1200 }), true);
  assert.equal(at({ complete: false, naturalWidth: 0 }), false);
  // complete but broken: a failed image is "complete" with no pixels
  assert.equal(at({ complete: true, naturalWidth: 0 }), false);
  assert.equal(pictureShows({ box: box(600, 400), rendered: false, image: { complete: true, naturalWidth: 1200 } }), false);
});

/** RGBA bytes of `n` pixels, all `background` except `ink` at index `at`. */
function pixels(n, background, ink = null, at = -1) {
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i += 1) out.set(i === at ? ink : background, i * 4);
  return out;
}

test('a canvas shows a chart when one pixel differs from the corner', () => {
  const shows = (p) => canvasShows({ rendered: true, width: 300, height: 150, pixels: p });
  assert.equal(shows(pixels(64, [0, 0, 0, 0])), false); // blank
  assert.equal(shows(pixels(64, [253, 251, 247, 255])), false); // a painted background only
  assert.equal(shows(pixels(64, [0, 0, 0, 0], [91, 95, 102, 255], 63)), true); // the last pixel
  assert.equal(shows(pixels(64, [0, 0, 0, 0], [0, 0, 0, 1], 5)), true); // alpha alone differs
});

test('a canvas without a backing store or not rendered shows nothing, whatever its pixels', () => {
  const inked = pixels(64, [0, 0, 0, 0], [91, 95, 102, 255], 10);
  assert.equal(canvasShows({ rendered: true, width: 0, height: 150, pixels: inked }), false);
  assert.equal(canvasShows({ rendered: false, width: 300, height: 150, pixels: inked }), false);
});

test('the probe functions stand alone, so they can be injected into a page by their source', () => {
  for (const f of [pictureShows, canvasShows, firstChart]) {
    // eslint-disable-next-line no-new-func
    const copy = new Function(`return (${f.toString()});`)();
    assert.equal(copy.name, f.name);
  }
  // eslint-disable-next-line no-new-func
  const shows = new Function(`return (${pictureShows.toString()});`)();
  assert.equal(shows({ box: box(1, 1), rendered: true, image: null }), true);
});

test('the first chart is the earlier of the picture and the canvas', () => {
  assert.deepEqual(firstChart(120, 480), { at: 120, by: 'picture' });
  assert.deepEqual(firstChart(null, 480), { at: 480, by: 'canvas' });
  assert.deepEqual(firstChart(500, 480), { at: 480, by: 'canvas' });
  assert.deepEqual(firstChart(200, null), { at: 200, by: 'picture' });
  assert.deepEqual(firstChart(200, 200), { at: 200, by: 'picture' });
  assert.deepEqual(firstChart(null, null), { at: null, by: null });
  assert.deepEqual(firstChart(undefined, NaN), { at: null, by: null });
});

test('layout shift sums the window, leaving out shifts after input', () => {
  const entries = [
    { startTime: 100, value: 0.01, hadRecentInput: false },
    { startTime: 400, value: 0.2, hadRecentInput: true },
    { startTime: 900, value: 0.03, hadRecentInput: false },
  ];
  assert.equal(layoutShift([]), 0);
  assert.equal(layoutShift(entries), 0.01 + 0.03);
  assert.equal(layoutShift(entries, { to: 900 }), 0.01);
  assert.equal(layoutShift(entries, { from: 900 }), 0.03);
  assert.equal(layoutShift(entries, { from: 101, to: 900 }), 0);
});

test('metrics grow per visit, by name', () => {
  const before = metricsByName([{ name: 'ScriptDuration', value: 0.5 }, { name: 'RecalcStyleCount', value: 10 }]);
  const after = { ScriptDuration: 0.8, RecalcStyleCount: 40 };
  const per = growth(before, after, ['ScriptDuration', 'RecalcStyleCount'], 3);
  assert.ok(Math.abs(per.ScriptDuration - 0.1) < 1e-12);
  assert.equal(per.RecalcStyleCount, 10);
  assert.deepEqual(growth(before, after, []), {});
  assert.throws(() => growth(before, after, ['LayoutDuration']), /no LayoutDuration in the metrics/);
  assert.throws(() => growth(before, after, ['ScriptDuration'], 0), /per must be above 0/);
});
