//! The `venvlab` binary: the terminal program natively; the web app in the browser.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(venvlab::cli::main());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
