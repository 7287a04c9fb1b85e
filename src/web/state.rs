//! The lab's state: the course, a [`Tutor`] playing one lesson on its session (the sandbox
//! when none is chosen), the terminal's transcript, what the last command did, and progress.
//!
//! Plain data behind a reducer (`Action` in, new `Lab` out); the panels read it through a
//! context and never change it themselves. Storage and the URL are read and written by effects
//! in [`super::App`]; the reducer only receives their text ([`Action::Load`]) and says when
//! progress should be saved ([`Lab::saves`]).

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use im::Vector;
use yew::prelude::*;

use crate::lesson::{Course, Kind, Progress, Tutor};
use crate::trace::Event;
use crate::{Outcome, Session, Stream};

/// The lesson opened when none is chosen.
pub const SANDBOX: &str = "sandbox";
/// The terminal's width, as the session is told.
const COLUMNS: usize = 80;

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
    pub prompt: String,
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
}

/// The part of the lab a command changes, kept to undo it.
#[derive(Clone)]
struct Saved {
    tutor: Tutor,
    transcript: Vector<Entry>,
    prompt: String,
    events: Rc<Vec<Event>>,
    last_line: String,
    typed: usize,
}

/// Lines kept for a replay link.
const MAX_LINES_RUN: usize = 200;

/// Commands that can be undone, one after another.
const UNDO_DEPTH: usize = 50;

impl PartialEq for Lab {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision && Rc::ptr_eq(&self.tutor, &other.tutor)
    }
}

impl Default for Lab {
    fn default() -> Self {
        let course = Course::bundled();
        let tutor = course
            .lesson(SANDBOX)
            .and_then(|l| Tutor::new(l, true, COLUMNS).ok())
            .unwrap_or_else(|| Tutor::new(&sandbox_lesson(), true, COLUMNS).expect("the default world exists"));
        let mut lab = Lab {
            course: Rc::new(course),
            tutor: Rc::new(RefCell::new(tutor)),
            progress: Rc::default(),
            saves: 0,
            opened: 0,
            notices: Vec::new(),
            prompt: String::new(),
            transcript: Vector::new(),
            events: Rc::default(),
            last_line: String::new(),
            completed: Vec::new(),
            solution_shown: false,
            typed: 0,
            revision: 0,
            undo: Vec::new(),
            lines_run: Vector::new(),
        };
        lab.prompt = lab.tutor.borrow_mut().session_mut().prompt();
        lab
    }
}

