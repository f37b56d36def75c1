//! The messages between the app and its worker, and the worker's whole job ([`respond`]): extracting an
//! opened document, reading and anchoring an imported annotation file ([`import`]), and writing the export
//! files — each slow enough on a large or hostile input to freeze the page, so none runs on it.
//!
//! Messages are strings in the app's own compact encoding (`crate::wire`: smaller in the Wasm than derived
//! `serde_json` readers), and a string crosses `postMessage` as one copy. The worker's side is
//! `services::extractor::worker`.
//!
//! A test-only crash: when the page was opened with `?test-panic` the app sets
//! [`ExtractionRequest::allow_test_panic`] (and [`ImportRequest::allow_test_panic`]), and then a text (or an
//! imported file) containing [`TEST_PANIC_SENTINEL`] makes the worker panic, as a bug in the extractor or the
//! importer would. Without the flag the sentinel is ordinary text, so no
//! document can crash the worker on purpose in normal use; and the app survives a worker crash anyway.

use std::borrow::Cow;

use sidenote_annotate::anchor::{AnchorStatus, TextTarget};
use sidenote_annotate::formats::{brat, doccano, label_studio, ReadEntities, SkippedEntry};
use sidenote_annotate::model::{AddedEntity, Decision, DocumentNote, Note, Reply};
use sidenote_annotate::w3c::{AnchoredImport, Imported, ImportedReply, ImportedReview, ImportedSpeaker, Skipped};
use sidenote_annotate::{w3c, Document};
use sidenote_extract::{
    extract_with_hints, Diagnostic, Entity, EntityGroup, EntityKind, Extraction, LineHint, Quote, Span,
};

use crate::exports::{self, ExportFile, ExportFormat};
use crate::wire::{self, put_list, Malformed, Reader, Wire, Writer};
use crate::wire_struct;

/// Private-use characters around a phrase no real text contains (see the module's documentation).
pub const TEST_PANIC_SENTINEL: &str = "\u{E000}sidenote-test-panic\u{E000}";

/// What the app asks the worker: extract this text.
#[derive(Debug)]
pub struct ExtractionRequest<'a> {
    /// Echoed in the answer, so the app can drop answers for a document it no longer shows.
    pub request: u64,
    /// The text.
    pub text: Cow<'a, str>,
    /// Its structure hints when it came from HTML.
    pub hints: Cow<'a, [LineHint]>,
    /// Whether [`TEST_PANIC_SENTINEL`] crashes the worker (only when the page URL has `?test-panic`).
    pub allow_test_panic: bool,
}

/// What the app asks the worker: read an annotation file and anchor it on the open document's text.
#[derive(Debug)]
pub struct ImportRequest<'a> {
    /// Echoed in the answer, so the app can drop answers for an import it no longer waits for.
    pub request: u64,
    /// The annotation file's text.
    pub file: Cow<'a, str>,
    /// What kind of file it is.
    pub format: ImportFormat,
    /// The open document's text, to anchor on and to compare the file's source with.
    pub text: Cow<'a, str>,
    /// The open document's URL, if known (also compared with the file's source).
    pub source_url: Option<String>,
    /// The open document's title, to name it when the file was made for another.
    pub title: Cow<'a, str>,
    /// Whether [`TEST_PANIC_SENTINEL`] in the file crashes the worker (only with `?test-panic`).
    pub allow_test_panic: bool,
}

impl<'a> ImportRequest<'a> {
    /// A request to import `file` onto `document`.
    pub fn onto(
        request: u64,
        file: &'a str,
        format: ImportFormat,
        document: &'a Document,
        allow_test_panic: bool,
    ) -> Self {
        ImportRequest {
            request,
            file: Cow::Borrowed(file),
            format,
            text: Cow::Borrowed(&document.text),
            source_url: document.source_url.clone(),
            title: Cow::Borrowed(&document.title),
            allow_test_panic,
        }
    }
}

/// The annotation files the app imports (chosen by file extension, see `services::files`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    /// W3C Web Annotation or Hypothesis JSON: notes, decisions, entities, anchored by their quotes.
    W3c,
    /// brat standoff `.ann`: entities by offsets, as the user's own.
    Brat,
    /// doccano `.jsonl`: entities by offsets, as the user's own.
    Doccano,
}

