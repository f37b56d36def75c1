//! The side panel: search, tabs (Notes, Entities, Quotes, Library) and the selection's actions.

use std::rc::Rc;

use sidenote_annotate::model::Annotations;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::entities_panel::{entities_panel, EntitiesPanelProps, EntitiesState};
use super::library_panel::{library_panel, LibraryPanelProps};
use super::notes_panel::NotesPanel;
use super::quotes_panel::{quotes_panel, QuotesPanelProps};
use super::reform_fn;
use super::search_box::{search_box, Found, SearchBoxProps};
use crate::state::{Action, Draft, LayerSet, LibraryEntry, OpenDocument, Panel, UnreadableRecord};

/// What [`side_panel`] shows and whom it calls.
pub struct SidePanelProps {
    /// The open article.
    pub open: Rc<OpenDocument>,
    /// The annotations.
    pub annotations: Rc<Annotations>,
    /// The tab shown.
    pub panel: Panel,
    /// The search text.
    pub query: AttrValue,
    /// The tag filter.
    pub tag: Option<String>,
    /// Every tag in use.
    pub tags: Vec<String>,
    /// The active note.
    pub active_note: Option<String>,
    /// Layers switched off.
    pub hidden: LayerSet,
    /// Saved documents.
    pub library: Vec<LibraryEntry>,
    /// Dispatches actions.
    pub dispatch: Callback<Action>,
    /// Opens a saved document (a storage read, done by the app).
    pub onopensaved: Callback<String>,
    /// Deletes a saved document.
    pub ondeletesaved: Callback<String>,
    /// The saved document whose deletion waits for a second click, if any.
    pub confirming_delete: Option<String>,
    /// Asks to confirm a deletion (`Some(urn)`), or no longer (`None`).
    pub onconfirmdelete: Callback<Option<String>>,
    /// Stored records that could not be read.
    pub unreadable: Vec<UnreadableRecord>,
    /// Downloads a record that could not be read, as it is stored (by key).
    pub onexportraw: Callback<String>,
    /// Deletes a record that could not be read (by key).
    pub ondeleteraw: Callback<String>,
    /// How much storage is used, where, and whether it is persistent (shown in the Library).
    pub usage: Option<crate::state::StorageUsage>,
    /// The library is still being read.
    pub loading: bool,
    /// The shown quotations' count (the legend's, memoised by the app).
    pub quote_count: usize,
    /// The Entities tab's count (`LegendCounts::entities_tab`).
    pub entities_count: String,
    /// The Entities tab's state (kept by the App).
    pub entities: EntitiesState,
    /// The search box's last search in the article (its state, kept by the App).
    pub search_found: UseStateHandle<Option<Found>>,
    /// The drafts kept for the note editors.
    pub drafts: Rc<Vec<Draft>>,
}

