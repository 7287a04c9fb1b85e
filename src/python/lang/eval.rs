//! The evaluator: runs statements and expressions of the syntax tree against modules and
//! function scopes, with CPython's name resolution (local, enclosing, global, built-in), calls
//! with positional, keyword, `*args` and `**kwargs` arguments, `try`/`except`/`finally`, imports
//! through the [`Host`], and the simulation's budgets (steps, call depth, nesting).

use super::ast::*;
use super::ops::{self, Walker};
use super::suggest;
use super::traceback::{Anchor, Exception, Loc};
use super::value::{DictObj, Function, IterObj, Module, Scope, Seq, Value};
use super::{Found, Host, Interpreter};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

/// Statements, loop iterations and calls a program may run before the simulation stops it.
pub const MAX_STEPS: u64 = 1_000_000;
/// Deepest Python call nesting (CPython's limit is 1000; the stack budget allows less).
pub const RECURSION_LIMIT: u32 = 200;
/// Stack the interpreter may use below its entry point before raising `RecursionError`
/// (WebAssembly's stack is 1 MiB by default).
pub const STACK_BUDGET: usize = 512 * 1024;

/// The result of a statement: carry on, or leave a loop or function.
pub(crate) enum Flow {
    Next,
    Break,
    Continue,
    Return(Value),
}

/// One running Python frame: its module, its locals (in a function) and where it is.
pub(crate) struct Ctx {
    pub module: Rc<Module>,
    pub scope: Option<Rc<Scope>>,
    pub def: Option<Rc<FuncDef>>,
    pub comp: Vec<Rc<Scope>>,
    pub filename: Rc<str>,
    pub name: Rc<str>,
    pub interactive: bool,
}

impl Ctx {
    /// The top-level frame of `module`.
    pub fn module(module: Rc<Module>, filename: &str) -> Ctx {
        Ctx {
            module,
            scope: None,
            def: None,
            comp: vec![],
            filename: Rc::from(filename),
            name: Rc::from("<module>"),
            interactive: false,
        }
    }
}

type R<T> = Result<T, Exception>;

/// The location of an expression for a traceback entry.
pub(crate) fn loc(e: &Expr) -> Loc {
    let anchor = match &e.kind {
        ExprKind::Bin(l, _, r) => Anchor::BinOp(l.pos.end_col, r.pos.col),
        ExprKind::Sub(v, i) => Anchor::Subscript(v.pos.end_col, i.pos.end_col),
        _ => Anchor::None,
    };
    Loc { pos: e.pos, anchor }
}

fn stmt_loc(s: &Stmt) -> Loc {
    Loc {
        pos: s.pos,
        anchor: Anchor::None,
    }
}

/// `TypeError` with a message.
pub(crate) fn type_error(msg: impl Into<String>) -> Exception {
    Exception::new("TypeError", msg)
}

impl Interpreter {
    /// Counts one step; past the budget the program stops with an error `except` cannot catch.
    pub(crate) fn tick(&mut self) -> R<()> {
        self.steps += 1;
        if self.steps > self.max_steps {
            let msg = format!(
                "venvlab: the program ran more than {} steps, a limit of this simulation",
                self.max_steps
            );
            return Err(Exception::limit("RuntimeError", msg));
        }
        Ok(())
    }

    /// Counts work proportional to `items` created or scanned (a quarter step each).
    pub(crate) fn charge(&mut self, items: usize) -> R<()> {
        self.steps += (items / 4) as u64;
        self.tick()
    }

