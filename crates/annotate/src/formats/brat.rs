//! brat standoff (<https://brat.nlplab.org/standoff.html>): the article as a `.txt` and its entities as
//! text-bound annotations in an `.ann`, one a line: `T1<TAB>PERSON 0 13<TAB>Sergei Lavrov`.
//!
//! Offsets are code points into the `.txt` (module `formats`). brat forbids line breaks inside an
//! annotation's text, so an entity spanning lines is written as discontinuous fragments, one per line
//! (`T2<TAB>ORG 10 14;15 22<TAB>INF Treaty`). Labels are Sidenote's kinds; import also takes `PER`, `LOC`, …

use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{Extraction, Span};

use super::{
    add_read, byte_span, char_span, cuts_a_character, kind_from_label, reviewed_entities, without_conflicts,
    CountedTwice, EntityImport, ReadEntities, SkippedEntry,
};
use crate::model::Annotations;
use crate::Document;

/// The `.txt` (the article, unchanged) and the `.ann` of the reviewed entities, with the notes written on
/// exactly an entity's words as brat's notes on it (`#1<TAB>AnnotatorNotes T1<TAB>…`, on one line).
pub fn export(doc: &Document, extraction: &Extraction, annotations: &Annotations) -> (String, String) {
    let index = OffsetIndex::new(&doc.text);
    let mut ann = String::new();
    let entities = reviewed_entities(extraction, annotations);
    let numbers = crate::last_by_key::LastByKey::of(entities.iter().enumerate().map(|(n, e)| (e.span, n + 1)));
    let mut notes = String::new();
    let mut written = 0;
    for note in annotations.notes_in_reading_order() {
        let one_line = one_line(&note.text);
        // A note of tags alone has nothing brat can hold.
        if let Some(&entity) = note.span.and_then(|span| numbers.get(&span)).filter(|_| !one_line.is_empty()) {
            written += 1;
            notes.push_str(&format!("#{written}\tAnnotatorNotes T{entity}\t{one_line}\n"));
        }
    }
    for (n, entity) in entities.iter().enumerate() {
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
    ann.push_str(&notes);
    (doc.text.clone(), ann)
}

/// A note as brat holds it: on one line, control characters (line breaks, tabs) as spaces.
pub(crate) fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect::<String>().trim().to_string()
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
/// its first fragment's start to its last one's end; one with other words between is skipped. A label held in an
/// attribute (INCEpTION's and WebAnno's export, `LabelAttributes`) is the entry's type. Relations, events and
/// other attributes are listed as skipped, as are entries whose words are not the text's at their offsets; a note on
/// an entity (`AnnotatorNotes`) becomes a note on its words.
pub fn import(ann: &str, text: &str, annotations: &mut Annotations) -> EntityImport {
    add_read(annotations, read(ann, text), &Extraction::default())
}

/// Reads an `.ann` file's entities on `text`, without adding them (see [`ReadEntities`]).
pub fn read(ann: &str, text: &str) -> ReadEntities {
    let index = OffsetIndex::new(text);
    let at_offsets = |start: usize, end: usize| byte_span(&index, start, end);
    // A file made on the text with Windows line ends counts each `\r`: its entries are read so when they
    // do not read as they are.
    let windows = CountedTwice::windows_line_ends(text);
    let at_windows_offsets = |start: usize, end: usize| byte_span(&index, windows.offset(start)?, windows.offset(end)?);
    // One made by a JavaScript tool counts UTF-16 units (two for an emoji): tried last, and kept only where the
    // entry's words are the text's there, as every entry is.
    let wide = CountedTwice::utf16(text);
    let at_utf16_offsets = |start: usize, end: usize| byte_span(&index, wide.offset(start)?, wide.offset(end)?);
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    // Entities by their brat id (`T1`), for the notes made on them.
    let mut ids: Vec<(&str, Span)> = Vec::new();
    let mut notes: Vec<(usize, &str, &str)> = Vec::new();
    let ann = crate::input::without_byte_order_mark(ann);
    let labelled = LabelAttributes::of(ann);
    for (n, line) in ann.lines().enumerate() {
        if line.trim().is_empty() || labelled.is_label_line(line) {
            continue;
        }
        if let Some((on, note)) = annotator_note(line) {
            notes.push((n + 1, on, note));
            continue;
        }
        let id = line.split('\t').next().unwrap_or_default();
        let relabelled = labelled.relabel(line);
        let line = relabelled.as_deref().unwrap_or(line);
        let direct = read_line(line, text, &at_offsets);
        let retry = |first: Result<_, _>, counted: &CountedTwice, at: &dyn Fn(usize, usize) -> Option<Span>| match first
        {
            Err((_, None)) if !counted.is_empty() => match read_line(line, text, at) {
                Err((_, None)) => first,
                retried => retried,
            },
            _ => first,
        };
        let entry =
            retry(retry(direct, &windows, &at_windows_offsets), &wide, &at_utf16_offsets).and_then(|(span, kind)| {
                match cuts_a_character(text, span) {
                    Some(reason) => Err((reason, None)),
                    None => Ok((span, kind)),
                }
            });
        match entry {
            Ok((span, kind)) => {
                ids.push((id, span));
                found.push((span, kind, n + 1));
            }
            Err((reason, words)) => {
                // An entry of a type Sidenote does not know is no entity here, but a note on it is on its words.
                ids.extend(words.map(|span| (id, span)));
                skipped.push(SkippedEntry { line: n + 1, reason });
            }
        }
    }
    let ids = crate::last_by_key::LastByKey::of(ids.into_iter().map(|(id, span)| (id.to_string(), span)));
    let mut on_words = Vec::new();
    for (line, on, note) in notes {
        match ids.get(on) {
            Some(&span) => on_words.push((span, note.to_string())),
            None => {
                skipped.push(SkippedEntry { line, reason: format!("is a note on {on}, which is no entity read here") })
            }
        }
    }
    let found = without_conflicts(found, &mut skipped, "line");
    ReadEntities::with_notes(text, &found, &on_words, skipped)
}

/// Labels held in attributes, as INCEpTION's and WebAnno's brat export (DKPro Core's `BratWriter`) writes a named
/// entity: its type the UIMA type's name (`T1<TAB>de-tudarmstadt-ukp-dkpro-core-api-ner-type-NamedEntity 0 9<TAB>…`),
/// its label the type's `value` feature in an attribute line (`A1<TAB>…-NamedEntity_value T1 PER`, or
/// `A1<TAB>value T1 PER` with short attribute names). Such a label stands for the entry's type when the type is
/// no kind Sidenote knows and the label is one; its attribute line is then read, not skipped.
struct LabelAttributes<'a> {
    /// The `value` attributes by the entry they are on: (entry id, attribute name, label, attribute id).
    values: Vec<(&'a str, &'a str, &'a str, &'a str)>,
    /// The ids of the attribute lines whose label stands for their entry's type.
    used: std::collections::HashSet<&'a str>,
}

