//! The extractor behind the thinnest possible wasm-bindgen boundary, for `scripts/bench.sh`: it measures
//! throughput and start-up in Wasm under Node, and the extractor's own share of a gzipped wasm file.

use wasm_bindgen::prelude::wasm_bindgen;

/// Extracts from `text` and returns how many entities and quotes were found, so nothing is optimised away.
#[wasm_bindgen]
pub fn extract_count(text: &str) -> u32 {
    let found = sidenote_extract::extract(text);
    (found.entities.len() + found.quotes.len()) as u32
}
