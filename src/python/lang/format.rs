//! Text formatting: Python's format-spec mini-language (`{x:>5}`, `{x:.2f}`, `{n:,}`,
//! `{n:08b}`...) used by f-strings, `format()` and `str.format`, and printf-style `%` formatting.

use super::traceback::Exception;
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
    alt: bool,
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
        s.alt = true;
        i += 1;
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
    if i < c.len() && matches!(c[i], ',' | '_') {
        s.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        s.precision =
            Some(digits(&mut i)?.ok_or_else(|| value_error("Format specifier missing precision"))?);
    }
    if i < c.len() {
        s.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        return Err(value_error("Invalid format specifier"));
    }
    Ok(s)
}

/// `format(value, spec)`.
pub fn format_value(v: &Value, spec: &str) -> R<String> {
    if spec.is_empty() {
        return v.to_str();
    }
    let s = parse_spec(spec)?;
    match v {
        Value::Str(text) => format_str(text, &s),
        Value::Int(_) | Value::Bool(_) => format_int(v.as_int().unwrap_or(0), &s),
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

fn format_int(i: i64, s: &Spec) -> R<String> {
    let ty = s.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return format_float(i as f64, s);
    }
    if s.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    let m = i.unsigned_abs();
    let (prefix, digits) = match ty {
        'd' | 'n' => ("", m.to_string()),
        'x' => ("0x", format!("{m:x}")),
        'X' => ("0X", format!("{m:X}")),
        'o' => ("0o", format!("{m:o}")),
        'b' => ("0b", format!("{m:b}")),
        'c' => {
            let c = u32::try_from(i)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| Exception::new("OverflowError", "%c arg not in range(0x110000)"))?;
            return Ok(pad("", &c.to_string(), s, '<'));
        }
        other => return Err(unknown_code(other, "int")),
    };
    let digits = match s.grouping {
        Some(g) => group(&digits, g, if ty == 'd' { 3 } else { 4 }),
        None => digits,
    };
    let sign = sign_of(i < 0, s);
    let prefix = if s.alt { prefix } else { "" };
    Ok(pad(&format!("{sign}{prefix}"), &digits, s, '>'))
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
            t.to_uppercase()
        } else {
            t.to_string()
        }
    } else {
        let a = f.abs();
        match ty {
            Some('f' | 'F') => format!("{:.*}", s.precision.unwrap_or(6), a),
            Some('%') => format!("{:.*}%", s.precision.unwrap_or(6), a * 100.0),
            Some(e @ ('e' | 'E')) => sci(a, s.precision.unwrap_or(6), e == 'E'),
            Some(g @ ('g' | 'G')) => general(a, s.precision.unwrap_or(6), s.alt, g == 'G', false),
            None if s.precision.is_some() => {
                general(a, s.precision.unwrap_or(6), s.alt, false, true)
            }
            None => float_repr(a),
            Some('n') => general(a, s.precision.unwrap_or(6), s.alt, false, false),
            Some(other) => return Err(unknown_code(other, "float")),
        }
    };
    let body = match s.grouping {
        Some(g) => {
            let (int_part, rest) = body.split_at(
                body.find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(body.len()),
            );
            format!("{}{rest}", group(int_part, g, 3))
        }
        None => body,
    };
    let negative = f.is_sign_negative() && !f.is_nan();
    Ok(pad(sign_of(negative, s), &body, s, '>'))
}

