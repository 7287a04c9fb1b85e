//! Python values: the [`Value`] enum, the containers behind it (lists, tuples, dicts,
//! modules, functions, scopes), hashing into dictionary keys, equality, and `repr`/`str` exactly
//! as CPython 3.12 prints them. Containers drop their contents iteratively, so no nesting depth
//! can overflow the Rust stack.

use super::ast::FuncDef;
use super::traceback::Exception;
use super::NativeFn;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// Deepest nesting `repr`, `==` and hashing follow before raising `RecursionError`.
const MAX_NEST: u32 = 200;

/// A Python value. Containers are shared (`Rc`) as Python objects are.
#[derive(Clone)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An `int` (128 bits in this simulation).
    Int(i128),
    /// A `float`.
    Float(f64),
    /// A `str`.
    Str(Rc<str>),
    /// A `list`.
    List(Rc<Seq>),
    /// A `tuple` (its `Seq` is never changed).
    Tuple(Rc<Seq>),
    /// A `dict`.
    Dict(Rc<DictObj>),
    /// A `range(start, stop, step)`.
    Range(Rc<[i64; 3]>),
    /// An iterator or a dict view, with its items taken eagerly.
    Iter(Rc<IterObj>),
    /// A function defined in Python (`def` or `lambda`).
    Function(Rc<Function>),
    /// A built-in function such as `len`.
    Builtin(&'static str),
    /// A method of a built-in type bound to its object, such as `[].append`.
    Method(Rc<Method>),
    /// A function the host provides, such as `sys.exit` or `os.getcwd`.
    NativeFunction(&'static str, NativeFn),
    /// A module object.
    Module(Rc<Module>),
    /// A built-in class (`int`, `str`, `ValueError`...), by name.
    Class(&'static str),
    /// An exception instance.
    Exception(Rc<Exception>),
    /// `sys.stdout` (1) or `sys.stderr` (2).
    File(u8),
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.repr())
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Str(s) => f.write_str(s),
            v => f.write_str(&v.repr()),
        }
    }
}

/// The storage of a list or tuple.
pub struct Seq(pub RefCell<Vec<Value>>);

/// The storage of a dict or set.
pub struct DictObj(pub RefCell<Dict>);

/// An iterator: its kind (`enumerate`, `dict_keys`...), its items and how far it has got.
/// Dict views (`dict_keys`, `dict_values`, `dict_items`) restart on every iteration.
pub struct IterObj {
    /// The Python type name, e.g. `zip`.
    pub kind: &'static str,
    /// The items, taken when the iterator was made.
    pub items: Seq,
    /// The next position.
    pub pos: Cell<usize>,
}

/// A built-in method bound to its object.
pub struct Method {
    /// The object (`self`).
    pub recv: Value,
    /// The method name.
    pub name: &'static str,
}

/// Local variables of one function call, and the scope the function was defined in.
pub struct Scope {
    /// The variables.
    pub vars: RefCell<BTreeMap<Rc<str>, Value>>,
    /// The enclosing function's scope, for closures.
    pub parent: Option<Rc<Scope>>,
}

/// A module: its name and its global variables (`__name__`, `__file__`...).
pub struct Module {
    /// The dotted name.
    pub name: Rc<str>,
    /// The module's namespace.
    pub vars: RefCell<BTreeMap<Rc<str>, Value>>,
}

/// A function defined in Python.
pub struct Function {
    /// The code.
    pub def: Rc<FuncDef>,
    /// Default values of the trailing parameters that have one.
    pub defaults: Seq,
    /// The module whose globals the function sees.
    pub module: Rc<Module>,
    /// The scope of the enclosing function, if any.
    pub closure: Option<Rc<Scope>>,
    /// The file it was defined in.
    pub filename: Rc<str>,
}

/// A hashable value reduced to what equality of dictionary keys depends on.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum Key {
    /// `None`.
    None,
    /// `int`, `bool` and integral `float` (they compare equal in Python).
    Int(i128),
    /// Other floats, by bits.
    Float(u64),
    /// A string.
    Str(Rc<str>),
    /// A tuple of keys.
    Tuple(Rc<[Key]>),
    /// Objects hashed by identity (functions, modules, classes).
    Id(usize),
}

