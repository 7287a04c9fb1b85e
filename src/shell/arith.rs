//! Shell arithmetic (`$(( ... ))`): 64-bit integers with C operators and variables.
//!
//! Supported: decimal/octal/hex literals, variables (unset or empty is 0), unary `+ - ! ~`,
//! `** * / % + - << >> < <= > >= == != & ^ | && ||`, `?:`, parentheses, and the assignments
//! `= += -= *= /= %=`. Errors read as bash's (`division by 0 (error token is "0")`).

use super::vars::Vars;

/// Deepest nesting of parentheses and operators accepted.
const MAX_DEPTH: usize = 100;

/// Evaluates an expression; variables are read and assigned in `vars`.
pub fn eval(expr: &str, vars: &mut Vars) -> Result<i64, String> {
    let tokens = tokenize(expr)?;
    let mut p = Parser { tokens, pos: 0, vars, depth: 0, source: expr };
    if p.tokens.is_empty() {
        return Ok(0);
    }
    let value = p.ternary()?;
    if p.pos < p.tokens.len() {
        return Err(p.error_at_rest("syntax error in expression"));
    }
    Ok(value)
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(i64),
    Name(String),
    Op(&'static str),
}

const OPS: &[&str] = &[
    "**=", "<<=", ">>=", "**", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=",
    "&=", "|=", "^=", "+", "-", "*", "/", "%", "<", ">", "&", "|", "^", "!", "~", "(", ")", "?", ":", "=",
];

fn tokenize(s: &str) -> Result<Vec<Tok>, String> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'#') {
                i += 1;
            }
            let text = &s[start..i];
            out.push(Tok::Num(parse_number(text).ok_or_else(|| {
                format!("{text}: value too great for base (error token is \"{text}\")")
            })?));
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push(Tok::Name(s[start..i].to_string()));
        } else if let Some(op) = OPS.iter().find(|op| s[i..].starts_with(**op)) {
            out.push(Tok::Op(op));
            i += op.len();
        } else {
            let rest = &s[i..];
            return Err(format!("{}: syntax error: invalid arithmetic operator (error token is \"{rest}\")", s.trim()));
        }
    }
    Ok(out)
}

fn parse_number(text: &str) -> Option<i64> {
    if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        return i64::from_str_radix(hex, 16).ok();
    }
    if text.len() > 1 && text.starts_with('0') {
        return i64::from_str_radix(&text[1..], 8).ok();
    }
    text.parse().ok()
}

struct Parser<'a> {
    tokens: Vec<Tok>,
    pos: usize,
    vars: &'a mut Vars,
    depth: usize,
    source: &'a str,
}

