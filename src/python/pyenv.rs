//! `pyenv`: picks a Python version and runs its programs. Shims in `~/.pyenv/shims` are bash
//! scripts that run `pyenv exec NAME ARGS`; the version comes from `PYENV_VERSION`, else a
//! `.python-version` file in the working directory or a parent, else `$PYENV_ROOT/version`,
//! else `system`. Everything is read from the files each time, as the real scripts do.

use crate::fs::{join_path, FileKind};
use crate::programs::{Ctx, ExecRequest};
use std::fmt::Write as _;

/// Where the selected version came from.
struct Selected {
    version: String,
    origin: Origin,
}

enum Origin {
    Environment,
    File(String),
}

impl Selected {
    fn set_by(&self) -> String {
        match &self.origin {
            Origin::Environment => "(set by PYENV_VERSION environment variable)".into(),
            Origin::File(path) => format!("(set by {path})"),
        }
    }
}

/// The pyenv program.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let root = ctx.var("PYENV_ROOT").map(str::to_string).or_else(|| ctx.var("HOME").map(|h| format!("{h}/.pyenv"))).unwrap_or_default();
    let command = argv.get(1).map(String::as_str).unwrap_or("");
    let args: Vec<String> = argv.iter().skip(2).cloned().collect();
    let argv0 = argv.first().cloned().unwrap_or_else(|| "pyenv".into());
    let mut p = Pyenv { ctx, root, argv0 };
    match command {
        "" | "help" | "--help" => p.out("Usage: pyenv <command> [<args>]\n\nSome useful pyenv commands are:\n   commands    List all available pyenv commands\n   exec        Run an executable with the selected Python version\n   global      Set or show the global Python version(s)\n   local       Set or show the local application-specific Python version(s)\n   prefix      Display prefixes for Python versions\n   rehash      Rehash pyenv shims (run this after installing executables)\n   root        Display the root directory where versions and shims are kept\n   shims       List existing pyenv shims\n   version     Show the current Python version(s) and its origin\n   version-name  Show the current Python version\n   versions    List all Python versions available to pyenv\n   whence      List all Python versions that contain the given executable\n   which       Display the full path to an executable\n"),
        "--version" => p.out("pyenv 2.4.16\n"),
        "root" => {
            let root = p.root.clone();
            p.out(&format!("{root}\n"))
        }
        "versions" => p.versions(),
        "version" => p.version(true),
        "version-name" => p.version(false),
        "global" => p.global(&args),
        "local" => p.local(&args),
        "prefix" => p.prefix(),
        "which" => p.which(&args),
        "whence" => p.whence(&args),
        "exec" => p.exec(&args),
        "rehash" => p.rehash(),
        "shims" => p.shims(),
        other => p.fail(&format!("no such command `{other}'")),
    }
}

/// The text of a shim: a bash script that hands its own name and arguments to `pyenv exec`.
pub fn shim(root: &str) -> String {
    format!(
        "#!/usr/bin/env bash\nset -e\n[ -n \"$PYENV_DEBUG\" ] && set -x\n\nprogram=\"${{0##*/}}\"\n\nexport PYENV_ROOT=\"{root}\"\nexec \"{root}/libexec/pyenv\" exec \"$program\" \"$@\"\n"
    )
}

struct Pyenv<'c, 'a> {
    ctx: &'c mut Ctx<'a>,
    root: String,
    /// How this pyenv was started (`$0`), which says where it is installed.
    argv0: String,
}

impl Pyenv<'_, '_> {
    fn out(&mut self, text: &str) -> i32 {
        self.ctx.out(text);
        0
    }

    fn fail(&mut self, message: &str) -> i32 {
        self.ctx.err_fmt(format_args!("pyenv: {message}\n"));
        1
    }

    fn read(&self, path: &str) -> Option<String> {
        self.ctx.fs.read(path).ok().map(|b| String::from_utf8_lossy(&b).split_whitespace().next().unwrap_or("").to_string())
    }

    /// The installed versions, sorted.
    fn installed(&self) -> Vec<String> {
        let dir = format!("{}/versions", self.root);
        let mut names: Vec<String> = self.ctx.fs.read_dir(&dir).map(|e| e.into_iter().map(|e| e.name).collect()).unwrap_or_default();
        crate::sort::sort(&mut names);
        names
    }

