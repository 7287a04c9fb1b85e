//! `sed`: the stream editor, as GNU sed 4.9 behaves.
//!
//! Options `-n`, `-e SCRIPT` and `-f FILE` (repeatable, in order), `-E`/`-r`, `-i[SUFFIX]`,
//! `-s`, `-z`, `-l N`, `--follow-symlinks`, `--posix`, `--help`, `--version`, with GNU's long
//! names and abbreviations; `--debug`, `--sandbox`, `-u` and `-b` are accepted and change
//! nothing here. Commands: `s` (flags `g p N I M`; any delimiter; `&`, `\1`-`\9`, `\n`,
//! `\U \L \u \l \E` in the replacement), `y`, `p P d D q Q = l n N g G h H x z F a i c`, `{ }`,
//! `: b t T`, `#` and `v`; addresses `N`, `$`, `/RE/I M`, `\cREc`, `first~step`, and ranges
//! `A,B`, `A,+N`, `A,~N`, `0,/RE/`, with `!`. The commands that reach other files or run
//! programs (`r R w W e`, and the `w` and `e` flags) are not here: they are reported as GNU
//! reports commands it does not know. Back-references inside a pattern are not supported.
//! Every message, and the exit status (1 for a bad script or option, 2 when an input could not
//! be read, 4 for an I/O error), is GNU's.

mod exec;
mod script;
mod text;

use super::{args, Ctx};
use exec::{Editor, Options};
use script::{CompileError, Compiler, Origin};

/// The last line of `--help`, not printed after a usage error.
const BUG_REPORTS: &str = "E-mail bug reports to: <bug-sed@gnu.org>.\n";

/// The long options in GNU's order (which ambiguity messages list): name, the short option it
/// stands for (or its own key), and whether it takes a value (`Some(true)` required,
/// `Some(false)` optional).
const LONG: &[(&str, &str, Option<bool>)] = &[
    ("binary", "b", None),
    ("regexp-extended", "r", None),
    ("debug", "debug", None),
    ("in-place", "i", Some(false)),
    ("expression", "e", Some(true)),
    ("file", "f", Some(true)),
    ("line-length", "l", Some(true)),
    ("null-data", "z", None),
    ("zero-terminated", "z", None),
    ("quiet", "n", None),
    ("posix", "posix", None),
    ("silent", "n", None),
    ("sandbox", "sandbox", None),
    ("separate", "s", None),
    ("unbuffered", "u", None),
    ("version", "version", None),
    ("help", "help", None),
    ("follow-symlinks", "follow-symlinks", None),
];

/// Short options without a value.
const FLAGS: &str = "bnrsuzE";

/// How parsing the command line ended early.
enum Early {
    /// Print this to standard output and exit 0 (`--help`, `--version`).
    Info(&'static str),
    /// A usage error: this message (may be empty) and the usage text, exit 1.
    Usage(String),
    /// The script failed to compile.
    Compile(CompileError),
    /// A message printed as is after `sed: `, with this exit status.
    Fatal(String, i32),
}

/// What the command line asked for.
struct Invocation {
    compiler: Compiler,
    scripts: usize,
    expressions: usize,
    last_origin: Option<(Origin, usize)>,
    opts: Options,
    operands: Vec<String>,
}

/// Entry point of `sed`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let mut inv = match parse(ctx, argv.get(1..).unwrap_or_default()) {
        Ok(inv) => inv,
        Err(early) => return report(ctx, early),
    };
    if inv.scripts == 0 {
        if inv.operands.is_empty() {
            return report(ctx, Early::Usage(String::new()));
        }
        let script = inv.operands.remove(0);
        inv.expressions += 1;
        if let Err(err) = compile(&mut inv, script.as_bytes(), Origin::Expression(1)) {
            return report(ctx, Early::Compile(err));
        }
    }
    let program = match inv.compiler.finish() {
        Ok(program) => program,
        Err(err) => return report(ctx, Early::Compile(err)),
    };
    let mut opts = inv.opts;
    opts.quiet |= program.quiet;
    opts.error_prefix = match inv.last_origin {
        Some((Origin::File(name), lines)) => format!("file {name} line {lines}: "),
        _ => format!("-e expression #{}, char 0: ", inv.expressions.max(1)),
    };
    if inv.operands.is_empty() {
        if opts.in_place.is_some() {
            return report(ctx, Early::Fatal("no input files".into(), 4));
        }
        inv.operands.push("-".into());
    }
    Editor::new(ctx, &program, &opts, &inv.operands).run()
}

