//! W3C Web Annotation export and import (JSON-LD, `http://www.w3.org/ns/anno.jsonld`), and import of
//! Hypothesis's JSON export.
//!
//! Every annotation's target carries a `TextQuoteSelector` (exact words, ~32 characters of prefix and
//! suffix) and a `TextPositionSelector` in Unicode code points, as the standard requires. The collection
//! embeds the article text (`sidenote:text`), so the file alone is enough for a colleague.
//!
//! Provenance follows the model: machine suggestions carry a `generator` (the extractor); human notes
//! and decisions carry a `creator` (a person). Rejected suggestions are exported too, marked
//! `"sidenote:decision": "rejected"`, so that a colleague's import hides them as well.

use std::fmt;

use serde_json::{json, Value};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{EntityKind, Extraction, Span};

use crate::anchor::{AnchorStatus, Anchorer, TextTarget};
use crate::markdown_escape::escape_markdown;
use crate::model::{AddedEntity, Anchorable, Annotations, Decision, Note, Provenance, ReviewScope};
use crate::Document;

/// The generator named in `generator` of machine-made annotations.
pub const GENERATOR: &str = "Sidenote extractor";

/// The JSON-LD context of every exported file.
pub fn context() -> Value {
    json!(["http://www.w3.org/ns/anno.jsonld", {"sidenote": "https://sidenote.invalid/ns#"}])
}

fn generator() -> Value {
    json!({"type": "Software", "name": GENERATOR})
}

fn creator() -> Value {
    json!({"type": "Person", "nickname": "Sidenote user"})
}

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

/// Exports the document, the extractor's suggestions and the user's annotations as an `AnnotationCollection`.
pub fn export(doc: &Document, extraction: &Extraction, annotations: &Annotations) -> Value {
    let index = OffsetIndex::new(&doc.text);
    let source = doc.source();
    let target_of = |span: Span| TextTarget::of(&doc.text, &index, span);
    let mut items = Vec::new();
    for note in annotations.notes_in_reading_order() {
        let mut body =
            vec![json!({"type": "TextualBody", "purpose": "commenting", "value": note.text, "format": "text/plain"})];
        body.extend(note.tags.iter().map(|t| json!({"type": "TextualBody", "purpose": "tagging", "value": t})));
        let target = match note.span {
            Some(span) => target_of(span),
            None => note.target.clone(),
        };
        items.push(json!({
            "type": "Annotation", "id": format!("#{}", note.id), "motivation": "commenting",
            "creator": creator(), "body": body, "target": target_json(&source, &target),
            "sidenote:anchor": note.status.label(),
        }));
    }
    for (n, shown) in annotations.shown_entities(extraction).iter().enumerate() {
        let mut item = json!({
            "type": "Annotation", "id": format!("#entity-mention-{n}"), "motivation": "classifying",
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
                item["sidenote:decision"] = json!(if retagged { "retagged" } else { "accepted" });
                item["sidenote:machineKind"] = json!(shown.machine_kind.map(EntityKind::label));
            }
            Provenance::Added => {
                item["creator"] = creator();
                item["sidenote:decision"] = json!("added");
            }
        }
        items.push(item);
    }
    // Rejected suggestions, so that an import hides them too.
    for mention in &extraction.entities {
        let name = &extraction.groups[mention.group].name;
        if annotations.decision_for(mention.span, mention.kind, name) == Some(Decision::Reject) {
            items.push(json!({
                "type": "Annotation", "id": format!("#rejected-{}-{}", mention.span.start, mention.span.end),
                "motivation": "classifying", "generator": generator(), "creator": creator(),
                "body": [{"type": "TextualBody", "purpose": "classifying", "value": mention.kind.label()}],
                "target": target_json(&source, &target_of(mention.span)), "sidenote:decision": "rejected",
            }));
        }
    }
    for (n, quote) in extraction.quotes.iter().enumerate() {
        let decision = annotations.quote_decision(quote.span);
        let mut body = vec![json!({"type": "TextualBody", "purpose": "classifying", "value": "QUOTE"})];
        if let Some(speaker) = &quote.speaker {
            body.push(
                json!({"type": "TextualBody", "purpose": "identifying", "value": speaker, "sidenote:role": "speaker"}),
            );
        }
        let mut item = json!({
            "type": "Annotation", "id": format!("#quote-{n}"), "motivation": "classifying", "generator": generator(),
            "body": body, "target": target_json(&source, &target_of(quote.span)),
        });
        // A reviewed quotation carries the person's decision, so that an import repeats it.
        if let Some(decision) = decision {
            item["creator"] = creator();
            item["sidenote:decision"] = json!(if decision == Decision::Reject { "rejected" } else { "accepted" });
        }
        items.push(item);
    }
    json!({
        "@context": context(),
        "type": "AnnotationCollection",
        "label": doc.title,
        "total": items.len(),
        "sidenote:text": doc.text,
        "sidenote:source": source,
        "first": {"type": "AnnotationPage", "items": items},
    })
}

