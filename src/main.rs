//! Starts the Sidenote app in the page's `<body>`.

fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<sidenote_app::app::App>::new().render();
}
