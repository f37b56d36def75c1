//! The typer: a small learned component that, for each entity candidate the rules produce, scores the kinds
//! PERSON, ORG, PLACE, MISC and "not a name" from hashed features of the candidate and its context (see
//! `crates/extract/DESIGN.md`, "The typer"). It is an averaged perceptron whose weights are quantised to one
//! byte each in a fixed table of `2^bits` rows, so the model is a few kilobytes and scoring is a sum of
//! table lookups, with no floating point at run time.
//!
//! The rules stay in charge: a candidate's kind changes only when the model prefers another kind to the
//! rules' by more than the model's margin, and only for the changes of kind the model allows (which
//! leave-one-page-out chose: see DESIGN.md) — "a wrong answer is worse than no answer".
//!
//! Training ([`train`]) is pure and deterministic; the command line's `sidenote train-typer` reads the
//! corpus gold and calls it. The weights shipped with the extractor (if any) are `data/typer.bin`, whose
//! provenance is in `data/SOURCES.md`.

use std::borrow::Cow;

use crate::EntityKind;

/// The kinds the typer chooses among, in table order; the last one means "not a name".
pub const CLASSES: usize = 5;

/// A file starts with these bytes, then a version byte, the table's bits, the margin (i16, LE) and the
/// allowed changes (u32, LE: bit `from * CLASSES + to`).
const MAGIC: &[u8; 4] = b"SNTY";
const VERSION: u8 = 2;
const HEADER: usize = 12;
/// Tables of 2^4 to 2^20 rows: smaller learns nothing, larger is no longer a small model.
const BITS: std::ops::RangeInclusive<u8> = 4..=20;

/// The weights `extract` and `extract_with_hints` use: `data/typer.bin` with the cargo feature `typer`, else
/// none. Off by default: on leave-one-page-out the typer did not raise core F1 over the rules without costing
/// speaker accuracy (see DESIGN.md, "The typer"), so it stays out of the extractor and of the Wasm until it
/// does; `sidenote extract --typer FILE` runs any weights file.
#[cfg(not(feature = "typer"))]
const SHIPPED: Option<&'static [u8]> = None;
#[cfg(feature = "typer")]
const SHIPPED: Option<&'static [u8]> = Some(include_bytes!("../data/typer.bin"));

/// A trained typer: one row of `CLASSES` quantised weights per hashed feature bucket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typer {
    bits: u8,
    margin: i16,
    allowed: Changes,
    /// Row by row, each weight an `i8` stored as its byte.
    weights: Cow<'static, [u8]>,
}

/// The table index of a kind (or of "not a name").
pub fn class_of(kind: Option<EntityKind>) -> usize {
    match kind {
        Some(EntityKind::Person) => 0,
        Some(EntityKind::Org) => 1,
        Some(EntityKind::Place) => 2,
        Some(EntityKind::Misc) => 3,
        // Dates are never candidates: the date grammar finds them apart from names.
        Some(EntityKind::Date) | None => 4,
    }
}

/// The kind of a table index.
pub fn kind_of(class: usize) -> Option<EntityKind> {
    match class {
        0 => Some(EntityKind::Person),
        1 => Some(EntityKind::Org),
        2 => Some(EntityKind::Place),
        3 => Some(EntityKind::Misc),
        _ => None,
    }
}

impl Typer {
    /// The weights shipped in the extractor, when they are switched on.
    pub fn shipped() -> Option<Typer> {
        // Borrowed, not copied: extracting with the shipped typer allocates nothing for it.
        SHIPPED.and_then(|bytes| Typer::parse(Cow::Borrowed(bytes)).ok())
    }

    /// Reads a typer file (as [`Typer::to_bytes`] writes it); a damaged file is refused with a reason.
    pub fn from_bytes(bytes: &[u8]) -> Result<Typer, String> {
        Typer::parse(Cow::Owned(bytes.to_vec()))
    }

