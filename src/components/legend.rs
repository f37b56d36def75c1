//! The legend: one colour per kind, its count, and a switch to show or hide it.

use sidenote_extract::EntityKind;
use yew::prelude::*;

use super::reform_fn;
use super::{kind_class, kind_name};
use crate::state::Layer;

/// The highlights counted after review: rejected suggestions are not counted, retagged ones count under their
/// new kind.
pub struct LegendCounts {
    /// Entities of each kind.
    pub by_kind: Vec<(EntityKind, usize)>,
    /// Quotations (the side panel's Quotes tab shows the same count).
    pub quotes: usize,
    /// Entity highlights nobody reviewed yet (suggestions with no decision).
    pub to_review: usize,
}

impl LegendCounts {
    /// The Entities tab's count: the legend's entity highlights, and how many of them are still to review.
    pub fn entities_tab(&self) -> String {
        let all: usize = self.by_kind.iter().map(|(_, n)| n).sum();
        match self.to_review {
            0 => format!(" ({all})"),
            n => format!(" ({all}, {n} to review)"),
        }
    }
}

/// Counts the open article's shown highlights. The app keeps them in a memo, counted once per document and
/// annotations (compared by pointer), not on every render of the page.
pub fn counts(open: &crate::state::OpenDocument, annotations: &sidenote_annotate::model::Annotations) -> LegendCounts {
    let shown = annotations.shown_entities(&open.extraction);
    let by_kind =
        EntityKind::ALL.into_iter().map(|kind| (kind, shown.iter().filter(|e| e.kind == kind).count())).collect();
    let to_review = shown.iter().filter(|e| e.provenance == sidenote_annotate::model::Provenance::Suggested).count();
    LegendCounts { by_kind, quotes: annotations.shown_quotes(&open.extraction).len(), to_review }
}

/// What [`legend`] shows and whom it calls.
pub struct LegendProps {
    /// The highlights' counts.
    pub counts: std::rc::Rc<LegendCounts>,
    /// The number of notes highlighted in the article (orphans have no words there).
    pub notes: usize,
    /// Layers switched off.
    pub hidden: crate::state::LayerSet,
    /// Whether clutter is collapsed.
    pub hide_clutter: bool,
    /// Called to switch a layer.
    pub ontoggle: Callback<Layer>,
    /// Called to collapse or show clutter.
    pub ontoggleclutter: Callback<()>,
}

/// Lists the five entity kinds and quotes with their colours and counts. A plain function, not a Yew
/// component: a component costs ~600 bytes of gzipped Wasm of its own, and the counts are memoised by the app.
pub fn legend(props: &LegendProps) -> Html {
    let item = |layer: Layer, class: &'static str, label: &'static str, count: usize| {
        let shown = !props.hidden.contains(&layer);
        let onclick = props.ontoggle.reform(move |_: MouseEvent| layer);
        html! {
            <li>
                <button class={super::class_list(&[Some("legend-item"), (!shown).then_some("off")])} aria-pressed={shown.to_string()}
                        data-testid={format!("legend-{class}")} {onclick}>
                    <span class={format!("swatch hl-{class}")}></span>
                    <span class="legend-label">{ label }</span>
                    <span class="legend-count">{ count }</span>
                </button>
            </li>
        }
    };
    let count = |kind: EntityKind| props.counts.by_kind.iter().find(|(k, _)| *k == kind).map_or(0, |(_, n)| *n);
    let quotes = props.counts.quotes;
    html! {
        <aside class="legend" aria-label="Legend">
            <h2>{ "Highlights" }</h2>
            <ul>
                { for EntityKind::ALL.into_iter().map(|k| item(Layer::Entity(k), kind_class(k), kind_name(k), count(k))) }
                { item(Layer::Quote, "quote", "Quotation", quotes) }
                { item(Layer::Note, "note", "Your notes", props.notes) }
            </ul>
            <label class="clutter-toggle">
                <input type="checkbox" data-testid="hide-clutter" checked={props.hide_clutter}
                       onchange={reform_fn(&props.ontoggleclutter, |_: Event| ())} />
                { "Collapse page clutter" }
            </label>
            <p class="hint">{ "Dimmed text is page clutter around the article (menus, captions, footers)." }</p>
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Action, State};
    use sidenote_annotate::model::{Decision, ReviewScope};

    /// The Entities tab counts what the legend counts, and says how many of them wait for a decision.
    #[test]
    fn the_entities_tab_counts_the_legends_highlights_and_those_to_review() {
        let s0 = State::default();
        let all: usize = counts(&s0.open, &s0.annotations).by_kind.iter().map(|(_, n)| n).sum();
        assert!(all > 1);
        assert_eq!(counts(&s0.open, &s0.annotations).entities_tab(), format!(" ({all}, {all} to review)"));
        let first = s0.open.extraction.entities[0].clone();
        let scope = ReviewScope::Mention { span: first.span, kind: first.kind };
        let s1 = s0.apply(Action::Review { scope, decision: Decision::Reject });
        let left = all - 1;
        assert_eq!(counts(&s1.open, &s1.annotations).entities_tab(), format!(" ({left}, {left} to review)"));
    }
}
