// The benchmark's reporting: the table of medians and ratios, the asset sizes, and each budget of
// `budgets.json` as met or MISSED, from the raw figures `measure.js` returns. Prints nothing
// itself: `report` returns the text and the verdicts.
import { DEVICES, DROPPED_MS, DWELL_MS, FAST_DWELL_MS } from './measure.js';
import {
  hasRatio, isFlat, median, medianInterval, medianRatio, pairRatios,
} from './stats.js';

const KB = 1024;

/** A figure with `digits` decimals, or — when there is none. */
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

/** The median of the figures there are (a run may have none: the baseline does not draw every
 * chart), or NaN, printed as —, when there are none. */
const mid = (xs) => {
  const there = xs.filter((x) => Number.isFinite(x));
  return there.length ? median(there) : NaN;
};

/** The median of the per-pair ratios, or — when any pair has no figure or a baseline of 0. */
const ratioCell = (pairs) => (pairs.length && pairs.every(hasRatio) ? `${medianRatio(pairs).toFixed(2)}×` : '—');

/** A Markdown table, the first column left-aligned and the others right-aligned. */
export function table(rows, header) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The text `cargo xtask bench` prints, and the verdicts: `measured` is what `measure` returned,
 * `config` says how it was run ({runs, loads, scrolls, edition, date, cpus}), `budgets` is
 * `budgets.json`. */
