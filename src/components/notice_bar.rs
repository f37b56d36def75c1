//! The message line under the toolbar.

use yew::prelude::*;

use super::reform_fn;
use crate::state::{Notice, NoticeLevel};

/// What [`notice_bar`] shows and whom it calls.
pub struct NoticeBarProps {
    /// The message to show, if any.
    pub notice: Option<Notice>,
    /// Called when the user dismisses it.
    pub ondismiss: Callback<()>,
}

/// Shows the current message with a dismiss button. Both live regions are always in the page, empty when
/// there is nothing to say, because screen readers announce changes to a region they already know, not a
/// region that appears with its message: information politely (`status`), errors at once (`alert`).
///
/// A plain function, not a Yew component: a component costs ~1.5 KB of Wasm of its own (mounting, props
/// comparison), and this one holds no hooks and is cheap to render again with its parent.
pub fn notice_bar(props: &NoticeBarProps) -> Html {
    let ondismiss = reform_fn(&props.ondismiss, |_: MouseEvent| ());
    let message = |level: NoticeLevel| {
        let notice = props.notice.as_ref().filter(|n| n.level == level)?;
        let class = match level {
            NoticeLevel::Error => "notice notice-error",
            NoticeLevel::Info => "notice notice-info",
        };
        Some(html! {
            // Keyed by the message: the same sentence said again is a new element, announced again.
            <div key={notice.serial.to_string()} class={class} data-testid="notice">
                <span data-testid="notice-text">{ &notice.text }</span>
                <button class="notice-close" aria-label="Dismiss message" onclick={ondismiss.clone()}>{ "×" }</button>
            </div>
        })
    };
    html! {
        <>
            <div class="notice-region" role="status" aria-live="polite" data-testid="notice-status">
                { message(NoticeLevel::Info).unwrap_or_default() }
            </div>
            <div class="notice-region" role="alert" data-testid="notice-alert">
                { message(NoticeLevel::Error).unwrap_or_default() }
            </div>
        </>
    }
}
