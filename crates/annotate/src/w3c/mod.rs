//! W3C Web Annotation export and import (JSON-LD, `http://www.w3.org/ns/anno.jsonld`), import of
//! Hypothesis's JSON export, and the Markdown list of notes.
//!
//! Every annotation on words has a target with a `TextQuoteSelector` (exact words, ~32 characters of prefix
//! and suffix) and a `TextPositionSelector` in Unicode code points, as the standard requires; a note on the
//! whole article targets the document's IRI without a selector; a reply targets its note's IRI. The
//! collection embeds the article text (`sidenote:text`), so the file alone is enough for a colleague.
//!
//! Provenance follows the model: machine suggestions carry a `generator` (the extractor); human notes
//! and decisions carry a `creator` (a person). Rejected suggestions are exported too, marked
//! `"sidenote:decision": "rejected"`, so that a colleague's import hides them as well.
//!
//! Every `id` is an absolute IRI (W3C MUST, checked by `tests/w3c_musts.rs` against the W3C's own schemas):
//! an id that already is one (kept from an import) is kept; any other is turned into a `urn:uuid:` derived
//! from the document's content hash and the annotation's stable local id ([`iri`]), so exporting the same
//! annotations twice gives the same ids.
//!
//! `export.rs` writes files, `import.rs` reads them, `markdown.rs` writes the Markdown list.

mod export;
pub(crate) mod import;
mod markdown;

use serde_json::Value;

use crate::json_fields::json_object;

pub use export::{export, file_text};
pub use import::{
    anchor, anchor_targets, merge, merge_anchored, parse, parse_for, refused_before_json, targets, AnchoredImport,
    ImportError, ImportReport, Imported, ImportedReply, ImportedReview, ImportedSpeaker, Skipped, SourceCheck,
};
pub use markdown::notes_markdown;

/// The generator named in `generator` of machine-made annotations.
pub const GENERATOR: &str = "Sidenote extractor";

/// The JSON-LD context of every exported file.
pub fn context() -> Value {
    let prefixes = json_object(vec![("sidenote", "https://sidenote.invalid/ns#".into())]);
    Value::Array(vec!["http://www.w3.org/ns/anno.jsonld".into(), prefixes])
}

fn generator() -> Value {
    json_object(vec![("type", "Software".into()), ("name", GENERATOR.into())])
}

fn creator() -> Value {
    json_object(vec![("type", "Person".into()), ("nickname", "Sidenote user".into())])
}

/// The `sidenote:decision` values, as written and read.
mod decision {
    pub const ACCEPTED: &str = "accepted";
    pub const REJECTED: &str = "rejected";
    pub const RETAGGED: &str = "retagged";
    pub const ADDED: &str = "added";
    /// On a quotation: its speaker was corrected (`sidenote:speakerDecision`).
    pub const CORRECTED: &str = "corrected";
}

/// The classifying label of quotations.
const QUOTE_LABEL: &str = "QUOTE";

/// Whether `id` is an absolute IRI already (`scheme:rest`, RFC 3987), rather than a local name or a fragment.
pub fn is_absolute_iri(id: &str) -> bool {
    match id.split_once(':') {
        Some((scheme, rest)) => {
            let mut chars = scheme.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !rest.is_empty()
                // Characters RFC 3987 allows nowhere in an IRI (an id holding one is not kept: the export would
                // break the model's `format: uri`).
                && !rest.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`'))
        }
        None => false,
    }
}

/// The exported IRI of the annotation whose stable local id is `local_id` on the document whose content
/// URN is `content_urn`: `local_id` itself when it is an absolute IRI (an id kept from an import), else a
/// name-based `urn:uuid:` (RFC 9562 version 8, built from SHA-256 as version 5 is from SHA-1): the same
/// inputs give the same IRI on any machine, and different documents or ids give different ones.
pub fn iri(content_urn: &str, local_id: &str) -> String {
    if is_absolute_iri(local_id) {
        return local_id.to_string();
    }
    // The 0 byte separates the two names, so ("ab", "c") and ("a", "bc") differ.
    let digest = crate::sha256::digest(&[content_urn.as_bytes(), &[0], local_id.as_bytes()]);
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
    let hex = crate::sha256::hex(&bytes);
    format!("urn:uuid:{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_are_stable_distinct_and_absolute() {
        let a = iri("urn:sha256:00", "note-1");
        assert_eq!(a, iri("urn:sha256:00", "note-1"), "the same annotation gets the same IRI");
        assert_ne!(a, iri("urn:sha256:00", "note-2"));
        assert_ne!(a, iri("urn:sha256:01", "note-1"));
        assert_ne!(iri("urn:sha256:0", "0note-1"), iri("urn:sha256:00", "note-1"));
        assert!(a.starts_with("urn:uuid:") && a.len() == "urn:uuid:".len() + 36, "{a}");
        assert_eq!(&a[23..24], "8", "version nibble: {a}");
        assert!(matches!(&a[28..29], "8" | "9" | "a" | "b"), "variant: {a}");
        assert!(is_absolute_iri(&a));
        assert_eq!(iri("urn:sha256:00", &a), a, "an imported IRI is kept");
    }

    #[test]
    fn only_absolute_iris_count_as_iris() {
        let cases = [
            ("urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8", true),
            ("https://hyp.is/abc", true),
            ("tag:example.org,2024:x", true),
            ("#note-1", false),
            ("note-1", false),
            ("abc", false),
            ("1x:y", false),
            ("a b:c", false),
            ("urn:", false),
            ("urn:a b", false),
            ("http://ex.org/a<b>\"c", false),
            ("http://ex.org/{x}", false),
            ("http://ex.org/a\\b", false),
            ("https://example.org/über?q=1#frag", true),
        ];
        for (id, expected) in cases {
            assert_eq!(is_absolute_iri(id), expected, "{id}");
        }
    }
}
