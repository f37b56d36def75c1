//! Edits real pages and checks that no note lands on the wrong words ("an orphaned note beats a misplaced
//! one").
//!
//! Every `../shared/corpus/*.txt` page (read at run time, never copied here) is cut into word and space tokens;
//! each word token carries an id that follows it through the edit, so the TRUE place of the noted words in the
//! edited text is known, or known to be gone. A note is made on 1–6 consecutive words of the original
//! (`TextTarget::of`), the page is edited one way, and the note is anchored on the edited text. Outcomes:
//! - `right`: placed, overlapping the true words;
//! - `orphan`: not placed;
//! - `copy`: placed on a verbatim copy of the noted words that is not the true place, with at least
//!   [`COPY_CONTEXT_CHARS`] characters of the original context agreeing verbatim on one side, and (when the
//!   true words are still there) context agreeing at least as well as theirs: a page's repeated headline or
//!   menu line, which no anchorer can tell apart, so it is counted apart and not as wrong;
//! - `wrong`: any other placement.
//!
//! Deterministic: the seed and the number of trials per edit come from `SIDENOTE_ANCHOR_SEED` and
//! `SIDENOTE_ANCHOR_TRIALS` (defaults [`DEFAULT_SEED`], [`DEFAULT_TRIALS`]); each edit kind draws from its own
//! generator, so one kind's cases do not change when another's do. The table and the first wrong cases are
//! printed with `cargo test -p sidenote-annotate --test anchoring_edits -- --nocapture`
//! (`SIDENOTE_ANCHOR_SHOW=N` prints N wrong cases). The ceilings are counts at the defaults: another seed or
//! trial count explores other cases and may go over them (seed 2 made 55 wrong against seed 1's 67, but 8
//! in deleteNoted and 4 in reorderParas) until they are 0.
//!
//! Without `../shared/corpus` the two corpus tests are reported as ignored (see `build.rs`); with the folder
//! present but no pages they fail. The miniature cases at the end need no corpus.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::OnceLock;

use sidenote_annotate::anchor::{anchor, AnchorStatus, Anchorer, TextTarget};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::Span;

/// The most WRONG placements each edit kind may make at the default seed and trial count: what main made
/// once a placement contradicted by the original's context was refused (seed 1, 150 trials per kind,
/// right/orphan/wrong/copy in the comments; before, 67 wrong in all: insertInside 3, dupFarAndEditOriginal
/// 9, changeWordInside 1, replaceWord 7, deleteNoted 4, deleteNotedAndContext 25, deleteNotedKeepContext 3,
/// moveParagraphFar 9, rewrap 1, rewrapAndStraight 3; 19 then, 17 once every quote away from its place needed
/// 16 agreeing characters of context, `exact::context_evidence`; 16 once one word needed them even near its
/// place; 15 once a side agreeing only in part, with the other side unlike, was refused: deleteNotedAndContext
/// 7 → 6). What is left is page repeats whose context agrees
/// in part (menus, "Read more:" teasers, the same phrase in two headlines) after the noted words and their
/// context were deleted or their paragraph moved. A new WRONG above a ceiling fails.
const WRONG_CEILINGS: &[(&str, usize)] = &[
    ("insertBefore", 0),            // 150 / 0 / 0 / 0
    ("insertAfter", 0),             // 150 / 0 / 0 / 0
    ("insertInside", 0),            // 107 / 43 / 0 / 0
    ("deleteNearBefore", 0),        // 150 / 0 / 0 / 0
    ("deleteNearAfter", 0),         // 150 / 0 / 0 / 0
    ("repeatPhraseNear", 3),        // 143 / 3 / 3 / 1 (see below)
    ("duplicateWithContextFar", 0), // 147 / 1 / 0 / 2
    ("dupFarAndEditOriginal", 1),   // 113 / 35 / 1 / 1
    ("changeWordInside", 0),        // 110 / 40 / 0 / 0
    ("replaceWord", 0),             // 42 / 108 / 0 / 0
    ("deleteNoted", 0),             // 0 / 150 / 0 / 0 (all 150 gone)
    ("deleteNotedAndContext", 6),   // 0 / 131 / 6 / 13 (all 150 gone)
    ("deleteNotedKeepContext", 0),  // 0 / 150 / 0 / 0 (all 150 gone)
    ("reorderParas", 2),            // 106 / 32 / 2 / 10
    ("moveParagraphFar", 4),        // 99 / 30 / 4 / 17
    ("rewrap", 0),                  // 149 / 1 / 0 / 0
    ("straightQuotes", 0),          // 150 / 0 / 0 / 0
    ("curlyQuotes", 0),             // 150 / 0 / 0 / 0
    ("rewrapAndStraight", 0),       // 150 / 0 / 0 / 0
    // The prober's class (fourteenth round): a paragraph or sentence starting with the noted paragraph's (or
    // sentence's) first one or two words, inserted before it or written in its place. Before context across a
    // line break stopped counting as evidence (`anchor::search`, `prefix_line`), seed 1 made 82, 80 and 82
    // wrong (seeds 2 and 3: 66/76/77 and 70/85/77); now 4 / 10 / 25 (7/7/18 and 9/7/26). What is left is
    // mostly a sentence rewritten after its first two words (`[Molly] Hooper, a CBSN …` → `Molly Hooper, in
    // …`), which the harness counts as new words but a reader would call the same name, and a first word of a
    // sentence whose sentence was rewritten mid-paragraph (its prefix in the same line still agrees). The same
    // rule made three notes on a phrase that starts a line land on a copy of the phrase doubled right after it
    // (`[And there was quite] And there was quite a bit`: the judge's margin between the two is one character
    // of context), hence repeatPhraseNear's ceiling of 3 (seeds 2 and 3: 1 and 7, from 0 and 0).
    ("insertAlikeParagraph", 4), // 131 / 15 / 4 / 0 (126 / 20 before a paragraph inserted between was allowed)
    ("replaceParagraphAlike", 10), // 1 / 139 / 10 / 0 (142 gone)
    // Fifteenth round: a sentence's start mid-paragraph is read as a line's (its prefix across the sentence
    // break is no evidence): replaceSentenceAlike 25 → 12 wrong at seed 1 (seeds 2 and 3: 18 → 9 and 26 → 13),
    // no right placement lost in any kind. What is left is mostly the harness's sentences after an
    // abbreviation (`Rep. [Ilhan] Omar…`, `the U.S. [has] long…`) rewritten after their first two words.
    ("replaceSentenceAlike", 12), // 1 / 137 / 12 / 0 (137 gone)
];

