//! Turns the document's layers (body, entities, quotes, notes) into what the article view renders: pieces
//! (runs of text with everything covering them), resolved into segments (what each piece looks like), cut
//! into blocks (paragraph runs of a bounded size) of which only those near the viewport are in the DOM.
//! Pure and tested natively: each block renders segments whose concatenation is exactly its slice of the
//! text, and the blocks tile the text, so a DOM offset (UTF-16, counted within its block) plus the block's
//! start maps straight back to the core's byte offsets ([`core_offset`]). Notes may overlap and nest; a
//! piece lists every note that covers it.

use std::ops::Range;
use std::rc::Rc;

use sidenote_annotate::model::{Annotations, Provenance, ShownEntity};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{EntityKind, Quote, Span};

use crate::state::{Layer, LayerSet};

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
    /// Clutter on a line that holds a note: dimmed, but shown when clutter is collapsed.
    pub kept: bool,
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
    /// The lines that hold a note ([`noted_lines`]), sorted and apart: never hidden with the clutter.
    pub kept: &'a [Span],
}

/// The lines that hold any of `notes` (from the start of a note's first line to the end of its last, the
/// line break left out), sorted and apart. "Collapse page clutter" hides menus and captions, never a note:
/// a paragraph the extractor took for clutter stays shown (dimmed) when it holds one. Linear in the text:
/// each line is searched once, from where the last range ended.
pub fn noted_lines(text: &str, notes: &[Span]) -> Vec<Span> {
    let mut spans: Vec<Span> = notes.iter().copied().filter(|s| s.start <= s.end && s.end <= text.len()).collect();
    sidenote_extract::sort_stable_by_key(&mut spans, |s| s.start);
    let line_end = |from: usize| text.get(from..).and_then(|rest| rest.find('\n')).map_or(text.len(), |i| from + i);
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        if let Some(last) = out.last_mut().filter(|last| span.start <= last.end) {
            if span.end > last.end {
                last.end = line_end(span.end);
            }
            continue;
        }
        let floor = out.last().map_or(0, |last| last.end);
        let start = text.get(floor..span.start).and_then(|before| before.rfind('\n')).map_or(floor, |i| floor + i + 1);
        out.push(Span::new(start, line_end(span.end)));
    }
    out
}

/// Cuts the text at every boundary of every layer, and labels each piece.
pub fn pieces(text_len: usize, layers: &Layers<'_>) -> Vec<Piece> {
    let spans = layers
        .body
        .iter()
        .copied()
        .chain(layers.entities.iter().map(|e| e.span))
        .chain(layers.quotes.iter().map(|q| q.span))
        .chain(layers.notes.iter().map(|n| n.1))
        .chain(layers.kept.iter().copied());
    let mut cuts = vec![0, text_len];
    for span in spans {
        cuts.push(span.start.min(text_len));
        cuts.push(span.end.min(text_len));
    }
    sidenote_extract::sort_numbers(&mut cuts);
    cuts.dedup();
    let mut notes_by_start: Vec<(usize, Span)> = layers.notes.to_vec();
    sidenote_extract::sort_stable_by_key(&mut notes_by_start, |n| (n.1.start, std::cmp::Reverse(n.1.end)));
    // Each layer is sorted by start; a cursor per layer keeps the sweep linear (notes keep an active set).
    let (mut e, mut q, mut b, mut n, mut k) = (0, 0, 0, 0, 0);
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
        while k < layers.kept.len() && layers.kept[k].end <= span.start {
            k += 1;
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
        let kept = clutter && layers.kept.get(k).is_some_and(|x| covers(*x));
        out.push(Piece { span, entity, quote, notes, clutter, kept });
    }
    out
}

/// A block ends at the first line break after this many bytes, so blocks are runs of whole paragraphs.
pub const BLOCK_TARGET: usize = 2_000;
/// No block is longer than this (a single huge line is cut, at a space when there is one near the cap).
pub const BLOCK_CAP: usize = 8_000;

