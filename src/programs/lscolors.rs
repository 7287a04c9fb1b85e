//! `LS_COLORS` as GNU `ls` 9.1 reads it, and the colour it gives each name.
//!
//! The variable is a `:`-separated list of `LABEL=VALUE` (a two-letter label such as `di` for
//! directories or `ex` for executables) and `*SUFFIX=VALUE` entries; values may hold escapes
//! (`\e`, `^[`, octal, hex). Without the variable, `ls` uses its compiled-in colours, but only
//! for a `$TERM` it knows or a non-empty `$COLORTERM` (see [`LsColors::from_env`]). A name's
//! colour follows from its file type and mode, and, for a plain file, from its suffix,
//! compared without regard to case. The `no` (normal text) colour is read but not applied.

use super::dircolors::known_term;
use super::walk::quote_locale;
use crate::fs::{FileKind, Metadata};

/// The labels, in GNU's order: `lc` `rc` `ec` what starts a colour, ends it, and replaces
/// `lc` `rs` `rc` after a name; `rs` the reset code; `no` normal text; then the file kinds
/// (`fi` regular, `di` directory, `ln` link, `pi` pipe, `so` socket, `bd` `cd` devices, `mi`
/// a dangling link's target, `or` a dangling link, `ex` executable, `do` door, `su` `sg`
/// set-id files, `st` `ow` `tw` sticky and other-writable directories, `ca` capabilities,
/// `mh` several hard links); `cl` clears to the end of the line.
const LABELS: [&str; 24] = [
    "lc", "rc", "ec", "rs", "no", "fi", "di", "ln", "pi", "so", "bd", "cd", "mi", "or", "ex", "do", "su", "sg", "st",
    "ow", "tw", "ca", "mh", "cl",
];

/// `ls`'s compiled-in colours, in the order of [`LABELS`].
const BUILT_IN: [Option<&str>; 24] = [
    Some("\x1b["),
    Some("m"),
    None,
    Some("0"),
    None,
    None,
    Some("01;34"),
    Some("01;36"),
    Some("33"),
    Some("01;35"),
    Some("01;33"),
    Some("01;33"),
    None,
    None,
    Some("01;32"),
    Some("01;35"),
    Some("37;41"),
    Some("30;43"),
    Some("37;44"),
    Some("34;42"),
    Some("30;42"),
    None,
    None,
    Some("\x1b[K"),
];

/// The colours `ls` paints with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LsColors {
    codes: [Option<String>; 24],
    /// `*SUFFIX` entries, the last one given first (it wins).
    suffixes: Vec<(String, String)>,
}

impl LsColors {
    /// The compiled-in colours.
    fn built_in() -> LsColors {
        LsColors { codes: BUILT_IN.map(|c| c.map(str::to_string)), suffixes: Vec::new() }
    }

