//! The open state of a note card, on words or on the whole article: the note editor, a delete button and the
//! box that replies to it.

use yew::prelude::*;

use super::note_editor::{note_editor, NoteEditorProps};
use super::reform_fn;
use super::reply_list::reply_box;

/// What [`note_card_editor`] shows and whom it calls.
pub struct NoteCardEditorProps {
    pub id: String,
    pub text: String,
    pub tags: Vec<String>,
    /// Closes the card (`None`).
    pub onfocus: Callback<Option<String>>,
    /// (note id, text, tags typed as "a, b").
    pub onedit: Callback<(String, String, Vec<String>)>,
    pub ondelete: Callback<String>,
    /// (note id, reply text).
    pub onreply: Callback<(String, String)>,
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
    html! {
        <>
            { note_editor(&NoteEditorProps { text: AttrValue::from(props.text.clone()), tags: AttrValue::from(props.tags.join(", ")),
                label: "Save", onsave, oncancel: reform_fn(&props.onfocus, |_| None) }) }
            <button class="danger" data-testid="note-delete" onclick={ondelete}>{ "Delete note" }</button>
            { reply_box(&props.id, &props.onreply, &reform_fn(&props.onfocus, |_| None)) }
        </>
    }
}
