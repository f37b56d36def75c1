//! Where a position in the text a file was made on stands in the text it is imported into, when the file
//! carries its whole text (Sidenote's own exports, `sidenote:text`).
//!
//! A remembered position is only a hint to the anchoring stages: they rank occurrences by their distance
//! from it. After a paragraph inserted at the top, a note on the second of two identical passages was nearer
//! the first copy's new place than the second's, and was placed there. With the file's text the shift can be
//! read off the two texts instead: lines that occur exactly once in each (and are long enough not to recur by
//! chance) are the same line, so a position inside such a line moves with it, and a position between two such
//! lines that moved by the same amount moves by that amount. Elsewhere (between lines that moved apart, before
//! the first or after the last) nothing is known and the position is left as it was.
//!
//! Linear in the two texts (one hash map of their lines); each lookup is a binary search.

use std::collections::HashMap;

/// Lines shorter than this (in characters) recur by chance (`Share`, `Advertisement`, a date) and are not
/// used to match the texts.
const MIN_LINE_CHARS: usize = 16;

/// A line that occurs exactly once in both texts: where it starts in each (code points) and its length.
#[derive(Debug, Clone, Copy)]
struct SameLine {
    old_start: usize,
    new_start: usize,
    chars: usize,
}

impl SameLine {
    fn shift(&self) -> isize {
        self.new_start as isize - self.old_start as isize
    }
}

/// Positions of one text (code points) mapped to another.
#[derive(Debug, Clone)]
pub struct PositionMap {
    /// Lines found once in both texts, in the old text's order.
    lines: Vec<SameLine>,
    /// The new text's length in code points (a mapped position never passes it).
    new_chars: usize,
}

/// Each line of `text` with its start in code points and its length in code points.
fn lines_of(text: &str) -> Vec<(&str, usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let chars = line.chars().count();
        lines.push((line, start, chars));
        start += chars + 1;
    }
    lines
}

impl PositionMap {
    /// The map from `old` to `new`.
    pub fn new(old: &str, new: &str) -> PositionMap {
        // For each line long enough: how often it occurs in each text, and where (the last occurrence; only
        // lines occurring once in each are kept).
        let mut seen: HashMap<&str, [(usize, usize); 2]> = HashMap::new();
        for (side, text) in [old, new].into_iter().enumerate() {
            for (line, start, chars) in lines_of(text) {
                if chars < MIN_LINE_CHARS {
                    continue;
                }
                let entry = seen.entry(line).or_insert([(0, 0); 2]);
                entry[side] = (entry[side].0 + 1, start);
            }
        }
        let mut lines: Vec<SameLine> = seen
            .into_iter()
            .filter(|(_, [(old_count, _), (new_count, _)])| *old_count == 1 && *new_count == 1)
            .map(|(line, [(_, old_start), (_, new_start)])| SameLine {
                old_start,
                new_start,
                chars: line.chars().count(),
            })
            .collect();
        sidenote_extract::sort_stable_by_key(&mut lines, |l| l.old_start);
        PositionMap { lines, new_chars: new.chars().count() }
    }

    /// Where `position` (code points in the old text) stands in the new text, when the texts say.
    pub fn map(&self, position: usize) -> Option<usize> {
        let after = self.lines.partition_point(|l| l.old_start <= position);
        let line = self.lines.get(after.checked_sub(1)?)?;
        let shift = if position <= line.old_start + line.chars {
            line.shift()
        } else {
            let next = self.lines.get(after)?;
            (next.shift() == line.shift()).then_some(line.shift())?
        };
        let mapped = position.checked_add_signed(shift)?;
        (mapped <= self.new_chars).then_some(mapped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "Verse one: the town was quiet at noon.\n\nAnd the river keeps on rolling along.\n\n\
                       Verse two: the mayor closed the bridge.\n\nAnd the river keeps on rolling along.\n\n\
                       Verse three: the water went back.";

    #[test]
    fn positions_follow_the_lines_that_occur_once_in_both_texts() {
        let at = |text: &str, words: &str, nth: usize| {
            let byte = text.match_indices(words).nth(nth).map(|(i, _)| i).expect("words in the text");
            text[..byte].chars().count()
        };
        let intro = "A new introduction, added at the top of the page by its editors.\n\n";
        let shifted = format!("{intro}{OLD}");
        let rewritten = OLD.replace("the mayor closed the bridge", "the mayor, in a hurry, shut the old bridge");
        let cases: [(&str, &str, usize, Option<usize>); 6] = [
            // (new text, words, which occurrence in the old text, where they are in the new, None: not known)
            // The second copy of a repeated line, between two lines shifted alike: shifted with them.
            (&shifted, "river keeps", 1, Some(at(&shifted, "river keeps", 1))),
            (&shifted, "river keeps", 0, Some(at(&shifted, "river keeps", 0))),
            // Inside a line found once in both.
            (&shifted, "the bridge", 0, Some(at(&shifted, "the bridge", 0))),
            // Inside a line that changed: between lines that moved apart, not known…
            (&rewritten, "mayor", 0, None),
            // …but a line after the change moves with its own line.
            (&rewritten, "water", 0, Some(at(&rewritten, "water", 0))),
            // The first line, found once in both.
            (&shifted, "Verse one", 0, Some(at(&shifted, "Verse one", 0))),
        ];
        for (new, words, nth, expected) in cases {
            let map = PositionMap::new(OLD, new);
            assert_eq!(map.map(at(OLD, words, nth)), expected, "{words} #{nth}");
        }
    }

    #[test]
    fn texts_without_lines_in_common_map_nothing() {
        let map = PositionMap::new(OLD, "Something else entirely, on one line.");
        assert_eq!(map.map(10), None);
        assert_eq!(PositionMap::new("", "").map(0), None);
    }
}
