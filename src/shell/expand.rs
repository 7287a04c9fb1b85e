//! Word expansion in POSIX order: tilde, parameters, command substitution and arithmetic (left
//! to right), then field splitting of unquoted results, pathname expansion, quote removal.
//!
//! A raw word is scanned once into pieces that remember whether they were quoted and whether
//! they came from an expansion; splitting and globbing then act only where bash would. An
//! expansion error (`${X?msg}`, a bad substitution, arithmetic errors) prints bash's message and
//! abandons the rest of the input, as an interactive bash does.

use super::arith;
use super::exec::{Ctl, Interp};
use super::glob;
use crate::fnmatch;
use super::parser;

/// One stretch of an expanded word.
#[derive(Debug, Clone)]
enum Piece {
    /// Text, with whether it was quoted and whether it came from an unquoted expansion (and so
    /// is subject to field splitting).
    Text { text: String, quoted: bool, split: bool },
    /// A field boundary that `"$@"` makes between parameters.
    Break,
}

/// How a word is being expanded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A command word: tilde at the start only.
    Word,
    /// The value of an assignment: tildes after `=` and `:` too.
    Assignment,
    /// Inside double quotes (here-documents, prompts): only `$`, backquote and some backslashes.
    DoubleQuoted,
}

impl Interp<'_> {
    /// Expands words into fields (splitting and globbing). `None` after an expansion error.
    pub fn expand_words(&mut self, words: &[super::ast::Word]) -> Option<Vec<String>> {
        let mut out = Vec::new();
        for word in words {
            let pieces = self.scan(word.as_str(), Mode::Word)?;
            for field in self.split_fields(pieces) {
                out.extend(self.glob_field(field));
            }
        }
        Some(out)
    }

    /// Expands a word into one string: no splitting, no globbing (`case` subjects, here-strings).
    pub fn expand_string(&mut self, raw: &str) -> Option<String> {
        Some(join(&self.scan(raw, Mode::Word)?))
    }

    /// Expands an assignment's value.
    pub fn expand_assignment(&mut self, raw: &str) -> Option<String> {
        Some(join(&self.scan(raw, Mode::Assignment)?))
    }

    /// Expands a pattern (`case` arms, `${x#pat}`): quoted characters come out escaped.
    pub fn expand_pattern(&mut self, raw: &str) -> Option<String> {
        let pieces = self.scan(raw, Mode::Word)?;
        Some(pattern_of(&pieces))
    }

    /// Expands text as inside double quotes (here-document bodies, prompts).
    pub fn expand_heredoc(&mut self, body: &str) -> Option<String> {
        Some(join(&self.scan(body, Mode::DoubleQuoted)?))
    }

    /// Reports an expansion error and abandons the input.
    fn expansion_error(&mut self, message: impl std::fmt::Display) -> Option<Vec<Piece>> {
        self.error(message);
        self.sh.status = 1;
        self.ctl = Some(Ctl::Abort);
        None
    }

    fn scan(&mut self, raw: &str, mode: Mode) -> Option<Vec<Piece>> {
        let chars: Vec<char> = raw.chars().collect();
        let mut pieces = Vec::new();
        let mut i = 0;
        let in_dq = mode == Mode::DoubleQuoted;
        while i < chars.len() {
            let c = chars[i];
            match c {
                '\\' if in_dq => {
                    match chars.get(i + 1) {
                        Some(&n) if matches!(n, '$' | '`' | '\\' | '"') => push_text(&mut pieces, &n.to_string(), true),
                        Some('\n') => {}
                        Some(&n) => push_text(&mut pieces, &format!("\\{n}"), true),
                        None => push_text(&mut pieces, "\\", true),
                    }
                    i += 2;
                }
                '\\' => {
                    match chars.get(i + 1) {
                        Some('\n') => {}
                        Some(&n) => push_text(&mut pieces, &n.to_string(), true),
                        None => push_text(&mut pieces, "\\", true),
                    }
                    i += 2;
                }
                '\'' if !in_dq => {
                    let end = find_char(&chars, i + 1, '\'');
                    let text: String = chars[i + 1..end].iter().collect();
                    pieces.push(Piece::Text { text, quoted: true, split: false });
                    i = end + 1;
                }
                '"' if !in_dq => {
                    let end = find_dquote_end(&chars, i + 1);
                    let inner: String = chars[i + 1..end].iter().collect();
                    let inner_pieces = self.scan(&inner, Mode::DoubleQuoted)?;
                    pieces.push(Piece::Text { text: String::new(), quoted: true, split: false });
                    pieces.extend(inner_pieces);
                    i = end + 1;
                }
                '$' => {
                    let (consumed, expanded) = self.dollar(&chars[i..], in_dq)?;
                    pieces.extend(expanded);
                    i += consumed;
                }
                '`' => {
                    let end = find_char(&chars, i + 1, '`');
                    let src: String = chars[i + 1..end].iter().collect();
                    let src = src.replace("\\`", "`").replace("\\$", "$").replace("\\\\", "\\");
                    let out = self.command_subst(&src)?;
                    pieces.push(Piece::Text { text: out, quoted: in_dq, split: !in_dq });
                    i = end + 1;
                }
                '~' if !in_dq && self.tilde_allowed(&chars, i, mode) => {
                    let end = chars[i..]
                        .iter()
                        .position(|&c| c == '/' || (mode == Mode::Assignment && c == ':'))
                        .map_or(chars.len(), |p| p + i);
                    let name: String = chars[i + 1..end].iter().collect();
                    match self.tilde(&name) {
                        Some(home) => pieces.push(Piece::Text { text: home, quoted: true, split: false }),
                        None => push_text(&mut pieces, &format!("~{name}"), false),
                    }
                    i = end;
                }
                _ => {
                    push_text(&mut pieces, &c.to_string(), in_dq);
                    i += 1;
                }
            }
        }
        Some(pieces)
    }

    fn tilde_allowed(&self, chars: &[char], i: usize, mode: Mode) -> bool {
        i == 0 || (mode == Mode::Assignment && chars[i - 1] == ':')
    }

    /// `~`, `~user`, `~+`, `~-`.
    fn tilde(&self, name: &str) -> Option<String> {
        match name {
            "" => self.sh.vars.get("HOME").map(str::to_string),
            "+" => self.sh.vars.get("PWD").map(str::to_string),
            "-" => self.sh.vars.get("OLDPWD").map(str::to_string),
            user => {
                let passwd = self.fs.read("/etc/passwd").ok()?;
                let text = String::from_utf8_lossy(&passwd).into_owned();
                text.lines().find_map(|line| {
                    let fields: Vec<&str> = line.split(':').collect();
                    (fields.first() == Some(&user) && fields.len() > 5).then(|| fields[5].to_string())
                })
            }
        }
    }

    /// Expands the `$` construct at the start of `chars`: returns how many chars it used.
    fn dollar(&mut self, chars: &[char], in_dq: bool) -> Option<(usize, Vec<Piece>)> {
        let text = |s: String| vec![Piece::Text { text: s, quoted: in_dq, split: !in_dq }];
        match chars.get(1) {
            Some('{') => {
                let end = find_close(chars, 1, '{', '}');
                let inner: String = chars[2..end.min(chars.len())].iter().collect();
                let pieces = self.brace(&inner, in_dq)?;
                Some((end + 1, pieces))
            }
            Some('(') if chars.get(2) == Some(&'(') => {
                let end = find_close(chars, 1, '(', ')');
                let inner: String = chars[3..end.saturating_sub(1).max(3).min(chars.len())].iter().collect();
                let expr = join(&self.scan(&inner, Mode::DoubleQuoted)?);
                match arith::eval(&expr, &mut self.sh.vars) {
                    Ok(v) => Some((end + 1, text(v.to_string()))),
                    Err(e) => self.expansion_error(e).map(|p| (0, p)),
                }
            }
            Some('(') => {
                let end = find_close(chars, 1, '(', ')');
                let src: String = chars[2..end.min(chars.len())].iter().collect();
                let out = self.command_subst(&src)?;
                Some((end + 1, text(out)))
            }
            Some(&c) if c.is_ascii_alphabetic() || c == '_' => {
                let len = chars[1..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '_').count();
                let name: String = chars[1..1 + len].iter().collect();
                let pieces = self.param_pieces(&name, in_dq)?;
                Some((1 + len, pieces))
            }
            Some(&c) if c.is_ascii_digit() || "?$#@*!-".contains(c) => {
                let pieces = self.param_pieces(&c.to_string(), in_dq)?;
                Some((2, pieces))
            }
            _ => Some((1, vec![Piece::Text { text: "$".into(), quoted: in_dq, split: false }])),
        }
    }

    /// The pieces of a plain parameter reference (`$name`, `$@`, ...).
    fn param_pieces(&mut self, name: &str, in_dq: bool) -> Option<Vec<Piece>> {
        if name == "@" && in_dq {
            let mut pieces = Vec::new();
            for (i, p) in self.sh.positional.iter().enumerate() {
                if i > 0 {
                    pieces.push(Piece::Break);
                }
                pieces.push(Piece::Text { text: p.clone(), quoted: true, split: false });
            }
            return Some(pieces);
        }
        let value = match self.param(name) {
            Some(v) => v,
            None if self.sh.nounset && !matches!(name, "@" | "*") => {
                return self.expansion_error(format_args!("{name}: unbound variable"));
            }
            None => String::new(),
        };
        Some(vec![Piece::Text { text: value, quoted: in_dq, split: !in_dq }])
    }

    /// The value of a parameter, if set.
    pub fn param(&self, name: &str) -> Option<String> {
        let sh = &self.sh;
        match name {
            "?" => Some(sh.status.to_string()),
            "$" => Some(sh.pid.to_string()),
            "#" => Some(sh.positional.len().to_string()),
            "0" => Some(sh.arg0.clone()),
            "-" => Some(if sh.interactive { "hiBHs".into() } else { "hB".into() }),
            "!" => None,
            "@" | "*" => {
                let sep = self.sh.vars.get("IFS").map_or(" ".to_string(), |ifs| ifs.chars().take(1).collect());
                Some(sh.positional.join(&sep))
            }
            n if n.chars().all(|c| c.is_ascii_digit()) => {
                let i: usize = n.parse().ok()?;
                sh.positional.get(i.checked_sub(1)?).cloned()
            }
            n => sh.vars.get(n).map(str::to_string),
        }
    }

    /// `${...}` with its operators.
    fn brace(&mut self, inner: &str, in_dq: bool) -> Option<Vec<Piece>> {
        let bad = |it: &mut Self| it.expansion_error(format_args!("${{{inner}}}: bad substitution"));
        let wrap = |s: String| vec![Piece::Text { text: s, quoted: in_dq, split: !in_dq }];
        if let Some(name) = inner.strip_prefix('#') {
            if name.is_empty() {
                return Some(wrap(self.sh.positional.len().to_string()));
            }
            if is_param_name(name) {
                let len = self.param(name).unwrap_or_default().chars().count();
                return Some(wrap(len.to_string()));
            }
        }
        let (indirect, body) = match inner.strip_prefix('!') {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, inner),
        };
        let name_len = param_name_len(body);
        if name_len == 0 {
            return bad(self);
        }
        let mut name = body[..name_len].to_string();
        if indirect {
            name = self.param(&name).unwrap_or_default();
            if !is_param_name(&name) {
                return bad(self);
            }
        }
        let op = &body[name_len..];
        if op.is_empty() {
            if name == "@" && in_dq {
                return self.param_pieces("@", true);
            }
            return self.param_pieces(&name, in_dq);
        }
        let value = self.param(&name);
        for (prefix, colon) in [(":-", true), ("-", false), (":=", true), ("=", false), (":?", true), ("?", false), (":+", true), ("+", false)] {
            let Some(word) = op.strip_prefix(prefix) else { continue };
            let unset = value.is_none() || (colon && value.as_deref() == Some(""));
            let kind = prefix.trim_start_matches(':');
            return match kind {
                "-" if unset => Some(self.sub_word(word, in_dq)?),
                "=" if unset => {
                    let v = join(&self.sub_word(word, in_dq)?);
                    self.assign(&name, v.clone());
                    Some(wrap(v))
                }
                "?" if unset => {
                    let message = join(&self.sub_word(word, true)?);
                    let message = if !message.is_empty() {
                        message
                    } else if colon {
                        "parameter null or not set".into()
                    } else {
                        "parameter not set".into()
                    };
                    self.expansion_error(format_args!("{name}: {message}"))
                }
                "+" if !unset => Some(self.sub_word(word, in_dq)?),
                "+" => Some(wrap(String::new())),
                _ => Some(wrap(value.unwrap_or_default())),
            };
        }
        let value = value.unwrap_or_default();
        for prefix in ["##", "#", "%%", "%"] {
            if let Some(pat) = op.strip_prefix(prefix) {
                let pattern = self.expand_pattern(pat)?;
                return Some(wrap(strip(&value, &pattern, prefix)));
            }
        }
        if let Some(rest) = op.strip_prefix('/') {
            let (all, anchor, rest) = match rest.chars().next() {
                Some('/') => (true, None, &rest[1..]),
                Some('#') => (false, Some('#'), &rest[1..]),
                Some('%') => (false, Some('%'), &rest[1..]),
                _ => (false, None, rest),
            };
            let (pat, rep) = split_unescaped(rest, '/');
            let pattern = self.expand_pattern(pat)?;
            let replacement = self.expand_string(rep.unwrap_or(""))?;
            return Some(wrap(replace(&value, &pattern, &replacement, all, anchor)));
        }
        if let Some(rest) = op.strip_prefix(':') {
            let (off, len) = split_unescaped(rest, ':');
            let chars: Vec<char> = value.chars().collect();
            let count = chars.len() as i64;
            let eval = |it: &mut Self, e: &str| arith::eval(e, &mut it.sh.vars);
            let off = match eval(self, off) {
                Ok(v) => v,
                Err(e) => return self.expansion_error(e),
            };
            let start = if off < 0 { (count + off).max(0) } else { off.min(count) };
            let end = match len.map(|l| eval(self, l)) {
                None => count,
                Some(Ok(l)) if l < 0 => (count + l).max(start),
                Some(Ok(l)) => (start + l).min(count),
                Some(Err(e)) => return self.expansion_error(e),
            };
            return Some(wrap(chars[start as usize..end.max(start) as usize].iter().collect()));
        }
        match op {
            "^^" => Some(wrap(value.to_uppercase())),
            ",," => Some(wrap(value.to_lowercase())),
            "^" => Some(wrap(capitalize(&value, true))),
            "," => Some(wrap(capitalize(&value, false))),
            _ => bad(self),
        }
    }

    /// The word of `${x:-word}` and friends, expanded in the quoting context of the `${`.
    fn sub_word(&mut self, word: &str, in_dq: bool) -> Option<Vec<Piece>> {
        self.scan(word, if in_dq { Mode::DoubleQuoted } else { Mode::Word })
    }

    /// Runs `$(...)` in a subshell and returns its output without trailing newlines.
    pub fn command_subst(&mut self, src: &str) -> Option<String> {
        let aliases = self.sh.aliases.clone();
        let list = match parser::parse(src, &|n: &str| aliases.get(n).cloned()) {
            Ok(list) => list,
            Err(parser::ParseError::Incomplete) => {
                return self.expansion_error("command substitution: syntax error: unexpected end of file").map(|_| String::new())
            }
            Err(e) => return self.expansion_error(format_args!("command substitution: {e}")).map(|_| String::new()),
        };
        let buffer = self.io.new_buffer();
        let saved = self.io.stdout;
        self.io.stdout = crate::io::Sink::Buffer(buffer);
        let status = self.subshell(|sub| sub.run_list(&list));
        self.subst_status = Some(status);
        self.io.stdout = saved;
        let bytes = self.io.take_buffer(buffer);
        let mut out = String::from_utf8_lossy(&bytes).into_owned();
        while out.ends_with('\n') {
            out.pop();
        }
        if self.ctl == Some(Ctl::Abort) {
            return None;
        }
        Some(out)
    }

    /// Splits pieces into fields at unquoted IFS characters of expansion results.
    fn split_fields(&self, pieces: Vec<Piece>) -> Vec<Vec<(String, bool)>> {
        let ifs = self.sh.vars.get("IFS").unwrap_or(" \t\n").to_string();
        let mut fields = Vec::new();
        let mut current: Vec<(String, bool)> = Vec::new();
        let mut started = false;
        for piece in pieces {
            match piece {
                Piece::Break => {
                    fields.push(std::mem::take(&mut current));
                    started = false;
                }
                Piece::Text { text, quoted, split } if split && !ifs.is_empty() => {
                    for c in text.chars() {
                        if ifs.contains(c) {
                            if !c.is_whitespace() || started {
                                fields.push(std::mem::take(&mut current));
                                started = false;
                            }
                        } else {
                            current.push((c.to_string(), quoted));
                            started = true;
                        }
                    }
                }
                Piece::Text { text, quoted, .. } => {
                    if quoted || !text.is_empty() {
                        started = true;
                    }
                    current.push((text, quoted));
                }
            }
        }
        if started {
            fields.push(current);
        }
        fields
    }

    /// Pathname expansion of one field, or the field itself with quotes removed.
    fn glob_field(&self, field: Vec<(String, bool)>) -> Vec<String> {
        let pattern: String = field.iter().map(|(t, q)| if *q { fnmatch::escape(t) } else { t.clone() }).collect();
        if fnmatch::has_magic(&pattern) {
            let found = glob::expand_paths(self.fs, &pattern);
            if !found.is_empty() {
                return found;
            }
        }
        vec![field.into_iter().map(|(t, _)| t).collect()]
    }
}

