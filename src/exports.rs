//! The export formats the toolbar offers, and the files each one makes. Pure (no DOM): the app hands the
//! files to `services::download`, and the tests below check them natively.

use sidenote_annotate::formats::{brat, conll, csv, doccano, label_studio};
use sidenote_annotate::model::Annotations;
use sidenote_annotate::w3c;
use sidenote_annotate::Document;
use sidenote_extract::Extraction;

use crate::state::OpenDocument;

/// A way to export the open document's annotations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// W3C Web Annotation JSON-LD: everything, re-importable (the default).
    W3c,
    /// The notes as a Markdown list.
    Markdown,
    /// brat standoff: the article as `.txt` and the reviewed entities as `.ann` (two downloads, since brat
    /// reads the pair).
    Brat,
    /// doccano JSONL: the article and its reviewed entities on one line.
    Doccano,
    /// Label Studio JSON: one task, the article and its reviewed entities as one annotation's regions.
    LabelStudio,
    /// CoNLL-2003 style BIO tokens of the reviewed entities.
    Conll,
    /// The notes as CSV (UTF-8 with a byte-order mark, for spreadsheets).
    Csv,
}

impl ExportFormat {
    /// Every format, in the order the menu lists them (the default first).
    pub const ALL: [ExportFormat; 7] = [
        ExportFormat::W3c,
        ExportFormat::Markdown,
        ExportFormat::Brat,
        ExportFormat::Doccano,
        ExportFormat::LabelStudio,
        ExportFormat::Conll,
        ExportFormat::Csv,
    ];

    /// The value of its menu option (stable: tests choose formats by it).
    pub fn key(self) -> &'static str {
        match self {
            ExportFormat::W3c => "w3c",
            ExportFormat::Markdown => "markdown",
            ExportFormat::Brat => "brat",
            ExportFormat::Doccano => "doccano",
            ExportFormat::LabelStudio => "label-studio",
            ExportFormat::Conll => "conll",
            ExportFormat::Csv => "csv",
        }
    }

    /// The format whose menu value is `key`.
    pub fn from_key(key: &str) -> Option<ExportFormat> {
        ExportFormat::ALL.into_iter().find(|f| f.key() == key)
    }

    /// What the menu says.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::W3c => "W3C JSON (all annotations)",
            ExportFormat::Markdown => "Notes as Markdown",
            ExportFormat::Brat => "brat (.ann + .txt)",
            ExportFormat::Doccano => "doccano JSONL",
            ExportFormat::LabelStudio => "Label Studio JSON",
            ExportFormat::Conll => "CoNLL BIO tokens",
            ExportFormat::Csv => "Notes as CSV",
        }
    }

    /// The export button's words ("Export JSON" is the name messages use for the default).
    pub fn button(self) -> &'static str {
        match self {
            ExportFormat::W3c => "Export JSON",
            ExportFormat::Markdown => "Export Markdown",
            ExportFormat::Brat => "Export brat",
            ExportFormat::Doccano => "Export JSONL",
            ExportFormat::LabelStudio => "Export Label Studio",
            ExportFormat::Conll => "Export CoNLL",
            ExportFormat::Csv => "Export CSV",
        }
    }
}

/// One file to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// Its name.
    pub name: String,
    /// Its media type.
    pub mime: &'static str,
    /// Its content.
    pub contents: String,
}

