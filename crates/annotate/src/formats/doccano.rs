//! doccano JSONL (<https://doccano.github.io/doccano/>), sequence labelling: one JSON object a line,
//! `{"text": "…", "label": [[start, end, "PERSON"], …]}`, offsets in code points (module `formats`).
//! Import also reads the `entities` form (`{"start_offset": …, "end_offset": …, "label": …}`).

use serde_json::Value;
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{EntityKind, Extraction, Span};

use super::{
    add_read, byte_span, char_span, kind_from_label, reviewed_entities, EntityImport, ReadEntities, SkippedEntry,
    WindowsLineEnds,
};
use crate::json_fields::{compact, json_object};
use crate::model::Annotations;
use crate::Document;

/// One line (with its line break) holding the article and its reviewed entities.
pub fn export(doc: &Document, extraction: &Extraction, annotations: &Annotations) -> String {
    let index = OffsetIndex::new(&doc.text);
    let labels: Vec<Value> = reviewed_entities(extraction, annotations)
        .iter()
        .map(|entity| {
            let (start, end) = char_span(&index, entity.span);
            Value::Array(vec![start.into(), end.into(), entity.kind.label().into()])
        })
        .collect();
    let mut line = compact(&json_object(vec![("text", doc.text.as_str().into()), ("label", Value::Array(labels))]));
    line.push('\n');
    line
}

/// Adds the entities of the line whose `text` is `text` as a person's entities. Lines about other texts,
/// and labels Sidenote cannot use, are listed as skipped.
pub fn import(jsonl: &str, text: &str, annotations: &mut Annotations) -> EntityImport {
    add_read(annotations, read(jsonl, text), &Extraction::default())
}

/// Reads a doccano file's entities on `text`, without adding them (see [`ReadEntities`]).
pub fn read(jsonl: &str, text: &str) -> ReadEntities {
    let index = OffsetIndex::new(text);
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let mut windows_line_ends: Option<WindowsLineEnds> = None;
    for (n, line) in crate::input::without_byte_order_mark(jsonl).lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut skip = |reason: String| skipped.push(SkippedEntry { line: n + 1, reason });
        let value: Value = match serde_json::from_str(line) {
            Ok(value) => value,
            Err(e) => {
                skip(format!("is not JSON ({e})"));
                continue;
            }
        };
        // A line made on the text with Windows line ends (`\r\n`, which Sidenote reads as `\n`) counts each
        // `\r` in its offsets.
        let windows = match value["text"].as_str() {
            Some(same) if same == text => None,
            Some(other)
                if other.len() == text.len() + text.matches('\n').count() && other.replace("\r\n", "\n") == text =>
            {
                Some(&*windows_line_ends.get_or_insert_with(|| WindowsLineEnds::of(text)))
            }
            _ => {
                skip("is about another text".to_string());
                continue;
            }
        };
        if ["label", "labels", "entities"].iter().all(|key| !value[*key].is_array()) {
            // Prodigy's and spaCy's `spans`, or a line of another tool: say so rather than import nothing silently.
            skip("has no \"label\" or \"entities\" list, doccano's two forms of entities".to_string());
            continue;
        }
        // What else doccano exports beside entities (relations between them, a reviewer's comments on the
        // text) has no place here: named, as brat's relations are, not dropped silently.
        for (key, what) in
            [("relations", "relations between entities"), ("Comments", "comments"), ("comments", "comments")]
        {
            let n = value[key].as_array().map_or(0, Vec::len);
            if n > 0 {
                skip(format!("has {what} ({n} in \"{key}\"), which Sidenote does not import"));
            }
        }
        for label in labels(&value) {
            let label = match &windows {
                None => label,
                Some(windows) => label.and_then(|(start, end, label)| {
                    let held = |at: u64| usize::try_from(at).ok().and_then(|at| windows.offset(at)).map(|at| at as u64);
                    match (held(start), held(end)) {
                        (Some(start), Some(end)) => Ok((start, end, label)),
                        _ => Err(format!("has offsets {start}..{end} inside a line end")),
                    }
                }),
            };
            match label.and_then(|(start, end, label)| entity(&index, start, end, &label)) {
                Ok(entity) => found.push(entity),
                Err(reason) => skip(reason),
            }
        }
    }
    ReadEntities::on(text, &found, skipped)
}

type Label = Result<(u64, u64, String), String>;

