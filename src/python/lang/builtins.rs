//! Built-in functions and classes (`print`, `len`, `sorted`, `int`, `dict`, `range`,
//! `isinstance`, `input`, `exit`...) and argument binding for Python functions. Built-ins that
//! exist in CPython but not in this simulation raise an error that says so.

use super::ops::{self, new_iter, Walker};
use super::traceback::{exception_class, Exception};
use super::value::{Function, Value, TWO_127};
use super::{Host, Interpreter};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::rc::Rc;

type R<T> = Result<T, Exception>;
type Kw = Vec<(Rc<str>, Value)>;

const FUNCTIONS: [&str; 37] = [
    "print",
    "len",
    "repr",
    "ascii",
    "abs",
    "min",
    "max",
    "sum",
    "sorted",
    "reversed",
    "enumerate",
    "zip",
    "isinstance",
    "issubclass",
    "input",
    "exit",
    "quit",
    "round",
    "map",
    "filter",
    "any",
    "all",
    "chr",
    "ord",
    "hex",
    "oct",
    "bin",
    "format",
    "divmod",
    "pow",
    "hash",
    "id",
    "iter",
    "next",
    "callable",
    "getattr",
    "dir",
];
const MORE_FUNCTIONS: [&str; 2] = ["setattr", "hasattr"];
/// Built-ins that [`Interpreter::introspect`] runs (a slice is one loop; a pattern of names
/// would compare each in line).
const INTROSPECTION: [&str; 7] = ["getattr", "hasattr", "setattr", "dir", "callable", "isinstance", "issubclass"];
/// Built-ins that [`Interpreter::iteration`] runs.
const ITERATION: [&str; 5] = ["enumerate", "zip", "reversed", "iter", "next"];
/// Built-ins that `text_numeric` runs.
const TEXT_NUMERIC: [&str; 5] = ["chr", "ord", "hex", "oct", "bin"];
const CLASSES: [&str; 10] = [
    "int", "float", "str", "bool", "list", "tuple", "dict", "range", "type", "object",
];
const UNSUPPORTED: [&str; 22] = [
    "set",
    "open",
    "help",
    "eval",
    "exec",
    "compile",
    "globals",
    "locals",
    "vars",
    "__import__",
    "breakpoint",
    "memoryview",
    "bytearray",
    "bytes",
    "frozenset",
    "complex",
    "super",
    "property",
    "staticmethod",
    "classmethod",
    "delattr",
    "slice",
];

/// The built-in a name refers to, if any.
pub fn lookup(name: &str) -> Option<Value> {
    let find = |list: &[&'static str]| list.iter().find(|n| **n == name).copied();
    if let Some(n) = find(&FUNCTIONS)
        .or_else(|| find(&MORE_FUNCTIONS))
        .or_else(|| find(&UNSUPPORTED))
    {
        return Some(Value::Builtin(n));
    }
    if name == "__name__" {
        return Some(Value::str("builtins"));
    }
    find(&CLASSES)
        .or_else(|| exception_class(name))
        .map(Value::Class)
}

fn arg_error(name: &str, msg: &str) -> Exception {
    Exception::new("TypeError", format!("{name}() {msg}"))
}

/// Checks a built-in got between `min` and `max` positional arguments and no unknown keywords.
fn check(
    name: &str,
    args: &[Value],
    kw: &[(Rc<str>, Value)],
    min: usize,
    max: usize,
    keywords: &[&str],
) -> R<()> {
    if let Some((k, _)) = kw.iter().find(|(k, _)| !keywords.contains(&&**k)) {
        return Err(if keywords.is_empty() {
            arg_error(name, "takes no keyword arguments")
        } else {
            arg_error(name, &format!("got an unexpected keyword argument '{k}'"))
        });
    }
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max && min == 1 {
        format!("takes exactly one argument ({n} given)")
    } else if n < min {
        format!(
            "expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    };
    Err(arg_error(name, &msg))
}

fn kwarg(kw: &[(Rc<str>, Value)], name: &str) -> Option<Value> {
    kw.iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
}

fn int_arg(v: &Value) -> R<i64> {
    if v.as_i128().is_some() && v.as_int().is_none() {
        return Err(Exception::new(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        ));
    }
    v.as_int().ok_or_else(|| {
        Exception::new(
            "TypeError",
            format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            ),
        )
    })
}

fn str_arg<'a>(name: &str, v: &'a Value) -> R<&'a str> {
    v.as_str().ok_or_else(|| {
        arg_error(
            name,
            &format!("argument must be str, not {}", v.type_name()),
        )
    })
}

