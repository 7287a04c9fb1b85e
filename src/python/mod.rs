//! The simulated CPython: for now its language core ([`lang`]: tokenizer, parser, evaluator,
//! values, exceptions and tracebacks behind a small host interface), which the `python` program
//! drives to run `-c` code, scripts, `-m` modules and the interactive prompt.

pub mod lang;
pub mod startup;
