//! The executables of the simulated machine: coreutils and friends.
//!
//! A program binary is a real file in the filesystem (`/usr/bin/ls`) whose bytes look like an
//! ELF file and carry the name of a program in the [`REGISTRY`]. Executing the file runs that
//! program; copying it copies a working program; deleting it makes the command disappear.
//! A program gets a [`Ctx`] (filesystem, environment, standard streams) and its arguments, and
//! returns its exit status. Programs never touch the shell: a program that replaces itself with
//! another command (`env cmd`) asks for it through [`Ctx::exec`].

pub mod args;
pub mod fmt;
pub mod users;
pub mod walk;

mod basename;
mod cat;
mod chmod;
mod clear;
mod cmp;
mod cp;
mod dircolors;
mod echo;
mod env;
mod file;
mod find;
/// What `file` says of a regular file's content (`ELF 64-bit LSB ...`, `ASCII text`, ...).
pub use file::classify as describe_content;
mod grep;
mod grepcolors;
mod head;
mod id;
mod ln;
mod ls;
mod lscolors;
mod mkdir;
mod mv;
mod printenv;
mod pwd;
mod readlink;
pub mod regex;
mod rm;
mod sed;
mod seq;
mod sort;
mod tee;
mod touch;
mod tr;
mod tree;
mod uname;
mod wc;
mod which;

use crate::fs::Fs;
use crate::io::Io;
use crate::trace::Event;
use std::collections::BTreeMap;

/// The environment a program sees (exported variables).
pub type Env = BTreeMap<String, String>;

/// A program's entry point: context and `argv` (with `argv[0]`), returning the exit status.
pub type Main = fn(&mut Ctx, &[String]) -> i32;

/// A request to replace the running program with another command (as `execvp` would).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecRequest {
    /// The command and its arguments; `argv[0]` is looked up on the new environment's `PATH`.
    pub argv: Vec<String>,
    /// The environment to run it with.
    pub env: Env,
}

/// Everything a running program can touch.
pub struct Ctx<'a> {
    /// The filesystem (with the process's working directory and credentials).
    pub fs: &'a mut Fs,
    /// The environment.
    pub env: &'a Env,
    /// Standard input, output and error.
    pub io: &'a mut Io,
    /// Where the program reports what it did, for explanations.
    pub trace: &'a mut Vec<Event>,
    /// Set by a program that wants to be replaced by another command.
    pub exec: Option<ExecRequest>,
    /// What the executed binary carries after its program's name (an interpreter's build:
    /// version and prefix); empty for most programs.
    pub build: &'a str,
}

impl Ctx<'_> {
    /// Writes to standard output.
    pub fn out(&mut self, text: impl AsRef<[u8]>) {
        self.io.write(1, text.as_ref());
    }

    /// Writes to standard error.
    pub fn err(&mut self, text: impl AsRef<[u8]>) {
        self.io.write(2, text.as_ref());
    }

    /// Writes formatted text (`format_args!`) to standard output: one body for every call site,
    /// which would otherwise each build, write and drop a `String` of its own.
    #[inline(never)]
    pub fn out_fmt(&mut self, text: std::fmt::Arguments<'_>) {
        self.io.write(1, std::fmt::format(text).as_bytes());
    }

    /// Writes formatted text (`format_args!`) to standard error, as [`Ctx::out_fmt`] does.
    #[inline(never)]
    pub fn err_fmt(&mut self, text: std::fmt::Arguments<'_>) {
        self.io.write(2, std::fmt::format(text).as_bytes());
    }

    /// Writes `prog: message` and a newline to standard error, as coreutils do.
    pub fn error(&mut self, prog: &str, message: impl std::fmt::Display) {
        let line = format!("{prog}: {message}\n");
        self.io.write(2, line.as_bytes());
    }

    /// Reads the rest of standard input.
    pub fn stdin(&mut self) -> Vec<u8> {
        self.io.read_all()
    }

    /// Whether standard output is a terminal.
    pub fn stdout_is_tty(&self) -> bool {
        self.io.isatty(1)
    }

    /// Whether standard input is the terminal (`isatty(0)`): only in a session with a
    /// terminal, and only when nothing was redirected or piped into the program.
    pub fn stdin_is_tty(&self) -> bool {
        self.io.tty && matches!(self.io.stdin, crate::io::Input::Terminal)
    }

    /// An environment variable.
    pub fn var(&self, name: &str) -> Option<&str> {
        self.env.get(name).map(String::as_str)
    }
}

