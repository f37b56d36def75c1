//! Quotations grouped by speaker.

use std::collections::BTreeMap;
use std::rc::Rc;

use sidenote_annotate::model::Annotations;
use sidenote_extract::Span;
use yew::prelude::*;

use crate::state::OpenDocument;

/// Props of [`QuotesPanel`].
#[derive(Properties, PartialEq)]
pub struct QuotesPanelProps {
    /// The open article.
    pub open: Rc<OpenDocument>,
    /// The user's annotations (rejected quotations are not listed; corrected speakers are).
    pub annotations: Rc<Annotations>,
    /// The search text.
    pub query: AttrValue,
    /// Scrolls to a quotation.
    pub onflash: Callback<Span>,
}

/// Lists the shown quotations under their speaker's name ("speaker unknown" last).
#[component]
pub fn QuotesPanel(props: &QuotesPanelProps) -> Html {
    let text = props.open.text();
    let query = props.query.trim().to_lowercase();
    let mut by_speaker: BTreeMap<(bool, String), Vec<Span>> = BTreeMap::new();
    for quote in props.annotations.shown_quotes(&props.open.extraction) {
        let words = quote.span.slice(text);
        let speaker = quote.speaker;
        if !query.is_empty()
            && !words.to_lowercase().contains(&query)
            && !speaker.as_deref().unwrap_or("").to_lowercase().contains(&query)
        {
            continue;
        }
        by_speaker
            .entry((speaker.is_none(), speaker.unwrap_or_else(|| "speaker unknown".into())))
            .or_default()
            .push(quote.span);
    }
    html! {
        <section class="quotes-panel" aria-label="Quotations">
            { for by_speaker.into_iter().map(|((_, speaker), spans)| html! {
                <div class="speaker-group" data-testid="speaker-group" data-speaker={speaker.clone()}>
                    <h3>{ format!("{speaker} — {}", spans.len()) }</h3>
                    <ul>
                        { for spans.into_iter().map(|span| html! {
                            <li><button class="quote-item" onclick={props.onflash.reform(move |_: MouseEvent| span)}>
                                <q>{ span.slice(text).chars().take(160).collect::<String>() }</q>
                            </button></li>
                        }) }
                    </ul>
                </div>
            }) }
        </section>
    }
}
