//! The typer's features for one candidate (see `crate::typer` and DESIGN.md, "The typer"): the rules' kind,
//! the word shapes and lower-cased words of the span, prefixes and suffixes, gazetteer flags, the words
//! around it, where it stands (sentence start, headline, body or clutter) and whether the document repeats it.
//! Each feature is a hash; the work per candidate is bounded (at most `MAX_SPAN_WORDS` words are read).

use std::collections::{HashMap, HashSet};

use super::candidates::Candidate;
use super::shape::is_common;
use super::typing::lexical_kind;
use super::Context;
use crate::lexicon::{
    is_demonym, is_first_name, is_known_person, is_misc_keyword, is_org, is_org_keyword, is_place, is_speech_verb,
    is_title,
};
use crate::typer::FeatureHash;
use crate::EntityKind;

/// Words of a span that give features of their own; the last word always does.
const MAX_SPAN_WORDS: usize = 6;
/// Surfaces longer than this are not counted for repeats (a long run of capitals is no name to repeat).
const MAX_REPEAT_BYTES: usize = 80;

/// What the features of every candidate share: how often each surface is a candidate in the document.
pub(super) struct Document<'t> {
    repeats: HashMap<&'t str, u32>,
}

impl<'t> Document<'t> {
    pub fn new(cx: &Context<'_, 't>, typed: &[(Candidate, Option<EntityKind>)]) -> Self {
        let mut repeats = HashMap::new();
        for (cand, _) in typed {
            let surface = cx.surface(cand.first, cand.end);
            if surface.len() <= MAX_REPEAT_BYTES {
                *repeats.entry(surface).or_insert(0) += 1;
            }
        }
        Document { repeats }
    }
}

/// A word's shape: `X` capitalised, `A` all capitals, `.` initials or an abbreviation, `d` with digits,
/// `x` lower case, `M` mixed case (`iPhone`, `McDonald`), `o` anything else.
pub(super) fn shape(word: &str) -> u8 {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return b'o' };
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if word.chars().any(|c| c.is_ascii_digit()) {
        b'd'
    } else if word.ends_with('.') && first.is_uppercase() {
        b'.'
    } else if letters >= 2 && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
        b'A'
    } else if first.is_uppercase() && chars.clone().all(|c| !c.is_uppercase()) {
        b'X'
    } else if first.is_lowercase() && chars.all(|c| !c.is_uppercase()) {
        b'x'
    } else if word.chars().any(char::is_uppercase) {
        b'M'
    } else {
        b'o'
    }
}

fn label(kind: Option<EntityKind>) -> &'static str {
    kind.map_or("-", EntityKind::label)
}

