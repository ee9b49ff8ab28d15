// One thin adapter per browser engine, so the reader's behaviours are written once (reader.js)
// and run in each: Chromium through playwright-core, Firefox through puppeteer-core over
// WebDriver BiDi, WebKit (WebKitGTK's MiniBrowser, Safari's WebCore and JavaScriptCore) through
// selenium-webdriver over WebKitWebDriver's W3C WebDriver. A tab offers only what every engine
// can do; what one cannot do is named in `cannot`, for the tests to skip by that reason.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** A tab over a Playwright or a Puppeteer page, whose APIs mostly agree; `own` holds where they
 * differ (waitFor, setViewport, tapAt) and `close`. Errors come from the engine's console. */
function pageTab(page, own) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return {
    errors: async () => errors,
    goto: (url) => page.goto(url, { waitUntil: 'domcontentloaded' }),
    reload: () => page.reload({ waitUntil: 'domcontentloaded' }),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    inFrame: (urlPart, fn, arg) => inFrame(page.frames(), (f) => f.url(), urlPart, (f) => f.evaluate(fn, arg)),
    pointAt: (x, y) => page.mouse.move(x, y),
    screenshot: (path) => page.screenshot({ path }),
    ...own,
  };
}

async function chromium() {
  const browser = await launchChromium();
  return {
    cannot: {
      newPixelRatio: 'a pixel ratio emulated over CDP changes devicePixelRatio without telling the page: no resolution media query or resize observer hears of it',
    },
    async open({ viewport, deviceScaleFactor, hasTouch, isMobile }, { reducedMotion } = {}) {
      const context = await browser.newContext({ viewport, deviceScaleFactor, hasTouch, isMobile, reducedMotion });
      const page = await context.newPage();
      return pageTab(page, {
        waitFor: (fn, arg, timeout = 10000) => page.waitForFunction(fn, arg, { timeout }),
        setViewport: (size) => page.setViewportSize(size),
        tapAt: (x, y) => page.touchscreen.tap(x, y),
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

async function firefox() {
  const executablePath = process.env.FIREFOX || '/usr/bin/firefox-esr';
  if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing: cargo xtask test installs Debian's firefox-esr`);
  const start = (prefs) => puppeteer.launch({ browser: 'firefox', executablePath, headless: true, extraPrefsFirefox: prefs });
  const browser = await start({});
  // WebDriver BiDi cannot emulate prefers-reduced-motion, but a preference sets it for the
  // whole browser: a second one, started the first time a test asks.
  let calm;
  return {
    cannot: {},
    async open({ viewport, deviceScaleFactor }, { reducedMotion } = {}) {
      if (reducedMotion === 'reduce') calm ??= start({ 'ui.prefersReducedMotion': 1 });
      const context = await (reducedMotion === 'reduce' ? await calm : browser).createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ ...viewport, deviceScaleFactor });
      return pageTab(page, {
        waitFor: (fn, arg, timeout = 10000) => page.waitForFunction(fn, { timeout }, arg),
        setViewport: (size) => page.setViewport({ ...size, deviceScaleFactor }),
        // As a window dragged to a screen of another density: the same CSS size.
        setPixelRatio: (ratio) => page.setViewport({ ...viewport, deviceScaleFactor: ratio }),
        tapAt: (x, y) => page.touchscreen.tap(x, y),
        close: () => context.close(),
      });
    },
    close: async () => { await browser.close(); await (await calm)?.close(); },
  };
}

/** A WebKitWebDriver session of its own, in its own Xvfb, with `env` added to the driver's and
 * the MiniBrowser's environment, drawing at `ratio` device pixels per CSS pixel (GTK's
 * GDK_SCALE, a whole number): `{ session, run, get, timed, setViewport, close }`. */
async function webkitSession(ratio, env = {}) {
  const driverPath = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
  const binary = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
  if (!existsSync(driverPath)) throw new Error(`${driverPath} is missing: cargo xtask test installs webkit2gtk-driver and xvfb`);
  const port = await freePort();
  // The MiniBrowser needs a display: xvfb-run gives the driver one, large enough for any window
  // here at its ratio. Its own process group, so that closing ends the driver, the browser and
  // Xvfb together.
  const screen = `${1920 * ratio}x${1200 * ratio}x24`;
  const driver = spawn('xvfb-run', ['-a', '-s', `-screen 0 ${screen}`, driverPath, `--port=${port}`], {
    detached: true, stdio: 'ignore', env: { ...process.env, GDK_SCALE: String(ratio), ...env },
  });
  const stop = () => { try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* already gone */ } };
  // Also when the test process ends without closing the engine (a failure in `before`, say).
  process.once('exit', stop);
  let session;
  const deadline = Date.now() + 20000;
  for (;;) {
    try {
      session = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
        browserName: 'MiniBrowser',
        // Navigation returns at the load event. ('eager', which returns once the document is
        // parsed as the other engines here do, made the driver hang at random under load.)
        timeouts: { pageLoad: 30000, script: 30000, implicit: 0 },
        'webkitgtk:browserOptions': { binary, args: ['--automation'] },
      }).build();
      break;
    } catch (e) {
      if (Date.now() > deadline) { stop(); throw new Error(`WebKitWebDriver did not start a session: ${e.message}`); }
      await new Promise((resolve) => { setTimeout(resolve, 200); });
    }
  }
  /** A driver command that fails, naming itself, if the driver does not answer in time: under
   * load a command has been seen to hang, which would otherwise hold up the whole run. */
  const timed = (what, promise) => {
    let timer;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`WebKitWebDriver did not answer ${what} within 40 s`)), 40000);
    });
    return Promise.race([promise, late]).finally(() => clearTimeout(timer));
  };
  const run = (fn, arg) => timed(`a script (${fn.name || 'anonymous'})`, session.executeScript(`return (${fn}).apply(null, arguments)`, arg));
  const get = (url) => timed(`navigating to ${url}`, session.get(url));
  // The window is sized so that its viewport (innerWidth × innerHeight) is the one asked for,
  // as near as the MiniBrowser allows: its toolbar keeps the window at least about 450 px wide.
  // Only when that changes: resizing is the slowest thing the driver does.
  let current = null;
  const setViewport = async ({ width, height }) => {
    if (current === `${width}x${height}`) return;
    const win = session.manage().window();
    await timed('a window resize', win.setRect({ x: 0, y: 0, width, height }));
    const inner = await run(() => [innerWidth, innerHeight]);
    await timed('a window resize', win.setRect({ x: 0, y: 0, width: 2 * width - inner[0], height: 2 * height - inner[1] }));
    current = `${width}x${height}`;
  };
  return {
    session, run, get, timed, setViewport,
    close: async () => { await session.quit().catch(() => {}); stop(); },
  };
}

