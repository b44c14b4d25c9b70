// Pixel comparison of the built demo article between two builds: proves a
// change that should not change what readers see (a refactor) changed
// nothing. Takes full-page screenshots of dist/ as a phone (390×844, DPR 3)
// and a desktop (1200×900, DPR 1), with the engine loaded and live
// (`infographic:painted`) and with the wasm blocked (the pre-rendered page),
// in the light and the dark scheme, and compares them byte for byte.
//
//   node bench/pixels.mjs save DIR      (screenshots of dist/ into DIR)
//   node bench/pixels.mjs compare DIR   (dist/ against DIR; exit 1 on a difference)
//
// Typical use: build the old commit, `save /tmp/before`; build the new one,
// `compare /tmp/before`. Differing shots are written beside as NAME.new.png.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const [mode, dir] = process.argv.slice(2);
if (!['save', 'compare'].includes(mode) || !dir) {
  console.error('usage: node bench/pixels.mjs save|compare DIR');
  process.exit(2);
}

const PORT = 9000 + Math.floor(Math.random() * 900);
const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), String(PORT)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((ok) => server.stdout.once('data', ok));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
});

const VIEWS = [
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  { name: 'desktop', viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 },
];

const shots = [];
try {
  for (const view of VIEWS) {
    for (const colorScheme of ['light', 'dark']) {
      for (const engine of ['live', 'blocked']) {
        const context = await browser.newContext({ ...view, colorScheme, reducedMotion: 'reduce' });
        const page = await context.newPage();
        if (engine === 'blocked') await page.route('**/*.wasm', (r) => r.abort());
        await page.goto(`http://127.0.0.1:${PORT}/`);
        await page.waitForFunction(() => document.documentElement.hasAttribute('data-infographic-painted'));
        // Every chart below the fold painted, nothing animating.
        await page.waitForTimeout(300);
        const png = await page.screenshot({ fullPage: true, animations: 'disabled' });
        shots.push({ name: `${view.name}-${colorScheme}-${engine}.png`, png });
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  server.kill();
}

await mkdir(dir, { recursive: true });
let differ = 0;
for (const { name, png } of shots) {
  const path = join(dir, name);
  if (mode === 'save') {
    await writeFile(path, png);
    console.log(`saved ${path}`);
    continue;
  }
  const before = await readFile(path).catch(() => null);
  if (before && before.equals(png)) {
    console.log(`same       ${name}`);
  } else {
    differ += 1;
    await writeFile(join(dir, name.replace(/\.png$/, '.new.png')), png);
    console.log(`DIFFERENT  ${name}${before ? '' : ' (no saved shot)'}`);
  }
}
if (mode === 'compare') {
  console.log(differ ? `${differ} of ${shots.length} screenshots differ` : `all ${shots.length} screenshots identical`);
  process.exit(differ ? 1 : 0);
}
