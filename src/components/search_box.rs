//! The search box: it filters the side panel's lists as the user types, and on Enter finds the words in the
//! article itself (the whole text, rendered or not), stepping through the matches.

use std::rc::Rc;

use sidenote_annotate::find::{find_all, MAX_MATCHES};
use sidenote_extract::Span;
use yew::prelude::*;

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

/// The matches of one query in one document, and the one shown.
#[derive(Clone, PartialEq)]
pub struct Found {
    query: String,
    serial: u64,
    matches: Rc<Vec<Span>>,
    current: Option<usize>,
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
            let mut next = current_found.clone().unwrap_or_else(|| Found {
                query: query.clone(),
                serial,
                matches: Rc::new(find_all(open.text(), &query)),
                current: None,
            });
            next.current = stepped(next.matches.len(), next.current, forward);
            if let Some(span) = next.current.and_then(|at| next.matches.get(at)) {
                dispatch.emit(Action::Select(Some(*span)));
                dispatch.emit(Action::FlashSpan(*span));
            }
            found.set(Some(next));
        })
    };
    let oninput = props.dispatch.reform(|event: InputEvent| {
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
                    disabled={found.matches.is_empty()} onclick={step.reform(|_: MouseEvent| false)}>{ "‹" }</button>
                <button data-testid="find-next" title="Next match (Enter)" aria-label="Next match"
                    disabled={found.matches.is_empty()} onclick={step.reform(|_: MouseEvent| true)}>{ "›" }</button>
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

/// The match after (or before) `current`, wrapping around; the first (or last) when none is shown yet.
fn stepped(count: usize, current: Option<usize>, forward: bool) -> Option<usize> {
    if count == 0 {
        return None;
    }
    Some(match (current, forward) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(at), true) => (at + 1) % count,
        (Some(at), false) => (at + count - 1) % count,
    })
}

/// "3 of 12 in the article", "No match in the article", "1 of 10,000+ in the article".
fn count_text(found: &Found) -> String {
    let total = found.matches.len();
    if total == 0 {
        return "No match in the article".to_string();
    }
    let more = if total >= MAX_MATCHES { "+" } else { "" };
    let at = found.current.map_or(0, |at| at + 1);
    format!("{at} of {total}{more} in the article")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_wraps_around_both_ways() {
        let table = [
            (0, None, true, None),
            (0, Some(0), false, None),
            (3, None, true, Some(0)),
            (3, None, false, Some(2)),
            (3, Some(2), true, Some(0)),
            (3, Some(0), false, Some(2)),
            (3, Some(1), true, Some(2)),
        ];
        for (count, current, forward, expected) in table {
            assert_eq!(stepped(count, current, forward), expected, "{count} {current:?} {forward}");
        }
    }

    #[test]
    fn the_count_says_where_the_user_is() {
        let found = |matches: usize, current: Option<usize>| Found {
            query: "x".into(),
            serial: 0,
            matches: Rc::new(vec![Span::new(0, 1); matches]),
            current,
        };
        assert_eq!(count_text(&found(0, None)), "No match in the article");
        assert_eq!(count_text(&found(12, Some(2))), "3 of 12 in the article");
        assert_eq!(count_text(&found(MAX_MATCHES, Some(0))), "1 of 10000+ in the article");
    }
}
