//! Variable builtins: `export`, `unset`, `local`, `set`, `shift`, `umask`.

use super::super::exec::Interp;

fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_') && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A value as `declare -p`/`export -p` print it: in double quotes, `"$\`\\` escaped.
fn double_quote(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        if matches!(c, '"' | '$' | '`' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// `export [-n] [-p] [NAME[=VALUE]...]`.
pub(crate) fn export(it: &mut Interp, argv: &[String]) -> i32 {
    let unexport = argv[1..].iter().any(|a| a == "-n");
    let names: Vec<&String> = argv[1..].iter().filter(|a| !a.starts_with('-')).collect();
    if names.is_empty() {
        let text: String = it
            .sh
            .vars
            .iter()
            .filter(|(_, v)| v.exported)
            .map(|(n, v)| format!("declare -x {n}={}\n", double_quote(&v.value)))
            .collect();
        super::out(it, text);
        return 0;
    }
    let mut status = 0;
    for arg in names {
        let (name, value) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg.as_str(), None),
        };
        if !valid_name(name) {
            it.error(format_args!("export: `{arg}': not a valid identifier"));
            status = 1;
            continue;
        }
        if unexport {
            let value = it.sh.vars.get(name).map(str::to_string);
            it.sh.vars.unset(name);
            if let Some(v) = value {
                it.sh.vars.set(name, v);
            }
            continue;
        }
        if let Some(v) = value {
            it.assign(name, v);
        }
        it.sh.vars.export(name, None);
    }
    status
}

/// `unset [-f|-v] NAME...`.
pub(crate) fn unset(it: &mut Interp, argv: &[String]) -> i32 {
    let functions = argv[1..].iter().any(|a| a == "-f");
    for name in argv[1..].iter().filter(|a| !a.starts_with('-')) {
        if functions {
            it.sh.functions.remove(name.as_str());
        } else {
            if name == "PATH" {
                it.sh.hash.clear();
            }
            it.sh.vars.unset(name);
        }
    }
    0
}

/// `local NAME[=VALUE]...` inside a function.
pub(crate) fn local(it: &mut Interp, argv: &[String]) -> i32 {
    if it.frames == 0 {
        it.error("local: can only be used in a function");
        return 1;
    }
    for arg in &argv[1..] {
        let (name, value) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg.as_str(), None),
        };
        if !valid_name(name) {
            it.error(format_args!("local: `{arg}': not a valid identifier"));
            return 1;
        }
        it.sh.vars.make_local(name);
        if let Some(v) = value {
            it.sh.vars.set(name, v);
        }
    }
    0
}

/// `set` (list variables), `set -- ARGS`, `set -e/-u/-x` and their `+` forms.
pub(crate) fn set(it: &mut Interp, argv: &[String]) -> i32 {
    if argv.len() == 1 {
        let text: String = it.sh.vars.iter().map(|(n, v)| format!("{n}={}\n", quote_for_set(&v.value))).collect();
        super::out(it, text);
        return 0;
    }
    let mut i = 1;
    while let Some(arg) = argv.get(i) {
        if arg == "--" {
            it.sh.positional = argv[i + 1..].to_vec();
            return 0;
        }
        let (on, flags) = match (arg.strip_prefix('-'), arg.strip_prefix('+')) {
            (Some(f), _) => (true, f),
            (_, Some(f)) => (false, f),
            _ => {
                it.sh.positional = argv[i..].to_vec();
                return 0;
            }
        };
        for flag in flags.chars() {
            match flag {
                'x' => it.sh.xtrace = on,
                'u' => it.sh.nounset = on,
                'f' => it.sh.noglob = on,
                'e' | 'h' | 'B' | 'H' | 'm' | 'b' | 'C' | 'v' => {}
                other => {
                    it.error(format_args!("set: -{other}: invalid option"));
                    it.io.write(2, b"set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n");
                    return 2;
                }
            }
        }
        i += 1;
    }
    0
}

/// A value as `set` prints it: bare when safe, else single-quoted.
fn quote_for_set(value: &str) -> String {
    if !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric() || "_/.:-,+=@%".contains(c)) {
        value.to_string()
    } else {
        super::alias::single_quote(value)
    }
}

/// `shift [N]`.
pub(crate) fn shift(it: &mut Interp, argv: &[String]) -> i32 {
    let n = match argv.get(1).map(|a| a.parse::<usize>()) {
        None => 1,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            it.error(format_args!("shift: {}: numeric argument required", argv[1]));
            return 1;
        }
    };
    if n > it.sh.positional.len() {
        return 1;
    }
    it.sh.positional.drain(..n);
    0
}

/// `umask [MODE]` (octal).
pub(crate) fn umask(it: &mut Interp, argv: &[String]) -> i32 {
    match argv.get(1) {
        None => {
            let text = format!("{:04o}\n", it.fs.umask());
            super::out(it, text);
            0
        }
        Some(mode) => match u32::from_str_radix(mode, 8) {
            Ok(m) if m <= 0o777 => {
                it.fs.set_umask(m);
                0
            }
            _ => {
                it.error(format_args!("umask: {mode}: octal number out of range"));
                1
            }
        },
    }
}