impl Interpreter {
    /// Calls the built-in function `name`.
    pub(crate) fn call_builtin(
        &mut self,
        host: &mut dyn Host,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        match name {
            "print" => self.print(host, &args, &kw),
            "input" => input(host, &args, &kw),
            "exit" | "quit" => {
                check(name, &args, &kw, 0, 1, &["code"])?;
                let code = args
                    .into_iter()
                    .next()
                    .or_else(|| kwarg(&kw, "code"))
                    .unwrap_or(Value::None);
                Err(Exception::system_exit(code))
            }
            "len" => {
                check(name, &args, &kw, 1, 1, &[])?;
                len(&args[0]).map(|n| Value::Int(n.into()))
            }
            "repr" | "ascii" => {
                check(name, &args, &kw, 1, 1, &[])?;
                Ok(Value::str(&ops::repr(&args[0])?))
            }
            "min" | "max" => self.min_max(host, name, args, &kw),
            "sum" => self.sum(args, &kw),
            "sorted" => {
                check(name, &args, &kw, 1, 1, &["key", "reverse"])?;
                let items = self.collect(&args[0])?;
                Ok(Value::list(self.sort(host, items, &kw)?))
            }
            "map" | "filter" => self.map_filter(host, name, args, &kw),
            "any" | "all" => {
                check(name, &args, &kw, 1, 1, &[])?;
                let items = self.collect(&args[0])?;
                let want = name == "any";
                Ok(Value::Bool(if want {
                    items.iter().any(Value::truthy)
                } else {
                    items.iter().all(Value::truthy)
                }))
            }
            _ if INTROSPECTION.contains(&name) => self.introspect(name, args, &kw),
            _ if ITERATION.contains(&name) => self.iteration(name, args, &kw),
            _ => self.numeric(name, args, &kw),
        }
    }

