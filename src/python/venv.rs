//! `python -m venv`: creates a virtual environment as CPython 3.12's `venv` module does on
//! Linux — `bin/` with links (or copies) named after the running interpreter, the activate
//! scripts, `include/`, `lib/python3.12/site-packages` with pip from the bundled wheel,
//! `lib64 -> lib`, and `pyvenv.cfg` — so that everything a venv does afterwards follows from
//! these files. The activate scripts are venvlab's own.

use super::host::Machine;
use super::index;
use super::wheel::{self, Target};
use crate::fs::{join_path, FileKind, FsError, FsResult};

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

/// venv's command line (`sys.argv[1:]`); returns the exit status.
pub fn main(machine: &mut Machine) -> i32 {
    let args: Vec<String> = machine.argv.iter().skip(1).cloned().collect();
    let options = match parse(&args) {
        Ok(Some(o)) => o,
        Ok(None) => {
            machine.ctx.out(format!("{USAGE}{HELP}"));
            return 0;
        }
        Err(message) => {
            machine.ctx.err(format!("{USAGE}venv: error: {message}\n"));
            return 2;
        }
    };
    for dir in &options.dirs {
        let env_dir = crate::fs::normalize_path(&machine.absolute(dir));
        if let Err(message) = create(machine, &options, &env_dir) {
            machine.ctx.err(format!("Error: {message}\n"));
            return 1;
        }
    }
    0
}

/// Creates (or clears, or upgrades) one environment; `Err` is the message after `Error: `.
fn create(machine: &mut Machine, o: &Options, env_dir: &str) -> Result<(), String> {
    let fs_err = |e: FsError, path: &str| format!("[Errno {}] {e}: '{path}'", e.errno());
    match machine.ctx.fs.stat(env_dir) {
        Ok(m) if m.kind != FileKind::Dir => return Err(format!("Unable to create directory '{env_dir}'")),
        Ok(_) if o.clear => clear(machine, env_dir).map_err(|e| fs_err(e, env_dir))?,
        _ => {}
    }
    let short = machine.build.short_version();
    let base_executable = machine.paths.base_executable.clone();
    let exe_name = base_executable.rsplit('/').next().unwrap_or("python").to_string();
    let fs = &mut *machine.ctx.fs;
    let dirs = [String::new(), "bin".into(), "include".into(), format!("include/python{short}"), "lib".into(), format!("lib/python{short}"), format!("lib/python{short}/site-packages")];
    for dir in &dirs {
        let path = join_path(env_dir, dir);
        fs.mkdir_all(&path).map_err(|e| fs_err(e, &path))?;
    }
    let lib64 = join_path(env_dir, "lib64");
    if fs.lstat(&lib64).is_err() {
        fs.symlink("lib", &lib64).map_err(|e| fs_err(e, &lib64))?;
    }
    let prompt = match o.prompt.as_deref() {
        Some(".") => machine.logical_cwd().rsplit('/').next().unwrap_or("").to_string(),
        Some(p) => p.to_string(),
        None => env_dir.rsplit('/').next().unwrap_or("").to_string(),
    };
    let cfg = config(machine, o, env_dir, &prompt);
    let fs = &mut *machine.ctx.fs;
    let cfg_path = join_path(env_dir, "pyvenv.cfg");
    fs.write(&cfg_path, cfg.as_bytes()).map_err(|e| fs_err(e, &cfg_path))?;
    let bin = join_path(env_dir, "bin");
    setup_python(fs, o, &bin, &base_executable, &exe_name, &short).map_err(|e| fs_err(e, &bin))?;
    for (name, template) in ACTIVATE {
        let text = template.replace("__VENV_DIR__", env_dir).replace("__VENV_PROMPT__", &format!("({prompt}) "));
        let path = join_path(&bin, name);
        fs.write(&path, text.as_bytes()).map_err(|e| fs_err(e, &path))?;
    }
    if o.without_pip || o.upgrade {
        return Ok(());
    }
    ensurepip(machine, env_dir, &bin, &exe_name, &short)
}

/// `pyvenv.cfg` as CPython 3.12 writes it.
fn config(machine: &Machine, o: &Options, env_dir: &str, prompt: &str) -> String {
    let base = &machine.paths.base_executable;
    let home = base.rsplit_once('/').map_or("/", |(d, _)| d);
    let executable = &machine.paths.executable;
    let real = machine.ctx.fs.realpath(executable).unwrap_or_else(|_| executable.clone());
    let mut text = format!(
        "home = {home}\ninclude-system-site-packages = {}\nversion = {}\n",
        o.system_site_packages, machine.build.version
    );
    if o.prompt.is_some() {
        text.push_str(&format!("prompt = '{prompt}'\n"));
    }
    text.push_str(&format!("executable = {real}\n"));
    let mut args = Vec::new();
    for (on, flag) in [
        (o.symlinks == Some(false), "--copies"),
        (o.without_pip, "--without-pip"),
        (o.system_site_packages, "--system-site-packages"),
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
    text.push_str(&format!("command = {} -m venv {}\n", machine.paths.executable, args.join(" ")));
    text
}

/// `bin/python`, `python3`, `python3.12`: the interpreter's own name links to it (absolute),
/// the others to that name; with `--copies`, copies of the binary.
fn setup_python(fs: &mut crate::fs::Fs, o: &Options, bin: &str, base: &str, exe_name: &str, short: &str) -> FsResult<()> {
    let copies = o.symlinks == Some(false);
    let names = [exe_name.to_string(), "python".into(), "python3".into(), format!("python{short}")];
    for (i, name) in names.iter().enumerate() {
        let path = join_path(bin, name);
        if fs.lstat(&path).is_ok() {
            if !o.upgrade {
                continue;
            }
            fs.unlink(&path)?;
        }
        if copies {
            let bytes = fs.read(base)?;
            fs.write(&path, &bytes)?;
            fs.chmod(&path, 0o755)?;
        } else if i == 0 {
            fs.symlink(base, &path)?;
        } else {
            fs.symlink(exe_name, &path)?;
        }
    }
    Ok(())
}

/// Installs pip from the wheel bundled with the standard library, as `ensurepip` does.
fn ensurepip(machine: &mut Machine, env_dir: &str, bin: &str, exe_name: &str, short: &str) -> Result<(), String> {
    let pip_version = super::index::PIP_VERSION;
    let bundled = format!("{}/lib/python{short}/ensurepip/_bundled/pip-{pip_version}-py3-none-any.whl", machine.paths.base_prefix);
    let python = join_path(bin, exe_name);
    let message = format!("Command '['{python}', '-m', 'ensurepip', '--upgrade', '--default-pip']' returned non-zero exit status 1.");
    let failed = || message.clone();
    if !machine.ctx.fs.exists(&bundled) {
        return Err(failed());
    }
    let Some(pip) = index::versions_of("pip").into_iter().find(|p| p.version == pip_version) else { return Err(failed()) };
    let target = Target { site: format!("{env_dir}/lib/python{short}/site-packages"), bin: bin.to_string(), python };
    wheel::install(machine.ctx.fs, &target, pip, true).map(|_| ()).map_err(|_| failed())
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
