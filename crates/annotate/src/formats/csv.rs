//! Notes as CSV for spreadsheets: RFC 4180 (fields holding `,` `"` CR or LF are quoted, inner quotes
//! doubled, CRLF line ends), UTF-8 with a byte-order mark so that spreadsheets read accents correctly.
//!
//! Columns: `id, on, quote, note, tags, status, start, end, author, reply_to`. `on` is `article` (a note
//! on the whole article), `words` (a note on words) or `reply`; `start`/`end` are code points, as in W3C
//! selectors (empty for notes without words and for orphans); tags are joined with `; `.
//!
//! A field that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return) is prefixed with `'`, as OWASP advises: notes can come from other people's files.

use sidenote_extract::offsets::OffsetIndex;

use crate::model::{Annotations, Reply};
use crate::Document;

/// The byte-order mark that starts the file.
pub const BOM: char = '\u{FEFF}';

const HEADER: [&str; 10] = ["id", "on", "quote", "note", "tags", "status", "start", "end", "author", "reply_to"];

/// The notes (on the article first, then on words in reading order, each followed by its replies).
pub fn export(doc: &Document, annotations: &Annotations) -> String {
    let index = OffsetIndex::new(&doc.text);
    let mut out = String::from(BOM);
    write_row(&mut out, &HEADER.map(str::to_string));
    let reply_rows = |out: &mut String, note_id: &str, replies: &[Reply]| {
        for reply in replies {
            let author = reply.author.clone().unwrap_or_default();
            let row = [&reply.id, "reply", "", &reply.text, "", "", "", "", &author, note_id].map(str::to_string);
            write_row(out, &row);
        }
    };
    for note in &annotations.document_notes {
        write_row(
            &mut out,
            &[&note.id, "article", "", &note.text, &note.tags.join("; "), "", "", "", "", ""].map(str::to_string),
        );
        reply_rows(&mut out, &note.id, &note.replies);
    }
    for note in annotations.notes_in_reading_order() {
        let quote = note.span.map_or(note.target.exact.as_str(), |s| s.slice(&doc.text));
        let (start, end) = match note.span {
            Some(span) => (
                index.byte_to_char(span.start).map(|c| c.to_string()).unwrap_or_default(),
                index.byte_to_char(span.end).map(|c| c.to_string()).unwrap_or_default(),
            ),
            None => (String::new(), String::new()),
        };
        let author = note.author.as_deref().unwrap_or("");
        let row = [
            &note.id,
            "words",
            quote,
            &note.text,
            &note.tags.join("; "),
            note.status.label(),
            &start,
            &end,
            author,
            "",
        ];
        write_row(&mut out, &row.map(str::to_string));
        reply_rows(&mut out, &note.id, &note.replies);
    }
    out
}

fn write_row(out: &mut String, fields: &[String]) {
    let cells: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// One field, defused and quoted when needed.
fn field(value: &str) -> String {
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() };
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sidenote_extract::Span;

    /// A minimal RFC 4180 reader, the oracle for what the writer promises.
    fn read(csv: &str) -> Vec<Vec<String>> {
        let mut rows = vec![vec![String::new()]];
        let mut chars = csv.chars().peekable();
        let mut quoted = false;
        while let Some(ch) = chars.next() {
            let cell = rows.last_mut().and_then(|r| r.last_mut()).expect("a cell");
            match (quoted, ch) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => rows.last_mut().expect("a row").push(String::new()),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CR only before LF outside quotes");
                    rows.push(vec![String::new()]);
                }
                (false, '\n') => panic!("a bare LF ends a row"),
                (false, c) => cell.push(c),
            }
        }
        rows.pop();
        rows
    }

    #[test]
    fn notes_round_trip_through_an_rfc_4180_reader() {
        let text = "🙂 Sergei Lavrov said, \"no\".";
        let mut set = Annotations::default();
        let overall = set.add_document_note("About \"all\", of it\r\nline two".into(), vec!["a".into(), "b c".into()]);
        set.add_reply(&overall, Some("Bea".into()), "=1+1".into());
        let start = text.find("Sergei").expect("in text");
        set.add_note(text, Span::new(start, start + 13), "-who\n".into(), vec![]);
        // A note imported from someone's file names its author, as its card does.
        if let Some(note) = set.notes.last_mut() {
            note.author = Some("alice@hypothes.is".into());
        }
        let csv = export(&Document::new("t", text), &set);
        assert!(csv.starts_with(BOM));
        assert!(csv.ends_with("\r\n"));
        let rows = read(&csv[BOM.len_utf8()..]);
        let expect = |cells: [&str; 10]| cells.map(str::to_string).to_vec();
        assert_eq!(
            rows,
            [
                expect(HEADER),
                expect(["note-1", "article", "", "About \"all\", of it\r\nline two", "a; b c", "", "", "", "", ""]),
                expect(["reply-2", "reply", "", "'=1+1", "", "", "", "", "Bea", "note-1"]),
                expect([
                    "note-3",
                    "words",
                    "Sergei Lavrov",
                    "'-who\n",
                    "",
                    "exact",
                    "2",
                    "15",
                    "alice@hypothes.is",
                    ""
                ]),
            ]
        );
    }

    #[test]
    fn only_fields_that_need_it_are_quoted() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("a\nb", "\"a\nb\""),
            ("=SUM(A1)", "'=SUM(A1)"),
            ("", ""),
        ];
        for (value, written) in cases {
            assert_eq!(field(value), written, "{value:?}");
        }
    }
}
