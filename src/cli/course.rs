//! The course in the terminal program: `venvlab lessons list|check|script` and
//! `venvlab --lesson ID`, which plays a lesson: its text, goals ticked as they come true, and
//! the lesson commands `hint`, `solution`, `goals`, `text`, `reset`, `skip`, `restart`.

use super::markdown;
use super::Driver;
use crate::lesson::{check_course, Course, Kind, Markdown, Progress, Tutor};
use crate::session::{Outcome, Session};
use std::path::{Path, PathBuf};

/// Where progress is kept: `$VENVLAB_PROGRESS`, else `$XDG_DATA_HOME/venvlab/progress.toml`,
/// else `~/.local/share/venvlab/progress.toml`.
fn progress_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("VENVLAB_PROGRESS") {
        return Some(PathBuf::from(p));
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/share")))?;
    Some(data.join("venvlab/progress.toml"))
}

/// Reads saved progress, printing a notice when it had to be discarded.
fn load_progress(path: Option<&Path>) -> Progress {
    let text = path.and_then(|p| std::fs::read_to_string(p).ok()).unwrap_or_default();
    let (progress, notice) = Progress::parse(&text);
    if let Some(notice) = notice {
        eprintln!("venvlab: {notice}");
    }
    progress
}

fn save_progress(path: Option<&Path>, progress: &Progress) {
    let Some(path) = path else { return };
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Err(e) = std::fs::write(path, progress.to_text()) {
        eprintln!("venvlab: could not save progress to {}: {e}", path.display());
    }
}

/// The lesson files of a directory, as `(path, text)` pairs, sorted by name.
fn read_dir(dir: &str) -> std::io::Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            files.push((path.display().to_string(), std::fs::read_to_string(&path)?));
        }
    }
    files.sort();
    Ok(files)
}

/// The course from `dir`, or the bundled one; problems are printed and give `Err(status)`.
fn load_course(dir: Option<&str>) -> Result<Course, i32> {
    let loaded = match dir {
        Some(dir) => match read_dir(dir) {
            Ok(files) => crate::lesson::load(&files),
            Err(e) => {
                eprintln!("venvlab: {dir}: {e}");
                return Err(2);
            }
        },
        None => Ok(Course::bundled()),
    };
    loaded.map_err(|errors| {
        for e in &errors {
            eprintln!("{e}");
        }
        eprintln!("venvlab: {} problem{} in the lesson files", errors.len(), if errors.len() == 1 { "" } else { "s" });
        1
    })
}

/// `venvlab lessons ...`.
pub fn lessons_command(args: &[String]) -> i32 {
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["list"] | [] => list(),
        ["check"] => check(None),
        ["check", dir] => check(Some(dir)),
        ["script", id] => script(id),
        _ => {
            eprintln!("usage: venvlab lessons list | check [DIR] | script ID");
            2
        }
    }
}

fn list() -> i32 {
    let course = match load_course(None) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let progress = load_progress(progress_path().as_deref());
    for (title, ids) in course.sections.iter() {
        println!("{title}");
        for lesson in ids.iter().filter_map(|id| course.lesson(id)) {
            let total = lesson.steps.len();
            let mark = match progress.steps_finished(lesson) {
                _ if lesson.kind == Kind::Sandbox => "    ".to_string(),
                n if n == total => "  ✓ ".to_string(),
                0 => "    ".to_string(),
                n => format!("{n}/{total} "),
            };
            let steps = match lesson.kind {
                Kind::Lesson => format!("{total} step{}", if total == 1 { "" } else { "s" }),
                Kind::Challenge => "challenge".into(),
                Kind::Sandbox => "no goals".into(),
            };
            println!("  {mark}{:<22} {} ({steps})", lesson.id, lesson.title);
        }
        println!();
    }
    println!("Start one with: venvlab --lesson ID");
    0
}

fn check(dir: Option<&str>) -> i32 {
    let course = match load_course(dir) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let errors = check_course(&course);
    for e in &errors {
        eprintln!("{e}");
    }
    let steps: usize = course.lessons.iter().map(|l| l.steps.len()).sum();
    if errors.is_empty() {
        println!("{} lessons, {steps} steps: every solution meets its goals, every near-miss misses them", course.lessons.len());
        0
    } else {
        eprintln!("venvlab: {} problem{} found", errors.len(), if errors.len() == 1 { "" } else { "s" });
        1
    }
}

