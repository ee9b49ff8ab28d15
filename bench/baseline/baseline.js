// The benchmark's baseline: the story's first two scenes as a newsroom developer would usually
// build them, with Chart.js for the charts and Scrollama for the steps.
/* global Chart, scrollama */

const NEUTRAL = '#5b5f66';
const BUSINESS = '#2b6a99';
const CITY = '#b3261e';
const SOURCE = 'Source: Financial Times (2021)';
const COLUMNS = ["Beijing's backing", 'Planning to list', 'US sanctions'];
const COMPANIES = ['SenseTime', 'Megvii', 'Yitu', 'CloudWalk'];

const scenes = {
  funding: {
    type: 'bar',
    data: {
      labels: ['Raised from investors so far', 'Planned Hong Kong IPO, 2021'],
      datasets: [{ data: [3, 2], backgroundColor: [NEUTRAL, BUSINESS] }],
    },
    options: {
      indexAxis: 'y',
      scales: { x: { min: 0, max: 3.5, ticks: { callback: (v) => `$${v}bn` } } },
      plugins: {
        title: { display: true, text: 'Money raised, money sought (US dollars)' },
        subtitle: { display: true, position: 'bottom', text: `Raised: more than $3bn. ${SOURCE}` },
      },
    },
  },
  peers: {
    type: 'scatter',
    data: {
      datasets: [{
        data: COMPANIES.flatMap((y) => COLUMNS.map((x) => ({ x, y }))),
        pointRadius: 7,
        backgroundColor: COMPANIES.flatMap(() => [NEUTRAL, NEUTRAL, CITY]),
      }],
    },
    options: {
      scales: {
        x: { type: 'category', labels: COLUMNS, position: 'top', offset: true, grid: { display: false } },
        y: { type: 'category', labels: COMPANIES, offset: true, grid: { display: false } },
      },
      plugins: {
        title: { display: true, text: "China's four AI hopefuls" },
        subtitle: { display: true, position: 'bottom', text: SOURCE },
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
