// What readers and host pages get beyond the scroll path (#6): the step-change event for host
// pages' analytics, tooltips, currency and language, sharing and the data downloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseUrl, launch, DESKTOP, PHONE, openPage, waitReady, steps, waitStep, centre, canvasInfo, assertNoErrors,
  assertDrawn, openAtChart,
} from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/** The chart's accessible name: its description, in the page's language and currency. */
/** The charts that show an amount of money, beside which the currency control is offered. */
const MONEY_CHARTS = ['funding', 'revenue-trend', 'revenue-mix', 'customers', 'grants', 'ties'];

const chartName = (page) => page.locator('#chart').getAttribute('aria-label');

/** In the page: the story's tooltip text, if it shows. */
const storyTip = () => {
  const t = document.getElementById('chart-tip');
  return t && !t.hidden ? t.textContent : null;
};

/** Moves the pointer down a vertical line through `canvas` (a locator; the story's by default)
 * until `readTip` (run in the page) sees a tooltip; returns where, and what it says. Marks are
 * found the way a reader finds them, by pointing. */
async function pointUntilTip(page, xShare, act = (x, y) => page.mouse.move(x, y), { canvas = page.locator('#chart'), readTip = storyTip } = {}) {
  const box = await canvas.boundingBox();
  for (let y = box.y + 10; y < box.y + box.height - 10; y += 6) {
    await act(box.x + box.width * xShare, y);
    const tip = await page.evaluate(readTip);
    if (tip) return { x: box.x + box.width * xShare, y, tip };
  }
  return null;
}

test('every step change fires a sensetime:step event with its index, id and direction', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  // Listen before the story starts, as a host page's analytics would.
  await page.addInitScript(() => {
    window.__steps = [];
    document.addEventListener('sensetime:step', (e) => window.__steps.push(e.detail));
  });
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  await centre(page, all[3].id);
  await waitStep(page, all[3]);
  await centre(page, all[1].id);
  await waitStep(page, all[1]);
  const events = await page.evaluate(() => window.__steps);
  assert.deepEqual(events, [
    { type: 'sensetime:step', index: 0, id: all[0].id, direction: null, chart: all[0].chart },
    { type: 'sensetime:step', index: 3, id: all[3].id, direction: 'down', chart: all[3].chart },
    { type: 'sensetime:step', index: 1, id: all[1].id, direction: 'up', chart: all[1].chart },
  ]);
  assertNoErrors(assert, errors);
  await context.close();
});

