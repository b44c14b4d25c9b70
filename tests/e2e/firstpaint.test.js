// Complete at first paint, and nothing ever moves: the built page shows every
// figure pre-rendered, and the engine takes each over in place, whether the
// wasm arrives at once, 3 s late or never, on a fast or a slow-4G network, at
// phone and desktop widths, DPR 1 and 3. Layout shift is measured as Core Web
// Vitals count it, every entry (no `isMobile`, which would mark each shift as
// after input). And the host page decides the charts' colour scheme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useSite, server, browser, article, unrendered, CHARTS, NATIONAL, ROOT, SHOTS } from './harness.js';

useSite();

/** DevTools' slow-4G profile as the benchmark uses it. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

const WASM = {
  'at once': null,
  '3 s late': (page) =>
    page.route('**/*.wasm', async (route) => {
      await new Promise((ok) => setTimeout(ok, 3000));
      await route.continue();
    }),
  never: (page) => page.route('**/*.wasm', (route) => route.abort()),
};

/** Every figure's box in page coordinates, rounded to the pixel. */
const boxes = () =>
  [...document.querySelectorAll('figure[data-chart]')].map((f) => {
    const r = f.getBoundingClientRect();
    return [f.dataset.chart, Math.round(r.left), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)];
  });
/** The static artboards each figure shows (exactly one until the engine takes it over). */
const artboards = () =>
  [...document.querySelectorAll('figure[data-chart]')].map((f) =>
    [...f.querySelectorAll('svg.ig-static')].filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.dataset.artboard).join(' '));

/** Loads the article; returns the figures' boxes at first paint and after takeover, and the CLS sum. */
async function load({ width, dpr, slow, wasm, path = '/' }) {
  const context = await browser.newContext({ viewport: { width, height: 844 }, deviceScaleFactor: dpr, hasTouch: dpr > 1 });
  const page = await context.newPage();
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  }
  await WASM[wasm]?.(page);
  await page.addInitScript(`(${(boxesSource) => {
    window.__cls = 0;
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__cls += e.value;
        window.__shifts.push(e.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
    // The first frame with the figures in it: before the engine can have run.
    const boxes = new Function(`return (${boxesSource[0]})()`);
    const artboards = new Function(`return (${boxesSource[1]})()`);
    document.addEventListener('DOMContentLoaded', () => {
      window.__before = boxes();
      window.__artboards = artboards();
    }, { once: true });
    window.__painted = new Promise((ok) => document.addEventListener('infographic:painted', ok, { once: true }));
  }})(${JSON.stringify([boxes.toString(), artboards.toString()])})`);
  await page.goto(`${server.url}${path}`);
  await page.evaluate(() => window.__painted);
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const result = await page.evaluate(`({ before: window.__before, after: (${boxes})(), cls: window.__cls,
    artboards: window.__artboards, live: document.querySelectorAll('.ig-canvas > canvas').length })`);
  return { ...result, context, page };
}

for (const slow of [false, true]) {
  for (const dpr of [1, 3]) {
    for (const width of [320, 360, 390, 414, 768, 1200]) {
      test(`no layout shift at ${width} px, DPR ${dpr}${slow ? ', slow 4G' : ''}: wasm at once, 3 s late, never`, async () => {
        for (const wasm of Object.keys(WASM)) {
          const { before: first, after: last, cls, live, artboards: shown, context } = await load({ width, dpr, slow, wasm });
          try {
            assert.equal(first.length, CHARTS.length, 'every figure is in the page');
            // One artboard each: the phone layout's below 480 px of column, else the desktop's.
            const artboard = width - 32 < 480 ? '358' : '648';
            if (wasm === 'never') assert.deepEqual(shown, CHARTS.map(() => artboard), 'one static artboard per figure');
            assert.deepEqual(last, first, `${wasm}: a figure moved or changed size`);
            assert.ok(cls <= 0.01, `${wasm}: CLS ${cls}`);
            assert.equal(live, wasm === 'never' ? 0 : CHARTS.length, `${wasm}: charts taken over`);
          } finally {
            await context.close();
          }
        }
      });
    }
  }
}

