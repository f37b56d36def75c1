//! Distinct entities with their kind and mention count; step through mentions; review a whole entity.

use std::rc::Rc;

use sidenote_annotate::model::{AddedEntity, Annotations, Decision, Provenance, ReviewScope, ShownEntity};
use sidenote_extract::{EntityKind, Span};
use yew::prelude::*;

use super::{kind_class, kind_name};
use crate::hooks::use_effect_on;
use crate::services;
use crate::state::{Layer, OpenDocument};

/// What [`entities_panel`] shows and whom it calls.
pub struct EntitiesPanelProps {
    /// The tab's state, kept by the App ([`use_entities_panel`]).
    pub state: EntitiesState,
    /// The extractor has not answered yet (an empty list is not yet "none found").
    pub pending: bool,
    /// The search text.
    pub query: AttrValue,
    /// Layers switched off (their entities are not listed).
    pub hidden: crate::state::LayerSet,
    /// Scrolls to a mention.
    pub onflash: Callback<Span>,
    /// Records a decision.
    pub onreview: Callback<(ReviewScope, Decision)>,
    /// Removes entities the user added.
    pub onremove: Callback<Vec<String>>,
}

/// The Entities tab's state, held by the App while the tab is a plain render function.
#[derive(Clone)]
pub struct EntitiesState {
    /// The entities, grouped (empty while the tab is not shown).
    groups: Rc<Vec<Group>>,
    /// Where each stepped-through entity is, by its key: a few keys, searched in order (no map type of its own,
    /// whose code would be a copy of the map's in the Wasm).
    cursor: UseStateHandle<Vec<(String, usize)>>,
}

/// The tab's state for the App, given whether the tab is `shown`: its groups are computed once per change of
/// the document or the annotations while it is shown (not per keystroke in the search box), and where the
/// user stepped to is forgotten when it is hidden, as when it was a component of its own.
#[hook]
pub fn use_entities_panel(shown: bool, open: &Rc<OpenDocument>, annotations: &Rc<Annotations>) -> EntitiesState {
    let groups = use_memo((open.clone(), annotations.clone(), shown), |(open, annotations, shown)| match shown {
        true => entity_groups(open, annotations),
        false => Vec::new(),
    });
    let cursor = use_state(Vec::<(String, usize)>::new);
    {
        let cursor = cursor.clone();
        use_effect_on(shown, move |&shown| {
            if !shown && !cursor.is_empty() {
                cursor.set(Vec::new());
            }
        });
    }
    EntitiesState { groups, cursor }
}

/// One entity as listed: its mentions in reading order, and what its row needs, computed once per change of
/// the document or the annotations (not per keystroke in the search box).
#[derive(PartialEq)]
struct Group {
    kind: EntityKind,
    name: String,
    lower_name: String,
    machine_kind: Option<EntityKind>,
    spans: Rc<[Span]>,
    /// The identifiers of the entities the user added under this name and kind.
    added: Rc<[String]>,
    all_added: bool,
    reviewed: bool,
    /// Every mention stands outside the article's body (a share bar, a footer, a commenter's name): listed
    /// after the article's entities and dimmed, as its words are in the text.
    in_clutter: bool,
}

