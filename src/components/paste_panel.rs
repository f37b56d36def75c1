//! The panel where a user pastes an article's text.

use std::cell::RefCell;
use std::rc::Rc;

use sidenote_annotate::megabytes;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::reform_fn;
use crate::hooks::use_effect_on;

/// A paste longer than this is held by the panel instead of going into the text area. A browser lays out
/// and paints every line of a text area: a few MB there freeze the page for seconds when pasted, again when
/// focus moves, and again when the panel closes. A long article (~100 KB) still goes into the area.
const LONG_PASTE_BYTES: usize = 256 * 1024;

/// What [`paste_panel`] shows and whom it calls.
pub struct PastePanelProps {
    /// The panel's state ([`use_paste_panel`], the App's).
    pub state: PasteState,
    /// Called with the pasted text, and the HTML the clipboard carried with it (if the text is unchanged
    /// since the paste), when the user opens it.
    pub onopen: Callback<(String, Option<String>)>,
    /// Called when the user closes the panel without opening anything.
    pub oncancel: Callback<()>,
}

/// A long paste held by the panel: its text and the clipboard's HTML, if any.
#[derive(PartialEq)]
pub struct LongPaste {
    text: String,
    html: Option<String>,
}

/// The panel's state, kept by the App while the panel is open and cleared when it closes (a panel opened
/// again starts empty).
#[derive(Clone)]
pub struct PasteState {
    /// The text area.
    area: NodeRef,
    /// A long paste held instead of shown.
    long: UseStateHandle<Option<Rc<LongPaste>>>,
    /// The clipboard's HTML and the plain text pasted with it: HTML is used only while the text is unchanged.
    pasted: Rc<RefCell<Option<(String, String)>>>,
}

/// The panel's state for the App, given whether the panel is `open`: when it opens, typing starts in the
/// text area (keyboard users are not left behind it); when it closes, what it held is dropped.
#[hook]
pub fn use_paste_panel(open: bool) -> PasteState {
    let area = use_node_ref();
    let long = use_state(|| None::<Rc<LongPaste>>);
    let pasted = use_mut_ref(|| None::<(String, String)>);
    {
        let (area, long, pasted) = (area.clone(), long.clone(), pasted.clone());
        use_effect_on(open, move |&open| {
            if open {
                if let Some(area) = area.cast::<web_sys::HtmlElement>() {
                    let _ = area.focus();
                }
            } else {
                *pasted.borrow_mut() = None;
                if long.is_some() {
                    long.set(None);
                }
            }
        });
    }
    PasteState { area, long, pasted }
}

/// A text area and an "Open" button. The text is only read when the user presses Open. A long paste is
/// held aside and summarised instead of shown (see [`LONG_PASTE_BYTES`]). Escape cancels, as Cancel does.
///
/// A plain function, not a Yew component: a component costs ~1.5 KB of Wasm of its own (mounting, props
/// comparison), and its state is the App's ([`use_paste_panel`]).
pub fn paste_panel(props: &PastePanelProps) -> Html {
    let PasteState { area, long, pasted } = props.state.clone();
    let onpaste = {
        let pasted = pasted.clone();
        let long = long.clone();
        Callback::from(move |event: Event| {
            let Some(clipboard) = event.dyn_ref::<web_sys::ClipboardEvent>() else { return };
            let Some(data) = clipboard.clipboard_data() else { return };
            let html = data.get_data("text/html").unwrap_or_default();
            let plain = data.get_data("text/plain").unwrap_or_default();
            let html = (!html.trim().is_empty()).then_some(html);
            if plain.len() > LONG_PASTE_BYTES {
                event.prevent_default();
                *pasted.borrow_mut() = None;
                long.set(Some(Rc::new(LongPaste { text: plain, html })));
            } else {
                *pasted.borrow_mut() = html.map(|html| (html, plain));
            }
        })
    };
    let onopen = {
        let area = area.clone();
        let long = long.clone();
        props.onopen.reform(move |_: MouseEvent| {
            if let Some(held) = long.as_ref() {
                return (held.text.clone(), held.html.clone());
            }
            let text = area.cast::<HtmlTextAreaElement>().map(|a| a.value()).unwrap_or_default();
            let html = pasted
                .borrow()
                .as_ref()
                .filter(|(_, plain)| same_text_as_typed(plain, &text))
                .map(|(html, _)| html.clone());
            (text, html)
        })
    };
    let ondiscard = {
        let long = long.clone();
        Callback::from(move |_: MouseEvent| long.set(None))
    };
    let onkeydown = super::close_on_escape(props.oncancel.clone());
    let oncancel = reform_fn(&props.oncancel, |_: MouseEvent| ());
    let held = long.as_ref().map(|held| {
        html! {
            <div class="long-paste" data-testid="long-paste" role="status">
                <p>{ long_paste_summary(&held.text) }</p>
                <button data-testid="long-paste-discard" onclick={ondiscard}>{ "Paste something else" }</button>
            </div>
        }
    });
    html! {
        <section class="paste-panel" aria-label="Paste an article" {onkeydown}>
            <label for="paste-area">{ "Paste the article's text (a whole page is fine: Sidenote finds the article in it)" }</label>
            { for held }
            <textarea id="paste-area" ref={area} data-testid="paste-area" rows="10" spellcheck="false"
                hidden={long.is_some()} {onpaste} />
            <div class="paste-actions">
                <button class="primary" data-testid="paste-open" onclick={onopen}>{ "Open pasted text" }</button>
                <button onclick={oncancel}>{ "Cancel" }</button>
            </div>
        </section>
    }
}

