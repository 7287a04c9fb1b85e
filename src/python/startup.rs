//! CPython 3.12's start-up path computation (`Modules/getpath.py`), over the simulated files.
//!
//! From `argv[0]` and `PATH` comes `sys.executable` (symlinks not resolved). A `pyvenv.cfg`
//! beside that executable, or one directory up, makes its directory `sys.prefix` and names the
//! base interpreter's directory in `home`; the standard library is then searched for upward from
//! `home` — or, without a `pyvenv.cfg`, upward from the directory of the executable with its
//! symlinks resolved — by its landmark `lib/python3.12/os.py`. That gives `sys.base_prefix`, and
//! with it `sys.path`. Nothing here knows about venvs beyond what CPython reads from the files.

use crate::fs::{join_path, FileKind, Fs};
use crate::programs::Env;
use crate::trace::Event;

/// What the interpreter knows about itself before reading any file (compiled into its binary).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Build {
    /// `3.12.7`.
    pub version: String,
    /// The prefix it was configured with (`/usr`, `/home/kai/.pyenv/versions/3.12.7`), used when
    /// the landmark cannot be found.
    pub configured_prefix: String,
    /// When and from which branch it was built: `main, May  9 2026, 07:36:11`.
    pub built: String,
    /// The compiler: `GCC 13.2.0`.
    pub compiler: String,
}

impl Build {
    /// Reads a build from a binary's tag: `VERSION|PREFIX|BUILT|COMPILER`.
    pub fn parse(tag: &str) -> Build {
        let mut parts = tag.split('|');
        let mut next = |default: &str| parts.next().filter(|p| !p.is_empty()).unwrap_or(default).to_string();
        Build { version: next("3.12.7"), configured_prefix: next("/usr"), built: next("main"), compiler: next("GCC") }
    }

    /// The tag [`Build::parse`] reads.
    pub fn tag(&self) -> String {
        format!("{}|{}|{}|{}", self.version, self.configured_prefix, self.built, self.compiler)
    }

    /// `sys.version`: `3.12.7 (main, May  9 2026, 07:36:11) [GCC 12.2.0]`.
    pub fn version_text(&self) -> String {
        format!("{} ({}) [{}]", self.version, self.built, self.compiler)
    }

    /// `3.12` from `3.12.7`.
    pub fn short_version(&self) -> String {
        self.version.split('.').take(2).collect::<Vec<_>>().join(".")
    }
}

/// Command-line switches that change the path computation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags {
    /// `-I`: isolated (no script directory, no user site, no `PYTHON*` variables).
    pub isolated: bool,
    /// `-s`: no user site-packages.
    pub no_user_site: bool,
    /// `-E`: ignore `PYTHON*` environment variables.
    pub ignore_environment: bool,
    /// `-S`: do not import `site` (no site-packages at all).
    pub no_site: bool,
}

/// The outcome of start-up: the `sys` attributes that depend on files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// `sys.executable`.
    pub executable: String,
    /// `sys._base_executable`: the base interpreter a venv's `home` names.
    pub base_executable: String,
    /// `sys.prefix` (the venv when a `pyvenv.cfg` was found).
    pub prefix: String,
    /// `sys.base_prefix`.
    pub base_prefix: String,
    /// `sys.path` without its first entry (the script's directory or `''`, added by the caller).
    pub path: Vec<String>,
    /// What `site.getsitepackages()` returns.
    pub site_packages: Vec<String>,
    /// The `pyvenv.cfg` used, if any.
    pub pyvenv_cfg: Option<String>,
    /// Warnings CPython prints when it cannot find its libraries.
    pub warnings: Vec<String>,
}

