//! `python -m ensurepip`: installs the pip wheel bundled with the standard library into the
//! running interpreter's environment, as CPython 3.12's `ensurepip` does by running
//! `pip install --no-cache-dir --no-index --find-links TMPDIR [--upgrade] pip`. Without
//! `--default-pip` pip leaves out the unqualified `pip` script (`pip3` and `pip3.12` only),
//! with `--altinstall` `pip3` too. `python -m venv` runs it in the new environment with
//! `--upgrade --default-pip`.
//!
//! Debian and Ubuntu patch the system Python's copy to refuse outside a venv; the standard
//! library's files say which copy this is (its `__init__.py` passes `debian_system_python`).

use super::host::Machine;
use super::index::PIP_VERSION;
use super::pip::{self, Scripts};

const USAGE: &str = "usage: python -m ensurepip [-h] [--version] [-v] [-U] [--user] [--root ROOT]
                           [--altinstall] [--default-pip]
";

const HELP: &str = "
options:
  -h, --help     show this help message and exit
  --version      Show the version of pip that is bundled with this Python.
  -v, --verbose  Give more output. Option is additive, and can be used up to 3
                 times.
  -U, --upgrade  Upgrade pip and dependencies, even if already installed.
  --user         Install using the user scheme.
  --root ROOT    Install everything relative to this alternate root directory.
  --altinstall   Make an alternate install, installing only the X.Y versioned
                 scripts (Default: pipX, pipX.Y).
  --default-pip  Make a default pip install, installing the unqualified pip in
                 addition to the versioned scripts.
";

/// What Debian's patch prints when the system Python is asked to bootstrap pip.
const DISABLED_FOR_SYSTEM: &str = "ensurepip is disabled in Debian/Ubuntu for the system python.

Python modules for the system python are usually handled by dpkg and apt-get.

    apt install python3-<module name>

Install the python3-pip package to use pip itself.  Using pip together
with the system python might have unexpected results for any system installed
module, so use it on your own risk, or make sure to only use it in virtual
environments.

";

/// The options of one run.
#[derive(Debug, Default, PartialEq, Eq)]
struct Options {
    upgrade: bool,
    user: bool,
    root: Option<String>,
    altinstall: bool,
    default_pip: bool,
}

/// What the command line asks for: a bootstrap, or text to print and a status to exit with.
#[derive(Debug, PartialEq, Eq)]
enum Parsed {
    Run(Options),
    Exit { out: String, err: String, status: i32 },
}

const LONG: &[&str] = &["--help", "--version", "--verbose", "--upgrade", "--user", "--root", "--altinstall", "--default-pip"];