    /// `RecursionError` once the Rust stack below the interpreter's entry passes the budget.
    pub(crate) fn stack_check(&self) -> R<()> {
        let here = 0u8;
        let used = self
            .stack_base
            .saturating_sub(std::hint::black_box(&here) as *const u8 as usize);
        if self.stack_base != 0 && used > STACK_BUDGET {
            return Err(Exception::new(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        Ok(())
    }

    pub(crate) fn exec_block(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        body: &[Stmt],
    ) -> R<Flow> {
        for s in body {
            match self.exec_stmt(host, ctx, s)? {
                Flow::Next => {}
                flow => return Ok(flow),
            }
        }
        Ok(Flow::Next)
    }

    fn exec_stmt(&mut self, host: &mut dyn Host, ctx: &mut Ctx, s: &Stmt) -> R<Flow> {
        self.tick()
            .and_then(|()| self.stack_check())
            .map_err(|e| e.locate(stmt_loc(s)))?;
        self.exec_kind(host, ctx, s)
            .map_err(|e| e.locate(stmt_loc(s)))
    }

    fn exec_kind(&mut self, host: &mut dyn Host, ctx: &mut Ctx, s: &Stmt) -> R<Flow> {
        match &s.kind {
            StmtKind::Expr(e) => self.expr_stmt(host, ctx, e)?,
            StmtKind::Assign(targets, value) => {
                let v = self.eval(host, ctx, value)?;
                for t in targets {
                    self.assign(host, ctx, t, v.clone())?;
                }
            }
            StmtKind::AugAssign(t, op, value) => self.aug_assign(host, ctx, t, *op, value)?,
            StmtKind::If(branches, orelse) => return self.exec_if(host, ctx, branches, orelse),
            StmtKind::While(cond, body, orelse) => {
                return self.exec_while(host, ctx, cond, body, orelse)
            }
            StmtKind::For(t, iter, body, orelse) => {
                return self.exec_for(host, ctx, t, iter, body, orelse)
            }
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Pass | StmtKind::Global(_) => {}
            StmtKind::Return(v) => {
                let v = match v {
                    Some(e) => self.eval(host, ctx, e)?,
                    None => Value::None,
                };
                return Ok(Flow::Return(v));
            }
            StmtKind::Def(def) => {
                let f = self.make_function(host, ctx, def)?;
                self.store(ctx, &def.name, f);
            }
            StmtKind::Import(names) => self.exec_import(host, ctx, names)?,
            StmtKind::ImportFrom(module, names) => {
                self.exec_import_from(host, ctx, module, names)?
            }
            StmtKind::Try(body, handlers, orelse, finally) => {
                return self.exec_try(host, ctx, body, handlers, orelse, finally)
            }
            StmtKind::Raise(exc, cause) => {
                return Err(self.exec_raise(host, ctx, exc.as_ref(), cause.as_ref())?)
            }
            StmtKind::Del(targets) => {
                for t in targets {
                    self.delete(host, ctx, t)?;
                }
            }
            StmtKind::Assert(test, msg) => self.exec_assert(host, ctx, test, msg.as_ref())?,
        }
        Ok(Flow::Next)
    }

    fn expr_stmt(&mut self, host: &mut dyn Host, ctx: &mut Ctx, e: &Expr) -> R<()> {
        let v = self.eval(host, ctx, e)?;
        if ctx.interactive && !matches!(v, Value::None) {
            let mut text = String::new();
            v.repr_into(&mut text, 0)?;
            text.push('\n');
            host.stdout(&text);
            self.builtins.set("_", v);
        }
        Ok(())
    }

    fn aug_assign(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        t: &Expr,
        op: BinOp,
        value: &Expr,
    ) -> R<()> {
        match &t.kind {
            ExprKind::Attr(obj, name) => {
                let obj = self.eval(host, ctx, obj)?;
                let old = self.get_attr(&obj, name).map_err(|e| e.locate(loc(t)))?;
                let rhs = self.eval(host, ctx, value)?;
                let new = ops::augmented(self, old, op, rhs)?;
                self.set_attr(&obj, name, new)
            }
            ExprKind::Sub(obj, index) => {
                let obj = self.eval(host, ctx, obj)?;
                let index = self.eval(host, ctx, index)?;
                let old = ops::get_item(&obj, &index).map_err(|e| e.locate(loc(t)))?;
                let rhs = self.eval(host, ctx, value)?;
                let new = ops::augmented(self, old, op, rhs)?;
                ops::set_item(self, &obj, index, new)
            }
            _ => {
                let old = self.eval(host, ctx, t)?;
                let rhs = self.eval(host, ctx, value)?;
                let new = ops::augmented(self, old, op, rhs)?;
                self.assign(host, ctx, t, new)
            }
        }
    }

    fn exec_if(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        branches: &[(Expr, Vec<Stmt>)],
        orelse: &[Stmt],
    ) -> R<Flow> {
        for (cond, body) in branches {
            if self.eval(host, ctx, cond)?.truthy() {
                return self.exec_block(host, ctx, body);
            }
        }
        self.exec_block(host, ctx, orelse)
    }

    fn exec_while(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        cond: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> R<Flow> {
        loop {
            self.tick()?;
            if !self.eval(host, ctx, cond)?.truthy() {
                return self.exec_block(host, ctx, orelse);
            }
            match self.exec_block(host, ctx, body)? {
                Flow::Break => return Ok(Flow::Next),
                Flow::Return(v) => return Ok(Flow::Return(v)),
                Flow::Next | Flow::Continue => {}
            }
        }
    }

    fn exec_for(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        t: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> R<Flow> {
        let iterable = self.eval(host, ctx, iter)?;
        let mut walker = Walker::new(&iterable)?;
        while let Some(item) = walker.next() {
            self.tick()?;
            self.assign(host, ctx, t, item)?;
            match self.exec_block(host, ctx, body)? {
                Flow::Break => return Ok(Flow::Next),
                Flow::Return(v) => return Ok(Flow::Return(v)),
                Flow::Next | Flow::Continue => {}
            }
        }
        self.exec_block(host, ctx, orelse)
    }

    fn exec_assert(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        test: &Expr,
        msg: Option<&Expr>,
    ) -> R<()> {
        if self.eval(host, ctx, test)?.truthy() {
            return Ok(());
        }
        let args = match msg {
            Some(m) => vec![self.eval(host, ctx, m)?],
            None => vec![],
        };
        Err(Exception::with_args("AssertionError", args))
    }

    #[allow(clippy::too_many_arguments)]
    fn exec_try(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        finally: &[Stmt],
    ) -> R<Flow> {
        let mut result = self.exec_block(host, ctx, body);
        match result {
            Err(e) if !e.is_fatal() => result = self.handle(host, ctx, handlers, e),
            Ok(Flow::Next) => result = self.exec_block(host, ctx, orelse),
            _ => {}
        }
        if finally.is_empty() || result.as_ref().is_err_and(Exception::is_fatal) {
            return result;
        }
        match self.exec_block(host, ctx, finally)? {
            Flow::Next => result,
            flow => Ok(flow),
        }
    }

    /// Runs the first `except` clause that matches `e`; re-raises `e` when none does.
    fn handle(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        handlers: &[Handler],
        e: Exception,
    ) -> R<Flow> {
        for h in handlers {
            if !self.matches(host, ctx, h, &e)? {
                continue;
            }
            if let Some(name) = &h.name {
                self.store(ctx, name, Value::Exception(Rc::new(e.clone())));
            }
            self.handling.push(e.clone());
            let r = self.exec_block(host, ctx, &h.body);
            self.handling.pop();
            if let Some(name) = &h.name {
                self.unbind(ctx, name);
            }
            let mut context = e;
            context.push_frame(&ctx.filename, &ctx.name);
            return r.map_err(|mut new| {
                new.set_context(&context);
                new
            });
        }
        Err(e)
    }

    fn matches(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        h: &Handler,
        e: &Exception,
    ) -> R<bool> {
        let Some(types) = &h.types else {
            return Ok(true);
        };
        let t = self.eval(host, ctx, types)?;
        let classes = match &t {
            Value::Tuple(items) => items.0.borrow().clone(),
            other => vec![other.clone()],
        };
        let mut hit = false;
        for c in &classes {
            match c {
                Value::Class(name) if super::traceback::exception_class(name).is_some() => {
                    hit |= e.is(name)
                }
                _ => {
                    return Err(type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ))
                }
            }
        }
        Ok(hit)
    }

    fn exec_raise(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        exc: Option<&Expr>,
        cause: Option<&Expr>,
    ) -> R<Exception> {
        let Some(exc) = exc else {
            return Ok(match self.handling.last() {
                Some(e) => e.clone(),
                None => Exception::new("RuntimeError", "No active exception to reraise"),
            });
        };
        let v = self.eval(host, ctx, exc)?;
        let mut e = self.exception_of(v)?;
        if e.loc().is_some() {
            e.push_frame(&ctx.filename, &ctx.name);
        }
        if let Some(c) = cause {
            let c = self.eval(host, ctx, c)?;
            let cause = match c {
                Value::None => None,
                c => {
                    let mut cause = self.exception_of(c)?;
                    cause.push_frame(&ctx.filename, &ctx.name);
                    Some(cause)
                }
            };
            e.set_cause(cause);
        }
        Ok(e)
    }

    /// The exception a `raise` of `v` raises.
    fn exception_of(&mut self, v: Value) -> R<Exception> {
        match v {
            Value::Exception(e) => Ok((*e).clone()),
            Value::Class(name) if super::traceback::exception_class(name).is_some() => {
                Ok(Exception::with_args(name, vec![]))
            }
            _ => Err(type_error("exceptions must derive from BaseException")),
        }
    }

    // ---- names ----

    pub(crate) fn load(&self, ctx: &Ctx, name: &str) -> R<Value> {
        for scope in ctx.comp.iter().rev() {
            if let Some(v) = scope.vars.borrow().get(name) {
                return Ok(v.clone());
            }
        }
        if let (Some(def), Some(scope)) = (&ctx.def, &ctx.scope) {
            if def.is_local(name) {
                return scope.vars.borrow().get(name).cloned().ok_or_else(|| {
                    let msg = format!("cannot access local variable '{name}' where it is not associated with a value");
                    Exception::new("UnboundLocalError", msg)
                });
            }
            if !def.globals.iter().any(|g| &**g == name) {
                let mut outer = scope.parent.clone();
                while let Some(s) = outer {
                    if let Some(v) = s.vars.borrow().get(name) {
                        return Ok(v.clone());
                    }
                    outer = s.parent.clone();
                }
            }
        }
        if let Some(v) = ctx.module.get(name).or_else(|| self.builtins.get(name)) {
            return Ok(v);
        }
        super::builtins::lookup(name).ok_or_else(|| self.name_error(ctx, name))
    }

    /// `NameError` with CPython's suggestion from the locals, globals and built-ins.
    fn name_error(&self, ctx: &Ctx, name: &str) -> Exception {
        let e = Exception::new("NameError", format!("name '{name}' is not defined"));
        let mut local: Vec<Rc<str>> = ctx
            .comp
            .iter()
            .flat_map(|s| s.vars.borrow().keys().cloned().collect::<Vec<_>>())
            .collect();
        if let Some(scope) = &ctx.scope {
            local.extend(scope.vars.borrow().keys().cloned());
        }
        let globals: Vec<Rc<str>> = ctx.module.vars.borrow().keys().cloned().collect();
        let found = suggest::closest(name, local.iter().map(|n| &**n))
            .or_else(|| suggest::closest(name, globals.iter().map(|n| &**n)))
            .or_else(|| suggest::closest(name, suggest::BUILTIN_NAMES.split(' ')));
        let forgot = suggest::is_stdlib(name);
        match (found, forgot) {
            (Some(s), true) => e.with_hint(format!(
                ". Did you mean: '{s}'? Or did you forget to import '{name}'"
            )),
            (Some(s), false) => e.with_hint(format!(". Did you mean: '{s}'?")),
            (None, true) => e.with_hint(format!(". Did you forget to import '{name}'?")),
            (None, false) => e,
        }
    }

    pub(crate) fn store(&mut self, ctx: &mut Ctx, name: &Rc<str>, v: Value) {
        if let (Some(def), Some(scope)) = (&ctx.def, &ctx.scope) {
            if !def.globals.contains(name) {
                scope.vars.borrow_mut().insert(name.clone(), v);
                return;
            }
        }
        ctx.module.vars.borrow_mut().insert(name.clone(), v);
    }

    /// Removes a name after an `except ... as name` block, as CPython does.
    fn unbind(&mut self, ctx: &mut Ctx, name: &str) {
        match (&ctx.def, &ctx.scope) {
            (Some(def), Some(scope)) if def.is_local(name) => {
                scope.vars.borrow_mut().remove(name);
            }
            _ => {
                ctx.module.vars.borrow_mut().remove(name);
            }
        }
    }

    fn delete_name(&mut self, ctx: &mut Ctx, name: &str) -> R<()> {
        let removed = match (&ctx.def, &ctx.scope) {
            (Some(def), Some(scope)) if def.is_local(name) => {
                scope.vars.borrow_mut().remove(name).is_some()
            }
            _ => ctx.module.vars.borrow_mut().remove(name).is_some(),
        };
        if removed {
            Ok(())
        } else {
            Err(Exception::new(
                "NameError",
                format!("name '{name}' is not defined"),
            ))
        }
    }

    // ---- targets ----

    pub(crate) fn assign(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        t: &Expr,
        v: Value,
    ) -> R<()> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.store(ctx, n, v);
                Ok(())
            }
            ExprKind::Attr(obj, name) => {
                let obj = self.eval(host, ctx, obj)?;
                self.set_attr(&obj, name, v).map_err(|e| e.locate(loc(t)))
            }
            ExprKind::Sub(obj, index) => {
                let obj = self.eval(host, ctx, obj)?;
                let index = self.eval(host, ctx, index)?;
                ops::set_item(self, &obj, index, v).map_err(|e| e.locate(loc(t)))
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let values = self
                    .unpack_targets(v, items)
                    .map_err(|e| e.locate(loc(t)))?;
                for (target, value) in items.iter().zip(values) {
                    let target = match &target.kind {
                        ExprKind::Starred(inner) => inner,
                        _ => target,
                    };
                    self.assign(host, ctx, target, value)?;
                }
                Ok(())
            }
            _ => Err(Exception::new("SyntaxError", "cannot assign to expression")),
        }
    }

    /// The values for unpacking targets, one `*name` taking a list of the rest.
    fn unpack_targets(&mut self, v: Value, targets: &[Expr]) -> R<Vec<Value>> {
        let Some(star) = targets
            .iter()
            .position(|t| matches!(t.kind, ExprKind::Starred(_)))
        else {
            return self.unpack(v, targets.len());
        };
        let mut values = self.collect(&v)?;
        let after = targets.len() - star - 1;
        if values.len() < targets.len() - 1 {
            let msg = format!(
                "not enough values to unpack (expected at least {}, got {})",
                targets.len() - 1,
                values.len()
            );
            return Err(Exception::new("ValueError", msg));
        }
        let tail = values.split_off(values.len() - after);
        let middle = values.split_off(star);
        values.push(Value::list(middle));
        values.extend(tail);
        Ok(values)
    }

    fn unpack(&mut self, v: Value, n: usize) -> R<Vec<Value>> {
        let mut walker = Walker::new(&v)?;
        let mut out = Vec::with_capacity(n);
        while let Some(item) = walker.next() {
            if out.len() == n {
                return Err(Exception::new(
                    "ValueError",
                    format!("too many values to unpack (expected {n})"),
                ));
            }
            out.push(item);
        }
        if out.len() < n {
            let msg = format!(
                "not enough values to unpack (expected {n}, got {})",
                out.len()
            );
            return Err(Exception::new("ValueError", msg));
        }
        Ok(out)
    }

    fn delete(&mut self, host: &mut dyn Host, ctx: &mut Ctx, t: &Expr) -> R<()> {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(ctx, n).map_err(|e| e.locate(loc(t))),
            ExprKind::Sub(obj, index) => {
                let obj = self.eval(host, ctx, obj)?;
                let index = self.eval(host, ctx, index)?;
                ops::del_item(&obj, &index).map_err(|e| e.locate(loc(t)))
            }
            ExprKind::Attr(obj, name) => {
                let obj = self.eval(host, ctx, obj)?;
                match &obj {
                    Value::Module(m) if m.vars.borrow_mut().remove(&**name).is_some() => Ok(()),
                    _ => Err(super::methods::no_attribute(&obj, name).locate(loc(t))),
                }
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.delete(host, ctx, i))
            }
            _ => Err(Exception::new("SyntaxError", "cannot delete expression")),
        }
    }

    // ---- expressions ----

    pub(crate) fn eval(&mut self, host: &mut dyn Host, ctx: &mut Ctx, e: &Expr) -> R<Value> {
        match &e.kind {
            ExprKind::Const(v) => Ok(v.clone()),
            ExprKind::Name(n) => self.load(ctx, n).map_err(|x| x.locate(loc(e))),
            _ => {
                self.stack_check()?;
                self.eval_compound(host, ctx, e)
            }
        }
    }

    fn eval_compound(&mut self, host: &mut dyn Host, ctx: &mut Ctx, e: &Expr) -> R<Value> {
        let located = |r: R<Value>| r.map_err(|x| x.locate(loc(e)));
        match &e.kind {
            ExprKind::Bin(l, op, r) => {
                let a = self.eval(host, ctx, l)?;
                let b = self.eval(host, ctx, r)?;
                located(ops::binary(self, a, *op, b))
            }
            ExprKind::Call(f, args) => self.eval_call(host, ctx, e, f, args),
            ExprKind::Attr(obj, name) => {
                let obj = self.eval(host, ctx, obj)?;
                located(self.get_attr(&obj, name))
            }
            ExprKind::Sub(obj, index) => {
                let obj = self.eval(host, ctx, obj)?;
                let index = self.eval(host, ctx, index)?;
                self.charge(ops::size(&obj))?;
                located(ops::get_item(&obj, &index))
            }
            ExprKind::Compare(first, rest) => self.eval_compare(host, ctx, e, first, rest),
            ExprKind::BoolOp(is_and, l, r) => {
                let a = self.eval(host, ctx, l)?;
                if a.truthy() == *is_and {
                    self.eval(host, ctx, r)
                } else {
                    Ok(a)
                }
            }
            ExprKind::Not(x) => Ok(Value::Bool(!self.eval(host, ctx, x)?.truthy())),
            ExprKind::Unary(op, x) => {
                let v = self.eval(host, ctx, x)?;
                located(ops::unary(*op, v))
            }
            ExprKind::IfExp(cond, a, b) => {
                let branch = if self.eval(host, ctx, cond)?.truthy() {
                    a
                } else {
                    b
                };
                self.eval(host, ctx, branch)
            }
            _ => self.eval_display(host, ctx, e),
        }
    }

    #[inline(never)]
    fn eval_display(&mut self, host: &mut dyn Host, ctx: &mut Ctx, e: &Expr) -> R<Value> {
        match &e.kind {
            ExprKind::List(items) => Ok(Value::list(self.eval_items(host, ctx, items)?)),
            ExprKind::Tuple(items) => Ok(Value::tuple(self.eval_items(host, ctx, items)?)),
            ExprKind::Dict(items) => self.eval_dict(host, ctx, items),
            ExprKind::FStr(pieces) => {
                let mut out = String::new();
                self.eval_fstring(host, ctx, pieces, &mut out)?;
                Ok(Value::str(&out))
            }
            ExprKind::Lambda(def) => self.make_function(host, ctx, def),
            ExprKind::Comp(kind, elt, value, clauses) => {
                self.eval_comp(host, ctx, *kind, elt, value.as_deref(), clauses)
            }
            ExprKind::Slice(a, b, c) => {
                let mut part = |p: &Option<Box<Expr>>| match p {
                    Some(x) => self.eval(host, ctx, x),
                    None => Ok(Value::None),
                };
                let parts = vec![part(a)?, part(b)?, part(c)?];
                Ok(Value::Iter(Rc::new(IterObj {
                    kind: "slice",
                    items: Seq(RefCell::new(parts)),
                    pos: Cell::new(0),
                })))
            }
            ExprKind::Starred(_) => Err(Exception::new(
                "SyntaxError",
                "can't use starred expression here",
            )),
            _ => Err(Exception::new("SystemError", "unexpected expression")),
        }
    }

    /// Evaluates display items, expanding `*iterable`.
    fn eval_items(&mut self, host: &mut dyn Host, ctx: &mut Ctx, items: &[Expr]) -> R<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if let ExprKind::Starred(inner) = &item.kind {
                let v = self.eval(host, ctx, inner)?;
                out.extend(self.collect(&v).map_err(|x| x.locate(loc(item)))?);
            } else {
                out.push(self.eval(host, ctx, item)?);
            }
        }
        self.charge(out.len())?;
        Ok(out)
    }

    fn eval_dict(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        items: &[(Option<Expr>, Expr)],
    ) -> R<Value> {
        let d = ops::new_dict();
        for (k, v) in items {
            match k {
                Some(k) => {
                    let key = self.eval(host, ctx, k)?;
                    let value = self.eval(host, ctx, v)?;
                    ops::dict_set(&d, key, value).map_err(|x| x.locate(loc(k)))?;
                }
                None => {
                    let other = self.eval(host, ctx, v)?;
                    ops::dict_update(self, &d, &other)?;
                }
            }
        }
        Ok(Value::Dict(d))
    }

    fn eval_compare(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        e: &Expr,
        first: &Expr,
        rest: &[(CmpOp, Expr)],
    ) -> R<Value> {
        let mut left = self.eval(host, ctx, first)?;
        for (op, right) in rest {
            let right = self.eval(host, ctx, right)?;
            if !ops::compare(self, &left, *op, &right).map_err(|x| x.locate(loc(e)))? {
                return Ok(Value::Bool(false));
            }
            left = right;
        }
        Ok(Value::Bool(true))
    }

    fn eval_fstring(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        pieces: &[FPiece],
        out: &mut String,
    ) -> R<()> {
        for piece in pieces {
            match piece {
                FPiece::Lit(s) => out.push_str(s),
                FPiece::Field { expr, conv, spec } => {
                    let v = self.eval(host, ctx, expr)?;
                    let v = match conv {
                        Some('r') | Some('a') => Value::str(&ops::repr(&v)?),
                        Some(_) => Value::str(&v.to_str()?),
                        None => v,
                    };
                    let mut spec_text = String::new();
                    self.eval_fstring(host, ctx, spec, &mut spec_text)?;
                    out.push_str(
                        &super::format::format_value(&v, &spec_text)
                            .map_err(|x| x.locate(loc(expr)))?,
                    );
                }
            }
            if out.len() > ops::MAX_LEN {
                return Err(ops::too_big("str", out.len()));
            }
        }
        Ok(())
    }

    fn eval_comp(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        kind: CompKind,
        elt: &Expr,
        value: Option<&Expr>,
        clauses: &[CompFor],
    ) -> R<Value> {
        let parent = ctx.comp.last().or(ctx.scope.as_ref()).cloned();
        ctx.comp.push(Rc::new(Scope {
            vars: RefCell::new(BTreeMap::new()),
            parent,
        }));
        let mut acc = Vec::new();
        let r = self.comp_level(host, ctx, (elt, value), clauses, &mut acc);
        ctx.comp.pop();
        r?;
        match kind {
            CompKind::List => Ok(Value::list(acc)),
            CompKind::Gen => Ok(ops::new_iter("generator", acc)),
            CompKind::Dict => {
                let d = ops::new_dict();
                let mut it = acc.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    ops::dict_set(&d, k, v)?;
                }
                Ok(Value::Dict(d))
            }
        }
    }

    fn comp_level(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        out_exprs: (&Expr, Option<&Expr>),
        clauses: &[CompFor],
        acc: &mut Vec<Value>,
    ) -> R<()> {
        let Some((clause, rest)) = clauses.split_first() else {
            acc.push(self.eval(host, ctx, out_exprs.0)?);
            if let Some(v) = out_exprs.1 {
                acc.push(self.eval(host, ctx, v)?);
            }
            if acc.len() > ops::MAX_LEN {
                return Err(ops::too_big("list", acc.len()));
            }
            return Ok(());
        };
        let iterable = self.eval(host, ctx, &clause.iter)?;
        let mut walker = Walker::new(&iterable).map_err(|x| x.locate(loc(&clause.iter)))?;
        'items: while let Some(item) = walker.next() {
            self.tick()?;
            self.bind_comp(host, ctx, &clause.target, item)?;
            for cond in &clause.conds {
                if !self.eval(host, ctx, cond)?.truthy() {
                    continue 'items;
                }
            }
            self.comp_level(host, ctx, out_exprs, rest, acc)?;
        }
        Ok(())
    }

    fn bind_comp(&mut self, host: &mut dyn Host, ctx: &mut Ctx, t: &Expr, v: Value) -> R<()> {
        match &t.kind {
            ExprKind::Name(n) => {
                if let Some(scope) = ctx.comp.last() {
                    scope.vars.borrow_mut().insert(n.clone(), v);
                }
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let values = self.unpack(v, items.len()).map_err(|e| e.locate(loc(t)))?;
                for (target, value) in items.iter().zip(values) {
                    self.bind_comp(host, ctx, target, value)?;
                }
                Ok(())
            }
            _ => self.assign(host, ctx, t, v),
        }
    }

    fn make_function(&mut self, host: &mut dyn Host, ctx: &mut Ctx, def: &Rc<FuncDef>) -> R<Value> {
        let mut defaults = Vec::new();
        for p in &def.params {
            defaults.push(match &p.default {
                Some(d) => self.eval(host, ctx, d)?,
                None => Value::None,
            });
        }
        Ok(Value::Function(Rc::new(Function {
            def: def.clone(),
            defaults: Seq(RefCell::new(defaults)),
            module: ctx.module.clone(),
            closure: ctx.comp.last().or(ctx.scope.as_ref()).cloned(),
            filename: ctx.filename.clone(),
        })))
    }

    // ---- calls ----

    fn eval_call(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        e: &Expr,
        f: &Expr,
        args: &[Arg],
    ) -> R<Value> {
        let callee = self.eval(host, ctx, f)?;
        let mut pos = Vec::with_capacity(args.len());
        let mut kw: Vec<(Rc<str>, Value)> = vec![];
        for a in args {
            match a {
                Arg::Pos(x) => pos.push(self.eval(host, ctx, x)?),
                Arg::Star(x) => {
                    let v = self.eval(host, ctx, x)?;
                    pos.extend(self.collect(&v).map_err(|err| err.locate(loc(x)))?);
                }
                Arg::Kw(name, x) => kw.push((name.clone(), self.eval(host, ctx, x)?)),
                Arg::StarStar(x) => {
                    let v = self.eval(host, ctx, x)?;
                    kw.extend(ops::kwargs_of(&v).map_err(|err| err.locate(loc(x)))?);
                }
            }
        }
        self.call(host, &callee, pos, kw)
            .map_err(|x| x.locate(loc(e)))
    }

    /// Calls any callable value.
    pub(crate) fn call(
        &mut self,
        host: &mut dyn Host,
        f: &Value,
        args: Vec<Value>,
        kw: Vec<(Rc<str>, Value)>,
    ) -> R<Value> {
        self.tick()?;
        match f {
            Value::Function(func) => self.call_function(host, func, args, kw),
            Value::Builtin(name) => self.call_builtin(host, name, args, kw),
            Value::Class(name) => self.construct(host, name, args, kw),
            Value::Method(m) => self.call_method(host, &m.recv, m.name, args, kw),
            Value::NativeFunction(_, native) => {
                let kw: Vec<(String, Value)> =
                    kw.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
                native(host, &args, &kw)
            }
            other => Err(type_error(format!(
                "'{}' object is not callable",
                other.type_name()
            ))),
        }
    }

    fn call_function(
        &mut self,
        host: &mut dyn Host,
        f: &Rc<Function>,
        args: Vec<Value>,
        kw: Vec<(Rc<str>, Value)>,
    ) -> R<Value> {
        self.stack_check()?;
        if self.depth >= RECURSION_LIMIT {
            return Err(Exception::new(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        let vars = super::builtins::bind_args(f, args, kw)?;
        let scope = Rc::new(Scope {
            vars: RefCell::new(vars),
            parent: f.closure.clone(),
        });
        let mut ctx = Ctx {
            module: f.module.clone(),
            scope: Some(scope),
            def: Some(f.def.clone()),
            comp: vec![],
            filename: f.filename.clone(),
            name: f.def.name.clone(),
            interactive: false,
        };
        self.depth += 1;
        let r = self.exec_block(host, &mut ctx, &f.def.body);
        self.depth -= 1;
        match r {
            Ok(Flow::Return(v)) => Ok(v),
            Ok(_) => Ok(Value::None),
            Err(mut e) => {
                e.push_frame(&ctx.filename, &ctx.name);
                Err(e)
            }
        }
    }

    /// All items of an iterable, within the simulation's size limit.
    pub(crate) fn collect(&mut self, v: &Value) -> R<Vec<Value>> {
        let mut walker = Walker::new(v)?;
        let mut out = Vec::new();
        while let Some(item) = walker.next() {
            out.push(item);
            if out.len() > ops::MAX_LEN {
                return Err(ops::too_big("list", out.len()));
            }
        }
        self.charge(out.len())?;
        Ok(out)
    }

    // ---- modules ----

    /// Runs a module's source in `module`; errors carry the module's `<module>` frame.
    pub(crate) fn exec_source(
        &mut self,
        host: &mut dyn Host,
        module: &Rc<Module>,
        src: &str,
        filename: &str,
        interactive: bool,
    ) -> R<()> {
        let body = super::parse::parse_module(src)
            .map_err(|e| Exception::from_syntax(&e, filename, src))?;
        if !filename.starts_with('<') {
            self.sources.insert(Rc::from(filename), Value::str(src));
        }
        let mut ctx = Ctx::module(module.clone(), filename);
        ctx.interactive = interactive;
        match self.exec_block(host, &mut ctx, &body) {
            Ok(_) => Ok(()),
            Err(mut e) => {
                e.push_frame(&ctx.filename, &ctx.name);
                Err(e)
            }
        }
    }

    fn sys_path(&self) -> Vec<String> {
        let path = self.module("sys").and_then(|m| m.get("path"));
        path.and_then(|p| p.as_list())
            .map(|items| {
                items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Imports `dotted` (and its parent packages first); returns the module it names.
    pub(crate) fn import(&mut self, host: &mut dyn Host, dotted: &str) -> R<Rc<Module>> {
        let mut parent: Option<Rc<Module>> = None;
        let mut end = 0;
        loop {
            end = dotted[end..].find('.').map_or(dotted.len(), |i| end + i);
            let name = &dotted[..end];
            let last = &name[name.rfind('.').map_or(0, |i| i + 1)..];
            let module = match (
                self.module(name),
                parent.as_ref().and_then(|p| p.get(last)),
            ) {
                (Some(m), _) => m,
                (None, Some(Value::Module(m))) => self.add_module(name, m),
                _ => self.load_module(host, name, parent.as_ref())?,
            };
            if let Some(p) = &parent {
                p.set(last, Value::Module(module.clone()));
            }
            if end == dotted.len() {
                return Ok(module);
            }
            parent = Some(module);
            end += 1;
        }
    }

    pub(crate) fn find(&mut self, host: &mut dyn Host, name: &str, parent: Option<&Rc<Module>>) -> R<Found> {
        let search = match parent {
            None => self.sys_path(),
            Some(p) => match p.get("__path__").and_then(|v| v.as_list()) {
                Some(dirs) => dirs
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
                None if p.get("__file__").is_some() => {
                    let msg = format!("No module named '{name}'; '{}' is not a package", p.name);
                    return Err(Exception::new("ModuleNotFoundError", msg));
                }
                None => vec![],
            },
        };
        host.find_module(name, &search).ok_or_else(|| {
            Exception::new("ModuleNotFoundError", format!("No module named '{name}'"))
        })
    }

    fn load_module(
        &mut self,
        host: &mut dyn Host,
        name: &str,
        parent: Option<&Rc<Module>>,
    ) -> R<Rc<Module>> {
        let found = self.find(host, name, parent)?;
        self.load_found(host, name, name, found)
    }

    /// Creates module `name` from what the host found and runs its source, registered in
    /// `sys.modules` under `key` while it runs (so circular imports see it).
    pub(crate) fn load_found(
        &mut self,
        host: &mut dyn Host,
        name: &str,
        key: &str,
        found: Found,
    ) -> R<Rc<Module>> {
        let (path, text, is_package) = match found {
            Found::Native(native) => {
                let m = Rc::new(Module::new(name));
                for (k, v) in native.attrs {
                    m.set(&k, v);
                }
                return Ok(self.add_module(key, m));
            }
            Found::Source {
                path,
                text,
                is_package,
            } => (path, text, is_package),
        };
        let m = Rc::new(Module::new(name));
        m.set("__file__", Value::str(&path));
        if is_package {
            let dir = path.rfind('/').map_or("", |i| &path[..i]);
            m.set("__path__", Value::list(vec![Value::str(dir)]));
        }
        self.add_module(key, m.clone());
        if let Err(e) = self.exec_source(host, &m, &text, &path, false) {
            self.modules.remove(key);
            return Err(e);
        }
        Ok(m)
    }

    fn exec_import(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        names: &[(Rc<str>, Option<Rc<str>>)],
    ) -> R<()> {
        for (dotted, alias) in names {
            let leaf = self.import(host, dotted)?;
            match alias {
                Some(a) => self.store(ctx, a, Value::Module(leaf)),
                None => {
                    let top: Rc<str> = Rc::from(dotted.split('.').next().unwrap_or(dotted));
                    let m = Value::Module(self.module(&top).unwrap_or(leaf));
                    self.store(ctx, &top, m);
                }
            }
        }
        Ok(())
    }

    fn exec_import_from(
        &mut self,
        host: &mut dyn Host,
        ctx: &mut Ctx,
        module: &str,
        names: &[(Rc<str>, Option<Rc<str>>)],
    ) -> R<()> {
        let m = self.import(host, module)?;
        if names.len() == 1 && &*names[0].0 == "*" {
            // Every public name (those not starting with `_`) of the module.
            let public: Vec<(Rc<str>, Value)> =
                m.vars.borrow().iter().filter(|(k, _)| !k.starts_with('_')).map(|(k, v)| (k.clone(), v.clone())).collect();
            for (name, value) in public {
                self.store(ctx, &name, value);
            }
            return Ok(());
        }
        for (name, alias) in names {
            let v = match m.get(name) {
                Some(v) => v,
                None => self.import_submodule(host, &m, module, name)?,
            };
            self.store(ctx, alias.as_ref().unwrap_or(name), v);
        }
        Ok(())
    }

    fn import_submodule(
        &mut self,
        host: &mut dyn Host,
        m: &Rc<Module>,
        module: &str,
        name: &str,
    ) -> R<Value> {
        let full = format!("{module}.{name}");
        let sub = if m.get("__path__").is_some() {
            self.import(host, &full).ok()
        } else {
            None
        };
        match sub {
            Some(s) => Ok(Value::Module(s)),
            None => {
                let place = match m.get("__file__") {
                    Some(Value::Str(f)) => f.to_string(),
                    _ => "unknown location".to_string(),
                };
                let e = Exception::new(
                    "ImportError",
                    format!("cannot import name '{name}' from '{module}' ({place})"),
                );
                let names = Interpreter::module_names(m);
                match suggest::closest(name, names.iter().filter_map(Value::as_str)) {
                    Some(s) => Err(e.with_hint(format!(". Did you mean: '{s}'?"))),
                    None => Err(e),
                }
            }
        }
    }

    /// The module `sys.modules[name]`.
    pub(crate) fn module(&self, name: &str) -> Option<Rc<Module>> {
        match self.modules.get(name)? {
            Value::Module(m) => Some(m.clone()),
            _ => None,
        }
    }

    /// Sets `sys.modules[name]` and returns the module.
    pub(crate) fn add_module(&mut self, name: &str, m: Rc<Module>) -> Rc<Module> {
        self.modules.insert(Rc::from(name), Value::Module(m.clone()));
        m
    }

    /// A fresh `__main__` module.
    pub(crate) fn new_main(&mut self, filename: Option<&str>) -> Rc<Module> {
        let m = Rc::new(Module::new("__main__"));
        if let Some(f) = filename {
            m.set("__file__", Value::str(f));
        }
        self.add_module("__main__", m)
    }

    /// Names bound in a module, in order (for `dir()`).
    pub(crate) fn module_names(m: &Module) -> Vec<Value> {
        let vars: std::cell::Ref<'_, BTreeMap<Rc<str>, Value>> = m.vars.borrow();
        vars.keys().map(|k| Value::Str(k.clone())).collect()
    }

    /// A dict of keyword arguments, for `**kwargs`.
    pub(crate) fn kw_dict(kw: Vec<(Rc<str>, Value)>) -> R<Rc<DictObj>> {
        let d = ops::new_dict();
        for (k, v) in kw {
            ops::dict_set(&d, Value::Str(k), v)?;
        }
        Ok(d)
    }
}
