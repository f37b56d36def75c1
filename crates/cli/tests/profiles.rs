//! The workspace's build profiles, as the README promises them: the CLI's `native` profile at full speed and
//! unwinding (so that `--jsonl` can turn a panic into an error line), the Wasm's `release` at minimum size.
//! Cargo gives a program no way to ask which profile built it, so this reads the manifest itself.

fn profile(manifest: &str, name: &str) -> Vec<String> {
    let header = format!("[profile.{name}]");
    manifest
        .lines()
        .skip_while(|line| line.trim() != header)
        .skip(1)
        .take_while(|line| !line.trim_start().starts_with('['))
        .map(|line| line.split('#').next().unwrap_or_default().replace(' ', ""))
        .filter(|line| !line.is_empty())
        .collect()
}

#[test]
fn native_is_fast_and_unwinds_release_stays_small() {
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.toml"))
        .expect("the workspace manifest is readable");
    let native = profile(&manifest, "native");
    for setting in ["inherits=\"release\"", "opt-level=3", "panic=\"unwind\""] {
        assert!(native.iter().any(|s| s == setting), "[profile.native] lacks {setting}: {native:?}");
    }
    let release = profile(&manifest, "release");
    assert!(release.iter().any(|s| s == "opt-level=\"z\""), "[profile.release] must stay the Wasm's: {release:?}");
    // A per-package override would make only the named crate fast, or make the extractor big in the Wasm.
    assert!(!manifest.contains("[profile.release.package"), "the Wasm's profile must not be overridden per package");
}
