//! Saving documents and their annotations in the browser: in IndexedDB (`services::idb`), one record per
//! document's text and one per its annotations, the library index, and the last document's pointer; in
//! localStorage when IndexedDB cannot be opened (or could not take localStorage's records over); in memory
//! when neither can be written. The rules (formats, migrations, what may be overwritten, the index rebuild,
//! safe mode, the move from localStorage) are pure functions in `crate::records`; this module reads and
//! writes keys.
//!
//! Every record but documents' texts is read once at start-up and kept here (a few KB each), so the write
//! guard (never over a record that cannot be read) is decided synchronously and each save becomes one
//! batch, issued at once: batches land in the order they were made, and a batch lands whole or not at all.
//! Texts (up to 20 MB) are read only when a document is opened. The first write that fails stops writing
//! for the session: the app says so once and keeps working in memory, with export available.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use sidenote_annotate::merge::merge;
use sidenote_annotate::model::Annotations;
use sidenote_annotate::Document;
use sidenote_extract::LineHint;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::journal::{self, Entry};
use crate::records::{self, BeforeWriting, IndexEntry, StartMode, Unreadable};
use crate::services::idb::{self, Change, Database};
use crate::state::{Library, LibraryEntry, Loaded, Startup, StorageUsage, UnreadableRecord};

/// Where records are written.
#[derive(Clone)]
enum Backend {
    Indexed(Rc<Database>),
    Local(web_sys::Storage),
    Nowhere,
}

/// What is known of a document's text record.
enum Text {
    /// Stored, not read yet.
    Stored,
    /// Read and readable, or written in this session: never written again (a URN names one text).
    Readable,
    /// Written while storage was failing: kept here so that it can be reopened in this session.
    InMemory(String),
}

/// A future behind a pointer: each storage operation is compiled once, not inlined into every caller's
/// future (which cost the download kilobytes).
pub type Task<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Records by key, in the order they were read or added: a few dozen, so a list is enough (and smaller in
/// the Wasm than a map).
struct Keyed<V>(Vec<(String, V)>);

impl<V> Keyed<V> {
    fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.0.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    fn insert(&mut self, key: String, value: V) {
        match self.get_mut(&key) {
            Some(held) => *held = value,
            None => self.0.push((key, value)),
        }
    }

    fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }

    fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

struct Store {
    backend: Backend,
    /// Why writing stopped; from then on nothing is written and every save says why.
    failed: Option<String>,
    /// Every record but documents' texts, as stored.
    values: Keyed<String>,
    /// Documents' text records by key.
    texts: Keyed<Text>,
    /// The annotations record this tab wrote last, as written and as read: while storage still holds exactly
    /// that text, the next save neither parses it again to merge with it nor to check it is readable (with
    /// thousands of notes each parse is tens of milliseconds, on every change).
    written: Option<WrittenAnnotations>,
    /// The write-ahead journal (`crate::journal`) of each annotations key this tab saved.
    journal: Keyed<Journaled>,
    /// The number of the last save of annotations made (each save is numbered, in the order of the changes).
    saves: u64,
}

struct WrittenAnnotations {
    key: String,
    json: String,
    annotations: Rc<Annotations>,
    /// The record held more than the tab's state when it was written (another tab's work, merged in): the
    /// next save must merge with it. Otherwise the tab's state has grown from exactly that record, every
    /// change since stamped (`merge::stamp`), and merging with it would change nothing.
    foreign: bool,
}

/// The journal of one document's annotations in this tab.
struct Journaled {
    /// What IndexedDB is known to hold: the record as read at start-up, then each save seen committed.
    committed: Rc<Annotations>,
    /// The localStorage key of this tab's entry for the document.
    local_key: String,
    /// The number of the save whose entry is in localStorage (0: none).
    entry: u64,
}

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store {
        backend: Backend::Nowhere,
        failed: Some("storage is not open yet".to_string()),
        values: Keyed(Vec::new()),
        texts: Keyed(Vec::new()),
        written: None,
        journal: Keyed(Vec::new()),
        saves: 0,
    });
}

fn with_store<T>(f: impl FnOnce(&mut Store) -> T) -> T {
    STORE.with(|store| f(&mut store.borrow_mut()))
}

impl Store {
    fn taken(&self, key: &str) -> bool {
        self.values.contains_key(key) || self.texts.contains_key(key)
    }

    /// Applies a change here and adds it to the batch to be written.
    fn stage(&mut self, batch: &mut Vec<Change>, change: Change) {
        match &change {
            Change::Put(key, value) if records::is_document_key(key) => {
                let text = if self.failed.is_some() { Text::InMemory(value.clone()) } else { Text::Readable };
                self.texts.insert(key.clone(), text);
            }
            Change::Put(key, value) => {
                self.values.insert(key.clone(), value.clone());
            }
            Change::Delete(key) => {
                self.values.remove(key);
                self.texts.remove(key);
            }
        }
        batch.push(change);
    }

    /// Moves an unreadable record to a key of its own under the set-aside prefix (in one batch with what
    /// follows, so the original is removed only if the copy is written).
    fn set_aside(&mut self, batch: &mut Vec<Change>, key: &str, stored: String) {
        let aside = records::set_aside_key(key, |k| self.taken(k));
        self.stage(batch, Change::Put(aside, stored));
        self.stage(batch, Change::Delete(key.to_string()));
    }

    /// Writes `json` under `key` (not a document's text), never over a record that could not be read: that
    /// one is set aside first, in the same batch.
    fn write(&mut self, batch: &mut Vec<Change>, key: &str, json: String) {
        let ours = self.values.get(key).is_some_and(|stored| self.wrote_last(key, stored));
        if !ours {
            let existing = self.values.get(key).cloned();
            if let BeforeWriting::SetAside(_) = records::before_writing(key, existing.as_deref()) {
                self.set_aside(batch, key, existing.unwrap_or_default());
            }
        }
        self.stage(batch, Change::Put(key.to_string(), json));
    }

