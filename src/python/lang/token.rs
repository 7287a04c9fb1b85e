//! The tokenizer: source text to tokens (names, numbers, strings, f-strings, operators,
//! NEWLINE/INDENT/DEDENT), with CPython 3.12's tokenizer errors (`unterminated string literal`,
//! `'(' was never closed`, `unindent does not match any outer indentation level`...).

use super::ast::Pos;
use std::rc::Rc;
use std::fmt::Write as _;

/// Longest operators first, so the first match is the right one.
const OPS: [&str; 47] = [
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "==", "!=", "<=", ">=", "<<", ">>",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "<", ">",
    "=", ".", ",", ":", ";", "(", ")", "[", "]", "{", "}", "&", "|", "^", "~",
];

/// A token.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// A name or keyword.
    Name(Rc<str>),
    /// An integer literal.
    Int(i128),
    /// A float literal.
    Float(f64),
    /// A string literal, escapes decoded.
    Str(String),
    /// An f-string literal.
    FStr(Vec<FRaw>),
    /// An operator or delimiter.
    Op(&'static str),
    /// End of a logical line.
    Newline,
    /// Indentation grew.
    Indent,
    /// Indentation shrank.
    Dedent,
    /// End of input.
    End,
}

/// A piece of an f-string before its expressions are parsed.
#[derive(Clone, Debug, PartialEq)]
pub enum FRaw {
    /// Literal text.
    Lit(String),
    /// `{expr!conv:spec}`: the expression's text and where it starts.
    Field {
        /// The expression text.
        src: String,
        /// Line of its first character.
        line: u32,
        /// Column of its first character.
        col: u32,
        /// Conversion character.
        conv: Option<char>,
        /// Format spec pieces.
        spec: Vec<FRaw>,
        /// `expr=` text for self-documenting fields.
        debug: Option<String>,
    },
}

/// A token and its span.
#[derive(Clone, Debug)]
pub struct Token {
    /// The token.
    pub tok: Tok,
    /// Its span.
    pub pos: Pos,
}

/// A syntax error found by the tokenizer or the parser.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxErr {
    /// `SyntaxError` or `IndentationError`.
    pub kind: &'static str,
    /// The message.
    pub msg: String,
    /// Where the carets go; `None` prints no caret line.
    pub pos: Option<Pos>,
    /// The line reported.
    pub line: u32,
    /// True when more input could complete the source (for the REPL's `...` prompt).
    pub incomplete: bool,
}

impl SyntaxErr {
    /// A `SyntaxError` at `pos`.
    pub fn at(msg: impl Into<String>, pos: Pos) -> SyntaxErr {
        SyntaxErr {
            kind: "SyntaxError",
            msg: msg.into(),
            pos: Some(pos),
            line: pos.line,
            incomplete: false,
        }
    }
    /// The same error marked as completable by more input.
    pub fn incomplete(mut self) -> SyntaxErr {
        self.incomplete = true;
        self
    }
    /// The same error as an `IndentationError`.
    pub fn indentation(mut self) -> SyntaxErr {
        self.kind = "IndentationError";
        self
    }
}

/// A one-character span.
fn at(line: u32, col: u32) -> Pos {
    Pos {
        line,
        col,
        end_line: line,
        end_col: col + 1,
    }
}

struct Lexer<'a> {
    src: &'a [char],
    i: usize,
    line: u32,
    line_start: usize,
    col0: u32,
    brackets: Vec<(char, Pos)>,
    indents: Vec<(u32, u32)>,
    out: Vec<Token>,
}

/// Tokenizes a whole module.
pub fn tokenize(src: &[char]) -> Result<Vec<Token>, SyntaxErr> {
    let mut lx = Lexer {
        src,
        i: 0,
        line: 1,
        line_start: 0,
        col0: 0,
        brackets: vec![],
        indents: vec![(0, 0)],
        out: vec![],
    };
    lx.run(true)?;
    Ok(lx.out)
}

/// Tokenizes an f-string field's expression, which starts at `line`/`col` of the file.
pub fn tokenize_expr(src: &[char], line: u32, col: u32) -> Result<Vec<Token>, SyntaxErr> {
    let mut lx = Lexer {
        src,
        i: 0,
        line,
        line_start: 0,
        col0: col,
        brackets: vec![],
        indents: vec![(0, 0)],
        out: vec![],
    };
    lx.brackets.push(('(', at(line, col)));
    lx.run(false)?;
    Ok(lx.out)
}

