//! CoNLL-2003 style BIO tokens: one token a line, `token<TAB>tag`, a blank line between sentences; tags
//! `B-` (first token of an entity), `I-` (the following ones) or `O`. Kinds use the CoNLL-2003 names (`PER`,
//! `ORG`, `LOC`, `MISC`), plus `DATE`, which CoNLL-2003 lacks. Export only: tokens do not keep the text's
//! spacing, so offsets cannot be recovered.
//!
//! Tokens are runs of letters and digits (with apostrophes between letters: "world's") and single other
//! characters; a token is cut where an entity begins or ends, so that every entity is whole tokens.
//! Sentences end after `.`, `!` or `?` followed by white space, and at line breaks (the text's paragraphs
//! and headlines), never inside an entity.

use sidenote_extract::{EntityKind, Extraction, Span};

use super::reviewed_entities;
use crate::model::Annotations;
use crate::Document;

/// The CoNLL-2003 name of a kind.
pub fn tag_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PER",
        EntityKind::Org => "ORG",
        EntityKind::Place => "LOC",
        EntityKind::Misc => "MISC",
        EntityKind::Date => "DATE",
    }
}

/// The reviewed entities of the document as BIO-tagged tokens.
pub fn export(doc: &Document, extraction: &Extraction, annotations: &Annotations) -> String {
    let text = doc.text.as_str();
    let entities = reviewed_entities(extraction, annotations);
    let mut boundaries: Vec<usize> = entities.iter().flat_map(|e| [e.span.start, e.span.end]).collect();
    // On the program's one sort (a sort of its own would be a few KB more of the Wasm).
    sidenote_extract::sort_numbers(&mut boundaries);
    boundaries.dedup();
    let mut out = String::new();
    let mut sentence_open = false;
    let mut previous_entity: Option<usize> = None;
    // The entities (sorted by where they start) that start at or before the token are `..started`; of them,
    // those before `first_alive` end before it. Tokens are cut at every entity's ends, so a token that starts
    // inside an entity ends inside it too: the first entity still open is the first that holds the token.
    // Both indices only move forward: linear, where looking through every entity per token was quadratic
    // (100 s for 4 MB with every entity accepted).
    let (mut started, mut first_alive) = (0, 0);
    for (token, ends_sentence) in tokens(text, &boundaries) {
        while started < entities.len() && entities[started].span.start <= token.start {
            started += 1;
        }
        while first_alive < started && entities[first_alive].span.end <= token.start {
            first_alive += 1;
        }
        let entity = (first_alive < started).then_some(first_alive);
        let tag = match entity {
            Some(n) if previous_entity == Some(n) => format!("I-{}", tag_name(entities[n].kind)),
            Some(n) => format!("B-{}", tag_name(entities[n].kind)),
            None => "O".to_string(),
        };
        previous_entity = entity;
        // Never end a sentence inside an entity ("Gen. Smith"): its tokens stay one B- and its I-s.
        let ends_sentence = ends_sentence && entity.is_none_or(|n| entities[n].span.end <= token.end);
        out.push_str(token.slice(text));
        out.push('\t');
        out.push_str(&tag);
        out.push('\n');
        sentence_open = true;
        if ends_sentence {
            out.push('\n');
            sentence_open = false;
            previous_entity = None;
        }
    }
    if sentence_open {
        out.push('\n');
    }
    out
}

/// Whether `next` belongs to the symbol before it (`previous` the character before it): an emoji's modifiers
/// and the characters joined to it (`👩‍👩‍👧` is one token, not five), variation selectors, a keycap's mark, the
/// second of a flag's two regional indicators.
pub(super) fn joins_symbol(previous: char, next: char) -> bool {
    let regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    previous == '\u{200D}'
        || matches!(next, '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{20E3}' | '\u{E0020}'..='\u{E007F}')
        || (regional(previous) && regional(next))
}