fn push_text(pieces: &mut Vec<Piece>, s: &str, quoted: bool) {
    if let Some(Piece::Text { text, quoted: q, split: false }) = pieces.last_mut() {
        if *q == quoted {
            text.push_str(s);
            return;
        }
    }
    pieces.push(Piece::Text { text: s.to_string(), quoted, split: false });
}

fn join(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text { text, .. } => out.push_str(text),
            Piece::Break => out.push(' '),
        }
    }
    out
}

fn pattern_of(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text { text, quoted: true, .. } => fnmatch::escape(text),
            Piece::Text { text, .. } => text.clone(),
            Piece::Break => " ".into(),
        })
        .collect()
}

/// The index of the next `c` at or after `from`, or the end.
fn find_char(chars: &[char], from: usize, c: char) -> usize {
    chars[from.min(chars.len())..].iter().position(|&x| x == c).map_or(chars.len(), |p| p + from)
}

/// The index of the `"` closing a double-quoted string that starts at `from`.
fn find_dquote_end(chars: &[char], from: usize) -> usize {
    let mut i = from;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '"' => return i,
            '$' if chars.get(i + 1) == Some(&'(') => i = find_close(chars, i + 1, '(', ')') + 1,
            '$' if chars.get(i + 1) == Some(&'{') => i = find_close(chars, i + 1, '{', '}') + 1,
            '`' => i = find_char(chars, i + 1, '`') + 1,
            _ => i += 1,
        }
    }
    chars.len()
}