/// Prints the lines a lesson runs, setup then every step's solution: a golden scenario.
fn script(id: &str) -> i32 {
    let course = match load_course(None) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let Some(lesson) = course.lesson(id) else {
        eprintln!("venvlab: no lesson is called `{id}` (see venvlab lessons list)");
        return 2;
    };
    for line in lesson.world.setup.iter().chain(lesson.steps.iter().flat_map(|s| s.solution.iter())) {
        println!("{line}");
    }
    0
}

/// Text after a label, its later lines indented to line up under the first.
fn hanging(label: &str, text: &str) -> String {
    let indent = format!("\n{}", " ".repeat(label.chars().count()));
    format!("{label}{}\n", text.trim().replace('\n', &indent))
}

/// A lesson played in the terminal program.
pub struct LessonDriver {
    tutor: Tutor,
    course: Course,
    progress: Progress,
    progress_path: Option<PathBuf>,
    colour: bool,
    width: usize,
    /// Which goals held when they were last shown.
    shown: Vec<bool>,
    /// The last input was incomplete: the next line continues it.
    continuing: bool,
}

/// Sets up `venvlab --lesson ID`: the course, saved progress, and the tutor at the first step
/// not yet done. `Err` carries the exit status after printing why.
pub fn lesson_driver(id: &str, colour: bool) -> Result<LessonDriver, i32> {
    let course = load_course(None)?;
    let Some(lesson) = course.lesson(id).cloned() else {
        eprintln!("venvlab: no lesson is called `{id}` (see venvlab lessons list)");
        return Err(2);
    };
    let progress_path = progress_path();
    let progress = load_progress(progress_path.as_deref());
    let resume = match progress.resume_at(&lesson) {
        n if n >= lesson.steps.len() => 0,
        n => n,
    };
    let tutor = Tutor::new_at(&lesson, resume, colour, 80).map_err(|e| {
        eprintln!("venvlab: {}: {e}", lesson.file);
        1
    })?;
    let shown = tutor.goals().iter().map(|g| g.met).collect();
    Ok(LessonDriver { tutor, course, progress, progress_path, colour, width: 78, shown, continuing: false })
}

impl LessonDriver {
    fn md(&self, text: &Markdown) -> String {
        markdown::render(text, self.width, self.colour)
    }

    fn heading(&self, text: &str) -> String {
        if self.colour {
            format!("\x1b[1;35m{text}\x1b[0m\n")
        } else {
            format!("{text}\n")
        }
    }

    /// The current step: its number, text and goals.
    fn step_text(&mut self) -> String {
        let lesson = self.tutor.lesson();
        let Some(step) = self.tutor.step() else { return String::new() };
        let title = match lesson.kind {
            Kind::Challenge => "The challenge".to_string(),
            _ => format!("Step {} of {}", self.tutor.step_index() + 1, lesson.steps.len()),
        };
        let text = step.text.clone();
        let mut out = format!("\n{}", self.heading(&format!("── {title} ──")));
        out.push_str(&self.md(&text));
        out.push_str(&self.goals_text());
        out
    }

    /// The current step's goals with ticks.
    fn goals_text(&mut self) -> String {
        let goals = self.tutor.goals();
        self.shown = goals.iter().map(|g| g.met).collect();
        let mut out = String::from("Goal:\n");
        for g in goals {
            let tick = if g.met { "[✓]" } else { "[ ]" };
            out.push_str(&hanging(&format!("  {tick} "), &markdown::render(&g.text, self.width - 6, self.colour)));
        }
        out
    }

    /// What to print after a command: steps completed (with their explanations), then the
    /// next step, the end of the lesson, or the goals if any changed.
    fn after(&mut self, completed: &[usize], skipped: bool) -> String {
        let mut out = String::new();
        for &index in completed {
            let step = self.tutor.lesson().steps[index].clone();
            let skipped = skipped && self.tutor.was_skipped(index);
            self.progress.record(&self.tutor.lesson().id, &step.id, skipped);
            let verb = if skipped { "skipped" } else { "done" };
            let label = match self.tutor.lesson().kind {
                Kind::Challenge => format!("✓ Challenge {verb}!"),
                _ => format!("✓ Step {} {verb}.", index + 1),
            };
            out.push_str(&format!("\n{}", self.heading(&label)));
            if let Some(explain) = &step.explain {
                out.push_str(&self.md(explain));
            }
        }
        if !completed.is_empty() {
            save_progress(self.progress_path.as_deref(), &self.progress);
            if self.tutor.finished() {
                out.push_str(&self.finish_text());
            } else {
                out.push_str(&self.step_text());
            }
        } else if self.tutor.goals().iter().map(|g| g.met).collect::<Vec<_>>() != self.shown {
            out.push_str(&self.goals_text());
        }
        out
    }

