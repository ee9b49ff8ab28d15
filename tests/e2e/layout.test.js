// Layouts for where the story is read, in Chromium: a host article's 840 px column (framed, and
// the story's own page at that width), the desktop's step column under the intro's, the data
// tables on phones, and embed.html opened on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseUrl, DESKTOP, PHONE, openPage, waitReady, assertNoErrors, painted, layoutShift,
} from './helpers.js';
import { chromiumAndHosts } from './hosts.js';

const session = chromiumAndHosts();

/** In the story's document: the canvas, the graphic and every step's box, and the active step. */
function storyBoxes() {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
  };
  return {
    canvas: box(document.getElementById('chart')),
    graphic: box(document.querySelector('.graphic')),
    steps: [...document.querySelectorAll('#story .step')].map((s) => ({ id: s.id, ...box(s) })),
    active: document.querySelector('#story .step.is-active')?.id ?? null,
    settled: document.getElementById('chart').dataset.settled === 'true',
  };
}

/** The largest space between one step's card and the next, in CSS px. */
function largestGap(steps) {
  return Math.max(...steps.slice(1).map((s, i) => s.top - steps[i].bottom));
}

// A host article with an 840 px text column, on another origin, embedding the story with frames.js.
for (const [lang, address] of [['en', 'frame.html'], ['zh', 'zh/frame.html']]) {
  test(`framed in an 840 px article column (${lang}): a large chart at the top, the steps passing under it a short way apart`, async () => {
    const { page, context, errors } = await openPage(session.browser, { viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
    await page.goto(session.hosts.host(`column-${lang}`, `
      <style>body { margin: 0; } main { width: 840px; margin: 0 auto; } iframe { display: block; width: 100%; border: 0; }</style>
      <main><h1>A host article</h1><p style="height: 500px">Text before the story.</p>
      <iframe data-sensetime="story" src="${baseUrl()}/${address}" title="The story" height="600"></iframe>
      <p style="height: 900px">Text after the story.</p></main>
      <script src="${baseUrl()}/frames.js"></script>`));
    await page.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 3000, null, { timeout: 15000 });
    const frame = page.frames().find((f) => f.url().includes(address));
    await frame.waitForFunction(() => document.documentElement.dataset.story === 'ready', null, { timeout: 15000 });
    const vh = 800;
    const frameTop = () => page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().top);
    const ids = (await frame.evaluate(storyBoxes)).steps.map((s) => s.id);
    for (const index of [1, 7, 12]) {
      // The host scrolls until the step's top is three quarters of the way down its viewport:
      // past the trigger line, where a reader starts reading it.
      const stepTop = await frame.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, ids[index]);
      await page.evaluate((y) => window.scrollBy(0, y), (await frameTop()) + stepTop - vh * 0.75);
      await frame.waitForFunction((id) => {
        const step = document.querySelector('#story .step.is-active');
        return step?.id === id && document.getElementById('chart').dataset.settled === 'true';
      }, ids[index], { timeout: 10000 });
      const top = await frameTop();
      const seen = await frame.evaluate(storyBoxes);
      const where = `step ${ids[index]}: ${JSON.stringify({ canvas: seen.canvas, graphic: seen.graphic, frameTop: top })}`;
      assert.ok(seen.canvas.height >= vh * 0.5, `the chart is at least half the host's viewport tall (${seen.canvas.height} px of ${vh}); ${where}`);
      assert.ok(seen.canvas.width >= 840 * 0.9, `the chart spans the column (${seen.canvas.width} px of 840); ${where}`);
      const graphicTop = top + seen.graphic.top;
      assert.ok(graphicTop >= -1 && graphicTop <= 1, `the graphic sits at the top of the host's viewport (${graphicTop}); ${where}`);
      const step = seen.steps[index];
      assert.ok(top + step.top >= top + seen.graphic.bottom - 1, `the step being read is below the graphic, not under it; ${where}`);
      assert.ok(top + step.top < vh, `the step being read is in view; ${where}`);
    }
    const { steps } = await frame.evaluate(storyBoxes);
    const gap = largestGap(steps);
    assert.ok(gap <= vh * 0.3, `no step is more than 30% of the host's viewport from the next (largest gap ${gap} px of ${vh})`);
    assertNoErrors(assert, errors);
    await context.close();
  });
}

