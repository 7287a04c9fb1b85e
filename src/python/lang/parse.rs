//! The parser: tokens to the syntax tree, by recursive descent with bounded nesting, with
//! CPython 3.12's syntax error messages and caret positions for the common mistakes
//! (`expected ':'`, `Perhaps you forgot a comma?`, `cannot assign to literal`,
//! `expected an indented block after 'if' statement on line 1`...). Constructs outside the
//! simulated subset are rejected with a message that names them.

use super::ast::*;
use super::token::{tokenize, tokenize_expr, unsupported, FRaw, SyntaxErr, Tok, Token};
use super::value::Value;
use std::rc::Rc;

/// Deepest nesting of brackets, blocks and operators the parser follows.
const MAX_DEPTH: u32 = 200;

const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

type PResult<T> = Result<T, SyntaxErr>;

/// Parses a module's source. (CPython's compile-time `SyntaxWarning`s are not simulated.)
pub fn parse_module(src: &str) -> PResult<Vec<Stmt>> {
    let chars: Vec<char> = src.chars().collect();
    let toks = tokenize(&chars)?;
    let mut p = Parser {
        toks,
        p: 0,
        depth: 0,
        funcs: vec![],
        loops: 0,
    };
    p.module()
}

struct Parser {
    toks: Vec<Token>,
    p: usize,
    depth: u32,
    funcs: Vec<Rc<str>>,
    loops: u32,
}

fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

fn expr(kind: ExprKind, pos: Pos) -> Expr {
    Expr { kind, pos }
}

/// A one-character span at the start of `pos`.
fn point(pos: Pos) -> Pos {
    Pos {
        end_line: pos.line,
        end_col: pos.col + 1,
        ..pos
    }
}

/// A one-character span just after the end of `pos`.
fn after(pos: Pos) -> Pos {
    Pos {
        line: pos.end_line,
        col: pos.end_col,
        end_line: pos.end_line,
        end_col: pos.end_col + 1,
    }
}

