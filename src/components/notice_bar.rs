//! The message line under the toolbar.

use yew::prelude::*;

use crate::state::{Notice, NoticeLevel};

/// Props of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    /// The message to show, if any.
    pub notice: Option<Notice>,
    /// Called when the user dismisses it.
    pub ondismiss: Callback<()>,
}

/// Shows the current message with a dismiss button; errors are announced to screen readers at once.
#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let Some(notice) = &props.notice else {
        return html! {};
    };
    let (class, role) = match notice.level {
        NoticeLevel::Error => ("notice notice-error", "alert"),
        NoticeLevel::Info => ("notice notice-info", "status"),
    };
    let ondismiss = props.ondismiss.reform(|_: MouseEvent| ());
    html! {
        <div class={class} role={role} data-testid="notice">
            <span data-testid="notice-text">{ &notice.text }</span>
            <button class="notice-close" aria-label="Dismiss message" onclick={ondismiss}>{ "×" }</button>
        </div>
    }
}
