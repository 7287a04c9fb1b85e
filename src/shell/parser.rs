//! The bash-compatible parser: turns typed input into the syntax tree of `shell::ast`.
//!
//! It follows bash 5.2's grammar: simple commands with assignments and redirections, pipelines,
//! `&&`/`||` lists, groups, subshells, `if`, `for`, `while`/`until`, `case`, function
//! definitions, here-documents, comments, line continuations and alias expansion. Words are
//! kept raw (quotes and all); the lexer only decides where each word ends, scanning `$(...)`
//! by parsing its contents (so `case` patterns and quotes inside are handled like bash does),
//! and `$((...))`, `${...}` and backquotes by matching their nesting.
//!
//! Errors use bash's own wording. Input that stops inside a construct gives
//! [`ParseError::Incomplete`], so an interactive shell can read another line. Nesting is
//! limited to [`MAX_DEPTH`] levels, so no input can overflow the stack; every loop consumes
//! input, so no input can hang the parser.

use crate::shell::ast::{
    AndOr, AndOrOp, Assignment, CaseArm, Command, CompoundCommand, List, Pipeline, RedirOp,
    Redirect, SimpleCommand, Word,
};
use std::fmt;

/// How deeply constructs may nest (compound commands, `$(...)`, quotes and `${...}` inside
/// words, counted together) before the parser gives up with [`ParseError::TooDeep`].
pub const MAX_DEPTH: usize = 64;

/// How many alias expansions one input may cause (a guard against runaway alias chains).
const MAX_ALIAS_EXPANSIONS: usize = 10_000;

/// Why an input could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// The input ends inside a construct (open quote, `if` without `fi`, trailing `|` or `&&`,
    /// here-doc without its delimiter, `$(` unclosed, line ending in backslash): an interactive
    /// shell would read another line with PS2.
    Incomplete,
    /// A real syntax error; Display gives bash's wording after "bash: ", e.g.
    /// "syntax error near unexpected token `fi'".
    Syntax(String),
    /// Nesting deeper than [`MAX_DEPTH`] (64).
    TooDeep,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Incomplete => f.write_str("syntax error: unexpected end of file"),
            ParseError::Syntax(msg) => f.write_str(msg),
            ParseError::TooDeep => write!(f, "venvlab: nested too deeply (limit {MAX_DEPTH})"),
        }
    }
}

impl std::error::Error for ParseError {}

/// Parses one complete input (may be several lines) into a list.
///
/// `aliases` maps an alias name to its replacement text (`None` when the word is no alias).
pub fn parse(input: &str, aliases: &dyn Fn(&str) -> Option<String>) -> Result<List, ParseError> {
    let mut parser = Parser::new(input, Some(aliases));
    let mut list = parser.parse_list()?;
    match parser.peek_kind(false)? {
        Kind::Eof => {}
        _ => return Err(parser.unexpected_peek()),
    }
    let mut bodies = std::mem::take(&mut parser.bodies).into_iter();
    fill_list(&mut list, &mut bodies);
    Ok(list)
}

type Res<T> = Result<T, ParseError>;

/// The alias lookup given to [`parse`].
type Aliases<'a> = &'a dyn Fn(&str) -> Option<String>;

fn unexpected(text: &str) -> ParseError {
    ParseError::Syntax(format!("syntax error near unexpected token `{text}'"))
}

fn unsupported(what: &str) -> ParseError {
    ParseError::Syntax(format!("venvlab: {what} not supported in this simulation"))
}

fn not_identifier(word: &str) -> ParseError {
    ParseError::Syntax(format!("`{word}': not a valid identifier"))
}

/// The operators of the shell language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Semi,
    DSemi,
    SemiAnd,
    DSemiAnd,
    Amp,
    AndIf,
    Pipe,
    PipeAmp,
    OrIf,
    LParen,
    RParen,
    Less,
    Great,
    DGreat,
    LessAnd,
    GreatAnd,
    LessGreat,
    Clobber,
    AndGreat,
    AndDGreat,
    DLess,
    DLessDash,
    TLess,
}

impl Op {
    fn text(self) -> &'static str {
        match self {
            Op::Semi => ";",
            Op::DSemi => ";;",
            Op::SemiAnd => ";&",
            Op::DSemiAnd => ";;&",
            Op::Amp => "&",
            Op::AndIf => "&&",
            Op::Pipe => "|",
            Op::PipeAmp => "|&",
            Op::OrIf => "||",
            Op::LParen => "(",
            Op::RParen => ")",
            Op::Less => "<",
            Op::Great => ">",
            Op::DGreat => ">>",
            Op::LessAnd => "<&",
            Op::GreatAnd => ">&",
            Op::LessGreat => "<>",
            Op::Clobber => ">|",
            Op::AndGreat => "&>",
            Op::AndDGreat => "&>>",
            Op::DLess => "<<",
            Op::DLessDash => "<<-",
            Op::TLess => "<<<",
        }
    }

    fn is_redirect(self) -> bool {
        matches!(
            self,
            Op::Less
                | Op::Great
                | Op::DGreat
                | Op::LessAnd
                | Op::GreatAnd
                | Op::LessGreat
                | Op::Clobber
                | Op::AndGreat
                | Op::AndDGreat
                | Op::DLess
                | Op::DLessDash
                | Op::TLess
        )
    }
}

/// What kind of token the lexer produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    IoNumber(u32),
    Op(Op),
    Newline,
    Eof,
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    /// The raw text (for a word, as it goes into the tree).
    text: String,
    /// Where the token starts and ends in the (current) source.
    start: usize,
    end: usize,
    /// Already checked for alias expansion.
    checked: bool,
    /// Follows an alias whose text ends in a blank: check it for aliases too.
    force_check: bool,
}

/// A here-document whose body has not been read yet.
struct PendingDoc {
    delim: Vec<u8>,
    strip_tabs: bool,
    expand: bool,
}

/// A nesting context while scanning a word.
#[derive(Debug, Clone, Copy)]
enum WCtx {
    Dq,
    Bq,
    Brace { depth: usize, in_dq: bool },
    Arith { depth: usize },
}

const RESERVED: &[&str] = &[
    "if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for",
    "in", "function", "{", "}", "!",
];

/// Reserved words that close a list (they end it rather than start a command).
const CLOSERS: &[&str] = &[
    "then", "else", "elif", "fi", "do", "done", "esac", "}", "in",
];

