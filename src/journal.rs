//! The write-ahead journal: what a change leaves for IndexedDB to commit, kept meanwhile in localStorage.
//!
//! IndexedDB commits a transaction some milliseconds after it is made; a page reloaded or closed meanwhile
//! loses it. localStorage is written synchronously, so at every save (`services::storage`) the tab writes, in
//! the same task as the change, what its state holds beyond what IndexedDB is known to hold
//! (`sidenote_annotate::merge::changes_since`: the new and changed items and the new deletions, never the
//! text, which is saved once when a document is opened) under a key of its own (document and tab), and
//! removes it when the transaction has committed. At the next start every entry left is merged into the
//! stored annotations (the merge of two tabs), written to IndexedDB, and only then removed; one that cannot
//! be read is set aside like any unreadable record and named, and the rest is recovered.
//!
//! Pure: the service reads and writes the keys; the rules are here, tested natively.

use sidenote_annotate::merge::{changes_since, holds_nothing, merge};
use sidenote_annotate::model::Annotations;

use crate::records::{self, IndexEntry, Unreadable};

/// Every journal key starts with this. Outside `records::PREFIX`, so that the move of localStorage's records
/// into IndexedDB (`records::is_migrated`) and the localStorage backend's listing never take an entry for a
/// record.
pub const PREFIX: &str = "sidenote.journal.";

/// The longest entry written, in bytes of JSON (at most as many characters; localStorage holds about 5 million
/// characters per site, shared with the start-up flag): a change beyond it (thousands of notes imported at
/// once) is left to IndexedDB alone.
pub const LIMIT: usize = 512 * 1024;

/// The journal key of a document's changes made by a tab (`tab`: its replica tag). One per tab, so two tabs
/// never overwrite each other's entry.
pub fn key(urn: &str, tab: &str) -> String {
    format!("{PREFIX}{urn}.{tab}")
}

/// Whether a localStorage key is a journal entry's.
pub fn is_key(key: &str) -> bool {
    key.starts_with(PREFIX)
}

/// The document a journal key is about (`None`: not a journal key, or one no version wrote).
fn urn_of_key(key: &str) -> Option<&str> {
    let (urn, _tab) = key.strip_prefix(PREFIX)?.rsplit_once('.')?;
    urn.starts_with("urn:").then_some(urn)
}

/// Where an entry that cannot be read is set aside (under `records::SET_ASIDE_PREFIX`, through
/// `records::set_aside_key`), so that the Library lists it.
pub fn set_aside_name(key: &str) -> String {
    format!("{}journal.{}", records::PREFIX, key.strip_prefix(PREFIX).unwrap_or(key))
}

/// What to keep in the journal for a save of `now`, when IndexedDB is known to hold `committed`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// Nothing beyond what is committed: no entry needed.
    Nothing,
    /// The entry to write (an annotations record holding only the changes).
    Write(String),
    /// Over [`LIMIT`] (its length): not written; IndexedDB alone keeps this save.
    TooLarge(usize),
}

/// The journal entry for a save of `now` (which grew from `committed`, see `changes_since`).
pub fn entry(committed: &Annotations, now: &Annotations) -> Result<Entry, String> {
    let changes = changes_since(committed, now);
    if holds_nothing(&changes) {
        return Ok(Entry::Nothing);
    }
    let json = records::write_annotations(&changes, "")?;
    Ok(if json.len() > LIMIT { Entry::TooLarge(json.len()) } else { Entry::Write(json) })
}

/// What a start does with the journal entries it found.
#[derive(Debug, Default, PartialEq)]
pub struct Recovery {
    /// Annotations records to write (key, JSON): the stored ones with the entries merged in.
    pub records: Vec<(String, String)>,
    /// The library index with the recovered documents' note counts, when one changed.
    pub index: Option<String>,
    /// The entries taken in (key, value as read): removed once the records are written.
    pub taken: Vec<(String, String)>,
    /// The entries that cannot be read (key, value as read, a name for the user, why): set aside, named.
    pub unreadable: Vec<(String, String, String, Unreadable)>,
}

