//! HTML to text, the way a reader sees the page, with per-line structure hints for body detection.
//!
//! A tolerant reader, not a browser: it never runs or fetches anything. It drops what a browser does not show
//! as text (`script`, `style`, `noscript`, `template`, `svg`, `head`, form controls, `iframe` and `object`
//! fallback, whatever its markup hides: `hidden`, `display:none`, a closed `<dialog>`), breaks lines at block
//! elements (a paragraph at `<br><br>`; a table row is one line, its cells joined by ` | `), decodes character references as HTML5 does (every
//! HTML 4.01 name and common HTML5 ones, `&#150;` as Windows-1252), collapses white space inside a line, and
//! records for every output line its block tag, the share of its characters inside links, and whether it sits
//! in page chrome (`nav`, `header`, `footer`, `aside`, or an element whose ARIA role is one of those
//! landmarks). Malformed markup never fails: an unclosed tag ends at the end of the input, a stray `<` is text.

use crate::LineHint;

mod entities;

// The lists of element names are strings of space-separated names, not arrays of strings: in the Wasm every
// visitor downloads, a name then costs its letters, not also a pointer and a length.

/// Elements whose content is never shown, besides [`RAW_TEXT`] and [`HIDDEN_WHEN_CLOSED`].
const HIDDEN: &str = "head noscript svg";

/// Hidden elements whose content is raw text, up to their own closing tag whatever it holds (an unclosed one
/// hides the rest of the page, as in a browser).
const RAW_TEXT: &str = "iframe noembed noframes script style template textarea title";

/// Hidden elements whose content a browser shows only when it cannot show the element (fallback text), or
/// that are controls, not text. Unclosed, they hide nothing: a stray `<button>` must not hide the article.
const HIDDEN_WHEN_CLOSED: [&str; 7] = ["audio", "button", "canvas", "datalist", "object", "select", "video"];

/// Elements that start and end a line.
const BLOCKS: &str = "address article aside blockquote body br caption center dd details div dl dir dt fieldset \
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre search \
    section summary table tr ul";

/// What separates the cells of a table row, which read as one line (`Year | Milestone`): visible in plain
/// text, and punctuation, so that names in neighbouring cells never read as one name.
const CELL_SEPARATOR: &str = " | ";

/// Elements that are page chrome, and the ARIA roles that mean the same.
const CHROME: &str = "aside footer header nav";
const CHROME_ROLES: &str = "banner complementary contentinfo navigation";

/// Elements that never have a closing tag.
const VOID: &str = "area base br col embed hr img input link meta source track wbr";

