//! What a file the user opens holds, from its name and first bytes: HTML (read as a reader sees the page),
//! plain text, or RTF (refused with a message, as its formatting commands would read as words).

use crate::InputError;

/// How an opened file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A web page: read through the HTML reader.
    Html,
    /// Anything else: read as text (which [`crate::accept_text`] may still refuse).
    Text,
}

/// Extensions of files that are HTML whatever they start with (`.xhtml`/`.xht`: XHTML, read as HTML).
const HTML_EXTENSIONS: [&str; 4] = [".html", ".htm", ".xhtml", ".xht"];

/// How far into a file its start is looked for, past white space, comments and an XML declaration: far
/// enough for a saved page's `<!-- saved from url=… -->` or a licence comment, and a bounded scan.
const START_WITHIN: usize = 4096;

/// What the file `name` with content `bytes` holds. A page saved by a browser starts (after a UTF-8
/// byte-order mark, white space and comments such as `<!-- saved from url=… -->`, and for XHTML an
/// `<?xml …?>` declaration) with `<!DOCTYPE html` or `<html`; that is HTML whatever its extension (`.txt`,
/// none). An RTF file (`{\rtf`) is refused.
pub fn file_kind(name: &str, bytes: &[u8]) -> Result<FileKind, InputError> {
    let start = document_start(&bytes[..bytes.len().min(START_WITHIN)]);
    if starts_with_ignoring_case(start, b"{\\rtf") {
        return Err(InputError::RichText);
    }
    let lower = name.to_ascii_lowercase();
    let html = HTML_EXTENSIONS.iter().any(|extension| lower.ends_with(extension))
        || starts_with_ignoring_case(start, b"<!doctype html")
        || starts_with_ignoring_case(start, b"<html");
    Ok(if html { FileKind::Html } else { FileKind::Text })
}

/// `bytes` from its first markup that is not a comment or an XML declaration, past a UTF-8 byte-order mark
/// and white space. An unclosed comment or declaration leaves nothing.
fn document_start(bytes: &[u8]) -> &[u8] {
    let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    loop {
        rest = rest.trim_ascii_start();
        let (opening, closing): (&[u8], &[u8]) = if rest.starts_with(b"<!--") {
            (b"<!--", b"-->")
        } else if starts_with_ignoring_case(rest, b"<?xml") {
            (b"<?xml", b"?>")
        } else {
            return rest;
        };
        let after_opening = &rest[opening.len()..];
        rest = match after_opening.windows(closing.len()).position(|window| window == closing) {
            Some(at) => &after_opening[at + closing.len()..],
            None => return &[],
        };
    }
}

fn starts_with_ignoring_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.get(..prefix.len()).is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_read_as_their_start_says() {
        let saved_page = "<!DOCTYPE html>\n<!-- saved from url=(0040)https://news.example.com/merkel.html -->\n<html>";
        let cases: &[(&str, &[u8], Result<FileKind, InputError>)] = &[
            ("page.html", b"<p>Angela Merkel</p>", Ok(FileKind::Html)),
            ("PAGE.HTM", b"Angela Merkel", Ok(FileKind::Html)),
            ("page.xhtml", b"<p>x</p>", Ok(FileKind::Html)),
            ("page.xht", b"<p>x</p>", Ok(FileKind::Html)),
            ("article.txt", b"Angela Merkel met Emmanuel Macron.", Ok(FileKind::Text)),
            ("article.txt", b"<p> is how a paragraph starts in HTML.", Ok(FileKind::Text)),
            ("", b"", Ok(FileKind::Text)),
            // HTML whatever the extension, after a byte-order mark, white space and comments.
            ("saved.txt", saved_page.as_bytes(), Ok(FileKind::Html)),
            ("noext", b"\xEF\xBB\xBF<!doctype HTML><html>", Ok(FileKind::Html)),
            ("bom.txt", b"\xEF\xBB\xBF\r\n  <HTML lang=fr>", Ok(FileKind::Html)),
            ("comment.txt", b"<!-- saved from url=(0017)https://x.example/ -->\n<html><body>", Ok(FileKind::Html)),
            ("comments.txt", b"<!-- a --> <!-- b -->\n\t<!DOCTYPE html>", Ok(FileKind::Html)),
            // XHTML: an XML declaration, then a doctype or `<html`.
            (
                "page.xml",
                b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">",
                Ok(FileKind::Html),
            ),
            ("page", b"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", Ok(FileKind::Html)),
            // Other XML, an unclosed comment, or a start beyond the bytes looked at: text.
            ("feed", b"<?xml version=\"1.0\"?><rss version=\"2.0\">", Ok(FileKind::Text)),
            ("open.txt", b"<!-- never closed <html>", Ok(FileKind::Text)),
            // RTF is refused, whatever the extension.
            ("notes.rtf", b"{\\rtf1\\ansi\\ansicpg1252 Angela Merkel}", Err(InputError::RichText)),
            ("notes.txt", b"\xEF\xBB\xBF\n{\\rtf1\\ansi Angela Merkel}", Err(InputError::RichText)),
            ("braces.txt", b"{\\bf not RTF} but TeX", Ok(FileKind::Text)),
        ];
        for (name, bytes, expected) in cases {
            assert_eq!(&file_kind(name, bytes), expected, "{name}: {}", String::from_utf8_lossy(bytes));
        }
        let far = format!("<!--{}-->\n<html>", "x".repeat(START_WITHIN));
        assert_eq!(file_kind("far.txt", far.as_bytes()), Ok(FileKind::Text));
        assert_eq!(file_kind("far.html", far.as_bytes()), Ok(FileKind::Html));
    }
}
