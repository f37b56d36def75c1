//! The Markdown list of notes, for reading rather than re-importing. Everything a note carries may come from
//! someone else's file, so every piece of text is escaped: nothing in it becomes a link, an image or markup.

use crate::markdown_escape::escape_markdown;
use crate::model::{Annotations, Reply};
use crate::Document;

/// A human-readable Markdown list of the notes on the whole article, then the notes on words in reading
/// order, each with its replies. Each part of an item is a paragraph of its own, set apart by a blank line:
/// a line right under `> words` would continue the quotation (CommonMark's lazy continuation), and one right
/// under a reply would continue the reply.
pub fn notes_markdown(doc: &Document, annotations: &Annotations) -> String {
    let mut out = format!("# Notes on “{}”\n\n", escape_markdown(&doc.title.replace('\n', " ")));
    for note in &annotations.document_notes {
        out.push_str("- On the whole article\n\n");
        push_body(&mut out, &note.text, &note.tags, &note.replies);
    }
    for note in annotations.notes_in_reading_order() {
        let quoted = note.span.map_or(note.target.exact.as_str(), |s| s.slice(&doc.text));
        out.push_str(&format!("- > {}\n\n", escape_markdown(&quoted.replace('\n', " "))));
        if let Some(author) = &note.author {
            out.push_str(&format!("  By {}\n\n", escape_markdown(author)));
        }
        push_body(&mut out, &note.text, &note.tags, &note.replies);
        out.push_str(&format!("  ({})\n\n", note.status.label()));
    }
    out
}

/// A note's text, tags and replies, indented under its list item, each followed by a blank line.
fn push_body(out: &mut String, text: &str, tags: &[String], replies: &[Reply]) {
    if !text.is_empty() {
        out.push_str(&format!("  {}\n\n", escape_markdown(text).replace('\n', "\n  ")));
    }
    if !tags.is_empty() {
        out.push_str(&format!("  Tags: {}\n\n", escape_markdown(&tags.join(", "))));
    }
    for reply in replies {
        let author = reply.author.as_deref().map_or_else(String::new, |a| format!("{}: ", escape_markdown(a)));
        out.push_str(&format!("  - Reply: {author}{}\n\n", escape_markdown(&reply.text).replace('\n', "\n    ")));
    }
}
