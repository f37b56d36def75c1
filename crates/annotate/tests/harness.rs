//! Randomized harness for the annotation core, deterministic in CI: every property runs from a fixed seed
//! (`sidenote_testkit::SEED`), whatever `PROPTEST_RNG_SEED` says, and writes no failure files.
//!
//! The longer run: `SIDENOTE_LONG_FUZZ=1 SIDENOTE_FUZZ_CASES=20000 [SIDENOTE_FUZZ_SEED=7]
//! cargo test -p sidenote-annotate --release --test harness -- --nocapture` (each property prints its seed
//! and case count).
//!
//! Properties:
//! - the W3C and Hypothesis importers, given mutated files (nodes replaced by arbitrary JSON, text cut or
//!   spliced), never panic: they return annotations or a message; what they return anchors without panic;
//! - anchoring on arbitrary Unicode (emoji, combining marks, NUL, RTL marks) returns spans on char
//!   boundaries inside the text; a target made on a text is found on its words; words from another
//!   alphabet are never placed; a placement is the quote or close to it;
//! - export then import on the same text brings every note back on the same words;
//! - any bytes opened as a file (UTF-8, UTF-16, 8-bit text, binary) give text or a message, never a panic.

mod common;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::{json, Value};
use sidenote_annotate::anchor::{anchor, AnchorStatus, Anchorer, TextTarget};
use sidenote_annotate::model::Annotations;
use sidenote_annotate::{w3c, Document};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::Span;
use sidenote_testkit::check;

/// Characters that break naive text code: emoji (with joiners and modifiers), combining marks, NUL, RTL and
/// bidi controls, CJK, Arabic, soft hyphens, non-breaking and odd spaces, line breaks.
const TRICKY: &[&str] = &[
    "🙂",
    "👩\u{200D}🔬",
    "🇷🇺",
    "👍🏽",
    "e\u{301}",
    "\u{301}",
    "\u{0}",
    "\u{200F}",
    "\u{202E}",
    "\u{2066}",
    "北京",
    "عربي",
    "\u{AD}",
    "\u{A0}",
    "\u{2028}",
    "\n",
    "\r\n",
    "\t",
    "“",
    "”",
    "'",
    "-",
    ".",
    ",",
    " ",
    " ",
    " ",
    "𝒜",
    "Zoë",
    "ﬁ",
    "\u{FEFF}",
];
const WORDS: &[&str] = &[
    "Lavrov",
    "Moscow",
    "treaty",
    "said",
    "the",
    "missile",
    "talks",
    "ready",
    "Washington",
    "2021",
    "of",
    "and",
    "Iran",
    "Iraq",
    "Obama",
    "Osama",
    "record",
    "accord",
    "president",
    "resident",
];

/// Arbitrary text: words, tricky characters and arbitrary chars, in any order.
fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(str::to_string),
        3 => prop::sample::select(TRICKY).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..max).prop_map(|pieces| pieces.concat())
}

/// Checks that a placement is inside the text, on char boundaries, and (for exact and moved) the quote.
fn check_placement(
    text: &str,
    target: &TextTarget,
    found: sidenote_annotate::anchor::Anchored,
) -> Result<(), TestCaseError> {
    match found.span {
        None => prop_assert_eq!(found.status, AnchorStatus::Orphan),
        Some(span) => {
            prop_assert!(span.start <= span.end && span.end <= text.len(), "{span:?} outside {}", text.len());
            prop_assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{span:?} splits a char"
            );
            let words = span.slice(text);
            match found.status {
                AnchorStatus::Exact | AnchorStatus::Moved => prop_assert_eq!(words, target.exact.as_str()),
                AnchorStatus::Fuzzy => {
                    // Close to the quote: at most a quarter of its characters changed (or, for quotes matched by
                    // their ends, a length within a quarter).
                    let quote_chars = target.exact.chars().count();
                    let distance = edit_distance(words, &target.exact);
                    prop_assert!(
                        distance * 4 <= quote_chars
                            || (quote_chars > 64 && words.chars().count().abs_diff(quote_chars) * 4 <= quote_chars),
                        "{words:?} placed for {:?}",
                        target.exact
                    );
                }
                AnchorStatus::Orphan => prop_assert!(false, "an orphan with a span"),
            }
        }
    }
    Ok(())
}

/// Edit distance in which white space matches white space: a reflowed line (a space become a line break)
/// leaves the words unchanged, as the anchoring treats it.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let same = ca == cb || (ca.is_whitespace() && cb.is_whitespace());
            let next = (diagonal + usize::from(!same)).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// A char-aligned span of `text` from two arbitrary numbers.
fn span_of(text: &str, a: usize, b: usize) -> Span {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
    let (x, y) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
    Span::new(x.min(y), x.max(y))
}

