//! The extractor behind the thinnest possible wasm-bindgen boundary, for `scripts/bench.sh`: it measures
//! throughput and start-up in Wasm under Node, and the extractor's own share of a gzipped wasm file; with
//! the `anchor` feature, also import and re-anchoring at 1 MB ([`cases`]).

#[cfg(feature = "anchor")]
pub mod cases;

use wasm_bindgen::prelude::wasm_bindgen;

/// Extracts from `text` and returns how many entities and quotes were found, so nothing is optimised away.
#[wasm_bindgen]
pub fn extract_count(text: &str) -> u32 {
    let found = sidenote_extract::extract(text);
    (found.entities.len() + found.quotes.len()) as u32
}

#[cfg(feature = "anchor")]
/// A W3C file of `n` notes on spans of 1–6 words spread over `text` (deterministic), for `anchor_all`.
#[wasm_bindgen]
pub fn make_notes(text: &str, n: u32) -> String {
    let mut annotations = sidenote_annotate::model::Annotations::default();
    let starts: Vec<usize> = text.match_indices(' ').map(|(i, _)| i + 1).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..n {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let first = (seed % (starts.len().saturating_sub(10).max(1) as u64)) as usize;
        let last = (first + 1 + (seed >> 32) as usize % 6).min(starts.len() - 1);
        let span = sidenote_extract::Span::new(starts[first], starts[last] - 1);
        annotations.add_note(text, span, String::new(), Vec::new());
    }
    let doc = sidenote_annotate::Document::new("bench", text);
    let empty = sidenote_extract::Extraction::default();
    sidenote_annotate::w3c::export(&doc, &empty, &annotations).to_string()
}

#[cfg(feature = "anchor")]
/// Re-anchors every annotation of a W3C file on `text`; returns how many were found (not orphaned).
#[wasm_bindgen]
pub fn anchor_all(file: &str, text: &str) -> u32 {
    let Ok(targets) = sidenote_annotate::w3c::targets(file) else { return 0 };
    let index = sidenote_extract::offsets::OffsetIndex::new(text);
    // One anchorer for the whole file, as the app's import does: the text's words are indexed once.
    let anchorer = sidenote_annotate::anchor::Anchorer::new(text, &index);
    targets.iter().filter(|(_, target)| anchorer.anchor(target).span.is_some()).count() as u32
}

#[cfg(feature = "anchor")]
/// One of [`cases::NAMES`], built and ready to be timed from JavaScript.
#[wasm_bindgen]
pub struct BenchCase {
    case: cases::Case,
}

#[cfg(feature = "anchor")]
#[wasm_bindgen]
impl BenchCase {
    /// Runs the case once (the timed part); says what came of it.
    pub fn run(&self) -> String {
        self.case.run()
    }
}

#[cfg(feature = "anchor")]
/// The name of case `number`, if there is one.
#[wasm_bindgen]
pub fn case_name(number: u32) -> Option<String> {
    cases::NAMES.get(number as usize).map(|name| name.to_string())
}

#[cfg(feature = "anchor")]
/// Builds case `number` on `unit` repeated to 1 MB (not timed).
#[wasm_bindgen]
pub fn build_case(number: u32, unit: &str) -> Option<BenchCase> {
    cases::Case::build(number as usize, unit).map(|case| BenchCase { case })
}
