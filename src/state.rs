//! The app's state and its one reducer. Pure: no DOM, no clock; tested natively below.

use std::collections::BTreeSet;
use std::rc::Rc;

use sidenote_annotate::{accept_text, Document};
use sidenote_extract::{extract, EntityKind, Extraction};
use yew::Reducible;

use crate::sample::{SAMPLE_TEXT, SAMPLE_TITLE};

/// An open article and what the extractor found in it.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenDocument {
    /// The article.
    pub document: Document,
    /// The extractor's suggestions for it.
    pub extraction: Extraction,
}

impl OpenDocument {
    /// Opens `text` and runs the extractor on it.
    pub fn open(title: String, text: String) -> Self {
        let extraction = extract(&text);
        OpenDocument { document: Document::new(title, text), extraction }
    }
}

/// Whether a message reports a problem or just informs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeLevel {
    /// Something the user asked for did not happen.
    Error,
    /// Something happened that the user should know.
    Info,
}

/// A message shown above the article until dismissed or replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// How serious it is.
    pub level: NoticeLevel,
    /// The sentence shown.
    pub text: String,
}

/// What can be highlighted, for the legend and its filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    /// Entity mentions of one kind.
    Entity(EntityKind),
    /// Direct quotations.
    Quote,
}

/// Everything the app shows.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The open article; there is always one (the sample at first).
    pub open: Rc<OpenDocument>,
    /// The current message, if any.
    pub notice: Option<Notice>,
    /// Layers the user switched off in the legend.
    pub hidden_layers: BTreeSet<Layer>,
    /// Whether page clutter (text outside the article body) is collapsed.
    pub hide_clutter: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            open: Rc::new(OpenDocument::open(SAMPLE_TITLE.to_string(), SAMPLE_TEXT.to_string())),
            notice: None,
            hidden_layers: BTreeSet::new(),
            hide_clutter: false,
        }
    }
}

/// Everything that can change the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Open raw bytes (a file's content or a paste) as a new article, if they are acceptable text.
    OpenBytes {
        /// A title: the file name, or empty to take the text's first line.
        title: String,
        /// The raw content.
        bytes: Vec<u8>,
    },
    /// Refuse an input before reading it (a file too large to read), with the same message as after.
    RefuseInput(sidenote_annotate::InputError),
    /// Reopen the built-in sample.
    OpenSample,
    /// Show a message (from a service that failed, e.g. a file that could not be read).
    Notify(Notice),
    /// Hide the message.
    DismissNotice,
    /// Show or hide one kind of highlight.
    ToggleLayer(Layer),
    /// Collapse or show the page clutter around the article.
    ToggleClutter,
}

impl State {
    /// The pure transition function behind [`Reducible::reduce`].
    pub fn apply(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::OpenBytes { title, bytes } => match accept_text(&bytes) {
                Ok(text) => {
                    let title = if title.trim().is_empty() { Document::title_from_text(&text) } else { title };
                    next.notice = Some(Notice { level: NoticeLevel::Info, text: format!("Opened “{title}”.") });
                    next.open = Rc::new(OpenDocument::open(title, text));
                }
                Err(error) => next.notice = Some(refusal(&error)),
            },
            Action::RefuseInput(error) => next.notice = Some(refusal(&error)),
            Action::OpenSample => {
                next.open = Rc::new(OpenDocument::open(SAMPLE_TITLE.to_string(), SAMPLE_TEXT.to_string()));
                next.notice = None;
            }
            Action::Notify(notice) => next.notice = Some(notice),
            Action::DismissNotice => next.notice = None,
            Action::ToggleLayer(layer) => {
                if !next.hidden_layers.remove(&layer) {
                    next.hidden_layers.insert(layer);
                }
            }
            Action::ToggleClutter => next.hide_clutter = !next.hide_clutter,
        }
        next
    }
}

/// The message for refused input. The open document stays as it is: refused input never costs anything.
fn refusal(error: &sidenote_annotate::InputError) -> Notice {
    Notice { level: NoticeLevel::Error, text: format!("{error}. The article you had open is unchanged.") }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_on_the_sample_with_its_highlights() {
        let state = State::default();
        let text = &state.open.document.text;
        let names: Vec<&str> = state.open.extraction.entities.iter().map(|e| e.span.slice(text)).collect();
        for expected in ["Sergei Lavrov", "Moscow", "Washington", "TASS", "Interfax", "RFE/RL", "November 8"] {
            assert!(names.contains(&expected), "{expected} missing from {names:?}");
        }
    }

    #[test]
    fn a_good_paste_replaces_the_document() {
        let state = State::default()
            .apply(Action::OpenBytes { title: String::new(), bytes: b"Angela Merkel visited Paris.".to_vec() });
        assert_eq!(state.open.document.title, "Angela Merkel visited Paris.");
        assert_eq!(state.notice.as_ref().map(|n| n.level), Some(NoticeLevel::Info));
    }

    #[test]
    fn bad_input_keeps_the_open_document_and_says_why() {
        let before = State::default();
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (Vec::new(), "empty"),
            (b"\x89PNG\r\n\x1a\n\0\0".to_vec(), "not text"),
            (vec![b'x'; 20 * 1024 * 1024], "20.0 MB"),
        ];
        for (bytes, words) in cases {
            let after = before.apply(Action::OpenBytes { title: "bad".into(), bytes });
            assert!(Rc::ptr_eq(&after.open, &before.open), "document replaced by bad input");
            let notice = after.notice.expect("a message");
            assert_eq!(notice.level, NoticeLevel::Error);
            assert!(notice.text.contains(words) && notice.text.contains("unchanged"), "{}", notice.text);
        }
    }

    #[test]
    fn layers_and_clutter_toggle() {
        let state = State::default().apply(Action::ToggleLayer(Layer::Quote)).apply(Action::ToggleClutter);
        assert!(state.hidden_layers.contains(&Layer::Quote) && state.hide_clutter);
        let state = state.apply(Action::ToggleLayer(Layer::Quote));
        assert!(state.hidden_layers.is_empty());
    }
}
