//! `readlink` and `realpath`, as GNU coreutils 9.1.
//!
//! `readlink LINK` prints the text a symlink holds and fails silently on anything else (`-v`
//! says why). `-f`, `-e` and `-m` (and `realpath`, whose default is `-f`'s) canonicalise
//! instead, with gnulib's `canonicalize_filename_mode` semantics: every symlink followed, `.`
//! and `..` resolved after each link, and missing parts allowed on the last component only
//! (`-f`), nowhere (`-e`) or anywhere (`-m`, which also stops at a symlink loop and keeps the
//! name). `realpath -s` resolves `..` lexically without reading links; `--relative-to` and
//! `--relative-base` print relative results.

use super::args::{self, Spec};
use super::walk::quotef;
use super::Ctx;
use crate::fs::{FileKind, FsError, Fs, Ino};
use std::collections::{HashSet, VecDeque};

/// How much of a path must exist to canonicalise it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Can {
    /// Every component (`-e`).
    Existing,
    /// All but the last (`-f`, `realpath`).
    AllButLast,
    /// None (`-m`).
    Missing,
}

/// Most symlinks followed in one canonicalisation before giving up with `ELOOP`.
const MAX_LINKS: usize = 256;

/// Canonicalises `path` as gnulib's `canonicalize_filename_mode` does, resolving symlinks
/// unless `logical` (then `..` just drops the previous component).
pub fn canonicalize(fs: &Fs, path: &str, mode: Can, logical: bool) -> Result<String, FsError> {
    if path.is_empty() {
        return Err(FsError::NotFound);
    }
    let mut parts: Vec<String> = Vec::new();
    if !path.starts_with('/') {
        let cwd = fs.cwd_path()?;
        parts.extend(cwd.split('/').filter(|c| !c.is_empty()).map(str::to_string));
    }
    let mut pending: VecDeque<String> = split(path);
    let mut trailing = path.ends_with('/');
    let mut seen: HashSet<(String, Ino)> = HashSet::new();
    let mut links = 0;
    while let Some(name) = pending.pop_front() {
        match name.as_str() {
            "." => continue,
            ".." => {
                parts.pop();
                continue;
            }
            _ => {}
        }
        parts.push(name);
        if logical {
            continue;
        }
        let current = to_path(&parts);
        let last = pending.is_empty();
        let meta = match fs.lstat(&current) {
            Ok(meta) => meta,
            Err(err) => match mode {
                Can::Missing => continue,
                Can::AllButLast if last && !trailing && err == FsError::NotFound => continue,
                _ => return Err(err),
            },
        };
        match meta.kind {
            FileKind::Symlink => {
                // gnulib's loop check: the same link met with the same rest of the path to go.
                let rest = pending.iter().map(String::as_str).collect::<Vec<_>>().join("/");
                if !seen.insert((rest, meta.ino)) || links >= MAX_LINKS {
                    if mode == Can::Missing {
                        continue;
                    }
                    return Err(FsError::Loop);
                }
                links += 1;
                let target = fs.readlink(&current)?;
                parts.pop();
                if target.starts_with('/') {
                    parts.clear();
                }
                if last && target.ends_with('/') {
                    trailing = true;
                }
                for part in split(&target).into_iter().rev() {
                    pending.push_front(part);
                }
            }
            FileKind::Dir => {}
            FileKind::File => {
                if (!last || trailing) && mode != Can::Missing {
                    return Err(FsError::NotDir);
                }
            }
        }
    }
    Ok(to_path(&parts))
}

fn split(path: &str) -> VecDeque<String> {
    path.split('/').filter(|c| !c.is_empty()).map(str::to_string).collect()
}

fn to_path(parts: &[String]) -> String {
    if parts.is_empty() {
        "/".to_string()
    } else {
        parts.iter().fold(String::new(), |acc, p| acc + "/" + p)
    }
}

/// `path` relative to the directory `base` (both canonical and absolute).
fn relative(path: &str, base: &str) -> String {
    let p: Vec<&str> = path.split('/').filter(|c| !c.is_empty()).collect();
    let b: Vec<&str> = base.split('/').filter(|c| !c.is_empty()).collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out: Vec<&str> = vec![".."; b.len() - common];
    out.extend(&p[common..]);
    if out.is_empty() {
        ".".to_string()
    } else {
        out.join("/")
    }
}

/// Whether `path` is `base` or below it.
fn is_under(path: &str, base: &str) -> bool {
    base == "/" || path == base || path.strip_prefix(base).is_some_and(|rest| rest.starts_with('/'))
}

