// Starts the extractor's worker while the app's WebAssembly is still loading: a worker takes about 100 ms to
// start, and that wait would otherwise come after the app's own loading. `extractor.rs` (beside this file)
// adopts it and sends it the app's module. A worker that fails before then is forgotten here, so the app
// starts its own and hears of the failure itself.
(() => {
  const worker = new Worker('./extractor-worker.js', { type: 'module' });
  worker.addEventListener('error', () => { delete window.sidenoteExtractorWorker; }, { once: true });
  window.sidenoteExtractorWorker = worker;
})();
