//! `file`: determine file type, as file 5.44 words it for the kinds of files this machine
//! holds.
//!
//! Recognises directories, symbolic links (`symbolic link to X`, `broken symbolic link to X`;
//! `-L` follows them), empty and one-byte files, our ELF program binaries, scripts by their
//! `#!` line (POSIX shell, Bourne-Again shell, Python, otherwise `a INTERPRETER script`),
//! Python source by its statements, JSON, and text (ASCII, UTF-8, ISO-8859) with notes on
//! line terminators, very long lines and escape sequences; anything else is `data`.
//! Several names are aligned after the colon; `-b` omits them. Missing files are reported on
//! standard output, and the exit status stays 0.

use super::args::{self, Spec};
use super::{is_elf, Ctx};
use crate::fs::{FileKind, FsError};

const SPEC: Spec = Spec {
    prog: "file",
    flags: "bLh",
    with_value: "",
    long: &[("brief", "b", false), ("dereference", "L", false), ("no-dereference", "h", false)],
};

/// What `file` prints without operands.
const USAGE: &str = "Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n\
\x20           [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]\n\
\x20           [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]\n\
\x20           <file> ...\n\
\x20      file -C [-m <magicfiles>]\n\
\x20      file [--help]\n";

/// How file 5.44 describes the ELF binaries of this machine.
const ELF: &str = "ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), dynamically linked, \
interpreter /lib64/ld-linux-x86-64.so.2, for GNU/Linux 3.2.0, stripped";

/// Lines longer than this many characters are "very long".
const LONG_LINE: usize = 300;
/// Deepest JSON nesting checked.
const MAX_JSON_DEPTH: usize = 256;

/// Entry point of `file`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, argv.get(1..).unwrap_or_default()) else { return 1 };
    if parsed.operands.is_empty() {
        ctx.err(USAGE);
        return 1;
    }
    let follow = parsed.last_of(&["L", "h"]) == Some("L");
    let brief = parsed.has("b");
    let width = parsed.operands.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    for name in &parsed.operands {
        let description = describe(ctx, name, follow);
        if brief {
            ctx.out_fmt(format_args!("{description}\n"));
        } else {
            let pad = " ".repeat(width - name.chars().count());
            ctx.out_fmt(format_args!("{name}:{pad} {description}\n"));
        }
    }
    0
}

/// The description of one file.
fn describe(ctx: &Ctx, name: &str, follow: bool) -> String {
    let meta = if follow { ctx.fs.stat(name) } else { ctx.fs.lstat(name) };
    let meta = match meta {
        Ok(m) => m,
        Err(e) => return format!("cannot open `{name}' ({e})"),
    };
    match meta.kind {
        FileKind::Dir => "directory".into(),
        FileKind::Symlink => {
            let target = ctx.fs.readlink(name).unwrap_or_default();
            if ctx.fs.stat(name).is_ok() {
                format!("symbolic link to {target}")
            } else {
                format!("broken symbolic link to {target}")
            }
        }
        FileKind::File => match ctx.fs.read(name) {
            Ok(data) => classify(&data),
            Err(FsError::AccessDenied) => format!("cannot open `{name}' (Permission denied)"),
            Err(e) => format!("cannot open `{name}' ({e})"),
        },
    }
}

/// The description of a regular file's content.
pub fn classify(data: &[u8]) -> String {
    if data.is_empty() {
        return "empty".into();
    }
    if data.len() == 1 {
        return "very short file (no magic)".into();
    }
    if is_elf(data) {
        return ELF.into();
    }
    let Some(encoding) = encoding(data) else { return "data".into() };
    let text = String::from_utf8_lossy(data);
    let notes = notes(data, &text);
    let script = script_kind(data, &text);
    if let Some(kind) = script {
        return format!("{kind}, {encoding} text executable{notes}");
    }
    if is_json(data) {
        return "JSON text data".into();
    }
    format!("{encoding} text{notes}")
}

/// The text encoding, or `None` for binary data.
fn encoding(data: &[u8]) -> Option<&'static str> {
    let text_byte = |b: u8| matches!(b, 0x07..=0x0d | 0x1b | 0x20..=0x7e);
    if data.iter().all(|&b| text_byte(b)) {
        return Some("ASCII");
    }
    if let Ok(s) = std::str::from_utf8(data) {
        if s.chars().all(|c| !c.is_ascii() || text_byte(c as u8)) {
            return Some("Unicode text, UTF-8");
        }
        return None;
    }
    if data.iter().all(|&b| text_byte(b) || b >= 0xa0) {
        return Some("ISO-8859");
    }
    None
}

