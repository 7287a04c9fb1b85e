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

/// Whether a raw word starts with `NAME=`, `NAME` a valid identifier written plainly.
fn looks_like_assignment(raw: &str) -> bool {
    raw.split_once('=').is_some_and(|(name, _)| super::parser::is_name(name))
}

/// How a word is being expanded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A command word: tilde at the start only.
    Word,
    /// The value of an assignment: tildes after `:` too.
    Assignment,
    /// A command word that looks like an assignment (`PATH=~/bin:~/.local/bin` given to
    /// `export`, `local` or any command): bash, outside POSIX mode, expands tildes after its
    /// first `=` and after each `:`.
    AssignmentLike,
    /// Inside double quotes (here-documents, prompts): only `$`, backquote and some backslashes.
    DoubleQuoted,
    /// The word of `${x:-word}` inside double quotes: as inside double quotes, but `"` only
    /// quotes (it is removed) and `\}` is an escape too.
    BraceInDq,
}

impl Interp<'_> {
    /// Expands words into fields (splitting and globbing). `None` after an expansion error.
    pub fn expand_words(&mut self, words: &[super::ast::Word]) -> Option<Vec<String>> {
        let mut out = Vec::new();
        for word in words {
            let mode = if looks_like_assignment(word.as_str()) { Mode::AssignmentLike } else { Mode::Word };
            let pieces = self.scan(word.as_str(), mode)?;
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
        let in_dq = matches!(mode, Mode::DoubleQuoted | Mode::BraceInDq);
        let in_brace = mode == Mode::BraceInDq;
        while i < chars.len() {
            let c = chars[i];
            match c {
                '"' if in_brace => i += 1,
                '\\' if in_dq => {
                    match chars.get(i + 1) {
                        Some(&n) if matches!(n, '$' | '`' | '\\' | '"') || (in_brace && n == '}') => {
                            push_text(&mut pieces, &n.to_string(), true)
                        }
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
                    // `"$@"` without parameters is no field at all; `""` is an empty one.
                    if inner.is_empty() || !inner_pieces.is_empty() {
                        pieces.push(Piece::Text { text: String::new(), quoted: true, split: false });
                    }
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
                        .position(|&c| c == '/' || (matches!(mode, Mode::Assignment | Mode::AssignmentLike) && c == ':'))
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
        match mode {
            Mode::Assignment => i == 0 || chars[i - 1] == ':',
            Mode::AssignmentLike => i > 0 && chars[i - 1] == ':' || chars.iter().position(|&c| c == '=') == Some(i - 1),
            _ => i == 0,
        }
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
            Some('(') if is_arith(chars, 1) => {
                let end = find_close(chars, 1, '(', ')');
                let inner: String = chars[3..end.saturating_sub(1).max(3).min(chars.len())].iter().collect();
                let expr = join(&self.scan(&inner, Mode::DoubleQuoted)?);
                match arith::eval(&expr, &mut self.sh.vars) {
                    Ok(v) => Some((end + 1, text(v.to_string()))),
                    Err(e) => self.expansion_error(e).map(|p| (0, p)),
                }
            }
            Some('(') => {
                let end = subst_close(chars, 1);
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
            return Some(self.list_pieces(&self.sh.positional, false, true));
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

    /// The pieces of a list of parameters (`$@`, `$*`, their slices): in double quotes, `@`
    /// gives a field each and `*` one field joined by the first character of `IFS`; unquoted,
    /// the joined text is split.
    fn list_pieces(&self, items: &[String], star: bool, in_dq: bool) -> Vec<Piece> {
        if star || !in_dq {
            return vec![Piece::Text { text: items.join(&self.ifs_separator()), quoted: in_dq, split: !in_dq }];
        }
        let mut pieces = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                pieces.push(Piece::Break);
            }
            pieces.push(Piece::Text { text: item.clone(), quoted: true, split: false });
        }
        pieces
    }

    /// What joins `$*`: the first character of `IFS`, a space when it is unset.
    fn ifs_separator(&self) -> String {
        self.sh.vars.get("IFS").map_or(" ".to_string(), |ifs| ifs.chars().take(1).collect())
    }

    /// The value of a parameter, if set.
    pub fn param(&self, name: &str) -> Option<String> {
        let sh = &self.sh;
        match name {
            "?" => Some(sh.status.to_string()),
            "$" => Some(sh.pid.to_string()),
            "#" => Some(sh.positional.len().to_string()),
            "0" => Some(sh.arg0.clone()),
            "-" => Some(self.option_flags()),
            "!" => None,
            "@" | "*" => Some(sh.positional.join(&self.ifs_separator())),
            n if n.chars().all(|c| c.is_ascii_digit()) => {
                let i: usize = n.parse().ok()?;
                sh.positional.get(i.checked_sub(1)?).cloned()
            }
            n => sh.vars.get(n).map(str::to_string),
        }
    }

    /// `$-`: the shell's one-letter options, in bash's order.
    fn option_flags(&self) -> String {
        let sh = &self.sh;
        let flags = [(sh.noglob, 'f'), (true, 'h'), (sh.interactive, 'i'), (sh.nounset, 'u'), (sh.xtrace, 'x'), (true, 'B')];
        let mut out: String = flags.iter().filter(|(on, _)| *on).map(|(_, c)| c).collect();
        if sh.interactive {
            out.push_str("Hs");
        }
        out
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
        if let Some((kind, colon, word)) = default_op(op) {
            let unset = value.is_none() || (colon && value.as_deref() == Some(""));
            return self.default_value(&name, (kind, unset, colon), word, in_dq);
        }
        for prefix in ["##", "#", "%%", "%"] {
            if let Some(pat) = op.strip_prefix(prefix) {
                let pattern = self.expand_pattern(pat)?;
                return Some(wrap(strip(&value.unwrap_or_default(), &pattern, prefix)));
            }
        }
        if let Some(rest) = op.strip_prefix('/') {
            return self.pattern_substitution(value, rest, in_dq);
        }
        let value = value.unwrap_or_default();
        if let Some(spec) = op.strip_prefix(':') {
            return self.substring(&name, &value, spec, in_dq);
        }
        match op {
            "^^" => Some(wrap(value.to_uppercase())),
            ",," => Some(wrap(value.to_lowercase())),
            "^" => Some(wrap(capitalize(&value, true))),
            "," => Some(wrap(capitalize(&value, false))),
            _ => bad(self),
        }
    }

    /// `${x-w}`, `${x=w}`, `${x?w}`, `${x+w}` (`kind`), where `unset` says whether the
    /// parameter counts as unset (with a colon, empty counts too).
    fn default_value(&mut self, name: &str, (kind, unset, colon): (char, bool, bool), word: &str, in_dq: bool) -> Option<Vec<Piece>> {
        let wrap = |s: String| vec![Piece::Text { text: s, quoted: in_dq, split: !in_dq }];
        match kind {
            '-' if unset => self.sub_word(word, in_dq),
            '=' if unset => {
                let v = join(&self.sub_word(word, in_dq)?);
                self.assign(name, v.clone());
                Some(wrap(v))
            }
            '?' if unset => {
                // Quotes in the message are removed even inside double quotes.
                let message = join(&self.sub_word(word, false)?);
                let message = match (message.is_empty(), colon) {
                    (false, _) => message,
                    (true, true) => "parameter null or not set".into(),
                    (true, false) => "parameter not set".into(),
                };
                self.expansion_error(format_args!("{name}: {message}"))
            }
            '+' if !unset => self.sub_word(word, in_dq),
            '+' => Some(wrap(String::new())),
            _ => self.param_pieces(name, in_dq),
        }
    }

    /// `${x/p/r}` and its `//`, `/#`, `/%` forms; an unset parameter stays empty.
    fn pattern_substitution(&mut self, value: Option<String>, spec: &str, in_dq: bool) -> Option<Vec<Piece>> {
        let (all, anchor, rest) = match spec.chars().next() {
            Some('/') => (true, None, &spec[1..]),
            Some(c @ ('#' | '%')) => (false, Some(c), &spec[1..]),
            _ => (false, None, spec),
        };
        let (pat, rep) = split_unescaped(rest, '/');
        let pattern = self.expand_pattern(pat)?;
        let replacement = self.expand_string(rep.unwrap_or(""))?;
        let text = value.map(|v| replace(&v, &pattern, &replacement, all, anchor)).unwrap_or_default();
        Some(vec![Piece::Text { text, quoted: in_dq, split: !in_dq }])
    }

    /// Evaluates an arithmetic expression of a `${...}` operator.
    fn arith_operand(&mut self, expr: &str) -> Option<i64> {
        match arith::eval(expr, &mut self.sh.vars) {
            Ok(v) => Some(v),
            Err(e) => self.expansion_error(e).map(|_| 0),
        }
    }

    /// `${name:offset}` and `${name:offset:length}`, of a value's characters or, for `@` and
    /// `*`, of `$0` and the positional parameters (bash's `verify_substring_values`).
    fn substring(&mut self, name: &str, value: &str, spec: &str, in_dq: bool) -> Option<Vec<Piece>> {
        let (off_text, len_text) = split_unescaped(spec, ':');
        let off = self.arith_operand(off_text)?;
        let list = matches!(name, "@" | "*");
        let items: Vec<String> = if list {
            std::iter::once(self.sh.arg0.clone()).chain(self.sh.positional.iter().cloned()).collect()
        } else {
            value.chars().map(String::from).collect()
        };
        let len = if list { items.len() as i64 + i64::from(off == 0) } else { items.len() as i64 };
        let start = if off < 0 { off + len } else { off };
        let end = match len_text {
            _ if start < 0 || start > len => start,
            None => len,
            Some(text) => {
                let count = self.arith_operand(text)?;
                let end = if count < 0 { count + len } else { (start + count).min(len) };
                if count < 0 && (list || end < start) {
                    return self.expansion_error(format_args!("{text}: substring expression < 0"));
                }
                end
            }
        };
        let range = start.clamp(0, items.len() as i64) as usize..end.clamp(0, items.len() as i64) as usize;
        let selected = items.get(range).unwrap_or_default();
        if list {
            return Some(self.list_pieces(selected, name == "*", in_dq));
        }
        Some(vec![Piece::Text { text: selected.concat(), quoted: in_dq, split: !in_dq }])
    }

    /// The word of `${x:-word}` and friends, expanded in the quoting context of the `${`.
    fn sub_word(&mut self, word: &str, in_dq: bool) -> Option<Vec<Piece>> {
        let mut pieces = self.scan(word, if in_dq { Mode::BraceInDq } else { Mode::Word })?;
        if pieces.is_empty() {
            // An empty word is an empty string (only `"$@"` can expand to no field at all).
            pieces.push(Piece::Text { text: String::new(), quoted: in_dq, split: !in_dq });
        }
        Some(pieces)
    }

    /// Runs `$(...)` in a subshell and returns its output without trailing newlines.
    pub fn command_subst(&mut self, src: &str) -> Option<String> {
        let aliases = self.sh.active_aliases();
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
        let mut bytes = self.io.take_buffer(buffer);
        if bytes.contains(&0) {
            bytes.retain(|&b| b != 0);
            self.error("warning: command substitution: ignored null byte in input");
        }
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
        if !self.sh.noglob && fnmatch::has_magic(&pattern) {
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
            '$' if chars.get(i + 1) == Some(&'(') => i = dollar_paren_close(chars, i + 1) + 1,
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
            '$' if i > open_at && chars.get(i + 1) == Some(&'(') => i = dollar_paren_close(chars, i + 1),
            '\'' => i = find_char(chars, i + 1, '\''),
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

/// Whether the `(` at `open_at`, just after a `$`, opens an arithmetic expansion.
fn is_arith(chars: &[char], open_at: usize) -> bool {
    let rest: String = chars[open_at + 1..].iter().collect();
    parser::arith_len(rest.as_bytes()).is_some()
}

/// The index of the `)` closing the `$(` whose `(` is at `open_at`, found by parsing the
/// commands as bash does (a `case` pattern's `)` does not close it).
fn subst_close(chars: &[char], open_at: usize) -> usize {
    let rest: String = chars[open_at + 1..].iter().collect();
    match parser::command_subst_len(&rest) {
        Some(len) => open_at + rest[..len].chars().count(),
        None => find_close(chars, open_at, '(', ')'),
    }
}

/// The index of the last `)` of the `$(...)` or `$((...))` whose first `(` is at `open_at`.
fn dollar_paren_close(chars: &[char], open_at: usize) -> usize {
    if is_arith(chars, open_at) {
        find_close(chars, open_at, '(', ')')
    } else {
        subst_close(chars, open_at)
    }
}

/// Splits a `${...}` operator of the default-value family (`:-w`, `-w`, `:=w`, `=w`, `:?w`,
/// `?w`, `:+w`, `+w`) into its kind, whether it had a colon, and its word.
fn default_op(op: &str) -> Option<(char, bool, &str)> {
    let (colon, rest) = match op.strip_prefix(':') {
        Some(rest) => (true, rest),
        None => (false, op),
    };
    let kind = rest.chars().next().filter(|c| "-=?+".contains(*c))?;
    Some((kind, colon, &rest[1..]))
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
    if pattern.is_empty() && anchor.is_none() {
        return value.to_string();
    }
    if value.is_empty() {
        return if fnmatch::matches(pattern, "") { rep.to_string() } else { String::new() };
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
        assert_eq!(replace("banana", "", "<", false, Some('#')), "<banana");
        assert_eq!(replace("banana", "", ">", false, Some('%')), "banana>");
        assert_eq!(replace("banana", "", "x", true, None), "banana");
        assert_eq!(replace("", "*", "r", false, None), "r");
    }

    #[test]
    fn brackets_close_over_quotes_and_nesting() {
        let chars: Vec<char> = "$(echo \")\" $(x))".chars().collect();
        assert_eq!(find_close(&chars, 1, '(', ')'), chars.len() - 1);
    }
}
