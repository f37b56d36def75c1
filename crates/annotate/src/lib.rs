/*!
Sidenote's annotation model: the document a user loads, checks on what may become a document, the
W3C Web Annotation file that carries a document's annotations to a colleague, and the files NLP tools
read (`formats`: brat, doccano, CoNLL BIO, notes as CSV), and share links that carry a document and its
annotations in a URL fragment (`share_link`).

It knows nothing of the browser: the app and the command-line tool both call it.

```
use sidenote_annotate::{accept_text, Document};
let text = accept_text(b"Sergei Lavrov spoke in Moscow on November 8.").expect("plain text is accepted");
let doc = Document::new("Lavrov", text);
let notes = sidenote_annotate::model::Annotations::default();
let file = sidenote_annotate::w3c::export(&doc, &sidenote_extract::extract(&doc.text), &notes);
assert_eq!(file["type"], "AnnotationCollection");
```
*/
#![deny(missing_docs)]

pub mod anchor;
mod base64url;
mod document;
pub mod file_kind;
pub mod find;
pub mod formats;
mod headline;
mod input;
pub mod json_fields;
mod last_by_key;
pub mod markdown_escape;
pub mod merge;
pub mod model;
mod page_head;
mod sha256;
pub mod share_link;
pub mod w3c;

pub use document::Document;
pub use file_kind::{file_kind, FileKind};
pub use input::{
    accept_file_bytes, accept_page_bytes, accept_text, annotation_file_too_large, megabytes, Encoding, InputError,
    MAX_ANNOTATION_FILE_BYTES, MAX_TEXT_BYTES,
};
pub use page_head::{page_head, PageHead};
