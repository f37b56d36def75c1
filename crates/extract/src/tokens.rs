//! Tokens, lines and sentences: the shared segmentation every stage reads.
//!
//! A token is a word (letters, digits and the marks inside them), or one punctuation character.
//! Word-internal joiners (`.` in "U.S.", `/` in "RFE/RL", `-`, apostrophes, `&`, soft hyphens,
//! combining marks, zero-width joiners) stay inside the word; a possessive `'s` is split off so that no
//! name ever ends with it.

use crate::Span;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Word,
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Index of the line the token is on.
    pub line: usize,
    /// Index of the sentence the token is in.
    pub sentence: usize,
}

/// A line of the text, without its line break.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub span: Span,
    /// Index of the line's first token and one past its last.
    pub tokens: (usize, usize),
}

/// The segmented text.
#[derive(Debug)]
pub(crate) struct Segmented<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub lines: Vec<Line>,
}

impl<'t> Segmented<'t> {
    pub fn word(&self, idx: usize) -> &'t str {
        self.tokens[idx].span.slice(self.text)
    }

    pub fn is_word(&self, idx: usize) -> bool {
        self.tokens.get(idx).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// The token's text if it is the given punctuation character.
    pub fn is_punct(&self, idx: usize, ch: char) -> bool {
        self.tokens.get(idx).is_some_and(|t| t.kind == TokenKind::Punct && t.span.slice(self.text).starts_with(ch))
    }

    /// Whether the token is a possessive ending split off a word (`'s`, `’s`; a punctuation token).
    pub fn is_possessive(&self, idx: usize) -> bool {
        self.tokens.get(idx).is_some_and(|t| matches!(t.span.slice(self.text), "'s" | "’s" | "'S" | "’S"))
    }

    /// When token `comma` opens an appositive that describes the name before it — `, another deportee,`,
    /// `, 24,`, `, Vindman's superior,`, `, a scientist at NASA,` — the index of the token after its closing
    /// comma. An appositive is short, stays in its sentence and line, and opens with a lower-case word, a
    /// number, or a name in the possessive; a capitalised word after the comma is the next item of a list.
    pub fn after_appositive(&self, comma: usize) -> Option<usize> {
        const MAX_TOKENS: usize = 12;
        if !self.is_punct(comma, ',') {
            return None;
        }
        let opener = comma + 1;
        let first = self.tokens.get(opener)?;
        let (line, sentence) = (first.line, first.sentence);
        if first.kind != TokenKind::Word {
            return None;
        }
        let word = self.word(opener);
        let opens_description =
            word.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) || self.is_possessive(opener + 1);
        if !opens_description {
            return None;
        }
        for i in opener + 1..self.tokens.len().min(opener + MAX_TOKENS) {
            let t = &self.tokens[i];
            if t.line != line || t.sentence != sentence {
                return None;
            }
            if t.kind == TokenKind::Punct {
                return match t.span.slice(self.text) {
                    "," => Some(i + 1),
                    "-" | "–" | "/" | "&" | "'s" | "’s" | "'S" | "’S" => continue,
                    _ => None,
                };
            }
        }
        None
    }

    /// Whether a token starts a sentence (or a line).
    pub fn starts_sentence(&self, idx: usize) -> bool {
        if idx == 0 {
            return true;
        }
        let mut prev = idx;
        // Opening quotes and brackets before the first word do not make it less sentence-initial.
        while prev > 0 {
            prev -= 1;
            let t = &self.tokens[prev];
            if t.sentence != self.tokens[idx].sentence || t.line != self.tokens[idx].line {
                return true;
            }
            if t.kind == TokenKind::Word {
                return false;
            }
            let p = t.span.slice(self.text);
            if !matches!(p, "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "—" | "-" | "–" | "•" | "*" | ":" | "|")
            {
                return false;
            }
        }
        true
    }
}

fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() || is_word_internal_mark(ch)
}

