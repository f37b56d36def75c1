//! Two tabs, one document. After every saved change a tab tells the others (a `BroadcastChannel`, same origin
//! only) which document changed and its annotations, as the record it stored (`records::write_annotations`, so
//! a tab of an older version refuses a newer format as it refuses it from storage), sent as an array of the two
//! strings: a structured clone of the record, not the record escaped into one more JSON text (a tab of the
//! version before, which sent and reads that JSON text, still reaches this one; it ignores this one's messages
//! and finds its changes in storage on its next save or open, as without a channel); a tab with that document open
//! merges them (`Action::MergeFromOtherTab`, `sidenote_annotate::merge`) and its save effect saves the merge.
//! Storage itself is merged before every write (`services::storage`), so a message that arrives late, or a
//! browser without `BroadcastChannel` (then each tab works alone), never loses what another tab saved.
//!
//! Each tab has a random replica tag (the core has no randomness: the tag is passed in), which goes into the
//! identifiers and revisions it makes.
//!
//! Test only: with `?test-tabs` in the page URL, the window events `sidenote-test-hold-tabs` and
//! `sidenote-test-release-tabs` hold what other tabs send, then take it all in, so that an end-to-end test makes
//! two tabs change a note before either has heard of the other's change, whatever the machine's load
//! (`e2e/tests/two-tabs.test.mjs`).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

use crate::records;
use crate::state::Action;

/// The channel every Sidenote tab of this origin joins.
const CHANNEL: &str = "sidenote.v1.tabs";

/// This tab's membership of the channel; leaving it (dropping) closes the channel.
pub struct Tabs {
    channel: web_sys::BroadcastChannel,
    _listener: EventListener,
    /// The test-only hold and release listeners (none without `?test-tabs`).
    _test_listeners: Vec<EventListener>,
}

/// Test only: whether what other tabs send is held, and what was held.
#[derive(Default)]
struct Held {
    holding: bool,
    actions: Vec<Action>,
}

/// A random tag for this tab: 8 base-36 characters (about 41 bits; a handful of tabs never draw the same).
pub fn replica_tag() -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut n = (js_sys::Math::random() * 36f64.powi(8)) as u64;
    (0..8)
        .map(|_| {
            let digit = DIGITS[(n % 36) as usize] as char;
            n /= 36;
            digit
        })
        .collect()
}

/// Whether the page URL has `?test-tabs`.
fn testing() -> bool {
    let query = gloo::utils::window().location().search().unwrap_or_default();
    query.trim_start_matches('?').split('&').any(|flag| flag == "test-tabs")
}

/// Test only: the window events that hold and release what other tabs send.
fn test_listeners(held: &Rc<RefCell<Held>>, dispatch: &Callback<Action>) -> Vec<EventListener> {
    let window = gloo::utils::window();
    let hold = EventListener::new(&window, "sidenote-test-hold-tabs", {
        let held = held.clone();
        move |_| held.borrow_mut().holding = true
    });
    let release = EventListener::new(&window, "sidenote-test-release-tabs", {
        let (held, dispatch) = (held.clone(), dispatch.clone());
        move |_| {
            let actions = {
                let mut held = held.borrow_mut();
                held.holding = false;
                std::mem::take(&mut held.actions)
            };
            actions.into_iter().for_each(|action| dispatch.emit(action));
        }
    });
    vec![hold, release]
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("Sidenote (tabs): {message}")));
}

impl Tabs {
    /// Joins the channel: what other tabs send is dispatched as [`Action::MergeFromOtherTab`] (the reducer
    /// ignores other documents). `None` when the browser has no `BroadcastChannel`.
    pub fn join(dispatch: Callback<Action>) -> Option<Tabs> {
        let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
        let held = Rc::new(RefCell::new(Held::default()));
        let test_listeners = if testing() { test_listeners(&held, &dispatch) } else { Vec::new() };
        let listener = EventListener::new(&channel, "message", move |event| {
            let Some(data) = event.dyn_ref::<web_sys::MessageEvent>().map(|m| m.data()) else {
                return;
            };
            let action = match read_message(&data) {
                Some(Message::Saved { urn, record }) => match records::read_annotations(&record) {
                    Ok(record) => Action::MergeFromOtherTab { urn, annotations: record.annotations },
                    Err(why) => return warn(&format!("another tab's notes could not be read ({why}); ignored")),
                },
                Some(Message::Deleted { urn }) => Action::DeletedElsewhere { urn },
                None => return warn("a message from another tab could not be read; ignored"),
            };
            let mut held = held.borrow_mut();
            if held.holding {
                held.actions.push(action);
            } else {
                drop(held);
                dispatch.emit(action);
            }
        });
        Some(Tabs { channel, _listener: listener, _test_listeners: test_listeners })
    }

    /// Tells the other tabs that a document was deleted: one that has it open saves it again.
    pub fn announce_deleted(&self, urn: &str) {
        let message = js_sys::Array::of1(&JsValue::from_str(urn));
        if self.channel.post_message(&message).is_err() {
            warn("the other tabs could not be told of a deletion");
        }
    }

    /// Tells the other tabs that a document's annotations were saved. A message that cannot be sent is only
    /// logged: storage holds the change, and the other tabs merge it when they next save or open the document.
    pub fn announce(&self, urn: &str, record: String) {
        let sent = post(&self.channel, urn, record);
        if let Err(why) = sent {
            warn(&format!("the other tabs could not be told of a change ({why})"));
        }
    }
}

fn post(channel: &web_sys::BroadcastChannel, urn: &str, record: String) -> Result<(), String> {
    let message = js_sys::Array::of2(&JsValue::from_str(urn), &JsValue::from_str(&record));
    channel.post_message(&message).map_err(|_| "refused".to_string())
}

/// What another tab says.
#[derive(Debug, PartialEq, Eq)]
pub enum Message {
    /// It saved a document's annotations: the record it wrote.
    Saved { urn: String, record: String },
    /// It deleted a document.
    Deleted { urn: String },
}

/// A message as this version sends it (an array of the URN and the record, or of the URN alone for a
/// deletion), or as the version before sent a save (one JSON text, `records::read_tab_message`); `None` for
/// anything else.
pub fn read_message(data: &JsValue) -> Option<Message> {
    let Some(parts) = data.dyn_ref::<js_sys::Array>() else {
        let (urn, record) = records::read_tab_message(&data.as_string()?)?;
        return Some(Message::Saved { urn, record });
    };
    let urn = parts.get(0).as_string()?;
    match parts.length() {
        1 => Some(Message::Deleted { urn }),
        2 => Some(Message::Saved { urn, record: parts.get(1).as_string()? }),
        _ => None,
    }
}

/// Tells the tabs open now that storage holds a document's annotations record that none of them wrote (the
/// write-ahead journal's recovery at start-up, `services::storage`). A tab with the document open merges it and
/// saves the merge; without this its next save, which merges only with what it wrote itself, would write over
/// the recovered changes. Sent before this tab joins the channel (a tab does not hear itself anyway).
pub fn announce_record(urn: &str, record: &str) {
    let sent = web_sys::BroadcastChannel::new(CHANNEL).map_err(|_| "no channel".to_string()).and_then(|channel| {
        let sent = post(&channel, urn, record.to_string());
        channel.close();
        sent
    });
    if let Err(why) = sent {
        warn(&format!("the other tabs could not be told of recovered changes ({why})"));
    }
}

impl Drop for Tabs {
    fn drop(&mut self) {
        self.channel.close();
    }
}
