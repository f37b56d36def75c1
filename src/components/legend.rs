//! The legend: one colour per kind, its count, and a switch to show or hide it.

use sidenote_extract::EntityKind;
use yew::prelude::*;

use super::{kind_class, kind_name};
use crate::state::Layer;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The open article, for the counts.
    pub open: std::rc::Rc<crate::state::OpenDocument>,
    /// The annotations (for counts after review, and the notes count).
    pub annotations: std::rc::Rc<sidenote_annotate::model::Annotations>,
    /// Layers switched off.
    pub hidden: crate::state::LayerSet,
    /// Whether clutter is collapsed.
    pub hide_clutter: bool,
    /// Called to switch a layer.
    pub ontoggle: Callback<Layer>,
    /// Called to collapse or show clutter.
    pub ontoggleclutter: Callback<()>,
}

/// Lists the five entity kinds and quotes with their colours and counts.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let item = |layer: Layer, class: &'static str, label: &'static str, count: usize| {
        let shown = !props.hidden.contains(&layer);
        let onclick = props.ontoggle.reform(move |_: MouseEvent| layer);
        html! {
            <li>
                <button class={classes!("legend-item", (!shown).then_some("off"))} aria-pressed={shown.to_string()}
                        data-testid={format!("legend-{class}")} {onclick}>
                    <span class={classes!("swatch", format!("hl-{class}"))}></span>
                    <span class="legend-label">{ label }</span>
                    <span class="legend-count">{ count }</span>
                </button>
            </li>
        }
    };
    // Counts after review: rejected suggestions are not counted, retagged ones count under their new kind.
    // Counted once per document and annotations (compared by pointer), not on every render of the page.
    let counts = use_memo((props.open.clone(), props.annotations.clone()), |(open, annotations)| {
        let shown = annotations.shown_entities(&open.extraction);
        let by_kind: Vec<(EntityKind, usize)> =
            EntityKind::ALL.into_iter().map(|kind| (kind, shown.iter().filter(|e| e.kind == kind).count())).collect();
        (by_kind, annotations.shown_quotes(&open.extraction).len())
    });
    let count = |kind: EntityKind| counts.0.iter().find(|(k, _)| *k == kind).map_or(0, |(_, n)| *n);
    let quotes = counts.1;
    html! {
        <aside class="legend" aria-label="Legend">
            <h2>{ "Highlights" }</h2>
            <ul>
                { for EntityKind::ALL.into_iter().map(|k| item(Layer::Entity(k), kind_class(k), kind_name(k), count(k))) }
                { item(Layer::Quote, "quote", "Quotation", quotes) }
                { item(Layer::Note, "note", "Your notes", props.annotations.notes.len()) }
            </ul>
            <label class="clutter-toggle">
                <input type="checkbox" data-testid="hide-clutter" checked={props.hide_clutter}
                       onchange={props.ontoggleclutter.reform(|_: Event| ())} />
                { "Collapse page clutter" }
            </label>
            <p class="hint">{ "Dimmed text is page clutter around the article (menus, captions, footers)." }</p>
        </aside>
    }
}
