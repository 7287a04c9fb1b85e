//! Attributes and methods of built-in objects: module attributes, `str`, `list`, `dict`
//! and `tuple` methods, `sys.stdout.write`, and function and exception attributes. A method
//! CPython has but this simulation lacks raises an error that names it.

use super::ops::{self, new_iter};
use super::suggest;
use super::traceback::Exception;
use super::value::{equal, Method, Value};
use super::{Host, Interpreter};
use std::rc::Rc;

type R<T> = Result<T, Exception>;
type Kw = Vec<(Rc<str>, Value)>;

const STR: &[&str] = &[
    "join",
    "split",
    "strip",
    "lstrip",
    "rstrip",
    "startswith",
    "endswith",
    "replace",
    "upper",
    "lower",
    "title",
    "capitalize",
    "format",
    "find",
    "rfind",
    "index",
    "rindex",
    "count",
    "isdigit",
    "isalpha",
    "isspace",
    "isalnum",
    "isupper",
    "islower",
    "isascii",
    "ljust",
    "rjust",
    "partition",
];
/// The `str` methods that search (a slice is one loop; a pattern of names compares each in line).
const FIND: &[&str] = &["find", "rfind", "index", "rindex", "count"];
/// The `str` methods that change case.
const CASE: &[&str] = &["upper", "lower", "title", "capitalize"];
const LIST: &[&str] = &[
    "append", "extend", "pop", "insert", "index", "sort", "reverse", "remove", "count", "copy",
    "clear",
];
const DICT: &[&str] = &[
    "get",
    "keys",
    "values",
    "items",
    "update",
    "pop",
    "setdefault",
    "copy",
    "clear",
    "popitem",
];
const TUPLE: &[&str] = &["count", "index"];
const FILE: &[&str] = &["write", "flush"];
const FLOAT: &[&str] = &["is_integer"];
const INT: &[&str] = &["bit_length"];
/// Methods CPython has that this simulation does not implement.
const REAL_ONLY: &[&str] = &[
    "center",
    "zfill",
    "removesuffix",
    "removeprefix",
    "rpartition",
    "splitlines",
    "rsplit",
    "swapcase",
    "casefold",
    "isidentifier",
    "isnumeric",
    "isdecimal",
    "encode",
    "format_map",
    "isprintable",
    "istitle",
    "maketrans",
    "translate",
    "expandtabs",
    "fromkeys",
    "as_integer_ratio",
    "hex",
    "conjugate",
    "to_bytes",
    "from_bytes",
    "fileno",
    "read",
    "readline",
    "close",
];

fn methods_of(v: &Value) -> &'static [&'static str] {
    match v {
        Value::Str(_) => STR,
        Value::List(_) => LIST,
        Value::Dict(_) => DICT,
        Value::Tuple(_) => TUPLE,
        Value::File(_) => FILE,
        Value::Float(_) => FLOAT,
        Value::Int(_) | Value::Bool(_) => INT,
        _ => &[],
    }
}

/// `AttributeError: 'int' object has no attribute 'x'` (module and class wording too), with
/// CPython's `Did you mean` suggestion.
pub fn no_attribute(obj: &Value, name: &str) -> Exception {
    let (msg, names) = match obj {
        Value::Module(m) => {
            let names: Vec<Value> = Interpreter::module_names(m);
            let names: Vec<String> = names
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
            (
                format!("module '{}' has no attribute '{name}'", m.name),
                names,
            )
        }
        Value::Class(c) => (
            format!("type object '{c}' has no attribute '{name}'"),
            vec![],
        ),
        _ => {
            let names = suggest::type_names(obj.type_name())
                .split(' ')
                .map(str::to_string)
                .collect();
            (
                format!("'{}' object has no attribute '{name}'", obj.type_name()),
                names,
            )
        }
    };
    let e = Exception::new("AttributeError", msg);
    match suggest::closest(name, names.iter().map(String::as_str)) {
        Some(s) => e.with_hint(format!(". Did you mean: '{s}'?")),
        None => e,
    }
}

