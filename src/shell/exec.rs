//! Running the AST: lists, `&&`/`||`, pipelines, compound commands and simple commands.
//!
//! Every command costs a step from a per-input budget and every function or `source` call a
//! level of depth, so no input runs forever or overflows the stack; exceeding a limit prints a
//! message and abandons the input, as an expansion error does.

use super::ast::{AndOr, AndOrOp, Command, CompoundCommand, List, Pipeline, SimpleCommand};
use super::{builtins, parser, Shell};
use crate::fnmatch;
use crate::fs::Fs;
use crate::io::{Input, Io, Sink};
use crate::trace::{Event, Resolution};
use std::rc::Rc;

/// The bounds of one input's execution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Longest input line accepted, in bytes.
    pub max_line: usize,
    /// Most commands (including loop iterations) one input may run.
    pub max_steps: u64,
    /// Deepest nesting of function calls, `source`, subshells and command substitutions.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_line: 64 * 1024, max_steps: 100_000, max_depth: 100 }
    }
}

/// Why the commands that follow should not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctl {
    /// `return` from a function or sourced file.
    Return,
    /// `break N`.
    Break(u32),
    /// `continue N`.
    Continue(u32),
    /// `exit`: the shell ends.
    Exit,
    /// An error abandons the rest of the input (expansion error, limit).
    Abort,
}

/// The interpreter: a shell working on a filesystem with a set of descriptors.
pub(crate) struct Interp<'a> {
    pub sh: &'a mut Shell,
    pub fs: &'a mut Fs,
    pub io: &'a mut Io,
    pub trace: &'a mut Vec<Event>,
    pub ctl: Option<Ctl>,
    pub steps: u64,
    pub depth: usize,
    /// How many loops enclose the running command (for `break`/`continue`).
    pub loops: u32,
    /// How many functions or sourced files enclose it (for `return`).
    pub frames: u32,
    /// The status of the last command substitution of the command being expanded (the status
    /// of a command that is only assignments).
    pub subst_status: Option<i32>,
    /// The line of the script the running simple command is on (for error messages).
    pub line: u32,
}

