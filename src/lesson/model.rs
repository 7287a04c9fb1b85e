//! What a lesson file says, as plain data: the shapes serde reads from `lessons/*.toml`.
//!
//! Every struct rejects fields it does not know, so a misspelt key is an error at load time
//! rather than a silently ignored setting. Checks that serde cannot express (ids, paths,
//! counts) live in [`super::load`].

use super::goal::StepGoal;
use serde::Deserialize;

/// What kind of lesson a file holds; the faces present them differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Steps that teach one idea each, with text to read.
    Lesson,
    /// A broken world and one goal: the learner finds the cause and repairs it.
    Challenge,
    /// A free machine with no goals.
    Sandbox,
}

/// One lesson file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Stable id (lower case, digits, `-`): progress and links are keyed by it.
    pub id: String,
    /// What the lesson is called.
    pub title: String,
    /// One sentence on what the learner will see.
    pub summary: String,
    /// Lesson, challenge or sandbox.
    pub kind: Kind,
    /// The machine the lesson starts on.
    pub world: WorldSpec,
    /// The steps, in order (none for a sandbox; one for a challenge).
    #[serde(default)]
    pub steps: Vec<Step>,
    /// The file the lesson was read from (set by the loader, for messages).
    #[serde(skip)]
    pub file: String,
}

/// The machine a lesson starts on: a named world plus commands run before the learner types.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorldSpec {
    /// A world from [`crate::world::preset`].
    pub preset: String,
    /// Shell lines run, unseen, to reach the starting state; each must exit with status 0.
    #[serde(default)]
    pub setup: Vec<String>,
}

/// One step: one idea, checked by its goals.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable id within the lesson.
    pub id: String,
    /// What to read and do (Markdown).
    pub text: String,
    /// All of these must hold after a command for the step to be done.
    pub goals: Vec<StepGoal>,
    /// Hints, revealed one at a time.
    pub hints: Vec<String>,
    /// Reference solution: shell lines that reach the goals from the step's start.
    pub solution: Vec<String>,
    /// Shown once the step is done: why what just happened happened (Markdown).
    #[serde(default)]
    pub explain: Option<String>,
    /// Command sequences that look close but must leave the goals unmet.
    #[serde(default)]
    pub near_misses: Vec<Vec<String>>,
    /// Other command sequences that must meet the goals too.
    #[serde(default)]
    pub alternatives: Vec<Vec<String>>,
}

/// The course index (`lessons/course.toml`): lessons in order, in sections.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Index {
    /// The index format; [`super::load::INDEX_FORMAT`] is the one this build reads.
    pub format: u32,
    /// The course's sections, in order.
    pub sections: Vec<Section>,
}

/// A titled group of lessons in the course.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section's heading.
    pub title: String,
    /// Lesson ids, in the order they are taken.
    pub lessons: Vec<String>,
}
