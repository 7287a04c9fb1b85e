//! The browser face: panels over one [`crate::lesson::Tutor`] and its session.
//!
//! `state` holds the lab (the course, the tutor playing a lesson — the sandbox when none is
//! chosen —, transcript, last command's trace, progress) in a reducer shared through a
//! context; each panel is one component in its own file and only reads it: `lesson` (the
//! course index, the step, its goals, hints and solution), `terminal` (input and transcript),
//! `tree` (the working directory, live), `explain` (the last command's trace, told), `ide`
//! (the editor's interpreter badge). `markdown` turns lesson text into nodes. Nothing here
//! decides behaviour: it all comes from the core. The page's effects — reading the URL and
//! `localStorage`, saving progress, the address following the lesson — are here, in [`App`].

mod explain;
mod ide;
mod lesson;
// Public for tests/web.rs, which feeds it hostile lesson text.
pub mod markdown;
mod query;
mod replay;
mod resume;
mod state;
mod terminal;
mod tree;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use state::{Action, Lab, LabHandle};

/// The `localStorage` key progress is saved under.
const PROGRESS_KEY: &str = "venvlab.progress";
/// The `localStorage` key the terminal session is kept under (see [`resume`]).
const SESSION_KEY: &str = "venvlab.session";

/// The whole page: header with the editor badge, the lesson, the terminal, and the side panels.
#[function_component]
pub fn App() -> Html {
    let layout = use_memo((), |_| Layout::from_query(&query_string()));
    // The saved progress and the address are read before the first render, so the page
    // opens on what the link asks for, with one machine built. An embed keeps no session: a
    // post's readers start each embed afresh, and the app's own session is not theirs.
    let embed = layout.embed;
    let lab = use_reducer(|| {
        let window = web_sys::window();
        let storage = window.and_then(|w| w.local_storage().ok().flatten());
        let read = |key: &str| storage.as_ref().and_then(|s| s.get_item(key).ok().flatten());
        let session = if embed { None } else { read(SESSION_KEY) };
        Lab::start(read(PROGRESS_KEY).as_deref(), &query_string(), session.as_deref())
    });
    {
        // After every command: the session, for the next visit to rebuild.
        let text = lab.to_resume().map(|resume| resume.to_text()).unwrap_or_default();
        use_effect_with(text, move |text| {
            if let (false, Some(storage)) = (embed, web_sys::window().and_then(|w| w.local_storage().ok().flatten())) {
                let _ = if text.is_empty() { storage.remove_item(SESSION_KEY) } else { storage.set_item(SESSION_KEY, text) };
            }
        });
    }
    {
        // Whenever progress changes. Storage may be full or forbidden: progress is then kept
        // for this visit only.
        let text = (lab.saves > 0).then(|| lab.progress.to_text());
        use_effect_with(lab.saves, move |_| {
            if let Some(text) = text {
                if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
                    let _ = storage.set_item(PROGRESS_KEY, &text);
                }
            }
        });
    }
    {
        // When the learner opens a lesson, the address follows in a new history entry, so a
        // reload or a shared link reopens it and the back button returns to the one before.
        let address = lab.address();
        use_effect_with(lab.opened, move |&opened| {
            let location = web_sys::window().map(|w| (w.location(), w.history()));
            if let (true, Some((location, Ok(history)))) = (opened > 0, location) {
                let path = location.pathname().unwrap_or_default();
                let search = location.search().unwrap_or_default();
                let next = keep_layout(&search, &address);
                if search != next {
                    let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{next}")));
                }
            }
        });
    }
    {
        // Back and forward: open what the address now names.
        let dispatcher = lab.dispatcher();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let listener = Closure::<dyn Fn()>::new(move || {
                dispatcher.dispatch(Action::Navigate(query_string()));
            });
            if let Some(window) = &window {
                window.set_onpopstate(Some(listener.as_ref().unchecked_ref()));
            }
            move || {
                if let Some(window) = window {
                    window.set_onpopstate(None);
                }
                drop(listener);
            }
        });
    }
    let commands = use_memo((), |_| replay::commands_from_query(&query_string()));
    let can_undo = lab.can_undo();
    let onundo = {
        let lab = lab.dispatcher();
        Callback::from(move |_: MouseEvent| lab.dispatch(state::Action::Undo))
    };
    let show = |panel: &str| layout.panels.iter().any(|p| p == panel);
    html! {
        <ContextProvider<LabHandle> context={lab}>
            <div class={classes!("lab", layout.embed.then_some("embed"), (layout.panels.len() < PANELS.len()).then_some("chosen"))}>
                if !layout.embed {
                    <header class="bar">
                        <h1>{ "venvlab" }</h1>
                        <ide::IdeBadge />
                        <replay::Share />
                        <button type="button" class="undo" disabled={!can_undo} onclick={onundo}
                            title="Take back the last command: files, variables and the lesson as before it">
                            { "↶ Undo" }
                        </button>
                    </header>
                }
                if let Some(notice) = &layout.notice {
                    <p class="layout-notice" role="status">{ notice }</p>
                }
                {
                    match &*commands {
                        Ok(lines) if !lines.is_empty() => html! { <replay::Replay commands={lines.clone()} /> },
                        Ok(_) => Html::default(),
                        Err(message) => html! { <p class="layout-notice" role="status">{ message }</p> },
                    }
                }
                <main class={if layout.panels.len() == PANELS.len() { "panels" } else { "panels chosen" }}>
                    if show("lesson") { <lesson::LessonPanel /> }
                    if show("terminal") { <terminal::TerminalPanel /> }
                    if show("tree") || show("explain") {
                        <aside class="side">
                            if show("tree") { <tree::FileTree /> }
                            if show("explain") { <explain::Explain /> }
                        </aside>
                    }
                </main>
            </div>
        </ContextProvider<LabHandle>>
    }
}