/// The entities shown, grouped by kind and name, most mentioned first.
fn entity_groups(open: &OpenDocument, annotations: &Annotations) -> Vec<Group> {
    // Grouped by sorting (the program's one stable sort) rather than by map: a map per key type is another
    // copy of its code in the Wasm.
    let shown = annotations.shown_entities(&open.extraction);
    let body = &open.extraction.body;
    // Body spans are sorted and apart: the one that could hold a mention is the last starting at or before it.
    let in_body = |span: Span| {
        let at = body.partition_point(|b| b.start <= span.start);
        at.checked_sub(1).and_then(|at| body.get(at)).is_some_and(|b| span.end <= b.end)
    };
    let mut mentions: Vec<&ShownEntity> = shown.iter().collect();
    sidenote_extract::sort_stable_by(&mut mentions, |a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    let mut added: Vec<&AddedEntity> = annotations.added.iter().collect();
    sidenote_extract::sort_stable_by(&mut added, |a, b| (a.kind, &a.target.exact).cmp(&(b.kind, &b.target.exact)));
    let mut groups: Vec<Group> = mentions
        .chunk_by(|a, b| a.kind == b.kind && a.name == b.name)
        .map(|same| {
            let (kind, name) = (same[0].kind, same[0].name.as_str());
            let first = added.partition_point(|a| (a.kind, a.target.exact.as_str()) < (kind, name));
            let ids: Vec<String> = added[first..]
                .iter()
                .take_while(|a| a.kind == kind && a.target.exact == name)
                .map(|a| a.id.clone())
                .collect();
            Group {
                kind,
                name: name.to_string(),
                lower_name: sidenote_extract::case::lowercase(name),
                machine_kind: same[0].machine_kind,
                spans: same.iter().map(|m| m.span).collect(),
                added: ids.into(),
                all_added: same.iter().all(|m| m.provenance == Provenance::Added),
                reviewed: same.iter().all(|m| m.provenance != Provenance::Suggested),
                in_clutter: !same.iter().any(|m| in_body(m.span)),
            }
        })
        .collect();
    sidenote_extract::sort_stable_by(&mut groups, |a, b| {
        (a.in_clutter, b.spans.len()).cmp(&(b.in_clutter, a.spans.len())).then_with(|| a.lower_name.cmp(&b.lower_name))
    });
    groups
}

/// What an empty Entities tab says: why it is empty, and how to add a name the extractor missed.
fn empty_entities_hint(pending: bool, searching: bool) -> &'static str {
    match (pending, searching) {
        (true, _) => "Names are being found…",
        (false, true) => "No name matches the search (or its kind is hidden in the legend).",
        (false, false) => {
            "No names were found (or their kinds are hidden in the legend). Select words and press P, O, L, D or M to add one."
        }
    }
}

/// A rejected entity's row goes, and with it the button that had the focus: once the list is rendered again,
/// the focus goes to the row now in its place (the next entity), or the last row, or the tab, so that a
/// keyboard user goes on from there instead of from the top of the page.
fn focus_row_after_removal(at: usize) {
    wasm_bindgen_futures::spawn_local(async move {
        gloo::timers::future::TimeoutFuture::new(0).await;
        services::dom::focus_if_lost(&format!(".entity-list > li:nth-child({}) .entity-name", at + 1));
        services::dom::focus_if_lost(".entity-list > li:last-child .entity-name");
        services::dom::focus_if_lost("[data-testid=tab-entities]");
    });
}

