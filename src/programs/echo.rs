//! `echo` (the `/usr/bin/echo` binary of coreutils 9.1): print the arguments.
//!
//! Leading arguments made only of `-n`, `-e`, `-E` letters are options: `-n` drops the final
//! newline, `-e` interprets backslash escapes (`\\ \a \b \c \e \f \n \r \t \v \0NNN \xHH`;
//! `\c` ends all output), `-E` turns that off again.

use super::Ctx;

/// Entry point of `echo`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let args = argv.get(1..).unwrap_or_default();
    let mut newline = true;
    let mut escapes = false;
    let mut start = 0;
    for arg in args {
        let is_option = arg.len() > 1 && arg.starts_with('-') && arg[1..].chars().all(|c| matches!(c, 'n' | 'e' | 'E'));
        if !is_option {
            break;
        }
        for c in arg[1..].chars() {
            match c {
                'n' => newline = false,
                'e' => escapes = true,
                _ => escapes = false,
            }
        }
        start += 1;
    }
    let mut out = Vec::new();
    for (i, arg) in args.iter().enumerate().skip(start) {
        if i > start {
            out.push(b' ');
        }
        if escapes {
            if unescape(arg.as_bytes(), &mut out) {
                ctx.out(out);
                return 0;
            }
        } else {
            out.extend_from_slice(arg.as_bytes());
        }
    }
    if newline {
        out.push(b'\n');
    }
    ctx.out(out);
    0
}

/// Appends `arg` with its escapes interpreted; true when `\c` asked to stop all output.
fn unescape(arg: &[u8], out: &mut Vec<u8>) -> bool {
    let mut i = 0;
    while i < arg.len() {
        let b = arg[i];
        i += 1;
        if b != b'\\' || i >= arg.len() {
            out.push(b);
            continue;
        }
        let e = arg[i];
        i += 1;
        match e {
            b'\\' => out.push(b'\\'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'c' => return true,
            b'e' => out.push(0x1b),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            b'0' => {
                let mut value: u32 = 0;
                let mut n = 0;
                while n < 3 && i < arg.len() && (b'0'..=b'7').contains(&arg[i]) {
                    value = value * 8 + u32::from(arg[i] - b'0');
                    i += 1;
                    n += 1;
                }
                out.push((value & 0xff) as u8);
            }
            b'x' if i < arg.len() && arg[i].is_ascii_hexdigit() => {
                let mut value: u32 = 0;
                let mut n = 0;
                while n < 2 && i < arg.len() && arg[i].is_ascii_hexdigit() {
                    value = value * 16 + (arg[i] as char).to_digit(16).unwrap_or(0);
                    i += 1;
                    n += 1;
                }
                out.push(value as u8);
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::fresh;

    fn echo(args: &[&str]) -> String {
        fresh("echo", args, b"").0
    }

    #[test]
    fn options_and_escapes() {
        assert_eq!(echo(&["hi", "there"]), "hi there\n");
        assert_eq!(echo(&[]), "\n");
        assert_eq!(echo(&["-n", "x"]), "x");
        assert_eq!(echo(&["-e", "a\\tb\\x41\\0101\\c zz"]), "a\tbAA");
        assert_eq!(echo(&["-E", "a\\n", "-e"]), "a\\n -e\n");
        assert_eq!(echo(&["a\\n"]), "a\\n\n");
        assert_eq!(echo(&["-ne", "x\\n"]), "x\n");
        assert_eq!(echo(&["-x", "y"]), "-x y\n");
        assert_eq!(echo(&["-e", "trailing\\"]), "trailing\\\n");
        assert_eq!(echo(&["-e", "\\q\\x"]), "\\q\\x\n");
    }
}
