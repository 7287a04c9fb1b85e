//! Playing a lesson: a [`Session`] on the lesson's world, the current step, its goals checked
//! after every command, hints revealed one at a time, reset and skip.
//!
//! A command counts for the step that was current when it ran. When a step is done, the next
//! one becomes current and is checked at once against the state alone (no last command), so
//! a learner who went ahead is not asked to do it again.

use super::judge::LastCommand;
use super::markdown::Markdown;
use super::model::{Kind, Lesson, Step, Str};
use crate::session::{Outcome, Session, Snapshot};
use std::fmt;

/// Why a lesson's world could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartError {
    /// The lesson names a world that does not exist.
    UnknownPreset(String),
    /// A setup line failed; with its output.
    Setup {
        /// The line.
        line: String,
        /// What it printed.
        output: String,
        /// Its exit status, or `None` when it left input pending or waited for the keyboard.
        status: Option<i32>,
    },
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::UnknownPreset(name) => write!(f, "no world is called `{name}`"),
            StartError::Setup { line, output, status: Some(s) } => {
                write!(f, "setup line `{line}` exited with status {s}")?;
                match output.trim_end() {
                    "" => Ok(()),
                    said => write!(f, ": {said}"),
                }
            }
            StartError::Setup { line, .. } => write!(f, "setup line `{line}` did not finish (it waits for more input)"),
        }
    }
}

/// What one command did to the lesson.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Turn {
    /// The session's outcome, for the terminal.
    pub outcome: Outcome,
    /// Indexes of the steps this command completed (more than one when the learner went ahead).
    pub completed: Vec<usize>,
}

/// A goal of the current step and whether it holds now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalStatus {
    /// The goal in words.
    pub text: Markdown,
    /// Whether it holds after the last command.
    pub met: bool,
}

/// A lesson being played.
#[derive(Debug, Clone)]
pub struct Tutor {
    lesson: Lesson,
    session: Session,
    /// The current step's index; `steps.len()` once every step is done.
    step: usize,
    /// The state when the current step began, for [`Tutor::reset_step`].
    step_start: Snapshot,
    hints_shown: usize,
    /// The last complete command, for goals about it.
    last: Option<LastCommand>,
    /// The input being typed or answered (lines so far, output so far).
    pending: Option<LastCommand>,
    /// Steps skipped rather than done.
    skipped: Vec<usize>,
}

impl Tutor {
    /// Builds the lesson's world, runs its setup and starts at the first step. `tty` and
    /// `columns` describe the learner's terminal, as in [`Session::with_world`]; on a
    /// terminal, bash first reads its start-up files as a terminal window's bash does (what
    /// they print, nothing in the bundled worlds, is not shown).
    pub fn new(lesson: &Lesson, tty: bool, columns: usize) -> Result<Tutor, StartError> {
        let world = crate::world::preset(&lesson.world.preset).ok_or_else(|| StartError::UnknownPreset(lesson.world.preset.to_string()))?;
        let mut session = Session::with_world(world, tty, columns);
        if tty {
            session.read_startup_files();
        }
        for line in lesson.world.setup.iter() {
            let outcome = session.run(line);
            let unfinished = outcome.needs_more || outcome.waiting_for_input;
            if unfinished || outcome.status != 0 {
                return Err(StartError::Setup {
                    line: line.to_string(),
                    output: outcome.text(),
                    status: (!unfinished).then_some(outcome.status),
                });
            }
        }
        session.forget_history();
        let step_start = session.snapshot();
        let mut tutor = Tutor { lesson: lesson.clone(), session, step: 0, step_start, hints_shown: 0, last: None, pending: None, skipped: Vec::new() };
        tutor.advance();
        Ok(tutor)
    }

    /// Starts the lesson at step `index` (0-based): earlier steps are reached by running their
    /// solutions and count as skipped. For links to a step and resumed progress.
    pub fn new_at(lesson: &Lesson, index: usize, tty: bool, columns: usize) -> Result<Tutor, StartError> {
        let mut tutor = Tutor::new(lesson, tty, columns)?;
        while tutor.step < index.min(tutor.lesson.steps.len()) {
            tutor.skip();
        }
        Ok(tutor)
    }

    /// The lesson.
    pub fn lesson(&self) -> &Lesson {
        &self.lesson
    }

    /// The session, read-only (prompt and completion go through [`Tutor::session_mut`]).
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The session, for the prompt, completion and terminal size. Commands should go through
    /// [`Tutor::run`] so that goals are checked.
    pub fn session_mut(&mut self) -> &mut Session {
        &mut self.session
    }