    fn parse(bytes: Cow<'static, [u8]>) -> Result<Typer, String> {
        if bytes.len() < HEADER || &bytes[..4] != MAGIC {
            return Err("not a typer file (it does not start with SNTY)".into());
        }
        if bytes[4] != VERSION {
            return Err(format!("typer file version {} (this extractor reads version {VERSION})", bytes[4]));
        }
        let bits = bytes[5];
        if !BITS.contains(&bits) {
            return Err(format!("a typer table of 2^{bits} rows is out of range"));
        }
        let margin = i16::from_le_bytes([bytes[6], bytes[7]]);
        let allowed = Changes(u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]));
        let expected = (1usize << bits) * CLASSES;
        let table = bytes.len() - HEADER;
        if table != expected {
            return Err(format!("typer table has {table} bytes, expected {expected}"));
        }
        let weights = match bytes {
            Cow::Borrowed(all) => Cow::Borrowed(&all[HEADER..]),
            Cow::Owned(mut all) => {
                all.drain(..HEADER);
                Cow::Owned(all)
            }
        };
        Ok(Typer { bits, margin, allowed, weights })
    }

    /// The file form: header, then the table row by row.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + self.weights.len());
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.push(self.bits);
        out.extend_from_slice(&self.margin.to_le_bytes());
        out.extend_from_slice(&self.allowed.0.to_le_bytes());
        out.extend_from_slice(&self.weights);
        out
    }

    /// How far the model must prefer another kind over the rules' before it overrides them.
    pub fn margin(&self) -> i16 {
        self.margin
    }

    /// The same weights with another margin.
    pub fn with_margin(mut self, margin: i16) -> Typer {
        self.margin = margin;
        self
    }

    /// The score of each class for a candidate with these hashed features.
    pub fn scores(&self, features: &[u32]) -> [i32; CLASSES] {
        let mask = (1usize << self.bits) - 1;
        let mut scores = [0i32; CLASSES];
        for &feature in features {
            let row = (feature as usize & mask) * CLASSES;
            if let Some(weights) = self.weights.get(row..row + CLASSES) {
                for (score, &w) in scores.iter_mut().zip(weights) {
                    *score += i32::from(w as i8);
                }
            }
        }
        scores
    }

    /// The kind a candidate ends with: the model's best class when it beats the rules' kind by more than
    /// the margin and the change is allowed, else the rules' kind. Ties go to the lower class index, so the
    /// answer is deterministic.
    pub fn decide(&self, features: &[u32], rule: Option<EntityKind>) -> Option<EntityKind> {
        let scores = self.scores(features);
        let rule_class = class_of(rule);
        let best = (0..CLASSES).fold(0, |best, c| if scores[c] > scores[best] { c } else { best });
        if best != rule_class
            && self.allowed.contains(rule_class, best)
            && scores[best] - scores[rule_class] > i32::from(self.margin)
        {
            kind_of(best)
        } else {
            rule
        }
    }
}

/// Which changes of kind (rules' class → typer's class) a typer may make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Changes(u32);

impl Changes {
    /// Every change.
    pub const ALL: Changes = Changes((1 << (CLASSES * CLASSES)) - 1);

    /// Reads a list such as `none>PERSON,MISC>none` (kinds by label, `none` for "not a name"; `all` for
    /// every change).
    pub fn parse(list: &str) -> Result<Changes, String> {
        if list == "all" {
            return Ok(Changes::ALL);
        }
        let class = |name: &str| -> Result<usize, String> {
            if name == "none" {
                return Ok(class_of(None));
            }
            match EntityKind::from_label(name) {
                Some(EntityKind::Date) | None => Err(format!("{name:?} is not PERSON, ORG, PLACE, MISC or none")),
                kind => Ok(class_of(kind)),
            }
        };
        let mut bits = 0;
        for change in list.split(',').filter(|c| !c.is_empty()) {
            let (from, to) = change.split_once('>').ok_or(format!("{change:?} is not FROM>TO"))?;
            bits |= 1 << (class(from)? * CLASSES + class(to)?);
        }
        Ok(Changes(bits))
    }

    fn contains(self, from: usize, to: usize) -> bool {
        self.0 & (1 << (from * CLASSES + to)) != 0
    }
}

/// One training example: a candidate's hashed features, the rules' kind and the gold class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// Hashed features, as [`crate::typer_examples`] computes them.
    pub features: Vec<u32>,
    /// What the rules said.
    pub rule: Option<EntityKind>,
    /// The gold kind of a candidate whose span is exactly a gold entity's, else `None`.
    pub gold: Option<EntityKind>,
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainSettings {
    /// Passes over the examples.
    pub epochs: usize,
    /// The table has 2^bits rows.
    pub bits: u8,
    /// See [`Typer::margin`], in quantised units (weights span -127..=127).
    pub margin: i16,
    /// The changes of kind the typer may make.
    pub allowed: Changes,
    /// A feature bucket is learned only when it occurs on at least this many pages (see [`train_pages`]).
    pub min_pages: usize,
}

impl Default for TrainSettings {
    fn default() -> Self {
        TrainSettings { epochs: 10, bits: 12, margin: 0, allowed: Changes::ALL, min_pages: 1 }
    }
}

