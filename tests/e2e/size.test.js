// What a reader downloads for the whole infographic: wasm + JS, gzip -9.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './harness.js';

// The goal is 60 KB (Chart.js 4.6.1 alone is 71 KB gzipped) and is not met
// yet; this ceiling is the size measured now, so that nothing makes it
// worse while the work towards the goal goes on. Lower it as it shrinks.
const CEILING = 89 * 1024; // 91,136 B: lowered from 90 KB as the code shrank (last from 89.25 KB: main.js minified)
const FILES = ['pkg/infographic_bg.wasm', 'pkg/infographic.js', 'main.js'];
// The built site names them by content hash.
const manifest = JSON.parse(await readFile(join(ROOT, 'dist', 'manifest.json'), 'utf8'));

test('the reader downloads no more than the measured ceiling (gzip -9)', async () => {
  let total = 0;
  const rows = [];
  for (const file of FILES) {
    const bytes = await readFile(join(ROOT, 'dist', manifest[file]));
    const gz = gzipSync(bytes, { level: 9 }).length;
    total += gz;
    rows.push(`${file}: ${bytes.length} B raw, ${gz} B gzip -9`);
  }
  console.log(`${rows.join('\n')}\ntotal: ${total} B gzip -9`);
  assert.ok(total <= CEILING, `${total} B > ceiling ${CEILING} B\n${rows.join('\n')}`);
});
