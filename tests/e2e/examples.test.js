// The editing guide's examples (www/data/examples.json) in the browser: the
// qualifiers and series shapes the published figures of the two articles do
// not have — ranges written 至 and —, ceilings, 不低于, 下降 and 减少, 多,
// quarters with plans and a fall, 13 months as a line with a gap, levels
// with their average growth — drawn, worded, read by keyboard and tap, in
// a page whose figures the engine writes from the data file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { useSite, server, browser, open, inks, article, unrendered, NATIONAL } from './harness.js';

const EXAMPLES = ['example-ranges', 'example-counts', 'example-quarters', 'example-months', 'example-levels'];

/** The second article's page with the examples' figures in place of its own, not pre-rendered. */
const examples = article((html) => {
  let page = unrendered(html).replace(/data-infographic="[^"]*"/, 'data-infographic="data/examples.json"');
  NATIONAL.forEach((id, k) => {
    page = page.replace(`<figure data-chart="${id}"></figure>`, `<figure data-chart="${EXAMPLES[k]}"></figure>`);
  });
  return page;
}, '/national.html');

useSite();

for (const { width, dpr } of [
  { width: 320, dpr: 3 },
  { width: 1200, dpr: 1 },
]) {
  test(`guide examples at ${width} px: drawn and worded as written, no sideways scroll`, async () => {
    const { context, page, errors, report } = await open(browser, server.url, '/national.html', {
      width,
      dpr,
      reducedMotion: 'reduce',
      route: examples,
    });
    try {
      assert.deepEqual(report.map((r) => [r.id, r.ok]), EXAMPLES.map((id) => [id, true]), JSON.stringify(report));
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
      const marks = Object.fromEntries(report.map((r) => [r.id, r.marks.map((m) => m.value)]));
      assert.deepEqual(marks['example-ranges'], [
        '6.3%（目标6%—7%）',
        '6.5%至7%',
        '3%以内',
        '4.5%以下',
        '不超过5.5%',
        '不低于8%',
        '下降3%',
      ]);
      assert.deepEqual(marks['example-counts'], ['50多个', '1315户（目标1200户以上）', '减少300吨']);
      assert.deepEqual(marks['example-quarters'], ['-1.2%（目标5%）', '3.4%（目标5%）', '5%', '5.5%']);
      assert.equal(marks['example-months'].length, 13);
      assert.equal(marks['example-months'][5], '—', 'the missing month is a gap');
      // Every canvas drawn, and sharp.
      const ink = await inks(page);
      assert.equal(ink.length, EXAMPLES.length);
      for (const [id, share, sharp] of ink) {
        assert.ok(share > 0.005, `${id} is drawn (ink ${share})`);
        assert.ok(sharp, `${id}: its backing store follows DPR`);
      }
      // The summaries say it in the same words; the levels' average growth is stated.
      const summary = (id) => page.locator(`figure[data-chart="${id}"] .ig-sr`).first().textContent();
      assert.match(await summary('example-ranges'), /6\.5%至7%.*3%以内.*不超过5\.5%.*下降3%/);
      assert.match(await summary('example-months'), /2024年5月无数据/);
      assert.match(await summary('example-levels'), /年均增长4\.9%/);
      assert.doesNotMatch(await summary('example-ranges'), /-3/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('guide examples: a tap shows the exact figure inside a 320 px screen; keys walk the months', async () => {
  const { context, page, errors, report } = await open(browser, server.url, '/national.html', {
    width: 320,
    dpr: 3,
    reducedMotion: 'reduce',
    route: examples,
  });
  try {
    const ranges = page.locator('figure[data-chart="example-ranges"]');
    await ranges.scrollIntoViewIfNeeded();
    const box = await ranges.locator('canvas').boundingBox();
    const mark = report.find((r) => r.id === 'example-ranges').marks[1];
    await page.mouse.click(box.x + mark.x + mark.w / 2, box.y + mark.y + mark.h / 2);
    const tip = ranges.locator('.ig-tip');
    await tip.waitFor({ state: 'visible' });
    assert.match(await tip.textContent(), /一般公共预算收入增长.*6\.5%至7%/);
    const at = await tip.boundingBox();
    assert.ok(at.x >= 0 && at.x + at.width <= 320, `the tip stays on the screen: ${JSON.stringify(at)}`);
    await page.keyboard.press('Escape');

    const months = page.locator('figure[data-chart="example-months"]');
    await months.locator('.ig-plot').focus();
    await page.keyboard.press('ArrowRight');
    assert.match(await months.locator('.ig-tip').textContent(), /2023年12月.*4\.2%/);
    for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
    assert.match(await months.locator('.ig-tip').textContent(), /2024年5月.*无数据/);
    await page.keyboard.press('End');
    assert.match(await months.locator('.ig-tip').textContent(), /2024年12月.*3\.5%/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const colorScheme of ['light', 'dark']) {
  test(`guide examples: axe finds no violations in ${colorScheme} mode`, async () => {
    const { context, page, errors } = await open(browser, server.url, '/national.html', {
      width: 390,
      dpr: 3,
      colorScheme,
      reducedMotion: 'reduce',
      route: examples,
    });
    try {
      const results = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
