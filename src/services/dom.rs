//! Scrolling to words in the article and flashing them; moving the keyboard focus.

use wasm_bindgen::JsCast;

/// Scrolls the piece that starts at byte `start` into view and flashes it briefly. The article keeps the
/// block holding it rendered. Near words scroll smoothly; far ones at once, since the blocks rendered on the
/// way (whose heights were estimated) would move a smooth scroll's destination while it runs.
pub fn scroll_and_flash(start: usize) {
    let selector = format!("[data-testid=article] [data-start=\"{start}\"]");
    let Ok(Some(element)) = gloo::utils::document().query_selector(&selector) else { return };
    let screen = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
    let top = element.get_bounding_client_rect().top();
    let near = top > -screen && top < 2.0 * screen;
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(if near { web_sys::ScrollBehavior::Smooth } else { web_sys::ScrollBehavior::Instant });
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    let _ = element.class_list().remove_1("flash");
    // Reading the width restarts the CSS animation when the same words are flashed twice in a row.
    if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.offset_width();
    }
    let _ = element.class_list().add_1("flash");
}

/// Moves the keyboard focus to the first element matching `selector`, without scrolling: used when the
/// element that had the focus goes away (a closed editor or panel), so keyboard users are never left on
/// the page's body.
pub fn focus(selector: &str) {
    let Ok(Some(element)) = gloo::utils::document().query_selector(selector) else { return };
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}
