//! `mkdir` and `rmdir`, as GNU coreutils 9.1.
//!
//! `mkdir` creates directories (`-p` with their missing parents, which it does not mind
//! finding; `-m MODE` in octal or symbolic form, set exactly despite the umask as GNU does;
//! `-v` names each one created). `rmdir` removes empty directories (`-p` then removes each
//! parent named in the path, `--ignore-fail-on-non-empty`, `-v`). Messages keep GNU's mixed
//! quoting: `mkdir: cannot create directory ‘work’: File exists` but
//! `rmdir: failed to remove 'a': Directory not empty`.

use super::args::{self, Spec};
use super::chmod::Mode;
use super::walk::{self, quote, quote_locale};
use super::Ctx;
use crate::fs::{FileKind, FsError};

const MKDIR: Spec = Spec {
    prog: "mkdir",
    flags: "pv",
    with_value: "m",
    long: &[("parents", "p", false), ("verbose", "v", false), ("mode", "m", true)],
};

/// The mode and mode mask of `-m`, or the default.
struct Make {
    verbose: bool,
    /// The mode asked for and the bits it cares about, when `-m` was given.
    mode: Option<(u32, u32)>,
}

impl Make {
    /// `mkdir(2)` plus `-v` and the `-m` fix-up; errors are returned, not printed.
    fn create(&self, ctx: &mut Ctx, path: &str, intermediate: bool) -> Result<(), FsError> {
        let mode = match (intermediate, self.mode) {
            (false, Some((mode, _))) => mode,
            _ => 0o777,
        };
        ctx.fs.mkdir(path, mode)?;
        if intermediate && ctx.fs.umask() & 0o300 != 0 {
            // Ancestors stay writable and searchable by their owner whatever the umask.
            if let Ok(meta) = ctx.fs.lstat(path) {
                ctx.fs.chmod(path, meta.perm | 0o300)?;
            }
        }
        if self.verbose {
            ctx.out_fmt(format_args!("mkdir: created directory {}\n", quote(path)));
        }
        if let (false, Some((mode, bits))) = (intermediate, self.mode) {
            if let Ok(meta) = ctx.fs.lstat(path) {
                if (mode ^ meta.perm) & bits != 0 {
                    ctx.fs.chmod(path, (meta.perm & !bits) | (mode & bits))?;
                }
            }
        }
        Ok(())
    }

    /// `mkdir -p`: creates each missing ancestor, then the directory, accepting existing ones.
    fn parents(&self, ctx: &mut Ctx, path: &str) -> Result<(), (String, FsError)> {
        let mut prefix = String::new();
        let components: Vec<&str> = path.split('/').collect();
        let last_nonempty = components.iter().rposition(|c| !c.is_empty());
        for (i, component) in components.iter().enumerate() {
            if i > 0 {
                prefix.push('/');
            }
            prefix.push_str(component);
            if component.is_empty() || Some(i) == last_nonempty {
                continue;
            }
            match self.create(ctx, &prefix, true) {
                Ok(()) => {}
                Err(FsError::Exists) => match ctx.fs.stat(&prefix) {
                    Ok(meta) if meta.kind == FileKind::Dir => {}
                    Ok(_) => return Err((prefix, FsError::NotDir)),
                    Err(err) => return Err((prefix, err)),
                },
                Err(err) => return Err((prefix, err)),
            }
        }
        match self.create(ctx, path, false) {
            Ok(()) => Ok(()),
            Err(FsError::Exists) if ctx.fs.stat(path).map(|m| m.kind == FileKind::Dir).unwrap_or(false) => Ok(()),
            Err(err) => Err((path.to_string(), err)),
        }
    }
}

