//! `rm`: remove files and, with `-r`/`-R`, whole trees, as GNU coreutils 9.1.
//!
//! Without `-r` a directory is refused (`rm: cannot remove 'work': Is a directory`) unless `-d`
//! allows removing it when empty. `-f` ignores missing files and never asks; `-v` names each
//! removal; `-i` asks before each one (end of input means no). With `-r`, `.`/`..` operands are
//! refused and `/` is protected as GNU does. Recursion never follows symlinks (a link is
//! removed, not its target) and stops at a fixed depth. Like the real tool with standard input
//! not a terminal, write-protected files are removed without asking.

use super::args::{self, Spec};
use super::walk::{self, quote, Order, Step, Visit, Visitor};
use super::Ctx;
use crate::fs::{FileKind, FsError, Metadata, ROOT};

const SPEC: Spec = Spec {
    prog: "rm",
    flags: "rRfdviI",
    with_value: "",
    long: &[
        ("recursive", "r", false),
        ("force", "f", false),
        ("dir", "d", false),
        ("verbose", "v", false),
        ("interactive", "i", false),
        ("no-preserve-root", "no-preserve-root", false),
        ("preserve-root", "preserve-root", false),
        ("one-file-system", "one-file-system", false),
    ],
};

/// The options of one `rm` run; also the visitor of a recursive removal.
struct Rm {
    force: bool,
    recursive: bool,
    dirs: bool,
    verbose: bool,
    interactive: bool,
}

impl Rm {
    /// Removes one non-directory, or an empty directory if `dir`; prints errors.
    fn remove(&self, ctx: &mut Ctx, path: &str, meta: &Metadata) -> bool {
        if self.interactive && !walk::ask(ctx, "rm", &format!("remove {} {}", walk::kind_name(meta), quote(path))) {
            return true;
        }
        let dir = meta.kind == FileKind::Dir;
        let result = if dir { ctx.fs.rmdir(path) } else { ctx.fs.unlink(path) };
        match result {
            Ok(()) => {
                if self.verbose {
                    let what = if dir { "removed directory" } else { "removed" };
                    ctx.out_fmt(format_args!("{what} {}\n", quote(path)));
                }
                true
            }
            Err(FsError::NotFound | FsError::NotDir) if self.force => true,
            Err(err) => {
                walk::cannot(ctx, "rm", "remove", path, err);
                false
            }
        }
    }
}

impl Visitor for Rm {
    fn enter(&mut self, ctx: &mut Ctx, visit: &Visit) -> Step {
        if visit.meta.kind != FileKind::Dir {
            return Step::Done(self.remove(ctx, visit.path, visit.meta));
        }
        if self.interactive && !walk::ask(ctx, "rm", &format!("descend into directory {}", quote(visit.path))) {
            return Step::Done(true);
        }
        Step::Descend
    }

    fn unreadable(&mut self, ctx: &mut Ctx, visit: &Visit, err: FsError) -> bool {
        // An unreadable directory may still be empty: try removing it before complaining.
        if ctx.fs.rmdir(visit.path).is_ok() {
            if self.verbose {
                ctx.out_fmt(format_args!("removed directory {}\n", quote(visit.path)));
            }
            return true;
        }
        walk::cannot(ctx, "rm", "remove", visit.path, err);
        false
    }

    fn leave(&mut self, ctx: &mut Ctx, visit: &Visit, children_ok: bool) -> bool {
        children_ok && self.remove(ctx, visit.path, visit.meta)
    }
}

