//! A small POSIX regular expression engine for `grep`: basic (BRE) and extended (ERE) syntax
//! with the GNU extensions `\+ \? \|` (BRE), `\w \W \s \S \b \B \< \>`, bracket expressions
//! with ranges and `[:class:]` names, and intervals `{m,n}`. No back-references.
//!
//! Patterns compile to a Thompson NFA that is simulated over the characters of a line, so
//! matching takes time proportional to the line length times the pattern size and can never
//! blow up; intervals are expanded, with a bound on the program size. Errors are worded as
//! GNU grep prints them after `grep: `.

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Regex {
    prog: Vec<Inst>,
    icase: bool,
}

/// A character set from a bracket expression or a class escape.
#[derive(Debug, Clone, Default)]
struct Set {
    negated: bool,
    chars: Vec<char>,
    ranges: Vec<(char, char)>,
    classes: Vec<Class>,
}

/// The named classes of bracket expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Alpha,
    Digit,
    Alnum,
    Upper,
    Lower,
    Space,
    Blank,
    Punct,
    Print,
    Graph,
    Cntrl,
    Xdigit,
    Word,
}

impl Class {
    fn by_name(name: &str) -> Option<Class> {
        Some(match name {
            "alpha" => Class::Alpha,
            "digit" => Class::Digit,
            "alnum" => Class::Alnum,
            "upper" => Class::Upper,
            "lower" => Class::Lower,
            "space" => Class::Space,
            "blank" => Class::Blank,
            "punct" => Class::Punct,
            "print" => Class::Print,
            "graph" => Class::Graph,
            "cntrl" => Class::Cntrl,
            "xdigit" => Class::Xdigit,
            _ => return None,
        })
    }

    fn has(self, c: char) -> bool {
        match self {
            Class::Alpha => c.is_alphabetic(),
            Class::Digit => c.is_ascii_digit(),
            Class::Alnum => c.is_alphanumeric(),
            Class::Upper => c.is_uppercase(),
            Class::Lower => c.is_lowercase(),
            Class::Space => c.is_whitespace(),
            Class::Blank => c == ' ' || c == '\t',
            Class::Punct => c.is_ascii_punctuation(),
            Class::Print => !c.is_control(),
            Class::Graph => !c.is_control() && !c.is_whitespace(),
            Class::Cntrl => c.is_control(),
            Class::Xdigit => c.is_ascii_hexdigit(),
            Class::Word => is_word(c),
        }
    }
}

impl Set {
    fn has(&self, c: char, icase: bool) -> bool {
        let test = |c: char| {
            self.chars.contains(&c)
                || self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
                || self.classes.iter().any(|k| k.has(c))
        };
        let found = if icase { test(c) || c.to_uppercase().any(test) || c.to_lowercase().any(test) } else { test(c) };
        found != self.negated
    }
}

/// Whether a character is part of a word for `\w`, `\b`, `-w`.
pub fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The syntax tree of a pattern.
#[derive(Debug, Clone)]
enum Node {
    Empty,
    Char(char),
    Any,
    Set(Box<Set>),
    Bol,
    Eol,
    WordBoundary,
    NotWordBoundary,
    WordStart,
    WordEnd,
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, u32, Option<u32>),
}

/// One instruction of the NFA program.
#[derive(Debug, Clone)]
enum Inst {
    Char(char),
    Any,
    Set(Box<Set>),
    Split(usize, usize),
    Jmp(usize),
    Bol,
    Eol,
    WordBoundary,
    NotWordBoundary,
    WordStart,
    WordEnd,
    Match,
}

/// Largest program accepted, in instructions.
const MAX_PROGRAM: usize = 100_000;
/// Largest repetition count of an interval, as glibc's `RE_DUP_MAX`.
const DUP_MAX: u32 = 32_767;
/// Deepest nesting of groups accepted.
const MAX_NESTING: usize = 200;

/// The parser's state: the pattern's characters and where it is.
struct Parser {
    chars: Vec<char>,
    pos: usize,
    extended: bool,
    depth: usize,
}

impl Regex {
    /// Compiles a pattern, basic syntax unless `extended`; `icase` ignores case.
    pub fn new(pattern: &str, extended: bool, icase: bool) -> Result<Regex, String> {
        let pattern = if icase { pattern.to_lowercase() } else { pattern.to_string() };
        let mut parser = Parser { chars: pattern.chars().collect(), pos: 0, extended, depth: 0 };
        let node = parser.alternation()?;
        if parser.pos < parser.chars.len() {
            // Only an unbalanced closing parenthesis stops the parser early.
            return Err("Unmatched ) or \\)".into());
        }
        let mut prog = Vec::new();
        compile(&node, &mut prog)?;
        prog.push(Inst::Match);
        Ok(Regex { prog, icase })
    }

