//! The line that says the open document came from a share link and offers to keep it.

use super::reform_fn;
use yew::prelude::*;

/// What [`shared_banner`] shows and whom it calls.
pub struct SharedBannerProps {
    /// What it says ([`crate::state::State::shared_banner_text`]).
    pub text: String,
    /// Called when the user keeps the document.
    pub onkeep: Callback<()>,
}

/// Until kept, a shared document is not saved in this browser: opening a link never fills the Library.
///
/// A plain function, not a Yew component: a component costs ~1.5 KB of Wasm of its own (mounting, props
/// comparison), and this one holds no hooks and is cheap to render again with its parent.
pub fn shared_banner(props: &SharedBannerProps) -> Html {
    let onkeep = reform_fn(&props.onkeep, |_: MouseEvent| ());
    html! {
        <div class="notice notice-info" role="status" data-testid="shared-banner">
            <span>{ props.text.clone() }</span>
            <button class="primary" data-testid="keep-shared" onclick={onkeep}>{ "Keep" }</button>
        </div>
    }
}
