//! The files NLP researchers feed their tools, made from the reviewed entities (accepted, retagged and
//! added ones; rejected and unreviewed suggestions left out: these files are training and evaluation data,
//! so they hold only what a person confirmed), and the notes as a spreadsheet.
//!
//! - `brat.rs`: brat standoff, a `.txt` and an `.ann` (`T1<TAB>PERSON 0 13<TAB>Sergei Lavrov`); imported back.
//! - `doccano.rs`: doccano JSONL (`{"text": …, "label": [[0, 13, "PERSON"]]}`); imported back.
//! - `label_studio.rs`: Label Studio JSON (tasks with `data.text` and `annotations` of `labels` results, offsets in
//!   code points, as Label Studio counts since 2021; its earlier versions' UTF-16 units are read too); imported
//!   back, and its JSON_MIN form read.
//! - `conll.rs`: CoNLL-2003 style BIO tokens (`Lavrov<TAB>B-PER`, a blank line between sentences); export
//!   only, since tokens lose the text's exact spacing.
//! - `csv.rs`: notes as CSV (RFC 4180, UTF-8 with a byte-order mark, CRLF line ends).
//!
//! Offsets in brat are **code points** (Unicode scalar values), as brat counts them (Python strings), and as
//! W3C selectors do: "🙂 Lavrov" puts Lavrov at 2, not at 5 (UTF-8 bytes) or 3 (UTF-16 units). doccano's are
//! **UTF-16 units** (3 there), as doccano counts them (its browser client's; doccano/doccano#2290).

pub mod brat;
pub mod conll;
pub mod csv;
pub mod doccano;
pub mod label_studio;

use std::fmt;

use serde::{Deserialize, Serialize};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{EntityKind, Extraction, Span};

use crate::anchor::{AnchorStatus, TextTarget};
use crate::last_by_key::LastByKey;
use crate::model::{AddedEntity, Annotations, Decision, Note, Provenance, Review, ReviewScope, ShownEntity};

/// The entities a person confirmed, in reading order: accepted (possibly retagged) suggestions and added
/// entities, as the article shows them (the model's `shown_entities`), without unreviewed suggestions.
pub fn reviewed_entities(extraction: &Extraction, annotations: &Annotations) -> Vec<ShownEntity> {
    let mut shown = annotations.shown_entities(extraction);
    shown.retain(|e| e.provenance != Provenance::Suggested);
    shown
}

/// An entity kind from a label in a file: Sidenote's own (`PERSON`) or the common short forms of other
/// tools and corpora (`PER`, `LOC`, `GPE`, …).
pub fn kind_from_label(label: &str) -> Option<EntityKind> {
    EntityKind::from_label(label).or_else(|| match label.to_ascii_uppercase().as_str() {
        "PER" | "PERS" => Some(EntityKind::Person),
        // spaCy's (OntoNotes) facilities are places, its products, events, works and laws other names, as the
        // guideline counts them; its NORP (nationalities, mostly demonyms) and LANGUAGE are no entities here.
        "LOC" | "GPE" | "LOCATION" | "FAC" => Some(EntityKind::Place),
        "ORGANIZATION" | "ORGANISATION" => Some(EntityKind::Org),
        "TIME" => Some(EntityKind::Date),
        "PRODUCT" | "EVENT" | "WORK_OF_ART" | "LAW" => Some(EntityKind::Misc),
        _ => None,
    })
}

/// What importing a brat or doccano file did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntityImport {
    /// Ids of the entities added (as a person's own entities).
    pub added: Vec<String>,
    /// Unreviewed suggestions on the same words with the same kind as the file's entities: accepted.
    pub accepted: usize,
    /// Entries that were not imported, each with its line and reason.
    pub skipped: Vec<SkippedEntry>,
    /// Entities that were here already, on the same words with the same kind (the file imported before).
    pub already_here: usize,
    /// Notes added on entities' words (brat's `AnnotatorNotes`).
    pub notes: usize,
    /// How the file was read where it departs from its format ([`ReadEntities::notices`]).
    pub notices: Vec<String>,
    /// Whether each skipped entry's `line` is a Label Studio task ([`ReadEntities::counts_tasks`]).
    pub counts_tasks: bool,
}

