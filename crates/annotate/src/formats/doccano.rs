//! doccano JSONL (<https://doccano.github.io/doccano/>), sequence labelling: one JSON object a line,
//! `{"text": "…", "label": [[start, end, "PERSON"], …]}`, offsets in UTF-16 units as doccano counts them
//! (doccano/doccano#2290: its browser client's JavaScript string offsets), so that doccano shows each label on
//! its words after an emoji too.
//! Import also reads the `entities` form (`{"start_offset": …, "end_offset": …, "label": …}`).

use serde_json::Value;
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{EntityKind, Extraction};

use super::{
    add_read, byte_span, cuts_a_character, cuts_a_word, kind_from_label, reviewed_entities, without_conflicts,
    CountedTwice, EntityImport, ReadEntities, SkippedEntry,
};
use crate::json_fields::{compact, json_object};
use crate::model::Annotations;
use crate::Document;

/// One line (with its line break) holding the article and its reviewed entities, offsets in UTF-16 units.
pub fn export(doc: &Document, extraction: &Extraction, annotations: &Annotations) -> String {
    let index = OffsetIndex::new(&doc.text);
    let labels: Vec<Value> = reviewed_entities(extraction, annotations)
        .iter()
        .map(|entity| {
            let unit = |byte: usize| index.byte_to_utf16(byte).unwrap_or(0);
            let (start, end) = (unit(entity.span.start), unit(entity.span.end));
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

/// Reads a doccano file's entities on `text`, without adding them (see [`ReadEntities`]). doccano counts
/// offsets in UTF-16 units (as JavaScript does; doccano/doccano#2290), its first versions counted code points,
/// and the two differ after a character beyond the BMP (an emoji): a line whose entities all fall on whole words
/// only when read in code points is read so, and said; a label on whole words both ways, on different words, is
/// skipped and named, and one cutting words either way is skipped rather than put on others.
pub fn read(jsonl: &str, text: &str) -> ReadEntities {
    let index = OffsetIndex::new(text);
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let mut notices = Vec::new();
    let mut code_point_lines: Vec<usize> = Vec::new();
    let mut windows_line_ends: Option<CountedTwice> = None;
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
        let (file_text, windows) = match value["text"].as_str() {
            Some(same) if same == text => (same, None),
            Some(other)
                if other.len() == text.len() + text.matches('\n').count() && other.replace("\r\n", "\n") == text =>
            {
                (other, Some(&*windows_line_ends.get_or_insert_with(|| CountedTwice::windows_line_ends(text))))
            }
            // A line without its text cannot say which text its offsets count in.
            None => {
                skip("has no \"text\" field, so its offsets cannot be checked against this article".to_string());
                continue;
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
        let labels: Vec<Result<(u64, u64, EntityKind), String>> = labels(&value)
            .into_iter()
            .map(|label| {
                let (start, end, label) = label?;
                let kind = kind_from_label(&label)
                    .ok_or_else(|| format!("has the label {label:?}, which is not a kind Sidenote knows"))?;
                Ok((start, end, kind))
            })
            .collect();
        // The words of each label read in code points or in UTF-16 units (its characters beyond the BMP, in the
        // line's text as the tool held it, counted twice), then past any `\r` of its line ends.
        let wide = CountedTwice::utf16(file_text);
        let read_as = |utf16: bool, start: u64, end: u64| {
            let held = |at: u64| {
                let at = usize::try_from(at).ok()?;
                let at = if utf16 { wide.offset(at)? } else { at };
                windows.map_or(Some(at), |windows| windows.offset(at))
            };
            match (held(start), held(end)) {
                (Some(s), Some(e)) => {
                    byte_span(&index, s, e).ok_or_else(|| format!("has offsets {start}..{end} outside the text"))
                }
                _ => Err(format!("has offsets {start}..{end} inside a line end or a character")),
            }
        };
        // Which unit the line counts in: doccano counts UTF-16 units (doccano/doccano#2290), its first versions
        // counted code points, and the two differ only after a character beyond the BMP. One reading that puts
        // every label on whole words, where the other does not, is the line's; otherwise each label is read
        // alone, and one that falls on whole words both ways, on different words, is skipped: never guessed.
        let on_words = |utf16: bool, start: u64, end: u64| {
            read_as(utf16, start, end)
                .ok()
                .filter(|&span| !cuts_a_word(text, span) && cuts_a_character(text, span).is_none())
        };
        let clean = |utf16: bool| labels.iter().flatten().all(|&(start, end, _)| on_words(utf16, start, end).is_some());
        let line_unit = match (wide.is_empty(), clean(true), clean(false)) {
            (true, _, _) => Some(true),
            (false, true, false) => Some(true),
            (false, false, true) => Some(false),
            _ => None,
        };
        if line_unit == Some(false) {
            code_point_lines.push(n + 1);
        }
        for label in labels {
            let entity = label.and_then(|(start, end, kind)| {
                let span = match line_unit {
                    Some(utf16) => read_as(utf16, start, end)?,
                    None => match (on_words(true, start, end), on_words(false, start, end)) {
                        (Some(units), Some(chars)) if units != chars => {
                            return Err(format!(
                                "has offsets {start}..{end}, which fall on whole words both in UTF-16 units, as doccano counts ({:?}), and in code points, as its first versions counted ({:?}): not guessed",
                                units.slice(text),
                                chars.slice(text)
                            ))
                        }
                        (Some(span), _) | (None, Some(span)) => span,
                        // Neither: said below by the code-point reading (the characters it cuts are whole there),
                        // else the UTF-16 one.
                        (None, None) => read_as(false, start, end).or_else(|_| read_as(true, start, end))?,
                    },
                };
                if let Some(reason) = cuts_a_character(text, span) {
                    return Err(reason);
                }
                // In a text with characters beyond the BMP, words cut may be offsets counted in another unit (here
                // only when the other reading cuts words too).
                if !wide.is_empty() && cuts_a_word(text, span) {
                    return Err(format!(
                        "has offsets {start}..{end}, which cut words ({:?}) read in UTF-16 units and in code points alike: not put on words it may not mean",
                        span.slice(text)
                    ));
                }
                Ok((span, kind, n + 1))
            });
            match entity {
                Ok(entity) => found.push(entity),
                Err(reason) => skip(reason),
            }
        }
    }
    let found = without_conflicts(found, &mut skipped, "line");
    // One notice for all such lines, by runs (a file of thousands of lines made by one tool is read alike).
    if !code_point_lines.is_empty() {
        notices.push(format!(
            "{} {} {} read in code points (as doccano's first versions and Python count), not UTF-16 units as doccano counts: only so do {} entities fall on whole words",
            if code_point_lines.len() == 1 { "line" } else { "lines" },
            crate::w3c::import::ranges(code_point_lines.iter().copied()),
            if code_point_lines.len() == 1 { "was" } else { "were" },
            if code_point_lines.len() == 1 { "its" } else { "their" }
        ));
    }
    ReadEntities { notices, ..ReadEntities::on(text, &found, skipped) }
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
            "{}\n\n{}\nnot json\n{}\n{}\n{}\n{}\n{}\n",
            json!({"text": text, "label": [[2, 8, "PER"], [12, 18, "ANIMAL"], [12, 99, "LOC"], ["x"]]}),
            json!({"text": text, "entities": [{"start_offset": 12, "end_offset": 18, "label": "LOC"}]}),
            json!({"text": "another text", "label": [[0, 2, "PER"]]}),
            json!({"text": text, "spans": [{"start": 2, "end": 8, "label": "PERSON"}]}),
            json!({"text": text, "label": []}),
            json!({"text": text, "label": [], "relations": [{"from_id": 1, "to_id": 2, "type": "in"}], "Comments": ["check"]}),
            json!({"id": 7, "label": [[2, 8, "PER"]]}),
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
            (9, "has no \"text\" field"),
        ];
        assert_eq!(reasons.len(), expected.len(), "{reasons:?}");
        for ((line, reason), (want_line, want)) in reasons.iter().zip(expected) {
            assert_eq!(*line, want_line);
            assert!(reason.contains(want), "line {line}: {reason}");
        }
    }
}

#[cfg(test)]
mod unit_tests {
    use super::*;
    use serde_json::json;

    /// (start, end) of each name in `text`, counted in UTF-16 units (as JavaScript's `indexOf` and `length`) or
    /// in code points.
    fn offsets(text: &str, names: &[&str], utf16: bool) -> Vec<(usize, usize)> {
        let count = |s: &str| if utf16 { s.encode_utf16().count() } else { s.chars().count() };
        names
            .iter()
            .map(|name| {
                let at = text.find(name).map_or(0, |at| count(&text[..at]));
                (at, at + count(name))
            })
            .collect()
    }

    /// doccano counts UTF-16 units (one more for each emoji or `𝔘` before an entity), its first versions code
    /// points. A line is read in the unit that alone puts every label on whole words (code points said, as the
    /// exception); a label on whole words both ways, on other words each way, is skipped and named (a prober's
    /// doccano line put "Anna Berg" PER on "Anna Lund"); one cutting words either way is skipped, never put on
    /// other words.
    #[test]
    fn each_line_is_read_in_the_unit_that_puts_its_labels_on_words_and_never_guessed() {
        let text = "🙂 Ada Vance met 𝔘lf Brenner in Oslo 🇳🇴 on Monday.";
        let names = ["Ada Vance", "𝔘lf Brenner", "Oslo", "Monday"];
        // Two names of one length, the first's UTF-16 offsets the second's code points.
        let twins = "🏒🏒🏒🏒🏒 Lena Lund and Lena Berg.";
        let line = |text: &str, spans: &[(usize, usize)]| {
            let labels: Vec<Value> = spans.iter().map(|&(s, e)| json!([s, e, "PER"])).collect();
            json!({"text": text, "label": labels}).to_string()
        };
        let units = |text: &str, names: &[&str]| offsets(text, names, true);
        let chars = |text: &str, names: &[&str]| offsets(text, names, false);
        let mixed = [units(text, &["Ada Vance"])[0], chars(text, &["Oslo"])[0]];
        let lena_lund = units(twins, &["Lena"]);
        assert_eq!(lena_lund, [(11, 15)]);
        assert_eq!(chars(twins, &["Lund"]), lena_lund, "the UTF-16 reading of the first is the second as code points");
        /// (text, line, words found, reasons skipped, said to be read in code points)
        type Case<'a> = (&'a str, String, &'a [&'a str], &'a [&'a str], bool);
        let cases: &[Case] = &[
            (text, line(text, &units(text, &names)), &names, &[], false),
            (text, line(text, &chars(text, &names)), &names, &[], true),
            // Each label on whole words in one reading only: that one.
            (text, line(text, &mixed), &["Ada Vance", "Oslo"], &[], false),
            (
                twins,
                line(twins, &lena_lund),
                &[],
                &["both in UTF-16 units, as doccano counts (\"Lena\"), and in code points, as its first versions counted (\"Lund\"): not guessed"],
                false,
            ),
            // On words cut both ways: skipped.
            (text, line(text, &[(4, 7)]), &[], &["cut words (\"a V\") read in UTF-16 units and in code points alike"], false),
            // A text with nothing beyond the BMP has no question of units: a label as the annotator made it is kept.
            ("Ada Vance met Ulf Brenner.", line("Ada Vance met Ulf Brenner.", &[(0, 3)]), &["Ada"], &[], false),
        ];
        for (text, line, words, reasons, in_code_points) in cases {
            let got = read(line, text);
            let found: Vec<&str> = got.found.iter().filter_map(|e| e.span.map(|s| s.slice(text))).collect();
            assert_eq!(&found, words, "{line}");
            let skipped: Vec<&str> = got.skipped.iter().map(|s| s.reason.as_str()).collect();
            assert_eq!(skipped.len(), reasons.len(), "{line}: {skipped:?}");
            for (reason, want) in skipped.iter().zip(reasons.iter()) {
                assert!(reason.contains(want), "{line}: {reason}");
            }
            assert_eq!(got.notices.len(), usize::from(*in_code_points), "{line}: {:?}", got.notices);
        }
        let mut set = Annotations::default();
        let summary = import(&line(text, &chars(text, &names)), text, &mut set).summary();
        assert!(
            summary.contains(
                "; line 1 was read in code points (as doccano's first versions and Python count), not UTF-16 units"
            ),
            "{summary}"
        );
        // A file of 200 such lines says so once, by runs (the reviewer: 200 notices, 27,510 characters).
        let many: String = (0..200).map(|_| line(text, &chars(text, &names)) + "\n").collect();
        let summary = import(&many, text, &mut Annotations::default()).summary();
        assert!(summary.contains("; lines 1–200 were read in code points"), "{summary}");
        assert!(summary.chars().count() < 400, "{summary}");
    }

    /// The export counts as doccano does (UTF-16 units), so that doccano shows every label after an emoji on its
    /// words (read as code points, a prober's export put "Anna Berg" on " late 😱"), and reads back whole.
    #[test]
    fn the_export_counts_utf16_units_and_reads_back_every_label() {
        for text in ["Ada Vance met Ulf Brenner in Oslo.", "🙂 Ada Vance met 𝔘lf Brenner in Oslo 🇳🇴 on 👩‍👩‍👧 Monday."]
        {
            let mut annotations = Annotations::default();
            for name in ["Ada Vance", "Oslo", "Monday"].into_iter().filter(|name| text.contains(name)) {
                let at = text.find(name).expect("in the text");
                annotations.add_entity(text, sidenote_extract::Span::new(at, at + name.len()), EntityKind::Person);
            }
            let doc = Document::new("Names", text);
            let jsonl = export(&doc, &Extraction::default(), &annotations);
            let written: Value = serde_json::from_str(jsonl.trim_end()).expect("one JSON line");
            let names: Vec<&str> = annotations.added.iter().map(|a| a.target.exact.as_str()).collect();
            let expected: Vec<Value> =
                offsets(text, &names, true).into_iter().map(|(s, e)| json!([s, e, "PERSON"])).collect();
            assert_eq!(written["label"], Value::Array(expected), "{text}");
            let back = read(&jsonl, text);
            let found: Vec<&str> = back.found.iter().filter_map(|e| e.span.map(|s| s.slice(text))).collect();
            assert_eq!(found, names, "{text}");
            assert!(back.skipped.is_empty() && back.notices.is_empty(), "{:?} {:?}", back.skipped, back.notices);
        }
    }

    /// The same words labelled with two kinds keep the same one, and name the other as a conflict, whatever the
    /// order of the labels.
    #[test]
    fn two_kinds_on_the_same_words_are_a_conflict_decided_alike_in_any_order() {
        let text = "Ada Vance joined Brenner Partners.";
        for labels in [
            json!([[0, 9, "ORG"], [0, 9, "PER"], [17, 33, "ORG"]]),
            json!([[17, 33, "ORG"], [0, 9, "PER"], [0, 9, "ORG"]]),
        ] {
            let got = read(&json!({"text": text, "label": labels}).to_string(), text);
            let found: Vec<(&str, EntityKind)> =
                got.found.iter().filter_map(|e| e.span.map(|s| (s.slice(text), e.kind))).collect();
            assert_eq!(found, [("Ada Vance", EntityKind::Person), ("Brenner Partners", EntityKind::Org)], "{labels}");
            assert_eq!(got.skipped.len(), 1);
            assert!(got.skipped[0].reason.contains("as ORG where that line says PERSON: a conflict, PERSON kept"));
        }
    }
}