/// Edits that leave the noted words in place (or only move them a little, or change only spaces and quote
/// marks, or move their whole paragraph): the note must stay on them at least this share of trials. Main at 0bafa96 (seed 1, 150 trials)
/// placed 98–100% of them right (lowest: rewrapAndStraight 147/150); the floor sits just under.
const KEEP_FLOORS: &[(&str, f64)] = &[
    ("insertBefore", 0.97),
    ("insertAfter", 0.97),
    ("deleteNearBefore", 0.97),
    ("deleteNearAfter", 0.97),
    ("repeatPhraseNear", 0.95), // 143/150 since a phrase doubled after a line-start note may take the note (see WRONG_CEILINGS)
    ("rewrap", 0.97),
    ("straightQuotes", 0.97),
    ("curlyQuotes", 0.97),
    ("rewrapAndStraight", 0.97),
    // A paragraph moved keeps its words but changes the context of notes at its edges: main at ea525e9 placed
    // 109/150 (reorderParas) and 90/150 (moveParagraphFar) right and orphaned the rest (none wrong beyond
    // their ceilings); the floors keep a change from orphaning more of them unseen.
    // Fourteenth round: 104/150, since context across a line break is no evidence and each line of a note across
    // paragraphs must be found (the notes at a reordered paragraph's edges that only the neighbouring paragraph
    // placed are orphans now: 3 more than before at seed 1, while the alike kinds' wrong placements fell 244 → 39).
    // Fifteenth round: the neighbouring paragraph standing where a line-start note's words were no longer
    // refuses them elsewhere unless the paragraph there starts alike (`exact::contradicted`, case 1), and the
    // one occurrence whose own line stands whole is believed (`exact::find_moved`): moveParagraphFar 90 → 99
    // and reorderParas 104 → 106 at seed 1 (seeds 2 and 3: 89 → 97 and 117 → 121, 87 → 93 and 108 → 114),
    // no wrong placement added. The floor leaves seed 3's 93 in.
    ("reorderParas", 0.69),
    ("moveParagraphFar", 0.62),
];

const DEFAULT_SEED: u64 = 1;
/// 150 trials per kind take ~10 s in a debug build on a loaded 2-core machine.
const DEFAULT_TRIALS: usize = 150;

/// Characters of the original context that must agree verbatim on one side for a landing on a copy of the
/// noted words to count as a defensible `copy` rather than `wrong`.
const COPY_CONTEXT_CHARS: usize = 16;

/// How far (bytes) `moveParagraphFar` moves the noted paragraph.
const FAR_BYTES: usize = 8 * 1024;

/// How many WRONG cases are printed for diagnosis (`SIDENOTE_ANCHOR_SHOW` to see more).
const SHOWN_WRONG: usize = 12;

/// Words inserted by the edits (the fuzzer's filler: common news words, so chance copies abound).
const FILL: &[&str] = &[
    "the",
    "said",
    "officials",
    "new",
    "report",
    "on",
    "Monday",
    "and",
    "Moscow",
    "minister",
    "a",
    "of",
    "in",
    "that",
    "which",
    "was",
];

// ---------------------------------------------------------------------------------------------------------
// A small seeded generator (splitmix64): reproducible, no dependency.

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn coin(&mut self) -> bool {
        self.next() & 1 == 1
    }
}

// ---------------------------------------------------------------------------------------------------------
// Tokens that remember which original word they are.

#[derive(Clone, Debug)]
struct Token {
    text: String,
    /// `Some` for a word, `None` for a run of white space.
    id: Option<u32>,
}

fn space(text: &str) -> Token {
    Token { text: text.to_string(), id: None }
}

fn is_paragraph_break(token: &Token) -> bool {
    token.id.is_none() && token.text.contains('\n')
}

fn join(tokens: &[Token]) -> String {
    tokens.iter().map(|t| t.text.as_str()).collect()
}

/// The byte spans of the tokens whose id is in `ids`, in order (empty when the words are gone).
fn word_spans(tokens: &[Token], ids: &HashSet<u32>) -> Vec<Span> {
    let (mut at, mut spans) = (0, Vec::new());
    for token in tokens {
        let end = at + token.text.len();
        if token.id.is_some_and(|id| ids.contains(&id)) {
            spans.push(Span::new(at, end));
        }
        at = end;
    }
    spans
}

/// The byte span from the first to the last token whose id is in `ids`, if any is left.
fn span_of(tokens: &[Token], ids: &HashSet<u32>) -> Option<Span> {
    hull(&word_spans(tokens, ids))
}

fn hull(spans: &[Span]) -> Option<Span> {
    Some(Span::new(spans.first()?.start, spans.last()?.end))
}

/// The token range (first, one past last) holding the ids in `ids`, if any is left.
fn range_of(tokens: &[Token], ids: &HashSet<u32>) -> Option<(usize, usize)> {
    let first = tokens.iter().position(|t| t.id.is_some_and(|id| ids.contains(&id)))?;
    let last = tokens.iter().rposition(|t| t.id.is_some_and(|id| ids.contains(&id)))?;
    Some((first, last + 1))
}

