//! What the file commands (`cp`, `mv`, `rm`, `ln`, `chmod`, `mkdir`, `touch`, `readlink`…)
//! share: GNU's three ways of quoting a file name in a message, the `prog: cannot VERB 'path':
//! strerror` shape, `--preserve-root` and `--reference`, path helpers (joining, last component,
//! trailing slashes), the prompt of `-i`, and one bounded depth-first walk of a tree that never
//! follows symbolic links.
//!
//! Quoting follows gnulib's `quotearg`: `quoteaf` (shell-escape, always quoted: `'a b'`,
//! `"it's"`, `'a'$'\n''b'`), `quotef` (the same, but only when needed, and `:` needs it) and
//! `quote` (locale style, `‘work’` in a UTF-8 locale).

use super::{args, Ctx};
use crate::fs::{FileKind, FsError, Metadata};
use crate::trace::Event;

/// Deepest a recursive `cp`, `rm` or `chmod -R` goes below an operand.
pub const MAX_DEPTH: usize = 64;

/// Whether `c` at byte `i` makes the shell-escape styles quote the name.
fn shell_special(i: usize, c: char, colon: bool) -> bool {
    match c {
        ' ' | '!' | '"' | '$' | '&' | '\'' | '(' | ')' | '*' | ';' | '<' | '=' | '>' | '?' | '[' | '\\' | '^'
        | '`' | '|' => true,
        '#' | '~' => i == 0,
        ':' => colon,
        c => c.is_control(),
    }
}

/// Whether `c` at byte `i` may stand inside double quotes unescaped (gnulib's
/// `c_and_shell_quote_compat`): a name holding `'` and only such characters is double-quoted.
fn double_quote_compatible(i: usize, c: char) -> bool {
    match c {
        '!' | '"' | '$' | '&' | '(' | ')' | '*' | ';' | '<' | '=' | '>' | '?' | '[' | '\\' | '^' | '`' | '|' => false,
        '#' | '~' => i == 0,
        c => !c.is_control(),
    }
}

/// The escape of a control character inside `$'…'` (or after a backslash in locale style).
fn control_escape(c: char, out: &mut String) {
    match c {
        '\x07' => out.push_str("\\a"),
        '\x08' => out.push_str("\\b"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\x0b' => out.push_str("\\v"),
        '\x0c' => out.push_str("\\f"),
        '\r' => out.push_str("\\r"),
        c => {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("\\{b:03o}"));
            }
        }
    }
}

