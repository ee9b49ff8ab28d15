// One thin adapter per browser engine, so the reader's behaviours are written once (reader.js)
// and run in each: Chromium through playwright-core, Firefox through puppeteer-core over
// WebDriver BiDi, WebKit (WebKitGTK's MiniBrowser, Safari's WebCore and JavaScriptCore) through
// selenium-webdriver over WebKitWebDriver's W3C WebDriver. A tab offers only what every engine
// can do; what one cannot do is named in `cannot`, for the tests to skip by that reason.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';
import { Builder } from 'selenium-webdriver';
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
        goto: (url) => page.goto(url),
        reload: () => page.reload(),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitFor: (fn, arg, timeout = 10000) => page.waitForFunction(fn, arg, { timeout }),
        setViewport: (size) => page.setViewportSize(size),
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
        goto: (url) => page.goto(url),
        reload: () => page.reload(),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitFor: (fn, arg, timeout = 10000) => page.waitForFunction(fn, { timeout }, arg),
        setViewport: (size) => page.setViewport({ ...size, deviceScaleFactor }),
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
  let session;
  const deadline = Date.now() + 20000;
  for (;;) {
    try {
      session = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
        browserName: 'MiniBrowser',
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
  let busy = false;
  return {
    cannot: {
      touch: 'WebKitWebDriver offers no touch input',
      pixelRatio: 'WebKitWebDriver cannot emulate a device pixel ratio: the page is drawn at the display\'s',
      narrowViewport: 'the MiniBrowser\'s window is at least about 450 px wide, so a phone is tested at that width',
      reducedMotion: 'WebKitWebDriver cannot emulate prefers-reduced-motion',
      routing: 'WebKitWebDriver cannot intercept requests',
    },
    async open({ viewport }) {
      // One session, one tab: tests in this engine take turns.
      if (busy) throw new Error('the WebKit tab is still open: the tests in one file run one at a time');
      busy = true;
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
        pointAt: (x, y) => session.actions().move({ x: Math.round(x), y: Math.round(y), origin: 'viewport' }).perform(),
        screenshot: async (path) => writeFileSync(path, await session.takeScreenshot(), 'base64'),
        close: async () => { await session.get('about:blank'); busy = false; },
      };
    },
    close: async () => { await session.quit().catch(() => {}); stop(); },
  };
}

/** The engines, by name. */
export const ENGINES = { chromium, firefox, webkit };

/** Launches one engine by name: `{ cannot, open(device, { reducedMotion }), close() }`. */
export function launchEngine(name) {
  return ENGINES[name]();
}
