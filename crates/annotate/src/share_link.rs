//! Share links: a document and its annotations carried in a URL fragment (`#share=v1.<data>`), so that
//! sharing needs no server — browsers never send the fragment anywhere.
//!
//! The payload is the W3C export itself ([`crate::w3c::export`], which embeds the title and the text) less
//! the machine suggestions (the receiver re-extracts them, as an import does), plus the document's URL and
//! its HTML structure hints. It is compact JSON, deflated (raw DEFLATE, RFC 1951) and written as base64url
//! without padding (RFC 4648 §5: no character that a URL would escape). Decoding goes through
//! [`crate::w3c::parse`] and [`crate::w3c::merge`], so a link round trip is a file round trip by
//! construction: the same notes land on the same words.
//!
//! The core has no compressor of its own in the app: [`payload`] and [`fragment`] make a link around the
//! browser's `CompressionStream("deflate-raw")`, [`deflated_payload`] and [`open`] read one around its
//! `DecompressionStream` (the app's `services::share`); [`encode`] and [`decode`] do the same natively with
//! feature `deflate` (tests and native callers). Both write and read the same raw DEFLATE.
//!
//! `v1` names this payload: a later format gets a new version, and old links keep opening.

use std::fmt;

use serde_json::Value;
use sidenote_extract::{Extraction, LineHint};

use crate::model::Annotations;
use crate::w3c::{self, ImportReport};
use crate::{accept_text, Document, InputError, MAX_TEXT_BYTES};

/// What a share link's fragment starts with, after the `#`.
pub const FRAGMENT_PREFIX: &str = "share=v1.";

/// The longest fragment a share link may have, in bytes (characters: the fragment is ASCII).
///
/// The fragment never reaches a server, so servers' URL limits (often 8 KB) do not apply; browsers take far
/// longer URLs (Chromium up to 2 MB). The limit is set by people: a link is pasted into mail and chat, where
/// ever longer URLs are cut short or refused, and 32 KiB still holds every article of the corpus with notes
/// (see `tests/share_link_corpus.rs`). Longer documents travel as an exported file, which has no limit.
pub const MAX_FRAGMENT_BYTES: usize = 32 * 1024;

/// The most a fragment may inflate to. A payload holds at most [`MAX_TEXT_BYTES`] of text, its annotations
/// and hints; the limit keeps a crafted link (deflate reaches ~1000:1) from exhausting the tab's memory.
pub const MAX_PAYLOAD_BYTES: usize = 2 * MAX_TEXT_BYTES;

/// Compact JSON past this size is not compressed at all: real text deflates to a third or a fifth, so it
/// could not fit in [`MAX_FRAGMENT_BYTES`], and compressing megabytes would stall the tab for nothing.
const MAX_COMPRESSIBLE_BYTES: usize = 64 * MAX_FRAGMENT_BYTES;

/// The payload fields Sidenote adds to the W3C collection.
const URL_FIELD: &str = "sidenote:url";
const HINTS_FIELD: &str = "sidenote:hints";

/// Why a link could not be made, or could not be opened. A failed open changes nothing already open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The document and its annotations do not fit in a link.
    TooLarge {
        /// The fragment's length it would have, in bytes (at least this much when not compressed).
        bytes: usize,
    },
    /// The fragment is not a share link at all.
    NotALink,
    /// A share link of a format this version of Sidenote does not know (made by a newer one).
    UnknownVersion(String),
    /// The link was cut short or altered on the way: it does not decode.
    Damaged(String),
    /// What follows `share=` is not the start of any Sidenote link (`share=<script>…`, another program's
    /// `share=` parameter): not a link cut short, so not called damaged.
    Foreign,
    /// The link decodes, but its text cannot become a document.
    Refused(InputError),
    /// The browser cannot (de)compress the link's data (it has no `CompressionStream`).
    Unsupported,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLarge { bytes } => write!(
                f,
                "This document is too large to share by link ({} KB; links hold up to {} KB). Use Export JSON and send the file instead",
                bytes.div_ceil(1024),
                MAX_FRAGMENT_BYTES / 1024
            ),
            ShareError::NotALink => write!(f, "This address does not hold a Sidenote share link"),
            ShareError::UnknownVersion(version) => write!(
                f,
                "This share link was made by a newer Sidenote (format {version}); open it with an up-to-date copy"
            ),
            ShareError::Damaged(why) => write!(
                f,
                "This share link is damaged ({why}); it was probably cut short when it was copied. Ask for the link again, or for the exported file"
            ),
            ShareError::Foreign => write!(
                f,
                "This address has a share= part that is not a Sidenote share link (those begin with share=v1.); nothing was opened"
            ),
            ShareError::Refused(error) => write!(f, "This share link holds no usable article: {error}"),
            ShareError::Unsupported => write!(
                f,
                "This browser cannot compress or decompress share links; use an up-to-date browser, or Export JSON and the file instead"
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// A document opened from a share link, with its annotations already anchored on its text.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedDocument {
    /// The document: title, text and URL when known.
    pub document: Document,
    /// Its HTML structure hints (empty for plain text).
    pub hints: Vec<LineHint>,
    /// The annotations it was shared with.
    pub annotations: Annotations,
    /// How they were imported (the same counts as a file import).
    pub report: ImportReport,
}

