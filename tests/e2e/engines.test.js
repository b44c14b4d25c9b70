// Every engine readers use. Every iOS browser, WeChat on iOS included, is
// WebKit; Firefox is the third engine. A smoke test of each page (the
// article, an embed, preview) in WebKitGTK and Firefox ESR through WebDriver
// (Playwright's own builds of both cannot be downloaded here): ready and
// painted fire, every canvas is drawn and not blank, a click opens a tip, no
// figure shows an error. scripts/setup.sh installs both and their drivers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './harness.js';

// scripts/setup.sh installs it with cargo, beside wasm-pack.
const GECKODRIVER = join(process.env.HOME ?? '', '.cargo/bin/geckodriver');
const ENGINES = [
  {
    name: 'WebKit',
    port: 4600 + Math.floor(Math.random() * 200),
    start: (port) => spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true }),
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  },
  {
    name: 'Firefox',
    port: 4800 + Math.floor(Math.random() * 200),
    start: (port) => spawn(GECKODRIVER, ['--port', String(port), '--log', 'fatal'], { stdio: 'ignore', detached: true }),
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless'] },
    },
  },
];
const PAGES = ['/index.html', '/embed-targets.html', '/index.html?preview'];

let server;
before(async () => {
  server = await serve();
});
after(async () => {
  await server?.close();
});

/** A W3C WebDriver session over plain HTTP. */
async function session(port, capabilities) {
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
    return json.value;
  };
  // The driver takes a moment to listen.
  let created;
  for (let i = 0; i < 100 && !created; i++) {
    try {
      created = await call('POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    } catch (error) {
      if (i === 99) throw error;
      await new Promise((ok) => setTimeout(ok, 200));
    }
  }
  const id = created.sessionId;
  const on = (method, path, body) => call(method, `/session/${id}${path}`, body);
  return {
    on,
    run: (script, ...args) => on('POST', '/execute/sync', { script, args }),
    wait: (script, ...args) => on('POST', '/execute/async', { script, args }),
    end: () => call('DELETE', `/session/${id}`),
  };
}

// Resolves when the engine reports `painted` (or after 20 s with what it has).
const PAINTED = `const done = arguments[arguments.length - 1];
  const t0 = Date.now();
  (function check() {
    const html = document.documentElement;
    if (html.hasAttribute('data-infographic-painted') || Date.now() - t0 > 20000) {
      done({ ready: html.hasAttribute('data-infographic-ready'), painted: html.hasAttribute('data-infographic-painted') });
    } else setTimeout(check, 50);
  })();`;

// Every canvas drawn (some pixel not transparent), every figure live, none in error.
const STATE = `return {
  figures: document.querySelectorAll('figure[data-chart]').length,
  live: document.querySelectorAll('figure.ig-live').length,
  errors: [...document.querySelectorAll('.ig-error')].map((e) => e.textContent),
  canvases: [...document.querySelectorAll('figure[data-chart] canvas')].map((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
    return false;
  }),
  ua: navigator.userAgent,
};`;

for (const engine of ENGINES) {
  test(`${engine.name}: the article, an embed and preview start, draw every chart and open a tip on a click`, async (t) => {
    const driver = engine.start(engine.port);
    const browser = await session(engine.port, engine.capabilities);
    try {
      await browser.on('POST', '/timeouts', { script: 30000, pageLoad: 30000 });
      await browser.on('POST', '/window/rect', { width: 1000, height: 900 }).catch(() => {});
      for (const path of PAGES) {
        await browser.on('POST', '/url', { url: server.url + path });
        const fired = await browser.wait(PAINTED);
        assert.deepEqual(fired, { ready: true, painted: true }, `${path}: ready and painted`);
        const state = await browser.run(STATE);
        t.diagnostic(`${path}: ${state.ua}`);
        assert.ok(state.figures > 0, `${path}: no figure`);
        assert.equal(state.live, state.figures, `${path}: every figure taken over`);
        assert.deepEqual(state.errors, [], `${path}: errors shown`);
        assert.ok(state.canvases.length > 0 && state.canvases.every(Boolean), `${path}: blank canvas ${JSON.stringify(state.canvases)}`);
        // A click down the first chart's canvas until a mark answers.
        // (The canvas takes no pointer hits itself: its plot does. So the
        // pointer goes to viewport coordinates, not to the element.)
        const box = await browser.run(`const c = document.querySelector('figure[data-chart] canvas');
          c.scrollIntoView({ block: 'center' });
          const r = c.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };`);
        let shown = '';
        for (let dy = -60; dy <= 60 && !shown; dy += 15) {
          await browser.on('POST', '/actions', {
            actions: [{
              type: 'pointer',
              id: 'mouse',
              parameters: { pointerType: 'mouse' },
              actions: [
                { type: 'pointerMove', origin: 'viewport', x: Math.round(box.x - 40), y: Math.round(box.y + dy) },
                { type: 'pointerDown', button: 0 },
                { type: 'pointerUp', button: 0 },
              ],
            }],
          });
          shown = await browser.run(`const tip = document.querySelector('figure[data-chart] .ig-tip');
            return tip.hidden ? '' : tip.textContent;`);
        }
        assert.ok(shown.length > 0, `${path}: no tip opened on a click`);
        await browser.on('DELETE', '/actions');
      }
    } finally {
      await browser.end().catch(() => {});
      try {
        process.kill(-driver.pid);
      } catch {
        driver.kill();
      }
    }
  });
}

test('both engines are installed', () => {
  assert.ok(existsSync('/usr/bin/WebKitWebDriver'), 'WebKitWebDriver: scripts/setup.sh test installs webkit2gtk-driver');
  assert.ok(existsSync(GECKODRIVER), 'geckodriver: scripts/setup.sh test installs it');
});
