//! Shell arithmetic (`$(( ... ))`): 64-bit integers with C operators and variables, read the way
//! bash's `expr.c` reads them.
//!
//! Tokens are read one at a time as the recursive descent asks for them, so an error is found
//! where bash finds it and reported with bash's wording: the expression (leading blanks
//! dropped), the message and the "error token" — the rest of the text from the start of the
//! last token read. A variable's value is itself evaluated as an expression (`a=b+1`), and the
//! right side of `&&`, `||` and `?:` is parsed but not evaluated when it does not count.

use super::vars::Vars;

/// Deepest nesting of parentheses and operators, and of variables whose values are evaluated.
const MAX_DEPTH: usize = 100;

/// Evaluates an expression; variables are read and assigned in `vars`.
pub fn eval(expr: &str, vars: &mut Vars) -> Result<i64, String> {
    subexpr(expr, vars, 0)
}

/// bash's `subexpr`: one expression context.
fn subexpr(expr: &str, vars: &mut Vars, level: usize) -> Result<i64, String> {
    if expr.trim_start_matches(is_blank).is_empty() {
        return Ok(0);
    }
    let t = TokState { tp: 0, lasttp: None, cur: Tok::End, last: Tok::End, tokstr: None, tokval: 0, noeval: 0 };
    let mut e = Expr { src: expr, vars, level, depth: 0, t };
    e.readtok()?;
    let value = e.comma()?;
    if e.t.cur != Tok::End {
        return Err(e.error("syntax error in expression"));
    }
    Ok(value)
}

fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n')
}

fn is_name_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// A token kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    End,
    Str,
    Num,
    /// A one-character operator (`=`, `+`, `(`, `?`, `,`...).
    Char(u8),
    /// `==`, `!=`, `<=`, `>=`, `&&`, `||`, `<<`, `>>`, `**`.
    Double(&'static str),
    /// `OP=`, with its operator (`+`, `<<`...).
    Assign(&'static str),
    PreInc,
    PreDec,
    PostInc,
    PostDec,
    /// Only ever the previous token: after `?:`.
    Cond,
}

impl Tok {
    /// bash's `_is_arithop` or `_is_multiop`: an operator, after which an operand is expected.
    fn is_operator(self) -> bool {
        !matches!(self, Tok::End | Tok::Str | Tok::Num)
    }
}

/// A token read from the text.
struct Lexed {
    tok: Tok,
    start: usize,
    end: usize,
    value: i64,
}

/// Two-character operators, and what they read as.
const DOUBLES: &[(&str, Tok)] = &[
    ("==", Tok::Double("==")),
    ("!=", Tok::Double("!=")),
    (">=", Tok::Double(">=")),
    ("<=", Tok::Double("<=")),
    ("&&", Tok::Double("&&")),
    ("||", Tok::Double("||")),
    ("**", Tok::Double("**")),
];

/// Operators of `OP=`.
const ASSIGN_OPS: &[&str] = &["*", "/", "%", "+", "-", "&", "^", "|"];

/// The state of one expression being evaluated.
struct Expr<'a> {
    src: &'a str,
    vars: &'a mut Vars,
    /// How many variable values are being evaluated around this expression.
    level: usize,
    /// How deeply the descent is nested.
    depth: usize,
    t: TokState,
}

/// Where reading is and what was read (bash's globals `tp`, `lasttp`, `curtok`...; saved
/// and restored whole, as bash's `SAVETOK` does, to look ahead).
#[derive(Clone)]
struct TokState {
    /// Where the next token starts.
    tp: usize,
    /// Where the last token read started (the error token).
    lasttp: Option<usize>,
    cur: Tok,
    last: Tok,
    /// The name of the last variable read.
    tokstr: Option<String>,
    tokval: i64,
    /// Above 0 while parsing what is not evaluated.
    noeval: u32,
}

