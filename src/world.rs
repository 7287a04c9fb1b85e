//! The machines a session can start on, as data. Both are kai's laptop running Ubuntu 24.04,
//! with the project folder `~/Projects/example`: `default` as the blog post has it
//! (`DESIGN.md` section 3: pyenv's CPython 3.12.7 first on `PATH`, Ubuntu's pip and venv
//! installed), and `fresh-ubuntu` as Ubuntu installs it, before kai set anything up: no
//! pyenv, the `PATH` of `/etc/environment`, only `python3` (no `python`), and neither
//! `python3-venv` (so the standard library has no `ensurepip`) nor `python3-pip`.
//!
//! A world is built by laying out entries — directories, files, symlinks, program binaries —
//! with owners and modes, then choosing the user, the working directory and the environment.
//! The presets share one layout and differ only in which of its parts ([`Laptop`]) they
//! install. Nothing here decides behaviour: programs find these files and act on them (`venv`
//! fails on the fresh laptop because `ensurepip` is not in `/usr/lib/python3.12`).
//!
//! Ubuntu also installs `command-not-found`, whose handler in `/etc/bash.bashrc` suggests a
//! package for a missing command; it reads a database `apt update` downloads, which this
//! simulation does not have. Neither world has the helper, so `/etc/bash.bashrc` defines no
//! handler and bash says `python: command not found`, as on a machine without it.

use crate::fs::{Cred, Fs, FsResult};
use crate::programs::{self, Env};

mod presets;
pub use presets::PRESETS;

/// Root's credentials.
const ROOT: (u32, u32) = (0, 0);
/// kai's credentials.
const KAI: (u32, u32) = (1000, 1000);

/// The default world's `PATH`, the post's.
pub const DEFAULT_PATH: &str = "/home/kai/.pyenv/shims:/home/kai/.pyenv/bin:/home/kai/.local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// Ubuntu 24.04's `PATH`, from `/etc/environment`. `~/.profile` puts `~/bin` and `~/.local/bin`
/// in front at login only if they exist, and on the fresh laptop neither does.
pub const UBUNTU_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin";

/// What sets a preset apart: the `PATH` its user logs in with and the parts installed on the
/// shared Ubuntu 24.04 base.
struct Laptop {
    /// The preset's name (one of [`PRESETS`]).
    name: &'static str,
    /// One sentence on the machine, for a face that offers a choice of worlds.
    about: &'static str,
    /// The login shell's `PATH`.
    path: &'static str,
    /// pyenv in `~/.pyenv` with CPython 3.12.7 (and `PYENV_ROOT` in the environment).
    pyenv: bool,
    /// Ubuntu's `python3.12-venv`: `ensurepip` in the system Python's standard library.
    python3_venv: bool,
    /// Ubuntu's `python3-pip`: pip in `/usr/lib/python3/dist-packages`, `pip` in `/usr/bin`.
    python3_pip: bool,
}

/// The presets, by name.
const LAPTOPS: &[Laptop] = &[
    Laptop {
        name: "default",
        about: "Kai's laptop as the blog post has it: pyenv's Python 3.12.7 first on PATH, Ubuntu's own Python 3.12.3 behind it.",
        path: DEFAULT_PATH,
        pyenv: true,
        python3_venv: true,
        python3_pip: true,
    },
    Laptop {
        name: "fresh-ubuntu",
        about: "The same laptop as Ubuntu 24.04 installs it: only python3, no pyenv, no python3-venv, no pip.",
        path: UBUNTU_PATH,
        pyenv: false,
        python3_venv: false,
        python3_pip: false,
    },
];

/// Where pyenv's CPython lives in the default world.
const PYENV_VERSION_DIR: &str = "/home/kai/.pyenv/versions/3.12.7";

/// A machine ready to start a session on: its filesystem (with the user's credentials and
/// working directory set), the environment of the login shell, and a name.
#[derive(Debug, Clone)]
pub struct World {
    /// The world's name (`default`, ...).
    pub name: String,
    /// The filesystem, working directory and user.
    pub fs: Fs,
    /// The environment the shell starts with.
    pub env: Env,
}

/// One thing to lay out.
enum Entry<'a> {
    Dir(&'a str, u32, (u32, u32)),
    File(&'a str, u32, (u32, u32), &'a str),
    Link(&'a str, &'a str, (u32, u32)),
}