/// Entry point of `mkdir`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &MKDIR, argv.get(1..).unwrap_or_default()) else { return 1 };
    let mode = match parsed.value("m") {
        Some(text) => match Mode::compile(text) {
            Some(mode) => Some(mode.adjust(0o777, true, ctx.fs.umask())),
            None => {
                ctx.error("mkdir", format!("invalid mode {}", quote_locale(text)));
                return 1;
            }
        },
        None => None,
    };
    if parsed.operands.is_empty() {
        return args::usage_error(ctx, "mkdir", "missing operand");
    }
    let make = Make { verbose: parsed.has("v"), mode };
    let mut status = 0;
    for path in &parsed.operands {
        let result = if parsed.has("p") {
            make.parents(ctx, path)
        } else {
            make.create(ctx, path, false).map_err(|err| (path.clone(), err))
        };
        if let Err((name, err)) = result {
            ctx.error("mkdir", format!("cannot create directory {}: {err}", quote_locale(&name)));
            status = 1;
        }
    }
    status
}

const RMDIR: Spec = Spec {
    prog: "rmdir",
    flags: "pv",
    with_value: "",
    long: &[
        ("parents", "p", false),
        ("verbose", "v", false),
        ("ignore-fail-on-non-empty", "ignore", false),
    ],
};

/// `rmdir(2)` with GNU's wording for a symlink named with a trailing slash.
fn remove_dir(ctx: &mut Ctx, path: &str) -> Result<(), String> {
    let stripped = walk::strip_trailing_slashes(path);
    if stripped.len() != path.len() && ctx.fs.lstat(stripped).map(|m| m.kind == FileKind::Symlink).unwrap_or(false) {
        return Err("Symbolic link not followed".to_string());
    }
    ctx.fs.rmdir(path).map_err(|err| err.to_string())
}

