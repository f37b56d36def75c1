//! Two tabs, one document: merging two states of one document's annotations (a state-based CRDT).
//!
//! Every item is keyed by what identifies it: a note (on words or on the article, with its replies) and an
//! added entity by their identifier (unique across tabs: see [`crate::model::Replica`]), a review by the
//! suggestions it decides on, a speaker correction by its quotation. Each item carries a [`Revision`]
//! (`Annotations::revisions`) and a deletion records the revision it saw (`Annotations::deleted`).
//! [`merge`] keeps, for every key, the newest version, unless a deletion saw that version or a newer one: a
//! deletion wins only over what the deleting tab had seen, so an edit made meanwhile in another tab survives.
//! It is commutative, associative and idempotent (`tests/merge.rs` checks these on random edit histories),
//! so tabs may exchange states in any order, any number of times, and end up with the same annotations.
//!
//! The model's edits (`Annotations::add_note`, `delete_note`, …) know nothing of revisions: [`stamp`] turns
//! any change (an edit, an import, an undo) into revisions and deletions by comparing the states before and
//! after, so every way of changing annotations is covered by one function.
//!
//! Annotations saved before revisions existed have none: their items are at revision zero and their
//! identifiers have no replica tag, which merges as any other (`tests/merge.rs` starts from such a save).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{id_number, AddedEntity, Annotations, DocumentNote, Note, Replica, Review, SpeakerCorrection};

/// A version of one item: how many times it was changed (as far as the writer knew) and which tab wrote
/// it, which orders two tabs' edits of the same version. Ordered by count, then writer.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Revision {
    /// Changes to the item, counting this one.
    pub n: u64,
    /// The writer's replica tag (empty when unknown).
    #[serde(default)]
    pub by: String,
}

/// Revisions by item key (`Annotations::revisions`, `Annotations::deleted`): sorted by key, each key once,
/// searched by halves. Not a `BTreeMap`: a map type of its own is one more copy of the map's code in the
/// WebAssembly (2.5 KB gzipped). Written as a `BTreeMap` writes itself: a JSON object, keys in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Revisions(Vec<(String, Revision)>);

impl Revisions {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The revision of `key`, if it has one.
    pub fn get(&self, key: &str) -> Option<&Revision> {
        self.find(key).ok().and_then(|at| self.0.get(at)).map(|(_, revision)| revision)
    }

    /// The revision of `key`, to change.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Revision> {
        self.find(key).ok().and_then(|at| self.0.get_mut(at)).map(|(_, revision)| revision)
    }

    /// Whether `key` has a revision.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets the revision of `key`; the one it had, if any. Keys inserted in order are appended.
    pub fn insert(&mut self, key: String, revision: Revision) -> Option<Revision> {
        if self.0.last().is_none_or(|(last, _)| *last < key) {
            self.0.push((key, revision));
            return None;
        }
        match self.find(&key) {
            Ok(at) => self.0.get_mut(at).map(|slot| std::mem::replace(&mut slot.1, revision)),
            Err(at) => {
                self.0.insert(at, (key, revision));
                None
            }
        }
    }

    /// Takes out the revision of `key`; the one it had, if any.
    pub fn remove(&mut self, key: &str) -> Option<Revision> {
        self.find(key).ok().map(|at| self.0.remove(at).1)
    }

    /// Keeps the entries for which `keep` says so.
    pub fn retain(&mut self, mut keep: impl FnMut(&String, &mut Revision) -> bool) {
        self.0.retain_mut(|(key, revision)| keep(key, revision));
    }

    /// How many keys have a revision.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no key has a revision.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(key, _)| key)
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Revision)> {
        self.0.iter().map(|(key, revision)| (key, revision))
    }
}

impl FromIterator<(String, Revision)> for Revisions {
    /// Of a key given twice the later revision stays, as in a map.
    fn from_iter<I: IntoIterator<Item = (String, Revision)>>(entries: I) -> Self {
        let mut revisions = Revisions::default();
        for (key, revision) in entries {
            revisions.insert(key, revision);
        }
        revisions
    }
}

impl Serialize for Revisions {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Revisions {
    /// Through a map (natively only: the app reads records from their `Value`, `stored_records.rs`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(BTreeMap::<String, Revision>::deserialize(deserializer)?.into_iter().collect())
    }
}