/// The hashed features of one candidate that the typing rules typed `typed` and linking `linked` (the kind
/// the typer is asked to keep or change).
pub(super) fn features(
    cx: &Context<'_, '_>,
    doc: &Document<'_>,
    lone_names: &HashSet<&str>,
    cand: &Candidate,
    typed: Option<EntityKind>,
    linked: Option<EntityKind>,
    in_body: bool,
) -> Vec<u32> {
    let seg = cx.seg;
    let (first, end) = (cand.first, cand.end);
    let words = end - first;
    let surface = cx.surface(first, end);
    let first_word = cx.word(first);
    let last_word = cx.word(end - 1);
    let rule = label(linked);
    let mut out = Vec::with_capacity(48);
    let mut add = |hash: FeatureHash| out.push(hash.value());
    let tag = FeatureHash::tag;

    add(tag("bias"));
    add(tag("r").bytes(rule.as_bytes()));
    add(tag("r0").bytes(label(typed).as_bytes()).bytes(rule.as_bytes()));
    let lexical = label(lexical_kind(cx, first, end));
    add(tag("x").bytes(lexical.as_bytes()));
    let size = [b'0' + words.min(4) as u8];
    add(tag("n").bytes(&size));
    add(tag("rn").bytes(rule.as_bytes()).bytes(&size));

    // Shapes and words, bounded: a run as long as the text reads its first words and its last.
    let read = (first..end).take(MAX_SPAN_WORDS).chain((words > MAX_SPAN_WORDS).then_some(end - 1));
    let shapes: Vec<u8> = read.clone().map(|i| shape(cx.word(i))).collect();
    add(tag("s").bytes(&shapes));
    add(tag("rs").bytes(rule.as_bytes()).bytes(&shapes));
    add(tag("sf").bytes(&shapes[..1]));
    add(tag("sl").bytes(&shapes[shapes.len() - 1..]));
    for i in read {
        add(tag("w").lower(cx.word(i)));
    }
    add(tag("f").lower(first_word));
    add(tag("l").lower(last_word));
    add(tag("rl").bytes(rule.as_bytes()).lower(last_word));
    add(tag("u3").lower(suffix(last_word, 3)));
    add(tag("u2").lower(suffix(last_word, 2)));
    add(tag("q3").lower(prefix(first_word, 3)));

    // Gazetteer flags.
    let mut flag = |name: &str, on: bool| {
        if on {
            add(tag(name));
            add(tag(name).bytes(rule.as_bytes()));
        }
    };
    flag("gF", is_first_name(first_word));
    flag("gP", is_place(surface));
    flag("gp", words > 1 && (first..end).take(MAX_SPAN_WORDS).any(|i| is_place(cx.word(i))));
    flag("gO", is_org(surface));
    flag("go", words > 1 && (first..end).take(MAX_SPAN_WORDS).any(|i| is_org(cx.word(i))));
    flag("gK", is_org_keyword(last_word));
    flag("gM", is_misc_keyword(last_word));
    flag("gT", is_title(first_word));
    flag("gD", is_demonym(first_word) || is_demonym(last_word));
    flag("gS", is_known_person(surface));
    flag("gC", (first..end).take(MAX_SPAN_WORDS).any(|i| is_common(cx.word(i))));
    flag("lc", cx.seen_lowercase(last_word));
    flag("ln", lone_names.contains(last_word));
    // Where it stands.
    flag("ss", seg.starts_sentence(first));
    flag("tl", cand.in_title_line);
    flag("at", cand.after_title);
    flag("bd", in_body);
    flag("cl", !in_body);

    // The words around it, on its line.
    let line = seg.tokens[first].line;
    let before = first.checked_sub(1).filter(|&i| seg.tokens[i].line == line);
    let after = Some(end).filter(|&i| i < seg.tokens.len() && seg.tokens[i].line == line);
    let mut around = |name: &str, at: Option<usize>| match at {
        Some(i) if seg.is_word(i) => {
            let word = cx.word(i);
            add(tag(name).lower(word));
            if is_speech_verb(word) {
                add(tag(name).bytes(b"#said"));
            }
            if is_title(word) {
                add(tag(name).bytes(b"#title"));
            }
        }
        Some(i) => add(tag(name).bytes(b"#p").bytes(seg.tokens[i].span.slice(seg.text).as_bytes())),
        None => add(tag(name).bytes(b"#edge")),
    };
    around("pw", before);
    around("nw", after);
    around("pw2", before.and_then(|i| i.checked_sub(1)).filter(|&i| seg.tokens[i].line == line));
    if seg.is_possessive(end) {
        add(tag("poss"));
    }

    // Repeats of the same surface among the document's candidates.
    let repeats = doc.repeats.get(surface).copied().unwrap_or(1);
    add(tag("rep").bytes(&[b'0' + repeats.min(3) as u8]));
    add(tag("rrep").bytes(rule.as_bytes()).bytes(&[b'0' + repeats.min(3) as u8]));
    out
}

/// The last `n` characters of a word (all of it when shorter).
fn suffix(word: &str, n: usize) -> &str {
    let at = word.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &word[at..]
}

