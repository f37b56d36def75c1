//! The bookmarklet, offered as a link to drag to the bookmarks bar.

use yew::prelude::*;

use crate::services::capture;

/// "Drag this to your bookmarks bar": on any article page, the bookmark opens Sidenote with that page.
///
/// A plain function, not a Yew component: a component costs ~600 bytes of gzipped Wasm of its own (mounting,
/// props comparison); the link is made again with each render of the app, a string of a few hundred bytes.
pub fn capture_link() -> Html {
    let href = {
        let (url, origin) = capture::this_app();
        capture::bookmarklet(&url, &origin)
    };
    // Clicking it here would capture Sidenote itself: the link is only for dragging.
    let onclick = Callback::from(|event: MouseEvent| event.prevent_default());
    html! {
        <p class="hint capture-link">
            <a {href} data-testid="bookmarklet" draggable="true" {onclick}
               title="Drag this to your bookmarks bar, then click it on any article page">{ "Capture in Sidenote" }</a>
            { " — drag this to your bookmarks bar; on any article page it opens Sidenote with that page (nothing is uploaded)." }
        </p>
    }
}
