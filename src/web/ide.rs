//! The "IDE" badge: the interpreter the project's editor settings name, and whether it is
//! still there — the blog post's broken editor, live.

use yew::prelude::*;

use super::state::LabHandle;
use crate::fs::Fs;

/// The key in `.vscode/settings.json` that names the interpreter.
const KEY: &str = "\"python.defaultInterpreterPath\"";

/// The settings file nearest the working directory, walking up, and the interpreter it names.
fn configured_interpreter(fs: &Fs, cwd: &str) -> Option<(String, String)> {
    let mut dir = cwd.trim_end_matches('/').to_string();
    loop {
        let settings = format!("{dir}/.vscode/settings.json");
        if let Ok(bytes) = fs.read(&settings) {
            let text = String::from_utf8_lossy(&bytes);
            let after = &text[text.find(KEY)? + KEY.len()..];
            let value = after.trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
            return Some((settings, value[..value.find('"')?].to_string()));
        }
        // Each turn drops one component, so the walk ends at the root.
        dir.truncate(dir.rfind('/')?);
    }
}

/// The badge, in the page's header.
#[function_component]
pub fn IdeBadge() -> Html {
    let lab = use_context::<LabHandle>().expect("the lab context is provided by App");
    let session = lab.session();
    let fs = session.fs();
    match configured_interpreter(fs, session.shell().pwd()) {
        Some((settings, interpreter)) => {
            let ok = fs.is_executable_file(&interpreter);
            let (class, state) = if ok { ("ide ok", "found") } else { ("ide missing", "missing") };
            html! {
                <p class={class} title={format!("from {settings}")} aria-live="polite">
                    <span class="label">{ "Editor's Python: " }</span>
                    <code>{ interpreter }</code>
                    <span class="state">{ if ok { " ✓ " } else { " ✗ " } }{ state }</span>
                </p>
            }
        }
        None => html! { <p class="ide none"><span class="label">{ "Editor's Python: " }</span>{ "no .vscode/settings.json here" }</p> },
    }
}