test('the link tool copies the address of the step in view', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  await centre(page, all[4].id);
  await waitStep(page, all[4]);
  await page.getByRole('button', { name: 'Copy link to this step' }).click();
  await page.getByRole('status').filter({ hasText: 'Link copied.' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(new URL(copied).hash, `#${all[4].id}`);
  assertNoErrors(assert, errors);
  await context.close();
});

/** In the page: decodes the PNG in `base64` (as bytes: the page's CSP allows no data: image),
 * scales it to the on-screen canvas's backing store and returns the share of pixels that differ
 * from what the canvas shows by more than scaling's smoothing does. */
async function compareImageWithCanvas(base64) {
  const canvas = document.getElementById('chart');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const scaled = document.createElement('canvas');
  scaled.width = canvas.width;
  scaled.height = canvas.height;
  const context = scaled.getContext('2d');
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const shown = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const saved = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let differing = 0;
  for (let i = 0; i < shown.length; i += 4) {
    const delta = Math.max(Math.abs(shown[i] - saved[i]), Math.abs(shown[i + 1] - saved[i + 1]), Math.abs(shown[i + 2] - saved[i + 2]));
    if (delta > 64) differing += 1;
  }
  return differing / (shown.length / 4);
}

for (const { name, path, colorScheme, button } of [
  { name: 'English, light, in dollars', path: 'index.html?currency=usd', colorScheme: 'light', button: 'Save chart (PNG)' },
  { name: 'English, dark', path: 'index.html', colorScheme: 'dark', button: 'Save chart (PNG)' },
  { name: 'Chinese', path: 'zh/index.html', colorScheme: 'light', button: '保存图表（PNG）' },
]) test(`the save tool downloads the chart in view as a PNG at twice its size, as the reader sees it (${name})`, async () => {
  const { page, context, errors } = await openPage(browser, { ...DESKTOP, colorScheme });
  await openAtChart(page, path, 'revenue-mix');
  const box = await page.evaluate(() => {
    const r = document.getElementById('chart').getBoundingClientRect();
    return { width: Math.round(r.width), height: Math.round(r.height) };
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'sensetime-revenue-mix.png');
  const { readFile } = await import('node:fs/promises');
  const png = await readFile(await download.path());
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
  assert.deepEqual({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }, { width: box.width * 2, height: box.height * 2 });
  // The picture on screen, which the reader chose to save: the saved image, scaled to it, matches.
  const differing = await page.evaluate(compareImageWithCanvas, png.toString('base64'));
  console.log(`saved PNG (${name}) scaled to the screen: ${(differing * 100).toFixed(3)}% of pixels differ`);
  // Scaling a 2x drawing down moves text edges by fractions of a pixel: up to 2% of this chart's
  // pixels, which has much text for its area.
  assert.ok(differing <= 0.02, `the saved image is the chart on screen; ${(differing * 100).toFixed(2)}% of pixels differ`);
  // And the comparison tells charts apart: the same chart in another currency or theme does not match.
  const other = await page.evaluate(({ width, height }) => {
    const c = document.createElement('canvas');
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    const currency = document.getElementById('currency').value === 'usd' ? 'rmb' : 'usd';
    window.sensetime.drawChartAt(c, 'revenue-mix', width, height, 2, dark, undefined, currency);
    return c.toDataURL('image/png').split(',')[1];
  }, box);
  const otherDiffering = await page.evaluate(compareImageWithCanvas, other);
  assert.ok(otherDiffering > 2 * differing, `another currency is told apart (${(otherDiffering * 100).toFixed(2)}% differ, against ${(differing * 100).toFixed(2)}% for the same chart)`);
  assertNoErrors(assert, errors);
  await context.close();
});

test('the data downloads hold every figure, exactly as figures() gives them', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const links = await page.locator('#chart-tools a[download]').evaluateAll((as) => as.map((a) => a.href));
  assert.deepEqual(links.map((l) => new URL(l).pathname.split('/').pop()), ['figures.csv', 'figures.json']);
  const [csv, json, live] = await page.evaluate(async ([c, j]) => [
    await (await fetch(c)).text(), await (await fetch(j)).json(), window.sensetime.figures(),
  ], links);
  assert.deepEqual(json, live);
  const rows = csv.trim().split('\r\n');
  const header = rows[0].split(',');
  assert.ok(['id', 'label', 'value', 'unit', 'hedge', 'year', 'source'].every((c) => header.includes(c)), header.join());
  assert.equal(rows.length - 1, live.length);
  for (const f of live) {
    const row = rows.find((r) => r.startsWith(`${f.id},`));
    assert.ok(row, `${f.id} is in the CSV`);
    assert.ok(row.includes(`,${f.value},`), `${f.id}: ${row} has ${f.value}`);
  }
  assertNoErrors(assert, errors);
  await context.close();
});

test("each edition's Wasm speaks its own language: drawChart defaults to it and refuses the other", async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  const drawn = async () => page.evaluate(() => {
    const draw = (...lang) => {
      const c = document.createElement('canvas');
      Object.assign(c.style, { width: '400px', height: '300px' });
      document.body.append(c);
      try {
        window.sensetime.drawChart(c, 'funding', false, ...lang);
        return c.toDataURL();
      } catch (e) {
        return `error: ${e}`;
      } finally {
        c.remove();
      }
    };
    return { plain: draw(), en: draw('en'), zh: draw('zh') };
  });
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const en = await drawn();
  assert.equal(en.plain, en.en, 'the English edition draws in English by default');
  assert.match(en.zh, /^error: .*only in "en".*"zh"/);
  await page.goto(`${baseUrl()}/zh/index.html`);
  await waitReady(page);
  const zh = await drawn();
  assert.equal(zh.plain, zh.zh, 'the Chinese edition draws in Chinese by default');
  assert.match(zh.en, /^error: .*only in "zh".*"en"/);
  assert.notEqual(en.plain, zh.plain, 'the two editions draw different words');
  assertNoErrors(assert, errors);
  await context.close();
});

