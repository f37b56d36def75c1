//! What `sidenote extract` says about one article, in the shape `../shared/eval/score.py` reads: entities,
//! quotes and body ranges with offsets in Unicode code points. The per-file `NAME.pred.json` and each line of
//! `extract --jsonl` are built here, so the two outputs cannot drift apart.

use serde::Serialize;
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{Extraction, Span};

/// One entity mention.
#[derive(Debug, Serialize)]
pub struct EntityOut<'a> {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub text: &'a str,
}

/// One direct quotation and its speaker, when known.
#[derive(Debug, Serialize)]
pub struct QuoteOut<'a> {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<&'a str>,
    pub text: &'a str,
}

/// The extractor's findings on one text, borrowing from the text and the extraction.
#[derive(Debug, Serialize)]
pub struct Prediction<'a> {
    pub entities: Vec<EntityOut<'a>>,
    pub quotes: Vec<QuoteOut<'a>>,
    pub body: Vec<[usize; 2]>,
}

impl<'a> Prediction<'a> {
    pub fn new(text: &'a str, found: &'a Extraction) -> Self {
        let index = OffsetIndex::new(text);
        let entities = found
            .entities
            .iter()
            .map(|e| {
                let (start, end) = char_span(&index, e.span);
                EntityOut { start, end, kind: e.kind.label(), text: e.span.slice(text) }
            })
            .collect();
        let quotes = found
            .quotes
            .iter()
            .map(|q| {
                let (start, end) = char_span(&index, q.span);
                QuoteOut { start, end, speaker: q.speaker.as_deref(), text: q.span.slice(text) }
            })
            .collect();
        let body = found.body.iter().map(|s| char_span(&index, *s)).map(|(a, b)| [a, b]).collect();
        Prediction { entities, quotes, body }
    }
}

/// A byte span as code points.
pub fn char_span(index: &OffsetIndex, span: Span) -> (usize, usize) {
    // Spans from the extractor always lie on char boundaries of the text they came from.
    (index.byte_to_char(span.start).unwrap_or(0), index.byte_to_char(span.end).unwrap_or(0))
}