/// Trains on the examples of several pages, learning only the feature buckets that occur on at least
/// `settings.min_pages` of them: a feature seen on one page only (a word of its own) tells about that page,
/// not about the next one.
pub fn train_pages(pages: &[Vec<Example>], settings: TrainSettings) -> Typer {
    let bits = settings.bits.clamp(*BITS.start(), *BITS.end());
    let mask = (1usize << bits) - 1;
    let mut seen_on = vec![0usize; 1 << bits];
    for page in pages {
        let mut buckets: Vec<usize> = page.iter().flat_map(|e| e.features.iter().map(|&f| f as usize & mask)).collect();
        buckets.sort_unstable();
        buckets.dedup();
        for bucket in buckets {
            seen_on[bucket] += 1;
        }
    }
    let examples: Vec<Example> = pages
        .iter()
        .flatten()
        .map(|e| Example {
            features: e
                .features
                .iter()
                .copied()
                .filter(|&f| seen_on[f as usize & mask] >= settings.min_pages)
                .collect(),
            ..e.clone()
        })
        .collect();
    train(&examples, settings)
}

/// Trains an averaged perceptron over the examples (visited in a fixed pseudo-random order per epoch, so the
/// same examples give the same bytes), then quantises the averaged weights to one byte each.
pub fn train(examples: &[Example], settings: TrainSettings) -> Typer {
    let bits = settings.bits.clamp(*BITS.start(), *BITS.end());
    let mask = (1usize << bits) - 1;
    let size = (1usize << bits) * CLASSES;
    // The averaging trick: `weights` is the current vector, `stamped` the sum of each update times the
    // step it happened at; the average over all steps is weights - stamped / steps.
    let mut weights = vec![0i64; size];
    let mut stamped = vec![0i64; size];
    let mut step: i64 = 1;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..settings.epochs {
        // Fisher–Yates with xorshift: deterministic, no dependency.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &e in &order {
            let example = &examples[e];
            let mut scores = [0i64; CLASSES];
            for &f in &example.features {
                let row = (f as usize & mask) * CLASSES;
                for (c, score) in scores.iter_mut().enumerate() {
                    *score += weights[row + c];
                }
            }
            // The truth must win outright: a tie is a mistake too (else the class that wins ties is
            // never learned).
            let truth = class_of(example.gold);
            let rival = (0..CLASSES).filter(|&c| c != truth).fold((truth + 1) % CLASSES, |best, c| {
                if scores[c] > scores[best] {
                    c
                } else {
                    best
                }
            });
            let guess = rival;
            if scores[rival] >= scores[truth] {
                for &f in &example.features {
                    let row = (f as usize & mask) * CLASSES;
                    weights[row + truth] += 1;
                    stamped[row + truth] += step;
                    weights[row + guess] -= 1;
                    stamped[row + guess] -= step;
                }
            }
            step += 1;
        }
    }
    let averaged: Vec<f64> = weights.iter().zip(&stamped).map(|(&w, &s)| w as f64 - s as f64 / step as f64).collect();
    let largest = averaged.iter().fold(0.0f64, |m, w| m.max(w.abs()));
    let scale = if largest > 0.0 { 127.0 / largest } else { 0.0 };
    let quantised = averaged.iter().map(|w| (w * scale).round().clamp(-127.0, 127.0) as i8 as u8).collect::<Vec<_>>();
    Typer { bits, margin: settings.margin, allowed: settings.allowed, weights: Cow::Owned(quantised) }
}

/// FNV-1a, 32 bits: the features' hash (stable across platforms and versions, unlike the standard hasher).
#[derive(Debug, Clone, Copy)]
pub(crate) struct FeatureHash(u32);

impl FeatureHash {
    const OFFSET: u32 = 0x811C_9DC5;
    const PRIME: u32 = 0x0100_0193;

    /// A hash started with a feature's tag ("w" for a word of the span, "pw" for the word before …).
    pub fn tag(tag: &str) -> Self {
        FeatureHash(Self::OFFSET).bytes(tag.as_bytes()).bytes(&[0xFF])
    }

    pub fn bytes(mut self, bytes: &[u8]) -> Self {
        for &b in bytes {
            self.0 ^= u32::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
        self
    }

    /// Adds a word lower-cased, at most its first `MAX_WORD_BYTES` bytes, through one small buffer. Lower-cased
    /// by the program's one lower-casing (`case.rs`): the standard library's would bring its tables back.
    pub fn lower(mut self, word: &str) -> Self {
        let mut taken = 0;
        let mut folded = String::with_capacity(8);
        for c in word.chars() {
            folded.clear();
            crate::case::push_lowercase(c, &mut folded);
            taken += folded.len();
            if taken > MAX_WORD_BYTES {
                break;
            }
            self = self.bytes(folded.as_bytes());
        }
        self
    }

    pub fn value(self) -> u32 {
        self.0
    }
}

/// Longer words are hashed by their beginning: a 100 KB "word" costs no more than a short one.
const MAX_WORD_BYTES: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    fn example(features: &[u32], rule: Option<EntityKind>, gold: Option<EntityKind>) -> Example {
        Example { features: features.to_vec(), rule, gold }
    }

