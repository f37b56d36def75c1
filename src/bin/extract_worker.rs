//! The extractor's Web Worker: the same Rust core as the app, run off the page's main thread so that long
//! documents never freeze it. Trunk builds this binary as a worker (`data-type="worker"` in `index.html`)
//! with a loader script, `extract_worker_loader.js`, that `services::extractor` starts.
//!
//! It answers each request (a JSON [`worker_protocol::ExtractionRequest`]) with one JSON
//! [`worker_protocol::WorkerMessage`]. A panic aborts (release profile) and traps the WebAssembly: the
//! exception reaches the page as the worker's `error` event, and the app restarts the worker.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

// Included by path rather than imported from the library, so this binary does not name the package.
#[path = "../worker_protocol.rs"]
mod worker_protocol;

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let request = event.data().as_string().unwrap_or_default();
        let reply = worker_protocol::answer(&request);
        // A reply that cannot be posted leaves the app waiting only until its next document: it then
        // restarts this worker.
        let _ = replies.post_message(&JsValue::from_str(&reply));
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    onmessage.forget();
    // Messages posted before the WebAssembly was running were dropped: tell the app it may send now.
    let _ = scope.post_message(&JsValue::from_str(&worker_protocol::to_json(&worker_protocol::WorkerMessage::Ready)));
}
