// Phone benchmark: the demo article (the built site, dist/) against the same
// charts drawn with Chart.js 4.6.1, in headless Chromium as a phone (390×844,
// DPR 3, CPU throttled 4×, cache disabled), served compressed as a real server
// serves them (scripts/serve.mjs: the site's precompressed files, the
// reference's gzipped -9 on the fly), alternating pages in the same run, in two
// network profiles: none, and DevTools' slow 4G (150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up).
//
//   node bench/run.js [RUNS] [PAGE…]   (default 7 runs of each page in each profile;
//                                        PAGEs: variants of the article in dist/ to compare)
//
// Reports medians, from navigation: first contentful paint; first chart visible
// (the engine: Element Timing of the first figure, whose plot is inline and
// paints with it; Chart.js: its first chart drawn, which is when all are);
// every chart complete (the engine: the first frame after the page is parsed,
// which paints every pre-rendered figure; Chart.js: all drawn); interactive
// (`infographic:ready`); the engine's every chart taken over
// (`infographic:painted`); and cumulative layout shift (every entry); and the
// interactive ratio run by run, each engine load against the reference load
// beside it (median, quartiles, how many runs meet 0.7). Then the
// engine's per-chart redraw on resize and hover at 1× CPU, and tap at 4×, from
// its performance measures.
import { launch, median, phone as phonePage, serveSite } from './phone.mjs';

const RUNS = Number(process.argv[2] ?? process.env.RUNS ?? 7);
const VARIANTS = process.argv.slice(3);

const { base, stop } = await serveSite();
const browser = await launch();

/**
 * A fresh phone page with the cache off and the CPU throttled `rate`×, on a slow
 * 4G network if `slow`. No `isMobile`: it would mark every layout shift as after
 * input (the viewport, DPR and touch are the phone's).
 */
async function phone(rate, slow = false) {
  const { context, page, cdp } = await phonePage(browser, { rate, slow });
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    window.__visible = new Promise((ok) =>
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.identifier.startsWith('ig-')) ok(e.renderTime || e.loadTime);
      }).observe({ type: 'element', buffered: true }),
    );
    window.__complete = new Promise((ok) =>
      document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => ok(performance.now())), { once: true }),
    );
    window.__ready = new Promise((ok) =>
      document.addEventListener('infographic:ready', (e) => ok({ at: performance.now(), detail: e.detail }), { once: true }),
    );
    // The reference page has drawn everything when it is ready.
    window.__painted = new Promise((ok) => {
      document.addEventListener('infographic:painted', (e) => ok({ at: performance.now(), detail: e.detail }), { once: true });
      document.addEventListener('infographic:ready', () => {
        if (!document.querySelector('[data-infographic]')) ok({ at: performance.now() });
      }, { once: true });
    });
    // Said on the console, which the driver hears without running anything in
    // the page: an evaluate during the load would first compile the driver's
    // own script there, on the throttled main thread the page is using.
    window.__painted.then(() => setTimeout(() => console.log('bench:settled'), 500));
  });
  return { context, page, cdp };
}

/** One load of `path`: its times from navigation, and its layout shift. */
async function load(path, slow) {
  const { context, page } = await phone(4, slow);
  const settled = page.waitForEvent('console', { predicate: (m) => m.text() === 'bench:settled', timeout: 60000 });
  await page.goto(base + path, { waitUntil: 'commit' });
  await settled;
  const { at: ready } = await page.evaluate(() => window.__ready);
  const { at: painted } = await page.evaluate(() => window.__painted);
  const engine = !path.startsWith('/bench/');
  const times = await page.evaluate(async (engine) => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    visible: engine ? await window.__visible : NaN,
    complete: engine ? await window.__complete : NaN,
    cls: window.__cls,
  }), engine);
  await context.close();
  if (!engine) Object.assign(times, { visible: ready, complete: ready });
  return { ...times, ready, painted };
}

const results = {};
for (const slow of [false, true]) {
  const engine = [];
  const reference = [];
  const variants = VARIANTS.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    engine.push(await load('/index.html', slow));
    reference.push(await load('/bench/reference.html', slow));
    for (const [j, path] of VARIANTS.entries()) variants[j].push(await load(path, slow));
  }
  results[slow ? 'slow 4G' : 'no throttling'] = { engine, reference, variants };
}

