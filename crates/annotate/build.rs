//! Tells the anchoring-on-edited-pages test (`tests/anchoring_edits.rs`) whether `../shared/corpus` is beside
//! the project, so that without it the test is reported as ignored with its reason instead of passing silently.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(shared_corpus)");
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    println!("cargo::rerun-if-changed={}", corpus.display());
    if corpus.is_dir() {
        println!("cargo::rustc-cfg=shared_corpus");
    }
}
