//! The `python3.12` program: CPython's command line (`-c`, `-m`, a script, `-`, `-V`, `-VV`,
//! `-I`, `-E`, `-s`, `-S`, the interactive prompt) over start-up and the language core.

use super::host::Machine;
use super::lang::{Interpreter, ReplStep};
use super::startup::{self, Build, Flags};
use crate::programs::Ctx;
use std::fmt::Write as _;

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mode {
    /// `-c CODE`.
    Command(String),
    /// `-m MODULE`.
    Module(String),
    /// A script file, or `-` for standard input.
    Script(String),
    /// Nothing: the interactive prompt (or standard input when it is not a terminal).
    Interactive,
    /// `-V` (1) or `-VV` (2).
    Version(u8),
    /// `-h`.
    Help,
}

/// The parsed command line: the mode, the start-up flags and the remaining arguments.
#[derive(Debug)]
struct CommandLine {
    mode: Mode,
    flags: Flags,
    quiet: bool,
    args: Vec<String>,
}

/// Parses CPython's options; `Err` is the message to print (status 2).
fn parse(argv0: &str, args: &[String]) -> Result<CommandLine, String> {
    let usage = format!("usage: {argv0} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n");
    let mut line = CommandLine { mode: Mode::Interactive, flags: Flags::default(), quiet: false, args: Vec::new() };
    let mut version = 0u8;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        match arg.as_str() {
            "--version" => {
                version += 1;
                continue;
            }
            "--help" => {
                line.mode = Mode::Help;
                return Ok(line);
            }
            "-" => {
                line.mode = Mode::Script("-".into());
                line.args = args[i..].to_vec();
                return Ok(line);
            }
            a if !a.starts_with('-') || a.len() < 2 => {
                line.mode = Mode::Script(a.to_string());
                line.args = args[i..].to_vec();
                return Ok(line);
            }
            _ => {}
        }
        let flags: Vec<char> = arg[1..].chars().collect();
        for (k, &c) in flags.iter().enumerate() {
            match c {
                'c' | 'm' => {
                    let rest: String = flags[k + 1..].iter().collect();
                    let value = if !rest.is_empty() {
                        rest
                    } else if let Some(next) = args.get(i) {
                        i += 1;
                        next.clone()
                    } else {
                        return Err(format!("Argument expected for the -{c} option\n{usage}"));
                    };
                    line.mode = if c == 'c' { Mode::Command(value) } else { Mode::Module(value) };
                    line.args = args[i..].to_vec();
                    return Ok(line);
                }
                'V' => version += 1,
                'h' | '?' => {
                    line.mode = Mode::Help;
                    return Ok(line);
                }
                'I' => line.flags.isolated = true,
                'E' => line.flags.ignore_environment = true,
                's' => line.flags.no_user_site = true,
                'S' => line.flags.no_site = true,
                'q' => line.quiet = true,
                'u' | 'B' | 'b' | 'd' | 'O' | 'v' | 'i' | 'R' | 'P' => {}
                'X' | 'W' => {
                    if k + 1 == flags.len() {
                        i += 1;
                    }
                    break;
                }
                other => return Err(format!("Unknown option: -{other}\n{usage}")),
            }
        }
    }
    if version > 0 {
        line.mode = Mode::Version(version.min(2));
    }
    Ok(line)
}

