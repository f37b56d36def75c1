//! brat standoff (<https://brat.nlplab.org/standoff.html>): the article as a `.txt` and its entities as
//! text-bound annotations in an `.ann`, one a line: `T1<TAB>PERSON 0 13<TAB>Sergei Lavrov`.
//!
//! Offsets are code points into the `.txt` (module `formats`). brat forbids line breaks inside an
//! annotation's text, so an entity spanning lines is written as discontinuous fragments, one per line
//! (`T2<TAB>ORG 10 14;15 22<TAB>INF Treaty`). Labels are Sidenote's kinds; import also takes `PER`, `LOC`, …

use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{Extraction, Span};

use super::{
    add_read, byte_span, char_span, kind_from_label, reviewed_entities, EntityImport, ReadEntities, SkippedEntry,
};
use crate::model::Annotations;
use crate::Document;

/// The `.txt` (the article, unchanged) and the `.ann` of the reviewed entities.
pub fn export(doc: &Document, extraction: &Extraction, annotations: &Annotations) -> (String, String) {
    let index = OffsetIndex::new(&doc.text);
    let mut ann = String::new();
    for (n, entity) in reviewed_entities(extraction, annotations).iter().enumerate() {
        let fragments = line_fragments(&doc.text, entity.span);
        let offsets: Vec<String> = fragments
            .iter()
            .map(|&fragment| {
                let (start, end) = char_span(&index, fragment);
                format!("{start} {end}")
            })
            .collect();
        let words: Vec<&str> = fragments.iter().map(|f| f.slice(&doc.text)).collect();
        ann.push_str(&format!("T{}\t{} {}\t{}\n", n + 1, entity.kind.label(), offsets.join(";"), words.join(" ")));
    }
    (doc.text.clone(), ann)
}

/// The parts of `span` on each line, without the line breaks (and without empty parts).
fn line_fragments(text: &str, span: Span) -> Vec<Span> {
    let mut fragments = Vec::new();
    let mut start = span.start;
    for (offset, ch) in span.slice(text).char_indices() {
        if ch == '\n' || ch == '\r' {
            fragments.push(Span::new(start, span.start + offset));
            start = span.start + offset + ch.len_utf8();
        }
    }
    fragments.push(Span::new(start, span.end));
    fragments.retain(|f| !f.is_empty());
    fragments
}

/// Adds the text-bound annotations of an `.ann` on `text` as a person's entities. A discontinuous
/// annotation whose fragments only white space separates (a name broken over lines) becomes one entity from
/// its first fragment's start to its last one's end; one with other words between is skipped. Relations, events,
/// attributes and notes are listed as skipped, as are entries whose words are not the text's at their offsets.
pub fn import(ann: &str, text: &str, annotations: &mut Annotations) -> EntityImport {
    add_read(annotations, read(ann, text))
}

/// Reads an `.ann` file's entities on `text`, without adding them (see [`ReadEntities`]).
pub fn read(ann: &str, text: &str) -> ReadEntities {
    let index = OffsetIndex::new(text);
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    for (n, line) in crate::input::without_byte_order_mark(ann).lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match read_line(line, text, &index) {
            Ok(entity) => found.push(entity),
            Err(reason) => skipped.push(SkippedEntry { line: n + 1, reason }),
        }
    }
    ReadEntities::on(text, &found, skipped)
}

