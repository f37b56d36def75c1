//! Native extraction throughput: the whole corpus (../shared/corpus, or the bundled sample when the corpus
//! is absent) repeated to at least 1 MB, extracted several times; prints characters per second.
//!
//! Run with `cargo bench -p sidenote-extract` (the bench profile is opt-level 3, see the root Cargo.toml).

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

const MIN_BYTES: usize = 1_000_000;
const ROUNDS: usize = 7;

fn corpus_text() -> (String, &'static str) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut text = String::new();
    if let Ok(entries) = std::fs::read_dir(&corpus) {
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for file in files.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            text.push_str(&std::fs::read_to_string(file).unwrap_or_default());
            text.push_str("\n\n");
        }
    }
    if text.is_empty() {
        return (
            include_str!("../../../assets/rferl-lavrov-inf.txt").to_string(),
            "the bundled sample (../shared absent)",
        );
    }
    (text, "../shared/corpus")
}

fn main() {
    let (unit, source) = corpus_text();
    let mut text = String::new();
    while text.len() < MIN_BYTES {
        text.push_str(&unit);
    }
    let chars = text.chars().count();
    let mut seconds = Vec::new();
    let mut found = 0;
    for _ in 0..ROUNDS {
        let start = Instant::now();
        let extraction = sidenote_extract::extract(black_box(&text));
        seconds.push(start.elapsed().as_secs_f64());
        found = extraction.entities.len() + extraction.quotes.len();
    }
    seconds.sort_by(f64::total_cmp);
    let median = seconds[ROUNDS / 2];
    println!("source: {source}, repeated to {} bytes ({chars} chars); {found} entities+quotes", text.len());
    println!("native extract: median {:.1} ms over {ROUNDS} runs = {:.0} chars/s", median * 1e3, chars as f64 / median);
}
