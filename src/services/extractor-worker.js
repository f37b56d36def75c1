// The extractor's Web Worker (see extractor.rs beside this file). It runs the app's own WebAssembly module,
// which the page sends already compiled, with the URL of its JavaScript glue; requests that arrive while the
// module starts are kept and handed to Rust with it. A failure to start is rethrown outside the promise so
// that it reaches the page as the worker's `error` event, like a crash.
self.onmessage = (event) => {
  const { glue, module } = event.data;
  const early = [];
  self.onmessage = (request) => early.push(request.data);
  import(glue)
    .then(async (bindings) => {
      await bindings.default({ module_or_path: module });
      bindings.sidenoteExtractorWorker(early);
    })
    .catch((error) => setTimeout(() => { throw error; }));
};
