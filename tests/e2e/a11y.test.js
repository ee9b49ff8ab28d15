// Every reader: axe-core and the Nu HTML checker, no JavaScript, text alternatives, keyboard, deep links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  baseUrl, launch, DESKTOP, PHONE, openPage, waitReady, steps, waitStep, centre, assertNoErrors, assertDrawn,
  openAtChart,
} from './helpers.js';

const require = createRequire(import.meta.url);
let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/** Scrolls to a step's static chart and waits until its picture has loaded; returns the image. */
async function loadedStaticChart(page, step) {
  const img = step.locator('.static-chart img');
  await img.scrollIntoViewIfNeeded();
  await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle(), { timeout: 5000 });
  return img;
}

/** axe-core's violations on the page as it is now, one line each. */
async function axeViolations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// Both editions, on desktop and phone, in light and dark.
const AXE_RUNS = ['index.html', 'zh/index.html'].flatMap((path) => [DESKTOP, PHONE]
  .flatMap((device) => ['light', 'dark'].map((colorScheme) => ({ device, colorScheme, path }))));

for (const { device, colorScheme, path } of AXE_RUNS) {
  {
    test(`axe finds no violations: ${path}, ${device.name}, ${colorScheme}, at four steps`, async () => {
      // bypassCSP lets axe-core be injected into a page served with our strict policy.
      const { page, context, errors } = await openPage(browser, { ...device, colorScheme, bypassCSP: true });
      await page.goto(`${baseUrl()}/${path}`);
      await waitReady(page);
      const all = await steps(page);
      for (const index of [0, 3, 7, all.length - 1]) {
        await centre(page, all[index].id);
        await waitStep(page, all[index]);
        // Open this step's data table too, so axe checks it.
        await page.evaluate((id) => { document.querySelector(`#${id} details`).open = true; }, all[index].id);
        assert.deepEqual(await axeViolations(page), [], `at ${all[index].id}`);
      }
      assertNoErrors(assert, errors);
      await context.close();
    });
  }
}

test('the Nu HTML checker finds no errors in the built pages, English and Chinese', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnu-'));
  const files = [];
  for (const [path, name] of [['index.html', 'en.html'], ['zh/index.html', 'zh.html']]) {
    const file = join(dir, name);
    writeFileSync(file, await (await fetch(`${baseUrl()}/${path}`)).text());
    files.push(file);
  }
  const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
  let report;
  try {
    execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], { stdio: 'pipe' });
    report = { messages: [] };
  } catch (e) {
    // vnu exits non-zero when it reports errors; its JSON report is on stderr.
    report = JSON.parse(e.stderr.toString());
  }
  // The pages carry their style sheet, which the checker's CSS validator reads too. It predates
  // container queries (CSS Containment 3, in Chromium, Firefox and Safari since 2023), so these
  // two, and only these, are its gaps rather than errors of ours.
  const unknownToTheChecker = [
    /^CSS: “container(-type)?”: Property “container(-type)?” doesn't exist\.$/,
    /^CSS: Unrecognized at-rule “@container”$/,
  ];
  const messages = report.messages
    .filter((m) => !unknownToTheChecker.some((known) => known.test(m.message)))
    .map((m) => `${m.url?.split('/').pop()} ${m.type} line ${m.lastLine}: ${m.message}`);
  assert.deepEqual(messages, []);
});

