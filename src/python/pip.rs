//! pip: installs, removes and lists packages of the bundled index in the running
//! interpreter's site-packages.

use super::host::Machine;

/// pip's command line (`sys.argv[1:]`).
pub fn main(machine: &mut Machine) -> i32 {
    machine.ctx.err("venvlab: pip is not simulated yet\n");
    1
}
