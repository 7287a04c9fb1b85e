//! The `venvlab` binary: the terminal program natively; the web app in the browser.

/// Renders the web app into the page's `#app` element (or the body), replacing the loading line.
#[cfg(target_arch = "wasm32")]
fn main() {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("venvlab runs in a page with a document");
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<venvlab::web::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<venvlab::web::App>::new().render();
        }
    }
}

/// Runs the terminal program and exits with its status.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(venvlab::cli::main());
}
