//! Writing a W3C Web Annotation collection.

use serde::Serialize;
use serde_json::{json, Value};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{EntityKind, Extraction, Span};

use super::{context, creator, decision, generator, iri, QUOTE_LABEL};
use crate::anchor::TextTarget;
use crate::model::{
    last_by_key, looked_up, speaker_corrections, Annotations, Decision, DecisionIndex, Provenance, Reply,
};
use crate::Document;

/// The `target` of an annotation on `target` of the document, whose `source` (URL or content URN) the
/// caller computes once per export: the URN hashes the whole text.
fn target_json(source: &str, target: &TextTarget) -> Value {
    let mut selectors = vec![
        json!({"type": "TextQuoteSelector", "exact": target.exact, "prefix": target.prefix, "suffix": target.suffix}),
    ];
    if let (Some(start), Some(end)) = (target.start, target.end) {
        selectors.push(json!({"type": "TextPositionSelector", "start": start, "end": end}));
    }
    json!({"source": source, "selector": selectors})
}

/// The bodies of a note: its text (commenting) and its tags (tagging).
fn note_bodies(text: &str, tags: &[String]) -> Vec<Value> {
    let mut body = vec![json!({"type": "TextualBody", "purpose": "commenting", "value": text, "format": "text/plain"})];
    body.extend(tags.iter().map(|t| json!({"type": "TextualBody", "purpose": "tagging", "value": t})));
    body
}

/// A note's item with the versions it replaced (`sidenote:replaces`, see [`crate::model::Versions`]), so that
/// a colleague's import tells an older or newer version of it from one made apart.
fn with_versions(mut item: Value, replaces: &[String]) -> Value {
    if !replaces.is_empty() {
        item["sidenote:replaces"] = json!(replaces);
    }
    item
}

/// The `creator` of a note or reply: the person a file named as its author, else the user here.
fn author_json(author: Option<&String>) -> Value {
    match author {
        Some(name) => json!({"type": "Person", "nickname": name}),
        None => creator(),
    }
}

/// A reply: a `replying` annotation whose target is its note's IRI (W3C model 3.3.5).
fn reply_json(content_urn: &str, note_iri: &str, reply: &Reply) -> Value {
    json!({
        "type": "Annotation", "id": iri(content_urn, &reply.id), "motivation": "replying",
        "creator": author_json(reply.author.as_ref()),
        "body": {"type": "TextualBody", "purpose": "replying", "value": reply.text, "format": "text/plain"},
        "target": note_iri,
    })
}