/// The edits, named as in the prober's fuzzer (fuzz3.mjs) plus `moveParagraphFar` and `deleteNotedKeepContext`.
#[derive(Clone, Copy, Debug)]
enum Edit {
    InsertBefore,
    InsertAfter,
    InsertInside,
    DeleteNearBefore,
    DeleteNearAfter,
    RepeatPhraseNear,
    DuplicateWithContextFar,
    DupFarAndEditOriginal,
    ChangeWordInside,
    ReplaceWord,
    DeleteNoted,
    DeleteNotedAndContext,
    DeleteNotedKeepContext,
    ReorderParas,
    MoveParagraphFar,
    Rewrap,
    StraightQuotes,
    CurlyQuotes,
    RewrapAndStraight,
    InsertAlikeParagraph,
    ReplaceParagraphAlike,
    ReplaceSentenceAlike,
}

const EDITS: &[Edit] = &[
    Edit::InsertBefore,
    Edit::InsertAfter,
    Edit::InsertInside,
    Edit::DeleteNearBefore,
    Edit::DeleteNearAfter,
    Edit::RepeatPhraseNear,
    Edit::DuplicateWithContextFar,
    Edit::DupFarAndEditOriginal,
    Edit::ChangeWordInside,
    Edit::ReplaceWord,
    Edit::DeleteNoted,
    Edit::DeleteNotedAndContext,
    Edit::DeleteNotedKeepContext,
    Edit::ReorderParas,
    Edit::MoveParagraphFar,
    Edit::Rewrap,
    Edit::StraightQuotes,
    Edit::CurlyQuotes,
    Edit::RewrapAndStraight,
    Edit::InsertAlikeParagraph,
    Edit::ReplaceParagraphAlike,
    Edit::ReplaceSentenceAlike,
];

impl Edit {
    fn name(self) -> &'static str {
        match self {
            Edit::InsertBefore => "insertBefore",
            Edit::InsertAfter => "insertAfter",
            Edit::InsertInside => "insertInside",
            Edit::DeleteNearBefore => "deleteNearBefore",
            Edit::DeleteNearAfter => "deleteNearAfter",
            Edit::RepeatPhraseNear => "repeatPhraseNear",
            Edit::DuplicateWithContextFar => "duplicateWithContextFar",
            Edit::DupFarAndEditOriginal => "dupFarAndEditOriginal",
            Edit::ChangeWordInside => "changeWordInside",
            Edit::ReplaceWord => "replaceWord",
            Edit::DeleteNoted => "deleteNoted",
            Edit::DeleteNotedAndContext => "deleteNotedAndContext",
            Edit::DeleteNotedKeepContext => "deleteNotedKeepContext",
            Edit::ReorderParas => "reorderParas",
            Edit::MoveParagraphFar => "moveParagraphFar",
            Edit::Rewrap => "rewrap",
            Edit::StraightQuotes => "straightQuotes",
            Edit::CurlyQuotes => "curlyQuotes",
            Edit::RewrapAndStraight => "rewrapAndStraight",
            Edit::InsertAlikeParagraph => "insertAlikeParagraph",
            Edit::ReplaceParagraphAlike => "replaceParagraphAlike",
            Edit::ReplaceSentenceAlike => "replaceSentenceAlike",
        }
    }

    /// Where the note of this edit starts: at the first word of its paragraph or sentence (the prober's
    /// cases: paragraphs and sentences begin alike, `Morrison said …` / `Morrison also said …`), or anywhere.
    fn note_starts(self) -> Option<Unit> {
        match self {
            Edit::InsertAlikeParagraph | Edit::ReplaceParagraphAlike => Some(Unit::Paragraph),
            Edit::ReplaceSentenceAlike => Some(Unit::Sentence),
            _ => None,
        }
    }
}

/// A stretch of text whose first word a note can be made to start at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Paragraph,
    Sentence,
}

/// The index in `words` of the first word of the paragraph (or sentence) holding `words[k]`.
fn first_word_of(tokens: &[Token], words: &[usize], mut k: usize, unit: Unit) -> usize {
    while k > 0 {
        let previous = &tokens[words[k - 1]];
        let breaks = tokens[words[k - 1] + 1..words[k]].iter().any(is_paragraph_break);
        if breaks || (unit == Unit::Sentence && previous.text.ends_with(['.', '?', '!'])) {
            break;
        }
        k -= 1;
    }
    k
}

/// Makes tokens and edits them; every new word gets a fresh id, so inserted or copied words are never taken
/// for the noted ones.
struct Editor {
    rng: Rng,
    next_id: u32,
}

impl Editor {
    fn fresh_id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    fn tokenize(&mut self, text: &str) -> Vec<Token> {
        let mut tokens: Vec<Token> = Vec::new();
        for ch in text.chars() {
            let white = ch.is_whitespace();
            match tokens.last_mut() {
                Some(last) if last.id.is_none() == white => last.text.push(ch),
                _ => {
                    let id = if white { None } else { Some(self.fresh_id()) };
                    tokens.push(Token { text: ch.to_string(), id });
                }
            }
        }
        tokens
    }

    /// `n` filler words separated by single spaces.
    fn fill_words(&mut self, n: usize) -> Vec<Token> {
        let mut out = Vec::new();
        for i in 0..n {
            if i > 0 {
                out.push(space(" "));
            }
            let word = FILL[self.rng.below(FILL.len())];
            let id = self.fresh_id();
            out.push(Token { text: word.to_string(), id: Some(id) });
        }
        out
    }

