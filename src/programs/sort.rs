//! `sort`: sort lines of text, as GNU coreutils 9.1 does in the `C.UTF-8` locale.
//!
//! Lines compare byte by byte. Supports `-r` (reverse), `-n` (numeric: leading blanks, an
//! optional `-`, digits and a decimal point; anything else counts as 0, ties broken by the
//! whole line as GNU's last-resort comparison does), `-f` (fold case), `-u` (keep the first of
//! each run of equal keys) and `-o FILE`. Inputs are files or `-` (standard input, the
//! default).

use super::args::{self, Spec};
use super::fmt::{read_operand, split_lines};
use super::Ctx;
use crate::fs::FsError;
use std::cmp::Ordering;

const SPEC: Spec = Spec {
    prog: "sort",
    flags: "rnuf",
    with_value: "o",
    long: &[
        ("reverse", "r", false),
        ("numeric-sort", "n", false),
        ("unique", "u", false),
        ("ignore-case", "f", false),
        ("output", "o", true),
    ],
};

/// How lines compare.
#[derive(Debug, Clone, Copy)]
struct Keys {
    numeric: bool,
    fold: bool,
}

/// Entry point of `sort`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, argv.get(1..).unwrap_or_default()) else { return 2 };
    let keys = Keys { numeric: parsed.has("n"), fold: parsed.has("f") };
    let reverse = parsed.has("r");
    let operands = if parsed.operands.is_empty() { vec!["-".to_string()] } else { parsed.operands.clone() };
    let mut data = Vec::new();
    for name in &operands {
        match read_operand(ctx, name) {
            Ok(mut d) => {
                if !d.is_empty() && !d.ends_with(b"\n") {
                    d.push(b'\n');
                }
                data.extend_from_slice(&d);
            }
            Err(e) => {
                let what = if e == FsError::IsDir { "read failed" } else { "cannot read" };
                ctx.error("sort", format!("{what}: {name}: {e}"));
                return 2;
            }
        }
    }
    let mut lines = split_lines(&data);
    // With -u, GNU compares keys only (stable), so the first of equal lines in input order stays.
    let unique = parsed.has("u");
    let full = |a: &[u8], b: &[u8]| {
        let order = compare(a, b, keys);
        let order = if unique { order } else { order.then_with(|| a.cmp(b)) };
        if reverse {
            order.reverse()
        } else {
            order
        }
    };
    crate::sort::sort_by(&mut lines, |a, b| full(a, b));
    if unique {
        lines.dedup_by(|later, earlier| compare(earlier, later, keys) == Ordering::Equal);
    }
    let mut out = Vec::with_capacity(data.len());
    for line in lines {
        out.extend_from_slice(line);
        out.push(b'\n');
    }
    if let Some(path) = parsed.value("o") {
        if let Err(e) = ctx.fs.write(path, &out) {
            ctx.error("sort", format!("open failed: {path}: {e}"));
            return 2;
        }
        return 0;
    }
    ctx.out(out);
    0
}

/// Compares two lines by the key options (without the last-resort whole-line comparison).
fn compare(a: &[u8], b: &[u8], keys: Keys) -> Ordering {
    if keys.numeric {
        numeric(a, b)
    } else if keys.fold {
        a.iter().map(u8::to_ascii_uppercase).cmp(b.iter().map(u8::to_ascii_uppercase))
    } else {
        a.cmp(b)
    }
}

