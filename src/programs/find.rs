//! `find`: search directory trees, as GNU findutils 4.9.0 does.
//!
//! Supports the leading options `-P` (the default: never follow symbolic links), `-L` (follow
//! them everywhere; a link leading nowhere stays a link) and `-H` (follow only the starting
//! points); starting points (default `.`); the global options `-maxdepth`, `-mindepth` and
//! `-depth`; the tests `-name`, `-iname`, `-path`/`-wholename`, `-ipath`/`-iwholename`,
//! `-type` (a comma list such as `f,l`), `-empty`, `-newer`, `-true`, `-false`; the actions
//! `-print` (the default when the expression has no action; on a terminal it shows a control
//! character as `?`), `-print0`, `-prune` and `-delete` (which turns on `-depth`, as the real
//! one does); `--help` and `--version`; and the operators `!`/`-not`, `-a`/`-and` (also
//! implicit), `-o`/`-or`, `,` and parentheses. Errors and their wording, the exit status (1
//! after any error) and the warnings about a global option placed after a test and a `/` in a
//! `-name` pattern (printed, as find does, only when standard input is a terminal) are find's. Not modelled: `-exec`,
//! `-printf`, `-ls`, `-size`, `-perm`, `-user` and the other tests and actions, which are
//! unknown predicates here.
//!
//! Order: the real find lists a directory's entries in the order the file system's `readdir`
//! gives them, which differs from one machine to the next; this one lists them in the order
//! the simulated file system's [`crate::fs::Fs::read_dir`] gives, byte order of the names.
//!
//! Bounds: with `-L`, a directory met again below itself is reported as a file system loop and
//! not entered (as fts does); the walk stops [`walk::MAX_DEPTH`] levels below a starting point
//! and after [`walk::MAX_VISITS`] files, saying so.

use super::walk::{self, quote_locale};
use super::Ctx;
use crate::fs::{FileKind, Ino, Metadata};

/// When symbolic links are followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Follow {
    /// `-P`: never.
    Never,
    /// `-H`: the starting points only.
    Args,
    /// `-L`: everywhere.
    Always,
}

/// The options that hold for the whole walk, wherever they stand in the expression.
#[derive(Debug)]
struct Opts {
    follow: Follow,
    max_depth: Option<usize>,
    min_depth: usize,
    depth_first: bool,
}

/// A parsed expression.
#[derive(Debug)]
enum Expr {
    /// `-name`/`-iname` (the flag says whether case is ignored).
    Name(String, bool),
    /// `-path`/`-ipath`.
    Path(String, bool),
    /// `-type`: the letters of the list.
    Type(Vec<char>),
    Empty,
    /// `-newer`: the reference file's modification time.
    Newer(i64),
    Const(bool),
    Print,
    Print0,
    Prune,
    Delete,
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Comma(Box<Expr>, Box<Expr>),
}

impl Expr {
    /// Whether the expression or a part of it is such that `f` holds.
    fn any(&self, f: fn(&Expr) -> bool) -> bool {
        f(self)
            || match self {
                Expr::Not(e) => e.any(f),
                Expr::And(a, b) | Expr::Or(a, b) | Expr::Comma(a, b) => a.any(f) || b.any(f),
                _ => false,
            }
    }
}

/// What `find --help` prints (findutils 4.9.0's text, which names more than this one does).
const HELP: &str = include_str!("find-help.txt");

/// What `find --version` prints.
const VERSION: &str = "find (GNU findutils) 4.9.0\n\
Copyright (C) 2022 Free Software Foundation, Inc.\n\
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n\
This is free software: you are free to change and redistribute it.\n\
There is NO WARRANTY, to the extent permitted by law.\n\
\n\
Written by Eric B. Decker, James Youngman, and Kevin Dalley.\n\
Features enabled: D_TYPE O_NOFOLLOW(enabled) LEAF_OPTIMISATION FTS(FTS_CWDFD) CBO(level=2) \n";

/// The letters `-type` knows (`D`, doors, is refused separately).
const TYPE_LETTERS: &str = "bcdpfls";

