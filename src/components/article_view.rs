//! The article with its highlights: entities, quotations, notes (which may overlap and nest) and the
//! current selection.
//!
//! The text is rendered as consecutive pieces whose concatenation is exactly the document text
//! (`white-space: pre-wrap` keeps its line breaks), so offsets counted in the DOM map back to the core.

use std::rc::Rc;

use sidenote_annotate::model::{Annotations, Provenance};
use sidenote_extract::Span;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::kind_class;
use crate::services;
use crate::state::{Flash, Layer, OpenDocument};
use crate::view_model::{pieces, Layers};

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The open article.
    pub open: Rc<OpenDocument>,
    /// The user's annotations.
    pub annotations: Rc<Annotations>,
    /// Layers switched off.
    pub hidden: std::collections::BTreeSet<Layer>,
    /// Whether clutter is collapsed.
    pub hide_clutter: bool,
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

/// Renders the text with a `<mark>` per highlighted piece; hovering or focusing one shows what it is.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let article_ref = use_node_ref();
    let open = props.open.clone();
    let annotations = props.annotations.clone();
    let entities = use_memo((open.clone(), annotations.clone()), |(open, annotations)| {
        annotations.shown_entities(&open.extraction)
    });
    let note_spans: Vec<(usize, Span)> =
        annotations.notes.iter().enumerate().filter_map(|(i, n)| n.span.map(|s| (i, s))).collect();
    let show_notes = !props.hidden.contains(&Layer::Note);
    // Rejected quotations are hidden like rejected entities.
    let quotes: Vec<sidenote_extract::Quote> = open
        .extraction
        .quotes
        .iter()
        .filter(|q| annotations.quote_decision(q.span) != Some(sidenote_annotate::model::Decision::Reject))
        .cloned()
        .collect();
    let layers = Layers {
        body: &open.extraction.body,
        entities: &entities,
        quotes: &quotes,
        notes: if show_notes { &note_spans } else { &[] },
        selection: props.selection,
    };
    let list = pieces(open.text().len(), &layers);

    {
        let flash = props.flash.clone();
        use_effect_with(flash, |flash| {
            if let Some(flash) = flash {
                services::dom::scroll_and_flash(flash.span.start);
            }
        });
    }

    let text = open.text();
    let rendered = list.iter().map(|piece| {
        let words = piece.span.slice(text).to_string();
        let entity = piece.entity.map(|i| &entities[i]).filter(|e| !props.hidden.contains(&Layer::Entity(e.kind)));
        let quote = piece.quote.filter(|_| !props.hidden.contains(&Layer::Quote));
        let notes: Vec<&sidenote_annotate::model::Note> = piece.notes.iter().map(|&i| &annotations.notes[i]).collect();
        let mut classes = classes!(piece.clutter.then_some("clutter"), piece.selected.then_some("selected"));
        let (start, end) = (piece.span.start.to_string(), piece.span.end.to_string());
        if entity.is_none() && quote.is_none() && notes.is_empty() {
            return html! { <span class={classes} data-start={start} data-end={end}>{ words }</span> };
        }
        classes.push("hl");
        let mut tip = Vec::new();
        let mut kind_attr = None;
        // The element's own span: the entity's or quote's words, so a click selects them whole.
        let mut own_span = piece.span;
        if let Some(e) = entity {
            classes.push(format!("hl-{}", kind_class(e.kind)));
            if e.provenance != Provenance::Suggested {
                classes.push("reviewed");
            }
            kind_attr = Some(e.kind.label());
            let who = match e.provenance {
                Provenance::Suggested => "suggested",
                Provenance::Accepted => "accepted",
                Provenance::Added => "added by you",
            };
            tip.push(if e.name == words { format!("{} ({who})", e.kind.label()) } else { format!("{} · {} ({who})", e.kind.label(), e.name) });
            own_span = e.span;
        }
        if let Some(index) = quote {
            classes.push("hl-quote");
            let speaker = quotes[index].speaker.as_deref().unwrap_or("speaker unknown");
            tip.push(format!("Quote — {speaker}"));
            if entity.is_none() {
                own_span = quotes[index].span;
            }
        }
        if !notes.is_empty() {
            classes.push("hl-note");
            classes.push(format!("note-depth-{}", notes.len().min(3)));
            if notes.iter().any(|n| props.active_note.as_deref() == Some(n.id.as_str())) {
                classes.push("active");
            }
            tip.push(format!("{} note{}", notes.len(), if notes.len() == 1 { "" } else { "s" }));
        }
        let note_ids = (!notes.is_empty()).then(|| notes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>().join(" "));
        let tip = tip.join(" | ");
        html! {
            <mark class={classes} tabindex="0" data-testid="hl" data-kind={kind_attr} data-quote={quote.map(|q| q.to_string())}
                  data-notes={note_ids} data-start={start} data-end={end}
                  data-own-start={own_span.start.to_string()} data-own-end={own_span.end.to_string()}
                  data-tip={tip.clone()} aria-label={format!("{words} ({tip})")}>{ words }</mark>
        }
    });

    // Mouse and touch both end a selection by releasing: read it then.
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
    let onmouseup = {
        let read_selection = read_selection.clone();
        Callback::from(move |_: MouseEvent| read_selection())
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
    html! {
        <article ref={article_ref} class={classes!("article", props.hide_clutter.then_some("hide-clutter"))}
                 data-testid="article" lang="en" tabindex="0" aria-label="Article text"
                 {onmouseup} {ontouchend} {onclick} {onkeydown}>
            { for rendered }
        </article>
    }
}
