//! The names of the worlds, in a file of their own: `build.rs` includes it to check the
//! lessons' `world.preset` with the loader when it compiles the course in.

/// The names of the worlds a lesson may start from.
pub const PRESETS: &[&str] = &["default"];
