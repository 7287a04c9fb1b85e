//! What a lesson says, as plain data: the shapes serde reads from `lessons/*.toml`, and the
//! course they make.
//!
//! Text and lists are copy-on-write: the bundled course is static data that `build.rs`
//! generates from these same types (borrowed), a course read from files owns its text.
//! Every struct rejects fields it does not know, so a misspelt key is an error at load time
//! rather than a silently ignored setting. Checks that serde cannot express (ids, paths,
//! counts) live in the loader, `load.rs`.

use super::goal::StepGoal;
use super::markdown::Markdown;
#[cfg(not(target_arch = "wasm32"))]
use serde::Deserialize;
use std::borrow::Cow;

/// Text in a lesson: borrowed from the program for the bundled course, owned when read.
pub type Str = Cow<'static, str>;
/// A list in a lesson, borrowed or owned like [`Str`].
pub type List<T> = Cow<'static, [T]>;

/// What kind of lesson a file holds; the faces present them differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(Deserialize, databake::Bake),
    serde(rename_all = "snake_case"),
    databake(path = crate::lesson::model)
)]
pub enum Kind {
    /// Steps that teach one idea each, with text to read.
    Lesson,
    /// A broken world and one goal: the learner finds the cause and repairs it.
    Challenge,
    /// A free machine with no goals.
    Sandbox,
}

/// One lesson file.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(Deserialize, databake::Bake),
    serde(deny_unknown_fields),
    databake(path = crate::lesson::model)
)]
pub struct Lesson {
    /// Stable id (lower case, digits, `-`): progress and links are keyed by it.
    pub id: Str,
    /// What the lesson is called.
    pub title: Str,
    /// One sentence on what the learner will see.
    pub summary: Markdown,
    /// Lesson, challenge or sandbox.
    pub kind: Kind,
    /// The machine the lesson starts on.
    pub world: WorldSpec,
    /// The steps, in order (none for a sandbox; one for a challenge).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub steps: List<Step>,
    /// The file the lesson was read from (set by the loader, for messages).
    #[cfg_attr(not(target_arch = "wasm32"), serde(skip))]
    pub file: Str,
}

/// The machine a lesson starts on: a named world plus commands run before the learner types.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(Deserialize, databake::Bake),
    serde(deny_unknown_fields),
    databake(path = crate::lesson::model)
)]
pub struct WorldSpec {
    /// A world from [`crate::world::preset`].
    pub preset: Str,
    /// Shell lines run, unseen, to reach the starting state; each must exit with status 0.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub setup: List<Str>,
}

/// One step: one idea, checked by its goals.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(Deserialize, databake::Bake),
    serde(deny_unknown_fields),
    databake(path = crate::lesson::model)
)]
pub struct Step {
    /// Stable id within the lesson.
    pub id: Str,
    /// What to read and do.
    pub text: Markdown,
    /// All of these must hold after a command for the step to be done.
    pub goals: List<StepGoal>,
    /// Hints, revealed one at a time.
    pub hints: List<Markdown>,
    /// Reference solution: shell lines that reach the goals from the step's start.
    pub solution: List<Str>,
    /// Shown once the step is done: why what just happened happened.
    pub explain: Option<Markdown>,
    /// Command sequences that look close but must leave the goals unmet.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub near_misses: List<List<Str>>,
    /// Other command sequences that must meet the goals too.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub alternatives: List<List<Str>>,
}

/// A course: its sections and every lesson, in course order.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(databake::Bake), databake(path = crate::lesson::model))]
pub struct Course {
    /// Section titles with the ids of their lessons.
    pub sections: List<(Str, List<Str>)>,
    /// The lessons, in the order the index lists them.
    pub lessons: List<Lesson>,
}

impl Course {
    /// The lesson with this id.
    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id)
    }

    /// The lesson after the one with this id, in course order.
    pub fn after(&self, id: &str) -> Option<&Lesson> {
        let mut ids = self.sections.iter().flat_map(|(_, ids)| ids.iter());
        ids.find(|listed| *listed == id)?;
        self.lesson(ids.next()?)
    }
}
