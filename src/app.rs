//! The root component: owns the state, lays out the page, and wires services to actions.

use yew::prelude::*;

use crate::components::article_view::ArticleView;
use crate::components::legend::Legend;
use crate::components::notice_bar::NoticeBar;
use crate::components::paste_panel::PastePanel;
use crate::components::toolbar::Toolbar;
use crate::services;
use crate::state::{Action, Notice, NoticeLevel, State};

/// The file name of an export: the title made safe for file systems.
fn export_name(title: &str) -> String {
    let safe: String = title.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).take(60).collect();
    format!("{}.annotations.json", safe.trim_matches('-'))
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let pasting = use_state(|| false);
    let dispatch: Callback<Action> = {
        let state = state.clone();
        Callback::from(move |action| state.dispatch(action))
    };

    // The benchmark script measures time to first highlight from this mark.
    use_effect_with((), |_| services::timing::mark_first_highlight());

    let onpaste = {
        let pasting = pasting.clone();
        Callback::from(move |_| pasting.set(true))
    };
    let onpasteopen = {
        let pasting = pasting.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |text: String| {
            dispatch.emit(Action::OpenBytes { title: String::new(), bytes: text.into_bytes() });
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
    let onexport = {
        let state = state.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            let open = &state.open;
            let file = sidenote_annotate::w3c::export(&open.document, &open.extraction);
            let json = serde_json::to_string_pretty(&file).unwrap_or_default();
            if let Err(error) =
                services::download::download(&export_name(&open.document.title), "application/ld+json", &json)
            {
                dispatch.emit(Action::Notify(Notice {
                    level: NoticeLevel::Error,
                    text: format!("Export failed: {error}."),
                }));
            }
        })
    };
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            match services::files::first_file(event.data_transfer().and_then(|d| d.files())) {
                Some(file) => services::files::open_file(file, dispatch.clone()),
                None => dispatch.emit(Action::Notify(Notice {
                    level: NoticeLevel::Error,
                    text: "Only files can be dropped here; to open text, use Paste text.".into(),
                })),
            }
        })
    };

    html! {
        <div class="app" {ondragover} {ondrop} data-testid="app">
            <Toolbar title={AttrValue::from(state.open.document.title.clone())} {onpaste}
                     onsample={dispatch.reform(|_| Action::OpenSample)} {onfile} {onexport} />
            <NoticeBar notice={state.notice.clone()} ondismiss={dispatch.reform(|_| Action::DismissNotice)} />
            if *pasting {
                <PastePanel onopen={onpasteopen} oncancel={onpastecancel} />
            }
            <main class="workspace">
                <ArticleView open={state.open.clone()} hidden={state.hidden_layers.clone()} hide_clutter={state.hide_clutter} />
                <Legend open={state.open.clone()} hidden={state.hidden_layers.clone()}
                        hide_clutter={state.hide_clutter} ontoggle={dispatch.reform(Action::ToggleLayer)}
                        ontoggleclutter={dispatch.reform(|_| Action::ToggleClutter)} />
            </main>
        </div>
    }
}