fn arity(name: &str, args: &[Value], kw: &Kw, min: usize, max: usize) -> R<()> {
    if !kw.is_empty() {
        return Err(Exception::new(
            "TypeError",
            format!("{name}() takes no keyword arguments"),
        ));
    }
    if args.len() < min || args.len() > max {
        let msg = match (min, max) {
            (0, 0) => format!("{name}() takes no arguments ({} given)", args.len()),
            (1, 1) => format!("{name}() takes exactly one argument ({} given)", args.len()),
            _ if args.len() < min => format!(
                "{name} expected at least {min} argument{}, got {}",
                if min > 1 { "s" } else { "" },
                args.len()
            ),
            _ => format!(
                "{name} expected at most {max} argument{}, got {}",
                if max > 1 { "s" } else { "" },
                args.len()
            ),
        };
        return Err(Exception::new("TypeError", msg));
    }
    Ok(())
}

fn str_of<'a>(method: &str, v: &'a Value) -> R<&'a str> {
    v.as_str()
        .ok_or_else(|| Exception::new("TypeError", format!("{method} arg must be None or str")))
}

fn must_str(v: &Value) -> R<&str> {
    v.as_str()
        .ok_or_else(|| Exception::new("TypeError", format!("must be str, not {}", v.type_name())))
}

impl Interpreter {
    /// `obj.name`.
    pub(crate) fn get_attr(&self, obj: &Value, name: &str) -> R<Value> {
        let special = match obj {
            Value::Module(m) => return m.get(name).ok_or_else(|| no_attribute(obj, name)),
            Value::Exception(e) => match name {
                "args" => Some(Value::tuple(e.args().to_vec())),
                "code" if e.kind() == "SystemExit" => {
                    Some(e.args().first().cloned().unwrap_or(Value::None))
                }
                _ => None,
            },
            Value::Function(f) => match name {
                "__name__" => Some(Value::Str(f.def.name.clone())),
                "__qualname__" => Some(Value::Str(f.def.qualname.clone())),
                "__module__" => Some(Value::Str(f.module.name.clone())),
                "__doc__" => Some(Value::None),
                _ => None,
            },
            Value::Class(c) | Value::Builtin(c) if matches!(name, "__name__" | "__qualname__") => {
                Some(Value::str(c))
            }
            Value::NativeFunction(n, _) if name == "__name__" => Some(Value::str(n)),
            Value::Range(r) => ["start", "stop", "step"]
                .iter()
                .position(|n| *n == name)
                .map(|i| Value::Int(r[i].into())),
            _ => None,
        };
        if let Some(v) = special {
            return Ok(v);
        }
        if let Some(m) = methods_of(obj).iter().find(|m| **m == name) {
            return Ok(Value::Method(Rc::new(Method {
                recv: obj.clone(),
                name: m,
            })));
        }
        if REAL_ONLY.contains(&name) && !methods_of(obj).is_empty() {
            return Err(super::builtins::unsupported(&format!(
                "{}.{name}()",
                obj.type_name()
            )));
        }
        Err(no_attribute(obj, name))
    }

    /// `obj.name = value`.
    pub(crate) fn set_attr(&self, obj: &Value, name: &str, value: Value) -> R<()> {
        match obj {
            Value::Module(m) => {
                m.set(name, value);
                Ok(())
            }
            Value::Class(c) => Err(Exception::new(
                "TypeError",
                format!("cannot set '{name}' attribute of immutable type '{c}'"),
            )),
            _ if methods_of(obj).contains(&name) => Err(Exception::new(
                "AttributeError",
                format!(
                    "'{}' object attribute '{name}' is read-only",
                    obj.type_name()
                ),
            )),
            _ => Err(no_attribute(obj, name)),
        }
    }

    /// Calls method `name` of a built-in object.
    pub(crate) fn call_method(
        &mut self,
        host: &mut dyn Host,
        recv: &Value,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        match recv {
            Value::Str(s) => self.str_method(s, name, args, kw),
            Value::List(_) => self.list_method(host, recv, name, args, kw),
            Value::Dict(_) => self.dict_method(recv, name, args, kw),
            Value::Tuple(t) => {
                let items = t.0.borrow().clone();
                seq_method(&items, name, &args, &kw, "tuple")
            }
            Value::File(fd) => {
                if name == "flush" {
                    return Ok(Value::None);
                }
                arity(name, &args, &kw, 1, 1)?;
                let text = must_str(&args[0])?;
                if *fd == 2 {
                    host.stderr(text);
                } else {
                    host.stdout(text);
                }
                Ok(Value::Int(text.chars().count() as i128))
            }
            Value::Float(f) => Ok(Value::Bool(f.fract() == 0.0)),
            other => Ok(Value::Int(
                128 - other.as_i128().unwrap_or(0).unsigned_abs().leading_zeros() as i128,
            )),
        }
    }