    /// The same text under new ids: a copy, not the original words.
    fn fresh_copy(&mut self, tokens: &[Token]) -> Vec<Token> {
        tokens.iter().map(|t| Token { text: t.text.clone(), id: t.id.map(|_| self.fresh_id()) }).collect()
    }

    /// Applies `edit` to `t`, whose noted words are tokens `a..b` (`ids`); `other_page` lengthens a page too
    /// short for `moveParagraphFar`. `None` when the edit does not apply to this note.
    fn apply(&mut self, edit: Edit, t: &[Token], (a, b): (usize, usize), other_page: &str) -> Option<Vec<Token>> {
        let cat = |parts: &[&[Token]]| parts.concat();
        Some(match edit {
            Edit::InsertBefore => {
                let n = 1 + self.rng.below(3);
                let ins = self.fill_words(n);
                cat(&[&t[..a], &ins, &[space(" ")], &t[a..]])
            }
            Edit::InsertAfter => {
                let n = 1 + self.rng.below(3);
                let ins = self.fill_words(n);
                cat(&[&t[..b], &[space(" ")], &ins, &t[b..]])
            }
            Edit::InsertInside => {
                if b - a < 3 {
                    return None;
                }
                let n = 1 + self.rng.below(2);
                let ins = self.fill_words(n);
                cat(&[&t[..a + 2], &ins, &[space(" ")], &t[a + 2..]])
            }
            Edit::DeleteNearBefore => {
                // The word before the noted ones and the space after it.
                let k = (1..a.saturating_sub(1)).rev().find(|&k| t[k].id.is_some())?;
                cat(&[&t[..k], &t[k + 2..]])
            }
            Edit::DeleteNearAfter => {
                let k = b + 1;
                if k + 1 >= t.len() {
                    return None;
                }
                cat(&[&t[..k], &t[k + 2..]])
            }
            Edit::RepeatPhraseNear => {
                let copy = self.fresh_copy(&t[a..b]);
                cat(&[&t[..b], &[space(" ")], &copy, &t[b..]])
            }
            Edit::DuplicateWithContextFar => self.duplicate_far(t, a, b),
            Edit::DupFarAndEditOriginal => {
                let ids: HashSet<u32> = t[a..b].iter().filter_map(|x| x.id).collect();
                let doubled = self.duplicate_far(t, a, b);
                let range = range_of(&doubled, &ids)?;
                self.change_word_inside(&doubled, range)
            }
            Edit::ChangeWordInside => self.change_word_inside(t, (a, b)),
            Edit::ReplaceWord => {
                let words: Vec<usize> = (a..b).filter(|&k| t[k].id.is_some()).collect();
                let k = words[self.rng.below(words.len())];
                let mut out = t.to_vec();
                out[k].text = FILL[self.rng.below(FILL.len())].to_string();
                out
            }
            Edit::DeleteNoted => cat(&[&t[..a], &t[b..]]),
            Edit::DeleteNotedAndContext => cat(&[&t[..a.saturating_sub(10)], &t[(b + 10).min(t.len())..]]),
            Edit::DeleteNotedKeepContext => {
                // The noted words go, their context stays, and a bare copy of them (other context) stands as a
                // paragraph of its own at least a paragraph away: the copy must not be taken.
                let copy = self.fresh_copy(&t[a..b]);
                let rest = cat(&[&t[..a], &t[b..]]);
                let breaks: Vec<usize> =
                    (0..rest.len()).filter(|&k| is_paragraph_break(&rest[k]) && (k + 40 < a || k > a + 40)).collect();
                if breaks.is_empty() {
                    return None;
                }
                let k = breaks[self.rng.below(breaks.len())];
                cat(&[&rest[..=k], &copy, &[space("\n\n")], &rest[k + 1..]])
            }
            Edit::ReorderParas => {
                let mut paras: Vec<Vec<Token>> = t.split(is_paragraph_break).map(<[Token]>::to_vec).collect();
                if paras.len() < 3 {
                    return None;
                }
                for i in (1..paras.len()).rev() {
                    let j = self.rng.below(i + 1);
                    paras.swap(i, j);
                }
                paras.join(&space("\n\n"))
            }
            Edit::MoveParagraphFar => self.move_paragraph_far(t, a, other_page)?,
            Edit::Rewrap => self.rewrap(t),
            Edit::StraightQuotes => straight_quotes(t),
            Edit::CurlyQuotes => t
                .iter()
                .map(|x| Token { text: x.text.replace('\'', "\u{2019}").replace('"', "\u{201D}"), id: x.id })
                .collect(),
            Edit::RewrapAndStraight => straight_quotes(&self.rewrap(t)),
            // A new paragraph before the noted one, beginning with the same one or two words.
            Edit::InsertAlikeParagraph => {
                let fill = 3 + self.rng.below(6);
                let alike = self.alike_start(t, a, fill);
                cat(&[&t[..a], &alike, &[space("\n\n")], &t[a..]])
            }
            // The noted paragraph rewritten but for its first one or two words (`Morrison also said …`).
            Edit::ReplaceParagraphAlike => {
                let end = t[a..].iter().position(is_paragraph_break).map_or(t.len(), |k| a + k);
                let fill = 4 + self.rng.below(7);
                let alike = self.alike_start(t, a, fill);
                cat(&[&t[..a], &alike, &t[end..]])
            }
            // The noted sentence rewritten but for its first one or two words (`He also said …`).
            Edit::ReplaceSentenceAlike => {
                let paragraph_end = t[a..].iter().position(is_paragraph_break).map_or(t.len(), |k| a + k);
                let last = (a..paragraph_end).find(|&k| t[k].id.is_some() && t[k].text.ends_with(['.', '?', '!']));
                let end = last.map_or(paragraph_end, |k| k + 1);
                let fill = 4 + self.rng.below(7);
                let alike = self.alike_start(t, a, fill);
                cat(&[&t[..a], &alike, &t[end..]])
            }
        })
    }