    fn print(&mut self, host: &mut dyn Host, args: &[Value], kw: &Kw) -> R<Value> {
        check("print", &[], kw, 0, 0, &["sep", "end", "file", "flush"])?;
        let text_or = |key: &str, default: &str| -> R<String> {
            match kwarg(kw, key) {
                None | Some(Value::None) => Ok(default.to_string()),
                Some(Value::Str(s)) => Ok(s.to_string()),
                Some(v) => Err(Exception::new(
                    "TypeError",
                    format!("{key} must be None or a string, not {}", v.type_name()),
                )),
            }
        };
        let (sep, end) = (text_or("sep", " ")?, text_or("end", "\n")?);
        let mut out = String::new();
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            out.push_str(&a.to_str()?);
        }
        out.push_str(&end);
        self.charge(out.len() / 16)?;
        write_to(host, kwarg(kw, "file").unwrap_or(Value::None), &out)
    }

    fn min_max(&mut self, host: &mut dyn Host, name: &str, args: Vec<Value>, kw: &Kw) -> R<Value> {
        check(name, &args, kw, 1, usize::MAX, &["key", "default"])?;
        let items = if args.len() == 1 {
            self.collect(&args[0])?
        } else {
            args
        };
        if items.is_empty() {
            return kwarg(kw, "default").ok_or_else(|| {
                Exception::new("ValueError", format!("{name}() iterable argument is empty"))
            });
        }
        let keys = self.keys(host, &items, kw)?;
        let mut best = 0;
        for i in 1..items.len() {
            let o = ops::order(&keys[i], &keys[best], if name == "min" { "<" } else { ">" })?;
            if (name == "min" && o == Ordering::Less) || (name == "max" && o == Ordering::Greater) {
                best = i;
            }
        }
        Ok(items[best].clone())
    }

    /// The sort keys of `items` (the items themselves without `key=`).
    fn keys(&mut self, host: &mut dyn Host, items: &[Value], kw: &Kw) -> R<Vec<Value>> {
        match kwarg(kw, "key") {
            None | Some(Value::None) => Ok(items.to_vec()),
            Some(f) => items
                .iter()
                .map(|v| self.call(host, &f, vec![v.clone()], vec![]))
                .collect(),
        }
    }

    /// Sorts stably by `key=`, honouring `reverse=`.
    pub(crate) fn sort(
        &mut self,
        host: &mut dyn Host,
        items: Vec<Value>,
        kw: &Kw,
    ) -> R<Vec<Value>> {
        let keys = self.keys(host, &items, kw)?;
        let reverse = kwarg(kw, "reverse").is_some_and(|v| v.truthy());
        self.charge(items.len() * 4)?;
        let mut idx: Vec<usize> = (0..items.len()).collect();
        merge_sort(&mut idx, &|a, b| {
            let o = ops::order(&keys[*a], &keys[*b], "<")?;
            Ok(if reverse {
                o == Ordering::Greater
            } else {
                o == Ordering::Less
            })
        })?;
        Ok(idx.into_iter().map(|i| items[i].clone()).collect())
    }

    fn sum(&mut self, args: Vec<Value>, kw: &Kw) -> R<Value> {
        check("sum", &args, kw, 1, 2, &["start"])?;
        let start = args
            .get(1)
            .cloned()
            .or_else(|| kwarg(kw, "start"))
            .unwrap_or(Value::Int(0));
        if matches!(start, Value::Str(_)) {
            return Err(Exception::new(
                "TypeError",
                "sum() can't sum strings [use ''.join(seq) instead]",
            ));
        }
        let mut total = start;
        for v in self.collect(&args[0])? {
            total = ops::binary(self, total, super::ast::BinOp::Add, v)?;
        }
        Ok(total)
    }

    fn map_filter(
        &mut self,
        host: &mut dyn Host,
        name: &str,
        args: Vec<Value>,
        kw: &Kw,
    ) -> R<Value> {
        check(
            name,
            &args,
            kw,
            2,
            if name == "map" { usize::MAX } else { 2 },
            &[],
        )?;
        let f = args[0].clone();
        let columns: Vec<Vec<Value>> = args[1..]
            .iter()
            .map(|a| self.collect(a))
            .collect::<R<_>>()?;
        let n = columns.iter().map(Vec::len).min().unwrap_or(0);
        let mut out = vec![];
        for i in 0..n {
            let row: Vec<Value> = columns.iter().map(|c| c[i].clone()).collect();
            if name == "map" {
                out.push(self.call(host, &f, row, vec![])?);
            } else {
                let keep = if matches!(f, Value::None) {
                    row[0].truthy()
                } else {
                    self.call(host, &f, row.clone(), vec![])?.truthy()
                };
                if keep {
                    out.push(row[0].clone());
                }
            }
        }
        Ok(new_iter(if name == "map" { "map" } else { "filter" }, out))
    }

    fn introspect(&mut self, name: &str, args: Vec<Value>, kw: &Kw) -> R<Value> {
        match name {
            "getattr" => {
                check(name, &args, kw, 2, 3, &[])?;
                let attr = str_arg("getattr", &args[1])?;
                match (self.get_attr(&args[0], attr), args.get(2)) {
                    (Err(e), Some(default)) if e.is("AttributeError") => Ok(default.clone()),
                    (r, _) => r,
                }
            }
            "hasattr" => {
                check(name, &args, kw, 2, 2, &[])?;
                Ok(Value::Bool(
                    self.get_attr(&args[0], str_arg("hasattr", &args[1])?)
                        .is_ok(),
                ))
            }
            "setattr" => {
                check(name, &args, kw, 3, 3, &[])?;
                self.set_attr(&args[0], str_arg("setattr", &args[1])?, args[2].clone())?;
                Ok(Value::None)
            }
            "dir" => match args.first() {
                Some(Value::Module(m)) => Ok(Value::list(Interpreter::module_names(m))),
                _ => Err(Exception::new(
                    "NotImplementedError",
                    "venvlab: dir() of anything but a module is not supported in this simulation",
                )),
            },
            "callable" => {
                check(name, &args, kw, 1, 1, &[])?;
                let c = matches!(
                    args[0],
                    Value::Function(_)
                        | Value::Builtin(_)
                        | Value::Method(_)
                        | Value::NativeFunction(..)
                        | Value::Class(_)
                );
                Ok(Value::Bool(c))
            }
            _ => {
                check(name, &args, kw, 2, 2, &[])?;
                let subject = if name == "isinstance" {
                    class_of(&args[0])
                } else {
                    class_name(name, &args[0])?
                };
                let classes = match &args[1] {
                    Value::Tuple(t) => t.0.borrow().clone(),
                    other => vec![other.clone()],
                };
                let mut hit = false;
                for c in &classes {
                    hit |= is_subclass(subject, class_name(name, c)?);
                }
                Ok(Value::Bool(hit))
            }
        }
    }

    fn iteration(&mut self, name: &str, args: Vec<Value>, kw: &Kw) -> R<Value> {
        match name {
            "enumerate" => {
                check(name, &args, kw, 1, 2, &["start"])?;
                let start = int_arg(
                    &args
                        .get(1)
                        .cloned()
                        .or_else(|| kwarg(kw, "start"))
                        .unwrap_or(Value::Int(0)),
                )?;
                let items = self.collect(&args[0])?;
                let pairs = items
                    .into_iter()
                    .zip(start..)
                    .map(|(v, i)| Value::tuple(vec![Value::Int(i.into()), v]))
                    .collect();
                Ok(new_iter("enumerate", pairs))
            }
            "zip" => {
                check(name, &args, kw, 0, usize::MAX, &[])?;
                let columns: Vec<Vec<Value>> =
                    args.iter().map(|a| self.collect(a)).collect::<R<_>>()?;
                let n = columns.iter().map(Vec::len).min().unwrap_or(0);
                let rows = (0..n)
                    .map(|i| Value::tuple(columns.iter().map(|c| c[i].clone()).collect()))
                    .collect();
                Ok(new_iter("zip", rows))
            }
            "reversed" => {
                check(name, &args, kw, 1, 1, &[])?;
                let mut items = self.collect(&args[0])?;
                items.reverse();
                let kind = if matches!(args[0], Value::List(_)) {
                    "list_reverseiterator"
                } else {
                    "reversed"
                };
                Ok(new_iter(kind, items))
            }
            "iter" => {
                check(name, &args, kw, 1, 1, &[])?;
                if let Value::Iter(it) = &args[0] {
                    if !it.kind.starts_with("dict_") {
                        return Ok(args[0].clone());
                    }
                }
                let kind = iterator_kind(&args[0]);
                Ok(new_iter(kind, self.collect(&args[0])?))
            }
            _ => {
                check(name, &args, kw, 1, 2, &[])?;
                let Value::Iter(it) = &args[0] else {
                    return Err(Exception::new(
                        "TypeError",
                        format!("'{}' object is not an iterator", args[0].type_name()),
                    ));
                };
                let mut w = Walker::Iter(it.clone());
                match (w.next(), args.get(1)) {
                    (Some(v), _) => Ok(v),
                    (None, Some(d)) => Ok(d.clone()),
                    (None, None) => Err(Exception::new("StopIteration", "")),
                }
            }
        }
    }

    /// Creates an instance of a built-in class: `int("3")`, `list(x)`, `ValueError("bad")`...
    pub(crate) fn construct(
        &mut self,
        host: &mut dyn Host,
        name: &'static str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        let _ = host;
        if exception_class(name).is_some() {
            check(name, &[], &kw, 0, 0, &[])?;
            return Ok(Value::Exception(Rc::new(Exception::with_args(name, args))));
        }
        match name {
            "int" => {
                check(name, &args, &kw, 0, 2, &["base"])?;
                to_int(&args, &kw)
            }
            "float" => {
                check(name, &args, &kw, 0, 1, &[])?;
                args.first().map_or(Ok(Value::Float(0.0)), to_float)
            }
            "str" => {
                check(name, &args, &kw, 0, 1, &[])?;
                Ok(Value::str(
                    &args.first().map_or(Ok(String::new()), Value::to_str)?,
                ))
            }
            "bool" => {
                check(name, &args, &kw, 0, 1, &[])?;
                Ok(Value::Bool(args.first().is_some_and(Value::truthy)))
            }
            "list" | "tuple" => {
                check(name, &args, &kw, 0, 1, &[])?;
                let items = match args.first() {
                    Some(v) => self.collect(v)?,
                    None => vec![],
                };
                Ok(if name == "list" {
                    Value::list(items)
                } else {
                    Value::tuple(items)
                })
            }
            "dict" => {
                check(name, &args, &[], 0, 1, &[])?;
                let d = ops::new_dict();
                if let Some(src) = args.first() {
                    ops::dict_update(self, &d, src)?;
                }
                for (k, v) in kw {
                    ops::dict_set(&d, Value::Str(k), v)?;
                }
                Ok(Value::Dict(d))
            }
            "range" => make_range(&args, &kw),
            "type" => {
                check(name, &args, &kw, 1, 1, &[])?;
                Ok(Value::Class(class_of(&args[0])))
            }
            _ => Err(unsupported(&format!("{name}()"))),
        }
    }
}

