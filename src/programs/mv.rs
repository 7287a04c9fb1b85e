//! `mv`: move (rename) files, as GNU coreutils 9.1.
//!
//! The machine has one filesystem, so every move is a `rename(2)`: a directory keeps its
//! inodes and content, and absolute symlinks pointing into it break, which is what lesson 05
//! shows with a moved virtual environment. `SRC DEST`, `SRC... DIR`, `-t DIR`, `-T`; `-f`,
//! `-n` (skip existing destinations), `-v` (`renamed 'a' -> 'b'`). Refusals match GNU: moving
//! a directory into itself, a file onto itself (also through a hard link or a symlink to it),
//! a directory over a file and the other way round.

use super::args::{self, Spec};
use super::walk::{self, quote, Targets};
use super::Ctx;
use crate::fs::{FileKind, FsError};

const SPEC: Spec = Spec {
    prog: "mv",
    flags: "finvTu",
    with_value: "t",
    long: &[
        ("force", "f", false),
        ("interactive", "i", false),
        ("no-clobber", "n", false),
        ("verbose", "v", false),
        ("no-target-directory", "T", false),
        ("target-directory", "t", true),
        ("update", "u", false),
    ],
};

/// Whether moving `src` onto the existing `dst` would move a file onto itself.
pub(crate) fn same_file(ctx: &Ctx, src: &str, dst: &str) -> bool {
    let (Ok(s), Ok(d)) = (ctx.fs.lstat(src), ctx.fs.lstat(dst)) else { return false };
    if s.ino == d.ino {
        return true;
    }
    s.kind == FileKind::Symlink && d.kind != FileKind::Symlink && ctx.fs.stat(src).map(|t| t.ino == d.ino).unwrap_or(false)
}

/// Entry point of `mv`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, argv.get(1..).unwrap_or_default()) else { return 1 };
    let how = Targets { prog: "mv", target_dir: parsed.value("t"), no_target_dir: parsed.has("T"), deref_target: true };
    let pairs = match walk::targets(ctx, &how, &parsed.operands) {
        Ok(pairs) => pairs,
        Err(status) => return status,
    };
    let last = parsed.last_of(&["f", "i", "n"]);
    let no_clobber = last == Some("n");
    let interactive = last == Some("i");
    let mut ok = true;
    for (src, dst) in pairs {
        ok &= move_one(ctx, &src, &dst, no_clobber, interactive, parsed.has("v"));
    }
    i32::from(!ok)
}

