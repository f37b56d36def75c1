//! Stage 3, "fuzzy": similar words, word-aligned, near where the context or the quote's own words say they
//! should be. A candidate must start and end at word boundaries (as the original did), and is accepted
//! only when the evidence adds up: a short quote needs its context to agree, a longer one needs either
//! near-identical words or agreeing context. A wrong placement is worse than an orphan.
//!
//! The work per target is bounded: a fixed number of windows (around the expected place and the places
//! predicted by the rarest words of the quote and its context), each a few dozen characters wider than
//! the quote, and quotes longer than `LONG_QUOTE_CHARS` are matched by their ends and then verified.

use sidenote_extract::Span;

use super::changed_words;
use super::search::{chars_after, chars_before, first_chars, last_chars, same_char, Place, Search};
use super::similarity::{lines_found, trigram_similarity, ACROSS_MIN_SIDE};
use super::words::is_boundary;
use super::{CONTEXT_CHARS, SHORT_QUOTE_CHARS};

/// The largest share of a quote's characters that a fuzzy match may get wrong.
const ERROR_SHARE: f64 = 0.25;
/// Quotes longer than this are matched by their first and last `END_CHARS` characters.
pub(super) const LONG_QUOTE_CHARS: usize = 64;
const END_CHARS: usize = 32;
/// Occurrences of each predicting word used (the nearest to the expected place).
const SEEDS_PER_WORD: usize = 6;
/// How far (in characters, beyond the quote's allowed errors) a window reaches past a predicted start, so
/// that a word inserted or dropped between the context and the quote is still covered.
const SEED_SLACK_CHARS: usize = 16;
/// At most this many alignments are judged (by their edit distance, best first).
const MAX_JUDGED: usize = 24;
/// A short quote needs one side of its context this similar…
const SHORT_MIN_BEST_SIDE: f64 = 0.6;
/// …and both sides together this similar.
const SHORT_MIN_OVERALL: f64 = 0.4;
/// A longer quote needs one side of its context this similar.
const LONGER_MIN_BEST_SIDE: f64 = 0.5;
/// A long quote's span (from its head to its tail) may differ from the quote's length by this share…
const LONG_LENGTH_TOLERANCE: f64 = 0.25;
/// …and must share this share of character trigrams with the quote.
const LONG_MIN_SIMILARITY: f64 = 0.8;

/// An accepted placement and how good it is.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    span: Span,
    rank: f64,
}

/// The best believable approximate placement starting within `radius` bytes of the expected place, if any.
pub(super) fn find_fuzzy(search: &Search<'_, '_>, radius: usize) -> Option<Span> {
    // Similar words that say something else (another number, a negation more or less, another word in place
    // of one) are a correction of what the note was about, not its words. Refused before the best is chosen:
    // the closest alignment often trades the word before an insertion for the inserted one (`Jones branded`
    // → `[and branded]` in `Jones new and branded`), and the whole edited words are the next candidate.
    let believable = |c: &Candidate| {
        c.span.start.abs_diff(search.expected) <= radius
            && !changed_words::says_something_else(search.quote, c.span.slice(search.text))
    };
    if search.quote.chars().count() > LONG_QUOTE_CHARS {
        return best(by_ends(search).into_iter().filter(believable).collect()).map(|c| c.span);
    }
    best(candidates(search).into_iter().filter(believable).collect()).map(|c| c.span)
}

fn best(candidates: Vec<Candidate>) -> Option<Candidate> {
    candidates.into_iter().max_by(|a, b| a.rank.total_cmp(&b.rank).then(b.span.start.cmp(&a.span.start)))
}