/// Tabs and their lists. A plain function, not a Yew component: a component costs ~600 bytes of gzipped Wasm
/// of its own; the lists in it are components, which render again only when their props change.
pub fn side_panel(props: &SidePanelProps) -> Html {
    let dispatch = &props.dispatch;
    let tab = |panel: Panel, label: &'static str, count: String| {
        let selected = props.panel == panel;
        html! {
            <button role="tab" id={format!("tab-{}", label.to_ascii_lowercase())} aria-selected={selected.to_string()}
                    aria-controls="side-tabpanel" class={super::class_list(&[Some("tab"), selected.then_some("selected")])}
                    data-testid={format!("tab-{}", label.to_ascii_lowercase())} onclick={dispatch.reform(move |_: MouseEvent| Action::ShowPanel(panel))}>
                { label }{ count }
            </button>
        }
    };
    let selected_tab = match props.panel {
        Panel::Notes => "tab-notes",
        Panel::Entities => "tab-entities",
        Panel::Quotes => "tab-quotes",
        Panel::Library => "tab-library",
    };
    let body = match props.panel {
        Panel::Notes => html! {
            <NotesPanel open={props.open.clone()} annotations={props.annotations.clone()} active={props.active_note.clone()}
                query={props.query.clone()} tag={props.tag.clone()} tags={props.tags.clone()}
                onfocus={reform_fn(dispatch, Action::FocusNote)}
                onedit={reform_fn(dispatch, |(id, text, tags)| Action::EditNote { id, text, tags })}
                ondelete={reform_fn(dispatch, Action::DeleteNote)} ontag={reform_fn(dispatch, Action::SetTagFilter)}
                onreply={reform_fn(dispatch, |(note, text)| Action::AddReply { note, text })}
                onadddocumentnote={reform_fn(dispatch, |(text, tags)| Action::AddDocumentNote { text, tags })}
                drafts={props.drafts.clone()} ondraft={reform_fn(dispatch, |(target, typed)| Action::KeepDraft(target, typed))} />
        },
        Panel::Entities => entities_panel(&EntitiesPanelProps {
            state: props.entities.clone(),
            pending: props.open.progress == crate::state::ExtractionProgress::Pending,
            query: props.query.clone(),
            hidden: props.hidden.clone(),
            onflash: reform_fn(dispatch, Action::FlashSpan),
            onreview: reform_fn(dispatch, |(scope, decision)| Action::Review { scope, decision }),
            onremove: reform_fn(dispatch, Action::RemoveAddedEntities),
        }),
        Panel::Quotes => html! {
            { quotes_panel(&QuotesPanelProps { open: props.open.clone(), annotations: props.annotations.clone(),
                query: props.query.clone(), onflash: reform_fn(dispatch, Action::FlashSpan),
                oncorrect: reform_fn(dispatch, |(quote, speaker)| Action::CorrectSpeaker { quote, speaker }),
                onclear: reform_fn(dispatch, Action::ClearSpeakerCorrection) }) }
        },
        Panel::Library => html! {
            { library_panel(&LibraryPanelProps { entries: props.library.clone(), current: AttrValue::from(props.open.urn.clone()),
                onopen: props.onopensaved.clone(), ondelete: props.ondeletesaved.clone(),
                unreadable: props.unreadable.clone(), onexportraw: props.onexportraw.clone(),
                ondeleteraw: props.ondeleteraw.clone(), usage: props.usage.clone(), loading: props.loading,
                confirming: props.confirming_delete.clone(), onconfirming: props.onconfirmdelete.clone() }) }
        },
    };
    // The tabs' keys (WAI-ARIA's tabs pattern): ← and → go to the previous and next tab (round), Home and End
    // to the first and last, each shown at once, and the focus follows. Tab still goes through every tab.
    let onkeydown = {
        let (dispatch, shown) = (dispatch.clone(), props.panel);
        Callback::from(move |event: KeyboardEvent| {
            let focused = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|e| e.id());
            let Some((panel, id)) = tab_for_key(&event.key(), focused.as_deref(), shown) else { return };
            event.prevent_default();
            dispatch.emit(Action::ShowPanel(panel));
            crate::services::dom::focus(&format!("#{id}"));
        })
    };
    html! {
        <aside class="side-panel" aria-label="Annotations" data-testid="side-panel" tabindex="-1">
            { search_box(&SearchBoxProps { open: props.open.clone(), query: props.query.clone(),
                dispatch: props.dispatch.clone(), found: props.search_found.clone() }) }
            <div class="tabs" role="tablist" {onkeydown}>
                { tab(Panel::Notes, "Notes", format!(" ({})", props.annotations.note_count())) }
                { tab(Panel::Entities, "Entities", props.entities_count.clone()) }
                { tab(Panel::Quotes, "Quotes", format!(" ({})", props.quote_count)) }
                { tab(Panel::Library, "Library", String::new()) }
            </div>
            <div class="tab-body" role="tabpanel" id="side-tabpanel" aria-labelledby={selected_tab}>{ body }</div>
        </aside>
    }
}

/// The tabs in their order, with their elements' ids.
const TABS: [(Panel, &str); 4] = [
    (Panel::Notes, "tab-notes"),
    (Panel::Entities, "tab-entities"),
    (Panel::Quotes, "tab-quotes"),
    (Panel::Library, "tab-library"),
];

/// The tab a key goes to from the focused tab (`focused`, its id), or from the one shown when the focus is on
/// none: Tab reaches every tab, so the focused one need not be the one shown, and → goes on from where the
/// focus is, not back to a neighbour of the shown one.
fn tab_for_key(key: &str, focused: Option<&str>, shown: Panel) -> Option<(Panel, &'static str)> {
    let at = TABS
        .iter()
        .position(|(_, id)| Some(*id) == focused)
        .or_else(|| TABS.iter().position(|(panel, _)| *panel == shown))
        .unwrap_or(0);
    let to = match key {
        "ArrowRight" => (at + 1) % TABS.len(),
        "ArrowLeft" => (at + TABS.len() - 1) % TABS.len(),
        "Home" => 0,
        "End" => TABS.len() - 1,
        _ => return None,
    };
    Some(TABS[to])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tabs_arrow_keys_go_on_from_the_focused_tab() {
        let cases = [
            // Tab moved the focus to Quotes while Notes is shown: → goes to Library, ← to Entities.
            ("ArrowRight", Some("tab-quotes"), Panel::Notes, Some(Panel::Library)),
            ("ArrowLeft", Some("tab-quotes"), Panel::Notes, Some(Panel::Entities)),
            ("ArrowRight", Some("tab-library"), Panel::Library, Some(Panel::Notes)),
            ("ArrowLeft", Some("tab-notes"), Panel::Notes, Some(Panel::Library)),
            ("Home", Some("tab-quotes"), Panel::Entities, Some(Panel::Notes)),
            ("End", Some("tab-notes"), Panel::Notes, Some(Panel::Library)),
            // The focus on none of the tabs: from the one shown.
            ("ArrowRight", None, Panel::Entities, Some(Panel::Quotes)),
            ("Enter", Some("tab-notes"), Panel::Notes, None),
        ];
        for (key, focused, shown, expected) in cases {
            assert_eq!(tab_for_key(key, focused, shown).map(|(panel, _)| panel), expected, "{key} from {focused:?}");
        }
    }
}