    /// Whether `stored` under `key` is the annotations record this tab wrote last (so it is readable).
    fn wrote_last(&self, key: &str, stored: &str) -> bool {
        self.written.as_ref().is_some_and(|w| w.key == key && w.json == stored)
    }

    /// `annotations` merged with the record storage holds for the document, which another tab may have saved
    /// since this one read it (`sidenote_annotate::merge`), so that no write loses what another tab saved. An
    /// unreadable record is left to the write guard, which sets it aside.
    fn merged_with_saved(&self, key: &str, annotations: &Annotations) -> Annotations {
        match self.values.get(key) {
            Some(stored) if self.wrote_last(key, stored) => match &self.written {
                Some(written) if written.foreign => merge(annotations, &written.annotations),
                _ => annotations.clone(),
            },
            Some(stored) => match records::read_annotations(stored) {
                Ok(record) => merge(annotations, &record.annotations),
                Err(_) => annotations.clone(),
            },
            None => annotations.clone(),
        }
    }

    /// Keeps in the journal, synchronously (localStorage), what save number `save` of `merged` under `key`
    /// holds beyond what IndexedDB is known to hold, until its transaction commits. Only in front of
    /// IndexedDB (localStorage saves are synchronous already) and while writing works; an entry that cannot be
    /// written (too large, localStorage full or refused) leaves the save to IndexedDB alone, as before.
    fn keep_in_journal(&mut self, key: &str, urn: &str, merged: &Annotations, save: u64) {
        if !matches!(self.backend, Backend::Indexed(_)) || self.failed.is_some() {
            return;
        }
        let Some(local) = local_storage() else { return };
        if self.journal.get(key).is_none() {
            // The first save of this document in this tab: storage holds the record read at start-up (or
            // none); no save of this tab is under way for it.
            let committed = self.values.get(key).and_then(|s| records::read_annotations(s).ok());
            let committed = Rc::new(committed.map(|r| r.annotations).unwrap_or_default());
            let local_key = journal::key(urn, merged.replica.tag());
            self.journal.insert(key.to_string(), Journaled { committed, local_key, entry: 0 });
        }
        let Some(journaled) = self.journal.get_mut(key) else { return };
        match journal::entry(&journaled.committed, merged) {
            Ok(Entry::Write(json)) => {
                if local.set_item(&journaled.local_key, &json).is_ok() {
                    journaled.entry = save;
                }
            }
            Ok(Entry::Nothing) => {}
            Ok(Entry::TooLarge(length)) => log(&format!("a change of {length} characters is saved without a journal")),
            Err(why) => log(&format!("the journal could not be written ({why})")),
        }
    }

    /// Save number `save` of `merged` under `key` committed: IndexedDB holds it, and every entry of the journal
    /// made by that save or an earlier one (transactions commit in the order they were made) is removed.
    fn committed(&mut self, key: &str, merged: Rc<Annotations>, save: u64) {
        let Some(journaled) = self.journal.get_mut(key) else { return };
        journaled.committed = merged;
        if journaled.entry != 0 && journaled.entry <= save {
            if let Some(local) = local_storage() {
                let _ = local.remove_item(&journaled.local_key);
            }
            journaled.entry = 0;
        }
    }

    /// The cached index, when there is a readable one.
    fn index(&self) -> Option<Vec<IndexEntry>> {
        self.values.get(records::INDEX_KEY).and_then(|s| records::read_index(s).ok())
    }
}

/// Writes a batch: the write starts now (so batches keep their order), the future says how it ended. The
/// first failure stops writing for the session.
fn commit(batch: Vec<Change>) -> impl std::future::Future<Output = Result<(), String>> {
    commit_guarded(batch, None)
}

/// Whether a record another tab wrote cannot be read (the guard of [`commit_guarded`]).
fn unreadable_record(key: &str, stored: &str) -> bool {
    matches!(records::before_writing(key, Some(stored)), BeforeWriting::SetAside(_))
}

/// [`commit`], keeping aside what storage holds under the guard's key if another tab wrote there since this one
/// read it and it cannot be read (`idb::Guard`): the write guard (`Store::write`) sees only what this tab
/// knows, and a record a newer version of Sidenote saved in another tab is not this one's to destroy.
fn commit_guarded(
    batch: Vec<Change>,
    guard: Option<idb::Guard>,
) -> impl std::future::Future<Output = Result<(), String>> {
    let started: Result<Option<_>, String> = with_store(|store| {
        if batch.is_empty() {
            return Ok(None);
        }
        if let Some(failed) = &store.failed {
            return Err(failed.clone());
        }
        match &store.backend {
            Backend::Indexed(database) => Ok(Some(database.write(&batch, guard))),
            Backend::Local(local) => {
                if let Some(guard) = guard {
                    let found = local.get_item(&guard.key).ok().flatten();
                    if let Some(found) = found.filter(|f| Some(f) != guard.expected.as_ref()) {
                        if (guard.unreadable)(&guard.key, &found) {
                            local.set_item(&guard.aside, &found).map_err(|e| idb::describe(&e))?;
                            *guard.kept.borrow_mut() = Some(found);
                        }
                    }
                }
                for change in &batch {
                    match change {
                        Change::Put(key, value) => local.set_item(key, value),
                        Change::Delete(key) => local.remove_item(key),
                    }
                    .map_err(|e| idb::describe(&e))?;
                }
                Ok(None)
            }
            Backend::Nowhere => Err("this browser offers no storage".to_string()),
        }
    });
    async move {
        let result = match started {
            Ok(Some(writing)) => writing.await,
            Ok(None) => Ok(()),
            Err(why) => Err(why),
        };
        if let Err(why) = &result {
            with_store(|store| store.failed.get_or_insert_with(|| why.clone()).clone());
        }
        result
    }
}