    fn str_method(&mut self, s: &str, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        self.charge(s.len() / 8)?;
        if name == "format" {
            return Ok(Value::str(&super::format::str_format(s, &args, &kw)?));
        }
        if let Some(v) = str_predicate(s, name) {
            arity(name, &args, &kw, 0, 0)?;
            return Ok(Value::Bool(v?));
        }
        match name {
            _ if CASE.contains(&name) => {
                arity(name, &args, &kw, 0, 0)?;
                Ok(Value::str(&change_case(s, name)?))
            }
            "strip" | "lstrip" | "rstrip" => {
                arity(name, &args, &kw, 0, 1)?;
                let chars = match args.first() {
                    None | Some(Value::None) => None,
                    Some(v) => Some(str_of(name, v)?.chars().collect::<Vec<char>>()),
                };
                Ok(Value::str(&strip(s, name, chars.as_deref())))
            }
            "split" => self.split(s, name, &args, &kw),
            "join" => {
                arity(name, &args, &kw, 1, 1)?;
                self.join(s, &args[0])
            }
            _ => self.str_search(s, name, &args, &kw),
        }
    }

    fn join(&mut self, sep: &str, items: &Value) -> R<Value> {
        let items = self.collect(items)?;
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            let Value::Str(part) = item else {
                let msg = format!(
                    "sequence item {i}: expected str instance, {} found",
                    item.type_name()
                );
                return Err(Exception::new("TypeError", msg));
            };
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(part);
            if out.len() > ops::MAX_LEN {
                return Err(ops::too_big("str", out.len()));
            }
        }
        Ok(Value::str(&out))
    }

    fn split(&mut self, s: &str, name: &str, args: &[Value], kw: &Kw) -> R<Value> {
        let get = |i: usize, key: &str| {
            args.get(i)
                .cloned()
                .or_else(|| kw.iter().find(|(k, _)| &**k == key).map(|(_, v)| v.clone()))
        };
        let sep = match get(0, "sep") {
            None | Some(Value::None) => None,
            Some(v) => Some(str_of(name, &v)?.to_string()),
        };
        let max = get(1, "maxsplit").map_or(Ok(-1), |v| {
            v.as_int().ok_or_else(|| {
                Exception::new(
                    "TypeError",
                    "'str' object cannot be interpreted as an integer",
                )
            })
        })?;
        let max = if max < 0 { usize::MAX } else { max as usize };
        let parts = match sep.as_deref() {
            Some("") => return Err(Exception::new("ValueError", "empty separator")),
            Some(sep) => s
                .splitn(max.saturating_add(1), sep)
                .map(str::to_string)
                .collect(),
            None => split_whitespace(s, max),
        };
        self.charge(parts.len())?;
        Ok(Value::list(
            parts.into_iter().map(|p| Value::str(&p)).collect(),
        ))
    }

    fn str_search(&mut self, s: &str, name: &str, args: &[Value], kw: &Kw) -> R<Value> {
        match name {
            "startswith" | "endswith" => {
                arity(name, args, kw, 1, 3)?;
                let prefixes = match &args[0] {
                    Value::Tuple(t) => t.0.borrow().clone(),
                    v => vec![v.clone()],
                };
                let text = substring(s, args.get(1), args.get(2));
                for p in &prefixes {
                    let p = p.as_str().ok_or_else(|| {
                        Exception::new(
                            "TypeError",
                            format!(
                                "{name} first arg must be str or a tuple of str, not {}",
                                p.type_name()
                            ),
                        )
                    })?;
                    if (name == "startswith" && text.starts_with(p))
                        || (name == "endswith" && text.ends_with(p))
                    {
                        return Ok(Value::Bool(true));
                    }
                }
                Ok(Value::Bool(false))
            }
            "replace" => {
                arity(name, args, kw, 2, 3)?;
                let (old, new) = (must_str(&args[0])?, must_str(&args[1])?);
                let count = args.get(2).and_then(Value::as_int).unwrap_or(-1);
                let out = if count < 0 {
                    s.replace(old, new)
                } else {
                    s.replacen(old, new, count as usize)
                };
                if out.len() > ops::MAX_LEN {
                    return Err(ops::too_big("str", out.len()));
                }
                Ok(Value::str(&out))
            }
            _ if FIND.contains(&name) => find(s, name, args, kw),
            "ljust" | "rjust" => pad(s, name, args, kw),
            _ => {
                arity(name, args, kw, 1, 1)?;
                let sep = must_str(&args[0])?;
                let parts = match s.find(sep) {
                    Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
                    None => [s, "", ""],
                };
                Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
            }
        }
    }

    fn list_method(
        &mut self,
        host: &mut dyn Host,
        recv: &Value,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        let Value::List(list) = recv else {
            return Ok(Value::None);
        };
        if name == "sort" {
            if !args.is_empty() {
                return Err(Exception::new(
                    "TypeError",
                    "sort() takes no positional arguments",
                ));
            }
            let items = std::mem::take(&mut *list.0.borrow_mut());
            let sorted = self.sort(host, items.clone(), &kw);
            *list.0.borrow_mut() = match sorted {
                Ok(v) => v,
                Err(e) => {
                    *list.0.borrow_mut() = items;
                    return Err(e);
                }
            };
            return Ok(Value::None);
        }
        if name == "extend" {
            arity(name, &args, &kw, 1, 1)?;
            let items = self.collect(&args[0])?;
            let mut l = list.0.borrow_mut();
            if l.len() + items.len() > ops::MAX_LEN {
                return Err(ops::too_big("list", l.len() + items.len()));
            }
            l.extend(items);
            return Ok(Value::None);
        }
        self.charge(list.0.borrow().len() / 4)?;
        let mut items = list.0.borrow_mut();
        match name {
            "append" => {
                arity(name, &args, &kw, 1, 1)?;
                if items.len() >= ops::MAX_LEN {
                    return Err(ops::too_big("list", items.len() + 1));
                }
                items.push(args[0].clone());
                Ok(Value::None)
            }
            "insert" => {
                arity(name, &args, &kw, 2, 2)?;
                let len = items.len() as i64;
                let i = args[0].as_int().ok_or_else(|| {
                    Exception::new(
                        "TypeError",
                        "'str' object cannot be interpreted as an integer",
                    )
                })?;
                let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
                items.insert(i as usize, args[1].clone());
                Ok(Value::None)
            }
            "pop" => {
                arity(name, &args, &kw, 0, 1)?;
                if items.is_empty() {
                    return Err(Exception::new("IndexError", "pop from empty list"));
                }
                let len = items.len() as i64;
                let i = args.first().and_then(Value::as_int).unwrap_or(-1);
                let j = if i < 0 { i + len } else { i };
                if j < 0 || j >= len {
                    return Err(Exception::new("IndexError", "pop index out of range"));
                }
                Ok(items.remove(j as usize))
            }
            "remove" => {
                arity(name, &args, &kw, 1, 1)?;
                for i in 0..items.len() {
                    if equal(&items[i], &args[0])? {
                        items.remove(i);
                        return Ok(Value::None);
                    }
                }
                Err(Exception::new(
                    "ValueError",
                    "list.remove(x): x not in list",
                ))
            }
            "reverse" => {
                arity(name, &args, &kw, 0, 0)?;
                items.reverse();
                Ok(Value::None)
            }
            "clear" => {
                arity(name, &args, &kw, 0, 0)?;
                let old = std::mem::take(&mut *items);
                drop(items);
                drop(old);
                Ok(Value::None)
            }
            "copy" => {
                arity(name, &args, &kw, 0, 0)?;
                Ok(Value::list(items.clone()))
            }
            _ => {
                let snapshot = items.clone();
                drop(items);
                seq_method(&snapshot, name, &args, &kw, "list")
            }
        }
    }

    fn dict_method(&mut self, recv: &Value, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        let Value::Dict(d) = recv else {
            return Ok(Value::None);
        };
        self.charge(d.0.borrow().len() / 4)?;
        match name {
            "get" => {
                arity(name, &args, &kw, 1, 2)?;
                let v = d.0.borrow().get(&args[0].key()?).cloned();
                Ok(v.unwrap_or_else(|| args.get(1).cloned().unwrap_or(Value::None)))
            }
            "keys" | "values" | "items" => {
                arity(name, &args, &kw, 0, 0)?;
                let dict = d.0.borrow();
                let items = dict.iter().map(|(k, v)| match name {
                    "keys" => k.clone(),
                    "values" => v.clone(),
                    _ => Value::tuple(vec![k.clone(), v.clone()]),
                });
                let kind = match name {
                    "keys" => "dict_keys",
                    "values" => "dict_values",
                    _ => "dict_items",
                };
                Ok(new_iter(kind, items.collect()))
            }
            "update" => {
                if args.len() > 1 {
                    return Err(Exception::new(
                        "TypeError",
                        format!("update expected at most 1 argument, got {}", args.len()),
                    ));
                }
                if let Some(other) = args.first() {
                    ops::dict_update(self, d, other)?;
                }
                for (k, v) in kw {
                    ops::dict_set(d, Value::Str(k), v)?;
                }
                Ok(Value::None)
            }
            "pop" => {
                arity(name, &args, &kw, 1, 2)?;
                let removed = d.0.borrow_mut().remove(&args[0].key()?);
                match (removed, args.get(1)) {
                    (Some((_, v)), _) => Ok(v),
                    (None, Some(default)) => Ok(default.clone()),
                    (None, None) => Err(Exception::with_args("KeyError", vec![args[0].clone()])),
                }
            }
            "setdefault" => {
                arity(name, &args, &kw, 1, 2)?;
                let key = args[0].key()?;
                if let Some(v) = d.0.borrow().get(&key) {
                    return Ok(v.clone());
                }
                let v = args.get(1).cloned().unwrap_or(Value::None);
                d.0.borrow_mut().insert(key, args[0].clone(), v.clone());
                Ok(v)
            }
            "popitem" => {
                arity(name, &args, &kw, 0, 0)?;
                let last = d.0.borrow_mut().pop_last();
                last.map(|(k, v)| Value::tuple(vec![k, v]))
                    .ok_or_else(|| Exception::new("KeyError", "'popitem(): dictionary is empty'"))
            }
            "copy" => {
                let copy = ops::new_dict();
                ops::dict_update(self, &copy, recv)?;
                Ok(Value::Dict(copy))
            }
            _ => {
                let old = std::mem::take(&mut *d.0.borrow_mut());
                drop(old);
                Ok(Value::None)
            }
        }
    }

}

