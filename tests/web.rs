//! The web app's components in headless Chromium: each test mounts the app (or the Markdown
//! renderer) into a fresh element with yew's renderer, acts as a learner would — types into
//! the terminal's input and presses Enter or Tab, clicks buttons, opens an address — and reads
//! the DOM back.
//!
//!   cargo test --target wasm32-unknown-unknown --test web
//!
//! `.cargo/config.toml` makes `wasm-bindgen-test-runner` the runner; it drives Chromium
//! through the `chromedriver` on `PATH`, and gives the whole run 20 s unless
//! `WASM_BINDGEN_TEST_TIMEOUT` says otherwise (a passing run takes about 2 s; each failed wait
//! 2 s more). Natively this file is empty.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use venvlab::web::{markdown, App};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, Element, HtmlButtonElement, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};
use yew::prelude::*;
use yew::{AppHandle, Renderer};

wasm_bindgen_test_configure!(run_in_browser);

/// The project directory's prompt, from the default world's `PS1='\u@\h:\w\$ '`.
const PROMPT: &str = "kai@laptop:~/Projects/example$ ";

fn document() -> Document {
    web_sys::window().and_then(|w| w.document()).expect("the tests run in a page")
}

/// Waits (polling, at most two seconds) until `done` holds: yew renders and runs effects
/// after the event that asked for them, not during it.
async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting until {what}");
}

/// A component mounted into its own element of the page; unmounted and removed when dropped,
/// with the address put back as it was.
struct Mounted<C: BaseComponent> {
    root: Element,
    app: Option<AppHandle<C>>,
    path: String,
}

impl<C: BaseComponent> Mounted<C> {
    /// Mounts `C` with `props` at the page's address with `query` (`?…` or empty).
    fn new(query: &str, props: C::Properties) -> Mounted<C> {
        let window = web_sys::window().expect("the tests run in a page");
        let path = window.location().pathname().expect("the page has a path");
        let address = format!("{path}{query}");
        window.history().and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&address))).expect("the address can be set");
        let root = document().create_element("div").expect("a div");
        document().body().expect("the page has a body").append_child(&root).expect("the div is added");
        let app = Some(Renderer::<C>::with_root_and_props(root.clone(), props).render());
        Mounted { root, app, path }
    }

    /// The first element inside that `selector` matches.
    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).ok().flatten()
    }

    /// Every element inside that `selector` matches, in document order.
    fn all(&self, selector: &str) -> Vec<Element> {
        let Ok(list) = self.root.query_selector_all(selector) else { return Vec::new() };
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
    }

    /// The text of the first element `selector` matches; empty when none does.
    fn text(&self, selector: &str) -> String {
        self.find(selector).and_then(|e| e.text_content()).unwrap_or_default()
    }

    /// The texts of every element `selector` matches.
    fn texts(&self, selector: &str) -> Vec<String> {
        self.all(selector).iter().map(|e| e.text_content().unwrap_or_default()).collect()
    }

    /// Clicks the first `selector` whose text is `label`.
    fn click(&self, selector: &str, label: &str) {
        let button = self.all(selector).into_iter().find(|e| e.text_content().as_deref() == Some(label));
        button.and_then(|b| b.dyn_into::<HtmlElement>().ok()).unwrap_or_else(|| panic!("no {selector} labelled {label:?}")).click();
    }
}

impl<C: BaseComponent> Drop for Mounted<C> {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&self.path));
        }
    }
}

/// The whole app, opened at an address with an empty `localStorage` (no progress, no history).
type Lab = Mounted<App>;

/// Opens the app at `query` with an empty `localStorage` and waits for its terminal.
async fn open(query: &str) -> Lab {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        storage.clear().expect("localStorage can be cleared");
    }
    reopen(query).await
}

/// Opens the app at `query` with what `localStorage` holds, as a reload does.
async fn reopen(query: &str) -> Lab {
    let lab = Lab::new(query, ());
    until("the terminal is shown", || lab.find("#command").is_some()).await;
    lab
}

impl Lab {
    /// The terminal's input line.
    fn input(&self) -> HtmlInputElement {
        self.find("#command").and_then(|e| e.dyn_into().ok()).expect("the terminal has an input")
    }

    /// Presses `key` in the terminal's input, as the browser would send it.
    fn press(&self, key: &str) {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("a keydown event");
        self.input().dispatch_event(&event).expect("the event is dispatched");
    }

    /// Types `line` into the terminal, presses Enter, and waits for its entry in the transcript.
    async fn run(&self, line: &str) {
        let before = self.all(".transcript .entry").len();
        self.input().set_value(line);
        self.press("Enter");
        until(&format!("`{line}` is in the transcript"), || self.all(".transcript .entry").len() > before).await;
    }

