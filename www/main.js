// Loads the infographic engine; all layout, drawing and events live in it.
// Pre-rendered figures are complete without it: if it cannot start (no
// WebAssembly, a file missing or blocked), they stay as built. A figure that
// was not pre-rendered says the chart cannot be shown. Nothing is thrown.
try {
  // A page opened with ?preview gets the editors' build: every problem in
  // its place, in Chinese, and the data file watched for changes.
  const editor = new URLSearchParams(location.search).has('preview');
  const { default: init, mount } = await import(editor ? './pkg-editor/infographic.js' : './pkg/infographic.js');
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