/// Entry point of `find`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let mut opts = Opts { follow: Follow::Never, max_depth: None, min_depth: 0, depth_first: false };
    let mut i = 1;
    while let Some(arg) = argv.get(i) {
        match arg.as_str() {
            "-P" => opts.follow = Follow::Never,
            "-L" => opts.follow = Follow::Always,
            "-H" => opts.follow = Follow::Args,
            "--" => {
                i += 1;
                break;
            }
            _ => break,
        }
        i += 1;
    }
    let start = i;
    while argv.get(i).is_some_and(|a| !looks_like_expression(a)) {
        i += 1;
    }
    let mut roots: Vec<String> = argv[start..i].to_vec();
    if roots.is_empty() {
        roots.push(".".into());
    }
    let mut parser = Parser { ctx, args: &argv[i..], pos: 0, opts: &mut opts, first: None };
    let expr = match parser.parse() {
        Ok(expr) => expr,
        // `--help` and `--version` stop the parse having printed their text.
        Err(message) if message.is_empty() => return 0,
        Err(message) => {
            ctx.error("find", message);
            return 1;
        }
    };
    let expr = match expr {
        None => Expr::Print,
        Some(e) if e.any(|e| matches!(e, Expr::Print | Expr::Print0 | Expr::Delete)) => e,
        Some(e) => Expr::And(Box::new(e), Box::new(Expr::Print)),
    };
    let deletes = expr.any(|e| matches!(e, Expr::Delete));
    if deletes && !opts.depth_first && expr.any(|e| matches!(e, Expr::Prune)) {
        ctx.error(
            "find",
            "The -delete action automatically turns on -depth, but -prune does nothing when -depth is in effect.  \
             If you want to carry on anyway, just explicitly use the -depth option.",
        );
        return 1;
    }
    opts.depth_first |= deletes;
    let mut finder = Finder { opts: &opts, expr: &expr, failed: false, budget: walk::MAX_VISITS, prune: false };
    for root in &roots {
        if finder.budget == 0 {
            break;
        }
        finder.root(ctx, root);
    }
    i32::from(finder.failed)
}

/// Whether a word after the starting points begins the expression (find's own test: a dash
/// and more, `!` or `(`).
fn looks_like_expression(arg: &str) -> bool {
    (arg.starts_with('-') && arg.len() > 1) || arg == "!" || arg == "("
}

/// Reads the expression: `,` binds loosest, then `-o`, then `-a` (or nothing), then `!`.
/// An error is find's message; an empty one means `--help` or `--version` printed its text
/// and find is done.
struct Parser<'a, 'c> {
    ctx: &'a mut Ctx<'c>,
    args: &'a [String],
    pos: usize,
    opts: &'a mut Opts,
    /// The first word of the expression that is not a global option, for the warning.
    first: Option<String>,
}

type Parsed = Result<Expr, String>;

/// The levels of binary operators, loosest first: `,`, `-o`, `-a`.
const COMMA: usize = 0;
const OR: usize = 1;
const AND: usize = 2;

impl Parser<'_, '_> {
    fn peek(&self) -> Option<&str> {
        self.args.get(self.pos).map(String::as_str)
    }

    fn parse(&mut self) -> Result<Option<Expr>, String> {
        if self.args.is_empty() {
            return Ok(None);
        }
        let expr = self.expression()?;
        match self.peek() {
            None => Ok(Some(expr)),
            Some(")") => Err("you have too many ')'".into()),
            Some(word) => Err(format!("paths must precede expression: `{word}'")),
        }
    }

    /// After a binary operator: what follows must start an operand.
    fn operand_after(&mut self, op: &str) -> Parsed {
        match self.peek() {
            None | Some(")") => Err(format!("expected an expression after '{op}'")),
            _ => self.unary(),
        }
    }

    /// A whole expression: an operand, then operators of every level.
    fn expression(&mut self) -> Parsed {
        let first = self.unary()?;
        self.extend(COMMA, first)
    }

    /// Takes `left` through the operators of `level` and of every tighter one.
    fn extend(&mut self, level: usize, mut left: Expr) -> Parsed {
        for tighter in (level..=AND).rev() {
            left = self.binary_rest(tighter, left)?;
        }
        Ok(left)
    }

    /// Reads the operators of one level after `left` (at `AND`, nothing between two operands
    /// is an implicit `-a`), each right operand taken through the tighter levels.
    fn binary_rest(&mut self, level: usize, mut left: Expr) -> Parsed {
        loop {
            let Some(word) = self.peek() else { return Ok(left) };
            let op = match (level, word) {
                (COMMA, ",") | (OR, "-o" | "-or") | (AND, "-a" | "-and") => Some(word.to_string()),
                (AND, ")" | "-o" | "-or" | ",") => return Ok(left),
                (AND, _) => None,
                _ => return Ok(left),
            };
            let right = match op {
                Some(op) => {
                    self.pos += 1;
                    self.operand_after(&op)?
                }
                None => self.unary()?,
            };
            let right = self.extend(level + 1, right)?;
            let (l, r) = (Box::new(left), Box::new(right));
            left = match level {
                COMMA => Expr::Comma(l, r),
                OR => Expr::Or(l, r),
                _ => Expr::And(l, r),
            };
        }
    }