/// Reads the records under `keys` and writes the batch `make` makes of them, with no other tab's write in
/// between (`idb::Database::update`; localStorage is read and written in one task). Like `commit`, the first
/// failure stops writing for the session.
async fn update(
    keys: &[String],
    make: impl FnOnce(Vec<(String, Option<String>)>) -> Vec<Change>,
) -> Result<(), String> {
    let database = with_store(|store| match (&store.failed, &store.backend) {
        (Some(failed), _) => Err(failed.clone()),
        (None, Backend::Indexed(database)) => Ok(Some(database.clone())),
        (None, _) => Ok(None),
    })?;
    let Some(database) = database else {
        let fresh = with_store(|store| match &store.backend {
            Backend::Local(local) => keys.iter().map(|k| (k.clone(), local.get_item(k).ok().flatten())).collect(),
            _ => Vec::new(),
        });
        return commit(make(fresh)).await;
    };
    let updated = database.update(keys, |fresh| Ok(make(fresh))).await;
    if let Err(why) = &updated {
        with_store(|store| store.failed.get_or_insert_with(|| why.clone()).clone());
    }
    updated
}

fn log(message: &str) {
    web_sys::console::warn_1(&wasm_bindgen::JsValue::from_str(&format!("Sidenote (storage): {message}")));
}

fn local_storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

fn local_keys(local: &web_sys::Storage) -> Vec<String> {
    (0..local.length().unwrap_or(0)).filter_map(|i| local.key(i).ok().flatten()).collect()
}

/// The keys and values in localStorage whose key is `wanted`.
fn local_entries(local: &web_sys::Storage, wanted: fn(&str) -> bool) -> Vec<(String, String)> {
    local_keys(local)
        .into_iter()
        .filter(|key| wanted(key))
        .filter_map(|key| local.get_item(&key).ok().flatten().map(|value| (key, value)))
        .collect()
}

fn now() -> String {
    let now = js_sys::Date::new_0();
    records::saved_stamp(
        now.get_date(),
        now.get_month() + 1,
        now.get_full_year(),
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds(),
    )
}

/// Reads the records under `keys` from a backend.
async fn read(backend: &Backend, keys: &[String]) -> Result<Vec<(String, Option<String>)>, String> {
    match backend {
        Backend::Indexed(database) => database.read(keys).await,
        Backend::Local(local) => Ok(keys.iter().map(|k| (k.clone(), local.get_item(k).ok().flatten())).collect()),
        Backend::Nowhere => Ok(keys.iter().map(|k| (k.clone(), None)).collect()),
    }
}

/// Moves localStorage's records into IndexedDB: copies what IndexedDB does not hold, reads the copies back,
/// and only then removes them from localStorage. Returns a message when some records were left there.
async fn migrate(database: &Database, local: &web_sys::Storage) -> Result<Option<String>, String> {
    let held = local_entries(local, records::is_migrated);
    if held.is_empty() {
        return Ok(None);
    }
    let keys: Vec<String> = held.iter().map(|(k, _)| k.clone()).collect();
    let plan = records::plan_migration(&held, &database.read(&keys).await?);
    let copy: Vec<Change> = plan.copy.iter().map(|(k, v)| Change::Put(k.clone(), v.clone())).collect();
    if !copy.is_empty() {
        database.write(&copy, None).await?;
        let copied: Vec<String> = plan.copy.iter().map(|(k, _)| k.clone()).collect();
        records::verify_migration(&plan.copy, &database.read(&copied).await?)?;
    }
    for key in plan.copy.iter().map(|(k, _)| k).chain(&plan.already) {
        // Already safe in IndexedDB: a copy left behind only takes space (and is recognised as the same).
        let _ = local.remove_item(key);
    }
    Ok((!plan.kept.is_empty()).then(|| {
        format!(
            "{} record{} from this browser's older storage differ from what Sidenote keeps now; they were left in \
             localStorage, untouched.",
            plan.kept.len(),
            if plan.kept.len() == 1 { "" } else { "s" }
        )
    }))
}

/// How the app starts, what the Library lists, and what the user must be told.
pub struct Started {
    /// The document to open.
    pub startup: Startup,
    /// The Library's lists.
    pub library: Library,
    /// Records that could not be read, storage that could not be opened: for the user.
    pub message: Option<String>,
}

/// Marks the start as begun (in localStorage, synchronously, before anything can crash), opens storage
/// (IndexedDB, moving localStorage's records into it; else localStorage), reads every record but the texts,
/// sets aside and names what cannot be read, and decides what to open: the last document, or the sample (in
/// safe mode when the previous start did not finish).
pub fn start() -> Task<'static, Started> {
    Box::pin(starting())
}

