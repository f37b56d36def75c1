//! A thin async binding over IndexedDB, straight on web-sys: one database with one object store of text
//! records under the keys the app always used (`sidenote.v1.…`). No crate in between: the app needs four
//! operations (open, read some keys, list the keys, write a batch atomically), and web-sys features cost
//! nothing until used.
//!
//! Requests and transactions are turned into futures by wrapping their events in a `Promise`. A batch of
//! writes is one read-write transaction, created synchronously by [`Database::write`]: IndexedDB runs
//! transactions on the same store in the order they were created, so writes land in the order the app
//! made them, and a batch (set an unreadable record aside, then write) is all or nothing.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

/// The database's name (tests delete it by this name).
pub const DATABASE: &str = "sidenote";
/// The one object store: key → the record's JSON text.
pub const STORE: &str = "records";
const VERSION: u32 = 1;
/// How long opening may take before the app gives up on IndexedDB for this visit.
const OPEN_LIMIT_MS: i32 = 10_000;

/// One change in a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Store the text under the key.
    Put(String, String),
    /// Remove the key.
    Delete(String),
}

/// What a batch must not write over unseen: the record under `key`, which this tab last read or wrote as
/// `expected`. Should storage hold something else there when the batch runs (another tab wrote it since) that
/// `unreadable` says cannot be read (a newer version's record, a damaged one), the same transaction keeps it
/// under `aside`: the batch still writes, and what it replaced is not lost.
pub struct Guard {
    pub key: String,
    pub expected: Option<String>,
    pub aside: String,
    pub unreadable: fn(&str, &str) -> bool,
    /// What was kept under `aside`, once the batch has written it: the caller then knows the key is taken.
    pub kept: std::rc::Rc<std::cell::RefCell<Option<String>>>,
}

/// An open database.
pub struct Database(IdbDatabase);

/// A message for the user from a browser error (a `DOMException` or anything else).
pub fn describe(error: &JsValue) -> String {
    let name = js_sys::Reflect::get(error, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    describe_name(&name)
}

fn describe_name(name: &str) -> String {
    match name {
        "QuotaExceededError" => "the browser's storage is full".to_string(),
        "" => "the browser refused: unknown error".to_string(),
        name => format!("the browser refused: {name}"),
    }
}

/// Waits for a request to succeed (its result) or fail.
async fn finish(request: &IdbRequest) -> Result<JsValue, String> {
    finish_within(request, None).await
}

/// [`finish`], giving up after `limit_ms` when given (an error that names no request error).
async fn finish_within(request: &IdbRequest, limit_ms: Option<i32>) -> Result<JsValue, String> {
    let mut done = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    if let Some(limit) = limit_ms {
        let timeout = Promise::new(&mut |_, reject| {
            let why = JsValue::from_str("IndexedDB did not answer");
            let _ = gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_1(&reject, limit, &why);
        });
        done = Promise::race(&Array::of2(&done, &timeout));
    }
    let outcome = JsFuture::from(done).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(|e| describe(&e)),
        Err(why) => Err(why.as_string().unwrap_or_else(|| {
            request.error().ok().flatten().map_or_else(|| describe_name(""), |e| describe_name(&e.name()))
        })),
    }
}

/// A stored value as text. Anything else (only a hand-edited or foreign value can be) is written as
/// `records::NOT_TEXT`, what it is, and its content as far as it can be had (its JSON): the record's checks
/// find it unreadable, so it is set aside like any other and keeps its content (read as a record, a Blob's
/// JSON `{}` was an empty one, which the next save wrote over).
fn as_text(value: JsValue) -> Option<String> {
    if value.is_undefined() {
        return None;
    }
    Some(value.as_string().unwrap_or_else(|| not_text(&value, None)))
}

/// As [`as_text`], a Blob (or File) with the text it holds, which its JSON (`{}`) loses.
async fn read_as_text(value: JsValue) -> Option<String> {
    let blob = value.dyn_ref::<web_sys::Blob>()?.text();
    let content = JsFuture::from(blob).await.ok().and_then(|text| text.as_string());
    Some(not_text(&value, content))
}

fn not_text(value: &JsValue, content: Option<String>) -> String {
    let content = content.or_else(|| js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string()));
    format!("{}{}]\n{}", crate::records::NOT_TEXT, kind_of(value), content.unwrap_or_default())
}