/// Every believable word-aligned placement of the quote in the windows worth searching.
fn candidates(search: &Search<'_, '_>) -> Vec<Candidate> {
    let pattern: Vec<char> = search.quote.chars().collect();
    let max_errors = (pattern.len() as f64 * ERROR_SHARE).floor() as usize;
    // A quote whose every visible character may be wrong (` α  `: one letter among spaces) would match any
    // white space: no evidence of its words at all.
    let visible = pattern.iter().filter(|c| !c.is_whitespace()).count();
    if max_errors == 0 || visible <= max_errors {
        return Vec::new();
    }
    let mut alignments: Vec<(usize, Span)> = Vec::new();
    for window in windows(search, pattern.len(), max_errors) {
        alignments.extend(align(search, window, &pattern, max_errors));
    }
    sidenote_extract::sort_stable_by_key(&mut alignments, |&(cost, span)| {
        (cost, span.start.abs_diff(search.expected), span.start, span.end)
    });
    // The first (best) alignment of each span: positions sorted by span, stably, keep the first of each run
    // (no set of spans: one more hash table type in the Wasm).
    let mut by_span: Vec<usize> = (0..alignments.len()).collect();
    sidenote_extract::sort_stable_by(&mut by_span, |&x, &y| alignments[x].1.cmp(&alignments[y].1));
    let mut first_of_span = vec![false; alignments.len()];
    for (k, &at) in by_span.iter().enumerate() {
        let before = k.checked_sub(1).and_then(|b| by_span.get(b)).map(|&b| alignments[b].1);
        first_of_span[at] = before != Some(alignments[at].1);
    }
    let mut at = 0;
    alignments.retain(|_| {
        at += 1;
        first_of_span[at - 1]
    });
    alignments.truncate(MAX_JUDGED);
    alignments.into_iter().filter_map(|(cost, span)| judge(search, pattern.len(), cost, span)).collect()
}

/// Accepts a placement when its words and context together make it believable, and ranks it.
fn judge(search: &Search<'_, '_>, quote_chars: usize, cost: usize, span: Span) -> Option<Candidate> {
    let quote_similarity = 1.0 - cost as f64 / quote_chars as f64;
    let (context, evidence) = (search.context_fit(span.start, span.end), search.evidence_fit(span.start, span.end));
    let supported_across = search.across_agrees(span.start, span.end) && evidence.best_side >= ACROSS_MIN_SIDE;
    let believable = if (search.whole_line && context.worst_side < ACROSS_MIN_SIDE)
        || !lines_found(search.quote, span.slice(search.text))
    {
        false
    } else if quote_chars < SHORT_QUOTE_CHARS {
        (evidence.best_side >= SHORT_MIN_BEST_SIDE && evidence.overall >= SHORT_MIN_OVERALL) || supported_across
    } else {
        // Near-identical words alone once placed `initial public offering` on a menu's `Initial public
        // offerings` after the noted sentence was deleted; no right placement in the probe's edits needed it.
        evidence.best_side >= LONGER_MIN_BEST_SIDE
    };
    // Distance only breaks near-ties: it is a share of the text, weighed lightly.
    let distance_share = span.start.abs_diff(search.expected) as f64 / search.text.len().max(1) as f64;
    believable.then_some(Candidate { span, rank: 2.0 * quote_similarity + context.overall - 0.5 * distance_share })
}

/// The areas to align the quote in: around the expected place and around the starts predicted by the
/// rarest words of the context and of the quote itself, merged where they overlap.
fn windows(search: &Search<'_, '_>, quote_chars: usize, max_errors: usize) -> Vec<Span> {
    let mut seeds = vec![search.expected];
    for word in search.rarest_present(&[Place::Prefix, Place::Suffix, Place::Across]) {
        seeds.extend(search.predicted_starts(&word, SEEDS_PER_WORD));
    }
    for (word, _) in search.quote_words_by_rarity().into_iter().filter(|&(_, count)| count > 0).take(2) {
        seeds.extend(search.predicted_starts(&word, SEEDS_PER_WORD));
    }
    sidenote_extract::sort_numbers(&mut seeds);
    seeds.dedup();
    let slack = max_errors + SEED_SLACK_CHARS;
    let mut windows: Vec<Span> = Vec::new();
    for seed in seeds {
        let window =
            Span::new(chars_before(search.text, seed, slack), chars_after(search.text, seed, quote_chars + slack));
        match windows.last_mut() {
            Some(last) if window.start <= last.end => last.end = last.end.max(window.end),
            _ => windows.push(window),
        }
    }
    windows
}