/// Merges the journal `entries` (key, value) into the annotations storage holds (`stored`: the record under
/// an annotations key, if any), as two tabs' states merge: notes are sets keyed by identifier, the newer
/// version wins, a deletion wins only over what it saw. So an entry older than storage changes nothing, a
/// newer one brings its changes, one for a document storage has no notes for brings them all, and two tabs'
/// entries both count. A record storage holds that cannot be read is left to the write guard (set aside).
/// `saved`: the time to record. `index`: the library's lines, whose note counts follow.
pub fn recover(
    entries: &[(String, String)],
    stored: impl Fn(&str) -> Option<String>,
    index: &[IndexEntry],
    saved: &str,
) -> Result<Recovery, String> {
    let mut recovery = Recovery::default();
    // Per document: the merge so far and whether it brings anything storage lacks.
    let mut documents: Vec<(String, Annotations, Annotations)> = Vec::new();
    for (key, value) in entries {
        let read = match urn_of_key(key) {
            Some(urn) => records::read_annotations(value).map(|record| (urn, record.annotations)),
            None => Err(Unreadable::Shape("its key names no document".to_string())),
        };
        let (urn, changes) = match read {
            Ok(read) => read,
            Err(why) => {
                let name = entry_name(urn_of_key(key), index);
                recovery.unreadable.push((key.clone(), value.clone(), name, why));
                continue;
            }
        };
        recovery.taken.push((key.clone(), value.clone()));
        match documents.iter_mut().find(|(u, _, _)| u == urn) {
            Some((_, _, merged)) => *merged = merge(merged, &changes),
            None => {
                let held = stored(&records::annotations_key(urn))
                    .and_then(|json| records::read_annotations(&json).ok())
                    .map(|record| record.annotations)
                    .unwrap_or_default();
                let merged = merge(&held, &changes);
                documents.push((urn.to_string(), held, merged));
            }
        }
    }
    let mut entries_out = index.to_vec();
    let mut recounted = false;
    for (urn, held, merged) in documents {
        // Compared as merged with itself, so that only news count (not the canonical order of the items).
        if merge(&held, &held) == merged {
            continue;
        }
        recovery.records.push((records::annotations_key(&urn), records::write_annotations(&merged, saved)?));
        if let Some(line) = entries_out.iter_mut().find(|e| e.urn == urn) {
            line.notes = merged.notes.len();
            line.saved = saved.to_string();
            recounted = true;
        }
    }
    if recounted {
        recovery.index = Some(records::write_index(&entries_out)?);
    }
    Ok(recovery)
}