/// What the panel says of a long paste: its size, its lines and how it starts, so the user knows what
/// Open will open without the browser showing all of it.
fn long_paste_summary(text: &str) -> String {
    // Lines as the opened text will have them: `\r\n`, `\n` and a lone `\r` each end one.
    let breaks = text.bytes().filter(|&b| b == b'\n').count() + text.bytes().filter(|&b| b == b'\r').count()
        - text.matches("\r\n").count();
    let lines = breaks + usize::from(!text.ends_with(['\n', '\r']));
    let start: String = text.split_whitespace().take(12).collect::<Vec<_>>().join(" ");
    let start: String = start.chars().take(80).collect();
    format!(
        "Pasted {} of text, {} {}, starting “{start}…”. It is held here, not shown: press Open to open it.",
        megabytes(text.len()),
        grouped(lines),
        if lines == 1 { "line" } else { "lines" }
    )
}

/// A count with thousands separated by commas: 180,000.
fn grouped(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Whether the clipboard's plain text is what the text area shows: the area turns every line end into `\n`
/// (Windows programs copy `\r\n`), and white space at the ends does not count.
fn same_text_as_typed(clipboard: &str, area: &str) -> bool {
    let lines = |text: &str| text.trim().replace("\r\n", "\n").replace('\r', "\n");
    lines(clipboard) == lines(area)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_paste_is_summarised_by_size_lines_and_first_words() {
        let text = "Breaking News\n\nLavrov: U.S. Has 'No Proof'\n".repeat(60_000);
        let summary = long_paste_summary(&text);
        assert!(
            summary.starts_with("Pasted 2.5 MB of text, 180,000 lines, starting “Breaking News Lavrov:"),
            "{summary}"
        );
        assert_eq!(long_paste_summary("one 🙂 line"), "Pasted 0.0 MB of text, 1 line, starting “one 🙂 line…”. It is held here, not shown: press Open to open it.");
        // Line ends of every kind, as `accept_text` normalises them.
        for (text, lines) in
            [("a\rb\rc", "3 lines"), ("a\r\nb\r\n", "2 lines"), ("a\nb\n\nc", "4 lines"), ("a\r", "1 line")]
        {
            assert!(long_paste_summary(text).contains(lines), "{text:?}");
        }
        let table = [(0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (180_000, "180,000"), (1_234_567, "1,234,567")];
        for (count, shown) in table {
            assert_eq!(grouped(count), shown);
        }
    }

    #[test]
    fn the_clipboard_text_matches_the_area_whatever_its_line_ends() {
        assert!(same_text_as_typed("A title\r\n\r\nA paragraph.\r\n", "A title\n\nA paragraph."));
        assert!(same_text_as_typed("Old Mac\rlines", "Old Mac\nlines"));
        assert!(!same_text_as_typed("A title\r\nA paragraph.", "A title\nAn edited paragraph."));
    }
}
