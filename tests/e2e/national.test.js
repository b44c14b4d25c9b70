// The second demo article (national.html) as readers see it: every new
// qualifier, results beside plans and a series over the years, drawn at
// 390 px on a DPR-3 phone and at 1200 px, read by keyboard and screen
// reader, audited by axe in light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { useSite, server, browser, open, inks, NATIONAL, SHOTS } from './harness.js';

useSite();

for (const { name, width, dpr } of [
  { name: 'phone-390', width: 390, dpr: 3 },
  { name: 'desktop-1200', width: 1200, dpr: 1 },
]) {
  test(`second article at ${name}: every chart drawn, worded as its source, no errors`, async () => {
    const { context, page, errors, report } = await open(browser, server.url, '/national.html', {
      width,
      dpr,
      reducedMotion: 'reduce',
    });
    try {
      assert.deepEqual(report.map((r) => [r.id, r.ok]), NATIONAL.map((id) => [id, true]), JSON.stringify(report));
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      assert.ok(scroll, 'no sideways scroll');
      const ink = await inks(page);
      assert.equal(ink.length, NATIONAL.length);
      for (const [id, share, sharp] of ink) {
        assert.ok(share > 0.01, `${id} is drawn (ink ${share})`);
        assert.ok(sharp, `${id} backing store follows DPR`);
      }
      // The figures as the source words them: in the marks the engine reports.
      const marks = Object.fromEntries(report.map((r) => [r.id, r.marks.map((m) => m.value)]));
      assert.deepEqual(marks['targets-2024'], ['5%左右', '1200万人以上', '5.5%左右', '3%左右', '和经济增长同步', '1.3万亿斤以上', '降低2.5%左右']);
      assert.deepEqual(marks['targets-2023'], ['5.2%（目标5%左右）', '5.2%（目标5.5%左右）', '0.2%（目标3%左右）']);
      assert.deepEqual(marks['results-2023'], ['1244万人（目标1200万人左右）', '13908亿斤（目标1.3万亿斤以上）']);
      assert.deepEqual(marks['targets-2023-2024'], [
        '2023年目标5%左右，2023年实际5.2%，2024年目标5%左右',
        '2023年目标5.5%左右，2023年实际5.2%，2024年目标5.5%左右',
        '2023年目标3%左右，2023年实际0.2%，2024年目标3%左右',
      ]);
      assert.deepEqual(marks['gdp-growth'], ['7.4%', '7.0%', '6.8%', '6.9%', '6.7%', '6.0%', '2.2%', '8.4%', '3.0%', '5.2%']);
      await page.screenshot({ path: join(SHOTS, `national-${name}.png`), fullPage: true });
      for (const id of NATIONAL) {
        await page.locator(`figure[data-chart="${id}"]`).screenshot({ path: join(SHOTS, `${id}-${name}.png`) });
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('second article: arrow keys read every chart, the live region says it, the table holds it', async () => {
  const { context, page, errors } = await open(browser, server.url, '/national.html', { width: 390, dpr: 3, reducedMotion: 'reduce' });
  try {
    const first = {
      'targets-2024': /国内生产总值增长.*5%左右/,
      'targets-2023': /国内生产总值增长.*5\.2%（目标5%左右）/,
      'results-2023': /城镇新增就业.*1244万人（目标1200万人左右）/,
      'targets-2023-2024': /国内生产总值增长.*2023年目标5%左右，2023年实际5\.2%，2024年目标5%左右/,
      'gdp-growth': /2014年.*7\.4%/,
    };
    for (const id of NATIONAL) {
      const figure = page.locator(`figure[data-chart="${id}"]`);
      await figure.locator('.ig-plot').focus();
      await page.keyboard.press('ArrowRight');
      assert.match(await figure.locator('.ig-tip').textContent(), first[id], id);
      await page.waitForFunction((sel) => document.querySelector(sel).textContent.length > 0, `figure[data-chart="${id}"] .ig-live`);
      assert.match(await figure.locator('.ig-live').textContent(), first[id], `${id}: announced`);
      await page.keyboard.press('End');
      await page.keyboard.press('Escape');
      await figure.locator('details > summary').click();
      assert.ok(await figure.locator('table tbody tr').count() >= 2, `${id}: a data table`);
    }
    // A target in words, and a decrease, read as written.
    const table = await page.locator('figure[data-chart="targets-2024"] table').textContent();
    assert.match(table, /和经济增长同步/);
    assert.match(table, /降低2\.5%左右/);
    assert.doesNotMatch(table, /-2\.5/);
    // The series' summary states the average growth; its note, how.
    const gdp = page.locator('figure[data-chart="gdp-growth"]');
    assert.match(await gdp.locator('.ig-sr').first().textContent(), /年均增长5\.9%/);
    assert.match(await gdp.locator('.ig-note').textContent(), /几何平均/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const colorScheme of ['light', 'dark']) {
  for (const width of [390, 1200]) test(`second article: axe finds no violations in ${colorScheme} mode at ${width} px`, async () => {
    const { context, page, errors } = await open(browser, server.url, '/national.html', {
      width,
      dpr: width < 600 ? 3 : 1,
      colorScheme,
      reducedMotion: 'reduce',
    });
    try {
      await page.locator('figure[data-chart="gdp-growth"] details > summary').click();
      const results = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
      await page.screenshot({ path: join(SHOTS, `national-${colorScheme}-${width}.png`), fullPage: true });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
