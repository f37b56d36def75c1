//! The words of a text: what counts as a word character, where words begin and end, and an index from each
//! word to where it occurs. The index is built once per text, so that anchoring many targets on it looks
//! words up instead of rescanning the text for each target.

use std::collections::HashMap;

/// Letters and digits, plus the marks and joiners that continue a word ("é́", "co\u{AD}op", "👩‍🔬" joiners),
/// so that a word-aligned match never starts between a letter and its accent.
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c,
            '\u{AD}' | '\u{200C}' | '\u{200D}'
            | '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}')
}

/// Whether byte `at` of `text` lies between words (or at an end) rather than inside a word.
pub(super) fn is_boundary(text: &str, at: usize) -> bool {
    let before = text.get(..at).and_then(|s| s.chars().next_back());
    let after = text.get(at..).and_then(|s| s.chars().next());
    !(before.is_some_and(is_word_char) && after.is_some_and(is_word_char))
}

/// The byte ranges of the words (maximal runs of word characters) of `s`.
pub(super) fn word_ranges(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run_start = None;
    for (i, c) in s.char_indices() {
        match (is_word_char(c), run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(start)) => {
                out.push((start, i));
                run_start = None;
            }
            _ => {}
        }
    }
    if let Some(start) = run_start {
        out.push((start, s.len()));
    }
    out
}

/// Every word of a text and the byte offsets where it starts, in increasing order. It owns its words (each
/// distinct word once), so that an anchorer can keep the index of a text it made itself (the folded copy,
/// `fold.rs`) beside that text. Keyed by `String` as the extractor's map of role mentions is, so that the Wasm
/// holds one copy of the map's code for both.
pub(super) struct WordIndex {
    positions: HashMap<String, Vec<usize>>,
}

impl WordIndex {
    /// Indexes `text` in one pass.
    pub(super) fn new(text: &str) -> Self {
        let mut positions: HashMap<String, Vec<usize>> = HashMap::new();
        for (start, end) in word_ranges(text) {
            let Some(word) = text.get(start..end) else { continue };
            // A word seen before is found without copying it; only a new word is copied.
            match positions.get_mut(word) {
                Some(starts) => starts.push(start),
                None => positions.entry(word.to_string()).or_default().push(start),
            }
        }
        WordIndex { positions }
    }

    /// How often `word` occurs as a whole word.
    pub(super) fn count(&self, word: &str) -> usize {
        self.positions.get(word).map_or(0, Vec::len)
    }

    /// At most `limit` starts of `word`, those nearest to byte `around`.
    pub(super) fn nearest(&self, word: &str, around: usize, limit: usize) -> &[usize] {
        let Some(all) = self.positions.get(word) else { return &[] };
        if all.len() <= limit {
            return all;
        }
        let at = all.partition_point(|&p| p < around);
        let first = at.saturating_sub(limit / 2).min(all.len() - limit);
        &all[first..first + limit]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_include_their_marks_and_stop_at_punctuation() {
        let text = "é\u{301}té, co\u{AD}op 👩\u{200D}🔬 Moscou's";
        let words: Vec<&str> = word_ranges(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(words, ["é\u{301}té", "co\u{AD}op", "\u{200D}", "Moscou", "s"]);
        assert!(is_boundary(text, 0));
        assert!(!is_boundary(text, 2), "between é and its accent");
        assert!(is_boundary(text, text.len()));
    }

    #[test]
    fn nearest_occurrences_surround_the_expected_place() {
        let text = "a b a b a b a b a b a";
        let index = WordIndex::new(text);
        assert_eq!(index.count("a"), 6);
        assert_eq!(index.nearest("a", 10, 2), &[8, 12]);
        assert_eq!(index.nearest("a", 0, 2), &[0, 4]);
        assert_eq!(index.nearest("a", 100, 2), &[16, 20]);
        assert!(index.nearest("c", 0, 2).is_empty());
    }
}
