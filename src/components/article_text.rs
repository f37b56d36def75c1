//! The article's text with its highlights: entities, quotations and notes (which may overlap and nest),
//! rendered in blocks of which only those near the viewport are in the DOM.
//!
//! The text is cut into blocks (`view_model::block_bounds`: runs of paragraphs, capped); the blocks in a
//! window around the viewport are rendered by [`ArticleBlock`], the others stand in as spacers of their
//! height (measured once rendered, estimated from their line count before), so the page's scroll height
//! stays that of the whole text. A block also stays rendered while it holds an end of the selection, the
//! focused highlight, or words to scroll to (`keep`), so every position the app uses is in the DOM when it
//! is needed. Props compare the document and annotations by pointer; selecting words changes only `keep`.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use gloo::events::EventListener;
use sidenote_annotate::model::{Annotations, Decision};
use sidenote_extract::Span;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::hooks::use_effect_on;

use super::article_block::ArticleBlock;
use crate::state::{Layer, OpenDocument};
use crate::view_model::{
    block_at, block_bounds, blocks_in_view, estimated_lines, runs, ArticleModel, Run, BLOCK_CAP, BLOCK_TARGET,
};

/// Props of [`ArticleText`].
#[derive(Properties)]
pub struct ArticleTextProps {
    /// The open article.
    pub open: Rc<OpenDocument>,
    /// The user's annotations.
    pub annotations: Rc<Annotations>,
    /// Layers switched off.
    pub hidden: crate::state::LayerSet,
    /// The note whose card is open.
    pub active_note: Option<String>,
    /// Byte offsets whose blocks must be rendered (the state's selection, words being flashed).
    pub keep: Vec<usize>,
    /// Whether clutter is collapsed: every block's height changes with it.
    pub hide_clutter: bool,
    /// Every block rendered, none left as a spacer: while the browser prints, the whole text is on paper.
    pub whole: bool,
}

impl PartialEq for ArticleTextProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.open, &other.open)
            && Rc::ptr_eq(&self.annotations, &other.annotations)
            && self.hidden == other.hidden
            && self.active_note == other.active_note
            && self.keep == other.keep
            && self.hide_clutter == other.hide_clutter
            && self.whole == other.whole
    }
}

/// Texts up to this size are rendered whole: their DOM is small, and the browser's own find-in-page sees
/// all of them.
pub const RENDER_ALL_BELOW: usize = 64 * 1024;
/// Pixels rendered beyond the viewport on each side, in viewport heights.
const MARGIN_SCREENS: f64 = 1.0;
/// A line's height before any block was measured (1.05rem × 1.6).
const DEFAULT_LINE_PX: f64 = 27.0;
/// A character's average width before any block was measured.
const CHAR_PX: f64 = 8.5;

/// What the virtual list knows between renders: which blocks are in view, which are pinned by the DOM
/// (the browser's selection, the focus), and the blocks' heights.
struct Viewport {
    /// The document the heights belong to (its serial and block count), and whether clutter was collapsed.
    document: (u64, usize, bool),
    /// Blocks overlapping the viewport and its margins.
    window: Range<usize>,
    /// Blocks holding the browser selection's anchor and focus, and the focused element.
    dom_pins: Vec<usize>,
    /// Measured heights (`None`: never rendered yet).
    measured: Vec<Option<f64>>,
    /// Estimated line counts at `chars_per_line`.
    lines: Vec<usize>,
    /// The width the line counts assume.
    chars_per_line: usize,
    /// Pixels per line, from the blocks measured so far.
    line_px: f64,
    /// The text is short enough to be rendered whole.
    everything: bool,
    /// The reader is at the end of the page (pressed End, dragged the scroll bar down): the end stays in view
    /// while the last blocks are measured, instead of the page growing under a reader who then stops short.
    at_end: bool,
}

impl Viewport {
    fn new() -> Self {
        Viewport {
            document: (u64::MAX, 0, false),
            window: 0..0,
            dom_pins: Vec::new(),
            measured: Vec::new(),
            lines: Vec::new(),
            chars_per_line: 80,
            line_px: DEFAULT_LINE_PX,
            everything: false,
            at_end: false,
        }
    }

    /// Starts over for another document: the first blocks are rendered until the window is measured.
    fn reset(&mut self, document: (u64, usize, bool), text: &str, bounds: &[Span]) {
        self.document = document;
        self.measured = vec![None; bounds.len()];
        self.lines = bounds.iter().map(|b| estimated_lines(b.slice(text), self.chars_per_line)).collect();
        self.dom_pins.clear();
        self.at_end = false;
        self.everything = text.len() <= RENDER_ALL_BELOW;
        if self.everything {
            self.window = 0..bounds.len();
            return;
        }
        // Enough for a first screen, before anything is measured.
        let mut height = 0.0;
        let mut end = 0;
        while end < bounds.len() && height < 3000.0 {
            height += self.height(end);
            end += 1;
        }
        self.window = 0..end;
    }

