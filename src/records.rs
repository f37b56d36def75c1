//! The records the app keeps in the browser's storage: their format version, the migrations from earlier
//! versions, checks on what is loaded, the library index's rebuild and the start-up decision.
//!
//! Pure: no storage calls (they are in `services::storage`), so every rule here is tested natively, with
//! fixtures of data that earlier versions really wrote (`tests/fixtures/`).
//!
//! Keys keep the `sidenote.v1.` prefix of the first version: it names the key space, while the format
//! version lives in each record (`"format": 2`). Format 1 records have no `format` field.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sidenote_annotate::anchor::AnchorStatus;
use sidenote_annotate::json_fields::{compact, json_object};
use sidenote_annotate::model::Annotations;
use sidenote_annotate::Document;
use sidenote_extract::LineHint;

use crate::stored_records;

/// The format this version writes.
pub const FORMAT: u64 = 2;

/// Every key the app uses starts with this.
pub const PREFIX: &str = "sidenote.v1.";
/// The library index.
pub const INDEX_KEY: &str = "sidenote.v1.index";
/// The document open at the end of the last visit.
pub const LAST_KEY: &str = "sidenote.v1.last";
/// Present while the app is starting; left behind when a start crashed.
pub const STARTING_KEY: &str = "sidenote.v1.starting";
/// Records that could not be read are moved under this prefix, never deleted or overwritten.
pub const SET_ASIDE_PREFIX: &str = "sidenote.v1.unreadable.";
/// How storage hands over a stored value that is not text (a Blob, a structured object: only a foreign or
/// hand-made value can be): this, what it is, `]`, a line break and its content as far as it can be had.
/// Never a record (records are JSON objects), so it is unreadable and set aside with its content, where
/// turning the value into JSON made a Blob `{}`, an empty record.
pub const NOT_TEXT: &str = "[not text: ";

const DOCUMENT_PREFIX: &str = "sidenote.v1.doc.";
const ANNOTATIONS_PREFIX: &str = "sidenote.v1.notes.";

/// Where a document's text is saved.
pub fn document_key(urn: &str) -> String {
    format!("{DOCUMENT_PREFIX}{urn}")
}

/// Where a document's annotations are saved.
pub fn annotations_key(urn: &str) -> String {
    format!("{ANNOTATIONS_PREFIX}{urn}")
}

/// The document URN of an annotations record's key (`annotations_key`'s inverse).
pub fn urn_of_annotations_key(key: &str) -> Option<&str> {
    key.strip_prefix(ANNOTATIONS_PREFIX)
}

/// The document a key belongs to, if it is a document's text record.
pub fn urn_of_document_key(key: &str) -> Option<&str> {
    key.strip_prefix(DOCUMENT_PREFIX)
}

/// What a stored record holds, which decides how it is read and migrated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// A document's title, text and line hints.
    Document,
    /// A document's annotations.
    Annotations,
    /// The library index.
    Index,
    /// The pointer to the last open document.
    Last,
}

impl RecordKind {
    /// The kind of record stored under `key`; `None` for keys that hold no user data (the start-up flag,
    /// records already set aside, other sites' keys).
    pub fn of_key(key: &str) -> Option<RecordKind> {
        if key.starts_with(DOCUMENT_PREFIX) {
            Some(RecordKind::Document)
        } else if key.starts_with(ANNOTATIONS_PREFIX) {
            Some(RecordKind::Annotations)
        } else if key == INDEX_KEY {
            Some(RecordKind::Index)
        } else if key == LAST_KEY {
            Some(RecordKind::Last)
        } else {
            None
        }
    }
}

/// Why a record could not be read. The record is then kept aside, never replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON at all (cut short, or overwritten by something else).
    NotJson(String),
    /// Written by a newer version of Sidenote, whose format this version does not know.
    Newer(u64),
    /// JSON, but not of the expected shape.
    Shape(String),
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unreadable::NotJson(why) => write!(f, "it is not valid JSON ({why})"),
            Unreadable::Newer(format) => {
                write!(
                    f,
                    "it was saved by a newer version of Sidenote (format {format}; this version reads up to {FORMAT})"
                )
            }
            Unreadable::Shape(why) => write!(f, "its content is not what was expected ({why})"),
        }
    }
}

/// A document's text record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// The record's format.
    pub format: u64,
    /// The document's title.
    pub title: String,
    /// Its text (never changes once saved).
    pub text: String,
    /// Structure hints when it came from HTML.
    #[serde(default)]
    pub hints: Vec<LineHint>,
    /// Where it came from (the page's address), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

/// A document's annotations record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnotationsRecord {
    /// The record's format.
    pub format: u64,
    /// When it was saved, as the browser formats it (empty for records of format 1).
    #[serde(default)]
    pub saved: String,
    /// The annotations.
    #[serde(default)]
    pub annotations: Annotations,
}

/// One document's line in the library index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexEntry {
    /// The document's identity.
    pub urn: String,
    /// Its title.
    #[serde(default)]
    pub title: String,
    /// When it was last saved.
    #[serde(default)]
    pub saved: String,
    /// How many notes it has.
    #[serde(default)]
    pub notes: usize,
    /// The address of the page it was captured from, when known: another capture of the same page offers to
    /// bring these notes over. Indexes written before it have none (the entry gets it on its next save).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

/// The library index record (read by `stored_records::index_entries`; the derived reader is the tests'
/// reference).
#[derive(Serialize, Deserialize)]
pub(crate) struct IndexRecord {
    pub(crate) format: u64,
    #[serde(default)]
    pub(crate) entries: Vec<IndexEntry>,
}

/// The last document's record (read by `stored_records::last_urn`; the derived reader is the tests'
/// reference).
#[derive(Serialize, Deserialize)]
pub(crate) struct LastRecord {
    pub(crate) format: u64,
    pub(crate) urn: String,
}

/// A record's format: its `format` field, or 1 for records written before records carried one.
fn format_of(value: &Value) -> Result<u64, Unreadable> {
    match value.get("format") {
        None => Ok(1),
        Some(format) => {
            format.as_u64().ok_or_else(|| Unreadable::Shape(format!("format {} is not a number", compact(format))))
        }
    }
}

/// Brings a record of any known format to the current format's shape. Each step migrates from one format
/// to the next, so a record of any earlier version goes through every later step.
fn migrate(kind: RecordKind, mut value: Value) -> Result<Value, Unreadable> {
    let mut format = format_of(&value)?;
    if format > FORMAT {
        return Err(Unreadable::Newer(format));
    }
    while format < FORMAT {
        value = match format {
            1 => from_format_1(kind, value)?,
            _ => return Err(Unreadable::Shape(format!("format {format} never existed"))),
        };
        format += 1;
    }
    Ok(value)
}