/// The entities of a brat or doccano file, read and checked against the text but not yet added: the slow
/// half of an entity import (reading every entry, finding its words and their context), which the app runs in
/// its worker; [`add_read`] is the quick half.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ReadEntities {
    /// The entities in file order (their `id` empty until added).
    pub found: Vec<AddedEntity>,
    /// Entries that were not usable, each with its line and reason.
    pub skipped: Vec<SkippedEntry>,
    /// Notes the file makes on entities' words (brat's `AnnotatorNotes`), their `id` empty until added.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// How the file was read where it departs from its format (offsets counted in UTF-16 units), for the summary.
    #[serde(default)]
    pub notices: Vec<String>,
    /// Whether each skipped entry's `line` is a task of a Label Studio file (its id there, else its place in the
    /// file), which has no lines a user could look up: the summary then says "task 3", not "line 3".
    #[serde(default)]
    pub counts_tasks: bool,
}

impl ReadEntities {
    /// Entities found on `text` (their words and context taken from it, the text indexed once).
    fn on(text: &str, found: &[(Span, EntityKind)], skipped: Vec<SkippedEntry>) -> Self {
        Self::with_notes(text, found, &[], skipped)
    }

    /// Entities and notes (`(span, text)`) found on `text`.
    fn with_notes(
        text: &str,
        found: &[(Span, EntityKind)],
        notes: &[(Span, String)],
        skipped: Vec<SkippedEntry>,
    ) -> Self {
        let index = OffsetIndex::new(text);
        let notes = notes
            .iter()
            .map(|(span, body)| Note {
                id: String::new(),
                span: Some(*span),
                target: TextTarget::of(text, &index, *span),
                status: AnchorStatus::Exact,
                text: body.clone(),
                tags: Vec::new(),
                replies: Vec::new(),
                author: None,
                replaces: Vec::new(),
            })
            .collect();
        let found = found
            .iter()
            .map(|&(span, kind)| AddedEntity {
                id: String::new(),
                span: Some(span),
                target: TextTarget::of(text, &index, span),
                status: AnchorStatus::Exact,
                kind,
            })
            .collect();
        ReadEntities { found, skipped, notes, notices: Vec::new(), counts_tasks: false }
    }
}

/// Adds read entities as the user's own, as one `add_entity` after another would (every entry gets an id; an
/// entity on the same words as an earlier one, in the file or already added, replaces it), in linear time
/// however large the file. An entity the article already shows as confirmed (accepted, or added) on the same
/// words with the same kind is here already; one an unreviewed suggestion of `extraction` already names is
/// accepted rather than added over it: a colleague's file of what they confirmed, imported after their W3C
/// file, would otherwise make a second copy of every entity it holds (and count them as new).
pub fn add_read(annotations: &mut Annotations, read: ReadEntities, extraction: &Extraction) -> EntityImport {
    let shown = annotations.shown_entities(extraction);
    // Where the article shows an entity on these words with this kind, found by halves (in span order).
    let shown_at = |e: &AddedEntity| {
        let span = e.span?;
        let from = shown.partition_point(|s| s.span < span);
        shown[from..].iter().take_while(|s| s.span == span).position(|s| s.kind == e.kind).map(|at| from + at)
    };
    let here = LastByKey::of(annotations.added.iter().enumerate().map(|(i, e)| (e.span, i)));
    // Flags, not a list: a suggestion the file names twice is accepted once, with no set or sort to dedupe.
    let mut accepting = vec![false; shown.len()];
    let (mut same, mut found) = (0, Vec::new());
    for entity in read.found {
        let added_here = here.get(&entity.span).is_some_and(|&i| annotations.added[i].kind == entity.kind);
        match shown_at(&entity) {
            _ if added_here => same += 1,
            Some(at) if shown[at].provenance != Provenance::Suggested => same += 1,
            Some(at) => accepting[at] = true,
            None => found.push(entity),
        }
    }
    let last = LastByKey::of(found.iter().enumerate().map(|(i, e)| (e.span, i)));
    // The spans being replaced are the map's keys: no set of its own (one more hash table type in the Wasm).
    annotations.added.retain(|a| !last.contains_key(&a.span));
    let mut added = Vec::with_capacity(found.len());
    for (i, mut entity) in found.into_iter().enumerate() {
        entity.id = annotations.fresh_id("entity");
        added.push(entity.id.clone());
        if last.get(&entity.span) == Some(&i) {
            annotations.added.push(entity);
        }
    }
    let mut accepted = 0;
    for (entity, _) in shown.iter().zip(accepting).filter(|(_, accept)| *accept) {
        let scope = ReviewScope::Mention { span: entity.span, kind: entity.kind };
        annotations.reviews.push(Review { scope, decision: Decision::Accept });
        accepted += 1;
    }
    // Notes on the words, unless the same note is here already (the file imported before; compared as brat
    // writes a note, on one line). Keys are strings: no map type of their own in the Wasm.
    let note_key = |span: Option<Span>, text: &str| {
        let at = span.map_or_else(String::new, |s| format!("{} {}", s.start, s.end));
        format!("{at}\u{1}{}", brat::one_line(text))
    };
    let notes_here = LastByKey::of(annotations.notes.iter().enumerate().map(|(at, n)| (note_key(n.span, &n.text), at)));
    let mut notes = 0;
    for mut note in read.notes {
        if notes_here.contains_key(&note_key(note.span, &note.text)) {
            continue;
        }
        note.id = annotations.fresh_id("note");
        annotations.notes.push(note);
        notes += 1;
    }
    EntityImport {
        added,
        accepted,
        skipped: read.skipped,
        already_here: same,
        notes,
        notices: read.notices,
        counts_tasks: read.counts_tasks,
    }
}

