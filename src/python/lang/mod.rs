//! The Python language of the simulation: a real tokenizer, parser and evaluator for a subset
//! of Python 3.12, with values, exceptions and tracebacks printed exactly as CPython prints them.
//! It knows nothing of files or processes: the simulated `python` program drives an
//! [`Interpreter`] through a [`Host`] that writes output, reads input and finds modules on
//! `sys.path` in the simulated filesystem. Constructs outside the subset (classes, `with`,
//! generators, bytes...) fail with a message saying the simulation does not support them, and
//! every program is bounded in steps, call depth, nesting and object size.

mod ast;
mod builtins;
mod eval;
mod float;
mod format;
mod methods;
mod ops;
mod parse;
mod suggest;
mod token;
mod traceback;
mod value;

#[cfg(test)]
mod cases;
#[cfg(test)]
mod tests;

pub use ast::Pos;
pub use eval::{MAX_STEPS, RECURSION_LIMIT, STACK_BUDGET};
pub use ops::MAX_LEN;
pub use traceback::{Anchor, Exception, Frame, Loc};
pub use value::Value;

use std::collections::BTreeMap;
use std::rc::Rc;
use value::Module;
use std::fmt::Write as _;

/// What the interpreter needs from the simulated machine.
pub trait Host {
    /// Writes to standard output.
    fn stdout(&mut self, text: &str);
    /// Writes to standard error.
    fn stderr(&mut self, text: &str);
    /// Finds a module by its full dotted `name`. For a top-level module `search_path` is
    /// `sys.path`; for a submodule `a.b` it is the `__path__` of package `a` (the directory of
    /// its `__init__.py`; empty when `a` is a native module). The host looks for the last
    /// component of `name` in each directory in order: `DIR/b/__init__.py` (a package) or
    /// `DIR/b.py`, or answers a native module.
    fn find_module(&mut self, name: &str, search_path: &[String]) -> Option<Found>;
    /// Reads one line of input for `input(prompt)` (showing the prompt is the host's job);
    /// `None` at end of file.
    fn read_line(&mut self, prompt: &str) -> Option<String>;
    /// Runs a function of the machine by name, for native functions that need more than the
    /// interpreter (files, the environment): a host without such functions keeps the default.
    fn call(&mut self, function: &str, args: &[Value], kwargs: &[(String, Value)]) -> Result<Value, Exception> {
        let _ = (args, kwargs);
        Err(Exception::new("NotImplementedError", format!("venvlab: {function} is not available here")))
    }
}

/// A module the host found.
pub enum Found {
    /// Python source: its path (becomes `__file__`), its text, and whether it is a package's
    /// `__init__.py` (then `__path__` is its directory).
    Source {
        /// The file's absolute path.
        path: String,
        /// The file's text.
        text: String,
        /// True for a package's `__init__.py`.
        is_package: bool,
    },
    /// A module whose attributes are values, implemented by the host.
    Native(NativeModule),
}

/// A module whose attributes are given values, e.g. `sys` or `os`.
pub struct NativeModule {
    /// Its dotted name.
    pub name: String,
    /// Its attributes (`Value::NativeFunction` for functions, `Value::module` for submodules).
    pub attrs: Vec<(String, Value)>,
}

/// A function the host implements: `(host, positional args, keyword args)`.
pub type NativeFn = fn(&mut dyn Host, &[Value], &[(String, Value)]) -> Result<Value, Exception>;

/// What the REPL does after a line.
#[derive(Debug, PartialEq, Eq)]
pub enum ReplStep {
    /// The statement is incomplete: show `... ` and send the next line.
    NeedMore,
    /// The input ran (results and errors were written): show `>>> `.
    Done,
    /// The program asked to exit with this status (`exit()`, `sys.exit(n)`).
    Exit(i32),
}

/// The kind of exception [`Interpreter::run_module`] returns when `python -m` finds nothing to
/// run (runpy's private `_Error`): CPython prints `EXECUTABLE: MESSAGE`, no traceback.
pub const RUNPY_ERROR: &str = "runpy._Error";

/// Whether an import error says that `package` or a package above it does not exist.
fn missing_ancestor(e: &Exception, package: &str) -> bool {
    let missing = e.message().strip_prefix("No module named '").and_then(|m| m.strip_suffix('\''));
    e.kind() == "ModuleNotFoundError" && missing.is_some_and(|m| m == package || package.starts_with(&format!("{m}.")))
}

