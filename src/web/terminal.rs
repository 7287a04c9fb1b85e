//! The terminal panel: the transcript, the prompt and the input line.
//!
//! Output is always rendered as text nodes, never as HTML.

use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::{Element, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::state::{Action, Entry, LabHandle};

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
        let lab = lab.dispatcher();
        let input = input.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Enter" || event.is_composing() {
                return;
            }
            event.prevent_default();
            if let Some(input) = input.cast::<HtmlInputElement>() {
                let line = input.value();
                input.set_value("");
                lab.dispatch(Action::Run(line));
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
        <section class="terminal" ref={panel} {onclick} aria-label="Terminal">
            <div class="transcript" role="log" aria-live="polite" aria-label="Terminal output">
                { for lab.transcript.iter().map(view_entry) }
            </div>
            <div class="input-line">
                <label for="command" class="prompt">
                    <span class="visually-hidden">{ "Command line, " }</span>
                    { lab.prompt.clone() }
                </label>
                <input id="command" ref={input} {onkeydown} type="text"
                    autocomplete="off" autocapitalize="off" spellcheck="false" />
            </div>
        </section>
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
                <span class={chunk.class}>{ &chunk.text }</span>
            }) }
        </div>
    }
}
