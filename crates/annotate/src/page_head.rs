//! What a saved web page says about itself in its head: its title (`<title>`) and its address
//! (`<link rel="canonical">`, else `<meta property="og:url">`), so that a page opened from a file is named and
//! exported as the article it is, not as its file name (`port-strike.html`), and a colleague's "made for
//! another text" question can name it.
//!
//! A bounded scan of the page's first [`HEAD_BYTES`]: the head comes first, and a page without one costs no
//! more than that.

/// How much of a page is looked at for its head.
const HEAD_BYTES: usize = 64 * 1024;
/// A tag longer than this is read only this far.
const MAX_TAG_BYTES: usize = 4096;
/// A longer title is cut (a page's `<title>` is a line, not a paragraph).
const MAX_TITLE_CHARS: usize = 200;

/// A page's own title and address, when its head says them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageHead {
    /// The `<title>`'s text, character references read, white space collapsed.
    pub title: Option<String>,
    /// An absolute `http(s)` address: the canonical link, else the Open Graph URL.
    pub address: Option<String>,
}

/// The title and address the head of `html` gives.
pub fn page_head(html: &str) -> PageHead {
    let mut end = html.len().min(HEAD_BYTES);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let head = &html[..end];
    let mut facts = PageHead::default();
    let mut og_url = None;
    let mut rest = head;
    while let Some(open) = rest.find('<') {
        rest = rest.get(open + 1..).unwrap_or("");
        // A tag's end is looked for within `MAX_TAG_BYTES` (a run of `<` without `>` stays linear).
        let mut window_end = rest.len().min(MAX_TAG_BYTES);
        while !rest.is_char_boundary(window_end) {
            window_end -= 1;
        }
        let window = &rest[..window_end];
        let tag_end = window.find('>').unwrap_or(window_end);
        let tag = &window[..tag_end];
        let (name, attributes) =
            tag.split_at(tag.find(|c: char| c.is_ascii_whitespace() || c == '/').unwrap_or(tag_end));
        if name.eq_ignore_ascii_case("title") && facts.title.is_none() {
            let after = rest.get(tag_end + 1..).unwrap_or("");
            let content = after.get(..find_ignoring_case(after, "</title").unwrap_or(after.len())).unwrap_or("");
            facts.title = readable_title(content);
        } else if name.eq_ignore_ascii_case("link") && facts.address.is_none() {
            let canonical = attribute(attributes, "rel")
                .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")));
            if canonical {
                facts.address = attribute(attributes, "href").and_then(absolute_address);
            }
        } else if name.eq_ignore_ascii_case("meta") && og_url.is_none() {
            if attribute(attributes, "property").is_some_and(|p| p.eq_ignore_ascii_case("og:url")) {
                og_url = attribute(attributes, "content").and_then(absolute_address);
            }
        } else if name.eq_ignore_ascii_case("body") {
            break;
        } else if let Some(closing) = if name.starts_with("!--") {
            Some("-->")
        } else if name.eq_ignore_ascii_case("script") {
            Some("</script")
        } else if name.eq_ignore_ascii_case("style") {
            Some("</style")
        } else {
            None
        } {
            // Their contents are not markup (`var t = "<title>…"`): on after their end.
            let from = rest.get(3..).map_or(rest.len(), |after| rest.len() - after.len());
            let end = rest
                .get(from..)
                .and_then(|after| find_ignoring_case(after, closing))
                .map_or(rest.len(), |at| from + at);
            rest = rest.get(end..).unwrap_or("");
            continue;
        }
        rest = rest.get(tag_end..).unwrap_or("");
    }
    facts.address = facts.address.or(og_url);
    facts
}

