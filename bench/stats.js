// The benchmark's statistics: medians, quantiles, per-pair ratios and a bootstrap interval.
// Pure functions of plain arrays of numbers, tested by `stats.test.js` (`node --test bench/`).
// Each throws a RangeError that names the problem when it has nothing to work on, rather than
// returning NaN for the report to print; the report decides how to show a missing figure.

/** The numbers of `xs`, checked: a non-empty array of finite numbers. */
function finite(xs, what) {
  if (!Array.isArray(xs) || xs.length === 0) throw new RangeError(`${what} of an empty list`);
  const bad = xs.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
  if (bad >= 0) throw new RangeError(`${what}: item ${bad} is ${xs[bad]}, not a finite number`);
  return xs;
}

/** The median: the middle value of an odd count, the mean of the two middle ones of an even. */
export function median(xs) {
  const s = [...finite(xs, 'median')].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The `q` quantile (0 < q ≤ 1) by the nearest-rank method: the smallest value with at least
 * `q` of the values at or below it. Always one of the values, never an interpolation. The rank
 * ignores float error in `q * n` (0.025 computed as (1 − 0.95) / 2 is 0.025000000000000022). */
export function quantile(xs, q) {
  if (!(q > 0 && q <= 1)) throw new RangeError(`quantile: q must be in (0, 1], not ${q}`);
  const s = [...finite(xs, 'quantile')].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * s.length - 1e-9));
  return s[Math.min(s.length, rank) - 1];
}

/** Whether a pair `[ours, baseline]` has a ratio: both figures finite, the baseline not 0. */
export function hasRatio([ours, baseline]) {
  return Number.isFinite(ours) && Number.isFinite(baseline) && baseline !== 0;
}

/** Each pair's ratio ours / baseline. */
export function pairRatios(pairs) {
  if (!Array.isArray(pairs) || pairs.length === 0) throw new RangeError('ratios of no pairs');
  const bad = pairs.findIndex((p) => !hasRatio(p));
  if (bad >= 0) throw new RangeError(`pair ${bad} (${pairs[bad][0]} / ${pairs[bad][1]}) has no ratio`);
  return pairs.map(([ours, baseline]) => ours / baseline);
}

/** The median of the per-pair ratios. Each pair measures both pages one after the other, so it
 * shares the machine's state; the median of per-pair ratios keeps slow spells of a shared machine
 * out of the comparison better than a ratio of two medians would. */
export function medianRatio(pairs) {
  return median(pairRatios(pairs));
}

/** A deterministic generator of numbers in (0, 1): the Lehmer "minimal standard" generator,
 * x ← 16807·x mod (2³¹ − 1). Every product stays below 2⁵³, so it is exact in doubles. */
export function lehmer(seed) {
  if (!Number.isInteger(seed) || seed < 1 || seed >= 2147483647) {
    throw new RangeError(`lehmer: the seed must be a whole number from 1 to 2147483646, not ${seed}`);
  }
  let x = seed;
  return () => {
    x = (x * 16807) % 2147483647;
    return x / 2147483647;
  };
}

/** A percentile-bootstrap interval for the median of `xs`: the medians of `resamples` resamples
 * (each `xs.length` values drawn with replacement), and their (1 − level)/2 and (1 + level)/2
 * quantiles. The resamples are drawn with a fixed seed, so the same figures always print the
 * same interval. */
export function medianInterval(xs, { level = 0.95, resamples = 2000, seed = 1 } = {}) {
  finite(xs, 'medianInterval');
  if (!(level > 0 && level < 1)) throw new RangeError(`medianInterval: level must be in (0, 1), not ${level}`);
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`medianInterval: resamples must be a whole number from 1, not ${resamples}`);
  }
  const random = lehmer(seed);
  const medians = [];
  for (let k = 0; k < resamples; k += 1) {
    medians.push(median(xs.map(() => xs[Math.floor(random() * xs.length)])));
  }
  return [quantile(medians, (1 - level) / 2), quantile(medians, (1 + level) / 2)];
}

/** Whether a figure that went from `before` to `after` stayed flat: it grew by at most `bytes`
 * or by `share` of `before`, whichever is larger. */
export function isFlat(before, after, { bytes, share }) {
  finite([before, after, bytes, share], 'isFlat');
  return after - before <= Math.max(bytes, share * before);
}

/** The pairs `[a[i], b[i]]` of two pages' figures measured in the same rounds, a round's two
 * together. Lists of different lengths have lost their pairing: an error, not a shorter list. */
export function paired(a, b) {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
    throw new RangeError(`paired: ${a?.length} figures against ${b?.length}`);
  }
  return a.map((x, i) => [x, b[i]]);
}

/** A paired comparison: the median of the per-pair ratios, its percentile-bootstrap interval
 * (`medianInterval`, with `options`) and the number of pairs, `{ ratio, low, high, n }`. */
export function ratioSummary(pairs, options) {
  const ratios = pairRatios(pairs);
  const [low, high] = medianInterval(ratios, options);
  return { ratio: median(ratios), low, high, n: ratios.length };
}