    /// A pattern matching this literal text.
    pub fn literal(text: &str, icase: bool) -> Regex {
        let text = if icase { text.to_lowercase() } else { text.to_string() };
        let mut prog: Vec<Inst> = text.chars().map(Inst::Char).collect();
        prog.push(Inst::Match);
        Regex { prog, icase }
    }

    /// Prepares a line's characters for matching (folded when ignoring case).
    pub fn prepare(&self, line: &str) -> Vec<char> {
        if self.icase {
            line.chars().map(|c| c.to_lowercase().next().unwrap_or(c)).collect()
        } else {
            line.chars().collect()
        }
    }

    /// Whether the pattern matches anywhere in the prepared line.
    pub fn is_match(&self, text: &[char]) -> bool {
        let n = self.prog.len();
        let mut current = Vec::with_capacity(n);
        let mut on = vec![false; n];
        for i in 0..=text.len() {
            self.add(&mut current, &mut on, 0, text, i);
            if current.iter().any(|&pc| matches!(self.prog[pc], Inst::Match)) {
                return true;
            }
            let next = self.step(&current, text, i);
            current.clear();
            on.iter_mut().for_each(|b| *b = false);
            for pc in next {
                self.add(&mut current, &mut on, pc, text, i + 1);
            }
        }
        false
    }

    /// Every end position of a match starting at `start`, ascending.
    pub fn ends_from(&self, text: &[char], start: usize) -> Vec<usize> {
        let n = self.prog.len();
        let mut ends = Vec::new();
        let mut current = Vec::with_capacity(n);
        let mut on = vec![false; n];
        self.add(&mut current, &mut on, 0, text, start);
        let mut i = start;
        while !current.is_empty() {
            if current.iter().any(|&pc| matches!(self.prog[pc], Inst::Match)) {
                ends.push(i);
            }
            if i >= text.len() {
                break;
            }
            let next = self.step(&current, text, i);
            current.clear();
            on.iter_mut().for_each(|b| *b = false);
            for pc in next {
                self.add(&mut current, &mut on, pc, text, i + 1);
            }
            i += 1;
        }
        ends
    }

    /// The threads that survive consuming `text[i]`.
    fn step(&self, current: &[usize], text: &[char], i: usize) -> Vec<usize> {
        let Some(&c) = text.get(i) else { return Vec::new() };
        current
            .iter()
            .filter(|&&pc| match &self.prog[pc] {
                Inst::Char(x) => *x == c,
                Inst::Any => true,
                Inst::Set(set) => set.has(c, self.icase),
                _ => false,
            })
            .map(|&pc| pc + 1)
            .collect()
    }

    /// Adds a thread and everything reachable from it without consuming input at `i`.
    fn add(&self, list: &mut Vec<usize>, on: &mut [bool], pc: usize, text: &[char], i: usize) {
        let mut stack = vec![pc];
        while let Some(pc) = stack.pop() {
            if pc >= self.prog.len() || on[pc] {
                continue;
            }
            on[pc] = true;
            let before = i.checked_sub(1).and_then(|j| text.get(j)).is_some_and(|&c| is_word(c));
            let after = text.get(i).is_some_and(|&c| is_word(c));
            let pass = match &self.prog[pc] {
                Inst::Split(a, b) => {
                    stack.push(*b);
                    stack.push(*a);
                    continue;
                }
                Inst::Jmp(a) => {
                    stack.push(*a);
                    continue;
                }
                Inst::Bol => Some(i == 0),
                Inst::Eol => Some(i == text.len()),
                Inst::WordBoundary => Some(before != after),
                Inst::NotWordBoundary => Some(before == after),
                Inst::WordStart => Some(!before && after),
                Inst::WordEnd => Some(before && !after),
                _ => None,
            };
            match pass {
                Some(true) => stack.push(pc + 1),
                Some(false) => {}
                None => list.push(pc),
            }
        }
    }
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek2(&self) -> Option<char> {
        self.chars.get(self.pos + 1).copied()
    }

    /// Whether the parser is at an alternation bar (`|` in ERE, `\|` in BRE).
    fn at_bar(&self) -> bool {
        if self.extended {
            self.peek() == Some('|')
        } else {
            self.peek() == Some('\\') && self.peek2() == Some('|')
        }
    }