/// What the app asks the worker: write the export files of a document and its annotations. A long
/// document's W3C file is tens of megabytes, seconds of work that would freeze the page; the worker makes
/// the files into `Blob`s, which reach the page by reference (`services::extractor`).
#[derive(Debug)]
pub struct ExportRequest<'a> {
    /// Echoed in the answer, so the app knows which export finished.
    pub request: u64,
    /// The format.
    pub format: ExportFormat,
    /// The document's title (it names the files).
    pub title: Cow<'a, str>,
    /// The document's URL, if known (the W3C targets' source).
    pub source_url: Option<String>,
    /// The document's text.
    pub text: Cow<'a, str>,
    /// The suggestions shown on it.
    pub extraction: Cow<'a, Extraction>,
    /// The annotations, as the app stores them (`records::write_annotations`): that writer and its reader
    /// are in the program already, and a stored record is read the same way wherever it comes from.
    pub annotations: Cow<'a, str>,
}

/// Everything the worker can be asked.
#[derive(Debug)]
pub enum WorkerRequest<'a> {
    /// Extract a document.
    Extract(ExtractionRequest<'a>),
    /// Import an annotation file onto a document.
    Import(ImportRequest<'a>),
    /// Write a document's export files.
    Export(ExportRequest<'a>),
}

/// The worker's answer to one request: a message, or an export's files (which the worker posts as `Blob`s,
/// not as a message).
#[derive(Debug, PartialEq)]
pub enum Response {
    /// A [`WorkerMessage`], encoded.
    Message(String),
    /// The files of the export asked for by `request`.
    Files {
        /// The request answered.
        request: u64,
        /// The files, in the order they are downloaded.
        files: Vec<ExportFile>,
    },
}

/// What came of reading and anchoring an annotation file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    /// The file's annotations, anchored on the text and ready to merge.
    Anchored {
        /// The anchored file (its skipped annotations and their reasons included).
        anchored: Box<w3c::AnchoredImport>,
        /// Why the user should be asked before merging, when the file was made for another document.
        differs: Option<String>,
    },
    /// A brat or doccano file's entities, read and checked against the text, ready to add.
    Entities(ReadEntities),
    /// The file is not an annotation file (not JSON, no annotations): nothing can be imported.
    Refused {
        /// Why, as a sentence for the user.
        reason: String,
    },
}

/// The importer's whole job, pure: a W3C file is parsed, its source compared with `document`, and it is
/// anchored on the document's text (the comparison is made here rather than before anchoring, so the app
/// asks its question, if any, once everything is ready: confirming merges at once, and the page never parses
/// the file); a brat or doccano file's entries are read and checked against the text.
pub fn import(file: &str, format: ImportFormat, document: &Document) -> ImportOutcome {
    match format {
        // A Label Studio export is a `.json` too: its regions are entities by offsets, as doccano's.
        ImportFormat::W3c => match label_studio::read(file, &document.text) {
            Some(read) => ImportOutcome::Entities(read),
            None => import_w3c(file, document),
        },
        ImportFormat::Brat => ImportOutcome::Entities(brat::read(file, &document.text)),
        ImportFormat::Doccano => ImportOutcome::Entities(doccano::read(file, &document.text)),
    }
}

fn import_w3c(file: &str, document: &Document) -> ImportOutcome {
    // A file of several pages' annotations brings this page's only, when it has some.
    match w3c::parse_for(file, document.source_url.as_deref()) {
        Ok(imported) => {
            let differs = imported.source_check(document).message();
            let anchored = w3c::anchor(imported, &document.text);
            let differs = differs.map(|question| question + &anchored.landing());
            ImportOutcome::Anchored { anchored: Box::new(anchored), differs }
        }
        Err(error) => ImportOutcome::Refused { reason: error.to_string() },
    }
}

/// What the worker tells the app.
#[derive(Debug, PartialEq)]
pub enum WorkerMessage {
    /// The extractor's output for a request.
    Extracted {
        /// The request answered.
        request: u64,
        /// What the extractor found.
        extraction: Extraction,
    },
    /// The importer's outcome for a request.
    Imported {
        /// The request answered.
        request: u64,
        /// What came of it.
        outcome: ImportOutcome,
    },
    /// An export's files could not be handed to the page (the worker could not make them into `Blob`s).
    ExportFailed {
        /// The request that failed.
        request: u64,
        /// Why.
        reason: String,
    },
    /// The request could not be read (a bug in the app, never the document's fault).
    Unreadable {
        /// What was wrong with it.
        reason: String,
    },
}

/// The worker's answer to one request. Panics only for the test sentinel, when allowed.
pub fn respond(request_message: &str) -> Response {
    let message = match decode_request(request_message) {
        Ok(WorkerRequest::Extract(request)) => {
            test_panic(request.allow_test_panic, &request.text);
            WorkerMessage::Extracted {
                request: request.request,
                extraction: extract_with_hints(&request.text, &request.hints),
            }
        }
        Ok(WorkerRequest::Import(request)) => {
            test_panic(request.allow_test_panic, &request.file);
            let document = Document {
                source_url: request.source_url,
                ..Document::new(request.title.into_owned(), request.text.into_owned())
            };
            WorkerMessage::Imported {
                request: request.request,
                outcome: import(&request.file, request.format, &document),
            }
        }
        Ok(WorkerRequest::Export(request)) => match crate::records::read_annotations(&request.annotations) {
            Ok(record) => {
                let document = Document {
                    source_url: request.source_url,
                    ..Document::new(request.title.into_owned(), request.text.into_owned())
                };
                let files = exports::files(request.format, &document, &request.extraction, &record.annotations);
                return Response::Files { request: request.request, files };
            }
            Err(error) => WorkerMessage::Unreadable { reason: error.to_string() },
        },
        Err(error) => WorkerMessage::Unreadable { reason: error.to_string() },
    };
    Response::Message(wire::encode(&message))
}

/// [`respond`]'s message, for tests of the requests answered by one (all but exports).
#[cfg(test)]
pub fn answer(request_message: &str) -> String {
    match respond(request_message) {
        Response::Message(message) => message,
        Response::Files { .. } => panic!("an export's files are not a message"),
    }
}

/// Crashes the worker, as a bug would, when the page allowed it and `input` holds the sentinel.
fn test_panic(allowed: bool, input: &str) {
    if allowed && input.contains(TEST_PANIC_SENTINEL) {
        panic!("sidenote test panic: the page asked for it with ?test-panic and the input has the sentinel");
    }
}

/// A request as a message for the worker.
pub fn encode_request(request: &WorkerRequest<'_>) -> String {
    let mut out = Writer::new();
    match request {
        WorkerRequest::Extract(ExtractionRequest { request, text, hints, allow_test_panic }) => {
            out.number(0);
            request.put(&mut out);
            out.text(text);
            put_list(hints, &mut out);
            allow_test_panic.put(&mut out);
        }
        WorkerRequest::Import(ImportRequest { request, file, format, text, source_url, title, allow_test_panic }) => {
            out.number(1);
            request.put(&mut out);
            out.text(file);
            format.put(&mut out);
            out.text(text);
            source_url.put(&mut out);
            out.text(title);
            allow_test_panic.put(&mut out);
        }
        WorkerRequest::Export(ExportRequest { request, format, title, source_url, text, extraction, annotations }) => {
            out.number(2);
            request.put(&mut out);
            format.put(&mut out);
            out.text(title);
            source_url.put(&mut out);
            out.text(text);
            extraction.put(&mut out);
            out.text(annotations);
        }
    }
    out.finish()
}

/// Reads a request written by [`encode_request`], borrowing its texts from the message.
pub fn decode_request(message: &str) -> Result<WorkerRequest<'_>, Malformed> {
    let mut input = Reader::new(message);
    let request = match input.number()? {
        0 => WorkerRequest::Extract(ExtractionRequest {
            request: Wire::take(&mut input)?,
            text: Cow::Borrowed(input.text()?),
            hints: Cow::Owned(Wire::take(&mut input)?),
            allow_test_panic: Wire::take(&mut input)?,
        }),
        1 => WorkerRequest::Import(ImportRequest {
            request: Wire::take(&mut input)?,
            file: Cow::Borrowed(input.text()?),
            format: Wire::take(&mut input)?,
            text: Cow::Borrowed(input.text()?),
            source_url: Wire::take(&mut input)?,
            title: Cow::Borrowed(input.text()?),
            allow_test_panic: Wire::take(&mut input)?,
        }),
        2 => WorkerRequest::Export(ExportRequest {
            request: Wire::take(&mut input)?,
            format: Wire::take(&mut input)?,
            title: Cow::Borrowed(input.text()?),
            source_url: Wire::take(&mut input)?,
            text: Cow::Borrowed(input.text()?),
            extraction: Cow::Owned(Wire::take(&mut input)?),
            annotations: Cow::Borrowed(input.text()?),
        }),
        _ => return Err(Malformed),
    };
    input.finish()?;
    Ok(request)
}

