// The extractor's Web Worker (see extractor.rs beside this file). It runs the app's own WebAssembly module,
// which the page sends already compiled, with the URL of its JavaScript glue; Rust then takes over the
// worker's messages. A failure to start is rethrown outside the promise so that it reaches the page as the
// worker's `error` event, like a crash.
self.onmessage = (event) => {
  self.onmessage = null;
  const { glue, module } = event.data;
  import(glue)
    .then(async (bindings) => {
      await bindings.default({ module_or_path: module });
      bindings.sidenoteExtractorWorker();
    })
    .catch((error) => setTimeout(() => { throw error; }));
};
