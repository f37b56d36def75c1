//! Editing a note's text and tags (for a new note and for an existing one).

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What [`note_editor`] shows and whom it calls.
pub struct NoteEditorProps {
    /// The text to start from.
    pub text: AttrValue,
    /// The tags to start from, comma-separated.
    pub tags: AttrValue,
    /// The save button's label.
    pub label: &'static str,
    /// Called with (text, tags) on save.
    pub onsave: Callback<(String, Vec<String>)>,
    /// Called to close the editor (after `ondraft`).
    pub oncancel: Callback<()>,
    /// Keeps what is typed as the editor's draft (text, tags as typed) when the editor closes by Escape or a
    /// field loses the focus (the user went elsewhere); `None` throws it away (Cancel).
    pub ondraft: Callback<Option<(String, String)>>,
}

/// Where the host of an open editor moves the focus when it opens (its effect, `services::dom::focus_into_view`
/// with the editor's container before this), so that typing starts at once.
pub const NOTE_TEXT: &str = "[data-testid=note-text]";

/// A text area for the note, a field for tags, Save and Cancel. Ctrl+Enter saves; Escape closes, keeping what
/// was typed as a draft (as does leaving a field: a click elsewhere may close the editor); Cancel discards it.
///
/// Both fields start from their props (their default values) and are then the user's: a `value` would be
/// written back at every render of the page (another tab's save, a click on a tab) and lose what was typed. On
/// the `input`, that is the `defaultValue` property: Yew's `defaultvalue` is special on a `textarea` only, a mere
/// attribute on an `input`, which left a note's tags empty in its editor (and dropped them on Save).
///
/// A plain function, not a Yew component: a component costs ~1.5 KB of Wasm of its own (mounting, props
/// comparison). Its fields are reached through references made at each render (Yew points a new reference at
/// the same element), and its host focuses the text area when it opens ([`NOTE_TEXT`]).
pub fn note_editor(props: &NoteEditorProps) -> Html {
    let text_ref = NodeRef::default();
    let tags_ref = NodeRef::default();
    let typed = {
        let (text_ref, tags_ref) = (text_ref.clone(), tags_ref.clone());
        move || {
            let text = text_ref.cast::<HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
            (text, tags_ref.cast::<HtmlInputElement>().map(|t| t.value()).unwrap_or_default())
        }
    };
    let save = {
        let (typed, onsave) = (typed.clone(), props.onsave.clone());
        move || {
            let (text, tags) = typed();
            onsave.emit((text, crate::state::parse_tags(&tags)));
        }
    };
    let onclick = {
        let save = save.clone();
        Callback::from(move |_: MouseEvent| save())
    };
    let onchange = {
        let (typed, ondraft) = (typed.clone(), props.ondraft.clone());
        Callback::from(move |_: Event| ondraft.emit(Some(typed())))
    };
    let onkeydown = {
        let (oncancel, ondraft) = (props.oncancel.clone(), props.ondraft.clone());
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                event.prevent_default();
                save();
            } else if event.key() == "Escape" {
                ondraft.emit(Some(typed()));
                oncancel.emit(());
            }
        })
    };
    let oncancel = {
        let (oncancel, ondraft) = (props.oncancel.clone(), props.ondraft.clone());
        Callback::from(move |_: MouseEvent| {
            ondraft.emit(None);
            oncancel.emit(());
        })
    };
    html! {
        <div class="note-editor" {onkeydown} {onchange}>
            <textarea ref={text_ref} data-testid="note-text" rows="3" placeholder="Your note" aria-label="Note text"
                      defaultvalue={props.text.clone()} />
            <input ref={tags_ref} data-testid="note-tags" type="text" placeholder="Tags, comma-separated" aria-label="Tags"
                   ~defaultValue={wasm_bindgen::JsValue::from(props.tags.as_str())} />
            <div class="editor-actions">
                <button class="primary" data-testid="note-save" {onclick}>{ props.label }</button>
                <button data-testid="note-cancel" onclick={oncancel}>{ "Cancel" }</button>
            </div>
        </div>
    }
}
