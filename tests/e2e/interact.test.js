// Readers exploring the charts: hover, tap, keyboard, screen reader, motion,
// dark mode and saving an image.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { useSite, server, browser, open, article, unrendered, SHOTS, WWW } from './harness.js';

useSite();

const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

/** The viewport position of a mark's centre, from the ready report. */
async function markCentre(page, report, id, index) {
  const mark = report.find((r) => r.id === id).marks[index];
  await page.locator(`figure[data-chart="${id}"] canvas`).scrollIntoViewIfNeeded();
  const box = await page.locator(`figure[data-chart="${id}"] canvas`).boundingBox();
  return { x: box.x + mark.x + mark.w / 2, y: box.y + mark.y + mark.h / 2, mark };
}

const tip = (page, id) => page.locator(`figure[data-chart="${id}"] .ig-tip`);

test('hovering a bar shows its exact figure, the label and the note; leaving hides it', async () => {
  const { context, page, errors, report } = await open(browser, server.url, '/', {
    width: 1200,
    reducedMotion: 'reduce',
  });
  try {
    const { x, y } = await markCentre(page, report, 'targets', 0);
    await page.mouse.move(x, y);
    await assert.doesNotReject(tip(page, 'targets').waitFor({ state: 'visible', timeout: 2000 }));
    const text = await tip(page, 'targets').textContent();
    assert.match(text, /固定资产投资/);
    assert.match(text, /15%/);
    assert.match(text, /计划目标/);
    await shot(page, 'state-hover-1200');
    await page.mouse.move(5, 5);
    await tip(page, 'targets').waitFor({ state: 'hidden', timeout: 2000 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('tapping a mark on a phone shows it; tapping elsewhere dismisses it', async () => {
  const { context, page, errors, report } = await open(browser, server.url, '/', {
    width: 390,
    dpr: 3,
    reducedMotion: 'reduce',
  });
  try {
    const { x, y } = await markCentre(page, report, 'q1-starts', 1);
    await page.touchscreen.tap(x, y);
    await tip(page, 'q1-starts').waitFor({ state: 'visible', timeout: 2000 });
    const text = await tip(page, 'q1-starts').textContent();
    assert.match(text, /鑫益州新能源汽车装备制造项目/);
    assert.match(text, /3亿元/);
    // The tip sits above the finger, clear of it.
    const box = await tip(page, 'q1-starts').boundingBox();
    assert.ok(box.y + box.height <= y - 20 || box.y >= y + 20, `tip ${JSON.stringify(box)} under finger at ${y}`);
    await shot(page, 'state-tap-390');
    // A tap on the article text, outside every chart.
    const para = await page.locator('.article > p').first().boundingBox();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.touchscreen.tap(para.x + 10, para.y + 10);
    await tip(page, 'q1-starts').waitFor({ state: 'hidden', timeout: 2000 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('arrow keys walk the marks in order; Home, End and Escape', async () => {
  const { context, page, errors, report } = await open(browser, server.url, '/', {
    width: 1200,
    reducedMotion: 'reduce',
  });
  try {
    const plot = page.locator('figure[data-chart="targets"] .ig-plot');
    await page.keyboard.press('Tab');
    await plot.focus();
    const labels = report.find((r) => r.id === 'targets').marks.map((m) => m.label);
    assert.equal(labels.length, 6);
    for (const label of labels) {
      await page.keyboard.press('ArrowRight');
      assert.match(await tip(page, 'targets').textContent(), new RegExp(label));
    }
    await shot(page, 'state-keyboard-1200');
    await page.keyboard.press('Home');
    assert.match(await tip(page, 'targets').textContent(), new RegExp(labels[0]));
    await page.keyboard.press('End');
    assert.match(await tip(page, 'targets').textContent(), new RegExp(labels[5]));
    await page.keyboard.press('ArrowLeft');
    assert.match(await tip(page, 'targets').textContent(), new RegExp(labels[4]));
    await page.keyboard.press('Escape');
    await tip(page, 'targets').waitFor({ state: 'hidden', timeout: 2000 });
    // The chart is one tab stop with a visible focus ring.
    const ring = await plot.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.equal(ring, 'solid');
    assert.equal(await plot.getAttribute('tabindex'), '0');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** The accessibility tree's view of an element: whether it is in the tree, its role, its text. */
async function axOf(cdp, selector) {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  const node = nodes[0];
  const { nodes: all } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(all.map((n) => [n.nodeId, n]));
  const text = (n) => (n.role?.value === 'StaticText' ? n.name?.value ?? '' : (n.childIds ?? []).map((id) => text(byId.get(id) ?? {})).join(''));
  const live = byId.get(node.nodeId) ?? node;
  return {
    ignored: node.ignored,
    role: node.role?.value,
    name: node.name?.value,
    description: node.description?.value,
    text: text(live),
  };
}

test('every control, figure and chart is told apart by name: no glyphs in names', async () => {
  const { context, page, errors } = await open(browser, server.url, '/', { width: 390, dpr: 3, reducedMotion: 'reduce' });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Accessibility.enable');
    const titles = await page.$$eval('figure[data-chart] .ig-title', (hs) => hs.map((h) => h.textContent));
    const ids = await page.$$eval('figure[data-chart]', (fs) => fs.map((f) => f.dataset.chart));
    for (const [i, id] of ids.entries()) {
      const at = `figure[data-chart="${id}"]`;
      assert.equal((await axOf(cdp, at)).name, titles[i], `${id}: the figure's name`);
      const data = await axOf(cdp, `${at} .ig-data > summary`);
      assert.equal(data.name, '查看数据', `${id}: no ▸ in the name`);
      assert.equal(data.description, titles[i]);
      const save = await axOf(cdp, `${at} .ig-save`);
      assert.equal(save.name, '保存图片');
      assert.equal(save.description, titles[i]);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const height of [256, 568]) {
  test(`every tip stays inside a 320×${height} viewport`, async () => {
    const { context, page, errors, report } = await open(browser, server.url, '/', { width: 320, height, reducedMotion: 'reduce' });
    try {
      for (const chart of report) {
        await page.locator(`figure[data-chart="${chart.id}"] .ig-plot`).focus();
        for (let i = 0; i < chart.marks.length; i++) {
          await page.keyboard.press('ArrowRight');
          const box = await tip(page, chart.id).boundingBox();
          assert.ok(box.y >= 0 && box.y + box.height <= height && box.x >= 0 && box.x + box.width <= 320,
            `${chart.id} mark ${i}: tip ${JSON.stringify(box)} outside 320×${height}`);
        }
        await page.keyboard.press('Escape');
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('the first arrow press, and the first after Escape, is spoken: the live region is always in the tree', async () => {
  const { context, page, errors, report } = await open(browser, server.url, '/', {
    width: 390,
    dpr: 3,
    reducedMotion: 'reduce',
  });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Accessibility.enable');
    const live = 'figure[data-chart="targets"] .ig-live';
    const before = await axOf(cdp, live);
    assert.equal(before.ignored, false, 'in the tree before any key');
    assert.equal(before.role, 'status');
    assert.equal(before.text, '');
    const labels = report.find((r) => r.id === 'targets').marks.map((m) => m.label);
    await page.locator('figure[data-chart="targets"] .ig-plot').focus();
    await page.keyboard.press('ArrowRight');
    const first = await axOf(cdp, live);
    assert.equal(first.ignored, false);
    assert.match(first.text, new RegExp(`${labels[0]}.*15%`));
    await page.keyboard.press('Escape');
    const cleared = await axOf(cdp, live);
    assert.equal(cleared.ignored, false, 'still in the tree after Escape');
    assert.equal(cleared.text, '');
    await page.keyboard.press('ArrowRight');
    assert.match((await axOf(cdp, live)).text, new RegExp(labels[0]));
    // The tip repeats the region's words for the eye only.
    assert.equal((await axOf(cdp, 'figure[data-chart="targets"] .ig-tip')).ignored, true);
    // The summary is the plot's description, not a paragraph heard again in browse mode.
    assert.equal((await axOf(cdp, 'figure[data-chart="targets"] [id$="-summary"]')).ignored, true);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const colorScheme of ['light', 'dark']) {
  for (const width of [390, 1200]) test(`axe finds no violations in ${colorScheme} mode at ${width} px`, async () => {
    const { context, page, errors } = await open(browser, server.url, '/', {
      width,
      dpr: width < 600 ? 3 : 1,
      colorScheme,
      reducedMotion: 'reduce',
    });
    try {
      // Open one data table too, so that it is audited as well.
      await page.locator('figure[data-chart="projects"] details > summary').click();
      const results = await new AxeBuilder({ page }).analyze();
      const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
      assert.deepEqual(found, []);
      // Nothing left for review for want of a background: no canvas reaches under the controls.
      const review = results.incomplete.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
      assert.deepEqual(review.filter((r) => /summary|button|ig-note|ig-source/.test(r)), []);
      const sizes = await page.$$eval('figure[data-chart] canvas', (cs) =>
        cs.map((c) => [c.getBoundingClientRect().height, c.parentElement.getBoundingClientRect().height]));
      for (const [canvas, box] of sizes) assert.ok(canvas <= box + 0.5, `canvas ${canvas} px in a ${box} px box`);
      await page.screenshot({ path: join(SHOTS, `article-${colorScheme}-${width}.png`), fullPage: true });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('each chart has an accessible name, a summary and a data table', async () => {
  const { context, page } = await open(browser, server.url, '/', { width: 390, dpr: 3 });
  try {
    const a11y = await page.$$eval('figure[data-chart] .ig-plot', (plots) =>
      plots.map((p) => ({
        name: document.getElementById(p.getAttribute('aria-labelledby'))?.textContent,
        described: p
          .getAttribute('aria-describedby')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent)
          .join(' '),
        rows: p.closest('figure').querySelectorAll('table tbody th[scope=row]').length,
        groups: [...p.closest('figure').querySelectorAll('table th[scope=rowgroup]')].map((th) => th.textContent),
      })),
    );
    assert.equal(a11y.length, 5);
    assert.equal(a11y[0].name, '固定资产投资目标增速最高，达15%');
    assert.match(a11y[0].described, /固定资产投资目标最高，为15%，比最低的地区生产总值（6.5%）高8.5个百分点/);
    assert.deepEqual(
      a11y.map((a) => a.rows),
      [6, 2, 2, 15, 10],
    );
    // The item heads its row; a company heads its rows.
    assert.deepEqual(a11y[4].groups, ['喀左宏发食品', '朝阳飞马车辆设备', '全县']);
  } finally {
    await context.close();
  }
});

/** The canvas pixels of a chart, as a data URL. */
const pixels = (page, id) => page.locator(`figure[data-chart="${id}"] canvas`).evaluate((c) => c.toDataURL());

/** WCAG contrast of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (css) => {
    const [r, g, b2] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('the tip stays while the pointer is on it, never covers its mark, and Escape closes it', async () => {
  const { context, page, errors, report } = await open(browser, server.url, '/', {
    width: 1200,
    reducedMotion: 'reduce',
  });
  try {
    for (const [id, index] of [['targets', 2], ['projects', 0], ['technology', 5]]) {
      const { x, y, mark } = await markCentre(page, report, id, index);
      await page.mouse.move(x, y);
      await tip(page, id).waitFor({ state: 'visible', timeout: 2000 });
      const before = await tip(page, id).textContent();
      assert.match(before, new RegExp(mark.label.replace(/[()（）]/g, '.')));
      // The tip and its mark's hit area do not overlap.
      const canvas = await page.locator(`figure[data-chart="${id}"] canvas`).boundingBox();
      const box = await tip(page, id).boundingBox();
      const top = canvas.y + mark.y;
      const bottom = top + mark.h;
      assert.ok(box.y + box.height <= top + 0.5 || box.y >= bottom - 0.5, `${id}: tip ${JSON.stringify(box)} over its mark ${top}–${bottom}`);
      // Onto the tip, in small steps as a hand moves: it stays, unchanged.
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
      assert.equal(await tip(page, id).isVisible(), true, `${id}: the tip fled the pointer`);
      assert.equal(await tip(page, id).textContent(), before);
      await page.keyboard.press('Escape');
      await tip(page, id).waitFor({ state: 'hidden', timeout: 2000 });
      await page.mouse.move(5, 5);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const colorScheme of ['light', 'dark']) {
  test(`a looked-at mark is ringed and no other mark fades (${colorScheme})`, async () => {
    const { context, page, errors, report } = await open(browser, server.url, '/', {
      width: 390,
      dpr: 3,
      colorScheme,
      reducedMotion: 'reduce',
    });
    try {
      for (const id of ['targets', 'firms']) {
        const rest = await pixels(page, id);
        const { x, y } = await markCentre(page, report, id, 1);
        await page.touchscreen.tap(x, y);
        await tip(page, id).waitFor({ state: 'visible', timeout: 2000 });
        // Every colour drawn while a tip is open is the colour at rest,
        // which the palette tests hold to 4.5:1 (text) and 3:1 (shapes).
        assert.equal(await pixels(page, id), rest, `${id}: marks changed while one was looked at`);
        const ring = page.locator(`figure[data-chart="${id}"] .ig-ring`);
        assert.equal(await ring.isVisible(), true);
        const [border, page_bg] = await ring.evaluate((el) => {
          let bg = 'rgba(0, 0, 0, 0)';
          for (let n = el; n && /rgba\(0, 0, 0, 0\)|transparent/.test(bg); n = n.parentElement) bg = getComputedStyle(n).backgroundColor;
          if (/rgba\(0, 0, 0, 0\)|transparent/.test(bg)) bg = getComputedStyle(document.documentElement).backgroundColor;
          return [getComputedStyle(el).outlineColor, bg];
        });
        const ratio = contrast(border, page_bg);
        assert.ok(ratio >= 3, `${id}: ring ${border} on ${page_bg} is ${ratio.toFixed(2)}:1`);
        await shot(page, `state-ring-${id}-${colorScheme}-390`);
        await page.keyboard.press('Escape');
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('reduced motion paints the final frame first; otherwise charts enter when scrolled into view', async () => {
  const still = await open(browser, server.url, '/', { width: 390, dpr: 1, reducedMotion: 'reduce' });
  const moving = await open(browser, server.url, '/', { width: 390, dpr: 1 });
  try {
    const firstStill = await pixels(still.page, 'firms');
    const firstMoving = await pixels(moving.page, 'firms');
    for (const { page } of [still, moving]) {
      await page.locator('figure[data-chart="firms"] canvas').scrollIntoViewIfNeeded();
      await page.waitForTimeout(900);
    }
    const finalStill = await pixels(still.page, 'firms');
    const finalMoving = await pixels(moving.page, 'firms');
    assert.equal(firstStill, finalStill, 'reduced motion: the first paint is the final frame');
    assert.notEqual(firstMoving, finalMoving, 'with motion the chart enters when it comes into view');
    assert.equal(finalMoving, finalStill, 'and ends on the same final frame');
  } finally {
    await still.context.close();
    await moving.context.close();
  }
});

test('a tap during the entrance works', async () => {
  const { context, page, report } = await open(browser, server.url, '/', { width: 390, dpr: 2 });
  try {
    const { x, y } = await markCentre(page, report, 'technology', 1);
    await page.touchscreen.tap(x, y);
    await tip(page, 'technology').waitFor({ state: 'visible', timeout: 2000 });
    assert.match(await tip(page, 'technology').textContent(), /178人次/);
  } finally {
    await context.close();
  }
});

test('the tip stays inside a 320 px viewport at both edges', async () => {
  const { context, page, report } = await open(browser, server.url, '/', { width: 320, dpr: 2, reducedMotion: 'reduce' });
  try {
    const card = report.find((r) => r.id === 'technology').marks;
    for (const index of [0, 1]) {
      const { y, mark } = await markCentre(page, report, 'technology', index);
      const box = await page.locator('figure[data-chart="technology"] canvas').boundingBox();
      const x = index === 0 ? box.x + mark.x + 2 : box.x + mark.x + mark.w - 2;
      await page.touchscreen.tap(x, y);
      const t = await tip(page, 'technology').boundingBox();
      assert.ok(t.x >= 0 && t.x + t.width <= 320, `tip ${JSON.stringify(t)} outside 320 px`);
      await shot(page, `state-tip-edge-${index}-320`);
    }
    assert.equal(card.length, 15);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= 320);
  } finally {
    await context.close();
  }
});

test('labels are text, never markup: <b>x</b> shows literally in tip, summary and table', async () => {
  const original = JSON.parse(await readFile(join(WWW, 'data', 'kazuo-2024.json'), 'utf8'));
  original.charts[2].items[0].label = '<b>x</b><img src=x onerror="window.__xss=1">';
  const { context, page, errors, report } = await open(browser, server.url, '/', {
    width: 1200,
    reducedMotion: 'reduce',
    // A host page without pre-rendering: the engine writes each figure itself.
    route: [
      article(unrendered),
      {
        url: '**/data/kazuo-2024.*.json',
        handler: (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(original) }),
      },
    ],
  });
  try {
    const { x, y } = await markCentre(page, report, 'q1-starts', 0);
    await page.mouse.move(x, y);
    await tip(page, 'q1-starts').waitFor({ state: 'visible', timeout: 2000 });
    const figure = page.locator('figure[data-chart="q1-starts"]');
    assert.match(await tip(page, 'q1-starts').textContent(), /<b>x<\/b><img src=x/);
    assert.match(await figure.locator('.ig-sr').first().textContent(), /<b>x<\/b>/);
    assert.match(await figure.locator('table').textContent(), /<b>x<\/b>/);
    assert.equal(await figure.locator('b, img').count(), 0);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('保存图片 gives a PNG of the chart at its size × DPR, as a long-pressable image', async () => {
  const { context, page, errors } = await open(browser, server.url, '/', { width: 390, dpr: 3, reducedMotion: 'reduce' });
  try {
    const figure = page.locator('figure[data-chart="projects"]');
    const cssWidth = await figure.locator('.ig-plot').evaluate((p) => p.clientWidth);
    await figure.locator('.ig-save').click();
    const img = page.locator('dialog.ig-share img');
    await img.waitFor({ state: 'visible', timeout: 2000 });
    const size = await img.evaluate(async (i) => {
      await i.decode();
      return { w: i.naturalWidth, h: i.naturalHeight, src: i.src.slice(0, 22), alt: i.alt };
    });
    assert.equal(size.w, Math.round(cssWidth * 3));
    assert.ok(size.h > 600, `height ${size.h}`);
    assert.equal(size.src, 'data:image/png;base64,');
    assert.match(size.alt, /新建项目119个/);
    assert.equal(await page.locator('dialog.ig-share a[download]').getAttribute('download'), 'projects.png');
    await shot(page, 'state-share-390');
    await page.locator('dialog.ig-share .ig-share-close').click();
    await img.waitFor({ state: 'hidden', timeout: 2000 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