impl Expr<'_> {
    /// bash's `evalerror`: the message with the expression and the error token.
    fn error(&self, message: &str) -> String {
        Expr::error_in(self.src, self.t.lasttp, message)
    }

    fn error_in(src: &str, lasttp: Option<usize>, message: &str) -> String {
        let token = lasttp.map_or("", |p| &src[p..]);
        format!("{}: {message} (error token is \"{token}\")", src.trim_start_matches([' ', '\t']))
    }

    /// An error at a token that starts at `start`.
    fn error_at(&mut self, start: usize, message: &str) -> String {
        self.t.lasttp = Some(start);
        self.error(message)
    }

    /// Reads the token at `from` (bash's `readtok` without its side effects); `cur` and `last`
    /// are the tokens before it, which decide `++`/`--` and the wording of errors.
    fn lex(&mut self, from: usize, cur: Tok, last: Tok) -> Result<Option<Lexed>, String> {
        let b = self.src.as_bytes();
        let start = from + self.src[from..].len() - self.src[from..].trim_start_matches(is_blank).len();
        let Some(&c) = b.get(start) else { return Ok(None) };
        let at = |end: usize, tok: Tok| Ok(Some(Lexed { tok, start, end, value: 0 }));
        if is_name_start(c) {
            let end = start + b[start..].iter().take_while(|&&c| is_name_char(c)).count();
            return at(end, Tok::Str);
        }
        if c.is_ascii_digit() {
            let end = start + b[start..].iter().take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'#' | b'@' | b'_')).count();
            // bash cuts the expression at the end of the number while it converts it.
            let value = strlong(&self.src[start..end]).map_err(|m| Expr::error_in(&self.src[..end], Some(start), m))?;
            return Ok(Some(Lexed { tok: Tok::Num, start, end, value }));
        }
        self.lex_operator(start, cur, last).map(Some)
    }

    /// Reads the operator at `start` (bash's `readtok` after names and numbers).
    fn lex_operator(&mut self, start: usize, cur: Tok, last: Tok) -> Result<Lexed, String> {
        let b = self.src.as_bytes();
        let c = b[start];
        let next = b.get(start + 1).copied();
        let rest = &self.src[start..];
        let at = |end: usize, tok: Tok| Ok(Lexed { tok, start, end, value: 0 });
        if let Some((text, tok)) = DOUBLES.iter().find(|(t, _)| rest.starts_with(t)) {
            return at(start + text.len(), *tok);
        }
        if let Some(shift) = ["<<", ">>"].into_iter().find(|s| rest.starts_with(s)) {
            return match b.get(start + 2) {
                Some(b'=') => at(start + 3, Tok::Assign(shift)),
                _ => at(start + 2, Tok::Double(shift)),
            };
        }
        if matches!(c, b'+' | b'-') && next == Some(c) {
            let inc = c == b'+';
            if cur == Tok::Str {
                return at(start + 2, if inc { Tok::PostInc } else { Tok::PostDec });
            }
            if cur == Tok::Num && matches!(last, Tok::PreInc | Tok::PreDec) {
                let message = if inc { "++: assignment requires lvalue" } else { "--: assignment requires lvalue" };
                return Err(self.error_at(start, message));
            }
            let after = self.src[start + 2..].trim_start_matches(is_blank);
            if after.bytes().next().is_some_and(is_name_start) {
                return at(start + 2, if inc { Tok::PreInc } else { Tok::PreDec });
            }
        }
        if let Some(op) = ASSIGN_OPS.iter().find(|op| next == Some(b'=') && op.as_bytes()[0] == c) {
            return at(start + 2, Tok::Assign(op));
        }
        if b"=><+-*/%!()&|^~?:,".contains(&c) {
            return at(start + 1, Tok::Char(c));
        }
        let message = if cur == Tok::End || cur.is_operator() {
            "syntax error: operand expected"
        } else {
            "syntax error: invalid arithmetic operator"
        };
        Err(self.error_at(start, message))
    }

    /// Reads the next token into `cur`; a variable's value is evaluated as it is read, unless
    /// it is about to be assigned or nothing is being evaluated.
    fn readtok(&mut self) -> Result<(), String> {
        let Some(lexed) = self.lex(self.t.tp, self.t.cur, self.t.last)? else {
            self.t.last = self.t.cur;
            self.t.cur = Tok::End;
            self.t.tp = self.src.len();
            return Ok(());
        };
        self.t.lasttp = Some(lexed.start);
        match lexed.tok {
            Tok::Str => {
                let name = self.src[lexed.start..lexed.end].to_string();
                let next = self.peek_after_name(lexed.end)?;
                let assigned = next == Some(Tok::Char(b'='));
                self.t.tokval = if matches!(self.t.last, Tok::PreInc | Tok::PreDec) || !assigned { self.variable(&name)? } else { 0 };
                self.t.tokstr = Some(name);
            }
            Tok::Num => self.t.tokval = lexed.value,
            _ => {}
        }
        self.t.last = self.t.cur;
        self.t.cur = lexed.tok;
        self.t.tp = lexed.end;
        Ok(())
    }

    /// The kind of the token after a variable name (bash reads ahead, without evaluating, to
    /// see an assignment coming); errors in reading it are reported.
    fn peek_after_name(&mut self, mut from: usize) -> Result<Option<Tok>, String> {
        let mut first = None;
        loop {
            let Some(lexed) = self.lex(from, Tok::Str, self.t.last)? else { return Ok(first.or(Some(Tok::End))) };
            first.get_or_insert(lexed.tok);
            if lexed.tok != Tok::Str {
                return Ok(first);
            }
            from = lexed.end;
        }
    }

    /// A variable's value as a number: unset or empty is 0, anything else is an expression.
    fn variable(&mut self, name: &str) -> Result<i64, String> {
        if self.t.noeval > 0 {
            return Ok(0);
        }
        let value = self.vars.get(name).unwrap_or("").to_string();
        if value.is_empty() {
            return Ok(0);
        }
        if self.level + 1 >= MAX_DEPTH {
            return Err(self.error("expression recursion level exceeded"));
        }
        subexpr(&value, self.vars, self.level + 1)
    }

    fn assign(&mut self, name: Option<String>, value: i64) {
        if let (Some(name), 0) = (name, self.t.noeval) {
            self.vars.set(&name, value.to_string());
        }
    }

    /// Runs one level of the descent, bounded in depth.
    fn nested(&mut self, f: impl FnOnce(&mut Self) -> Result<i64, String>) -> Result<i64, String> {
        if self.depth >= MAX_DEPTH {
            return Err(format!("{}: expression nested too deeply", self.src.trim_start_matches(is_blank)));
        }
        self.depth += 1;
        let result = f(self);
        self.depth -= 1;
        result
    }

    /// `a, b`.
    fn comma(&mut self) -> Result<i64, String> {
        self.nested(|e| {
            let mut value = e.assignment()?;
            while e.t.cur == Tok::Char(b',') {
                e.readtok()?;
                value = e.assignment()?;
            }
            Ok(value)
        })
    }

    /// `name = value` and `name OP= value`.
    fn assignment(&mut self) -> Result<i64, String> {
        let value = self.conditional()?;
        let op = match self.t.cur {
            Tok::Char(b'=') => None,
            Tok::Assign(op) => Some(op),
            _ => return Ok(value),
        };
        if self.t.last != Tok::Str {
            return Err(self.error("attempted assignment to non-variable"));
        }
        let Some(name) = self.t.tokstr.clone() else { return Err(self.error("syntax error in variable assignment")) };
        self.readtok()?;
        let rhs = self.nested(Self::assignment)?;
        let value = match op {
            None => rhs,
            Some(op @ ("/" | "%")) if rhs == 0 => {
                if self.t.noeval == 0 {
                    return Err(self.error("division by 0"));
                }
                apply(op, value, 1)
            }
            Some(op) => apply(op, value, rhs),
        };
        self.assign(Some(name), value);
        self.t.tokstr = None;
        Ok(value)
    }

    /// `c ? a : b`.
    fn conditional(&mut self) -> Result<i64, String> {
        let cond = self.logical("||")?;
        if self.t.cur != Tok::Char(b'?') {
            return Ok(cond);
        }
        let skip_first = u32::from(cond == 0);
        self.t.noeval += skip_first;
        self.readtok()?;
        if matches!(self.t.cur, Tok::End | Tok::Char(b':')) {
            return Err(self.error("expression expected"));
        }
        let first = self.comma()?;
        self.t.noeval -= skip_first;
        if self.t.cur != Tok::Char(b':') {
            return Err(self.error("`:' expected for conditional expression"));
        }
        let skip_second = u32::from(cond != 0);
        self.t.noeval += skip_second;
        self.readtok()?;
        if self.t.cur == Tok::End {
            return Err(self.error("expression expected"));
        }
        let second = self.nested(Self::conditional)?;
        self.t.noeval -= skip_second;
        self.t.last = Tok::Cond;
        Ok(if cond != 0 { first } else { second })
    }

    /// `||` and `&&`: the right side is evaluated only when it decides the result.
    fn logical(&mut self, op: &'static str) -> Result<i64, String> {
        let (inner, is_or) = if op == "||" { ("&&", true) } else { ("|", false) };
        let operand = |e: &mut Self| if is_or { e.logical(inner) } else { e.binary(0) };
        let mut left = operand(self)?;
        while self.t.cur == Tok::Double(op) {
            let skip = u32::from((left != 0) == is_or);
            self.t.noeval += skip;
            self.readtok()?;
            let right = operand(self)?;
            self.t.noeval -= skip;
            left = i64::from(if is_or { left != 0 || right != 0 } else { left != 0 && right != 0 });
            self.t.last = Tok::Double(op);
        }
        Ok(left)
    }

    /// The binary operators from `|` to `* / %`, by precedence level.
    fn binary(&mut self, level: usize) -> Result<i64, String> {
        if level >= LEVELS.len() {
            return self.power();
        }
        let mut left = self.binary(level + 1)?;
        while let Some(op) = LEVELS[level].iter().copied().find(|op| self.t.cur == token_of(op)) {
            let after_op = self.t.tp;
            self.readtok()?;
            let mut right = self.binary(level + 1)?;
            if matches!(op, "/" | "%") && right == 0 {
                if self.t.noeval == 0 {
                    let skipped = self.src[after_op..].len() - self.src[after_op..].trim_start_matches([' ', '\t']).len();
                    return Err(self.error_at(after_op + skipped, "division by 0"));
                }
                right = 1;
            }
            left = apply(op, left, right);
            self.t.last = Tok::Num;
        }
        Ok(left)
    }

    /// `a ** b`, right-associative.
    fn power(&mut self) -> Result<i64, String> {
        let base = self.unary()?;
        if self.t.cur != Tok::Double("**") {
            return Ok(base);
        }
        self.readtok()?;
        let exp = self.nested(Self::power)?;
        self.t.last = Tok::Num;
        if exp == 0 {
            return Ok(1);
        }
        if exp < 0 {
            return Err(self.error("exponent less than 0"));
        }
        Ok(apply("**", base, exp))
    }

    /// `! ~ - +`.
    fn unary(&mut self) -> Result<i64, String> {
        let Tok::Char(c @ (b'!' | b'~' | b'-' | b'+')) = self.t.cur else { return self.primary() };
        self.readtok()?;
        let v = self.nested(Self::unary)?;
        self.t.last = Tok::Num;
        Ok(match c {
            b'!' => i64::from(v == 0),
            b'~' => !v,
            b'-' => v.wrapping_neg(),
            _ => v,
        })
    }

    /// Numbers, variables (with `++`/`--`), parentheses.
    fn primary(&mut self) -> Result<i64, String> {
        match self.t.cur {
            Tok::PreInc | Tok::PreDec => {
                let step = if self.t.cur == Tok::PreInc { 1 } else { -1 };
                self.t.last = self.t.cur;
                self.readtok()?;
                if self.t.cur != Tok::Str {
                    return Err(self.error("identifier expected after pre-increment or pre-decrement"));
                }
                let value = self.t.tokval.wrapping_add(step);
                self.assign(self.t.tokstr.clone(), value);
                self.t.cur = Tok::Num;
                self.readtok()?;
                Ok(value)
            }
            Tok::Char(b'(') => {
                self.readtok()?;
                let value = self.comma()?;
                if self.t.cur != Tok::Char(b')') {
                    return Err(self.error("missing `)'"));
                }
                self.readtok()?;
                Ok(value)
            }
            Tok::Num => {
                let value = self.t.tokval;
                self.readtok()?;
                Ok(value)
            }
            Tok::Str => self.variable_operand(),
            _ => Err(self.error("syntax error: operand expected")),
        }
    }

    /// A variable as an operand, maybe followed by `++` or `--`.
    fn variable_operand(&mut self) -> Result<i64, String> {
        let value = self.t.tokval;
        let saved = self.t.clone();
        self.t.noeval = 1;
        self.readtok()?;
        match self.t.cur {
            Tok::PostInc | Tok::PostDec => {
                let step = if self.t.cur == Tok::PostInc { 1 } else { -1 };
                self.t.tokstr = saved.tokstr;
                self.t.noeval = saved.noeval;
                self.t.last = Tok::Str;
                self.assign(self.t.tokstr.clone(), value.wrapping_add(step));
                self.t.cur = Tok::Num;
            }
            _ => self.t = saved,
        }
        self.readtok()?;
        Ok(value)
    }
}

