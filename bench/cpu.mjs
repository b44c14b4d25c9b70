// Main-thread CPU before interactive: a steadier figure than wall time for
// judging a change to start-up. Loads pages alternately on the phone profile
// (390×844, DPR 3, cache off, no network throttling) with a Chromium trace and
// sums, from navigation to `infographic:ready` (the reference page fires it
// when every chart is drawn), the renderer main thread's own CPU time (each
// top-level task's thread time, `tdur`: time the thread was not running is
// left out), and by event. Wall times on this machine vary by ±20% with what
// the other processes do; thread time varies far less at 1× CPU.
//
//   node bench/cpu.mjs [LOADS] [PAGE…]   (default 7 loads each of / and the Chart.js page)
//   RATE=4 node bench/cpu.mjs            (CPU throttled 4×, as bench/run.js)
import { launch, median, phone, serveSite, startTrace } from './phone.mjs';

const LOADS = Number(process.argv[2] ?? 7);
const PAGES = process.argv.length > 3 ? process.argv.slice(3) : ['/index.html', '/bench/reference.html'];
const RATE = Number(process.env.RATE ?? 1);
const NAMES = [
  'ParseHTML', 'ParseAuthorStyleSheet', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit',
  'EvaluateScript', 'v8.evaluateModule', 'V8.CompileCode', 'v8.wasm.compileConsume', 'FlushInstructionCache',
  'RunMicrotasks', 'MinorGC', 'MajorGC',
];

const { base, stop } = await serveSite();
const browser = await launch();

const results = new Map(PAGES.map((p) => [p, []]));
for (let run = 0; run < LOADS; run++) {
  for (const path of PAGES) {
    const { context, page, cdp } = await phone(browser, { rate: RATE });
    const endTrace = await startTrace(cdp, 'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,disabled-by-default-v8.compile,blink.user_timing,loading,toplevel');
    // Heard on the console: nothing of the driver's runs in the page.
    await page.addInitScript(() => {
      document.addEventListener('infographic:ready', () => {
        performance.mark('ig-ready');
        setTimeout(() => console.log('cpu:ready'), 200);
      }, { once: true });
    });
    const ready = page.waitForEvent('console', { predicate: (m) => m.text() === 'cpu:ready', timeout: 30000 });
    await page.goto(`${base}${path}`, { waitUntil: 'commit' });
    await ready;
    const events = await endTrace();
    const { pid, tid } = events.find((e) => e.name === 'ParseHTML') ?? {};
    const nav = events.find((e) => e.name === 'navigationStart' && e.pid === pid)?.ts;
    const end = events.find((e) => e.name === 'ig-ready' && e.pid === pid)?.ts;
    const load = { cpu: 0, wall: (end - nav) / 1000 };
    for (const e of events) {
      if (e.pid !== pid || e.tid !== tid || e.ph !== 'X' || e.ts < nav || e.ts >= end) continue;
      if (e.name === 'RunTask') load.cpu += (e.tdur ?? 0) / 1000;
      if (NAMES.includes(e.name)) load[e.name] = (load[e.name] ?? 0) + (e.tdur ?? e.dur) / 1000;
    }
    results.get(path).push(load);
    await context.close();
  }
}
await browser.close();
stop();

console.log(`main thread before ready, median of ${LOADS} (390×844, DPR 3, CPU ${RATE}×, cache off), ms:`);
for (const [path, loads] of results) {
  const parts = NAMES.map((n) => [n, median(loads.map((l) => l[n] ?? 0))])
    .filter(([, ms]) => ms >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
    .join(', ');
  console.log(`  ${path}: CPU ${median(loads.map((l) => l.cpu)).toFixed(1)} (loads ${loads.map((l) => l.cpu.toFixed(0)).join(' ')}), wall ${median(loads.map((l) => l.wall)).toFixed(0)}`);
  console.log(`    ${parts}`);
}
process.exit(0);
