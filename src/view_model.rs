//! Turns an extraction into the flat list of text pieces the article view renders. Pure and tested
//! natively: the DOM only ever receives pieces whose concatenation is exactly the document text, so DOM
//! offsets (UTF-16, counted over `textContent`) map straight back to the core's byte offsets.

use sidenote_extract::{EntityKind, Extraction, Span};

/// One run of text with everything that covers all of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Byte range in the document text.
    pub span: Span,
    /// The entity mention covering it: its index in `extraction.entities` and kind.
    pub entity: Option<(usize, EntityKind)>,
    /// The quotation covering it: its index in `extraction.quotes`.
    pub quote: Option<usize>,
    /// Whether it lies outside the article body.
    pub clutter: bool,
}

/// Cuts the text at every boundary of a body range, entity or quote, and labels each piece.
pub fn pieces(text_len: usize, extraction: &Extraction) -> Vec<Piece> {
    let mut cuts = vec![0, text_len];
    for span in extraction
        .body
        .iter()
        .chain(extraction.entities.iter().map(|e| &e.span))
        .chain(extraction.quotes.iter().map(|q| &q.span))
    {
        cuts.push(span.start.min(text_len));
        cuts.push(span.end.min(text_len));
    }
    cuts.sort_unstable();
    cuts.dedup();
    // Each list is sorted by start; a cursor per list keeps the sweep linear.
    let (mut e, mut q, mut b) = (0, 0, 0);
    let mut out = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let span = Span::new(pair[0], pair[1]);
        while e < extraction.entities.len() && extraction.entities[e].span.end <= span.start {
            e += 1;
        }
        while q < extraction.quotes.len() && extraction.quotes[q].span.end <= span.start {
            q += 1;
        }
        while b < extraction.body.len() && extraction.body[b].end <= span.start {
            b += 1;
        }
        let covers = |s: Span| s.start <= span.start && span.end <= s.end;
        let entity = extraction.entities.get(e).filter(|x| covers(x.span)).map(|x| (e, x.kind));
        // Quotes may nest; the innermost one that covers the piece is found by looking a little ahead.
        let quote = (q..extraction.quotes.len())
            .take_while(|&i| extraction.quotes[i].span.start <= span.start)
            .filter(|&i| covers(extraction.quotes[i].span))
            .last();
        let clutter = !extraction.body.get(b).is_some_and(|x| covers(*x));
        out.push(Piece { span, entity, quote, clutter });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_tile_the_text_exactly() {
        let text = "Menu\n\n🙂 “We are ready now,” Sergei Lavrov said in Moscow.\n";
        let extraction = sidenote_extract::extract(text);
        let list = pieces(text.len(), &extraction);
        let joined: String = list.iter().map(|p| p.span.slice(text)).collect();
        assert_eq!(joined, text);
        let lavrov = list.iter().find(|p| p.span.slice(text) == "Sergei Lavrov").expect("a piece for the name");
        assert_eq!(lavrov.entity.map(|e| e.1), Some(EntityKind::Person));
        let quoted = list.iter().find(|p| p.span.slice(text) == "We are ready now,").expect("a piece for the quote");
        assert_eq!(quoted.quote, Some(0));
        assert!(list[0].clutter, "the menu line is clutter");
    }
}
