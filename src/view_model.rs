//! Turns the document's layers (body, entities, quotes, notes) into the flat list of text pieces the
//! article view renders. Pure and tested natively: the DOM only ever receives pieces whose concatenation
//! is exactly the document text, so DOM offsets (UTF-16, counted over `textContent`) map straight back to
//! the core's byte offsets. Notes may overlap and nest; a piece lists every note that covers it.

use sidenote_annotate::model::ShownEntity;
use sidenote_extract::{Quote, Span};

/// One run of text with everything that covers all of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Byte range in the document text.
    pub span: Span,
    /// The shown entity covering it (index into the `entities` layer).
    pub entity: Option<usize>,
    /// The quotation covering it (index into the `quotes` layer), innermost if nested.
    pub quote: Option<usize>,
    /// Every note covering it (indexes into the `notes` layer), outermost first.
    pub notes: Vec<usize>,
    /// Whether it lies outside the article body.
    pub clutter: bool,
}

/// The layers of one document.
pub struct Layers<'a> {
    /// The article body ranges, sorted.
    pub body: &'a [Span],
    /// Shown entities, sorted by span.
    pub entities: &'a [ShownEntity],
    /// Quotations, sorted by span.
    pub quotes: &'a [Quote],
    /// Anchored notes' spans (index into the caller's note list, span).
    pub notes: &'a [(usize, Span)],
}

/// Cuts the text at every boundary of every layer, and labels each piece.
pub fn pieces(text_len: usize, layers: &Layers<'_>) -> Vec<Piece> {
    let spans = layers
        .body
        .iter()
        .copied()
        .chain(layers.entities.iter().map(|e| e.span))
        .chain(layers.quotes.iter().map(|q| q.span))
        .chain(layers.notes.iter().map(|n| n.1));
    let mut cuts = vec![0, text_len];
    for span in spans {
        cuts.push(span.start.min(text_len));
        cuts.push(span.end.min(text_len));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut notes_by_start: Vec<(usize, Span)> = layers.notes.to_vec();
    notes_by_start.sort_by_key(|n| (n.1.start, std::cmp::Reverse(n.1.end)));
    // Each layer is sorted by start; a cursor per layer keeps the sweep linear (notes keep an active set).
    let (mut e, mut q, mut b, mut n) = (0, 0, 0, 0);
    let mut active: Vec<(usize, Span)> = Vec::new();
    let mut out = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let span = Span::new(pair[0], pair[1]);
        let covers = |s: Span| s.start <= span.start && span.end <= s.end;
        while e < layers.entities.len() && layers.entities[e].span.end <= span.start {
            e += 1;
        }
        while q < layers.quotes.len() && layers.quotes[q].span.end <= span.start {
            q += 1;
        }
        while b < layers.body.len() && layers.body[b].end <= span.start {
            b += 1;
        }
        while n < notes_by_start.len() && notes_by_start[n].1.start <= span.start {
            active.push(notes_by_start[n]);
            n += 1;
        }
        active.retain(|a| a.1.end > span.start);
        let entity = (e..layers.entities.len())
            .take_while(|&i| layers.entities[i].span.start <= span.start)
            .find(|&i| covers(layers.entities[i].span));
        let quote = (q..layers.quotes.len())
            .take_while(|&i| layers.quotes[i].span.start <= span.start)
            .filter(|&i| covers(layers.quotes[i].span))
            .last();
        let notes = active.iter().filter(|a| covers(a.1)).map(|a| a.0).collect();
        let clutter = !layers.body.get(b).is_some_and(|x| covers(*x));
        out.push(Piece { span, entity, quote, notes, clutter });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sidenote_annotate::model::Annotations;

    #[test]
    fn pieces_tile_the_text_and_carry_overlapping_notes() {
        let text = "Menu\n\n🙂 “We are ready now,” Sergei Lavrov said in Moscow.\n";
        let extraction = sidenote_extract::extract(text);
        let entities = Annotations::default().shown_entities(&extraction);
        let lavrov = text.find("Sergei Lavrov").expect("name");
        let notes = [(0, Span::new(lavrov, text.len() - 2)), (1, Span::new(lavrov + 7, lavrov + 13))];
        let layers = Layers { body: &extraction.body, entities: &entities, quotes: &extraction.quotes, notes: &notes };
        let list = pieces(text.len(), &layers);
        let joined: String = list.iter().map(|p| p.span.slice(text)).collect();
        assert_eq!(joined, text);
        let inner = list.iter().find(|p| p.span.slice(text) == "Lavrov").expect("a piece for the surname");
        assert_eq!(inner.notes, [0, 1]);
        assert!(inner.entity.is_some());
        let quoted = list.iter().find(|p| p.span.slice(text) == "We are ready now,").expect("a piece for the quote");
        assert_eq!(quoted.quote, Some(0));
        assert!(quoted.notes.is_empty());
        assert!(list[0].clutter, "the menu line is clutter");
    }
}
