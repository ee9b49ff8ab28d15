// `cargo xtask bench`: the story page against a plain Chart.js + Scrollama page and a floor (the
// same scenes drawn by hand on Canvas 2D), in one paired run in Debian's Chromium. `measure.js`
// drives the browser, `probe.js` decides what it sees, `stats.js` holds the statistics,
// `report.js` prints the tables and judges the budgets of `budgets.json`; this file wires them.
//
// Run it through `cargo xtask bench`, which builds and serves the three pages and sets:
//   BASE_URL, CHARTJS_URL, FLOOR_URL  where ours (dist/), the Chart.js page and the floor are served
//   DIST, CHARTJS_DIR, FLOOR_DIR      the directories they are served from (sizes are read there)
//   CHROMIUM    the browser (default /usr/bin/chromium)
//   RUNS        rounds of full runs per profile, each round ours, the Chart.js page, the floor (default 5)
//   LOADS       more rounds of loads per profile that time the load alone (first chart, first
//               paint, layout shift; default 15): the noisiest figures get the most samples
//   SLOW_LOADS  rounds of loads on the slow phone (default RUNS + LOADS / 3, rounded up)
//   SCROLLS     scroll-throughs for the memory check (default 20)
//   EDITION     `en` (index.html, the default) or `zh` (zh/index.html)
//   SAVE        with `--save`: the Markdown file to write the result to; the raw figures go
//               beside it as JSON. COMMAND, COMMIT and NPROC describe the run.
// Progress goes to stderr, the table to stdout. The figures are printed as measured; missed
// budgets say MISSED, and the exit code is 0 either way: this is a measurement, not a test.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename } from 'node:path';
import { measure, targets } from './measure.js';
import { report } from './report.js';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the benchmark through \`cargo xtask bench\``);
  return value.replace(/\/$/, '');
}

const runs = Number(process.env.RUNS || 5);
const loads = Number(process.env.LOADS ?? 15);
const config = {
  runs,
  loads,
  slowLoads: Number(process.env.SLOW_LOADS || runs + Math.ceil(loads / 3)),
  slowLoadsSet: Boolean(process.env.SLOW_LOADS),
  scrolls: Number(process.env.SCROLLS || 20),
  edition: process.env.EDITION === 'zh' ? 'zh' : 'en',
  date: new Date().toISOString().slice(0, 10),
  cpus: cpus().length,
};
const budgets = JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8'));
const pages = targets({
  baseUrl: required('BASE_URL'),
  chartjsUrl: required('CHARTJS_URL'),
  floorUrl: required('FLOOR_URL'),
  dist: required('DIST'),
  chartjsDir: required('CHARTJS_DIR'),
  floorDir: required('FLOOR_DIR'),
  edition: config.edition,
});

const measured = await measure({ pages, ...config, chromium: process.env.CHROMIUM || '/usr/bin/chromium' });
const { text, verdicts } = report(measured, config, budgets);
console.log(`\n${text}`);

const save = process.env.SAVE;
if (save) {
  const json = save.replace(/\.md$/, '.json');
  const md = [
    `# cargo xtask bench, ${config.date}, commit ${process.env.COMMIT || 'unknown'}`,
    '',
    `- Command: \`${process.env.COMMAND || 'cargo xtask bench'}\``,
    `- Commit: ${process.env.COMMIT || 'unknown'}`,
    `- Machine: \`nproc\` ${process.env.NPROC || 'unknown'}; Chromium ${measured.version}`,
    `- Budgets: \`bench/budgets.json\` at that commit; raw figures: [${basename(json)}](${basename(json)})`,
    '',
    'What `cargo xtask bench` printed:',
    '',
    '```text',
    text,
    '```',
    '',
  ].join('\n');
  writeFileSync(save, md);
  writeFileSync(json, `${JSON.stringify({
    command: process.env.COMMAND, commit: process.env.COMMIT, nproc: Number(process.env.NPROC) || null, config, budgets, verdicts, ...measured,
  }, null, 1)}\n`);
  process.stderr.write(`bench: saved ${save} and ${json}\n`);
}