/// Binary operators by precedence, lowest first (`||` and `&&` are apart: they short-circuit).
const LEVELS: &[&[&str]] = &[&["|"], &["^"], &["&"], &["==", "!="], &["<=", ">=", "<", ">"], &["<<", ">>"], &["+", "-"], &["*", "/", "%"]];

/// The token of a binary operator.
fn token_of(op: &'static str) -> Tok {
    match op.as_bytes() {
        [c] => Tok::Char(*c),
        _ => Tok::Double(op),
    }
}

/// bash's `strlong`: decimal, `0` octal, `0x` hex, `BASE#digits`.
fn strlong(text: &str) -> Result<i64, &'static str> {
    let b = text.as_bytes();
    let (mut base, mut found_base, mut i) = (10i64, false, 0);
    if b.first() == Some(&b'0') {
        if b.len() == 1 {
            return Ok(0);
        }
        found_base = true;
        (base, i) = if matches!(b[1], b'x' | b'X') { (16, 2) } else { (8, 1) };
    }
    let mut value: i64 = 0;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c == b'#' {
            if found_base {
                return Err("invalid number");
            }
            if !(2..=64).contains(&value) {
                return Err("invalid arithmetic base");
            }
            (base, value, found_base) = (value, 0, true);
            if !b.get(i).is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'@') {
                return Err("invalid integer constant");
            }
            continue;
        }
        let digit = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'z' => c - b'a' + 10,
            b'A'..=b'Z' if base <= 36 => c - b'A' + 10,
            b'A'..=b'Z' => c - b'A' + 36,
            b'@' => 62,
            _ => 63,
        };
        if i64::from(digit) >= base {
            return Err("value too great for base");
        }
        value = value.wrapping_mul(base).wrapping_add(i64::from(digit));
    }
    Ok(value)
}

