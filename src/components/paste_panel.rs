//! The panel where a user pastes an article's text.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`PastePanel`].
#[derive(Properties, PartialEq)]
pub struct PastePanelProps {
    /// Called with the pasted text when the user opens it.
    pub onopen: Callback<String>,
    /// Called when the user closes the panel without opening anything.
    pub oncancel: Callback<()>,
}

/// A text area and an "Open" button. The text is only read when the user presses Open.
#[component]
pub fn PastePanel(props: &PastePanelProps) -> Html {
    let area = use_node_ref();
    let onopen = {
        let area = area.clone();
        props
            .onopen
            .reform(move |_: MouseEvent| area.cast::<HtmlTextAreaElement>().map(|a| a.value()).unwrap_or_default())
    };
    let oncancel = props.oncancel.reform(|_: MouseEvent| ());
    html! {
        <section class="paste-panel" aria-label="Paste an article">
            <label for="paste-area">{ "Paste the article's text (a whole page is fine: Sidenote finds the article in it)" }</label>
            <textarea id="paste-area" ref={area} data-testid="paste-area" rows="10" spellcheck="false" />
            <div class="paste-actions">
                <button class="primary" data-testid="paste-open" onclick={onopen}>{ "Open pasted text" }</button>
                <button onclick={oncancel}>{ "Cancel" }</button>
            </div>
        </section>
    }
}