/// Ubuntu 24.04's `/etc/bash.bashrc`, which every interactive bash reads first.
const BASH_BASHRC: &str = include_str!("world/etc/bash.bashrc");
/// Ubuntu 24.04's `/etc/skel/.bashrc`: history settings, the prompt (in colour on a terminal
/// that has colours, with the window title), `LS_COLORS` from `dircolors`, and the aliases
/// (`ls`, `grep` with `--color=auto`, `ll`, `la`, `l`).
const SKEL_BASHRC: &str = include_str!("world/etc/skel/.bashrc");
/// Ubuntu 24.04's `/etc/skel/.profile`, which login shells read.
const SKEL_PROFILE: &str = include_str!("world/etc/skel/.profile");
/// Ubuntu 24.04's `/etc/skel/.bash_logout`.
const SKEL_BASH_LOGOUT: &str = include_str!("world/etc/skel/.bash_logout");

/// The system part of every world: merged `/usr`, `/etc`, `/tmp`, `/dev`, home directories.
const SYSTEM: &[Entry] = &[
    Entry::Dir("/usr", 0o755, ROOT),
    Entry::Dir("/usr/bin", 0o755, ROOT),
    Entry::Dir("/usr/sbin", 0o755, ROOT),
    Entry::Dir("/usr/lib", 0o755, ROOT),
    Entry::Dir("/usr/lib64", 0o755, ROOT),
    Entry::Dir("/usr/local", 0o755, ROOT),
    Entry::Dir("/usr/local/bin", 0o755, ROOT),
    Entry::Dir("/usr/local/sbin", 0o755, ROOT),
    Entry::Dir("/usr/local/lib", 0o755, ROOT),
    Entry::Dir("/usr/local/games", 0o755, ROOT),
    Entry::Dir("/usr/games", 0o755, ROOT),
    Entry::Dir("/usr/share", 0o755, ROOT),
    Entry::Link("/bin", "usr/bin", ROOT),
    Entry::Link("/sbin", "usr/sbin", ROOT),
    Entry::Link("/lib", "usr/lib", ROOT),
    Entry::Link("/lib64", "usr/lib64", ROOT),
    Entry::Dir("/etc", 0o755, ROOT),
    Entry::File("/etc/hostname", 0o644, ROOT, "laptop\n"),
    Entry::File(
        "/etc/passwd",
        0o644,
        ROOT,
        "root:x:0:0:root:/root:/bin/bash\nkai:x:1000:1000:Kai,,,:/home/kai:/bin/bash\n",
    ),
    Entry::File("/etc/group", 0o644, ROOT, "root:x:0:\nkai:x:1000:\n"),
    Entry::File(
        "/etc/os-release",
        0o644,
        ROOT,
        "PRETTY_NAME=\"Ubuntu 24.04.1 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\nVERSION=\"24.04.1 LTS (Noble Numbat)\"\nID=ubuntu\nID_LIKE=debian\n",
    ),
    // bash's start-up files as Ubuntu 24.04 ships them; a new user's home gets /etc/skel's.
    Entry::File("/etc/bash.bashrc", 0o644, ROOT, BASH_BASHRC),
    // grep's two old names, as Debian's grep 3.8 installs them: scripts over `grep -E`/`-F`.
    Entry::File("/usr/bin/egrep", 0o755, ROOT, "#!/bin/sh\ncmd=${0##*/}\nexec grep -E \"$@\"\n"),
    Entry::File("/usr/bin/fgrep", 0o755, ROOT, "#!/bin/sh\ncmd=${0##*/}\nexec grep -F \"$@\"\n"),
    Entry::Dir("/etc/skel", 0o755, ROOT),
    Entry::File("/etc/skel/.bashrc", 0o644, ROOT, SKEL_BASHRC),
    Entry::File("/etc/skel/.profile", 0o644, ROOT, SKEL_PROFILE),
    Entry::File("/etc/skel/.bash_logout", 0o644, ROOT, SKEL_BASH_LOGOUT),
    Entry::Dir("/dev", 0o755, ROOT),
    Entry::File("/dev/null", 0o666, ROOT, ""),
    Entry::Link("/dev/stdout", "/proc/self/fd/1", ROOT),
    Entry::Link("/dev/stderr", "/proc/self/fd/2", ROOT),
    Entry::Dir("/tmp", 0o1777, ROOT),
    Entry::Dir("/root", 0o700, ROOT),
    Entry::Dir("/home", 0o755, ROOT),
    Entry::Dir("/home/kai", 0o750, KAI),
    Entry::File("/home/kai/.bashrc", 0o644, KAI, SKEL_BASHRC),
    Entry::File("/home/kai/.profile", 0o644, KAI, SKEL_PROFILE),
    Entry::File("/home/kai/.bash_logout", 0o644, KAI, SKEL_BASH_LOGOUT),
    Entry::Dir("/home/kai/Projects", 0o755, KAI),
    Entry::Dir("/home/kai/Projects/example", 0o755, KAI),
    Entry::Dir("/home/kai/Projects/example/.vscode", 0o755, KAI),
    Entry::File(
        "/home/kai/Projects/example/main.py",
        0o644,
        KAI,
        "import sys\n\nimport numpy\n\nprint(\"numpy\", numpy.__version__, \"from\", numpy.__file__)\n",
    ),
    Entry::File(
        "/home/kai/Projects/example/.vscode/settings.json",
        0o644,
        KAI,
        "{\n    \"python.defaultInterpreterPath\": \"/home/kai/Projects/example/.venv/bin/python\"\n}\n",
    ),
    // The system Python (Ubuntu's), marked externally managed (PEP 668).
    Entry::Link("/usr/bin/python3", "python3.12", ROOT),
    Entry::Dir("/usr/lib/python3.12", 0o755, ROOT),
    Entry::File(
        "/usr/lib/python3.12/EXTERNALLY-MANAGED",
        0o644,
        ROOT,
        "[externally-managed]\nError=To install Python packages system-wide, try apt install\n python3-xyz, where xyz is the package you are trying to\n install.\n\n If you wish to install a non-Debian-packaged Python package,\n create a virtual environment using python3 -m venv path/to/venv.\n Then use path/to/venv/bin/python and path/to/venv/bin/pip. Make\n sure you have python3-full installed.\n\n If you wish to install a non-Debian packaged Python application,\n it may be easiest to use pipx install xyz, which will manage a\n virtual environment for you. Make sure you have pipx installed.\n\n See /usr/share/doc/python3.12/README.venv for more information.\n",
    ),
];

