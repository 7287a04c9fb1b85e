//! A small POSIX regular expression engine for `grep`: basic (BRE) and extended (ERE) syntax
//! with the GNU extensions `\+ \? \|` (BRE), `\w \W \s \S \b \B \< \>`, bracket expressions
//! with ranges and `[:class:]` names, and intervals `{m,n}`. No back-references in patterns,
//! but groups `\(…\)` record what they matched for `sed`'s `\1`…`\9` ([`Regex::captures`]).
//!
//! Patterns compile to a Thompson NFA that is simulated over the characters of a line, so
//! matching takes time proportional to the line length times the pattern size and can never
//! blow up; intervals are expanded, with a bound on the program size. [`Regex::find_at`]
//! finds the leftmost-longest match in one pass. Errors are worded as GNU grep prints them
//! after `grep: `.

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Regex {
    prog: Vec<Inst>,
    icase: bool,
    /// Whether `^` and `$` also match after and before a newline inside the text.
    multiline: bool,
    /// How many groups the pattern has.
    groups: usize,
}

/// The span of characters a match or a group covered: `start..end`.
pub type Span = (usize, usize);

/// Groups whose spans [`Regex::captures`] reports (`sed` refers to `\1` to `\9`).
pub const MAX_CAPTURES: usize = 9;

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
    /// A parenthesised group and its number (from 1).
    Group(usize, Box<Node>),
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
    /// Records the position in a capture slot (`2n` start, `2n + 1` end of group `n`).
    Save(usize),
    /// Records where an optional iteration starts, in mark register `n`.
    Mark(usize),
    /// Fails a thread whose optional iteration (mark register `n`) consumed nothing.
    Progress(usize),
    Match,
}

/// Largest program accepted, in instructions.
const MAX_PROGRAM: usize = 100_000;
/// Largest repetition count of an interval, as glibc's `RE_DUP_MAX`.
const DUP_MAX: u32 = 32_767;
/// Mark registers for optional iterations ([`Inst::Mark`]); deeper nesting goes unmarked.
const MAX_MARKS: usize = 8;
/// glibc's message for a repetition operator with nothing (valid) to repeat.
const INVALID_PRECEDING: &str = "Invalid preceding regular expression";
/// Deepest nesting of groups accepted.
const MAX_NESTING: usize = 200;

/// The parser's state: the pattern's characters and where it is.
struct Parser {
    chars: Vec<char>,
    pos: usize,
    extended: bool,
    depth: usize,
    /// Groups opened so far.
    groups: usize,
    /// Whether literal characters are folded to lower case.
    icase: bool,
    /// glibc's POSIX syntax as `sed` compiles it: repetition operators with nothing to repeat
    /// and invalid intervals are errors, where grep takes them literally.
    strict: bool,
}

impl Regex {
    /// Compiles a pattern as grep does, basic syntax unless `extended`; `icase` ignores case.
    pub fn new(pattern: &str, extended: bool, icase: bool) -> Result<Regex, String> {
        Regex::build(pattern, extended, icase, false)
    }

    /// Compiles a pattern as sed does (glibc's POSIX syntax): a repetition operator at the start
    /// of an ERE, or a `*` or `\{` after another repetition in a BRE, is an `Invalid preceding
    /// regular expression`, and an ERE brace must open a valid interval.
    pub fn posix(pattern: &str, extended: bool, icase: bool) -> Result<Regex, String> {
        Regex::build(pattern, extended, icase, true)
    }

    fn build(pattern: &str, extended: bool, icase: bool, strict: bool) -> Result<Regex, String> {
        let chars = pattern.chars().collect();
        let mut parser = Parser { chars, pos: 0, extended, depth: 0, groups: 0, icase, strict };
        let node = parser.alternation()?;
        if parser.pos < parser.chars.len() {
            // Only an unbalanced closing parenthesis stops the parser early.
            return Err("Unmatched ) or \\)".into());
        }
        let mut prog = Vec::new();
        compile(&node, &mut prog, 0)?;
        prog.push(Inst::Match);
        Ok(Regex { prog, icase, multiline: false, groups: parser.groups })
    }

    /// The same pattern with `^` and `$` also matching at newlines inside the text (`sed`'s
    /// `M` flag).
    pub fn multiline(mut self, on: bool) -> Regex {
        self.multiline = on;
        self
    }

