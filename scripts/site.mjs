// Assembles the deployable site in dist/ from its sources (run by scripts/build.sh):
//
//   node scripts/site.mjs [--base URL]
//
// - pages and snippets pre-rendered by `infographic prerender` (target/site/),
// - the wasm module and its JS glue, readers' (target/pkg/), full (target/pkg-full/) and the
//   workbench's (target/pkg-editor/), main.js (minified, target/site/), editor.js and the
//   stylesheets (www/),
// - each data file, and its generated stylesheet (target/site/data/).
//
// Code, stylesheets and data get content-hashed names (NAME.HASH.EXT: a server may
// send them with `Cache-Control: max-age=31536000, immutable`; a second article then
// downloads no code at all); pages, images and the schema keep their names. Each data
// file is also kept under its own name (data/NAME.json) for live preview, which the
// page names in `data-infographic-source`. Every text file and the wasm get a
// precompressed .gz (gzip -9) and .br (brotli 11) beside them. Snippets
// (dist/snippets/ID.html) name everything from --base (default: relative to the site).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const WWW = join(ROOT, 'www');
const STAGE = join(ROOT, 'target', 'site');
const DIST = join(ROOT, 'dist');
const argBase = process.argv.indexOf('--base');
const BASE = argBase > 0 ? process.argv[argBase + 1].replace(/\/?$/, '/') : '';

/** Every file under `dir`, as paths relative to it. */
function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full).map((p) => join(name, p)));
    else out.push(name);
  }
  return out;
}

/** NAME.EXT → NAME.HASH.EXT (10 hex digits of SHA-256). */
function hashed(path, body) {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.${hash}${ext}`);
}

const replaceAll = (text, from, to) => text.split(from).join(to);

rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST, { recursive: true });

// The site's files by their source path (relative to the site's root).
const files = new Map();
for (const p of walk(WWW)) {
  if (extname(p) === '.html' || p.startsWith('pkg/')) continue;
  files.set(p, readFileSync(join(WWW, p)));
}
for (const p of walk(STAGE)) files.set(p, readFileSync(join(STAGE, p)));
for (const pkg of ['pkg', 'pkg-full', 'pkg-editor']) {
  for (const name of ['infographic.js', 'infographic_bg.wasm']) {
    files.set(`${pkg}/${name}`, readFileSync(join(ROOT, 'target', pkg, name)));
  }
}

// Hash leaves first, then the files that name them.
const names = new Map(); // source path → built path
const hash = (p) => {
  const built = hashed(p, files.get(p));
  names.set(p, built);
  return built;
};
for (const pkg of ['pkg', 'pkg-full', 'pkg-editor']) {
  hash(`${pkg}/infographic_bg.wasm`);
  let glue = files.get(`${pkg}/infographic.js`).toString();
  glue = replaceAll(glue, 'infographic_bg.wasm', basename(names.get(`${pkg}/infographic_bg.wasm`)));
  files.set(`${pkg}/infographic.js`, Buffer.from(glue));
  hash(`${pkg}/infographic.js`);
}
// The scripts that load the engine: the articles' (main.js) and the workbench's.
for (const entry of ['main.js', 'editor.js']) {
  let code = files.get(entry).toString();
  for (const pkg of ['pkg', 'pkg-full', 'pkg-editor']) {
    code = replaceAll(code, `'./${pkg}/infographic.js'`, `'./${names.get(`${pkg}/infographic.js`)}'`);
  }
  files.set(entry, Buffer.from(code));
}
for (const p of files.keys()) {
  const code = ['.js', '.css', '.wasm'].includes(extname(p));
  const data = p.startsWith('data/') && extname(p) === '.json' && !p.endsWith('.schema.json');
  if ((code || data) && !names.has(p)) hash(p);
}

// Pages and snippets name the hashed files; a page's data file keeps its own
// name for preview in data-infographic-source.
for (const p of files.keys()) {
  if (extname(p) !== '.html') continue;
  const snippet = p.startsWith('snippets/');
  let html = files.get(p).toString();
  html = html.replace(/data-infographic="([^"]+)"/g, (all, url) =>
    names.has(url) ? `${all} data-infographic-source="\0${url}"` : all);
  for (const [from, to] of names) {
    html = replaceAll(html, `"${from}"`, `"${snippet ? BASE : ''}${to}"`);
  }
  html = replaceAll(html, '"\0', `"${snippet ? BASE : ''}`);
  files.set(p, Buffer.from(html));
}

const COMPRESS = new Set(['.html', '.css', '.js', '.json', '.svg', '.wasm', '.txt']);
for (const [p, body] of files) {
  const outs = [names.get(p) ?? p];
  if (p.startsWith('data/') && extname(p) === '.json' && names.has(p)) outs.push(p);
  for (const out of outs) {
    const file = join(DIST, out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
    if (COMPRESS.has(extname(p))) {
      writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      writeFileSync(`${file}.br`, brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }));
    }
  }
}
writeFileSync(join(DIST, 'manifest.json'), `${JSON.stringify(Object.fromEntries(names), null, 2)}\n`);
console.log(`dist/: ${files.size} files (${relative(ROOT, DIST)}/manifest.json names the hashed ones)`);
if (!existsSync(join(DIST, 'index.html'))) process.exit(1);
