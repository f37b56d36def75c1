//! The import and re-anchoring cases of `bench/wasm-node.mjs`, timed natively on identical inputs: the text
//! the script writes to a file (the corpus, or the sample, which `Case::build` repeats to 1 MB).
//! Usage: `native UNIT_FILE` (see `scripts/bench.sh`). Figures are printed, never asserted.

use std::time::Instant;

use sidenote_wasm_bench::cases::{Case, NAMES};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: native UNIT_FILE");
        std::process::exit(2);
    };
    let unit = match std::fs::read_to_string(&path) {
        Ok(unit) => unit,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            std::process::exit(2);
        }
    };
    for (number, name) in NAMES.iter().enumerate() {
        let Some(case) = Case::build(number, &unit) else { continue };
        let mut runs = Vec::new();
        let mut outcome = String::new();
        for _ in 0..3 {
            let start = Instant::now();
            outcome = case.run();
            runs.push(start.elapsed().as_secs_f64() * 1e3);
        }
        runs.sort_by(f64::total_cmp);
        println!("native {name}: median of 3 {:.0} ms ({outcome})", runs[1]);
    }
}