/// A small deterministic hasher (FxHash), so dict behaviour never depends on a random seed.
#[derive(Default)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 =
                (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

/// An insertion-ordered dictionary with a hash index (removed slots are compacted lazily).
#[derive(Default)]
pub struct Dict {
    entries: Vec<Option<(Value, Value)>>,
    index: HashMap<Key, usize, BuildHasherDefault<Fx>>,
}

impl Dict {
    /// Number of entries.
    pub fn len(&self) -> usize {
        self.index.len()
    }
    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
    /// The value stored under `key`.
    pub fn get(&self, key: &Key) -> Option<&Value> {
        let i = *self.index.get(key)?;
        self.entries[i].as_ref().map(|e| &e.1)
    }
    /// Stores `value` under `key` (`k` is the key as a value); an existing key keeps its place.
    pub fn insert(&mut self, key: Key, k: Value, value: Value) {
        if let Some(&i) = self.index.get(&key) {
            if let Some(e) = self.entries[i].as_mut() {
                e.1 = value;
            }
            return;
        }
        self.index.insert(key, self.entries.len());
        self.entries.push(Some((k, value)));
    }
    /// Removes `key`, returning its entry.
    pub fn remove(&mut self, key: &Key) -> Option<(Value, Value)> {
        let i = self.index.remove(key)?;
        let e = self.entries[i].take();
        if self.entries.len() > 16 && self.index.len() < self.entries.len() / 2 {
            self.compact();
        }
        e
    }
    fn compact(&mut self) {
        self.entries.retain(Option::is_some);
        for (i, e) in self.entries.iter().enumerate() {
            if let Some((k, _)) = e {
                if let Ok(key) = k.key() {
                    self.index.insert(key, i);
                }
            }
        }
    }
    /// Removes and returns the last entry.
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let (k, _) = self.iter().last()?;
        let key = k.key().ok()?;
        self.remove(&key)
    }
    /// The entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().flatten().map(|(k, v)| (k, v))
    }
    /// Removes every entry, returning the keys and values (for iterative dropping).
    fn drain(&mut self) -> impl Iterator<Item = Value> + '_ {
        self.index.clear();
        self.entries.drain(..).flatten().flat_map(|(k, v)| [k, v])
    }
}

impl Drop for Seq {
    fn drop(&mut self) {
        let items = std::mem::take(self.0.get_mut());
        if !items.is_empty() {
            drop_deep(items);
        }
    }
}

impl Drop for DictObj {
    fn drop(&mut self) {
        let items: Vec<Value> = self.0.get_mut().drain().collect();
        if !items.is_empty() {
            drop_deep(items);
        }
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        let mut items: Vec<Value> = std::mem::take(self.vars.get_mut()).into_values().collect();
        let mut parent = self.parent.take();
        while let Some(rc) = parent {
            match Rc::try_unwrap(rc) {
                Ok(mut s) => {
                    items.extend(std::mem::take(s.vars.get_mut()).into_values());
                    parent = s.parent.take();
                }
                Err(_) => break,
            }
        }
        drop_deep(items);
    }
}

/// Drops values without recursing: the contents of uniquely owned containers are moved onto a
/// work list before the (then empty) container is freed.
fn drop_deep(mut stack: Vec<Value>) {
    while let Some(mut v) = stack.pop() {
        match &mut v {
            Value::List(rc) | Value::Tuple(rc) => {
                if let Some(s) = Rc::get_mut(rc) {
                    stack.append(s.0.get_mut());
                }
            }
            Value::Dict(rc) => {
                if let Some(d) = Rc::get_mut(rc) {
                    stack.extend(d.0.get_mut().drain());
                }
            }
            Value::Iter(rc) => {
                if let Some(it) = Rc::get_mut(rc) {
                    stack.append(it.items.0.get_mut());
                }
            }
            Value::Method(rc) => {
                if let Some(m) = Rc::get_mut(rc) {
                    stack.push(std::mem::replace(&mut m.recv, Value::None));
                }
            }
            Value::Function(rc) => {
                if let Some(f) = Rc::get_mut(rc) {
                    stack.append(f.defaults.0.get_mut());
                    if let Some(scope) = f.closure.take().and_then(|s| Rc::try_unwrap(s).ok()) {
                        let mut scope = scope;
                        stack.extend(std::mem::take(scope.vars.get_mut()).into_values());
                    }
                }
            }
            Value::Exception(rc) => {
                if let Some(e) = Rc::get_mut(rc) {
                    stack.append(&mut e.take_args());
                }
            }
            _ => {}
        }
    }
}

/// Builds the exception raised when nesting goes deeper than this simulation follows.
fn too_deep() -> Exception {
    Exception::new(
        "RecursionError",
        "maximum recursion depth exceeded while getting the repr of an object",
    )
}

