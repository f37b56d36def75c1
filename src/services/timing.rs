//! Performance marks that the benchmark script reads (`scripts/first-highlight.mjs`).

/// Marks the moment highlights are first on screen, relative to navigation start.
pub fn mark_first_highlight() {
    if let Some(performance) = gloo::utils::window().performance() {
        let _ = performance.mark("sidenote-first-highlight");
    }
}
