//! Property tests of merging two tabs' annotations (`sidenote_annotate::merge`), on random edit histories of
//! three tabs that start from a save of the first format (identifiers without a replica tag, no revisions) and
//! exchange states at random: the merge is commutative, associative and idempotent, loses nothing that was
//! not deleted at that revision or later, and a deletion of an older revision never removes a newer edit.

use proptest::prelude::*;
use sidenote_annotate::merge::{changes_since, holds_nothing, merge, stamp, Revision};
use sidenote_annotate::model::{Annotations, Decision, Replica, ReviewScope};
use sidenote_extract::{EntityKind, Span};

// The benchmarks' helpers; this test needs only `word_spans`.
#[allow(dead_code)]
#[path = "../benches/support/mod.rs"]
mod support;
use support::word_spans;

const TEXT: &str = "Sergei Lavrov spoke in Moscow on Monday about the treaty with Washington and Paris.";

/// A save of the first format (before revisions and replica tags), over the first 13 bytes of its own text.
const FIRST_FORMAT: &str = include_str!("fixtures/annotations-first-format.json");

#[derive(Debug, Clone)]
enum Step {
    AddNote(usize, u8),
    AddArticleNote(u8),
    EditNote(usize, u8),
    DeleteNote(usize),
    Review(usize, bool),
    CorrectSpeaker(usize, u8),
    ClearSpeaker(usize),
    AddEntity(usize),
    RemoveEntity(usize),
    /// Take in another tab's state.
    Receive(usize),
    Undo,
}

fn edit_strategy() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (any::<usize>(), any::<u8>()).prop_map(|(w, t)| Step::AddNote(w, t)),
        1 => any::<u8>().prop_map(Step::AddArticleNote),
        3 => (any::<usize>(), any::<u8>()).prop_map(|(n, t)| Step::EditNote(n, t)),
        2 => any::<usize>().prop_map(Step::DeleteNote),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(w, r)| Step::Review(w, r)),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(w, t)| Step::CorrectSpeaker(w, t)),
        1 => any::<usize>().prop_map(Step::ClearSpeaker),
        1 => any::<usize>().prop_map(Step::AddEntity),
        1 => any::<usize>().prop_map(Step::RemoveEntity),
        3 => any::<usize>().prop_map(Step::Receive),
        1 => Just(Step::Undo),
    ]
}

/// One tab: its state and its undo snapshots.
struct Tab {
    state: Annotations,
    past: Vec<Annotations>,
}

fn note_ids(state: &Annotations) -> Vec<String> {
    state.notes.iter().map(|n| n.id.clone()).chain(state.document_notes.iter().map(|n| n.id.clone())).collect()
}

/// Applies one edit to tab `at`, recording it as the app does (stamped; an undo restores a snapshot, stamped).
fn apply(tabs: &mut [Tab], at: usize, edit: &Step) {
    let words = word_spans(TEXT);
    let others: Vec<Annotations> = tabs.iter().map(|t| t.state.clone()).collect();
    let tab = &mut tabs[at];
    let before = tab.state.clone();
    let mut after = before.clone();
    let pick = |n: usize, len: usize| (len > 0).then(|| n % len);
    match *edit {
        Step::AddNote(w, t) => {
            after.add_note(TEXT, words[w % words.len()], format!("note {t}"), vec![format!("t{}", t % 3)]);
        }
        Step::AddArticleNote(t) => {
            after.add_document_note(format!("overall {t}"), vec![]);
        }
        Step::EditNote(n, t) => {
            let ids = note_ids(&after);
            if let Some(i) = pick(n, ids.len()) {
                after.edit_note(&ids[i], format!("edit {t} in {at}"), vec![]);
            }
        }
        Step::DeleteNote(n) => {
            let ids = note_ids(&after);
            if let Some(i) = pick(n, ids.len()) {
                after.delete_note(&ids[i]);
            }
        }
        Step::Review(w, reject) => {
            let span = words[w % words.len()];
            let decision = if reject { Decision::Reject } else { Decision::Accept };
            after.review(ReviewScope::Mention { span, kind: EntityKind::Place }, decision);
        }
        Step::CorrectSpeaker(w, t) => after.correct_speaker(words[w % words.len()], Some(format!("Speaker {t}"))),
        Step::ClearSpeaker(w) => {
            after.clear_speaker_correction(words[w % words.len()]);
        }
        Step::AddEntity(w) => {
            after.add_entity(TEXT, words[w % words.len()], EntityKind::Org);
        }
        Step::RemoveEntity(n) => {
            if let Some(i) = pick(n, after.added.len()) {
                let id = after.added[i].id.clone();
                after.remove_added_entity(&id);
            }
        }
        Step::Receive(from) => {
            tab.state = merge(&tab.state, &others[from % others.len()]);
            return;
        }
        Step::Undo => {
            if let Some(mut previous) = tab.past.pop() {
                stamp(&tab.state, &mut previous);
                tab.state = previous;
            }
            return;
        }
    }
    stamp(&before, &mut after);
    if after != before {
        tab.past.push(before);
        tab.state = after;
    }
}

