//! What the annotation crate's property tests share.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use sidenote_annotate::model::Annotations;
use sidenote_annotate::{w3c, Document};
use sidenote_extract::Extraction;

/// Exports `notes` on `text` (with `extraction`'s suggestions), imports the file onto the same text, and checks
/// that every note comes back on the same words, exactly, under its IRI (import keeps the file's ids).
pub fn assert_round_trip(text: &str, notes: &Annotations, extraction: &Extraction) -> Result<(), TestCaseError> {
    let doc = Document::new("t", text.to_string());
    let file = w3c::export(&doc, extraction, notes);
    let imported = w3c::parse(&w3c::file_text(&file)).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(imported.text.as_deref(), Some(text));
    let mut back = Annotations::default();
    let report = w3c::merge(&mut back, imported, text);
    prop_assert_eq!(report.counts, [notes.notes.len(), 0, 0, 0]);
    let urn = doc.content_urn();
    let mut original = notes.notes.clone();
    original.iter_mut().for_each(|note| note.id = w3c::iri(&urn, &note.id));
    original.sort_by(|a, b| a.id.cmp(&b.id));
    let mut restored = back.notes.clone();
    restored.sort_by(|a, b| a.id.cmp(&b.id));
    prop_assert_eq!(original, restored);
    Ok(())
}
