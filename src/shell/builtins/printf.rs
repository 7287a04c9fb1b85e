//! The `printf` builtin: bash's format language (`%s %b %d %i %u %x %X %o %c %f %e %g %q %%`
//! with flags, width and precision), reused until the arguments run out.
//!
//! Output is bytes, as bash writes it: `\xHH` and octal escapes give that one raw byte (so
//! `'\xc3\xa9'` is the two bytes of `é`), `\u`/`\U` give a character encoded as UTF-8 (the
//! locale is `C.UTF-8`), and widths, precisions and `%c` count bytes, not characters.

use super::super::exec::Interp;

/// Where a backslash escape is read: each reads octal digits and `\c` its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escapes {
    /// `echo -e`: `\0NNN` only, `\c` stops.
    Echo,
    /// A `printf` format: `\NNN`, `\'`, `\"` and `\?`; `\c` is not special.
    Format,
    /// `printf`'s `%b`: `\0NNN` and `\NNN`, `\c` stops.
    PercentB,
}

/// Expands the backslash escapes of `s` into bytes. The flag is true when `\c` asked to stop
/// all further output.
pub fn unescape(s: &str, style: Escapes) -> (Vec<u8>, bool) {
    let mut out = Vec::new();
    let stop = unescape_into(s, style, &mut out, &mut Vec::new());
    (out, stop)
}

/// Appends `s` with its escapes expanded to `out`; `printf`'s complaints go to `errors` with
/// where in the output they arose. Returns true when `\c` stopped output.
fn unescape_into(s: &str, style: Escapes, out: &mut Vec<u8>, errors: &mut Vec<(usize, String)>) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '\\' || i + 1 >= chars.len() {
            push_char(out, chars[i]);
            i += 1;
            continue;
        }
        if let Some(e) = missing_digits(&chars[i + 1..]).filter(|_| style != Escapes::Echo) {
            errors.push((out.len(), e));
        }
        let (text, used) = escape(&chars[i + 1..], style);
        match text {
            Some(text) => out.extend_from_slice(&text),
            None => return true,
        }
        i += 1 + used;
    }
    false
}

/// `printf`'s complaint about `\x`, `\u` or `\U` without digits.
fn missing_digits(rest: &[char]) -> Option<String> {
    let c = *rest.first()?;
    let has_digit = rest.get(1).is_some_and(|d| d.is_ascii_hexdigit());
    match c {
        'x' if !has_digit => Some("missing hex digit for \\x".into()),
        'u' | 'U' if !has_digit => Some(format!("missing unicode digit for \\{c}")),
        _ => None,
    }
}

/// The escape after a backslash (bash's `tescape`): its bytes (None for a `\c` that stops
/// output) and how many characters it used.
fn escape(rest: &[char], style: Escapes) -> (Option<Vec<u8>>, usize) {
    let one = |b: u8| (Some(vec![b]), 1);
    let c = rest[0];
    match c {
        'a' => one(0x07),
        'b' => one(0x08),
        'e' | 'E' => one(0x1b),
        'f' => one(0x0c),
        'n' => one(b'\n'),
        'r' => one(b'\r'),
        't' => one(b'\t'),
        'v' => one(0x0b),
        '\\' => one(b'\\'),
        '\'' | '"' | '?' if style == Escapes::Format => one(c as u8),
        'c' if style != Escapes::Format => (None, 1),
        '0'..='7' if c == '0' || style != Escapes::Echo => {
            let more = if c == '0' && style != Escapes::Format { 3 } else { 2 };
            let (value, digits) = number_prefix(&rest[1..], 8, more);
            let byte = (c.to_digit(8).unwrap_or(0) * 8u32.pow(digits as u32) + value) & 0xff;
            (Some(vec![byte as u8]), 1 + digits)
        }
        'x' | 'u' | 'U' => {
            let max = match c {
                'x' => 2,
                'u' => 4,
                _ => 8,
            };
            match number_prefix(&rest[1..], 16, max) {
                (_, 0) => (Some(format!("\\{c}").into_bytes()), 1),
                (value, digits) if c == 'x' => (Some(vec![value as u8]), 1 + digits),
                (value, digits) => (Some(utf8_extended(value)), 1 + digits),
            }
        }
        _ => (Some(format!("\\{c}").into_bytes()), 1),
    }
}

/// Appends a character's UTF-8 bytes.
fn push_char(out: &mut Vec<u8>, c: char) {
    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
}

