//! The panel that shows a share link: a read-only field holding it (to select and copy by hand, and for
//! tests, since clipboards are unreliable) and a Copy button.

use super::reform_fn;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What [`share_panel`] shows and whom it calls.
pub struct SharePanelProps {
    /// The link.
    pub link: AttrValue,
    /// Called when the user asks to copy the link.
    pub oncopy: Callback<String>,
    /// Called when the user closes the panel.
    pub onclose: Callback<()>,
}

/// The link, selected on focus so that Ctrl+C copies it whole (the App focuses it when the panel opens).
/// Escape closes the panel, as Close does.
///
/// A plain function, not a Yew component: a component costs ~1.5 KB of Wasm of its own (mounting, props
/// comparison), and this one holds no hooks and is cheap to render again with its parent.
pub fn share_panel(props: &SharePanelProps) -> Html {
    let onfocus = Callback::from(|event: FocusEvent| {
        if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
            input.select();
        }
    });
    let oncopy = {
        let link = props.link.to_string();
        props.oncopy.reform(move |_: MouseEvent| link.clone())
    };
    let onkeydown = super::close_on_escape(props.onclose.clone());
    let onclose = reform_fn(&props.onclose, |_: MouseEvent| ());
    html! {
        <section class="paste-panel" aria-label="Share link" data-testid="share-panel" {onkeydown}>
            <label for="share-link">
                { "Anyone who opens this link sees this article with your notes. It is all in the link itself: nothing is uploaded." }
            </label>
            <input id="share-link" type="text" readonly=true data-testid="share-link" value={props.link.clone()} {onfocus} />
            <div class="paste-actions">
                <button class="primary" data-testid="share-copy" onclick={oncopy}>{ "Copy link" }</button>
                <button data-testid="share-close" onclick={onclose}>{ "Close" }</button>
            </div>
        </section>
    }
}