    /// Fresh copies of the one or two words from token `a` (within their paragraph), then `fill` filler words
    /// ending a sentence.
    fn alike_start(&mut self, t: &[Token], a: usize, fill: usize) -> Vec<Token> {
        let wanted = 1 + self.rng.below(2);
        let mut end = a;
        let mut taken = 0;
        while end < t.len() && taken < wanted && !is_paragraph_break(&t[end]) {
            taken += usize::from(t[end].id.is_some());
            end += 1;
        }
        let mut words = self.fresh_copy(&t[a..end]);
        words.push(space(" "));
        words.extend(self.fill_words(fill));
        if let Some(last) = words.last_mut() {
            last.text.push('.');
        }
        words
    }

    /// The noted words with 12 tokens of context on each side, copied (new ids) to the start or the end.
    fn duplicate_far(&mut self, t: &[Token], a: usize, b: usize) -> Vec<Token> {
        let copy = self.fresh_copy(&t[a.saturating_sub(12)..(b + 12).min(t.len())]);
        if self.rng.coin() {
            [t, &[space("\n\n")], &copy[..]].concat()
        } else {
            [&copy[..], &[space("\n\n")], t].concat()
        }
    }

    /// One noted word misspelt: its last two characters swapped, or an `s` added to a short one.
    fn change_word_inside(&mut self, t: &[Token], (a, b): (usize, usize)) -> Vec<Token> {
        let words: Vec<usize> = (a..b).filter(|&k| t[k].id.is_some()).collect();
        let k = words[self.rng.below(words.len())];
        let chars: Vec<char> = t[k].text.chars().collect();
        let changed: String = if chars.len() > 3 {
            let n = chars.len();
            chars[..n - 2].iter().chain([&chars[n - 1], &chars[n - 2]]).collect()
        } else {
            format!("{}s", t[k].text)
        };
        let mut out = t.to_vec();
        out[k].text = changed;
        out
    }

    /// Line breaks moved: every space becomes a single space or a line break, lines of 40–80 characters.
    fn rewrap(&mut self, t: &[Token]) -> Vec<Token> {
        let mut column = 0;
        t.iter()
            .map(|x| {
                if x.id.is_some() {
                    column += x.text.chars().count();
                    return x.clone();
                }
                let newline = column > 40 + self.rng.below(40);
                if newline {
                    column = 0;
                }
                space(if newline { "\n" } else { " " })
            })
            .collect()
    }

    /// The paragraph holding token `a` taken out and put back more than [`FAR_BYTES`] away (after text
    /// of another page appended, fresh ids, when the page is too short).
    fn move_paragraph_far(&mut self, t: &[Token], a: usize, other_page: &str) -> Option<Vec<Token>> {
        let start = t[..a].iter().rposition(is_paragraph_break).map_or(0, |k| k + 1);
        let end = t[a..].iter().position(is_paragraph_break).map_or(t.len(), |k| a + k);
        let paragraph = &t[start..end];
        let offset_of = |tokens: &[Token], k: usize| tokens[..k].iter().map(|x| x.text.len()).sum::<usize>();
        let old_offset = offset_of(t, start);
        let mut rest: Vec<Token> = [&t[..start], &t[(end + 1).min(t.len())..]].concat();
        let mut breaks = far_breaks(&rest, old_offset);
        if breaks.is_empty() {
            let extra = self.tokenize(other_page);
            rest = [&rest, &[space("\n\n")][..], &extra].concat();
            breaks = far_breaks(&rest, old_offset);
        }
        if breaks.is_empty() {
            // Even two pages are not long enough: the paragraph goes to the end if that is far enough.
            let at = offset_of(&rest, rest.len());
            if at.abs_diff(old_offset) <= FAR_BYTES {
                return None;
            }
            return Some([&rest, &[space("\n\n")][..], paragraph].concat());
        }
        let k = breaks[self.rng.below(breaks.len())];
        Some([&rest[..=k], paragraph, &[space("\n\n")], &rest[k + 1..]].concat())
    }
}

/// The paragraph breaks of `tokens` after which a paragraph would start more than [`FAR_BYTES`] from
/// `offset`.
fn far_breaks(tokens: &[Token], offset: usize) -> Vec<usize> {
    let mut at = 0;
    let mut breaks = Vec::new();
    for (k, token) in tokens.iter().enumerate() {
        at += token.text.len();
        if is_paragraph_break(token) && at.abs_diff(offset) > FAR_BYTES {
            breaks.push(k);
        }
    }
    breaks
}

