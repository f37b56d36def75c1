//! Re-anchoring: finding an annotation's words again in a text that may have changed.
//!
//! A target remembers its words (`exact`), ~32 characters on each side (`prefix`, `suffix`) and where they
//! were (code points). On a text, in order:
//! 1. **exact**: the text at the remembered position (read in code points, else in UTF-16 units, as JavaScript
//!    tools count) still equals the words and its context agrees character for character (otherwise it is
//!    weighed against the other occurrences in stage 2); a quote without context held by both readings, on two
//!    occurrences, is an orphan, and so is one found more than once and held by neither;
//! 2. **moved** (`exact.rs`): the words occur elsewhere, beginning and ending like the original (at a word
//!    boundary or inside a word); among the occurrences the best by agreeing context, then by distance from
//!    where they were (in doublings); accepted only with agreeing context, or a quote long enough to speak
//!    for itself (or, for a target without a position, the only occurrence, and for any target the only one
//!    whose own line stands whole between line breaks: a line moved among others); the context that counts as
//!    evidence is the quote's own line's (a whole line's neighbours, both; the text's start and end count as
//!    line breaks), since a paragraph that starts like the noted one has the whole remembered prefix
//!    (`search::Search::prefix_line`), and so does a sentence mid-paragraph: a sentence's start is read as a
//!    line's. An occurrence that the original's context contradicts is not taken (`exact::contradicted`): one
//!    far from where the words were while their context still stands there, one apart from a gap where both
//!    sides of the context stand around other words or none (the words were retyped or deleted there), one
//!    with a side recognised beside it that puts the words elsewhere, one with a side standing only in part
//!    while the other is unlike the remembered one, a whole first or last line placed where it is not a whole
//!    line. Pages repeat headlines and menus, and short words recur: a nearer
//!    occurrence is taken, or else only a fuzzy match near the original;
//! 3. **fuzzy** (`fuzzy.rs`): similar words (at most a quarter of the characters changed), aligned on word
//!    boundaries, near where the context or the quote's rarest words predict them; placed only when its
//!    context agrees (more for a short quote) and the original's context does not contradict it;
//!    quotes longer than 64 characters are matched by their ends and verified; words that say something else
//!    than the quote (another number, a negation more or less, a word replaced by another that is no
//!    respelling of it: `changed_words.rs`) are refused;
//! 4. **orphan**: nowhere believable. Orphans keep their words and are listed, never dropped. A wrong
//!    placement is worse than an orphan.
//!
//! A target neither exact nor moved is tried again, through the same stages, on both texts folded to one
//! spelling (`fold.rs`: composed or decomposed accents, line ends, white space, quotation marks, invisible
//! characters), and its words there are taken, mapped back to whole characters of the text as it is.
//!
//! The work per target is bounded whatever the text and the quote: an `Anchorer` indexes the text's words
//! once (`words.rs`), and each target looks up a fixed number of its rarest words instead of scanning.
//!
//! Positions in targets are code points (W3C); the result is a byte span (the core's unit).

mod changed_words;
mod exact;
mod fold;
mod fuzzy;
mod remap;
mod search;
mod similarity;
mod words;

use std::cell::OnceCell;

use serde::{Deserialize, Serialize};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::Span;

use exact::Moved;
use fold::Folded;
pub use remap::PositionMap;
use search::{floor_char, Search};
use words::WordIndex;

/// Where an annotation's words were: a W3C `TextQuoteSelector` plus `TextPositionSelector` (code points).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
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

/// Quotes shorter than this (in characters) are too common to place without agreeing context.
const SHORT_QUOTE_CHARS: usize = 20;

/// Anchors any number of targets on one text, sharing one index of its words (built on first need, so a
/// batch whose targets are all still in place costs nothing), and the text folded (`fold.rs`) with its own
/// index, built the first time a target is not found as it is written.
pub struct Anchorer<'t> {
    text: &'t str,
    index: &'t OffsetIndex,
    words: OnceCell<WordIndex>,
    folded: OnceCell<FoldedText>,
}

/// The anchorer's text folded, with what anchoring on it needs.
struct FoldedText {
    folded: Folded,
    /// Empty when folding changed nothing (the text itself is then used, with its own index).
    index: OffsetIndex,
    words: OnceCell<WordIndex>,
}

impl<'t> Anchorer<'t> {
    /// An anchorer for `text`, whose offsets `index` converts.
    pub fn new(text: &'t str, index: &'t OffsetIndex) -> Self {
        Anchorer { text, index, words: OnceCell::new(), folded: OnceCell::new() }
    }

