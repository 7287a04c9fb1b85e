//! The `echo` builtin (bash's: `-n`, `-e`, `-E`; other options are printed as text). With `-e`,
//! `\xHH` and `\0NNN` write raw bytes, as `printf` does.

use super::super::exec::Interp;

/// `echo [-neE] ARGS...`.
pub(crate) fn echo(it: &mut Interp, argv: &[String]) -> i32 {
    let text = render(&argv[1..]);
    super::out(it, text);
    0
}

/// The bytes `echo` prints for these arguments.
pub fn render(args: &[String]) -> Vec<u8> {
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
    let mut out = Vec::new();
    for (k, arg) in args[i..].iter().enumerate() {
        if k > 0 {
            out.push(b' ');
        }
        if escapes {
            let (text, stop) = crate::shell::builtins::printf::unescape(arg, crate::shell::builtins::printf::Escapes::Echo);
            out.extend_from_slice(&text);
            if stop {
                return out;
            }
        } else {
            out.extend_from_slice(arg.as_bytes());
        }
    }
    if newline {
        out.push(b'\n');
    }
    out
}
