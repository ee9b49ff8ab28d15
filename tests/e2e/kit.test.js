// The newsroom kit: the publish page (options drive the preview and every code), its codes pasted
// into a page on another origin, the AMP snippet, oEmbed discovery, each chart's own page without
// JavaScript, and the Nu checker and axe on the new pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseUrl, launch, openPage, assertNoErrors } from './helpers.js';

const require = createRequire(import.meta.url);
const pymSource = readFileSync(require.resolve('pym.js/dist/pym.v1.min.js'), 'utf8');
// Pages on another origin, served by Playwright itself (see embed.test.js for the flag).
const HOST = 'http://localhost:4998';
let browser;
before(async () => { browser = await launch(['--disable-features=LocalNetworkAccessChecks']); });
after(() => browser?.close());

/** Opens the publish page, ready. */
async function publishPage(options = {}) {
  const opened = await openPage(browser, { viewport: { width: 1200, height: 900 }, ...options });
  await opened.page.goto(`${baseUrl()}/publish.html`);
  await opened.page.waitForFunction(() => document.documentElement.dataset.publish === 'ready');
  return opened;
}

/** The preview's address and every code, as the page shows them now. */
function shown(page) {
  return page.evaluate(() => {
    const code = (form) => document.querySelector(`#code-${form} pre code`).textContent;
    return {
      src: document.getElementById('preview').src,
      iframe: code('iframe'), pym: code('pym'), script: code('script'), amp: code('amp'),
      copyable: [...document.querySelectorAll('button.copy')].map((b) => !b.disabled),
    };
  });
}

/** Waits until the preview frame has loaded `src` and drawn its chart (or its story). */
async function previewReady(page) {
  const src = await page.evaluate(() => document.getElementById('preview').src);
  await page.waitForFunction((src) => {
    try {
      const frame = document.getElementById('preview');
      const root = frame.contentDocument?.documentElement;
      return frame.contentWindow.location.href === src && (root?.dataset.embed === 'ready' || root?.dataset.story === 'ready');
    } catch { return false; }
  }, src, { timeout: 15000 });
}

