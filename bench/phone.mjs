// What the benchmark scripts share: the page server in a process of its own,
// the browser, a phone page, a trace of it, and medians.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** DevTools' slow-4G profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

/**
 * Serves the built site and the Chart.js reference page (`/bench/…`) from a
 * process of its own: sharing this one with the browser driver, the server
 * answered late whenever the driver was busy (measured: the page's last
 * requests waited up to a second at 4× CPU). Returns its base URL and `stop`.
 */
export async function serveSite() {
  const port = 8000 + Math.floor(Math.random() * 1000);
  const server = spawn(process.execPath, [
    join(ROOT, 'scripts/serve.mjs'), String(port),
    '--map', '/bench/chart.umd.js=bench/node_modules/chart.js/dist/chart.umd.js',
    '--map', '/bench/=bench/',
    // The reference page uses the demo's page stylesheet under its own name.
    '--map', '/style.css=www/style.css',
  ], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok) => server.stdout.once('data', ok));
  return { base: `http://127.0.0.1:${port}`, stop: () => server.kill() };
}

/** Headless Chromium as the benchmarks run it, with `CHROME_ARGS` (space-separated) added. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync',
      ...(process.env.CHROME_ARGS ? process.env.CHROME_ARGS.split(' ') : []),
    ],
  });
}

/**
 * A fresh phone page (390×844, DPR 3, touch) with the cache off and the CPU
 * throttled `rate`×, on slow 4G if `slow`. No `isMobile`: it would mark every
 * layout shift as after input.
 */
export async function phone(browser, { rate = 4, slow = false, reducedMotion = 'reduce' } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, reducedMotion });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (slow) await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page, cdp };
}

/**
 * Starts a Chromium trace of `categories` on the page's DevTools session; the
 * returned `end()` stops it and resolves to every event collected.
 */
export async function startTrace(cdp, categories) {
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return async () => {
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
