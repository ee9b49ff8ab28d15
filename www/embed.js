// Script embed. A host page adds
//   <script type="module" src="https://…/embed.js"></script>
//   <div data-sensetime-chart="revenue-mix" data-options='{"theme": "dark"}'></div>
// and each such element gets its chart, drawn by the Wasm inside a shadow root.
// FACTS.… are written once in Rust and replaced by their values when `cargo xtask dist` minifies
// this file (xtask/src/facts.rs).
const base = new URL('./', import.meta.url);
const storyUrl = new URL(FACTS.storyPage, base).href;
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
// The rule of embed::chart_height in Rust (a share of the width, within bounds) plus the link band
// (embed::LINK_BAND); the end-to-end tests check that nothing moves when the charts are drawn.
const requests = placeholders.map((el) => {
  const { options, error } = readOptions(el);
  const width = el.getBoundingClientRect().width;
  const asked = Number(options?.height);
  const height = Number.isInteger(asked) && asked >= FACTS.heightMin && asked <= FACTS.heightMax
    ? asked
    : Math.round(Math.min(FACTS.autoHeightMax, Math.max(FACTS.autoHeightMin, width * FACTS.heightPerWidth)));
  el.style.display = 'block';
  el.style.minHeight = `${height + FACTS.linkBand}px`;
  return { el, options, error };
});

try {
  const wasm = await import(new URL(FACTS.embedGlue, base).href);
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
      href: chinese ? new URL(FACTS.storyPageZh, base).href : storyUrl,
      textContent: chinese ? FACTS.scriptEmbedFailed.zh : FACTS.scriptEmbedFailed.en,
    });
    el.replaceChildren(link);
  }
}
