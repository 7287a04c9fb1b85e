//! The terminal panel: the transcript, the prompt and the input line, with readline's keys:
//! history (Up/Down, kept in `localStorage`), Tab completion from the core, Ctrl-A/E/U/K/W,
//! Ctrl-C, Ctrl-D (end of input, or delete), and a multi-line paste run line by line; on touch
//! screens, buttons for the keys an on-screen keyboard lacks.
//!
//! Output is always rendered as text nodes, never as HTML.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, Element, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::state::{Action, Chunk, Entry, LabHandle, END_OF_INPUT};
use crate::complete::{common_prefix, word_start};

/// Where the command history is kept between visits.
const HISTORY_KEY: &str = "venvlab.history";
/// Most history lines kept.
const HISTORY_MAX: usize = 200;

/// The lines typed, oldest first, and where Up/Down has got to.
#[derive(Default)]
struct History {
    lines: Vec<String>,
    /// Index into `lines` while browsing; `None` at the line being typed.
    at: Option<usize>,
    /// The line being typed when browsing began.
    draft: String,
}

impl History {
    fn load() -> History {
        let lines = storage()
            .and_then(|s| s.get_item(HISTORY_KEY).ok().flatten())
            .map(|text| text.lines().map(str::to_string).collect())
            .unwrap_or_default();
        History { lines, ..History::default() }
    }

    fn push(&mut self, line: &str) {
        self.at = None;
        if line.trim().is_empty() || self.lines.last().is_some_and(|l| l == line) {
            return;
        }
        self.lines.push(line.to_string());
        let excess = self.lines.len().saturating_sub(HISTORY_MAX);
        self.lines.drain(..excess);
        if let Some(storage) = storage() {
            let _ = storage.set_item(HISTORY_KEY, &self.lines.join("\n"));
        }
    }

    /// The line Up (`back`) or Down shows, given the line in the input now.
    fn step(&mut self, back: bool, current: &str) -> Option<String> {
        let next = match (self.at, back) {
            (None, true) if !self.lines.is_empty() => {
                self.draft = current.to_string();
                Some(self.lines.len() - 1)
            }
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < self.lines.len() => Some(i + 1),
            (Some(_), false) => {
                self.at = None;
                return Some(std::mem::take(&mut self.draft));
            }
            _ => return None,
        };
        self.at = next;
        next.map(|i| self.lines[i].clone())
    }
}

/// The page's `localStorage`, when the browser allows it.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A key the terminal acts on, from the keyboard or the on-screen keys.
#[derive(Clone, Copy, PartialEq)]
enum Key {
    Enter,
    Up,
    Down,
    Tab,
    /// A letter with Ctrl, lower case.
    Ctrl(char),
}

/// Ctrl-A/E/U/K/W/D on the input: the new value and cursor, as readline edits.
fn edit(key: char, value: &str, cursor: usize) -> Option<(String, usize)> {
    let (before, after) = value.split_at(cursor);
    Some(match key {
        'a' => (value.to_string(), 0),
        'e' => (value.to_string(), value.len()),
        'u' => (after.to_string(), 0),
        'k' => (before.to_string(), cursor),
        'd' => {
            let mut rest = after.chars();
            rest.next();
            (format!("{before}{}", rest.as_str()), cursor)
        }
        'w' => {
            let kept = before.trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
            (format!("{}{after}", &before[..kept]), kept)
        }
        _ => return None,
    })
}

/// The cursor as a byte index into the input's value (the DOM counts UTF-16 units).
fn cursor_of(input: &HtmlInputElement, value: &str) -> usize {
    let units = input.selection_start().ok().flatten().map_or(usize::MAX, |u| u as usize);
    let mut seen = 0;
    for (i, c) in value.char_indices() {
        if seen >= units {
            return i;
        }
        seen += c.len_utf16();
    }
    value.len()
}