/// Three tabs' states after a random history that starts from an old save.
fn histories() -> impl Strategy<Value = [Annotations; 3]> {
    prop::collection::vec((0..3usize, edit_strategy()), 0..40).prop_map(|edits| {
        let start: Annotations = serde_json::from_str(FIRST_FORMAT).expect("the first format loads");
        let mut tabs: Vec<Tab> = ["a7", "b3", "c5"]
            .into_iter()
            .map(|tag| {
                let mut state = start.clone();
                state.replica = Replica::new(tag);
                Tab { state, past: Vec::new() }
            })
            .collect();
        for (at, edit) in &edits {
            apply(&mut tabs, *at, edit);
        }
        [tabs[0].state.clone(), tabs[1].state.clone(), tabs[2].state.clone()]
    })
}

/// Every live item as (key-ish description, revision), to compare states whatever their order.
fn live(state: &Annotations) -> Vec<(String, Revision)> {
    let revision = |key: String| {
        let r = state.revisions.get(&key).cloned().unwrap_or_default();
        (key, r)
    };
    let mut out: Vec<(String, Revision)> = state
        .notes
        .iter()
        .map(|n| revision(format!("note:{}", n.id)))
        .chain(state.document_notes.iter().map(|n| revision(format!("note:{}", n.id))))
        .chain(state.added.iter().map(|e| revision(format!("entity:{}", e.id))))
        .collect();
    out.sort();
    out
}

#[test]
fn merge_is_commutative_associative_and_idempotent() {
    sidenote_testkit::check("merge laws", 256, histories(), |[a, b, c]| {
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
        let once = merge(&a, &a);
        prop_assert_eq!(live(&once), live(&a), "merging a state with itself keeps exactly its items");
        prop_assert_eq!(&once.reviews.len(), &a.reviews.len());
        prop_assert_eq!(&once.speakers.len(), &a.speakers.len());
        prop_assert_eq!(merge(&once, &once), once.clone());
        let ab = merge(&a, &b);
        prop_assert_eq!(merge(&ab, &a), ab.clone(), "taking in a state already merged changes nothing");
        Ok(())
    });
}

#[test]
fn nothing_is_lost_unless_deleted_at_that_revision_or_later() {
    sidenote_testkit::check("merge loses nothing", 256, histories(), |[a, b, _]| {
        let merged = merge(&a, &b);
        let merged_live = live(&merged);
        for (side, other) in [(&a, &b), (&b, &a)] {
            for (key, revision) in live(side) {
                let deleted = other.deleted.get(&key).is_some_and(|seen| *seen >= revision);
                let kept = merged_live.iter().any(|(k, r)| *k == key && *r >= revision);
                prop_assert!(deleted || kept, "{key} at {revision:?} was lost");
            }
        }
        for (key, revision) in merged_live {
            let seen = merged.deleted.get(&key);
            prop_assert!(seen.is_none_or(|seen| *seen < revision), "{key} at {revision:?} survived its deletion");
        }
        Ok(())
    });
}

