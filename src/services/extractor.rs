//! The extractor and the importer, run in a Web Worker so that the page never freezes (on a large document,
//! or a large or hostile annotation file) and a crash in either never takes the app down.
//!
//! The worker runs the app's own WebAssembly module: the page sends it the compiled module
//! (`wasm_bindgen::module()`) and the URL of its JavaScript glue, and `extractor-worker.js` (beside this
//! file, copied by Trunk) instantiates it and calls [`worker::run`]. The worker is started with the app, so
//! that it is up by the time a document needs it (measured: a worker started by a script of its own before
//! the app's WebAssembly loads brings a reloaded document's highlights only about 10 ms sooner).
//!
//! Why not a second binary built by Trunk as a worker, or gloo-worker (which needs one too): the
//! extractor's word lists and the standard library would ship twice (measured when it was tried: 445 KB
//! gzip for the two, against 398 KB for this one module then), and the worker would fetch and compile its own code after the
//! page's; this way nothing is downloaded or compiled twice. A plain `web_sys::Worker` rather than
//! gloo-worker's bridges, too, because the app must notice when the worker dies (a panic aborts and traps
//! its WebAssembly) and only the Worker's own `error` event says so. The worker's scripts come from our
//! own origin, so the Content-Security-Policy needs no `blob:` source.
//!
//! The worker answers its requests in order. At most one extraction and one import are in flight: a new
//! document while the worker is still busy terminates that worker and starts a fresh one (its work was all
//! for the old document and waiting for it could take seconds); a new import while an older one is in
//! flight does the same, and sends the fresh worker the open document's extraction again if that was still
//! unanswered. After a crash, both requests in flight fail and the worker is started again for the next
//! request. Answers carry the request id the reducer gave ([`crate::state::OpenDocument::serial`] for an
//! extraction, [`crate::state::ImportJob::request`] for an import); the reducer drops stale ones.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::events::EventListener;
use sidenote_annotate::model::Annotations;
use sidenote_annotate::Document;
use sidenote_extract::{Extraction, LineHint};
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

use crate::exports::ExportFormat;
use crate::services::download;
use crate::state::Action;
use crate::worker_protocol::{
    decode_message, encode_request, respond, ExportRequest, ExtractionRequest, ImportFormat, ImportRequest, Response,
    WorkerMessage, WorkerRequest,
};

/// The worker's script, copied by Trunk next to `index.html`; relative, so any public URL works.
const WORKER_SCRIPT: &str = "./extractor-worker.js";

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The URL of this module's JavaScript glue (`import.meta.url` in it), for the worker to import.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: String;
}

/// Handle on the extractor worker. Cloning shares the same worker.
#[derive(Clone)]
pub struct Extractor {
    shared: Rc<RefCell<Shared>>,
}

impl PartialEq for Extractor {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.shared, &other.shared)
    }
}

struct Shared {
    /// Where answers and failures go.
    dispatch: Callback<Action>,
    /// Whether the page URL has `?test-panic` (see `worker_protocol`).
    allow_test_panic: bool,
    /// The running worker, if any (none after a crash, until the next document).
    worker: Option<RunningWorker>,
}

struct RunningWorker {
    worker: web_sys::Worker,
    /// It has been sent the module (see [`boot`]).
    booted: bool,
    /// The extraction it is working on or will (requests posted while it starts wait in its script), with
    /// the request as posted, to post again if the worker is replaced to drop a superseded import.
    extraction: Option<(u64, Rc<str>)>,
    /// The import it is working on or will.
    import: Option<u64>,
    /// The exports it is working on or will, with the requests as posted, to post again if the worker is
    /// replaced (for a new document, or to drop a superseded import): an export asked for is never dropped.
    exports: Vec<(u64, Rc<str>)>,
    /// Its module runs (it said [`READY`]): a failure from now on is a crash on a request, not a start that
    /// failed (a script or module that would not load, which every later worker would repeat).
    ready: bool,
    /// Removed (and the worker's events ignored) when this is dropped.
    _listeners: [EventListener; 3],
}