fn shell_quote(name: &str, always: bool, colon: bool) -> String {
    let needs = always || name.is_empty() || name.char_indices().any(|(i, c)| shell_special(i, c, colon));
    if !needs {
        return name.to_string();
    }
    if name.contains('\'') && name.char_indices().all(|(i, c)| double_quote_compatible(i, c)) {
        return format!("\"{name}\"");
    }
    let mut out = String::from("'");
    let mut in_dollar = false;
    for c in name.chars() {
        if c.is_control() {
            if !in_dollar {
                out.push_str("'$'");
                in_dollar = true;
            }
            control_escape(c, &mut out);
            continue;
        }
        if in_dollar {
            out.push_str("''");
            in_dollar = false;
        }
        if c == '\'' {
            out.push_str("'\\''");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

/// A name as coreutils' `quoteaf` shows it: always in shell quotes (`'work'`).
pub fn quote(name: &str) -> String {
    shell_quote(name, true, false)
}

/// A name as coreutils' `quotef` shows it: bare unless the shell would need quotes
/// (`nope/x`, `'x y'`); a `:` needs them too.
pub fn quotef(name: &str) -> String {
    shell_quote(name, false, true)
}

/// A name in locale quotes, as coreutils' `quote` shows it in a UTF-8 locale (`‘work’`).
pub fn quote_locale(name: &str) -> String {
    let mut out = String::from("\u{2018}");
    for c in name.chars() {
        if c == '\\' {
            out.push_str("\\\\");
        } else if c.is_control() {
            control_escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out.push('\u{2019}');
    out
}

/// Prints `prog: cannot VERB 'path': strerror` (e.g. `rm: cannot remove 'work': Is a directory`).
pub fn cannot(ctx: &mut Ctx, prog: &str, verb: &str, path: &str, err: FsError) {
    ctx.error(prog, format!("cannot {verb} {}: {err}", quote(path)));
}

/// Refuses to work recursively on `/`, as `--preserve-root` does: prints `prog: it is dangerous to
/// operate recursively on WHAT` and how to override it.
pub fn refuse_root(ctx: &mut Ctx, prog: &str, what: &str) {
    ctx.error(prog, format!("it is dangerous to operate recursively on {what}"));
    ctx.error(prog, "use --no-preserve-root to override this failsafe");
}

/// The metadata of a `--reference` file (following symlinks), or `None` after printing
/// `prog: failed to get attributes of 'file': strerror`.
pub fn reference(ctx: &mut Ctx, prog: &str, file: &str) -> Option<Metadata> {
    ctx.fs.stat(file).map_err(|err| ctx.error(prog, format!("failed to get attributes of {}: {err}", quote(file)))).ok()
}

/// `dir/name` with exactly one slash between, as coreutils build the names of files below an
/// operand (`a/` and `b` give `a/b`).
pub fn join(dir: &str, name: &str) -> String {
    let trimmed = dir.trim_end_matches('/');
    if trimmed.is_empty() && dir.starts_with('/') {
        format!("/{name}")
    } else {
        format!("{trimmed}/{name}")
    }
}

/// The path without trailing slashes, except that `/` (or `//`) stays `/`.
pub fn strip_trailing_slashes(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() && path.starts_with('/') {
        "/"
    } else {
        trimmed
    }
}

/// The last component of a path, trailing slashes ignored (`a/b/` gives `b`, `/` gives `/`).
pub fn last_component(path: &str) -> &str {
    let trimmed = strip_trailing_slashes(path);
    if trimmed == "/" {
        return trimmed;
    }
    trimmed.rsplit('/').next().unwrap_or(trimmed)
}

/// An operand as `fts` names it: several trailing slashes become one (`d//` gives `d/`).
pub fn fts_name(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() || trimmed.len() == path.len() {
        path
    } else {
        &path[..trimmed.len() + 1]
    }
}

/// Whether the last component of the path is `.` or `..`.
pub fn is_dot_or_dotdot(path: &str) -> bool {
    matches!(last_component(path), "." | "..")
}

/// How `ls -l` would describe a file's kind in a prompt (`regular empty file`, `directory`).
pub fn kind_name(meta: &Metadata) -> &'static str {
    match meta.kind {
        FileKind::File if meta.size == 0 => "regular empty file",
        FileKind::File => "regular file",
        FileKind::Dir => "directory",
        FileKind::Symlink => "symbolic link",
    }
}

/// Asks a yes/no question on stderr (as `rm -i` does) and reads the answer from standard
/// input: only an answer starting with `y` or `Y` is yes; end of input is no.
pub fn ask(ctx: &mut Ctx, prog: &str, question: &str) -> bool {
    ctx.err_fmt(format_args!("{prog}: {question}? "));
    let answer = ctx.io.read_line();
    matches!(answer.as_deref().and_then(|a| a.first()), Some(b'y' | b'Y'))
}

/// How `cp`, `mv` and `ln` read their operands.
#[derive(Debug, Clone, Copy)]
pub struct Targets<'a> {
    /// The program name, for messages.
    pub prog: &'a str,
    /// `-t DIR`.
    pub target_dir: Option<&'a str>,
    /// `-T`: the last operand is never a directory to put things in.
    pub no_target_dir: bool,
    /// Whether a symlink to a directory counts as a directory target (`ln -n` says no).
    pub deref_target: bool,
}

/// Turns operands into (source, destination) pairs as GNU does: `SRC DEST`, `SRC... DIR`
/// (each source goes to `DIR/basename`), `-t DIR SRC...`, or `-T SRC DEST`; `ln` alone also
/// accepts a single `SRC`, linked into the current directory. On a usage problem, prints the
/// message and returns the exit status.
pub fn targets(ctx: &mut Ctx, how: &Targets, operands: &[String]) -> Result<Vec<(String, String)>, i32> {
    let prog = how.prog;
    let is_ln = prog == "ln";
    let into = |dir: &str, srcs: &[String]| -> Vec<(String, String)> {
        srcs.iter().map(|s| (s.clone(), join(dir, last_component(s)))).collect()
    };
    let dir_kind = |ctx: &Ctx, path: &str| {
        let meta = if how.deref_target { ctx.fs.stat(path) } else { ctx.fs.lstat(path) };
        meta.map(|m| m.kind == FileKind::Dir)
    };
    if let Some(dir) = how.target_dir {
        if how.no_target_dir {
            let message = if is_ln {
                "cannot combine --target-directory and --no-target-directory"
            } else {
                "cannot combine --target-directory (-t) and --no-target-directory (-T)"
            };
            ctx.error(prog, message);
            return Err(1);
        }
        match ctx.fs.stat(dir).map(|m| m.kind == FileKind::Dir) {
            Ok(true) => {}
            Ok(false) if is_ln => {
                ctx.error(prog, format!("target {} is not a directory", quote(dir)));
                return Err(1);
            }
            Ok(false) => {
                ctx.error(prog, format!("target directory {}: {}", quote(dir), FsError::NotDir));
                return Err(1);
            }
            Err(err) if is_ln => {
                ctx.error(prog, format!("failed to access {}: {err}", quote(dir)));
                return Err(1);
            }
            Err(err) => {
                ctx.error(prog, format!("target directory {}: {err}", quote(dir)));
                return Err(1);
            }
        }
        if operands.is_empty() {
            return Err(args::usage_error(ctx, prog, "missing file operand"));
        }
        return Ok(into(dir, operands));
    }
    match operands {
        [] => Err(args::usage_error(ctx, prog, "missing file operand")),
        [one] if is_ln && !how.no_target_dir => Ok(into(".", std::slice::from_ref(one))),
        [one] => Err(args::usage_error(ctx, prog, &format!("missing destination file operand after {}", quote(one)))),
        [src, dst] if how.no_target_dir => Ok(vec![(src.clone(), dst.clone())]),
        [_, _, extra, ..] if how.no_target_dir => {
            Err(args::usage_error(ctx, prog, &format!("extra operand {}", quote(extra))))
        }
        [src, dst] => {
            if dir_kind(ctx, dst).unwrap_or(false) {
                Ok(into(dst, std::slice::from_ref(src)))
            } else {
                Ok(vec![(src.clone(), dst.clone())])
            }
        }
        [srcs @ .., dst] => match dir_kind(ctx, dst) {
            Ok(true) => Ok(into(dst, srcs)),
            Ok(false) if is_ln => {
                ctx.error(prog, format!("target {} is not a directory", quote(dst)));
                Err(1)
            }
            result => {
                let err = result.err().unwrap_or(FsError::NotDir);
                ctx.error(prog, format!("target {}: {err}", quote(dst)));
                Err(1)
            }
        },
    }
}

/// One file met by [`walk`].
#[derive(Debug, Clone)]
pub struct Visit<'p> {
    /// Its path, built from the operand (`a/b/c`).
    pub path: &'p str,
    /// Its name in its directory (the operand itself at depth 0).
    pub name: &'p str,
    /// Its metadata, not following a symlink (at depth 0, whatever the caller chose).
    pub meta: &'p Metadata,
    /// How far below the operand it is (0 for the operand).
    pub depth: usize,
}

/// What a visitor wants after seeing a file before its children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Visit the directory's entries, then call [`Visitor::leave`].
    Descend,
    /// Do not descend; the file's outcome is this success flag.
    Done(bool),
}

/// The order in which [`walk`] visits a directory's entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// By name, byte order (what `rm` and `chmod` see here).
    Name,
    /// By inode number, i.e. creation order (what `cp`'s sorted directory reading gives).
    Inode,
}

