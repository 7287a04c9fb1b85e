//! `ls`: list directory contents, as GNU coreutils 9.1 does in the `C.UTF-8` locale.
//!
//! Supports `-l -a -A -1 -C -R -d -F -h -w COLS` and `--color[=WHEN]`, with the colours of
//! `LS_COLORS` (see `lscolors`); coloured columns are padded with spaces, never tabs, and a
//! coloured name that runs past the line's width is followed by a clear-to-end-of-line.
//! Operands that are files are listed first, then each
//! directory under a `dir:` heading; names sort in byte order. Without `-l`, `-d` or `-F`, a
//! symbolic link to a directory named on the command line is followed. Output goes one name
//! per line unless standard output is a terminal (or `-C` is given), in which case names are
//! laid out in columns the way GNU does: vertical order, as many columns as fit, tabs every 8.
//! `ls -R` does not follow symbolic links and stops at a depth of 64.

use super::args::{self, ColorWhen, Spec};
use super::fmt::{self, human_size, indicator, ls_date, mode_string};
use super::lscolors::LsColors;
use super::users::{group_name, user_name};
use super::Ctx;
use crate::fs::{join_path, FileKind, FsError, Metadata};

const SPEC: Spec = Spec {
    prog: "ls",
    flags: "laA1CRdFh",
    with_value: "w",
    long: &[
        ("all", "a", false),
        ("almost-all", "A", false),
        ("recursive", "R", false),
        ("directory", "d", false),
        ("classify", "F", false),
        ("human-readable", "h", false),
        ("width", "w", true),
    ],
};

/// Deepest directory level `ls -R` descends to.
const MAX_DEPTH: usize = 64;

/// How names are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Long,
    OnePerLine,
    Columns,
}

/// The options in force.
#[derive(Debug, Clone)]
struct Opts {
    format: Format,
    all: bool,
    almost_all: bool,
    recursive: bool,
    directory: bool,
    classify: bool,
    human: bool,
    /// The colours, when colouring.
    colors: Option<LsColors>,
    /// Whether links' targets are looked at to colour them (GNU's `check_symlink_mode`).
    check_links: bool,
    width: usize,
}

/// One name to list, with what `lstat` (or `stat`, when dereferenced) said about it.
struct Entry {
    name: String,
    meta: Metadata,
    /// For a symbolic link: the target it holds and the target's metadata (`None` if dangling).
    link: Option<(String, Option<Metadata>)>,
}

/// The listing in progress: options, exit status, and whether a colour was emitted yet.
struct Ls<'c, 'a> {
    ctx: &'c mut Ctx<'a>,
    opts: Opts,
    status: i32,
    used_color: bool,
    /// Whether anything was listed yet (a blank line separates later blocks).
    printed: bool,
}

/// Entry point of `ls`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let (color_when, plain) = args::take_color(argv.get(1..).unwrap_or_default());
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, &plain) else { return 2 };
    let color = match color_when.map(|w| w.unwrap_or_else(|| "always".into())) {
        None => false,
        Some(word) => match color_word(&word) {
            Ok(ColorWhen::Always) => true,
            Ok(ColorWhen::Never) => false,
            Ok(ColorWhen::Auto) => ctx.stdout_is_tty(),
            Err(problem) => {
                let message = format!(
                    "{problem} argument \u{2018}{word}\u{2019} for \u{2018}--color\u{2019}\n\
                     Valid arguments are:\n  - \u{2018}always\u{2019}, \u{2018}yes\u{2019}, \u{2018}force\u{2019}\n  \
                     - \u{2018}never\u{2019}, \u{2018}no\u{2019}, \u{2018}none\u{2019}\n  \
                     - \u{2018}auto\u{2019}, \u{2018}tty\u{2019}, \u{2018}if-tty\u{2019}"
                );
                return args::usage_error(ctx, "ls", &message);
            }
        },
    };
    let mut width = ctx.io.columns;
    if let Some(w) = parsed.value("w") {
        match w.parse::<usize>() {
            Ok(0) => width = usize::MAX,
            Ok(n) => width = n,
            Err(_) => {
                ctx.error("ls", format!("invalid line width: \u{2018}{w}\u{2019}"));
                return 2;
            }
        }
    }
    let mut format = if ctx.stdout_is_tty() { Format::Columns } else { Format::OnePerLine };
    for (key, _) in &parsed.opts {
        match key.as_str() {
            "l" => format = Format::Long,
            "1" => format = Format::OnePerLine,
            "C" => format = Format::Columns,
            _ => {}
        }
    }
    let colors = if color {
        let (colors, errors) = LsColors::from_env(|name| ctx.var(name).map(str::to_string));
        for error in errors {
            ctx.error("ls", error);
        }
        colors
    } else {
        None
    };
    let check_links = colors.as_ref().is_some_and(|c| {
        c.is_colored("or")
            || (c.is_colored("ex") && c.link_as_target())
            || (c.is_colored("mi") && format == Format::Long)
    });
    let opts = Opts {
        format,
        all: parsed.has("a"),
        almost_all: parsed.has("A"),
        recursive: parsed.has("R"),
        directory: parsed.has("d"),
        classify: parsed.has("F"),
        human: parsed.has("h"),
        colors,
        check_links,
        width,
    };
    let operands = if parsed.operands.is_empty() { vec![".".to_string()] } else { parsed.operands };
    let mut ls = Ls { ctx, opts, status: 0, used_color: false, printed: false };
    ls.run(&operands);
    ls.status
}

