//! The app's state and its one reducer. Pure: no DOM, no clock; tested natively below.
//!
//! Browser effects (saving, reading files, scrolling) are done by `services` in response to state
//! changes or before dispatching; the reducer only decides.

use std::rc::Rc;

use sidenote_annotate::formats;
use sidenote_annotate::model::{Annotations, Decision, DeletedVersions, Replica, ReviewScope};
use sidenote_annotate::share_link::{self, ShareError};
use sidenote_annotate::{accept_file_bytes, accept_page_bytes, merge, page_head, w3c, Document};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{html_to_text, EntityKind, Extraction, LineHint, Span};
use yew::Reducible;

use crate::exports::ExportFormat;
use crate::history::History;
use crate::records;
use crate::sample::{SAMPLE_TEXT, SAMPLE_TITLE};
use crate::worker_protocol::{ImportFormat, ImportOutcome};

/// How many annotation snapshots undo keeps.
const UNDO_LIMIT: usize = 200;

/// An open article and what the extractor found in it.
#[derive(Debug, Clone)]
pub struct OpenDocument {
    /// The article, shared: a state changed for any other reason (the extractor's answer, say) copies
    /// the pointer, not the text.
    pub document: Rc<Document>,
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

// Cheap fields first, and the text by pointer before content: the extractor's answer makes a new
// `OpenDocument` with the same text, and the views compare it with the previous one on every render.
// The offsets are not compared: they are derived from the text.
impl PartialEq for OpenDocument {
    fn eq(&self, other: &Self) -> bool {
        self.serial == other.serial
            && self.progress == other.progress
            && self.urn == other.urn
            && self.hints == other.hints
            && self.extraction == other.extraction
            && (Rc::ptr_eq(&self.document, &other.document) || self.document == other.document)
    }
}

// Equality is reflexive (the hints' link densities are ratios, never NaN), so `Rc<OpenDocument>` props
// compare by pointer first: an unchanged document costs the views nothing however long its text.
impl Eq for OpenDocument {}

/// The bidirectional embeddings, overrides and isolates, which a title never keeps (see
/// [`OpenDocument::open_with_hints`]).
const BIDI_CONTROLS: [char; 9] =
    ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];

impl OpenDocument {
    /// The extractor's suggestion on exactly `span`, if any: a mention (with its kind) or a quotation.
    pub fn suggestion_on(&self, span: Span) -> Option<ReviewScope> {
        let extraction = &self.extraction;
        let mention =
            extraction.entities.iter().find(|e| e.span == span).map(|e| ReviewScope::Mention { span, kind: e.kind });
        mention.or_else(|| extraction.quotes.iter().any(|q| q.span == span).then_some(ReviewScope::Quote { span }))
    }

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
        // A file's name may hold bidirectional controls (`report\u{202E}gpj.exe` reads as `report.exe.jpg`): in
        // the title bar and every message that names the document they would turn the text around them.
        let title = if title.contains(BIDI_CONTROLS) { title.replace(BIDI_CONTROLS, "") } else { title };
        let extraction = Extraction { body: vec![Span::new(0, text.len())], ..Extraction::default() };
        let offsets = OffsetIndex::new(&text);
        let document = Rc::new(Document::new(title, text));
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

/// What to do when the worker could not start (its script or module did not load: a reload fetches them again).
const RELOAD: &str = "reload the page to try again.";
const RELOAD_CAPITAL: &str = "Reload the page to try again.";

/// Whether a message reports a problem or just informs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeLevel {
    /// Something the user asked for did not happen.
    Error,
    /// Something happened that the user should know.
    Info,
}

/// A message shown above the article until dismissed or replaced.
#[derive(Debug, Clone, Eq)]
pub struct Notice {
    /// How serious it is.
    pub level: NoticeLevel,
    /// The sentence shown.
    pub text: String,
    /// Which message this is, in the order they were made: the same sentence said again (a second "Undone.")
    /// is another message, which the page shows as a new element so that a screen reader announces it again
    /// (a live region announces changes, and the same text is none). Not part of a message's equality.
    pub serial: u64,
}

impl PartialEq for Notice {
    fn eq(&self, other: &Self) -> bool {
        (self.level, &self.text) == (other.level, &other.text)
    }
}

thread_local! {
    static NOTICES_MADE: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

impl Notice {
    /// A message of `level`.
    pub fn new(level: NoticeLevel, text: impl Into<String>) -> Self {
        let serial = NOTICES_MADE.with(|made| {
            made.set(made.get() + 1);
            made.get()
        });
        Notice { level, text: text.into(), serial }
    }

    /// An error message.
    pub fn error(text: impl Into<String>) -> Self {
        Notice::new(NoticeLevel::Error, text)
    }

    /// An informative message.
    pub fn info(text: impl Into<String>) -> Self {
        Notice::new(NoticeLevel::Info, text)
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

/// The layers switched off: a bit per layer. Not a `BTreeSet<Layer>`, whose code for this one element type was
/// a copy of the map's in the Wasm (1.5 KB gzipped).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LayerSet(u8);

impl LayerSet {
    fn bit(layer: Layer) -> u8 {
        let at = match layer {
            Layer::Entity(kind) => kind as u8,
            Layer::Quote => EntityKind::ALL.len() as u8,
            Layer::Note => EntityKind::ALL.len() as u8 + 1,
        };
        1 << at
    }

    pub fn contains(&self, layer: &Layer) -> bool {
        self.0 & Self::bit(*layer) != 0
    }

    /// Adds `layer`; whether it was not there.
    pub fn insert(&mut self, layer: Layer) -> bool {
        let added = !self.contains(&layer);
        self.0 |= Self::bit(layer);
        added
    }

    /// Takes `layer` out; whether it was there.
    pub fn remove(&mut self, layer: &Layer) -> bool {
        let removed = self.contains(layer);
        self.0 &= !Self::bit(*layer);
        removed
    }

    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }
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
    /// The address of the page it came from, when known.
    pub source_url: Option<String>,
}

/// A stored record that could not be read: kept aside (never overwritten), listed so that the user can
/// export it as it is or delete it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableRecord {
    /// Where it is kept.
    pub key: String,
    /// What it was ("A document's notes and decisions").
    pub what: String,
    /// Why it could not be read.
    pub why: String,
}

/// What storage holds, as the library lists it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Library {
    /// Saved documents, most recently saved first.
    pub entries: Vec<LibraryEntry>,
    /// Records that could not be read.
    pub unreadable: Vec<UnreadableRecord>,
}

/// What the browser's storage holds for this site, as the Library shows it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StorageUsage {
    /// Bytes used (the browser's estimate), if it says.
    pub used: Option<f64>,
    /// Bytes it may hold, if it says.
    pub quota: Option<f64>,
    /// Whether the browser keeps it until the user clears it (else it may clear it when space runs low).
    pub persistent: Option<bool>,
    /// Where Sidenote writes: "IndexedDB", "localStorage" or "memory only".
    pub backend: String,
}

/// A saved document as read from storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Its title.
    pub title: String,
    /// Its text.
    pub text: String,
    /// Its structure hints, if it came from HTML.
    pub hints: Vec<LineHint>,
    /// Where it came from, when known.
    pub source_url: Option<String>,
    /// Its annotations (empty when none were saved, or when they could not be read and were set aside).
    pub annotations: Annotations,
    /// What went wrong while reading, for the user (annotations set aside, say).
    pub warning: Option<String>,
}

/// What storage says the app should start with.
// Made once per start and consumed at once, so a large variant costs nothing worth a box (it grew past clippy's
// threshold when annotations gained revisions for merging tabs).
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Startup {
    /// Nothing saved yet: the sample.
    Sample,
    /// The document open at the end of the last visit.
    Last(Loaded),
    /// The last document could not be read (it was set aside): the sample, and why.
    LastUnreadable(String),
    /// The previous start did not finish: the sample and the library, without running the extractor on the
    /// last document again.
    Safe,
}

/// Something to scroll to and flash in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    /// The words.
    pub span: Span,
    /// Changes on every request, so the same words can be flashed twice.
    pub serial: u64,
}

/// An annotation file made for another document, waiting for the user to merge it anyway or cancel.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingImport {
    /// What the file holds, anchored on the open text (in the worker) but not yet merged.
    pub anchored: w3c::AnchoredImport,
    /// Why the user is asked (the file's source and the open document's).
    pub message: String,
    /// The "file" is an earlier capture's notes ([`Action::BringEarlier`]): cancelled, they are not offered
    /// again for this document.
    pub earlier: bool,
    /// The file, when it carries its own article (`sidenote:text`, another text than the open one): kept so
    /// that [`Action::OpenImportArticle`] can open that article and import the file onto it.
    pub carries_article: Option<Rc<str>>,
}

/// An annotation file sent to the worker to be read and anchored on the open document, waiting for its answer.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportJob {
    /// The request id: answers for any other are stale (a newer import, or another document, superseded
    /// them) and dropped.
    pub request: u64,
    /// The file's text, for the effect that sends it (shared, so the state's copies cost nothing).
    pub file: Rc<str>,
    /// What kind of file it is.
    pub format: ImportFormat,
    /// When the "file" is the notes of an earlier capture of the open page ([`Action::BringEarlier`]): when that
    /// capture was saved, to name it in the question asked before they are merged.
    pub earlier: Option<String>,
}

/// An export sent to the worker, whose files download when it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportJob {
    /// The request id: a later export replaces it as the one the busy line waits for.
    pub request: u64,
    /// The format asked for.
    pub format: ExportFormat,
    /// The document it exports ([`OpenDocument::serial`]): it is sent to the worker once that document's
    /// extraction has answered (before, the file would miss the suggestions and the decisions on them).
    pub serial: u64,
}

/// The entity files that can be imported back as a person's entities (chosen by file extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityFormat {
    /// brat standoff `.ann`.
    Brat,
    /// doccano `.jsonl`.
    Doccano,
}

/// Which editor a draft was typed in: a new note on some words, a note's edit, a reply to a note, or a new note
/// on the whole article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftTarget {
    /// The editor for a new note on these words.
    Words(Span),
    /// The open card of this note.
    Note(String),
    /// The reply box under this note.
    Reply(String),
    /// The editor for a new note on the whole article.
    Article,
}

/// What was typed in a note editor that closed unsaved (Escape, or the user went elsewhere): it comes back when
/// the same editor opens again, until saved or cancelled. Kept in memory only: a reload loses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The document it was typed on ([`OpenDocument::urn`]): drafts outlive opening another document.
    pub urn: String,
    /// The editor.
    pub target: DraftTarget,
    /// The text typed.
    pub text: String,
    /// The tags typed, as typed ("a, b").
    pub tags: String,
    /// For a note's card: the version of the note the draft was typed on, so that saving it later over a
    /// version that came meanwhile keeps both (see [`State::active_version`]).
    pub version: Option<String>,
}

/// The draft kept for an editor on the document `urn`, if any.
pub fn draft_in<'a>(drafts: &'a [Draft], urn: &str, target: &DraftTarget) -> Option<&'a Draft> {
    drafts.iter().find(|d| d.urn == urn && d.target == *target)
}

/// Everything the app shows.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The open article; there is always one (the sample at first).
    pub open: Rc<OpenDocument>,
    /// The user's annotations on it.
    pub annotations: Rc<Annotations>,
    /// Earlier and undone annotation states, for undo and redo (bounded by `UNDO_LIMIT`).
    pub history: History<Rc<Annotations>>,
    /// The current message, if any.
    pub notice: Option<Notice>,
    /// Layers the user switched off in the legend.
    pub hidden_layers: LayerSet,
    /// Whether page clutter (text outside the article body) is collapsed.
    pub hide_clutter: bool,
    /// The words the user has selected in the article, if any.
    pub selection: Option<Span>,
    /// The words the editor for a new note is open on, fixed when it opened: selecting other words meanwhile
    /// does not move the note being written.
    pub writing: Option<Span>,
    /// What was typed in editors that closed unsaved, in every document of this session.
    pub drafts: Rc<Vec<Draft>>,
    /// The note whose card is open.
    pub active_note: Option<String>,
    /// The version (`Note::version`) the open card's note had when it was opened: its editor shows that one,
    /// so a save over a version that came meanwhile (an import, another tab) must not replace it unseen.
    pub active_version: Option<String>,
    /// The side panel's tab.
    pub panel: Panel,
    /// Text the side panel's lists are filtered by.
    pub query: String,
    /// The tag the notes list is filtered by.
    pub tag_filter: Option<String>,
    /// Saved documents in this browser.
    pub library: Vec<LibraryEntry>,
    /// Stored records that could not be read, kept aside.
    pub unreadable: Vec<UnreadableRecord>,
    /// Set when saving failed: the app keeps working in memory.
    pub storage_failed: bool,
    /// The library is still being read (the sample shows meanwhile, and nothing is saved).
    pub loading: bool,
    /// How much storage is used, once measured.
    pub storage_usage: Option<StorageUsage>,
    /// What to scroll to and flash next.
    pub flash: Option<Flash>,
    /// The open document came from a share link and is not saved in this browser until the user keeps it.
    pub shared_unkept: bool,
    /// The open document came from a share link that the user kept: its annotations are theirs to save,
    /// although nothing was edited (see [`State::untouched`]).
    pub shared_kept: bool,
    /// The share link made for the open document, shown until closed.
    pub share_link: Option<String>,
    /// An import that waits for the user's answer because the file was made for another document.
    pub pending_import: Option<PendingImport>,
    /// The import the worker is reading and anchoring, if any (the page shows a busy line meanwhile).
    pub importing: Option<ImportJob>,
    /// How many imports were asked for in this session: the last request id, so ids never repeat, not even
    /// across documents.
    pub imports_asked: u64,
    /// The export the worker is writing, if any (the page shows a busy line meanwhile). It goes on when
    /// another document is opened: the worker was given everything it needs.
    pub exporting: Option<ExportJob>,
    /// How many exports were asked for in this session: the last request id.
    pub exports_asked: u64,
    /// How many times another tab deleted the open document while it was open here: each time, the app saves
    /// it again, text and annotations (an effect keyed on this), so that nothing written here is lost.
    pub deleted_elsewhere: u32,
    /// The user declined to bring an earlier capture's notes onto the open document ([`State::earlier_capture`]).
    pub earlier_declined: bool,
    /// The document this tab deleted last (identity, title), while another tab may still hold it open: that
    /// tab saves it again ([`Action::DeletedElsewhere`]), and "Deleted …" would then be stale here.
    pub deleted_here: Option<(String, String)>,
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
        /// A title: the file name, or empty to take the text's headline (`Document::title_from_text`).
        title: String,
        /// The raw content.
        bytes: Vec<u8>,
    },
    /// Open HTML (a `.html` file, or a paste that carried `text/html`): the text a reader sees, with
    /// structure hints. Nothing in it is run or fetched.
    OpenHtml {
        /// A title: the file name, or empty to take the text's headline (`Document::title_from_text`).
        title: String,
        /// The raw content.
        bytes: Vec<u8>,
    },
    /// Open a page captured by the bookmarklet: its HTML as [`Action::OpenHtml`] does, recording its URL.
    Capture {
        /// The page's HTML.
        html: String,
        /// Its address, which becomes the W3C `source` of exported annotations.
        url: String,
        /// Its title (empty: the text's headline, `Document::title_from_text`).
        title: String,
    },
    /// Refuse an input before reading it (a file too large to read), with the same message as after.
    RefuseInput(sidenote_annotate::InputError),
    /// Reopen the built-in sample.
    OpenSample,
    /// A saved document was deleted from this browser (the Library's Delete, confirmed). When it is the open
    /// one, the sample opens instead: left open, its next change would save notes for a text no longer
    /// stored, stranded in the Library.
    Deleted {
        /// The deleted document's identity.
        urn: String,
        /// Its title, for the message.
        title: String,
    },
    /// Open a document saved in this browser, with its annotations (checked against its text first).
    OpenSaved(Loaded),
    /// Annotations saved earlier for the open text were found (the same text opened again, by paste, file
    /// or the Sample button): they replace the empty annotations it opened with, unless work has begun.
    RestoreAnnotations(Annotations),
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
    /// Open the editor for a new note on these words (`None`: close it).
    WriteNote(Option<Span>),
    /// An editor closed or lost the focus with this typed in it (text, tags as typed), kept as its draft;
    /// `None`: its draft is thrown away (Cancel).
    KeepDraft(DraftTarget, Option<(String, String)>),
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
    /// Reply to a note (on words or on the article): the user's own words under it.
    AddReply {
        /// Which note.
        note: String,
        /// The reply.
        text: String,
    },
    /// Attach a note (an orphan, typically) to the selected words.
    ReattachNote {
        /// Which note.
        id: String,
        /// The words.
        span: Span,
    },
    /// Open (or close) a note's card and flash its words.
    FocusNote(Option<String>),
    /// Open a note's card from its highlight in the article: its words are where the user just clicked, so they
    /// are not flashed (scrolling back to them took a phone's one column away from the card it had scrolled to).
    OpenNoteFromArticle(String),
    /// Scroll to and flash some words.
    FlashSpan(Span),
    /// Decide about suggestions.
    Review {
        /// Which suggestions.
        scope: ReviewScope,
        /// The decision.
        decision: Decision,
    },
    /// Decide about the suggestion on exactly these words (the A and R keys), if there is one.
    ReviewWords {
        /// The words.
        span: Span,
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
    /// Import an annotation file (its text) onto the open article: it is read and anchored in the worker,
    /// which answers with [`Action::ImportFinished`] or [`Action::ImportFailed`].
    Import(String),
    /// The worker read and anchored an imported file (ignored unless `request` is the import waited for).
    ImportFinished {
        /// The [`ImportJob::request`] answered.
        request: u64,
        /// What came of it.
        outcome: ImportOutcome,
    },
    /// The worker stopped on an import (ignored unless it is the import waited for): nothing changes.
    ImportFailed {
        /// The [`ImportJob::request`] that failed.
        request: u64,
        /// What the browser said.
        message: String,
        /// Whether the worker had started (else it could not: not this file's fault).
        started: bool,
    },
    /// Export the open document's annotations: the worker writes the files (the page waits for
    /// [`Action::ExportFinished`] or [`Action::ExportFailed`]), and the user is told when the format has
    /// nothing of theirs to hold.
    Export(ExportFormat),
    /// An export's files were handed to the browser's downloads.
    ExportFinished {
        /// The [`ExportJob::request`] answered.
        request: u64,
    },
    /// An export could not be written: nothing changes, the user may try again.
    ExportFailed {
        /// The [`ExportJob::request`] that failed.
        request: u64,
        /// What went wrong.
        message: String,
    },
    /// Switch the side panel's tab.
    ShowPanel(Panel),
    /// Filter the side panel's lists by text.
    SetQuery(String),
    /// Filter the notes by a tag (or not).
    SetTagFilter(Option<String>),
    /// Storage was opened and read at start-up: what to open, the Library, and what to tell the user.
    Started {
        /// What to open.
        startup: Startup,
        /// The Library's lists.
        library: Library,
        /// Records that could not be read, storage that could not be opened.
        message: Option<String>,
    },
    /// The browser said how much storage is used.
    StorageMeasured(StorageUsage),
    /// The library was read from storage.
    LibraryLoaded(Library),
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
        /// Whether the worker had started (else it could not: not this document's fault).
        started: bool,
    },
    /// Show the share link of the open document and its annotations, made of their payload
    /// ([`State::share_payload`]) once the browser compressed it (`services::share::deflate`).
    ShareLinkMade {
        /// The app's address (origin and path), without its fragment.
        base: String,
        /// The payload, compressed (raw DEFLATE); or why it could not be made or compressed.
        deflated: Result<Vec<u8>, ShareError>,
    },
    /// Hide the share link.
    CloseShareLink,
    /// Open the document a share link carries (its payload, inflated by `services::share::inflate`), without
    /// saving it until [`Action::KeepShared`]; or say why the link does not open.
    OpenShared(Result<Vec<u8>, ShareError>),
    /// Keep the document opened from a share link: save it in the Library from now on, with the notes this
    /// browser saved for the same text before (`saved`, read by the caller from storage) merged in.
    KeepShared {
        /// What storage holds for the document, if anything.
        saved: Option<Annotations>,
    },
    /// Add a note on the whole article (not on any words).
    AddDocumentNote {
        /// The note's text.
        text: String,
        /// Its tags.
        tags: Vec<String>,
    },
    /// Bring the notes of an earlier capture of the open page (loaded from storage) onto it: they are exported
    /// with their text and imported as a colleague's file is, so each is re-anchored on the new version (or
    /// orphaned), after the user has seen how many would land.
    BringEarlier {
        /// The earlier capture, as storage holds it.
        earlier: Loaded,
        /// When it was saved (the Library's stamp).
        saved: String,
        /// The open document's identity when the user asked: storage answers later, and by then another
        /// document may be open, on which these notes have no business.
        onto: String,
    },
    /// Do not offer the earlier capture's notes again for the open document.
    DeclineEarlier,
    /// Anchor the pending import although it was made for another document.
    ConfirmImport,
    /// Open the article the pending import's file carries (as a paste would, titled by the file's label) and
    /// import the file onto it, instead of anchoring it on the open document.
    OpenImportArticle,
    /// Drop the pending import: nothing changes.
    CancelImport,
    /// Correct a quotation's speaker (`None`: the speaker is unknown).
    CorrectSpeaker {
        /// The quotation.
        quote: Span,
        /// The right speaker.
        speaker: Option<String>,
    },
    /// Withdraw a speaker correction, so the extractor's speaker shows again.
    ClearSpeakerCorrection(Span),
    /// Another tab saved annotations (`services::tabs`): when they are for the open document, what they bring is
    /// merged in (`sidenote_annotate::merge`). Not an undoable step: undo reverts this tab's own steps, and
    /// undoing another tab's work here would delete it there too; the undo steps are rebased instead, so that
    /// undoing never removes what the other tab wrote.
    MergeFromOtherTab {
        /// The document they belong to.
        urn: String,
        /// The other tab's annotations.
        annotations: Annotations,
    },
    /// Another tab deleted a saved document (`services::tabs`). When it is the one open here, it stays open and
    /// is saved again, text and annotations: the other tab deleted what it saw, not what this tab holds.
    DeletedElsewhere {
        /// The document's content URN.
        urn: String,
    },
    /// Import a brat `.ann` or doccano `.jsonl` file's entities as the user's own (read in the worker, like
    /// [`Action::Import`]).
    ImportEntities {
        /// Which format.
        format: EntityFormat,
        /// The file's text.
        contents: String,
    },
}

