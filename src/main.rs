//! Starts the Sidenote app in the page's `<body>`.

fn main() {
    // The extractor's worker instantiates this same module (see `services::extractor`): there is no window
    // there, and nothing runs until the worker's script calls in.
    if web_sys::window().is_none() {
        return;
    }
    console_error_panic_hook::set_once();
    yew::Renderer::<sidenote_app::app::App>::new().render();
}
