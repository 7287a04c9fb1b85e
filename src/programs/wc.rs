//! `wc`: count lines, words and bytes, as GNU coreutils 9.1 prints them.
//!
//! Supports `-l -w -c -m` (default `-l -w -c`), files or `-` (standard input, the default),
//! and a `total` line for several files. Columns are as wide as the total size of the regular
//! files counted, at least 7 when standard input or a directory is among them, and 1 when a
//! single count of a single input is asked for, as GNU `wc` sizes them. Standard input always
//! counts as a pipe here. A directory prints an error and a line of zeros.

use super::args::{self, Spec};
use super::fmt::read_operand;
use super::Ctx;
use crate::fs::{FileKind, FsError};

const SPEC: Spec = Spec {
    prog: "wc",
    flags: "lwcm",
    with_value: "",
    long: &[("lines", "l", false), ("words", "w", false), ("bytes", "c", false), ("chars", "m", false)],
};

/// The counts of one input.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    lines: u64,
    words: u64,
    chars: u64,
    bytes: u64,
}

impl Counts {
    fn of(data: &[u8]) -> Counts {
        let mut words = 0;
        let mut in_word = false;
        for &b in data {
            let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
            if !space && !in_word {
                words += 1;
            }
            in_word = !space;
        }
        let chars = String::from_utf8_lossy(data).chars().count() as u64;
        Counts { lines: data.iter().filter(|&&b| b == b'\n').count() as u64, words, chars, bytes: data.len() as u64 }
    }

    fn add(&mut self, other: Counts) {
        self.lines += other.lines;
        self.words += other.words;
        self.chars += other.chars;
        self.bytes += other.bytes;
    }
}

/// Entry point of `wc`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, argv.get(1..).unwrap_or_default()) else { return 1 };
    let any = ["l", "w", "c", "m"].iter().any(|k| parsed.has(k));
    let show = |k: &str| if any { parsed.has(k) } else { k != "m" };
    let fields = [show("l"), show("w"), show("m"), show("c")];
    let selected = fields.iter().filter(|&&f| f).count();
    let stdin_only = parsed.operands.is_empty();
    let operands = if stdin_only { vec!["-".to_string()] } else { parsed.operands.clone() };

    // Inputs read first: the column width depends on all of them.
    let mut results: Vec<(String, Result<Counts, FsError>, bool)> = Vec::new();
    let mut regular_total: u64 = 0;
    let mut min_width = 1;
    for name in &operands {
        let regular = name != "-" && ctx.fs.stat(name).is_ok_and(|m| m.kind == FileKind::File);
        let result = read_operand(ctx, name).map(|d| Counts::of(&d));
        if regular {
            regular_total += result.as_ref().map(|c| c.bytes).unwrap_or(0);
        } else if name == "-" || matches!(result, Err(FsError::IsDir)) {
            min_width = 7;
        }
        results.push((name.clone(), result, regular));
    }
    let width = if operands.len() == 1 && selected == 1 { 1 } else { regular_total.to_string().len().max(min_width) };
    let mut total = Counts::default();
    let mut status = 0;
    for (name, result, _) in &results {
        let counts = match result {
            Ok(c) => *c,
            Err(FsError::IsDir) => {
                ctx.error("wc", format!("{name}: {}", FsError::IsDir));
                status = 1;
                Counts::default()
            }
            Err(e) => {
                ctx.error("wc", format!("{name}: {e}"));
                status = 1;
                continue;
            }
        };
        total.add(counts);
        let label = if stdin_only { None } else { Some(name.as_str()) };
        ctx.out(line(counts, fields, width, label));
    }
    if operands.len() > 1 {
        ctx.out(line(total, fields, width, Some("total")));
    }
    status
}

/// One output line: the selected counts right-aligned, separated by spaces, then the name.
fn line(c: Counts, fields: [bool; 4], width: usize, name: Option<&str>) -> String {
    let values = [c.lines, c.words, c.chars, c.bytes];
    let mut parts: Vec<String> =
        values.iter().zip(fields).filter(|(_, on)| *on).map(|(v, _)| format!("{v:>width$}")).collect();
    if let Some(name) = name {
        parts.push(name.to_string());
    }
    parts.join(" ") + "\n"
}

#[cfg(test)]
mod tests {
    use super::super::{run_for_test, test_machine, Env};
    use crate::fs::Fs;

    fn machine() -> (Fs, Env) {
        let (mut fs, env) = test_machine();
        fs.write("fruit.txt", b"apple\nbanana\ncherry\ndate\nelderberry\nfig\n").unwrap();
        fs.write(
            "main.py",
            b"import sys\n\nimport numpy\n\nprint(\"numpy\", numpy.__version__, \"from\", numpy.__file__)\n",
        )
        .unwrap();
        (fs, env)
    }

    fn wc(fs: &mut Fs, env: &Env, args: &[&str], stdin: &[u8]) -> (String, String, i32) {
        let mut argv = vec!["wc"];
        argv.extend_from_slice(args);
        run_for_test(fs, env, &argv, stdin)
    }

    #[test]
    fn golden_counts() {
        let (mut fs, env) = machine();
        assert_eq!(wc(&mut fs, &env, &["fruit.txt"], b"").0, " 6  6 40 fruit.txt\n");
        assert_eq!(wc(&mut fs, &env, &["-l", "fruit.txt"], b"").0, "6 fruit.txt\n");
        assert_eq!(wc(&mut fs, &env, &["-w", "main.py"], b"").0, "8 main.py\n");
        assert_eq!(wc(&mut fs, &env, &["-c", "main.py"], b"").0, "84 main.py\n");
        assert_eq!(
            wc(&mut fs, &env, &["fruit.txt", "main.py"], b"").0,
            "  6   6  40 fruit.txt\n  5   8  84 main.py\n 11  14 124 total\n"
        );
        assert_eq!(wc(&mut fs, &env, &["-l"], b"a\nb\nc\nd\ne\nf\n").0, "6\n");
    }

    #[test]
    fn widths_and_errors() {
        let (mut fs, env) = machine();
        assert_eq!(wc(&mut fs, &env, &[], b"a b").0, "      0       2       3\n");
        assert_eq!(wc(&mut fs, &env, &["-lw", "fruit.txt"], b"").0, " 6  6 fruit.txt\n");
        assert_eq!(
            wc(&mut fs, &env, &["nope", "fruit.txt"], b""),
            (" 6  6 40 fruit.txt\n 6  6 40 total\n".into(), "wc: nope: No such file or directory\n".into(), 1)
        );
        fs.mkdir("d", 0o755).unwrap();
        assert_eq!(
            wc(&mut fs, &env, &["fruit.txt", "d"], b""),
            (
                "      6       6      40 fruit.txt\n      0       0       0 d\n      6       6      40 total\n".into(),
                "wc: d: Is a directory\n".into(),
                1
            )
        );
        assert_eq!(wc(&mut fs, &env, &["-m"], "h\u{e9}\n".as_bytes()).0, "3\n");
    }
}