async function webkit() {
  // A session per pixel ratio, and per motion preference: WebKitGTK takes prefers-reduced-motion
  // from GTK's gtk-enable-animations setting, read from a settings file. Each is started the
  // first time a test asks for it, and kept for the next.
  const sessions = new Map();
  const calmConfig = () => {
    const config = mkdtempSync(join(tmpdir(), 'webkit-calm-'));
    mkdirSync(join(config, 'gtk-3.0'));
    writeFileSync(join(config, 'gtk-3.0', 'settings.ini'), '[Settings]\ngtk-enable-animations=false\n');
    return config;
  };
  const sessionFor = (ratio, calm) => {
    const key = `${ratio}${calm ? ' calm' : ''}`;
    if (!sessions.has(key)) {
      const config = calm ? calmConfig() : null;
      sessions.set(key, webkitSession(ratio, config ? { XDG_CONFIG_HOME: config } : {}).then((started) => ({
        ...started,
        close: async () => { await started.close(); if (config) rmSync(config, { recursive: true, force: true }); },
      })));
    }
    return sessions.get(key);
  };
  await sessionFor(1, false);
  return {
    cannot: {
      touch: 'WebKitWebDriver offers no touch input',
      newPixelRatio: 'the MiniBrowser draws at the ratio GTK started with (GDK_SCALE): a window cannot move to a screen of another density',
      narrowViewport: 'the MiniBrowser\'s window is at least about 450 px wide, so a phone is tested at that width',
      holdingPage: 'navigation through WebKitWebDriver returns at the load event, which waits for a held page in a frame, so the test cannot act before it arrives (the eager strategy, which would not wait, made the driver hang at random)',
    },
    // The same wait would hold a navigation until a held Wasm arrives, since the page preloads
    // it: here a held Wasm is held on a copy of the page without that preload.
    heldWasm: {
      fault: 'heldunpreloaded',
      why: 'navigation through WebKitWebDriver returns at the load event, which a preload of the held Wasm would hold back: the page is served without it',
    },
    async open({ viewport, deviceScaleFactor = 1 }, { reducedMotion } = {}) {
      if (!Number.isInteger(deviceScaleFactor)) throw new Error(`WebKit here draws at whole pixel ratios only, not ${deviceScaleFactor}`);
      const { session, run, get, timed, setViewport } = await sessionFor(deviceScaleFactor, reducedMotion === 'reduce');
      // One session, one tab: the tests in this engine take turns (node:test runs a file's tests
      // one at a time), each starting afresh where the last one left off, failed or not.
      await get('about:blank');
      await setViewport(viewport);
      // Each document's errors, kept when the next one replaces it.
      const earlier = [];
      const current = () => run(() => window.__errors ?? []).catch(() => []);
      const leave = async () => { earlier.push(...await current()); };
      const loaded = async () => { await run(recordErrors); };
      return {
        errors: async () => [...earlier, ...await current()],
        goto: async (url) => { await leave(); await get(url); await loaded(); },
        reload: async () => { await leave(); await timed('a reload', session.navigate().refresh()); await loaded(); },
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
        close: () => get('about:blank'),
      };
    },
    close: async () => { for (const started of sessions.values()) await (await started).close(); },
  };
}

/** The engines, by name. */
export const ENGINES = { chromium, firefox, webkit };

/** Launches one engine by name: `{ cannot, open(device, { reducedMotion }), close() }`. A tab's
 * `goto` and `reload` return once the document is parsed. */
export function launchEngine(name) {
  return ENGINES[name]();
}
