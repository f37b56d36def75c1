//! The notes, in reading order, orphans last, with search and tag filter; the active one is editable.

use std::rc::Rc;

use sidenote_annotate::anchor::AnchorStatus;
use sidenote_annotate::model::{Annotations, Note};
use yew::prelude::*;

use super::document_notes::DocumentNotes;
use super::note_card_editor::NoteCardEditor;
use super::reply_list::ReplyList;
use crate::state::OpenDocument;

/// Props of [`NotesPanel`].
#[derive(Properties, PartialEq)]
pub struct NotesPanelProps {
    /// The open article.
    pub open: Rc<OpenDocument>,
    /// The annotations.
    pub annotations: Rc<Annotations>,
    /// The note whose card is open.
    pub active: Option<String>,
    /// The search text.
    pub query: AttrValue,
    /// The tag filter.
    pub tag: Option<String>,
    /// Every tag in use.
    pub tags: Vec<String>,
    /// Opens a note's card (and flashes its words); `None` closes it.
    pub onfocus: Callback<Option<String>>,
    /// Saves an edit: (id, text, tags).
    pub onedit: Callback<(String, String, Vec<String>)>,
    /// Deletes a note.
    pub ondelete: Callback<String>,
    /// Sets the tag filter.
    pub ontag: Callback<Option<String>>,
    /// Adds a note on the whole article: (text, tags).
    pub onadddocumentnote: Callback<(String, Vec<String>)>,
}

/// Whether a note matches the search text (in its text, tags or quoted words) and tag filter.
pub fn note_matches(note: &Note, words: &str, query: &str, tag: Option<&str>) -> bool {
    let query = sidenote_extract::case::lowercase(query.trim());
    let text_ok = query.is_empty()
        || sidenote_extract::case::lowercase(&note.text).contains(&query)
        || sidenote_extract::case::lowercase(words).contains(&query)
        || note.tags.iter().any(|t| sidenote_extract::case::lowercase(t).contains(&query));
    text_ok && tag.is_none_or(|t| note.tags.iter().any(|x| x == t))
}

/// Lists the notes as cards; clicking a card scrolls to its words and opens it for editing.
#[component]
pub fn NotesPanel(props: &NotesPanelProps) -> Html {
    let text = props.open.text();
    let notes: Vec<&Note> = props
        .annotations
        .notes_in_reading_order()
        .into_iter()
        .filter(|n| {
            let words = n.span.map_or(n.target.exact.as_str(), |s| s.slice(text));
            note_matches(n, words, &props.query, props.tag.as_deref())
        })
        .collect();
    let onchange_tag = props.ontag.reform(|event: Event| {
        let value = event.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
        (!value.is_empty()).then_some(value)
    });
    let card = |note: &Note| {
        let id = note.id.clone();
        let words = note.span.map_or(note.target.exact.as_str(), |s| s.slice(text)).to_string();
        let active = props.active.as_deref() == Some(note.id.as_str());
        let status = note.status;
        let onclick = {
            let id = id.clone();
            props.onfocus.reform(move |_: MouseEvent| Some(id.clone()))
        };
        html! {
            <li class={classes!("note-card", active.then_some("active"), (status == AnchorStatus::Orphan).then_some("orphan"))}
                data-testid="note-card" data-note-id={id.clone()} data-status={status.label()}>
                <button class="note-quote" {onclick} title="Show these words in the article">
                    <q>{ words.chars().take(140).collect::<String>() }</q>
                    <span class={classes!("anchor-badge", status.label())} data-testid="anchor-status">{ status.label() }</span>
                </button>
                if active {
                    <NoteCardEditor id={id.clone()} text={note.text.clone()} tags={note.tags.clone()}
                                    onfocus={props.onfocus.clone()} onedit={props.onedit.clone()} ondelete={props.ondelete.clone()} />
                } else {
                    <p class="note-text" data-testid="note-body">{ &note.text }</p>
                    <p class="note-tags">{ for note.tags.iter().map(|t| html! { <span class="tag" data-testid="note-tag">{ format!("#{t}") }</span> }) }</p>
                }
                <ReplyList replies={note.replies.clone()} />
            </li>
        }
    };
    html! {
        <section class="notes-panel" aria-label="Notes">
            <label class="tag-filter">{ "Tag " }
                <select data-testid="tag-filter" onchange={onchange_tag}>
                    <option value="" selected={props.tag.is_none()}>{ "all" }</option>
                    { for props.tags.iter().map(|t| html! { <option value={t.clone()} selected={props.tag.as_deref() == Some(t.as_str())}>{ t }</option> }) }
                </select>
            </label>
            <DocumentNotes notes={props.annotations.document_notes.clone()} active={props.active.clone()}
                onfocus={props.onfocus.clone()} onadd={props.onadddocumentnote.clone()} onedit={props.onedit.clone()}
                ondelete={props.ondelete.clone()} />
            if props.annotations.notes.is_empty() {
                <p class="hint">{ "Select words in the article and press N (or “Add note”) to write a note." }</p>
            }
            <ol class="note-list">{ for notes.into_iter().map(card) }</ol>
        </section>
    }
}