impl Parser {
    fn tok(&self) -> &Tok {
        &self.toks[self.p.min(self.toks.len() - 1)].tok
    }
    fn pos(&self) -> Pos {
        self.toks[self.p.min(self.toks.len() - 1)].pos
    }
    fn prev_pos(&self) -> Pos {
        self.toks[self.p.saturating_sub(1)].pos
    }
    fn peek_tok(&self, k: usize) -> &Tok {
        &self.toks[(self.p + k).min(self.toks.len() - 1)].tok
    }
    fn advance(&mut self) {
        if self.p < self.toks.len() - 1 {
            self.p += 1;
        }
    }
    fn is_op(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }
    fn is_kw(&self, kw: &str) -> bool {
        matches!(self.tok(), Tok::Name(n) if &**n == kw)
    }
    fn eat_op(&mut self, op: &str) -> bool {
        let hit = self.is_op(op);
        if hit {
            self.advance();
        }
        hit
    }
    fn eat_kw(&mut self, kw: &str) -> bool {
        let hit = self.is_kw(kw);
        if hit {
            self.advance();
        }
        hit
    }
    /// `invalid syntax` at the current token.
    fn invalid(&self) -> SyntaxErr {
        let pos = match self.tok() {
            Tok::Newline | Tok::End | Tok::Dedent => point(self.pos()),
            _ => self.pos(),
        };
        let err = SyntaxErr::at("invalid syntax", pos);
        if matches!(self.tok(), Tok::End) {
            err.incomplete()
        } else {
            err
        }
    }
    fn expect_op(&mut self, op: &str) -> PResult<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }
    fn expect_colon(&mut self) -> PResult<()> {
        if self.eat_op(":") {
            return Ok(());
        }
        if matches!(self.tok(), Tok::Newline | Tok::End) || self.is_op("=") {
            return Err(SyntaxErr::at("expected ':'", after(self.prev_pos())));
        }
        Err(self.invalid())
    }
    fn name(&mut self) -> PResult<Rc<str>> {
        match self.tok().clone() {
            Tok::Name(n) if !is_keyword(&n) => {
                self.advance();
                Ok(n)
            }
            _ => Err(self.invalid()),
        }
    }
    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(unsupported(
                "expressions and blocks nested this deeply are",
                self.pos(),
            ));
        }
        Ok(())
    }
    /// Counts one more link of an operator or trailer chain as a level of nesting.
    fn link(&mut self, links: &mut u32) -> PResult<()> {
        *links += 1;
        self.enter()
    }

    // ---- statements ----

    fn module(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = vec![];
        while !matches!(self.tok(), Tok::End) {
            if matches!(self.tok(), Tok::Newline) {
                self.advance();
                continue;
            }
            self.statement(&mut body)?;
        }
        Ok(body)
    }

    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        if matches!(self.tok(), Tok::Indent) {
            let pos = self.pos();
            return Err(SyntaxErr {
                pos: None,
                ..SyntaxErr::at("unexpected indent", pos).indentation()
            });
        }
        self.enter()?;
        let r = self.statement_inner(out);
        self.depth -= 1;
        r
    }

    fn statement_inner(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let start = self.pos();
        let kw = match self.tok() {
            Tok::Name(n) => n.clone(),
            Tok::Op("@") => return Err(unsupported("decorators are", start)),
            _ => Rc::from(""),
        };
        let kind = match &*kw {
            "if" => self.if_stmt()?,
            "while" => self.while_stmt()?,
            "for" => self.for_stmt()?,
            "def" => self.def_stmt()?,
            "try" => self.try_stmt()?,
            "class" => return Err(unsupported("'class' statements are", start)),
            "with" => return Err(unsupported("'with' statements are", start)),
            "async" => return Err(unsupported("'async' functions are", start)),
            _ => return self.simple_line(out),
        };
        out.push(Stmt {
            kind,
            pos: start.to(self.prev_pos()),
        });
        Ok(())
    }

    /// Simple statements separated by `;` up to the end of the line.
    fn simple_line(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let start = self.pos();
            let kind = self.simple()?;
            out.push(Stmt {
                kind,
                pos: start.to(self.prev_pos()),
            });
            if !self.eat_op(";") || matches!(self.tok(), Tok::Newline) {
                break;
            }
        }
        match self.tok() {
            Tok::Newline => {
                self.advance();
                Ok(())
            }
            Tok::End => Ok(()),
            _ => Err(self.invalid()),
        }
    }

    fn simple(&mut self) -> PResult<StmtKind> {
        let start = self.pos();
        let kw = match self.tok() {
            Tok::Name(n) => n.clone(),
            _ => Rc::from(""),
        };
        let simple = |k| {
            move |p: &mut Parser| {
                p.advance();
                Ok(k)
            }
        };
        match &*kw {
            "pass" => simple(StmtKind::Pass)(self),
            "break" | "continue" => {
                if self.loops == 0 {
                    let msg = if &*kw == "break" {
                        "'break' outside loop"
                    } else {
                        "'continue' not properly in loop"
                    };
                    return Err(SyntaxErr::at(msg, start));
                }
                simple(if &*kw == "break" {
                    StmtKind::Break
                } else {
                    StmtKind::Continue
                })(self)
            }
            "return" => self.return_stmt(),
            "import" => self.import_stmt(),
            "from" => self.import_from_stmt(),
            "global" => self.names_stmt(),
            "nonlocal" => Err(super::token::unsupported("'nonlocal' statements are", self.pos())),
            "del" => self.del_stmt(),
            "assert" => self.assert_stmt(),
            "raise" => self.raise_stmt(),
            "yield" => Err(self.yield_error(start)),
            "print" | "exec" if self.starts_expr(1) && !matches!(self.peek_tok(1), Tok::Op(_)) => {
                self.missing_parens(&kw)
            }
            _ => self.expr_stmt(),
        }
    }

    fn missing_parens(&mut self, name: &str) -> PResult<StmtKind> {
        let start = self.pos();
        self.advance();
        let arg = self.expr()?;
        let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
        Err(SyntaxErr::at(msg, start.to(arg.pos)))
    }

    fn return_stmt(&mut self) -> PResult<StmtKind> {
        let start = self.pos();
        self.advance();
        let value = if matches!(self.tok(), Tok::Newline | Tok::End) || self.is_op(";") {
            None
        } else {
            Some(self.star_exprs()?)
        };
        if self.funcs.is_empty() {
            return Err(SyntaxErr::at(
                "'return' outside function",
                start.to(self.prev_pos()),
            ));
        }
        Ok(StmtKind::Return(value))
    }

    fn dotted(&mut self) -> PResult<Rc<str>> {
        let mut name = self.name()?.to_string();
        while self.eat_op(".") {
            name.push('.');
            name.push_str(&self.name()?);
        }
        Ok(Rc::from(name))
    }

    fn as_name(&mut self) -> PResult<Option<Rc<str>>> {
        if self.eat_kw("as") {
            Ok(Some(self.name()?))
        } else {
            Ok(None)
        }
    }

    fn import_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut names = vec![];
        loop {
            let module = self.dotted()?;
            names.push((module, self.as_name()?));
            if !self.eat_op(",") {
                return Ok(StmtKind::Import(names));
            }
        }
    }

    fn import_from_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        if self.is_op(".") || self.is_op("...") {
            return Err(unsupported(
                "relative imports ('from . import') are",
                self.pos(),
            ));
        }
        let module = self.dotted()?;
        if !self.eat_kw("import") {
            return Err(self.invalid());
        }
        if self.eat_op("*") {
            return Ok(StmtKind::ImportFrom(module, vec![(Rc::from("*"), None)]));
        }
        let paren = self.eat_op("(");
        let mut names = vec![];
        loop {
            let name = self.name()?;
            names.push((name, self.as_name()?));
            if !self.eat_op(",") || (paren && self.is_op(")")) {
                break;
            }
        }
        if paren {
            self.expect_op(")")?;
        }
        Ok(StmtKind::ImportFrom(module, names))
    }

    fn names_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut names = vec![self.name()?];
        while self.eat_op(",") {
            names.push(self.name()?);
        }
        Ok(StmtKind::Global(names))
    }

    fn del_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let targets = self.star_exprs()?;
        let targets = match targets.kind {
            ExprKind::Tuple(items) => items,
            _ => vec![targets],
        };
        for t in &targets {
            check_target(t, "delete", false)?;
        }
        Ok(StmtKind::Del(targets))
    }

    fn assert_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let test = self.expr()?;
        let msg = if self.eat_op(",") {
            Some(self.expr()?)
        } else {
            None
        };
        Ok(StmtKind::Assert(test, msg))
    }

    fn raise_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        if matches!(self.tok(), Tok::Newline | Tok::End) || self.is_op(";") {
            return Ok(StmtKind::Raise(None, None));
        }
        let exc = self.expr()?;
        let cause = if self.eat_kw("from") {
            Some(self.expr()?)
        } else {
            None
        };
        Ok(StmtKind::Raise(Some(exc), cause))
    }

    fn expr_stmt(&mut self) -> PResult<StmtKind> {
        let first = self.star_exprs()?;
        if let Tok::Op(op) = self.tok().clone() {
            if let Some(bin) = op.strip_suffix('=').and_then(BinOp::from_symbol) {
                if op.len() > 1 && !matches!(op, "==" | "<=" | ">=" | "!=") {
                    return self.aug_assign(first, bin);
                }
            }
            if op == ":" {
                return self.annotated(first);
            }
            if op == ":=" {
                return Err(self.invalid_walrus());
            }
        }
        if !self.is_op("=") {
            return Ok(StmtKind::Expr(first));
        }
        let mut targets = vec![first];
        while self.eat_op("=") {
            if self.is_kw("yield") {
                return Err(self.yield_error(self.pos()));
            }
            targets.push(self.star_exprs()?);
        }
        let value = targets.pop().ok_or_else(|| self.invalid())?;
        for (i, t) in targets.iter().enumerate() {
            check_target(t, "assign to", i == 0)?;
        }
        Ok(StmtKind::Assign(targets, value))
    }

    /// `yield` is CPython's error outside a function and unsupported inside one.
    fn yield_error(&self, pos: Pos) -> SyntaxErr {
        if self.funcs.is_empty() {
            SyntaxErr::at("'yield' outside function", pos)
        } else {
            unsupported("'yield' expressions (generators) are", pos)
        }
    }

    /// A generic error inside an f-string field gets CPython's f-string wording, at the last
    /// token read.
    fn fstring_error(&self, e: SyntaxErr) -> SyntaxErr {
        if e.msg != "invalid syntax" {
            return e;
        }
        let pos = if matches!(self.tok(), Tok::End) {
            point(self.prev_pos())
        } else {
            point(self.pos())
        };
        SyntaxErr {
            msg: "f-string: expecting '=', or '!', or ':', or '}'".into(),
            incomplete: false,
            ..SyntaxErr::at("", pos)
        }
    }

    fn invalid_walrus(&self) -> SyntaxErr {
        self.invalid()
    }

    fn aug_assign(&mut self, target: Expr, op: BinOp) -> PResult<StmtKind> {
        if !matches!(
            target.kind,
            ExprKind::Name(_) | ExprKind::Attr(..) | ExprKind::Sub(..)
        ) {
            let msg = format!(
                "'{}' is an illegal expression for augmented assignment",
                target_kind(&target)
            );
            return Err(SyntaxErr::at(msg, target.pos));
        }
        self.advance();
        let value = self.star_exprs()?;
        Ok(StmtKind::AugAssign(target, op, value))
    }

    /// `x: T = value` assigns; `x: T` alone does nothing at run time.
    fn annotated(&mut self, target: Expr) -> PResult<StmtKind> {
        self.advance();
        check_target(&target, "assign to", false)?;
        let _annotation = self.expr()?;
        if self.eat_op("=") {
            let value = self.star_exprs()?;
            return Ok(StmtKind::Assign(vec![target], value));
        }
        Ok(StmtKind::Pass)
    }

    /// The body after a compound statement's `:`; `what` names the statement for errors.
    fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        let mut body = vec![];
        if !matches!(self.tok(), Tok::Newline) {
            self.simple_line(&mut body)?;
            return Ok(body);
        }
        self.advance();
        if !matches!(self.tok(), Tok::Indent) {
            let at_end = self.toks[self.p..]
                .iter()
                .all(|t| matches!(t.tok, Tok::Dedent | Tok::End));
            let pos = if at_end {
                self.prev_pos()
            } else {
                point(self.pos())
            };
            let msg = format!("expected an indented block after {what} on line {line}");
            let err = SyntaxErr::at(msg, point(pos)).indentation();
            return Err(if at_end { err.incomplete() } else { err });
        }
        self.advance();
        while !matches!(self.tok(), Tok::Dedent | Tok::End) {
            self.statement(&mut body)?;
        }
        self.advance();
        Ok(body)
    }

    fn if_stmt(&mut self) -> PResult<StmtKind> {
        let mut branches = vec![];
        let mut what = "'if' statement";
        loop {
            let line = self.pos().line;
            self.advance();
            let cond = self.named_expr()?;
            self.expect_colon()?;
            branches.push((cond, self.block(what, line)?));
            what = "'elif' statement";
            if !self.is_kw("elif") {
                break;
            }
        }
        let orelse = self.else_block()?;
        Ok(StmtKind::If(branches, orelse))
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.is_kw("else") {
            return Ok(vec![]);
        }
        let line = self.pos().line;
        self.advance();
        self.expect_colon()?;
        self.block("'else' statement", line)
    }

    fn loop_body(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        self.loops += 1;
        let body = self.block(what, line);
        self.loops -= 1;
        body
    }

    fn while_stmt(&mut self) -> PResult<StmtKind> {
        let line = self.pos().line;
        self.advance();
        let cond = self.named_expr()?;
        self.expect_colon()?;
        let body = self.loop_body("'while' statement", line)?;
        Ok(StmtKind::While(cond, body, self.else_block()?))
    }

    fn for_stmt(&mut self) -> PResult<StmtKind> {
        let line = self.pos().line;
        self.advance();
        let target = self.target_list()?;
        if !self.eat_kw("in") {
            return Err(self.invalid());
        }
        check_target(&target, "assign to", false)?;
        let iter = self.star_exprs()?;
        self.expect_colon()?;
        let body = self.loop_body("'for' statement", line)?;
        Ok(StmtKind::For(target, iter, body, self.else_block()?))
    }

    /// A `for` target: expressions without `in` comparisons.
    fn target_list(&mut self) -> PResult<Expr> {
        let first = self.target_item()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.is_kw("in") {
                break;
            }
            items.push(self.target_item()?);
        }
        let pos = items[0].pos.to(self.prev_pos());
        Ok(expr(ExprKind::Tuple(items), pos))
    }

    fn target_item(&mut self) -> PResult<Expr> {
        if !self.is_op("*") {
            return self.bin(1);
        }
        let start = self.pos();
        self.advance();
        let inner = self.bin(1)?;
        let pos = start.to(inner.pos);
        Ok(expr(ExprKind::Starred(Box::new(inner)), pos))
    }

    fn try_stmt(&mut self) -> PResult<StmtKind> {
        let line = self.pos().line;
        self.advance();
        self.expect_colon()?;
        let body = self.block("'try' statement", line)?;
        let mut handlers = vec![];
        while self.is_kw("except") {
            handlers.push(self.handler()?);
        }
        let orelse = if handlers.is_empty() {
            vec![]
        } else {
            self.else_block()?
        };
        let mut finally = vec![];
        if self.is_kw("finally") {
            let line = self.pos().line;
            self.advance();
            self.expect_colon()?;
            finally = self.block("'finally' statement", line)?;
        } else if handlers.is_empty() {
            let err = SyntaxErr::at("expected 'except' or 'finally' block", point(self.pos()));
            return Err(if matches!(self.tok(), Tok::End) {
                err.incomplete()
            } else {
                err
            });
        }
        Ok(StmtKind::Try(body, handlers, orelse, finally))
    }

    fn handler(&mut self) -> PResult<Handler> {
        let line = self.pos().line;
        self.advance();
        if self.is_op("*") {
            return Err(unsupported("'except*' clauses are", self.pos()));
        }
        let types = if self.is_op(":") {
            None
        } else {
            Some(self.expr()?)
        };
        let name = if types.is_some() {
            self.as_name()?
        } else {
            None
        };
        self.expect_colon()?;
        let body = self.block("'except' statement", line)?;
        Ok(Handler { types, name, body })
    }

    fn def_stmt(&mut self) -> PResult<StmtKind> {
        let line = self.pos().line;
        self.advance();
        let name = self.name()?;
        self.expect_op("(")?;
        let params = self.params(")")?;
        self.expect_op(")")?;
        if self.eat_op("->") {
            self.expr()?;
        }
        self.expect_colon()?;
        let qualname = self.qualname(&name);
        self.funcs.push(qualname.clone());
        let saved_loops = std::mem::take(&mut self.loops);
        let body = self.block("function definition", line);
        self.loops = saved_loops;
        self.funcs.pop();
        Ok(StmtKind::Def(Rc::new(func_def(
            name, qualname, params, body?,
        ))))
    }

    fn qualname(&self, name: &str) -> Rc<str> {
        match self.funcs.last() {
            Some(outer) => Rc::from(format!("{outer}.<locals>.{name}")),
            None => Rc::from(name),
        }
    }

    /// Parameters up to `close` (`)` for def, `:` for lambda).
    fn params(&mut self, close: &str) -> PResult<Vec<Param>> {
        let mut params: Vec<Param> = vec![];
        let mut kind = ParamKind::Normal;
        while !self.is_op(close) {
            let start = self.pos();
            let mut this = kind;
            if self.eat_op("**") {
                this = ParamKind::VarKw;
            } else if self.eat_op("*") {
                kind = ParamKind::KwOnly;
                if self.is_op(",") {
                    self.advance();
                    continue;
                }
                this = ParamKind::VarArgs;
            } else if self.is_op("/") {
                return Err(super::token::unsupported(
                    "positional-only parameters ('/') are",
                    start,
                ));
            }
            let name = self.name()?;
            if close == ")" && self.eat_op(":") {
                self.expr()?;
            }
            let default = if self.eat_op("=") {
                Some(self.expr()?)
            } else {
                None
            };
            let needs_default = this == ParamKind::Normal
                && params.iter().any(|p| p.default.is_some());
            if needs_default && default.is_none() {
                return Err(SyntaxErr::at(
                    "non-default argument follows default argument",
                    start.to(self.prev_pos()),
                ));
            }
            params.push(Param {
                name,
                kind: this,
                default,
            });
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(params)
    }

    // ---- expressions ----

    /// Comma-separated expressions, a tuple when there is a comma.
    fn star_exprs(&mut self) -> PResult<Expr> {
        let first = self.star_or_expr()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if !self.starts_expr(0) && !self.is_op("*") {
                break;
            }
            items.push(self.star_or_expr()?);
        }
        let pos = items[0].pos.to(self.prev_pos());
        Ok(expr(ExprKind::Tuple(items), pos))
    }

    fn star_or_expr(&mut self) -> PResult<Expr> {
        if self.is_op("*") {
            let start = self.pos();
            self.advance();
            let inner = self.bin(1)?;
            let pos = start.to(inner.pos);
            return Ok(expr(ExprKind::Starred(Box::new(inner)), pos));
        }
        self.expr()
    }

    /// Whether the token `k` ahead can start an expression.
    fn starts_expr(&self, k: usize) -> bool {
        match self.peek_tok(k) {
            Tok::Name(n) => {
                !is_keyword(n)
                    || ["not", "lambda", "True", "False", "None", "await", "yield"].contains(&&**n)
            }
            Tok::Int(_) | Tok::Float(_) | Tok::Str(_) | Tok::FStr(_) => true,
            Tok::Op(op) => ["(", "[", "{", "-", "+", "~", "..."].contains(op),
            _ => false,
        }
    }

    fn named_expr(&mut self) -> PResult<Expr> {
        let e = self.expr()?;
        if self.is_op(":=") {
            return Err(unsupported("assignment expressions (':=') are", self.pos()));
        }
        if self.eat_op("=") {
            let value = self.expr()?;
            let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
            return Err(SyntaxErr::at(msg, e.pos.to(value.pos)));
        }
        Ok(e)
    }

    fn expr(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.expr_inner();
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self) -> PResult<Expr> {
        if self.is_kw("lambda") {
            return self.lambda();
        }
        if self.is_kw("yield") {
            return Err(self.yield_error(self.pos()));
        }
        let body = self.or_test()?;
        if !self.is_kw("if") {
            return Ok(body);
        }
        self.advance();
        let cond = self.or_test()?;
        if !self.eat_kw("else") {
            return Err(SyntaxErr::at(
                "expected 'else' after 'if' expression",
                body.pos.to(cond.pos),
            ));
        }
        let orelse = self.expr()?;
        let pos = body.pos.to(orelse.pos);
        Ok(expr(
            ExprKind::IfExp(Box::new(cond), Box::new(body), Box::new(orelse)),
            pos,
        ))
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.pos();
        self.advance();
        let params = self.params(":")?;
        self.expect_op(":")?;
        self.funcs.push(Rc::from("<lambda>"));
        let body = self.expr();
        self.funcs.pop();
        let body = body?;
        let pos = start.to(body.pos);
        let ret = Stmt {
            kind: StmtKind::Return(Some(body)),
            pos,
        };
        let name: Rc<str> = Rc::from("<lambda>");
        let qual = self.qualname("<lambda>");
        Ok(expr(
            ExprKind::Lambda(Rc::new(func_def(name, qual, params, vec![ret]))),
            pos,
        ))
    }

    fn or_test(&mut self) -> PResult<Expr> {
        let mut left = self.and_test()?;
        let mut links = 0;
        while self.eat_kw("or") {
            self.link(&mut links)?;
            let right = self.and_test()?;
            let pos = left.pos.to(right.pos);
            left = expr(
                ExprKind::BoolOp(false, Box::new(left), Box::new(right)),
                pos,
            );
        }
        self.depth -= links;
        Ok(left)
    }

    fn and_test(&mut self) -> PResult<Expr> {
        let mut left = self.not_test()?;
        let mut links = 0;
        while self.eat_kw("and") {
            self.link(&mut links)?;
            let right = self.not_test()?;
            let pos = left.pos.to(right.pos);
            left = expr(ExprKind::BoolOp(true, Box::new(left), Box::new(right)), pos);
        }
        self.depth -= links;
        Ok(left)
    }

    fn not_test(&mut self) -> PResult<Expr> {
        if !self.is_kw("not") {
            return self.comparison();
        }
        let start = self.pos();
        self.advance();
        self.enter()?;
        let inner = self.not_test();
        self.depth -= 1;
        let inner = inner?;
        let pos = start.to(inner.pos);
        Ok(expr(ExprKind::Not(Box::new(inner)), pos))
    }

    fn comp_op(&mut self) -> Option<CmpOp> {
        let op = match self.tok() {
            Tok::Op("==") => CmpOp::Eq,
            Tok::Op("!=") => CmpOp::Ne,
            Tok::Op("<") => CmpOp::Lt,
            Tok::Op("<=") => CmpOp::Le,
            Tok::Op(">") => CmpOp::Gt,
            Tok::Op(">=") => CmpOp::Ge,
            Tok::Name(n) if &**n == "in" => CmpOp::In,
            Tok::Name(n) if &**n == "is" => {
                self.advance();
                return Some(if self.eat_kw("not") {
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                });
            }
            Tok::Name(n)
                if &**n == "not" && matches!(self.peek_tok(1), Tok::Name(m) if &**m == "in") =>
            {
                self.advance();
                CmpOp::NotIn
            }
            _ => return None,
        };
        self.advance();
        Some(op)
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let left = self.bin(1)?;
        let mut rest: Vec<(CmpOp, Expr)> = vec![];
        while let Some(op) = self.comp_op() {
            let right = self.bin(1)?;
            rest.push((op, right));
        }
        match rest.last() {
            None => Ok(left),
            Some((_, last)) => {
                let pos = left.pos.to(last.pos);
                Ok(expr(ExprKind::Compare(Box::new(left), rest), pos))
            }
        }
    }

    /// The binary operator at the current token and its precedence (1 = `|` ... 6 = `*`).
    fn bin_op(&self) -> Option<(BinOp, u32)> {
        let Tok::Op(op) = self.tok() else { return None };
        let op = BinOp::from_symbol(op)?;
        let prec = match op {
            BinOp::Or => 1,
            BinOp::Xor => 2,
            BinOp::And => 3,
            BinOp::LShift | BinOp::RShift => 4,
            BinOp::Add | BinOp::Sub => 5,
            BinOp::Pow => return None,
            _ => 6,
        };
        Some((op, prec))
    }

    /// Binary operators of precedence `min` and above, left-associative.
    fn bin(&mut self, min: u32) -> PResult<Expr> {
        let mut left = self.unary()?;
        let mut links = 0;
        while let Some((op, prec)) = self.bin_op() {
            if prec < min {
                break;
            }
            self.advance();
            self.link(&mut links)?;
            let right = self.bin(prec + 1)?;
            let pos = left.pos.to(right.pos);
            left = expr(ExprKind::Bin(Box::new(left), op, Box::new(right)), pos);
        }
        self.depth -= links;
        if self.is_op("@") {
            return Err(unsupported("the '@' operator is", self.pos()));
        }
        Ok(left)
    }

    fn unary(&mut self) -> PResult<Expr> {
        let op = match self.tok() {
            Tok::Op("-") => '-',
            Tok::Op("+") => '+',
            Tok::Op("~") => '~',
            _ => return self.power(),
        };
        let start = self.pos();
        self.advance();
        self.enter()?;
        let operand = self.unary();
        self.depth -= 1;
        let operand = operand?;
        let pos = start.to(operand.pos);
        if let (ExprKind::Const(Value::Int(i)), '-') = (&operand.kind, op) {
            return Ok(expr(ExprKind::Const(Value::Int(-i)), pos));
        }
        Ok(expr(ExprKind::Unary(op, Box::new(operand)), pos))
    }

    fn power(&mut self) -> PResult<Expr> {
        if self.is_kw("await") {
            return Err(unsupported("'await' expressions are", self.pos()));
        }
        let base = self.primary()?;
        if !self.eat_op("**") {
            return Ok(base);
        }
        self.enter()?;
        let exp = self.unary();
        self.depth -= 1;
        let exp = exp?;
        let pos = base.pos.to(exp.pos);
        Ok(expr(
            ExprKind::Bin(Box::new(base), BinOp::Pow, Box::new(exp)),
            pos,
        ))
    }

    fn primary(&mut self) -> PResult<Expr> {
        let mut e = self.atom()?;
        let mut links = 0;
        loop {
            let start = e.pos;
            if self.is_op(".") || self.is_op("(") || self.is_op("[") {
                self.link(&mut links)?;
            }
            if self.eat_op(".") {
                let name = self.name()?;
                e = expr(ExprKind::Attr(Box::new(e), name), start.to(self.prev_pos()));
            } else if self.is_op("(") {
                self.advance();
                let args = self.call_args()?;
                e = expr(ExprKind::Call(Box::new(e), args), start.to(self.prev_pos()));
            } else if self.is_op("[") {
                self.advance();
                let index = self.subscript()?;
                self.expect_op("]")?;
                e = expr(
                    ExprKind::Sub(Box::new(e), Box::new(index)),
                    start.to(self.prev_pos()),
                );
            } else {
                self.depth -= links;
                return Ok(e);
            }
        }
    }

    fn subscript(&mut self) -> PResult<Expr> {
        let first = self.slice_item()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") && !self.is_op("]") {
            items.push(self.slice_item()?);
        }
        let pos = items[0].pos.to(self.prev_pos());
        Ok(expr(ExprKind::Tuple(items), pos))
    }

    fn slice_item(&mut self) -> PResult<Expr> {
        let start = self.pos();
        let lower = if self.is_op(":") {
            None
        } else {
            Some(self.expr()?)
        };
        if !self.is_op(":") {
            return lower.ok_or_else(|| self.invalid());
        }
        let mut parts = [lower, None, None];
        for part in parts.iter_mut().skip(1) {
            if !self.eat_op(":") {
                break;
            }
            if !self.is_op(":") && !self.is_op("]") && !self.is_op(",") {
                *part = Some(self.expr()?);
            }
        }
        let [a, b, c] = parts;
        let pos = start.to(self.prev_pos());
        Ok(expr(
            ExprKind::Slice(a.map(Box::new), b.map(Box::new), c.map(Box::new)),
            pos,
        ))
    }

    fn call_args(&mut self) -> PResult<Vec<Arg>> {
        let mut args = vec![];
        while !self.eat_op(")") {
            let arg = if self.eat_op("**") {
                Arg::StarStar(self.expr()?)
            } else if self.eat_op("*") {
                Arg::Star(self.expr()?)
            } else if matches!(self.tok(), Tok::Name(_)) && matches!(self.peek_tok(1), Tok::Op("="))
            {
                let name = self.name()?;
                self.advance();
                Arg::Kw(name, self.expr()?)
            } else {
                let e = self.expr()?;
                if self.is_kw("for") {
                    let g = self.comprehension(CompKind::Gen, e, None)?;
                    Arg::Pos(g)
                } else {
                    self.no_missing_comma(&e)?;
                    Arg::Pos(e)
                }
            };
            args.push(arg);
            if !self.is_op(")") {
                self.expect_op(",")?;
            }
        }
        Ok(args)
    }

    /// CPython's `Perhaps you forgot a comma?` for two expressions side by side in brackets.
    fn no_missing_comma(&mut self, e: &Expr) -> PResult<()> {
        if !self.starts_expr(0) || matches!(self.tok(), Tok::Op(_)) {
            return Ok(());
        }
        let name_then_string =
            matches!(e.kind, ExprKind::Name(_)) && matches!(self.tok(), Tok::Str(_) | Tok::FStr(_));
        let save = self.p;
        let next = self.bin(1);
        match next {
            Ok(next) if !name_then_string => Err(SyntaxErr::at(
                "invalid syntax. Perhaps you forgot a comma?",
                e.pos.to(next.pos),
            )),
            _ => {
                self.p = save;
                Err(self.invalid())
            }
        }
    }

    fn atom(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let tok = self.tok().clone();
        let kind = match tok {
            Tok::Int(i) => ExprKind::Const(Value::Int(i)),
            Tok::Float(f) => ExprKind::Const(Value::Float(f)),
            Tok::Str(_) | Tok::FStr(_) => return self.strings(),
            Tok::Name(n) => match &*n {
                "True" => ExprKind::Const(Value::Bool(true)),
                "False" => ExprKind::Const(Value::Bool(false)),
                "None" => ExprKind::Const(Value::None),
                n if is_keyword(n) => return Err(self.invalid()),
                _ => ExprKind::Name(n),
            },
            Tok::Op("(") => return self.paren(),
            Tok::Op("[") => return self.list(),
            Tok::Op("{") => return self.braces(),
            Tok::Op("...") => return Err(unsupported("the Ellipsis ('...') is", pos)),
            Tok::Indent => {
                return Err(SyntaxErr {
                    pos: None,
                    ..SyntaxErr::at("unexpected indent", pos).indentation()
                });
            }
            _ => return Err(self.invalid()),
        };
        self.advance();
        Ok(expr(kind, pos))
    }

    /// Adjacent string literals, concatenated; f-strings make the result an f-string.
    fn strings(&mut self) -> PResult<Expr> {
        let start = self.pos();
        let mut pieces: Vec<FPiece> = vec![];
        let mut any_f = false;
        loop {
            match self.tok().clone() {
                Tok::Str(s) => push_lit(&mut pieces, &s),
                Tok::FStr(raw) => {
                    any_f = true;
                    for piece in raw {
                        self.fpiece(piece, &mut pieces)?;
                    }
                }
                _ => break,
            }
            self.advance();
        }
        let pos = start.to(self.prev_pos());
        if any_f {
            return Ok(expr(ExprKind::FStr(pieces), pos));
        }
        let text = match pieces.pop() {
            Some(FPiece::Lit(s)) => s,
            _ => Rc::from(""),
        };
        Ok(expr(ExprKind::Const(Value::Str(text)), pos))
    }

    fn fpiece(&mut self, raw: FRaw, out: &mut Vec<FPiece>) -> PResult<()> {
        match raw {
            FRaw::Lit(s) => push_lit(out, &s),
            FRaw::Field {
                src,
                line,
                col,
                conv,
                spec,
                debug,
            } => {
                if let Some(d) = &debug {
                    push_lit(out, d);
                }
                let chars: Vec<char> = src.chars().collect();
                let toks = tokenize_expr(&chars, line, col)?;
                let mut sub = Parser {
                    toks,
                    p: 0,
                    depth: self.depth + 1,
                    funcs: self.funcs.clone(),
                    loops: 0,
                };
                let e = sub.star_exprs().map_err(|e| sub.fstring_error(e))?;
                if !matches!(sub.tok(), Tok::End) {
                    return Err(sub.fstring_error(sub.invalid()));
                }
                let mut spec_pieces = vec![];
                for s in spec {
                    self.fpiece(s, &mut spec_pieces)?;
                }
                out.push(FPiece::Field {
                    expr: Box::new(e),
                    conv,
                    spec: spec_pieces,
                });
            }
        }
        Ok(())
    }

    fn paren(&mut self) -> PResult<Expr> {
        let start = self.pos();
        self.advance();
        if self.eat_op(")") {
            return Ok(expr(ExprKind::Tuple(vec![]), start.to(self.prev_pos())));
        }
        if self.is_kw("yield") {
            return Err(self.yield_error(self.pos()));
        }
        let first = self.star_or_expr()?;
        if self.is_kw("for") {
            let g = self.comprehension(CompKind::Gen, first, None)?;
            self.expect_op(")")?;
            return Ok(Expr {
                pos: start.to(self.prev_pos()),
                ..g
            });
        }
        if self.is_op(":=") {
            return Err(unsupported("assignment expressions (':=') are", self.pos()));
        }
        if self.eat_op(")") {
            return Ok(first);
        }
        self.no_missing_comma(&first)?;
        let items = self.rest_of_items(first, ")")?;
        Ok(expr(ExprKind::Tuple(items), start.to(self.prev_pos())))
    }

    /// After the first item of a display: `, item`... up to `close`.
    fn rest_of_items(&mut self, first: Expr, close: &str) -> PResult<Vec<Expr>> {
        let mut items = vec![first];
        loop {
            if self.eat_op(close) {
                return Ok(items);
            }
            self.expect_op(",")?;
            if self.eat_op(close) {
                return Ok(items);
            }
            let e = self.star_or_expr()?;
            self.no_missing_comma(&e)?;
            items.push(e);
        }
    }

    fn list(&mut self) -> PResult<Expr> {
        let start = self.pos();
        self.advance();
        if self.eat_op("]") {
            return Ok(expr(ExprKind::List(vec![]), start.to(self.prev_pos())));
        }
        let first = self.star_or_expr()?;
        if self.is_kw("for") {
            let c = self.comprehension(CompKind::List, first, None)?;
            self.expect_op("]")?;
            return Ok(Expr {
                pos: start.to(self.prev_pos()),
                ..c
            });
        }
        self.no_missing_comma(&first)?;
        let items = self.rest_of_items(first, "]")?;
        Ok(expr(ExprKind::List(items), start.to(self.prev_pos())))
    }

    fn braces(&mut self) -> PResult<Expr> {
        let start = self.pos();
        self.advance();
        if self.eat_op("}") {
            return Ok(expr(ExprKind::Dict(vec![]), start.to(self.prev_pos())));
        }
        if self.eat_op("**") {
            let spread = self.bin(1)?;
            return self.dict_rest(start, None, spread);
        }
        let first = self.star_or_expr()?;
        if self.eat_op(":") {
            let value = self.expr()?;
            if self.is_kw("for") {
                let c = self.comprehension(CompKind::Dict, first, Some(value))?;
                self.expect_op("}")?;
                return Ok(Expr {
                    pos: start.to(self.prev_pos()),
                    ..c
                });
            }
            return self.dict_rest(start, Some(first), value);
        }
        Err(super::token::unsupported("sets are", first.pos))
    }

    fn dict_rest(&mut self, start: Pos, key: Option<Expr>, value: Expr) -> PResult<Expr> {
        self.no_missing_comma(&value)?;
        let mut items = vec![(key, value)];
        loop {
            if self.eat_op("}") {
                return Ok(expr(ExprKind::Dict(items), start.to(self.prev_pos())));
            }
            self.expect_op(",")?;
            if self.eat_op("}") {
                return Ok(expr(ExprKind::Dict(items), start.to(self.prev_pos())));
            }
            if self.eat_op("**") {
                items.push((None, self.bin(1)?));
                continue;
            }
            let k = self.expr()?;
            if !self.eat_op(":") {
                return Err(self.invalid());
            }
            let v = self.expr()?;
            self.no_missing_comma(&v)?;
            items.push((Some(k), v));
        }
    }

    fn comprehension(&mut self, kind: CompKind, elt: Expr, value: Option<Expr>) -> PResult<Expr> {
        let mut clauses = vec![];
        while self.eat_kw("for") {
            let target = self.target_list()?;
            check_target(&target, "assign to", false)?;
            if !self.eat_kw("in") {
                return Err(self.invalid());
            }
            let iter = self.or_test()?;
            let mut conds = vec![];
            while self.eat_kw("if") {
                conds.push(self.or_test()?);
            }
            clauses.push(CompFor {
                target,
                iter,
                conds,
            });
        }
        if self.is_kw("async") {
            return Err(unsupported("asynchronous comprehensions are", self.pos()));
        }
        let pos = elt.pos.to(self.prev_pos());
        Ok(expr(
            ExprKind::Comp(kind, Box::new(elt), value.map(Box::new), clauses),
            pos,
        ))
    }
}

