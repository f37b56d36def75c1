//! The root component: owns the state, lays out the page, and wires services to actions.

use gloo::events::{EventListener, EventListenerOptions};
use sidenote_annotate::model::{Decision, ReviewScope};
use sidenote_extract::EntityKind;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::hooks::use_effect_on;

use crate::components::article_text::RENDER_ALL_BELOW;
use crate::components::article_view::{article_view, use_article, ArticleViewProps};
use crate::components::capture_link::capture_link;
use crate::components::earlier_banner::{earlier_banner, EarlierBannerProps};
use crate::components::entities_panel::use_entities_panel;
use crate::components::extraction_progress::{extraction_progress, use_shown_when_slow, ExtractionProgressProps};
use crate::components::import_confirm::{import_confirm, ImportConfirmProps};
use crate::components::legend::{self, legend, LegendProps};
use crate::components::note_editor::NOTE_TEXT;
use crate::components::notice_bar::{notice_bar, NoticeBarProps};
use crate::components::paste_panel::{paste_panel, use_paste_panel, PastePanelProps};
use crate::components::print_notes::print_notes;
use crate::components::reform_fn;
use crate::components::search_box::Found;
use crate::components::selection_bar::{kind_key, selection_bar, SelectionBarProps};
use crate::components::share_panel::{share_panel, SharePanelProps};
use crate::components::shared_banner::{shared_banner, SharedBannerProps};
use crate::components::side_panel::{side_panel, SidePanelProps};
use crate::components::toolbar::{toolbar, ToolbarProps};
use crate::exports::{file_stem, ExportFormat};
use crate::services;
use crate::state::{Action, ExtractionProgress as Progress, Notice, Panel, State};

/// Where the keyboard focus returns when an editor closes, or opened pasted text.
const ARTICLE: &str = "[data-testid=article]";
/// Where the focus returns when the import question goes (Cancel, Escape, "Anchor anyway"): the control that
/// opened the file, as WAI-ARIA's dialog pattern returns it to the invoking element.
const IMPORT_CONTROL: &str = "[data-testid=import-input]";
/// Where the focus returns when the share panel closes (Close, Escape).
const SHARE_BUTTON: &str = "[data-testid=share-button]";

/// The state the app starts in: the sample while storage is read (then the document open at the end of the
/// last visit, unless in safe mode, see [`Action::Started`]).
fn initial_state() -> State {
    State::loading().with_replica(&services::tabs::replica_tag())
}

/// Reads the Library's lists and the storage used again, after a deletion.
fn refresh_library(dispatch: Callback<Action>) {
    wasm_bindgen_futures::spawn_local(async move {
        dispatch.emit(Action::LibraryLoaded(services::storage::library().await));
        dispatch.emit(Action::StorageMeasured(services::storage::usage().await));
    });
}

/// Whether a key event comes from a form field: a text field (`menus`: or a menu too), where letters are typing
/// (or choose an option), not shortcuts. A menu is no text field: undo and redo work in it.
fn typing_in_field(event: &web_sys::KeyboardEvent, menus: bool) -> bool {
    event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|e| {
        let tag = e.tag_name();
        tag == "INPUT" || tag == "TEXTAREA" || (menus && tag == "SELECT")
    })
}

