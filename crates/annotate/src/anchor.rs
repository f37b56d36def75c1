//! Re-anchoring: finding an annotation's words again in a text that may have changed.
//!
//! A target remembers its words (`exact`), ~32 characters on each side (`prefix`, `suffix`) and where they
//! were (code points). On a text, in order:
//! 1. **exact**: the text at the remembered position still equals the words;
//! 2. **moved**: the words occur elsewhere; among all occurrences the best by prefix/suffix agreement, then
//!    by distance from where they were (scaled to the new text's length);
//! 3. **fuzzy**: an approximate match (edit distance at most a quarter of the words' length), searched near
//!    the expected place first and then, for short texts, everywhere;
//! 4. **orphan**: nowhere. Orphans keep their words and are listed, never dropped.
//!
//! Positions in targets are code points (W3C); the result is a byte span (the core's unit).

use serde::{Deserialize, Serialize};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::Span;

/// Where an annotation's words were: a W3C `TextQuoteSelector` plus `TextPositionSelector` (code points).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TextTarget {
    /// The annotated words.
    pub exact: String,
    /// Up to ~32 characters before them.
    pub prefix: String,
    /// Up to ~32 characters after them.
    pub suffix: String,
    /// Code-point offset of the first character, if known.
    pub start: Option<usize>,
    /// Code-point offset one past the last character, if known.
    pub end: Option<usize>,
}

/// How many characters of context a target keeps on each side.
pub const CONTEXT_CHARS: usize = 32;

impl TextTarget {
    /// The target of `span` in `text` (byte span; positions stored in code points).
    pub fn of(text: &str, index: &OffsetIndex, span: Span) -> Self {
        let start = index.byte_to_char(span.start).unwrap_or(0);
        let end = index.byte_to_char(span.end).unwrap_or(start);
        let prefix_start = index.char_to_byte(start.saturating_sub(CONTEXT_CHARS)).unwrap_or(0);
        let suffix_end = index.char_to_byte((end + CONTEXT_CHARS).min(index.len_chars())).unwrap_or(text.len());
        TextTarget {
            exact: span.slice(text).to_string(),
            prefix: Span::new(prefix_start, span.start).slice(text).to_string(),
            suffix: Span::new(span.end, suffix_end).slice(text).to_string(),
            start: Some(start),
            end: Some(end),
        }
    }
}

/// How an annotation was found on a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum AnchorStatus {
    /// At its remembered position, unchanged.
    Exact,
    /// The same words, elsewhere.
    Moved,
    /// Similar words (some characters changed).
    Fuzzy,
    /// Not found; the annotation keeps its words and waits to be re-attached.
    Orphan,
}

impl AnchorStatus {
    /// The lower-case name used in files and the UI.
    pub fn label(self) -> &'static str {
        match self {
            AnchorStatus::Exact => "exact",
            AnchorStatus::Moved => "moved",
            AnchorStatus::Fuzzy => "fuzzy",
            AnchorStatus::Orphan => "orphan",
        }
    }
}

/// The result of anchoring one target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchored {
    /// Where the words are now (bytes), unless orphaned.
    pub span: Option<Span>,
    /// How they were found.
    pub status: AnchorStatus,
}

/// The largest share of a quote's characters that a fuzzy match may get wrong.
const FUZZY_ERROR_SHARE: f64 = 0.25;
/// Texts up to this many characters are searched everywhere when a fuzzy match is not found nearby.
const FULL_FUZZY_SEARCH_CHARS: usize = 200_000;