/// One item of a document's annotations, as merged: borrowed, so that comparing two states of 20,000 notes
/// copies none of them; only what a merge keeps is copied, once (`assemble`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
enum Item<'a> {
    Note(&'a Note),
    ArticleNote(&'a DocumentNote),
    Entity(&'a AddedEntity),
    Review(&'a Review),
    Speaker(&'a SpeakerCorrection),
}

/// The key of a note (on words or on the article) or an added entity's: its identifier.
fn id_key(what: &str, id: &str) -> String {
    format!("{what}:{id}")
}

/// The key of a review: the scope it decides on, as it is saved.
fn review_key(review: &Review) -> String {
    // Writing a scope (strings, numbers and a kind) cannot fail; no `Debug` fallback, which would bring the
    // standard library's debug formatting into the Wasm for a case that never happens.
    let scope = serde_json::to_string(&review.scope).unwrap_or_default();
    format!("review:{scope}")
}

/// The key of a speaker correction: its quotation's bytes.
fn speaker_key(correction: &SpeakerCorrection) -> String {
    format!("speaker:{}-{}", correction.quote.start, correction.quote.end)
}

/// Items by key: sorted by key, each key once, searched by halves. Not a map: a map type of its own is one
/// more copy of the map's code in the WebAssembly, and keys mostly arrive in order here.
#[derive(Default)]
struct Items<'a>(Vec<(String, Item<'a>)>);

impl<'a> Items<'a> {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    fn get(&self, key: &str) -> Option<&Item<'a>> {
        self.find(key).ok().and_then(|at| self.0.get(at)).map(|(_, item)| item)
    }

    fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets the item of `key`, replacing the one it had.
    fn insert(&mut self, key: String, item: Item<'a>) {
        match self.find(&key) {
            Ok(at) => {
                if let Some(slot) = self.0.get_mut(at) {
                    slot.1 = item;
                }
            }
            Err(at) => self.0.insert(at, (key, item)),
        }
    }

    fn remove(&mut self, key: &str) {
        if let Ok(at) = self.find(key) {
            self.0.remove(at);
        }
    }

    fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(key, _)| key)
    }
}

/// Every item by key. A key met twice (an old save with two decisions on one scope) keeps the later one, as
/// the model does when it reads them.
fn items(annotations: &Annotations) -> Items<'_> {
    let notes = annotations.notes.iter().map(|n| (id_key("note", &n.id), Item::Note(n)));
    let article = annotations.document_notes.iter().map(|n| (id_key("note", &n.id), Item::ArticleNote(n)));
    let entities = annotations.added.iter().map(|e| (id_key("entity", &e.id), Item::Entity(e)));
    let reviews = annotations.reviews.iter().map(|r| (review_key(r), Item::Review(r)));
    let speakers = annotations.speakers.iter().map(|c| (speaker_key(c), Item::Speaker(c)));
    let mut all: Vec<(String, Item)> = notes.chain(article).chain(entities).chain(reviews).chain(speakers).collect();
    // The program's one stable sort (no sort code of its own in the WebAssembly); stable, so of a key met twice
    // the later one comes last and stays.
    sidenote_extract::sort_stable_by(&mut all, |a, b| a.0.cmp(&b.0));
    let mut items = Items::default();
    for (key, item) in all {
        match items.0.last_mut() {
            Some(last) if last.0 == key => last.1 = item,
            _ => items.0.push((key, item)),
        }
    }
    items
}

/// Keys, each once, in order.
fn all_keys<'a>(keys: impl Iterator<Item = &'a String>) -> Vec<&'a String> {
    let mut keys: Vec<&String> = keys.collect();
    sidenote_extract::sort_stable_by(&mut keys, |a, b| a.cmp(b));
    keys.dedup();
    keys
}

/// Where an item goes in the canonical order: notes and entities in the order their identifiers were made
/// (their number; those made elsewhere, imported IRIs, last), reviews and corrections by key.
fn canonical_place(key: &str, item: &Item) -> (bool, u64, String) {
    let id = match item {
        Item::Note(note) => note.id.as_str(),
        Item::ArticleNote(note) => note.id.as_str(),
        Item::Entity(entity) => entity.id.as_str(),
        Item::Review(_) | Item::Speaker(_) => return (true, 0, key.to_string()),
    };
    let number = id_number(id);
    (number.is_none(), number.unwrap_or(0), id.to_string())
}