    /// How many groups the pattern has.
    pub fn groups(&self) -> usize {
        self.groups
    }

    /// The size of the compiled program: what matching costs per character at worst.
    pub fn size(&self) -> usize {
        self.prog.len()
    }

    /// A pattern matching this literal text.
    pub fn literal(text: &str, icase: bool) -> Regex {
        let text = if icase { text.to_lowercase() } else { text.to_string() };
        let mut prog: Vec<Inst> = text.chars().map(Inst::Char).collect();
        prog.push(Inst::Match);
        Regex { prog, icase, multiline: false, groups: 0 }
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
        current.iter().filter(|&&pc| self.consumes(pc, c)).map(|&pc| pc + 1).collect()
    }

    /// Whether a zero-width instruction holds at position `i`; `None` for the others.
    fn assertion(&self, inst: &Inst, text: &[char], i: usize) -> Option<bool> {
        let before = i.checked_sub(1).and_then(|j| text.get(j)).is_some_and(|&c| is_word(c));
        let after = text.get(i).is_some_and(|&c| is_word(c));
        Some(match inst {
            Inst::Bol => i == 0 || (self.multiline && text.get(i - 1) == Some(&'\n')),
            Inst::Eol => i == text.len() || (self.multiline && text.get(i) == Some(&'\n')),
            Inst::WordBoundary => before != after,
            Inst::NotWordBoundary => before == after,
            Inst::WordStart => !before && after,
            Inst::WordEnd => before && !after,
            _ => return None,
        })
    }

    /// The leftmost-longest match starting at or after `from`, in one pass over the text:
    /// threads remember where they started, an earlier start wins a state, and once a match
    /// is found no thread starting later is begun.
    pub fn find_at(&self, text: &[char], from: usize) -> Option<Span> {
        let n = self.prog.len();
        let mut current: Vec<(usize, usize)> = Vec::with_capacity(n);
        let mut on = vec![false; n];
        let mut best: Option<Span> = None;
        let mut i = from;
        while i <= text.len() {
            if best.is_none() {
                self.add_started(&mut current, &mut on, 0, i, text, i);
            }
            if let Some(&(_, start)) = current.iter().find(|&&(pc, _)| matches!(self.prog[pc], Inst::Match)) {
                if best.is_none_or(|(s, _)| start <= s) {
                    best = Some((start, i));
                }
            }
            let Some(&c) = text.get(i) else { break };
            let limit = best.map_or(usize::MAX, |(s, _)| s);
            let next: Vec<(usize, usize)> = current
                .iter()
                .filter(|&&(pc, start)| start <= limit && self.consumes(pc, c))
                .map(|&(pc, start)| (pc + 1, start))
                .collect();
            current.clear();
            on.iter_mut().for_each(|b| *b = false);
            for (pc, start) in next {
                self.add_started(&mut current, &mut on, pc, start, text, i + 1);
            }
            if current.is_empty() && best.is_some() {
                break;
            }
            i += 1;
        }
        best
    }

    /// The spans of the groups (index 0: the whole match, then groups 1 to
    /// [`MAX_CAPTURES`]) of a match known to cover exactly `span`. Alternatives and repetitions
    /// are tried in order, greedily, as a backtracking matcher would; `None` entries are groups
    /// that took no part.
    pub fn captures(&self, text: &[char], span: Span) -> Vec<Option<Span>> {
        let spans = 2 * (MAX_CAPTURES + 1);
        let slots = spans + MAX_MARKS;
        let n = self.prog.len();
        let mut current: Vec<(usize, Vec<Option<usize>>)> = Vec::new();
        let mut on = vec![false; n];
        let (start, end) = span;
        self.add_saving(&mut current, &mut on, 0, vec![None; slots], text, start);
        let mut found = None;
        let mut i = start;
        loop {
            if i == end {
                found = current.iter().find(|(pc, _)| matches!(self.prog[*pc], Inst::Match)).map(|(_, s)| s.clone());
                break;
            }
            let Some(&c) = text.get(i) else { break };
            let next: Vec<(usize, Vec<Option<usize>>)> =
                current.drain(..).filter(|(pc, _)| self.consumes(*pc, c)).map(|(pc, s)| (pc + 1, s)).collect();
            on.iter_mut().for_each(|b| *b = false);
            for (pc, saved) in next {
                self.add_saving(&mut current, &mut on, pc, saved, text, i + 1);
            }
            if current.is_empty() {
                break;
            }
            i += 1;
        }
        let mut saved = found.unwrap_or_else(|| vec![None; slots]);
        saved[0] = Some(start);
        saved[1] = Some(end);
        saved[..spans].chunks(2).map(|pair| pair[0].zip(pair[1]).filter(|(s, e)| s <= e)).collect()
    }

