//! How alike two pieces of text are: the context on each side of a candidate placement against the
//! remembered prefix and suffix (edit distance, tolerant of a word inserted or dropped next to the quote),
//! and a long quote against a candidate span (shared character trigrams, linear in their length).

use super::search::same_char;

/// Sides shorter than this say too little to support a placement.
const MIN_SIDE_CHARS: usize = 4;

/// A quote that starts or ends a line, with the whole context across the line break agreeing, needs its own
/// line's side this similar (`[The] The Davis Cup Finals` for `[The] Davis Cup Finals`: 0.88; the next
/// paragraph's `Morrison [was appointed in 2019.]` for `Morrison [said the board had followed]`: far less).
pub(super) const ACROSS_MIN_SIDE: f64 = 0.5;

/// How well the text around a candidate agrees with the remembered context.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct ContextFit {
    /// The better side's similarity (0–1); 0 when neither side is long enough to judge.
    pub best_side: f64,
    /// Both sides' similarity, weighted by their lengths; 0 when neither side is long enough.
    pub overall: f64,
    /// The worse side's similarity; 1 when neither side is long enough to judge (nothing against it).
    pub worst_side: f64,
}

/// Compares `prefix` with the text just before byte `start` and `suffix` with the text just after `end`.
pub(super) fn context_fit(text: &str, start: usize, end: usize, prefix: &str, suffix: &str) -> ContextFit {
    // Both sides are compared outwards from the quote, so the prefix and the text before are reversed.
    let prefix_out: Vec<char> = prefix.chars().rev().collect();
    let before: Vec<char> = text.get(..start).unwrap_or("").chars().rev().take(room(prefix_out.len())).collect();
    let suffix_out: Vec<char> = suffix.chars().collect();
    let after: Vec<char> = text.get(end..).unwrap_or("").chars().take(room(suffix_out.len())).collect();
    let sides = [side_similarity(&prefix_out, &before), side_similarity(&suffix_out, &after)];
    let judged: Vec<(f64, usize)> = sides.into_iter().flatten().collect();
    let weight: usize = judged.iter().map(|&(_, w)| w).sum();
    ContextFit {
        best_side: judged.iter().map(|&(s, _)| s).fold(0.0, f64::max),
        worst_side: judged.iter().map(|&(s, _)| s).fold(1.0, f64::min),
        overall: if weight == 0 { 0.0 } else { judged.iter().map(|&(s, w)| s * w as f64).sum::<f64>() / weight as f64 },
    }
}

/// How much text to compare a context of `len` characters with: enough for an inserted word.
fn room(len: usize) -> usize {
    len + len / 2 + 2
}

/// 1 − (edit distance / length) between a context read outwards and the text read outwards, where the
/// context's far end may fall anywhere in the text (it was cut at a fixed length). `None` if too short.
fn side_similarity(context: &[char], text: &[char]) -> Option<(f64, usize)> {
    if context.len() < MIN_SIDE_CHARS {
        return None;
    }
    let distance = end_free_distance(context, text);
    Some(((1.0 - distance as f64 / context.len() as f64).max(0.0), context.len()))
}

/// The smallest edit distance between `pattern` and any beginning of `text`.
fn end_free_distance(pattern: &[char], text: &[char]) -> usize {
    // Row by row over the pattern; `row[j]` is the distance between the pattern so far and text[..j].
    let mut row: Vec<usize> = (0..=text.len()).collect();
    for (i, &p) in pattern.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &t) in text.iter().enumerate() {
            let next = (diagonal + usize::from(!same_char(p, t))).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row.into_iter().min().unwrap_or(pattern.len())
}

/// Dice similarity of the character trigrams of `a` and `b` (0–1): close to 1 for a long quote with a few
/// typos. Each text's trigrams are sorted and the shared ones counted in one walk over both (a hash map of
/// trigram counts was one more hash table type in the Wasm).
pub(super) fn trigram_similarity(a: &str, b: &str) -> f64 {
    let (of_a, of_b) = (trigrams(a), trigrams(b));
    let total = of_a.len() + of_b.len();
    if total == 0 {
        return if a == b { 1.0 } else { 0.0 };
    }
    2.0 * f64::from(shared_count(&of_a, &of_b)) / total as f64
}

/// A line of a quote shorter than this is not asked to be found on its own.
const MIN_LINE_CHARS: usize = 8;

