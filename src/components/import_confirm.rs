//! The question asked before anchoring a file made for another document.

use super::reform_fn;
use yew::prelude::*;

/// What [`import_confirm`] shows and whom it calls.
pub struct ImportConfirmProps {
    /// Why the user is asked (the file's source and the open document's).
    pub message: AttrValue,
    /// Opens the article the file carries and imports the file onto it (`None`: the file carries none).
    pub onopen: Option<Callback<()>>,
    /// Anchors the file anyway.
    pub onanchor: Callback<()>,
    /// Drops the file; nothing changes.
    pub oncancel: Callback<()>,
}

/// The message with "Open its article" (when the file carries its own article: a colleague's export, which
/// most often is what the user wants to see), "Anchor anyway" and "Cancel". Cancel gets the focus when the question appears (the
/// App's effect, `services::dom::focus_into_view`), since it is the choice that changes nothing, and the
/// keyboard user lands on the question at once. Escape is Cancel.
///
/// A plain function, not a Yew component: a component costs ~1.5 KB of Wasm of its own (mounting, props
/// comparison), and its one hook, the focus, is the App's.
pub fn import_confirm(props: &ImportConfirmProps) -> Html {
    html! {
        <section class="import-confirm notice notice-error" data-testid="import-confirm" role="alertdialog"
                 aria-labelledby="import-confirm-text" onkeydown={super::close_on_escape(props.oncancel.clone())}>
            <p id="import-confirm-text" data-testid="import-confirm-text">{ props.message.clone() }</p>
            <div class="editor-actions">
                if let Some(onopen) = &props.onopen {
                    <button class="primary" data-testid="import-open-article" onclick={reform_fn(onopen, |_: MouseEvent| ())}>{ "Open its article" }</button>
                }
                <button class={if props.onopen.is_some() { "" } else { "primary" }} data-testid="import-anchor" onclick={reform_fn(&props.onanchor, |_: MouseEvent| ())}>{ "Anchor anyway" }</button>
                <button data-testid="import-cancel" onclick={reform_fn(&props.oncancel, |_: MouseEvent| ())}>{ "Cancel" }</button>
            </div>
        </section>
    }
}