async fn starting() -> Started {
    let local = local_storage();
    let mode =
        records::start_mode(local.as_ref().and_then(|l| l.get_item(records::STARTING_KEY).ok().flatten()).as_deref());
    if let Some(local) = &local {
        // If the mark cannot be written the app starts anyway: safe mode is a fallback, not a gate.
        let _ = local.set_item(records::STARTING_KEY, &format!("{{\"format\":{}}}", records::FORMAT));
    }
    let mut messages = Vec::new();
    let backend = match idb::open().await {
        Ok(database) => {
            let migrated = match &local {
                Some(local) => migrate(&database, local).await,
                None => Ok(None),
            };
            match (migrated, &local) {
                (Ok(kept), _) => {
                    messages.extend(kept);
                    Backend::Indexed(Rc::new(database))
                }
                (Err(why), Some(local)) => {
                    messages.push(format!(
                        "Your saved work could not be moved into IndexedDB ({why}); it stays in localStorage and is \
                         saved there as before."
                    ));
                    Backend::Local(local.clone())
                }
                (Err(_), None) => Backend::Indexed(Rc::new(database)),
            }
        }
        Err(_) => local.clone().map_or(Backend::Nowhere, Backend::Local),
    };
    let loaded = match &backend {
        Backend::Indexed(database) => database.keys().await,
        Backend::Local(local) => Ok(local_keys(local)),
        Backend::Nowhere => Err("this browser offers no storage".to_string()),
    };
    let loaded = match loaded {
        Ok(keys) => {
            let small: Vec<String> = keys
                .iter()
                .filter(|k| {
                    k.starts_with(records::PREFIX) && !records::is_document_key(k) && **k != records::STARTING_KEY
                })
                .cloned()
                .collect();
            read(&backend, &small).await.map(|values| (keys, values))
        }
        Err(why) => Err(why),
    };
    with_store(|store| {
        store.backend = backend;
        match loaded {
            Ok((keys, values)) => {
                store.failed = None;
                store.values = Keyed(values.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect());
                store.texts = Keyed(
                    keys.into_iter().filter(|k| records::is_document_key(k)).map(|k| (k, Text::Stored)).collect(),
                );
            }
            Err(why) => {
                store.failed = Some(why.clone());
                messages.push(format!(
                    "Nothing can be saved in this browser ({why}). Your work is kept in memory only: use Export to keep it."
                ));
            }
        }
    });
    if let Some(message) = set_aside_unreadable().await {
        messages.push(message);
    }
    // Not in safe mode, which gets past a start that crashed: an entry is kept for a later start.
    if mode != StartMode::Safe {
        if let Some(message) = recover_journal(local.as_ref()).await {
            messages.push(message);
        }
    }
    let startup = if mode == StartMode::Safe {
        Startup::Safe
    } else {
        let last = with_store(|store| store.values.get(records::LAST_KEY).and_then(|s| records::read_last(s).ok()));
        match last {
            None => Startup::Sample,
            Some(urn) => match load(&urn).await {
                Ok(loaded) => Startup::Last(loaded),
                Err(LoadError::Missing) => Startup::Sample,
                Err(LoadError::Unreadable(why)) => Startup::LastUnreadable(why),
            },
        }
    };
    let library = library().await;
    Started { startup, library, message: (!messages.is_empty()).then(|| messages.join(" ")) }
}

/// Sets aside every record read at start-up that cannot be read, and names them for the user.
async fn set_aside_unreadable() -> Option<String> {
    let (named, salvaged, batch) = with_store(|store| {
        let stored: Vec<(String, String)> = store.values.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let unreadable = records::unreadable_records(&stored);
        let index = store.index().unwrap_or_default();
        let mut batch = Vec::new();
        let mut named: Vec<(String, Unreadable)> = Vec::new();
        let mut salvaged: Vec<(String, String, String, usize)> = Vec::new();
        for (key, why) in unreadable {
            let value = store.values.get(&key).cloned().unwrap_or_default();
            let name = records::record_name(&key, &value, &index);
            // Notes of which only some items cannot be read: the record is set aside whole, and what reads
            // is written back under its key in the same batch, so that the document opens with it.
            let readable = records::urn_of_annotations_key(&key)
                .and_then(|_| records::salvage_annotations(&value))
                .and_then(|(annotations, lost)| Some((records::write_annotations(&annotations, "").ok()?, lost)));
            store.set_aside(&mut batch, &key, value);
            if let Some((json, lost)) = readable {
                salvaged.push((key.clone(), json, name.clone(), lost));
            }
            named.push((name, why));
        }
        (named, salvaged, batch)
    });
    let kept = commit(batch).await.is_ok();
    let message = records::unreadable_message(&named, kept);
    // Written back only once the whole record is safe aside, in a batch of its own: if storage failed, the
    // original stays where it was and nothing is written over it.
    let mut back = Vec::new();
    if kept && !salvaged.is_empty() {
        let batch = with_store(|store| {
            let mut batch = Vec::new();
            for (key, json, _, _) in &salvaged {
                store.stage(&mut batch, Change::Put(key.clone(), json.clone()));
            }
            batch
        });
        if commit(batch).await.is_ok() {
            back = salvaged.iter().map(|(_, _, name, lost)| records::partly_back_message(name, *lost)).collect();
        }
    }
    let text: Vec<String> = message.into_iter().chain(back).collect();
    (!text.is_empty()).then(|| text.join(" "))
}

/// Merges the journal's entries left by pages that closed before IndexedDB committed their last changes
/// (`journal::recover`), writes the result, and only then removes the entries (each only if it is still as
/// read: a tab still open may have written a newer one meanwhile). Entries that cannot be read are set aside
/// and named. While storage cannot be written the entries stay for a later start.
///
/// The entries are read first and the records they merge into are read again, in the transaction that writes
/// the merge (`idb::Database::update`): a tab still open whose save commits while this one starts either
/// lands before that transaction (which then reads it; its entry, read earlier, holds nothing older than
/// what it committed) or after it (and merges with what it read before, itself told of the recovery by
/// `tabs::announce_record`). A merge into the records as read at start-up could overwrite such a save.
fn recover_journal(local: Option<&web_sys::Storage>) -> Task<'_, Option<String>> {
    Box::pin(recovering_journal(local))
}

