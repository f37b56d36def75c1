//! Re-anchoring figures: (1) on the corpus articles, notes on every entity mention and quotation, then each
//! text edited at random (word insertions, deletions, reflowed lines); the share of notes anchored exactly,
//! moved, fuzzy, orphaned and wrongly placed; (2) the time to re-anchor 1,000 annotations on a 1 MB text.
//!
//! `cargo bench -p sidenote-annotate --bench reanchor` (reads ../shared/corpus; says so when it is absent).

use std::path::Path;
use std::time::Instant;

use sidenote_annotate::anchor::{anchor, AnchorStatus, TextTarget};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::Span;

/// A small deterministic generator (xorshift), so runs are repeatable without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const FILLER: &[&str] = &["however", "reportedly", "on Tuesday", "officials said", "(updated)", "in fact", "also"];

/// Applies random edits to `text`, returning the new text and, for each original byte, where it went.
fn edit(text: &str, rng: &mut Rng, edits: usize) -> (String, Vec<Option<usize>>) {
    // Work on characters with their original byte offsets; None marks inserted characters.
    let mut chars: Vec<(Option<usize>, char)> = text.char_indices().map(|(i, c)| (Some(i), c)).collect();
    for _ in 0..edits {
        let spaces: Vec<usize> =
            chars.iter().enumerate().filter(|(_, c)| c.1 == ' ' || c.1 == '\n').map(|(i, _)| i).collect();
        if spaces.len() < 3 {
            break;
        }
        let at = spaces[rng.below(spaces.len())];
        match rng.below(3) {
            0 => {
                let word = format!(" {}", FILLER[rng.below(FILLER.len())]);
                for (k, c) in word.chars().enumerate() {
                    chars.insert(at + k, (None, c));
                }
            }
            1 => {
                // Delete the word after this space.
                let end =
                    (at + 1..chars.len()).find(|&i| chars[i].1 == ' ' || chars[i].1 == '\n').unwrap_or(chars.len());
                chars.drain(at..end);
            }
            _ => {
                // Reflow: a space becomes a line break or a line break a space.
                chars[at].1 = if chars[at].1 == ' ' { '\n' } else { ' ' };
                chars[at].0 = None;
            }
        }
    }
    let mut new_text = String::new();
    let mut map = vec![None; text.len() + 1];
    for (original, c) in chars {
        if let Some(o) = original {
            map[o] = Some(new_text.len());
        }
        new_text.push(c);
    }
    (new_text, map)
}

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect()
}

fn main() {
    let texts = corpus();
    if texts.is_empty() {
        println!("../shared/corpus not found: the corpus figures were NOT measured");
    }
    let mut counts = [0usize; 4];
    let (mut wrong, mut intact_total, mut intact_right, mut total) = (0, 0, 0, 0);
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    for text in &texts {
        let found = sidenote_extract::extract(text);
        let spans: Vec<Span> =
            found.entities.iter().map(|e| e.span).chain(found.quotes.iter().map(|q| q.span)).collect();
        let index = OffsetIndex::new(text);
        let targets: Vec<TextTarget> = spans.iter().map(|&s| TextTarget::of(text, &index, s)).collect();
        for round in 0..3 {
            let (new_text, map) = edit(text, &mut rng, 10 + round * 10);
            let new_index = OffsetIndex::new(&new_text);
            for (span, target) in spans.iter().zip(&targets) {
                total += 1;
                let result = anchor(&new_text, &new_index, target);
                counts[result.status as usize] += 1;
                // Ground truth: where the annotation's first and last characters went, if they survived.
                let last_char = span.slice(text).chars().next_back().map_or(1, char::len_utf8);
                let truth = match (map[span.start], map[span.end - last_char]) {
                    (Some(s), Some(e)) => Some(Span::new(s, e + last_char)),
                    _ => None,
                };
                let intact = truth.is_some_and(|t| t.slice(&new_text) == span.slice(text));
                if intact {
                    intact_total += 1;
                    intact_right += usize::from(result.span == truth);
                }
                if let (Some(got), Some(t)) = (result.span, truth) {
                    if !got.overlaps(t) {
                        wrong += 1;
                    }
                } else if result.span.is_some() && truth.is_none() && result.status != AnchorStatus::Fuzzy {
                    wrong += 1;
                }
            }
        }
    }
    if total > 0 {
        let pct = |n: usize| 100.0 * n as f64 / total as f64;
        println!("corpus: {} texts x 3 edit rounds, {total} annotations", texts.len());
        println!(
            "exact {:.1}%  moved {:.1}%  fuzzy {:.1}%  orphan {:.1}%  wrongly placed {:.2}%",
            pct(counts[0]),
            pct(counts[1]),
            pct(counts[2]),
            pct(counts[3]),
            pct(wrong)
        );
        println!(
            "annotations whose words survived intact: {intact_total}; found on exactly those words: {intact_right}"
        );
    }

    // Timing: 1,000 annotations on a 1 MB text with edits.
    let unit = if texts.is_empty() {
        include_str!("../../../assets/rferl-lavrov-inf.txt").to_string()
    } else {
        texts.join("\n\n")
    };
    let mut big = String::new();
    while big.len() < 1_000_000 {
        big.push_str(&unit);
        big.push_str("\n\n");
    }
    let index = OffsetIndex::new(&big);
    let starts: Vec<usize> = big.match_indices(' ').map(|(i, _)| i + 1).collect();
    let targets: Vec<TextTarget> = (0..1000)
        .map(|_| {
            let s = starts[rng.below(starts.len() - 20)];
            let e = starts[starts.partition_point(|&x| x <= s) + 1 + rng.below(6)] - 1;
            TextTarget::of(&big, &index, Span::new(s, e.max(s + 1)))
        })
        .collect();
    let (edited, _) = edit(&big, &mut rng, 200);
    let edited_index = OffsetIndex::new(&edited);
    let start = Instant::now();
    let mut statuses = [0usize; 4];
    for target in &targets {
        statuses[anchor(&edited, &edited_index, target).status as usize] += 1;
    }
    let elapsed = start.elapsed();
    println!(
        "1,000 annotations on a {} byte text with 200 edits: {:.1} ms natively (exact {}, moved {}, fuzzy {}, orphan {})",
        edited.len(), elapsed.as_secs_f64() * 1e3, statuses[0], statuses[1], statuses[2], statuses[3]
    );
}
