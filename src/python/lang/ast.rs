//! The syntax tree the parser builds and the evaluator walks. Every node keeps its source span
//! (lines from 1, columns in characters from 0) as CPython does, because tracebacks underline it.

use super::value::Value;
use std::rc::Rc;

/// A source span: start and end line and column (the end column is exclusive).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Pos {
    /// First line (from 1).
    pub line: u32,
    /// First column (characters from 0).
    pub col: u32,
    /// Last line.
    pub end_line: u32,
    /// Column after the last character.
    pub end_col: u32,
}

impl Pos {
    /// The span from the start of `self` to the end of `other`.
    pub fn to(self, other: Pos) -> Pos {
        Pos {
            end_line: other.end_line,
            end_col: other.end_col,
            ..self
        }
    }
}

/// An expression with its span.
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is.
    pub pos: Pos,
}

/// Binary operators.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
}

impl BinOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        [
            "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^",
        ][self as usize]
    }
    /// The operator for a symbol (without a trailing `=`).
    pub fn from_symbol(s: &str) -> Option<BinOp> {
        use BinOp::*;
        [
            Add, Sub, Mul, Div, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor,
        ]
        .into_iter()
        .find(|op| op.symbol() == s)
    }
}

/// Comparison operators.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `in`
    In,
    /// `not in`
    NotIn,
    /// `is`
    Is,
    /// `is not`
    IsNot,
}

/// Kinds of comprehension.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum CompKind {
    /// `[x for ...]`
    List,
    /// `{k: v for ...}`
    Dict,
    /// `(x for ...)`
    Gen,
}

/// One `for target in iter if cond...` clause of a comprehension.
pub struct CompFor {
    /// The loop target.
    pub target: Expr,
    /// The iterable.
    pub iter: Expr,
    /// The `if` conditions.
    pub conds: Vec<Expr>,
}

/// A piece of an f-string.
pub enum FPiece {
    /// Literal text.
    Lit(Rc<str>),
    /// A replacement field `{expr!conv:spec}` (the text of `{expr=}` is a literal before it).
    Field {
        /// The expression.
        expr: Box<Expr>,
        /// `s`, `r` or `a`.
        conv: Option<char>,
        /// The format spec, itself possibly with fields.
        spec: Vec<FPiece>,
    },
}

/// An argument in a call.
pub enum Arg {
    /// `f(x)`
    Pos(Expr),
    /// `f(*xs)`
    Star(Expr),
    /// `f(name=x)`
    Kw(Rc<str>, Expr),
    /// `f(**kw)`
    StarStar(Expr),
}

/// Expression kinds.
pub enum ExprKind {
    /// A variable.
    Name(Rc<str>),
    /// A literal number, string, `True`, `None`...
    Const(Value),
    /// An f-string.
    FStr(Vec<FPiece>),
    /// `[a, b]`
    List(Vec<Expr>),
    /// `(a, b)`
    Tuple(Vec<Expr>),
    /// `{k: v}`; a `None` key is `**mapping`.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `*x` inside a display.
    Starred(Box<Expr>),
    /// `x.name`
    Attr(Box<Expr>, Rc<str>),
    /// `x[i]`
    Sub(Box<Expr>, Box<Expr>),
    /// `a:b:c` inside a subscript.
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    /// `f(args)`
    Call(Box<Expr>, Vec<Arg>),
    /// `a + b` etc.
    Bin(Box<Expr>, BinOp, Box<Expr>),
    /// `-x` (`'-'`), `+x` (`'+'`), `~x` (`'~'`).
    Unary(char, Box<Expr>),
    /// `not x`
    Not(Box<Expr>),
    /// `a and b` (true) / `a or b` (false).
    BoolOp(bool, Box<Expr>, Box<Expr>),
    /// `a < b < c`
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `a if cond else b`: (cond, a, b).
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `lambda params: body`
    Lambda(Rc<FuncDef>),
    /// A comprehension: kind, element (key for dicts), value for dicts, clauses.
    Comp(CompKind, Box<Expr>, Option<Box<Expr>>, Vec<CompFor>),
}

/// How a parameter receives its argument.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum ParamKind {
    /// Positional or keyword.
    Normal,
    /// `*args`
    VarArgs,
    /// After `*`: keyword only.
    KwOnly,
    /// `**kwargs`
    VarKw,
}

/// A parameter of a function.
pub struct Param {
    /// Its name.
    pub name: Rc<str>,
    /// How it binds.
    pub kind: ParamKind,
    /// Its default value expression.
    pub default: Option<Expr>,
}

/// A function definition (`def` or `lambda`) and the names its body binds.
pub struct FuncDef {
    /// The name (`<lambda>` for lambdas).
    pub name: Rc<str>,
    /// The qualified name shown in reprs (`outer.<locals>.inner`).
    pub qualname: Rc<str>,
    /// The parameters.
    pub params: Vec<Param>,
    /// The body (a lambda's is one `return`).
    pub body: Vec<Stmt>,
    /// Names local to the function.
    pub locals: Vec<Rc<str>>,
    /// Names declared `global`.
    pub globals: Vec<Rc<str>>,
}

impl FuncDef {
    /// Whether `name` is a local variable of this function.
    pub fn is_local(&self, name: &str) -> bool {
        self.locals.iter().any(|n| **n == *name)
    }
}

/// An `except` clause.
pub struct Handler {
    /// The exception class(es) it catches; `None` catches everything.
    pub types: Option<Expr>,
    /// The `as` name.
    pub name: Option<Rc<str>>,
    /// The body.
    pub body: Vec<Stmt>,
}

/// A statement with its span.
pub struct Stmt {
    /// What it is.
    pub kind: StmtKind,
    /// Where it is.
    pub pos: Pos,
}

/// Statement kinds.
pub enum StmtKind {
    /// An expression evaluated for its effect.
    Expr(Expr),
    /// `a = b = value`
    Assign(Vec<Expr>, Expr),
    /// `a += value`
    AugAssign(Expr, BinOp, Expr),
    /// `if`/`elif` branches and the `else` body.
    If(Vec<(Expr, Vec<Stmt>)>, Vec<Stmt>),
    /// `while cond: body else: orelse`
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    /// `for target in iter: body else: orelse`
    For(Expr, Expr, Vec<Stmt>, Vec<Stmt>),
    /// `break`
    Break,
    /// `continue`
    Continue,
    /// `pass`
    Pass,
    /// `return value`
    Return(Option<Expr>),
    /// `def`
    Def(Rc<FuncDef>),
    /// `import a.b as c, d`
    Import(Vec<(Rc<str>, Option<Rc<str>>)>),
    /// `from a.b import c as d`; names are (name, as-name).
    ImportFrom(Rc<str>, Vec<(Rc<str>, Option<Rc<str>>)>),
    /// `try` with handlers, `else` and `finally` bodies.
    Try(Vec<Stmt>, Vec<Handler>, Vec<Stmt>, Vec<Stmt>),
    /// `raise exc from cause`
    Raise(Option<Expr>, Option<Expr>),
    /// `global names`
    Global(Vec<Rc<str>>),
    /// `del targets`
    Del(Vec<Expr>),
    /// `assert test, msg`
    Assert(Expr, Option<Expr>),
}
