//! The course that ships with venvlab: `build.rs` loads `lessons/` with the loader (a bad file
//! fails the build with the loader's message) and writes the [`Course`] out as Rust data,
//! which this module compiles in. Nothing is parsed when the program runs.

use super::model::Course;

// The generated expression names `alloc::borrow::Cow`.
extern crate alloc;

/// The bundled course, as `build.rs` generated it from `lessons/`.
static BUNDLED: Course = include!(concat!(env!("OUT_DIR"), "/course.rs"));

impl Course {
    /// The course that ships with venvlab (`lessons/`, loaded and checked at build time).
    pub fn bundled() -> Course {
        BUNDLED.clone()
    }
}
