// A static server for the built site (dist/), as a real one serves it: the
// precompressed .br or .gz beside a file when the browser accepts it, and hashed
// names (NAME.HASH.EXT) cached for a year. Data files under their own names
// (data/NAME.json) come from the sources (www/data/), so that live preview
// (`?preview`) sees an editor's saves at once.
//
//   node scripts/serve.mjs [PORT]          (default 8000; 127.0.0.1 only)
//
// It runs in its own process: a server sharing a process with a browser driver
// answers late while the driver is busy.
//
// Also imported by the page tests and the benchmark: serve({ headers, plain }).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DIST = join(ROOT, 'dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const HASHED = /\.[0-9a-f]{10}\.[a-z]+$/;

/** The file a URL path names: `map(path)` may name another (the benchmark's own files). */
async function locate(path, map, sources) {
  const mapped = map?.(path);
  if (mapped) return mapped;
  if (/^\/data\/[^/]+\.json$/.test(path)) {
    const source = join(sources, path);
    if (await stat(source).then(() => true, () => false)) return source;
  }
  let file = normalize(join(DIST, path));
  if (!file.startsWith(DIST)) return null;
  if (await stat(file).then((s) => s.isDirectory(), () => false)) file = join(file, 'index.html');
  return file;
}

/**
 * Serves dist/ on a free loopback port (or `port`). `headers` are added to every
 * response; `plain` turns compression off; `map(path)` may serve other files;
 * `source` is the folder whose data/NAME.json files are served live (www/).
 */
export async function serve({ headers = {}, plain = false, map, port = 0, cache = true, source = join(ROOT, 'www') } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = await locate(path, map, source);
    if (!file) return res.writeHead(403).end();
    const accepts = plain ? '' : String(req.headers['accept-encoding'] ?? '');
    for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!accepts.includes(encoding)) continue;
      try {
        const body = await readFile(file + ext);
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': cache && HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
          vary: 'accept-encoding',
          'content-encoding': encoding,
          ...headers,
        });
        return res.end(body);
      } catch {
        // try the next encoding
      }
    }
    // No precompressed copy (sources, the benchmark's files): gzip -9 now.
    try {
      const raw = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const zip = accepts.includes('gzip') && extname(file) !== '.png';
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
        ...(zip ? { 'content-encoding': 'gzip' } : {}),
        ...headers,
      });
      return res.end(zip ? gzipSync(raw, { level: 9 }) : raw);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: bound } = server.address();
  return { url: `http://127.0.0.1:${bound}`, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // node scripts/serve.mjs [PORT] [--map URLPATH=FILE …]: a URL path (or a prefix
  // ending in /) served from another file or folder, relative to the project (the
  // benchmark's reference page and Chart.js).
  const args = process.argv.slice(2);
  const maps = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--map') {
      const [from, to] = args[++i].split('=');
      maps.push([from, join(ROOT, to)]);
    }
  }
  const port = Number(args.find((a) => /^\d+$/.test(a)) ?? process.env.PORT ?? 8000);
  const map = (path) => {
    for (const [from, to] of maps) {
      if (path === from) return to;
      if (from.endsWith('/') && path.startsWith(from)) return join(to, path.slice(from.length));
    }
    return null;
  };
  const { url } = await serve({ port, map });
  console.log(`serving dist/ on ${url}/  (Ctrl-C stops)`);
}
