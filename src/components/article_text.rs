//! The article's text with its highlights: entities, quotations and notes (which may overlap and nest).
//!
//! A component of its own so that selecting words never re-renders the text: its props hold the document,
//! the annotations and the display settings, nothing about the selection. The text is rendered as
//! consecutive pieces whose concatenation is exactly the document text (`white-space: pre-wrap` keeps its
//! line breaks), so offsets counted in the DOM map back to the core.

use std::rc::Rc;

use sidenote_annotate::model::{Annotations, Provenance};
use sidenote_extract::Span;
use yew::prelude::*;

use super::kind_class;
use crate::state::{Layer, OpenDocument};
use crate::view_model::{pieces, Layers};

/// Props of [`ArticleText`].
#[derive(Properties, PartialEq)]
pub struct ArticleTextProps {
    /// The open article.
    pub open: Rc<OpenDocument>,
    /// The user's annotations.
    pub annotations: Rc<Annotations>,
    /// Layers switched off.
    pub hidden: std::collections::BTreeSet<Layer>,
    /// The note whose card is open.
    pub active_note: Option<String>,
}

/// Renders the text with a `<mark>` per highlighted piece; hovering or focusing one shows what it is.
#[component]
pub fn ArticleText(props: &ArticleTextProps) -> Html {
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
    };
    let list = pieces(open.text().len(), &layers);

    let text = open.text();
    let rendered = list.iter().map(|piece| {
        let words = piece.span.slice(text).to_string();
        let entity = piece.entity.map(|i| &entities[i]).filter(|e| !props.hidden.contains(&Layer::Entity(e.kind)));
        let quote = piece.quote.filter(|_| !props.hidden.contains(&Layer::Quote));
        let notes: Vec<&sidenote_annotate::model::Note> = piece.notes.iter().map(|&i| &annotations.notes[i]).collect();
        let mut classes = classes!(piece.clutter.then_some("clutter"));
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

    html! { <>{ for rendered }</> }
}
