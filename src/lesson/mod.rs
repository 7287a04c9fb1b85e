//! The course: lessons as data, and the engine that plays them on a [`crate::Session`].
//!
//! - [`model`]: what a lesson file holds (serde shapes, unknown fields rejected), and the
//!   [`Course`] it makes.
//! - [`markdown`]: lesson text, parsed once into the marks both faces lay out.
//! - [`goal`]: the closed set of goals and their words; [`judge`]: whether one holds in a
//!   session.
//! - `load` (native only): files → [`Course`], with errors naming file, field and reason.
//! - [`bundled`]: the course of `lessons/`, loaded by `build.rs` and compiled in as data.
//! - [`engine`]: [`Tutor`] plays one lesson: current step, goals, hints, reset, skip.
//! - `check` (native only): proves every lesson's solutions, near-misses and alternatives.
//! - [`progress`]: what a learner has done, keyed by ids, saved as versioned TOML text
//!   (`progress_toml`, written and read by hand).
//!
//! No lesson reaches into a program: goals only read the state a learner can see.

pub mod bundled;
#[cfg(not(target_arch = "wasm32"))]
pub mod check;
pub mod engine;
pub mod goal;
pub mod judge;
#[cfg(not(target_arch = "wasm32"))]
pub mod load;
pub mod markdown;
pub mod model;
pub mod progress;
mod progress_toml;

#[cfg(not(target_arch = "wasm32"))]
pub use check::{check_course, check_lesson};
pub use engine::{GoalStatus, StartError, Tutor, Turn};
pub use goal::{Goal, StepGoal};
pub use judge::LastCommand;
#[cfg(not(target_arch = "wasm32"))]
pub use load::{load, LessonError};
pub use markdown::{Mark, Markdown, Tag};
pub use model::{Course, Kind, Lesson, Step};
pub use progress::Progress;
