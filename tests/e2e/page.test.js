// The demo article as readers see it: at 390 px on a DPR-3 phone and at 1200 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, server, browser, open, CHARTS, SHOTS } from './harness.js';

useSite();

for (const { name, width, dpr } of [
  { name: 'phone-390', width: 390, dpr: 3 },
  { name: 'desktop-1200', width: 1200, dpr: 1 },
]) {
  test(`demo article at ${name}: every chart drawn, sharp, no sideways scroll, no errors`, async () => {
    // Reduced motion: every chart shows its final frame, in view or not.
    const { context, page, errors, report } = await open(browser, server.url, '/', {
      width,
      dpr,
      reducedMotion: 'reduce',
    });
    try {
      assert.deepEqual(
        report.map((r) => [r.id, r.ok]),
        CHARTS.map((id) => [id, true]),
        JSON.stringify(report),
      );
      const scroll = await page.evaluate(() => ({
        doc: document.documentElement.scrollWidth,
        view: window.innerWidth,
      }));
      assert.ok(scroll.doc <= scroll.view, `sideways scroll: ${scroll.doc} > ${scroll.view}`);

      const canvases = await page.$$eval('figure[data-chart] canvas', (all) =>
        all.map((c) => {
          const box = c.getBoundingClientRect();
          const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let ink = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3] > 128 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) ink++;
          }
          const parent = c.parentElement.getBoundingClientRect();
          return {
            id: c.closest('figure').dataset.chart,
            cssW: box.width,
            cssH: box.height,
            w: c.width,
            h: c.height,
            parentW: parent.width,
            parentH: parent.height,
            figureW: c.closest('figure').getBoundingClientRect().width,
            ink: ink / (c.width * c.height),
          };
        }),
      );
      assert.equal(canvases.length, CHARTS.length);
      for (const c of canvases) {
        // The clipping box is the chart's size; the store may be larger.
        assert.ok(Math.abs(c.parentW - c.figureW) < 1, `${c.id} fills its column: ${c.parentW} vs ${c.figureW}`);
        assert.ok(c.cssW >= c.parentW && c.cssH >= c.parentH, `${c.id} canvas covers its box`);
        assert.equal(c.w, Math.round(c.cssW * dpr), `${c.id} backing width follows DPR`);
        assert.equal(c.h, Math.round(c.cssH * dpr), `${c.id} backing height follows DPR`);
        assert.ok(c.ink > 0.01, `${c.id} canvas is not blank (ink ${c.ink})`);
      }
      await page.screenshot({ path: join(SHOTS, `article-${name}.png`), fullPage: true });
      for (const id of CHARTS) {
        await page.locator(`figure[data-chart="${id}"]`).screenshot({ path: join(SHOTS, `${id}-${name}.png`) });
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