const READLINK: Spec = Spec {
    prog: "readlink",
    flags: "femnqsvz",
    with_value: "",
    long: &[
        ("canonicalize", "f", false),
        ("canonicalize-existing", "e", false),
        ("canonicalize-missing", "m", false),
        ("no-newline", "n", false),
        ("quiet", "q", false),
        ("silent", "s", false),
        ("verbose", "v", false),
        ("zero", "z", false),
    ],
};

/// Entry point of `readlink`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &READLINK, argv.get(1..).unwrap_or_default()) else { return 1 };
    if parsed.operands.is_empty() {
        return args::usage_error(ctx, "readlink", "missing operand");
    }
    let mode = parsed.opts.iter().rev().find_map(|(k, _)| match k.as_str() {
        "f" => Some(Can::AllButLast),
        "e" => Some(Can::Existing),
        "m" => Some(Can::Missing),
        _ => None,
    });
    let verbose = parsed.last_of(&["q", "s", "v"]) == Some("v");
    let mut no_newline = parsed.has("n");
    if no_newline && parsed.operands.len() > 1 {
        ctx.error("readlink", "ignoring --no-newline with multiple arguments");
        no_newline = false;
    }
    let end = if parsed.has("z") {
        "\0"
    } else if no_newline {
        ""
    } else {
        "\n"
    };
    let mut status = 0;
    for path in &parsed.operands {
        let result = match mode {
            Some(mode) => canonicalize(ctx.fs, path, mode, false),
            None => ctx.fs.readlink(path),
        };
        match result {
            Ok(text) => ctx.out_fmt(format_args!("{text}{end}")),
            Err(err) => {
                if verbose {
                    ctx.error("readlink", format!("{}: {err}", quotef(path)));
                }
                status = 1;
            }
        }
    }
    status
}

const REALPATH: Spec = Spec {
    prog: "realpath",
    flags: "emLPqsz",
    with_value: "",
    long: &[
        ("canonicalize-existing", "e", false),
        ("canonicalize-missing", "m", false),
        ("logical", "L", false),
        ("physical", "P", false),
        ("quiet", "q", false),
        ("strip", "s", false),
        ("no-symlinks", "s", false),
        ("zero", "z", false),
        ("relative-to", "relative-to", true),
        ("relative-base", "relative-base", true),
    ],
};

