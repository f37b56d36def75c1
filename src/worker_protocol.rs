//! The messages between the app and its extractor worker, and the worker's whole job ([`answer`]).
//!
//! Messages are JSON strings: `serde_json` is already in the app, and a string crosses `postMessage` as one
//! copy. The worker's side is `services::extractor::worker`.
//!
//! A test-only crash: when the page was opened with `?test-panic` the app sets
//! [`ExtractionRequest::allow_test_panic`], and then a text containing [`TEST_PANIC_SENTINEL`] makes the
//! worker panic, as a bug in the extractor would. Without the flag the sentinel is ordinary text, so no
//! document can crash the worker on purpose in normal use; and the app survives a worker crash anyway.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
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
    /// The request could not be read (a bug in the app, never the document's fault).
    Unreadable {
        /// What was wrong with it.
        reason: String,
    },
}

/// The worker's answer to one request, as JSON. Panics only for the test sentinel, when allowed.
pub fn answer(request_json: &str) -> String {
    let message = match serde_json::from_str::<ExtractionRequest<'_>>(request_json) {
        Ok(request) => {
            if request.allow_test_panic && request.text.contains(TEST_PANIC_SENTINEL) {
                panic!("sidenote test panic: the page asked for it with ?test-panic and the text has the sentinel");
            }
            WorkerMessage::Extracted {
                request: request.request,
                extraction: extract_with_hints(&request.text, &request.hints),
            }
        }
        Err(error) => WorkerMessage::Unreadable { reason: error.to_string() },
    };
    to_json(&message)
}

/// A message as JSON. Serialising these plain data types cannot fail; if it ever did, the app would
/// see an unreadable message and treat the worker as stopped.
pub fn to_json(message: &impl Serialize) -> String {
    serde_json::to_string(message).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(text: &str, allow_test_panic: bool) -> String {
        to_json(&ExtractionRequest { request: 7, text: text.into(), hints: Cow::Borrowed(&[]), allow_test_panic })
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
