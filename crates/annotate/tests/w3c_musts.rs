//! Every exported annotation, collection and page passes every MUST assertion of the W3C's Web Annotation
//! test suite (`../shared/w3c-annotation-tests/`: draft-04 JSON Schemas, read at run time, never copied).
//!
//! The exports are real: each corpus article (`../shared/corpus/*.txt`) run through the extractor, with
//! notes, reviews, added entities and orphans on it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;
use sidenote_annotate::model::{Annotations, Decision, ReviewScope};
use sidenote_annotate::{w3c, Document};
use sidenote_extract::{EntityKind, Span};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// One assertion of a `*.test` list, compiled.
struct Assertion {
    name: String,
    index: boon::SchemaIndex,
}

/// Base under which every schema is registered by file name: the schemas' `$ref`s ("id.json#/…") are
/// relative, and every file name in the MUST lists and `definitions/` is unique.
const BASE: &str = "https://w3c-annotation-tests.invalid/";

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn file_name(path: &Path) -> String {
    path.file_name().and_then(|n| n.to_str()).unwrap_or_else(|| panic!("{} has no name", path.display())).to_string()
}

/// Compiles the assertions of each listed `.test` file, with every definition registered locally.
fn compile(root: &Path, lists: &[&str], schemas: &mut boon::Schemas) -> Vec<Vec<Assertion>> {
    let mut compiler = boon::Compiler::new();
    compiler.set_default_draft(boon::Draft::V4);
    // Format `uri` is what rejects a bare fragment id such as "#note-1".
    compiler.enable_format_assertions();
    let definitions = root.join("definitions");
    for name in ["annotations", "bodyTarget", "choiceSet", "collections", "id", "otherProperties", "specificResource"] {
        let path = definitions.join(format!("{name}.json"));
        assert!(path.is_file(), "the W3C schema folder is incomplete: {} is missing", path.display());
        compiler.add_resource(&format!("{BASE}{name}.json"), read_json(&path)).expect("definition registers");
    }
    let mut out = Vec::new();
    for list in lists {
        let test = read_json(&root.join(list));
        let names = test["assertions"].as_array().unwrap_or_else(|| panic!("{list} lists no assertions"));
        assert!(!names.is_empty(), "{list} lists no assertions");
        let mut assertions = Vec::new();
        for name in names {
            let relative = name.as_str().expect("assertion names are strings");
            let path = root.join(relative);
            assert!(path.is_file(), "the W3C schema folder is incomplete: {} is missing", path.display());
            let schema = read_json(&path);
            assert_eq!(schema["expectedResult"], "valid", "{relative}: only `valid` MUSTs are expected");
            let url = format!("{BASE}{}", file_name(&path));
            compiler.add_resource(&url, schema).expect("assertion registers");
            let index = compiler.compile(&url, schemas).unwrap_or_else(|e| panic!("{relative}: {e:#}"));
            assertions.push(Assertion { name: relative.to_string(), index });
        }
        out.push(assertions);
    }
    out
}

/// A realistic set of human annotations on `text`: notes (tags, multi-line, replies), a note on the whole
/// article, accepted, rejected and retagged suggestions, reviewed quotations and corrected speakers, an
/// added entity and an orphaned note.
fn annotate(text: &str, extraction: &sidenote_extract::Extraction) -> Annotations {
    let mut set = Annotations::default();
    for (n, mention) in extraction.entities.iter().take(6).enumerate() {
        let decision = match n % 3 {
            0 => Decision::Accept,
            1 => Decision::Reject,
            _ => Decision::Retag(EntityKind::Misc),
        };
        set.review(ReviewScope::Mention { span: mention.span, kind: mention.kind }, decision);
    }
    if let Some(quote) = extraction.quotes.first() {
        set.review(ReviewScope::Quote { span: quote.span }, Decision::Reject);
    }
    for (n, quote) in extraction.quotes.iter().skip(1).take(3).enumerate() {
        set.review(ReviewScope::Quote { span: quote.span }, Decision::Accept);
        set.correct_speaker(quote.span, (n != 1).then(|| format!("Typed Speaker {n}")));
    }
    let overall = set.add_document_note("On the whole article".into(), vec!["summary".into()]);
    set.add_reply(&overall, Some("Bea".into()), "Agreed, \"mostly\"".into());
    let words: Vec<Span> = word_spans(text).into_iter().take(200).collect();
    if let (Some(first), Some(last)) = (words.get(3), words.get(9)) {
        let note = set.add_note(
            text,
            Span::new(first.start, last.end),
            "Key claim, \"quoted\"\nsecond line".into(),
            vec!["claim".into(), "check".into()],
        );
        set.add_reply(&note, None, "A reply".into());
    }
    if let Some(word) = words.get(150) {
        set.add_entity(text, *word, EntityKind::Misc);
    }
    // An orphan: a note imported from another text whose words this article does not hold.
    let other = "Zyxwvut qwerty unmatched words appear only here.";
    let mut elsewhere = Annotations::default();
    elsewhere.add_note(other, Span::new(0, 14), "lost".into(), vec![]);
    let file = w3c::export(&Document::new("other", other), &sidenote_extract::extract(other), &elsewhere);
    w3c::merge(&mut set, w3c::parse(&file.to_string()).expect("own export parses"), text);
    set
}

