// The benchmark's Chart.js page: the story's first two scenes as a newsroom developer would
// usually build them, with Chart.js for the charts and Scrollama for the steps. The scenes'
// figures and words are in scenes.js, which `cargo xtask bench` puts at the head of this file.
/* global Chart, scrollama, SCENES, billions */

const { colours, funding, peers } = SCENES;

const scenes = {
  funding: {
    type: 'bar',
    data: {
      labels: funding.bars.map((b) => b.label),
      datasets: [{ data: funding.bars.map((b) => b.value), backgroundColor: funding.bars.map((b) => colours[b.colour]) }],
    },
    options: {
      indexAxis: 'y',
      scales: { x: { min: 0, max: funding.max, ticks: { stepSize: funding.tick, callback: billions } } },
      plugins: {
        title: { display: true, text: funding.title },
        subtitle: { display: true, position: 'bottom', text: funding.note },
      },
    },
  },
  peers: {
    type: 'scatter',
    data: {
      datasets: [{
        data: peers.rows.flatMap((y) => peers.columns.map((x) => ({ x, y }))),
        pointRadius: 7,
        backgroundColor: peers.rows.flatMap(() => peers.columns.map((c) => colours[c === peers.marked ? 'city' : 'neutral'])),
      }],
    },
    options: {
      scales: {
        x: { type: 'category', labels: peers.columns, position: 'top', offset: true, grid: { display: false } },
        y: { type: 'category', labels: peers.rows, offset: true, grid: { display: false } },
      },
      plugins: {
        title: { display: true, text: peers.title },
        subtitle: { display: true, position: 'bottom', text: peers.note },
      },
    },
  },
};

// Times each draw as the story does (`sensetime:draw:<chart>` there), for the benchmark.
let shown = '';
const timing = {
  id: 'timing',
  beforeDraw() { performance.mark('baseline:draw'); },
  afterDraw() {
    performance.measure(`baseline:draw:${shown}`, 'baseline:draw');
    performance.clearMarks('baseline:draw');
  },
};

Chart.defaults.animation.duration = 450;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.plugins.legend.display = false;
Chart.register(timing);

const canvas = document.getElementById('chart');
let chart = null;

function show(name) {
  if (name === shown) return;
  shown = name;
  // A bar chart and a dot grid share no marks: start the new chart afresh.
  if (chart) chart.destroy();
  chart = new Chart(canvas, scenes[name]);
}

show('funding');
scrollama()
  .setup({ step: '.step', offset: 0.5 })
  .onStepEnter(({ element }) => show(element.dataset.scene));