/// Reads the worker's answer.
pub fn decode_message(message: &str) -> Result<WorkerMessage, Malformed> {
    wire::decode(message)
}

// The messages' types, field by field (`wire_struct!` checks that every field is listed).
wire_struct!(Span { start, end });
wire_struct!(Entity { span, kind, group });
wire_struct!(EntityGroup { name, kind, mentions });
wire_struct!(Quote { span, speaker, speaker_group });
wire_struct!(Diagnostic { span, message });
wire_struct!(Extraction { body, entities, groups, quotes, diagnostics });
wire_struct!(LineHint { tag, link_density, in_chrome, set_aside });
wire_struct!(TextTarget { exact, prefix, suffix, start, end });
wire_struct!(Reply { id, author, text });
wire_struct!(Note { id, span, target, status, text, tags, replies, author, replaces });
wire_struct!(DocumentNote { id, text, tags, replies, replaces });
wire_struct!(AddedEntity { id, span, target, status, kind });
wire_struct!(ImportedReview { target, machine_kind, decision });
wire_struct!(ImportedSpeaker { target, speaker });
wire_struct!(ImportedReply { parent, reply, position });
wire_struct!(Skipped { position, of, id, reason, count });
wire_struct!(Imported {
    text,
    title,
    source,
    notes,
    document_notes,
    replies,
    added,
    reviews,
    speakers,
    skipped_suggestions,
    skipped,
    total,
    pages,
});
wire_struct!(AnchoredImport { imported, reviews, speakers, counts });
wire_struct!(SkippedEntry { line, reason });
wire_struct!(ReadEntities { found, skipped, notes, notices, counts_tasks });