fn word_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// Exports of every corpus article.
fn exports(corpus: &Path) -> Vec<(String, Value)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus)
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no corpus articles in {}", corpus.display());
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let extraction = sidenote_extract::extract(&text);
            let annotations = annotate(&text, &extraction);
            let doc = Document::new(file_name(path), text);
            (file_name(path), w3c::export(&doc, &extraction, &annotations))
        })
        .collect()
}

/// Counts, per assertion, the instances that fail it; prints the table and returns the failures.
fn check(assertions: &[Assertion], schemas: &boon::Schemas, instances: &[(String, &Value)]) -> Vec<String> {
    let mut failures = Vec::new();
    let mut table: BTreeMap<&str, usize> = BTreeMap::new();
    for assertion in assertions {
        let failed = table.entry(&assertion.name).or_default();
        for (label, instance) in instances {
            if let Err(error) = schemas.validate(instance, assertion.index) {
                *failed += 1;
                failures.push(format!("{label} fails {}: {error}", assertion.name));
            }
        }
    }
    for (name, failed) in table {
        println!("{failed:>6} of {:>6} fail {name}", instances.len());
    }
    failures
}

#[test]
fn every_export_passes_every_w3c_must() {
    let root = shared().join("w3c-annotation-tests");
    if !shared().is_dir() {
        println!("SKIPPED: {} is absent, so the W3C MUST assertions were not checked", shared().display());
        return;
    }
    assert!(root.is_dir(), "{} exists but has no w3c-annotation-tests folder", shared().display());
    let mut schemas = boon::Schemas::new();
    let lists =
        ["annotations/annotationMusts.test", "collections/collectionMusts.test", "collections/pages/pageMusts.test"];
    let compiled = compile(&root, &lists, &mut schemas);
    let exports = exports(&shared().join("corpus"));
    // An embedded annotation inherits the collection's `@context` (JSON-LD): each is checked as the
    // standalone annotation it stands for, with that context.
    let standalone: Vec<(String, Value)> = exports
        .iter()
        .flat_map(|(article, file)| {
            let items = file["first"]["items"].as_array().cloned().unwrap_or_default();
            items.into_iter().enumerate().map(move |(n, mut item)| {
                item["@context"] = file["@context"].clone();
                (format!("{article} item {n}"), item)
            })
        })
        .collect();
    let annotations: Vec<(String, &Value)> = standalone.iter().map(|(label, item)| (label.clone(), item)).collect();
    let collections: Vec<(String, &Value)> = exports.iter().map(|(a, f)| (a.clone(), f)).collect();
    assert!(annotations.len() > 100, "the corpus gives too few annotations to say much");
    // The exports hold every kind of annotation Sidenote writes, so each kind meets the schemas.
    type IsKind = fn(&Value) -> bool;
    let kinds: [(&str, IsKind); 7] = [
        ("a reply", |a| a["motivation"] == "replying"),
        ("a note on the whole article", |a| a["motivation"] == "commenting" && a["target"].is_string()),
        ("an orphaned note", |a| a["sidenote:anchor"] == "orphan"),
        ("an added entity", |a| a["sidenote:decision"] == "added"),
        ("a rejected suggestion", |a| a["sidenote:decision"] == "rejected"),
        ("a retagged suggestion", |a| a["sidenote:decision"] == "retagged"),
        ("a corrected speaker", |a| a["sidenote:speakerDecision"] == "corrected"),
    ];
    for (kind, is_kind) in kinds {
        assert!(annotations.iter().any(|(_, a)| is_kind(a)), "no export holds {kind}");
    }
    let mut failures = check(&compiled[0], &schemas, &annotations);
    failures.extend(check(&compiled[1], &schemas, &collections));
    failures.extend(check(&compiled[2], &schemas, &collections));
    assert!(
        failures.is_empty(),
        "{} failures, first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(10)].join("\n")
    );
}