    fn unary(&mut self) -> Parsed {
        let Some(word) = self.args.get(self.pos).cloned() else {
            return Err("invalid expression".into());
        };
        if !matches!(word.as_str(), "-maxdepth" | "-mindepth" | "-depth") && self.first.is_none() {
            self.first = Some(word.clone());
        }
        self.pos += 1;
        match word.as_str() {
            "!" | "-not" => match self.peek() {
                None | Some(")") => Err(format!("expected an expression after '{word}'")),
                _ => Ok(Expr::Not(Box::new(self.unary()?))),
            },
            "(" => {
                if self.peek() == Some(")") {
                    return Err("invalid expression; empty parentheses are not allowed.".into());
                }
                let inner = self.expression()?;
                if self.peek() != Some(")") {
                    return Err("invalid expression; I was expecting to find a ')' somewhere but did not see one.".into());
                }
                self.pos += 1;
                Ok(inner)
            }
            ")" => Err("you have too many ')'".into()),
            "-o" | "-or" | "-a" | "-and" | "," => {
                Err(format!("invalid expression; you have used a binary operator '{word}' with nothing before it."))
            }
            _ => self.primary(&word),
        }
    }

    /// The argument of a test or option.
    fn argument(&mut self, word: &str) -> Result<String, String> {
        let arg = self.args.get(self.pos).cloned().ok_or_else(|| format!("missing argument to `{word}'"))?;
        self.pos += 1;
        Ok(arg)
    }

    /// A global option after the expression has begun draws find's warning (on a terminal).
    fn global_option(&mut self, word: &str) {
        if let (Some(first), true) = (&self.first, self.ctx.stdin_is_tty()) {
            let message = format!(
                "warning: you have specified the global option {word} after the argument {first}, but global \
                 options are not positional, i.e., {word} affects tests specified before it as well as those \
                 specified after it.  Please specify global options before other arguments."
            );
            self.ctx.error("find", message);
        }
    }

    fn primary(&mut self, word: &str) -> Parsed {
        Ok(match word {
            "-maxdepth" | "-mindepth" => {
                let arg = self.argument(word)?;
                let depth = (!arg.is_empty() && arg.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| arg.parse::<usize>().ok())
                    .flatten()
                    .ok_or_else(|| {
                        format!("Expected a positive decimal integer argument to {word}, but got {}", quote_locale(&arg))
                    })?;
                self.global_option(word);
                if word == "-maxdepth" {
                    self.opts.max_depth = Some(depth);
                } else {
                    self.opts.min_depth = depth;
                }
                Expr::Const(true)
            }
            "-depth" => {
                self.global_option(word);
                self.opts.depth_first = true;
                Expr::Const(true)
            }
            "-name" | "-iname" => {
                let pattern = self.argument(word)?;
                if pattern.contains('/') && self.ctx.stdin_is_tty() {
                    let alt = if word == "-iname" { "-iwholename" } else { "-wholename" };
                    let message = format!(
                        "warning: {} matches against basenames only, but the given pattern contains a directory \
                         separator ({}), thus the expression will evaluate to false all the time.  Did you mean {}?",
                        quote_locale(word),
                        quote_locale("/"),
                        quote_locale(alt)
                    );
                    self.ctx.error("find", message);
                }
                Expr::Name(pattern, word == "-iname")
            }
            "-path" | "-wholename" | "-ipath" | "-iwholename" => {
                Expr::Path(self.argument(word)?, word.starts_with("-i"))
            }
            "-type" => Expr::Type(type_list(&self.argument(word)?)?),
            "-newer" => {
                let file = self.argument(word)?;
                let meta = match self.opts.follow {
                    Follow::Never => self.ctx.fs.lstat(&file),
                    _ => self.ctx.fs.stat(&file),
                };
                Expr::Newer(meta.map_err(|err| format!("{}: {err}", quote_locale(&file)))?.mtime)
            }
            "-help" | "--help" | "-version" | "--version" => {
                self.ctx.out(if word.ends_with("help") { HELP } else { VERSION });
                return Err(String::new());
            }
            "-empty" => Expr::Empty,
            "-true" => Expr::Const(true),
            "-false" => Expr::Const(false),
            "-print" => Expr::Print,
            "-print0" => Expr::Print0,
            "-prune" => Expr::Prune,
            "-delete" => Expr::Delete,
            _ if word.starts_with('-') => return Err(format!("unknown predicate `{word}'")),
            _ => return Err(format!("paths must precede expression: `{word}'")),
        })
    }
}