/// Computes the paths for an interpreter started as `argv0`, and reports what it looked at.
pub fn compute(fs: &Fs, env: &Env, argv0: &str, build: &Build, flags: Flags, trace: &mut Vec<Event>) -> Paths {
    let executable = find_executable(fs, env, argv0);
    let exe_dir = parent(&executable);
    let cfg_candidates = [join_path(&exe_dir, "pyvenv.cfg"), join_path(&parent(&exe_dir), "pyvenv.cfg")];
    let mut cfg = None;
    for candidate in &cfg_candidates {
        let found = fs.read(candidate).ok().map(|b| String::from_utf8_lossy(&b).into_owned());
        trace.push(Event::PyvenvCfg { path: candidate.clone(), found: found.is_some() });
        if let Some(text) = found {
            cfg = Some((candidate.clone(), text));
            break;
        }
    }
    let home = cfg.as_ref().and_then(|(_, text)| cfg_value(text, "home"));
    let search_from = match &home {
        Some(home) => home.clone(),
        None => fs.realpath(&executable).map(|p| parent(&p)).unwrap_or_else(|_| exe_dir.clone()),
    };
    let short = build.short_version();
    let landmark = format!("lib/python{short}/os.py");
    let mut warnings = Vec::new();
    // Not found: the prefix the interpreter was configured with, which CPython warns about
    // only when the landmark is not there either.
    let base_prefix = search_up(fs, &search_from, &landmark).unwrap_or_else(|| {
        if !is_file(fs, &join_path(&build.configured_prefix, &landmark)) {
            warnings.push("Could not find platform independent libraries <prefix>".to_string());
        }
        build.configured_prefix.clone()
    });
    let prefix = cfg.as_ref().map_or_else(|| base_prefix.clone(), |(path, _)| parent(path));
    let include_system = cfg.as_ref().and_then(|(_, t)| cfg_value(t, "include-system-site-packages")).is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let stdlib = format!("{base_prefix}/lib/python{short}");
    let mut path = Vec::new();
    if !flags.isolated && !flags.ignore_environment {
        if let Some(extra) = env.get("PYTHONPATH").filter(|p| !p.is_empty()) {
            path.extend(extra.split(':').map(str::to_string));
        }
    }
    path.push(format!("{base_prefix}/lib/python{}.zip", short.replace('.', "")));
    path.push(stdlib.clone());
    path.push(format!("{stdlib}/lib-dynload"));
    // Debian and Ubuntu build their Python to use dist-packages instead.
    let mut site_packages = if prefix == "/usr" {
        vec![format!("/usr/local/lib/python{short}/dist-packages"), "/usr/lib/python3/dist-packages".to_string()]
    } else {
        vec![format!("{prefix}/lib/python{short}/site-packages")]
    };
    if cfg.is_some() && include_system {
        site_packages.push(format!("{base_prefix}/lib/python{short}/site-packages"));
    }
    if !flags.no_site {
        let user_site = env.get("HOME").map(|h| format!("{h}/.local/lib/python{short}/site-packages"));
        let user_allowed = cfg.is_none() && !flags.isolated && !flags.no_user_site;
        if let Some(user) = user_site.filter(|u| user_allowed && is_dir(fs, u)) {
            path.push(user);
        }
        path.extend(site_packages.iter().filter(|p| is_dir(fs, p)).cloned());
    }
    trace.push(Event::PythonPrefix { prefix: prefix.clone(), base_prefix: base_prefix.clone() });
    let base_executable = match &home {
        Some(home) => base_executable(fs, &executable, home, &short),
        None => executable.clone(),
    };
    Paths { executable, base_executable, prefix, base_prefix, path, site_packages, pyvenv_cfg: cfg.map(|(p, _)| p), warnings }
}

/// `sys.executable`: `argv[0]` made absolute when it has a `/`, else the first executable file
/// of that name on `PATH`; symlinks are kept.
fn find_executable(fs: &Fs, env: &Env, argv0: &str) -> String {
    let cwd = env.get("PWD").cloned().filter(|p| fs.realpath(p).ok() == fs.cwd_path().ok());
    let cwd = cwd.or_else(|| fs.cwd_path().ok()).unwrap_or_else(|| "/".into());
    if argv0.contains('/') {
        return if argv0.starts_with('/') { crate::fs::normalize_path(argv0) } else { crate::fs::normalize_path(&join_path(&cwd, argv0)) };
    }
    let path_var = env.get("PATH").map(String::as_str).unwrap_or("");
    match crate::programs::executables_on_path(fs, argv0, path_var).into_iter().next() {
        Some(found) if found.starts_with('/') => crate::fs::normalize_path(&found),
        Some(relative) => crate::fs::normalize_path(&join_path(&cwd, &relative)),
        None => argv0.to_string(),
    }
}

/// The value of `key = value` in a `pyvenv.cfg`.
pub fn cfg_value(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim() == key).then(|| v.trim().to_string())
    })
}

/// `sys._base_executable` in a venv (getpath's reading of `home`): the executable with its
/// symlinks resolved, when it is a link; else the file of its name in `home`, or failing
/// that `python3` or `python3.12` there.
fn base_executable(fs: &Fs, executable: &str, home: &str, short: &str) -> String {
    if let Ok(real) = fs.realpath(executable) {
        if real != executable {
            return real;
        }
    }
    let name = executable.rsplit('/').next().unwrap_or("python");
    let in_home = join_path(home, name);
    if is_file(fs, &in_home) {
        return in_home;
    }
    ["python3".to_string(), format!("python{short}")]
        .into_iter()
        .filter(|candidate| candidate != name)
        .map(|candidate| join_path(home, &candidate))
        .find(|candidate| is_file(fs, candidate))
        .unwrap_or(in_home)
}

