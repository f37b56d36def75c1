/*!
Sidenote's extractor: finds the article body in a pasted page, the named entities in it, and the direct
quotations with who said them. Pure Rust, no I/O, no clock, no regex or neural runtime.

Extraction never fails: any string gives an [`Extraction`], and whatever the extractor found odd about the
input (an unclosed quotation mark, a very long line) is reported as a [`Diagnostic`], not as an error.

All offsets are UTF-8 byte offsets into the text, on char boundaries (see [`Span`]). Conversion to
code points (W3C, the scorer) and UTF-16 (the DOM) lives in [`offsets`] and nowhere else.

```
let text = "\"We are ready,\" Sergei Lavrov told reporters in Moscow on November 8.";
let found = sidenote_extract::extract(text);
let names: Vec<&str> = found.entities.iter().map(|e| e.span.slice(text)).collect();
assert!(names.contains(&"Sergei Lavrov") && names.contains(&"Moscow") && names.contains(&"November 8"));
assert_eq!(found.quotes[0].speaker.as_deref(), Some("Sergei Lavrov"));
```
*/
#![deny(missing_docs)]

mod blocks;
mod body;
pub mod case;
mod dates;
mod entities;
mod html;
mod lexicon;
pub mod offsets;
mod one_sort;
mod packing;
mod quotes;
mod short_words;
mod tokens;
pub mod typer;

use serde::{Deserialize, Serialize};

pub use body::LineHint;
pub use html::{html_to_text, windows_1252_char};
pub use one_sort::{sort_numbers, sort_stable_by, sort_stable_by_key};

/// A half-open range of UTF-8 byte offsets into the document text, always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; callers keep `start <= end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The text the span covers, or "" when it does not fit the text.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers nothing.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The five kinds of named entity, as the annotation guideline defines them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// An organisation: company, agency, party, news agency, international body.
    Org,
    /// A country, city, region, geographic feature or named facility.
    Place,
    /// An explicit calendar expression.
    Date,
    /// Any other proper name: treaties, laws, events, products, weapons, works.
    Misc,
}

impl EntityKind {
    /// All kinds, in display order.
    pub const ALL: [EntityKind; 5] =
        [EntityKind::Person, EntityKind::Org, EntityKind::Place, EntityKind::Date, EntityKind::Misc];

    /// The upper-case label used in files ("PERSON").
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Place => "PLACE",
            EntityKind::Date => "DATE",
            EntityKind::Misc => "MISC",
        }
    }

    /// Parses a label ("PERSON", case-insensitive).
    pub fn from_label(label: &str) -> Option<Self> {
        EntityKind::ALL.into_iter().find(|k| k.label().eq_ignore_ascii_case(label))
    }
}

/// One mention of a named entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Where the mention is.
    pub span: Span,
    /// What kind of entity it is.
    pub kind: EntityKind,
    /// Index into [`Extraction::groups`]: mentions of the same entity share it ("Lavrov" and "Sergei Lavrov").
    pub group: usize,
}

/// A distinct entity: every mention that refers to it shares its index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityGroup {
    /// The fullest name the text gives ("Sergei Lavrov").
    pub name: String,
    /// The entity's kind.
    pub kind: EntityKind,
    /// How many mentions it has.
    pub mentions: usize,
}

/// A direct quotation: the words inside the marks, and who said them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// The fullest name of the speaker, when the text says who it is.
    pub speaker: Option<String>,
    /// The speaker's entity group, when the speaker is a recognised entity.
    pub speaker_group: Option<usize>,
}

/// Something odd the extractor noticed and worked around.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Where, when it concerns one place.
    pub span: Option<Span>,
    /// A sentence for a person.
    pub message: String,
}

/// Everything the extractor found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// The article body: whole lines, adjacent ones merged, in text order.
    pub body: Vec<Span>,
    /// Entity mentions, in text order, never overlapping.
    pub entities: Vec<Entity>,
    /// Distinct entities; [`Entity::group`] indexes this.
    pub groups: Vec<EntityGroup>,
    /// Direct quotations, in text order.
    pub quotes: Vec<Quote>,
    /// What the extractor worked around.
    pub diagnostics: Vec<Diagnostic>,
}

/// Extracts body, entities and quotes from plain text.
pub fn extract(text: &str) -> Extraction {
    extract_with_hints(text, &[])
}

/// Extracts with per-line structure hints from an HTML source (see [`LineHint`]); `hints[i]` describes
/// line `i` of `text`. Missing hints mean "plain text".
/// Uses the shipped typer when it is switched on ([`typer::Typer::shipped`]).
pub fn extract_with_hints(text: &str, hints: &[LineHint]) -> Extraction {
    extract_with_typer(text, hints, typer::Typer::shipped().as_ref())
}