/// Characters that never break a word: combining marks, soft hyphen, zero-width joiners, variation selectors.
fn is_word_internal_mark(ch: char) -> bool {
    matches!(ch, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{00AD}' | '\u{200C}' | '\u{200D}')
}

/// Joiners that stay inside a word when a word character follows them.
fn is_joiner(ch: char) -> bool {
    matches!(ch, '.' | '/' | '-' | '\'' | '’' | '&' | '‐' | '‑' | '_' | '@')
}

/// Prefixes written with a hyphen before a name ("anti-Trump"): the name is a word of its own.
const NAME_PREFIXES: &[&str] = &["anti", "ex", "neo", "non", "pan", "post", "pre", "pro", "un"];

/// The prefixes a headline capitalises before a name ("Ex-Nigeria coach", "Anti-Kremlin blogger"). Not the others:
/// "Pre-Natal", "Non-Stop", "Post-Game" are headline words, not a prefix and a name.
const CAPITALISED_NAME_PREFIXES: &[&str] = &["Anti", "Ex", "Pro"];

/// Whether a hyphen joins two names a reader knows (registry facts: places, organisations, leaders) that are
/// not one name together: "the Brazil-Argentina match", "the Trump-Putin summit", "Israel-Hamas talks" are two
/// names each; "Guinea-Bissau", "Winston-Salem" and an unknown double surname ("Ocasio-Cortez") stay one word.
/// `before` is the part before the hyphen, `rest` the text after it; reads at most 40 characters of `rest`.
fn joins_known_names(before: &str, rest: &str) -> bool {
    const LONGEST: usize = 40;
    let is_known = |name: &str| {
        let name = name.trim_end_matches('.');
        !name.is_empty()
            && (crate::lexicon::is_place(name) || crate::lexicon::is_org(name) || crate::lexicon::is_known_person(name))
    };
    let end = match rest.char_indices().take(LONGEST + 1).find(|&(_, ch)| !(ch.is_alphanumeric() || ch == '.')) {
        Some((i, _)) => i,
        // Bytes bound characters: no count of a long rest (that would rescan the text per hyphen).
        None if rest.len() <= LONGEST => rest.len(),
        None => return false,
    };
    let after = &rest[..end];
    let (before_known, after_known) = (is_known(before), is_known(after));
    // One known name is enough before a noun of a relation between two parties: "the Trump-Kim summit".
    let both_or_one_before_a_relation =
        (before_known && after_known) || ((before_known || after_known) && relation_noun_follows(&rest[end..]));
    // The whole as written ("Guinea-Bissau"): `before`, `rest` and the hyphen between them are adjacent.
    both_or_one_before_a_relation && !is_known(&format!("{before}-{after}"))
}

/// Nouns of a relation between two parties, written after a compound of their names ("the Trump-Kim summit",
/// "India-Pakistan talks", "the Celtic-Rangers derby"). Sorted for `binary_search`.
const RELATION_NOUNS: &[&str] = &[
    "accord",
    "border",
    "ceasefire",
    "clash",
    "conflict",
    "deal",
    "debate",
    "derby",
    "dialogue",
    "feud",
    "final",
    "match",
    "meeting",
    "pact",
    "relations",
    "rivalry",
    "showdown",
    "summit",
    "talks",
    "ties",
    "truce",
    "war",
];

/// Whether `text` (right after a hyphenated compound) is a space and a relation noun of `RELATION_NOUNS`, or its
/// plural, ending a word. Reads at most a dozen characters.
fn relation_noun_follows(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(' ') else { return false };
    let end = rest.char_indices().take(13).find(|&(_, ch)| !ch.is_ascii_lowercase()).map_or(rest.len(), |(i, _)| i);
    let noun = &rest[..end];
    // Plurals too: "three Trump-Kim summits", "India-Pakistan clashes".
    [Some(noun), noun.strip_suffix('s'), noun.strip_suffix("es")]
        .into_iter()
        .flatten()
        .any(|noun| RELATION_NOUNS.binary_search(&noun).is_ok())
}

/// Participles and nouns written with a hyphen after a name to make a modifier ("Imran Khan-led",
/// "London-based", "Kremlin-backed"): the name ends before the hyphen.
const NAME_SUFFIXES: &[&str] = &[
    "affiliated",
    "aligned",
    "allied",
    "backed",
    "based",
    "born",
    "bound",
    "brokered",
    "controlled",
    "era",
    "financed",
    "funded",
    "headquartered",
    "inspired",
    "led",
    "linked",
    "listed",
    "made",
    "owned",
    "run",
    "sponsored",
    "style",
    "supported",
];

/// Whether a word goes on at the start of `rest`: a word character, or a joiner followed by one.
fn continues_word(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some(ch) if is_word_char(ch) => true,
        Some(ch) if is_joiner(ch) => chars.next().is_some_and(is_word_char),
        _ => false,
    }
}

