// Starts the Wasm story. If it cannot start, the page stays a complete, readable article.
const root = document.documentElement;

// Inside a host page's frame that grows to fit the story (frames.js), the frame never scrolls:
// the story follows the host's viewport instead (see the .framed rules in style.css).
if (new URLSearchParams(location.search).get('frame') === 'story' && window.parent !== window) {
  root.classList.add('framed');
}

/** Shows each step's static chart instead of the interactive graphic (as no-JS readers and print see it). */
function useStaticCharts() {
  document.getElementById('static-css')?.setAttribute('media', 'all');
}

/** The notice for readers when the Wasm cannot start, in the page's language (English otherwise). */
const NOTICES = {
  en: 'The interactive charts could not start in this browser, so each step shows its chart as a picture.',
  zh: '交互式图表无法在此浏览器中启动，因此每一段均改以图片展示对应的图表。',
};

// Plain string work only: this runs in exactly the old browsers where the Wasm failed.
function pageLanguage() {
  return (root.lang || '').toLowerCase().split('-')[0] === 'zh' ? 'zh' : 'en';
}

function showNotice(text) {
  const notice = document.getElementById('notice');
  if (notice) {
    notice.textContent = text;
    notice.hidden = false;
  }
}

async function boot() {
  try {
    const wasm = await import('./pkg/sensetime_explainer.js');
    const exports = await wasm.default();
    wasm.start();
    window.sensetime = Object.freeze({
      figures: wasm.figures,
      drawChart: wasm.drawChart,
      /** Bytes of Wasm linear memory, for the reliability tests and the benchmark. */
      wasmMemory: () => exports.memory.buffer.byteLength,
    });
    root.dataset.story = 'ready';
  } catch (error) {
    root.dataset.story = 'failed';
    useStaticCharts();
    showNotice(NOTICES[pageLanguage()]);
    console.warn('SenseTime explainer: the interactive charts could not start.', error);
  }
}

// A panic in the Wasm has already said so in the console and switched to the static charts
// (src/web/panic.rs); the trap it leaves behind would only report the same failure again.
window.addEventListener('error', (event) => {
  if (event.error instanceof WebAssembly.RuntimeError) event.preventDefault();
});

// Printing shows the static charts, which load lazily: fetch them all before the page is laid out for paper.
window.addEventListener('beforeprint', () => {
  for (const img of document.querySelectorAll('.static-chart img')) img.loading = 'eager';
});

boot();
