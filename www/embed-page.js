// The single-chart embed page (embed.html?chart=…): the Wasm reads the query, draws the chart in
// #embed (or a notice saying which charts exist) and keeps the host page told of the frame's height.
const root = document.documentElement;
const storyUrl = new URL('./index.html', import.meta.url).href;
// Only for the fallback below; the Wasm reads the whole query itself.
const chinese = new URLSearchParams(location.search).get('lang') === 'zh';

try {
  const wasm = await import('./pkg/sensetime_embed.js');
  await wasm.default();
  wasm.embedPage(storyUrl);
  root.dataset.embed = 'ready';
} catch (error) {
  root.dataset.embed = 'failed';
  const notice = document.createElement('p');
  notice.className = 'embed-failed';
  const link = Object.assign(document.createElement('a'), {
    href: chinese ? new URL('./zh/index.html', import.meta.url).href : storyUrl,
    target: '_blank',
    rel: 'noopener',
    textContent: chinese ? '阅读报道' : 'Read the story',
  });
  if (chinese) {
    notice.lang = 'zh-Hans';
    notice.append('此图表无法在此浏览器中启动。请', link, '，报道中每张图表均有图片版本。');
  } else {
    notice.append('This chart could not start in this browser. ', link, ', where every chart is also a picture.');
  }
  document.getElementById('embed').replaceChildren(notice);
  window.parent?.postMessage({ sentinel: 'amp', type: 'embed-size', height: document.body.offsetHeight }, '*');
  console.warn('SenseTime embed: the chart could not start.', error);
}
