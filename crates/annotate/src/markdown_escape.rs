//! Escaping text for the Markdown list of notes, so that what a note, a title or quoted words contain is
//! shown as written and never read as Markdown (links, images, emphasis, HTML, headings, lists, tables).

/// Characters Markdown may read as syntax anywhere in a line. Every ASCII punctuation character may be
/// backslash-escaped in CommonMark, so escaping these is always safe.
const INLINE: &[char] = &['\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '!', '|', '&', '~', '{', '}'];

/// Characters that start a block (heading, list item, thematic break, setext underline) at a line's start.
const LINE_START: &[char] = &['#', '-', '+', '='];

/// Escapes `text` so that Markdown shows it as written: every character Markdown could read as syntax gets a
/// backslash, as do block markers at the start of a line (`#`, `-`, `+`, `=`, `1.`). Line breaks (any of
/// `\r\n`, `\n`, `\r`, U+2028, U+2029) become hard line breaks (`\` then a newline) and blank lines are
/// dropped, since a blank line would end the paragraph: multi-line text stays one paragraph — one list item
/// per note when the caller indents the continuation lines.
pub fn escape_markdown(text: &str) -> String {
    let lines: Vec<&str> =
        text.split(['\n', '\r', '\u{2028}', '\u{2029}']).map(str::trim_end).filter(|l| !l.trim().is_empty()).collect();
    lines.iter().map(|line| escape_line(line)).collect::<Vec<_>>().join("\\\n")
}

fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let indent = line.len() - line.trim_start().len();
    out.push_str(&line[..indent]);
    let rest = &line[indent..];
    // An ordered-list marker: digits then `.` or `)` (the `)` is escaped anyway).
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let ordered = digits > 0 && rest[digits..].starts_with('.');
    for (i, c) in rest.char_indices() {
        let block_start = (i == 0 && LINE_START.contains(&c)) || (ordered && i == digits);
        if INLINE.contains(&c) || block_start {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_is_shown_as_written() {
        let cases: &[(&str, &str)] = &[
            ("plain words", "plain words"),
            ("[x](javascript:alert(1))", "\\[x\\]\\(javascript:alert\\(1\\)\\)"),
            ("![img](http://e.x/a.png)", "\\!\\[img\\]\\(http://e.x/a.png\\)"),
            ("<script>alert(1)</script>", "\\<script\\>alert\\(1\\)\\</script\\>"),
            ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert\\(1\\)\\>"),
            ("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
            ("a | b | c", "a \\| b \\| c"),
            ("back\\slash", "back\\\\slash"),
            ("&lt;entity&gt; &#106;", "\\&lt;entity\\&gt; \\&#106;"),
            ("~~struck~~", "\\~\\~struck\\~\\~"),
            ("# heading", "\\# heading"),
            ("  # indented heading", "  \\# indented heading"),
            ("not # a heading", "not # a heading"),
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("===", "\\==="),
            ("1. first", "1\\. first"),
            ("2024 was a year.", "2024 was a year."),
            ("3) third", "3\\) third"),
            ("> quoted", "\\> quoted"),
            ("émoji 🙂 and “quotes”", "émoji 🙂 and “quotes”"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(escape_markdown(input), *expected, "{input}");
        }
    }

    #[test]
    fn line_breaks_become_hard_breaks_in_one_paragraph() {
        let cases: &[(&str, &str)] = &[
            ("one\ntwo", "one\\\ntwo"),
            ("one\r\ntwo\rthree", "one\\\ntwo\\\nthree"),
            ("one\n\n\ntwo", "one\\\ntwo"),
            ("one\u{2028}two\u{2029}three", "one\\\ntwo\\\nthree"),
            ("first\n# second\n- third", "first\\\n\\# second\\\n\\- third"),
            ("trailing  \n", "trailing"),
        ];
        for (input, expected) in cases {
            assert_eq!(escape_markdown(input), *expected, "{input:?}");
        }
    }

    #[test]
    fn escaped_text_has_no_unescaped_syntax_left() {
        let hostile = "[a](javascript:x) <b>![i](j)</b> *e* _u_ `c` | \\ &amp; ~s~ {t}";
        let escaped = escape_markdown(hostile);
        let mut chars = escaped.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                assert!(chars.next().is_some_and(|n| INLINE.contains(&n)), "a backslash escapes something: {escaped}");
            } else {
                assert!(!INLINE.contains(&c), "unescaped {c:?} in {escaped}");
            }
        }
    }

    #[test]
    fn the_notes_list_keeps_one_item_per_note_and_no_live_markup() {
        let text = "Sergei Lavrov spoke in Moscow on November 8 about [the] treaty.";
        let doc = crate::Document::new("<b>Title</b> [t](javascript:x)", text);
        let mut notes = crate::model::Annotations::default();
        let lavrov = sidenote_extract::Span::new(0, 13);
        notes.add_note(
            text,
            lavrov,
            "[x](javascript:alert(1))\n\n# not a heading\n- not an item".into(),
            vec!["<i>t</i>".into()],
        );
        let treaty = sidenote_extract::Span::new(50, 63);
        notes.add_note(text, treaty, "<script>window.__pwned=1</script>".into(), vec![]);
        if let Some(note) = notes.notes.last_mut() {
            note.author = Some("<b>Ann</b>".into());
        }
        let markdown = crate::w3c::notes_markdown(&doc, &notes);
        assert!(markdown.starts_with("# Notes on “\\<b\\>Title\\</b\\> \\[t\\]\\(javascript:x\\)”\n"), "{markdown}");
        assert!(markdown.contains("- > \\[the\\] treaty"), "{markdown}");
        assert!(
            markdown.contains("  \\[x\\]\\(javascript:alert\\(1\\)\\)\\\n  \\# not a heading\\\n  \\- not an item\n"),
            "{markdown}"
        );
        assert!(markdown.contains("  Tags: \\<i\\>t\\</i\\>\n"), "{markdown}");
        assert!(markdown.contains("  \\<script\\>window.\\_\\_pwned=1\\</script\\>\n"), "{markdown}");
        assert!(markdown.contains("  By \\<b\\>Ann\\</b\\>\n\n  \\<script"), "a note's author, escaped: {markdown}");
        // Every part of an item a paragraph of its own: the line under a quotation or a reply, if not blank,
        // would continue it.
        let lines: Vec<&str> = markdown.lines().collect();
        for pair in lines.windows(2) {
            if pair[0].starts_with("- ") || pair[0].trim_start().starts_with("- Reply") {
                assert_eq!(pair[1], "", "{markdown}");
            }
        }
        let items = markdown.lines().filter(|l| l.starts_with("- ")).count();
        assert_eq!(items, 2, "{markdown}");
        assert!(
            markdown.lines().skip(1).all(|l| l.is_empty() || l.starts_with("- > ") || l.starts_with("  ")),
            "{markdown}"
        );
    }
}
