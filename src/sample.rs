//! The built-in sample article the app opens on: a real news page as a reader copies it, clutter included.

/// The sample's title.
pub const SAMPLE_TITLE: &str = "Sample: Lavrov on the INF Treaty (RFE/RL)";

/// The sample's text, embedded at compile time so the app needs no network.
pub const SAMPLE_TEXT: &str = include_str!("../assets/rferl-lavrov-inf.txt");