/// Whether `span` holds some of `text`'s characters (a span from the page may not fit the text).
fn fits(text: &str, span: Span) -> bool {
    span.start < span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// What to add to "Opened …" when a file was not UTF-8: the encoding it was read in, so that a file in yet
/// another encoding (whose letters then read wrong) is recognised for what it is.
fn read_as(encoding: Option<sidenote_annotate::Encoding>) -> String {
    encoding.map_or_else(String::new, |encoding| {
        format!(
            " It is not in UTF-8 and was read as {}: if some letters look wrong, save it as UTF-8 and open it again.",
            encoding.name()
        )
    })
}

/// What an import did with notes deleted here: one comes back only with news the deletion did not see (the
/// merge's rule, as between two tabs), an edit or a reply made in the file since; said, so that the user
/// knows a note they deleted is back and why ("Imported 1 annotation" alone hid it). Empty when none came back.
fn deleted_brought_back(before: &Annotations, after: &Annotations, content_urn: &str) -> String {
    let deleted = &before.deleted_versions;
    if deleted.is_empty() {
        return String::new();
    }
    // A deleted note comes back under its id here, or under the IRI this document's export gave it.
    let deleted_ids: Vec<(&str, String)> =
        deleted.ids().into_iter().map(|local| (local, w3c::iri(content_urn, local))).collect();
    let local_id =
        |id: &str| deleted_ids.iter().find(|(local, iri)| *local == id || iri == id).map(|(local, _)| *local);
    let was_here =
        |id: &str| before.notes.iter().any(|n| n.id == id) || before.document_notes.iter().any(|n| n.id == id);
    let on_words = after.notes.iter().map(|n| (n.id.as_str(), n.version()));
    let on_article = after.document_notes.iter().map(|n| (n.id.as_str(), n.version()));
    let (mut edited, mut replied) = (0, 0);
    for (id, version) in on_words.chain(on_article).filter(|(id, _)| !was_here(id)) {
        if let Some(local) = local_id(id) {
            // The version deleted here, back for a reply written since; else a version it never saw.
            if deleted.contains(&DeletedVersions::entry(local, &version)) {
                replied += 1;
            } else {
                edited += 1;
            }
        }
    }
    let said = |count: usize, since: &str| match count {
        0 => String::new(),
        1 => format!(" 1 note you deleted was {since} in the file since: brought back."),
        n => format!(" {n} notes you deleted were {since} in the file since: brought back."),
    };
    said(edited, "edited") + &said(replied, "replied to")
}

/// Whether a file made for another text is most likely another version of the open article: most of its
/// notes on words find their words here (a colleague's copy differing in spaces or quotes). Then its notes on
/// the whole article are about this article too; else (another article, or no words to tell) they are not.
fn same_article_likely(anchored: &w3c::AnchoredImport) -> bool {
    let [exact, moved, fuzzy, orphan] = anchored.counts;
    let placed = exact + moved + fuzzy;
    placed > 0 && placed >= orphan
}

/// What the import question adds about a file's notes on the whole article: on another article, "Anchor
/// anyway" makes them orphans here ([`Action::ConfirmImport`]); before, it attached them to this one unasked.
fn whole_article_notes_asked(anchored: &w3c::AnchoredImport) -> String {
    let kept = if same_article_likely(anchored) { "kept as notes on this one" } else { "orphans here" };
    match anchored.imported.document_notes.len() {
        0 => String::new(),
        1 if same_article_likely(anchored) => {
            " It also holds 1 note on the whole article, which would be kept as a note on this one.".to_string()
        }
        1 => " It also holds 1 note on the whole article, which would be an orphan here.".to_string(),
        n => format!(" It also holds {n} notes on the whole article, which would be {kept}."),
    }
}

/// A note on the whole of another article, as an orphan here: no words, its text, tags, replies and versions
/// kept, so that it is listed to be re-attached and exported with the rest.
fn whole_article_orphan(note: sidenote_annotate::model::DocumentNote) -> sidenote_annotate::model::Note {
    sidenote_annotate::model::Note {
        id: note.id,
        span: None,
        target: Default::default(),
        status: sidenote_annotate::anchor::AnchorStatus::Orphan,
        text: note.text,
        tags: note.tags,
        replies: note.replies,
        author: None,
        replaces: note.replaces,
    }
}

/// The message for input that cannot be opened; `pasted`: it came from the paste panel, not a file. The open
/// document stays as it is: refused input never costs anything.
fn refusal(error: &sidenote_annotate::InputError, pasted: bool) -> Notice {
    let what = match error {
        sidenote_annotate::InputError::Binary if pasted => {
            "The pasted text is full of control characters, as binary data is, so it was not opened".to_string()
        }
        other => other.to_string(),
    };
    Notice::error(format!("{what}. The article you had open is unchanged."))
}

impl State {
    /// A fresh state showing `open` with `annotations`.
    pub fn with_document(open: OpenDocument, annotations: Annotations) -> Self {
        State {
            open: Rc::new(open),
            annotations: Rc::new(annotations),
            history: History::new(UNDO_LIMIT),
            notice: None,
            hidden_layers: LayerSet::default(),
            hide_clutter: false,
            selection: None,
            writing: None,
            drafts: Rc::default(),
            active_note: None,
            active_version: None,
            panel: Panel::Notes,
            query: String::new(),
            tag_filter: None,
            library: Vec::new(),
            unreadable: Vec::new(),
            storage_failed: false,
            loading: false,
            storage_usage: None,
            flash: None,
            shared_unkept: false,
            shared_kept: false,
            share_link: None,
            pending_import: None,
            importing: None,
            imports_asked: 0,
            exporting: None,
            exports_asked: 0,
            deleted_elsewhere: 0,
            earlier_declined: false,
            deleted_here: None,
        }
    }

    /// The state the app starts in.
    pub fn at_startup(startup: Startup) -> Self {
        match startup {
            Startup::Sample => State::default(),
            // Opened over the sample without extracting it: the sample is replaced at once, and the last document
            // goes to the extractor's worker like any other.
            Startup::Last(loaded) => {
                let sample = OpenDocument::open(SAMPLE_TITLE.to_string(), SAMPLE_TEXT.to_string());
                State::with_document(sample, Annotations::default()).apply(Action::OpenSaved(loaded))
            }
            Startup::LastUnreadable(why) => State::default().in_safe_mode(format!(
                "The article open last time could not be read ({why}). It is kept aside in the Library, where you \
                 can export it as it is or delete it."
            )),
            Startup::Safe => State::default().in_safe_mode(
                "Sidenote did not finish starting last time, so it opened the sample instead of your last article. \
                 Your saved articles are in the Library."
                    .to_string(),
            ),
        }
    }

    /// The state before storage is read: the sample, saving nothing until [`Action::Started`].
    pub fn loading() -> Self {
        State { loading: true, ..State::default() }
    }

    /// The sample with the Library shown and a message saying why.
    fn in_safe_mode(mut self, why: String) -> State {
        self.notice = Some(Notice::error(why));
        self.panel = Panel::Library;
        self
    }

    /// This tab's replica tag (random, from the app), put into the identifiers and revisions it makes, so that
    /// two tabs never make the same identifier and their edits merge (`sidenote_annotate::merge`).
    pub fn with_replica(mut self, tag: &str) -> State {
        Rc::make_mut(&mut self.annotations).replica = Replica::new(tag);
        self
    }

    /// Replaces the open document, keeping app-wide settings (layers, library, storage state, replica).
    fn switch_to(&self, mut open: OpenDocument, mut annotations: Annotations) -> State {
        annotations.replica = self.annotations.replica.clone();
        open.serial = self.open.serial + 1;
        let mut next = State::with_document(open, annotations);
        next.hidden_layers = self.hidden_layers.clone();
        next.hide_clutter = self.hide_clutter;
        next.library = self.library.clone();
        next.unreadable = self.unreadable.clone();
        next.storage_failed = self.storage_failed;
        next.imports_asked = self.imports_asked;
        next.exporting = self.exporting;
        next.exports_asked = self.exports_asked;
        next.loading = self.loading;
        next.storage_usage = self.storage_usage.clone();
        next.drafts = self.drafts.clone();
        next.panel = if self.panel == Panel::Library { Panel::Notes } else { self.panel };
        next
    }

    /// Applies a change to the annotations, recording the previous state for undo.
    fn change(&mut self, edit: impl FnOnce(&mut Annotations)) {
        let mut changed = (*self.annotations).clone();
        edit(&mut changed);
        self.record_change(changed);
    }

    /// The half of [`State::change`] that does not depend on the edit: one copy in the Wasm instead of one
    /// inlined into each of the reducer's arms that change annotations.
    #[inline(never)]
    fn record_change(&mut self, mut changed: Annotations) {
        if changed == *self.annotations {
            return;
        }
        merge::stamp(&self.annotations, &mut changed);
        self.history.record(self.annotations.clone());
        self.annotations = Rc::new(changed);
    }

    /// The draft kept for an editor on the open document, if any.
    pub fn draft(&self, target: &DraftTarget) -> Option<&Draft> {
        draft_in(&self.drafts, &self.open.urn, target)
    }

    /// Keeps `typed` (text, tags) as the draft of `target` on the open document; forgets it when `None`, or
    /// when it holds nothing beyond what is saved (blank, or the note's own text and tags).
    fn keep_draft(&mut self, target: DraftTarget, typed: Option<(String, String)>) {
        let saved = match &target {
            DraftTarget::Note(id) => {
                let on_words = self.annotations.notes.iter().find(|n| n.id == *id).map(|n| (&n.text, &n.tags));
                let on_article =
                    || self.annotations.document_notes.iter().find(|n| n.id == *id).map(|n| (&n.text, &n.tags));
                on_words.or_else(on_article).map(|(text, tags)| (text.clone(), tags_text(tags)))
            }
            _ => None,
        };
        let typed = typed.filter(|(text, tags)| match &saved {
            Some(saved) => (text, tags) != (&saved.0, &saved.1),
            None => !text.trim().is_empty() || !tags.trim().is_empty(),
        });
        // What the card showed when it opened, which is what the draft was typed on.
        let version = match &target {
            DraftTarget::Note(id) if self.active_note.as_ref() == Some(id) => self.active_version.clone(),
            DraftTarget::Note(id) => self.note_version(id),
            _ => None,
        };
        let urn = self.open.urn.clone();
        let drafts = Rc::make_mut(&mut self.drafts);
        drafts.retain(|d| d.urn != urn || d.target != target);
        if let Some((text, tags)) = typed {
            drafts.push(Draft { urn, target, text, tags, version });
        }
    }

    /// After an undo or redo in this tab: the open card's note is now as this tab made it, so a save from its
    /// editor replaces it (it is no other's version to keep beside).
    fn refresh_active_version(&mut self) {
        self.active_version = self.active_note.as_deref().and_then(|id| self.note_version(id));
    }

    /// The version of a note, on words or on the whole article.
    fn note_version(&self, id: &str) -> Option<String> {
        let on_words = self.annotations.notes.iter().find(|n| n.id == id).map(|n| n.version());
        on_words.or_else(|| self.annotations.document_notes.iter().find(|n| n.id == id).map(|n| n.version()))
    }

    fn flash(&mut self, span: Span) {
        let serial = self.flash.as_ref().map_or(1, |f| f.serial + 1);
        self.flash = Some(Flash { span, serial });
    }

    /// The pure transition function behind [`Reducible::reduce`].
    pub fn apply(&self, action: Action) -> State {
        // Cloning the state copies pointers (the document and annotations are shared `Rc`s), never the text.
        let mut next = self.clone();
        let text = self.open.text();
        match action {
            Action::OpenBytes { title, bytes } => match accept_file_bytes(&bytes) {
                Ok((new_text, encoding)) => {
                    let title = if title.trim().is_empty() { Document::title_from_text(&new_text) } else { title };
                    next = self.switch_to(OpenDocument::open(title, new_text), Annotations::default());
                    let title = &next.open.document.title;
                    next.notice = Some(Notice::info(format!("Opened “{title}”.{}", read_as(encoding))));
                }
                Err(error) => next.notice = Some(refusal(&error, title.is_empty())),
            },
            Action::OpenHtml { title, bytes } => match accept_page_bytes(&bytes) {
                Ok((html, encoding)) => {
                    let (new_text, hints) = html_to_text(&html);
                    if new_text.trim().is_empty() {
                        next.notice = Some(Notice::error(
                            "This HTML shows no text (only markup or scripts). The article you had open is unchanged.",
                        ));
                    } else {
                        // The page's own title and address (a saved page's file name says little, and the
                        // address lets a colleague's import name the article).
                        let head = page_head(&html);
                        let from = if title.trim().is_empty() { "HTML".to_string() } else { title.clone() };
                        let title = match head.title {
                            Some(own) => own,
                            None if title.trim().is_empty() => Document::title_from_text(&new_text),
                            None => title,
                        };
                        let mut opened = OpenDocument::open_with_hints(title, new_text, hints);
                        if let Some(document) = Rc::get_mut(&mut opened.document) {
                            document.source_url = head.address;
                        }
                        next = self.switch_to(opened, Annotations::default());
                        let title = &next.open.document.title;
                        next.notice =
                            Some(Notice::info(format!("Opened “{title}” (from {from}).{}", read_as(encoding))));
                    }
                }
                Err(error) => next.notice = Some(refusal(&error, title.is_empty())),
            },
            Action::Capture { html, url, title } => {
                next = self.apply(Action::OpenHtml { title, bytes: html.into_bytes() });
                if !Rc::ptr_eq(&next.open, &self.open) {
                    let url = Some(url).filter(|u| !u.trim().is_empty());
                    let open = Rc::make_mut(&mut next.open);
                    Rc::make_mut(&mut open.document).source_url = url.clone();
                    let title = &open.document.title;
                    next.notice = Some(Notice::info(match url {
                        Some(url) => format!("Captured “{title}” from {url}."),
                        None => format!("Captured “{title}”."),
                    }));
                }
            }
            Action::RefuseInput(error) => next.notice = Some(refusal(&error, false)),
            Action::OpenSample => {
                next = self.switch_to(OpenDocument::sample(), Annotations::default());
            }
            Action::Deleted { urn, title } => {
                let open_one = urn == self.open.urn && !self.shared_unkept;
                if open_one {
                    next = self.switch_to(OpenDocument::sample(), Annotations::default());
                }
                let then = if open_one { " It was open: the sample is open instead." } else { "" };
                next.notice = Some(Notice::info(format!("Deleted “{title}” from this browser.{then}")));
                next.deleted_here = Some((urn, title));
            }
            Action::OpenSaved(Loaded { title, text, source_url, hints, mut annotations, warning }) => {
                let repaired = records::validate(&mut annotations, &text);
                let mut opened = OpenDocument::open_with_hints(title, text, hints);
                if let Some(document) = Rc::get_mut(&mut opened.document) {
                    document.source_url = source_url;
                }
                next = self.switch_to(opened, annotations);
                let message = [warning, repaired].into_iter().flatten().collect::<Vec<_>>().join(" ");
                if !message.is_empty() {
                    next.notice = Some(Notice::error(message));
                }
            }
            Action::RestoreAnnotations(mut annotations) => {
                if self.untouched()
                    && *self.annotations == Annotations::default()
                    && annotations != Annotations::default()
                {
                    let repaired = records::validate(&mut annotations, text);
                    annotations.replica = self.annotations.replica.clone();
                    let count = annotations.notes.len();
                    next.annotations = Rc::new(annotations);
                    let restored = format!(
                        "This article was annotated before in this browser: its {count} note{} and decisions are back.",
                        if count == 1 { "" } else { "s" }
                    );
                    // A message already shown (safe mode, say) stays, with this one after it.
                    let earlier = self.notice.clone();
                    let text = [earlier.as_ref().map(|n| n.text.clone()), Some(restored), repaired];
                    let text = text.into_iter().flatten().collect::<Vec<_>>().join(" ");
                    let level = earlier.map_or(NoticeLevel::Info, |n| n.level);
                    next.notice = Some(Notice::new(level, text));
                }
            }
            Action::Notify(notice) => next.notice = Some(notice),
            Action::DismissNotice => next.notice = None,
            Action::ToggleLayer(layer) => {
                if !next.hidden_layers.remove(&layer) {
                    next.hidden_layers.insert(layer);
                }
            }
            Action::ToggleClutter => next.hide_clutter = !next.hide_clutter,
            Action::Select(span) => next.selection = span.filter(|s| fits(text, *s)),
            Action::ExtendSelection { forward, by_word, from } => {
                let from = floor_char_boundary(text, from);
                let current = self
                    .selection
                    .map(|s| Span::new(floor_char_boundary(text, s.start), floor_char_boundary(text, s.end)))
                    .unwrap_or(Span::new(from, from));
                let end = step(text, current.end, forward, by_word).max(current.start);
                next.selection = Some(Span::new(current.start, end)).filter(|s| !s.is_empty());
            }
            Action::WriteNote(span) => next.writing = span.filter(|s| fits(text, *s)),
            Action::KeepDraft(target, typed) => next.keep_draft(target, typed),
            Action::AddNote { span, text: body, tags } => {
                next.change(|a| {
                    a.add_note(text, span, body, tags);
                });
                next.writing = None;
                next.keep_draft(DraftTarget::Words(span), None);
                // The card shows the saved note; clicking it opens it for editing.
                next.active_note = None;
                next.selection = None;
                next.panel = Panel::Notes;
            }
            Action::EditNote { id, text: body, tags } => {
                let now = self.annotations.notes.iter().find(|n| n.id == id);
                let on_article = now.is_none() && self.annotations.document_notes.iter().any(|n| n.id == id);
                let exists = now.is_some() || on_article;
                let changed_meanwhile = self.active_note.as_ref() == Some(&id)
                    && self.active_version.is_some()
                    && self.note_version(&id) != self.active_version;
                let beside = match (now, changed_meanwhile) {
                    (Some(note), true) => note.span.map(Some),
                    (None, true) if on_article => Some(None),
                    _ => None,
                };
                match beside {
                    // Both versions kept: the other as it came, the user's beside it (on the same words).
                    Some(place) => {
                        next.change(|a| {
                            match place {
                                Some(span) => a.add_note(text, span, body, tags),
                                None => a.add_document_note(body, tags),
                            };
                        });
                        next.notice = Some(Notice::info(
                            "This note was changed while you were editing it (an import or another tab): both \
                             versions are kept, yours beside the other.",
                        ));
                    }
                    // Gone meanwhile (deleted in another tab): the words typed are not lost.
                    None if !exists => {
                        next.notice = Some(Notice::error(format!(
                            "The note was deleted (in another tab), so this edit was not saved: “{body}”"
                        )))
                    }
                    // Unchanged meanwhile; or changed, but on no words (an orphan), so the user's version replaces
                    // it, the other's staying in the history to undo to.
                    None => next.change(|a| {
                        a.edit_note(&id, body, tags);
                    }),
                }
                next.keep_draft(DraftTarget::Note(id), None);
                next.active_note = None;
            }
            Action::AddReply { note, text } => {
                let reply = text.trim();
                let mut added = reply.is_empty();
                if !reply.is_empty() {
                    next.change(|a| added = a.add_reply(&note, None, reply.to_string()).is_some());
                }
                next.keep_draft(DraftTarget::Reply(note), None);
                // The note went (deleted in another tab) while the reply was typed: the words are not lost.
                if !added {
                    next.notice =
                        Some(Notice::error(format!("The note was deleted, so this reply was not added: “{reply}”")));
                }
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
                    a.reattach_note(text, &id, span);
                });
                next.notice =
                    Some(Notice::info(format!("The note is attached to “{}” again.", excerpt(span.slice(text)))));
                next.selection = None;
                next.active_note = None;
                next.flash(span);
            }
            Action::OpenNoteFromArticle(id) => {
                next = self.apply(Action::FocusNote(Some(id)));
                next.flash = self.flash.clone();
            }
            Action::FocusNote(id) => {
                let note = id.as_ref().and_then(|id| self.annotations.notes.iter().find(|n| &n.id == id));
                let span = note.and_then(|n| n.span);
                // The editor shows a draft kept for this card if there is one, else the note as it is now.
                let draft = id.as_ref().and_then(|id| {
                    draft_in(&self.drafts, &self.open.urn, &DraftTarget::Note(id.clone())).map(|d| d.version.clone())
                });
                next.active_version = match draft {
                    Some(typed_on) => typed_on,
                    None => id.as_deref().and_then(|id| self.note_version(id)),
                };
                next.active_note = id;
                next.panel = Panel::Notes;
                if let Some(span) = span {
                    next.flash(span);
                }
            }
            Action::FlashSpan(span) => next.flash(span),
            Action::ReviewWords { span, decision } => {
                // A accepts what is shown: a mention already decided on (accepted, or given another kind by
                // the user) keeps that decision rather than going back to the extractor's kind.
                let extraction = &self.open.extraction;
                let decided = extraction.entities.iter().find(|e| e.span == span).is_some_and(|e| {
                    let name = extraction.groups.get(e.group).map_or("", |g| g.name.as_str());
                    self.annotations.decision_for(span, e.kind, name).is_some()
                });
                if let Some(scope) =
                    self.open.suggestion_on(span).filter(|_| !(decided && decision == Decision::Accept))
                {
                    next = self.apply(Action::Review { scope, decision });
                }
            }
            Action::Review { scope, decision } => {
                // A decision on a whole entity is the later word on each of its mentions: it replaces what was
                // decided on them one by one before (a mention decided afterwards still wins over it).
                let mentions: Vec<Span> = match &scope {
                    ReviewScope::Entity { name, kind } => {
                        let extraction = &self.open.extraction;
                        let of_entity = |group: usize| extraction.groups.get(group).is_some_and(|g| g.name == *name);
                        let found = extraction.entities.iter().filter(|e| e.kind == *kind && of_entity(e.group));
                        found.map(|e| e.span).collect()
                    }
                    _ => Vec::new(),
                };
                // Said, so that a screen reader user hears what A, R or a panel's button did (the highlight's
                // change is only seen).
                next.notice = Some(Notice::info(decision_said(&scope, decision, text)));
                next.change(|a| {
                    a.reviews
                        .retain(|r| !matches!(r.scope, ReviewScope::Mention { span, .. } if mentions.contains(&span)));
                    a.review(scope, decision)
                })
            }
            Action::AddEntity { span, kind } => {
                next.change(|a| {
                    a.add_entity(text, span, kind);
                });
                next.selection = None;
            }
            Action::RemoveAddedEntities(ids) => next.change(|a| {
                for id in &ids {
                    a.remove_added_entity(id);
                }
            }),
            Action::Undo => {
                if let Some(previous) = next.history.undo(&self.annotations) {
                    next.annotations = restore(&self.annotations, &previous);
                    next.notice = Some(Notice::info("Undone."));
                    next.refresh_active_version();
                }
            }
            Action::Redo => {
                if let Some(later) = next.history.redo(&self.annotations) {
                    next.annotations = restore(&self.annotations, &later);
                    next.notice = Some(Notice::info("Redone."));
                    next.refresh_active_version();
                }
            }
            Action::Import(file) => next.start_import(file, ImportFormat::W3c),
            Action::ImportFinished { request, outcome } => {
                if let Some(job) = self.importing.as_ref().filter(|job| job.request == request) {
                    next.importing = None;
                    match outcome {
                        // A file made for another document is only merged once the user says so.
                        ImportOutcome::Anchored { anchored, differs: Some(message) } => {
                            let message = match &job.earlier {
                                Some(saved) => earlier_question(saved, &anchored),
                                None => message,
                            };
                            let earlier = job.earlier.is_some();
                            // A file that carries its own article can open it (the worker found it is not
                            // the open text); an earlier capture's "file" is this page's, never offered so.
                            let carries_article =
                                Some(job.file.clone()).filter(|_| !earlier && anchored.imported.text.is_some());
                            let message =
                                if earlier { message } else { message + &whole_article_notes_asked(&anchored) };
                            next.pending_import =
                                Some(PendingImport { anchored: *anchored, message, earlier, carries_article })
                        }
                        ImportOutcome::Anchored { anchored, differs: None } => next.merge_import(*anchored),
                        ImportOutcome::Entities(read) => {
                            let mut report = None;
                            let open = next.open.clone();
                            next.change(|a| report = Some(formats::add_read(a, read, &open.extraction)));
                            let entities =
                                report.as_ref().is_some_and(|r| !r.added.is_empty() || r.accepted + r.already_here > 0);
                            let notes = report.as_ref().is_some_and(|r| r.notes > 0);
                            let summary = report.map(|r| r.summary()).unwrap_or_default();
                            next.notice = Some(match (entities, notes) {
                                (true, _) => {
                                    next.panel = Panel::Entities;
                                    Notice::info(format!("{summary} See the Entities tab."))
                                }
                                (false, true) => {
                                    next.panel = Panel::Notes;
                                    Notice::info(format!("{summary} See the Notes tab."))
                                }
                                (false, false) => Notice::error(summary),
                            });
                        }
                        ImportOutcome::Refused { reason } => {
                            next.notice = Some(Notice::error(format!("Import failed: {reason}. Nothing was changed.")))
                        }
                    }
                }
            }
            Action::ImportFailed { request, message, started } => {
                if self.importing.as_ref().is_some_and(|job| job.request == request) {
                    next.importing = None;
                    next.notice = Some(Notice::error(if started {
                        format!("Import failed: the importer stopped on this file ({message}). Nothing was changed.")
                    } else {
                        format!(
                            "Import failed: the importer could not start ({message}). Nothing was changed; {RELOAD}"
                        )
                    }));
                }
            }
            Action::Export(format) => {
                next.exports_asked += 1;
                next.exporting = Some(ExportJob { request: next.exports_asked, format, serial: self.open.serial });
                let message = match self.open.progress {
                    // Said once the extraction has answered, when the export is written.
                    ExtractionProgress::Pending => None,
                    ExtractionProgress::Failed { .. } if !self.annotations.reviews.is_empty() => Some(
                        "The extractor stopped on this document, so the file holds your notes and added entities but \
                         not the suggestions nor your decisions on them (they are kept here)."
                            .to_string(),
                    ),
                    _ => crate::exports::nothing_to_export(format, &self.open, &self.annotations),
                };
                if let Some(message) = message {
                    next.notice = Some(Notice::info(message));
                }
            }
            Action::ExportFinished { request } => {
                if self.exporting.is_some_and(|job| job.request == request) {
                    next.exporting = None;
                }
            }
            Action::ExportFailed { request, message } => {
                if self.exporting.is_some_and(|job| job.request == request) {
                    next.exporting = None;
                }
                next.notice =
                    Some(Notice::error(format!("Export failed ({message}). Nothing was changed: try Export again.")));
            }
            Action::ShowPanel(panel) => next.panel = panel,
            Action::SetQuery(query) => next.query = query,
            Action::SetTagFilter(tag) => next.tag_filter = tag,
            Action::Started { startup, library, message } => {
                // What the user opened or did while storage was read (a share link, a paste, a note on the
                // sample) stays; else the last document replaces the sample.
                // A message shown meanwhile (a damaged share link, say) stays, before what the start says.
                let mut notices: Vec<Notice> = Vec::new();
                if self.open.serial == 0 && self.untouched() && startup != Startup::Sample {
                    next = State::at_startup(startup);
                    Rc::make_mut(&mut next.annotations).replica = self.annotations.replica.clone();
                    next.hidden_layers = self.hidden_layers.clone();
                    next.hide_clutter = self.hide_clutter;
                    next.storage_usage = self.storage_usage.clone();
                    notices.extend(self.notice.clone());
                    // The last document is often the sample shown meanwhile: its highlights stay instead of
                    // vanishing until the worker answers with the same ones.
                    let same_input = next.open.urn == self.open.urn && next.open.hints == self.open.hints;
                    if same_input && self.open.progress == ExtractionProgress::Done {
                        let open = Rc::make_mut(&mut next.open);
                        open.extraction = self.open.extraction.clone();
                        open.progress = ExtractionProgress::Done;
                    }
                }
                notices.extend(next.notice.take());
                notices.extend(message.map(Notice::error));
                // One message is kept as it is: made anew, it would be announced a second time (a new serial).
                next.notice = if notices.len() == 1 {
                    notices.pop()
                } else {
                    (!notices.is_empty()).then(|| {
                        Notice::new(
                            notices
                                .iter()
                                .find(|n| n.level == NoticeLevel::Error)
                                .map_or(NoticeLevel::Info, |n| n.level),
                            notices.into_iter().map(|n| n.text).collect::<Vec<_>>().join(" "),
                        )
                    })
                };
                next.loading = false;
                next.library = library.entries;
                next.unreadable = library.unreadable;
            }
            Action::StorageMeasured(usage) => next.storage_usage = Some(usage),
            Action::LibraryLoaded(Library { entries, unreadable }) => {
                next.library = entries;
                next.unreadable = unreadable;
            }
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
            Action::ExtractionFailed { request, message, started } => {
                if self.open.pending_extraction() == Some(request) {
                    next.notice = Some(Notice::error(if started {
                        EXTRACTOR_STOPPED.to_string()
                    } else {
                        format!("The extractor could not start ({message}), so there are no highlights; your text and notes are kept. {RELOAD_CAPITAL}")
                    }));
                    Rc::make_mut(&mut next.open).progress = ExtractionProgress::Failed { reason: message };
                }
            }
            Action::ShareLinkMade { base, deflated } => {
                match deflated.and_then(|deflated| share_link::fragment(&deflated)) {
                    Ok(fragment) => next.share_link = Some(format!("{base}#{fragment}")),
                    Err(error) => {
                        next.share_link = None;
                        next.notice = Some(Notice::error(format!("{error}.")));
                    }
                }
            }
            Action::CloseShareLink => next.share_link = None,
            Action::OpenShared(inflated) => match inflated.and_then(share_link::open) {
                Ok(shared) => {
                    let mut open =
                        OpenDocument::open_with_hints(shared.document.title, shared.document.text, shared.hints);
                    Rc::make_mut(&mut open.document).source_url = shared.document.source_url;
                    next = self.switch_to(open, shared.annotations);
                    next.shared_unkept = true;
                    let title = &next.open.document.title;
                    // A link of an article with no notes is no file without annotations.
                    let summary = shared.report.summary();
                    let carried =
                        if summary.starts_with("Nothing was imported") { "It carries no notes." } else { &summary };
                    next.notice = Some(Notice::info(format!("Opened “{title}” from a share link. {carried}")));
                }
                Err(error) => {
                    next.notice = Some(Notice::error(format!("{error}. The article you had open is unchanged.")))
                }
            },
            Action::KeepShared { saved } => {
                if self.shared_unkept {
                    next.shared_unkept = false;
                    next.shared_kept = true;
                    let (mut repaired, mut imported) = (None, None);
                    if let Some(mut saved) = saved {
                        // Checked as a restore is: a record whose spans do not fit this text yields orphans.
                        repaired = records::validate(&mut saved, text);
                        let (kept, report) = self.shared_onto_saved(saved);
                        next.annotations = Rc::new(kept);
                        imported = Some(report);
                    }
                    let kept = if self.history.is_empty() {
                        "Kept in the Library of this browser."
                    } else {
                        "Kept in the Library of this browser with your change: an article from a share link is kept once you change it."
                    };
                    let what = [Some(kept.to_string()), imported, repaired.clone()];
                    let what = what.into_iter().flatten().collect::<Vec<_>>().join(" ");
                    next.notice = Some(if repaired.is_some() { Notice::error(what) } else { Notice::info(what) });
                }
            }
            Action::AddDocumentNote { text: body, tags } => {
                next.change(|a| {
                    a.add_document_note(body, tags);
                });
                next.keep_draft(DraftTarget::Article, None);
                next.panel = Panel::Notes;
            }
            // Another document opened while storage was read (the Library, another tab's deletion): not its notes.
            Action::BringEarlier { onto, .. } if onto != self.open.urn || self.shared_unkept => {}
            Action::BringEarlier { earlier, saved, .. } => {
                let Loaded { title, text, source_url, annotations, .. } = earlier;
                let mut document = Document::new(title, text);
                document.source_url = source_url;
                // Written as Sidenote's own export, with its whole text: the import maps positions through it.
                let file = sidenote_annotate::json_fields::compact(&w3c::export(
                    &document,
                    &Extraction::default(),
                    &annotations,
                ));
                next.start_import(file, ImportFormat::W3c);
                if let Some(job) = next.importing.as_mut() {
                    job.earlier = Some(saved);
                }
            }
            Action::DeclineEarlier => next.earlier_declined = true,
            Action::ConfirmImport => {
                if let Some(pending) = next.pending_import.take() {
                    let mut anchored = pending.anchored;
                    // A note on the whole of another article is not about this one: an orphan, listed to be
                    // re-attached to words here if the user wants, never a note on this article unasked.
                    // An earlier capture's are this page's own, and another version's are this article's too.
                    if !pending.earlier && !same_article_likely(&anchored) {
                        let orphans = std::mem::take(&mut anchored.imported.document_notes);
                        anchored.counts[3] += orphans.len();
                        anchored.imported.notes.extend(orphans.into_iter().map(whole_article_orphan));
                    }
                    next.merge_import(anchored);
                }
            }
            Action::OpenImportArticle => {
                let pending = self.pending_import.as_ref();
                let carried = pending.and_then(|p| Some((p.carries_article.clone()?, &p.anchored.imported)));
                if let Some((file, imported)) = carried {
                    match sidenote_annotate::accept_text(imported.text.as_deref().unwrap_or_default().as_bytes()) {
                        Ok(article) => {
                            let title = imported.title.clone().filter(|t| !t.trim().is_empty());
                            let title = title.unwrap_or_else(|| Document::title_from_text(&article));
                            let mut opened = OpenDocument::open(title, article);
                            // The file's address, when it names one (not a content hash), is the article's.
                            let address = imported.source.clone().filter(|s| !s.starts_with("urn:"));
                            Rc::make_mut(&mut opened.document).source_url = address;
                            next = self.switch_to(opened, Annotations::default());
                            next.start_import(file.to_string(), ImportFormat::W3c);
                            let title = &next.open.document.title;
                            next.notice = Some(Notice::info(format!(
                                "Opened “{title}”, the article the file carries; its notes are being imported."
                            )));
                        }
                        Err(error) => next.notice = Some(refusal(&error, false)),
                    }
                }
            }
            Action::CancelImport => {
                if let Some(pending) = next.pending_import.take() {
                    next.notice = Some(Notice::info("Import cancelled. Nothing was changed."));
                    next.earlier_declined |= pending.earlier;
                }
            }
            Action::CorrectSpeaker { quote, speaker } => next.change(|a| a.correct_speaker(quote, speaker)),
            Action::ClearSpeakerCorrection(quote) => next.change(|a| {
                a.clear_speaker_correction(quote);
            }),
            Action::MergeFromOtherTab { urn, annotations } => {
                // Saved again by a tab that had it open as this one deleted it: back in the Library, which the
                // "Deleted …" message would deny.
                if let Some((_, title)) = self.deleted_here.as_ref().filter(|(deleted, _)| *deleted == urn) {
                    next.notice = Some(Notice::info(format!(
                        "“{title}” was open in another tab, which saved it again with its notes: it is back in the \
                         Library. To remove it, delete it in that tab."
                    )));
                    next.deleted_here = None;
                }
                let open_here = urn == self.open.urn && !self.shared_unkept;
                if open_here && merge::brings_news(&self.annotations, &annotations) {
                    let merged = merge::merge(&self.annotations, &annotations);
                    next.history.map(|step| Rc::new(merge::rebase(step, &self.annotations, &merged)));
                    let open_card = |id: &String| merged.id_taken(id);
                    next.active_note = self.active_note.clone().filter(open_card);
                    next.annotations = Rc::new(merged);
                }
            }
            Action::DeletedElsewhere { urn } => {
                if urn == self.open.urn && !self.shared_unkept {
                    next.deleted_elsewhere += 1;
                    next.notice = Some(Notice::info(
                        "Another tab deleted this document from the browser. It stays open here and is saved again \
                         with its notes; delete it here to remove it.",
                    ));
                }
            }
            Action::ImportEntities { format, contents } => next.start_import(
                contents,
                match format {
                    EntityFormat::Brat => ImportFormat::Brat,
                    EntityFormat::Doccano => ImportFormat::Doccano,
                },
            ),
        }
        // An export still waiting for its document's extraction was never sent: another document opened
        // meanwhile, so it cannot be written any more. Said, not left as a busy line that never ends.
        let waiting = self
            .exporting
            .filter(|job| job.serial == self.open.serial && self.open.progress == ExtractionProgress::Pending);
        if let Some(job) = waiting.filter(|_| next.open.serial != self.open.serial) {
            if next.exporting == Some(job) {
                next.exporting = None;
            }
            next.notice = Some(Notice::error(format!(
                "The export of “{}” was not written: another document was opened before its names and quotes \
                 were found. Open it again (Library) to export it.",
                self.open.document.title
            )));
        }
        next
    }

    /// Sends a file to the worker to be read (and anchored) on the open text. A newer import supersedes the
    /// one running and a question still open.
    fn start_import(&mut self, file: String, format: ImportFormat) {
        self.imports_asked += 1;
        self.importing = Some(ImportJob { request: self.imports_asked, file: file.into(), format, earlier: None });
        self.pending_import = None;
    }

    /// Merges a file anchored on the open text (one undoable change) and says how it went.
    fn merge_import(&mut self, anchored: w3c::AnchoredImport) {
        let mut report = None;
        let urn = self.open.urn.clone();
        // Orphaned notes are listed under Notes; an added entity has nowhere to be shown without its words.
        let orphans = |a: &Annotations| {
            (a.notes.iter().filter(|n| n.span.is_none()).count(), a.added.iter().filter(|e| e.span.is_none()).count())
        };
        let before = orphans(&self.annotations);
        let previous = self.annotations.clone();
        let extraction = self.open.extraction.clone();
        self.change(|a| report = Some(w3c::merge_anchored(a, anchored, &urn, &extraction)));
        let after = orphans(&self.annotations);
        let (notes, entities) = (after.0.saturating_sub(before.0), after.1.saturating_sub(before.1));
        let mut summary = report.map(|r| r.summary()).unwrap_or_default();
        summary.push_str(&deleted_brought_back(&previous, &self.annotations, &urn));
        if notes > 0 {
            summary.push_str(
                " Orphans are listed under Notes: open one, then select its words in the article to re-attach it.",
            );
        }
        if entities > 0 {
            summary.push_str(&match entities {
                1 => {
                    " 1 added entity whose words are not in this text is kept (and exported) but not shown.".to_string()
                }
                n => format!(
                    " {n} added entities whose words are not in this text are kept (and exported) but not shown."
                ),
            });
        }
        self.notice = Some(Notice::info(summary));
        self.panel = Panel::Notes;
    }

    /// A shared article's annotations (the link's, and whatever was changed on them before keeping) brought onto
    /// the ones this browser saved for the same article, as a colleague's file is imported (`w3c::merge_anchored`):
    /// a note deleted here stays deleted, a decision made here stays, a note the link changed is brought up to
    /// its version, one made in this browser is found under its own identifier. A two-tab merge would know
    /// none of that (the link's items carry no revisions). Stamped as this tab's change of the saved state, so
    /// the save merges it with the stored record as any edit. Returns the result and what the import did.
    fn shared_onto_saved(&self, mut saved: Annotations) -> (Annotations, String) {
        let open = &self.open;
        let exported = w3c::export(&open.document, &open.extraction, &self.annotations);
        saved.replica = self.annotations.replica.clone();
        let mut kept = saved.clone();
        let summary = match w3c::parse(&sidenote_annotate::json_fields::compact(&exported)) {
            Ok(imported) => {
                let anchored = w3c::anchor(imported, open.text());
                w3c::merge_anchored(&mut kept, anchored, &open.urn, &open.extraction).summary()
            }
            // What this program just wrote reads back; should it not, the two are merged as two tabs' states.
            Err(_) => {
                kept = merge::merge(&self.annotations, &saved);
                String::new()
            }
        };
        // Notes deleted on the shared view before keeping: a file says what is, not what went, so the import
        // leaves the saved notes they were; they go here, found by the identifier the link gave them.
        let gone: Vec<&str> = self.annotations.deleted.keys().filter_map(|key| key.strip_prefix("note:")).collect();
        if !gone.is_empty() {
            let went = |id: &str| gone.contains(&id) || gone.contains(&w3c::iri(&open.urn, id).as_str());
            kept.notes.retain(|note| !went(&note.id));
            kept.document_notes.retain(|note| !went(&note.id));
        }
        merge::stamp(&saved, &mut kept);
        (kept, summary)
    }

    /// The saved document whose notes could be brought onto the open one: the most recently saved other
    /// capture of the same page (the same address, but for its fragment and a final `/`) that has notes,
    /// while the open one has none and the user has not declined. A news page changes after it is captured
    /// (corrections, updates): its notes should not stay behind on the old version.
    pub fn earlier_capture(&self) -> Option<&LibraryEntry> {
        let here = page_address(self.open.document.source_url.as_deref()?)?;
        let busy = self.importing.is_some() || self.pending_import.is_some() || self.shared_unkept;
        if busy || self.earlier_declined || self.loading || self.annotations.note_count() > 0 {
            return None;
        }
        self.library.iter().find(|entry| {
            entry.urn != self.open.urn
                && entry.notes > 0
                && entry.source_url.as_deref().and_then(page_address).is_some_and(|there| there == here)
        })
    }

    /// What the banner offering [`State::earlier_capture`]'s notes says. "Another" capture, not "an earlier"
    /// one: opening an old capture again after annotating a newer one offers the newer one's notes, and the
    /// order of the captures is not known (each is saved when opened).
    pub fn earlier_banner_text(&self) -> Option<String> {
        let earlier = self.earlier_capture()?;
        let notes = if earlier.notes == 1 { "1 note".to_string() } else { format!("{} notes", earlier.notes) };
        let saved = if earlier.saved.is_empty() { String::new() } else { format!(", saved {}", earlier.saved) };
        Some(format!(
            "You have {notes} on another capture of this page (“{}”{saved}). Bring them here: each is placed \
             on its words in this version, or listed as an orphan if its words are gone. You see how many land \
             before anything changes.",
            earlier.title
        ))
    }

    /// The shared view's banner. The link's notes are shown alone, so notes this browser saved for the same
    /// article (the Library's count) would seem lost without a word: they are named, with what Keep does with
    /// them ([`State::shared_onto_saved`]: the link's notes brought onto them, deleted ones staying deleted).
    pub fn shared_banner_text(&self) -> String {
        let saved = self.library.iter().find(|e| e.urn == self.open.urn).map_or(0, |e| e.notes);
        match saved {
            0 => "Opened from a share link: it is not saved in this browser until you keep it or change it. Keep it \
                  to find it in the Library later."
                .to_string(),
            n => format!(
                "Opened from a share link: only the link's notes are shown. Your {} on this article {} saved in \
                 this browser and not shown while you look at the link. Keep adds the link's notes to yours (a \
                 note you deleted stays deleted; where you decided otherwise, your decision stays).",
                if n == 1 { "1 note".to_string() } else { format!("{n} notes") },
                if n == 1 { "is" } else { "are" }
            ),
        }
    }

    /// What a share link of the open document and its annotations carries, before the browser compresses it
    /// into [`Action::ShareLinkMade`]; too large a document is refused here already.
    pub fn share_payload(&self) -> Result<String, ShareError> {
        let open = &self.open;
        share_link::payload(&open.document, &open.extraction, &self.annotations, &open.hints)
    }

    /// Whether the annotations are as the document opened with them (nothing done, nothing undone): then
    /// there is nothing of the user's to save, and what storage holds for the document is kept as it is.
    pub fn untouched(&self) -> bool {
        self.history.is_empty() && !self.shared_kept
    }

    /// Every tag used by a note, sorted, each once whatever its case (notes written before tags were tidied,
    /// or by colleagues, may spell one tag `Policy` and `policy`): the first spelling met stands for it, and
    /// the Notes tab's filter matches it in any case.
    pub fn all_tags(&self) -> Vec<String> {
        // Sorted with the program's one stable sort (collecting into a set would compile in another sort); each
        // tag folded once, not at each comparison.
        let mut tags: Vec<(String, &String)> = self
            .annotations
            .notes
            .iter()
            .flat_map(|n| n.tags.iter())
            .map(|t| (sidenote_extract::case::lowercase(t), t))
            .collect();
        sidenote_extract::sort_stable_by(&mut tags, |a, b| a.0.cmp(&b.0));
        tags.dedup_by(|later, first| later.0 == first.0);
        tags.into_iter().map(|(_, tag)| tag.clone()).collect()
    }
}

