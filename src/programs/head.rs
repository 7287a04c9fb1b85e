//! `head` and `tail`: the first or last part of files, as GNU coreutils 9.1 prints them.
//!
//! Both take `-n N` (lines, default 10), `-c N` (bytes), the obsolete `-N`, `-q`/`-v` for
//! headers, files or `-` (standard input, the default). `head -n -N` prints all but the last
//! N lines; `tail -n +N` starts at line N. With several files each is introduced by
//! `==> NAME <==`, a blank line between them.

use super::args::{self, Spec};
use super::fmt::read_operand;
use super::Ctx;
use crate::fs::FsError;

/// Which program is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    Head,
    Tail,
}

/// How much to print: a count of lines or bytes, from the start, the end, or all but the end.
#[derive(Debug, Clone, Copy)]
struct Amount {
    bytes: bool,
    n: u64,
    /// `head -n -N` (all but the last N) or `tail -n +N` (from the Nth on).
    flipped: bool,
}

/// Entry point of `head`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    run(ctx, argv, Which::Head)
}

/// Entry point of `tail`.
pub fn tail(ctx: &mut Ctx, argv: &[String]) -> i32 {
    run(ctx, argv, Which::Tail)
}

fn run(ctx: &mut Ctx, argv: &[String], which: Which) -> i32 {
    let prog = if which == Which::Head { "head" } else { "tail" };
    let spec = Spec {
        prog,
        flags: "qv",
        with_value: "nc",
        long: &[
            ("lines", "n", true),
            ("bytes", "c", true),
            ("quiet", "q", false),
            ("silent", "q", false),
            ("verbose", "v", false),
        ],
    };
    // The obsolete `-N` means `-n N`, unless it is the value of a preceding `-n` or `-c`.
    let mut args: Vec<String> = Vec::new();
    let mut prev: Option<&String> = None;
    for a in argv.iter().skip(1) {
        let takes_value = prev.is_some_and(|p| {
            p == "--lines" || p == "--bytes" || (!p.starts_with("--") && p.starts_with('-') && p.ends_with(['n', 'c']))
        });
        match a.strip_prefix('-') {
            Some(digits) if !takes_value && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                args.push("-n".to_string());
                args.push(digits.to_string());
            }
            _ => args.push(a.clone()),
        }
        prev = Some(a);
    }
    let Some(parsed) = args::parse_or_report(ctx, &spec, &args) else { return 1 };
    let mut amount = Amount { bytes: false, n: 10, flipped: false };
    if let Some((key, Some(value))) = parsed.last_of(&["n", "c"]).map(|k| (k, parsed.value(k))) {
        let bytes = key == "c";
        let (flipped, digits) = match (which, value.strip_prefix('-'), value.strip_prefix('+')) {
            (Which::Head, Some(rest), _) => (true, rest),
            (Which::Tail, _, Some(rest)) => (true, rest),
            (Which::Tail, Some(rest), _) => (false, rest),
            _ => (false, value),
        };
        match digits.parse::<u64>() {
            Ok(n) => amount = Amount { bytes, n, flipped },
            Err(_) => {
                let what = if bytes { "bytes" } else { "lines" };
                ctx.error(prog, format!("invalid number of {what}: \u{2018}{value}\u{2019}"));
                return 1;
            }
        }
    }
    let operands = if parsed.operands.is_empty() { vec!["-".to_string()] } else { parsed.operands.clone() };
    let headers = parsed.last_of(&["v", "q"]).map_or(operands.len() > 1, |k| k == "v");
    let mut status = 0;
    let mut first = true;
    for name in &operands {
        let data = match read_operand(ctx, name) {
            Ok(d) => d,
            Err(FsError::IsDir) => {
                if headers {
                    ctx.out_fmt(format_args!("{}==> {name} <==\n", if first { "" } else { "\n" }));
                    first = false;
                }
                ctx.error(prog, format!("error reading '{name}': {}", FsError::IsDir));
                status = 1;
                continue;
            }
            Err(e) => {
                ctx.error(prog, format!("cannot open '{name}' for reading: {e}"));
                status = 1;
                continue;
            }
        };
        if headers {
            let shown = if name == "-" { "standard input" } else { name.as_str() };
            ctx.out_fmt(format_args!("{}==> {shown} <==\n", if first { "" } else { "\n" }));
        }
        first = false;
        let part = select(&data, amount, which);
        ctx.out(part);
    }
    status
}

