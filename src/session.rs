//! The one entry point every face uses: a machine plus a shell, fed one line at a time.
//!
//! `Session::run(line)` takes what the user typed and returns an [`Outcome`]: the output as
//! styled spans (stdout and stderr apart, in order), the exit status, the trace of what
//! happened, and whether the shell wants more lines (an open quote, an unfinished `if`) or
//! has exited. Sessions are plain data: [`Session::snapshot`] is O(1) and restoring one undoes
//! everything, so the same lines on the same world always give the same bytes.

use crate::fs::{Change, Fs};
use crate::io::{Io, Keyboard, Stream};
use crate::shell::{RunResult, Shell};
use crate::style::{self, Span};
use crate::trace::Event;
use crate::world::World;

/// What one call to [`Session::run`] produced.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    /// The output, in order, split into styled spans.
    pub spans: Vec<Span>,
    /// The output exactly as the terminal received it (escape sequences included).
    pub raw: String,
    /// The exit status of the last command (`$?`).
    pub status: i32,
    /// What happened, for explanations.
    pub events: Vec<Event>,
    /// True when the input is incomplete and the next line continues it (show `PS2`).
    pub needs_more: bool,
    /// True when the shell exited (`exit`).
    pub exited: bool,
    /// True when a program is reading the terminal (a REPL, a `Proceed (Y/n)?`, `read`): its
    /// prompt is the end of the output, and the next line typed goes to it.
    pub waiting_for_input: bool,
    /// True when the output asked the terminal to clear the screen (`clear`, Ctrl-L).
    pub clear_screen: bool,
    /// Remarks of the simulation itself (not machine output): shown apart, never in transcripts.
    pub notices: Vec<String>,
}

impl Outcome {
    /// The text of the output without escape sequences.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    /// The text of one stream.
    pub fn stream_text(&self, stream: Stream) -> String {
        self.spans.iter().filter(|s| s.stream == stream).map(|s| s.text.as_str()).collect()
    }
}

/// A saved state of a session, to return to with [`Session::restore`].
#[derive(Debug, Clone)]
pub struct Snapshot {
    fs: Fs,
    shell: Shell,
    pending: String,
    waiting: Option<Box<Waiting>>,
}

/// A running simulated machine.
#[derive(Debug, Clone)]
pub struct Session {
    fs: Fs,
    shell: Shell,
    /// Lines typed so far of an input that is not complete yet.
    pending: String,
    /// The input whose program is waiting for the terminal, if any.
    waiting: Option<Waiting>,
    tty: bool,
    columns: usize,
    world: String,
}

/// An input being replayed because a program in it reads the terminal.
#[derive(Debug, Clone)]
struct Waiting {
    /// The shell input.
    input: String,
    /// The state before it ran.
    before: Snapshot,
    /// What has been typed for it so far.
    keyboard: Keyboard,
    /// How many bytes of its terminal output were already shown.
    shown: usize,
}

/// The part of terminal output from byte `from` to byte `to` (counted across chunks).
fn cut(screen: &[(Stream, Vec<u8>)], from: usize, to: usize) -> Vec<(Stream, Vec<u8>)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (stream, bytes) in screen {
        let (start, end) = (offset, offset + bytes.len());
        offset = end;
        let (a, b) = (from.max(start), to.min(end));
        if a < b {
            out.push((*stream, bytes[a - start..b - start].to_vec()));
        }
    }
    out
}

/// Seconds the simulated clock advances per input line.
const SECONDS_PER_LINE: i64 = 7;

/// Names of well-known programs that this simulation does not have, with what to use instead.
const ABSENT_PROGRAMS: &[(&str, &str)] = &[
    ("vim", "cat, or echo ... > file"),
    ("vi", "cat, or echo ... > file"),
    ("nano", "cat, or echo ... > file"),
    ("emacs", "cat, or echo ... > file"),
    ("code", "cat .vscode/settings.json"),
    ("git", "ls and cat"),
    ("curl", "pip, which has its own package index here"),
    ("wget", "pip, which has its own package index here"),
    ("sudo", "your own user's files (the system itself cannot be changed here)"),
    ("apt", "pip inside a virtual environment (system packages cannot be installed here)"),
    ("apt-get", "pip inside a virtual environment (system packages cannot be installed here)"),
    ("conda", "python -m venv"),
    ("poetry", "python -m venv and pip"),
    ("uv", "python -m venv and pip"),
    ("docker", "the machine you have"),
    ("ssh", "the machine you have"),
    ("man", "help NAME for builtins, or NAME --help"),
];

