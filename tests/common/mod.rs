//! Helpers shared by the session-level integration tests.

use venvlab::session::{Outcome, Session};

/// A session on the default world whose output goes to a pipe, as in the recordings.
pub fn session() -> Session {
    Session::with_world(venvlab::world::default_world(), false, 80)
}

/// Runs lines in order; returns the last outcome.
pub fn run(s: &mut Session, lines: &[&str]) -> Outcome {
    let mut last = Outcome::default();
    for line in lines {
        last = s.run(line);
    }
    last
}
