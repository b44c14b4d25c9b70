// Editors' tools in the browser: live preview of the data file, and the
// embed that tells its host iframe its height.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, open, SHOTS, WWW } from './harness.js';

let browser;
before(async () => {
  browser = await launch();
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
});

test('preview notices an edited data file within a second and redraws, errors inline', async () => {
  // Edit a copy of the site, never the real data file.
  const dir = await mkdtemp(join(tmpdir(), 'infographic-preview-'));
  await cp(WWW, dir, { recursive: true });
  const server = await serve({ source: dir });
  const file = join(dir, 'data', 'kazuo-2024.json');
  const original = await readFile(file, 'utf8');
  const { context, page, errors, report } = await open(browser, server.url, '/index.html?preview', {
    width: 1200,
    reducedMotion: 'reduce',
  });
  try {
    assert.equal(report.find((r) => r.id === 'targets').marks[0].value, '15%');
    assert.match(await page.locator('.ig-preview').textContent(), /预览模式.*没有发现问题/);
    const table = page.locator('figure[data-chart="targets"] table');
    const waitFor = async (predicate, arg) => {
      const start = Date.now();
      await page.waitForFunction(predicate, arg, { timeout: 1000, polling: 50 });
      return Date.now() - start;
    };

    await writeFile(file, original.replace('"plan": 15,', '"plan": 18,'));
    const took = await waitFor(() =>
      document.querySelector('figure[data-chart="targets"] table')?.textContent.includes('18%'),
    );
    assert.ok(took < 1000, `noticed after ${took} ms`);
    assert.match(await table.textContent(), /固定资产投资18%/);
    await page.locator('figure[data-chart="targets"]').screenshot({ path: join(SHOTS, 'state-preview-edited.png') });

    await writeFile(file, original.replace('"plan": 15,', '"plan": "十五",'));
    await waitFor(() => document.querySelector('figure[data-chart="targets"] .ig-error'));
    const error = await page.locator('figure[data-chart="targets"] .ig-error').textContent();
    assert.match(error, /charts\[0\]\.items\[0\]\.plan（第\d+行第\d+列）：类型错误：应为数字，实际是文本/);
    assert.match(await page.locator('.ig-preview').textContent(), /发现 1 个问题/);
    // The other charts keep working.
    assert.equal(await page.locator('figure[data-chart="projects"] canvas').count(), 1);
    await page.locator('figure[data-chart="targets"]').screenshot({ path: join(SHOTS, 'state-preview-error.png') });

    await writeFile(file, original);
    await waitFor(() => document.querySelector('figure[data-chart="targets"] canvas'));
    assert.match(await table.textContent(), /固定资产投资15%/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

for (const width of [320, 1200]) {
  test(`an embedded chart sets its host iframe's height at ${width} px`, async () => {
    const server = await serve();
    const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript(() => {
      window.__messages = [];
      window.addEventListener('message', (e) => window.__messages.push(e.data));
    });
    try {
      await page.goto(`${server.url}/host.html`);
      const frame = page.frameLocator('iframe.infographic-embed').first();
      await frame.locator('html[data-infographic-ready]').waitFor({ state: 'attached', timeout: 5000 });
      const inner = await frame.locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
      // The host resized the frame to the chart's height (no inner scroll, no gap).
      await page.waitForFunction(
        (h) => document.querySelector('iframe.infographic-embed').getBoundingClientRect().height === h,
        inner,
        { timeout: 3000 },
      );
      assert.ok(inner > 250, `chart height ${inner}`);
      const scroll = await frame.locator('html').evaluate((h) => h.scrollHeight - h.clientHeight);
      assert.ok(scroll <= 1, `the frame scrolls by ${scroll}px`);
      const messages = await page.evaluate(() => window.__messages);
      assert.ok(messages.some((m) => typeof m === 'string' && m.startsWith('pymxPYMxtargetsxPYMxheightxPYMx')));
      assert.ok(messages.some((m) => m && m['datawrapper-height'] && m['datawrapper-height'].targets === inner));
      assert.ok(messages.some((m) => m && m.sentinel === 'amp' && m.type === 'embed-size'));
      await page.screenshot({ path: join(SHOTS, `host-${width}.png`), fullPage: true });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await server.close();
    }
  });
}
