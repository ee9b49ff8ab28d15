// A second origin for the tests, served by the test process itself, so that every engine can
// be given faults and host pages without request interception (which WebKitWebDriver lacks):
//   /site/<fault>/<path>   the built site, passed through from BASE_URL with one fault applied;
//   /host/<name>.html      a host page registered by a test, and /host/pym.js.
// It answers on 127.0.0.1 but is addressed as `localhost`: another origin than the site's.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';
import { baseUrl, launch } from './helpers.js';

const require = createRequire(import.meta.url);
const pymSource = readFileSync(require.resolve('pym.js/dist/pym.v1.min.js'), 'utf8');

const isPage = (path) => path.endsWith('.html') || path.endsWith('/') || path === '';

/** The page without its Wasm preload; throws if it has none, so a test cannot pass on a page
 * that changed under it. */
function unpreloaded(html) {
  const preload = /<link rel="preload" href="[^"]*\.wasm"[^>]*>/g;
  const found = html.match(preload) ?? [];
  if (found.length !== 1) throw new Error(`expected one Wasm preload in the page, found ${found.length}`);
  return html.replace(preload, '');
}

/** `text` in two parts, the first ending with `marker`; throws if it has none. */
function split(text, marker) {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`the page has no ${marker} to split after`);
  return [text.slice(0, at + marker.length), text.slice(at + marker.length)];
}

/** What each fault does to a response of the site: `null` leaves it alone. */
const FAULTS = {
  // The Wasm is not there.
  missing: (path) => (path.endsWith('.wasm') ? { status: 404, type: 'text/plain', body: 'not found' } : null),
  // The Wasm is cut off after its header.
  truncated: (path) => (path.endsWith('.wasm') ? { status: 200, type: 'application/wasm', body: Buffer.from([0, 97, 115, 109, 1, 0]) } : null),
  // The host's policy does not allow Wasm to compile.
  csp: (path) => (isPage(path) ? { csp: "script-src 'self'" } : null),
  // The host sends a policy without the hash that allows the page's inline style sheet.
  stylecsp: (path) => (isPage(path) ? { csp: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" } : null),
  // The Wasm waits until the test releases it.
  held: (path) => (path.endsWith('.wasm') ? { hold: true } : null),
  // The same, with the page's Wasm preload taken out: a preload holds the load event, which a
  // navigation through WebKitWebDriver waits for, where main.js's own fetch does not.
  heldunpreloaded: (path) => (path.endsWith('.wasm') ? { hold: true } : isPage(path) ? { unpreload: true } : null),
  // The page waits until the test releases it.
  heldpage: (path) => (path.endsWith('.html') ? { hold: true } : null),
  // The page arrives in two parts, the second held until the test releases it: the first ends
  // just after the canvas, so the browser parses and paints the graphic before the rest of it.
  split: (path) => (isPage(path) ? { splitAfter: '</canvas>' } : null),
};

/** Starts the server; returns its origin and what tests use. */
export async function startHosts() {
  const pages = new Map();
  let release;
  let held = new Promise((resolve) => { release = resolve; });
  let asked;
  let heldAsked = new Promise((resolve) => { asked = resolve; });
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url, 'http://localhost');
      if (url.pathname === '/host/pym.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' });
        return response.end(pymSource);
      }
      if (pages.has(url.pathname)) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return response.end(pages.get(url.pathname));
      }
      const site = url.pathname.match(/^\/site\/(\w+)\/(.*)$/);
      if (!site || !FAULTS[site[1]]) {
        response.writeHead(404);
        return response.end();
      }
      const [, fault, path] = site;
      const change = FAULTS[fault](path) ?? {};
      if (change.status) {
        response.writeHead(change.status, { 'content-type': change.type });
        return response.end(change.body);
      }
      if (change.hold) {
        asked();
        await held;
      }
      const upstream = await fetch(`${baseUrl()}/${path}${url.search}`);
      const headers = {};
      for (const name of ['content-type', 'content-security-policy', 'cache-control', 'x-content-type-options']) {
        if (upstream.headers.has(name)) headers[name] = upstream.headers.get(name);
      }
      if (change.csp) headers['content-security-policy'] = change.csp;
      // The body before the head: a page unpreloaded() refuses is answered with a 500 below.
      const upstreamBody = Buffer.from(await upstream.arrayBuffer());
      const body = change.unpreload ? unpreloaded(upstreamBody.toString('utf8')) : upstreamBody;
      const parts = change.splitAfter ? split(body.toString('utf8'), change.splitAfter) : [body];
      response.writeHead(upstream.status, headers);
      if (parts.length === 2) {
        response.write(parts[0]);
        asked();
        await held;
      }
      response.end(parts.at(-1));
    } catch (error) {
      response.writeHead(500);
      response.end(String(error));
    }
  });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  const origin = `http://localhost:${server.address().port}`;
  return {
    origin,
    /** The site's `path` with `fault` applied, on this origin. */
    site: (fault, path) => `${origin}/site/${fault}/${path}`,
    /** The same, on a third origin (this server by its address rather than by name). */
    siteElsewhere: (fault, path) => `http://127.0.0.1:${server.address().port}/site/${fault}/${path}`,
    /** Serves `body` as a host page called `name`; returns its address. */
    host(name, body) {
      pages.set(`/host/${name}.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body>${body}</body></html>`);
      return `${origin}/host/${name}.html`;
    },
    /** Resolves when a held file has been asked for. */
    heldAsked: () => heldAsked,
    /** Lets held files through, and holds the next ones again. */
    release() {
      release();
      held = new Promise((resolve) => { release = resolve; });
      heldAsked = new Promise((resolve) => { asked = resolve; });
    },
    close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }),
  };
}

/** For a test file that needs Chromium and the second origin: starts both before its tests and
 * closes them after; `session.browser` and `session.hosts` are set once its tests run. */
export function chromiumAndHosts() {
  const session = {};
  before(async () => {
    session.browser = await launch();
    session.hosts = await startHosts();
  });
  after(async () => {
    await session.browser?.close();
    await session.hosts?.close();
  });
  return session;
}
