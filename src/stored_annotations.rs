//! Reads a stored annotations record (`records::AnnotationsRecord`) from its JSON value, field by field.
//!
//! Not serde's derived reader: that is a monomorphic copy per type and per list of that type, some 36 KB of
//! the Wasm for these record types alone, while the value is already parsed (`records` parses and migrates
//! every record as a `serde_json::Value`). The same records are accepted, with serde's rules, which the
//! tests check against the derived reader on every field of real records, each removed, nulled or of
//! another type: a field marked `#[serde(default)]` (or of a struct marked so) may be missing, an `Option`
//! may be missing or null, unknown fields are ignored. One difference: serde also reads a struct from a JSON
//! array of its fields in order, which no version of Sidenote ever wrote; here that is a shape error.

use std::collections::BTreeMap;

use serde_json::{Map, Value};
use sidenote_annotate::anchor::{AnchorStatus, TextTarget};
use sidenote_annotate::merge::Revision;
use sidenote_annotate::model::{
    AddedEntity, Annotations, Decision, DocumentNote, Note, Reply, Review, ReviewScope, SpeakerCorrection,
};
use sidenote_extract::{EntityKind, Span};

use crate::records::AnnotationsRecord;

type Fields = Map<String, Value>;

/// A record's fields, or why they are not what an annotations record holds (as the UI words it).
pub fn record(value: &Value) -> Result<AnnotationsRecord, String> {
    let fields = object(value, "an annotations record")?;
    Ok(AnnotationsRecord {
        format: required(fields, "format", number)?,
        saved: defaulted(fields, "saved", text)?,
        annotations: defaulted(fields, "annotations", annotations)?,
    })
}

fn object<'v>(value: &'v Value, what: &str) -> Result<&'v Fields, String> {
    value.as_object().ok_or_else(|| format!("invalid type: {}, expected {what}", kind_of(value)))
}

/// Serde's words for what a value is, for the messages.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a sequence",
        Value::Object(_) => "a map",
    }
}

/// A field that must be there.
fn required<T>(fields: &Fields, name: &str, read: fn(&Value) -> Result<T, String>) -> Result<T, String> {
    read(fields.get(name).ok_or_else(|| format!("missing field `{name}`"))?)
}

/// A field that takes its default when missing (`#[serde(default)]`); null is not missing.
fn defaulted<T: Default>(fields: &Fields, name: &str, read: fn(&Value) -> Result<T, String>) -> Result<T, String> {
    match fields.get(name) {
        None => Ok(T::default()),
        Some(_) => required(fields, name, read),
    }
}

/// An `Option` field: missing and null are both `None`.
fn optional<T>(fields: &Fields, name: &str, read: fn(&Value) -> Result<T, String>) -> Result<Option<T>, String> {
    match fields.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => required(fields, name, read).map(Some),
    }
}

fn list<T>(value: &Value, read: fn(&Value) -> Result<T, String>) -> Result<Vec<T>, String> {
    let items = value.as_array().ok_or_else(|| format!("invalid type: {}, expected a sequence", kind_of(value)))?;
    items.iter().map(read).collect()
}

fn text(value: &Value) -> Result<String, String> {
    value.as_str().map(String::from).ok_or_else(|| format!("invalid type: {}, expected a string", kind_of(value)))
}

fn texts(value: &Value) -> Result<Vec<String>, String> {
    list(value, text)
}

fn number(value: &Value) -> Result<u64, String> {
    value.as_u64().ok_or_else(|| format!("invalid value: {value}, expected u64"))
}

fn size(value: &Value) -> Result<usize, String> {
    number(value).and_then(|n| usize::try_from(n).map_err(|_| format!("invalid value: {n}, expected usize")))
}

/// One of `names`, as a string; its index.
fn variant(value: &Value, names: &[&str]) -> Result<usize, String> {
    let name = value.as_str().ok_or_else(|| format!("invalid type: {}, expected a variant", kind_of(value)))?;
    names.iter().position(|n| *n == name).ok_or_else(|| format!("unknown variant `{name}`"))
}

