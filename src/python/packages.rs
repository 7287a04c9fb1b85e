//! The native behaviour behind the console scripts of bundled packages (`cowsay`, `f2py`,
//! `numpy-config`), reached only through the packages' own files.

use super::host::Machine;

/// `cowsay`'s command line.
pub fn cowsay(machine: &mut Machine) -> i32 {
    machine.ctx.err("venvlab: cowsay is not simulated yet\n");
    1
}

/// `f2py`'s command line.
pub fn f2py(machine: &mut Machine) -> i32 {
    machine.ctx.err("venvlab: f2py is not simulated yet\n");
    1
}

/// `numpy-config`'s command line.
pub fn numpy_config(machine: &mut Machine) -> i32 {
    machine.ctx.err("venvlab: numpy-config is not simulated yet\n");
    1
}
