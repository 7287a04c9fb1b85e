//! The simulated CPython: for now its language core ([`lang`]: tokenizer, parser, evaluator,
//! values, exceptions and tracebacks behind a small host interface), which the `python` program
//! drives to run `-c` code, scripts, `-m` modules and the interactive prompt.

mod ensurepip;
mod host;
pub mod index;
pub mod lang;
mod natives;
mod packages;
mod pep440;
mod pip;
mod program;
mod pyenv;
pub mod startup;
mod venv;
pub mod wheel;

use crate::programs::Main;

/// The programs this module provides, by the name their binaries carry.
const PROGRAMS: &[(&str, Main)] = &[("python3.12", program::main), ("pyenv", pyenv::main)];

pub use pyenv::shim as pyenv_shim;

/// The Python program a binary's name refers to.
pub fn find(name: &str) -> Option<Main> {
    PROGRAMS.iter().find(|(n, _)| *n == name).map(|(_, main)| *main)
}
