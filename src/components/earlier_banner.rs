//! The line that offers the notes of an earlier capture of the same page ([`crate::state::State::earlier_capture`]).

use super::reform_fn;
use yew::prelude::*;

/// What [`earlier_banner`] shows and whom it calls.
pub struct EarlierBannerProps {
    /// What it says ([`crate::state::State::earlier_banner_text`]).
    pub text: String,
    /// Brings the earlier capture's notes here (after the import's question).
    pub onbring: Callback<()>,
    /// Stops offering them for this document.
    pub ondecline: Callback<()>,
}

/// A plain function, not a Yew component, like the share banner: no hooks, cheap to render with its parent.
pub fn earlier_banner(props: &EarlierBannerProps) -> Html {
    html! {
        <div class="notice notice-info" role="status" data-testid="earlier-banner">
            <span>{ props.text.clone() }</span>
            <button class="primary" data-testid="bring-earlier" onclick={reform_fn(&props.onbring, |_: MouseEvent| ())}>
                { "Bring notes here" }
            </button>
            <button data-testid="decline-earlier" onclick={reform_fn(&props.ondecline, |_: MouseEvent| ())}>
                { "Not now" }
            </button>
        </div>
    }
}
