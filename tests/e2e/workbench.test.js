// The editors' workbench (editor.html): open a data file, edit it with every
// problem listed where it is and every chart redrawn, paste a table from WPS
// and Excel, save (File System Access and download), keep unsaved changes
// across a reload, read GBK; keyboard, axe, 390 and 1200 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { useSite, server, browser, ROOT, SHOTS, WWW } from './harness.js';

const DATA = join(WWW, 'data', 'kazuo-2024.json');
useSite();

/**
 * The workbench at `width` (no File System Access API unless `fsa`: then a
 * stand-in whose file is `fsa.bytes` and whose writes go to `window.__written`).
 */
async function bench(width, { fsa = null, dpr = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: dpr, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript((fsa) => {
    delete window.showOpenFilePicker;
    delete window.showSaveFilePicker;
    if (!fsa) return;
    window.__written = [];
    const handle = {
      name: fsa.name,
      async getFile() {
        return new File([new Uint8Array(fsa.bytes)], fsa.name, { type: 'application/json' });
      },
      async createWritable() {
        const chunks = [];
        return {
          async write(data) { chunks.push(...new Uint8Array(data)); },
          async close() { window.__written.push(chunks); },
        };
      },
    };
    window.showOpenFilePicker = async () => [handle];
    window.showSaveFilePicker = async () => handle;
  }, fsa && { name: fsa.name, bytes: [...fsa.bytes] });
  await page.goto(`${server.url}/editor.html`);
  await page.waitForFunction(() => !document.getElementById('wb-status').textContent.includes('加载'));
  return { context, page, errors };
}

/** Waits until the charts pane shows `n` drawn charts. */
async function drawn(page, n) {
  await page.waitForFunction((n) => {
    const canvases = [...document.querySelectorAll('#wb-charts figure canvas')];
    return canvases.length === n && canvases.every((c) => c.width > 0);
  }, n);
}

const problems = (page) => page.$$eval('#wb-problem-list .wb-problem', (bs) => bs.map((b) => b.textContent));

test('open a file, edit it, break it and fix it: problems where they are, charts redrawn', async () => {
  const { context, page, errors } = await bench(1200);
  try {
    await page.setInputFiles('#wb-file', DATA);
    await drawn(page, 5);
    assert.equal(await page.textContent('#wb-name'), 'kazuo-2024.json');
    assert.equal(await page.textContent('#wb-problem-count'), '没有发现问题。');
    const original = await readFile(DATA, 'utf8');
    assert.equal(await page.inputValue('#wb-text'), original);

    // An edit: the chart's title is redrawn from the text.
    const text = page.locator('#wb-text');
    await text.fill(original.replace('固定资产投资目标增速最高，达15%', '固定资产投资目标增速最高'));
    await page.waitForFunction(() => document.querySelector('#wb-charts [data-chart="targets"] .ig-title')?.textContent === '固定资产投资目标增速最高');
    assert.equal(await page.textContent('#wb-status'), '有未保存的修改。');

    // A syntax error: listed at its line and column, the charts stay as last read.
    const broken = original.replace('"plan": 15,', '"plan": 15,,');
    await text.fill(broken);
    await page.waitForFunction(() => document.querySelectorAll('#wb-problem-list li').length === 1);
    const [syntax] = await problems(page);
    assert.match(syntax, /^第22行第\d+列/);
    assert.equal(await page.isVisible('#wb-stale'), true);
    assert.equal(await page.locator('#wb-charts canvas').count(), 5);

    // A chart's problem: in the list and in the chart's place; the others draw.
    const wrongType = original.replace('"plan": 15,', '"plan": "15",');
    await text.fill(wrongType);
    await page.waitForFunction(() => document.querySelector('#wb-charts [data-chart="targets"] .ig-error'));
    const [typeProblem] = await problems(page);
    assert.match(typeProblem, /^第22行第51列.*应为数字/);
    assert.equal(await page.isVisible('#wb-stale'), false);
    await drawn(page, 4);
    // A click (or Enter) on the problem puts the cursor on it.
    await page.focus('#wb-problem-list .wb-problem');
    await page.keyboard.press('Enter');
    const cursor = await page.evaluate(() => {
      const t = document.getElementById('wb-text');
      return { focused: document.activeElement === t, at: t.value.slice(t.selectionStart, t.selectionStart + 4) };
    });
    assert.deepEqual(cursor, { focused: true, at: '"15"' });

    // Fixed: no problem, every chart drawn again.
    await text.fill(original);
    await drawn(page, 5);
    assert.equal(await page.textContent('#wb-problem-count'), '没有发现问题。');
    assert.equal(await page.textContent('#wb-status'), '已保存。');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// What each spreadsheet puts on the clipboard for the same table.
const EXCEL = {
  'text/plain': '项目\t投资额（亿元）\r\n林源锂电池项目\t26\r\n鑫益州新能源汽车装备制造项目\t3\r\n"新项目""二期"""\t1,234.5\r\n',
  'text/html': '<html><body><table><tr><td>项目</td><td>投资额（亿元）</td></tr><tr><td>林源锂电池项目</td><td>26</td></tr></table></body></html>',
};
const WPS = { 'text/plain': '项目\t投资额\n林源锂电池项目\t２６亿元\n鑫益州新能源汽车装备制造项目\t3 亿元\n新项目\t1,234.5亿元' };
const HTML_ONLY = { 'text/html': '<table><tr><th>项目</th><th>投资额（亿元）</th></tr><tr><td>林源锂电池项目</td><td>26</td></tr><tr><td>新项目</td><td>7.5</td></tr></table>' };

/** Pastes `formats` (type → data) into the paste box. */
async function paste(page, formats) {
  await page.evaluate((formats) => {
    const data = new DataTransfer();
    for (const [type, value] of Object.entries(formats)) data.setData(type, value);
    const box = document.getElementById('wb-paste');
    box.focus();
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, formats);
}

test('a table pasted from Excel, WPS or as HTML fills a chart; unreadable cells are named and nothing changes', async () => {
  const { context, page, errors } = await bench(1200);
  try {
    await page.click('#wb-start');
    await drawn(page, 5);
    const original = await page.inputValue('#wb-text');
    for (const [name, formats, last] of [['Excel', EXCEL, '新项目\\"二期\\"'], ['WPS', WPS, '新项目'], ['HTML', HTML_ONLY, '新项目']]) {
      await page.fill('#wb-text', original);
      await page.waitForFunction(() => !document.getElementById('ig-q1-starts-summary')?.textContent.includes('新项目'));
      await page.selectOption('#wb-paste-chart', 'q1-starts');
      await paste(page, formats);
      const text = await page.inputValue('#wb-text');
      assert.match(await page.textContent('#wb-paste-status'), /已把粘贴的表格填入图表“q1-starts”/, name);
      // The item kept its highlight; the rest of the file is unchanged.
      assert.match(text, /\{ "label": "林源锂电池项目", "unit": "亿元", "plan": 26, "highlight": true \}/, name);
      assert.ok(text.includes(`"label": "${last}"`), `${name}: ${text}`);
      assert.equal(text.slice(0, text.indexOf('"id": "q1-starts"')), original.slice(0, original.indexOf('"id": "q1-starts"')), name);
      // Redrawn from the pasted figures.
      await page.waitForFunction(() => document.getElementById('ig-q1-starts-summary')?.textContent.includes('新项目'));
    }

    // A table with unreadable cells: each named by row and column, the file unchanged.
    await page.fill('#wb-text', original);
    await paste(page, { 'text/plain': '项目\t投资额（亿元）\n林源锂电池项目\t25..5\n\t3\n' });
    assert.equal(await page.inputValue('#wb-text'), original);
    assert.deepEqual(await page.$$eval('#wb-paste-problems li', (li) => li.map((l) => l.textContent)), [
      '第2行第2列：“25..5”不是数字',
      '第3行第1列：名称是空的',
    ]);
    assert.match(await page.textContent('#wb-paste-status'), /2处无法读取，文件未改动/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('save: back to the same file (File System Access), byte for byte, line breaks kept', async () => {
  const crlf = Buffer.from((await readFile(DATA, 'utf8')).replace(/\n/g, '\r\n'));
  const { context, page, errors } = await bench(1200, { fsa: { name: 'kazuo-2024.json', bytes: crlf } });
  try {
    await page.click('#wb-open');
    await drawn(page, 5);
    // Saved unchanged: the same bytes.
    await page.click('#wb-save');
    await page.waitForFunction(() => window.__written.length === 1);
    assert.deepEqual(Buffer.from(await page.evaluate(() => window.__written[0])), crlf);
    // One edit: only those bytes change; CRLF kept, no BOM added.
    const edited = (await page.inputValue('#wb-text')).replace('"updated": "2024年3月"', '"updated": "2024年4月"');
    await page.fill('#wb-text', edited);
    await page.click('#wb-save');
    await page.waitForFunction(() => window.__written.length === 2);
    const written = Buffer.from(await page.evaluate(() => window.__written[1]));
    assert.deepEqual(written, Buffer.from(crlf.toString().replace('2024年3月', '2024年4月')));
    assert.match(await page.textContent('#wb-status'), /已保存到 kazuo-2024\.json/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('save: a download where the browser has no File System Access API', async () => {
  const { context, page, errors } = await bench(1200);
  try {
    await page.setInputFiles('#wb-file', DATA);
    await drawn(page, 5);
    const edited = (await page.inputValue('#wb-text')).replace('"updated": "2024年3月"', '"updated": "2024年4月"');
    await page.fill('#wb-text', edited);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#wb-save')]);
    assert.equal(download.suggestedFilename(), 'kazuo-2024.json');
    const body = await readFile(await download.path());
    assert.deepEqual(body, Buffer.from(edited));
    assert.match(await page.textContent('#wb-status'), /已下载 kazuo-2024\.json/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an unsaved change survives a reload, and closing the tab asks first', async () => {
  const { context, page, errors } = await bench(390, { dpr: 3 });
  try {
    await page.click('#wb-start');
    await drawn(page, 5);
    const edited = (await page.inputValue('#wb-text')).replace('"updated": "2024年3月"', '"updated": "2024年5月"');
    await page.fill('#wb-text', edited);
    // Closing asks.
    const asked = new Promise((ok) => page.once('dialog', async (d) => {
      ok(d.type());
      await d.dismiss();
    }));
    await page.close({ runBeforeUnload: true });
    assert.equal(await asked, 'beforeunload');
    // A reload offers the change back.
    const again = await context.newPage();
    again.on('pageerror', (e) => errors.push(String(e)));
    await again.goto(`${server.url}/editor.html`);
    await again.waitForSelector('#wb-draft:not([hidden])');
    assert.match(await again.textContent('#wb-draft-text'), /kazuo-2024\.json.*未保存的修改/);
    await again.click('#wb-restore');
    assert.equal(await again.inputValue('#wb-text'), edited);
    await drawn(again, 5);
    // Discarded, it is not offered again.
    await again.reload();
    await again.waitForSelector('#wb-draft:not([hidden])');
    await again.click('#wb-discard');
    await again.reload();
    await again.waitForFunction(() => !document.getElementById('wb-status').textContent.includes('加载'));
    assert.equal(await again.isVisible('#wb-draft'), false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('opening another file over unsaved changes asks first', async () => {
  const { context, page, errors } = await bench(1200);
  try {
    await page.setInputFiles('#wb-file', DATA);
    await drawn(page, 5);
    const edited = (await page.inputValue('#wb-text')).replace('"updated": "2024年3月"', '"updated": "2024年6月"');
    await page.fill('#wb-text', edited);
    const other = join(WWW, 'data', 'national-2024.json');
    // Declined: the edited text stays.
    const declined = new Promise((ok) => page.once('dialog', async (d) => { ok(d.type()); await d.dismiss(); }));
    await page.setInputFiles('#wb-file', other);
    assert.equal(await declined, 'confirm');
    assert.equal(await page.inputValue('#wb-text'), edited);
    // Accepted: the other file.
    page.once('dialog', (d) => d.accept());
    await page.setInputFiles('#wb-file', other);
    await page.waitForFunction(() => document.getElementById('wb-name').textContent === 'national-2024.json');
    assert.equal(await page.inputValue('#wb-text'), await readFile(other, 'utf8'));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a GBK file is read as GBK, shown, and saved as UTF-8 only once agreed', async () => {
  const { context, page, errors } = await bench(1200);
  try {
    await page.setInputFiles('#wb-file', join(ROOT, 'tests', 'corpus', 'gbk.json'));
    await drawn(page, 5);
    assert.match(await page.textContent('#wb-encoding-text'), /GBK 编码/);
    assert.ok((await page.inputValue('#wb-text')).includes('"publication": "喀左时讯"'));
    // Not saved before the editor agrees.
    await page.click('#wb-save');
    assert.match(await page.textContent('#wb-status'), /请先确认改存为 UTF-8/);
    await page.click('#wb-convert');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#wb-save')]);
    const body = await readFile(await download.path());
    assert.equal(body.toString('utf8'), await page.inputValue('#wb-text'));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("before publishing: every check, then each chart in a phone's and a desktop's column, its summary and images", async () => {
  const { context, page, errors } = await bench(1200);
  try {
    await page.selectOption('#wb-template', { index: 1 });
    await page.click('#wb-start');
    await drawn(page, 5);
    const text = await page.inputValue('#wb-text');
    // A problem left: no publishing view, the count instead.
    await page.fill('#wb-text', text.replace('"unit": "万人"', '"unit": ""'));
    await page.waitForFunction(() => document.querySelectorAll('#wb-problem-list li').length > 0);
    await page.click('#wb-publish-check');
    assert.match(await page.textContent('#wb-publish-result'), /^还有\d+个问题/);
    assert.equal(await page.locator('#wb-publish canvas').count(), 0);
    // Clean: every chart at both widths, drawn; its summary; SVG and PNG.
    await page.fill('#wb-text', text);
    await drawn(page, 5);
    await page.click('#wb-publish-check');
    assert.match(await page.textContent('#wb-publish-result'), /^检查通过：5个图表都没有问题/);
    await page.waitForFunction(() => [...document.querySelectorAll('#wb-publish figure[data-chart] canvas')].filter((c) => c.width > 0).length === 10);
    const widths = await page.$$eval('#wb-publish .wb-pub-screens', (rows) =>
      rows.map((r) => [...r.querySelectorAll('figure[data-chart] canvas')].map((c) => Math.round(c.getBoundingClientRect().width))));
    assert.deepEqual(widths, Array(5).fill([358, 648]));
    assert.equal(await page.locator('#wb-publish .wb-pub-summary').count(), 5);
    assert.match(await page.locator('#wb-publish .wb-pub-summary').first().textContent(), /国内生产总值增长/);
    assert.equal(await page.locator('#wb-publish .wb-pub-image img').count(), 10);
    assert.ok(await page.$$eval('#wb-publish .wb-pub-image img', (imgs) => imgs.every((i) => i.complete && i.naturalWidth > 0)));
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#wb-publish a[download$=".svg"] >> nth=0')]);
    assert.equal(svg.suggestedFilename(), 'targets-2024-640.svg');
    assert.match(await readFile(await svg.path(), 'utf8'), /^<svg[\s\S]*国内生产总值增长[\s\S]*<\/svg>\s*$/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#wb-publish a[download$=".png"] >> nth=0')]);
    assert.equal(png.suggestedFilename(), 'targets-2024-540@2x.png');
    const bytes = await readFile(await png.path());
    assert.equal(bytes.readUInt32BE(16), 1080, 'the PNG is 1080 px wide');
    await page.locator('#wb-publish').screenshot({ path: join(SHOTS, 'editor-publish-1200.png') });
    const axe = await new AxeBuilder({ page }).include('#wb-publish').analyze();
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
    // An edit makes the view out of date: it goes.
    await page.fill('#wb-text', text.replace('2024年', '2025年'));
    assert.equal(await page.isVisible('#wb-publish'), false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const [width, dpr] of [[390, 3], [1200, 1]]) {
  test(`the workbench at ${width} px: axe finds nothing, and a screenshot`, async () => {
    const { context, page, errors } = await bench(width, { dpr });
    try {
      await page.click('#wb-start');
      await drawn(page, 5);
      // A problem shown, as an editor sees one.
      const text = await page.inputValue('#wb-text');
      await page.fill('#wb-text', text.replace('"plan": 15,', '"plan": "15",'));
      await page.waitForFunction(() => document.querySelector('#wb-charts .ig-error'));
      const results = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
      await page.screenshot({ path: join(SHOTS, `editor-${width}.png`), fullPage: width < 500 });
      // Nothing wider than the screen.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}
