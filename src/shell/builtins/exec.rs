//! `exec`: replaces the shell with a command (pyenv's shims end with `exec pyenv exec ...`).

use super::super::exec::{Ctl, Interp};

/// `exec COMMAND [ARGS]`: runs the command found on `PATH` (never a function or builtin), and
/// the shell ends with its status. Without a command it does nothing here.
pub(crate) fn exec(it: &mut Interp, argv: &[String]) -> i32 {
    let args: Vec<String> = argv.iter().skip(1).skip_while(|a| *a == "--").cloned().collect();
    let Some(name) = args.first().cloned() else { return 0 };
    let path_var = it.sh.vars.get("PATH").map(str::to_string);
    if !name.contains('/') && crate::shell::execfile::search_path(it.fs, &name, path_var.as_deref()).1.is_none() {
        it.error(format_args!("exec: {name}: not found"));
        if !it.sh.interactive {
            it.ctl = Some(Ctl::Exit);
        }
        return 127;
    }
    let env = it.sh.vars.environment();
    let status = it.run_external(args, env);
    it.sh.status = status;
    it.ctl = Some(Ctl::Exit);
    status
}
