// The benchmark's reporting: a table per profile of medians and paired ratios (ours against the
// Chart.js page and against the floor), the asset sizes, and each budget of `budgets.json` as
// met or MISSED, from the raw figures `measure.js` returns. Prints nothing itself: `report`
// returns the text and the verdicts.
import {
  DROPPED_MS, DWELL_MS, FAST_DWELL_MS, PAGE_NAMES, PROFILES, SETTLE_MS, SLOW_NETWORK,
} from './measure.js';
import {
  hasRatio, isFlat, median, medianRatio, paired, ratioSummary,
} from './stats.js';

const KB = 1024;

/** How each page is named in the tables and verdicts. */
export const PAGE_LABELS = { ours: 'ours', chartjs: 'Chart.js', floor: 'floor' };
/** The pages ours is compared with. */
const OTHERS = PAGE_NAMES.filter((name) => name !== 'ours');

/** The figures a ratio budget in `budgets.json` may name: whether they come from every load or
 * from the timed scroll-throughs, how to read one, and how to print it. */
export const FIGURES = {
  firstChart: { from: 'loads', get: (l) => l.firstChart, text: 'first chart', unit: 'ms', digits: 0 },
  fcp: { from: 'loads', get: (l) => l.fcp, text: 'first contentful paint (presented)', unit: 'ms', digits: 0 },
  gzip: { from: 'loads', get: (l) => l.gzip / KB, text: 'bytes loaded, gzip -9', unit: 'KB', digits: 1 },
  scriptPerStep: { from: 'runs', get: (r) => r.perVisit.script, text: 'script time per step visit', unit: 'ms', digits: 1 },
  stylePerStep: { from: 'runs', get: (r) => r.perVisit.style, text: 'style recalculation per step visit', unit: 'ms', digits: 1 },
};

/** A figure with `digits` decimals, or — when there is none. */
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

/** The median of the figures there are (a run may have none: the other pages do not draw every
 * chart), or NaN, printed as —, when there are none. */
const mid = (xs) => {
  const there = xs.filter((x) => Number.isFinite(x));
  return there.length ? median(there) : NaN;
};

/** The median of the per-round ratios, or — when any round has no figure or a 0 to divide by. */
const ratioCell = (pairs) => (pairs.length && pairs.every(hasRatio) ? `${medianRatio(pairs).toFixed(2)}×` : '—');

/** A Markdown table, the first column left-aligned and the others right-aligned. */
export function table(rows, header) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** Checks that every ratio budget names a figure, a page and profiles that the run measures. */
function checkBudgets(budgets) {
  for (const b of budgets.ratios) {
    const figure = FIGURES[b.figure];
    if (!figure) throw new Error(`budgets.json: no figure ${b.figure} (${Object.keys(FIGURES).join(', ')})`);
    if (!OTHERS.includes(b.vs)) throw new Error(`budgets.json: ${b.figure} against ${b.vs}, not one of ${OTHERS.join(', ')}`);
    for (const p of b.profiles) {
      if (!PROFILES[p]) throw new Error(`budgets.json: no profile ${p} (${Object.keys(PROFILES).join(', ')})`);
      if (figure.from === 'runs' && !PROFILES[p].scroll) throw new Error(`budgets.json: ${b.figure} is not measured on ${p}`);
    }
  }
}

/** The text `cargo xtask bench` prints, and the verdicts: `measured` is what `measure` returned,
 * `config` says how it was run ({runs, loads, slowLoads, slowLoadsSet, scrolls, edition, date,
 * cpus}),
 * `budgets` is `budgets.json`. */
