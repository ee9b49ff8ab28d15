// The single-chart embed page (embed.html?chart=…, or a chart's own page embed/<id>.html, whose
// <html data-query> fixes its chart and language): the Wasm reads the query, draws the chart in
// #embed (or a notice saying which charts exist) and keeps the host page told of the frame's height.
// FACTS.… are written once in Rust and replaced by their values when `cargo xtask dist` minifies
// this file (xtask/src/facts.rs).
const root = document.documentElement;
const storyUrl = new URL(FACTS.storyPage, import.meta.url).href;
// What the page fixes first, then the address's own options (theme, currency; pym's childId).
const query = [root.dataset.query, location.search.slice(1)].filter(Boolean).join('&');
// Only for the fallback below; the Wasm reads the whole query itself.
const chinese = new URLSearchParams(query).get('lang') === 'zh';

/**
 * While the Wasm loads, the chart's static picture (drawn at build time by the same code) in the
 * room the chart will take, when the address asks for a chart as that picture shows it: money as
 * reported, the height the Wasm gives by default (embed.css). The Wasm's shadow root hides it.
 * A chart's own page (embed/<id>.html) has its picture in its HTML already.
 */
function showPicture() {
  const main = document.getElementById('embed');
  const params = new URLSearchParams(query);
  const files = FACTS.embedPictures[params.get('chart')]?.[chinese ? 'zh' : 'en'];
  const asDrawn = (params.get('currency') ?? 'reported') === 'reported' && !params.has('height');
  if (!files || !asDrawn || main.children.length) return;
  const [light, dark] = files.map((file) => new URL(file, import.meta.url).href);
  const theme = params.get('theme');
  const figure = Object.assign(document.createElement('figure'), { className: 'embed-static' });
  figure.dataset.interim = '';
  figure.setAttribute('aria-hidden', 'true');
  const picture = document.createElement('picture');
  if (theme !== 'light' && theme !== 'dark') {
    picture.append(Object.assign(document.createElement('source'), { srcset: dark, media: '(prefers-color-scheme: dark)' }));
  }
  picture.append(Object.assign(document.createElement('img'), { src: theme === 'dark' ? dark : light, alt: '' }));
  figure.append(picture, document.createElement('figcaption'));
  main.append(figure);
}
showPicture();

try {
  const wasm = await import(FACTS.embedGlue);
  await wasm.default();
  wasm.embedPage(storyUrl, query);
  root.dataset.embed = 'ready';
} catch (error) {
  root.dataset.embed = 'failed';
  const notice = document.createElement('p');
  notice.className = 'embed-failed';
  const link = Object.assign(document.createElement('a'), {
    href: chinese ? new URL(FACTS.storyPageZh, import.meta.url).href : storyUrl,
    target: '_blank',
    rel: 'noopener',
    textContent: chinese ? FACTS.chartFailed.zh.link : FACTS.chartFailed.en.link,
  });
  if (chinese) {
    notice.lang = 'zh-Hans';
    notice.append(FACTS.chartFailed.zh.before, link, FACTS.chartFailed.zh.after);
  } else {
    notice.append(FACTS.chartFailed.en.before, link, FACTS.chartFailed.en.after);
  }
  // A chart's own page keeps its picture, whose caption links to the story.
  if (!document.querySelector('#embed > .embed-static:not([data-interim])')) document.getElementById('embed').replaceChildren(notice);
  window.parent?.postMessage({ sentinel: FACTS.ampSentinel, type: FACTS.ampEmbedSize, height: document.body.offsetHeight }, '*');
  console.warn('SenseTime embed: the chart could not start.', error);
}
