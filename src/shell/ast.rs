//! The syntax tree the parser builds and the interpreter walks.
//!
//! Words are kept raw (quotes, `$`, globs and all) exactly as typed: the parser only decides
//! where a word ends. Expansion (`shell::expand`) gives them meaning at run time, in POSIX order.

/// A word as typed, quotes and expansions included (`"$HOME"/x`, `*.py`, `'a b'`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word(pub String);

impl Word {
    /// The raw text of the word.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a redirection does with its file descriptor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirOp {
    /// `[n]< file`: open for reading (default fd 0).
    Read,
    /// `[n]> file`: truncate or create (default fd 1).
    Write,
    /// `[n]>> file`: append or create (default fd 1).
    Append,
    /// `[n]>&m`: make fd n a copy of fd m (default fd 1); the target word names m (or `-` to close).
    DupOut,
    /// `[n]<&m`: make fd n a copy of input fd m (default fd 0).
    DupIn,
    /// `&> file` (also `>& file`): stdout and stderr to the file, truncating.
    WriteBoth,
    /// `&>> file`: stdout and stderr appended to the file.
    AppendBoth,
    /// `<<< word`: the expanded word plus a newline as standard input.
    HereString,
    /// `<< DELIM` / `<<- DELIM`: the here-document body (already collected by the parser) as input.
    HereDoc {
        /// Whether the delimiter was unquoted, so the body undergoes parameter expansion.
        expand: bool,
    },
}

/// One redirection of a command: `2>&1`, `> out.txt`, `< in.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// The file descriptor written before the operator (`2` in `2>`), if any.
    pub fd: Option<u32>,
    /// The operator.
    pub op: RedirOp,
    /// The file name, fd number or here-string; for a here-document, its body.
    pub target: Word,
}

/// `NAME=value` before a command or on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// The variable name.
    pub name: String,
    /// The raw value (may be empty).
    pub value: Word,
}

/// A simple command: assignments, words, redirections, in any interleaving as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SimpleCommand {
    /// Leading `NAME=value` words.
    pub assignments: Vec<Assignment>,
    /// The command name and its arguments, unexpanded.
    pub words: Vec<Word>,
    /// Redirections, in the order written.
    pub redirects: Vec<Redirect>,
    /// The line of the input it starts on (1-based), for a script's error messages.
    pub line: u32,
}

/// One `pattern | pattern) body ;;` arm of a `case`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseArm {
    /// The patterns, unexpanded.
    pub patterns: Vec<Word>,
    /// The commands run when a pattern matches.
    pub body: List,
}

/// A command of any kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `name args...`
    Simple(SimpleCommand),
    /// A compound command with the redirections written after it.
    Compound(CompoundCommand, Vec<Redirect>),
    /// `name () compound-command` (also `function name { ...; }`).
    FunctionDef {
        /// The function's name.
        name: String,
        /// Its body (usually a brace group).
        body: Box<Command>,
    },
}

/// The compound commands: groups, conditionals and loops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompoundCommand {
    /// `{ list; }`
    Group(List),
    /// `( list )`
    Subshell(List),
    /// `if c1; then b1; elif c2; then b2; else b3; fi`: the (condition, body) pairs and the else part.
    If {
        /// `if` and each `elif`, in order.
        branches: Vec<(List, List)>,
        /// The `else` body, if any.
        else_body: Option<List>,
    },
    /// `for name in words; do body; done`; no `in` means `"$@"`.
    For {
        /// The loop variable.
        var: String,
        /// The words after `in`, or `None` when there was no `in`.
        words: Option<Vec<Word>>,
        /// The loop body.
        body: List,
    },
    /// `while cond; do body; done`, or `until` when `until` is true.
    While {
        /// True for `until`.
        until: bool,
        /// The condition list.
        cond: List,
        /// The loop body.
        body: List,
    },
    /// `case word in arms esac`
    Case {
        /// The word matched against the patterns.
        word: Word,
        /// The arms in order.
        arms: Vec<CaseArm>,
    },
}

/// `cmd1 | cmd2 | ...`, optionally negated with `!`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pipeline {
    /// `!` before the pipeline.
    pub negated: bool,
    /// The commands, left to right (at least one).
    pub commands: Vec<Command>,
}

/// `&&` or `||` between pipelines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AndOrOp {
    /// `&&`: run the next pipeline if the last succeeded.
    And,
    /// `||`: run the next pipeline if the last failed.
    Or,
}

/// `p1 && p2 || p3`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AndOr {
    /// The first pipeline.
    pub first: Pipeline,
    /// The following pipelines with the operator before each.
    pub rest: Vec<(AndOrOp, Pipeline)>,
}

/// Commands separated by `;`, `&` or newlines. (`&` runs in the foreground: there are no jobs.)
pub type List = Vec<AndOr>;