/// Where `needle` (ASCII) starts in `haystack`, in any case.
fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// A title as a reader sees it: references read (through the extractor's HTML reader), white space collapsed,
/// at most [`MAX_TITLE_CHARS`]; `None` when nothing is left.
fn readable_title(content: &str) -> Option<String> {
    let (text, _) = sidenote_extract::html_to_text(&format!("<p>{content}</p>"));
    let words: Vec<&str> = text.split_whitespace().collect();
    let title: String = words.join(" ").chars().take(MAX_TITLE_CHARS).collect();
    (!title.is_empty()).then_some(title)
}

/// The value of attribute `name` in a tag's attribute text (quoted with `"` or `'`, or bare), references read.
fn attribute(attributes: &str, name: &str) -> Option<String> {
    let mut rest = attributes;
    loop {
        let at = find_ignoring_case(rest, name)?;
        let before = rest.get(..at).and_then(|b| b.chars().last());
        rest = rest.get(at + name.len()..).unwrap_or("");
        let after = rest.trim_start();
        if before.is_some_and(|c| !c.is_ascii_whitespace()) {
            continue;
        }
        let Some(value) = after.strip_prefix('=') else { continue };
        let value = value.trim_start();
        let raw = match value.chars().next() {
            Some(quote @ ('"' | '\'')) => value.get(1..).unwrap_or("").split(quote).next().unwrap_or(""),
            _ => value.split(|c: char| c.is_ascii_whitespace() || c == '>').next().unwrap_or(""),
        };
        return Some(raw.replace("&amp;", "&"));
    }
}

/// `value` when it is an absolute `http` or `https` address with no white space.
fn absolute_address(value: String) -> Option<String> {
    let value = value.trim().to_string();
    let lower = value.to_ascii_lowercase();
    let absolute = (lower.starts_with("https://") || lower.starts_with("http://")) && value.len() > "https://".len();
    (absolute && !value.chars().any(char::is_whitespace)).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pages_head_gives_its_title_and_address() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                r#"<html><head><meta charset="utf-8"><title>Port strike halts Rotterdam &amp; Antwerp &#8212; Harbour Times</title>
                <link rel="stylesheet" href="a.css"><link href="https://harbour.example/port-strike" rel="canonical"></head><body><p>x</p>"#,
                Some("Port strike halts Rotterdam & Antwerp — Harbour Times"),
                Some("https://harbour.example/port-strike"),
            ),
            (
                "<TITLE>\n  Two\n  lines </TITLE><meta property='og:url' content='https://a.example/x?a=1&amp;b=2'>",
                Some("Two lines"),
                Some("https://a.example/x?a=1&b=2"),
            ),
            // A relative or odd address is no address; a title only in the body is not the page's.
            (r#"<link rel=canonical href=/relative><title> </title>"#, None, None),
            (r#"<link rel="canonical" href="javascript:alert(1)"><body><title>late</title>"#, None, None),
            (r#"<svg><title>icon</title></svg>"#, Some("icon"), None),
            ("<title>unclosed", Some("unclosed"), None),
            ("", None, None),
            ("<<<>>><title", None, None),
            // Titles inside a script's string, a style or a comment are not the page's.
            (
                r#"<!-- <title>Hidden</title> --><script>var t="<title>Script</title>"</script><STYLE>x{}</title></STYLE><title>Real</title>"#,
                Some("Real"),
                None,
            ),
            ("<!--<title>x</title>--><title>After a comment</title>", Some("After a comment"), None),
            ("<script><title>never closed", None, None),
        ];
        for (html, title, address) in cases {
            let head = page_head(html);
            assert_eq!((head.title.as_deref(), head.address.as_deref()), (*title, *address), "{html}");
        }
        // Hostile heads stay linear: a run of `<` with no `>`, a tag that never ends.
        for hostile in ["<".repeat(HEAD_BYTES), format!("<link rel=canonical {}", "a".repeat(HEAD_BYTES))] {
            assert_eq!(page_head(&hostile), PageHead::default());
        }
        let long = format!("<title>{}</title>", "word ".repeat(100));
        assert_eq!(page_head(&long).title.map(|t| t.chars().count()), Some(MAX_TITLE_CHARS));
    }
}