/// Cuts the text into blocks that tile it: each ends just after the first line break at or after `target`
/// bytes, or, on a line longer than that, after the last space before `cap` bytes (else at the character
/// boundary at `cap`). Cutting after `\n` keeps a `\r\n` together and changes nothing visible in
/// `white-space: pre-wrap`; a cut inside a line shows as a line break there.
pub fn block_bounds(text: &str, target: usize, cap: usize) -> Vec<Span> {
    let bytes = text.as_bytes();
    let len = text.len();
    let target = target.max(1);
    let cap = cap.max(target);
    let mut out = Vec::with_capacity(len / target + 1);
    let mut start = 0;
    while start < len {
        if len - start <= target {
            out.push(Span::new(start, len));
            break;
        }
        let hard = if len - start <= cap {
            len
        } else {
            ceil_char_boundary(text, floor_char_boundary(text, start + cap).max(start + 1))
        };
        let from = start + target - 1;
        let end = match bytes[from..hard].iter().position(|&b| b == b'\n') {
            Some(i) => from + i + 1,
            None if hard == len => len,
            // `\n` and ' ' are ASCII, never inside a multi-byte character, so cutting after one is safe.
            None => {
                bytes[start + target..hard].iter().rposition(|&b| b == b' ').map_or(hard, |i| start + target + i + 1)
            }
        };
        out.push(Span::new(start, end));
        start = end;
    }
    out
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at.min(text.len())
}

/// The index of the block holding byte `offset` (the last block for the text's end).
pub fn block_at(bounds: &[Span], offset: usize) -> usize {
    bounds.partition_point(|b| b.end <= offset).min(bounds.len().saturating_sub(1))
}

/// The core byte offset of a DOM boundary point: `utf16_in_block` UTF-16 units into the block that starts
/// at byte `block_start`. A point inside a surrogate pair (half an emoji) snaps to the character's start,
/// or its end when `towards_end` (a selection's end), so a selection always covers whole characters.
pub fn core_offset(
    offsets: &OffsetIndex,
    block_start: usize,
    utf16_in_block: usize,
    towards_end: bool,
) -> Option<usize> {
    let target = (offsets.byte_to_utf16(block_start)? + utf16_in_block).min(offsets.len_utf16());
    if towards_end {
        (target..=offsets.len_utf16()).find_map(|u| offsets.utf16_to_byte(u))
    } else {
        (0..=target).rev().find_map(|u| offsets.utf16_to_byte(u))
    }
}

/// A highlight: what a `<mark>` says about the words it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The entity's kind, if an entity covers it.
    pub kind: Option<EntityKind>,
    /// Whether the entity was accepted or added by the user.
    pub reviewed: bool,
    /// The quotation covering it (index among the shown quotations).
    pub quote: Option<usize>,
    /// The notes covering it, outermost first.
    pub notes: Vec<String>,
    /// Whether one of them is the note whose card is open.
    pub active: bool,
    /// The entity's or quotation's words, so a click selects them whole.
    pub own: Span,
    /// What it is, for the tooltip and screen readers.
    pub tip: String,
}

/// A piece as it is shown: its words, whether it is clutter, and its highlight if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the document text.
    pub span: Span,
    /// Whether it lies outside the article body.
    pub clutter: bool,
    /// Clutter on a line that holds a note: shown when clutter is collapsed.
    pub kept: bool,
    /// Its highlight (shared by the pieces of one highlight cut by a block edge).
    pub mark: Option<Rc<Mark>>,
}

/// What decides how pieces look besides the pieces themselves.
pub struct Display<'a> {
    /// The document text.
    pub text: &'a str,
    /// Shown entities (as indexed by the pieces).
    pub entities: &'a [ShownEntity],
    /// Shown quotations (as indexed by the pieces).
    pub quotes: &'a [Quote],
    /// The annotations (their notes as indexed by the pieces).
    pub annotations: &'a Annotations,
    /// Layers switched off.
    pub hidden: &'a LayerSet,
    /// The note whose card is open.
    pub active_note: Option<&'a str>,
}

