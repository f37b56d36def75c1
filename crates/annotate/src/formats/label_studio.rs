//! Label Studio JSON (<https://labelstud.io/guide/export.html>): a list of tasks, each with its data (the text
//! in `data.text`, or in the field its labelling config names) and the annotations people made on it, whose
//! `result` holds `labels` regions (`{"value": {"start", "end", "text", "labels": ["PER"]}, "id", "from_name",
//! "to_name"}`) and per-region `textarea` comments (the region's `id`). Its JSON_MIN form holds one record per
//! annotation: the data's fields, then each control's values under its name (`"label": [{"start", …}]`).
//!
//! Offsets count code points since Label Studio's editor was fixed to (HumanSignal/label-studio#1559, 2021); its
//! earlier versions counted UTF-16 units (HumanSignal/label-studio#1347: off by one after an emoji). Each region carries its words
//! (`value.text`), so each task is read in the unit that puts every region's words at its offsets, said when
//! UTF-16; a region whose words are in neither place, or that has none and falls on different words each way, is
//! skipped and named, never put on other words. Predictions (a model's labels), cancelled annotations, choices,
//! relations and comments on no region are named, not imported. The export writes one task as Label Studio's
//! "Named Entity Recognition" template reads it (`label` on `text`, PER/ORG/LOC/MISC and DATE), in code points.

use serde_json::Value;
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{EntityKind, Extraction, Span};

use super::{
    byte_span, cuts_a_character, held_text, kind_from_label, reviewed_entities, without_conflicts, CountedTwice,
    ReadEntities, SkippedEntry,
};
use crate::json_fields::{compact, json_object};
use crate::model::Annotations;
use crate::Document;

/// One task holding the article and its reviewed entities as one annotation's `labels` results, offsets in code
/// points and each region's words beside them, so that Label Studio's import (with the NER template's config)
/// shows each label on its words and Sidenote's reads them back.
pub fn export(doc: &Document, extraction: &Extraction, annotations: &Annotations) -> String {
    let index = OffsetIndex::new(&doc.text);
    let at = |byte: usize| index.byte_to_char(byte).unwrap_or(0);
    let result: Vec<Value> = reviewed_entities(extraction, annotations)
        .iter()
        .enumerate()
        .map(|(n, entity)| {
            let value = json_object(vec![
                ("start", at(entity.span.start).into()),
                ("end", at(entity.span.end).into()),
                ("text", entity.span.slice(&doc.text).into()),
                ("labels", Value::Array(vec![template_label(entity.kind).into()])),
            ]);
            json_object(vec![
                ("id", format!("sidenote-{}", n + 1).into()),
                ("from_name", "label".into()),
                ("to_name", "text".into()),
                ("type", "labels".into()),
                ("value", value),
            ])
        })
        .collect();
    let annotation = json_object(vec![("result", Value::Array(result))]);
    let task = json_object(vec![
        ("data", json_object(vec![("text", doc.text.as_str().into())])),
        ("annotations", Value::Array(vec![annotation])),
    ]);
    let mut file = compact(&Value::Array(vec![task]));
    file.push('\n');
    file
}

/// A kind as Label Studio's NER template names it (PER, ORG, LOC, MISC; DATE, which the template lacks, as the
/// label a user adds), so that a project made from the template takes the file as it is.
fn template_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PER",
        EntityKind::Org => "ORG",
        EntityKind::Place => "LOC",
        EntityKind::Date => "DATE",
        EntityKind::Misc => "MISC",
    }
}

/// The fields of a JSON_MIN record that are Label Studio's own, neither the task's data nor its results.
const RECORD_FIELDS: [&str; 7] =
    ["id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time", "agreement"];

/// Whether `item` is a Label Studio task (its `data` and what was made on it) or a JSON_MIN record.
fn is_task(item: &Value) -> bool {
    item["data"].is_object() && ["annotations", "completions", "predictions"].iter().any(|key| item[*key].is_array())
        || item.get("annotation_id").is_some() && item.get("annotator").is_some()
}