/// Entry point of `rmdir`.
pub fn rmdir(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &RMDIR, argv.get(1..).unwrap_or_default()) else { return 1 };
    if parsed.operands.is_empty() {
        return args::usage_error(ctx, "rmdir", "missing operand");
    }
    let verbose = parsed.has("v");
    let ignore = parsed.has("ignore");
    let ignorable = |e: &str| ignore && (e == FsError::NotEmpty.to_string() || e == FsError::Exists.to_string());
    let mut status = 0;
    for path in &parsed.operands {
        if verbose {
            ctx.out_fmt(format_args!("rmdir: removing directory, {}\n", quote(path)));
        }
        if let Err(err) = remove_dir(ctx, path) {
            if !ignorable(&err) {
                ctx.error("rmdir", format!("failed to remove {}: {err}", quote(path)));
                status = 1;
            }
            continue;
        }
        if !parsed.has("p") {
            continue;
        }
        let mut dir = walk::strip_trailing_slashes(path).to_string();
        while let Some(slash) = dir.rfind('/') {
            let cut = dir[..slash].trim_end_matches('/').len();
            if cut == 0 {
                break;
            }
            dir.truncate(cut);
            if verbose {
                ctx.out_fmt(format_args!("rmdir: removing directory, {}\n", quote(&dir)));
            }
            if let Err(err) = ctx.fs.rmdir(&dir) {
                if !ignorable(&err.to_string()) {
                    ctx.error("rmdir", format!("failed to remove directory {}: {err}", quote(&dir)));
                    status = 1;
                }
                break;
            }
        }
    }
    status
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::{err, example, names, ok, run};

    #[test]
    fn golden_mkdir_and_rmdir() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir work");
        assert_eq!(run(&mut fs, &env, "mkdir work"), err("mkdir: cannot create directory ‘work’: File exists\n"));
        assert_eq!(
            run(&mut fs, &env, "mkdir a/b"),
            err("mkdir: cannot create directory ‘a/b’: No such file or directory\n")
        );
        ok(&mut fs, &env, "mkdir -p a/b");
        assert_eq!(run(&mut fs, &env, "rmdir a"), err("rmdir: failed to remove 'a': Directory not empty\n"));
        assert_eq!(run(&mut fs, &env, "rmdir main.py"), err("rmdir: failed to remove 'main.py': Not a directory\n"));
        assert_eq!(
            run(&mut fs, &env, "rmdir nope"),
            err("rmdir: failed to remove 'nope': No such file or directory\n")
        );
        assert_eq!(fs.stat("a/b").unwrap().perm, 0o755);
    }

    #[test]
    fn parents_verbose_and_existing() {
        let (mut fs, env) = example();
        let (out, _, status) = run(&mut fs, &env, "mkdir -pv x/y/z");
        assert_eq!(
            out,
            "mkdir: created directory 'x'\nmkdir: created directory 'x/y'\nmkdir: created directory 'x/y/z'\n"
        );
        assert_eq!(status, 0);
        ok(&mut fs, &env, "mkdir -p x/y/z x/../n/../n2 x/y/");
        assert!(fs.stat("n2").is_ok());
        assert_eq!(
            run(&mut fs, &env, "mkdir -p main.py/g"),
            err("mkdir: cannot create directory ‘main.py’: Not a directory\n")
        );
        assert_eq!(run(&mut fs, &env, "mkdir -p main.py"), err("mkdir: cannot create directory ‘main.py’: File exists\n"));
        assert_eq!(run(&mut fs, &env, "mkdir"), err("mkdir: missing operand\nTry 'mkdir --help' for more information.\n"));
        assert_eq!(
            run(&mut fs, &env, "mkdir -z"),
            err("mkdir: invalid option -- 'z'\nTry 'mkdir --help' for more information.\n")
        );
    }

    #[test]
    fn modes() {
        let (mut fs, env) = example();
        assert_eq!(run(&mut fs, &env, "mkdir -m 9 q"), err("mkdir: invalid mode ‘9’\n"));
        ok(&mut fs, &env, "mkdir -m u=rwx,go= m1");
        ok(&mut fs, &env, "mkdir -m 700 -p p1/p2");
        ok(&mut fs, &env, "mkdir -m +t m2");
        ok(&mut fs, &env, "mkdir -m 777 m3");
        let perm = |fs: &crate::fs::Fs, p: &str| fs.stat(p).unwrap().perm;
        assert_eq!(perm(&fs, "m1"), 0o700);
        assert_eq!(perm(&fs, "p1"), 0o755);
        assert_eq!(perm(&fs, "p1/p2"), 0o700);
        assert_eq!(perm(&fs, "m2"), 0o1755);
        assert_eq!(perm(&fs, "m3"), 0o777);
    }

    #[test]
    fn rmdir_parents_and_special_cases() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p a/b/c x/y");
        fs.write("x/f", b"").unwrap();
        fs.symlink("x", "lnk").unwrap();
        let (out, _, status) = run(&mut fs, &env, "rmdir -pv a/b/c");
        assert_eq!(
            out,
            "rmdir: removing directory, 'a/b/c'\nrmdir: removing directory, 'a/b'\nrmdir: removing directory, 'a'\n"
        );
        assert_eq!(status, 0);
        assert_eq!(names(&fs, "."), [".vscode", "lnk", "main.py", "x"]);
        assert_eq!(
            run(&mut fs, &env, "rmdir -p x/y"),
            err("rmdir: failed to remove directory 'x': Directory not empty\n")
        );
        assert_eq!(run(&mut fs, &env, "rmdir lnk"), err("rmdir: failed to remove 'lnk': Not a directory\n"));
        assert_eq!(run(&mut fs, &env, "rmdir lnk/"), err("rmdir: failed to remove 'lnk/': Symbolic link not followed\n"));
        assert_eq!(run(&mut fs, &env, "rmdir ."), err("rmdir: failed to remove '.': Invalid argument\n"));
        assert_eq!(run(&mut fs, &env, "rmdir .."), err("rmdir: failed to remove '..': Directory not empty\n"));
        assert_eq!(run(&mut fs, &env, "rmdir --ignore-fail-on-non-empty x").2, 0);
        assert!(fs.stat("lnk").is_ok());
    }
}