/// Entry point of `realpath`.
pub fn realpath(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &REALPATH, argv.get(1..).unwrap_or_default()) else { return 1 };
    if parsed.operands.is_empty() {
        return args::usage_error(ctx, "realpath", "missing operand");
    }
    let mode = parsed
        .opts
        .iter()
        .rev()
        .find_map(|(k, _)| match k.as_str() {
            "e" => Some(Can::Existing),
            "m" => Some(Can::Missing),
            _ => None,
        })
        .unwrap_or(Can::AllButLast);
    let logical = parsed.has("s");
    let quiet = parsed.has("q");
    let end = if parsed.has("z") { "\0" } else { "\n" };
    let base = |ctx: &mut Ctx, key: &str| -> Result<Option<String>, i32> {
        let Some(dir) = parsed.value(key) else { return Ok(None) };
        match canonicalize(ctx.fs, dir, mode, logical) {
            Ok(path) => Ok(Some(path)),
            Err(err) => {
                ctx.error("realpath", format!("{}: {err}", quotef(dir)));
                Err(1)
            }
        }
    };
    let relative_to = match base(ctx, "relative-to") {
        Ok(b) => b,
        Err(status) => return status,
    };
    let relative_base = match base(ctx, "relative-base") {
        Ok(b) => b,
        Err(status) => return status,
    };
    // With only --relative-base, results under it are relative to it.
    let (relative_to, relative_base) = match (relative_to, relative_base) {
        (None, Some(b)) => (Some(b.clone()), Some(b)),
        (to, b) => (to, b),
    };
    let mut status = 0;
    for path in &parsed.operands {
        match canonicalize(ctx.fs, path, mode, logical) {
            Ok(mut resolved) => {
                if let Some(to) = &relative_to {
                    let inside = relative_base.as_ref().is_none_or(|b| is_under(&resolved, b) && is_under(to, b));
                    if inside {
                        resolved = relative(&resolved, to);
                    }
                }
                ctx.out_fmt(format_args!("{resolved}{end}"));
            }
            Err(err) => {
                if !quiet {
                    ctx.error("realpath", format!("{}: {err}", quotef(path)));
                }
                status = 1;
            }
        }
    }
    status
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::{err, example, ok, out, run};

    const HERE: &str = "/home/kai/Projects/example";

    fn setup() -> (crate::fs::Fs, crate::programs::Env) {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p a/b d/e");
        for (target, link) in [
            ("b", "a/link-to-b"),
            (".vscode", "m"),
            ("f", "l"),
            ("d/e", "le"),
            ("nowhere", "dang"),
            ("loop1", "loop2"),
            ("loop2", "loop1"),
            ("../d/x", "d/x"),
        ] {
            fs.symlink(target, link).unwrap();
        }
        fs.write("f", b"").unwrap();
        (fs, env)
    }

    #[test]
    fn golden_readlink_and_realpath() {
        let (mut fs, env) = setup();
        assert_eq!(run(&mut fs, &env, "readlink m"), out(".vscode\n"));
        assert_eq!(run(&mut fs, &env, "readlink -f m"), out(&format!("{HERE}/.vscode\n")));
        assert_eq!(run(&mut fs, &env, "readlink main.py"), err(""));
        assert_eq!(run(&mut fs, &env, "realpath a/link-to-b"), out(&format!("{HERE}/a/b\n")));
        assert_eq!(run(&mut fs, &env, "realpath nope"), out(&format!("{HERE}/nope\n")));
        assert_eq!(
            run(&mut fs, &env, "realpath nope/x"),
            err("realpath: nope/x: No such file or directory\n")
        );
    }

    #[test]
    fn canonicalize_modes() {
        let (mut fs, env) = setup();
        let cases: &[(&str, [Option<&str>; 3])] = &[
            ("l", [Some("/f"), Some("/f"), Some("/f")]),
            ("le", [Some("/d/e"), Some("/d/e"), Some("/d/e")]),
            ("dang", [Some("/nowhere"), None, Some("/nowhere")]),
            ("dang/x", [None, None, Some("/nowhere/x")]),
            ("nope", [Some("/nope"), None, Some("/nope")]),
            ("loop1", [None, None, Some("/loop1")]),
            ("l/", [None, None, Some("/f")]),
            ("f/x", [None, None, Some("/f/x")]),
            ("d//", [Some("/d"), Some("/d"), Some("/d")]),
            ("d/x/y", [None, None, Some("/d/x/y")]),
        ];
        for (path, expected) in cases {
            for (flag, want) in ["-f", "-e", "-m"].iter().zip(expected) {
                let got = run(&mut fs, &env, &format!("readlink {flag} {path}"));
                let want = match want {
                    Some(p) => out(&format!("{HERE}{p}\n")),
                    None => err(""),
                };
                assert_eq!(got, want, "readlink {flag} {path}");
            }
        }
        assert_eq!(run(&mut fs, &env, "readlink -f /"), out("/\n"));
        assert_eq!(run(&mut fs, &env, "readlink -f d/x/../.."), err(""));
        assert_eq!(run(&mut fs, &env, "readlink -m d/e/../.."), out(&format!("{HERE}\n")));
    }

    #[test]
    fn messages_and_options() {
        let (mut fs, env) = setup();
        assert_eq!(run(&mut fs, &env, "readlink -v f"), err("readlink: f: Invalid argument\n"));
        assert_eq!(run(&mut fs, &env, "readlink -e -v nope/x"), err("readlink: nope/x: No such file or directory\n"));
        assert_eq!(run(&mut fs, &env, "readlink -f -v f/x"), err("readlink: f/x: Not a directory\n"));
        assert_eq!(run(&mut fs, &env, "readlink -n l"), out("f"));
        assert_eq!(
            run(&mut fs, &env, "readlink -n l le"),
            ("f\nd/e\n".to_string(), "readlink: ignoring --no-newline with multiple arguments\n".to_string(), 0)
        );
        assert_eq!(run(&mut fs, &env, "readlink -z l"), out("f\0"));
        assert_eq!(
            run(&mut fs, &env, "readlink"),
            err("readlink: missing operand\nTry 'readlink --help' for more information.\n")
        );
        assert_eq!(
            run(&mut fs, &env, "realpath loop1 f/"),
            err("realpath: loop1: Too many levels of symbolic links\nrealpath: f/: Not a directory\n")
        );
        assert_eq!(run(&mut fs, &env, "realpath -e dang"), err("realpath: dang: No such file or directory\n"));
        assert_eq!(run(&mut fs, &env, "realpath -q nope/x"), err(""));
        assert_eq!(run(&mut fs, &env, "realpath -s l d/../l"), out(&format!("{HERE}/l\n{HERE}/l\n")));
        assert_eq!(run(&mut fs, &env, "realpath --relative-to=d f"), out("../f\n"));
        assert_eq!(run(&mut fs, &env, "realpath --relative-base=/usr f /usr/bin"), out(&format!("{HERE}/f\nbin\n")));
        let (_, stderr, status) = crate::programs::run_for_test(&mut fs, &env, &["realpath", ""], b"");
        assert_eq!((stderr.as_str(), status), ("realpath: '': No such file or directory\n", 1));
    }
}