/// Prints how parsing ended and returns the exit status.
fn report(ctx: &mut Ctx, early: Early) -> i32 {
    match early {
        Early::Info(text) => {
            ctx.out(text);
            0
        }
        Early::Usage(message) => {
            if !message.is_empty() {
                ctx.error("sed", message);
            }
            ctx.err(&HELP[..HELP.len() - BUG_REPORTS.len()]);
            1
        }
        Early::Compile(err) => {
            let mut line = b"sed: ".to_vec();
            line.extend_from_slice(&err.message);
            line.push(b'\n');
            ctx.err(line);
            err.status
        }
        Early::Fatal(message, status) => {
            ctx.error("sed", message);
            status
        }
    }
}

/// Compiles one chunk of script, remembering where it came from for run-time errors.
fn compile(inv: &mut Invocation, src: &[u8], origin: Origin) -> Result<(), CompileError> {
    let lines = 1 + src.iter().filter(|&&b| b == b'\n').count();
    inv.last_origin = Some((origin.clone(), lines));
    inv.compiler.chunk(src, origin)
}

/// Parses the command line as GNU `getopt_long` does (options and operands mixed, `--` ends
/// options), compiling each `-e` and `-f` as it comes, as GNU sed does.
fn parse(ctx: &mut Ctx, args: &[String]) -> Result<Invocation, Early> {
    let mut inv = Invocation {
        compiler: Compiler::new(false),
        scripts: 0,
        expressions: 0,
        last_origin: None,
        opts: Options { delimiter: b'\n', line_length: 70, work_limit: exec::MAX_WORK, ..Options::default() },
        operands: Vec::new(),
    };
    let mut extended = false;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if arg == "--" {
            inv.operands.extend(args[i..].iter().cloned());
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let (full, key, takes) = find_long(name)?;
            let value = match (takes, inline) {
                (None, Some(_)) => return Err(Early::Usage(format!("option '--{full}' doesn't allow an argument"))),
                (Some(true), None) if i < args.len() => {
                    i += 1;
                    Some(args[i - 1].clone())
                }
                (Some(true), None) => return Err(Early::Usage(format!("option '--{full}' requires an argument"))),
                (_, inline) => inline,
            };
            apply(ctx, &mut inv, &mut extended, key, value)?;
            continue;
        }
        if arg.len() < 2 || !arg.starts_with('-') {
            inv.operands.push(arg.clone());
            continue;
        }
        let chars: Vec<char> = arg[1..].chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            j += 1;
            let rest: String = chars[j..].iter().collect();
            if FLAGS.contains(c) {
                apply(ctx, &mut inv, &mut extended, &c.to_string(), None)?;
            } else if c == 'i' {
                apply(ctx, &mut inv, &mut extended, "i", Some(rest))?;
                break;
            } else if "eflV".contains(c) {
                let value = if !rest.is_empty() {
                    rest
                } else if i < args.len() {
                    i += 1;
                    args[i - 1].clone()
                } else {
                    return Err(Early::Usage(format!("option requires an argument -- '{c}'")));
                };
                apply(ctx, &mut inv, &mut extended, &c.to_string(), Some(value))?;
                break;
            } else {
                return Err(Early::Usage(format!("invalid option -- '{c}'")));
            }
        }
    }
    inv.compiler.set_extended(extended);
    Ok(inv)
}

/// The long option a name (or unique prefix) stands for.
fn find_long(name: &str) -> Result<(&'static str, &'static str, Option<bool>), Early> {
    args::abbreviation(LONG.iter().map(|&(n, k, t)| (n, (k, t))), name)
        .map(|(full, (key, takes))| (full, key, takes))
        .map_err(|possible| Early::Usage(args::long_option_problem(name, &possible)))
}

