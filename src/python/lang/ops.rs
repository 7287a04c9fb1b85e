//! Operators on values: arithmetic with Python's semantics (floor division, modulo signs, `**`
//! giving floats for negative exponents), sequence concatenation and repetition, comparisons,
//! membership, indexing and slicing, iteration, and CPython's `TypeError` wording for each.

use super::ast::{BinOp, CmpOp};
use super::traceback::Exception;
use super::value::{equal, int_float_cmp, range_len, Dict, DictObj, IterObj, Seq, Value};
use super::Interpreter;
use std::cell::{Cell, RefCell};
use std::cmp::Ordering;
use std::rc::Rc;

/// Largest number of items (or characters) one object may have in this simulation.
pub const MAX_LEN: usize = 1_000_000;

type R<T> = Result<T, Exception>;

/// The error for an object larger than the simulation allows.
pub fn too_big(what: &str, n: usize) -> Exception {
    Exception::new(
        "MemoryError",
        format!("venvlab: a {what} of {n} items is beyond this simulation's limit of {MAX_LEN}"),
    )
}

pub fn overflow() -> Exception {
    Exception::new(
        "OverflowError",
        "venvlab: integers beyond 128 bits are not supported in this simulation",
    )
}

/// `repr(v)` with `RecursionError` for structures nested too deeply.
pub fn repr(v: &Value) -> R<String> {
    let mut out = String::new();
    v.repr_into(&mut out, 0)?;
    Ok(out)
}

/// A new empty dict.
pub fn new_dict() -> Rc<DictObj> {
    Rc::new(DictObj(RefCell::new(Dict::default())))
}

/// `d[k] = v`.
pub fn dict_set(d: &DictObj, k: Value, v: Value) -> R<()> {
    let key = k.key()?;
    d.0.borrow_mut().insert(key, k, v);
    Ok(())
}

/// A set of these items.
pub fn new_iter(kind: &'static str, items: Vec<Value>) -> Value {
    Value::Iter(Rc::new(IterObj {
        kind,
        items: Seq(RefCell::new(items)),
        pos: Cell::new(0),
    }))
}

/// `d.update(other)` for a mapping or an iterable of pairs.
pub fn dict_update(interp: &mut Interpreter, d: &DictObj, other: &Value) -> R<()> {
    if let Value::Dict(o) = other {
        let pairs: Vec<(Value, Value)> =
            o.0.borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
        for (k, v) in pairs {
            dict_set(d, k, v)?;
        }
        return Ok(());
    }
    for (i, item) in interp.collect(other)?.into_iter().enumerate() {
        let pair = item
            .as_list()
            .filter(|p| p.len() == 2 && matches!(item, Value::List(_) | Value::Tuple(_)));
        let Some(pair) = pair else {
            let msg = format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                item.as_list().map_or(1, |p| p.len())
            );
            return Err(Exception::new("ValueError", msg));
        };
        let mut it = pair.into_iter();
        if let (Some(k), Some(v)) = (it.next(), it.next()) {
            dict_set(d, k, v)?;
        }
    }
    Ok(())
}

/// The keyword arguments a `**mapping` passes.
pub fn kwargs_of(v: &Value) -> R<Vec<(Rc<str>, Value)>> {
    let Value::Dict(d) = v else {
        return Err(Exception::new(
            "TypeError",
            format!("argument after ** must be a mapping, not {}", v.type_name()),
        ));
    };
    let d = d.0.borrow();
    d.iter()
        .map(|(k, v)| match k {
            Value::Str(s) => Ok((s.clone(), v.clone())),
            _ => Err(Exception::new("TypeError", "keywords must be strings")),
        })
        .collect()
}

/// Steps through an iterable one item at a time.
pub enum Walker {
    /// A list or tuple, read live by index.
    Seq(Rc<Seq>, usize),
    /// Items taken up front (dict keys, set members, characters).
    Items(std::vec::IntoIter<Value>),
    /// A range.
    Range(i64, i64, i64),
    /// An iterator object (shares its position).
    Iter(Rc<IterObj>),
}