    #[test]
    fn a_file_round_trips_and_damage_is_refused() {
        let examples = [example(&[1, 2], None, Some(EntityKind::Person))];
        let typer =
            train(&examples, TrainSettings { epochs: 2, bits: 6, margin: 3, allowed: Changes::ALL, min_pages: 1 });
        let bytes = typer.to_bytes();
        assert_eq!(bytes.len(), HEADER + 64 * CLASSES);
        assert_eq!(Typer::from_bytes(&bytes), Ok(typer));
        assert!(Typer::from_bytes(&bytes[..bytes.len() - 1]).err().is_some_and(|e| e.contains("expected")));
        assert!(Typer::from_bytes(b"PK\x03\x04").err().is_some_and(|e| e.contains("SNTY")));
        let mut wrong_bits = bytes.clone();
        wrong_bits[5] = 40;
        assert!(Typer::from_bytes(&wrong_bits).err().is_some_and(|e| e.contains("out of range")));
    }

    #[test]
    fn training_separates_what_features_separate_and_is_deterministic() {
        // Feature 10 marks people, 20 organisations, 30 non-names; 99 is on everything.
        let mut examples = Vec::new();
        for _ in 0..5 {
            examples.push(example(&[10, 99], Some(EntityKind::Org), Some(EntityKind::Person)));
            examples.push(example(&[20, 99], Some(EntityKind::Org), Some(EntityKind::Org)));
            examples.push(example(&[30, 99], Some(EntityKind::Misc), None));
        }
        let typer = train(&examples, TrainSettings::default());
        assert_eq!(typer.decide(&[10, 99], Some(EntityKind::Org)), Some(EntityKind::Person));
        assert_eq!(typer.decide(&[20, 99], Some(EntityKind::Org)), Some(EntityKind::Org));
        assert_eq!(typer.decide(&[30, 99], Some(EntityKind::Misc)), None);
        assert_eq!(train(&examples, TrainSettings::default()), typer);
        // A margin larger than any score keeps every rule's kind.
        let cautious = typer.clone().with_margin(i16::MAX);
        assert_eq!(cautious.decide(&[10, 99], Some(EntityKind::Org)), Some(EntityKind::Org));
        assert_eq!(cautious.decide(&[30, 99], Some(EntityKind::Misc)), Some(EntityKind::Misc));
        // Only the allowed changes are made.
        let mut only_drops = typer.clone();
        only_drops.allowed = Changes::parse("MISC>none").unwrap_or(Changes::ALL);
        assert_eq!(only_drops.decide(&[10, 99], Some(EntityKind::Org)), Some(EntityKind::Org));
        assert_eq!(only_drops.decide(&[30, 99], Some(EntityKind::Misc)), None);
    }

    #[test]
    fn a_feature_seen_on_too_few_pages_is_not_learned() {
        // Feature 7 marks people on one page only; 8 marks people on both pages.
        let page = |markers: &[u32]| {
            let mut examples = Vec::new();
            for _ in 0..3 {
                for &marker in markers {
                    examples.push(example(&[marker, 99], None, Some(EntityKind::Person)));
                }
                examples.push(example(&[99], None, None));
            }
            examples
        };
        let pages = [page(&[7, 8]), page(&[8])];
        let settings = TrainSettings { min_pages: 2, ..TrainSettings::default() };
        let typer = train_pages(&pages, settings);
        assert_eq!(typer.scores(&[7]), [0; CLASSES]);
        assert_ne!(typer.scores(&[8]), [0; CLASSES]);
        let everything = train_pages(&pages, TrainSettings::default());
        assert_ne!(everything.scores(&[7]), [0; CLASSES]);
    }

    #[test]
    fn the_weights_file_in_data_reads() {
        let typer = Typer::from_bytes(include_bytes!("../data/typer.bin"));
        assert!(typer.is_ok_and(|t| t.to_bytes() == include_bytes!("../data/typer.bin")));
    }

    #[test]
    fn changes_are_read_from_a_list() {
        assert_eq!(Changes::parse("all"), Ok(Changes::ALL));
        let changes = Changes::parse("none>PERSON,MISC>none");
        assert!(changes.is_ok_and(|c| c.contains(4, 0) && c.contains(3, 4) && !c.contains(4, 1)));
        assert!(Changes::parse("none>DATE").is_err());
        assert!(Changes::parse("PERSON").is_err());
    }

    #[test]
    fn features_hash_lower_case_and_bounded() {
        assert_eq!(FeatureHash::tag("w").lower("Moscow").value(), FeatureHash::tag("w").lower("MOSCOW").value());
        assert_ne!(FeatureHash::tag("w").lower("Moscow").value(), FeatureHash::tag("f").lower("Moscow").value());
        let long = "A".repeat(100_000);
        let longer = format!("{long}B");
        assert_eq!(FeatureHash::tag("w").lower(&long).value(), FeatureHash::tag("w").lower(&longer).value());
    }
}