impl<'a> LabelAttributes<'a> {
    fn of(ann: &'a str) -> Self {
        let mut values = Vec::new();
        let mut types = Vec::new();
        for line in ann.lines() {
            let mut fields = line.split('\t');
            let (Some(id), Some(spec)) = (fields.next(), fields.next()) else { continue };
            let mut parts = spec.split(' ');
            match (id.chars().next(), parts.next(), parts.next(), parts.next(), parts.next()) {
                (Some('A' | 'M'), Some(name), Some(on), Some(label), None)
                    if name.ends_with("_value") || name == "value" =>
                {
                    values.push((on, name, label, id));
                }
                (Some('T'), Some(kind), ..) => types.push((id, kind)),
                _ => {}
            }
        }
        // Looked up by entry id: sorted once, so a file of thousands of entries is read in n log n.
        sidenote_extract::sort_stable_by(&mut values, |a, b| a.0.cmp(b.0));
        let mut labels = LabelAttributes { values, used: Default::default() };
        let used = types.iter().filter_map(|&(id, kind)| labels.label_of(id, kind)).map(|v| v.3).collect();
        labels.used = used;
        labels
    }

    /// The attribute whose label stands for entry `id`'s type `kind`, if any.
    fn label_of(&self, id: &str, kind: &str) -> Option<(&'a str, &'a str, &'a str, &'a str)> {
        if kind_from_label(kind).is_some() {
            return None;
        }
        let first = self.values.partition_point(|v| v.0 < id);
        let mut labels = self.values.get(first..).unwrap_or_default().iter().take_while(|v| v.0 == id);
        labels
            .find(|&&(_, name, label, _)| {
                (name == "value" || name.strip_suffix("_value") == Some(kind)) && kind_from_label(label).is_some()
            })
            .copied()
    }

    /// Whether `line` is an attribute line whose label stands for its entry's type.
    fn is_label_line(&self, line: &str) -> bool {
        line.starts_with(['A', 'M']) && self.used.contains(line.split('\t').next().unwrap_or_default())
    }

