//! Paragraphs that start or end alike, found by the fourteenth round's reviewer, and the fifteenth round's
//! leftovers (sentences that start alike, one side agreeing in part, whole lines at the text's ends): each
//! asserts the project rule "an orphaned note beats a misplaced one", and that the same words are still found
//! after an edit that keeps them.
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

/// A name noted in a sentence that was then deleted, while another sentence elsewhere names the same person
/// after the same words (`his predecessor, [Rolf Ekdahl]`): one side agreeing verbatim for 16–20 characters
/// while the other side is unlike the remembered one is not the noted occurrence.
#[test]
fn one_side_in_part_with_the_other_side_unlike_is_not_the_noted_occurrence() {
    let noted =
        "At the spring meeting the new chairman thanked his predecessor, Rolf Ekdahl, for ten years of service. ";
    let rest = "The club's accounts showed a small surplus for the third year running.\n\nMembers then voted on \
                the new stand. Many of them still compare the plans with those of his predecessor, Rolf Ekdahl \
                whose stand was never built.";
    let original = format!("{noted}{rest}");
    let at = original.find("Rolf Ekdahl").expect("in the text");
    let t = target(&original, at, "Rolf Ekdahl".len());
    assert_eq!(placed(rest, &t), (None, AnchorStatus::Orphan));
    // The same sentence moved down the page keeps the note: both sides stand there.
    let moved = format!("{rest}\n\n{noted}");
    assert_eq!(placed(&moved, &t), (moved.find("Rolf Ekdahl, for"), AnchorStatus::Moved));
    // Words inserted right after the name: the whole prefix still stands beside it.
    let inserted = original.replacen("Ekdahl, for", "Ekdahl, now retired, for", 1);
    assert_eq!(placed(&inserted, &t), (Some(at), AnchorStatus::Exact));
}

/// A word that starts a sentence mid-paragraph is like one that starts a line: the sentence deleted, the next
/// sentence's same first word has the whole remembered prefix, which is no evidence for it.
#[test]
fn a_sentence_that_starts_alike_is_not_the_noted_one() {
    let original = "The council met on Monday to discuss the bridge. He said the plan would be ready by spring. \
                    He also said the cost had risen by a third. Residents were not convinced.";
    let at = original.find("He said").expect("in the text");
    let he = target(original, at, "He".len());
    let deleted = original.replace("He said the plan would be ready by spring. ", "");
    assert_eq!(placed(&deleted, &he), (None, AnchorStatus::Orphan));
    // A sentence inserted before it: the noted word still has its own sentence after it.
    let inserted = original.replace("He said", "He arrived late. He said");
    assert_eq!(placed(&inserted, &he), (inserted.find("He said"), AnchorStatus::Moved));
    // Text inserted far above: the note follows its words.
    let shifted = format!("A new first paragraph was added.\n\n{original}");
    assert_eq!(placed(&shifted, &he), (shifted.find("He said"), AnchorStatus::Moved));
}

/// A whole line at the end of the text (no line after it) or at its start (none before it) is a whole line:
/// it moves with its words when text is inserted, and a new line beginning with its words after the same
/// neighbour is not it.
#[test]
fn a_whole_line_at_either_end_of_the_text_is_a_whole_line() {
    let menu = "Home\nNews\nSport\nWeather\nTravel\nMarkets\nOpinion\nContact us";
    for (line, neighbour) in [("Contact us", "Weather\n"), ("Home", "")] {
        let at = menu.find(line).expect("in the menu");
        let t = target(menu, at, line.len());
        // Lines inserted elsewhere: the line is found where it went.
        let inserted = menu.replace("Weather\n", "Weather\nCulture\n");
        let expected = if neighbour.is_empty() { Some(0) } else { inserted.find(line) };
        let status = if neighbour.is_empty() { AnchorStatus::Exact } else { AnchorStatus::Moved };
        assert_eq!(placed(&inserted, &t), (expected, status), "{line}");
        let prepended = format!("Top stories today\n{menu}");
        assert_eq!(placed(&prepended, &t), (prepended.find(line), AnchorStatus::Moved), "{line}");
        let appended = format!("{menu}\nPrivacy");
        assert_eq!(placed(&appended, &t), (appended.find(line), AnchorStatus::Exact), "{line}");
    }
    // The last line deleted and a new paragraph starting with its words after the same neighbour: not it.
    let deleted = menu.replace("Contact us", "Contact us if you have a story to tell.");
    let last = target(menu, menu.find("Contact us").expect("in the menu"), "Contact us".len());
    assert_eq!(placed(&deleted, &last), (None, AnchorStatus::Orphan));
    let first = target(menu, 0, "Home".len());
    let rewritten = menu.replace("Home\n", "Home prices rose again\n");
    assert_eq!(placed(&rewritten, &first), (None, AnchorStatus::Orphan));
}