/// pyenv in kai's home, with its CPython 3.12.7's `bin` (the interpreter itself, its
/// scripts and shims are laid out by [`install_pyenv`]).
const PYENV: &[Entry] = &[
    Entry::Dir("/home/kai/.pyenv", 0o755, KAI),
    Entry::Dir("/home/kai/.pyenv/bin", 0o755, KAI),
    Entry::Dir("/home/kai/.pyenv/libexec", 0o755, KAI),
    Entry::Link("/home/kai/.pyenv/bin/pyenv", "../libexec/pyenv", KAI),
    Entry::File("/home/kai/.pyenv/version", 0o644, KAI, "3.12.7\n"),
    Entry::Dir("/home/kai/.pyenv/shims", 0o755, KAI),
    Entry::Dir("/home/kai/.pyenv/versions", 0o755, KAI),
    Entry::Dir(PYENV_VERSION_DIR, 0o755, KAI),
    Entry::Dir("/home/kai/.pyenv/versions/3.12.7/bin", 0o755, KAI),
    Entry::Dir("/home/kai/.pyenv/versions/3.12.7/lib", 0o755, KAI),
    Entry::Dir("/home/kai/.pyenv/versions/3.12.7/lib/python3.12", 0o755, KAI),
    Entry::Dir("/home/kai/.pyenv/versions/3.12.7/lib/python3.12/site-packages", 0o755, KAI),
    Entry::Dir("/home/kai/.pyenv/versions/3.12.7/include", 0o755, KAI),
    Entry::Link("/home/kai/.pyenv/versions/3.12.7/bin/2to3", "2to3-3.12", KAI),
    Entry::Link("/home/kai/.pyenv/versions/3.12.7/bin/idle", "idle3.12", KAI),
    Entry::Link("/home/kai/.pyenv/versions/3.12.7/bin/idle3", "idle3.12", KAI),
    Entry::Link("/home/kai/.pyenv/versions/3.12.7/bin/pip", "pip3.12", KAI),
    Entry::Link("/home/kai/.pyenv/versions/3.12.7/bin/pydoc", "pydoc3.12", KAI),
    Entry::Link("/home/kai/.pyenv/versions/3.12.7/bin/pydoc3", "pydoc3.12", KAI),
    Entry::Link("/home/kai/.pyenv/versions/3.12.7/bin/python", "python3.12", KAI),
    Entry::Link("/home/kai/.pyenv/versions/3.12.7/bin/python-config", "python3.12-config", KAI),
    Entry::Link("/home/kai/.pyenv/versions/3.12.7/bin/python3", "python3.12", KAI),
    Entry::Link("/home/kai/.pyenv/versions/3.12.7/bin/python3-config", "python3.12-config", KAI),
];