/// The labels of a line, in either form doccano writes.
fn labels(value: &Value) -> Vec<Label> {
    let pair_form = value["label"].as_array().or_else(|| value["labels"].as_array());
    let object_form = value["entities"].as_array();
    let from_pair = |item: &Value| match (item[0].as_u64(), item[1].as_u64(), item[2].as_str()) {
        (Some(s), Some(e), Some(l)) => Ok((s, e, l.to_string())),
        _ => Err(format!("has a label {} that is not [start, end, \"LABEL\"]", compact(item))),
    };
    let from_object =
        |item: &Value| match (item["start_offset"].as_u64(), item["end_offset"].as_u64(), item["label"].as_str()) {
            (Some(s), Some(e), Some(l)) => Ok((s, e, l.to_string())),
            _ => Err(format!("has an entity {} without start_offset, end_offset and label", compact(item))),
        };
    let mut out: Vec<Label> = pair_form.into_iter().flatten().map(from_pair).collect();
    out.extend(object_form.into_iter().flatten().map(from_object));
    out
}

fn entity(index: &OffsetIndex, start: u64, end: u64, label: &str) -> Result<(Span, EntityKind), String> {
    let kind =
        kind_from_label(label).ok_or_else(|| format!("has the label {label:?}, which is not a kind Sidenote knows"))?;
    let (start, end) = (usize::try_from(start).unwrap_or(usize::MAX), usize::try_from(end).unwrap_or(usize::MAX));
    let span = byte_span(index, start, end).ok_or_else(|| format!("has offsets {start}..{end} outside the text"))?;
    Ok((span, kind))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::formats::tests::{entity_set, reviewed_sample};

    #[test]
    fn round_trip_gives_the_same_entities() {
        let (doc, extraction, annotations) = reviewed_sample();
        let jsonl = export(&doc, &extraction, &annotations);
        assert_eq!(jsonl.lines().count(), 1);
        let mut back = Annotations::default();
        let report = import(&jsonl, &doc.text, &mut back);
        assert!(report.skipped.is_empty(), "{:?}", report.skipped);
        assert_eq!(entity_set(&doc.text, &extraction, &back), entity_set(&doc.text, &extraction, &annotations));
        // The same file again adds nothing and says so; the entities keep their ids.
        let before = back.added.clone();
        let again = import(&jsonl, &doc.text, &mut back);
        assert_eq!((again.added.len(), again.already_here), (0, report.added.len()));
        assert_eq!(back.added, before);
        assert!(again.summary().starts_with("Nothing new was imported: the file's "), "{}", again.summary());
        assert!(again.summary().ends_with(" already here."), "{}", again.summary());
    }

    /// A `.jsonl` saved by a Windows tool starts with a byte-order mark, which must not cost its first line.
    #[test]
    fn a_byte_order_mark_does_not_cost_the_first_line() {
        let text = "Lavrov in Moscow.";
        let jsonl = format!("\u{FEFF}{}\n", json!({"text": text, "label": [[0, 6, "PER"], [10, 16, "LOC"]]}));
        let read = read(&jsonl, text);
        assert!(read.skipped.is_empty(), "{:?}", read.skipped);
        assert_eq!(read.found.len(), 2);
    }

    #[test]
    fn both_forms_are_read_and_unusable_entries_listed() {
        let text = "🙂 Lavrov in Moscow.";
        let jsonl = format!(
            "{}\n\n{}\nnot json\n{}\n{}\n{}\n{}\n",
            json!({"text": text, "label": [[2, 8, "PER"], [12, 18, "ANIMAL"], [12, 99, "LOC"], ["x"]]}),
            json!({"text": text, "entities": [{"start_offset": 12, "end_offset": 18, "label": "LOC"}]}),
            json!({"text": "another text", "label": [[0, 2, "PER"]]}),
            json!({"text": text, "spans": [{"start": 2, "end": 8, "label": "PERSON"}]}),
            json!({"text": text, "label": []}),
            json!({"text": text, "label": [], "relations": [{"from_id": 1, "to_id": 2, "type": "in"}], "Comments": ["check"]}),
        );
        let mut set = Annotations::default();
        let report = import(&jsonl, text, &mut set);
        let words: Vec<&str> = set.added.iter().map(|a| a.target.exact.as_str()).collect();
        assert_eq!(words, ["Lavrov", "Moscow"], "code-point offsets");
        let reasons: Vec<(usize, &str)> = report.skipped.iter().map(|s| (s.line, s.reason.as_str())).collect();
        let expected = [
            (1, "\"ANIMAL\""),
            (1, "outside the text"),
            (1, "not [start, end"),
            (4, "not JSON"),
            (5, "another text"),
            (6, "has no \"label\" or \"entities\" list"),
            (8, "has relations between entities (1 in \"relations\"), which Sidenote does not import"),
            (8, "has comments (1 in \"Comments\")"),
        ];
        assert_eq!(reasons.len(), expected.len(), "{reasons:?}");
        for ((line, reason), (want_line, want)) in reasons.iter().zip(expected) {
            assert_eq!(*line, want_line);
            assert!(reason.contains(want), "line {line}: {reason}");
        }
    }
}