    /// The prompt beside the input, without its words for screen readers.
    fn prompt(&self) -> String {
        self.text("label[for=command]").trim_start_matches("Command line, ").to_string()
    }

    /// The file tree's entry called `name` (a directory's shows as `name/`).
    fn tree_entry(&self, name: &str) -> Option<Element> {
        self.all("section.tree li").into_iter().find(|li| {
            let label = li.first_element_child().and_then(|e| e.text_content()).unwrap_or_default();
            label == name || label.strip_suffix('/') == Some(name)
        })
    }
}

/// Whether an element's `class` list has `class`.
fn has_class(element: &Element, class: &str) -> bool {
    element.get_attribute("class").is_some_and(|list| list.split_whitespace().any(|c| c == class))
}

#[wasm_bindgen_test]
async fn terminal_runs_a_line_and_shows_the_prompt_from_ps1() {
    let lab = open("").await;
    assert_eq!(lab.prompt(), PROMPT);
    assert!(lab.all(".transcript .entry").is_empty());

    lab.run("echo hello").await;
    assert_eq!(lab.texts(".transcript .entry"), [format!("{PROMPT}echo hello") + "hello\n"]);
    assert_eq!(lab.input().value(), "", "Enter empties the input");

    lab.run("PS1='lab> '").await;
    until("the prompt follows PS1", || lab.prompt() == "lab> ").await;
}

#[wasm_bindgen_test]
async fn activating_a_venv_prefixes_the_prompt() {
    let lab = open("").await;
    lab.run("python -m venv .venv").await;
    assert_eq!(lab.prompt(), PROMPT, "creating a venv does not activate it");
    lab.run("source .venv/bin/activate").await;
    until("the prompt names the venv", || lab.prompt() == format!("(.venv) {PROMPT}")).await;
    lab.run("deactivate").await;
    until("the prompt is back", || lab.prompt() == PROMPT).await;
}

#[wasm_bindgen_test]
async fn tab_completes_a_unique_name_and_lists_several() {
    let lab = open("").await;
    lab.input().set_value("cat ma");
    lab.press("Tab");
    assert_eq!(lab.input().value(), "cat main.py ");

    lab.run("touch mango").await;
    lab.input().set_value("cat ma");
    lab.press("Tab");
    assert_eq!(lab.input().value(), "cat ma", "two candidates and no longer common prefix: nothing is inserted");
    until("the candidates are listed", || lab.texts(".suggestions span") == ["main.py", "mango"]).await;
}

#[wasm_bindgen_test]
async fn markup_in_output_is_shown_as_text() {
    let lab = open("").await;
    // Markup without effects should it become elements: an `alert` or a changed title would
    // stop the test runner instead of failing the test.
    let markup = "<script>let shown</script><img src=x alt=shown><b>bold</b>";
    lab.run(&format!("echo '{markup}'")).await;
    assert!(lab.text(".transcript").contains(&format!("{markup}\n")), "the output is there, as typed");
    for tag in ["script", "img", "b"] {
        assert!(lab.find(&format!(".transcript {tag}")).is_none(), "no <{tag}> element in the transcript");
    }
}

#[wasm_bindgen_test]
async fn file_tree_lists_the_project_and_highlights_the_last_change() {
    let lab = open("").await;
    assert_eq!(lab.text("section.tree h2"), "Files in /home/kai/Projects/example/");
    let main = lab.tree_entry("main.py").expect("main.py is listed");
    assert!(has_class(&main, "file") && !has_class(&main, "changed"));
    assert!(lab.tree_entry(".vscode").is_some_and(|e| has_class(&e, "dir")));

    lab.run("touch notes.txt").await;
    until("the new file is listed, highlighted", || lab.tree_entry("notes.txt").is_some_and(|e| has_class(&e, "changed"))).await;
    assert!(!lab.tree_entry("main.py").is_some_and(|e| has_class(&e, "changed")), "untouched files are not highlighted");

    lab.run("ln -s nowhere dangling").await;
    until("the link is listed with its target, marked broken", || {
        lab.tree_entry("dangling").is_some_and(|e| {
            has_class(&e, "link") && has_class(&e, "broken") && e.text_content().is_some_and(|t| t.contains("→ nowhere"))
        })
    })
    .await;
    assert!(!lab.tree_entry("notes.txt").is_some_and(|e| has_class(&e, "changed")), "only the last command's changes are highlighted");
}

