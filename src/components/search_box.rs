//! The search box: it filters the side panel's lists as the user types, and on Enter finds the words in the
//! article itself (the whole text, rendered or not), stepping through the matches.

use std::rc::Rc;

use sidenote_annotate::find::{find_all, find_before, find_from, MAX_MATCHES};
use sidenote_extract::Span;
use yew::prelude::*;

use super::reform_fn;
use crate::state::{Action, OpenDocument};

/// What [`search_box`] shows and whom it calls.
pub struct SearchBoxProps {
    /// The open article.
    pub open: Rc<OpenDocument>,
    /// The search text.
    pub query: AttrValue,
    /// Dispatches actions.
    pub dispatch: Callback<Action>,
    /// The last search in the article, kept by the App (`use_state`): the box is always on the page.
    pub found: UseStateHandle<Option<Found>>,
}

/// The matches of one query in one document, and the one shown. At most [`MAX_MATCHES`] are held: a window of
/// them, which stepping past either end moves (`e` in a 20 MB article has millions).
#[derive(Clone, PartialEq)]
pub struct Found {
    query: String,
    serial: u64,
    matches: Rc<Vec<Span>>,
    /// How many matches come before the window's first.
    first: usize,
    /// How many matches there are, once a search has reached the end of the text.
    total: Option<usize>,
    /// The one shown, in the window.
    current: Option<usize>,
}

impl Found {
    /// The first window of the matches of `query` in `text`, none shown yet.
    fn new(text: &str, query: String, serial: u64) -> Self {
        let matches = find_all(text, &query);
        let total = (matches.len() < MAX_MATCHES).then_some(matches.len());
        Found { query, serial, matches: Rc::new(matches), first: 0, total, current: None }
    }

    /// The next (or previous) match, wrapping around: within the window when it holds it, else in the window
    /// that holds it (the first, the one after or before this one, the last).
    fn stepped(self, text: &str, forward: bool) -> Self {
        let held = self.matches.len();
        if held == 0 {
            return self;
        }
        match (self.current, forward) {
            (Some(at), true) if at + 1 < held => return Found { current: Some(at + 1), ..self },
            (Some(at), false) if at > 0 => return Found { current: Some(at - 1), ..self },
            (None, true) if self.first == 0 => return Found { current: Some(0), ..self },
            _ => {}
        }
        let reaches_end = self.total == Some(self.first + held);
        // The match wanted is outside the window: past its last, before its first, or none shown yet.
        match (self.current, forward) {
            (Some(last), true) if !reaches_end => {
                let next = find_from(text, &self.query, self.matches[last].end, MAX_MATCHES);
                let first = self.first + held;
                if next.is_empty() {
                    // This window held the last match after all: on to the first, the total now known.
                    return Found { total: Some(first), ..self }.first_window(text);
                }
                let total = if next.len() < MAX_MATCHES { Some(first + next.len()) } else { self.total };
                self.window(first, next, 0, total)
            }
            (_, true) => self.first_window(text),
            (Some(_), false) if self.first > 0 => {
                let (before, count) = find_before(text, &self.query, self.matches[0].start, MAX_MATCHES);
                let at = before.len().saturating_sub(1);
                let total = self.total;
                self.window(count - before.len(), before, at, total)
            }
            (_, false) if self.first == 0 && reaches_end => Found { current: Some(held - 1), ..self },
            (_, false) => {
                let (last, total) = find_before(text, &self.query, usize::MAX, MAX_MATCHES);
                let at = last.len().saturating_sub(1);
                self.window(total - last.len(), last, at, Some(total))
            }
        }
    }

    /// The first match, in the first window.
    fn first_window(self, text: &str) -> Self {
        if self.first == 0 {
            return Found { current: Some(0), ..self };
        }
        let matches = find_from(text, &self.query, 0, MAX_MATCHES);
        let total = self.total;
        self.window(0, matches, 0, total)
    }

    /// Another window of the same search, `current` shown in it.
    fn window(self, first: usize, matches: Vec<Span>, current: usize, total: Option<usize>) -> Self {
        Found { current: (!matches.is_empty()).then_some(current), matches: Rc::new(matches), first, total, ..self }
    }
}