impl Lexer<'_> {
    fn peek(&self, k: usize) -> char {
        self.src.get(self.i + k).copied().unwrap_or('\0')
    }
    fn at_end(&self) -> bool {
        self.i >= self.src.len()
    }
    fn col(&self) -> u32 {
        (self.i - self.line_start) as u32 + if self.line_start == 0 { self.col0 } else { 0 }
    }
    fn here(&self) -> Pos {
        at(self.line, self.col())
    }
    fn newline(&mut self) {
        self.i += 1;
        self.line += 1;
        self.line_start = self.i;
    }
    fn push(&mut self, tok: Tok, start: Pos) {
        let pos = Pos {
            end_line: self.line,
            end_col: self.col(),
            ..start
        };
        self.out.push(Token { tok, pos });
    }
    fn line_len(&self) -> u32 {
        let rest = self.src[self.line_start..]
            .iter()
            .take_while(|c| **c != '\n')
            .count();
        rest as u32
    }

    fn run(&mut self, statements: bool) -> Result<(), SyntaxErr> {
        let mut line_begins = statements;
        loop {
            if line_begins && self.brackets.is_empty() {
                if self.indentation()? {
                    continue;
                }
                line_begins = false;
            }
            while matches!(self.peek(0), ' ' | '\t' | '\x0c') {
                self.i += 1;
            }
            if self.at_end() {
                return self.finish(statements);
            }
            let c = self.peek(0);
            if c == '\n' || (c == '\r' && self.peek(1) == '\n') {
                if c == '\r' {
                    self.i += 1;
                }
                if self.brackets.is_empty() {
                    let start = self.here();
                    self.push(Tok::Newline, start);
                    line_begins = true;
                }
                self.newline();
            } else {
                self.token(c)?;
            }
        }
    }

    /// Handles the indentation at the start of a line; true when the line is blank.
    fn indentation(&mut self) -> Result<bool, SyntaxErr> {
        let (mut width, mut alt) = (0u32, 0u32);
        while let ' ' | '\t' | '\x0c' = self.peek(0) {
            width = if self.peek(0) == '\t' {
                (width / 8 + 1) * 8
            } else {
                width + 1
            };
            alt += 1;
            self.i += 1;
        }
        match self.peek(0) {
            '#' | '\n' | '\r' => {
                while !self.at_end() && self.peek(0) != '\n' {
                    self.i += 1;
                }
                if !self.at_end() {
                    self.newline();
                }
                return Ok(true);
            }
            '\0' if self.at_end() => return Ok(false),
            _ => {}
        }
        let start = self.here();
        let tab_error = || SyntaxErr {
            kind: "TabError",
            pos: None,
            ..SyntaxErr::at("inconsistent use of tabs and spaces in indentation", start)
        };
        let (top, alt_top) = self.indents.last().copied().unwrap_or((0, 0));
        if width > top {
            if alt <= alt_top {
                return Err(tab_error());
            }
            self.indents.push((width, alt));
            self.push(Tok::Indent, start);
        }
        while width < self.indents.last().map_or(0, |t| t.0) {
            self.indents.pop();
            self.push(Tok::Dedent, start);
        }
        let (top, alt_top) = self.indents.last().copied().unwrap_or((0, 0));
        if width != top {
            let end = at(self.line, self.line_len());
            return Err(
                SyntaxErr::at("unindent does not match any outer indentation level", end)
                    .indentation(),
            );
        }
        if alt != alt_top {
            return Err(tab_error());
        }
        Ok(false)
    }

    fn finish(&mut self, statements: bool) -> Result<(), SyntaxErr> {
        let extra = usize::from(!statements);
        if self.brackets.len() > extra {
            let (open, pos) = self.brackets[self.brackets.len() - 1];
            return Err(SyntaxErr::at(format!("'{open}' was never closed"), pos).incomplete());
        }
        let start = self.here();
        if statements {
            if !matches!(self.out.last().map(|t| &t.tok), None | Some(Tok::Newline)) {
                self.push(Tok::Newline, start);
            }
            while self.indents.len() > 1 {
                self.indents.pop();
                self.push(Tok::Dedent, start);
            }
        }
        self.push(Tok::End, start);
        Ok(())
    }

    fn token(&mut self, c: char) -> Result<(), SyntaxErr> {
        let start = self.here();
        match c {
            '#' => {
                while !self.at_end() && self.peek(0) != '\n' {
                    self.i += 1;
                }
            }
            '\\' => self.continuation()?,
            '\'' | '"' => {
                let tok = self.string(start, "")?;
                self.push(tok, start);
            }
            c if c.is_ascii_digit() || (c == '.' && self.peek(1).is_ascii_digit()) => {
                let tok = self.number(start)?;
                self.push(tok, start);
            }
            c if ident_start(c) => {
                let name = self.name();
                if matches!(self.peek(0), '\'' | '"') && is_prefix(&name) {
                    let tok = self.string(start, &name.to_ascii_lowercase())?;
                    self.push(tok, start);
                } else {
                    self.push(Tok::Name(Rc::from(name)), start);
                }
            }
            _ => self.operator(c, start)?,
        }
        Ok(())
    }

    fn continuation(&mut self) -> Result<(), SyntaxErr> {
        let after = at(self.line, self.col() + 1);
        match self.peek(1) {
            '\n' => {
                self.i += 1;
                self.newline();
                Ok(())
            }
            '\r' if self.peek(2) == '\n' => {
                self.i += 2;
                self.newline();
                Ok(())
            }
            '\0' if self.i + 1 >= self.src.len() => {
                Err(SyntaxErr::at("unexpected EOF while parsing", after).incomplete())
            }
            _ => Err(SyntaxErr::at(
                "unexpected character after line continuation character",
                after,
            )),
        }
    }

    fn name(&mut self) -> String {
        let start = self.i;
        while ident_start(self.peek(0)) || self.peek(0).is_ascii_digit() {
            self.i += 1;
        }
        self.src[start..self.i].iter().collect()
    }

    fn operator(&mut self, c: char, start: Pos) -> Result<(), SyntaxErr> {
        let op = OPS
            .iter()
            .find(|op| op.chars().enumerate().all(|(k, oc)| self.peek(k) == oc));
        let Some(op) = op else {
            let msg = if c.is_ascii() || c.is_whitespace() {
                "invalid syntax".to_string()
            } else {
                format!("invalid character '{c}' (U+{:04X})", c as u32)
            };
            return Err(SyntaxErr::at(msg, start));
        };
        self.i += op.len();
        match *op {
            "(" | "[" | "{" if self.brackets.len() >= 200 => {
                return Err(SyntaxErr::at("too many nested parentheses", start));
            }
            "(" | "[" | "{" => self.brackets.push((c, start)),
            ")" | "]" | "}" => self.close(c, start)?,
            _ => {}
        }
        self.push(Tok::Op(op), start);
        Ok(())
    }

    fn close(&mut self, c: char, start: Pos) -> Result<(), SyntaxErr> {
        let Some((open, pos)) = self.brackets.pop() else {
            return Err(SyntaxErr::at(format!("unmatched '{c}'"), start));
        };
        let want = match open {
            '(' => ')',
            '[' => ']',
            _ => '}',
        };
        if want == c {
            return Ok(());
        }
        let mut msg =
            format!("closing parenthesis '{c}' does not match opening parenthesis '{open}'");
        if pos.line != start.line {
            let _ = write!(msg, " on line {}", pos.line);
        }
        Err(SyntaxErr::at(msg, start))
    }

    fn number(&mut self, start: Pos) -> Result<Tok, SyntaxErr> {
        let begin = self.i;
        if self.peek(0) == '0' && matches!(self.peek(1), 'x' | 'X' | 'o' | 'O' | 'b' | 'B') {
            let radix = match self.peek(1).to_ascii_lowercase() {
                'x' => 16,
                'o' => 8,
                _ => 2,
            };
            self.i += 2;
            let digits = self.digits(|c| c.is_digit(radix));
            return self.int_value(&digits, radix, start);
        }
        let int_part = self.digits(|c| c.is_ascii_digit());
        let mut is_float = false;
        if self.peek(0) == '.' {
            is_float = true;
            self.i += 1;
            self.digits(|c| c.is_ascii_digit());
        }
        if matches!(self.peek(0), 'e' | 'E')
            && (self.peek(1).is_ascii_digit()
                || (matches!(self.peek(1), '+' | '-') && self.peek(2).is_ascii_digit()))
        {
            is_float = true;
            self.i += 2;
            self.digits(|c| c.is_ascii_digit());
        }
        if matches!(self.peek(0), 'j' | 'J') {
            return Err(unsupported("complex numbers are", start));
        }
        if ident_start(self.peek(0)) || self.peek(0).is_ascii_digit() {
            return Err(SyntaxErr::at("invalid decimal literal", start));
        }
        if is_float {
            let text: String = self.src[begin..self.i]
                .iter()
                .filter(|c| **c != '_')
                .collect();
            return Ok(Tok::Float(super::float::parse(&text).unwrap_or(f64::INFINITY)));
        }
        if int_part.len() > 1 && int_part.starts_with('0') && int_part.chars().any(|c| c != '0') {
            let msg = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
            return Err(SyntaxErr::at(msg, start));
        }
        self.int_value(&int_part, 10, start)
    }

    fn digits(&mut self, ok: impl Fn(char) -> bool) -> String {
        let mut s = String::new();
        while ok(self.peek(0)) || (self.peek(0) == '_' && ok(self.peek(1))) {
            if self.peek(0) != '_' {
                s.push(self.peek(0));
            }
            self.i += 1;
        }
        s
    }

    fn int_value(&mut self, digits: &str, radix: u32, start: Pos) -> Result<Tok, SyntaxErr> {
        if digits.is_empty() || ident_start(self.peek(0)) || self.peek(0).is_ascii_digit() {
            let kind = match radix {
                16 => "hexadecimal",
                8 => "octal",
                2 => "binary",
                _ => "decimal",
            };
            return Err(SyntaxErr::at(format!("invalid {kind} literal"), start));
        }
        i128::from_str_radix(digits, radix)
            .map(Tok::Int)
            .map_err(|_| unsupported("integers beyond 128 bits are", start))
    }

    /// Reads a string literal; `prefix` is its lower-cased prefix (`r`, `f`, `rb`...).
    fn string(&mut self, start: Pos, prefix: &str) -> Result<Tok, SyntaxErr> {
        let q = self.peek(0);
        let triple = self.peek(1) == q && self.peek(2) == q;
        self.i += if triple { 3 } else { 1 };
        let raw = prefix.contains('r');
        if prefix.contains('b') {
            return Err(unsupported("bytes literals are", start));
        }
        if prefix.contains('f') {
            let pieces = self.fstring_body(q, triple, raw, start, 0)?;
            return Ok(Tok::FStr(pieces));
        }
        let mut text = String::new();
        loop {
            if self.string_end(q, triple, start)? {
                return Ok(Tok::Str(text));
            }
            self.string_char(raw, &mut text)?;
        }
    }

    /// True (and consumes it) at the closing quote; errors at an unterminated end.
    fn string_end(&mut self, q: char, triple: bool, start: Pos) -> Result<bool, SyntaxErr> {
        if self.at_end() || (!triple && self.peek(0) == '\n') {
            let line = if self.at_end() && self.src.last() == Some(&'\n') {
                self.line - 1
            } else {
                self.line
            };
            let kind = if triple {
                "triple-quoted string literal"
            } else {
                "string literal"
            };
            let err = SyntaxErr::at(
                format!("unterminated {kind} (detected at line {line})"),
                start,
            );
            return Err(if triple { err.incomplete() } else { err });
        }
        if self.peek(0) == q && (!triple || (self.peek(1) == q && self.peek(2) == q)) {
            self.i += if triple { 3 } else { 1 };
            return Ok(true);
        }
        Ok(false)
    }

    /// Reads one character or escape sequence of a string body into `out`.
    fn string_char(&mut self, raw: bool, out: &mut String) -> Result<(), SyntaxErr> {
        let c = self.peek(0);
        if c == '\n' {
            out.push('\n');
            self.newline();
            return Ok(());
        }
        self.i += 1;
        if c != '\\' {
            out.push(c);
            return Ok(());
        }
        let e = self.peek(0);
        if raw {
            out.push('\\');
            if e == '\n' {
                out.push('\n');
                self.newline();
            } else if !self.at_end() {
                out.push(e);
                self.i += 1;
            }
            return Ok(());
        }
        self.escape(e, out)
    }

    fn escape(&mut self, e: char, out: &mut String) -> Result<(), SyntaxErr> {
        if e == '\n' {
            self.newline();
            return Ok(());
        }
        if e == 'N' {
            return Err(unsupported("\\N{...} escapes are", self.here()));
        }
        self.i += 1;
        let simple = match e {
            '\\' => Some('\\'),
            '\'' => Some('\''),
            '"' => Some('"'),
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            'a' => Some('\x07'),
            'b' => Some('\x08'),
            'f' => Some('\x0c'),
            'v' => Some('\x0b'),
            _ => None,
        };
        if let Some(c) = simple {
            out.push(c);
            return Ok(());
        }
        let (len, radix) = match e {
            'x' => (2, 16),
            'u' => (4, 16),
            'U' => (8, 16),
            '0'..='7' => (2, 8),
            _ => (0, 0),
        };
        if radix == 0 {
            out.push('\\');
            out.push(e);
            return Ok(());
        }
        let mut code = if radix == 8 {
            e.to_digit(8).unwrap_or(0)
        } else {
            0
        };
        let mut taken = 0;
        while taken < len && self.peek(0).is_digit(radix) {
            code = code
                .saturating_mul(radix)
                .saturating_add(self.peek(0).to_digit(radix).unwrap_or(0));
            self.i += 1;
            taken += 1;
        }
        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
        Ok(())
    }

    /// Reads an f-string body (or a format spec when `depth` > 0) into pieces.
    fn fstring_body(
        &mut self,
        q: char,
        triple: bool,
        raw: bool,
        start: Pos,
        depth: u32,
    ) -> Result<Vec<FRaw>, SyntaxErr> {
        let mut pieces = vec![];
        let mut lit = String::new();
        loop {
            if depth > 0 && self.peek(0) == '}' {
                break;
            }
            if self.string_end(q, triple, start)? {
                if depth > 0 {
                    return Err(SyntaxErr::at("f-string: expecting '}'", start));
                }
                break;
            }
            match (self.peek(0), self.peek(1)) {
                ('{', '{') | ('}', '}') if depth == 0 => {
                    lit.push(self.peek(0));
                    self.i += 2;
                }
                ('}', _) => {
                    return Err(SyntaxErr::at(
                        "f-string: single '}' is not allowed",
                        self.here(),
                    ))
                }
                ('{', _) => {
                    if depth > 1 {
                        return Err(SyntaxErr::at(
                            "f-string: expressions nested too deeply",
                            self.here(),
                        ));
                    }
                    if !lit.is_empty() {
                        pieces.push(FRaw::Lit(std::mem::take(&mut lit)));
                    }
                    self.i += 1;
                    pieces.push(self.field(q, triple, raw, start, depth)?);
                }
                _ => self.string_char(raw, &mut lit)?,
            }
        }
        if !lit.is_empty() {
            pieces.push(FRaw::Lit(lit));
        }
        Ok(pieces)
    }

    /// Reads a replacement field after its `{`, up to and including its `}`.
    fn field(
        &mut self,
        q: char,
        triple: bool,
        raw: bool,
        start: Pos,
        depth: u32,
    ) -> Result<FRaw, SyntaxErr> {
        let (line, col) = (self.line, self.col());
        let src = self.field_expr(q, start)?;
        if src.trim().is_empty() {
            return Err(SyntaxErr::at(
                "f-string: valid expression required before '}'",
                self.here(),
            ));
        }
        let mut debug = None;
        if self.peek(0) == '=' {
            self.i += 1;
            debug = Some(format!("{src}="));
        }
        let mut conv = None;
        if self.peek(0) == '!' {
            let c = self.peek(1);
            if !matches!(c, 's' | 'r' | 'a') {
                let msg = format!(
                    "f-string: invalid conversion character '{c}': expected 's', 'r', or 'a'"
                );
                return Err(SyntaxErr::at(msg, at(self.line, self.col() + 1)));
            }
            conv = Some(c);
            self.i += 2;
        }
        let mut spec = vec![];
        if self.peek(0) == ':' {
            self.i += 1;
            spec = self.fstring_body(q, triple, raw, start, depth + 1)?;
        }
        if self.peek(0) != '}' {
            return Err(SyntaxErr::at("f-string: expecting '}'", self.here()));
        }
        self.i += 1;
        if debug.is_some() && conv.is_none() && spec.is_empty() {
            conv = Some('r');
        }
        Ok(FRaw::Field {
            src,
            line,
            col,
            conv,
            spec,
            debug,
        })
    }

    /// The text of a field's expression, stopping before `}`, `!`, `:` or `=` at depth 0.
    fn field_expr(&mut self, q: char, start: Pos) -> Result<String, SyntaxErr> {
        let begin = self.i;
        let mut nest = 0u32;
        loop {
            let c = self.peek(0);
            if self.at_end() || (c == q && nest == 0) {
                return Err(SyntaxErr::at("f-string: expecting '}'", start));
            }
            match c {
                '(' | '[' | '{' => nest += 1,
                ')' | ']' | '}' if nest > 0 => nest -= 1,
                '}' | ':' if nest == 0 => break,
                '!' if nest == 0 && self.peek(1) != '=' => break,
                '=' if nest == 0
                    && !matches!(self.peek(1), '=')
                    && !matches!(self.src[self.i - 1], '=' | '!' | '<' | '>') =>
                {
                    break
                }
                '\'' | '"' => {
                    self.skip_inner_string(c, start)?;
                    continue;
                }
                '\n' => {
                    self.newline();
                    continue;
                }
                _ => {}
            }
            self.i += 1;
        }
        Ok(self.src[begin..self.i].iter().collect())
    }

    fn skip_inner_string(&mut self, c: char, start: Pos) -> Result<(), SyntaxErr> {
        self.i += 1;
        while self.peek(0) != c {
            if self.at_end() || self.peek(0) == '\n' {
                return Err(SyntaxErr::at("f-string: expecting '}'", start));
            }
            self.i += if self.peek(0) == '\\' { 2 } else { 1 };
        }
        self.i += 1;
        Ok(())
    }
}

