//! The app's state and its one reducer. Pure: no DOM, no clock; tested natively below.
//!
//! Browser effects (saving, reading files, scrolling) are done by `services` in response to state
//! changes or before dispatching; the reducer only decides.

use std::collections::BTreeSet;
use std::rc::Rc;

use sidenote_annotate::model::{Annotations, Decision, ReviewScope};
use sidenote_annotate::{accept_text, w3c, Document};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{html_to_text, EntityKind, Extraction, LineHint, Span};
use yew::Reducible;

use crate::sample::{SAMPLE_TEXT, SAMPLE_TITLE};

/// How many annotation snapshots undo keeps.
const UNDO_LIMIT: usize = 200;

/// An open article and what the extractor found in it.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenDocument {
    /// The article.
    pub document: Document,
    /// The extractor's suggestions for it: until the extractor (in its worker) answers, or if it failed,
    /// none, with the whole text as the article body so that nothing is dimmed as clutter.
    pub extraction: Extraction,
    /// Whether the extractor has answered for it.
    pub progress: ExtractionProgress,
    /// Numbers the openings of documents in this session: the request id of its extraction (an answer for
    /// an earlier document is recognised and dropped), and what the save effects key on, so that the
    /// extractor's answer does not save the text again.
    pub serial: u64,
    /// Offset conversions for its text (the DOM counts UTF-16).
    pub offsets: OffsetIndex,
    /// Its identity (`urn:sha256:…`), the key it is saved under.
    pub urn: String,
    /// Per-line structure hints when it came from HTML (empty for plain text).
    pub hints: Vec<LineHint>,
}

impl OpenDocument {
    /// Opens `text` and runs the extractor on it.
    pub fn open(title: String, text: String) -> Self {
        OpenDocument::open_with_hints(title, text, Vec::new())
    }

    /// Opens text that came from HTML, with its structure hints.
    ///
    /// The extractor does not run here: it runs in a worker (`services::extractor`) and its answer comes
    /// back as [`Action::ExtractionFinished`], so the text shows at once and an extractor crash costs only
    /// the highlights.
    pub fn open_with_hints(title: String, text: String, hints: Vec<LineHint>) -> Self {
        let extraction = Extraction { body: vec![Span::new(0, text.len())], ..Extraction::default() };
        let offsets = OffsetIndex::new(&text);
        let document = Document::new(title, text);
        let urn = document.content_urn();
        OpenDocument { document, extraction, progress: ExtractionProgress::Pending, serial: 0, offsets, urn, hints }
    }

    /// The built-in sample, extracted at once on this thread: it is 5 KB of known text that the extractor
    /// handles in about 20 ms, so a first visit shows its highlights without waiting for the worker to
    /// start. Every other document, the last one at start-up included, goes to the worker.
    pub fn sample() -> Self {
        let mut sample = OpenDocument::open(SAMPLE_TITLE.to_string(), SAMPLE_TEXT.to_string());
        sample.extraction = sidenote_extract::extract(SAMPLE_TEXT);
        sample.progress = ExtractionProgress::Done;
        sample
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.document.text
    }

    /// The extraction request still unanswered for this document, if any.
    pub fn pending_extraction(&self) -> Option<u64> {
        (self.progress == ExtractionProgress::Pending).then_some(self.serial)
    }
}

/// Where a document's extraction stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtractionProgress {
    /// Asked for; the text is shown without highlights meanwhile.
    Pending,
    /// The extractor answered: its highlights are shown.
    Done,
    /// The extractor stopped on this document: the text and notes stay, without its highlights.
    Failed {
        /// What the browser said about it (for the console and the article's `data-` attribute).
        reason: String,
    },
}

/// What the app says when the extractor stops on a document.
pub const EXTRACTOR_STOPPED: &str =
    "The extractor stopped on this document; your text and notes are kept. Highlights are off for it.";

/// Whether a message reports a problem or just informs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeLevel {
    /// Something the user asked for did not happen.
    Error,
    /// Something happened that the user should know.
    Info,
}