/// Console scripts of the pyenv CPython: (name, the module line of its body).
const PYENV_SCRIPTS: &[(&str, &str)] = &[
    ("2to3-3.12", "import sys\nfrom lib2to3.main import main\n\nsys.exit(main(\"lib2to3.fixes\"))\n"),
    ("idle3.12", "\nfrom idlelib.pyshell import main\nif __name__ == '__main__':\n    main()\n"),
    ("pydoc3.12", "\nimport pydoc\nif __name__ == '__main__':\n    pydoc.cli()\n"),
];

/// The standard library modules that exist as files (the rest of CPython's standard library
/// is built into the simulated interpreter): (path under `lib/python3.12`, text).
const STDLIB: &[(&str, &str)] = &[
    ("os.py", "\"\"\"OS routines for POSIX (built into the simulated interpreter).\"\"\"\n"),
    ("site.py", "\"\"\"Adds site-packages to sys.path (built into the simulated interpreter).\"\"\"\n"),
    ("json/__init__.py", "\"\"\"JSON encoder and decoder (its code is not part of this simulation).\"\"\"\n"),
    ("venv/__init__.py", "\"\"\"Virtual environment creation; `python -m venv DIR` runs venv/__main__.py.\"\"\"\n"),
];

/// `venv/__main__.py` as CPython ships it.
const VENV_MAIN: &str = "import sys\nfrom _venvlab import venv_main\nsys.exit(venv_main())\n";

/// Debian's and Ubuntu's `venv`: when running `ensurepip` in the new environment fails and
/// the standard library has no `ensurepip/__main__.py`, it says which package to install.
const VENV_MAIN_DEBIAN: &str = "import sys\nfrom _venvlab import venv_main\nsys.exit(venv_main(debian_python3_venv_hint=True))\n";

/// `ensurepip/__main__.py`.
const ENSUREPIP_MAIN: &str = "import ensurepip\nimport sys\n\nif __name__ == \"__main__\":\n    sys.exit(ensurepip._main())\n";

/// `ensurepip/__init__.py` as CPython ships it: `python -m ensurepip` bootstraps pip.
const ENSUREPIP: &str = "\"\"\"Bootstraps pip from the wheel in _bundled/ (run natively by venvlab).\"\"\"\nfrom _venvlab import ensurepip_main\n\n\ndef _main():\n    return ensurepip_main()\n";

/// Debian's and Ubuntu's `ensurepip/__init__.py`: it refuses to bootstrap pip into the
/// system Python itself (outside a venv), whose packages apt manages.
const ENSUREPIP_DEBIAN: &str = "\"\"\"Bootstraps pip from the wheel in _bundled/ (run natively by venvlab).\n\nDebian's copy refuses outside a virtual environment: the system Python's packages\nare apt's to manage.\n\"\"\"\nfrom _venvlab import ensurepip_main\n\n\ndef _main():\n    return ensurepip_main(debian_system_python=True)\n";

/// The file a CPython built from source installs in its empty `site-packages`.
const SITE_PACKAGES_README: &str =
    "This directory exists so that 3rd party packages can be installed\nhere.  Read the source for site.py for more details.\n";

/// Which copy of the standard library to lay out.
#[derive(Clone, Copy)]
enum Stdlib {
    /// CPython's own, as `make install` leaves it.
    CPython,
    /// Debian's and Ubuntu's patched copy; `ensurepip` with it only when `python3-venv` is
    /// installed (Debian moves it to that package).
    Debian { ensurepip: bool },
}

