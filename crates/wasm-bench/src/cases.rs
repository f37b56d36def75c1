//! Import and re-anchoring cases at 1 MB, built once and then timed in Wasm (`bench/wasm-node.mjs`) and
//! natively (`examples/native.rs`) on identical inputs. The adversarial ones are those of
//! `crates/annotate/benches/reanchor.rs` (same constructions, from the same generator helpers: that bench's
//! `support` module, included by path since benches are no library).
//!
//! Building a case (generating edits, exporting files) is not timed; [`Case::run`] is the measured work.

use sidenote_annotate::anchor::{AnchorStatus, Anchorer, TextTarget};
use sidenote_annotate::model::{Annotations, Note};
use sidenote_annotate::{w3c, Document};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{Extraction, Span};

#[path = "../../annotate/benches/support/mod.rs"]
mod support;
use support::{absent_quotes, short_targets, typo, word_spans, Rng, FILLER};

/// The cases, by number (the order of [`Case::build`]).
pub const NAMES: [&str; 8] = [
    "import (parse + source check + anchor) of 5,000 W3C annotations on the same 1 MB text",
    "import of 5,000 W3C annotations on the 1 MB text after 200 random edits",
    "the page's half of that import: the worker's JSON answer read back and merged",
    "5,000 common-word annotations after a 3 KB shift (1 MB)",
    "500 absent quotes on 200,000 characters",
    "one absent 20,000-character quote on 1 MB",
    "export of 5,000 notes on 1 MB",
    "1,000 annotations after 200 random edits (1 MB)",
];

/// What a case runs on.
enum Work {
    /// Import a W3C file onto a text.
    Import { file: String, text: String },
    /// Merge the worker's answer (JSON) into annotations.
    Merge { answer: String },
    /// Anchor targets on a text.
    Anchor { text: String, targets: Vec<TextTarget> },
    /// Export notes on a document.
    Export { document: Document, annotations: Box<Annotations> },
}

/// One case, ready to run.
pub struct Case {
    work: Work,
}

/// The text repeated to at least 1 MB.
pub fn one_megabyte(unit: &str) -> String {
    let mut big = String::new();
    while big.len() < 1_000_000 {
        big.push_str(unit);
        big.push_str("\n\n");
    }
    big
}

impl Case {
    /// Builds case `number` (see [`NAMES`]) from `unit`, a text repeated to 1 MB; `None` past the last.
    pub fn build(number: usize, unit: &str) -> Option<Case> {
        let mut rng = Rng(0x5eed_1234_abcd_ef01 ^ number as u64);
        let big = one_megabyte(unit);
        let index = OffsetIndex::new(&big);
        let work = match number {
            0 => Work::Import { file: notes_file(&big, &index, 5000, &mut rng), text: big },
            1 => {
                let file = notes_file(&big, &index, 5000, &mut rng);
                Work::Import { file, text: edit(&big, &mut rng, 200) }
            }
            2 => {
                let file = notes_file(&big, &index, 5000, &mut rng);
                let parsed = w3c::parse(&file).ok()?;
                Work::Merge { answer: serde_json::to_string(&w3c::anchor(parsed, &big)).ok()? }
            }
            3 => {
                let targets = common_words(&big, &index, &mut rng);
                let insert = "An editor's note added at the top of the page. ".repeat(64);
                Work::Anchor { text: format!("{insert}{big}"), targets }
            }
            4 => {
                let small: String = big.chars().take(200_000).collect();
                let targets = absent_quotes(&small, &mut rng);
                Work::Anchor { text: small, targets }
            }
            5 => {
                let words: Vec<String> =
                    word_spans(&big).iter().take(40_000).map(|w| w.slice(&big).to_string()).collect();
                let mut long = String::new();
                while long.chars().count() < 20_000 {
                    long.push_str(&typo(&words[rng.below(words.len())], &mut rng));
                    long.push(' ');
                }
                let exact: String = long.chars().take(20_000).collect();
                let target =
                    TextTarget { exact, prefix: String::new(), suffix: String::new(), start: Some(500_000), end: None };
                Work::Anchor { text: big, targets: vec![target] }
            }
            6 => {
                let mut annotations = Annotations::default();
                for (n, target) in common_words(&big, &index, &mut rng).into_iter().enumerate() {
                    let span = target
                        .start
                        .zip(target.end)
                        .and_then(|(s, e)| Some(Span::new(index.char_to_byte(s)?, index.char_to_byte(e)?)));
                    annotations.notes.push(Note {
                        id: format!("note-{n}"),
                        span,
                        target,
                        status: AnchorStatus::Exact,
                        text: format!("note {n}"),
                        tags: vec![],
                        replies: vec![],
                        author: None,
                        replaces: vec![],
                    });
                }
                Work::Export { document: Document::new("big", big), annotations: Box::new(annotations) }
            }
            7 => {
                let targets = short_targets(&big, &index, &mut rng);
                Work::Anchor { text: edit(&big, &mut rng, 200), targets }
            }
            _ => return None,
        };
        Some(Case { work })
    }