impl Walker {
    /// Starts iterating `v`, or `TypeError: 'int' object is not iterable`.
    pub fn new(v: &Value) -> R<Walker> {
        Ok(match v {
            Value::List(s) | Value::Tuple(s) => Walker::Seq(s.clone(), 0),
            Value::Str(s) => Walker::Items(
                s.chars()
                    .map(|c| Value::str(c.encode_utf8(&mut [0; 4])))
                    .collect::<Vec<_>>()
                    .into_iter(),
            ),
            Value::Dict(d) => Walker::Items(
                d.0.borrow()
                    .iter()
                    .map(|(k, _)| k.clone())
                    .collect::<Vec<_>>()
                    .into_iter(),
            ),
            Value::Range(r) => Walker::Range(r[0], r[1], r[2]),
            Value::Iter(it) if it.kind.starts_with("dict_") => {
                Walker::Items(it.items.0.borrow().clone().into_iter())
            }
            Value::Iter(it) if it.kind != "slice" => Walker::Iter(it.clone()),
            other => {
                return Err(Exception::new(
                    "TypeError",
                    format!("'{}' object is not iterable", other.type_name()),
                ))
            }
        })
    }
    /// The next item.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<Value> {
        match self {
            Walker::Seq(s, i) => {
                let v = s.0.borrow().get(*i).cloned();
                *i += 1;
                v
            }
            Walker::Items(it) => it.next(),
            Walker::Range(cur, stop, step) => {
                if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                    let v = *cur;
                    *cur = cur.saturating_add(*step);
                    Some(Value::Int(v.into()))
                } else {
                    None
                }
            }
            Walker::Iter(it) => {
                let i = it.pos.get();
                let v = it.items.0.borrow().get(i).cloned();
                it.pos.set(i + 1);
                v
            }
        }
    }
}

fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        other => other.as_i128().map(|i| i as f64),
    }
}

fn unsupported(op: &str, a: &Value, b: &Value) -> Exception {
    Exception::new(
        "TypeError",
        format!(
            "unsupported operand type(s) for {op}: '{}' and '{}'",
            a.type_name(),
            b.type_name()
        ),
    )
}

/// `a op b`.
pub fn binary(interp: &mut Interpreter, a: Value, op: BinOp, b: Value) -> R<Value> {
    binary_sym(interp, a, op, b, op.symbol())
}

/// `a op= b`: lists extend in place; everything else is `a op b`.
pub fn augmented(interp: &mut Interpreter, a: Value, op: BinOp, b: Value) -> R<Value> {
    if let (Value::List(l), BinOp::Add) = (&a, op) {
        let items = interp.collect(&b)?;
        if l.0.borrow().len() + items.len() > MAX_LEN {
            return Err(too_big("list", l.0.borrow().len() + items.len()));
        }
        l.0.borrow_mut().extend(items);
        return Ok(a);
    }
    let sym = format!("{}=", op.symbol());
    binary_sym(interp, a, op, b, &sym)
}

fn binary_sym(interp: &mut Interpreter, a: Value, op: BinOp, b: Value, sym: &str) -> R<Value> {
    if let (Some(x), Some(y)) = (a.as_i128(), b.as_i128()) {
        return int_op(x, op, y);
    }
    if let (Some(x), Some(y), true) = (
        num(&a),
        num(&b),
        matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)),
    ) {
        return float_op(x, op, y).ok_or_else(|| unsupported(sym, &a, &b))?;
    }
    match (op, &a, &b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => concat_str(interp, x, y),
        (BinOp::Add, Value::Str(_), _) => Err(Exception::new(
            "TypeError",
            format!(
                "can only concatenate str (not \"{}\") to str",
                b.type_name()
            ),
        )),
        (BinOp::Add, Value::List(x), Value::List(y))
        | (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            let mut items = x.0.borrow().clone();
            items.extend(y.0.borrow().iter().cloned());
            interp.charge(items.len())?;
            check_len("list", items.len())?;
            Ok(if matches!(a, Value::List(_)) {
                Value::list(items)
            } else {
                Value::tuple(items)
            })
        }
        (BinOp::Add, Value::List(_), _) | (BinOp::Add, Value::Tuple(_), _) => Err(Exception::new(
            "TypeError",
            format!(
                "can only concatenate {} (not \"{}\") to {}",
                a.type_name(),
                b.type_name(),
                a.type_name()
            ),
        )),
        (BinOp::Mul, _, _) => {
            repeat(interp, &a, &b).unwrap_or_else(|| Err(unsupported(sym, &a, &b)))
        }
        (BinOp::Mod, Value::Str(_), _) => Err(super::builtins::unsupported(
            "printf-style '%' formatting of strings",
        )),
        (BinOp::Or, Value::Dict(x), Value::Dict(_)) => {
            let d = new_dict();
            dict_update(interp, &d, &Value::Dict(x.clone()))?;
            dict_update(interp, &d, &b)?;
            Ok(Value::Dict(d))
        }
        _ => Err(unsupported(sym, &a, &b)),
    }
}