test('the currency control redraws every money label, keeps the choice in the address, and comes back on reload', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html#growing-sales`);
  await waitReady(page);
  const step = { id: 'growing-sales', chart: 'revenue-trend' };
  await waitStep(page, step);
  const reported = { name: await chartName(page), pixels: (await canvasInfo(page)).hash };
  assert.match(reported.name, /Rmb3\.45bn/);
  assert.ok(await page.locator('#rate').isHidden(), 'no rate while money is as reported');
  await page.locator('#currency').selectOption('usd');
  await waitStep(page, step);
  const usd = await chartName(page);
  assert.match(usd, /\$530m/, `2020 revenue in dollars at the article's rate, to two significant figures: ${usd}`);
  assert.doesNotMatch(usd.split('Amounts converted')[0], /Rmb\d/, 'no renminbi amount left in the chart itself');
  assert.match(usd, /Rmb6\.5/, 'the rate is stated');
  assert.notEqual((await canvasInfo(page)).hash, reported.pixels, 'the pixels changed too');
  assert.match(await page.locator('#rate').innerText(), /Rmb6\.5 per \$/);
  assert.equal(new URL(page.url()).searchParams.get('currency'), 'usd');
  assert.equal(new URL(page.url()).hash, '#growing-sales');
  // The other edition's link keeps the reader's place and currency.
  assert.match(await page.locator('a.lang-switch').getAttribute('href'), /^zh\/\?currency=usd#growing-sales$/);
  await page.reload();
  await waitReady(page);
  await waitStep(page, step);
  assert.equal(await page.locator('#currency').inputValue(), 'usd');
  assert.equal(await chartName(page), usd);
  await page.locator('#currency').selectOption('reported');
  await waitStep(page, step);
  assert.equal(await chartName(page), reported.name);
  assert.equal(new URL(page.url()).search, '');
  assertNoErrors(assert, errors);
  await context.close();
});

test('rapid currency toggles while scrolling end on the last choice and the step in view', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  // The control is offered only beside money: the storm scrolls among the steps whose charts
  // show amounts (written out here, not read from the page).
  const money = (await steps(page)).filter((step) => MONEY_CHARTS.includes(step.chart));
  assert.ok(money.length >= 6, 'six charts show money');
  const choices = ['rmb', 'usd', 'reported'];
  for (let i = 0; i < 30; i += 1) {
    await page.locator('#currency').selectOption(choices[i % 3]);
    if (i % 5 === 0) await centre(page, money[(i / 5) % money.length].id);
  }
  await page.locator('#currency').selectOption('rmb');
  // Where the storm left the page: the step it last scrolled to, drawn in renminbi.
  const last = money[(25 / 5) % money.length];
  await waitStep(page, last);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('currency') === 'rmb');
  await assertDrawn(assert, page, last.chart);
  // The funding chart is in dollars as reported, so in renminbi it is converted.
  const funding = money.find((step) => step.chart === 'funding');
  await centre(page, funding.id);
  await waitStep(page, funding);
  const name = await chartName(page);
  assert.match(name, /more than the equivalent of Rmb19bn/);
  assert.match(name, /Rmb6\.5/, 'converted, so the rate is stated');
  assert.equal(new URL(page.url()).searchParams.get('currency'), 'rmb');
  assert.ok((await canvasInfo(page)).inkShare > 0.01, 'the chart is drawn');
  assertNoErrors(assert, errors);
  await context.close();
});

test('the currency control is offered beside charts with money only, and hiding it moves nothing', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  // The tools row's box within the graphic (the graphic itself moves until it sticks).
  const tools = () => page.evaluate(() => {
    const g = document.querySelector('.graphic').getBoundingClientRect();
    const t = document.getElementById('chart-tools').getBoundingClientRect();
    return { x: t.x - g.x, y: t.y - g.y, width: t.width, height: t.height };
  });
  const withMoney = all.find((step) => MONEY_CHARTS.includes(step.chart));
  const without = all.find((step) => !MONEY_CHARTS.includes(step.chart));
  await centre(page, withMoney.id);
  await waitStep(page, withMoney);
  assert.ok(await page.locator('#currency').isVisible(), `beside ${withMoney.chart}`);
  const before = await tools();
  await centre(page, without.id);
  await waitStep(page, without);
  assert.ok(await page.locator('#currency').isHidden(), `not beside ${without.chart}`);
  assert.deepEqual(await tools(), before, 'the tools row keeps its place and size');
  // Out of the keyboard's way too: Tab from the chart skips it.
  await page.locator('#copy-link').focus();
  await page.keyboard.press('Shift+Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'currency');
  assertNoErrors(assert, errors);
  await context.close();
});