/// A message shown above the article until dismissed or replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// How serious it is.
    pub level: NoticeLevel,
    /// The sentence shown.
    pub text: String,
}

impl Notice {
    /// An error message.
    pub fn error(text: impl Into<String>) -> Self {
        Notice { level: NoticeLevel::Error, text: text.into() }
    }

    /// An informative message.
    pub fn info(text: impl Into<String>) -> Self {
        Notice { level: NoticeLevel::Info, text: text.into() }
    }
}

/// What can be highlighted, for the legend and its filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    /// Entity mentions of one kind.
    Entity(EntityKind),
    /// Direct quotations.
    Quote,
    /// The user's notes.
    Note,
}

/// The side panel's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// Notes in reading order, orphans last.
    Notes,
    /// Distinct entities with counts and review.
    Entities,
    /// Quotations grouped by speaker.
    Quotes,
    /// Documents saved in this browser.
    Library,
}

/// A document saved in this browser, as the library lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryEntry {
    /// Its identity.
    pub urn: String,
    /// Its title.
    pub title: String,
    /// When it was last saved, as the browser formats it.
    pub saved: String,
    /// How many notes it has.
    pub notes: usize,
}

/// Something to scroll to and flash in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    /// The words.
    pub span: Span,
    /// Changes on every request, so the same words can be flashed twice.
    pub serial: u64,
}

/// Everything the app shows.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The open article; there is always one (the sample at first).
    pub open: Rc<OpenDocument>,
    /// The user's annotations on it.
    pub annotations: Rc<Annotations>,
    /// Earlier annotation states, for undo (most recent last).
    pub past: Vec<Rc<Annotations>>,
    /// Undone states, for redo (most recent last).
    pub future: Vec<Rc<Annotations>>,
    /// The current message, if any.
    pub notice: Option<Notice>,
    /// Layers the user switched off in the legend.
    pub hidden_layers: BTreeSet<Layer>,
    /// Whether page clutter (text outside the article body) is collapsed.
    pub hide_clutter: bool,
    /// The words the user has selected in the article, if any.
    pub selection: Option<Span>,
    /// The note whose card is open.
    pub active_note: Option<String>,
    /// The side panel's tab.
    pub panel: Panel,
    /// Text the side panel's lists are filtered by.
    pub query: String,
    /// The tag the notes list is filtered by.
    pub tag_filter: Option<String>,
    /// Saved documents in this browser.
    pub library: Vec<LibraryEntry>,
    /// Set when saving failed: the app keeps working in memory.
    pub storage_failed: bool,
    /// What to scroll to and flash next.
    pub flash: Option<Flash>,
}

impl Default for State {
    fn default() -> Self {
        State::with_document(OpenDocument::sample(), Annotations::default())
    }
}

