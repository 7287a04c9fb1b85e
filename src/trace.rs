//! The events every layer reports while a command runs, so a face can explain *why*.
//!
//! Events are plain data, in the order things happened. The core never turns them into prose;
//! the web UI and tests read them.

/// How the shell resolved a command name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// An alias, with its replacement text.
    Alias(String),
    /// A shell function.
    Function,
    /// A shell builtin.
    Builtin,
    /// A path remembered in the hash table.
    Hashed(String),
    /// Found by searching `PATH`: the path of the file that matched.
    Path(String),
    /// The name contains `/` and is used as a path.
    Direct(String),
    /// Nothing matched.
    NotFound,
}

/// One thing that happened while a command ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The shell looked a command name up; `searched` lists each `PATH` directory tried, in
    /// order, up to and including the one that matched.
    Lookup {
        /// The name typed.
        name: String,
        /// `PATH` directories tried, in order.
        searched: Vec<String>,
        /// What the name turned out to be.
        found: Resolution,
    },
    /// A program or builtin (`which`, `type`) searched `PATH` for a name without running it.
    PathSearch {
        /// Who searched: `which`, `type`.
        by: String,
        /// The name searched for.
        name: String,
        /// `PATH` directories tried, in order: up to the first match, or all of them.
        searched: Vec<String>,
        /// The executable files found, in order.
        found: Vec<String>,
    },
    /// A symbolic link was followed on the way to a file being executed.
    SymlinkHop {
        /// The link's absolute path.
        link: String,
        /// The target it holds.
        target: String,
    },
    /// A file was executed: a registered program binary, a script for an interpreter, or a
    /// shell script without a shebang.
    Exec {
        /// The path executed.
        path: String,
        /// The program that ran (`ls`, `python3.12`, or `sh` for a script without shebang).
        program: String,
    },
    /// A script's first line named an interpreter.
    Shebang {
        /// The script.
        script: String,
        /// The interpreter path on the `#!` line.
        interpreter: String,
        /// Whether that interpreter exists.
        found: bool,
    },
    /// Python looked for a `pyvenv.cfg` at start-up.
    PyvenvCfg {
        /// Where it looked.
        path: String,
        /// Whether the file was there.
        found: bool,
    },
    /// Python's start-up settled its prefixes.
    PythonPrefix {
        /// `sys.prefix`.
        prefix: String,
        /// `sys.base_prefix`.
        base_prefix: String,
    },
    /// An `import` searched `sys.path` for a module.
    Import {
        /// The dotted module name.
        module: String,
        /// The directories searched, in order, up to the one that had it.
        searched: Vec<String>,
        /// The file found, or `None` when the import failed.
        found: Option<String>,
    },
    /// A path was created.
    Created(String),
    /// A file's content or metadata changed.
    Modified(String),
    /// A path was removed.
    Removed(String),
    /// A limit of the simulation stopped something (its message is also printed).
    Limit(String),
}
