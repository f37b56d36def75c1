//! HTML to text, the way a reader sees the page, with per-line structure hints for body detection.
//!
//! A tolerant reader, not a browser: it never runs or fetches anything. It drops `script`, `style`,
//! `noscript`, `template`, `svg` and `head` content, breaks lines at block elements, decodes character
//! references, collapses white space inside a line, and records for every output line its block tag, the
//! share of its characters inside links, and whether it sits in page chrome (`nav`, `header`, `footer`,
//! `aside`, or an element whose ARIA role is one of those landmarks). Malformed markup never fails: an
//! unclosed tag ends at the end of the input, a stray `<` is text.

use crate::LineHint;

/// Elements whose content is never shown.
const HIDDEN: &[&str] = &["head", "noscript", "script", "style", "svg", "template", "title"];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements that are page chrome, and the ARIA roles that mean the same.
const CHROME: &[&str] = &["aside", "footer", "header", "nav"];
const CHROME_ROLES: &[&str] = &["banner", "complementary", "contentinfo", "navigation"];

/// Elements that never have a closing tag.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// An open element, with what its ancestors already decided, so the innermost entry answers in O(1).
#[derive(Debug)]
struct Open {
    name: String,
    /// It or an ancestor is page chrome.
    chrome: bool,
    /// The nearest block element at or above it.
    block: Option<&'static str>,
}

/// Deeper nesting than this is not recorded (browsers cap their trees too): closing a tag searches the
/// open elements, and a bounded stack keeps stray closing tags from costing the depth each.
const MAX_OPEN_ELEMENTS: usize = 512;

/// A character reference is at most this many bytes between `&` and `;` (`&#x1F642;`, `&hellip;`).
const MAX_REFERENCE_LEN: usize = 10;

/// Remembers where the next occurrence of a needle is, so that many starts that ask for it (`<<<<…>`) share
/// one scan: the answer stays valid until the position passes it. Linear over the whole document.
struct NextFinder {
    needle: &'static str,
    /// Absolute position of the next occurrence at or after the last query, or `None` when there is none.
    found: Option<Option<usize>>,
}

impl NextFinder {
    fn new(needle: &'static str) -> Self {
        NextFinder { needle, found: None }
    }

    /// The absolute position of the first occurrence at or after `from`.
    fn next_from(&mut self, html: &str, from: usize) -> Option<usize> {
        match self.found {
            Some(None) => return None,
            Some(Some(at)) if at >= from => return Some(at),
            _ => {}
        }
        let at = html[from..].find(self.needle).map(|i| from + i);
        self.found = Some(at);
        at
    }
}

/// Where the tag that starts at `at` (a `<`) ends: its first `>` outside a quoted attribute value, so that
/// `<img alt="a > b">` or `data-x='{"a":"<b>"}'` does not end early and show the rest of the tag as text.
/// `first_gt` is the first `>` at or after `at`; `last_quote` the last `"` and `'` of the whole document. A
/// quote opens a value only right after `=`. The first `>` is kept when a quote never closes (none of its kind
/// comes after it) or an unquoted `<` comes first, as then this is no tag a browser would read either: a
/// scan's unquoted stretches hold no `<`, so no other tag's scan starts in them, and every byte is scanned a
/// bounded number of times — linear, as the rest of this reader.
fn tag_end(html: &str, at: usize, first_gt: usize, last_quote: [Option<usize>; 2]) -> usize {
    let bytes = html.as_bytes();
    let mut quote: Option<u8> = None;
    let mut after_equals = false;
    // The bytes looked at are ASCII, which never occurs inside a multi-byte UTF-8 character.
    for (i, &byte) in bytes.iter().enumerate().skip(at + 1) {
        if let Some(open) = quote {
            if byte == open {
                quote = None;
            }
            continue;
        }
        match byte {
            b'>' => return i,
            b'<' => return first_gt,
            b'"' | b'\'' if after_equals => {
                let last = if byte == b'"' { last_quote[0] } else { last_quote[1] };
                if last.is_none_or(|last| last <= i) {
                    return first_gt;
                }
                quote = Some(byte);
            }
            _ => {}
        }
        if !byte.is_ascii_whitespace() {
            after_equals = byte == b'=';
        }
    }
    first_gt
}

/// The block element `name` names, as a static string (so open elements need not own a copy).
fn block_name(name: &str) -> Option<&'static str> {
    BLOCKS.iter().copied().find(|b| *b == name)
}