/// A code point as bash's `\u`/`\U` writes it in a UTF-8 locale: the original UTF-8 scheme
/// of up to six bytes, so surrogates and values past U+10FFFF are encoded too; from
/// 0x80000000 on, nothing.
fn utf8_extended(value: u32) -> Vec<u8> {
    let len = match value {
        0..=0x7f => return vec![value as u8],
        0x80..=0x7ff => 2,
        0x800..=0xffff => 3,
        0x1_0000..=0x1f_ffff => 4,
        0x20_0000..=0x3ff_ffff => 5,
        0x400_0000..=0x7fff_ffff => 6,
        _ => return Vec::new(),
    };
    // The lead byte: `len` one bits, a zero, then the highest bits of the value.
    let lead_mark: u8 = !(0xffu8 >> len);
    let mut bytes = vec![0u8; len];
    let mut v = value;
    for b in bytes.iter_mut().skip(1).rev() {
        *b = 0x80 | (v & 0x3f) as u8;
        v >>= 6;
    }
    bytes[0] = lead_mark | v as u8;
    bytes
}

/// The value of up to `max` digits in `radix` at the start of `chars`, and how many there were.
fn number_prefix(chars: &[char], radix: u32, max: usize) -> (u32, usize) {
    let digits: Vec<u32> = chars.iter().take(max).map_while(|c| c.to_digit(radix)).collect();
    (digits.iter().fold(0u32, |acc, d| acc.wrapping_mul(radix).wrapping_add(*d)), digits.len())
}

/// `printf FORMAT [ARGS...]`.
pub(crate) fn printf(it: &mut Interp, argv: &[String]) -> i32 {
    let mut args = &argv[1..];
    if args.first().is_some_and(|a| a == "--") {
        args = &args[1..];
    }
    let Some(format) = args.first() else {
        it.error("printf: usage: printf [-v var] format [arguments]");
        return 2;
    };
    let mut rest = &args[1..];
    let mut out = Vec::new();
    let mut status = 0;
    let mut errors = Vec::new();
    for _ in 0..10_000 {
        let before = rest.len();
        let stop = render(format, &mut rest, &mut out, &mut errors);
        if stop || rest.is_empty() || rest.len() == before {
            break;
        }
    }
    // bash's errors go out at once; its output is line-buffered, so an error comes after
    // the output's complete lines before it and before the rest.
    let mut flushed = 0;
    for (at, e) in errors {
        let upto = out[..at].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        if upto > flushed {
            super::out(it, &out[flushed..upto]);
            flushed = upto;
        }
        it.error(format_args!("printf: {e}"));
        status = 1;
    }
    super::out(it, &out[flushed..]);
    status
}

/// One pass over the format. Returns true when `\c` stopped output.
fn render(format: &str, args: &mut &[String], out: &mut Vec<u8>, errors: &mut Vec<(usize, String)>) -> bool {
    let chars: Vec<char> = format.chars().collect();
    let mut i = 0;
    let next = |args: &mut &[String]| -> Option<String> {
        let (first, rest) = args.split_first()?;
        *args = rest;
        Some(first.clone())
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            let end = i + 1 + escape(&chars[i + 1..], Escapes::Format).1;
            let text: String = chars[i..end].iter().collect();
            unescape_into(&text, Escapes::Format, out, errors);
            i = end;
            continue;
        }
        if c != '%' {
            push_char(out, c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < chars.len() && "-+ #0".contains(chars[i]) {
            i += 1;
        }
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
            i += 1;
        }
        let spec_end = i;
        // C's length modifiers mean nothing to bash's printf.
        while i < chars.len() && "hjlLqtz".contains(chars[i]) {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            chars[start..].iter().for_each(|&c| push_char(out, c));
            break;
        };
        i += 1;
        let spec: String = chars[start + 1..spec_end].iter().collect();
        let piece = match conv {
            '%' => b"%".to_vec(),
            's' => pad(&spec, next(args).unwrap_or_default().as_bytes(), true),
            'b' => {
                let (mut text, mut found) = (Vec::new(), Vec::new());
                let stop = unescape_into(&next(args).unwrap_or_default(), Escapes::PercentB, &mut text, &mut found);
                errors.extend(found.into_iter().map(|(_, e)| (out.len(), e)));
                out.extend_from_slice(&pad(&spec, &text, true));
                if stop {
                    return true;
                }
                continue;
            }
            'q' => pad(&spec, shell_quote(&next(args).unwrap_or_default()).as_bytes(), true),
            // The argument's first byte (a NUL for an empty one), as C's `%c`.
            'c' => pad(&spec, &[next(args).unwrap_or_default().bytes().next().unwrap_or(0)], true),
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = number(next(args), errors, out.len());
                let digits = match conv {
                    'x' => format!("{n:x}"),
                    'X' => format!("{n:X}"),
                    'o' => format!("{n:o}"),
                    _ => n.abs().to_string(),
                };
                let sign = if n < 0 && matches!(conv, 'd' | 'i' | 'u') { "-" } else if spec.contains('+') { "+" } else { "" };
                pad_number(&spec, sign, &digits)
            }
            'f' | 'e' | 'g' | 'F' | 'E' | 'G' => {
                let arg = next(args).unwrap_or_default();
                let v: f64 = if arg.is_empty() {
                    0.0
                } else {
                    arg.parse().unwrap_or_else(|_| {
                        errors.push((out.len(), format!("{arg}: invalid number")));
                        0.0
                    })
                };
                let prec = spec.split_once('.').map_or(6, |(_, p)| p.parse().unwrap_or(0));
                let text = match conv {
                    'e' | 'E' => format!("{v:.prec$e}"),
                    _ => format!("{v:.prec$}"),
                };
                pad_number(&spec, "", &text)
            }
            other => {
                errors.push((out.len(), format!("`{other}': invalid format character")));
                return true;
            }
        };
        out.extend_from_slice(&piece);
    }
    false
}