/// Applies one option.
fn apply(
    ctx: &mut Ctx,
    inv: &mut Invocation,
    extended: &mut bool,
    key: &str,
    value: Option<String>,
) -> Result<(), Early> {
    match key {
        "n" => inv.opts.quiet = true,
        "r" | "E" => {
            *extended = true;
            inv.compiler.set_extended(true);
        }
        "s" => inv.opts.separate = true,
        "z" => inv.opts.delimiter = 0,
        "i" => {
            inv.opts.in_place = Some(value.unwrap_or_default());
            inv.opts.separate = true;
        }
        "l" => inv.opts.line_length = atoi(value.as_deref().unwrap_or("")),
        "posix" => inv.opts.posix = true,
        "follow-symlinks" => inv.opts.follow_symlinks = true,
        "help" => return Err(Early::Info(HELP)),
        "version" => return Err(Early::Info(VERSION)),
        // GNU takes `-V VALUE` and answers it with the usage text.
        "V" => return Err(Early::Usage(String::new())),
        "e" => {
            inv.scripts += 1;
            inv.expressions += 1;
            let n = inv.expressions;
            let script = value.unwrap_or_default();
            compile(inv, script.as_bytes(), Origin::Expression(n)).map_err(Early::Compile)?;
        }
        "f" => {
            inv.scripts += 1;
            let name = value.unwrap_or_default();
            let src = if name == "-" {
                ctx.stdin()
            } else {
                match ctx.fs.read(&name) {
                    Ok(data) => data.to_vec(),
                    Err(err) => return Err(Early::Fatal(format!("couldn't open file {name}: {err}"), 4)),
                }
            };
            compile(inv, &src, Origin::File(name)).map_err(Early::Compile)?;
        }
        _ => {}
    }
    Ok(())
}

/// C's `atoi`: leading blanks, a sign, digits; 0 when there are none.
fn atoi(text: &str) -> usize {
    let t = text.trim_start();
    let t = t.strip_prefix('+').unwrap_or(t);
    let digits: String = t.chars().take_while(char::is_ascii_digit).take(18).collect();
    digits.parse().unwrap_or(0)
}