/// The error for a built-in CPython has but this simulation lacks.
pub fn unsupported(what: &str) -> Exception {
    Exception::new(
        "NotImplementedError",
        format!("venvlab: {what} is not supported in this simulation"),
    )
}

fn write_to(host: &mut dyn Host, file: Value, text: &str) -> R<Value> {
    match file {
        Value::None | Value::File(1) => host.stdout(text),
        Value::File(_) => host.stderr(text),
        other => {
            return Err(Exception::new(
                "AttributeError",
                format!("'{}' object has no attribute 'write'", other.type_name()),
            ))
        }
    }
    Ok(Value::None)
}

fn input(host: &mut dyn Host, args: &[Value], kw: &Kw) -> R<Value> {
    check("input", args, kw, 0, 1, &[])?;
    let prompt = args.first().map_or(Ok(String::new()), Value::to_str)?;
    match host.read_line(&prompt) {
        Some(line) => Ok(Value::str(line.strip_suffix('\n').unwrap_or(&line))),
        None => Err(Exception::new("EOFError", "EOF when reading a line")),
    }
}

/// `len(v)`.
pub fn len(v: &Value) -> R<i64> {
    Ok(match v {
        Value::Str(s) => s.chars().count() as i64,
        Value::List(s) | Value::Tuple(s) => s.0.borrow().len() as i64,
        Value::Dict(d) => d.0.borrow().len() as i64,
        Value::Range(r) => super::value::range_len(r),
        Value::Iter(it) if it.kind.starts_with("dict_") => it.items.0.borrow().len() as i64,
        other => {
            return Err(Exception::new(
                "TypeError",
                format!("object of type '{}' has no len()", other.type_name()),
            ))
        }
    })
}