/// A file name from the title, safe on every common file system: letters and digits of any script and
/// other non-ASCII symbols (emoji) are kept; ASCII punctuation (`/ \ : * ? " < > |` among it), white space,
/// control and bidirectional-override characters (which could make `gpj.exe` read as `exe.jpg`) become `-`,
/// one per run; at most 60 characters; `sidenote` when nothing is left (a title of emoji once made a hidden
/// `.annotations.json`), and never a name Windows reserves (`CON`, `NUL`, `COM1`, …).
pub fn file_stem(title: &str) -> String {
    let bidi =
        |c: char| matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let kept = |c: char| c.is_alphanumeric() || !(c.is_ascii() || c.is_whitespace() || c.is_control() || bidi(c));
    let mut stem = String::new();
    for c in title.chars() {
        let c = if kept(c) { c } else { '-' };
        if !(c == '-' && (stem.is_empty() || stem.ends_with('-'))) {
            stem.push(c);
        }
    }
    let stem: String = stem.chars().take(60).collect();
    let stem = stem.trim_matches('-');
    let reserved = ["CON", "PRN", "AUX", "NUL"].iter().any(|name| stem.eq_ignore_ascii_case(name))
        || (stem.len() == 4
            && ["COM", "LPT"].iter().any(|p| stem.get(..3).is_some_and(|s| s.eq_ignore_ascii_case(p)))
            && stem.as_bytes()[3].is_ascii_digit());
    match stem {
        "" => "sidenote".to_string(),
        _ if reserved => format!("{stem}-"),
        _ => stem.to_string(),
    }
}

/// What to tell the user when `format` has nothing of theirs to write: brat, doccano and CoNLL hold only the
/// entities they reviewed (accepted, retagged or added), Markdown and CSV only their notes. The files are
/// made all the same (a brat pair without entities is still the article), but an empty `.ann` or a CoNLL file
/// of nothing but `O` must not pass for an export of the suggestions shown.
pub fn nothing_to_export(format: ExportFormat, open: &OpenDocument, annotations: &Annotations) -> Option<String> {
    let reviewed = || !sidenote_annotate::formats::reviewed_entities(&open.extraction, annotations).is_empty();
    let noted = || !annotations.notes.is_empty() || !annotations.document_notes.is_empty();
    let name = match format {
        ExportFormat::Brat => "brat",
        ExportFormat::Doccano => "doccano",
        ExportFormat::LabelStudio => "Label Studio",
        ExportFormat::Conll => "CoNLL",
        ExportFormat::Markdown => "Markdown",
        ExportFormat::Csv => "CSV",
        ExportFormat::W3c => return None,
    };
    match format {
        ExportFormat::Brat | ExportFormat::Doccano | ExportFormat::LabelStudio | ExportFormat::Conll if !reviewed() => {
            Some(format!(
                "A {name} export holds the entities you reviewed, and there are none yet: accept, retag or add \
             entities (Entities tab), then export again. This file has the article without entities."
            ))
        }
        ExportFormat::Markdown | ExportFormat::Csv if !noted() => {
            Some(format!("A {name} export holds your notes, and there are none yet: this file has only its heading."))
        }
        _ => None,
    }
}

/// The files `format` makes for a document, its extraction and its annotations (in the worker, which has
/// no `OpenDocument`: see `worker_protocol::ExportRequest`).
pub fn files(
    format: ExportFormat,
    doc: &Document,
    extraction: &Extraction,
    annotations: &Annotations,
) -> Vec<ExportFile> {
    let stem = file_stem(&doc.title);
    let file = |suffix: &str, mime: &'static str, contents: String| ExportFile {
        name: format!("{stem}{suffix}"),
        mime,
        contents,
    };
    match format {
        ExportFormat::W3c => {
            let collection = w3c::export(doc, extraction, annotations);
            let json = w3c::file_text(&collection);
            vec![file(".annotations.json", "application/ld+json", json)]
        }
        ExportFormat::Markdown => vec![file(".notes.md", "text/markdown", w3c::notes_markdown(doc, annotations))],
        ExportFormat::Brat => {
            let (txt, ann) = brat::export(doc, extraction, annotations);
            vec![file(".ann", "text/plain", ann), file(".txt", "text/plain", txt)]
        }
        ExportFormat::Doccano => {
            vec![file(".jsonl", "application/jsonl", doccano::export(doc, extraction, annotations))]
        }
        // `.label-studio.json`: Label Studio imports `.json`, and the name keeps it apart from the W3C file.
        ExportFormat::LabelStudio => {
            let json = label_studio::export(doc, extraction, annotations);
            vec![file(".label-studio.json", "application/json", json)]
        }
        ExportFormat::Conll => vec![file(".conll", "text/plain", conll::export(doc, extraction, annotations))],
        ExportFormat::Csv => vec![file(".notes.csv", "text/csv", csv::export(doc, annotations))],
    }
}