/// Entry point of the interpreter binaries; their build is the tag compiled into the binary.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let build = Build::parse(ctx.build);
    let argv0 = argv.first().cloned().unwrap_or_else(|| "python3".into());
    let line = match parse(&argv0, argv.get(1..).unwrap_or_default()) {
        Ok(line) => line,
        Err(message) => {
            ctx.err(message);
            return 2;
        }
    };
    match &line.mode {
        Mode::Version(1) => {
            ctx.out_fmt(format_args!("Python {}\n", build.version));
            return 0;
        }
        Mode::Version(_) => {
            ctx.out_fmt(format_args!("Python {}\n", build.version_text()));
            return 0;
        }
        Mode::Help => {
            ctx.out_fmt(format_args!("usage: {argv0} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nOptions (and corresponding environment variables):\n-c cmd : program passed in as string (terminates option list)\n-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n-h     : print this help message and exit (also -? or --help)\n-I     : isolate Python from the user's environment (implies -E and -s)\n-m mod : run library module as a script (terminates option list)\n-q     : don't print version and copyright messages on interactive startup\n-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE=x\n-S     : don't imply 'import site' on initialization\n-V     : print the Python version number and exit (also --version)\n         when given twice, print more information about the build\nfile   : program read from script file\n-      : program read from stdin (default; interactive mode if a tty)\narg ...: arguments passed to program in sys.argv[1:]\n"));
            return 0;
        }
        _ => {}
    }
    let mut trace = Vec::new();
    let paths = startup::compute(ctx.fs, ctx.env, &argv0, &build, line.flags, &mut trace);
    ctx.trace.append(&mut trace);
    for warning in &paths.warnings {
        ctx.err_fmt(format_args!("{warning}\n"));
    }
    let cwd = ctx.fs.cwd_path().unwrap_or_else(|_| "/".into());
    let (first, sys_argv) = match &line.mode {
        Mode::Command(_) => (String::new(), prepend("-c", &line.args)),
        Mode::Module(_) => (cwd.clone(), prepend("-m", &line.args)),
        Mode::Script(s) if s == "-" => (String::new(), prepend("-", &line.args)),
        Mode::Script(s) => {
            let absolute = if s.starts_with('/') { s.clone() } else { crate::fs::join_path(&cwd, s) };
            let dir = ctx.fs.realpath(&absolute).unwrap_or(absolute);
            let dir = dir.rsplit_once('/').map_or("/".to_string(), |(d, _)| if d.is_empty() { "/".into() } else { d.into() });
            (dir, prepend(s, &line.args))
        }
        _ => (String::new(), vec![String::new()]),
    };
    let mut paths = paths;
    if !line.flags.isolated {
        paths.path.insert(0, first);
    }
    let mut machine = Machine { ctx, build, paths, argv: sys_argv, exit: None };
    let mut interp = Interpreter::new();
    interp.set_module(machine.sys_module());
    let executable = machine.paths.executable.clone();
    run(&mut machine, &mut interp, &line, &executable, &cwd)
}

fn prepend(first: &str, rest: &[String]) -> Vec<String> {
    std::iter::once(first.to_string()).chain(rest.iter().cloned()).collect()
}

/// Runs the mode; returns the exit status. Errors about the command line name the interpreter
/// by `sys.executable`, as CPython does.
fn run(machine: &mut Machine, interp: &mut Interpreter, line: &CommandLine, executable: &str, cwd: &str) -> i32 {
    let result = match &line.mode {
        Mode::Command(code) => interp.run(machine, code, "<string>"),
        Mode::Module(name) if name == "site" => return site_report(machine, &line.args),
        Mode::Module(name) => return module_status(machine, interp, name),
        Mode::Script(path) if path != "-" => {
            let absolute = if path.starts_with('/') { path.clone() } else { crate::fs::join_path(cwd, path) };
            match machine.ctx.fs.read(&absolute) {
                Ok(bytes) => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    interp.run(machine, &text, &absolute)
                }
                Err(e) => {
                    machine.ctx.err_fmt(format_args!("{executable}: can't open file '{absolute}': [Errno {}] {e}\n", e.errno()));
                    return 2;
                }
            }
        }
        _ if !(machine.ctx.io.tty && matches!(machine.ctx.io.stdin, crate::io::Input::Terminal)) => {
            let text = String::from_utf8_lossy(&machine.ctx.stdin()).into_owned();
            interp.run(machine, &text, "<stdin>")
        }
        _ => return repl(machine, interp, line.quiet),
    };
    match result {
        Ok(()) => machine.exit.unwrap_or(0),
        Err(e) => interp.report(machine, &e),
    }
}

