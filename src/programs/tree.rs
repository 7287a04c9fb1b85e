//! `tree`: list directories as an indented tree, as tree 2.1.0 does in a UTF-8 locale.
//!
//! Supports `-a -d -f -F -p -L LEVEL -I PATTERN -P PATTERN --dirsfirst --noreport` and several
//! directory operands. Names sort in byte order; symbolic links are shown with their target
//! and never followed (a link to a directory counts as a directory); `-P` filters everything
//! but real directories, `-I` everything; patterns are globs with `*`, `?`, `[...]` and `|`
//! between alternatives. The report counts the directories and files shown, the top directory
//! included when it lists anything. Like the real tree, options do not bundle values (`-L 2`),
//! and errors use tree's own wording. Descent stops at 64 levels.

use super::fmt::{indicator, mode_string};
use super::Ctx;
use crate::fs::{FileKind, Metadata};

/// Deepest level listed when `-L` does not say.
const MAX_DEPTH: usize = 64;

/// The usage text tree prints after an invalid option.
const USAGE: &str = "usage: tree [-acdfghilnpqrstuvxACDFJQNSUX] [-L level [-R]] [-H  baseHREF]\n\
\t[-T title] [-o filename] [-P pattern] [-I pattern] [--gitignore]\n\
\t[--gitfile[=]file] [--matchdirs] [--metafirst] [--ignore-case]\n\
\t[--nolinks] [--hintro[=]file] [--houtro[=]file] [--inodes] [--device]\n\
\t[--sort[=]<name>] [--dirsfirst] [--filesfirst] [--filelimit #] [--si]\n\
\t[--du] [--prune] [--charset[=]X] [--timefmt[=]format] [--fromfile]\n\
\t[--fflinks] [--info] [--infofile[=]file] [--noreport] [--version]\n\
\t[--help] [--] [directory ...]\n";

/// The options in force.
#[derive(Debug, Default)]
struct Opts {
    all: bool,
    dirs_only: bool,
    classify: bool,
    perms: bool,
    full_path: bool,
    dirs_first: bool,
    no_report: bool,
    level: Option<usize>,
    ignore: Vec<String>,
    pattern: Vec<String>,
}

/// Directories and files shown so far.
#[derive(Debug, Default)]
struct Counts {
    dirs: usize,
    files: usize,
}

/// One directory entry about to be drawn.
struct Node {
    name: String,
    path: String,
    meta: Metadata,
    /// For a symbolic link: its target text and what it leads to (`None` when dangling).
    link: Option<(String, Option<Metadata>)>,
}

impl Node {
    /// A directory, or a link to one.
    fn is_dir_like(&self) -> bool {
        self.meta.kind == FileKind::Dir || matches!(&self.link, Some((_, Some(m))) if m.kind == FileKind::Dir)
    }
}

/// Entry point of `tree`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let (opts, roots) = match parse(argv) {
        Ok(parsed) => parsed,
        Err(message) => {
            ctx.err(message);
            return 1;
        }
    };
    let roots = if roots.is_empty() { vec![".".to_string()] } else { roots };
    let mut counts = Counts::default();
    let mut status = 0;
    let mut out = String::new();
    for root in &roots {
        if !draw_root(ctx, &opts, root, &mut counts, &mut out) {
            status = 2;
        }
    }
    if !opts.no_report {
        let dirs = plural(counts.dirs, "directory", "directories");
        if opts.dirs_only {
            out.push_str(&format!("\n{dirs}\n"));
        } else {
            out.push_str(&format!("\n{dirs}, {}\n", plural(counts.files, "file", "files")));
        }
    }
    ctx.out(out);
    status
}

/// `N thing` or `N things`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Parses tree's options its own way: no bundled values, the value of `-L`, `-I` or `-P` is
/// always the next argument.
fn parse(argv: &[String]) -> Result<(Opts, Vec<String>), String> {
    let mut opts = Opts::default();
    let mut roots = Vec::new();
    let mut i = 1;
    let mut options_done = false;
    while let Some(arg) = argv.get(i) {
        i += 1;
        if options_done || !arg.starts_with('-') || arg == "-" {
            roots.push(arg.clone());
            continue;
        }
        if arg == "--" {
            options_done = true;
            continue;
        }
        if let Some(long) = arg.strip_prefix("--") {
            match long {
                "dirsfirst" => opts.dirs_first = true,
                "noreport" => opts.no_report = true,
                _ => return Err(format!("tree: Invalid argument `{arg}'.\n{USAGE}")),
            }
            continue;
        }
        for c in arg.chars().skip(1) {
            match c {
                'a' => opts.all = true,
                'd' => opts.dirs_only = true,
                'F' => opts.classify = true,
                'p' => opts.perms = true,
                'f' => opts.full_path = true,
                'L' | 'I' | 'P' => {
                    let Some(value) = argv.get(i) else {
                        return Err(format!("tree: Missing argument to -{c} option.\n"));
                    };
                    i += 1;
                    match c {
                        'L' => match atoi(value) {
                            n if n > 0 => opts.level = Some(n as usize),
                            _ => return Err("tree: Invalid level, must be greater than 0.\n".into()),
                        },
                        'I' => opts.ignore.push(value.clone()),
                        _ => opts.pattern.push(value.clone()),
                    }
                }
                _ => return Err(format!("tree: Invalid argument -`{c}'.\n{USAGE}")),
            }
        }
    }
    Ok((opts, roots))
}