/// Resolves each piece into what it looks like.
/// `after_body`: whether the piece before the first (the previous block's last) is not clutter.
pub fn segments(pieces: &[Piece], display: &Display<'_>, after_body: bool) -> Vec<Segment> {
    let mut out = Vec::with_capacity(pieces.len());
    let mut after_body = after_body;
    for piece in pieces {
        // A noted line is shown like the body when clutter is collapsed, so the breaks after it part it too.
        let hidden_when_collapsed = piece.clutter && !piece.kept;
        let opens_clutter = hidden_when_collapsed && after_body;
        after_body = !hidden_when_collapsed;
        // The line breaks that open a run of clutter after the body part the paragraphs around it: they stay
        // shown when the clutter is collapsed, or the paragraphs before and after it would run together. Once
        // per run: the pieces a highlight cuts a collapsed menu into show no breaks of their own.
        if opens_clutter {
            let words = piece.span.slice(display.text);
            let breaks = words.len() - words.trim_start().len();
            if words[..breaks].contains('\n') {
                let parting = Span::new(piece.span.start, piece.span.start + breaks);
                out.push(Segment { span: parting, clutter: false, kept: false, mark: None });
                if breaks < words.len() {
                    out.push(segment(
                        &Piece { span: Span::new(parting.end, piece.span.end), ..piece.clone() },
                        display,
                    ));
                }
                continue;
            }
        }
        out.push(segment(piece, display));
    }
    out
}

/// What one piece looks like.
fn segment(piece: &Piece, display: &Display<'_>) -> Segment {
    let words = piece.span.slice(display.text);
    let entity =
        piece.entity.map(|i| &display.entities[i]).filter(|e| !display.hidden.contains(&Layer::Entity(e.kind)));
    let quote = piece.quote.filter(|_| !display.hidden.contains(&Layer::Quote));
    let notes: Vec<&sidenote_annotate::model::Note> =
        piece.notes.iter().filter_map(|&i| display.annotations.notes.get(i)).collect();
    if entity.is_none() && quote.is_none() && notes.is_empty() {
        return Segment { span: piece.span, clutter: piece.clutter, kept: piece.kept, mark: None };
    }
    let mut tip = Vec::new();
    let mut own = piece.span;
    if let Some(e) = entity {
        let who = match e.provenance {
            Provenance::Suggested => "suggested",
            Provenance::Accepted => "accepted",
            Provenance::Added => "added by you",
        };
        tip.push(if e.name == words {
            format!("{} ({who})", e.kind.label())
        } else {
            format!("{} · {} ({who})", e.kind.label(), e.name)
        });
        own = e.span;
    }
    if let Some(index) = quote {
        let speaker = display.quotes.get(index).and_then(|q| q.speaker.as_deref()).unwrap_or("speaker unknown");
        tip.push(format!("Quote — {speaker}"));
        if entity.is_none() {
            own = display.quotes.get(index).map_or(own, |q| q.span);
        }
    }
    if !notes.is_empty() {
        tip.push(format!("{} note{}", notes.len(), if notes.len() == 1 { "" } else { "s" }));
    }
    let mark = Mark {
        kind: entity.map(|e| e.kind),
        reviewed: entity.is_some_and(|e| e.provenance != Provenance::Suggested),
        quote,
        notes: notes.iter().map(|n| n.id.clone()).collect(),
        active: notes.iter().any(|n| display.active_note == Some(n.id.as_str())),
        own,
        tip: tip.join(" | "),
    };
    Segment { span: piece.span, clutter: piece.clutter, kept: piece.kept, mark: Some(Rc::new(mark)) }
}

/// Distributes pieces over blocks, cutting a piece that crosses a block edge in two (both halves keep what
/// covers it). Each block's pieces tile exactly its span.
pub fn pieces_by_block(bounds: &[Span], pieces: &[Piece]) -> Vec<Vec<Piece>> {
    let mut out = Vec::with_capacity(bounds.len());
    let mut next = 0;
    for block in bounds {
        let mut inside = Vec::new();
        while next < pieces.len() && pieces[next].span.start < block.end {
            let piece = &pieces[next];
            let span = Span::new(piece.span.start.max(block.start), piece.span.end.min(block.end));
            if !span.is_empty() {
                inside.push(Piece { span, ..piece.clone() });
            }
            if piece.span.end <= block.end {
                next += 1;
            } else {
                break;
            }
        }
        out.push(inside);
    }
    out
}

