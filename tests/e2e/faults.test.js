// Nothing an editor or the network does may break the article: missing
// files, bad data, no WebAssembly, a strict CSP, hostile text, and a
// thousand resizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useSite, server, browser, article, uncopied, CHARTS, NATIONAL, SHOTS, WWW } from './harness.js';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

useSite({ headers: { 'content-security-policy': CSP } });

/** Opens the article with a fault applied; returns the page and its uncaught errors. */
async function openWith(fault, path = '/') {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const uncaught = [];
  const consoleErrors = [];
  const violations = [];
  page.on('pageerror', (e) => uncaught.push(String(e)));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (/Content Security Policy/.test(m.text())) violations.push(m.text());
    else consoleErrors.push(m.text());
  });
  await page.addInitScript(() => {
    window.__ready = new Promise((ok) =>
      document.addEventListener('infographic:ready', (e) => ok(e.detail), { once: true }),
    );
  });
  if (fault) await fault(page);
  await page.goto(`${server.url}${path}`);
  await page.evaluate(() => window.__ready);
  // Charts below the first screen are mounted just after ready.
  await page.waitForSelector('html[data-infographic-painted]', { state: 'attached' });
  return { context, page, uncaught, consoleErrors, violations };
}

/**
 * Every chart's place shows its figure: the live canvas, or the pre-rendered
 * plot, shown, whose accessible name is the chart's title and summary.
 */
async function assertNoHoles(page, data, charts = CHARTS) {
  for (const id of charts) {
    const figure = page.locator(`figure[data-chart="${id}"]`);
    const shown = await figure.evaluate((f) => {
      const canvas = f.querySelector('.ig-canvas > canvas');
      const svg = [...f.querySelectorAll('svg.ig-static')].find((s) => getComputedStyle(s).display !== 'none');
      const named = (svg?.getAttribute('aria-labelledby') ?? '').split(' ').map((i) => document.getElementById(i)?.textContent ?? '');
      return {
        canvas: Boolean(canvas),
        svg: svg ? { h: svg.getBoundingClientRect().height, role: svg.getAttribute('role'), named } : null,
        error: Boolean(f.querySelector('.ig-error')),
      };
    });
    assert.ok(!shown.error, `${id}: an error box where the figure was`);
    if (shown.canvas) continue;
    assert.ok(shown.svg, `${id}: neither chart nor pre-rendered plot`);
    assert.ok(shown.svg.h > 50, `${id}: pre-rendered plot not shown ${JSON.stringify(shown.svg)}`);
    const chart = data.charts.find((c) => c.id === id);
    assert.equal(shown.svg.role, 'img');
    assert.equal(shown.svg.named[0], chart.title, `${id}: named by its title`);
    assert.ok(shown.svg.named[1].length > 10, `${id}: described by its summary`);
  }
}

const data = JSON.parse(await readFile(join(WWW, 'data', 'kazuo-2024.json'), 'utf8'));
const notFound = (pattern) => (page) => page.route(pattern, (r) => r.fulfill({ status: 404, body: 'not found' }));