/// What a JavaScript value is, for a message: its constructor's name ("Blob", "Object"), else its type.
fn kind_of(value: &JsValue) -> String {
    let constructor = js_sys::Reflect::get(value, &"constructor".into()).ok();
    let name = constructor.and_then(|c| js_sys::Reflect::get(&c, &"name".into()).ok()).and_then(|n| n.as_string());
    name.filter(|n| !n.is_empty()).or_else(|| value.js_typeof().as_string()).unwrap_or_else(|| "value".into())
}

/// Opens (creating on first use) the database.
pub async fn open() -> Result<Database, String> {
    let factory = gloo::utils::window()
        .indexed_db()
        .map_err(|e| describe(&e))?
        .ok_or_else(|| "this browser offers no IndexedDB".to_string())?;
    let request: IdbOpenDbRequest = factory.open_with_u32(DATABASE, VERSION).map_err(|e| describe(&e))?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let Some(request) = event.target().and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok()) else { return };
        let Ok(database) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else {
            return;
        };
        if !database.object_store_names().contains(STORE) {
            // A failure here fails the open request, which `finish` reports.
            let _ = database.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    // Some browsers have left an open request unanswered: after this long the app saves in localStorage
    // instead of waiting (with the sample on screen) for ever.
    let opened = finish_within(&request, Some(OPEN_LIMIT_MS)).await;
    request.set_onupgradeneeded(None);
    let database: IdbDatabase = opened?.dyn_into().map_err(|_| "IndexedDB gave no database".to_string())?;
    // Another tab upgrading or deleting the database (the tests do) must not wait on this one: close it, and
    // the writes that follow fail and say so (the app then keeps working in memory).
    let close = Closure::<dyn FnMut(web_sys::Event)>::new({
        let database = database.clone();
        move |_| database.close()
    });
    database.set_onversionchange(Some(close.as_ref().unchecked_ref()));
    close.forget();
    Ok(Database(database))
}

impl Database {
    fn transaction(&self, mode: IdbTransactionMode) -> Result<(IdbTransaction, web_sys::IdbObjectStore), String> {
        let transaction = self.0.transaction_with_str_and_mode(STORE, mode).map_err(|e| describe(&e))?;
        let store = transaction.object_store(STORE).map_err(|e| describe(&e))?;
        Ok((transaction, store))
    }

    /// Every key in the store (sorted, as IndexedDB keeps them).
    pub async fn keys(&self) -> Result<Vec<String>, String> {
        let (_, store) = self.transaction(IdbTransactionMode::Readonly)?;
        let request = store.get_all_keys().map_err(|e| describe(&e))?;
        let keys: Array = finish(&request).await?.dyn_into().map_err(|_| "IndexedDB gave no key list".to_string())?;
        Ok(keys.iter().filter_map(|k| k.as_string()).collect())
    }

    /// The records under `keys` (`None` where there is none), read in one transaction.
    pub async fn read(&self, keys: &[String]) -> Result<Vec<(String, Option<String>)>, String> {
        let (_, store) = self.transaction(IdbTransactionMode::Readonly)?;
        // Every request is made before the first wait, so the transaction stays open for all of them.
        let requests = keys
            .iter()
            .map(|key| store.get(&JsValue::from_str(key)).map_err(|e| describe(&e)))
            .collect::<Result<Vec<_>, _>>()?;
        let mut records = Vec::with_capacity(keys.len());
        for (key, request) in keys.iter().zip(requests) {
            let value = finish(&request).await?;
            let text = match value.is_instance_of::<web_sys::Blob>() {
                true => read_as_text(value).await,
                false => as_text(value),
            };
            records.push((key.clone(), text));
        }
        Ok(records)
    }