/// The callbacks of a [`walk`].
pub trait Visitor {
    /// Called on every file before its entries; directories may ask to be descended into.
    fn enter(&mut self, ctx: &mut Ctx, visit: &Visit) -> Step;
    /// Called when a directory to descend into cannot be listed; returns the outcome.
    fn unreadable(&mut self, ctx: &mut Ctx, visit: &Visit, err: FsError) -> bool;
    /// Called after a directory's entries; `children_ok` says whether they all succeeded.
    fn leave(&mut self, ctx: &mut Ctx, visit: &Visit, children_ok: bool) -> bool;
    /// Whether the whole walk must stop now (checked after every file).
    fn aborted(&self) -> bool {
        false
    }
}

/// Walks the tree under `path` (whose metadata the caller looked up) depth first, never
/// following symbolic links below the operand and never going deeper than [`MAX_DEPTH`].
/// Returns whether every file succeeded.
pub fn walk(ctx: &mut Ctx, prog: &str, path: &str, meta: &Metadata, order: Order, visitor: &mut dyn Visitor) -> bool {
    let name = last_component(path).to_string();
    let mut budget = MAX_VISITS;
    walk_at(ctx, prog, &Visit { path, name: &name, meta, depth: 0 }, order, visitor, &mut budget)
}

/// Reports a venvlab limit that stopped a walk: `prog: message` on stderr and in the trace.
pub fn limit(ctx: &mut Ctx, prog: &str, message: &str) {
    ctx.trace.push(Event::Limit(format!("{prog}: {message}")));
    ctx.error(prog, message);
}

