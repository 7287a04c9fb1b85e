//! The browser face: panels over one [`crate::Session`].
//!
//! `state` holds the lab (session, transcript, last command's trace) in a reducer shared
//! through a context; each panel is one component in its own file and only reads it:
//! `terminal` (input and transcript), `tree` (the working directory, live), `explain` (the
//! last command's trace, told), `ide` (the editor's interpreter badge). Nothing here decides
//! behaviour: it all comes from the core.

mod explain;
mod ide;
mod state;
mod terminal;
mod tree;

use yew::prelude::*;

use state::{Lab, LabHandle};

/// The whole page: header with the editor badge, the terminal, and the side panels.
#[function_component]
pub fn App() -> Html {
    let lab = use_reducer(Lab::default);
    html! {
        <ContextProvider<LabHandle> context={lab}>
            <div class="lab">
                <header class="bar">
                    <h1>{ "venvlab" }</h1>
                    <ide::IdeBadge />
                </header>
                <main class="panels">
                    <terminal::TerminalPanel />
                    <aside class="side">
                        <tree::FileTree />
                        <explain::Explain />
                    </aside>
                </main>
            </div>
        </ContextProvider<LabHandle>>
    }
}
