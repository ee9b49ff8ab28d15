// The story's paths that need Chromium's tools: what each edition downloads, and fast jumps.
// The scroll-through, reloads and deep links run in every engine (reader.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseUrl, launch, DESKTOP, openPage, waitReady, steps, waitStep, assertNoErrors,
} from './helpers.js';

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

// Each edition loads its own Wasm build only (the frame builds are for frame.html).
for (const [path, build] of [['index.html', 'sensetime_story'], ['zh/index.html', 'sensetime_story_zh']]) {
  test(`${path} downloads only its own edition's Wasm and glue`, async () => {
    const { page, context, errors } = await openPage(browser, DESKTOP);
    const wasm = new Set();
    page.on('requestfinished', (r) => {
      const file = new URL(r.url()).pathname.split('/').pop();
      if (file.startsWith('sensetime_')) wasm.add(file.replace(/_bg\..*|\.[0-9a-f]{10}\.js$/, ''));
    });
    await page.goto(`${baseUrl()}/${path}`);
    await waitReady(page);
    assert.deepEqual([...wasm], [build]);
    assertNoErrors(assert, errors);
    await context.close();
  });
}

test('a fast jump from top to bottom and back lands on the right steps', async () => {
  const { page, context, errors } = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl()}/index.html`);
  await waitReady(page);
  const all = await steps(page);
  const last = all[all.length - 1];
  await page.evaluate((id) => {
    const top = document.getElementById(id).getBoundingClientRect().top + scrollY;
    window.scrollTo(0, top - innerHeight * 0.3);
  }, last.id);
  await waitStep(page, last);
  await page.evaluate(() => window.scrollTo(0, 0));
  await waitStep(page, all[0]);
  assertNoErrors(assert, errors);
  await context.close();
});