impl Ls<'_, '_> {
    /// Lists the operands: files first, then directories.
    fn run(&mut self, operands: &[String]) {
        let mut files = Vec::new();
        let mut dirs = Vec::new();
        let deref_links = !(self.opts.format == Format::Long || self.opts.directory || self.opts.classify);
        for operand in operands {
            let meta = match self.ctx.fs.lstat(operand) {
                Ok(m) => m,
                Err(e) => {
                    self.ctx.error("ls", format!("cannot access '{operand}': {e}"));
                    self.status = 2;
                    continue;
                }
            };
            let mut entry = self.entry_from(operand.clone(), operand, meta);
            if let (true, Some((_, Some(target)))) = (deref_links, &entry.link) {
                if target.kind == FileKind::Dir {
                    entry = Entry { name: entry.name, meta: target.clone(), link: None };
                }
            }
            if entry.meta.kind == FileKind::Dir && !self.opts.directory {
                dirs.push(operand.clone());
            } else {
                files.push(entry);
            }
        }
        crate::sort::sort_by(&mut files, |a, b| a.name.cmp(&b.name));
        crate::sort::sort(&mut dirs);
        if !files.is_empty() {
            self.print_entries(&files, None);
            self.printed = true;
        }
        let headings = operands.len() > 1 || self.opts.recursive;
        for dir in dirs {
            self.list_dir(&dir, headings, 0);
        }
    }

    /// Builds an entry from `lstat` metadata, reading the link's target if it is one.
    fn entry_from(&self, name: String, path: &str, meta: Metadata) -> Entry {
        let link = if meta.kind == FileKind::Symlink {
            let target = self.ctx.fs.readlink(path).unwrap_or_default();
            Some((target, self.ctx.fs.stat(path).ok()))
        } else {
            None
        };
        Entry { name, meta, link }
    }

    /// Lists one directory (and, with `-R`, the directories below it).
    fn list_dir(&mut self, path: &str, heading: bool, depth: usize) {
        let listing = match self.ctx.fs.read_dir(path) {
            Ok(l) => l,
            Err(e) => {
                let verb = if e == FsError::NotFound { "access" } else { "open directory" };
                self.ctx.error("ls", format!("cannot {verb} '{path}': {e}"));
                self.status = if depth == 0 { 2 } else { self.status.max(1) };
                return;
            }
        };
        let mut names: Vec<String> = Vec::new();
        if self.opts.all {
            names.push(".".into());
            names.push("..".into());
        }
        let show_hidden = self.opts.all || self.opts.almost_all;
        names.extend(listing.into_iter().map(|e| e.name).filter(|n| show_hidden || !n.starts_with('.')));
        crate::sort::sort(&mut names);
        let mut entries = Vec::with_capacity(names.len());
        for name in names {
            let full = join_path(path, &name);
            let full = if name == "." { format!("{path}/.") } else { full };
            match self.ctx.fs.lstat(&full) {
                Ok(meta) => entries.push(self.entry_from(name, &full, meta)),
                Err(e) => {
                    self.ctx.error("ls", format!("cannot access '{full}': {e}"));
                    self.status = self.status.max(1);
                }
            }
        }
        if self.printed {
            self.ctx.out("\n");
        }
        self.printed = true;
        if heading {
            self.ctx.out_fmt(format_args!("{path}:\n"));
        }
        let total: u64 = entries.iter().map(|e| fmt::blocks(&e.meta)).sum();
        self.print_entries(&entries, Some(total));
        if !self.opts.recursive {
            return;
        }
        if depth >= MAX_DEPTH {
            return;
        }
        for entry in &entries {
            if entry.meta.kind == FileKind::Dir && entry.name != "." && entry.name != ".." {
                let sub = if path.ends_with('/') {
                    format!("{path}{}", entry.name)
                } else {
                    format!("{path}/{}", entry.name)
                };
                self.list_dir(&sub, true, depth + 1);
            }
        }
    }

