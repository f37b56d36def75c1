//! Stage 2, "moved": the same words elsewhere in the text. Occurrences are looked up through the word
//! index (never by rescanning the text), ranked by agreeing context and then by distance from where the
//! words were, and accepted only with evidence that they are the same words, not the same spelling. A far
//! occurrence loses to the original's context still standing near the expected place: it is a copy.

use sidenote_extract::Span;

use super::search::{ceil_char, first_chars, floor_char, last_chars, Place, Search};
use super::SHORT_QUOTE_CHARS;

/// At most this many occurrences of the quote's rarest word are checked (the nearest to the expected place)…
const MAX_CANDIDATES: usize = 512;
/// …plus the places predicted by this many occurrences of each rarest context word, which find the quote
/// after a long shift even when its own words are everywhere ("the", "said").
const CONTEXT_CANDIDATES: usize = 64;
/// A quote without a whole word of its own (a piece of a word, punctuation) is looked for this far around
/// the expected place only.
const SCAN_BYTES: usize = 16_384;
/// Each exactly agreeing character of context is worth this many bytes of distance in ranking occurrences.
const CONTEXT_WEIGHT: i64 = 64;
/// This many exactly agreeing characters of context are enough evidence by themselves.
const ENOUGH_AGREEING_CHARS: usize = 8;
/// Otherwise the context must be this similar on one side (edit distance, so an inserted word is tolerated).
const MIN_SIDE_SIMILARITY: f64 = 0.5;

/// Occurrences ranked by exact agreement are shortlisted to this many (plus the two nearest the expected
/// place), then re-ranked by context similarity, which costs more.
const SHORTLIST: usize = 4;
/// In the final ranking, full context similarity is worth this many doublings of the distance from the
/// expected place. Distance counts logarithmically: a shift of 3 KB (an inserted paragraph) must not lose
/// to a chance occurrence next door with half-similar context, while a duplicate with intact context
/// (a headline repeated in the page) should lose to the original whose context lost a word nearby.
const SIMILARITY_WEIGHT: f64 = 24.0;

/// What the moved stage concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Moved {
    /// The annotated words, here.
    Found(Span),
    /// No believable occurrence.
    NotFound,
    /// The original's context is still recognisable within this many bytes of the expected place, but the
    /// words there changed or went: a copy farther away (a repeated headline, a menu) is not them, and a
    /// similar match must be this near.
    OriginalNear(usize),
}

/// The best occurrence is "far" when the original's context can be recognised this many times nearer.
const NEARER_FACTOR: usize = 4;
/// Occurrences nearer than this are never "far": edits nearby shift the words by a few dozen bytes.
const MIN_FAR_BYTES: usize = 64;
/// The original's context is looked for at most this far around the expected place (bounded work).
const MAX_NEAR_BYTES: usize = 4096;
/// A side of context is recognised by this many of its characters next to the quote, verbatim (16 let
/// menus' repeated lines pass for the original after a 3 KB shift; 24 and 32 placed as well on the random
/// edits, and 24 still tolerates an edit at the far end of a side)…
const RECOGNISED_CHARS: usize = 24;
/// …or by all of it when shorter, if it has at least this many.
const MIN_RECOGNISED_CHARS: usize = 8;
/// Where a recognised side puts the quote may be off by this much (the quote itself was edited).
const SLACK_BYTES: usize = 16;
/// Bytes of the longest side of context (32 characters of up to 4 bytes).
const CONTEXT_BYTES: usize = 4 * super::CONTEXT_CHARS;

/// The quote's occurrence that is most likely the annotated one, if any is likely enough.
pub(super) fn find_moved(search: &Search<'_, '_>) -> Moved {
    let Some((mut occurrences, all_found)) = occurrences(search) else { return Moved::NotFound };
    let unique = all_found && occurrences.len() == 1;
    let Some(mut best) = best_occurrence(search, &occurrences, unique) else { return Moved::NotFound };
    if !search.positioned {
        return Moved::Found(best);
    }
    // A far occurrence while the original's context is still near: the words were edited or deleted there
    // and this is a copy (pages repeat headlines and menus). A nearer believable occurrence wins (asked the
    // same in turn, as it may be a nearer copy; the radius shrinks each time, so this ends quickly); else
    // the fuzzy stage may look near the original only.
    loop {
        let distance = best.start.abs_diff(search.expected);
        let radius = (distance / NEARER_FACTOR).min(MAX_NEAR_BYTES);
        if distance < MIN_FAR_BYTES || !original_context_near(search, radius) {
            return Moved::Found(best);
        }
        occurrences.retain(|&start| start.abs_diff(search.expected) <= radius);
        match best_occurrence(search, &occurrences, unique) {
            Some(near) => best = near,
            None => return Moved::OriginalNear(radius),
        }
    }
}

/// Whether a side of the target's context occurs verbatim where it would put the quote within `radius`
/// bytes of the expected place (give or take `SLACK_BYTES`, for the quote's own edits). A bounded scan: at
/// most twice `MAX_NEAR_BYTES` plus the quote.
fn original_context_near(search: &Search<'_, '_>, radius: usize) -> bool {
    let (text, quote_len) = (search.text, search.quote.len());
    let reach = radius + SLACK_BYTES;
    let from = floor_char(text, search.expected.saturating_sub(reach + CONTEXT_BYTES));
    let to = ceil_char(text, search.expected.saturating_add(reach + quote_len + CONTEXT_BYTES));
    let Some(area) = text.get(from..to) else { return false };
    let near = |start: usize| start.abs_diff(search.expected) <= reach;
    let recognisable = |side: &str| side.chars().count() >= MIN_RECOGNISED_CHARS;
    let prefix = last_chars(search.prefix, RECOGNISED_CHARS);
    let suffix = first_chars(search.suffix, RECOGNISED_CHARS);
    // The quote starts right after the prefix, and ends right before the suffix.
    (recognisable(prefix) && area.match_indices(prefix).any(|(i, _)| near(from + i + prefix.len())))
        || (recognisable(suffix)
            && area.match_indices(suffix).any(|(i, _)| (from + i).checked_sub(quote_len).is_some_and(near)))
}

