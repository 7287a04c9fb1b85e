//! `grep`: print lines that match patterns, as GNU grep 3.8 does.
//!
//! Patterns are basic regular expressions (`-E` extended, `-F` fixed strings; see `regex`),
//! given as the first operand (one per line) or with `-e`. Supports `-i -v -c -l -L -n -h -H
//! -o -q -s -w -x -r -R`. With several files or `-r`, lines are prefixed with the file name;
//! `grep -r PATTERN` without a file searches `.` and names files without the `./` prefix.
//! Recursion skips symbolic links met on the way (`-R` follows links to files) and stops at a
//! depth of 64. A file holding a NUL byte or invalid UTF-8 is binary: a match is reported as
//! `grep: FILE: binary file matches`. Exit status: 0 if a line was selected, 1 if none, 2 on
//! error (unless `-q` found a match). `--color` paints matches, file names, line numbers and
//! separators as grep does on a terminal (see `grepcolors`); an argument it does not know
//! makes it print its `--help`, as grep 3.8 does.

use super::args::{self, ColorWhen, Spec};
use super::fmt::{read_operand, split_lines};
use super::grepcolors::GrepColors;
use super::regex::{is_word, Regex};
use super::Ctx;
use crate::fs::FileKind;

const SPEC: Spec = Spec {
    prog: "grep",
    flags: "rRnivyclLhHEFGwxqso",
    with_value: "e",
    long: &[
        ("recursive", "r", false),
        ("dereference-recursive", "R", false),
        ("line-number", "n", false),
        ("ignore-case", "i", false),
        ("invert-match", "v", false),
        ("count", "c", false),
        ("files-with-matches", "l", false),
        ("files-without-match", "L", false),
        ("no-filename", "h", false),
        ("with-filename", "H", false),
        ("extended-regexp", "E", false),
        ("fixed-strings", "F", false),
        ("basic-regexp", "G", false),
        ("word-regexp", "w", false),
        ("line-regexp", "x", false),
        ("quiet", "q", false),
        ("silent", "q", false),
        ("no-messages", "s", false),
        ("only-matching", "o", false),
        ("regexp", "e", true),
        ("help", "help", false),
    ],
};

/// What `grep --help` prints.
const HELP: &str = include_str!("grep-help.txt");

/// The usage line grep prints before `Try 'grep --help'`.
const USAGE: &str = "Usage: grep [OPTION]... PATTERNS [FILE]...\n";

/// Deepest directory level `-r` descends to.
const MAX_DEPTH: usize = 64;

/// The options in force.
#[derive(Debug, Default)]
struct Opts {
    invert: bool,
    count: bool,
    files_with: bool,
    files_without: bool,
    line_numbers: bool,
    with_name: bool,
    only: bool,
    quiet: bool,
    silent: bool,
    word: bool,
    line: bool,
    recursive: bool,
    follow: bool,
    /// The colours, when colouring.
    colors: Option<GrepColors>,
}

/// A search in progress.
struct Grep<'c, 'a> {
    ctx: &'c mut Ctx<'a>,
    opts: Opts,
    patterns: Vec<Regex>,
    matched: bool,
    error: bool,
}