    /// Finds `target` in the text: as it is written, else as two copies of the same words may be written
    /// differently (composed or decomposed accents, curly or straight quotation marks, other white space,
    /// invisible characters: `fold.rs`). The same stages judge both, on the same evidence, so a folded
    /// placement is no less sure; it is taken when the text as written gave no placement of the same words.
    pub fn anchor(&self, target: &TextTarget) -> Anchored {
        let written = anchor_on(self.text, self.index, &self.words, target);
        if matches!(written.status, AnchorStatus::Exact | AnchorStatus::Moved) || target.exact.is_empty() {
            return written;
        }
        let Some(folded_target) = fold_target(target) else { return written };
        let view = self.folded.get_or_init(|| {
            let folded = fold::fold(self.text);
            let index = if folded.is_unchanged() { OffsetIndex::new("") } else { OffsetIndex::new(&folded.text) };
            FoldedText { folded, index, words: OnceCell::new() }
        });
        if view.folded.is_unchanged()
            && folded_target.exact == target.exact
            && folded_target.prefix == target.prefix
            && folded_target.suffix == target.suffix
        {
            return written;
        }
        // The remembered position, read in this text, then in its folded form.
        let position = |to_folded: &dyn Fn(usize) -> Option<usize>| {
            let start = to_folded(self.index.char_to_byte(target.start?.min(self.index.len_chars()))?)?;
            Some((start, start + folded_target.exact.chars().count()))
        };
        let found = if view.folded.is_unchanged() {
            let (start, end) = position(&|byte| Some(byte)).unzip();
            let target = TextTarget { start, end, ..folded_target };
            anchor_on(self.text, self.index, &self.words, &target)
        } else {
            let to_folded = |byte| view.index.byte_to_char(view.folded.folded_at(byte, false));
            let (start, end) = position(&to_folded).unzip();
            let target = TextTarget { start, end, ..folded_target };
            let mut found = anchor_on(&view.folded.text, &view.index, &view.words, &target);
            // Back to whole characters of the text as it is; a placement that would cut one is none.
            found.span = found.span.and_then(|span| {
                Some(Span::new(view.folded.original_start(span.start)?, view.folded.original_end(span.end)?))
            });
            found
        };
        let Some(span) = found.span else { return written };
        // Similar words found as written stand unless the folded text finds these very words on them.
        let over_written = |span: Span| written.span.is_none_or(|w| w.start < span.end && span.start < w.end);
        match found.status {
            // Exact only where the file said: the words there, written another way.
            AnchorStatus::Exact | AnchorStatus::Moved if over_written(span) => {
                // Where they start: their end counts otherwise when they are written otherwise (`é`, `e` + U+0301).
                let held =
                    |unit: &dyn Fn(usize) -> Option<usize>| target.start.is_some() && target.start == unit(span.start);
                let at_position =
                    held(&|byte| self.index.byte_to_char(byte)) || held(&|byte| self.index.byte_to_utf16(byte));
                let status = if found.status == AnchorStatus::Exact && at_position {
                    AnchorStatus::Exact
                } else {
                    AnchorStatus::Moved
                };
                Anchored { span: Some(span), status }
            }
            // Similar words in the folded text are a second guess where the text as written found none: not
            // taken (on the edited corpus pages they put notes whose words were deleted on other words).
            _ => written,
        }
    }
}

/// `target`'s words and context folded (`fold.rs`) as one text, so that a line end or a run of spaces across
/// the quote's edge folds as it does in the text; without its position, which is in the other text's units.
/// `None` when the quote folds to nothing (invisible characters only).
fn fold_target(target: &TextTarget) -> Option<TextTarget> {
    let (prefix_end, quote_end) = (target.prefix.len(), target.prefix.len() + target.exact.len());
    let combined = format!("{}{}{}", target.prefix, target.exact, target.suffix);
    let folded = fold::fold(&combined);
    // A piece across the quote's edge (a run of spaces half in it) is left out of the quote.
    let (start, end) = (folded.folded_at(prefix_end, true), folded.folded_at(quote_end, false));
    let part = |from: usize, to: usize| folded.text.get(from..to.max(from)).unwrap_or("").to_string();
    let exact = part(start, end);
    (!exact.is_empty()).then(|| TextTarget {
        prefix: part(0, start),
        suffix: part(end.max(start), folded.text.len()),
        exact,
        start: None,
        end: None,
    })
}

