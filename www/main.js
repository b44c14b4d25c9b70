// Loads the infographic engine; all layout, drawing and events live in it.
// If it cannot start (no WebAssembly, a file missing), each chart's static
// fallback (the page's own <noscript> markup) is shown, and nothing is thrown.
try {
  const { default: init, mount } = await import('./pkg/infographic.js');
  await init();
  await mount();
} catch (error) {
  for (const figure of document.querySelectorAll('[data-chart]')) {
    if (figure.querySelector('canvas, .ig-error, .ig-fallback-note')) continue;
    const noscript = figure.querySelector('noscript');
    if (noscript) figure.insertAdjacentHTML('beforeend', noscript.textContent);
    const fallback = figure.querySelector('.ig-fallback');
    const note = document.createElement('p');
    note.className = fallback ? 'ig-fallback-note' : 'ig-error';
    note.textContent = fallback ? '交互图表暂时无法加载，此处显示的是静态图。' : '图表暂时无法显示，请刷新页面重试。';
    figure.append(note);
  }
  for (const name of ['ready', 'painted']) {
    document.documentElement.setAttribute(`data-infographic-${name}`, '');
    document.dispatchEvent(new CustomEvent(`infographic:${name}`, { detail: [] }));
  }
  console.warn('infographic:', error);
}