/// Entry point of `grep`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let (color_when, plain) = args::take_color(argv.get(1..).unwrap_or_default());
    let parsed = match args::parse(&SPEC, &plain) {
        Ok(p) => p,
        Err(message) => {
            ctx.err(message.replace("Try 'grep", &format!("{USAGE}Try 'grep")));
            return 2;
        }
    };
    let when = match color_when {
        None => Some(ColorWhen::Never),
        Some(None) => Some(ColorWhen::Auto),
        Some(Some(word)) => args::COLOR_WORDS.iter().find(|(w, _)| w.eq_ignore_ascii_case(&word)).map(|(_, when)| *when),
    };
    let Some(when) = when.filter(|_| !parsed.has("help")) else {
        ctx.out(HELP);
        return 0;
    };
    let on_terminal = ctx.stdout_is_tty() && ctx.var("TERM").is_some_and(|t| t != "dumb");
    let colors = (when == ColorWhen::Always || (when == ColorWhen::Auto && on_terminal)).then(|| {
        let (colors, warning) = GrepColors::from_env(|name| ctx.var(name).map(str::to_string));
        if let Some(warning) = warning {
            ctx.error("grep", warning);
        }
        colors
    });
    let mut operands = parsed.operands.clone();
    let sources: Vec<String> = parsed.opts.iter().filter(|(k, _)| k == "e").filter_map(|(_, v)| v.clone()).collect();
    let sources = if sources.is_empty() {
        if operands.is_empty() {
            ctx.err_fmt(format_args!("{USAGE}Try 'grep --help' for more information.\n"));
            return 2;
        }
        vec![operands.remove(0)]
    } else {
        sources
    };
    let mode = parsed.last_of(&["E", "F", "G"]);
    let icase = parsed.has("i") || parsed.has("y");
    let mut patterns = Vec::new();
    for source in &sources {
        for pattern in source.split('\n') {
            let compiled = match mode {
                Some("F") => Ok(Regex::literal(pattern, icase)),
                Some("E") => Regex::new(pattern, true, icase),
                _ => Regex::new(pattern, false, icase),
            };
            match compiled {
                Ok(re) => patterns.push(re),
                Err(message) => {
                    ctx.error("grep", message);
                    return 2;
                }
            }
        }
    }
    let recursive = parsed.has("r") || parsed.has("R");
    let implicit_dot = recursive && operands.is_empty();
    if operands.is_empty() {
        operands.push(if recursive { ".".into() } else { "-".into() });
    }
    let with_name = parsed
        .opts
        .iter()
        .rev()
        .find_map(|(k, _)| match k.as_str() {
            "H" => Some(true),
            "h" => Some(false),
            _ => None,
        })
        .unwrap_or(operands.len() > 1 || recursive);
    let opts = Opts {
        invert: parsed.has("v"),
        count: parsed.has("c"),
        files_with: parsed.has("l"),
        files_without: parsed.has("L"),
        line_numbers: parsed.has("n"),
        with_name,
        only: parsed.has("o"),
        quiet: parsed.has("q"),
        silent: parsed.has("s"),
        word: parsed.has("w"),
        line: parsed.has("x"),
        recursive,
        follow: parsed.has("R"),
        colors,
    };
    let mut grep = Grep { ctx, opts, patterns, matched: false, error: false };
    for operand in &operands {
        if grep.opts.quiet && grep.matched {
            break;
        }
        if implicit_dot {
            grep.walk(".", "", 0);
        } else {
            grep.operand(operand);
        }
    }
    match (grep.matched, grep.error) {
        (true, _) if grep.opts.quiet => 0,
        (_, true) => 2,
        (true, false) => 0,
        (false, false) => 1,
    }
}

impl Grep<'_, '_> {
    /// Searches one command-line operand: stdin, a file, or (with `-r`) a directory.
    fn operand(&mut self, name: &str) {
        if name == "-" {
            let data = self.ctx.stdin();
            self.search(&data, "(standard input)");
            return;
        }
        match self.ctx.fs.stat(name) {
            Ok(meta) if meta.kind == FileKind::Dir => {
                if self.opts.recursive {
                    let prefix = if name.ends_with('/') { name.to_string() } else { format!("{name}/") };
                    self.walk(name, &prefix, 0);
                } else {
                    self.complain(name, "Is a directory");
                }
            }
            _ => self.file(name),
        }
    }