/// Lays out a CPython installation's standard library under `prefix`, with its site
/// directory and, where there is `ensurepip`, the pip wheel it installs from.
fn install_stdlib(fs: &mut Fs, prefix: &str, owner: (u32, u32), copy: Stdlib) -> FsResult<()> {
    let lib = format!("{prefix}/lib/python3.12");
    for dir in ["", "/json", "/venv", "/lib-dynload", "/site-packages"] {
        mkdir_owned(fs, &format!("{lib}{dir}"), owner)?;
    }
    for (path, text) in STDLIB {
        fs.write(&format!("{lib}/{path}"), text.as_bytes())?;
    }
    let (venv_main, ensurepip) = match copy {
        Stdlib::CPython => (VENV_MAIN, Some(ENSUREPIP)),
        Stdlib::Debian { ensurepip } => (VENV_MAIN_DEBIAN, ensurepip.then_some(ENSUREPIP_DEBIAN)),
    };
    fs.write(&format!("{lib}/venv/__main__.py"), venv_main.as_bytes())?;
    let Some(ensurepip) = ensurepip else { return Ok(()) };
    for dir in ["/ensurepip", "/ensurepip/_bundled"] {
        mkdir_owned(fs, &format!("{lib}{dir}"), owner)?;
    }
    fs.write(&format!("{lib}/ensurepip/__init__.py"), ensurepip.as_bytes())?;
    fs.write(&format!("{lib}/ensurepip/__main__.py"), ENSUREPIP_MAIN.as_bytes())?;
    let wheel = format!("{lib}/ensurepip/_bundled/pip-{}-py3-none-any.whl", crate::python::index::PIP_VERSION);
    fs.write(&wheel, b"PK\x03\x04 pip wheel bundled with CPython (its files come from venvlab's index)\n")?;
    Ok(())
}

/// Installs the bundled pip into a site directory, its scripts into `bin` naming `python`.
fn install_pip(fs: &mut Fs, site: &str, bin: &str, python: &str) -> FsResult<()> {
    let pip = crate::python::index::versions_of("pip").into_iter().find(|p| p.version == crate::python::index::PIP_VERSION);
    let Some(pip) = pip else { return Ok(()) };
    let target = crate::python::wheel::Target { site: site.into(), bin: bin.into(), python: python.into() };
    crate::python::wheel::install(fs, &target, pip, true).map(|_| ())
}

fn mkdir_owned(fs: &mut Fs, path: &str, owner: (u32, u32)) -> FsResult<()> {
    if !fs.exists(path) {
        fs.mkdir(path, 0o755)?;
        fs.chown(path, owner.0, owner.1)?;
    }
    Ok(())
}

/// pyenv's exec hook that refreshes the shims after `pip install` or `pip uninstall`, so new
/// console scripts are found on `PATH` (venvlab's own wording of pyenv's pip-rehash plugin).
const PIP_REHASH: &str = r#"#!/usr/bin/env bash
# Runs pip, then lets pyenv rebuild its shims when packages were installed or
# removed, so that their commands (cowsay, f2py...) can be found on PATH.
set -e
[ -n "$PYENV_DEBUG" ] && set -x
STATUS=0
"$PYENV_REHASH_REAL_COMMAND" "$@" || STATUS="$?"
for arg; do
  case "$arg" in
  install* | uninstall* ) pyenv rehash ; break ;;
  esac
done
exit "$STATUS"
"#;

fn lay_out(fs: &mut Fs, entries: &[Entry]) -> FsResult<()> {
    for entry in entries {
        let (path, owner) = match *entry {
            Entry::Dir(path, mode, owner) => {
                fs.mkdir(path, 0o777)?;
                fs.chmod(path, mode)?;
                (path, owner)
            }
            Entry::File(path, mode, owner, content) => {
                fs.write(path, content.as_bytes())?;
                fs.chmod(path, mode)?;
                (path, owner)
            }
            Entry::Link(path, target, owner) => {
                fs.symlink(target, path)?;
                (path, owner)
            }
        };
        fs.chown(path, owner.0, owner.1)?;
    }
    Ok(())
}

/// The build of the system Python (Ubuntu 24.04's 3.12.3).
const SYSTEM_PYTHON_BUILD: &str = "3.12.3|/usr|main, Sep 11 2024, 14:17:37|GCC 13.2.0";
/// The build of pyenv's CPython 3.12.7, compiled on kai's laptop (as the one the golden
/// transcripts were recorded with).
const PYENV_PYTHON_BUILD: &str = "3.12.7|/home/kai/.pyenv/versions/3.12.7|main, May  9 2026, 07:36:11|GCC 12.2.0";

fn install_binary(fs: &mut Fs, path: &str, program: &str, owner: (u32, u32)) -> FsResult<()> {
    install_binary_built(fs, path, program, "", owner)
}