/// The article's pieces by block, with what they index (shown entities and quotations); each block's
/// segments are resolved the first time it is rendered and kept, so the work of a change is the pieces'
/// sweep plus the rendered blocks, not the tooltips of every highlight in the document.
pub struct ArticleModel {
    /// Shown entities, as the pieces index them.
    pub entities: Vec<ShownEntity>,
    /// Shown quotations (rejected ones left out), as the pieces index them.
    pub quotes: Vec<Quote>,
    /// Each block's pieces.
    pub blocks: Vec<Vec<Piece>>,
    /// Each block's segments, once resolved.
    resolved: std::cell::RefCell<Vec<Option<Rc<[Segment]>>>>,
}

impl ArticleModel {
    /// Cuts the layers into pieces and the pieces into `bounds`' blocks (`notes`: the anchored notes' spans,
    /// empty when notes are hidden; `noted`: every anchored note's span, hidden or not, whose lines are never
    /// hidden with the clutter).
    pub fn new(
        text: &str,
        body: &[Span],
        entities: Vec<ShownEntity>,
        quotes: Vec<Quote>,
        notes: &[(usize, Span)],
        noted: &[Span],
        bounds: &[Span],
    ) -> Self {
        let kept = noted_lines(text, noted);
        let layers = Layers { body, entities: &entities, quotes: &quotes, notes, kept: &kept };
        let blocks = pieces_by_block(bounds, &pieces(text.len(), &layers));
        let resolved = std::cell::RefCell::new(vec![None; blocks.len()]);
        ArticleModel { entities, quotes, blocks, resolved }
    }

    /// The segments of block `index` (empty past the last block).
    pub fn segments(
        &self,
        index: usize,
        text: &str,
        annotations: &Annotations,
        hidden: &LayerSet,
        active_note: Option<&str>,
    ) -> Rc<[Segment]> {
        let Some(pieces) = self.blocks.get(index) else { return Rc::from(Vec::new()) };
        if let Some(Some(done)) = self.resolved.borrow().get(index) {
            return done.clone();
        }
        let display =
            Display { text, entities: &self.entities, quotes: &self.quotes, annotations, hidden, active_note };
        let after_body = index.checked_sub(1).and_then(|i| self.blocks.get(i)).and_then(|b| b.last());
        let done: Rc<[Segment]> =
            Rc::from(segments(pieces, &display, after_body.is_some_and(|p| !p.clutter || p.kept)));
        if let Some(slot) = self.resolved.borrow_mut().get_mut(index) {
            *slot = Some(done.clone());
        }
        done
    }
}

/// Estimated number of rendered lines of a block, at `chars_per_line` characters per line (a trailing
/// line break ends the last line, it does not start one).
pub fn estimated_lines(block_text: &str, chars_per_line: usize) -> usize {
    let chars_per_line = chars_per_line.max(1);
    let body = block_text.strip_suffix('\n').unwrap_or(block_text);
    body.split('\n').map(|line| line.chars().count().div_ceil(chars_per_line).max(1)).sum()
}

/// The blocks overlapping the vertical range `from..to` (pixels from the top of the first block), given
/// every block's height.
pub fn blocks_in_view(heights: &[f64], from: f64, to: f64) -> Range<usize> {
    let mut top = 0.0;
    let mut first = None;
    for (i, height) in heights.iter().enumerate() {
        let bottom = top + height;
        if first.is_none() && bottom > from {
            first = Some(i);
        }
        if top >= to {
            return first.unwrap_or(i)..i;
        }
        top = bottom;
    }
    first.unwrap_or(heights.len())..heights.len()
}

/// A run of consecutive blocks, rendered or stood in for by one spacer of their height.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    /// Blocks in the DOM.
    Rendered(Range<usize>),
    /// Blocks not in the DOM: one empty element of their total height.
    Spacer(Range<usize>),
}

