//! The lab's state: the course, a [`Tutor`] playing one lesson on its session (the sandbox
//! when none is chosen), the terminal's transcript, what the last command did, and progress.
//!
//! Plain data behind a reducer (`Action` in, new `Lab` out); the panels read it through a
//! context and never change it themselves. Storage and the URL are read and written by effects
//! in [`super::App`]; the lab only receives their text ([`Lab::start`], [`Action::Navigate`])
//! and says when progress should be saved ([`Lab::saves`]).

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use im::Vector;
use yew::prelude::*;

use super::resume::Resume;
use crate::lesson::{Course, Kind, Lesson, Progress, Tutor};
use crate::style::{Color, Span, Style};
use crate::trace::Event;
use crate::{Outcome, Session, Stream};

/// The lesson opened when none is chosen.
pub const SANDBOX: &str = "sandbox";
/// The world the sandbox runs on when the address names none.
const DEFAULT_WORLD: &str = "default";
/// The line Ctrl-D sends, as a terminal's line discipline reads EOT: the end of input for a
/// program reading the terminal. Kept as a line so that undo and replay links carry it.
pub const END_OF_INPUT: &str = "\u{4}";
/// The terminal's width until the page has measured it.
const COLUMNS: usize = 80;

/// One piece of output in the transcript.
#[derive(Clone, PartialEq)]
pub struct Chunk {
    /// Its CSS classes: where it came from (`stdout`, `stderr`, or `notice`, a remark of the
    /// simulation; none in a prompt), then how it looks (`fg-blue`, `bg-green`, `bold`).
    pub class: String,
    /// The text, without escape sequences.
    pub text: String,
}

impl Chunk {
    /// A span of terminal output under a class saying where it came from.
    fn styled(from: &str, span: &Span) -> Chunk {
        let Style { fg, bg, bold } = span.style;
        let looks = [fg.map(|c| format!("fg-{}", color_name(c))), bg.map(|c| format!("bg-{}", color_name(c))), bold.then(|| "bold".into())];
        let class = [from.to_string()].into_iter().chain(looks.into_iter().flatten()).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" ");
        Chunk { class, text: span.text.clone() }
    }

    /// A remark of the simulation.
    fn notice(text: &str) -> Chunk {
        Chunk { class: "notice".into(), text: format!("(venvlab) {text}\n") }
    }
}

/// The name of a terminal colour in the stylesheet's classes.
fn color_name(color: Color) -> &'static str {
    match color {
        Color::Black => "black",
        Color::Red => "red",
        Color::Green => "green",
        Color::Yellow => "yellow",
        Color::Blue => "blue",
        Color::Magenta => "magenta",
        Color::Cyan => "cyan",
        Color::White => "white",
    }
}

/// A prompt as the terminal shows it: its colours kept, other sequences (the window title
/// Ubuntu's prompt sets) left out.
pub fn prompt_chunks(prompt: &str) -> Vec<Chunk> {
    crate::style::spans(&[(Stream::Stdout, prompt.as_bytes().to_vec())]).iter().map(|span| Chunk::styled("", span)).collect()
}

/// One command line run, and what it printed.
#[derive(Clone, PartialEq)]
pub struct Entry {
    /// The prompt and the line typed; `None` for output printed after a screen clear.
    pub command: Option<(Vec<Chunk>, String)>,
    /// What it printed.
    pub output: Vec<Chunk>,
}

impl Entry {
    /// The bytes of text it shows.
    fn bytes(&self) -> usize {
        let command = self.command.as_ref().map_or(0, |(prompt, line)| prompt.iter().map(|c| c.text.len()).sum::<usize>() + line.len());
        command + self.output.iter().map(|c| c.text.len()).sum::<usize>()
    }
}