    /// Searches a directory's entries in name order; `prefix` is what names are shown under.
    fn walk(&mut self, dir: &str, prefix: &str, depth: usize) {
        let listing = match self.ctx.fs.read_dir(dir) {
            Ok(l) => l,
            Err(e) => {
                let shown = prefix.strip_suffix('/').unwrap_or(dir);
                self.complain(shown, &e.to_string());
                return;
            }
        };
        for entry in listing {
            if self.opts.quiet && self.matched {
                return;
            }
            let path =
                if dir.ends_with('/') { format!("{dir}{}", entry.name) } else { format!("{dir}/{}", entry.name) };
            let shown = format!("{prefix}{}", entry.name);
            match entry.kind {
                FileKind::Dir if depth < MAX_DEPTH => self.walk(&path, &format!("{shown}/"), depth + 1),
                FileKind::Dir => {}
                FileKind::Symlink => {
                    let is_file = self.ctx.fs.stat(&path).is_ok_and(|m| m.kind == FileKind::File);
                    if self.opts.follow && is_file {
                        self.file_as(&path, &shown);
                    }
                }
                FileKind::File => self.file_as(&path, &shown),
            }
        }
    }

    /// Searches a file named on the command line.
    fn file(&mut self, name: &str) {
        self.file_as(name, name);
    }

    /// Searches the file at `path`, naming it `shown`.
    fn file_as(&mut self, path: &str, shown: &str) {
        match read_operand(self.ctx, path) {
            Ok(data) => self.search(&data, shown),
            Err(e) => self.complain(shown, &e.to_string()),
        }
    }

    /// Reports a file that could not be searched (unless `-s`).
    fn complain(&mut self, name: &str, message: &str) {
        self.error = true;
        if !self.opts.silent {
            self.ctx.error("grep", format!("{name}: {message}"));
        }
    }

    /// Whether any pattern selects this line (before `-v`).
    fn line_matches(&self, line: &str) -> bool {
        self.patterns.iter().any(|re| {
            let text = re.prepare(line);
            if self.opts.line {
                re.ends_from(&text, 0).contains(&text.len())
            } else if self.opts.word {
                (0..=text.len()).any(|start| {
                    let open = start == 0 || !is_word(text[start - 1]);
                    open && re.ends_from(&text, start).iter().any(|&e| e == text.len() || !is_word(text[e]))
                })
            } else {
                re.is_match(&text)
            }
        })
    }

    /// Where the patterns match in a line, leftmost-longest, as `-o` and colours show them:
    /// (start, end) in characters, empty matches left out. With `-w` a match must stand
    /// between non-word characters, with `-x` it must be the whole line.
    fn matches_in(&self, line: &str) -> Vec<(usize, usize)> {
        let len = line.chars().count();
        let texts: Vec<Vec<char>> = self.patterns.iter().map(|re| re.prepare(line)).collect();
        let fits = |text: &[char], start: usize, end: usize| {
            if self.opts.line {
                start == 0 && end == len
            } else if self.opts.word {
                (start == 0 || !is_word(text[start - 1])) && (end == len || !is_word(text[end]))
            } else {
                true
            }
        };
        let mut found = Vec::new();
        let mut pos = 0;
        while pos < len {
            let best = self
                .patterns
                .iter()
                .zip(&texts)
                .filter_map(|(re, text)| re.ends_from(text, pos).into_iter().rev().find(|&end| fits(text, pos, end)))
                .max()
                .filter(|&end| end > pos);
            match best {
                Some(end) => {
                    found.push((pos, end));
                    pos = end;
                }
                None => pos += 1,
            }
        }
        found
    }

