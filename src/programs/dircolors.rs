//! `dircolors` (GNU coreutils 9.1): print shell code that sets `LS_COLORS`.
//!
//! The colours come from a database of lines `KEYWORD ARGUMENT`: the built-in one
//! (`dircolors.db`, the entries of coreutils 9.1's database without its comments) or a FILE.
//! `TERM` and `COLORTERM` lines are globs matched against the environment's `$TERM` and
//! `$COLORTERM`; the entries after a block of them apply only when one matched, so on a `dumb`
//! terminal the built-in database gives `LS_COLORS=''`. `-b` prints Bourne shell code, `-c` C
//! shell code, `--print-ls-colors` each entry in its own colour; without either, `$SHELL`
//! decides. `-p` (printing the database with its comments) is not simulated.
//!
//! `ls` finds the same `TERM` lines through [`known_term`] when `LS_COLORS` is unset.

use super::args::{self, Spec};
use super::walk::quote_locale;
use super::Ctx;

/// The built-in database: the entries of coreutils 9.1's, one `KEYWORD ARGUMENT` a line.
const DATABASE: &str = include_str!("dircolors.db");

const SPEC: Spec = Spec {
    prog: "dircolors",
    flags: "bcp",
    with_value: "",
    long: &[
        ("sh", "b", false),
        ("bourne-shell", "b", false),
        ("csh", "c", false),
        ("c-shell", "c", false),
        ("print-database", "p", false),
        ("print-ls-colors", "print-ls-colors", false),
    ],
};

/// Long keywords of a database and the two-letter `LS_COLORS` labels they stand for.
const KEYWORDS: &[(&str, &str)] = &[
    ("NORMAL", "no"),
    ("NORM", "no"),
    ("FILE", "fi"),
    ("RESET", "rs"),
    ("DIR", "di"),
    ("LNK", "ln"),
    ("LINK", "ln"),
    ("SYMLINK", "ln"),
    ("ORPHAN", "or"),
    ("MISSING", "mi"),
    ("FIFO", "pi"),
    ("PIPE", "pi"),
    ("SOCK", "so"),
    ("BLK", "bd"),
    ("BLOCK", "bd"),
    ("CHR", "cd"),
    ("CHAR", "cd"),
    ("DOOR", "do"),
    ("EXEC", "ex"),
    ("LEFT", "lc"),
    ("LEFTCODE", "lc"),
    ("RIGHT", "rc"),
    ("RIGHTCODE", "rc"),
    ("END", "ec"),
    ("ENDCODE", "ec"),
    ("SUID", "su"),
    ("SETUID", "su"),
    ("SGID", "sg"),
    ("SETGID", "sg"),
    ("STICKY", "st"),
    ("OTHER_WRITABLE", "ow"),
    ("OWR", "ow"),
    ("STICKY_OTHER_WRITABLE", "tw"),
    ("OWT", "tw"),
    ("CAPABILITY", "ca"),
    ("MULTIHARDLINK", "mh"),
    ("CLRTOEOL", "cl"),
];

/// How the result is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Bourne,
    C,
    /// `--print-ls-colors`: each entry shown in its colour.
    Display,
}

/// Entry point of `dircolors`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, argv.get(1..).unwrap_or_default()) else { return 1 };
    let shell = parsed.last_of(&["b", "c"]);
    let display = parsed.has("print-ls-colors");
    if parsed.has("p") || display {
        if shell.is_some() {
            let message = "the options to output non shell syntax,\nand to select a shell syntax are mutually exclusive";
            return args::usage_error(ctx, "dircolors", message);
        }
        if parsed.has("p") {
            ctx.err("venvlab: dircolors --print-database is not available in this simulation\n");
            return 1;
        }
    }
    if let Some(extra) = parsed.operands.get(1) {
        return args::usage_error(ctx, "dircolors", &format!("extra operand {}", quote_locale(extra)));
    }
    let syntax = match (shell, display) {
        (_, true) => Syntax::Display,
        (Some("c"), _) => Syntax::C,
        (Some(_), _) => Syntax::Bourne,
        (None, _) => match ctx.var("SHELL").filter(|s| !s.is_empty()) {
            Some(shell) if matches!(shell.rsplit('/').next(), Some("csh" | "tcsh")) => Syntax::C,
            Some(_) => Syntax::Bourne,
            None => {
                ctx.error("dircolors", "no SHELL environment variable, and no shell type option given");
                return 1;
            }
        },
    };
    let (text, name) = match parsed.operands.first() {
        None => (DATABASE.to_string(), None),
        Some(file) => match super::fmt::read_operand(ctx, file) {
            Ok(data) => (String::from_utf8_lossy(&data).into_owned(), Some(file.as_str())),
            Err(e) => {
                ctx.error("dircolors", format!("{}: {e}", super::walk::quotef(file)));
                return 1;
            }
        },
    };
    let term = ctx.var("TERM").filter(|t| !t.is_empty()).unwrap_or("none").to_string();
    let colorterm = ctx.var("COLORTERM").unwrap_or("").to_string();
    let (entries, errors) = parse(&text, &term, &colorterm);
    if !errors.is_empty() {
        let name = name.map_or_else(|| "<internal>".to_string(), super::walk::quotef);
        for (line, message) in errors {
            ctx.error("dircolors", format!("{name}:{line}: {message}"));
        }
        return 1;
    }
    let mut out = String::new();
    for (key, value) in &entries {
        if syntax == Syntax::Display {
            out.push_str(&format!("\x1b[{value}m{key}\t{value}\x1b[0m\n"));
        } else {
            out.push_str(&format!("{}={}:", escape(key), escape(value)));
        }
    }
    ctx.out(match syntax {
        Syntax::Bourne => format!("LS_COLORS='{out}';\nexport LS_COLORS\n"),
        Syntax::C => format!("setenv LS_COLORS '{out}'\n"),
        Syntax::Display => out,
    });
    0
}