/// The letters of a `-type` list (`f`, `f,l`), refused as find refuses them.
fn type_list(arg: &str) -> Result<Vec<char>, String> {
    if arg.is_empty() {
        return Err("Arguments to -type should contain at least one letter".into());
    }
    let chars: Vec<char> = arg.chars().collect();
    let mut letters = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if i % 2 == 1 {
            if c != ',' {
                return Err("Must separate multiple arguments to -type using: ','".into());
            }
            if i + 1 == chars.len() {
                return Err(
                    "Last file type in list argument to -type is missing, i.e., list is ending on: ','".into()
                );
            }
            continue;
        }
        if c == 'D' {
            return Err("-type D is not supported because Solaris doors are not supported on the platform find was compiled on.".into());
        }
        if !TYPE_LETTERS.contains(c) {
            return Err(format!("Unknown argument to -type: {c}"));
        }
        if letters.contains(&c) {
            return Err(format!("Duplicate file type '{c}' in the argument list to -type."));
        }
        letters.push(c);
    }
    Ok(letters)
}

/// The letter `-type` gives a file.
fn type_letter(meta: &Metadata) -> char {
    match meta.kind {
        FileKind::File => 'f',
        FileKind::Dir => 'd',
        FileKind::Symlink => 'l',
    }
}

/// One file met by the walk.
struct File<'p> {
    path: &'p str,
    name: &'p str,
    meta: &'p Metadata,
}

/// The walk and the evaluation of the expression on every file.
struct Finder<'a> {
    opts: &'a Opts,
    expr: &'a Expr,
    /// Whether any error was reported (exit status 1).
    failed: bool,
    /// Files the walk may still visit.
    budget: usize,
    /// Set by `-prune` on the file being evaluated.
    prune: bool,
}