    /// The text of a line as printed: with colours, its matches painted in the match colour
    /// and the rest in the line colour (`sl`, or `cx` for `-v` with `rv`), as grep's
    /// `print_line` does.
    fn body(&self, line: &str) -> String {
        let Some(colors) = &self.opts.colors else { return line.to_string() };
        let line_color = if self.opts.invert && colors.reverse { &colors.context_line } else { &colors.selected_line };
        let match_color = &colors.selected_match;
        let mut out = String::new();
        let mut done = 0;
        if !self.opts.invert && !match_color.is_empty() {
            let offsets: Vec<usize> = line.char_indices().map(|(i, _)| i).chain([line.len()]).collect();
            for (start, end) in self.matches_in(line) {
                let (start, end) = (offsets[start], offsets[end]);
                out.push_str(&colors.start(line_color));
                out.push_str(&line[done..start]);
                out.push_str(&colors.paint(&line[start..end], match_color));
                done = end;
            }
        }
        let tail = line[done..].strip_suffix('\r').unwrap_or(&line[done..]);
        if !tail.is_empty() && !line_color.is_empty() {
            out.push_str(&colors.paint(tail, line_color));
            done += tail.len();
        }
        out + &line[done..]
    }

    /// Text painted in one of the colours, or as it is without colours.
    fn paint(&self, text: &str, color: impl Fn(&GrepColors) -> &String) -> String {
        match &self.opts.colors {
            Some(colors) => colors.paint(text, color(colors)),
            None => text.to_string(),
        }
    }

    /// What comes before a line: the file name and the line number, each with its `:`.
    fn head(&self, name: &str, number: Option<usize>) -> String {
        let separator = self.paint(":", |c| &c.separator);
        let mut head = String::new();
        if self.opts.with_name {
            head = self.paint(name, |c| &c.file_name) + &separator;
        }
        if let Some(n) = number.filter(|_| self.opts.line_numbers) {
            head += &(self.paint(&n.to_string(), |c| &c.line_number) + &separator);
        }
        head
    }

