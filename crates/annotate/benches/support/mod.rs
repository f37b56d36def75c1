//! What the re-anchoring benchmarks share: a repeatable random generator, typos, word spans and filler
//! words for random edits. Used by `benches/reanchor.rs` and, through a `#[path]` module, by
//! `crates/wasm-bench` (the same cases timed in Wasm), so both time exactly the same inputs.

use sidenote_annotate::anchor::TextTarget;
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::Span;

/// A small deterministic generator (xorshift), so runs are repeatable without a dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Words a random edit inserts.
pub const FILLER: &[&str] = &["however", "reportedly", "on Tuesday", "officials said", "(updated)", "in fact", "also"];

/// One typo in the middle of `words`: a letter replaced, dropped, doubled or swapped with the next.
pub fn typo(words: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = words.chars().collect();
    let letters: Vec<usize> = (1..chars.len().saturating_sub(1)).filter(|&i| chars[i].is_alphabetic()).collect();
    if letters.is_empty() {
        return format!("{words}x");
    }
    let at = letters[rng.below(letters.len())];
    match rng.below(4) {
        0 => chars[at] = if chars[at] == 'e' { 'a' } else { 'e' },
        1 => {
            chars.remove(at);
        }
        2 => chars.insert(at, chars[at]),
        _ => chars.swap(at, at + 1),
    }
    chars.into_iter().collect()
}

/// Word spans of `text` (runs of letters and digits).
pub fn word_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// 500 quotes of shuffled words of `small` with one typo, absent from it.
pub fn absent_quotes(small: &str, rng: &mut Rng) -> Vec<TextTarget> {
    let words: Vec<&str> = word_spans(small).iter().map(|w| w.slice(small)).collect();
    let mut absent = Vec::new();
    while absent.len() < 500 {
        let n = 1 + rng.below(6);
        let quote: Vec<&str> = (0..n).map(|_| words[rng.below(words.len())]).collect();
        let quote = typo(&quote.join(" "), rng);
        if quote.chars().count() >= 4 && !small.contains(&quote) {
            let at = rng.below(190_000);
            absent.push(TextTarget {
                exact: quote,
                prefix: "reported earlier in the week that ".into(),
                suffix: " according to people familiar".into(),
                start: Some(at),
                end: Some(at + 10),
            });
        }
    }
    absent
}

/// 1,000 targets of one to seven words at random places in `big`.
pub fn short_targets(big: &str, index: &OffsetIndex, rng: &mut Rng) -> Vec<TextTarget> {
    let starts: Vec<usize> = big.match_indices(' ').map(|(i, _)| i + 1).collect();
    (0..1000)
        .map(|_| {
            let s = starts[rng.below(starts.len() - 20)];
            let e = starts[starts.partition_point(|&x| x <= s) + 1 + rng.below(6)] - 1;
            TextTarget::of(big, index, Span::new(s, e.max(s + 1)))
        })
        .collect()
}
