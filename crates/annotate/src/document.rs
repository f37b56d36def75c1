//! A loaded article: its text (the canonical copy every offset refers to), a title, and an identity.

/// One article as the user loaded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// A short human title: the file name, or the headline of a paste (`title_from_text`).
    pub title: String,
    /// The text every annotation's offsets refer to.
    pub text: String,
    /// Where it came from (a URL) when known.
    pub source_url: Option<String>,
}

impl Document {
    /// A document with no known URL.
    pub fn new(title: impl Into<String>, text: impl Into<String>) -> Self {
        Document { title: title.into(), text: text.into(), source_url: None }
    }

    /// A title from the text itself: the line most likely to be its headline (`headline.rs`), else its first
    /// non-empty line, shortened.
    pub fn title_from_text(text: &str) -> String {
        crate::headline::title_from_text(text)
    }

    /// A content-derived identity, `urn:sha256:<hex>`, the same for the same text on any machine.
    pub fn content_urn(&self) -> String {
        Self::urn_of(&self.text)
    }

    /// The content URN a document with this text has.
    pub fn urn_of(text: &str) -> String {
        let mut urn = String::from("urn:sha256:");
        urn.push_str(&crate::sha256::hex(&crate::sha256::digest(&[text.as_bytes()])));
        urn
    }

    /// The `source` of exported annotations: the URL when known, else the content URN.
    pub fn source(&self) -> String {
        self.source_url.clone().unwrap_or_else(|| self.content_urn())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_and_title() {
        let doc = Document::new("t", "abc");
        assert_eq!(doc.content_urn(), "urn:sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(Document::title_from_text("\n\n  First line  \nsecond"), "First line");
    }
}
