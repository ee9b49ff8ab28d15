// The benchmark's floor: the same two scenes as the Chart.js page (../baseline/), drawn by hand
// on Canvas 2D with no library, as a skilled hand would: the canvas's backing store sized for
// devicePixelRatio, a redraw only when the step or the panel's size changes, and an
// IntersectionObserver for the steps. No animation: the step's chart is drawn at once.
// The scenes' figures and words are in ../baseline/scenes.js, which `cargo xtask bench` puts at
// the head of this file; the page is the Chart.js page's HTML with this script in place of its
// three, and its stylesheet with floor.css after it (xtask/src/bench.rs, `stage_baselines`).
/* global SCENES, billions */

const FONT = '12px "Helvetica Neue", Helvetica, Arial, sans-serif';
const TITLE_FONT = `bold ${FONT}`;
const INK = '#666';
const RULE = 'rgba(0, 0, 0, 0.1)';
const LINE = 15; // a line of 12 px text
const GAP = 10;
const DOT = 7; // the dot grid's radius
const BAR = 0.72; // a bar's share of its band

const canvas = document.getElementById('chart');
const ctx = canvas.getContext('2d');

/** Text in `font`, `align`ed on x, centred on y. */
function text(words, x, y, { font = FONT, align = 'center' } = {}) {
  ctx.font = font;
  ctx.textAlign = align;
  ctx.fillText(words, x, y);
}

/** The title above and the note below, as both charts have them; returns the room between. */
function frame({ title, note }, width, height) {
  ctx.fillStyle = INK;
  ctx.textBaseline = 'middle';
  text(title, width / 2, GAP + LINE / 2, { font: TITLE_FONT });
  text(note, width / 2, height - GAP / 2 - LINE / 2);
  return { top: 2 * GAP + LINE, bottom: height - GAP - LINE - GAP / 2 };
}

/** The widest of `labels` in the chart's font, whole pixels. */
function widest(labels) {
  ctx.font = FONT;
  return Math.ceil(Math.max(...labels.map((l) => ctx.measureText(l).width)));
}

/** Lines on whole pixels, so a 1 px rule is one pixel wide at every ratio. */
const crisp = (v) => Math.round(v) + 0.5;

function drawFunding(scene, width, height) {
  const { top, bottom } = frame(scene, width, height);
  const ticks = [];
  for (let k = 0; k * scene.tick <= scene.max; k += 1) ticks.push(k * scene.tick);
  const left = widest(scene.bars.map((b) => b.label)) + GAP;
  const right = width - Math.ceil(ctx.measureText(billions(scene.max)).width / 2);
  const axis = bottom - LINE - GAP / 2;
  const x = (v) => left + (v / scene.max) * (right - left);

  ctx.strokeStyle = RULE;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const v of ticks) {
    ctx.moveTo(crisp(x(v)), top);
    ctx.lineTo(crisp(x(v)), axis);
  }
  ctx.moveTo(left, crisp(axis));
  ctx.lineTo(right, crisp(axis));
  ctx.stroke();

  // Every tick has its rule; a narrow chart labels only every `every`-th, so labels never touch.
  ctx.fillStyle = INK;
  ctx.textBaseline = 'top';
  const room = widest(ticks.map(billions)) + GAP;
  const every = Math.ceil(room / (x(scene.tick) - x(0)));
  ticks.forEach((v, k) => { if (k % every === 0) text(billions(v), x(v), axis + GAP / 2); });

  const band = (axis - top) / scene.bars.length;
  ctx.textBaseline = 'middle';
  scene.bars.forEach((bar, i) => {
    const middle = top + band * (i + 0.5);
    ctx.fillStyle = SCENES.colours[bar.colour];
    ctx.fillRect(left, middle - (band * BAR) / 2, x(bar.value) - left, band * BAR);
    ctx.fillStyle = INK;
    text(bar.label, left - GAP, middle, { align: 'right' });
  });
}

function drawPeers(scene, width, height) {
  const { top, bottom } = frame(scene, width, height);
  const left = widest(scene.rows) + GAP;
  const head = top + LINE + GAP;
  const column = (width - left) / scene.columns.length;
  const row = (bottom - head) / scene.rows.length;

  ctx.strokeStyle = RULE;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, crisp(head));
  ctx.lineTo(width, crisp(head));
  ctx.moveTo(crisp(left), head);
  ctx.lineTo(crisp(left), bottom);
  ctx.stroke();

  ctx.fillStyle = INK;
  ctx.textBaseline = 'middle';
  scene.columns.forEach((c, j) => text(c, left + column * (j + 0.5), top + LINE / 2));
  scene.rows.forEach((r, i) => text(r, left - GAP, head + row * (i + 0.5), { align: 'right' }));

  for (const [j, c] of scene.columns.entries()) {
    ctx.fillStyle = SCENES.colours[c === scene.marked ? 'city' : 'neutral'];
    ctx.beginPath();
    for (let i = 0; i < scene.rows.length; i += 1) {
      const cx = left + column * (j + 0.5);
      const cy = head + row * (i + 0.5);
      ctx.moveTo(cx + DOT, cy);
      ctx.arc(cx, cy, DOT, 0, 2 * Math.PI);
    }
    ctx.fill();
  }
}

const DRAW = { funding: drawFunding, peers: drawPeers };

let shown = null;
let size = { width: 0, height: 0, ratio: 0 };

/** The canvas's box in CSS pixels (its stylesheet fills the panel with it), and the screen's
 * pixel ratio. */
function box() {
  const { width, height } = canvas.getBoundingClientRect();
  return { width, height, ratio: window.devicePixelRatio || 1 };
}

/** Draws the chart shown, timed as the other pages time theirs (`<page>:draw:<chart>`). */
function draw() {
  performance.mark('floor:draw');
  const { width, height, ratio } = size;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  DRAW[shown](SCENES[shown], width, height);
  performance.measure(`floor:draw:${shown}`, 'floor:draw');
  performance.clearMarks('floor:draw');
}

/** Sizes the canvas's backing store to its box in the screen's pixels; true if it changed. */
function fit() {
  const next = box();
  if (next.width === size.width && next.height === size.height && next.ratio === size.ratio) return false;
  size = next;
  canvas.width = Math.round(size.width * size.ratio);
  canvas.height = Math.round(size.height * size.ratio);
  return true;
}

function show(name) {
  if (name === shown || !DRAW[name]) return;
  shown = name;
  draw();
}

const steps = document.querySelectorAll('.step');
fit();
show(steps[0].dataset.scene);

// A step is in view while it crosses the line halfway down the viewport (Scrollama's offset 0.5
// on the Chart.js page): the root's margins shrink it to that line.
const observer = new IntersectionObserver((entries) => {
  for (const entry of entries) if (entry.isIntersecting) show(entry.target.dataset.scene);
}, { rootMargin: '-50% 0px -50% 0px' });
for (const step of steps) observer.observe(step);

// A new size (a turned phone, a resized window) redraws the chart shown; nothing else does.
new ResizeObserver(() => { if (fit()) draw(); }).observe(canvas);
