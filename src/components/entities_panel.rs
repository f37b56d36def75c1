//! Distinct entities with their kind and mention count; step through mentions; review a whole entity.

use std::collections::BTreeMap;
use std::rc::Rc;

use sidenote_annotate::model::{Annotations, Decision, Provenance, ReviewScope, ShownEntity};
use sidenote_extract::{EntityKind, Span};
use yew::prelude::*;

use super::{kind_class, kind_name};
use crate::state::{Layer, OpenDocument};

/// Props of [`EntitiesPanel`].
#[derive(Properties, PartialEq)]
pub struct EntitiesPanelProps {
    /// The open article.
    pub open: Rc<OpenDocument>,
    /// The annotations.
    pub annotations: Rc<Annotations>,
    /// The search text.
    pub query: AttrValue,
    /// Layers switched off (their entities are not listed).
    pub hidden: std::collections::BTreeSet<Layer>,
    /// Scrolls to a mention.
    pub onflash: Callback<Span>,
    /// Records a decision.
    pub onreview: Callback<(ReviewScope, Decision)>,
    /// Removes entities the user added.
    pub onremove: Callback<Vec<String>>,
}

/// One entity as listed: its mentions in reading order.
struct Group<'a> {
    kind: EntityKind,
    name: &'a str,
    machine_kind: Option<EntityKind>,
    mentions: Vec<&'a ShownEntity>,
}

/// Lists each entity once ("Sergei Lavrov — 6"); clicking steps through its mentions.
#[component]
pub fn EntitiesPanel(props: &EntitiesPanelProps) -> Html {
    let shown = props.annotations.shown_entities(&props.open.extraction);
    let cursor = use_state(BTreeMap::<String, usize>::new);
    let mut groups: BTreeMap<(EntityKind, &str), Group<'_>> = BTreeMap::new();
    for entity in &shown {
        let group = groups.entry((entity.kind, entity.name.as_str())).or_insert_with(|| Group {
            kind: entity.kind,
            name: &entity.name,
            machine_kind: entity.machine_kind,
            mentions: Vec::new(),
        });
        group.mentions.push(entity);
    }
    let query = sidenote_extract::case::lowercase(props.query.trim());
    let mut list: Vec<&Group<'_>> = groups
        .values()
        .filter(|g| !props.hidden.contains(&Layer::Entity(g.kind)))
        .filter(|g| query.is_empty() || sidenote_extract::case::lowercase(g.name).contains(&query))
        .collect();
    sidenote_extract::sort_stable_by_key(&mut list, |g| {
        (std::cmp::Reverse(g.mentions.len()), sidenote_extract::case::lowercase(g.name))
    });
    let row = |group: &Group<'_>| {
        let key = format!("{}|{}", group.kind.label(), group.name);
        let spans: Vec<Span> = group.mentions.iter().map(|m| m.span).collect();
        let onstep = {
            let cursor = cursor.clone();
            let onflash = props.onflash.clone();
            let key = key.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*cursor).clone();
                let at = next.entry(key.clone()).or_insert(usize::MAX);
                *at = at.wrapping_add(1) % spans.len().max(1);
                if let Some(span) = spans.get(*at) {
                    onflash.emit(*span);
                }
                cursor.set(next);
            })
        };
        let added: Vec<String> = props
            .annotations
            .added
            .iter()
            .filter(|a| a.kind == group.kind && a.target.exact == group.name)
            .map(|a| a.id.clone())
            .collect();
        let all_added = group.mentions.iter().all(|m| m.provenance == Provenance::Added);
        let reviewed = group.mentions.iter().all(|m| m.provenance != Provenance::Suggested);
        let review = |decision: Decision| {
            let scope =
                ReviewScope::Entity { name: group.name.to_string(), kind: group.machine_kind.unwrap_or(group.kind) };
            props.onreview.reform(move |_: MouseEvent| (scope.clone(), decision))
        };
        let onretag = {
            let scope =
                ReviewScope::Entity { name: group.name.to_string(), kind: group.machine_kind.unwrap_or(group.kind) };
            props.onreview.reform(move |event: Event| {
                let value =
                    event.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
                (scope.clone(), EntityKind::from_label(&value).map_or(Decision::Accept, Decision::Retag))
            })
        };
        html! {
            <li class="entity-row" data-testid="entity-row" data-name={group.name.to_string()} data-kind={group.kind.label()}>
                <button class="entity-name" onclick={onstep} title="Step through its mentions">
                    <span class={classes!("swatch", format!("hl-{}", kind_class(group.kind)))}></span>
                    <span data-testid="entity-label">{ format!("{} — {}", group.name, group.mentions.len()) }</span>
                    if reviewed { <span class="reviewed-badge" title="Reviewed">{ "✓" }</span> }
                </button>
                <span class="entity-actions">
                    if all_added {
                        <button data-testid="entity-remove" onclick={props.onremove.reform(move |_: MouseEvent| added.clone())}>{ "Remove" }</button>
                    } else {
                        <button data-testid="entity-accept" title="Accept all mentions" onclick={review(Decision::Accept)}>{ "✓" }</button>
                        <button data-testid="entity-reject" title="Reject all mentions" onclick={review(Decision::Reject)}>{ "✕" }</button>
                        <select data-testid="entity-retag" aria-label="Change the kind of all mentions" onchange={onretag}>
                            { for EntityKind::ALL.into_iter().map(|k| html! { <option value={k.label()} selected={k == group.kind}>{ kind_name(k) }</option> }) }
                        </select>
                    }
                </span>
            </li>
        }
    };
    html! {
        <section class="entities-panel" aria-label="Entities">
            <ul class="entity-list">{ for list.into_iter().map(row) }</ul>
        </section>
    }
}
