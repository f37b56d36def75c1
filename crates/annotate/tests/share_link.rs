//! Share links: a link round trip is a W3C file round trip (the same notes on the same words), every corpus
//! article with notes fits in a link (sizes and compression printed with `--nocapture`), and decoding any
//! string whatsoever never panics.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use sidenote_annotate::model::{Annotations, Decision, ReviewScope};
use sidenote_annotate::share_link::{self, MAX_FRAGMENT_BYTES};
use sidenote_annotate::{w3c, Document};
use sidenote_extract::{EntityKind, Extraction, Span};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

/// Notes (with tags, a reply, one on the whole article), reviews, a corrected speaker and an added entity.
fn annotate(text: &str, extraction: &Extraction) -> Annotations {
    let mut set = Annotations::default();
    for (n, mention) in extraction.entities.iter().take(4).enumerate() {
        let decision = if n % 2 == 0 { Decision::Accept } else { Decision::Reject };
        set.review(ReviewScope::Mention { span: mention.span, kind: mention.kind }, decision);
    }
    if let Some(quote) = extraction.quotes.first() {
        set.review(ReviewScope::Quote { span: quote.span }, Decision::Accept);
        set.correct_speaker(quote.span, Some("Typed Speaker".into()));
    }
    let overall = set.add_document_note("On the whole article".into(), vec!["summary".into()]);
    set.add_reply(&overall, Some("Bea".into()), "Agreed".into());
    let words: Vec<(usize, &str)> = text.match_indices(|c: char| c.is_alphanumeric()).collect();
    for (n, at) in [10usize, 200, 900].into_iter().enumerate() {
        let Some(&(start, _)) = words.get(at) else { continue };
        let end = text[start..].find(char::is_whitespace).map_or(text.len(), |e| start + e);
        let note =
            set.add_note(text, Span::new(start, end), format!("note {n}, \"quoted\"\nline two"), vec!["t".into()]);
        set.add_reply(&note, None, "a reply".into());
    }
    if let Some(&(start, _)) = words.get(500) {
        set.add_entity(text, Span::new(start, start + 1), EntityKind::Misc);
    }
    set
}

/// What a colleague gets from the exported file: parsed and merged onto the same text.
fn file_round_trip(doc: &Document, extraction: &Extraction, annotations: &Annotations) -> Annotations {
    let file = w3c::export(doc, extraction, annotations).to_string();
    let mut received = Annotations::default();
    w3c::merge(&mut received, w3c::parse(&file).expect("own export parses"), &doc.text);
    received
}

fn assert_link_equals_file(name: &str, doc: &Document, annotations: &Annotations) -> usize {
    let extraction = sidenote_extract::extract(&doc.text);
    let fragment = share_link::encode(doc, &extraction, annotations, &[]).unwrap_or_else(|e| panic!("{name}: {e}"));
    let shared = share_link::decode(&fragment).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(&shared.document, doc, "{name}: the document differs");
    assert_eq!(shared.annotations, file_round_trip(doc, &extraction, annotations), "{name}: link != file");
    // And the same words: every note where it was made.
    let spans = |a: &Annotations| a.notes.iter().map(|n| (n.span, n.text.clone())).collect::<Vec<_>>();
    assert_eq!(spans(&shared.annotations), spans(annotations), "{name}: notes moved");
    assert_eq!(shared.report.counts[3], 0, "{name}: orphans in a link round trip");
    fragment.len()
}

#[test]
fn a_link_round_trip_is_a_file_round_trip() {
    let text = "Sergei Lavrov said \"we will respond\" in Moscow on November 8.\n\nAngela Merkel visited Paris.";
    let mut doc = Document::new("Lavrov", text);
    doc.source_url = Some("https://example.org/a".into());
    let annotations = annotate(text, &sidenote_extract::extract(text));
    assert!(!annotations.notes.is_empty());
    assert_link_equals_file("inline", &doc, &annotations);
}