/// The first directory from `start` upward that holds `landmark`. As getpath's `dirname`
/// takes `/home` to the empty string, the search ends below the root: `/` itself is never
/// tried.
fn search_up(fs: &Fs, start: &str, landmark: &str) -> Option<String> {
    let mut dir = crate::fs::normalize_path(start);
    for _ in 0..64 {
        if dir == "/" || dir.is_empty() {
            return None;
        }
        if is_file(fs, &join_path(&dir, landmark)) {
            return Some(dir);
        }
        dir = match dir.rsplit_once('/') {
            Some((up, _)) => up.to_string(),
            None => String::new(),
        };
    }
    None
}

fn is_file(fs: &Fs, path: &str) -> bool {
    fs.stat(path).is_ok_and(|m| m.kind == FileKind::File)
}

fn is_dir(fs: &Fs, path: &str) -> bool {
    fs.stat(path).is_ok_and(|m| m.kind == FileKind::Dir)
}

/// The directory part of an absolute path (`/` for `/x`).
fn parent(path: &str) -> String {
    match path.trim_end_matches('/').rsplit_once('/') {
        Some(("", _)) | None => "/".to_string(),
        Some((dir, _)) => dir.to_string(),
    }
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::default_world;

    const PYENV: &str = "/home/kai/.pyenv/versions/3.12.7";

    fn build() -> Build {
        Build::parse(&format!("3.12.7|{PYENV}|main, May  9 2026, 07:36:11|GCC 12.2.0"))
    }

    fn world_with_stdlib() -> (Fs, Env) {
        let w = default_world();
        let mut fs = w.fs;
        fs.set_cred(crate::fs::Cred::ROOT);
        fs.write(&format!("{PYENV}/lib/python3.12/os.py"), b"").unwrap();
        fs.set_cred(crate::fs::Cred { uid: 1000, gid: 1000 });
        (fs, w.env)
    }

    fn venv(fs: &mut Fs, dir: &str) {
        fs.mkdir(dir, 0o755).unwrap();
        fs.mkdir(&format!("{dir}/bin"), 0o755).unwrap();
        fs.symlink(&format!("{PYENV}/bin/python"), &format!("{dir}/bin/python")).unwrap();
        fs.write(&format!("{dir}/pyvenv.cfg"), format!("home = {PYENV}/bin\ninclude-system-site-packages = false\n").as_bytes()).unwrap();
        for d in ["lib", "lib/python3.12", "lib/python3.12/site-packages"] {
            fs.mkdir(&format!("{dir}/{d}"), 0o755).unwrap();
        }
    }

    #[test]
    fn base_interpreter_finds_its_prefix_by_the_landmark() {
        let (fs, env) = world_with_stdlib();
        let mut trace = Vec::new();
        let p = compute(&fs, &env, &format!("{PYENV}/bin/python"), &build(), Flags::default(), &mut trace);
        assert_eq!(p.executable, format!("{PYENV}/bin/python"));
        assert_eq!((p.prefix.as_str(), p.base_prefix.as_str()), (PYENV, PYENV));
        assert_eq!(p.pyvenv_cfg, None);
        assert_eq!(p.path, vec![format!("{PYENV}/lib/python312.zip"), format!("{PYENV}/lib/python3.12"), format!("{PYENV}/lib/python3.12/lib-dynload"), format!("{PYENV}/lib/python3.12/site-packages")]);
        assert!(trace.contains(&Event::PyvenvCfg { path: format!("{PYENV}/bin/pyvenv.cfg"), found: false }));
    }

    #[test]
    fn a_venv_is_found_by_its_pyvenv_cfg_and_survives_a_move() {
        let (mut fs, env) = world_with_stdlib();
        let dir = "/home/kai/Projects/example/.venv";
        venv(&mut fs, dir);
        let p = compute(&fs, &env, ".venv/bin/python", &build(), Flags::default(), &mut Vec::new());
        assert_eq!(p.executable, format!("{dir}/bin/python"));
        assert_eq!((p.prefix.as_str(), p.base_prefix.as_str()), (dir, PYENV));
        assert_eq!(p.site_packages, vec![format!("{dir}/lib/python3.12/site-packages")]);
        assert_eq!(p.path.last(), Some(&format!("{dir}/lib/python3.12/site-packages")));
        fs.rename(dir, "/home/kai/Projects/moved").unwrap();
        let p = compute(&fs, &env, "/home/kai/Projects/moved/bin/python", &build(), Flags::default(), &mut Vec::new());
        assert_eq!(p.prefix, "/home/kai/Projects/moved");
    }

    #[test]
    fn without_pyvenv_cfg_the_venv_python_is_the_base_one() {
        let (mut fs, env) = world_with_stdlib();
        let dir = "/home/kai/Projects/example/.venv";
        venv(&mut fs, dir);
        fs.unlink(&format!("{dir}/pyvenv.cfg")).unwrap();
        let p = compute(&fs, &env, &format!("{dir}/bin/python"), &build(), Flags::default(), &mut Vec::new());
        assert_eq!((p.prefix.as_str(), p.base_prefix.as_str()), (PYENV, PYENV));
    }

    #[test]
    fn a_bare_name_is_searched_on_path() {
        let (fs, mut env) = world_with_stdlib();
        env.insert("PATH".into(), format!("{PYENV}/bin:/usr/bin"));
        let p = compute(&fs, &env, "python", &build(), Flags::default(), &mut Vec::new());
        assert_eq!(p.executable, format!("{PYENV}/bin/python"));
    }

    #[test]
    fn a_missing_landmark_falls_back_to_the_configured_prefix_never_the_root() {
        let mut w = default_world();
        w.fs.set_cred(crate::fs::Cred::ROOT);
        w.fs.unlink(&format!("{PYENV}/lib/python3.12/os.py")).unwrap();
        // /lib is a link to usr/lib, where the system Python's os.py is; getpath never tries
        // "/" itself, so it settles on the prefix it was built for, and warns as os.py is not
        // there either.
        let p = compute(&w.fs, &w.env, &format!("{PYENV}/bin/python"), &build(), Flags::default(), &mut Vec::new());
        assert_eq!(p.base_prefix, PYENV);
        assert_eq!(p.warnings, vec!["Could not find platform independent libraries <prefix>".to_string()]);
    }

    #[test]
    fn a_copied_interpreter_falls_back_to_its_build_prefix_without_a_warning() {
        let (mut fs, env) = world_with_stdlib();
        fs.mkdir_all("/home/kai/oldpy/bin").unwrap();
        let binary = fs.read("/usr/bin/python3.12").unwrap();
        fs.write("/home/kai/oldpy/bin/python3", &binary).unwrap();
        let system = Build::parse("3.12.3|/usr|main|GCC");
        let p = compute(&fs, &env, "/home/kai/oldpy/bin/python3", &system, Flags::default(), &mut Vec::new());
        assert_eq!((p.prefix.as_str(), p.base_prefix.as_str()), ("/usr", "/usr"));
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn a_venv_whose_home_was_removed_uses_the_build_prefix_and_the_real_executable() {
        // bin/python3 relinked to a working interpreter, `home` still naming a removed copy:
        // the landmark is searched for from `home` (it is not there), then the build prefix is
        // taken, as CPython 3.12 does (checked with a real 3.12.1).
        let (mut fs, env) = world_with_stdlib();
        let dir = "/home/kai/Projects/example/.venv";
        venv(&mut fs, dir);
        fs.write(&format!("{dir}/pyvenv.cfg"), b"home = /home/kai/.pyenv/versions/tmp312/bin\ninclude-system-site-packages = false\n").unwrap();
        let p = compute(&fs, &env, &format!("{dir}/bin/python"), &build(), Flags::default(), &mut Vec::new());
        assert_eq!((p.prefix.as_str(), p.base_prefix.as_str()), (dir, PYENV));
        assert_eq!(p.base_executable, format!("{PYENV}/bin/python3.12"));
        assert!(p.warnings.is_empty());
        assert_eq!(
            p.path,
            vec![
                format!("{PYENV}/lib/python312.zip"),
                format!("{PYENV}/lib/python3.12"),
                format!("{PYENV}/lib/python3.12/lib-dynload"),
                format!("{dir}/lib/python3.12/site-packages")
            ]
        );
    }

    #[test]
    fn the_base_executable_of_a_venv_is_its_interpreter_with_links_resolved() {
        let (mut fs, env) = world_with_stdlib();
        let dir = "/home/kai/Projects/example/.venv";
        venv(&mut fs, dir);
        let p = compute(&fs, &env, &format!("{dir}/bin/python"), &build(), Flags::default(), &mut Vec::new());
        assert_eq!(p.base_executable, format!("{PYENV}/bin/python3.12"));
        // A copy is no link: the file of its name in `home`.
        fs.unlink(&format!("{dir}/bin/python")).unwrap();
        fs.write(&format!("{dir}/bin/python"), b"copy").unwrap();
        let p = compute(&fs, &env, &format!("{dir}/bin/python"), &build(), Flags::default(), &mut Vec::new());
        assert_eq!(p.base_executable, format!("{PYENV}/bin/python"));
    }

    #[test]
    fn cfg_values() {
        assert_eq!(cfg_value("home = /x/bin\nversion = 3.12.7\n", "home").as_deref(), Some("/x/bin"));
        assert_eq!(cfg_value("home=/y", "home").as_deref(), Some("/y"));
        assert_eq!(cfg_value("", "home"), None);
    }
}
