//! The native face: an interactive terminal (line editing, history and tab completion by
//! rustyline), or, when standard input is not a terminal or with `--transcript`, a replay that
//! prints exactly what an interactive bash shows for the same lines — prompt, command, output.
//! `--lesson ID` does the same inside a lesson; `lessons ...` lists and checks the course.

mod course;
mod markdown;

use crate::session::{Outcome, Session};
use crate::world;
use rustyline::completion::{Completer, Pair};
use rustyline::history::DefaultHistory;
use rustyline::{Context, Editor, Helper, Highlighter, Hinter, Validator};
use std::cell::RefCell;
use std::io::{BufRead, IsTerminal, Write};
use std::rc::Rc;

const USAGE: &str = "usage: venvlab [--world NAME] [--transcript] | --lesson ID [--transcript]
       venvlab lessons list | check [DIR] | script ID

An interactive simulated Linux machine for learning Python virtual environments.
  (no argument)      an interactive shell on kai's laptop
  --world NAME       start on another machine: default (kai's laptop) or fresh-ubuntu (the
                     same laptop as Ubuntu installs it: no pyenv, no python3-venv, no pip)
  --transcript       read commands from standard input and print what a terminal shows
  --lesson ID        take a lesson of the course (progress is saved; see `lessons list`)
  lessons list       the course, with your progress
  lessons check DIR  load every lesson in DIR (default: the bundled course) and prove that
                     each step's solution meets its goals and each near-miss does not
  lessons script ID  the lines a lesson runs: its setup, then every step's solution";

/// Runs the terminal program with the process's arguments; returns the exit status.
pub fn main() -> i32 {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let piped = !std::io::stdin().is_terminal();
    let world = match take_world(&mut args) {
        Ok(world) => world,
        Err(message) => {
            eprintln!("venvlab: {message}");
            return 2;
        }
    };
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["lessons", ..] | ["--lesson", ..] | ["--transcript", "--lesson", ..] if world.is_some() => {
            eprintln!("venvlab: --world goes with a bare shell: a lesson brings its own world");
            2
        }
        ["--help"] | ["-h"] => {
            println!("{USAGE}");
            0
        }
        ["lessons", ..] => course::lessons_command(&args[1..]),
        ["--lesson", id] | ["--lesson", id, "--transcript"] | ["--transcript", "--lesson", id] => {
            let transcript = piped || args.iter().any(|a| a == "--transcript");
            match course::lesson_driver(id, !transcript && std::io::stdout().is_terminal()) {
                Ok(driver) if transcript => replay(driver),
                Ok(driver) => interactive(driver),
                Err(status) => status,
            }
        }
        ["--transcript"] => replay(Bare::pipe(world.unwrap_or_else(world::default_world))),
        [] if piped => replay(Bare::pipe(world.unwrap_or_else(world::default_world))),
        [] => interactive(Bare::terminal(world.unwrap_or_else(world::default_world))),
        _ => {
            eprintln!("venvlab: unknown arguments '{}' (try --help)", args.join(" "));
            2
        }
    }
}

/// Takes `--world NAME` out of the arguments: the preset it names, `None` without it, `Err`
/// for a name no preset has.
fn take_world(args: &mut Vec<String>) -> Result<Option<world::World>, String> {
    let Some(at) = args.iter().position(|a| a == "--world") else { return Ok(None) };
    let Some(name) = args.get(at + 1).cloned() else { return Err("--world needs a NAME".into()) };
    args.drain(at..at + 2);
    match world::preset(&name) {
        Some(w) => Ok(Some(w)),
        None => Err(format!("no world is called '{name}' (there are: {})", world::PRESETS.join(", "))),
    }
}

/// What the terminal loop drives: a bare session, or a lesson around one.
pub(crate) trait Driver {
    /// The session (prompt, completion, whether a program waits for input).
    fn session(&mut self) -> &mut Session;
    /// Text to show before the first prompt.
    fn intro(&mut self) -> String {
        String::new()
    }
    /// Handles a typed line: the machine's outcome when the line went to it, and text of the
    /// face to show after it.
    fn line(&mut self, line: &str) -> (Option<Outcome>, String);
    /// Ends the input of the program waiting for it (Ctrl-D).
    fn end_of_input(&mut self) -> (Outcome, String);
}

