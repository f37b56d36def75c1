//! Capturing any page with the bookmarklet: Sidenote, opened (or focused) by the bookmarklet, says it is
//! ready to its opener, and accepts one message from that opener with the page's HTML, URL and title.
//!
//! Both sides check origins: the bookmarklet sends only to Sidenote's origin once Sidenote (that window,
//! from that origin) said it is ready; Sidenote accepts only messages whose source is its own opener and
//! whose fields are strings of sane size. Sidenote fetches nothing: the page comes in the message.

use gloo::events::EventListener;
use sidenote_annotate::{InputError, MAX_TEXT_BYTES};
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

use crate::state::Action;

/// The window name the bookmarklet opens Sidenote under, so that a second capture reuses the same tab.
const WINDOW_NAME: &str = "sidenote";

/// The longest URL or title accepted with a capture, in UTF-16 units; longer ones are not a real page's.
const MAX_FIELD_LENGTH: u32 = 8 * 1024;

/// The bookmarklet's code (a `javascript:` URL) for the Sidenote served at `app_url` from `app_origin`.
pub fn bookmarklet(app_url: &str, app_origin: &str) -> String {
    // Quoted as JSON, which is valid JavaScript: the addresses are data, never code.
    let url = serde_json::to_string(app_url).unwrap_or_default();
    let origin = serde_json::to_string(app_origin).unwrap_or_default();
    let name = serde_json::to_string(WINDOW_NAME).unwrap_or_default();
    let code = format!(
        "(()=>{{const U={url},O={origin};const w=window.open(U,{name});\
if(!w){{alert('Sidenote could not open: allow pop-ups for this page.');return;}}\
const m={{type:'sidenote-capture',html:document.documentElement.outerHTML,url:location.href,title:document.title}};\
const f=(e)=>{{if(e.origin===O&&e.source===w&&e.data&&e.data.type==='sidenote-ready'){{\
removeEventListener('message',f);w.postMessage(m,O);}}}};addEventListener('message',f);}})();"
    );
    // Percent-encoded so that the browser's bookmark keeps it intact (spaces, quotes, `%` in the code).
    format!("javascript:{}", percent_encode(&code))
}

/// Percent-encodes every byte but the characters `encodeURIComponent` leaves as they are.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The address and origin of this Sidenote.
pub fn this_app() -> (String, String) {
    let origin = gloo::utils::window().location().origin().unwrap_or_default();
    (crate::services::share::app_base(), origin)
}

/// A string field of a capture message, if it is a string of at most `limit` UTF-16 units.
fn string_field(data: &JsValue, name: &str, limit: u32) -> Option<Result<String, u32>> {
    let value = js_sys::Reflect::get(data, &name.into()).ok()?;
    let string = value.dyn_ref::<js_sys::JsString>()?;
    // Measured before converting, so that an oversized page is never copied into Wasm memory.
    if string.length() > limit {
        return Some(Err(string.length()));
    }
    Some(Ok(String::from(string)))
}

/// Tells the opener (the bookmarklet's page) that Sidenote is ready, and opens the one capture it sends.
/// Nothing happens when Sidenote was not opened by another window.
pub fn accept_captures(dispatch: Callback<Action>) -> Option<EventListener> {
    let window = gloo::utils::window();
    let opener = window.opener().ok().filter(|o| !o.is_null() && !o.is_undefined())?;
    let listener = EventListener::new(&window, "message", {
        let opener = opener.clone();
        move |event| {
            let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else { return };
            // Only the window that opened Sidenote may hand it a page; any other sender is ignored.
            let from_opener = event.source().is_some_and(|source| JsValue::from(source) == opener);
            let data = event.data();
            let is_capture = js_sys::Reflect::get(&data, &"type".into()).ok().and_then(|t| t.as_string())
                == Some("sidenote-capture".to_string());
            if !from_opener || !is_capture {
                return;
            }
            let limit = u32::try_from(MAX_TEXT_BYTES).unwrap_or(u32::MAX);
            let html = match string_field(&data, "html", limit) {
                Some(Ok(html)) => html,
                Some(Err(units)) => {
                    let bytes = usize::try_from(units).unwrap_or(usize::MAX);
                    dispatch.emit(Action::RefuseInput(InputError::TooLarge { bytes }));
                    return;
                }
                None => return,
            };
            let text_field = |name| match string_field(&data, name, MAX_FIELD_LENGTH) {
                Some(Ok(value)) => value,
                _ => String::new(),
            };
            dispatch.emit(Action::Capture { html, url: text_field("url"), title: text_field("title") });
        }
    });
    // Any origin may read "ready": it carries nothing; the page itself is accepted from the opener only.
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &"type".into(), &"sidenote-ready".into());
    let opener: web_sys::Window = opener.unchecked_into();
    // A closed opener cannot be told; the app works as if opened directly.
    let _ = opener.post_message(&ready, "*");
    Some(listener)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn percent_decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            if bytes[at] == b'%' {
                out.push(u8::from_str_radix(&text[at + 1..at + 3], 16).expect("two hex digits"));
                at += 3;
            } else {
                out.push(bytes[at]);
                at += 1;
            }
        }
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn the_bookmarklet_sends_the_page_only_to_sidenote_once_it_is_ready() {
        let link = bookmarklet("http://127.0.0.1:8080/app/?x=\"y\"", "http://127.0.0.1:8080");
        let code = percent_decode(link.strip_prefix("javascript:").expect("a javascript: URL"));
        assert!(!link.contains(' ') && !link.contains('"'), "{link}");
        // The addresses are JSON strings: a quote in them cannot end the string and become code.
        assert!(code.contains(r#"const U="http://127.0.0.1:8080/app/?x=\"y\"",O="http://127.0.0.1:8080""#), "{code}");
        assert!(code.contains("window.open(U,\"sidenote\")"), "{code}");
        assert!(code.contains("e.origin===O&&e.source===w") && code.contains("w.postMessage(m,O)"), "{code}");
        assert!(code.contains("document.documentElement.outerHTML") && code.contains("location.href"), "{code}");
    }
}
