//! The question asked before anchoring a file made for another document.

use yew::prelude::*;

/// Props of [`ImportConfirm`].
#[derive(Properties, PartialEq)]
pub struct ImportConfirmProps {
    /// Why the user is asked (the file's source and the open document's).
    pub message: AttrValue,
    /// Anchors the file anyway.
    pub onanchor: Callback<()>,
    /// Drops the file; nothing changes.
    pub oncancel: Callback<()>,
}

/// The message with "Anchor anyway" and "Cancel". Cancel gets the focus, since it is the choice that
/// changes nothing, and the keyboard user lands on the question at once.
#[component]
pub fn ImportConfirm(props: &ImportConfirmProps) -> Html {
    let cancel = use_node_ref();
    {
        let cancel = cancel.clone();
        use_effect_with((), move |_| {
            if let Some(button) = cancel.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    html! {
        <section class="import-confirm notice notice-error" data-testid="import-confirm" role="alertdialog"
                 aria-labelledby="import-confirm-text">
            <p id="import-confirm-text" data-testid="import-confirm-text">{ props.message.clone() }</p>
            <div class="editor-actions">
                <button class="primary" data-testid="import-anchor" onclick={props.onanchor.reform(|_: MouseEvent| ())}>{ "Anchor anyway" }</button>
                <button ref={cancel} data-testid="import-cancel" onclick={props.oncancel.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
            </div>
        </section>
    }
}
