//! The file tree: the working directory's contents, live after each command. Symbolic links
//! show their target (broken ones are marked), and what the last command created, changed or
//! removed is highlighted. Directories open and close; those holding a change open by
//! themselves. The path above the tree widens it to any parent directory, up to `/`.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::state::LabHandle;
use crate::fs::{join_path, FileKind, Fs};
use crate::trace::Event;

/// Entries shown per directory before "… more".
const MAX_ENTRIES: usize = 200;
/// Directories deeper than this below the root are not opened.
const MAX_DEPTH: usize = 12;

/// What the last command touched.
#[derive(Clone, PartialEq, Default)]
struct Changes {
    /// Paths created or modified.
    touched: BTreeSet<String>,
    /// Paths removed.
    removed: Vec<String>,
}

impl Changes {
    fn from_events(events: &[Event]) -> Changes {
        let mut changes = Changes::default();
        for event in events {
            match event {
                Event::Created(p) | Event::Modified(p) => {
                    changes.touched.insert(p.clone());
                }
                Event::Removed(p) => changes.removed.push(p.clone()),
                _ => {}
            }
        }
        changes
    }

    /// Whether something under `dir` was touched.
    fn inside(&self, dir: &str) -> bool {
        let prefix = format!("{}/", dir.trim_end_matches('/'));
        self.touched.range(prefix.clone()..).next().is_some_and(|p| p.starts_with(&prefix))
    }
}

/// What every entry of one drawing of the tree needs.
#[derive(Clone, PartialEq)]
struct Shared {
    changes: Changes,
    /// The lab's revision: entries redraw after every command.
    revision: u64,
    /// Opens a file in the viewer.
    onview: Callback<String>,
}

/// Bytes of a file the viewer shows.
const MAX_VIEW: usize = 20_000;

/// The tree panel, with a viewer for the file clicked.
#[function_component]
pub fn FileTree() -> Html {
    let lab = use_context::<LabHandle>().expect("the lab context is provided by App");
    let viewing = use_state(|| None::<String>);
    let chosen = use_state(|| None::<String>);
    let onview = {
        let viewing = viewing.clone();
        Callback::from(move |path: String| viewing.set(Some(path)))
    };
    let onclose = {
        let viewing = viewing.clone();
        Callback::from(move |_: MouseEvent| viewing.set(None))
    };
    let shared = Rc::new(Shared { changes: Changes::from_events(&lab.events), revision: lab.revision, onview });
    let changes = &shared.changes;
    let session = lab.session();
    let pwd = session.shell().pwd().to_string();
    // The tree shows the working directory, or one of its parents the learner chose (up to
    // `/`), while that is still above it.
    let root = match &*chosen {
        Some(dir) if dir == "/" || pwd.starts_with(&format!("{dir}/")) => dir.clone(),
        _ => pwd.clone(),
    };
    let crumbs = ancestors(&pwd).into_iter().map(|dir| {
        let label = if dir == "/" { "/".to_string() } else { format!("{}/", dir.rsplit('/').next().unwrap_or_default()) };
        let current = dir == root;
        let onclick = {
            let (chosen, dir, follow) = (chosen.clone(), dir.clone(), dir == pwd);
            Callback::from(move |_: MouseEvent| chosen.set((!follow).then(|| dir.clone())))
        };
        html! {
            <button type="button" class="crumb" {onclick} aria-current={current.then_some("true")}
                title={format!("Show the tree from {dir}")}>{ label }</button>
        }
    });
    html! {
        <section class="tree" aria-label="Files">
            <h2>{ "Files in " }<span class="crumbs">{ for crumbs }</span></h2>
            <ul class="tree-list">
                { children(session.fs(), &root, 0, &shared) }
            </ul>
            if let Some(path) = &*viewing {
                <div class="viewer" role="region" aria-label={format!("Contents of {path}")}>
                    <p class="viewer-head"><code>{ path }</code>
                        <button type="button" class="close" onclick={onclose}>{ "Close" }</button>
                    </p>
                    { view_file(session.fs(), path) }
                </div>
            }
            if !changes.removed.is_empty() {
                <p class="removed">{ "Removed: " }
                    { for changes.removed.iter().take(20).map(|p| html! { <code>{ p }</code> }) }
                </p>
            }
        </section>
    }
}