async fn recovering_journal(local: Option<&web_sys::Storage>) -> Option<String> {
    let local = local?;
    let entries = local_entries(local, journal::is_key);
    if entries.is_empty() {
        return None;
    }
    let saved = now();
    let keys = journal::keys_to_merge_into(&entries);
    let mut made = None;
    let updated = update(&keys, |fresh| {
        with_store(|store| {
            for (key, value) in fresh {
                match value {
                    Some(value) => store.values.insert(key, value),
                    None => store.values.remove(&key),
                }
            }
        });
        // A recovery that cannot be made writes nothing.
        let (recovery, batch) = match recovery_batch(&entries, &saved) {
            Ok((recovery, batch)) => (Ok(recovery), batch),
            Err(why) => (Err(why), Vec::new()),
        };
        made = Some(recovery);
        batch
    })
    .await;
    let (recovery, kept) = match (made, updated) {
        (Some(Ok(recovery)), updated) => (recovery, updated.is_ok()),
        (Some(Err(why)), _) | (None, Err(why)) => {
            return Some(format!(
                "Changes made just before the page last closed could not be recovered ({why}); they are kept for \
                 the next start."
            ))
        }
        (None, Ok(())) => return None,
    };
    if kept {
        for (key, json) in &recovery.records {
            if let Some(urn) = records::urn_of_annotations_key(key) {
                crate::services::tabs::announce_record(urn, json);
            }
        }
        let unreadable = recovery.unreadable.iter().map(|(key, value, _, _)| (key, value));
        for (key, value) in recovery.taken.iter().map(|(key, value)| (key, value)).chain(unreadable) {
            if local.get_item(key).ok().flatten().as_ref() == Some(value) {
                let _ = local.remove_item(key);
            }
        }
    }
    let named: Vec<(String, Unreadable)> =
        recovery.unreadable.into_iter().map(|(_, _, name, why)| (name, why)).collect();
    records::unreadable_message(&named, kept)
}

/// The recovery of the journal's `entries` into the records as this tab holds them now, and the batch that
/// writes it (staged here: the tab's records are the recovered ones from now on).
fn recovery_batch(entries: &[(String, String)], saved: &str) -> Result<(journal::Recovery, Vec<Change>), String> {
    with_store(|store| {
        let index = store.index().unwrap_or_default();
        let recovery = journal::recover(entries, |key| store.values.get(key).cloned(), &index, saved)?;
        let mut batch = Vec::new();
        for (key, json) in &recovery.records {
            store.write(&mut batch, key, json.clone());
        }
        if let Some(index) = &recovery.index {
            store.write(&mut batch, records::INDEX_KEY, index.clone());
        }
        for (key, value, _, _) in &recovery.unreadable {
            let aside = records::set_aside_key(&journal::set_aside_name(key), |k| store.taken(k));
            store.stage(&mut batch, Change::Put(aside, value.clone()));
        }
        Ok((recovery, batch))
    })
}

/// The app rendered what it started with: the next start may reopen the last document.
pub fn finish_start() {
    if let Some(local) = local_storage() {
        let _ = local.remove_item(records::STARTING_KEY);
    }
}

/// Saves a document's text (once, when it is first opened: a URN names one text, so a text already stored
/// is never written again) and makes it the one reopened on the next visit.
pub fn save_document<'a>(urn: &'a str, document: &'a Document, hints: &'a [LineHint]) -> Task<'a, Result<(), String>> {
    count_pending_saves(1);
    Box::pin(async move {
        let saved = saving_document(urn, document, hints).await;
        count_pending_saves(-1);
        saved
    })
}

async fn saving_document(urn: &str, document: &Document, hints: &[LineHint]) -> Result<(), String> {
    let key = records::document_key(urn);
    // The pointer first, now: a later opening's pointer must land after this one.
    let mut batch = Vec::new();
    let last = records::write_last(urn)?;
    with_store(|store| store.write(&mut batch, records::LAST_KEY, last));
    let pointer = commit(batch);
    let stored = with_store(|store| match store.texts.get(&key) {
        None => Ok(None),
        Some(Text::Stored) => Err(store.backend.clone()),
        Some(Text::Readable | Text::InMemory(_)) => Ok(Some(())),
    });
    let existing = match stored {
        Ok(Some(())) => return pointer.await,
        Ok(None) => None,
        Err(backend) => read(&backend, std::slice::from_ref(&key)).await?.pop().and_then(|(_, v)| v),
    };
    // The text's record is written in a task of its own: writing 20 MB of JSON is the slow half of opening
    // a long document, and the opening's own task (reading, hashing, rendering) must stay short. The pointer
    // above is already staged, so the order of openings is kept.
    gloo::timers::future::TimeoutFuture::new(0).await;
    let mut batch = Vec::new();
    let json = match records::before_writing(&key, existing.as_deref()) {
        BeforeWriting::Write if existing.is_some() => {
            with_store(|store| store.texts.insert(key.clone(), Text::Readable));
            return pointer.await;
        }
        _ => records::write_document(document, hints)?,
    };
    with_store(|store| {
        if let Some(unreadable) = existing {
            store.set_aside(&mut batch, &key, unreadable);
        }
        store.stage(&mut batch, Change::Put(key.clone(), json));
    });
    let text_saved = commit(batch).await;
    pointer.await.and(text_saved)
}

/// Saves a document's annotations (after every change) and its line in the library, in one batch. When the
/// user has not changed anything (`untouched`) and annotations are already saved for the document, they are
/// left as they are: they are what was opened, or more (the same text opened again), never to be replaced by
/// less. This is the one way annotations are written. Gives the record written (`None` when nothing was), which
/// is what the other tabs are then sent (`services::tabs`): a record of 20,000 notes is made once per save.
///
/// While any save (of annotations or of a text, `save_document`) is under way the page's `<body>` says how
/// many (`data-saves-pending`). An IndexedDB transaction still running when the page goes is lost, so the
/// annotations' changes are first kept in the write-ahead journal (`crate::journal`), synchronously, before
/// this returns to the event loop; the next start recovers them. A text's record has no journal (megabytes
/// in localStorage): a document opened and left within milliseconds may have to be opened again.
pub fn save_annotations<'a>(
    urn: &'a str,
    document: &'a Document,
    annotations: &'a Annotations,
    untouched: bool,
) -> Task<'a, Result<Option<String>, String>> {
    count_pending_saves(1);
    Box::pin(async move {
        let saved = saving_annotations(urn, document, annotations, untouched).await;
        count_pending_saves(-1);
        saved
    })
}