    /// `line` with its label in place of its type, when an attribute holds it.
    fn relabel(&self, line: &str) -> Option<String> {
        let (id, rest) = line.split_once('\t')?;
        let (kind, after) = rest.split_once(' ')?;
        let label = self.label_of(id, kind)?.2;
        Some(format!("{id}\t{label} {after}"))
    }
}

/// A brat note on an annotation (`#1<TAB>AnnotatorNotes T1<TAB>the note`): the annotation's id and the note.
fn annotator_note(line: &str) -> Option<(&str, &str)> {
    let mut fields = line.strip_prefix('#')?.splitn(3, '\t').skip(1);
    let on = fields.next()?.strip_prefix("AnnotatorNotes ")?.trim();
    let note = fields.next()?.trim();
    (!note.is_empty()).then_some((on, note))
}

/// One text-bound annotation, or why it cannot be an entity here, with its words when they were read (a type
/// Sidenote does not know still leaves words a note can be on).
fn read_line(
    line: &str,
    text: &str,
    at_offsets: &dyn Fn(usize, usize) -> Option<Span>,
) -> Result<(Span, sidenote_extract::EntityKind), (String, Option<Span>)> {
    let (span, label) = words_of_line(line, text, at_offsets).map_err(|reason| (reason, None))?;
    let kind = kind_from_label(label)
        .ok_or_else(|| (format!("has the type {label:?}, which is not a kind Sidenote knows"), Some(span)))?;
    Ok((span, kind))
}