/// The first `n` characters of a word (all of it when shorter).
fn prefix(word: &str, n: usize) -> &str {
    let at = word.char_indices().nth(n).map_or(word.len(), |(i, _)| i);
    &word[..at]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hashed features of the candidate with this surface in this text.
    fn features_of(text: &str, surface: &str) -> Vec<u32> {
        let candidates = crate::typer_candidates(text, &[]);
        let found = candidates.iter().find(|(span, _, _)| span.slice(text) == surface);
        let names: Vec<&str> = candidates.iter().map(|(span, _, _)| span.slice(text)).collect();
        assert!(found.is_some(), "no candidate {surface:?} in {text:?}: {names:?}");
        found.map(|(_, _, features)| features.clone()).unwrap_or_default()
    }

    #[test]
    fn table_of_features_on_made_up_text() {
        let tag = FeatureHash::tag;
        let text = "Sergei Lavrov told reporters in Moscow on Monday. Later Lavrov left for Zorvania.";
        // (candidate, features it has, features it has not)
        let cases: Vec<(&str, Vec<FeatureHash>, Vec<FeatureHash>)> = vec![
            (
                "Sergei Lavrov",
                vec![
                    tag("r").bytes(b"PERSON"),
                    tag("n").bytes(b"2"),
                    tag("s").bytes(b"XX"),
                    tag("w").lower("sergei"),
                    tag("l").lower("Lavrov"),
                    tag("u3").lower("rov"),
                    tag("q3").lower("ser"),
                    tag("gF"),
                    tag("ss"),
                    tag("nw").lower("told"),
                    tag("nw").bytes(b"#said"),
                    tag("pw").bytes(b"#edge"),
                    tag("rep").bytes(b"1"),
                ],
                vec![tag("gP"), tag("tl"), tag("n").bytes(b"1")],
            ),
            (
                "Moscow",
                vec![
                    tag("r").bytes(b"PLACE"),
                    tag("x").bytes(b"PLACE"),
                    tag("gP"),
                    tag("gP").bytes(b"PLACE"),
                    tag("pw").lower("in"),
                    tag("pw2").lower("reporters"),
                    tag("nw").lower("on"),
                    tag("sf").bytes(b"X"),
                ],
                vec![tag("ss"), tag("gF")],
            ),
            // A lone surname that a full name lends: used alone, so "ln".
            ("Lavrov", vec![tag("r").bytes(b"PERSON"), tag("ln"), tag("pw").lower("later")], vec![tag("gP")]),
            // A name no list knows, at the end of its sentence: untyped by the rules.
            (
                "Zorvania",
                vec![tag("r").bytes(b"-"), tag("x").bytes(b"-"), tag("nw").bytes(b"#p").bytes(b".")],
                vec![tag("gP"), tag("r").bytes(b"PLACE")],
            ),
        ];
        for (surface, present, absent) in cases {
            let features = features_of(text, surface);
            for (k, feature) in present.iter().enumerate() {
                assert!(features.contains(&feature.value()), "{surface}: expected feature #{k}");
            }
            for (k, feature) in absent.iter().enumerate() {
                assert!(!features.contains(&feature.value()), "{surface}: unexpected feature #{k}");
            }
        }
    }

    #[test]
    fn repeats_are_counted_and_a_long_run_reads_a_bounded_number_of_words() {
        let text = "Vexler Moor met Quill. Vexler Moor met Quill again. Vexler Moor left.";
        assert!(features_of(text, "Vexler Moor").contains(&FeatureHash::tag("rep").bytes(b"3").value()));
        // 5,000 capitalised words on one line: one candidate, whose features stay few.
        let run = "Abcde ".repeat(5_000);
        let text = format!("She said {run}today.");
        let candidates = crate::typer_candidates(&text, &[]);
        assert!(!candidates.is_empty());
        assert!(candidates.iter().all(|(_, _, features)| features.len() < 80), "too many features");
    }

    #[test]
    fn word_shapes() {
        let cases: &[(&str, u8)] = &[
            ("Moscow", b'X'),
            ("NATO", b'A'),
            ("U.S.", b'.'),
            ("J.", b'.'),
            ("9M729", b'd'),
            ("said", b'x'),
            ("iPhone", b'M'),
            ("McDonald", b'M'),
            ("Ōtautahi", b'X'),
            ("", b'o'),
            ("’", b'o'),
        ];
        for (word, expected) in cases {
            assert_eq!(shape(word) as char, *expected as char, "{word:?}");
        }
    }

    #[test]
    fn prefixes_and_suffixes_count_characters_not_bytes() {
        let cases: &[(&str, &str, &str)] =
            &[("Moscow", "Mos", "cow"), ("Bogotá", "Bog", "otá"), ("Al", "Al", "Al"), ("Ōta", "Ōta", "Ōta")];
        for (word, first3, last3) in cases {
            assert_eq!(prefix(word, 3), *first3, "{word:?}");
            assert_eq!(suffix(word, 3), *last3, "{word:?}");
        }
    }
}