test('on the publish page each option changes the preview and every code, and bad choices cannot be made', async () => {
  const { page, context, errors } = await publishPage();
  await previewReady(page);
  let before = await shown(page);
  assert.match(before.src, /\/embed\/funding\.html$/);
  for (const form of ['iframe', 'pym', 'script', 'amp']) assert.ok(before[form].startsWith('<'), form);

  /** Makes a change, then checks the preview and each code follow it. */
  const step = async (label, change, expect) => {
    await change();
    const now = await shown(page);
    expect(now);
    assert.notEqual(now.src, before.src, `${label}: the preview moves`);
    for (const form of ['iframe', 'pym', 'script', 'amp']) assert.notEqual(now[form], before[form], `${label}: the ${form} code follows`);
    for (const form of ['iframe', 'pym', 'amp']) assert.ok(now[form].includes(now.src.replace(/&/g, '&amp;')) || now[form].includes(JSON.stringify(now.src)), `${label}: the ${form} code names the preview's address`);
    await previewReady(page);
    before = now;
  };
  await step('chart', () => page.selectOption('#what', 'grants'), (s) => {
    assert.match(s.src, /\/embed\/grants\.html$/);
    assert.match(s.script, /data-sensetime-chart="grants"/);
    assert.match(s.amp, /charts\/grants\.png/);
  });
  await step('theme', () => page.check('input[name="theme"][value="dark"]'), (s) => {
    assert.match(s.src, /\?theme=dark$/);
    assert.match(s.script, /data-options='\{&quot;theme&quot;:&quot;dark&quot;\}'/);
  });
  await step('language', () => page.check('input[name="lang"][value="zh"]'), (s) => {
    assert.match(s.src, /\/zh\/embed\/grants\.html\?theme=dark$/);
    assert.match(s.script, /&quot;lang&quot;:&quot;zh&quot;/);
    assert.match(s.amp, /charts\/grants\.zh\.png/);
    assert.match(s.iframe, /title="图表：/);
  });
  await step('currency', () => page.check('input[name="currency"][value="usd"]'), (s) => {
    assert.match(s.src, /currency=usd/);
    assert.match(s.script, /&quot;currency&quot;:&quot;usd&quot;/);
  });
  await step('height', async () => {
    await page.uncheck('#auto-height');
    await page.fill('#height', '420');
  }, (s) => {
    assert.match(s.src, /height=420/);
    assert.match(s.script, /&quot;height&quot;:420/);
    assert.match(s.iframe, /height="448"/);
  });
  // The preview frame takes the height the code gives it.
  await page.waitForFunction(() => document.getElementById('preview').getBoundingClientRect().height === 448);

  // A height out of range is refused where it is typed; preview and code keep the last good one.
  await page.fill('#height', '90');
  assert.equal(await page.getAttribute('#height', 'aria-invalid'), '');
  assert.match(await page.textContent('#height-hint'), /90 will not do/);
  assert.deepEqual(await shown(page), before);

  // The whole story: only what it can do.
  await page.selectOption('#what', 'story');
  const story = await shown(page);
  assert.match(story.src, /\/zh\/frame\.html\?currency=usd$/);
  assert.match(story.iframe, /data-sensetime="story"/);
  assert.deepEqual(story.copyable, [true, false, false, false]);
  assert.ok(await page.isDisabled('#theme-field input[value="light"]'));
  assert.ok(await page.isDisabled('#height'));
  assert.equal(await page.getAttribute('#height', 'aria-invalid'), null, 'a disabled field holds no error');
  await previewReady(page);
  assertNoErrors(assert, errors);
  await context.close();
});

test('the publish page is usable from the keyboard, and copies the code shown', async () => {
  const { page, context, errors } = await publishPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  const focused = () => page.evaluate(() => document.activeElement.id || document.activeElement.name || document.activeElement.textContent);
  const seen = [];
  for (let i = 0; i < 40 && !seen.includes('Copy the AMP code'); i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused());
  }
  for (const name of ['what', 'theme', 'lang', 'currency', 'auto-height', 'Copy the iframe code', 'Copy the AMP code']) {
    assert.ok(seen.includes(name), `Tab reaches ${name}: ${seen.join(', ')}`);
  }
  // Choose with keys: the select, then a radio; the code follows.
  await page.focus('#what');
  await page.keyboard.press('ArrowDown');
  const chosen = await page.inputValue('#what');
  assert.notEqual(chosen, 'funding');
  await page.focus('input[name="theme"][value="auto"]');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue('input[name="theme"]:checked'), 'light');
  const { script } = await shown(page);
  assert.match(script, new RegExp(`data-sensetime-chart="${chosen}" data-options='\\{&quot;theme&quot;:&quot;light&quot;\\}'`));
  await page.focus('#code-script button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent.includes('Copied'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), script);
  assertNoErrors(assert, errors);
  await context.close();
});