fn push_lit(pieces: &mut Vec<FPiece>, s: &str) {
    if let Some(FPiece::Lit(last)) = pieces.last_mut() {
        *last = Rc::from(format!("{last}{s}"));
    } else {
        pieces.push(FPiece::Lit(Rc::from(s)));
    }
}

/// What CPython calls an expression that cannot be a target.
fn target_kind(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Const(Value::Bool(true)) => "True",
        ExprKind::Const(Value::Bool(false)) => "False",
        ExprKind::Const(Value::None) => "None",
        ExprKind::Const(_) => "literal",
        ExprKind::FStr(_) => "f-string expression",
        ExprKind::Call(..) => "function call",
        ExprKind::Compare(..) => "comparison",
        ExprKind::IfExp(..) => "conditional expression",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Comp(CompKind::List, ..) => "list comprehension",
        ExprKind::Comp(CompKind::Dict, ..) => "dict comprehension",
        ExprKind::Comp(CompKind::Gen, ..) => "generator expression",
        ExprKind::Name(_) | ExprKind::Attr(..) | ExprKind::Sub(..) => "name",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        ExprKind::Starred(_) => "starred",
        _ => "expression",
    }
}

/// Checks an assignment (or `del`) target; `first` adds CPython's `Maybe you meant '=='` hint.
fn check_target(e: &Expr, verb: &str, first: bool) -> PResult<()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attr(..) | ExprKind::Sub(..) => Ok(()),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            let stars = items
                .iter()
                .filter(|t| matches!(t.kind, ExprKind::Starred(_)))
                .count();
            if stars > 1 {
                return Err(SyntaxErr::at(
                    "multiple starred expressions in assignment",
                    e.pos,
                ));
            }
            items.iter().try_for_each(|t| check_target(t, verb, false))
        }
        ExprKind::Starred(inner) if verb == "assign to" => check_target(inner, verb, false),
        _ => {
            let mut msg = format!("cannot {verb} {}", target_kind(e));
            if first && verb == "assign to" {
                msg.push_str(" here. Maybe you meant '==' instead of '='?");
            }
            Err(SyntaxErr::at(msg, e.pos))
        }
    }
}

