// The publish page (publish.html): an editor picks a chart or the whole story and its options;
// the preview frame shows the real embed page with exactly those options, and each form of embed
// code is written from the same choice, so what is copied is what was seen.
// The <select>'s options, with each one's titles, pages, picture and frame height in both
// languages, are written by `cargo xtask dist` (xtask/src/kit.rs). FACTS.… are written once in
// Rust and replaced by their values when `cargo xtask dist` minifies this file (xtask/src/facts.rs).
const base = new URL('./', import.meta.url);
const form = document.getElementById('options');
const what = document.getElementById('what');
const preview = document.getElementById('preview');
const autoHeight = document.getElementById('auto-height');
const heightInput = document.getElementById('height');
const heightHint = document.getElementById('height-hint');
const status = document.getElementById('copy-status');
const PYM = 'https://pym.nprapps.org/pym.v1.min.js';
const AMP_IFRAME = 'https://cdn.ampproject.org/v0/amp-iframe-0.1.js';

heightInput.min = FACTS.heightMin;
heightInput.max = FACTS.heightMax;
const heightRule = `From ${FACTS.heightMin} to ${FACTS.heightMax} pixels; a ${FACTS.linkBand} px link to the story comes under it.`;
heightHint.textContent = heightRule;

/** Text safe in an HTML attribute or element. */
const html = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A JavaScript string literal safe inside a <script> element. */
const js = (text) => JSON.stringify(text).replace(/</g, '\\u003c');

/** What the form asks for, or the reason it cannot be made (then nothing changes). */
function choice() {
  const option = what.selectedOptions[0];
  const story = option.value === 'story';
  const zh = form.elements.lang.value === 'zh';
  const data = (name) => option.dataset[zh ? `${name}Zh` : name];
  document.getElementById('theme-field').disabled = story;
  document.getElementById('theme-hint').hidden = !story;
  document.getElementById('height-field').disabled = story;
  heightInput.disabled = story || autoHeight.checked;
  let height = null;
  if (!story && !autoHeight.checked) {
    height = Number(heightInput.value);
    const valid = heightInput.value !== '' && Number.isInteger(height) && height >= FACTS.heightMin && height <= FACTS.heightMax;
    heightInput.toggleAttribute('aria-invalid', !valid);
    heightHint.textContent = valid ? heightRule : `${heightInput.value || 'An empty height'} will not do. ${heightRule}`;
    if (!valid) return null;
  } else {
    heightInput.removeAttribute('aria-invalid');
    heightHint.textContent = heightRule;
  }
  return {
    story,
    id: option.value,
    zh,
    theme: story ? 'auto' : form.elements.theme.value,
    currency: form.elements.currency.value,
    height,
    title: data('title'),
    frameTitle: data('frameTitle'),
    page: data('page'),
    png: data('png'),
    frameHeight: height === null ? Number(option.dataset.height) : height + FACTS.linkBand,
  };
}

/** The embed page's address for `c`: its page, with the options that are not the defaults. */
function address(c) {
  const url = new URL(c.page, base);
  if (c.theme !== 'auto') url.searchParams.set('theme', c.theme);
  if (c.currency !== 'reported') url.searchParams.set('currency', c.currency);
  if (c.height !== null) url.searchParams.set('height', String(c.height));
  return url.href;
}

/** Each form of embed code for `c`, or, where a form cannot show it, why not. */
function codes(c) {
  const src = address(c);
  const kind = c.story ? 'story' : 'chart';
  const frames = new URL('frames.js', base).href;
  const iframe = `<iframe data-sensetime="${kind}" src="${html(src)}" title="${html(c.frameTitle)}" width="100%" height="${c.frameHeight}"></iframe>\n<script src="${html(frames)}" defer></script>`;
  if (c.story) {
    const only = 'The whole story needs frames.js, which tells it where it sits in your page as the reader scrolls: use the iframe code.';
    return { iframe, pym: only, script: only, amp: only };
  }
  const box = `sensetime-${c.id}`;
  const pym = `<div id="${box}"></div>\n<script src="${PYM}"></script>\n<script>new pym.Parent(${js(box)}, ${js(src)}, {title: ${js(c.frameTitle)}});</script>`;
  const options = {};
  if (c.theme !== 'auto') options.theme = c.theme;
  if (c.height !== null) options.height = c.height;
  if (c.zh) options.lang = 'zh';
  if (c.currency !== 'reported') options.currency = c.currency;
  const attrs = Object.keys(options).length ? ` data-options='${html(JSON.stringify(options))}'` : '';
  const script = `<script type="module" src="${html(new URL('embed.js', base).href)}"></script>\n<div data-sensetime-chart="${c.id}"${attrs}></div>`;
  const more = c.zh ? '显示完整图表' : 'Show the whole chart';
  const amp = `<!-- Once, in the AMP page's <head>: <script async custom-element="amp-iframe" src="${AMP_IFRAME}"></script> -->\n`
    + `<amp-iframe src="${html(src)}" title="${html(c.frameTitle)}" width="640" height="${c.frameHeight}" layout="responsive"\n`
    + '    sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" resizable frameborder="0">\n'
    + `  <button overflow type="button">${more}</button>\n`
    + `  <amp-img placeholder layout="fill" src="${html(new URL(c.png, base).href)}" alt="${html(c.title)}"></amp-img>\n`
    + '</amp-iframe>';
  return { iframe, pym, script, amp };
}

/** Shows the choice: the preview loads the embed page the code names, and every code follows. */
function update() {
  const c = choice();
  if (!c) return;
  const src = address(c);
  preview.dataset.sensetime = c.story ? 'story' : 'chart';
  preview.title = `Preview: ${c.frameTitle}`;
  if (preview.src !== src) {
    preview.style.height = `${c.frameHeight}px`;
    preview.src = src;
  }
  for (const [form, code] of Object.entries(codes(c))) {
    const box = document.getElementById(`code-${form}`);
    const usable = code.startsWith('<');
    box.querySelector('pre code').textContent = code;
    box.classList.toggle('unavailable', !usable);
    box.querySelector('button').disabled = !usable;
  }
  status.textContent = '';
}

form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (event) => event.preventDefault());

for (const button of document.querySelectorAll('button.copy')) {
  button.addEventListener('click', async () => {
    const box = button.closest('.code');
    const code = box.querySelector('pre code');
    const name = box.querySelector('h3').textContent;
    try {
      await navigator.clipboard.writeText(code.textContent);
      status.textContent = `Copied the ${name} code.`;
    } catch {
      // No clipboard (an insecure origin, or refused): select the code for the reader to copy.
      getSelection().selectAllChildren(code);
      status.textContent = `The browser would not copy: the ${name} code is selected, copy it with Ctrl+C or ⌘C.`;
    }
  });
}

update();
document.documentElement.dataset.publish = 'ready';
