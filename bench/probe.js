// What the benchmark decides from what it sees in a page, as pure functions, tested by
// `probe.test.js`. The first three run inside the pages: `measure.js` injects them by their
// source text (Function.prototype.toString) into the probe it adds to every page, so each must
// stand alone: no imports, no names from outside itself. The rest run in node.

/** Where the benchmark looks for a build-time picture of the chart: inside the graphic panel,
 * an inline `<svg>` or an `<img>` (or a `<picture>` holding one) with this class. A page may
 * have several (one per theme, one shown); none counts until one shows. */
export const PICTURE = 'figure.graphic .chart-picture';

/** Whether a build-time picture of the chart is on screen, from what the probe reads in an
 * animation frame: `box`, its getBoundingClientRect(); `rendered`, its checkVisibility() with
 * opacity and visibility checked (false under display: none, visibility: hidden or opacity 0,
 * its own or an ancestor's); `image`, for an `<img>` its `{ complete, naturalWidth }`, and null
 * for inline SVG, which is drawn with the document. A picture counts when it is rendered, has a
 * box, and, for an image, has arrived. As for the canvas, where it sits on the page does not
 * matter: the panel may be below the fold on a phone on every page alike. */
export function pictureShows({ box, rendered, image }) {
  if (!rendered || !(box.width > 0 && box.height > 0)) return false;
  return image === null || (image.complete === true && image.naturalWidth > 0);
}

/** Whether a canvas shows a chart: it is rendered (as for a picture), it has a backing store,
 * and `pixels`, the RGBA bytes of a copy of it, hold a pixel unlike the first one, the top-left
 * corner, which a chart leaves as background. */
export function canvasShows({ rendered, width, height, pixels }) {
  if (!rendered || !(width > 0 && height > 0)) return false;
  for (let i = 4; i < pixels.length; i += 4) {
    if (pixels[i] !== pixels[0] || pixels[i + 1] !== pixels[1] || pixels[i + 2] !== pixels[2]
      || pixels[i + 3] !== pixels[3]) return true;
  }
  return false;
}

/** The first chart: the earlier of the moments a picture and the canvas were first seen, each a
 * time or null (never seen), and what showed it. A tie goes to the picture, which was there
 * first in the document. `{ at: null, by: null }` when neither was seen. */
export function firstChart(pictureAt, canvasAt) {
  const seen = [['picture', pictureAt], ['canvas', canvasAt]].filter(([, t]) => Number.isFinite(t));
  if (!seen.length) return { at: null, by: null };
  const [by, at] = seen.reduce((first, next) => (next[1] < first[1] ? next : first));
  return { at, by };
}

/** The layout-shift score between `from` (included) and `to` (excluded), ms from navigation:
 * the sum of the values of the `layout-shift` entries there, leaving out those after input, as
 * CLS does. A sum rather than CLS's largest window, so any shift at all shows. */
export function layoutShift(entries, { from = -Infinity, to = Infinity } = {}) {
  return entries
    .filter((e) => !e.hadRecentInput && e.startTime >= from && e.startTime < to)
    .reduce((sum, e) => sum + e.value, 0);
}

/** The DevTools protocol's `Performance.getMetrics` answer as an object, name → value. */
export function metricsByName(metrics) {
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/** How much each of `names` grew from the metrics `before` to `after` (objects name → value),
 * divided by `per` (e.g. the visits of a scroll-through). A name missing from either is an
 * error that names it, not a NaN for the table. */
export function growth(before, after, names, per = 1) {
  if (!(per > 0)) throw new RangeError(`growth: per must be above 0, not ${per}`);
  return Object.fromEntries(names.map((name) => {
    if (!Number.isFinite(before[name]) || !Number.isFinite(after[name])) {
      throw new RangeError(`growth: no ${name} in the metrics`);
    }
    return [name, (after[name] - before[name]) / per];
  }));
}