/// Format 1 wrote documents as `{title, text, hints}`, annotations as the bare `Annotations`, the index as a
/// bare array and the last document as its URN (not JSON).
fn from_format_1(kind: RecordKind, value: Value) -> Result<Value, Unreadable> {
    Ok(match kind {
        RecordKind::Document => {
            let Value::Object(mut fields) = value else {
                return Err(Unreadable::Shape("a document is not an object".into()));
            };
            fields.insert("format".into(), Value::from(2));
            Value::Object(fields)
        }
        RecordKind::Annotations => {
            json_object(vec![("format", 2.into()), ("saved", "".into()), ("annotations", value)])
        }
        RecordKind::Index => json_object(vec![("format", 2.into()), ("entries", value)]),
        RecordKind::Last => json_object(vec![("format", 2.into()), ("urn", value)]),
    })
}

/// A record parsed and brought to the current format.
fn migrated(kind: RecordKind, json: &str) -> Result<Value, Unreadable> {
    if let Some(value) = json.strip_prefix(NOT_TEXT) {
        let what = value.split_once(']').map_or("value", |(what, _)| what);
        return Err(Unreadable::Shape(format!("a stored {what}, not text")));
    }
    let value: Value = serde_json::from_str(json).map_err(|e| Unreadable::NotJson(e.to_string()))?;
    let shaped = value.is_object() || (value.is_array() && kind == RecordKind::Index);
    if !shaped {
        return Err(Unreadable::Shape("not an object".into()));
    }
    migrate(kind, value)
}

/// Reads a record of `kind` with its reader from `stored_records` (by hand from the value: serde's derived
/// readers for these types would be some 40 KB of the Wasm).
fn read<T>(kind: RecordKind, json: &str, reader: fn(&Value) -> Result<T, String>) -> Result<T, Unreadable> {
    reader(&migrated(kind, json)?).map_err(Unreadable::Shape)
}

/// Reads a document's text record of any known format.
pub fn read_document(json: &str) -> Result<DocumentRecord, Unreadable> {
    read(RecordKind::Document, json, stored_records::document_record)
}

/// Reads a document's annotations record of any known format. Its annotations must hold at least one of their
/// fields: every version wrote all of them, so an object without any (`{}`, or what a foreign value such as a
/// Blob turns into) is not a save that happened to be empty, and reading it as one would let the next save
/// write over whatever it was instead of setting it aside.
pub fn read_annotations(json: &str) -> Result<AnnotationsRecord, Unreadable> {
    read(RecordKind::Annotations, json, |record| {
        const FIELDS: [&str; 6] = ["notes", "reviews", "added", "document_notes", "speakers", "next_id"];
        let annotations = record.get("annotations").and_then(Value::as_object);
        if !annotations.is_some_and(|fields| FIELDS.iter().any(|f| fields.contains_key(*f))) {
            return Err("it holds none of the fields of a document's notes".into());
        }
        stored_records::annotations_record(record)
    })
}

/// What can still be read of an annotations record [`read_annotations`] refused, and how many of its items
/// could not (see `stored_records::salvaged_annotations`); `None` when nothing of it can be read.
pub fn salvage_annotations(json: &str) -> Option<(Annotations, usize)> {
    let record = migrated(RecordKind::Annotations, json).ok()?;
    stored_records::salvaged_annotations(&record).filter(|(annotations, _)| *annotations != Annotations::default())
}

/// What the user is told when part of a document's annotations record could not be read and the rest opens.
pub fn salvaged_message(salvaged: &Annotations, lost: usize, why: &str) -> String {
    let kept = salvaged.note_count();
    format!(
        "Part of what was saved with this article could not be read ({why}): {lost} item{} left out, {kept} note{} \
         and the decisions that could be read are back. The whole record as it was saved is kept aside in the \
         Library (export it as it is, or delete it).",
        if lost == 1 { " was" } else { "s were" },
        if kept == 1 { "" } else { "s" },
    )
}

/// What the user is told at start-up of a notes record set aside whole of which the readable part is back.
pub fn partly_back_message(name: &str, lost: usize) -> String {
    format!(
        "What could be read of the {name} is back ({lost} item{} left out).",
        if lost == 1 { " was" } else { "s were" }
    )
}

/// Reads the library index of any known format.
pub fn read_index(json: &str) -> Result<Vec<IndexEntry>, Unreadable> {
    read(RecordKind::Index, json, stored_records::index_entries)
}

/// Reads the last document's URN (format 1 stored it bare, not as JSON).
pub fn read_last(stored: &str) -> Result<String, Unreadable> {
    if stored.starts_with("urn:") {
        return Ok(stored.to_string());
    }
    read(RecordKind::Last, stored, stored_records::last_urn)
}

/// Whether a record of this kind could be read; keys that hold no user data are always "readable".
pub fn check(key: &str, stored: &str) -> Result<(), Unreadable> {
    match RecordKind::of_key(key) {
        Some(RecordKind::Document) => read_document(stored).map(drop),
        Some(RecordKind::Annotations) => read_annotations(stored).map(drop),
        Some(RecordKind::Index) => read_index(stored).map(drop),
        Some(RecordKind::Last) => read_last(stored).map(drop),
        None => Ok(()),
    }
}

fn to_json(value: &impl Serialize) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| format!("could not write the record ({e})"))
}

/// A document's text record in the current format.
pub fn write_document(document: &Document, hints: &[LineHint]) -> Result<String, String> {
    to_json(&DocumentRecord {
        format: FORMAT,
        title: document.title.clone(),
        text: document.text.clone(),
        hints: hints.to_vec(),
        source_url: document.source_url.clone(),
    })
}

/// When a record was saved, as the Library shows it: the local date and time the way `en-GB` prints them
/// (`02/12/2026, 06:01:23`), from the clock's fields. Written here rather than by the browser's
/// `Date.toLocaleString`, whose first call in a page loads the locale's data: 11 to 27 ms on the page's
/// thread at the first save of every visit.
pub fn saved_stamp(day: u32, month: u32, year: u32, hours: u32, minutes: u32, seconds: u32) -> String {
    let mut stamp = String::with_capacity(20);
    for (value, after) in [(day, "/"), (month, "/")] {
        push_two_digits(&mut stamp, value);
        stamp.push_str(after);
    }
    stamp.push_str(&year.to_string());
    stamp.push_str(", ");
    for (value, after) in [(hours, ":"), (minutes, ":"), (seconds, "")] {
        push_two_digits(&mut stamp, value);
        stamp.push_str(after);
    }
    stamp
}

fn push_two_digits(out: &mut String, value: u32) {
    if value < 10 {
        out.push('0');
    }
    out.push_str(&value.to_string());
}

/// A document's annotations record in the current format.
pub fn write_annotations(annotations: &Annotations, saved: &str) -> Result<String, String> {
    to_json(&AnnotationsRecord { format: FORMAT, saved: saved.into(), annotations: annotations.clone() })
}

/// The library index in the current format.
pub fn write_index(entries: &[IndexEntry]) -> Result<String, String> {
    to_json(&IndexRecord { format: FORMAT, entries: entries.to_vec() })
}

/// The last document's pointer in the current format.
pub fn write_last(urn: &str) -> Result<String, String> {
    to_json(&LastRecord { format: FORMAT, urn: urn.into() })
}

