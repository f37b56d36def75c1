//! Reads the stored records (`records`) from their JSON values, field by field.
//!
//! Not serde's derived readers: they are a monomorphic copy per type and per list of that type, some 40 KB
//! of the Wasm for these record types, while the value is already parsed (`records` parses and migrates
//! every record as a `serde_json::Value`). The same records are accepted, with serde's rules
//! (`sidenote_annotate::json_fields`), which the tests check against the derived readers on every field of
//! full records, each removed, nulled or of another type. One difference: serde also reads a struct from a
//! JSON array of its fields in order, which no version of Sidenote ever wrote; here that is a shape error.

use serde_json::Value;
use sidenote_annotate::anchor::{AnchorStatus, TextTarget};
use sidenote_annotate::json_fields::{
    defaulted, line_hints, list, number, object, optional, required, size, text, texts, variant,
};
use sidenote_annotate::merge::{Revision, Revisions};
use sidenote_annotate::model::{
    AddedEntity, Annotations, Decision, DeletedVersions, DocumentNote, Note, Reply, Review, ReviewScope,
    SpeakerCorrection,
};
use sidenote_extract::{EntityKind, Span};

use crate::records::{AnnotationsRecord, DocumentRecord, IndexEntry};

/// A document's annotations record.
pub fn annotations_record(value: &Value) -> Result<AnnotationsRecord, String> {
    let fields = object(value, "an annotations record")?;
    Ok(AnnotationsRecord {
        format: required(fields, "format", number)?,
        saved: defaulted(fields, "saved", text)?,
        annotations: defaulted(fields, "annotations", annotations)?,
    })
}

/// A document's text record.
pub fn document_record(value: &Value) -> Result<DocumentRecord, String> {
    let fields = object(value, "a document record")?;
    Ok(DocumentRecord {
        format: required(fields, "format", number)?,
        title: required(fields, "title", text)?,
        text: required(fields, "text", text)?,
        hints: defaulted(fields, "hints", line_hints)?,
        source_url: optional(fields, "source_url", text)?,
    })
}

/// The library index record's entries (its `format` is required too).
pub fn index_entries(value: &Value) -> Result<Vec<IndexEntry>, String> {
    let fields = object(value, "an index record")?;
    required(fields, "format", number)?;
    defaulted(fields, "entries", |v| list(v, index_entry))
}

fn index_entry(value: &Value) -> Result<IndexEntry, String> {
    let fields = object(value, "struct IndexEntry")?;
    Ok(IndexEntry {
        urn: required(fields, "urn", text)?,
        title: defaulted(fields, "title", text)?,
        saved: defaulted(fields, "saved", text)?,
        notes: defaulted(fields, "notes", size)?,
        source_url: optional(fields, "source_url", text)?,
    })
}

/// The last document's URN, from its record (its `format` is required too).
pub fn last_urn(value: &Value) -> Result<String, String> {
    let fields = object(value, "a last-document record")?;
    required(fields, "format", number)?;
    required(fields, "urn", text)
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
        author: optional(fields, "author", text)?,
        replaces: defaulted(fields, "replaces", texts)?,
    })
}