impl Value {
    /// A `str` value.
    #[inline(never)]
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
    /// A `list` value.
    #[inline(never)]
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(Seq(RefCell::new(items))))
    }
    /// A `tuple` value.
    #[inline(never)]
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(Seq(RefCell::new(items))))
    }
    /// A `dict` value with string keys, e.g. for `os.environ`.
    pub fn dict(items: Vec<(String, Value)>) -> Value {
        let mut d = Dict::default();
        for (k, v) in items {
            let k: Rc<str> = Rc::from(k);
            d.insert(Key::Str(k.clone()), Value::Str(k), v);
        }
        Value::Dict(Rc::new(DictObj(RefCell::new(d))))
    }
    /// A module value whose attributes are the given values (e.g. `os.path` inside `os`).
    pub fn module(name: &str, attrs: Vec<(String, Value)>) -> Value {
        let m = Module::new(name);
        for (k, v) in attrs {
            m.set(&k, v);
        }
        Value::Module(Rc::new(m))
    }
    /// The text of a `str` value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
    /// The number of an `int` (or `bool`) value, if it fits in 64 bits.
    pub fn as_int(&self) -> Option<i64> {
        self.as_i128().and_then(|i| i64::try_from(i).ok())
    }
    /// The number of an `int` (or `bool`) value, whatever its size.
    pub fn as_i128(&self) -> Option<i128> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(i128::from(*b)),
            _ => None,
        }
    }
    /// A copy of the items of a list or tuple.
    pub fn as_list(&self) -> Option<Vec<Value>> {
        match self {
            Value::List(s) | Value::Tuple(s) => Some(s.0.borrow().clone()),
            _ => None,
        }
    }
    /// The Python type name (`int`, `str`, `NoneType`...).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Range(_) => "range",
            Value::Iter(it) => it.kind,
            Value::Function(_) => "function",
            Value::Builtin(_) | Value::NativeFunction(..) | Value::Method(_) => {
                "builtin_function_or_method"
            }
            Value::Module(_) => "module",
            Value::Class(_) => "type",
            Value::Exception(e) => super::traceback::static_kind(e.kind()),
            Value::File(_) => "TextIOWrapper",
        }
    }
    /// Python truthiness.
    pub fn truthy(&self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(s) | Value::Tuple(s) => !s.0.borrow().is_empty(),
            Value::Dict(d) => !d.0.borrow().is_empty(),
            Value::Range(r) => range_len(r) > 0,
            _ => true,
        }
    }
    /// The key this value has in a dict or set, or `TypeError: unhashable type`.
    pub fn key(&self) -> Result<Key, Exception> {
        self.key_at(0)
    }
    fn key_at(&self, depth: u32) -> Result<Key, Exception> {
        if depth > MAX_NEST {
            return Err(too_deep());
        }
        Ok(match self {
            Value::None => Key::None,
            Value::Bool(b) => Key::Int(i128::from(*b)),
            Value::Int(i) => Key::Int(*i),
            Value::Float(f) => float_key(*f),
            Value::Str(s) => Key::Str(s.clone()),
            Value::Tuple(t) => {
                let items = t.0.borrow();
                let keys: Result<Vec<Key>, Exception> =
                    items.iter().map(|v| v.key_at(depth + 1)).collect();
                Key::Tuple(keys?.into())
            }
            Value::List(_) | Value::Dict(_) => {
                return Err(Exception::new(
                    "TypeError",
                    format!("unhashable type: '{}'", self.type_name()),
                ))
            }
            Value::Class(name) => Key::Id(name.as_ptr() as usize),
            Value::Builtin(name) => Key::Id(name.as_ptr() as usize + 1),
            other => Key::Id(other.identity()),
        })
    }
    /// An identity for `is` and for hashing objects by identity (0 for plain values).
    pub fn identity(&self) -> usize {
        match self {
            Value::List(r) | Value::Tuple(r) => Rc::as_ptr(r) as usize,
            Value::Dict(r) => Rc::as_ptr(r) as usize,
            Value::Iter(r) => Rc::as_ptr(r) as usize,
            Value::Function(r) => Rc::as_ptr(r) as usize,
            Value::Method(r) => Rc::as_ptr(r) as usize,
            Value::Module(r) => Rc::as_ptr(r) as usize,
            Value::Exception(r) => Rc::as_ptr(r) as usize,
            Value::Range(r) => Rc::as_ptr(r) as usize,
            Value::Str(s) => s.as_ptr() as usize,
            _ => 0,
        }
    }
    /// `repr(value)`; a structure nested too deeply gives `...`.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        if self.repr_into(&mut out, 0).is_err() {
            out.push_str("...");
        }
        out
    }
    /// `repr(value)` into `out`, with `RecursionError` for structures nested too deeply.
    pub fn repr_into(&self, out: &mut String, depth: u32) -> Result<(), Exception> {
        if depth > MAX_NEST {
            return Err(too_deep());
        }
        match self {
            Value::None => out.push_str("None"),
            Value::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::Float(f) => out.push_str(&float_repr(*f)),
            Value::Str(s) => str_repr(s, out),
            Value::List(s) => seq_repr(&s.0.borrow(), "[", "]", out, depth)?,
            Value::Tuple(s) => {
                let items = s.0.borrow();
                let close = if items.len() == 1 { ",)" } else { ")" };
                seq_repr(&items, "(", close, out, depth)?
            }
            Value::Dict(d) => dict_repr(&d.0.borrow(), out, depth)?,
            Value::Range(r) => range_repr(r, out),
            Value::Iter(it) => iter_repr(self, it, out, depth)?,
            Value::Function(f) => {
                let _ = write!(
                    out,
                    "<function {} at {}>",
                    f.def.qualname,
                    fake_address(self)
                );
            }
            Value::Builtin(name) => builtin_repr(name, out),
            Value::NativeFunction(name, _) => {
                let _ = write!(out, "<built-in function {name}>");
            }
            Value::Method(m) => {
                let _ = write!(
                    out,
                    "<built-in method {} of {} object at {}>",
                    m.name,
                    m.recv.type_name(),
                    fake_address(&m.recv)
                );
            }
            Value::Module(m) => m.repr_into(out),
            Value::Class(name) => {
                let _ = write!(out, "<class '{}'>", class_repr_name(name));
            }
            Value::Exception(e) => e.repr_into(out, depth)?,
            Value::File(fd) => {
                let name = if *fd == 2 { "<stderr>" } else { "<stdout>" };
                let _ = write!(
                    out,
                    "<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>"
                );
            }
        }
        Ok(())
    }
    /// `str(value)`, with `RecursionError` for structures nested too deeply.
    pub fn to_str(&self) -> Result<String, Exception> {
        match self {
            Value::Str(s) => Ok(s.to_string()),
            Value::Exception(e) => Ok(e.message().to_string()),
            v => {
                let mut out = String::new();
                v.repr_into(&mut out, 0)?;
                Ok(out)
            }
        }
    }
}