/// One Python process: its modules, its `__main__`, and the simulation's budgets.
pub struct Interpreter {
    /// `sys.modules`: every value is a `Value::Module`.
    pub(crate) modules: BTreeMap<Rc<str>, Value>,
    pub(crate) builtins: Rc<Module>,
    /// Source texts by file name: every value is a `Value::Str`.
    pub(crate) sources: BTreeMap<Rc<str>, Value>,
    pub(crate) steps: u64,
    pub(crate) max_steps: u64,
    pub(crate) depth: u32,
    pub(crate) stack_base: usize,
    pub(crate) handling: Vec<Exception>,
    repl: Vec<String>,
}

impl Default for Interpreter {
    fn default() -> Self {
        Self::new()
    }
}

/// `sys.exit([code])` as a native function, for the host's `sys` module.
pub fn sys_exit(
    _: &mut dyn Host,
    args: &[Value],
    _: &[(String, Value)],
) -> Result<Value, Exception> {
    if args.len() > 1 {
        return Err(Exception::new(
            "TypeError",
            format!("exit expected at most 1 argument, got {}", args.len()),
        ));
    }
    Err(Exception::system_exit(
        args.first().cloned().unwrap_or(Value::None),
    ))
}

impl Interpreter {
    /// A fresh process with a minimal `sys` (`stdout`, `stderr`, `exit`, empty `argv` and
    /// `path`); the host completes it with [`Interpreter::set_module`].
    pub fn new() -> Self {
        value::reset_addresses();
        let mut interp = Interpreter {
            modules: BTreeMap::new(),
            builtins: Rc::new(Module::new("builtins")),
            sources: BTreeMap::new(),
            steps: 0,
            max_steps: MAX_STEPS,
            depth: 0,
            stack_base: 0,
            handling: vec![],
            repl: vec![],
        };
        interp.set_module(NativeModule {
            name: "sys".into(),
            attrs: vec![
                ("stdout".into(), Value::File(1)),
                ("stderr".into(), Value::File(2)),
                ("exit".into(), Value::NativeFunction("exit", sys_exit)),
                ("argv".into(), Value::list(vec![Value::str("")])),
                ("path".into(), Value::list(vec![])),
            ],
        });
        interp
    }

    /// Pre-imports a module (or adds attributes to one already there, such as `sys`). The name
    /// `builtins` adds or overrides built-in names instead.
    pub fn set_module(&mut self, module: NativeModule) {
        let target = if module.name == "builtins" {
            self.builtins.clone()
        } else {
            match self.module(&module.name) {
                Some(m) => m,
                None => self.add_module(&module.name, Rc::new(Module::new(&module.name))),
            }
        };
        for (k, v) in module.attrs {
            target.set(&k, v);
        }
    }

    /// Starts the budgets of a new run; the stack is measured from this call's frame.
    fn reset_budget(&mut self) {
        self.steps = 0;
        self.depth = 0;
        self.handling.clear();
        let here = 0u8;
        self.stack_base = std::hint::black_box(&here) as *const u8 as usize;
    }

    /// Runs `source` as `__main__`; `filename` is `<string>` for `-c` or the script's path.
    pub fn run(
        &mut self,
        host: &mut dyn Host,
        source: &str,
        filename: &str,
    ) -> Result<(), Exception> {
        self.reset_budget();
        let main = self.new_main(if filename.starts_with('<') {
            None
        } else {
            Some(filename)
        });
        self.exec_source(host, &main, source, filename, false)
    }

    /// `python -m dotted`, as runpy's `_run_module_as_main`: imports the parent packages, then
    /// runs the module as `__main__` (for a package, its `__main__` submodule). A module that
    /// cannot be found is an exception of kind [`RUNPY_ERROR`], whose message CPython prints
    /// after the executable's name: `No module named x`, `No module named json.__main__;
    /// 'json' is a package and cannot be directly executed`.
    pub fn run_module(&mut self, host: &mut dyn Host, dotted: &str) -> Result<(), Exception> {
        self.reset_budget();
        match self.module_details(host, dotted)? {
            Found::Source { path, text, .. } => {
                let main = self.new_main(Some(&path));
                self.exec_source(host, &main, &text, &path, false)
            }
            Found::Native(_) => Err(Exception::new(
                "ImportError",
                format!(
                    "venvlab: module '{dotted}' has no Python source to run in this simulation"
                ),
            )),
        }
    }