/**
 * Tap-to-paint and key-to-paint as Core Web Vitals' INP measures them: the
 * Event Timing API's `duration` of each interaction (input to the next
 * paint), at 4× CPU on the phone, on the first chart of `path`: a tap on the
 * middle of each bar, then (the engine only: Chart.js has no keyboard
 * access) an arrow press per bar. Event Timing reports only interactions of
 * 16 ms or more; one it leaves out counts as 16 ms.
 */
async function interactions(path) {
  const { context, page } = await phone(4);
  await page.addInitScript(() => {
    window.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.interactionId) window.__events.push({ id: e.interactionId, d: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  });
  await page.goto(base + path);
  const painted = await page.evaluate(() => window.__painted);
  const engine = !path.startsWith('/bench/');
  const canvas = page.locator('canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const bars = engine
    ? painted.detail[0].marks.map((m) => ({ x: m.x + m.w / 2, y: m.y + m.h / 2 }))
    : await page.evaluate(() => {
        const chart = Chart.getChart(document.querySelector('canvas'));
        return chart.getDatasetMeta(0).data.map((b) => ({ x: (b.x + b.base) / 2, y: b.y }));
      });
  const settle = () => page.evaluate(() => new Promise((ok) => setTimeout(() => requestAnimationFrame(() => setTimeout(ok, 50)), 150)));
  const measure = async (act) => {
    const times = [];
    for (const bar of bars) {
      const before = await page.evaluate(() => window.__events.length);
      await act(bar);
      await settle();
      const entries = await page.evaluate((n) => window.__events.slice(n), before);
      times.push(entries.length ? Math.max(...entries.map((e) => e.d)) : 16);
    }
    return times;
  };
  const taps = await measure((bar) => page.touchscreen.tap(box.x + bar.x, box.y + bar.y));
  let keys = [];
  if (engine) {
    await page.locator('figure[data-chart] .ig-plot').first().focus();
    keys = await measure(() => page.keyboard.press('ArrowRight'));
  }
  await context.close();
  return { taps, keys };
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

// Taps and keys answered with the next paint, both pages alternately.
const inp = { engine: { taps: [], keys: [] }, reference: { taps: [], keys: [] } };
for (let i = 0; i < RUNS; i++) {
  for (const [name, path] of [['engine', '/index.html'], ['reference', '/bench/reference.html']]) {
    const { taps, keys } = await interactions(path);
    inp[name].taps.push(...taps);
    inp[name].keys.push(...keys);
  }
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

/**
 * The workbench (editor.html) on the phone at 4× CPU: from a key typed at the
 * end of the first chart's title to the next frame after every chart on the
 * first screen of its preview is drawn again from the edited text (the title
 * rewritten and its canvas repainted). Goal: 300 ms.
 */
async function edits(n) {
  const { context, page } = await phone(4);
  await page.goto(`${base}/editor.html`);
  await page.waitForFunction(() => !document.getElementById('wb-status').textContent.includes('加载'));
  await page.click('#wb-start');
  await page.waitForFunction(() => document.querySelectorAll('#wb-charts canvas').length === 5);
  const text = page.locator('#wb-text');
  const at = (await text.inputValue()).indexOf('，达15%') + '，达15%'.length;
  const times = [];
  for (let i = 0; i < n; i++) {
    await text.evaluate((t, at) => { t.focus(); t.setSelectionRange(at, at); }, at + i);
    await page.waitForTimeout(400);
    await page.evaluate((i) => {
      window.__edited = new Promise((ok) => {
        const want = `固定资产投资目标增速最高，达15%${'。'.repeat(i + 1)}`;
        // Each edit writes the figure afresh: its title, then (a task later)
        // its new canvas, painted. A column of the canvas's pixels tells.
        const painted = (canvas) => {
          if (!canvas?.width || !canvas.height) return false;
          const column = canvas.getContext('2d').getImageData(Math.floor(canvas.width * 0.6), 0, 1, canvas.height).data;
          return column.some((v, k) => k % 4 === 3 && v > 0);
        };
        document.addEventListener('beforeinput', () => {
          const start = performance.now();
          const old = document.querySelector('#wb-charts [data-chart="targets"] canvas');
          setTimeout(() => ok(NaN), 5000);
          const check = () => {
            const figure = document.querySelector('#wb-charts [data-chart="targets"]');
            const canvas = figure?.querySelector('canvas');
            if (figure?.querySelector('.ig-title')?.textContent === want && canvas !== old && painted(canvas)) {
              requestAnimationFrame(() => ok(performance.now() - start));
            } else {
              requestAnimationFrame(check);
            }
          };
          requestAnimationFrame(check);
        }, { once: true });
      });
    }, i);
    await page.keyboard.type('。');
    times.push(await page.evaluate(() => window.__edited));
  }
  await context.close();
  return times;
}
const edit = await edits(Math.max(RUNS, 7));
await browser.close();
stop();

const ms = (x) => `${x.toFixed(1)} ms`;
const runs = (xs) => xs.map((x) => x.toFixed(0)).join(' ');
const ROWS = [
  ['fcp', 'first contentful paint'],
  ['visible', 'first chart visible'],
  ['complete', 'every chart complete'],
  ['ready', 'interactive (ready)'],
  ['painted', 'every chart live (painted)'],
];
for (const [profile, { engine, reference }] of Object.entries(results)) {
  console.log(`\n${profile}: median of ${RUNS} (390×844, DPR 3, CPU 4×, cache off)`);
  for (const [key, what] of ROWS) {
    const en = engine.map((x) => x[key]);
    const re = reference.map((x) => x[key]);
    console.log(`  ${what.padEnd(27)} engine ${ms(median(en)).padStart(9)}   Chart.js ${ms(median(re)).padStart(9)}   ratio ${(median(en) / median(re)).toFixed(2)}   runs: ${runs(en)} | ${runs(re)}`);
  }
  for (const [j, variant] of VARIANTS.entries()) {
    for (const [key, what] of ROWS) {
      const va = results[profile].variants[j].map((x) => x[key]);
      console.log(`  ${variant}: ${what.padEnd(27)} ${ms(median(va)).padStart(9)}   ratio ${(median(va) / median(reference.map((x) => x[key]))).toFixed(2)}   runs: ${runs(va)}`);
    }
  }
  // Each engine load against the reference load beside it: single loads on
  // this machine move by about ±10%, so the spread says how sure a ratio is.
  const paired = engine.map((x, i) => x.ready / reference[i].ready).sort((a, b) => a - b);
  const quartile = (q) => paired[Math.min(paired.length - 1, Math.floor(q * paired.length))];
  console.log(`  interactive, each run against the reference's beside it: median ratio ${median(paired).toFixed(2)}, quartiles ${quartile(0.25).toFixed(2)}–${quartile(0.75).toFixed(2)}, ${paired.filter((r) => r <= 0.7).length} of ${paired.length} runs ≤ 0.70`);
  const gap = engine.map((x) => x.visible - x.fcp);
  console.log(`  first chart visible after FCP: engine ${ms(median(gap))} (goal ≤ 50 ms)   runs: ${runs(gap)}`);
  console.log(`  CLS: engine ${median(engine.map((x) => x.cls)).toFixed(3)}   Chart.js ${median(reference.map((x) => x.cls)).toFixed(3)}`);
}
const spread = (xs) => `${ms(median(xs))} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}, n = ${xs.length})`;
console.log(`\ninteraction to next paint, first chart, 4× CPU (Event Timing duration; < 16 ms counts as 16):`);
console.log(`  tap: engine ${spread(inp.engine.taps)}   Chart.js ${spread(inp.reference.taps)}   ratio ${(median(inp.engine.taps) / median(inp.reference.taps)).toFixed(2)}`);
console.log(`  arrow key: engine ${spread(inp.engine.keys)}   (Chart.js has no keyboard access)`);
console.log(`workbench: key to every first-screen chart redrawn, phone 4× CPU: ${spread(edit)} (goal ≤ 300 ms)`);
console.log('per chart, median: redraw on resize (1×), hover (1×), tap (4×); goals 2 ms, 2 ms, 16 ms');
for (const id of Object.keys(redraw)) {
  console.log(`  ${id.padEnd(11)} ${ms(median(redraw[id]))}   ${hover[id]?.length ? ms(median(hover[id])) : '—'}   ${tap[id]?.length ? ms(median(tap[id])) : '—'}`);
}