for (const [path, edition] of [['index.html', 'English'], ['zh/index.html', 'Chinese']]) test(`${edition} edition without JavaScript: every step shows its static chart, text alternative and data`, async () => {
  const { page, context, errors } = await openPage(browser, { ...DESKTOP, javaScriptEnabled: false });
  await page.goto(`${baseUrl()}/${path}`);
  assert.ok(await page.locator('noscript + .notice, .notice').first().isVisible(), 'a notice explains the pictures');
  assert.equal(await page.locator('.graphic').isVisible(), false, 'no empty sticky canvas');
  const all = await page.locator('#story .step').count();
  assert.ok(all >= 10);
  for (let i = 0; i < all; i += 1) {
    const step = page.locator('#story .step').nth(i);
    const img = await loadedStaticChart(page, step);
    assert.ok(await img.isVisible(), `step ${i + 1}: its chart is visible`);
    // Drawn 640 px wide, it is shown near that size in the one centred column, not shrunk into
    // the desktop's narrow column of steps (where its words were a few pixels tall).
    const { width } = await img.boundingBox();
    assert.ok(width >= 600, `step ${i + 1}: its chart is ${Math.round(width)} px wide`);
    // The card's text starts where the intro's does, its rule and padding outside the column.
    const [textLeft, introLeft] = await page.evaluate((n) => [
      document.querySelectorAll('#story .step')[n].querySelector('p').getBoundingClientRect().left,
      document.querySelector('.intro .dek').getBoundingClientRect().left,
    ], i);
    assert.ok(Math.abs(textLeft - introLeft) < 1, `step ${i + 1}: its text starts at ${textLeft} px, the intro's at ${introLeft} px`);
    const alt = await img.getAttribute('alt');
    // Chinese says as much in about half the characters.
    const long = edition === 'Chinese' ? 25 : 60;
    assert.ok(alt && alt.length > long, `step ${i + 1}: the chart has a text alternative`);
    if (edition === 'Chinese') assert.match(alt, /[\u4e00-\u9fff]/, `step ${i + 1}: in Chinese`);
    assert.ok(await step.locator('details table tbody tr').count() >= 1, `step ${i + 1}: the chart has its data table`);
    assert.ok((await step.locator('p').first().innerText()).length > long - 20, `step ${i + 1}: the story text is there`);
  }
  assertNoErrors(assert, errors);
  await context.close();
});

test('the canvas is named after its chart, a live region announces it, and the URL follows without new history', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const historyLength = await page.evaluate(() => history.length);
  assert.equal(new URL(page.url()).hash, '', 'no fragment before the reader enters the story');
  const all = await steps(page);
  for (const step of all.slice(0, 5)) {
    await centre(page, step.id);
    await waitStep(page, step);
  }
  const fifth = all[4];
  assert.equal(new URL(page.url()).hash, `#${fifth.id}`);
  assert.equal(await page.evaluate(() => history.length), historyLength, 'no history entry per step');
  const label = await page.getAttribute('#chart', 'aria-label');
  const live = await page.textContent('#chart-live');
  const title = label.split('.')[0];
  assert.ok(live.includes(title), `the live region names the chart: ${live} / ${label}`);
  assert.match(live, /^Chart 5 of \d+/);
  assert.equal(await page.getAttribute('#chart', 'role'), 'img');
  assertNoErrors(assert, errors);
  await context.close();
});