/// Another tab's message (`services::tabs`): the document's URN and its annotations record, both required
/// strings (other fields ignored); `None` when it is not such a message. Read from a `Value`, not with a
/// derived reader, for the reason `stored_records` gives.
pub fn read_tab_message(json: &str) -> Option<(String, String)> {
    let value: Value = serde_json::from_str(json).ok()?;
    let field = |name: &str| value.get(name).and_then(Value::as_str).map(String::from);
    Some((field("urn")?, field("record")?))
}

/// What to do before writing `key` when it already holds `existing`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BeforeWriting {
    /// Nothing is there, or what is there could be read: write.
    Write,
    /// What is there could not be read: move it aside first, and write only if that worked.
    SetAside(Unreadable),
}

/// Never write over what could not be read: decides for one key and what it holds now.
pub fn before_writing(key: &str, existing: Option<&str>) -> BeforeWriting {
    match existing.map(|stored| check(key, stored)) {
        Some(Err(why)) => BeforeWriting::SetAside(why),
        _ => BeforeWriting::Write,
    }
}

/// The key an unreadable record is moved to: its key under [`SET_ASIDE_PREFIX`], numbered when a record
/// of that key was already set aside (so an earlier one is never overwritten either).
pub fn set_aside_key(key: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = format!("{SET_ASIDE_PREFIX}{}", key.strip_prefix(PREFIX).unwrap_or(key));
    if !taken(&base) {
        return base;
    }
    (2..).map(|n| format!("{base}.{n}")).find(|k| !taken(k)).unwrap_or(base)
}