fn entity_kind(value: &Value) -> Result<EntityKind, String> {
    const LABELS: [&str; 5] = ["PERSON", "ORG", "PLACE", "DATE", "MISC"];
    variant(value, &LABELS).map(|i| EntityKind::ALL[i])
}

fn status(value: &Value) -> Result<AnchorStatus, String> {
    const STATUSES: [AnchorStatus; 4] =
        [AnchorStatus::Exact, AnchorStatus::Moved, AnchorStatus::Fuzzy, AnchorStatus::Orphan];
    variant(value, &["exact", "moved", "fuzzy", "orphan"]).map(|i| STATUSES[i])
}

fn span(value: &Value) -> Result<Span, String> {
    let fields = object(value, "struct Span")?;
    Ok(Span { start: required(fields, "start", size)?, end: required(fields, "end", size)? })
}

/// Every field has a default (`#[serde(default)]` on the struct).
fn target(value: &Value) -> Result<TextTarget, String> {
    let fields = object(value, "struct TextTarget")?;
    Ok(TextTarget {
        exact: defaulted(fields, "exact", text)?,
        prefix: defaulted(fields, "prefix", text)?,
        suffix: defaulted(fields, "suffix", text)?,
        start: optional(fields, "start", size)?,
        end: optional(fields, "end", size)?,
    })
}

fn reply(value: &Value) -> Result<Reply, String> {
    let fields = object(value, "struct Reply")?;
    Ok(Reply {
        id: required(fields, "id", text)?,
        author: optional(fields, "author", text)?,
        text: required(fields, "text", text)?,
    })
}

fn replies(value: &Value) -> Result<Vec<Reply>, String> {
    list(value, reply)
}

fn note(value: &Value) -> Result<Note, String> {
    let fields = object(value, "struct Note")?;
    Ok(Note {
        id: required(fields, "id", text)?,
        span: optional(fields, "span", span)?,
        target: required(fields, "target", target)?,
        status: required(fields, "status", status)?,
        text: defaulted(fields, "text", text)?,
        tags: defaulted(fields, "tags", texts)?,
        replies: defaulted(fields, "replies", replies)?,
    })
}

fn document_note(value: &Value) -> Result<DocumentNote, String> {
    let fields = object(value, "struct DocumentNote")?;
    Ok(DocumentNote {
        id: required(fields, "id", text)?,
        text: required(fields, "text", text)?,
        tags: required(fields, "tags", texts)?,
        replies: defaulted(fields, "replies", replies)?,
    })
}

fn added(value: &Value) -> Result<AddedEntity, String> {
    let fields = object(value, "struct AddedEntity")?;
    Ok(AddedEntity {
        id: required(fields, "id", text)?,
        span: optional(fields, "span", span)?,
        target: required(fields, "target", target)?,
        status: required(fields, "status", status)?,
        kind: required(fields, "kind", entity_kind)?,
    })
}

fn speaker(value: &Value) -> Result<SpeakerCorrection, String> {
    let fields = object(value, "struct SpeakerCorrection")?;
    Ok(SpeakerCorrection { quote: required(fields, "quote", span)?, speaker: optional(fields, "speaker", text)? })
}

/// Written as `{"scope": "Mention", "span": …, "kind": …}` (serde's internally tagged enum).
fn scope(value: &Value) -> Result<ReviewScope, String> {
    let fields = object(value, "struct ScopeFields")?;
    let tag = required(fields, "scope", |v| variant(v, &["Mention", "Entity", "Quote"]))?;
    let span = optional(fields, "span", span)?;
    let kind = optional(fields, "kind", entity_kind)?;
    let name = optional(fields, "name", text)?;
    Ok(match tag {
        0 => ReviewScope::Mention { span: present(span, "span")?, kind: present(kind, "kind")? },
        1 => ReviewScope::Entity { name: present(name, "name")?, kind: present(kind, "kind")? },
        _ => ReviewScope::Quote { span: present(span, "span")? },
    })
}