/// The ", with ..." notes: very long lines, line terminators, escape sequences.
fn notes(data: &[u8], text: &str) -> String {
    let mut notes = String::new();
    let longest = text.split(['\n', '\r']).map(|l| l.chars().count()).max().unwrap_or(0);
    if longest > LONG_LINE {
        notes.push_str(&format!(", with very long lines ({longest})"));
    }
    let (mut crlf, mut cr, mut lf) = (false, false, false);
    for (i, &b) in data.iter().enumerate() {
        match b {
            b'\r' if data.get(i + 1) == Some(&b'\n') => crlf = true,
            b'\r' => cr = true,
            b'\n' if i > 0 && data[i - 1] == b'\r' => {}
            b'\n' => lf = true,
            _ => {}
        }
    }
    if !(crlf || cr || lf) {
        notes.push_str(", with no line terminators");
    } else if crlf || cr {
        let kinds: Vec<&str> =
            [(crlf, "CRLF"), (cr, "CR"), (lf, "LF")].iter().filter(|(on, _)| *on).map(|(_, k)| *k).collect();
        notes.push_str(&format!(", with {} line terminators", kinds.join(", ")));
    }
    if data.contains(&0x1b) {
        notes.push_str(", with escape sequences");
    }
    notes
}

/// The kind of script the `#!` line or the content names, if any.
fn script_kind(data: &[u8], text: &str) -> Option<String> {
    let shebang = data.starts_with(b"#!") && data.contains(&b'\n');
    let line = text.lines().next().unwrap_or("");
    let command = line.strip_prefix("#!").unwrap_or("").trim();
    let program = command.split_whitespace().next().unwrap_or("");
    let via_env = command.strip_prefix("/usr/bin/env").filter(|rest| rest.starts_with([' ', '\t'])).map(str::trim);
    let env_program = via_env.and_then(|r| r.split_whitespace().next()).unwrap_or("");
    if shebang {
        if matches!(program, "/bin/sh" | "/usr/bin/sh") {
            return Some("POSIX shell script".into());
        }
        if matches!(program, "/bin/bash" | "/usr/bin/bash" | "/usr/local/bin/bash") || env_program == "bash" {
            return Some("Bourne-Again shell script".into());
        }
        if command.starts_with("/usr/bin/python")
            || command.starts_with("/usr/local/bin/python")
            || env_program.starts_with("python")
        {
            return Some("Python script".into());
        }
    }
    if looks_like_python(text) {
        return Some("Python script".into());
    }
    if shebang && !command.is_empty() {
        return Some(format!("a {} script", via_env.unwrap_or(command)));
    }
    None
}

/// Whether some line is a Python statement file's magic knows: `from X import Y`, a `def`,
/// a `class`, or the `if __name__ == "__main__":` idiom.
fn looks_like_python(text: &str) -> bool {
    text.lines().take(1000).any(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let from_import = line.starts_with("from ") && words.len() >= 4 && words.get(2) == Some(&"import");
        let def = words.first() == Some(&"def")
            && words.get(1).is_some_and(|w| w.starts_with(|c: char| c.is_alphabetic() || c == '_'))
            && line.contains('(')
            && line.trim_end().ends_with(':');
        let class = line.starts_with("class ")
            && words.get(1).is_some_and(|w| w.starts_with(|c: char| c.is_alphabetic() || c == '_'))
            && line.trim_end().ends_with(':');
        let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        let main =
            line.starts_with("if") && (compact == "if__name__==\"__main__\":" || compact == "if__name__=='__main__':");
        from_import || def || class || main
    })
}

/// Whether the data is a JSON object or array (trailing commas tolerated, as file's parser
/// does).
fn is_json(data: &[u8]) -> bool {
    let mut p = Json { data, pos: 0 };
    p.ws();
    if !matches!(p.peek(), Some(b'{' | b'[')) {
        return false;
    }
    if !p.value(0) {
        return false;
    }
    p.ws();
    p.pos == data.len()
}

