//! Quotations grouped by speaker, each with a way to correct its speaker.

use std::rc::Rc;

use sidenote_annotate::model::{Annotations, ShownQuote};
use sidenote_extract::Span;
use yew::prelude::*;

use super::speaker_editor::SpeakerEditor;
use crate::state::OpenDocument;

/// What [`quotes_panel`] shows and whom it calls.
pub struct QuotesPanelProps {
    /// The open article.
    pub open: Rc<OpenDocument>,
    /// The user's annotations (rejected quotations are not listed; corrected speakers are).
    pub annotations: Rc<Annotations>,
    /// The search text.
    pub query: AttrValue,
    /// Scrolls to a quotation.
    pub onflash: Callback<Span>,
    /// Corrects a quotation's speaker (`None`: unknown).
    pub oncorrect: Callback<(Span, Option<String>)>,
    /// Withdraws a speaker correction.
    pub onclear: Callback<Span>,
}

/// Lists the shown quotations under their speaker's name ("speaker unknown" last); corrected speakers
/// are marked, since they are a person's decision rather than the extractor's.
/// A plain function, not a Yew component: a component costs ~600 bytes of gzipped Wasm of its own
/// (mounting, props comparison), and this one holds no hooks and renders again cheaply with its parent.
pub fn quotes_panel(props: &QuotesPanelProps) -> Html {
    let text = props.open.text();
    let query = props.query.trim();
    let choices = props.annotations.speaker_choices(&props.open.extraction);
    // Grouped with the program's one stable sort rather than a map (a map type of its own is a copy of the
    // map's code in the Wasm): each speaker's quotations keep their order, "speaker unknown" comes last.
    let mut keyed: Vec<((bool, String), ShownQuote)> = Vec::new();
    for quote in props.annotations.shown_quotes(&props.open.extraction) {
        let words = quote.span.slice(text);
        let speaker = quote.speaker.clone();
        if !query.is_empty()
            && !sidenote_annotate::find::contains(words, query)
            && !sidenote_annotate::find::contains(speaker.as_deref().unwrap_or(""), query)
        {
            continue;
        }
        keyed.push(((speaker.is_none(), speaker.unwrap_or_else(|| "speaker unknown".into())), quote));
    }
    sidenote_extract::sort_stable_by(&mut keyed, |a, b| a.0.cmp(&b.0));
    let mut by_speaker: Vec<((bool, String), Vec<ShownQuote>)> = Vec::new();
    for (key, quote) in keyed {
        match by_speaker.last_mut() {
            Some((last, quotes)) if *last == key => quotes.push(quote),
            _ => by_speaker.push((key, vec![quote])),
        }
    }
    let item = |quote: ShownQuote| {
        let span = quote.span;
        html! {
            <li data-testid="quote-item" data-corrected={quote.speaker_corrected.to_string()}>
                <button class="quote-item" onclick={props.onflash.reform(move |_: MouseEvent| span)}>
                    <q>{ span.slice(text).chars().take(160).collect::<String>() }</q>
                </button>
                if quote.speaker_corrected {
                    <span class="speaker-corrected" data-testid="speaker-corrected"
                          title={format!("Suggested: {}", quote.machine_speaker.clone().unwrap_or_else(|| "unknown".into()))}>
                        { "speaker corrected" }
                    </span>
                }
                <SpeakerEditor quote={span} speaker={quote.speaker.clone()} corrected={quote.speaker_corrected}
                               choices={choices.clone()} oncorrect={props.oncorrect.clone()} onclear={props.onclear.clone()} />
            </li>
        }
    };
    html! {
        <section class="quotes-panel" aria-label="Quotations">
            if by_speaker.is_empty() {
                <p class="hint" data-testid="quotes-empty">{
                    if props.open.progress == crate::state::ExtractionProgress::Pending {
                        "Quotations are being found…"
                    } else if !query.is_empty() {
                        "No quotation or speaker matches the search."
                    } else {
                        "No direct quotations were found: words between quotation marks, with who said them."
                    }
                }</p>
            }
            { for by_speaker.into_iter().map(|((_, speaker), quotes)| html! {
                <div class="speaker-group" data-testid="speaker-group" data-speaker={speaker.clone()}>
                    <h3>{ format!("{speaker} — {}", quotes.len()) }</h3>
                    <ul>{ for quotes.into_iter().map(item) }</ul>
                </div>
            }) }
        </section>
    }
}