/// An entry of an imported file that was not used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedEntry {
    /// Its line in the file (1-based).
    pub line: usize,
    /// Why.
    pub reason: String,
}

impl fmt::Display for SkippedEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

impl EntityImport {
    /// A sentence for the user: "Imported 12 entities; 1 skipped (line 4: …)." A file whose entities were all
    /// here says so rather than "Imported 0 entities".
    pub fn summary(&self) -> String {
        let n = self.added.len() + self.accepted;
        let entities = |n: usize| format!("{n} {}", if n == 1 { "entity" } else { "entities" });
        let mut out = if n + self.notes == 0 && self.already_here > 0 {
            let were = if self.already_here == 1 { "was" } else { "were" };
            format!("Nothing new was imported: the file's {} {were} already here", entities(self.already_here))
        } else {
            let mut out = format!("Imported {}", entities(n));
            if self.accepted > 0 {
                out.push_str(&format!(" ({} of them suggestions here, now accepted)", self.accepted));
            }
            if self.notes > 0 {
                out.push_str(&format!(" and {} {}", self.notes, if self.notes == 1 { "note" } else { "notes" }));
            }
            if self.already_here > 0 {
                out.push_str(&format!("; {} already here, not added again", self.already_here));
            }
            out
        };
        if !self.skipped.is_empty() {
            // Each reason once, with its lines (runs as ranges), the first few reasons listed and the lines of
            // the others counted: "12 skipped" once named lines 1–3 alone, the same reason twice.
            const LISTED: usize = 3;
            let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
            let mut group_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
            for entry in &self.skipped {
                let group = *group_of.entry(&entry.reason).or_insert_with(|| {
                    groups.push((&entry.reason, Vec::new()));
                    groups.len() - 1
                });
                groups[group].1.push(entry.line);
            }
            let mut reasons: Vec<String> = groups
                .iter_mut()
                .take(LISTED)
                .map(|(reason, lines)| {
                    lines.sort_unstable();
                    lines.dedup();
                    let which = match (self.counts_tasks, lines.len()) {
                        (true, 1) => "task",
                        (true, _) => "tasks",
                        (false, 1) => "line",
                        (false, _) => "lines",
                    };
                    format!("{which} {}: {reason}", crate::w3c::import::ranges(lines.iter().copied()))
                })
                .collect();
            let more: usize = groups.iter().skip(LISTED).map(|(_, lines)| lines.len()).sum();
            if more > 0 {
                reasons.push(format!("and {more} more"));
            }
            out.push_str(&format!("; {} skipped ({})", self.skipped.len(), reasons.join("; ")));
        }
        for notice in &self.notices {
            out.push_str("; ");
            out.push_str(notice);
        }
        out.push('.');
        out
    }
}

/// Code-point offsets of a byte span.
fn char_span(index: &OffsetIndex, span: Span) -> (usize, usize) {
    (index.byte_to_char(span.start).unwrap_or(0), index.byte_to_char(span.end).unwrap_or(0))
}

/// The byte span of code-point offsets, if they are within the text and in order.
fn byte_span(index: &OffsetIndex, start: usize, end: usize) -> Option<Span> {
    match (index.char_to_byte(start), index.char_to_byte(end)) {
        (Some(s), Some(e)) if s < e => Some(Span::new(s, e)),
        _ => None,
    }
}