/// Annotations holding `items`, in a canonical order (so that a merge's result does not depend on the order of
/// its arguments). One sort for every kind of item keeps the WebAssembly small.
fn assemble(items: Items, revisions: Revisions, deleted: Revisions, next_id: u64, replica: Replica) -> Annotations {
    let mut placed: Vec<((bool, u64, String), Item)> =
        items.0.into_iter().map(|(key, item)| (canonical_place(&key, &item), item)).collect();
    // Within one kind places are unique (an identifier or a key), so any sort gives this order: the program's
    // one stable sort adds no sort code to the Wasm.
    sidenote_extract::sort_stable_by(&mut placed, |a, b| a.0.cmp(&b.0));
    let mut out = Annotations { revisions, deleted, next_id, replica, ..Annotations::default() };
    for (_, item) in placed {
        match item {
            Item::Note(note) => out.notes.push(note.clone()),
            Item::ArticleNote(note) => out.document_notes.push(note.clone()),
            Item::Entity(entity) => out.added.push(entity.clone()),
            Item::Review(review) => out.reviews.push(review.clone()),
            Item::Speaker(correction) => out.speakers.push(correction.clone()),
        }
    }
    out
}

/// Raises each deletion in `into` to the newer of its own and `from`'s: one pass over both sorted lists, so
/// that thousands of deletions new to `into` cost no more than thousands it has.
fn join_deleted(into: &mut Revisions, from: &Revisions) {
    let mut joined = Vec::with_capacity(into.len() + from.len());
    let mut ours = std::mem::take(&mut into.0).into_iter().peekable();
    let mut theirs = from.0.iter().peekable();
    loop {
        let next = match (ours.peek(), theirs.peek()) {
            (Some(a), Some(b)) if a.0 == b.0 => {
                let b = theirs.next().map(|(_, seen)| seen.clone());
                ours.next().map(|(key, seen)| (key, b.filter(|b| *b > seen).unwrap_or(seen)))
            }
            (Some(a), Some(b)) if a.0 < b.0 => ours.next(),
            (_, Some(_)) => theirs.next().cloned(),
            (Some(_), None) => ours.next(),
            (None, None) => break,
        };
        joined.extend(next);
    }
    into.0 = joined;
}

fn raise(map: &mut Revisions, key: &str, revision: Revision) {
    match map.get_mut(key) {
        Some(current) if *current >= revision => {}
        Some(current) => *current = revision,
        None => {
            map.insert(key.to_string(), revision);
        }
    }
}

impl Annotations {
    /// The revision of the item under `key` (zero when it has none: saved before revisions, or never changed).
    fn revision(&self, key: &str) -> Revision {
        self.revisions.get(key).cloned().unwrap_or_default()
    }
}

/// The newer of two versions of one item; two different versions of the same revision (two old saves edited
/// outside the app) are ordered by their content, so the choice never depends on which side is which.
fn newer<'a, 'b>(
    a: Option<(Revision, &'b Item<'a>)>,
    b: Option<(Revision, &'b Item<'a>)>,
) -> Option<(Revision, &'b Item<'a>)> {
    match (a, b) {
        (Some(a), Some(b)) if a.0 != b.0 => Some(if a.0 > b.0 { a } else { b }),
        (Some(a), Some(b)) if a.1 == b.1 => Some(a),
        (Some(a), Some(b)) => {
            let content = |item: &Item| serde_json::to_string(item).unwrap_or_default();
            Some(if content(a.1) >= content(b.1) { a } else { b })
        }
        (a, b) => a.or(b),
    }
}

/// Two tabs' states of one document's annotations, merged: for every item the newest version, unless a deletion
/// saw that version or a newer one. Nothing either side added is lost unless the other deleted exactly that
/// version or a newer one. The result's order is canonical; the replica is `ours`'s.
pub fn merge(ours: &Annotations, theirs: &Annotations) -> Annotations {
    let (mine, other) = (items(ours), items(theirs));
    let mut deleted = ours.deleted.clone();
    join_deleted(&mut deleted, &theirs.deleted);
    let mut kept = Items::default();
    let mut revisions = Revisions::default();
    let keys = all_keys(mine.keys().chain(other.keys()));
    for key in keys {
        let a = mine.get(key).map(|item| (ours.revision(key), item));
        let b = other.get(key).map(|item| (theirs.revision(key), item));
        let Some((revision, item)) = newer(a, b) else { continue };
        if deleted.get(key).is_some_and(|seen| *seen >= revision) {
            continue;
        }
        if revision != Revision::default() {
            revisions.insert(key.clone(), revision);
        }
        kept.insert(key.clone(), *item);
    }
    let mut out = assemble(kept, revisions, deleted, ours.next_id.max(theirs.next_id), ours.replica.clone());
    out.deleted_versions = ours.deleted_versions.clone();
    out.deleted_versions.join(&theirs.deleted_versions);
    out
}