/// Exports the document, the extractor's suggestions and the user's annotations as an `AnnotationCollection`.
pub fn export(doc: &Document, extraction: &Extraction, annotations: &Annotations) -> Value {
    let index = OffsetIndex::new(&doc.text);
    // Hashing the text once: every id and (without a URL) every target's source derive from it.
    let content_urn = doc.content_urn();
    let source = doc.source_url.clone().unwrap_or_else(|| content_urn.clone());
    let id_of = |local: &str| iri(&content_urn, local);
    let target_of = |span: Span| TextTarget::of(&doc.text, &index, span);
    let mut items = Vec::new();
    let mut replies = Vec::new();
    // Notes on the whole article first, as the Notes tab shows them: their target is the document itself.
    for note in &annotations.document_notes {
        let note_iri = id_of(&note.id);
        let item = json!({
            "type": "Annotation", "id": note_iri, "motivation": "commenting", "creator": creator(),
            "body": note_bodies(&note.text, &note.tags), "target": source,
        });
        items.push(with_versions(item, &note.replaces));
        replies.extend(note.replies.iter().map(|reply| reply_json(&content_urn, &note_iri, reply)));
    }
    for note in annotations.notes_in_reading_order() {
        let target = match note.span {
            Some(span) => target_of(span),
            None => note.target.clone(),
        };
        let note_iri = id_of(&note.id);
        let item = json!({
            "type": "Annotation", "id": note_iri, "motivation": "commenting",
            "creator": author_json(note.author.as_ref()), "body": note_bodies(&note.text, &note.tags),
            "target": target_json(&source, &target),
            "sidenote:anchor": note.status.label(),
        });
        items.push(with_versions(item, &note.replaces));
        replies.extend(note.replies.iter().map(|reply| reply_json(&content_urn, &note_iri, reply)));
    }
    // Replies after every note, so that a reader meets a note before its replies.
    items.extend(replies);
    // Each looked up once per item, not searched for: a long document has tens of thousands of mentions.
    // The first added entity on each span (reversed, as `last_by_key` keeps the last).
    let added_ids: Vec<(Span, &str)> =
        last_by_key(annotations.added.iter().rev().filter_map(|a| a.span.map(|span| (span, a.id.as_str()))).collect());
    let decisions = DecisionIndex::new(&annotations.reviews);
    let corrections = speaker_corrections(annotations);
    for shown in annotations.shown_entities(extraction) {
        // A suggestion is known by its words' position; an added entity by its own id.
        let local_id = match shown.mention {
            Some(_) => format!("mention-{}-{}", shown.span.start, shown.span.end),
            None => looked_up(&added_ids, &shown.span)
                .map_or_else(|| format!("added-{}-{}", shown.span.start, shown.span.end), |id| id.to_string()),
        };
        let mut item = json!({
            "type": "Annotation", "id": id_of(&local_id), "motivation": "classifying",
            "body": [
                {"type": "TextualBody", "purpose": "classifying", "value": shown.kind.label()},
                {"type": "TextualBody", "purpose": "identifying", "value": shown.name},
            ],
            "target": target_json(&source, &target_of(shown.span)),
        });
        match shown.provenance {
            Provenance::Suggested => item["generator"] = generator(),
            Provenance::Accepted => {
                item["generator"] = generator();
                item["creator"] = creator();
                let retagged = shown.machine_kind.is_some_and(|k| k != shown.kind);
                item["sidenote:decision"] = json!(if retagged { decision::RETAGGED } else { decision::ACCEPTED });
                item["sidenote:machineKind"] = json!(shown.machine_kind.map(EntityKind::label));
            }
            Provenance::Added => {
                item["creator"] = creator();
                item["sidenote:decision"] = json!(decision::ADDED);
            }
        }
        items.push(item);
    }
    // Rejected suggestions, so that an import hides them too.
    for mention in &extraction.entities {
        let name = &extraction.groups[mention.group].name;
        if decisions.decision_for(mention.span, mention.kind, name) == Some(Decision::Reject) {
            items.push(json!({
                "type": "Annotation", "id": id_of(&format!("rejected-{}-{}", mention.span.start, mention.span.end)),
                "motivation": "classifying", "generator": generator(), "creator": creator(),
                "body": [{"type": "TextualBody", "purpose": "classifying", "value": mention.kind.label()}],
                "target": target_json(&source, &target_of(mention.span)), "sidenote:decision": decision::REJECTED,
            }));
        }
    }
    for quote in &extraction.quotes {
        let review = decisions.quote_decision(quote.span);
        let correction = looked_up(&corrections, &quote.span).copied();
        let speaker = correction.map_or(quote.speaker.as_ref(), |c| c.speaker.as_ref());
        let mut body = vec![json!({"type": "TextualBody", "purpose": "classifying", "value": QUOTE_LABEL})];
        if let Some(speaker) = speaker {
            body.push(
                json!({"type": "TextualBody", "purpose": "identifying", "value": speaker, "sidenote:role": "speaker"}),
            );
        }
        let mut item = json!({
            "type": "Annotation", "id": id_of(&format!("quote-{}-{}", quote.span.start, quote.span.end)),
            "motivation": "classifying", "generator": generator(),
            "body": body, "target": target_json(&source, &target_of(quote.span)),
        });
        // A reviewed quotation carries the person's decision, so that an import repeats it.
        if let Some(review) = review {
            item["creator"] = creator();
            let label = if review == Decision::Reject { decision::REJECTED } else { decision::ACCEPTED };
            item["sidenote:decision"] = json!(label);
        }
        // A corrected speaker names the extractor's too, as a retagged entity names its machine kind.
        if correction.is_some() {
            item["creator"] = creator();
            item["sidenote:speakerDecision"] = json!(decision::CORRECTED);
            item["sidenote:machineSpeaker"] = json!(quote.speaker);
        }
        items.push(item);
    }
    json!({
        "@context": context(),
        "id": id_of("collection"),
        "type": "AnnotationCollection",
        "label": doc.title,
        "total": items.len(),
        "sidenote:text": doc.text,
        "sidenote:source": source,
        "first": {"type": "AnnotationPage", "id": id_of("page-1"), "startIndex": 0, "items": items},
    })
}