/// The payload of a link that carries `doc`, its `hints` and the human `annotations`, as compact JSON, before
/// compression; `extraction` is the extractor's output on it, which the export needs to place decisions. The
/// app compresses it with the browser's `CompressionStream("deflate-raw")` and makes the link with
/// [`fragment`]; [`encode`] does both natively.
pub fn payload(
    doc: &Document,
    extraction: &Extraction,
    annotations: &Annotations,
    hints: &[LineHint],
) -> Result<String, ShareError> {
    let mut payload = w3c::export(doc, extraction, annotations);
    // Machine suggestions are re-extracted by the receiver (an import skips them), so they stay out.
    if let Some(items) = payload["first"]["items"].as_array_mut() {
        items.retain(|item| item.get("creator").is_some());
        let total = items.len();
        payload["total"] = total.into();
    }
    if let Some(url) = &doc.source_url {
        payload[URL_FIELD] = Value::String(url.clone());
    }
    if !hints.is_empty() {
        payload[HINTS_FIELD] = serde_json::to_value(hints).map_err(|e| ShareError::Damaged(e.to_string()))?;
    }
    let json = crate::json_fields::compact(&payload);
    if json.len() > MAX_COMPRESSIBLE_BYTES {
        return Err(ShareError::TooLarge { bytes: json.len() });
    }
    Ok(json)
}

/// The fragment (without `#`) of a link whose [`payload`] deflated (raw DEFLATE) to `deflated`.
pub fn fragment(deflated: &[u8]) -> Result<String, ShareError> {
    let fragment = format!("{FRAGMENT_PREFIX}{}", crate::base64url::encode(deflated));
    if fragment.len() > MAX_FRAGMENT_BYTES {
        return Err(ShareError::TooLarge { bytes: fragment.len() });
    }
    Ok(fragment)
}

/// Whether a URL fragment (with or without its `#`) is meant as a share link, of any version.
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with("share=")
}

/// The compressed payload a share link's fragment (with or without its `#`) carries, to be inflated (raw
/// DEFLATE, at most [`MAX_PAYLOAD_BYTES`]) and opened with [`open`]. Never panics, whatever the input.
pub fn deflated_payload(fragment: &str) -> Result<Vec<u8>, ShareError> {
    let fragment = fragment.trim_start_matches('#');
    let versioned = fragment.strip_prefix("share=").ok_or(ShareError::NotALink)?;
    // The dot may reach us percent-encoded (`%2E`) and the version's letter capitalised by the program the link
    // went through: still a Sidenote link, to be read (or called damaged), not a foreign one.
    let (version, data) = versioned
        .split_once('.')
        .or_else(|| versioned.split_once("%2E"))
        .or_else(|| versioned.split_once("%2e"))
        .unwrap_or((versioned, ""));
    let version = version.to_ascii_lowercase();
    let version = version.as_str();
    if version != "v1" {
        // Only `v` and a number is a version (a newer one); anything else (`#share=` and nothing, say) is a
        // link cut short or altered.
        let numbered =
            version.strip_prefix('v').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        // A start of `v1.` (`share=`, `share=v`) is a link cut short; anything else never was a Sidenote link.
        let cut_short = "v1.".starts_with(version) && data.is_empty();
        return Err(match (numbered, cut_short) {
            (true, _) => ShareError::UnknownVersion(version.chars().take(16).collect()),
            (false, true) => ShareError::Damaged("it holds no data after share=".into()),
            (false, false) => ShareError::Foreign,
        });
    }
    crate::base64url::decode(base64url_of(data).as_bytes())
        .ok_or_else(|| ShareError::Damaged("it is not base64url".into()))
}

/// A link's data as base64url without what copying it may have added, none of which base64url ever holds:
/// white space where mail and chat programs wrapped a long link, or its escape in an address (`%0A`, `%20`),
/// and the punctuation of a sentence the link was pasted at the end of (`…Q_x.`, `(see …Q_x)`).
fn base64url_of(data: &str) -> String {
    let bytes = data.as_bytes();
    let escaped_space = |at: usize| {
        bytes.get(at) == Some(&b'%')
            && bytes
                .get(at + 1..at + 3)
                .is_some_and(|hex| matches!(hex.to_ascii_uppercase().as_slice(), b"0A" | b"0D" | b"09" | b"20"))
    };
    let mut out = String::with_capacity(data.len());
    let mut at = 0;
    while let Some(c) = data.get(at..).and_then(|rest| rest.chars().next()) {
        if escaped_space(at) {
            at += 3;
            continue;
        }
        if !c.is_whitespace() {
            out.push(c);
        }
        at += c.len_utf8();
    }
    let kept = out.trim_end_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).len();
    out.truncate(kept);
    out
}