/// The records a recovery of `entries` merges into and may write: the annotations of each document an entry
/// names, and the library's index (whose note counts follow).
pub fn keys_to_merge_into(entries: &[(String, String)]) -> Vec<String> {
    let mut keys = vec![records::INDEX_KEY.to_string()];
    for urn in entries.iter().filter_map(|(key, _)| urn_of_key(key)) {
        let key = records::annotations_key(urn);
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// How a message names an entry that cannot be read.
fn entry_name(urn: Option<&str>, index: &[IndexEntry]) -> String {
    let title =
        urn.and_then(|urn| index.iter().find(|e| e.urn == urn)).map(|e| e.title.trim()).filter(|t| !t.is_empty());
    match title {
        Some(title) => format!("the last changes to “{title}”, kept while they were being saved"),
        None => "the last changes to a document, kept while they were being saved".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sidenote_annotate::merge::stamp;
    use sidenote_annotate::model::Replica;
    use sidenote_extract::Span;

    const TEXT: &str = "Sergei Lavrov spoke in Moscow on Monday about the treaty with Washington.";
    const URN: &str = "urn:sha256:aa";

    fn tab(tag: &str, from: &Annotations) -> Annotations {
        let mut state = from.clone();
        state.replica = Replica::new(tag);
        state
    }

    fn edited(before: &Annotations, edit: impl FnOnce(&mut Annotations)) -> Annotations {
        let mut after = before.clone();
        edit(&mut after);
        stamp(before, &mut after);
        after
    }

    fn note(before: &Annotations, start: usize, end: usize, text: &str) -> Annotations {
        edited(before, |a| {
            a.add_note(TEXT, Span::new(start, end), text.into(), vec![]);
        })
    }

    fn written(entry: Entry) -> String {
        match entry {
            Entry::Write(json) => json,
            other => panic!("expected an entry, got {other:?}"),
        }
    }

    fn texts(annotations: &Annotations) -> Vec<&str> {
        annotations.notes.iter().map(|n| n.text.as_str()).collect()
    }

    fn record_of(recovery: &Recovery, urn: &str) -> Option<Annotations> {
        let key = records::annotations_key(urn);
        let json = &recovery.records.iter().find(|(k, _)| *k == key)?.1;
        Some(records::read_annotations(json).expect("a recovered record reads").annotations)
    }

    fn store(records: &[(String, String)]) -> impl Fn(&str) -> Option<String> + '_ {
        move |key| records.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }

    fn index_line(urn: &str, title: &str, notes: usize) -> IndexEntry {
        IndexEntry { urn: urn.into(), title: title.into(), saved: "then".into(), notes, source_url: None }
    }

    /// The recovery re-reads, in the transaction that writes it, every record it may change: each entry's
    /// document once, and the index; an entry whose key names no document adds nothing to read.
    #[test]
    fn a_recovery_reads_again_each_named_document_once_and_the_index() {
        let entries = [
            (key(URN, "tab-a"), "{}".to_string()),
            (key(URN, "tab-b"), "{}".to_string()),
            (key("urn:sha256:bb", "tab-a"), "{}".to_string()),
            (format!("{PREFIX}no-document"), "{}".to_string()),
        ];
        assert_eq!(
            keys_to_merge_into(&entries),
            vec![
                records::INDEX_KEY.to_string(),
                records::annotations_key(URN),
                records::annotations_key("urn:sha256:bb")
            ]
        );
    }

    #[test]
    fn an_entry_holds_only_what_is_not_committed() {
        let committed = note(&tab("t1", &Annotations::default()), 0, 13, "committed");
        assert_eq!(entry(&committed, &committed), Ok(Entry::Nothing));
        let now = note(&committed, 23, 29, "new");
        let json = written(entry(&committed, &now).expect("an entry"));
        let kept = records::read_annotations(&json).expect("reads as an annotations record").annotations;
        assert_eq!(texts(&kept), ["new"], "the committed note is not copied again");
        // Thousands of notes not yet committed at once: too large for localStorage, left to IndexedDB.
        let many = edited(&committed, |a| {
            for n in 0..4000 {
                a.add_note(TEXT, Span::new(0, 13), format!("imported note {n}"), vec![]);
            }
        });
        assert!(matches!(entry(&committed, &many), Ok(Entry::TooLarge(n)) if n > LIMIT));
        assert_eq!(key(URN, "t1"), "sidenote.journal.urn:sha256:aa.t1");
        assert!(is_key(&key(URN, "t1")) && !records::is_migrated(&key(URN, "t1")));
    }

    #[test]
    fn an_entry_newer_than_storage_brings_its_change_and_an_older_one_changes_nothing() {
        let saved = note(&tab("t1", &Annotations::default()), 0, 13, "saved");
        let now = note(&saved, 23, 29, "added just before the reload");
        let stored = vec![(records::annotations_key(URN), records::write_annotations(&saved, "then").expect("w"))];
        let newer = vec![(key(URN, "t1"), written(entry(&saved, &now).expect("entry")))];
        let index = [index_line(URN, "Talks", 1)];
        let recovery = recover(&newer, store(&stored), &index, "now").expect("recovered");
        let record = record_of(&recovery, URN).expect("the record is written again");
        assert_eq!(texts(&record), ["saved", "added just before the reload"]);
        assert_eq!(recovery.taken, newer, "the entry is cleared once written");
        let lines = records::read_index(recovery.index.as_deref().expect("the index follows")).expect("index");
        assert_eq!((lines[0].notes, lines[0].saved.as_str()), (2, "now"));

        // Storage already has that change and more (the transaction committed, the entry was not cleared yet).
        let later = edited(&now, |a| {
            let id = a.notes[0].id.clone();
            a.delete_note(&id);
        });
        let stored = vec![(records::annotations_key(URN), records::write_annotations(&later, "then").expect("w"))];
        let recovery = recover(&newer, store(&stored), &index, "now").expect("recovered");
        assert_eq!(recovery.records, [], "nothing to write: the deletion storage saw is not undone");
        assert_eq!((recovery.taken.len(), recovery.index), (1, None));
    }

    #[test]
    fn an_entry_for_a_document_storage_has_no_notes_for_brings_them_all() {
        let now = note(&tab("t1", &Annotations::default()), 0, 13, "first note, on a new document");
        let entries = vec![(key(URN, "t1"), written(entry(&Annotations::default(), &now).expect("entry")))];
        let recovery = recover(&entries, |_| None, &[], "now").expect("recovered");
        assert_eq!(texts(&record_of(&recovery, URN).expect("written")), ["first note, on a new document"]);
        assert_eq!(recovery.index, None, "no line in the index to recount");
    }

    #[test]
    fn two_tabs_entries_are_both_recovered() {
        let saved = note(&tab("a1", &Annotations::default()), 0, 13, "saved");
        let in_a = note(&saved, 23, 29, "from tab a");
        let in_b = note(&tab("b2", &saved), 33, 39, "from tab b");
        let entries = vec![
            (key(URN, "a1"), written(entry(&saved, &in_a).expect("entry"))),
            (key(URN, "b2"), written(entry(&saved, &in_b).expect("entry"))),
        ];
        let stored = vec![(records::annotations_key(URN), records::write_annotations(&saved, "").expect("w"))];
        let recovery = recover(&entries, store(&stored), &[], "now").expect("recovered");
        let mut got =
            texts(&record_of(&recovery, URN).expect("written")).into_iter().map(String::from).collect::<Vec<_>>();
        got.sort();
        assert_eq!(got, ["from tab a", "from tab b", "saved"]);
        assert_eq!(recovery.records.len(), 1, "one record per document");
        assert_eq!(recovery.taken.len(), 2);
    }

    #[test]
    fn a_corrupted_entry_is_named_and_the_rest_recovered() {
        let now = note(&tab("t1", &Annotations::default()), 0, 13, "kept");
        let entries = vec![
            (key("urn:sha256:bb", "t1"), "{\"format\":2,\"annotations\":{\"notes\":[".to_string()),
            (key(URN, "t1"), written(entry(&Annotations::default(), &now).expect("entry"))),
            (format!("{PREFIX}garbage"), "{}".to_string()),
            (key(URN, "t2"), "{\"format\":9}".to_string()),
        ];
        let index = [index_line("urn:sha256:bb", "Broken talks", 0)];
        let recovery = recover(&entries, |_| None, &index, "now").expect("never stops the start");
        assert_eq!(texts(&record_of(&recovery, URN).expect("the readable entry is recovered")), ["kept"]);
        let named: Vec<(String, Unreadable)> =
            recovery.unreadable.iter().map(|(_, _, name, why)| (name.clone(), why.clone())).collect();
        assert_eq!(named.len(), 3);
        assert!(named[0].0.contains("“Broken talks”") && named[0].1.to_string().contains("not valid JSON"));
        assert!(named[1].1.to_string().contains("names no document"), "{:?}", named[1]);
        assert!(named[2].1.to_string().contains("newer version"), "{:?}", named[2]);
        let message = records::unreadable_message(&named, true).expect("a message");
        assert!(message.starts_with("3 saved records could not be read"), "{message}");
        assert_eq!(
            set_aside_name(&key(URN, "t1")),
            "sidenote.v1.journal.urn:sha256:aa.t1",
            "set aside under records' prefix"
        );
    }
}
