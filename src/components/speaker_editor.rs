//! Correcting one quotation's speaker: a person of the document, a typed name, or unknown.

use sidenote_extract::Span;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::use_effect_on;

/// Props of [`SpeakerEditor`].
#[derive(Properties, PartialEq)]
pub struct SpeakerEditorProps {
    /// The quotation.
    pub quote: Span,
    /// Its speaker as shown (after correction).
    pub speaker: Option<String>,
    /// Whether a person corrected it (then the extractor's speaker can be brought back).
    pub corrected: bool,
    /// The persons of the document, offered first.
    pub choices: Vec<String>,
    /// Sets the speaker (`None`: unknown).
    pub oncorrect: Callback<(Span, Option<String>)>,
    /// Withdraws the correction.
    pub onclear: Callback<Span>,
}

/// A "Speaker…" button that opens a field with the document's persons as suggestions (any name can be
/// typed), Save, "Unknown speaker", "Use the suggested speaker" (when corrected) and Cancel.
#[component]
pub fn SpeakerEditor(props: &SpeakerEditorProps) -> Html {
    // Whether the field is open: purely visual, one quotation at a time is typical.
    let open = use_state(|| false);
    let input = use_node_ref();
    let button = use_node_ref();
    // Whether the editor was just closed: focus goes back to its button, not to the page's body (but a card
    // shown for the first time takes no focus).
    let closed = use_mut_ref(|| false);
    let quote = props.quote;
    {
        // Focus the field when it opens, its name selected, so the keyboard user types a new name at once
        // instead of adding to the old one; focus the button again when it closes.
        let (input, button, closed) = (input.clone(), button.clone(), closed.clone());
        use_effect_on(*open, move |open| {
            if *open {
                if let Some(field) = input.cast::<HtmlInputElement>() {
                    let _ = field.focus();
                    field.select();
                }
            } else if closed.replace(false) {
                if let Some(button) = button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let close = {
        let open = open.clone();
        move || {
            *closed.borrow_mut() = true;
            open.set(false)
        }
    };
    if !*open {
        let onclick = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| open.set(true))
        };
        return html! {
            <button class="speaker-edit" data-testid="speaker-edit" ref={button} {onclick}
                    aria-label={format!("Correct the speaker ({})", props.speaker.clone().unwrap_or_else(|| "unknown".into()))}>
                { "Speaker…" }
            </button>
        };
    }
    let list_id = format!("speaker-choices-{}-{}", quote.start, quote.end);
    let save = {
        let input = input.clone();
        let oncorrect = props.oncorrect.clone();
        let close = close.clone();
        move || {
            let name = input.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            oncorrect.emit((quote, Some(name.trim().to_string()).filter(|n| !n.is_empty())));
            close();
        }
    };
    let onsave = {
        let save = save.clone();
        Callback::from(move |_: MouseEvent| save())
    };
    let onkeydown = {
        let close = close.clone();
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            // Enter in the field saves it; on a button, Enter presses that button (Cancel cancels).
            "Enter" if event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some() => {
                event.prevent_default();
                save();
            }
            "Escape" => close(),
            _ => {}
        })
    };
    let onunknown = {
        let oncorrect = props.oncorrect.clone();
        let close = close.clone();
        Callback::from(move |_: MouseEvent| {
            oncorrect.emit((quote, None));
            close();
        })
    };
    let onclear = {
        let onclear = props.onclear.clone();
        let close = close.clone();
        Callback::from(move |_: MouseEvent| {
            onclear.emit(quote);
            close();
        })
    };
    let oncancel = Callback::from(move |_: MouseEvent| close());
    // The field starts from the speaker (its `defaultValue` property) and is then the user's: a `value` would be
    // written back at every render of the page and lose the name being typed. (On an `input`, Yew's `defaultvalue`
    // is a mere attribute, which left the field empty.)
    html! {
        <div class="speaker-editor" data-testid="speaker-editor" {onkeydown}>
            <input ref={input} type="text" data-testid="speaker-input" list={list_id.clone()} aria-label="Speaker"
                   placeholder="A person, or type a name" ~defaultValue={wasm_bindgen::JsValue::from(props.speaker.as_deref().unwrap_or_default())} />
            <datalist id={list_id}>
                { for props.choices.iter().map(|name| html! { <option value={name.clone()} /> }) }
            </datalist>
            <div class="editor-actions">
                <button class="primary" data-testid="speaker-save" onclick={onsave}>{ "Save" }</button>
                <button data-testid="speaker-unknown" onclick={onunknown}>{ "Unknown speaker" }</button>
                if props.corrected {
                    <button data-testid="speaker-clear" onclick={onclear}>{ "Use the suggested speaker" }</button>
                }
                <button data-testid="speaker-cancel" onclick={oncancel}>{ "Cancel" }</button>
            </div>
        </div>
    }
}