impl Finder<'_> {
    fn report(&mut self, ctx: &mut Ctx, message: impl std::fmt::Display) {
        ctx.error("find", message);
        self.failed = true;
    }

    /// Walks one starting point.
    fn root(&mut self, ctx: &mut Ctx, root: &str) {
        let lmeta = ctx.fs.lstat(root);
        let meta = match (self.opts.follow, lmeta) {
            (Follow::Never, m) => m,
            (_, Ok(l)) if l.kind == FileKind::Symlink => Ok(ctx.fs.stat(root).unwrap_or(l)),
            (_, m) => m,
        };
        match meta {
            Ok(meta) => {
                let name = walk::last_component(root).to_string();
                self.visit(ctx, &File { path: root, name: &name, meta: &meta }, 0, &mut Vec::new());
            }
            Err(err) => self.report(ctx, format!("{}: {err}", quote_locale(root))),
        }
    }

    /// Visits a file and, for a directory, what is below it; `ancestors` are the directories
    /// above it (inode and path), to notice loops.
    fn visit(&mut self, ctx: &mut Ctx, file: &File, depth: usize, ancestors: &mut Vec<(Ino, String)>) {
        if self.budget == 0 {
            return;
        }
        self.budget -= 1;
        if self.budget == 0 {
            self.failed = true;
            walk::limit(ctx, "find", &format!("stopped after visiting {} files (venvlab limit)", walk::MAX_VISITS));
            return;
        }
        let is_dir = file.meta.kind == FileKind::Dir;
        if is_dir {
            if let Some((_, above)) = ancestors.iter().find(|(ino, _)| *ino == file.meta.ino) {
                let message = format!(
                    "File system loop detected; {} is part of the same file system loop as {}.",
                    quote_locale(file.path),
                    quote_locale(above)
                );
                self.report(ctx, message);
                return;
            }
        }
        let evaluate = depth >= self.opts.min_depth;
        self.prune = false;
        if evaluate && !self.opts.depth_first {
            self.eval(ctx, self.expr, file);
        }
        let pruned = self.prune && !self.opts.depth_first;
        if is_dir && !pruned && self.opts.max_depth.is_none_or(|max| depth < max) {
            self.descend(ctx, file, depth, ancestors);
        }
        if evaluate && self.opts.depth_first {
            self.eval(ctx, self.expr, file);
        }
    }

    /// Visits a directory's entries.
    fn descend(&mut self, ctx: &mut Ctx, dir: &File, depth: usize, ancestors: &mut Vec<(Ino, String)>) {
        if depth >= walk::MAX_DEPTH {
            self.failed = true;
            let message = format!(
                "{}: directory nesting deeper than {} levels (venvlab limit)",
                walk::quotef(dir.path),
                walk::MAX_DEPTH
            );
            walk::limit(ctx, "find", &message);
            return;
        }
        let entries = match ctx.fs.read_dir(dir.path) {
            Ok(entries) => entries,
            Err(err) => return self.report(ctx, format!("{}: {err}", quote_locale(dir.path))),
        };
        ancestors.push((dir.meta.ino, dir.path.to_string()));
        for entry in entries {
            if self.budget == 0 {
                break;
            }
            // As fts builds it: the starting point as typed, one slash unless it ends in one.
            let path = if dir.path.ends_with('/') {
                format!("{}{}", dir.path, entry.name)
            } else {
                format!("{}/{}", dir.path, entry.name)
            };
            let Ok(lmeta) = ctx.fs.lstat(&path) else { continue };
            let meta = if self.opts.follow == Follow::Always && lmeta.kind == FileKind::Symlink {
                ctx.fs.stat(&path).unwrap_or(lmeta)
            } else {
                lmeta
            };
            self.visit(ctx, &File { path: &path, name: &entry.name, meta: &meta }, depth + 1, ancestors);
        }
        ancestors.pop();
    }

    /// Evaluates the expression on a file, acting as it goes.
    fn eval(&mut self, ctx: &mut Ctx, expr: &Expr, file: &File) -> bool {
        match expr {
            Expr::Name(pattern, fold) => glob(pattern, file.name, *fold),
            Expr::Path(pattern, fold) => glob(pattern, file.path, *fold),
            Expr::Type(letters) => letters.contains(&type_letter(file.meta)),
            Expr::Empty => match file.meta.kind {
                FileKind::File => file.meta.size == 0,
                FileKind::Dir => match ctx.fs.read_dir(file.path) {
                    Ok(entries) => entries.is_empty(),
                    Err(err) => {
                        self.report(ctx, format!("{}: {err}", quote_locale(file.path)));
                        false
                    }
                },
                FileKind::Symlink => false,
            },
            Expr::Newer(time) => file.meta.mtime > *time,
            Expr::Const(value) => *value,
            Expr::Print if ctx.stdout_is_tty() => {
                let shown: String = file.path.chars().map(|c| if c.is_control() { '?' } else { c }).collect();
                ctx.out(format!("{shown}\n"));
                true
            }
            Expr::Print | Expr::Print0 => {
                let end = if matches!(expr, Expr::Print) { '\n' } else { '\0' };
                ctx.out(format!("{}{end}", file.path));
                true
            }
            Expr::Prune => {
                self.prune = true;
                true
            }
            Expr::Delete => self.delete(ctx, file),
            Expr::Not(e) => !self.eval(ctx, e, file),
            Expr::And(a, b) => self.eval(ctx, a, file) && self.eval(ctx, b, file),
            Expr::Or(a, b) => self.eval(ctx, a, file) || self.eval(ctx, b, file),
            Expr::Comma(a, b) => {
                self.eval(ctx, a, file);
                self.eval(ctx, b, file)
            }
        }
    }

    /// `-delete`: removes the file (a directory with `rmdir`); `.` itself is left alone.
    fn delete(&mut self, ctx: &mut Ctx, file: &File) -> bool {
        if file.path == "." {
            return true;
        }
        // The kind find saw, so with -L a link to a directory is given to rmdir, which refuses.
        let result = if file.meta.kind == FileKind::Dir { ctx.fs.rmdir(file.path) } else { ctx.fs.unlink(file.path) };
        match result {
            Ok(()) => true,
            Err(err) => {
                self.report(ctx, format!("cannot delete {}: {err}", quote_locale(file.path)));
                false
            }
        }
    }
}