/// A binary operator on two values (C's 64-bit semantics; division by 0 is checked before).
fn apply(op: &str, a: i64, b: i64) -> i64 {
    match op {
        "+" => a.wrapping_add(b),
        "-" => a.wrapping_sub(b),
        "*" => a.wrapping_mul(b),
        "/" => a.checked_div(b).unwrap_or(a),
        "%" => a.checked_rem(b).unwrap_or(0),
        "**" => ipow(a, b),
        "<<" => a.wrapping_shl(b as u32),
        ">>" => a.wrapping_shr(b as u32),
        "<" => i64::from(a < b),
        "<=" => i64::from(a <= b),
        ">" => i64::from(a > b),
        ">=" => i64::from(a >= b),
        "==" => i64::from(a == b),
        "!=" => i64::from(a != b),
        "&" => a & b,
        "^" => a ^ b,
        _ => a | b,
    }
}

/// `base ** exp` by squaring, wrapping as C does.
fn ipow(mut base: i64, mut exp: i64) -> i64 {
    let mut result: i64 = 1;
    while exp != 0 {
        if exp & 1 == 1 {
            result = result.wrapping_mul(base);
        }
        exp >>= 1;
        base = base.wrapping_mul(base);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calc(e: &str) -> Result<i64, String> {
        eval(e, &mut Vars::default())
    }

    #[test]
    fn precedence_and_operators() {
        assert_eq!(calc("1+2*3"), Ok(7));
        assert_eq!(calc("(1+2)*3"), Ok(9));
        assert_eq!(calc("2**3**2"), Ok(512));
        assert_eq!(calc("7%3 == 1 && 1"), Ok(1));
        assert_eq!(calc("-3 + 010 + 0x10 + 2#101"), Ok(26));
        assert_eq!(calc("1 ? 2 : 3"), Ok(2));
        assert_eq!(calc("4, 5"), Ok(5));
        assert_eq!(calc(""), Ok(0));
        assert_eq!(calc("0 && 1/0"), Ok(0));
    }

    #[test]
    fn variables_and_assignment() {
        let mut vars = Vars::default();
        vars.set("n", "4");
        assert_eq!(eval("n * 2", &mut vars), Ok(8));
        assert_eq!(eval("n += 1", &mut vars), Ok(5));
        assert_eq!(vars.get("n"), Some("5"));
        assert_eq!(eval("missing + 1", &mut vars), Ok(1));
        assert_eq!(eval("n++ + ++n", &mut vars), Ok(12));
        assert_eq!(vars.get("n"), Some("7"));
        vars.set("e", "n + 1");
        assert_eq!(eval("e * 2", &mut vars), Ok(16));
        vars.set("loop", "loop");
        assert!(eval("loop", &mut vars).unwrap_err().contains("recursion level exceeded"));
    }

    #[test]
    fn bash_error_wording() {
        assert_eq!(calc("1/0").unwrap_err(), "1/0: division by 0 (error token is \"0\")");
        assert_eq!(calc(" 1 + ").unwrap_err(), "1 + : syntax error: operand expected (error token is \"+ \")");
        assert_eq!(calc("a\\b").unwrap_err(), "a\\b: syntax error: invalid arithmetic operator (error token is \"\\b\")");
        assert_eq!(calc("08 + 1").unwrap_err(), "08: value too great for base (error token is \"08\")");
        assert_eq!(calc("--n++").unwrap_err(), "--n++: ++: assignment requires lvalue (error token is \"++\")");
        assert_eq!(calc("1 ? 2").unwrap_err(), "1 ? 2: `:' expected for conditional expression (error token is \"2\")");
        assert_eq!(calc("1 = 2").unwrap_err(), "1 = 2: attempted assignment to non-variable (error token is \"= 2\")");
        let mut vars = Vars::default();
        vars.set("v", "d  w");
        assert_eq!(eval("v", &mut vars).unwrap_err(), "d  w: syntax error in expression (error token is \"w\")");
        assert!(calc(&"(".repeat(1000)).is_err());
    }
}
