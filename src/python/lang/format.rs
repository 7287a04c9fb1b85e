//! Text formatting: Python's format-spec mini-language (`{x:>5}`, `{x:.2f}`, `{n:,}`,
//! `{n:08d}`...) used by f-strings, `format()` and `str.format`. Of the mini-language this
//! simulation leaves out `#`, `_` and the types `b c n o x X`, and printf-style `%` formatting;
//! they fail with an error that says so.

use super::traceback::Exception;
use super::float::fixed;
use super::value::{float_repr, Value};
use std::rc::Rc;

type R<T> = Result<T, Exception>;

fn value_error(msg: impl Into<String>) -> Exception {
    Exception::new("ValueError", msg)
}

/// A parsed format spec: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
#[derive(Default)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse_spec(spec: &str) -> R<Spec> {
    let c: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = Some(c[0]);
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        return Err(spec_unsupported("'#'"));
    }
    if i < c.len() && c[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let digits = |i: &mut usize| -> R<Option<usize>> {
        let start = *i;
        while *i < c.len() && c[*i].is_ascii_digit() {
            *i += 1;
        }
        if start == *i {
            return Ok(None);
        }
        let text: String = c[start..*i].iter().collect();
        text.parse::<usize>()
            .ok()
            .filter(|n| *n <= super::ops::MAX_LEN)
            .map(Some)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))
    };
    s.width = digits(&mut i)?.unwrap_or(0);
    if i < c.len() && c[i] == '_' {
        return Err(spec_unsupported("'_'"));
    }
    if i < c.len() && c[i] == ',' {
        s.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        s.precision =
            Some(digits(&mut i)?.ok_or_else(|| value_error("Format specifier missing precision"))?);
    }
    if i < c.len() {
        if "bcnoxX".contains(c[i]) {
            return Err(spec_unsupported(&format!("type '{}'", c[i])));
        }
        s.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        return Err(value_error("Invalid format specifier"));
    }
    Ok(s)
}

fn spec_unsupported(what: &str) -> Exception {
    super::builtins::unsupported(&format!("the format spec option {what}"))
}

/// `format(value, spec)`.
pub fn format_value(v: &Value, spec: &str) -> R<String> {
    if spec.is_empty() {
        return v.to_str();
    }
    let s = parse_spec(spec)?;
    match v {
        Value::Str(text) => format_str(text, &s),
        Value::Int(_) | Value::Bool(_) => format_int(v.as_i128().unwrap_or(0), &s),
        Value::Float(f) => format_float(*f, &s),
        other => Err(Exception::new(
            "TypeError",
            format!(
                "unsupported format string passed to {}.__format__",
                other.type_name()
            ),
        )),
    }
}

fn unknown_code(ty: char, what: &str) -> Exception {
    value_error(format!(
        "Unknown format code '{ty}' for object of type '{what}'"
    ))
}

fn format_str(text: &str, s: &Spec) -> R<String> {
    if let Some(ty) = s.ty.filter(|t| *t != 's') {
        return Err(unknown_code(ty, "str"));
    }
    if s.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if s.align == Some('=') {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let body: String = match s.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    Ok(pad("", &body, s, '<'))
}

fn format_int(i: i128, s: &Spec) -> R<String> {
    let ty = s.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return format_float(i as f64, s);
    }
    if s.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if ty != 'd' {
        return Err(unknown_code(ty, "int"));
    }
    let digits = i.unsigned_abs().to_string();
    let digits = match s.grouping {
        Some(g) => group(&digits, g),
        None => digits,
    };
    Ok(pad(sign_of(i < 0, s), &digits, s, '>'))
}