/// Why a file could not be imported. Nothing already open is changed by a failed import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    message: String,
}

impl ImportError {
    fn new(message: impl Into<String>) -> Self {
        ImportError { message: message.into() }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

/// One imported human decision on a suggestion, not yet anchored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedReview {
    /// The words it was about.
    pub target: TextTarget,
    /// The extractor's kind for them; `None` for a quotation.
    pub machine_kind: Option<EntityKind>,
    /// The decision.
    pub decision: Decision,
}

/// What a file holds, before it is anchored on a text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Imported {
    /// The article text, if the file carries it (`sidenote:text`).
    pub text: Option<String>,
    /// The collection's label.
    pub title: Option<String>,
    /// Notes (with `span: None` until anchored).
    pub notes: Vec<Note>,
    /// Entities a person added.
    pub added: Vec<AddedEntity>,
    /// Decisions on suggestions.
    pub reviews: Vec<ImportedReview>,
    /// Machine suggestions in the file, which the importing side re-extracts instead.
    pub skipped_suggestions: usize,
}

/// How an import went: one status per anchored annotation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    /// Count per anchoring status, in the order exact, moved, fuzzy, orphan.
    pub counts: [usize; 4],
    /// Decisions whose words were not found (dropped, since there is nothing to decide about).
    pub orphaned_reviews: usize,
}

impl ImportReport {
    fn count(&mut self, status: AnchorStatus) {
        self.counts[status as usize] += 1;
    }

    /// A sentence for the user: "Imported 5 annotations: 3 exact, 1 moved, 0 fuzzy, 1 orphan."
    pub fn summary(&self) -> String {
        let [exact, moved, fuzzy, orphan] = self.counts;
        format!(
            "Imported {} annotations: {exact} exact, {moved} moved, {fuzzy} fuzzy, {orphan} orphan.",
            exact + moved + fuzzy + orphan
        )
    }
}

fn selector_target(item: &Value, where_: &str) -> Result<TextTarget, ImportError> {
    // W3C allows `target` to be an object or a list of them; Hypothesis always uses a list.
    let target = match &item["target"] {
        Value::Array(list) => list.first().cloned().unwrap_or(Value::Null),
        other => other.clone(),
    };
    let selectors = match &target["selector"] {
        Value::Array(list) => list.clone(),
        Value::Object(_) => vec![target["selector"].clone()],
        _ => return Err(ImportError::new(format!("{where_} has no target selector"))),
    };
    let mut out = TextTarget::default();
    let mut has_quote = false;
    for selector in &selectors {
        match selector["type"].as_str() {
            Some("TextQuoteSelector") => {
                let exact = selector["exact"].as_str().ok_or_else(|| {
                    ImportError::new(format!("{where_}: its TextQuoteSelector has no \"exact\" text"))
                })?;
                out.exact = exact.to_string();
                out.prefix = selector["prefix"].as_str().unwrap_or("").to_string();
                out.suffix = selector["suffix"].as_str().unwrap_or("").to_string();
                has_quote = true;
            }
            Some("TextPositionSelector") => {
                let (start, end) = (selector["start"].as_u64(), selector["end"].as_u64());
                match (start, end) {
                    (Some(s), Some(e)) if s <= e => {
                        out.start = Some(s as usize);
                        out.end = Some(e as usize);
                    }
                    _ => {
                        return Err(ImportError::new(format!(
                            "{where_}: its TextPositionSelector needs whole numbers start <= end"
                        )))
                    }
                }
            }
            _ => {}
        }
    }
    if !has_quote {
        return Err(ImportError::new(format!("{where_} has no TextQuoteSelector, so its words cannot be found again")));
    }
    Ok(out)
}

fn bodies(item: &Value) -> Vec<Value> {
    match &item["body"] {
        Value::Array(list) => list.clone(),
        Value::Null => Vec::new(),
        other => vec![other.clone()],
    }
}