/// Whether `span` of `text` starts or ends inside a word (a letter or digit on both sides of its edge): where
/// no annotator puts a name's edge, and where offsets counted in another unit land.
fn cuts_a_word(text: &str, span: Span) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let (before, after) = (text.get(..span.start).unwrap_or(""), text.get(span.end..).unwrap_or(""));
    let words = span.slice(text);
    word(before.chars().next_back()) && word(words.chars().next())
        || word(words.chars().next_back()) && word(after.chars().next())
}

/// Why `span` of `text` cannot be an entity because an edge falls inside one character as a reader sees it: where
/// the CoNLL export keeps two characters in one token (`conll::joins_symbol`: a joiner, a variation selector, a
/// skin tone, a tag, a flag's second half), or before a combining mark (`é` written as `e` and an accent).
/// Highlighted, it drew half an emoji (a prober's brat file). `None` when both edges are between characters.
fn cuts_a_character(text: &str, span: Span) -> Option<String> {
    let combining = |c: char| matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0xE0100..=0xE01EF);
    let inside = |at: usize| {
        let before = text.get(..at).and_then(|before| before.chars().next_back());
        let after = text.get(at..).and_then(|rest| rest.chars().next());
        match (before, after) {
            (Some(before), Some(after)) => conll::joins_symbol(before, after) || combining(after),
            _ => false,
        }
    };
    (inside(span.start) || inside(span.end)).then(|| {
        format!(
            "has offsets that cut a character in two ({:?}: an emoji or a letter and its accent): not put on part of it",
            span.slice(text)
        )
    })
}

