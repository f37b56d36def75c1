//! What the extractor tells about the text it skipped (DESIGN.md, "Quotations"): a closing quotation mark
//! with no opening one is skipped with a diagnostic at the mark, and the quotes after it are still found.

use sidenote_extract::{extract, Span};

#[test]
fn a_stray_closing_mark_is_skipped_with_a_diagnostic_at_it() {
    let cases: &[(&str, &str)] = &[
        ("He said” yes. “Two three four five,” she said.", "”"),
        ("Stray » here. «Alors nous partons demain matin,» dit-il.", "»"),
    ];
    for (text, mark) in cases {
        let extraction = extract(text);
        let at = text.find(mark).expect("the stray mark is in the text");
        let spans: Vec<Option<Span>> = extraction.diagnostics.iter().map(|d| d.span).collect();
        assert_eq!(spans, vec![Some(Span::new(at, at + mark.len()))], "{text}");
        assert!(extraction.diagnostics[0].message.contains("closing quotation mark"), "{text}");
        let quotes: Vec<&str> = extraction.quotes.iter().map(|q| q.span.slice(text)).collect();
        assert_eq!(quotes.len(), 1, "the quote after the stray mark is found: {quotes:?} in {text}");
    }
}

#[test]
fn balanced_quotes_and_apostrophes_raise_no_diagnostic() {
    for text in ["“We won’t go,” she said.", "It’s the team’s ‘best’ year, he said.", "No quotes at all."]
    {
        assert_eq!(extract(text).diagnostics, vec![], "{text}");
    }
}