    /// What `python -m dotted` runs (runpy's `_get_module_details`): the module's source, or
    /// for a package its `__main__` submodule's.
    fn module_details(&mut self, host: &mut dyn Host, dotted: &str) -> Result<Found, Exception> {
        let runpy = |message: String| Exception::new(RUNPY_ERROR, message);
        // A module name given with `.py` gets a hint when it cannot be found.
        let spec_error = |e: &Exception| {
            let mut message = format!(
                "Error while finding module specification for '{dotted}' ({}: {})",
                e.kind(),
                e.message()
            );
            if let Some(stem) = dotted.strip_suffix(".py") {
                let _ = write!(
                    message,
                    ". Try using '{stem}' instead of '{dotted}' as the module name."
                );
            }
            Exception::new(RUNPY_ERROR, message)
        };
        let parent = match dotted.rfind('.') {
            Some(i) => match self.import(host, &dotted[..i]) {
                Ok(module) => Some(module),
                // A missing parent (or one above it) is reported as the search's failure;
                // any other error in importing the parent is the parent's own.
                Err(e) if missing_ancestor(&e, &dotted[..i]) => return Err(spec_error(&e)),
                Err(e) => return Err(e),
            },
            None => None,
        };
        let found = match self.find(host, dotted, parent.as_ref()) {
            Ok(found) => found,
            Err(e) if e.kind() == "ModuleNotFoundError" && e.message() == format!("No module named '{dotted}'") => {
                return Err(runpy(format!("No module named {dotted}")))
            }
            Err(e) if e.kind() == "ModuleNotFoundError" => return Err(spec_error(&e)),
            Err(e) => return Err(e),
        };
        match found {
            Found::Source { is_package: true, .. } if dotted == "__main__" || dotted.ends_with(".__main__") => {
                Err(runpy("Cannot use package as __main__ module".into()))
            }
            // The inner call's name ends in `.__main__`, so this recursion is one level deep.
            Found::Source { is_package: true, .. } => match self.module_details(host, &format!("{dotted}.__main__")) {
                Err(e) if e.kind() == RUNPY_ERROR => Err(runpy(format!(
                    "{}; '{dotted}' is a package and cannot be directly executed",
                    e.message()
                ))),
                other => other,
            },
            found => Ok(found),
        }
    }

    /// Feeds one line to the interactive interpreter (`>>> `). Expression results are printed
    /// with `repr` unless `None`; compound statements need a blank line to end; errors print
    /// their traceback (`File "<stdin>", line 1, in <module>`) to standard error.
    pub fn repl_line(&mut self, host: &mut dyn Host, line: &str) -> ReplStep {
        let blank = line.trim().is_empty();
        if self.repl.is_empty() && (blank || line.trim_start().starts_with('#')) {
            return ReplStep::Done;
        }
        self.repl.push(line.to_string());
        let src = self.repl.join("\n") + "\n";
        let parsed = parse::parse_module(&src);
        match &parsed {
            Err(e)
                if e.incomplete && (!blank || !e.msg.starts_with("expected an indented block")) =>
            {
                return ReplStep::NeedMore
            }
            Ok(_) if !blank && starts_compound(&self.repl[0]) => return ReplStep::NeedMore,
            _ => {}
        }
        let lines = self.repl.len() as u32;
        self.repl.clear();
        self.reset_budget();
        if let Err(e) = &parsed {
            let mut e = e.clone();
            if blank && e.incomplete {
                e.pos = Some(Pos {
                    line: lines,
                    col: 0,
                    end_line: lines,
                    end_col: 1,
                });
                e.line = lines;
            }
            host.stderr(&self.format_exception(&Exception::from_syntax(&e, "<stdin>", &src)));
            return ReplStep::Done;
        }
        let main = match self.module("__main__") {
            Some(m) => m,
            None => self.new_main(None),
        };
        match self.exec_source(host, &main, &src, "<stdin>", true) {
            Ok(()) => ReplStep::Done,
            Err(e) => match self.report(host, &e) {
                code if e.exit_status().is_some() => ReplStep::Exit(code),
                _ => ReplStep::Done,
            },
        }
    }

    /// The text CPython 3.12 prints for an uncaught exception (ends with a newline).
    pub fn format_exception(&self, e: &Exception) -> String {
        e.render(&|file, n| {
            let src = self.sources.get(file)?.as_str()?;
            src.lines()
                .nth(n.checked_sub(1)? as usize)
                .map(str::to_string)
        })
    }

    /// Reports an uncaught exception as `python` does at exit and returns the exit status:
    /// `SystemExit` gives its code (a non-integer code is printed to standard error, status 1),
    /// anything else prints its traceback to standard error, status 1.
    pub fn report(&self, host: &mut dyn Host, e: &Exception) -> i32 {
        match e.exit_status() {
            Some(code) => {
                if let Some(v) = e
                    .args()
                    .first()
                    .filter(|v| v.as_int().is_none() && !matches!(v, Value::None))
                {
                    host.stderr(&format!("{v}\n"));
                }
                code
            }
            None => {
                host.stderr(&self.format_exception(e));
                1
            }
        }
    }
}

/// Whether a REPL entry starts a compound statement (which a blank line must end).
fn starts_compound(first: &str) -> bool {
    let word: String = first
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    ["if", "for", "while", "def", "try", "class", "with", "async"].contains(&word.as_str()) || first.trim_start().starts_with('@')
}