/// Finds `target` in `text`.
pub fn anchor(text: &str, index: &OffsetIndex, target: &TextTarget) -> Anchored {
    let orphan = Anchored { span: None, status: AnchorStatus::Orphan };
    if target.exact.is_empty() {
        return orphan;
    }
    // 1. Exact position.
    if let (Some(start), Some(end)) = (target.start, target.end) {
        if let (Some(s), Some(e)) = (index.char_to_byte(start), index.char_to_byte(end)) {
            if s <= e && text.get(s..e) == Some(target.exact.as_str()) {
                return Anchored { span: Some(Span::new(s, e)), status: AnchorStatus::Exact };
            }
        }
    }
    let expected_byte = expected_position(text, index, target);
    // 2. Exact quote elsewhere: first near where it was (cheap on long texts), then everywhere.
    let near = Span::new(
        floor_char(text, expected_byte.saturating_sub(NEAR_BYTES + text.len() / 50)),
        ceil_char(text, (expected_byte + target.exact.len() + NEAR_BYTES + text.len() / 50).min(text.len())),
    );
    let full_context = target.prefix.chars().count() + target.suffix.chars().count();
    let near_best = best_occurrence(text, near, target, expected_byte);
    let best = match near_best {
        Some((score, start)) if score >= full_context as i64 * CONTEXT_WEIGHT - DISTANCE_SLACK => Some((score, start)),
        _ => best_occurrence(text, Span::new(0, text.len()), target, expected_byte).or(near_best),
    };
    if let Some((_, start)) = best {
        return Anchored { span: Some(Span::new(start, start + target.exact.len())), status: AnchorStatus::Moved };
    }
    // 3. Approximate.
    let pattern: Vec<char> = target.exact.chars().collect();
    let max_errors = ((pattern.len() as f64) * FUZZY_ERROR_SHARE).floor() as usize;
    if max_errors == 0 {
        return orphan;
    }
    let window = (pattern.len() * 4).max(2_000) + text.len() / 20;
    let near = Span::new(
        floor_char(text, expected_byte.saturating_sub(window)),
        ceil_char(text, (expected_byte + window).min(text.len())),
    );
    let found = fuzzy_find(text, near, &pattern, max_errors, &target.suffix).or_else(|| {
        (index.len_chars() <= FULL_FUZZY_SEARCH_CHARS)
            .then(|| fuzzy_find(text, Span::new(0, text.len()), &pattern, max_errors, &target.suffix))
            .flatten()
    });
    match found {
        Some(span) => Anchored { span: Some(span), status: AnchorStatus::Fuzzy },
        None => orphan,
    }
}

/// Anchors many targets on one text (temporary shim: the shared index comes next).
pub struct Anchorer<'t> {
    text: &'t str,
    index: &'t OffsetIndex,
}

impl<'t> Anchorer<'t> {
    /// An anchorer for `text`.
    pub fn new(text: &'t str, index: &'t OffsetIndex) -> Self {
        Anchorer { text, index }
    }

    /// Finds `target`.
    pub fn anchor(&self, target: &TextTarget) -> Anchored {
        anchor(self.text, self.index, target)
    }
}

fn floor_char(text: &str, mut byte: usize) -> usize {
    while byte > 0 && !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

fn ceil_char(text: &str, mut byte: usize) -> usize {
    while byte < text.len() && !text.is_char_boundary(byte) {
        byte += 1;
    }
    byte
}

/// How far around the expected position the first, cheap search looks.
const NEAR_BYTES: usize = 4_096;
/// Each character of agreeing context is worth this much in ranking occurrences…
const CONTEXT_WEIGHT: i64 = 64;
/// …and each byte of distance from the expected position costs one, so 64 bytes of distance weigh as
/// much as one agreeing character. A near occurrence this close to full agreement ends the search.
const DISTANCE_SLACK: i64 = 2_048;

/// The best occurrence of the exact words inside `area`: (ranking score, start byte).
fn best_occurrence(text: &str, area: Span, target: &TextTarget, expected_byte: usize) -> Option<(i64, usize)> {
    let haystack = area.slice(text);
    let mut best: Option<(i64, usize)> = None;
    for (offset, _) in haystack.match_indices(target.exact.as_str()) {
        let start = area.start + offset;
        let context = context_score(text, start, start + target.exact.len(), target) as i64;
        let distance = start.abs_diff(expected_byte) as i64;
        let score = context * CONTEXT_WEIGHT - distance;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, start));
        }
    }
    best
}

/// Where the words should be in the new text: their old position, clamped to the new text. Edits
/// elsewhere shift it a little, which the distance ranking and the fuzzy window allow for.
fn expected_position(text: &str, index: &OffsetIndex, target: &TextTarget) -> usize {
    let start = target.start.unwrap_or(0).min(index.len_chars());
    floor_char(text, index.char_to_byte(start).unwrap_or(text.len()))
}

/// How many characters of the prefix (from its end) and suffix (from its start) agree with the text.
fn context_score(text: &str, start: usize, end: usize, target: &TextTarget) -> usize {
    let before = text[..start].chars().rev();
    let prefix_agree = before.zip(target.prefix.chars().rev()).take_while(|(a, b)| a == b).count();
    let after = text[end..].chars();
    let suffix_agree = after.zip(target.suffix.chars()).take_while(|(a, b)| a == b).count();
    prefix_agree + suffix_agree
}

