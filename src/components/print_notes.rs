//! The notes as a printed page shows them, after the article: notes on the whole article, then the notes on
//! words in reading order, each with its words, tags and replies, and the orphans last, with the words they
//! were written on. Rendered only while the browser prints (`beforeprint` to `afterprint`, the App's
//! `printing`): the side panel, with its tabs and its pages of cards, is not printed.

use sidenote_annotate::model::{Annotations, Reply};
use yew::prelude::*;

use super::reply_list::{reply_list, ReplyListProps};

/// Words longer than this are cut in the printed list (the article above shows them whole).
const PRINTED_WORDS: usize = 300;

/// `words`, cut at a character boundary after [`PRINTED_WORDS`] bytes, with "…" when cut.
fn printed_words(words: &str) -> String {
    if words.len() <= PRINTED_WORDS {
        return words.to_string();
    }
    let mut end = PRINTED_WORDS;
    while !words.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", words[..end].trim_end())
}

/// One printed note: its words (if any), text, tags and replies.
fn printed_note(id: &str, words: Option<&str>, text: &str, tags: &[String], replies: &[Reply]) -> Html {
    html! {
        <li class="print-note" data-testid="print-note" data-note-id={id.to_string()}>
            if let Some(words) = words {
                <q class="print-note-words">{ printed_words(words) }</q>
            }
            if !text.is_empty() {
                <p class="print-note-text">{ text }</p>
            }
            if !tags.is_empty() {
                // As the note cards show them: a tag may hold a comma (`Zürich, Switzerland`).
                <p class="note-tags print-note-tags">{ for tags.iter().map(|t| html! { <span class="tag">{ format!("#{t}") }</span> }) }</p>
            }
            { reply_list(&ReplyListProps { replies: replies.to_vec() }) }
        </li>
    }
}

/// The printed notes, or nothing when there are none.
pub fn print_notes(text: &str, annotations: &Annotations) -> Html {
    let ordered = annotations.notes_in_reading_order();
    let (placed, orphans): (Vec<_>, Vec<_>) = ordered.into_iter().partition(|n| n.span.is_some());
    if placed.is_empty() && orphans.is_empty() && annotations.document_notes.is_empty() {
        return Html::default();
    }
    let on_words = |notes: &[&sidenote_annotate::model::Note]| -> Html {
        notes
            .iter()
            .map(|n| {
                let words = n.span.map_or(n.target.exact.as_str(), |s| s.slice(text));
                printed_note(&n.id, Some(words), &n.text, &n.tags, &n.replies)
            })
            .collect()
    };
    html! {
        <section class="print-notes" data-testid="print-notes" aria-label="Notes">
            <h2>{ "Notes" }</h2>
            if !annotations.document_notes.is_empty() {
                <h3>{ "On the whole article" }</h3>
                <ol>{ for annotations.document_notes.iter().map(|n| printed_note(&n.id, None, &n.text, &n.tags, &n.replies)) }</ol>
            }
            if !placed.is_empty() {
                <ol>{ on_words(&placed) }</ol>
            }
            if !orphans.is_empty() {
                <h3>{ "Notes whose words are no longer in the text" }</h3>
                <ol>{ on_words(&orphans) }</ol>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_are_cut_at_a_character_boundary() {
        let cases = [
            ("short words".to_string(), "short words".to_string()),
            ("a".repeat(PRINTED_WORDS), "a".repeat(PRINTED_WORDS)),
            (format!("{}é tail", "a".repeat(PRINTED_WORDS - 1)), format!("{}…", "a".repeat(PRINTED_WORDS - 1))),
            (
                format!("{} {}", "b".repeat(PRINTED_WORDS - 1), "c".repeat(10)),
                format!("{}…", "b".repeat(PRINTED_WORDS - 1)),
            ),
        ];
        for (words, printed) in cases {
            assert_eq!(printed_words(&words), printed);
        }
    }
}