/// Puts the cursor at a byte index of the input's value.
fn set_cursor(input: &HtmlInputElement, value: &str, at: usize) {
    let units = value[..at.min(value.len())].encode_utf16().count() as u32;
    let _ = input.set_selection_range(units, units);
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

/// The terminal: scrolls to the newest output and keeps the cursor in the input.
#[function_component]
pub fn TerminalPanel() -> Html {
    let lab = use_context::<LabHandle>().expect("the lab context is provided by App");
    let panel = use_node_ref();
    let input = use_node_ref();

    // When a command has run: show the newest output and put the cursor back in the input
    // (not on every render, or a lesson button would lose the focus to the terminal).
    {
        let (panel, input) = (panel.clone(), input.clone());
        use_effect_with((lab.transcript.len(), lab.prompt.clone()), move |_| {
            if let Some(panel) = panel.cast::<Element>() {
                panel.set_scroll_top(panel.scroll_height());
            }
            if let Some(input) = input.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }

    // The terminal's width in characters, told to the session now and whenever the window
    // is resized, so that `ls` lays out columns that fit.
    let measure = use_node_ref();
    {
        let (measure, input, lab) = (measure.clone(), input.clone(), lab.dispatcher());
        use_effect_with((), move |_| {
            let told = std::cell::Cell::new(0);
            let fit = move || {
                let width = input.cast::<Element>().and_then(|i| i.parent_element()).map(|line| line.client_width());
                let ten = measure.cast::<web_sys::HtmlElement>().map(|m| m.offset_width());
                if let (Some(width), Some(ten)) = (width, ten) {
                    let columns = if ten > 0 { (width.max(0) as usize * 10) / ten as usize } else { 0 };
                    if columns > 0 && columns != told.get() {
                        told.set(columns);
                        lab.dispatch(Action::Resize(columns));
                    }
                }
            };
            fit();
            let listener = Closure::<dyn Fn()>::new(fit);
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window.add_event_listener_with_callback("resize", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(window) = window {
                    let _ = window.remove_event_listener_with_callback("resize", listener.as_ref().unchecked_ref());
                }
            }
        });
    }

    let history = use_mut_ref(History::load);
    let suggestions = use_state(Vec::<String>::new);

    // What a key does to the input line; `true` when it was taken (the browser's own action
    // is then prevented). The keyboard and the on-screen keys both come here.
    let press = {
        let lab = lab.clone();
        let input = input.clone();
        let history = history.clone();
        let suggestions = suggestions.clone();
        Callback::from(move |key: Key| -> bool {
            let Some(field) = input.cast::<HtmlInputElement>() else { return false };
            let value = field.value();
            if key != Key::Tab && !suggestions.is_empty() {
                suggestions.set(Vec::new());
            }
            match key {
                Key::Enter => {
                    field.set_value("");
                    history.borrow_mut().push(&value);
                    lab.dispatch(Action::Run(value));
                }
                Key::Up | Key::Down => {
                    if let Some(line) = history.borrow_mut().step(key == Key::Up, &value) {
                        field.set_value(&line);
                        set_cursor(&field, &line, line.len());
                    }
                }
                Key::Tab => {
                    let cursor = cursor_of(&field, &value);
                    let (before, after) = value.split_at(cursor);
                    let candidates = lab.session().complete(before);
                    let start = word_start(before);
                    let word = &before[start..];
                    let insert = match candidates.as_slice() {
                        [] => return true,
                        [only] if only.ends_with('/') => only.clone(),
                        [only] => format!("{only} "),
                        many => {
                            let prefix = common_prefix(many);
                            if prefix.len() <= word.len() {
                                suggestions.set(many.to_vec());
                                return true;
                            }
                            prefix
                        }
                    };
                    let line = format!("{}{insert}{after}", &before[..start]);
                    field.set_value(&line);
                    set_cursor(&field, &line, start + insert.len());
                }
                Key::Ctrl('l') => lab.dispatch(Action::ClearScreen),
                Key::Ctrl('c') => {
                    field.set_value("");
                    history.borrow_mut().at = None;
                    lab.dispatch(Action::Interrupt(value));
                }
                // On an empty line, Ctrl-D ends the input of a program reading the terminal
                // (the REPL, `read`); bash itself would exit, which a page cannot: nothing.
                Key::Ctrl('d') if value.is_empty() => {
                    if lab.session().waiting_for_input() {
                        lab.dispatch(Action::Run(END_OF_INPUT.into()));
                    }
                }
                Key::Ctrl(k) => match edit(k, &value, cursor_of(&field, &value)) {
                    Some((line, at)) => {
                        field.set_value(&line);
                        set_cursor(&field, &line, at);
                    }
                    None => return false,
                },
            }
            true
        })
    };

    let onkeydown = {
        let press = press.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.is_composing() {
                return;
            }
            let key = match event.key().as_str() {
                "Enter" => Key::Enter,
                "ArrowUp" => Key::Up,
                "ArrowDown" => Key::Down,
                // Shift-Tab is left to the browser, so the keyboard can leave the terminal
                // (no keyboard trap).
                "Tab" if !event.shift_key() => Key::Tab,
                k if event.ctrl_key() && !event.alt_key() && !event.meta_key() && k.chars().count() == 1 => {
                    Key::Ctrl(k.chars().next().unwrap_or_default().to_ascii_lowercase())
                }
                _ => return,
            };
            if press.emit(key) {
                event.prevent_default();
            }
        })
    };

    // Phones' on-screen keyboards may send no key events for Enter: the form's submission
    // runs the line instead.
    let onsubmit = {
        let press = press.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            press.emit(Key::Enter);
        })
    };

    // Pasting several lines runs each complete line, as a terminal does; the rest stays typed.
    let onpaste = {
        let lab = lab.clone();
        let input = input.clone();
        let history = history.clone();
        Callback::from(move |event: Event| {
            let Ok(event) = event.dyn_into::<ClipboardEvent>() else { return };
            let Some(text) = event.clipboard_data().and_then(|d| d.get_data("text").ok()) else { return };
            if !text.contains('\n') {
                return;
            }
            event.prevent_default();
            let Some(field) = input.cast::<HtmlInputElement>() else { return };
            let mut lines: Vec<String> = text.replace("\r\n", "\n").split('\n').map(str::to_string).collect();
            let rest = lines.pop().unwrap_or_default();
            if let Some(first) = lines.first_mut() {
                *first = format!("{}{first}", field.value());
            }
            for line in lines {
                history.borrow_mut().push(&line);
                lab.dispatch(Action::Run(line));
            }
            field.set_value(&rest);
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
        <section class="terminal" ref={panel} {onclick} aria-label="Terminal">
            <div class="transcript" role="log" aria-live="polite" aria-label="Terminal output">
                { for lab.transcript.iter().map(view_entry) }
            </div>
            <span class="measure" ref={measure} aria-hidden="true">{ "0123456789" }</span>
            <form class="input-line" {onsubmit}>
                <label for="command" class="prompt">
                    <span class="visually-hidden">{ "Command line, " }</span>
                    { view_chunks(&lab.prompt) }
                </label>
                <input id="command" ref={input.clone()} {onkeydown} {onpaste} type="text" enterkeyhint="send"
                    autocomplete="off" autocapitalize="off" autocorrect="off" spellcheck="false" />
            </form>
            { on_screen_keys(&press, &input) }
            if !suggestions.is_empty() {
                <p class="suggestions" aria-live="polite">
                    { for suggestions.iter().map(|s| html! { <span>{ s }</span> }) }
                </p>
            }
        </section>
    }
}

/// Keys a phone's on-screen keyboard lacks, shown on touch screens and narrow windows.
fn on_screen_keys(press: &Callback<Key, bool>, input: &NodeRef) -> Html {
    // The label shown, and the name screen readers say instead.
    const KEYS: [(Key, &str, &str); 6] = [
        (Key::Tab, "Tab", "Tab: complete"),
        (Key::Up, "↑", "Previous command"),
        (Key::Down, "↓", "Next command"),
        (Key::Ctrl('c'), "^C", "Ctrl-C: interrupt"),
        (Key::Ctrl('d'), "^D", "Ctrl-D: end of input"),
        (Key::Enter, "Run ⏎", "Run"),
    ];
    html! {
        <div class="keys" role="group" aria-label="Terminal keys">
            { for KEYS.iter().map(|&(key, label, said)| {
                let (press, input) = (press.clone(), input.clone());
                let onclick = Callback::from(move |_: MouseEvent| {
                    press.emit(key);
                    if let Some(field) = input.cast::<HtmlInputElement>() {
                        let _ = field.focus();
                    }
                });
                html! {
                    <button type="button" {onclick}>
                        <span aria-hidden="true">{ label }</span>
                        <span class="visually-hidden">{ said }</span>
                    </button>
                }
            }) }
        </div>
    }
}

/// Renders one transcript entry: the prompt and command line, then its output.
fn view_entry(entry: &Entry) -> Html {
    html! {
        <div class="entry">
            if let Some((prompt, line)) = &entry.command {
                <div class="command"><span class="prompt">{ view_chunks(prompt) }</span>{ line }</div>
            }
            { view_chunks(&entry.output) }
        </div>
    }
}

/// Renders output as text in spans whose classes give its colours (a chunk without any is
/// bare text).
fn view_chunks(chunks: &[Chunk]) -> Html {
    chunks
        .iter()
        .map(|chunk| {
            if chunk.class.is_empty() {
                html! { { &chunk.text } }
            } else {
                html! { <span class={chunk.class.clone()}>{ &chunk.text }</span> }
            }
        })
        .collect()
}
