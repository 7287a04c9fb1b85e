//! `python -m venv`: creates a virtual environment as CPython 3.12's `venv` module does on
//! Linux — `bin/` with links (or copies) named after the running interpreter, the activate
//! scripts, `include/`, `lib/python3.12/site-packages` with pip from the bundled wheel,
//! `lib64 -> lib`, and `pyvenv.cfg` — so that everything a venv does afterwards follows from
//! these files. The activate scripts are venvlab's own.

use super::host::Machine;
use super::startup::{self, Build, Flags};
use crate::fs::{join_path, FileKind, FsError, FsResult};
use crate::io::Sink;
use crate::programs::Ctx;
use std::fmt::Write as _;

const USAGE: &str = "usage: venv [-h] [--system-site-packages] [--symlinks | --copies] [--clear]
            [--upgrade] [--without-pip] [--prompt PROMPT] [--upgrade-deps]
            ENV_DIR [ENV_DIR ...]
";

const HELP: &str = "
Creates virtual Python environments in one or more target directories.

positional arguments:
  ENV_DIR               A directory to create the environment in.

options:
  -h, --help            show this help message and exit
  --system-site-packages
                        Give the virtual environment access to the system
                        site-packages dir.
  --symlinks            Try to use symlinks rather than copies, when symlinks
                        are not the default for the platform.
  --copies              Try to use copies rather than symlinks, even when
                        symlinks are the default for the platform.
  --clear               Delete the contents of the environment directory if it
                        already exists, before environment creation.
  --upgrade             Upgrade the environment directory to use this version
                        of Python, assuming Python has been upgraded in-place.
  --without-pip         Skips installing or upgrading pip in the virtual
                        environment (pip is bootstrapped by default)
  --prompt PROMPT       Provides an alternative prompt prefix for this
                        environment.
  --upgrade-deps        Upgrade core dependencies (pip) to the latest version
                        in PyPI

Once an environment has been created, you may wish to activate it, e.g. by
sourcing an activate script in its bin directory.
";

/// The options of one `venv` run.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Options {
    system_site_packages: bool,
    symlinks: Option<bool>,
    clear: bool,
    upgrade: bool,
    without_pip: bool,
    prompt: Option<String>,
    upgrade_deps: bool,
    dirs: Vec<String>,
}

const LONG: &[&str] = &["--help", "--system-site-packages", "--symlinks", "--copies", "--clear", "--upgrade", "--without-pip", "--prompt", "--upgrade-deps"];

/// argparse's reading of venv's arguments; `Err` is its message (status 2) or `Ok(None)` for help.
fn parse(args: &[String]) -> Result<Option<Options>, String> {
    let mut o = Options::default();
    let mut unknown = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let long = if name.starts_with("--") {
            let matches: Vec<&&str> = LONG.iter().filter(|l| l.starts_with(name.as_str())).collect();
            match matches.as_slice() {
                [one] => Some(**one),
                _ if LONG.contains(&name.as_str()) => Some(LONG.iter().find(|l| **l == name).copied().unwrap_or_default()),
                [] => None,
                many => {
                    let names: Vec<&str> = many.iter().map(|m| **m).collect();
                    return Err(format!("ambiguous option: {name} could match {}", names.join(", ")));
                }
            }
        } else if name == "-h" {
            Some("--help")
        } else {
            None
        };
        match long {
            Some("--help") => return Ok(None),
            Some("--system-site-packages") => o.system_site_packages = true,
            Some(flag @ ("--symlinks" | "--copies")) => {
                let wanted = flag == "--symlinks";
                if o.symlinks.is_some_and(|s| s != wanted) {
                    let other = if wanted { "--copies" } else { "--symlinks" };
                    return Err(format!("argument {flag}: not allowed with argument {other}"));
                }
                o.symlinks = Some(wanted);
            }
            Some("--clear") => o.clear = true,
            Some("--upgrade") => o.upgrade = true,
            Some("--without-pip") => o.without_pip = true,
            Some("--upgrade-deps") => o.upgrade_deps = true,
            Some("--prompt") => match inline.or_else(|| args.get(i).filter(|a| !a.starts_with('-')).cloned().inspect(|_| i += 1)) {
                Some(value) => o.prompt = Some(value),
                None => return Err("argument --prompt: expected one argument".into()),
            },
            _ if arg.starts_with('-') && arg.len() > 1 => unknown.push(arg.clone()),
            _ => o.dirs.push(arg.clone()),
        }
    }
    if o.dirs.is_empty() {
        return Err("the following arguments are required: ENV_DIR".into());
    }
    if !unknown.is_empty() {
        return Err(format!("unrecognized arguments: {}", unknown.join(" ")));
    }
    Ok(Some(o))
}