    /// Whether the instruction at `pc` consumes the character `c`.
    fn consumes(&self, pc: usize, c: char) -> bool {
        match &self.prog[pc] {
            Inst::Char(x) => *x == c,
            Inst::Any => true,
            Inst::Set(set) => set.has(c, self.icase),
            _ => false,
        }
    }

    /// [`Regex::add`] for threads that remember where they started.
    fn add_started(
        &self,
        list: &mut Vec<(usize, usize)>,
        on: &mut [bool],
        pc: usize,
        start: usize,
        text: &[char],
        i: usize,
    ) {
        let mut found = Vec::new();
        self.add(&mut found, on, pc, text, i);
        list.extend(found.into_iter().map(|pc| (pc, start)));
    }

    /// [`Regex::add`] for threads that carry capture slots, in priority order.
    fn add_saving(
        &self,
        list: &mut Vec<(usize, Vec<Option<usize>>)>,
        on: &mut [bool],
        pc: usize,
        saved: Vec<Option<usize>>,
        text: &[char],
        i: usize,
    ) {
        let mut stack = vec![(pc, saved)];
        while let Some((pc, mut saved)) = stack.pop() {
            if pc >= self.prog.len() || on[pc] {
                continue;
            }
            on[pc] = true;
            match &self.prog[pc] {
                Inst::Split(a, b) => {
                    stack.push((*b, saved.clone()));
                    stack.push((*a, saved));
                }
                Inst::Jmp(a) => stack.push((*a, saved)),
                Inst::Save(slot) => {
                    if let Some(cell) = saved.get_mut(*slot) {
                        *cell = Some(i);
                    }
                    stack.push((pc + 1, saved));
                }
                Inst::Mark(register) => {
                    if let Some(cell) = saved.get_mut(2 * (MAX_CAPTURES + 1) + register) {
                        *cell = Some(i);
                    }
                    stack.push((pc + 1, saved));
                }
                Inst::Progress(register) => {
                    if saved.get(2 * (MAX_CAPTURES + 1) + register).copied().flatten() != Some(i) {
                        stack.push((pc + 1, saved));
                    }
                }
                inst => match self.assertion(inst, text, i) {
                    Some(true) => stack.push((pc + 1, saved)),
                    Some(false) => {}
                    None => list.push((pc, saved)),
                },
            }
        }
    }

    /// Adds a thread and everything reachable from it without consuming input at `i`.
    fn add(&self, list: &mut Vec<usize>, on: &mut [bool], pc: usize, text: &[char], i: usize) {
        let mut stack = vec![pc];
        while let Some(pc) = stack.pop() {
            if pc >= self.prog.len() || on[pc] {
                continue;
            }
            on[pc] = true;
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
                Inst::Save(_) | Inst::Mark(_) | Inst::Progress(_) => Some(true),
                inst => self.assertion(inst, text, i),
            };
            match pass {
                Some(true) => stack.push(pc + 1),
                Some(false) => {}
                None => list.push(pc),
            }
        }
    }
}

impl Node {
    /// Whether a group occurs in the node.
    fn has_group(&self) -> bool {
        match self {
            Node::Group(..) => true,
            Node::Concat(items) | Node::Alt(items) => items.iter().any(Node::has_group),
            Node::Repeat(inner, ..) => inner.has_group(),
            _ => false,
        }
    }
}