test('the first Tab reaches a visible skip link that jumps past the charts', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({ cls: document.activeElement.className, box: document.activeElement.getBoundingClientRect().toJSON() }));
  assert.equal(focused.cls, 'skip-link');
  assert.ok(focused.box.left >= 0 && focused.box.top >= 0, `the focused skip link is on screen: ${JSON.stringify(focused.box)}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#sources');
  const top = await page.evaluate(() => document.getElementById('sources').getBoundingClientRect().top);
  assert.ok(top >= -1 && top < 200, `the sources are at the top of the screen (${top})`);
  assertNoErrors(assert, errors);
  await context.close();
});

test('printing from a dark-mode screen puts light charts on white paper', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const pictures = () => page.locator('.static-chart img').count();
  assert.equal(await pictures(), 0, 'with the story running, the static pictures are not built');
  // Printing begins with beforeprint, which builds them (main.js); emulateMedia does not fire it.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await pictures(), await page.locator('#story .step').count(), 'one picture per step');
  const chart = (media) => page.evaluate(async () => {
    const img = document.querySelector('.static-chart img');
    img.loading = 'eager';
    await img.decode().catch(() => {});
    return new URL(img.currentSrc).pathname.split('/').pop();
  });
  assert.match(await chart(), /-dark\.svg$/, 'on a dark screen the static chart is the dark one');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await page.waitForFunction(() => !document.querySelector('.static-chart img').currentSrc.includes('-dark'));
  assert.doesNotMatch(await chart(), /-dark/, 'in print it is the light one');
  assertNoErrors(assert, errors);
  await context.close();
});

/** In the page: the focused element's id, and whether its focus ring shows (an outline). */
function focusRing() {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return { id: el.id, visible: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
}

test('the tools work from the keyboard with a visible focus ring, and Space and PageDown move the story', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  /** Tabs forward until the element with `id` has the focus; fails after 60 presses. */
  const tabTo = async (id) => {
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement.id)) === id) return page.evaluate(focusRing);
    }
    throw new Error(`Tab never reached #${id}`);
  };
  // The currency: focused, changed with the arrow keys.
  assert.deepEqual(await tabTo('currency'), { id: 'currency', visible: true });
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('currency') === 'rmb');
  // Tabbing from the top of the page moves it to what has the focus: the step active now.
  const active = await page.evaluate(() => {
    const s = document.querySelector('#story .step.is-active');
    return { id: s.id, chart: s.dataset.chart };
  });
  await waitStep(page, active);
  await assertDrawn(assert, page, active.chart);
  // Copy link and save, each pressed with Enter.
  assert.deepEqual(await tabTo('copy-link'), { id: 'copy-link', visible: true });
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Link copied.' }).waitFor();
  assert.equal(new URL(await page.evaluate(() => navigator.clipboard.readText())).hash, `#${active.id}`);
  assert.deepEqual(await tabTo('save-png'), { id: 'save-png', visible: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), `sensetime-${active.chart}.png`);
  // The story, from the top of a fresh page: Space and PageDown scroll it, and the chart follows.
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  await waitStep(page, all[0]);
  const activeIndex = () => [...document.querySelectorAll('#story .step')].findIndex((s) => s.classList.contains('is-active'));
  for (const key of ['Space', 'PageDown']) {
    const before = await page.evaluate(activeIndex);
    // Each press scrolls (smoothly) by most of a screen; a few reach the next step.
    for (let press = 0; press < 6 && (await page.evaluate(activeIndex)) <= before; press += 1) {
      const scrollBefore = await page.evaluate(() => scrollY);
      await page.keyboard.press(key);
      // The press scrolls the page (smoothly: under load the animation can be slow, so wait for
      // it to start and then to come to rest, rather than for a distance by a deadline).
      await page.waitForFunction((s) => scrollY > s, scrollBefore, { timeout: 5000 })
        .catch(async (e) => { throw new Error(`${key} did not scroll the page: scrollY ${await page.evaluate(() => scrollY)} from ${scrollBefore}: ${e.message}`); });
      await page.evaluate(() => new Promise((resolve) => {
        let last = scrollY;
        const check = () => (scrollY === last ? resolve() : ((last = scrollY), setTimeout(check, 150)));
        setTimeout(check, 150);
      }));
    }
    await page.waitForFunction((b) => [...document.querySelectorAll('#story .step')].findIndex((s) => s.classList.contains('is-active')) > b, before, { timeout: 5000 })
      .catch(() => { throw new Error(`${key} did not move the story past step ${before + 1}`); });
    const after = await page.evaluate(activeIndex);
    await waitStep(page, all[after]);
  }
  assertNoErrors(assert, errors);
  await context.close();
});

test('switching between light and dark while reading redraws the chart in the new theme at once', async () => {
  const { page, context, errors } = await openPage(browser, { ...DESKTOP, colorScheme: 'light' });
  const step = await openAtChart(page, 'index.html', 'revenue-mix');
  await assertDrawn(assert, page, step.chart);
  const background = () => page.evaluate(() => {
    const c = document.getElementById('chart');
    const [r, g, b] = c.getContext('2d').getImageData(1, 1, 1, 1).data;
    return (r + g + b) / 3;
  });
  assert.ok(await background() > 200, 'a light chart first');
  for (const [colorScheme, dark] of [['dark', true], ['light', false]]) {
    await page.emulateMedia({ colorScheme });
    await page.waitForFunction((dark) => {
      const [r, g, b] = document.getElementById('chart').getContext('2d').getImageData(1, 1, 1, 1).data;
      return ((r + g + b) / 3 < 100) === dark;
    }, dark);
    // compareWithDrawing draws in the theme the page now prefers.
    await assertDrawn(assert, page, step.chart);
  }
  assertNoErrors(assert, errors);
  await context.close();
});