#[cfg(test)]
mod tests {
    use sidenote_extract::Span;

    use super::*;
    use crate::state::State;

    #[test]
    fn every_format_has_a_menu_key_that_leads_back_to_it() {
        for format in ExportFormat::ALL {
            assert_eq!(ExportFormat::from_key(format.key()), Some(format));
        }
        assert_eq!(ExportFormat::from_key("pdf"), None);
        assert_eq!(ExportFormat::W3c.button(), "Export JSON", "the name share-link messages use");
    }

    #[test]
    fn file_names_keep_what_file_systems_take() {
        let table = [
            ("Lavrov: U.S. Has 'No Proof'", "Lavrov-U-S-Has-No-Proof"),
            ("Zürich / 東京 report", "Zürich-東京-report"),
            ("🎉🎉", "🎉🎉"),
            ("Party 👩\u{200D}👩\u{200D}👧 time", "Party-👩\u{200D}👩\u{200D}👧-time"),
            ("report\u{202E}gpj.exe", "report-gpj-exe"),
            ("   ", "sidenote"),
            ("?!", "sidenote"),
            ("con", "con-"),
            ("COM1", "COM1-"),
            ("Compact", "Compact"),
            ("a€", "a€"),
        ];
        for (title, stem) in table {
            assert_eq!(file_stem(title), stem, "{title:?}");
        }
        assert_eq!(file_stem(&"a".repeat(100)).chars().count(), 60);
    }

    #[test]
    fn exports_without_the_users_work_say_so() {
        let state = State::default();
        let mut annotations = Annotations::default();
        let says = |format, annotations: &Annotations| nothing_to_export(format, &state.open, annotations);
        for format in [ExportFormat::Brat, ExportFormat::Doccano, ExportFormat::Conll] {
            assert!(says(format, &annotations).is_some_and(|m| m.contains("there are none yet")), "{format:?}");
        }
        assert!(says(ExportFormat::Csv, &annotations).is_some());
        assert!(says(ExportFormat::Markdown, &annotations).is_some());
        assert_eq!(says(ExportFormat::W3c, &annotations), None);
        // One reviewed entity, one note: nothing to say.
        let mention = state.open.extraction.entities.first().expect("the sample has names").clone();
        annotations.review(
            sidenote_annotate::model::ReviewScope::Mention { span: mention.span, kind: mention.kind },
            sidenote_annotate::model::Decision::Accept,
        );
        annotations.add_note(state.open.text(), Span::new(0, 3), "n".into(), Vec::new());
        for format in ExportFormat::ALL {
            assert_eq!(says(format, &annotations), None, "{format:?}");
        }
    }

    #[test]
    fn each_format_makes_its_files() {
        let state = State::default();
        let mut annotations = Annotations::default();
        annotations.add_note(state.open.text(), Span::new(0, 13), "a \"quoted\" note".into(), vec!["t".into()]);
        let names = |format| {
            files(format, &state.open.document, &state.open.extraction, &annotations)
                .into_iter()
                .map(|f| f.name)
                .collect::<Vec<_>>()
        };
        let stem = file_stem(&state.open.document.title);
        assert_eq!(names(ExportFormat::Brat), [format!("{stem}.ann"), format!("{stem}.txt")]);
        let csv = files(ExportFormat::Csv, &state.open.document, &state.open.extraction, &annotations).remove(0);
        assert!(csv.contents.starts_with('\u{FEFF}') && csv.contents.contains("\"a \"\"quoted\"\" note\""));
        let w3c = files(ExportFormat::W3c, &state.open.document, &state.open.extraction, &annotations).remove(0);
        assert!(w3c.name.ends_with(".annotations.json") && w3c.contents.contains("AnnotationCollection"));
        let doccano =
            files(ExportFormat::Doccano, &state.open.document, &state.open.extraction, &annotations).remove(0);
        assert!(doccano.contents.starts_with("{") && doccano.contents.ends_with('\n'));
        for format in ExportFormat::ALL {
            assert!(files(format, &state.open.document, &state.open.extraction, &annotations)
                .iter()
                .all(|f| !f.name.starts_with('.')));
        }
    }
}