    fn height(&self, block: usize) -> f64 {
        self.measured[block].unwrap_or_else(|| self.lines[block] as f64 * self.line_px)
    }

    fn heights(&self) -> Vec<f64> {
        (0..self.measured.len()).map(|i| self.height(i)).collect()
    }
}

/// The block index an element (or the element around a text node) belongs to, if it is a rendered block.
fn block_of(node: Option<web_sys::Node>) -> Option<usize> {
    let node = node?;
    let element = match node.dyn_ref::<web_sys::Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    element.closest("[data-block]").ok()??.get_attribute("data-block")?.parse().ok()
}

/// Whether the page is scrolled to its end (within a few pixels).
fn page_at_end() -> bool {
    let window = gloo::utils::window();
    let Some(root) = gloo::utils::document().document_element() else { return false };
    let scrolled = window.scroll_y().unwrap_or(0.0);
    let screen = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
    scrolled > 0.0 && scrolled + screen >= f64::from(root.scroll_height()) - 4.0
}

/// Scrolls the page to its end.
fn scroll_to_end() {
    if let Some(root) = gloo::utils::document().document_element() {
        gloo::utils::window().scroll_to_with_x_and_y(0.0, f64::from(root.scroll_height()));
    }
}

/// Recomputes the window from the container's position on the page; true when it changed.
fn update_window(container: &web_sys::Element, viewport: &RefCell<Viewport>) -> bool {
    let top = container.get_bounding_client_rect().top();
    let screen = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
    let margin = screen * MARGIN_SCREENS;
    let mut viewport = viewport.borrow_mut();
    if viewport.everything {
        return false;
    }
    let window = blocks_in_view(&viewport.heights(), -top - margin, -top + screen + margin);
    if window == viewport.window {
        return false;
    }
    viewport.window = window;
    true
}

/// Reads the rendered blocks' heights (and, once, the width in characters) after a render.
fn measure(container: &web_sys::Element, viewport: &RefCell<Viewport>, text: &str, bounds: &[Span]) {
    let mut viewport = viewport.borrow_mut();
    if viewport.measured.len() != bounds.len() {
        return;
    }
    let children = container.children();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else { continue };
        let Some(index) = child.get_attribute("data-block").and_then(|b| b.parse::<usize>().ok()) else { continue };
        if index >= bounds.len() {
            continue;
        }
        let height = child.get_bounding_client_rect().height();
        viewport.measured[index] = Some(height);
    }
    // Pixels per line over every block measured so far: it settles as blocks are seen, so the estimates of
    // the others (and the page's height) do not swing with each scroll.
    let (px, lines) = viewport
        .measured
        .iter()
        .zip(&viewport.lines)
        .filter_map(|(m, l)| m.map(|m| (m, *l)))
        .fold((0.0, 0usize), |(px, lines), (m, l)| (px + m, lines + l));
    if lines > 0 && px > 0.0 {
        viewport.line_px = px / lines as f64;
    }
    let chars_per_line = ((container.client_width() as f64 / CHAR_PX) as usize).max(20);
    if chars_per_line.abs_diff(viewport.chars_per_line) * 10 > viewport.chars_per_line {
        viewport.chars_per_line = chars_per_line;
        viewport.lines = bounds.iter().map(|b| estimated_lines(b.slice(text), chars_per_line)).collect();
    }
}

