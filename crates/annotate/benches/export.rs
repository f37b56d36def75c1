//! Every export format on a long document at 1 MB and 4 MB: the time of each and the 4 MB / 1 MB ratio,
//! about 4 when linear (printed, never asserted). The document is the sample article repeated, its every
//! entity accepted (an entity-wide decision, so each of its mentions is exported) and a note every 2 KB:
//! the worst a researcher who accepted everything can ask of an export.
//!
//! `cargo bench -p sidenote-annotate --bench export`

use std::time::Instant;

use sidenote_annotate::formats::{brat, conll, csv, doccano};
use sidenote_annotate::model::{Annotations, Decision, ReviewScope};
use sidenote_annotate::w3c;
use sidenote_annotate::Document;
use sidenote_extract::{extract, Span};

const SAMPLE: &str = include_str!("../../../assets/rferl-lavrov-inf.txt");

fn main() {
    type Export = fn(&Document, &sidenote_extract::Extraction, &Annotations) -> usize;
    let formats: [(&str, Export); 6] = [
        ("W3C JSON-LD", |d, x, a| serde_json::to_string(&w3c::export(d, x, a)).map_or(0, |s| s.len())),
        ("Markdown notes", |d, _, a| w3c::notes_markdown(d, a).len()),
        ("brat", |d, x, a| brat::export(d, x, a).1.len()),
        ("doccano", |d, x, a| doccano::export(d, x, a).len()),
        ("CoNLL", |d, x, a| conll::export(d, x, a).len()),
        ("CSV notes", |d, _, a| csv::export(d, a).len()),
    ];
    let sizes = [1, 4];
    let documents: Vec<_> = sizes.iter().map(|&mb| reviewed(mb)).collect();
    for (doc, extraction, annotations) in &documents {
        println!(
            "{} MB: {} mentions, {} notes",
            doc.text.len() / (1024 * 1024),
            extraction.entities.len(),
            annotations.notes.len()
        );
    }
    println!("{:<16} {:>10} {:>10} {:>7}", "format", "1 MB", "4 MB", "ratio");
    for (name, export) in formats {
        let seconds: Vec<f64> = documents
            .iter()
            .map(|(doc, extraction, annotations)| {
                // The best of three, against noise from other work on the machine.
                (0..3)
                    .map(|_| {
                        let started = Instant::now();
                        std::hint::black_box(export(doc, extraction, annotations));
                        started.elapsed().as_secs_f64()
                    })
                    .fold(f64::INFINITY, f64::min)
            })
            .collect();
        println!("{:<16} {:>9.3}s {:>9.3}s {:>7.2}", name, seconds[0], seconds[1], seconds[1] / seconds[0]);
    }
    // The files read back into an empty set of annotations, as a colleague imports them: every entity (and
    // note) again, so importing is timed on as many entries as exporting.
    type Import = fn(&str, &Document, &sidenote_extract::Extraction, &Annotations) -> usize;
    let imports: [(&str, Import); 3] = [
        ("brat import", |text, d, x, a| {
            let (_, ann) = brat::export(d, x, a);
            brat::import(&ann, text, &mut Annotations::default()).added.len()
        }),
        ("doccano import", |text, d, x, a| {
            let jsonl = doccano::export(d, x, a);
            doccano::import(&jsonl, text, &mut Annotations::default()).added.len()
        }),
        ("W3C import", |text, d, x, a| {
            let json = w3c::export(d, x, a).to_string();
            let mut into = Annotations::default();
            w3c::parse(&json).map_or(0, |imported| {
                w3c::merge(&mut into, imported, text);
                into.notes.len() + into.reviews.len()
            })
        }),
    ];
    for (name, import) in imports {
        let mut seconds = Vec::new();
        for (doc, extraction, annotations) in &documents {
            let started = Instant::now();
            let count = std::hint::black_box(import(&doc.text, doc, extraction, annotations));
            seconds.push(started.elapsed().as_secs_f64());
            assert!(count > 0, "{name} imported nothing");
        }
        println!("{:<16} {:>9.3}s {:>9.3}s {:>7.2}", name, seconds[0], seconds[1], seconds[1] / seconds[0]);
    }
}

/// The sample repeated to `megabytes`, extracted, every entity accepted, a note every 2 KB.
fn reviewed(megabytes: usize) -> (Document, sidenote_extract::Extraction, Annotations) {
    let mut text = String::new();
    while text.len() < megabytes * 1024 * 1024 {
        text.push_str(SAMPLE);
        text.push_str("\n\n");
    }
    let doc = Document::new("Long", text);
    let extraction = extract(&doc.text);
    let mut annotations = Annotations::default();
    for group in &extraction.groups {
        let kind = extraction.entities.iter().find(|m| extraction.groups[m.group].name == group.name).map(|m| m.kind);
        if let Some(kind) = kind {
            annotations.review(ReviewScope::Entity { name: group.name.clone(), kind }, Decision::Accept);
        }
    }
    let mut at = 0;
    while at + 64 < doc.text.len() {
        let start = (at..).find(|&i| doc.text.is_char_boundary(i)).unwrap_or(at);
        let end = (start + 12..).find(|&i| doc.text.is_char_boundary(i)).unwrap_or(start);
        annotations.add_note(&doc.text, Span::new(start, end), format!("note at {start}"), vec!["tag".into()]);
        at += 2048;
    }
    (doc, extraction, annotations)
}