/// `/` and each directory on the way down to `dir` (absolute), ending with `dir` itself.
fn ancestors(dir: &str) -> Vec<String> {
    let mut all = vec!["/".to_string()];
    let mut at = String::new();
    for part in dir.split('/').filter(|p| !p.is_empty()) {
        at = format!("{at}/{part}");
        all.push(at.clone());
    }
    all
}

/// A file's text, or, for a binary file, what `file` would say of it.
fn view_file(fs: &Fs, path: &str) -> Html {
    let Ok(data) = fs.read(path) else { return html! { <p class="muted">{ "It is gone." }</p> } };
    let text = std::str::from_utf8(&data).ok().filter(|t| !t.contains('\0'));
    match text {
        Some(text) => {
            let end = (0..=text.len().min(MAX_VIEW)).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            html! {
                <>
                    <pre>{ &text[..end] }</pre>
                    if end < text.len() { <p class="muted">{ format!("… {} more bytes", text.len() - end) }</p> }
                </>
            }
        }
        None => html! { <p>{ crate::programs::describe_content(&data) }</p> },
    }
}

/// The entries of a directory, sorted as `ls` sorts them (byte order), dot files included.
fn children(fs: &Fs, dir: &str, depth: usize, shared: &Rc<Shared>) -> Html {
    let Ok(mut entries) = fs.read_dir(dir) else { return Html::default() };
    crate::sort::sort_by(&mut entries, |a, b| a.name.as_bytes().cmp(b.name.as_bytes()));
    let more = entries.len().saturating_sub(MAX_ENTRIES);
    html! {
        <>
            { for entries.iter().take(MAX_ENTRIES).map(|e| {
                let path = join_path(dir, &e.name);
                let key = path.clone();
                html! { <TreeEntry {key} {path} name={e.name.clone()} {depth} shared={shared.clone()} /> }
            }) }
            if more > 0 { <li class="more">{ format!("… {more} more") }</li> }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct TreeEntryProps {
    path: String,
    name: String,
    depth: usize,
    shared: Rc<Shared>,
}

/// One entry; a directory opens and closes with a button.
#[function_component]
fn TreeEntry(props: &TreeEntryProps) -> Html {
    let lab = use_context::<LabHandle>().expect("the lab context is provided by App");
    let toggled = use_state(|| None::<bool>);
    // A directory that a command changed something in opens, and stays open until closed;
    // not the insides of installed packages, which would bury everything else.
    let inside = props.shared.changes.inside(&props.path) && props.depth < 4 && !props.path.contains("/site-packages/");
    {
        let toggled = toggled.clone();
        use_effect_with((props.shared.revision, inside), move |&(_, inside)| {
            if inside && toggled.is_none() {
                toggled.set(Some(true));
            }
        });
    }
    let session = lab.session();
    let fs = session.fs();
    let Ok(meta) = fs.lstat(&props.path) else { return Html::default() };
    let changed = if props.shared.changes.touched.contains(&props.path) { " changed" } else { "" };
    match meta.kind {
        FileKind::Symlink => {
            let target = fs.readlink(&props.path).unwrap_or_default();
            let broken = fs.stat(&props.path).is_err();
            html! {
                <li class={format!("link{changed}{}", if broken { " broken" } else { "" })}>
                    <span class="name">{ &props.name }</span>
                    <span class="arrow" aria-label="symbolic link to">{ " → " }</span>
                    <span class="target">{ target }</span>
                    if broken { <span class="badge">{ "broken" }</span> }
                </li>
            }
        }
        FileKind::Dir => {
            let open = toggled.unwrap_or(inside);
            let onclick = {
                let toggled = toggled.clone();
                Callback::from(move |_: MouseEvent| toggled.set(Some(!open)))
            };
            html! {
                <li class={format!("dir{changed}")}>
                    <button type="button" class="toggle" aria-expanded={open.to_string()} {onclick}>
                        { format!("{}/", props.name) }
                    </button>
                    if open && props.depth < MAX_DEPTH {
                        <ul>{ children(fs, &props.path, props.depth + 1, &props.shared) }</ul>
                    }
                </li>
            }
        }
        FileKind::File => {
            let exec = if meta.perm & 0o111 != 0 { " exec" } else { "" };
            let onclick = {
                let (onview, path) = (props.shared.onview.clone(), props.path.clone());
                Callback::from(move |_: MouseEvent| onview.emit(path.clone()))
            };
            html! {
                <li class={format!("file{exec}{changed}")}>
                    <button type="button" class="name" {onclick} title="Show its contents">{ &props.name }</button>
                </li>
            }
        }
    }
}