thread_local! {
    static PENDING_SAVES: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

/// Adds `change` to the number of saves under way and shows it on the page's `<body>`.
fn count_pending_saves(change: i64) {
    let pending = PENDING_SAVES.with(|count| {
        count.set((count.get() + change).max(0));
        count.get()
    });
    if let Some(body) = gloo::utils::document().body() {
        let _ = body.set_attribute("data-saves-pending", &pending.to_string());
    }
}

async fn saving_annotations(
    urn: &str,
    document: &Document,
    annotations: &Annotations,
    untouched: bool,
) -> Result<Option<String>, String> {
    let key = records::annotations_key(urn);
    if untouched && with_store(|store| store.values.contains_key(&key)) {
        return Ok(None);
    }
    // Two tabs (services::tabs): merge with the record as this tab last read or wrote it, synchronously, so
    // that each save's batch is still made before its first wait and saves land in the order of the changes.
    // What another tab saved since reaches this tab as a message, is merged into its state and saved again,
    // so a write in between is not lost either.
    let saving = annotations;
    let (merged, save) = with_store(|store| {
        let merged = Rc::new(store.merged_with_saved(&key, saving));
        store.saves += 1;
        let save = store.saves;
        // Before anything can wait: a page closed from now on still finds the change in the journal.
        store.keep_in_journal(&key, urn, &merged, save);
        (merged, save)
    });
    let annotations = &*merged;
    let saved = now();
    let json = records::write_annotations(annotations, &saved)?;
    // The index is read at start-up and kept readable; only when it is not is it rebuilt (reading texts).
    let mut index = match with_store(|store| store.index()) {
        Some(index) => index,
        None => current_index().await?,
    };
    index.retain(|e| e.urn != urn);
    let entry = IndexEntry {
        urn: urn.to_string(),
        title: document.title.clone(),
        saved,
        notes: annotations.note_count(),
        source_url: document.source_url.clone(),
    };
    index.insert(0, entry);
    let index = records::write_index(&index)?;
    let mut batch = Vec::new();
    let written = json.clone();
    let guard = with_store(|store| {
        // What this tab believes is stored under the key, before its own write changes the belief.
        let expected = store.values.get(&key).cloned();
        store.write(&mut batch, &key, json.clone());
        store.write(&mut batch, records::INDEX_KEY, index);
        let foreign = *merged != *saving;
        store.written = Some(WrittenAnnotations { key: key.clone(), json, annotations: merged.clone(), foreign });
        let aside = records::set_aside_key(&key, |k| store.taken(k));
        idb::Guard { key: key.clone(), expected, aside, unreadable: unreadable_record, kept: Rc::default() }
    });
    let (aside, kept) = (guard.aside.clone(), guard.kept.clone());
    commit_guarded(batch, Some(guard)).await?;
    // Known from now on: listed in the Library, exported raw, and never the key of the next record set aside.
    if let Some(record) = kept.borrow_mut().take() {
        with_store(|store| store.values.insert(aside, record));
    }
    with_store(|store| store.committed(&key, merged, save));
    Ok(Some(written))
}

/// Readable annotations saved for a document, if any (unreadable ones are left for the write guard).
pub fn saved_annotations(urn: &str) -> Option<Annotations> {
    let stored = with_store(|store| store.values.get(&records::annotations_key(urn)).cloned())?;
    records::read_annotations(&stored).ok().map(|r| r.annotations)
}

/// Why a saved document could not be opened.
pub enum LoadError {
    /// It is not in storage (deleted in another tab, say).
    Missing,
    /// Its text could not be read; it was set aside. The reason, for the user.
    Unreadable(String),
}

/// Loads a saved document. Annotations that cannot be read are set aside (listed in the Library) and the
/// document opens without them, saying so; its text unreadable, nothing opens and the text is set aside.
pub fn load(urn: &str) -> Task<'_, Result<Loaded, LoadError>> {
    Box::pin(loading(urn))
}

async fn loading(urn: &str) -> Result<Loaded, LoadError> {
    match loading_text(urn).await {
        Err(LoadError::Missing) => Err(notes_without_their_text(urn).await),
        other => other,
    }
}

/// A document whose text is not in storage: notes saved for it (a text record lost or deleted by hand) are
/// set aside, so that the Library lists them with the unreadable records, to export as they are or delete,
/// rather than keeping them where nothing reaches them.
async fn notes_without_their_text(urn: &str) -> LoadError {
    let annotations_key = records::annotations_key(urn);
    // Read again, not taken from what this tab knows: another tab may have deleted the document, notes and all.
    let backend = with_store(|store| store.backend.clone());
    let fresh = read(&backend, std::slice::from_ref(&annotations_key)).await;
    let Some(stored) = fresh.ok().and_then(|mut records| records.pop()).and_then(|(_, value)| value) else {
        with_store(|store| store.values.remove(&annotations_key));
        return LoadError::Missing;
    };
    let mut batch = Vec::new();
    with_store(|store| store.set_aside(&mut batch, &annotations_key, stored));
    match commit(batch).await {
        Ok(()) => LoadError::Unreadable("its text is missing from storage; its notes are kept".into()),
        // Left where they were: nothing is lost, and the document is simply not there to open.
        Err(_) => LoadError::Missing,
    }
}

