import { serve, launch } from './harness.js';
const server = await serve();
const browser = await launch();
const [w, dpr, scheme] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4] ?? 'light'];
for (const block of [true, false]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 844 }, deviceScaleFactor: dpr, hasTouch: dpr > 1, reducedMotion: 'reduce', colorScheme: scheme });
  const page = await ctx.newPage();
  if (block) await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(server.url + (process.argv[5] ?? '/index.html'));
  await page.waitForSelector('html[data-infographic-painted]', { state: 'attached' });
  await page.waitForTimeout(300);
  for (const id of (process.argv[6] ?? 'targets,technology').split(',')) {
    await page.locator(`figure[data-chart="${id}"]`).screenshot({ path: `/tmp/shots/${w}-${scheme}-${id}-${block ? 'blocked' : 'loaded'}.png` });
  }
  await ctx.close();
}
await browser.close();
await server.close();