/// The entries of a file (span, kind, line) less those marking the same words as another with another kind
/// (`T1 Person 0 5`, `T2 Organization 0 5`): one entity stands on a span here, and the order of the lines is no
/// reason to choose. The kind first in display order (PERSON, ORG, PLACE, DATE, MISC) is kept whatever the
/// order, and each other named as a conflict; the same kind twice is one entity. `entry` names what the third
/// number counts: a "line" (brat, doccano) or a "task" (Label Studio).
fn without_conflicts(
    mut found: Vec<(Span, EntityKind, usize)>,
    skipped: &mut Vec<SkippedEntry>,
    entry: &str,
) -> Vec<(Span, EntityKind)> {
    sidenote_extract::sort_stable_by(&mut found, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut kept: Vec<(Span, EntityKind, usize)> = Vec::with_capacity(found.len());
    for (span, kind, line) in found {
        match kept.last() {
            Some(&(at, same, _)) if at == span && same == kind => {}
            Some(&(at, other, first)) if at == span => skipped.push(SkippedEntry {
                line,
                reason: format!(
                    "marks the same words as {entry} {first}, as {} where that {entry} says {}: a conflict, {} kept",
                    kind.label(),
                    other.label(),
                    other.label()
                ),
            }),
            _ => kept.push((span, kind, line)),
        }
    }
    // Back in file order, as the entries were read.
    sidenote_extract::sort_stable_by(&mut kept, |a, b| a.2.cmp(&b.2));
    kept.into_iter().map(|(span, kind, _)| (span, kind)).collect()
}

/// How a file's copy of the text, `file_text`, holds the open `text`: `Some(None)` the same, `Some(Some(ends))`
/// with Windows line ends (`\r\n`, which Sidenote reads as `\n`; `ends` moves offsets counting each `\r`),
/// `None` another text.
fn held_text(file_text: &str, text: &str) -> Option<Option<CountedTwice>> {
    if file_text == text {
        Some(None)
    } else if file_text.len() == text.len() + text.matches('\n').count() && file_text.replace("\r\n", "\n") == text {
        Some(Some(CountedTwice::windows_line_ends(text)))
    } else {
        None
    }
}

/// Offsets a tool counted in units of which some characters take two: a text with Windows line ends (`\r\n`),
/// as the file it read held them, while Sidenote reads every line end as `\n` (brat's and doccano's files made
/// on such a text would otherwise miss every entity after the first line); or UTF-16 code units, as JavaScript
/// counts, where a character beyond the Basic Multilingual Plane (an emoji, `𝔘`) takes two.
struct CountedTwice {
    /// The code point offset of every character counted twice, in the text as Sidenote holds it.
    doubled: Vec<usize>,
}

impl CountedTwice {
    /// Whether no character is counted twice (the offsets are the same either way).
    fn is_empty(&self) -> bool {
        self.doubled.is_empty()
    }

    /// The text's `\n`, each a `\r\n` in the file.
    fn windows_line_ends(text: &str) -> Self {
        Self::of(text, |c| c == '\n')
    }

    /// The text's characters beyond the BMP, each two UTF-16 units.
    fn utf16(text: &str) -> Self {
        Self::of(text, |c| c > '\u{FFFF}')
    }

    fn of(text: &str, twice: fn(char) -> bool) -> Self {
        CountedTwice { doubled: text.chars().enumerate().filter(|&(_, c)| twice(c)).map(|(at, _)| at).collect() }
    }

    /// Offset `at` in the file's units, as a code point of the text held; `None` inside a character counted
    /// twice (between a `\r` and its `\n`, between two UTF-16 surrogates). The first unit of character `k`
    /// counted twice stands at `doubled[k] + k` there.
    fn offset(&self, at: usize) -> Option<usize> {
        // How many characters counted twice stand before `at`: a search by halves on the increasing `doubled[k] + k`.
        let (mut low, mut high) = (0, self.doubled.len());
        while low < high {
            let middle = low + (high - low) / 2;
            if self.doubled[middle] + middle < at {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        let inside = low.checked_sub(1).is_some_and(|k| self.doubled[k] + k + 1 == at);
        (!inside).then(|| at - low)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    /// brat's and doccano's files made on the text with Windows line ends (offsets counting each `\r`, doccano's
    /// `text` holding them) land on the text Sidenote holds with `\n` (a prober's CRLF files lost every entity);
    /// a file made on the text held reads as before, and one made on another text is still refused.
    #[test]
    fn brat_and_doccano_files_made_on_windows_line_ends_land_on_the_same_words() {
        let text = "Sergei Lavrov arrived.\nHe met Angela Merkel\nin Berlin on Monday.\n";
        let names = [("Sergei Lavrov", "PER"), ("Angela Merkel", "PER"), ("Berlin", "LOC")];
        for line_end in ["\n", "\r\n"] {
            let file_text = text.replace('\n', line_end);
            let offsets = |words: &str| {
                let at = file_text.find(words).map_or(0, |at| file_text[..at].chars().count());
                (at, at + words.chars().count())
            };
            let ann: String = names
                .iter()
                .enumerate()
                .map(|(k, (words, label))| {
                    let (start, end) = offsets(words);
                    format!("T{}\t{label} {start} {end}\t{words}\n", k + 1)
                })
                .collect();
            let labels: Vec<serde_json::Value> = names
                .iter()
                .map(|(words, label)| {
                    let (start, end) = offsets(words);
                    serde_json::json!([start, end, label])
                })
                .collect();
            let jsonl = serde_json::json!({ "text": file_text, "label": labels }).to_string();
            for (format, read) in
                [("brat", super::brat::read(&ann, text)), ("doccano", super::doccano::read(&jsonl, text))]
            {
                assert!(read.skipped.is_empty(), "{format} {line_end:?}: {:?}", read.skipped);
                let words: Vec<&str> = read.found.iter().filter_map(|e| e.span.map(|s| s.slice(text))).collect();
                assert_eq!(words, ["Sergei Lavrov", "Angela Merkel", "Berlin"], "{format} {line_end:?}");
            }
        }
        let other = serde_json::json!({ "text": "Another text.\r\n", "label": [[0, 7, "PER"]] }).to_string();
        assert_eq!(super::doccano::read(&other, text).skipped.len(), 1);
    }

    #[test]
    fn offsets_on_windows_line_ends_are_moved_to_the_text_sidenote_holds() {
        let text = "ab\ncd\n\n😀e";
        let windows = text.replace('\n', "\r\n");
        let ends = super::CountedTwice::windows_line_ends(text);
        let chars: Vec<char> = windows.chars().collect();
        let held: Vec<char> = text.chars().collect();
        for at in 0..=chars.len() {
            let expected = match chars.get(at.wrapping_sub(1)) {
                // Right after a `\r`: between it and its `\n`, no offset of the text held.
                Some('\r') => None,
                _ => Some(chars[..at].iter().filter(|&&c| c != '\r').count()),
            };
            assert_eq!(ends.offset(at), expected, "{at}");
            if let Some(held_at) = expected {
                assert_eq!(held.get(held_at), chars.get(at).filter(|&&c| c != '\r').or(chars.get(at + 1)), "{at}");
            }
        }
    }

    use std::collections::BTreeSet;

    use super::*;
    use crate::model::{Decision, ReviewScope};
    use crate::Document;

    /// The sample article with reviews of every kind: accepted, retagged, rejected, added.
    pub(crate) fn reviewed_sample() -> (Document, Extraction, Annotations) {
        let text = include_str!("../../../../assets/rferl-lavrov-inf.txt");
        let extraction = sidenote_extract::extract(text);
        let mut set = Annotations::default();
        for (n, mention) in extraction.entities.iter().enumerate().take(12) {
            let decision = match n % 4 {
                0 | 1 => Decision::Accept,
                2 => Decision::Retag(EntityKind::Misc),
                _ => Decision::Reject,
            };
            set.review(ReviewScope::Mention { span: mention.span, kind: mention.kind }, decision);
        }
        let start = text.find("9M729").unwrap_or(0);
        set.add_entity(text, Span::new(start, start + "9M729".len()), EntityKind::Misc);
        (Document::new("Lavrov", text), extraction, set)
    }

    /// The reviewed entities as (words, kind), to compare sets made different ways.
    pub(crate) fn entity_set(
        text: &str,
        extraction: &Extraction,
        annotations: &Annotations,
    ) -> BTreeSet<(Span, String, EntityKind)> {
        reviewed_entities(extraction, annotations)
            .iter()
            .map(|e| (e.span, e.span.slice(text).to_string(), e.kind))
            .collect()
    }

    #[test]
    fn only_reviewed_entities_are_exported() {
        let (doc, extraction, annotations) = reviewed_sample();
        let reviewed = reviewed_entities(&extraction, &annotations);
        let rejected = extraction.entities.iter().enumerate().take(12).filter(|(n, _)| n % 4 == 3).count();
        assert_eq!(reviewed.len(), 12 - rejected + 1, "accepted, retagged and added; not rejected nor unreviewed");
        assert!(reviewed.iter().any(|e| e.provenance == Provenance::Added && e.span.slice(&doc.text) == "9M729"));
        assert!(reviewed.iter().all(|e| e.provenance != Provenance::Suggested));
        assert!(extraction.entities.len() > 12, "the sample has unreviewed suggestions to leave out");
    }

    /// A colleague's brat file of what they confirmed, imported where their W3C file (the same decisions) was
    /// imported before, changes nothing and says so; imported on the bare suggestions, it accepts the ones it
    /// names instead of adding a copy over each (a W3C export would hold both), and again adds nothing.
    #[test]
    fn a_brat_file_of_entities_already_here_adds_nothing_and_accepts_suggestions() {
        let (doc, extraction, colleague) = reviewed_sample();
        let (_, ann) = brat::export(&doc, &extraction, &colleague);
        let confirmed = reviewed_entities(&extraction, &colleague).len();
        let mut here = colleague.clone();
        let report = add_read(&mut here, brat::read(&ann, &doc.text), &extraction);
        assert_eq!(here, colleague, "nothing added nor decided");
        assert_eq!((report.added.len(), report.accepted, report.already_here), (0, 0, confirmed));
        assert_eq!(
            report.summary(),
            format!("Nothing new was imported: the file's {confirmed} entities were already here.")
        );
        let mut bare = Annotations::default();
        let report = add_read(&mut bare, brat::read(&ann, &doc.text), &extraction);
        assert_eq!(entity_set(&doc.text, &extraction, &bare), entity_set(&doc.text, &extraction, &colleague));
        // An entity a suggestion here names (words and kind) is accepted; one no suggestion names (retagged by
        // the colleague, say) is added with its kind.
        let suggested =
            |e: &AddedEntity| extraction.entities.iter().any(|m| (Some(m.span), m.kind) == (e.span, e.kind));
        assert!(bare.added.iter().all(|e| !suggested(e)), "no copy over a suggestion");
        assert_eq!((report.added.len() + report.accepted, bare.added.len()), (confirmed, report.added.len()));
        assert!(report.accepted >= 6, "{report:?}");
        assert!(report.summary().contains(" of them suggestions here, now accepted"), "{}", report.summary());
        let before = bare.clone();
        let again = add_read(&mut bare, brat::read(&ann, &doc.text), &extraction);
        assert_eq!((bare, again.already_here), (before, confirmed));
    }

    #[test]
    fn labels_of_other_tools_are_understood() {
        let cases = [
            ("PERSON", Some(EntityKind::Person)),
            ("per", Some(EntityKind::Person)),
            ("GPE", Some(EntityKind::Place)),
            ("LOC", Some(EntityKind::Place)),
            ("Organization", Some(EntityKind::Org)),
            ("FAC", Some(EntityKind::Place)),
            ("work_of_art", Some(EntityKind::Misc)),
            ("LAW", Some(EntityKind::Misc)),
            ("NORP", None),
            ("LANGUAGE", None),
            ("ANIMAL", None),
        ];
        for (label, kind) in cases {
            assert_eq!(kind_from_label(label), kind, "{label}");
        }
    }
}

#[cfg(test)]
mod read_tests {
    use super::*;

    #[test]
    fn an_entity_edge_inside_one_character_as_read_is_refused() {
        let text = "Families 👩\u{200D}👩\u{200D}👧 met Jose\u{301} and 👍\u{1F3FD} Zoë in Tōkyō 🇳🇴.";
        let at = |words: &str| text.find(words).map(|s| Span::new(s, s + words.len())).expect("in the text");
        let cases = [
            // The family emoji cut after its first person, and before its joiner's partner.
            (at("👩"), true),
            (Span::new(at("👩").start, at("👧").start), true),
            (at("👩\u{200D}👩\u{200D}👧"), false),
            // A letter cut before its combining accent; with it, whole.
            (at("Jose"), true),
            (at("Jose\u{301}"), false),
            // A thumb without its skin tone.
            (at("👍"), true),
            (at("👍\u{1F3FD}"), false),
            // A flag cut between its two regional indicators.
            (Span::new(at("🇳🇴").start, at("🇳🇴").start + "🇳".len()), true),
            (at("🇳🇴"), false),
            // Precomposed letters are one character each.
            (at("Zoë"), false),
            (at("Tōkyō"), false),
        ];
        for (span, cut) in cases {
            assert_eq!(cuts_a_character(text, span).is_some(), cut, "{:?}", span.slice(text));
        }
        let ann = format!(
            "T1\tMISC 9 10\t👩\nT2\tPERSON {} {}\tJose",
            text[..at("Jose").start].chars().count(),
            text[..at("Jose").end].chars().count()
        );
        let read = brat::read(&ann, text);
        assert!(read.found.is_empty(), "{:?}", read.found);
        let reasons: Vec<&str> = read.skipped.iter().map(|s| s.reason.as_str()).collect();
        assert_eq!(reasons.len(), 2);
        assert!(reasons.iter().all(|r| r.contains("cut a character in two")), "{reasons:?}");
        let line = serde_json::json!({"text": text, "label": [[9, 10, "MISC"]]}).to_string();
        let read = doccano::read(&line, text);
        assert!(
            read.found.is_empty() && read.skipped[0].reason.contains("cut a character in two"),
            "{:?}",
            read.skipped
        );
    }

    /// Reading in one place and adding in another gives what adding entity after entity gives: the same ids,
    /// and an entry on the same words as an earlier one (in the file or already added) replacing it.
    #[test]
    fn adding_read_entities_is_adding_them_one_by_one() {
        let text = "Sergei Lavrov met Angela Merkel in Moscow.";
        let words = |w: &str| text.find(w).map(|at| Span::new(at, at + w.len())).expect("in the text");
        let mut before = Annotations::default();
        before.add_entity(text, words("Moscow"), EntityKind::Org);
        before.add_entity(text, words("Angela Merkel"), EntityKind::Person);
        let file = [
            (words("Sergei Lavrov"), EntityKind::Person),
            (words("Moscow"), EntityKind::Place),
            (words("Sergei Lavrov"), EntityKind::Org),
        ];
        let mut one_by_one = before.clone();
        let ids = one_by_one.add_entities(text, &file);
        let mut read = before.clone();
        let report = add_read(&mut read, ReadEntities::on(text, &file, Vec::new()), &Extraction::default());
        assert_eq!(read, one_by_one);
        assert_eq!(report.added, ids);
        let kinds: Vec<(&str, EntityKind)> =
            read.added.iter().map(|a| (a.span.map_or("", |s| s.slice(text)), a.kind)).collect();
        assert_eq!(
            kinds,
            [("Angela Merkel", EntityKind::Person), ("Moscow", EntityKind::Place), ("Sergei Lavrov", EntityKind::Org)]
        );
    }
}
