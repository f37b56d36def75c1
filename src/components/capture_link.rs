//! The bookmarklet, offered as a link to drag to the bookmarks bar.

use yew::prelude::*;

use crate::services::capture;

/// "Drag this to your bookmarks bar": on any article page, the bookmark opens Sidenote with that page.
#[component]
pub fn CaptureLink() -> Html {
    let href = use_memo((), |_| {
        let (url, origin) = capture::this_app();
        capture::bookmarklet(&url, &origin)
    });
    // Clicking it here would capture Sidenote itself: the link is only for dragging.
    let onclick = Callback::from(|event: MouseEvent| event.prevent_default());
    html! {
        <p class="hint capture-link">
            <a href={(*href).clone()} data-testid="bookmarklet" draggable="true" {onclick}
               title="Drag this to your bookmarks bar, then click it on any article page">{ "Capture in Sidenote" }</a>
            { " — drag this to your bookmarks bar; on any article page it opens Sidenote with that page (nothing is uploaded)." }
        </p>
    }
}
