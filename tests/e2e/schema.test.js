// The data file's JSON Schema as an editor's VS Code applies it: VS Code's own
// JSON language service (vscode-json-languageservice) over every file of
// tests/corpus/. Each mistake the schema can state is underlined where
// `infographic check` reports it; the rest are named, with why schema cannot
// state them. Completion and hover speak both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from './harness.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'www/data/infographic.schema.json'), 'utf8'));
const service = getLanguageService({ schemaRequestService: async () => JSON.stringify(schema) });
service.configure({
  validate: true,
  schemas: [{ uri: 'inmemory://infographic.schema.json', fileMatch: ['*.json'], schema }],
});
const CORPUS = join(ROOT, 'tests/corpus');
const DEMO = readFileSync(join(ROOT, 'www/data/kazuo-2024.json'), 'utf8');

/** The text as VS Code opens the file: a byte-order mark names the encoding and is dropped. */
function open(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

async function diagnostics(text) {
  const doc = TextDocument.create('file:///article/data.json', 'json', 1, text);
  const found = await service.doValidation(doc, service.parseJSONDocument(doc), { schemaValidation: 'error' });
  return found.map((d) => ({ line: d.range.start.line + 1, message: d.message }));
}

// Where `infographic check` puts each mistake (line), when schema can state it.
const UNDERLINED = {
  'bad-id': 12,
  'blank-title': 33,
  'charts-an-object': 16,
  'charts-not-a-list': 16,
  'colour-by-name': 8,
  'empty-items': 57,
  'field-of-another-kind': 33,
  'font-with-css': 6,
  'huge-number': 22,
  'invalid-json': 5,
  'item-without-figures': 59,
  'missing-field': 47,
  'misspelled-key': 15,
  'negative-part': 43,
  'null-for-a-list': 50,
  'number-as-text': 27,
  'target-without-plan': 23,
  'too-many-decimals': 27,
  'unknown-kind': 49,
  'zero-whole': 44,
  'range-with-a-qualifier': 26,
  'more-on-a-percentage': 26,
  'decrease-written-negative': 26,
  'words-with-a-figure': 26,
  'unknown-qualifier': 26,
  'words-on-bars': 58,
  'grouped-without-group': 57,
  'range-on-a-series': 77,
  'range-word-without-a-range': 15,
  'words-in-a-series': 81,
  'too-many-parts': 40,
};
// What schema cannot state; only `check` finds these.
const BEYOND_SCHEMA = {
  'bad-theme-colour': 'contrast of a colour with the page',
  'duplicate-id': 'an id unique across charts',
  'mixed-units': 'one unit across a chart\u2019s items',
  'part-larger-than-whole': 'a sum of values against another value',
  'range-upside-down': 'a range\u2019s upper end against its low end',
  'average-growth-over-quarters': 'periods named as years, in order, for an average a year (年均增长)',
  'lone-surrogate': 'JSON text that JavaScript reads (a lone \\u escape)',
  empty: 'an empty file (VS Code shows no problem until something is typed)',
  gbk: 'the file\u2019s encoding (VS Code guesses or shows mojibake)',
  utf16: 'the file\u2019s encoding (VS Code reads UTF-16; the engine asks for UTF-8)',
};
const CLEAN = ['bom-accepted'];

test('every corpus file is accounted for', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  const known = [...Object.keys(UNDERLINED), ...Object.keys(BEYOND_SCHEMA), ...CLEAN].sort();
  assert.deepEqual(files, known);
});

test('each mistake schema can state is underlined on the line check reports', async () => {
  for (const [name, line] of Object.entries(UNDERLINED)) {
    const found = await diagnostics(open(readFileSync(join(CORPUS, `${name}.json`))));
    assert.ok(
      found.some((d) => d.line === line),
      `${name}: nothing underlined on line ${line}; found ${JSON.stringify(found)}`,
    );
  }
});

