// Copy-paste snippet for host pages: sizes each infographic iframe to the
// height its chart reports ({"datawrapper-height": {id: px}} messages).
window.addEventListener('message', (event) => {
  const heights = event.data && event.data['datawrapper-height'];
  if (!heights) return;
  for (const frame of document.querySelectorAll('iframe.infographic-embed')) {
    if (frame.contentWindow === event.source) {
      for (const px of Object.values(heights)) frame.style.height = `${px}px`;
    }
  }
});
