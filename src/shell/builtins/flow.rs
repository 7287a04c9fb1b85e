//! Control builtins: `true`, `false`, `:`, `exit`, `return`, `break`, `continue`, `eval`,
//! `source`/`.`.

use super::super::exec::{Ctl, Interp};

/// `true` and `:`.
pub(crate) fn true_(_: &mut Interp, _: &[String]) -> i32 {
    0
}

/// `false`.
pub(crate) fn false_(_: &mut Interp, _: &[String]) -> i32 {
    1
}

/// Parses an optional numeric argument the way `exit`/`return` do; `Err` after a message.
fn status_arg(it: &mut Interp, argv: &[String]) -> Result<i32, i32> {
    match argv.get(1) {
        None => Ok(it.sh.status),
        Some(arg) => match arg.parse::<i64>() {
            Ok(n) => Ok((n & 0xff) as i32),
            Err(_) => {
                it.error(format_args!("{}: {arg}: numeric argument required", argv[0]));
                Err(2)
            }
        },
    }
}

/// `exit [N]`: ends the shell (an interactive one says `exit`).
pub(crate) fn exit(it: &mut Interp, argv: &[String]) -> i32 {
    if it.sh.interactive && it.depth == 0 {
        it.io.write(2, b"exit\n");
    }
    let status = status_arg(it, argv).unwrap_or_else(|s| s);
    it.sh.status = status;
    it.ctl = Some(Ctl::Exit);
    status
}

/// `return [N]`: leaves the running function or sourced file.
pub(crate) fn return_(it: &mut Interp, argv: &[String]) -> i32 {
    if it.frames == 0 {
        it.error("return: can only `return' from a function or sourced script");
        return 2;
    }
    let status = status_arg(it, argv).unwrap_or_else(|s| s);
    it.sh.status = status;
    it.ctl = Some(Ctl::Return);
    status
}

fn loop_control(it: &mut Interp, argv: &[String], make: fn(u32) -> Ctl) -> i32 {
    if it.loops == 0 {
        it.error(format_args!("{}: only meaningful in a `for', `while', or `until' loop", argv[0]));
        return 0;
    }
    let n = match argv.get(1).map(|a| a.parse::<u32>()) {
        None => 1,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            it.error(format_args!("{}: {}: loop count out of range", argv[0], argv[1]));
            return 1;
        }
    };
    it.ctl = Some(make(n.min(it.loops)));
    0
}

/// `break [N]`.
pub(crate) fn break_(it: &mut Interp, argv: &[String]) -> i32 {
    loop_control(it, argv, Ctl::Break)
}

/// `continue [N]`.
pub(crate) fn continue_(it: &mut Interp, argv: &[String]) -> i32 {
    loop_control(it, argv, Ctl::Continue)
}

/// `eval ARGS...`: runs the arguments, joined by spaces, as a command line.
pub(crate) fn eval(it: &mut Interp, argv: &[String]) -> i32 {
    let text = argv[1..].join(" ");
    it.nested(|it| it.run_source_text(&text)).unwrap_or(1)
}

/// `source FILE [ARGS]` / `. FILE`: runs a file's commands in this shell. A name without `/`
/// is searched on `PATH` first, then in the working directory.
pub(crate) fn source(it: &mut Interp, argv: &[String]) -> i32 {
    let Some(file) = argv.get(1) else {
        it.error(format_args!("{}: filename argument required", argv[0]));
        it.io.write(2, format!("{}: usage: {} filename [arguments]\n", argv[0], argv[0]).as_bytes());
        return 2;
    };
    let mut path = file.clone();
    if !file.contains('/') {
        let path_var = it.sh.vars.get("PATH").map(str::to_string);
        let (_, found) = crate::shell::execfile::search_path(it.fs, file, path_var.as_deref());
        if let Some(found) = found.filter(|p| it.fs.stat(p).is_ok()) {
            path = found;
        }
    }
    let text = match it.fs.read(&path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            it.error(format_args!("{file}: {e}"));
            return 1;
        }
    };
    let args: Vec<String> = argv[2..].to_vec();
    let saved = (!args.is_empty()).then(|| std::mem::replace(&mut it.sh.positional, args));
    it.frames += 1;
    it.nested(|it| it.run_source_text(&text));
    it.frames -= 1;
    if let Some(saved) = saved {
        it.sh.positional = saved;
    }
    if it.ctl == Some(Ctl::Return) {
        it.ctl = None;
    }
    it.sh.status
}