#[test]
fn anchoring_on_arbitrary_unicode_stays_on_the_text() {
    let strategy = (
        text_strategy(80),
        text_strategy(12),
        text_strategy(12),
        text_strategy(12),
        prop::option::of(0usize..400),
        prop::option::of(0usize..400),
    );
    check("anchoring arbitrary targets", 256, strategy, |(text, exact, prefix, suffix, start, end)| {
        let target = TextTarget { exact, prefix, suffix, start, end };
        let index = OffsetIndex::new(&text);
        check_placement(&text, &target, anchor(&text, &index, &target))
    });
}

#[test]
fn a_target_made_on_a_text_is_found_on_its_words() {
    let strategy = (text_strategy(80), any::<usize>(), any::<usize>(), any::<bool>());
    check("targets found on their text", 256, strategy, |(text, a, b, forget_position)| {
        let index = OffsetIndex::new(&text);
        let span = span_of(&text, a, b);
        prop_assume!(!span.slice(&text).is_empty());
        let mut target = TextTarget::of(&text, &index, span);
        if forget_position {
            target.start = None;
            target.end = None;
        }
        let found = Anchorer::new(&text, &index).anchor(&target);
        check_placement(&text, &target, found)?;
        if forget_position {
            // Without a position, any occurrence of the words may be chosen, but one must be.
            prop_assert!(found.span.is_some(), "{:?} not found in {text:?}", target.exact);
        } else {
            prop_assert_eq!(
                found,
                sidenote_annotate::anchor::Anchored { span: Some(span), status: AnchorStatus::Exact }
            );
        }
        Ok(())
    });
}

/// Quotes in an alphabet the text does not use (Greek and Cyrillic letters against Latin, CJK and symbols)
/// are never placed, whatever their context and position.
#[test]
fn words_from_another_alphabet_are_never_placed() {
    let foreign = prop::collection::vec(prop::sample::select(&['α', 'β', 'γ', 'δ', 'ж', 'щ', 'ю', ' '][..]), 1..40)
        .prop_map(|c| c.into_iter().collect::<String>())
        .prop_filter("has a letter", |s| !s.trim().is_empty());
    let strategy = (text_strategy(120), foreign, any::<usize>(), any::<usize>());
    check("foreign quotes stay orphans", 256, strategy, |(text, exact, a, b)| {
        prop_assume!(!text.contains(['α', 'β', 'γ', 'δ', 'ж', 'щ', 'ю']));
        let index = OffsetIndex::new(&text);
        // Context taken from the text itself, so only the quote's words disagree.
        let span = span_of(&text, a, b);
        let target = TextTarget { exact, ..TextTarget::of(&text, &index, span) };
        let found = anchor(&text, &index, &target);
        prop_assert_eq!(found.span, None, "{:?} placed on {:?}", target.exact, found.span.map(|s| s.slice(&text)));
        Ok(())
    });
}

#[test]
fn export_then_import_brings_every_note_back_on_its_words() {
    let strategy = (text_strategy(100), prop::collection::vec((any::<usize>(), any::<usize>(), ".*"), 1..6));
    check("export -> import round trip", 128, strategy, |(text, picks)| {
        let mut set = Annotations::default();
        for (a, b, body) in picks {
            let span = span_of(&text, a, b);
            if !span.slice(&text).is_empty() {
                set.add_note(&text, span, body, vec!["t".into()]);
            }
        }
        prop_assume!(!set.notes.is_empty());
        common::assert_round_trip(&text, &set, &sidenote_extract::Extraction::default())
    });
}

/// A valid file to mutate: an export with notes, decisions and an added entity, or a Hypothesis export.
fn base_files() -> Vec<Value> {
    let text = "🙂 Sergei Lavrov said “we are ready” in Moscow. Paris agreed; e\u{301}té.";
    let extraction = sidenote_extract::extract(text);
    let mut set = Annotations::default();
    set.add_note(text, Span::new(5, 18), "who".into(), vec!["person".into()]);
    set.add_entity(
        text,
        Span::new(text.find("Paris").unwrap_or(0), text.find("Paris").unwrap_or(0) + 5),
        sidenote_extract::EntityKind::Place,
    );
    if let Some(quote) = extraction.quotes.first() {
        set.review(
            sidenote_annotate::model::ReviewScope::Quote { span: quote.span },
            sidenote_annotate::model::Decision::Reject,
        );
    }
    let w3c_file = w3c::export(&Document::new("t", text), &extraction, &set);
    let hypothesis = json!([{"id": "abc", "uri": "https://example.org/a", "text": "Check this", "tags": ["todo"],
        "target": [{"source": "https://example.org/a", "selector": [
            {"type": "TextPositionSelector", "start": 7, "end": 13},
            {"type": "TextQuoteSelector", "exact": "Moscow", "prefix": "Trip to ", "suffix": " in May"}]}]}]);
    vec![w3c_file, hypothesis]
}