fn iterator_kind(v: &Value) -> &'static str {
    match v {
        Value::List(_) => "list_iterator",
        Value::Tuple(_) => "tuple_iterator",
        Value::Str(_) => "str_ascii_iterator",
        Value::Dict(_) => "dict_keyiterator",
        Value::Range(_) => "range_iterator",
        _ => "iterator",
    }
}

/// The class name of a value, as `type(v)` shows it.
pub fn class_of(v: &Value) -> &'static str {
    v.type_name()
}

fn class_name(func: &str, v: &Value) -> R<&'static str> {
    match v {
        Value::Class(name) => Ok(name),
        _ => Err(Exception::new(
            "TypeError",
            format!("{func}() arg 2 must be a type, a tuple of types, or a union"),
        )),
    }
}

fn is_subclass(sub: &str, base: &str) -> bool {
    sub == base
        || base == "object"
        || (sub == "bool" && base == "int")
        || super::traceback::is_subclass(sub, base)
}

fn make_range(args: &[Value], kw: &Kw) -> R<Value> {
    check("range", args, kw, 1, 3, &[])?;
    if args.iter().any(|v| v.as_i128().is_some() && v.as_int().is_none()) {
        return Err(Exception::new(
            "OverflowError",
            "venvlab: ranges beyond 64 bits are not supported in this simulation",
        ));
    }
    let n: Vec<i64> = args.iter().map(int_arg).collect::<R<_>>()?;
    let r = match n.as_slice() {
        [stop] => [0, *stop, 1],
        [start, stop] => [*start, *stop, 1],
        [start, stop, step] => [*start, *stop, *step],
        _ => [0, 0, 1],
    };
    if r[2] == 0 {
        return Err(Exception::new(
            "ValueError",
            "range() arg 3 must not be zero",
        ));
    }
    Ok(Value::Range(Rc::new(r)))
}

fn to_int(args: &[Value], kw: &Kw) -> R<Value> {
    let base = args.get(1).cloned().or_else(|| kwarg(kw, "base"));
    let Some(v) = args.first() else {
        return Ok(Value::Int(0));
    };
    match (v, base) {
        (Value::Str(s), base) => {
            let radix = base.map_or(Ok(10), |b| int_arg(&b))?;
            parse_int(s, radix)
        }
        (_, Some(_)) => Err(Exception::new("TypeError", "int() can't convert non-string with explicit base")),
        (Value::Float(f), _) if f.is_nan() => Err(Exception::new("ValueError", "cannot convert float NaN to integer")),
        (Value::Float(f), _) if f.is_infinite() => {
            Err(Exception::new("OverflowError", "cannot convert float infinity to integer"))
        }
        (Value::Float(f), _) if !(-TWO_127..TWO_127).contains(&f.trunc()) => Err(ops::overflow()),
        (Value::Float(f), _) => Ok(Value::Int(f.trunc() as i128)),
        (other, _) => other.as_i128().map(Value::Int).ok_or_else(|| {
            Exception::new(
                "TypeError",
                format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", other.type_name()),
            )
        }),
    }
}

