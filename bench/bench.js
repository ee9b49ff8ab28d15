// `cargo xtask bench`: the story page against a plain Chart.js + Scrollama baseline, in Debian's
// Chromium. `measure.js` drives the browser, `stats.js` holds the statistics, `report.js` prints
// the table and judges the budgets of `budgets.json`; this file wires them together.
//
// Run it through `cargo xtask bench`, which builds and serves both pages and sets:
//   BASE_URL, BASELINE_URL  where the story (dist/) and the baseline are served, by the same server
//   DIST, BASELINE_DIR      the directories they are served from (asset sizes are read there)
//   CHROMIUM                the browser (default /usr/bin/chromium)
//   RUNS                    pairs of runs, each pair ours then the baseline (default 5)
//   LOADS                   more pairs of loads per size that time the first chart alone
//                           (default 15): it is the noisiest figure, so it gets the most samples
//   SCROLLS                 scroll-throughs for the memory check (default 20)
//   EDITION                 `en` (index.html, the default) or `zh` (zh/index.html)
//   SAVE                    with `--save`: the Markdown file to write the result to; the raw
//                           figures go beside it as JSON. COMMAND, COMMIT and NPROC describe the run.
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

const config = {
  runs: Number(process.env.RUNS || 5),
  loads: Number(process.env.LOADS ?? 15),
  scrolls: Number(process.env.SCROLLS || 20),
  edition: process.env.EDITION === 'zh' ? 'zh' : 'en',
  date: new Date().toISOString().slice(0, 10),
  cpus: cpus().length,
};
const budgets = JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8'));
const pages = targets({
  baseUrl: required('BASE_URL'),
  baselineUrl: required('BASELINE_URL'),
  dist: required('DIST'),
  baselineDir: required('BASELINE_DIR'),
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