/// What Debian's and Ubuntu's `venv` prints (on standard output, then `sys.exit(1)`) when
/// running `ensurepip` in the new environment failed and the standard library has no
/// `ensurepip/__main__.py`: `python3-venv`, which holds it, is not installed.
const PYTHON3_VENV_HINT: &str = "The virtual environment was not created successfully because ensurepip is not
available.  On Debian/Ubuntu systems, you need to install the python3-venv
package using the following command.

    apt install python{VERSION}-venv

You may need to use sudo with that command.  After installing the python3-venv
package, recreate your virtual environment.

Failing command: {COMMAND}

";

/// Why creating an environment stopped.
#[derive(Debug)]
enum Stop {
    /// An exception: `main` prints `Error: MESSAGE` on standard error.
    Error(String),
    /// `sys.exit(1)` after printing this text on standard output.
    Exit(String),
}

impl From<String> for Stop {
    fn from(message: String) -> Stop {
        Stop::Error(message)
    }
}

/// venv's command line (`sys.argv[1:]`); returns the exit status. `debian` for Debian's and
/// Ubuntu's copy, which explains a missing `ensurepip` ([`PYTHON3_VENV_HINT`]).
pub fn main(machine: &mut Machine, debian: bool) -> i32 {
    let args: Vec<String> = machine.argv.iter().skip(1).cloned().collect();
    let options = match parse(&args) {
        Ok(Some(o)) => o,
        Ok(None) => {
            machine.ctx.out_fmt(format_args!("{USAGE}{HELP}"));
            return 0;
        }
        Err(message) => {
            machine.ctx.err_fmt(format_args!("{USAGE}venv: error: {message}\n"));
            return 2;
        }
    };
    if options.upgrade && options.clear {
        machine.ctx.err("Error: you cannot supply --upgrade and --clear together.\n");
        return 1;
    }
    for dir in &options.dirs {
        let env_dir = crate::fs::normalize_path(&machine.absolute(dir));
        match create(machine, &options, &env_dir, debian) {
            Ok(()) => {}
            Err(Stop::Error(message)) => {
                machine.ctx.err_fmt(format_args!("Error: {message}\n"));
                return 1;
            }
            Err(Stop::Exit(text)) => {
                machine.ctx.out(text);
                return 1;
            }
        }
    }
    0
}

/// `[Errno N] strerror: 'path'`, as Python words an `OSError`.
fn fs_err(e: FsError, path: &str) -> String {
    format!("[Errno {}] {e}: '{path}'", e.errno())
}

/// Creates (or clears, or upgrades) one environment in CPython's order: directories,
/// `pyvenv.cfg` (with `include-system-site-packages = false` until pip is in), the
/// interpreter links, pip by running the new interpreter, the activate scripts (not with
/// `--upgrade`). An existing environment is reused: what is there already stays unless a step
/// rewrites it.
fn create(machine: &mut Machine, o: &Options, env_dir: &str, debian: bool) -> Result<(), Stop> {
    if env_dir.contains(':') {
        return Err(Stop::Error(format!("Refusing to create a venv in {env_dir} because it contains the PATH separator :.")));
    }
    if o.clear && machine.ctx.fs.exists(env_dir) {
        clear(machine, env_dir).map_err(|e| fs_err(e, env_dir))?;
    }
    let short = machine.build.short_version();
    let base_executable = machine.paths.base_executable.clone();
    let exe_name = base_executable.rsplit('/').next().unwrap_or("python").to_string();
    let fs = &mut *machine.ctx.fs;
    for dir in [String::new(), format!("include/python{short}"), format!("lib/python{short}/site-packages")] {
        create_if_needed(fs, &join_path(env_dir, &dir))?;
    }
    let lib64 = join_path(env_dir, "lib64");
    if !fs.exists(&lib64) {
        fs.symlink("lib", &lib64).map_err(|e| fs_err(e, &lib64))?;
    }
    let bin = join_path(env_dir, "bin");
    create_if_needed(fs, &bin)?;
    let prompt = match o.prompt.as_deref() {
        Some(".") => machine.logical_cwd().rsplit('/').next().unwrap_or("").to_string(),
        Some(p) => p.to_string(),
        None => env_dir.rsplit('/').next().unwrap_or("").to_string(),
    };
    write_config(machine, o, env_dir, &prompt, false)?;
    let env_exe = join_path(&bin, &exe_name);
    setup_python(machine, o, &bin, &base_executable, &env_exe, &short)?;
    if !o.without_pip {
        setup_pip(machine, env_dir, &env_exe, debian)?;
    }
    if !o.upgrade {
        for (name, template) in ACTIVATE {
            let text = template.replace("__VENV_DIR__", env_dir).replace("__VENV_PROMPT__", &format!("({prompt}) "));
            let path = join_path(&bin, name);
            machine.ctx.fs.write(&path, text.as_bytes()).map_err(|e| fs_err(e, &path))?;
        }
    }
    if o.system_site_packages {
        write_config(machine, o, env_dir, &prompt, true)?;
    }
    Ok(())
}