impl<'a> Interp<'a> {
    /// An interpreter at the top level.
    pub fn new(sh: &'a mut Shell, fs: &'a mut Fs, io: &'a mut Io, trace: &'a mut Vec<Event>) -> Interp<'a> {
        Interp { sh, fs, io, trace, ctl: None, steps: 0, depth: 0, loops: 0, frames: 0, subst_status: None, line: 0 }
    }

    /// Whether `exit` ran.
    pub fn exited(&self) -> bool {
        self.ctl == Some(Ctl::Exit)
    }

    /// Prints an error of the shell on standard error: `bash: MESSAGE` interactively,
    /// `SCRIPT: line N: MESSAGE` in a script.
    pub fn error(&mut self, message: impl std::fmt::Display) {
        let text = if self.sh.interactive {
            format!("bash: {message}\n")
        } else {
            format!("{}: line {}: {message}\n", self.sh.arg0, self.line)
        };
        self.io.write(2, text.as_bytes());
    }

    /// Stops the current input with a message about a limit of the simulation.
    pub fn limit(&mut self, message: String) {
        self.io.write(2, format!("venvlab: {message}\n").as_bytes());
        self.trace.push(Event::Limit(message));
        self.sh.status = 1;
        self.ctl = Some(Ctl::Abort);
    }

    /// Spends one step; false (and the input aborted) when the budget is gone.
    fn tick(&mut self) -> bool {
        self.steps += 1;
        if self.steps > self.sh.limits.max_steps {
            if self.ctl != Some(Ctl::Abort) {
                let max = self.sh.limits.max_steps;
                self.limit(format!("stopped after {max} commands (a limit of the simulation)"));
            }
            return false;
        }
        true
    }

    /// Runs `f` one level deeper; false (and the input aborted) past the depth limit.
    pub fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> Option<T> {
        if self.depth >= self.sh.limits.max_depth {
            let max = self.sh.limits.max_depth;
            self.limit(format!("nesting deeper than {max} levels (a limit of the simulation)"));
            return None;
        }
        self.depth += 1;
        let result = f(self);
        self.depth -= 1;
        Some(result)
    }

    /// Runs commands in a copy of the shell (a subshell): variable, function and directory
    /// changes do not reach this shell; `exit` ends only the copy. Returns its status.
    pub fn subshell(&mut self, f: impl FnOnce(&mut Interp) -> i32) -> i32 {
        let mut copy = self.sh.clone();
        let cwd = self.fs.cwd();
        let (steps, depth, loops, frames) = (self.steps, self.depth, self.loops, self.frames);
        let mut child = Interp { sh: &mut copy, fs: self.fs, io: self.io, trace: self.trace, ctl: None, steps, depth, loops, frames, subst_status: None, line: self.line };
        let status = child.nested(|c| {
            f(c);
            c.sh.status
        });
        let (child_steps, aborted) = (child.steps, child.ctl == Some(Ctl::Abort) && child.steps > child.sh.limits.max_steps);
        self.steps = child_steps;
        self.restore_cwd(cwd);
        if aborted {
            self.ctl = Some(Ctl::Abort);
        }
        let status = status.unwrap_or(1);
        self.sh.status = status;
        status
    }

    /// Returns the process to a working directory after a subshell.
    pub fn restore_cwd(&mut self, cwd: crate::fs::Ino) {
        if let Ok(path) = self.fs.dir_path(cwd) {
            let _ = self.fs.chdir(&path);
        }
    }

    /// Parses text (a script, a sourced file, `eval`'s arguments) and runs it here.
    pub fn run_source_text(&mut self, text: &str) -> i32 {
        let aliases = self.sh.active_aliases();
        match parser::parse(text, &|name: &str| aliases.get(name).cloned()) {
            Ok(list) => self.run_list(&list),
            Err(e) => {
                self.error(e);
                self.sh.status = 2;
                2
            }
        }
    }

    // ----- lists -----

    /// Runs a list; returns the last status.
    pub fn run_list(&mut self, list: &List) -> i32 {
        for and_or in list {
            if self.ctl.is_some() {
                break;
            }
            self.run_and_or(and_or);
        }
        self.sh.status
    }

    fn run_and_or(&mut self, and_or: &AndOr) {
        self.run_pipeline(&and_or.first);
        for (op, pipeline) in &and_or.rest {
            if self.ctl.is_some() {
                return;
            }
            let ok = self.sh.status == 0;
            if (*op == AndOrOp::And) == ok {
                self.run_pipeline(pipeline);
            }
        }
    }

    fn run_pipeline(&mut self, pipeline: &Pipeline) {
        let status = match pipeline.commands.as_slice() {
            [one] => self.run_command(one),
            commands => {
                let (stdin, stdout) = (self.io.stdin.clone(), self.io.stdout);
                let mut input = stdin.clone();
                let mut status = 0;
                for (i, command) in commands.iter().enumerate() {
                    if self.ctl.is_some() {
                        break;
                    }
                    let buffer = (i + 1 < commands.len()).then(|| self.io.new_buffer());
                    self.io.stdin = input;
                    self.io.stdout = buffer.map_or(stdout, Sink::Buffer);
                    status = self.subshell(|sub| sub.run_command(command));
                    input = match buffer {
                        Some(b) => Input::bytes(self.io.take_buffer(b)),
                        None => Input::Terminal,
                    };
                }
                self.io.stdin = stdin;
                self.io.stdout = stdout;
                status
            }
        };
        // An aborted input keeps the status of its error, `!` or not.
        let aborted = self.ctl == Some(Ctl::Abort);
        self.sh.status = if pipeline.negated && !aborted { (status == 0) as i32 } else { status };
    }

    /// Runs one command of any kind; returns its status.
    pub fn run_command(&mut self, command: &Command) -> i32 {
        if !self.tick() {
            return self.sh.status;
        }
        let status = match command {
            Command::Simple(simple) => self.run_simple(simple),
            Command::Compound(compound, redirects) => {
                self.with_redirects(redirects, |it| it.run_compound(compound)).unwrap_or(1)
            }
            Command::FunctionDef { name, body } => {
                self.sh.functions.insert(name.clone(), Rc::new((**body).clone()));
                0
            }
        };
        if self.ctl != Some(Ctl::Abort) {
            self.sh.status = status;
        }
        self.sh.status
    }

    fn run_compound(&mut self, compound: &CompoundCommand) -> i32 {
        match compound {
            CompoundCommand::Group(list) => self.run_list(list),
            CompoundCommand::Subshell(list) => self.subshell(|sub| sub.run_list(list)),
            CompoundCommand::If { branches, else_body } => {
                for (cond, body) in branches {
                    self.run_list(cond);
                    if self.ctl.is_some() {
                        return self.sh.status;
                    }
                    if self.sh.status == 0 {
                        return self.run_list(body);
                    }
                }
                match else_body {
                    Some(body) => self.run_list(body),
                    None => 0,
                }
            }
            CompoundCommand::For { var, words, body } => {
                let items = match words {
                    Some(words) => match self.expand_words(words) {
                        Some(items) => items,
                        None => return self.sh.status,
                    },
                    None => self.sh.positional.clone(),
                };
                let mut status = 0;
                for item in items {
                    if !self.tick() {
                        break;
                    }
                    self.sh.vars.set(var, item);
                    status = self.run_loop_body(body);
                    if self.loop_should_stop() {
                        break;
                    }
                }
                status
            }
            CompoundCommand::While { until, cond, body } => {
                let mut status = 0;
                loop {
                    if !self.tick() {
                        break;
                    }
                    self.loops += 1;
                    self.run_list(cond);
                    self.loops -= 1;
                    if self.ctl.is_some() {
                        self.loop_should_stop();
                        break;
                    }
                    if (self.sh.status == 0) == *until {
                        break;
                    }
                    status = self.run_loop_body(body);
                    if self.loop_should_stop() {
                        break;
                    }
                }
                status
            }
            CompoundCommand::Case { word, arms } => {
                let Some(subject) = self.expand_string(word.as_str()) else { return self.sh.status };
                for arm in arms {
                    for pattern in &arm.patterns {
                        let Some(pattern) = self.expand_pattern(pattern.as_str()) else { return self.sh.status };
                        if fnmatch::matches(&pattern, &subject) {
                            return self.run_list(&arm.body);
                        }
                    }
                }
                0
            }
        }
    }

    fn run_loop_body(&mut self, body: &List) -> i32 {
        self.loops += 1;
        let status = self.run_list(body);
        self.loops -= 1;
        status
    }

    /// After a loop body: consumes a `break`/`continue` aimed at this loop and says whether
    /// the loop must end.
    fn loop_should_stop(&mut self) -> bool {
        match self.ctl {
            Some(Ctl::Break(n)) => {
                self.ctl = (n > 1).then_some(Ctl::Break(n - 1));
                true
            }
            Some(Ctl::Continue(n)) if n > 1 => {
                self.ctl = Some(Ctl::Continue(n - 1));
                true
            }
            Some(Ctl::Continue(_)) => {
                self.ctl = None;
                false
            }
            Some(_) => true,
            None => false,
        }
    }

    // ----- simple commands -----

    fn run_simple(&mut self, simple: &SimpleCommand) -> i32 {
        self.subst_status = None;
        self.line = simple.line;
        let Some(argv) = self.expand_words(&simple.words) else { return self.sh.status };
        if argv.is_empty() {
            for assignment in &simple.assignments {
                let Some(value) = self.expand_assignment(assignment.value.as_str()) else { return self.sh.status };
                self.assign(&assignment.name, value);
            }
            let status = self.subst_status.unwrap_or(0);
            return self.with_redirects(&simple.redirects, |_| status).unwrap_or(1);
        }
        // Each value sees the assignments before it; all are for this command only.
        let mut assigned = Vec::new();
        let mut saved = Vec::new();
        for assignment in &simple.assignments {
            let value = self.expand_assignment(assignment.value.as_str());
            let Some(value) = value else {
                self.restore_vars(saved);
                return self.sh.status;
            };
            saved.push((assignment.name.clone(), self.sh.vars.get(&assignment.name).map(str::to_string)));
            self.sh.vars.set(&assignment.name, value.clone());
            assigned.push((assignment.name.clone(), value));
        }
        self.restore_vars(saved);
        if self.sh.xtrace {
            let line = format!("+ {}\n", argv.join(" "));
            self.io.write(2, line.as_bytes());
        }
        let external = !self.sh.functions.contains_key(&argv[0]) && builtins::find(&argv[0]).is_none();
        if !external || simple.redirects.is_empty() {
            return self.with_redirects(&simple.redirects, |it| it.run_argv(argv, assigned)).unwrap_or(1);
        }
        self.redirect_in_child(&simple.redirects, |it| it.run_argv(argv, assigned))
    }

    /// Applies the redirections of a program and runs it as bash's forked child does: what
    /// their expansions assign does not stay, and an expansion error in them fails only this
    /// command instead of the whole input.
    fn redirect_in_child(&mut self, redirects: &[super::ast::Redirect], run: impl FnOnce(&mut Self) -> i32) -> i32 {
        let vars = self.sh.vars.clone();
        let mut ran = false;
        let status = self.with_redirects(redirects, |it| {
            ran = true;
            run(it)
        });
        self.sh.vars = vars;
        if !ran && self.ctl == Some(Ctl::Abort) && self.steps <= self.sh.limits.max_steps {
            self.ctl = None;
        }
        status.unwrap_or(1)
    }

    /// Sets a variable as an assignment statement does (an assignment to `PATH` empties the
    /// hash table).
    pub fn assign(&mut self, name: &str, value: String) {
        if name == "PATH" {
            self.sh.hash.clear();
        }
        self.sh.vars.set(name, value);
    }

    /// Runs an expanded command line with its prefix assignments.
    fn run_argv(&mut self, argv: Vec<String>, assigned: Vec<(String, String)>) -> i32 {
        let name = argv[0].clone();
        if let Some(body) = self.sh.functions.get(&name).cloned() {
            self.trace.push(Event::Lookup { name: name.clone(), searched: Vec::new(), found: Resolution::Function });
            return self.with_temporary_vars(assigned, |it| it.call_function(&body, &argv));
        }
        if let Some(builtin) = builtins::find(&name) {
            self.trace.push(Event::Lookup { name: name.clone(), searched: Vec::new(), found: Resolution::Builtin });
            return self.with_temporary_vars(assigned, |it| builtin(it, &argv));
        }
        let mut env = self.sh.vars.environment();
        env.extend(assigned);
        self.run_external(argv, env)
    }

    /// Sets variables for the duration of a builtin or function, then restores them.
    fn with_temporary_vars(&mut self, assigned: Vec<(String, String)>, f: impl FnOnce(&mut Self) -> i32) -> i32 {
        let saved: Vec<_> = assigned.iter().map(|(n, _)| (n.clone(), self.sh.vars.get(n).map(str::to_string))).collect();
        for (name, value) in assigned {
            self.sh.vars.set(&name, value);
        }
        let status = f(self);
        self.restore_vars(saved);
        status
    }

    /// Gives variables back the values they had (unset where they had none), last first.
    fn restore_vars(&mut self, saved: Vec<(String, Option<String>)>) {
        for (name, old) in saved.into_iter().rev() {
            match old {
                Some(value) => self.sh.vars.set(&name, value),
                None => self.sh.vars.unset(&name),
            }
        }
    }

    /// Calls a shell function with arguments.
    pub fn call_function(&mut self, body: &Command, argv: &[String]) -> i32 {
        let saved = std::mem::replace(&mut self.sh.positional, argv[1..].to_vec());
        self.sh.vars.push_frame();
        self.frames += 1;
        // Past the depth limit nothing runs and the limit's message set the status.
        self.nested(|it| it.run_command(body));
        self.frames -= 1;
        self.sh.vars.pop_frame();
        self.sh.positional = saved;
        if self.ctl == Some(Ctl::Return) {
            self.ctl = None;
        }
        self.sh.status
    }
}