/// Everything the panels show.
#[derive(Clone)]
pub struct Lab {
    /// The course (lessons and sections).
    pub course: Rc<Course>,
    /// The lesson being played, with its simulated machine.
    pub tutor: Rc<RefCell<Tutor>>,
    /// What the learner has done, across lessons.
    pub progress: Rc<Progress>,
    /// Bumped whenever progress should be written to storage.
    pub saves: u64,
    /// Bumped whenever the learner opens a lesson, for the address bar to follow.
    pub opened: u64,
    /// Things the learner should know (progress discarded, a bad link); shown until dismissed.
    pub notices: Vec<String>,
    /// The prompt to show now (PS1, PS2, or a waiting program's own prompt).
    pub prompt: Vec<Chunk>,
    /// The transcript since the last clear.
    pub transcript: Vector<Entry>,
    /// What the last command did, for the explanation and the tree's highlights.
    pub events: Rc<Vec<Event>>,
    /// The last command line typed.
    pub last_line: String,
    /// The steps the last command (or skip) completed, for their explanations.
    pub completed: Vec<usize>,
    /// The current step's solution is shown.
    pub solution_shown: bool,
    /// How many of the current step's solution lines "type it for me" has typed.
    pub typed: usize,
    /// Counts changes, so that panels reading the session know to redraw.
    pub revision: u64,
    /// The states before the latest commands, newest last, for undo.
    undo: Vec<Saved>,
    /// The lines typed since the lesson opened, for a link that replays them.
    pub lines_run: Vector<String>,
    /// A line typed since the lesson opened could not be kept in `lines_run` (too many).
    lines_lost: bool,
    /// The step the lesson opened at (0-based), where a replay of `lines_run` starts.
    opened_step: usize,
    /// How many of `lines_run` came before the current step began (a reset drops the rest).
    step_lines: usize,
    /// The lines of a kept session are being typed again: progress already has their steps.
    resuming: bool,
    /// The preset the sandbox runs on (`?world=`).
    pub world: String,
    /// The terminal's width in characters, as measured on the page.
    columns: usize,
}

/// The part of the lab a command changes, kept to undo it.
#[derive(Clone)]
struct Saved {
    tutor: Tutor,
    transcript: Vector<Entry>,
    prompt: Vec<Chunk>,
    events: Rc<Vec<Event>>,
    last_line: String,
    typed: usize,
    step_lines: usize,
    lines_run: Vector<String>,
    lines_lost: bool,
}

/// The terminal's scrollback: entries, and bytes of text, kept before the oldest are dropped.
const SCROLLBACK_ENTRIES: usize = 2000;
const SCROLLBACK_BYTES: usize = 2 << 20;

/// Lines kept for a replay link.
const MAX_LINES_RUN: usize = 200;

/// Commands that can be undone, one after another.
const UNDO_DEPTH: usize = 50;

impl PartialEq for Lab {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision && Rc::ptr_eq(&self.tutor, &other.tutor)
    }
}

impl Lab {
    /// The lab a page opens with, from the saved progress text (if any), the address's query
    /// string — the lesson it names at its step, or the sandbox on its world — and the session
    /// kept from the last visit (see [`Resume`]), rebuilt if it played the same lesson and the
    /// address replays nothing of its own. What was wrong with any becomes a notice.
    pub fn start(saved: Option<&str>, query: &str, resume: Option<&str>) -> Lab {
        let course = Course::bundled();
        let (progress, discarded) = Progress::parse(saved.unwrap_or(""));
        let start = parse_query(query);
        let mut notices = start.notices;
        if let Some(reason) = &discarded {
            notices.push(format!("Your saved progress was discarded: {reason}."));
        }
        let world = start.world;
        let id = start.lesson.unwrap_or_else(|| SANDBOX.into());
        let (tutor, index) = match open_tutor(&course, &progress, &world, &id, start.step) {
            Ok(found) => found,
            Err(message) => {
                notices.push(format!("{message}; here is the sandbox instead."));
                open_tutor(&course, &progress, &world, SANDBOX, None)
                    .unwrap_or_else(|_| (Tutor::new(&sandbox_lesson(), true, COLUMNS).expect("the default world exists"), 0))
            }
        };
        let mut lab = Lab {
            course: Rc::new(course),
            tutor: Rc::new(RefCell::new(tutor)),
            progress: Rc::new(progress),
            // An unreadable entry is overwritten with the fresh progress.
            saves: u64::from(discarded.is_some()),
            opened: 0,
            notices,
            prompt: Vec::new(),
            transcript: Vector::new(),
            events: Rc::default(),
            last_line: String::new(),
            completed: Vec::new(),
            solution_shown: false,
            typed: 0,
            revision: 0,
            undo: Vec::new(),
            lines_run: Vector::new(),
            lines_lost: false,
            opened_step: 0,
            step_lines: 0,
            resuming: false,
            world,
            columns: COLUMNS,
        };
        lab.opened_at(index);
        if let Some(resume) = resume.and_then(Resume::parse).filter(|_| !super::query::params(query).any(|(key, _)| key == "run")) {
            lab.resume(&resume);
        }
        lab
    }

