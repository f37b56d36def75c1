//! The documents saved in this browser: open or delete one.

use yew::prelude::*;

use crate::state::LibraryEntry;

/// Props of [`LibraryPanel`].
#[derive(Properties, PartialEq)]
pub struct LibraryPanelProps {
    /// Saved documents, most recent first.
    pub entries: Vec<LibraryEntry>,
    /// The open document's identity.
    pub current: AttrValue,
    /// Opens a saved document.
    pub onopen: Callback<String>,
    /// Deletes a saved document.
    pub ondelete: Callback<String>,
}

/// Title, date and note count per saved document.
#[component]
pub fn LibraryPanel(props: &LibraryPanelProps) -> Html {
    if props.entries.is_empty() {
        return html! { <p class="hint">{ "Nothing saved in this browser yet. Every change is saved as you work." }</p> };
    }
    html! {
        <ul class="library" aria-label="Saved documents">
            { for props.entries.iter().map(|entry| {
                let urn = entry.urn.clone();
                let current = props.current.as_str() == entry.urn;
                html! {
                    <li class={classes!("library-entry", current.then_some("current"))} data-testid="library-entry">
                        <button class="library-open" onclick={{ let urn = urn.clone(); props.onopen.reform(move |_: MouseEvent| urn.clone()) }}>
                            <strong>{ &entry.title }</strong>
                            <span class="muted">{ format!("{} · {} note{}", entry.saved, entry.notes, if entry.notes == 1 { "" } else { "s" }) }</span>
                        </button>
                        <button class="danger" title="Delete from this browser" onclick={props.ondelete.reform(move |_: MouseEvent| urn.clone())}>{ "Delete" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}
