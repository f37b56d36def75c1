//! The article with its highlights.
//!
//! The text is rendered as consecutive pieces whose concatenation is exactly the document text
//! (`white-space: pre-wrap` keeps its line breaks), so offsets counted in the DOM map back to the core.

use std::rc::Rc;

use yew::prelude::*;

use super::kind_class;
use crate::state::{Layer, OpenDocument};
use crate::view_model::pieces;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The open article.
    pub open: Rc<OpenDocument>,
    /// Layers switched off.
    pub hidden: std::collections::BTreeSet<Layer>,
    /// Whether clutter is collapsed.
    pub hide_clutter: bool,
}

/// Renders the text with a `<mark>` per highlight; hovering or focusing one shows its kind (and speaker).
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let open = props.open.clone();
    let list = use_memo(open.clone(), |open| pieces(open.document.text.len(), &open.extraction));
    let text = &open.document.text;
    let extraction = &open.extraction;
    let rendered = list.iter().map(|piece| {
        let words = piece.span.slice(text).to_string();
        let clutter = piece.clutter.then_some("clutter");
        let entity = piece.entity.filter(|(_, kind)| !props.hidden.contains(&Layer::Entity(*kind)));
        let quote = piece.quote.filter(|_| !props.hidden.contains(&Layer::Quote));
        if entity.is_none() && quote.is_none() {
            return html! { <span class={classes!(clutter)}>{ words }</span> };
        }
        let mut tip = Vec::new();
        let mut classes = classes!("hl", clutter);
        let mut kind_attr = None;
        if let Some((index, kind)) = entity {
            let group = &extraction.groups[extraction.entities[index].group];
            classes.push(format!("hl-{}", kind_class(kind)));
            kind_attr = Some(kind.label());
            tip.push(if group.name == words { kind.label().to_string() } else { format!("{} · {}", kind.label(), group.name) });
        }
        if let Some(index) = quote {
            classes.push("hl-quote");
            let speaker = extraction.quotes[index].speaker.as_deref().unwrap_or("speaker unknown");
            tip.push(format!("Quote — {speaker}"));
        }
        let tip = tip.join(" | ");
        html! {
            <mark class={classes} tabindex="0" data-testid="hl" data-kind={kind_attr} data-quote={quote.map(|q| q.to_string())}
                  data-tip={tip.clone()} aria-label={format!("{words} ({tip})")}>{ words }</mark>
        }
    });
    html! {
        <article class={classes!("article", props.hide_clutter.then_some("hide-clutter"))} data-testid="article" lang="en">
            { for rendered }
        </article>
    }
}
