//! Writing a W3C Web Annotation collection.

use serde_json::Value;
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{EntityKind, Extraction, Span};

use super::{context, creator, decision, generator, iri, QUOTE_LABEL};
use crate::anchor::TextTarget;
use crate::json_fields::{compact, json_object};
use crate::model::{
    last_by_key, looked_up, speaker_corrections, Annotations, Decision, DecisionIndex, Provenance, Reply,
};
use crate::Document;

/// The `target` of an annotation on `target` of the document, whose `source` (URL or content URN) the
/// caller computes once per export: the URN hashes the whole text.
fn target_json(source: &str, target: &TextTarget) -> Value {
    let mut selectors = vec![json_object(vec![
        ("type", "TextQuoteSelector".into()),
        ("exact", target.exact.as_str().into()),
        ("prefix", target.prefix.as_str().into()),
        ("suffix", target.suffix.as_str().into()),
    ])];
    if let (Some(start), Some(end)) = (target.start, target.end) {
        selectors.push(json_object(vec![
            ("type", "TextPositionSelector".into()),
            ("start", start.into()),
            ("end", end.into()),
        ]));
    }
    json_object(vec![("source", source.into()), ("selector", Value::Array(selectors))])
}

/// A `TextualBody` of this purpose and value.
fn textual_body(purpose: &str, value: Value) -> Value {
    json_object(vec![("type", "TextualBody".into()), ("purpose", purpose.into()), ("value", value)])
}

/// A body written as text by a person (`format` says so).
fn plain_text_body(purpose: &str, text: &str) -> Value {
    let mut body = textual_body(purpose, text.into());
    body["format"] = "text/plain".into();
    body
}

/// The bodies of a note: its text (commenting) and its tags (tagging).
fn note_bodies(text: &str, tags: &[String]) -> Value {
    let mut body = vec![plain_text_body("commenting", text)];
    body.extend(tags.iter().map(|tag| textual_body("tagging", tag.as_str().into())));
    Value::Array(body)
}

/// A note's item with the versions it replaced (`sidenote:replaces`, see [`crate::model::Versions`]), so that
/// a colleague's import tells an older or newer version of it from one made apart.
fn with_versions(mut item: Value, replaces: &[String]) -> Value {
    if !replaces.is_empty() {
        item["sidenote:replaces"] = replaces.into();
    }
    item
}

/// The `creator` of a note or reply: the person a file named as its author, else the user here.
fn author_json(author: Option<&String>) -> Value {
    match author {
        Some(name) => json_object(vec![("type", "Person".into()), ("nickname", name.as_str().into())]),
        None => creator(),
    }
}

/// An annotation's first fields, which every item has.
fn annotation(id: String, motivation: &str) -> Value {
    json_object(vec![("type", "Annotation".into()), ("id", id.into()), ("motivation", motivation.into())])
}