#[test]
fn a_deletion_of_an_older_revision_never_removes_a_newer_edit() {
    // Two tabs from the same random state: one deletes a note, the other edits it one or more times.
    let strategy = (histories(), any::<usize>(), 1..4usize);
    sidenote_testkit::check("deletion of an older revision", 256, strategy, |([start, _, _], pick, edits)| {
        let ids = note_ids(&start);
        prop_assume!(!ids.is_empty());
        let id = &ids[pick % ids.len()];
        let mut deleting = start.clone();
        deleting.replica = Replica::new("x1");
        let mut after = deleting.clone();
        after.delete_note(id);
        stamp(&deleting, &mut after);
        let mut editing = start.clone();
        editing.replica = Replica::new("y2");
        for n in 0..edits {
            let mut next = editing.clone();
            next.edit_note(id, format!("edited {n}"), vec![]);
            stamp(&editing, &mut next);
            editing = next;
        }
        let merged = merge(&after, &editing);
        prop_assert!(note_ids(&merged).contains(id), "the edit of {id} was removed by an older deletion");
        prop_assert_eq!(merge(&editing, &after), merged);
        Ok(())
    });
}

#[test]
fn an_old_save_merges_with_a_tab_that_added_to_it() {
    let old: Annotations = serde_json::from_str(FIRST_FORMAT).expect("the first format loads");
    let mut tab = old.clone();
    tab.replica = Replica::new("t9");
    let mut added = tab.clone();
    let id = added.add_note(TEXT, Span::new(0, 13), "new".into(), vec![]);
    stamp(&tab, &mut added);
    assert_eq!(id, format!("note-{}-t9", old.next_id + 1));
    let merged = merge(&old, &added);
    assert_eq!(merged, merge(&added, &old));
    let ids = note_ids(&merged);
    for note in &old.notes {
        assert!(ids.contains(&note.id), "{} kept", note.id);
    }
    assert!(ids.contains(&id));
    assert_eq!(merged.reviews.len(), old.reviews.len());
    assert_eq!(merged.added.len(), old.added.len());
    // Saved and read back, the merge is the same (revisions and deletions have serde defaults).
    let json = serde_json::to_string(&merged).expect("saves");
    assert_eq!(serde_json::from_str::<Annotations>(&json).expect("reloads"), merged);
}

#[test]
fn what_changed_since_a_saved_state_merges_into_storage_as_the_whole_state_would() {
    // The write-ahead journal keeps only `changes_since(saved, now)`: merged into storage holding the saved
    // state (or more: another tab's save since), it must bring exactly what the whole state would.
    let later = prop::collection::vec(edit_strategy(), 0..12);
    sidenote_testkit::check("changes since a saved state", 256, (histories(), later), |([saved, b, c], later)| {
        let mut tabs: Vec<Tab> =
            [saved.clone(), b, c.clone()].into_iter().map(|state| Tab { state, past: Vec::new() }).collect();
        for edit in &later {
            apply(&mut tabs, 0, edit);
        }
        let now = tabs[0].state.clone();
        let changes = changes_since(&saved, &now);
        for storage in [saved.clone(), merge(&saved, &c), Annotations::default()] {
            if storage == Annotations::default() && saved != Annotations::default() {
                continue;
            }
            prop_assert_eq!(merge(&storage, &changes), merge(&storage, &now));
        }
        prop_assert!(changes.notes.len() <= now.notes.len() && changes.reviews.len() <= now.reviews.len());
        if now == saved {
            prop_assert!(holds_nothing(&changes), "nothing changed, nothing to keep: {changes:?}");
        }
        Ok(())
    });
}

#[test]
fn changes_since_keeps_only_the_new_and_the_changed() {
    let mut saved: Annotations = serde_json::from_str(FIRST_FORMAT).expect("the first format loads");
    saved.replica = Replica::new("t9");
    let kept = saved.notes[0].id.clone();
    let mut now = saved.clone();
    let added = now.add_note(TEXT, Span::new(0, 13), "new".into(), vec![]);
    stamp(&saved, &mut now);
    let changes = changes_since(&saved, &now);
    assert_eq!(changes.notes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), [added.as_str()]);
    assert_eq!(changes.next_id, now.next_id);
    let mut deleted = now.clone();
    deleted.delete_note(&kept);
    stamp(&now, &mut deleted);
    let changes = changes_since(&saved, &deleted);
    assert_eq!(changes.notes.len(), 1, "the new note, not the unchanged ones");
    assert!(changes.deleted.contains_key(&format!("note:{kept}")), "the deletion is kept");
    assert!(merge(&saved, &changes).notes.iter().all(|n| n.id != kept));
    assert!(holds_nothing(&changes_since(&deleted, &deleted)));
}
