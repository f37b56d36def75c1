//! One target prepared for searching a text: its words, its context cut to a fixed length, whether it
//! began and ended at word boundaries, and the words around it that can predict where it starts.

use std::cell::OnceCell;

use super::similarity::{context_fit, ContextFit, ACROSS_MIN_SIDE};
use super::words::{is_boundary, is_word_char, word_ranges, WordIndex};
use super::CONTEXT_CHARS;

/// Where a word of the target's combined text (prefix + quote + suffix) lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Prefix,
    Quote,
    Suffix,
    /// Across an end of the quote (a quote that starts or ends inside a word).
    Across,
}

/// A whole word of the combined text, usable to look the target up in a word index.
#[derive(Debug, Clone, Copy)]
pub(super) struct ContextWord {
    /// Byte range in the combined text.
    range: (usize, usize),
    /// Its start minus the quote's start, in bytes: where the quote starts once the word is found.
    delta: isize,
    pub place: Place,
}

/// A target ready to be looked for in one text.
pub(super) struct Search<'a, 't> {
    pub text: &'t str,
    /// The text's word index, built on first need (a target still at its place never needs it).
    pub words: &'a OnceCell<WordIndex>,
    pub quote: &'a str,
    /// At most `CONTEXT_CHARS` characters before the quote…
    pub prefix: &'a str,
    /// …and after it.
    pub suffix: &'a str,
    /// The sides of the context that are evidence that an occurrence is the noted one: for a quote that
    /// starts a line, only its suffix, and for one that ends a line, only its prefix. What stands across the
    /// line break is another paragraph (or menu line), and a paragraph that now starts (or ends) with the same
    /// words after the same neighbour is how a deleted or inserted paragraph looks: `[Morrison] said …`
    /// deleted, the next paragraph `Morrison also said …` has the whole remembered prefix.
    prefix_line: &'a str,
    suffix_line: &'a str,
    /// Whether the quote was a whole line (a headline, a menu item): both sides are asked.
    pub whole_line: bool,
    /// Whether the quote started (or ended) the text, with context on its other side: a whole line there must
    /// be a whole line where it is placed, since no neighbouring line can be asked on that side.
    text_start: bool,
    text_end: bool,
    /// Whether the quote began at a word boundary in its original text (and so must here).
    pub starts_word: bool,
    /// Whether it ended at one.
    pub ends_word: bool,
    /// Where the quote is expected (bytes): its remembered position, clamped to this text.
    pub expected: usize,
    /// Whether that position was remembered (else it is the text's start and says nothing).
    pub positioned: bool,
    combined: String,
    context_words: Vec<ContextWord>,
}