/// What `sed --help` prints (and, without its last line, what a usage error prints).
const HELP: &str = r#"Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
      --debug
                 annotate program execution
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  --follow-symlinks
                 follow symlinks when processing in place
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -l N, --line-length=N
                 specify the desired line-wrap length for the `l' command
  --posix
                 disable all GNU extensions.
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).
  -s, --separate
                 consider files as separate rather than as a single,
                 continuous long stream.
      --sandbox
                 operate in sandbox mode (disable e/r/w commands).
  -u, --unbuffered
                 load minimal amounts of data from the input files and flush
                 the output buffers more often
  -z, --null-data
                 separate lines by NUL characters
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
E-mail bug reports to: <bug-sed@gnu.org>.
"#;

/// What `sed --version` prints.
const VERSION: &str = r#"sed (GNU sed) 4.9
Packaged by Debian
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by Jay Fenlason, Tom Lord, Ken Pizzini,
Paolo Bonzini, Jim Meyering, and Assaf Gordon.

This sed program was built with SELinux support.
SELinux is disabled on this system.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
E-mail bug reports to: <bug-sed@gnu.org>.
"#;

#[cfg(test)]
mod tests {
    use super::super::walk::testing::{err, out, run_args};
    use super::super::{test_machine, Env};
    use crate::fs::{Change, Cred, Fs};

    const MAIN: &[u8] =
        b"import sys\n\nimport numpy\n\nprint(\"numpy\", numpy.__version__, \"from\", numpy.__file__)\n";
    const SETTINGS: &[u8] =
        b"{\n    \"python.defaultInterpreterPath\": \"/home/kai/Projects/example/.venv/bin/python\"\n}\n";

    fn machine() -> (Fs, Env) {
        let (mut fs, env) = test_machine();
        fs.write("main.py", MAIN).unwrap();
        fs.mkdir(".vscode", 0o755).unwrap();
        fs.write(".vscode/settings.json", SETTINGS).unwrap();
        fs.write("f", b"hello world\nfoo bar\n").unwrap();
        (fs, env)
    }

    fn sed(fs: &mut Fs, env: &Env, args: &[&str]) -> (String, String, i32) {
        run_args(fs, env, "sed", args, b"")
    }

    fn piped(args: &[&str], stdin: &str) -> (String, String, i32) {
        let (mut fs, env) = machine();
        run_args(&mut fs, &env, "sed", args, stdin.as_bytes())
    }

    fn fails(text: &str, status: i32) -> (String, String, i32) {
        (String::new(), text.to_string(), status)
    }

    #[test]
    fn golden_sed() {
        let (mut fs, env) = machine();
        assert_eq!(
            sed(&mut fs, &env, &["s/example/renamed/", ".vscode/settings.json"]).0,
            "{\n    \"python.defaultInterpreterPath\": \"/home/kai/Projects/renamed/.venv/bin/python\"\n}\n"
        );
        assert_eq!(sed(&mut fs, &env, &["-n", "3p", "main.py"]), out("import numpy\n"));
        assert_eq!(sed(&mut fs, &env, &["-i", "s/numpy/math/g", "main.py"]), out(""));
        assert_eq!(
            fs.read("main.py").unwrap().as_slice(),
            b"import sys\n\nimport math\n\nprint(\"math\", math.__version__, \"from\", math.__file__)\n"
        );
        assert_eq!(piped(&["-n", "2,4p"], "1\n2\n3\n4\n5\n"), out("2\n3\n4\n"));
        assert_eq!(piped(&["$d"], "1\n2\n3\n"), out("1\n2\n"));
        assert_eq!(
            sed(&mut fs, &env, &["s/a/b", "main.py"]),
            err("sed: -e expression #1, char 5: unterminated `s' command\n")
        );
        assert_eq!(
            sed(&mut fs, &env, &["p", "nofile"]),
            fails("sed: can't read nofile: No such file or directory\n", 2)
        );
        let (stdout, stderr, status) = sed(&mut fs, &env, &["-x"]);
        assert_eq!((stdout.as_str(), status), ("", 1));
        assert!(
            stderr.starts_with("sed: invalid option -- 'x'\nUsage: sed [OPTION]... {script-only-if-no-other-script}")
        );
        assert!(!stderr.contains("E-mail bug reports"));
    }

    #[test]
    fn substitutions() {
        assert_eq!(piped(&["s/b*/-/g"], "abc\n"), out("-a-c-\n"));
        assert_eq!(piped(&["s/x*/-/g"], "abc\n"), out("-a-b-c-\n"));
        assert_eq!(piped(&["s/b*/-/3"], "abcbd\n"), out("abc-d\n"));
        assert_eq!(piped(&["s/o/0/2g"], "foo boo\n"), out("fo0 b00\n"));
        assert_eq!(piped(&["s/\\(a*\\) \\(b*\\)/\\2 \\1/"], "aaa bbb\n"), out("bbb aaa\n"));
        assert_eq!(piped(&["-E", "s/(l+)/[\\1]/"], "hello\n"), out("he[ll]o\n"));
        assert_eq!(piped(&["s/L/x/I"], "hello\n"), out("hexlo\n"));
        assert_eq!(piped(&["s/.*/\\U&\\Ex\\LABC/"], "ab\n"), out("ABxabc\n"));
        assert_eq!(piped(&["s|a\\|b|X|"], "a|b\n"), out("X\n"));
        assert_eq!(piped(&["s/l/\\n/;s/^/[/"], "hello\n"), out("[he\nlo\n"));
        assert_eq!(piped(&["s/e/a\\&b\\\\c\\/d/"], "hello\n"), out("ha&b\\c/dllo\n"));
        assert_eq!(piped(&["/o/s//0/g"], "foo\n"), out("f00\n"));
        assert_eq!(piped(&["s/[/]/X/"], "a/b\n"), out("aXb\n"));
        assert_eq!(piped(&["-n", "s/o/0/gp"], "foo\nbar\n"), out("f00\n"));
        assert_eq!(piped(&["y/abc/xyz/"], "aabbcc\n"), out("xxyyzz\n"));
    }

    #[test]
    fn addresses_and_flow() {
        let ten: String = (1..=10).map(|n| format!("{n}\n")).collect();
        assert_eq!(piped(&["-n", "0~3p"], &ten).0, "3\n6\n9\n");
        assert_eq!(piped(&["-n", "/4/,/[0-9]/p"], &ten).0, "4\n5\n");
        assert_eq!(piped(&["-n", "5,2p"], &ten).0, "5\n");
        assert_eq!(piped(&["-n", "4,~4p"], &ten).0, "4\n5\n6\n7\n8\n");
        assert_eq!(piped(&["-n", "/[37]/,+1p"], &ten).0, "3\n4\n7\n8\n");
        assert_eq!(piped(&["-n", "0,/[0-9]/p"], &ten).0, "1\n");
        assert_eq!(piped(&["-n", "1{N;d};2,4p"], &ten).0, "3\n4\n");
        assert_eq!(piped(&["2!d"], &ten).0, "2\n");
        assert_eq!(piped(&["2q7"], &ten), ("1\n2\n".into(), String::new(), 7));
        assert_eq!(piped(&["2Q"], &ten).0, "1\n");
        assert_eq!(piped(&["$!N;s/\\n/-/"], "a\nb\nc\n").0, "a-b\nc\n");
        assert_eq!(piped(&["1!G;h;$!d"], "a\nb\nc\n").0, "c\nb\na\n");
        assert_eq!(piped(&[":a;N;$!ba;s/\\n/,/g"], "a\nb\nc\n").0, "a,b,c\n");
        assert_eq!(piped(&["N;P;D"], "a\nb\nc\n").0, "a\nb\nc\n");
        assert_eq!(piped(&["="], "a\nb\n").0, "1\na\n2\nb\n");
        assert_eq!(piped(&["-n", "l 5"], "a\tbcdef\n").0, "a\\tb\\\ncdef$\n");
        assert_eq!(piped(&["-e", "1a\\", "-e", "  x"], "a\nb\n").0, "a\n  x\nb\n");
        assert_eq!(piped(&["-e", "1i top", "-e", "$a end", "-e", "2c two"], "a\nb\n").0, "top\na\ntwo\nend\n");
        assert_eq!(piped(&["p"], "a").0, "a\na");
        assert_eq!(piped(&["-n", "p;q"], "a").0, "a\n");
        assert_eq!(piped(&["x;G"], "a\nb").0, "\na\na\nb");
        assert_eq!(piped(&["$!d;x;G;x"], "a\nb").0, "b");
        assert_eq!(piped(&["#n\np"], "a\n").0, "a\n");
    }

    #[test]
    fn files_and_errors() {
        let (mut fs, env) = machine();
        fs.write("nb", b"b\n").unwrap();
        assert_eq!(
            sed(&mut fs, &env, &["-n", "$p", "f", "nofile"]),
            ("foo bar\n".into(), "sed: can't read nofile: No such file or directory\n".into(), 2)
        );
        assert_eq!(sed(&mut fs, &env, &["-s", "-n", "1p", "f", "nb"]).0, "hello world\nb\n");
        assert_eq!(sed(&mut fs, &env, &["q5", "f", "nofile"]).2, 5);
        assert_eq!(sed(&mut fs, &env, &["q5", "nofile", "f"]).2, 2);
        assert_eq!(
            sed(&mut fs, &env, &["p", ".vscode", "f"]),
            fails("sed: read error on .vscode: Is a directory\n", 4)
        );
        assert_eq!(sed(&mut fs, &env, &["bfoo", "f"]), fails("sed: can't find label for jump to `foo'\n", 4));
        assert_eq!(
            sed(&mut fs, &env, &["-e", "p", "-e", "X", "f"]),
            err("sed: -e expression #2, char 1: unknown command: `X'\n")
        );
        assert_eq!(
            sed(&mut fs, &env, &["-e", "p", "-e", "2s//x/", "f"]),
            (
                "hello world\nhello world\nfoo bar\n".into(),
                "sed: -e expression #2, char 0: no previous regular expression\n".into(),
                1
            )
        );
        assert_eq!(sed(&mut fs, &env, &["r x", "f"]), err("sed: -e expression #1, char 1: unknown command: `r'\n"));
        fs.write("script.sed", b"p\n\nX\n").unwrap();
        assert_eq!(
            sed(&mut fs, &env, &["-f", "script.sed", "f"]),
            err("sed: file script.sed line 3: unknown command: `X'\n")
        );
        assert_eq!(
            sed(&mut fs, &env, &["-f", "none", "f"]),
            fails("sed: couldn't open file none: No such file or directory\n", 4)
        );
        assert_eq!(sed(&mut fs, &env, &["-E", "s/a{1/x/", "f"]), err("sed: -e expression #1, char 8: Unmatched \\{\n"));
        assert_eq!(sed(&mut fs, &env, &["-i", "p"]), fails("sed: no input files\n", 4));
        let (_, stderr, status) = sed(&mut fs, &env, &["--s", "p"]);
        assert!(
            stderr.starts_with("sed: option '--s' is ambiguous; possibilities: '--silent' '--sandbox' '--separate'\n")
        );
        assert_eq!(status, 1);
        assert_eq!(sed(&mut fs, &env, &["--expr=p", "-n", "f"]).0, "hello world\nfoo bar\n");
        let (help, _, status) = sed(&mut fs, &env, &["--help"]);
        assert!(help.ends_with("E-mail bug reports to: <bug-sed@gnu.org>.\n") && status == 0);
        assert!(sed(&mut fs, &env, &["--version"]).0.starts_with("sed (GNU sed) 4.9\n"));
    }

    #[test]
    fn in_place() {
        let (mut fs, env) = machine();
        fs.chmod("f", 0o751).unwrap();
        let ino = fs.stat("f").unwrap().ino;
        fs.take_changes();
        assert_eq!(sed(&mut fs, &env, &["-i", "s/foo/baz/", "f"]), out(""));
        assert_eq!(fs.read("f").unwrap().as_slice(), b"hello world\nbaz bar\n");
        let meta = fs.stat("f").unwrap();
        assert_eq!((meta.perm, meta.ino), (0o751, ino));
        assert_eq!(fs.take_changes().0, vec![Change::Modified("/home/kai/f".into())]);
        // A backup keeps the old file; -n and p write only what is printed.
        assert_eq!(sed(&mut fs, &env, &["-n", "-i.bak", "1p", "f"]), out(""));
        assert_eq!(fs.read("f").unwrap().as_slice(), b"hello world\n");
        assert_eq!(fs.read("f.bak").unwrap().as_slice(), b"hello world\nbaz bar\n");
        assert_eq!(fs.stat("f.bak").unwrap().ino, ino);
        // A symbolic link is replaced by a file unless --follow-symlinks.
        fs.symlink("main.py", "link").unwrap();
        assert_eq!(sed(&mut fs, &env, &["-i", "1d", "link"]), out(""));
        assert_eq!(fs.lstat("link").unwrap().kind, crate::fs::FileKind::File);
        assert_eq!(fs.read("main.py").unwrap().as_slice(), MAIN);
        fs.symlink("main.py", "link2").unwrap();
        assert_eq!(sed(&mut fs, &env, &["-i", "--follow-symlinks", "1d", "link2"]), out(""));
        assert_eq!(fs.lstat("link2").unwrap().kind, crate::fs::FileKind::Symlink);
        assert!(fs.read("main.py").unwrap().starts_with(b"\nimport numpy"));
        // q keeps what was printed so far; the files after it stay.
        fs.write("g", b"1\n2\n3\n").unwrap();
        assert_eq!(sed(&mut fs, &env, &["-i", "2q", "g", "f"]), out(""));
        assert_eq!(fs.read("g").unwrap().as_slice(), b"1\n2\n");
        // Errors.
        assert_eq!(
            sed(&mut fs, &env, &["-i", "p", "nofile"]),
            fails("sed: can't read nofile: No such file or directory\n", 2)
        );
        assert_eq!(
            sed(&mut fs, &env, &["-i", "p", ".vscode"]),
            fails("sed: couldn't edit .vscode: not a regular file\n", 4)
        );
        assert_eq!(
            sed(&mut fs, &env, &["-i", "p", "/etc/passwd"]),
            fails("sed: couldn't open temporary file /etc/sedq7RxWe: Permission denied\n", 4)
        );
        // A read-only file in a writable directory is replaced, keeping its mode.
        fs.chmod("g", 0o444).unwrap();
        assert_eq!(sed(&mut fs, &env, &["-i", "s/1/one/", "g"]), out(""));
        assert_eq!((fs.read("g").unwrap().as_slice(), fs.stat("g").unwrap().perm), (&b"one\n2\n"[..], 0o444));
        // Root keeps another user's file as theirs.
        fs.set_cred(Cred::ROOT);
        fs.chown("g", 0, 0).unwrap();
        fs.set_cred(Cred { uid: 1000, gid: 1000 });
        assert_eq!(sed(&mut fs, &env, &["-i", "s/one/1/", "g"]), out(""));
        assert_eq!(fs.stat("g").unwrap().uid, 1000);
    }

    /// Random scripts from sed's own characters never panic (a small step budget keeps loops
    /// like `G;D` short).
    #[test]
    fn random_scripts_are_total() {
        use super::exec::{Editor, Options};
        use super::script::{Compiler, Origin};
        let alphabet: &[u8] = b"spdqQ=nNgGhHxlPDyzF{}!;,$/\\0123456789~+aic:btT#&IMgwr. *[]^()|-\nE";
        let mut seed: u64 = 0x5eed;
        let (mut fs, env) = machine();
        for _ in 0..3000 {
            let mut script = Vec::new();
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let len = (seed >> 59) as usize + 1;
            for _ in 0..len {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                script.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            let extended = seed & 1 == 1;
            let mut compiler = Compiler::new(extended);
            if compiler.chunk(&script, Origin::Expression(1)).is_err() {
                continue;
            }
            let Ok(program) = compiler.finish() else { continue };
            let opts = Options { delimiter: b'\n', line_length: 70, work_limit: 20_000, ..Options::default() };
            let mut io = crate::io::Io::new(false, 80);
            let mut trace = Vec::new();
            let mut ctx = super::Ctx { fs: &mut fs, env: &env, io: &mut io, trace: &mut trace, exec: None, build: "" };
            let files = vec!["f".to_string(), "main.py".to_string()];
            Editor::new(&mut ctx, &program, &opts, &files).run();
        }
    }

    #[test]
    fn bytes_and_limits() {
        let (mut fs, env) = machine();
        fs.write("bin", b"caf\xc3\xa9 \xff\n").unwrap();
        assert_eq!(sed(&mut fs, &env, &["-i", "s/f/F/", "bin"]).2, 0);
        assert_eq!(fs.read("bin").unwrap().as_slice(), b"caF\xc3\xa9 \xff\n");
        let (_, stderr, status) = piped(&[":a;ba"], "x\n");
        assert_eq!((stderr.as_str(), status), ("sed: stopped after 30000000 steps (venvlab limit)\n", 4));
        let (_, stderr, status) = piped(&["s/.*/&&&&&&&&/;s/.*/&&&&&&&&/;s/.*/&&&&&&&&/;s/.*/&&&&&&&&/;s/.*/&&&&&&&&/;s/.*/&&&&&&&&/;s/.*/&&&&&&&&/;s/.*/&&&&&&&&/"], "xxxxxxxx\n");
        assert_eq!(
            (stderr.as_str(), status),
            ("sed: pattern or hold space larger than 4194304 bytes (venvlab limit)\n", 4)
        );
        let (_, stderr, status) = piped(&[":a;H;g;ba"], "x\n");
        assert_eq!(
            (stderr.as_str(), status),
            ("sed: pattern or hold space larger than 4194304 bytes (venvlab limit)\n", 4)
        );
    }
}