impl Drop for RunningWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl Extractor {
    /// Starts the worker now, so that its WebAssembly loads while the page renders the text.
    pub fn spawn(dispatch: Callback<Action>) -> Extractor {
        let allow_test_panic = gloo::utils::window()
            .location()
            .search()
            .is_ok_and(|query| query.trim_start_matches('?').split('&').any(|flag| flag == "test-panic"));
        let shared = Rc::new(RefCell::new(Shared { dispatch, allow_test_panic, worker: None }));
        let worker = start_worker(&shared);
        shared.borrow_mut().worker = worker;
        Extractor { shared }
    }

    /// Asks for the extraction of a document's text; the answer arrives later as
    /// [`Action::ExtractionFinished`] or [`Action::ExtractionFailed`] with the same `request`.
    pub fn extract(&self, request: u64, text: &str, hints: &[LineHint]) {
        let message: Rc<str> = {
            let shared = self.shared.borrow();
            encode_request(&WorkerRequest::Extract(ExtractionRequest {
                request,
                text: Cow::Borrowed(text),
                hints: Cow::Borrowed(hints),
                allow_test_panic: shared.allow_test_panic,
            }))
            .into()
        };
        let busy = self
            .shared
            .borrow()
            .worker
            .as_ref()
            .is_none_or(|w| w.extraction.is_some() || w.import.is_some() || !w.exports.is_empty());
        let mut exports = Vec::new();
        if busy {
            // What is in flight was for a document no longer shown: dropping the worker terminates it. Exports
            // were asked of that document and carry everything they need: they are posted again after the new
            // extraction, which comes first.
            exports =
                self.shared.borrow_mut().worker.as_mut().map(|w| std::mem::take(&mut w.exports)).unwrap_or_default();
            self.replace_worker();
        }
        let failure = {
            let mut shared = self.shared.borrow_mut();
            match shared.worker.as_mut() {
                None => Err(UNSTARTED.to_string()),
                Some(worker) => post(worker, &message).map(|()| worker.extraction = Some((request, message))),
            }
        };
        let failure = failure.err().map(|message| Action::ExtractionFailed { request, message, started: false });
        emit(&self.shared, failure);
        self.post_exports(exports);
    }

    /// Asks for the files of an export of `document`; they download when the worker answers, and
    /// [`Action::ExportFinished`] or [`Action::ExportFailed`] follows with the same `request`. Without a
    /// worker (the browser would not start one) the files are written on the page: slow for a long
    /// document, but an export is never impossible.
    pub fn export(
        &self,
        request: u64,
        format: ExportFormat,
        document: &Document,
        extraction: &Extraction,
        annotations: &Annotations,
    ) {
        let stored = match crate::records::write_annotations(annotations, "") {
            Ok(stored) => stored,
            Err(message) => return emit(&self.shared, Some(Action::ExportFailed { request, message })),
        };
        let message: Rc<str> = encode_request(&WorkerRequest::Export(ExportRequest {
            request,
            format,
            title: Cow::Borrowed(&document.title),
            source_url: document.source_url.clone(),
            text: Cow::Borrowed(&document.text),
            extraction: Cow::Borrowed(extraction),
            annotations: Cow::Borrowed(&stored),
        }))
        .into();
        if self.shared.borrow().worker.is_none() {
            self.replace_worker();
        }
        if self.shared.borrow().worker.is_none() {
            return export_on_page(&self.shared, request, &message);
        }
        self.post_exports(vec![(request, message)]);
    }

    /// Posts exports to the worker (again, after it was replaced); each that cannot be posted fails.
    fn post_exports(&self, exports: Vec<(u64, Rc<str>)>) {
        for (request, message) in exports {
            let posted = {
                let mut shared = self.shared.borrow_mut();
                match shared.worker.as_mut() {
                    None => Err(UNSTARTED.to_string()),
                    Some(worker) => post(worker, &message).map(|()| worker.exports.push((request, message))),
                }
            };
            if let Err(message) = posted {
                emit(&self.shared, Some(Action::ExportFailed { request, message }));
            }
        }
    }