/// Which of `count` blocks are rendered: those in `window` and every pinned one (a selection's ends, the
/// focused highlight, words being flashed); the rest become spacers.
pub fn runs(count: usize, window: Range<usize>, pinned: &[usize]) -> Vec<Run> {
    let rendered = |i: usize| window.contains(&i) || pinned.contains(&i);
    let mut out: Vec<Run> = Vec::new();
    for i in 0..count {
        match (out.last_mut(), rendered(i)) {
            (Some(Run::Rendered(r)), true) | (Some(Run::Spacer(r)), false) => r.end = i + 1,
            (_, true) => out.push(Run::Rendered(i..i + 1)),
            (_, false) => out.push(Run::Spacer(i..i + 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_tile_the_text_and_carry_overlapping_notes() {
        let text = "Menu\n\n🙂 “We are ready now,” Sergei Lavrov said in Moscow.\n";
        let extraction = sidenote_extract::extract(text);
        let entities = Annotations::default().shown_entities(&extraction);
        let lavrov = text.find("Sergei Lavrov").expect("name");
        let notes = [(0, Span::new(lavrov, text.len() - 2)), (1, Span::new(lavrov + 7, lavrov + 13))];
        let layers = Layers {
            body: &extraction.body,
            entities: &entities,
            quotes: &extraction.quotes,
            notes: &notes,
            kept: &[],
        };
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

    #[test]
    fn collapsed_clutter_keeps_the_line_breaks_that_part_paragraphs() {
        // Body lines with a clutter line between them; what is shown with clutter collapsed.
        let text = "Home\nNews\n\nThe minister said the talks would resume next week.\n\nAdvertisement\n\nShe said the delegations agreed on the agenda.";
        let first = text.find("The minister").expect("first");
        let second = text.find("She said").expect("second");
        let body = [Span::new(first, text.find(".\n\nAdv").expect("end") + 1), Span::new(second, text.len())];
        let layers = Layers { body: &body, entities: &[], quotes: &[], notes: &[], kept: &[] };
        let annotations = Annotations::default();
        let hidden = LayerSet::default();
        let display =
            Display { text, entities: &[], quotes: &[], annotations: &annotations, hidden: &hidden, active_note: None };
        let shown = segments(&pieces(text.len(), &layers), &display, false);
        let tiled: String = shown.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(tiled, text);
        let collapsed: String = shown.iter().filter(|s| !s.clutter).map(|s| s.span.slice(text)).collect();
        assert_eq!(
            collapsed,
            "The minister said the talks would resume next week.\n\nShe said the delegations agreed on the agenda."
        );
        // A menu cut into pieces by highlights (here notes) above the body: collapsed, it leaves no blank lines.
        let text = "London\nParis\nBerlin\nRome\n\nThe minister said the talks would resume.";
        let first = text.find("The minister").expect("body");
        let body = [Span::new(first, text.len())];
        let notes: Vec<(usize, Span)> = ["Paris", "Berlin", "Rome"]
            .iter()
            .map(|w| (0, Span::new(text.find(w).expect("w"), text.find(w).expect("w") + w.len())))
            .collect();
        let layers = Layers { body: &body, entities: &[], quotes: &[], notes: &notes, kept: &[] };
        let shown = segments(&pieces(text.len(), &layers), &display, false);
        let collapsed: String = shown.iter().filter(|s| !s.clutter).map(|s| s.span.slice(text)).collect();
        assert_eq!(collapsed, "The minister said the talks would resume.");
    }

    #[test]
    fn noted_lines_reach_from_line_start_to_line_end() {
        let text = "Menu\nThe ferry left. 🙂 It rained.\nFooter line\nLast";
        let at = |words: &str| text.find(words).expect("words");
        let span = |words: &str| Span::new(at(words), at(words) + words.len());
        let line = |words: &str| span(words);
        let cases: Vec<(Vec<Span>, Vec<Span>)> = vec![
            (vec![], vec![]),
            (vec![span("rained")], vec![line("The ferry left. 🙂 It rained.")]),
            // Two notes on one line, out of order: one range.
            (vec![span("rained"), span("ferry")], vec![line("The ferry left. 🙂 It rained.")]),
            // A note across a line break takes both lines; a note on the first line and one on the last.
            (vec![span("rained.\nFooter")], vec![line("The ferry left. 🙂 It rained.\nFooter line")]),
            (vec![span("Men"), span("ast")], vec![line("Menu"), line("Last")]),
            // A span beyond the text (a stale note) is left out.
            (vec![Span::new(text.len(), text.len() + 3)], vec![]),
        ];
        for (notes, expected) in cases {
            assert_eq!(noted_lines(text, &notes), expected, "{notes:?}");
        }
    }

    #[test]
    fn collapsed_clutter_never_hides_a_line_holding_a_note() {
        // The extractor took the lead and a later paragraph for clutter; notes sit on them (and one on the
        // menu). Collapsed, those lines stay shown, dimmed, parted from their neighbours as paragraphs are.
        let text = "Home\nNews\n\nThe ferry left at dawn.\n\nRelated: bridge plan\n\nThe islanders met at noon.\n\nIt rained all day.\n\nFooter";
        let body_line = "The islanders met at noon.";
        let body =
            [Span::new(text.find(body_line).expect("body"), text.find(body_line).expect("body") + body_line.len())];
        let span =
            |words: &str| Span::new(text.find(words).expect("words"), text.find(words).expect("words") + words.len());
        let annotations = Annotations::default();
        let hidden = LayerSet::default();
        let display =
            Display { text, entities: &[], quotes: &[], annotations: &annotations, hidden: &hidden, active_note: None };
        let cases: &[(&[&str], &str)] = &[
            (&[], "The islanders met at noon."),
            (&["ferry"], "The ferry left at dawn.\n\nThe islanders met at noon."),
            (&["rained"], "The islanders met at noon.\n\nIt rained all day."),
            (&["ferry", "rained"], "The ferry left at dawn.\n\nThe islanders met at noon.\n\nIt rained all day."),
            (&["News"], "News\n\nThe islanders met at noon."),
            // A note on the body changes nothing.
            (&["islanders"], "The islanders met at noon."),
        ];
        for (noted, expected) in cases {
            let spans: Vec<Span> = noted.iter().map(|w| span(w)).collect();
            let kept = noted_lines(text, &spans);
            let layers = Layers { body: &body, entities: &[], quotes: &[], notes: &[], kept: &kept };
            let shown = segments(&pieces(text.len(), &layers), &display, false);
            let tiled: String = shown.iter().map(|s| s.span.slice(text)).collect();
            assert_eq!(tiled, text);
            let collapsed: String = shown.iter().filter(|s| !s.clutter || s.kept).map(|s| s.span.slice(text)).collect();
            assert_eq!(collapsed.trim(), *expected, "{noted:?}");
            // Still dimmed: a kept line outside the body is clutter, and only clutter is kept.
            for words in *noted {
                let at = span(words);
                let outside_body = !body[0].overlaps(at);
                let inside_note = shown.iter().filter(|s| s.span.start >= at.start && s.span.end <= at.end);
                assert!(inside_note.clone().all(|s| s.clutter == outside_body && s.kept == outside_body), "{words}");
            }
        }
    }
}

#[cfg(test)]
mod block_tests {
    use super::*;

    fn slices(text: &str, target: usize, cap: usize) -> Vec<&str> {
        let bounds = block_bounds(text, target, cap);
        let joined: String = bounds.iter().map(|b| b.slice(text)).collect();
        assert_eq!(joined, text, "blocks tile the text");
        assert!(bounds.windows(2).all(|w| w[0].end == w[1].start));
        assert!(bounds.iter().all(|b| !b.is_empty() && b.len() <= cap.max(4)), "{bounds:?}");
        bounds.iter().map(|b| b.slice(text)).collect()
    }

    #[test]
    fn blocks_are_paragraph_runs_of_bounded_size() {
        let huge_ascii = "word ".repeat(30);
        let huge_cjk = "漢字かな".repeat(20);
        let huge_emoji = "🙂".repeat(40);
        let cases: Vec<(&str, usize, usize, Vec<&str>)> = vec![
            ("", 10, 40, vec![]),
            ("short", 10, 40, vec!["short"]),
            ("one line\nand another line\nthird\n", 10, 40, vec!["one line\nand another line\n", "third\n"]),
            ("para one.\n\npara two is here.\n\nend", 10, 40, vec!["para one.\n", "\npara two is here.\n", "\nend"]),
            ("crlf line one\r\ncrlf line two\r\n", 10, 40, vec!["crlf line one\r\n", "crlf line two\r\n"]),
            (
                &huge_ascii,
                10,
                40,
                vec![
                    "word word word word word word word word ",
                    "word word word word word word word word ",
                    "word word word word word word word word ",
                    "word word word word word word ",
                ],
            ),
        ];
        for (text, target, cap, expected) in cases {
            assert_eq!(slices(text, target, cap), expected, "{text:?}");
        }
        // A huge line without spaces is cut at character boundaries: whole CJK characters, whole emoji.
        for text in [&huge_cjk, &huge_emoji] {
            let parts = slices(text, 10, 40);
            assert!(parts.len() > 1);
            assert!(parts.iter().all(|p| p.len() <= 40));
        }
    }

    #[test]
    fn block_at_finds_the_block_of_every_offset() {
        let bounds = [Span::new(0, 5), Span::new(5, 9), Span::new(9, 12)];
        let table = [(0, 0), (4, 0), (5, 1), (8, 1), (9, 2), (11, 2), (12, 2), (99, 2)];
        for (offset, block) in table {
            assert_eq!(block_at(&bounds, offset), block, "offset {offset}");
        }
        assert_eq!(block_at(&[], 3), 0);
    }

    #[test]
    fn dom_offsets_within_a_block_map_to_exact_core_offsets() {
        // Bytes: "a" 0, "🙂" 1..5 (2 UTF-16 units), "漢" 5..8, "\n" 8, "b" 9; UTF-16: a 0, 🙂 1-2, 漢 3, \n 4, b 5.
        let text = "a🙂漢\nb";
        let offsets = OffsetIndex::new(text);
        let bounds = block_bounds(text, 4, 9);
        assert_eq!(bounds, [Span::new(0, 9), Span::new(9, 10)]);
        assert_eq!(
            block_bounds(text, 4, 8),
            [Span::new(0, 8), Span::new(8, 10)],
            "the cap wins over a later line break"
        );
        let table = [
            // (block start, UTF-16 within the block, towards end, byte)
            (0, 0, false, Some(0)),
            (0, 1, false, Some(1)),
            (0, 2, false, Some(1)), // inside the emoji: its start
            (0, 2, true, Some(5)),  // inside the emoji, as a selection's end: its end
            (0, 3, false, Some(5)),
            (0, 5, true, Some(9)),
            (9, 0, false, Some(9)),
            (9, 1, true, Some(10)),
            (9, 7, true, Some(10)), // past the end: the text's end
            (4, 0, false, None),    // not a character boundary: no block starts there
        ];
        for (start, within, towards_end, byte) in table {
            assert_eq!(core_offset(&offsets, start, within, towards_end), byte, "{start} + {within}");
        }
    }

    #[test]
    fn segments_split_at_block_edges_tile_each_block_and_keep_their_highlight() {
        let text = "Angela Merkel met Emmanuel Macron.\nIn Paris on Monday.\n";
        let extraction = sidenote_extract::extract(text);
        let mut annotations = Annotations::default();
        annotations.add_note(text, Span::new(7, 40), "n".into(), vec![]);
        let entities = annotations.shown_entities(&extraction);
        let notes = [(0, Span::new(7, 40))];
        // Blocks of 10 bytes cut inside "Merkel" and inside the note.
        let bounds = block_bounds(text, 10, 12);
        let model =
            ArticleModel::new(text, &extraction.body, entities, extraction.quotes.clone(), &notes, &[], &bounds);
        let hidden = LayerSet::default();
        let blocks: Vec<Rc<[Segment]>> =
            (0..bounds.len()).map(|i| model.segments(i, text, &annotations, &hidden, None)).collect();
        assert_eq!(blocks.len(), bounds.len());
        for (block, span) in blocks.iter().zip(&bounds) {
            let joined: String = block.iter().map(|s| s.span.slice(text)).collect();
            assert_eq!(joined, span.slice(text), "a block's segments are exactly its text");
        }
        let noted: String = blocks
            .iter()
            .flat_map(|b| b.iter())
            .filter(|s| s.mark.as_ref().is_some_and(|m| !m.notes.is_empty()))
            .map(|s| s.span.slice(text))
            .collect();
        assert_eq!(noted, &text[7..40], "the note's highlight survives the cuts");
        let merkel: Vec<&Segment> = blocks
            .iter()
            .flat_map(|b| b.iter())
            .filter(|s| {
                s.mark
                    .as_ref()
                    .is_some_and(|m| m.kind == Some(EntityKind::Person) && m.own.slice(text) == "Angela Merkel")
            })
            .collect();
        assert!(merkel.len() >= 2, "Angela Merkel is cut by a block edge, both halves select the whole name");
        assert!(
            Rc::ptr_eq(&blocks[0], &model.segments(0, text, &annotations, &hidden, None)),
            "a block is resolved once"
        );
    }

    #[test]
    fn a_new_note_changes_only_the_blocks_it_touches() {
        let text = "First paragraph here.\nSecond paragraph here.\nThird paragraph here.\n";
        let body = [Span::new(0, text.len())];
        let hidden = LayerSet::default();
        let bounds = block_bounds(text, 10, 30);
        let render = |annotations: &Annotations| {
            let notes: Vec<(usize, Span)> =
                annotations.notes.iter().enumerate().filter_map(|(i, n)| n.span.map(|s| (i, s))).collect();
            let model = ArticleModel::new(text, &body, Vec::new(), Vec::new(), &notes, &[], &bounds);
            (0..bounds.len()).map(|i| model.segments(i, text, annotations, &hidden, None)).collect::<Vec<_>>()
        };
        let before = render(&Annotations::default());
        let mut annotations = Annotations::default();
        let second = text.find("Second").expect("words");
        annotations.add_note(text, Span::new(second, second + 6), "n".into(), vec![]);
        let after = render(&annotations);
        let changed: Vec<usize> = (0..bounds.len()).filter(|&i| before[i] != after[i]).collect();
        assert_eq!(changed, [block_at(&bounds, second)]);
    }

    #[test]
    fn estimated_lines_count_wrapped_lines() {
        let table = [
            ("", 80, 1),
            ("short\n", 80, 1),
            ("a\nb\n", 80, 2),
            ("a\n\nb", 80, 3),
            (&"x".repeat(170) as &str, 80, 3),
            ("漢字漢字\n", 2, 2),
        ];
        for (text, cpl, lines) in table {
            assert_eq!(estimated_lines(text, cpl), lines, "{text:?}");
        }
    }

    #[test]
    fn the_view_window_covers_the_blocks_overlapping_it() {
        let heights = [100.0, 100.0, 100.0, 100.0, 100.0];
        let table = [
            ((0.0, 50.0), 0..1),
            ((150.0, 250.0), 1..3),
            ((250.0, 1000.0), 2..5),
            ((-500.0, -10.0), 0..0),
            ((600.0, 900.0), 5..5),
            ((0.0, 500.0), 0..5),
        ];
        for ((from, to), expected) in table {
            assert_eq!(blocks_in_view(&heights, from, to), expected, "{from}..{to}");
        }
    }

    #[test]
    fn runs_render_the_window_and_pinned_blocks_and_space_the_rest() {
        assert_eq!(runs(6, 2..4, &[]), [Run::Spacer(0..2), Run::Rendered(2..4), Run::Spacer(4..6)]);
        assert_eq!(
            runs(6, 2..4, &[0, 5, 3]),
            [Run::Rendered(0..1), Run::Spacer(1..2), Run::Rendered(2..4), Run::Spacer(4..5), Run::Rendered(5..6)]
        );
        assert_eq!(runs(3, 0..3, &[]), [Run::Rendered(0..3)]);
        assert_eq!(runs(0, 0..0, &[1]), []);
    }
}
