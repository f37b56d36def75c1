//! The article: its text (rendered by [`ArticleText`]) and everything the user does on it with mouse,
//! touch and keyboard — selecting words, clicking highlights, Shift+arrows — plus scrolling to and
//! flashing words, and showing the state's selection as the browser's selection.

use std::rc::Rc;

use sidenote_annotate::model::Annotations;
use sidenote_extract::Span;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use gloo::events::EventListener;

use crate::hooks::use_effect_on;

use super::article_text::ArticleText;
use crate::services;
use crate::state::{ExtractionProgress, Flash, LayerSet, OpenDocument};

/// What [`article_view`] shows and whom it calls.
pub struct ArticleViewProps {
    /// The article element's reference ([`use_article`], the App's).
    pub article_ref: NodeRef,
    /// The open article.
    pub open: Rc<OpenDocument>,
    /// The user's annotations.
    pub annotations: Rc<Annotations>,
    /// Layers switched off.
    pub hidden: LayerSet,
    /// Whether clutter is collapsed.
    pub hide_clutter: bool,
    /// Every block rendered (while printing).
    pub whole: bool,
    /// The current selection.
    pub selection: Option<Span>,
    /// The note whose card is open.
    pub active_note: Option<String>,
    /// What to scroll to and flash.
    pub flash: Option<Flash>,
    /// Called with the words the user selected (or `None` when the selection is cleared).
    pub onselect: Callback<Option<Span>>,
    /// Called when the user clicks a note's highlight.
    pub onfocusnote: Callback<String>,
    /// Called for Shift+arrow keys: (forward, by word, where a new selection starts).
    pub onextend: Callback<(bool, bool, usize)>,
}

/// The byte range stored on a piece element (`data-start`, `data-end`).
fn element_span(element: &web_sys::Element) -> Option<Span> {
    let start = element.get_attribute("data-start")?.parse().ok()?;
    let end = element.get_attribute("data-end")?.parse().ok()?;
    Some(Span::new(start, end))
}

/// Whether the keyboard is in a field (a note's text, the search box): a selection there is the field's.
fn typing_in_a_field() -> bool {
    gloo::utils::document().active_element().is_some_and(|element| {
        matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA")
            || element.dyn_ref::<web_sys::HtmlElement>().is_some_and(|e| e.is_content_editable())
    })
}

/// The article's hooks, the App's (the article is a plain render function): its element's reference, which
/// it gives back, scrolling to and flashing `flash`, showing the state's `selection` as the browser's, and
/// reading the browser's selection into the state (`onselect`) whenever it settles.
#[hook]
pub fn use_article(
    open: &Rc<OpenDocument>,
    flash: &Option<Flash>,
    selection: Option<Span>,
    onselect: Callback<Option<Span>>,
) -> NodeRef {
    let article_ref = use_node_ref();
    // The state's selection as of the last render, for the listeners below (registered once per document).
    let current = use_mut_ref(|| None);
    *current.borrow_mut() = selection;
    {
        // The selection is read when it settles anywhere in the page, not only on a release over the article: a
        // drag released past the article's edge or over the side panel, Shift+End or Shift+↓, a phone's
        // selection handles all change it without one, and the words selected before would stay the state's,
        // so that N put the note on them (a note on other words than the ones on screen). While a mouse button
        // is down the selection is still being dragged: read on its release.
        let article_ref = article_ref.clone();
        let open = open.clone();
        use_effect_on(open.serial, move |_| {
            let read = move || {
                let Some(article) = article_ref.cast::<web_sys::Element>() else { return };
                let now = *current.borrow();
                match services::selection::selected_span(&article, &open.offsets) {
                    Some(span) if now != Some(span) => onselect.emit(Some(span)),
                    Some(_) => {}
                    // Something else is selected now (text in the side panel): the article's words are not. But
                    // the focus in a field (the note being written on them) holds the field's selection.
                    None if now.is_some() && services::selection::is_range() && !typing_in_a_field() => {
                        onselect.emit(None)
                    }
                    None => {}
                }
            };
            let read = Rc::new(read);
            let pressed = Rc::new(std::cell::Cell::new(false));
            let document = gloo::utils::document();
            let down = {
                let pressed = pressed.clone();
                EventListener::new(&document, "mousedown", move |event| {
                    let primary = event.dyn_ref::<MouseEvent>().is_some_and(|e| e.button() == 0);
                    pressed.set(primary);
                })
            };
            let up = {
                let (pressed, read) = (pressed.clone(), read.clone());
                EventListener::new(&document, "mouseup", move |_| {
                    pressed.set(false);
                    read();
                })
            };
            // Dragging selected words away and dropping them ends with no mouseup: the button is up again.
            let dropped = {
                let (pressed, read) = (pressed.clone(), read.clone());
                EventListener::new(&document, "dragend", move |_| {
                    pressed.set(false);
                    read();
                })
            };
            let change = EventListener::new(&document, "selectionchange", move |_| {
                if !pressed.get() {
                    read();
                }
            });
            move || drop((down, up, dropped, change))
        });
    }
    {
        let flash = flash.clone();
        use_effect_on(flash, |flash| {
            if let Some(flash) = flash {
                services::dom::scroll_and_flash(flash.span.start);
            }
        });
    }

    {
        // Keyboard selection (Shift+arrows) lives in the state; show it as the browser's own selection.
        let article_ref = article_ref.clone();
        let open = open.clone();
        use_effect_on(selection, move |selection| {
            if let (Some(span), Some(article)) = (selection, article_ref.cast::<web_sys::Element>()) {
                services::selection::show(&article, &open.offsets, *span);
            }
        });
    }
    article_ref
}