/// The search input and, under it, the article's matches ("3 of 12 in the article", previous, next).
/// Matches are looked for on Enter, not on every key: a long article takes tens of milliseconds to search,
/// and typing must stay instant.
///
/// A plain function, not a Yew component: a component costs ~1.5 KB of Wasm of its own (mounting, props
/// comparison), and its one state, the last search, is the App's.
pub fn search_box(props: &SearchBoxProps) -> Html {
    let found = props.found.clone();
    let query = props.query.to_string();
    let serial = props.open.serial;
    let current_found = found.as_ref().filter(|f| f.query == query && f.serial == serial).cloned();
    let step = {
        let found = found.clone();
        let open = props.open.clone();
        let dispatch = props.dispatch.clone();
        let query = query.clone();
        let current_found = current_found.clone();
        Callback::from(move |forward: bool| {
            let found_now = current_found.clone().unwrap_or_else(|| Found::new(open.text(), query.clone(), serial));
            let next = found_now.stepped(open.text(), forward);
            if let Some(span) = next.current.and_then(|at| next.matches.get(at)) {
                dispatch.emit(Action::Select(Some(*span)));
                dispatch.emit(Action::FlashSpan(*span));
            }
            found.set(Some(next));
        })
    };
    let oninput = reform_fn(&props.dispatch, |event: InputEvent| {
        Action::SetQuery(event.target_dyn_into::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default())
    });
    let onkeydown = {
        let step = step.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" {
                event.prevent_default();
                step.emit(!event.shift_key());
            }
        })
    };
    let status = match &current_found {
        _ if query.trim().is_empty() => None,
        None => Some(html! { <span class="find-hint">{ "Enter: find in the article" }</span> }),
        Some(found) => Some(html! {
            <>
                <span data-testid="find-count" aria-live="polite">{ count_text(found) }</span>
                <button data-testid="find-previous" title="Previous match (Shift+Enter)" aria-label="Previous match"
                    disabled={found.matches.is_empty()} onclick={reform_fn(&step, |_: MouseEvent| false)}>{ "‹" }</button>
                <button data-testid="find-next" title="Next match (Enter)" aria-label="Next match"
                    disabled={found.matches.is_empty()} onclick={reform_fn(&step, |_: MouseEvent| true)}>{ "›" }</button>
            </>
        }),
    };
    html! {
        <div class="search-box">
            <input type="search" class="search" data-testid="search" placeholder="Search notes, words, names…"
                   value={props.query.clone()} {oninput} {onkeydown} aria-label="Search"
                   aria-keyshortcuts="Control+F" />
            if let Some(status) = status {
                <div class="find-line" data-testid="find-line">{ status }</div>
            }
        </div>
    }
}

/// "3 of 12 in the article", "No match in the article", "1 of 10000+ in the article" (while no search has
/// reached the end: the matches known so far).
fn count_text(found: &Found) -> String {
    if found.matches.is_empty() {
        return "No match in the article".to_string();
    }
    let at = found.current.map_or(0, |at| found.first + at + 1);
    match found.total {
        Some(total) => format!("{at} of {total} in the article"),
        None => format!("{at} of {}+ in the article", found.first + found.matches.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ordinal (from 1) of the match shown, and the count line.
    fn shown(found: &Found) -> (Option<usize>, String) {
        (found.current.map(|at| found.first + at + 1), count_text(found))
    }

    #[test]
    fn stepping_wraps_around_both_ways() {
        let text = "x a x a x a";
        let steps: &[(bool, usize)] = &[(true, 1), (true, 2), (true, 3), (true, 1), (false, 3), (false, 2)];
        let mut found = Found::new(text, "x".into(), 0);
        for &(forward, expected) in steps {
            found = found.stepped(text, forward);
            assert_eq!(shown(&found), (Some(expected), format!("{expected} of 3 in the article")));
        }
        assert_eq!(shown(&Found::new(text, "x".into(), 0).stepped(text, false)).0, Some(3));
        let none = Found::new(text, "absent".into(), 0).stepped(text, true);
        assert_eq!(shown(&none), (None, "No match in the article".to_string()));
    }

    #[test]
    fn past_the_matches_held_stepping_goes_on_through_every_match() {
        // More matches than one window holds: Shift+Enter from the first goes to the very last (once the 10,000th),
        // Enter from the last window's end to the first, and across windows the ordinal follows.
        let count = 2 * MAX_MATCHES + 5;
        let text = "e ".repeat(count);
        let start = Found::new(&text, "e".into(), 0);
        let first = start.clone().stepped(&text, true);
        assert_eq!(shown(&first), (Some(1), format!("1 of {MAX_MATCHES}+ in the article")));
        let last = first.clone().stepped(&text, false);
        assert_eq!(shown(&last), (Some(count), format!("{count} of {count} in the article")));
        assert_eq!(last.matches[last.current.unwrap_or(0)], Span::new(2 * (count - 1), 2 * count - 1));
        assert_eq!(shown(&start.stepped(&text, false)).0, Some(count));
        assert_eq!(shown(&last.clone().stepped(&text, true)).0, Some(1), "from the very last to the first");
        let back = last.stepped(&text, false);
        assert_eq!(shown(&back).0, Some(count - 1));
        // Forward across a window's end, then back across it.
        let mut found = first;
        for _ in 1..MAX_MATCHES {
            found = found.stepped(&text, true);
        }
        assert_eq!(shown(&found).0, Some(MAX_MATCHES));
        let over = found.stepped(&text, true);
        assert_eq!(shown(&over).0, Some(MAX_MATCHES + 1));
        assert_eq!(over.matches[over.current.unwrap_or(0)], Span::new(2 * MAX_MATCHES, 2 * MAX_MATCHES + 1));
        let again = over.stepped(&text, false);
        assert_eq!(shown(&again).0, Some(MAX_MATCHES));
        assert_eq!(again.matches[again.current.unwrap_or(0)], Span::new(2 * (MAX_MATCHES - 1), 2 * MAX_MATCHES - 1));
    }

    #[test]
    fn a_window_that_ends_exactly_at_the_last_match_wraps_to_the_first() {
        // Exactly one window's worth: the end is only known when the next window comes back empty.
        let text = "e ".repeat(MAX_MATCHES);
        let mut found = Found::new(&text, "e".into(), 0);
        assert_eq!(found.total, None);
        for _ in 0..MAX_MATCHES {
            found = found.stepped(&text, true);
        }
        assert_eq!(shown(&found).0, Some(MAX_MATCHES));
        let wrapped = found.stepped(&text, true);
        assert_eq!(shown(&wrapped), (Some(1), format!("1 of {MAX_MATCHES} in the article")));
    }
}