impl<'a, 't> Search<'a, 't> {
    pub(super) fn new(
        text: &'t str,
        words: &'a OnceCell<WordIndex>,
        (prefix, quote, suffix): (&'a str, &'a str, &'a str),
        expected: usize,
    ) -> Self {
        let prefix = last_chars(prefix, CONTEXT_CHARS);
        let suffix = first_chars(suffix, CONTEXT_CHARS);
        let meets_word = |a: Option<char>, b: Option<char>| a.is_some_and(is_word_char) && b.is_some_and(is_word_char);
        let starts_word = !meets_word(prefix.chars().next_back(), quote.chars().next());
        let ends_word = !meets_word(quote.chars().next_back(), suffix.chars().next());
        // A side across a line break from the quote is no evidence (see `prefix_line`), unless the quote is a
        // whole line (a headline, a menu item): then its neighbouring lines are all there is, and both are asked.
        // Only marks (an opening quotation mark, a list dash, a full stop) between the quote and a line break.
        let no_word = |s: &str| !s.chars().any(char::is_alphanumeric);
        // The text's start and end are line breaks too (a menu's last item has no line after it), when the other
        // side says that the context was not simply left out.
        let (text_start, text_end) = (prefix.is_empty() && !suffix.is_empty(), suffix.is_empty() && !prefix.is_empty());
        let starts_line = text_start || prefix.rsplit_once(is_line_break).is_some_and(|(_, rest)| no_word(rest));
        let ends_line = text_end || suffix.split_once(is_line_break).is_some_and(|(rest, _)| no_word(rest));
        // A sentence's start mid-paragraph is like a line's: the sentence deleted, the next one beginning with
        // the same word (`[He] said …` / `He also said …`) stands after the whole remembered prefix. For a quote
        // that also ends its line, the prefix stays the evidence, as for any quote ending a line.
        let starts_sentence = !starts_line && starts_a_sentence(prefix, quote);
        let (prefix_line, suffix_line) = match (starts_line, starts_sentence, ends_line) {
            (true, _, false) | (false, true, false) => ("", suffix),
            (false, _, true) => (prefix, ""),
            _ => (prefix, suffix),
        };
        let combined = format!("{prefix}{quote}{suffix}");
        let (quote_start, quote_end) = (prefix.len(), prefix.len() + quote.len());
        let context_words = word_ranges(&combined)
            .into_iter()
            // A word cut by the context's fixed length is not a whole word; an empty side means the text's end.
            .filter(|&(s, e)| (s > 0 || prefix.is_empty()) && (e < combined.len() || suffix.is_empty()))
            .map(|(s, e)| ContextWord {
                range: (s, e),
                delta: s as isize - quote_start as isize,
                place: if e <= quote_start {
                    Place::Prefix
                } else if s >= quote_end {
                    Place::Suffix
                } else if s >= quote_start && e <= quote_end {
                    Place::Quote
                } else {
                    Place::Across
                },
            })
            .collect();
        Search {
            text,
            words,
            quote,
            prefix,
            suffix,
            prefix_line,
            suffix_line,
            whole_line: starts_line && ends_line,
            text_start,
            text_end,
            starts_word,
            ends_word,
            expected,
            positioned: true,
            combined,
            context_words,
        }
    }

    fn index(&self) -> &WordIndex {
        self.words.get_or_init(|| WordIndex::new(self.text))
    }

    pub(super) fn word(&self, word: &ContextWord) -> &str {
        self.combined.get(word.range.0..word.range.1).unwrap_or("")
    }

    /// Whole words of the quote (not cut by its ends), rarest in the text first, absent ones included.
    pub(super) fn quote_words_by_rarity(&self) -> Vec<(ContextWord, usize)> {
        self.by_rarity(|place| place == Place::Quote)
    }

    /// The rarest word present in the text for each place in `places`.
    pub(super) fn rarest_present(&self, places: &[Place]) -> Vec<ContextWord> {
        places
            .iter()
            .filter_map(|&p| self.by_rarity(|place| place == p).into_iter().find(|&(_, count)| count > 0))
            .map(|(word, _)| word)
            .collect()
    }

    fn by_rarity(&self, keep: impl Fn(Place) -> bool) -> Vec<(ContextWord, usize)> {
        let mut words: Vec<(ContextWord, usize)> = self
            .context_words
            .iter()
            .filter(|w| keep(w.place))
            .map(|&w| (w, self.index().count(self.word(&w))))
            .collect();
        sidenote_extract::sort_stable_by_key(&mut words, |&(w, count)| (count, w.range));
        words
    }

    /// Where the quote would start if it sits next to `word` as it did: at most `limit` guesses, from the
    /// occurrences of the word nearest the expected place.
    pub(super) fn predicted_starts(&self, word: &ContextWord, limit: usize) -> Vec<usize> {
        let around = (self.expected as isize + word.delta).max(0) as usize;
        self.index()
            .nearest(self.word(word), around, limit)
            .iter()
            .filter_map(|&p| usize::try_from(p as isize - word.delta).ok())
            .filter(|&start| start <= self.text.len())
            .map(|start| floor_char(self.text, start))
            .collect()
    }

    /// Whether a placement begins and ends the way the original did (at a word boundary or inside a word).
    pub(super) fn shape_matches(&self, start: usize, end: usize) -> bool {
        is_boundary(self.text, start) == self.starts_word && is_boundary(self.text, end) == self.ends_word
    }

    /// How similar the context is around a placement: what ranks occurrences.
    pub(super) fn context_fit(&self, start: usize, end: usize) -> ContextFit {
        context_fit(self.text, start, end, self.prefix, self.suffix)
    }

    /// How similar the evidential sides of the context (see `prefix_line`) are around a placement: what
    /// makes one believable.
    pub(super) fn evidence_fit(&self, start: usize, end: usize) -> ContextFit {
        context_fit(self.text, start, end, self.prefix_line, self.suffix_line)
    }

    /// Characters of the evidential sides (see `prefix_line`) that agree exactly around a placement: the
    /// evidence that it is the noted occurrence, where `agreeing_context` only ranks.
    pub(super) fn agreeing_in_line(&self, start: usize, end: usize) -> usize {
        let (prefix_agree, suffix_agree) = self.agreeing_sides(start, end);
        prefix_agree.min(self.prefix_line.chars().count()) + suffix_agree.min(self.suffix_line.chars().count())
    }

    /// Whether the prefix and the suffix are evidence at all (see `prefix_line`): a side across a line break
    /// from the quote is not, unless the quote is a whole line.
    pub(super) fn evidential_sides(&self) -> (bool, bool) {
        (!self.prefix_line.is_empty() || self.prefix.is_empty(), !self.suffix_line.is_empty() || self.suffix.is_empty())
    }

    /// Whether the quote's own line stands whole around a placement: each side agrees verbatim up to a line
    /// break that stands there too (the remembered one, within the context), with at least `min_chars`
    /// characters of the line besides the quote. A line moved among others (`[The presidential] body swerve`
    /// in a shuffled page) has only its own line for context.
    pub(super) fn own_line_stands(&self, start: usize, end: usize, min_chars: usize) -> bool {
        let (Some((_, prefix_own)), Some((suffix_own, _))) =
            (self.prefix.rsplit_once(is_line_break), self.suffix.split_once(is_line_break))
        else {
            return false;
        };
        let (prefix_chars, suffix_chars) = (prefix_own.chars().count(), suffix_own.chars().count());
        let (prefix_agree, suffix_agree) = self.agreeing_sides(start, end);
        // The line breaks themselves, not a space (which `same_char` lets agree with one).
        let before = self.text.get(..start).unwrap_or("").chars().rev().nth(prefix_chars);
        let after = self.text.get(end..).unwrap_or("").chars().nth(suffix_chars);
        prefix_agree >= prefix_chars
            && suffix_agree >= suffix_chars
            && before.is_some_and(is_line_break)
            && after.is_some_and(is_line_break)
            && prefix_chars + suffix_chars >= min_chars
    }

    /// Whether a placement of a whole line that started (or ended) the text is a whole line there too: near the
    /// text's edge or a line's (`Contact us` ending a menu is not the start of `Contact us if you have a story
    /// to tell.`). The edge is read as a remembered side holding only a line break, and a placement may have
    /// as much more on that side of its line as a side of context may differ (`ACROSS_MIN_SIDE` of its
    /// `CONTEXT_CHARS`: a few words typed before a page's first line leave it that line).
    pub(super) fn edges_hold(&self, start: usize, end: usize) -> bool {
        let added = (CONTEXT_CHARS as f64 * (1.0 - ACROSS_MIN_SIDE)) as usize;
        // Read at most this many characters towards the line's edge: reading to the edge itself was a scan of
        // the whole text per placement in a text without line breaks (a transcript pasted as one line). A line
        // with more white space than this beside its words counts as long, so the placement is refused.
        let limit = added + 2 * CONTEXT_CHARS;
        let short = |line: &mut dyn Iterator<Item = char>| {
            let seen: String = line.take_while(|&c| !is_line_break(c)).take(limit + 1).collect();
            seen.chars().count() <= limit && seen.trim().chars().count() <= added
        };
        let before = || self.text.get(..start).unwrap_or("").chars().rev();
        let after = || self.text.get(end..).unwrap_or("").chars();
        !self.whole_line || ((!self.text_start || short(&mut before())) && (!self.text_end || short(&mut after())))
    }

    /// Whether one evidential side (see `prefix_line`) stands beside a placement only in part, verbatim, while
    /// the other is unlike the remembered one: `his predecessor, [Rolf Ekdahl] whose stand` for `… thanked his
    /// predecessor, [Rolf Ekdahl], for ten years`. A side stands when `stands_chars` of its characters next
    /// to the words agree (all of it when shorter); a side is unlike below `unlike` similarity, and is judged
    /// only when it has `judged_chars` characters or more (a quote at a line's edge has one side of evidence,
    /// and that is asked elsewhere).
    pub(super) fn one_side_in_part_and_other_unlike(
        &self,
        (start, end): (usize, usize),
        stands_chars: usize,
        judged_chars: usize,
        unlike: f64,
    ) -> bool {
        if self.prefix_line.chars().count() < judged_chars || self.suffix_line.chars().count() < judged_chars {
            return false;
        }
        let (prefix_agree, suffix_agree) = self.agreeing_sides(start, end);
        // Within the quote's own line, a whole side is all there is: `The Guardian [- Back] to home` in a menu
        // whose neighbouring lines moved stands on ` to home`.
        let own_line = |side: &str| side.chars().count();
        let prefix_own = own_line(self.prefix_line.rsplit(is_line_break).next().unwrap_or(""));
        let suffix_own = own_line(self.suffix_line.split(is_line_break).next().unwrap_or(""));
        let stands = |agree: usize, own: usize| agree >= own.min(stands_chars);
        let prefix_unlike = context_fit(self.text, start, end, self.prefix_line, "").best_side < unlike;
        let suffix_unlike = context_fit(self.text, start, end, "", self.suffix_line).best_side < unlike;
        (prefix_unlike && !stands(suffix_agree, suffix_own)) || (suffix_unlike && !stands(prefix_agree, prefix_own))
    }

    /// Whether the side across a line break (one `prefix_line` leaves out) agrees verbatim, all of it. Not
    /// evidence alone, but support for a quote whose own line was edited next to it (`[The] The Davis Cup`, a
    /// word doubled after a paragraph's first).
    pub(super) fn across_agrees(&self, start: usize, end: usize) -> bool {
        let (prefix_agree, suffix_agree) = self.agreeing_sides(start, end);
        let whole = |side: &str, agree: usize| !side.is_empty() && agree == side.chars().count();
        (self.prefix_line.is_empty() && whole(self.prefix, prefix_agree))
            || (self.suffix_line.is_empty() && whole(self.suffix, suffix_agree))
    }

    /// Characters of context that agree exactly, outwards from the quote on both sides (cheap ranking).
    pub(super) fn agreeing_context(&self, start: usize, end: usize) -> usize {
        let (prefix_agree, suffix_agree) = self.agreeing_sides(start, end);
        prefix_agree + suffix_agree
    }

    /// Characters of the prefix that agree exactly, outwards from `start`, and of the suffix from `end`.
    pub(super) fn agreeing_sides(&self, start: usize, end: usize) -> (usize, usize) {
        let before = self.text.get(..start).unwrap_or("").chars().rev();
        let prefix_agree = before.zip(self.prefix.chars().rev()).take_while(|&(a, b)| same_char(a, b)).count();
        let after = self.text.get(end..).unwrap_or("").chars();
        let suffix_agree = after.zip(self.suffix.chars()).take_while(|&(a, b)| same_char(a, b)).count();
        (prefix_agree, suffix_agree)
    }

    /// Characters of context remembered in all.
    pub(super) fn context_chars(&self) -> usize {
        self.prefix.chars().count() + self.suffix.chars().count()
    }
}

/// Whether `prefix` ends a sentence right before `quote` (a full stop, question or exclamation mark, maybe a
/// closing quotation mark or bracket, then a space, and the quote starting with a capital). A full stop after
/// one letter or a short capitalised word (`U.S.`, `Mr.`, `Gen.`) is taken for an abbreviation's, not a
/// sentence's: missing a sentence start only keeps the prefix as evidence, as before.
fn starts_a_sentence(prefix: &str, quote: &str) -> bool {
    let spaced = prefix.trim_end_matches(char::is_whitespace);
    let closed = spaced.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']', '\u{bb}']);
    let capital = quote.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase);
    if spaced.len() == prefix.len() || !capital {
        return false;
    }
    match closed.strip_suffix('.') {
        // An ellipsis before a capital ends a sentence (a teaser cut off: `may soon... [Indian-origin] man`).
        Some(before) if before.ends_with("..") => true,
        Some(before) => {
            let word: Vec<char> = before.chars().rev().take_while(|c| c.is_alphanumeric()).collect();
            let abbreviation = word.len() <= 1 || (word.len() <= 3 && word.last().is_some_and(|c| c.is_uppercase()));
            !abbreviation
        }
        None => closed.ends_with(['?', '!', '\u{2026}']),
    }
}