/// Extracts with the given typer retyping the entity candidates, or with the rules alone (`None`).
pub fn extract_with_typer(text: &str, hints: &[LineHint], typer: Option<&typer::Typer>) -> Extraction {
    let use_typer = typer.map_or(entities::TyperUse::Off, entities::TyperUse::Apply);
    extract_inner(text, hints, use_typer)
}

/// The typer's view of a text: each entity candidate the rules produce, with the kind the rules end with
/// for it once linking has made kinds consistent (`None`: not a name), and its hashed features. What
/// `sidenote train-typer` learns from.
pub fn typer_candidates(text: &str, hints: &[LineHint]) -> Vec<(Span, Option<EntityKind>, Vec<u32>)> {
    let mut out = Vec::new();
    let soft = SoftHyphens::remove(text);
    extract_plain(soft.as_ref().map_or(text, |s| s.plain.as_str()), hints, entities::TyperUse::Collect(&mut out));
    if let Some(soft) = &soft {
        for (span, _, _) in &mut out {
            *span = soft.name_span(*span);
        }
    }
    out
}

const SOFT_HYPHEN: char = '\u{AD}';

/// The soft hyphens (U+00AD) of a text, which pages put inside long words to allow a line break there
/// (`Netan\u{AD}yahu`): invisible, yet they would make a name another string to every list and to linking.
/// The extractor reads the text without them and maps its spans back onto the text as given.
struct SoftHyphens {
    /// The text without its soft hyphens.
    plain: String,
    /// Where each soft hyphen was, as a byte offset into `plain`, in order.
    at: Vec<usize>,
}

impl SoftHyphens {
    /// `None` when the text has no soft hyphen (then nothing is copied).
    fn remove(text: &str) -> Option<SoftHyphens> {
        if !text.contains(SOFT_HYPHEN) {
            return None;
        }
        let mut plain = String::with_capacity(text.len());
        let mut at = Vec::new();
        for (i, piece) in text.split(SOFT_HYPHEN).enumerate() {
            // Every piece after the first follows a soft hyphen.
            if i > 0 {
                at.push(plain.len());
            }
            plain.push_str(piece);
        }
        Some(SoftHyphens { plain, at })
    }

    /// Soft hyphens before plain offset `offset` (`inclusive`: also those right at it).
    fn before(&self, offset: usize, inclusive: bool) -> usize {
        self.at.partition_point(|&p| if inclusive { p <= offset } else { p < offset })
    }

    /// A name's or a quote's span in the text as given: soft hyphens inside it stay inside, those on its
    /// edges stay out.
    fn name_span(&self, span: Span) -> Span {
        let len = SOFT_HYPHEN.len_utf8();
        Span::new(span.start + len * self.before(span.start, true), span.end + len * self.before(span.end, false))
    }

    /// A span of whole lines in the text as given: soft hyphens on its edges belong to its lines.
    fn line_span(&self, span: Span) -> Span {
        let len = SOFT_HYPHEN.len_utf8();
        Span::new(span.start + len * self.before(span.start, false), span.end + len * self.before(span.end, true))
    }

    fn map_back(&self, mut found: Extraction) -> Extraction {
        for span in &mut found.body {
            *span = self.line_span(*span);
        }
        for entity in &mut found.entities {
            entity.span = self.name_span(entity.span);
        }
        for quote in &mut found.quotes {
            quote.span = self.name_span(quote.span);
        }
        for diagnostic in &mut found.diagnostics {
            diagnostic.span = diagnostic.span.map(|span| self.name_span(span));
        }
        found
    }
}

fn extract_inner(text: &str, hints: &[LineHint], typer: entities::TyperUse<'_>) -> Extraction {
    match SoftHyphens::remove(text) {
        None => extract_plain(text, hints, typer),
        Some(soft) => soft.map_back(extract_plain(&soft.plain, hints, typer)),
    }
}

fn extract_plain(text: &str, hints: &[LineHint], typer: entities::TyperUse<'_>) -> Extraction {
    let seg = tokens::segment(text);
    let mut diagnostics = Vec::new();
    let body = body::find_body(&seg, hints);
    let dates = dates::find_dates(&seg);
    let (entities, groups) = entities::find_entities(&seg, &dates, &body, typer);
    let quotes = quotes::find_quotes(&seg, &entities, &groups, &mut diagnostics);
    Extraction { body, entities, groups, quotes, diagnostics }
}