    /// Asks for an annotation file to be read and anchored on `document`; the answer arrives later as
    /// [`Action::ImportFinished`] or [`Action::ImportFailed`] with the same `request`.
    pub fn import(&self, request: u64, file: &str, format: ImportFormat, document: &Document) {
        let message = {
            let shared = self.shared.borrow();
            let allow_test_panic = shared.allow_test_panic;
            encode_request(&WorkerRequest::Import(ImportRequest::onto(
                request,
                file,
                format,
                document,
                allow_test_panic,
            )))
        };
        let (superseded, unstarted) = {
            let shared = self.shared.borrow();
            (shared.worker.as_ref().is_some_and(|w| w.import.is_some()), shared.worker.is_none())
        };
        let mut failures = Vec::new();
        if superseded {
            // The older import is not wanted any more and may take long (a hostile file): drop its worker,
            // but keep the open document's extraction going in the fresh one.
            let extraction = self.shared.borrow_mut().worker.as_mut().and_then(|w| w.extraction.take());
            let exports = self.shared.borrow_mut().worker.as_mut().map(|w| std::mem::take(&mut w.exports));
            self.replace_worker();
            if let Some((extracting, message)) = extraction {
                let mut shared = self.shared.borrow_mut();
                let posted = match shared.worker.as_mut() {
                    None => Err(UNSTARTED.to_string()),
                    Some(worker) => post(worker, &message).map(|()| worker.extraction = Some((extracting, message))),
                };
                if let Err(message) = posted {
                    failures.push(Action::ExtractionFailed { request: extracting, message, started: false });
                }
            }
            self.post_exports(exports.unwrap_or_default());
        } else if unstarted {
            self.replace_worker();
        }
        let posted = {
            let mut shared = self.shared.borrow_mut();
            match shared.worker.as_mut() {
                None => Err(UNSTARTED.to_string()),
                Some(worker) => post(worker, &message).map(|()| worker.import = Some(request)),
            }
        };
        if let Err(message) = posted {
            failures.push(Action::ImportFailed { request, message, started: false });
        }
        for failure in failures {
            emit(&self.shared, Some(failure));
        }
    }

    /// Terminates the worker, if any, and starts a fresh one.
    fn replace_worker(&self) {
        let old = self.shared.borrow_mut().worker.take();
        drop(old);
        let fresh = start_worker(&self.shared);
        self.shared.borrow_mut().worker = fresh;
    }
}

/// What a worker says first, once its module runs (before any answer, so that a crash on the first request
/// is not taken for a start that failed).
pub const READY: &str = "sidenote-worker-ready";

/// Why a request fails when no worker could be started.
const UNSTARTED: &str = "this browser could not start the extractor's worker";

/// Dispatches what a worker event decided. Always called after the shared state's borrow has ended:
/// dispatching re-renders, which may call [`Extractor::extract`] again.
fn emit(shared: &Rc<RefCell<Shared>>, action: Option<Action>) {
    if let Some(action) = action {
        let dispatch = shared.borrow().dispatch.clone();
        dispatch.emit(action);
    }
}

/// Posts a request to the worker (booting it first if needed); what went wrong if that fails.
fn post(worker: &mut RunningWorker, message: &str) -> Result<(), String> {
    if !worker.booted {
        boot(&worker.worker).map_err(|error| describe(&error))?;
        worker.booted = true;
    }
    worker.worker.post_message(&JsValue::from_str(message)).map_err(|error| describe(&error))
}

/// Sends the worker this module and its glue's URL, on which it instantiates the module: only with the first
/// request, so that a page that needs no extraction yet (the sample is extracted on the page) does not spend
/// its start-up instantiating the module twice.
fn boot(worker: &web_sys::Worker) -> Result<(), JsValue> {
    let message = js_sys::Object::new();
    let glue = GLUE_URL.with(|url| JsValue::from_str(url));
    js_sys::Reflect::set(&message, &JsValue::from_str("glue"), &glue)?;
    js_sys::Reflect::set(&message, &JsValue::from_str("module"), &wasm_bindgen::module())?;
    worker.post_message(&message)
}