/** The frame of `page` whose address passes `test`, once it has one. */
async function frameWhere(page, test) {
  for (let i = 0; i < 150; i++) {
    const frame = page.frames().find((f) => test(f.url()));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error(`no frame of ${page.frames().map((f) => f.url()).join(', ')} is the one`);
}

/** Waits until `frame` has drawn its chart and its iframe in `host` is as tall as its content;
 * returns that height and whether the chart is drawn. */
async function fitted(host, frame) {
  await frame.waitForFunction(() => document.documentElement.dataset.embed === 'ready', null, { timeout: 15000 });
  const [height, drawn] = await frame.evaluate(() => [document.body.offsetHeight, document.getElementById('embed').shadowRoot.querySelector('canvas')?.width > 0]);
  await host.waitForFunction((h) => document.querySelector('iframe')?.clientHeight === h, height, { timeout: 15000 });
  return [height, drawn];
}

/** The codes the publish page gives for `what` with `height` (null: follow the width). */
async function codesFor(what, height) {
  const { page, context } = await publishPage();
  await page.selectOption('#what', what);
  if (height) {
    await page.uncheck('#auto-height');
    await page.fill('#height', String(height));
  }
  const codes = await shown(page);
  await context.close();
  return codes;
}

/** A blank page on another origin holding `body`, with pym.js where the code says it is. */
async function hostPage(page, body) {
  await page.route('https://pym.nprapps.org/**', (route) => route.fulfill({ body: pymSource, contentType: 'text/javascript' }));
  await page.route(`${HOST}/**`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><main style="width: 640px">${body}</main></body></html>`,
  }));
  await page.goto(`${HOST}/article.html`);
}

for (const [form, height] of [['iframe', null], ['iframe', 420], ['pym', 420], ['script', 420]]) {
  test(`the ${form} code${height ? ` with a height of ${height}` : ''}, pasted into a page on another origin, shows the chart at the right height`, async () => {
    const code = (await codesFor('revenue-mix', height))[form];
    const { page, context, errors } = await openPage(browser, { viewport: { width: 900, height: 900 } });
    await hostPage(page, code);
    // The chart's height at this 640 px column, as embed::chart_height gives it, and the link band.
    const expected = (height ?? Math.round(Math.min(560, Math.max(320, 640 * 0.8)))) + 28;
    if (form === 'script') {
      await page.waitForFunction(() => document.querySelector('[data-sensetime-chart]')?.shadowRoot?.querySelector('canvas'), null, { timeout: 15000 });
      const box = await page.evaluate(() => document.querySelector('[data-sensetime-chart]').getBoundingClientRect().height);
      assert.equal(Math.round(box), expected);
    } else {
      const frame = await frameWhere(page, (url) => url.includes('/embed/revenue-mix.html'));
      assert.deepEqual(await fitted(page, frame), [expected, true], 'the frame fits its chart');
    }
    assertNoErrors(assert, errors);
    await context.close();
  });
}

test('the AMP code is a well-formed amp-iframe: resizable, with an overflow button, its PNG as placeholder and a frame that posts its size', async () => {
  const { amp } = await codesFor('helmets', null);
  const { page, context, errors } = await openPage(browser, { viewport: { width: 900, height: 900 } });
  await page.goto(`${baseUrl()}/publish.html`);
  const parsed = await page.evaluate(async (code) => {
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${code}</body>`, 'text/html');
    const frames = doc.querySelectorAll('body > amp-iframe');
    const el = frames[0];
    const children = [...el.children].map((c) => c.tagName.toLowerCase());
    const img = el.querySelector(':scope > amp-img[placeholder]');
    const picture = new Image();
    picture.src = img.getAttribute('src');
    await picture.decode();
    const comment = [...doc.body.childNodes].find((n) => n.nodeType === Node.COMMENT_NODE)?.textContent ?? '';
    // Nothing but the comment and the element at the top, nothing loose inside it.
    const loose = (node) => [...node.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()).length;
    return {
      count: frames.length,
      top: [...doc.body.childNodes].filter((n) => n.nodeType !== Node.TEXT_NODE).map((n) => n.nodeName.toLowerCase()),
      loose: loose(doc.body) + loose(el),
      attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
      children,
      overflow: el.querySelector(':scope > [overflow]')?.tagName.toLowerCase(),
      placeholder: { layout: img.getAttribute('layout'), width: picture.naturalWidth, height: picture.naturalHeight },
      head: comment.includes('custom-element="amp-iframe"') && comment.includes('https://cdn.ampproject.org/v0/amp-iframe-0.1.js'),
    };
  }, amp);
  assert.equal(parsed.count, 1);
  assert.deepEqual(parsed.top, ['#comment', 'amp-iframe'], 'the comment, then the element: every tag closed');
  assert.equal(parsed.loose, 0, 'no stray text');
  assert.ok('resizable' in parsed.attrs);
  assert.equal(parsed.attrs.layout, 'responsive');
  assert.ok(Number(parsed.attrs.width) > 0 && Number(parsed.attrs.height) > 0);
  assert.ok(parsed.attrs.sandbox.split(' ').includes('allow-scripts') && parsed.attrs.sandbox.split(' ').includes('allow-same-origin'));
  assert.match(parsed.attrs.src, /\/embed\/helmets\.html$/);
  assert.deepEqual(parsed.children.sort(), ['amp-img', 'button']);
  assert.equal(parsed.overflow, 'button');
  assert.deepEqual(parsed.placeholder, { layout: 'fill', width: 1280, height: 1040 });
  assert.ok(parsed.head, 'says which script the AMP page needs');

  // What AMP's runtime listens for: the frame's embed-size message, with its content's height.
  await page.addInitScript(() => {
    window.sizes = [];
    addEventListener('message', (e) => { if (e.data?.sentinel === 'amp' && e.data.type === 'embed-size') window.sizes.push(e.data.height); });
  });
  await hostPage(page, `<iframe src="${parsed.attrs.src}" title="t" width="640" height="${parsed.attrs.height}"></iframe>`);
  await page.waitForFunction((h) => window.sizes.includes(h), Number(parsed.attrs.height), { timeout: 15000 });
  assertNoErrors(assert, errors);
  await context.close();
});