    /// Whether the parser is at a closing parenthesis of the current syntax.
    fn at_close(&self) -> bool {
        if self.extended {
            self.peek() == Some(')') && self.depth > 0
        } else {
            self.peek() == Some('\\') && self.peek2() == Some(')')
        }
    }

    fn alternation(&mut self) -> Result<Node, String> {
        let mut branches = vec![self.concat()?];
        while self.at_bar() {
            self.pos += if self.extended { 1 } else { 2 };
            branches.push(self.concat()?);
        }
        Ok(if branches.len() == 1 { branches.pop().unwrap_or(Node::Empty) } else { Node::Alt(branches) })
    }

    fn concat(&mut self) -> Result<Node, String> {
        let mut items: Vec<Node> = Vec::new();
        let branch_start = self.pos;
        while self.peek().is_some() && !self.at_bar() && !self.at_close() {
            if self.extended && self.peek() == Some(')') && self.depth == 0 {
                // An unmatched `)` in ERE is an ordinary character.
                self.pos += 1;
                items.push(Node::Char(')'));
                continue;
            }
            let at_start = self.pos == branch_start;
            let atom = self.atom(at_start)?;
            let atom = self.repeats(atom)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// Applies any repetition operators following an atom.
    fn repeats(&mut self, mut atom: Node) -> Result<Node, String> {
        loop {
            let (min, max, len) = match (self.peek(), self.peek2(), self.extended) {
                (Some('*'), _, _) => (0, None, 1),
                (Some('+'), _, true) | (Some('\\'), Some('+'), false) => (1, None, if self.extended { 1 } else { 2 }),
                (Some('?'), _, true) | (Some('\\'), Some('?'), false) => {
                    (0, Some(1), if self.extended { 1 } else { 2 })
                }
                (Some('{'), _, true) | (Some('\\'), Some('{'), false) => {
                    let save = self.pos;
                    self.pos += if self.extended { 1 } else { 2 };
                    match self.interval()? {
                        Some((min, max)) => {
                            atom = Node::Repeat(Box::new(atom), min, max);
                            continue;
                        }
                        None => {
                            // ERE: a brace that does not open a valid interval is literal.
                            self.pos = save;
                            return Ok(atom);
                        }
                    }
                }
                _ => return Ok(atom),
            };
            self.pos += len;
            atom = Node::Repeat(Box::new(atom), min, max);
        }
    }

    /// Parses `m}`, `m,}`, `m,n}` (with `\}` in BRE) after the opening brace.
    fn interval(&mut self) -> Result<Option<(u32, Option<u32>)>, String> {
        let number = |p: &mut Parser| {
            let start = p.pos;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.pos += 1;
            }
            let digits: String = p.chars[start..p.pos].iter().collect();
            (!digits.is_empty()).then(|| digits.parse::<u32>().unwrap_or(u32::MAX))
        };
        let min = number(self);
        let max = if self.peek() == Some(',') {
            self.pos += 1;
            number(self)
        } else {
            Some(min.unwrap_or(0))
        };
        let closed = if self.extended {
            self.peek() == Some('}')
        } else {
            self.peek() == Some('\\') && self.peek2() == Some('}')
        };
        if !closed || (min.is_none() && self.extended) {
            if self.extended {
                return Ok(None);
            }
            return Err(if closed { "Invalid content of \\{\\}" } else { "Unmatched \\{" }.into());
        }
        self.pos += if self.extended { 1 } else { 2 };
        let min = min.unwrap_or(0);
        if min > DUP_MAX || max.is_some_and(|m| m > DUP_MAX) {
            return Err("Regular expression too big".into());
        }
        if max.is_some_and(|m| m < min) {
            return Err("Invalid content of \\{\\}".into());
        }
        Ok(Some((min, max)))
    }

    fn atom(&mut self, at_start: bool) -> Result<Node, String> {
        let Some(c) = self.peek() else { return Ok(Node::Empty) };
        self.pos += 1;
        Ok(match c {
            '.' => Node::Any,
            '[' => self.bracket()?,
            '^' if self.extended || at_start => Node::Bol,
            '$' if self.extended || self.peek().is_none() || self.at_bar() || self.at_close() => Node::Eol,
            '*' if at_start => Node::Char('*'),
            '*' | '+' | '?' if self.extended => {
                if at_start {
                    Node::Char(c)
                } else {
                    return Err("Invalid preceding regular expression".into());
                }
            }
            '(' if self.extended => self.group()?,
            '{' if self.extended && at_start => Node::Char('{'),
            '\\' => {
                let Some(e) = self.peek() else { return Err("Trailing backslash".into()) };
                self.pos += 1;
                match e {
                    '(' if !self.extended => self.group()?,
                    ')' if !self.extended => return Err("Unmatched ) or \\)".into()),
                    '{' if !self.extended && at_start => Node::Char('{'),
                    'w' | 'W' => {
                        Node::Set(Box::new(Set { negated: e == 'W', classes: vec![Class::Word], ..Set::default() }))
                    }
                    's' | 'S' => {
                        Node::Set(Box::new(Set { negated: e == 'S', classes: vec![Class::Space], ..Set::default() }))
                    }
                    'b' => Node::WordBoundary,
                    'B' => Node::NotWordBoundary,
                    '<' => Node::WordStart,
                    '>' => Node::WordEnd,
                    '1'..='9' => return Err("Invalid back reference".into()),
                    other => Node::Char(other),
                }
            }
            other => Node::Char(other),
        })
    }

    /// Parses a group's inside after its opening parenthesis, through the closing one.
    fn group(&mut self) -> Result<Node, String> {
        if self.depth >= MAX_NESTING {
            return Err("Regular expression too big".into());
        }
        self.depth += 1;
        let inner = self.alternation()?;
        self.depth -= 1;
        if !self.at_close_of_group() {
            return Err("Unmatched ( or \\(".into());
        }
        self.pos += if self.extended { 1 } else { 2 };
        Ok(inner)
    }

    fn at_close_of_group(&self) -> bool {
        if self.extended {
            self.peek() == Some(')')
        } else {
            self.peek() == Some('\\') && self.peek2() == Some(')')
        }
    }

    /// Parses a bracket expression after its `[`.
    fn bracket(&mut self) -> Result<Node, String> {
        if self.peek().is_none() {
            return Err("Invalid regular expression".into());
        }
        let unmatched = || "Unmatched [, [^, [:, [., or [=".to_string();
        let mut set = Set::default();
        if self.peek() == Some('^') {
            set.negated = true;
            self.pos += 1;
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek() else { return Err(unmatched()) };
            self.pos += 1;
            if c == ']' && !first {
                break;
            }
            first = false;
            if c == '[' && matches!(self.peek(), Some(':' | '.' | '=')) {
                let kind = self.peek().unwrap_or(':');
                self.pos += 1;
                let start = self.pos;
                while !(self.peek() == Some(kind) && self.peek2() == Some(']')) {
                    if self.peek().is_none() {
                        return Err(unmatched());
                    }
                    self.pos += 1;
                }
                let name: String = self.chars[start..self.pos].iter().collect();
                self.pos += 2;
                if kind == ':' {
                    set.classes.push(Class::by_name(&name).ok_or("Invalid character class name")?);
                } else {
                    set.chars.extend(name.chars());
                }
                continue;
            }
            if self.peek() == Some('-') && self.peek2().is_some_and(|h| h != ']') {
                let hi = self.peek2().unwrap_or(c);
                self.pos += 2;
                if hi < c {
                    return Err("Invalid range end".into());
                }
                set.ranges.push((c, hi));
            } else {
                set.chars.push(c);
            }
        }
        Ok(Node::Set(Box::new(set)))
    }
}

/// Appends the instructions of a node to the program.
fn compile(node: &Node, prog: &mut Vec<Inst>) -> Result<(), String> {
    if prog.len() > MAX_PROGRAM {
        return Err("Regular expression too big".into());
    }
    match node {
        Node::Empty => {}
        Node::Char(c) => prog.push(Inst::Char(*c)),
        Node::Any => prog.push(Inst::Any),
        Node::Set(set) => prog.push(Inst::Set(set.clone())),
        Node::Bol => prog.push(Inst::Bol),
        Node::Eol => prog.push(Inst::Eol),
        Node::WordBoundary => prog.push(Inst::WordBoundary),
        Node::NotWordBoundary => prog.push(Inst::NotWordBoundary),
        Node::WordStart => prog.push(Inst::WordStart),
        Node::WordEnd => prog.push(Inst::WordEnd),
        Node::Concat(items) => {
            for item in items {
                compile(item, prog)?;
            }
        }
        Node::Alt(branches) => {
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                if i + 1 < branches.len() {
                    let split = prog.len();
                    prog.push(Inst::Split(split + 1, 0));
                    compile(branch, prog)?;
                    jumps.push(prog.len());
                    prog.push(Inst::Jmp(0));
                    let next = prog.len();
                    prog[split] = Inst::Split(split + 1, next);
                } else {
                    compile(branch, prog)?;
                }
            }
            let end = prog.len();
            for j in jumps {
                prog[j] = Inst::Jmp(end);
            }
        }
        Node::Repeat(inner, min, max) => {
            for _ in 0..*min {
                compile(inner, prog)?;
            }
            match max {
                None => {
                    // inner*: L1: split L2, L3; L2: inner; jmp L1; L3:
                    let split = prog.len();
                    prog.push(Inst::Split(split + 1, 0));
                    compile(inner, prog)?;
                    prog.push(Inst::Jmp(split));
                    let end = prog.len();
                    prog[split] = Inst::Split(split + 1, end);
                }
                Some(max) => {
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(prog.len());
                        prog.push(Inst::Split(prog.len() + 1, 0));
                        compile(inner, prog)?;
                        if prog.len() > MAX_PROGRAM {
                            return Err("Regular expression too big".into());
                        }
                    }
                    let end = prog.len();
                    for s in splits {
                        prog[s] = Inst::Split(s + 1, end);
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Regex;

    /// Checks whether each (pattern, text) matches as expected.
    fn check(extended: bool, cases: &[(&str, &str, bool)]) {
        for &(pattern, text, want) in cases {
            let re = Regex::new(pattern, extended, false).unwrap();
            assert_eq!(re.is_match(&re.prepare(text)), want, "{pattern} on {text:?}");
        }
    }

    #[test]
    fn basic_syntax() {
        check(
            false,
            &[
                ("^a.*z$", "abcz", true),
                ("^a.*z$", "abc", false),
                ("an", "banana", true),
                ("a\\+b", "aab", true),
                ("a+b", "a+b", true),
                ("a+b", "aab", false),
                ("*a", "*a", true),
                ("a\\|x", "x", true),
                ("a|x", "a|x", true),
                ("a\\{2\\}", "aa", true),
                ("a\\{2\\}", "ab", false),
                ("a{2}", "a{2}", true),
                ("\\(ab\\)*c$", "ababc", true),
                ("[[:digit:]]\\{3\\}", "x123", true),
                ("[^a-c]", "abcd", true),
                ("[^a-c]", "abc", false),
                ("[]x]", "]", true),
                ("a\\.b", "a.b", true),
                ("a\\.b", "axb", false),
                ("", "anything", true),
                ("x*", "", true),
            ],
        );
    }

    #[test]
    fn extended_syntax() {
        check(
            true,
            &[
                ("^(ab|cd)$", "cd", true),
                ("h(e|a)llo", "hallo", true),
                ("a{1", "a{1", true),
                ("colou?r", "color", true),
                ("\\bfoo\\b", "a foo b", true),
                ("\\bfoo\\b", "afoob", false),
                ("\\<is\\>", "this is", true),
                ("\\w+", "_", true),
                ("a)", "a)", true),
            ],
        );
    }

    #[test]
    fn errors() {
        let err = |p: &str, e: bool| Regex::new(p, e, false).unwrap_err();
        assert_eq!(err("[", false), "Invalid regular expression");
        assert_eq!(err("x[a", false), "Unmatched [, [^, [:, [., or [=");
        assert_eq!(err("[[:foo:]]", false), "Invalid character class name");
        assert_eq!(err("a\\{1", false), "Unmatched \\{");
        assert_eq!(err("(", true), "Unmatched ( or \\(");
        assert_eq!(err("\\(", false), "Unmatched ( or \\(");
        assert_eq!(err("a\\", false), "Trailing backslash");
        assert_eq!(err("x\\{99999\\}", false), "Regular expression too big");
    }

    #[test]
    fn case_folding_and_spans() {
        let re = Regex::new("APPLE", false, true).unwrap();
        assert!(re.is_match(&re.prepare("an Apple")));
        let re = Regex::new("l\\+", false, false).unwrap();
        assert_eq!(re.ends_from(&re.prepare("hello"), 2), vec![3, 4]);
    }

    #[test]
    fn pathological_patterns_stay_fast() {
        let re = Regex::new("\\(a*\\)*b", false, false).unwrap();
        let text: String = "a".repeat(5000);
        assert!(!re.is_match(&re.prepare(&text)));
    }
}