/// The words of a text-bound annotation and its type.
fn words_of_line<'a>(
    line: &'a str,
    text: &str,
    at_offsets: &dyn Fn(usize, usize) -> Option<Span>,
) -> Result<(Span, &'a str), String> {
    if line.starts_with('#') {
        return Err("is a note Sidenote cannot read (it reads #1<TAB>AnnotatorNotes T1<TAB>the note)".into());
    }
    if !line.starts_with('T') {
        return Err("not a text-bound annotation (relations, events and attributes are not entities)".into());
    }
    let mut fields = line.splitn(3, '\t');
    let (_id, spec, words) = match (fields.next(), fields.next(), fields.next()) {
        (Some(id), Some(spec), Some(words)) => (id, spec, words),
        _ => return Err("needs three tab-separated fields: id, type and offsets, text".into()),
    };
    let (label, offsets) = spec.split_once(' ').ok_or("has no offsets after its type")?;
    let mut fragments = Vec::new();
    for fragment in offsets.split(';') {
        let (start, end) =
            fragment.trim().split_once(' ').ok_or_else(|| format!("has malformed offsets {offsets:?}"))?;
        let (start, end) = match (start.parse::<usize>(), end.parse::<usize>()) {
            (Ok(s), Ok(e)) => (s, e),
            _ => return Err(format!("has malformed offsets {offsets:?}")),
        };
        fragments.push(at_offsets(start, end).ok_or_else(|| format!("has offsets {offsets:?} outside the text"))?);
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
    Ok((Span::new(first.start, last.end), label))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::tests::{entity_set, reviewed_sample};
    use sidenote_extract::EntityKind;

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
        // A note on an entity's words is brat's note on it (on one line); a note on other words has no entity.
        set.add_note(text, Span::new(lavrov, lavrov + "Sergei Lavrov".len()), "the minister,\n\tagain".into(), vec![]);
        set.add_note(text, Span::new(lavrov, lavrov + "Sergei".len()), "first name".into(), vec![]);
        let (_, ann) = export(&doc, &Extraction::default(), &set);
        assert_eq!(
            ann,
            "T1\tPERSON 2 15\tSergei Lavrov\nT2\tMISC 20 23;24 34\tthe INF Treaty\n#1\tAnnotatorNotes T1\tthe minister,  again\n"
        );
        let mut back = Annotations::default();
        import(&ann, text, &mut back);
        assert_eq!(
            back.added.iter().map(|a| a.target.exact.as_str()).collect::<Vec<_>>(),
            ["Sergei Lavrov", "the\nINF Treaty"]
        );
    }

    /// An `.ann` saved by a Windows editor starts with a byte-order mark, which must not cost its first entry.
    /// A note exported on one line (its line breaks and tabs as spaces) is the same note when the file comes
    /// back: not added twice.
    #[test]
    fn notes_exported_on_one_line_are_not_added_again() {
        let text = "Sergei Lavrov spoke in Moscow.";
        let doc = Document::new("t", text);
        let mut set = Annotations::default();
        set.add_entity(text, Span::new(0, 13), sidenote_extract::EntityKind::Person);
        set.add_note(text, Span::new(0, 13), "line one\nline\ttwo".into(), vec![]);
        let (_, ann) = export(&doc, &Extraction::default(), &set);
        assert!(ann.ends_with("#1\tAnnotatorNotes T1\tline one line two\n"), "{ann}");
        let report = import(&ann, text, &mut set);
        assert_eq!((report.notes, set.notes.len(), report.already_here), (0, 1, 1));
    }

    #[test]
    fn a_byte_order_mark_does_not_cost_the_first_entry() {
        let text = "Sergei Lavrov spoke in Moscow.";
        let read = read("\u{FEFF}T1\tPERSON 0 13\tSergei Lavrov\nT2\tLOC 23 29\tMoscow\n", text);
        assert!(read.skipped.is_empty(), "{:?}", read.skipped);
        assert_eq!(read.found.len(), 2);
    }

    /// brat counts code points; an `.ann` written by a JavaScript tool counts UTF-16 units, two for an emoji:
    /// each entry whose words are the text's only so is read so (its words checked as every entry's are).
    #[test]
    fn entries_counted_in_utf16_units_are_found_by_their_words() {
        let text = "🙂 Ada Vance met 𝔘lf Brenner in Oslo.";
        let ann = "T1\tPER 3 12\tAda Vance\nT2\tPER 17 29\t𝔘lf Brenner\nT3\tLOC 2 11\tAda Vance\nT4\tLOC 33 37\tOslo\n";
        let got = read(ann, text);
        let words: Vec<&str> = got.found.iter().filter_map(|e| e.span.map(|s| s.slice(text))).collect();
        assert_eq!(words, ["Ada Vance", "𝔘lf Brenner", "Oslo"], "{:?}", got.skipped);
        assert!(got.skipped[0].reason.contains("a conflict"), "{:?}", got.skipped);
    }

    /// `T1 Person 0 9` and `T2 Organization 0 9`: one entity on those words, the same whichever line comes first
    /// (it was the last), and the other line named as a conflict; the same kind twice is one entity, no conflict.
    #[test]
    fn the_same_words_with_two_kinds_give_one_entity_whatever_the_order() {
        let text = "Ada Vance joined Brenner Partners.";
        let lines = ["T1\tOrganization 0 9\tAda Vance", "T2\tPerson 0 9\tAda Vance", "T3\tPER 0 9\tAda Vance"];
        for order in [[0, 1, 2], [1, 0, 2], [2, 1, 0], [2, 0, 1]] {
            let ann: String = order.iter().map(|&k| format!("{}\n", lines[k])).collect();
            let read = read(&ann, text);
            let kinds: Vec<sidenote_extract::EntityKind> = read.found.iter().map(|e| e.kind).collect();
            assert_eq!(kinds, [sidenote_extract::EntityKind::Person], "{ann}");
            assert_eq!(read.skipped.len(), 1, "{ann}");
            let conflict = &read.skipped[0];
            assert_eq!(conflict.line, 1 + order.iter().position(|&k| k == 0).unwrap_or(9), "{ann}");
            assert!(
                conflict.reason.contains("as ORG where that line says PERSON: a conflict, PERSON kept"),
                "{conflict}"
            );
        }
    }

    #[test]
    fn entries_sidenote_cannot_use_are_listed() {
        let text = "Sergei Lavrov spoke in Moscow.";
        let ann = "T1\tPER 0 13\tSergei Lavrov\nR1\tLocated Arg1:T1 Arg2:T2\nT2\tANIMAL 23 29\tMoscow\nT3\tLOC 23 29\tParis\nT4\tLOC 23 99\tMoscow\nT5\tLOC x y\tMoscow\nT6 LOC 0 1\n#1\tAnnotatorNotes T1\tminister\nT7\tPER 0 6;14 19\tSergei spoke\n#2\tAnnotatorNotes T3\ton nothing\n#3\tAnnotatorNotes T2\ta place\n#4 AnnotatorNotes T1 spaces\n";
        let mut set = Annotations::default();
        let report = import(ann, text, &mut set);
        assert_eq!(report.added.len(), 1);
        // brat's note on T1 is a note on its words; one on an entry not read is skipped.
        let notes: Vec<(&str, &str)> =
            set.notes.iter().map(|n| (n.span.map_or("", |s| s.slice(text)), n.text.as_str())).collect();
        assert_eq!(notes, [("Sergei Lavrov", "minister"), ("Moscow", "a place")], "on T2's words, type unknown");
        assert_eq!(report.notes, 2);
        let reasons: Vec<(usize, &str)> = report.skipped.iter().map(|s| (s.line, s.reason.as_str())).collect();
        let expected = [
            (2, "not a text-bound"),
            (3, "\"ANIMAL\""),
            (4, "says \"Paris\""),
            (5, "outside the text"),
            (6, "malformed"),
            (7, "three tab-separated"),
            (9, "marks \"Sergei … spoke\" apart, with other words between them"),
            (12, "is a note Sidenote cannot read"),
            (10, "is a note on T3, which is no entity read here"),
        ];
        assert_eq!(reasons.len(), expected.len(), "{reasons:?}");
        for ((line, reason), (want_line, want)) in reasons.iter().zip(expected) {
            assert_eq!(*line, want_line);
            assert!(reason.contains(want), "line {line}: {reason}");
        }
        assert!(
            report.summary().starts_with("Imported 1 entity and 2 notes; 9 skipped (line 2:"),
            "{}",
            report.summary()
        );
    }

    /// INCEpTION's and WebAnno's brat export (DKPro Core's `BratWriter`) names the type by its UIMA name and holds
    /// the label in an attribute line: the label is read as the type (a prober's migration imported nothing).
    #[test]
    fn a_label_held_in_an_attribute_is_the_entrys_type() {
        let text = "Mira Holt joined Tallis Rowing in Bergvik.";
        let ne = "de-tudarmstadt-ukp-dkpro-core-api-ner-type-NamedEntity";
        /// (ann, entities read, reasons skipped)
        type Case<'a> = (String, &'a [(&'a str, EntityKind)], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                format!(
                    "T1\t{ne} 0 9\tMira Holt\nA1\t{ne}_value T1 PER\nT2\t{ne} 17 30\tTallis Rowing\nA2\t{ne}_value T2 ORG\nT3\t{ne} 34 41\tBergvik\nA3\t{ne}_value T3 LOC\n"
                ),
                &[("Mira Holt", EntityKind::Person), ("Tallis Rowing", EntityKind::Org), ("Bergvik", EntityKind::Place)],
                &[],
            ),
            // Short attribute names, the attribute line first.
            (
                "A1\tvalue T1 PER\nT1\tNamedEntity 0 9\tMira Holt\n".to_string(),
                &[("Mira Holt", EntityKind::Person)],
                &[],
            ),
            // A label that is no kind, an attribute of another type's feature, a type that is a kind already.
            (
                format!("T1\t{ne} 0 9\tMira Holt\nA1\t{ne}_value T1 ANIMAL\nT2\tLOC 34 41\tBergvik\nA2\tvalue T2 PER\nT3\tOther 17 30\tTallis Rowing\nA3\tNamedEntity_value T3 ORG\n"),
                &[("Bergvik", EntityKind::Place)],
                &["which is not a kind", "not a text-bound", "not a text-bound", "which is not a kind", "not a text-bound"],
            ),
        ];
        for (ann, entities, reasons) in cases {
            let read = read(ann, text);
            let found: Vec<(&str, EntityKind)> =
                read.found.iter().filter_map(|e| e.span.map(|s| (s.slice(text), e.kind))).collect();
            assert_eq!(&found, entities, "{ann}");
            let skipped: Vec<&str> = read.skipped.iter().map(|s| s.reason.as_str()).collect();
            assert_eq!(skipped.len(), reasons.len(), "{ann}: {skipped:?}");
            for (reason, want) in skipped.iter().zip(reasons.iter()) {
                assert!(reason.contains(want), "{ann}: {reason}");
            }
        }
    }

    /// A file whose entries are all skipped names each reason once with its lines, and counts what it does not
    /// name ("12 skipped" once named lines 1–3 alone, the same reason twice).
    #[test]
    fn the_summary_names_each_reason_once_and_counts_the_rest() {
        let text = "Mira Holt joined Tallis Rowing in Bergvik.";
        let ann = "T1\tBOAT 0 4\tMira\nR1\tx\nT2\tBOAT 5 9\tHolt\nR2\tx\nT3\tCREW 17 23\tTallis\nT4\tTEAM 24 30\tRowing\nT5\tTOWN 34 41\tBergvik\n";
        let summary = import(ann, text, &mut Annotations::default()).summary();
        assert_eq!(
            summary,
            "Imported 0 entities; 7 skipped (lines 1, 3: has the type \"BOAT\", which is not a kind Sidenote knows; \
             lines 2, 4: not a text-bound annotation (relations, events and attributes are not entities); \
             line 5: has the type \"CREW\", which is not a kind Sidenote knows; and 2 more)."
        );
    }
}