/// Whether merging `theirs` into `ours` would bring anything new (an item, a newer version, a deletion).
pub fn brings_news(ours: &Annotations, theirs: &Annotations) -> bool {
    merge(ours, theirs) != merge(ours, ours)
}

/// Records the change from `before` to `after`, made by `before`'s replica: every item of `after` whose content
/// differs from `before`'s (or that `before` lacked) gets a revision newer than any this tab has seen of it
/// (its own, or a deletion's), so it wins over them in a merge; every item `before` had and `after` lacks is
/// deleted, recording the revision it had. Unchanged items keep their revisions. `after` may be any state: an
/// edit of `before`, or an undo step being restored (which then wins as a new change).
pub fn stamp(before: &Annotations, after: &mut Annotations) {
    let (old, new) = (items(before), items(after));
    let by = before.replica.tag().to_string();
    let mut deleted = before.deleted.clone();
    join_deleted(&mut deleted, &after.deleted);
    let mut revisions = Revisions::default();
    for (key, item) in &new.0 {
        let revision = if old.get(key) == Some(item) {
            before.revision(key)
        } else {
            let seen = [before.revision(key), after.revision(key), deleted.get(key).cloned().unwrap_or_default()];
            let newest = seen.into_iter().max().unwrap_or_default();
            Revision { n: newest.n + 1, by: by.clone() }
        };
        if revision != Revision::default() {
            revisions.insert(key.clone(), revision);
        }
    }
    let mut deleted_versions = before.deleted_versions.clone();
    deleted_versions.join(&after.deleted_versions);
    for key in old.keys().filter(|key| !new.contains_key(key)) {
        raise(&mut deleted, key, before.revision(key));
    }
    after.revisions = revisions;
    after.deleted = deleted;
    after.deleted_versions = deleted_versions;
    // Identifiers are never made twice, even after an undo brings back an earlier state.
    after.next_id = after.next_id.max(before.next_id);
    after.replica = before.replica.clone();
}