/** The faults, for the article at `path` whose data file is data/`file`.json. */
const faults = (file, path = '/') => ({
  'the wasm file is missing': notFound('**/pkg/infographic_bg.*.wasm'),
  'the JS module is missing': notFound('**/pkg/infographic.*.js'),
  // The built page carries its data file; a page without the copy fetches it.
  'the data file is missing (a page without its copy)': async (page) => {
    const { url, handler } = article(uncopied, path);
    await page.route(url, handler);
    await notFound(`**/data/${file}.*.json`)(page);
  },
  'the data file is invalid (a page without its copy)': async (page) => {
    const { url, handler } = article(uncopied, path);
    await page.route(url, handler);
    await page.route(`**/data/${file}.*.json`, (r) => r.fulfill({ contentType: 'application/json', body: '{"charts": [' }));
  },
  "the page's copy of the data file is invalid": async (page) => {
    const { url, handler } = article((html) => html.replace(/(data-infographic-data="[^"]*">)[^<]*/, '$1{"charts": ['), path);
    await page.route(url, handler);
  },
  'WebAssembly is disabled': (page) => page.addInitScript(() => delete window.WebAssembly),
});
const FAULTS = faults('kazuo-2024');

for (const [name, fault] of Object.entries(FAULTS)) {
  test(`${name}: the article still shows every figure, nothing uncaught`, async () => {
    const { context, page, uncaught, violations } = await openWith(fault);
    try {
      await assertNoHoles(page, data);
      assert.deepEqual(uncaught, []);
      assert.deepEqual(violations, []);
      await page.screenshot({ path: join(SHOTS, `fault-${name.replaceAll(' ', '-')}.png`) });
    } finally {
      await context.close();
    }
  });
}

// The second article, whose kinds are new: the same faults leave its figures whole.
const national = JSON.parse(await readFile(join(WWW, 'data', 'national-2024.json'), 'utf8'));
for (const [name, fault] of Object.entries(faults('national-2024', '/national.html'))) {
  test(`second article, ${name}: every figure stays, nothing uncaught`, async () => {
    const { context, page, uncaught, violations } = await openWith(fault, '/national.html');
    try {
      await assertNoHoles(page, national, NATIONAL);
      assert.deepEqual(uncaught, []);
      assert.deepEqual(violations, []);
    } finally {
      await context.close();
    }
  });
}

test('under a strict CSP the second article works: every chart live, a key opens a tip', async () => {
  const { context, page, uncaught, consoleErrors, violations } = await openWith(undefined, '/national.html');
  try {
    const report = await page.evaluate(() => window.__ready);
    assert.deepEqual(report.map((r) => r.id), NATIONAL);
    assert.equal(await page.locator('figure[data-chart] canvas').count(), NATIONAL.length);
    await page.locator('figure[data-chart="gdp-growth"] .ig-plot').focus();
    await page.keyboard.press('ArrowRight');
    assert.match(await page.locator('figure[data-chart="gdp-growth"] .ig-tip').textContent(), /7\.4%/);
    assert.deepEqual(violations, []);
    assert.deepEqual(uncaught, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('under a strict CSP the demo works: no inline script, no eval, no violation', async () => {
  const { context, page, uncaught, consoleErrors, violations } = await openWith();
  try {
    const report = await page.evaluate(() => window.__ready);
    assert.deepEqual(report.map((r) => r.ok), CHARTS.map(() => true));
    assert.equal(await page.locator('figure[data-chart] canvas').count(), 5);
    const header = await page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'));
    assert.equal(header, CSP);
    // A tap still works under the policy.
    await page.locator('figure[data-chart="targets"] .ig-plot').focus();
    await page.keyboard.press('ArrowRight');
    assert.match(await page.locator('figure[data-chart="targets"] .ig-tip').textContent(), /15%/);
    assert.deepEqual(violations, []);
    // 保存图片: the policy refuses the data: image, so the dialog shows the
    // rendered canvas instead, at the chart's size × DPR.
    await page.keyboard.press('Escape');
    await page.locator('figure[data-chart="projects"] .ig-save').click();
    const shown = page.locator('dialog.ig-share .ig-share-canvas canvas');
    await shown.waitFor({ state: 'visible', timeout: 3000 });
    const width = await page.locator('figure[data-chart="projects"] .ig-plot').evaluate((p) => p.clientWidth);
    assert.equal(await shown.evaluate((c) => c.width), Math.round(width * 2));
    assert.ok(violations.every((v) => /data:image\/png/.test(v)), violations.join('\n'));
    assert.deepEqual(uncaught, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('1,000 resizes and pixel-ratio changes leave wasm memory flat', async () => {
  const { context, page, uncaught } = await openWith();
  try {
    const cdp = await context.newCDPSession(page);
    const memory = () =>
      page.evaluate(async () => {
        const glue = document.querySelector('link[rel=modulepreload]').href;
        return (await (await import(glue)).default()).memory.buffer.byteLength;
      });
    const change = async (i) => {
      await cdp.send('Emulation.setDeviceMetricsOverride', {
        width: 360 + (i % 3) * 40,
        height: 844,
        deviceScaleFactor: 1 + (i % 3),
        mobile: true,
      });
      // Let the resize observer and the media query fire and redraw.
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    };
    // The allocator's heap settles at most one 64 KB page above where it
    // starts (measured: one page within the first 250 changes, then flat to
    // the 3,000th). A leak keeps adding pages: 132 bytes per change fill one
    // every 500 changes.
    for (let i = 0; i < 50; i++) await change(i);
    const before = await memory();
    for (let i = 0; i < 1000; i++) await change(i);
    const after = await memory();
    assert.ok(after - before <= 65536, `wasm memory grew from ${before} to ${after} bytes`);
    // Charts far from view repaint when they come near: each, on screen,
    // shows the last pixel ratio.
    for (const id of CHARTS) {
      const canvas = page.locator(`figure[data-chart="${id}"] canvas`);
      await canvas.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (c) => c.width === Math.round(c.getBoundingClientRect().width * devicePixelRatio),
        await canvas.elementHandle(),
        { timeout: 3000 },
      );
    }
    assert.deepEqual(uncaught, []);
  } finally {
    await context.close();
  }
});