/// venv's `create_if_needed`: makes a missing directory (and its parents); an existing one
/// must be a directory, not a link or a file.
fn create_if_needed(fs: &mut crate::fs::Fs, dir: &str) -> Result<(), String> {
    if !fs.exists(dir) {
        return fs.mkdir_all(dir).map_err(|e| fs_err(e, dir));
    }
    match fs.lstat(dir) {
        Ok(m) if m.kind == FileKind::Dir => Ok(()),
        _ => Err(format!("Unable to create directory '{dir}'")),
    }
}

/// Writes `pyvenv.cfg`; `system_site_packages` is false in the first writing, whatever was
/// asked for, so that pip is installed into the venv itself.
fn write_config(machine: &mut Machine, o: &Options, env_dir: &str, prompt: &str, system_site_packages: bool) -> Result<(), String> {
    let text = config(machine, o, env_dir, prompt, system_site_packages);
    let path = join_path(env_dir, "pyvenv.cfg");
    machine.ctx.fs.write(&path, text.as_bytes()).map(|_| ()).map_err(|e| fs_err(e, &path))
}

/// `pyvenv.cfg` as CPython 3.12 writes it.
fn config(machine: &Machine, o: &Options, env_dir: &str, prompt: &str, system_site_packages: bool) -> String {
    let base = &machine.paths.base_executable;
    let home = base.rsplit_once('/').map_or("/", |(d, _)| d);
    let executable = &machine.paths.executable;
    let real = machine.ctx.fs.realpath(executable).unwrap_or_else(|_| executable.clone());
    let mut text = format!("home = {home}\ninclude-system-site-packages = {system_site_packages}\nversion = {}\n", machine.build.version);
    if o.prompt.is_some() {
        let _ = writeln!(text, "prompt = '{prompt}'");
    }
    let _ = writeln!(text, "executable = {real}");
    let mut args = Vec::new();
    for (on, flag) in [
        (o.symlinks == Some(false), "--copies"),
        (o.without_pip, "--without-pip"),
        (system_site_packages, "--system-site-packages"),
        (o.clear, "--clear"),
        (o.upgrade, "--upgrade"),
        (o.upgrade_deps, "--upgrade-deps"),
    ] {
        if on {
            args.push(flag.to_string());
        }
    }
    if let Some(p) = &o.prompt {
        args.push(format!("--prompt=\"{p}\""));
    }
    args.push(env_dir.to_string());
    let _ = writeln!(text, "command = {} -m venv {}", machine.paths.executable, args.join(" "));
    text
}