/// An enum without fields: its variant's index in `all`.
fn put_variant<T: PartialEq>(all: &[T], value: &T, out: &mut Writer) {
    out.number(all.iter().position(|v| v == value).unwrap_or_default() as u64);
}

fn take_variant<T: Copy>(all: &[T], input: &mut Reader<'_>) -> Result<T, Malformed> {
    all.get(input.size()?).copied().ok_or(Malformed)
}

const STATUSES: [AnchorStatus; 4] =
    [AnchorStatus::Exact, AnchorStatus::Moved, AnchorStatus::Fuzzy, AnchorStatus::Orphan];
const FORMATS: [ImportFormat; 3] = [ImportFormat::W3c, ImportFormat::Brat, ImportFormat::Doccano];

impl Wire for EntityKind {
    fn put(&self, out: &mut Writer) {
        put_variant(&EntityKind::ALL, self, out);
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        take_variant(&EntityKind::ALL, input)
    }
}

impl Wire for AnchorStatus {
    fn put(&self, out: &mut Writer) {
        put_variant(&STATUSES, self, out);
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        take_variant(&STATUSES, input)
    }
}

impl Wire for ExportFormat {
    fn put(&self, out: &mut Writer) {
        put_variant(&ExportFormat::ALL, self, out);
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        take_variant(&ExportFormat::ALL, input)
    }
}

impl Wire for ImportFormat {
    fn put(&self, out: &mut Writer) {
        put_variant(&FORMATS, self, out);
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        take_variant(&FORMATS, input)
    }
}

impl Wire for Decision {
    fn put(&self, out: &mut Writer) {
        match self {
            Decision::Accept => out.number(0),
            Decision::Reject => out.number(1),
            Decision::Retag(kind) => {
                out.number(2);
                kind.put(out);
            }
        }
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        match input.number()? {
            0 => Ok(Decision::Accept),
            1 => Ok(Decision::Reject),
            2 => EntityKind::take(input).map(Decision::Retag),
            _ => Err(Malformed),
        }
    }
}

impl Wire for ImportOutcome {
    fn put(&self, out: &mut Writer) {
        match self {
            ImportOutcome::Anchored { anchored, differs } => {
                out.number(0);
                anchored.put(out);
                differs.put(out);
            }
            ImportOutcome::Entities(read) => {
                out.number(1);
                read.put(out);
            }
            ImportOutcome::Refused { reason } => {
                out.number(2);
                reason.put(out);
            }
        }
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        match input.number()? {
            0 => Ok(ImportOutcome::Anchored { anchored: Wire::take(input)?, differs: Wire::take(input)? }),
            1 => ReadEntities::take(input).map(ImportOutcome::Entities),
            2 => Ok(ImportOutcome::Refused { reason: Wire::take(input)? }),
            _ => Err(Malformed),
        }
    }
}