/// The error for a construct this simulation does not support.
pub fn unsupported(what: &str, pos: Pos) -> SyntaxErr {
    SyntaxErr::at(
        format!("venvlab: {what} not supported in this simulation"),
        pos,
    )
}

/// Whether `c` can start an identifier (non-ASCII letters by Unicode's alphabetic property).
fn ident_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

fn is_prefix(name: &str) -> bool {
    ["r", "u", "f", "b", "rb", "br", "fr", "rf"].contains(&name.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        let chars: Vec<char> = src.chars().collect();
        tokenize(&chars)
            .unwrap()
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }
    fn err(src: &str) -> String {
        let chars: Vec<char> = src.chars().collect();
        tokenize(&chars).unwrap_err().msg
    }

    #[test]
    fn indentation_produces_indent_and_dedent() {
        let t = toks("if x:\n    y\nz\n");
        assert!(t.contains(&Tok::Indent) && t.contains(&Tok::Dedent));
        assert_eq!(t.last(), Some(&Tok::End));
    }

    #[test]
    fn strings_decode_escapes_and_prefixes() {
        assert_eq!(toks("'a\\tb'")[0], Tok::Str("a\tb".into()));
        assert_eq!(toks("r'a\\tb'")[0], Tok::Str("a\\tb".into()));
        assert_eq!(toks("'\\x41\\u00e9'")[0], Tok::Str("Aé".into()));
        assert_eq!(toks("'''a\nb'''")[0], Tok::Str("a\nb".into()));
    }

    #[test]
    fn numbers() {
        assert_eq!(
            toks("1_000 0x1f 2.5e3 .5")[..4],
            [
                Tok::Int(1000),
                Tok::Int(31),
                Tok::Float(2500.0),
                Tok::Float(0.5)
            ]
        );
    }

    #[test]
    fn errors_match_cpython_wording() {
        assert_eq!(
            err("x = 'abc"),
            "unterminated string literal (detected at line 1)"
        );
        assert_eq!(err("x = (1,\n"), "'(' was never closed");
        assert_eq!(err("x = )"), "unmatched ')'");
        assert_eq!(
            err("x = (1]"),
            "closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert_eq!(err("x = 0777"), "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        assert_eq!(err("x = €"), "invalid character '€' (U+20AC)");
        assert_eq!(
            err("if x:\n    a\n  b\n"),
            "unindent does not match any outer indentation level"
        );
    }

    #[test]
    fn fstrings_split_into_fields() {
        let t = toks("f'a{x!r:>5}b{{'");
        let Tok::FStr(pieces) = &t[0] else {
            panic!("not an f-string")
        };
        assert_eq!(pieces.len(), 3);
        assert!(matches!(&pieces[1], FRaw::Field { src, conv: Some('r'), .. } if src == "x"));
        assert_eq!(pieces[2], FRaw::Lit("b{".into()));
    }
}
