//! `ln`: make hard links and (`-s`) symbolic links, as GNU coreutils 9.1.
//!
//! `ln TARGET LINK`, `ln TARGET... DIR`, `ln TARGET` (into the current directory), `-t`, `-T`.
//! A symlink's text is stored as given and need not exist. `-f` replaces an existing name (but
//! never a directory, and never a file by itself); `-n` treats a symlink to a directory as a
//! plain file, so `ln -sf work dirlink` puts the new link *inside* the directory `dirlink`
//! points to while `ln -sfn work dirlink` replaces `dirlink`. `-v` prints `'l' -> 't'` (`=>`
//! for hard links). Error texts follow GNU's choice of when to name the target.

use super::args::{self, Spec};
use super::walk::{self, quote, quotef, Targets};
use super::Ctx;
use crate::fs::{FileKind, FsError};

const SPEC: Spec = Spec {
    prog: "ln",
    flags: "sfnTviP",
    with_value: "t",
    long: &[
        ("symbolic", "s", false),
        ("force", "f", false),
        ("no-dereference", "n", false),
        ("no-target-directory", "T", false),
        ("target-directory", "t", true),
        ("verbose", "v", false),
        ("interactive", "i", false),
        ("physical", "P", false),
    ],
};

/// The options of one `ln` run.
struct Ln {
    symbolic: bool,
    force: bool,
    interactive: bool,
    verbose: bool,
}

impl Ln {
    /// Makes one link; prints what went wrong and returns success.
    fn link(&self, ctx: &mut Ctx, src: &str, dst: &str) -> bool {
        if !self.symbolic {
            match ctx.fs.lstat(src) {
                Ok(meta) if meta.kind == FileKind::Dir => {
                    ctx.error("ln", format!("{}: hard link not allowed for directory", quotef(src)));
                    return false;
                }
                Ok(_) => {}
                Err(err) => {
                    ctx.error("ln", format!("failed to access {}: {err}", quote(src)));
                    return false;
                }
            }
        }
        if let Ok(existing) = ctx.fs.lstat(dst) {
            if self.force || self.interactive {
                let source = if self.symbolic { ctx.fs.stat(src) } else { ctx.fs.lstat(src) };
                if source.map(|s| s.ino == existing.ino).unwrap_or(false) {
                    ctx.error("ln", format!("{} and {} are the same file", quote(src), quote(dst)));
                    return false;
                }
                if existing.kind == FileKind::Dir {
                    ctx.error("ln", format!("{}: cannot overwrite directory", quotef(dst)));
                    return false;
                }
                if self.interactive && !walk::ask(ctx, "ln", &format!("replace {}", quote(dst))) {
                    return true;
                }
                if let Err(err) = ctx.fs.unlink(dst) {
                    ctx.error("ln", format!("cannot remove {}: {err}", quote(dst)));
                    return false;
                }
            }
        }
        let result = if self.symbolic { ctx.fs.symlink(src, dst).map(|_| ()) } else { ctx.fs.link(src, dst) };
        match result {
            Ok(()) => {
                if self.verbose {
                    let arrow = if self.symbolic { "->" } else { "=>" };
                    ctx.out_fmt(format_args!("{} {arrow} {}\n", quote(dst), quote(src)));
                }
                true
            }
            Err(err) => {
                let message = if self.symbolic {
                    if src.is_empty() || err == FsError::NameTooLong {
                        format!("failed to create symbolic link {} -> {}", quote(dst), quote(src))
                    } else {
                        format!("failed to create symbolic link {}", quote(dst))
                    }
                } else if matches!(err, FsError::Exists | FsError::NoSpace) {
                    format!("failed to create hard link {}", quote(dst))
                } else {
                    format!("failed to create hard link {} => {}", quote(dst), quote(src))
                };
                ctx.error("ln", format!("{message}: {err}"));
                false
            }
        }
    }
}