/// Whether `rest` (the text right after a hyphen) is a modifier suffix of `NAME_SUFFIXES` ending a word.
/// Reads at most a dozen characters, so a long hyphenated run stays linear.
fn starts_with_name_suffix(rest: &str) -> bool {
    const LONGEST: usize = 12;
    let end = rest.char_indices().take(LONGEST + 1).find(|&(_, ch)| !ch.is_ascii_lowercase()).map(|(i, _)| i);
    let word = match end {
        // "Khan-led-coalition" or "Khan-led.com" go on as one word.
        Some(i) if continues_word(&rest[i..]) => return false,
        Some(i) => &rest[..i],
        None if rest.len() <= LONGEST => rest,
        None => return false,
    };
    NAME_SUFFIXES.binary_search(&word).is_ok()
}

/// Abbreviations whose trailing period belongs to the word.
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Apr", "Aug", "Capt", "Co", "Col", "Corp", "Dec", "Dr", "Feb", "Gen", "Gov", "Inc", "Jan", "Jr", "Jul",
    "Jun", "Lt", "Ltd", "Mr", "Mrs", "Ms", "Mt", "No", "Nov", "Oct", "Prof", "Pvt", "Rep", "Rev", "Sen", "Sep", "Sept",
    "Sgt", "Sr", "St", "Vol", "vs",
];

fn takes_period(word: &str) -> bool {
    // Initials ("M" in "Robert M. Danin") and dotted acronyms ("U.S", "D.C") keep their final period.
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
    single_initial || dotted || ABBREVIATIONS.binary_search(&word).is_ok()
}

/// A short code such as "RFE", "RL" or "11": at most four capitals or digits.
fn is_short_code(part: &str) -> bool {
    part.chars().take(5).count() <= 4 && part.chars().all(|ch| ch.is_uppercase() || ch.is_ascii_digit())
}