/// Finds `target` in `text` through the stages (see the module's documentation).
fn anchor_on(text: &str, index: &OffsetIndex, words: &OnceCell<WordIndex>, target: &TextTarget) -> Anchored {
    let orphan = Anchored { span: None, status: AnchorStatus::Orphan };
    if target.exact.is_empty() {
        return orphan;
    }
    let parts = (target.prefix.as_str(), target.exact.as_str(), target.suffix.as_str());
    let mut search = Search::new(text, words, parts, expected_position(text, index, target));
    search.positioned = target.start.is_some();
    // 1. Exact position, unless its context says that other words now sit there by chance. The position is
    // read in code points (W3C), else in UTF-16 units: JavaScript tools (Recogito, RecogitoJS, Annotorious,
    // Hypothesis) count DOM-range offsets so, and after an emoji the two differ. Only a reading that holds the
    // words is taken, so the other unit can never put them on other words.
    let holding = |to_byte: &dyn Fn(usize) -> Option<usize>| match target.start.zip(target.end) {
        Some((start, end)) => match (to_byte(start), to_byte(end)) {
            (Some(s), Some(e)) if s <= e && text.get(s..e) == Some(target.exact.as_str()) => Some(Span::new(s, e)),
            _ => None,
        },
        None => None,
    };
    let as_chars = holding(&|char| index.char_to_byte(char));
    let as_units = holding(&|unit| index.utf16_to_byte(unit)).filter(|&span| Some(span) != as_chars);
    // Both readings holding the words, each on other occurrences, and no context to choose by: either could
    // be wrong (a bare "Maya" counted in UTF-16 by its tool, whose code-point reading is the next "Maya").
    if as_chars.is_some() && as_units.is_some() && search.context_chars() == 0 {
        return orphan;
    }
    let agrees = |span: &Span| exact::context_agrees(&search, *span);
    if let Some(span) = as_chars.filter(agrees).or(as_units.filter(agrees)) {
        return Anchored { span: Some(span), status: AnchorStatus::Exact };
    }
    let remembered = as_chars.or(as_units);
    // 2. The same words elsewhere.
    let radius = match exact::find_moved(&search) {
        Moved::Found(span) => {
            // A target that never said where it was (a Hypothesis row, a hand-made file) has not moved when
            // its words stand with their whole context.
            let unmoved = target.start.is_none() && exact::context_agrees(&search, span);
            let status = if Some(span) == remembered || unmoved { AnchorStatus::Exact } else { AnchorStatus::Moved };
            return Anchored { span: Some(span), status };
        }
        Moved::Ambiguous => return orphan,
        Moved::NotFound => usize::MAX,
        Moved::OriginalNear(radius) => radius,
    };
    // 3. Similar words (near the original when its context is still there).
    match fuzzy::find_fuzzy(&search, radius) {
        // The same test as for the same words elsewhere: the fuzzy stage looks everywhere when the moved
        // stage found nothing believable, and must not bring back a copy that stage would have refused.
        Some(span) if exact::contradicted(&search, span).is_some() => orphan,
        // The same words: where they were (the moved stage asks one word for more verbatim context than a
        // similar context gives, `Lavrov [finally] meets`), or elsewhere.
        Some(span) if span.slice(text) == target.exact => {
            let status = if Some(span) == remembered { AnchorStatus::Exact } else { AnchorStatus::Moved };
            Anchored { span: Some(span), status }
        }
        Some(span) => Anchored { span: Some(span), status: AnchorStatus::Fuzzy },
        None => orphan,
    }
}

/// Finds `target` in `text`. To anchor many targets on one text, an `Anchorer` shares the work.
pub fn anchor(text: &str, index: &OffsetIndex, target: &TextTarget) -> Anchored {
    Anchorer::new(text, index).anchor(target)
}