/// Word-aligned approximate matches of `pattern` inside `window`: for each allowed end, the cheapest
/// alignment starting at an allowed start, kept when it costs at most `max_errors` edits.
fn align(search: &Search<'_, '_>, window: Span, pattern: &[char], max_errors: usize) -> Vec<(usize, Span)> {
    const UNREACHABLE: usize = usize::MAX / 4;
    let Some(area) = search.text.get(window.start..window.end) else { return Vec::new() };
    let hay: Vec<(usize, char)> = area.char_indices().map(|(i, c)| (window.start + i, c)).collect();
    let position = |j: usize| hay.get(j).map_or(window.end, |&(byte, _)| byte);
    let boundary: Vec<bool> = (0..=hay.len()).map(|j| is_boundary(search.text, position(j))).collect();
    let may_start = |j: usize| boundary[j] == search.starts_word;
    let may_end = |j: usize| boundary[j] == search.ends_word;
    // One column of the edit-distance table per text position, each cell with where its alignment began.
    let mut cost: Vec<usize> = (0..=pattern.len()).map(|i| if may_start(0) { i } else { UNREACHABLE }).collect();
    let mut began = vec![0usize; pattern.len() + 1];
    let mut found = Vec::new();
    for (j, &(_, ch)) in hay.iter().enumerate() {
        let column = j + 1;
        let (mut diagonal, mut diagonal_began) = (cost[0], began[0]);
        (cost[0], began[0]) = if may_start(column) { (0, column) } else { (UNREACHABLE, column) };
        for i in 1..=pattern.len() {
            let (left, left_began) = (cost[i], began[i]);
            let mut next = (diagonal + usize::from(!same_char(pattern[i - 1], ch)), diagonal_began);
            if left + 1 < next.0 {
                next = (left + 1, left_began);
            }
            if cost[i - 1] + 1 < next.0 {
                next = (cost[i - 1] + 1, began[i - 1]);
            }
            (diagonal, diagonal_began) = (left, left_began);
            (cost[i], began[i]) = (next.0.min(UNREACHABLE), next.1);
        }
        let last = pattern.len();
        if may_end(column) && cost[last] <= max_errors && began[last] < column {
            found.push((cost[last], Span::new(position(began[last]), position(column))));
        }
    }
    found
}

/// A long quote: its head and tail are found like short quotes, then paired when the span between them has
/// about the quote's length and shares most of its character trigrams.
fn by_ends(search: &Search<'_, '_>) -> Vec<Candidate> {
    let quote = search.quote;
    let head = first_chars(quote, END_CHARS);
    let tail = last_chars(quote, END_CHARS);
    let after_head = first_chars(quote.get(head.len()..).unwrap_or(""), CONTEXT_CHARS);
    let before_tail = last_chars(quote.get(..quote.len() - tail.len()).unwrap_or(""), CONTEXT_CHARS);
    let heads =
        top(candidates(&Search::new(search.text, search.words, (search.prefix, head, after_head), search.expected)));
    let tail_expected = search.expected.saturating_add(quote.len() - tail.len());
    let tails =
        top(candidates(&Search::new(search.text, search.words, (before_tail, tail, search.suffix), tail_expected)));
    let tolerance = (quote.len() as f64 * LONG_LENGTH_TOLERANCE) as usize;
    let mut pairs = Vec::new();
    for h in &heads {
        for t in tails.iter().filter(|t| t.span.end > h.span.start) {
            let span = Span::new(h.span.start, t.span.end);
            if (span.end - span.start).abs_diff(quote.len()) > tolerance {
                continue;
            }
            let similarity = trigram_similarity(quote, span.slice(search.text));
            if similarity >= LONG_MIN_SIMILARITY && lines_found(quote, span.slice(search.text)) {
                pairs.push(Candidate { span, rank: similarity + (h.rank + t.rank) / 100.0 });
            }
        }
    }
    pairs
}

/// The few best candidates, so that pairing heads with tails stays cheap.
fn top(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    sidenote_extract::sort_stable_by(&mut candidates, |a, b| b.rank.total_cmp(&a.rank));
    candidates.truncate(4);
    candidates
}