/// argparse's reading of ensurepip's arguments.
fn parse(args: &[String]) -> Parsed {
    let error = |message: String| Parsed::Exit { out: String::new(), err: format!("{USAGE}python -m ensurepip: error: {message}\n"), status: 2 };
    let mut o = Options::default();
    let mut unknown = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].clone();
        i += 1;
        let mut flags: Vec<String> = Vec::new();
        let mut inline = None;
        if let Some(long) = arg.strip_prefix("--").filter(|l| !l.is_empty()) {
            let (name, value) = match long.split_once('=') {
                Some((n, v)) => (format!("--{n}"), Some(v.to_string())),
                None => (arg.clone(), None),
            };
            let matches: Vec<&str> = LONG.iter().copied().filter(|l| l.starts_with(name.as_str())).collect();
            match matches.as_slice() {
                _ if LONG.contains(&name.as_str()) => flags.push(name),
                [one] => flags.push(one.to_string()),
                [] => {
                    unknown.push(arg.clone());
                    continue;
                }
                many => return error(format!("ambiguous option: {name} could match {}", many.join(", "))),
            }
            inline = value;
        } else if arg.len() > 1 && arg.starts_with('-') && arg != "--" {
            let letters: Vec<char> = arg[1..].chars().collect();
            for (k, c) in letters.iter().enumerate() {
                match c {
                    'h' => flags.push("--help".into()),
                    'v' => flags.push("--verbose".into()),
                    'U' => flags.push("--upgrade".into()),
                    _ if k == 0 => {
                        unknown.push(arg.clone());
                        break;
                    }
                    _ => {
                        let names = match letters[k - 1] {
                            'h' => "-h/--help",
                            'v' => "-v/--verbose",
                            _ => "-U/--upgrade",
                        };
                        return error(format!("argument {names}: ignored explicit argument '{}'", letters[k..].iter().collect::<String>()));
                    }
                }
            }
        } else {
            unknown.push(arg.clone());
            continue;
        }
        for flag in flags {
            match flag.as_str() {
                "--help" => return Parsed::Exit { out: format!("{USAGE}{HELP}"), err: String::new(), status: 0 },
                "--version" => return Parsed::Exit { out: format!("pip {PIP_VERSION}\n"), err: String::new(), status: 0 },
                "--verbose" => {}
                "--upgrade" => o.upgrade = true,
                "--user" => o.user = true,
                "--altinstall" => o.altinstall = true,
                "--default-pip" => o.default_pip = true,
                _ => match inline.take().or_else(|| args.get(i).filter(|a| !a.starts_with('-')).cloned().inspect(|_| i += 1)) {
                    Some(root) => o.root = Some(root),
                    None => return error("argument --root: expected one argument".into()),
                },
            }
        }
    }
    if !unknown.is_empty() {
        return error(format!("unrecognized arguments: {}", unknown.join(" ")));
    }
    Parsed::Run(o)
}

/// ensurepip's command line (`sys.argv[1:]`); returns the exit status, or the `ValueError`
/// it raises for `--altinstall --default-pip`.
pub fn main(machine: &mut Machine, debian_system_python: bool) -> Result<i32, String> {
    let args: Vec<String> = machine.argv.iter().skip(1).cloned().collect();
    let options = match parse(&args) {
        Parsed::Run(o) => o,
        Parsed::Exit { out, err, status } => {
            machine.ctx.out(out);
            machine.ctx.err(err);
            return Ok(status);
        }
    };
    if debian_system_python && machine.paths.prefix == machine.paths.base_prefix {
        machine.ctx.out(DISABLED_FOR_SYSTEM);
        return Ok(1);
    }
    if options.altinstall && options.default_pip {
        return Err("Cannot use altinstall and default_pip together".into());
    }
    let scripts = if options.altinstall {
        Scripts::AltInstall
    } else if options.default_pip {
        Scripts::Default
    } else {
        Scripts::Install
    };
    Ok(pip::bootstrap(machine, options.upgrade, scripts, options.user, options.root.as_deref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn argparse_behaviour() {
        assert_eq!(parse(&args(&["--upgrade", "--default-pip"])), Parsed::Run(Options { upgrade: true, default_pip: true, ..Options::default() }));
        assert_eq!(parse(&args(&["-vU", "--def", "--root=/r"])), Parsed::Run(Options { upgrade: true, default_pip: true, root: Some("/r".into()), ..Options::default() }));
        let Parsed::Exit { err, status, .. } = parse(&args(&["--upgrade", "-q"])) else { panic!("an error") };
        assert_eq!((err.lines().last(), status), (Some("python -m ensurepip: error: unrecognized arguments: -q"), 2));
        let Parsed::Exit { err, .. } = parse(&args(&["--u"])) else { panic!("an error") };
        assert!(err.ends_with("error: ambiguous option: --u could match --upgrade, --user\n"), "{err}");
        let Parsed::Exit { err, .. } = parse(&args(&["--root"])) else { panic!("an error") };
        assert!(err.ends_with("error: argument --root: expected one argument\n"), "{err}");
        assert_eq!(parse(&args(&["--version", "--bogus"])), Parsed::Exit { out: format!("pip {PIP_VERSION}\n"), err: String::new(), status: 0 });
    }
}