    /// Rebuilds a session kept from an earlier visit, if it played what is open now: the
    /// lesson is opened at the step it was and the lines are typed again.
    fn resume(&mut self, resume: &Resume) {
        let id = self.tutor.borrow().lesson().id.clone();
        if resume.lesson != id || resume.world != self.world || resume.lines.is_empty() {
            return;
        }
        if self.open(&id, Some(resume.step)).is_err() {
            return;
        }
        self.resuming = true;
        for line in &resume.lines {
            self.run(line);
        }
        self.resuming = false;
        self.undo.clear();
        self.completed.clear();
        self.note(&format!("Welcome back: your {} command{} ran again.", resume.lines.len(), if resume.lines.len() == 1 { "" } else { "s" }));
    }

    /// The session to keep for the next visit: `None` when there is nothing to keep, or when
    /// some lines were not kept and a replay would not rebuild it.
    pub fn to_resume(&self) -> Option<Resume> {
        if self.lines_run.is_empty() || self.lines_lost {
            return None;
        }
        Some(Resume {
            lesson: self.tutor.borrow().lesson().id.to_string(),
            world: self.world.clone(),
            step: self.opened_step,
            lines: self.lines_run.iter().cloned().collect(),
        })
    }
}

/// A bare sandbox, should the course lack one.
fn sandbox_lesson() -> Lesson {
    Lesson {
        id: SANDBOX.into(),
        title: "Sandbox".into(),
        summary: Default::default(),
        kind: Kind::Sandbox,
        world: crate::lesson::model::WorldSpec { preset: "default".into(), setup: Default::default() },
        steps: Default::default(),
        file: Default::default(),
    }
}

/// What the learner can do to the lab.
pub enum Action {
    /// Run a line typed at the terminal ([`END_OF_INPUT`] ends a waiting program's input).
    Run(String),
    /// Ctrl-C: the line being typed is abandoned, shown with `^C` as a terminal echoes it.
    Interrupt(String),
    /// The browser went back or forward to an address: its query string.
    Navigate(String),
    /// The terminal is now this many characters wide.
    Resize(usize),
    /// Open the sandbox on another world (one of [`crate::world::PRESETS`]).
    OpenWorld(String),
    /// Open a lesson by id, at the first step not yet done.
    OpenLesson(String),
    /// Restart the current lesson at a step (0-based); earlier steps are replayed.
    OpenStep(usize),
    /// Reveal the next hint.
    Hint,
    /// Show the current step's solution.
    ShowSolution,
    /// Type the next line of the current step's solution, as if the learner had.
    TypeSolution,
    /// Put the machine back where the current step began.
    ResetStep,
    /// Skip the current step: its solution is run for the learner.
    Skip,
    /// Hide a notice.
    DismissNotice(usize),
    /// Take back the last command: the machine, the terminal and the lesson step as before it.
    Undo,
    /// Clear the terminal's screen (Ctrl-L), keeping the line being typed.
    ClearScreen,
}

/// The lab as the panels receive it.
pub type LabHandle = UseReducerHandle<Lab>;

impl Reducible for Lab {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            Action::Run(line) => next.run(&line),
            Action::Interrupt(line) => {
                let prompt = next.prompt.clone();
                next.show(Entry { command: Some((prompt, format!("{line}^C"))), output: Vec::new() });
            }
            Action::Navigate(query) => next.navigate(&query),
            Action::OpenWorld(name) if crate::world::PRESETS.contains(&name.as_str()) => {
                next.world = name;
                match next.open(SANDBOX, None) {
                    Ok(()) => next.opened += 1,
                    Err(message) => next.notices.push(message),
                }
            }
            Action::OpenWorld(_) => {}
            Action::Resize(columns) => {
                next.columns = columns;
                next.fit();
            }
            Action::OpenLesson(id) => match next.open(&id, None) {
                Ok(()) => next.opened += 1,
                Err(message) => next.notices.push(message),
            },
            Action::OpenStep(index) => {
                let id = next.tutor.borrow().lesson().id.clone();
                if let Err(message) = next.open(&id, Some(index)) {
                    next.notices.push(message);
                }
            }
            Action::Hint => {
                next.tutor.borrow_mut().next_hint();
            }
            Action::ShowSolution => next.solution_shown = true,
            Action::TypeSolution => {
                let line = next.tutor.borrow().solution().get(next.typed).cloned();
                if let Some(line) = line {
                    next.typed += 1;
                    next.solution_shown = true;
                    next.run(&line);
                }
            }
            Action::ResetStep => next.reset_step(),
            Action::Skip => next.skip(),
            Action::Undo => next.undo(),
            Action::ClearScreen => next.transcript.clear(),
            Action::DismissNotice(index) => {
                if index < next.notices.len() {
                    next.notices.remove(index);
                }
            }
        }
        next.revision += 1;
        Rc::new(next)
    }
}