fn straight_quotes(t: &[Token]) -> Vec<Token> {
    t.iter()
        .map(|x| Token {
            text: x.text.replace(['\u{2018}', '\u{2019}'], "'").replace(['\u{201C}', '\u{201D}'], "\""),
            id: x.id,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------------------
// Judging a placement.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Right,
    Orphan,
    Copy,
    Wrong,
}

/// How many characters before `span` agree with the end of `prefix`, and after it with the start of `suffix`.
fn context_agreement(text: &str, span: Span, prefix: &str, suffix: &str) -> (usize, usize) {
    let before = text[..span.start].chars().rev().zip(prefix.chars().rev()).take_while(|(x, y)| x == y).count();
    let after = text[span.end..].chars().zip(suffix.chars()).take_while(|(x, y)| x == y).count();
    (before, after)
}

/// Judges where `placed` put the note whose words are now at `truth` (one span per word left, none when
/// they are gone). Right means overlapping one of the words themselves, not just the stretch between them
/// (words a reordering sent to different paragraphs have other text between them).
fn judge(text: &str, target: &TextTarget, placed: Option<Span>, truth: &[Span]) -> Outcome {
    let Some(span) = placed else { return Outcome::Orphan };
    if truth.iter().any(|t| t.overlaps(span)) {
        return Outcome::Right;
    }
    let truth = hull(truth);
    if span.slice(text) != target.exact {
        return Outcome::Wrong;
    }
    let (before, after) = context_agreement(text, span, &target.prefix, &target.suffix);
    if before.max(after) < COPY_CONTEXT_CHARS {
        return Outcome::Wrong;
    }
    // A copy is defensible only if the true words (when still there) are not better attested by their context.
    let as_good_as_truth = truth.is_none_or(|t| {
        let (tb, ta) = context_agreement(text, t, &target.prefix, &target.suffix);
        before + after >= tb + ta
    });
    if as_good_as_truth {
        Outcome::Copy
    } else {
        Outcome::Wrong
    }
}

/// ~30 characters either side of `span`, with the span in brackets, on one line.
fn around(text: &str, span: Span) -> String {
    let before: String = text[..span.start].chars().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect();
    let after: String = text[span.end..].chars().take(30).collect();
    format!("{before}[{}]{after}", span.slice(text)).replace('\n', "⏎")
}

// ---------------------------------------------------------------------------------------------------------
// The run.

#[derive(Default, Clone, Copy)]
struct Counts {
    right: usize,
    orphan: usize,
    copy: usize,
    wrong: usize,
    /// Trials whose noted words are gone from the edited text (every placement of those is `copy` or `wrong`).
    gone: usize,
    total: usize,
}

struct Report {
    counts: BTreeMap<&'static str, Counts>,
    wrong_cases: Vec<String>,
    /// Every trial's outcome, when `SIDENOTE_ANCHOR_LOG` names a file for it.
    log: String,
}

fn env_number<T: std::str::FromStr>(name: &str, default: T) -> T {
    match std::env::var(name) {
        Ok(value) => value.trim().parse().unwrap_or_else(|_| panic!("{name}={value:?} is not a number")),
        Err(_) => default,
    }
}

fn corpus_pages() -> Vec<(String, String)> {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap_or_else(|e| panic!("{} is not readable: {e}", corpus.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    // Sorted: the directory's order is not the same everywhere, the cases must be.
    paths.sort();
    assert!(!paths.is_empty(), "no .txt pages in {}: the corpus is broken", corpus.display());
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(), text)
        })
        .collect()
}

fn run() -> Report {
    let seed: u64 = env_number("SIDENOTE_ANCHOR_SEED", DEFAULT_SEED);
    let trials: usize = env_number("SIDENOTE_ANCHOR_TRIALS", DEFAULT_TRIALS);
    let pages = corpus_pages();
    let started = std::time::Instant::now();
    let mut report = Report { counts: BTreeMap::new(), wrong_cases: Vec::new(), log: String::new() };
    // `SIDENOTE_ANCHOR_LOG=FILE` writes every trial's outcome there, one line each, to compare two builds.
    let log_path = std::env::var("SIDENOTE_ANCHOR_LOG").ok();
    for (kind, &edit) in EDITS.iter().enumerate() {
        let mut editor = Editor { rng: Rng(seed ^ ((kind as u64 + 1) << 32)), next_id: 0 };
        let counts = report.counts.entry(edit.name()).or_default();
        let mut attempts = 0;
        while counts.total < trials {
            attempts += 1;
            assert!(attempts < trials * 20, "{} applies to too few notes", edit.name());
            let (page_name, text) = &pages[editor.rng.below(pages.len())];
            let other_page = &pages[editor.rng.below(pages.len())].1;
            let tokens = editor.tokenize(text);
            let words: Vec<usize> = (0..tokens.len()).filter(|&k| tokens[k].id.is_some()).collect();
            if words.len() < 10 {
                continue;
            }
            let mut first = editor.rng.below(words.len() - 8);
            if let Some(unit) = edit.note_starts() {
                first = first_word_of(&tokens, &words, first, unit);
            }
            let long = editor.rng.coin();
            let count = 1 + editor.rng.below(if long { 6 } else { 2 });
            let (a, b) = (words[first], words[first + count - 1] + 1);
            let ids: HashSet<u32> = tokens[a..b].iter().filter_map(|t| t.id).collect();
            let original_span = span_of(&tokens, &ids).expect("the noted words are in the original");
            let target = TextTarget::of(text, &OffsetIndex::new(text), original_span);
            let Some(edited_tokens) = editor.apply(edit, &tokens, (a, b), other_page) else { continue };
            let edited = join(&edited_tokens);
            let truth_words = word_spans(&edited_tokens, &ids);
            let truth = hull(&truth_words);
            let index = OffsetIndex::new(&edited);
            let placed = Anchorer::new(&edited, &index).anchor(&target).span;
            let mut outcome = judge(&edited, &target, placed, &truth_words);
            // What these edits write is new text that starts alike, never a page repeating itself: a placement
            // on it is not a defensible copy.
            if edit.note_starts().is_some() && outcome == Outcome::Copy {
                outcome = Outcome::Wrong;
            }
            counts.total += 1;
            counts.gone += usize::from(truth.is_none());
            if log_path.is_some() {
                let landed = placed.map(|s| around(&edited, s)).unwrap_or_default();
                let true_place = truth.map(|t| around(&edited, t)).unwrap_or_default();
                report.log.push_str(&format!(
                    "{}\t{}\t{page_name}\t{outcome:?}\t{}\t{}\t{}\n",
                    edit.name(),
                    counts.total,
                    around(text, original_span).replace('\t', "⇥"),
                    landed.replace('\t', "⇥"),
                    true_place.replace('\t', "⇥")
                ));
            }
            match outcome {
                Outcome::Right => counts.right += 1,
                Outcome::Orphan => counts.orphan += 1,
                Outcome::Copy => counts.copy += 1,
                Outcome::Wrong => {
                    counts.wrong += 1;
                    let landed = placed.map(|s| around(&edited, s)).unwrap_or_default();
                    let true_place = truth.map_or_else(|| "(gone)".to_string(), |t| around(&edited, t));
                    report.wrong_cases.push(format!(
                        "{} (seed {seed}, trial {}) on {page_name}: noted {:?}\n    was:    {}\n    landed: {landed}\n    truth:  {true_place}",
                        edit.name(),
                        counts.total,
                        target.exact,
                        around(text, original_span),
                    ));
                }
            }
        }
    }
    if let Some(path) = &log_path {
        std::fs::write(path, &report.log).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    print_report(&report, seed, trials, started.elapsed());
    report
}

fn print_report(report: &Report, seed: u64, trials: usize, elapsed: std::time::Duration) {
    println!("anchoring on edited pages: seed {seed}, {trials} trials per edit, {:.1} s", elapsed.as_secs_f64());
    println!("{:<24} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}", "edit", "right", "orphan", "wrong", "copy", "gone", "total");
    for edit in EDITS {
        let c = report.counts.get(edit.name()).copied().unwrap_or_default();
        println!(
            "{:<24} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
            edit.name(),
            c.right,
            c.orphan,
            c.wrong,
            c.copy,
            c.gone,
            c.total
        );
    }
    let shown = env_number("SIDENOTE_ANCHOR_SHOW", SHOWN_WRONG).min(report.wrong_cases.len());
    println!("{} wrong in all; the first {shown}:", report.wrong_cases.len());
    for case in report.wrong_cases.iter().take(shown) {
        println!("  {case}");
    }
}

fn report() -> &'static Report {
    static REPORT: OnceLock<Report> = OnceLock::new();
    REPORT.get_or_init(run)
}

#[test]
#[cfg_attr(not(shared_corpus), ignore = "../shared/corpus not found: anchoring on edited pages is NOT checked")]
fn no_edit_kind_misplaces_more_notes_than_its_ceiling() {
    let report = report();
    let mut over = Vec::new();
    for edit in EDITS {
        let counts = report.counts.get(edit.name()).copied().unwrap_or_default();
        let ceiling = WRONG_CEILINGS
            .iter()
            .find(|(name, _)| *name == edit.name())
            .map(|&(_, c)| c)
            .unwrap_or_else(|| panic!("{} has no ceiling in WRONG_CEILINGS", edit.name()));
        if counts.wrong > ceiling {
            over.push(format!("{}: {} wrong > ceiling {ceiling}", edit.name(), counts.wrong));
        }
    }
    assert!(over.is_empty(), "misplaced notes above their ceilings: {over:?}");
}

#[test]
#[cfg_attr(not(shared_corpus), ignore = "../shared/corpus not found: anchoring on edited pages is NOT checked")]
fn edits_that_keep_the_words_keep_the_note_on_them() {
    let report = report();
    let mut under = Vec::new();
    for &(name, floor) in KEEP_FLOORS {
        let counts = report.counts.get(name).copied().unwrap_or_default();
        assert!(counts.total > 0, "{name} ran no trial");
        let share = counts.right as f64 / counts.total as f64;
        if share < floor {
            under.push(format!("{name}: {share:.3} right < floor {floor}"));
        }
    }
    assert!(under.is_empty(), "notes lost by edits that keep their words: {under:?}");
}

/// The harness itself: edits move the tracked words where they should, and the judge tells right, copy,
/// wrong and orphan apart (without this a broken tracker would let any placement pass).
#[test]
fn the_harness_tracks_the_noted_words_and_judges_placements() {
    let text = "Intro line here.\nThe minister said the talks were over, officials said.\nAnother line follows.";
    let mut editor = Editor { rng: Rng(7), next_id: 0 };
    let tokens = editor.tokenize(text);
    assert_eq!(join(&tokens), text);
    let start = tokens.iter().position(|t| t.text == "talks").expect("talks");
    let (a, b) = (start, start + 3); // "talks were"
    let ids: HashSet<u32> = tokens[a..b].iter().filter_map(|t| t.id).collect();
    let tracked = |edit: Edit, editor: &mut Editor| {
        let edited = editor.apply(edit, &tokens, (a, b), text).expect("the edit applies");
        let text = join(&edited);
        span_of(&edited, &ids).map(|s| s.slice(&text).to_string())
    };
    for edit in [Edit::InsertBefore, Edit::InsertAfter, Edit::DeleteNearBefore, Edit::DeleteNearAfter] {
        assert_eq!(tracked(edit, &mut editor).as_deref(), Some("talks were"), "{}", edit.name());
    }
    assert_eq!(tracked(Edit::RepeatPhraseNear, &mut editor).as_deref(), Some("talks were"));
    assert_eq!(tracked(Edit::ChangeWordInside, &mut editor).map(|w| w.len()), Some("talks were".len()));
    for edit in [Edit::DeleteNoted, Edit::DeleteNotedAndContext] {
        assert_eq!(tracked(edit, &mut editor), None, "{}", edit.name());
    }
    // Judging: the original target on a text with its words moved, copied, or gone.
    let target = TextTarget::of(text, &OffsetIndex::new(text), span_of(&tokens, &ids).expect("noted"));
    let edited = format!("Menu: the talks were over, officials said.\n{text}");
    let talks = edited.rfind("talks were").expect("the true words");
    let truth = [Span::new(talks, talks + 5), Span::new(talks + 6, talks + 10)];
    let copy = edited.find("talks were").map(|at| Span::new(at, at + 10));
    assert_eq!(judge(&edited, &target, Some(truth[1]), &truth), Outcome::Right);
    assert_eq!(judge(&edited, &target, None, &truth), Outcome::Orphan);
    // Between two true words but on neither: wrong.
    let gap = [Span::new(talks - 4, talks), Span::new(talks + 11, talks + 15)];
    assert_eq!(judge(&edited, &target, Some(Span::new(talks, talks + 5)), &gap), Outcome::Wrong);
    // The copy's context agrees less than the true words' own: wrong while they are there, a copy once gone.
    assert_eq!(judge(&edited, &target, copy, &truth), Outcome::Wrong);
    assert_eq!(judge(&edited, &target, copy, &[]), Outcome::Copy);
    // Other words, or the same words without 16 agreeing characters of context, are wrong.
    let bare = "Nothing here. talks were. Nothing there.";
    let at = bare.find("talks were").map(|at| Span::new(at, at + 10));
    assert_eq!(judge(bare, &target, at, &[]), Outcome::Wrong);
    let other = edited.find("officials").map(|at| Span::new(at, at + 9));
    assert_eq!(judge(&edited, &target, other, &[]), Outcome::Wrong);
}

// ---------------------------------------------------------------------------------------------------------
// The probe's findings in miniature (made-up text).

/// The note on `word` inside the one occurrence of `phrase` in `original`.
fn note_in(original: &str, phrase: &str, word: &str) -> TextTarget {
    let at = original.find(phrase).expect("the phrase is in the text");
    let start = at + phrase.find(word).expect("the word is in the phrase");
    TextTarget::of(original, &OffsetIndex::new(original), Span::new(start, start + word.len()))
}

/// Where the note lands on `edited`: its byte span and words, or `None` for an orphan.
fn lands(edited: &str, target: &TextTarget) -> Option<(Span, String)> {
    let found = anchor(edited, &OffsetIndex::new(edited), target);
    assert_eq!(found.span.is_none(), found.status == AnchorStatus::Orphan, "a span exactly when placed");
    found.span.map(|s| (s, s.slice(edited).to_string()))
}

#[test]
fn a_replaced_short_word_is_not_moved_onto_a_similar_neighbour() {
    let original =
        "Researchers interviewed staff at universities where they were studying. “We need to have a conversation,” she said.";
    let target = note_in(original, "where", "where");
    let edited = original.replacen("where", "on", 1);
    let replacement_at = edited.find(" on ").map(|at| at + 1).expect("the replacement is there");
    match lands(&edited, &target) {
        None => {}
        Some((span, words)) => {
            assert_eq!(span, Span::new(replacement_at, replacement_at + 2), "landed on {words:?}, not on `on`");
        }
    }
}

/// Filler sentences that share no word with the test's sentences but `the`.
fn filler(bytes: usize) -> String {
    let mut out = String::new();
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&format!("Filler sentence {i} is about weather and markets today. "));
        i += 1;
    }
    out
}

