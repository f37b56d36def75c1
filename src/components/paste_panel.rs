//! The panel where a user pastes an article's text.

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`PastePanel`].
#[derive(Properties, PartialEq)]
pub struct PastePanelProps {
    /// Called with the pasted text, and the HTML the clipboard carried with it (if the text is unchanged
    /// since the paste), when the user opens it.
    pub onopen: Callback<(String, Option<String>)>,
    /// Called when the user closes the panel without opening anything.
    pub oncancel: Callback<()>,
}

/// A text area and an "Open" button. The text is only read when the user presses Open.
#[component]
pub fn PastePanel(props: &PastePanelProps) -> Html {
    let area = use_node_ref();
    {
        // Typing starts in the text area as soon as the panel opens (keyboard users are not left behind it).
        let area = area.clone();
        use_effect_with((), move |_| {
            if let Some(area) = area.cast::<web_sys::HtmlElement>() {
                let _ = area.focus();
            }
        });
    }
    // The clipboard's HTML and the plain text pasted with it: HTML is used only while the text is unchanged.
    let pasted = use_mut_ref(|| None::<(String, String)>);
    let onpaste = {
        let pasted = pasted.clone();
        Callback::from(move |event: Event| {
            let Some(event) = event.dyn_ref::<web_sys::ClipboardEvent>() else { return };
            let Some(data) = event.clipboard_data() else { return };
            let html = data.get_data("text/html").unwrap_or_default();
            let plain = data.get_data("text/plain").unwrap_or_default();
            *pasted.borrow_mut() = (!html.trim().is_empty()).then_some((html, plain));
        })
    };
    let onopen = {
        let area = area.clone();
        props.onopen.reform(move |_: MouseEvent| {
            let text = area.cast::<HtmlTextAreaElement>().map(|a| a.value()).unwrap_or_default();
            let html =
                pasted.borrow().as_ref().filter(|(_, plain)| plain.trim() == text.trim()).map(|(html, _)| html.clone());
            (text, html)
        })
    };
    let oncancel = props.oncancel.reform(|_: MouseEvent| ());
    html! {
        <section class="paste-panel" aria-label="Paste an article">
            <label for="paste-area">{ "Paste the article's text (a whole page is fine: Sidenote finds the article in it)" }</label>
            <textarea id="paste-area" ref={area} data-testid="paste-area" rows="10" spellcheck="false" {onpaste} />
            <div class="paste-actions">
                <button class="primary" data-testid="paste-open" onclick={onopen}>{ "Open pasted text" }</button>
                <button onclick={oncancel}>{ "Cancel" }</button>
            </div>
        </section>
    }
}
