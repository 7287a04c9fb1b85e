//! `tee` (GNU coreutils 9.1): copy standard input to standard output and to each FILE.
//!
//! Every FILE is opened first (created, or emptied unless `-a`/`--append` asks to add to its
//! end); one that cannot be opened is reported (`tee: /x: Permission denied`) and the copy goes
//! on to the others, ending with status 1. Then standard input is read and written to standard
//! output and each open file in turn. A failed write (a closed standard output, a full disk) is
//! reported the same way; with `--output-error=exit` or `exit-nopipe` it stops `tee` at once.
//! `-i` (ignore interrupts) changes nothing here, and `-p` is `--output-error=warn-nopipe`: no
//! pipe of the simulation ever closes early, so the modes differ only in whether a write error
//! ends the run. A FILE of `-` is a file of that name; `/dev/null` discards, `/dev/stdout` and
//! `/dev/stderr` reach the descriptors. Writes go through the filesystem, so the change journal
//! sees each file created or modified.

use super::args::{self, Spec};
use super::walk::{quote_locale, quotef};
use super::Ctx;
use crate::fs::{FsError, Ino, OpenOptions};

/// Who `--version` credits.
const AUTHORS: &str = "Mike Parker, Richard M. Stallman, and David MacKenzie.";

/// What `--help` prints before coreutils' footer.
const USAGE: &str = "Usage: tee [OPTION]... [FILE]...
Copy standard input to each FILE, and also to standard output.

  -a, --append              append to the given FILEs, do not overwrite
  -i, --ignore-interrupts   ignore interrupt signals
  -p                        diagnose errors writing to non pipes
      --output-error[=MODE]   set behavior on write error.  See MODE below
      --help        display this help and exit
      --version     output version information and exit

MODE determines behavior with write errors on the outputs:
  warn           diagnose errors writing to any output
  warn-nopipe    diagnose errors writing to any output not a pipe
  exit           exit on error writing to any output
  exit-nopipe    exit on error writing to any output not a pipe
The default MODE for the -p option is 'warn-nopipe'.
The default operation when --output-error is not specified, is to
exit immediately on error writing to a pipe, and diagnose errors
writing to non pipe outputs.
";

/// The values `--output-error` accepts, in the order GNU lists them.
const MODES: &[&str] = &["warn", "warn-nopipe", "exit", "exit-nopipe"];

/// The long options, for the parser; `--output-error` is rewritten before parsing (see
/// [`rewrite_output_error`]) because its value is optional.
const LONG: &[(&str, &str, bool)] = &[
    ("append", "a", false),
    ("ignore-interrupts", "i", false),
    ("output-error", "output-error", true),
    ("help", "help", false),
    ("version", "version", false),
];

/// Where one output of `tee` leads.
enum Target {
    /// A standard descriptor (standard output itself, or `/dev/stdout`, `/dev/stderr`).
    Fd(u32),
    /// `/dev/null`.
    Null,
    /// An open regular file; `append` writes at its end, otherwise from its start.
    File { ino: Ino, append: bool, path: String, existed: bool },
}

/// Entry point of `tee`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let spec = Spec { prog: "tee", flags: "aip", with_value: "", long: LONG };
    let args = rewrite_output_error(argv.get(1..).unwrap_or_default());
    let Some(parsed) = args::parse_or_report(ctx, &spec, &args) else { return 1 };
    if let Some(status) = parsed.coreutils_info(ctx, "tee", USAGE, AUTHORS) {
        return status;
    }
    let mut exit_on_error = false;
    for (key, value) in &parsed.opts {
        match (key.as_str(), value) {
            ("p", _) => exit_on_error = false,
            ("output-error", Some(value)) => match output_error_mode(value) {
                Ok(mode) => exit_on_error = mode.starts_with("exit"),
                Err(message) => return args::usage_error(ctx, "tee", &message),
            },
            _ => {}
        }
    }
    let append = parsed.has("a");
    let mut status = 0;
    let mut outputs = vec![("standard output".to_string(), Target::Fd(1))];
    for name in &parsed.operands {
        match open(ctx, name, append) {
            Ok(target) => outputs.push((name.clone(), target)),
            Err(err) => {
                ctx.error("tee", format!("{}: {err}", quotef(name)));
                status = 1;
            }
        }
    }
    let data = ctx.stdin();
    if data.is_empty() {
        return status;
    }
    for (name, target) in &outputs {
        if let Err(err) = write(ctx, target, &data) {
            ctx.error("tee", format!("{}: {err}", quotef(name)));
            status = 1;
            if exit_on_error {
                return status;
            }
        }
    }
    status
}

