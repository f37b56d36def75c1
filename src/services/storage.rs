//! Saving documents and their annotations in the browser (localStorage), one record per document, the
//! library index, and the start-up flag. The rules (formats, migrations, what may be overwritten, the index
//! rebuild, safe mode) are pure functions in `crate::records`; this module only reads and writes keys.
//! Every failure is returned as a message: the app then keeps working in memory.

use sidenote_annotate::model::Annotations;
use sidenote_extract::LineHint;

use crate::records::{self, BeforeWriting, StartMode};
use crate::state::{Library, LibraryEntry, Loaded, Startup, UnreadableRecord};

fn storage() -> Result<web_sys::Storage, String> {
    gloo::utils::window()
        .local_storage()
        .map_err(|_| "storage is blocked".to_string())?
        .ok_or_else(|| "this browser offers no storage".to_string())
}

fn describe(error: wasm_bindgen::JsValue) -> String {
    let name = js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    if name == "QuotaExceededError" {
        "the browser's storage is full".to_string()
    } else {
        format!("the browser refused: {}", if name.is_empty() { "unknown error" } else { &name })
    }
}

fn get(store: &web_sys::Storage, key: &str) -> Option<String> {
    store.get_item(key).ok().flatten()
}

fn now() -> String {
    String::from(js_sys::Date::new_0().to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED))
}

/// Every key in storage, in storage order.
fn keys(store: &web_sys::Storage) -> Vec<String> {
    (0..store.length().unwrap_or(0)).filter_map(|i| store.key(i).ok().flatten()).collect()
}

/// Moves an unreadable record to a key of its own under the set-aside prefix. The original is removed only
/// once the copy is written, so a failure leaves it where it was.
fn set_aside(store: &web_sys::Storage, key: &str, stored: &str) -> Result<(), String> {
    let aside = records::set_aside_key(key, |k| get(store, k).is_some());
    store.set_item(&aside, stored).map_err(describe)?;
    store.remove_item(key).map_err(describe)
}

/// Writes `json` under `key`, but never over a record that could not be read: that one is set aside
/// first, and when that fails nothing is written.
fn write(store: &web_sys::Storage, key: &str, json: &str) -> Result<(), String> {
    let existing = get(store, key);
    if let BeforeWriting::SetAside(_) = records::before_writing(key, existing.as_deref()) {
        let stored = existing.unwrap_or_default();
        set_aside(store, key, &stored).map_err(|reason| {
            format!("{reason}; an unreadable saved record is in the way and was left untouched, not overwritten")
        })?;
    }
    store.set_item(key, json).map_err(describe)
}

/// Decides how to start, and marks the start as begun: the mark is removed by [`finish_start`] once the
/// app has rendered, so a start that crashes (on the last document, say) leads to safe mode next time.
pub fn startup() -> Startup {
    let Ok(store) = storage() else { return Startup::Sample };
    let mode = records::start_mode(get(&store, records::STARTING_KEY).as_deref());
    // If the mark cannot be written the app starts anyway: safe mode is a fallback, not a gate.
    let _ = store.set_item(records::STARTING_KEY, &format!("{{\"format\":{}}}", records::FORMAT));
    if mode == StartMode::Safe {
        return Startup::Safe;
    }
    let Some(stored) = get(&store, records::LAST_KEY) else { return Startup::Sample };
    let Ok(urn) = records::read_last(&stored) else { return Startup::Sample };
    match load(&urn) {
        Ok(loaded) => Startup::Last(loaded),
        Err(LoadError::Missing) => Startup::Sample,
        Err(LoadError::Unreadable(why)) => Startup::LastUnreadable(why),
    }
}

/// The app rendered: the next start may reopen the last document.
pub fn finish_start() {
    if let Ok(store) = storage() {
        let _ = store.remove_item(records::STARTING_KEY);
    }
}

/// Saves a document's text (once, when it is opened) and makes it the one reopened on the next visit.
pub fn save_document(urn: &str, title: &str, text: &str, hints: &[LineHint]) -> Result<(), String> {
    let store = storage()?;
    write(&store, &records::document_key(urn), &records::write_document(title, text, hints)?)?;
    write(&store, records::LAST_KEY, &records::write_last(urn)?)
}

/// Saves a document's annotations (after every change) and its line in the library. When the user has not
/// changed anything (`untouched`) and annotations are already saved for the document, they are left as they
/// are: they are what was opened, or more (the same text opened again), never to be replaced by less.
pub fn save_annotations(urn: &str, title: &str, annotations: &Annotations, untouched: bool) -> Result<(), String> {
    let store = storage()?;
    if untouched && get(&store, &records::annotations_key(urn)).is_some() {
        return Ok(());
    }
    // TWO-TABS MERGE HOOK (services::tabs): whatever the storage, merge with the stored record just before writing.
    let stored = get(&store, &records::annotations_key(urn));
    let merged = merged_with_saved(stored.as_deref(), annotations);
    let annotations = &merged;
    let saved = now();
    write(&store, &records::annotations_key(urn), &records::write_annotations(annotations, &saved)?)?;
    let mut index = current_index(&store)?;
    index.retain(|e| e.urn != urn);
    index.insert(
        0,
        records::IndexEntry { urn: urn.to_string(), title: title.to_string(), saved, notes: annotations.notes.len() },
    );
    write(&store, records::INDEX_KEY, &records::write_index(&index)?)
}