    /// The colours for this environment, as `ls --color` decides: `LS_COLORS` when it is set
    /// and not empty, else the compiled-in ones if `$COLORTERM` is set or `$TERM` is a known
    /// terminal, else none. A value that cannot be parsed gives none and the error lines to
    /// print.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> (Option<LsColors>, Vec<String>) {
        match var("LS_COLORS").filter(|v| !v.is_empty()) {
            Some(value) => match LsColors::parse(&value) {
                Ok(colors) => (Some(colors), Vec::new()),
                Err(mut errors) => {
                    errors.push("unparsable value for LS_COLORS environment variable".to_string());
                    (None, errors)
                }
            },
            None => {
                let colorterm = var("COLORTERM").is_some_and(|c| !c.is_empty());
                let known = var("TERM").is_some_and(|t| !t.is_empty() && known_term(&t));
                ((colorterm || known).then(LsColors::built_in), Vec::new())
            }
        }
    }

    /// Parses an `LS_COLORS` value over the compiled-in colours; on failure, the messages
    /// (`unrecognized prefix: ‘zz’`) to print before the general one.
    fn parse(value: &str) -> Result<LsColors, Vec<String>> {
        let mut colors = LsColors::built_in();
        let bytes = value.as_bytes();
        let mut at = 0;
        loop {
            match bytes.get(at) {
                None => return Ok(colors),
                Some(b':') => at += 1,
                Some(b'*') => {
                    let (suffix, next) = unescape(bytes, at + 1, true).ok_or_else(Vec::new)?;
                    if bytes.get(next) != Some(&b'=') {
                        return Err(Vec::new());
                    }
                    let (code, next) = unescape(bytes, next + 1, false).ok_or_else(Vec::new)?;
                    colors.suffixes.insert(0, (suffix, code));
                    at = next;
                }
                Some(_) => {
                    let label = bytes.get(at..at + 2).ok_or_else(Vec::new)?;
                    if bytes.get(at + 2) != Some(&b'=') {
                        return Err(Vec::new());
                    }
                    let label = String::from_utf8_lossy(label).into_owned();
                    let Some(index) = LABELS.iter().position(|l| *l == label) else {
                        return Err(vec![format!("unrecognized prefix: {}", quote_locale(&label))]);
                    };
                    let (code, next) = unescape(bytes, at + 3, false).ok_or_else(Vec::new)?;
                    colors.codes[index] = Some(code);
                    at = next;
                }
            }
        }
    }

    /// The code set for a label (`di`, `ex`...), if any.
    pub fn code(&self, label: &str) -> Option<&str> {
        LABELS.iter().position(|l| *l == label).and_then(|i| self.codes[i].as_deref())
    }

    /// Whether a label paints at all (set, and not `0` or `00`).
    pub fn is_colored(&self, label: &str) -> bool {
        !matches!(self.code(label), None | Some("" | "0" | "00"))
    }

    /// Whether `ln=target`: links are coloured as what they point to.
    pub fn link_as_target(&self) -> bool {
        self.code("ln") == Some("target")
    }

    /// The code that ends a coloured name: `ec`, or `lc` `rs` `rc`.
    pub fn end(&self) -> String {
        match self.code("ec") {
            Some(end) => end.to_string(),
            None => self.sequence(self.code("rs").unwrap_or("")),
        }
    }

    /// A code wrapped in `lc` and `rc`.
    pub fn sequence(&self, code: &str) -> String {
        let (left, right) = (self.code("lc").unwrap_or(""), self.code("rc").unwrap_or(""));
        format!("{left}{code}{right}")
    }

    /// The code for a name. `meta` is what to classify it by (for a link listed as its
    /// target, the target's), `None` when unknown; `missing` marks a link target that does
    /// not exist; `link_ok` is false for a link whose target was not found (or not looked at).
    pub fn code_for(&self, name: &str, meta: Option<&Metadata>, missing: bool, link_ok: bool) -> Option<&str> {
        let colored = |label: &'static str| self.is_colored(label).then_some(label);
        let label = if missing && self.is_colored("mi") {
            "mi"
        } else {
            match meta {
                None => "or",
                Some(m) => match m.kind {
                    FileKind::File => None
                        .or(if m.perm & 0o4000 != 0 { colored("su") } else { None })
                        .or(if m.perm & 0o2000 != 0 { colored("sg") } else { None })
                        .or(if m.perm & 0o111 != 0 { colored("ex") } else { None })
                        .or(if m.nlink > 1 { colored("mh") } else { None })
                        .unwrap_or("fi"),
                    FileKind::Dir => {
                        let (sticky, writable) = (m.perm & 0o1000 != 0, m.perm & 0o002 != 0);
                        None.or(if sticky && writable { colored("tw") } else { None })
                            .or(if writable { colored("ow") } else { None })
                            .or(if sticky { colored("st") } else { None })
                            .unwrap_or("di")
                    }
                    FileKind::Symlink if !link_ok && (self.link_as_target() || self.is_colored("or")) => {
                        "or"
                    }
                    FileKind::Symlink => "ln",
                },
            }
        };
        if label == "fi" {
            if let Some((_, code)) = self.suffixes.iter().find(|(suffix, _)| ends_with_ignoring_case(name, suffix)) {
                return Some(code);
            }
        }
        self.code(label)
    }
}

