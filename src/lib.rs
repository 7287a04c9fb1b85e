//! venvlab: a simulated Linux machine for learning how Python virtual environments, `PATH` and
//! symbolic links really work.
//!
//! The layers, bottom up (each uses only those below it):
//!
//! - [`fs`]: an in-memory POSIX filesystem (inodes, modes, symlinks, Linux path resolution,
//!   O(1) snapshots) with a simulated clock. It knows nothing of shells or programs.
//! - [`io`] and [`trace`]: file descriptors and the terminal screen; the events every layer
//!   reports for explanations.
//! - [`programs`]: the executables (`ls`, `cat`, `tree`, ...) that binaries in the filesystem
//!   name. They see the filesystem, their environment and their streams, never the shell.
//! - [`shell`]: bash — parser, expansion, builtins, `PATH` lookup with its hash table, and
//!   `execve` of files (our binaries, `#!` scripts, shell scripts).
//! - [`world`]: the machines a session starts on, as data.
//! - [`session`]: the `Session` façade every face uses: a line in, an [`session::Outcome`] out.
//! - [`lesson`]: the course — lessons as data, goals checked against a session, the engine
//!   the faces drive, the checker, progress.
//!
//! The faces are thin: the native terminal program (`cli`) and the web app (`web`, wasm
//! only). The core performs no I/O, reads no clock, uses no randomness and never panics on
//! input: errors are values, and every loop, recursion, output and size is bounded.

pub mod complete;
pub mod fnmatch;
pub mod fs;
pub mod io;
pub mod lesson;
pub mod programs;
pub mod python;
pub mod session;
pub mod shell;
pub mod sort;
pub mod style;
pub mod time;
pub mod trace;
pub mod world;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use io::Stream;
pub use session::{Outcome, Session};
pub use style::Span;
