//! `cat`: concatenate files to standard output, as GNU coreutils 9.1 does.
//!
//! Operands are files or `-` (standard input, also the default). Supports `-n` (number all
//! lines), `-b` (number non-blank lines), `-s` (squeeze repeated blank lines) and `-E` (`$` at
//! line ends). Numbering continues across files. A file that cannot be read is reported
//! (`cat: nope: No such file or directory`) and the others are still copied; the exit status
//! is then 1.

use super::args::{self, Spec};
use super::fmt::read_operand;
use super::Ctx;

const SPEC: Spec = Spec {
    prog: "cat",
    flags: "nbsEu",
    with_value: "",
    long: &[
        ("number", "n", false),
        ("number-nonblank", "b", false),
        ("squeeze-blank", "s", false),
        ("show-ends", "E", false),
    ],
};

/// How lines are decorated, and the state carried from one file to the next.
#[derive(Debug, Default)]
struct Decor {
    number: bool,
    nonblank: bool,
    squeeze: bool,
    ends: bool,
    line: u64,
    /// Whether the output is at the start of a line.
    at_start: bool,
    /// Blank lines just seen (for `-s`).
    blanks: u32,
}

/// Entry point of `cat`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, argv.get(1..).unwrap_or_default()) else { return 1 };
    let mut decor = Decor {
        number: parsed.has("n") || parsed.has("b"),
        nonblank: parsed.has("b"),
        squeeze: parsed.has("s"),
        ends: parsed.has("E"),
        at_start: true,
        ..Decor::default()
    };
    let plain = !(decor.number || decor.squeeze || decor.ends);
    let operands = if parsed.operands.is_empty() { vec!["-".to_string()] } else { parsed.operands };
    let mut status = 0;
    for name in &operands {
        match read_operand(ctx, name) {
            Ok(data) if plain => ctx.out(data),
            Ok(data) => {
                let text = decor.apply(&data);
                ctx.out(text);
            }
            Err(e) => {
                ctx.error("cat", format!("{name}: {e}"));
                status = 1;
            }
        }
    }
    status
}

impl Decor {
    /// The decorated copy of a file's bytes.
    fn apply(&mut self, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(data.len() + data.len() / 4);
        for piece in data.split_inclusive(|&b| b == b'\n') {
            let blank = piece == b"\n" && self.at_start;
            if blank {
                self.blanks += 1;
                if self.squeeze && self.blanks > 1 {
                    continue;
                }
            } else if self.at_start {
                self.blanks = 0;
            }
            if self.at_start && self.number && !(self.nonblank && blank) {
                self.line += 1;
                out.extend_from_slice(format!("{:>6}\t", self.line).as_bytes());
            }
            match piece.strip_suffix(b"\n") {
                Some(body) => {
                    out.extend_from_slice(body);
                    if self.ends {
                        out.push(b'$');
                    }
                    out.push(b'\n');
                    self.at_start = true;
                }
                None => {
                    out.extend_from_slice(piece);
                    self.at_start = false;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::out;
    use super::super::{run_for_test, test_machine};

    #[test]
    fn copies_files_and_stdin() {
        let (mut fs, env) = test_machine();
        fs.write("f", b"a\nb\n").unwrap();
        fs.mkdir("d", 0o755).unwrap();
        assert_eq!(run_for_test(&mut fs, &env, &["cat", "f"], b""), out("a\nb\n"));
        assert_eq!(run_for_test(&mut fs, &env, &["cat", "-"], b"hi\n").0, "hi\n");
        assert_eq!(run_for_test(&mut fs, &env, &["cat"], b"hi\n").0, "hi\n");
        assert_eq!(
            run_for_test(&mut fs, &env, &["cat", "f", "nope", "d", "f"], b""),
            ("a\nb\na\nb\n".into(), "cat: nope: No such file or directory\ncat: d: Is a directory\n".into(), 1)
        );
    }

    #[test]
    fn dangling_link() {
        let (mut fs, env) = test_machine();
        fs.symlink("missing.txt", "dangling").unwrap();
        assert_eq!(
            run_for_test(&mut fs, &env, &["cat", "dangling"], b"").1,
            "cat: dangling: No such file or directory\n"
        );
    }

    #[test]
    fn numbering_and_squeezing() {
        let (mut fs, env) = test_machine();
        fs.write("g", b"x\n\n\ny").unwrap();
        assert_eq!(run_for_test(&mut fs, &env, &["cat", "-n", "g"], b"").0, "     1\tx\n     2\t\n     3\t\n     4\ty");
        assert_eq!(run_for_test(&mut fs, &env, &["cat", "-b", "g"], b"").0, "     1\tx\n\n\n     2\ty");
        assert_eq!(run_for_test(&mut fs, &env, &["cat", "-s", "g"], b"").0, "x\n\ny");
        assert_eq!(run_for_test(&mut fs, &env, &["cat", "-E", "g"], b"").0, "x$\n$\n$\ny");
        assert_eq!(run_for_test(&mut fs, &env, &["cat", "-n", "g", "g"], b"").0.matches('\t').count(), 7);
        let (_, err, status) = run_for_test(&mut fs, &env, &["cat", "-y"], b"");
        assert_eq!((err.as_str(), status), ("cat: invalid option -- 'y'\nTry 'cat --help' for more information.\n", 1));
    }
}
