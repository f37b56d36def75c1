//! Starts the Sidenote app in the page's `<body>`.

fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<sidenote::app::App>::new().render();
}