/// A reply: a `replying` annotation whose target is its note's IRI (W3C model 3.3.5).
fn reply_json(content_urn: &str, note_iri: &str, reply: &Reply) -> Value {
    let mut item = annotation(iri(content_urn, &reply.id), "replying");
    item["creator"] = author_json(reply.author.as_ref());
    item["body"] = plain_text_body("replying", &reply.text);
    item["target"] = note_iri.into();
    item
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
        let mut item = annotation(note_iri.clone(), "commenting");
        item["creator"] = creator();
        item["body"] = note_bodies(&note.text, &note.tags);
        item["target"] = source.as_str().into();
        items.push(with_versions(item, &note.replaces));
        replies.extend(note.replies.iter().map(|reply| reply_json(&content_urn, &note_iri, reply)));
    }
    for note in annotations.notes_in_reading_order() {
        let target = match note.span {
            Some(span) => target_of(span),
            None => note.target.clone(),
        };
        let note_iri = id_of(&note.id);
        let mut item = annotation(note_iri.clone(), "commenting");
        item["creator"] = author_json(note.author.as_ref());
        item["body"] = note_bodies(&note.text, &note.tags);
        item["target"] = target_json(&source, &target);
        item["sidenote:anchor"] = note.status.label().into();
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
        let mut item = annotation(id_of(&local_id), "classifying");
        item["body"] = Value::Array(vec![
            textual_body("classifying", shown.kind.label().into()),
            textual_body("identifying", shown.name.as_str().into()),
        ]);
        item["target"] = target_json(&source, &target_of(shown.span));
        match shown.provenance {
            Provenance::Suggested => item["generator"] = generator(),
            Provenance::Accepted => {
                item["generator"] = generator();
                item["creator"] = creator();
                let retagged = shown.machine_kind.is_some_and(|k| k != shown.kind);
                item["sidenote:decision"] = (if retagged { decision::RETAGGED } else { decision::ACCEPTED }).into();
                item["sidenote:machineKind"] = shown.machine_kind.map(EntityKind::label).into();
            }
            Provenance::Added => {
                item["creator"] = creator();
                item["sidenote:decision"] = decision::ADDED.into();
            }
        }
        items.push(item);
    }
    // Rejected suggestions, so that an import hides them too.
    for mention in &extraction.entities {
        let name = &extraction.groups[mention.group].name;
        if decisions.decision_for(mention.span, mention.kind, name) == Some(Decision::Reject) {
            let mut item =
                annotation(id_of(&format!("rejected-{}-{}", mention.span.start, mention.span.end)), "classifying");
            item["generator"] = generator();
            item["creator"] = creator();
            item["body"] = Value::Array(vec![textual_body("classifying", mention.kind.label().into())]);
            item["target"] = target_json(&source, &target_of(mention.span));
            item["sidenote:decision"] = decision::REJECTED.into();
            items.push(item);
        }
    }
    for quote in &extraction.quotes {
        let review = decisions.quote_decision(quote.span);
        let correction = looked_up(&corrections, &quote.span).copied();
        let speaker = correction.map_or(quote.speaker.as_ref(), |c| c.speaker.as_ref());
        let mut body = vec![textual_body("classifying", QUOTE_LABEL.into())];
        if let Some(speaker) = speaker {
            let mut identifying = textual_body("identifying", speaker.as_str().into());
            identifying["sidenote:role"] = "speaker".into();
            body.push(identifying);
        }
        let mut item = annotation(id_of(&format!("quote-{}-{}", quote.span.start, quote.span.end)), "classifying");
        item["generator"] = generator();
        item["body"] = Value::Array(body);
        item["target"] = target_json(&source, &target_of(quote.span));
        // A reviewed quotation carries the person's decision, so that an import repeats it.
        if let Some(review) = review {
            item["creator"] = creator();
            let label = if review == Decision::Reject { decision::REJECTED } else { decision::ACCEPTED };
            item["sidenote:decision"] = label.into();
        }
        // A corrected speaker names the extractor's too, as a retagged entity names its machine kind.
        if correction.is_some() {
            item["creator"] = creator();
            item["sidenote:speakerDecision"] = decision::CORRECTED.into();
            item["sidenote:machineSpeaker"] = quote.speaker.clone().into();
        }
        items.push(item);
    }
    let total = items.len();
    let page = json_object(vec![
        ("type", "AnnotationPage".into()),
        ("id", id_of("page-1").into()),
        ("startIndex", 0.into()),
        ("items", Value::Array(items)),
    ]);
    json_object(vec![
        ("@context", context()),
        ("id", id_of("collection").into()),
        ("type", "AnnotationCollection".into()),
        ("label", doc.title.as_str().into()),
        ("total", total.into()),
        ("sidenote:text", doc.text.as_str().into()),
        ("sidenote:source", source.into()),
        ("first", page),
    ])
}

/// The text of an export file: the collection's frame indented, each annotation on one line of its own.
/// Indenting every field of tens of thousands of suggestions made a long article's file 60% larger (a 4 MB
/// article: 78 MB against 49 MB), past what an import takes; one annotation per line still reads, and
/// diffs, annotation by annotation.
pub fn file_text(collection: &Value) -> String {
    let mut out = String::new();
    write_framed(collection, 0, &mut out);
    out
}

