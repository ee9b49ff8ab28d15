// The two scenes both of the benchmark's other pages draw: the story's first two, the funding
// bars and the four companies' dot grid, written once. `cargo xtask bench` puts this file at the
// head of each page's own script when it stages them (xtask/src/bench.rs), so the Chart.js page
// (baseline.js) and the hand-drawn floor (../floor/floor.js) draw the same figures and words,
// each from a single script.
// eslint-disable-next-line no-unused-vars
const SCENES = {
  colours: { neutral: '#5b5f66', business: '#2b6a99', city: '#b3261e' },
  funding: {
    title: 'Money raised, money sought (US dollars)',
    note: 'Raised: more than $3bn. Source: Financial Times (2021)',
    bars: [
      { label: 'Raised from investors so far', value: 3, colour: 'neutral' },
      { label: 'Planned Hong Kong IPO, 2021', value: 2, colour: 'business' },
    ],
    // The value axis: from 0 to `max` US$bn, a tick every `tick`.
    max: 3.5,
    tick: 0.5,
  },
  peers: {
    title: "China's four AI hopefuls",
    note: 'Source: Financial Times (2021)',
    columns: ["Beijing's backing", 'Planning to list', 'US sanctions'],
    rows: ['SenseTime', 'Megvii', 'Yitu', 'CloudWalk'],
    // Every company has a dot in every column; this column's dots are in the city colour.
    marked: 'US sanctions',
  },
};

/** A value on the funding chart's axis, as its ticks read: `$0.5bn`. */
// eslint-disable-next-line no-unused-vars
const billions = (v) => `$${v}bn`;