/// An undo or redo step made current again, as a new change of this tab's (`merge::stamp`): it then wins over
/// what it replaces also when merged with another tab that has seen that.
fn restore(current: &Annotations, step: &Annotations) -> Rc<Annotations> {
    let mut restored = step.clone();
    merge::stamp(current, &mut restored);
    Rc::new(restored)
}

/// The nearest character boundary at or before `at` (the text's end when past it): a position from
/// outside (a saved or tampered span) can then be used to slice the text.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The next character or word boundary from `at`, forwards or backwards.
fn step(text: &str, at: usize, forward: bool, by_word: bool) -> usize {
    let mut at = floor_char_boundary(text, at);
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

/// Splits what is typed in a Tags box, `a, b ,#c`, into tags at commas and semicolons; a tag in double
/// quotes keeps them (`"Zürich, Switzerland"`, as [`tags_text`] writes a tag that holds one). The model tidies
/// the tags further.
pub fn parse_tags(input: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        let tag: &str;
        let unquoted;
        if let Some(quoted) = rest.strip_prefix('"') {
            // Up to the first `"` not doubled; a doubled one, `""`, stands for one.
            let mut close = quoted.len();
            let mut from = 0;
            while let Some(at) = quoted[from..].find('"').map(|at| from + at) {
                if quoted[at + 1..].starts_with('"') {
                    from = at + 2;
                } else {
                    close = at;
                    break;
                }
            }
            unquoted = quoted[..close].replace("\"\"", "\"");
            tag = &unquoted;
            rest = quoted.get(close + 1..).unwrap_or("");
            // Anything typed after the closing quote, up to the next separator, is dropped with it.
            rest = rest.find([',', ';']).map_or("", |at| &rest[at..]);
        } else {
            let end = rest.find([',', ';']).unwrap_or(rest.len());
            tag = &rest[..end];
            rest = &rest[end..];
        }
        if !tag.trim().is_empty() {
            tags.push(tag.trim().to_string());
        }
        match rest.strip_prefix([',', ';']) {
            Some(after) => rest = after,
            None => return tags,
        }
    }
}