/// The page's query string (`location.search`), empty when there is none.
fn query_string() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// A query string for `address` (`?lesson=ID` or empty) that keeps the layout parameters
/// (`embed`, `panels`) of the current one, `search`.
fn keep_layout(search: &str, address: &str) -> String {
    let layout = query::params(search).filter_map(|(key, value)| Some((key, value?))).filter(|(key, _)| ["embed", "panels"].contains(key));
    let params: Vec<String> = query::params(address).filter_map(|(key, value)| Some((key, value?))).chain(layout).map(|(key, value)| format!("{key}={value}")).collect();
    if params.is_empty() { String::new() } else { format!("?{}", params.join("&")) }
}

/// The panels a page shows, from its address: `?embed=1` is the compact layout for an
/// `<iframe>` (no header); `&panels=terminal,tree` chooses panels. Unknown names are ignored
/// with a visible notice.
#[derive(Debug, Clone, PartialEq)]
struct Layout {
    embed: bool,
    panels: Vec<String>,
    notice: Option<String>,
}

/// The panels there are, in page order.
const PANELS: &[&str] = &["lesson", "terminal", "tree", "explain"];

impl Layout {
    fn from_query(query: &str) -> Layout {
        let mut layout = Layout { embed: false, panels: PANELS.iter().map(|p| p.to_string()).collect(), notice: None };
        for param in query::params(query) {
            match param {
                ("embed", Some(value)) => layout.embed = value == "1",
                ("panels", Some(list)) => {
                    let (known, unknown): (Vec<&str>, Vec<&str>) =
                        list.split(',').filter(|p| !p.is_empty()).partition(|p| PANELS.contains(p));
                    if !unknown.is_empty() {
                        layout.notice = Some(format!("Unknown panels ignored: {} (there are: {}).", unknown.join(", "), PANELS.join(", ")));
                    }
                    if !known.is_empty() {
                        layout.panels = PANELS.iter().filter(|p| known.contains(p)).map(|p| p.to_string()).collect();
                    }
                }
                _ => {}
            }
        }
        layout
    }
}