    /// Does the measured work; returns what came of it (statuses), so nothing is optimised away and the two
    /// runs can be compared.
    pub fn run(&self) -> String {
        match &self.work {
            Work::Import { file, text } => match w3c::parse(file) {
                Ok(imported) => {
                    let document = Document::new("", text.as_str());
                    let differs = imported.source_check(&document).message().is_some();
                    let anchored = w3c::anchor(imported, text);
                    format!("{}, source differs: {differs}", counts(anchored.counts))
                }
                Err(error) => format!("refused: {error}"),
            },
            Work::Merge { answer } => match serde_json::from_str::<w3c::AnchoredImport>(answer) {
                Ok(anchored) => {
                    let mut annotations = Annotations::default();
                    // Nothing is here yet, so no id of this document's own export to recognise: any URN does.
                    let report = w3c::merge_anchored(&mut annotations, anchored, "", &Default::default());
                    format!("{} notes merged ({})", annotations.notes.len(), counts(report.counts))
                }
                Err(error) => format!("unreadable: {error}"),
            },
            Work::Anchor { text, targets } => {
                let index = OffsetIndex::new(text);
                let anchorer = Anchorer::new(text, &index);
                let mut found = [0usize; 4];
                for target in targets {
                    found[anchorer.anchor(target).status as usize] += 1;
                }
                counts(found)
            }
            Work::Export { document, annotations } => {
                let file = w3c::export(document, &Extraction::default(), annotations);
                format!("{} items", file["total"])
            }
        }
    }
}

fn counts([exact, moved, fuzzy, orphan]: [usize; 4]) -> String {
    format!("exact {exact}, moved {moved}, fuzzy {fuzzy}, orphan {orphan}")
}

/// A W3C file (as Sidenote exports it, text included) of `n` notes on 1–6 words spread over `text`.
fn notes_file(text: &str, index: &OffsetIndex, n: usize, rng: &mut Rng) -> String {
    let starts: Vec<usize> = text.match_indices(' ').map(|(i, _)| i + 1).collect();
    let mut annotations = Annotations::default();
    while annotations.notes.len() < n {
        let first = rng.below(starts.len().saturating_sub(10));
        let last = (first + 1 + rng.below(6)).min(starts.len() - 1);
        let span = Span::new(starts[first], starts[last] - 1);
        // Two spaces in a row make an empty span: no one annotates nothing.
        if span.slice(text).trim().is_empty() {
            continue;
        }
        let number = annotations.notes.len();
        annotations.notes.push(Note {
            id: format!("note-{number}"),
            span: Some(span),
            target: TextTarget::of(text, index, span),
            status: AnchorStatus::Exact,
            text: format!("Note {number} on these words."),
            tags: vec!["bench".into()],
            replies: vec![],
            author: None,
            replaces: vec![],
        });
    }
    w3c::export(&Document::new("bench", text), &Extraction::default(), &annotations).to_string()
}

/// 5,000 annotations on common words ("the", "of", …), as the native bench's first adversarial case.
fn common_words(big: &str, index: &OffsetIndex, rng: &mut Rng) -> Vec<TextTarget> {
    let common = ["the", "of", "and", "to", "in", "a", "said", "that", "is", "for"];
    let occurrences: Vec<Span> =
        word_spans(big).into_iter().filter(|w| common.contains(&w.slice(big).to_lowercase().as_str())).collect();
    (0..5000).map(|_| TextTarget::of(big, index, occurrences[rng.below(occurrences.len())])).collect()
}

/// `edits` random edits of `text`: a word inserted, a word deleted, or a line reflowed.
fn edit(text: &str, rng: &mut Rng, edits: usize) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..edits {
        let spaces: Vec<usize> = (0..chars.len()).filter(|&i| chars[i] == ' ' || chars[i] == '\n').collect();
        if spaces.len() < 3 {
            break;
        }
        let at = spaces[rng.below(spaces.len())];
        match rng.below(3) {
            0 => {
                let word = format!(" {}", FILLER[rng.below(FILLER.len())]);
                chars.splice(at..at, word.chars());
            }
            1 => {
                let end = (at + 1..chars.len()).find(|&i| chars[i] == ' ' || chars[i] == '\n').unwrap_or(chars.len());
                chars.drain(at..end);
            }
            _ => chars[at] = if chars[at] == ' ' { '\n' } else { ' ' },
        }
    }
    chars.into_iter().collect()
}
