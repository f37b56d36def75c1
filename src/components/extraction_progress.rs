//! The line that says the worker is still working: on the open document's extraction, or on an import.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::hooks::use_effect_on;

/// How long the extractor may work before the line appears: quicker answers would only make it flicker.
const SHOW_AFTER_MS: u32 = 200;

/// What [`extraction_progress`] shows.
pub struct ExtractionProgressProps {
    /// Whether the line is shown: the work has been pending for over 200 ms ([`use_shown_when_slow`]).
    pub shown: bool,
    /// What the worker is doing.
    pub label: &'static str,
    /// The line's `data-testid`.
    pub testid: &'static str,
}

/// Whether work `pending` has been so for over 200 ms: the line's only state, that visual delay, kept by the
/// App (one call per line).
#[hook]
pub fn use_shown_when_slow(pending: bool) -> bool {
    let shown = use_state(|| false);
    {
        let shown = shown.clone();
        use_effect_on(pending, move |pending| {
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
    pending && *shown
}

/// "Finding names and quotes…" (or another label), shown once the work has taken over 200 ms, until it ends.
///
/// A plain function, not a Yew component: a component costs ~1.5 KB of Wasm of its own (mounting, props
/// comparison), and its one state is the App's ([`use_shown_when_slow`]).
pub fn extraction_progress(props: &ExtractionProgressProps) -> Html {
    if !props.shown {
        return html! {};
    }
    html! {
        <div class="extraction-progress" role="status" data-testid={props.testid}>
            <span class="extraction-progress-spinner" aria-hidden="true"></span>
            { props.label }
        </div>
    }
}