/// Rewrites `--output-error` (or a prefix of it) given without a value to `-p`, which means
/// the same (`warn-nopipe`), so that the parser, which knows only options that always or
/// never take a value, can read the rest. Options end at `--`.
fn rewrite_output_error(args: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(args.len());
    let mut options = true;
    for arg in args {
        options &= arg != "--";
        let bare_output_error =
            arg.strip_prefix("--").is_some_and(|name| !name.is_empty() && "output-error".starts_with(name));
        out.push(if options && bare_output_error { "-p".to_string() } else { arg.clone() });
    }
    out
}

/// Reads an `--output-error` value as gnulib's `argmatch` does: a mode's full name or a prefix
/// of exactly one. The error is the message, with the list of valid arguments.
fn output_error_mode(value: &str) -> Result<&'static str, String> {
    let possible = match args::abbreviation(MODES.iter().map(|&mode| (mode, mode)), value) {
        Ok((mode, _)) => return Ok(mode),
        Err(possible) => possible,
    };
    let problem = if possible.is_empty() { "invalid" } else { "ambiguous" };
    let mut message = format!("{problem} argument {} for \u{2018}--output-error\u{2019}\nValid arguments are:", quote_locale(value));
    for mode in MODES {
        message.push_str(&format!("\n  - {}", quote_locale(mode)));
    }
    Err(message)
}

/// Opens one FILE for writing: a device by what it is, anything else as a regular file.
fn open(ctx: &mut Ctx, name: &str, append: bool) -> Result<Target, FsError> {
    if let Some(device) = device(ctx, name) {
        return Ok(device);
    }
    let existed = ctx.fs.stat(name).is_ok();
    let ino = ctx.fs.open_write(name, OpenOptions { create: true, exclusive: false, truncate: !append })?;
    Ok(Target::File { ino, append, path: name.to_string(), existed })
}

/// The device a name leads to: `/dev/null` (through any links), or `/dev/stdout` and
/// `/dev/stderr`, links to `/proc/self/fd/1` and `2`, a directory the simulation lacks.
fn device(ctx: &Ctx, name: &str) -> Option<Target> {
    if ctx.fs.realpath(name).is_ok_and(|real| real == "/dev/null") {
        return Some(Target::Null);
    }
    match ctx.fs.readlink(name).ok()?.as_str() {
        "/proc/self/fd/1" => Some(Target::Fd(1)),
        "/proc/self/fd/2" => Some(Target::Fd(2)),
        _ => None,
    }
}