/// A character that ends a line (and so, in a text copied from a page, a paragraph or a menu item).
pub(super) fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Characters that count as the same when comparing words and context: equal, or both white space (a
/// reflowed line turns a space into a line break without changing the words).
pub(super) fn same_char(a: char, b: char) -> bool {
    a == b || (a.is_whitespace() && b.is_whitespace())
}

/// The last `n` characters of `s`.
pub(super) fn last_chars(s: &str, n: usize) -> &str {
    let from = s.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    if n == 0 {
        return "";
    }
    s.get(from..).unwrap_or("")
}

/// The first `n` characters of `s`.
pub(super) fn first_chars(s: &str, n: usize) -> &str {
    let to = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    s.get(..to).unwrap_or("")
}

pub(super) fn floor_char(text: &str, mut byte: usize) -> usize {
    byte = byte.min(text.len());
    while byte > 0 && !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

pub(super) fn ceil_char(text: &str, mut byte: usize) -> usize {
    byte = byte.min(text.len());
    while byte < text.len() && !text.is_char_boundary(byte) {
        byte += 1;
    }
    byte
}

/// The byte `n` characters before `byte` (or the start).
pub(super) fn chars_before(text: &str, byte: usize, n: usize) -> usize {
    let byte = floor_char(text, byte);
    if n == 0 {
        return byte;
    }
    text.get(..byte).unwrap_or("").char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i)
}

/// The byte `n` characters after `byte` (or the end).
pub(super) fn chars_after(text: &str, byte: usize, n: usize) -> usize {
    let byte = ceil_char(text, byte);
    text.get(byte..).unwrap_or("").char_indices().nth(n).map_or(text.len(), |(i, _)| byte + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_helpers_stay_on_boundaries() {
        let text = "a🙂bé";
        assert_eq!(last_chars(text, 2), "bé");
        assert_eq!(last_chars(text, 0), "");
        assert_eq!(last_chars(text, 9), text);
        assert_eq!(first_chars(text, 2), "a🙂");
        assert_eq!(floor_char(text, 3), 1);
        assert_eq!(ceil_char(text, 3), 5);
        assert_eq!(chars_before(text, text.len(), 2), 5);
        assert_eq!(chars_before(text, 5, 9), 0);
        assert_eq!(chars_after(text, 0, 2), 5);
        assert_eq!(chars_after(text, 5, 9), text.len());
    }

    #[test]
    fn a_sentence_start_is_told_from_an_abbreviation() {
        let cases: &[(&str, &str, bool)] = &[
            ("to discuss the bridge. ", "He", true),
            ("Was it over? ", "Nobody", true),
            ("it was \u{201c}done.\u{201d} ", "She", true),
            ("the state may soon... ", "Indian-origin", true),
            ("a long pause\u{2026} ", "Then", true),
            ("(see below.) ", "Talks", true),
            ("the bridge. ", "he", false),
            ("the bridge.", "He", false),
            ("to the U.S. ", "Senate", false),
            ("met Mr. ", "Smith", false),
            ("Gen. ", "Milley", false),
            ("by J. ", "Smith", false),
            ("in 2019, ", "Lavrov", false),
            ("the end. ", "2019", false),
        ];
        for &(prefix, quote, expected) in cases {
            assert_eq!(starts_a_sentence(prefix, quote), expected, "{prefix:?} [{quote}]");
        }
    }

    #[test]
    fn words_are_placed_relative_to_the_quote() {
        let text = "x";
        let index = OnceCell::new();
        let search = Search::new(text, &index, ("cut word and Mos", "cow said", " it again"), 0);
        let described: Vec<(&str, Place, isize)> =
            search.context_words.iter().map(|w| (search.word(w), w.place, w.delta)).collect();
        assert_eq!(
            described,
            [
                ("word", Place::Prefix, -12),
                ("and", Place::Prefix, -7),
                ("Moscow", Place::Across, -3),
                ("said", Place::Quote, 4),
                ("it", Place::Suffix, 9)
            ]
        );
        assert!(!search.starts_word && search.ends_word);
    }
}