/// Runs the module `name` as `-m` does (its `__main__` for a package); returns the exit
/// status. A module that cannot be found or run is reported as runpy words it, naming the
/// interpreter by `sys.executable`.
fn module_status(machine: &mut Machine, interp: &mut Interpreter, name: &str) -> i32 {
    match interp.run_module(machine, name) {
        Ok(()) => machine.exit.unwrap_or(0),
        Err(e) if e.kind() == super::lang::RUNPY_ERROR => {
            let executable = machine.paths.executable.clone();
            machine.ctx.err_fmt(format_args!("{executable}: {}\n", e.message()));
            1
        }
        Err(e) => interp.report(machine, &e),
    }
}

/// Runs `-m NAME` in a process that is already set up (start-up done, `sys.argv` given), as
/// `venv` runs `ensurepip` in the interpreter it made; returns the exit status.
pub(super) fn run_module(machine: &mut Machine, name: &str) -> i32 {
    let mut interp = Interpreter::new();
    interp.set_module(machine.sys_module());
    module_status(machine, &mut interp, name)
}

/// `python -m site`: `sys.path` and the user site directories, as `site._script()` prints them;
/// `--user-base` and `--user-site` print just that directory.
fn site_report(machine: &mut Machine, args: &[String]) -> i32 {
    let home = machine.ctx.var("HOME").unwrap_or("").to_string();
    let short = machine.build.short_version();
    let user_base = format!("{home}/.local");
    let user_site = format!("{user_base}/lib/python{short}/site-packages");
    match args.first().map(String::as_str) {
        Some("--user-base") => {
            machine.ctx.out_fmt(format_args!("{user_base}\n"));
            return 0;
        }
        Some("--user-site") => {
            machine.ctx.out_fmt(format_args!("{user_site}\n"));
            return 0;
        }
        _ => {}
    }
    let exists = |path: &str| if machine.ctx.fs.exists(path) { "exists" } else { "doesn't exist" };
    let mut text = String::from("sys.path = [\n");
    for entry in &machine.paths.path {
        let _ = writeln!(text, "    '{entry}',");
    }
    let _ = writeln!(
        text,
        "]\nUSER_BASE: '{user_base}' ({})\nUSER_SITE: '{user_site}' ({})\nENABLE_USER_SITE: {}",
        exists(&user_base),
        exists(&user_site),
        if machine.paths.pyvenv_cfg.is_none() { "True" } else { "False" }
    );
    machine.ctx.out(text);
    0
}

/// The interactive prompt: `>>> ` and `... ` on standard error, lines read from the terminal.
fn repl(machine: &mut Machine, interp: &mut Interpreter, quiet: bool) -> i32 {
    if !quiet {
        let banner = format!(
            "Python {} on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
            machine.build.version_text()
        );
        machine.ctx.err(banner);
    }
    let mut prompt = ">>> ";
    for _ in 0..10_000 {
        machine.ctx.err(prompt);
        let Some(bytes) = machine.ctx.io.read_line() else {
            machine.ctx.err("\n");
            return 0;
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        match interp.repl_line(machine, &text) {
            ReplStep::NeedMore => prompt = "... ",
            ReplStep::Done => prompt = ">>> ",
            ReplStep::Exit(status) => return status,
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn command_line_modes() {
        assert_eq!(parse("python", &args(&["-c", "print(1)", "x"])).unwrap().mode, Mode::Command("print(1)".into()));
        assert_eq!(parse("python", &args(&["-m", "venv", ".venv"])).unwrap().args, vec![".venv"]);
        assert_eq!(parse("python", &args(&["-VV"])).unwrap().mode, Mode::Version(2));
        assert_eq!(parse("python", &args(&["-I", "s.py", "-c"])).unwrap().mode, Mode::Script("s.py".into()));
        assert!(parse("python", &args(&["-I", "-c", "x"])).unwrap().flags.isolated);
        assert_eq!(parse("python", &[]).unwrap().mode, Mode::Interactive);
    }

    #[test]
    fn command_line_errors_read_as_cpython() {
        let e = parse("/x/python3.12", &args(&["-z"])).unwrap_err();
        assert_eq!(e, "Unknown option: -z\nusage: /x/python3.12 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n");
        assert!(parse("p", &args(&["-c"])).unwrap_err().starts_with("Argument expected for the -c option\n"));
    }
}