/// Splits text into lines, tokens and sentences. Linear in the text's length.
pub(crate) fn segment(text: &str) -> Segmented<'_> {
    let mut tokens = Vec::new();
    let mut lines = Vec::new();
    let mut line_start = 0usize;
    let mut line_no = 0usize;
    let mut sentence = 0usize;
    let mut line_first_token = 0usize;
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();

    while let Some((pos, ch)) = chars.next() {
        if ch == '\n' {
            let end = if pos > line_start && bytes[pos - 1] == b'\r' { pos - 1 } else { pos };
            lines.push(Line { span: Span::new(line_start, end), tokens: (line_first_token, tokens.len()) });
            line_start = pos + 1;
            line_no += 1;
            sentence += 1;
            line_first_token = tokens.len();
            continue;
        }
        if ch.is_whitespace() || ch == '\u{FEFF}' {
            continue;
        }
        if is_word_char(ch) && !is_word_internal_mark(ch) {
            let start = pos;
            let mut end = pos + ch.len_utf8();
            // Start of the part after the last joiner kept, so a slash can check both of its sides.
            let mut part_start = start;
            let mut credit_before: Option<bool> = None;
            while let Some(&(p, c)) = chars.peek() {
                // "Nolan22" is a name glued to a date by a lost line break: split at lower-case → digit.
                let prev = text[..p].chars().next_back();
                if c.is_ascii_digit() && prev.is_some_and(char::is_lowercase) {
                    break;
                }
                if is_word_char(c) {
                    end = p + c.len_utf8();
                    chars.next();
                } else if is_joiner(c) {
                    // Keep the joiner only if a word character follows it. A slash joins only short
                    // codes ("RFE/RL", "9/11"); between longer words it separates ("WATSON/AFP/Getty").
                    let rest = &text[p + c.len_utf8()..];
                    let after = rest.chars().next();
                    // Both sides must be short codes: "RFE/RL", "9/11", but not "AFP/Getty".
                    // A chain of three or more codes with letters after a credit's colon or a copyright
                    // sign is a list of names ("© NASA/ESA/K. Retherford/SWRI"), not one code: it separates
                    // ("11/18/19" stays a date).
                    let slash_ok = c != '/' || {
                        let next_part = rest.split(|ch: char| !ch.is_alphanumeric()).next().unwrap_or_default();
                        let lettered = |part: &str| part.chars().any(char::is_alphabetic);
                        // Read once per word (a word of many slashes costs no more).
                        let credit_before =
                            *credit_before.get_or_insert_with(|| text[..start].trim_end().ends_with(['©', ':']));
                        let chained = text[..start].ends_with('/')
                            || (part_start == start && credit_before && rest[next_part.len()..].starts_with('/'));
                        is_short_code(&text[part_start..p])
                            && is_short_code(next_part)
                            && !(chained && (lettered(&text[part_start..p]) || lettered(next_part)))
                    };
                    // "anti-Trump", "pro-Morales", "ex-Soviet": a prefix is not part of the name it precedes.
                    let word_so_far = &text[start..p];
                    let hyphen_before_capital = matches!(c, '-' | '‐' | '‑') && after.is_some_and(char::is_uppercase);
                    let prefix_before_name = hyphen_before_capital
                        && (NAME_PREFIXES.contains(&word_so_far)
                            || CAPITALISED_NAME_PREFIXES.contains(&word_so_far)
                            // A route, "a Denver-to-Salt Lake City flight": `to` between hyphens is no name's.
                            || (word_so_far == "to" && text[..start].ends_with(['-', '‐', '‑'])));
                    // "Brazil-Argentina", and a route's start ("Denver-to-…"): the name ends at the hyphen.
                    let names_joined = matches!(c, '-' | '‐' | '‑')
                        && text[part_start..p].starts_with(char::is_uppercase)
                        && ((hyphen_before_capital && joins_known_names(&text[part_start..p], rest))
                            || rest.strip_prefix("to-").is_some_and(|r| r.starts_with(char::is_uppercase)));
                    // "Khan-led", "London-based": a capitalised name before a modifier suffix ends at the hyphen.
                    let name_before_suffix = matches!(c, '-' | '‐' | '‑')
                        && text[start..p].starts_with(char::is_uppercase)
                        && starts_with_name_suffix(rest);
                    if slash_ok
                        && !prefix_before_name
                        && !name_before_suffix
                        && !names_joined
                        && after.is_some_and(|a| is_word_char(a) && !is_word_internal_mark(a))
                    {
                        end = p + c.len_utf8();
                        part_start = end;
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let mut word_end = end;
            // A possessive 's / ’s is its own token; so is each of a run of them (`PM’s’s`, only in odd or hostile
            // text), so that no word, and no name, ends with one.
            while let Some(suffix) = ["'s", "’s", "'S", "’S"]
                .iter()
                .find(|suffix| word_end - start > suffix.len() && text[start..word_end].ends_with(*suffix))
            {
                word_end -= suffix.len();
            }
            if word_end == end && text[end..].starts_with('.') && takes_period(&text[start..end]) {
                end += 1;
                word_end = end;
                chars.next();
            }
            tokens.push(Token { span: Span::new(start, word_end), kind: TokenKind::Word, line: line_no, sentence });
            // The possessives split off, in order: each is two characters, the apostrophe and `s`.
            let mut at = word_end;
            while at < end {
                let length = text[at..].chars().next().map_or(1, char::len_utf8) + 1;
                tokens.push(Token {
                    span: Span::new(at, at + length),
                    kind: TokenKind::Punct,
                    line: line_no,
                    sentence,
                });
                at += length;
            }
            continue;
        }
        tokens.push(Token {
            span: Span::new(pos, pos + ch.len_utf8()),
            kind: TokenKind::Punct,
            line: line_no,
            sentence,
        });
        if matches!(ch, '.' | '!' | '?' | '…') {
            // The sentence ends after this mark and any closing quotes or brackets that follow it.
            while let Some(&(p, c)) = chars.peek() {
                if matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»') {
                    tokens.push(Token {
                        span: Span::new(p, p + c.len_utf8()),
                        kind: TokenKind::Punct,
                        line: line_no,
                        sentence,
                    });
                    chars.next();
                } else {
                    break;
                }
            }
            sentence += 1;
        }
    }
    lines.push(Line { span: Span::new(line_start, text.len()), tokens: (line_first_token, tokens.len()) });
    Segmented { text, tokens, lines }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let s = segment(text);
        s.tokens.iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn joiners_abbreviations_and_possessives() {
        assert_eq!(words("the U.S. and RFE/RL's staff"), ["the", "U.S.", "and", "RFE/RL", "'s", "staff"]);
        assert_eq!(words("ofPM’s’s'S x"), ["ofPM", "’s", "’s", "'S", "x"]);
        assert_eq!(words("Robert M. Danin, Mr. Obama."), ["Robert", "M.", "Danin", ",", "Mr.", "Obama", "."]);
        assert_eq!(words("Vladi\u{00AD}mir’s plan"), ["Vladi\u{00AD}mir", "’s", "plan"]);
        assert_eq!(words("Intermediate-Range (INF) 9M729"), ["Intermediate-Range", "(", "INF", ")", "9M729"]);
        assert_eq!(words("'No Proof'"), ["'", "No", "Proof", "'"]);
        assert_eq!(
            words("JIM WATSON/AFP/Getty Images 9/11"),
            ["JIM", "WATSON", "/", "AFP", "/", "Getty", "Images", "9/11"]
        );
    }

    /// A multi-byte joiner (`’`, `‐`, `‑`) followed by another joiner once put a byte index inside a character.
    #[test]
    fn multibyte_joiners_next_to_joiners() {
        assert_eq!(words("We won’t."), ["We", "won’t", "."]);
        assert_eq!(words("e’d."), ["e’d", "."]);
        assert_eq!(words("a‐b."), ["a‐b", "."]);
        assert_eq!(words("don’t-care"), ["don’t-care"]);
        assert_eq!(words("blink-and-you’ll-miss-it"), ["blink-and-you’ll-miss-it"]);
        assert_eq!(words("RL’s/AFP a‑b/CD"), ["RL", "’s", "/", "AFP", "a‑b", "/", "CD"]);
        assert_eq!(
            words("anti-Trump pro-Morales anti-war Ocasio-Cortez"),
            ["anti", "-", "Trump", "pro", "-", "Morales", "anti-war", "Ocasio-Cortez"]
        );
    }

    /// "Imran Khan-led", "London-based": the name ends at the hyphen of a modifier suffix.
    #[test]
    fn a_name_before_a_modifier_suffix_ends_at_the_hyphen() {
        assert_eq!(words("the Khan-led govt"), ["the", "Khan", "-", "led", "govt"]);
        assert_eq!(words("a London‐based firm."), ["a", "London", "‐", "based", "firm", "."]);
        assert_eq!(words("Kremlin-backed"), ["Kremlin", "-", "backed"]);
        assert_eq!(
            words("well-led Khan-leds Khan-led-ish Sub-led"),
            ["well-led", "Khan-leds", "Khan-led-ish", "Sub", "-", "led"]
        );
    }

    /// Fourteenth round ("Names inside hyphenated compounds"): two known names joined by a hyphen, a route and a
    /// headline's capitalised prefix are separate words; a hyphenated name that is one name stays one word.
    #[test]
    fn known_names_joined_by_a_hyphen_are_separate_words() {
        assert_eq!(words("the Brazil-Argentina match"), ["the", "Brazil", "-", "Argentina", "match"]);
        assert_eq!(words("Trump-Putin summit"), ["Trump", "-", "Putin", "summit"]);
        assert_eq!(
            words("a Denver-to-Salt Lake City flight"),
            ["a", "Denver", "-", "to", "-", "Salt", "Lake", "City", "flight"]
        );
        assert_eq!(words("Ex-Nigeria coach"), ["Ex", "-", "Nigeria", "coach"]);
        // One known name is enough before a relation noun; a firm with no known half stays whole.
        assert_eq!(words("three Trump-Kim summits"), ["three", "Trump", "-", "Kim", "summits"]);
        assert_eq!(words("the Saudi-Iran deal"), ["the", "Saudi", "-", "Iran", "deal"]);
        assert_eq!(words("the Hewlett-Packard deal, Trump-Kim"), ["the", "Hewlett-Packard", "deal", ",", "Trump-Kim"]);
        assert_eq!(
            words("Ocasio-Cortez Guinea-Bissau Winston-Salem Pre-Natal coast-to-coast"),
            ["Ocasio-Cortez", "Guinea-Bissau", "Winston-Salem", "Pre-Natal", "coast-to-coast"]
        );
    }

    #[test]
    fn sentences_and_lines() {
        let text = "One here. Two there!\nThree";
        let s = segment(text);
        let sentence_of = |w: &str| s.tokens.iter().find(|t| t.span.slice(text) == w).map(|t| (t.sentence, t.line));
        assert_eq!(sentence_of("One"), Some((0, 0)));
        assert_eq!(sentence_of("Two"), Some((1, 0)));
        assert_eq!(sentence_of("Three"), Some((3, 1)));
        assert_eq!(s.lines.len(), 2);
    }
}