/// Where the words should be in the new text: their old position, clamped to the new text. Edits
/// elsewhere shift it a little, which the context words' predictions and the distance ranking allow for.
fn expected_position(text: &str, index: &OffsetIndex, target: &TextTarget) -> usize {
    let start = target.start.unwrap_or(0).min(index.len_chars());
    floor_char(text, index.char_to_byte(start).unwrap_or(text.len()))
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

    /// A copy written otherwise (decomposed, straight quotes, invisible characters, CRLF) holds the same words:
    /// found on whole characters of the copy as it is, exact only where the position still holds them, and a
    /// bare quote found twice once folded is an orphan as it would be written alike.
    #[test]
    fn a_copy_written_otherwise_holds_the_same_words() {
        let original =
            "Le caf\u{e9} \u{201c}chez Zo\u{eb}\u{201d} ouvre.\nLa r\u{e9}sidence d\u{2019}\u{e9}t\u{e9} ferme.";
        let cases: &[(&str, &str, &str, &str, AnchorStatus)] = &[
            // (noted words, copy, words found there, what, status)
            (
                "caf\u{e9}",
                "Le cafe\u{301} \u{201c}chez Zoe\u{308}\u{201d} ouvre.",
                "cafe\u{301}",
                "NFD",
                AnchorStatus::Exact,
            ),
            (
                "Zo\u{eb}",
                "Le cafe\u{301} \u{201c}chez Zoe\u{308}\u{201d} ouvre.",
                "Zoe\u{308}",
                "NFD after",
                AnchorStatus::Moved,
            ),
            ("\u{201c}chez", "Le caf\u{e9} \"chez Zo\u{eb}\" ouvre.", "\"chez", "straight", AnchorStatus::Exact),
            (
                "r\u{e9}sidence",
                "Le caf\u{e9}\r\nLa r\u{e9}si\u{ad}dence d'\u{e9}t\u{e9} ferme.",
                "r\u{e9}si\u{ad}dence",
                "shy",
                AnchorStatus::Moved,
            ),
        ];
        for &(words, copy, found, what, status) in cases {
            let target = target_of(original, words);
            assert_eq!(anchored(copy, &target), (Some(found.to_string()), status), "{what}");
        }
        // Half of a decomposed letter is never a placement: `caf` noted in `café` is not in `cafe` + U+0301.
        let part = target_of("Le caf\u{e9}s sont pleins.", "caf");
        assert_eq!(anchored("Le cafe\u{301}s sont pleins.", &part).0.as_deref(), Some("caf"));
        let bare = TextTarget { exact: "\u{e9}t\u{e9}".into(), ..TextTarget::default() };
        assert_eq!(anchored("e\u{301}te\u{301} et e\u{301}te\u{301}.", &bare), (None, AnchorStatus::Orphan));
        // Once as a whole word (the other is inside `étés`): placed.
        assert_eq!(
            anchored("e\u{301}te\u{301} et \u{e9}t\u{e9}s", &bare),
            (Some("e\u{301}te\u{301}".to_string()), AnchorStatus::Moved)
        );
    }

    #[test]
    fn a_bare_quote_is_placed_only_where_it_occurs_once() {
        // No position, no context (a hand-made W3C file's TextQuoteSelector with `exact` alone).
        let bare = |exact: &str| TextTarget { exact: exact.into(), ..TextTarget::default() };
        let text = "Emmanuel Macron spoke first. Angela Merkel answered; Macron said little.";
        assert_eq!(anchored(text, &bare("Macron")), (None, AnchorStatus::Orphan), "twice: either could be wrong");
        assert_eq!(anchored(text, &bare("Merkel")).0.as_deref(), Some("Merkel"));
        assert_eq!(anchored(text, &bare("Macron said")).0.as_deref(), Some("Macron said"));
        // A quote with no word to look it up by, once in its text (property seed 1704): placed.
        assert_eq!(anchored("\0", &bare("\0")).0.as_deref(), Some("\0"));
        // With a side of context, the occurrence it names.
        let with_context = TextTarget { prefix: "; ".into(), ..bare("Macron") };
        let placed = anchor(text, &OffsetIndex::new(text), &with_context).span.expect("placed");
        assert_eq!(placed.start, text.rfind("Macron").expect("in the text"));
        // With a whole context that two occurrences share verbatim (a passage printed twice): either could be
        // wrong (a prober's chorus, once placed on the first copy as "exact").
        let chorus = "And the river keeps on rolling, rolling past the old mill door, and we sing until the morning.";
        let song = format!("Verse one.\n\n{chorus}\n\nVerse two.\n\n{chorus}\n\nVerse three.");
        let at = song.rfind("rolling past").expect("in the song");
        let second = TextTarget {
            start: None,
            end: None,
            ..TextTarget::of(
                &song,
                &OffsetIndex::new(&song),
                Span::new(at, at + "rolling past the old mill door".len()),
            )
        };
        assert_eq!(anchored(&song, &second), (None, AnchorStatus::Orphan));
        // Once, it is placed.
        let once = song.replacen(chorus, "Verse one and a half.", 1);
        assert_eq!(anchored(&once, &second).0.as_deref(), Some("rolling past the old mill door"));
    }

    /// JavaScript tools count positions in UTF-16 units: after emoji they point past the words as code points,
    /// here exactly at another occurrence (a prober's Recogito file put the first "Maya" on the second, "exact").
    /// A quote at neither reading of its position, with no context to tell its occurrences apart, is an orphan.
    #[test]
    fn a_position_in_utf16_units_is_read_so_and_a_bare_quote_at_neither_reading_is_an_orphan() {
        let text = "🏉🏉🏉🏉🏉 Maya Maya Ruiz scored twice; 🎉 the coach praised Ruiz.";
        let index = OffsetIndex::new(text);
        let second_maya = text.rfind("Maya").expect("twice");
        let utf16_of = |byte: usize| index.byte_to_utf16(byte).expect("a boundary");
        let char_of = |byte: usize| index.byte_to_char(byte).expect("a boundary");
        let at = |exact: &str, start: usize, context: (&str, &str)| TextTarget {
            exact: exact.into(),
            prefix: context.0.into(),
            suffix: context.1.into(),
            start: Some(start),
            end: Some(start + exact.chars().count()),
        };
        let first_maya_units = utf16_of(text.find("Maya").expect("once"));
        assert_eq!(
            char_of(second_maya),
            first_maya_units,
            "the first's UTF-16 position is the second's in code points"
        );
        let last_ruiz = text.rfind("Ruiz").expect("twice");
        let none = ("", "");
        let cases: &[(TextTarget, Option<usize>, AnchorStatus)] = &[
            // (target, expected byte start, status)
            // Its UTF-16 reading holds the first, its code-point reading the second: either could be wrong.
            (at("Maya", first_maya_units, none), None, AnchorStatus::Orphan),
            // Off by two in either unit: the nearer "Maya" would be a guess.
            (at("Maya", first_maya_units + 2, none), None, AnchorStatus::Orphan),
            (at("Maya", char_of(second_maya) + 3, none), None, AnchorStatus::Orphan),
            (at("Ruiz", utf16_of(last_ruiz), none), Some(last_ruiz), AnchorStatus::Exact),
            (at("Ruiz", utf16_of(last_ruiz) + 9, none), None, AnchorStatus::Orphan),
            // Context tells the occurrences apart wherever the position points.
            (at("Ruiz", 3, ("coach praised ", ".")), Some(last_ruiz), AnchorStatus::Moved),
            // Once in the text: found wherever the position points.
            (at("scored", 40, none), text.find("scored"), AnchorStatus::Moved),
        ];
        for (target, start, status) in cases {
            let found = anchor(text, &index, target);
            assert_eq!((found.span.map(|s| s.start), found.status), (*start, *status), "{target:?}");
        }
    }

    #[test]
    fn one_word_whose_paragraph_went_is_not_put_where_its_context_only_looks_alike() {
        let kept = "Later the minister spoke to farmers, and the traders left the market early.";
        let noted = "The minister spoke to farmers and traders at the market in Kano on Friday.";
        let original = format!("{noted}\n\n{kept}");
        let at = original.find("and traders").expect("in the text");
        let one_word = TextTarget::of(&original, &OffsetIndex::new(&original), Span::new(at, at + "and".len()));
        // The noted paragraph deleted: the other `and` has a context that looks alike on the left (an edit
        // distance away: `farmers, and` for `farmers and`) but agrees verbatim on two characters only.
        assert_eq!(anchored(kept, &one_word), (None, AnchorStatus::Orphan));
        // Where the words stand with their context verbatim on one side, they are found after the same edit.
        let moved = format!("Added.\n{noted}");
        assert_eq!(anchored(&moved, &one_word), (Some("and".into()), AnchorStatus::Moved));
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

    /// A target made in another article: its words, context and position come from there.
    fn foreign_target(article: &str, words: &str, exact: &str) -> TextTarget {
        TextTarget { exact: exact.to_string(), ..target_of(article, words) }
    }

    /// The wrong placements: each must now come out orphan or on the right words.
    #[test]
    fn similar_words_elsewhere_are_not_the_quote() {
        let filler = "Officials met again on Thursday to discuss the budget and the schedule. ".repeat(30);
        let elsewhere = "In a statement issued late on Monday, the ministry said that ";
        let cases: &[(&str, &str, &str, Option<&str>)] = &[
            // (text, article the note was made in, its words there, expected result)
            (
                "Talks with Iraq resumed in Geneva on Tuesday after a long pause.",
                "The envoy said sanctions on Iran would stay until the next review.",
                "Iran",
                None,
            ),
            (
                "Osama bin Laden was killed in Abbottabad in 2011, officials confirmed.",
                "Former president Obama spoke at the rally in Chicago on Sunday.",
                "Obama",
                None,
            ),
            (
                "He wanted to set the record straight about the vote last week.",
                "Both parties signed the accord in Paris after months of talks.",
                "the accord",
                None,
            ),
            (
                "Le ministre est arrivé à Moscou hier soir pour des entretiens.",
                "The minister flew to Moscow on Sunday evening for talks.",
                "Moscow",
                None,
            ),
        ];
        for &(text, article, words, expected) in cases {
            let target = foreign_target(article, words, words);
            assert_eq!(anchored(text, &target).0.as_deref(), expected, "{words} on {text:?}");
        }
        // "presidant" (a typo) must not land on " resident" 2,000 characters from where it was.
        let text = format!("{elsewhere}the resident of the house declined to comment. {filler}The vote ended.");
        let article = format!("{filler}{filler}The presidant said the vote would go ahead as planned.");
        let target = foreign_target(&article, "presidant", "presidant");
        assert_eq!(anchored(&text, &target), (None, AnchorStatus::Orphan));
        // Words that are not in the article at all, with one typo, stay orphans.
        for typo in ["Lavorv", "treatty", "negotations", "Washingotn", "missle"] {
            let article = format!("On Friday {typo} was mentioned twice in the report.");
            let target = foreign_target(&article, typo, typo);
            let text = "Sergei Lavrov said the treaty negotiations in Washington on the missile were over.";
            assert_eq!(anchored(text, &target), (None, AnchorStatus::Orphan), "{typo}");
        }
    }

    #[test]
    fn a_corrected_typo_is_found_on_the_right_words_by_its_context() {
        let original = format!("{}The presidant said the vote would go ahead as planned.", "Intro. ".repeat(40));
        let target = target_of(&original, "presidant");
        let corrected = original.replace("presidant", "president");
        assert_eq!(anchored(&corrected, &target), (Some("president".to_string()), AnchorStatus::Fuzzy));
        // The same words without their context are not enough for so short a quote.
        let bare = TextTarget { prefix: String::new(), suffix: String::new(), ..target };
        assert_eq!(anchored(&corrected, &bare), (None, AnchorStatus::Orphan));
    }

    #[test]
    fn fuzzy_matches_start_and_end_on_word_boundaries() {
        let original = "The delegation from Moscow arrived at the summit on Monday morning.";
        let target = target_of(original, "delegation from Moscow");
        let edited = "The delegation from Moscou arrived at the summit on Monday morning.";
        assert_eq!(anchored(edited, &target), (Some("delegation from Moscou".to_string()), AnchorStatus::Fuzzy));
    }

    #[test]
    fn long_quotes_are_found_by_their_ends_and_verified() {
        let sentence = "The negotiators in Geneva worked through the night on the wording of the final communique, \
                        and by dawn they had agreed on every paragraph except the one on verification.";
        let original = format!("Intro paragraph here. {sentence} Closing remarks follow.");
        let target = target_of(&original, sentence);
        let edited = original.replace("through the night", "throughout the night").replace("dawn", "down");
        let edited_sentence = sentence.replace("through the night", "throughout the night").replace("dawn", "down");
        assert_eq!(anchored(&edited, &target), (Some(edited_sentence), AnchorStatus::Fuzzy));
        let unrelated = "Intro paragraph here. Markets fell sharply on Monday as investors weighed the prospect of \
                         higher interest rates and slower growth in the months ahead. Closing remarks follow.";
        assert_eq!(anchored(unrelated, &target), (None, AnchorStatus::Orphan));
    }

    #[test]
    fn a_chance_copy_at_the_remembered_place_is_not_exact() {
        // After an insertion, another "BBC" sits at the note's old position; its context says it is not the
        // note's, so the note moves with its own words.
        let original = "Watch BBC One tonight for the news. Later, reporters said the BBC is not responsible.";
        let (first, second) = (original.find("BBC").expect("present"), original.rfind("BBC").expect("present"));
        let target = TextTarget::of(original, &OffsetIndex::new(original), Span::new(second, second + 3));
        let edited = format!("{}{original}", "~".repeat(second - first));
        assert_eq!(edited.get(second..second + 3), Some("BBC"), "the chance copy is at the old position");
        let found = anchor(&edited, &OffsetIndex::new(&edited), &target);
        let moved = second + (second - first);
        assert_eq!(found, Anchored { span: Some(Span::new(moved, moved + 3)), status: AnchorStatus::Moved });
    }

    #[test]
    fn a_repeated_word_next_door_is_not_exact_when_the_context_only_looks_alike() {
        // A menu: after four characters are deleted at the top, the remembered position holds the "NBA" of
        // "NBA Home", whose context is the original's shifted by a word. The note stays on its own "NBA".
        let original = "Top\nSportsnet\nNews\nScores\nVideo\nOdds\nAHL\nNBA\nNBA Home\nScoreboard\nStandings\nStats\n";
        let first = original.find("NBA").expect("present");
        let target = TextTarget::of(original, &OffsetIndex::new(original), Span::new(first, first + 3));
        let edited = &original["Top\n".len()..];
        assert_eq!(edited.get(first..first + 7), Some("NBA Hom"), "the neighbour is at the old position");
        let at = first - "Top\n".len();
        let found = anchor(edited, &OffsetIndex::new(edited), &target);
        assert_eq!(found, Anchored { span: Some(Span::new(at, at + 3)), status: AnchorStatus::Moved });
    }

    /// Pages repeat content (a headline list at the top and again under "Most read", a teaser). When the
    /// original is edited and an identical copy with intact context sits far away, the note goes to the
    /// edited original or becomes an orphan, never to a copy; a real move (text inserted above) still moves it.
    #[test]
    fn an_identical_copy_far_away_is_not_the_edited_original() {
        let list = "Top stories\nEurope votes on the new budget rules\nStorm closes schools across the north\n\
                    Markets fall as rates rise\nLavrov meets Blinken in Geneva\nMore news\n";
        let body = "The committee met on Thursday to discuss the proposal, which would change how the money \
                    is shared between the regions. Several members said they needed more time to read it. "
            .repeat(6);
        // A teaser just below the list is a nearer copy of the headline, with other context.
        let teaser = "Read more: Storm closes schools across the north, on page 4. ";
        let original = format!("{list}\n{teaser}{body}\nMost read\n{list}");
        let headline = "Storm closes schools across the north";
        let cases: &[(&str, &str, &str, Option<&str>, AnchorStatus)] = &[
            // (annotated words, replaced in the first list, by, expected words, status)
            (
                headline,
                headline,
                "Storm closes all schools across the north",
                Some("Storm closes all schools across the north"),
                AnchorStatus::Fuzzy,
            ),
            // A word replaced by another (`closes` → `shuts`) may say something else: an orphan, not the copy.
            (headline, headline, "Storm shuts schools across the north", None, AnchorStatus::Orphan),
            (headline, "Storm closes schools across the north\n", "", None, AnchorStatus::Orphan),
            ("Lavrov", "Lavrov meets Blinken", "Lavrov finally meets Blinken", Some("Lavrov"), AnchorStatus::Exact),
            ("Lavrov", "Lavrov meets", "Sergei Lavrov meets", Some("Lavrov"), AnchorStatus::Moved),
            (
                "Lavrov",
                "\nLavrov meets",
                "\nIn Geneva today, Lavrov once again meets",
                Some("Lavrov"),
                AnchorStatus::Moved,
            ),
            ("Lavrov", "Lavrov meets Blinken in Geneva\n", "", None, AnchorStatus::Orphan),
        ];
        for &(words, from, to, expected, status) in cases {
            let target = target_of(&original, words);
            let edited = original.replacen(from, to, 1);
            let found = anchor(&edited, &OffsetIndex::new(&edited), &target);
            let got = found.span.map(|s| (s.start, s.slice(&edited).to_string()));
            let first_list = edited.find("Read more").expect("present");
            assert_eq!(got.as_ref().map(|g| g.1.as_str()), expected, "{words}: {from:?} -> {to:?}");
            assert!(got.is_none_or(|(start, _)| start < first_list), "{words}: {from:?} -> {to:?} took a copy");
            assert_eq!(found.status, status, "{words}: {from:?} -> {to:?}");
        }
        // Text inserted above moves everything by 3 KB: the words are found on the first list, shifted.
        let inserted = format!("{}{original}", "An editor's note added at the top of the page. ".repeat(64));
        for words in [headline, "Lavrov"] {
            let found = anchor(&inserted, &OffsetIndex::new(&inserted), &target_of(&original, words));
            let shifted = inserted.len() - original.len() + original.find(words).expect("present");
            assert_eq!(found.span.map(|s| s.start), Some(shifted), "{words}");
            assert_eq!(found.status, AnchorStatus::Moved, "{words}");
        }
    }

    /// A quote of one foreign letter among spaces once matched white space (the property run at seed 1602):
    /// its one visible character could be the error, so nothing of it is matched.
    #[test]
    fn a_quote_of_mostly_white_space_never_matches_white_space() {
        let text = "Talks went on\t\u{a0}\u{a0}of Lavrov in Washington.";
        let span = Span::new(text.find('\t').expect("a tab"), text.find("of").expect("of"));
        let target = TextTarget { exact: " α  ".into(), ..TextTarget::of(text, &OffsetIndex::new(text), span) };
        assert_eq!(anchored(text, &target), (None, AnchorStatus::Orphan));
    }

    /// The prober's cases: a paragraph that starts like the noted one, inserted before it or left after it
    /// was deleted, has the noted words after the same neighbour. Context across a line break is no
    /// evidence: the note goes to its own paragraph, or is orphaned, never to the other one (it was "exact").
    #[test]
    fn a_paragraph_that_starts_alike_is_not_the_noted_one() {
        let original =
            "Harbour inquiry: chairman defends contract\n\nThe inquiry into the dredging contract heard from \
                        the harbour board chairman on Monday.\n\nMorrison said the board had followed its own rules \
                        and that the contract was approved by a majority.\n\nMorrison also said he had never met the \
                        contractor before the tender was awarded.\n\nThe inquiry resumes on Thursday.";
        let noted = "Morrison said the board";
        let at = original.find(noted).expect("in the text");
        let first_word = TextTarget::of(original, &OffsetIndex::new(original), Span::new(at, at + "Morrison".len()));
        let inserted = original.replace(noted, &format!("Morrison was appointed in 2019.\n\n{noted}"));
        let found = anchor(&inserted, &OffsetIndex::new(&inserted), &first_word);
        assert_eq!(found.span.map(|s| s.start), inserted.find(noted));
        assert_eq!(found.status, AnchorStatus::Moved);
        let paragraph =
            "Morrison said the board had followed its own rules and that the contract was approved by a majority.\n\n";
        let deleted = original.replace(paragraph, "");
        assert_eq!(anchored(&deleted, &first_word), (None, AnchorStatus::Orphan));
        // A menu's item: a new paragraph beginning with it after the same menu line is not it.
        let menu = "Jobs\nReal Estate\nEvents\nRentals\nCars\nWP BrandConnect\nSubscribe\n\nThe story begins here.";
        let at = menu.find("Cars").expect("in the menu");
        let item = TextTarget::of(menu, &OffsetIndex::new(menu), Span::new(at, at + 4));
        let with_paragraph = menu.replace("Rentals\n", "Rentals\nCars report that sales fell.\n\n");
        let found = anchor(&with_paragraph, &OffsetIndex::new(&with_paragraph), &item);
        assert!(found.span.is_none_or(|s| s.start == with_paragraph.rfind("Cars").expect("the item")), "{found:?}");
        // A word doubled after a paragraph's first: the note stays on the first, as before.
        let sport = "Britain plays the Netherlands.\n\nThe Davis Cup Finals is being played in Madrid this week.";
        let at = sport.find("The Davis").expect("in the text");
        let the = TextTarget::of(sport, &OffsetIndex::new(sport), Span::new(at, at + 3));
        let doubled = sport.replace("The Davis", "The The Davis");
        assert_eq!(anchor(&doubled, &OffsetIndex::new(&doubled), &the).span.map(|s| s.start), Some(at));
    }

    /// A note on the end of one paragraph and the start of the next, once the next was moved away, is not on
    /// the first paragraph and the start of whatever follows it now, however alike the whole (the prober's
    /// case: it landed fuzzy, half on words never noted).
    #[test]
    fn a_note_across_paragraphs_needs_each_of_its_lines() {
        let original = "The council will hold a public meeting next month to explain the timetable.\n\nNot everyone \
                        is convinced by the plan, residents said.\n\nThe bridge is named after Ingrid Lindqvist.";
        let noted = "explain the timetable.\n\nNot everyone";
        let at = original.find(noted).expect("in the text");
        let target = TextTarget::of(original, &OffsetIndex::new(original), Span::new(at, at + noted.len()));
        let moved = "The council will hold a public meeting next month to explain the timetable.\n\nThe bridge is \
                     named after Ingrid Lindqvist.\n\nNot everyone is convinced by the plan, residents said.";
        assert_eq!(anchored(moved, &target), (None, AnchorStatus::Orphan));
        // One word changed in the second line: still found, fuzzy.
        let edited = original.replace("Not everyone", "Not everybody");
        assert_eq!(
            anchored(&edited, &target),
            (Some("explain the timetable.\n\nNot everybody".into()), AnchorStatus::Fuzzy)
        );
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
        // Without a position nothing moved: its words stand with their whole context.
        assert_eq!(a.status, AnchorStatus::Exact);
        assert_eq!(a.span.map(|s| s.start), Some(second + "Preface. ".len()));
    }

    /// A text without line breaks (a transcript pasted as one line): checking whether a placement's line is
    /// whole read to the line's edges, the whole text, for every note (2,000 notes on 4 MB took 25 s in a
    /// release build, 7 ms bounded). Each note's work must not grow with the text.
    #[test]
    fn notes_on_one_long_line_are_anchored_without_reading_the_whole_line_each() {
        let sentence = |n: usize| format!("Speaker number {n} talked about the harbour wall and the ferry timetable. ");
        let sentences = 16_000;
        let text: String = (0..sentences).map(sentence).collect();
        let index = OffsetIndex::new(&text);
        let anchorer = Anchorer::new(&text, &index);
        let notes = 1_000;
        let mut targets = Vec::new();
        let mut start = 0;
        for n in (0..sentences).step_by(sentences / notes) {
            let words = format!("Speaker number {n} talked");
            start += text[start..].find(&words).expect("each sentence in the text");
            targets.push((start, TextTarget::of(&text, &index, Span::new(start, start + words.len()))));
        }
        // Each is found in place. The time is the benchmark's to report (`benches/reanchor.rs`, "one line"):
        // reading the whole line per note made this 1.2 MB case take tens of seconds.
        for (start, target) in &targets {
            assert_eq!(anchorer.anchor(target).span.map(|s| s.start), Some(*start));
        }
    }
}