/// Starts a worker and listens to it; `None` if the browser refuses to start one.
fn start_worker(shared: &Rc<RefCell<Shared>>) -> Option<RunningWorker> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(WORKER_SCRIPT, &options).ok()?;
    let on_message = {
        let shared = Rc::downgrade(shared);
        EventListener::new(&worker, "message", move |event| {
            let data = event.dyn_ref::<web_sys::MessageEvent>().map(|e| e.data()).unwrap_or_default();
            if let Some(files) = data.dyn_ref::<js_sys::Array>() {
                return exported(&shared, files);
            }
            let data = data.as_string();
            if data.as_deref() == Some(READY) {
                // From this worker: a replaced one's listeners went with it.
                if let Some(shared) = shared.upgrade() {
                    if let Some(worker) = shared.borrow_mut().worker.as_mut() {
                        worker.ready = true;
                    }
                }
                return;
            }
            received(&shared, data.as_deref().unwrap_or_default());
        })
    };
    let on_error = {
        let shared = Rc::downgrade(shared);
        EventListener::new(&worker, "error", move |event| {
            // Handled here: the browser need not report it as uncaught as well.
            event.prevent_default();
            let message = event.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()).unwrap_or_default();
            let Some(shared) = shared.upgrade() else { return };
            stopped(&shared, if message.is_empty() { "the worker could not run".into() } else { message });
        })
    };
    let on_message_error = {
        let shared = Rc::downgrade(shared);
        EventListener::new(&worker, "messageerror", move |_| {
            let Some(shared) = shared.upgrade() else { return };
            stopped(&shared, "the worker's answer could not be read".into());
        })
    };
    Some(RunningWorker {
        worker,
        booted: false,
        extraction: None,
        import: None,
        exports: Vec::new(),
        ready: false,
        _listeners: [on_message, on_error, on_message_error],
    })
}

/// A message from the worker.
fn received(shared: &Weak<RefCell<Shared>>, data: &str) {
    let Some(shared) = shared.upgrade() else { return };
    let action = match decode_message(data) {
        Ok(WorkerMessage::Extracted { request, extraction }) => {
            if let Some(worker) = shared.borrow_mut().worker.as_mut() {
                worker.extraction.take_if(|(extracting, _)| *extracting == request);
            }
            // Dispatched in the next task: reading a long document's answer and rendering its highlights
            // are each tens of milliseconds on the page's thread, and one task for both would be long.
            let action = Action::ExtractionFinished { request, extraction };
            let later = Rc::downgrade(&shared);
            wasm_bindgen_futures::spawn_local(async move {
                gloo::timers::future::TimeoutFuture::new(0).await;
                if let Some(shared) = later.upgrade() {
                    emit(&shared, Some(action));
                }
            });
            None
        }
        Ok(WorkerMessage::Imported { request, outcome }) => {
            if let Some(worker) = shared.borrow_mut().worker.as_mut() {
                worker.import.take_if(|importing| *importing == request);
            }
            Some(Action::ImportFinished { request, outcome })
        }
        Ok(WorkerMessage::ExportFailed { request, reason }) => {
            if let Some(worker) = shared.borrow_mut().worker.as_mut() {
                worker.exports.retain(|(exporting, _)| *exporting != request);
            }
            Some(Action::ExportFailed { request, message: reason })
        }
        Ok(WorkerMessage::Unreadable { reason }) => {
            stopped(&shared, format!("the worker could not read the request ({reason})"));
            None
        }
        Err(error) => {
            stopped(&shared, format!("unreadable answer ({error})"));
            None
        }
    };
    emit(&shared, action);
}

/// Writes an export on the page, as the worker would (`worker_protocol::respond` on the same request), for a
/// browser where no worker runs: slow for a long document, but an export is never impossible.
fn export_on_page(shared: &Rc<RefCell<Shared>>, request: u64, asked: &str) {
    let action = match respond(asked) {
        Response::Files { files, .. } => {
            match files.iter().find_map(|f| download::download(&f.name, f.mime, &f.contents).err()) {
                Some(message) => Action::ExportFailed { request, message },
                None => Action::ExportFinished { request },
            }
        }
        Response::Message(_) => Action::ExportFailed { request, message: "the export could not be written".into() },
    };
    emit(shared, Some(action));
}

