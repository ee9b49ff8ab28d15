// Unit tests of the benchmark's statistics (`node --test bench/`; also run by `cargo xtask test`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  hasRatio, isFlat, lehmer, median, medianInterval, medianRatio, paired, pairRatios, quantile,
  ratioSummary,
} from './stats.js';

test('median of an odd list is its middle value, whatever the order', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([7]), 7);
  assert.equal(median([5, 1, 4, 2, 3]), 3);
});

test('median of an even list is the mean of the two middle values', () => {
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([10, 20]), 15);
});

test('median leaves its input unsorted', () => {
  const xs = [3, 1, 2];
  median(xs);
  assert.deepEqual(xs, [3, 1, 2]);
});

test('median of nothing, or of a missing figure, is an error that says so', () => {
  assert.throws(() => median([]), { name: 'RangeError', message: 'median of an empty list' });
  assert.throws(() => median([1, NaN]), /item 1 is NaN, not a finite number/);
  assert.throws(() => median([1, null]), /item 1 is null/);
});

test('quantile is the nearest rank, one of the values', () => {
  const xs = [...Array(20).keys()].map((i) => i + 1); // 1..20
  assert.equal(quantile(xs, 0.5), 10);
  assert.equal(quantile(xs, 0.95), 19);
  assert.equal(quantile(xs, 1), 20);
  assert.equal(quantile([16.67, 16.67, 33.33], 0.5), 16.67);
  // (1 - 0.95) / 2 is a hair above 0.025; of 2,000 values the 50th is still the one.
  const many = [...Array(2000).keys()];
  assert.equal(quantile(many, (1 - 0.95) / 2), 49);
  assert.equal(quantile(many, 0.025), 49);
});

test('quantile rejects an empty list and a q outside (0, 1]', () => {
  assert.throws(() => quantile([], 0.5), /quantile of an empty list/);
  assert.throws(() => quantile([1], 0), /q must be in \(0, 1\]/);
  assert.throws(() => quantile([1], 1.5), /q must be in \(0, 1\]/);
});

test('ratios are taken per pair, and their median is the figure', () => {
  assert.deepEqual(pairRatios([[2, 4], [3, 3], [9, 3]]), [0.5, 1, 3]);
  assert.equal(medianRatio([[2, 4], [3, 3], [9, 3]]), 1);
  // Not the ratio of the medians: here that would be 4 / 3.5.
  assert.equal(medianRatio([[1, 1], [3, 4], [5, 3], [8, 8]]), 1);
});

test('a pair without a figure or with a baseline of 0 has no ratio', () => {
  assert.equal(hasRatio([1, 2]), true);
  assert.equal(hasRatio([1, 0]), false);
  assert.equal(hasRatio([NaN, 2]), false);
  assert.equal(hasRatio([1, undefined]), false);
  assert.throws(() => pairRatios([[1, 2], [1, 0]]), /pair 1 \(1 \/ 0\) has no ratio/);
  assert.throws(() => medianRatio([]), /ratios of no pairs/);
});

test('the generator is the minimal standard one, and deterministic', () => {
  const random = lehmer(1);
  assert.equal(random(), 16807 / 2147483647);
  assert.equal(random(), 282475249 / 2147483647);
  const again = lehmer(1);
  again();
  assert.equal(again(), 282475249 / 2147483647);
  assert.throws(() => lehmer(0), /seed must be a whole number/);
});

const firstCharts = [0.93, 1.02, 0.98, 1.1, 0.95, 1.0, 0.97, 1.04, 0.99, 1.01, 0.96, 1.05];

test('the bootstrap interval contains the median and lies within the values', () => {
  const [low, high] = medianInterval(firstCharts);
  const m = median(firstCharts);
  assert.ok(low <= m && m <= high, `${low} ≤ ${m} ≤ ${high}`);
  assert.ok(low >= Math.min(...firstCharts) && high <= Math.max(...firstCharts));
  assert.ok(low < high);
});

test('the bootstrap interval is the same every time for the same figures and seed', () => {
  assert.deepEqual(medianInterval(firstCharts), medianInterval([...firstCharts]));
  assert.deepEqual(medianInterval(firstCharts, { seed: 7 }), medianInterval(firstCharts, { seed: 7 }));
});

test('a wider level gives an interval at least as wide', () => {
  const [low80, high80] = medianInterval(firstCharts, { level: 0.8 });
  const [low95, high95] = medianInterval(firstCharts);
  assert.ok(low95 <= low80 && high80 <= high95);
});

test('the bootstrap interval of one value, or of equal values, is that value', () => {
  assert.deepEqual(medianInterval([1.5]), [1.5, 1.5]);
  assert.deepEqual(medianInterval([2, 2, 2]), [2, 2]);
});

test('the bootstrap interval of nothing is an error', () => {
  assert.throws(() => medianInterval([]), /medianInterval of an empty list/);
  assert.throws(() => medianInterval([1], { level: 1 }), /level must be in \(0, 1\)/);
  assert.throws(() => medianInterval([1], { resamples: 0 }), /resamples must be a whole number/);
});

test('flat: growth up to the larger of a fixed allowance and a share', () => {
  const flat = { bytes: 100, share: 0.05 };
  assert.equal(isFlat(1000, 1100, flat), true); // +100: the bytes allowance
  assert.equal(isFlat(1000, 1101, flat), false);
  assert.equal(isFlat(10000, 10500, flat), true); // +500: 5% of 10,000
  assert.equal(isFlat(10000, 10501, flat), false);
  assert.equal(isFlat(1000, 900, flat), true); // shrinking is flat
  assert.throws(() => isFlat(null, 1, flat), /item 0 is null/);
});

test('paired takes the same rounds of two pages, and refuses lists that lost their pairing', () => {
  assert.deepEqual(paired([1, 2, 3], [4, 5, 6]), [[1, 4], [2, 5], [3, 6]]);
  assert.deepEqual(paired([], []), []);
  assert.throws(() => paired([1, 2], [1]), /paired: 2 figures against 1/);
  assert.throws(() => paired([1], undefined), /paired: 1 figures against undefined/);
});

test('a ratio summary is the median of the per-pair ratios with its interval', () => {
  // ours against a page twice as slow, with one slow spell that hits both pages of round 3
  const ours = [100, 110, 300, 105, 95];
  const theirs = [200, 200, 600, 230, 180];
  const summary = ratioSummary(paired(ours, theirs));
  assert.equal(summary.n, 5);
  assert.equal(summary.ratio, medianRatio(paired(ours, theirs)));
  assert.equal(summary.ratio, 0.5);
  assert.ok(summary.low <= summary.ratio && summary.ratio <= summary.high);
  assert.deepEqual([summary.low, summary.high], medianInterval(pairRatios(paired(ours, theirs))));
  assert.deepEqual(ratioSummary([[3, 3]]), { ratio: 1, low: 1, high: 1, n: 1 });
  assert.throws(() => ratioSummary([[1, 0]]), /has no ratio/);
});