/// The name in `list` (space-separated names) that is `name`, if any.
fn listed(list: &'static str, name: &str) -> Option<&'static str> {
    list.split(' ').find(|listed| *listed == name)
}

/// An open element, with what its ancestors already decided, so the innermost entry answers in O(1).
#[derive(Debug)]
struct Open {
    name: String,
    /// It or an ancestor is page chrome.
    chrome: bool,
    /// It or an ancestor is an `<article>`.
    in_article: bool,
    /// It or an ancestor is a box set in an article's flow ([`sets_aside`]).
    set_aside: bool,
    /// The nearest block element at or above it.
    block: Option<&'static str>,
    /// It or an ancestor is hidden from readers by its markup ([`hides_content`]).
    hidden: bool,
}

/// Deeper nesting than this is not recorded (browsers cap their trees too): closing a tag searches the
/// open elements, and a bounded stack keeps stray closing tags from costing the depth each.
const MAX_OPEN_ELEMENTS: usize = 512;

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

/// Finds the closing tag of one element for many opening tags (`<button><button>…` with no `</button>`)
/// in one scan, as [`NextFinder`] does: the answer stays valid until the position passes it.
struct ClosingTagFinder {
    name: &'static str,
    /// Absolute position of the next `</name` at or after the last query, or `None` when there is none.
    found: Option<Option<usize>>,
}

impl ClosingTagFinder {
    fn next_from(&mut self, html: &str, from: usize) -> Option<usize> {
        match self.found {
            Some(None) => return None,
            Some(Some(at)) if at >= from => return Some(at),
            _ => {}
        }
        let at = find_closing_tag(&html[from..], self.name).map(|i| from + i);
        self.found = Some(at);
        at
    }
}

/// The line being built.
#[derive(Default)]
struct LineBuilder {
    text: String,
    link_chars: usize,
    tag: String,
    chrome: bool,
    set_aside: bool,
    /// What goes before the next character shown: nothing, a space, or [`CELL_SEPARATOR`].
    pending: &'static str,
}

impl LineBuilder {
    fn push(&mut self, c: char) {
        self.text.push_str(self.pending);
        self.pending = "";
        self.text.push(c);
    }
}

/// What `&#128;`–`&#159;` stand for: HTML5 reads them as Windows-1252, as pages typed on Windows meant them
/// (0x92 `’`, 0x93/0x94 `“ ”`, 0x96 `–`, 0x85 `…`); the five codes that Windows-1252 leaves undefined stay.
const WINDOWS_1252: [u16; 32] = [
    0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D, 0x17D,
    0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D,
    0x17E, 0x178,
];

/// The character a byte of a Windows-1252 file stands for: Latin-1, with the typographic quotes, dashes and
/// the euro sign of 0x80–0x9F ([`WINDOWS_1252`]).
pub fn windows_1252_char(byte: u8) -> char {
    numeric_character(u32::from(byte))
}

/// The longest name that decodes without a `;` (`middot`, `frac12`): a legacy name is looked for as a prefix
/// of at most this many bytes.
const LONGEST_LEGACY_NAME: usize = 6;

/// The character a numeric reference's code stands for, as HTML5 reads it: C1 codes as Windows-1252; NUL,
/// surrogates and codes beyond Unicode as U+FFFD.
fn numeric_character(code: u32) -> char {
    match code {
        0 => char::REPLACEMENT_CHARACTER,
        0x80..=0x9F => WINDOWS_1252
            .get(code as usize - 0x80)
            .and_then(|&c| char::from_u32(c.into()))
            .unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

/// The character the named reference `name` stands for, and whether it is a legacy name (one that needs no
/// `;`), by binary search.
fn named_reference(name: &[u8]) -> Option<(char, bool)> {
    let mut padded = [0u8; entities::WIDTH];
    padded.get_mut(..name.len())?.copy_from_slice(name);
    let i = entities::NAMES.binary_search(&padded).ok()?;
    let (low, high) = (entities::LOW.get(i)?, entities::HIGH.get(i)?);
    let character = char::from_u32(u32::from(high & !entities::LEGACY) << 8 | u32::from(*low))?;
    Some((character, high & entities::LEGACY != 0))
}

/// The character reference at the start of `tail` (the text just after an `&`): the character it stands for
/// and how many bytes of `tail` it takes, or `None` when the `&` is just an ampersand. As HTML5 reads text:
/// `&#…;` and `&#x…;` (the `;` optional), a known name with its `;`, or else the longest legacy name that
/// starts it, which needs no `;` (`&eacute` → é, `&notit;` → ¬it;). Names are case-sensitive. Bounded: a
/// name is looked for in the next [`entities::WIDTH`] + 1 bytes, and the digits read are the digits taken.
fn decode_reference(tail: &str) -> Option<(char, usize)> {
    let bytes = tail.as_bytes();
    if let Some(number) = bytes.strip_prefix(b"#") {
        let (radix, digits) = match number.strip_prefix(b"x").or_else(|| number.strip_prefix(b"X")) {
            Some(hex) => (16, hex),
            None => (10, number),
        };
        let mut code = 0u32;
        let mut count = 0;
        for digit in digits.iter().map_while(|&b| char::from(b).to_digit(radix)) {
            // Saturates just beyond Unicode: any longer run of digits is as much out of range.
            code = (code * radix + digit).min(0x11_0000);
            count += 1;
        }
        if count == 0 {
            return None;
        }
        let len = bytes.len() - digits.len() + count;
        let len = if bytes.get(len) == Some(&b';') { len + 1 } else { len };
        return Some((numeric_character(code), len));
    }
    let run = bytes.iter().take(entities::WIDTH + 1).take_while(|b| b.is_ascii_alphanumeric()).count();
    if bytes.get(run) == Some(&b';') {
        if let Some((decoded, _)) = named_reference(&bytes[..run]) {
            return Some((decoded, run + 1));
        }
    }
    (2..=run.min(LONGEST_LEGACY_NAME)).rev().find_map(|len| match named_reference(&bytes[..len]) {
        Some((decoded, true)) => Some((decoded, len)),
        _ => None,
    })
}

/// The attributes of a tag's source without its `<` and `>` (`p hidden style="display: none"`), as
/// (name, value) pairs, a name without `=` having an empty value. One pass left to right: linear in the tag.
fn attributes(tag_body: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = tag_body.trim_start_matches('/').trim_start_matches(|c: char| !c.is_whitespace() && c != '/');
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        // Never empty, so every step takes at least one byte (an `=` with no name before it is a name).
        let name_end = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        let (name, after) = rest.split_at(name_end.max(rest.len().min(1)));
        if name.is_empty() {
            return None;
        }
        let Some(value) = after.trim_start().strip_prefix('=').map(str::trim_start) else {
            rest = after;
            return Some((name, ""));
        };
        let (value, after) = match value.strip_prefix(['"', '\'']) {
            Some(quoted) => {
                let quote = &value[..1];
                quoted.split_once(quote).unwrap_or((quoted, ""))
            }
            None => value.split_at(value.find(char::is_whitespace).unwrap_or(value.len())),
        };
        rest = after;
        Some((name, value))
    })
}

/// Whether an inline style hides the element and what it holds (`display: none`, `visibility:hidden`).
fn style_hides(style: &str) -> bool {
    style.split(';').any(|declaration| {
        let (property, value) = declaration.split_once(':').unwrap_or_default();
        // "none !important" is "none".
        let value = value.split(|c: char| c.is_whitespace() || c == '!').find(|word| !word.is_empty());
        let property = property.trim();
        let is = |expected: &str| value.is_some_and(|value| value.eq_ignore_ascii_case(expected));
        (property.eq_ignore_ascii_case("display") && is("none"))
            || (property.eq_ignore_ascii_case("visibility") && (is("hidden") || is("collapse")))
    })
}

/// What a start tag says about the element: whether its role makes it page chrome, and whether its markup
/// hides it from readers (`hidden`, an inline style of [`style_hides`], a `<dialog>` not `open`, as cookie
/// banners and sign-up boxes are before a script shows them). `aria-hidden` is not hiding: it is set on text
/// every reader sees, when a screen reader is given the same words another way.
fn start_tag_facts(name: &str, tag_body: &str) -> (bool, bool) {
    let (mut chrome, mut hidden, mut open) = (false, false, false);
    for (attribute, value) in attributes(tag_body) {
        if attribute.eq_ignore_ascii_case("role") {
            chrome |= CHROME_ROLES.split(' ').any(|role| role.eq_ignore_ascii_case(value));
        } else if attribute.eq_ignore_ascii_case("hidden") {
            // `hidden="until-found"` is content a reader finds by searching the page: it is text.
            hidden |= !value.eq_ignore_ascii_case("until-found");
        } else if attribute.eq_ignore_ascii_case("style") {
            hidden |= style_hides(value);
        } else {
            open |= attribute.eq_ignore_ascii_case("open");
        }
    }
    (chrome, hidden || (name == "dialog" && !open))
}

/// Whether an element inside an `<article>` is a box set in its flow: an `aside` (or an element whose role is
/// `complementary`: a "Related" box, a pull quote, a fact box), a `figure` or `figcaption`, a `blockquote`
/// whose class names a pull quote (`pullquote`, `pull-quote`). Its words are not the article's text, yet the
/// article goes on around it, so the body scorer passes over it ([`LineHint::set_aside`]).
fn sets_aside(name: &str, tag_body: &str, role_chrome: bool) -> bool {
    match name {
        "aside" | "figure" | "figcaption" => true,
        "blockquote" => attributes(tag_body).any(|(attribute, value)| {
            attribute.eq_ignore_ascii_case("class")
                && value.split_ascii_whitespace().any(|class| {
                    let class = class.to_ascii_lowercase();
                    class.contains("pullquote") || class.contains("pull-quote")
                })
        }),
        // `role="complementary"` (an aside by role) is the one chrome role that sits inside an article.
        _ => {
            role_chrome
                && attributes(tag_body).any(|(attribute, value)| {
                    attribute.eq_ignore_ascii_case("role") && value.eq_ignore_ascii_case("complementary")
                })
        }
    }
}

/// Converts HTML to text and one [`LineHint`] per line of that text.
///
/// Content the markup hides ([`start_tag_facts`]) is dropped, unless it holds more text than the page shows:
/// then a script may be meant to reveal the page (`<body style="visibility:hidden">` until it has loaded), and
/// the page is read a second time with the hiding of `html`, `body`, `main` and `article` lifted (what else
/// is hidden, a long cookie dialog beside a short article, stays hidden). Two passes at most: still linear.
pub fn html_to_text(html: &str) -> (String, Vec<LineHint>) {
    let (text, hints, hidden_bytes) = read_html(html, true);
    if hidden_bytes > text.len() {
        let (text, hints, _) = read_html(html, false);
        return (text, hints);
    }
    (text, hints)
}

/// [`html_to_text`]'s one pass, dropping the content the markup hides (when not `drop_hidden`, all but what
/// the page's wrappers hide), and how many bytes of text that content held.
fn read_html(html: &str, drop_hidden: bool) -> (String, Vec<LineHint>, usize) {
    let mut out = String::new();
    let mut hints: Vec<LineHint> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut hidden_depth = 0usize;
    let mut hidden_bytes = 0usize;
    let mut in_link = 0usize;
    let mut pre = 0usize;
    let mut line = LineBuilder::default();

    let mut next_tag_end = NextFinder::new(">");
    let mut next_comment_end = NextFinder::new("-->");
    let mut closing_tags = HIDDEN_WHEN_CLOSED.map(|name| ClosingTagFinder { name, found: None });
    // Line breaks in a row with nothing shown between them: from the second on they make a paragraph break.
    let mut breaks_in_a_row = 0usize;
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
                set_aside: line.set_aside,
            });
            if blank {
                out.push('\n');
                hints.push(LineHint {
                    tag: line.tag.clone(),
                    link_density: 0.0,
                    in_chrome: line.chrome,
                    set_aside: line.set_aside,
                });
            }
        }
        *line = LineBuilder::default();
    }

    // A blank line after the last line, unless there is one already (or no line yet).
    fn paragraph_break(out: &mut String, hints: &mut Vec<LineHint>) {
        if out.ends_with('\n') && !out.ends_with("\n\n") {
            if let Some(last) = hints.last() {
                let blank = LineHint { link_density: 0.0, ..last.clone() };
                out.push('\n');
                hints.push(blank);
            }
        }
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
                if hidden_depth == 0 && !stack.last().is_some_and(|o| o.hidden) {
                    line.push('<');
                }
                rest = &rest[1..];
                continue;
            }
            rest = end.map_or("", |e| &rest[e + 1..]);
            let raw_text = listed(RAW_TEXT, &name).is_some();
            if raw_text || HIDDEN_WHEN_CLOSED.contains(&name.as_str()) || listed(HIDDEN, &name).is_some() {
                if closing {
                    hidden_depth = hidden_depth.saturating_sub(1);
                } else if !tag_body.ends_with('/') {
                    if raw_text {
                        hidden_depth += 1;
                        rest = find_closing_tag(rest, &name).map_or("", |at| &rest[at..]);
                    } else if let Some(finder) = closing_tags.iter_mut().find(|f| f.name == name) {
                        // Skipped to its closing tag when it has one; otherwise the tag alone is ignored.
                        if let Some(close) = finder.next_from(html, html.len() - rest.len()) {
                            hidden_depth += 1;
                            rest = &html[close..];
                        }
                    } else {
                        hidden_depth += 1;
                    }
                }
                continue;
            }
            if hidden_depth > 0 {
                continue;
            }
            // Hidden content starts no line and breaks none; its elements are still tracked, to know where
            // it ends.
            let in_hidden = stack.last().is_some_and(|o| o.hidden);
            let block_name = listed(BLOCKS, &name);
            let is_block = block_name.is_some() && !in_hidden;
            if name == "br" && in_hidden {
                continue;
            }
            if name == "br" {
                let nothing_since_last_break = line.text.trim().is_empty();
                flush(&mut out, &mut hints, &mut line, false);
                breaks_in_a_row = if nothing_since_last_break { breaks_in_a_row + 1 } else { 1 };
                if breaks_in_a_row >= 2 {
                    paragraph_break(&mut out, &mut hints);
                }
                continue;
            } else if is_block {
                breaks_in_a_row = 0;
            }
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
            if matches!(name.as_str(), "td" | "th") && !line.text.is_empty() && !in_hidden {
                line.pending = CELL_SEPARATOR;
            }
            if listed(VOID, &name).is_some() || tag_body.ends_with('/') {
                continue;
            }
            // A block ends an open paragraph, as in a browser (`<p hidden>Ad<p>Text` hides only the ad).
            if block_name.is_some()
                && !matches!(name.as_str(), "tr" | "caption")
                && stack.last().is_some_and(|o| o.name == "p")
            {
                stack.pop();
            }
            let (role_chrome, hides) = start_tag_facts(&name, tag_body);
            let parent = stack.last();
            let in_article = name == "article" || parent.is_some_and(|p| p.in_article);
            let parent_chrome = parent.is_some_and(|p| p.chrome);
            // A box set in an article's flow is the article's furniture, not the page's chrome around it.
            let set_aside = parent.is_some_and(|p| p.set_aside)
                || (in_article && !parent_chrome && sets_aside(&name, tag_body, role_chrome));
            let chrome = !set_aside && (listed(CHROME, &name).is_some() || role_chrome || parent_chrome);
            let block = block_name.or(parent.and_then(|p| p.block));
            // The second reading reveals only what the page's wrappers hid (a script shows them once loaded);
            // a closed dialog, a hidden menu inside stay hidden.
            let wrapper = matches!(name.as_str(), "html" | "body" | "main" | "article");
            let hidden = parent.is_some_and(|p| p.hidden) || (hides && (drop_hidden || !wrapper));
            if stack.len() < MAX_OPEN_ELEMENTS {
                stack.push(Open { name: name.clone(), chrome, in_article, set_aside, block, hidden });
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
        if stack.last().is_some_and(|o| o.hidden) {
            hidden_bytes += chunk.trim().len();
            continue;
        }
        if line.text.is_empty() {
            line.tag = stack.last().and_then(|o| o.block).unwrap_or_default().to_string();
            line.chrome = stack.last().is_some_and(|o| o.chrome);
            line.set_aside = stack.last().is_some_and(|o| o.set_aside);
        }
        let mut chars = chunk.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let c = if c == '&' {
                match decode_reference(&chunk[i + 1..]) {
                    Some((decoded, len)) => {
                        // A reference is ASCII: one char per byte.
                        for _ in 0..len {
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
                if !line.text.is_empty() && line.pending.is_empty() {
                    line.pending = " ";
                }
                continue;
            }
            line.push(c);
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
    (out, hints, hidden_bytes)
}

#[cfg(test)]
mod tests {

    /// The entity table is searched by halves: it must stay sorted, with every name once (a hand edit that
    /// broke the order would make lookups fail silently).
    #[test]
    fn the_entity_names_are_sorted_and_distinct() {
        assert!(entities::NAMES.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!((entities::LOW.len(), entities::HIGH.len()), (entities::NAMES.len(), entities::NAMES.len()));
    }

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

    /// Checks each (html, text) pair, and one hint per line.
    fn assert_reads(cases: &[(&str, &str)]) {
        for (html, expected) in cases {
            let (text, hints) = html_to_text(html);
            assert_eq!(&text, expected, "{html}");
            assert_eq!(text.lines().count(), hints.len(), "{html}");
        }
    }

    #[test]
    fn named_references_decode_as_html5_reads_them() {
        assert_reads(&[
            ("Mar&iacute;a Jos&eacute; in S&atilde;o Paulo", "María José in São Paulo"),
            ("&Eacute;douard &eacute;t&eacute;", "Édouard été"),
            ("&Scaron;koda &amp; &Oslash;rsted, 20&deg;C, &frac12; &times; 3", "Škoda & Ørsted, 20°C, ½ × 3"),
            ("Stra&szlig;e, h&ocirc;tel, &OElig;uvre, &Yuml;", "Straße, hôtel, Œuvre, Ÿ"),
            ("&euro;5 &ndash; &hellip; &trade; &larr; &rarr; &alpha;&Omega; &loz; &spades;", "€5 – … ™ ← → αΩ ◊ ♠"),
            ("&lsaquo;a&rsaquo; &bdquo;b&ldquo; &sbquo;c&lsquo; &prime;&Prime; &permil;", "‹a› „b“ ‚c‘ ′″ ‰"),
            // HTML5 moved `lang`/`rang` to the mathematical angle brackets; browsers follow it.
            ("&lang;x&rang;", "\u{27E8}x\u{27E9}"),
            // Common HTML5 names.
            ("it&apos;s &hyphen; &mldr; &bullet; &numero;5 &half; a&hairsp;b&NoBreak;", "it's ‐ … • №5 ½ a b\u{2060}"),
            // HTML5 names left out of the table (to keep it small) stay as typed.
            ("&commat;&period;&ZeroWidthSpace;", "&commat;&period;&ZeroWidthSpace;"),
            ("&AMP; &COPY; &REG; &LT;&GT; &QUOT;", "& © ® <> \""),
            // Names are case-sensitive: an unknown spelling stays as typed.
            ("&Amp; &EURO; &Hellip; &bogus; AT&T Q&A; &", "&Amp; &EURO; &Hellip; &bogus; AT&T Q&A; &"),
            // HTML5's legacy rule: the Latin-1 names (and amp, lt, gt, quot) decode without a `;`, longest first.
            ("Caf&eacute cr&egrave;me &copy2024 &amp &lt &notit; &frac34x", "Café crème ©2024 & < ¬it; ¾x"),
            // Other names need it.
            ("&hellip &mdash &alpha &euro", "&hellip &mdash &alpha &euro"),
            // A reference is decoded once.
            ("&amp;nbsp; &amp;amp; &#38;#38;", "&nbsp; &amp; &#38;"),
            ("X&nbsp Y&nbsp;Z", "X\u{a0} Y\u{a0}Z"),
        ]);
    }

    #[test]
    fn numeric_references_decode_as_html5_reads_them() {
        assert_reads(&[
            ("&#233; &#xE9; &#XE9; &#x1F642; &#8212;", "é é é 🙂 —"),
            // C1 codes are Windows-1252, as pages typed on Windows meant them.
            ("Merkel&#146;s &#147;plan&#148; &#150; costs &#128;5&#133;", "Merkel’s “plan” – costs €5…"),
            ("&#x80; &#x92; &#x93;&#x94; &#x96; &#x97; &#x85; &#x8A; &#x9F;", "€ ’ “” – — … Š Ÿ"),
            // The five codes Windows-1252 leaves undefined stay as they are.
            ("a&#129;&#x8D;&#143;&#x90;&#157;b", "a\u{81}\u{8D}\u{8F}\u{90}\u{9D}b"),
            // NUL, surrogates and codes beyond Unicode are U+FFFD, however many digits.
            (
                "&#0; &#xD800; &#xDFFF; &#x110000; &#99999999999999999999;",
                "\u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD}",
            ),
            // The `;` is optional; no digits, no reference.
            ("&#233x &#x41B &#; &#x; &#xG;", "éx Л &#; &#x; &#xG;"),
        ]);
    }

    #[test]
    fn blocks_start_lines_and_hidden_elements_show_nothing() {
        assert_reads(&[
            (
                "<center>Centered</center>After<fieldset><legend>Legend</legend>Fieldset text</fieldset>",
                "Centered\nAfter\nLegend\nFieldset text",
            ),
            (
                "<table><caption>Caption</caption><tr><td>Cell</td></tr></table><hgroup><h1>Head</h1><p>Sub</p></hgroup>",
                "Caption\nCell\nHead\n\nSub",
            ),
            ("<dl><dt>Term</dt><dd>Definition</dd></dl><address>Address</address><menu><li>One</li></menu>", "Term\nDefinition\nAddress\nOne"),
            ("<details><summary>Summary</summary>Details</details><figure>x<figcaption>Caption</figcaption></figure>", "Summary\nDetails\nx\nCaption"),
            // Form controls are not article text: a search form says nothing.
            (
                "<p>Before</p><form><input name=q value=search><select><option>Français<option>English</select><button>Go <b>now</b></button><textarea><p>Draft</p></textarea><datalist><option>x</datalist></form><p>After</p>",
                "Before\n\nAfter",
            ),
            // Fallback content of frames, media and canvas is for browsers that cannot show them.
            (
                "<p>A</p><iframe src=x>Your browser does not support <p>iframes</p></iframe><video><source src=v>No video</video><audio>No audio</audio><canvas>No canvas</canvas><noembed>x</noembed><p>B</p>",
                "A\n\nB",
            ),
            // An unclosed control or media element hides nothing, however many there are.
            ("<p>Angela <button>Merkel spoke.</p><p>Then <select>Macron <video>replied.</p>", "Angela Merkel spoke.\n\nThen Macron replied."),
            ("<button><button><button>Text", "Text"),
        ]);
    }

    #[test]
    fn content_the_markup_hides_is_not_read() {
        assert_reads(&[
            // The `hidden` attribute, however written, and everything inside, however deep.
            (
                "<p>Shown first.</p><div hidden><p>Sign <b>up</b>.</p><div><p>Deeper.</p></div></div><p>Also shown.</p>",
                "Shown first.\n\nAlso shown.",
            ),
            ("<p>A<span HIDDEN=hidden>X</span><span hidden=\"\">Y</span><span data-x=1 hidden/>B</p>", "AB"),
            // Inline styles that hide: spaced or not, any case, with `!important`, among other declarations.
            (
                "<p style=\"display: none\">Ad</p><p style='color:red;DISPLAY:NONE !important'>Ad</p><div style=\"visibility:hidden\">Ad</div><p style=\"display: block\">Article text</p>",
                "Article text",
            ),
            // A dialog is hidden until it is opened (a cookie banner); an open one is shown.
            (
                "<dialog id=cookies><p>We use cookies.</p></dialog><p>The council met.</p><dialog open>Shown</dialog>",
                "The council met.\n\nShown",
            ),
            // Fallback content of an object is for browsers that cannot show it.
            ("<p>A</p><object data=x.swf>Plugin</object><p>B</p>", "A\n\nB"),
            // An unclosed hidden paragraph ends at the next block, as in a browser.
            ("<p hidden>Advert<p>Text, then<span hidden>Ad</span> more", "Text, then more"),
            // The hidden element's closing tag ends it even when elements inside it were left open.
            ("<div><section hidden><p><b>Ad</section>After</div><p>Next</p>", "After\nNext"),
            // Words that only look like hiding: other attributes, class names, values, and `aria-hidden`
            // (set on text every reader sees when a screen reader gets it another way).
            (
                "<p class=hidden data-hidden=1 title=\"hidden\">One</p><p aria-hidden=\"true\">Two</p><p style=\"content:'display:none'\">Three</p>",
                "One\n\nTwo\n\nThree",
            ),
            // `until-found` content is text a reader can search for.
            ("<div hidden=until-found>Answer</div>", "Answer"),
            // Markup that hides the whole page until a script shows it: the page is read with it shown.
            ("<body style=\"visibility:hidden\"><p>The article.</p><div hidden>Menu</div></body>", "The article."),
            // Hidden text outweighing the page's elsewhere (a long closed dialog): it stays hidden.
            (
                "<p>Short news.</p><dialog><p>We and our 842 partners store and access information on your device.</p></dialog><div hidden>Menu of many sections</div>",
                "Short news.",
            ),
        ]);
        // Hidden text adds no line, so hints stay one per line.
        let (text, hints) = html_to_text("<nav>Home<div hidden><p>x</p><br><br></div></nav><p>Text</p>");
        assert_eq!((text.as_str(), hints.len()), ("Home\nText", 2));
    }

    #[test]
    fn a_table_row_reads_as_one_line() {
        assert_reads(&[
            (
                "<table><tr><th>Year</th><th>Milestone</th></tr>\n<tr> <td>2025</td>\n <td> Work starts </td></tr></table>",
                "Year | Milestone\n2025 | Work starts",
            ),
            // Empty cells add no separator; cells that hold blocks still break lines.
            ("<table><tr><td></td><td>A</td><td></td><td>B</td><td></td></tr><tr><td><p>C</p><p>D</p></td></tr></table>", "A | B\nC\n\nD"),
        ]);
    }

    #[test]
    fn line_breaks_in_a_row_make_a_paragraph() {
        assert_reads(&[
            ("<p>Line one<br>Line two<br><br>Line three</p>", "Line one\nLine two\n\nLine three"),
            ("One<br/><br />\n<br>Two<BR>Three", "One\n\nTwo\nThree"),
            // Nothing shown between them is still nothing: inline tags, white space, a no-break space.
            ("One<br><span> </span>&nbsp;<br>Two", "One\n\nTwo"),
            // At the start there is no paragraph to end, and a paragraph already ended needs no second blank line.
            ("<br><br>One</p><br><br><p>Two", "One\n\nTwo"),
            // A block between two breaks: the breaks are not in a row.
            ("One<br><div>Two</div><br>Three", "One\nTwo\nThree"),
        ]);
        // The blank line carries the hints of the line above it, as after a paragraph.
        let (text, hints) = html_to_text("<nav>Home<br><br>News</nav>");
        assert_eq!(text, "Home\n\nNews");
        assert!(hints.iter().all(|h| h.in_chrome && h.tag == "nav"), "{hints:?}");
    }
}
