// Drawing only what the reader can see: charts below the first screen are
// mounted and painted just after `infographic:ready`, and after a resize a
// chart far from view is laid out at once but painted when it comes near.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, server, browser, open, article, CHARTS } from './harness.js';

useSite();

/** In the page: the share of a chart's backing pixels with ink, and the rightmost inked column (CSS px). */
function inkOf(id) {
  const c = document.querySelector(`figure[data-chart="${id}"] canvas`);
  if (!c) return null;
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  let right = -1;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 128) {
      ink++;
      right = Math.max(right, (i / 4) % c.width);
    }
  }
  return { ink: ink / (c.width * c.height), right: (right + 1) / devicePixelRatio };
}

test('on a phone, ready comes with the first screen drawn; the rest is mounted and painted after', async () => {
  const { context, page, errors, report, readyReport } = await open(browser, server.url, '/', {
    width: 390,
    height: 844,
    dpr: 3,
    reducedMotion: 'reduce',
    init: `const inkOf = ${inkOf};
      document.addEventListener('infographic:ready', () => {
        const top = (s) => document.querySelector(s).getBoundingClientRect().top;
        window.__atReady = {
          // Shown: the pre-rendered plot until its canvas is painted, just after.
          targets: inkOf('targets')?.ink > 0.01
            || [...document.querySelectorAll('figure[data-chart="targets"] svg.ig-static')]
              .some((s) => getComputedStyle(s).display !== 'none' && s.getBoundingClientRect().height > 100),
          firms: inkOf('firms'),
          // What the first screen shows below the first chart.
          below: top('figure[data-chart="targets"] + p'),
        };
      }, { once: true });`,
  });
  try {
    const atReady = await page.evaluate(() => window.__atReady);
    assert.ok(atReady.targets, `the chart in view is shown at ready: ${JSON.stringify(atReady)}`);
    assert.equal(atReady.firms, null, 'a chart three screens down is not even mounted at ready');
    const marks = (r, id) => r.find((c) => c.id === id).marks.length;
    assert.equal(marks(readyReport, 'targets'), 6);
    assert.equal(marks(readyReport, 'firms'), 0);
    // The harness waited for `infographic:painted`: now every chart is drawn
    // and reported with its marks.
    const firms = await page.evaluate(inkOf, 'firms');
    assert.ok(firms.ink > 0.01, `painted after ready: ${JSON.stringify(firms)}`);
    assert.ok(report.every((c) => c.marks.length > 0), JSON.stringify(report.map((c) => [c.id, c.marks.length])));
    // The first screen had its final layout at ready: nothing on it moved.
    const below = await page.evaluate(() => document.querySelector('figure[data-chart="targets"] + p').getBoundingClientRect().top);
    assert.equal(below, atReady.below);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('after a resize, a chart far from view is painted at the new width once it comes near', async () => {
  const { context, page, errors } = await open(browser, server.url, '/', { width: 390, height: 844, reducedMotion: 'reduce' });
  try {
    const before = await page.evaluate(inkOf, 'firms');
    assert.ok(before.right > 340, `at 390 px the right column reaches ${before.right}`);
    await page.setViewportSize({ width: 330, height: 844 });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    // Laid out at once: the box already has the new width...
    const box = await page.locator('figure[data-chart="firms"] .ig-canvas').boundingBox();
    assert.ok(Math.abs(box.width - 298) < 1, `box width ${box.width}`);
    // ...but, three screens down, it is not painted yet.
    const stale = await page.evaluate(inkOf, 'firms');
    assert.ok(stale.right > 340, `not repainted while far: ${JSON.stringify(stale)}`);
    // ...and once near the screen it shows the new layout, nothing past its edge.
    await page.locator('figure[data-chart="firms"]').scrollIntoViewIfNeeded();
    await page.waitForFunction(`(${inkOf})('firms').right <= 298`, null, { timeout: 3000 });
    const after = await page.evaluate(inkOf, 'firms');
    assert.ok(after.ink > 0.01 && after.right > 250, `repainted: ${JSON.stringify(after)}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a host that loads the engine async, before the page is parsed, still gets every chart', async () => {
  // A slow parser-blocking script holds the figures back while the async
  // engine loads and starts: it must wait for the page to be parsed.
  const { context, page, errors, report } = await open(browser, server.url, '/', {
    width: 390,
    reducedMotion: 'reduce',
    route: [
      article((html) => {
        const body = html
          .replace(/<script type="module" src="(main\.[0-9a-f]+\.js)"><\/script>/, '<script type="module" src="$1" async></script>')
          .replace('<body>', '<body>\n<script src="slow.js"></script>');
        assert.match(body, /main\.[0-9a-f]+\.js" async/);
        assert.match(body, /slow\.js/);
        return body;
      }),
      {
        url: (u) => u.pathname === '/slow.js',
        handler: async (route) => {
          await new Promise((ok) => setTimeout(ok, 1500));
          await route.fulfill({ contentType: 'text/javascript', body: 'window.__parsedLate = true;' });
        },
      },
    ],
  });
  try {
    assert.equal(await page.evaluate(() => window.__parsedLate), true);
    assert.deepEqual(
      report.map((r) => [r.id, r.ok]),
      CHARTS.map((id) => [id, true]),
    );
    assert.equal(await page.locator('figure[data-chart] canvas').count(), 5);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a chart hidden at first (a closed tab, a collapsed box) draws when shown, and the rest settle', async () => {
  const { context, page, errors, report } = await open(browser, server.url, '/', {
    width: 390,
    reducedMotion: 'reduce',
    route: article((html) => {
      const start = html.indexOf('<figure data-chart="firms"');
      const end = html.indexOf('</figure>', start) + '</figure>'.length;
      assert.ok(start > 0 && end > start);
      return `${html.slice(0, start)}<div id="later" hidden>${html.slice(start, end)}</div>${html.slice(end)}`;
    }),
  });
  try {
    // `open` waited for `infographic:painted`: a chart with no width did not hold it up.
    assert.equal(report.length, CHARTS.length);
    assert.ok(report.every((r) => r.ok), JSON.stringify(report));
    await page.evaluate(() => {
      document.getElementById('later').hidden = false;
    });
    await page.locator('figure[data-chart="firms"]').scrollIntoViewIfNeeded();
    // The canvas takes the static plot's place with its first frame.
    await page.waitForFunction(`((${inkOf})('firms')?.ink ?? 0) > 0.01`, null, { timeout: 3000 });
    const box = await page.locator('figure[data-chart="firms"] .ig-canvas').boundingBox();
    assert.ok(Math.abs(box.width - 358) < 1, `drawn at the column's width: ${box.width}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