/// Written as `{"decision": "retag", "kind": …}` (serde's adjacently tagged enum).
fn decision(value: &Value) -> Result<Decision, String> {
    let fields = object(value, "struct DecisionFields")?;
    let tag = required(fields, "decision", |v| variant(v, &["accept", "reject", "retag"]))?;
    let kind = optional(fields, "kind", entity_kind)?;
    Ok(match tag {
        0 => Decision::Accept,
        1 => Decision::Reject,
        _ => Decision::Retag(present(kind, "kind")?),
    })
}

/// A field a variant needs, with serde's message when it is missing.
fn present<T>(value: Option<T>, field: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing field `{field}`"))
}

fn review(value: &Value) -> Result<Review, String> {
    let fields = object(value, "struct Review")?;
    Ok(Review { scope: required(fields, "scope", scope)?, decision: required(fields, "decision", decision)? })
}

fn revision(value: &Value) -> Result<Revision, String> {
    let fields = object(value, "struct Revision")?;
    Ok(Revision { n: required(fields, "n", number)?, by: defaulted(fields, "by", text)? })
}

fn revisions(value: &Value) -> Result<BTreeMap<String, Revision>, String> {
    let fields = object(value, "a map")?;
    // Inserted one by one, not collected: `BTreeMap::from_iter` sorts first, with its own copy of the
    // standard stable sort (3 KB of Wasm); a JSON object's keys are unique anyway.
    let mut map = BTreeMap::new();
    for (key, value) in fields {
        map.insert(key.clone(), revision(value)?);
    }
    Ok(map)
}