fn sign_of(negative: bool, s: &Spec) -> &'static str {
    match (negative, s.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

fn format_float(f: f64, s: &Spec) -> R<String> {
    let ty = s.ty;
    let body = if f.is_nan() || f.is_infinite() {
        let t = if f.is_nan() { "nan" } else { "inf" };
        if matches!(ty, Some('F' | 'E' | 'G')) {
            t.to_ascii_uppercase()
        } else {
            t.to_string()
        }
    } else {
        let a = f.abs();
        match ty {
            Some('f' | 'F') => fixed(a, s.precision.unwrap_or(6)),
            Some('%') => fixed(a * 100.0, s.precision.unwrap_or(6)) + "%",
            Some(e @ ('e' | 'E')) => sci(a, s.precision.unwrap_or(6), e == 'E'),
            Some(g @ ('g' | 'G')) => general(a, s.precision.unwrap_or(6), g == 'G', false),
            None if s.precision.is_some() => {
                general(a, s.precision.unwrap_or(6), false, true)
            }
            None => float_repr(a),
            Some(other) => return Err(unknown_code(other, "float")),
        }
    };
    let body = match s.grouping {
        Some(g) => {
            let (int_part, rest) = body.split_at(
                body.find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(body.len()),
            );
            format!("{}{rest}", group(int_part, g))
        }
        None => body,
    };
    let negative = f.is_sign_negative() && !f.is_nan();
    Ok(pad(sign_of(negative, s), &body, s, '>'))
}

/// Scientific notation with Python's two-digit exponent (`1.50e+03`).
fn sci(a: f64, precision: usize, upper: bool) -> String {
    let (d, exp) = super::float::sig_digits(a, precision + 1);
    let mut out = String::new();
    for i in 0..=precision {
        if i == 1 {
            out.push('.');
        }
        out.push(char::from(*d.get(i).unwrap_or(&b'0')));
    }
    super::value::exponent(exp, if upper { 'E' } else { 'e' }, &mut out);
    out
}

/// `g` formatting; `repr_like` is the no-type-with-precision variant, which keeps a `.0`.
fn general(a: f64, precision: usize, upper: bool, repr_like: bool) -> String {
    let p = precision.max(1);
    if a == 0.0 {
        return if repr_like {
            "0.0".into()
        } else {
            "0".into()
        };
    }
    let exp = super::float::sig_digits(a, p).1;
    let limit = if repr_like { p as i32 - 1 } else { p as i32 };
    if exp >= -4 && exp < limit {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let mut text = fixed(a, decimals);
        trim_zeros(&mut text, repr_like);
        return text;
    }
    let text = sci(a, p - 1, upper);
    let epos = text.find(['e', 'E']).unwrap_or(text.len());
    let (mut mant, exp) = (text[..epos].to_string(), &text[epos..]);
    trim_zeros(&mut mant, false);
    mant + exp
}

fn trim_zeros(text: &mut String, keep_point_zero: bool) {
    if text.contains('.') {
        while text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            if keep_point_zero {
                text.push('0');
            } else {
                text.pop();
            }
        }
    } else if keep_point_zero {
        text.push_str(".0");
    }
}

/// Inserts a separator every three digits from the right.
fn group(digits: &str, sep: char) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(*c);
    }
    out
}

/// Pads `sign` + `body` to the spec's width with its fill and alignment.
fn pad(sign: &str, body: &str, s: &Spec, default_align: char) -> String {
    let (fill, align) = match (s.fill, s.align, s.zero) {
        (None, None, true) => ('0', '='),
        (fill, align, zero) => (
            fill.unwrap_or(if zero && align == Some('=') { '0' } else { ' ' }),
            align.unwrap_or(default_align),
        ),
    };
    let len = sign.chars().count() + body.chars().count();
    if len >= s.width {
        return format!("{sign}{body}");
    }
    let n = s.width - len;
    let fills = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match align {
        '<' => format!("{sign}{body}{}", fills(n)),
        '^' => format!("{}{sign}{body}{}", fills(n / 2), fills(n - n / 2)),
        '=' => format!("{sign}{}{body}", fills(n)),
        _ => format!("{}{sign}{body}", fills(n)),
    }
}

/// `template.format(*args, **kw)`.
pub fn str_format(template: &str, args: &[Value], kw: &[(Rc<str>, Value)]) -> R<String> {
    let chars: Vec<char> = template.chars().collect();
    let mut out = String::new();
    let mut auto = Some(0usize);
    let mut manual = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c == '{' || c == '}') && chars.get(i + 1) == Some(&c) {
            out.push(c);
            i += 2;
            continue;
        }
        if c == '}' {
            return Err(value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        let close = field_end(&chars, i + 1)
            .ok_or_else(|| value_error("expected '}' before end of string"))?;
        let field: String = chars[i + 1..close].iter().collect();
        out.push_str(&format_field(&field, args, kw, &mut auto, &mut manual)?);
        i = close + 1;
    }
    Ok(out)
}