/// After an undo or redo by its button: once the page shows the result, the focus goes to `other` if the step
/// was the last one (its button, disabled, held the focus), not to the page's body.
fn focus_after_step(other: &'static str) {
    wasm_bindgen_futures::spawn_local(async move {
        gloo::timers::future::TimeoutFuture::new(0).await;
        services::dom::focus_if_lost(other);
    });
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let pasting = use_state(|| false);
    // The Library's document whose deletion waits for a second click (deleting cannot be undone).
    let confirming_delete = use_state(|| None::<String>);
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
        let extractor = extractor.clone();
        use_effect_on(open.pending_extraction(), move |pending| {
            if let Some(request) = *pending {
                // In a task of its own: serialising a long text for the worker is work the opening's task
                // (render, saving the text) need not wait for, and one long task freezes the page.
                wasm_bindgen_futures::spawn_local(async move {
                    gloo::timers::future::TimeoutFuture::new(0).await;
                    extractor.extract(request, open.text(), &open.hints);
                });
            }
        });
    }
    // An imported annotation file is read and anchored by the same worker, so a large or hostile file never
    // freezes the page; the answer comes back as `ImportFinished` (or `ImportFailed`) under its request id.
    {
        let open = state.open.clone();
        let job = state.importing.clone();
        let extractor = extractor.clone();
        use_effect_on(job.as_ref().map(|job| job.request), move |_| {
            if let Some(job) = job {
                // After the extraction of a document opened with it ("Open its article"), posted in a task
                // of its own just before: an extraction finding the worker busy replaces it, which would drop
                // this import unanswered.
                wasm_bindgen_futures::spawn_local(async move {
                    gloo::timers::future::TimeoutFuture::new(0).await;
                    extractor.import(job.request, &job.file, job.format, &open.document);
                });
            }
        });
    }
    // Export files are written by the worker too: a long document's W3C file takes seconds to write. Sent
    // once the document's extraction has answered (the file holds the suggestions and the decisions on them),
    // with the annotations of that moment.
    {
        let open = state.open.clone();
        let annotations = state.annotations.clone();
        let ready = state
            .exporting
            .filter(|job| job.serial == open.serial && open.progress != Progress::Pending)
            .map(|job| job.request);
        let job = state.exporting;
        use_effect_on(ready, move |ready| {
            if let (Some(_), Some(job)) = (ready, job) {
                extractor.export(job.request, job.format, &open.document, &open.extraction, &annotations);
            }
        });
    }

    // The benchmark script measures time to first highlight from this mark.
    use_effect_on(state.open.progress == Progress::Done, |done| {
        if *done {
            services::timing::mark_first_highlight();
        }
    });
    // Storage is opened and read (moving localStorage's records into IndexedDB on the first start), then the
    // last document replaces the sample; the browser is asked once to keep the storage.
    {
        let dispatch = dispatch.clone();
        use_effect_on((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                // The share link the page was opened with, if any, is opened before the start, which keeps it
                // (a damaged link leaves the first document in place, and says so).
                if let Some(fragment) = services::share::take_fragment() {
                    dispatch.emit(Action::OpenShared(services::share::inflate(&fragment).await));
                }
                let started = services::storage::start().await;
                dispatch.emit(Action::Started {
                    startup: started.startup,
                    library: started.library,
                    message: started.message,
                });
                services::storage::ask_persistent().await;
                dispatch.emit(Action::StorageMeasured(services::storage::usage().await));
            });
        });
    }
    // The first render with what storage started the app with finished, so the start-up flag is cleared (a
    // start that crashes leaves it, and the next one is in safe mode).
    use_effect_on(state.loading, |loading| {
        if !*loading {
            services::storage::finish_start();
        }
    });
    use_effect_on((), |_| services::offline::register_service_worker());
    // While the browser prints (Ctrl+P, the menu's Print): the whole article, not the blocks near the viewport,
    // and the notes after it (`print_notes`). The browser lays the page out for printing after `beforeprint`'s
    // listeners and the tasks they queue at once (Yew renders in a microtask), so both are there in time.
    let printing = use_state(|| false);
    {
        let printing = printing.clone();
        use_effect_on((), move |_| {
            let window = gloo::utils::window();
            let before = {
                let printing = printing.clone();
                EventListener::new(&window, "beforeprint", move |_| printing.set(true))
            };
            let after = EventListener::new(&window, "afterprint", move |_| printing.set(false));
            move || drop((before, after))
        });
    }
    // The import question's Cancel gets the focus when the question appears (the question is a plain render
    // function, `import_confirm`): the choice that changes nothing, and the keyboard user lands on it at once.
    use_effect_on(state.pending_import.is_some(), |&asking| {
        if asking {
            services::dom::focus_into_view("[data-testid=import-cancel]");
        }
    });
    // The share panel's link gets the focus when it opens (selecting it, ready for Ctrl+C), so Escape and Tab
    // start there.
    use_effect_on(state.share_link.is_some(), |&shown| {
        if shown {
            services::dom::focus_into_view("[data-testid=share-link]");
        }
    });
    // A deletion's question in the Library: "Keep it" gets the focus when it appears (the choice that loses
    // nothing); when it goes, the focus returns to that document's Delete button, unless "Delete for good"
    // moved it already (see `ondeletesaved`). The tear-down runs after the render that removed the question.
    use_effect_on((*confirming_delete).clone(), |confirming| {
        if confirming.is_some() {
            services::dom::focus_into_view("[data-testid=library-delete-cancel]");
        }
        let asked = confirming.clone();
        move || {
            if let Some(urn) = asked {
                services::dom::focus_if_lost(&format!("[data-testid=library-delete][data-urn=\"{urn}\"]"));
            }
        }
    });
    {
        let dispatch = dispatch.clone();
        use_effect_on((), move |_| {
            let links = services::share::listen_for_links(dispatch.clone());
            let captures = services::capture::accept_captures(dispatch);
            move || drop((links, captures))
        });
    }

    // Every change is saved at once; a failure is reported once and the app keeps working in memory.
    // The text is written when a document is opened, the annotations after every change; a document opened
    // from a share link only once the user keeps it or changes it.
    {
        let dispatch = dispatch.clone();
        let open = state.open.clone();
        let fresh = state.untouched() && *state.annotations == Default::default();
        // Keyed on the opening's serial, not the document's address: the extractor's answer replaces the
        // document (with its highlights) and must not save the text again.
        use_effect_on((open.serial, state.shared_unkept, state.loading), move |&(_, unkept, loading)| {
            if unkept || loading {
                return;
            }
            // The same text opened again (paste, file, Sample) brings back what was saved for it.
            if fresh {
                if let Some(saved) = services::storage::saved_annotations(&open.urn) {
                    dispatch.emit(Action::RestoreAnnotations(saved));
                }
            }
            wasm_bindgen_futures::spawn_local(async move {
                let saved = services::storage::save_document(&open.urn, &open.document, &open.hints).await;
                match saved {
                    Ok(()) => dispatch.emit(Action::StorageMeasured(services::storage::usage().await)),
                    Err(reason) => dispatch.emit(Action::StorageFailed(reason)),
                }
            });
        });
    }
    {
        // The Library is read again each time it is shown: other tabs add and delete documents meanwhile.
        let dispatch = dispatch.clone();
        use_effect_on(state.panel == Panel::Library, move |&shown| {
            if shown {
                refresh_library(dispatch);
            }
        });
    }
    // Other tabs: what they save for the open document is merged here, and every save here is sent to them.
    let tabs = use_memo((), {
        let dispatch = dispatch.clone();
        move |_| services::tabs::Tabs::join(dispatch)
    });
    {
        // Another tab deleted the document open here: save it again, text and annotations in full, so that
        // what this tab holds (and writes next) is not lost with it.
        let dispatch = dispatch.clone();
        let tabs = tabs.clone();
        let open = state.open.clone();
        let annotations = state.annotations.clone();
        use_effect_on((open.serial, state.deleted_elsewhere), move |&(_, deleted)| {
            if deleted == 0 {
                return;
            }
            services::storage::forget(&open.urn);
            wasm_bindgen_futures::spawn_local(async move {
                let saved = match services::storage::save_document(&open.urn, &open.document, &open.hints).await {
                    Ok(()) => services::storage::save_annotations(&open.urn, &open.document, &annotations, false).await,
                    Err(reason) => Err(reason),
                };
                match saved {
                    // Announced as any save: the tab that deleted it learns it is back (its message was stale).
                    Ok(written) => {
                        if let (Some(tabs), Some(record)) = (tabs.as_ref(), written) {
                            tabs.announce(&open.urn, record);
                        }
                        refresh_library(dispatch)
                    }
                    Err(reason) => dispatch.emit(Action::StorageFailed(reason)),
                }
            });
        });
    }
    {
        let dispatch = dispatch.clone();
        let tabs = tabs.clone();
        let open = state.open.clone();
        let annotations = state.annotations.clone();
        let untouched = state.untouched();
        let key = (open.serial, std::rc::Rc::as_ptr(&annotations) as usize, state.shared_unkept, state.loading);
        use_effect_on(key, move |&(_, _, unkept, loading)| {
            if loading {
                return;
            }
            if unkept {
                // A change to an article opened from a share link keeps it (then this saves it): notes written
                // on it are never lost to a reload or a closed tab.
                if !untouched {
                    dispatch.emit(Action::KeepShared { saved: services::storage::saved_annotations(&open.urn) });
                }
                return;
            }
            // Tasks start in the order they are spawned, and each save's batch is made before its first wait,
            // so saves land in the order of the changes. Another tab hears of a save only once it landed.
            wasm_bindgen_futures::spawn_local(async move {
                match services::storage::save_annotations(&open.urn, &open.document, &annotations, untouched).await {
                    Ok(written) => {
                        if let (Some(tabs), Some(record)) = (tabs.as_ref(), written) {
                            tabs.announce(&open.urn, record);
                        }
                        dispatch.emit(Action::LibraryLoaded(services::storage::library().await))
                    }
                    Err(reason) => dispatch.emit(Action::StorageFailed(reason)),
                }
            });
        });
    }

    // Keyboard shortcuts: undo/redo everywhere; N and P/O/L/D/M act on the selection, A and R accept or reject
    // the suggestion on exactly those words (a highlight Enter selected); Ctrl+F in a long
    // article goes to the app's search, which sees the whole text (the browser's finds only rendered blocks).
    {
        let dispatch = dispatch.clone();
        let selection = state.selection;
        let partly_rendered = state.open.text().len() > RENDER_ALL_BELOW;
        use_effect_on((selection, partly_rendered), move |(selection, partly_rendered)| {
            let (selection, partly_rendered) = (*selection, *partly_rendered);
            // Not passive (gloo's default): the shortcuts' prevent_default must stop the key from also typing,
            // e.g. the N that opens the note editor would otherwise land in it.
            let options = EventListenerOptions::enable_prevent_default();
            let listener =
                EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    let key = sidenote_extract::case::lowercase(&event.key());
                    let command = event.ctrl_key() || event.meta_key();
                    if command && key == "z" && !typing_in_field(event, false) {
                        event.prevent_default();
                        dispatch.emit(if event.shift_key() { Action::Redo } else { Action::Undo });
                        return;
                    }
                    if command && key == "y" && !typing_in_field(event, false) {
                        event.prevent_default();
                        dispatch.emit(Action::Redo);
                        return;
                    }
                    if command && key == "f" && partly_rendered && !event.shift_key() && !event.alt_key() {
                        event.prevent_default();
                        services::dom::focus_search();
                        return;
                    }
                    if command || event.alt_key() || typing_in_field(event, true) {
                        return;
                    }
                    if key == "a" || key == "r" {
                        // The highlight with the focus (Tab may have moved on from the one Enter selected), else
                        // the selected words; the reducer finds the suggestion on exactly those words, if any.
                        if let Some(span) = services::dom::focused_highlight().or(selection) {
                            event.prevent_default();
                            let decision = if key == "a" { Decision::Accept } else { Decision::Reject };
                            dispatch.emit(Action::ReviewWords { span, decision });
                        }
                        return;
                    }
                    let Some(span) = selection else { return };
                    if key == "n" {
                        event.prevent_default();
                        dispatch.emit(Action::WriteNote(Some(span)));
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

    /// The longest paste checked before the paste panel closes (the panel holds longer ones itself).
    const LONG_PASTE_CHECKED: usize = 256 * 1024;
    let onpaste = {
        let pasting = pasting.clone();
        Callback::from(move |_| pasting.set(true))
    };
    let onpasteopen = {
        let pasting = pasting.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |(text, html): (String, Option<String>)| {
            // Text that will be refused leaves the panel open with it, to be corrected or pasted again; only a
            // short one is read here (a long paste is held by the panel, and read once, when it opens).
            // Over the size limit is known at once, whatever the length.
            let refused = html.is_none()
                && (text.len() > sidenote_annotate::MAX_TEXT_BYTES
                    || (text.len() <= LONG_PASTE_CHECKED && sidenote_annotate::accept_text(text.as_bytes()).is_err()));
            let action = match html {
                Some(html) => Action::OpenHtml { title: String::new(), bytes: html.into_bytes() },
                None => Action::OpenBytes { title: String::new(), bytes: text.into_bytes() },
            };
            if refused {
                dispatch.emit(action);
                return;
            }
            // The panel closes in this task and the text opens in the next: for a long paste, one task doing
            // both would hold the page longer than either.
            pasting.set(false);
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                gloo::timers::future::TimeoutFuture::new(0).await;
                dispatch.emit(action);
                services::dom::focus(ARTICLE);
            });
        })
    };
    let onpastecancel = {
        let pasting = pasting.clone();
        Callback::from(move |_| {
            pasting.set(false);
            services::dom::focus("[data-testid=paste-button]");
        })
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
    let onexport = dispatch.reform(Action::Export);
    let onopensaved = {
        let dispatch = dispatch.clone();
        Callback::from(move |urn: String| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match services::storage::load(&urn).await {
                    Ok(loaded) => return dispatch.emit(Action::OpenSaved(loaded)),
                    Err(services::storage::LoadError::Missing) => dispatch
                        .emit(Action::Notify(Notice::error("That document is no longer in this browser's storage."))),
                    Err(services::storage::LoadError::Unreadable(why)) => {
                        dispatch.emit(Action::Notify(Notice::error(format!(
                            "That document could not be read ({why}). It is kept aside in the Library: export it as it is, or delete it."
                        ))))
                    }
                }
                dispatch.emit(Action::LibraryLoaded(services::storage::library().await));
            });
        })
    };
    // The notes of an earlier capture of the open page, read from storage and handed to the reducer, which
    // imports them as a file written with their text.
    let onbringearlier = {
        let dispatch = dispatch.clone();
        let earlier = state.earlier_capture().map(|e| (e.urn.clone(), e.saved.clone()));
        let onto = state.open.urn.clone();
        Callback::from(move |_: ()| {
            let (dispatch, onto, Some((urn, saved))) = (dispatch.clone(), onto.clone(), earlier.clone()) else {
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                match services::storage::load(&urn).await {
                    Ok(earlier) => dispatch.emit(Action::BringEarlier { earlier, saved, onto }),
                    Err(_) => {
                        dispatch.emit(Action::Notify(Notice::error(
                            "The other capture's notes could not be read; they are unchanged in the Library.",
                        )));
                        dispatch.emit(Action::LibraryLoaded(services::storage::library().await));
                    }
                }
            });
        })
    };
    let onexportraw = {
        let dispatch = dispatch.clone();
        let download = download.clone();
        Callback::from(move |key: String| match services::storage::raw(&key) {
            Some(stored) => download(format!("{}.txt", file_stem(&key)), "text/plain", stored),
            None => refresh_library(dispatch.clone()),
        })
    };
    let ondeleteraw = {
        let dispatch = dispatch.clone();
        Callback::from(move |key: String| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match services::storage::delete_raw(&key).await {
                    Ok(()) => refresh_library(dispatch),
                    Err(reason) => dispatch.emit(Action::StorageFailed(reason)),
                }
            });
        })
    };
    let ondeletesaved = {
        let dispatch = dispatch.clone();
        let entries = state.library.clone();
        let tabs = tabs.clone();
        Callback::from(move |urn: String| {
            // The document's row and its buttons go: the focus goes to the Library's tab, which stays.
            services::dom::focus("[data-testid=tab-library]");
            let (dispatch, tabs) = (dispatch.clone(), tabs.clone());
            let title = entries.iter().find(|e| e.urn == urn).map_or_else(String::new, |e| e.title.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match services::storage::delete(&urn).await {
                    Ok(()) => {
                        if let Some(tabs) = tabs.as_ref() {
                            tabs.announce_deleted(&urn);
                        }
                        dispatch.emit(Action::Deleted { urn, title });
                        refresh_library(dispatch)
                    }
                    Err(reason) => dispatch.emit(Action::StorageFailed(reason)),
                }
            });
        })
    };
    // The link's payload is made from the state of the click; the browser compresses it meanwhile.
    let onshare = {
        let dispatch = dispatch.clone();
        let state = state.clone();
        Callback::from(move |_| {
            let dispatch = dispatch.clone();
            let payload = state.share_payload();
            wasm_bindgen_futures::spawn_local(async move {
                let deflated = match payload {
                    Ok(json) => services::share::deflate(json).await,
                    Err(error) => Err(error),
                };
                dispatch.emit(Action::ShareLinkMade { base: services::share::app_base(), deflated });
            });
        })
    };
    let oncopylink = {
        let dispatch = dispatch.clone();
        Callback::from(move |link: String| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.emit(Action::Notify(match services::share::copy(link).await {
                    Ok(()) => Notice::info("Share link copied."),
                    Err(message) => Notice::error(message),
                }));
            });
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

    // While a new note is written, the bar stays on the words it was opened on, whatever is selected since.
    let selection_bar = state.writing.or(state.selection).map(|span| {
        let words = span.slice(state.open.text()).to_string();
        let orphan = state
            .active_note
            .as_ref()
            .and_then(|id| state.annotations.notes.iter().find(|n| &n.id == id))
            .map(|n| (n.id.clone(), n.target.exact.clone()));
        let onnote = {
            let dispatch = dispatch.clone();
            Callback::from(move |(text, tags): (String, Vec<String>)| {
                services::selection::clear();
                dispatch.emit(Action::AddNote { span, text, tags });
                services::dom::focus(ARTICLE);
            })
        };
        let writing = state.writing.is_some();
        let oncancel = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| {
                if writing {
                    dispatch.emit(Action::WriteNote(None));
                    services::dom::focus(ARTICLE);
                } else {
                    services::selection::clear();
                    dispatch.emit(Action::Select(None));
                }
            })
        };
        let onwrite = dispatch.reform(move |_| Action::WriteNote(Some(span)));
        let target = crate::state::DraftTarget::Words(span);
        let draft = state.draft(&target).map(|d| (AttrValue::from(d.text.clone()), AttrValue::from(d.tags.clone())));
        let ondraft = dispatch.reform(move |typed| Action::KeepDraft(target.clone(), typed));
        // A suggestion on exactly these words can be reviewed here; choosing a kind for a mention retags it.
        let suggestion = state.open.suggestion_on(span);
        let mention = suggestion.clone().filter(|s| matches!(s, ReviewScope::Mention { .. }));
        let onentity = dispatch.reform(move |kind| match mention.clone() {
            Some(scope) => Action::Review { scope, decision: Decision::Retag(kind) },
            None => Action::AddEntity { span, kind },
        });
        html! {
            { selection_bar(&SelectionBarProps { span, words: AttrValue::from(words), writing, draft, ondraft, orphan, onwrite, onnote,
                oncancel, onentity, suggestion, onreview: reform_fn(&dispatch, |(scope, decision)| Action::Review { scope, decision }),
                onreattach: dispatch.reform(move |id| Action::ReattachNote { id, span }) }) }
        }
    });

    // Which format the toolbar's export button makes: the menu's choice, kept here since the toolbar is a plain
    // render function.
    let export_format = use_state(|| ExportFormat::W3c);
    // The highlights' counts for the legend and the Quotes tab: once per document and annotations (compared by
    // pointer), not on every render of the page.
    // The selection bar's note editor gets the focus when it opens, so typing starts at once (the editor is a
    // plain render function).
    use_effect_on(state.writing.is_some(), |&open| {
        if open {
            services::dom::focus_into_view(&format!(".selection-bar {NOTE_TEXT}"));
        }
    });
    // The paste panel's text area and what it holds while open (`paste_panel`, a plain render function).
    let paste_state = use_paste_panel(*pasting);
    // The article's element, flash and selection (`article_view`, a plain render function).
    let article_ref = use_article(&state.open, &state.flash, state.selection, reform_fn(&dispatch, Action::Select));
    // The search box's last search in the article (`search_box`, a plain render function).
    let search_found = use_state(|| None::<Found>);
    // The Entities tab's groups and step cursors (`entities_panel`, a plain render function).
    let entities = use_entities_panel(state.panel == Panel::Entities, &state.open, &state.annotations);
    // The two progress lines' visual delay (`extraction_progress`).
    let extracting_slowly = use_shown_when_slow(state.open.progress == Progress::Pending);
    let importing_slowly = use_shown_when_slow(state.importing.is_some());
    let exporting_slowly = use_shown_when_slow(state.exporting.is_some());
    let counts = use_memo((state.open.clone(), state.annotations.clone()), |(open, annotations)| {
        legend::counts(open, annotations)
    });
    html! {
        <div class="app" {ondragover} {ondrop} data-testid="app" data-started={(!state.loading).to_string()}>
            // The first stop of the Tab key: past the toolbar and every highlight of the article, to the panel.
            // A button, not a `#` link: the part after `#` is where share links live.
            <button class="skip-link" data-testid="skip-to-panel"
                onclick={Callback::from(|_: MouseEvent| services::dom::focus("[data-testid=side-panel]"))}>
                { "Skip to the notes and lists" }
            </button>
            { toolbar(&ToolbarProps { title: AttrValue::from(state.open.document.title.clone()),
                can_undo: state.history.can_undo(), can_redo: state.history.can_redo(), onpaste,
                onsample: reform_fn(&dispatch, |_| Action::OpenSample), onfile, onimport, format: *export_format,
                onformat: { let export_format = export_format.clone(); Callback::from(move |f| export_format.set(f)) },
                onexport, onshare, onundo: reform_fn(&dispatch, |_| { focus_after_step("[data-testid=redo]:enabled"); Action::Undo }),
                onredo: reform_fn(&dispatch, |_| { focus_after_step("[data-testid=undo]:enabled"); Action::Redo }) }) }
            { notice_bar(&NoticeBarProps { notice: state.notice.clone(), ondismiss: reform_fn(&dispatch, |_| {
                // The message goes with its button: the focus goes to the article, not to the page's body.
                services::dom::focus(ARTICLE);
                Action::DismissNotice
            }) }) }
            // While saving fails, every document and note lives in this page only: said for as long as it lasts,
            // not only in the message a later one replaces.
            if state.storage_failed {
                <p class="unsaved" role="status" data-testid="unsaved">
                    { "Not saved in this browser: storage failed. Use Export to keep this work before you close the page." }
                </p>
            }
            { extraction_progress(&ExtractionProgressProps { shown: extracting_slowly, label: "Finding names and quotes…",
                testid: "extraction-progress" }) }
            { extraction_progress(&ExtractionProgressProps { shown: importing_slowly,
                label: "Reading and anchoring the annotation file…", testid: "import-progress" }) }
            { extraction_progress(&ExtractionProgressProps { shown: exporting_slowly,
                label: "Writing the export…", testid: "export-progress" }) }
            if let Some(pending) = state.pending_import.as_ref() {
                { import_confirm(&ImportConfirmProps { message: AttrValue::from(pending.message.clone()),
                    // The article opens in place of the question: the focus goes to it.
                    onopen: pending.carries_article.as_ref().map(|_| reform_fn(&dispatch, |_| {
                        services::dom::focus(ARTICLE);
                        Action::OpenImportArticle
                    })),
                    onanchor: reform_fn(&dispatch, |_| { services::dom::focus_into_view(IMPORT_CONTROL); Action::ConfirmImport }),
                    oncancel: reform_fn(&dispatch, |_| { services::dom::focus_into_view(IMPORT_CONTROL); Action::CancelImport }) }) }
            }
            if state.shared_unkept {
                { shared_banner(&SharedBannerProps { text: state.shared_banner_text(), onkeep: {
                    let urn = state.open.urn.clone();
                    // The banner goes with its button: the focus goes to the article that was kept.
                    dispatch.reform(move |_| {
                        services::dom::focus(ARTICLE);
                        Action::KeepShared { saved: services::storage::saved_annotations(&urn) }
                    })
                } }) }
            }
            if let Some(text) = state.earlier_banner_text() {
                { earlier_banner(&EarlierBannerProps { text, onbring: onbringearlier,
                    ondecline: reform_fn(&dispatch, |_| Action::DeclineEarlier) }) }
            }
            if let Some(link) = state.share_link.clone() {
                { share_panel(&SharePanelProps { link: AttrValue::from(link), oncopy: oncopylink,
                                                 onclose: reform_fn(&dispatch, |_| { services::dom::focus_into_view(SHARE_BUTTON); Action::CloseShareLink }) }) }
            }
            if *pasting {
                { paste_panel(&PastePanelProps { state: paste_state, onopen: onpasteopen, oncancel: onpastecancel }) }
            }
            if *printing {
                <h1 class="print-title">{ state.open.document.title.clone() }</h1>
            }
            <main class="workspace">
                { article_view(&ArticleViewProps { article_ref, open: state.open.clone(), annotations: state.annotations.clone(),
                    hidden: state.hidden_layers.clone(), hide_clutter: state.hide_clutter, selection: state.selection, whole: *printing,
                    active_note: state.active_note.clone(), flash: state.flash.clone(), onselect: reform_fn(&dispatch, Action::Select),
                    onfocusnote: reform_fn(&dispatch, Action::OpenNoteFromArticle),
                    onextend: reform_fn(&dispatch, |(forward, by_word, from)| Action::ExtendSelection { forward, by_word, from }) }) }
                <div class="sidebar">
                    { selection_bar.unwrap_or_default() }
                    { side_panel(&SidePanelProps { open: state.open.clone(), annotations: state.annotations.clone(),
                        panel: state.panel, query: AttrValue::from(state.query.clone()), tag: state.tag_filter.clone(),
                        tags: state.all_tags(), active_note: state.active_note.clone(), hidden: state.hidden_layers.clone(),
                        library: state.library.clone(), unreadable: state.unreadable.clone(), dispatch: dispatch.clone(),
                        usage: state.storage_usage.clone(), loading: state.loading, quote_count: counts.quotes,
                        entities_count: counts.entities_tab(),
                        confirming_delete: (*confirming_delete).clone(), search_found: search_found.clone(), entities,
                        drafts: state.drafts.clone(),
                        onconfirmdelete: { let confirming = confirming_delete.clone(); Callback::from(move |urn| confirming.set(urn)) },
                        onopensaved, ondeletesaved, onexportraw, ondeleteraw }) }
                    // The notes highlighted in the article: orphans have no words there to count.
                    { legend(&LegendProps { counts: counts.clone(), notes: state.annotations.notes.iter().filter(|n| n.span.is_some()).count(),
                        hidden: state.hidden_layers.clone(), hide_clutter: state.hide_clutter,
                        ontoggle: reform_fn(&dispatch, Action::ToggleLayer), ontoggleclutter: reform_fn(&dispatch, |_| Action::ToggleClutter) }) }
                    { capture_link() }
                </div>
            </main>
            if *printing {
                { print_notes(state.open.text(), &state.annotations) }
            }
        </div>
    }
}