/// A numeric argument as bash's `printf` reads it (C's `strtoimax` with base 0): a leading
/// quote gives the next character's code; trailing garbage is an error, but the number read so
/// far is used.
fn number(arg: Option<String>, errors: &mut Vec<(usize, String)>, at: usize) -> i64 {
    let Some(arg) = arg else { return 0 };
    if let Some(c) = arg.strip_prefix('\'').or_else(|| arg.strip_prefix('"')) {
        return c.chars().next().map_or(0, |c| c as i64);
    }
    let (value, rest) = strtoimax(&arg);
    if !rest.is_empty() {
        errors.push((at, format!("{arg}: {}", invalid_number_message(&arg))));
    }
    value
}

/// bash's `sh_invalidnum` wording, which looks at how the argument starts.
fn invalid_number_message(arg: &str) -> &'static str {
    let b = arg.as_bytes();
    match (b.first(), b.get(1)) {
        (Some(b'0'), Some(c)) if c.is_ascii_digit() => "invalid octal number",
        (Some(b'0'), Some(b'x')) => "invalid hex number",
        _ => "invalid number",
    }
}

/// C's `strtoimax(s, &end, 0)`: the value (saturated) and the unparsed rest; all of `s` when
/// no digits were found.
fn strtoimax(s: &str) -> (i64, &str) {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let hex = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")).filter(|h| h.starts_with(|c: char| c.is_ascii_hexdigit()));
    let (radix, digits) = match hex {
        Some(h) => (16, h),
        None if t.starts_with('0') => (8, t),
        None => (10, t),
    };
    let len = digits.chars().take_while(|c| c.is_digit(radix)).count();
    if len == 0 {
        return (0, s);
    }
    let magnitude = digits[..len].chars().fold(0i64, |acc, c| {
        acc.saturating_mul(i64::from(radix)).saturating_add(i64::from(c.to_digit(radix).unwrap_or(0)))
    });
    (if negative { magnitude.saturating_neg() } else { magnitude }, &digits[len..])
}

/// Width (`5`, `-5`) and precision (`.3`, truncation) for text, both counted in bytes as C's
/// `printf` counts them.
fn pad(spec: &str, text: &[u8], truncate: bool) -> Vec<u8> {
    let left = spec.contains('-');
    let (width, prec) = match spec.trim_start_matches(['-', '+', ' ', '#', '0']).split_once('.') {
        Some((w, p)) => (w.parse().unwrap_or(0), p.parse().ok()),
        None => (spec.trim_start_matches(['-', '+', ' ', '#', '0']).parse().unwrap_or(0), None),
    };
    let text = match (prec, truncate) {
        (Some(p), true) => &text[..text.len().min(p)],
        _ => text,
    };
    let width: usize = width.min(10_000);
    let fill = vec![b' '; width.saturating_sub(text.len())];
    if left {
        [text, &fill].concat()
    } else {
        [&fill, text].concat()
    }
}

fn pad_number(spec: &str, sign: &str, digits: &str) -> Vec<u8> {
    let body = format!("{sign}{digits}");
    let zero = spec.trim_start_matches(['-', '+', ' ', '#']).starts_with('0') && !spec.contains('-');
    let width: usize = spec.trim_start_matches(['-', '+', ' ', '#', '0']).split('.').next().unwrap_or("").parse().unwrap_or(0);
    let width = width.min(10_000);
    if zero && body.len() < width {
        format!("{sign}{}{digits}", "0".repeat(width - body.len())).into_bytes()
    } else {
        pad(spec.split('.').next().unwrap_or(""), body.as_bytes(), false)
    }
}