/// `count` and `index` of lists and tuples.
fn seq_method(items: &[Value], name: &str, args: &[Value], kw: &Kw, what: &str) -> R<Value> {
    arity(name, args, kw, 1, 3)?;
    let mut n = 0;
    for (i, v) in items.iter().enumerate() {
        if equal(v, &args[0])? {
            if name == "index" {
                return Ok(Value::Int(i as i128));
            }
            n += 1;
        }
    }
    if name == "index" {
        let msg = if what == "list" {
            format!("{} is not in list", args[0].repr())
        } else {
            "tuple.index(x): x not in tuple".into()
        };
        return Err(Exception::new("ValueError", msg));
    }
    Ok(Value::Int(n))
}

/// `str.isdigit()` and friends, for ASCII text (non-ASCII text is not supported).
fn str_predicate(s: &str, name: &str) -> Option<R<bool>> {
    let nonempty = !s.is_empty();
    let all = |f: fn(&u8) -> bool| nonempty && s.bytes().all(|c| f(&c));
    let any = |f: fn(&u8) -> bool| s.bytes().any(|c| f(&c));
    let v = match name {
        "isspace" => return Some(Ok(nonempty && s.chars().all(char::is_whitespace))),
        "isascii" => return Some(Ok(s.is_ascii())),
        "isdigit" | "isalpha" | "isalnum" | "isupper" | "islower" if !s.is_ascii() => {
            return Some(Err(non_ascii(name)))
        }
        "isdigit" => all(u8::is_ascii_digit),
        "isalpha" => all(u8::is_ascii_alphabetic),
        "isalnum" => all(u8::is_ascii_alphanumeric),
        "isupper" => any(u8::is_ascii_uppercase) && !any(u8::is_ascii_lowercase),
        "islower" => any(u8::is_ascii_lowercase) && !any(u8::is_ascii_uppercase),
        _ => return None,
    };
    Some(Ok(v))
}

