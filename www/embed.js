// Script embed. A host page adds
//   <script type="module" src="https://…/embed.js"></script>
//   <div data-sensetime-chart="revenue-mix" data-options='{"theme": "dark"}'></div>
// and each such element gets its chart, drawn by the Wasm inside a shadow root.
const base = new URL('./', import.meta.url);
const storyUrl = new URL('index.html', base).href;
const placeholders = [...document.querySelectorAll('[data-sensetime-chart]:not([data-sensetime-mounted])')];

/** The data-options object, or the reason it is not one. */
function readOptions(el) {
  try {
    return { options: el.dataset.options ? JSON.parse(el.dataset.options) : undefined, error: undefined };
  } catch (error) {
    return { options: undefined, error: `data-options is not JSON (${error.message})` };
  }
}

// Reserve each chart's height now, before the Wasm arrives, so the host page does not shift.
// Same rule as embed::chart_height in Rust (80% of the width, 320-560 px) plus the 28 px link band
// (embed::LINK_BAND); the end-to-end tests check that nothing moves when the charts are drawn.
const LINK_BAND = 28;
const requests = placeholders.map((el) => {
  const { options, error } = readOptions(el);
  const width = el.getBoundingClientRect().width;
  const asked = Number(options?.height);
  const height = Number.isInteger(asked) && asked >= 200 && asked <= 1200 ? asked : Math.round(Math.min(560, Math.max(320, width * 0.8)));
  el.style.display = 'block';
  el.style.minHeight = `${height + LINK_BAND}px`;
  return { el, options, error };
});

try {
  const wasm = await import(new URL('pkg/sensetime_embed.js', base).href);
  await wasm.default();
  for (const { el, options, error } of requests) {
    wasm.mountChart(el, el.dataset.sensetimeChart, options, error, storyUrl);
  }
} catch (error) {
  console.warn('SenseTime embed: the charts could not start.', error);
  for (const { el, options } of requests) {
    el.style.minHeight = '';
    const chinese = options?.lang === 'zh';
    const link = Object.assign(document.createElement('a'), {
      href: chinese ? new URL('zh/index.html', base).href : storyUrl,
      textContent: chinese ? '在报道中查看此图表' : 'See this chart in the story',
    });
    el.replaceChildren(link);
  }
}