/// Whether `name` ends with `suffix`, ASCII letters compared without case.
fn ends_with_ignoring_case(name: &str, suffix: &str) -> bool {
    let (name, suffix) = (name.as_bytes(), suffix.as_bytes());
    name.len() >= suffix.len() && name[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Reads one `LS_COLORS` field from `at`: up to a `:` (or, for a suffix, a `=`), with `\`
/// escapes (`\e`, `\n`, `\_` for a space, octal `\033`, hex `\x1b`) and `^X` control
/// characters decoded. Returns the text and where it stopped, or `None` for a bad escape.
fn unescape(bytes: &[u8], mut at: usize, stop_at_equals: bool) -> Option<(String, usize)> {
    let mut out = Vec::new();
    loop {
        match bytes.get(at).copied() {
            None | Some(b':') => break,
            Some(b'=') if stop_at_equals => break,
            Some(b'\\') => {
                at += 1;
                let c = *bytes.get(at)?;
                at += 1;
                let radix = match c {
                    b'0'..=b'7' => {
                        at -= 1;
                        8
                    }
                    b'x' | b'X' => 16,
                    _ => 0,
                };
                if radix == 0 {
                    out.push(match c {
                        b'a' => 7,
                        b'b' => 8,
                        b'e' => 27,
                        b'f' => 12,
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'v' => 11,
                        b'?' => 127,
                        b'_' => b' ',
                        other => other,
                    });
                    continue;
                }
                let mut value: u8 = 0;
                while let Some(digit) = bytes.get(at).and_then(|&d| (d as char).to_digit(radix)) {
                    value = value.wrapping_mul(radix as u8).wrapping_add(digit as u8);
                    at += 1;
                }
                out.push(value);
            }
            Some(b'^') => {
                let c = *bytes.get(at + 1)?;
                out.push(match c {
                    b'@'..=b'~' => c & 0o37,
                    b'?' => 127,
                    _ => return None,
                });
                at += 2;
            }
            Some(c) => {
                out.push(c);
                at += 1;
            }
        }
    }
    Some((String::from_utf8_lossy(&out).into_owned(), at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colors(pairs: &[(&str, &str)]) -> (Option<LsColors>, Vec<String>) {
        LsColors::from_env(|name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()))
    }

    fn meta(kind: FileKind, perm: u32) -> Metadata {
        Metadata { ino: 2, kind, perm, nlink: 1, uid: 0, gid: 0, size: 0, mtime: 0 }
    }

    #[test]
    fn the_environment_decides() {
        assert_eq!(colors(&[("TERM", "xterm")]).0, Some(LsColors::built_in()));
        assert_eq!(colors(&[("TERM", "dumb")]).0, None);
        assert_eq!(colors(&[("TERM", "dumb"), ("LS_COLORS", "")]).0, None);
        assert_eq!(colors(&[("TERM", "dumb"), ("COLORTERM", "x")]).0, Some(LsColors::built_in()));
        assert!(colors(&[("TERM", "dumb"), ("LS_COLORS", "di=4")]).0.is_some());
        assert_eq!(
            colors(&[("LS_COLORS", "zz=1")]),
            (None, vec!["unrecognized prefix: \u{2018}zz\u{2019}".into(), "unparsable value for LS_COLORS environment variable".into()])
        );
        for bad in ["d", "di", "di:", "*.x", "*.x:", "di=^1", "di=\\"] {
            assert_eq!(colors(&[("LS_COLORS", bad)]).1.len(), 1, "{bad}");
        }
    }

    #[test]
    fn values_and_escapes() {
        let c = LsColors::parse("di=\\e[1:ln=^[x:ex=\\x41\\102\\_:*.Py=1;2:*.py=3").unwrap();
        assert_eq!(c.code("di"), Some("\x1b[1"));
        assert_eq!(c.code("ln"), Some("\x1bx"));
        assert_eq!(c.code("ex"), Some("AB "));
        assert_eq!(c.code_for("A.PY", Some(&meta(FileKind::File, 0o644)), false, true), Some("3"));
        assert_eq!(c.code_for("a.py", Some(&meta(FileKind::File, 0o755)), false, true), Some("AB "));
    }

    proptest::proptest! {
        #[test]
        fn any_value_parses_or_fails_cleanly(value in "[-a-z0-9=:;*.^\\\\\\[ ]{0,24}") {
            if let (Some(c), _) = colors(&[("LS_COLORS", &value)]) {
                let _ = c.code_for("a.py", Some(&meta(FileKind::File, 0o755)), false, true);
                let _ = c.end();
            }
        }
    }

    #[test]
    fn kinds_and_modes() {
        let c = LsColors::built_in();
        let code = |kind, perm| c.code_for("x", Some(&meta(kind, perm)), false, true);
        assert_eq!(code(FileKind::Dir, 0o755), Some("01;34"));
        assert_eq!(code(FileKind::Dir, 0o1777), Some("30;42"));
        assert_eq!(code(FileKind::Dir, 0o777), Some("34;42"));
        assert_eq!(code(FileKind::Dir, 0o1755), Some("37;44"));
        assert_eq!(code(FileKind::File, 0o4755), Some("37;41"));
        assert_eq!(code(FileKind::File, 0o644), None);
        assert_eq!(c.code_for("x", Some(&meta(FileKind::Symlink, 0o777)), false, false), Some("01;36"));
        assert_eq!(c.code_for("x", None, true, true), None);
        let d = LsColors::parse("or=40;31;01:mi=00:mh=00").unwrap();
        assert_eq!(d.code_for("x", Some(&meta(FileKind::Symlink, 0o777)), false, false), Some("40;31;01"));
        assert_eq!(d.code_for("x", None, true, true), Some("40;31;01"));
        assert_eq!(d.end(), "\x1b[0m");
    }
}