// The second article (new qualifiers, results beside plans, a series).
for (const [width, dpr, slow] of [[320, 3, true], [390, 3, true], [768, 1, false], [1200, 1, false]]) {
  test(`second article: no layout shift at ${width} px, DPR ${dpr}${slow ? ', slow 4G' : ''}: wasm at once, 3 s late, never`, async () => {
    for (const wasm of Object.keys(WASM)) {
      const { before: first, after: last, cls, live, context } = await load({ width, dpr, slow, wasm, path: '/national.html' });
      try {
        assert.deepEqual(first.map(([id]) => id), NATIONAL, 'every figure is in the page');
        assert.deepEqual(last, first, `${wasm}: a figure moved or changed size`);
        assert.ok(cls <= 0.01, `${wasm}: CLS ${cls}`);
        assert.equal(live, wasm === 'never' ? 0 : NATIONAL.length, `${wasm}: charts taken over`);
      } finally {
        await context.close();
      }
    }
  });
}

test('screenshots with the wasm blocked and loaded look the same', async () => {
  for (const [width, dpr] of [[390, 3], [1200, 1]]) {
    const shots = {};
    for (const wasm of ['never', 'at once']) {
      const { page, context } = await load({ width, dpr, slow: false, wasm });
      try {
        await page.emulateMedia({ reducedMotion: 'reduce' });
        const figure = page.locator('figure[data-chart="targets"]');
        await figure.screenshot({ path: join(SHOTS, `firstpaint-${width}-${wasm.replace(' ', '-')}.png`) });
        shots[wasm] = await figure.boundingBox();
      } finally {
        await context.close();
      }
    }
    assert.deepEqual(shots.never, shots['at once']);
  }
});

/** A plain host page: one pasted snippet, no colour scheme declared. */
async function plainHost() {
  const snippet = await readFile(join(ROOT, 'dist', 'snippets', 'targets.html'), 'utf8');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>宿主页面</title></head>
<body style="margin:0;padding:16px;font-family:sans-serif">${snippet}</body></html>`;
}

/** The pixels of the targets chart's canvas, and the colour its static plot's text would take. */
async function chartPixels(path, colorScheme, route) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  if (route) await page.route(route.url, route.handler);
  await page.addInitScript(() => {
    window.__painted = new Promise((ok) => document.addEventListener('infographic:painted', ok, { once: true }));
  });
  await page.goto(server.url + path);
  await page.evaluate(() => window.__painted);
  const result = await page.evaluate(() => {
    const canvas = document.querySelector('figure[data-chart="targets"] canvas');
    const title = document.querySelector('figure[data-chart="targets"] .ig-title');
    const url = canvas.toDataURL();
    // A short fingerprint of the pixels (an assertion message stays readable).
    let h = 0;
    for (let i = 0; i < url.length; i++) h = (Math.imul(h, 31) + url.charCodeAt(i)) | 0;
    return { pixels: `${url.length}:${h}`, title: getComputedStyle(title).color };
  });
  await page.screenshot({ path: join(SHOTS, `theme-${path.replace(/\W/g, '')}-${colorScheme}.png`) });
  await context.close();
  return result;
}

test('a host without dark mode shows light charts to dark-mode readers; a host with it, dark ones', async () => {
  const host = await plainHost();
  const route = { url: (u) => u.pathname === '/plain-host.html', handler: (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: host }) };
  const light = await chartPixels('/plain-host.html', 'light', route);
  const dark = await chartPixels('/plain-host.html', 'dark', route);
  assert.equal(dark.pixels, light.pixels, 'the chart is drawn alike whatever the OS prefers');
  assert.equal(dark.title, light.title);
  // The demo article declares `color-scheme: light dark`: its charts follow the reader.
  const articleLight = await chartPixels('/', 'light');
  const articleDark = await chartPixels('/', 'dark');
  assert.notEqual(articleDark.pixels, articleLight.pixels);
  assert.notEqual(articleDark.title, articleLight.title);
  // data-theme="dark" on the snippet's root decides for a host page.
  const forced = await chartPixels('/plain-host.html', 'light', {
    url: route.url,
    handler: (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: host.replace('<div data-infographic=', '<div data-theme="dark" data-infographic=') }),
  });
  assert.equal(forced.pixels, articleDark.pixels, 'data-theme="dark" draws the dark palette');
});

test('a host page with bare figures (no pre-rendering) still works, shifting once', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const bare = article(unrendered);
  await page.route(bare.url, bare.handler);
  await page.addInitScript(() => {
    window.__painted = new Promise((ok) => document.addEventListener('infographic:painted', (e) => ok(e.detail), { once: true }));
  });
  await page.goto(`${server.url}/`);
  const report = await page.evaluate(() => window.__painted);
  assert.deepEqual(report.map((r) => [r.id, r.ok]), CHARTS.map((id) => [id, true]));
  assert.equal(await page.locator('.ig-canvas > canvas').count(), CHARTS.length);
  assert.equal(await page.locator('.ig-static').count(), 0);
  await context.close();
});