fn check_len(what: &str, n: usize) -> R<()> {
    if n > MAX_LEN {
        Err(too_big(what, n))
    } else {
        Ok(())
    }
}

fn concat_str(interp: &mut Interpreter, x: &str, y: &str) -> R<Value> {
    check_len("str", x.len() + y.len())?;
    interp.charge((x.len() + y.len()) / 8)?;
    Ok(Value::str(&format!("{x}{y}")))
}

/// `seq * n` / `n * seq`; `None` when neither side is a sequence.
fn repeat(interp: &mut Interpreter, a: &Value, b: &Value) -> Option<R<Value>> {
    let (seq, n) = match (a, b) {
        (Value::Str(_) | Value::List(_) | Value::Tuple(_), n) => (a, n),
        (n, Value::Str(_) | Value::List(_) | Value::Tuple(_)) => (b, n),
        _ => return None,
    };
    let Some(n) = n.as_i128() else {
        return Some(Err(Exception::new(
            "TypeError",
            format!(
                "can't multiply sequence by non-int of type '{}'",
                n.type_name()
            ),
        )));
    };
    let Ok(n) = i64::try_from(n) else {
        return Some(Err(Exception::new("OverflowError", INDEX_SIZED)));
    };
    let n = n.max(0) as usize;
    Some(repeat_n(interp, seq, n))
}

fn repeat_n(interp: &mut Interpreter, seq: &Value, n: usize) -> R<Value> {
    match seq {
        Value::Str(s) => {
            let total = s.chars().count().saturating_mul(n);
            check_len("str", total)?;
            interp.charge(total / 8)?;
            Ok(Value::str(&s.repeat(n)))
        }
        Value::List(s) | Value::Tuple(s) => {
            let items = s.0.borrow();
            let total = items.len().saturating_mul(n);
            check_len("list", total)?;
            interp.charge(total)?;
            let out: Vec<Value> = items.iter().cloned().cycle().take(total).collect();
            Ok(if matches!(seq, Value::List(_)) {
                Value::list(out)
            } else {
                Value::tuple(out)
            })
        }
        _ => Ok(Value::None),
    }
}

fn zero_division(msg: &str) -> Exception {
    Exception::new("ZeroDivisionError", msg)
}

/// CPython's complaint about an int too large for an index.
const INDEX_SIZED: &str = "cannot fit 'int' into an index-sized integer";

fn int_op(x: i128, op: BinOp, y: i128) -> R<Value> {
    let checked = |r: Option<i128>| r.map(Value::Int).ok_or_else(overflow);
    match op {
        BinOp::Add => checked(x.checked_add(y)),
        BinOp::Sub => checked(x.checked_sub(y)),
        BinOp::Mul => checked(x.checked_mul(y)),
        BinOp::Div if y == 0 => Err(zero_division("division by zero")),
        BinOp::Div => Ok(Value::Float(true_div(x, y))),
        BinOp::FloorDiv | BinOp::Mod if y == 0 => Err(zero_division(if op == BinOp::Mod {
            "integer modulo by zero"
        } else {
            "integer division or modulo by zero"
        })),
        BinOp::FloorDiv => checked(x.checked_div_euclid(y).map(|_| floor_div(x, y))),
        BinOp::Mod => {
            // The one overflowing remainder, MIN % -1, is 0.
            let r = x.checked_rem(y).unwrap_or(0);
            Ok(Value::Int(if r != 0 && (r < 0) != (y < 0) { r + y } else { r }))
        }
        BinOp::Pow if y < 0 => {
            if x == 0 {
                return Err(zero_division("0.0 cannot be raised to a negative power"));
            }
            Ok(Value::Float((x as f64).powf(y as f64)))
        }
        BinOp::Pow => checked(match (x, u32::try_from(y)) {
            (0 | 1, _) => Some(x),
            (-1, _) => Some(if y % 2 == 0 { 1 } else { -1 }),
            (_, Ok(e)) => x.checked_pow(e),
            (_, Err(_)) => None,
        }),
        BinOp::LShift if y < 0 => Err(Exception::new("ValueError", "negative shift count")),
        BinOp::LShift if x == 0 => Ok(Value::Int(0)),
        BinOp::LShift => checked(
            u32::try_from(y)
                .ok()
                .filter(|s| *s < 128)
                .map(|s| (x << s, s))
                .filter(|(r, s)| r >> s == x)
                .map(|(r, _)| r),
        ),
        BinOp::RShift if y < 0 => Err(Exception::new("ValueError", "negative shift count")),
        BinOp::RShift => Ok(Value::Int(x >> y.min(127))),
        BinOp::And => Ok(Value::Int(x & y)),
        BinOp::Or => Ok(Value::Int(x | y)),
        BinOp::Xor => Ok(Value::Int(x ^ y)),
    }
}

