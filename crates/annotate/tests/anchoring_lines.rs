//! Paragraphs that start or end alike, found by the fourteenth round's reviewer: each asserts the project rule
//! "an orphaned note beats a misplaced one". (Still open: a whole line that ends the text has no line break
//! after it, so it is not known as a whole line; and the fuzzy stage may bring back one word the moved stage
//! refused for want of verbatim context, as it did before this round.)
use sidenote_annotate::anchor::{anchor, AnchorStatus, TextTarget};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::Span;

fn target(text: &str, at: usize, len: usize) -> TextTarget {
    TextTarget::of(text, &OffsetIndex::new(text), Span::new(at, at + len))
}
fn placed(text: &str, t: &TextTarget) -> (Option<usize>, AnchorStatus) {
    let a = anchor(text, &OffsetIndex::new(text), t);
    (a.span.map(|s| s.start), a.status)
}

const STORY: &str = "Harbour inquiry: chairman defends contract\n\nThe inquiry into the dredging contract heard from the harbour board chairman on Monday.\n\n\u{201c}Morrison said the board had followed its own rules and that the contract was approved by a majority.\n\n\u{201c}Morrison also said he had never met the contractor before the tender was awarded.\n\nThe inquiry resumes on Thursday.";

/// The prober's case, but the paragraphs open with a quotation mark (or a list dash): the noted paragraph
/// deleted, the next one's `Morrison` gets the note, as "exact".
#[test]
fn paragraph_opening_with_punctuation_is_not_the_noted_one() {
    for opener in ["\u{201c}", "- ", "(", "\u{2022} "] {
        let original = STORY.replace('\u{201c}', opener);
        let at = original.find("Morrison said").expect("in the text");
        let t = target(&original, at, "Morrison".len());
        let noted = format!("{opener}Morrison said the board had followed its own rules and that the contract was approved by a majority.\n\n");
        let deleted = original.replace(&noted, "");
        assert_eq!(placed(&deleted, &t), (None, AnchorStatus::Orphan), "opener {opener:?}");
    }
}

/// The mirror image: a word ending its paragraph before the full stop; the paragraph deleted, the previous
/// paragraph ending in the same word takes the note on the next paragraph's words alone.
#[test]
fn paragraph_ending_alike_is_not_the_noted_one() {
    let o = "The council met on Monday.\n\nThe first motion passed by a clear majority.\n\nThe mayor said the board had followed its own rules and that the contract was approved by a majority.\n\nMorrison also said he had never met the contractor.";
    let at = o.rfind("majority").expect("in the text");
    let t = target(o, at, "majority".len());
    let d = o.replace(
        "\n\nThe mayor said the board had followed its own rules and that the contract was approved by a majority.",
        "",
    );
    assert_eq!(placed(&d, &t), (None, AnchorStatus::Orphan));
}
