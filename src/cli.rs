//! The native face: an interactive terminal (line editing, history and tab completion by
//! rustyline), or, when standard input is not a terminal or with `--transcript`, a replay that
//! prints exactly what an interactive bash shows for the same lines — prompt, command, output.

use crate::session::{Outcome, Session};
use crate::world;
use rustyline::completion::{Completer, Pair};
use rustyline::history::DefaultHistory;
use rustyline::{Context, Editor, Helper, Highlighter, Hinter, Validator};
use std::cell::RefCell;
use std::io::{BufRead, IsTerminal, Write};
use std::rc::Rc;

/// Runs the terminal program with the process's arguments; returns the exit status.
pub fn main() -> i32 {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--help") | Some("-h") => {
            println!("usage: venvlab [--transcript]\n\nAn interactive simulated Linux machine for learning Python virtual environments.\n  (no argument)   an interactive shell on kai's laptop\n  --transcript    read commands from standard input and print what a terminal shows");
            0
        }
        Some("--transcript") => transcript(),
        Some(other) => {
            eprintln!("venvlab: unknown argument '{other}' (try --help)");
            2
        }
        None if std::io::stdin().is_terminal() => interactive(),
        None => transcript(),
    }
}

/// Replays standard input line by line as interactive bash would show it with its output
/// going to a pipe: each prompt followed by the line typed, then the output.
fn transcript() -> i32 {
    let mut session = Session::with_world(world::default_world(), false, 80);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut status = 0;
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let (text, outcome) = session.transcript_line(&line);
        let _ = out.write_all(text.as_bytes());
        status = outcome.status;
        if outcome.exited {
            return status;
        }
    }
    let _ = writeln!(out, "{}exit", session.prompt());
    status
}

/// Completion from the session.
#[derive(Helper, Hinter, Highlighter, Validator)]
struct Completion {
    #[rustyline(Hinter)]
    hinter: (),
    session: Rc<RefCell<Session>>,
}

impl Completer for Completion {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = before.rfind(|c: char| c.is_whitespace() || matches!(c, ';' | '|' | '&' | '<' | '>' | '(')).map_or(0, |i| i + 1);
        let candidates = self.session.borrow().complete(before);
        let pairs = candidates
            .into_iter()
            .map(|c| {
                let display = c.rsplit_once('/').map_or(c.as_str(), |(_, n)| if n.is_empty() { c.as_str() } else { n }).to_string();
                Pair { display, replacement: c }
            })
            .collect();
        Ok((start, pairs))
    }
}

fn interactive() -> i32 {
    let session = Rc::new(RefCell::new(Session::new()));
    let Ok(mut editor) = Editor::<Completion, DefaultHistory>::new() else {
        return transcript();
    };
    editor.set_helper(Some(Completion { hinter: (), session: session.clone() }));
    println!("venvlab: kai's laptop. Type commands as in bash; `exit` or Ctrl-D leaves.");
    // While a program reads the terminal, the end of its output (">>> ", "Proceed (Y/n)? ")
    // is its prompt: rustyline shows it so that typing continues on that line.
    let mut program_prompt = String::new();
    loop {
        let prompt = if session.borrow().waiting_for_input() { std::mem::take(&mut program_prompt) } else { session.borrow_mut().prompt() };
        let outcome = match editor.readline(&prompt) {
            Ok(line) => {
                let _ = editor.add_history_entry(line.as_str());
                session.borrow_mut().run(&line)
            }
            Err(rustyline::error::ReadlineError::Interrupted) => continue,
            Err(_) if session.borrow().waiting_for_input() => session.borrow_mut().end_of_input(),
            Err(_) => {
                println!("exit");
                return 0;
            }
        };
        program_prompt = show(&outcome);
        if outcome.exited {
            return outcome.status;
        }
    }
}

/// Prints an outcome to the real terminal: the output as received, then the simulation's
/// notices in a dim colour. When a program waits for input, the last unfinished line of its
/// output is returned instead of printed, to serve as the line editor's prompt.
fn show(outcome: &Outcome) -> String {
    let mut out = std::io::stdout().lock();
    let (shown, prompt) = match outcome.raw.rfind('\n') {
        Some(i) if outcome.waiting_for_input => outcome.raw.split_at(i + 1),
        None if outcome.waiting_for_input => ("", outcome.raw.as_str()),
        _ => (outcome.raw.as_str(), ""),
    };
    let _ = out.write_all(shown.as_bytes());
    for notice in &outcome.notices {
        let _ = writeln!(out, "\x1b[2m(venvlab) {notice}\x1b[0m");
    }
    let _ = out.flush();
    prompt.to_string()
}
