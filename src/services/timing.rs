//! Performance marks that the benchmark script reads (`scripts/first-highlight.mjs`).

const FIRST_HIGHLIGHT: &str = "sidenote-first-highlight";

/// Marks the moment highlights are first on screen, relative to navigation start (once per page load).
pub fn mark_first_highlight() {
    if let Some(performance) = gloo::utils::window().performance() {
        if performance.get_entries_by_name(FIRST_HIGHLIGHT).length() == 0 {
            let _ = performance.mark(FIRST_HIGHLIGHT);
        }
    }
}