export function report(measured, config, budgets) {
  checkBudgets(budgets);
  const { version, loads, runs: scrolls, mem, assets, errors } = measured;
  const { runs, loads: extra, slowLoads, slowLoadsSet, scrolls: throughs, edition, date, cpus } = config;
  const scrolling = Object.keys(scrolls);
  const out = [];
  const visits = (name) => scrolls[scrolling[0]][name][0]?.visits;

  out.push(`SenseTime explainer (${edition === 'zh' ? 'Chinese' : 'English'} edition) against a Chart.js + Scrollama page and the floor, the same page's two scenes drawn by hand on Canvas 2D: ${date}, Chromium ${version}, ${cpus} CPUs.`);
  out.push(`
How it was run and what the figures are:
- Rounds: each loads ours, then the Chart.js page, then the floor, in a new browser context. Desktop and phone: ${runs} rounds of full runs (a load, then a scroll-through) and ${extra} more rounds of loads alone, so ${runs + extra} loads per page. Slow phone: ${slowLoads} rounds of loads only (${slowLoadsSet ? 'SLOW_LOADS' : 'the rounds of runs plus a third of the extra loads, rounded up'}): after the load its network is idle and its scrolling is the phone's. Each figure is the median over its runs or loads; ours/Chart.js and ours/floor are medians of the per-round ratios. All three pages are served by the project's server, cross-origin isolated (clocks read to 5 µs) and compressed alike.
- First chart: ms from navigation start to the first frame in which a chart shows in the graphic panel, whichever comes first of a build-time picture (\`.chart-picture\` in \`figure.graphic\`: rendered, with a box, an <img> arrived) and the canvas (rendered, with a pixel unlike its corner), the same for every page. A probe injected before the page's scripts looks at the start of each frame (requestAnimationFrame); the time is that frame's once its style and layout are done, just before it paints (a ResizeObserver's notification, the moment paint entries call paintTime), so the frame's own rendering work counts. "Shown by the picture" counts the loads where the picture came first; "its frame's style and layout" is the time from that frame's start; "canvas first showed a chart" is when the canvas did (on a page with a picture, the handoff).
- First contentful paint: the browser's paint entry: when that frame was painted on the main thread (paintTime) and presented (startTime, the usual FCP, judged by the budgets). A chart in the first contentful frame reads the same as its paintTime, before its presentation.
- Layout shift: the sum of the layout-shift entries' values (none after input), during the load and handoff (until ${SETTLE_MS} ms after the page is up) and during the scroll-through.
- Script, style and layout: the growth of DevTools \`Performance.getMetrics\` ScriptDuration, RecalcStyleDuration and RecalcStyleCount, LayoutDuration and LayoutCount (main thread), from before navigation until the page is up, and over the scroll-through divided by its step visits.
- Scroll-through: every step down and back up (ours ${visits('ours')} step visits, the Chart.js page ${visits('chartjs')}, the floor ${visits('floor')}), each step's top 40 px above the trigger line, ${DWELL_MS} ms per step and for ours until its chart has settled. Memory: one run per page, after 1 and after ${throughs} scroll-throughs (the rest at ${FAST_DWELL_MS} ms per step), after a forced GC.
- Slow phone: ${SLOW_NETWORK.downloadThroughput * 8 / 1e6} Mbps down, ${SLOW_NETWORK.uploadThroughput * 8 / 1e3} kbps up, ${SLOW_NETWORK.latency} ms added to each request (DevTools \`Network.emulateNetworkConditions\`), with the phone's 4× CPU throttling.
- Bytes: every file the page requested, read from the files served, raw, gzip -9 and brotli 11. KB = 1024 bytes.`);

  for (const [profile, { label }] of Object.entries(PROFILES)) {
    const L = loads[profile];
    const R = scrolls[profile];
    const n = L.ours.length;
    if (!n) continue;
    const rows = [];
    /** Medians per page of `get` over `from` (loads or runs), and ours' paired ratios to each other page. */
    const row = (label, from, get, digits = 1) => {
      const ours = from.ours.map(get);
      rows.push([label, ...PAGE_NAMES.map((name) => fmt(mid(from[name].map(get)), digits)),
        ...OTHERS.map((name) => ratioCell(paired(ours, from[name].map(get))))]);
    };
    /** Several figures per cell (e.g. p50 / p95 / max), each a median over runs. */
    const multiRow = (label, from, gets, digits = 1) => {
      rows.push([label,
        ...PAGE_NAMES.map((name) => gets.map((get) => fmt(mid(from[name].map(get)), digits)).join(' / ')),
        ...OTHERS.map((name) => gets.map((get) => ratioCell(paired(from.ours.map(get), from[name].map(get)))).join(' / '))]);
    };
    row('requests', L, (l) => l.requests, 0);
    row('bytes raw, KB', L, (l) => l.raw / KB);
    row('bytes gzip -9, KB', L, (l) => l.gzip / KB);
    row('bytes brotli 11, KB', L, (l) => l.brotli / KB);
    multiRow(`first contentful paint, painted / presented, ms (${n} loads)`, L, [(l) => l.fcpPainted ?? NaN, (l) => l.fcp], 0);
    row(`first chart, ms (${n} loads)`, L, (l) => l.firstChart, 0);
    rows.push(['first chart shown by the picture, loads', ...PAGE_NAMES.map((name) => `${L[name].filter((l) => l.by === 'picture').length}/${L[name].length}`), '', '']);
    row('first chart: its frame\'s style and layout, ms', L, (l) => l.firstChartLayout);
    row('canvas first showed a chart, ms', L, (l) => l.canvasAt, 0);
    rows.push(['layout shift, load and handoff (largest)', ...PAGE_NAMES.map((name) => fmt(Math.max(...L[name].map((l) => l.shift)), 4)), '', '']);
    multiRow('script / style / layout during load, ms', L, [(l) => l.work.script, (l) => l.work.style, (l) => l.work.layout]);
    multiRow('style recalcs / layouts during load', L, [(l) => l.work.recalcs, (l) => l.work.layouts], 0);
    row('long tasks during load', L, (l) => l.longTasks, 0);
    if (R) {
      row('long tasks per step visit', R, (r) => r.longTasks / r.visits, 2);
      row('long-task time per step visit, ms', R, (r) => r.longTaskMs / r.visits);
      multiRow('frame interval p50 / p95 / max, ms', R, [(r) => r.frameP50, (r) => r.frameP95, (r) => r.frameMax]);
      row(`frames > ${DROPPED_MS} ms apart per step visit`, R, (r) => r.dropped / r.visits, 2);
      row('script time per step visit, ms', R, (r) => r.perVisit.script);
      row('style recalculation per step visit, ms', R, (r) => r.perVisit.style, 2);
      row('style recalcs per step visit', R, (r) => r.perVisit.recalcs);
      row('layout per step visit, ms', R, (r) => r.perVisit.layout, 2);
      row('layouts per step visit', R, (r) => r.perVisit.layouts);
      rows.push(['layout shift, scroll-through (largest)', ...PAGE_NAMES.map((name) => fmt(Math.max(...R[name].map((r) => r.shift)), 4)), '', '']);
      const charts = [...new Set(PAGE_NAMES.flatMap((name) => R[name].flatMap((r) => Object.keys(r.draws))))];
      for (const chart of charts) {
        multiRow(`draw ${chart} p50 / p95, ms`, R, [(r) => r.draws[chart]?.p50 ?? NaN, (r) => r.draws[chart]?.p95 ?? NaN], 2);
      }
      const memRow = (label, get) => {
        const m = (name) => get(mem[profile][name]);
        rows.push([label, ...PAGE_NAMES.map((name) => m(name).map((x) => fmt(x)).join(' → ')),
          ...OTHERS.map((name) => ratioCell([[m('ours')[1], m(name)[1]]]))]);
      };
      memRow(`Wasm memory 1 → ${throughs} scroll-throughs, KB`, (m) => [m.after1.wasm, m.afterN.wasm].map((x) => (x === null ? NaN : x / KB)));
      memRow(`JS heap 1 → ${throughs} scroll-throughs, KB`, (m) => [m.after1.heap, m.afterN.heap].map((x) => x / KB));
    }
    const header = [`${label}: median`, ...PAGE_NAMES.map((name) => PAGE_LABELS[name]), ...OTHERS.map((name) => `ours/${PAGE_LABELS[name]}`)];
    out.push(`\n${table(rows, header)}`);
  }

  out.push('\nAssets (each page\'s first load): raw / gzip -9 / brotli 11 bytes');
  for (const name of PAGE_NAMES) {
    for (const f of assets[name] ?? []) {
      out.push(`  ${PAGE_LABELS[name].padEnd(8)} ${f.path.padEnd(40)} ${String(f.raw).padStart(8)} ${String(f.gzip).padStart(8)} ${String(f.brotli).padStart(8)}`);
    }
  }

  const verdicts = [];
  const budget = (ok, text) => verdicts.push({ ok, text });
  // Judged by the median of the per-round ratios, as the tables quote it: a round loads the
  // pages one after another, so they share the machine's state, which medians of separate runs
  // would carry into the verdict.
  for (const { figure: key, vs, max, profiles } of budgets.ratios) {
    const figure = FIGURES[key];
    const source = figure.from === 'loads' ? loads : scrolls;
    for (const profile of profiles) {
      const ours = source[profile].ours.map(figure.get);
      const theirs = source[profile][vs].map(figure.get);
      const pairs = paired(ours, theirs);
      const what = `${figure.text} ≤ ${max}× the ${PAGE_LABELS[vs]} page's, ${profile}`;
      if (!pairs.length || !pairs.every(hasRatio)) {
        budget(false, `${what}: a round has no figure`);
        continue;
      }
      const { ratio, low, high, n } = ratioSummary(pairs);
      // Against the Chart.js page, what the floor scores on the same budget: whether a page
      // drawn by hand with no library could meet it here.
      const floorPairs = vs === 'floor' ? [] : paired(source[profile].floor.map(figure.get), theirs);
      const floor = floorPairs.length && floorPairs.every(hasRatio) ? `; the floor page's own: ${fmt(ratioSummary(floorPairs).ratio, 2)}×` : '';
      budget(ratio <= max, `${what}: ${fmt(ratio, 2)}× (median of ${n} per-round ratios, 95% interval ${fmt(low, 2)}–${fmt(high, 2)}×; medians ${fmt(mid(ours), figure.digits)} vs ${fmt(mid(theirs), figure.digits)} ${figure.unit}${floor})`);
    }
  }
  const shiftMax = budgets.layoutShiftMax;
  const loadShift = Math.max(...Object.values(loads).flatMap((l) => l.ours.map((x) => x.shift)));
  const scrollShift = Math.max(...Object.values(scrolls).flatMap((r) => r.ours.map((x) => x.shift)));
  const loadCount = Object.values(loads).reduce((a, l) => a + l.ours.length, 0);
  budget(loadShift <= shiftMax && scrollShift <= shiftMax, `layout shift ≤ ${shiftMax} on ours: largest ${fmt(loadShift, 4)} in the load and handoff (${loadCount} loads, every profile), ${fmt(scrollShift, 4)} in a scroll-through`);
  const maxTasks = budgets.scrollLongTasksMax;
  for (const profile of scrolling) {
    const counts = scrolls[profile].ours.map((r) => r.longTasks);
    budget(counts.every((c) => c <= maxTasks), `${maxTasks === 0 ? '0' : `at most ${maxTasks}`} long tasks in the scroll-through, ${profile}: ${counts.join(', ')} in the ${counts.length} runs`);
  }
  for (const profile of scrolling) {
    const p95 = mid(scrolls[profile].ours.map((r) => r.frameP95));
    budget(p95 <= budgets.frameIntervalP95MsMax, `frame interval p95 ≤ ${budgets.frameIntervalP95MsMax} ms, ${profile}: ${fmt(p95, 2)} ms`);
  }
  const below = budgets.drawP95MsBelow;
  const throttled = scrolling.filter((p) => PROFILES[p].throttle > 1);
  for (const profile of throttled) {
    const ours = scrolls[profile].ours;
    const charts = [...new Set(ours.flatMap((r) => Object.keys(r.draws)))];
    const slow = charts.map((c) => [c, mid(ours.map((r) => r.draws[c]?.p95 ?? NaN))]);
    const worst = slow.reduce((a, b) => (b[1] > a[1] ? b : a), ['', -Infinity]);
    budget(slow.length > 0 && slow.every(([, p]) => p < below), `each chart's draw p95 < ${below} ms, ${profile} (CPU ${PROFILES[profile].throttle}× slower): slowest ${worst[0]} ${fmt(worst[1], 2)} ms${slow.filter(([, p]) => !(p < below)).map(([c, p]) => `; ${c} ${fmt(p, 2)} ms`).join('')}`);
  }
  const flat = { bytes: budgets.flatGrowthKB * KB, share: budgets.flatGrowthShare };
  for (const profile of scrolling) {
    const { after1, afterN } = mem[profile].ours;
    for (const [what, a, b] of [['Wasm memory', after1.wasm, afterN.wasm], ['JS heap', after1.heap, afterN.heap]]) {
      const ok = Number.isFinite(a) && Number.isFinite(b) && isFlat(a, b, flat);
      const growth = b - a;
      budget(ok, `${what} flat from 1 to ${throughs} scroll-throughs, ${profile}: ${a} → ${b} B (${growth >= 0 ? '+' : ''}${growth} B)`);
    }
  }
  out.push(`\nBudgets (the story page, from bench/budgets.json; ratios are medians of per-round ratios with a 95% bootstrap interval; "flat" = grows by at most ${budgets.flatGrowthKB} KB or ${budgets.flatGrowthShare * 100}%, whichever is larger):`);
  for (const { ok, text } of verdicts) out.push(`  ${ok ? 'met   ' : 'MISSED'}  ${text}`);
  const slowTasks = scrolling.flatMap((profile) => scrolls[profile].ours.flatMap((r, k) => r.longTaskDetail.map((t) => `  ${profile} run ${k + 1}: ${t}`)));
  if (slowTasks.length) out.push(`\nLong tasks in ours' timed scroll-throughs:\n${slowTasks.join('\n')}`);
  if (errors.length) {
    out.push(`\nConsole or page errors seen (${errors.length}):`);
    for (const e of [...new Set(errors)]) out.push(`  ${e}`);
  }
  return { text: out.join('\n'), verdicts };
}
