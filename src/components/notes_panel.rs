//! The notes, in reading order, orphans last, with search and tag filter; the active one is editable.

use std::rc::Rc;

use sidenote_annotate::anchor::AnchorStatus;
use sidenote_annotate::model::{Annotations, Note};
use yew::prelude::*;

use super::document_notes::{document_notes, DocumentNotesProps};
use super::note_card_editor::{note_card_editor, NoteCardEditorProps};
use super::note_editor::NOTE_TEXT;
use super::reform_fn;
use super::reply_list::{reply_list, ReplyListProps};
use crate::hooks::use_effect_on;
use crate::services;
use crate::state::{Draft, DraftTarget, OpenDocument};

/// Props of [`NotesPanel`].
#[derive(Properties, PartialEq)]
pub struct NotesPanelProps {
    /// The open article.
    pub open: Rc<OpenDocument>,
    /// The annotations.
    pub annotations: Rc<Annotations>,
    /// The note whose card is open.
    pub active: Option<String>,
    /// The search text.
    pub query: AttrValue,
    /// The tag filter.
    pub tag: Option<String>,
    /// Every tag in use.
    pub tags: Vec<String>,
    /// Opens a note's card (and flashes its words); `None` closes it.
    pub onfocus: Callback<Option<String>>,
    /// Saves an edit: (id, text, tags).
    pub onedit: Callback<(String, String, Vec<String>)>,
    /// Deletes a note.
    pub ondelete: Callback<String>,
    /// Replies to a note: (id, text).
    pub onreply: Callback<(String, String)>,
    /// Sets the tag filter.
    pub ontag: Callback<Option<String>>,
    /// Adds a note on the whole article: (text, tags).
    pub onadddocumentnote: Callback<(String, Vec<String>)>,
    /// The drafts kept (the editors start from theirs).
    pub drafts: Rc<Vec<Draft>>,
    /// Keeps (or, `None`, throws away) an editor's draft.
    pub ondraft: Callback<(DraftTarget, Option<(String, String)>)>,
}

/// Whether a note matches the search text (in its text, tags or quoted words) and tag filter.
pub fn note_matches(note: &Note, words: &str, query: &str, tag: Option<&str>) -> bool {
    // Matched as the article's find matches (case, accents, ligatures, `ß` ignored).
    let found = |text: &str| sidenote_annotate::find::contains(text, query);
    let text_ok = query.trim().is_empty() || found(&note.text) || found(words) || note.tags.iter().any(|t| found(t));
    // A tag in any case (`State::all_tags` lists one spelling of each), lower-cased through the extractor's tables.
    let lowercase = sidenote_extract::case::lowercase;
    text_ok && tag.is_none_or(|t| note.tags.iter().any(|x| lowercase(x) == lowercase(t)))
}

/// Cards rendered at first, and added by each "Show more": a long list is rendered a page at a time, so that
/// a change compares the cards of the pages shown, not every note's (a card opened deep in the list brings
/// those before it).
const CARDS_PER_PAGE: usize = 200;

/// How many of `total` cards to render: the pages asked for, and always far enough to hold the open card
/// (at `active_at`), so a note opened from the article is never left out.
fn cards_to_render(total: usize, pages: usize, active_at: Option<usize>) -> usize {
    pages.saturating_mul(CARDS_PER_PAGE).max(active_at.map_or(0, |at| at + 1)).min(total)
}

