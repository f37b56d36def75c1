//! Notes on the whole article, at the top of the Notes tab, with the button that writes one.

use std::rc::Rc;

use sidenote_annotate::model::DocumentNote;
use yew::prelude::*;

use super::note_card_editor::{note_card_editor, NoteCardEditorProps};
use super::note_editor::{note_editor, NoteEditorProps};
use super::reform_fn;
use super::reply_list::{reply_list, ReplyListProps};
use crate::state::{draft_in, Draft, DraftTarget};

/// What [`document_notes`] shows and whom it calls.
pub struct DocumentNotesProps {
    /// The notes on the article.
    pub notes: Vec<DocumentNote>,
    /// The note whose card is open.
    pub active: Option<String>,
    /// Opens a note's card for editing; `None` closes it.
    pub onfocus: Callback<Option<String>>,
    /// Adds a note on the article: (text, tags).
    pub onadd: Callback<(String, Vec<String>)>,
    /// Saves an edit: (id, text, tags).
    pub onedit: Callback<(String, String, Vec<String>)>,
    /// Deletes a note.
    pub ondelete: Callback<String>,
    /// Replies to a note: (id, text).
    pub onreply: Callback<(String, String)>,
    /// Whether the editor for a new note is open (the Notes tab's state).
    pub writing: bool,
    /// Opens (`true`) or closes the editor for a new note.
    pub onwriting: Callback<bool>,
    /// The drafts kept, and the open document's URN (editors start from their drafts).
    pub drafts: Rc<Vec<Draft>>,
    pub urn: String,
    /// Keeps (or, `None`, throws away) an editor's draft.
    pub ondraft: Callback<(DraftTarget, Option<(String, String)>)>,
}

/// "On the whole article": the notes with their replies, and "Note on the article", which opens the note
/// editor without any words selected. A plain function, not a Yew component: a component costs ~600 bytes of
/// gzipped Wasm of its own; whether the editor is open is kept by the Notes tab.
pub fn document_notes(props: &DocumentNotesProps) -> Html {
    let onwrite = reform_fn(&props.onwriting, |_: MouseEvent| true);
    let onsave = {
        let onwriting = props.onwriting.clone();
        let onadd = props.onadd.clone();
        Callback::from(move |(text, tags): (String, Vec<String>)| {
            onwriting.emit(false);
            onadd.emit((text, tags));
        })
    };
    let oncancel = reform_fn(&props.onwriting, |_| false);
    let draft = draft_in(&props.drafts, &props.urn, &DraftTarget::Article);
    let (text, tags) =
        draft.map_or_else(Default::default, |d| (AttrValue::from(d.text.clone()), AttrValue::from(d.tags.clone())));
    let ondraft = props.ondraft.reform(|typed| (DraftTarget::Article, typed));
    let card = |note: &DocumentNote| {
        let id = note.id.clone();
        let active = props.active.as_deref() == Some(note.id.as_str());
        let onopen = {
            let id = id.clone();
            props.onfocus.reform(move |_: MouseEvent| Some(id.clone()))
        };
        html! {
            <li class={super::class_list(&[Some("note-card document-note"), active.then_some("active")])} data-testid="document-note" data-note-id={id.clone()}>
                if active {
                    { note_card_editor(&NoteCardEditorProps { id: id.clone(), text: note.text.clone(), tags: note.tags.clone(),
                                                              drafts: props.drafts.clone(), urn: props.urn.clone(), ondraft: props.ondraft.clone(),
                                                              onfocus: props.onfocus.clone(), onedit: props.onedit.clone(),
                                                              ondelete: props.ondelete.clone(), onreply: props.onreply.clone() }) }
                } else {
                    <button class="note-quote" onclick={onopen} title="Edit this note" aria-label={format!("Edit note: {}", note.text.chars().take(60).collect::<String>())}>
                        <span class="note-text" data-testid="note-body">{ &note.text }</span>
                    </button>
                    <p class="note-tags">{ for note.tags.iter().map(|t| html! { <span class="tag" data-testid="note-tag">{ format!("#{t}") }</span> }) }</p>
                }
                { reply_list(&ReplyListProps { replies: note.replies.clone() }) }
            </li>
        }
    };
    html! {
        <section class="document-notes" aria-labelledby="document-notes-heading" data-testid="document-notes">
            <h3 id="document-notes-heading">{ "On the whole article" }</h3>
            <ol class="note-list">{ for props.notes.iter().map(card) }</ol>
            if props.writing {
                <div data-testid="document-note-editor">
                    { note_editor(&NoteEditorProps { text, tags, label: "Add note", onsave, oncancel, ondraft }) }
                </div>
            } else {
                <button data-testid="add-document-note" onclick={onwrite}>{ "Note on the article" }</button>
            }
        </section>
    }
}