/// The name `<class '...'>` shows for a built-in class.
fn class_repr_name(name: &str) -> &str {
    match name {
        "function" => "function",
        "TextIOWrapper" => "_io.TextIOWrapper",
        _ => name,
    }
}

thread_local! {
    /// The addresses given out so far: each object (kept alive, so its identity is never
    /// reused) and its address.
    static ADDRESSES: RefCell<Dict> = RefCell::new(Dict::default());
}

/// Forgets the addresses given out, for a new interpreter.
pub fn reset_addresses() {
    ADDRESSES.with(|a| *a.borrow_mut() = Dict::default());
}

/// A CPython-looking object address for `id()` and reprs such as `<function f at 0x7f...>`:
/// not the real allocation address (which differs between native and WebAssembly builds) but
/// the next of a counter, 0x10 apart, in the order objects are first asked about.
pub fn address(v: &Value) -> i64 {
    let key = Key::Id(v.identity());
    ADDRESSES.with(|a| {
        let mut a = a.borrow_mut();
        if let Some(n) = a.get(&key).and_then(Value::as_int) {
            return n;
        }
        let n = 0x7f5e_8a3c_1e40 + 0x10 * a.len() as i64;
        a.insert(key, v.clone(), Value::Int(n.into()));
        n
    })
}

/// `address(v)` as `0x7f...`.
pub fn fake_address(v: &Value) -> String {
    let mut n = address(v) as u64;
    let mut digits = vec![];
    while n > 0 {
        digits.push(b"0123456789abcdef"[(n % 16) as usize]);
        n /= 16;
    }
    digits.reverse();
    String::from("0x") + std::str::from_utf8(&digits).unwrap_or("")
}