/// Everything that can change the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Open raw bytes (a file's content or a paste) as a new article, if they are acceptable text.
    OpenBytes {
        /// A title: the file name, or empty to take the text's first line.
        title: String,
        /// The raw content.
        bytes: Vec<u8>,
    },
    /// Open HTML (a `.html` file, or a paste that carried `text/html`): the text a reader sees, with
    /// structure hints. Nothing in it is run or fetched.
    OpenHtml {
        /// A title: the file name, or empty to take the text's first line.
        title: String,
        /// The raw content.
        bytes: Vec<u8>,
    },
    /// Refuse an input before reading it (a file too large to read), with the same message as after.
    RefuseInput(sidenote_annotate::InputError),
    /// Reopen the built-in sample.
    OpenSample,
    /// Open a document saved in this browser, with its annotations.
    OpenSaved {
        /// Its title.
        title: String,
        /// Its text.
        text: String,
        /// Its structure hints, if it came from HTML.
        hints: Vec<LineHint>,
        /// Its annotations.
        annotations: Annotations,
    },
    /// Show a message (from a service that failed, e.g. a file that could not be read).
    Notify(Notice),
    /// Hide the message.
    DismissNotice,
    /// Show or hide one kind of highlight.
    ToggleLayer(Layer),
    /// Collapse or show the page clutter around the article.
    ToggleClutter,
    /// The user selected words in the article (or cleared the selection).
    Select(Option<Span>),
    /// Grow or shrink the selection by one character or word (keyboard: Shift+arrows).
    ExtendSelection {
        /// Towards the end of the text.
        forward: bool,
        /// By a word instead of a character.
        by_word: bool,
        /// Where a new selection starts when there is none (the focused highlight).
        from: usize,
    },
    /// Add a note on the selected (or given) words.
    AddNote {
        /// The words.
        span: Span,
        /// The note's text.
        text: String,
        /// Its tags.
        tags: Vec<String>,
    },
    /// Change a note.
    EditNote {
        /// Which note.
        id: String,
        /// New text.
        text: String,
        /// New tags.
        tags: Vec<String>,
    },
    /// Delete a note.
    DeleteNote(String),
    /// Attach a note (an orphan, typically) to the selected words.
    ReattachNote {
        /// Which note.
        id: String,
        /// The words.
        span: Span,
    },
    /// Open (or close) a note's card and flash its words.
    FocusNote(Option<String>),
    /// Scroll to and flash some words.
    FlashSpan(Span),
    /// Decide about suggestions.
    Review {
        /// Which suggestions.
        scope: ReviewScope,
        /// The decision.
        decision: Decision,
    },
    /// Add an entity the extractor missed, on the selected words.
    AddEntity {
        /// The words.
        span: Span,
        /// Its kind.
        kind: EntityKind,
    },
    /// Remove entities the user added.
    RemoveAddedEntities(Vec<String>),
    /// Undo the last change to the annotations.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Import an annotation file (its text) onto the open article.
    Import(String),
    /// Switch the side panel's tab.
    ShowPanel(Panel),
    /// Filter the side panel's lists by text.
    SetQuery(String),
    /// Filter the notes by a tag (or not).
    SetTagFilter(Option<String>),
    /// The library was read from storage.
    LibraryLoaded(Vec<LibraryEntry>),
    /// Saving failed (quota, private mode): say so once and keep working in memory.
    StorageFailed(String),
    /// The extractor answered (ignored unless `request` is the open document's pending extraction).
    ExtractionFinished {
        /// The document's [`OpenDocument::serial`] when it was asked.
        request: u64,
        /// What it found.
        extraction: Extraction,
    },
    /// The extractor's worker stopped on a request (ignored unless it is the open document's).
    ExtractionFailed {
        /// The document's [`OpenDocument::serial`] when it was asked.
        request: u64,
        /// What the browser said.
        message: String,
    },
}

/// The message for refused input. The open document stays as it is: refused input never costs anything.
fn refusal(error: &sidenote_annotate::InputError) -> Notice {
    Notice::error(format!("{error}. The article you had open is unchanged."))
}

impl State {
    /// A fresh state showing `open` with `annotations`.
    pub fn with_document(open: OpenDocument, annotations: Annotations) -> Self {
        State {
            open: Rc::new(open),
            annotations: Rc::new(annotations),
            past: Vec::new(),
            future: Vec::new(),
            notice: None,
            hidden_layers: BTreeSet::new(),
            hide_clutter: false,
            selection: None,
            active_note: None,
            panel: Panel::Notes,
            query: String::new(),
            tag_filter: None,
            library: Vec::new(),
            storage_failed: false,
            flash: None,
        }
    }

    /// Replaces the open document, keeping app-wide settings (layers, library, storage state).
    fn switch_to(&self, mut open: OpenDocument, annotations: Annotations) -> State {
        open.serial = self.open.serial + 1;
        let mut next = State::with_document(open, annotations);
        next.hidden_layers = self.hidden_layers.clone();
        next.hide_clutter = self.hide_clutter;
        next.library = self.library.clone();
        next.storage_failed = self.storage_failed;
        next.panel = if self.panel == Panel::Library { Panel::Notes } else { self.panel };
        next
    }