/// Finds `</name` case-insensitively, without lower-casing the rest of the document.
fn find_closing_tag(rest: &str, name: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let mut from = 0;
    while let Some(i) = rest[from..].find("</") {
        let at = from + i;
        let candidate = bytes.get(at + 2..at + 2 + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// The line being built.
#[derive(Default)]
struct LineBuilder {
    text: String,
    link_chars: usize,
    tag: String,
    chrome: bool,
    pending_space: bool,
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "shy" => '\u{ad}',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "bull" => '•',
        "middot" => '·',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "oacute" => 'ó',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "euro" => '€',
        "pound" => '£',
        _ => return None,
    })
}

/// The value of attribute `name` in a tag's source (`<a href="x" role=nav>`), lower-cased.
fn attribute(tag_source: &str, name: &str) -> Option<String> {
    let lower = tag_source.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))?;
    let rest = &tag_source[at + name.len() + 1..];
    let value = match rest.chars().next()? {
        quote @ ('"' | '\'') => rest[1..].split(quote).next()?,
        _ => rest.split(|c: char| c.is_whitespace() || c == '>').next()?,
    };
    Some(value.to_ascii_lowercase())
}

/// Converts HTML to text and one [`LineHint`] per line of that text.
pub fn html_to_text(html: &str) -> (String, Vec<LineHint>) {
    let mut out = String::new();
    let mut hints: Vec<LineHint> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut hidden_depth = 0usize;
    let mut in_link = 0usize;
    let mut pre = 0usize;
    let mut line = LineBuilder::default();

    let mut next_tag_end = NextFinder::new(">");
    let mut next_comment_end = NextFinder::new("-->");
    let last_quote = [html.rfind('"'), html.rfind('\'')];

    // Ends the current line (if it has text); `blank` asks for an empty line after it (paragraph break).
    fn flush(out: &mut String, hints: &mut Vec<LineHint>, line: &mut LineBuilder, blank: bool) {
        let text = line.text.trim_end();
        if !text.is_empty() {
            let chars = text.chars().count().max(1);
            out.push_str(text);
            out.push('\n');
            hints.push(LineHint {
                tag: line.tag.clone(),
                link_density: (line.link_chars.min(chars) as f32) / chars as f32,
                in_chrome: line.chrome,
            });
            if blank {
                out.push('\n');
                hints.push(LineHint { tag: line.tag.clone(), link_density: 0.0, in_chrome: line.chrome });
            }
        }
        *line = LineBuilder::default();
    }

    let mut rest = html;
    while !rest.is_empty() {
        let at = html.len() - rest.len();
        // A comment with no end is shown as text, never swallowing the rest of the document.
        if rest.starts_with("<!--") {
            if let Some(end) = next_comment_end.next_from(html, at + 4) {
                rest = &html[end + 3..];
                continue;
            }
        }
        if rest.starts_with('<') {
            let end = next_tag_end.next_from(html, at).map(|first_gt| tag_end(html, at, first_gt, last_quote) - at);
            let tag_body = end.map_or(&rest[1..], |e| &rest[1..e]);
            let closing = tag_body.starts_with('/');
            let name: String = tag_body
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if name.is_empty() || end.is_none() {
                // A stray "<" (or "<!DOCTYPE …>" / "<?xml …>" when it has a name-less start): text or skip.
                if let Some(e) = end.filter(|_| tag_body.starts_with('!') || tag_body.starts_with('?')) {
                    rest = &rest[e + 1..];
                    continue;
                }
                if hidden_depth == 0 {
                    if line.pending_space {
                        line.text.push(' ');
                        line.pending_space = false;
                    }
                    line.text.push('<');
                }
                rest = &rest[1..];
                continue;
            }
            rest = end.map_or("", |e| &rest[e + 1..]);
            if HIDDEN.contains(&name.as_str()) {
                if closing {
                    hidden_depth = hidden_depth.saturating_sub(1);
                } else if !tag_body.ends_with('/') {
                    hidden_depth += 1;
                    // Raw-text elements end only at their own closing tag, whatever they contain.
                    if matches!(name.as_str(), "script" | "style" | "template" | "title") {
                        rest = find_closing_tag(rest, &name).map_or("", |at| &rest[at..]);
                    }
                }
                continue;
            }
            if hidden_depth > 0 {
                continue;
            }
            let is_block = BLOCKS.contains(&name.as_str());
            if closing {
                // The stack holds at most MAX_OPEN_ELEMENTS, so a stray closing tag costs a bounded search.
                if let Some(pos) = stack.iter().rposition(|o| o.name == name) {
                    stack.truncate(pos);
                }
                if name == "a" {
                    in_link = in_link.saturating_sub(1);
                }
                if name == "pre" {
                    pre = pre.saturating_sub(1);
                }
                if is_block {
                    let paragraph =
                        matches!(name.as_str(), "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote");
                    flush(&mut out, &mut hints, &mut line, paragraph);
                }
                continue;
            }
            if is_block {
                flush(&mut out, &mut hints, &mut line, false);
            }
            if VOID.contains(&name.as_str()) || tag_body.ends_with('/') {
                continue;
            }
            let role = attribute(tag_body, "role").unwrap_or_default();
            let parent = stack.last();
            let chrome = CHROME.contains(&name.as_str())
                || CHROME_ROLES.contains(&role.as_str())
                || parent.is_some_and(|p| p.chrome);
            let block = block_name(&name).or(parent.and_then(|p| p.block));
            if stack.len() < MAX_OPEN_ELEMENTS {
                stack.push(Open { name: name.clone(), chrome, block });
            }
            if name == "a" {
                in_link += 1;
            }
            if name == "pre" {
                pre += 1;
            }
            continue;
        }
        // Text up to the next tag.
        let next = rest.find('<').unwrap_or(rest.len());
        let (chunk, after) = rest.split_at(next);
        rest = after;
        if hidden_depth > 0 {
            continue;
        }
        if line.text.is_empty() {
            line.tag = stack.last().and_then(|o| o.block).unwrap_or_default().to_string();
            line.chrome = stack.last().is_some_and(|o| o.chrome);
        }
        let mut chars = chunk.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let c = if c == '&' {
                let tail = &chunk[i + 1..];
                // Only the next few bytes can hold the `;`: a lone `&` never scans the rest of the chunk.
                let reference_end = tail.bytes().take(MAX_REFERENCE_LEN + 1).position(|b| b == b';');
                match reference_end.and_then(|e| decode_entity(&tail[..e]).map(|d| (d, e))) {
                    Some((decoded, len)) => {
                        for _ in 0..len + 1 {
                            chars.next();
                        }
                        decoded
                    }
                    None => '&',
                }
            } else {
                c
            };
            if c == '\n' && pre > 0 {
                flush(&mut out, &mut hints, &mut line, false);
                continue;
            }
            if c.is_whitespace() && c != '\u{a0}' && pre == 0 {
                line.pending_space = !line.text.is_empty();
                continue;
            }
            if line.pending_space {
                line.text.push(' ');
                line.pending_space = false;
            }
            line.text.push(c);
            if in_link > 0 {
                line.link_chars += 1;
            }
        }
    }
    flush(&mut out, &mut hints, &mut line, false);
    while out.ends_with("\n\n") {
        out.pop();
        hints.pop();
    }
    if out.ends_with('\n') {
        out.pop();
    }
    (out, hints)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_becomes_lines_with_hints() {
        let html = r#"<!DOCTYPE html><html><head><title>T</title><script>alert("<p>x</p>")</script><style>p{}</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Lavrov Says &ldquo;No&rdquo;</h1>
<p>Sergei   Lavrov spoke in <b>Moscow</b> on&nbsp;Monday.</p><!-- a comment -->
<p>Tom &amp; Jerry &#8212; 5 &lt; 6 &#x1F642;</p></article>
<div role="contentinfo"><a href="/c">© 2024 Publisher</a></div></body></html>"#;
        let (text, hints) = html_to_text(html);
        assert_eq!(
            text,
            "Home News\nLavrov Says “No”\n\nSergei Lavrov spoke in Moscow on\u{a0}Monday.\n\nTom & Jerry — 5 < 6 🙂\n\n© 2024 Publisher"
        );
        assert_eq!(text.lines().count(), hints.len());
        assert!(hints[0].in_chrome && hints[0].link_density > 0.8);
        assert_eq!(hints[1].tag, "h1");
        assert_eq!(hints[3].tag, "p");
        assert!(!hints[3].in_chrome && hints[3].link_density == 0.0);
        assert!(hints.last().is_some_and(|h| h.in_chrome));
    }

    /// A `>` inside a quoted attribute value does not end the tag: the rest of the tag is not shown as text.
    #[test]
    fn a_greater_than_sign_in_a_quoted_attribute_stays_in_the_tag() {
        let html = r#"<article><p><img alt="Merkel > Macron" src="x.jpg">Angela Merkel spoke.</p><p><a href="/x" data-track='{"a":"b>c"}' title="it's > fine">Emmanuel Macron</a> replied.</p><iframe srcdoc="<p>framed</p>"></iframe><p>End.</p></article>"#;
        assert_eq!(html_to_text(html).0, "Angela Merkel spoke.\n\nEmmanuel Macron replied.\n\nEnd.");
    }

    #[test]
    fn malformed_markup_never_fails() {
        for html in
            ["<p>unclosed", "a < b and c > d", "<div><span>x</div>", "<scr", "&#xZZ; &bogus; &", "<script>never closed"]
        {
            let (text, hints) = html_to_text(html);
            assert_eq!(text.lines().count(), hints.len(), "{html}");
        }
        assert_eq!(html_to_text("a < b").0, "a < b");
        // A quote that never closes, or a "<" in the way, leaves the tag at its first ">", as before.
        assert_eq!(html_to_text(r#"<p title="unclosed>Text</p>"#).0, "Text");
        assert_eq!(html_to_text(r#"<p x="a>Text</p><p y=b>More</p>"#).0, "Text\n\nMore");
        // A quote that does close takes what is between, "<" included, as a browser's tokenizer does.
        assert_eq!(html_to_text(r#"<p x="a>Text</p><p y="b">More</p>"#).0, "More");
        assert_eq!(html_to_text("<script>never closed").0, "");
    }
}