export function report(measured, config, budgets) {
  const { version, results, firstCharts, mem, errors } = measured;
  const { runs, loads, scrolls, edition, date, cpus } = config;
  const out = [];
  const o0 = results.desktop.ours[0];
  const b0 = results.desktop.baseline[0];
  const rows = [];
  /** A row: `get` picks a number from one run of `from` (the full runs unless told); medians of
   * ours and the baseline, and the median of the per-pair ratios. */
  function row(label, get, digits = 1, from = results) {
    const cells = [label];
    for (const d of Object.keys(DEVICES)) {
      const o = from[d].ours.map(get);
      const b = from[d].baseline.map(get);
      cells.push(fmt(mid(o), digits), fmt(mid(b), digits), ratioCell(o.map((x, i) => [x, b[i]])));
    }
    rows.push(cells);
  }
  /** A row of several figures per cell (e.g. p50 / p95 / max), each a median over runs. */
  function multiRow(label, gets, digits = 1) {
    const cells = [label];
    for (const d of Object.keys(DEVICES)) {
      const { ours, baseline } = results[d];
      const per = gets.map((get) => [ours.map(get), baseline.map(get)]);
      cells.push(
        per.map(([o]) => fmt(mid(o), digits)).join(' / '),
        per.map(([, b]) => fmt(mid(b), digits)).join(' / '),
        per.map(([o, b]) => ratioCell(o.map((x, i) => [x, b[i]]))).join(' / '),
      );
    }
    rows.push(cells);
  }
  row('requests', (r) => r.requests, 0);
  row('bytes raw, KB', (r) => r.raw / KB);
  row('bytes gzip -9, KB', (r) => r.gzip / KB);
  row('bytes brotli 11, KB', (r) => r.brotli / KB);
  row(`first chart, ms (${runs + loads} loads)`, (ms) => ms, 0, firstCharts);
  row('long tasks during load', (r) => r.loadLongTasks, 0);
  // The two pages have different numbers of steps, so counts and times that add up along the
  // scroll-through are given per step visit.
  row('long tasks per step visit', (r) => r.longTasks / r.visits, 2);
  row('long-task time per step visit, ms', (r) => r.longTaskMs / r.visits);
  multiRow('frame interval p50 / p95 / max, ms', [(r) => r.frameP50, (r) => r.frameP95, (r) => r.frameMax]);
  row(`frames > ${DROPPED_MS} ms apart per step visit`, (r) => r.dropped / r.visits, 2);
  row('script time per step visit, ms', (r) => r.scriptPerStep);
  const charts = [...new Set(results.desktop.ours.flatMap((r) => Object.keys(r.draws)))];
  for (const chart of charts) {
    multiRow(`draw ${chart} p50 / p95, ms`, [(r) => r.draws[chart]?.p50 ?? NaN, (r) => r.draws[chart]?.p95 ?? NaN], 2);
  }
  function memRow(label, get) {
    const cells = [label];
    for (const d of Object.keys(DEVICES)) {
      const o = get(mem[d].ours);
      const b = get(mem[d].baseline);
      cells.push(o.map((x) => fmt(x)).join(' → '), b.map((x) => fmt(x)).join(' → '), ratioCell([[o[1], b[1]]]));
    }
    rows.push(cells);
  }
  memRow(`Wasm memory 1 → ${scrolls} scroll-throughs, KB`, (m) => [m.after1.wasm, m.afterN.wasm].map((x) => (x === null ? NaN : x / KB)));
  memRow(`JS heap 1 → ${scrolls} scroll-throughs, KB`, (m) => [m.after1.heap, m.afterN.heap].map((x) => x / KB));

  const header = ['median of runs'];
  for (const d of Object.values(DEVICES)) header.push(`ours ${d.label}`, 'baseline', 'ours/baseline');
  out.push(`SenseTime explainer (${edition === 'zh' ? 'Chinese' : 'English'} edition) vs Chart.js + Scrollama baseline: ${runs} pairs, ${date}, Chromium ${version}, ${cpus} CPUs`);
  out.push(`Scroll-through: ours ${o0.visits} step visits (${(o0.visits + 1) / 2} steps down, back up), baseline ${b0.visits}; ${DWELL_MS} ms per step. Memory: one run each, after 1 and after ${scrolls} scroll-throughs (the rest at ${FAST_DWELL_MS} ms per step), after a forced GC. KB = 1024 bytes; ratios are medians of per-pair ratios; the first chart is timed in ${runs + loads} pairs of loads per size. Both pages are served cross-origin isolated, so their clocks read to 5 µs.\n`);
  out.push(table(rows, header));

  out.push('\nAssets (first desktop run): raw / gzip -9 / brotli 11 bytes');
  for (const [name, r] of [['ours', o0], ['baseline', b0]]) {
    for (const f of r.files) out.push(`  ${name.padEnd(8)} ${f.path.padEnd(40)} ${String(f.raw).padStart(8)} ${String(f.gzip).padStart(8)} ${String(f.brotli).padStart(8)}`);
  }

  const verdicts = [];
  const budget = (ok, text) => verdicts.push({ ok, text });
  const med = (d, t, get) => mid(results[d][t].map(get));
  const gz = Math.max(med('desktop', 'ours', (r) => r.gzip), med('mobile', 'ours', (r) => r.gzip));
  budget(gz <= budgets.storyGzipKB * KB, `everything the story loads ≤ ${budgets.storyGzipKB} KB gzip: ${fmt(gz / KB)} KB`);
  // Judged by the median of the per-pair ratios, as the table quotes it: each pair loads both
  // pages one after the other, so a pair shares the machine's state, which medians of separate
  // runs would carry into the verdict.
  const limit = budgets.firstChartRatioMax;
  const firstChartText = limit === 1 ? "no later than the baseline's" : `at most ${limit}× the baseline's`;
  for (const d of Object.keys(DEVICES)) {
    const { ours: o, baseline: b } = firstCharts[d];
    const pairs = o.map((x, i) => [x, b[i]]);
    if (!pairs.length || !pairs.every(hasRatio)) {
      budget(false, `first chart ${firstChartText}, ${d}: a load had no first chart`);
      continue;
    }
    const r = medianRatio(pairs);
    const [low, high] = medianInterval(pairRatios(pairs));
    budget(r <= limit, `first chart ${firstChartText}, ${d}: ${fmt(r, 2)}× the baseline's (median of ${o.length} per-pair ratios, 95% interval ${fmt(low, 2)}–${fmt(high, 2)}×; medians ${fmt(mid(o), 0)} vs ${fmt(mid(b), 0)} ms)`);
  }
  const maxTasks = budgets.scrollLongTasksMax;
  for (const d of Object.keys(DEVICES)) {
    const counts = results[d].ours.map((r) => r.longTasks);
    budget(counts.every((c) => c <= maxTasks), `${maxTasks === 0 ? '0' : `at most ${maxTasks}`} long tasks in the scroll-through, ${d} (${DEVICES[d].label}): ${counts.join(', ')} in the ${counts.length} runs`);
  }
  for (const d of Object.keys(DEVICES)) {
    const p95 = med(d, 'ours', (r) => r.frameP95);
    budget(p95 <= budgets.frameIntervalP95MsMax, `frame interval p95 ≤ ${budgets.frameIntervalP95MsMax} ms, ${d}: ${fmt(p95, 2)} ms`);
  }
  const below = budgets.drawP95MsBelow;
  const slow = charts.map((c) => [c, med('mobile', 'ours', (r) => r.draws[c]?.p95 ?? NaN)]);
  const worst = slow.reduce((a, b) => (b[1] > a[1] ? b : a), ['', -Infinity]);
  budget(slow.every(([, p]) => p < below), `each chart's draw p95 < ${below} ms at ${DEVICES.mobile.throttle}x throttling: slowest ${worst[0]} ${fmt(worst[1], 2)} ms${slow.filter(([, p]) => !(p < below)).map(([c, p]) => `; ${c} ${fmt(p, 2)} ms`).join('')}`);
  const flat = { bytes: budgets.flatGrowthKB * KB, share: budgets.flatGrowthShare };
  for (const d of Object.keys(DEVICES)) {
    const { after1, afterN } = mem[d].ours;
    for (const [what, a, b] of [['Wasm memory', after1.wasm, afterN.wasm], ['JS heap', after1.heap, afterN.heap]]) {
      const ok = Number.isFinite(a) && Number.isFinite(b) && isFlat(a, b, flat);
      const growth = b - a;
      budget(ok, `${what} flat from 1 to ${scrolls} scroll-throughs, ${d}: ${a} → ${b} B (${growth >= 0 ? '+' : ''}${growth} B)`);
    }
  }
  out.push(`\nBudgets (the story page, from bench/budgets.json; "flat" = grows by at most ${budgets.flatGrowthKB} KB or ${budgets.flatGrowthShare * 100}%, whichever is larger):`);
  for (const { ok, text } of verdicts) out.push(`  ${ok ? 'met   ' : 'MISSED'}  ${text}`);
  const slowTasks = Object.entries(results).flatMap(([d, { ours }]) => ours.flatMap((r, k) => r.longTaskDetail.map((t) => `  ${d} run ${k + 1}: ${t}`)));
  if (slowTasks.length) out.push(`\nLong tasks in ours' timed scroll-throughs:\n${slowTasks.join('\n')}`);
  if (errors.length) {
    out.push(`\nConsole or page errors seen (${errors.length}):`);
    for (const e of [...new Set(errors)]) out.push(`  ${e}`);
  }
  return { text: out.join('\n'), verdicts };
}
