//! The names of the worlds, in a file of their own: `build.rs` includes it to check the
//! lessons' `world.preset` with the loader when it compiles the course in.

/// The names of the worlds a lesson may start from: `default`, kai's laptop as the blog post
/// has it, and `fresh-ubuntu`, the same laptop as Ubuntu 24.04 installs it.
pub const PRESETS: &[&str] = &["default", "fresh-ubuntu"];