fn read_line(line: &str, text: &str, index: &OffsetIndex) -> Result<(Span, sidenote_extract::EntityKind), String> {
    if !line.starts_with('T') {
        return Err("not a text-bound annotation (relations, events, attributes and notes are not entities)".into());
    }
    let mut fields = line.splitn(3, '\t');
    let (_id, spec, words) = match (fields.next(), fields.next(), fields.next()) {
        (Some(id), Some(spec), Some(words)) => (id, spec, words),
        _ => return Err("needs three tab-separated fields: id, type and offsets, text".into()),
    };
    let (label, offsets) = spec.split_once(' ').ok_or("has no offsets after its type")?;
    let kind =
        kind_from_label(label).ok_or_else(|| format!("has the type {label:?}, which is not a kind Sidenote knows"))?;
    let mut fragments = Vec::new();
    for fragment in offsets.split(';') {
        let (start, end) =
            fragment.trim().split_once(' ').ok_or_else(|| format!("has malformed offsets {offsets:?}"))?;
        let (start, end) = match (start.parse::<usize>(), end.parse::<usize>()) {
            (Ok(s), Ok(e)) => (s, e),
            _ => return Err(format!("has malformed offsets {offsets:?}")),
        };
        fragments
            .push(byte_span(index, start, end).ok_or_else(|| format!("has offsets {offsets:?} outside the text"))?);
    }
    let joined: Vec<&str> = fragments.iter().map(|f| f.slice(text)).collect();
    if joined.join(" ") != words {
        return Err(format!("says {words:?}, but the text at its offsets is {:?}", joined.join(" ")));
    }
    let (first, last) = match (fragments.first(), fragments.last()) {
        (Some(first), Some(last)) => (first, last),
        _ => return Err("has no offsets".into()),
    };
    // Fragments apart only by white space (a name broken over lines, as the export writes it) are one entity;
    // fragments with other words between them are not one name, and one span over them would mark those words.
    for pair in fragments.windows(2) {
        let between = text.get(pair[0].end..pair[1].start);
        if !between.is_some_and(|b| b.chars().all(char::is_whitespace)) {
            return Err(format!(
                "marks {:?} apart, with other words between them, which Sidenote cannot hold as one entity",
                joined.join(" … ")
            ));
        }
    }
    Ok((Span::new(first.start, last.end), kind))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::tests::{entity_set, reviewed_sample};

    #[test]
    fn round_trip_gives_the_same_entities() {
        let (doc, extraction, annotations) = reviewed_sample();
        let (txt, ann) = export(&doc, &extraction, &annotations);
        assert_eq!(txt, doc.text);
        assert!(ann.lines().count() >= 4, "{ann}");
        let mut back = Annotations::default();
        let report = import(&ann, &txt, &mut back);
        assert!(report.skipped.is_empty(), "{:?}", report.skipped);
        assert_eq!(entity_set(&doc.text, &extraction, &back), entity_set(&doc.text, &extraction, &annotations));
    }

    #[test]
    fn offsets_are_code_points_and_line_breaks_become_fragments() {
        let text = "🙂 Sergei Lavrov met the\nINF Treaty staff.";
        let doc = Document::new("t", text);
        let mut set = Annotations::default();
        let lavrov = text.find("Sergei").expect("in text");
        set.add_entity(text, Span::new(lavrov, lavrov + "Sergei Lavrov".len()), sidenote_extract::EntityKind::Person);
        let inf = text.find("the\nINF").expect("in text") + 4;
        set.add_entity(text, Span::new(inf - 4, inf + "INF Treaty".len()), sidenote_extract::EntityKind::Misc);
        let (_, ann) = export(&doc, &Extraction::default(), &set);
        assert_eq!(ann, "T1\tPERSON 2 15\tSergei Lavrov\nT2\tMISC 20 23;24 34\tthe INF Treaty\n");
        let mut back = Annotations::default();
        import(&ann, text, &mut back);
        assert_eq!(
            back.added.iter().map(|a| a.target.exact.as_str()).collect::<Vec<_>>(),
            ["Sergei Lavrov", "the\nINF Treaty"]
        );
    }

    /// An `.ann` saved by a Windows editor starts with a byte-order mark, which must not cost its first entry.
    #[test]
    fn a_byte_order_mark_does_not_cost_the_first_entry() {
        let text = "Sergei Lavrov spoke in Moscow.";
        let read = read("\u{FEFF}T1\tPERSON 0 13\tSergei Lavrov\nT2\tLOC 23 29\tMoscow\n", text);
        assert!(read.skipped.is_empty(), "{:?}", read.skipped);
        assert_eq!(read.found.len(), 2);
    }

    #[test]
    fn entries_sidenote_cannot_use_are_listed() {
        let text = "Sergei Lavrov spoke in Moscow.";
        let ann = "T1\tPER 0 13\tSergei Lavrov\nR1\tLocated Arg1:T1 Arg2:T2\nT2\tANIMAL 23 29\tMoscow\nT3\tLOC 23 29\tParis\nT4\tLOC 23 99\tMoscow\nT5\tLOC x y\tMoscow\nT6 LOC 0 1\n#1\tAnnotatorNotes T1\tminister\nT7\tPER 0 6;14 19\tSergei spoke\n";
        let mut set = Annotations::default();
        let report = import(ann, text, &mut set);
        assert_eq!(report.added.len(), 1);
        let reasons: Vec<(usize, &str)> = report.skipped.iter().map(|s| (s.line, s.reason.as_str())).collect();
        let expected = [
            (2, "not a text-bound"),
            (3, "\"ANIMAL\""),
            (4, "says \"Paris\""),
            (5, "outside the text"),
            (6, "malformed"),
            (7, "three tab-separated"),
            (8, "not a text-bound"),
            (9, "marks \"Sergei … spoke\" apart, with other words between them"),
        ];
        assert_eq!(reasons.len(), expected.len(), "{reasons:?}");
        for ((line, reason), (want_line, want)) in reasons.iter().zip(expected) {
            assert_eq!(*line, want_line);
            assert!(reason.contains(want), "line {line}: {reason}");
        }
        assert!(report.summary().starts_with("Imported 1 entity; 8 skipped (line 2:"), "{}", report.summary());
    }
}