/// `x / y` for ints, correctly rounded as CPython's is (`y` is not 0).
fn true_div(x: i128, y: i128) -> f64 {
    const EXACT: u128 = 1 << 53;
    let (a, b) = (x.unsigned_abs(), y.unsigned_abs());
    let q = if a <= EXACT && b <= EXACT {
        a as f64 / b as f64
    } else {
        super::float::ratio(a, b)
    };
    if (x < 0) != (y < 0) {
        -q
    } else {
        q
    }
}

fn floor_div(x: i128, y: i128) -> i128 {
    let q = x / y;
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        q - 1
    } else {
        q
    }
}

/// Float arithmetic; `None` for operators floats do not have.
fn float_op(x: f64, op: BinOp, y: f64) -> Option<R<Value>> {
    let v = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div if y == 0.0 => return Some(Err(zero_division("float division by zero"))),
        BinOp::Div => x / y,
        BinOp::FloorDiv if y == 0.0 => {
            return Some(Err(zero_division("float floor division by zero")))
        }
        BinOp::FloorDiv => (x / y).floor(),
        BinOp::Mod if y == 0.0 => return Some(Err(zero_division("float modulo"))),
        BinOp::Mod => {
            let r = x % y;
            if r != 0.0 && (r < 0.0) != (y < 0.0) {
                r + y
            } else {
                r
            }
        }
        BinOp::Pow if x == 0.0 && y < 0.0 => {
            return Some(Err(zero_division(
                "0.0 cannot be raised to a negative power",
            )))
        }
        BinOp::Pow => x.powf(y),
        _ => return None,
    };
    if v.is_infinite() && x.is_finite() && y.is_finite() && op == BinOp::Pow {
        return Some(Err(Exception::new(
            "OverflowError",
            "(34, 'Numerical result out of range')",
        )));
    }
    Some(Ok(Value::Float(v)))
}

/// `-x`, `+x`, `~x`.
pub fn unary(op: char, v: Value) -> R<Value> {
    match (op, &v) {
        ('-', Value::Float(f)) => Ok(Value::Float(-f)),
        ('+', Value::Float(_)) => Ok(v),
        ('-', _) if v.as_i128().is_some() => v
            .as_i128()
            .and_then(i128::checked_neg)
            .map(Value::Int)
            .ok_or_else(overflow),
        ('+', _) if v.as_i128().is_some() => Ok(Value::Int(v.as_i128().unwrap_or(0))),
        ('~', _) if v.as_i128().is_some() => Ok(Value::Int(!v.as_i128().unwrap_or(0))),
        _ => Err(Exception::new(
            "TypeError",
            format!("bad operand type for unary {op}: '{}'", v.type_name()),
        )),
    }
}

/// Orders two values as `<` does, or `TypeError` for unorderable types.
pub fn order(a: &Value, b: &Value, sym: &str) -> R<Ordering> {
    order_at(a, b, sym, 0)
}

