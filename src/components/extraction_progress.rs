//! The line that says the worker is still working: on the open document's extraction, or on an import.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::hooks::use_effect_on;

/// How long the extractor may work before the line appears: quicker answers would only make it flicker.
const SHOW_AFTER_MS: u32 = 200;

/// Props of [`ExtractionProgress`].
#[derive(Properties, PartialEq)]
pub struct ExtractionProgressProps {
    /// Whether the work is still pending.
    pub pending: bool,
    /// What the worker is doing.
    #[prop_or(AttrValue::Static("Finding names and quotes…"))]
    pub label: AttrValue,
    /// The line's `data-testid`.
    #[prop_or(AttrValue::Static("extraction-progress"))]
    pub testid: AttrValue,
}

/// "Finding names and quotes…" (or another label), shown once the work has taken over 200 ms, until it ends.
/// Its only state is that visual delay.
#[component]
pub fn ExtractionProgress(props: &ExtractionProgressProps) -> Html {
    let shown = use_state(|| false);
    {
        let shown = shown.clone();
        use_effect_on(props.pending, move |pending| {
            let timer = pending.then(|| {
                let shown = shown.clone();
                Timeout::new(SHOW_AFTER_MS, move || shown.set(true))
            });
            if !pending {
                shown.set(false);
            }
            move || drop(timer)
        });
    }
    if !(props.pending && *shown) {
        return html! {};
    }
    html! {
        <div class="extraction-progress" role="status" data-testid={props.testid.clone()}>
            <span class="extraction-progress-spinner" aria-hidden="true"></span>
            { props.label.clone() }
        </div>
    }
}