fn parse_int(s: &str, radix: i64) -> R<Value> {
    let bad = || {
        Exception::new(
            "ValueError",
            format!(
                "invalid literal for int() with base {radix}: {}",
                Value::str(s).repr()
            ),
        )
    };
    if !(2..=36).contains(&radix) && radix != 0 {
        return Err(Exception::new(
            "ValueError",
            "int() base must be >= 2 and <= 36, or 0",
        ));
    }
    let t = s.trim();
    let (neg, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = digits.to_ascii_lowercase();
    let (radix, digits) = match (radix, lower.get(..2)) {
        (16 | 0, Some("0x")) => (16, &digits[2..]),
        (8 | 0, Some("0o")) => (8, &digits[2..]),
        (2 | 0, Some("0b")) => (2, &digits[2..]),
        (0, _) => (10, digits),
        (r, _) => (r as u32, digits),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(bad());
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(radix)) {
        return Err(bad());
    }
    // Parsed with its sign, so that -2^127 fits.
    let signed = if neg { format!("-{clean}") } else { clean };
    let v = i128::from_str_radix(&signed, radix).map_err(|_| ops::overflow())?;
    Ok(Value::Int(v))
}

fn to_float(v: &Value) -> R<Value> {
    match v {
        Value::Float(_) => Ok(v.clone()),
        Value::Str(s) => parse_float(s).map(Value::Float).ok_or_else(|| {
            Exception::new(
                "ValueError",
                format!("could not convert string to float: {}", v.repr()),
            )
        }),
        other => other
            .as_i128()
            .map(|i| Value::Float(i as f64))
            .ok_or_else(|| {
                Exception::new(
                    "TypeError",
                    format!(
                        "float() argument must be a string or a real number, not '{}'",
                        other.type_name()
                    ),
                )
            }),
    }
}

/// Parses a float the way `float(str)` does (`inf`, `nan`, underscores between digits).
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim().to_ascii_lowercase();
    let body = t.trim_start_matches(['+', '-']);
    let sign = if t.starts_with('-') { -1.0 } else { 1.0 };
    match body {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    if body.is_empty()
        || t.len() - body.len() > 1
        || t.contains("__")
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || "._e+-".contains(c))
    {
        return None;
    }
    super::float::parse(&t.replace('_', ""))
}

impl Interpreter {
    fn numeric(&mut self, name: &str, args: Vec<Value>, kw: &Kw) -> R<Value> {
        match name {
            "abs" => {
                check(name, &args, kw, 1, 1, &[])?;
                match &args[0] {
                    Value::Float(f) => Ok(Value::Float(f.abs())),
                    v => v
                        .as_i128()
                        .ok_or_else(|| {
                            Exception::new(
                                "TypeError",
                                format!("bad operand type for abs(): '{}'", v.type_name()),
                            )
                        })?
                        .checked_abs()
                        .map(Value::Int)
                        .ok_or_else(ops::overflow),
                }
            }
            "round" => {
                check(name, &args, kw, 1, 2, &["ndigits"])?;
                let digits = args
                    .get(1)
                    .cloned()
                    .or_else(|| kwarg(kw, "ndigits"))
                    .filter(|v| !matches!(v, Value::None));
                round(&args[0], digits)
            }
            "divmod" => {
                check(name, &args, kw, 2, 2, &[])?;
                let q = ops::binary(
                    self,
                    args[0].clone(),
                    super::ast::BinOp::FloorDiv,
                    args[1].clone(),
                )?;
                let r = ops::binary(
                    self,
                    args[0].clone(),
                    super::ast::BinOp::Mod,
                    args[1].clone(),
                )?;
                Ok(Value::tuple(vec![q, r]))
            }
            "pow" => {
                check(name, &args, kw, 2, 2, &[])?;
                ops::binary(
                    self,
                    args[0].clone(),
                    super::ast::BinOp::Pow,
                    args[1].clone(),
                )
            }
            _ if TEXT_NUMERIC.contains(&name) => text_numeric(name, &args, kw),
            "format" => {
                check(name, &args, kw, 1, 2, &[])?;
                let spec = args.get(1).map_or(Ok(""), |s| str_arg("format", s))?;
                Ok(Value::str(&super::format::format_value(&args[0], spec)?))
            }
            "hash" => {
                check(name, &args, kw, 1, 1, &[])?;
                Ok(Value::Int(match args[0].key()? {
                    super::value::Key::Int(i) => int_hash(i),
                    _ => (args[0].repr().len() as i128) * 1_000_003,
                }))
            }
            "id" => {
                check(name, &args, kw, 1, 1, &[])?;
                Ok(Value::Int(match args[0].identity() {
                    0 => 0,
                    _ => super::value::address(&args[0]).into(),
                }))
            }
            _ => Err(unsupported(&format!("{name}()"))),
        }
    }
}

/// CPython's `hash(int)`: the value modulo the prime 2^61 - 1, keeping its sign, with -1
/// (which CPython reserves for errors) becoming -2.
fn int_hash(i: i128) -> i128 {
    const MODULUS: u128 = (1 << 61) - 1;
    let h = (i.unsigned_abs() % MODULUS) as i128;
    match (i < 0, h) {
        (true, 1) => -2,
        (true, h) => -h,
        (false, h) => h,
    }
}

/// `round(i, n)` for an int and a negative `n`: to the nearest multiple of 10^-n, ties to even.
fn round_int(i: i128, n: i64) -> R<Value> {
    let Some(p) = u32::try_from(-n).ok().and_then(|e| 10i128.checked_pow(e)) else {
        // 10^-n is beyond every i128, so at least twice |i|.
        return Ok(Value::Int(0));
    };
    let (q, r) = (i.div_euclid(p), i.rem_euclid(p));
    let up = match r.cmp(&(p - r)) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => q % 2 != 0,
        std::cmp::Ordering::Less => false,
    };
    (q + i128::from(up))
        .checked_mul(p)
        .map(Value::Int)
        .ok_or_else(ops::overflow)
}