fn order_at(a: &Value, b: &Value, sym: &str, depth: u32) -> R<Ordering> {
    if depth > 200 {
        return Err(Exception::new(
            "RecursionError",
            "maximum recursion depth exceeded in comparison",
        ));
    }
    if let (Some(x), Some(y)) = (a.as_i128(), b.as_i128()) {
        return Ok(x.cmp(&y));
    }
    match (a, b) {
        (Value::Float(f), i) | (i, Value::Float(f)) if i.as_i128().is_some() => {
            let o = int_float_cmp(i.as_i128().unwrap_or(0), *f).unwrap_or(Ordering::Equal);
            return Ok(if matches!(a, Value::Float(_)) { o.reverse() } else { o });
        }
        _ => {}
    }
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        return Ok(x.partial_cmp(&y).unwrap_or(Ordering::Equal));
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(x.cmp(y)),
        (Value::List(x), Value::List(y)) | (Value::Tuple(x), Value::Tuple(y)) => {
            let (x, y) = (x.0.borrow(), y.0.borrow());
            for (p, q) in x.iter().zip(y.iter()) {
                if !equal(p, q)? {
                    return order_at(p, q, sym, depth + 1);
                }
            }
            Ok(x.len().cmp(&y.len()))
        }
        _ => Err(Exception::new(
            "TypeError",
            format!(
                "'{sym}' not supported between instances of '{}' and '{}'",
                a.type_name(),
                b.type_name()
            ),
        )),
    }
}

/// Whether `a op b` holds.
pub fn compare(interp: &mut Interpreter, a: &Value, op: CmpOp, b: &Value) -> R<bool> {
    let nan = |v: &Value| matches!(v, Value::Float(f) if f.is_nan());
    if (nan(a) || nan(b))
        && matches!(op, CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge)
        && num(a).is_some()
        && num(b).is_some()
    {
        return Ok(false);
    }
    Ok(match op {
        CmpOp::Eq => equal(a, b)?,
        CmpOp::Ne => !equal(a, b)?,
        CmpOp::Lt => order(a, b, "<")? == Ordering::Less,
        CmpOp::Le => order(a, b, "<=")? != Ordering::Greater,
        CmpOp::Gt => order(a, b, ">")? == Ordering::Greater,
        CmpOp::Ge => order(a, b, ">=")? != Ordering::Less,
        CmpOp::In => contains(interp, b, a)?,
        CmpOp::NotIn => !contains(interp, b, a)?,
        CmpOp::Is => is(a, b),
        CmpOp::IsNot => !is(a, b),
    })
}

fn is(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y && (-5..=256).contains(x),
        (Value::Class(x), Value::Class(y)) | (Value::Builtin(x), Value::Builtin(y)) => x == y,
        _ => a.identity() != 0 && a.identity() == b.identity(),
    }
}

