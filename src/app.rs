//! The root component: owns the state, lays out the page, and wires services to actions.

use gloo::events::EventListener;
use sidenote_annotate::model::{Decision, ReviewScope};
use sidenote_annotate::w3c;
use sidenote_extract::EntityKind;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::article_view::ArticleView;
use crate::components::extraction_progress::ExtractionProgress;
use crate::components::legend::Legend;
use crate::components::notice_bar::NoticeBar;
use crate::components::paste_panel::PastePanel;
use crate::components::selection_bar::{kind_key, SelectionBar};
use crate::components::side_panel::SidePanel;
use crate::components::toolbar::Toolbar;
use crate::services;
use crate::state::{Action, ExtractionProgress as Progress, Notice, OpenDocument, State};

/// A file name from the title, safe for file systems.
fn file_stem(title: &str) -> String {
    let safe: String = title.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).take(60).collect();
    safe.trim_matches('-').to_string()
}

/// The state the app starts in: the document open at the end of the last visit, else the sample.
fn initial_state() -> State {
    match services::storage::load_last() {
        Some((title, text, hints, annotations)) => {
            State::with_document(OpenDocument::open_with_hints(title, text, hints), annotations)
        }
        None => State::default(),
    }
}

/// Whether a key event comes from a text field (where letters are typing, not shortcuts).
fn typing_in_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let pasting = use_state(|| false);
    let writing = use_state(|| false);
    let dispatch: Callback<Action> = {
        let state = state.clone();
        Callback::from(move |action| state.dispatch(action))
    };

    // The extractor runs in a worker, started at once so that it loads while the text renders; each opened
    // document (the last one at start-up too) is sent to it, and highlights follow when it answers.
    let extractor = use_memo((), {
        let dispatch = dispatch.clone();
        move |_| services::extractor::Extractor::spawn(dispatch)
    });
    {
        let open = state.open.clone();
        use_effect_with(open.pending_extraction(), move |pending| {
            if let Some(request) = *pending {
                extractor.extract(request, open.text(), &open.hints);
            }
        });
    }

    // The benchmark script measures time to first highlight from this mark.
    use_effect_with(state.open.progress == Progress::Done, |done| {
        if *done {
            services::timing::mark_first_highlight();
        }
    });

    // Every change is saved at once; a failure is reported once and the app keeps working in memory.
    // The text is written when a document is opened, the annotations after every change.
    {
        let dispatch = dispatch.clone();
        let open = state.open.clone();
        use_effect_with(open.serial, move |_| {
            if let Err(reason) =
                services::storage::save_document(&open.urn, &open.document.title, open.text(), &open.hints)
            {
                dispatch.emit(Action::StorageFailed(reason));
            }
        });
    }
    {
        let dispatch = dispatch.clone();
        let open = state.open.clone();
        let annotations = state.annotations.clone();
        let key = (open.serial, std::rc::Rc::as_ptr(&annotations) as usize);
        use_effect_with(key, move |_| {
            match services::storage::save_annotations(&open.urn, &open.document.title, &annotations) {
                Ok(()) => dispatch.emit(Action::LibraryLoaded(services::storage::library())),
                Err(reason) => dispatch.emit(Action::StorageFailed(reason)),
            }
        });
    }

    // Keyboard shortcuts: undo/redo everywhere; N and P/O/L/D/M act on the selection.
    {
        let dispatch = dispatch.clone();
        let selection = state.selection;
        let writing = writing.clone();
        use_effect_with(selection, move |selection| {
            let selection = *selection;
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                let key = event.key().to_lowercase();
                let command = event.ctrl_key() || event.meta_key();
                if command && key == "z" && !typing_in_field(event) {
                    event.prevent_default();
                    dispatch.emit(if event.shift_key() { Action::Redo } else { Action::Undo });
                    return;
                }
                if command && key == "y" && !typing_in_field(event) {
                    event.prevent_default();
                    dispatch.emit(Action::Redo);
                    return;
                }
                if command || event.alt_key() || typing_in_field(event) {
                    return;
                }
                let Some(span) = selection else { return };
                if key == "n" {
                    event.prevent_default();
                    writing.set(true);
                } else if key == "escape" {
                    dispatch.emit(Action::Select(None));
                } else if let Some(kind) = EntityKind::ALL.into_iter().find(|k| kind_key(*k) == key) {
                    event.prevent_default();
                    services::selection::clear();
                    dispatch.emit(Action::AddEntity { span, kind });
                }
            });
            move || drop(listener)
        });
    }

    let onpaste = {
        let pasting = pasting.clone();
        Callback::from(move |_| pasting.set(true))
    };
    let onpasteopen = {
        let pasting = pasting.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |(text, html): (String, Option<String>)| {
            dispatch.emit(match html {
                Some(html) => Action::OpenHtml { title: String::new(), bytes: html.into_bytes() },
                None => Action::OpenBytes { title: String::new(), bytes: text.into_bytes() },
            });
            pasting.set(false);
        })
    };
    let onpastecancel = {
        let pasting = pasting.clone();
        Callback::from(move |_| pasting.set(false))
    };
    let onfile = {
        let dispatch = dispatch.clone();
        Callback::from(move |file: web_sys::File| services::files::open_file(file, dispatch.clone()))
    };
    let onimport = {
        let dispatch = dispatch.clone();
        Callback::from(move |file: web_sys::File| services::files::import_file(file, dispatch.clone()))
    };
    let download = {
        let dispatch = dispatch.clone();
        move |name: String, mime: &'static str, contents: String| {
            if let Err(error) = services::download::download(&name, mime, &contents) {
                dispatch.emit(Action::Notify(Notice::error(format!("Export failed: {error}."))));
            }
        }
    };
    let onexport = {
        let state = state.clone();
        let download = download.clone();
        Callback::from(move |_| {
            let open = &state.open;
            let file = w3c::export(&open.document, &open.extraction, &state.annotations);
            let json = serde_json::to_string_pretty(&file).unwrap_or_default();
            download(format!("{}.annotations.json", file_stem(&open.document.title)), "application/ld+json", json);
        })
    };
    let onexportnotes = {
        let state = state.clone();
        Callback::from(move |_| {
            let markdown = w3c::notes_markdown(&state.open.document, &state.annotations);
            download(format!("{}.notes.md", file_stem(&state.open.document.title)), "text/markdown", markdown);
        })
    };
    let onopensaved = {
        let dispatch = dispatch.clone();
        Callback::from(move |urn: String| match services::storage::load(&urn) {
            Some((title, text, hints, annotations)) => {
                dispatch.emit(Action::OpenSaved { title, text, hints, annotations })
            }
            None => dispatch
                .emit(Action::Notify(Notice::error("That document could not be read from this browser's storage."))),
        })
    };
    let ondeletesaved = {
        let dispatch = dispatch.clone();
        Callback::from(move |urn: String| match services::storage::delete(&urn) {
            Ok(()) => dispatch.emit(Action::LibraryLoaded(services::storage::library())),
            Err(reason) => dispatch.emit(Action::StorageFailed(reason)),
        })
    };
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            match services::files::first_file(event.data_transfer().and_then(|d| d.files())) {
                Some(file) => services::files::open_file(file, dispatch.clone()),
                None => dispatch.emit(Action::Notify(Notice::error(
                    "Only files can be dropped here; to open text, use Paste text.",
                ))),
            }
        })
    };

    let selection_bar = state.selection.map(|span| {
        let words = span.slice(state.open.text()).to_string();
        let orphan = state
            .active_note
            .as_ref()
            .and_then(|id| state.annotations.notes.iter().find(|n| &n.id == id))
            .map(|n| (n.id.clone(), n.target.exact.clone()));
        let onnote = {
            let dispatch = dispatch.clone();
            let writing = writing.clone();
            Callback::from(move |(text, tags): (String, Vec<String>)| {
                writing.set(false);
                services::selection::clear();
                dispatch.emit(Action::AddNote { span, text, tags });
            })
        };
        let oncancel = {
            let dispatch = dispatch.clone();
            let writing = writing.clone();
            Callback::from(move |_| {
                if *writing {
                    writing.set(false);
                } else {
                    services::selection::clear();
                    dispatch.emit(Action::Select(None));
                }
            })
        };
        let onwrite = {
            let writing = writing.clone();
            Callback::from(move |_| writing.set(true))
        };
        // A suggestion on exactly these words can be reviewed here; choosing a kind for it retags it.
        let mention = state.open.extraction.entities.iter().find(|e| e.span == span).map(|e| (e.span, e.kind));
        let quote = state.open.extraction.quotes.iter().find(|q| q.span == span).map(|q| q.span);
        let suggestion = mention
            .map(|(span, kind)| ReviewScope::Mention { span, kind })
            .or(quote.map(|span| ReviewScope::Quote { span }));
        let onentity = dispatch.reform(move |kind| match mention {
            Some((span, machine)) => Action::Review { scope: ReviewScope::Mention { span, kind: machine }, decision: Decision::Retag(kind) },
            None => Action::AddEntity { span, kind },
        });
        html! {
            <SelectionBar {span} words={AttrValue::from(words)} writing={*writing} {orphan} {onwrite} {onnote} {oncancel}
                {onentity} {suggestion} onreview={dispatch.reform(|(scope, decision)| Action::Review { scope, decision })}
                onreattach={dispatch.reform(move |id| Action::ReattachNote { id, span })} />
        }
    });

    html! {
        <div class="app" {ondragover} {ondrop} data-testid="app">
            <Toolbar title={AttrValue::from(state.open.document.title.clone())} can_undo={!state.past.is_empty()}
                     can_redo={!state.future.is_empty()} {onpaste} onsample={dispatch.reform(|_| Action::OpenSample)}
                     {onfile} {onimport} {onexport} {onexportnotes}
                     onundo={dispatch.reform(|_| Action::Undo)} onredo={dispatch.reform(|_| Action::Redo)} />
            <NoticeBar notice={state.notice.clone()} ondismiss={dispatch.reform(|_| Action::DismissNotice)} />
            <ExtractionProgress pending={state.open.progress == Progress::Pending} />
            if *pasting {
                <PastePanel onopen={onpasteopen} oncancel={onpastecancel} />
            }
            <main class="workspace">
                <ArticleView open={state.open.clone()} annotations={state.annotations.clone()} hidden={state.hidden_layers.clone()}
                             hide_clutter={state.hide_clutter} selection={state.selection} active_note={state.active_note.clone()}
                             flash={state.flash.clone()} onselect={dispatch.reform(Action::Select)}
                             onfocusnote={dispatch.reform(|id| Action::FocusNote(Some(id)))}
                             onextend={dispatch.reform(|(forward, by_word, from)| Action::ExtendSelection { forward, by_word, from })} />
                <div class="sidebar">
                    { selection_bar.unwrap_or_default() }
                    <SidePanel open={state.open.clone()} annotations={state.annotations.clone()} panel={state.panel}
                               query={AttrValue::from(state.query.clone())} tag={state.tag_filter.clone()} tags={state.all_tags()}
                               active_note={state.active_note.clone()} hidden={state.hidden_layers.clone()}
                               library={state.library.clone()} dispatch={dispatch.clone()} {onopensaved} {ondeletesaved} />
                    <Legend open={state.open.clone()} annotations={state.annotations.clone()} hidden={state.hidden_layers.clone()}
                            hide_clutter={state.hide_clutter} ontoggle={dispatch.reform(Action::ToggleLayer)}
                            ontoggleclutter={dispatch.reform(|_| Action::ToggleClutter)} />
                </div>
            </main>
        </div>
    }
}