    fn is_installed(&self, version: &str) -> bool {
        version == "system" || self.ctx.fs.stat(&format!("{}/versions/{version}", self.root)).is_ok_and(|m| m.kind == FileKind::Dir)
    }

    fn local_file(&self) -> Option<String> {
        let mut dir = self.ctx.fs.cwd_path().ok()?;
        for _ in 0..64 {
            let candidate = join_path(&dir, ".python-version");
            if self.ctx.fs.stat(&candidate).is_ok() {
                return Some(candidate);
            }
            if dir == "/" {
                return None;
            }
            dir = dir.rsplit_once('/').map_or("/".into(), |(d, _)| if d.is_empty() { "/".into() } else { d.into() });
        }
        None
    }

    fn selected(&self) -> Selected {
        if let Some(v) = self.ctx.var("PYENV_VERSION").filter(|v| !v.is_empty()) {
            return Selected { version: v.to_string(), origin: Origin::Environment };
        }
        if let Some(file) = self.local_file() {
            if let Some(v) = self.read(&file).filter(|v| !v.is_empty()) {
                return Selected { version: v, origin: Origin::File(file) };
            }
        }
        let global = format!("{}/version", self.root);
        match self.read(&global).filter(|v| !v.is_empty()) {
            Some(v) => Selected { version: v, origin: Origin::File(global) },
            None => Selected { version: "system".into(), origin: Origin::File(global) },
        }
    }

    /// The selected version if installed, else pyenv's error (printed) and `None`.
    fn checked(&mut self) -> Option<String> {
        let s = self.selected();
        if self.is_installed(&s.version) {
            return Some(s.version);
        }
        let message = format!("version `{}' is not installed {}", s.version, s.set_by());
        self.fail(&message);
        None
    }

    fn versions(&mut self) -> i32 {
        let s = self.selected();
        let mut text = String::new();
        for v in std::iter::once("system".to_string()).chain(self.installed()) {
            if v == s.version {
                let _ = writeln!(text, "* {v} {}", s.set_by());
            } else {
                let _ = writeln!(text, "  {v}");
            }
        }
        self.out(&text)
    }

    fn version(&mut self, with_origin: bool) -> i32 {
        let s = self.selected();
        if !self.is_installed(&s.version) {
            let message = format!("version `{}' is not installed {}", s.version, s.set_by());
            return self.fail(&message);
        }
        let text = if with_origin { format!("{} {}\n", s.version, s.set_by()) } else { format!("{}\n", s.version) };
        self.out(&text)
    }

    fn global(&mut self, args: &[String]) -> i32 {
        let file = format!("{}/version", self.root);
        match args.first() {
            None => {
                let v = self.read(&file).unwrap_or_else(|| "system".into());
                self.out(&format!("{v}\n"))
            }
            Some(v) if !self.is_installed(v) => self.fail(&format!("version `{v}' not installed")),
            Some(v) => self.write(&file, v),
        }
    }

    fn local(&mut self, args: &[String]) -> i32 {
        match args.first() {
            None => match self.local_file().and_then(|f| self.read(&f)) {
                Some(v) => self.out(&format!("{v}\n")),
                None => self.fail("no local version configured for this directory"),
            },
            Some(v) if v == "--unset" => {
                let _ = self.ctx.fs.unlink(".python-version");
                0
            }
            Some(v) if !self.is_installed(v) => self.fail(&format!("version `{v}' not installed")),
            Some(v) => self.write(".python-version", v),
        }
    }

    fn write(&mut self, path: &str, version: &str) -> i32 {
        match self.ctx.fs.write(path, format!("{version}\n").as_bytes()) {
            Ok(_) => 0,
            Err(e) => self.fail(&format!("cannot write {path}: {e}")),
        }
    }

    fn prefix(&mut self) -> i32 {
        let Some(v) = self.checked() else { return 1 };
        let prefix = if v == "system" { "/usr".to_string() } else { format!("{}/versions/{v}", self.root) };
        self.out(&format!("{prefix}\n"))
    }

    /// The full path of `name` under a version (`system`: the first on `PATH` outside pyenv).
    fn locate(&self, version: &str, name: &str) -> Option<String> {
        if version != "system" {
            let path = format!("{}/versions/{version}/bin/{name}", self.root);
            return self.ctx.fs.stat(&path).is_ok().then_some(path);
        }
        let outside_pyenv: Vec<&str> = self.ctx.var("PATH").unwrap_or("").split(':').filter(|d| !d.is_empty() && !d.starts_with(&self.root)).collect();
        crate::programs::executables_on_path(self.ctx.fs, name, &outside_pyenv.join(":")).into_iter().next()
    }