/// Arbitrary JSON, a few levels deep.
fn json_strategy() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        text_strategy(6).prop_map(Value::from),
        prop::sample::select(
            &[
                "TextQuoteSelector",
                "TextPositionSelector",
                "Annotation",
                "QUOTE",
                "PERSON",
                "rejected",
                "added",
                "retagged",
                "accepted",
                "classifying",
                "commenting",
                "tagging"
            ][..]
        )
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop::sample::select(
                        &[
                            "type", "exact", "prefix", "suffix", "start", "end", "selector", "target", "body",
                            "purpose", "value", "creator", "text", "items"
                        ][..]
                    ),
                    inner
                ),
                0..4
            )
            .prop_map(|fields| Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

/// Replaces the node reached by following `path` (indices into arrays and objects) with `replacement`.
fn mutate(node: &mut Value, path: &[usize], replacement: Value) {
    let Some((&step, rest)) = path.split_first() else {
        *node = replacement;
        return;
    };
    match node {
        Value::Array(list) if !list.is_empty() => {
            let len = list.len();
            mutate(&mut list[step % len], rest, replacement);
        }
        Value::Object(map) if !map.is_empty() => {
            let len = map.len();
            if let Some(child) = map.values_mut().nth(step % len) {
                mutate(child, rest, replacement);
            }
        }
        _ => *node = replacement,
    }
}

#[test]
fn importers_never_panic_on_mutated_files() {
    let files = base_files();
    let mutation = (prop::collection::vec(any::<usize>(), 0..7), json_strategy());
    let strategy =
        (0..files.len(), prop::collection::vec(mutation, 1..4), prop::option::of((any::<usize>(), text_strategy(4))));
    check("importers on mutated JSON", 256, strategy, |(which, mutations, splice)| {
        let mut file = files[which].clone();
        for (path, replacement) in mutations {
            mutate(&mut file, &path, replacement);
        }
        let mut json_text = file.to_string();
        if let Some((at, insert)) = splice {
            // Cut or splice the serialized text itself, so that the parser sees broken JSON too.
            let cut = (at % (json_text.len() + 1)).max(json_text.len() / 2);
            json_text.truncate(json_text.floor_char_boundary(cut));
            json_text.push_str(&insert);
        }
        let text = "A trip to Moscow in May. Sergei Lavrov said “we are ready” in Moscow.";
        match w3c::parse(&json_text) {
            Ok(imported) => {
                let mut set = Annotations::default();
                w3c::merge(&mut set, imported, text);
                for note in &set.notes {
                    if let Some(span) = note.span {
                        prop_assert!(text.get(span.start..span.end).is_some(), "{span:?}");
                    }
                }
            }
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
        if let Err(error) = w3c::targets(&json_text) {
            prop_assert!(!error.to_string().is_empty());
        }
        Ok(())
    });
}

/// Any bytes opened as a file (UTF-8, UTF-16 with either byte-order mark, 8-bit text, binary data) give text
/// without carriage returns or a byte-order mark, or a message; never a panic.
#[test]
fn files_of_any_bytes_open_or_are_refused_without_panic() {
    let starts = prop::sample::select(vec![vec![], vec![0xFF, 0xFE], vec![0xFE, 0xFF], vec![0xEF, 0xBB, 0xBF]]);
    let strategy = (starts, prop::collection::vec(any::<u8>(), 0..200), text_strategy(40));
    check("file bytes", 256, strategy, |(start, noise, text)| {
        for body in [noise, text.into_bytes()] {
            let bytes = [start.clone(), body].concat();
            // As a text file, and as a web page (with a `<meta charset>` naming some encoding).
            let page = [b"<meta charset=koi8-r>".as_slice(), &bytes].concat();
            let opened = [sidenote_annotate::accept_file_bytes(&bytes), sidenote_annotate::accept_page_bytes(&page)];
            for (text, _) in opened.into_iter().flatten() {
                prop_assert!(!text.contains('\r') && !text.starts_with('\u{FEFF}'), "{text:?}");
                prop_assert!(text.chars().any(|c| !c.is_whitespace()), "an empty text opened: {text:?}");
            }
        }
        Ok(())
    });
}

/// Any text read as a page's head (`page_head`: its title and address) gives a short title or none, and an
/// absolute web address or none; never a panic (a cut tag once sliced inside a character).
#[test]
fn page_heads_of_any_text_are_read_without_panic() {
    let head_piece = prop_oneof![
        3 => prop::sample::select(vec![
            "<title>", "</title>", "<TITLE ", "<link rel=\"canonical\" href=\"", "https://a.example/", "\" rel=canonical>",
            "<meta property='og:url' content='", "http://", "'>", "<body>", "<", ">", "&amp;", "&#8212;", "=", "\"", "'",
        ])
        .prop_map(str::to_string),
        2 => text_strategy(6),
    ];
    let strategy = prop::collection::vec(head_piece, 0..40).prop_map(|pieces| pieces.concat());
    check("page heads", 256, strategy, |html| {
        let head = sidenote_annotate::page_head(&html);
        if let Some(title) = &head.title {
            prop_assert!(!title.trim().is_empty() && title.chars().count() <= 200, "{title:?}");
        }
        if let Some(address) = &head.address {
            prop_assert!(
                address.to_ascii_lowercase().starts_with("http") && !address.contains(char::is_whitespace),
                "{address:?}"
            );
        }
        Ok(())
    });
}