/// Tags as the Tags box shows them, read back by [`parse_tags`] as the same tags: comma-separated, a tag that
/// holds a comma, semicolon or double quote (an imported `Zürich, Switzerland`) in double quotes (a double
/// quote in it doubled, `""`, as in CSV), so that saving a note's
/// text never splits its tags.
pub fn tags_text(tags: &[String]) -> String {
    let shown: Vec<String> = tags
        .iter()
        .map(|t| if t.contains([',', ';', '"']) { format!("\"{}\"", t.replace('"', "\"\"")) } else { t.clone() })
        .collect();
    shown.join(", ")
}

/// A page's address as compared between captures: without its fragment (`#section`, a share link's data) unless
/// it is a route (`#/story/12`), without a final `/`, scheme and host in lower case. `None` for what is not an address (`http://` or `https://`).
fn page_address(url: &str) -> Option<String> {
    let url = url.trim();
    // A fragment that is a route (`#/story/12`, `#!/story/12`: a page that loads its articles by the fragment)
    // names the article itself: without it, every article of such a site would be "the same page".
    let url = match url.split_once('#') {
        Some((_, route)) if route.starts_with('/') || route.starts_with("!/") => url,
        Some((before, _)) => before,
        None => url,
    };
    let url = url.trim_end_matches('/');
    let (scheme, rest) = url.split_once("://")?;
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) || rest.is_empty() {
        return None;
    }
    let (host, path) = rest.split_once('/').map_or((rest, ""), |(host, path)| (host, path));
    // http and https name the same page for a reader; the path and query are kept as written.
    Some(format!("{}/{path}", host.to_ascii_lowercase()))
}

/// At most 60 characters of `words`, for a message (cut at a character, with "…").
fn excerpt(words: &str) -> String {
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    match words.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &words[..cut]),
        None => words,
    }
}

/// What a review decision did, as the message line says it.
fn decision_said(scope: &ReviewScope, decision: Decision, text: &str) -> String {
    let (words, all) = match scope {
        ReviewScope::Mention { span, .. } | ReviewScope::Quote { span } => (excerpt(span.slice(text)), ""),
        ReviewScope::Entity { name, .. } => (excerpt(name), " (all its mentions)"),
    };
    let what = if matches!(scope, ReviewScope::Quote { .. }) { "quotation" } else { "name" };
    match decision {
        Decision::Accept => format!("Accepted the {what} “{words}”{all}."),
        Decision::Reject => format!("Rejected the {what} “{words}”{all}; Undo brings it back."),
        Decision::Retag(kind) => format!("“{words}”{all} is now marked {}.", kind.label()),
    }
}