/// Writes the data to one output. A closed descriptor is `EBADF`.
fn write(ctx: &mut Ctx, target: &Target, data: &[u8]) -> Result<(), String> {
    match target {
        Target::Fd(fd) => {
            if ctx.io.write(*fd, data) {
                Ok(())
            } else {
                Err("Bad file descriptor".to_string())
            }
        }
        Target::Null => Ok(()),
        Target::File { ino, append: true, path, existed } => {
            ctx.fs.append(*ino, data).map_err(|e| e.to_string())?;
            if *existed {
                let _ = ctx.fs.note_modified(path);
            }
            Ok(())
        }
        Target::File { ino, append: false, .. } => {
            // Written from offset 0 of a file emptied at open: the same file named twice
            // ends up holding the data once, as two descriptors writing at 0 leave it.
            let old = ctx.fs.read_ino(*ino).map_err(|e| e.to_string())?;
            let mut content = data.to_vec();
            content.extend_from_slice(old.get(data.len()..).unwrap_or_default());
            ctx.fs.write_ino(*ino, &content).map_err(|e| e.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{run_for_test, test_machine, Env};
    use crate::fs::{Change, Fs, FsLimits};

    fn machine() -> (Fs, Env) {
        let (mut fs, env) = test_machine();
        fs.mkdir("d", 0o755).unwrap();
        fs.write("ro", b"").unwrap();
        fs.chmod("ro", 0o444).unwrap();
        fs.take_changes();
        (fs, env)
    }

    fn text(fs: &Fs, path: &str) -> String {
        String::from_utf8_lossy(&fs.read(path).unwrap()).into_owned()
    }

    /// Recorded from coreutils 9.1 as an unprivileged user.
    #[test]
    fn copies_to_stdout_and_files() {
        let (mut fs, env) = machine();
        assert_eq!(run_for_test(&mut fs, &env, &["tee", "a", "b"], b"hi\n"), ("hi\n".into(), String::new(), 0));
        assert_eq!((text(&fs, "a"), text(&fs, "b")), ("hi\n".into(), "hi\n".into()));
        assert_eq!(run_for_test(&mut fs, &env, &["tee", "-a", "a"], b"more\n").0, "more\n");
        assert_eq!(text(&fs, "a"), "hi\nmore\n");
        assert_eq!(run_for_test(&mut fs, &env, &["tee", "--app", "a"], b"x").0, "x");
        assert_eq!(text(&fs, "a"), "hi\nmore\nx");
        // Without -a the file starts over; named twice, it holds the data once (twice with -a).
        run_for_test(&mut fs, &env, &["tee", "a", "a"], b"x\n");
        assert_eq!(text(&fs, "a"), "x\n");
        run_for_test(&mut fs, &env, &["tee", "-a", "a", "a"], b"y\n");
        assert_eq!(text(&fs, "a"), "x\ny\ny\n");
        // `-` is a file name; `--` ends the options.
        assert_eq!(run_for_test(&mut fs, &env, &["tee", "-", "--", "-p"], b"z\n").2, 0);
        assert_eq!((text(&fs, "-"), text(&fs, "-p")), ("z\n".into(), "z\n".into()));
        assert_eq!(run_for_test(&mut fs, &env, &["tee"], b"only\n"), ("only\n".into(), String::new(), 0));
        assert_eq!(run_for_test(&mut fs, &env, &["tee", "-i", "-p", "e"], b"").0, "");
        assert_eq!(text(&fs, "e"), "");
    }

    #[test]
    fn unwritable_files_are_reported_and_the_copy_goes_on() {
        let (mut fs, env) = machine();
        assert_eq!(
            run_for_test(&mut fs, &env, &["tee", "/x", "/", "d/", "nodir/f", "ro", "", "ok"], b"x\n"),
            (
                "x\n".into(),
                "tee: /x: Permission denied\ntee: /: Is a directory\ntee: d/: Is a directory\n\
                 tee: nodir/f: No such file or directory\ntee: ro: Permission denied\n\
                 tee: '': No such file or directory\n"
                    .into(),
                1
            )
        );
        assert_eq!(text(&fs, "ok"), "x\n");
        assert_eq!(run_for_test(&mut fs, &env, &["tee", "/x"], b""), (String::new(), "tee: /x: Permission denied\n".into(), 1));
        assert_eq!(run_for_test(&mut fs, &env, &["tee", "a b/c"], b"").1, "tee: 'a b/c': No such file or directory\n");
    }

    #[test]
    fn records_created_and_changed_files() {
        let (mut fs, env) = machine();
        run_for_test(&mut fs, &env, &["tee", "new"], b"1\n");
        assert_eq!(fs.take_changes().0, vec![Change::Created("/home/kai/new".into())]);
        run_for_test(&mut fs, &env, &["tee", "-a", "new"], b"2\n");
        assert_eq!(fs.take_changes().0, vec![Change::Modified("/home/kai/new".into())]);
        run_for_test(&mut fs, &env, &["tee", "new"], b"3\n");
        assert_eq!(fs.take_changes().0, vec![Change::Modified("/home/kai/new".into())]);
        run_for_test(&mut fs, &env, &["tee", "-a", "other"], b"4\n");
        assert_eq!(fs.take_changes().0, vec![Change::Created("/home/kai/other".into())]);
    }

    #[test]
    fn devices_are_not_files() {
        let (mut fs, env) = machine();
        fs.set_cred(crate::fs::Cred { uid: 0, gid: 0 });
        fs.mkdir("/dev", 0o755).unwrap();
        fs.write("/dev/null", b"").unwrap();
        fs.chmod("/dev/null", 0o666).unwrap();
        fs.symlink("/proc/self/fd/2", "/dev/stderr").unwrap();
        fs.set_cred(crate::fs::Cred { uid: 1000, gid: 1000 });
        assert_eq!(run_for_test(&mut fs, &env, &["tee", "/dev/null", "/dev/stderr"], b"x\n"), ("x\n".into(), "x\n".into(), 0));
        assert_eq!(text(&fs, "/dev/null"), "");
    }

    #[test]
    fn write_errors() {
        let (mut fs, env) = machine();
        let limits = FsLimits { max_file_size: 4, ..fs.limits() };
        fs.set_limits(limits);
        assert_eq!(
            run_for_test(&mut fs, &env, &["tee", "big", "small"], b"123456\n"),
            ("123456\n".into(), "tee: big: File too large\ntee: small: File too large\n".into(), 1)
        );
        assert_eq!(run_for_test(&mut fs, &env, &["tee", "--output-error=exit", "big", "small"], b"123456\n").1, "tee: big: File too large\n");
        assert_eq!(run_for_test(&mut fs, &env, &["tee", "--output-error", "big", "small"], b"123456\n").1.lines().count(), 2);
    }

    #[test]
    fn usage_errors() {
        let (mut fs, env) = machine();
        let try_help = "Try 'tee --help' for more information.\n";
        assert_eq!(run_for_test(&mut fs, &env, &["tee", "-z"], b"x"), (String::new(), format!("tee: invalid option -- 'z'\n{try_help}"), 1));
        assert_eq!(run_for_test(&mut fs, &env, &["tee", "--bogus"], b"x").1, format!("tee: unrecognized option '--bogus'\n{try_help}"));
        let valid = "Valid arguments are:\n  - \u{2018}warn\u{2019}\n  - \u{2018}warn-nopipe\u{2019}\n  - \u{2018}exit\u{2019}\n  - \u{2018}exit-nopipe\u{2019}\n";
        assert_eq!(
            run_for_test(&mut fs, &env, &["tee", "--output-error=bogus", "c"], b"x"),
            (String::new(), format!("tee: invalid argument \u{2018}bogus\u{2019} for \u{2018}--output-error\u{2019}\n{valid}{try_help}"), 1)
        );
        for value in ["w", "e", ""] {
            let arg = format!("--output-error={value}");
            assert_eq!(
                run_for_test(&mut fs, &env, &["tee", &arg], b"x").1,
                format!("tee: ambiguous argument \u{2018}{value}\u{2019} for \u{2018}--output-error\u{2019}\n{valid}{try_help}")
            );
        }
        assert!(!fs.exists("c"));
        assert_eq!(run_for_test(&mut fs, &env, &["tee", "--o=warn-", "--o", "c"], b"x").2, 0);
        assert_eq!(text(&fs, "c"), "x");
    }

    #[test]
    fn help_and_version() {
        let (mut fs, env) = machine();
        assert!(run_for_test(&mut fs, &env, &["tee", "--help"], b"").0.starts_with("Usage: tee [OPTION]... [FILE]...\n"));
        assert!(run_for_test(&mut fs, &env, &["tee", "--vers"], b"").0.starts_with("tee (GNU coreutils) 9.1\n"));
        // As coreutils 9.1 prints them: the help's footer, and the version's last lines.
        let help = run_for_test(&mut fs, &env, &["tee", "--help"], b"").0;
        assert!(help.ends_with(
            "writing to non pipe outputs.\n\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n\
             Report any translation bugs to <https://translationproject.org/team/>\n\
             Full documentation <https://www.gnu.org/software/coreutils/tee>\n\
             or available locally via: info '(coreutils) tee invocation'\n"
        ));
        let version = run_for_test(&mut fs, &env, &["tee", "--version", "--help"], b"").0;
        assert!(version.ends_with("the extent permitted by law.\n\nWritten by Mike Parker, Richard M. Stallman, and David MacKenzie.\n"), "the first of the two wins");
    }
}