/// `%q`: a form the shell reads back as the same word.
fn shell_quote(s: &str) -> String {
    if s.is_empty() {
        return "''".into();
    }
    let mut out = String::new();
    for c in s.chars() {
        if !(c.is_ascii_alphanumeric() || "_-./=:,+@%".contains(c)) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_bytes(format: &str, args: &[&str]) -> (Vec<u8>, Vec<(usize, String)>) {
        let owned: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let mut rest: &[String] = &owned;
        let mut out = Vec::new();
        let mut errors = Vec::new();
        loop {
            let before = rest.len();
            if render(format, &mut rest, &mut out, &mut errors) || rest.is_empty() || rest.len() == before {
                break;
            }
        }
        (out, errors)
    }

    fn run(format: &str, args: &[&str]) -> (String, Vec<(usize, String)>) {
        let (out, errors) = run_bytes(format, args);
        (String::from_utf8(out).expect("UTF-8 output"), errors)
    }

    fn text(bytes: (Vec<u8>, bool)) -> (String, bool) {
        (String::from_utf8(bytes.0).expect("UTF-8 output"), bytes.1)
    }

    #[test]
    fn formats_like_bash() {
        assert_eq!(run("%s-%d\\n", &["a", "1", "b"]).0, "a-1\nb-0\n");
        assert_eq!(run("%5.2f|%x|%o|%c|%b\\n", &["3.14159", "255", "8", "hello", "a\\tb"]).0, " 3.14|ff|10|h|a\tb\n");
        assert_eq!(run("[%5s][%-5s][%05d]\\n", &["ab", "cd", "42"]).0, "[   ab][cd   ][00042]\n");
        assert_eq!(run("%d\\n", &["x"]), ("0\n".to_string(), vec![(0, "x: invalid number".to_string())]));
        assert_eq!(run("100%%\\n", &[]).0, "100%\n");
        assert_eq!(run("%d|%x|%d|%c|", &["1x", "0x1f", " -010", ""]), ("1|1f|-8|\0|".to_string(), vec![(0, "1x: invalid number".to_string())]));
    }

    #[test]
    fn echo_escapes() {
        assert_eq!(text(unescape("a\\tb\\n", Escapes::Echo)), ("a\tb\n".to_string(), false));
        assert_eq!(text(unescape("x\\cy", Escapes::Echo)), ("x".to_string(), true));
        assert_eq!(text(unescape("\\0101\\x41\\101", Escapes::Echo)), ("AA\\101".to_string(), false));
        assert_eq!(text(unescape("\\0101\\101\\31", Escapes::PercentB)), ("AA\x19".to_string(), false));
        assert_eq!(run("\\101\\0101\\c\\'", &[]).0, "A\x08".to_string() + "1\\c'");
    }

    /// Recorded from bash 5.2 (`printf ... | od -An -tx1`, LANG=C.UTF-8).
    #[test]
    fn hex_and_octal_escapes_are_raw_bytes() {
        assert_eq!(run_bytes("\\xc3", &[]).0, b"\xc3");
        assert_eq!(run_bytes("\\xc3\\xa9\\303\\251\\777", &[]).0, b"\xc3\xa9\xc3\xa9\xff");
        assert_eq!(run_bytes("%b", &["\\xc3\\0101\\303"]).0, b"\xc3A\xc3");
        assert_eq!(unescape("\\xc3\\0303", Escapes::Echo), (b"\xc3\xc3".to_vec(), false));
        // Plain text keeps its UTF-8 encoding.
        assert_eq!(run_bytes("é%s", &["ü"]).0, "éü".as_bytes());
    }

    #[test]
    fn unicode_escapes_encode_utf8_beyond_unicode() {
        assert_eq!(run_bytes("\\u00e9\\U0001F600\\x41\\101\\0101\\n", &[]).0, b"\xc3\xa9\xf0\x9f\x98\x80AA\x081\n");
        assert_eq!(run_bytes("\\ud800|\\U110000|\\U7fffffff|\\u0|\\x0|\\x100", &[]).0, b"\xed\xa0\x80|\xf4\x90\x80\x80|\xfd\xbf\xbf\xbf\xbf\xbf|\0|\0|\x100");
        assert_eq!(
            run_bytes("\\U80000000|\\Uffffffff|\\U0010ffff|\\U001fffff|\\U00200000|\\U03ffffff|\\U04000000", &[]).0,
            b"||\xf4\x8f\xbf\xbf|\xf7\xbf\xbf\xbf|\xf8\x88\x80\x80\x80|\xfb\xbf\xbf\xbf\xbf|\xfc\x84\x80\x80\x80\x80"
        );
    }

    #[test]
    fn widths_precisions_and_c_count_bytes() {
        assert_eq!(run_bytes("|%5s|%-3s|%.1s|\\n", &["é", "é", "é"]).0, b"|   \xc3\xa9|\xc3\xa9 |\xc3|\n");
        assert_eq!(run_bytes("%c\\n", &["é"]).0, b"\xc3\n");
        assert_eq!(run_bytes("%5b|%.1b|", &["\\xc3", "é"]).0, b"    \xc3|\xc3|");
        assert_eq!(run_bytes("%5c|%-3c|", &["é", "a"]).0, b"    \xc3|a  |");
    }
}
