// Starts the Wasm story. If it cannot start, the page stays a complete, readable article.
// FACTS.… are written once in Rust and replaced by their values when `cargo xtask dist` minifies
// this file (xtask/src/facts.rs).
const root = document.documentElement;

// The page's style sheet comes inside it, allowed by its hash in the site's
// Content-Security-Policy (xtask/src/server.rs). A host still sending a policy without that hash
// blocks it: then the same sheet is linked as a file. Its colours tell whether it applied.
if (!getComputedStyle(root).getPropertyValue('--bg')) {
  const sheet = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: new URL('style.css', import.meta.url).href });
  document.head.append(sheet);
}

// frame.html (marked data-frame) is the story made for a host page's frame, and
// index.html?frame=story its older address. Inside a frame that grows to fit the story
// (frames.js), the frame never scrolls: the story follows the host's viewport instead (see the
// .framed rules in style.css).
const framePage = root.hasAttribute('data-frame');
const framed = window.parent !== window
  && (framePage || new URLSearchParams(location.search).get('frame') === 'story');
if (framed) root.classList.add('framed');

/**
 * Builds the static charts' pictures. They come inside <noscript> (xtask/src/page.rs), which a
 * browser running scripts keeps as text, so the interactive story never pays for the
 * pictures it hides; they are built where they stand when wanted after all.
 */
function buildStaticPictures() {
  for (const holder of document.querySelectorAll('.static-chart > noscript')) {
    holder.insertAdjacentHTML('beforebegin', holder.textContent);
    holder.remove();
  }
}

/** Shows each step's static chart instead of the interactive graphic (as no-JS readers and print see it). */
function useStaticCharts() {
  buildStaticPictures();
  document.getElementById('static-css')?.setAttribute('media', 'all');
}

// A panic in the Wasm marks the story failed and shows the static charts itself (src/web/panic.rs):
// their pictures are built here, before the next frame.
new MutationObserver(() => {
  if (root.dataset.story === 'failed') buildStaticPictures();
}).observe(root, { attributes: true, attributeFilter: ['data-story'] });

/** What the page's own scripts say, in the page's language. */
const TEXTS = {
  en: {
    failed: FACTS.storyFailed.en,
    copied: 'Link copied.',
    copyThis: 'Copy this link:',
    saved: 'Chart saved.',
    notSaved: 'The chart could not be saved.',
  },
  zh: {
    failed: FACTS.storyFailed.zh,
    copied: '链接已复制。',
    copyThis: '请复制此链接：',
    saved: '图表已保存。',
    notSaved: '图表未能保存。',
  },
};

// Plain string work only: this runs in exactly the old browsers where the Wasm failed.
function pageLanguage() {
  return (root.lang || '').toLowerCase().split('-')[0] === 'zh' ? 'zh' : 'en';
}
const says = TEXTS[pageLanguage()];

/** The Wasm builds' glue, by language and whether the story is framed (xtask/src/builds.rs). */
const BUILDS = FACTS.storyGlue;

function showNotice(text) {
  const notice = document.getElementById('notice');
  if (notice) {
    notice.textContent = text;
    notice.hidden = false;
  }
}

/** Says what a tool did, in the status line beside the tools (read out politely). */
function toolStatus(text) {
  const status = document.getElementById('tool-status');
  if (!status) return;
  status.textContent = text;
  clearTimeout(toolStatus.timer);
  toolStatus.timer = setTimeout(() => { status.textContent = ''; }, 4000);
}

/** The share and save tools under the chart: they only work with the Wasm, so they appear with it. */
function wireTools(wasm) {
  const tools = document.getElementById('chart-tools');
  const canvas = document.getElementById('chart');
  if (!tools || !canvas) return;
  document.getElementById('copy-link')?.addEventListener('click', async () => {
    // The Wasm keeps the address pointing at the step in view.
    try {
      await navigator.clipboard.writeText(location.href);
      toolStatus(says.copied);
    } catch {
      toolStatus(`${says.copyThis} ${location.href}`);
    }
  });
  document.getElementById('save-png')?.addEventListener('click', () => {
    const state = canvas.dataset.state;
    const { width, height } = canvas.getBoundingClientRect();
    const image = document.createElement('canvas');
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    // Twice the chart's size on screen, whatever this screen's pixel ratio.
    // In the reader's language and currency, as on screen.
    const currency = document.getElementById('currency')?.value;
    wasm.drawChartAt(image, state, Math.round(width), Math.round(height), 2, dark, pageLanguage(), currency);
    image.toBlob((blob) => {
      if (!blob) return toolStatus(says.notSaved);
      const link = Object.assign(document.createElement('a'), {
        href: URL.createObjectURL(blob), download: `sensetime-${state}.png`,
      });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      toolStatus(says.saved);
    }, 'image/png');
  });
  tools.hidden = false;
}

async function boot() {
  try {
    // Each edition has its own Wasm, speaking only its language; the frame builds also follow a
    // host page. frame.html preloads the frame build, so it uses it even when not in a frame.
    const wasm = await import(BUILDS[pageLanguage() + (framePage || framed ? '-frame' : '')]);
    const exports = await wasm.default();
    wasm.start();
    // After the first chart: the tools' room under it is held while they are hidden (style.css),
    // so showing them moves nothing.
    wireTools(wasm);
    window.sensetime = Object.freeze({
      figures: wasm.figures,
      drawChart: wasm.drawChart,
      drawChartAt: wasm.drawChartAt,
      /** Bytes of Wasm linear memory, for the reliability tests and the benchmark. */
      wasmMemory: () => exports.memory.buffer.byteLength,
    });
    root.dataset.story = 'ready';
  } catch (error) {
    root.dataset.story = 'failed';
    useStaticCharts();
    showNotice(says.failed);
    console.warn('SenseTime explainer: the interactive charts could not start.', error);
  }
}

// A panic in the Wasm has already said so in the console and switched to the static charts
// (src/web/panic.rs); the trap it leaves behind would only report the same failure again.
window.addEventListener('error', (event) => {
  if (event.error instanceof WebAssembly.RuntimeError) event.preventDefault();
});

// Printing shows the static charts, which load lazily: build them and fetch them all before the
// page is laid out for paper.
window.addEventListener('beforeprint', () => {
  buildStaticPictures();
  for (const img of document.querySelectorAll('.static-chart img')) img.loading = 'eager';
});

boot();