/// Whether each line of a quote that spans lines is found in `candidate` (a quarter of its trigrams at least,
/// white space read as one space): a note on the end of one paragraph and the start of the next is not on the
/// first paragraph and the start of whatever paragraph now follows it (the second was moved away), even when
/// the whole is similar enough (`explain the timetable.¶Not everyone` / `explain the timetable.¶The bridge`).
pub(super) fn lines_found(quote: &str, candidate: &str) -> bool {
    if !quote.contains(super::search::is_line_break) {
        return true;
    }
    let spaced = |text: &str| text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect::<String>();
    let in_candidate = trigrams(&spaced(candidate));
    quote.split(super::search::is_line_break).map(str::trim).filter(|line| line.chars().count() >= MIN_LINE_CHARS).all(
        |line| {
            let own = trigrams(&spaced(line));
            4 * shared_count(&own, &in_candidate) as usize >= own.len()
        },
    )
}

/// A text's character trigrams, sorted (by the program's one stable sort).
fn trigrams(text: &str) -> Vec<[char; 3]> {
    let chars: Vec<char> = text.chars().collect();
    let mut all: Vec<[char; 3]> = chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
    sidenote_extract::sort_stable_by(&mut all, |x, y| x.cmp(y));
    all
}

/// How many trigrams two sorted lists share: one k times in one and m times in the other is shared min(k, m)
/// times.
fn shared_count(of_a: &[[char; 3]], of_b: &[[char; 3]]) -> u32 {
    let (mut i, mut j, mut shared) = (0, 0, 0u32);
    while let (Some(x), Some(y)) = (of_a.get(i), of_b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigram_similarity_counts_shared_trigrams_as_a_count_map_does() {
        // The reference: counts per trigram in a map, each shared min(k, m) times.
        let reference = |a: &str, b: &str| {
            let mut counts: std::collections::HashMap<[char; 3], (u32, u32)> = std::collections::HashMap::new();
            let mut total = 0usize;
            for (text, first) in [(a, true), (b, false)] {
                let chars: Vec<char> = text.chars().collect();
                for w in chars.windows(3) {
                    let entry = counts.entry([w[0], w[1], w[2]]).or_default();
                    if first {
                        entry.0 += 1;
                    } else {
                        entry.1 += 1;
                    }
                    total += 1;
                }
            }
            if total == 0 {
                return if a == b { 1.0 } else { 0.0 };
            }
            2.0 * f64::from(counts.values().map(|&(x, y)| x.min(y)).sum::<u32>()) / total as f64
        };
        let texts =
            ["", "ab", "abc", "aaaa", "aaaaaa", "the talks were over", "the talks were ovre", "Привет мир", "ababab"];
        for a in texts {
            for b in texts {
                assert_eq!(trigram_similarity(a, b), reference(a, b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn context_survives_a_word_inserted_next_to_the_quote() {
        let text = "Sergei Lavrov said reportedly the talks were over. Lavrov left.";
        let start = text.find("the talks").expect("present");
        let end = start + "the talks were over".len();
        let fit = context_fit(text, start, end, "Sergei Lavrov said ", ". Lavrov left.");
        assert!(fit.best_side > 0.99, "{fit:?}");
        assert!(fit.overall > 0.5 && fit.overall < 0.99, "{fit:?}");
        let unrelated = context_fit(text, start, end, "in a statement on Friday ", " and walked away");
        assert!(unrelated.best_side < 0.5, "{unrelated:?}");
        let none = context_fit(text, start, end, "", "ab");
        assert_eq!(none, ContextFit { best_side: 0.0, overall: 0.0, worst_side: 1.0 });
    }

    #[test]
    fn edit_distance_lets_the_far_end_fall_anywhere() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(end_free_distance(&chars("abc"), &chars("abcdef")), 0);
        assert_eq!(end_free_distance(&chars("abc"), &chars("xabc")), 1);
        assert_eq!(end_free_distance(&chars("abc"), &chars("")), 3);
    }

    #[test]
    fn trigrams_tell_a_typo_from_another_text() {
        let quote = "the negotiations in Geneva ended without an agreement on Thursday";
        assert!(trigram_similarity(quote, "the negotiations in Geneva ended without an agreemnt on Thursday") > 0.9);
        assert!(trigram_similarity(quote, "officials said the storm would reach the coast by the weekend") < 0.3);
        assert_eq!(trigram_similarity("ab", "ab"), 1.0);
    }
}