impl Lab {
    /// The session the panels read.
    pub fn session(&self) -> Ref<'_, Session> {
        Ref::map(self.tutor.borrow(), Tutor::session)
    }

    /// Opens what an address asks for: a lesson at a step, or the sandbox on a world.
    fn navigate(&mut self, query: &str) {
        let start = parse_query(query);
        self.notices.extend(start.notices);
        self.world = start.world;
        let id = start.lesson.unwrap_or_else(|| SANDBOX.into());
        if let Err(message) = self.open(&id, start.step) {
            self.notices.push(format!("{message}; here is the sandbox instead."));
            let _ = self.open(SANDBOX, None);
        }
    }

    /// Starts a lesson at `step` (0-based), or where the learner's progress left off.
    fn open(&mut self, id: &str, step: Option<usize>) -> Result<(), String> {
        let (tutor, index) = open_tutor(&self.course, &self.progress, &self.world, id, step)?;
        self.tutor = Rc::new(RefCell::new(tutor));
        self.fit();
        self.opened_at(index);
        Ok(())
    }

    /// Tells the session how wide the terminal is, for `ls` and friends.
    fn fit(&mut self) {
        self.tutor.borrow_mut().session_mut().set_columns(self.columns);
    }

    /// Starts the terminal and the step afresh for a tutor just opened at step `index`.
    fn opened_at(&mut self, index: usize) {
        self.transcript.clear();
        self.undo.clear();
        self.lines_run.clear();
        self.lines_lost = false;
        self.opened_step = index;
        if index > 0 {
            self.note(&format!("Starting at step {}: the steps before it were replayed.", index + 1));
        }
        self.events = Rc::default();
        self.last_line.clear();
        self.completed.clear();
        self.new_step();
        self.prompt = self.shell_prompt();
    }

    /// The shell's prompt now, as the terminal shows it.
    fn shell_prompt(&self) -> Vec<Chunk> {
        prompt_chunks(&self.tutor.borrow_mut().session_mut().prompt())
    }

    /// Forgets what belongs to the previous step.
    fn new_step(&mut self) {
        self.solution_shown = false;
        self.typed = 0;
        self.step_lines = self.lines_run.len();
    }

    /// Adds an entry to the transcript, dropping the oldest beyond the scrollback.
    fn show(&mut self, entry: Entry) {
        self.transcript.push_back(entry);
        let mut bytes: usize = self.transcript.iter().map(Entry::bytes).sum();
        while self.transcript.len() > 1 && (self.transcript.len() > SCROLLBACK_ENTRIES || bytes > SCROLLBACK_BYTES) {
            if let Some(dropped) = self.transcript.pop_front() {
                bytes -= dropped.bytes();
            }
        }
    }

    /// Adds a remark of venvlab's to the transcript.
    fn note(&mut self, text: &str) {
        self.show(Entry { command: None, output: vec![Chunk::notice(text)] });
    }

    /// The query string that reopens what is open now: `?lesson=ID`, `?world=NAME` for the
    /// sandbox on another world, or nothing.
    pub fn address(&self) -> String {
        let id = self.tutor.borrow().lesson().id.clone();
        if id != SANDBOX {
            format!("?lesson={id}")
        } else if self.world != DEFAULT_WORLD {
            format!("?world={}", self.world)
        } else {
            String::new()
        }
    }

    /// Whether there is a command to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    fn undo(&mut self) {
        let Some(saved) = self.undo.pop() else { return };
        let line = std::mem::take(&mut self.last_line);
        self.tutor = Rc::new(RefCell::new(saved.tutor));
        self.fit();
        self.transcript = saved.transcript;
        self.prompt = saved.prompt;
        self.events = saved.events;
        self.last_line = saved.last_line;
        self.typed = saved.typed;
        self.step_lines = saved.step_lines;
        self.lines_run = saved.lines_run;
        self.lines_lost = saved.lines_lost;
        self.completed.clear();
        self.note(&format!("Undone: {line}"));
    }

    fn run(&mut self, line: &str) {
        self.undo.push(Saved {
            tutor: self.tutor.borrow().clone(),
            transcript: self.transcript.clone(),
            prompt: self.prompt.clone(),
            events: self.events.clone(),
            last_line: self.last_line.clone(),
            typed: self.typed,
            step_lines: self.step_lines,
            lines_run: self.lines_run.clone(),
            lines_lost: self.lines_lost,
        });
        let excess = self.undo.len().saturating_sub(UNDO_DEPTH);
        self.undo.drain(..excess);
        self.keep_line(line);
        let before = self.tutor.borrow().step_index();
        let (turn, shown) = if line == END_OF_INPUT {
            (self.tutor.borrow_mut().end_of_input(), "")
        } else {
            (self.tutor.borrow_mut().run(line), line)
        };
        let outcome = turn.outcome;
        let mut output = chunks(&outcome);
        // A program reading the terminal (`>>> `, `Proceed (Y/n)? `) ends its output with its
        // prompt: show that as the input's prompt instead.
        let program_prompt = if outcome.waiting_for_input { take_last_line(&mut output) } else { Vec::new() };
        let command = if outcome.clear_screen {
            self.transcript.clear();
            None
        } else {
            Some((self.prompt.clone(), shown.to_string()))
        };
        if command.is_some() || !output.is_empty() {
            self.show(Entry { command, output });
        }
        self.prompt = if outcome.waiting_for_input { program_prompt } else { self.shell_prompt() };
        if !outcome.needs_more && !outcome.waiting_for_input {
            self.events = Rc::new(outcome.events);
            self.last_line = shown.to_string();
        }
        self.record(&turn.completed, false);
        if self.tutor.borrow().step_index() != before {
            self.new_step();
        }
    }

    /// Keeps a line that changed the machine, for a replay of the session.
    fn keep_line(&mut self, line: &str) {
        if self.lines_run.len() < MAX_LINES_RUN {
            self.lines_run.push_back(line.to_string());
        } else {
            self.lines_lost = true;
        }
    }

    /// Notes steps as done (or skipped) in the progress, and keeps them for their explanations.
    fn record(&mut self, completed: &[usize], skipped: bool) {
        if completed.is_empty() || self.resuming {
            return;
        }
        let tutor = self.tutor.borrow();
        let lesson = tutor.lesson();
        let progress = Rc::make_mut(&mut self.progress);
        for &index in completed {
            if let Some(step) = lesson.steps.get(index) {
                progress.record(&lesson.id, &step.id, skipped && tutor.was_skipped(index));
            }
        }
        drop(tutor);
        self.completed = completed.to_vec();
        self.saves += 1;
    }

    fn reset_step(&mut self) {
        self.tutor.borrow_mut().reset_step();
        self.lines_run.truncate(self.step_lines);
        self.typed = 0;
        self.note("The machine is back where this step began.");
        self.prompt = self.shell_prompt();
        self.events = Rc::default();
        self.last_line.clear();
    }

    fn skip(&mut self) {
        let before = self.tutor.borrow().step_index();
        let ran = self.tutor.borrow_mut().skip();
        if ran.is_empty() {
            return;
        }
        self.note(&format!("Skipping step {}: running its solution.", before + 1));
        let mut events = Vec::new();
        for (line, outcome) in ran {
            self.keep_line(&line);
            let output = chunks(&outcome);
            self.show(Entry { command: Some((prompt_chunks("$ "), line.clone())), output });
            events = outcome.events;
            self.last_line = line;
        }
        self.events = Rc::new(events);
        let after = self.tutor.borrow().step_index();
        self.record(&(before..after).collect::<Vec<_>>(), true);
        self.new_step();
        self.prompt = self.shell_prompt();
    }
}