/// Whether `$TERM` names a terminal the built-in database knows to have colours.
pub fn known_term(term: &str) -> bool {
    DATABASE.lines().filter_map(|l| l.strip_prefix("TERM ")).any(|glob| crate::fnmatch::matches(glob, term))
}

/// Splits a database line into its keyword and argument: blank lines and lines starting
/// with `#` have neither; the argument ends at a `#` and loses its trailing blanks.
fn split_line(line: &str) -> Option<(&str, Option<&str>)> {
    let line = line.trim_start();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let (keyword, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let rest = rest.trim_start();
    let arg = rest.split('#').next().unwrap_or("").trim_end();
    Some((keyword, (!arg.is_empty()).then_some(arg)))
}

/// Whether a `TERM` or `COLORTERM` block selected the lines that follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before any `TERM` line: everything applies.
    Global,
    /// A block that did not match.
    No,
    /// A block that matched, still reading its `TERM` lines.
    Sure,
    /// The entries after a matching block.
    Yes,
}

/// `LS_COLORS` entries: (label or `*suffix`, value).
type Entries = Vec<(String, String)>;

/// Errors in a database: (line number, message).
type Errors = Vec<(usize, String)>;

/// The `LS_COLORS` entries a database gives for these terminal names, and the lines that are
/// wrong.
fn parse(text: &str, term: &str, colorterm: &str) -> (Entries, Errors) {
    let mut state = State::Global;
    let (mut entries, mut errors) = (Vec::new(), Vec::new());
    for (i, line) in text.lines().enumerate() {
        let Some((keyword, arg)) = split_line(line) else { continue };
        let Some(arg) = arg else {
            errors.push((i + 1, "invalid line;  missing second token".to_string()));
            continue;
        };
        let upper = keyword.to_ascii_uppercase();
        let subject = match upper.as_str() {
            "TERM" => Some(term),
            "COLORTERM" => Some(colorterm),
            _ => None,
        };
        if let Some(subject) = subject {
            if state != State::Sure {
                state = if crate::fnmatch::matches(arg, subject) { State::Sure } else { State::No };
            }
            continue;
        }
        if state == State::Sure {
            state = State::Yes;
        }
        let recognized = state != State::No
            && if let Some(suffix) = keyword.strip_prefix('.') {
                entries.push((format!("*.{suffix}"), arg.to_string()));
                true
            } else if keyword.starts_with('*') {
                entries.push((keyword.to_string(), arg.to_string()));
                true
            } else if ["OPTIONS", "COLOR", "EIGHTBIT"].contains(&upper.as_str()) {
                true
            } else if let Some((_, label)) = KEYWORDS.iter().find(|(k, _)| *k == upper) {
                entries.push((label.to_string(), arg.to_string()));
                true
            } else {
                false
            };
        if !recognized && matches!(state, State::Sure | State::Yes) {
            errors.push((i + 1, format!("unrecognized keyword {keyword}")));
        }
    }
    (entries, errors)
}