/// Most files one [`walk`] visits (the tree holds fewer, but `cp -L` may see some twice).
pub const MAX_VISITS: usize = 100_000;

fn walk_at(
    ctx: &mut Ctx,
    prog: &str,
    visit: &Visit,
    order: Order,
    visitor: &mut dyn Visitor,
    budget: &mut usize,
) -> bool {
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    if *budget == 0 {
        limit(ctx, prog, &format!("stopped after visiting {MAX_VISITS} files (venvlab limit)"));
        return false;
    }
    match visitor.enter(ctx, visit) {
        Step::Done(ok) => return ok,
        Step::Descend => {}
    }
    if visit.depth >= MAX_DEPTH {
        limit(ctx, prog, &format!("{}: directory nesting deeper than {MAX_DEPTH} levels (venvlab limit)", quotef(visit.path)));
        return false;
    }
    let mut entries = match ctx.fs.read_dir(visit.path) {
        Ok(entries) => entries,
        Err(err) => return visitor.unreadable(ctx, visit, err),
    };
    if order == Order::Inode {
        crate::sort::sort_by_key(&mut entries, |e| e.ino);
    }
    let mut ok = true;
    for entry in entries {
        if visitor.aborted() {
            return false;
        }
        let child = join(visit.path, &entry.name);
        let meta = match ctx.fs.lstat(&child) {
            Ok(meta) => meta,
            Err(_) => continue,
        };
        let next = Visit { path: &child, name: &entry.name, meta: &meta, depth: visit.depth + 1 };
        ok &= walk_at(ctx, prog, &next, order, visitor, budget);
    }
    if visitor.aborted() {
        return false;
    }
    visitor.leave(ctx, visit, ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoteaf_matches_gnu() {
        assert_eq!(quote("work"), "'work'");
        assert_eq!(quote("q'r s"), "\"q'r s\"");
        assert_eq!(quote("a\"b'c"), "'a\"b'\\''c'");
        assert_eq!(quote("it's $x"), "'it'\\''s $x'");
        assert_eq!(quote("t\tb"), "'t'$'\\t''b'");
        assert_eq!(quote("a\n\nb"), "'a'$'\\n\\n''b'");
        assert_eq!(quote("\nb"), "''$'\\n''b'");
        assert_eq!(quote("b\n"), "'b'$'\\n'");
        assert_eq!(quote("a\x01b"), "'a'$'\\001''b'");
        assert_eq!(quote("a~'"), "'a~'\\'''");
        assert_eq!(quote("#a'b"), "\"#a'b\"");
        assert_eq!(quote(""), "''");
    }

    #[test]
    fn quotef_only_when_needed() {
        assert_eq!(quotef("nope/x"), "nope/x");
        assert_eq!(quotef("x y/z"), "'x y/z'");
        assert_eq!(quotef("a:b"), "'a:b'");
        assert_eq!(quotef("a~"), "a~");
        assert_eq!(quotef("~a"), "'~a'");
        assert_eq!(quotef("-x"), "-x");
        assert_eq!(quotef("é"), "é");
        assert_eq!(quotef("a'b:"), "\"a'b:\"");
        assert_eq!(quotef(""), "''");
    }

    #[test]
    fn locale_quotes() {
        assert_eq!(quote_locale("work"), "‘work’");
        assert_eq!(quote_locale("x/a\n\nb"), "‘x/a\\n\\nb’");
    }

    /// Lesson 11's commands that are file commands, with the golden transcript's output.
    #[test]
    fn golden_11_file_commands() {
        use super::testing::{example, names, run};
        let (mut fs, env) = example();
        let steps: &[(&str, &str, i32)] = &[
            ("mkdir work", "", 0),
            ("mkdir work", "mkdir: cannot create directory ‘work’: File exists\n", 1),
            ("mkdir a/b", "mkdir: cannot create directory ‘a/b’: No such file or directory\n", 1),
            ("mkdir -p a/b", "", 0),
            ("rmdir a", "rmdir: failed to remove 'a': Directory not empty\n", 1),
            ("rmdir main.py", "rmdir: failed to remove 'main.py': Not a directory\n", 1),
            ("rmdir nope", "rmdir: failed to remove 'nope': No such file or directory\n", 1),
            ("touch work/one.txt work/two.txt", "", 0),
            ("rm work", "rm: cannot remove 'work': Is a directory\n", 1),
            ("rm nope", "rm: cannot remove 'nope': No such file or directory\n", 1),
            ("rm -f nope", "", 0),
            ("mv nope dest", "mv: cannot stat 'nope': No such file or directory\n", 1),
            ("mv work work/inner", "mv: cannot move 'work' to a subdirectory of itself, 'work/inner'\n", 1),
            ("mv work/one.txt work/uno.txt", "", 0),
            ("mv work/uno.txt a", "", 0),
            ("cp a copy", "cp: -r not specified; omitting directory 'a'\n", 1),
            ("cp -r a copy", "", 0),
            ("ln -s b a/link-to-b", "", 0),
            ("cp -a a a2", "", 0),
            ("cp main.py main.py", "cp: 'main.py' and 'main.py' are the same file\n", 1),
            ("ln -s main.py m", "", 0),
            ("ln -s main.py m", "ln: failed to create symbolic link 'm': File exists\n", 1),
            ("ln -sf .vscode m", "", 0),
            ("ln -s a dirlink", "", 0),
            ("ln -sf work dirlink", "", 0),
            ("ln -sfn work dirlink", "", 0),
            ("readlink m", ".vscode\n", 0),
            ("readlink -f m", "/home/kai/Projects/example/.vscode\n", 0),
            ("readlink main.py", "", 1),
            ("realpath a/link-to-b", "/home/kai/Projects/example/a/b\n", 0),
            ("realpath nope", "/home/kai/Projects/example/nope\n", 0),
            ("realpath nope/x", "realpath: nope/x: No such file or directory\n", 1),
            ("chmod +x main.py", "", 0),
            ("chmod u-w main.py", "", 0),
            ("chmod 9x main.py", "chmod: invalid mode: ‘9x’\nTry 'chmod --help' for more information.\n", 1),
            ("rm -r a a2 copy", "", 0),
            ("basename /a/b/file.tar.gz .gz", "file.tar\n", 0),
            ("basename dir/sub/", "sub\n", 0),
            ("dirname /a/b/", "/a\n", 0),
            ("dirname file", ".\n", 0),
        ];
        for (line, output, status) in steps {
            let (out, err, got) = run(&mut fs, &env, line);
            assert_eq!((format!("{out}{err}"), got), (output.to_string(), *status), "{line}");
            if *line == "cp -a a a2" {
                assert_eq!(names(&fs, "a2"), ["b", "link-to-b", "uno.txt"]);
            }
            if *line == "ln -sf work dirlink" {
                assert_eq!(names(&fs, "a"), ["b", "link-to-b", "uno.txt", "work"]);
            }
        }
        assert_eq!(fs.stat("main.py").unwrap().perm, 0o555);
        assert_eq!(names(&fs, "."), [".vscode", "dirlink", "m", "main.py", "work"]);
    }

    #[test]
    fn recursion_stops_at_the_depth_limit() {
        use super::testing::{example, run};
        let (mut fs, env) = example();
        let deep = vec!["d"; MAX_DEPTH + 2].join("/");
        assert_eq!(run(&mut fs, &env, &format!("mkdir -p {deep}")).2, 0);
        let (out, err, status) = run(&mut fs, &env, "rm -r d");
        let at = vec!["d"; MAX_DEPTH + 1].join("/");
        assert_eq!(out, "");
        assert_eq!(err, format!("rm: {at}: directory nesting deeper than 64 levels (venvlab limit)\n"));
        assert_eq!(status, 1);
        assert!(fs.lstat(&at).is_ok());
        assert!(fs.lstat(&deep).is_ok());
    }

    #[test]
    fn messages_quote_odd_names() {
        use crate::programs::run_for_test;
        let (mut fs, env) = super::testing::example();
        let (_, err, _) = run_for_test(&mut fs, &env, &["rm", "x y", "q'r"], b"");
        assert_eq!(
            err,
            "rm: cannot remove 'x y': No such file or directory\nrm: cannot remove \"q'r\": No such file or directory\n"
        );
        let (_, err, _) = run_for_test(&mut fs, &env, &["mkdir", "main.py"], b"");
        assert_eq!(err, "mkdir: cannot create directory ‘main.py’: File exists\n");
    }

    #[test]
    fn path_helpers() {
        assert_eq!(join("a/", "b"), "a/b");
        assert_eq!(join("/", "b"), "/b");
        assert_eq!(join("s/.", "g"), "s/./g");
        assert_eq!(last_component("a/b//"), "b");
        assert_eq!(last_component("//"), "/");
        assert_eq!(strip_trailing_slashes("d//"), "d");
        assert_eq!(fts_name("d//"), "d/");
        assert_eq!(fts_name("d"), "d");
        assert!(is_dot_or_dotdot("x/./"));
        assert!(!is_dot_or_dotdot("x/.a"));
    }
}

/// Helpers for the programs' tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::fs::{Fs, Ino};
    use crate::programs::{run_for_test, test_machine, Env};

    /// The test machine, working in `/home/kai/Projects/example` holding `main.py` and the
    /// directory `.vscode`, as the golden transcripts start.
    pub fn example() -> (Fs, Env) {
        let (mut fs, env) = test_machine();
        fs.mkdir("/home/kai/Projects", 0o755).unwrap();
        fs.mkdir("/home/kai/Projects/example", 0o755).unwrap();
        fs.chdir("/home/kai/Projects/example").unwrap();
        fs.write("main.py", b"print('hello')\n").unwrap();
        fs.mkdir(".vscode", 0o755).unwrap();
        (fs, env)
    }

    /// Runs one command line (split on spaces) and returns (stdout, stderr, status).
    pub fn run(fs: &mut Fs, env: &Env, line: &str) -> (String, String, i32) {
        let argv: Vec<&str> = line.split(' ').collect();
        run_for_test(fs, env, &argv, b"")
    }

    /// Runs `prog` with `args`, `stdin` as standard input; returns (stdout, stderr, status).
    pub fn run_args(fs: &mut Fs, env: &Env, prog: &str, args: &[&str], stdin: &[u8]) -> (String, String, i32) {
        let mut argv = vec![prog];
        argv.extend_from_slice(args);
        run_for_test(fs, env, &argv, stdin)
    }

    /// Runs `prog` with `args` on a fresh [`test_machine`], `stdin` as standard input.
    pub fn fresh(prog: &str, args: &[&str], stdin: &[u8]) -> (String, String, i32) {
        let (mut fs, env) = test_machine();
        run_args(&mut fs, &env, prog, args, stdin)
    }

    /// What a run returns that succeeds printing `text` on stdout alone.
    pub fn out(text: &str) -> (String, String, i32) {
        (text.to_string(), String::new(), 0)
    }

    /// What a run returns that fails (status 1) printing `text` on stderr alone.
    pub fn err(text: &str) -> (String, String, i32) {
        (String::new(), text.to_string(), 1)
    }

    /// Runs a command that must succeed silently.
    pub fn ok(fs: &mut Fs, env: &Env, line: &str) {
        assert_eq!(run(fs, env, line), out(""), "{line}");
    }

    /// The inode a path names, not following a final symlink.
    pub fn ino(fs: &Fs, path: &str) -> Ino {
        fs.lstat(path).unwrap().ino
    }

    /// The names in a directory.
    pub fn names(fs: &Fs, dir: &str) -> Vec<String> {
        fs.read_dir(dir).unwrap().into_iter().map(|e| e.name).collect()
    }
}