/// The parts of a number at the start of a line: negative, integer digits without leading
/// zeros, fraction digits without trailing zeros.
fn number(line: &[u8]) -> (bool, &[u8], &[u8]) {
    let mut i = line.iter().take_while(|&&b| b == b' ' || b == b'\t').count();
    let negative = line.get(i) == Some(&b'-');
    if negative {
        i += 1;
    }
    let digits = line[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let int = &line[i..i + digits];
    let int = &int[int.iter().take_while(|&&b| b == b'0').count()..];
    i += digits;
    let mut frac: &[u8] = &[];
    if line.get(i) == Some(&b'.') {
        let n = line[i + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
        frac = &line[i + 1..i + 1 + n];
        while let Some((&b'0', rest)) = frac.split_last() {
            frac = rest;
        }
    }
    let zero = int.is_empty() && frac.is_empty();
    (negative && !zero, int, frac)
}

/// Numeric comparison of the leading numbers of two lines, as `sort -n` does.
fn numeric(a: &[u8], b: &[u8]) -> Ordering {
    let (na, ia, fa) = number(a);
    let (nb, ib, fb) = number(b);
    let magnitude = ia.len().cmp(&ib.len()).then_with(|| ia.cmp(ib)).then_with(|| fa.cmp(fb));
    match (na, nb) {
        (false, false) => magnitude,
        (true, true) => magnitude.reverse(),
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
    }
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::run_args;
    use super::super::{test_machine, Env};
    use crate::fs::Fs;

    const MIXED: &[u8] = b"10\n9\n100\nb\na\nB\n9\n_x\n";

    fn sort(fs: &mut Fs, env: &Env, args: &[&str], stdin: &[u8]) -> (String, String, i32) {
        run_args(fs, env, "sort", args, stdin)
    }

    #[test]
    fn golden_orders() {
        let (mut fs, env) = test_machine();
        fs.write("mixed.txt", MIXED).unwrap();
        assert_eq!(sort(&mut fs, &env, &["mixed.txt"], b"").0, "10\n100\n9\n9\nB\n_x\na\nb\n");
        assert_eq!(sort(&mut fs, &env, &["-r", "mixed.txt"], b"").0, "b\na\n_x\nB\n9\n9\n100\n10\n");
        assert_eq!(sort(&mut fs, &env, &["-n", "mixed.txt"], b"").0, "B\n_x\na\nb\n9\n9\n10\n100\n");
        assert_eq!(sort(&mut fs, &env, &["-u", "mixed.txt"], b"").0, "10\n100\n9\nB\n_x\na\nb\n");
        assert_eq!(sort(&mut fs, &env, &["-r"], b"fruit.txt\nmain.py\ns.sh\n").0, "s.sh\nmain.py\nfruit.txt\n");
    }

    #[test]
    fn numbers_and_options() {
        let (mut fs, env) = test_machine();
        assert_eq!(
            sort(&mut fs, &env, &["-n"], b"1.5\n-2\n 3\n1e3\n0x10\n-0\n+4\n.5\n10,5\n").0,
            "-2\n+4\n-0\n0x10\n.5\n1e3\n1.5\n 3\n10,5\n"
        );
        assert_eq!(sort(&mut fs, &env, &[], b"b\na").0, "a\nb\n");
        assert_eq!(sort(&mut fs, &env, &["-f"], b"B\na\nb\nA\n").0, "A\na\nB\nb\n");
        assert_eq!(sort(&mut fs, &env, &["-ru"], b"b\na\nb\n").0, "b\na\n");
        assert_eq!(sort(&mut fs, &env, &["-nu"], b"a\nb\n0\n1\n").0, "a\n1\n");
        assert_eq!(sort(&mut fs, &env, &["-nu"], b"b\na\n").0, "b\n");
        sort(&mut fs, &env, &["-o", "out", "-"], b"y\nx\n");
        assert_eq!(&fs.read("out").unwrap()[..], b"x\ny\n");
    }

    #[test]
    fn errors() {
        let (mut fs, env) = test_machine();
        assert_eq!(
            sort(&mut fs, &env, &["nope"], b""),
            (String::new(), "sort: cannot read: nope: No such file or directory\n".into(), 2)
        );
        fs.mkdir("d", 0o755).unwrap();
        assert_eq!(sort(&mut fs, &env, &["d"], b"").1, "sort: read failed: d: Is a directory\n");
    }
}