/// What a link whose compressed data does not inflate (cut short or altered, or inflating past
/// [`MAX_PAYLOAD_BYTES`]) is refused with.
pub fn not_inflatable() -> ShareError {
    ShareError::Damaged("its compressed data is incomplete or altered".into())
}

/// Opens a share link's inflated payload. Never panics, whatever the input.
pub fn open(json: Vec<u8>) -> Result<SharedDocument, ShareError> {
    // Checked as UTF-8 first and read with `from_str`, the parser the rest of the program uses: `from_slice`
    // would compile a second copy of serde_json's parser into the Wasm (2 KB gzipped). Either way, bytes that
    // are not UTF-8 are not JSON.
    let not_json = || ShareError::Damaged("its content is not the JSON Sidenote writes".into());
    let json = String::from_utf8(json).map_err(|_| not_json())?;
    let payload: Value = serde_json::from_str(&json).map_err(|_| not_json())?;
    let text = payload["sidenote:text"].as_str().ok_or(ShareError::Damaged("it carries no article text".into()))?;
    let text = accept_text(text.as_bytes()).map_err(ShareError::Refused)?;
    let hints: Vec<LineHint> = match payload.get(HINTS_FIELD) {
        // Read from the value by hand (`json_fields`), not with serde's derived reader: one copy of the hint
        // reader in the Wasm, shared with the app's stored documents.
        Some(hints) => crate::json_fields::line_hints(hints)
            .map_err(|_| ShareError::Damaged("its structure hints are not readable".into()))?,
        None => Vec::new(),
    };
    let imported = w3c::parse(&json).map_err(|e| ShareError::Damaged(e.to_string()))?;
    let title =
        imported.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| Document::title_from_text(&text));
    let mut document = Document::new(title, text);
    document.source_url = payload[URL_FIELD].as_str().map(str::to_string);
    let mut annotations = Annotations::default();
    let report = w3c::merge(&mut annotations, imported, &document.text);
    Ok(SharedDocument { document, hints, annotations, report })
}

/// Raw DEFLATE in pure Rust, for native callers and tests: the app leaves it out (feature `deflate`) and uses
/// the browser's (de)compression streams, which make and read the same links, instead of 15 KB of Wasm.
#[cfg(feature = "deflate")]
mod native {
    use super::*;

    /// The fragment (without `#`) of a link that carries `doc`, its `hints` and the human `annotations`.
    pub fn encode(
        doc: &Document,
        extraction: &Extraction,
        annotations: &Annotations,
        hints: &[LineHint],
    ) -> Result<String, ShareError> {
        let json = payload(doc, extraction, annotations, hints)?;
        fragment(&deflate(json.as_bytes()))
    }

    /// Raw DEFLATE at the highest level, as the browser's `CompressionStream("deflate-raw")` writes it.
    pub fn deflate(bytes: &[u8]) -> Vec<u8> {
        miniz_oxide::deflate::compress_to_vec(bytes, 9)
    }

    /// Inflates a link's compressed payload, refusing what grows past [`MAX_PAYLOAD_BYTES`].
    pub fn inflate(deflated: &[u8]) -> Result<Vec<u8>, ShareError> {
        miniz_oxide::inflate::decompress_to_vec_with_limit(deflated, MAX_PAYLOAD_BYTES).map_err(|_| not_inflatable())
    }

    /// Opens a share link's fragment (with or without its `#`). Never panics, whatever the input.
    pub fn decode(fragment: &str) -> Result<SharedDocument, ShareError> {
        open(inflate(&deflated_payload(fragment)?)?)
    }
}

#[cfg(feature = "deflate")]
pub use native::{decode, deflate, encode, inflate};

#[cfg(test)]
mod tests {
    use super::*;
    use sidenote_extract::Span;