fn install_binary_built(fs: &mut Fs, path: &str, program: &str, build: &str, owner: (u32, u32)) -> FsResult<()> {
    fs.write(path, &programs::binary_with_build(program, build))?;
    fs.chmod(path, 0o755)?;
    fs.chown(path, owner.0, owner.1)
}

fn install_script(fs: &mut Fs, path: &str, text: &str, owner: (u32, u32)) -> FsResult<()> {
    fs.write(path, text.as_bytes())?;
    fs.chmod(path, 0o755)?;
    fs.chown(path, owner.0, owner.1)
}

/// One sentence on the world with this name, if there is one (see [`PRESETS`]).
pub fn about(name: &str) -> Option<&'static str> {
    LAPTOPS.iter().find(|laptop| laptop.name == name).map(|laptop| laptop.about)
}

/// The world with this name, if there is one (see [`PRESETS`]).
pub fn preset(name: &str) -> Option<World> {
    LAPTOPS.iter().find(|laptop| laptop.name == name).map(build_or_empty)
}

/// Builds the default world: kai's laptop.
pub fn default_world() -> World {
    build_or_empty(&LAPTOPS[0])
}

/// Builds a laptop; a layout that cannot be made (never expected) gives an empty machine
/// rather than a panic.
fn build_or_empty(laptop: &Laptop) -> World {
    build(laptop).unwrap_or_else(|_| World { name: "empty".into(), fs: Fs::new(), env: Env::new() })
}

fn build(laptop: &Laptop) -> FsResult<World> {
    let mut fs = Fs::new();
    fs.set_cred(Cred::ROOT);
    lay_out(&mut fs, SYSTEM)?;
    fs.write("/etc/environment", format!("PATH=\"{UBUNTU_PATH}\"\n").as_bytes())?;
    for (name, _) in programs::REGISTRY {
        install_binary(&mut fs, &format!("/usr/bin/{name}"), name, ROOT)?;
    }
    install_binary(&mut fs, "/usr/bin/bash", "bash", ROOT)?;
    install_binary(&mut fs, "/usr/bin/dash", "sh", ROOT)?;
    fs.symlink("dash", "/usr/bin/sh")?;
    install_binary_built(&mut fs, "/usr/bin/python3.12", "python3.12", SYSTEM_PYTHON_BUILD, ROOT)?;
    install_stdlib(&mut fs, "/usr", ROOT, Stdlib::Debian { ensurepip: laptop.python3_venv })?;
    for dir in ["/usr/lib/python3", "/usr/lib/python3/dist-packages", "/usr/local/lib/python3.12", "/usr/local/lib/python3.12/dist-packages"] {
        mkdir_owned(&mut fs, dir, ROOT)?;
    }
    if laptop.python3_pip {
        install_pip(&mut fs, "/usr/lib/python3/dist-packages", "/usr/bin", "/usr/bin/python3")?;
    }
    if laptop.pyenv {
        install_pyenv(&mut fs)?;
    }
    fs.set_cred(Cred { uid: KAI.0, gid: KAI.1 });
    fs.chdir("/home/kai/Projects/example")?;
    // Inserted one by one: `collect` into a BTreeMap would link a sort for these pairs.
    let mut env = Env::new();
    for (k, v) in [("HOME", "/home/kai"), ("USER", "kai"), ("LOGNAME", "kai"), ("LANG", "C.UTF-8"), ("PATH", laptop.path), ("PS1", "\\u@\\h:\\w\\$ ")] {
        env.insert(k.to_string(), v.to_string());
    }
    if laptop.pyenv {
        env.insert("PYENV_ROOT".into(), "/home/kai/.pyenv".into());
    }
    fs.take_changes();
    Ok(World { name: laptop.name.into(), fs, env })
}

