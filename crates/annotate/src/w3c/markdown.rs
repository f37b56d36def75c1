//! The Markdown list of notes, for reading rather than re-importing.

use crate::model::Annotations;
use crate::Document;

/// A human-readable Markdown list of the notes with their quoted words.
pub fn notes_markdown(doc: &Document, annotations: &Annotations) -> String {
    let mut out = format!("# Notes on “{}”\n\n", doc.title);
    for note in annotations.notes_in_reading_order() {
        let quoted = note.span.map_or(note.target.exact.as_str(), |s| s.slice(&doc.text));
        out.push_str(&format!("- > {}\n", quoted.replace('\n', " ")));
        if !note.text.is_empty() {
            out.push_str(&format!("  {}\n", note.text.replace('\n', "\n  ")));
        }
        if !note.tags.is_empty() {
            out.push_str(&format!("  Tags: {}\n", note.tags.join(", ")));
        }
        out.push_str(&format!("  ({})\n\n", note.status.label()));
    }
    out
}