fn document_note(value: &Value) -> Result<DocumentNote, String> {
    let fields = object(value, "struct DocumentNote")?;
    Ok(DocumentNote {
        id: required(fields, "id", text)?,
        text: required(fields, "text", text)?,
        tags: required(fields, "tags", texts)?,
        replies: defaulted(fields, "replies", replies)?,
        replaces: defaulted(fields, "replaces", texts)?,
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

fn revisions(value: &Value) -> Result<Revisions, String> {
    let fields = object(value, "a map")?;
    // A JSON object's keys come in order and unique: each is appended.
    let mut map = Revisions::default();
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
        deleted_versions: DeletedVersions::of_list(defaulted(fields, "deleted_versions", texts)?),
        replica: Default::default(),
    })
}

/// What can still be read of annotations the strict reader refused (one note with a field of the wrong type
/// once hid every note of its document): each item of each list that reads on its own, and how many did
/// not (a list that is not a list counts as one). `None` when there is no annotations object at all. The
/// identifier sequence is kept above every identifier read, so that new ones never repeat one.
pub fn salvaged_annotations(record: &Value) -> Option<(Annotations, usize)> {
    let fields = record.get("annotations")?.as_object()?;
    let mut lost = 0;
    let mut annotations = Annotations {
        notes: readable(fields.get("notes"), |v| with_readable_replies(v, note), &mut lost),
        reviews: readable(fields.get("reviews"), |v| review(v).map(|r| (r, 0)), &mut lost),
        added: readable(fields.get("added"), |v| added(v).map(|a| (a, 0)), &mut lost),
        document_notes: readable(fields.get("document_notes"), |v| with_readable_replies(v, document_note), &mut lost),
        speakers: readable(fields.get("speakers"), |v| speaker(v).map(|c| (c, 0)), &mut lost),
        next_id: defaulted(fields, "next_id", number).unwrap_or_default(),
        revisions: defaulted(fields, "revisions", revisions).unwrap_or_else(|_| {
            lost += 1;
            Default::default()
        }),
        deleted: defaulted(fields, "deleted", revisions).unwrap_or_else(|_| {
            lost += 1;
            Default::default()
        }),
        deleted_versions: DeletedVersions::of_list(defaulted(fields, "deleted_versions", texts).unwrap_or_else(|_| {
            lost += 1;
            Default::default()
        })),
        replica: Default::default(),
    };
    let mut ids: Vec<String> = annotations.added.iter().map(|a| a.id.clone()).collect();
    for (id, replies) in annotations
        .notes
        .iter()
        .map(|n| (&n.id, &n.replies))
        .chain(annotations.document_notes.iter().map(|n| (&n.id, &n.replies)))
    {
        ids.push(id.clone());
        ids.extend(replies.iter().map(|r| r.id.clone()));
    }
    for id in &ids {
        annotations.reserve_id(id);
    }
    Some((annotations, lost))
}

/// A note read with only the replies that read on their own (one damaged reply hid its whole note), and how
/// many replies were left out; the note itself must read.
fn with_readable_replies<T>(value: &Value, read: fn(&Value) -> Result<T, String>) -> Result<(T, usize), String> {
    match read(value) {
        Ok(item) => Ok((item, 0)),
        Err(why) => {
            let Some(Value::Array(replies)) = value.get("replies") else { return Err(why) };
            let kept: Vec<Value> = replies.iter().filter(|r| reply(r).is_ok()).cloned().collect();
            let dropped = replies.len() - kept.len();
            let mut repaired = value.clone();
            if let Some(fields) = repaired.as_object_mut() {
                fields.insert("replies".to_string(), Value::Array(kept));
            }
            read(&repaired).map(|item| (item, dropped))
        }
    }
}

/// The items of a list that read on their own, counting in `lost` those that do not (and a value that is
/// not a list as one), and the parts the reader left out of the items it read.
fn readable<T>(value: Option<&Value>, read: fn(&Value) -> Result<(T, usize), String>, lost: &mut usize) -> Vec<T> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|item| match read(item) {
                Ok((item, left_out)) => {
                    *lost += left_out;
                    Some(item)
                }
                Err(_) => {
                    *lost += 1;
                    None
                }
            })
            .collect(),
        Some(_) => {
            *lost += 1;
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use serde::de::DeserializeOwned;
    use serde_json::Map;
    use sidenote_annotate::model::Annotations;

    use crate::records::{IndexRecord, LastRecord};

    /// Both readers on one value: the same record, or both refuse it. `derived` is serde's reader's result
    /// as `ours` shapes it.
    fn agree_with<D: DeserializeOwned, T: PartialEq + std::fmt::Debug>(
        value: &Value,
        ours: fn(&Value) -> Result<T, String>,
        derived: fn(D) -> T,
    ) -> Result<(), String> {
        let ours = ours(value);
        let derived = serde_json::from_str::<D>(&value.to_string()).map(derived);
        match (&ours, &derived) {
            (Ok(a), Ok(b)) if a == b => Ok(()),
            (Err(_), Err(_)) => Ok(()),
            _ => Err(format!("{value}: ours {ours:?}, serde's {derived:?}")),
        }
    }

    fn agree(value: &Value) -> Result<(), String> {
        agree_with(value, annotations_record, |r: AnnotationsRecord| r)
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
                    "replies": [{"id": "r1", "author": "Ann", "text": "yes"}, {"id": "r2", "author": null, "text": ""}],
                    "author": "Alice Colleague", "replaces": ["0123456789abcdef"]
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
                "document_notes": [{"id": "note-4", "text": "whole", "tags": [], "replies": [], "replaces": ["fedcba9876543210"]}],
                "speakers": [{"quote": {"start": 5, "end": 9}, "speaker": "Jo"}, {"quote": {"start": 1, "end": 2}}],
                "next_id": 5,
                "revisions": {"note:note-1": {"n": 2, "by": "tab1"}, "entity:entity-3": {"n": 1}},
                "deleted": {"note:note-0": {"n": 1, "by": ""}},
                "deleted_versions": ["00000000000000aa", "00000000000000bb"]
            }
        })
    }

    #[test]
    fn a_full_record_reads_as_serde_reads_it() {
        let value = everything();
        let read = annotations_record(&value).expect("a full record");
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
        let refused = cases.iter().filter(|v| annotations_record(v).is_err()).count();
        assert!(refused > 100 && refused < cases.len(), "{refused} of {} refused", cases.len());
        let disagreements: Vec<String> = cases.iter().filter_map(|v| agree(v).err()).collect();
        assert!(disagreements.is_empty(), "{} disagreements, first: {}", disagreements.len(), disagreements[0]);
    }

    #[test]
    fn what_the_app_writes_reads_back() {
        let mut notes = Annotations::default();
        let text = "Angela Merkel met Emmanuel Macron in Paris.";
        notes.add_note(text, Span::new(0, 13), "first".into(), vec!["tag".into()]);
        let gone = notes.add_note(text, Span::new(18, 33), "second".into(), vec![]);
        assert!(notes.delete_note(&gone) && !notes.deleted_versions.is_empty(), "a deleted version to keep");
        let written = crate::records::write_annotations(&notes, "now").expect("written");
        let value: Value = serde_json::from_str(&written).expect("JSON");
        let read = annotations_record(&value).expect("read");
        assert_eq!((read.annotations, read.saved.as_str(), read.format), (notes, "now", 2));
    }

    /// Every spoilt variant of `value` (and `value` itself) read alike by `ours` and by serde's reader.
    fn all_agree<D: DeserializeOwned, T: PartialEq + std::fmt::Debug>(
        value: &Value,
        ours: fn(&Value) -> Result<T, String>,
        derived: fn(D) -> T,
    ) -> usize {
        let cases: Vec<Value> = std::iter::once(value.clone()).chain(spoilt(value)).collect();
        let disagreements: Vec<String> = cases.iter().filter_map(|v| agree_with(v, ours, derived).err()).collect();
        assert!(disagreements.is_empty(), "{} disagreements, first: {}", disagreements.len(), disagreements[0]);
        assert!(ours(value).is_ok(), "the full record reads");
        cases.len()
    }

    #[test]
    fn documents_index_and_last_records_are_read_as_serde_reads_them() {
        let document = serde_json::json!({
            "format": 2, "title": "A title", "text": "The text.", "source_url": "https://a.example/x",
            "hints": [{"tag": "p", "link_density": 0.25, "in_chrome": false},
                      {"tag": "nav", "link_density": 1, "in_chrome": true}]
        });
        assert!(all_agree(&document, document_record, |d: DocumentRecord| d) > 50);
        let index = serde_json::json!({
            "format": 2,
            "entries": [{"urn": "urn:a", "title": "A", "saved": "today", "notes": 3}, {"urn": "urn:b"}]
        });
        assert!(all_agree(&index, index_entries, |r: IndexRecord| r.entries) > 50);
        let last = serde_json::json!({"format": 2, "urn": "urn:sha256:ab"});
        assert!(all_agree(&last, last_urn, |r: LastRecord| r.urn) > 10);
    }
}