    /// Applies a change to the annotations, recording the previous state for undo.
    fn change(&mut self, edit: impl FnOnce(&mut Annotations)) {
        let mut changed = (*self.annotations).clone();
        edit(&mut changed);
        if changed == *self.annotations {
            return;
        }
        self.past.push(self.annotations.clone());
        if self.past.len() > UNDO_LIMIT {
            self.past.remove(0);
        }
        self.future.clear();
        self.annotations = Rc::new(changed);
    }

    fn flash(&mut self, span: Span) {
        let serial = self.flash.as_ref().map_or(1, |f| f.serial + 1);
        self.flash = Some(Flash { span, serial });
    }

    /// The pure transition function behind [`Reducible::reduce`].
    pub fn apply(&self, action: Action) -> State {
        let mut next = self.clone();
        let text = self.open.text().to_string();
        match action {
            Action::OpenBytes { title, bytes } => match accept_text(&bytes) {
                Ok(new_text) => {
                    let title = if title.trim().is_empty() { Document::title_from_text(&new_text) } else { title };
                    next = self.switch_to(OpenDocument::open(title.clone(), new_text), Annotations::default());
                    next.notice = Some(Notice::info(format!("Opened “{title}”.")));
                }
                Err(error) => next.notice = Some(refusal(&error)),
            },
            Action::OpenHtml { title, bytes } => match accept_text(&bytes) {
                Ok(html) => {
                    let (new_text, hints) = html_to_text(&html);
                    if new_text.trim().is_empty() {
                        next.notice = Some(Notice::error(
                            "This HTML shows no text (only markup or scripts). The article you had open is unchanged.",
                        ));
                    } else {
                        let title = if title.trim().is_empty() { Document::title_from_text(&new_text) } else { title };
                        next = self.switch_to(
                            OpenDocument::open_with_hints(title.clone(), new_text, hints),
                            Annotations::default(),
                        );
                        next.notice = Some(Notice::info(format!("Opened “{title}” (from HTML).")));
                    }
                }
                Err(error) => next.notice = Some(refusal(&error)),
            },
            Action::RefuseInput(error) => next.notice = Some(refusal(&error)),
            Action::OpenSample => {
                next = self.switch_to(OpenDocument::sample(), Annotations::default());
            }
            Action::OpenSaved { title, text, hints, annotations } => {
                next = self.switch_to(OpenDocument::open_with_hints(title, text, hints), annotations);
            }
            Action::Notify(notice) => next.notice = Some(notice),
            Action::DismissNotice => next.notice = None,
            Action::ToggleLayer(layer) => {
                if !next.hidden_layers.remove(&layer) {
                    next.hidden_layers.insert(layer);
                }
            }
            Action::ToggleClutter => next.hide_clutter = !next.hide_clutter,
            Action::Select(span) => next.selection = span.filter(|s| !s.is_empty() && s.end <= text.len()),
            Action::ExtendSelection { forward, by_word, from } => {
                let from = from.min(text.len());
                let current = self.selection.unwrap_or(Span::new(from, from));
                let end = step(&text, current.end, forward, by_word).max(current.start);
                next.selection = Some(Span::new(current.start, end)).filter(|s| !s.is_empty());
            }
            Action::AddNote { span, text: body, tags } => {
                next.change(|a| {
                    a.add_note(&text, span, body, tags);
                });
                // The card shows the saved note; clicking it opens it for editing.
                next.active_note = None;
                next.selection = None;
                next.panel = Panel::Notes;
            }
            Action::EditNote { id, text: body, tags } => {
                next.change(|a| {
                    a.edit_note(&id, body, tags);
                });
                next.active_note = None;
            }
            Action::DeleteNote(id) => {
                next.change(|a| {
                    a.delete_note(&id);
                });
                if next.active_note.as_deref() == Some(id.as_str()) {
                    next.active_note = None;
                }
            }
            Action::ReattachNote { id, span } => {
                next.change(|a| {
                    a.reattach_note(&text, &id, span);
                });
                next.selection = None;
                next.active_note = None;
                next.flash(span);
            }
            Action::FocusNote(id) => {
                let span =
                    id.as_ref().and_then(|id| self.annotations.notes.iter().find(|n| &n.id == id)).and_then(|n| n.span);
                next.active_note = id;
                next.panel = Panel::Notes;
                if let Some(span) = span {
                    next.flash(span);
                }
            }
            Action::FlashSpan(span) => next.flash(span),
            Action::Review { scope, decision } => next.change(|a| a.review(scope, decision)),
            Action::AddEntity { span, kind } => {
                next.change(|a| {
                    a.add_entity(&text, span, kind);
                });
                next.selection = None;
            }
            Action::RemoveAddedEntities(ids) => next.change(|a| {
                for id in &ids {
                    a.remove_added_entity(id);
                }
            }),
            Action::Undo => {
                if let Some(previous) = next.past.pop() {
                    next.future.push(std::mem::replace(&mut next.annotations, previous));
                    next.notice = Some(Notice::info("Undone."));
                }
            }
            Action::Redo => {
                if let Some(later) = next.future.pop() {
                    next.past.push(std::mem::replace(&mut next.annotations, later));
                    next.notice = Some(Notice::info("Redone."));
                }
            }
            Action::Import(json) => match w3c::parse(&json) {
                Ok(imported) => {
                    let mut report = None;
                    next.change(|a| report = Some(w3c::merge(a, imported, &text)));
                    let summary = report.map(|r| r.summary()).unwrap_or_default();
                    next.notice = Some(Notice::info(format!(
                        "{summary} Orphans are listed under Notes; select words to re-attach them."
                    )));
                    next.panel = Panel::Notes;
                }
                Err(error) => {
                    next.notice = Some(Notice::error(format!("Import failed: {error}. Nothing was changed.")))
                }
            },
            Action::ShowPanel(panel) => next.panel = panel,
            Action::SetQuery(query) => next.query = query,
            Action::SetTagFilter(tag) => next.tag_filter = tag,
            Action::LibraryLoaded(entries) => next.library = entries,
            Action::StorageFailed(reason) => {
                if !self.storage_failed {
                    next.notice = Some(Notice::error(format!(
                        "Saving in this browser failed ({reason}). Your work is kept in memory only: use Export to keep it."
                    )));
                }
                next.storage_failed = true;
            }
            Action::ExtractionFinished { request, extraction } => {
                if self.open.pending_extraction() == Some(request) {
                    let open = Rc::make_mut(&mut next.open);
                    open.extraction = extraction;
                    open.progress = ExtractionProgress::Done;
                }
            }
            Action::ExtractionFailed { request, message } => {
                if self.open.pending_extraction() == Some(request) {
                    Rc::make_mut(&mut next.open).progress = ExtractionProgress::Failed { reason: message };
                    next.notice = Some(Notice::error(EXTRACTOR_STOPPED));
                }
            }
        }
        next
    }