async fn loading_text(urn: &str) -> Result<Loaded, LoadError> {
    let document_key = records::document_key(urn);
    let known = with_store(|store| match store.texts.get(&document_key) {
        // Set aside when it could not be read (on an earlier open, or by another tab): say so, not "gone".
        None if store.values.iter().any(|(k, _)| records::is_set_aside_of(k, &document_key)) => {
            Err(LoadError::Unreadable("it could not be read when it was opened before".into()))
        }
        None => Err(LoadError::Missing),
        Some(Text::InMemory(text)) => Ok(Ok(text.clone())),
        Some(_) => Ok(Err(store.backend.clone())),
    })?;
    let stored = match known {
        Ok(text) => text,
        Err(backend) => read(&backend, std::slice::from_ref(&document_key))
            .await
            .map_err(LoadError::Unreadable)?
            .pop()
            .and_then(|(_, v)| v)
            .ok_or(LoadError::Missing)?,
    };
    let document = match records::read_document(&stored) {
        Ok(document) => document,
        Err(why) => {
            let mut batch = Vec::new();
            with_store(|store| store.set_aside(&mut batch, &document_key, stored));
            let kept = commit(batch).await.is_ok();
            return Err(LoadError::Unreadable(if kept {
                why.to_string()
            } else {
                format!("{why}; it was left where it was")
            }));
        }
    };
    with_store(|store| {
        if let Some(text @ Text::Stored) = store.texts.get_mut(&document_key) {
            *text = Text::Readable;
        }
    });
    let annotations_key = records::annotations_key(urn);
    let saved = with_store(|store| store.values.get(&annotations_key).cloned());
    let (annotations, warning) = match saved.map(|s| (records::read_annotations(&s), s)) {
        None => (Annotations::default(), None),
        Some((Ok(record), _)) => (record.annotations, None),
        Some((Err(why), stored)) => {
            let salvaged = records::salvage_annotations(&stored);
            let mut batch = Vec::new();
            with_store(|store| store.set_aside(&mut batch, &annotations_key, stored));
            match (commit(batch).await, salvaged) {
                // The record is safe aside: what of it can be read opens with the text (saving it later
                // writes a new record, never over the one set aside).
                (Ok(()), Some((annotations, lost))) => {
                    let message = records::salvaged_message(&annotations, lost, &why.to_string());
                    (annotations, Some(message))
                }
                (Ok(()), None) => (
                    Annotations::default(),
                    Some(format!(
                        "The notes saved with this article could not be read ({why}). They are kept aside in the \
                         Library (export them as they are, or delete them)."
                    )),
                ),
                (Err(reason), _) => (
                    Annotations::default(),
                    Some(format!(
                        "The notes saved with this article could not be read ({why}). They were left where they \
                         were ({reason}) and will not be overwritten."
                    )),
                ),
            }
        }
    };
    Ok(Loaded {
        title: document.title,
        text: document.text,
        source_url: document.source_url,
        hints: document.hints,
        annotations,
        warning,
    })
}

/// The library index; rebuilt from the records (and written back) when it is missing or unreadable, the
/// unreadable one set aside first. The rebuild reads the documents' texts one at a time.
fn current_index() -> Task<'static, Result<Vec<IndexEntry>, String>> {
    Box::pin(reading_index())
}

async fn reading_index() -> Result<Vec<IndexEntry>, String> {
    if let Some(index) = with_store(|store| store.index()) {
        return Ok(index);
    }
    let (backend, documents) = known_texts(|_| true);
    let mut entries = Vec::new();
    for (key, in_memory) in documents {
        let text = text_of(&backend, &key, in_memory).await?;
        let Some(urn) = records::urn_of_document_key(&key) else { continue };
        entries.extend(text.and_then(|text| rebuilt_entry(urn, &text)));
    }
    let index = records::sort_rebuilt(entries);
    let mut batch = Vec::new();
    let json = records::write_index(&index)?;
    with_store(|store| store.write(&mut batch, records::INDEX_KEY, json));
    commit(batch).await?;
    Ok(index)
}

/// Every saved document, most recently saved first, and the records that could not be read.
pub fn library() -> Task<'static, Library> {
    Box::pin(listing())
}

async fn listing() -> Library {
    // Other tabs write the index too (a document they opened, one they deleted): list what storage holds
    // now, not what this tab read at its start, and save on top of that.
    let backend = with_store(|store| store.failed.is_none().then(|| store.backend.clone()));
    if let Some(backend) = backend {
        if let Ok(Some((_, Some(stored)))) =
            read(&backend, &[records::INDEX_KEY.to_string()]).await.map(|mut r| r.pop())
        {
            if records::read_index(&stored).is_ok() {
                with_store(|store| store.values.insert(records::INDEX_KEY.to_string(), stored));
            }
        }
    }
    let mut index = match current_index().await {
        Ok(index) => index,
        // Not written back (storage is failing), but still listed from what was rebuilt in memory.
        Err(_) => with_store(|store| store.index()).unwrap_or_default(),
    };
    relist_unlisted(&mut index).await;
    let unreadable = with_store(|store| {
        store
            .values
            .iter()
            .filter(|(key, _)| key.starts_with(records::SET_ASIDE_PREFIX))
            .map(|(key, stored)| {
                let (what, why) = records::describe_set_aside(key, stored, &index);
                UnreadableRecord { key: key.clone(), what, why }
            })
            .collect()
    });
    let entries = index
        .into_iter()
        .map(|e| LibraryEntry { urn: e.urn, title: e.title, saved: e.saved, notes: e.notes, source_url: e.source_url })
        .collect();
    Library { entries, unreadable }
}

