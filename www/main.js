// Loads the infographic engine; all layout, drawing and events live in it.
import init, { mount } from './pkg/infographic.js';

try {
  await init();
  await mount();
} catch (error) {
  // The engine could not start: say so where each chart would be.
  for (const figure of document.querySelectorAll('[data-chart]')) {
    if (!figure.querySelector('canvas, .ig-error')) {
      const note = document.createElement('p');
      note.className = 'ig-error';
      note.textContent = '图表暂时无法显示，请刷新页面重试。';
      figure.append(note);
    }
  }
  document.documentElement.setAttribute('data-infographic-ready', '');
  document.dispatchEvent(new CustomEvent('infographic:ready', { detail: [] }));
  console.warn('infographic:', error);
}
