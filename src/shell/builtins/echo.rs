//! The `echo` builtin (bash's: `-n`, `-e`, `-E`; other options are printed as text).

use super::super::exec::Interp;

/// `echo [-neE] ARGS...`.
pub(crate) fn echo(it: &mut Interp, argv: &[String]) -> i32 {
    let text = render(&argv[1..]);
    super::out(it, text);
    0
}

/// What `echo` prints for these arguments (shared with the `/usr/bin/echo` program).
pub fn render(args: &[String]) -> String {
    let mut newline = true;
    let mut escapes = false;
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        let Some(flags) = arg.strip_prefix('-') else { break };
        if flags.is_empty() || !flags.chars().all(|c| matches!(c, 'n' | 'e' | 'E')) {
            break;
        }
        for c in flags.chars() {
            match c {
                'n' => newline = false,
                'e' => escapes = true,
                _ => escapes = false,
            }
        }
        i += 1;
    }
    let mut out = String::new();
    for (k, arg) in args[i..].iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        if escapes {
            let (text, stop) = crate::shell::builtins::printf::unescape(arg, crate::shell::builtins::printf::Escapes::Echo);
            out.push_str(&text);
            if stop {
                return out;
            }
        } else {
            out.push_str(arg);
        }
    }
    if newline {
        out.push('\n');
    }
    out
}