/// The backend, and the keys of the texts this tab knows to be stored that `keep` keeps, each with its text when
/// it is held in memory (storage failed) rather than to be read.
fn known_texts(keep: impl Fn(&str) -> bool) -> (Backend, Vec<(String, Option<String>)>) {
    with_store(|store| {
        let texts = store
            .texts
            .iter()
            .filter(|(key, _)| keep(key))
            .map(|(key, text)| (key.clone(), if let Text::InMemory(t) = text { Some(t.clone()) } else { None }))
            .collect();
        (store.backend.clone(), texts)
    })
}

/// A text's record: the one held in memory, else read from storage (`None`: not stored).
async fn text_of(backend: &Backend, key: &str, in_memory: Option<String>) -> Result<Option<String>, String> {
    match in_memory {
        Some(text) => Ok(Some(text)),
        None => Ok(read(backend, &[key.to_string()]).await?.pop().and_then(|(_, v)| v)),
    }
}

/// A document's Library line rebuilt from its text record and the annotations this tab holds for it.
fn rebuilt_entry(urn: &str, text: &str) -> Option<IndexEntry> {
    let annotations = with_store(|store| store.values.get(&records::annotations_key(urn)).cloned());
    records::rebuilt_entry(urn, text, annotations.as_deref())
}

/// Lists again every document this tab knows to be stored that `index` lacks: another tab's save, made from
/// an index it read before this document was opened, can have written it without it. Its entry is rebuilt
/// from its text, as a lost index is; a text no longer stored (deleted elsewhere) is forgotten.
async fn relist_unlisted(index: &mut Vec<IndexEntry>) {
    let (backend, unlisted) =
        known_texts(|key| records::urn_of_document_key(key).is_some_and(|urn| !index.iter().any(|e| e.urn == urn)));
    if unlisted.is_empty() {
        return;
    }
    for (key, in_memory) in unlisted {
        let Some(urn) = records::urn_of_document_key(&key) else { continue };
        match text_of(&backend, &key, in_memory).await {
            Ok(Some(text)) => index.extend(rebuilt_entry(urn, &text)),
            Ok(None) => with_store(|store| store.texts.remove(&key)),
            Err(_) => {}
        }
    }
    if let Ok(json) = records::write_index(index) {
        with_store(|store| store.values.insert(records::INDEX_KEY.to_string(), json));
    }
}

/// A record exactly as stored (for exporting one that could not be read).
pub fn raw(key: &str) -> Option<String> {
    with_store(|store| store.values.get(key).cloned())
}

/// Deletes a record that was set aside.
pub fn delete_raw(key: &str) -> Task<'_, Result<(), String>> {
    Box::pin(deleting_raw(key))
}

async fn deleting_raw(key: &str) -> Result<(), String> {
    if !key.starts_with(records::SET_ASIDE_PREFIX) {
        return Err("only records that could not be read are deleted this way".to_string());
    }
    let mut batch = Vec::new();
    with_store(|store| store.stage(&mut batch, Change::Delete(key.to_string())));
    commit(batch).await
}

/// Forgets what this tab knew to be stored for a document another tab deleted (`services::tabs`), so that
/// saving it again writes its text and its annotations in full, merged with nothing.
pub fn forget(urn: &str) {
    let (document, annotations) = (records::document_key(urn), records::annotations_key(urn));
    with_store(|store| {
        store.texts.remove(&document);
        store.values.remove(&annotations);
        if store.written.as_ref().is_some_and(|written| written.key == annotations) {
            store.written = None;
        }
    });
}

/// Deletes a saved document: its text, its annotations and its line in the index, in one batch.
pub fn delete(urn: &str) -> Task<'_, Result<(), String>> {
    Box::pin(deleting(urn))
}

async fn deleting(urn: &str) -> Result<(), String> {
    let mut index = current_index().await?;
    index.retain(|e| e.urn != urn);
    let index = records::write_index(&index)?;
    let mut batch = Vec::new();
    with_store(|store| {
        store.stage(&mut batch, Change::Delete(records::document_key(urn)));
        store.stage(&mut batch, Change::Delete(records::annotations_key(urn)));
        store.write(&mut batch, records::INDEX_KEY, index);
    });
    commit(batch).await
}

/// How much the browser's storage for this site holds, of how much, whether it is persistent, and where
/// Sidenote writes.
pub fn usage() -> Task<'static, StorageUsage> {
    Box::pin(measuring())
}

async fn measuring() -> StorageUsage {
    let (backend, failed) = with_store(|store| {
        let backend = match store.backend {
            Backend::Indexed(_) => "IndexedDB",
            Backend::Local(_) => "localStorage",
            Backend::Nowhere => "memory only",
        };
        (backend, store.failed.is_some())
    });
    let manager = gloo::utils::window().navigator().storage();
    let estimate = match manager.estimate() {
        Ok(promise) => JsFuture::from(promise).await.ok().map(|e| e.unchecked_into::<web_sys::StorageEstimate>()),
        Err(_) => None,
    };
    let persistent = match manager.persisted() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
        Err(_) => None,
    };
    StorageUsage {
        used: estimate.as_ref().and_then(|e| e.get_usage()),
        quota: estimate.as_ref().and_then(|e| e.get_quota()),
        persistent,
        backend: if failed { "memory only" } else { backend }.to_string(),
    }
}

/// Asks the browser to keep this site's storage until the user clears it (once per visit, when it is not
/// already persistent). Browsers may grant it silently, ask the user, or refuse; the Library shows which.
pub async fn ask_persistent() {
    let manager = gloo::utils::window().navigator().storage();
    let persisted = match manager.persisted() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
        Err(_) => None,
    };
    if persisted == Some(false) {
        if let Ok(promise) = manager.persist() {
            let _ = JsFuture::from(promise).await;
        }
    }
}