fn round(v: &Value, digits: Option<Value>) -> R<Value> {
    let nd = digits.as_ref().map(int_arg).transpose()?;
    match (v, nd) {
        (Value::Float(f), None) if !f.is_finite() => Err(Exception::new(
            if f.is_nan() {
                "ValueError"
            } else {
                "OverflowError"
            },
            if f.is_nan() {
                "cannot convert float NaN to integer"
            } else {
                "cannot convert float infinity to integer"
            },
        )),
        (Value::Float(f), None) => {
            let r = f.round_ties_even();
            if !(-TWO_127..TWO_127).contains(&r) {
                return Err(ops::overflow());
            }
            Ok(Value::Int(r as i128))
        }
        (Value::Float(f), Some(_)) if !f.is_finite() => Ok(Value::Float(*f)),
        (Value::Float(f), Some(n)) if n >= 0 => {
            let text = super::float::fixed(f.abs(), n.min(400) as usize);
            let r = super::float::parse(&text).unwrap_or(*f);
            Ok(Value::Float(r.copysign(*f)))
        }
        (Value::Float(f), Some(n)) => {
            let p = 10f64.powi((-n).min(308) as i32);
            Ok(Value::Float((f / p).round_ties_even() * p))
        }
        (v, nd) if v.as_i128().is_some() => {
            let i = v.as_i128().unwrap_or(0);
            match nd {
                Some(n) if n < 0 => round_int(i, n),
                _ => Ok(Value::Int(i)),
            }
        }
        (v, _) => Err(Exception::new(
            "TypeError",
            format!("type {} doesn't define __round__ method", v.type_name()),
        )),
    }
}

fn text_numeric(name: &str, args: &[Value], kw: &Kw) -> R<Value> {
    check(name, args, kw, 1, 1, &[])?;
    if name == "ord" {
        let s = args[0].as_str().ok_or_else(|| {
            arg_error(
                "ord",
                &format!(
                    "expected string of length 1, but {} found",
                    args[0].type_name()
                ),
            )
        })?;
        let mut chars = s.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(Value::Int(c as i128)),
            _ => Err(arg_error(
                "ord",
                &format!(
                    "expected a character, but string of length {} found",
                    s.chars().count()
                ),
            )),
        };
    }
    let i = match args[0].as_i128() {
        Some(i) => i,
        None => int_arg(&args[0])?.into(),
    };
    if name == "chr" {
        if i32::try_from(i).is_err() {
            return Err(Exception::new(
                "OverflowError",
                "Python int too large to convert to C int",
            ));
        }
        let c = u32::try_from(i).ok().and_then(char::from_u32);
        return c
            .map(|c| Value::str(c.encode_utf8(&mut [0; 4])))
            .ok_or_else(|| Exception::new("ValueError", "chr() arg not in range(0x110000)"));
    }
    let sign = if i < 0 { "-" } else { "" };
    let m = i.unsigned_abs();
    Ok(Value::str(&match name {
        "hex" => format!("{sign}0x{m:x}"),
        "oct" => format!("{sign}0o{m:o}"),
        _ => format!("{sign}0b{m:b}"),
    }))
}