/// A session on a world with no lesson around it.
struct Bare {
    session: Session,
    /// What bash's start-up files printed, to show before the first prompt.
    started: String,
}

impl Bare {
    /// The session of a terminal window: output to a terminal, start-up files read.
    fn terminal(world: world::World) -> Bare {
        let mut session = Session::with_world(world, true, 80);
        let started = session.read_startup_files().raw;
        Bare { session, started }
    }

    /// The session of a transcript: output to a pipe, no start-up files, as the recordings'
    /// `bash --norc --noprofile -i`.
    fn pipe(world: world::World) -> Bare {
        Bare { session: Session::with_world(world, false, 80), started: String::new() }
    }
}

impl Driver for Bare {
    fn session(&mut self) -> &mut Session {
        &mut self.session
    }

    fn intro(&mut self) -> String {
        std::mem::take(&mut self.started)
    }

    fn line(&mut self, line: &str) -> (Option<Outcome>, String) {
        (Some(self.session.run(line)), String::new())
    }

    fn end_of_input(&mut self) -> (Outcome, String) {
        (self.session.end_of_input(), String::new())
    }
}

/// Replays standard input line by line as interactive bash would show it with its output
/// going to a pipe: each prompt followed by the line typed, then the output (a line read by a
/// waiting program is not echoed: with input from a pipe, nothing shows it).
fn replay(mut driver: impl Driver) -> i32 {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let _ = out.write_all(driver.intro().as_bytes());
    let mut status = 0;
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let session = driver.session();
        let echo = if session.waiting_for_input() { String::new() } else { format!("{}{line}\n", session.prompt()) };
        let _ = out.write_all(echo.as_bytes());
        let (outcome, extra) = driver.line(&line);
        if let Some(outcome) = &outcome {
            let _ = out.write_all(outcome.raw.as_bytes());
            status = outcome.status;
        }
        let _ = out.write_all(extra.as_bytes());
        if outcome.is_some_and(|o| o.exited) {
            return status;
        }
    }
    let _ = writeln!(out, "{}exit", driver.session().prompt());
    status
}

/// Completion from the session the terminal drives.
#[derive(Helper, Hinter, Highlighter, Validator)]
struct Completion<D: Driver> {
    #[rustyline(Hinter)]
    hinter: (),
    driver: Rc<RefCell<D>>,
}

impl<D: Driver> Completer for Completion<D> {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = crate::complete::word_start(before);
        let candidates = self.driver.borrow_mut().session().complete(before);
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

fn interactive<D: Driver + 'static>(driver: D) -> i32 {
    let driver = Rc::new(RefCell::new(driver));
    let Ok(mut editor) = Editor::<Completion<D>, DefaultHistory>::new() else {
        return 1;
    };
    editor.set_helper(Some(Completion { hinter: (), driver: driver.clone() }));
    println!("venvlab: kai's laptop. Type commands as in bash; `exit` or Ctrl-D leaves.");
    print!("{}", driver.borrow_mut().intro());
    // While a program reads the terminal, the end of its output (">>> ", "Proceed (Y/n)? ")
    // is its prompt: rustyline shows it so that typing continues on that line.
    let mut program_prompt = String::new();
    loop {
        let waiting = driver.borrow_mut().session().waiting_for_input();
        let prompt = if waiting { std::mem::take(&mut program_prompt) } else { driver.borrow_mut().session().prompt() };
        // The line editor lays out the prompt's colours; other sequences (the window title
        // Ubuntu's prompt sets) go to the terminal first, as readline lets them through.
        let (styled, controls) = crate::style::split_controls(&prompt);
        print!("{controls}");
        let _ = std::io::stdout().flush();
        let (outcome, extra) = match editor.readline(&(crate::style::plain(&styled), styled)) {
            Ok(line) => {
                let _ = editor.add_history_entry(line.as_str());
                driver.borrow_mut().line(&line)
            }
            Err(rustyline::error::ReadlineError::Interrupted) => continue,
            Err(_) if waiting => {
                let (outcome, extra) = driver.borrow_mut().end_of_input();
                (Some(outcome), extra)
            }
            Err(_) => {
                println!("exit");
                return 0;
            }
        };
        if let Some(outcome) = &outcome {
            program_prompt = show(outcome);
        }
        print!("{extra}");
        let _ = std::io::stdout().flush();
        if let Some(outcome) = outcome.filter(|o| o.exited) {
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