/// What `now` holds that `base` did not: every item that `base` lacks or holds in another version (content or
/// revision), every deletion `base` had not recorded, and `now`'s next identifier, as a partial state. `now`
/// must have grown from `base` (edits, stamped, and merges). Merged into any state that holds `base` (what
/// storage held when `base` was written, or more), it gives what merging all of `now` would: an item it
/// leaves out is one that state has at `base`'s version or newer. The app's write-ahead journal keeps only
/// this, not every note (`tests/merge.rs` checks it on random histories).
///
/// One pass over each list, looking `base`'s items up by identifier, with no copy of an unchanged item.
pub fn changes_since(base: &Annotations, now: &Annotations) -> Annotations {
    // Keys whose revision moved, by kind (notes of both kinds, entities, reviews, speaker corrections), as the
    // part after the kind, so items are looked up without making their keys. Every lookup here is a map of one
    // type (`Lookup`), filled one by one: each other type, or a sorted one, is more code in the WebAssembly.
    const KINDS: [&str; 4] = ["note", "entity", "review", "speaker"];
    let mut revised: [Lookup; 4] = Default::default();
    for (key, revision) in now.revisions.iter() {
        if base.revisions.get(key) != Some(revision) {
            let (kind, rest) = key.split_once(':').unwrap_or((key.as_str(), ""));
            if let Some(at) = KINDS.iter().position(|k| *k == kind) {
                revised[at].insert(rest, 0);
            }
        }
    }
    let rests = |keys: Vec<String>| -> Vec<String> {
        keys.into_iter().map(|key| key.split_once(':').map_or(String::new(), |(_, rest)| rest.to_string())).collect()
    };
    let (base_reviews, now_reviews) =
        (rests(base.reviews.iter().map(review_key).collect()), rests(now.reviews.iter().map(review_key).collect()));
    let (base_speakers, now_speakers) =
        (rests(base.speakers.iter().map(speaker_key).collect()), rests(now.speakers.iter().map(speaker_key).collect()));
    let mut out = Annotations { next_id: now.next_id, replica: now.replica.clone(), ..Annotations::default() };
    out.notes = changed_items(
        (&base.notes, &base.notes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>()),
        (&now.notes, &now.notes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>()),
        &revised[0],
    );
    out.document_notes = changed_items(
        (&base.document_notes, &base.document_notes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>()),
        (&now.document_notes, &now.document_notes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>()),
        &revised[0],
    );
    out.added = changed_items(
        (&base.added, &base.added.iter().map(|e| e.id.as_str()).collect::<Vec<_>>()),
        (&now.added, &now.added.iter().map(|e| e.id.as_str()).collect::<Vec<_>>()),
        &revised[1],
    );
    out.reviews =
        changed_items((&base.reviews, &as_strs(&base_reviews)), (&now.reviews, &as_strs(&now_reviews)), &revised[2]);
    out.speakers = changed_items(
        (&base.speakers, &as_strs(&base_speakers)),
        (&now.speakers, &as_strs(&now_speakers)),
        &revised[3],
    );
    let kept: Vec<String> = items(&out).0.into_iter().map(|(key, _)| key).collect();
    for key in &kept {
        if let Some(revision) = now.revisions.get(key) {
            out.revisions.insert(key.clone(), revision.clone());
        }
    }
    for (key, seen) in now.deleted.iter() {
        if base.deleted.get(key) != Some(seen) {
            out.deleted.insert(key.clone(), seen.clone());
        }
    }
    for fingerprint in now.deleted_versions.iter().filter(|f| !base.deleted_versions.contains(f)) {
        out.deleted_versions.insert(fingerprint.clone());
    }
    out
}

/// An item's place in its list by its key (or, for a set of keys, anything).
type Lookup<'a> = HashMap<&'a str, usize>;

fn as_strs(keys: &[String]) -> Vec<&str> {
    keys.iter().map(String::as_str).collect()
}

/// The items of `now` that `base` lacks, holds otherwise, or whose revision moved (`revised`), in `now`'s order.
/// Each list comes with its items' keys (the part after the kind), in the same order.
fn changed_items<T: Clone + PartialEq>(
    (base, base_keys): (&[T], &[&str]),
    (now, now_keys): (&[T], &[&str]),
    revised: &Lookup<'_>,
) -> Vec<T> {
    let mut before = Lookup::new();
    for (at, key) in base_keys.iter().enumerate() {
        before.insert(key, at);
    }
    let changed = |(item, key): &(&T, &&str)| {
        before.get(**key).map(|&at| &base[at]) != Some(*item) || revised.contains_key(**key)
    };
    now.iter().zip(now_keys).filter(changed).map(|(item, _)| item.clone()).collect()
}

/// Whether a partial state from [`changes_since`] holds nothing to keep: no item and no deletion.
pub fn holds_nothing(changes: &Annotations) -> bool {
    changes.notes.is_empty()
        && changes.document_notes.is_empty()
        && changes.added.is_empty()
        && changes.reviews.is_empty()
        && changes.speakers.is_empty()
        && changes.deleted.is_empty()
        && changes.deleted_versions.is_empty()
}

