//! Two tabs, one document. After every saved change a tab tells the others (a `BroadcastChannel`, same origin
//! only) which document changed and its annotations, as the stored record (`records::write_annotations`, so a
//! tab of an older version refuses a newer format as it refuses it from storage); a tab with that document open
//! merges them (`Action::MergeFromOtherTab`, `sidenote_annotate::merge`) and its save effect saves the merge.
//! Storage itself is merged before every write (`services::storage`), so a message that arrives late, or a
//! browser without `BroadcastChannel` (then each tab works alone), never loses what another tab saved.
//!
//! Each tab has a random replica tag (the core has no randomness: the tag is passed in), which goes into the
//! identifiers and revisions it makes.
//!
//! Test-only delay: with `?test-tabs-delay=MS` in the page URL, what other tabs send is taken in MS
//! milliseconds late, so that an end-to-end test can make two tabs change a note before either has heard of
//! the other's change (`e2e/tests/two-tabs.test.mjs`).

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use serde::{Deserialize, Serialize};
use sidenote_annotate::model::Annotations;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

use crate::records;
use crate::state::Action;

/// The channel every Sidenote tab of this origin joins.
const CHANNEL: &str = "sidenote.v1.tabs";

/// What a tab sends after a saved change.
#[derive(Serialize, Deserialize)]
struct Message {
    /// The document's content URN.
    urn: String,
    /// Its annotations, as an annotations record.
    record: String,
}

/// This tab's membership of the channel; leaving it (dropping) closes the channel.
pub struct Tabs {
    channel: web_sys::BroadcastChannel,
    _listener: EventListener,
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

/// The delay asked for by `?test-tabs-delay=MS`, if any.
fn test_delay() -> Option<u32> {
    let query = gloo::utils::window().location().search().ok()?;
    query.trim_start_matches('?').split('&').find_map(|flag| flag.strip_prefix("test-tabs-delay=")?.parse().ok())
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("Sidenote (tabs): {message}")));
}

impl Tabs {
    /// Joins the channel: what other tabs send is dispatched as [`Action::MergeFromOtherTab`] (the reducer
    /// ignores other documents). `None` when the browser has no `BroadcastChannel`.
    pub fn join(dispatch: Callback<Action>) -> Option<Tabs> {
        let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
        let delay = test_delay();
        let listener = EventListener::new(&channel, "message", move |event| {
            let Some(data) = event.dyn_ref::<web_sys::MessageEvent>().and_then(|m| m.data().as_string()) else {
                return;
            };
            let Ok(message) = serde_json::from_str::<Message>(&data) else {
                return warn("a message from another tab could not be read; ignored");
            };
            let annotations = match records::read_annotations(&message.record) {
                Ok(record) => record.annotations,
                Err(why) => return warn(&format!("another tab's notes could not be read ({why}); ignored")),
            };
            let action = Action::MergeFromOtherTab { urn: message.urn, annotations };
            match delay {
                Some(ms) => {
                    let dispatch = dispatch.clone();
                    // Test only: the timeout lives until it fires.
                    let _ = Timeout::new(ms, move || dispatch.emit(action)).forget();
                }
                None => dispatch.emit(action),
            }
        });
        Some(Tabs { channel, _listener: listener })
    }

    /// Tells the other tabs that a document's annotations were saved. A message that cannot be sent is only
    /// logged: storage holds the change, and the other tabs merge it when they next save or open the document.
    pub fn announce(&self, urn: &str, annotations: &Annotations) {
        let sent = records::write_annotations(annotations, "")
            .and_then(|record| {
                serde_json::to_string(&Message { urn: urn.to_string(), record }).map_err(|e| e.to_string())
            })
            .and_then(|json| self.channel.post_message(&JsValue::from_str(&json)).map_err(|_| "refused".to_string()));
        if let Err(why) = sent {
            warn(&format!("the other tabs could not be told of a change ({why})"));
        }
    }
}

impl Drop for Tabs {
    fn drop(&mut self) {
        self.channel.close();
    }
}