/// Entry point of `ln`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, argv.get(1..).unwrap_or_default()) else { return 1 };
    let how = Targets {
        prog: "ln",
        target_dir: parsed.value("t"),
        no_target_dir: parsed.has("T"),
        deref_target: !parsed.has("n"),
    };
    let pairs = match walk::targets(ctx, &how, &parsed.operands) {
        Ok(pairs) => pairs,
        Err(status) => return status,
    };
    let last = parsed.last_of(&["f", "i"]);
    let ln = Ln {
        symbolic: parsed.has("s"),
        force: last == Some("f"),
        interactive: last == Some("i"),
        verbose: parsed.has("v"),
    };
    let mut ok = true;
    for (src, dst) in pairs {
        ok &= ln.link(ctx, &src, &dst);
    }
    i32::from(!ok)
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::{err, example, ino, names, ok, run};

    #[test]
    fn golden_ln() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p a work");
        ok(&mut fs, &env, "ln -s main.py m");
        assert_eq!(run(&mut fs, &env, "ln -s main.py m"), err("ln: failed to create symbolic link 'm': File exists\n"));
        ok(&mut fs, &env, "ln -sf .vscode m");
        assert_eq!(fs.readlink("m").unwrap(), ".vscode");
        ok(&mut fs, &env, "ln -s a dirlink");
        ok(&mut fs, &env, "ln -sf work dirlink");
        assert_eq!(names(&fs, "a"), ["work"]);
        assert_eq!(fs.readlink("a/work").unwrap(), "work");
        ok(&mut fs, &env, "ln -sfn work dirlink");
        assert_eq!(fs.readlink("dirlink").unwrap(), "work");
        ok(&mut fs, &env, "ln -sf a/b/c/file.txt shortcut");
        assert_eq!(fs.readlink("shortcut").unwrap(), "a/b/c/file.txt");
    }

    #[test]
    fn hard_links() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir d");
        ok(&mut fs, &env, "touch f g");
        assert_eq!(run(&mut fs, &env, "ln f"), err("ln: failed to create hard link './f': File exists\n"));
        ok(&mut fs, &env, "ln f h");
        assert_eq!(ino(&fs, "h"), ino(&fs, "f"));
        assert_eq!(fs.lstat("f").unwrap().nlink, 2);
        assert_eq!(run(&mut fs, &env, "ln f h"), err("ln: failed to create hard link 'h': File exists\n"));
        assert_eq!(run(&mut fs, &env, "ln d dl"), err("ln: d: hard link not allowed for directory\n"));
        assert_eq!(run(&mut fs, &env, "ln nope x"), err("ln: failed to access 'nope': No such file or directory\n"));
        assert_eq!(
            run(&mut fs, &env, "ln f nod/x"),
            err("ln: failed to create hard link 'nod/x' => 'f': No such file or directory\n")
        );
        assert_eq!(run(&mut fs, &env, "ln -v f hv").0, "'hv' => 'f'\n");
        ok(&mut fs, &env, "ln f g d");
        assert_eq!(names(&fs, "d"), ["f", "g"]);
        assert_eq!(run(&mut fs, &env, "ln -f f f"), err("ln: 'f' and 'f' are the same file\n"));
        assert_eq!(run(&mut fs, &env, "ln f g nod"), err("ln: target 'nod': No such file or directory\n"));
    }

    #[test]
    fn symbolic_links() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p d sub emp");
        ok(&mut fs, &env, "touch f sub/f g");
        ok(&mut fs, &env, "ln -s /x/y");
        assert_eq!(fs.readlink("y").unwrap(), "/x/y");
        assert_eq!(run(&mut fs, &env, "ln -sv f sv").0, "'sv' -> 'f'\n");
        assert_eq!(run(&mut fs, &env, "ln -sfv g sv").0, "'sv' -> 'g'\n");
        ok(&mut fs, &env, "ln -sf f sub/f");
        assert_eq!(fs.readlink("sub/f").unwrap(), "f");
        assert_eq!(run(&mut fs, &env, "ln -sf f f"), err("ln: 'f' and 'f' are the same file\n"));
        assert_eq!(run(&mut fs, &env, "ln -sfT f emp"), err("ln: emp: cannot overwrite directory\n"));
        assert_eq!(
            run(&mut fs, &env, "ln -s f sub/nod/x"),
            err("ln: failed to create symbolic link 'sub/nod/x': No such file or directory\n")
        );
        let (out, stderr, status) = crate::programs::run_for_test(&mut fs, &env, &["ln", "-s", "", "e"], b"");
        assert_eq!(
            (out.as_str(), stderr.as_str(), status),
            ("", "ln: failed to create symbolic link 'e' -> '': No such file or directory\n", 1)
        );
        assert_eq!(
            run(&mut fs, &env, "ln -s"),
            err("ln: missing file operand\nTry 'ln --help' for more information.\n")
        );
        assert_eq!(run(&mut fs, &env, "ln -t g f"), err("ln: target 'g' is not a directory\n"));
    }
}