#[wasm_bindgen_test]
async fn file_tree_widens_to_a_parent_and_back() {
    let lab = open("").await;
    lab.click("section.tree .crumb", "/");
    until("the tree shows /", || lab.tree_entry("usr").is_some_and(|e| has_class(&e, "dir"))).await;
    assert_eq!(lab.texts("section.tree .crumb[aria-current]"), ["/"]);
    lab.run("cd .vscode").await;
    until("a chosen parent stays while the shell moves below it", || lab.tree_entry("usr").is_some()).await;
    lab.click("section.tree .crumb", ".vscode/");
    until("the tree follows the working directory again", || lab.tree_entry("settings.json").is_some()).await;
    lab.click("section.tree .crumb", "kai/");
    until("the tree shows the home directory", || lab.tree_entry("Projects").is_some()).await;
    lab.run("cd /tmp").await;
    until("cd out of a chosen parent: the tree follows", || lab.text("section.tree h2") == "Files in /tmp/").await;
}

#[wasm_bindgen_test]
async fn explanation_lists_the_path_search() {
    let lab = open("").await;
    assert!(lab.find("section.explain ol.steps").is_none(), "nothing to explain before a command");
    lab.run("which python").await;
    until("the command is explained", || lab.text("section.explain .line") == "which python").await;
    // First how the shell found `which`, then the search `which` made for `python`.
    let shell = lab.texts("section.explain ol.steps > li:first-child ol.path-search li");
    assert_eq!(
        shell,
        [
            "/home/kai/.pyenv/shims",
            "/home/kai/.pyenv/bin",
            "/home/kai/.local/bin",
            "/usr/local/sbin",
            "/usr/local/bin",
            "/usr/sbin",
            "/usr/bin ← here",
        ]
    );
    let which = lab.all("section.explain ol.steps > li").into_iter().find(|li| li.text_content().unwrap_or_default().starts_with("which searched PATH"));
    let which = which.expect("the explanation tells which's own search");
    assert!(which.text_content().unwrap_or_default().starts_with("which searched PATH for python: /home/kai/.pyenv/shims/python"));
    assert_eq!(lab.texts("section.explain ol.path-search li.hit"), ["/usr/bin ← here", "/home/kai/.pyenv/shims ← here"]);
}

#[wasm_bindgen_test]
async fn ide_badge_finds_the_interpreter_once_the_venv_exists() {
    let lab = open("").await;
    let badge = || lab.find("header .ide").expect("the header has the badge");
    assert!(has_class(&badge(), "missing"));
    assert!(lab.text("header .ide").contains("/home/kai/Projects/example/.venv/bin/python ✗ missing"));
    lab.run("python -m venv .venv").await;
    until("the badge says found", || has_class(&badge(), "ok") && lab.text("header .ide .state") == " ✓ found").await;
}

#[wasm_bindgen_test]
async fn lesson_panel_renders_the_step_and_ticks_its_goals() {
    let lab = open("").await;
    assert_eq!(lab.text("section.lesson .step-count"), "Free play");
    lab.click("li[data-lesson=create-activate] button", "Creating and activating a venv");
    until("the lesson opens", || lab.text("section.lesson .lesson-title") == "Creating and activating a venv").await;
    assert_eq!(lab.text("section.lesson .step-count"), "Step 1 of 6");
    assert!(lab.texts(".step-text p code").contains(&"~/Projects/example".to_string()), "Markdown code spans are <code> elements");
    assert!(!lab.text(".step-text").contains('`'), "no Markdown syntax is left in the text");
    assert_eq!(lab.all("ul.goals[aria-live] li.unmet").len(), 2);

    lab.run("mkdir -p .venv/bin").await;
    lab.run("ln -s nowhere .venv/bin/python").await;
    until("one goal ticks", || lab.all("ul.goals[aria-live] li.met").len() == 1).await;
    assert_eq!(lab.texts("ul.goals[aria-live] li.met"), ["✓done: ~/Projects/example/.venv/bin/python is a symbolic link"]);
    assert_eq!(lab.all("ul.goals[aria-live] li.unmet").len(), 1);
    lab.run("rm -r .venv").await;
    until("the goal is unmet again", || lab.all("ul.goals[aria-live] li.unmet").len() == 2).await;

    lab.click("section.lesson .actions button", "Type it for me");
    until("the step is done", || lab.text("section.lesson .step-count") == "Step 2 of 6").await;
    assert!(lab.text(".transcript").contains("python -m venv .venv"), "the solution was typed into the terminal");
    assert!(lab.text(".done-note .done-label").starts_with("✓ Step 1 done."));
    assert_eq!(lab.all(".done-note li.met").len(), 2);
}