    /// Every tag used by a note, sorted.
    pub fn all_tags(&self) -> Vec<String> {
        let tags: BTreeSet<&String> = self.annotations.notes.iter().flat_map(|n| n.tags.iter()).collect();
        tags.into_iter().cloned().collect()
    }
}

/// The next character or word boundary from `at`, forwards or backwards.
fn step(text: &str, at: usize, forward: bool, by_word: bool) -> usize {
    let mut at = at.min(text.len());
    if forward {
        let mut chars = text[at..].char_indices();
        if by_word {
            // Skip spaces, then the word.
            let rest = &text[at..];
            let skip_space = rest.find(|c: char| !c.is_whitespace()).unwrap_or(rest.len());
            let word_end = rest[skip_space..].find(char::is_whitespace).map_or(rest.len(), |e| skip_space + e);
            return at + word_end;
        }
        chars.next();
        at + chars.next().map_or(text.len() - at, |(i, _)| i)
    } else {
        if by_word {
            let before = text[..at].trim_end();
            return before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        }
        while at > 0 {
            at -= 1;
            if text.is_char_boundary(at) {
                break;
            }
        }
        at
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(state: &State, words: &str) -> Span {
        let start = state.open.text().find(words).expect("words in the text");
        Span::new(start, start + words.len())
    }

    /// The state after the worker answered for the open document, as `services::extractor` dispatches it.
    fn extracted(state: State) -> State {
        let request = state.open.pending_extraction().expect("an extraction is pending");
        let extraction = sidenote_extract::extract_with_hints(state.open.text(), &state.open.hints);
        state.apply(Action::ExtractionFinished { request, extraction })
    }

    #[test]
    fn opens_on_the_sample_with_its_highlights_at_once() {
        let state = State::default();
        assert_eq!(state.open.progress, ExtractionProgress::Done);
        let text = state.open.text();
        let names: Vec<&str> = state.open.extraction.entities.iter().map(|e| e.span.slice(text)).collect();
        for expected in ["Sergei Lavrov", "Moscow", "Washington", "TASS", "Interfax", "RFE/RL", "November 8"] {
            assert!(names.contains(&expected), "{expected} missing from {names:?}");
        }
    }

    #[test]
    fn a_good_paste_replaces_the_document() {
        let state = State::default()
            .apply(Action::OpenBytes { title: String::new(), bytes: b"Angela Merkel visited Paris.".to_vec() });
        assert_eq!(state.open.document.title, "Angela Merkel visited Paris.");
        assert_eq!(state.notice.as_ref().map(|n| n.level), Some(NoticeLevel::Info));
    }

    #[test]
    fn bad_input_keeps_the_open_document_and_says_why() {
        let before = State::default();
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (Vec::new(), "empty"),
            (b"\x89PNG\r\n\x1a\n\0\0".to_vec(), "not text"),
            (vec![b'x'; 20 * 1024 * 1024], "20.0 MB"),
        ];
        for (bytes, words) in cases {
            let after = before.apply(Action::OpenBytes { title: "bad".into(), bytes });
            assert!(Rc::ptr_eq(&after.open, &before.open), "document replaced by bad input");
            let notice = after.notice.expect("a message");
            assert_eq!(notice.level, NoticeLevel::Error);
            assert!(notice.text.contains(words) && notice.text.contains("unchanged"), "{}", notice.text);
        }
    }

    #[test]
    fn html_opens_as_the_text_a_reader_sees_and_never_as_markup() {
        let html = b"<nav><a href='/'>Home</a></nav><script>alert(1)</script><h1>Talks</h1><p>Angela Merkel met Emmanuel Macron in Paris on Monday to discuss the budget.</p>";
        let state =
            extracted(State::default().apply(Action::OpenHtml { title: "page.html".into(), bytes: html.to_vec() }));
        assert_eq!(
            state.open.text(),
            "Home\nTalks\n\nAngela Merkel met Emmanuel Macron in Paris on Monday to discuss the budget."
        );
        assert!(state.open.hints[0].in_chrome);
        assert!(!state.open.extraction.body.iter().any(|b| b.slice(state.open.text()).contains("Home")));
        let empty =
            State::default().apply(Action::OpenHtml { title: "x.html".into(), bytes: b"<script>x</script>".to_vec() });
        assert!(empty.notice.is_some_and(|n| n.level == NoticeLevel::Error));
    }

    #[test]
    fn layers_and_clutter_toggle() {
        let state = State::default().apply(Action::ToggleLayer(Layer::Quote)).apply(Action::ToggleClutter);
        assert!(state.hidden_layers.contains(&Layer::Quote) && state.hide_clutter);
        let state = state.apply(Action::ToggleLayer(Layer::Quote));
        assert!(state.hidden_layers.is_empty());
    }

    #[test]
    fn notes_can_be_added_edited_deleted_and_every_change_undone() {
        let s0 = State::default();
        let span = span_of(&s0, "Sergei Lavrov has lashed out");
        let s1 = s0.apply(Action::AddNote { span, text: "key claim".into(), tags: vec!["claim".into()] });
        let id = s1.annotations.notes[0].id.clone();
        assert_eq!(s1.selection, None);
        let s2 = s1.apply(Action::EditNote {
            id: id.clone(),
            text: "edited".into(),
            tags: vec!["claim".into(), "russia".into()],
        });
        assert_eq!(s2.all_tags(), ["claim", "russia"]);
        let s3 = s2.apply(Action::DeleteNote(id.clone()));
        assert!(s3.annotations.notes.is_empty());
        let undone = s3.apply(Action::Undo);
        assert_eq!(undone.annotations.notes[0].text, "edited");
        let undone = undone.apply(Action::Undo);
        assert_eq!(undone.annotations.notes[0].text, "key claim");
        let redone = undone.apply(Action::Redo).apply(Action::Redo);
        assert!(redone.annotations.notes.is_empty());
        assert!(redone.apply(Action::Redo).annotations.notes.is_empty(), "nothing more to redo");
    }

    #[test]
    fn reviews_and_added_entities_are_undoable() {
        let s0 = State::default();
        let scope = ReviewScope::Entity { name: "Sergei Lavrov".into(), kind: EntityKind::Person };
        let s1 = s0.apply(Action::Review { scope, decision: Decision::Reject });
        let shown = s1.annotations.shown_entities(&s1.open.extraction);
        assert!(!shown.iter().any(|e| e.name == "Sergei Lavrov"));
        let s2 = s1.apply(Action::AddEntity { span: span_of(&s1, "New START"), kind: EntityKind::Misc });
        assert_eq!(s2.annotations.added.len(), 1);
        let back = s2.apply(Action::Undo).apply(Action::Undo);
        assert_eq!(*back.annotations, Annotations::default());
    }

    #[test]
    fn a_failed_import_changes_nothing_and_says_why() {
        let s0 = State::default().apply(Action::AddNote { span: Span::new(0, 5), text: "n".into(), tags: vec![] });
        let s1 = s0.apply(Action::Import("{ broken".into()));
        assert_eq!(s1.annotations, s0.annotations);
        assert!(s1.notice.as_ref().is_some_and(|n| n.level == NoticeLevel::Error && n.text.contains("not valid JSON")));
    }

    #[test]
    fn storage_failure_is_reported_once_and_work_goes_on() {
        let s1 = State::default().apply(Action::StorageFailed("quota exceeded".into()));
        assert!(s1.notice.as_ref().is_some_and(|n| n.text.contains("Export")));
        let s2 = s1.apply(Action::DismissNotice).apply(Action::StorageFailed("quota exceeded".into()));
        assert!(s2.notice.is_none());
        let s3 = s2.apply(Action::AddNote { span: Span::new(0, 5), text: "still works".into(), tags: vec![] });
        assert_eq!(s3.annotations.notes.len(), 1);
    }

    #[test]
    fn keyboard_selection_grows_by_characters_and_words() {
        let s0 = State::default().apply(Action::Select(Some(Span::new(0, 1))));
        let s1 = s0.apply(Action::ExtendSelection { forward: true, by_word: true, from: 0 });
        assert_eq!(s1.selection.map(|s| s.slice(s1.open.text()).to_string()).as_deref(), Some("Accessibility"));
        let s2 = s1.apply(Action::ExtendSelection { forward: false, by_word: false, from: 0 });
        let fresh = State::default().apply(Action::ExtendSelection { forward: true, by_word: true, from: 0 });
        assert_eq!(fresh.selection.map(|s| s.slice(fresh.open.text()).to_string()).as_deref(), Some("Accessibility"));
        assert_eq!(s2.selection.map(|s| s.slice(s2.open.text()).to_string()).as_deref(), Some("Accessibilit"));
    }

    #[test]
    fn a_document_shows_its_text_at_once_and_its_highlights_when_the_extractor_answers() {
        let opened = State::default()
            .apply(Action::OpenBytes { title: String::new(), bytes: b"Angela Merkel visited Paris.".to_vec() });
        assert_eq!(opened.open.text(), "Angela Merkel visited Paris.");
        assert_eq!(opened.open.pending_extraction(), Some(opened.open.serial));
        assert!(opened.open.extraction.entities.is_empty());
        // Meanwhile the whole text counts as the article: nothing is dimmed as clutter.
        assert_eq!(opened.open.extraction.body, [Span::new(0, opened.open.text().len())]);
        let done = extracted(opened);
        assert_eq!(done.open.progress, ExtractionProgress::Done);
        assert_eq!(done.open.pending_extraction(), None);
        let names: Vec<&str> = done.open.extraction.entities.iter().map(|e| e.span.slice(done.open.text())).collect();
        assert_eq!(names, ["Angela Merkel", "Paris"]);
    }

    #[test]
    fn every_opened_document_is_a_new_request_and_stale_answers_are_dropped() {
        let sample = State::default();
        let first = sample.open.serial;
        let pasted = sample.apply(Action::OpenBytes { title: String::new(), bytes: b"Angela Merkel spoke.".to_vec() });
        let saved = pasted.apply(Action::OpenSaved {
            title: "Saved".into(),
            text: "Emmanuel Macron spoke.".into(),
            hints: Vec::new(),
            annotations: Annotations::default(),
        });
        let serials = [first, pasted.open.serial, saved.open.serial];
        assert!(serials.windows(2).all(|w| w[0] < w[1]), "{serials:?}");
        // Answers for the sample and the paste arrive after the saved document was opened: both are dropped.
        let late = sidenote_extract::extract(sample.open.text());
        let after = saved
            .apply(Action::ExtractionFinished { request: first, extraction: late.clone() })
            .apply(Action::ExtractionFailed { request: pasted.open.serial, message: "trap".into() });
        assert_eq!(after.open.pending_extraction(), Some(saved.open.serial));
        assert!(after.open.extraction.entities.is_empty() && after.notice.is_none());
        // A repeated answer for a document already done changes nothing either.
        let done = extracted(after);
        let again = done.apply(Action::ExtractionFinished { request: done.open.serial, extraction: late });
        assert_eq!(again.open, done.open);
    }

    #[test]
    fn when_the_extractor_stops_the_text_and_notes_stay_and_the_app_says_so() {
        let opened =
            State::default().apply(Action::OpenBytes { title: String::new(), bytes: b"Angela Merkel spoke.".to_vec() });
        let request = opened.open.serial;
        // Notes can be written before the highlights arrive.
        let noted = opened.apply(Action::AddNote { span: Span::new(0, 13), text: "who".into(), tags: vec![] });
        let failed = noted.apply(Action::ExtractionFailed { request, message: "RuntimeError: unreachable".into() });
        assert_eq!(failed.open.text(), "Angela Merkel spoke.");
        assert_eq!(failed.annotations, noted.annotations);
        assert_eq!(failed.open.progress, ExtractionProgress::Failed { reason: "RuntimeError: unreachable".into() });
        assert_eq!(failed.open.pending_extraction(), None);
        assert_eq!(failed.notice, Some(Notice::error(EXTRACTOR_STOPPED)));
        // The next document is extracted again.
        let next = failed.apply(Action::OpenBytes { title: String::new(), bytes: b"Emmanuel Macron spoke.".to_vec() });
        assert_eq!(next.open.pending_extraction(), Some(request + 1));
        assert_eq!(extracted(next).open.progress, ExtractionProgress::Done);
    }

    #[test]
    fn the_last_document_opens_at_start_up_with_its_notes_and_is_extracted_like_any_other() {
        let mut notes = Annotations::default();
        notes.add_note("Angela Merkel spoke.", Span::new(0, 13), "who".into(), vec![]);
        let state = State::with_document(
            OpenDocument::open_with_hints("Saved".into(), "Angela Merkel spoke.".into(), Vec::new()),
            notes.clone(),
        );
        assert_eq!(*state.annotations, notes);
        assert!(state.open.pending_extraction().is_some());
        let done = extracted(state);
        assert_eq!(*done.annotations, notes);
        assert_eq!(done.open.extraction.entities.len(), 1);
    }
}