fn non_ascii(name: &str) -> Exception {
    super::builtins::unsupported(&format!("str.{name}() of non-ASCII text"))
}

/// `upper`, `lower`, `title`, `capitalize` of ASCII text (CPython's result for ASCII).
fn change_case(s: &str, name: &str) -> R<String> {
    if !s.is_ascii() {
        return Err(non_ascii(name));
    }
    Ok(match name {
        "upper" => s.to_ascii_uppercase(),
        "lower" => s.to_ascii_lowercase(),
        _ => {
            let mut out = String::new();
            let mut prev_cased = false;
            for c in s.chars() {
                out.push(if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                });
                prev_cased = name == "capitalize" || c.is_ascii_alphabetic();
            }
            out
        }
    })
}

fn strip(s: &str, name: &str, chars: Option<&[char]>) -> String {
    let strip_it = |c: char| chars.map_or(c.is_whitespace(), |set| set.contains(&c));
    match name {
        "strip" => s.trim_matches(strip_it),
        "lstrip" => s.trim_start_matches(strip_it),
        _ => s.trim_end_matches(strip_it),
    }
    .to_string()
}

fn split_whitespace(s: &str, max: usize) -> Vec<String> {
    let mut parts = vec![];
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        if parts.len() == max {
            parts.push(rest.to_string());
            break;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        parts.push(rest[..end].to_string());
        rest = rest[end..].trim_start();
    }
    parts
}