// The parser may yield anywhere, and a browser paints what it has: a slow page, or a busy phone,
// paints the graphic before the rest of the page has arrived or been parsed.
test('a graphic painted before the rest of the page arrives is where it stays: no layout shift', async () => {
  for (const device of [DESKTOP, PHONE]) {
    const { page, context, errors } = await openPage(session.browser, device);
    const loading = page.goto(session.hosts.site('split', 'index.html'), { waitUntil: 'commit' });
    await session.hosts.heldAsked();
    await loading;
    // The page up to the canvas has arrived and been painted; the tools under it have not.
    await page.waitForFunction(() => document.getElementById('chart') && !document.getElementById('chart-tools'));
    await page.evaluate(painted);
    const chartBox = () => {
      const r = document.querySelector('.chart-box').getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const early = await page.evaluate(chartBox);
    session.hosts.release();
    await waitReady(page);
    assert.deepEqual(await page.evaluate(chartBox), early, `${device.name}: the chart's box where it was first painted`);
    assert.equal(await page.evaluate(layoutShift), 0, `${device.name}: no layout shift`);
    assertNoErrors(assert, errors);
    await context.close();
  }
});

test("the story's own page at 840 px wide: the same column layout, in both languages", async () => {
  for (const path of ['index.html', 'zh/index.html']) {
    const { page, context, errors } = await openPage(session.browser, { viewport: { width: 840, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(`${baseUrl()}/${path}#cameras`);
    await waitReady(page);
    await page.waitForFunction(() => document.querySelector('#story .step.is-active')?.id === 'cameras', null, { timeout: 10000 });
    const seen = await page.evaluate(storyBoxes);
    assert.ok(seen.canvas.height >= 900 * 0.5, `${path}: the chart is at least half the viewport tall (${seen.canvas.height} px)`);
    assert.ok(seen.graphic.top >= -1 && seen.graphic.top <= 1, `${path}: the graphic sticks at the top (${seen.graphic.top})`);
    const step = seen.steps.find((s) => s.id === 'cameras');
    assert.ok(step.top >= seen.graphic.bottom - 1 && step.top < 900, `${path}: the step opened by its link is in view below the graphic (${JSON.stringify(step)}, graphic ${JSON.stringify(seen.graphic)})`);
    assert.ok(largestGap(seen.steps) <= 900 * 0.3, `${path}: steps a short way apart (${largestGap(seen.steps)} px)`);
    assertNoErrors(assert, errors);
    await context.close();
  }
});

for (const [width, height] of [[1280, 800], [1440, 900]]) {
  test(`desktop at ${width}×${height}: the steps stand in the intro's column, the chart beside them`, async () => {
    for (const path of ['index.html', 'zh/index.html']) {
      const { page, context, errors } = await openPage(session.browser, { viewport: { width, height }, deviceScaleFactor: 1 });
      await page.goto(`${baseUrl()}/${path}`);
      await waitReady(page);
      const seen = await page.evaluate(() => {
        const left = (el) => el.getBoundingClientRect().left;
        const heading = document.querySelector('.intro h1');
        const graphic = document.querySelector('.graphic').getBoundingClientRect();
        return {
          intro: left(heading),
          steps: [...document.querySelectorAll('#story .step')].map((s) => [left(s), s.getBoundingClientRect().right]),
          graphic: { left: graphic.left, right: graphic.right, width: graphic.width },
          viewport: document.documentElement.clientWidth,
        };
      });
      for (const [left, right] of seen.steps) {
        assert.ok(Math.abs(left - seen.intro) <= 1, `${path}: a step's left edge (${left}) lines up with the intro's (${seen.intro})`);
        assert.ok(right <= seen.graphic.left, `${path}: the steps end before the chart begins (${right} > ${seen.graphic.left})`);
      }
      assert.ok(seen.graphic.width >= 448, `${path}: the chart keeps at least 28rem (${seen.graphic.width} px)`);
      assert.ok(seen.graphic.right <= seen.viewport, `${path}: the chart stays inside the window (${seen.graphic.right} > ${seen.viewport})`);
      assertNoErrors(assert, errors);
      await context.close();
    }
  });
}

/** In the page: every data table's cells that break a line after a single word, and every cell
 * that reaches past its card. A word is a run of letters or digits between spaces or hyphens, or one Han
 * character (Chinese breaks lines between any two); punctuation alone is no word. A cell with
 * two words or more breaks badly if any of its lines holds exactly one of them, as
 * "Smart / City / share / of / sales" or "…香港上 / 市" would. (A line may break after a hyphen, as in
 * "smart- / city technology": the parts count as words.) */
function tableFaults() {
  const faults = [];
  const token = /\p{Script=Han}|[^\s\p{Script=Han}-]+-?/gu;
  const wordy = /[\p{L}\p{N}]/u;
  for (const details of document.querySelectorAll('.chart-data')) {
    const step = details.closest('.step')?.id;
    const edge = details.getBoundingClientRect().right;
    if (details.scrollWidth > details.clientWidth + 1) faults.push(`${step}: the table is wider than its card (${details.scrollWidth} > ${details.clientWidth})`);
    for (const cell of details.querySelectorAll('tbody th, tbody td')) {
      const right = cell.getBoundingClientRect().right;
      if (right > edge + 1) faults.push(`${step}: “${cell.textContent}” reaches past its card (${right} > ${edge})`);
      const tops = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(token)) {
          if (!wordy.test(match[0])) continue;
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const rect = range.getClientRects()[0];
          if (rect) tops.push(rect.top);
        }
      }
      if (tops.length < 2) continue;
      const lines = [];
      for (const top of tops) {
        const line = lines.find((l) => Math.abs(l.top - top) < 4);
        if (line) line.words += 1;
        else lines.push({ top, words: 1 });
      }
      if (lines.length > 1 && lines.some((l) => l.words === 1)) {
        faults.push(`${step}: “${cell.textContent}” has a line of one word (${lines.map((l) => l.words).join(' + ')} words a line)`);
      }
    }
  }
  return faults;
}

for (const [width, height, mobile] of [[390, 844, true], [320, 640, true], [840, 900, false], [1280, 800, false]]) {
  test(`data tables at ${width} px: no line of a single word, nothing past the card, in both languages`, async () => {
    for (const path of ['index.html', 'zh/index.html']) {
      const { page, context, errors } = await openPage(session.browser, { viewport: { width, height }, deviceScaleFactor: 1, isMobile: mobile, hasTouch: mobile });
      await page.goto(`${baseUrl()}/${path}`);
      await waitReady(page);
      await page.evaluate(() => { for (const details of document.querySelectorAll('.chart-data')) details.open = true; });
      const rows = await page.evaluate(() => document.querySelectorAll('.chart-data tbody tr').length);
      assert.ok(rows >= 15, `${path}: the tables are there (${rows} rows)`);
      assert.deepEqual(await page.evaluate(tableFaults), [], `${path} at ${width} px`);
      // Laid out in lines, not columns, a table is still a table to assistive technology.
      const tree = await page.locator('#growing-sales .chart-data table').ariaSnapshot();
      for (const role of ['columnheader', 'rowheader', 'cell']) assert.match(tree, new RegExp(`- ${role} `), `${path}: the table keeps its ${role}s:\n${tree}`);
      assertNoErrors(assert, errors);
      await context.close();
    }
  });
}

test('data tables on the static page (no JavaScript) at 700 and 390 px: no line of a single word, nothing past the card', async () => {
  for (const width of [700, 390]) {
    for (const path of ['index.html', 'zh/index.html']) {
      const { page, context, errors } = await openPage(session.browser, { viewport: { width, height: 800 }, deviceScaleFactor: 1, javaScriptEnabled: false });
      await page.goto(`${baseUrl()}/${path}`);
      await page.evaluate(() => { for (const details of document.querySelectorAll('.chart-data')) details.open = true; });
      assert.deepEqual(await page.evaluate(tableFaults), [], `${path} at ${width} px without JavaScript`);
      assertNoErrors(assert, errors);
      await context.close();
    }
  }
});

/** In embed.html: the page's background colour, and the chart's accessible name. */
function embedPage() {
  const canvas = document.getElementById('embed').shadowRoot?.querySelector('canvas');
  return {
    background: getComputedStyle(document.documentElement).backgroundColor,
    name: canvas?.getAttribute('aria-label') ?? '',
  };
}

// The chart themes' backgrounds (src/draw/theme.rs), as the browser reports them.
const PAPER = { light: 'rgb(253, 251, 247)', dark: 'rgb(23, 25, 29)' };

test('embed.html opened on its own takes its theme\'s background; in a frame it leaves the host\'s', async () => {
  for (const [query, scheme, theme] of [
    ['chart=grants&theme=dark', 'light', 'dark'],
    ['chart=grants&theme=light', 'dark', 'light'],
    ['chart=revenue-mix', 'dark', 'dark'],
    ['chart=revenue-mix&lang=zh', 'light', 'light'],
  ]) {
    const { page, context, errors } = await openPage(session.browser, { viewport: { width: 640, height: 700 }, colorScheme: scheme });
    await page.goto(`${baseUrl()}/embed.html?${query}`);
    await page.waitForFunction(() => document.documentElement.dataset.embed === 'ready');
    const seen = await page.evaluate(embedPage);
    assert.equal(seen.background, PAPER[theme], `${query} in a ${scheme} browser: the page is the chart's ${theme} paper`);
    assertNoErrors(assert, errors);
    await context.close();
  }
  const { page, context, errors } = await openPage(session.browser, { viewport: { width: 800, height: 800 }, colorScheme: 'light' });
  await page.goto(session.hosts.host('embed-frame', `<iframe src="${baseUrl()}/embed.html?chart=grants&amp;theme=dark" title="A chart" width="640" height="600"></iframe>`));
  const frame = await (async () => {
    for (;;) {
      const found = page.frames().find((f) => f.url().includes('embed.html'));
      if (found) return found;
      await new Promise((resolve) => { setTimeout(resolve, 50); });
    }
  })();
  await frame.waitForFunction(() => document.documentElement.dataset.embed === 'ready');
  assert.equal((await frame.evaluate(embedPage)).background, 'rgba(0, 0, 0, 0)', 'in a frame the page stays transparent');
  assertNoErrors(assert, errors);
  await context.close();
});

test('an embedded chart is named by its subject, not by the story\'s finding, and credits its calculations by name', async () => {
  for (const [lang, subject, credit] of [
    ['en', /^State support for SenseTime[.。]/, /calculation by the SenseTime explainer team/],
    ['zh', /^国家对商汤的资助。/, /商汤解读项目组计算/],
  ]) {
    const { page, context, errors } = await openPage(session.browser, { viewport: { width: 640, height: 700 } });
    // The story's own chart for the step: its name opens with the story's finding.
    await page.goto(`${baseUrl()}/${lang === 'zh' ? 'zh/' : ''}index.html#state-support`);
    await waitReady(page);
    await page.waitForFunction(() => document.getElementById('chart').dataset.state === 'grants' && document.getElementById('chart').dataset.settled === 'true', null, { timeout: 10000 });
    const inStory = await page.evaluate(() => document.getElementById('chart').getAttribute('aria-label'));
    const finding = inStory.split(/[.。]/)[0];
    await page.goto(`${baseUrl()}/embed.html?chart=grants&lang=${lang}`);
    await page.waitForFunction(() => document.documentElement.dataset.embed === 'ready');
    const { name } = await page.evaluate(embedPage);
    assert.match(name, subject, `${lang}: the embed is named by its subject: ${name}`);
    assert.ok(!name.includes(finding), `${lang}: not by the story's finding, “${finding}”: ${name}`);
    // The 2019 grants are worked back from the rise: the tooltip says who worked them out.
    const box = await page.evaluate(() => document.getElementById('embed').shadowRoot.querySelector('canvas').getBoundingClientRect().toJSON());
    const tips = new Set();
    for (let x = box.x + 20; x < box.x + box.width * 0.6; x += 24) {
      for (let y = box.y + 60; y < box.y + box.height - 40; y += 12) {
        await page.mouse.move(x, y);
        const tip = await page.evaluate(() => {
          const el = document.getElementById('embed').shadowRoot.querySelector('[role="tooltip"]');
          return el && !el.hidden ? el.textContent : null;
        });
        if (tip) tips.add(tip);
      }
      if ([...tips].some((t) => credit.test(t))) break;
    }
    assert.ok([...tips].some((t) => credit.test(t)), `${lang}: a tooltip credits the calculation by name: ${JSON.stringify([...tips])}`);
    assert.ok([...tips].every((t) => !/our calculation|本项目计算/.test(t)), `${lang}: and none says “our”: ${JSON.stringify([...tips])}`);
    assertNoErrors(assert, errors);
    await context.close();
  }
});
