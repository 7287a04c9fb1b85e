//! A learner's progress: which steps of which lessons are done, keyed by lesson and step ids
//! (never by position, so reordering or inserting lessons keeps it valid).
//!
//! It is saved as a small versioned TOML text (`progress_toml.rs`; the terminal program writes
//! it to a file, the web app to `localStorage`). Text that is corrupt or from another format
//! is discarded with a notice: progress is never worth a crash.

use super::model::Lesson;
use super::progress_toml::{self, Unreadable};
use std::collections::BTreeMap;

/// The progress format this build writes and reads.
pub const PROGRESS_FORMAT: u32 = 1;

/// Progress through the course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The format, [`PROGRESS_FORMAT`].
    pub format: u32,
    /// Per lesson id.
    pub lessons: BTreeMap<String, LessonProgress>,
}

/// Progress through one lesson.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LessonProgress {
    /// Ids of the steps done by the learner.
    pub done: Vec<String>,
    /// Ids of the steps skipped (their solution was run for the learner).
    pub skipped: Vec<String>,
}

impl LessonProgress {
    /// Whether the step is done or skipped.
    fn finished(&self, step: &str) -> bool {
        self.done.iter().chain(&self.skipped).any(|s| s == step)
    }
}

impl Default for Progress {
    fn default() -> Self {
        Progress { format: PROGRESS_FORMAT, lessons: BTreeMap::new() }
    }
}

impl Progress {
    /// Reads saved progress. Text that cannot be read, or from another format, gives empty
    /// progress and a notice saying why.
    pub fn parse(text: &str) -> (Progress, Option<String>) {
        if text.trim().is_empty() {
            return (Progress::default(), None);
        }
        match progress_toml::read(text) {
            Ok(p) => (p, None),
            Err(Unreadable::Format(n)) => (Progress::default(), Some(format!("saved progress is in format {n}, not {PROGRESS_FORMAT}; starting afresh"))),
            Err(Unreadable::Text(e)) => (Progress::default(), Some(format!("saved progress could not be read ({e}); starting afresh"))),
        }
    }

    /// The text to save.
    pub fn to_text(&self) -> String {
        progress_toml::write(self)
    }

    /// Records a step of a lesson as done or skipped (a step done after a skip counts as done).
    pub fn record(&mut self, lesson: &str, step: &str, skipped: bool) {
        let entry = self.lessons.entry(lesson.to_string()).or_default();
        let has = |list: &Vec<String>| list.iter().any(|s| s == step);
        if skipped {
            if !has(&entry.done) && !has(&entry.skipped) {
                entry.skipped.push(step.to_string());
            }
        } else {
            entry.skipped.retain(|s| s != step);
            if !has(&entry.done) {
                entry.done.push(step.to_string());
            }
        }
    }

    /// Forgets a lesson's progress (to take it again from the start).
    pub fn forget(&mut self, lesson: &str) {
        self.lessons.remove(lesson);
    }

    /// How many of the lesson's current steps are done or skipped (ids no longer in the
    /// lesson are ignored).
    pub fn steps_finished(&self, lesson: &Lesson) -> usize {
        let Some(p) = self.lessons.get(&*lesson.id) else { return 0 };
        lesson.steps.iter().filter(|s| p.finished(&s.id)).count()
    }

    /// Whether every step of the lesson is done or skipped (a sandbox is never complete).
    pub fn complete(&self, lesson: &Lesson) -> bool {
        !lesson.steps.is_empty() && self.steps_finished(lesson) == lesson.steps.len()
    }

    /// The index of the first step neither done nor skipped: where to resume.
    pub fn resume_at(&self, lesson: &Lesson) -> usize {
        let p = self.lessons.get(&*lesson.id);
        lesson
            .steps
            .iter()
            .position(|s| p.is_none_or(|p| !p.finished(&s.id)))
            .unwrap_or(lesson.steps.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson() -> Lesson {
        toml::from_str(
            r#"
id = "l"
title = "T"
summary = "S"
kind = "lesson"
world = { preset = "default" }
[[steps]]
id = "a"
text = "t"
hints = ["h"]
solution = ["true"]
goals = [{ kind = "cwd", path = "/" }]
[[steps]]
id = "b"
text = "t"
hints = ["h"]
solution = ["true"]
goals = [{ kind = "cwd", path = "/" }]
"#,
        )
        .unwrap()
    }

    #[test]
    fn round_trips_through_text() {
        let mut p = Progress::default();
        p.record("l", "a", true);
        p.record("l", "a", false);
        p.record("l", "b", true);
        let (back, notice) = Progress::parse(&p.to_text());
        assert_eq!((back.clone(), notice), (p, None));
        assert_eq!(back.lessons["l"], LessonProgress { done: vec!["a".into()], skipped: vec!["b".into()] });
        assert!(back.complete(&lesson()));
    }

    #[test]
    fn resumes_at_the_first_unfinished_step_by_id() {
        let mut p = Progress::default();
        assert_eq!(p.resume_at(&lesson()), 0);
        p.record("l", "a", false);
        p.record("l", "gone", false);
        assert_eq!(p.resume_at(&lesson()), 1);
        assert_eq!(p.steps_finished(&lesson()), 1);
        p.forget("l");
        assert_eq!(p.resume_at(&lesson()), 0);
    }

    #[test]
    fn corrupt_or_old_progress_is_discarded_with_a_notice() {
        let (p, notice) = Progress::parse("format = 0\n");
        assert_eq!(p, Progress::default());
        assert_eq!(notice.unwrap(), "saved progress is in format 0, not 1; starting afresh");
        let (p, notice) = Progress::parse("{{{");
        assert_eq!(p, Progress::default());
        assert!(notice.unwrap().starts_with("saved progress could not be read"));
        let (_, notice) = Progress::parse("format = 1\n[lessons.x]\ndone = [1]\n");
        assert!(notice.is_some());
        assert_eq!(Progress::parse(""), (Progress::default(), None));
    }
}