/// A stable merge sort whose comparison may fail (CPython's `TypeError` on mixed types).
fn merge_sort(v: &mut [usize], less: &dyn Fn(&usize, &usize) -> R<bool>) -> R<()> {
    if v.len() <= 1 {
        return Ok(());
    }
    let mid = v.len() / 2;
    merge_sort(&mut v[..mid], less)?;
    merge_sort(&mut v[mid..], less)?;
    let (left, right) = (v[..mid].to_vec(), v[mid..].to_vec());
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        if less(&right[j], &left[i])? {
            v[k] = right[j];
            j += 1;
        } else {
            v[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    for x in left[i..].iter().chain(&right[j..]) {
        v[k] = *x;
        k += 1;
    }
    Ok(())
}

/// Binds call arguments to a Python function's parameters, with CPython's error messages.
pub fn bind_args(f: &Function, args: Vec<Value>, kw: Kw) -> R<BTreeMap<Rc<str>, Value>> {
    use super::ast::ParamKind;
    let def = &f.def;
    let fname = &def.qualname;
    let mut vars: BTreeMap<Rc<str>, Value> = BTreeMap::new();
    let positional: Vec<&super::ast::Param> = def
        .params
        .iter()
        .filter(|p| p.kind == ParamKind::Normal)
        .collect();
    let var_args = def.params.iter().find(|p| p.kind == ParamKind::VarArgs);
    let var_kw = def.params.iter().find(|p| p.kind == ParamKind::VarKw);
    let given = args.len();
    let mut args = args.into_iter();
    for p in &positional {
        match args.next() {
            Some(v) => vars.insert(p.name.clone(), v),
            None => break,
        };
    }
    let extra: Vec<Value> = args.collect();
    match var_args {
        Some(p) => {
            vars.insert(p.name.clone(), Value::tuple(extra));
        }
        None if !extra.is_empty() => return Err(too_many_positional(fname, &positional, given)),
        None => {}
    }
    let mut extra_kw = vec![];
    for (k, v) in kw {
        let target = def
            .params
            .iter()
            .find(|p| p.name == k && matches!(p.kind, ParamKind::Normal | ParamKind::KwOnly));
        match target {
            Some(p) if vars.contains_key(&p.name) => {
                return Err(Exception::new(
                    "TypeError",
                    format!("{fname}() got multiple values for argument '{k}'"),
                ))
            }
            Some(p) => {
                vars.insert(p.name.clone(), v);
            }
            None if var_kw.is_some() => extra_kw.push((k, v)),
            None => {
                return Err(Exception::new(
                    "TypeError",
                    format!("{fname}() got an unexpected keyword argument '{k}'"),
                ))
            }
        }
    }
    if let Some(p) = var_kw {
        vars.insert(p.name.clone(), Value::Dict(Interpreter::kw_dict(extra_kw)?));
    }
    fill_defaults(f, &mut vars)?;
    Ok(vars)
}

fn too_many_positional(fname: &str, positional: &[&super::ast::Param], given: usize) -> Exception {
    let max = positional.len();
    let min = positional.iter().filter(|p| p.default.is_none()).count();
    let takes = if min == max {
        format!("{max}")
    } else {
        format!("from {min} to {max}")
    };
    let plural = if max == 1 && min == max { "" } else { "s" };
    let was = if given == 1 { "was" } else { "were" };
    Exception::new(
        "TypeError",
        format!("{fname}() takes {takes} positional argument{plural} but {given} {was} given"),
    )
}

fn fill_defaults(f: &Function, vars: &mut BTreeMap<Rc<str>, Value>) -> R<()> {
    use super::ast::ParamKind;
    let defaults = f.defaults.0.borrow();
    let mut missing: [Vec<String>; 2] = [vec![], vec![]];
    for (i, p) in f.def.params.iter().enumerate() {
        if vars.contains_key(&p.name) || matches!(p.kind, ParamKind::VarArgs | ParamKind::VarKw) {
            continue;
        }
        if p.default.is_some() {
            vars.insert(
                p.name.clone(),
                defaults.get(i).cloned().unwrap_or(Value::None),
            );
        } else {
            missing[usize::from(p.kind == ParamKind::KwOnly)].push(format!("'{}'", p.name));
        }
    }
    for (names, kind) in missing.iter().zip(["positional", "keyword-only"]) {
        if names.is_empty() {
            continue;
        }
        let list = match names.as_slice() {
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            many => format!(
                "{}, and {}",
                many[..many.len() - 1].join(", "),
                many[many.len() - 1]
            ),
        };
        let n = names.len();
        let msg = format!(
            "{}() missing {n} required {kind} argument{}: {list}",
            f.def.qualname,
            if n == 1 { "" } else { "s" }
        );
        return Err(Exception::new("TypeError", msg));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_parsing_follows_python() {
        assert!(matches!(parse_int(" 42 ", 10), Ok(Value::Int(42))));
        assert!(matches!(parse_int("-0x1f", 0), Ok(Value::Int(-31))));
        assert!(matches!(parse_int("1_000", 10), Ok(Value::Int(1000))));
        assert_eq!(
            parse_int("4.2", 10).unwrap_err().message(),
            "invalid literal for int() with base 10: '4.2'"
        );
    }

    #[test]
    fn float_parsing_follows_python() {
        assert_eq!(parse_float(" 1.5 "), Some(1.5));
        assert_eq!(parse_float("-inf"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_float("1e3"), Some(1000.0));
        assert_eq!(parse_float("abc"), None);
        assert_eq!(parse_float("--1"), None);
    }

    #[test]
    fn merge_sort_is_stable_and_reports_errors() {
        let mut v = vec![3, 1, 2, 1];
        merge_sort(&mut v, &|a, b| Ok(a < b)).unwrap();
        assert_eq!(v, [1, 1, 2, 3]);
        let fail = merge_sort(&mut v, &|_, _| Err(Exception::new("TypeError", "x")));
        assert!(fail.is_err());
    }
}