for (const page of ['embed/peers.html', 'zh/embed/peers.html', 'frame.html']) {
  test(`following ${page}'s oEmbed discovery link from another origin gives a working, auto-sized embed`, async () => {
    const { page: host, context, errors } = await openPage(browser, { viewport: { width: 900, height: 900 } });
    await hostPage(host, '<p>A CMS pastes a link; its script embeds what the link says.</p>');
    const inserted = await host.evaluate(async (url) => {
      const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
      const link = doc.querySelector('link[rel="alternate"][type="application/json+oembed"]');
      const answer = await (await fetch(link.href)).json();
      document.querySelector('main').append(document.createRange().createContextualFragment(answer.html));
      return answer;
    }, `${baseUrl()}/${page}`);
    assert.equal(inserted.type, 'rich');
    const story = page === 'frame.html';
    if (story) {
      // The story grows to its full length, as frames.js sizes it.
      await host.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 3000, null, { timeout: 20000 });
    } else {
      const frame = await frameWhere(host, (url) => url === `${baseUrl()}/${page}`);
      // The main column is 640 px wide, the width the answer's height is for.
      assert.deepEqual(await fitted(host, frame), [inserted.height, true]);
      assert.equal(await frame.evaluate(() => document.documentElement.lang), page.startsWith('zh/') ? 'zh-Hans' : 'en');
    }
    assertNoErrors(assert, errors);
    await context.close();
  });
}

test('a chart\'s own page without JavaScript shows its picture and text alternative', async () => {
  const { page, context, errors } = await openPage(browser, { viewport: { width: 640, height: 700 }, javaScriptEnabled: false });
  await page.goto(`${baseUrl()}/zh/embed/helmets.html`);
  const img = page.locator('#embed img');
  await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
  const box = await img.boundingBox();
  assert.ok(box.y < 20 && box.height > 400, `the picture is at the top of the frame: ${JSON.stringify(box)}`);
  assert.match(await img.getAttribute('alt'), /头盔/);
  assert.match(await page.textContent('#embed figcaption a'), /阅读全文/);
  assertNoErrors(assert, errors);
  await context.close();
});

test('the Nu HTML checker finds no errors in the publish page and the charts\' own pages', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnu-kit-'));
  const files = [];
  for (const [path, name] of [['publish.html', 'publish.html'], ['embed/funding.html', 'funding.html'], ['zh/embed/helmets.html', 'helmets.zh.html']]) {
    const file = join(dir, name);
    writeFileSync(file, await (await fetch(`${baseUrl()}/${path}`)).text());
    files.push(file);
  }
  let report;
  try {
    execFileSync('java', ['-jar', require.resolve('vnu-jar/build/dist/vnu.jar'), '--errors-only', '--format', 'json', ...files], { stdio: 'pipe' });
    report = { messages: [] };
  } catch (e) {
    report = JSON.parse(e.stderr.toString());
  }
  assert.deepEqual(report.messages.map((m) => `${m.url?.split('/').pop()} line ${m.lastLine}: ${m.message}`), []);
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violations on the publish page and a chart's own page (${colorScheme})`, async () => {
    // A chart's page lives in its host's frame, under the host's headings: it has none of its own.
    for (const [path, ready, skip] of [['publish.html', 'publish', []], ['embed/customers.html', 'embed', ['page-has-heading-one']]]) {
      const { page, context, errors } = await openPage(browser, { viewport: { width: 1200, height: 900 }, colorScheme, bypassCSP: true });
      await page.goto(`${baseUrl()}/${path}`);
      await page.waitForFunction((key) => document.documentElement.dataset[key] === 'ready', ready);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async (skip) => (await window.axe.run(document, {
        resultTypes: ['violations'], rules: Object.fromEntries(skip.map((id) => [id, { enabled: false }])),
      })).violations, skip);
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], path);
      assertNoErrors(assert, errors);
      await context.close();
    }
  });
}