/// Reads a Label Studio JSON or JSON_MIN file's regions on `text` (see [`ReadEntities`]), or `None` when
/// `json` is no Label Studio file (a W3C or Hypothesis file, read as such). Only tasks whose text is `text` are
/// read; the others are counted.
pub fn read(json: &str, text: &str) -> Option<ReadEntities> {
    // A W3C or Hypothesis file (tens of megabytes) is not parsed twice: every Label Studio file names a result.
    if !json.contains("\"result\"") && !json.contains("\"annotation_id\"") {
        return None;
    }
    let json = crate::json_fields::lone_surrogates_replaced(crate::input::without_byte_order_mark(json));
    let value: Value = serde_json::from_str(&json).ok()?;
    let tasks = match &value {
        Value::Array(list) => list.as_slice(),
        task => std::slice::from_ref(task),
    };
    tasks.iter().any(is_task).then(|| read_tasks(tasks, text))
}

/// A labelled region of a task's text, as a result holds it.
struct Region {
    /// The result's id, which its per-region comments share.
    id: Option<String>,
    /// The object tag it labels (`text`), by the name the config gives it.
    to_name: Option<String>,
    start: u64,
    end: u64,
    /// Its words, as Label Studio copied them (`value.text`).
    words: Option<String>,
    labels: Vec<String>,
    /// The annotation it belongs to (its place in the task), where its comments are.
    annotation: usize,
}

/// A per-region comment (a `textarea` result).
struct Comment {
    id: Option<String>,
    /// Its region's offsets, as JSON_MIN keeps them instead of the id.
    at: Option<(u64, u64)>,
    text: String,
    annotation: usize,
    author: Option<String>,
}

/// The regions and comments of a task's annotations.
#[derive(Default)]
struct Results {
    regions: Vec<Region>,
    comments: Vec<Comment>,
}