fn body_values<'a>(bodies: &'a [Value], purpose: &str) -> impl Iterator<Item = &'a str> + 'a {
    let purpose = purpose.to_string();
    bodies.iter().filter(move |b| b["purpose"].as_str() == Some(purpose.as_str())).filter_map(|b| b["value"].as_str())
}

fn plain_id(item: &Value) -> Option<String> {
    item["id"].as_str().map(|id| id.trim_start_matches('#').to_string()).filter(|id| !id.is_empty())
}

fn parse_json(json_text: &str) -> Result<Value, ImportError> {
    serde_json::from_str(json_text).map_err(|e| ImportError::new(format!("This file is not valid JSON ({e})")))
}

/// The annotations of a file, whatever container holds them.
fn items_of(value: &Value) -> Result<Vec<Value>, ImportError> {
    let items: Vec<Value> = if let Some(list) = value.as_array() {
        list.clone()
    } else if let Some(list) = value["first"]["items"].as_array() {
        list.clone()
    } else if let Some(list) = value["items"].as_array() {
        list.clone()
    } else if let Some(list) = value["rows"].as_array().or_else(|| value["annotations"].as_array()) {
        list.clone() // Hypothesis API search results and some exports
    } else if value["type"] == "Annotation" {
        vec![value.clone()]
    } else {
        return Err(ImportError::new(
            "This JSON is not an annotation file: expected a W3C Web Annotation collection, page, annotation or list, or a Hypothesis export",
        ));
    };
    Ok(items)
}

/// Every annotation's id and target in a file, machine suggestions included (for `sidenote anchor`).
pub fn targets(json_text: &str) -> Result<Vec<(Option<String>, TextTarget)>, ImportError> {
    let items = items_of(&parse_json(json_text)?)?;
    items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            Ok((plain_id(item), selector_target(item, &format!("Annotation {} of {}", n + 1, items.len()))?))
        })
        .collect()
}