/// Renders its Markdown with the lesson panel's renderer.
#[function_component]
fn Marks(props: &MarksProps) -> Html {
    markdown::render(&props.text)
}

#[derive(Properties, PartialEq)]
struct MarksProps {
    text: venvlab::lesson::Markdown,
}

#[wasm_bindgen_test]
async fn lesson_text_becomes_elements_but_never_markup_or_unsafe_links() {
    // Raw HTML is dropped when the Markdown is parsed (natively, at build time); what reaches
    // the page is marks. Written here as `build.rs` would encode them: text that looks like
    // markup, and links of every kind.
    let (m, end) = (venvlab::lesson::markdown::MARK, venvlab::lesson::markdown::ARG_END);
    let encoded = format!(
        "{m}pSome {m}eemphasis{m}/, {m}ccode{end} and {m}ahttps://example.org/{end}a link{m}/.{m}/\
         {m}pText <b onclick=\"x\">like markup</b>, {m}ajavascript:alert(3){end}a trap{m}/ and \
         {m}adata:text/html,hi{end}data{m}/.{m}/"
    );
    let shown = Mounted::<Marks>::new("", MarksProps { text: venvlab::lesson::Markdown(encoded.into()) });
    until("the Markdown is rendered", || shown.find("p").is_some()).await;
    assert_eq!(shown.texts("em"), ["emphasis"]);
    assert_eq!(shown.texts("code"), ["code"]);
    let links: Vec<String> = shown.all("a").iter().filter_map(|a| a.get_attribute("href")).collect();
    assert_eq!(links, ["https://example.org/"], "only the safe link is a link");
    assert!(shown.find("b").is_none(), "text that looks like markup stays text");
    let text = shown.root.text_content().unwrap_or_default();
    assert!(text.contains("Text <b onclick=\"x\">like markup</b>, a trap and data."), "the words stay: {text}");
}

#[wasm_bindgen_test]
async fn undo_restores_the_state_before_the_last_command() {
    let lab = open("").await;
    let undo = || lab.find("header button.undo").and_then(|b| b.dyn_into::<HtmlButtonElement>().ok()).expect("the header has Undo");
    assert!(undo().disabled(), "nothing to undo yet");
    lab.run("cd /tmp").await;
    lab.run("touch undone").await;
    until("the file is listed", || lab.tree_entry("undone").is_some()).await;

    undo().click();
    until("the file is gone from the tree", || lab.tree_entry("undone").is_none()).await;
    assert_eq!(lab.prompt(), "kai@laptop:/tmp$ ", "the shell stays where the undone command left it");
    let entries = lab.texts(".transcript .entry");
    assert_eq!(entries.len(), 2, "the undone command left the transcript: {entries:?}");
    assert_eq!(entries[1], "(venvlab) Undone: touch undone\n");

    undo().click();
    until("the directory is back", || lab.prompt() == PROMPT).await;
    until("nothing is left to undo", || undo().disabled()).await;
}

#[wasm_bindgen_test]
async fn a_bad_link_falls_back_to_the_sandbox_with_a_notice() {
    let cases = [
        ("?lesson=no-such-lesson", "There is no lesson called “no-such-lesson”; here is the sandbox instead."),
        ("?lesson=%3Cb%3E", "The link names a lesson that does not exist; here is the sandbox instead."),
        ("?lesson=create-activate&step=0", "The link's step is not a step number; here is the sandbox instead."),
        ("?lesson=create-activate&step=two", "The link's step is not a step number; here is the sandbox instead."),
        ("?step=2", "The link's step is not a step number; here is the sandbox instead."),
        ("?lesson=create-activate&step=7", "“Creating and activating a venv” has 6 steps, not 7; here is the sandbox instead."),
    ];
    for (query, notice) in cases {
        let lab = open(query).await;
        until(&format!("{query} gives a notice"), || !lab.all(".notice-box").is_empty()).await;
        assert_eq!(lab.texts(".notice-box"), [format!("{notice}×")], "{query}");
        assert_eq!(lab.text("section.lesson .lesson-title"), "Sandbox: Kai's laptop", "{query}");
    }
}

#[wasm_bindgen_test]
async fn a_link_to_a_step_replays_the_steps_before_it() {
    let lab = open("?lesson=create-activate&step=2").await;
    until("the lesson opens at step 2", || lab.text("section.lesson .step-count") == "Step 2 of 6").await;
    assert!(lab.all(".notice-box").is_empty());
    assert!(lab.tree_entry(".venv").is_some(), "step 1's solution was run");
    assert_eq!(lab.texts(".transcript .entry"), ["(venvlab) Starting at step 2: the steps before it were replayed.\n"]);
}