    /// Prints entries in the chosen format; `total` is given for a directory's listing.
    fn print_entries(&mut self, entries: &[Entry], total: Option<u64>) {
        match self.opts.format {
            Format::Long => self.print_long(entries, total),
            Format::OnePerLine => {
                for e in entries {
                    let (text, _) = self.display_name(e);
                    self.ctx.out(text + "\n");
                }
            }
            Format::Columns => {
                let cells: Vec<(String, usize)> = entries.iter().map(|e| self.display_name(e)).collect();
                let text = columns(&cells, self.opts.width, self.opts.colors.is_none());
                self.ctx.out(text);
            }
        }
    }

    /// `ls -l` lines, columns right-aligned (numbers) or left-aligned (names) to the widest.
    fn print_long(&mut self, entries: &[Entry], total: Option<u64>) {
        if let Some(total) = total {
            let shown = if self.opts.human { human_size(total * 1024) } else { total.to_string() };
            self.ctx.out_fmt(format_args!("total {shown}\n"));
        }
        let now = self.ctx.fs.now();
        let rows: Vec<[String; 6]> = entries
            .iter()
            .map(|e| {
                let size = if self.opts.human { human_size(e.meta.size) } else { e.meta.size.to_string() };
                [
                    mode_string(&e.meta),
                    e.meta.nlink.to_string(),
                    user_name(self.ctx.fs, e.meta.uid),
                    group_name(self.ctx.fs, e.meta.gid),
                    size,
                    ls_date(e.meta.mtime, now),
                ]
            })
            .collect();
        let widest = |i: usize| rows.iter().map(|r| fmt::width(&r[i])).max().unwrap_or(0);
        let (wl, wu, wg, ws) = (widest(1), widest(2), widest(3), widest(4));
        for (row, entry) in rows.iter().zip(entries) {
            let [mode, links, user, group, size, date] = row;
            let columns = format!("{mode} {links:>wl$} {user:<wu$} {group:<wg$} {size:>ws$} {date} ");
            let name = self.long_name(entry, columns.len());
            self.ctx.out_fmt(format_args!("{columns}{name}\n"));
        }
    }

    /// The target of a link as `ls` knows it: its metadata when it was looked at and exists.
    /// GNU looks only to colour it or to give it a `-F` indicator in a long listing.
    fn known_target<'e>(&self, e: &'e Entry) -> Option<&'e Metadata> {
        let looked = self.opts.check_links || (self.opts.format == Format::Long && self.opts.classify);
        e.link.as_ref().and_then(|(_, meta)| meta.as_ref()).filter(|_| looked)
    }

    /// The name column of `ls -l` starting at column `start`: the name, and for a link
    /// ` -> target`.
    fn long_name(&mut self, e: &Entry, start: usize) -> String {
        let name = self.painted_name(e, start);
        let Some((target, _)) = &e.link else { return name + self.indicator(e) };
        let known = self.known_target(e);
        let code = self.opts.colors.as_ref().and_then(|c| c.code_for(target, known, known.is_none(), true)).map(str::to_string);
        let painted = self.paint(target, code.as_deref(), start + e.name.len() + 4);
        let indicator = match known {
            Some(meta) if self.opts.classify => indicator(meta),
            _ => "",
        };
        format!("{name} -> {painted}{indicator}")
    }

    /// A name as listed (coloured, with its `-F` indicator) and its width on screen.
    fn display_name(&mut self, e: &Entry) -> (String, usize) {
        let ind = self.indicator(e);
        (self.painted_name(e, 0) + ind, fmt::width(&e.name) + ind.len())
    }

    /// The `-F` indicator of an entry, if asked for.
    fn indicator(&self, e: &Entry) -> &'static str {
        if self.opts.classify {
            indicator(&e.meta)
        } else {
            ""
        }
    }

    /// A name in its colour, starting at column `start` of the line.
    fn painted_name(&mut self, e: &Entry, start: usize) -> String {
        let known = self.known_target(e);
        let code = self.opts.colors.as_ref().and_then(|c| {
            let as_target = known.filter(|_| c.link_as_target());
            c.code_for(&e.name, Some(as_target.unwrap_or(&e.meta)), false, known.is_some())
        });
        let code = code.map(str::to_string);
        self.paint(&e.name, code.as_deref(), start)
    }

    /// Wraps a name starting at column `start` in its colour code when colouring, as GNU
    /// does: a reset before the first colour of the run, the end sequence after the name, and
    /// a clear-to-end-of-line when the name runs onto the next line.
    fn paint(&mut self, text: &str, code: Option<&str>, start: usize) -> String {
        let (Some(colors), Some(code)) = (&self.opts.colors, code) else { return text.to_string() };
        let end = colors.end();
        let mut out = String::new();
        if !self.used_color {
            self.used_color = true;
            out.push_str(&end);
        }
        out.push_str(&colors.sequence(code));
        out.push_str(text);
        out.push_str(&end);
        let last = start + text.len().max(1) - 1;
        if start / self.opts.width != last / self.opts.width {
            out.push_str(colors.code("cl").unwrap_or(""));
        }
        out
    }
}