    fn whence_versions(&self, name: &str) -> Vec<String> {
        self.installed().into_iter().filter(|v| self.locate(v, name).is_some()).collect()
    }

    fn not_found(&mut self, name: &str) -> i32 {
        let versions = self.whence_versions(name);
        let mut message = format!("{name}: command not found");
        if !versions.is_empty() {
            let _ = writeln!(message, "\n\nThe `{name}' command exists in these Python versions:");
            for v in versions {
                let _ = writeln!(message, "  {v}");
            }
            message.push_str("\nNote: See 'pyenv help global' for tips on allowing both\n      python2 and python3 to be found.");
        }
        self.fail(&message)
    }

    fn which(&mut self, args: &[String]) -> i32 {
        let Some(name) = args.first().cloned() else { return self.fail("usage: pyenv which <command>") };
        let Some(v) = self.checked() else { return 1 };
        match self.locate(&v, &name) {
            Some(path) => self.out(&format!("{path}\n")),
            None => self.not_found(&name),
        }
    }

    fn whence(&mut self, args: &[String]) -> i32 {
        let Some(name) = args.first() else { return self.fail("usage: pyenv whence <command>") };
        let versions = self.whence_versions(name);
        if versions.is_empty() {
            return 1;
        }
        let text: String = versions.iter().map(|v| format!("{v}\n")).collect();
        self.out(&text)
    }

    /// `pyenv rehash`: one shim for every executable of every installed version; shims of
    /// commands no version has any more are removed.
    fn rehash(&mut self) -> i32 {
        let shims = format!("{}/shims", self.root);
        let mut names: Vec<String> = Vec::new();
        for version in self.installed() {
            let bin = format!("{}/versions/{version}/bin", self.root);
            for entry in self.ctx.fs.read_dir(&bin).unwrap_or_default() {
                if self.ctx.fs.access(&join_path(&bin, &entry.name), 1).is_ok() && !names.contains(&entry.name) {
                    names.push(entry.name);
                }
            }
        }
        let text = shim(&self.root);
        for old in self.ctx.fs.read_dir(&shims).unwrap_or_default() {
            if !names.contains(&old.name) {
                let _ = self.ctx.fs.unlink(&join_path(&shims, &old.name));
            }
        }
        for name in names {
            let path = join_path(&shims, &name);
            if self.ctx.fs.lstat(&path).is_err() && (self.ctx.fs.write(&path, text.as_bytes()).is_err() || self.ctx.fs.chmod(&path, 0o755).is_err()) {
                return self.fail(&format!("cannot rehash: {shims} isn't writable"));
            }
        }
        0
    }

    /// A wrapper an exec hook provides for `name` (`pyenv.d/exec/HOOK/NAME`), if any.
    fn exec_hook(&self, name: &str) -> Option<String> {
        let hooks = format!("{}/pyenv.d/exec", self.root);
        self.ctx.fs.read_dir(&hooks).ok()?.into_iter().find_map(|hook| {
            let wrapper = format!("{hooks}/{}/{name}", hook.name);
            self.ctx.fs.access(&wrapper, 1).is_ok().then_some(wrapper)
        })
    }

    fn shims(&mut self) -> i32 {
        let dir = format!("{}/shims", self.root);
        let text: String = self.ctx.fs.read_dir(&dir).map(|e| e.iter().map(|e| format!("{dir}/{}\n", e.name)).collect()).unwrap_or_default();
        self.out(&text)
    }

    /// Where pyenv is installed (`_PYENV_INSTALL_PREFIX`): the parent of the `libexec`
    /// directory its script is really in, found from `$0` with links resolved.
    fn install_prefix(&self) -> String {
        let found = if self.argv0.contains('/') {
            Some(if self.argv0.starts_with('/') { self.argv0.clone() } else { join_path(&self.ctx.fs.cwd_path().unwrap_or_default(), &self.argv0) })
        } else {
            crate::programs::executables_on_path(self.ctx.fs, &self.argv0, self.ctx.var("PATH").unwrap_or("")).into_iter().next()
        };
        let real = found.and_then(|f| self.ctx.fs.realpath(&f).ok());
        let parent = |p: &str| p.rsplit_once('/').map(|(d, _)| d.to_string()).unwrap_or_default();
        real.map(|r| parent(&parent(&r))).filter(|p| !p.is_empty()).unwrap_or_else(|| self.root.clone())
    }