/// Every program of the simulation, by the name its binary carries.
pub const REGISTRY: &[(&str, Main)] = &[
    ("basename", basename::main),
    ("cat", cat::main),
    ("chmod", chmod::main),
    ("clear", clear::main),
    ("cmp", cmp::main),
    ("cp", cp::main),
    ("dircolors", dircolors::main),
    ("dirname", basename::dirname),
    ("echo", echo::main),
    ("env", env::main),
    ("file", file::main),
    ("find", find::main),
    ("grep", grep::main),
    ("groups", id::groups),
    ("head", head::main),
    ("hostname", uname::hostname),
    ("id", id::main),
    ("ln", ln::main),
    ("ls", ls::main),
    ("mkdir", mkdir::main),
    ("mv", mv::main),
    ("printenv", printenv::main),
    ("pwd", pwd::main),
    ("readlink", readlink::main),
    ("realpath", readlink::realpath),
    ("rm", rm::main),
    ("rmdir", mkdir::rmdir),
    ("sed", sed::main),
    ("seq", seq::main),
    ("sort", sort::main),
    ("tail", head::tail),
    ("tee", tee::main),
    ("touch", touch::main),
    ("tr", tr::main),
    ("tree", tree::main),
    ("uname", uname::main),
    ("wc", wc::main),
    ("which", which::main),
    ("whoami", id::whoami),
];

/// Every executable regular file named `name` in the directories of a `PATH` value, in order;
/// an empty entry means the working directory (`.`).
pub fn executables_on_path(fs: &Fs, name: &str, path_var: &str) -> Vec<String> {
    search_path(fs, name, path_var, true).1
}

/// Searches `PATH` as `which` and `type` do — every directory with `all`, else up to the
/// first executable regular file called `name` — and reports the search to `trace` as done
/// `by` that command. Returns the files found, in order.
pub fn search_path_traced(fs: &Fs, trace: &mut Vec<Event>, by: &str, name: &str, path_var: &str, all: bool) -> Vec<String> {
    let (searched, found) = search_path(fs, name, path_var, all);
    trace.push(Event::PathSearch { by: by.to_string(), name: name.to_string(), searched, found: found.clone() });
    found
}

/// The `PATH` directories tried and the executable files found (see [`search_path_traced`]).
fn search_path(fs: &Fs, name: &str, path_var: &str, all: bool) -> (Vec<String>, Vec<String>) {
    let (mut searched, mut found) = (Vec::new(), Vec::new());
    for dir in path_var.split(':') {
        let dir = if dir.is_empty() { "." } else { dir };
        searched.push(dir.to_string());
        let candidate = crate::fs::join_path(dir, name);
        if fs.is_executable_file(&candidate) {
            found.push(candidate);
            if !all {
                break;
            }
        }
    }
    (searched, found)
}

/// The program a registry name refers to.
pub fn find(name: &str) -> Option<Main> {
    REGISTRY.iter().find(|(n, _)| *n == name).map(|(_, main)| *main)
}

/// The magic bytes that open an ELF file.
const ELF_MAGIC: &[u8] = b"\x7fELF\x02\x01\x01\x00";
/// What follows the ELF header: the registry name ends the line.
const PROGRAM_TAG: &[u8] = b"venvlab-program:";

/// The bytes of a binary that runs the named program: an ELF header, then a tag naming it.
pub fn binary(name: &str) -> Vec<u8> {
    binary_with_build(name, "")
}

