//! Working offline: registers the service worker (`sw.js`, copied to the site's root by Trunk), which
//! keeps the app's files so that Sidenote opens with the network off after the first visit.

/// Registers the service worker. Failure only means no offline use (a browser without service workers, a
/// private window, a page not served over HTTPS or from localhost): the app itself works as before.
pub fn register_service_worker() {
    let navigator = gloo::utils::window().navigator();
    // `serviceWorker` is missing, not null, in insecure contexts: check before touching it.
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let registration = navigator.service_worker().register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // Nothing to tell the user: the app already works; only offline use is lost.
        let _ = wasm_bindgen_futures::JsFuture::from(registration).await;
    });
}
