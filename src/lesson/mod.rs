//! The course: lessons as data, and the engine that plays them on a [`crate::Session`].
//!
//! - [`model`]: what a lesson file holds (serde shapes, unknown fields rejected).
//! - [`goal`]: the closed set of goals, checked against a session's state.
//! - [`load`]: files → [`Course`], with errors naming file, field and reason; the bundled
//!   course compiled in from `lessons/`.
//! - [`engine`]: [`Tutor`] plays one lesson: current step, goals, hints, reset, skip.
//! - [`check`]: proves every lesson's solutions, near-misses and alternatives.
//! - [`progress`]: what a learner has done, keyed by ids, saved as versioned text.
//!
//! No lesson reaches into a program: goals only read the state a learner can see.

pub mod check;
pub mod engine;
pub mod goal;
pub mod load;
pub mod model;
pub mod progress;

pub use check::{check_course, check_lesson};
pub use engine::{GoalStatus, StartError, Tutor, Turn};
pub use goal::{Goal, LastCommand, StepGoal};
pub use load::{load, Course, LessonError};
pub use model::{Kind, Lesson, Step};
pub use progress::Progress;