#[test]
fn every_corpus_article_with_notes_fits_in_a_link() {
    let corpus = corpus();
    if !corpus.is_dir() {
        println!("SKIPPED: {} is absent, so corpus share links were not measured", corpus.display());
        return;
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("corpus readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no corpus articles in {}", corpus.display());
    let (mut text_total, mut bare_total, mut link_total, mut largest) = (0, 0, 0, 0);
    println!("{:<36} {:>8} {:>8} {:>8} {:>7}", "article", "text B", "bare B", "link B", "link/text");
    for path in &paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        let text = std::fs::read_to_string(path).expect("article readable");
        let doc = Document::new(name.clone(), text.clone());
        let annotations = annotate(&text, &sidenote_extract::extract(&text));
        let link = assert_link_equals_file(&name, &doc, &annotations);
        // The text alone, without notes: what deflate and base64url make of an article.
        let bare = assert_link_equals_file(&name, &doc, &Annotations::default());
        println!("{name:<36} {:>8} {bare:>8} {link:>8} {:>7.2}", text.len(), link as f64 / text.len() as f64);
        text_total += text.len();
        bare_total += bare;
        link_total += link;
        largest = largest.max(link);
    }
    println!(
        "{} articles, {text_total} B of text: {bare_total} B of links without notes (ratio {:.2}), {link_total} B with notes (ratio {:.2}); largest link {largest} B of {MAX_FRAGMENT_BYTES}",
        paths.len(),
        bare_total as f64 / text_total as f64,
        link_total as f64 / text_total as f64
    );
    assert!(largest <= MAX_FRAGMENT_BYTES);
}

/// A link made by the app before it compressed links with the browser's `CompressionStream` (deflate compiled
/// into the Wasm): links already sent must keep opening. The app reads the same file in
/// `e2e/tests/share-link.test.mjs` through the browser's `DecompressionStream`.
const LINK_OF_DECEMBER_2026: &str = include_str!("fixtures/share-link-v1.txt");

#[test]
fn a_link_made_before_the_browser_compressed_links_still_opens() {
    let shared = share_link::decode(LINK_OF_DECEMBER_2026.trim()).expect("opens");
    assert_eq!(shared.document.title, "Lavrov on the treaty");
    assert!(shared.document.text.starts_with("Sergei Lavrov spoke in Moscow on November 8.\n\n“We will answer,”"));
    assert_eq!(shared.document.source_url.as_deref(), Some("https://example.org/lavrov"));
    let tags: Vec<&str> = shared.hints.iter().map(|h| h.tag.as_str()).collect();
    assert_eq!(tags, ["h1", "p", "p"]);
    let notes: Vec<_> = shared.annotations.notes.iter().map(|n| (n.span, n.text.as_str(), n.tags.clone())).collect();
    assert_eq!(notes, [(Some(Span::new(0, 13)), "who spoke", vec!["person".to_string(), "source".to_string()])]);
    let replies: Vec<&str> = shared.annotations.notes[0].replies.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(replies, ["the foreign minister"]);
    assert_eq!(shared.annotations.document_notes.len(), 1);
    // The payload inflated natively is what the browser's stream must hand to `open`.
    let inflated = share_link::inflate(&share_link::deflated_payload(LINK_OF_DECEMBER_2026.trim()).expect("base64url"));
    assert_eq!(share_link::open(inflated.expect("inflates")), Ok(shared));
}

proptest! {
    // A fixed seed and no failure files, as in tests/properties.rs: CI runs the same cases every time.
    #![proptest_config(ProptestConfig {
        cases: 2000,
        rng_algorithm: proptest::test_runner::RngAlgorithm::ChaCha,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x5A4E_0010),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn decoding_any_string_never_panics(tail in ".{0,300}", base64 in "[A-Za-z0-9_-]{0,400}") {
        let _ = share_link::decode(&tail);
        let _ = share_link::decode(&format!("share=v1.{tail}"));
        let outcome = share_link::decode(&format!("#share=v1.{base64}"));
        prop_assert!(outcome.is_err() || base64.len() > 8);
    }

    #[test]
    fn decoding_any_deflated_json_never_panics(json in r#"\{("[a-z:]{1,12}":("[ -~]{0,20}"|[0-9]{1,6}|\[\]|null),?){0,6}\}"#) {
        let fragment = format!(
            "share=v1.{}",
            base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, share_link::deflate(json.as_bytes()))
        );
        let outcome = share_link::decode(&fragment);
        prop_assert!(outcome.is_err() || json.contains("sidenote:text"), "{json} opened");
    }
}