/// A JSON syntax checker.
struct Json<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Json<'_> {
    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.ws();
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> bool {
        if depth > MAX_JSON_DEPTH {
            return false;
        }
        self.ws();
        match self.peek() {
            Some(b'{') => {
                self.pos += 1;
                self.items(b'}', depth, true)
            }
            Some(b'[') => {
                self.pos += 1;
                self.items(b']', depth, false)
            }
            Some(b'"') => self.string(),
            Some(b'-' | b'0'..=b'9') => {
                let start = self.pos;
                while matches!(self.peek(), Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')) {
                    self.pos += 1;
                }
                self.pos > start
            }
            _ => ["true", "false", "null"].iter().any(|word| {
                let found = self.data[self.pos..].starts_with(word.as_bytes());
                if found {
                    self.pos += word.len();
                }
                found
            }),
        }
    }

    /// The members of an object or elements of an array, through the closing bracket.
    fn items(&mut self, close: u8, depth: usize, object: bool) -> bool {
        loop {
            if self.eat(close) {
                return true;
            }
            if object {
                self.ws();
                if !self.string() || !self.eat(b':') {
                    return false;
                }
            }
            if !self.value(depth + 1) {
                return false;
            }
            if !self.eat(b',') {
                return self.eat(close);
            }
        }
    }

    fn string(&mut self) -> bool {
        if self.peek() != Some(b'"') {
            return false;
        }
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'"' => return true,
                b'\\' => self.pos += 1,
                b'\n' => return false,
                _ => {}
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::out;
    use super::super::{run_for_test, test_machine};
    use super::classify;

    #[test]
    fn golden_descriptions() {
        let (mut fs, env) = test_machine();
        fs.write("fruit.txt", b"apple\nbanana\n").unwrap();
        fs.write("empty.txt", b"").unwrap();
        fs.mkdir(".vscode", 0o755).unwrap();
        fs.write(".vscode/settings.json", b"{\n    \"python.defaultInterpreterPath\": \"/x\"\n}\n").unwrap();
        fs.symlink("fruit.txt", "link.txt").unwrap();
        fs.write("s.sh", b"#!/bin/sh\necho hi\n").unwrap();
        fs.write("main.py", b"import sys\n\nimport numpy\n\nprint(\"numpy\", numpy.__version__)\n").unwrap();
        let cases = [
            ("fruit.txt", "fruit.txt: ASCII text\n"),
            ("empty.txt", "empty.txt: empty\n"),
            (".vscode", ".vscode: directory\n"),
            ("link.txt", "link.txt: symbolic link to fruit.txt\n"),
            ("s.sh", "s.sh: POSIX shell script, ASCII text executable\n"),
            ("main.py", "main.py: ASCII text\n"),
            (".vscode/settings.json", ".vscode/settings.json: JSON text data\n"),
            ("nope", "nope: cannot open `nope' (No such file or directory)\n"),
        ];
        for (name, want) in cases {
            assert_eq!(run_for_test(&mut fs, &env, &["file", name], b""), out(want));
        }
    }

    #[test]
    fn venv_scripts_and_binaries() {
        let (mut fs, env) = test_machine();
        fs.write(
            "pip",
            b"#!/home/kai/Projects/example/env/bin/python3\n# -*- coding: utf-8 -*-\nimport re\nimport sys\n\
              from pip._internal.cli.main import main\nif __name__ == '__main__':\n    sys.exit(main())\n",
        )
        .unwrap();
        assert_eq!(run_for_test(&mut fs, &env, &["file", "pip"], b"").0, "pip: Python script, ASCII text executable\n");
        assert_eq!(
            run_for_test(&mut fs, &env, &["file", "/usr/bin/ls", "pip"], b"").0,
            format!("/usr/bin/ls: {}\npip:         Python script, ASCII text executable\n", super::ELF)
        );
        assert_eq!(run_for_test(&mut fs, &env, &["file", "-b", "/bin"], b"").0, "symbolic link to usr/bin\n");
        assert_eq!(run_for_test(&mut fs, &env, &["file", "-L", "/bin"], b"").0, "/bin: directory\n");
        let (_, err, status) = run_for_test(&mut fs, &env, &["file"], b"");
        assert!(err.starts_with("Usage: file [-bcCdEhikLlNnprsSvzZ0]") && status == 1);
    }

    #[test]
    fn content_kinds() {
        let cases: [(&[u8], &str); 22] = [
            (b"#!/usr/bin/python3\nprint(1)\n", "Python script, ASCII text executable"),
            (
                b"#!/home/kai/.pyenv/versions/3.12.7/bin/python3.12\nx\n",
                "a /home/kai/.pyenv/versions/3.12.7/bin/python3.12 script, ASCII text executable",
            ),
            (b"#!/usr/bin/env python3\nx\n", "Python script, ASCII text executable"),
            (b"#!/bin/bash\necho\n", "Bourne-Again shell script, ASCII text executable"),
            (b"#!/usr/bin/env bash\nx\n", "Bourne-Again shell script, ASCII text executable"),
            (b"#!/usr/bin/env sh\nx\n", "a sh script, ASCII text executable"),
            (b"#!/usr/bin/env -S python3 -u\nx\n", "a -S python3 -u script, ASCII text executable"),
            (b"#!/usr/bin/foo bar\nx\n", "a /usr/bin/foo bar script, ASCII text executable"),
            (b"h\xc3\xa9llo\n", "Unicode text, UTF-8 text"),
            (b"a\r\nb\r\n", "ASCII text, with CRLF line terminators"),
            (b"a\r\nb\n", "ASCII text, with CRLF, LF line terminators"),
            (b"a\rb\r", "ASCII text, with CR line terminators"),
            (b"no newline", "ASCII text, with no line terminators"),
            (b"x\0y", "data"),
            (b"\x01\x02abc\n", "data"),
            (b"\xe9t\xe9\n", "ISO-8859 text"),
            (b"\n", "very short file (no magic)"),
            (b"x\x1b[0m\n", "ASCII text, with escape sequences"),
            (b"[1, 2]\n", "JSON text data"),
            (b"\"s\"\n", "ASCII text"),
            (b"from a import b\n", "Python script, ASCII text executable"),
            (b"def foo(x):\n  pass\n", "Python script, ASCII text executable"),
        ];
        for (data, want) in cases {
            assert_eq!(classify(data), want, "{:?}", String::from_utf8_lossy(data));
        }
        let long = "x".repeat(400);
        assert_eq!(classify(long.as_bytes()), "ASCII text, with very long lines (400), with no line terminators");
        assert_eq!(
            classify(b"#!/usr/bin/python3\nprint(\"\xc3\xa9\")\n"),
            "Python script, Unicode text, UTF-8 text executable"
        );
        assert_eq!(classify(b"[1,]\n"), "JSON text data");
    }
}