/// The part of `s` between optional `start` and `end` character positions.
fn substring<'a>(s: &'a str, start: Option<&Value>, end: Option<&Value>) -> &'a str {
    let len = s.chars().count() as i64;
    let norm = |v: Option<&Value>, default: i64| {
        let i = v.and_then(Value::as_int).unwrap_or(default);
        (if i < 0 { i + len } else { i }).clamp(0, len) as usize
    };
    let (a, b) = (norm(start, 0), norm(end, len));
    if a >= b {
        return "";
    }
    let byte = |n: usize| s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[byte(a)..byte(b)]
}

fn find(s: &str, name: &str, args: &[Value], kw: &Kw) -> R<Value> {
    arity(name, args, kw, 1, 3)?;
    let sub = must_str(&args[0])?;
    let hay = substring(s, args.get(1), args.get(2));
    let offset = {
        let len = s.chars().count() as i64;
        let i = args.get(1).and_then(Value::as_int).unwrap_or(0);
        (if i < 0 { i + len } else { i }).clamp(0, len)
    };
    if name == "count" {
        let n = if sub.is_empty() {
            hay.chars().count() + 1
        } else {
            hay.matches(sub).count()
        };
        return Ok(Value::Int(n as i128));
    }
    let hit = if name.starts_with('r') {
        hay.rfind(sub)
    } else {
        hay.find(sub)
    };
    match hit {
        Some(b) => Ok(Value::Int((offset + hay[..b].chars().count() as i64).into())),
        None if name.ends_with("index") => Err(Exception::new("ValueError", "substring not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn pad(s: &str, name: &str, args: &[Value], kw: &Kw) -> R<Value> {
    arity(name, args, kw, 1, 2)?;
    let width = args[0].as_int().ok_or_else(|| {
        Exception::new(
            "TypeError",
            format!(
                "'{}' object cannot be interpreted as an integer",
                args[0].type_name()
            ),
        )
    })?;
    let fill = match args.get(1) {
        Some(v) => {
            let f = must_str(v)?;
            let mut cs = f.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(Exception::new(
                        "TypeError",
                        "The fill character must be exactly one character long",
                    ))
                }
            }
        }
        None => ' ',
    };
    let len = s.chars().count();
    let width = (width.max(0) as usize).min(ops::MAX_LEN);
    if width <= len {
        return Ok(Value::str(s));
    }
    let total = width - len;
    let (left, right) = if name == "ljust" { (0, total) } else { (total, 0) };
    let pad = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    Ok(Value::str(&format!("{}{s}{}", pad(left), pad(right))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_helpers_match_python() {
        assert_eq!(split_whitespace("  a b  c ", usize::MAX), ["a", "b", "c"]);
        assert_eq!(split_whitespace("a b c", 1), ["a", "b c"]);
        assert_eq!(change_case("hello wORLD", "title").unwrap(), "Hello World");
        assert_eq!(
            substring("héllo", Some(&Value::Int(1)), Some(&Value::Int(-1))),
            "éll"
        );
    }
}
