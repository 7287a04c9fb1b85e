//! `grep`: print lines that match patterns, as GNU grep 3.8 does.
//!
//! Patterns are basic regular expressions (`-E` extended, `-F` fixed strings; see `regex`),
//! given as the first operand (one per line) or with `-e`. Supports `-i -v -c -l -L -n -h -H
//! -o -q -s -w -x -r -R`. With several files or `-r`, lines are prefixed with the file name;
//! `grep -r PATTERN` without a file searches `.` and names files without the `./` prefix.
//! Recursion skips symbolic links met on the way (`-R` follows links to files) and stops at a
//! depth of 64. A file holding a NUL byte or invalid UTF-8 is binary: a match is reported as
//! `grep: FILE: binary file matches`. Exit status: 0 if a line was selected, 1 if none, 2 on
//! error (unless `-q` found a match).

use super::args::{self, Spec};
use super::fmt::{read_operand, split_lines};
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
    ],
};

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
    let parsed = match args::parse(&SPEC, argv.get(1..).unwrap_or_default()) {
        Ok(p) => p,
        Err(message) => {
            ctx.err(message.replace("Try 'grep", &format!("{USAGE}Try 'grep")));
            return 2;
        }
    };
    let mut operands = parsed.operands.clone();
    let sources: Vec<String> = parsed.opts.iter().filter(|(k, _)| k == "e").filter_map(|(_, v)| v.clone()).collect();
    let sources = if sources.is_empty() {
        if operands.is_empty() {
            ctx.err(format!("{USAGE}Try 'grep --help' for more information.\n"));
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

    /// The leftmost-longest matches in a line, as `-o` prints them.
    fn matches_in(&self, line: &str) -> Vec<String> {
        let chars: Vec<char> = line.chars().collect();
        let mut found = Vec::new();
        let mut pos = 0;
        while pos < chars.len() {
            let best = self
                .patterns
                .iter()
                .filter_map(|re| re.ends_from(&re.prepare(line), pos).last().copied())
                .max()
                .filter(|&end| end > pos);
            match best {
                Some(end) => {
                    found.push(chars[pos..end].iter().collect());
                    pos = end;
                }
                None => pos += 1,
            }
        }
        found
    }

    /// Searches one file's content and prints what the options ask for.
    fn search(&mut self, data: &[u8], name: &str) {
        let binary = data.contains(&0) || std::str::from_utf8(data).is_err();
        let mut count = 0usize;
        let mut out = String::new();
        let prefix = if self.opts.with_name { format!("{name}:") } else { String::new() };
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
            let number = if self.opts.line_numbers { format!("{}:", i + 1) } else { String::new() };
            if self.opts.only {
                if !self.opts.invert {
                    for m in self.matches_in(&line) {
                        out.push_str(&format!("{prefix}{number}{m}\n"));
                    }
                }
            } else {
                out.push_str(&format!("{prefix}{number}{line}\n"));
            }
        }
        if count > 0 {
            self.matched = true;
        }
        if self.opts.quiet {
            return;
        }
        if self.opts.count {
            out.push_str(&format!("{prefix}{count}\n"));
        }
        if (self.opts.files_with && count > 0) || (self.opts.files_without && count == 0) {
            out = format!("{name}\n");
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

    #[test]
    fn recursion_skips_symlink_loops() {
        let (mut fs, env) = machine();
        fs.symlink(".", "loop").unwrap();
        let (out, _, status) = grep(&mut fs, &env, &["-R", "fig"]);
        assert_eq!((out.as_str(), status), ("fruit.txt:fig\n", 0));
    }
}
