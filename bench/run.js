// Phone benchmark: the demo article against the same charts drawn with
// Chart.js 4.6.1, in headless Chromium as a phone (390×844, DPR 3, CPU
// throttled 4×, cache disabled), alternating pages in the same run.
//
//   node bench/run.js [RUNS]      (default 7 runs of each page)
//
// Reports the median time from navigation to `infographic:ready` and to
// every chart painted (`infographic:painted`; the reference has drawn all
// when ready) for each page, the engine's per-chart redraw time on resize
// (each chart on screen in turn) and hover at 1× CPU, and its tap-to-answer
// time at 4×, all from performance measures.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const RUNS = Number(process.argv[2] ?? process.env.RUNS ?? 7);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };

function mapPath(path) {
  if (path === '/bench/chart.umd.js') return join(ROOT, 'bench/node_modules/chart.js/dist/chart.umd.js');
  if (path.startsWith('/bench/')) return join(ROOT, 'bench', path.slice(7));
  return join(ROOT, 'www', path);
}

const server = createServer(async (req, res) => {
  let file = normalize(mapPath(decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  if (!file.startsWith(ROOT)) return res.writeHead(403).end();
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A fresh phone page with the cache off and the CPU throttled `rate`×. */
async function phone(rate) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript(() => {
    window.__ready = new Promise((ok) =>
      document.addEventListener('infographic:ready', (e) => ok({ at: performance.now(), detail: e.detail }), { once: true }),
    );
    // The engine paints charts below the screen just after ready; the
    // reference page has drawn everything by then.
    window.__painted = new Promise((ok) => {
      document.addEventListener('infographic:painted', (e) => ok({ at: performance.now(), detail: e.detail }), { once: true });
      document.addEventListener('infographic:ready', () => {
        if (!document.querySelector('[data-infographic]')) ok({ at: performance.now() });
      }, { once: true });
    });
  });
  return { context, page, cdp };
}

/** Times from navigation to `infographic:ready` and to every chart painted. */
async function readyTime(path) {
  const { context, page } = await phone(4);
  await page.goto(base + path);
  const { at } = await page.evaluate(() => window.__ready);
  const { at: painted } = await page.evaluate(() => window.__painted);
  await context.close();
  return { at, painted };
}

const engine = [];
const reference = [];
for (let i = 0; i < RUNS; i++) {
  engine.push(await readyTime('/index.html'));
  reference.push(await readyTime('/bench/reference.html'));
}

/** Per-chart medians of the engine's performance measures named `infographic:KIND:ID`. */
async function measures(page, kind) {
  return page.evaluate((kind) => {
    const out = {};
    for (const m of performance.getEntriesByType('measure')) {
      const [, k, id] = m.name.split(':');
      if (k === kind) (out[id] ??= []).push(m.duration);
    }
    performance.clearMeasures();
    return out;
  }, kind);
}

/** Scrolls a chart into view and calls `act(x, y)` at the centre of each of its marks. */
async function visitMarks(page, chart, act) {
  const canvas = page.locator(`figure[data-chart="${chart.id}"] canvas`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  for (const m of chart.marks) await act(box.x + m.x + m.w / 2, box.y + m.y + m.h / 2);
}

// Redraw on resize and hover, at 1× CPU.
const { context, page, cdp } = await phone(1);
await page.goto(`${base}/index.html`);
const { detail: report } = await page.evaluate(() => window.__painted);
// Each chart in turn is scrolled into view, then the phone's width
// changes 20 times: charts in view repaint at once, the rest only when they
// come near, so each chart's measure is taken while it is on screen.
const redraw = {};
for (const chart of report) {
  await page.locator(`figure[data-chart="${chart.id}"] canvas`).scrollIntoViewIfNeeded();
  await measures(page, 'redraw');
  for (let i = 0; i < 20; i++) {
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: i % 2 ? 390 : 380, height: 844, deviceScaleFactor: 3, mobile: true });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const d = (await measures(page, 'redraw'))[chart.id];
    if (d) (redraw[chart.id] ??= []).push(...d);
  }
}
await cdp.send('Emulation.setDeviceMetricsOverride', { width: 390, height: 844, deviceScaleFactor: 3, mobile: true });
const hover = {};
const tap = {};
const desktop = await browser.newContext({ viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce' });
const dpage = await desktop.newPage();
await dpage.addInitScript(() => {
  window.__painted = new Promise((ok) => document.addEventListener('infographic:painted', (e) => ok(e.detail), { once: true }));
});
await dpage.goto(`${base}/index.html`);
const dreport = await dpage.evaluate(() => window.__painted);
for (const chart of dreport) {
  await visitMarks(dpage, chart, (x, y) => dpage.mouse.move(x, y));
  await dpage.mouse.move(0, 0);
  hover[chart.id] = (await measures(dpage, 'hover'))[chart.id] ?? [];
}
await desktop.close();
// Taps at 4× CPU on the phone.
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
for (const chart of report) {
  await visitMarks(page, chart, (x, y) => page.touchscreen.tap(x, y));
  tap[chart.id] = (await measures(page, 'tap'))[chart.id] ?? [];
}
await context.close();
await browser.close();
server.close();

const ms = (x) => `${x.toFixed(1)} ms`;
const runs = (xs) => xs.map((x) => x.toFixed(0)).join(' ');
for (const key of ['at', 'painted']) {
  const en = engine.map((x) => x[key]);
  const re = reference.map((x) => x[key]);
  const what = key === 'at' ? 'ready' : 'every chart painted';
  console.log(`${what}, median of ${RUNS} (390×844, DPR 3, CPU 4×, cache off):`);
  console.log(`  engine     ${ms(median(en))}   runs: ${runs(en)}`);
  console.log(`  Chart.js   ${ms(median(re))}   runs: ${runs(re)}`);
  console.log(`  ratio      ${(median(en) / median(re)).toFixed(2)}${key === 'at' ? ' (goal ≤ 0.70)' : ''}`);
}
console.log('per chart, median: redraw on resize (1×), hover (1×), tap (4×); goals 2 ms, 2 ms, 16 ms');
for (const id of Object.keys(redraw)) {
  console.log(`  ${id.padEnd(11)} ${ms(median(redraw[id]))}   ${hover[id]?.length ? ms(median(hover[id])) : '—'}   ${tap[id]?.length ? ms(median(tap[id])) : '—'}`);
}