/// What a `--color` argument means, matched as coreutils' `argmatch` does: exactly, or as an
/// abbreviation of words that all mean the same; otherwise why not (`invalid`, `ambiguous`).
fn color_word(word: &str) -> Result<ColorWhen, &'static str> {
    match args::abbreviation(args::COLOR_WORDS.iter().copied(), word) {
        Ok((_, when)) => Ok(when),
        Err(possible) if possible.is_empty() => Err("invalid"),
        Err(_) => Err("ambiguous"),
    }
}

/// Narrowest a column may be: one character and two spaces.
const MIN_COLUMN_WIDTH: usize = 3;

/// Lays out `(text, width)` cells in columns as GNU `ls -C` does: the most columns whose
/// total width stays under `line_width`, filled top to bottom, padded with tabs every 8 (with
/// `tabs`) or spaces.
fn columns(cells: &[(String, usize)], line_width: usize, tabs: bool) -> String {
    let n = cells.len();
    if n == 0 {
        return String::new();
    }
    let max_cols = (line_width / MIN_COLUMN_WIDTH + usize::from(line_width % MIN_COLUMN_WIDTH != 0)).clamp(1, n);
    let mut best: (usize, Vec<usize>) = (1, vec![0]);
    for cols in 1..=max_cols {
        let rows = n.div_ceil(cols);
        let mut widths = vec![MIN_COLUMN_WIDTH; cols];
        let mut line = cols * MIN_COLUMN_WIDTH;
        for (i, (_, w)) in cells.iter().enumerate() {
            let col = i / rows;
            let real = w + if col == cols - 1 { 0 } else { 2 };
            if let Some(slot) = widths.get_mut(col) {
                if *slot < real {
                    line += real - *slot;
                    *slot = real;
                }
            }
        }
        if line < line_width {
            best = (cols, widths);
        }
    }
    let (cols, widths) = best;
    let rows = n.div_ceil(cols);
    let mut out = String::new();
    for row in 0..rows {
        let mut pos = 0;
        let mut col = 0;
        let mut idx = row;
        while let Some((text, w)) = cells.get(idx) {
            out.push_str(text);
            idx += rows;
            if idx >= n {
                break;
            }
            let target = pos + widths.get(col).copied().unwrap_or(0);
            indent(&mut out, pos + w, target, tabs);
            pos = target;
            col += 1;
        }
        out.push('\n');
    }
    out
}