/// Scientific notation with Python's two-digit exponent (`1.50e+03`).
fn sci(a: f64, precision: usize, upper: bool) -> String {
    let text = format!("{:.*e}", precision, a);
    let (mant, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let e = if upper { 'E' } else { 'e' };
    format!(
        "{mant}{e}{}{:02}",
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

/// `g` formatting; `repr_like` is the no-type-with-precision variant, which keeps a `.0`.
fn general(a: f64, precision: usize, alt: bool, upper: bool, repr_like: bool) -> String {
    let p = precision.max(1);
    if a == 0.0 {
        return if repr_like || alt {
            "0.0".into()
        } else {
            "0".into()
        };
    }
    let rounded = format!("{:.*e}", p - 1, a);
    let exp: i32 = rounded
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let limit = if repr_like { p as i32 - 1 } else { p as i32 };
    if exp >= -4 && exp < limit {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let mut text = format!("{:.*}", decimals, a);
        if !alt {
            trim_zeros(&mut text, repr_like);
        }
        return text;
    }
    let mut text = sci(a, p - 1, upper);
    if !alt {
        if let Some(epos) = text.find(['e', 'E']) {
            let (mut mant, exp) = (text[..epos].to_string(), text[epos..].to_string());
            trim_zeros(&mut mant, false);
            text = mant + &exp;
        }
    }
    text
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

/// Inserts a separator every `every` digits from the right.
fn group(digits: &str, sep: char, every: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i) % every == 0 {
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
            .map_or_else(|_| Value::str(index), Value::Int);
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

/// `fmt % args`, printf-style.
pub fn percent(fmt: &str, args: &Value) -> R<String> {
    let items: Vec<Value> = match args {
        Value::Tuple(t) => t.0.borrow().clone(),
        other => vec![other.clone()],
    };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut next = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut key = None;
        if chars.get(i) == Some(&'(') {
            let close = chars[i..]
                .iter()
                .position(|c| *c == ')')
                .ok_or_else(|| value_error("incomplete format key"))?;
            key = Some(chars[i + 1..i + close].iter().collect::<String>());
            i += close + 1;
        }
        let start = i;
        while i < chars.len() && "-+ #0123456789.".contains(chars[i]) {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            return Err(value_error("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let value = match &key {
            Some(k) => super::ops::get_item(args, &Value::str(k))?,
            None => {
                let v = items.get(next).cloned().ok_or_else(|| {
                    Exception::new("TypeError", "not enough arguments for format string")
                })?;
                next += 1;
                v
            }
        };
        let flags: String = chars[start..i - 1].iter().collect();
        out.push_str(&percent_one(&flags, conv, &value)?);
    }
    if key_free(&chars) && next < items.len() && !matches!(args, Value::Dict(_)) {
        return Err(Exception::new(
            "TypeError",
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

fn key_free(chars: &[char]) -> bool {
    !chars.windows(2).any(|w| w == ['%', '('])
}

fn percent_one(flags: &str, conv: char, v: &Value) -> R<String> {
    let left = flags.contains('-');
    let body_flags: String = flags.chars().filter(|c| *c != '-').collect();
    let (sign, rest) = match body_flags.chars().next() {
        Some(c @ ('+' | ' ')) => (Some(c), &body_flags[1..]),
        _ => (None, body_flags.as_str()),
    };
    let alt = rest.contains('#');
    let rest = rest.trim_start_matches('#');
    let zero = rest.starts_with('0') && !left;
    let (width, precision) = match rest.trim_start_matches('0').split_once('.') {
        Some((w, p)) => (w.parse().unwrap_or(0), Some(p.parse().unwrap_or(0))),
        None => (rest.trim_start_matches('0').parse().unwrap_or(0), None),
    };
    let spec = Spec {
        fill: None,
        align: Some(if left { '<' } else { '>' }),
        sign,
        alt,
        zero: false,
        width,
        grouping: None,
        precision,
        ty: None,
    };
    let spec = if zero {
        Spec {
            fill: Some('0'),
            align: Some('='),
            ..spec
        }
    } else {
        spec
    };
    match conv {
        's' | 'r' | 'a' => {
            let text = if conv == 's' {
                v.to_str()?
            } else {
                super::ops::repr(v)?
            };
            format_str(
                &text,
                &Spec {
                    ty: None,
                    sign: None,
                    align: Some(if left { '<' } else { '>' }),
                    fill: None,
                    ..spec
                },
            )
        }
        'c' if v.as_str().is_some_and(|t| t.chars().count() == 1) => format_str(
            v.as_str().unwrap_or(""),
            &Spec {
                ty: None,
                sign: None,
                ..spec
            },
        ),
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'c' => {
            let n = match v {
                Value::Float(f) if conv != 'c' => f.trunc() as i64,
                other => other.as_int().ok_or_else(|| {
                    Exception::new(
                        "TypeError",
                        format!(
                            "%{conv} format: a real number is required, not {}",
                            other.type_name()
                        ),
                    )
                })?,
            };
            let ty = if matches!(conv, 'i' | 'u') { 'd' } else { conv };
            format_int(
                n,
                &Spec {
                    ty: Some(ty),
                    precision: None,
                    ..spec
                },
            )
        }
        'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
            let f = match v {
                Value::Float(f) => *f,
                other => other.as_int().map(|i| i as f64).ok_or_else(|| {
                    Exception::new(
                        "TypeError",
                        format!("must be real number, not {}", other.type_name()),
                    )
                })?,
            };
            format_float(
                f,
                &Spec {
                    ty: Some(conv),
                    ..spec
                },
            )
        }
        other => Err(value_error(format!(
            "unsupported format character '{other}' (0x{:x})",
            other as u32
        ))),
    }
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
        assert_eq!(f(Value::Int(5), "08b"), "00000101");
        assert_eq!(f(Value::Int(-42), "06d"), "-00042");
        assert_eq!(f(Value::Float(0.25), ".1%"), "25.0%");
        assert_eq!(f(Value::Float(12345.678), ".3e"), "1.235e+04");
        assert_eq!(f(Value::Float(0.0001234), "g"), "0.0001234");
        assert_eq!(f(Value::Float(123456789.0), "g"), "1.23457e+08");
        assert_eq!(f(Value::Float(1.5), ".3"), "1.5");
        assert_eq!(f(Value::Int(255), "#x"), "0xff");
    }

    #[test]
    fn str_format_and_percent() {
        let args = [Value::Int(1), Value::str("x")];
        assert_eq!(str_format("{} and {!r}", &args, &[]).unwrap(), "1 and 'x'");
        assert_eq!(str_format("{1}{0}{{}}", &args, &[]).unwrap(), "x1{}");
        let t = Value::tuple(vec![Value::str("a"), Value::Int(3), Value::Float(2.5)]);
        assert_eq!(
            percent("%s=%03d (%.2f) 100%%", &t).unwrap(),
            "a=003 (2.50) 100%"
        );
        assert!(percent("%s %s", &Value::str("a")).is_err());
    }
}