/// Every field has a default (`#[serde(default)]` on the struct); `replica` is not saved.
fn annotations(value: &Value) -> Result<Annotations, String> {
    let fields = object(value, "struct Annotations")?;
    Ok(Annotations {
        notes: defaulted(fields, "notes", |v| list(v, note))?,
        reviews: defaulted(fields, "reviews", |v| list(v, review))?,
        added: defaulted(fields, "added", |v| list(v, added))?,
        document_notes: defaulted(fields, "document_notes", |v| list(v, document_note))?,
        speakers: defaulted(fields, "speakers", |v| list(v, speaker))?,
        next_id: defaulted(fields, "next_id", number)?,
        revisions: defaulted(fields, "revisions", revisions)?,
        deleted: defaulted(fields, "deleted", revisions)?,
        replica: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use sidenote_annotate::model::Annotations;

    /// Both readers on one value: the same record, or both refuse it.
    fn agree(value: &Value) -> Result<(), String> {
        let ours = record(value);
        let derived = serde_json::from_str::<AnnotationsRecord>(&value.to_string());
        match (&ours, &derived) {
            (Ok(a), Ok(b)) if a == b => Ok(()),
            (Err(_), Err(_)) => Ok(()),
            _ => Err(format!("{value}: ours {ours:?}, serde's {derived:?}")),
        }
    }

    /// Every way to spoil one field: each object's each field removed or replaced by a value of every other
    /// type, one at a time, anywhere in the tree.
    fn spoilt(value: &Value) -> Vec<Value> {
        let replacements = [
            Value::Null,
            Value::from("x"),
            Value::from(-1),
            Value::from(1.5),
            Value::from(true),
            Value::Object(Map::new()),
        ];
        let mut out = Vec::new();
        match value {
            Value::Object(fields) => {
                for (key, inner) in fields {
                    let mut without = fields.clone();
                    without.remove(key);
                    out.push(Value::Object(without));
                    for replacement in replacements.iter().chain(spoilt(inner).iter()) {
                        let mut changed = fields.clone();
                        changed.insert(key.clone(), replacement.clone());
                        out.push(Value::Object(changed));
                    }
                }
            }
            Value::Array(items) => {
                for (i, inner) in items.iter().enumerate() {
                    for replacement in replacements.iter().chain(spoilt(inner).iter()) {
                        let mut changed = items.clone();
                        changed[i] = replacement.clone();
                        out.push(Value::Array(changed));
                    }
                }
            }
            _ => {}
        }
        out
    }

    /// A record using every field of every type, as the app writes it.
    fn everything() -> Value {
        serde_json::json!({
            "format": 2,
            "saved": "today",
            "annotations": {
                "notes": [{
                    "id": "note-1", "span": {"start": 1, "end": 4},
                    "target": {"exact": "abc", "prefix": "p", "suffix": "s", "start": 1, "end": 4},
                    "status": "moved", "text": "a note", "tags": ["t", "u"],
                    "replies": [{"id": "r1", "author": "Ann", "text": "yes"}, {"id": "r2", "author": null, "text": ""}]
                }, {
                    "id": "note-2", "span": null, "target": {"exact": "z"}, "status": "orphan"
                }],
                "reviews": [
                    {"scope": {"scope": "Mention", "span": {"start": 0, "end": 3}, "kind": "PERSON"},
                     "decision": {"decision": "accept"}},
                    {"scope": {"scope": "Entity", "name": "Acme", "kind": "ORG"},
                     "decision": {"decision": "retag", "kind": "MISC"}},
                    {"scope": {"scope": "Quote", "span": {"start": 5, "end": 9}}, "decision": {"decision": "reject"}}
                ],
                "added": [{
                    "id": "entity-3", "span": {"start": 2, "end": 6}, "target": {"exact": "Paris"},
                    "status": "fuzzy", "kind": "PLACE"
                }],
                "document_notes": [{"id": "note-4", "text": "whole", "tags": [], "replies": []}],
                "speakers": [{"quote": {"start": 5, "end": 9}, "speaker": "Jo"}, {"quote": {"start": 1, "end": 2}}],
                "next_id": 5,
                "revisions": {"note:note-1": {"n": 2, "by": "tab1"}, "entity:entity-3": {"n": 1}},
                "deleted": {"note:note-0": {"n": 1, "by": ""}}
            }
        })
    }

    #[test]
    fn a_full_record_reads_as_serde_reads_it() {
        let value = everything();
        let read = record(&value).expect("a full record");
        assert_eq!(read.annotations.notes.len(), 2);
        assert_eq!(read.annotations.reviews[1].decision, Decision::Retag(EntityKind::Misc));
        assert_eq!(read.annotations.revisions.len(), 2);
        agree(&value).expect("the same record");
    }

    #[test]
    fn every_spoilt_field_is_accepted_or_refused_as_serde_does() {
        let value = everything();
        let cases = spoilt(&value);
        assert!(cases.len() > 500, "{} cases", cases.len());
        let refused = cases.iter().filter(|v| record(v).is_err()).count();
        assert!(refused > 100 && refused < cases.len(), "{refused} of {} refused", cases.len());
        let disagreements: Vec<String> = cases.iter().filter_map(|v| agree(v).err()).collect();
        assert!(disagreements.is_empty(), "{} disagreements, first: {}", disagreements.len(), disagreements[0]);
    }

    #[test]
    fn what_the_app_writes_reads_back() {
        let mut notes = Annotations::default();
        let text = "Angela Merkel met Emmanuel Macron in Paris.";
        notes.add_note(text, Span::new(0, 13), "first".into(), vec!["tag".into()]);
        let written = crate::records::write_annotations(&notes, "now").expect("written");
        let value: Value = serde_json::from_str(&written).expect("JSON");
        let read = record(&value).expect("read");
        assert_eq!((read.annotations, read.saved.as_str(), read.format), (notes, "now", 2));
    }
}