/// Needless orphans: a note on a paragraph's first word, with a paragraph of more than a few dozen bytes inserted
/// before it, or its paragraph moved far down, was refused because the neighbouring paragraph (its prefix,
/// across a line break, no evidence for it) still stood where the words had been. A paragraph rewritten in
/// place to start alike, with a copy of the noted line far away, is still no place for the note.
#[test]
fn a_paragraph_inserted_before_or_moved_away_keeps_its_note() {
    let noted = "Morrison said the board had followed its own rules and that the contract was approved by a majority.";
    let at = STORY.find("Morrison said").expect("in the text");
    let first_word = target(STORY, at, "Morrison".len());
    let inserted = STORY.replace(
        "\u{201c}Morrison said",
        "\u{201c}Morrison was appointed in 2019, after ten years as the harbour board's treasurer.\n\n\u{201c}Morrison said",
    );
    assert_eq!(placed(&inserted, &first_word), (inserted.find("Morrison said"), AnchorStatus::Moved));
    // Moved to the end (when the next paragraph starts alike, the noted one may as well have been rewritten in
    // place: that is left an orphan).
    let story = STORY.replace("\u{201c}Morrison also said", "\u{201c}He also said");
    let paragraph = format!("\u{201c}{noted}\n\n");
    let moved = format!("{}\n\n{}", story.replace(&paragraph, ""), paragraph.trim_end());
    assert_eq!(placed(&moved, &first_word), (moved.find("Morrison said"), AnchorStatus::Moved));
    // Rewritten in place to start alike, and the noted line quoted again far below after another paragraph.
    let rewritten = format!(
        "{}\n\nThe minutes were published on Friday. They record the vote in full.\n\n\u{201c}{noted}",
        STORY.replace(noted, "Morrison said nothing more about the vote.")
    );
    assert_eq!(placed(&rewritten, &first_word), (None, AnchorStatus::Orphan));
}

/// A line moved among others (a page's list reordered) keeps only its own line of context: the quote's line
/// standing whole, between line breaks, is the noted one when it is the only such line; a line the page repeats
/// is no evidence for either copy.
#[test]
fn a_line_moved_among_others_is_found_by_its_own_line() {
    let list = "Top stories\nThe harbour inquiry ends\nStorm closes schools in the north\nMarkets fall again on \
                Monday\nLavrov meets Blinken in Geneva\nMore news";
    let at = list.find("The harbour").expect("in the list");
    let t = target(list, at, "The harbour".len());
    let shuffled =
        "Top stories\nMarkets fall again on Monday\nLavrov meets Blinken in Geneva\nStorm closes schools in \
                    the north\nThe harbour inquiry ends\nMore news";
    assert_eq!(placed(shuffled, &t), (shuffled.find("The harbour"), AnchorStatus::Moved));
    // The line repeated further down: its own line stands there as well, so that is no evidence for either
    // (the context across the line breaks may still tell them apart); the copy is never taken.
    let repeated = format!("{shuffled}\nMost read\nThe harbour inquiry ends\nWeather");
    let found = placed(&repeated, &t);
    assert!(found.0.is_none_or(|start| start == shuffled.find("The harbour").expect("moved")), "{found:?}");
}
