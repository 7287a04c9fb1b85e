//! `python -m venv`: creates a virtual environment as CPython 3.12's `venv` module does.

use super::host::Machine;

/// venv's command line (`sys.argv[1:]`).
pub fn main(machine: &mut Machine) -> i32 {
    machine.ctx.err("venvlab: venv is not simulated yet\n");
    1
}