/// Lists each entity once ("Sergei Lavrov — 6"); clicking steps through its mentions. A plain function, not a
/// Yew component (1.7 KB less gzipped Wasm): its state is the App's ([`use_entities_panel`]).
pub fn entities_panel(props: &EntitiesPanelProps) -> Html {
    let (groups, cursor) = (&props.state.groups, &props.state.cursor);
    // Matched as the article's find matches (case, accents, ligatures, `ß` ignored).
    let query = props.query.trim();
    let list: Vec<&Group> = groups
        .iter()
        .filter(|g| !props.hidden.contains(&Layer::Entity(g.kind)))
        .filter(|g| query.is_empty() || sidenote_annotate::find::contains(&g.name, query))
        .collect();
    let row = |(at, group): (usize, &Group)| {
        let key = format!("{}|{}", group.kind.label(), group.name);
        let spans = group.spans.clone();
        let onstep = {
            let cursor = cursor.clone();
            let onflash = props.onflash.clone();
            let key = key.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*cursor).clone();
                let at = match next.iter().position(|(k, _)| *k == key) {
                    Some(found) => found,
                    None => {
                        next.push((key.clone(), usize::MAX));
                        next.len() - 1
                    }
                };
                if let Some((_, step)) = next.get_mut(at) {
                    *step = step.wrapping_add(1) % spans.len().max(1);
                    if let Some(span) = spans.get(*step) {
                        onflash.emit(*span);
                    }
                }
                cursor.set(next);
            })
        };
        let added = group.added.clone();
        let (all_added, reviewed) = (group.all_added, group.reviewed);
        let review = |decision: Decision| {
            let scope =
                ReviewScope::Entity { name: group.name.to_string(), kind: group.machine_kind.unwrap_or(group.kind) };
            props.onreview.reform(move |_: MouseEvent| {
                if decision == Decision::Reject {
                    focus_row_after_removal(at);
                }
                (scope.clone(), decision)
            })
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
        let (class, title) = if group.in_clutter {
            ("entity-row clutter", "Step through its mentions (all outside the article: menus, share bars, footers)")
        } else {
            ("entity-row", "Step through its mentions")
        };
        html! {
            <li class={class} data-testid="entity-row" data-name={group.name.to_string()} data-kind={group.kind.label()}>
                <button class="entity-name" onclick={onstep} {title}>
                    <span class={format!("swatch hl-{}", kind_class(group.kind))}></span>
                    <span data-testid="entity-label">{ format!("{} — {}", group.name, group.spans.len()) }</span>
                    if reviewed { <span class="reviewed-badge" title="Reviewed" aria-hidden="true">{ "✓" }</span><span class="visually-hidden">{ "(reviewed)" }</span> }
                </button>
                <span class="entity-actions">
                    // Each button's name says its action and the entity: a screen reader's list of buttons
                    // would otherwise read "✓", "✕", "Remove" on every row.
                    if all_added {
                        <button data-testid="entity-remove" aria-label={format!("Remove {}", group.name)} onclick={props.onremove.reform(move |_: MouseEvent| added.to_vec())}>{ "Remove" }</button>
                    } else {
                        <button data-testid="entity-accept" aria-label={format!("Accept {}", group.name)} title="Accept all mentions" onclick={review(Decision::Accept)}>{ "✓" }</button>
                        <button data-testid="entity-reject" aria-label={format!("Reject {}", group.name)} title="Reject all mentions" onclick={review(Decision::Reject)}>{ "✕" }</button>
                        <select data-testid="entity-retag" aria-label={format!("Kind of {}", group.name)} title="Change the kind of all mentions" onchange={onretag}>
                            { for EntityKind::ALL.into_iter().map(|k| html! { <option value={k.label()} selected={k == group.kind}>{ kind_name(k) }</option> }) }
                        </select>
                    }
                </span>
            </li>
        }
    };
    html! {
        <section class="entities-panel" aria-label="Entities">
            if list.is_empty() {
                <p class="hint" data-testid="entities-empty">{ empty_entities_hint(props.pending, !query.is_empty()) }</p>
            }
            <ul class="entity-list">{ for list.into_iter().enumerate().map(row) }</ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sidenote_annotate::model::Decision;

    #[test]
    fn groups_count_mentions_most_first_and_know_the_added_ones() {
        let text = "Ann Lee met Bo. Bo met Ann Lee and Cy. Bo left.";
        let mut open = OpenDocument::open("t".into(), text.into());
        open.extraction = sidenote_extract::extract(text);
        let mut annotations = Annotations::default();
        let names: Vec<(String, usize)> =
            entity_groups(&open, &annotations).into_iter().map(|g| (g.name, g.spans.len())).collect();
        assert_eq!(names.first().map(|(n, c)| (n.as_str(), *c)), Some(("Bo", 3)), "{names:?}");
        // Rejecting an entity removes its group; an entity the user adds is a group of its own, removable.
        annotations.review(ReviewScope::Entity { name: "Bo".into(), kind: EntityKind::Person }, Decision::Reject);
        let groups = entity_groups(&open, &annotations);
        assert!(groups.iter().all(|g| g.name != "Bo"));
        let cy = text.find("Cy").map(|at| Span::new(at, at + 2)).expect("Cy is in the text");
        annotations.add_entity(text, cy, EntityKind::Org);
        let groups = entity_groups(&open, &annotations);
        let added = groups.iter().find(|g| g.name == "Cy" && g.kind == EntityKind::Org).expect("the added entity");
        assert!(added.all_added && added.reviewed && added.added.len() == 1);
        assert!(groups.iter().filter(|g| g.name != "Cy").all(|g| g.added.is_empty() && !g.all_added));
    }

    /// Entities found only in page clutter come after the article's, however often they are named, and are
    /// marked so (a share bar's "Facebook" once led the list like an article's name).
    #[test]
    fn entities_found_only_outside_the_article_come_last() {
        let text = "Share on Facebook. Facebook. Facebook.\nAnn Lee met Bo in Paris.\nFollow us on Facebook.";
        let mut open = OpenDocument::open("t".into(), text.into());
        open.extraction = sidenote_extract::extract(text);
        let body_start = text.find("Ann").expect("the article");
        let body_end = text.find("Follow").expect("the footer") - 1;
        open.extraction.body = vec![Span::new(body_start, body_end)];
        let groups = entity_groups(&open, &Annotations::default());
        let order: Vec<(&str, bool)> = groups.iter().map(|g| (g.name.as_str(), g.in_clutter)).collect();
        let first_clutter = order.iter().position(|(_, clutter)| *clutter).unwrap_or(order.len());
        assert!(order[first_clutter..].iter().all(|(_, clutter)| *clutter), "{order:?}");
        assert!(order.iter().any(|(name, clutter)| *name == "Facebook" && *clutter), "{order:?}");
        assert!(order.iter().any(|(name, clutter)| *name == "Ann Lee" && !*clutter), "{order:?}");
    }
}
