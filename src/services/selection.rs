//! The DOM selection inside the article, as a byte span of the document text.
//!
//! The DOM counts UTF-16 code units; the conversion to the core's bytes happens here, through the
//! document's `OffsetIndex`, and nowhere else in the app.

use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::Span;

/// UTF-16 offset of a DOM boundary point, counted over the article's text from its start.
fn utf16_offset(article: &web_sys::Element, node: &web_sys::Node, offset: u32) -> Option<usize> {
    let range = gloo::utils::document().create_range().ok()?;
    range.set_start(article, 0).ok()?;
    range.set_end(node, offset).ok()?;
    Some(String::from(range.to_string()).encode_utf16().count())
}

/// The selected words, if the selection lies inside `article` and is not empty.
pub fn selected_span(article: &web_sys::Element, offsets: &OffsetIndex) -> Option<Span> {
    let selection = gloo::utils::window().get_selection().ok()??;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let ancestor = range.common_ancestor_container().ok()?;
    if !article.contains(Some(&ancestor)) {
        return None;
    }
    let start = utf16_offset(article, &range.start_container().ok()?, range.start_offset().ok()?)?;
    let end = utf16_offset(article, &range.end_container().ok()?, range.end_offset().ok()?)?;
    // A boundary inside a surrogate pair (half an emoji) snaps outwards to whole characters.
    let start = (0..=start).rev().find_map(|u| offsets.utf16_to_byte(u))?;
    let end = (end..=offsets.len_utf16()).find_map(|u| offsets.utf16_to_byte(u))?;
    (start < end).then(|| Span::new(start, end))
}

/// Clears the browser's selection (after its words became a note or an entity).
pub fn clear() {
    if let Ok(Some(selection)) = gloo::utils::window().get_selection() {
        let _ = selection.remove_all_ranges();
    }
}