/// Arrays and objects nested up to this deep (the collection, its page, the page's `items`) are indented;
/// anything deeper (each annotation) is written compactly.
const FRAME_DEPTH: usize = 3;

/// Writes `value`, inside `enclosing` arrays and objects, as serde_json's indenting formatter does for the
/// frame and compactly inside it. Written by hand rather than as a serde_json
/// formatter: a formatter type is one more copy of serde_json's `Value` serializer in the Wasm, and this
/// reuses the compact one (`json_fields::compact`).
fn write_framed(value: &Value, enclosing: usize, out: &mut String) {
    let depth = enclosing + 1;
    let indent = |out: &mut String, levels: usize| out.extend(std::iter::repeat_n("  ", levels));
    let (open, close, empty) = match value {
        Value::Array(items) if depth <= FRAME_DEPTH => ('[', ']', items.is_empty()),
        Value::Object(fields) if depth <= FRAME_DEPTH => ('{', '}', fields.is_empty()),
        _ => return out.push_str(&compact(value)),
    };
    out.push(open);
    let mut first = true;
    let mut next = |out: &mut String| {
        out.push_str(if first { "\n" } else { ",\n" });
        first = false;
        indent(out, depth);
    };
    match value {
        Value::Array(items) => items.iter().for_each(|item| {
            next(out);
            write_framed(item, depth, out);
        }),
        Value::Object(fields) => fields.iter().for_each(|(key, item)| {
            next(out);
            // A key is written as a JSON string is, escapes and all.
            out.push_str(&compact(&Value::String(key.clone())));
            out.push_str(": ");
            write_framed(item, depth, out);
        }),
        _ => {}
    }
    if !empty {
        out.push('\n');
        indent(out, enclosing);
    }
    out.push(close);
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;

    /// The formatter `file_text` was written with before it wrote the frame by hand: serde_json's indenting
    /// formatter for the frame, its compact defaults inside it. `file_text` must write what it wrote.
    fn reference_file_text(collection: &Value) -> String {
        use serde::Serialize;
        let mut out = Vec::new();
        let formatter = FramedFormatter { frame: serde_json::ser::PrettyFormatter::new(), depth: 0 };
        collection.serialize(&mut serde_json::Serializer::with_formatter(&mut out, formatter)).expect("JSON");
        String::from_utf8(out).expect("UTF-8")
    }

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

        fn begin_array_value<W: ?Sized + std::io::Write>(
            &mut self,
            writer: &mut W,
            first: bool,
        ) -> std::io::Result<()> {
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

    /// JSON values nested up to five deep, with strings that need escaping and numbers of every kind.
    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (-1e9f64..1e9).prop_map(Value::from),
            "[a-z\"\\\n\t\u{1}é🙂 ]{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(5, 48, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::vec(("[a-z\"\\\n🙂]{0,4}", inner), 0..4)
                    .prop_map(|fields| Value::Object(fields.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn a_file_is_written_as_the_framed_serde_formatter_wrote_it(value in json_value()) {
            prop_assert_eq!(file_text(&value), reference_file_text(&value));
        }
    }

    #[test]
    fn an_export_is_written_as_the_framed_serde_formatter_wrote_it() {
        let text = "Angela Merkel said: “We will talk.” Emmanuel Macron met her in Paris.";
        let doc = Document::new("Talks \"quoted\"", text);
        let extraction = sidenote_extract::extract(text);
        let mut annotations = crate::model::Annotations::default();
        let span = Span::new(0, "Angela Merkel".len());
        annotations.add_note(text, span, "A note\nwith a line".into(), vec!["tag".into()]);
        annotations.add_document_note("On the whole \u{1} article".into(), Vec::new());
        let collection = export(&doc, &extraction, &annotations);
        assert!(collection["first"]["items"].as_array().is_some_and(|items| items.len() > 3));
        assert_eq!(file_text(&collection), reference_file_text(&collection));
    }

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