impl Wire for WorkerMessage {
    fn put(&self, out: &mut Writer) {
        match self {
            WorkerMessage::Extracted { request, extraction } => {
                out.number(0);
                request.put(out);
                extraction.put(out);
            }
            WorkerMessage::Imported { request, outcome } => {
                out.number(1);
                request.put(out);
                outcome.put(out);
            }
            WorkerMessage::Unreadable { reason } => {
                out.number(2);
                reason.put(out);
            }
            WorkerMessage::ExportFailed { request, reason } => {
                out.number(3);
                request.put(out);
                reason.put(out);
            }
        }
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        match input.number()? {
            0 => Ok(WorkerMessage::Extracted { request: Wire::take(input)?, extraction: Wire::take(input)? }),
            1 => Ok(WorkerMessage::Imported { request: Wire::take(input)?, outcome: Wire::take(input)? }),
            2 => Ok(WorkerMessage::Unreadable { reason: Wire::take(input)? }),
            3 => Ok(WorkerMessage::ExportFailed { request: Wire::take(input)?, reason: Wire::take(input)? }),
            _ => Err(Malformed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use sidenote_annotate::anchor::AnchorStatus;
    use sidenote_annotate::model::{Annotations, ReviewScope};
    use sidenote_extract::Span;

    fn request(text: &str, allow_test_panic: bool) -> String {
        encode_request(&WorkerRequest::Extract(ExtractionRequest {
            request: 7,
            text: text.into(),
            hints: Cow::Borrowed(&[]),
            allow_test_panic,
        }))
    }

    fn import_request(file: &str, text: &str, allow_test_panic: bool) -> String {
        encode_request(&WorkerRequest::Import(ImportRequest {
            request: 9,
            file: file.into(),
            format: ImportFormat::W3c,
            text: text.into(),
            source_url: None,
            title: "".into(),
            allow_test_panic,
        }))
    }

    const TEXT: &str = "Angela Merkel met Emmanuel Macron in Paris on Monday. They spoke about Europe.";

    /// A W3C file of two notes on [`TEXT`], as Sidenote exports it (with the text, so its source is known).
    fn exported_file() -> String {
        let mut notes = Annotations::default();
        for words in ["Emmanuel Macron", "Europe"] {
            let at = TEXT.find(words).expect("in the text");
            notes.add_note(TEXT, Span::new(at, at + words.len()), format!("on {words}"), vec![]);
        }
        let extraction = sidenote_extract::extract(TEXT);
        w3c::export(&Document::new("t", TEXT), &extraction, &notes).to_string()
    }

    fn imported(reply: &str) -> (u64, ImportOutcome) {
        match decode_message(reply).expect("a valid message") {
            WorkerMessage::Imported { request, outcome } => (request, outcome),
            other => panic!("not an import: {other:?}"),
        }
    }

    /// Where each imported note landed: its words in `text` and how it was found.
    fn placed(outcome: &ImportOutcome, text: &str) -> Vec<(Option<String>, AnchorStatus, String)> {
        let ImportOutcome::Anchored { anchored, .. } = outcome else { panic!("refused: {outcome:?}") };
        let notes = &anchored.imported.notes;
        notes.iter().map(|n| (n.span.map(|s| s.slice(text).to_string()), n.status, n.text.clone())).collect()
    }

    #[test]
    fn an_import_is_answered_with_the_file_anchored_on_the_text() {
        let (request, outcome) = imported(&answer(&import_request(&exported_file(), TEXT, false)));
        assert_eq!(request, 9);
        let expected = [
            (Some("Emmanuel Macron".to_string()), AnchorStatus::Exact, "on Emmanuel Macron".to_string()),
            (Some("Europe".to_string()), AnchorStatus::Exact, "on Europe".to_string()),
        ];
        assert_eq!(placed(&outcome, TEXT), expected);
        let ImportOutcome::Anchored { anchored, differs } = outcome else { unreachable!() };
        assert_eq!(differs, None, "made for this very text");
        assert_eq!(anchored.counts, [2, 0, 0, 0]);
        assert!(anchored.imported.skipped.is_empty());
    }

    #[test]
    fn a_file_for_another_version_is_anchored_and_flagged_as_differing() {
        let edited = format!("Breaking news.\n\n{TEXT}");
        let (_, outcome) = imported(&answer(&import_request(&exported_file(), &edited, false)));
        let words: Vec<Option<String>> = placed(&outcome, &edited).into_iter().map(|(w, ..)| w).collect();
        assert_eq!(words, [Some("Emmanuel Macron".to_string()), Some("Europe".to_string())], "found where they moved");
        let ImportOutcome::Anchored { differs, .. } = outcome else { unreachable!() };
        assert!(differs.is_some_and(|m| m.contains("may land on other words")));
    }

    #[test]
    fn a_brat_file_is_read_on_the_text_with_its_unusable_lines_listed() {
        let ann = "T1\tPERSON 0 13\tAngela Merkel\nR1\tx\nT2\tPLACE 37 42\tParis\n";
        let outcome = import(ann, ImportFormat::Brat, &Document::new("t", TEXT));
        let ImportOutcome::Entities(read) = outcome else { panic!("not entities: {outcome:?}") };
        let found: Vec<(&str, &str)> =
            read.found.iter().map(|e| (e.span.map_or("", |s| s.slice(TEXT)), e.kind.label())).collect();
        assert_eq!(found, [("Angela Merkel", "PERSON"), ("Paris", "PLACE")]);
        assert_eq!(read.skipped.iter().map(|s| s.line).collect::<Vec<_>>(), [2]);
    }

    #[test]
    fn a_file_that_is_not_an_annotation_file_is_refused_with_its_reason() {
        let (_, outcome) = imported(&answer(&import_request("{\"hello\": 1}", TEXT, false)));
        assert!(matches!(&outcome, ImportOutcome::Refused { reason } if reason.contains("not an annotation file")));
    }

    #[test]
    #[should_panic(expected = "sidenote test panic")]
    fn the_sentinel_in_an_imported_file_crashes_the_worker_when_allowed() {
        answer(&import_request(&format!("[{{\"x\": \"{TEST_PANIC_SENTINEL}\"}}]"), TEXT, true));
    }

    #[test]
    fn the_sentinel_in_an_imported_file_is_ordinary_text_unless_allowed() {
        let (_, outcome) = imported(&answer(&import_request(&format!("[\"{TEST_PANIC_SENTINEL}\"]"), TEXT, false)));
        assert!(matches!(outcome, ImportOutcome::Anchored { .. } | ImportOutcome::Refused { .. }));
    }

    #[test]
    fn the_answer_carries_the_request_and_the_extraction() {
        let text = "Angela Merkel met Emmanuel Macron in Paris on Monday.";
        let reply: WorkerMessage = decode_message(&answer(&request(text, false))).expect("a valid message");
        let WorkerMessage::Extracted { request, extraction } = reply else { panic!("not an extraction: {reply:?}") };
        assert_eq!(request, 7);
        assert_eq!(extraction, sidenote_extract::extract(text));
    }

    #[test]
    fn the_sentinel_is_ordinary_text_unless_the_page_allowed_the_test_panic() {
        let text = format!("Angela Merkel {TEST_PANIC_SENTINEL} met Emmanuel Macron.");
        let reply: WorkerMessage = decode_message(&answer(&request(&text, false))).expect("a valid message");
        assert!(matches!(reply, WorkerMessage::Extracted { .. }));
    }

    #[test]
    #[should_panic(expected = "sidenote test panic")]
    fn the_sentinel_crashes_the_worker_when_allowed() {
        answer(&request(&format!("x {TEST_PANIC_SENTINEL} y"), true));
    }

    #[test]
    fn a_malformed_request_is_reported_not_a_crash() {
        let reply: WorkerMessage = decode_message(&answer("{ nope")).expect("a valid message");
        assert!(matches!(reply, WorkerMessage::Unreadable { .. }));
    }

    fn target(exact: &str) -> TextTarget {
        TextTarget {
            exact: exact.into(),
            prefix: "before, ".into(),
            suffix: " «after»".into(),
            start: Some(4),
            end: None,
        }
    }

    fn reply(id: &str) -> Reply {
        Reply { id: id.into(), author: Some("Ann, B.".into()), text: "Agreed,\n2,3".into() }
    }

    /// An import outcome with every field set, each to a value unlike its neighbours'.
    fn full_import() -> ImportOutcome {
        let imported = Imported {
            text: Some("The text, \u{1F600} ü".into()),
            title: None,
            source: Some("https://example.org/a".into()),
            notes: vec![Note {
                id: "n1".into(),
                span: Some(Span::new(3, 9)),
                target: target("words"),
                status: AnchorStatus::Fuzzy,
                text: "a note".into(),
                tags: vec!["t1".into(), String::new()],
                replies: vec![reply("r1"), reply("r2")],
                author: Some("Alice Colleague".into()),
                replaces: vec!["0123456789abcdef".into()],
            }],
            document_notes: vec![DocumentNote {
                id: "d1".into(),
                text: "on the whole".into(),
                tags: vec!["x".into()],
                replies: vec![reply("r3")],
                replaces: vec!["fedcba9876543210".into(), "0000000000000000".into()],
            }],
            replies: vec![ImportedReply { parent: "n0".into(), reply: reply("r4"), position: 17 }],
            added: vec![AddedEntity {
                id: "e1".into(),
                span: None,
                target: target("Paris"),
                status: AnchorStatus::Orphan,
                kind: EntityKind::Place,
            }],
            reviews: vec![
                ImportedReview {
                    target: target("A"),
                    machine_kind: Some(EntityKind::Date),
                    decision: Decision::Accept,
                },
                ImportedReview { target: target("B"), machine_kind: None, decision: Decision::Reject },
                ImportedReview { target: target("C"), machine_kind: None, decision: Decision::Retag(EntityKind::Misc) },
            ],
            speakers: vec![ImportedSpeaker { target: target("said"), speaker: Some("Her".into()) }],
            skipped_suggestions: 5,
            skipped: vec![Skipped { position: 2, of: 30, id: Some("s".into()), reason: "no target".into(), count: 1 }],
            total: 30,
            pages: 2,
        };
        ImportOutcome::Anchored {
            anchored: Box::new(AnchoredImport {
                imported,
                reviews: vec![Some(Span::new(1, 2)), None],
                speakers: vec![None, Some(Span::new(7, 11))],
                counts: [1, 0, 6, 2],
            }),
            differs: Some("made for another version".into()),
        }
    }

    #[test]
    fn every_field_of_an_answer_reads_back_as_written() {
        let extraction = Extraction {
            body: vec![Span::new(0, 120), Span::new(130, 400)],
            entities: vec![Entity { span: Span::new(5, 11), kind: EntityKind::Org, group: 1 }],
            groups: vec![EntityGroup { name: "Acme, Inc.".into(), kind: EntityKind::Person, mentions: 3 }],
            quotes: vec![
                Quote { span: Span::new(20, 40), speaker: Some("Jo".into()), speaker_group: Some(0) },
                Quote { span: Span::new(50, 60), speaker: None, speaker_group: None },
            ],
            diagnostics: vec![
                Diagnostic { span: Some(Span::new(8, 9)), message: "odd".into() },
                Diagnostic { span: None, message: String::new() },
            ],
        };
        let entities = ReadEntities {
            found: vec![AddedEntity {
                id: "b1".into(),
                span: Some(Span::new(0, 4)),
                target: target("Anna"),
                status: AnchorStatus::Exact,
                kind: EntityKind::Person,
            }],
            skipped: vec![SkippedEntry { line: 4, reason: "not an entity".into() }],
            notes: vec![Note {
                id: String::new(),
                span: Some(Span::new(0, 4)),
                target: target("Anna"),
                status: AnchorStatus::Exact,
                text: "brat's note,\twith a tab".into(),
                tags: Vec::new(),
                replies: Vec::new(),
                author: None,
                replaces: Vec::new(),
            }],
            notices: vec!["line 1 was read in UTF-16 units".into()],
            counts_tasks: true,
        };
        let messages = [
            WorkerMessage::Extracted { request: u64::MAX, extraction },
            WorkerMessage::Imported { request: 3, outcome: full_import() },
            WorkerMessage::Imported { request: 4, outcome: ImportOutcome::Entities(entities) },
            WorkerMessage::Imported { request: 5, outcome: ImportOutcome::Refused { reason: "not JSON".into() } },
            WorkerMessage::Unreadable { reason: "why".into() },
            WorkerMessage::ExportFailed { request: 6, reason: "no Blob".into() },
        ];
        for message in messages {
            let written = wire::encode(&message);
            assert_eq!(decode_message(&written), Ok(message));
            assert_eq!(decode_message(&written[..written.len() - 1]), Err(Malformed), "cut short");
        }
    }

    #[test]
    fn every_field_of_a_request_reads_back_as_written() {
        let hints = [
            LineHint { tag: "p".into(), link_density: 0.25, in_chrome: false, set_aside: false },
            LineHint { tag: "nav".into(), link_density: 1.0 / 3.0, in_chrome: true, set_aside: false },
            LineHint { tag: "aside".into(), link_density: 0.5, in_chrome: false, set_aside: true },
        ];
        let extract = WorkerRequest::Extract(ExtractionRequest {
            request: 12,
            text: "Some text, \u{1F600}.".into(),
            hints: Cow::Borrowed(&hints),
            allow_test_panic: true,
        });
        let import = WorkerRequest::Import(ImportRequest {
            request: 13,
            file: "{\"type\": 1}".into(),
            format: ImportFormat::Doccano,
            text: "the text".into(),
            source_url: Some("https://example.org/".into()),
            title: "A “title” 🙂".into(),
            allow_test_panic: false,
        });
        let extraction = sidenote_extract::extract(TEXT);
        let export = WorkerRequest::Export(ExportRequest {
            request: 14,
            format: ExportFormat::Brat,
            title: "A “title” 🙂".into(),
            source_url: None,
            text: TEXT.into(),
            extraction: Cow::Borrowed(&extraction),
            annotations: "{\"format\": 3}".into(),
        });
        for request in [extract, import, export] {
            let written = encode_request(&request);
            let read = decode_request(&written).expect("a request");
            // `Debug` shows every field (and each float exactly enough to tell these apart).
            assert_eq!(format!("{read:?}"), format!("{request:?}"));
            assert!(decode_request(&written[..written.len() - 1]).is_err(), "cut short");
        }
        let written = encode_request(&WorkerRequest::Extract(ExtractionRequest {
            request: 1,
            text: "t".into(),
            hints: Cow::Borrowed(&hints),
            allow_test_panic: false,
        }));
        let Ok(WorkerRequest::Extract(read)) = decode_request(&written) else { panic!("not an extraction") };
        assert_eq!(read.hints.as_ref(), hints, "floats exactly");
    }

    /// Annotations of every kind the export writes, on [`TEXT`].
    fn every_kind_of_annotation(extraction: &Extraction) -> Annotations {
        let mut notes = Annotations::default();
        let span = |words: &str| {
            let at = TEXT.find(words).expect("in the text");
            Span::new(at, at + words.len())
        };
        let note = notes.add_note(TEXT, span("Emmanuel Macron"), "on Macron «é» \u{1F600}".into(), vec!["who".into()]);
        notes.add_reply(&note, Some("Ngozi".into()), "a reply".into());
        notes.edit_note(&note, "on Macron, edited".into(), vec!["who".into(), "edited".into()]);
        notes.add_document_note("on the whole article".into(), vec![]);
        notes.add_entity(TEXT, span("Europe"), EntityKind::Place);
        let first = extraction.entities.first().expect("names in the text");
        notes.review(ReviewScope::Mention { span: first.span, kind: first.kind }, Decision::Reject);
        notes.review(ReviewScope::Entity { name: "Angela Merkel".into(), kind: EntityKind::Person }, Decision::Accept);
        notes.correct_speaker(span("They spoke about Europe"), Some("Angela Merkel".into()));
        notes
    }

    /// The worker writes, from the request the page sends (the annotations as stored), exactly the files the
    /// page would write itself, in every format: the stored form loses nothing an export holds.
    #[test]
    fn the_worker_writes_the_same_export_files_as_the_page() {
        let extraction = sidenote_extract::extract(TEXT);
        let annotations = every_kind_of_annotation(&extraction);
        let document =
            Document { source_url: Some("https://example.org/a".into()), ..Document::new("Talks 🙂", TEXT) };
        let stored = crate::records::write_annotations(&annotations, "").expect("stored");
        for format in ExportFormat::ALL {
            let request = encode_request(&WorkerRequest::Export(ExportRequest {
                request: 21,
                format,
                title: Cow::Borrowed(&document.title),
                source_url: document.source_url.clone(),
                text: Cow::Borrowed(&document.text),
                extraction: Cow::Borrowed(&extraction),
                annotations: Cow::Borrowed(&stored),
            }));
            let on_page = exports::files(format, &document, &extraction, &annotations);
            assert!(on_page.iter().any(|file| file.contents.contains("Macron")), "{format:?} holds the work");
            assert_eq!(respond(&request), Response::Files { request: 21, files: on_page }, "{format:?}");
        }
        let unreadable = encode_request(&WorkerRequest::Export(ExportRequest {
            request: 22,
            format: ExportFormat::W3c,
            title: "t".into(),
            source_url: None,
            text: TEXT.into(),
            extraction: Cow::Borrowed(&extraction),
            annotations: "[]".into(),
        }));
        let Response::Message(message) = respond(&unreadable) else { panic!("files from an unreadable record") };
        assert!(matches!(decode_message(&message), Ok(WorkerMessage::Unreadable { .. })));
    }
}
