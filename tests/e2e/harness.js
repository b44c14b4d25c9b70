// Shared set-up for the page tests: a static server over the built site (dist/) and Debian's Chromium.
import { before, after } from 'node:test';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const WWW = join(ROOT, 'www');
export const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');
/** The demo article's charts, in page order. */
export const CHARTS = ['targets', 'projects', 'q1-starts', 'technology', 'firms'];
/** The second demo article's charts (national.html): new qualifiers, results, a series. */
export const NATIONAL = ['targets-2024', 'targets-2023', 'results-2023', 'targets-2023-2024', 'gdp-growth'];


/**
 * `serve(options)`: the built site (dist/) served as a real server serves it
 * (scripts/serve.mjs): `headers` added to every response, data files under
 * their own names live from `source` (default www/).
 */
export { serve };

/**
 * A route serving a page's HTML (by default the demo article's) changed by `edit`
 * (the server's compression undone: the edited body goes out plain).
 */
export const article = (edit, path = '/') => ({
  url: (u) => u.pathname === path,
  handler: async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-encoding'];
    delete headers['content-length'];
    await route.fulfill({ status: response.status(), headers, body: edit(await response.text()) });
  },
});

/** The article's HTML without the build's copy of its data file: the engine fetches the file. */
export const uncopied = (html) => html.replace(/<script type="application\/json" data-infographic-data="[^"]*">[^<]*<\/script>\n?/g, '');

/** The article's HTML as a host page without pre-rendering: each figure emptied, no data copy. */
export const unrendered = (html) =>
  uncopied(html).replace(/<figure data-chart="([^"]+)" class="ig-chart">[\s\S]*?<\/figure>/g, '<figure data-chart="$1"></figure>');

/**
 * Each figure's canvas on the page: `[id, share of inked pixels, backing store follows DPR]`.
 */
export const inks = (page) =>
  page.$$eval('figure[data-chart] canvas', (all) =>
    all.map((c) => {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 128 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) n++;
      return [c.closest('figure').dataset.chart, n / (c.width * c.height), c.width === Math.round(c.getBoundingClientRect().width * window.devicePixelRatio)];
    }));

/** The test file's site server and browser, from `useSite` (read them inside its tests). */
export let server;
export let browser;

/**
 * Before a test file's tests: serves the built site (`options` as `serve` takes them),
 * starts Chromium and makes the screenshots' folder; after them, stops both.
 */
export function useSite(options) {
  before(async () => {
    server = await serve(options);
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
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