fn builtin_repr(name: &str, out: &mut String) {
    match name {
        "exit" | "quit" => {
            let _ = write!(out, "Use {name}() or Ctrl-D (i.e. EOF) to exit");
        }
        _ => {
            let _ = write!(out, "<built-in function {name}>");
        }
    }
}

impl Module {
    /// An empty module called `name` with its `__name__` set.
    pub fn new(name: &str) -> Module {
        let m = Module {
            name: Rc::from(name),
            vars: RefCell::new(BTreeMap::new()),
        };
        m.set("__name__", Value::str(name));
        m
    }
    /// Reads a global.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.vars.borrow().get(name).cloned()
    }
    /// Sets a global.
    pub fn set(&self, name: &str, value: Value) {
        self.vars.borrow_mut().insert(Rc::from(name), value);
    }
    fn repr_into(&self, out: &mut String) {
        match self.get("__file__") {
            Some(Value::Str(f)) => {
                let _ = write!(out, "<module '{}' from '{}'>", self.name, f);
            }
            _ => {
                let _ = write!(out, "<module '{}' (built-in)>", self.name);
            }
        }
    }
}

fn float_key(f: f64) -> Key {
    if f.fract() == 0.0 && f.abs() < TWO_127 {
        Key::Int(f as i128)
    } else {
        Key::Float(f.to_bits())
    }
}

/// Number of items in a range.
pub fn range_len(r: &[i64; 3]) -> i64 {
    let [start, stop, step] = *r;
    let (lo, hi, st) = if step > 0 {
        (start, stop, step)
    } else {
        (stop, start, -step)
    };
    if hi <= lo {
        0
    } else {
        ((i128::from(hi) - i128::from(lo) - 1) / i128::from(st) + 1) as i64
    }
}

fn range_repr(r: &[i64; 3], out: &mut String) {
    let _ = if r[2] == 1 {
        write!(out, "range({}, {})", r[0], r[1])
    } else {
        write!(out, "range({}, {}, {})", r[0], r[1], r[2])
    };
}

fn seq_repr(
    items: &[Value],
    open: &str,
    close: &str,
    out: &mut String,
    depth: u32,
) -> Result<(), Exception> {
    out.push_str(open);
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        v.repr_into(out, depth + 1)?;
    }
    out.push_str(close);
    Ok(())
}

fn dict_repr(d: &Dict, out: &mut String, depth: u32) -> Result<(), Exception> {
    out.push('{');
    for (i, (k, v)) in d.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        k.repr_into(out, depth + 1)?;
        out.push_str(": ");
        v.repr_into(out, depth + 1)?;
    }
    out.push('}');
    Ok(())
}

fn iter_repr(v: &Value, it: &IterObj, out: &mut String, depth: u32) -> Result<(), Exception> {
    if it.kind.starts_with("dict_") {
        out.push_str(it.kind);
        return seq_repr(&it.items.0.borrow(), "([", "])", out, depth);
    }
    let what = if it.kind == "generator" {
        "generator object <genexpr>"
    } else {
        it.kind
    };
    let _ = write!(
        out,
        "<{} object at {}>",
        what,
        fake_address(v)
    );
    Ok(())
}

/// CPython's `repr` of a string: single quotes unless the text has `'` and no `"`.
pub fn str_repr(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

/// CPython's `repr` of a float: the shortest text that reads back as the same number,
/// in positional notation for exponents from -4 to 15 and scientific notation otherwise.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let neg = f.is_sign_negative();
    let mut out = String::from(if neg { "-" } else { "" });
    if f == 0.0 {
        out.push_str("0.0");
        return out;
    }
    let (digits, exp) = super::float::shortest(f.abs());
    let digits = String::from_utf8(digits).unwrap_or_default();
    if (-4..16).contains(&exp) {
        positional(&digits, exp, &mut out);
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        exponent(exp, 'e', &mut out);
    }
    out
}

/// Writes Python's exponent suffix: `e+05`, `E-300`.
pub fn exponent(exp: i32, e: char, out: &mut String) {
    out.push(e);
    out.push(if exp < 0 { '-' } else { '+' });
    if exp.abs() < 10 {
        out.push('0');
    }
    out.push_str(&exp.unsigned_abs().to_string());
}

/// Writes `0.ddd` / `ddd.ddd` / `ddd.0` for significant `digits` times 10^`exp`.
fn positional(digits: &str, exp: i32, out: &mut String) {
    if exp < 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
        out.push_str(digits);
        return;
    }
    let int_len = exp as usize + 1;
    if digits.len() <= int_len {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', int_len - digits.len()));
        out.push_str(".0");
    } else {
        out.push_str(&digits[..int_len]);
        out.push('.');
        out.push_str(&digits[int_len..]);
    }
}