/// Lays out pyenv in kai's home: its CPython 3.12.7 with pip, the shims, and the exec hook
/// that rehashes after pip. Runs as root and leaves root's credentials set.
fn install_pyenv(fs: &mut Fs) -> FsResult<()> {
    lay_out(fs, PYENV)?;
    let bin = format!("{PYENV_VERSION_DIR}/bin");
    install_binary_built(fs, &format!("{bin}/python3.12"), "python3.12", PYENV_PYTHON_BUILD, KAI)?;
    fs.set_cred(Cred { uid: KAI.0, gid: KAI.1 });
    install_stdlib(fs, PYENV_VERSION_DIR, KAI, Stdlib::CPython)?;
    // `make install` puts CPython's Lib/site-packages/README.txt there (Ubuntu's Python has none).
    fs.write(&format!("{PYENV_VERSION_DIR}/lib/python3.12/site-packages/README.txt"), SITE_PACKAGES_README.as_bytes())?;
    install_pip(fs, &format!("{PYENV_VERSION_DIR}/lib/python3.12/site-packages"), &bin, &format!("{bin}/python3.12"))?;
    fs.set_cred(Cred::ROOT);
    let interpreter = format!("#!{bin}/python3.12\n");
    for (name, body) in PYENV_SCRIPTS {
        install_script(fs, &format!("{bin}/{name}"), &format!("{interpreter}{body}"), KAI)?;
    }
    install_script(fs, &format!("{bin}/python3.12-config"), "#!/bin/sh\n\n# Keep this script in sync with python-config.in\n", KAI)?;
    fs.write(&format!("{bin}/python3.12-gdb.py"), b"# -*- coding: utf-8 -*-\n")?;
    fs.chmod(&format!("{bin}/python3.12-gdb.py"), 0o755)?;
    fs.chown(&format!("{bin}/python3.12-gdb.py"), KAI.0, KAI.1)?;
    install_binary(fs, "/home/kai/.pyenv/libexec/pyenv", "pyenv", KAI)?;
    let shim_text = crate::python::pyenv_shim("/home/kai/.pyenv");
    for entry in fs.read_dir(&bin)? {
        install_script(fs, &format!("/home/kai/.pyenv/shims/{}", entry.name), &shim_text, KAI)?;
    }
    for dir in ["/home/kai/.pyenv/pyenv.d", "/home/kai/.pyenv/pyenv.d/exec", "/home/kai/.pyenv/pyenv.d/exec/pip-rehash"] {
        mkdir_owned(fs, dir, KAI)?;
    }
    for name in ["pip", "pip3", "pip3.12"] {
        install_script(fs, &format!("/home/kai/.pyenv/pyenv.d/exec/pip-rehash/{name}"), PIP_REHASH, KAI)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_world_is_kais_laptop() {
        let w = default_world();
        assert_eq!(w.name, "default");
        assert_eq!(w.fs.cwd_path().unwrap(), "/home/kai/Projects/example");
        assert_eq!(w.fs.cred().uid, 1000);
        assert_eq!(w.fs.readlink("/bin").unwrap(), "usr/bin");
        assert!(w.fs.stat("/home/kai/.pyenv/shims/python3").is_ok());
        assert_eq!(w.fs.realpath("/home/kai/.pyenv/versions/3.12.7/bin/python").unwrap(), "/home/kai/.pyenv/versions/3.12.7/bin/python3.12");
        assert_eq!(w.env["PATH"], DEFAULT_PATH);
        assert!(w.fs.exists("/usr/lib/python3.12/ensurepip/__main__.py"));
        assert!(w.fs.exists("/usr/bin/pip"));
    }

    #[test]
    fn every_preset_name_builds_its_laptop() {
        let names: Vec<&str> = LAPTOPS.iter().map(|l| l.name).collect();
        assert_eq!(names, PRESETS);
        for name in PRESETS {
            assert_eq!(preset(name).map(|w| w.name), Some(name.to_string()));
            assert!(about(name).is_some_and(|text| text.ends_with('.')));
        }
        assert!(preset("nonexistent").is_none());
    }

    #[test]
    fn the_fresh_laptop_has_only_ubuntus_python3() {
        let w = preset("fresh-ubuntu").unwrap();
        assert_eq!(w.fs.cwd_path().unwrap(), "/home/kai/Projects/example");
        assert_eq!(w.env["PATH"], UBUNTU_PATH);
        assert!(!w.env.contains_key("PYENV_ROOT"));
        assert_eq!(*w.fs.read("/etc/environment").unwrap(), format!("PATH=\"{UBUNTU_PATH}\"\n").into_bytes());
        assert_eq!(w.fs.readlink("/usr/bin/python3").unwrap(), "python3.12");
        for absent in ["/home/kai/.pyenv", "/usr/bin/python", "/usr/bin/pip", "/usr/lib/python3/dist-packages/pip", "/usr/lib/python3.12/ensurepip"] {
            assert!(!w.fs.exists(absent), "{absent}");
        }
        assert!(w.fs.exists("/usr/lib/python3.12/venv/__main__.py"));
        assert!(w.fs.exists("/usr/lib/python3.12/EXTERNALLY-MANAGED"));
    }
}