/// Pads from column `from` to `to` with tabs (stops every 8, with `tabs`) and spaces, as GNU
/// `ls` does.
fn indent(out: &mut String, mut from: usize, to: usize, tabs: bool) {
    while from < to {
        if tabs && to / 8 > (from + 1) / 8 {
            out.push('\t');
            from += 8 - from % 8;
        } else {
            out.push(' ');
            from += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::{self, run_args};
    use super::super::{test_machine, Env};
    use crate::fs::Fs;

    /// The machine of the golden transcripts: `~/Projects/example` with `main.py` and
    /// `.vscode/settings.json`, and the `sort` directory of `10-ls`.
    fn example() -> (Fs, Env) {
        let (mut fs, env) = testing::example();
        fs.write(".vscode/settings.json", b"{}\n").unwrap();
        fs.write("main.py", b"import sys\n").unwrap();
        fs.mkdir("sort", 0o755).unwrap();
        for name in ["B", "a", "_x", ".hidden", "10", "9", "Zeta", "file.txt", "file-2.txt"] {
            fs.write(&format!("sort/{name}"), b"").unwrap();
        }
        (fs, env)
    }

    fn ls(fs: &mut Fs, env: &Env, args: &[&str]) -> (String, String, i32) {
        run_args(fs, env, "ls", args, b"")
    }

    #[test]
    fn sorts_in_byte_order() {
        let (mut fs, env) = example();
        fs.chdir("sort").unwrap();
        assert_eq!(ls(&mut fs, &env, &[]).0, "10\n9\nB\nZeta\n_x\na\nfile-2.txt\nfile.txt\n");
        assert_eq!(ls(&mut fs, &env, &["-a"]).0, ".\n..\n.hidden\n10\n9\nB\nZeta\n_x\na\nfile-2.txt\nfile.txt\n");
        assert_eq!(ls(&mut fs, &env, &["-A"]).0, ".hidden\n10\n9\nB\nZeta\n_x\na\nfile-2.txt\nfile.txt\n");
        assert_eq!(ls(&mut fs, &env, &["-F", ".."]).0, "main.py\nsort/\n");
    }

    #[test]
    fn long_format() {
        let (mut fs, env) = example();
        let (out, _, status) = ls(&mut fs, &env, &["-la"]);
        assert_eq!(status, 0);
        assert_eq!(
            out,
            "total 20\n\
             drwxr-xr-x 4 kai kai 4096 Oct 21 09:00 .\n\
             drwxr-xr-x 3 kai kai 4096 Oct 21 09:00 ..\n\
             drwxr-xr-x 2 kai kai 4096 Oct 21 09:00 .vscode\n\
             -rw-r--r-- 1 kai kai   11 Oct 21 09:00 main.py\n\
             drwxr-xr-x 2 kai kai 4096 Oct 21 09:00 sort\n"
        );
        assert_eq!(ls(&mut fs, &env, &["-ld", ".vscode"]).0, "drwxr-xr-x 2 kai kai 4096 Oct 21 09:00 .vscode\n");
        assert_eq!(ls(&mut fs, &env, &["-d", ".vscode"]).0, ".vscode\n");
        assert_eq!(ls(&mut fs, &env, &["-l", "/bin"]).0, "lrwxrwxrwx 1 root root 7 Oct 21 09:00 /bin -> usr/bin\n");
    }

    #[test]
    fn human_sizes_and_old_dates() {
        let (mut fs, env) = example();
        fs.write("big.txt", &[b'x'; 4100]).unwrap();
        fs.set_mtime("big.txt", 1_705_314_600).unwrap();
        assert_eq!(ls(&mut fs, &env, &["-lh", "big.txt"]).0, "-rw-r--r-- 1 kai kai 4.1K Jan 15  2024 big.txt\n");
        assert_eq!(
            ls(&mut fs, &env, &["-l", "big.txt", "main.py"]).0,
            "-rw-r--r-- 1 kai kai 4100 Jan 15  2024 big.txt\n-rw-r--r-- 1 kai kai   11 Oct 21 09:00 main.py\n"
        );
        fs.mkdir("d", 0o755).unwrap();
        fs.rename("big.txt", "d/big.txt").unwrap();
        assert!(ls(&mut fs, &env, &["-lh", "d"]).0.starts_with("total 8.0K\n"));
    }

    #[test]
    fn errors_come_first_and_exit_2() {
        let (mut fs, env) = example();
        assert_eq!(
            ls(&mut fs, &env, &["main.py", "nope"]),
            ("main.py\n".into(), "ls: cannot access 'nope': No such file or directory\n".into(), 2)
        );
        let (_, err, status) = ls(&mut fs, &env, &["-y"]);
        assert_eq!((err.as_str(), status), ("ls: invalid option -- 'y'\nTry 'ls --help' for more information.\n", 2));
        let (_, err, status) = ls(&mut fs, &env, &["--bogus"]);
        assert_eq!(
            (err.as_str(), status),
            ("ls: unrecognized option '--bogus'\nTry 'ls --help' for more information.\n", 2)
        );
    }

    #[test]
    fn several_operands() {
        let (mut fs, env) = example();
        assert_eq!(
            ls(&mut fs, &env, &[".vscode", "sort"]).0,
            ".vscode:\nsettings.json\n\nsort:\n10\n9\nB\nZeta\n_x\na\nfile-2.txt\nfile.txt\n"
        );
        assert_eq!(ls(&mut fs, &env, &["main.py", ".vscode"]).0, "main.py\n\n.vscode:\nsettings.json\n");
    }

    #[test]
    fn symlinks() {
        let (mut fs, env) = example();
        fs.symlink(".vscode", "vs").unwrap();
        fs.symlink("missing.txt", "dangling").unwrap();
        assert_eq!(ls(&mut fs, &env, &["vs"]).0, "settings.json\n");
        assert_eq!(ls(&mut fs, &env, &["vs/"]).0, "settings.json\n");
        assert_eq!(ls(&mut fs, &env, &["-l", "vs"]).0, "lrwxrwxrwx 1 kai kai 7 Oct 21 09:00 vs -> .vscode\n");
        assert_eq!(ls(&mut fs, &env, &["-l", "vs/"]).0, "total 4\n-rw-r--r-- 1 kai kai 3 Oct 21 09:00 settings.json\n");
        assert_eq!(ls(&mut fs, &env, &["-ld", "vs/"]).0, "drwxr-xr-x 2 kai kai 4096 Oct 21 09:00 vs/\n");
        assert_eq!(ls(&mut fs, &env, &["dangling"]).0, "dangling\n");
        fs.write("run.sh", b"#!/bin/sh\n").unwrap();
        fs.chmod("run.sh", 0o755).unwrap();
        assert_eq!(ls(&mut fs, &env, &["-F"]).0, "dangling@\nmain.py\nrun.sh*\nsort/\nvs@\n");
        assert_eq!(ls(&mut fs, &env, &["-lF", "vs"]).0, "lrwxrwxrwx 1 kai kai 7 Oct 21 09:00 vs -> .vscode/\n");
    }

    #[test]
    fn recursive() {
        let (mut fs, env) = example();
        let (out, _, _) = ls(&mut fs, &env, &["-R"]);
        assert_eq!(out, ".:\nmain.py\nsort\n\n./sort:\n10\n9\nB\nZeta\n_x\na\nfile-2.txt\nfile.txt\n");
        fs.mkdir("a", 0o755).unwrap();
        fs.mkdir("a/b", 0o755).unwrap();
        fs.mkdir("a/b/c", 0o755).unwrap();
        fs.write("a/b/c/file.txt", b"").unwrap();
        assert_eq!(ls(&mut fs, &env, &["-R", "a"]).0, "a:\nb\n\na/b:\nc\n\na/b/c:\nfile.txt\n");
        assert_eq!(ls(&mut fs, &env, &["-R", "a/"]).0, "a/:\nb\n\na/b:\nc\n\na/b/c:\nfile.txt\n");
    }

    #[test]
    fn recursion_stops_at_symlink_loops() {
        let (mut fs, env) = example();
        fs.symlink(".", "sort/loop").unwrap();
        let (out, _, status) = ls(&mut fs, &env, &["-R", "sort"]);
        assert_eq!(status, 0);
        assert!(out.ends_with("loop\n"));
    }

    /// The directory of the colour recordings: every kind of name `dircolors` colours.
    fn colourful() -> (Fs, Env) {
        let (mut fs, mut env) = test_machine();
        fs.mkdir("t", 0o755).unwrap();
        fs.chdir("t").unwrap();
        for (dir, mode) in [("dir", 0o755), ("sticky", 0o1755), ("ow", 0o777), ("stickyow", 0o1777)] {
            fs.mkdir(dir, 0o755).unwrap();
            fs.chmod(dir, mode).unwrap();
        }
        for (file, mode) in [
            ("plain.py", 0o644),
            ("X.TAR", 0o644),
            ("a.tar.gz", 0o644),
            ("b.Tar", 0o644),
            ("img.PNG", 0o644),
            ("song.mp3", 0o644),
            ("old~", 0o644),
            ("exe", 0o755),
            ("suid", 0o4755),
            ("sgid", 0o2755),
        ] {
            fs.write(file, b"").unwrap();
            fs.chmod(file, mode).unwrap();
        }
        fs.symlink("dir", "linkdir").unwrap();
        fs.symlink("nowhere", "broken").unwrap();
        fs.symlink("exe", "linkexe").unwrap();
        fs.link("plain.py", "hard").unwrap();
        env.insert("TERM".into(), "xterm".into());
        (fs, env)
    }

    /// `dircolors -b`'s `LS_COLORS` for `xterm-256color`.
    fn dircolors_b(fs: &mut Fs, env: &mut Env) {
        let (out, _, _) = run_args(fs, env, "dircolors", &["-b"], b"");
        let value = out.strip_prefix("LS_COLORS='").and_then(|v| v.split_once("';")).unwrap().0;
        env.insert("LS_COLORS".into(), value.into());
    }

    /// The name column of `ls -l` lines (after the date).
    fn names(long: &str) -> String {
        long.lines().map(|l| l.splitn(9, ' ').last().unwrap_or(l)).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn colours_of_dircolors_as_recorded() {
        let (mut fs, mut env) = colourful();
        dircolors_b(&mut fs, &mut env);
        assert_eq!(
            ls(&mut fs, &env, &["--color=always"]).0,
            "\x1b[0m\x1b[01;31mX.TAR\x1b[0m\n\x1b[01;31ma.tar.gz\x1b[0m\n\x1b[01;31mb.Tar\x1b[0m\n\x1b[40;31;01mbroken\x1b[0m\n\x1b[01;34mdir\x1b[0m\n\x1b[01;32mexe\x1b[0m\nhard\n\x1b[01;35mimg.PNG\x1b[0m\n\x1b[01;36mlinkdir\x1b[0m\n\x1b[01;36mlinkexe\x1b[0m\n\x1b[00;90mold~\x1b[0m\n\x1b[34;42mow\x1b[0m\nplain.py\n\x1b[30;43msgid\x1b[0m\n\x1b[00;36msong.mp3\x1b[0m\n\x1b[37;44msticky\x1b[0m\n\x1b[30;42mstickyow\x1b[0m\n\x1b[37;41msuid\x1b[0m\n"
        );
        assert_eq!(
            ls(&mut fs, &env, &["-C", "-w", "60", "--color=always"]).0,
            "\x1b[0m\x1b[01;31mX.TAR\x1b[0m     \x1b[40;31;01mbroken\x1b[0m  hard     \x1b[01;36mlinkexe\x1b[0m  plain.py  \x1b[37;44msticky\x1b[0m\n\x1b[01;31ma.tar.gz\x1b[0m  \x1b[01;34mdir\x1b[0m     \x1b[01;35mimg.PNG\x1b[0m  \x1b[00;90mold~\x1b[0m     \x1b[30;43msgid\x1b[0m      \x1b[30;42mstickyow\x1b[0m\n\x1b[01;31mb.Tar\x1b[0m     \x1b[01;32mexe\x1b[0m     \x1b[01;36mlinkdir\x1b[0m  \x1b[34;42mow\x1b[0m       \x1b[00;36msong.mp3\x1b[0m  \x1b[37;41msuid\x1b[0m\n"
        );
        assert_eq!(
            names(&ls(&mut fs, &env, &["-l", "--color=always", "broken", "linkdir", "linkexe"]).0),
            "\x1b[0m\x1b[40;31;01mbroken\x1b[0m -> \x1b[40;31;01mnowhere\x1b[0m\n\x1b[01;36mlinkdir\x1b[0m -> \x1b[01;34mdir\x1b[0m\n\x1b[01;36mlinkexe\x1b[0m -> \x1b[01;32mexe\x1b[0m"
        );
        assert_eq!(
            ls(&mut fs, &env, &["-F", "--color=always", "broken", "exe", "linkdir"]).0,
            "\x1b[0m\x1b[40;31;01mbroken\x1b[0m@\n\x1b[01;32mexe\x1b[0m*\n\x1b[01;36mlinkdir\x1b[0m@\n"
        );
        assert_eq!(ls(&mut fs, &env, &["--color=auto", "dir", "exe"]).0, "exe\n\ndir:\n");
    }

    #[test]
    fn compiled_in_colours_as_recorded() {
        let (mut fs, env) = colourful();
        assert_eq!(
            ls(&mut fs, &env, &["-C", "-w", "60", "--color=always"]).0,
            "X.TAR     \x1b[0m\x1b[01;36mbroken\x1b[0m  hard     \x1b[01;36mlinkexe\x1b[0m  plain.py  \x1b[37;44msticky\x1b[0m\na.tar.gz  \x1b[01;34mdir\x1b[0m     img.PNG  old~     \x1b[30;43msgid\x1b[0m      \x1b[30;42mstickyow\x1b[0m\nb.Tar     \x1b[01;32mexe\x1b[0m     \x1b[01;36mlinkdir\x1b[0m  \x1b[34;42mow\x1b[0m       song.mp3  \x1b[37;41msuid\x1b[0m\n"
        );
        assert_eq!(
            names(&ls(&mut fs, &env, &["-l", "--color=always", "broken", "linkdir"]).0),
            "\x1b[0m\x1b[01;36mbroken\x1b[0m -> nowhere\n\x1b[01;36mlinkdir\x1b[0m -> dir"
        );
        assert_eq!(
            names(&ls(&mut fs, &env, &["-lF", "--color=always", "broken", "linkdir"]).0),
            "\x1b[0m\x1b[01;36mbroken\x1b[0m -> nowhere\n\x1b[01;36mlinkdir\x1b[0m -> \x1b[01;34mdir\x1b[0m/"
        );
    }

    #[test]
    fn colours_of_ones_own() {
        let (mut fs, mut env) = colourful();
        env.insert("LS_COLORS".into(), "ln=target:ec=\\e[E:fi=35".into());
        assert_eq!(
            ls(&mut fs, &env, &["--color=always", "linkdir", "linkexe", "broken", "plain.py"]).0,
            "broken\n\x1b[E\x1b[01;32mlinkexe\x1b[E\n\x1b[35mplain.py\x1b[E\n\nlinkdir:\n"
        );
        env.insert("LS_COLORS".into(), "di=4:or=".into());
        assert_eq!(names(&ls(&mut fs, &env, &["-l", "--color=always", "broken"]).0), "\x1b[0m\x1b[01;36mbroken\x1b[0m -> \x1b[mnowhere\x1b[0m");
        env.insert("LS_COLORS".into(), "zz=1".into());
        assert_eq!(
            ls(&mut fs, &env, &["--color=always", "dir", "exe"]),
            (
                "exe\n\ndir:\n".into(),
                "ls: unrecognized prefix: \u{2018}zz\u{2019}\nls: unparsable value for LS_COLORS environment variable\n".into(),
                0
            )
        );
        env.insert("TERM".into(), "dumb".into());
        env.remove("LS_COLORS");
        assert_eq!(ls(&mut fs, &env, &["--color=always", "exe"]).0, "exe\n");
        let (_, err, status) = ls(&mut fs, &env, &["--color=bogus"]);
        assert_eq!(status, 1);
        assert!(err.starts_with("ls: invalid argument \u{2018}bogus\u{2019} for \u{2018}--color\u{2019}\n"));
        assert!(ls(&mut fs, &env, &["--color=a"]).1.starts_with("ls: ambiguous argument \u{2018}a\u{2019} for \u{2018}--color\u{2019}\n"));
        // An empty word is a prefix of every word, and they differ (real ls 9.1).
        assert!(ls(&mut fs, &env, &["--color="]).1.starts_with("ls: ambiguous argument \u{2018}\u{2019} for \u{2018}--color\u{2019}\n"));
        env.insert("TERM".into(), "xterm".into());
        assert_eq!(ls(&mut fs, &env, &["--colo=alw", "exe"]).0, "\x1b[0m\x1b[01;32mexe\x1b[0m\n");
        assert_eq!(ls(&mut fs, &env, &["--color=n", "exe"]).0, "exe\n");
    }

    #[test]
    fn a_coloured_name_past_the_width_clears_the_line() {
        let (mut fs, mut env) = colourful();
        dircolors_b(&mut fs, &mut env);
        fs.symlink("dir/../exe/../../../../../../../../../very/long/relative/path/that/crosses/eighty", "brokenlong").unwrap();
        assert_eq!(
            names(&ls(&mut fs, &env, &["-l", "--color=always", "brokenlong"]).0),
            "\x1b[0m\x1b[40;31;01mbrokenlong\x1b[0m -> \x1b[40;31;01mdir/../exe/../../../../../../../../../very/long/relative/path/that/crosses/eighty\x1b[0m\x1b[K"
        );
    }

    #[test]
    fn column_layout() {
        // As `ls -C -w 40` prints these names.
        let (mut fs, env) = test_machine();
        fs.mkdir("t", 0o755).unwrap();
        let long = "d".repeat(22);
        let mut names = vec!["a", "bb", "broken", "ccc", long.as_str(), "dir", "e", "exe"];
        let letters: Vec<String> = ('f'..='z').map(|c| c.to_string()).collect();
        names.extend(letters.iter().map(String::as_str));
        names.push("ldir");
        for n in &names {
            fs.write(&format!("t/{n}"), b"").unwrap();
        }
        let (out, _, _) = ls(&mut fs, &env, &["-C", "-w", "40", "t"]);
        let want = format!(
            "a\t\t\tf     m  u\nbb\t\t\tg     n  v\nbroken\t\t\th     o  w\nccc\t\t\ti     p  x\n\
             {long}\tj     q  y\ndir\t\t\tk     r  z\ne\t\t\tl     s\nexe\t\t\tldir  t\n"
        );
        assert_eq!(out, want);
        assert_eq!(
            ls(&mut fs, &env, &["-C", "t"]).0,
            format!(
                "a   broken  {long}  e\t f  h  j  l\tm  o  q  s  u  w  y\n\
                 bb  ccc     dir\t\t\t    exe  g  i  k  ldir\tn  p  r  t  v  x  z\n"
            )
        );
    }

    #[test]
    fn empty_directory_and_total_zero() {
        let (mut fs, env) = test_machine();
        fs.mkdir("e", 0o755).unwrap();
        assert_eq!(ls(&mut fs, &env, &["e"]).0, "");
        assert_eq!(ls(&mut fs, &env, &["-l", "e"]).0, "total 0\n");
    }
}