    #[test]
    fn a_link_carries_title_text_url_hints_and_notes() {
        let text = "Sergei Lavrov spoke in Moscow on November 8.\n\nHe said little.";
        let mut doc = Document::new("Lavrov", text);
        doc.source_url = Some("https://example.org/lavrov".into());
        let hints = vec![LineHint { tag: "p".into(), link_density: 0.0, in_chrome: false, set_aside: false }; 3];
        let mut annotations = Annotations::default();
        annotations.add_note(text, Span::new(0, 13), "who".into(), vec!["person".into()]);
        let fragment = encode(&doc, &sidenote_extract::extract(text), &annotations, &hints).expect("fits");
        assert!(fragment.starts_with(FRAGMENT_PREFIX));
        assert!(fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.=".contains(&b)), "{fragment}");
        let shared = decode(&format!("#{fragment}")).expect("decodes");
        assert_eq!(shared.document, doc);
        assert_eq!(shared.hints, hints);
        assert_eq!(shared.annotations.notes.len(), 1);
        assert_eq!(shared.annotations.notes[0].span, Some(Span::new(0, 13)));
        assert_eq!(shared.annotations.notes[0].tags, ["person"]);
    }

    #[test]
    fn too_large_a_document_is_refused_with_its_size_and_the_file_offered() {
        // Pseudo-random words: text that deflate cannot shrink below the limit.
        let mut seed = 7u64;
        let words: Vec<String> = (0..40_000)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                format!("w{:x}", seed >> 40)
            })
            .collect();
        let text = words.join(" ");
        let doc = Document::new("big", text.clone());
        let error = encode(&doc, &Extraction::default(), &Annotations::default(), &[]).expect_err("too large");
        assert!(matches!(error, ShareError::TooLarge { bytes } if bytes > MAX_FRAGMENT_BYTES));
        let message = error.to_string();
        assert!(
            message.contains("too large") && message.contains("Export JSON") && message.contains("32 KB"),
            "{message}"
        );
    }

    #[test]
    fn damaged_and_foreign_links_say_what_is_wrong() {
        let doc = Document::new("t", "Angela Merkel visited Paris on Monday.");
        let fragment = encode(&doc, &Extraction::default(), &Annotations::default(), &[]).expect("fits");
        let cut = &fragment[..fragment.len() - 5];
        assert!(matches!(decode(cut), Err(ShareError::Damaged(_))));
        assert!(matches!(decode("share=v1.%%%"), Err(ShareError::Damaged(_))));
        assert!(matches!(decode("share=v9.abc"), Err(ShareError::UnknownVersion(v)) if v == "v9"));
        // Capitalised, or with its dot percent-encoded, a link cut short is still one.
        for cut_short in ["share=", "#share=", "share=v", "share=V1.%%%", "share=v1%2E%%%"] {
            assert!(matches!(decode(cut_short), Err(ShareError::Damaged(_))), "{cut_short}");
        }
        // Not a Sidenote link cut short, so not "damaged … probably cut short when it was copied".
        for foreign in ["share=x1.abc", "share=.abc", "share=v1x.abc", "share=<script>alert(1)</script>", "share=abc"] {
            assert_eq!(decode(foreign).map(|s| s.document), Err(ShareError::Foreign), "{foreign}");
            assert!(!ShareError::Foreign.to_string().contains("damaged"));
        }
        assert_eq!(decode("#section-2"), Err(ShareError::NotALink));
        assert!(decode(cut).is_err_and(|e| e.to_string().contains("damaged")));
        // Valid base64url and deflate, but not a document.
        let foreign = deflate(br#"{"name":"x"}"#);
        let foreign = format!("{FRAGMENT_PREFIX}{}", crate::base64url::encode(&foreign));
        assert!(matches!(decode(&foreign), Err(ShareError::Damaged(_))));
        // Deflated bytes that are not UTF-8 (a string cut inside a character) are not JSON either.
        let not_utf8 = deflate(b"{\"sidenote:text\":\"caf\xc3\"}");
        let not_utf8 = format!("{FRAGMENT_PREFIX}{}", crate::base64url::encode(&not_utf8));
        let not_json = ShareError::Damaged("its content is not the JSON Sidenote writes".into());
        assert_eq!(decode(&not_utf8).map(|s| s.document), Err(not_json));
    }

    #[test]
    fn a_wrapped_link_still_opens() {
        let doc = Document::new("t", "Angela Merkel visited Paris on Monday.");
        let fragment = encode(&doc, &Extraction::default(), &Annotations::default(), &[]).expect("fits");
        let (head, tail) = fragment.split_at(20);
        assert_eq!(decode(&format!("{head}\n  {tail}")).map(|s| s.document), Ok(doc.clone()));
        // As an address keeps what mail inserted, escaped; and with the punctuation of the sentence it ended.
        for copied in [
            format!("{head}%0A{tail}"),
            format!("{head}%20%0d%0A{tail}"),
            format!("{fragment}."),
            format!("{fragment})."),
            format!("{fragment}%0A"),
            format!("{fragment}>"),
            fragment.replacen("share=v1.", "share=V1.", 1),
            fragment.replacen("share=v1.", "share=v1%2E", 1),
        ] {
            assert_eq!(decode(&copied).map(|s| s.document), Ok(doc.clone()), "{copied}");
        }
        // Other escapes are no white space: still refused.
        assert!(decode(&format!("{head}%41{tail}")).is_err());
    }
}