impl Results {
    /// Adds one result of `kind` (`labels`, `textarea`, …), or says why it is not imported.
    fn add(&mut self, kind: &str, result: &Value, annotation: usize, author: &Option<String>) -> Result<(), String> {
        let value = &result["value"];
        let id = result["id"].as_str().map(str::to_string);
        match kind {
            "labels" => {
                let labels = value["labels"].as_array().map(|l| l.iter().filter_map(Value::as_str).map(str::to_string));
                match (value["start"].as_u64(), value["end"].as_u64(), labels) {
                    (Some(start), Some(end), Some(labels)) => self.regions.push(Region {
                        id,
                        to_name: result["to_name"].as_str().map(str::to_string),
                        start,
                        end,
                        words: value["text"].as_str().map(str::to_string),
                        labels: labels.collect(),
                        annotation,
                    }),
                    _ => return Err(format!("has a region {} without start, end and labels", compact(value))),
                }
            }
            "textarea" => {
                let lines: Vec<&str> = match &value["text"] {
                    Value::Array(lines) => lines.iter().filter_map(Value::as_str).collect(),
                    Value::String(line) => vec![line.as_str()],
                    _ => Vec::new(),
                };
                let text = lines.join("\n");
                if !text.trim().is_empty() {
                    let at = value["start"].as_u64().zip(value["end"].as_u64());
                    self.comments.push(Comment { id, at, text, annotation, author: author.clone() });
                }
            }
            "choices" => {
                let choices: Vec<&str> =
                    value["choices"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
                return Err(format!("has choices ({}), which Sidenote does not import", choices.join(", ")));
            }
            "relation" => return Err("has a relation between two regions, which Sidenote does not import".to_string()),
            other => return Err(format!("has a {other:?} result, which Sidenote does not import")),
        }
        Ok(())
    }
}

/// Who made an annotation: the email Label Studio gives (`completed_by` as an object, JSON_MIN's `annotator`),
/// else its user number.
fn author_of(user: &Value) -> Option<String> {
    match user {
        Value::String(email) => Some(email.clone()),
        Value::Number(n) => Some(format!("Label Studio user {n}")),
        Value::Object(_) => author_of(&user["email"]).or_else(|| author_of(&user["id"])),
        _ => None,
    }
}

/// Whether a region's words, as Label Studio copied them (with the task's `\r\n`), are `words` of the text.
fn same_words(file_words: &str, words: &str) -> bool {
    file_words == words || file_words.contains('\r') && file_words.replace("\r\n", "\n") == words
}

/// The regions and comments of the tasks whose text is `text`, each task's skipped results under its id.
fn read_tasks(tasks: &[Value], text: &str) -> ReadEntities {
    let index = OffsetIndex::new(text);
    let mut found: Vec<(Span, EntityKind, usize)> = Vec::new();
    let mut notes: Vec<(Span, String)> = Vec::new();
    let mut authors: Vec<Option<String>> = Vec::new();
    let mut skipped = Vec::new();
    let (mut other_texts, mut utf16_tasks) = (0, Vec::new());
    for (n, task) in tasks.iter().enumerate() {
        // The task's id, as Label Studio lists it; else its place in the file.
        let line = task["id"].as_u64().and_then(|id| usize::try_from(id).ok()).unwrap_or(n + 1);
        let mut skip = |reason: String| skipped.push(SkippedEntry { line, reason });
        if !is_task(task) {
            skip("is not a Label Studio task (its \"data\" and \"annotations\")".to_string());
            continue;
        }
        let record = !task["data"].is_object();
        let data = if record { task } else { &task["data"] };
        // The field holding the open text: the config names it (`$text` mostly) and the file does not hold the
        // config, but only the field whose text this is can hold the regions read on it.
        let held = data.as_object().into_iter().flatten().find_map(|(key, field)| {
            let field = field.as_str()?;
            Some((key.as_str(), field, held_text(field, text)?))
        });
        let Some((key, file_text, windows)) = held else {
            other_texts += 1;
            continue;
        };
        let mut results = Results::default();
        if record {
            let author = author_of(&task["annotator"]);
            let controls = data
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(name, _)| name.as_str() != key && !RECORD_FIELDS.contains(&name.as_str()));
            for (_, values) in controls {
                // Data fields are strings or numbers; a control's values are objects, their kind told by their fields.
                for value in values.as_array().into_iter().flatten().filter(|value| value.is_object()) {
                    let kind =
                        ["labels", "choices"].into_iter().find(|kind| value[*kind].is_array()).unwrap_or("textarea");
                    let result = json_object(vec![("value", value.clone())]);
                    if let Err(reason) = results.add(kind, &result, 0, &author) {
                        skip(reason);
                    }
                }
            }
        } else {
            let annotations = task["annotations"].as_array().or_else(|| task["completions"].as_array());
            for (at, annotation) in annotations.into_iter().flatten().enumerate() {
                if annotation["was_cancelled"] == true || annotation["skipped"] == true {
                    skip(
                        "has an annotation cancelled in Label Studio (skipped by its annotator): left out".to_string(),
                    );
                    continue;
                }
                let author = author_of(&annotation["completed_by"]);
                for result in annotation["result"].as_array().into_iter().flatten() {
                    if let Err(reason) = results.add(result["type"].as_str().unwrap_or(""), result, at, &author) {
                        skip(reason);
                    }
                }
            }
            let predictions = task["predictions"].as_array().into_iter().flatten();
            let predicted = predictions.filter(|p| p["result"].as_array().is_some_and(|r| !r.is_empty())).count();
            if predicted > 0 {
                skip(format!(
                    "has {predicted} {} (a model's labels, not a person's): left out",
                    if predicted == 1 { "prediction" } else { "predictions" }
                ));
            }
        }
        // Offsets read in UTF-16 units (characters beyond the BMP counted twice) or in code points, then past
        // any `\r` of the task's line ends.
        let wide = CountedTwice::utf16(file_text);
        let at = |utf16: bool, region: &Region| {
            let held = |at: u64| {
                let at = usize::try_from(at).ok()?;
                let at = if utf16 { wide.offset(at)? } else { at };
                windows.as_ref().map_or(Some(at), |windows| windows.offset(at))
            };
            byte_span(&index, held(region.start)?, held(region.end)?)
        };
        // A reading that puts the region on its words (a region without words, anywhere in the text).
        let fits = |utf16: bool, region: &Region| {
            at(utf16, region).filter(|span| region.words.as_deref().is_none_or(|w| same_words(w, span.slice(text))))
        };
        let all_fit = |utf16: bool| results.regions.iter().all(|region| fits(utf16, region).is_some());
        // The unit that alone puts every region on its words is the task's; with both (or neither), each region
        // is read alone, and one on different words each way is skipped, never guessed.
        let unit = match (wide.is_empty(), all_fit(true), all_fit(false)) {
            (true, _, _) => Some(false),
            (false, true, false) => Some(true),
            (false, false, true) => Some(false),
            _ => None,
        };
        if unit == Some(true) {
            utf16_tasks.push(line);
        }
        let mut placed: Vec<Option<Span>> = Vec::with_capacity(results.regions.len());
        for region in &results.regions {
            let (start, end) = (region.start, region.end);
            // Without its words, a region naming another field of the task (`to_name`) is on that field's text.
            let other_field = region
                .to_name
                .as_deref()
                .filter(|&name| region.words.is_none() && name != key && data[name].is_string());
            let reading = |utf16: bool| (unit != Some(!utf16)).then(|| fits(utf16, region)).flatten();
            let span = match (other_field, reading(false), reading(true)) {
                (Some(name), _, _) => Err(format!("is on the task's {name:?}, not on its {key:?}, this article's text")),
                (None, Some(chars), Some(units)) if chars != units => Err(format!(
                    "has offsets {start}..{end} and no words to tell code points ({:?}) from UTF-16 units ({:?}): not guessed",
                    chars.slice(text),
                    units.slice(text)
                )),
                (None, Some(span), _) | (None, None, Some(span)) => Ok(span),
                (None, None, None) => Err(match &region.words {
                    Some(words) => format!(
                        "has offsets {start}..{end}, where this article does not have its words {words:?} (counted in code points or UTF-16 units): not put on other words"
                    ),
                    None => format!("has offsets {start}..{end} outside the text"),
                }),
            };
            let span = span.and_then(|span| cuts_a_character(text, span).map_or(Ok(span), Err));
            match &span {
                Ok(span) if region.labels.is_empty() => {
                    skip(format!("has a region on {:?} without a label", span.slice(text)));
                }
                Ok(span) => {
                    for label in &region.labels {
                        match kind_from_label(label) {
                            Some(kind) => found.push((*span, kind, line)),
                            None => skip(format!("has the label {label:?}, which is not a kind Sidenote knows")),
                        }
                    }
                }
                Err(reason) => skip(reason.clone()),
            }
            placed.push(span.ok());
        }
        // Each comment on its region's words (kept even when the region's label is no kind here).
        for comment in results.comments {
            let region = results.regions.iter().position(|region| {
                region.annotation == comment.annotation
                    && match (&comment.id, comment.at) {
                        (Some(id), _) if region.id.is_some() => region.id.as_ref() == Some(id),
                        (_, Some(at)) => (region.start, region.end) == at,
                        _ => false,
                    }
            });
            match region.map(|at| placed[at]) {
                Some(Some(span)) => {
                    notes.push((span, comment.text));
                    authors.push(comment.author);
                }
                Some(None) => skip("has a comment on a region whose words were not found (said above)".to_string()),
                None => skip(format!(
                    "has a comment on no labelled words ({:?}), which Sidenote does not import",
                    short(&comment.text)
                )),
            }
        }
    }
    let found = without_conflicts(found, &mut skipped, "task");
    let mut notices = Vec::new();
    if !utf16_tasks.is_empty() {
        notices.push(format!(
            "{} {} read in UTF-16 units, as Label Studio's earlier versions counted: only so are {} regions on their words",
            if utf16_tasks.len() == 1 { "task" } else { "tasks" },
            crate::w3c::import::ranges(utf16_tasks.iter().copied()),
            if utf16_tasks.len() == 1 { "its" } else { "their" }
        ));
    }
    if other_texts > 0 {
        let tasks = tasks.len();
        notices.push(match (other_texts == tasks, other_texts) {
            (true, 1) => "the file's task is about another text than this article".to_string(),
            (true, _) => format!("the file's {tasks} tasks are all about other texts than this article"),
            (false, 1) => format!("1 of the file's {tasks} tasks is about another text, not imported"),
            (false, _) => format!("{other_texts} of the file's {tasks} tasks are about other texts, not imported"),
        });
    }
    let mut read = ReadEntities::with_notes(text, &found, &notes, skipped);
    for (note, author) in read.notes.iter_mut().zip(authors) {
        note.author = author;
    }
    ReadEntities { notices, counts_tasks: true, ..read }
}