/// The bytes of a binary of the named program built with `build` (see [`Ctx::build`]).
pub fn binary_with_build(name: &str, build: &str) -> Vec<u8> {
    let mut bytes = ELF_MAGIC.to_vec();
    bytes.extend_from_slice(&[0; 8]);
    bytes.extend_from_slice(b"\x03\x00\x3e\x00\x01\x00\x00\x00");
    bytes.extend_from_slice(PROGRAM_TAG);
    bytes.extend_from_slice(name.as_bytes());
    if !build.is_empty() {
        bytes.push(b' ');
        bytes.extend_from_slice(build.as_bytes());
    }
    bytes.push(b'\n');
    bytes
}

/// Splits a binary's tag into the program name and its build.
pub fn split_tag(tag: &str) -> (&str, &str) {
    tag.split_once(' ').unwrap_or((tag, ""))
}

/// Whether these bytes start like an ELF file.
pub fn is_elf(bytes: &[u8]) -> bool {
    bytes.starts_with(ELF_MAGIC)
}

/// The registry name a binary's bytes carry, if they are one of ours.
pub fn program_of(bytes: &[u8]) -> Option<&str> {
    if !is_elf(bytes) {
        return None;
    }
    let start = bytes.windows(PROGRAM_TAG.len()).position(|w| w == PROGRAM_TAG)? + PROGRAM_TAG.len();
    let rest = &bytes[start..];
    let end = rest.iter().position(|&b| b == b'\n')?;
    std::str::from_utf8(&rest[..end]).ok()
}

/// Runs a program on a filesystem for tests: returns (stdout, stderr, status). Standard output
/// is a pipe, as in transcript mode.
#[cfg(test)]
pub(crate) fn run_for_test(fs: &mut Fs, env: &Env, argv: &[&str], stdin: &[u8]) -> (String, String, i32) {
    use crate::io::{Input, Sink};
    let mut io = Io::new(false, 80);
    let out = io.new_buffer();
    let err = io.new_buffer();
    io.stdout = Sink::Buffer(out);
    io.stderr = Sink::Buffer(err);
    io.stdin = Input::bytes(stdin.to_vec());
    let argv: Vec<String> = argv.iter().map(|s| s.to_string()).collect();
    let main = find(&argv[0]).expect("a registered program");
    let mut trace = Vec::new();
    let mut ctx = Ctx { fs, env, io: &mut io, trace: &mut trace, exec: None, build: "" };
    let status = main(&mut ctx, &argv);
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (text(io.take_buffer(out)), text(io.take_buffer(err)), status)
}

/// A small machine for program tests: root with `/etc/passwd` and `/etc/group` naming root and
/// kai, `/home/kai` owned by kai, running as kai in `/home/kai`, and an environment with
/// `HOME`, `USER` and a `PATH` of `/usr/bin:/bin`.
#[cfg(test)]
pub(crate) fn test_machine() -> (Fs, Env) {
    use crate::fs::Cred;
    let mut fs = Fs::new();
    for dir in ["/etc", "/home", "/home/kai", "/usr", "/usr/bin", "/tmp"] {
        fs.mkdir(dir, 0o755).unwrap();
    }
    fs.symlink("usr/bin", "/bin").unwrap();
    fs.write("/etc/passwd", b"root:x:0:0:root:/root:/bin/bash\nkai:x:1000:1000::/home/kai:/bin/bash\n").unwrap();
    fs.write("/etc/group", b"root:x:0:\nkai:x:1000:\n").unwrap();
    for (name, _) in REGISTRY {
        let path = format!("/usr/bin/{name}");
        fs.write(&path, &binary(name)).unwrap();
        fs.chmod(&path, 0o755).unwrap();
    }
    fs.chown("/home/kai", 1000, 1000).unwrap();
    fs.set_cred(Cred { uid: 1000, gid: 1000 });
    fs.chdir("/home/kai").unwrap();
    let env: Env = [("HOME", "/home/kai"), ("USER", "kai"), ("PATH", "/usr/bin:/bin"), ("PWD", "/home/kai")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    (fs, env)
}