/// `item in container`.
pub fn contains(interp: &mut Interpreter, container: &Value, item: &Value) -> R<bool> {
    match container {
        Value::Str(s) => match item {
            Value::Str(sub) => Ok(s.contains(&**sub)),
            _ => Err(Exception::new(
                "TypeError",
                format!(
                    "'in <string>' requires string as left operand, not {}",
                    item.type_name()
                ),
            )),
        },
        Value::Dict(d) => Ok(d.0.borrow().get(&item.key()?).is_some()),
        Value::Range(r) => Ok(item.as_int().is_some_and(|i| {
            let [start, stop, step] = **r;
            let inside = if step > 0 {
                i >= start && i < stop
            } else {
                i <= start && i > stop
            };
            inside && (i - start) % step == 0
        })),
        _ => {
            let items = interp.collect(container).map_err(|_| {
                Exception::new(
                    "TypeError",
                    format!(
                        "argument of type '{}' is not iterable",
                        container.type_name()
                    ),
                )
            })?;
            for v in &items {
                if equal(v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// Python's `slice.indices(len)`: (start, stop, step) clamped to the sequence.
pub fn slice_indices(parts: &[Value], len: usize) -> R<(i64, i64, i64)> {
    let get = |i: usize| -> R<Option<i64>> {
        match parts.get(i) {
            None | Some(Value::None) => Ok(None),
            Some(v) => v.as_i128().map(|i| Some(i.clamp(i64::MIN.into(), i64::MAX.into()) as i64)).ok_or_else(|| {
                Exception::new(
                    "TypeError",
                    "slice indices must be integers or None or have an __index__ method",
                )
            }),
        }
    };
    let step = get(2)?.unwrap_or(1);
    if step == 0 {
        return Err(Exception::new("ValueError", "slice step cannot be zero"));
    }
    let len = len as i64;
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(i) if i < 0 => {
                let j = i.saturating_add(len);
                if j < 0 {
                    if step < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    j
                }
            }
            Some(i) if i >= len => {
                if step < 0 {
                    len - 1
                } else {
                    len
                }
            }
            Some(i) => i,
        }
    };
    let (start, stop) = if step > 0 {
        (clamp(get(0)?, 0), clamp(get(1)?, len))
    } else {
        (clamp(get(0)?, len - 1), clamp(get(1)?, -1))
    };
    Ok((start, stop, step))
}

fn slice_positions(parts: &[Value], len: usize) -> R<Vec<usize>> {
    let (mut i, stop, step) = slice_indices(parts, len)?;
    let mut out = vec![];
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    Ok(out)
}

fn as_slice(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Iter(it) if it.kind == "slice" => Some(it.items.0.borrow().clone()),
        _ => None,
    }
}

/// The position `index` names in a sequence of `len` items, or `IndexError`.
fn position(index: &Value, len: usize, what: &str, verb: &str) -> R<usize> {
    let Some(i) = index.as_i128() else {
        return Err(Exception::new(
            "TypeError",
            format!(
                "{what} indices must be integers or slices, not {}",
                index.type_name()
            ),
        ));
    };
    let Ok(i) = i64::try_from(i) else {
        let msg = match what {
            "range object" => format!("{what} index out of range"),
            _ => INDEX_SIZED.to_string(),
        };
        return Err(Exception::new("IndexError", msg));
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(Exception::new(
            "IndexError",
            format!("{what} {verb}index out of range"),
        ));
    }
    Ok(j as usize)
}

/// `obj[index]`.
pub fn get_item(obj: &Value, index: &Value) -> R<Value> {
    match obj {
        Value::List(s) | Value::Tuple(s) => {
            let items = s.0.borrow();
            if let Some(parts) = as_slice(index) {
                let picked: Vec<Value> = slice_positions(&parts, items.len())?
                    .into_iter()
                    .map(|i| items[i].clone())
                    .collect();
                return Ok(if matches!(obj, Value::List(_)) {
                    Value::list(picked)
                } else {
                    Value::tuple(picked)
                });
            }
            Ok(items[position(index, items.len(), obj.type_name(), "")?].clone())
        }
        Value::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            if let Some(parts) = as_slice(index) {
                let text: String = slice_positions(&parts, chars.len())?
                    .into_iter()
                    .map(|i| chars[i])
                    .collect();
                return Ok(Value::str(&text));
            }
            let c = chars[position(index, chars.len(), "string", "")?];
            Ok(Value::str(c.encode_utf8(&mut [0; 4])))
        }
        Value::Dict(d) => {
            d.0.borrow()
                .get(&index.key()?)
                .cloned()
                .ok_or_else(|| Exception::with_args("KeyError", vec![index.clone()]))
        }
        Value::Range(r) => {
            let len = range_len(r).max(0) as usize;
            if let Some(parts) = as_slice(index) {
                let (start, stop, step) = slice_indices(&parts, len)?;
                let at = |i: i64| r[0] + i * r[2];
                return Ok(Value::Range(Rc::new([at(start), at(stop), r[2] * step])));
            }
            Ok(Value::Int(
                (r[0] + position(index, len, "range object", "")? as i64 * r[2]).into(),
            ))
        }
        Value::Class(name) => Ok(Value::Class(name)),
        _ => Err(Exception::new(
            "TypeError",
            format!("'{}' object is not subscriptable", obj.type_name()),
        )),
    }
}

/// How much work reading or copying `v` costs, in items.
pub fn size(v: &Value) -> usize {
    match v {
        Value::Str(s) => s.len() / 8,
        Value::List(s) | Value::Tuple(s) => s.0.borrow().len(),
        Value::Dict(d) => d.0.borrow().len(),
        _ => 0,
    }
}

/// `obj[index] = value`.
pub fn set_item(interp: &mut Interpreter, obj: &Value, index: Value, value: Value) -> R<()> {
    match obj {
        Value::List(s) => {
            if let Some(parts) = as_slice(&index) {
                let new = interp.collect(&value)?;
                return set_slice(s, &parts, new);
            }
            let mut items = s.0.borrow_mut();
            let i = position(&index, items.len(), "list", "assignment ")?;
            items[i] = value;
            Ok(())
        }
        Value::Dict(d) => dict_set(d, index, value),
        _ => Err(Exception::new(
            "TypeError",
            format!(
                "'{}' object does not support item assignment",
                obj.type_name()
            ),
        )),
    }
}

fn set_slice(s: &Seq, parts: &[Value], new: Vec<Value>) -> R<()> {
    let mut items = s.0.borrow_mut();
    let (start, stop, step) = slice_indices(parts, items.len())?;
    if step != 1 {
        let positions = slice_positions(parts, items.len())?;
        if positions.len() != new.len() {
            let msg = format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new.len(),
                positions.len()
            );
            return Err(Exception::new("ValueError", msg));
        }
        for (p, v) in positions.into_iter().zip(new) {
            items[p] = v;
        }
        return Ok(());
    }
    let (start, stop) = (start as usize, (stop.max(start)) as usize);
    check_len("list", items.len() - (stop - start) + new.len())?;
    items.splice(start..stop, new);
    Ok(())
}