/// Text as `LS_COLORS` needs it inside single quotes: a quote closes and reopens them, and a
/// `:` or `=` not already escaped gets a backslash.
fn escape(text: &str) -> String {
    let mut out = String::new();
    let mut escaped = false;
    for c in text.chars() {
        match c {
            '\'' => {
                out.push_str("'\\'");
                escaped = false;
            }
            '\\' | '^' => escaped = !escaped,
            ':' | '=' => {
                if !escaped {
                    out.push('\\');
                }
                escaped = false;
            }
            _ => escaped = false,
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::run_args;
    use super::super::{test_machine, Env};

    fn dircolors(env: &[(&str, &str)], args: &[&str]) -> (String, String, i32) {
        let (mut fs, mut base) = test_machine();
        fs.write("ok.db", b"TERM dumb\nDIR 01;33\n.PY 35 # py\n*x=:y 1\nlink target\nCOLOR tty\nTERM xterm\nEXEC 31\n  lc \\e[\n")
            .unwrap();
        fs.write("bad.db", b"TERM dumb\nDIR 01;33\nBOGUS 1\nNOARG\n").unwrap();
        base.extend(env.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let env: &Env = &base;
        run_args(&mut fs, env, "dircolors", args, b"")
    }

    #[test]
    fn the_built_in_database_as_recorded() {
        // `TERM=xterm-256color dircolors -b` on coreutils 9.1: 1784 bytes.
        let (out, err, status) = dircolors(&[("TERM", "xterm-256color")], &["-b"]);
        assert_eq!((err.as_str(), status, out.len()), ("", 0, 1784));
        assert!(out.starts_with(
            "LS_COLORS='rs=0:di=01;34:ln=01;36:mh=00:pi=40;33:so=01;35:do=01;35:bd=40;33;01:cd=40;33;01:or=40;31;01:mi=00:su=37;41:sg=30;43:ca=00:tw=30;42:ow=34;42:st=37;44:ex=01;32:*.tar=01;31:"
        ));
        assert!(out.ends_with(":*.rpmorig=00;90:*.rpmsave=00;90:';\nexport LS_COLORS\n"));
        let csh = dircolors(&[("TERM", "xterm"), ("SHELL", "/bin/tcsh")], &[]).0;
        assert!(csh.starts_with("setenv LS_COLORS 'rs=0:di=01;34:") && csh.ends_with(":*.rpmsave=00;90:'\n"));
    }

    #[test]
    fn an_unknown_terminal_gets_no_colours() {
        assert_eq!(dircolors(&[("TERM", "dumb")], &["-b"]).0, "LS_COLORS='';\nexport LS_COLORS\n");
        assert_eq!(dircolors(&[("TERM", "dumb"), ("COLORTERM", "truecolor")], &["-b"]).0.len(), 1784);
        assert_eq!(dircolors(&[("TERM", "dumb"), ("SHELL", "/bin/bash")], &[]).0, "LS_COLORS='';\nexport LS_COLORS\n");
        assert!(super::known_term("xterm-256color") && super::known_term("screen") && !super::known_term("dumb"));
    }

    #[test]
    fn a_file_of_ones_own() {
        assert_eq!(
            dircolors(&[("TERM", "dumb")], &["-b", "ok.db"]),
            ("LS_COLORS='di=01;33:*.PY=35:*x\\=\\:y=1:ln=target:';\nexport LS_COLORS\n".into(), String::new(), 0)
        );
        assert_eq!(
            dircolors(&[("TERM", "dumb")], &["--print-ls-colors", "ok.db"]).0,
            "\x1b[01;33mdi\t01;33\x1b[0m\n\x1b[35m*.PY\t35\x1b[0m\n\x1b[1m*x=:y\t1\x1b[0m\n\x1b[targetmln\ttarget\x1b[0m\n"
        );
        assert_eq!(
            dircolors(&[("TERM", "xterm")], &["-b", "ok.db"]),
            (String::new(), "dircolors: ok.db:9: unrecognized keyword lc\n".into(), 1)
        );
        assert_eq!(
            dircolors(&[("TERM", "dumb")], &["-b", "bad.db"]),
            (
                String::new(),
                "dircolors: bad.db:3: unrecognized keyword BOGUS\ndircolors: bad.db:4: invalid line;  missing second token\n".into(),
                1
            )
        );
        assert_eq!(dircolors(&[], &["-b", "nope"]).1, "dircolors: nope: No such file or directory\n");
    }

    #[test]
    fn usage_errors() {
        assert_eq!(
            dircolors(&[], &[]),
            (String::new(), "dircolors: no SHELL environment variable, and no shell type option given\n".into(), 1)
        );
        assert_eq!(
            dircolors(&[], &["a", "b"]).1,
            "dircolors: extra operand \u{2018}b\u{2019}\nTry 'dircolors --help' for more information.\n"
        );
        assert_eq!(
            dircolors(&[], &["-bp"]).1,
            "dircolors: the options to output non shell syntax,\nand to select a shell syntax are mutually exclusive\nTry 'dircolors --help' for more information.\n"
        );
        assert_eq!(dircolors(&[], &["-x"]).1, "dircolors: invalid option -- 'x'\nTry 'dircolors --help' for more information.\n");
    }
}