/// The question asked before an earlier capture's notes are merged onto the open version of the page.
fn earlier_question(saved: &str, anchored: &w3c::AnchoredImport) -> String {
    let saved = if saved.is_empty() { String::new() } else { format!(" (saved {saved})") };
    format!("The other capture of this page{saved} has another text than this one.{}", anchored.landing())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_read_back_as_the_same_tags_whatever_they_hold() {
        let typed = [
            ("a, b ,#c", &["a", "b", "#c"][..]),
            ("a;b;;, ", &["a", "b"][..]),
            ("\"Zürich, Switzerland\", energy", &["Zürich, Switzerland", "energy"][..]),
            ("\"unclosed, quote", &["unclosed, quote"][..]),
            ("\"x\" y, z", &["x", "z"][..]),
            ("\"say \"\"hi\"\"\", b", &["say \"hi\"", "b"][..]),
            ("  ", &[][..]),
        ];
        for (input, expected) in typed {
            assert_eq!(parse_tags(input), expected, "{input:?}");
        }
        let kept = [
            vec!["Zürich, Switzerland".to_string(), "energy;prices".into(), "plain".into()],
            vec!["🙂 emoji".into()],
            vec!["Say \"hi\", Bob".into(), "\"quoted\"".into(), "a\"b".into(), "\"".into(), "\"\"".into()],
            vec![],
        ];
        for tags in kept {
            assert_eq!(parse_tags(&tags_text(&tags)), tags, "{tags:?}");
        }
    }

    #[test]
    fn each_layer_is_switched_off_and_on_by_itself() {
        let layers: Vec<Layer> =
            EntityKind::ALL.into_iter().map(Layer::Entity).chain([Layer::Quote, Layer::Note]).collect();
        for layer in &layers {
            let mut hidden = LayerSet::default();
            assert!(hidden.insert(*layer) && !hidden.insert(*layer) && !hidden.is_empty());
            for other in &layers {
                assert_eq!(hidden.contains(other), other == layer, "{layer:?} hidden, {other:?} asked");
            }
            assert!(hidden.remove(layer) && !hidden.remove(layer) && hidden.is_empty());
        }
        let mut all = LayerSet::default();
        layers.iter().for_each(|layer| _ = all.insert(*layer));
        assert!(layers.iter().all(|layer| all.contains(layer)));
    }
    use crate::worker_protocol::{answer, decode_message, encode_request, ImportRequest, WorkerMessage, WorkerRequest};

    fn span_of(state: &State, words: &str) -> Span {
        let start = state.open.text().find(words).expect("words in the text");
        Span::new(start, start + words.len())
    }

    /// What annotations hold for the user, without the bookkeeping of merges (revisions, deletions, the next
    /// id): an undo restores this, as a new change.
    fn content(annotations: &Annotations) -> Annotations {
        Annotations { revisions: Default::default(), deleted: Default::default(), next_id: 0, ..annotations.clone() }
    }

    /// The state after the worker answered for the open document, as `services::extractor` dispatches it.
    fn extracted(state: State) -> State {
        let request = state.open.pending_extraction().expect("an extraction is pending");
        let extraction = sidenote_extract::extract_with_hints(state.open.text(), &state.open.hints);
        state.apply(Action::ExtractionFinished { request, extraction })
    }

    #[test]
    fn typing_in_the_search_box_or_a_tag_filter_shares_the_document_and_annotations() {
        let state =
            State::default().apply(Action::AddNote { span: Span::new(0, 5), text: "n".into(), tags: vec!["t".into()] });
        for action in [
            Action::SetQuery("lav".into()),
            Action::SetTagFilter(Some("t".into())),
            Action::Select(Some(Span::new(0, 3))),
        ] {
            let next = state.apply(action);
            // Same allocations: nothing was copied, and the article's props compare equal by pointer.
            assert!(Rc::ptr_eq(&next.open, &state.open) && Rc::ptr_eq(&next.annotations, &state.annotations));
            assert_eq!(next.history, state.history);
        }
    }

    #[test]
    fn undo_keeps_at_most_its_limit_of_changes() {
        let mut state = State::default();
        for i in 0..UNDO_LIMIT + 5 {
            state = state.apply(Action::AddDocumentNote { text: format!("note {i}"), tags: vec![] });
        }
        let mut undone = 0;
        while state.history.can_undo() {
            state = state.apply(Action::Undo);
            undone += 1;
        }
        assert_eq!(undone, UNDO_LIMIT);
        assert_eq!(state.annotations.document_notes.len(), 5, "the five oldest changes can no longer be undone");
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
            (vec![b'x'; 21 * 1024 * 1024], "21.0 MB"),
        ];
        for (bytes, words) in cases {
            let after = before.apply(Action::OpenBytes { title: "bad".into(), bytes });
            assert!(Rc::ptr_eq(&after.open, &before.open), "document replaced by bad input");
            let notice = after.notice.expect("a message");
            assert_eq!(notice.level, NoticeLevel::Error);
            assert!(notice.text.contains(words) && notice.text.contains("unchanged"), "{}", notice.text);
        }
    }

    /// Older text files are not UTF-8: they open as editors and browsers read them, and the message says how.
    #[test]
    fn a_file_in_windows_1252_or_utf_16_opens_and_says_how_it_was_read() {
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("Angela Merkel 😀".encode_utf16().flat_map(u16::to_le_bytes));
        let cases: Vec<(Vec<u8>, &str, &str)> = vec![
            (b"Caf\xe9 owner \x93Angela\x94 Merkel".to_vec(), "Café owner “Angela” Merkel", "Windows-1252"),
            (utf16, "Angela Merkel 😀", "UTF-16"),
        ];
        for (bytes, text, encoding) in cases {
            let state = State::default().apply(Action::OpenBytes { title: "old.txt".into(), bytes: bytes.clone() });
            assert_eq!(state.open.document.text, text);
            let notice = state.notice.expect("a message");
            assert_eq!(notice.level, NoticeLevel::Info);
            assert!(notice.text.contains(&format!("read as {encoding}")), "{}", notice.text);
            let html = State::default().apply(Action::OpenHtml { title: "old.html".into(), bytes });
            assert_eq!(html.open.document.text, text, "the same as a web page");
        }
        let utf8 = State::default().apply(Action::OpenBytes { title: "new.txt".into(), bytes: "Café".into() });
        assert!(!utf8.notice.is_some_and(|n| n.text.contains("read as")), "UTF-8 needs no word");
    }

    /// A saved page opened from its file is named and exported by its own title and address, not its file
    /// name; a page without them keeps the file name.
    #[test]
    fn a_page_is_named_by_its_title_and_address() {
        let page = b"<html><head><title>Port strike halts Rotterdam</title><link rel='canonical' href='https://harbour.example/strike'></head><body><p>Dockers walked out in Rotterdam on Monday.</p></body></html>";
        let state = State::default().apply(Action::OpenHtml { title: "port-strike.html".into(), bytes: page.to_vec() });
        assert_eq!(state.open.document.title, "Port strike halts Rotterdam");
        assert_eq!(state.open.document.source_url.as_deref(), Some("https://harbour.example/strike"));
        let notice = state.notice.map(|n| n.text).unwrap_or_default();
        assert!(notice.starts_with("Opened “Port strike halts Rotterdam” (from port-strike.html)."), "{notice}");
        let bare = State::default()
            .apply(Action::OpenHtml { title: "bare.html".into(), bytes: b"<p>Dockers walked out.</p>".to_vec() });
        assert_eq!((bare.open.document.title.as_str(), bare.open.document.source_url.as_deref()), ("bare.html", None));
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
    fn a_reply_joins_its_notes_thread_and_is_undone_with_one_step() {
        let s0 = State::default();
        let span = span_of(&s0, "Sergei Lavrov has lashed out");
        let s1 = s0.apply(Action::AddNote { span, text: "key claim".into(), tags: vec![] });
        let note = s1.annotations.notes[0].id.clone();
        let s2 = s1.apply(Action::AddReply { note: note.clone(), text: "  Agreed, see p. 2 \n".into() });
        let thread: Vec<&str> = s2.annotations.notes[0].replies.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(thread, ["Agreed, see p. 2"]);
        assert!(s2.annotations.notes[0].replies[0].author.is_none(), "the user's own");
        let blank = s2.apply(Action::AddReply { note: note.clone(), text: " \n ".into() });
        assert_eq!(blank.annotations, s2.annotations, "an empty reply adds nothing");
        assert_eq!(blank.notice, s2.notice, "and says nothing");
        let elsewhere = s2.apply(Action::AddReply { note: "no-such-note".into(), text: "lost?".into() });
        assert_eq!(elsewhere.annotations.notes, s2.annotations.notes);
        assert!(elsewhere.notice.is_some_and(|n| n.level == NoticeLevel::Error && n.text.ends_with("“lost?”")));
        assert!(s2.apply(Action::Undo).annotations.notes[0].replies.is_empty());
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
        // Another note spelling a tag in another case: one tag in the filter's list.
        let other = span_of(&s2, "Sergei Lavrov");
        let both = s2.apply(Action::AddNote { span: other, text: "more".into(), tags: vec!["Russia".into()] });
        assert_eq!(both.all_tags(), ["claim", "russia"]);
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
    fn the_review_keys_decide_on_the_suggestion_on_exactly_the_words_given() {
        let s0 = State::default();
        let mention = s0.open.extraction.entities.iter().find(|e| e.kind == EntityKind::Person).expect("a person");
        let (span, kind) = (mention.span, mention.kind);
        let rejected = s0.apply(Action::ReviewWords { span, decision: Decision::Reject });
        let shown = rejected.annotations.shown_entities(&rejected.open.extraction);
        assert!(!shown.iter().any(|e| e.span == span), "the mention on these words is rejected");
        assert_eq!(rejected.annotations.reviews.len(), 1);
        assert!(
            matches!(rejected.annotations.reviews[0].scope, ReviewScope::Mention { span: s, kind: k } if s == span && k == kind)
        );
        // A on a mention the user gave another kind keeps that kind.
        let retagged = s0.apply(Action::Review {
            scope: ReviewScope::Mention { span, kind },
            decision: Decision::Retag(EntityKind::Org),
        });
        let kept = retagged.apply(Action::ReviewWords { span, decision: Decision::Accept });
        let shown = kept.annotations.shown_entities(&kept.open.extraction);
        assert_eq!(shown.iter().find(|e| e.span == span).map(|e| e.kind), Some(EntityKind::Org));
        // Words that carry no suggestion (part of a name): nothing is decided.
        let part = Span::new(span.start, span.start + 1);
        let unchanged = s0.apply(Action::ReviewWords { span: part, decision: Decision::Accept });
        assert!(Rc::ptr_eq(&unchanged.annotations, &s0.annotations));
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
        // One mention accepted, then the whole entity rejected: the later decision holds for every mention;
        // a mention decided after that wins again.
        let lavrov = s0.open.extraction.entities.iter().find(|e| span_of(&s0, "Sergei Lavrov") == e.span);
        let lavrov = lavrov.expect("Sergei Lavrov is found");
        let mention = ReviewScope::Mention { span: lavrov.span, kind: lavrov.kind };
        let group = s0.open.extraction.groups[lavrov.group].clone();
        let entity = ReviewScope::Entity { name: group.name.clone(), kind: lavrov.kind };
        let accepted = s0.apply(Action::Review { scope: mention.clone(), decision: Decision::Accept });
        let rejected = accepted.apply(Action::Review { scope: entity, decision: Decision::Reject });
        let shown = rejected.annotations.shown_entities(&rejected.open.extraction);
        assert!(!shown.iter().any(|e| e.span == lavrov.span), "the mention accepted before is rejected too");
        let again = rejected.apply(Action::Review { scope: mention, decision: Decision::Accept });
        let shown = again.annotations.shown_entities(&again.open.extraction);
        assert!(shown.iter().any(|e| e.span == lavrov.span), "a mention decided afterwards wins");
        let back = s2.apply(Action::Undo).apply(Action::Undo);
        assert_eq!(content(&back.annotations), Annotations::default());
    }

    /// Does what the worker does for the import the state waits for (its pure job, through the same messages)
    /// and hands its answer back.
    fn through_worker(state: State) -> State {
        let job = state.importing.clone().expect("an import waits for the worker");
        let request = ImportRequest::onto(job.request, &job.file, job.format, &state.open.document, false);
        let reply = answer(&encode_request(&WorkerRequest::Import(request)));
        match decode_message(&reply).expect("the worker answers a valid message") {
            WorkerMessage::Imported { request, outcome } => state.apply(Action::ImportFinished { request, outcome }),
            other => panic!("not an import's answer: {other:?}"),
        }
    }

    #[test]
    fn a_titles_bidirectional_controls_are_dropped() {
        let opened = State::default()
            .apply(Action::OpenBytes { title: "report\u{202E}gpj.\u{2066}txt".into(), bytes: b"Some text.".to_vec() });
        assert_eq!(opened.open.document.title, "reportgpj.txt");
        assert!(opened.notice.as_ref().is_some_and(|n| n.text.starts_with("Opened “reportgpj.txt”")), "the notice too");
        let plain =
            State::default().apply(Action::OpenBytes { title: "نص عربي.txt".into(), bytes: b"Text.".to_vec() });
        assert_eq!(plain.open.document.title, "نص عربي.txt", "right-to-left letters stay");
    }

    /// An export is a job for the worker with a request id of its own: the page writes nothing itself, says
    /// when the format holds nothing of the user's, clears the busy line only for the export it waits for, and
    /// keeps waiting when another document is opened meanwhile (the worker was given everything it needs).
    #[test]
    fn an_export_is_written_by_the_worker_and_followed_to_its_end() {
        let s0 = State::default();
        let asked = s0.apply(Action::Export(ExportFormat::W3c));
        let first = asked.exporting.expect("sent to the worker");
        assert_eq!((first.format, asked.notice.clone()), (ExportFormat::W3c, None));
        assert!(Rc::ptr_eq(&asked.annotations, &s0.annotations));
        let again = asked.apply(Action::Export(ExportFormat::Csv));
        let second = again.exporting.expect("sent");
        assert!(second.request > first.request);
        assert!(again.notice.as_ref().is_some_and(|n| n.text.contains("there are none yet")), "CSV without notes");
        // The first export's end does not end the wait for the second.
        assert_eq!(again.apply(Action::ExportFinished { request: first.request }).exporting, Some(second));
        let elsewhere = again.apply(Action::OpenBytes { title: "other.txt".into(), bytes: b"Another text.".to_vec() });
        assert_eq!(elsewhere.exporting, Some(second), "another document does not drop the export");
        assert_eq!(elsewhere.apply(Action::ExportFinished { request: second.request }).exporting, None);
        let failed = elsewhere.apply(Action::ExportFailed { request: second.request, message: "trap".into() });
        assert_eq!(failed.exporting, None);
        assert!(failed
            .notice
            .as_ref()
            .is_some_and(|n| n.text.starts_with("Export failed (trap). Nothing was changed")));
        assert!(Rc::ptr_eq(&failed.annotations, &elsewhere.annotations));
        assert!(failed.apply(Action::Export(ExportFormat::W3c)).exporting.is_some_and(|j| j.request > second.request));
        // Asked for before the extraction answered: it waits (the app sends it once the answer is in), and if
        // another document opens meanwhile it is dropped, and said.
        let pending =
            State::default().apply(Action::OpenBytes { title: "a.txt".into(), bytes: b"Amara Okafor.".to_vec() });
        assert_eq!(pending.open.progress, ExtractionProgress::Pending);
        let waiting = pending.apply(Action::Export(ExportFormat::Conll));
        assert_eq!(waiting.exporting.map(|j| j.serial), Some(pending.open.serial));
        assert!(!waiting.notice.as_ref().is_some_and(|n| n.text.contains("none yet")), "not judged before the answer");
        let other = waiting.apply(Action::OpenBytes { title: "b.txt".into(), bytes: b"Another text.".to_vec() });
        assert_eq!(other.exporting, None);
        assert!(other.notice.as_ref().is_some_and(|n| n.text.starts_with("The export of “a.txt” was not written")));
        let answered = waiting.apply(Action::ExtractionFinished {
            request: waiting.open.serial,
            extraction: sidenote_extract::extract("Amara Okafor."),
        });
        assert_eq!(answered.exporting, waiting.exporting, "still to be written, now with the suggestions");
    }

    #[test]
    fn an_import_is_anchored_by_the_worker_and_merged_into_the_notes_made_meanwhile() {
        let source = State::default();
        let source =
            source.apply(Action::AddNote { span: span_of(&source, "Lavrov"), text: "who".into(), tags: vec![] });
        let file = w3c_file(&source);
        let s0 = State::default();
        let asked = s0.apply(Action::Import(file));
        let job = asked.importing.clone().expect("sent to the worker");
        assert!(Rc::ptr_eq(&asked.annotations, &s0.annotations), "nothing parsed or merged on the page");
        // The page stays usable: a note made while the worker works is kept, and the import lands beside it.
        let meanwhile =
            asked.apply(Action::AddNote { span: span_of(&asked, "Moscow"), text: "mine".into(), tags: vec![] });
        assert_eq!(meanwhile.importing.as_ref().map(|j| j.request), Some(job.request));
        let done = through_worker(meanwhile);
        assert_eq!(done.importing, None);
        let notes: Vec<(&str, Option<&str>)> = done
            .annotations
            .notes
            .iter()
            .map(|n| (n.text.as_str(), n.span.map(|s| s.slice(done.open.text()))))
            .collect();
        assert_eq!(notes, [("mine", Some("Moscow")), ("who", Some("Lavrov"))]);
        assert_eq!(done.annotations.notes[1].status, sidenote_annotate::anchor::AnchorStatus::Exact);
        assert!(done.notice.as_ref().is_some_and(|n| n.text.starts_with("Imported 1 annotation: 1 exact")));
        // Where orphans are is said only when there are some.
        assert!(done.notice.as_ref().is_some_and(|n| !n.text.contains("Orphans")), "{:?}", done.notice);
        let lost = r#"{"type": "Annotation", "body": "lost", "target": {"selector": {"type": "TextQuoteSelector", "exact": "words in no text at all"}}}"#;
        let orphaned = through_worker(done.apply(Action::Import(lost.to_string())));
        assert!(orphaned.notice.as_ref().is_some_and(|n| n.text.contains("1 orphan. Orphans are listed under Notes")));
        assert_eq!(*done.apply(Action::Undo).annotations.notes, done.annotations.notes[..1], "one undoable change");
        // An added entity whose words are not here is kept, and the notice says it is not shown (not that it
        // is under Notes, where it is not).
        let entity = r#"{"type": "Annotation", "motivation": "classifying", "sidenote:decision": "added", "creator": {"type": "Person"},
            "body": [{"type": "TextualBody", "purpose": "classifying", "value": "MISC"}],
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "Old FINISH"}}}"#;
        let imported = through_worker(done.apply(Action::Import(entity.to_string())));
        let notice = imported.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
        assert!(notice.contains("1 added entity whose words are not in this text is kept"), "{notice}");
        assert!(!notice.contains("listed under Notes"), "{notice}");
        assert!(imported.annotations.added.iter().any(|e| e.span.is_none() && e.target.exact == "Old FINISH"));
    }

    #[test]
    fn answers_for_a_superseded_import_are_dropped() {
        let source = State::default();
        let source =
            source.apply(Action::AddNote { span: span_of(&source, "Lavrov"), text: "who".into(), tags: vec![] });
        let file = w3c_file(&source);
        let first = State::default().apply(Action::Import(file.clone()));
        let stale = first.importing.clone().expect("sent").request;
        let outcome = |state: &State| {
            let request = ImportRequest::onto(stale, &file, ImportFormat::W3c, &state.open.document, false);
            match decode_message(&answer(&encode_request(&WorkerRequest::Import(request)))).expect("a message") {
                WorkerMessage::Imported { outcome, .. } => outcome,
                other => panic!("{other:?}"),
            }
        };
        // A newer import supersedes it: the old answer (and the old worker's death) change nothing.
        let newer = first.apply(Action::Import("[]".into()));
        assert_ne!(newer.importing.as_ref().map(|j| j.request), Some(stale));
        assert_eq!(newer.apply(Action::ImportFinished { request: stale, outcome: outcome(&first) }), newer);
        assert_eq!(newer.apply(Action::ImportFailed { request: stale, message: "trap".into(), started: true }), newer);
        // So does opening another document, and request ids never repeat across documents.
        let other = first.apply(Action::OpenBytes { title: "o".into(), bytes: b"Lavrov spoke.".to_vec() });
        assert_eq!(other.importing, None);
        assert_eq!(other.apply(Action::ImportFinished { request: stale, outcome: outcome(&other) }), other);
        let again = other.apply(Action::Import(w3c_file(&source)));
        assert!(again.importing.as_ref().is_some_and(|j| j.request > stale));
    }

    #[test]
    fn a_worker_that_dies_during_an_import_changes_nothing_and_says_so() {
        let s0 = State::default().apply(Action::AddNote { span: Span::new(0, 5), text: "n".into(), tags: vec![] });
        let asked = s0.apply(Action::Import(w3c_file(&s0)));
        let request = asked.importing.as_ref().expect("sent").request;
        let failed =
            asked.apply(Action::ImportFailed { request, message: "RuntimeError: unreachable".into(), started: true });
        assert_eq!(failed.importing, None);
        assert!(Rc::ptr_eq(&failed.annotations, &s0.annotations) && failed.history == s0.history);
        assert_eq!(failed.pending_import, None);
        let notice = failed.notice.as_ref().expect("a message");
        assert_eq!(notice.level, NoticeLevel::Error);
        assert!(notice.text.starts_with("Import failed") && notice.text.contains("Nothing was changed"), "{notice:?}");
        // The next import is asked for as usual (the worker is started again for it).
        assert!(failed.apply(Action::Import("[]".into())).importing.is_some_and(|j| j.request > request));
    }

    #[test]
    fn a_failed_import_changes_nothing_and_says_why() {
        let s0 = State::default().apply(Action::AddNote { span: Span::new(0, 5), text: "n".into(), tags: vec![] });
        let s1 = through_worker(s0.apply(Action::Import("{ broken".into())));
        assert_eq!(s1.annotations, s0.annotations);
        assert_eq!(s1.importing, None);
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

    /// A share link made of the open document, compressed natively as the browser does (raw DEFLATE).
    fn make_share_link(state: &State, base: &str) -> State {
        let deflated = state.share_payload().map(|json| share_link::deflate(json.as_bytes()));
        state.apply(Action::ShareLinkMade { base: base.into(), deflated })
    }

    /// Opening a share link's fragment, inflated natively as the browser does.
    fn open_shared(fragment: &str) -> Action {
        Action::OpenShared(share_link::deflated_payload(fragment).and_then(|deflated| share_link::inflate(&deflated)))
    }

    #[test]
    fn a_share_link_opens_the_same_document_with_its_notes_unsaved_until_kept() {
        let s0 = State::default();
        let span = span_of(&s0, "Sergei Lavrov has lashed out");
        let s1 = s0.apply(Action::AddNote { span, text: "shared note".into(), tags: vec!["t".into()] });
        let s2 = make_share_link(&s1, "http://127.0.0.1:8080/");
        let link = s2.share_link.clone().expect("a link");
        let (base, fragment) = link.split_once('#').expect("a fragment");
        assert_eq!(base, "http://127.0.0.1:8080/");
        assert!(s2.apply(Action::CloseShareLink).share_link.is_none());
        let elsewhere =
            State::default().apply(Action::OpenBytes { title: "other".into(), bytes: b"Other text.".to_vec() });
        let opened = elsewhere.apply(open_shared(fragment));
        assert_eq!(opened.open.text(), s1.open.text());
        assert_eq!(opened.open.document.title, s1.open.document.title);
        assert!(opened.shared_unkept, "not saved before the user keeps it");
        assert!(opened.notice.as_ref().is_some_and(|n| n.text.contains("share link") && n.text.contains("1 exact")));
        let notes: Vec<_> = opened.annotations.notes.iter().map(|n| (n.span, n.text.as_str())).collect();
        assert_eq!(notes, [(Some(span), "shared note")]);
        let kept = opened.apply(Action::KeepShared { saved: None });
        assert!(!kept.shared_unkept && kept.notice.is_some_and(|n| n.text.contains("Kept")));
        assert!(!opened.apply(Action::OpenSample).shared_unkept, "another document is saved as usual");
    }

    /// A share link of an article this browser already holds notes on: keeping it must keep both the link's
    /// notes and the saved ones, in the tab and in storage (the save after Keep is not "untouched", which would
    /// leave the saved record as it was and lose the link's notes at the next reload).
    #[test]
    fn keeping_a_shared_article_already_saved_here_keeps_its_notes_and_the_saved_ones() {
        let colleague =
            State::default().apply(Action::AddNote { span: Span::new(0, 5), text: "theirs".into(), tags: vec![] });
        let link = make_share_link(&colleague, "http://x/").share_link.expect("a link");
        let fragment = link.split_once('#').map(|(_, f)| f.to_string()).expect("a fragment");
        let saved_here =
            State::default().apply(Action::AddNote { span: Span::new(6, 12), text: "mine".into(), tags: vec![] });
        let opened = State::default().apply(open_shared(&fragment));
        assert_eq!(opened.open.urn, saved_here.open.urn, "the same article");
        let kept = opened.apply(Action::KeepShared { saved: Some((*saved_here.annotations).clone()) });
        let mut bodies: Vec<&str> = kept.annotations.notes.iter().map(|n| n.text.as_str()).collect();
        bodies.sort_unstable();
        assert_eq!(bodies, ["mine", "theirs"]);
        assert!(!kept.untouched(), "the kept notes are saved, merged with the record, not left out");
        let kept_new = opened.apply(Action::KeepShared { saved: None });
        assert_eq!(kept_new.annotations.notes.len(), 1);
        assert!(!kept_new.untouched());
    }

    /// Keeping a share link made in this browser (opened again from a chat, say) adds no copy of its notes; a
    /// colleague's link back is brought in as their file would be: the note they changed is brought up to their
    /// version, a note deleted here since stays deleted, and a decision made here stays.
    #[test]
    fn keeping_a_share_link_onto_saved_notes_is_an_import_of_it() {
        let here = State::default().with_replica("k2x9");
        let here = here.apply(Action::AddNote { span: Span::new(0, 5), text: "mine".into(), tags: vec![] });
        let here = here.apply(Action::AddNote { span: Span::new(6, 12), text: "second".into(), tags: vec![] });
        let here = here.apply(Action::AddDocumentNote { text: "overall".into(), tags: vec![] });
        let link = make_share_link(&here, "http://x/").share_link.expect("a link");
        let fragment = link.split_once('#').map(|(_, f)| f.to_string()).expect("a fragment");
        let saved = Some((*here.annotations).clone());
        let opened = State::default().with_replica("k2x9").apply(open_shared(&fragment));
        let kept = opened.apply(Action::KeepShared { saved: saved.clone() });
        assert_eq!(kept.annotations.notes, here.annotations.notes, "each note once, under its own id");
        assert_eq!(kept.annotations.document_notes, here.annotations.document_notes);
        // The colleague opened the link, changed a note, retagged an entity, and shared it back.
        let lavrov = ReviewScope::Entity { name: "Sergei Lavrov".into(), kind: EntityKind::Person };
        let theirs = State::default().with_replica("c0l1").apply(open_shared(&fragment));
        let id = theirs.annotations.notes.iter().find(|n| n.text == "mine").map(|n| n.id.clone()).expect("mine");
        let theirs = theirs.apply(Action::EditNote { id, text: "mine, corrected".into(), tags: vec![] });
        let theirs = theirs.apply(Action::Review { scope: lavrov.clone(), decision: Decision::Retag(EntityKind::Org) });
        let back = make_share_link(&theirs, "http://x/").share_link.expect("a link");
        // Meanwhile, here: the second note deleted and the entity rejected.
        let second = here.annotations.notes.iter().find(|n| n.text == "second").map(|n| n.id.clone()).expect("2nd");
        let here = here.apply(Action::DeleteNote(second));
        let here = here.apply(Action::Review { scope: lavrov.clone(), decision: Decision::Reject });
        let opened = State::default().with_replica("k2x9").apply(open_shared(back.split_once('#').expect("#").1));
        let kept = opened.apply(Action::KeepShared { saved: Some((*here.annotations).clone()) });
        let bodies: Vec<&str> = kept.annotations.notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(bodies, ["mine, corrected"], "brought up to their version; the deleted note not back");
        assert_eq!(kept.annotations.document_notes.len(), 1, "the unchanged note on the article once");
        let decisions: Vec<_> = kept.annotations.reviews.iter().filter(|r| r.scope == lavrov).collect();
        assert!(decisions.iter().all(|r| r.decision == Decision::Reject), "{decisions:?}");
        let notice = kept.notice.expect("a message");
        assert!(notice.text.starts_with("Kept in the Library") && notice.text.contains("deleted"), "{}", notice.text);
        // The save merges the kept state with the stored record: the change wins there too.
        let stored = merge::merge(&kept.annotations, &here.annotations);
        assert_eq!(stored.notes.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(), ["mine, corrected"]);
    }

    /// Opening a link of an article this browser holds notes on shows only the link's notes: the banner says
    /// the user's are there, not shown, and what Keep does with them.
    #[test]
    fn a_share_link_over_saved_notes_says_they_are_not_shown_until_kept() {
        let here = State::default().apply(Action::AddNote { span: Span::new(0, 5), text: "mine".into(), tags: vec![] });
        let link = make_share_link(&here, "http://x/").share_link.expect("a link");
        let fragment = link.split_once('#').map(|(_, f)| f.to_string()).expect("a fragment");
        let opened = State::default().apply(open_shared(&fragment));
        assert!(opened.shared_banner_text().contains("until you keep it"), "nothing saved here");
        let entry = |notes| LibraryEntry {
            urn: here.open.urn.clone(),
            title: "t".into(),
            saved: "now".into(),
            notes,
            source_url: None,
        };
        let library = Library { entries: vec![entry(3)], unreadable: Vec::new() };
        let opened = State::default().apply(Action::LibraryLoaded(library)).apply(open_shared(&fragment));
        let banner = opened.shared_banner_text();
        assert!(banner.contains("Your 3 notes on this article are saved in this browser and not shown"), "{banner}");
        assert!(banner.contains("Keep adds the link's notes to yours"), "{banner}");
    }

    #[test]
    fn a_share_link_without_notes_says_so_and_not_that_a_file_was_empty() {
        let link = make_share_link(&State::default(), "http://x/").share_link.expect("a link");
        let opened = State::default().apply(open_shared(link.split_once('#').expect("#").1));
        let notice = opened.notice.expect("a message").text;
        assert!(notice.ends_with("from a share link. It carries no notes."), "{notice}");
    }

    /// A note deleted on one's own shared view before keeping it stays deleted (a reviewer's sequence).
    #[test]
    fn a_note_deleted_on_the_shared_view_before_keeping_stays_deleted() {
        let here = State::default().with_replica("k2x9");
        let here = here.apply(Action::AddNote { span: Span::new(0, 5), text: "mine".into(), tags: vec![] });
        let here = here.apply(Action::AddNote { span: Span::new(6, 12), text: "second".into(), tags: vec![] });
        let link = make_share_link(&here, "http://x/").share_link.expect("a link");
        let fragment = link.split_once('#').map(|(_, f)| f.to_string()).expect("a fragment");
        let saved = Some((*here.annotations).clone());
        let opened = State::default().with_replica("k2x9").apply(open_shared(&fragment));
        let second = opened.annotations.notes.iter().find(|n| n.text == "second").map(|n| n.id.clone()).expect("2nd");
        let kept = opened.apply(Action::DeleteNote(second)).apply(Action::KeepShared { saved: saved.clone() });
        assert_eq!(note_texts(&kept), ["mine"]);
        // The save merges with the stored record, which still has it: the deletion wins there too.
        let stored = merge::merge(&kept.annotations, &here.annotations);
        assert_eq!(stored.notes.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(), ["mine"]);
    }

    #[test]
    fn a_damaged_share_link_changes_nothing_and_says_why() {
        let s0 = State::default().apply(Action::AddNote { span: Span::new(0, 5), text: "mine".into(), tags: vec![] });
        let s1 = make_share_link(&s0, "http://x/");
        let fragment = s1.share_link.as_deref().and_then(|l| l.split_once('#')).map(|(_, f)| f).expect("fragment");
        let after = s0.apply(open_shared(&fragment[..fragment.len() / 2]));
        assert!(Rc::ptr_eq(&after.open, &s0.open) && Rc::ptr_eq(&after.annotations, &s0.annotations));
        assert!(!after.shared_unkept);
        let notice = after.notice.expect("a message");
        assert_eq!(notice.level, NoticeLevel::Error);
        assert!(notice.text.contains("damaged") && notice.text.contains("unchanged"), "{}", notice.text);
    }

    #[test]
    fn a_document_too_large_for_a_link_offers_the_file() {
        let mut seed = 1u64;
        let words: Vec<String> = (0..40_000)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                format!("w{:x}", seed >> 40)
            })
            .collect();
        let big =
            State::default().apply(Action::OpenBytes { title: "big".into(), bytes: words.join(" ").into_bytes() });
        let after = make_share_link(&big, "http://x/");
        assert!(after.share_link.is_none());
        let notice = after.notice.expect("a message");
        assert!(
            notice.level == NoticeLevel::Error
                && notice.text.contains("too large")
                && notice.text.contains("Export JSON")
        );
    }

    #[test]
    fn a_captured_page_opens_from_its_html_and_records_its_url() {
        let html =
            "<html><head><title>Talks</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Talks</h1>\
            <p>Angela Merkel met Emmanuel Macron in Paris on Monday to discuss the budget.</p></article></body></html>";
        let url = "https://news.example/talks";
        let state =
            State::default().apply(Action::Capture { html: html.into(), url: url.into(), title: "Talks".into() });
        assert_eq!(state.open.document.title, "Talks");
        assert_eq!(state.open.document.source_url.as_deref(), Some(url));
        assert_eq!(state.open.document.source(), url, "the URL becomes the W3C source");
        assert!(state.open.hints[0].in_chrome);
        assert!(state.notice.is_some_and(|n| n.text.contains(url)));
        let before = State::default();
        let empty =
            before.apply(Action::Capture { html: "<script>x</script>".into(), url: url.into(), title: String::new() });
        assert!(Rc::ptr_eq(&empty.open, &before.open));
        assert!(empty.notice.is_some_and(|n| n.level == NoticeLevel::Error));
    }

    #[test]
    fn an_earlier_capture_of_the_page_offers_its_notes_which_land_on_the_new_version() {
        let page = |paragraphs: &str| {
            format!("<html><head><title>Strike</title></head><body><article><h1>Strike</h1>{paragraphs}</article></body></html>")
        };
        let old = page(
            "<p>Dock workers in Rotterdam ended their strike on Friday after a night of talks.</p>\
             <p>The union said the agreement raises wages by four percent over two years.</p>",
        );
        // The page was updated after the first capture: a paragraph above, a word changed elsewhere.
        let new = page(
            "<p>Update: the port reopened on Saturday morning.</p>\
             <p>Dock workers in Rotterdam ended their strike on Friday after a long night of talks.</p>\
             <p>The union said the agreement raises wages by four percent over two years.</p>",
        );
        let first = State::default().apply(Action::Capture {
            html: old,
            url: "https://News.example/port/strike/".into(),
            title: String::new(),
        });
        let wages = first.open.text().find("raises wages").expect("in the text");
        let noted = first
            .apply(Action::AddNote { span: Span::new(wages, wages + 12), text: "check".into(), tags: vec![] })
            .apply(Action::AddDocumentNote { text: "about the port".into(), tags: vec![] });
        let earlier = Loaded {
            title: noted.open.document.title.clone(),
            text: noted.open.text().to_string(),
            hints: Vec::new(),
            source_url: noted.open.document.source_url.clone(),
            annotations: (*noted.annotations).clone(),
            warning: None,
        };
        let entry = LibraryEntry {
            urn: noted.open.urn.clone(),
            title: "Strike".into(),
            saved: "1 Dec 2026, 09:00".into(),
            notes: 2,
            source_url: Some("https://News.example/port/strike/".into()),
        };
        let library = Library { entries: vec![entry.clone()], unreadable: Vec::new() };
        // The same address but for its host's case, its fragment and its final slash.
        let second = State::default().apply(Action::LibraryLoaded(library.clone())).apply(Action::Capture {
            html: new,
            url: "https://news.example/port/strike#comments".into(),
            title: String::new(),
        });
        assert_eq!(second.earlier_capture(), Some(&entry));
        assert!(second.earlier_banner_text().is_some_and(|t| t.contains("2 notes") && t.contains("1 Dec 2026")));

        let bring = |earlier: Loaded| Action::BringEarlier {
            earlier,
            saved: entry.saved.clone(),
            onto: second.open.urn.clone(),
        };
        // Asked on this capture, answered once another document is open: nothing is brought onto that one.
        let elsewhere =
            second.apply(Action::OpenBytes { title: "x".into(), bytes: b"Another text altogether.".to_vec() });
        let moved_on = elsewhere.apply(bring(earlier.clone()));
        assert!(moved_on.importing.is_none() && moved_on.pending_import.is_none());
        let asked = through_worker(second.apply(bring(earlier)));
        let pending = asked.pending_import.as_ref().expect("asked before merging");
        assert!(pending.message.starts_with("The other capture of this page (saved 1 Dec"), "{}", pending.message);
        assert!(
            pending.message.ends_with("Its 1 annotation on words would find its words here."),
            "{}",
            pending.message
        );
        assert!(asked.earlier_capture().is_none(), "no second offer while the question is open");
        let cancelled = asked.apply(Action::CancelImport);
        assert!(cancelled.earlier_capture().is_none(), "Cancel on the question is a no to the offer");
        let merged = asked.apply(Action::ConfirmImport);
        let placed: Vec<_> = merged.annotations.notes.iter().filter_map(|n| n.span).collect();
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].slice(merged.open.text()), "raises wages");
        assert_eq!(merged.annotations.document_notes.len(), 1);
        assert!(merged.earlier_capture().is_none(), "the offer goes once the notes are here");

        // Declined, not offered again for this document; another page's address is never offered.
        assert!(second.apply(Action::DeclineEarlier).earlier_capture().is_none());
        let other = State::default().apply(Action::LibraryLoaded(library)).apply(Action::Capture {
            html: page("<p>Dock workers in Rotterdam ended their strike.</p>"),
            url: "https://news.example/port/strike-two".into(),
            title: String::new(),
        });
        assert!(other.earlier_capture().is_none());
    }

    #[test]
    fn the_same_message_said_again_is_a_new_message() {
        let undone = State::default()
            .apply(Action::AddNote { span: Span::new(0, 5), text: "a".into(), tags: vec![] })
            .apply(Action::AddNote { span: Span::new(6, 9), text: "b".into(), tags: vec![] })
            .apply(Action::Undo);
        let again = undone.apply(Action::Undo);
        let (first, second) = (undone.notice.expect("said"), again.notice.expect("said again"));
        assert_eq!(first, second, "the same sentence");
        assert!(second.serial > first.serial, "shown as a new element, so announced again");
    }

    #[test]
    fn a_review_says_what_it_did() {
        let s0 = State::default().apply(Action::OpenBytes {
            title: "t".into(),
            bytes: "Angela Merkel met Emmanuel Macron in Paris on Monday.".as_bytes().to_vec(),
        });
        let opened = extracted(s0);
        let merkel = Span::new(0, "Angela Merkel".len());
        let rejected = opened.apply(Action::ReviewWords { span: merkel, decision: Decision::Reject });
        let said = rejected.notice.map(|n| n.text);
        assert_eq!(said.as_deref(), Some("Rejected the name “Angela Merkel”; Undo brings it back."));
        let entity = ReviewScope::Entity { name: "Emmanuel Macron".into(), kind: EntityKind::Person };
        let retagged = opened.apply(Action::Review { scope: entity, decision: Decision::Retag(EntityKind::Org) });
        let said = retagged.notice.map(|n| n.text);
        assert_eq!(said.as_deref(), Some("“Emmanuel Macron” (all its mentions) is now marked ORG."));
        assert_eq!(excerpt(&"word ".repeat(30)).chars().count(), 61, "60 characters and an ellipsis");
    }

    #[test]
    fn a_note_opened_from_its_highlight_does_not_flash_its_words() {
        let noted = State::default().apply(Action::AddNote { span: Span::new(0, 5), text: "n".into(), tags: vec![] });
        let id = noted.annotations.notes[0].id.clone();
        let from_card = noted.apply(Action::FocusNote(Some(id.clone())));
        assert!(from_card.flash.is_some_and(|f| f.span == Span::new(0, 5)), "a card's words are flashed");
        let from_article = noted.apply(Action::OpenNoteFromArticle(id.clone()));
        assert_eq!((from_article.active_note.as_deref(), from_article.flash), (Some(id.as_str()), noted.flash.clone()));
        assert_eq!(from_article.panel, Panel::Notes);
    }

    #[test]
    fn page_addresses_compare_without_fragment_final_slash_or_host_case() {
        let cases = [
            ("https://a.example/x", Some("a.example/x")),
            ("HTTPS://A.Example/x/#top", Some("a.example/x")),
            ("http://a.example/x?id=3", Some("a.example/x?id=3")),
            ("http://a.example", Some("a.example/")),
            ("https://a.example/X", Some("a.example/X")),
            // A route in the fragment is the article's own address; a fragment that is a place in it is not.
            ("https://app.example/#/story/12", Some("app.example/#/story/12")),
            ("https://app.example/#!/story/12/", Some("app.example/#!/story/12")),
            ("https://app.example/#comments", Some("app.example/")),
            ("file:///home/me/page.html", None),
            ("https://", None),
            ("not an address", None),
        ];
        for (url, expected) in cases {
            assert_eq!(page_address(url).as_deref(), expected, "{url}");
        }
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

    /// The extractor's answer, a note added and an undo make new states that share the document's text
    /// (the same allocation): no action after the opening copies or compares megabytes.
    /// Deleting the open document opens the sample (its notes are not saved again for a text that is gone);
    /// deleting another leaves the open one as it is.
    #[test]
    fn deleting_the_open_document_opens_the_sample_and_another_leaves_it() {
        let opened = State::default()
            .apply(Action::OpenBytes { title: "Report".into(), bytes: b"Angela Merkel visited Paris.".to_vec() })
            .apply(Action::AddNote { span: Span::new(0, 6), text: "n".into(), tags: vec![] });
        let other = opened.apply(Action::Deleted { urn: "urn:sha256:other".into(), title: "Other".into() });
        assert!(Rc::ptr_eq(&other.open, &opened.open) && Rc::ptr_eq(&other.annotations, &opened.annotations));
        assert!(other.notice.as_ref().is_some_and(|n| n.text == "Deleted “Other” from this browser."));
        // Deleted in another tab: another document changes nothing; the open one stays, to be saved again.
        let elsewhere = opened.apply(Action::DeletedElsewhere { urn: "urn:sha256:other".into() });
        assert_eq!((elsewhere.deleted_elsewhere, elsewhere.notice.clone()), (0, opened.notice.clone()));
        let elsewhere = opened.apply(Action::DeletedElsewhere { urn: opened.open.urn.clone() });
        assert!(Rc::ptr_eq(&elsewhere.open, &opened.open) && Rc::ptr_eq(&elsewhere.annotations, &opened.annotations));
        assert_eq!(elsewhere.deleted_elsewhere, 1);
        assert!(elsewhere.notice.is_some_and(|n| n.text.starts_with("Another tab deleted this document")));
        let gone = opened.apply(Action::Deleted { urn: opened.open.urn.clone(), title: "Report".into() });
        assert_eq!(gone.open.urn, OpenDocument::sample().urn);
        assert!(gone.annotations.notes.is_empty());
        assert!(gone.notice.as_ref().is_some_and(|n| n.text.contains("the sample is open instead")));
        // Another tab had it open and saves it again: "Deleted" would be stale here, so the message says so.
        let saved_elsewhere = |state: &State| {
            let annotations = opened.annotations.as_ref().clone();
            state.apply(Action::MergeFromOtherTab { urn: opened.open.urn.clone(), annotations })
        };
        let back = saved_elsewhere(&gone);
        assert!(back.notice.is_some_and(|n| n.text.starts_with("“Report” was open in another tab, which saved it")));
        assert_eq!(back.open.urn, OpenDocument::sample().urn, "the sample stays open");
        assert_eq!(saved_elsewhere(&other).notice, other.notice, "another document's save says nothing");
    }

    #[test]
    fn the_answer_a_note_and_an_undo_share_the_documents_text() {
        let opened = State::default()
            .apply(Action::OpenBytes { title: String::new(), bytes: b"Angela Merkel visited Paris.".to_vec() });
        let done = extracted(opened.clone());
        assert!(Rc::ptr_eq(&done.open.document, &opened.open.document), "the answer keeps the text");
        let noted = done.apply(Action::AddNote { span: Span::new(0, 6), text: "n".into(), tags: vec![] });
        assert!(Rc::ptr_eq(&noted.open, &done.open), "a note leaves the open document as it was");
        let undone = noted.apply(Action::Undo);
        assert!(Rc::ptr_eq(&undone.open.document, &opened.open.document), "an undo keeps the text");
    }

    #[test]
    fn every_opened_document_is_a_new_request_and_stale_answers_are_dropped() {
        let sample = State::default();
        let first = sample.open.serial;
        let pasted = sample.apply(Action::OpenBytes { title: String::new(), bytes: b"Angela Merkel spoke.".to_vec() });
        let saved = pasted.apply(Action::OpenSaved(loaded("Emmanuel Macron spoke.", Annotations::default(), None)));
        let serials = [first, pasted.open.serial, saved.open.serial];
        assert!(serials.windows(2).all(|w| w[0] < w[1]), "{serials:?}");
        // Answers for the sample and the paste arrive after the saved document was opened: both are dropped.
        let late = sidenote_extract::extract(sample.open.text());
        let after = saved
            .apply(Action::ExtractionFinished { request: first, extraction: late.clone() })
            .apply(Action::ExtractionFailed { request: pasted.open.serial, message: "trap".into(), started: true });
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
        let failed = noted.apply(Action::ExtractionFailed {
            request,
            message: "RuntimeError: unreachable".into(),
            started: true,
        });
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
    fn a_worker_that_could_not_start_is_not_blamed_on_the_document_or_the_file() {
        let opened =
            State::default().apply(Action::OpenBytes { title: String::new(), bytes: b"Angela Merkel spoke.".to_vec() });
        let request = opened.open.serial;
        let message = "the worker could not run".to_string();
        let failed = opened.apply(Action::ExtractionFailed { request, message: message.clone(), started: false });
        let notice = failed.notice.clone().expect("a message");
        assert!(notice.text.starts_with("The extractor could not start (the worker could not run)"), "{notice:?}");
        assert!(notice.text.contains("Reload the page") && !notice.text.contains("this document"), "{notice:?}");
        assert_eq!(failed.open.progress, ExtractionProgress::Failed { reason: message.clone() });
        let importing = failed.apply(Action::Import("[]".into()));
        let job = importing.importing.as_ref().expect("an import").request;
        let refused = importing.apply(Action::ImportFailed { request: job, message, started: false });
        let notice = refused.notice.expect("a message");
        assert!(notice.text.contains("could not start") && !notice.text.contains("this file"), "{notice:?}");
    }

    #[test]
    fn the_last_document_opens_at_start_up_with_its_notes_and_is_extracted_like_any_other() {
        let mut notes = Annotations::default();
        notes.add_note("Angela Merkel spoke.", Span::new(0, 13), "who".into(), vec![]);
        let state = State::at_startup(Startup::Last(loaded("Angela Merkel spoke.", notes.clone(), None)));
        assert_eq!(*state.annotations, notes);
        assert!(state.open.pending_extraction().is_some());
        let done = extracted(state);
        assert_eq!(*done.annotations, notes);
        assert_eq!(done.open.extraction.entities.len(), 1);
    }

    /// The W3C export of `state`, as a file's text.
    fn w3c_file(state: &State) -> String {
        let open = &state.open;
        serde_json::to_string(&w3c::export(&open.document, &open.extraction, &state.annotations)).expect("JSON")
    }

    #[test]
    fn a_note_on_the_whole_article_is_added_edited_undone_and_travels_in_the_export() {
        let s0 = State::default();
        let s1 = s0.apply(Action::AddDocumentNote { text: "Good overview".into(), tags: vec!["read".into()] });
        assert_eq!(s1.panel, Panel::Notes);
        let note = s1.annotations.document_notes.first().expect("a note on the article").clone();
        assert_eq!((note.text.as_str(), note.tags.as_slice()), ("Good overview", ["read".to_string()].as_slice()));
        assert!(s1.annotations.notes.is_empty(), "not a note on words");
        let s2 = s1.apply(Action::EditNote { id: note.id.clone(), text: "Edited".into(), tags: vec![] });
        assert_eq!(s2.annotations.document_notes[0].text, "Edited");
        let back = s2.apply(Action::Undo).apply(Action::Undo);
        assert!(back.annotations.document_notes.is_empty());
        // Exported and imported on the same text, it comes back as a note on the article.
        let file = w3c_file(&s2);
        let imported = through_worker(State::default().apply(Action::Import(file)));
        assert_eq!(imported.pending_import, None, "the same document is not asked about");
        let texts: Vec<&str> = imported.annotations.document_notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["Edited"]);
        assert!(s2.apply(Action::DeleteNote(note.id)).annotations.document_notes.is_empty());
    }

    #[test]
    fn a_note_deleted_here_stays_deleted_when_a_file_from_before_comes_back_and_an_undone_import_can_be_redone() {
        let s0 = State::default();
        let s1 = s0.apply(Action::AddNote { span: span_of(&s0, "Lavrov"), text: "who".into(), tags: vec![] });
        let s2 = s1.apply(Action::AddNote { span: span_of(&s1, "Moscow"), text: "where".into(), tags: vec![] });
        let file = w3c_file(&s2);
        let who = s2.annotations.notes[0].id.clone();
        let deleted = s2.apply(Action::DeleteNote(who));
        let back = through_worker(deleted.apply(Action::Import(file.clone())));
        let texts: Vec<&str> = back.annotations.notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["where"], "the file sent before the deletion does not bring the note back");
        let notice = back.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
        assert!(notice.contains("1 note was deleted here, as the file has it: not brought back."), "{notice}");
        // Undoing an import is not deleting its notes: the same file imported again brings them.
        let fresh = State::default();
        let imported = through_worker(fresh.apply(Action::Import(file.clone())));
        assert_eq!(imported.annotations.notes.len(), 2);
        let undone = imported.apply(Action::Undo);
        assert!(undone.annotations.notes.is_empty());
        let again = through_worker(undone.apply(Action::Import(file)));
        assert_eq!(again.annotations.notes.len(), 2, "{:?}", again.notice);
    }

    /// A note deleted here comes back from a file only with news the deletion did not see (an edit, a reply made
    /// since): kept as the merge rule is, and now said (prober, F8: the message was "Imported 1 annotation" only).
    #[test]
    fn a_deleted_note_brought_back_by_the_files_edit_or_reply_is_named() {
        let s0 = State::default();
        let s1 = s0.apply(Action::AddNote { span: span_of(&s0, "Lavrov"), text: "who".into(), tags: vec![] });
        let s2 = s1.apply(Action::AddNote { span: span_of(&s1, "Moscow"), text: "where".into(), tags: vec![] });
        let who = s2.annotations.notes[0].id.clone();
        let edited = s2.apply(Action::EditNote { id: who.clone(), text: "who, checked".into(), tags: vec![] });
        let replied = s2.apply(Action::AddReply { note: who.clone(), text: "confirmed".into() });
        let unchanged = s2.clone();
        let deleted = s2.apply(Action::DeleteNote(who));
        // (colleague's state, the note's text back here, what the message says)
        let cases: [(&State, Option<&str>, &str); 3] = [
            (&edited, Some("who, checked"), "1 note you deleted was edited in the file since: brought back."),
            (&replied, Some("who"), "1 note you deleted was replied to in the file since: brought back."),
            (&unchanged, None, "1 note was deleted here, as the file has it: not brought back."),
        ];
        for (colleague, back_as, said) in cases {
            let back = through_worker(deleted.apply(Action::Import(w3c_file(colleague))));
            let mut texts: Vec<&str> = back.annotations.notes.iter().map(|n| n.text.as_str()).collect();
            texts.sort_unstable();
            let mut expected: Vec<&str> = back_as.into_iter().chain(["where"]).collect();
            expected.sort_unstable();
            assert_eq!(texts, expected, "{said}");
            let notice = back.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default();
            assert!(notice.contains(said), "{notice}");
            assert!(!notice.contains("you deleted") || back_as.is_some(), "{notice}");
        }
    }

    #[test]
    fn a_file_made_for_another_document_waits_for_an_answer_and_cancel_changes_nothing() {
        let other = State::default().apply(Action::OpenBytes {
            title: "other".into(),
            bytes: b"Angela Merkel visited Paris on Monday.".to_vec(),
        });
        let other =
            other.apply(Action::AddNote { span: span_of(&other, "Angela Merkel"), text: "who".into(), tags: vec![] });
        let file = w3c_file(&other);
        let s0 = State::default().apply(Action::AddNote { span: Span::new(0, 5), text: "mine".into(), tags: vec![] });
        let asked = through_worker(s0.apply(Action::Import(file)));
        let pending = asked.pending_import.as_ref().expect("the user is asked first");
        assert!(
            pending.message.contains("made for another text (“other”) than the open document (“Sample:"),
            "{}",
            pending.message
        );
        assert!(Rc::ptr_eq(&asked.annotations, &s0.annotations), "nothing merged before the answer");
        let cancelled = asked.apply(Action::CancelImport);
        assert_eq!(cancelled.pending_import, None);
        assert!(Rc::ptr_eq(&cancelled.annotations, &s0.annotations) && cancelled.history == s0.history);
        assert!(cancelled.notice.is_some_and(|n| n.text.contains("Nothing was changed")));
        let anchored = asked.apply(Action::ConfirmImport);
        assert_eq!(anchored.pending_import, None);
        assert_eq!(anchored.annotations.notes.len(), 2, "mine and the imported one (orphan or placed)");
        assert!(anchored.notice.as_ref().is_some_and(|n| n.text.starts_with("Imported")));
        assert_eq!(content(&anchored.apply(Action::Undo).annotations), content(&s0.annotations), "one undoable change");
        assert_eq!(s0.apply(Action::ConfirmImport), s0, "nothing pending: nothing happens");
    }

    /// A colleague's export carries its article (prober, F6). Imported while another document is open, the
    /// question offers to open that article: it opens as a paste would, titled by the file's label, saved as
    /// usual (no unkept shared view), and the file lands on it with every note exact. "Anchor anyway" counts the
    /// file's notes on the whole article in the question and keeps them as orphans here, where they had become
    /// notes on this other article unasked.
    #[test]
    fn a_file_that_carries_its_article_can_open_it_and_its_whole_article_notes_stay_off_another() {
        use sidenote_annotate::anchor::AnchorStatus;
        let harbour = b"The harbour board met on Friday and agreed to dredge the eastern channel.".to_vec();
        let theirs = State::default().apply(Action::OpenBytes { title: "harbour.txt".into(), bytes: harbour });
        let theirs =
            theirs.apply(Action::AddNote { span: span_of(&theirs, "harbour board"), text: "who".into(), tags: vec![] });
        let theirs = theirs.apply(Action::AddNote {
            span: span_of(&theirs, "eastern channel"),
            text: "where".into(),
            tags: vec![],
        });
        let theirs = theirs.apply(Action::AddDocumentNote { text: "About the dredging".into(), tags: vec![] });
        let file = w3c_file(&theirs);
        let s0 = State::default().apply(Action::AddNote { span: Span::new(0, 5), text: "mine".into(), tags: vec![] });
        let asked = through_worker(s0.apply(Action::Import(file.clone())));
        let pending = asked.pending_import.as_ref().expect("the user is asked first");
        assert!(pending.carries_article.is_some(), "Open its article is offered");
        assert!(
            pending.message.ends_with(" It also holds 1 note on the whole article, which would be an orphan here."),
            "{}",
            pending.message
        );

        let opened = asked.apply(Action::OpenImportArticle);
        assert_eq!((opened.open.document.title.as_str(), opened.open.text()), ("harbour.txt", theirs.open.text()));
        assert!(opened.pending_import.is_none() && !opened.shared_unkept, "saved as any opened document");
        assert!(opened.open.serial > asked.open.serial, "a new opening, which the save effect writes");
        let done = through_worker(opened);
        assert_eq!(done.pending_import, None, "its own article: nothing to ask");
        let notes: Vec<(&str, Option<&str>, AnchorStatus)> = done
            .annotations
            .notes
            .iter()
            .map(|n| (n.text.as_str(), n.span.map(|s| s.slice(done.open.text())), n.status))
            .collect();
        assert_eq!(
            notes,
            [
                ("who", Some("harbour board"), AnchorStatus::Exact),
                ("where", Some("eastern channel"), AnchorStatus::Exact)
            ]
        );
        let on_article: Vec<&str> = done.annotations.document_notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(on_article, ["About the dredging"]);
        assert!(
            done.notice.as_ref().is_some_and(|n| n.text.starts_with("Imported 2 annotations: 2 exact")),
            "{:?}",
            done.notice
        );
        assert!(done.notice.as_ref().is_some_and(|n| n.text.ends_with(" 1 note on the whole article.")));
        assert!(s0.annotations.notes.iter().all(|n| n.text == "mine"), "the article open before is untouched");

        let anchored = asked.apply(Action::ConfirmImport);
        assert!(anchored.annotations.document_notes.is_empty(), "not a note on this other article");
        let orphan = anchored.annotations.notes.iter().find(|n| n.text == "About the dredging").expect("kept");
        assert_eq!((orphan.span, orphan.status), (None, AnchorStatus::Orphan));
        assert!(anchored.notice.as_ref().is_some_and(|n| n.text.contains("Orphans are listed under Notes")));

        // Another version of the open article (most of its notes land here): its notes on the whole article are
        // this article's too, kept as such and said so.
        let version = format!("{SAMPLE_TEXT}\n\nA correction was added at the end.");
        let copy = State::default().apply(Action::OpenBytes { title: "copy".into(), bytes: version.into_bytes() });
        let copy = copy.apply(Action::AddNote { span: span_of(&copy, "Lavrov"), text: "who".into(), tags: vec![] });
        let copy = copy.apply(Action::AddDocumentNote { text: "Read again".into(), tags: vec![] });
        let asked_copy = through_worker(s0.apply(Action::Import(w3c_file(&copy))));
        let message = &asked_copy.pending_import.as_ref().expect("another version: asked").message;
        assert!(
            message.ends_with(" It also holds 1 note on the whole article, which would be kept as a note on this one."),
            "{message}"
        );
        let kept = asked_copy.apply(Action::ConfirmImport);
        let on_article: Vec<&str> = kept.annotations.document_notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(on_article, ["Read again"]);

        // A file without its article's text has no article to open.
        let mut bare: serde_json::Value = serde_json::from_str(&file).expect("JSON");
        bare.as_object_mut().expect("a collection").remove("sidenote:text");
        let asked_bare = through_worker(s0.apply(Action::Import(bare.to_string())));
        let pending_bare = asked_bare.pending_import.as_ref().expect("asked");
        assert_eq!(pending_bare.carries_article, None);
        assert_eq!(asked_bare.apply(Action::OpenImportArticle).open, asked_bare.open, "nothing to open");
    }

    #[test]
    fn a_corrected_speaker_shows_is_undoable_and_travels_in_the_export() {
        let s0 = State::default();
        let quote = s0.annotations.shown_quotes(&s0.open.extraction).first().expect("the sample has quotes").clone();
        let choices = s0.annotations.speaker_choices(&s0.open.extraction);
        let other = choices.iter().find(|c| Some(*c) != quote.speaker.as_ref()).expect("another person").clone();
        let s1 = s0.apply(Action::CorrectSpeaker { quote: quote.span, speaker: Some(other.clone()) });
        let shown = s1.annotations.shown_quotes(&s1.open.extraction);
        let corrected = shown.iter().find(|q| q.span == quote.span).expect("still shown");
        assert_eq!((corrected.speaker.as_ref(), corrected.speaker_corrected), (Some(&other), true));
        assert!(w3c_file(&s1).contains(&other));
        let unknown = s1.apply(Action::CorrectSpeaker { quote: quote.span, speaker: None });
        assert_eq!(unknown.annotations.shown_quotes(&unknown.open.extraction)[0].speaker, None);
        let cleared = s1.apply(Action::ClearSpeakerCorrection(quote.span));
        assert_eq!(cleared.annotations.speaker_correction(quote.span), None);
        assert_eq!(content(&s1.apply(Action::Undo).annotations), content(&s0.annotations));
    }

    #[test]
    fn brat_and_doccano_files_import_as_the_users_entities_with_a_summary() {
        let s0 = State::default();
        let reviewed = s0.apply(Action::AddEntity { span: span_of(&s0, "New START"), kind: EntityKind::Misc });
        let doc = &reviewed.open.document;
        let (_, ann) = formats::brat::export(doc, &reviewed.open.extraction, &reviewed.annotations);
        let jsonl = formats::doccano::export(doc, &reviewed.open.extraction, &reviewed.annotations);
        for (format, contents) in [(EntityFormat::Brat, ann), (EntityFormat::Doccano, jsonl)] {
            let asked = s0.apply(Action::ImportEntities { format, contents: contents.clone() });
            assert!(Rc::ptr_eq(&asked.annotations, &s0.annotations), "read in the worker, not on the page");
            let after = through_worker(asked);
            // Confirmed as in the file (the sample suggests these words, so the suggestion is accepted).
            let confirmed = |s: &State| -> Vec<(Span, EntityKind)> {
                formats::reviewed_entities(&s.open.extraction, &s.annotations)
                    .iter()
                    .map(|e| (e.span, e.kind))
                    .collect()
            };
            assert_eq!(confirmed(&after), [(span_of(&s0, "New START"), EntityKind::Misc)], "{format:?}");
            assert_eq!(after.panel, Panel::Entities);
            assert!(after.notice.as_ref().is_some_and(|n| n.text.contains("Imported 1 entity")), "{format:?}");
            assert!(confirmed(&after.apply(Action::Undo)).is_empty());
            // The same file again changes nothing, and says so.
            let again = through_worker(after.apply(Action::ImportEntities { format, contents: contents.clone() }));
            assert!(Rc::ptr_eq(&again.annotations, &after.annotations));
            let said = again.notice.map(|n| n.text).unwrap_or_default();
            assert_eq!(said, "Nothing new was imported: the file's 1 entity was already here. See the Entities tab.");
        }
        let junk =
            through_worker(s0.apply(Action::ImportEntities { format: EntityFormat::Brat, contents: "R1\tx".into() }));
        assert!(junk.annotations.added.is_empty() && junk.notice.is_some_and(|n| n.text.contains("skipped")));
    }

    /// A Label Studio export is a `.json`, chosen as a W3C file is: the worker reads its regions as the user's
    /// entities (it was refused as "a text with labels"), and its skipped results are named by task.
    #[test]
    fn a_label_studio_file_imports_as_the_users_entities() {
        let s0 = State::default();
        let reviewed = s0.apply(Action::AddEntity { span: span_of(&s0, "New START"), kind: EntityKind::Misc });
        let doc = &reviewed.open.document;
        let json = formats::label_studio::export(doc, &reviewed.open.extraction, &reviewed.annotations);
        let after = through_worker(s0.apply(Action::Import(json.clone())));
        let confirmed: Vec<(Span, EntityKind)> = formats::reviewed_entities(&after.open.extraction, &after.annotations)
            .iter()
            .map(|e| (e.span, e.kind))
            .collect();
        assert_eq!(confirmed, [(span_of(&s0, "New START"), EntityKind::Misc)]);
        assert_eq!(after.panel, Panel::Entities);
        let said = after.notice.map(|n| n.text).unwrap_or_default();
        assert_eq!(said, "Imported 1 entity (1 of them suggestions here, now accepted). See the Entities tab.");
        let with_choice =
            json.replacen("\"result\":[", "\"result\":[{\"type\":\"choices\",\"value\":{\"choices\":[\"News\"]}},", 1);
        let said = through_worker(s0.apply(Action::Import(with_choice))).notice.map(|n| n.text).unwrap_or_default();
        assert!(said.contains("; 1 skipped (task 1: has choices (News), which Sidenote does not import)"), "{said}");
    }

    fn loaded(text: &str, annotations: Annotations, warning: Option<&str>) -> Loaded {
        Loaded {
            title: "Saved".into(),
            text: text.into(),
            source_url: None,
            hints: Vec::new(),
            annotations,
            warning: warning.map(str::to_string),
        }
    }

    #[test]
    fn saved_spans_that_do_not_fit_the_text_become_orphans_with_a_message() {
        let text = "Café 🙂 in Moscow and Paris.";
        let mut annotations = Annotations::default();
        annotations.add_note(text, Span::new(12, 18), "fits".into(), vec![]);
        let id = annotations.add_note(text, Span::new(23, 28), "tampered".into(), vec![]);
        if let Some(note) = annotations.notes.iter_mut().find(|n| n.id == id) {
            note.span = Some(Span::new(7, 999));
        }
        let state = State::default().apply(Action::OpenSaved(loaded(text, annotations, None)));
        assert_eq!(state.annotations.notes[0].span, Some(Span::new(12, 18)));
        assert_eq!(state.annotations.notes[1].span, None);
        assert_eq!(state.annotations.notes[1].text, "tampered", "the note is kept");
        assert!(state.notice.as_ref().is_some_and(|n| n.text.contains("orphan")), "{:?}", state.notice);
        let clean = State::default().apply(Action::OpenSaved(loaded(text, Annotations::default(), None)));
        assert_eq!(clean.notice, None);
    }

    #[test]
    fn a_warning_from_storage_is_shown_with_the_document() {
        let state = State::default().apply(Action::OpenSaved(loaded(
            "Some text.",
            Annotations::default(),
            Some("Notes were set aside."),
        )));
        assert_eq!(state.open.text(), "Some text.");
        assert!(state.notice.is_some_and(|n| n.level == NoticeLevel::Error && n.text == "Notes were set aside."));
    }

    #[test]
    fn shift_arrows_never_panic_on_a_selection_inside_a_character() {
        let text = "Café 🙂 Moscow";
        let mut state = State::default().apply(Action::OpenSaved(loaded(text, Annotations::default(), None)));
        for (start, end) in [(4, 4), (0, 4), (7, 9), (8, 40), (99, 120)] {
            state.selection = Some(Span::new(start, end));
            for forward in [true, false] {
                for by_word in [true, false] {
                    for from in [0, 4, 8, 200] {
                        let next = state.apply(Action::ExtendSelection { forward, by_word, from });
                        if let Some(s) = next.selection {
                            assert!(
                                text.is_char_boundary(s.start) && text.is_char_boundary(s.end) && s.end <= text.len()
                            );
                        }
                    }
                }
            }
        }
        // A selection that does not fit the text is refused.
        let refused = state.apply(Action::Select(Some(Span::new(0, 4))));
        assert_eq!(refused.selection, None);
        let fresh = State::default().apply(Action::OpenSaved(loaded(text, Annotations::default(), None)));
        let grown = fresh.apply(Action::ExtendSelection { forward: true, by_word: false, from: 7 });
        assert_eq!(grown.selection.map(|s| s.slice(text).to_string()).as_deref(), Some("🙂"));
    }

    #[test]
    fn startup_opens_the_last_document_or_falls_back_to_the_sample_and_library() {
        let last =
            State::at_startup(Startup::Last(loaded("Angela Merkel visited Paris.", Annotations::default(), None)));
        assert_eq!(last.open.text(), "Angela Merkel visited Paris.");
        assert_eq!((last.notice.clone(), last.panel), (None, Panel::Notes));
        let sample = State::at_startup(Startup::Sample);
        assert_eq!((sample.open.document.title.as_str(), sample.notice.clone()), (SAMPLE_TITLE, None));
        for (startup, words) in [
            (Startup::Safe, "did not finish starting"),
            (Startup::LastUnreadable("it is not valid JSON".into()), "not valid JSON"),
        ] {
            let state = State::at_startup(startup);
            assert_eq!((state.open.document.title.as_str(), state.panel), (SAMPLE_TITLE, Panel::Library));
            assert!(state.notice.is_some_and(|n| n.text.contains(words) && n.text.contains("Library")));
        }
    }

    #[test]
    fn storage_read_at_start_opens_the_last_document_unless_the_user_already_opened_something() {
        let library = Library {
            entries: vec![LibraryEntry {
                urn: "urn:a".into(),
                title: "A".into(),
                saved: String::new(),
                notes: 1,
                source_url: None,
            }],
            unreadable: Vec::new(),
        };
        let started = |message: Option<&str>| Action::Started {
            startup: Startup::Last(loaded("Angela Merkel visited Paris.", Annotations::default(), None)),
            library: library.clone(),
            message: message.map(str::to_string),
        };
        let waiting = State::loading();
        assert!(waiting.loading && waiting.open.document.title == SAMPLE_TITLE);
        let state = waiting.apply(started(None));
        assert_eq!((state.loading, state.open.text(), state.library.len()), (false, "Angela Merkel visited Paris.", 1));
        // Something opened while storage was read (a paste, a share link) stays open; the Library is filled in.
        let pasted =
            State::loading().apply(Action::OpenBytes { title: String::new(), bytes: b"Boris Johnson spoke.".to_vec() });
        let state = pasted.apply(started(None));
        assert_eq!((state.loading, state.open.text(), state.library.len()), (false, "Boris Johnson spoke.", 1));
        // A message shown while storage was read (a damaged share link) stays, before what the start says.
        let damaged = State::loading().apply(Action::Notify(Notice::error("The share link is damaged.")));
        let state = damaged.apply(started(Some("A saved record could not be read.")));
        assert_eq!(state.open.text(), "Angela Merkel visited Paris.");
        assert_eq!(
            state.notice.map(|n| (n.level, n.text)),
            Some((NoticeLevel::Error, "The share link is damaged. A saved record could not be read.".to_string()))
        );
        // Said alone, it is the same message, not a new one that a screen reader would announce again.
        let shown = damaged.notice.clone().expect("said");
        let state = damaged.apply(started(None));
        assert_eq!(state.notice.map(|n| (n.serial, n.text)), Some((shown.serial, shown.text)));
        // What storage could not read is said, after what the start says (safe mode's message, say).
        let state = State::loading().apply(Action::Started {
            startup: Startup::Safe,
            library: library.clone(),
            message: Some("A saved record could not be read: the library's list.".into()),
        });
        let notice = state.notice.expect("a message");
        assert!(notice.text.contains("did not finish starting") && notice.text.ends_with("the library's list."));
        assert_eq!((notice.level, state.panel), (NoticeLevel::Error, Panel::Library));
        // The storage measured is kept across documents.
        let usage =
            StorageUsage { used: Some(1.0), quota: Some(2.0), persistent: Some(true), backend: "IndexedDB".into() };
        let state = State::default().apply(Action::StorageMeasured(usage.clone())).apply(Action::OpenSample);
        assert_eq!(state.storage_usage, Some(usage));
    }

    #[test]
    fn the_sample_restored_at_start_keeps_its_highlights_and_asks_the_worker_nothing() {
        let library = Library::default();
        let started = |text: &str| Action::Started {
            startup: Startup::Last(loaded(text, Annotations::default(), None)),
            library: library.clone(),
            message: None,
        };
        let waiting = State::loading();
        assert_eq!(waiting.open.progress, ExtractionProgress::Done);
        let state = waiting.clone().apply(started(SAMPLE_TEXT));
        assert_eq!((state.open.progress.clone(), state.open.pending_extraction()), (ExtractionProgress::Done, None));
        assert_eq!(state.open.extraction, waiting.open.extraction);
        // Another last document is extracted in the worker as before.
        let other = waiting.apply(started("Angela Merkel visited Paris."));
        assert_eq!(other.open.pending_extraction(), Some(other.open.serial));
    }

    #[test]
    fn unreadable_records_stay_listed_across_documents() {
        let library = Library {
            entries: vec![LibraryEntry {
                urn: "urn:a".into(),
                title: "A".into(),
                saved: String::new(),
                notes: 2,
                source_url: None,
            }],
            unreadable: vec![UnreadableRecord {
                key: "sidenote.v1.unreadable.index".into(),
                what: "The library's list".into(),
                why: "it is not valid JSON".into(),
            }],
        };
        let state = State::default().apply(Action::LibraryLoaded(library.clone())).apply(Action::OpenSample);
        assert_eq!((state.library.clone(), state.unreadable.clone()), (library.entries, library.unreadable));
    }

    #[test]
    fn annotations_saved_for_a_text_opened_again_come_back_unless_work_has_begun() {
        let fresh = State::default();
        let mut saved = Annotations::default();
        saved.add_note(fresh.open.text(), span_of(&fresh, "INF Treaty"), "from last week".into(), vec![]);
        let restored = fresh.apply(Action::RestoreAnnotations(saved.clone()));
        assert_eq!(*restored.annotations, saved);
        assert!(restored.untouched(), "restoring is not an edit: nothing to undo, nothing to write back");
        assert!(restored.notice.as_ref().is_some_and(|n| n.text.contains("1 note")));
        // Once the user has made a change, or when annotations are already open, nothing is replaced.
        let busy = State::default().apply(Action::AddNote { span: Span::new(0, 5), text: "mine".into(), tags: vec![] });
        assert!(!busy.untouched());
        assert_eq!(busy.apply(Action::RestoreAnnotations(saved.clone())).annotations, busy.annotations);
        let undone = busy.apply(Action::Undo);
        assert_eq!(undone.apply(Action::RestoreAnnotations(saved.clone())).annotations, undone.annotations);
        assert_eq!(
            restored.apply(Action::RestoreAnnotations(Annotations::default())).annotations,
            restored.annotations
        );
        let safe = State::at_startup(Startup::Safe).apply(Action::RestoreAnnotations(saved));
        assert!(safe.notice.is_some_and(|n| n.level == NoticeLevel::Error
            && n.text.contains("did not finish starting")
            && n.text.contains("1 note")));
    }

    #[test]
    fn the_tab_tag_survives_the_start_that_opens_the_last_document() {
        let text = "Sergei Lavrov spoke in Moscow on Monday.".to_string();
        let last = Loaded {
            title: "Last".into(),
            text,
            source_url: Some("https://a.example/last".into()),
            hints: Vec::new(),
            annotations: Annotations::default(),
            warning: None,
        };
        let started = State::loading().with_replica("tab9").apply(Action::Started {
            startup: Startup::Last(last),
            library: Library::default(),
            message: None,
        });
        assert_eq!(started.open.document.title, "Last", "the last document opened");
        assert_eq!(started.open.document.source_url.as_deref(), Some("https://a.example/last"), "with its address");
        let added = started.apply(Action::AddNote { span: Span::new(0, 13), text: "new".into(), tags: Vec::new() });
        let id = added.annotations.notes.last().map(|n| n.id.clone()).unwrap_or_default();
        assert!(id.ends_with("tab9"), "a new id carries the tab's tag: {id}");
    }

    /// Two tabs with the sample open, as the app starts them (each with its own replica tag).
    fn two_tabs() -> (State, State) {
        (State::default().with_replica("tab1"), State::default().with_replica("tab2"))
    }

    fn received(tab: &State, from: &State) -> State {
        tab.apply(Action::MergeFromOtherTab { urn: from.open.urn.clone(), annotations: (*from.annotations).clone() })
    }

    fn note_texts(state: &State) -> Vec<&str> {
        let mut texts: Vec<&str> = state.annotations.notes.iter().map(|n| n.text.as_str()).collect();
        texts.sort();
        texts
    }

    #[test]
    fn two_tabs_add_notes_to_one_document_at_the_same_time_and_both_have_all_of_them() {
        let (a, b) = two_tabs();
        let span = span_of(&a, "Sergei Lavrov");
        let a = a.apply(Action::AddNote { span, text: "from tab 1".into(), tags: vec![] });
        let b = b.apply(Action::AddNote { span, text: "from tab 2".into(), tags: vec![] });
        assert_ne!(a.annotations.notes[0].id, b.annotations.notes[0].id, "two tabs never make the same id");
        let (a, b) = (received(&a, &b), received(&b, &a));
        assert_eq!(note_texts(&a), ["from tab 1", "from tab 2"]);
        assert_eq!(note_texts(&b), ["from tab 1", "from tab 2"]);
        assert_eq!(a.annotations, b.annotations, "both tabs show the same merge");
        // What each then sends back brings nothing new: the exchange stops.
        assert!(Rc::ptr_eq(&received(&a, &b).annotations, &a.annotations));
    }

    #[test]
    fn a_note_deleted_in_one_tab_while_edited_in_the_other_keeps_the_edit() {
        let (a, b) = two_tabs();
        let span = span_of(&a, "Sergei Lavrov");
        let a = a.apply(Action::AddNote { span, text: "first".into(), tags: vec![] });
        let b = received(&b, &a);
        let id = a.annotations.notes[0].id.clone();
        let a = a.apply(Action::DeleteNote(id.clone()));
        let b = b.apply(Action::EditNote { id, text: "edited meanwhile".into(), tags: vec![] });
        let (a, b) = (received(&a, &b), received(&b, &a));
        assert_eq!(note_texts(&a), ["edited meanwhile"]);
        assert_eq!(a.annotations, b.annotations);
    }

    #[test]
    fn a_note_changed_by_another_tab_while_its_card_is_open_keeps_both_versions_on_save() {
        let (a, b) = two_tabs();
        let span = span_of(&a, "Sergei Lavrov");
        let a = a.apply(Action::AddNote { span, text: "first".into(), tags: vec![] });
        let b = received(&b, &a);
        let id = a.annotations.notes[0].id.clone();
        // Tab b opens the card; tab a changes the note, and b hears of it before saving its draft.
        let b = b.apply(Action::FocusNote(Some(id.clone())));
        let a = a.apply(Action::EditNote { id: id.clone(), text: "changed in a".into(), tags: vec![] });
        let b = received(&b, &a);
        assert_eq!(note_texts(&b), ["changed in a"]);
        let b = b.apply(Action::EditNote { id: id.clone(), text: "draft of b".into(), tags: vec![] });
        assert_eq!(note_texts(&b), ["changed in a", "draft of b"]);
        assert!(b.annotations.notes.iter().all(|n| n.span == Some(span)), "both on the same words");
        assert!(b.notice.as_ref().is_some_and(|n| n.text.contains("both versions are kept")));
        // Unchanged meanwhile: the save replaces it, as always.
        let b = b.apply(Action::FocusNote(Some(id.clone())));
        let b = b.apply(Action::EditNote { id: id.clone(), text: "b again".into(), tags: vec![] });
        assert_eq!(note_texts(&b), ["b again", "draft of b"]);
        // Deleted meanwhile: the draft is named, not dropped.
        let b = b.apply(Action::FocusNote(Some(id.clone())));
        let a = received(&a, &b).apply(Action::DeleteNote(id.clone()));
        let b = received(&b, &a);
        let b = b.apply(Action::EditNote { id, text: "too late".into(), tags: vec![] });
        assert_eq!(note_texts(&b), ["draft of b"]);
        assert!(b.notice.is_some_and(|n| n.level == NoticeLevel::Error && n.text.ends_with("“too late”")));
    }

    /// A reviewer's sequences: a draft kept for a card was typed on the version the card showed, so saving it
    /// after another tab changed the note keeps both; notes on the article too; an undo in this tab is no
    /// other's version.
    #[test]
    fn a_kept_card_draft_an_article_note_and_an_undo_meet_other_versions_as_they_should() {
        let (a, b) = two_tabs();
        let span = span_of(&a, "Sergei Lavrov");
        let a = a.apply(Action::AddNote { span, text: "first".into(), tags: vec![] });
        let b = received(&b, &a);
        let id = a.annotations.notes[0].id.clone();
        let card = DraftTarget::Note(id.clone());
        let b = b.apply(Action::FocusNote(Some(id.clone())));
        let b = b.apply(Action::KeepDraft(card.clone(), Some(("first, b's draft".into(), String::new()))));
        let b = b.apply(Action::FocusNote(None));
        let a = a.apply(Action::EditNote { id: id.clone(), text: "changed in a".into(), tags: vec![] });
        let b = received(&b, &a).apply(Action::FocusNote(Some(id.clone())));
        let shown = b.draft(&card).map(|d| d.text.clone()).expect("the draft is shown");
        let b = b.apply(Action::EditNote { id: id.clone(), text: shown, tags: vec![] });
        assert_eq!(note_texts(&b), ["changed in a", "first, b's draft"]);
        // A note on the whole article.
        let a = a.apply(Action::AddDocumentNote { text: "overall".into(), tags: vec![] });
        let b = received(&b, &a);
        let article = a.annotations.document_notes[0].id.clone();
        let b = b.apply(Action::FocusNote(Some(article.clone())));
        let a = a.apply(Action::EditNote { id: article.clone(), text: "overall, in a".into(), tags: vec![] });
        let b = received(&b, &a).apply(Action::EditNote { id: article, text: "overall, in b".into(), tags: vec![] });
        let texts: Vec<&str> = b.annotations.document_notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["overall, in a", "overall, in b"]);
        // An undo in this tab while the card is open: the save replaces, as any edit of one's own.
        let s = State::default().with_replica("t1");
        let s = s.apply(Action::AddNote { span, text: "v1".into(), tags: vec![] });
        let id = s.annotations.notes[0].id.clone();
        let s = s.apply(Action::FocusNote(Some(id.clone())));
        let s = s.apply(Action::EditNote { id: id.clone(), text: "v2".into(), tags: vec![] });
        let s = s.apply(Action::FocusNote(Some(id.clone()))).apply(Action::Undo);
        let s = s.apply(Action::EditNote { id, text: "v3".into(), tags: vec![] });
        assert_eq!(note_texts(&s), ["v3"]);
        assert!(s.notice.is_none_or(|n| !n.text.contains("both versions")));
    }

    #[test]
    fn another_tabs_notes_are_not_an_undoable_step_and_undo_never_removes_them() {
        let (a, b) = two_tabs();
        let a = a.apply(Action::AddNote { span: span_of(&a, "Sergei Lavrov"), text: "mine".into(), tags: vec![] });
        let b = b.apply(Action::AddNote { span: span_of(&b, "Moscow"), text: "theirs".into(), tags: vec![] });
        let fresh = received(&State::default().with_replica("tab3"), &b);
        assert_eq!(note_texts(&fresh), ["theirs"], "the merge is shown");
        assert!(fresh.untouched(), "a tab that only received has nothing of its own to undo or save");
        let a = received(&a, &b);
        assert_eq!(a.history.undo_steps(), 1, "the merge is not a step of its own");
        let undone = a.apply(Action::Undo);
        assert_eq!(note_texts(&undone), ["theirs"], "undo removes my note, never theirs");
        let redone = undone.apply(Action::Redo);
        assert_eq!(note_texts(&redone), ["mine", "theirs"]);
        // The undo, sent to the other tab, removes my note there too, and theirs stays.
        assert_eq!(note_texts(&received(&b, &undone)), ["theirs"]);
    }

    #[test]
    fn annotations_of_another_document_or_of_an_unkept_shared_copy_are_not_merged() {
        let (a, b) = two_tabs();
        let b = b.apply(Action::AddNote { span: span_of(&b, "Moscow"), text: "theirs".into(), tags: vec![] });
        let elsewhere = a.apply(Action::MergeFromOtherTab {
            urn: "urn:sha256:another".into(),
            annotations: (*b.annotations).clone(),
        });
        assert!(elsewhere.annotations.notes.is_empty());
        let mut shared = a.clone();
        shared.shared_unkept = true;
        assert!(received(&shared, &b).annotations.notes.is_empty());
    }

    #[test]
    fn a_save_of_the_first_storage_format_merges_with_a_tabs_new_note() {
        let stored = include_str!("../tests/fixtures/storage-v1/sample.notes.json");
        let old = records::read_annotations(stored).expect("the first format loads").annotations;
        let tab = State::default().with_replica("tab1").apply(Action::RestoreAnnotations(old.clone()));
        let tab = tab.apply(Action::AddNote { span: span_of(&tab, "Moscow"), text: "new".into(), tags: vec![] });
        let new_id = tab.annotations.notes.iter().find(|n| n.text == "new").map(|n| n.id.clone());
        assert!(new_id.is_some_and(|id| id.ends_with("-tab1")), "new ids carry the tab's tag");
        let other =
            received(&State::default().with_replica("tab2").apply(Action::RestoreAnnotations(old.clone())), &tab);
        assert_eq!(other.annotations.notes.len(), old.notes.len() + 1);
        for note in &old.notes {
            let merged = other.annotations.notes.iter().find(|n| n.id == note.id).expect("every old note is kept");
            assert_eq!(merged, note, "old notes keep their ids, so their exported IRIs stay the same");
        }
        assert_eq!(other.annotations.reviews.len(), old.reviews.len());
        assert_eq!(other.annotations.added, old.added);
    }

    fn opened(text: &str) -> State {
        State::default().apply(Action::OpenBytes { title: String::new(), bytes: text.as_bytes().to_vec() })
    }

    fn typed(text: &str, tags: &str) -> Option<(String, String)> {
        Some((text.to_string(), tags.to_string()))
    }

    #[test]
    fn the_new_note_editor_stays_on_the_words_it_opened_on() {
        let state = opened("Talks on the Varnholt Accord resumed in Kessingen on Monday.");
        let accord = span_of(&state, "Varnholt Accord");
        let city = span_of(&state, "Kessingen");
        let writing = state.apply(Action::Select(Some(accord))).apply(Action::WriteNote(Some(accord)));
        // Clicking other words, or clearing the selection, does not move the note being written.
        let moved = writing.apply(Action::Select(Some(city)));
        assert_eq!((moved.writing, moved.selection), (Some(accord), Some(city)));
        assert_eq!(moved.apply(Action::Select(None)).writing, Some(accord));
        let saved = moved.apply(Action::AddNote { span: accord, text: "n".into(), tags: vec![] });
        assert_eq!(saved.writing, None);
        assert_eq!(saved.annotations.notes[0].span, Some(accord));
        // A span that does not fit the text opens nothing; another document closes the editor.
        assert_eq!(state.apply(Action::WriteNote(Some(Span::new(3, 999)))).writing, None);
        let other = moved.apply(Action::OpenBytes { title: String::new(), bytes: b"Another text.".to_vec() });
        assert_eq!(other.writing, None);
    }

    #[test]
    fn a_draft_comes_back_in_its_own_editor_until_saved_or_cancelled() {
        let text = "Talks on the Varnholt Accord resumed in Kessingen on Monday.";
        let state = opened(text).apply(Action::AddDocumentNote { text: "overall".into(), tags: vec!["a".into()] });
        let accord = span_of(&state, "Varnholt Accord");
        let words = DraftTarget::Words(accord);
        let kept = state.apply(Action::KeepDraft(words.clone(), typed("half a thought", "treaty, ")));
        let draft = kept.draft(&words).map(|d| (d.text.as_str(), d.tags.as_str()));
        assert_eq!(draft, Some(("half a thought", "treaty, ")));
        // Only that editor's: not other words', not the article's.
        assert_eq!(kept.draft(&DraftTarget::Words(span_of(&kept, "Kessingen"))), None);
        assert_eq!(kept.draft(&DraftTarget::Article), None);
        // Opening another document keeps it for when this one is opened again.
        let away = kept.apply(Action::OpenBytes { title: String::new(), bytes: b"Another text.".to_vec() });
        assert_eq!(away.draft(&words), None);
        let back = away.apply(Action::OpenBytes { title: String::new(), bytes: text.as_bytes().to_vec() });
        assert_eq!(back.draft(&words).map(|d| d.text.as_str()), Some("half a thought"));
        // Saving the note, cancelling, or emptying the editor ends it.
        let saved = kept.apply(Action::AddNote { span: accord, text: "whole".into(), tags: vec![] });
        assert_eq!(saved.draft(&words), None);
        assert_eq!(kept.apply(Action::KeepDraft(words.clone(), None)).draft(&words), None);
        assert_eq!(kept.apply(Action::KeepDraft(words.clone(), typed(" ", ""))).draft(&words), None);
        // A note's card: a draft is what differs from the note; saving the edit ends it.
        let id = state.annotations.document_notes[0].id.clone();
        let card = DraftTarget::Note(id.clone());
        assert_eq!(state.apply(Action::KeepDraft(card.clone(), typed("overall", "a"))).draft(&card), None);
        let edited = state.apply(Action::KeepDraft(card.clone(), typed("overall, revised", "a")));
        assert_eq!(edited.draft(&card).map(|d| d.text.as_str()), Some("overall, revised"));
        let edit = Action::EditNote { id: id.clone(), text: "overall, revised".into(), tags: vec!["a".into()] };
        assert_eq!(edited.apply(edit).draft(&card), None);
        // A reply and a note on the article, likewise.
        let reply = DraftTarget::Reply(id.clone());
        let replying = state.apply(Action::KeepDraft(reply.clone(), typed("agreed", "")));
        assert!(replying.draft(&reply).is_some());
        assert_eq!(replying.apply(Action::AddReply { note: id, text: "agreed".into() }).draft(&reply), None);
        let article = state.apply(Action::KeepDraft(DraftTarget::Article, typed("", "later")));
        assert!(article.draft(&DraftTarget::Article).is_some());
        let added = article.apply(Action::AddDocumentNote { text: "x".into(), tags: vec!["later".into()] });
        assert_eq!(added.draft(&DraftTarget::Article), None);
    }
}
