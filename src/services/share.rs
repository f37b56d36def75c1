//! Share links in the browser: the app's own address, the fragment a link was opened with, links pasted into
//! the address bar of an open tab, and copying a link. The fragment never leaves the browser.

use gloo::events::EventListener;
use sidenote_annotate::share_link;
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
            dispatch.emit(Action::OpenShared(fragment));
        }
    })
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