/// Two tabs: `annotations` merged with the record storage holds for the document (`stored`), which another tab
/// may have saved since this one read it (`sidenote_annotate::merge`), so that no write loses what another tab
/// saved. An unreadable record is left to the write guard, which sets it aside.
fn merged_with_saved(stored: Option<&str>, annotations: &Annotations) -> Annotations {
    match stored.map(records::read_annotations) {
        Some(Ok(record)) => sidenote_annotate::merge::merge(annotations, &record.annotations),
        _ => annotations.clone(),
    }
}

/// Readable annotations saved for a document, if any (unreadable ones are left for the write guard).
pub fn saved_annotations(urn: &str) -> Option<Annotations> {
    let stored = get(&storage().ok()?, &records::annotations_key(urn))?;
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
pub fn load(urn: &str) -> Result<Loaded, LoadError> {
    let store = storage().map_err(LoadError::Unreadable)?;
    let document_key = records::document_key(urn);
    let stored = get(&store, &document_key).ok_or(LoadError::Missing)?;
    let document = records::read_document(&stored).map_err(|why| {
        let kept = set_aside(&store, &document_key, &stored).is_ok();
        LoadError::Unreadable(if kept { why.to_string() } else { format!("{why}; it was left where it was") })
    })?;
    let annotations_key = records::annotations_key(urn);
    let (annotations, warning) = match get(&store, &annotations_key).map(|s| (records::read_annotations(&s), s)) {
        None => (Annotations::default(), None),
        Some((Ok(record), _)) => (record.annotations, None),
        Some((Err(why), stored)) => {
            let kept = match set_aside(&store, &annotations_key, &stored) {
                Ok(()) => "They are kept aside in the Library (export them as they are, or delete them).".to_string(),
                Err(reason) => format!("They were left where they were ({reason}) and will not be overwritten."),
            };
            (
                Annotations::default(),
                Some(format!("The notes saved with this article could not be read ({why}). {kept}")),
            )
        }
    };
    Ok(Loaded { title: document.title, text: document.text, hints: document.hints, annotations, warning })
}

/// The library index; rebuilt from the records (and written back) when it is missing or unreadable, the
/// unreadable one set aside first.
fn current_index(store: &web_sys::Storage) -> Result<Vec<records::IndexEntry>, String> {
    if let Some(Ok(index)) = get(store, records::INDEX_KEY).map(|s| records::read_index(&s)) {
        return Ok(index);
    }
    let stored: Vec<(String, String)> =
        keys(store).into_iter().filter_map(|key| get(store, &key).map(|value| (key, value))).collect();
    let index = records::rebuild_index(&stored);
    write(store, records::INDEX_KEY, &records::write_index(&index)?)?;
    Ok(index)
}

/// Every saved document, most recently saved first, and the records that could not be read.
pub fn library() -> Library {
    let Ok(store) = storage() else { return Library::default() };
    let entries = current_index(&store)
        .unwrap_or_default()
        .into_iter()
        .map(|e| LibraryEntry { urn: e.urn, title: e.title, saved: e.saved, notes: e.notes })
        .collect();
    let unreadable = keys(&store)
        .into_iter()
        .filter(|key| key.starts_with(records::SET_ASIDE_PREFIX))
        .filter_map(|key| {
            let stored = get(&store, &key)?;
            let (what, why) = records::describe_set_aside(&key, &stored);
            Some(UnreadableRecord { key, what, why })
        })
        .collect();
    Library { entries, unreadable }
}

/// A record exactly as stored (for exporting one that could not be read).
pub fn raw(key: &str) -> Option<String> {
    get(&storage().ok()?, key)
}

/// Deletes a record that was set aside.
pub fn delete_raw(key: &str) -> Result<(), String> {
    if !key.starts_with(records::SET_ASIDE_PREFIX) {
        return Err("only records that could not be read are deleted this way".to_string());
    }
    storage()?.remove_item(key).map_err(describe)
}

/// Deletes a saved document.
pub fn delete(urn: &str) -> Result<(), String> {
    let store = storage()?;
    store.remove_item(&records::document_key(urn)).map_err(describe)?;
    store.remove_item(&records::annotations_key(urn)).map_err(describe)?;
    let mut index = current_index(&store)?;
    index.retain(|e| e.urn != urn);
    write(&store, records::INDEX_KEY, &records::write_index(&index)?)
}
