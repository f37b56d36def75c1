//! Find in the article (`sidenote_annotate::find::find_all`) on adversarial text at 1 MB and 4 MB: the time
//! of each case and the 4 MB / 1 MB ratio, about 4 when linear (printed, never asserted).
//!
//! `cargo bench -p sidenote-annotate --bench find`

use std::time::Instant;

use sidenote_annotate::find::find_all;

/// A case: what the text repeats, and the query.
struct Case {
    name: &'static str,
    unit: &'static str,
    query: &'static str,
}

const CASES: &[Case] = &[
    // KMP's worst case for a naive search: every position a near-match that fails at the last character.
    Case { name: "a…a searched for a…ab", unit: "a", query: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab" },
    Case { name: "abab… for ababab…c", unit: "ab", query: "abababababababababababababababababababc" },
    // Combining marks passed over on every character, a query that never matches.
    Case { name: "e + U+0301 repeated, for éeéeéx", unit: "e\u{301}", query: "éeéeéx" },
    // Every character two folded ones, every occurrence of the query but one a half character off.
    Case { name: "ß repeated, for sss…x", unit: "ß", query: "sssssssssssssssssssssssssssssssssssssssx" },
    // Matches everywhere: stops at the cap.
    Case { name: "e (the cap of matches)", unit: "e ", query: "e" },
    Case {
        name: "prose, an absent phrase",
        unit: "Café society met in Zürich on Monday. ",
        query: "cafe society met in zurich on tuesday",
    },
];

fn main() {
    println!("{:<40} {:>10} {:>10} {:>7}", "case", "1 MB", "4 MB", "ratio");
    for case in CASES {
        let mut seconds = Vec::new();
        for megabytes in [1, 4] {
            let text = case.unit.repeat(megabytes * 1024 * 1024 / case.unit.len());
            // The best of five, against noise from other work on the machine.
            let best = (0..5)
                .map(|_| {
                    let started = Instant::now();
                    std::hint::black_box(find_all(&text, case.query));
                    started.elapsed().as_secs_f64()
                })
                .fold(f64::INFINITY, f64::min);
            seconds.push(best);
        }
        println!("{:<40} {:>9.4}s {:>9.4}s {:>7.2}", case.name, seconds[0], seconds[1], seconds[1] / seconds[0]);
    }
}
