//! The browser front end: a terminal-looking panel that drives one [`Session`].
//!
//! All state lives in a [`Terminal`] reducer; the component only renders it and turns key presses
//! into [`Action`]s. Output is always rendered as text nodes, never as HTML.

use std::cell::RefCell;
use std::rc::Rc;

use im::Vector;
use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::{Element, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::{Session, Stream};

/// One piece of output in the transcript.
#[derive(Clone)]
struct Chunk {
    /// Written to standard error rather than standard output.
    error: bool,
    text: String,
}

/// One command line run, and what it printed.
#[derive(Clone)]
struct Entry {
    /// The prompt and the line typed; `None` for output printed after a screen clear.
    command: Option<(String, String)>,
    output: Vec<Chunk>,
}

/// The terminal's state: the session, its prompt and the transcript since the last clear.
#[derive(Clone)]
pub struct Terminal {
    session: Rc<RefCell<Session>>,
    prompt: String,
    transcript: Vector<Entry>,
}

impl Default for Terminal {
    fn default() -> Self {
        let session = Rc::new(RefCell::new(Session::new()));
        let prompt = session.borrow_mut().prompt();
        Terminal {
            session,
            prompt,
            transcript: Vector::new(),
        }
    }
}

/// What the user can do to the [`Terminal`].
pub enum Action {
    /// Run a command line in the session.
    Run(String),
}

impl Reducible for Terminal {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            Action::Run(line) => {
                let outcome = next.session.borrow_mut().run(&line);
                let mut output: Vec<Chunk> = outcome
                    .spans
                    .into_iter()
                    .map(|span| Chunk {
                        error: matches!(span.stream, Stream::Stderr),
                        text: span.text,
                    })
                    .collect();
                // A program reading the terminal (`>>> `, `Proceed (Y/n)? `) ends its output
                // with its prompt: show that as the input's prompt instead.
                let program_prompt = if outcome.waiting_for_input { take_last_line(&mut output) } else { String::new() };
                let command = if outcome.clear_screen {
                    next.transcript.clear();
                    None
                } else {
                    Some((next.prompt.clone(), line))
                };
                if command.is_some() || !output.is_empty() {
                    next.transcript.push_back(Entry { command, output });
                }
                next.prompt = if outcome.waiting_for_input { program_prompt } else { next.session.borrow_mut().prompt() };
            }
        }
        Rc::new(next)
    }
}

/// Removes the unfinished last line (text after the last newline) from output and returns it.
fn take_last_line(output: &mut Vec<Chunk>) -> String {
    let mut tail = String::new();
    while let Some(last) = output.last_mut() {
        match last.text.rfind('\n') {
            Some(i) => {
                tail.insert_str(0, &last.text[i + 1..]);
                last.text.truncate(i + 1);
                break;
            }
            None => {
                tail.insert_str(0, &last.text);
                output.pop();
            }
        }
    }
    tail
}

#[wasm_bindgen]
extern "C" {
    /// The page's text selection (`window.getSelection()`).
    type Selection;
    #[wasm_bindgen(js_name = getSelection)]
    fn get_selection() -> Option<Selection>;
    #[wasm_bindgen(method, getter, js_name = isCollapsed)]
    fn is_collapsed(this: &Selection) -> bool;
}

/// The whole page: a full-window terminal running a fresh [`Session`].
#[function_component]
pub fn App() -> Html {
    let terminal = use_reducer(Terminal::default);
    let panel = use_node_ref();
    let input = use_node_ref();

    // After every render: show the newest output and keep the cursor in the input.
    {
        let (panel, input) = (panel.clone(), input.clone());
        use_effect(move || {
            if let Some(panel) = panel.cast::<Element>() {
                panel.set_scroll_top(panel.scroll_height());
            }
            if let Some(input) = input.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }

    let onkeydown = {
        let terminal = terminal.dispatcher();
        let input = input.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Enter" || event.is_composing() {
                return;
            }
            event.prevent_default();
            if let Some(input) = input.cast::<HtmlInputElement>() {
                let line = input.value();
                input.set_value("");
                terminal.dispatch(Action::Run(line));
            }
        })
    };

    // A click anywhere in the panel focuses the input, unless it ended a text selection.
    let onclick = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if get_selection().is_none_or(|selection| selection.is_collapsed()) {
                if let Some(input) = input.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                }
            }
        })
    };

    html! {
        <main class="terminal" ref={panel} {onclick}>
            <div class="transcript" role="log" aria-live="polite" aria-label="Terminal output">
                { for terminal.transcript.iter().map(view_entry) }
            </div>
            <div class="input-line">
                <label for="command" class="prompt">
                    <span class="visually-hidden">{ "Command line, " }</span>
                    { terminal.prompt.clone() }
                </label>
                <input id="command" ref={input} {onkeydown} type="text"
                    autocomplete="off" autocapitalize="off" spellcheck="false" />
            </div>
        </main>
    }
}

/// Renders one transcript entry: the prompt and command line, then its output.
fn view_entry(entry: &Entry) -> Html {
    html! {
        <div class="entry">
            if let Some((prompt, line)) = &entry.command {
                <div class="command"><span class="prompt">{ prompt }</span>{ line }</div>
            }
            { for entry.output.iter().map(|chunk| html! {
                <span class={if chunk.error { "stderr" } else { "stdout" }}>{ &chunk.text }</span>
            }) }
        </div>
    }
}