/// The text of an export file: the collection's frame indented, each annotation on one line of its own.
/// Indenting every field of tens of thousands of suggestions made a long article's file 60% larger (a 4 MB
/// article: 78 MB against 49 MB), past what an import takes; one annotation per line still reads, and
/// diffs, annotation by annotation.
pub fn file_text(collection: &Value) -> String {
    let mut out = Vec::new();
    let formatter = FramedFormatter { frame: serde_json::ser::PrettyFormatter::new(), depth: 0 };
    // Writing a `Value` into memory cannot fail, and what serde_json writes is UTF-8.
    if collection.serialize(&mut serde_json::Serializer::with_formatter(&mut out, formatter)).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Arrays and objects nested up to this deep (the collection, its page, the page's `items`) are indented;
/// anything deeper (each annotation) is written compactly.
const FRAME_DEPTH: usize = 3;

/// [`file_text`]'s formatter: serde_json's indenting one for the frame, its compact defaults inside it.
struct FramedFormatter {
    frame: serde_json::ser::PrettyFormatter<'static>,
    /// How many arrays and objects enclose what is written next, counting one just begun.
    depth: usize,
}

impl FramedFormatter {
    fn framed(&self) -> bool {
        self.depth <= FRAME_DEPTH
    }
}

impl serde_json::ser::Formatter for FramedFormatter {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        if self.framed() {
            self.frame.begin_array(writer)
        } else {
            writer.write_all(b"[")
        }
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        let written = if self.framed() { self.frame.end_array(writer) } else { writer.write_all(b"]") };
        self.depth -= 1;
        written
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        if self.framed() {
            self.frame.begin_array_value(writer, first)
        } else if first {
            Ok(())
        } else {
            writer.write_all(b",")
        }
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        if self.framed() {
            self.frame.end_array_value(writer)
        } else {
            Ok(())
        }
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        if self.framed() {
            self.frame.begin_object(writer)
        } else {
            writer.write_all(b"{")
        }
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        let written = if self.framed() { self.frame.end_object(writer) } else { writer.write_all(b"}") };
        self.depth -= 1;
        written
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        if self.framed() {
            self.frame.begin_object_key(writer, first)
        } else if first {
            Ok(())
        } else {
            writer.write_all(b",")
        }
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        if self.framed() {
            self.frame.begin_object_value(writer)
        } else {
            writer.write_all(b":")
        }
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        if self.framed() {
            self.frame.end_object_value(writer)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_indents_its_frame_and_writes_each_annotation_on_a_line() {
        let collection = json!({
            "first": {"items": [{"a": [1, {"b": "x\ny"}]}, {"c": "🙂\"}"}, []], "type": "AnnotationPage"},
            "total": 3,
        });
        let expected = "{\n  \"first\": {\n    \"items\": [\n      {\"a\":[1,{\"b\":\"x\\ny\"}]},\n      \
                        {\"c\":\"🙂\\\"}\"},\n      []\n    ],\n    \"type\": \"AnnotationPage\"\n  },\n  \"total\": 3\n}";
        let text = file_text(&collection);
        assert_eq!(text, expected);
        assert_eq!(serde_json::from_str::<Value>(&text).ok(), Some(collection));
        // An empty frame stays valid.
        assert_eq!(file_text(&json!({"first": {"items": []}})), "{\n  \"first\": {\n    \"items\": []\n  }\n}");
    }
}
