//! Property tests that are deterministic in CI and can run long on request.
//!
//! [`check`] runs a proptest strategy from a fixed seed, whatever `PROPTEST_RNG_SEED` says, writing no failure
//! files, and prints the seed, the case count, the time and the result. With `SIDENOTE_LONG_FUZZ=1` it runs
//! `SIDENOTE_FUZZ_CASES` cases (default 20,000) instead of the CI count, from `SIDENOTE_FUZZ_SEED` if set:
//! `SIDENOTE_LONG_FUZZ=1 SIDENOTE_FUZZ_CASES=200000 cargo test -p CRATE --release --test TEST -- --nocapture`.

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

/// The seed of every CI run.
pub const SEED: u64 = 0x51DE_0E07;

/// Cases per property: `ci` normally; with `SIDENOTE_LONG_FUZZ=1`, `SIDENOTE_FUZZ_CASES` (default 20,000).
pub fn cases(ci: u32) -> u32 {
    if std::env::var("SIDENOTE_LONG_FUZZ").as_deref() == Ok("1") {
        std::env::var("SIDENOTE_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(20_000)
    } else {
        ci
    }
}

/// The seed: `SIDENOTE_FUZZ_SEED` when set, else [`SEED`].
pub fn seed() -> u64 {
    std::env::var("SIDENOTE_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(SEED)
}

/// Runs `test` on [`cases`]`(ci_cases)` values of `strategy` from [`seed`]; panics with the shrunk failure.
/// Generated values a test rejects (`prop_assume!`) may be up to four times the case count.
pub fn check<S: Strategy>(
    name: &str,
    ci_cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let (cases, seed) = (cases(ci_cases), seed());
    let config = Config {
        cases,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::ChaCha,
        max_global_rejects: cases.saturating_mul(4),
        ..Config::default()
    };
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes));
    let started = std::time::Instant::now();
    let result = runner.run(&strategy, test);
    println!(
        "{name}: seed {seed}, {cases} cases, {:.1} s: {}",
        started.elapsed().as_secs_f64(),
        if result.is_ok() { "passed" } else { "FAILED" }
    );
    if let Err(failure) = result {
        panic!("{name} (seed {seed}): {failure}");
    }
}