/// A bare sandbox, should the course lack one.
fn sandbox_lesson() -> crate::lesson::Lesson {
    crate::lesson::Lesson {
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
    /// The page has loaded: the saved progress text (if any) and the URL's query string.
    Load {
        /// `localStorage`'s progress entry.
        saved: Option<String>,
        /// `location.search`, with or without its `?`.
        query: String,
    },
    /// Run a line typed at the terminal.
    Run(String),
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
            Action::Load { saved, query } => next.load(saved.as_deref(), &query),
            Action::Run(line) => next.run(&line),
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

    /// Reads saved progress and opens the lesson the URL names (or the sandbox).
    fn load(&mut self, saved: Option<&str>, query: &str) {
        let (progress, notice) = Progress::parse(saved.unwrap_or(""));
        self.progress = Rc::new(progress);
        if let Some(notice) = notice {
            self.notices.push(format!("Your saved progress was discarded: {notice}."));
            // Overwrite the unreadable entry with the fresh progress.
            self.saves += 1;
        }
        let (lesson, step) = match parse_query(query) {
            Ok(found) => found,
            Err(message) => {
                self.notices.push(message);
                (None, None)
            }
        };
        let Some(id) = lesson else { return };
        if let Err(message) = self.open(&id, step) {
            self.notices.push(format!("{message}; here is the sandbox instead."));
            let _ = self.open(SANDBOX, None);
        }
    }

    /// Starts a lesson at `step` (0-based), or where the learner's progress left off.
    fn open(&mut self, id: &str, step: Option<usize>) -> Result<(), String> {
        let lesson = self.course.lesson(id).ok_or_else(|| format!("There is no lesson called “{id}”"))?;
        let total = lesson.steps.len();
        let index = match step {
            Some(n) if n >= total && total > 0 => {
                return Err(format!("“{}” has {total} step{}, not {}", lesson.title, if total == 1 { "" } else { "s" }, n + 1));
            }
            Some(n) => n,
            None => match self.progress.resume_at(lesson) {
                n if n >= total => 0,
                n => n,
            },
        };
        let tutor = Tutor::new_at(lesson, index, true, COLUMNS).map_err(|e| format!("“{}” could not start: {e}", lesson.title))?;
        self.tutor = Rc::new(RefCell::new(tutor));
        self.transcript.clear();
        self.undo.clear();
        self.lines_run.clear();
        if index > 0 {
            self.note(&format!("Starting at step {}: the steps before it were replayed.", index + 1));
        }
        self.events = Rc::default();
        self.last_line.clear();
        self.completed.clear();
        self.new_step();
        self.prompt = self.tutor.borrow_mut().session_mut().prompt();
        Ok(())
    }

    /// Forgets what belongs to the previous step.
    fn new_step(&mut self) {
        self.solution_shown = false;
        self.typed = 0;
    }

    /// Adds a remark of venvlab's to the transcript.
    fn note(&mut self, text: &str) {
        self.transcript.push_back(Entry { command: None, output: vec![Chunk { class: "notice", text: format!("(venvlab) {text}\n") }] });
    }

    /// Whether there is a command to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    fn undo(&mut self) {
        let Some(saved) = self.undo.pop() else { return };
        self.lines_run.pop_back();
        let line = std::mem::take(&mut self.last_line);
        self.tutor = Rc::new(RefCell::new(saved.tutor));
        self.transcript = saved.transcript;
        self.prompt = saved.prompt;
        self.events = saved.events;
        self.last_line = saved.last_line;
        self.typed = saved.typed;
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
        });
        let excess = self.undo.len().saturating_sub(UNDO_DEPTH);
        self.undo.drain(..excess);
        if self.lines_run.len() < MAX_LINES_RUN {
            self.lines_run.push_back(line.to_string());
        }
        let before = self.tutor.borrow().step_index();
        let turn = self.tutor.borrow_mut().run(line);
        let outcome = turn.outcome;
        let mut output = chunks(&outcome);
        // A program reading the terminal (`>>> `, `Proceed (Y/n)? `) ends its output with its
        // prompt: show that as the input's prompt instead.
        let program_prompt = if outcome.waiting_for_input { take_last_line(&mut output) } else { String::new() };
        let command = if outcome.clear_screen {
            self.transcript.clear();
            None
        } else {
            Some((self.prompt.clone(), line.to_string()))
        };
        if command.is_some() || !output.is_empty() {
            self.transcript.push_back(Entry { command, output });
        }
        self.prompt = if outcome.waiting_for_input { program_prompt } else { self.tutor.borrow_mut().session_mut().prompt() };
        if !outcome.needs_more && !outcome.waiting_for_input {
            self.events = Rc::new(outcome.events);
            self.last_line = line.to_string();
        }
        self.record(&turn.completed, false);
        if self.tutor.borrow().step_index() != before {
            self.new_step();
        }
    }

    /// Notes steps as done (or skipped) in the progress, and keeps them for their explanations.
    fn record(&mut self, completed: &[usize], skipped: bool) {
        if completed.is_empty() {
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
        self.typed = 0;
        self.note("The machine is back where this step began.");
        self.prompt = self.tutor.borrow_mut().session_mut().prompt();
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
            let output = chunks(&outcome);
            self.transcript.push_back(Entry { command: Some(("$ ".into(), line.clone())), output });
            events = outcome.events;
            self.last_line = line;
        }
        self.events = Rc::new(events);
        let after = self.tutor.borrow().step_index();
        self.record(&(before..after).collect::<Vec<_>>(), true);
        self.new_step();
        self.prompt = self.tutor.borrow_mut().session_mut().prompt();
    }
}

/// An outcome's output as transcript chunks, with the simulation's notices.
fn chunks(outcome: &Outcome) -> Vec<Chunk> {
    let mut output: Vec<Chunk> = outcome
        .spans
        .iter()
        .map(|span| Chunk { class: if span.stream == Stream::Stderr { "stderr" } else { "stdout" }, text: span.text.clone() })
        .collect();
    output.extend(outcome.notices.iter().map(|n| Chunk { class: "notice", text: format!("(venvlab) {n}\n") }));
    output
}

/// The lesson id and 0-based step a query string (`?lesson=ID&step=N`, step 1-based) asks
/// for; `Err` says what is wrong with it. Other parameters are ignored.
pub fn parse_query(query: &str) -> Result<(Option<String>, Option<usize>), String> {
    let mut lesson = None;
    let mut step = None;
    for pair in query.trim_start_matches('?').split('&') {
        match pair.split_once('=') {
            Some(("lesson", id)) => lesson = Some(id),
            Some(("step", n)) => step = Some(n),
            _ => {}
        }
    }
    let lesson = match lesson {
        None => None,
        Some(id) if !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') => Some(id.to_string()),
        Some(_) => return Err("The link names a lesson that does not exist; here is the sandbox instead.".into()),
    };
    let step = match step {
        None => None,
        Some(n) => match n.parse::<usize>() {
            Ok(n) if n >= 1 && lesson.is_some() => Some(n - 1),
            _ => return Err("The link's step is not a step number; here is the sandbox instead.".into()),
        },
    };
    Ok((lesson, step))
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
