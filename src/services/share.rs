//! Share links in the browser: the app's own address, the fragment a link was opened with, links pasted into
//! the address bar of an open tab, compressing and inflating a link's payload, and copying a link. The
//! fragment never leaves the browser.
//!
//! The payload is (de)compressed by the browser's `CompressionStream`/`DecompressionStream` ("deflate-raw",
//! the raw DEFLATE links have always carried) instead of a deflate compiled into the Wasm (15 KB gzipped);
//! what a link carries and how it is read stays in the core (`share_link`), tested natively.

use gloo::events::EventListener;
use js_sys::Uint8Array;
use sidenote_annotate::share_link::{self, ShareError};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, ReadableStreamReadResult, ReadableWritablePair};
use yew::Callback;

use crate::state::Action;

/// The app's address without its fragment: the base of every share link made here.
pub fn app_base() -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    format!("{origin}{path}{search}")
}

/// The share link in the address, if the page was opened with one. It is removed from the address bar, so
/// that a reload later (after opening other documents) does not reopen the shared document.
pub fn take_fragment() -> Option<String> {
    let hash = gloo::utils::window().location().hash().ok()?;
    if !share_link::is_share_fragment(&hash) {
        return None;
    }
    if let Ok(history) = gloo::utils::window().history() {
        // Failing to tidy the address bar costs nothing but a reopened link on reload.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&app_base()));
    }
    Some(hash.trim_start_matches('#').to_string())
}

/// Opens share links pasted into the address bar of a tab where Sidenote is already open: the browser then
/// changes only the fragment and does not reload.
pub fn listen_for_links(dispatch: Callback<Action>) -> EventListener {
    EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
        if let Some(fragment) = take_fragment() {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(
                async move { dispatch.emit(Action::OpenShared(inflate(&fragment).await)) },
            );
        }
    })
}

#[wasm_bindgen]
extern "C" {
    /// A compressing stream: what is written to its writable side comes out compressed on its readable side.
    type CompressionStream;
    #[wasm_bindgen(constructor, catch, js_class = "CompressionStream")]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    /// Its inverse.
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch, js_class = "DecompressionStream")]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// `bytes` through `transform` (a readable/writable pair); `None` if the stream refuses them (compressed data
/// cut short or altered) or more than `limit` bytes come out.
async fn through(transform: &ReadableWritablePair, bytes: &[u8], limit: usize) -> Option<Vec<u8>> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?;
    let reader: ReadableStreamDefaultReader = blob.stream().pipe_through(transform).get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk: ReadableStreamReadResult = JsFuture::from(reader.read()).await.ok()?.unchecked_into();
        if chunk.get_done().unwrap_or(true) {
            return Some(out);
        }
        let chunk = chunk.get_value().dyn_ref::<Uint8Array>()?.to_vec();
        if out.len() + chunk.len() > limit {
            // Stops the stream: a crafted link (deflate reaches ~1000:1) is not inflated any further.
            let _ = reader.cancel();
            return None;
        }
        out.extend_from_slice(&chunk);
    }
}

/// The share-link payload `json` compressed (raw DEFLATE), for [`Action::ShareLinkMade`].
pub async fn deflate(json: String) -> Result<Vec<u8>, ShareError> {
    let stream = CompressionStream::new("deflate-raw").map_err(|_| ShareError::Unsupported)?;
    // Nothing caps what compression writes: the payload is already limited (`share_link::payload`).
    through(stream.unchecked_ref(), json.as_bytes(), usize::MAX).await.ok_or(ShareError::Unsupported)
}

/// The payload a share link's fragment carries, inflated, for [`Action::OpenShared`]: at most
/// `share_link::MAX_PAYLOAD_BYTES`, or the link is refused as damaged.
pub async fn inflate(fragment: &str) -> Result<Vec<u8>, ShareError> {
    let deflated = share_link::deflated_payload(fragment)?;
    let stream = DecompressionStream::new("deflate-raw").map_err(|_| ShareError::Unsupported)?;
    through(stream.unchecked_ref(), &deflated, share_link::MAX_PAYLOAD_BYTES)
        .await
        .ok_or_else(share_link::not_inflatable)
}

/// Puts `link` on the clipboard; the error is a sentence for the user (headless or unfocused pages, or a
/// browser without the asynchronous clipboard, refuse).
pub async fn copy(link: String) -> Result<(), String> {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&link))
        .await
        .map(|_| ())
        .map_err(|_| "The browser did not allow copying: select the link and copy it by hand.".to_string())
}
