//! The top bar: load an article (paste, file, sample) and export.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The open document's title.
    pub title: AttrValue,
    /// Called when the user asks to paste text.
    pub onpaste: Callback<()>,
    /// Called with the chosen file.
    pub onfile: Callback<web_sys::File>,
    /// Called when the user asks for the sample.
    pub onsample: Callback<()>,
    /// Called when the user asks for the export.
    pub onexport: Callback<()>,
}

/// Buttons for every way in and out of the app.
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let onchange = {
        let onfile = props.onfile.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                if let Some(file) = crate::services::files::first_file(input.files()) {
                    onfile.emit(file);
                }
                // Clearing the input lets the user choose the same file again after fixing it.
                input.set_value("");
            }
        })
    };
    html! {
        <header class="toolbar">
            <h1 class="brand">{ "Sidenote" }</h1>
            <span class="doc-title" data-testid="doc-title" title={props.title.clone()}>{ props.title.clone() }</span>
            <nav class="actions" aria-label="Article">
                <button data-testid="paste-button" onclick={props.onpaste.reform(|_: MouseEvent| ())}>{ "Paste text" }</button>
                <label class="button file-button">
                    { "Open file…" }
                    <input type="file" data-testid="file-input" accept=".txt,.text,.md,.html,.htm,text/plain,text/html" {onchange} />
                </label>
                <button data-testid="sample-button" onclick={props.onsample.reform(|_: MouseEvent| ())}>{ "Sample" }</button>
                <button class="primary" data-testid="export-button" onclick={props.onexport.reform(|_: MouseEvent| ())}>{ "Export JSON" }</button>
            </nav>
        </header>
    }
}