/// Builds a function definition, working out which names its body makes local.
fn func_def(name: Rc<str>, qualname: Rc<str>, params: Vec<Param>, body: Vec<Stmt>) -> FuncDef {
    let mut bound: Vec<Rc<str>> = params.iter().map(|p| p.name.clone()).collect();
    let mut globals = vec![];
    collect_bound(&body, &mut bound, &mut globals);
    let mut locals: Vec<Rc<str>> = vec![];
    for n in bound {
        if !globals.contains(&n) && !locals.contains(&n) {
            locals.push(n);
        }
    }
    FuncDef {
        name,
        qualname,
        params,
        body,
        locals,
        globals,
    }
}

fn collect_bound(
    body: &[Stmt],
    out: &mut Vec<Rc<str>>,
    globals: &mut Vec<Rc<str>>,
) {
    for s in body {
        match &s.kind {
            StmtKind::Assign(targets, _) => targets.iter().for_each(|t| target_names(t, out)),
            StmtKind::AugAssign(t, ..) => target_names(t, out),
            StmtKind::For(t, _, b, e) | StmtKind::While(t, b, e) => {
                if matches!(s.kind, StmtKind::For(..)) {
                    target_names(t, out);
                }
                collect_bound(b, out, globals);
                collect_bound(e, out, globals);
            }
            StmtKind::If(branches, orelse) => {
                branches
                    .iter()
                    .for_each(|(_, b)| collect_bound(b, out, globals));
                collect_bound(orelse, out, globals);
            }
            StmtKind::Try(b, handlers, orelse, fin) => {
                for block in [b, orelse, fin] {
                    collect_bound(block, out, globals);
                }
                for h in handlers {
                    out.extend(h.name.clone());
                    collect_bound(&h.body, out, globals);
                }
            }
            StmtKind::Def(f) => out.push(f.name.clone()),
            StmtKind::Import(names) => {
                for (module, alias) in names {
                    let first = module.split('.').next().unwrap_or(module);
                    out.push(alias.clone().unwrap_or_else(|| Rc::from(first)));
                }
            }
            StmtKind::ImportFrom(_, names) => names
                .iter()
                .for_each(|(n, alias)| out.push(alias.clone().unwrap_or_else(|| n.clone()))),
            StmtKind::Del(targets) => targets.iter().for_each(|t| target_names(t, out)),
            StmtKind::Global(names) => globals.extend(names.iter().cloned()),
            _ => {}
        }
    }
}