/// The index of the bracket closing the one at `open_at`, skipping quotes and escapes.
fn find_close(chars: &[char], open_at: usize, open: char, close: char) -> usize {
    let mut depth = 0usize;
    let mut i = open_at;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '\'' if open == '(' => i = find_char(chars, i + 1, '\''),
            '"' => i = find_dquote_end(chars, i + 1),
            c if c == open => depth += 1,
            c if c == close => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
        i += 1;
    }
    chars.len()
}

fn is_param_name(s: &str) -> bool {
    !s.is_empty() && param_name_len(s) == s.len()
}

/// Length of the parameter name at the start of `s`: a variable name, digits, or one special.
fn param_name_len(s: &str) -> usize {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {
            1 + chars.take_while(|c| c.is_ascii_alphanumeric() || *c == '_').count()
        }
        Some(c) if c.is_ascii_digit() => 1 + chars.take_while(|c| c.is_ascii_digit()).count(),
        Some(c) if "?$#@*!-0".contains(c) => 1,
        _ => 0,
    }
}

fn split_unescaped(s: &str, sep: char) -> (&str, Option<&str>) {
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            c if c == sep => return (&s[..i], Some(&s[i + c.len_utf8()..])),
            _ => {}
        }
    }
    (s, None)
}

/// `${v#p}`, `${v##p}`, `${v%p}`, `${v%%p}`.
fn strip(value: &str, pattern: &str, op: &str) -> String {
    let bounds: Vec<usize> = value.char_indices().map(|(i, _)| i).chain([value.len()]).collect();
    match op {
        "#" => bounds.iter().find(|&&i| fnmatch::matches(pattern, &value[..i])).map(|&i| value[i..].to_string()),
        "##" => bounds.iter().rev().find(|&&i| fnmatch::matches(pattern, &value[..i])).map(|&i| value[i..].to_string()),
        "%" => bounds.iter().rev().find(|&&i| fnmatch::matches(pattern, &value[i..])).map(|&i| value[..i].to_string()),
        _ => bounds.iter().find(|&&i| fnmatch::matches(pattern, &value[i..])).map(|&i| value[..i].to_string()),
    }
    .unwrap_or_else(|| value.to_string())
}

