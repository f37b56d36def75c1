//! Property tests of the annotation model against simple oracles.

mod common;

use proptest::prelude::*;
use sidenote_annotate::anchor::{anchor, AnchorStatus};
use sidenote_annotate::model::Annotations;
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::Span;

/// Words mixing ASCII, accents, combining marks, CJK, emoji (outside the BMP) and soft hyphens.
const WORDS: &[&str] = &[
    "Lavrov",
    "Moscow",
    "treaty",
    "said",
    "the",
    "missile",
    "é́té",
    "北京",
    "東京",
    "🙂",
    "👩‍🔬",
    "𝒜𝒷𝒸",
    "co\u{AD}op",
    "Zoë",
    "and",
    "of",
    "talks",
    "ready",
    "\u{00A0}",
    "—",
    "Washington",
    "2021",
    "“quoted”",
];

fn text_strategy() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prop::sample::select(WORDS).prop_map(str::to_string), 20..120)
}

/// Byte offsets of each word when joined with single spaces.
fn join(words: &[String]) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for w in words {
        if !text.is_empty() {
            text.push(' ');
        }
        spans.push(Span::new(text.len(), text.len() + w.len()));
        text.push_str(w);
    }
    (text, spans)
}

proptest! {
    // A fixed seed and no failure files: CI runs the same cases every time (tests/harness.rs explains).
    #![proptest_config(ProptestConfig {
        cases: 64,
        rng_algorithm: proptest::test_runner::RngAlgorithm::ChaCha,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x51DE_0E7E),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Export then import onto the same text gives back every note, on the same words, exactly.
    #[test]
    fn prop_export_import_is_identity(words in text_strategy(), picks in prop::collection::vec((0usize..1000, 1usize..4), 1..8)) {
        let (text, spans) = join(&words);
        let mut set = Annotations::default();
        for (n, (at, len)) in picks.iter().enumerate() {
            let first = at % spans.len();
            let last = (first + len - 1).min(spans.len() - 1);
            set.add_note(&text, Span::new(spans[first].start, spans[last].end), format!("note {n} 🙂"), vec![format!("tag{}", n % 3)]);
        }
        common::assert_round_trip(&text, &set, &sidenote_extract::extract(&text))?;
    }

    /// After random insertions and deletions elsewhere, every note whose words survive is found on them.
    #[test]
    fn prop_reanchoring_survives_edits_elsewhere(
        words in text_strategy(),
        pick in 0usize..1000,
        edits in prop::collection::vec((0usize..1000, prop::option::of(prop::sample::select(WORDS))), 1..10),
    ) {
        let (text, spans) = join(&words);
        let noted = pick % spans.len();
        // A note on three words (or fewer at the end), made unique by a marker word.
        let last = (noted + 2).min(spans.len() - 1);
        let mut words = words.clone();
        words.insert(noted, "UNIQUE".to_string());
        let (text, spans) = { let _ = (text, spans); join(&words) };
        let note_span = Span::new(spans[noted].start, spans[last + 1].end);
        let mut set = Annotations::default();
        set.add_note(&text, note_span, "n".into(), vec![]);
        let exact = note_span.slice(&text).to_string();
        // Edit words outside the note: insert a word before/after, or delete one.
        let mut edited = words.clone();
        let (mut first_noted, mut last_noted) = (noted, last + 1);
        for (at, insert) in edits {
            let position = at % (edited.len() + 1);
            match insert {
                Some(word) if position <= first_noted || position > last_noted => {
                    edited.insert(position, word.to_string());
                    if position <= first_noted { first_noted += 1; last_noted += 1; }
                }
                None if position < edited.len() && (position < first_noted || position > last_noted) && edited.len() > 4 => {
                    edited.remove(position);
                    if position < first_noted { first_noted -= 1; last_noted -= 1; }
                }
                _ => {}
            }
        }
        let (new_text, new_spans) = join(&edited);
        let found = anchor(&new_text, &OffsetIndex::new(&new_text), &set.notes[0].target);
        prop_assert!(matches!(found.status, AnchorStatus::Exact | AnchorStatus::Moved), "{:?}", found.status);
        let span = found.span.expect("anchored");
        prop_assert_eq!(span.slice(&new_text), exact.as_str());
        prop_assert_eq!(span, Span::new(new_spans[first_noted].start, new_spans[last_noted].end));
    }

    /// Exported positions are code points: cutting the text by them gives the exact words.
    #[test]
    fn prop_positions_are_code_points(words in text_strategy(), at in 0usize..1000, len in 1usize..5) {
        let (text, spans) = join(&words);
        let first = at % spans.len();
        let last = (first + len - 1).min(spans.len() - 1);
        let mut set = Annotations::default();
        set.add_note(&text, Span::new(spans[first].start, spans[last].end), String::new(), vec![]);
        let target = &set.notes[0].target;
        let chars: Vec<char> = text.chars().collect();
        let (s, e) = (target.start.expect("start"), target.end.expect("end"));
        prop_assert_eq!(chars[s..e].iter().collect::<String>(), target.exact.clone());
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let index = OffsetIndex::new(&text);
        let (us, ue) = (index.byte_to_utf16(spans[first].start).expect("boundary"), index.byte_to_utf16(spans[last].end).expect("boundary"));
        prop_assert_eq!(String::from_utf16_lossy(&utf16[us..ue]), target.exact.clone());
    }
}

/// Lines a page top is made of: clutter, dates, bylines, headline-like lines, credits, odd Unicode.
const PAGE_LINES: &[&str] = &[
    "Menu",
    "Skip to content",
    "By Ola Brenneke",
    "by Ann Vell12 Mar 2031",
    "12 March 2031",
    "Updated 5:27 am CST, Wednesday, November 20, 2031",
    "12 de marzo de 2031",
    "2031-11-18T20:51:19Z",
    "Varnland central bank raises rates for third time",
    "Varnland central bank raises rates for third time",
    "ANNA KEEL/AFP/Getty Images",
    "Home / News / Politics",
    "1204",
    "",
    "  \u{a0} ",
    "Cafe\u{301} owners in Zéphyrine protest new rent rules 🔥",
    "المجلس البلدي يقر ميزانية جديدة للمدينة",
    "\u{200f}\u{202e} mixed \u{202d} direction ",
    "By",
    "By 12:",
    "1.",
    "9:9",
    "2031-",
    "€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€",
];

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        rng_algorithm: proptest::test_runner::RngAlgorithm::ChaCha,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x717E_0012),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Any text gets a title without panicking: non-empty, at most 81 characters (80 and an ellipsis), and a
    /// piece of one of its lines, or "Untitled".
    #[test]
    fn prop_title_is_a_piece_of_a_line(
        pieces in prop::collection::vec(
            prop_oneof![any::<String>(), prop::sample::select(PAGE_LINES).prop_map(str::to_string)],
            0..40,
        ),
        separator in prop::sample::select(&["\n", "\r\n", "\n\n", " "][..]),
    ) {
        let text = pieces.join(separator);
        let title = sidenote_annotate::Document::title_from_text(&text);
        prop_assert!(!title.is_empty());
        prop_assert!(title.chars().count() <= 81, "{title:?}");
        let piece = title.strip_suffix('…').unwrap_or(&title);
        prop_assert!(title == "Untitled" || text.lines().any(|line| line.contains(piece)), "{title:?} from {text:?}");
    }
}