test('the bundled data files and the rest of the corpus pass the schema', async () => {
  for (const file of ['kazuo-2024.json', 'national-2024.json', 'examples.json']) {
    const text = readFileSync(join(ROOT, 'www/data', file), 'utf8');
    assert.deepEqual(await diagnostics(text), [], `www/data/${file}`);
  }
  for (const name of [...CLEAN, ...Object.keys(BEYOND_SCHEMA)]) {
    if (name === 'empty' || name === 'gbk') continue; // not JSON as VS Code opens them
    const found = await diagnostics(open(readFileSync(join(CORPUS, `${name}.json`))));
    assert.deepEqual(found, [], `${name}: the schema now flags it; move it to UNDERLINED`);
  }
});

test('figures: every two-decimal value passes, a third decimal does not', async () => {
  // VS Code checks `multipleOf: 0.01` on the number's shortest text, as
  // `check` reads decimals from the digits; the two must agree on every
  // figure a data file admits.
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const items = [];
  for (let i = 0; i < 2000; i++) {
    const digits = Math.floor(random() * 16);
    const hundredths = Math.floor(random() * 10 ** digits) * (random() < 0.3 ? -1 : 1);
    items.push(`{"label":"甲","unit":"亿元","plan":${(hundredths / 100).toString()}}`);
  }
  const chart = (list) => `{"publication":"p","updated":"u","charts":[{"id":"a","kind":"bars",
    "title":"t","subtitle":"s","source":"x","items":[${list.join(',')}]}]}`;
  assert.deepEqual(await diagnostics(chart(items)), []);
  const third = await diagnostics(chart(['{"label":"甲","unit":"%","plan":6.525}']));
  assert.equal(third.length, 1, JSON.stringify(third));
});

async function complete(text, offset) {
  const doc = TextDocument.create('file:///article/data.json', 'json', 1, text);
  const list = await service.doComplete(doc, doc.positionAt(offset), service.parseJSONDocument(doc));
  return list.items.map((i) => [i.label.replaceAll('"', ''), String(i.documentation ?? '')]);
}

async function hover(text, needle) {
  const doc = TextDocument.create('file:///article/data.json', 'json', 1, text);
  const at = doc.positionAt(text.indexOf(needle) + 2);
  const found = await service.doHover(doc, at, service.parseJSONDocument(doc));
  return (found?.contents ?? []).join(' ');
}

const bilingual = (text) => /[\u4e00-\u9fff]/.test(text) && /[A-Za-z]{3}/.test(text);

test('completion and hover speak Chinese and English', async () => {
  const kinds = await complete(DEMO.replace('"kind": "target",', '"kind": "",'), DEMO.indexOf('"kind": "target",') + 9);
  assert.deepEqual(kinds.map(([k]) => k).sort(), ['bars', 'cards', 'grouped', 'part', 'series', 'target']);
  for (const [kind, doc] of kinds) assert.ok(bilingual(doc), `kind ${kind}: ${doc}`);

  const bounds = await complete(DEMO.replace('"bound": "以上"', '"bound": ""'), DEMO.indexOf('"bound": "以上"') + 10);
  assert.deepEqual(bounds.map(([b]) => b).sort(), ['exact', 'floor', '不低于', '不超过', '以上', '以下', '以内', '多', '左右'].sort());
  for (const [bound, doc] of bounds) assert.ok(bilingual(doc), `bound ${bound}: ${doc}`);

  // Keys offered in an item, each explained in both languages.
  const anItem = '{ "label": "地区生产总值", "unit": "%", ';
  const keysText = DEMO.replace(anItem, `${anItem}"", `);
  const keys = await complete(keysText, keysText.indexOf(anItem) + anItem.length + 1);
  assert.ok(keys.some(([k]) => k === 'bound'), JSON.stringify(keys));
  for (const [key, doc] of keys) assert.ok(bilingual(doc), `key ${key}: ${doc}`);

  assert.ok(bilingual(await hover(DEMO, '"theme"')), 'hover on theme');
  // On a kind or bound key, the current value's description.
  assert.match(await hover(DEMO, '"kind": "target"'), /目标图/);
  assert.match(await hover(DEMO, '"kind": "part"'), /构成图/);
  assert.match(await hover(DEMO, '"bound": "以上"'), /下限/);
});
