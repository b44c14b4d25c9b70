// The data-file workbench: everything it does lives in the engine's editor build
// (the full build with the workbench; article pages never load it).
try {
  const { default: init, workbench } = await import('./pkg-editor/infographic.js');
  await init();
  workbench();
} catch (error) {
  document.getElementById('wb-status').textContent = `编辑器无法启动：${error}`;
  console.warn('infographic:', error);
}