/// Lists the notes as cards; clicking a card scrolls to its words and opens it for editing.
#[component]
pub fn NotesPanel(props: &NotesPanelProps) -> Html {
    let pages = use_state(|| 1usize);
    // Whether the editor for a new note on the whole article is open: purely this tab's business.
    let writing_document_note = use_state(|| false);
    // The editor for a new note on the whole article gets the focus when it opens, so typing starts at once
    // (the editors are plain render functions).
    use_effect_on(*writing_document_note, |&writing| {
        if writing {
            services::dom::focus_into_view(&format!("[data-testid=document-note-editor] {NOTE_TEXT}"));
        }
    });
    let text = props.open.text();
    let notes: Vec<&Note> = props
        .annotations
        .notes_in_reading_order()
        .into_iter()
        .filter(|n| {
            let words = n.span.map_or(n.target.exact.as_str(), |s| s.slice(text));
            note_matches(n, words, &props.query, props.tag.as_deref())
        })
        .collect();
    let active_at = props.active.as_deref().and_then(|id| notes.iter().position(|n| n.id == id));
    // So does the open card's editor, when it opens and when its card comes back into a filtered list.
    // When the card closes (saved, Escape, deleted), the focus goes to its words' button, or, the note deleted,
    // to the first card's, or to the Notes tab, never to the page's body.
    use_effect_on((props.active.clone(), active_at.is_some()), |(active, _)| {
        if active.is_some() {
            services::dom::focus_into_view(&format!(".note-card.active {NOTE_TEXT}"));
        }
        let closing = active.clone();
        move || {
            if let Some(id) = closing {
                services::dom::focus_if_lost(&format!("[data-note-id=\"{id}\"] .note-quote"));
                services::dom::focus_if_lost(".note-card .note-quote");
                services::dom::focus_if_lost("[data-testid=tab-notes]");
            }
        }
    });
    let shown = cards_to_render(notes.len(), *pages, active_at);
    let onmore = {
        let pages = pages.clone();
        Callback::from(move |_: MouseEvent| pages.set(*pages + 1))
    };
    let onchange_tag = reform_fn(&props.ontag, |event: Event| {
        let value = event.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
        (!value.is_empty()).then_some(value)
    });
    let card = |note: &Note| {
        let id = note.id.clone();
        let words = note.span.map_or(note.target.exact.as_str(), |s| s.slice(text)).to_string();
        let active = props.active.as_deref() == Some(note.id.as_str());
        let status = note.status;
        let onclick = {
            let id = id.clone();
            props.onfocus.reform(move |_: MouseEvent| Some(id.clone()))
        };
        html! {
            // Keyed by id: a note added or removed changes one card, not every card after it.
            <li key={id.clone()} class={super::class_list(&[Some("note-card"), active.then_some("active"), (status == AnchorStatus::Orphan).then_some("orphan")])}
                data-testid="note-card" data-note-id={id.clone()} data-status={status.label()}>
                <button class="note-quote" {onclick} title={card_button_title(status, active)}>
                    // An orphan with no words (a note on the whole of another article, a position-only
                    // annotation): empty quotation marks said nothing.
                    if words.is_empty() {
                        <span class="muted">{ "(no words)" }</span>
                    } else {
                        <q>{ words.chars().take(140).collect::<String>() }</q>
                    }
                    <span class={format!("anchor-badge {}", status.label())} data-testid="anchor-status"
                          title={badge_title(status)}>{ status.label() }</span>
                </button>
                // Placed on similar words (a colleague's copy, an edited page): the words it was written on, which
                // the card's quote no longer shows and which may say something else.
                if note.span.is_some() && words != note.target.exact {
                    <p class="written-on muted" data-testid="written-on">
                        { format!("Written on “{}”", note.target.exact.chars().take(140).collect::<String>()) }
                    </p>
                }
                if active {
                    { note_card_editor(&NoteCardEditorProps { id: id.clone(), text: note.text.clone(), tags: note.tags.clone(),
                                                              drafts: props.drafts.clone(), urn: props.open.urn.clone(), ondraft: props.ondraft.clone(),
                                                              onfocus: props.onfocus.clone(), onedit: props.onedit.clone(),
                                                              ondelete: props.ondelete.clone(), onreply: props.onreply.clone() }) }
                } else {
                    if let Some(author) = note.author.as_ref() {
                        <p class="note-author muted" data-testid="note-author">{ format!("by {author}") }</p>
                    }
                    <p class="note-text" data-testid="note-body">{ &note.text }</p>
                    <p class="note-tags">{ for note.tags.iter().map(|t| html! { <span class="tag" data-testid="note-tag">{ format!("#{t}") }</span> }) }</p>
                }
                { reply_list(&ReplyListProps { replies: note.replies.clone() }) }
            </li>
        }
    };
    html! {
        <section class="notes-panel" aria-label="Notes">
            <label class="tag-filter">{ "Tag " }
                <select data-testid="tag-filter" onchange={onchange_tag}>
                    <option value="" selected={props.tag.is_none()}>{ "all" }</option>
                    { for props.tags.iter().map(|t| html! { <option value={t.clone()} selected={props.tag.as_deref() == Some(t.as_str())}>{ t }</option> }) }
                </select>
            </label>
            { document_notes(&DocumentNotesProps { notes: props.annotations.document_notes.clone(),
                active: props.active.clone(), onfocus: props.onfocus.clone(), onadd: props.onadddocumentnote.clone(),
                onedit: props.onedit.clone(), ondelete: props.ondelete.clone(), onreply: props.onreply.clone(),
                writing: *writing_document_note, drafts: props.drafts.clone(), urn: props.open.urn.clone(), ondraft: props.ondraft.clone(),
                onwriting: { let writing = writing_document_note.clone(); Callback::from(move |open| writing.set(open)) } }) }
            if props.annotations.notes.is_empty() {
                <p class="hint">{ "Select words in the article and press N (or “Add note”) to write a note." }</p>
            }
            // The Notes tab counts every note; a search or tag filter says how many of them it shows.
            if !props.query.trim().is_empty() || props.tag.is_some() {
                <p class="muted" data-testid="notes-matching" role="status">
                    { format!("{} of {} notes on words match", notes.len(), props.annotations.notes.len()) }
                </p>
            }
            <ol class="note-list">{ for notes[..shown].iter().copied().map(card) }</ol>
            if shown < notes.len() {
                <button class="show-more" data-testid="notes-more" onclick={onmore}>
                    { format!("Show {} more of {} notes", (notes.len() - shown).min(CARDS_PER_PAGE), notes.len() - shown) }
                </button>
            }
        </section>
    }
}

