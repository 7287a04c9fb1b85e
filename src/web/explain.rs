//! "Why": the last command explained from its trace — how the shell found the program (each
//! `PATH` directory tried, the one that matched), the symbolic links followed to the real
//! file, the `#!` line and the interpreter it names, where Python looked for `pyvenv.cfg` and
//! the prefixes it settled on, and which files changed.

use yew::prelude::*;

use super::state::LabHandle;
use crate::trace::{Event, Resolution};

/// Files listed as changed before "… and N more".
const MAX_CHANGES: usize = 12;

/// The explanation panel.
#[function_component]
pub fn Explain() -> Html {
    let lab = use_context::<LabHandle>().expect("the lab context is provided by App");
    let events = &lab.events;
    let body: Vec<Html> = events.iter().enumerate().filter(|(i, e)| *i == 0 || !is_plumbing(e)).filter_map(|(_, e)| explain_event(e)).collect();
    let changed: Vec<&Event> = events.iter().filter(|e| matches!(e, Event::Created(_) | Event::Modified(_) | Event::Removed(_))).collect();
    html! {
        <section class="explain" aria-label="What happened">
            <h2>{ "What happened" }</h2>
            if lab.last_line.is_empty() {
                <p class="muted">{ "Run a command: this panel shows how the shell found it, which links it followed and which files it changed." }</p>
            } else {
                <p class="line"><code>{ &lab.last_line }</code></p>
                <ol class="steps">{ for body }</ol>
                if !changed.is_empty() {
                    <p class="changes">{ format!("Files changed: {}", changed.len()) }</p>
                    <ul class="changes">
                        { for changed.iter().take(MAX_CHANGES).map(|e| view_change(e)) }
                        if changed.len() > MAX_CHANGES { <li>{ format!("… and {} more", changed.len() - MAX_CHANGES) }</li> }
                    </ul>
                }
            }
        </section>
    }
}

/// Builtins and functions used inside scripts (`set`, `[`, `export` in a pyenv shim) are the
/// scripts' plumbing: only the command typed, and programs found on disk, are worth telling.
fn is_plumbing(event: &Event) -> bool {
    matches!(event, Event::Lookup { found: Resolution::Builtin | Resolution::Function | Resolution::Alias(_), .. })
}

/// One step of the story, or nothing for events told elsewhere.
fn explain_event(event: &Event) -> Option<Html> {
    let item = match event {
        Event::Lookup { name, searched, found } => view_lookup(name, searched, found),
        Event::PathSearch { by, name, searched, found } => html! {
            <li class={if found.is_empty() { "bad" } else { "" }}>
                <code>{ by.clone() }</code>{ " searched PATH for " }<code>{ name }</code>{ ": " }
                { match found.as_slice() {
                    [] => html! { { "not found in any directory" } },
                    [only] => html! { <code>{ only }</code> },
                    [first, rest @ ..] => html! { <>{ "first " }<code>{ first }</code>{ format!(", then {} more", rest.len()) }</> },
                } }
                { view_search(searched, found) }
            </li>
        },
        Event::SymlinkHop { link, target } => html! {
            <li><code>{ link }</code>{ " is a symbolic link to " }<code>{ target }</code></li>
        },
        Event::Exec { path, program } => html! {
            <li>{ "ran " }<code>{ path }</code>{ format!(" (the {program} program)") }</li>
        },
        Event::Shebang { script, interpreter, found } => html! {
            <li class={if *found { "" } else { "bad" }}>
                <code>{ script }</code>{ " starts with " }<code>{ format!("#!{interpreter}") }</code>
                { if *found { ": that interpreter runs it" } else { ": that file does not exist, so the script cannot run" } }
            </li>
        },
        Event::PyvenvCfg { path, found } => html! {
            <li>{ "Python looked for " }<code>{ path }</code>{ if *found { ": found" } else { ": not there" } }</li>
        },
        Event::PythonPrefix { prefix, base_prefix } if prefix == base_prefix => html! {
            <li>{ "not in a venv: " }<code>{ "sys.prefix" }</code>{ " = " }<code>{ "sys.base_prefix" }</code>{ " = " }<code>{ prefix }</code></li>
        },
        Event::PythonPrefix { prefix, base_prefix } => html! {
            <li>{ "in a venv: " }<code>{ "sys.prefix" }</code>{ " = " }<code>{ prefix }</code>{ ", " }<code>{ "sys.base_prefix" }</code>{ " = " }<code>{ base_prefix }</code></li>
        },
        Event::Import { module, found: Some(file), .. } => html! {
            <li>{ "import " }<code>{ module }</code>{ " found " }<code>{ file }</code></li>
        },
        Event::Import { module, searched, found: None } => html! {
            <li class="bad">{ "import " }<code>{ module }</code>{ format!(" failed: not in any of the {} directories of sys.path", searched.len()) }</li>
        },
        Event::Limit(message) => html! { <li class="bad">{ message }</li> },
        Event::Created(_) | Event::Modified(_) | Event::Removed(_) => return None,
    };
    Some(item)
}

/// How a command name was resolved, with the `PATH` search laid out.
fn view_lookup(name: &str, searched: &[String], found: &Resolution) -> Html {
    let summary = match found {
        Resolution::Alias(text) => html! { <>{ "an alias for " }<code>{ text }</code></> },
        Resolution::Function => html! { { "a shell function" } },
        Resolution::Builtin => html! { { "built into the shell" } },
        Resolution::Hashed(path) => html! { <>{ "remembered by the shell (hashed): " }<code>{ path }</code></> },
        Resolution::Path(path) => html! { <>{ "found on PATH: " }<code>{ path }</code></> },
        Resolution::Direct(path) => html! { <>{ "a path, so PATH is not searched: " }<code>{ path }</code></> },
        Resolution::NotFound => html! { { "not found in any PATH directory" } },
    };
    let hits: Vec<String> = match found {
        Resolution::Path(path) => vec![path.clone()],
        _ => Vec::new(),
    };
    html! {
        <li class={if matches!(found, Resolution::NotFound) { "bad" } else { "" }}>
            <code>{ name }</code>{ " is " }{ summary }
            { view_search(searched, &hits) }
        </li>
    }
}

/// The `PATH` directories searched, in order, marking those that held one of `hits`.
fn view_search(searched: &[String], hits: &[String]) -> Html {
    if searched.is_empty() {
        return Html::default();
    }
    let held = |dir: &str| hits.iter().any(|hit| hit.rsplit_once('/').map(|(d, _)| if d.is_empty() { "/" } else { d }) == Some(dir));
    html! {
        <ol class="path-search" aria-label="PATH directories searched, in order">
            { for searched.iter().map(|dir| {
                let matched = held(dir);
                html! { <li class={if matched { "hit" } else { "" }}><code>{ dir }</code>{ if matched { " ← here" } else { "" } }</li> }
            }) }
        </ol>
    }
}

fn view_change(event: &Event) -> Html {
    let (sign, path, class) = match event {
        Event::Created(p) => ("+", p, "created"),
        Event::Modified(p) => ("~", p, "modified"),
        Event::Removed(p) => ("−", p, "removed"),
        _ => return Html::default(),
    };
    html! { <li class={class}><span aria-hidden="true">{ sign }{ " " }</span><span class="visually-hidden">{ class }{ " " }</span><code>{ path }</code></li> }
}