#[test]
fn a_note_in_a_paragraph_moved_far_follows_the_paragraph_not_a_chance_copy() {
    let noted = "I got it by the next morning,” she said. “I just told myself: ‘I’m going to go right up there.’";
    // Short `just`s whose context half agrees with the note's (“ he said. “It just ”).
    let near = "From the moment I heard it,” he said. “It just connected.” “It just connected,” he said. She said \
                it was just a start. He said he just wanted to sing. They said they just knew it.";
    let original = [filler(300).as_str(), noted, near, filler(10 * 1024).as_str()].join("\n\n");
    // The noted paragraph (with its whole context) moved 10 KB later; `near` now sits where it was.
    let edited = [filler(300).as_str(), near, filler(10 * 1024).as_str(), noted].join("\n\n");
    let target = note_in(&original, "I just told", "just");
    let right = edited.find("I just told").map(|at| at + 2).expect("moved words");
    let landed = lands(&edited, &target).map(|(span, _)| around(&edited, span));
    assert_eq!(landed, Some(around(&edited, Span::new(right, right + 4))), "must land in the moved paragraph");
}

#[test]
fn a_short_common_word_deleted_with_its_context_is_orphaned() {
    let lead = "The committee met in the capital on Tuesday, but the chairman spoke only briefly as usual.";
    let middle = "Prices rose again this spring as the central bank kept its rates unchanged for a third month.";
    let tail = "Analysts said the outlook was uncertain, but most expected growth as exports recover slowly.";
    let original = [lead, middle, tail].join(" ");
    let cases = [
        ("spring as the", "as", "Prices rose again this spring as the central bank kept its "),
        ("uncertain, but most", "but", "said the outlook was uncertain, but most expected growth as exports "),
    ];
    for (phrase, word, deleted) in cases {
        let target = note_in(&original, phrase, word);
        // The noted word and its ten neighbours gone; the same word stays elsewhere in the text.
        let edited = original.replacen(deleted, "", 1);
        assert!(edited.contains(&format!(" {word} ")), "another {word:?} is left");
        assert_eq!(lands(&edited, &target), None, "{word:?} must be an orphan");
    }
}

#[test]
fn a_typo_in_the_noted_words_is_not_resolved_to_a_copy_with_other_context() {
    let lead = "The council voted on Thursday to close the old market.";
    let copy = "Since the war ended the town has been quiet, its mayor said in an interview last year.";
    let noted = "Residents complain that the market has been neglected for a decade while rents kept rising.";
    let original = format!("{lead} {copy} {} {noted}", filler(200));
    let target = note_in(&original, "market has been", "has been");
    let edited = original.replacen("market has been", "market hass been", 1);
    let typo_at = edited.find("hass been").expect("the typo is there");
    if let Some((span, words)) = lands(&edited, &target) {
        assert!(span.overlaps(Span::new(typo_at, typo_at + "hass been".len())), "landed on {words:?} elsewhere");
    }
}