/// Entry point of `rm`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, argv.get(1..).unwrap_or_default()) else { return 1 };
    // The last of -f and -i wins, as in GNU rm.
    let last_mode = parsed.last_of(&["f", "i"]);
    let mut rm = Rm {
        force: last_mode == Some("f"),
        recursive: parsed.has("r") || parsed.has("R"),
        dirs: parsed.has("d"),
        verbose: parsed.has("v"),
        interactive: last_mode == Some("i"),
    };
    if parsed.operands.is_empty() {
        if rm.force {
            return 0;
        }
        return args::usage_error(ctx, "rm", "missing operand");
    }
    let preserve_root = !parsed.has("no-preserve-root") || parsed.has("preserve-root");
    let mut ok = true;
    for operand in &parsed.operands {
        let path = walk::fts_name(operand);
        if rm.recursive && preserve_root && ctx.fs.lstat(path).map(|m| m.ino == ROOT).unwrap_or(false) {
            let same = if path == "/" { String::new() } else { format!(" (same as {})", quote("/")) };
            walk::refuse_root(ctx, "rm", &format!("{}{same}", quote(path)));
            ok = false;
            continue;
        }
        let meta = match ctx.fs.lstat(path) {
            Ok(meta) => meta,
            Err(FsError::NotFound | FsError::NotDir) if rm.force => continue,
            Err(err) => {
                walk::cannot(ctx, "rm", "remove", path, err);
                ok = false;
                continue;
            }
        };
        if meta.kind != FileKind::Dir {
            ok &= rm.remove(ctx, path, &meta);
        } else if rm.recursive {
            if walk::is_dot_or_dotdot(path) {
                ctx.error(
                    "rm",
                    format!("refusing to remove '.' or '..' directory: skipping {}", quote(path)),
                );
                ok = false;
                continue;
            }
            ok &= walk::walk(ctx, "rm", path, &meta, Order::Name, &mut rm);
        } else if rm.dirs {
            ok &= rm.remove(ctx, path, &meta);
        } else {
            walk::cannot(ctx, "rm", "remove", path, FsError::IsDir);
            ok = false;
        }
    }
    i32::from(!ok)
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::{err, example, names, ok, run};

    #[test]
    fn golden_rm() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p work a/b/c");
        fs.write("a/b/c/file.txt", b"").unwrap();
        assert_eq!(run(&mut fs, &env, "rm work"), err("rm: cannot remove 'work': Is a directory\n"));
        assert_eq!(run(&mut fs, &env, "rm nope"), err("rm: cannot remove 'nope': No such file or directory\n"));
        ok(&mut fs, &env, "rm -f nope main.py/x");
        assert_eq!(run(&mut fs, &env, "rm main.py/x"), err("rm: cannot remove 'main.py/x': Not a directory\n"));
        assert_eq!(run(&mut fs, &env, "rm a"), err("rm: cannot remove 'a': Is a directory\n"));
        ok(&mut fs, &env, "rm -r a work");
        assert_eq!(names(&fs, "."), [".vscode", "main.py"]);
    }

    #[test]
    fn verbose_dirs_and_symlinks_not_followed() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p d/e/f emp");
        fs.write("d/e/f/g", b"x").unwrap();
        fs.write("d/h", b"").unwrap();
        fs.symlink("d", "sl").unwrap();
        fs.symlink("/home/kai/Projects/example/main.py", "d/keep").unwrap();
        let (out, _, status) = run(&mut fs, &env, "rm -rv sl d");
        assert_eq!(
            out,
            "removed 'sl'\nremoved 'd/e/f/g'\nremoved directory 'd/e/f'\nremoved directory 'd/e'\n\
             removed 'd/h'\nremoved 'd/keep'\nremoved directory 'd'\n"
        );
        assert_eq!(status, 0);
        assert!(fs.stat("main.py").is_ok());
        assert_eq!(run(&mut fs, &env, "rm -d emp -v").0, "removed directory 'emp'\n");
        ok(&mut fs, &env, "mkdir e2");
        fs.write("e2/x", b"").unwrap();
        assert_eq!(run(&mut fs, &env, "rm -d e2"), err("rm: cannot remove 'e2': Directory not empty\n"));
        assert_eq!(run(&mut fs, &env, "rm"), err("rm: missing operand\nTry 'rm --help' for more information.\n"));
        assert_eq!(run(&mut fs, &env, "rm -f").2, 0);
    }

    #[test]
    fn refusals() {
        let (mut fs, env) = example();
        assert_eq!(run(&mut fs, &env, "rm ."), err("rm: cannot remove '.': Is a directory\n"));
        let dot = "rm: refusing to remove '.' or '..' directory: skipping";
        assert_eq!(run(&mut fs, &env, "rm -r ."), err(&format!("{dot} '.'\n")));
        assert_eq!(run(&mut fs, &env, "rm -rf .."), err(&format!("{dot} '..'\n")));
        assert_eq!(run(&mut fs, &env, "rm -r ./"), err(&format!("{dot} './'\n")));
        assert_eq!(run(&mut fs, &env, "rm -r x/."), err("rm: cannot remove 'x/.': No such file or directory\n"));
        let root = "rm: it is dangerous to operate recursively on '/'\n\
                    rm: use --no-preserve-root to override this failsafe\n";
        assert_eq!(run(&mut fs, &env, "rm -rf /"), err(root));
        assert!(fs.stat("/usr/bin/ls").is_ok());
    }

    #[test]
    fn permission_errors_keep_ancestors() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p d/sub nr");
        fs.write("d/sub/f", b"").unwrap();
        fs.write("nr/y", b"").unwrap();
        fs.chmod("d/sub", 0o555).unwrap();
        fs.chmod("nr", 0).unwrap();
        let (out, stderr, status) = run(&mut fs, &env, "rm -r d nr");
        assert_eq!(out, "");
        assert_eq!(
            stderr,
            "rm: cannot remove 'd/sub/f': Permission denied\nrm: cannot remove 'nr': Permission denied\n"
        );
        assert_eq!(status, 1);
        assert!(fs.stat("d/sub/f").is_ok());
        assert_eq!(run(&mut fs, &env, "rm /etc/passwd"), err("rm: cannot remove '/etc/passwd': Permission denied\n"));
    }

    #[test]
    fn interactive_without_answer_keeps_files() {
        let (mut fs, env) = example();
        let (out, stderr, status) = run(&mut fs, &env, "rm -i main.py");
        assert_eq!((out.as_str(), status), ("", 0));
        assert_eq!(stderr, "rm: remove regular file 'main.py'? ");
        assert!(fs.stat("main.py").is_ok());
    }
}