/// venv's `setup_python`: `bin/NAME` (the base interpreter's own name) links to it, or is a
/// copy of it with `--copies`; `python`, `python3` and `python3.12` that do not lead to a
/// file (a dangling link counts as missing) link to NAME. A name that is already a link,
/// even a dangling one, is left as it is.
fn setup_python(machine: &mut Machine, o: &Options, bin: &str, base: &str, env_exe: &str, short: &str) -> Result<(), String> {
    symlink_or_copy(machine, o, base, env_exe, false)?;
    let fs = &mut *machine.ctx.fs;
    if !is_link(fs, env_exe) {
        fs.chmod(env_exe, 0o755).map_err(|e| fs_err(e, env_exe))?;
    }
    for name in ["python".to_string(), "python3".to_string(), format!("python{short}")] {
        let path = join_path(bin, &name);
        if machine.ctx.fs.exists(&path) {
            continue;
        }
        symlink_or_copy(machine, o, env_exe, &path, true)?;
        if !is_link(machine.ctx.fs, &path) {
            machine.ctx.fs.chmod(&path, 0o755).map_err(|e| fs_err(e, &path))?;
        }
    }
    Ok(())
}

fn is_link(fs: &crate::fs::Fs, path: &str) -> bool {
    fs.lstat(path).is_ok_and(|m| m.kind == FileKind::Symlink)
}

/// venv's `symlink_or_copy`: a link to `src` (by its bare name when `relative`) unless `dst`
/// is a link already; a copy with `--copies`, or when linking fails (venv logs a warning).
fn symlink_or_copy(machine: &mut Machine, o: &Options, src: &str, dst: &str, relative: bool) -> Result<(), String> {
    let mut copy = o.symlinks == Some(false);
    if !copy && !is_link(machine.ctx.fs, dst) {
        let target = if relative { src.rsplit('/').next().unwrap_or(src) } else { src };
        if machine.ctx.fs.symlink(target, dst).is_err() {
            machine.ctx.err_fmt(format_args!("Unable to symlink '{src}' to '{dst}'\n"));
            copy = true;
        }
    }
    if copy {
        copyfile(machine.ctx.fs, src, dst)?;
    }
    Ok(())
}

/// `shutil.copyfile`: the bytes of `src` into `dst`, both followed through links.
fn copyfile(fs: &mut crate::fs::Fs, src: &str, dst: &str) -> Result<(), String> {
    if let (Ok(a), Ok(b)) = (fs.resolve(src, true), fs.resolve(dst, true)) {
        if a == b {
            return Err(format!("'{src}' and '{dst}' are the same file"));
        }
    }
    let bytes = fs.read(src).map_err(|e| fs_err(e, src))?;
    fs.write(dst, &bytes).map(|_| ()).map_err(|e| fs_err(e, dst))
}

/// venv's `_setup_pip`: runs the new interpreter as `bin/NAME -m ensurepip --upgrade
/// --default-pip` in the environment's directory, its output captured (and dropped). Running
/// it fails as `execve` would, for a link that leads nowhere; the run failing is a
/// `CalledProcessError`, unless Debian's copy finds no `ensurepip/__main__.py` in the running
/// interpreter's standard library and says which package brings it.
fn setup_pip(machine: &mut Machine, env_dir: &str, env_exe: &str, debian: bool) -> Result<(), Stop> {
    let fs = &*machine.ctx.fs;
    fs.stat(env_exe).map_err(|e| fs_err(e, env_exe))?;
    fs.access(env_exe, 1).map_err(|e| fs_err(e, env_exe))?;
    let bytes = fs.read(env_exe).map_err(|e| fs_err(e, env_exe))?;
    let tag = crate::programs::program_of(&bytes).unwrap_or("");
    let (program, build) = crate::programs::split_tag(tag);
    let status = if super::find(program).is_some() { run_ensurepip(machine, env_dir, env_exe, Build::parse(build)) } else { 1 };
    if status == 0 {
        return Ok(());
    }
    let short = machine.build.short_version();
    let stdlib = format!("{}/lib/python{short}", machine.paths.base_prefix);
    if debian && !machine.ctx.fs.exists(&format!("{stdlib}/ensurepip/__main__.py")) {
        return Err(Stop::Exit(PYTHON3_VENV_HINT.replace("{VERSION}", &short).replace("{COMMAND}", env_exe)));
    }
    Err(Stop::Error(format!("Command '['{env_exe}', '-m', 'ensurepip', '--upgrade', '--default-pip']' returned non-zero exit status {status}.")))
}

