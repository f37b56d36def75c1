//! Annotations saved by earlier versions keep loading: the app stores `Annotations` as JSON in the
//! browser, and a new field must never make an old save unreadable.

use sidenote_annotate::anchor::AnchorStatus;
use sidenote_annotate::model::{Annotations, Decision, ReviewScope};
use sidenote_extract::{EntityKind, Span};

/// The saved format before notes on the whole article, replies and speaker corrections (no
/// `document_notes`, `speakers` or `replies` fields).
const FIRST_FORMAT: &str = include_str!("fixtures/annotations-first-format.json");

#[test]
fn the_first_saved_format_still_loads() {
    let loaded: Annotations = serde_json::from_str(FIRST_FORMAT).expect("an old save loads");
    assert_eq!(loaded.notes.len(), 2);
    assert_eq!(loaded.notes[0].text, "who");
    assert_eq!(loaded.notes[0].span, Some(Span::new(0, 13)));
    assert!(loaded.notes[0].replies.is_empty());
    assert_eq!(loaded.notes[1].status, AnchorStatus::Orphan);
    assert_eq!(loaded.added[0].kind, EntityKind::Misc);
    assert!(loaded.reviews.iter().any(|r| r.decision == Decision::Retag(EntityKind::Org)));
    assert!(loaded.reviews.iter().any(|r| matches!(r.scope, ReviewScope::Quote { .. })));
    assert!(loaded.document_notes.is_empty() && loaded.speakers.is_empty());
    assert_eq!(loaded.next_id, 3);
    // Saved again and reloaded, nothing changes.
    let again: Annotations = serde_json::from_str(&serde_json::to_string(&loaded).expect("saves")).expect("reloads");
    assert_eq!(again, loaded);
}