/// `del obj[index]`.
pub fn del_item(obj: &Value, index: &Value) -> R<()> {
    match obj {
        Value::List(s) => {
            let mut items = s.0.borrow_mut();
            if let Some(parts) = as_slice(index) {
                let mut positions = slice_positions(&parts, items.len())?;
                if positions.first() > positions.last() {
                    positions.reverse();
                }
                for p in positions.into_iter().rev() {
                    items.remove(p);
                }
                return Ok(());
            }
            let i = position(index, items.len(), "list", "assignment ")?;
            items.remove(i);
            Ok(())
        }
        Value::Dict(d) => match d.0.borrow_mut().remove(&index.key()?) {
            Some(_) => Ok(()),
            None => Err(Exception::with_args("KeyError", vec![index.clone()])),
        },
        _ => Err(Exception::new(
            "TypeError",
            format!(
                "'{}' object does not support item deletion",
                obj.type_name()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_division_and_modulo_floor() {
        let cases = [
            (7, -2, -4, -1),
            (-7, 2, -4, 1),
            (7, 2, 3, 1),
            (-7, -2, 3, -1),
        ];
        for (x, y, q, r) in cases {
            assert!(matches!(int_op(x, BinOp::FloorDiv, y), Ok(Value::Int(v)) if v == q));
            assert!(matches!(int_op(x, BinOp::Mod, y), Ok(Value::Int(v)) if v == r));
        }
        assert_eq!(
            int_op(i128::MIN, BinOp::FloorDiv, -1).unwrap_err().kind(),
            "OverflowError"
        );
        assert!(matches!(int_op(i128::MIN, BinOp::Mod, -1), Ok(Value::Int(0))));
        assert_eq!(
            int_op(2, BinOp::Pow, 128).unwrap_err().kind(),
            "OverflowError"
        );
        assert!(int_op(2, BinOp::Pow, 127).is_err());
        assert!(matches!(int_op(-2, BinOp::Pow, 127), Ok(Value::Int(i128::MIN))));
        assert!(matches!(int_op(-1, BinOp::LShift, 127), Ok(Value::Int(i128::MIN))));
        assert!(int_op(1, BinOp::LShift, 127).is_err());
        assert!(matches!(int_op(3, BinOp::LShift, 100), Ok(Value::Int(v)) if v == 3 << 100));
    }

    #[test]
    fn slices_clamp_like_python() {
        let parts = |a: Option<i64>, b: Option<i64>, c: Option<i64>| {
            [a, b, c]
                .map(|x| x.map_or(Value::None, |i| Value::Int(i.into())))
                .to_vec()
        };
        assert_eq!(
            slice_positions(&parts(None, None, Some(-1)), 3).unwrap(),
            vec![2, 1, 0]
        );
        assert_eq!(
            slice_positions(&parts(Some(-2), None, None), 3).unwrap(),
            vec![1, 2]
        );
        assert_eq!(
            slice_positions(&parts(Some(1), Some(100), Some(2)), 5).unwrap(),
            vec![1, 3]
        );
        assert!(slice_positions(&parts(None, None, Some(0)), 5).is_err());
    }
}