/// The tokens of `text`, each with whether a sentence ends after it; cut at every byte in `boundaries`
/// (sorted).
fn tokens(text: &str, boundaries: &[usize]) -> Vec<(Span, bool)> {
    let is_boundary = |at: usize| boundaries.binary_search(&at).is_ok();
    let mut out: Vec<(Span, bool)> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, ch) = chars[i];
        if ch.is_whitespace() {
            if ch == '\n' {
                if let Some(last) = out.last_mut() {
                    last.1 = true;
                }
            }
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if ch.is_alphanumeric() {
            while j < chars.len() && !is_boundary(chars[j].0) {
                let (_, next) = chars[j];
                let apostrophe_inside = matches!(next, '\'' | '’')
                    && chars.get(j + 1).is_some_and(|&(_, after)| after.is_alphanumeric())
                    && !is_boundary(chars[j + 1].0);
                // Combining marks belong to the letter before them.
                let mark = matches!(next as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F);
                if next.is_alphanumeric() || apostrophe_inside || mark || next == '\u{AD}' {
                    j += 1;
                } else {
                    break;
                }
            }
        } else {
            // A flag takes two regional indicators, never three: a third begins the next flag.
            let mut pairs = 0;
            while j < chars.len() && !is_boundary(chars[j].0) && joins_symbol(chars[j - 1].1, chars[j].1) {
                let regional = ('\u{1F1E6}'..='\u{1F1FF}').contains(&chars[j].1);
                if regional && pairs == 1 {
                    break;
                }
                pairs += usize::from(regional);
                j += 1;
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(offset, _)| offset);
        // "U.S." ends no sentence inside it: the mark must be followed by white space or the end.
        let before_space = chars.get(j).is_none_or(|&(_, next)| next.is_whitespace());
        out.push((Span::new(start, end), matches!(ch, '.' | '!' | '?') && before_space));
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::tests::reviewed_sample;

    #[test]
    fn every_reviewed_entity_is_whole_tokens_with_one_b_tag() {
        let (doc, extraction, annotations) = reviewed_sample();
        let conll = export(&doc, &extraction, &annotations);
        assert!(!conll.contains("\n\n\n") && conll.ends_with("\n\n"), "one blank line between sentences");
        let mut entities: Vec<(String, String)> = Vec::new();
        for line in conll.lines().filter(|l| !l.is_empty()) {
            let (token, tag) = line.split_once('\t').expect("token<TAB>tag");
            assert!(!token.is_empty() && !token.chars().any(char::is_whitespace), "{line:?}");
            match tag.split_once('-') {
                Some(("B", kind)) => entities.push((kind.to_string(), token.to_string())),
                Some(("I", kind)) => {
                    let last = entities.last_mut().expect("I- follows B-");
                    assert_eq!(last.0, kind, "{line:?}");
                    last.1.push(' ');
                    last.1.push_str(token);
                }
                _ => assert_eq!(tag, "O", "{line:?}"),
            }
        }
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let expected: Vec<(String, String)> = reviewed_entities(&extraction, &annotations)
            .iter()
            .map(|e| (tag_name(e.kind).to_string(), squeeze(e.span.slice(&doc.text))))
            .collect();
        let got: Vec<(String, String)> = entities.iter().map(|(k, words)| (k.clone(), squeeze(words))).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn tokens_and_sentences() {
        let text = "The world's Zoë\u{301} met Lavrov.\nHeadline 2019";
        let mut set = Annotations::default();
        let lavrov = text.find("Lavrov").expect("in text");
        set.add_entity(text, Span::new(lavrov, lavrov + 6), EntityKind::Person);
        set.add_entity(text, Span::new(0, 3), EntityKind::Misc);
        let conll = export(&Document::new("t", text), &Extraction::default(), &set);
        assert_eq!(
            conll,
            "The\tB-MISC\nworld's\tO\nZoë\u{301}\tO\nmet\tO\nLavrov\tB-PER\n.\tO\n\nHeadline\tO\n2019\tO\n\n"
        );
        // An entity ending inside a word cuts the word; two adjacent entities both start with B-.
        let mut set = Annotations::default();
        set.add_entity("NewYork", Span::new(0, 3), EntityKind::Place);
        set.add_entity("NewYork", Span::new(3, 7), EntityKind::Place);
        let conll = export(&Document::new("t", "NewYork"), &Extraction::default(), &set);
        assert_eq!(conll, "New\tB-LOC\nYork\tB-LOC\n\n");
    }

    #[test]
    fn an_emoji_with_its_modifiers_and_joined_characters_is_one_token() {
        let table: &[(&str, &[&str])] = &[
            ("👩\u{200D}👩\u{200D}👧 ok", &["👩\u{200D}👩\u{200D}👧", "ok"]),
            ("👍\u{1F3FD}👍", &["👍\u{1F3FD}", "👍"]),
            ("❤\u{FE0F}!", &["❤\u{FE0F}", "!"]),
            ("1\u{FE0F}\u{20E3}", &["1", "\u{FE0F}\u{20E3}"]),
            ("#\u{FE0F}\u{20E3}", &["#\u{FE0F}\u{20E3}"]),
            ("🇫🇷🇩🇪🇮", &["🇫🇷", "🇩🇪", "🇮"]),
            (
                "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} x",
                &["🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", "x"],
            ),
            ("a.b", &["a", ".", "b"]),
        ];
        for (text, expected) in table {
            let found: Vec<&str> = tokens(text, &[]).iter().map(|(span, _)| span.slice(text)).collect();
            assert_eq!(&found, expected, "{text:?}");
        }
        // An entity's end still cuts a joined sequence.
        let text = "👩\u{200D}👧";
        let cut = text.find('\u{200D}').expect("joiner");
        let found: Vec<&str> = tokens(text, &[cut]).iter().map(|(span, _)| span.slice(text)).collect();
        assert_eq!(found, ["👩", "\u{200D}👧"]);
    }

    #[test]
    fn each_token_takes_the_first_entity_that_holds_it_even_when_entities_overlap() {
        // Overlapping and nested added entities: the tag is the first entity (by start, then end) holding the
        // token, as looking through all of them finds it.
        let text = "Alpha Beta Gamma Delta Epsilon Zeta";
        let word = |w: &str| {
            let at = text.find(w).expect("word");
            (at, at + w.len())
        };
        let spans = [
            (word("Alpha").0, word("Gamma").1, EntityKind::Org),
            (word("Beta").0, word("Beta").1, EntityKind::Person),
            (word("Gamma").0, word("Epsilon").1, EntityKind::Place),
            (word("Delta").0, word("Delta").1, EntityKind::Misc),
            (word("Zeta").0, word("Zeta").1, EntityKind::Date),
        ];
        let mut set = Annotations::default();
        for (start, end, kind) in spans {
            set.add_entity(text, Span::new(start, end), kind);
        }
        let conll = export(&Document::new("t", text), &Extraction::default(), &set);
        let entities = reviewed_entities(&Extraction::default(), &set);
        let mut boundaries: Vec<usize> = entities.iter().flat_map(|e| [e.span.start, e.span.end]).collect();
        sidenote_extract::sort_numbers(&mut boundaries);
        let mut previous = None;
        let expected: String = tokens(text, &boundaries)
            .iter()
            .map(|(token, _)| {
                let entity = entities.iter().position(|e| e.span.start <= token.start && token.end <= e.span.end);
                let tag = match entity {
                    Some(n) if previous == Some(n) => format!("I-{}", tag_name(entities[n].kind)),
                    Some(n) => format!("B-{}", tag_name(entities[n].kind)),
                    None => "O".into(),
                };
                previous = entity;
                format!("{}\t{tag}\n", token.slice(text))
            })
            .collect::<String>()
            + "\n";
        assert_eq!(conll, expected);
        assert!(conll.contains("Beta\tI-ORG") && conll.contains("Delta\tB-LOC"), "{conll}");
    }
}
