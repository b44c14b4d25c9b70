// Shared set-up for the page tests: a static server over www/ and Debian's Chromium.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const WWW = join(ROOT, 'www');
export const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');
/** The demo article's charts, in page order. */
export const CHARTS = ['targets', 'projects', 'q1-starts', 'technology', 'firms'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves `dir` on a free loopback port; `headers` are added to every response. */
export async function serve(dir = WWW, headers = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless, with the flags this machine needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * Opens `path` at the given viewport (after running `init`, if given, as an init
 * script; `route` is one `{url, handler}` or a list), collecting console errors
 * and page errors,
 * and resolves once the page has dispatched `infographic:ready` and then
 * `infographic:painted` (every chart drawn), with the latter's report of every
 * chart (`ready`'s, `readyReport`, has marks only for charts already drawn).
 */
export async function open(
  browser,
  base,
  path,
  { width, height = 900, dpr = 1, reducedMotion = 'no-preference', colorScheme = 'light', route, init } = {},
) {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: dpr,
    isMobile: dpr > 1,
    hasTouch: dpr > 1,
    reducedMotion,
    colorScheme,
  });
  const page = await context.newPage();
  for (const r of route ? [route].flat() : []) await page.route(r.url, r.handler);
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  if (init) await page.addInitScript(init);
  await page.addInitScript(() => {
    const on = (name) =>
      new Promise((ok) => document.addEventListener(name, (e) => ok(e.detail), { once: true }));
    window.__ready = on('infographic:ready');
    window.__painted = on('infographic:painted');
  });
  await page.goto(base + path);
  const readyReport = await page.evaluate(() => window.__ready);
  const report = await page.evaluate(() => window.__painted);
  await page.waitForSelector('html[data-infographic-painted]', { state: 'attached' });
  return { context, page, errors, report, readyReport };
}