/// A tutor for lesson `id` at `step` (0-based), or where `progress` left off, and the step it
/// starts at; the sandbox runs on `world`. `Err` says, for the learner, why it cannot start.
fn open_tutor(course: &Course, progress: &Progress, world: &str, id: &str, step: Option<usize>) -> Result<(Tutor, usize), String> {
    let found = course.lesson(id).ok_or_else(|| format!("There is no lesson called “{id}”"))?;
    let mut lesson = found.clone();
    if lesson.kind == Kind::Sandbox {
        lesson.world.preset = world.to_string().into();
    }
    let total = lesson.steps.len();
    let index = match step {
        Some(n) if n >= total && total > 0 => {
            return Err(format!("“{}” has {total} step{}, not {}", lesson.title, if total == 1 { "" } else { "s" }, n + 1));
        }
        Some(n) => n,
        None => match progress.resume_at(&lesson) {
            n if n >= total => 0,
            n => n,
        },
    };
    let tutor = Tutor::new_at(&lesson, index, true, COLUMNS).map_err(|e| format!("“{}” could not start: {e}", lesson.title))?;
    Ok((tutor, index))
}

/// An outcome's output as transcript chunks, with the simulation's notices.
fn chunks(outcome: &Outcome) -> Vec<Chunk> {
    let mut output: Vec<Chunk> = outcome
        .spans
        .iter()
        .map(|span| Chunk::styled(if span.stream == Stream::Stderr { "stderr" } else { "stdout" }, span))
        .collect();
    output.extend(outcome.notices.iter().map(|n| Chunk::notice(n)));
    output
}