/// 2^127 as a float; the ints of this simulation are those from -2^127 up to (not including) it.
pub const TWO_127: f64 = 170_141_183_460_469_231_731_687_303_715_884_105_728.0;

/// Compares an int with a float exactly, as CPython does (`None` for NaN).
pub fn int_float_cmp(i: i128, f: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    // Every finite float at or beyond ±2^127 lies beyond every i128.
    if f >= TWO_127 {
        return Some(Ordering::Less);
    }
    if f < -TWO_127 {
        return Some(Ordering::Greater);
    }
    let t = f.trunc();
    Some((i.cmp(&(t as i128))).then_with(|| 0.0.partial_cmp(&(f - t)).unwrap_or(Ordering::Equal)))
}

/// Python `==`.
pub fn equal(a: &Value, b: &Value) -> Result<bool, Exception> {
    eq_at(a, b, 0)
}

fn eq_at(a: &Value, b: &Value, depth: u32) -> Result<bool, Exception> {
    if depth > MAX_NEST {
        return Err(Exception::new(
            "RecursionError",
            "maximum recursion depth exceeded in comparison",
        ));
    }
    Ok(match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Float(x), o) | (o, Value::Float(x)) => o
            .as_i128()
            .is_some_and(|i| int_float_cmp(i, *x) == Some(std::cmp::Ordering::Equal)),
        (x, y) if x.as_i128().is_some() && y.as_i128().is_some() => x.as_i128() == y.as_i128(),
        (Value::List(x), Value::List(y)) | (Value::Tuple(x), Value::Tuple(y)) => {
            seq_eq(&x.0.borrow(), &y.0.borrow(), depth)?
        }
        (Value::Dict(x), Value::Dict(y)) => dict_eq(&x.0.borrow(), &y.0.borrow(), depth)?,
        (Value::Range(x), Value::Range(y)) => x == y,
        (Value::Class(x), Value::Class(y)) | (Value::Builtin(x), Value::Builtin(y)) => x == y,
        (Value::NativeFunction(x, _), Value::NativeFunction(y, _)) => x == y,
        (Value::File(x), Value::File(y)) => x == y,
        _ => a.identity() != 0 && a.identity() == b.identity(),
    })
}

fn seq_eq(x: &[Value], y: &[Value], depth: u32) -> Result<bool, Exception> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (a, b) in x.iter().zip(y) {
        if !eq_at(a, b, depth + 1)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn dict_eq(x: &Dict, y: &Dict, depth: u32) -> Result<bool, Exception> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (k, v) in x.iter() {
        match y.get(&k.key()?) {
            Some(w) if eq_at(v, w, depth + 1)? => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_as_cpython() {
        let cases = [
            (0.1, "0.1"),
            (1.0, "1.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789.125, "123456789.125"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (-2.5, "-2.5"),
            (1.5e300, "1.5e+300"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
        ];
        for (f, want) in cases {
            assert_eq!(float_repr(f), want);
        }
    }

    #[test]
    fn strings_choose_quotes_as_cpython() {
        let repr = |s: &str| {
            let mut o = String::new();
            str_repr(s, &mut o);
            o
        };
        assert_eq!(repr("it's"), "\"it's\"");
        assert_eq!(repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(repr("tab\there\n"), "'tab\\there\\n'");
        assert_eq!(repr("\u{7}é"), "'\\x07é'");
    }

    #[test]
    fn deep_nesting_drops_without_overflow() {
        let mut v = Value::list(vec![]);
        for _ in 0..200_000 {
            v = Value::list(vec![v]);
        }
        assert!(v.repr().ends_with("..."));
        drop(v);
    }

    #[test]
    fn dict_keeps_order_and_merges_equal_numbers() {
        let mut d = Dict::default();
        for (k, v) in [
            (Value::Int(1), "a"),
            (Value::str("x"), "b"),
            (Value::Float(1.0), "c"),
        ] {
            d.insert(k.key().unwrap(), k, Value::str(v));
        }
        assert_eq!(d.len(), 2);
        assert_eq!(d.get(&Key::Int(1)).map(Value::repr), Some("'c'".into()));
        d.remove(&Key::Int(1));
        assert_eq!(
            d.iter().map(|(k, _)| k.repr()).collect::<Vec<_>>(),
            vec!["'x'"]
        );
    }
}