    /// The index of the current step (equal to the number of steps once all are done).
    pub fn step_index(&self) -> usize {
        self.step
    }

    /// The current step, or `None` when the lesson is finished or has no steps.
    pub fn step(&self) -> Option<&Step> {
        self.lesson.steps.get(self.step)
    }

    /// Whether every step is done (always false for a sandbox, which has none to do).
    pub fn finished(&self) -> bool {
        self.lesson.kind != Kind::Sandbox && self.step >= self.lesson.steps.len()
    }

    /// Whether step `index` was skipped rather than done.
    pub fn was_skipped(&self, index: usize) -> bool {
        self.skipped.contains(&index)
    }

    /// Runs one typed line and checks the current step's goals once the command is complete.
    pub fn run(&mut self, line: &str) -> Turn {
        let answers_a_program = self.session.waiting_for_input();
        let outcome = self.session.run(line);
        let pending = self.pending.get_or_insert_with(LastCommand::default);
        if !answers_a_program {
            if !pending.line.is_empty() {
                pending.line.push('\n');
            }
            pending.line.push_str(line);
        }
        pending.output.push_str(&outcome.text());
        if outcome.needs_more || outcome.waiting_for_input {
            return Turn { outcome, completed: Vec::new() };
        }
        let mut last = self.pending.take().unwrap_or_default();
        last.status = outcome.status;
        self.last = Some(last);
        Turn { completed: self.advance(), outcome }
    }

    /// Ends the input of a program waiting for the keyboard (Ctrl-D), then checks goals.
    pub fn end_of_input(&mut self) -> Turn {
        let outcome = self.session.end_of_input();
        if let Some(pending) = self.pending.as_mut() {
            pending.output.push_str(&outcome.text());
        }
        if outcome.waiting_for_input {
            return Turn { outcome, completed: Vec::new() };
        }
        let mut last = self.pending.take().unwrap_or_default();
        last.status = outcome.status;
        self.last = Some(last);
        Turn { completed: self.advance(), outcome }
    }

    /// Completes steps while their goals hold; the first is judged with the last command, the
    /// ones after it on the state alone. Returns their indexes.
    fn advance(&mut self) -> Vec<usize> {
        let mut done = Vec::new();
        while let Some(step) = self.lesson.steps.get(self.step) {
            if !step.goals.iter().all(|g| g.goal.met(&self.session, self.last.as_ref())) {
                break;
            }
            done.push(self.step);
            self.begin_step(self.step + 1);
        }
        done
    }

    fn begin_step(&mut self, index: usize) {
        self.step = index;
        self.step_start = self.session.snapshot();
        self.hints_shown = 0;
        self.last = None;
    }

    /// The current step's goals and whether each holds now.
    pub fn goals(&self) -> Vec<GoalStatus> {
        let Some(step) = self.step() else { return Vec::new() };
        step.goals.iter().map(|g| GoalStatus { text: g.text.clone(), met: g.goal.met(&self.session, self.last.as_ref()) }).collect()
    }

    /// Reveals the next hint of the current step; `None` when all are shown.
    pub fn next_hint(&mut self) -> Option<&Markdown> {
        let step = self.lesson.steps.get(self.step)?;
        let hint = step.hints.get(self.hints_shown)?;
        self.hints_shown += 1;
        Some(hint)
    }

    /// The hints revealed so far for the current step.
    pub fn hints_shown(&self) -> &[Markdown] {
        self.step().map_or(&[], |s| &s.hints[..self.hints_shown.min(s.hints.len())])
    }

    /// The current step's reference solution.
    pub fn solution(&self) -> &[Str] {
        self.step().map_or(&[], |s| &s.solution)
    }

    /// Returns the machine to where the current step began (hints stay revealed).
    pub fn reset_step(&mut self) {
        self.session.restore(self.step_start.clone());
        self.last = None;
        self.pending = None;
    }

