//! Scrolling to words in the article and flashing them; moving the keyboard focus.

use wasm_bindgen::JsCast;

/// Scrolls the piece that starts at byte `start` into view and flashes it briefly. The article keeps the
/// block holding it rendered. Near words scroll smoothly; far ones at once, since the blocks rendered on the
/// way (whose heights were estimated) would move a smooth scroll's destination while it runs.
///
/// Words inside a piece (a match of the app's find, say) have no element of their own: the piece holding
/// them is scrolled to, and not flashed (the app shows them as the selection instead).
pub fn scroll_and_flash(start: usize) {
    let selector = format!("[data-testid=article] [data-start=\"{start}\"]");
    let Ok(Some(element)) = gloo::utils::document().query_selector(&selector) else {
        if let Some(holder) = rendered_piece_holding(start) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            holder.scroll_into_view_with_scroll_into_view_options(&options);
        }
        return;
    };
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

/// The innermost rendered piece whose words hold byte `offset`.
fn rendered_piece_holding(offset: usize) -> Option<web_sys::Element> {
    let pieces = gloo::utils::document().query_selector_all("[data-testid=article] [data-start]").ok()?;
    let mut holder = None;
    for index in 0..pieces.length() {
        let Some(piece) = pieces.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) else {
            continue;
        };
        let bound = |name: &str| piece.get_attribute(name).and_then(|value| value.parse::<usize>().ok());
        if let (Some(start), Some(end)) = (bound("data-start"), bound("data-end")) {
            if start <= offset && offset < end {
                holder = Some(piece);
            }
        }
    }
    holder
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

/// Moves the keyboard focus to the element `selector` finds (scrolling it into view), only if the focus was
/// lost to the page's body, or is on a button just disabled (the last redo's): for an element that reappears
/// after a render, without taking the focus from wherever the user has put it meanwhile.
pub fn focus_if_lost(selector: &str) {
    let document = gloo::utils::document();
    let lost = match (document.active_element(), document.body()) {
        (Some(active), Some(body)) => active == *body.as_ref() || active.has_attribute("disabled"),
        _ => true,
    };
    if lost {
        focus_into_view(selector);
    }
}

/// Moves the keyboard focus to the element `selector` finds, scrolling it into view as a plain `focus()` does
/// (for a question that has just appeared, which the user must see).
pub fn focus_into_view(selector: &str) {
    let Ok(Some(element)) = gloo::utils::document().query_selector(selector) else { return };
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// Moves the keyboard focus to the search box and selects what it holds, as a browser's find bar opens
/// with its last search selected.
pub fn focus_search() {
    focus("[data-testid=search]");
    let Ok(Some(element)) = gloo::utils::document().query_selector("[data-testid=search]") else { return };
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
    }
}

/// The words of the highlight that has the keyboard focus (its own words: the entity's or quotation's whole
/// span, as Enter or a click selects them), if the focus is on one.
pub fn focused_highlight() -> Option<sidenote_extract::Span> {
    let focused = gloo::utils::document().active_element()?;
    let mark = focused.closest("mark.hl").ok().flatten()?;
    let start = mark.get_attribute("data-own-start")?.parse().ok()?;
    let end = mark.get_attribute("data-own-end")?.parse().ok()?;
    Some(sidenote_extract::Span::new(start, end))
}
