//! Saving documents and their annotations in the browser (localStorage), one entry per document, and the
//! library index. Every failure is returned as a message: the app then keeps working in memory.

use serde::{Deserialize, Serialize};
use sidenote_annotate::model::Annotations;
use sidenote_extract::LineHint;

use crate::state::LibraryEntry;

const PREFIX: &str = "sidenote.v1.";
const INDEX_KEY: &str = "sidenote.v1.index";
const LAST_KEY: &str = "sidenote.v1.last";

/// A document's text, saved once when it is opened (it never changes afterwards).
#[derive(Serialize, Deserialize)]
struct SavedDocument {
    title: String,
    text: String,
    #[serde(default)]
    hints: Vec<LineHint>,
}

/// A document as saved: title, text, structure hints and annotations.
pub type Saved = (String, String, Vec<LineHint>, Annotations);

#[derive(Serialize, Deserialize, Clone)]
struct IndexEntry {
    urn: String,
    title: String,
    saved: String,
    notes: usize,
}

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

fn read_index(store: &web_sys::Storage) -> Vec<IndexEntry> {
    store.get_item(INDEX_KEY).ok().flatten().and_then(|json| serde_json::from_str(&json).ok()).unwrap_or_default()
}

fn now() -> String {
    String::from(js_sys::Date::new_0().to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED))
}

fn text_key(urn: &str) -> String {
    format!("{PREFIX}doc.{urn}")
}

fn annotations_key(urn: &str) -> String {
    format!("{PREFIX}notes.{urn}")
}

/// Saves a document's text (once, when it is opened) and makes it the one reopened on the next visit.
pub fn save_document(urn: &str, title: &str, text: &str, hints: &[LineHint]) -> Result<(), String> {
    let store = storage()?;
    let saved = SavedDocument { title: title.to_string(), text: text.to_string(), hints: hints.to_vec() };
    let json = serde_json::to_string(&saved).map_err(|e| e.to_string())?;
    store.set_item(&text_key(urn), &json).map_err(describe)?;
    store.set_item(LAST_KEY, urn).map_err(describe)
}

/// Saves a document's annotations (after every change) and its line in the library.
pub fn save_annotations(urn: &str, title: &str, annotations: &Annotations) -> Result<(), String> {
    let store = storage()?;
    let json = serde_json::to_string(annotations).map_err(|e| e.to_string())?;
    store.set_item(&annotations_key(urn), &json).map_err(describe)?;
    let mut index = read_index(&store);
    index.retain(|e| e.urn != urn);
    index.insert(
        0,
        IndexEntry { urn: urn.to_string(), title: title.to_string(), saved: now(), notes: annotations.notes.len() },
    );
    let index_json = serde_json::to_string(&index).map_err(|e| e.to_string())?;
    store.set_item(INDEX_KEY, &index_json).map_err(describe)
}

/// Loads a saved document.
pub fn load(urn: &str) -> Option<Saved> {
    let store = storage().ok()?;
    let saved: SavedDocument = serde_json::from_str(&store.get_item(&text_key(urn)).ok()??).ok()?;
    let annotations = store
        .get_item(&annotations_key(urn))
        .ok()
        .flatten()
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    Some((saved.title, saved.text, saved.hints, annotations))
}

/// The document open at the end of the last visit, if any.
pub fn load_last() -> Option<Saved> {
    let urn = storage().ok()?.get_item(LAST_KEY).ok()??;
    load(&urn)
}

/// Every saved document, most recently saved first.
pub fn library() -> Vec<LibraryEntry> {
    let Ok(store) = storage() else { return Vec::new() };
    read_index(&store)
        .into_iter()
        .map(|e| LibraryEntry { urn: e.urn, title: e.title, saved: e.saved, notes: e.notes })
        .collect()
}

/// Deletes a saved document.
pub fn delete(urn: &str) -> Result<(), String> {
    let store = storage()?;
    store.remove_item(&text_key(urn)).map_err(describe)?;
    store.remove_item(&annotations_key(urn)).map_err(describe)?;
    let mut index = read_index(&store);
    index.retain(|e| e.urn != urn);
    let json = serde_json::to_string(&index).map_err(|e| e.to_string())?;
    store.set_item(INDEX_KEY, &json).map_err(describe)
}