/// An undo step (`snapshot`) updated with what another tab brought when `ours` became `merged`: every item whose
/// version or deletion differs between `ours` and `merged` is set in the snapshot as in `merged`, the rest stays.
/// Undoing then still undoes only this tab's own step, never what another tab wrote.
pub fn rebase<'a>(snapshot: &'a Annotations, ours: &'a Annotations, merged: &'a Annotations) -> Annotations {
    let (before, after) = (items(ours), items(merged));
    let mut snapshot_items = items(snapshot);
    let mut revisions = snapshot.revisions.clone();
    let mut deleted = snapshot.deleted.clone();
    let keys = all_keys(before.keys().chain(after.keys()).chain(ours.deleted.keys()).chain(merged.deleted.keys()));
    for key in keys {
        let state = |items: &Items<'a>, of: &Annotations| {
            (items.get(key).copied(), of.revisions.get(key).cloned(), of.deleted.get(key).cloned())
        };
        let (old, new) = (state(&before, ours), state(&after, merged));
        if old == new {
            continue;
        }
        let (item, revision, deletion) = new;
        match item {
            Some(item) => snapshot_items.insert(key.clone(), item),
            None => snapshot_items.remove(key),
        };
        match revision {
            Some(revision) => revisions.insert(key.clone(), revision),
            None => revisions.remove(key),
        };
        match deletion {
            Some(seen) => deleted.insert(key.clone(), seen),
            None => deleted.remove(key),
        };
    }
    revisions.retain(|key, _| snapshot_items.contains_key(key));
    let mut out =
        assemble(snapshot_items, revisions, deleted, snapshot.next_id.max(merged.next_id), snapshot.replica.clone());
    // A set that only grows: what another tab deleted stays known to this one through an undo.
    out.deleted_versions = snapshot.deleted_versions.clone();
    out.deleted_versions.join(&merged.deleted_versions);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sidenote_extract::{EntityKind, Extraction, Span};

    /// Random edits of `Revisions` and of a `BTreeMap` side by side: the same contents, the same JSON, and
    /// joining deletions gives, for every key, the newer of the two.
    #[test]
    fn revisions_behave_as_a_sorted_map() {
        let mut seed = 11u64;
        let mut random = |below: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % below
        };
        for _ in 0..200 {
            let (mut ours, mut map) = (Revisions::default(), BTreeMap::new());
            let mut other = Revisions::default();
            for _ in 0..random(30) {
                let key = format!("note:{}", random(12));
                let revision = Revision { n: random(4), by: ["", "a", "b"][random(3) as usize].into() };
                match random(4) {
                    0 => assert_eq!(ours.remove(&key), map.remove(&key)),
                    1 => _ = other.insert(key, revision),
                    _ => assert_eq!(ours.insert(key.clone(), revision.clone()), map.insert(key, revision)),
                }
            }
            assert_eq!(ours.iter().collect::<Vec<_>>(), map.iter().collect::<Vec<_>>());
            assert_eq!(serde_json::to_string(&ours).ok(), serde_json::to_string(&map).ok());
            let read: Option<Revisions> = serde_json::to_string(&map).ok().and_then(|j| serde_json::from_str(&j).ok());
            assert_eq!(read.as_ref(), Some(&ours));
            let mut joined = ours.clone();
            join_deleted(&mut joined, &other);
            for (key, seen) in other.iter() {
                map.entry(key.clone())
                    .and_modify(|r: &mut Revision| *r = r.clone().max(seen.clone()))
                    .or_insert(seen.clone());
            }
            assert_eq!(joined.iter().collect::<Vec<_>>(), map.iter().collect::<Vec<_>>());
        }
    }

    const TEXT: &str = "Sergei Lavrov spoke in Moscow on Monday.";

    /// One tab's edit, recorded as the app records it.
    fn edited(before: &Annotations, edit: impl FnOnce(&mut Annotations)) -> Annotations {
        let mut after = before.clone();
        edit(&mut after);
        stamp(before, &mut after);
        after
    }

    fn tab(tag: &str, from: &Annotations) -> Annotations {
        let mut state = from.clone();
        state.replica = Replica::new(tag);
        state
    }

    #[test]
    fn two_tabs_make_different_ids_and_keep_each_others_notes() {
        let a = edited(&tab("a1", &Annotations::default()), |s| {
            s.add_note(TEXT, Span::new(0, 13), "who".into(), vec![]);
        });
        let b = edited(&tab("b2", &Annotations::default()), |s| {
            s.add_note(TEXT, Span::new(23, 29), "where".into(), vec![]);
        });
        assert_eq!([a.notes[0].id.as_str(), b.notes[0].id.as_str()], ["note-1-a1", "note-1-b2"]);
        let merged = merge(&a, &b);
        assert_eq!(merged, merge(&b, &a));
        let texts: Vec<&str> = merged.notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["who", "where"]);
    }

    #[test]
    fn two_tabs_adding_an_entity_on_the_same_words_show_one_and_the_same() {
        let words = Span::new(0, 13);
        let a = edited(&tab("a1", &Annotations::default()), |s| {
            s.add_entity(TEXT, words, EntityKind::Person);
        });
        let b = edited(&tab("b2", &Annotations::default()), |s| {
            s.add_entity(TEXT, words, EntityKind::Org);
        });
        let (ab, ba) = (merge(&a, &b), merge(&b, &a));
        assert_eq!(ab.added.len(), 2, "both are kept");
        let shown = |annotations: &Annotations| -> Vec<(Span, EntityKind)> {
            annotations.shown_entities(&Extraction::default()).iter().map(|e| (e.span, e.kind)).collect()
        };
        assert_eq!(shown(&ab), [(words, EntityKind::Org)], "one shows: the greatest id");
        assert_eq!(shown(&ab), shown(&ba));
    }

    #[test]
    fn a_deletion_wins_only_over_the_version_it_saw() {
        let base = edited(&tab("a", &Annotations::default()), |s| {
            s.add_note(TEXT, Span::new(0, 13), "first".into(), vec![]);
        });
        let id = base.notes[0].id.clone();
        let deleted_in_a = edited(&base, |s| {
            s.delete_note(&id);
        });
        let edited_in_b = edited(&tab("b", &base), |s| {
            s.edit_note(&id, "edited meanwhile".into(), vec![]);
        });
        let merged = merge(&deleted_in_a, &edited_in_b);
        assert_eq!(merged.notes.len(), 1, "the concurrent edit survives");
        assert_eq!(merged.notes[0].text, "edited meanwhile");
        // Deleting what it had seen (the edit) removes it everywhere.
        let deleted_after_seeing = edited(&merged, |s| {
            s.delete_note(&id);
        });
        assert!(merge(&deleted_after_seeing, &edited_in_b).notes.is_empty());
        assert!(merge(&base, &deleted_after_seeing).notes.is_empty());
    }

    #[test]
    fn a_restored_undo_step_wins_over_the_deletion_it_undoes() {
        let base = edited(&tab("a", &Annotations::default()), |s| {
            s.add_note(TEXT, Span::new(0, 13), "kept".into(), vec![]);
        });
        let deleted = edited(&base, |s| {
            s.notes.clear();
        });
        let mut undone = base.clone();
        stamp(&deleted, &mut undone);
        assert_eq!(undone.notes.len(), 1);
        assert_eq!(merge(&undone, &deleted).notes.len(), 1, "the undo is newer than the deletion");
        assert_eq!(undone.next_id, 1);
        let again = edited(&undone, |s| {
            s.add_note(TEXT, Span::new(23, 29), "next".into(), vec![]);
        });
        assert_eq!(again.notes[1].id, "note-2-a", "an undo never brings an identifier back into use");
    }

    #[test]
    fn a_snapshot_rebased_on_another_tabs_news_keeps_them_and_only_undoes_its_own_step() {
        let empty = tab("a", &Annotations::default());
        let mine = edited(&empty, |s| {
            s.add_note(TEXT, Span::new(0, 13), "mine".into(), vec![]);
        });
        // The other tab took my note in and added its own.
        let theirs = edited(&tab("b", &merge(&Annotations::default(), &mine)), |s| {
            s.add_note(TEXT, Span::new(23, 29), "theirs".into(), vec![]);
        });
        let merged = merge(&mine, &theirs);
        let snapshot = rebase(&empty, &mine, &merged);
        let texts: Vec<&str> = snapshot.notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["theirs"], "the step before mine, with their note");
    }

    #[test]
    fn two_versions_at_one_revision_merge_the_same_way_round() {
        // Two copies of an old save (no revisions) changed outside the app: both at revision zero.
        let mut a = Annotations::default();
        a.add_note(TEXT, Span::new(0, 13), "one".into(), vec![]);
        let mut b = a.clone();
        b.notes[0].text = "two".into();
        assert_eq!(merge(&a, &b), merge(&b, &a));
        assert_eq!(merge(&a, &b).notes.len(), 1);
    }

    #[test]
    fn replica_tags_are_plain_words_and_never_make_states_differ() {
        assert_eq!(Replica::new("K2-x9 q").tag(), "k2x9q");
        assert_eq!(tab("a", &Annotations::default()), Annotations::default());
        let mut set = tab("k2x9q", &Annotations::default());
        set.reserve_id("note-41-zz9");
        set.reserve_id("urn:uuid:6ba7b810-1234-11d1-80b4-00c04fd430c8");
        assert_eq!(set.fresh_id("note"), "note-42-k2x9q");
    }
}