/// Sellers' approximate substring search over `area`: the span ending where the edit distance to
/// `pattern` is smallest (at most `max_errors`), with its start recovered by a second, reversed pass.
fn fuzzy_find(text: &str, area: Span, pattern: &[char], max_errors: usize, suffix: &str) -> Option<Span> {
    let hay: Vec<(usize, char)> = area.slice(text).char_indices().map(|(i, c)| (area.start + i, c)).collect();
    let m = pattern.len();
    if hay.is_empty() || m == 0 {
        return None;
    }
    let mut column: Vec<usize> = (0..=m).collect();
    let mut best_cost = usize::MAX;
    let mut best_ends: Vec<usize> = Vec::new();
    for (j, &(_, ch)) in hay.iter().enumerate() {
        let mut diagonal = column[0];
        column[0] = 0; // a match may start anywhere
        for i in 1..=m {
            let substitution = diagonal + usize::from(pattern[i - 1] != ch);
            let next = substitution.min(column[i] + 1).min(column[i - 1] + 1);
            diagonal = column[i];
            column[i] = next;
        }
        if column[m] < best_cost {
            best_cost = column[m];
            best_ends.clear();
        }
        if column[m] == best_cost {
            best_ends.push(j);
        }
    }
    if best_cost > max_errors {
        return None;
    }
    // Equally good ends ("the talks were " and "the talks were now over" for "the talks were over"):
    // the one followed by the remembered suffix wins.
    let suffix_agreement =
        |j: usize| hay[j + 1..].iter().map(|&(_, c)| c).zip(suffix.chars()).take_while(|(a, b)| a == b).count();
    let best_end = best_ends.iter().copied().max_by_key(|&j| (suffix_agreement(j), std::cmp::Reverse(j)))?;
    // The start: search the reversed pattern backwards from the best end.
    let window_start = best_end.saturating_sub(m + max_errors);
    let mut column: Vec<usize> = (0..=m).collect();
    let (mut start_cost, mut best_start) = (usize::MAX, best_end);
    for j in (window_start..=best_end).rev() {
        let ch = hay[j].1;
        let mut diagonal = column[0];
        column[0] = if j == best_end { 0 } else { column[0] + 1 };
        for i in 1..=m {
            let substitution = diagonal + usize::from(pattern[m - i] != ch);
            let next = substitution.min(column[i] + 1).min(column[i - 1] + 1);
            diagonal = column[i];
            column[i] = next;
        }
        if column[m] <= start_cost {
            start_cost = column[m];
            best_start = j;
        }
    }
    let end_byte = hay[best_end].0 + hay[best_end].1.len_utf8();
    Some(Span::new(hay[best_start].0, end_byte))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target_of(text: &str, words: &str) -> TextTarget {
        let start = text.find(words).expect("words in text");
        TextTarget::of(text, &OffsetIndex::new(text), Span::new(start, start + words.len()))
    }

    fn anchored(text: &str, target: &TextTarget) -> (Option<String>, AnchorStatus) {
        let a = anchor(text, &OffsetIndex::new(text), target);
        (a.span.map(|s| s.slice(text).to_string()), a.status)
    }

    #[test]
    fn table_of_anchoring() {
        let original = "🙂 Intro line.\nSergei Lavrov said the talks were over. Lavrov left Moscow on Monday.";
        let target = target_of(original, "the talks were over");
        let cases: &[(&str, Option<&str>, AnchorStatus)] = &[
            (original, Some("the talks were over"), AnchorStatus::Exact),
            (
                "New headline added here!\n🙂 Intro line.\nSergei Lavrov said the talks were over. Lavrov left.",
                Some("the talks were over"),
                AnchorStatus::Moved,
            ),
            (
                "🙂 Intro line.\nSergei Lavrov said the talks were now over. Lavrov left Moscow.",
                Some("the talks were now over"),
                AnchorStatus::Fuzzy,
            ),
            ("Nothing of the kind is in this text at all, not even close to it.", None, AnchorStatus::Orphan),
        ];
        for (text, words, status) in cases {
            assert_eq!(anchored(text, &target), (words.map(str::to_string), *status), "{text}");
        }
    }

    #[test]
    fn repeated_words_are_told_apart_by_context() {
        let text = "He said yes. Later, in Paris, he said yes. Then in Rome he said yes.";
        let second = text.find("in Paris, he said yes").expect("present") + "in Paris, ".len();
        let index = OffsetIndex::new(text);
        let mut target = TextTarget::of(text, &index, Span::new(second, second + "he said yes".len()));
        target.start = None;
        target.end = None;
        let edited = format!("Preface. {text}");
        let a = anchor(&edited, &OffsetIndex::new(&edited), &target);
        assert_eq!(a.status, AnchorStatus::Moved);
        assert_eq!(a.span.map(|s| s.start), Some(second + "Preface. ".len()));
    }
}