    /// Searches one file's content and prints what the options ask for.
    fn search(&mut self, data: &[u8], name: &str) {
        let binary = data.contains(&0) || std::str::from_utf8(data).is_err();
        let mut count = 0usize;
        let mut out = String::new();
        let listing_only = self.opts.count || self.opts.files_with || self.opts.files_without || self.opts.quiet;
        for (i, raw) in split_lines(data).into_iter().enumerate() {
            let line = String::from_utf8_lossy(raw);
            if self.line_matches(&line) == self.opts.invert {
                continue;
            }
            count += 1;
            if self.opts.quiet || self.opts.files_with || self.opts.files_without {
                break;
            }
            if listing_only || binary {
                continue;
            }
            if self.opts.only {
                if !self.opts.invert {
                    let chars: Vec<char> = line.chars().collect();
                    for (start, end) in self.matches_in(&line) {
                        let text: String = chars[start..end].iter().collect();
                        let painted = self.paint(&text, |c| &c.selected_match);
                        out.push_str(&format!("{}{painted}\n", self.head(name, Some(i + 1))));
                    }
                }
            } else {
                out.push_str(&format!("{}{}\n", self.head(name, Some(i + 1)), self.body(&line)));
            }
        }
        if count > 0 {
            self.matched = true;
        }
        if self.opts.quiet {
            return;
        }
        if self.opts.count {
            out.push_str(&format!("{}{count}\n", self.head(name, None)));
        }
        if (self.opts.files_with && count > 0) || (self.opts.files_without && count == 0) {
            out = format!("{}\n", self.paint(name, |c| &c.file_name));
        }
        self.ctx.out(out);
        if binary && count > 0 && !listing_only {
            self.ctx.error("grep", format!("{name}: binary file matches"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::{err, out, run_args};
    use super::super::{run_for_test, test_machine, Env};
    use crate::fs::Fs;

    const FRUIT: &[u8] = b"apple\nbanana\ncherry\ndate\nelderberry\nfig\n";
    const MAIN: &[u8] =
        b"import sys\n\nimport numpy\n\nprint(\"numpy\", numpy.__version__, \"from\", numpy.__file__)\n";

    fn machine() -> (Fs, Env) {
        let (mut fs, env) = test_machine();
        fs.write("fruit.txt", FRUIT).unwrap();
        fs.write("main.py", MAIN).unwrap();
        fs.mkdir(".vscode", 0o755).unwrap();
        fs.write(
            ".vscode/settings.json",
            b"{\n    \"python.defaultInterpreterPath\": \"/home/kai/Projects/example/.venv/bin/python\"\n}\n",
        )
        .unwrap();
        (fs, env)
    }

    fn grep(fs: &mut Fs, env: &Env, args: &[&str]) -> (String, String, i32) {
        run_args(fs, env, "grep", args, b"")
    }

    #[test]
    fn golden_text_tools() {
        let (mut fs, env) = machine();
        assert_eq!(grep(&mut fs, &env, &["an", "fruit.txt"]), out("banana\n"));
        assert_eq!(grep(&mut fs, &env, &["-n", "e", "fruit.txt"]).0, "1:apple\n3:cherry\n4:date\n5:elderberry\n");
        assert_eq!(grep(&mut fs, &env, &["-i", "APPLE", "fruit.txt"]).0, "apple\n");
        assert_eq!(
            grep(&mut fs, &env, &["-r", "defaultInterpreter", "."]).0,
            "./.vscode/settings.json:    \"python.defaultInterpreterPath\": \"/home/kai/Projects/example/.venv/bin/python\"\n"
        );
        assert_eq!(grep(&mut fs, &env, &["-v", "e", "fruit.txt"]).0, "banana\nfig\n");
        assert_eq!(grep(&mut fs, &env, &["-c", "e", "fruit.txt"]).0, "4\n");
        assert_eq!(
            grep(&mut fs, &env, &["import", "main.py", "fruit.txt"]).0,
            "main.py:import sys\nmain.py:import numpy\n"
        );
        fs.write("re.txt", b"abcz\nabc\naz\nbz\n").unwrap();
        assert_eq!(grep(&mut fs, &env, &["^a.*z$", "re.txt"]).0, "abcz\naz\n");
        assert_eq!(grep(&mut fs, &env, &["kiwi", "fruit.txt"]), err(""));
        assert_eq!(
            grep(&mut fs, &env, &["kiwi", "nope"]),
            (String::new(), "grep: nope: No such file or directory\n".into(), 2)
        );
    }

    #[test]
    fn recursion_names_and_stdin() {
        let (mut fs, env) = machine();
        assert_eq!(grep(&mut fs, &env, &["-r", "-l", "p"]).0, ".vscode/settings.json\nfruit.txt\nmain.py\n");
        assert_eq!(
            grep(&mut fs, &env, &[".", ".vscode"]),
            (String::new(), "grep: .vscode: Is a directory\n".into(), 2)
        );
        let (out, _, status) = run_for_test(&mut fs, &env, &["grep", "-n", "b", "-", "fruit.txt"], b"abc\nxyz\n");
        assert_eq!((out.as_str(), status), ("(standard input):1:abc\nfruit.txt:2:banana\nfruit.txt:5:elderberry\n", 0));
        assert_eq!(grep(&mut fs, &env, &["-h", "fig", "fruit.txt", "fruit.txt"]).0, "fig\nfig\n");
        assert_eq!(grep(&mut fs, &env, &["-c", "fig", "fruit.txt", "main.py"]).0, "fruit.txt:1\nmain.py:0\n");
        assert_eq!(grep(&mut fs, &env, &["-L", "fig", "fruit.txt", "main.py"]).0, "main.py\n");
    }

    #[test]
    fn options() {
        let (mut fs, env) = machine();
        assert_eq!(grep(&mut fs, &env, &["-o", "an", "fruit.txt"]).0, "an\nan\n");
        assert_eq!(grep(&mut fs, &env, &["-x", "fig", "fruit.txt"]).0, "fig\n");
        assert_eq!(grep(&mut fs, &env, &["-x", "fi", "fruit.txt"]).1, "");
        assert_eq!(grep(&mut fs, &env, &["-w", "import", "main.py"]).0, "import sys\nimport numpy\n");
        assert_eq!(grep(&mut fs, &env, &["-w", "impor", "main.py"]).2, 1);
        assert_eq!(grep(&mut fs, &env, &["-E", "^(fig|date)$", "fruit.txt"]).0, "date\nfig\n");
        assert_eq!(
            grep(&mut fs, &env, &["-F", ".", "main.py"]).0,
            "print(\"numpy\", numpy.__version__, \"from\", numpy.__file__)\n"
        );
        assert_eq!(grep(&mut fs, &env, &["-e", "fig", "-e", "date", "fruit.txt"]).0, "date\nfig\n");
        assert_eq!(
            grep(&mut fs, &env, &["-q", "fig", "nope", "fruit.txt"]),
            (String::new(), "grep: nope: No such file or directory\n".into(), 0)
        );
        assert_eq!(grep(&mut fs, &env, &["-s", "fig", "nope"]), (String::new(), String::new(), 2));
    }

    #[test]
    fn errors_and_binaries() {
        let (mut fs, env) = machine();
        assert_eq!(
            grep(&mut fs, &env, &[]),
            (
                String::new(),
                "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n".into(),
                2
            )
        );
        assert_eq!(
            grep(&mut fs, &env, &["--bogus"]).1,
            "grep: unrecognized option '--bogus'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"
        );
        assert_eq!(
            grep(&mut fs, &env, &["[", "fruit.txt"]),
            (String::new(), "grep: Invalid regular expression\n".into(), 2)
        );
        assert_eq!(
            grep(&mut fs, &env, &["venvlab", "/usr/bin/ls"]),
            (String::new(), "grep: /usr/bin/ls: binary file matches\n".into(), 0)
        );
        assert_eq!(grep(&mut fs, &env, &["-c", "venvlab", "/usr/bin/ls"]).0, "1\n");
    }

    /// `grep --color=always` (GNU grep 3.8) on `fruit.txt` holding apple, banana, cherry, date.
    fn colour(env: &[(&str, &str)], args: &[&str]) -> (String, String, i32) {
        let (mut fs, mut base) = machine();
        fs.write("fruit.txt", b"apple\nbanana\ncherry\ndate\n").unwrap();
        base.extend(env.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let mut argv = vec!["--color=always"];
        argv.extend_from_slice(args);
        grep(&mut fs, &base, &argv)
    }

    #[test]
    fn colours_as_recorded() {
        const M: &str = "\x1b[01;31m\x1b[K";
        const E: &str = "\x1b[m\x1b[K";
        const SEP: &str = "\x1b[36m\x1b[K:\x1b[m\x1b[K";
        let file = |name: &str| format!("\x1b[35m\x1b[K{name}{E}");
        assert_eq!(colour(&[], &["an", "fruit.txt"]).0, format!("b{M}an{E}{M}an{E}a\n"));
        assert_eq!(colour(&[], &["-n", "an", "fruit.txt"]).0, format!("\x1b[32m\x1b[K2{E}{SEP}b{M}an{E}{M}an{E}a\n"));
        assert_eq!(
            colour(&[], &["-c", "an", "fruit.txt", "main.py"]).0,
            format!("{}{SEP}1\n{}{SEP}0\n", file("fruit.txt"), file("main.py"))
        );
        assert_eq!(colour(&[], &["-l", "an", "fruit.txt", "main.py"]).0, format!("{}\n", file("fruit.txt")));
        assert_eq!(colour(&[], &["-L", "an", "fruit.txt", "main.py"]).0, format!("{}\n", file("main.py")));
        assert_eq!(
            colour(&[], &["-on", "-H", "an", "fruit.txt"]).0,
            format!("{0}{SEP}\x1b[32m\x1b[K2{E}{SEP}{M}an{E}\n", file("fruit.txt")).repeat(2)
        );
        assert_eq!(colour(&[], &["-v", "an", "fruit.txt"]).0, "apple\ncherry\ndate\n");
        assert_eq!(colour(&[], &["-i", "AN", "fruit.txt"]).0, format!("b{M}an{E}{M}an{E}a\n"));
        assert_eq!(colour(&[], &["x*", "fruit.txt"]).0, "apple\nbanana\ncherry\ndate\n");
        assert_eq!(colour(&[], &["-w", "date", "fruit.txt"]).0, format!("{M}date{E}\n"));
        assert_eq!(colour(&[], &["-x", "date", "fruit.txt"]).0, format!("{M}date{E}\n"));
        assert_eq!(
            colour(&[], &["-e", "a", "-e", "e", "fruit.txt"]).0,
            format!("{M}a{E}ppl{M}e{E}\nb{M}a{E}n{M}a{E}n{M}a{E}\nch{M}e{E}rry\nd{M}a{E}t{M}e{E}\n")
        );
    }

    #[test]
    fn colours_of_ones_own() {
        let e = "\x1b[m\x1b[K";
        assert_eq!(
            colour(&[("GREP_COLORS", "ms=4:fn=1:se=2:ln=3")], &["-Hn", "an", "fruit.txt"]).0,
            format!("\x1b[1m\x1b[Kfruit.txt{e}\x1b[2m\x1b[K:{e}\x1b[3m\x1b[K2{e}\x1b[2m\x1b[K:{e}b\x1b[4m\x1b[Kan{e}\x1b[4m\x1b[Kan{e}a\n")
        );
        assert_eq!(colour(&[("GREP_COLORS", "mt=4:ne")], &["an", "fruit.txt"]).0, "b\x1b[4man\x1b[m\x1b[4man\x1b[ma\n");
        assert_eq!(
            colour(&[("GREP_COLORS", "sl=7:cx=8")], &["an", "fruit.txt"]).0,
            format!("\x1b[7m\x1b[Kb\x1b[01;31m\x1b[Kan{e}\x1b[7m\x1b[K\x1b[01;31m\x1b[Kan{e}\x1b[7m\x1b[Ka{e}\n")
        );
        assert_eq!(
            colour(&[("GREP_COLORS", "rv:sl=7:cx=8")], &["-v", "an", "fruit.txt"]).0,
            format!("\x1b[8m\x1b[Kapple{e}\n\x1b[8m\x1b[Kcherry{e}\n\x1b[8m\x1b[Kdate{e}\n")
        );
        assert_eq!(
            colour(&[("GREP_COLOR", "1;32")], &["an", "fruit.txt"]),
            (
                format!("b\x1b[1;32m\x1b[Kan{e}\x1b[1;32m\x1b[Kan{e}a\n"),
                "grep: warning: GREP_COLOR='1;32' is deprecated; use GREP_COLORS='mt=1;32'\n".into(),
                0
            )
        );
    }

    #[test]
    fn when_to_colour() {
        let (mut fs, env) = machine();
        assert_eq!(grep(&mut fs, &env, &["--colour", "fig", "fruit.txt"]).0, "fig\n");
        assert_eq!(grep(&mut fs, &env, &["--col=never", "fig", "fruit.txt"]).0, "fig\n");
        assert_eq!(grep(&mut fs, &env, &["--color=ALWAYS", "fig", "fruit.txt"]).0, "\x1b[01;31m\x1b[Kfig\x1b[m\x1b[K\n");
        let (out, err, status) = grep(&mut fs, &env, &["--color=bogus", "fig", "fruit.txt"]);
        assert_eq!((out.as_str(), err.as_str(), status), (super::HELP, "", 0));
        assert!(super::HELP.starts_with("Usage: grep [OPTION]... PATTERNS [FILE]...\nSearch for PATTERNS in each FILE.\n"));
    }

    #[test]
    fn recursion_skips_symlink_loops() {
        let (mut fs, env) = machine();
        fs.symlink(".", "loop").unwrap();
        let (out, _, status) = grep(&mut fs, &env, &["-R", "fig"]);
        assert_eq!((out.as_str(), status), ("fruit.txt:fig\n", 0));
    }
}