test('a tooltip closes when the reader scrolls on, even to a step with the same chart', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  // Two steps in a row that show one chart (the timeline, for sanctions and then abroad).
  const at = all.findIndex((step, i) => i + 1 < all.length && all[i + 1].chart === step.chart);
  assert.ok(at >= 0, 'the story has two steps in a row with one chart');
  await centre(page, all[at].id);
  await waitStep(page, all[at]);
  const found = await pointUntilTip(page, 0.2);
  assert.ok(found, 'a mark answers the pointer');
  assert.ok(await page.locator('#chart-tip').isVisible());
  await centre(page, all[at + 1].id);
  await waitStep(page, all[at + 1]);
  await page.waitForFunction(() => document.getElementById('chart-tip').hidden, null, { timeout: 5000 });
  assertNoErrors(assert, errors);
  await context.close();
});

test('phone: what the keyboard focuses in a step is scrolled into view below the sticky chart', async () => {
  const { page, context, errors } = await openPage(browser, PHONE);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  for (const step of [all[3], all.at(-1)]) {
    await page.locator(`#${step.id} summary`).focus();
    await page.waitForTimeout(300);
    const { summary, graphic } = await page.evaluate((id) => ({
      summary: document.querySelector(`#${id} summary`).getBoundingClientRect().toJSON(),
      graphic: document.querySelector('.graphic').getBoundingClientRect().toJSON(),
    }), step.id);
    assert.ok(summary.top >= graphic.bottom - 1, `${step.id}: its "Data for this chart" at ${summary.top} is below the chart's bottom, ${graphic.bottom}`);
    assert.ok(summary.bottom <= 844, `${step.id}: and on the screen`);
  }
  assertNoErrors(assert, errors);
  await context.close();
});

test('hovering a bar shows what its label does not say (what the figure is, its source); moving off hides it', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html#backers`);
  await waitReady(page);
  await waitStep(page, { id: 'backers', chart: 'funding' });
  const found = await pointUntilTip(page, 0.15);
  assert.ok(found, 'some point on the chart shows a tooltip');
  // The bar's label says "more than $3bn" already.
  assert.equal(found.tip, 'Raised from investors · Source: Financial Times (2021)');
  assert.equal(await page.getByRole('tooltip').count(), 1);
  const box = await page.locator('#chart').boundingBox();
  await page.mouse.move(box.x + box.width - 5, box.y + 5);
  assert.ok(await page.locator('#chart-tip').isHidden(), 'away from every mark, no tooltip');
  // In dollars nothing about this chart changes; in renminbi the label says the conversion, and
  // the tooltip the figure as sourced, and the conversion spelled out.
  await page.locator('#currency').selectOption('rmb');
  await waitStep(page, { id: 'backers', chart: 'funding' });
  const converted = await pointUntilTip(page, 0.15);
  assert.match(converted.tip, /more than \$3bn \(more than the equivalent of Rmb19bn\)/);
  assertNoErrors(assert, errors);
  await context.close();
});

