//! A bash-like shell: parse, expand, look up, execute.
//!
//! The parser (`parser`) turns a line into an AST with words kept raw and never touches the
//! filesystem or variables. At run time (`exec`), each word is expanded (`expand`) in POSIX
//! order, redirections are applied (`redirect`), the command name is looked up (functions,
//! builtins, the hash table, then `PATH`) and run: a builtin (`builtins`), a function, or a file
//! (`execfile`): one of our program binaries, a script for the interpreter on its `#!` line, or a
//! shell script. State that bash keeps between commands — variables, functions, aliases, the
//! command hash table, positional parameters, the last status, history — lives in [`Shell`].

pub mod arith;
pub mod ast;
mod bang;
mod builtins;
mod execfile;
mod exec;
mod expand;
pub mod glob;
mod hash;
pub mod parser;
mod print;
pub mod prompt;
mod redirect;
mod test_cmd;
pub mod vars;

use crate::fs::Fs;
use crate::io::Io;
use crate::trace::Event;
pub use exec::Limits;
use hash::HashTable;
use im::OrdMap;
use std::rc::Rc;
use vars::Vars;

/// The state bash keeps between commands.
#[derive(Debug, Clone)]
pub struct Shell {
    pub(crate) vars: Vars,
    pub(crate) functions: OrdMap<String, Rc<ast::Command>>,
    pub(crate) aliases: OrdMap<String, String>,
    /// The `shopt` options changed from their defaults.
    pub(crate) shopts: builtins::shopt::Shopts,
    pub(crate) hash: HashTable,
    pub(crate) positional: Vec<String>,
    pub(crate) arg0: String,
    pub(crate) status: i32,
    pub(crate) history: im::Vector<String>,
    pub(crate) pid: u32,
    pub(crate) interactive: bool,
    pub(crate) xtrace: bool,
    pub(crate) nounset: bool,
    /// `set -f`: no pathname expansion.
    pub(crate) noglob: bool,
    /// The logical working directory (what `pwd -L` and `$PWD` show).
    pub(crate) pwd: String,
    pub(crate) limits: Limits,
}

/// Most history entries kept.
const MAX_HISTORY: usize = 1000;

impl Shell {
    /// An interactive shell with these variables (all exported, as an environment is) in the
    /// filesystem's working directory.
    pub fn new(env: &crate::programs::Env, pwd: &str) -> Shell {
        let mut vars = Vars::default();
        for (k, v) in env {
            vars.export(k, Some(v.clone()));
        }
        vars.export("PWD", Some(pwd.to_string()));
        for (name, value) in [("IFS", " \t\n"), ("PS2", "> "), ("PS4", "+ "), ("OPTIND", "1")] {
            if vars.get(name).is_none() {
                vars.set(name, value);
            }
        }
        Shell {
            vars,
            functions: OrdMap::new(),
            aliases: OrdMap::new(),
            shopts: builtins::shopt::Shopts::default(),
            hash: HashTable::default(),
            positional: Vec::new(),
            arg0: "bash".to_string(),
            status: 0,
            history: im::Vector::new(),
            pid: 4242,
            interactive: true,
            xtrace: false,
            nounset: false,
            noglob: false,
            pwd: pwd.to_string(),
            limits: Limits::default(),
        }
    }

    /// A variable's value.
    pub fn var(&self, name: &str) -> Option<&str> {
        self.vars.get(name)
    }

    /// The exported variables.
    pub fn environment(&self) -> crate::programs::Env {
        self.vars.environment()
    }

    /// The logical working directory.
    pub fn pwd(&self) -> &str {
        &self.pwd
    }

    /// The status of the last command (`$?`).
    pub fn status(&self) -> i32 {
        self.status
    }