/// What an address asks the lab to start with.
#[derive(Debug, PartialEq)]
pub struct Start {
    /// The lesson to open (`lesson=ID`); the sandbox when `None`.
    pub lesson: Option<String>,
    /// Its step, 0-based (`step=N` counts from 1).
    pub step: Option<usize>,
    /// The preset the sandbox runs on (`world=NAME`, one of [`crate::world::PRESETS`]).
    pub world: String,
    /// What was wrong with the address, for the learner; each bad value fell back.
    pub notices: Vec<String>,
}

/// Reads `?lesson=ID&step=N&world=NAME` from a query string (with or without its `?`); other
/// parameters are left to their readers. Bad values fall back to the sandbox and the default
/// world, with a notice saying why.
pub fn parse_query(query: &str) -> Start {
    let mut start = Start { lesson: None, step: None, world: DEFAULT_WORLD.into(), notices: Vec::new() };
    let (mut lesson, mut step, mut world) = (None, None, None);
    for param in super::query::params(query) {
        match param {
            ("lesson", Some(id)) => lesson = Some(id),
            ("step", Some(n)) => step = Some(n),
            ("world", Some(name)) => world = Some(name),
            _ => {}
        }
    }
    match lesson {
        Some(id) if !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') => {
            start.lesson = Some(id.to_string());
        }
        Some(_) => start.notices.push("The link names a lesson that does not exist; here is the sandbox instead.".into()),
        None => {}
    }
    match step.map(str::parse::<usize>) {
        Some(Ok(n)) if n >= 1 && start.lesson.is_some() => start.step = Some(n - 1),
        Some(_) => {
            if start.notices.is_empty() {
                start.notices.push("The link's step is not a step number; here is the sandbox instead.".into());
            }
            start.lesson = None;
        }
        None => {}
    }
    match world {
        Some(_) if start.lesson.is_some() => {
            start.notices.push("A lesson brings its own machine, so the link's world was not used.".into());
        }
        Some(name) if crate::world::PRESETS.contains(&name) => start.world = name.to_string(),
        Some(name) => start.notices.push(format!(
            "There is no world called “{}” (there is: {}); here is the default one.",
            name.chars().take(40).collect::<String>(),
            crate::world::PRESETS.join(", ")
        )),
        None => {}
    }
    start
}

/// Removes the unfinished last line (text after the last newline) from output and returns it.
fn take_last_line(output: &mut Vec<Chunk>) -> Vec<Chunk> {
    let mut tail = Vec::new();
    while let Some(last) = output.last_mut() {
        match last.text.rfind('\n') {
            Some(i) => {
                let rest = last.text.split_off(i + 1);
                if !rest.is_empty() {
                    tail.insert(0, Chunk { class: last.class.clone(), text: rest });
                }
                break;
            }
            None => tail.insert(0, output.pop().expect("the last chunk")),
        }
    }
    tail
}
