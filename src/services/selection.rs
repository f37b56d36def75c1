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

/// The text node and offset inside `article` at UTF-16 offset `target` of its text.
fn dom_point(article: &web_sys::Element, target: usize) -> Option<(web_sys::Node, u32)> {
    let walker = gloo::utils::document().create_tree_walker_with_what_to_show(article, 4).ok()?; // SHOW_TEXT
    let mut seen = 0usize;
    while let Ok(Some(node)) = walker.next_node() {
        let len = node.text_content().map_or(0, |t| t.encode_utf16().count());
        if seen + len >= target {
            return Some((node, (target - seen) as u32));
        }
        seen += len;
    }
    None
}

/// Shows `span` as the browser's selection inside `article` (for keyboard selection), unless it already is.
pub fn show(article: &web_sys::Element, offsets: &OffsetIndex, span: Span) {
    if selected_span(article, offsets) == Some(span) {
        return;
    }
    let (Some(start), Some(end)) = (offsets.byte_to_utf16(span.start), offsets.byte_to_utf16(span.end)) else { return };
    let (Some((start_node, start_offset)), Some((end_node, end_offset))) =
        (dom_point(article, start), dom_point(article, end))
    else {
        return;
    };
    let Ok(range) = gloo::utils::document().create_range() else { return };
    if range.set_start(&start_node, start_offset).is_err() || range.set_end(&end_node, end_offset).is_err() {
        return;
    }
    if let Ok(Some(selection)) = gloo::utils::window().get_selection() {
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }
}

/// Clears the browser's selection (after its words became a note or an entity).
pub fn clear() {
    if let Ok(Some(selection)) = gloo::utils::window().get_selection() {
        let _ = selection.remove_all_ranges();
    }
}
