//! Finding and executing files: `PATH` search with the hash table, then `execve` as Linux does
//! it — our program binaries run their program, a `#!` line runs the interpreter it names with
//! the script as argument, other text runs as a shell script — with bash's error messages.

use super::exec::Interp;
use super::Shell;
use crate::fs::{FileKind, FsError};
use crate::programs::{self, Ctx, Env};
use crate::trace::{Event, Resolution};

/// Linux follows at most this many nested interpreters (`#!` naming another script).
const MAX_INTERPRETER_DEPTH: u32 = 4;
/// Linux reads at most this many bytes of a `#!` line.
const SHEBANG_MAX: usize = 256;

/// Why `execve` failed.
enum ExecError {
    /// The file itself: missing, a directory, not executable, not runnable.
    File(FsError),
    /// The `#!` interpreter is missing.
    InterpreterMissing,
    /// The `#!` interpreter exists but cannot run.
    BadInterpreter(String, FsError),
    /// An ELF file that is not one of our programs.
    ExecFormat,
}

impl Interp<'_> {
    /// Looks a command name up as bash does for a name that is not a function or builtin:
    /// a name with `/` is a path; else the hash table; else each `PATH` directory in order, the
    /// first executable regular file winning (or, failing that, the first regular file).
    pub fn find_in_path(&mut self, name: &str, path_var: Option<&str>, remember: bool) -> Option<String> {
        if name.contains('/') {
            self.trace.push(Event::Lookup {
                name: name.to_string(),
                searched: Vec::new(),
                found: Resolution::Direct(name.to_string()),
            });
            return Some(name.to_string());
        }
        if remember {
            if let Some(path) = self.sh.hash.hit(name) {
                self.trace.push(Event::Lookup {
                    name: name.to_string(),
                    searched: Vec::new(),
                    found: Resolution::Hashed(path.clone()),
                });
                return Some(path);
            }
        }
        let (searched, found) = search_path(self.fs, name, path_var);
        let resolution = found.clone().map_or(Resolution::NotFound, Resolution::Path);
        self.trace.push(Event::Lookup { name: name.to_string(), searched, found: resolution });
        if remember {
            if let Some(path) = &found {
                self.sh.hash.insert(name, path, 1);
            }
        }
        found
    }

    /// Runs a command that is not a function or builtin: looks it up and executes it.
    pub fn run_external(&mut self, argv: Vec<String>, env: Env) -> i32 {
        let name = argv[0].clone();
        let path_var = env.get("PATH").cloned();
        if path_var.as_deref() == Some("") {
            // bash with PATH set but empty runs the name as a path relative to the directory.
            return self.exec_file(&name, argv, env);
        }
        let Some(path) = self.find_in_path(&name, path_var.as_deref(), true) else {
            self.error(format_args!("{name}: command not found"));
            return 127;
        };
        self.exec_file(&path, argv, env)
    }

    /// `execve(path, argv, env)` with bash's reporting of failures.
    pub fn exec_file(&mut self, path: &str, argv: Vec<String>, env: Env) -> i32 {
        match self.execve(path, argv, env, 0) {
            Ok(status) => status,
            Err(ExecError::File(FsError::NotFound)) => {
                self.error(format_args!("{path}: No such file or directory"));
                127
            }
            Err(ExecError::File(e)) => {
                self.error(format_args!("{path}: {e}"));
                126
            }
            Err(ExecError::InterpreterMissing) => {
                self.error(format_args!("{path}: cannot execute: required file not found"));
                127
            }
            Err(ExecError::BadInterpreter(interp, e)) => {
                self.error(format_args!("{path}: {interp}: bad interpreter: {e}"));
                126
            }
            Err(ExecError::ExecFormat) => {
                self.error(format_args!("{path}: cannot execute binary file: Exec format error"));
                126
            }
        }
    }

    fn execve(&mut self, path: &str, argv: Vec<String>, env: Env, depth: u32) -> Result<i32, ExecError> {
        let (resolved, hops) = self.fs.resolve_traced(path);
        for hop in hops {
            self.trace.push(Event::SymlinkHop { link: hop.link, target: hop.target });
        }
        let ino = resolved.map_err(ExecError::File)?;
        let meta = self.fs.metadata(ino).map_err(ExecError::File)?;
        if meta.kind == FileKind::Dir {
            return Err(ExecError::File(FsError::IsDir));
        }
        self.fs.access(path, 1).map_err(ExecError::File)?;
        let bytes = self.fs.read_ino(ino).map_err(ExecError::File)?;
        if programs::is_elf(&bytes) {
            let tag = programs::program_of(&bytes).ok_or(ExecError::ExecFormat)?.to_string();
            let (name, build) = programs::split_tag(&tag);
            self.trace.push(Event::Exec { path: path.to_string(), program: name.to_string() });
            return Ok(self.run_program(name, build, argv, env));
        }
        if let Some(rest) = bytes.strip_prefix(b"#!") {
            let line = &rest[..rest.len().min(SHEBANG_MAX)];
            let line = String::from_utf8_lossy(line.split(|&b| b == b'\n').next().unwrap_or_default()).into_owned();
            let line = line.trim();
            let (interpreter, arg) = match line.split_once([' ', '\t']) {
                Some((i, a)) => (i.to_string(), Some(a.trim().to_string()).filter(|a| !a.is_empty())),
                None => (line.to_string(), None),
            };
            let exists = !interpreter.is_empty() && self.fs.exists(&interpreter);
            self.trace.push(Event::Shebang { script: path.to_string(), interpreter: interpreter.clone(), found: exists });
            if !exists {
                return Err(ExecError::InterpreterMissing);
            }
            if depth >= MAX_INTERPRETER_DEPTH {
                return Err(ExecError::BadInterpreter(interpreter, FsError::Loop));
            }
            let mut new_argv = vec![interpreter.clone()];
            new_argv.extend(arg);
            new_argv.push(path.to_string());
            new_argv.extend(argv.into_iter().skip(1));
            return self.execve(&interpreter, new_argv, env, depth + 1).map_err(|e| match e {
                ExecError::File(err) | ExecError::BadInterpreter(_, err) => ExecError::BadInterpreter(interpreter, err),
                other => other,
            });
        }
        self.trace.push(Event::Exec { path: path.to_string(), program: "sh".to_string() });
        let script = String::from_utf8_lossy(&bytes).into_owned();
        Ok(self.run_script(path, &script, argv, env))
    }

    /// Runs a registered program (or the shell itself, for `bash`/`sh` binaries).
    fn run_program(&mut self, name: &str, build: &str, argv: Vec<String>, env: Env) -> i32 {
        if matches!(name, "bash" | "sh") {
            return self.run_shell_binary(argv, env);
        }
        let Some(main) = programs::find(name).or_else(|| crate::python::find(name)) else {
            let message = format!("'{name}' is not simulated yet");
            self.io.write(2, format!("venvlab: {message}\n").as_bytes());
            self.trace.push(Event::Limit(message));
            return 126;
        };
        let mut ctx = Ctx { fs: self.fs, env: &env, io: self.io, trace: self.trace, exec: None, build };
        let status = main(&mut ctx, &argv);
        match ctx.exec.take() {
            Some(request) => self.exec_request(&argv[0], request),
            None => status,
        }
    }

    /// Carries out a program's request to be replaced by another command (`env cmd`).
    fn exec_request(&mut self, prog: &str, request: programs::ExecRequest) -> i32 {
        let Some(name) = request.argv.first().cloned() else { return 0 };
        let path_var = request.env.get("PATH").cloned();
        let path = self.find_in_path(&name, path_var.as_deref(), false).unwrap_or_default();
        if path.is_empty() || !self.fs.exists(&path) {
            let line = format!("{prog}: ‘{name}’: No such file or directory\n");
            self.io.write(2, line.as_bytes());
            return 127;
        }
        match self.execve(&path, request.argv, request.env, 0) {
            Ok(status) => status,
            Err(_) => {
                let line = format!("{prog}: ‘{name}’: Permission denied\n");
                self.io.write(2, line.as_bytes());
                126
            }
        }
    }

    /// `bash [-c CMD | FILE] ARGS...` run as a program: a fresh non-interactive shell that
    /// inherits only the environment.
    fn run_shell_binary(&mut self, argv: Vec<String>, env: Env) -> i32 {
        match argv.get(1).map(String::as_str) {
            Some("-c") => {
                let Some(command) = argv.get(2).cloned() else {
                    self.io.write(2, format!("{}: -c: option requires an argument\n", argv[0]).as_bytes());
                    return 2;
                };
                let mut rest: Vec<String> = argv.iter().skip(3).cloned().collect();
                let arg0 = if rest.is_empty() { argv[0].clone() } else { rest.remove(0) };
                self.run_child_shell(&arg0, &command, rest, env)
            }
            Some(file) => {
                let file = file.to_string();
                match self.fs.read(&file) {
                    Ok(bytes) => {
                        let script = String::from_utf8_lossy(&bytes).into_owned();
                        self.run_child_shell(&file, &script, argv[2..].to_vec(), env)
                    }
                    Err(e) => {
                        self.io.write(2, format!("{}: {file}: {e}\n", argv[0]).as_bytes());
                        127
                    }
                }
            }
            None => 0,
        }
    }

    /// A shell script executed as a file: a child shell with the environment only.
    fn run_script(&mut self, path: &str, script: &str, argv: Vec<String>, env: Env) -> i32 {
        self.run_child_shell(path, script, argv.into_iter().skip(1).collect(), env)
    }

    fn run_child_shell(&mut self, arg0: &str, script: &str, args: Vec<String>, env: Env) -> i32 {
        let pwd = env.get("PWD").cloned().unwrap_or_else(|| self.sh.pwd.clone());
        let mut child = Shell::new(&env, &pwd);
        child.interactive = false;
        child.arg0 = arg0.to_string();
        child.positional = args;
        child.limits = self.sh.limits;
        let cwd = self.fs.cwd();
        let status = self
            .nested(|it| {
                let mut sub = Interp::new(&mut child, &mut *it.fs, &mut *it.io, &mut *it.trace);
                sub.steps = it.steps;
                sub.depth = it.depth;
                sub.run_source_text(script);
                it.steps = sub.steps;
                child.status
            })
            .unwrap_or(1);
        self.restore_cwd(cwd);
        status
    }
}

/// Searches `PATH` for an executable regular file named `name`. Returns the directories tried
/// (in order, up to the match) and the path found. An empty `PATH` entry means `.`.
pub fn search_path(fs: &crate::fs::Fs, name: &str, path_var: Option<&str>) -> (Vec<String>, Option<String>) {
    let mut searched = Vec::new();
    let mut fallback = None;
    for dir in path_var.unwrap_or("").split(':') {
        let dir = if dir.is_empty() { "." } else { dir };
        searched.push(dir.to_string());
        let candidate = crate::fs::join_path(dir, name);
        if fs.is_executable_file(&candidate) {
            return (searched, Some(candidate));
        }
        if fs.stat(&candidate).is_ok_and(|m| m.kind == FileKind::File) {
            fallback.get_or_insert(candidate);
        }
    }
    (searched, fallback)
}
