//! The messages between the app and its worker, and the worker's whole job ([`answer`]): extracting an
//! opened document, and reading and anchoring an imported annotation file ([`import`]) — both slow enough on
//! a large or hostile input to freeze the page, so neither runs on it.
//!
//! Messages are JSON strings: `serde_json` is already in the app, and a string crosses `postMessage` as one
//! copy. The worker's side is `services::extractor::worker`.
//!
//! A test-only crash: when the page was opened with `?test-panic` the app sets
//! [`ExtractionRequest::allow_test_panic`] (and [`ImportRequest::allow_test_panic`]), and then a text (or an
//! imported file) containing [`TEST_PANIC_SENTINEL`] makes the worker panic, as a bug in the extractor or the
//! importer would. Without the flag the sentinel is ordinary text, so no
//! document can crash the worker on purpose in normal use; and the app survives a worker crash anyway.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use sidenote_annotate::formats::{brat, doccano, ReadEntities};
use sidenote_annotate::{w3c, Document};
use sidenote_extract::{extract_with_hints, Extraction, LineHint};

/// Private-use characters around a phrase no real text contains (see the module's documentation).
pub const TEST_PANIC_SENTINEL: &str = "\u{E000}sidenote-test-panic\u{E000}";

/// What the app asks the worker: extract this text.
#[derive(Debug, Serialize, Deserialize)]
pub struct ExtractionRequest<'a> {
    /// Echoed in the answer, so the app can drop answers for a document it no longer shows.
    pub request: u64,
    /// The text.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// Its structure hints when it came from HTML.
    pub hints: Cow<'a, [LineHint]>,
    /// Whether [`TEST_PANIC_SENTINEL`] crashes the worker (only when the page URL has `?test-panic`).
    pub allow_test_panic: bool,
}

/// What the app asks the worker: read an annotation file and anchor it on the open document's text.
#[derive(Debug, Serialize, Deserialize)]
pub struct ImportRequest<'a> {
    /// Echoed in the answer, so the app can drop answers for an import it no longer waits for.
    pub request: u64,
    /// The annotation file's text.
    #[serde(borrow)]
    pub file: Cow<'a, str>,
    /// What kind of file it is.
    pub format: ImportFormat,
    /// The open document's text, to anchor on and to compare the file's source with.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// The open document's URL, if known (also compared with the file's source).
    pub source_url: Option<String>,
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
            allow_test_panic,
        }
    }
}

/// The annotation files the app imports (chosen by file extension, see `services::files`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportFormat {
    /// W3C Web Annotation or Hypothesis JSON: notes, decisions, entities, anchored by their quotes.
    W3c,
    /// brat standoff `.ann`: entities by offsets, as the user's own.
    Brat,
    /// doccano `.jsonl`: entities by offsets, as the user's own.
    Doccano,
}

/// Everything the worker can be asked.
#[derive(Debug, Serialize, Deserialize)]
pub enum WorkerRequest<'a> {
    /// Extract a document.
    #[serde(borrow)]
    Extract(ExtractionRequest<'a>),
    /// Import an annotation file onto a document.
    #[serde(borrow)]
    Import(ImportRequest<'a>),
}

/// What came of reading and anchoring an annotation file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
        ImportFormat::W3c => import_w3c(file, document),
        ImportFormat::Brat => ImportOutcome::Entities(brat::read(file, &document.text)),
        ImportFormat::Doccano => ImportOutcome::Entities(doccano::read(file, &document.text)),
    }
}

fn import_w3c(file: &str, document: &Document) -> ImportOutcome {
    match w3c::parse(file) {
        Ok(imported) => {
            let differs = imported.source_check(document).message();
            ImportOutcome::Anchored { anchored: Box::new(w3c::anchor(imported, &document.text)), differs }
        }
        Err(error) => ImportOutcome::Refused { reason: error.to_string() },
    }
}

/// What the worker tells the app.
#[derive(Debug, Serialize, Deserialize)]
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
    /// The request could not be read (a bug in the app, never the document's fault).
    Unreadable {
        /// What was wrong with it.
        reason: String,
    },
}

/// The worker's answer to one request, as JSON. Panics only for the test sentinel, when allowed.
pub fn answer(request_json: &str) -> String {
    let message = match serde_json::from_str::<WorkerRequest<'_>>(request_json) {
        Ok(WorkerRequest::Extract(request)) => {
            test_panic(request.allow_test_panic, &request.text);
            WorkerMessage::Extracted {
                request: request.request,
                extraction: extract_with_hints(&request.text, &request.hints),
            }
        }
        Ok(WorkerRequest::Import(request)) => {
            test_panic(request.allow_test_panic, &request.file);
            let document = Document { source_url: request.source_url, ..Document::new("", request.text.into_owned()) };
            WorkerMessage::Imported {
                request: request.request,
                outcome: import(&request.file, request.format, &document),
            }
        }
        Err(error) => WorkerMessage::Unreadable { reason: error.to_string() },
    };
    to_json(&message)
}

/// Crashes the worker, as a bug would, when the page allowed it and `input` holds the sentinel.
fn test_panic(allowed: bool, input: &str) {
    if allowed && input.contains(TEST_PANIC_SENTINEL) {
        panic!("sidenote test panic: the page asked for it with ?test-panic and the input has the sentinel");
    }
}

/// A message as JSON. Serialising these plain data types cannot fail; if it ever did, the app would
/// see an unreadable message and treat the worker as stopped.
pub fn to_json(message: &impl Serialize) -> String {
    serde_json::to_string(message).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    use sidenote_annotate::anchor::AnchorStatus;
    use sidenote_annotate::model::Annotations;
    use sidenote_extract::Span;

    fn request(text: &str, allow_test_panic: bool) -> String {
        to_json(&WorkerRequest::Extract(ExtractionRequest {
            request: 7,
            text: text.into(),
            hints: Cow::Borrowed(&[]),
            allow_test_panic,
        }))
    }

    fn import_request(file: &str, text: &str, allow_test_panic: bool) -> String {
        to_json(&WorkerRequest::Import(ImportRequest {
            request: 9,
            file: file.into(),
            format: ImportFormat::W3c,
            text: text.into(),
            source_url: None,
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
        match serde_json::from_str(reply).expect("valid JSON") {
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
        let reply: WorkerMessage = serde_json::from_str(&answer(&request(text, false))).expect("valid JSON");
        let WorkerMessage::Extracted { request, extraction } = reply else { panic!("not an extraction: {reply:?}") };
        assert_eq!(request, 7);
        assert_eq!(extraction, sidenote_extract::extract(text));
    }

    #[test]
    fn the_sentinel_is_ordinary_text_unless_the_page_allowed_the_test_panic() {
        let text = format!("Angela Merkel {TEST_PANIC_SENTINEL} met Emmanuel Macron.");
        let reply: WorkerMessage = serde_json::from_str(&answer(&request(&text, false))).expect("valid JSON");
        assert!(matches!(reply, WorkerMessage::Extracted { .. }));
    }

    #[test]
    #[should_panic(expected = "sidenote test panic")]
    fn the_sentinel_crashes_the_worker_when_allowed() {
        answer(&request(&format!("x {TEST_PANIC_SENTINEL} y"), true));
    }

    #[test]
    fn a_malformed_request_is_reported_not_a_crash() {
        let reply: WorkerMessage = serde_json::from_str(&answer("{ nope")).expect("valid JSON");
        assert!(matches!(reply, WorkerMessage::Unreadable { .. }));
    }
}
