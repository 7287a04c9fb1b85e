//! `alias` and `unalias`.

use super::super::exec::Interp;

/// Quotes a value as bash prints it in `alias` output: single quotes, `'` written `'\''`.
pub(crate) fn single_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', "'\\''"))
}

/// `alias`, `alias NAME`, `alias NAME=VALUE...`.
pub(crate) fn alias(it: &mut Interp, argv: &[String]) -> i32 {
    let args: Vec<&String> = argv[1..].iter().filter(|a| *a != "-p").collect();
    if args.is_empty() {
        let text: String =
            it.sh.aliases.iter().map(|(n, v)| format!("alias {n}={}\n", single_quote(v))).collect();
        super::out(it, text);
        return 0;
    }
    let mut status = 0;
    for arg in args {
        match arg.split_once('=') {
            Some((name, value)) => {
                it.sh.aliases.insert(name.to_string(), value.to_string());
            }
            None => match it.sh.aliases.get(arg.as_str()).cloned() {
                Some(value) => super::out(it, format!("alias {arg}={}\n", single_quote(&value))),
                None => {
                    it.error(format_args!("alias: {arg}: not found"));
                    status = 1;
                }
            },
        }
    }
    status
}

/// `unalias NAME...`, `unalias -a`.
pub(crate) fn unalias(it: &mut Interp, argv: &[String]) -> i32 {
    if argv.len() < 2 {
        it.error("unalias: usage: unalias [-a] name [name ...]");
        return 2;
    }
    let mut status = 0;
    for name in &argv[1..] {
        if name == "-a" {
            it.sh.aliases.clear();
        } else if it.sh.aliases.remove(name.as_str()).is_none() {
            it.error(format_args!("unalias: {name}: not found"));
            status = 1;
        }
    }
    status
}