#[wasm_bindgen_test]
async fn an_embed_shows_only_the_panels_asked_for() {
    let lab = open("?embed=1&panels=terminal,nonsense").await;
    assert!(lab.find("header").is_none(), "an embed has no header");
    assert!(lab.find("section.terminal").is_some());
    for panel in ["lesson", "tree", "explain"] {
        assert!(lab.find(&format!("section.{panel}")).is_none(), "no {panel} panel");
    }
    assert_eq!(lab.text(".layout-notice"), "Unknown panels ignored: nonsense (there are: lesson, terminal, tree, explain).");
}

#[wasm_bindgen_test]
async fn a_reload_rebuilds_the_session_as_it_was() {
    let lab = open("").await;
    lab.run("mkdir kept").await;
    lab.run("mkdir undone").await;
    lab.click("header button.undo", "↶ Undo");
    until("the last command is undone", || lab.text(".transcript").contains("Undone: mkdir undone")).await;
    lab.run("cd kept").await;
    drop(lab);

    let lab = reopen("").await;
    assert_eq!(lab.prompt(), "kai@laptop:~/Projects/example/kept$ ", "the shell is where it was");
    assert!(lab.text(".transcript").contains("Welcome back: your 2 commands ran again."));
    lab.run("ls ..").await;
    assert!(lab.text(".transcript .entry:last-child").contains("kept"));
    assert!(!lab.text(".transcript .entry:last-child").contains("undone"), "an undone command stays undone");
    drop(lab);

    // An embed neither rebuilds the app's session nor keeps its own.
    let lab = reopen("?embed=1").await;
    assert_eq!(lab.prompt(), PROMPT, "an embed starts afresh");
    lab.run("cd /tmp").await;
    drop(lab);
    let lab = reopen("").await;
    assert_eq!(lab.prompt(), "kai@laptop:~/Projects/example/kept$ ", "the app's session is still its own");
    drop(lab);

    // A link that replays commands of its own starts afresh.
    let lab = reopen("?run=pwd").await;
    assert_eq!(lab.prompt(), PROMPT);
}

#[wasm_bindgen_test]
async fn a_reload_keeps_a_reset_step_reset() {
    let lab = open("?lesson=create-activate").await;
    lab.run("mkdir scratch").await;
    lab.click(".lesson .actions button", "Reset step");
    until("the step is reset", || lab.text(".transcript").contains("back where this step began")).await;
    lab.run("touch after-reset").await;
    drop(lab);

    let lab = reopen("?lesson=create-activate").await;
    lab.run("ls").await;
    let listing = lab.text(".transcript .entry:last-child");
    assert!(listing.contains("after-reset") && !listing.contains("scratch"), "the reset dropped mkdir scratch: {listing}");
}

#[wasm_bindgen_test]
async fn the_scrollback_is_bounded() {
    let lab = open("").await;
    lab.run("echo first").await;
    // Each prints a megabyte (the session's limit on one command's output); the scrollback
    // keeps two, so the oldest entries go.
    for n in 300_000..300_003 {
        let line = format!("seq {n}");
        lab.input().set_value(&line);
        lab.press("Enter");
        until(&format!("`{line}` is shown"), || lab.all(".transcript .command").last().and_then(|c| c.text_content()).is_some_and(|t| t.ends_with(&line))).await;
    }
    let commands = lab.texts(".transcript .command");
    assert!(!commands.iter().any(|c| c.ends_with("echo first")), "the oldest entry was dropped");
    assert!(commands.len() <= 2, "at most two megabytes are kept: {} entries", commands.len());
    let kept: usize = lab.text(".transcript").len();
    assert!(kept <= 2 << 20, "{kept} bytes kept");
}

#[wasm_bindgen_test]
async fn the_sandbox_offers_its_worlds() {
    let lab = open("").await;
    let pressed = || lab.texts(".worlds button[aria-pressed=true]");
    assert_eq!(pressed(), ["default"]);
    lab.click(".worlds button", "fresh-ubuntu");
    until("the fresh laptop is chosen", || pressed() == ["fresh-ubuntu"]).await;
    lab.run("type python python3").await;
    let answer = lab.text(".transcript .entry:last-child");
    assert!(answer.contains("bash: type: python: not found") && answer.contains("python3 is /usr/bin/python3"), "{answer}");
    let address = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    assert_eq!(address, "?world=fresh-ubuntu", "the address follows, so a reload or a link opens the same machine");
}