/// An export's files from the worker: its request id, then each file's name, type and `Blob` (see
/// [`worker::run`]), handed to the browser's downloads.
fn exported(shared: &Weak<RefCell<Shared>>, files: &js_sys::Array) {
    let Some(shared) = shared.upgrade() else { return };
    // The id is a number the worker was sent, so it is whole and far below 2^53.
    let request = files.get(0).as_f64().unwrap_or_default() as u64;
    if let Some(worker) = shared.borrow_mut().worker.as_mut() {
        worker.exports.retain(|(exporting, _)| *exporting != request);
    }
    let mut failed = None;
    for at in (1..files.length()).step_by(3) {
        let name = files.get(at).as_string().unwrap_or_default();
        let downloaded = match files.get(at + 2).dyn_into::<web_sys::Blob>() {
            Ok(blob) => download::download_blob(&name, &blob),
            Err(_) => Err("the worker's file could not be read".to_string()),
        };
        failed = failed.or(downloaded.err());
    }
    emit(
        &shared,
        Some(match failed {
            Some(message) => Action::ExportFailed { request, message },
            None => Action::ExportFinished { request },
        }),
    );
}

/// The worker died (or cannot be trusted any more): fail its requests and drop it; the next request starts
/// a fresh one. Not restarted at once, so a worker that cannot even load is not restarted in a loop.
fn stopped(shared: &Rc<RefCell<Shared>>, message: String) {
    let dead = shared.borrow_mut().worker.take();
    let extraction = dead.as_ref().and_then(|w| w.extraction.as_ref().map(|(request, _)| *request));
    let import = dead.as_ref().and_then(|w| w.import);
    let exports: Vec<(u64, Rc<str>)> = dead.as_ref().map(|w| w.exports.clone()).unwrap_or_default();
    let started = dead.as_ref().is_some_and(|w| w.ready);
    // Terminates it and removes its listeners (wasm-bindgen keeps a listener alive until it returns, so
    // dropping the one running now is safe).
    drop(dead);
    web_sys::console::warn_1(&JsValue::from_str(&format!("Sidenote: the extractor's worker stopped: {message}")));
    // The import's message last, so it is the one shown: the user has just asked for it.
    emit(shared, extraction.map(|request| Action::ExtractionFailed { request, message: message.clone(), started }));
    for (request, asked) in exports {
        if started {
            emit(shared, Some(Action::ExportFailed { request, message: format!("the worker stopped: {message}") }));
        } else {
            // A worker that never ran (its script would not load) is no reason not to export: written here.
            export_on_page(shared, request, &asked);
        }
    }
    emit(shared, import.map(|request| Action::ImportFailed { request, message, started }));
}

/// A JavaScript error as text.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// The worker's side: the same module, instantiated in the worker, answering requests.
pub mod worker {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::prelude::wasm_bindgen;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    use crate::worker_protocol::{respond, Response, WorkerMessage};

    /// Called by `extractor-worker.js` once the module runs in the worker, with the requests that came
    /// meanwhile: answers each request (a [`crate::worker_protocol::WorkerRequest`] message) with one
    /// [`crate::worker_protocol::WorkerMessage`]. A panic aborts (release profile) and traps the WebAssembly: the exception reaches
    /// the page as the worker's `error` event.
    #[wasm_bindgen(js_name = sidenoteExtractorWorker)]
    pub fn run(early: js_sys::Array) {
        console_error_panic_hook::set_once();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        // Posting a string does not fail (see below).
        let _ = scope.post_message(&JsValue::from_str(super::READY));
        let replies = scope.clone();
        let reply = move |request: JsValue| {
            let answer = match respond(&request.as_string().unwrap_or_default()) {
                Response::Message(message) => JsValue::from_str(&message),
                Response::Files { request, files } => {
                    // The files as `Blob`s: the page gets them by reference, and never decodes a long string.
                    let message = js_sys::Array::of1(&JsValue::from_f64(request as f64));
                    let mut failed = None;
                    for file in &files {
                        match crate::services::download::blob(file.mime, &file.contents) {
                            Ok(blob) => {
                                message.push(&JsValue::from_str(&file.name));
                                message.push(&JsValue::from_str(file.mime));
                                message.push(&blob);
                            }
                            Err(reason) => failed = Some(reason),
                        }
                    }
                    match failed {
                        None => message.into(),
                        Some(reason) => {
                            JsValue::from_str(&crate::wire::encode(&WorkerMessage::ExportFailed { request, reason }))
                        }
                    }
                }
            };
            // Posting a string or Blobs does not fail; if it ever did, the page restarts this worker for the
            // next document.
            let _ = replies.post_message(&answer);
        };
        for request in early.iter() {
            reply(request);
        }
        let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| reply(event.data()));
        scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        onmessage.forget();
    }
}