impl Parser {
    /// A literal character as the matcher compares it (lower case when ignoring case, as
    /// [`Regex::prepare`] folds the text).
    fn fold(&self, c: char) -> char {
        if self.icase {
            c.to_lowercase().next().unwrap_or(c)
        } else {
            c
        }
    }

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
            // A BRE's `*` after a leading `^` is literal; in sed's ERE it has nothing to repeat.
            let after_anchor = matches!(items.as_slice(), [Node::Bol]) && (!self.extended || self.strict);
            let at_start = self.pos == branch_start || after_anchor;
            let atom = self.atom(at_start)?;
            if self.strict
                && self.extended
                && matches!(atom, Node::Eol)
                && matches!(self.peek(), Some('*' | '+' | '?' | '{'))
            {
                return Err(INVALID_PRECEDING.into());
            }
            let atom =
                if matches!(atom, Node::Bol) && (!self.extended || self.strict) { atom } else { self.repeats(atom)? };
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
        let mut repeated = false;
        loop {
            let star_or_brace = self.peek() == Some('*') || (self.peek() == Some('\\') && self.peek2() == Some('{'));
            if self.strict && !self.extended && repeated && star_or_brace {
                return Err(INVALID_PRECEDING.into());
            }
            repeated = true;
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
        let comma = self.peek() == Some(',');
        if comma {
            self.pos += 1;
        }
        let max = if comma { number(self) } else { Some(min.unwrap_or(0)) };
        let closed = if self.extended {
            self.peek() == Some('}')
        } else {
            self.peek() == Some('\\') && self.peek2() == Some('}')
        };
        if !closed {
            if self.extended && !self.strict {
                return Ok(None);
            }
            return Err(if self.peek().is_none() { "Unmatched \\{" } else { "Invalid content of \\{\\}" }.into());
        }
        if min.is_none() && !comma {
            return Err("Invalid content of \\{\\}".into());
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
            '*' | '+' | '?' | '{' if self.extended && at_start && self.strict => return Err(INVALID_PRECEDING.into()),
            '*' if at_start => Node::Char('*'),
            '*' | '+' | '?' if self.extended => {
                if at_start {
                    Node::Char(c)
                } else {
                    return Err(INVALID_PRECEDING.into());
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
                    '{' if !self.extended && at_start && self.strict => return Err(INVALID_PRECEDING.into()),
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
                    other => Node::Char(self.fold(other)),
                }
            }
            other => Node::Char(self.fold(other)),
        })
    }

    /// Parses a group's inside after its opening parenthesis, through the closing one.
    fn group(&mut self) -> Result<Node, String> {
        if self.depth >= MAX_NESTING {
            return Err("Regular expression too big".into());
        }
        self.depth += 1;
        self.groups += 1;
        let number = self.groups;
        let inner = self.alternation()?;
        self.depth -= 1;
        if !self.at_close_of_group() {
            return Err("Unmatched ( or \\(".into());
        }
        self.pos += if self.extended { 1 } else { 2 };
        Ok(Node::Group(number, Box::new(inner)))
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
///
/// `depth` counts the optional repetitions around the node; an optional repetition of a group
/// records where each of its iterations starts so that [`Regex::captures`] can refuse an
/// iteration that matches nothing (glibc does not let one overwrite what a group matched).
fn compile(node: &Node, prog: &mut Vec<Inst>, depth: usize) -> Result<(), String> {
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
        Node::Group(number, inner) => {
            if *number <= MAX_CAPTURES {
                prog.push(Inst::Save(2 * number));
                compile(inner, prog, depth)?;
                prog.push(Inst::Save(2 * number + 1));
            } else {
                compile(inner, prog, depth)?;
            }
        }
        Node::Concat(items) => {
            for item in items {
                compile(item, prog, depth)?;
            }
        }
        Node::Alt(branches) => {
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                if i + 1 < branches.len() {
                    let split = prog.len();
                    prog.push(Inst::Split(split + 1, 0));
                    compile(branch, prog, depth)?;
                    jumps.push(prog.len());
                    prog.push(Inst::Jmp(0));
                    let next = prog.len();
                    prog[split] = Inst::Split(split + 1, next);
                } else {
                    compile(branch, prog, depth)?;
                }
            }
            let end = prog.len();
            for j in jumps {
                prog[j] = Inst::Jmp(end);
            }
        }
        Node::Repeat(inner, min, max) => {
            for _ in 0..*min {
                compile(inner, prog, depth)?;
            }
            match max {
                None => {
                    // inner*: L1: split L2, L3; L2: inner; jmp L1; L3:
                    let split = prog.len();
                    prog.push(Inst::Split(split + 1, 0));
                    compile(inner, prog, depth)?;
                    prog.push(Inst::Jmp(split));
                    let end = prog.len();
                    prog[split] = Inst::Split(split + 1, end);
                }
                Some(max) => {
                    let mut splits = Vec::new();
                    let marked = depth < MAX_MARKS && inner.has_group();
                    for _ in *min..*max {
                        splits.push(prog.len());
                        prog.push(Inst::Split(prog.len() + 1, 0));
                        if marked {
                            prog.push(Inst::Mark(depth));
                        }
                        compile(inner, prog, depth + 1)?;
                        if marked {
                            prog.push(Inst::Progress(depth));
                        }
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
    fn leftmost_longest_and_groups() {
        let find = |p: &str, e: bool, t: &str, from: usize| {
            let re = Regex::posix(p, e, false).unwrap();
            re.find_at(&re.prepare(t), from)
        };
        assert_eq!(find("b*", false, "abc", 0), Some((0, 0)));
        assert_eq!(find("b*", false, "abc", 1), Some((1, 2)));
        assert_eq!(find("abcd|c", true, "abcd", 0), Some((0, 4)));
        assert_eq!(find("x|abcd", true, "zabcd", 0), Some((1, 5)));
        assert_eq!(find("^a", false, "aaa", 1), None);
        assert_eq!(find("a+$", true, "baa", 0), Some((1, 3)));
        let groups = |p: &str, e: bool, t: &str| {
            let re = Regex::posix(p, e, false).unwrap();
            let text = re.prepare(t);
            let span = re.find_at(&text, 0).unwrap();
            re.captures(&text, span)
        };
        assert_eq!(groups("\\(a*\\) \\(b*\\)", false, "aa bbb")[..4], [Some((0, 6)), Some((0, 2)), Some((3, 6)), None]);
        assert_eq!(groups("(ab)*", true, "abab")[1], Some((2, 4)));
        assert_eq!(groups("(x)*b", true, "b")[1], None);
        // An optional iteration matching nothing does not overwrite the group (glibc).
        assert_eq!(groups("e\\(l*\\)\\{1,2\\}", false, "ell")[1], Some((1, 3)));
        let re = Regex::posix("^a$", false, false).unwrap().multiline(true);
        assert_eq!(re.find_at(&re.prepare("b\na\nc"), 0), Some((2, 3)));
    }

    #[test]
    fn sed_syntax_is_stricter() {
        let err = |p: &str, e: bool| Regex::posix(p, e, false).unwrap_err();
        assert_eq!(err("a{1", true), "Unmatched \\{");
        assert_eq!(err("a{x}", true), "Invalid content of \\{\\}");
        assert_eq!(err("+a", true), "Invalid preceding regular expression");
        assert_eq!(err("^*a", true), "Invalid preceding regular expression");
        assert_eq!(err("a$*", true), "Invalid preceding regular expression");
        assert_eq!(err("a**", false), "Invalid preceding regular expression");
        assert_eq!(err("\\{1\\}a", false), "Invalid preceding regular expression");
        assert_eq!(err("a\\{\\}", false), "Invalid content of \\{\\}");
        assert!(Regex::posix("a*\\+", false, false).is_ok());
        assert!(Regex::posix("a**", true, false).is_ok());
        // grep keeps taking these literally.
        assert!(Regex::new("a{1", true, false).is_ok());
        assert!(Regex::new("a**", false, false).is_ok());
        // Both: `*` after a leading `^` in a BRE is literal, `{,n}` is an interval.
        check(false, &[("^*a", "*a", true), ("^*a", "aa", false)]);
        check(true, &[("a{,2}", "a", true), ("^a{,2}$", "aaa", false)]);
    }

    #[test]
    fn case_folding_keeps_escapes() {
        let re = Regex::new("\\W", false, true).unwrap();
        assert!(!re.is_match(&re.prepare("W")));
        assert!(re.is_match(&re.prepare("-")));
    }

    #[test]
    fn pathological_patterns_stay_fast() {
        let re = Regex::new("\\(a*\\)*b", false, false).unwrap();
        let text: String = "a".repeat(5000);
        assert!(!re.is_match(&re.prepare(&text)));
    }
}
