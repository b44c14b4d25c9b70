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
const CEILING = Math.floor(90.5 * 1024); // 92,672 B: raised from 89 KB (91,136 B) by what declaring each chart kind once, one owner of the page's state and one way to hand the page an object measurably cost (+1,527 B, bench/RESULTS.md)
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
