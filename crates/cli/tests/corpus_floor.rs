//! Keeps the extractor's quality from regressing: runs `sidenote extract` over ../shared/corpus and scores
//! it with the project's scorer (`../shared/eval/score.py`), failing if any figure drops below its floor.
//! The floors sit a little under what the extractor reached when they were set (see DESIGN.md).

use std::path::PathBuf;
use std::process::Command;

/// (figure in the scorer's JSON, floor). Set from the 18-page corpus, a little under what the extractor reached
/// (see `crates/extract/DESIGN.md` for the scores and the held-out figures).
const FLOORS: &[(&str, f64)] = &[
    ("entities.core.f1", 0.877),
    ("entities.PERSON.f1", 0.914),
    ("entities.ORG.f1", 0.790),
    ("entities.PLACE.f1", 0.931),
    ("entities.DATE.f1", 0.95),
    ("entities.MISC.f1", 0.580),
    ("quotes.f1", 0.96),
    ("quotes.speaker_acc", 0.925),
    ("body.f1", 0.93),
];

/// The corpus has at least this many pages; fewer means a broken copy, which must fail, not pass quietly.
const CORPUS_PAGES: usize = 18;

fn shared_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn lookup<'a>(json: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
    path.split('.').try_fold(json, |value, key| value.get(key))
}

#[test]
#[cfg_attr(not(shared_corpus), ignore = "../shared/corpus not found: the corpus floors are NOT checked")]
fn corpus_scores_stay_above_their_floors() {
    let shared = shared_dir();
    let corpus = shared.join("corpus");
    let scorer = shared.join("eval/score.py");
    assert!(scorer.is_file(), "{} is missing: ../shared is incomplete", scorer.display());
    let pages: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("the corpus folder is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    assert!(pages.len() >= CORPUS_PAGES, "{} pages in {}, expected {CORPUS_PAGES}", pages.len(), corpus.display());
    for page in &pages {
        assert!(page.with_extension("gold.json").is_file(), "{} has no gold file", page.display());
    }
    let out = std::env::temp_dir().join(format!("sidenote-corpus-floor-{}", std::process::id()));
    let status = Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(["extract", "--out"])
        .arg(&out)
        .arg(&corpus)
        .status()
        .expect("the sidenote binary runs");
    assert!(status.success(), "sidenote extract failed");
    let scored = Command::new("python3")
        .arg(&scorer)
        .arg(&corpus)
        .arg(&out)
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    assert!(scored.status.success(), "scorer failed: {}", String::from_utf8_lossy(&scored.stderr));
    let json: serde_json::Value = serde_json::from_slice(&scored.stdout).expect("the scorer prints JSON");
    let _ = std::fs::remove_dir_all(&out);
    let mut failures = Vec::new();
    for (figure, floor) in FLOORS {
        let value = lookup(&json, figure).and_then(serde_json::Value::as_f64).unwrap_or(0.0);
        println!("{figure}: {value:.3} (floor {floor})");
        if value < *floor {
            failures.push(format!("{figure} = {value:.3} < {floor}"));
        }
    }
    assert!(failures.is_empty(), "below floor: {failures:?}");
}
