//! `printenv` (GNU coreutils 9.1): print the environment, or the values of some variables.
//!
//! Without operands it prints every variable as `env` does (the code is `env`'s). With names it
//! prints each one's value on a line of its own; a name that is unset, or holds a `=`, prints
//! nothing and makes the status 1. `-0`/`--null` ends each line with a NUL byte instead. Usage
//! errors exit with 2, as GNU's `printenv` does.

use super::args::{self, Spec};
use super::{env, Ctx};

/// The status of a usage error (coreutils' `PRINTENV_FAILURE`).
const USAGE_STATUS: i32 = 2;

/// Who `--version` credits.
const AUTHORS: &str = "David MacKenzie and Richard Mlynarik.";

/// What `--help` prints before coreutils' footer.
const USAGE: &str = "Usage: printenv [OPTION]... [VARIABLE]...
Print the values of the specified environment VARIABLE(s).
If no VARIABLE is specified, print name and value pairs for them all.

  -0, --null     end each output line with NUL, not newline
      --help        display this help and exit
      --version     output version information and exit

NOTE: your shell may have its own version of printenv, which usually supersedes
the version described here.  Please refer to your shell's documentation
for details about the options it supports.
";

/// Entry point of `printenv`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let spec = Spec {
        prog: "printenv",
        flags: "0",
        with_value: "",
        long: &[("null", "0", false), ("help", "help", false), ("version", "version", false)],
    };
    let parsed = match args::parse(&spec, argv.get(1..).unwrap_or_default()) {
        Ok(parsed) => parsed,
        Err(message) => {
            ctx.err(message);
            return USAGE_STATUS;
        }
    };
    if let Some(status) = parsed.coreutils_info(ctx, "printenv", USAGE, AUTHORS) {
        return status;
    }
    let null = parsed.has("0");
    if parsed.operands.is_empty() {
        let all = ctx.env;
        env::print_environment(ctx, all, null);
        return 0;
    }
    let end = if null { "\0" } else { "\n" };
    let mut text = String::new();
    let mut missing = false;
    for name in &parsed.operands {
        match ctx.var(name).filter(|_| !name.contains('=')) {
            Some(value) => {
                text.push_str(value);
                text.push_str(end);
            }
            None => missing = true,
        }
    }
    ctx.out(text);
    i32::from(missing)
}

#[cfg(test)]
mod tests {
    use super::super::{run_for_test, test_machine};

    fn run(argv: &[&str]) -> (String, String, i32) {
        let (mut fs, env) = test_machine();
        run_for_test(&mut fs, &env, argv, b"")
    }

    /// Recorded from coreutils 9.1 with `env -i HOME=/home/kai USER=kai ...`.
    #[test]
    fn prints_values_of_names() {
        assert_eq!(run(&["printenv", "HOME"]), ("/home/kai\n".into(), String::new(), 0));
        assert_eq!(run(&["printenv", "PATH", "USER"]), ("/usr/bin:/bin\nkai\n".into(), String::new(), 0));
        assert_eq!(run(&["printenv", "USER", "NOPE", "HOME"]), ("kai\n/home/kai\n".into(), String::new(), 1));
        assert_eq!(run(&["printenv", "NOPE"]), (String::new(), String::new(), 1));
        assert_eq!(run(&["printenv", "HOME=/home/kai"]), (String::new(), String::new(), 1));
        assert_eq!(run(&["printenv", ""]), (String::new(), String::new(), 1));
        assert_eq!(run(&["printenv", "--", "HOME"]).0, "/home/kai\n");
        assert_eq!(run(&["printenv", "USER", "-0"]).0, "kai\0");
        assert_eq!(run(&["printenv", "--nul", "HOME", "USER"]).0, "/home/kai\0kai\0");
    }

    #[test]
    fn without_names_prints_the_environment_as_env_does() {
        let (mut fs, env) = test_machine();
        let all = "HOME=/home/kai\nPATH=/usr/bin:/bin\nPWD=/home/kai\nUSER=kai\n";
        assert_eq!(run_for_test(&mut fs, &env, &["printenv"], b"").0, all);
        assert_eq!(run_for_test(&mut fs, &env, &["env"], b"").0, all);
        assert_eq!(run_for_test(&mut fs, &env, &["printenv", "-0"], b"").0, all.replace('\n', "\0"));
    }

    #[test]
    fn usage_errors_exit_2() {
        let try_help = "Try 'printenv --help' for more information.\n";
        assert_eq!(run(&["printenv", "-x"]), (String::new(), format!("printenv: invalid option -- 'x'\n{try_help}"), 2));
        assert_eq!(
            run(&["printenv", "--bogus"]),
            (String::new(), format!("printenv: unrecognized option '--bogus'\n{try_help}"), 2)
        );
        assert_eq!(
            run(&["printenv", "--null=1"]),
            (String::new(), format!("printenv: option '--null' doesn't allow an argument\n{try_help}"), 2)
        );
    }

    #[test]
    fn help_and_version() {
        let (out, err, status) = run(&["printenv", "--he", "HOME"]);
        assert!(out.starts_with("Usage: printenv [OPTION]... [VARIABLE]...\n"), "{out}");
        assert_eq!((err.as_str(), status), ("", 0));
        assert!(run(&["printenv", "--version"]).0.starts_with("printenv (GNU coreutils) 9.1\n"));
    }
}