/// The index of the `}` closing a field that starts at `start` (nested braces allowed).
fn field_end(chars: &[char], start: usize) -> Option<usize> {
    let mut depth = 0;
    for (k, c) in chars.iter().enumerate().skip(start) {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return Some(k),
            '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

fn format_field(
    field: &str,
    args: &[Value],
    kw: &[(Rc<str>, Value)],
    auto: &mut Option<usize>,
    manual: &mut bool,
) -> R<String> {
    let (head, spec) = match field.find(':') {
        Some(k) => (&field[..k], &field[k + 1..]),
        None => (field, ""),
    };
    let (name, conv) = match head.find('!') {
        Some(k) => (&head[..k], head[k + 1..].chars().next()),
        None => (head, None),
    };
    let key_end = name.find(['.', '[']).unwrap_or(name.len());
    let (key, rest) = name.split_at(key_end);
    let mut value = if key.is_empty() {
        if *manual {
            return Err(value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        let n = auto.ok_or_else(|| {
            value_error(
                "cannot switch from manual field specification to automatic field numbering",
            )
        })?;
        *auto = Some(n + 1);
        positional(args, n)?
    } else if let Ok(n) = key.parse::<usize>() {
        if auto.is_some_and(|a| a > 0) {
            return Err(value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *manual = true;
        *auto = None;
        positional(args, n)?
    } else {
        kw.iter()
            .find(|(k, _)| &**k == key)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| Exception::with_args("KeyError", vec![Value::str(key)]))?
    };
    if let Some(index) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        let idx = index
            .parse::<i64>()
            .map_or_else(|_| Value::str(index), |i| Value::Int(i.into()));
        value = super::ops::get_item(&value, &idx)?;
    } else if !rest.is_empty() {
        return Err(super::builtins::unsupported(
            "attribute access in str.format fields",
        ));
    }
    let value = match conv {
        Some('r') | Some('a') => Value::str(&super::ops::repr(&value)?),
        Some('s') => Value::str(&value.to_str()?),
        Some(c) => return Err(value_error(format!("Unknown conversion specifier {c}"))),
        None => value,
    };
    let spec = if spec.contains('{') {
        str_format(spec, args, kw)?
    } else {
        spec.to_string()
    };
    format_value(&value, &spec)
}

fn positional(args: &[Value], n: usize) -> R<Value> {
    args.get(n).cloned().ok_or_else(|| {
        Exception::new(
            "IndexError",
            format!("Replacement index {n} out of range for positional args tuple"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: Value, spec: &str) -> String {
        format_value(&v, spec).unwrap()
    }

    #[test]
    fn format_specs_match_python() {
        assert_eq!(f(Value::Float(1.23456), ".2f"), "1.23");
        assert_eq!(f(Value::Int(42), ">5"), "   42");
        assert_eq!(f(Value::str("ab"), "^6"), "  ab  ");
        assert_eq!(f(Value::Int(1234567), ","), "1,234,567");
        assert_eq!(f(Value::Int(-42), "06d"), "-00042");
        assert_eq!(f(Value::Float(0.25), ".1%"), "25.0%");
        assert_eq!(f(Value::Float(12345.678), ".3e"), "1.235e+04");
        assert_eq!(f(Value::Float(0.0001234), "g"), "0.0001234");
        assert_eq!(f(Value::Float(123456789.0), "g"), "1.23457e+08");
        assert_eq!(f(Value::Float(1.5), ".3"), "1.5");
    }

    #[test]
    fn str_format_numbers_and_escapes() {
        let args = [Value::Int(1), Value::str("x")];
        assert_eq!(str_format("{} and {!r}", &args, &[]).unwrap(), "1 and 'x'");
        assert_eq!(str_format("{1}{0}{{}}", &args, &[]).unwrap(), "x1{}");
    }
}