/// C's `atoi`: leading blanks, an optional sign, digits; 0 when there are none.
fn atoi(s: &str) -> i64 {
    let s = s.trim_start();
    let (neg, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let mut n: i64 = 0;
    for d in digits.bytes().take_while(u8::is_ascii_digit) {
        n = n.saturating_mul(10).saturating_add(i64::from(d - b'0'));
    }
    if neg {
        -n
    } else {
        n
    }
}

/// Draws one operand and everything below it; false when it could not be opened.
fn draw_root(ctx: &mut Ctx, opts: &Opts, root: &str, counts: &mut Counts, out: &mut String) -> bool {
    let lmeta = ctx.fs.lstat(root).ok();
    let meta = ctx.fs.stat(root).ok().or_else(|| lmeta.clone());
    let mut line = String::new();
    if let (true, Some(m)) = (opts.perms, &meta) {
        line.push_str(&format!("[{}]  ", mode_string(m)));
    }
    line.push_str(root);
    if let (true, false, Some(m)) = (opts.classify, opts.dirs_only, &lmeta) {
        line.push_str(indicator(m));
    }
    let Some(meta) = meta else {
        out.push_str(&format!("{line}  [error opening dir]\n"));
        return false;
    };
    if meta.kind != FileKind::Dir {
        out.push_str(&format!("{line}  [error opening dir]\n"));
        counts.files += 1;
        return true;
    }
    let Some(children) = children(ctx, opts, root) else {
        out.push_str(&format!("{line}  [error opening dir]\n"));
        return false;
    };
    out.push_str(&line);
    out.push('\n');
    if !children.is_empty() {
        counts.dirs += 1;
    }
    draw_children(ctx, opts, children, "", 1, counts, out);
    true
}

/// The entries of a directory that are shown, sorted; `None` if it cannot be read.
fn children(ctx: &Ctx, opts: &Opts, dir: &str) -> Option<Vec<Node>> {
    let listing = ctx.fs.read_dir(dir).ok()?;
    let mut nodes = Vec::new();
    for entry in listing {
        if !opts.all && entry.name.starts_with('.') {
            continue;
        }
        let path = if dir.ends_with('/') { format!("{dir}{}", entry.name) } else { format!("{dir}/{}", entry.name) };
        let Ok(meta) = ctx.fs.lstat(&path) else { continue };
        let link = (meta.kind == FileKind::Symlink)
            .then(|| (ctx.fs.readlink(&path).unwrap_or_default(), ctx.fs.stat(&path).ok()));
        let node = Node { name: entry.name, path, meta, link };
        if opts.dirs_only && !node.is_dir_like() {
            continue;
        }
        if opts.ignore.iter().any(|p| matches_any(p, &node.name)) {
            continue;
        }
        if node.meta.kind != FileKind::Dir
            && !opts.pattern.is_empty()
            && !opts.pattern.iter().any(|p| matches_any(p, &node.name))
        {
            continue;
        }
        nodes.push(node);
    }
    crate::sort::sort_by(&mut nodes, |a, b| a.name.cmp(&b.name));
    if opts.dirs_first {
        crate::sort::sort_by_key(&mut nodes, |n| !n.is_dir_like());
    }
    Some(nodes)
}

/// Draws a directory's entries below it, each with the branches of its ancestors.
fn draw_children(
    ctx: &mut Ctx,
    opts: &Opts,
    nodes: Vec<Node>,
    prefix: &str,
    depth: usize,
    counts: &mut Counts,
    out: &mut String,
) {
    let n = nodes.len();
    for (i, node) in nodes.into_iter().enumerate() {
        let last = i + 1 == n;
        out.push_str(prefix);
        out.push_str(if last { "\u{2514}\u{2500}\u{2500} " } else { "\u{251c}\u{2500}\u{2500} " });
        if opts.perms {
            out.push_str(&format!("[{}]  ", mode_string(&node.meta)));
        }
        out.push_str(if opts.full_path { &node.path } else { &node.name });
        let classify = opts.classify && !opts.dirs_only;
        match &node.link {
            Some((target, target_meta)) => {
                out.push_str(" -> ");
                out.push_str(target);
                if let (true, Some(m)) = (classify, target_meta) {
                    out.push_str(indicator(m));
                }
            }
            None if classify => out.push_str(indicator(&node.meta)),
            None => {}
        }
        if node.is_dir_like() {
            counts.dirs += 1;
        } else {
            counts.files += 1;
        }
        let descend = node.meta.kind == FileKind::Dir && depth < opts.level.unwrap_or(MAX_DEPTH).min(MAX_DEPTH);
        let below = if descend { children(ctx, opts, &node.path) } else { Some(Vec::new()) };
        match below {
            Some(below) => {
                out.push('\n');
                let inner = format!("{prefix}{}", if last { "    " } else { "\u{2502}\u{a0}\u{a0} " });
                draw_children(ctx, opts, below, &inner, depth + 1, counts, out);
            }
            None => out.push_str("  [error opening dir]\n"),
        }
    }
}

/// Whether a name matches a pattern of `|`-separated globs.
fn matches_any(pattern: &str, name: &str) -> bool {
    pattern.split('|').any(|p| crate::fnmatch::matches(p, name))
}


#[cfg(test)]
mod tests {
    use super::super::walk::testing::{self, err, out, run_args};
    use super::super::Env;
    use crate::fs::Fs;

    /// The `proj` tree of the golden transcript `15-tree`, inside `~/Projects/example`.
    fn example() -> (Fs, Env) {
        let (mut fs, env) = testing::example();
        fs.write("main.py", b"import sys\n").unwrap();
        for dir in ["proj", "proj/src", "proj/src/pkg", "proj/docs"] {
            fs.mkdir(dir, 0o755).unwrap();
        }
        for file in
            ["proj/src/pkg/__init__.py", "proj/src/app.py", "proj/docs/readme.md", "proj/.env", "proj/README.md"]
        {
            fs.write(file, b"").unwrap();
        }
        fs.write("proj/run.sh", b"#!/bin/sh\necho run\n").unwrap();
        fs.chmod("proj/run.sh", 0o755).unwrap();
        fs.symlink("src/app.py", "proj/app-link.py").unwrap();
        fs.symlink("docs", "proj/d").unwrap();
        fs.symlink("nowhere", "proj/broken").unwrap();
        (fs, env)
    }

    fn tree(fs: &mut Fs, env: &Env, args: &[&str]) -> (String, String, i32) {
        run_args(fs, env, "tree", args, b"")
    }

    const PROJ: &str = "proj
├── README.md
├── app-link.py -> src/app.py
├── broken -> nowhere
├── d -> docs
├── docs
│\u{a0}\u{a0} └── readme.md
├── run.sh
└── src
    ├── app.py
    └── pkg
        └── __init__.py

5 directories, 7 files
";

    #[test]
    fn whole_tree() {
        let (mut fs, env) = example();
        assert_eq!(tree(&mut fs, &env, &["proj"]), out(PROJ));
        let (out, _, _) = tree(&mut fs, &env, &[]);
        assert!(out.starts_with(".\n├── main.py\n└── proj\n    ├── README.md\n"));
        assert!(out.ends_with("\n6 directories, 8 files\n"));
        fs.chdir("proj/src").unwrap();
        assert_eq!(tree(&mut fs, &env, &[".."]).0, PROJ.replacen("proj", "..", 1));
        assert_eq!(
            tree(&mut fs, &env, &[]).0,
            ".\n├── app.py\n└── pkg\n    └── __init__.py\n\n2 directories, 2 files\n"
        );
    }

    #[test]
    fn levels_and_hidden() {
        let (mut fs, env) = example();
        assert_eq!(
            tree(&mut fs, &env, &["-L", "1", "proj"]).0,
            "proj\n├── README.md\n├── app-link.py -> src/app.py\n├── broken -> nowhere\n├── d -> docs\n\
             ├── docs\n├── run.sh\n└── src\n\n4 directories, 4 files\n"
        );
        let (out, _, _) = tree(&mut fs, &env, &["-L", "2", "-a", "proj"]);
        assert!(out.starts_with("proj\n├── .env\n├── README.md\n"));
        assert!(out.ends_with("└── src\n    ├── app.py\n    └── pkg\n\n5 directories, 7 files\n"));
        assert_eq!(
            tree(&mut fs, &env, &["-a", "-L", "1"]).0,
            ".\n├── .vscode\n├── main.py\n└── proj\n\n3 directories, 1 file\n"
        );
        assert_eq!(
            tree(&mut fs, &env, &["-L", "0", "proj"]),
            err("tree: Invalid level, must be greater than 0.\n")
        );
    }

    #[test]
    fn classify_dirs_only_and_perms() {
        let (mut fs, env) = example();
        let (out, _, _) = tree(&mut fs, &env, &["-F", "proj"]);
        assert!(out.starts_with("proj/\n├── README.md\n├── app-link.py -> src/app.py\n├── broken -> nowhere\n"));
        assert!(out.contains("├── d -> docs/\n├── docs/\n│\u{a0}\u{a0} └── readme.md\n├── run.sh*\n└── src/\n"));
        assert_eq!(
            tree(&mut fs, &env, &["-d", "proj"]).0,
            "proj\n├── d -> docs\n├── docs\n└── src\n    └── pkg\n\n5 directories\n"
        );
        assert_eq!(
            tree(&mut fs, &env, &["-p", "proj/src"]).0,
            "[drwxr-xr-x]  proj/src\n├── [-rw-r--r--]  app.py\n└── [drwxr-xr-x]  pkg\n    └── [-rw-r--r--]  __init__.py\n\n\
             2 directories, 2 files\n"
        );
        assert_eq!(
            tree(&mut fs, &env, &["-f", "proj/src"]).0,
            "proj/src\n├── proj/src/app.py\n└── proj/src/pkg\n    └── proj/src/pkg/__init__.py\n\n\
             2 directories, 2 files\n"
        );
        assert_eq!(
            tree(&mut fs, &env, &["--noreport", "proj/src"]).0,
            "proj/src\n├── app.py\n└── pkg\n    └── __init__.py\n"
        );
    }

    #[test]
    fn errors() {
        let (mut fs, env) = example();
        assert_eq!(
            tree(&mut fs, &env, &["nope"]),
            ("nope  [error opening dir]\n\n0 directories, 0 files\n".into(), String::new(), 2)
        );
        assert_eq!(
            tree(&mut fs, &env, &["proj/src/app.py"]),
            out("proj/src/app.py  [error opening dir]\n\n0 directories, 1 file\n")
        );
        fs.mkdir("empty", 0o755).unwrap();
        assert_eq!(tree(&mut fs, &env, &["empty"]).0, "empty\n\n0 directories, 0 files\n");
        let (_, err, status) = tree(&mut fs, &env, &["-y"]);
        assert_eq!(status, 1);
        assert!(err.starts_with("tree: Invalid argument -`y'.\nusage: tree [-acdfghilnpqrstuvxACDFJQNSUX]"));
        assert_eq!(tree(&mut fs, &env, &["-L"]).1, "tree: Missing argument to -L option.\n");
        assert!(tree(&mut fs, &env, &["--bogus"]).1.starts_with("tree: Invalid argument `--bogus'.\n"));
    }

    #[test]
    fn sorting_and_patterns() {
        let (mut fs, env) = example();
        assert_eq!(
            tree(&mut fs, &env, &["--dirsfirst", "proj"]).0,
            "proj\n├── d -> docs\n├── docs\n│\u{a0}\u{a0} └── readme.md\n├── src\n│\u{a0}\u{a0} ├── pkg\n\
             │\u{a0}\u{a0} │\u{a0}\u{a0} └── __init__.py\n│\u{a0}\u{a0} └── app.py\n├── README.md\n\
             ├── app-link.py -> src/app.py\n├── broken -> nowhere\n└── run.sh\n\n5 directories, 7 files\n"
        );
        assert_eq!(
            tree(&mut fs, &env, &["-I", "src", "proj"]).0,
            "proj\n├── README.md\n├── app-link.py -> src/app.py\n├── broken -> nowhere\n├── d -> docs\n\
             ├── docs\n│\u{a0}\u{a0} └── readme.md\n└── run.sh\n\n3 directories, 5 files\n"
        );
        assert_eq!(
            tree(&mut fs, &env, &["-P", "*.md", "proj"]).0,
            "proj\n├── README.md\n├── docs\n│\u{a0}\u{a0} └── readme.md\n└── src\n    └── pkg\n\n\
             4 directories, 2 files\n"
        );
        assert_eq!(
            tree(&mut fs, &env, &["proj/docs", "proj/src"]).0,
            "proj/docs\n└── readme.md\nproj/src\n├── app.py\n└── pkg\n    └── __init__.py\n\n\
             3 directories, 3 files\n"
        );
        let (out, _, _) = tree(&mut fs, &env, &["-I", "d*", "proj"]);
        assert!(out.ends_with("\n3 directories, 6 files\n"));
        let (out, _, _) = tree(&mut fs, &env, &["-P", "*.py|*.md", "proj"]);
        assert!(out.ends_with("\n4 directories, 5 files\n"));
    }

    #[test]
    fn symlink_loops_are_not_followed() {
        let (mut fs, env) = example();
        fs.symlink("..", "proj/src/up").unwrap();
        let (out, _, status) = tree(&mut fs, &env, &["proj/src"]);
        assert_eq!(status, 0);
        assert!(out.contains("└── up -> ..\n"));
    }
}