    /// The plugins' `DIR/plugins/*/SUB` paths that exist, in glob (byte) order.
    fn plugin_dirs(&self, dir: &str, sub: &str) -> Vec<String> {
        let plugins = format!("{dir}/plugins");
        let mut names: Vec<String> = self.ctx.fs.read_dir(&plugins).unwrap_or_default().into_iter().map(|e| e.name).collect();
        crate::sort::sort(&mut names);
        names.into_iter().map(|n| format!("{plugins}/{n}/{sub}")).filter(|p| self.ctx.fs.lstat(p).is_ok()).collect()
    }

    /// The environment `pyenv` (libexec/pyenv) gives every command it runs: `PATH` with its
    /// `libexec` first, then each plugin's `bin` (each put first in turn, so the last in glob
    /// order comes first), those of `PYENV_ROOT` before those of the installation when they
    /// differ; and `PYENV_ROOT`, `PYENV_DIR`, `_PYENV_INSTALL_PREFIX` and `PYENV_HOOK_PATH`.
    fn command_env(&self) -> crate::programs::Env {
        let mut env = self.ctx.env.clone();
        let prefix = self.install_prefix();
        let mut path = env.get("PATH").cloned().unwrap_or_default();
        let mut plugin_homes = vec![prefix.clone()];
        if prefix != self.root {
            plugin_homes.push(self.root.clone());
        }
        for home in &plugin_homes {
            for bin in self.plugin_dirs(home, "bin") {
                path = format!("{bin}:{path}");
            }
        }
        env.insert("PATH".into(), format!("{prefix}/libexec:{path}"));
        let mut hooks = format!("{}:{}/pyenv.d", env.get("PYENV_HOOK_PATH").cloned().unwrap_or_default(), self.root);
        if prefix != self.root {
            let _ = write!(hooks, ":{prefix}/pyenv.d");
        }
        hooks.push_str(":/usr/etc/pyenv.d:/usr/local/etc/pyenv.d:/etc/pyenv.d:/usr/lib/pyenv/hooks");
        for dir in self.plugin_dirs(&self.root, "etc/pyenv.d") {
            let _ = write!(hooks, ":{dir}");
        }
        env.insert("PYENV_HOOK_PATH".into(), hooks.strip_prefix(':').unwrap_or(&hooks).to_string());
        let dir = env.get("PYENV_DIR").cloned().or_else(|| env.get("PWD").cloned()).unwrap_or_else(|| self.ctx.fs.cwd_path().unwrap_or_default());
        env.insert("PYENV_DIR".into(), dir);
        env.insert("PYENV_ROOT".into(), self.root.clone());
        env.insert("_PYENV_INSTALL_PREFIX".into(), prefix);
        env
    }

    /// `pyenv exec NAME ARGS`: runs NAME of the selected version, with `PYENV_VERSION` set
    /// and, when NAME lives under `PYENV_ROOT`, its directory first on `PATH` (before what
    /// `pyenv` itself puts there). An exec hook's wrapper for NAME runs instead, and puts the
    /// real command's directory first.
    fn exec(&mut self, args: &[String]) -> i32 {
        let Some(name) = args.first().cloned() else { return self.fail("usage: pyenv exec <command> [arg1 arg2...]") };
        let Some(v) = self.checked() else { return 1 };
        let Some(path) = self.locate(&v, &name) else { return self.not_found(&name) };
        let mut env = self.command_env();
        env.insert("PYENV_VERSION".into(), v);
        let old = env.get("PATH").cloned().unwrap_or_default();
        let dir = path.rsplit_once('/').map(|(d, _)| d.to_string()).unwrap_or_default();
        let hook = self.exec_hook(&name);
        if hook.is_some() || path.starts_with(&format!("{}/", self.root)) {
            env.insert("PATH".into(), format!("{dir}:{old}"));
        }
        let mut argv = match hook {
            Some(wrapper) => {
                env.insert("PYENV_REHASH_REAL_COMMAND".into(), path);
                vec![wrapper]
            }
            None => vec![path],
        };
        argv.extend(args.iter().skip(1).cloned());
        self.ctx.exec = Some(ExecRequest { argv, env });
        0
    }
}