/// The part of `data` that `head`/`tail` prints.
fn select(data: &[u8], amount: Amount, which: Which) -> &[u8] {
    let len = data.len();
    let n = usize::try_from(amount.n).unwrap_or(usize::MAX);
    if amount.bytes {
        return match (which, amount.flipped) {
            (Which::Head, false) => &data[..n.min(len)],
            (Which::Head, true) => &data[..len.saturating_sub(n)],
            (Which::Tail, false) => &data[len.saturating_sub(n)..],
            (Which::Tail, true) => &data[n.saturating_sub(1).min(len)..],
        };
    }
    // Offsets just past each newline: line i ends at ends[i].
    let ends: Vec<usize> = data.iter().enumerate().filter(|(_, &b)| b == b'\n').map(|(i, _)| i + 1).collect();
    let lines = ends.len() + usize::from(!data.is_empty() && !data.ends_with(b"\n"));
    // The byte offset where line `k` (0-based) starts.
    let start_of = |k: usize| if k == 0 { 0 } else { ends.get(k - 1).copied().unwrap_or(len) };
    match (which, amount.flipped) {
        (Which::Head, false) => &data[..start_of(n.min(lines))],
        (Which::Head, true) => &data[..start_of(lines.saturating_sub(n))],
        (Which::Tail, false) => &data[start_of(lines.saturating_sub(n))..],
        (Which::Tail, true) => &data[start_of(n.saturating_sub(1).min(lines))..],
    }
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::err;
    use super::super::{run_for_test, test_machine, Env};
    use crate::fs::Fs;

    fn machine() -> (Fs, Env) {
        let (mut fs, env) = test_machine();
        fs.write("fruit.txt", b"apple\nbanana\ncherry\ndate\nelderberry\nfig\n").unwrap();
        fs.write("main.py", b"import sys\n\nimport numpy\n\nprint(\"numpy\")\n").unwrap();
        fs.write("f", b"a\nb\nc\n").unwrap();
        fs.mkdir("d", 0o755).unwrap();
        (fs, env)
    }

    fn out(fs: &mut Fs, env: &Env, argv: &[&str]) -> String {
        run_for_test(fs, env, argv, b"").0
    }

    #[test]
    fn golden_head_and_tail() {
        let (mut fs, env) = machine();
        assert_eq!(out(&mut fs, &env, &["head", "-n", "3", "fruit.txt"]), "apple\nbanana\ncherry\n");
        assert_eq!(out(&mut fs, &env, &["head", "-3", "fruit.txt"]), "apple\nbanana\ncherry\n");
        assert_eq!(out(&mut fs, &env, &["tail", "-n", "2", "fruit.txt"]), "elderberry\nfig\n");
        assert_eq!(out(&mut fs, &env, &["tail", "-n", "+2", "fruit.txt"]), "banana\ncherry\ndate\nelderberry\nfig\n");
        assert_eq!(
            out(&mut fs, &env, &["head", "-n", "2", "fruit.txt", "main.py"]),
            "==> fruit.txt <==\napple\nbanana\n\n==> main.py <==\nimport sys\n\n"
        );
        assert_eq!(run_for_test(&mut fs, &env, &["head", "-2"], b"x\ny\nz\n").0, "x\ny\n");
    }

    #[test]
    fn counts_and_bytes() {
        let (mut fs, env) = machine();
        assert_eq!(out(&mut fs, &env, &["head", "-c", "2", "f"]), "a\n");
        assert_eq!(out(&mut fs, &env, &["tail", "-c", "3", "f"]), "\nc\n");
        assert_eq!(out(&mut fs, &env, &["tail", "-c", "+3", "f"]), "b\nc\n");
        assert_eq!(out(&mut fs, &env, &["head", "-n", "-1", "f"]), "a\nb\n");
        assert_eq!(out(&mut fs, &env, &["tail", "-n", "0", "f"]), "");
        assert_eq!(out(&mut fs, &env, &["tail", "-n", "+0", "f"]), "a\nb\nc\n");
        assert_eq!(out(&mut fs, &env, &["head", "-v", "f"]), "==> f <==\na\nb\nc\n");
        assert_eq!(out(&mut fs, &env, &["tail", "-q", "f", "f"]), "a\nb\nc\na\nb\nc\n");
        assert_eq!(run_for_test(&mut fs, &env, &["tail", "-1"], b"x\ny").0, "y");
        assert_eq!(out(&mut fs, &env, &["head", "-c", "99999999999999999999", "f"]), "");
    }

    #[test]
    fn errors() {
        let (mut fs, env) = machine();
        assert_eq!(
            run_for_test(&mut fs, &env, &["head", "nope"], b""),
            err("head: cannot open 'nope' for reading: No such file or directory\n")
        );
        assert_eq!(
            run_for_test(&mut fs, &env, &["head", "d", "f"], b""),
            ("==> d <==\n\n==> f <==\na\nb\nc\n".into(), "head: error reading 'd': Is a directory\n".into(), 1)
        );
        assert_eq!(
            run_for_test(&mut fs, &env, &["tail", "-n", "x", "f"], b"").1,
            "tail: invalid number of lines: \u{2018}x\u{2019}\n"
        );
    }
}