/// Whether `key` holds the record of `original` set aside (by [`set_aside_key`], numbered or not).
pub fn is_set_aside_of(key: &str, original: &str) -> bool {
    let base = format!("{SET_ASIDE_PREFIX}{}", original.strip_prefix(PREFIX).unwrap_or(original));
    key.strip_prefix(&base).is_some_and(|rest| {
        rest.is_empty()
            || rest.strip_prefix('.').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// How the library names a record that was set aside, from its key and (when it can be made out) its
/// content or the index's title of its document, and why it could not be read.
pub fn describe_set_aside(key: &str, stored: &str, index: &[IndexEntry]) -> (String, String) {
    let original = key.strip_prefix(SET_ASIDE_PREFIX).unwrap_or(key);
    // Drop the number `set_aside_key` adds when a key was set aside more than once.
    let original = match original.rsplit_once('.') {
        Some((rest, n)) if n.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => original,
    };
    let original_key = format!("{PREFIX}{original}");
    // A title, when the record is JSON enough to have one, else the index's for its document.
    let listed = || {
        let urn = urn_of_document_key(&original_key).or_else(|| original_key.strip_prefix(ANNOTATIONS_PREFIX))?;
        index.iter().find(|e| e.urn == urn).map(|e| e.title.clone())
    };
    let title = serde_json::from_str::<Value>(stored)
        .ok()
        .and_then(|v| v.get("title").and_then(Value::as_str).map(str::to_string))
        .or_else(listed)
        .filter(|t| !t.trim().is_empty());
    let what = match (RecordKind::of_key(&original_key), title) {
        (Some(RecordKind::Document), Some(title)) => format!("Text of “{title}”"),
        (Some(RecordKind::Document), None) => "A document's text".to_string(),
        (Some(RecordKind::Annotations), Some(title)) => format!("Notes and decisions of “{title}”"),
        (Some(RecordKind::Annotations), None) => "A document's notes and decisions".to_string(),
        (Some(RecordKind::Index), _) => "The library's list".to_string(),
        // A write-ahead journal entry (`crate::journal`): changes made just before a page closed.
        _ if original.starts_with("journal.") => "Changes made just before a page closed".to_string(),
        _ => format!("A saved record ({original})"),
    };
    let why = check(&original_key, stored).err().map_or_else(|| "it could not be read".to_string(), |e| e.to_string());
    (what, why)
}

/// Rebuilds the library index from the stored records (key, value) when the index is missing or unreadable:
/// one entry per readable document record, titled from it, with its note count and save time from its
/// annotations record when that can be read. Most recently saved first; undated ones last.
pub fn rebuild_index(records: &[(String, String)]) -> Vec<IndexEntry> {
    let entries = records
        .iter()
        .filter_map(|(key, stored)| {
            let urn = urn_of_document_key(key)?;
            let annotations_key = annotations_key(urn);
            let annotations = records.iter().find(|(k, _)| *k == annotations_key).map(|(_, s)| s.as_str());
            rebuilt_entry(urn, stored, annotations)
        })
        .collect();
    sort_rebuilt(entries)
}

/// One document's line in a rebuilt index, from its text record and its annotations record (if any); none
/// when the text cannot be read. (The service rebuilds one document at a time, never holding every text.)
pub fn rebuilt_entry(urn: &str, document: &str, annotations: Option<&str>) -> Option<IndexEntry> {
    let document = read_document(document).ok()?;
    let annotations = annotations.and_then(|stored| read_annotations(stored).ok());
    Some(IndexEntry {
        urn: urn.to_string(),
        title: document.title,
        saved: annotations.as_ref().map(|a| a.saved.clone()).unwrap_or_default(),
        notes: annotations.map_or(0, |a| a.annotations.note_count()),
        source_url: document.source_url,
    })
}

/// The order of a rebuilt index. Saved times are only comparable as the browser wrote them; keep a stable,
/// title-ordered list and put the undated ones last.
pub fn sort_rebuilt(mut entries: Vec<IndexEntry>) -> Vec<IndexEntry> {
    sidenote_extract::sort_stable_by(&mut entries, |a, b| {
        (a.saved.is_empty(), &a.title).cmp(&(b.saved.is_empty(), &b.title))
    });
    entries
}

/// Makes loaded annotations safe to use on `text`: a note or added entity whose position is outside the
/// text, reversed, or not on character boundaries (tampered with, or written by a bug) becomes an orphan —
/// it keeps its words and can be re-attached —; one said to be exactly on its words (exact or moved) whose
/// position holds other words (the stored text edited outside the app) is anchored again, by its words and
/// their context, and becomes an orphan when they are not found: never shown as exact on other words.
/// Identifiers stay unique for what is added next, and two items read with one identifier get one each
/// (`Annotations::separate_shared_ids`). Returns a message when something was changed.
pub fn validate(annotations: &mut Annotations, text: &str) -> Option<String> {
    let fits = |span: sidenote_extract::Span| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    let (mut orphaned, mut found_again) = (0, 0);
    // Made at the first annotation that needs anchoring again: indexing the text is linear in it.
    let index = std::cell::OnceCell::new();
    for (span, status, target) in annotations
        .notes
        .iter_mut()
        .map(|n| (&mut n.span, &mut n.status, &n.target))
        .chain(annotations.added.iter_mut().map(|a| (&mut a.span, &mut a.status, &a.target)))
    {
        let Some(at) = *span else { continue };
        if !fits(at) {
            *span = None;
            *status = AnchorStatus::Orphan;
            orphaned += 1;
        } else if matches!(status, AnchorStatus::Exact | AnchorStatus::Moved) && at.slice(text) != target.exact {
            let index = index.get_or_init(|| sidenote_extract::offsets::OffsetIndex::new(text));
            let anchored = sidenote_annotate::anchor::anchor(text, index, target);
            *span = anchored.span;
            *status = anchored.status;
            match anchored.span {
                Some(_) => found_again += 1,
                None => orphaned += 1,
            }
        }
    }
    // A next id at or below an existing one would give a new note an id already taken.
    let highest = annotations
        .notes
        .iter()
        .map(|n| n.id.as_str())
        .chain(annotations.added.iter().map(|a| a.id.as_str()))
        .filter_map(|id| id.rsplit('-').next().and_then(|n| n.parse::<u64>().ok()))
        .max()
        .unwrap_or(0);
    annotations.next_id = annotations.next_id.max(highest);
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    // After the next id is above every id read, so that the fresh ones are new.
    let separated = annotations.separate_shared_ids();
    let separated = (separated > 0).then(|| {
        format!(
            "{separated} saved annotation{} had the identifier of another and now {} one of {} own.",
            plural(separated),
            if separated == 1 { "has" } else { "have" },
            if separated == 1 { "its" } else { "their" }
        )
    });
    let changed = orphaned + found_again;
    let fitted = (changed > 0).then(|| {
        let mut message = format!("{changed} saved annotation{} did not fit this text:", plural(changed));
        if found_again > 0 {
            message.push_str(&format!(
                " {found_again} found again by {}",
                if found_again == 1 { "its words" } else { "their words" }
            ));
        }
        if orphaned > 0 {
            message.push_str(&format!(
                "{} {orphaned} kept as orphan{} to re-attach (see Notes)",
                if found_again > 0 { ";" } else { "" },
                plural(orphaned)
            ));
        }
        message.push('.');
        message
    });
    match (fitted, separated) {
        (Some(fitted), Some(separated)) => Some(format!("{fitted} {separated}")),
        (fitted, separated) => fitted.or(separated),
    }
}

/// Whether a localStorage key holds one of Sidenote's records, to be moved into IndexedDB. The start-up flag
/// stays in localStorage: it must be written synchronously, before the start it guards can crash.
pub fn is_migrated(key: &str) -> bool {
    key.starts_with(PREFIX) && key != STARTING_KEY
}

/// What moving localStorage's records into IndexedDB does with each record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MigrationPlan {
    /// Records IndexedDB does not hold yet: copied, then removed from localStorage once read back the same.
    pub copy: Vec<(String, String)>,
    /// Records IndexedDB already holds, the same: only removed from localStorage.
    pub already: Vec<String>,
    /// Keys under which IndexedDB holds something else (written since): neither side is overwritten, the
    /// localStorage copy stays where it is.
    pub kept: Vec<String>,
}

/// Plans the move of localStorage's records (`local`, key and value) into IndexedDB, given what IndexedDB
/// holds under the same keys. Run at every start while localStorage holds records, so that a visit that
/// had to fall back on localStorage is moved over too; nothing is ever overwritten.
pub fn plan_migration(local: &[(String, String)], indexed: &[(String, Option<String>)]) -> MigrationPlan {
    let mut plan = MigrationPlan::default();
    for (key, value) in local.iter().filter(|(key, _)| is_migrated(key)) {
        match indexed.iter().find(|(k, _)| k == key).and_then(|(_, v)| v.as_deref()) {
            None => plan.copy.push((key.clone(), value.clone())),
            Some(held) if held == value => plan.already.push(key.clone()),
            Some(_) => plan.kept.push(key.clone()),
        }
    }
    plan
}

/// Checks that every copied record reads back from IndexedDB exactly as it was; names the first that does
/// not. localStorage's copies are removed only after this passes.
pub fn verify_migration(copied: &[(String, String)], read_back: &[(String, Option<String>)]) -> Result<(), String> {
    for (key, value) in copied {
        let back = read_back.iter().find(|(k, _)| k == key).and_then(|(_, v)| v.as_deref());
        if back != Some(value.as_str()) {
            return Err(format!("{key} did not read back the same from IndexedDB"));
        }
    }
    Ok(())
}

/// Whether a key holds a document's text (large: read only when needed, never all at start-up).
pub fn is_document_key(key: &str) -> bool {
    key.starts_with(DOCUMENT_PREFIX)
}

/// The stored records (not documents' texts) that cannot be read, with why: at start-up they are set aside
/// and named in a message, so that none of them can stop the app or be written over later.
pub fn unreadable_records(records: &[(String, String)]) -> Vec<(String, Unreadable)> {
    records.iter().filter_map(|(key, stored)| check(key, stored).err().map(|why| (key.clone(), why))).collect()
}

/// How a message names a record: as the Library names it once set aside, a document's notes by the document's
/// title when the index has it.
pub fn record_name(key: &str, stored: &str, index: &[IndexEntry]) -> String {
    match RecordKind::of_key(key) {
        Some(RecordKind::Last) => "the pointer to the article open last time".to_string(),
        _ => {
            let (what, _) = describe_set_aside(&key.replacen(PREFIX, SET_ASIDE_PREFIX, 1), stored, index);
            let mut chars = what.chars();
            chars
                .next()
                .map(|c| {
                    let mut lower = String::new();
                    sidenote_extract::case::push_lowercase(c, &mut lower);
                    lower + chars.as_str()
                })
                .unwrap_or(what)
        }
    }
}

/// The message for records that could not be read at start-up: each named, with why, and where it is kept.
pub fn unreadable_message(named: &[(String, Unreadable)], kept: bool) -> Option<String> {
    let list = named.iter().map(|(name, why)| format!("{name} ({why})")).collect::<Vec<_>>().join("; ");
    let where_ = if kept {
        "kept aside in the Library: export as it is, or delete"
    } else {
        "left where it was, never to be overwritten"
    };
    match named.len() {
        0 => None,
        1 => {
            Some(format!("A saved record could not be read: {list}. It is {where_}. Everything else opened as usual."))
        }
        n => Some(format!(
            "{n} saved records could not be read: {list}. They are {where_}. Everything else opened as usual."
        )),
    }
}

/// How the app starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartMode {
    /// Reopen the last document.
    Normal,
    /// The previous start did not finish (the flag was left behind): open the sample and the Library
    /// instead of running the extractor on the last document again.
    Safe,
}

/// Decides how to start from the start-up flag left in storage, if any.
pub fn start_mode(flag: Option<&str>) -> StartMode {
    if flag.is_some() {
        StartMode::Safe
    } else {
        StartMode::Normal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_stamp_reads_as_en_gb_prints_a_date_and_time() {
        let cases = [
            ((2, 12, 2026, 6, 1, 23), "02/12/2026, 06:01:23"),
            ((31, 1, 999, 23, 59, 0), "31/01/999, 23:59:00"),
            ((10, 10, 2030, 0, 0, 9), "10/10/2030, 00:00:09"),
        ];
        for ((day, month, year, hours, minutes, seconds), printed) in cases {
            assert_eq!(saved_stamp(day, month, year, hours, minutes, seconds), printed);
        }
    }
    use sidenote_annotate::model::{Decision, ReviewScope};
    use sidenote_extract::{EntityKind, Span};

    /// One note with a field of the wrong type once hid every note of its document (the record set aside whole,
    /// nothing lost but nothing shown): the other notes, decisions and replies come back, the bad one counted.
    #[test]
    fn a_record_with_one_unreadable_note_gives_back_the_rest() {
        let text = "Sergei Lavrov met Antony Blinken in Geneva on Monday.";
        let mut annotations = Annotations::default();
        for words in ["Sergei Lavrov", "Antony Blinken", "Geneva"] {
            let at = text.find(words).expect("in the text");
            let id = annotations.add_note(text, Span::new(at, at + words.len()), format!("on {words}"), vec![]);
            annotations.add_reply(&id, None, "a reply".into());
        }
        annotations.add_document_note("overall".into(), vec![]);
        annotations.review(ReviewScope::Entity { name: "Geneva".into(), kind: EntityKind::Place }, Decision::Accept);
        let stored = write_annotations(&annotations, "then").expect("written");
        let mut value: Value = serde_json::from_str(&stored).expect("JSON");
        value["annotations"]["notes"][1]["text"] = Value::from(7);
        let damaged = value.to_string();
        assert!(read_annotations(&damaged).is_err(), "the strict reader refuses it");
        let (salvaged, lost) = salvage_annotations(&damaged).expect("the rest is readable");
        assert_eq!(lost, 1);
        let texts: Vec<&str> = salvaged.notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["on Sergei Lavrov", "on Geneva"]);
        assert_eq!((salvaged.document_notes.len(), salvaged.reviews.len()), (1, 1));
        assert!(salvaged.notes.iter().all(|n| n.replies.len() == 1));
        assert!(salvaged.next_id >= annotations.next_id, "new identifiers never repeat one read");
        let message = salvaged_message(&salvaged, lost, "a note's text is not text");
        assert!(message.contains("1 item was left out, 3 notes") && message.contains("kept aside"), "{message}");
        // One damaged reply loses that reply, not its note; damaged revisions count as one item left out.
        let mut reply_damaged: Value = serde_json::from_str(&stored).expect("JSON");
        reply_damaged["annotations"]["notes"][2]["replies"][0]["text"] = Value::from(5);
        reply_damaged["annotations"]["revisions"] = Value::from("x");
        let (salvaged, lost) = salvage_annotations(&reply_damaged.to_string()).expect("readable");
        assert_eq!((salvaged.notes.len(), lost), (3, 2));
        assert_eq!(salvaged.notes[2].text, "on Geneva");
        assert!(salvaged.notes[2].replies.is_empty() && salvaged.notes[1].replies.len() == 1);
        // A list that is not a list, and a record with nothing readable left.
        value["annotations"]["reviews"] = Value::from("x");
        let (_, lost) = salvage_annotations(&value.to_string()).expect("readable");
        assert_eq!(lost, 2);
        assert_eq!(salvage_annotations(r#"{"format": 3, "annotations": {"notes": [1, 2]}}"#), None);
        assert_eq!(salvage_annotations("not JSON"), None);
        assert_eq!(salvage_annotations(r#"{"format": 3, "annotations": 5}"#), None);
    }

    const V1_SAMPLE_DOC: &str = include_str!("../tests/fixtures/storage-v1/sample.doc.json");
    const V1_SAMPLE_NOTES: &str = include_str!("../tests/fixtures/storage-v1/sample.notes.json");
    const V1_HTML_DOC: &str = include_str!("../tests/fixtures/storage-v1/html.doc.json");
    const V1_HTML_NOTES: &str = include_str!("../tests/fixtures/storage-v1/html.notes.json");
    const V1_INDEX: &str = include_str!("../tests/fixtures/storage-v1/index.json");
    const V1_KEYS: &str = include_str!("../tests/fixtures/storage-v1/keys.json");

    fn urn(which: &str) -> String {
        let keys: Value = serde_json::from_str(V1_KEYS).expect("keys fixture");
        keys[which].as_str().expect("urn").to_string()
    }

    #[test]
    fn format_1_records_load_with_everything_they_held() {
        let doc = read_document(V1_SAMPLE_DOC).expect("format 1 document");
        assert!(doc.title.starts_with("Sample"));
        assert_eq!(doc.format, FORMAT);
        assert_eq!(sidenote_annotate::Document::new(doc.title.clone(), doc.text.clone()).content_urn(), urn("sample"));
        let record = read_annotations(V1_SAMPLE_NOTES).expect("format 1 annotations");
        let a = record.annotations;
        assert_eq!(a.notes.len(), 3);
        assert_eq!(a.notes[0].text, "Strong wording\nsecond line");
        assert_eq!(a.notes[0].tags, ["claim", "russia"]);
        assert_eq!(a.notes[0].span.map(|s| s.slice(&doc.text)), Some("has lashed out at the United States"));
        assert_eq!(a.notes[1].text, "treaty “note” with émoji 🙂");
        assert_eq!((a.notes[2].span, a.notes[2].status), (None, AnchorStatus::Orphan));
        assert_eq!(a.notes[2].target.exact, "words that are nowhere in this article at all");
        let scopes: Vec<&ReviewScope> = a.reviews.iter().map(|r| &r.scope).collect();
        assert!(matches!(
            scopes[..],
            [ReviewScope::Mention { .. }, ReviewScope::Entity { .. }, ReviewScope::Quote { .. }]
        ));
        assert_eq!(a.reviews[1].decision, Decision::Retag(EntityKind::Org));
        assert_eq!(a.added.len(), 1);
        assert_eq!(a.added[0].span.map(|s| s.slice(&doc.text)), Some("New START"));
        assert!(a.next_id >= 4);

        let html = read_document(V1_HTML_DOC).expect("format 1 HTML document");
        assert!(html.hints.first().is_some_and(|h| h.in_chrome && h.tag == "nav"));
        assert_eq!(read_annotations(V1_HTML_NOTES).expect("html notes").annotations.notes[0].tags, ["html"]);
        let index = read_index(V1_INDEX).expect("format 1 index");
        assert_eq!(
            index.iter().map(|e| (e.urn.clone(), e.notes)).collect::<Vec<_>>(),
            [(urn("html"), 1), (urn("sample"), 3)]
        );
        assert_eq!(read_last(&urn("sample")), Ok(urn("sample")));
    }

    #[test]
    fn migrated_records_are_written_in_the_current_format_and_read_back_the_same() {
        let doc = read_document(V1_SAMPLE_DOC).expect("doc");
        let as_opened = Document::new(doc.title.clone(), doc.text.clone());
        let again = read_document(&write_document(&as_opened, &doc.hints).expect("write")).expect("read");
        assert_eq!(again, doc);
        // A page's address is kept with its text (a reload once lost it).
        let with_address = Document { source_url: Some("https://a.example/story".into()), ..as_opened };
        let read = read_document(&write_document(&with_address, &[]).expect("write")).expect("read");
        assert_eq!(read.source_url.as_deref(), Some("https://a.example/story"));
        let notes = read_annotations(V1_SAMPLE_NOTES).expect("notes").annotations;
        let written = write_annotations(&notes, "today").expect("write");
        assert!(written.starts_with("{\"format\":2"));
        let back = read_annotations(&written).expect("read");
        assert_eq!((back.annotations, back.saved.as_str()), (notes, "today"));
        let mut index = read_index(V1_INDEX).expect("index");
        assert!(index.iter().all(|e| e.source_url.is_none()), "older indexes name no address");
        assert_eq!(read_index(&write_index(&index).expect("write")), Ok(index.clone()));
        index[0].source_url = Some("https://a.example/story".into());
        let written = write_index(&index).expect("write");
        assert!(written.contains(r#""source_url":"https://a.example/story""#));
        assert_eq!(read_index(&written), Ok(index));
        assert_eq!(read_last(&write_last("urn:sha256:ab").expect("write")), Ok("urn:sha256:ab".into()));
    }

    #[test]
    fn fields_added_later_have_defaults_and_unknown_fields_are_ignored() {
        // A record missing fields (written by an older version) and one with fields this version does not
        // know (written by a newer minor change) both load.
        let sparse = r#"{"format":2,"annotations":{"notes":[{"id":"note-1","span":null,"target":{"exact":"x"},"status":"orphan"}]}}"#;
        let a = read_annotations(sparse).expect("sparse").annotations;
        assert_eq!((a.notes[0].text.as_str(), a.notes[0].tags.len(), a.reviews.len(), a.next_id), ("", 0, 0, 0));
        let extra = r#"{"format":2,"saved":"x","annotations":{"notes":[],"colour":"red"},"pinned":true}"#;
        assert!(read_annotations(extra).is_ok());
        assert!(read_document(r#"{"format":2,"title":"t","text":"x"}"#).is_ok_and(|d| d.hints.is_empty()));
    }

    #[test]
    fn unreadable_records_say_why() {
        let cases: &[(&str, &str, &str)] = &[
            ("sidenote.v1.notes.urn:x", "{\"notes\": [", "not valid JSON"),
            ("sidenote.v1.notes.urn:x", "{\"format\":3,\"annotations\":{}}", "newer version"),
            ("sidenote.v1.notes.urn:x", "{\"format\":\"two\"}", "not a number"),
            ("sidenote.v1.notes.urn:x", "{\"notes\": 7}", "not what was expected"),
            ("sidenote.v1.notes.urn:x", "[1, 2]", "not what was expected"),
            ("sidenote.v1.notes.urn:x", "null", "not what was expected"),
            // Nothing any version wrote: read as empty, the next save would write over whatever it was.
            ("sidenote.v1.notes.urn:x", "{}", "none of the fields"),
            ("sidenote.v1.notes.urn:x", "{\"format\":2}", "none of the fields"),
            ("sidenote.v1.notes.urn:x", "{\"format\":2,\"annotations\":{}}", "none of the fields"),
            ("sidenote.v1.notes.urn:x", "{\"format\":2,\"annotations\":[]}", "none of the fields"),
            // A stored value that was not text (a Blob), as storage hands it over.
            ("sidenote.v1.notes.urn:x", "[not text: Blob]\n{}", "a stored Blob, not text"),
            ("sidenote.v1.doc.urn:x", "[not text: Object]\n{\"a\":1}", "a stored Object, not text"),
            ("sidenote.v1.doc.urn:x", "{\"title\": \"t\"}", "missing field `text`"),
            ("sidenote.v1.index", "{\"entries\": 1}", "not what was expected"),
            ("sidenote.v1.index", "garbage", "not valid JSON"),
            ("sidenote.v1.last", "garbage", "not valid JSON"),
        ];
        for (key, stored, words) in cases {
            let why = check(key, stored).expect_err(stored);
            assert!(why.to_string().contains(words), "{stored}: {why}");
            assert_eq!(before_writing(key, Some(stored)), BeforeWriting::SetAside(why));
        }
        // A shape error names no line and column: they would be those of the record as re-written.
        let why = check("sidenote.v1.doc.urn:x", "{\"title\": \"t\"}").expect_err("no text").to_string();
        assert!(why.ends_with("(missing field `text`)"), "{why}");
        assert_eq!(before_writing("sidenote.v1.notes.urn:x", None), BeforeWriting::Write);
        assert_eq!(before_writing("sidenote.v1.notes.urn:x", Some(V1_SAMPLE_NOTES)), BeforeWriting::Write);
        assert_eq!(before_writing(STARTING_KEY, Some("anything")), BeforeWriting::Write);
    }

    #[test]
    fn records_are_set_aside_under_a_free_key_and_described() {
        let taken = ["sidenote.v1.unreadable.notes.urn:x", "sidenote.v1.unreadable.notes.urn:x.2"];
        assert_eq!(
            set_aside_key("sidenote.v1.notes.urn:y", |k| taken.contains(&k)),
            "sidenote.v1.unreadable.notes.urn:y"
        );
        assert_eq!(
            set_aside_key("sidenote.v1.notes.urn:x", |k| taken.contains(&k)),
            "sidenote.v1.unreadable.notes.urn:x.3"
        );
        for (key, original, is) in [
            ("sidenote.v1.unreadable.doc.urn:x", "sidenote.v1.doc.urn:x", true),
            ("sidenote.v1.unreadable.doc.urn:x.3", "sidenote.v1.doc.urn:x", true),
            ("sidenote.v1.unreadable.doc.urn:xy", "sidenote.v1.doc.urn:x", false),
            ("sidenote.v1.unreadable.doc.urn:x.", "sidenote.v1.doc.urn:x", false),
            ("sidenote.v1.unreadable.notes.urn:x", "sidenote.v1.doc.urn:x", false),
            ("sidenote.v1.doc.urn:x", "sidenote.v1.doc.urn:x", false),
        ] {
            assert_eq!(is_set_aside_of(key, original), is, "{key} of {original}");
        }
        let (what, why) = describe_set_aside("sidenote.v1.unreadable.notes.urn:x.2", "{\"notes\": [", &[]);
        assert_eq!(what, "A document's notes and decisions");
        assert!(why.contains("not valid JSON"), "{why}");
        let (what, why) =
            describe_set_aside("sidenote.v1.unreadable.doc.urn:x", "{\"format\":9,\"title\":\"Talks\"}", &[]);
        assert_eq!(what, "Text of “Talks”");
        assert!(why.contains("newer version"), "{why}");
        assert_eq!(describe_set_aside("sidenote.v1.unreadable.index", "[", &[]).0, "The library's list");
        // Named after their document when the index lists it.
        let index = [IndexEntry {
            urn: "urn:x".into(),
            title: "Talks".into(),
            saved: String::new(),
            notes: 2,
            source_url: None,
        }];
        assert_eq!(
            describe_set_aside("sidenote.v1.unreadable.notes.urn:x.2", "{", &index).0,
            "Notes and decisions of “Talks”"
        );
        assert_eq!(
            describe_set_aside("sidenote.v1.unreadable.doc.urn:x", "[not text: Blob]\n{}", &index).0,
            "Text of “Talks”"
        );
        assert_eq!(
            describe_set_aside("sidenote.v1.unreadable.notes.urn:y", "{", &index).0,
            "A document's notes and decisions"
        );
    }

    #[test]
    fn the_index_is_rebuilt_from_the_records() {
        let mut article_note = Annotations::default();
        article_note.add_document_note("on the whole page".into(), vec![]);
        let records: Vec<(String, String)> = vec![
            (document_key(&urn("sample")), V1_SAMPLE_DOC.to_string()),
            (annotations_key(&urn("sample")), V1_SAMPLE_NOTES.to_string()),
            (document_key(&urn("html")), V1_HTML_DOC.to_string()),
            // A note on the whole article is a note too (the Library's count, the delete question's).
            (annotations_key(&urn("html")), write_annotations(&article_note, "yesterday").expect("w")),
            // An unreadable document is not listed (it is set aside and listed as such); foreign keys are ignored.
            (document_key("urn:sha256:broken"), "{".to_string()),
            ("other.app.key".to_string(), "{}".to_string()),
            (INDEX_KEY.to_string(), "garbage".to_string()),
        ];
        let index = rebuild_index(&records);
        let summary: Vec<(&str, &str, usize)> =
            index.iter().map(|e| (e.title.as_str(), e.saved.as_str(), e.notes)).collect();
        assert_eq!(summary, [("page.html", "yesterday", 1), ("Sample: Lavrov on the INF Treaty (RFE/RL)", "", 3)]);
        assert!(rebuild_index(&[]).is_empty());
    }

    #[test]
    fn notes_saved_with_one_identifier_each_get_their_own_and_a_save_keeps_them_all() {
        let text = "Ada Obi met Lena Varga in Tartu on Monday.";
        let mut made = Annotations::default();
        made.add_note(text, Span::new(0, 7), "first".into(), vec![]);
        made.add_note(text, Span::new(12, 22), "second".into(), vec![]);
        made.add_note(text, Span::new(26, 31), "third".into(), vec![]);
        made.add_document_note("on the article".into(), vec![]);
        made.add_entity(text, Span::new(35, 41), EntityKind::Date);
        made.add_entity(text, Span::new(26, 31), EntityKind::Place);
        // A save edited by hand: three notes under one id, and two entities under one.
        for note in &mut made.notes {
            note.id = "note-1".into();
        }
        made.document_notes[0].id = "note-1".into();
        made.added[1].id = made.added[0].id.clone();
        let json = write_annotations(&made, "2026-01-01").expect("written");
        let stored = read_annotations(&json).expect("read").annotations;
        let mut open = stored.clone();
        let message = validate(&mut open, text).expect("a message");
        assert_eq!(message, "4 saved annotations had the identifier of another and now have one of their own.");
        let texts = |a: &Annotations| {
            let mut all: Vec<String> = a.notes.iter().map(|n| n.text.clone()).collect();
            all.extend(a.document_notes.iter().map(|n| n.text.clone()));
            all.extend(a.added.iter().map(|e| format!("{:?}", e.kind)));
            all.sort();
            all
        };
        let everything = vec!["Date", "Place", "first", "on the article", "second", "third"];
        assert_eq!(texts(&open), everything);
        assert_eq!(open.document_notes[0].id, "note-1", "the last of an id keeps it: the merge keeps that one");
        // The next save merges with the stored record, which still holds the shared ids: nothing is lost.
        let mut edited = open.clone();
        edited.add_note(text, Span::new(4, 7), "new".into(), vec![]);
        sidenote_annotate::merge::stamp(&open, &mut edited);
        let saved = sidenote_annotate::merge::merge(&edited, &stored);
        let mut with_new = everything.clone();
        with_new.push("new");
        with_new.sort();
        assert_eq!(texts(&saved), with_new);
        assert_eq!(validate(&mut open, text), None, "nothing more to repair");
    }

    #[test]
    fn spans_outside_the_text_or_inside_a_character_become_orphans() {
        let text = "Café 🙂 Moscow";
        let mut a = Annotations::default();
        a.add_note(text, Span::new(0, 5), "fine".into(), vec![]);
        // Saved spans as tampering or a bug could leave them: inside é, inside the emoji, past the end, reversed.
        for bad in [Span::new(0, 4), Span::new(7, 9), Span::new(11, 99), Span::new(11, 10)] {
            let id = a.add_note(text, Span::new(11, 17), "Moscow".into(), vec![]);
            if let Some(note) = a.notes.iter_mut().find(|n| n.id == id) {
                note.span = Some(bad);
            }
        }
        let id = a.add_entity(text, Span::new(11, 17), EntityKind::Place);
        if let Some(entity) = a.added.iter_mut().find(|e| e.id == id) {
            entity.span = Some(Span::new(12, 400));
        }
        a.next_id = 1;
        let message = validate(&mut a, text).expect("a message");
        assert!(message.starts_with("5 saved annotations"), "{message}");
        assert_eq!(a.notes[0].span, Some(Span::new(0, 5)));
        assert!(a.notes[1..].iter().all(|n| n.span.is_none() && n.status == AnchorStatus::Orphan));
        assert!(a.added[0].span.is_none() && a.added[0].status == AnchorStatus::Orphan);
        assert_eq!(a.notes[1].target.exact, "Moscow", "the words are kept");
        let id = a.add_note(text, Span::new(0, 5), "new".into(), vec![]);
        assert_eq!(id, "note-7", "a new id is never one already taken");
        assert_eq!(validate(&mut a, text), None, "nothing more to repair");
    }

    #[test]
    fn annotations_whose_words_are_not_at_their_place_are_anchored_again_or_orphaned() {
        let original = "President Emmanuel Macron spoke in Paris on Monday about the budget.";
        let mut a = Annotations::default();
        a.add_note(original, Span::new(10, 25), "on Macron".into(), vec![]);
        a.add_note(original, Span::new(35, 40), "on Paris".into(), vec![]);
        a.add_entity(original, Span::new(44, 50), EntityKind::Misc);
        // The stored text as an edit outside the app leaves it under the same key: a name replaced, and a line
        // added on top, which moves every word.
        let edited = format!("Updated.\n{}", original.replace("Emmanuel Macron", "Xavier Dupontel"));
        let message = validate(&mut a, &edited).expect("a message");
        assert_eq!(
            message,
            "3 saved annotations did not fit this text: 2 found again by their words; 1 kept as orphan to re-attach (see Notes)."
        );
        assert_eq!((a.notes[0].span, a.notes[0].status), (None, AnchorStatus::Orphan), "not on Xavier Dupontel");
        assert_eq!(a.notes[1].span.map(|s| s.slice(&edited)), Some("Paris"));
        assert_eq!(a.notes[1].status, AnchorStatus::Moved);
        assert_eq!(a.added[0].span.map(|s| s.slice(&edited)), Some("Monday"));
        assert_eq!(validate(&mut a, &edited), None, "nothing more to repair");
        // A fuzzy note is on other words by nature: left as it is.
        let mut b = Annotations::default();
        b.add_note(original, Span::new(10, 25), "fuzzy".into(), vec![]);
        b.notes[0].status = AnchorStatus::Fuzzy;
        assert_eq!(validate(&mut b, &edited.replacen("Updated.\n", "", 1)), None);
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn the_move_into_indexeddb_copies_what_is_missing_and_overwrites_nothing() {
        let local = pairs(&[
            ("sidenote.v1.doc.urn:a", V1_SAMPLE_DOC),
            ("sidenote.v1.notes.urn:a", V1_SAMPLE_NOTES),
            ("sidenote.v1.index", V1_INDEX),
            ("sidenote.v1.last", "urn:a"),
            ("sidenote.v1.unreadable.notes.urn:b", "{\"notes\": ["),
            // The start-up flag stays in localStorage; other sites' keys are not Sidenote's to move.
            (STARTING_KEY, "{\"format\":2}"),
            ("other.app.key", "{}"),
        ]);
        let indexed: Vec<(String, Option<String>)> = vec![
            ("sidenote.v1.doc.urn:a".into(), None),
            // Already moved (a start that stopped before removing the copies): only removed.
            ("sidenote.v1.notes.urn:a".into(), Some(V1_SAMPLE_NOTES.into())),
            // Written in IndexedDB since: neither side is overwritten.
            ("sidenote.v1.index".into(), Some("{\"format\":2,\"entries\":[]}".into())),
        ];
        let plan = plan_migration(&local, &indexed);
        let copied: Vec<&str> = plan.copy.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(copied, ["sidenote.v1.doc.urn:a", "sidenote.v1.last", "sidenote.v1.unreadable.notes.urn:b"]);
        assert_eq!(plan.copy[0].1, V1_SAMPLE_DOC, "copied as stored, byte for byte");
        assert_eq!(plan.already, ["sidenote.v1.notes.urn:a"]);
        assert_eq!(plan.kept, ["sidenote.v1.index"]);
        assert_eq!(plan_migration(&[], &[]), MigrationPlan::default());
    }

    #[test]
    fn the_copies_are_verified_before_localstorage_lets_go() {
        let copied = pairs(&[("sidenote.v1.doc.urn:a", "text a"), ("sidenote.v1.notes.urn:a", "notes a")]);
        let same: Vec<(String, Option<String>)> =
            copied.iter().rev().map(|(k, v)| (k.clone(), Some(v.clone()))).collect();
        assert_eq!(verify_migration(&copied, &same), Ok(()));
        let cut = vec![("sidenote.v1.doc.urn:a".to_string(), Some("text".to_string()))];
        let why = verify_migration(&copied, &cut).expect_err("a copy that differs");
        assert!(why.contains("sidenote.v1.doc.urn:a"), "{why}");
        let missing = verify_migration(&copied, &same[..1]).expect_err("a copy that is missing");
        assert!(missing.contains("sidenote.v1.doc.urn:a"), "{missing}");
    }

    #[test]
    fn records_unreadable_at_start_are_found_and_named_in_one_message() {
        let index = read_index(V1_INDEX).expect("index");
        let html = urn("html");
        let records = pairs(&[
            (&annotations_key(&html), "{\"notes\": ["),
            (&annotations_key(&urn("sample")), V1_SAMPLE_NOTES),
            (INDEX_KEY, "{\"format\":7,\"entries\":[]}"),
            (LAST_KEY, "garbage"),
            (STARTING_KEY, "anything"),
        ]);
        let found = unreadable_records(&records);
        let keys: Vec<&str> = found.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, [annotations_key(&html).as_str(), INDEX_KEY, LAST_KEY]);
        let named: Vec<(String, Unreadable)> = found
            .into_iter()
            .map(|(key, why)| {
                let stored = records.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()).unwrap_or_default();
                (record_name(&key, &stored, &index), why)
            })
            .collect();
        assert_eq!(named[0].0, "notes and decisions of “page.html”");
        assert_eq!(named[1].0, "the library's list");
        assert_eq!(named[2].0, "the pointer to the article open last time");
        let message = unreadable_message(&named, true).expect("a message");
        assert!(message.starts_with("3 saved records could not be read"), "{message}");
        assert!(message.contains("“page.html” (it is not valid JSON"), "{message}");
        assert!(message.contains("newer version"), "{message}");
        assert!(message.contains("kept aside in the Library"), "{message}");
        let one = unreadable_message(&named[..1], false).expect("a message");
        assert!(
            one.starts_with("A saved record could not be read") && one.contains("never to be overwritten"),
            "{one}"
        );
        assert_eq!(unreadable_message(&[], true), None);
        // A document's notes whose document the index does not know are still named.
        assert_eq!(record_name(&annotations_key("urn:x"), "{", &index), "a document's notes and decisions");
    }

    #[test]
    fn documents_texts_are_told_apart_and_rebuilt_one_at_a_time() {
        assert!(is_document_key(&document_key("urn:a")) && !is_document_key(&annotations_key("urn:a")));
        assert!(is_migrated(INDEX_KEY) && is_migrated("sidenote.v1.unreadable.index") && !is_migrated(STARTING_KEY));
        let one_by_one = sort_rebuilt(vec![
            rebuilt_entry(&urn("sample"), V1_SAMPLE_DOC, Some(V1_SAMPLE_NOTES)).expect("sample"),
            rebuilt_entry(&urn("html"), V1_HTML_DOC, None).expect("html"),
        ]);
        let together = rebuild_index(&pairs(&[
            (&document_key(&urn("sample")), V1_SAMPLE_DOC),
            (&annotations_key(&urn("sample")), V1_SAMPLE_NOTES),
            (&document_key(&urn("html")), V1_HTML_DOC),
        ]));
        assert_eq!(one_by_one, together);
        assert_eq!(rebuilt_entry("urn:x", "{", None), None);
    }

    #[test]
    fn a_start_that_did_not_finish_leads_to_safe_mode() {
        assert_eq!(start_mode(None), StartMode::Normal);
        assert_eq!(start_mode(Some("{\"format\":2}")), StartMode::Safe);
        assert_eq!(RecordKind::of_key(STARTING_KEY), None);
    }

    #[test]
    fn a_tab_message_needs_its_urn_and_record_as_strings() {
        let sent = serde_json::json!({"urn": "urn:a", "record": "{}", "later": 1}).to_string();
        assert_eq!(read_tab_message(&sent), Some(("urn:a".to_string(), "{}".to_string())));
        for bad in [r#"{"urn": "urn:a"}"#, r#"{"urn": 1, "record": "{}"}"#, r#"{"urn": "u", "record": null}"#, "[", "7"]
        {
            assert_eq!(read_tab_message(bad), None, "{bad}");
        }
    }
}