/// Binary operators by precedence, lowest first.
const LEVELS: &[&[&str]] = &[
    &["||"],
    &["&&"],
    &["|"],
    &["^"],
    &["&"],
    &["==", "!="],
    &["<", "<=", ">", ">="],
    &["<<", ">>"],
    &["+", "-"],
    &["*", "/", "%"],
];

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos)
    }

    fn eat(&mut self, op: &str) -> bool {
        if self.peek() == Some(&Tok::Op(leak(op))) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn error_at_rest(&self, what: &str) -> String {
        self.error_from(self.pos, what)
    }

    fn error_from(&self, pos: usize, what: &str) -> String {
        let rest = self.text_from(pos);
        format!("{}: {what} (error token is \"{rest}\")", self.source.trim())
    }

    fn text_from(&self, pos: usize) -> String {
        self.tokens[pos.min(self.tokens.len())..]
            .iter()
            .map(|t| match t {
                Tok::Num(n) => n.to_string(),
                Tok::Name(n) => n.clone(),
                Tok::Op(o) => o.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn enter(&mut self) -> Result<(), String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(format!("{}: expression nested too deeply", self.source.trim()));
        }
        Ok(())
    }

    fn ternary(&mut self) -> Result<i64, String> {
        self.enter()?;
        let cond = self.assignment()?;
        let result = if self.eat("?") {
            let a = self.ternary()?;
            if !self.eat(":") {
                return Err(self.error_at_rest("`:' expected for conditional expression"));
            }
            let b = self.ternary()?;
            if cond != 0 {
                a
            } else {
                b
            }
        } else {
            cond
        };
        self.depth -= 1;
        Ok(result)
    }

    fn assignment(&mut self) -> Result<i64, String> {
        if let (Some(Tok::Name(name)), Some(Tok::Op(op))) = (self.tokens.get(self.pos), self.tokens.get(self.pos + 1)) {
            if op.ends_with('=') && !matches!(*op, "==" | "!=" | "<=" | ">=") {
                let (name, op) = (name.clone(), *op);
                self.pos += 2;
                let rhs = self.ternary()?;
                let old = self.var(&name)?;
                let value = match op {
                    "=" => rhs,
                    _ => apply(&op[..op.len() - 1], old, rhs).map_err(|e| self.error_at_rest(&e))?,
                };
                self.vars.set(&name, value.to_string());
                return Ok(value);
            }
        }
        self.binary(0)
    }

    fn binary(&mut self, level: usize) -> Result<i64, String> {
        if level >= LEVELS.len() {
            return self.power();
        }
        let mut left = self.binary(level + 1)?;
        while let Some(Tok::Op(op)) = self.peek() {
            let op = *op;
            if !LEVELS[level].contains(&op) {
                break;
            }
            self.pos += 1;
            let operand = self.pos;
            let right = self.binary(level + 1)?;
            left = apply(op, left, right).map_err(|e| self.error_from(operand, &e))?;
        }
        Ok(left)
    }

    fn power(&mut self) -> Result<i64, String> {
        let base = self.unary()?;
        if self.eat("**") {
            let exp = self.power()?;
            return apply("**", base, exp).map_err(|e| self.error_at_rest(&e));
        }
        Ok(base)
    }

    fn unary(&mut self) -> Result<i64, String> {
        self.enter()?;
        let value = if self.eat("-") {
            self.unary()?.wrapping_neg()
        } else if self.eat("+") {
            self.unary()?
        } else if self.eat("!") {
            (self.unary()? == 0) as i64
        } else if self.eat("~") {
            !self.unary()?
        } else {
            self.primary()?
        };
        self.depth -= 1;
        Ok(value)
    }

    fn primary(&mut self) -> Result<i64, String> {
        match self.peek().cloned() {
            Some(Tok::Num(n)) => {
                self.pos += 1;
                Ok(n)
            }
            Some(Tok::Name(name)) => {
                self.pos += 1;
                self.var(&name)
            }
            Some(Tok::Op("(")) => {
                self.pos += 1;
                let v = self.ternary()?;
                if !self.eat(")") {
                    return Err(self.error_at_rest("missing `)'"));
                }
                Ok(v)
            }
            _ => Err(self.error_at_rest("syntax error: operand expected")),
        }
    }

    fn var(&mut self, name: &str) -> Result<i64, String> {
        let text = self.vars.get(name).unwrap_or("").trim().to_string();
        if text.is_empty() {
            return Ok(0);
        }
        parse_number(&text).ok_or_else(|| format!("{text}: syntax error: operand expected (error token is \"{text}\")"))
    }
}

/// Maps an operator text to the static one in `OPS`, so tokens compare by value.
fn leak(op: &str) -> &'static str {
    OPS.iter().find(|o| **o == op).copied().unwrap_or("")
}

fn apply(op: &str, a: i64, b: i64) -> Result<i64, String> {
    Ok(match op {
        "+" => a.wrapping_add(b),
        "-" => a.wrapping_sub(b),
        "*" => a.wrapping_mul(b),
        "/" | "%" if b == 0 => return Err("division by 0".into()),
        "/" => a.wrapping_div(b),
        "%" => a.wrapping_rem(b),
        "**" if b < 0 => return Err("exponent less than 0".into()),
        "**" => a.wrapping_pow(b.min(u32::MAX as i64) as u32),
        "<<" => a.wrapping_shl(b as u32),
        ">>" => a.wrapping_shr(b as u32),
        "<" => (a < b) as i64,
        "<=" => (a <= b) as i64,
        ">" => (a > b) as i64,
        ">=" => (a >= b) as i64,
        "==" => (a == b) as i64,
        "!=" => (a != b) as i64,
        "&" => a & b,
        "^" => a ^ b,
        "|" => a | b,
        "&&" => (a != 0 && b != 0) as i64,
        "||" => (a != 0 || b != 0) as i64,
        _ => return Err("syntax error in expression".into()),
    })
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
        assert_eq!(calc("-3 + 010 + 0x10"), Ok(21));
        assert_eq!(calc("1 ? 2 : 3"), Ok(2));
        assert_eq!(calc(""), Ok(0));
    }

    #[test]
    fn variables_and_assignment() {
        let mut vars = Vars::default();
        vars.set("n", "4");
        assert_eq!(eval("n * 2", &mut vars), Ok(8));
        assert_eq!(eval("n += 1", &mut vars), Ok(5));
        assert_eq!(vars.get("n"), Some("5"));
        assert_eq!(eval("missing + 1", &mut vars), Ok(1));
    }

    #[test]
    fn bash_error_wording() {
        assert_eq!(calc("1/0").unwrap_err(), "1/0: division by 0 (error token is \"0\")");
        assert!(calc("1 +").unwrap_err().contains("operand expected"));
        assert!(calc(&"(".repeat(1000)).is_err());
    }
}
