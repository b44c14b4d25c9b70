// Loads the infographic engine; all layout, drawing and events live in it.
// Pre-rendered figures are complete without it: if it cannot start (no
// WebAssembly, a file missing or blocked), they stay as built. A figure that
// was not pre-rendered says the chart cannot be shown. Nothing is thrown.
try {
  // The readers' build takes pre-rendered figures over. The full build also
  // writes a figure the page has bare (a host page without pre-rendering)
  // and, for ?preview, shows every problem in its place and watches the
  // data file.
  const full = new URLSearchParams(location.search).has('preview')
    || [...document.querySelectorAll('[data-chart]')].some((f) => !f.querySelector('.ig-save'));
  const { default: init, mount } = await import(full ? './pkg-full/infographic.js' : './pkg/infographic.js');
  await init();
  await mount();
} catch (error) {
  for (const figure of document.querySelectorAll('[data-chart]')) {
    if (figure.querySelector('.ig-plot, .ig-error')) continue;
    const note = document.createElement('p');
    note.className = 'ig-error';
    note.textContent = '图表暂时无法显示，请刷新页面重试。';
    figure.append(note);
  }
  for (const name of ['ready', 'painted']) {
    document.documentElement.setAttribute(`data-infographic-${name}`, '');
    document.dispatchEvent(new CustomEvent(`infographic:${name}`, { detail: [] }));
  }
  console.warn('infographic:', error);
}