    fn finish_text(&self) -> String {
        let lesson = self.tutor.lesson();
        let done = if lesson.kind == Kind::Challenge { "Solved" } else { "Lesson complete" };
        let mut out = format!("\n{}", self.heading(&format!("{done}: {}", lesson.title)));
        match self.course.after(&lesson.id) {
            Some(next) => out.push_str(&format!("Next: venvlab --lesson {}  (or keep exploring here; `exit` leaves)\n", next.id)),
            None => out.push_str("That was the last one. Keep exploring here; `exit` leaves.\n"),
        }
        out
    }

    /// A lesson command, if the line is one.
    fn lesson_command(&mut self, line: &str) -> Option<String> {
        let out = match line.trim() {
            "hint" => match self.tutor.next_hint().cloned() {
                Some(hint) => {
                    let label = format!("Hint {}: ", self.tutor.hints_shown().len());
                    hanging(&label, &markdown::render(&hint, self.width - label.len(), self.colour))
                }
                None if self.tutor.step().is_some() => "No more hints. Type `solution` to see the commands.\n".into(),
                None => "This lesson has nothing left to do.\n".into(),
            },
            "solution" => match self.tutor.solution() {
                [] => "This lesson has nothing left to do.\n".into(),
                lines => format!("One way to do it:\n{}", lines.iter().map(|l| format!("    {l}\n")).collect::<String>()),
            },
            "goals" => self.goals_text(),
            "text" => self.step_text(),
            "reset" => {
                self.tutor.reset_step();
                format!("The machine is back where this step began.\n{}", self.goals_text())
            }
            "skip" => {
                let index = self.tutor.step_index();
                let ran = self.tutor.skip();
                if ran.is_empty() {
                    return Some("This lesson has nothing left to do.\n".into());
                }
                let mut out = String::from("Running the solution:\n");
                for (line, outcome) in ran {
                    out.push_str(&format!("$ {line}\n{}", outcome.raw));
                }
                let completed: Vec<usize> = (index..self.tutor.step_index()).collect();
                out.push_str(&self.after(&completed, true));
                out
            }
            "restart" => {
                let lesson = self.tutor.lesson().clone();
                match Tutor::new(&lesson, self.colour, 80) {
                    Ok(t) => self.tutor = t,
                    Err(e) => return Some(format!("venvlab: {e}\n")),
                }
                format!("The lesson starts again.\n{}", self.step_text())
            }
            _ => return None,
        };
        Some(out)
    }
}

impl Driver for LessonDriver {
    fn session(&mut self) -> &mut Session {
        self.tutor.session_mut()
    }

    fn intro(&mut self) -> String {
        let lesson = self.tutor.lesson().clone();
        let mut out = self.heading(&lesson.title);
        out.push_str(&self.md(&lesson.summary));
        if lesson.kind == Kind::Sandbox {
            out.push_str("A free machine: no goals. `exit` or Ctrl-D leaves.\n");
            return out;
        }
        out.push_str("Lesson commands: hint, solution, goals, text, reset, skip, restart. Anything else goes to the shell.\n");
        if self.tutor.step_index() > 0 {
            out.push_str(&format!("(Resuming at step {}: the steps before it were replayed.)\n", self.tutor.step_index() + 1));
        }
        out.push_str(&self.step_text());
        out
    }

    fn line(&mut self, line: &str) -> (Option<Outcome>, String) {
        if !self.continuing && !self.tutor.session().waiting_for_input() {
            if let Some(text) = self.lesson_command(line) {
                return (None, text);
            }
        }
        let turn = self.tutor.run(line);
        self.continuing = turn.outcome.needs_more;
        let extra = self.after(&turn.completed, false);
        (Some(turn.outcome), extra)
    }

    fn end_of_input(&mut self) -> (Outcome, String) {
        let turn = self.tutor.end_of_input();
        let extra = self.after(&turn.completed, false);
        (turn.outcome, extra)
    }
}