/// The start of a comment, to name it in a message.
fn short(text: &str) -> String {
    let mut words: String = text.chars().take(40).collect();
    if words.len() < text.len() {
        words.push('…');
    }
    words
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::formats::tests::{entity_set, reviewed_sample};
    use crate::formats::{add_read, EntityImport};

    const TEXT: &str = "Ada Vance met Ulf Brenner in Oslo on Monday.";

    /// A `labels` result on `words` of `text`, counted in code points or UTF-16 units, its words copied or not.
    fn region(text: &str, id: &str, words: &str, label: &str, utf16: bool, copied: bool) -> serde_json::Value {
        let count = |s: &str| if utf16 { s.encode_utf16().count() } else { s.chars().count() };
        let start = text.find(words).map_or(0, |at| count(&text[..at]));
        let mut value = json!({"start": start, "end": start + count(words), "labels": [label]});
        if copied {
            value["text"] = json!(words);
        }
        json!({"id": id, "from_name": "label", "to_name": "text", "type": "labels", "value": value})
    }

    fn import(json: &str, text: &str) -> (Annotations, EntityImport) {
        let mut annotations = Annotations::default();
        let read = read(json, text).expect("a Label Studio file");
        let report = add_read(&mut annotations, read, &Extraction::default());
        (annotations, report)
    }

    /// A Label Studio export of several tasks brings the open article's task only: each region on its words
    /// with its kind, each per-region comment as a note on them by its author, and names all it leaves out
    /// (predictions, a cancelled annotation, choices, relations, unknown labels, a comment on no region, the
    /// task about another text), task by task.
    #[test]
    fn the_open_articles_task_brings_its_regions_and_comments_and_names_the_rest() {
        let comment = |id: &str, words: &str| json!({"id": id, "from_name": "comment", "to_name": "text", "type": "textarea", "value": {"text": [words]}});
        let file = json!([
            {"id": 7, "data": {"text": "Another article about Oslo."}, "annotations": [
                {"id": 1, "completed_by": 1, "result": [region("Another article about Oslo.", "o1", "Oslo", "LOC", false, true)]}
            ]},
            {"id": 8, "data": {"text": TEXT, "title": "A meeting"}, "annotations": [
                {"id": 2, "completed_by": {"id": 3, "email": "ana@example.org"}, "result": [
                    region(TEXT, "r1", "Ada Vance", "PER", false, true),
                    comment("r1", "The minister herself"),
                    region(TEXT, "r2", "Oslo", "GPE", false, true),
                    region(TEXT, "r3", "Ulf Brenner", "ANIMAL", false, true),
                    comment("r3", "Check this name"),
                    comment("free", "Good article"),
                    {"id": "c1", "from_name": "topic", "to_name": "text", "type": "choices", "value": {"choices": ["Politics"]}},
                    {"from_id": "r1", "to_id": "r2", "type": "relation", "direction": "right"}
                ]},
                {"id": 3, "completed_by": 4, "was_cancelled": true, "result": [region(TEXT, "r9", "Monday", "DATE", false, true)]},
                {"id": 4, "completed_by": 4, "result": [region(TEXT, "r4", "Monday", "DATE", false, true), region(TEXT, "r5", "Ada Vance", "PERSON", false, true)]}
            ], "predictions": [{"model_version": "v1", "result": [region(TEXT, "p1", "Ulf Brenner", "PER", false, true)]}]}
        ])
        .to_string();
        let (annotations, report) = import(&file, TEXT);
        let entities: Vec<(&str, EntityKind)> =
            annotations.added.iter().map(|a| (a.target.exact.as_str(), a.kind)).collect();
        assert_eq!(
            entities,
            [("Ada Vance", EntityKind::Person), ("Oslo", EntityKind::Place), ("Monday", EntityKind::Date)],
            "two annotators' same region is one entity"
        );
        let notes: Vec<(&str, &str, Option<&str>)> =
            annotations.notes.iter().map(|n| (n.target.exact.as_str(), n.text.as_str(), n.author.as_deref())).collect();
        assert_eq!(
            notes,
            [
                ("Ada Vance", "The minister herself", Some("ana@example.org")),
                ("Ulf Brenner", "Check this name", Some("ana@example.org"))
            ],
            "a comment stays on its words when the region's label is no kind here"
        );
        let reasons: Vec<(usize, &str)> = report.skipped.iter().map(|s| (s.line, s.reason.as_str())).collect();
        let expected = [
            "has choices (Politics), which Sidenote does not import",
            "has a relation between two regions",
            "has an annotation cancelled in Label Studio",
            "has 1 prediction (a model's labels, not a person's): left out",
            "has the label \"ANIMAL\", which is not a kind Sidenote knows",
            "has a comment on no labelled words (\"Good article\")",
        ];
        assert_eq!(reasons.len(), expected.len(), "{reasons:?}");
        for ((task, reason), want) in reasons.iter().zip(expected) {
            assert_eq!(*task, 8, "{reason}");
            assert!(reason.contains(want), "{reason} / {want}");
        }
        assert_eq!(report.notices, ["1 of the file's 2 tasks is about another text, not imported"]);
        let summary = report.summary();
        assert!(summary.starts_with("Imported 3 entities and 2 notes; 6 skipped (task 8: has choices"), "{summary}");
        assert!(summary.ends_with("; 1 of the file's 2 tasks is about another text, not imported."), "{summary}");
        // The same file again adds nothing.
        let mut again = annotations.clone();
        let second = add_read(&mut again, read(&file, TEXT).expect("a Label Studio file"), &Extraction::default());
        assert_eq!((again, second.already_here), (annotations, 3));
        // A file of other texts only says so.
        let (_, report) = import(&json!([file_task("Another text.")]).to_string(), TEXT);
        assert!(
            report.summary().ends_with("the file's task is about another text than this article."),
            "{}",
            report.summary()
        );
    }

    fn file_task(text: &str) -> serde_json::Value {
        json!({"id": 1, "data": {"text": text}, "annotations": [{"result": []}]})
    }

    /// Label Studio counts code points, its earlier versions UTF-16 units, and each region copies its words: a
    /// task is read in the unit that puts every region's words at its offsets (UTF-16 said), a region without
    /// words on different words each way is skipped, one whose words are in neither place too, and a task on
    /// the text with Windows line ends counts each `\r`.
    #[test]
    fn each_task_is_read_in_the_unit_that_puts_its_words_at_its_offsets_and_never_guessed() {
        let text = "🙂 Ada Vance met 𝔘lf Brenner in Oslo 🇳🇴 on Monday.";
        let twins = "🏒🏒🏒🏒🏒 Lena Lund and Lena Berg.";
        let crlf_text = "Ada Vance arrived.\nUlf Brenner\nleft Oslo.";
        let crlf = crlf_text.replace('\n', "\r\n");
        let names = ["Ada Vance", "𝔘lf Brenner", "Oslo", "Monday"];
        let regions = |text: &str, names: &[&str], utf16: bool, copied: bool| -> Vec<serde_json::Value> {
            names.iter().map(|name| region(text, "r", name, "PER", utf16, copied)).collect()
        };
        let mut moved = region(text, "r", "Oslo", "PER", false, true);
        moved["value"]["start"] = json!(2);
        /// (article, the task's text, its results, words found, reasons skipped, said to be read in UTF-16)
        type Case<'a> = (&'a str, &'a str, Vec<serde_json::Value>, &'a [&'a str], &'a [&'a str], bool);
        let cases: Vec<Case> = vec![
            (text, text, regions(text, &names, false, true), &names, &[], false),
            (text, text, regions(text, &names, true, true), &names, &[], true),
            // Words copied: no doubt even where UTF-16 offsets of one name are another's code points.
            (twins, twins, regions(twins, &["Lena Lund"], true, true), &["Lena Lund"], &[], true),
            (
                twins,
                twins,
                regions(twins, &["Lena Lund"], true, false),
                &[],
                &["no words to tell code points (\"Lund and \") from UTF-16 units (\"Lena Lund\"): not guessed"],
                false,
            ),
            // Without words, on a text with nothing beyond the BMP: one reading.
            (crlf_text, crlf_text, regions(crlf_text, &["Ulf Brenner"], false, false), &["Ulf Brenner"], &[], false),
            // Words that are not at the offsets either way.
            (text, text, vec![moved], &[], &["where this article does not have its words \"Oslo\""], false),
            // The task's text with Windows line ends: its offsets count every `\r`.
            (
                crlf_text,
                &crlf,
                regions(&crlf, &["Ulf Brenner", "left Oslo"], false, true),
                &["Ulf Brenner", "left Oslo"],
                &[],
                false,
            ),
        ];
        for (article, task_text, results, words, reasons, in_utf16) in cases {
            let file =
                json!([{"id": 1, "data": {"text": task_text}, "annotations": [{"result": results}]}]).to_string();
            let got = read(&file, article).expect("a Label Studio file");
            let found: Vec<&str> = got.found.iter().filter_map(|e| e.span.map(|s| s.slice(article))).collect();
            assert_eq!(&found, words, "{file}");
            let skipped: Vec<&str> = got.skipped.iter().map(|s| s.reason.as_str()).collect();
            assert_eq!(skipped.len(), reasons.len(), "{file}: {skipped:?}");
            for (reason, want) in skipped.iter().zip(reasons) {
                assert!(reason.contains(want), "{file}: {reason}");
            }
            let notice = "task 1 read in UTF-16 units, as Label Studio's earlier versions counted";
            assert_eq!(got.notices.iter().any(|n| n.starts_with(notice)), in_utf16, "{file}: {:?}", got.notices);
        }
    }

    /// A region without its words that names another field of the task (`to_name`) is on that field's text, not
    /// put on the article's words at the same offsets; with its words, the words decide.
    #[test]
    fn a_region_on_another_field_is_not_put_on_the_article() {
        let on = |to_name: &str, copied: bool| {
            let mut result = region(TEXT, "r", "Ada Vance", "PER", false, copied);
            result["to_name"] = json!(to_name);
            let task = json!([{"id": 3, "data": {"title": "Oslo talks", "text": TEXT}, "annotations": [{"result": [result]}]}]);
            let read = read(&task.to_string(), TEXT).expect("a Label Studio file");
            let found: Vec<&str> = read.found.iter().filter_map(|e| e.span.map(|s| s.slice(TEXT))).collect();
            let reasons: Vec<String> = read.skipped.iter().map(|s| s.reason.clone()).collect();
            (found, reasons)
        };
        assert_eq!(on("text", false), (vec!["Ada Vance"], vec![]));
        assert_eq!(on("title", true), (vec!["Ada Vance"], vec![]));
        let (found, reasons) = on("title", false);
        assert!(found.is_empty());
        assert_eq!(reasons, ["is on the task's \"title\", not on its \"text\", this article's text"]);
    }

    /// JSON_MIN: one record per annotation, the data's fields beside each control's values; per-region comments
    /// found by their region's offsets.
    #[test]
    fn json_min_records_are_read() {
        let file = json!([{
            "text": TEXT,
            "id": 12,
            "label": [{"start": 0, "end": 9, "text": "Ada Vance", "labels": ["PER"]}, {"start": 29, "end": 33, "text": "Oslo", "labels": ["LOC"]}],
            "comment": [{"start": 29, "end": 33, "text": ["The capital"]}],
            "sentiment": [{"choices": ["Neutral"]}],
            "annotator": "ana@example.org",
            "annotation_id": 5,
            "created_at": "2024-01-02T10:00:00Z",
            "lead_time": 4.2
        }])
        .to_string();
        let (annotations, report) = import(&file, TEXT);
        let entities: Vec<&str> = annotations.added.iter().map(|a| a.target.exact.as_str()).collect();
        assert_eq!(entities, ["Ada Vance", "Oslo"]);
        let notes: Vec<(&str, &str, Option<&str>)> =
            annotations.notes.iter().map(|n| (n.target.exact.as_str(), n.text.as_str(), n.author.as_deref())).collect();
        assert_eq!(notes, [("Oslo", "The capital", Some("ana@example.org"))]);
        let reasons: Vec<String> = report.skipped.iter().map(ToString::to_string).collect();
        assert_eq!(reasons, ["line 12: has choices (Neutral), which Sidenote does not import"]);
        assert!(report.summary().contains("(task 12: has choices (Neutral)"), "{}", report.summary());
    }

    /// Files of other tools are no Label Studio files, whatever words they hold.
    #[test]
    fn other_files_are_left_to_their_readers() {
        let cases = [
            json!({"type": "AnnotationCollection", "first": {"items": [{"type": "Annotation", "body": [{"value": "a \"result\""}]}]}}),
            json!({"rows": [{"uri": "https://example.org/", "text": "result", "user": "acct:a@hypothes.is"}]}),
            json!([{"result": [], "text": TEXT}]),
            json!({"text": TEXT, "label": [[0, 9, "PER"]]}),
        ];
        for file in cases {
            assert!(read(&file.to_string(), TEXT).is_none(), "{file}");
        }
        assert!(read("[{\"data\": {\"text\": \"x\"}, \"annotations\": [{\"result\": []}]}]", TEXT).is_some());
    }

    /// The export is one task in code points with its words, labels as the NER template names them, and reads
    /// back with every entity in place, after an emoji too.
    #[test]
    fn the_export_reads_back_with_every_label_in_place() {
        let (doc, extraction, annotations) = reviewed_sample();
        let file = export(&doc, &extraction, &annotations);
        let mut back = Annotations::default();
        let report = add_read(&mut back, read(&file, &doc.text).expect("a Label Studio file"), &extraction);
        assert!(report.skipped.is_empty() && report.notices.is_empty(), "{report:?}");
        assert_eq!(entity_set(&doc.text, &extraction, &back), entity_set(&doc.text, &extraction, &annotations));
        let text = "🙂 Ada Vance met 𝔘lf Brenner in Oslo on Monday.";
        let kinds = [
            ("Ada Vance", EntityKind::Person, "PER"),
            ("𝔘lf Brenner", EntityKind::Org, "ORG"),
            ("Oslo", EntityKind::Place, "LOC"),
            ("Monday", EntityKind::Date, "DATE"),
        ];
        let mut annotations = Annotations::default();
        for (words, kind, _) in kinds {
            let at = text.find(words).expect("in the text");
            annotations.add_entity(text, Span::new(at, at + words.len()), kind);
        }
        let file = export(&Document::new("Names", text), &Extraction::default(), &annotations);
        let written: Value = serde_json::from_str(&file).expect("JSON");
        assert_eq!(written[0]["data"]["text"], text);
        for (result, (words, _, label)) in
            written[0]["annotations"][0]["result"].as_array().into_iter().flatten().zip(kinds)
        {
            let start = text[..text.find(words).unwrap_or(0)].chars().count();
            let expected =
                json!({"start": start, "end": start + words.chars().count(), "text": words, "labels": [label]});
            assert_eq!(result["value"], expected);
            assert_eq!(
                (&result["type"], &result["from_name"], &result["to_name"]),
                (&json!("labels"), &json!("label"), &json!("text"))
            );
        }
        let back = read(&file, text).expect("a Label Studio file");
        let found: Vec<(&str, EntityKind)> =
            back.found.iter().filter_map(|e| e.span.map(|s| (s.slice(text), e.kind))).collect();
        assert_eq!(found, kinds.map(|(words, kind, _)| (words, kind)));
        assert!(back.skipped.is_empty() && back.notices.is_empty(), "{:?} {:?}", back.skipped, back.notices);
    }
}