/// Runs `-m ensurepip --upgrade --default-pip` in the new interpreter (of this `build`), with
/// `VIRTUAL_ENV` set and `PYTHONHOME`/`PYTHONPATH` removed, its output dropped; returns its
/// exit status.
fn run_ensurepip(machine: &mut Machine, env_dir: &str, env_exe: &str, build: Build) -> i32 {
    let mut env = machine.ctx.env.clone();
    env.insert("VIRTUAL_ENV".into(), env_dir.to_string());
    env.remove("PYTHONHOME");
    env.remove("PYTHONPATH");
    let mut trace = Vec::new();
    let mut paths = startup::compute(machine.ctx.fs, &env, env_exe, &build, Flags::default(), &mut trace);
    paths.path.insert(0, env_dir.to_string());
    machine.ctx.trace.append(&mut trace);
    let io = &mut *machine.ctx.io;
    let saved = (std::mem::replace(&mut io.stdout, Sink::Null), std::mem::replace(&mut io.stderr, Sink::Null));
    let mut ctx = Ctx { fs: &mut *machine.ctx.fs, env: &env, io: &mut *machine.ctx.io, trace: &mut *machine.ctx.trace, exec: None, build: "" };
    let argv = vec!["-m".into(), "--upgrade".into(), "--default-pip".into()];
    let mut new_python = Machine { ctx: &mut ctx, build, paths, argv, exit: None };
    let status = super::program::run_module(&mut new_python, "ensurepip");
    (machine.ctx.io.stdout, machine.ctx.io.stderr) = saved;
    status
}

/// Empties a directory (`--clear`), keeping the directory itself.
fn clear(machine: &mut Machine, dir: &str) -> FsResult<()> {
    let entries = machine.ctx.fs.read_dir(dir)?;
    for entry in entries {
        machine.ctx.fs.remove_all(&join_path(dir, &entry.name))?;
    }
    Ok(())
}


/// The activate scripts: (file name, text with `__VENV_DIR__` and `__VENV_PROMPT__`).
const ACTIVATE: &[(&str, &str)] = &[
    ("activate", ACTIVATE_SH),
    ("activate.csh", ACTIVATE_CSH),
    ("activate.fish", ACTIVATE_FISH),
    ("Activate.ps1", ACTIVATE_PS1),
];

const ACTIVATE_SH: &str = r#"# Activates this virtual environment in the shell that reads it:
#     source __VENV_DIR__/bin/activate
# It has no execute bit on purpose: run as a program, it could only change a
# short-lived child shell. `deactivate` puts everything back.

deactivate () {
    # Put back PATH, PYTHONHOME and PS1 as they were before activation.
    if [ -n "${_OLD_VIRTUAL_PATH:-}" ] ; then
        PATH="$_OLD_VIRTUAL_PATH"
        export PATH
        unset _OLD_VIRTUAL_PATH
    fi
    if [ -n "${_OLD_VIRTUAL_PYTHONHOME:-}" ] ; then
        PYTHONHOME="$_OLD_VIRTUAL_PYTHONHOME"
        export PYTHONHOME
        unset _OLD_VIRTUAL_PYTHONHOME
    fi
    if [ -n "${_OLD_VIRTUAL_PS1:-}" ] ; then
        PS1="$_OLD_VIRTUAL_PS1"
        export PS1
        unset _OLD_VIRTUAL_PS1
    fi
    # bash remembers where it found each command: forget, so names are looked up again.
    hash -r 2> /dev/null
    unset VIRTUAL_ENV VIRTUAL_ENV_PROMPT
    # "deactivate nondestructive" (used below) keeps this function defined.
    if [ "${1:-}" != "nondestructive" ] ; then
        unset -f deactivate
    fi
}

# Leave any environment that is active first, so bin/ is never added twice.
deactivate nondestructive

# The path is written in when the environment is created: moving the
# environment does not change it.
VIRTUAL_ENV="__VENV_DIR__"
export VIRTUAL_ENV

_OLD_VIRTUAL_PATH="$PATH"
PATH="$VIRTUAL_ENV/bin:$PATH"
export PATH

if [ -n "${PYTHONHOME:-}" ] ; then
    _OLD_VIRTUAL_PYTHONHOME="$PYTHONHOME"
    unset PYTHONHOME
fi

VIRTUAL_ENV_PROMPT="__VENV_PROMPT__"
export VIRTUAL_ENV_PROMPT
if [ -z "${VIRTUAL_ENV_DISABLE_PROMPT:-}" ] ; then
    _OLD_VIRTUAL_PS1="${PS1:-}"
    PS1="$VIRTUAL_ENV_PROMPT${PS1:-}"
    export PS1
