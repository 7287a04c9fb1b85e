//! Text for `sed`: bytes as characters, the escapes GNU sed 4.9 understands in scripts, the
//! replacement of `s`, and the listing of `l`.
//!
//! Input is bytes; the matcher works on characters. Valid UTF-8 decodes as usual and every
//! byte that is not part of a valid sequence becomes one character of a private range
//! ([`decode`]), so [`encode`] gives back the very bytes read.

/// The first character of the range that stands for bytes outside valid UTF-8.
const BYTE_BASE: u32 = 0x10_FF00;

/// Bytes as text: invalid UTF-8 bytes become characters `U+10FF00 + byte`.
pub fn decode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                return text;
            }
            Err(err) => {
                let (valid, after) = rest.split_at(err.valid_up_to());
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad = err.error_len().unwrap_or(after.len()).max(1);
                for &b in &after[..bad] {
                    text.push(byte_char(b));
                }
                rest = &after[bad..];
            }
        }
    }
}

/// The character standing for a byte that is not valid UTF-8.
fn byte_char(b: u8) -> char {
    char::from_u32(BYTE_BASE + u32::from(b)).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Text back to the bytes [`decode`] read.
pub fn encode(text: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(text.len());
    for c in text.chars() {
        match u32::from(c).checked_sub(BYTE_BASE) {
            Some(b) if b < 0x100 => bytes.push(b as u8),
            _ => {
                let mut buf = [0; 4];
                bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    bytes
}

/// The byte a simple escape letter stands for (`\a \f \n \r \t \v`).
fn simple_escape(letter: u8) -> Option<u8> {
    Some(match letter {
        b'a' => 0x07,
        b'f' => 0x0c,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        b'v' => 0x0b,
        _ => return None,
    })
}

/// Reads a numeric escape at `src[i]` (the letter after the backslash: `d` decimal, `o` octal,
/// `x` hex) and returns its byte and how many bytes of `src` it used, letter included.
fn numeric_escape(src: &[u8], i: usize) -> Option<(u8, usize)> {
    let (radix, width) = match src.get(i)? {
        b'd' => (10, 3),
        b'o' => (8, 3),
        b'x' => (16, 2),
        _ => return None,
    };
    let digits: Vec<u32> = src[i + 1..].iter().take(width).map_while(|&b| (b as char).to_digit(radix)).collect();
    if digits.is_empty() {
        return None;
    }
    let value = digits.iter().fold(0u32, |acc, d| acc * radix + d);
    Some(((value & 0xff) as u8, 1 + digits.len()))
}

/// Reads a character-producing escape at `src[i]` (the byte after a backslash): the simple
/// ones, `\cX`, `\dNNN`, `\oNNN`, `\xHH`. Returns the byte and how many bytes it used.
fn char_escape(src: &[u8], i: usize) -> Option<(u8, usize)> {
    let letter = *src.get(i)?;
    if let Some(b) = simple_escape(letter) {
        return Some((b, 1));
    }
    if letter == b'c' {
        let x = *src.get(i + 1)?;
        return Some((x.to_ascii_uppercase() ^ 0x40, 2));
    }
    numeric_escape(src, i)
}

/// A regular expression as `s` or an address gave it, with the escapes that stand for one
/// character (`\t`, `\n`, `\d065`...) replaced by it; other escapes stay for the matcher.
pub fn regex_source(src: &[u8]) -> String {
    let mut out = Vec::with_capacity(src.len());
    let mut i = 0;
    while i < src.len() {
        if src[i] == b'\\' && i + 1 < src.len() {
            if let Some((b, used)) = char_escape(src, i + 1) {
                out.push(b);
                i += 1 + used;
                continue;
            }
            out.extend_from_slice(&src[i..i + 2]);
            i += 2;
            continue;
        }
        out.push(src[i]);
        i += 1;
    }
    decode(&out)
}

/// The text of `a`, `i` and `c` as read from the script (each escaped byte still preceded by
/// its backslash): escapes that stand for a character become it, any other backslash goes.
pub fn command_text(src: &[u8]) -> String {
    let mut out = Vec::with_capacity(src.len());
    let mut i = 0;
    while i < src.len() {
        if src[i] == b'\\' && i + 1 < src.len() {
            match char_escape(src, i + 1) {
                Some((b, used)) => {
                    out.push(b);
                    i += 1 + used;
                }
                None => {
                    out.push(src[i + 1]);
                    i += 2;
                }
            }
            continue;
        }
        out.push(src[i]);
        i += 1;
    }
    decode(&out)
}

/// The strings of `y` (after the delimiter escapes are gone): `\\` is a backslash, the
/// character escapes stand for their character, any other backslash goes.
pub fn translit_text(src: &[u8]) -> Vec<char> {
    command_text(src).chars().collect()
}

/// A change of case in a replacement (`\U \L \E \u \l`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `\U`: upper case until `\E` or `\L`.
    Upper,
    /// `\L`: lower case until `\E` or `\U`.
    Lower,
    /// `\E`: stop changing case.
    End,
    /// `\u`: the next character in upper case.
    UpperNext,
    /// `\l`: the next character in lower case.
    LowerNext,
}

/// One piece of a replacement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text copied as is.
    Literal(String),
    /// What a group matched (0: the whole match, `&`).
    Group(usize),
    /// A change of case for what follows.
    Case(Case),
}

/// Parses the replacement of `s` as `match_slash` left it (backslashes kept before every
/// escaped character except the delimiter): `&`, `\0`-`\9`, `\&`, `\n` and the other character
/// escapes, `\U \L \E \u \l`; any other escaped character is itself.
pub fn replacement(src: &[u8]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut literal = Vec::new();
    let flush = |literal: &mut Vec<u8>, pieces: &mut Vec<Piece>| {
        if !literal.is_empty() {
            pieces.push(Piece::Literal(decode(literal)));
            literal.clear();
        }
    };
    let mut i = 0;
    while i < src.len() {
        let b = src[i];
        if b == b'&' {
            flush(&mut literal, &mut pieces);
            pieces.push(Piece::Group(0));
            i += 1;
            continue;
        }
        if b != b'\\' || i + 1 >= src.len() {
            literal.push(b);
            i += 1;
            continue;
        }
        let next = src[i + 1];
        let case = match next {
            b'U' => Some(Case::Upper),
            b'L' => Some(Case::Lower),
            b'E' => Some(Case::End),
            b'u' => Some(Case::UpperNext),
            b'l' => Some(Case::LowerNext),
            _ => None,
        };
        if let Some(case) = case {
            flush(&mut literal, &mut pieces);
            pieces.push(Piece::Case(case));
            i += 2;
        } else if next.is_ascii_digit() {
            flush(&mut literal, &mut pieces);
            pieces.push(Piece::Group(usize::from(next - b'0')));
            i += 2;
        } else if let Some((byte, used)) = char_escape(src, i + 1) {
            literal.push(byte);
            i += 1 + used;
        } else {
            literal.push(next);
            i += 2;
        }
    }
    flush(&mut literal, &mut pieces);
    pieces
}

/// The highest group a replacement refers to.
pub fn highest_group(pieces: &[Piece]) -> usize {
    pieces.iter().filter_map(|p| if let Piece::Group(n) = p { Some(*n) } else { None }).max().unwrap_or(0)
}

/// Appends `text` to `out` under the case changes in force: `persistent` (`\U`/`\L`) for every
/// character, `next` (`\u`/`\l`) for the first one only (and then used up).
pub fn push_cased(out: &mut String, text: &str, persistent: Case, next: &mut Option<Case>) {
    for c in text.chars() {
        let case = next.take().unwrap_or(persistent);
        match case {
            Case::Upper | Case::UpperNext => out.extend(c.to_uppercase()),
            Case::Lower | Case::LowerNext => out.extend(c.to_lowercase()),
            Case::End => out.push(c),
        }
    }
}

/// The pattern space as `l` shows it: C escapes for `\\ \a \b \f \n \r \t \v`, octal for other
/// unprintable bytes and every byte outside ASCII, lines broken with `\` so that none is longer
/// than `width` (no breaking when `width` is 0), and `$` at the end.
pub fn listing(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut column = 0;
    for b in encode(text) {
        let shown = match b {
            b'\\' => "\\\\".to_string(),
            0x07 => "\\a".into(),
            0x08 => "\\b".into(),
            0x0c => "\\f".into(),
            b'\n' => "\\n".into(),
            b'\r' => "\\r".into(),
            b'\t' => "\\t".into(),
            0x0b => "\\v".into(),
            0x20..=0x7e => (b as char).to_string(),
            _ => format!("\\{b:03o}"),
        };
        if width > 0 && column + shown.len() > width - 1 {
            out.push_str("\\\n");
            column = 0;
        }
        column += shown.len();
        out.push_str(&shown);
    }
    out.push_str("$\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip() {
        let bytes = b"caf\xc3\xa9 \xff\xfe end\xc3";
        let text = decode(bytes);
        assert_eq!(text.chars().filter(|c| u32::from(*c) >= BYTE_BASE).count(), 3);
        assert!(text.starts_with("café "));
        assert_eq!(encode(&text), bytes);
    }

    #[test]
    fn escapes() {
        assert_eq!(regex_source(b"a\\tb\\n\\(x\\)\\.\\d065\\o102\\x43\\cA"), "a\tb\n\\(x\\)\\.ABC\x01");
        assert_eq!(regex_source(b"[\\t]\\\\t"), "[\t]\\\\t");
        assert_eq!(command_text(b"foo\\tbar\\qx\\\\y"), "foo\tbarqx\\y");
        assert_eq!(translit_text(b"a\\\\\\q"), vec!['a', '\\', 'q']);
    }

    #[test]
    fn replacements() {
        use Piece::*;
        assert_eq!(
            replacement(b"[&]\\&\\1x\\n\\Uy\\E\\d0651"),
            vec![
                Literal("[".into()),
                Group(0),
                Literal("]&".into()),
                Group(1),
                Literal("x\n".into()),
                Case(super::Case::Upper),
                Literal("y".into()),
                Case(super::Case::End),
                Literal("A1".into()),
            ]
        );
        assert_eq!(replacement(b"\\xZ"), vec![Literal("xZ".into())]);
        assert_eq!(highest_group(&replacement(b"\\2&\\1")), 2);
        let mut out = String::new();
        let mut next = Some(super::Case::UpperNext);
        push_cased(&mut out, "abc", super::Case::Lower, &mut next);
        assert_eq!((out.as_str(), next), ("Abc", None));
    }

    #[test]
    fn lists() {
        assert_eq!(listing("a\tb\\c\x01d\x7fé", 70), "a\\tb\\\\c\\001d\\177\\303\\251$\n");
        assert_eq!(listing("abc", 3), "ab\\\nc$\n");
        assert_eq!(listing("ab", 1), "\\\na\\\nb$\n");
        assert_eq!(listing(&"x".repeat(80), 0), format!("{}$\n", "x".repeat(80)));
    }
}
