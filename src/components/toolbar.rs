//! The top bar: load an article (paste, file, sample), undo and redo, import, export and share.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::reform_fn;
use crate::exports::ExportFormat;

/// What [`toolbar`] shows and whom it calls.
pub struct ToolbarProps {
    /// The open document's title.
    pub title: AttrValue,
    /// Whether there is something to undo / redo.
    pub can_undo: bool,
    /// Whether there is something to redo.
    pub can_redo: bool,
    /// Called when the user asks to paste text.
    pub onpaste: Callback<()>,
    /// Called with the chosen article file.
    pub onfile: Callback<web_sys::File>,
    /// Called with the chosen annotation file.
    pub onimport: Callback<web_sys::File>,
    /// Called when the user asks for the sample.
    pub onsample: Callback<()>,
    /// Which format the export button makes (the app keeps the menu's choice).
    pub format: ExportFormat,
    /// Called with the format chosen in the menu.
    pub onformat: Callback<ExportFormat>,
    /// Called to export in the chosen format.
    pub onexport: Callback<ExportFormat>,
    /// Called to make a share link.
    pub onshare: Callback<()>,
    /// Undo.
    pub onundo: Callback<()>,
    /// Redo.
    pub onredo: Callback<()>,
}

/// A hidden file input's change handler: hands over the file and clears the input, so the same file
/// can be chosen again.
fn file_handler(target: Callback<web_sys::File>) -> Callback<Event> {
    Callback::from(move |event: Event| {
        if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
            if let Some(file) = crate::services::files::first_file(input.files()) {
                target.emit(file);
            }
            input.set_value("");
        }
    })
}

/// Buttons for every way in and out of the app. A plain function, not a Yew component: a component costs
/// ~600 bytes of gzipped Wasm of its own, and the bar is cheap to render again with the app.
pub fn toolbar(props: &ToolbarProps) -> Html {
    let unit = |cb: &Callback<()>| reform_fn(cb, |_: MouseEvent| ());
    let format = props.format;
    let onformat = reform_fn(&props.onformat, |event: Event| {
        let value = event.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
        ExportFormat::from_key(&value).unwrap_or(ExportFormat::W3c)
    });
    let onexport = props.onexport.reform(move |_: MouseEvent| format);
    html! {
        <header class="toolbar">
            <h1 class="brand">{ "Sidenote" }</h1>
            <span class="doc-title" data-testid="doc-title" title={props.title.clone()}>{ props.title.clone() }</span>
            <nav class="actions" aria-label="Article">
                // The arrows alone would be read out as symbols: the name says the action, the title the key.
                <button data-testid="undo" aria-label="Undo" aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)" disabled={!props.can_undo} onclick={unit(&props.onundo)}>{ "↶" }</button>
                <button data-testid="redo" aria-label="Redo" aria-keyshortcuts="Control+Shift+Z" title="Redo (Ctrl+Shift+Z)" disabled={!props.can_redo} onclick={unit(&props.onredo)}>{ "↷" }</button>
                <button data-testid="paste-button" onclick={unit(&props.onpaste)}>{ "Paste text" }</button>
                <label class="button file-button">
                    { "Open file…" }
                    <input type="file" data-testid="file-input" accept=".txt,.text,.md,.html,.htm,text/plain,text/html"
                           onchange={file_handler(props.onfile.clone())} />
                </label>
                <button data-testid="sample-button" onclick={unit(&props.onsample)}>{ "Sample" }</button>
                <label class="button file-button">
                    { "Import…" }
                    <input type="file" data-testid="import-input" accept=".json,.jsonld,.ann,.jsonl,application/json,application/ld+json"
                           onchange={file_handler(props.onimport.clone())} />
                </label>
                <button data-testid="share-button" title="A link that carries this article and its notes" onclick={unit(&props.onshare)}>{ "Share link" }</button>
                <select data-testid="export-format" aria-label="Export format" title="What Export makes" onchange={onformat}>
                    { for ExportFormat::ALL.into_iter().map(|f| html! {
                        <option value={f.key()} selected={format == f}>{ f.label() }</option>
                    }) }
                </select>
                <button class="primary" data-testid="export-button" onclick={onexport}>{ format.button() }</button>
            </nav>
        </header>
    }
}
