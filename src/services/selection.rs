//! The DOM selection inside the article, as a byte span of the document text.
//!
//! The article is rendered in blocks (`data-block-start`: the block's first byte), only some of them in the
//! DOM. A boundary point is located by its block and its UTF-16 offset inside that block; the conversion
//! to the core's bytes is `view_model::core_offset` (tested natively), through the document's
//! `OffsetIndex`, and nowhere else in the app. Counting inside one block keeps the work proportional to a
//! block, and exact whatever is rendered before it.

use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::Span;
use wasm_bindgen::JsCast;

use crate::view_model::core_offset;

/// The byte offset stored in an element's attribute.
fn attribute(element: &web_sys::Element, name: &str) -> Option<usize> {
    element.get_attribute(name)?.parse().ok()
}

/// The block (or spacer) holding a DOM boundary point, as (the block's first byte, UTF-16 units from the
/// block's start to the point). A point between blocks counts as the start of the next one (or the end of
/// the last); a point in a spacer, whose text is not in the DOM, as the spacer's start.
fn block_point(article: &web_sys::Element, node: &web_sys::Node, offset: u32) -> Option<(usize, usize)> {
    let element = match node.dyn_ref::<web_sys::Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    if let Some(block) = element.closest("[data-block-start]").ok().flatten().filter(|b| article.contains(Some(b))) {
        let start = attribute(&block, "data-block-start")?;
        if block.has_attribute("data-block") {
            let range = gloo::utils::document().create_range().ok()?;
            range.set_start(&block, 0).ok()?;
            range.set_end(node, offset).ok()?;
            return Some((start, range.to_string().length() as usize));
        }
        return Some((start, 0));
    }
    // On the article (or the blocks' container): the child at `offset`, or past the last one.
    let children = node.child_nodes();
    let blocks = element.query_selector_all("[data-block-start]").ok()?;
    match children.item(offset) {
        Some(child) => {
            let child = child.dyn_into::<web_sys::Element>().ok()?;
            let first = if child.has_attribute("data-block-start") {
                child
            } else {
                child.query_selector("[data-block-start]").ok()??
            };
            Some((attribute(&first, "data-block-start")?, 0))
        }
        None => {
            let last = blocks.item(blocks.length().checked_sub(1)?)?.dyn_into::<web_sys::Element>().ok()?;
            Some((attribute(&last, "data-block-end")?, 0))
        }
    }
}

/// The rendered block (`data-block`) holding `node`.
fn block_of(node: &web_sys::Node) -> Option<web_sys::Node> {
    let element = match node.dyn_ref::<web_sys::Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    element.closest("[data-block]").ok().flatten().map(web_sys::Node::from)
}

/// Whether a block is on screen: rendered, not a spacer, not hidden (collapsed clutter has no boxes).
fn shown_block(node: &web_sys::Node) -> bool {
    node.dyn_ref::<web_sys::Element>().is_some_and(|e| e.has_attribute("data-block") && e.client_height() > 0)
}

/// The last (`forward`) or first shown block of the unbroken run of shown blocks that `block` belongs to.
fn shown_run_end(block: web_sys::Node, forward: bool) -> web_sys::Node {
    let mut end = block;
    loop {
        let next = if forward { end.next_sibling() } else { end.previous_sibling() };
        match next {
            Some(next) if shown_block(&next) => end = next,
            _ => return end,
        }
    }
}

/// Whether the browser's selection is a range of something (not a caret, not nothing).
pub fn is_range() -> bool {
    gloo::utils::window().get_selection().ok().flatten().is_some_and(|s| s.range_count() > 0 && !s.is_collapsed())
}

/// The selected words in `article`, if the selection covers any of them. A selection reaching beyond the
/// article (a drag released over the side panel, or past the article's last line) gives its part in the
/// article's rendered blocks: the words the user sees selected there (never the text of a spacer, which is
/// not on screen).
pub fn selected_span(article: &web_sys::Element, offsets: &OffsetIndex) -> Option<Span> {
    let selection = gloo::utils::window().get_selection().ok()??;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    if !range.intersects_node(article).ok()? {
        return None;
    }
    let whole = gloo::utils::document().create_range().ok()?;
    whole.select_node_contents(article).ok()?;
    let starts_before = range.compare_boundary_points(web_sys::Range::START_TO_START, &whole).ok()? < 0;
    let ends_after = range.compare_boundary_points(web_sys::Range::END_TO_END, &whole).ok()? > 0;
    if starts_before && ends_after {
        // Select-all, or a drag from above the article to below it: not words the user chose.
        return None;
    }
    // An end beyond the article stops where the shown text around the other end stops: at a spacer (text not
    // in the page) or a hidden block (collapsed clutter), never taking in text the user cannot see selected.
    let (start_node, start_offset) = match starts_before {
        true => {
            let inner = block_of(&range.end_container().ok()?)?;
            (shown_run_end(inner, false), 0)
        }
        false => (range.start_container().ok()?, range.start_offset().ok()?),
    };
    let (end_node, end_offset) = match ends_after {
        true => {
            let last = shown_run_end(block_of(&range.start_container().ok()?)?, true);
            let children = last.child_nodes().length();
            (last, children)
        }
        false => (range.end_container().ok()?, range.end_offset().ok()?),
    };
    let (start_block, start_in) = block_point(article, &start_node, start_offset)?;
    let (end_block, end_in) = block_point(article, &end_node, end_offset)?;
    // A boundary inside a surrogate pair (half an emoji) snaps outwards to whole characters.
    let start = core_offset(offsets, start_block, start_in, false)?;
    let end = core_offset(offsets, end_block, end_in, true)?;
    (start < end).then(|| Span::new(start, end))
}

/// The text node and offset at byte `target` of the document, inside the rendered block holding it.
fn dom_point(article: &web_sys::Element, offsets: &OffsetIndex, target: usize) -> Option<(web_sys::Node, u32)> {
    let blocks = article.query_selector_all("[data-block]").ok()?;
    let block = (0..blocks.length()).filter_map(|i| blocks.item(i)?.dyn_into::<web_sys::Element>().ok()).find(|b| {
        matches!((attribute(b, "data-block-start"), attribute(b, "data-block-end")), (Some(s), Some(e)) if s <= target && target <= e)
    })?;
    let within = offsets.byte_to_utf16(target)? - offsets.byte_to_utf16(attribute(&block, "data-block-start")?)?;
    let walker = gloo::utils::document().create_tree_walker_with_what_to_show(&block, 4).ok()?; // SHOW_TEXT
    let mut seen = 0usize;
    while let Ok(Some(node)) = walker.next_node() {
        let len = node.text_content().map_or(0, |t| t.encode_utf16().count());
        if seen + len >= within {
            return Some((node, (within - seen) as u32));
        }
        seen += len;
    }
    None
}

/// Shows `span` as the browser's selection inside `article` (for keyboard selection), unless it already is.
/// The blocks holding its ends are rendered (the article keeps them).
pub fn show(article: &web_sys::Element, offsets: &OffsetIndex, span: Span) {
    if selected_span(article, offsets) == Some(span) {
        return;
    }
    let (Some((start_node, start_offset)), Some((end_node, end_offset))) =
        (dom_point(article, offsets, span.start), dom_point(article, offsets, span.end))
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