/// Renders the blocks near the viewport and spacers for the rest.
#[component]
pub fn ArticleText(props: &ArticleTextProps) -> Html {
    let container = use_node_ref();
    let viewport = use_mut_ref(Viewport::new);
    let rerender = use_force_update();
    let bounds = use_memo(props.open.clone(), |open| block_bounds(open.text(), BLOCK_TARGET, BLOCK_CAP));
    // Pieces by block, recomputed when the document, annotations or display change; each block's segments
    // are resolved when it is first rendered.
    let model = use_memo(
        (
            props.open.clone(),
            props.annotations.clone(),
            props.hidden.clone(),
            props.active_note.clone(),
            bounds.clone(),
        ),
        |(open, annotations, hidden, _, bounds)| {
            let entities = annotations.shown_entities(&open.extraction);
            // Every anchored note keeps its line shown when clutter is collapsed, highlighted or not.
            let noted: Vec<Span> = annotations.notes.iter().filter_map(|n| n.span).collect();
            let note_spans: Vec<(usize, Span)> = if hidden.contains(&Layer::Note) {
                Vec::new()
            } else {
                annotations.notes.iter().enumerate().filter_map(|(i, n)| n.span.map(|s| (i, s))).collect()
            };
            // Rejected quotations are hidden like rejected entities.
            let quotes: Vec<sidenote_extract::Quote> = open
                .extraction
                .quotes
                .iter()
                .filter(|q| annotations.quote_decision(q.span) != Some(Decision::Reject))
                .cloned()
                .collect();
            ArticleModel::new(open.text(), &open.extraction.body, entities, quotes, &note_spans, &noted, bounds)
        },
    );
    {
        // Collapsing clutter (or showing it) leaves every measured height wrong: measure again, from the
        // first screen's estimate, as for a new document; the effect below then moves the window to the
        // viewport, so the reader never faces a spacer where text now is.
        let document = (props.open.serial, bounds.len(), props.hide_clutter);
        let mut viewport = viewport.borrow_mut();
        if viewport.document != document {
            viewport.reset(document, props.open.text(), &bounds);
        }
    }

    // Scrolling and resizing move the window; the selection and the focus pin their blocks.
    {
        let container = container.clone();
        let viewport = viewport.clone();
        let rerender = rerender.clone();
        use_effect_on((), move |_| {
            let on_move = {
                let (container, viewport, rerender) = (container.clone(), viewport.clone(), rerender.clone());
                move |_: &Event| {
                    if let Some(element) = container.cast::<web_sys::Element>() {
                        viewport.borrow_mut().at_end = page_at_end();
                        if update_window(&element, &viewport) {
                            rerender.force_update();
                        }
                    }
                }
            };
            let window = gloo::utils::window();
            let scroll = EventListener::new(&window, "scroll", on_move.clone());
            let resize = EventListener::new(&window, "resize", on_move);
            let pin = {
                let (container, viewport, rerender) = (container.clone(), viewport.clone(), rerender.clone());
                move |_: &Event| {
                    let Some(element) = container.cast::<web_sys::Element>() else { return };
                    let inside = |node: Option<web_sys::Node>| node.filter(|n| element.contains(Some(n)));
                    let mut pins = Vec::new();
                    if let Ok(Some(selection)) = gloo::utils::window().get_selection() {
                        if selection.range_count() > 0 && !selection.is_collapsed() {
                            pins.extend(block_of(inside(selection.anchor_node())));
                            pins.extend(block_of(inside(selection.focus_node())));
                        }
                    }
                    let focused = gloo::utils::document().active_element().map(web_sys::Node::from);
                    pins.extend(block_of(inside(focused)));
                    let mut viewport = viewport.borrow_mut();
                    if viewport.dom_pins != pins {
                        viewport.dom_pins = pins;
                        drop(viewport);
                        rerender.force_update();
                    }
                }
            };
            let document = gloo::utils::document();
            let selection = EventListener::new(&document, "selectionchange", pin.clone());
            let focus = EventListener::new(&document, "focusin", pin);
            move || drop((scroll, resize, selection, focus))
        });
    }

    // After every render: measure what was rendered, then make sure the window still matches the viewport.
    {
        let container = container.clone();
        let viewport = viewport.clone();
        let rerender = rerender.clone();
        let open = props.open.clone();
        let bounds = bounds.clone();
        use_effect(move || {
            if let Some(element) = container.cast::<web_sys::Element>() {
                measure(&element, &viewport, open.text(), &bounds);
                // Blocks measured other than estimated moved the end (the estimates of every block not yet
                // measured follow the measured ones): follow it.
                let follow = {
                    let viewport = viewport.borrow();
                    viewport.at_end && !viewport.everything
                };
                if follow && !page_at_end() {
                    scroll_to_end();
                }
                if update_window(&element, &viewport) {
                    rerender.force_update();
                }
            }
        });
    }

    let state = viewport.borrow();
    let mut pinned: Vec<usize> = props.keep.iter().map(|&offset| block_at(&bounds, offset)).collect();
    pinned.extend(state.dom_pins.iter().copied());
    let window = if props.whole {
        0..bounds.len()
    } else {
        state.window.start.min(bounds.len())..state.window.end.min(bounds.len())
    };
    // One flat keyed list, so that blocks entering or leaving the window leave the others' DOM untouched.
    let mut rendered: Vec<Html> = Vec::new();
    for run in runs(bounds.len(), window, &pinned) {
        match run {
            Run::Rendered(range) => rendered.extend(range.map(|i| {
                html! {
                    <ArticleBlock key={i} open={props.open.clone()} index={i} span={bounds[i]}
                                  segments={model.segments(i, props.open.text(), &props.annotations, &props.hidden, props.active_note.as_deref())} />
                }
            })),
            Run::Spacer(range) => {
                let height: f64 = range.clone().map(|i| state.height(i)).sum();
                let (start, end) = (bounds[range.start].start, bounds[range.end - 1].end);
                // The height is an SVG presentation attribute: the Content-Security-Policy refuses `style`
                // attributes, and setting it from an effect would leave the spacer flat until the effect ran.
                // Rounded as `{:.0}` would, without the float formatter (about 11 KB of Wasm).
                rendered.push(html! {
                    <div key={format!("spacer-{}", range.start)} class="spacer" aria-hidden="true"
                         data-block-start={start.to_string()} data-block-end={end.to_string()}>
                        <svg width="1" height={(height.round_ties_even() as u64).to_string()} focusable="false"></svg>
                    </div>
                });
            }
        }
    }
    html! { <div class="blocks" ref={container}>{ for rendered }</div> }
}