test('the Chinese edition tells the story in Chinese: charts, text alternatives, tooltips, address', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/zh/`);
  await waitReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');
  const all = await steps(page);
  assert.deepEqual(all, await (async () => {
    const en = await context.newPage();
    await en.goto(`${baseUrl()}/index.html`);
    const s = await steps(en);
    await en.close();
    return s;
  })(), 'the same steps and charts as the English edition');
  const pictures = new Set();
  for (const step of all) {
    await centre(page, step.id);
    await waitStep(page, step);
    const name = await chartName(page);
    assert.match(name, /[\u4e00-\u9fff]/, `${step.id}: described in Chinese: ${name}`);
    pictures.add((await canvasInfo(page)).hash);
  }
  assert.ok(pictures.size >= 10, 'the charts change along the way');
  assert.match(await page.locator('#chart-live').textContent(), new RegExp(`^第${all.length}张图表（共${all.length}张）：`));
  assert.equal(new URL(page.url()).hash, `#${all.at(-1).id}`);
  await centre(page, 'the-bet');
  await waitStep(page, { id: 'the-bet', chart: 'revenue-mix' });
  await page.locator('#currency').selectOption('usd');
  await waitStep(page, { id: 'the-bet', chart: 'revenue-mix' });
  assert.match(await chartName(page), /美元/);
  assert.match(await page.locator('#rate').innerText(), /^按1美元兑6\.5元折算$/);
  const tip = await pointUntilTip(page, 0.1);
  // The bar's label says 40%, and the chart's subtitle 2020.
  assert.match(tip.tip, /^智慧城市业务占销售额比重 · 资料来源：英国《金融时报》（2021年）$/);
  assertNoErrors(assert, errors);
  await context.close();
});

test('chart embeds take lang and currency, and say what is wrong in the language asked for', async () => {
  const { page, context, errors } = await openPage(browser, { viewport: { width: 600, height: 700 } });
  await page.goto(`${baseUrl()}/embed.html?chart=revenue-trend&lang=zh&currency=usd`);
  await page.waitForFunction(() => document.documentElement.dataset.embed === 'ready');
  const shadow = (selector, what) => page.evaluate(([s, w]) => document.getElementById('embed').shadowRoot.querySelector(s)?.[w], [selector, what]);
  const label = await page.evaluate(() => document.getElementById('embed').shadowRoot.querySelector('canvas').getAttribute('aria-label'));
  assert.match(label, /美元/);
  assert.match(label, /[\u4e00-\u9fff]/);
  // Tooltips work in the embed too, in its language and currency.
  const embedTip = (await pointUntilTip(page, 0.43, undefined, {
    canvas: page.locator('#embed canvas'),
    readTip: () => {
      const t = document.getElementById('embed').shadowRoot.querySelector('[role="tooltip"]');
      return t && !t.hidden ? t.textContent : null;
    },
  }))?.tip;
  // The column says ≈5.3亿美元 over 2020: the tooltip gives the filing's exact figure and the conversion.
  assert.match(embedTip ?? '', /^2020年营收：34\.462亿元（约合5\.3亿美元） · 资料来源：/);
  const href = await page.evaluate(() => document.getElementById('embed').shadowRoot.querySelector('a').href);
  assert.equal(new URL(href).pathname.endsWith('/zh/index.html'), true, href);
  assert.equal(new URL(href).search, '?currency=usd');
  assert.equal(new URL(href).hash, '#growing-sales');
  await page.goto(`${baseUrl()}/embed.html?chart=pie&lang=zh`);
  await page.waitForFunction(() => document.documentElement.dataset.embed === 'ready');
  const notice = await shadow('[role="note"]', 'textContent');
  assert.match(notice, /^无法显示此图表。/);
  assert.match(notice, /revenue-mix/, 'the ids are listed as they must be written');
  await page.goto(`${baseUrl()}/embed.html?chart=funding&currency=eur`);
  await page.waitForFunction(() => document.documentElement.dataset.embed === 'ready');
  const bad = await shadow('[role="note"]', 'textContent');
  assert.match(bad, /reported, rmb or usd|reported.*rmb.*usd/);
  assertNoErrors(assert, errors);
  await context.close();
});

test('a Chinese chart embed whose Wasm cannot load says so in Chinese and links to the Chinese story', async () => {
  const { page, context } = await openPage(browser, { viewport: { width: 600, height: 600 } });
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${baseUrl()}/embed.html?chart=funding&lang=zh`);
  await page.waitForFunction(() => document.documentElement.dataset.embed === 'failed');
  const notice = page.locator('.embed-failed');
  assert.match(await notice.innerText(), /^此图表无法在此浏览器中启动。/);
  assert.equal(await notice.getAttribute('lang'), 'zh-Hans');
  assert.match(await notice.locator('a').getAttribute('href'), /\/zh\/index\.html$/);
  await context.close();
});
