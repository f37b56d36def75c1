//! One block of the article: a contiguous slice of the text (a run of paragraphs) with its highlights.
//!
//! Its segments tile exactly its slice, so offsets counted inside the block's element plus the block's
//! start are core offsets (`view_model::core_offset`). Props compare the document by pointer and the
//! segments by value (pointer first), so a change elsewhere in the article — a note on other words, a
//! search, a selection — never re-renders it.

use std::rc::Rc;

use sidenote_extract::Span;
use yew::prelude::*;

use super::{class_list, kind_class};
use crate::state::OpenDocument;
use crate::view_model::Segment;

/// Props of [`ArticleBlock`].
#[derive(Properties)]
pub struct ArticleBlockProps {
    /// The open article (compared by pointer).
    pub open: Rc<OpenDocument>,
    /// The block's index among the article's blocks.
    pub index: usize,
    /// The block's byte range.
    pub span: Span,
    /// What its pieces look like, tiling `span`.
    pub segments: Rc<[Segment]>,
}

impl PartialEq for ArticleBlockProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.open, &other.open)
            && self.index == other.index
            && self.span == other.span
            && self.segments == other.segments
    }
}

/// Renders the block's text with a `<mark>` per highlighted segment; hovering or focusing one shows what it is.
#[component]
pub fn ArticleBlock(props: &ArticleBlockProps) -> Html {
    let text = props.open.text();
    let rendered = props.segments.iter().map(|segment| {
        let words = segment.span.slice(text).to_string();
        let (start, end) = (segment.span.start.to_string(), segment.span.end.to_string());
        let clutter = segment.clutter.then_some("clutter");
        // Clutter on a line holding a note: shown when clutter is collapsed (`.hide-clutter` in app.css).
        let kept = (segment.clutter && segment.kept).then_some("kept");
        let Some(mark) = segment.mark.as_deref() else {
            return html! { <span class={class_list(&[clutter, kept])} data-start={start} data-end={end}>{ words }</span> };
        };
        let kind = mark.kind.map(|kind| format!("hl-{}", kind_class(kind)));
        let noted = !mark.notes.is_empty();
        let depth = noted.then(|| format!("note-depth-{}", mark.notes.len().min(3)));
        let classes = class_list(&[
            clutter,
            kept,
            Some("hl"),
            kind.as_deref(),
            (kind.is_some() && mark.reviewed).then_some("reviewed"),
            mark.quote.is_some().then_some("hl-quote"),
            noted.then_some("hl-note"),
            depth.as_deref(),
            (noted && mark.active).then_some("active"),
        ]);
        let note_ids = (!mark.notes.is_empty()).then(|| mark.notes.join(" "));
        let label = format!("{words} ({})", mark.tip);
        html! {
            <mark class={classes} tabindex="0" data-testid="hl" data-kind={mark.kind.map(|k| k.label())}
                  data-quote={mark.quote.map(|q| q.to_string())} data-notes={note_ids} data-start={start} data-end={end}
                  data-own-start={mark.own.start.to_string()} data-own-end={mark.own.end.to_string()}
                  data-tip={mark.tip.clone()} aria-label={label}>{ words }</mark>
        }
    });
    html! {
        <div class="block" data-block={props.index.to_string()} data-block-start={props.span.start.to_string()}
             data-block-end={props.span.end.to_string()}>
            { for rendered }
        </div>
    }
}