    /// Skips the current step: back to where it began, its solution run, then the next step.
    /// Returns each solution line with its outcome, for the terminal to show.
    pub fn skip(&mut self) -> Vec<(String, Outcome)> {
        let Some(step) = self.lesson.steps.get(self.step).cloned() else { return Vec::new() };
        self.reset_step();
        let ran = step.solution.iter().map(|line| (line.to_string(), self.session.run(line))).collect();
        self.skipped.push(self.step);
        self.begin_step(self.step + 1);
        self.advance();
        ran
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson(text: &str) -> Lesson {
        toml::from_str(text).unwrap()
    }

    const TWO_STEPS: &str = r#"
id = "t"
title = "T"
summary = "S"
kind = "lesson"
world = { preset = "default", setup = ["mkdir -p work"] }

[[steps]]
id = "venv"
text = "Make a venv."
hints = ["one", "two"]
solution = ["python -m venv .venv"]
goals = [{ kind = "symlink", path = "~/Projects/example/.venv/bin/python" }]

[[steps]]
id = "fail"
text = "Fail."
hints = ["h"]
solution = ["false"]
goals = [{ kind = "last_command", status = 1 }]
"#;

    #[test]
    fn steps_complete_when_their_goals_hold() {
        let mut t = Tutor::new(&lesson(TWO_STEPS), false, 80).unwrap();
        assert!(t.session().fs().stat("/home/kai/Projects/example/work").is_ok());
        assert_eq!(t.run("ls").completed, Vec::<usize>::new());
        assert!(!t.goals()[0].met);
        assert_eq!(t.run("python -m venv .venv").completed, [0]);
        assert_eq!(t.step().unwrap().id, "fail");
        assert_eq!(t.run("true").completed, Vec::<usize>::new());
        assert_eq!(t.run("false").completed, [1]);
        assert!(t.finished());
    }

    #[test]
    fn a_command_counts_only_for_the_step_current_when_it_ran() {
        let l = lesson(&TWO_STEPS.replace("status = 1", "status = 0"));
        let mut t = Tutor::new(&l, false, 80).unwrap();
        assert_eq!(t.run("python -m venv .venv").completed, [0]);
        assert_eq!(t.step_index(), 1);
    }

    #[test]
    fn state_goals_of_later_steps_cascade() {
        let l = lesson(&TWO_STEPS.replace("kind = \"last_command\", status = 1", "kind = \"directory\", path = \"~\""));
        let mut t = Tutor::new(&l, false, 80).unwrap();
        assert_eq!(t.run("python -m venv .venv").completed, [0, 1]);
        assert!(t.finished());
    }

    #[test]
    fn hints_are_revealed_one_at_a_time() {
        let mut t = Tutor::new(&lesson(TWO_STEPS), false, 80).unwrap();
        assert_eq!(t.next_hint(), Some(&Markdown::parse("one")));
        assert_eq!(t.next_hint(), Some(&Markdown::parse("two")));
        assert_eq!(t.next_hint(), None);
        assert_eq!(t.hints_shown().len(), 2);
        assert_eq!(t.solution(), ["python -m venv .venv"]);
    }

    #[test]
    fn reset_returns_to_the_step_start_and_skip_runs_the_solution() {
        let mut t = Tutor::new(&lesson(TWO_STEPS), false, 80).unwrap();
        t.run("rm -r work");
        t.reset_step();
        assert!(t.session().fs().stat("/home/kai/Projects/example/work").is_ok());
        let ran = t.skip();
        assert_eq!(ran[0].0, "python -m venv .venv");
        assert!(t.was_skipped(0));
        assert_eq!(t.step_index(), 1);
        let at = Tutor::new_at(&lesson(TWO_STEPS), 1, false, 80).unwrap();
        assert!(at.session().fs().lstat("/home/kai/Projects/example/.venv/bin/python").is_ok());
    }

    #[test]
    fn a_continued_input_is_one_command() {
        let l = lesson(&TWO_STEPS.replace("status = 1", "matches = \"if true*fi\", output_contains = \"yes\""));
        let mut t = Tutor::new_at(&l, 1, false, 80).unwrap();
        assert!(t.run("if true").completed.is_empty());
        assert!(t.run("then echo yes").completed.is_empty());
        assert_eq!(t.run("fi").completed, [1]);
    }

    #[test]
    fn setup_failures_are_errors_not_panics() {
        let l = lesson(&TWO_STEPS.replace("mkdir -p work", "cat nothing"));
        let e = Tutor::new(&l, false, 80).unwrap_err();
        assert_eq!(e.to_string(), "setup line `cat nothing` exited with status 1: cat: nothing: No such file or directory");
        let l = lesson(&TWO_STEPS.replace("mkdir -p work", "if true"));
        assert!(matches!(Tutor::new(&l, false, 80), Err(StartError::Setup { status: None, .. })));
    }
}
