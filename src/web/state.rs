//! The lab's state: one [`Session`], the terminal's transcript, and what the last command did.
//!
//! Plain data behind a reducer (`Action` in, new `Lab` out); the panels read it through a
//! context and never change it themselves.

use std::cell::RefCell;
use std::rc::Rc;

use im::Vector;
use yew::prelude::*;

use crate::trace::Event;
use crate::{Session, Stream};

/// One piece of output in the transcript.
#[derive(Clone, PartialEq)]
pub struct Chunk {
    /// Where it came from: `stdout`, `stderr`, or `notice` (a remark of the simulation).
    pub class: &'static str,
    /// The text, without escape sequences.
    pub text: String,
}

/// One command line run, and what it printed.
#[derive(Clone, PartialEq)]
pub struct Entry {
    /// The prompt and the line typed; `None` for output printed after a screen clear.
    pub command: Option<(String, String)>,
    /// What it printed.
    pub output: Vec<Chunk>,
}

/// Everything the panels show.
#[derive(Clone)]
pub struct Lab {
    /// The simulated machine.
    pub session: Rc<RefCell<Session>>,
    /// The prompt to show now (PS1, PS2, or a waiting program's own prompt).
    pub prompt: String,
    /// The transcript since the last clear.
    pub transcript: Vector<Entry>,
    /// What the last command did, for the explanation and the tree's highlights.
    pub events: Rc<Vec<Event>>,
    /// The last command line typed.
    pub last_line: String,
    /// Counts commands run, so that panels reading the session know to redraw.
    pub revision: u64,
}

impl PartialEq for Lab {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision && Rc::ptr_eq(&self.session, &other.session)
    }
}

impl Default for Lab {
    fn default() -> Self {
        let session = Rc::new(RefCell::new(Session::new()));
        let prompt = session.borrow_mut().prompt();
        Lab { session, prompt, transcript: Vector::new(), events: Rc::default(), last_line: String::new(), revision: 0 }
    }
}

/// What the learner can do to the lab.
pub enum Action {
    /// Run a line typed at the terminal.
    Run(String),
}

/// The lab as the panels receive it.
pub type LabHandle = UseReducerHandle<Lab>;

impl Reducible for Lab {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            Action::Run(line) => next.run(line),
        }
        next.revision += 1;
        Rc::new(next)
    }
}

impl Lab {
    fn run(&mut self, line: String) {
        let outcome = self.session.borrow_mut().run(&line);
        let mut output: Vec<Chunk> = outcome
            .spans
            .into_iter()
            .map(|span| Chunk { class: if span.stream == Stream::Stderr { "stderr" } else { "stdout" }, text: span.text })
            .collect();
        output.extend(outcome.notices.iter().map(|n| Chunk { class: "notice", text: format!("(venvlab) {n}\n") }));
        // A program reading the terminal (`>>> `, `Proceed (Y/n)? `) ends its output with its
        // prompt: show that as the input's prompt instead.
        let program_prompt = if outcome.waiting_for_input { take_last_line(&mut output) } else { String::new() };
        let command = if outcome.clear_screen {
            self.transcript.clear();
            None
        } else {
            Some((self.prompt.clone(), line.clone()))
        };
        if command.is_some() || !output.is_empty() {
            self.transcript.push_back(Entry { command, output });
        }
        self.prompt = if outcome.waiting_for_input { program_prompt } else { self.session.borrow_mut().prompt() };
        if !outcome.needs_more && !outcome.waiting_for_input {
            self.events = Rc::new(outcome.events);
            self.last_line = line;
        }
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