fn is_blank(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

fn is_meta(c: u8) -> bool {
    matches!(
        c,
        b' ' | b'\t' | b'\n' | b'|' | b'&' | b';' | b'<' | b'>' | b'(' | b')'
    )
}

pub(crate) fn is_name(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_alphabetic() || b[0] == b'_')
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

/// Length of the leading `NAME` of `s`, if it starts with one.
fn name_len(s: &[u8]) -> usize {
    if s.is_empty() || !(s[0].is_ascii_alphabetic() || s[0] == b'_') {
        return 0;
    }
    s.iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
        .count()
}

fn has_quoting(s: &str) -> bool {
    s.bytes()
        .any(|b| matches!(b, b'\'' | b'"' | b'\\' | b'$' | b'`'))
}

/// The delimiter of a here-document with quotes removed, and whether it was quoted.
fn heredoc_delim(raw: &str) -> (Vec<u8>, bool) {
    let b = raw.as_bytes();
    let quoted = b.iter().any(|c| matches!(c, b'\'' | b'"' | b'\\'));
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\'' => {
                i += 1;
                while i < b.len() && b[i] != b'\'' {
                    out.push(b[i]);
                    i += 1;
                }
                i += 1;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\'
                        && i + 1 < b.len()
                        && matches!(b[i + 1], b'$' | b'`' | b'"' | b'\\')
                    {
                        i += 1;
                    }
                    out.push(b[i]);
                    i += 1;
                }
                i += 1;
            }
            b'\\' => {
                if i + 1 < b.len() {
                    out.push(b[i + 1]);
                }
                i += 2;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    (out, quoted)
}

/// Whether the target of `>&` names a file descriptor (rather than a file for `>& file`).
fn is_fd_target(w: &str) -> bool {
    let digits = w.trim_end_matches('-');
    w == "-"
        || (!digits.is_empty()
            && digits.bytes().all(|c| c.is_ascii_digit())
            && w.len() <= digits.len() + 1)
        || w.contains('$')
        || w.contains('`')
}

/// Whether `src`, just after `$(`, is an arithmetic expansion (`$((...))`): it opens a
/// parenthesis whose match is followed at once by the `)` closing the `$(`, as bash decides.
/// Returns the length up to and including that `))`.
pub(crate) fn arith_len(src: &[u8]) -> Option<usize> {
    if src.first() != Some(&b'(') {
        return None;
    }
    let mut depth = 0usize;
    let mut i = 0;
    while i < src.len() {
        match src[i] {
            b'\\' => i += 1,
            b'\'' => i += src[i + 1..].iter().position(|&c| c == b'\'').map_or(src.len(), |p| p + 1),
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return (src.get(i + 1) == Some(&b')')).then_some(i + 2);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The length of a command substitution's text, `src` starting just after its `$(`, up to
/// and including the closing `)`; None when it does not parse.
pub(crate) fn command_subst_len(src: &str) -> Option<usize> {
    let mut parser = Parser::new(src, None);
    parser.command_subst(0).ok()?;
    Some(parser.pos)
}

struct Parser<'a> {
    src: Vec<u8>,
    pos: usize,
    peeked: Option<Token>,
    depth: usize,
    aliases: Option<Aliases<'a>>,
    /// Spans of the source produced by alias expansion, with the alias name.
    regions: Vec<(usize, usize, String)>,
    alias_count: usize,
    /// The next word starting at or after this position is checked for aliases.
    check_alias_at: Option<usize>,
    pending: Vec<PendingDoc>,
    bodies: Vec<String>,
}

impl<'a> Parser<'a> {
    fn new(input: &str, aliases: Option<Aliases<'a>>) -> Self {
        Parser {
            src: input.as_bytes().to_vec(),
            pos: 0,
            peeked: None,
            depth: 0,
            aliases,
            regions: Vec::new(),
            alias_count: 0,
            check_alias_at: None,
            pending: Vec::new(),
            bodies: Vec::new(),
        }
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.src.get(i).copied()
    }

    // ----------------------------------------------------------------- lexer

    fn token(&self, kind: Kind, text: String, start: usize) -> Token {
        Token {
            kind,
            text,
            start,
            end: self.pos,
            checked: false,
            force_check: false,
        }
    }

    fn lex(&mut self) -> Res<Token> {
        loop {
            while self.byte(self.pos).is_some_and(is_blank) {
                self.pos += 1;
            }
            if self.byte(self.pos) == Some(b'\\') && self.byte(self.pos + 1) == Some(b'\n') {
                self.pos += 2;
                if self.pos >= self.src.len() {
                    return Err(ParseError::Incomplete);
                }
                continue;
            }
            if self.byte(self.pos) == Some(b'#') {
                while self.byte(self.pos).is_some_and(|c| c != b'\n') {
                    self.pos += 1;
                }
            }
            break;
        }
        let start = self.pos;
        let Some(c) = self.byte(start) else {
            if !self.pending.is_empty() {
                return Err(ParseError::Incomplete);
            }
            return Ok(self.token(Kind::Eof, String::new(), start));
        };
        if c == b'\n' {
            self.pos += 1;
            if !self.pending.is_empty() {
                self.read_heredocs()?;
            }
            return Ok(self.token(Kind::Newline, "newline".into(), start));
        }
        if let Some((op, len)) = self.op_at(start) {
            self.pos += len;
            if matches!(op, Op::Less | Op::Great) && self.byte(self.pos) == Some(b'(') {
                return Err(unsupported("process substitution is"));
            }
            return Ok(self.token(Kind::Op(op), op.text().into(), start));
        }
        let digits = self.src[start..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits > 0 && matches!(self.byte(start + digits), Some(b'<' | b'>')) {
            let text = String::from_utf8_lossy(&self.src[start..start + digits]).into_owned();
            if let Ok(n) = text.parse::<u32>() {
                self.pos += digits;
                return Ok(self.token(Kind::IoNumber(n), text, start));
            }
        }
        let text = self.scan_word()?;
        Ok(self.token(Kind::Word, text, start))
    }

    fn op_at(&self, i: usize) -> Option<(Op, usize)> {
        let n1 = self.byte(i + 1);
        let n2 = self.byte(i + 2);
        Some(match self.byte(i)? {
            b'|' => match n1 {
                Some(b'|') => (Op::OrIf, 2),
                Some(b'&') => (Op::PipeAmp, 2),
                _ => (Op::Pipe, 1),
            },
            b'&' => match (n1, n2) {
                (Some(b'&'), _) => (Op::AndIf, 2),
                (Some(b'>'), Some(b'>')) => (Op::AndDGreat, 3),
                (Some(b'>'), _) => (Op::AndGreat, 2),
                _ => (Op::Amp, 1),
            },
            b';' => match (n1, n2) {
                (Some(b';'), Some(b'&')) => (Op::DSemiAnd, 3),
                (Some(b';'), _) => (Op::DSemi, 2),
                (Some(b'&'), _) => (Op::SemiAnd, 2),
                _ => (Op::Semi, 1),
            },
            b'<' => match (n1, n2) {
                (Some(b'<'), Some(b'<')) => (Op::TLess, 3),
                (Some(b'<'), Some(b'-')) => (Op::DLessDash, 3),
                (Some(b'<'), _) => (Op::DLess, 2),
                (Some(b'&'), _) => (Op::LessAnd, 2),
                (Some(b'>'), _) => (Op::LessGreat, 2),
                _ => (Op::Less, 1),
            },
            b'>' => match n1 {
                Some(b'>') => (Op::DGreat, 2),
                Some(b'&') => (Op::GreatAnd, 2),
                Some(b'|') => (Op::Clobber, 2),
                _ => (Op::Great, 1),
            },
            b'(' => (Op::LParen, 1),
            b')' => (Op::RParen, 1),
            _ => return None,
        })
    }

    fn push_ctx(&self, stack: &mut Vec<WCtx>, ctx: WCtx) -> Res<()> {
        if self.depth + stack.len() >= MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        stack.push(ctx);
        Ok(())
    }

    /// Scans one word from `self.pos`, keeping its raw text (line continuations removed).
    fn scan_word(&mut self) -> Res<String> {
        let mut out: Vec<u8> = Vec::new();
        let mut stack: Vec<WCtx> = Vec::new();
        loop {
            let Some(c) = self.byte(self.pos) else {
                if stack.is_empty() {
                    break;
                }
                return Err(ParseError::Incomplete);
            };
            if c == b'\\' {
                match self.byte(self.pos + 1) {
                    None => return Err(ParseError::Incomplete),
                    Some(b'\n') => {
                        self.pos += 2;
                        if self.pos >= self.src.len() {
                            return Err(ParseError::Incomplete);
                        }
                    }
                    Some(n) => {
                        out.push(c);
                        out.push(n);
                        self.pos += 2;
                    }
                }
                continue;
            }
            match stack.last().copied() {
                None => {
                    if is_meta(c) {
                        break;
                    }
                    match c {
                        b'\'' => self.scan_squote(&mut out)?,
                        b'"' => self.open(&mut out, &mut stack, WCtx::Dq)?,
                        b'`' => self.open(&mut out, &mut stack, WCtx::Bq)?,
                        b'$' => self.scan_dollar(&mut out, &mut stack, false)?,
                        _ => self.take(&mut out),
                    }
                }
                Some(WCtx::Dq) => match c {
                    b'"' => self.close(&mut out, &mut stack),
                    b'`' => self.open(&mut out, &mut stack, WCtx::Bq)?,
                    b'$' => self.scan_dollar(&mut out, &mut stack, true)?,
                    _ => self.take(&mut out),
                },
                Some(WCtx::Bq) => match c {
                    b'`' => self.close(&mut out, &mut stack),
                    _ => self.take(&mut out),
                },
                Some(WCtx::Brace { depth, in_dq }) => match c {
                    b'}' if depth == 0 => self.close(&mut out, &mut stack),
                    b'}' | b'{' => {
                        if let Some(WCtx::Brace { depth, .. }) = stack.last_mut() {
                            if c == b'{' {
                                *depth += 1;
                            } else {
                                *depth -= 1;
                            }
                        }
                        self.take(&mut out);
                    }
                    // Even inside double quotes, single quotes hide a `}` (their text stays).
                    b'\'' => self.scan_squote(&mut out)?,
                    b'"' => self.open(&mut out, &mut stack, WCtx::Dq)?,
                    b'`' => self.open(&mut out, &mut stack, WCtx::Bq)?,
                    b'$' => self.scan_dollar(&mut out, &mut stack, in_dq)?,
                    _ => self.take(&mut out),
                },
                Some(WCtx::Arith { depth }) => match c {
                    b')' if depth == 0 => {
                        if self.byte(self.pos + 1) == Some(b')') {
                            self.take(&mut out);
                        }
                        self.close(&mut out, &mut stack);
                    }
                    b'(' | b')' => {
                        if let Some(WCtx::Arith { depth }) = stack.last_mut() {
                            if c == b'(' {
                                *depth += 1;
                            } else {
                                *depth -= 1;
                            }
                        }
                        self.take(&mut out);
                    }
                    b'\'' => self.scan_squote(&mut out)?,
                    b'"' => self.open(&mut out, &mut stack, WCtx::Dq)?,
                    b'`' => self.open(&mut out, &mut stack, WCtx::Bq)?,
                    b'$' => self.scan_dollar(&mut out, &mut stack, false)?,
                    _ => self.take(&mut out),
                },
            }
        }
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    fn take(&mut self, out: &mut Vec<u8>) {
        out.push(self.src[self.pos]);
        self.pos += 1;
    }

    fn open(&mut self, out: &mut Vec<u8>, stack: &mut Vec<WCtx>, ctx: WCtx) -> Res<()> {
        self.push_ctx(stack, ctx)?;
        self.take(out);
        Ok(())
    }

    fn close(&mut self, out: &mut Vec<u8>, stack: &mut Vec<WCtx>) {
        stack.pop();
        self.take(out);
    }

    /// `'...'`: nothing is special up to the closing quote.
    fn scan_squote(&mut self, out: &mut Vec<u8>) -> Res<()> {
        let rest = &self.src[self.pos + 1..];
        let Some(len) = rest.iter().position(|&c| c == b'\'') else {
            return Err(ParseError::Incomplete);
        };
        out.extend_from_slice(&self.src[self.pos..self.pos + len + 2]);
        self.pos += len + 2;
        Ok(())
    }

    /// A `$` in a word: `$(...)`, `$((...))`, `${...}`, `$'...'`, or a plain `$`.
    fn scan_dollar(&mut self, out: &mut Vec<u8>, stack: &mut Vec<WCtx>, in_dq: bool) -> Res<()> {
        match self.byte(self.pos + 1) {
            Some(b'(') if arith_len(&self.src[self.pos + 2..]).is_some() => {
                self.push_ctx(stack, WCtx::Arith { depth: 0 })?;
                out.extend_from_slice(b"$((");
                self.pos += 3;
            }
            Some(b'(') => {
                let start = self.pos;
                self.pos += 2;
                self.command_subst(stack.len())?;
                out.extend_from_slice(&self.src[start..self.pos]);
            }
            Some(b'{') => {
                self.push_ctx(stack, WCtx::Brace { depth: 0, in_dq })?;
                out.extend_from_slice(b"${");
                self.pos += 2;
            }
            Some(b'\'') if !in_dq => {
                out.push(b'$');
                self.pos += 1;
                out.push(b'\'');
                self.pos += 1;
                loop {
                    match self.byte(self.pos) {
                        None => return Err(ParseError::Incomplete),
                        Some(b'\\') => {
                            self.take(out);
                            if self.pos >= self.src.len() {
                                return Err(ParseError::Incomplete);
                            }
                            self.take(out);
                        }
                        Some(b'\'') => {
                            self.take(out);
                            break;
                        }
                        Some(_) => self.take(out),
                    }
                }
            }
            _ => self.take(out),
        }
        Ok(())
    }

    /// The inside of `$(...)`, from just after `$(` to just after the matching `)`: parsed as
    /// commands (without aliases) to find where it ends, then thrown away.
    fn command_subst(&mut self, extra_depth: usize) -> Res<()> {
        let saved_depth = self.depth;
        self.depth += extra_depth + 1;
        if self.depth > MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        let saved_aliases = self.aliases.take();
        let saved_check = self.check_alias_at.take();
        let saved_pending = std::mem::take(&mut self.pending);
        let saved_bodies = std::mem::take(&mut self.bodies);
        let saved_peek = self.peeked.take();
        self.parse_list()?;
        match self.peek_kind(false)? {
            Kind::Op(Op::RParen) => {
                self.peeked = None;
            }
            _ => return Err(self.unexpected_peek()),
        }
        self.depth = saved_depth;
        self.aliases = saved_aliases;
        self.check_alias_at = saved_check;
        self.pending = saved_pending;
        self.bodies = saved_bodies;
        self.peeked = saved_peek;
        Ok(())
    }

    /// Reads the bodies of the pending here-documents from the lines after the current one.
    fn read_heredocs(&mut self) -> Res<()> {
        for doc in std::mem::take(&mut self.pending) {
            let mut body = Vec::new();
            loop {
                if self.pos >= self.src.len() {
                    return Err(ParseError::Incomplete);
                }
                let mut line = Vec::new();
                let mut had_newline;
                loop {
                    let rest = &self.src[self.pos..];
                    let end = rest.iter().position(|&c| c == b'\n');
                    let chunk = &rest[..end.unwrap_or(rest.len())];
                    line.extend_from_slice(chunk);
                    self.pos += chunk.len();
                    had_newline = end.is_some();
                    if had_newline {
                        self.pos += 1;
                    }
                    let trailing = line.iter().rev().take_while(|&&c| c == b'\\').count();
                    if doc.expand && had_newline && trailing % 2 == 1 {
                        line.pop();
                        if self.pos >= self.src.len() {
                            return Err(ParseError::Incomplete);
                        }
                        continue;
                    }
                    break;
                }
                let text: &[u8] = if doc.strip_tabs {
                    let tabs = line.iter().take_while(|&&c| c == b'\t').count();
                    &line[tabs..]
                } else {
                    &line
                };
                if text == doc.delim.as_slice() {
                    break;
                }
                if !had_newline {
                    return Err(ParseError::Incomplete);
                }
                body.extend_from_slice(text);
                body.push(b'\n');
            }
            self.bodies
                .push(String::from_utf8_lossy(&body).into_owned());
        }
        Ok(())
    }

    // ------------------------------------------------------- token stream

    fn fill(&mut self) -> Res<()> {
        if self.peeked.is_none() {
            let mut t = self.lex()?;
            if let Some(p) = self.check_alias_at {
                if t.start >= p {
                    self.check_alias_at = None;
                    t.force_check = t.kind == Kind::Word;
                }
            }
            self.peeked = Some(t);
        }
        Ok(())
    }

    /// The next token; in command position (`cmd`) a word is first alias-expanded.
    fn peek_tok(&mut self, cmd: bool) -> Res<&Token> {
        loop {
            self.fill()?;
            let t = self.peeked.as_ref().expect("filled");
            if t.checked
                || t.kind != Kind::Word
                || !(cmd || t.force_check)
                || self.aliases.is_none()
            {
                break;
            }
            if !self.expand_alias(cmd)? {
                if let Some(t) = self.peeked.as_mut() {
                    t.checked = true;
                }
                break;
            }
        }
        Ok(self.peeked.as_ref().expect("filled"))
    }

    fn peek_kind(&mut self, cmd: bool) -> Res<Kind> {
        Ok(self.peek_tok(cmd)?.kind)
    }

    /// Whether the next token is the unquoted word `w`.
    fn peek_is(&mut self, cmd: bool, w: &str) -> Res<bool> {
        let t = self.peek_tok(cmd)?;
        Ok(t.kind == Kind::Word && t.text == w)
    }

    fn next(&mut self, cmd: bool) -> Res<Token> {
        self.peek_tok(cmd)?;
        Ok(self.peeked.take().expect("peeked"))
    }

    fn skip_newlines(&mut self) -> Res<()> {
        while self.peek_kind(false)? == Kind::Newline {
            self.peeked = None;
        }
        Ok(())
    }

    /// The error for the token about to be read: end of input means "incomplete".
    fn unexpected_peek(&mut self) -> ParseError {
        match self.peek_tok(false) {
            Err(e) => e,
            Ok(t) if t.kind == Kind::Eof => ParseError::Incomplete,
            Ok(t) => unexpected(&t.text),
        }
    }

    /// The error for a token where a word had to follow on the same line.
    fn unexpected_on_line(t: &Token) -> ParseError {
        match t.kind {
            Kind::Eof | Kind::Newline => unexpected("newline"),
            _ => unexpected(&t.text),
        }
    }

    /// Replaces the peeked word by its alias text, if it is an alias here.
    fn expand_alias(&mut self, cmd: bool) -> Res<bool> {
        let Some(aliases) = self.aliases else {
            return Ok(false);
        };
        let t = self.peeked.as_ref().expect("peeked");
        let (name, s, e) = (t.text.clone(), t.start, t.end);
        if has_quoting(&name) || (cmd && RESERVED.contains(&name.as_str())) {
            return Ok(false);
        }
        if self
            .regions
            .iter()
            .any(|(rs, re, n)| *rs <= s && s < *re && *n == name)
        {
            return Ok(false);
        }
        let Some(value) = aliases(&name) else {
            return Ok(false);
        };
        self.alias_count += 1;
        if self.alias_count > MAX_ALIAS_EXPANSIONS {
            return Err(ParseError::Syntax(
                "venvlab: too many alias expansions".into(),
            ));
        }
        let new_end = s + value.len();
        let shift = |p: usize| p - e + new_end;
        for r in &mut self.regions {
            if r.0 >= e {
                r.0 = shift(r.0);
                r.1 = shift(r.1);
            } else if r.1 >= e {
                r.1 = shift(r.1);
            } else if r.1 > s {
                r.1 = new_end;
            }
        }
        let mut src = Vec::with_capacity(self.src.len() + value.len());
        src.extend_from_slice(&self.src[..s]);
        src.extend_from_slice(value.as_bytes());
        src.extend_from_slice(&self.src[e..]);
        self.src = src;
        self.regions.push((s, new_end, name));
        self.pos = s;
        self.peeked = None;
        self.check_alias_at = if value.ends_with([' ', '\t']) {
            Some(new_end)
        } else {
            self.check_alias_at
                .map(|p| if p >= e { shift(p) } else { p })
        };
        Ok(true)
    }

    // ------------------------------------------------------------ grammar

    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Res<T>) -> Res<T> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        let r = f(self);
        self.depth -= 1;
        r
    }

    /// Whether the next token ends a list (end of input, `)`, `;;`, or a closing reserved word).
    fn at_list_end(&mut self) -> Res<bool> {
        let t = self.peek_tok(true)?;
        Ok(match t.kind {
            Kind::Eof => true,
            Kind::Op(Op::RParen | Op::DSemi | Op::SemiAnd | Op::DSemiAnd) => true,
            Kind::Word => CLOSERS.contains(&t.text.as_str()),
            _ => false,
        })
    }

    /// A possibly empty list, up to the token that ends it (left unread).
    fn parse_list(&mut self) -> Res<List> {
        let mut list = Vec::new();
        loop {
            self.skip_newlines()?;
            if self.at_list_end()? {
                break;
            }
            list.push(self.parse_and_or()?);
            match self.peek_kind(false)? {
                Kind::Op(Op::Semi | Op::Amp) | Kind::Newline => self.peeked = None,
                _ => break,
            }
        }
        Ok(list)
    }

    /// A list that must hold at least one command (bash's compound_list).
    fn compound_list(&mut self) -> Res<List> {
        let list = self.parse_list()?;
        if list.is_empty() {
            return Err(self.unexpected_peek());
        }
        Ok(list)
    }

    fn expect_word(&mut self, w: &str) -> Res<()> {
        if self.peek_is(true, w)? {
            self.peeked = None;
            Ok(())
        } else {
            Err(self.unexpected_peek())
        }
    }

    fn parse_and_or(&mut self) -> Res<AndOr> {
        let first = self.parse_pipeline()?;
        let mut rest = Vec::new();
        loop {
            let op = match self.peek_kind(false)? {
                Kind::Op(Op::AndIf) => AndOrOp::And,
                Kind::Op(Op::OrIf) => AndOrOp::Or,
                _ => break,
            };
            self.peeked = None;
            self.skip_newlines()?;
            rest.push((op, self.parse_pipeline()?));
        }
        Ok(AndOr { first, rest })
    }

    fn parse_pipeline(&mut self) -> Res<Pipeline> {
        let mut negated = false;
        while self.peek_is(true, "!")? {
            self.peeked = None;
            negated = !negated;
        }
        if negated
            && matches!(
                self.peek_kind(false)?,
                Kind::Op(Op::Semi) | Kind::Newline | Kind::Eof
            )
        {
            let empty = Command::Simple(SimpleCommand::default());
            return Ok(Pipeline {
                negated,
                commands: vec![empty],
            });
        }
        let mut commands = vec![self.parse_command()?];
        loop {
            match self.peek_kind(false)? {
                Kind::Op(Op::Pipe) => {}
                Kind::Op(Op::PipeAmp) => {
                    let dup = Redirect {
                        fd: Some(2),
                        op: RedirOp::DupOut,
                        target: Word("1".into()),
                    };
                    match commands.last_mut() {
                        Some(Command::Simple(sc)) => sc.redirects.push(dup),
                        Some(Command::Compound(_, redirects)) => redirects.push(dup),
                        Some(Command::FunctionDef { body, .. }) => {
                            if let Command::Compound(_, redirects) = body.as_mut() {
                                redirects.push(dup);
                            }
                        }
                        None => {}
                    }
                }
                _ => break,
            }
            self.peeked = None;
            self.skip_newlines()?;
            commands.push(self.parse_command()?);
        }
        Ok(Pipeline { negated, commands })
    }

    fn parse_command(&mut self) -> Res<Command> {
        let (kind, end) = {
            let t = self.peek_tok(true)?;
            (t.kind, t.end)
        };
        let keyword = match kind {
            Kind::Eof => return Err(ParseError::Incomplete),
            Kind::Newline => return Err(unexpected("newline")),
            Kind::Op(Op::LParen) => {
                if self.byte(end) == Some(b'(') {
                    return Err(unsupported("arithmetic commands ((...)) are"));
                }
                "("
            }
            Kind::Op(op) if op.is_redirect() => return self.parse_simple(),
            Kind::Op(op) => return Err(unexpected(op.text())),
            Kind::IoNumber(_) => return self.parse_simple(),
            Kind::Word => {
                let text = self.peeked.as_ref().map_or("", |t| t.text.as_str());
                match RESERVED.iter().copied().find(|w| *w == text) {
                    None => return self.parse_simple(),
                    Some(w) => w,
                }
            }
        };
        let compound = match keyword {
            "(" | "{" | "if" | "while" | "until" | "for" | "case" => {
                self.nested(|p| p.parse_compound(keyword))?
            }
            "function" => return self.parse_function_keyword(),
            other => return Err(unexpected(other)),
        };
        let redirects = self.parse_redirects()?;
        Ok(Command::Compound(compound, redirects))
    }

    /// Redirections written after a compound command.
    fn parse_redirects(&mut self) -> Res<Vec<Redirect>> {
        let mut redirects = Vec::new();
        loop {
            match self.peek_kind(false)? {
                Kind::IoNumber(_) => {}
                Kind::Op(op) if op.is_redirect() => {}
                _ => break,
            }
            redirects.push(self.parse_redirect()?);
        }
        Ok(redirects)
    }

    /// A compound command, starting at its (unread) opening keyword.
    fn parse_compound(&mut self, keyword: &str) -> Res<CompoundCommand> {
        self.peeked = None;
        Ok(match keyword {
            "(" => {
                let list = self.compound_list()?;
                if self.peek_kind(false)? != Kind::Op(Op::RParen) {
                    return Err(self.unexpected_peek());
                }
                self.peeked = None;
                CompoundCommand::Subshell(list)
            }
            "{" => {
                let list = self.compound_list()?;
                self.expect_word("}")?;
                CompoundCommand::Group(list)
            }
            "if" => self.parse_if()?,
            "while" | "until" => {
                let cond = self.compound_list()?;
                self.expect_word("do")?;
                let body = self.compound_list()?;
                self.expect_word("done")?;
                CompoundCommand::While {
                    until: keyword == "until",
                    cond,
                    body,
                }
            }
            "for" => self.parse_for()?,
            _ => self.parse_case()?,
        })
    }

    fn parse_if(&mut self) -> Res<CompoundCommand> {
        let mut branches = Vec::new();
        let mut else_body = None;
        loop {
            let cond = self.compound_list()?;
            self.expect_word("then")?;
            let body = self.compound_list()?;
            branches.push((cond, body));
            if self.peek_is(true, "elif")? {
                self.peeked = None;
                continue;
            }
            if self.peek_is(true, "else")? {
                self.peeked = None;
                else_body = Some(self.compound_list()?);
            }
            self.expect_word("fi")?;
            break;
        }
        Ok(CompoundCommand::If {
            branches,
            else_body,
        })
    }

    fn parse_for(&mut self) -> Res<CompoundCommand> {
        let name = self.next(false)?;
        match name.kind {
            Kind::Word => {}
            Kind::Op(Op::LParen) if self.byte(name.end) == Some(b'(') => {
                return Err(unsupported("arithmetic for loops for ((...)) are"));
            }
            _ => return Err(Self::unexpected_on_line(&name)),
        }
        if !is_name(&name.text) {
            return Err(not_identifier(&name.text));
        }
        let mut words = None;
        match self.peek_kind(false)? {
            Kind::Op(Op::Semi) => {
                self.peeked = None;
                self.skip_newlines()?;
            }
            Kind::Newline => {
                self.skip_newlines()?;
                if self.peek_is(false, "in")? {
                    words = Some(self.parse_for_words()?);
                }
            }
            Kind::Word if self.peek_is(false, "in")? => words = Some(self.parse_for_words()?),
            Kind::Word => {}
            _ => return Err(self.unexpected_peek()),
        }
        let body = if self.peek_is(true, "do")? {
            self.peeked = None;
            let body = self.compound_list()?;
            self.expect_word("done")?;
            body
        } else if self.peek_is(true, "{")? {
            self.peeked = None;
            let body = self.compound_list()?;
            self.expect_word("}")?;
            body
        } else {
            return Err(self.unexpected_peek());
        };
        Ok(CompoundCommand::For {
            var: name.text,
            words,
            body,
        })
    }

    /// `in word...` up to `;` or newline (and the newlines after it).
    fn parse_for_words(&mut self) -> Res<Vec<Word>> {
        self.peeked = None;
        let mut words = Vec::new();
        loop {
            match self.peek_kind(false)? {
                Kind::Word => words.push(Word(self.next(false)?.text)),
                Kind::Op(Op::Semi) | Kind::Newline => {
                    self.peeked = None;
                    break;
                }
                _ => return Err(self.unexpected_peek()),
            }
        }
        self.skip_newlines()?;
        Ok(words)
    }

    fn parse_case(&mut self) -> Res<CompoundCommand> {
        let word = self.next(false)?;
        if word.kind != Kind::Word {
            return Err(Self::unexpected_on_line(&word));
        }
        self.skip_newlines()?;
        if !self.peek_is(false, "in")? {
            return Err(self.unexpected_peek());
        }
        self.peeked = None;
        let mut arms = Vec::new();
        loop {
            self.skip_newlines()?;
            match self.peek_kind(false)? {
                Kind::Word if self.peek_is(false, "esac")? => {
                    self.peeked = None;
                    break;
                }
                Kind::Word => {}
                Kind::Op(Op::LParen) => self.peeked = None,
                _ => return Err(self.unexpected_peek()),
            }
            let mut patterns = Vec::new();
            loop {
                let pattern = self.next(false)?;
                if pattern.kind != Kind::Word {
                    return Err(Self::unexpected_on_line(&pattern));
                }
                patterns.push(Word(pattern.text));
                let sep = self.next(false)?;
                match sep.kind {
                    Kind::Op(Op::Pipe) => {}
                    Kind::Op(Op::RParen) => break,
                    _ => return Err(Self::unexpected_on_line(&sep)),
                }
            }
            let body = self.parse_list()?;
            arms.push(CaseArm { patterns, body });
            match self.peek_kind(true)? {
                Kind::Op(Op::DSemi) => self.peeked = None,
                Kind::Word if self.peek_is(true, "esac")? => {
                    self.peeked = None;
                    break;
                }
                Kind::Op(Op::SemiAnd | Op::DSemiAnd) => {
                    return Err(unsupported("the case terminators `;&' and `;;&' are"));
                }
                _ => return Err(self.unexpected_peek()),
            }
        }
        Ok(CompoundCommand::Case {
            word: Word(word.text),
            arms,
        })
    }

    /// `function name [()] compound-command`, at the unread `function`.
    fn parse_function_keyword(&mut self) -> Res<Command> {
        self.peeked = None;
        let name = self.next(false)?;
        if name.kind != Kind::Word {
            return Err(Self::unexpected_on_line(&name));
        }
        if has_quoting(&name.text) {
            return Err(not_identifier(&name.text));
        }
        if self.peek_kind(false)? == Kind::Op(Op::LParen) {
            self.peeked = None;
            self.expect_rparen()?;
        }
        self.parse_function_body(name.text)
    }

    fn expect_rparen(&mut self) -> Res<()> {
        let t = self.next(false)?;
        if t.kind != Kind::Op(Op::RParen) {
            return Err(Self::unexpected_on_line(&t));
        }
        Ok(())
    }

    /// The compound command after `name ()` (newlines allowed before it).
    fn parse_function_body(&mut self, name: String) -> Res<Command> {
        self.skip_newlines()?;
        let t = self.peek_tok(true)?;
        let ok = match t.kind {
            Kind::Op(Op::LParen) => true,
            Kind::Word => ["{", "if", "while", "until", "for", "case"].contains(&t.text.as_str()),
            _ => false,
        };
        if !ok {
            return Err(self.unexpected_peek());
        }
        let body = self.parse_command()?;
        Ok(Command::FunctionDef {
            name,
            body: Box::new(body),
        })
    }

    fn parse_simple(&mut self) -> Res<Command> {
        let mut sc = SimpleCommand::default();
        self.peek_kind(true)?;
        let start = self.peeked.as_ref().map_or(self.pos, |t| t.start);
        sc.line = 1 + self.src[..start.min(self.src.len())].iter().filter(|&&b| b == b'\n').count() as u32;
        let mut first = true;
        loop {
            let cmd_pos = sc.words.is_empty();
            match self.peek_kind(cmd_pos)? {
                Kind::IoNumber(_) => sc.redirects.push(self.parse_redirect()?),
                Kind::Op(op) if op.is_redirect() => sc.redirects.push(self.parse_redirect()?),
                Kind::Word => {
                    let t = self.next(cmd_pos)?;
                    let b = t.text.as_bytes();
                    let n = name_len(b);
                    if n > 0 && b.len() == n + 1 && b[n] == b'=' && self.byte(t.end) == Some(b'(') {
                        return Err(unsupported("arrays are"));
                    }
                    if cmd_pos && n > 0 {
                        match b.get(n) {
                            Some(b'=') => {
                                let value = Word(t.text[n + 1..].to_string());
                                sc.assignments.push(Assignment {
                                    name: t.text[..n].into(),
                                    value,
                                });
                                first = false;
                                continue;
                            }
                            Some(b'+') if b.get(n + 1) == Some(&b'=') => {
                                return Err(unsupported("`+=' assignments are"));
                            }
                            Some(b'[') if t.text.contains("]=") => {
                                return Err(unsupported("arrays are"));
                            }
                            _ => {}
                        }
                    }
                    if first && self.peek_kind(false)? == Kind::Op(Op::LParen) {
                        if has_quoting(&t.text) {
                            return Err(not_identifier(&t.text));
                        }
                        self.peeked = None;
                        self.expect_rparen()?;
                        return self.parse_function_body(t.text);
                    }
                    sc.words.push(Word(t.text));
                }
                _ => break,
            }
            first = false;
        }
        Ok(Command::Simple(sc))
    }

    fn parse_redirect(&mut self) -> Res<Redirect> {
        let mut t = self.next(false)?;
        let mut fd = None;
        if let Kind::IoNumber(n) = t.kind {
            fd = Some(n);
            t = self.next(false)?;
        }
        let Kind::Op(op) = t.kind else {
            return Err(unexpected(&t.text));
        };
        let target = self.next(false)?;
        if target.kind != Kind::Word {
            return Err(Self::unexpected_on_line(&target));
        }
        let word = target.text;
        let op = match op {
            Op::Less => RedirOp::Read,
            Op::Great | Op::Clobber => RedirOp::Write,
            Op::DGreat => RedirOp::Append,
            Op::LessAnd => RedirOp::DupIn,
            Op::GreatAnd if fd.is_some() || is_fd_target(&word) => RedirOp::DupOut,
            Op::GreatAnd | Op::AndGreat => RedirOp::WriteBoth,
            Op::AndDGreat => RedirOp::AppendBoth,
            Op::TLess => RedirOp::HereString,
            Op::DLess | Op::DLessDash => {
                let (delim, quoted) = heredoc_delim(&word);
                self.pending.push(PendingDoc {
                    delim,
                    strip_tabs: op == Op::DLessDash,
                    expand: !quoted,
                });
                let op = RedirOp::HereDoc { expand: !quoted };
                return Ok(Redirect {
                    fd,
                    op,
                    target: Word(String::new()),
                });
            }
            Op::LessGreat => return Err(unsupported("the `<>' redirection is")),
            _ => return Err(unexpected(op.text())),
        };
        Ok(Redirect {
            fd,
            op,
            target: Word(word),
        })
    }
}

// ------------------------------------------------- here-document bodies

/// Puts the collected here-document bodies into the tree, in source order.
fn fill_list(list: &mut List, bodies: &mut impl Iterator<Item = String>) {
    for and_or in list {
        let pipelines =
            std::iter::once(&mut and_or.first).chain(and_or.rest.iter_mut().map(|r| &mut r.1));
        for pipeline in pipelines {
            for command in &mut pipeline.commands {
                fill_command(command, bodies);
            }
        }
    }
}

fn fill_command(command: &mut Command, bodies: &mut impl Iterator<Item = String>) {
    match command {
        Command::Simple(sc) => fill_redirects(&mut sc.redirects, bodies),
        Command::Compound(compound, redirects) => {
            match compound {
                CompoundCommand::Group(l) | CompoundCommand::Subshell(l) => fill_list(l, bodies),
                CompoundCommand::If {
                    branches,
                    else_body,
                } => {
                    for (cond, body) in branches {
                        fill_list(cond, bodies);
                        fill_list(body, bodies);
                    }
                    if let Some(body) = else_body {
                        fill_list(body, bodies);
                    }
                }
                CompoundCommand::For { body, .. } => fill_list(body, bodies),
                CompoundCommand::While { cond, body, .. } => {
                    fill_list(cond, bodies);
                    fill_list(body, bodies);
                }
                CompoundCommand::Case { arms, .. } => {
                    for arm in arms {
                        fill_list(&mut arm.body, bodies);
                    }
                }
            }
            fill_redirects(redirects, bodies);
        }
        Command::FunctionDef { body, .. } => fill_command(body, bodies),
    }
}

fn fill_redirects(redirects: &mut [Redirect], bodies: &mut impl Iterator<Item = String>) {
    for r in redirects {
        if matches!(r.op, RedirOp::HereDoc { .. }) {
            r.target = Word(bodies.next().unwrap_or_default());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_aliases(_: &str) -> Option<String> {
        None
    }

    fn p(input: &str) -> Result<List, ParseError> {
        parse(input, &no_aliases)
    }

    fn ok(input: &str) -> List {
        match p(input) {
            Ok(mut list) => {
                redact_lines(&mut list);
                list
            }
            Err(e) => panic!("{input:?} failed: {e:?}"),
        }
    }

    /// Sets every line number to 0, so trees compare by structure alone.
    fn redact_lines(list: &mut List) {
        for and_or in list {
            let pipelines = std::iter::once(&mut and_or.first).chain(and_or.rest.iter_mut().map(|(_, p)| p));
            for pipeline in pipelines {
                pipeline.commands.iter_mut().for_each(redact_command);
            }
        }
    }

    fn redact_command(command: &mut Command) {
        match command {
            Command::Simple(sc) => sc.line = 0,
            Command::FunctionDef { body, .. } => redact_command(body),
            Command::Compound(cc, _) => match cc {
                CompoundCommand::Group(l) | CompoundCommand::Subshell(l) => redact_lines(l),
                CompoundCommand::If { branches, else_body } => {
                    for (c, b) in branches {
                        redact_lines(c);
                        redact_lines(b);
                    }
                    if let Some(e) = else_body {
                        redact_lines(e);
                    }
                }
                CompoundCommand::For { body, .. } => redact_lines(body),
                CompoundCommand::While { cond, body, .. } => {
                    redact_lines(cond);
                    redact_lines(body);
                }
                CompoundCommand::Case { arms, .. } => arms.iter_mut().for_each(|a| redact_lines(&mut a.body)),
            },
        }
    }

    #[test]
    fn simple_commands_know_their_line() {
        let list = p("echo a\n\necho b\nif true\nthen x\nfi").unwrap();
        let lines: Vec<u32> = list
            .iter()
            .filter_map(|a| match &a.first.commands[0] {
                Command::Simple(sc) => Some(sc.line),
                Command::Compound(CompoundCommand::If { branches, .. }, _) => match &branches[0].1[0].first.commands[0] {
                    Command::Simple(sc) => Some(sc.line),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        assert_eq!(lines, vec![1, 3, 5]);
    }

    fn w(s: &str) -> Word {
        Word(s.into())
    }

    fn sc(words: &[&str]) -> SimpleCommand {
        SimpleCommand {
            words: words.iter().map(|s| w(s)).collect(),
            ..Default::default()
        }
    }

    fn simple(words: &[&str]) -> Command {
        Command::Simple(sc(words))
    }

    fn pipe(commands: Vec<Command>) -> Pipeline {
        Pipeline {
            negated: false,
            commands,
        }
    }

    fn and_or(commands: Vec<Command>) -> AndOr {
        AndOr {
            first: pipe(commands),
            rest: vec![],
        }
    }

    /// A list of simple commands, one per and-or.
    fn cmds(lines: &[&[&str]]) -> List {
        lines
            .iter()
            .map(|words| and_or(vec![simple(words)]))
            .collect()
    }

    fn one(c: Command) -> List {
        vec![and_or(vec![c])]
    }

    fn compound(c: CompoundCommand) -> Command {
        Command::Compound(c, vec![])
    }

    fn redir(fd: Option<u32>, op: RedirOp, target: &str) -> Redirect {
        Redirect {
            fd,
            op,
            target: w(target),
        }
    }

    fn syntax(token: &str) -> Result<List, ParseError> {
        Err(unexpected(token))
    }

    // ------------------------------------------------------- simple commands

    #[test]
    fn words_and_empty_input() {
        assert_eq!(ok(""), vec![]);
        assert_eq!(ok("  \n\n # only a comment\n"), vec![]);
        assert_eq!(ok("echo hello world"), cmds(&[&["echo", "hello", "world"]]));
        assert_eq!(ok("echo a#b #c d"), cmds(&[&["echo", "a#b"]]));
    }

    #[test]
    fn raw_quotes_and_expansions_are_kept() {
        assert_eq!(
            ok(r#"echo "$HOME"/x 'a b' \  a\"b $'x\'y' *.py"#),
            cmds(&[&[
                "echo",
                "\"$HOME\"/x",
                "'a b'",
                "\\ ",
                "a\\\"b",
                "$'x\\'y'",
                "*.py"
            ]])
        );
        assert_eq!(
            ok("echo $(echo a; echo b) `date | wc` $((1 + (2*3))) ${a:-x y}"),
            cmds(&[&[
                "echo",
                "$(echo a; echo b)",
                "`date | wc`",
                "$((1 + (2*3)))",
                "${a:-x y}"
            ]])
        );
        assert_eq!(
            ok(r#"echo "a $(echo ")") b""#),
            cmds(&[&["echo", r#""a $(echo ")") b""#]])
        );
        assert_eq!(
            ok("echo ${a:-{b}}x ${a:-\"}\"}"),
            cmds(&[&["echo", "${a:-{b}}x", "${a:-\"}\"}"]])
        );
        assert_eq!(
            ok("echo $(case x in a) echo y;; esac)z"),
            cmds(&[&["echo", "$(case x in a) echo y;; esac)z"]])
        );
        assert_eq!(
            ok("echo $(echo a # )\n)"),
            cmds(&[&["echo", "$(echo a # )\n)"]])
        );
        assert_eq!(ok("echo $( )"), cmds(&[&["echo", "$( )"]]));
    }

    #[test]
    fn line_continuation_is_removed() {
        assert_eq!(ok("echo a\\\nb \\\n c"), cmds(&[&["echo", "ab", "c"]]));
        assert_eq!(ok("echo 'a\\\nb'"), cmds(&[&["echo", "'a\\\nb'"]]));
        assert_eq!(ok("echo a &&\\\n echo b").len(), 1);
    }

    #[test]
    fn assignments() {
        let mut expected = sc(&["cmd", "C=3"]);
        expected.assignments = vec![
            Assignment {
                name: "A".into(),
                value: w("1"),
            },
            Assignment {
                name: "B".into(),
                value: w(""),
            },
        ];
        assert_eq!(ok("A=1 B= cmd C=3"), one(Command::Simple(expected)));
        let mut only = sc(&[]);
        only.assignments = vec![Assignment {
            name: "_x1".into(),
            value: w("'a b'$(c)"),
        }];
        assert_eq!(ok("_x1='a b'$(c)"), one(Command::Simple(only)));
        assert_eq!(ok("1A=x =y"), cmds(&[&["1A=x", "=y"]]));
    }

    #[test]
    fn redirections() {
        let mut expected = sc(&["cmd", "arg"]);
        expected.redirects = vec![
            redir(None, RedirOp::Write, "out"),
            redir(None, RedirOp::Append, "log"),
            redir(None, RedirOp::Read, "in"),
            redir(Some(2), RedirOp::Write, "err"),
            redir(Some(2), RedirOp::Append, "err2"),
            redir(Some(2), RedirOp::DupOut, "1"),
            redir(None, RedirOp::DupOut, "2"),
            redir(Some(3), RedirOp::DupIn, "0"),
            redir(None, RedirOp::WriteBoth, "both"),
            redir(None, RedirOp::AppendBoth, "both2"),
            redir(None, RedirOp::WriteBoth, "file"),
            redir(None, RedirOp::HereString, "\"$x y\""),
            redir(None, RedirOp::Write, "clobber"),
            redir(None, RedirOp::DupOut, "-"),
        ];
        assert_eq!(
            ok("cmd >out >>log <in arg 2>err 2>>err2 2>&1 >&2 3<&0 &>both &>>both2 >& file <<< \"$x y\" >|clobber >&-"),
            one(Command::Simple(expected))
        );
        let mut leading = sc(&["echo", "x"]);
        leading.redirects = vec![redir(None, RedirOp::Write, "f")];
        assert_eq!(ok(">f echo x"), one(Command::Simple(leading)));
        let mut word_2 = sc(&["echo", "2", "x"]);
        word_2.redirects = vec![redir(None, RedirOp::Write, "f")];
        assert_eq!(ok("echo 2 >f x"), one(Command::Simple(word_2)));
    }

    #[test]
    fn here_documents() {
        let mut c = sc(&["cat"]);
        c.redirects = vec![redir(
            None,
            RedirOp::HereDoc { expand: true },
            "hello $x\n  two\n",
        )];
        let mut d = sc(&["cat"]);
        d.redirects = vec![redir(None, RedirOp::HereDoc { expand: false }, "$y\n")];
        let mut list = one(Command::Simple(c));
        list.push(and_or(vec![Command::Simple(d)]));
        list.push(and_or(vec![simple(&["echo", "done"])]));
        assert_eq!(
            ok("cat <<EOF\nhello $x\n  two\nEOF\ncat <<'E O'\n$y\nE O\necho done"),
            list
        );

        let mut tabs = sc(&["cat"]);
        tabs.redirects = vec![redir(None, RedirOp::HereDoc { expand: true }, "a\n b\n")];
        assert_eq!(
            ok("cat <<-END\n\ta\n\t b\n\t\tEND\n"),
            one(Command::Simple(tabs))
        );

        // Two here-docs on one line, bodies in order; a quoted one keeps backslash-newlines.
        let mut a = sc(&["cat"]);
        a.redirects = vec![redir(None, RedirOp::HereDoc { expand: true }, "1\n")];
        let mut b = sc(&["cat"]);
        b.redirects = vec![redir(None, RedirOp::HereDoc { expand: false }, "2\\\n")];
        assert_eq!(
            ok("cat <<A | cat <<\\B\n1\nA\n2\\\nB"),
            vec![and_or(vec![Command::Simple(a), Command::Simple(b)])]
        );
        // Unquoted: backslash-newline joins lines, so `a\` + `EOF` is not the delimiter.
        let mut j = sc(&["cat"]);
        j.redirects = vec![redir(None, RedirOp::HereDoc { expand: true }, "aEOF\n")];
        assert_eq!(ok("cat <<EOF\na\\\nEOF\nEOF"), one(Command::Simple(j)));
        // A here-doc inside a compound command and after it.
        let mut inner = sc(&["cat"]);
        inner.redirects = vec![redir(None, RedirOp::HereDoc { expand: true }, "in\n")];
        let group = Command::Compound(
            CompoundCommand::Group(one(Command::Simple(inner))),
            vec![redir(None, RedirOp::HereDoc { expand: true }, "out\n")],
        );
        assert_eq!(ok("{ cat <<I; } <<O\nin\nI\nout\nO\n"), one(group));
    }

    // ---------------------------------------------------------------- lists

    #[test]
    fn lists_and_pipelines() {
        assert_eq!(ok("a; b & c\nd;"), cmds(&[&["a"], &["b"], &["c"], &["d"]]));
        assert_eq!(
            ok("a && b || ! c | d"),
            vec![AndOr {
                first: pipe(vec![simple(&["a"])]),
                rest: vec![
                    (AndOrOp::And, pipe(vec![simple(&["b"])])),
                    (
                        AndOrOp::Or,
                        Pipeline {
                            negated: true,
                            commands: vec![simple(&["c"]), simple(&["d"])]
                        }
                    ),
                ],
            }]
        );
        assert_eq!(
            ok("a |\n\n b"),
            vec![and_or(vec![simple(&["a"]), simple(&["b"])])]
        );
        assert_eq!(ok("a &&\n b").len(), 1);
        let mut left = sc(&["a"]);
        left.redirects = vec![redir(Some(2), RedirOp::DupOut, "1")];
        assert_eq!(
            ok("a |& b"),
            vec![and_or(vec![Command::Simple(left), simple(&["b"])])]
        );
        assert_eq!(ok("! ! true"), cmds(&[&["true"]]));
        let empty_not = Pipeline {
            negated: true,
            commands: vec![Command::Simple(sc(&[]))],
        };
        assert_eq!(
            ok("!"),
            vec![AndOr {
                first: empty_not,
                rest: vec![]
            }]
        );
    }

    // ------------------------------------------------------------ compounds

    #[test]
    fn groups_and_subshells() {
        assert_eq!(
            ok("{ a; b; } > f"),
            vec![and_or(vec![Command::Compound(
                CompoundCommand::Group(cmds(&[&["a"], &["b"]])),
                vec![redir(None, RedirOp::Write, "f")]
            )])]
        );
        assert_eq!(
            ok("(a\nb)"),
            one(compound(CompoundCommand::Subshell(cmds(&[&["a"], &["b"]]))))
        );
        let inner = compound(CompoundCommand::Group(cmds(&[&["a"]])));
        assert_eq!(
            ok("{ { a; } }"),
            one(compound(CompoundCommand::Group(one(inner))))
        );
        assert_eq!(ok("echo { } {a}"), cmds(&[&["echo", "{", "}", "{a}"]]));
    }

    #[test]
    fn if_statements() {
        assert_eq!(
            ok("if a; then b; elif c\nthen d; else e; fi"),
            one(compound(CompoundCommand::If {
                branches: vec![
                    (cmds(&[&["a"]]), cmds(&[&["b"]])),
                    (cmds(&[&["c"]]), cmds(&[&["d"]]))
                ],
                else_body: Some(cmds(&[&["e"]])),
            }))
        );
        assert_eq!(
            ok("if a\nthen\n  b\nfi"),
            one(compound(CompoundCommand::If {
                branches: vec![(cmds(&[&["a"]]), cmds(&[&["b"]]))],
                else_body: None,
            }))
        );
        assert_eq!(
            ok("echo if then fi"),
            cmds(&[&["echo", "if", "then", "fi"]])
        );
        assert_eq!(ok("'if' x"), cmds(&[&["'if'", "x"]]));
    }

    #[test]
    fn loops() {
        let body = cmds(&[&["echo", "$x"]]);
        let for_in = |words: Option<Vec<Word>>| {
            one(compound(CompoundCommand::For {
                var: "x".into(),
                words,
                body: body.clone(),
            }))
        };
        assert_eq!(
            ok("for x in a 'b c'; do echo $x; done"),
            for_in(Some(vec![w("a"), w("'b c'")]))
        );
        assert_eq!(
            ok("for x in a b\ndo echo $x; done"),
            for_in(Some(vec![w("a"), w("b")]))
        );
        assert_eq!(
            ok("for x\nin a b; do echo $x; done"),
            for_in(Some(vec![w("a"), w("b")]))
        );
        assert_eq!(ok("for x in; do echo $x; done"), for_in(Some(vec![])));
        assert_eq!(ok("for x; do echo $x; done"), for_in(None));
        assert_eq!(ok("for x do echo $x; done"), for_in(None));
        assert_eq!(ok("for x\ndo echo $x\ndone"), for_in(None));
        assert_eq!(ok("for x in a; { echo $x; }"), for_in(Some(vec![w("a")])));
        assert_eq!(
            ok("for x in do done; do echo $x; done"),
            for_in(Some(vec![w("do"), w("done")]))
        );
        assert_eq!(
            ok("while a; do b; done"),
            one(compound(CompoundCommand::While {
                until: false,
                cond: cmds(&[&["a"]]),
                body: cmds(&[&["b"]])
            }))
        );
        assert_eq!(
            ok("until a\ndo\nb\ndone"),
            one(compound(CompoundCommand::While {
                until: true,
                cond: cmds(&[&["a"]]),
                body: cmds(&[&["b"]])
            }))
        );
    }

    #[test]
    fn case_statements() {
        let arm = |pats: &[&str], body: List| CaseArm {
            patterns: pats.iter().map(|s| w(s)).collect(),
            body,
        };
        assert_eq!(
            ok("case $x in\n a|'b') echo ab;;\n (*.py) ;;\n (esac) echo e\nesac"),
            one(compound(CompoundCommand::Case {
                word: w("$x"),
                arms: vec![
                    arm(&["a", "'b'"], cmds(&[&["echo", "ab"]])),
                    arm(&["*.py"], vec![]),
                    arm(&["esac"], cmds(&[&["echo", "e"]])),
                ],
            }))
        );
        assert_eq!(
            ok("case x\nin x) a; b;; esac"),
            one(compound(CompoundCommand::Case {
                word: w("x"),
                arms: vec![arm(&["x"], cmds(&[&["a"], &["b"]]))]
            }))
        );
        assert_eq!(
            ok("case x in esac"),
            one(compound(CompoundCommand::Case {
                word: w("x"),
                arms: vec![]
            }))
        );
    }

    #[test]
    fn functions() {
        let body = Box::new(compound(CompoundCommand::Group(cmds(&[&["echo", "hi"]]))));
        let def = |name: &str| {
            one(Command::FunctionDef {
                name: name.into(),
                body: body.clone(),
            })
        };
        assert_eq!(ok("f() { echo hi; }"), def("f"));
        assert_eq!(ok("f ( )\n{\necho hi\n}"), def("f"));
        assert_eq!(ok("function f { echo hi; }"), def("f"));
        assert_eq!(ok("function f() { echo hi; }"), def("f"));
        assert_eq!(ok("function f\n{ echo hi; }"), def("f"));
        assert_eq!(ok("my-fn() { echo hi; }"), def("my-fn"));
        assert_eq!(
            ok("f() (echo)"),
            one(Command::FunctionDef {
                name: "f".into(),
                body: Box::new(compound(CompoundCommand::Subshell(cmds(&[&["echo"]])))),
            })
        );
    }

    // --------------------------------------------------------------- aliases

    #[test]
    fn alias_expansion() {
        let aliases = |name: &str| -> Option<String> {
            Some(
                match name {
                    "ll" => "ls -l",
                    "s" => "sudo ",
                    "loop" => "loop --again",
                    "a" => "b",
                    "b" => "a x",
                    "q" => "echo \"hi",
                    "iff" => "if true; then echo yes;",
                    "nothing" => "",
                    _ => return None,
                }
                .to_string(),
            )
        };
        let pa = |input: &str| {
            let mut list = parse(input, &aliases).unwrap();
            redact_lines(&mut list);
            list
        };
        assert_eq!(pa("ll /tmp"), cmds(&[&["ls", "-l", "/tmp"]]));
        assert_eq!(pa("echo ll; ll"), cmds(&[&["echo", "ll"], &["ls", "-l"]]));
        assert_eq!(pa("A=1 ll").len(), 1);
        assert_eq!(pa("s ll"), cmds(&[&["sudo", "ls", "-l"]]));
        assert_eq!(pa("loop"), cmds(&[&["loop", "--again"]]));
        assert_eq!(pa("a"), cmds(&[&["a", "x"]]));
        assert_eq!(pa("q there\""), cmds(&[&["echo", "\"hi there\""]]));
        assert_eq!(pa("'ll' x; \\ll"), cmds(&[&["'ll'", "x"], &["\\ll"]]));
        assert_eq!(pa("nothing echo x"), cmds(&[&["echo", "x"]]));
        assert_eq!(
            pa("x | ll && ! ll"),
            ok("x | ls -l && ! ls -l")
        );
        assert_eq!(
            pa("iff fi"),
            one(compound(CompoundCommand::If {
                branches: vec![(cmds(&[&["true"]]), cmds(&[&["echo", "yes"]]))],
                else_body: None,
            }))
        );
        // Inside $(...) the text is kept raw: it is expanded when it runs.
        assert_eq!(pa("echo $(ll)"), cmds(&[&["echo", "$(ll)"]]));
    }

    // ---------------------------------------------------------------- errors

    /// Inputs and what bash 5.2 says about them (checked by hand with `bash -i`, and by the
    /// ignored test `against_real_bash`). `None` means: incomplete (bash would show PS2).
    const BASH_ERRORS: &[(&str, Option<&str>)] = &[
        ("fi", Some("fi")),
        (";;", Some(";;")),
        (")", Some(")")),
        ("if true; then fi", Some("fi")),
        ("echo > ", Some("newline")),
        ("echo >>", Some("newline")),
        ("echo 2>&", Some("newline")),
        ("echo &> ", Some("newline")),
        ("cat <<", Some("newline")),
        ("echo > ;", Some(";")),
        ("echo > >", Some(">")),
        ("ls &&; ls", Some(";")),
        ("()", Some(")")),
        ("{ }", Some("}")),
        ("{ ; }", Some(";")),
        ("echo $(fi)", Some("fi")),
        ("echo $(;)", Some(";")),
        ("in", Some("in")),
        ("esac", Some("esac")),
        ("then", Some("then")),
        ("}", Some("}")),
        ("done", Some("done")),
        ("if then", Some("then")),
        ("function", Some("newline")),
        ("function f echo", Some("echo")),
        ("for", Some("newline")),
        ("case", Some("newline")),
        ("case x y", Some("y")),
        ("case x in a", Some("newline")),
        ("case x in a|", Some("newline")),
        ("case x in (", Some("newline")),
        ("case x in ;;", Some(";;")),
        ("case x in a b) ;; esac", Some("b")),
        ("case x in a|) ;; esac", Some(")")),
        ("echo a (1)", Some("(")),
        ("echo (1)", Some("1")),
        ("f (", Some("newline")),
        ("f() echo", Some("echo")),
        ("A=1 f() { :; }", Some("(")),
        ("{ echo; } }", Some("}")),
        ("(echo) foo", Some("foo")),
        ("echo a; ;", Some(";")),
        ("echo a; then", Some("then")),
        ("while do", Some("do")),
        ("while true; done", Some("done")),
        ("if true; then echo; elif; then :; fi", Some(";")),
        ("if true; then :; else fi", Some("fi")),
        ("&", Some("&")),
        ("|", Some("|")),
        ("echo a | ;", Some(";")),
        ("echo a | | b", Some("|")),
        ("! |", Some("|")),
        ("a | ! b", Some("!")),
        ("echo a |", None),
        ("echo a &&", None),
        ("echo a |&", None),
        ("echo $(", None),
        ("echo 'a", None),
        ("echo \"a", None),
        ("echo `a", None),
        ("echo ${a", None),
        ("echo $((1+", None),
        ("if true", None),
        ("until", None),
        ("for x in a b do", None),
        ("{ echo a }", None),
        ("cat <<EOF\nx", None),
        ("echo a\\", None),
        ("echo a\\\n", None),
        ("(", None),
        ("case x in a) echo", None),
    ];

    #[test]
    fn bash_syntax_errors() {
        for (input, expected) in BASH_ERRORS {
            let want = match expected {
                Some(token) => syntax(token),
                None => Err(ParseError::Incomplete),
            };
            assert_eq!(p(input), want, "input {input:?}");
        }
    }

    #[test]
    fn identifier_errors() {
        let err = |s: &str| Err(ParseError::Syntax(s.into()));
        assert_eq!(
            p("for 1 in a; do :; done"),
            err("`1': not a valid identifier")
        );
        assert_eq!(
            p("for a-b in x; do :; done"),
            err("`a-b': not a valid identifier")
        );
        assert_eq!(p("\"f\"() { :; }"), err("`\"f\"': not a valid identifier"));
        assert_eq!(p("$f() { :; }"), err("`$f': not a valid identifier"));
    }

    #[test]
    fn unsupported_features_are_marked_as_ours() {
        let arrays = Err(ParseError::Syntax(
            "venvlab: arrays are not supported in this simulation".into(),
        ));
        assert_eq!(p("a=(1 2)"), arrays);
        assert_eq!(p("declare -a a=(1 2)"), arrays);
        assert_eq!(p("a[1]=x"), arrays);
        assert_eq!(p("a=("), arrays);
        for input in [
            "((1))",
            "for ((i=0; i<3; i++)); do :; done",
            "diff <(a) <(b)",
            "a+=x",
            "cat <>f",
            "case x in a) ;& esac",
        ] {
            match p(input) {
                Err(ParseError::Syntax(m)) => assert!(m.starts_with("venvlab: "), "{input:?}: {m}"),
                other => panic!("{input:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn display() {
        assert_eq!(
            unexpected("fi").to_string(),
            "syntax error near unexpected token `fi'"
        );
        assert_eq!(
            ParseError::Incomplete.to_string(),
            "syntax error: unexpected end of file"
        );
        assert_eq!(
            ParseError::TooDeep.to_string(),
            "venvlab: nested too deeply (limit 64)"
        );
    }

    /// Runs every case of [`BASH_ERRORS`] through the real bash (`cargo test -- --ignored`).
    #[test]
    #[ignore = "needs bash 5.2 on the machine"]
    fn against_real_bash() {
        use std::io::Write;
        use std::process::{Command as Proc, Stdio};
        for (input, expected) in BASH_ERRORS {
            let mut child = Proc::new("bash")
                .args(["--norc", "--noprofile", "-i"])
                .env_clear()
                .env("PS1", "$ ")
                .env("PS2", "> ")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("bash runs");
            let mut stdin = child.stdin.take().expect("stdin");
            stdin
                .write_all(format!("{input}\n").as_bytes())
                .expect("write");
            drop(stdin);
            let out = child.wait_with_output().expect("bash ends");
            let err = String::from_utf8_lossy(&out.stderr);
            match expected {
                Some(token) => {
                    let want = format!("bash: syntax error near unexpected token `{token}'");
                    assert!(err.contains(&want), "{input:?}: bash said {err}");
                }
                None => assert!(
                    err.contains("\n> ")
                        || err.contains("unexpected end of file")
                        || err.contains("unexpected EOF"),
                    "{input:?}: bash said {err}"
                ),
            }
        }
    }

    // ----------------------------------------------------------- snapshots

    fn snapshot(name: &str, input: &str) {
        let parsed = p(input).map(|mut list| {
            redact_lines(&mut list);
            list
        });
        insta::with_settings!({ prepend_module_to_snapshot => false, description => input }, {
            insta::assert_debug_snapshot!(name, parsed);
        });
    }

    #[test]
    fn snapshots() {
        snapshot(
            "parser_script",
            "#!/bin/bash\n# set up a venv\nset -e\nif [ ! -d .venv ]; then\n  python3 -m venv .venv && echo created >&2\nfi\n. .venv/bin/activate\nfor pkg in requests 'flask>=2'; do\n  pip install \"$pkg\" 2>&1 | tail -n 1 || echo \"failed: $pkg\"\ndone\n",
        );
        snapshot(
            "parser_case_function",
            "greet() {\n  case \"$1\" in\n    -h|--help) echo \"usage: greet NAME\"; return 0 ;;\n    '') echo nobody >&2; return 1 ;;\n    *) printf 'hi %s\\n' \"$1\"\n  esac\n} > /dev/null\nfunction twice { greet \"$@\"; greet \"$@\"; }\n",
        );
        snapshot(
            "parser_heredoc_pipeline",
            "cat <<-EOF | grep -v '^#' > out.txt &&\n\t# comment\n\tvalue=$HOME\n\tEOF\n  while read -r line; do echo \"[$line]\"; done < out.txt\n",
        );
        snapshot(
            "parser_nested_substitutions",
            "X=$(ls \"$(dirname \"$0\")\" | wc -l) Y=${Z:-$((1 + $(echo 2)))} env | (cd /tmp && ! grep -q `whoami`) |& cat",
        );
    }

    // ------------------------------------------------------------ totality

    /// Parses on a thread with a small stack (as in the browser), so that deep inputs prove
    /// the parser neither overflows nor hangs.
    fn parse_small_stack(input: String) -> Result<List, ParseError> {
        std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || {
                let aliases = |name: &str| match name {
                    "x" => Some("y ".to_string()),
                    "y" => Some("x x (".to_string()),
                    "e" => Some(String::new()),
                    _ => None,
                };
                parse(&input, &aliases)
            })
            .expect("thread starts")
            .join()
            .expect("parser does not panic")
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        // (opening, closing, depth units per level: quotes around `$(` count too)
        for (open, close, cost) in [
            ("( ", ")", 1),
            ("$(", ")", 1),
            ("{ ", "; }", 1),
            ("${a:-", "}", 1),
            ("$((", "))", 1),
            ("if a; then ", "; fi", 1),
            ("while ", "; do a; done", 1),
            ("for x in a; do ", "; done", 1),
            ("case x in a) ", ";; esac", 1),
            ("f() { ", "; }", 1),
            ("\"$(", ")\"", 2),
            ("echo \"$(", ")\"", 2),
        ] {
            let deep = |n: usize| format!("{}a{}", open.repeat(n), close.repeat(n));
            // Up to 64 levels is fine, more is refused; 10,000 open ones never overflow.
            let max = MAX_DEPTH / cost;
            assert!(parse_small_stack(deep(max)).is_ok(), "{open:?} x {max}");
            assert_eq!(
                parse_small_stack(deep(max + 1)),
                Err(ParseError::TooDeep),
                "{open:?} x {max}+1"
            );
            assert_eq!(
                parse_small_stack(open.repeat(10_000)),
                Err(ParseError::TooDeep),
                "{open:?} x 10000"
            );
        }
        assert!(parse_small_stack("! ".repeat(10_000) + "a").is_ok());
        assert!(parse_small_stack("a | ".repeat(10_000) + "a").is_ok());
        assert!(parse_small_stack("{".repeat(10_000)).is_ok());
        assert!(parse_small_stack("x ".repeat(2_000)).is_err());
        assert!(parse_small_stack("e ".repeat(10_000)).is_ok());
        assert_eq!(
            parse_small_stack("((".repeat(10_000)).map(|_| ()),
            Err(unsupported("arithmetic commands ((...)) are"))
        );
    }

    #[test]
    fn fuzz_random_inputs() {
        const PIECES: &[&str] = &[
            " ", "\n", ";", ";;", "&", "&&", "|", "||", "|&", "(", ")", "{", "}", "<", ">", ">>",
            "<<", "<<-", "<<<", ">&", "<&", "&>", "2>", "!", "if", "then", "elif", "else", "fi",
            "for", "in", "do", "done", "while", "until", "case", "esac", "function", "x", "a=",
            "EOF", "'", "\"", "`", "\\", "$", "$(", "$((", "${", "}", "#", "\t", "=", "*", "1",
            "f()", "é", "\\\n", "$'", "ll",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut rand = move |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((state >> 33) as usize) % n
        };
        let aliases = |name: &str| match name {
            "ll" => Some("ls -l ".to_string()),
            "x" => Some("ll x".to_string()),
            "a=" => Some("if".to_string()),
            _ => None,
        };
        for round in 0..20_000 {
            let len = rand(40);
            let mut input = String::new();
            for _ in 0..len {
                if round % 3 == 0 {
                    let byte = rand(128) as u8;
                    input.push(byte as char);
                } else {
                    input.push_str(PIECES[rand(PIECES.len())]);
                    if rand(2) == 0 {
                        input.push(' ');
                    }
                }
            }
            let result = std::panic::catch_unwind(|| parse(&input, &aliases));
            assert!(result.is_ok(), "panic on {input:?}");
        }
    }
}
