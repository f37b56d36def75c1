//! The open state of a note card, on words or on the whole article: the note editor, a delete button and the
//! box that replies to it.

use std::rc::Rc;

use yew::prelude::*;

use super::note_editor::{note_editor, NoteEditorProps};
use super::reform_fn;
use super::reply_list::reply_box;
use crate::state::{draft_in, Draft, DraftTarget};

/// What [`note_card_editor`] shows and whom it calls.
pub struct NoteCardEditorProps {
    pub id: String,
    pub text: String,
    pub tags: Vec<String>,
    /// The drafts kept, and the open document's URN: the editor and the reply box start from theirs.
    pub drafts: Rc<Vec<Draft>>,
    pub urn: String,
    /// Closes the card (`None`).
    pub onfocus: Callback<Option<String>>,
    /// (note id, text, tags typed as "a, b").
    pub onedit: Callback<(String, String, Vec<String>)>,
    pub ondelete: Callback<String>,
    /// (note id, reply text).
    pub onreply: Callback<(String, String)>,
    /// Keeps (or, `None`, throws away) an editor's draft.
    pub ondraft: Callback<(DraftTarget, Option<(String, String)>)>,
}

/// The note editor, a delete button and the reply box. A plain function, not a Yew component: a component costs ~1.5 KB of
/// Wasm of its own (mounting, props comparison), and this one holds no hooks and is cheap to render again with
/// its parent.
pub fn note_card_editor(props: &NoteCardEditorProps) -> Html {
    let onsave = {
        let id = props.id.clone();
        props.onedit.reform(move |(text, tags)| (id.clone(), text, tags))
    };
    let ondelete = {
        let id = props.id.clone();
        props.ondelete.reform(move |_: MouseEvent| id.clone())
    };
    let (card, reply) = (DraftTarget::Note(props.id.clone()), DraftTarget::Reply(props.id.clone()));
    let (text, tags) = match draft_in(&props.drafts, &props.urn, &card) {
        Some(draft) => (draft.text.clone(), draft.tags.clone()),
        None => (props.text.clone(), crate::state::tags_text(&props.tags)),
    };
    let reply_draft = draft_in(&props.drafts, &props.urn, &reply).map_or("", |d| d.text.as_str());
    let ondraft = props.ondraft.reform(move |typed| (card.clone(), typed));
    let onreplydraft = props.ondraft.reform(move |text| (reply.clone(), Some((text, String::new()))));
    html! {
        <>
            { note_editor(&NoteEditorProps { text: AttrValue::from(text), tags: AttrValue::from(tags),
                label: "Save", onsave, oncancel: reform_fn(&props.onfocus, |_| None), ondraft }) }
            <button class="danger" data-testid="note-delete" onclick={ondelete}>{ "Delete note" }</button>
            { reply_box(&props.id, reply_draft, &props.onreply, &reform_fn(&props.onfocus, |_| None), &onreplydraft) }
        </>
    }
}