/// Whether a name or path matches a glob, case folded when asked (`-iname`, `-ipath`).
fn glob(pattern: &str, text: &str, fold: bool) -> bool {
    if fold {
        crate::fnmatch::matches(&pattern.to_lowercase(), &text.to_lowercase())
    } else {
        crate::fnmatch::matches(pattern, text)
    }
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::{self, err, ok, out, run, run_args};
    use super::super::Env;
    use crate::fs::Fs;

    /// Golden `19-find`'s `proj` tree inside `~/Projects/example`.
    fn example() -> (Fs, Env) {
        let (mut fs, env) = testing::example();
        for dir in ["proj", "proj/src", "proj/src/pkg", "proj/docs", "proj/empty"] {
            fs.mkdir(dir, 0o755).unwrap();
        }
        for file in ["proj/src/pkg/__init__.py", "proj/src/app.py", "proj/docs/readme.md", "proj/docs/Notes.MD", "proj/.env"] {
            fs.write(file, b"").unwrap();
        }
        fs.write("proj/README.md", b"# proj\n").unwrap();
        fs.symlink("src/app.py", "proj/app-link.py").unwrap();
        fs.symlink("docs", "proj/d").unwrap();
        fs.symlink("nowhere", "proj/broken").unwrap();
        (fs, env)
    }

    fn find(fs: &mut Fs, env: &Env, args: &[&str]) -> (String, String, i32) {
        run_args(fs, env, "find", args, b"")
    }

    /// The lines of a successful run's output.
    fn lines(fs: &mut Fs, env: &Env, args: &[&str]) -> Vec<String> {
        let (stdout, stderr, status) = find(fs, env, args);
        assert_eq!((stderr.as_str(), status), ("", 0), "{args:?}");
        stdout.lines().map(str::to_string).collect()
    }

    #[test]
    fn lists_everything_in_the_file_systems_order() {
        let (mut fs, env) = example();
        assert_eq!(
            lines(&mut fs, &env, &["proj"]),
            [
                "proj", "proj/.env", "proj/README.md", "proj/app-link.py", "proj/broken", "proj/d", "proj/docs",
                "proj/docs/Notes.MD", "proj/docs/readme.md", "proj/empty", "proj/src", "proj/src/app.py",
                "proj/src/pkg", "proj/src/pkg/__init__.py",
            ]
        );
        fs.chdir("proj/src").unwrap();
        assert_eq!(lines(&mut fs, &env, &[]), [".", "./app.py", "./pkg", "./pkg/__init__.py"]);
        assert_eq!(lines(&mut fs, &env, &["..", "-name", "app.py"]), ["../src/app.py"]);
        assert_eq!(lines(&mut fs, &env, &["/", "-maxdepth", "1", "-name", "ho*"]), ["/home"]);
    }

    #[test]
    fn tests_and_operators() {
        let (mut fs, env) = example();
        let cases: &[(&[&str], &[&str])] = &[
            (&["proj", "-name", "*.md"], &["proj/README.md", "proj/docs/readme.md"]),
            (&["proj", "-iname", "*.md"], &["proj/README.md", "proj/docs/Notes.MD", "proj/docs/readme.md"]),
            (&["proj", "-name", "READ*", "-o", "-name", ".*"], &["proj/.env", "proj/README.md"]),
            (&["proj", "-type", "l,d", "-mindepth", "1", "-maxdepth", "1"], &[
                "proj/app-link.py", "proj/broken", "proj/d", "proj/docs", "proj/empty", "proj/src",
            ]),
            (&["proj", "-path", "*src*", "-type", "f"], &["proj/src/app.py", "proj/src/pkg/__init__.py"]),
            (&["proj", "-wholename", "proj/docs/*"], &["proj/docs/Notes.MD", "proj/docs/readme.md"]),
            (&["proj", "-ipath", "*NOTES*"], &["proj/docs/Notes.MD"]),
            (&["proj", "-empty", "-type", "d"], &["proj/empty"]),
            (&["proj", "!", "-type", "d", "-a", "-not", "-type", "f"], &["proj/app-link.py", "proj/broken", "proj/d"]),
            (&["proj", "(", "-name", "src", "-o", "-name", "docs", ")", "-type", "d"], &["proj/docs", "proj/src"]),
            (&["proj", "-name", "x", ",", "-name", "d"], &["proj/d"]),
            (&["proj", "-name", "d", "-o", "-name", "src", "-type", "f"], &["proj/d"]),
            (&["proj", "-name", "x", ",", "-name", "d", "-o", "-name", "src"], &["proj/d", "proj/src"]),
            (&["proj", "!", "!", "-name", "d", "-and", "-type", "l"], &["proj/d"]),
            (&["proj", "-type", "d", "-name", "src", "-o", "-type", "f", "-name", "app*", "-print"], &["proj/src/app.py"]),
            (&["proj", "-name", "src", "-prune", "-o", "-name", "*.py", "-print"], &["proj/app-link.py"]),
            (&["proj", "-false", "-o", "-true", "-name", "empty"], &["proj/empty"]),
            (&["proj/", "-maxdepth", "0", "-name", "proj"], &["proj/"]),
            (&["proj/docs/", "-name", "readme.md"], &["proj/docs/readme.md"]),
            (&["proj//", "-name", "*.md"], &["proj//README.md", "proj//docs/readme.md"]),
            (&["proj/d/"], &["proj/d/", "proj/d/Notes.MD", "proj/d/readme.md"]),
            (&["-H", "proj/d", "-name", "*.md"], &["proj/d/readme.md"]),
        ];
        for (args, want) in cases {
            assert_eq!(lines(&mut fs, &env, args), *want, "{args:?}");
        }
        assert_eq!(find(&mut fs, &env, &["proj", "-name", "*.md", "-print0"]), out("proj/README.md\0proj/docs/readme.md\0"));
    }

    #[test]
    fn help_and_version_stop_where_they_stand() {
        let (mut fs, env) = example();
        let (text, _, status) = find(&mut fs, &env, &["--version"]);
        assert_eq!((text.lines().next(), status), (Some("find (GNU findutils) 4.9.0"), 0));
        assert!(text.ends_with("CBO(level=2) \n"));
        assert_eq!(find(&mut fs, &env, &["proj", "-help", "-bogus"]), out(super::HELP));
        assert!(super::HELP.starts_with("Usage: find [-H] [-L] [-P] [-Olevel] [-D debugopts] [path...] [expression]\n"));
        assert_eq!(find(&mut fs, &env, &["proj", "-bogus", "--help"]), err("find: unknown predicate `-bogus'\n"));
    }

    #[test]
    fn newer_compares_modification_times() {
        let (mut fs, env) = example();
        fs.set_now(fs.stat("proj/README.md").unwrap().mtime + 60);
        fs.write("proj/new.txt", b"").unwrap();
        assert_eq!(lines(&mut fs, &env, &["proj", "-newer", "proj/README.md"]), ["proj", "proj/new.txt"]);
        assert_eq!(find(&mut fs, &env, &["proj", "-newer", "nope"]), err("find: ‘nope’: No such file or directory\n"));
    }

    #[test]
    fn symbolic_links_are_followed_with_dash_l() {
        let (mut fs, env) = example();
        assert_eq!(lines(&mut fs, &env, &["-L", "proj", "-type", "l"]), ["proj/broken"]);
        assert_eq!(lines(&mut fs, &env, &["-L", "proj", "-name", "readme.md"]), ["proj/d/readme.md", "proj/docs/readme.md"]);
        assert_eq!(lines(&mut fs, &env, &["-P", "proj/d"]), ["proj/d"]);
        ok(&mut fs, &env, "ln -s .. proj/docs/up");
        ok(&mut fs, &env, "ln -s . proj/src/pkg/self");
        let (stdout, stderr, status) = find(&mut fs, &env, &["-L", "proj", "-name", "readme.md"]);
        assert_eq!(stdout, "proj/d/readme.md\nproj/docs/readme.md\n");
        assert_eq!(
            stderr,
            "find: File system loop detected; ‘proj/d/up’ is part of the same file system loop as ‘proj’.\n\
             find: File system loop detected; ‘proj/docs/up’ is part of the same file system loop as ‘proj’.\n\
             find: File system loop detected; ‘proj/src/pkg/self’ is part of the same file system loop as ‘proj/src/pkg’.\n"
        );
        assert_eq!(status, 1);
        assert_eq!(lines(&mut fs, &env, &["proj", "-name", "up"]), ["proj/docs/up"]);
    }

    #[test]
    fn errors_name_the_file_and_fail() {
        let (mut fs, env) = example();
        assert_eq!(find(&mut fs, &env, &["nope"]), err("find: ‘nope’: No such file or directory\n"));
        assert_eq!(
            find(&mut fs, &env, &["proj", "nope", "-name", "README.md"]),
            ("proj/README.md\n".into(), "find: ‘nope’: No such file or directory\n".into(), 1)
        );
        assert_eq!(find(&mut fs, &env, &["proj/src/app.py/"]), err("find: ‘proj/src/app.py/’: Not a directory\n"));
        fs.chmod("proj/src", 0o000).unwrap();
        assert_eq!(
            find(&mut fs, &env, &["proj/src"]),
            ("proj/src\n".into(), "find: ‘proj/src’: Permission denied\n".into(), 1)
        );
        assert_eq!(find(&mut fs, &env, &["proj/src", "-maxdepth", "0", "-empty"]), err("find: ‘proj/src’: Permission denied\n"));
        assert_eq!(
            find(&mut fs, &env, &["proj/src", "-depth"]),
            ("proj/src\n".into(), "find: ‘proj/src’: Permission denied\n".into(), 1)
        );
    }

    #[test]
    fn bad_expressions_are_refused_in_finds_words() {
        let (mut fs, env) = example();
        let cases: &[(&str, &str)] = &[
            ("find proj -bogus", "unknown predicate `-bogus'"),
            ("find proj -L", "unknown predicate `-L'"),
            ("find proj -name", "missing argument to `-name'"),
            ("find proj -maxdepth", "missing argument to `-maxdepth'"),
            ("find proj -name x foo", "paths must precede expression: `foo'"),
            ("find proj -type x", "Unknown argument to -type: x"),
            ("find proj -type f,", "Last file type in list argument to -type is missing, i.e., list is ending on: ','"),
            ("find proj -type fd", "Must separate multiple arguments to -type using: ','"),
            ("find proj -type f,f", "Duplicate file type 'f' in the argument list to -type."),
            ("find proj -type ,f", "Unknown argument to -type: ,"),
            ("find proj -type D", "-type D is not supported because Solaris doors are not supported on the platform find was compiled on."),
            ("find proj -maxdepth x", "Expected a positive decimal integer argument to -maxdepth, but got ‘x’"),
            ("find proj -mindepth -1", "Expected a positive decimal integer argument to -mindepth, but got ‘-1’"),
            ("find proj -maxdepth 99999999999999999999999", "Expected a positive decimal integer argument to -maxdepth, but got ‘99999999999999999999999’"),
            ("find proj ( -name x", "invalid expression; I was expecting to find a ')' somewhere but did not see one."),
            ("find proj ( )", "invalid expression; empty parentheses are not allowed."),
            ("find proj -name x )", "you have too many ')'"),
            ("find proj -o -name x", "invalid expression; you have used a binary operator '-o' with nothing before it."),
            ("find proj -a", "invalid expression; you have used a binary operator '-a' with nothing before it."),
            ("find proj -name x -o", "expected an expression after '-o'"),
            ("find proj !", "expected an expression after '!'"),
            ("find proj -not", "expected an expression after '-not'"),
        ];
        for (line, message) in cases {
            assert_eq!(run(&mut fs, &env, line), err(&format!("find: {message}\n")), "{line}");
        }
        assert_eq!(find(&mut fs, &env, &["proj", "-type", ""]), err("find: Arguments to -type should contain at least one letter\n"));
        // Not on a terminal: no warning about the global option's place.
        assert_eq!(lines(&mut fs, &env, &["proj", "-name", "README.md", "-maxdepth", "1"]), ["proj/README.md"]);
    }

    #[test]
    fn delete_removes_depth_first() {
        let (mut fs, env) = example();
        assert_eq!(find(&mut fs, &env, &["proj", "-maxdepth", "1", "-name", "d", "-type", "l", "-delete"]), out(""));
        assert!(fs.lstat("proj/d").is_err());
        assert_eq!(
            find(&mut fs, &env, &["proj", "-name", "src", "-delete"]),
            err("find: cannot delete ‘proj/src’: Directory not empty\n")
        );
        assert_eq!(find(&mut fs, &env, &["proj/docs", "-delete"]), out(""));
        assert!(fs.lstat("proj/docs").is_err());
        assert_eq!(find(&mut fs, &env, &["proj", "-type", "d", "-empty", "-delete"]), out(""));
        assert_eq!(testing::names(&fs, "proj"), [".env", "README.md", "app-link.py", "broken", "src"]);
        assert_eq!(lines(&mut fs, &env, &["proj/src", "-depth"]), ["proj/src/app.py", "proj/src/pkg/__init__.py", "proj/src/pkg", "proj/src"]);
        assert_eq!(
            find(&mut fs, &env, &["proj", "-prune", "-delete"]),
            err("find: The -delete action automatically turns on -depth, but -prune does nothing when -depth is in \
                 effect.  If you want to carry on anyway, just explicitly use the -depth option.\n")
        );
        ok(&mut fs, &env, "mkdir -p a/b");
        ok(&mut fs, &env, "touch a/b/f");
        ok(&mut fs, &env, "ln -s a l");
        assert_eq!(find(&mut fs, &env, &["-L", "l", "-delete"]), err("find: cannot delete ‘l’: Not a directory\n"));
        assert_eq!(testing::names(&fs, "a"), Vec::<String>::new());
        fs.chdir("proj").unwrap();
        assert_eq!(find(&mut fs, &env, &[".", "-delete"]), out(""));
        assert!(fs.read_dir(".").unwrap().is_empty());
    }

    #[test]
    fn the_walk_is_bounded() {
        let (mut fs, env) = example();
        let deep = vec!["d"; super::walk::MAX_DEPTH + 2].join("/");
        ok(&mut fs, &env, &format!("mkdir -p {deep}"));
        let (stdout, stderr, status) = find(&mut fs, &env, &["d", "-name", "nothing"]);
        let at = vec!["d"; super::walk::MAX_DEPTH + 1].join("/");
        assert_eq!(stdout, "");
        assert_eq!(stderr, format!("find: {at}: directory nesting deeper than 64 levels (venvlab limit)\n"));
        assert_eq!(status, 1);
    }
}