fi

hash -r 2> /dev/null
"#;

const ACTIVATE_CSH: &str = r#"# Activates this virtual environment in csh: source __VENV_DIR__/bin/activate.csh
# `deactivate` puts everything back.
alias deactivate 'test $?_OLD_VIRTUAL_PATH != 0 && setenv PATH "$_OLD_VIRTUAL_PATH" && unset _OLD_VIRTUAL_PATH; rehash; test $?_OLD_VIRTUAL_PROMPT != 0 && set prompt="$_OLD_VIRTUAL_PROMPT" && unset _OLD_VIRTUAL_PROMPT; unsetenv VIRTUAL_ENV; unsetenv VIRTUAL_ENV_PROMPT; test "\!:*" != "nondestructive" && unalias deactivate'
deactivate nondestructive
setenv VIRTUAL_ENV "__VENV_DIR__"
set _OLD_VIRTUAL_PATH="$PATH"
setenv PATH "$VIRTUAL_ENV/bin:$PATH"
setenv VIRTUAL_ENV_PROMPT "__VENV_PROMPT__"
set _OLD_VIRTUAL_PROMPT="$prompt"
set prompt = "$VIRTUAL_ENV_PROMPT$prompt"
rehash
"#;

const ACTIVATE_FISH: &str = r#"# Activates this virtual environment in fish: source __VENV_DIR__/bin/activate.fish
# `deactivate` puts everything back.
function deactivate -d "Leave the virtual environment"
    if test -n "$_OLD_VIRTUAL_PATH"
        set -gx PATH $_OLD_VIRTUAL_PATH
        set -e _OLD_VIRTUAL_PATH
    end
    set -e VIRTUAL_ENV
    set -e VIRTUAL_ENV_PROMPT
    if test "$argv[1]" != "nondestructive"
        functions -e deactivate
    end
end

deactivate nondestructive
set -gx VIRTUAL_ENV "__VENV_DIR__"
set -gx _OLD_VIRTUAL_PATH $PATH
set -gx PATH "$VIRTUAL_ENV/bin" $PATH
set -gx VIRTUAL_ENV_PROMPT "__VENV_PROMPT__"
"#;

const ACTIVATE_PS1: &str = r#"<#
.Synopsis
Activates this virtual environment in PowerShell: . __VENV_DIR__/bin/Activate.ps1
`deactivate` puts everything back.
#>
function global:deactivate([switch] $NonDestructive) {
    if (Test-Path variable:_OLD_VIRTUAL_PATH) {
        $env:PATH = $variable:_OLD_VIRTUAL_PATH
        Remove-Variable -Name _OLD_VIRTUAL_PATH -Scope Global
    }
    if (Test-Path env:VIRTUAL_ENV) { Remove-Item env:VIRTUAL_ENV }
    if (Test-Path env:VIRTUAL_ENV_PROMPT) { Remove-Item env:VIRTUAL_ENV_PROMPT }
    if (-not $NonDestructive) { Remove-Item function:deactivate }
}

deactivate -NonDestructive
$env:VIRTUAL_ENV = "__VENV_DIR__"
$env:VIRTUAL_ENV_PROMPT = "__VENV_PROMPT__"
New-Variable -Scope global -Name _OLD_VIRTUAL_PATH -Value $env:PATH
$env:PATH = "$env:VIRTUAL_ENV/bin:" + $env:PATH
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn argparse_behaviour() {
        let o = parse(&args(&["--prompt", "demo", "--sys", "x"])).unwrap().unwrap();
        assert_eq!((o.prompt.as_deref(), o.system_site_packages, o.dirs.as_slice()), (Some("demo"), true, ["x".to_string()].as_slice()));
        assert_eq!(parse(&args(&[])).unwrap_err(), "the following arguments are required: ENV_DIR");
        assert_eq!(parse(&args(&["--bogus", "x"])).unwrap_err(), "unrecognized arguments: --bogus");
        assert_eq!(parse(&args(&["--symlinks", "--copies", "x"])).unwrap_err(), "argument --copies: not allowed with argument --symlinks");
        assert_eq!(parse(&args(&["-h"])).unwrap(), None);
    }
}