impl Session {
    /// A session on the default world, as a terminal program sees it: stdout is a terminal
    /// 80 columns wide.
    pub fn new() -> Session {
        Session::with_world(crate::world::default_world(), true, 80)
    }

    /// A session on a world; `tty` says whether output goes to a terminal (false: a pipe, as
    /// in transcripts), `columns` its width. Unless the world sets `TERM`, bash gets the one
    /// its starter gives it: `xterm-256color` from a terminal window, as Ubuntu's terminal
    /// sets, or `dumb` as the recordings were made.
    pub fn with_world(world: World, tty: bool, columns: usize) -> Session {
        let pwd = world.fs.cwd_path().unwrap_or_else(|_| "/".into());
        let mut env = world.env;
        env.entry("TERM".into()).or_insert_with(|| if tty { "xterm-256color" } else { "dumb" }.into());
        let shell = Shell::new(&env, &pwd);
        Session { fs: world.fs, shell, pending: String::new(), waiting: None, tty, columns, world: world.name }
    }

    /// Reads bash's start-up files as the bash of a terminal window does (`/etc/bash.bashrc`,
    /// then `~/.bashrc`: aliases, `LS_COLORS`, the prompt), before the first prompt. Faces
    /// that stand for a terminal call it; transcripts, like the recordings made with
    /// `bash --norc`, do not. Returns what the files printed.
    pub fn read_startup_files(&mut self) -> Outcome {
        let mut io = Io::new(self.tty, self.columns);
        let mut events = Vec::new();
        let exited = self.shell.read_startup_files(&mut self.fs, &mut io, &mut events);
        self.fs.take_changes();
        let mut outcome = Outcome { status: self.shell.status(), exited, ..Outcome::default() };
        let (screen, lost) = io.take_screen();
        self.fill_output(&mut outcome, &screen, lost);
        outcome
    }

    /// The name of the world this session started from.
    pub fn world_name(&self) -> &str {
        &self.world
    }

    /// Sets the terminal width used by programs that lay out columns.
    pub fn set_columns(&mut self, columns: usize) {
        self.columns = columns.clamp(20, 500);
    }

    /// The prompt to show now: `PS1`, or `PS2` while an input is incomplete; nothing while a
    /// program waits for input (it printed its own prompt).
    pub fn prompt(&mut self) -> String {
        if self.waiting.is_some() {
            return String::new();
        }
        let secondary = !self.pending.is_empty();
        self.shell.prompt(&mut self.fs, secondary)
    }

    /// Runs one typed line: a shell input, or, while a program waits for the terminal, the
    /// line it reads.
    pub fn run(&mut self, line: &str) -> Outcome {
        let line = line.strip_suffix('\n').unwrap_or(line);
        if let Some(mut waiting) = self.waiting.take() {
            waiting.keyboard.lines.push(line.to_string());
            return self.execute(waiting);
        }
        let input = if self.pending.is_empty() { line.to_string() } else { format!("{}\n{line}", self.pending) };
        self.fs.set_now(self.fs.now() + SECONDS_PER_LINE);
        let before = self.snapshot();
        self.execute(Waiting { input, before, keyboard: Keyboard::default(), shown: 0 })
    }

    /// Ends the terminal input of the program waiting for it (Ctrl-D). Without one, nothing.
    pub fn end_of_input(&mut self) -> Outcome {
        match self.waiting.take() {
            Some(mut waiting) => {
                waiting.keyboard.eof = true;
                self.execute(waiting)
            }
            None => Outcome::default(),
        }
    }

    /// Whether a program is waiting for a line typed at the terminal.
    pub fn waiting_for_input(&self) -> bool {
        self.waiting.is_some()
    }