    /// Reads the records under `keys` and writes the batch `make` makes of them, in one read-write transaction:
    /// no other transaction on the store (another tab's save) can land between the read and the write, so
    /// nothing written meanwhile is overwritten by a merge that never saw it. `make` runs in the transaction's
    /// last read's success (IndexedDB keeps a transaction open only while a request of it is under way or its
    /// event is being handled), so it cannot wait; what else it finds it hands out through what it captures.
    pub async fn update(
        &self,
        keys: &[String],
        make: impl FnOnce(Vec<(String, Option<String>)>) -> Result<Vec<Change>, String>,
    ) -> Result<(), String> {
        let (transaction, store) = self.transaction(IdbTransactionMode::Readwrite)?;
        let ended = Promise::new(&mut |resolve, reject| {
            transaction.set_oncomplete(Some(&resolve));
            transaction.set_onabort(Some(&reject));
        });
        let requests = keys
            .iter()
            .map(|key| store.get(&JsValue::from_str(key)).map_err(|e| describe(&e)))
            .collect::<Result<Vec<_>, _>>();
        let made: Result<(), String> = async {
            let mut records = Vec::with_capacity(keys.len());
            for (key, request) in keys.iter().zip(requests?) {
                records.push((key.clone(), as_text(finish(&request).await?)));
            }
            for change in &make(records)? {
                match change {
                    Change::Put(key, value) => store.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key)),
                    Change::Delete(key) => store.delete(&JsValue::from_str(key)),
                }
                .map_err(|e| describe(&e))?;
            }
            Ok(())
        }
        .await;
        if made.is_err() {
            // Nothing of a failed update is written (an abort of an ended transaction changes nothing).
            let _ = transaction.abort();
        }
        let committed = JsFuture::from(ended).await.map(|_| ()).map_err(|_| {
            transaction.error().map_or_else(|| "the browser gave up writing".to_string(), |e| describe_name(&e.name()))
        });
        made.and(committed)
    }

    /// Writes a batch in one transaction, made now (so batches land in the order they were made); the future
    /// says whether it was committed. Nothing of a batch that fails is written.
    pub fn write(
        &self,
        changes: &[Change],
        guard: Option<Guard>,
    ) -> impl std::future::Future<Output = Result<(), String>> {
        let started = self.transaction(IdbTransactionMode::Readwrite).and_then(|(transaction, store)| {
            // Read before the batch's own requests, which IndexedDB runs in order: the read sees what the batch
            // replaces. Its answer is listened to now, before any event can fire.
            let guarded = match guard {
                Some(guard) => {
                    let read = store.get(&JsValue::from_str(&guard.key)).map_err(|e| describe(&e))?;
                    let answered = Promise::new(&mut |resolve, reject| {
                        read.set_onsuccess(Some(&resolve));
                        read.set_onerror(Some(&reject));
                    });
                    Some((guard, read, answered, store.clone()))
                }
                None => None,
            };
            for change in changes {
                let issued = match change {
                    Change::Put(key, value) => store.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key)),
                    Change::Delete(key) => store.delete(&JsValue::from_str(key)),
                };
                if let Err(error) = issued {
                    let _ = transaction.abort();
                    return Err(describe(&error));
                }
            }
            // Listened to only once every change is issued (a refused one aborts with nothing to wait for); the
            // transaction cannot end before this task does.
            let done = Promise::new(&mut |resolve, reject| {
                transaction.set_oncomplete(Some(&resolve));
                transaction.set_onabort(Some(&reject));
            });
            Ok((transaction, done, guarded))
        });
        async move {
            let (transaction, done, guarded) = started?;
            if let Some((guard, read, answered, store)) = guarded {
                // Resumed while the read's success event is dispatched: the transaction still takes requests.
                if JsFuture::from(answered).await.is_ok() {
                    let found = read.result().unwrap_or(JsValue::UNDEFINED);
                    let expected = guard.expected.as_deref().map_or(JsValue::UNDEFINED, JsValue::from_str);
                    // Compared as JavaScript strings: only a record another tab wrote is copied into the Wasm.
                    if found != expected {
                        if let Some(text) = found.as_string() {
                            if (guard.unreadable)(&guard.key, &text) {
                                let kept = store.put_with_key(&found, &JsValue::from_str(&guard.aside));
                                if let Err(error) = kept {
                                    let _ = transaction.abort();
                                    return Err(describe(&error));
                                }
                                *guard.kept.borrow_mut() = Some(text);
                            }
                        }
                    }
                }
            }
            JsFuture::from(done).await.map(|_| ()).map_err(|_| {
                transaction
                    .error()
                    .map_or_else(|| "the browser gave up writing".to_string(), |e| describe_name(&e.name()))
            })
        }
    }
}
