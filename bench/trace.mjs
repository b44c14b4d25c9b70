// Where the phone's main thread goes between first paint and `infographic:ready`:
// loads the built article (dist/) on the benchmark's phone profile (390×844,
// DPR 3, CPU 4×, cache off, unthrottled network) with a Chromium trace, and
// sums the main thread's trace events by name over each span, top-level tasks
// only (nested events are listed under their own names too, so parts overlap),
// then the five longest tasks after first paint with what they contain.
//
//   node bench/trace.mjs [LOADS] [PAGE]   (default 3 loads of /)
//   CHROME_ARGS='--js-flags=--no-wasm-lazy-compilation' node bench/trace.mjs   (try a browser flag)
//
// Each load also lists when each file was asked for and arrived, and every
// main-thread task of 8 ms or more between first paint and ready.
import { join } from 'node:path';
import { serve } from '../scripts/serve.mjs';
import { launch, phone, ROOT, startTrace } from './phone.mjs';

const LOADS = Number(process.argv[2] ?? 3);
const PAGE = process.argv[3] ?? '/';

const server = await serve({ source: join(ROOT, 'www') });
const browser = await launch();

const NAMES = [
  'ParseHTML', 'Layout', 'UpdateLayoutTree', 'Paint', 'EvaluateScript', 'v8.compileModule', 'v8.evaluateModule',
  'FunctionCall', 'v8.callFunction', 'v8.wasm.compileConsume', 'v8.wasm.compileConsumeDone', 'V8.CompileCode',
  'FlushInstructionCache', 'EventDispatch', 'TimerFire', 'RunMicrotasks', 'ResourceReceivedData', 'HitTest', 'PrePaint', 'Layerize',
];

for (let run = 0; run < LOADS; run++) {
  const { context, page, cdp } = await phone(browser, { reducedMotion: 'no-preference' });
  const endTrace = await startTrace(cdp, 'devtools.timeline,v8,v8.execute,disabled-by-default-v8.compile,disabled-by-default-devtools.timeline,blink.user_timing,loading');
  await page.addInitScript(() => {
    document.addEventListener('infographic:ready', () => performance.mark('ig-ready'), { once: true });
    // Heard on the console: waiting with a selector would compile the
    // driver's script in the page, on the main thread being measured.
    document.addEventListener('infographic:painted', () => console.log('trace:painted'), { once: true });
  });
  const painted = page.waitForEvent('console', { predicate: (m) => m.text() === 'trace:painted', timeout: 30000 });
  await page.goto(server.url + PAGE, { waitUntil: 'commit' });
  await painted;
  const events = await endTrace();

  const renderer = events.filter((e) => e.name === 'ParseHTML')[0];
  const pid = renderer?.pid;
  const tid = renderer?.tid;
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === pid)?.ts ?? 0;
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === pid)?.ts;
  const ready = events.find((e) => e.name === 'ig-ready' && e.pid === pid)?.ts;
  const ms = (ts) => ((ts - nav) / 1000).toFixed(0);
  console.log(`\nload ${run + 1} (${PAGE}): FCP ${ms(fcp)} ms, ready ${ms(ready)} ms`);
  // When each file was asked for and had arrived.
  const asked = new Map();
  for (const e of events) {
    if (e.pid !== pid) continue;
    const d = e.args?.data;
    if (e.name === 'ResourceSendRequest' && d?.url) asked.set(d.requestId, { url: d.url.split('/').pop(), at: e.ts });
    if (e.name === 'ResourceFinish' && asked.has(d?.requestId)) asked.get(d.requestId).done = e.ts;
  }
  console.log('  files: ' + [...asked.values()].map((r) => `${r.url.slice(0, 24)} ${ms(r.at)}→${r.done ? ms(r.done) : '?'}`).join(', '));
  const spans = [['navigation → FCP', nav, fcp], ['FCP → ready', fcp, ready]];
  for (const [label, from, to] of spans) {
    const sums = new Map();
    let busy = 0;
    for (const e of events) {
      if (e.pid !== pid || e.tid !== tid || e.ph !== 'X' || e.ts < from || e.ts > to) continue;
      if (e.name === 'RunTask') busy += e.dur ?? 0;
      if (NAMES.includes(e.name)) sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0));
    }
    const parts = [...sums].sort((a, b) => b[1] - a[1]).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`).join(', ');
    console.log(`  ${label}: ${((to - from) / 1000).toFixed(0)} ms, main thread busy ${(busy / 1000).toFixed(0)} ms: ${parts}`);
  }
  // The tasks of the span after FCP, longest first.
  const tasks = events
    .filter((e) => e.pid === pid && e.tid === tid && e.name === 'RunTask' && e.ts >= fcp && e.ts <= ready)
    .filter((t) => t.dur >= 8000)
    .sort((a, b) => a.ts - b.ts)
    .map((t) => {
      const inner = events
        .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && NAMES.includes(e.name))
        .reduce((m, e) => m.set(e.name, (m.get(e.name) ?? 0) + e.dur), new Map());
      const top = [...inner].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`).join(', ');
      return `    task at ${ms(t.ts)} ms, ${(t.dur / 1000).toFixed(0)} ms: ${top}`;
    });
  console.log(tasks.join('\n'));
  await context.close();
}
await browser.close();
await server.close();