/// What the card's words button does, for its tooltip: a closed card opens (where the note is edited,
/// replied to and deleted: nothing else on a closed card says so), and its words, if placed, are shown.
fn card_button_title(status: AnchorStatus, open: bool) -> &'static str {
    match (open, status) {
        (true, AnchorStatus::Orphan) => "This note's words are not in this text: select words and re-attach it",
        (true, _) => "Show these words in the article",
        (false, AnchorStatus::Orphan) => "Open this note: edit, reply, delete or re-attach it",
        (false, _) => "Open this note: edit, reply, delete; its words are shown in the article",
    }
}

/// What the anchor badge means: after an import or a new capture it is the one sign that a note's words moved
/// or changed.
fn badge_title(status: AnchorStatus) -> &'static str {
    match status {
        AnchorStatus::Exact => "Exact: the note's words, where they were",
        AnchorStatus::Moved => "Moved: the same words, found elsewhere in this text",
        AnchorStatus::Fuzzy => "Fuzzy: placed on similar words, not the same: check them",
        AnchorStatus::Orphan => "Orphan: the note's words are not in this text; it keeps them until re-attached",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_says_it_opens_and_its_badge_says_what_it_means() {
        // (status, card open, words the button's title holds, words the badge's title holds)
        let table = [
            (AnchorStatus::Exact, false, "Open this note: edit, reply, delete", "where they were"),
            (AnchorStatus::Moved, false, "Open this note: edit, reply, delete", "same words, found elsewhere"),
            (AnchorStatus::Fuzzy, false, "Open this note: edit, reply, delete", "similar words, not the same: check"),
            (AnchorStatus::Orphan, false, "Open this note: edit, reply, delete or re-attach", "not in this text"),
            (AnchorStatus::Exact, true, "Show these words in the article", "where they were"),
            (AnchorStatus::Orphan, true, "select words and re-attach", "not in this text"),
        ];
        for (status, open, button, badge) in table {
            assert!(card_button_title(status, open).contains(button), "{status:?} open {open}");
            assert!(badge_title(status).contains(badge), "{status:?}");
            assert!(badge_title(status).to_lowercase().starts_with(status.label()), "{status:?}");
        }
    }

    #[test]
    fn cards_come_a_page_at_a_time_and_always_hold_the_open_one() {
        let table = [
            (0, 1, None, 0),
            (150, 1, None, 150),
            (5000, 1, None, CARDS_PER_PAGE),
            (5000, 2, None, 2 * CARDS_PER_PAGE),
            (5000, 1, Some(10), CARDS_PER_PAGE),
            (5000, 1, Some(4321), 4322),
            (5000, 100, None, 5000),
            (5000, usize::MAX, None, 5000),
        ];
        for (total, pages, active_at, expected) in table {
            assert_eq!(cards_to_render(total, pages, active_at), expected, "{total} {pages} {active_at:?}");
        }
    }

    #[test]
    fn the_filter_matches_as_the_article_find_does() {
        let note = Note {
            text: "Met the mayor on Hauptstraße".into(),
            tags: vec!["Café".into()],
            ..serde_json::from_str(r#"{"id": "note-1", "target": {"exact": "José"}, "status": "exact"}"#)
                .expect("a note")
        };
        let table = [
            ("", None, true),
            ("  ", None, true),
            ("hauptstrasse", None, true),
            ("jose", None, true),
            ("CAFE", None, true),
            ("mayor", Some("Café"), true),
            ("mayor", Some("cafe"), false),
            ("josef", None, false),
        ];
        for (query, tag, expected) in table {
            assert_eq!(note_matches(&note, "José", query, tag), expected, "{query:?} {tag:?}");
        }
    }
}