    /// Names of the defined functions, aliases and builtins, for completion.
    pub fn command_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.functions.keys().cloned().collect();
        names.extend(self.aliases.keys().cloned());
        names.extend(builtins::NAMES.iter().map(|s| s.to_string()));
        names
    }

    /// The aliases the parser expands: none when `shopt expand_aliases` is off.
    pub(crate) fn active_aliases(&self) -> OrdMap<String, String> {
        if self.shopts.is_on("expand_aliases", self.interactive) {
            self.aliases.clone()
        } else {
            OrdMap::new()
        }
    }

    /// Records a line in the history, unless `HISTCONTROL` says to leave it out
    /// (`ignorespace`: it starts with a blank; `ignoredups`: it repeats the last entry;
    /// `ignoreboth`: both); with `erasedups`, earlier copies of it are dropped.
    pub fn add_history(&mut self, line: &str) {
        if line.trim().is_empty() {
            return;
        }
        let control = self.vars.get("HISTCONTROL").unwrap_or("").to_string();
        let wants = |word: &str| control.split(':').any(|w| w == word);
        if (wants("ignorespace") || wants("ignoreboth")) && line.starts_with([' ', '\t']) {
            return;
        }
        if (wants("ignoredups") || wants("ignoreboth")) && self.history.back().is_some_and(|last| last == line) {
            return;
        }
        if wants("erasedups") {
            self.history.retain(|entry| entry != line);
        }
        self.history.push_back(line.to_string());
        while self.history.len() > MAX_HISTORY {
            self.history.pop_front();
        }
    }

    /// The expanded primary (`PS1`) or secondary (`PS2`) prompt.
    pub fn prompt(&mut self, fs: &mut Fs, secondary: bool) -> String {
        let mut io = Io::new(false, 80);
        let mut trace = Vec::new();
        let mut interp = exec::Interp::new(self, fs, &mut io, &mut trace);
        prompt::expand_prompt(&mut interp, if secondary { "PS2" } else { "PS1" })
    }

    /// Reads the start-up files of an interactive shell that is not a login shell, as bash
    /// does when a terminal window starts it: `/etc/bash.bashrc` (Debian and Ubuntu build
    /// bash to read it), then `~/.bashrc`, each only if it exists. Returns whether one of them
    /// ran `exit`.
    pub fn read_startup_files(&mut self, fs: &mut Fs, io: &mut Io, trace: &mut Vec<Event>) -> bool {
        let home = self.vars.get("HOME").unwrap_or("").to_string();
        for path in ["/etc/bash.bashrc".to_string(), format!("{home}/.bashrc")] {
            if fs.stat(&path).is_err() {
                continue;
            }
            let mut interp = exec::Interp::new(self, fs, io, trace);
            if let Some(source) = builtins::find(".") {
                source(&mut interp, &[".".to_string(), path]);
            }
            if interp.exited() {
                return true;
            }
        }
        false
    }

    /// Parses and runs one complete input. Returns what happened; output went to `io`.
    pub fn run(&mut self, fs: &mut Fs, io: &mut Io, trace: &mut Vec<Event>, input: &str) -> RunResult {
        if input.len() > self.limits.max_line {
            let msg = format!("venvlab: command line too long ({} bytes; the limit is {})\n", input.len(), self.limits.max_line);
            io.write(2, msg.as_bytes());
            trace.push(Event::Limit(msg.trim_end().to_string()));
            self.status = 2;
            return RunResult::Done;
        }
        let expanded;
        let input = match self.interactive.then(|| bang::expand(input, &self.history)) {
            Some(bang::Expansion::NotFound(event)) => {
                io.write(2, format!("bash: {event}: event not found\n").as_bytes());
                return RunResult::Done;
            }
            Some(bang::Expansion::Expanded(line)) => {
                io.write(1, format!("{line}\n").as_bytes());
                expanded = line;
                expanded.as_str()
            }
            _ => input,
        };
        let aliases = self.active_aliases();
        let parsed = parser::parse(input, &|name: &str| aliases.get(name).cloned());
        if !matches!(parsed, Err(parser::ParseError::Incomplete)) {
            self.add_history(input);
        }
        match parsed {
            Err(parser::ParseError::Incomplete) => RunResult::Incomplete,
            Err(e) => {
                io.write(2, format!("bash: {e}\n").as_bytes());
                self.status = 2;
                RunResult::Done
            }
            Ok(list) => {
                let mut interp = exec::Interp::new(self, fs, io, trace);
                interp.run_list(&list);
                if interp.exited() {
                    RunResult::Exit(self.status)
                } else {
                    RunResult::Done
                }
            }
        }
    }
}

/// What running an input led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunResult {
    /// It ran.
    Done,
    /// The input is not complete (open quote, `if` without `fi`...): more lines are needed.
    Incomplete,
    /// `exit` ran, with this status.
    Exit(i32),
}