/// The best believable occurrence among `occurrences` (sorted starts); `unique` when the text holds no other.
fn best_occurrence(search: &Search<'_, '_>, occurrences: &[usize], unique: bool) -> Option<Span> {
    let length = search.quote.len();
    let distance = |start: usize| start.abs_diff(search.expected) as i64;
    // Cheap ranking first (exact agreement, then distance), keeping the nearest occurrences as well.
    // Each key computed once (as `sort_by_cached_key` does; it ends with the start, so keys are unique), then
    // sorted by the program's one stable sort.
    let mut ranked: Vec<(std::cmp::Reverse<i64>, usize)> = occurrences
        .iter()
        .map(|&start| {
            let context = search.agreeing_context(start, start + length) as i64;
            (std::cmp::Reverse(context * CONTEXT_WEIGHT - distance(start)), start)
        })
        .collect();
    sidenote_extract::sort_stable_by(&mut ranked, |a, b| a.cmp(b));
    let mut shortlist: Vec<usize> = ranked.into_iter().map(|(_, start)| start).collect();
    shortlist.truncate(SHORTLIST);
    let nearest = occurrences.partition_point(|&s| s < search.expected);
    shortlist.extend(occurrences.iter().skip(nearest.saturating_sub(1)).take(2));
    // Believable occurrences first; among them, similar context and nearness.
    let (_, _, best) = shortlist
        .iter()
        .map(|&start| {
            let span = Span::new(start, start + length);
            let (believable, similarity) = context_evidence(search, span);
            (
                believable,
                similarity * SIMILARITY_WEIGHT - (distance(start) as f64).ln_1p() / std::f64::consts::LN_2,
                start,
            )
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(b.2.cmp(&a.2)))?;
    let span = Span::new(best, best + length);
    let believable = context_evidence(search, span).0
        // Words specific enough on their own.
        || search.quote.chars().count() >= SHORT_QUOTE_CHARS
        // The only occurrence in the whole text.
        || unique;
    believable.then_some(span)
}

/// Whether the context around `span` (holding the exact words) agrees character for character, or there is
/// too little context to ask. Anything less is weighed against the other occurrences: a repeated word a few
/// characters away (a menu's "NBA" next to "NBA Home") has context that is *similar* after a small shift.
pub(super) fn context_agrees(search: &Search<'_, '_>, span: Span) -> bool {
    let context_chars = search.context_chars();
    context_chars < ENOUGH_AGREEING_CHARS || search.agreeing_context(span.start, span.end) == context_chars
}

/// Whether the context around `span` (holding the exact words) supports it, or there is no context to ask;
/// and how similar the context is overall (0–1).
pub(super) fn context_evidence(search: &Search<'_, '_>, span: Span) -> (bool, f64) {
    let context_chars = search.context_chars();
    let agreeing = search.agreeing_context(span.start, span.end);
    if context_chars < ENOUGH_AGREEING_CHARS {
        return (true, 1.0);
    }
    // Fully agreeing context needs no edit distance (the common case: a word shifted by edits elsewhere).
    if agreeing == context_chars {
        return (true, 1.0);
    }
    let fit = search.context_fit(span.start, span.end);
    (agreeing >= ENOUGH_AGREEING_CHARS || fit.best_side >= MIN_SIDE_SIMILARITY, fit.overall)
}

/// Starts of exact occurrences with the original's shape at both ends, and whether they are all of them.
/// `None` when the quote certainly does not occur.
fn occurrences(search: &Search<'_, '_>) -> Option<(Vec<usize>, bool)> {
    let (text, quote) = (search.text, search.quote);
    let mut starts = Vec::new();
    let mut all_found = false;
    match search.quote_words_by_rarity().first() {
        // A whole word of the quote is missing from the text, so the quote is too.
        Some(&(_, 0)) => return None,
        Some((word, count)) => {
            all_found = *count <= MAX_CANDIDATES;
            starts = search.predicted_starts(word, MAX_CANDIDATES);
        }
        None => {
            let from = floor_char(text, search.expected.saturating_sub(SCAN_BYTES));
            let to = ceil_char(text, search.expected.saturating_add(quote.len() + SCAN_BYTES));
            let area = text.get(from..to).unwrap_or("");
            starts.extend(area.match_indices(quote).take(MAX_CANDIDATES).map(|(i, _)| from + i));
        }
    }
    if !all_found {
        for word in search.rarest_present(&[Place::Prefix, Place::Suffix, Place::Across]) {
            starts.extend(search.predicted_starts(&word, CONTEXT_CANDIDATES));
        }
    }
    sidenote_extract::sort_numbers(&mut starts);
    starts.dedup();
    starts.retain(|&s| text.get(s..s + quote.len()) == Some(quote) && search.shape_matches(s, s + quote.len()));
    Some((starts, all_found))
}