/// The article element with its event handlers around the highlighted text.
///
/// A plain function, not a Yew component: a component costs ~1.5 KB of Wasm of its own (mounting, props
/// comparison); its hooks are the App's ([`use_article`]), and the text in it is a component
/// ([`ArticleText`]), which renders again only when its props change.
pub fn article_view(props: &ArticleViewProps) -> Html {
    let article_ref = props.article_ref.clone();
    let open = props.open.clone();
    // A touch ends a selection by releasing: read it then (a mouse's release is read by `use_article`, wherever
    // it happens).
    let read_selection = {
        let article_ref = article_ref.clone();
        let open = open.clone();
        let onselect = props.onselect.clone();
        move || {
            if let Some(article) = article_ref.cast::<web_sys::Element>() {
                if let Some(span) = services::selection::selected_span(&article, &open.offsets) {
                    onselect.emit(Some(span));
                }
            }
        }
    };
    let ontouchend = Callback::from(move |_: TouchEvent| read_selection());
    let onclick = {
        let article_ref = article_ref.clone();
        let open = open.clone();
        let onselect = props.onselect.clone();
        let onfocusnote = props.onfocusnote.clone();
        Callback::from(move |event: MouseEvent| {
            let Some(article) = article_ref.cast::<web_sys::Element>() else { return };
            if services::selection::selected_span(&article, &open.offsets).is_some() {
                return; // a drag-selection, handled on mouseup
            }
            let mark = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("mark").ok().flatten());
            match mark {
                Some(mark) => {
                    if let Some(ids) = mark.get_attribute("data-notes") {
                        // The innermost (last) note under the click opens its card.
                        if let Some(id) = ids.split(' ').next_back() {
                            onfocusnote.emit(id.to_string());
                        }
                    }
                    let own = (|| {
                        let s = mark.get_attribute("data-own-start")?.parse().ok()?;
                        let e = mark.get_attribute("data-own-end")?.parse().ok()?;
                        Some(Span::new(s, e))
                    })();
                    // Clicking an entity or quote selects its words, ready for a note or a decision.
                    if mark.get_attribute("data-notes").is_none() {
                        onselect.emit(own.or_else(|| element_span(&mark)));
                    }
                }
                None => onselect.emit(None),
            }
        })
    };
    let onkeydown = {
        let onextend = props.onextend.clone();
        Callback::from(move |event: KeyboardEvent| {
            let key = event.key();
            // Enter on a focused highlight does what a click does (select its words, or open its note).
            if key == "Enter" && !event.shift_key() && !event.ctrl_key() && !event.alt_key() && !event.meta_key() {
                if let Some(mark) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                    if mark.tag_name() == "MARK" {
                        event.prevent_default();
                        // The words of the highlight Enter was pressed on before are still the browser's
                        // selection, which a click takes for a drag-selection: let go of it first.
                        if let Ok(Some(selection)) = gloo::utils::window().get_selection() {
                            let _ = selection.remove_all_ranges();
                        }
                        mark.click();
                    }
                }
                return;
            }
            if !event.shift_key() || !(key == "ArrowRight" || key == "ArrowLeft") {
                return;
            }
            event.prevent_default();
            // A new keyboard selection starts at the focused highlight, or at the top of the article.
            let focused =
                event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| element_span(&e));
            onextend.emit((key == "ArrowRight", event.ctrl_key() || event.alt_key(), focused.map_or(0, |s| s.start)));
        })
    };
    // Busy while the extractor works on it (its highlights are still to come); tests wait on `data-extraction`.
    // The blocks holding the selection's ends and the words to flash stay rendered.
    let keep: Vec<usize> = props
        .selection
        .map(|s| [s.start, s.end])
        .into_iter()
        .flatten()
        .chain(props.flash.as_ref().map(|f| f.span.start))
        .collect();
    let extraction = match &props.open.progress {
        ExtractionProgress::Pending => "pending",
        ExtractionProgress::Done => "done",
        ExtractionProgress::Failed { .. } => "failed",
    };
    html! {
        <article ref={article_ref} class={super::class_list(&[Some("article"), props.hide_clutter.then_some("hide-clutter")])}
                 data-testid="article" data-text-length={props.open.offsets.len_utf16().to_string()} lang="en" tabindex="0" aria-label="Article text"
                 aria-busy={(extraction == "pending").then_some("true")} data-extraction={extraction}
                 {ontouchend} {onclick} {onkeydown}>
            <ArticleText open={props.open.clone()} annotations={props.annotations.clone()} hidden={props.hidden.clone()}
                         active_note={props.active_note.clone()} {keep} hide_clutter={props.hide_clutter}
                         whole={props.whole} />
        </article>
    }
}