    /// Runs an input from the state before it, with the lines typed so far for it. Output
    /// already shown by an earlier run of the same input is left out.
    fn execute(&mut self, waiting: Waiting) -> Outcome {
        let mut io = Io::with_keyboard(self.tty, self.columns, waiting.keyboard.clone());
        let mut events = Vec::new();
        let result = self.shell.run(&mut self.fs, &mut io, &mut events, &waiting.input);
        let mut outcome = Outcome { status: self.shell.status(), ..Outcome::default() };
        let (screen, lost) = io.take_screen();
        if let Some(at) = io.starved_at() {
            let shown = waiting.shown;
            self.fill_output(&mut outcome, &cut(&screen, shown, at), 0);
            outcome.waiting_for_input = true;
            self.restore(waiting.before.clone());
            self.waiting = Some(Waiting { shown: at, ..waiting });
            return outcome;
        }
        match result {
            RunResult::Incomplete => {
                self.pending = waiting.input;
                outcome.needs_more = true;
                return outcome;
            }
            RunResult::Exit(_) => outcome.exited = true,
            RunResult::Done => {}
        }
        self.pending.clear();
        let (changes, dropped) = self.fs.take_changes();
        events.extend(changes.into_iter().map(|c| match c {
            Change::Created(p) => Event::Created(p),
            Change::Modified(p) => Event::Modified(p),
            Change::Removed(p) => Event::Removed(p),
        }));
        if dropped > 0 {
            events.push(Event::Limit(format!("{dropped} more file changes not listed")));
        }
        self.fill_output(&mut outcome, &cut(&screen, waiting.shown, usize::MAX), lost);
        outcome.notices = self.notices(&events);
        outcome.events = events;
        outcome
    }

    /// Puts terminal output into an outcome: spans, raw text, the lost-bytes notice, clearing.
    fn fill_output(&self, outcome: &mut Outcome, screen: &[(Stream, Vec<u8>)], lost: usize) {
        outcome.spans = style::spans(screen);
        outcome.raw = screen.iter().map(|(_, b)| String::from_utf8_lossy(b)).collect();
        if lost > 0 {
            let message = format!("venvlab: {lost} bytes of output not shown (a limit of the simulation)\n");
            outcome.raw.push_str(&message);
            outcome.spans.push(Span { stream: Stream::Stderr, style: style::Style::default(), text: message });
        }
        outcome.clear_screen = style::clears_screen(screen);
    }

    /// Runs one line and returns what a terminal shows for it: the prompt, the line as typed
    /// (readline echoes it), then the output. A line read by a waiting program is not echoed:
    /// with input from a pipe, as in a recording, nothing shows it.
    pub fn transcript_line(&mut self, line: &str) -> (String, Outcome) {
        let echo = if self.waiting_for_input() { String::new() } else { format!("{}{line}\n", self.prompt()) };
        let outcome = self.run(line);
        (format!("{echo}{}", outcome.raw), outcome)
    }

    /// Remarks about commands the simulation does not have.
    fn notices(&self, events: &[Event]) -> Vec<String> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Lookup { name, found: crate::trace::Resolution::NotFound, .. } => {
                    ABSENT_PROGRAMS.iter().find(|(n, _)| n == name).map(|(n, instead)| {
                        format!("'{n}' is not available in this simulation; try {instead}.")
                    })
                }
                _ => None,
            })
            .collect()
    }

    /// Empties the shell's history (after a lesson's unseen setup lines).
    pub fn forget_history(&mut self) {
        self.shell.history.clear();
    }

    /// Saves the whole state (O(1): the filesystem and shell share structure).
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            fs: self.fs.clone(),
            shell: self.shell.clone(),
            pending: self.pending.clone(),
            waiting: self.waiting.clone().map(Box::new),
        }
    }

    /// Returns to a saved state.
    pub fn restore(&mut self, snapshot: Snapshot) {
        self.fs = snapshot.fs;
        self.shell = snapshot.shell;
        self.pending = snapshot.pending;
        self.waiting = snapshot.waiting.map(|w| *w);
    }

    /// Completions for the word before the cursor in `line`: command names for the first word,
    /// paths otherwise. Returns the candidates (full words), sorted and without duplicates.
    pub fn complete(&self, line: &str) -> Vec<String> {
        crate::complete::complete(&self.fs, &self.shell, line)
    }

    /// The filesystem, read-only, for faces that draw it.
    pub fn fs(&self) -> &Fs {
        &self.fs
    }

    /// The shell state, read-only (variables, working directory).
    pub fn shell(&self) -> &Shell {
        &self.shell
    }
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

/// What an interactive bash shows when these lines are typed into it with output to a pipe,
/// ending, like bash at the end of its input, with the prompt and `exit`.
pub fn transcript(session: &mut Session, input: &str) -> String {
    let mut screen = String::new();
    for line in input.lines() {
        let (text, outcome) = session.transcript_line(line);
        screen.push_str(&text);
        if outcome.exited {
            return screen;
        }
    }
    screen.push_str(&session.prompt());
    screen.push_str("exit\n");
    screen
}