/// Parses a W3C Web Annotation file (a collection, page, single annotation or list) or a Hypothesis export.
pub fn parse(json_text: &str) -> Result<Imported, ImportError> {
    let value = parse_json(json_text)?;
    let mut imported = Imported {
        text: value["sidenote:text"].as_str().map(str::to_string),
        title: value["label"].as_str().map(str::to_string),
        ..Imported::default()
    };
    let items = items_of(&value)?;
    for (n, item) in items.iter().enumerate() {
        let where_ = format!("Annotation {} of {}", n + 1, items.len());
        if !item.is_object() {
            return Err(ImportError::new(format!("{where_} is not an object")));
        }
        let target = selector_target(item, &where_)?;
        let id = plain_id(item);
        let body = bodies(item);
        let is_hypothesis = item["text"].is_string() && item["type"].is_null();
        if is_hypothesis {
            let tags = item["tags"]
                .as_array()
                .map(|t| t.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
                .unwrap_or_default();
            imported.notes.push(Note {
                id: id.unwrap_or_default(),
                span: None,
                target,
                status: AnchorStatus::Orphan,
                text: item["text"].as_str().unwrap_or("").to_string(),
                tags,
            });
            continue;
        }
        let decision = item["sidenote:decision"].as_str();
        let classifying = body_values(&body, "classifying").next();
        let human = item["creator"].is_object() || item["creator"].is_string();
        match (classifying, decision) {
            (Some("QUOTE"), Some(decision)) if human => {
                let decision = if decision == "rejected" { Decision::Reject } else { Decision::Accept };
                imported.reviews.push(ImportedReview { target, machine_kind: None, decision });
            }
            (Some("QUOTE"), _) => imported.skipped_suggestions += 1,
            (Some(label), Some(decision)) if human => {
                let kind = EntityKind::from_label(label).ok_or_else(|| {
                    ImportError::new(format!(
                        "{where_} classifies its words as {label:?}, which is not a kind Sidenote knows"
                    ))
                })?;
                let machine_kind =
                    item["sidenote:machineKind"].as_str().and_then(EntityKind::from_label).unwrap_or(kind);
                match decision {
                    "added" => imported.added.push(AddedEntity {
                        id: id.unwrap_or_default(),
                        span: None,
                        target,
                        status: AnchorStatus::Orphan,
                        kind,
                    }),
                    "rejected" => imported.reviews.push(ImportedReview {
                        target,
                        machine_kind: Some(kind),
                        decision: Decision::Reject,
                    }),
                    "accepted" => imported.reviews.push(ImportedReview {
                        target,
                        machine_kind: Some(machine_kind),
                        decision: Decision::Accept,
                    }),
                    "retagged" => imported.reviews.push(ImportedReview {
                        target,
                        machine_kind: Some(machine_kind),
                        decision: Decision::Retag(kind),
                    }),
                    other => {
                        return Err(ImportError::new(format!("{where_} has an unknown sidenote:decision {other:?}")))
                    }
                }
            }
            (Some(label), None) if human => {
                // A person's classification from another tool: an entity they added.
                match EntityKind::from_label(label) {
                    Some(kind) => imported.added.push(AddedEntity {
                        id: id.unwrap_or_default(),
                        span: None,
                        target,
                        status: AnchorStatus::Orphan,
                        kind,
                    }),
                    None => imported.skipped_suggestions += 1,
                }
            }
            (Some(_), _) => imported.skipped_suggestions += 1,
            (None, _) => {
                let text = body_values(&body, "commenting").collect::<Vec<_>>().join("\n\n");
                // Bodies without a purpose (plain TextualBody or a bare string) are comments too.
                let loose = body
                    .iter()
                    .filter(|b| b["purpose"].is_null())
                    .filter_map(|b| b["value"].as_str().or_else(|| b.as_str()));
                let text = std::iter::once(text.as_str())
                    .chain(loose)
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n\n");
                let tags = body_values(&body, "tagging").map(str::to_string).collect();
                imported.notes.push(Note {
                    id: id.unwrap_or_default(),
                    span: None,
                    target,
                    status: AnchorStatus::Orphan,
                    text,
                    tags,
                });
            }
        }
    }
    Ok(imported)
}

/// Anchors what was imported on `text` and merges it into `annotations` (notes and added entities get
/// fresh identifiers when theirs are taken). Returns how each annotation was anchored.
pub fn merge(annotations: &mut Annotations, imported: Imported, text: &str) -> ImportReport {
    let index = OffsetIndex::new(text);
    // One anchorer for the whole file: the text's word index is built once and shared by every annotation.
    let anchorer = Anchorer::new(text, &index);
    let mut report = ImportReport::default();
    let mut taken: std::collections::HashSet<String> =
        annotations.notes.iter().map(|n| n.id.clone()).chain(annotations.added.iter().map(|a| a.id.clone())).collect();
    let notes = settle(&mut annotations.next_id, &mut taken, imported.notes, "note", &anchorer, &mut report);
    annotations.notes.extend(notes);
    let added = settle(&mut annotations.next_id, &mut taken, imported.added, "entity", &anchorer, &mut report);
    annotations.added.extend(added);
    for review in imported.reviews {
        match anchorer.anchor(&review.target).span {
            Some(span) => {
                let scope = match review.machine_kind {
                    Some(kind) => ReviewScope::Mention { span, kind },
                    None => ReviewScope::Quote { span },
                };
                annotations.review(scope, review.decision);
            }
            None => report.orphaned_reviews += 1,
        }
    }
    report
}

/// Anchors imported items on `text`, counting their statuses, and gives each an id not taken yet
/// (`taken` holds every id in use and grows with each item).
fn settle<T: Anchorable>(
    next_id: &mut u64,
    taken: &mut std::collections::HashSet<String>,
    items: Vec<T>,
    kind: &str,
    anchorer: &Anchorer<'_>,
    report: &mut ImportReport,
) -> Vec<T> {
    let mut out = Vec::with_capacity(items.len());
    for mut item in items {
        let found = anchorer.anchor(item.target());
        report.count(found.status);
        item.place(found);
        let id = item.id_mut();
        if id.is_empty() || taken.contains(id.as_str()) {
            *next_id += 1;
            *id = format!("{kind}-{next_id}");
        }
        // Keep `next_id` above the number in an imported id ("note-12"), so new ids never collide.
        if let Some(n) = id.rsplit('-').next().and_then(|n| n.parse::<u64>().ok()) {
            *next_id = (*next_id).max(n);
        }
        taken.insert(id.clone());
        out.push(item);
    }
    out
}

/// A human-readable Markdown list of the notes with their quoted words.
pub fn notes_markdown(doc: &Document, annotations: &Annotations) -> String {
    let mut out = format!("# Notes on “{}”\n\n", escape_markdown(&doc.title.replace('\n', " ")));
    for note in annotations.notes_in_reading_order() {
        let quoted = note.span.map_or(note.target.exact.as_str(), |s| s.slice(&doc.text));
        out.push_str(&format!("- > {}\n", escape_markdown(&quoted.replace('\n', " "))));
        if !note.text.is_empty() {
            out.push_str(&format!("  {}\n", escape_markdown(&note.text).replace('\n', "\n  ")));
        }
        if !note.tags.is_empty() {
            out.push_str(&format!("  Tags: {}\n", escape_markdown(&note.tags.join(", "))));
        }
        out.push_str(&format!("  ({})\n\n", note.status.label()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_selector_matches_the_text_with_non_bmp_characters() {
        let text = "🙂🙂 Sergei Lavrov said “we are ready to talk now” in Moscow 🇷🇺 on November 8.";
        let doc = Document::new("t", text);
        let file = export(&doc, &sidenote_extract::extract(text), &Annotations::default());
        let chars: Vec<char> = text.chars().collect();
        let items = file["first"]["items"].as_array().expect("items");
        assert!(items.len() >= 4);
        for item in items {
            let selectors = item["target"]["selector"].as_array().expect("selectors");
            let exact = selectors[0]["exact"].as_str().expect("exact");
            let start = selectors[1]["start"].as_u64().expect("start") as usize;
            let end = selectors[1]["end"].as_u64().expect("end") as usize;
            assert_eq!(chars[start..end].iter().collect::<String>(), exact);
            let prefix = selectors[0]["prefix"].as_str().expect("prefix");
            assert_eq!(chars[start - prefix.chars().count()..start].iter().collect::<String>(), prefix);
        }
    }

    #[test]
    fn malformed_and_foreign_files_say_what_is_wrong() {
        let cases: &[(&str, &str)] = &[
            ("{not json", "not valid JSON"),
            ("{\"hello\": 1}", "not an annotation file"),
            ("[{\"type\": \"Annotation\", \"body\": \"x\"}]", "Annotation 1 of 1 has no target selector"),
            ("[{\"type\": \"Annotation\", \"target\": {\"selector\": {\"type\": \"TextPositionSelector\", \"start\": 1, \"end\": 2}}}]", "no TextQuoteSelector"),
            ("[3]", "Annotation 1 of 1 is not an object"),
        ];
        for (input, words) in cases {
            let error = parse(input).expect_err("refused");
            assert!(error.to_string().contains(words), "{input}: {error}");
        }
    }

    #[test]
    fn decisions_travel_with_the_file() {
        let text = "“We are ready to talk,” Sergei Lavrov said in Moscow. Paris agreed.";
        let extraction = sidenote_extract::extract(text);
        let mut set = Annotations::default();
        let moscow = extraction.entities.iter().find(|e| e.span.slice(text) == "Moscow").expect("Moscow");
        set.review(ReviewScope::Mention { span: moscow.span, kind: moscow.kind }, Decision::Reject);
        let paris = extraction.entities.iter().find(|e| e.span.slice(text) == "Paris").expect("Paris");
        set.review(ReviewScope::Mention { span: paris.span, kind: paris.kind }, Decision::Retag(EntityKind::Org));
        set.review(ReviewScope::Quote { span: extraction.quotes[0].span }, Decision::Reject);
        let file = export(&Document::new("t", text), &extraction, &set);
        let mut back = Annotations::default();
        merge(&mut back, parse(&file.to_string()).expect("parses"), text);
        let mut expected = set.reviews.clone();
        let mut got = back.reviews.clone();
        expected.sort_by_key(|r| format!("{r:?}"));
        got.sort_by_key(|r| format!("{r:?}"));
        assert_eq!(got, expected);
    }

    #[test]
    fn hypothesis_exports_become_notes() {
        let file = r#"[{"id": "abc", "uri": "https://example.org/a", "text": "Check this", "tags": ["todo"],
            "target": [{"source": "https://example.org/a", "selector": [
                {"type": "TextPositionSelector", "start": 7, "end": 13},
                {"type": "TextQuoteSelector", "exact": "Moscow", "prefix": "Trip to ", "suffix": " in May"}]}]}]"#;
        let imported = parse(file).expect("a Hypothesis export parses");
        let mut set = Annotations::default();
        let report = merge(&mut set, imported, "A trip to Moscow in May.");
        assert_eq!(report.counts, [0, 1, 0, 0]);
        assert_eq!(set.notes[0].text, "Check this");
        assert_eq!(set.notes[0].tags, ["todo"]);
        assert_eq!(set.notes[0].span.map(|s| s.slice("A trip to Moscow in May.")), Some("Moscow"));
    }
}
