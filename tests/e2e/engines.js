// One thin adapter per browser engine, so the reader's behaviours are written once (reader.js)
// and run in each: Chromium through playwright-core, Firefox through puppeteer-core over
// WebDriver BiDi, WebKit (WebKitGTK's MiniBrowser, Safari's WebCore and JavaScriptCore) through
// selenium-webdriver over WebKitWebDriver's W3C WebDriver. A tab offers only what every engine
// can do; what one cannot do is named in `cannot`, for the tests to skip by that reason.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';
import { Builder, By } from 'selenium-webdriver';
import { launch as launchChromium } from './helpers.js';

/** In the page: records uncaught errors, unhandled rejections and console.error calls in
 * `window.__errors`. WebKitWebDriver has no log or BiDi endpoint, so WebKit's errors are
 * collected this way, from the moment a page has loaded. */
function recordErrors() {
  if (window.__errors) return;
  window.__errors = [];
  window.addEventListener('error', (e) => window.__errors.push(`pageerror: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => window.__errors.push(`pageerror: ${e.reason}`));
  const error = console.error.bind(console);
  console.error = (...args) => { window.__errors.push(`console: ${args.join(' ')}`); error(...args); };
}

/** Runs `run` on the first of `frames` whose address (`urlOf`) holds `urlPart`. */
function inFrame(frames, urlOf, urlPart, run) {
  const frame = frames.find((f) => urlOf(f).includes(urlPart));
  if (!frame) throw new Error(`no frame at ${urlPart}: ${frames.map(urlOf).join(', ')}`);
  return run(frame);
}

/** A free loopback port, for a driver of our own. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function chromium() {
  const browser = await launchChromium();
  return {
    cannot: {},
    async open({ viewport, deviceScaleFactor, hasTouch, isMobile }, { reducedMotion } = {}) {
      const context = await browser.newContext({ viewport, deviceScaleFactor, hasTouch, isMobile, reducedMotion });
      const page = await context.newPage();
      const errors = [];
      page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      return {
        errors: async () => errors,
        goto: (url) => page.goto(url, { waitUntil: 'domcontentloaded' }),
        reload: () => page.reload({ waitUntil: 'domcontentloaded' }),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitFor: (fn, arg, timeout = 10000) => page.waitForFunction(fn, arg, { timeout }),
        setViewport: (size) => page.setViewportSize(size),
        inFrame: (urlPart, fn, arg) => inFrame(page.frames(), (f) => f.url(), urlPart, (f) => f.evaluate(fn, arg)),
        pointAt: (x, y) => page.mouse.move(x, y),
        tapAt: (x, y) => page.touchscreen.tap(x, y),
        screenshot: (path) => page.screenshot({ path }),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

async function firefox() {
  const executablePath = process.env.FIREFOX || '/usr/bin/firefox-esr';
  if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing: cargo xtask test installs Debian's firefox-esr`);
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
  return {
    cannot: {
      touch: 'puppeteer-core cannot emulate touch over WebDriver BiDi',
      reducedMotion: 'puppeteer-core cannot emulate prefers-reduced-motion over WebDriver BiDi (it needs CDP)',
    },
    async open({ viewport, deviceScaleFactor }) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const errors = [];
      page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await page.setViewport({ ...viewport, deviceScaleFactor });
      return {
        errors: async () => errors,
        goto: (url) => page.goto(url, { waitUntil: 'domcontentloaded' }),
        reload: () => page.reload({ waitUntil: 'domcontentloaded' }),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitFor: (fn, arg, timeout = 10000) => page.waitForFunction(fn, { timeout }, arg),
        setViewport: (size) => page.setViewport({ ...size, deviceScaleFactor }),
        inFrame: (urlPart, fn, arg) => inFrame(page.frames(), (f) => f.url(), urlPart, (f) => f.evaluate(fn, arg)),
        pointAt: (x, y) => page.mouse.move(x, y),
        screenshot: (path) => page.screenshot({ path }),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

async function webkit() {
  const driverPath = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
  const binary = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
  if (!existsSync(driverPath)) throw new Error(`${driverPath} is missing: cargo xtask test installs webkit2gtk-driver and xvfb`);
  const port = await freePort();
  // The MiniBrowser needs a display: xvfb-run gives the driver one, large enough for any window
  // here. Its own process group, so that closing ends the driver, the browser and Xvfb together.
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1200x24', driverPath, `--port=${port}`], { detached: true, stdio: 'ignore' });
  const stop = () => { try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* already gone */ } };
  // Also when the test process ends without closing the engine (a failure in `before`, say).
  process.once('exit', stop);
  let session;
  const deadline = Date.now() + 20000;
  for (;;) {
    try {
      session = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
        browserName: 'MiniBrowser',
        // Navigation should return once the document is parsed, as in the other engines here.
        pageLoadStrategy: 'eager',
        'webkitgtk:browserOptions': { binary, args: ['--automation'] },
      }).build();
      break;
    } catch (e) {
      if (Date.now() > deadline) { stop(); throw new Error(`WebKitWebDriver did not start a session: ${e.message}`); }
      await new Promise((resolve) => { setTimeout(resolve, 200); });
    }
  }
  const run = (fn, arg) => session.executeScript(`return (${fn}).apply(null, arguments)`, arg);
  // The window is sized so that its viewport (innerWidth × innerHeight) is the one asked for,
  // as near as the MiniBrowser allows: its toolbar keeps the window at least about 450 px wide.
  const setViewport = async ({ width, height }) => {
    await session.manage().window().setRect({ x: 0, y: 0, width, height });
    const inner = await run(() => [innerWidth, innerHeight]);
    await session.manage().window().setRect({ x: 0, y: 0, width: 2 * width - inner[0], height: 2 * height - inner[1] });
  };
  return {
    cannot: {
      touch: 'WebKitWebDriver offers no touch input',
      pixelRatio: 'WebKitWebDriver cannot emulate a device pixel ratio: the page is drawn at the display\'s',
      narrowViewport: 'the MiniBrowser\'s window is at least about 450 px wide, so a phone is tested at that width',
      reducedMotion: 'WebKitWebDriver cannot emulate prefers-reduced-motion',
      oldFrameAddress: 'navigating through WebKitWebDriver to a host page whose HTML frames index.html?frame=story did not return (over 90 s); the story did reach its ready state in that frame when the frame was given the address after the host page loaded, and frame.html, the address for hosts, is tested',
      holding: 'navigating through WebKitWebDriver did not return while a file the page waits for was held back (even with pageLoadStrategy eager), so the test cannot act before it arrives',
    },
    async open({ viewport }) {
      // One session, one tab: the tests in this engine take turns (node:test runs a file's tests
      // one at a time), each starting afresh where the last one left off, failed or not.
      await session.get('about:blank');
      await setViewport(viewport);
      // Each document's errors, kept when the next one replaces it.
      const earlier = [];
      const current = () => run(() => window.__errors ?? []).catch(() => []);
      const leave = async () => { earlier.push(...await current()); };
      const loaded = async () => { await run(recordErrors); };
      return {
        errors: async () => [...earlier, ...await current()],
        goto: async (url) => { await leave(); await session.get(url); await loaded(); },
        reload: async () => { await leave(); await session.navigate().refresh(); await loaded(); },
        evaluate: run,
        waitFor: (fn, arg, timeout = 10000) => session.wait(() => run(fn, arg), timeout, `waiting for ${fn.name || 'a condition'}`),
        setViewport,
        async inFrame(urlPart, fn, arg) {
          const frames = await session.findElements(By.css('iframe'));
          const srcs = await Promise.all(frames.map((f) => f.getAttribute('src')));
          const frame = frames[srcs.findIndex((src) => src?.includes(urlPart))];
          if (!frame) throw new Error(`no frame at ${urlPart}: ${srcs.join(', ')}`);
          await session.switchTo().frame(frame);
          try {
            return await run(fn, arg);
          } finally {
            await session.switchTo().defaultContent();
          }
        },
        pointAt: (x, y) => session.actions().move({ x: Math.round(x), y: Math.round(y), origin: 'viewport' }).perform(),
        screenshot: async (path) => writeFileSync(path, await session.takeScreenshot(), 'base64'),
        close: () => session.get('about:blank'),
      };
    },
    close: async () => { await session.quit().catch(() => {}); stop(); },
  };
}

/** The engines, by name. */
export const ENGINES = { chromium, firefox, webkit };

/** Launches one engine by name: `{ cannot, open(device, { reducedMotion }), close() }`. A tab's
 * `goto` and `reload` return once the document is parsed. */
export function launchEngine(name) {
  return ENGINES[name]();
}