/// `${v/p/r}` and its `//`, `/#`, `/%` forms: longest match at the first position that matches.
fn replace(value: &str, pattern: &str, rep: &str, all: bool, anchor: Option<char>) -> String {
    if pattern.is_empty() {
        return value.to_string();
    }
    let bounds: Vec<usize> = value.char_indices().map(|(i, _)| i).chain([value.len()]).collect();
    match anchor {
        Some('#') => {
            return match bounds.iter().rev().find(|&&e| fnmatch::matches(pattern, &value[..e])) {
                Some(&e) => format!("{rep}{}", &value[e..]),
                None => value.to_string(),
            }
        }
        Some(_) => {
            return match bounds.iter().find(|&&s| fnmatch::matches(pattern, &value[s..])) {
                Some(&s) => format!("{}{rep}", &value[..s]),
                None => value.to_string(),
            }
        }
        None => {}
    }
    let mut out = String::new();
    let mut k = 0;
    while k < bounds.len() - 1 {
        let start = bounds[k];
        let found = bounds[k + 1..].iter().rev().find(|&&e| fnmatch::matches(pattern, &value[start..e]));
        match found {
            Some(&end) => {
                out.push_str(rep);
                k = bounds.iter().position(|&b| b == end).unwrap_or(bounds.len() - 1);
                if !all {
                    out.push_str(&value[end..]);
                    return out;
                }
            }
            None => {
                out.push_str(&value[start..bounds[k + 1]]);
                k += 1;
            }
        }
    }
    out
}

fn capitalize(value: &str, upper: bool) -> String {
    let mut chars = value.chars();
    match chars.next() {
        Some(c) if upper => c.to_uppercase().chain(chars).collect(),
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_and_replace() {
        assert_eq!(strip("/a/b/file.tar.gz", "*/", "##"), "file.tar.gz");
        assert_eq!(strip("file.tar.gz", ".*", "%%"), "file");
        assert_eq!(strip("file.tar.gz", ".*", "%"), "file.tar");
        assert_eq!(strip("/a/b", "*/", "#"), "a/b");
        assert_eq!(replace("banana", "a", "o", false, None), "bonana");
        assert_eq!(replace("banana", "a", "o", true, None), "bonono");
        assert_eq!(replace("banana", "b", "B", false, Some('#')), "Banana");
        assert_eq!(replace("banana", "a", "A", false, Some('%')), "bananA");
    }

    #[test]
    fn brackets_close_over_quotes_and_nesting() {
        let chars: Vec<char> = "$(echo \")\" $(x))".chars().collect();
        assert_eq!(find_close(&chars, 1, '(', ')'), chars.len() - 1);
    }
}