/// Moves one file; prints what went wrong and returns success.
fn move_one(ctx: &mut Ctx, src: &str, dst: &str, no_clobber: bool, interactive: bool, verbose: bool) -> bool {
    let src_meta = match ctx.fs.lstat(src) {
        Ok(meta) => meta,
        Err(err) => {
            walk::cannot(ctx, "mv", "stat", src, err);
            return false;
        }
    };
    let src_dir = src_meta.kind == FileKind::Dir;
    if let Ok(dst_meta) = ctx.fs.lstat(dst) {
        if same_file(ctx, src, dst) {
            ctx.error("mv", format!("{} and {} are the same file", quote(src), quote(dst)));
            return false;
        }
        if no_clobber {
            return true;
        }
        let dst_dir = dst_meta.kind == FileKind::Dir;
        if src_dir && !dst_dir {
            ctx.error("mv", format!("cannot overwrite non-directory {} with directory {}", quote(dst), quote(src)));
            return false;
        }
        if !src_dir && dst_dir {
            ctx.error("mv", format!("cannot overwrite directory {} with non-directory", quote(dst)));
            return false;
        }
        if interactive && !walk::ask(ctx, "mv", &format!("overwrite {}", quote(dst))) {
            return true;
        }
    }
    match ctx.fs.rename(src, dst) {
        Ok(()) => {
            if verbose {
                ctx.out_fmt(format_args!("renamed {} -> {}\n", quote(src), quote(dst)));
            }
            true
        }
        Err(FsError::Invalid) if src_dir => {
            ctx.error("mv", format!("cannot move {} to a subdirectory of itself, {}", quote(src), quote(dst)));
            false
        }
        Err(err) => {
            ctx.error("mv", format!("cannot move {} to {}: {err}", quote(src), quote(dst)));
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::{err, example, ino, names, ok, run};

    #[test]
    fn golden_mv() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p work a/b");
        ok(&mut fs, &env, "touch work/one.txt work/two.txt");
        assert_eq!(run(&mut fs, &env, "mv nope dest"), err("mv: cannot stat 'nope': No such file or directory\n"));
        assert_eq!(
            run(&mut fs, &env, "mv work work/inner"),
            err("mv: cannot move 'work' to a subdirectory of itself, 'work/inner'\n")
        );
        let one = ino(&fs, "work/one.txt");
        ok(&mut fs, &env, "mv work/one.txt work/uno.txt");
        ok(&mut fs, &env, "mv work/uno.txt a");
        assert_eq!(names(&fs, "a"), ["b", "uno.txt"]);
        assert_eq!(names(&fs, "work"), ["two.txt"]);
        assert_eq!(ino(&fs, "a/uno.txt"), one);
    }

    #[test]
    fn moving_a_directory_keeps_its_inodes() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p .venv/bin ../elsewhere");
        fs.symlink("/home/kai/Projects/example/.venv/bin/python", ".venv/bin/pip").unwrap();
        let venv = ino(&fs, ".venv");
        let pip = ino(&fs, ".venv/bin/pip");
        ok(&mut fs, &env, "mv .venv ../elsewhere/");
        assert_eq!(ino(&fs, "../elsewhere/.venv"), venv);
        assert_eq!(ino(&fs, "../elsewhere/.venv/bin/pip"), pip);
        assert_eq!(names(&fs, "."), [".vscode", "main.py"]);
        assert!(fs.stat("../elsewhere/.venv/bin/pip").is_err());
    }

    #[test]
    fn verbose_into_and_refusals() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p d3/d1 d4/f e d1");
        ok(&mut fs, &env, "touch d3/d1/x f g");
        assert_eq!(run(&mut fs, &env, "mv -v g h").0, "renamed 'g' -> 'h'\n");
        assert_eq!(run(&mut fs, &env, "mv -v h e").0, "renamed 'h' -> 'e/h'\n");
        assert_eq!(run(&mut fs, &env, "mv -v e/h .").0, "renamed 'e/h' -> './h'\n");
        assert_eq!(run(&mut fs, &env, "mv d1 d3"), err("mv: cannot move 'd1' to 'd3/d1': Directory not empty\n"));
        assert_eq!(run(&mut fs, &env, "mv d1 f"), err("mv: cannot overwrite non-directory 'f' with directory 'd1'\n"));
        assert_eq!(run(&mut fs, &env, "mv f d4"), err("mv: cannot overwrite directory 'd4/f' with non-directory\n"));
        assert_eq!(run(&mut fs, &env, "mv f ./f"), err("mv: 'f' and './f' are the same file\n"));
        fs.link("f", "hl").unwrap();
        assert_eq!(run(&mut fs, &env, "mv f hl"), err("mv: 'f' and 'hl' are the same file\n"));
        fs.symlink("f", "s2").unwrap();
        assert_eq!(run(&mut fs, &env, "mv s2 f"), err("mv: 's2' and 'f' are the same file\n"));
        assert_eq!(run(&mut fs, &env, "mv . x"), err("mv: cannot move '.' to 'x': Device or resource busy\n"));
        assert_eq!(run(&mut fs, &env, "mv e e"), err("mv: cannot move 'e' to a subdirectory of itself, 'e/e'\n"));
        assert_eq!(run(&mut fs, &env, "mv h nod/"), err("mv: cannot move 'h' to 'nod/': Not a directory\n"));
        ok(&mut fs, &env, "mv -n h f");
        assert!(fs.stat("h").is_ok());
        ok(&mut fs, &env, "mv -T d1 e");
        assert!(fs.stat("d1").is_err());
    }

    #[test]
    fn operand_errors() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "touch f g h");
        let try_line = "Try 'mv --help' for more information.\n";
        assert_eq!(run(&mut fs, &env, "mv"), err(&format!("mv: missing file operand\n{try_line}")));
        assert_eq!(
            run(&mut fs, &env, "mv f"),
            err(&format!("mv: missing destination file operand after 'f'\n{try_line}"))
        );
        assert_eq!(run(&mut fs, &env, "mv f g h"), err("mv: target 'h': Not a directory\n"));
        assert_eq!(run(&mut fs, &env, "mv f g nope/"), err("mv: target 'nope/': No such file or directory\n"));
        assert_eq!(run(&mut fs, &env, "mv -T f g h"), err(&format!("mv: extra operand 'h'\n{try_line}")));
        assert_eq!(run(&mut fs, &env, "mv -t nope f"), err("mv: target directory 'nope': No such file or directory\n"));
        assert_eq!(
            run(&mut fs, &env, "mv -T -t . f"),
            err("mv: cannot combine --target-directory (-t) and --no-target-directory (-T)\n")
        );
    }
}
