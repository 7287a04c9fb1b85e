//! The `printf` builtin: bash's format language (`%s %b %d %i %u %x %X %o %c %f %e %g %q %%`
//! with flags, width and precision), reused until the arguments run out.

use super::super::exec::Interp;

/// Expands backslash escapes as `echo -e` and `%b` do. The flag is true when `\c` asked to
/// stop all further output.
pub fn unescape(s: &str) -> (String, bool) {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '\\' || i >= chars.len() {
            out.push(c);
            continue;
        }
        let e = chars[i];
        i += 1;
        match e {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'v' => out.push('\x0b'),
            'e' | 'E' => out.push('\x1b'),
            '\\' => out.push('\\'),
            'c' => return (out, true),
            '0' | 'x' => {
                let (radix, max) = if e == 'x' { (16, 2) } else { (8, 3) };
                let digits: String = chars[i..].iter().take(max).take_while(|d| d.is_digit(radix)).collect();
                i += digits.chars().count();
                if digits.is_empty() && e == 'x' {
                    out.push_str("\\x");
                } else {
                    let v = u32::from_str_radix(if digits.is_empty() { "0" } else { &digits }, radix).unwrap_or(0);
                    out.extend(char::from_u32(v));
                }
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    (out, false)
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
    let mut out = String::new();
    let mut status = 0;
    let mut errors = Vec::new();
    for _ in 0..10_000 {
        let before = rest.len();
        let stop = render(format, &mut rest, &mut out, &mut errors);
        if stop || rest.is_empty() || rest.len() == before {
            break;
        }
    }
    super::out(it, out);
    for e in errors {
        it.error(format_args!("printf: {e}"));
        status = 1;
    }
    status
}

/// One pass over the format. Returns true when `\c` stopped output.
fn render(format: &str, args: &mut &[String], out: &mut String, errors: &mut Vec<String>) -> bool {
    let chars: Vec<char> = format.chars().collect();
    let mut i = 0;
    let next = |args: &mut &[String]| -> Option<String> {
        let (first, rest) = args.split_first()?;
        *args = rest;
        Some(first.clone())
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            let end = (i + 2).min(chars.len());
            let mut j = end;
            if matches!(chars.get(i + 1), Some('0') | Some('x')) {
                while j < chars.len() && j < i + 5 && chars[j].is_ascii_hexdigit() {
                    j += 1;
                }
            }
            let (text, stop) = unescape(&chars[i..j].iter().collect::<String>());
            out.push_str(&text);
            if stop {
                return true;
            }
            i = j;
            continue;
        }
        if c != '%' {
            out.push(c);
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
        let Some(&conv) = chars.get(i) else {
            out.extend(&chars[start..]);
            break;
        };
        i += 1;
        let spec: String = chars[start + 1..i - 1].iter().collect();
        let piece = match conv {
            '%' => "%".to_string(),
            's' => pad(&spec, &next(args).unwrap_or_default(), true),
            'b' => {
                let (text, stop) = unescape(&next(args).unwrap_or_default());
                out.push_str(&pad(&spec, &text, true));
                if stop {
                    return true;
                }
                continue;
            }
            'q' => pad(&spec, &shell_quote(&next(args).unwrap_or_default()), true),
            'c' => pad(&spec, &next(args).unwrap_or_default().chars().take(1).collect::<String>(), true),
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = number(next(args), errors);
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
                        errors.push(format!("{arg}: invalid number"));
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
                errors.push(format!("%{other}: invalid format character"));
                return true;
            }
        };
        out.push_str(&piece);
    }
    false
}

fn number(arg: Option<String>, errors: &mut Vec<String>) -> i64 {
    let Some(arg) = arg else { return 0 };
    let t = arg.trim();
    if let Some(c) = t.strip_prefix('\'').or_else(|| t.strip_prefix('"')) {
        return c.chars().next().map_or(0, |c| c as i64);
    }
    let parsed = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        i64::from_str_radix(h, 16).ok()
    } else if t.len() > 1 && t.starts_with('0') {
        i64::from_str_radix(&t[1..], 8).ok()
    } else {
        t.parse().ok()
    };
    parsed.unwrap_or_else(|| {
        errors.push(format!("{arg}: invalid number"));
        0
    })
}

/// Width (`5`, `-5`) and precision (`.3`, truncation) for text.
fn pad(spec: &str, text: &str, truncate: bool) -> String {
    let left = spec.contains('-');
    let (width, prec) = match spec.trim_start_matches(['-', '+', ' ', '#', '0']).split_once('.') {
        Some((w, p)) => (w.parse().unwrap_or(0), p.parse().ok()),
        None => (spec.trim_start_matches(['-', '+', ' ', '#', '0']).parse().unwrap_or(0), None),
    };
    let text: String = match (prec, truncate) {
        (Some(p), true) => text.chars().take(p).collect(),
        _ => text.to_string(),
    };
    let width: usize = width.min(10_000);
    let n = text.chars().count();
    if n >= width {
        text
    } else if left {
        format!("{text}{}", " ".repeat(width - n))
    } else {
        format!("{}{text}", " ".repeat(width - n))
    }
}

fn pad_number(spec: &str, sign: &str, digits: &str) -> String {
    let body = format!("{sign}{digits}");
    let zero = spec.trim_start_matches(['-', '+', ' ', '#']).starts_with('0') && !spec.contains('-');
    let width: usize = spec.trim_start_matches(['-', '+', ' ', '#', '0']).split('.').next().unwrap_or("").parse().unwrap_or(0);
    let width = width.min(10_000);
    if zero && body.len() < width {
        format!("{sign}{}{digits}", "0".repeat(width - body.len()))
    } else {
        pad(spec.split('.').next().unwrap_or(""), &body, false)
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

    fn run(format: &str, args: &[&str]) -> (String, Vec<String>) {
        let owned: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let mut rest: &[String] = &owned;
        let mut out = String::new();
        let mut errors = Vec::new();
        loop {
            let before = rest.len();
            if render(format, &mut rest, &mut out, &mut errors) || rest.is_empty() || rest.len() == before {
                break;
            }
        }
        (out, errors)
    }

    #[test]
    fn formats_like_bash() {
        assert_eq!(run("%s-%d\\n", &["a", "1", "b"]).0, "a-1\nb-0\n");
        assert_eq!(run("%5.2f|%x|%o|%c|%b\\n", &["3.14159", "255", "8", "hello", "a\\tb"]).0, " 3.14|ff|10|h|a\tb\n");
        assert_eq!(run("[%5s][%-5s][%05d]\\n", &["ab", "cd", "42"]).0, "[   ab][cd   ][00042]\n");
        assert_eq!(run("%d\\n", &["x"]), ("0\n".to_string(), vec!["x: invalid number".to_string()]));
        assert_eq!(run("100%%\\n", &[]).0, "100%\n");
    }

    #[test]
    fn echo_escapes() {
        assert_eq!(unescape("a\\tb\\n"), ("a\tb\n".to_string(), false));
        assert_eq!(unescape("x\\cy"), ("x".to_string(), true));
        assert_eq!(unescape("\\0101\\x41"), ("AA".to_string(), false));
    }
}