fn target_names(t: &Expr, out: &mut Vec<Rc<str>>) {
    match &t.kind {
        ExprKind::Name(n) => out.push(n.clone()),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            items.iter().for_each(|i| target_names(i, out))
        }
        ExprKind::Starred(inner) => target_names(inner, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> (String, Option<(u32, u32, u32)>) {
        let e = parse_module(src).err().expect("should fail");
        (e.msg, e.pos.map(|p| (p.line, p.col, p.end_col)))
    }

    #[test]
    fn parses_the_default_worlds_main_py() {
        let src = "import sys\n\nimport numpy\n\nprint(\"numpy\", numpy.__version__, \"from\", numpy.__file__)\n";
        assert_eq!(parse_module(src).unwrap().len(), 3);
    }

    #[test]
    fn syntax_errors_point_where_cpython_points() {
        assert_eq!(
            err("print(1 +)"),
            ("invalid syntax".into(), Some((1, 9, 10)))
        );
        assert_eq!(
            err("print(1 2)"),
            (
                "invalid syntax. Perhaps you forgot a comma?".into(),
                Some((1, 6, 9))
            )
        );
        assert_eq!(
            err("for x in y\n  pass"),
            ("expected ':'".into(), Some((1, 10, 11)))
        );
        assert_eq!(err("x = 5 = 6").0, "cannot assign to literal");
        assert_eq!(
            err("f() = 1").0,
            "cannot assign to function call here. Maybe you meant '==' instead of '='?"
        );
        assert_eq!(
            err("if True:\npass").0,
            "expected an indented block after 'if' statement on line 1"
        );
        assert_eq!(err("x = 1 if 2").0, "expected 'else' after 'if' expression");
        assert_eq!(
            err("print \"hi\"").0,
            "Missing parentheses in call to 'print'. Did you mean print(...)?"
        );
        assert_eq!(
            err("class A: pass").0,
            "venvlab: 'class' statements are not supported in this simulation"
        );
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = format!("x = {}1{}", "(".repeat(5000), ")".repeat(5000));
        assert!(parse_module(&deep).is_err());
        let deep = format!("x = {}1", "-".repeat(5000));
        assert!(parse_module(&deep).is_err());
    }

    #[test]
    fn functions_know_their_locals() {
        let body = parse_module(
            "def f(a):\n    global g\n    b = 1\n    g = 2\n    for c, d in x: pass\n",
        )
        .unwrap();
        let StmtKind::Def(f) = &body[0].kind else {
            panic!("not a def")
        };
        let names: Vec<&str> = f.locals.iter().map(|n| &**n).collect();
        assert_eq!(names, ["a", "b", "c", "d"]);
    }
}
