//! Compiling a `sed` script into commands, as GNU sed 4.9's `compile.c` reads it.
//!
//! A script comes in chunks (each `-e`, each `-f` file, or the first operand), read byte by
//! byte; an error names the chunk and how many bytes of it were read (`-e expression #2, char
//! 5: ...`) or the line of a script file (`file x.sed line 3: ...`), exactly as GNU counts.
//! Blocks and the text of `a`, `i`, `c` may continue into the next chunk.

use super::text::{self, Piece};
use crate::programs::regex::Regex;
use std::rc::Rc;

/// A line address that may start a range (or be the only address).
#[derive(Debug, Clone)]
pub enum Addr {
    /// Line `n` (0 only as `0,/re/`).
    Line(u64),
    /// `first~step`: lines `first`, `first + step`, ...
    Step(u64, u64),
    /// `$`: the last line.
    Last,
    /// `/re/`; `None` is `//`, the last regular expression used.
    Regex(Option<Rc<Regex>>),
}

/// The address that ends a range.
#[derive(Debug, Clone)]
pub enum End {
    /// Line `n`.
    Line(u64),
    /// `+n`: `n` lines after the first.
    Plus(u64),
    /// `~n`: up to the next line whose number is a multiple of `n`.
    Multiple(u64),
    /// `first~step` as an end: the first later line of that series.
    Step(u64, u64),
    /// `$`.
    Last,
    /// `/re/` (`None`: the last regular expression used).
    Regex(Option<Rc<Regex>>),
}

/// Which branch command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jump {
    /// `b`: always.
    Always,
    /// `t`: if a substitution was made since the last input line or `t`/`T`.
    IfSubstituted,
    /// `T`: if none was.
    IfNot,
}

/// The `s` command.
#[derive(Debug, Clone)]
pub struct Subst {
    /// The pattern (`None`: the last regular expression used).
    pub regex: Option<Rc<Regex>>,
    /// The replacement.
    pub pieces: Vec<Piece>,
    /// Flag `g`.
    pub global: bool,
    /// Flag `p`.
    pub print: bool,
    /// Flag `N`: replace only the Nth match (and later ones with `g`); 1 by default.
    pub nth: u64,
}

/// What a command does.
#[derive(Debug, Clone)]
pub enum Op {
    /// `{`: when the address does not select the line, go to the index of its `}`.
    Block(usize),
    /// `}`.
    EndBlock,
    /// `s`.
    Subst(Box<Subst>),
    /// `y`: pairs of characters, sorted by the first, each first character once (its first
    /// pairing in the script).
    Translit(Vec<(char, char)>),
    /// `p`.
    Print,
    /// `P`.
    PrintFirst,
    /// `d`.
    Delete,
    /// `D`.
    DeleteFirst,
    /// `q` (`print`) and `Q`, with an exit status.
    Quit {
        /// The exit status.
        status: i32,
        /// Whether the pattern space is printed first (`q`).
        print: bool,
    },
    /// `=`.
    LineNumber,
    /// `n`.
    Next,
    /// `N`.
    NextAppend,
    /// `g`.
    Get,
    /// `G`.
    GetAppend,
    /// `h`.
    Hold,
    /// `H`.
    HoldAppend,
    /// `x`.
    Exchange,
    /// `b`, `t`, `T` and the index of the command to go to.
    Branch(Jump, usize),
    /// `:label` (does nothing).
    Label,
    /// `a`: text queued for the end of the cycle.
    Append(String),
    /// `i`: text printed now.
    Insert(String),
    /// `c`: text printed instead of the line (at the end of a range).
    Change(String),
    /// `l` with an optional line width.
    List(Option<usize>),
    /// `z`.
    Zap,
    /// `F`.
    FileName,
}

/// One command with its addresses.
#[derive(Debug, Clone)]
pub struct Command {
    /// The first address.
    pub a1: Option<Addr>,
    /// The end of a range.
    pub a2: Option<End>,
    /// `!`.
    pub negate: bool,
    /// What it does.
    pub op: Op,
}

/// Where a chunk of script came from, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The Nth `-e` (or the script operand, number 1).
    Expression(usize),
    /// A `-f` file.
    File(String),
}

/// A compiled script.
#[derive(Debug, Clone, Default)]
pub struct Program {
    /// The commands in order.
    pub commands: Vec<Command>,
    /// Whether the script began with `#n` (as `-n`).
    pub quiet: bool,
}

/// How a script failed to compile: the message (bytes: GNU quotes an unknown command's byte
/// as is) and GNU's exit status for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// The line to print after `sed: `, without its newline.
    pub message: Vec<u8>,
    /// The exit status (1, or 4 for a missing label).
    pub status: i32,
}

/// An open `{` and where it was, for the `unmatched` error.
#[derive(Debug, Clone)]
struct OpenBlock {
    command: usize,
    origin: Origin,
    line: usize,
}

/// The compiler's state across chunks.
#[derive(Debug, Default)]
pub struct Compiler {
    program: Program,
    extended: bool,
    blocks: Vec<OpenBlock>,
    labels: Vec<(String, usize)>,
    jumps: Vec<(usize, String)>,
    /// A text command whose text continues in the next chunk (`-e 'a\' -e text`, or text
    /// ending in a backslash), and the text read so far.
    pending_text: Option<(usize, Vec<u8>)>,
    chunks: usize,
}

/// Reads one chunk.
struct Reader<'s, 'c> {
    src: &'s [u8],
    pos: usize,
    origin: Origin,
    compiler: &'c mut Compiler,
}

/// The greatest version of sed whose scripts `v` accepts.
const VERSION: &str = "4.9";

impl Compiler {
    /// A compiler; `extended` makes regular expressions ERE (`-E`).
    pub fn new(extended: bool) -> Compiler {
        Compiler { extended, ..Compiler::default() }
    }

    /// Makes the regular expressions of the chunks still to come ERE (`-E`) or BRE.
    pub fn set_extended(&mut self, extended: bool) {
        self.extended = extended;
    }

    /// Compiles one chunk of script.
    pub fn chunk(&mut self, src: &[u8], origin: Origin) -> Result<(), CompileError> {
        let first = self.chunks == 0;
        self.chunks += 1;
        let mut reader = Reader { src, pos: 0, origin, compiler: self };
        if first && src.starts_with(b"#n") && matches!(src.get(2), None | Some(b'\n')) {
            reader.compiler.program.quiet = true;
        }
        if let Some((index, raw)) = reader.compiler.pending_text.take() {
            reader.read_text(index, Some(b'\n'), raw);
        }
        reader.commands()
    }

    /// Ends compilation: checks blocks and resolves labels.
    pub fn finish(mut self) -> Result<Program, CompileError> {
        if let Some(open) = self.blocks.pop() {
            return Err(CompileError { message: prefixed(&open.origin, 0, open.line, b"unmatched `{'"), status: 1 });
        }
        let end = self.program.commands.len();
        for (index, label) in std::mem::take(&mut self.jumps) {
            let target = if label.is_empty() {
                end
            } else {
                match self.labels.iter().rev().find(|(name, _)| *name == label) {
                    Some(&(_, at)) => at,
                    None => {
                        let message = format!("can't find label for jump to `{label}'").into_bytes();
                        return Err(CompileError { message, status: 4 });
                    }
                }
            };
            if let Op::Branch(_, to) = &mut self.program.commands[index].op {
                *to = target;
            }
        }
        Ok(self.program)
    }
}

/// `-e expression #N, char C: MESSAGE` or `file F line L: MESSAGE`.
fn prefixed(origin: &Origin, pos: usize, line: usize, message: &[u8]) -> Vec<u8> {
    let mut out = match origin {
        Origin::Expression(n) => format!("-e expression #{n}, char {pos}: ").into_bytes(),
        Origin::File(name) => format!("file {name} line {line}: ").into_bytes(),
    };
    out.extend_from_slice(message);
    out
}

/// Whether a byte is C's `isspace`.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// The result of reading an address.
enum Parsed {
    Line(u64),
    Step(u64, u64),
    Plus(u64),
    Multiple(u64),
    Last,
    Regex(Option<Rc<Regex>>),
}

impl Reader<'_, '_> {
    /// The next byte, or `None` at the end (which does not advance, as GNU's `inchar`).
    fn next(&mut self) -> Option<u8> {
        let b = self.src.get(self.pos).copied();
        if b.is_some() {
            self.pos += 1;
        }
        b
    }

    /// Puts back the byte just read (`savchar`); nothing to put back at the end.
    fn back(&mut self, b: Option<u8>) {
        if b.is_some() {
            self.pos -= 1;
        }
    }

    /// The next byte that is not a space or tab.
    fn nonblank(&mut self) -> Option<u8> {
        loop {
            match self.next() {
                Some(b' ' | b'\t') => continue,
                other => return other,
            }
        }
    }

    /// An error at the current position.
    fn fail(&self, message: impl AsRef<[u8]>) -> CompileError {
        CompileError { message: prefixed(&self.origin, self.pos, self.line(), message.as_ref()), status: 1 }
    }

    /// The line of a script file the reader is on.
    fn line(&self) -> usize {
        1 + self.src[..self.pos].iter().filter(|&&b| b == b'\n').count()
    }

    /// Reads a decimal number whose first digit is `first` (wrapping, as C's unsigned long).
    fn integer(&mut self, first: Option<u8>) -> u64 {
        let mut n: u64 = 0;
        let mut b = first;
        while let Some(d @ b'0'..=b'9') = b {
            n = n.wrapping_mul(10).wrapping_add(u64::from(d - b'0'));
            b = self.next();
        }
        self.back(b);
        n
    }

    /// Compiles the commands of the chunk.
    fn commands(&mut self) -> Result<(), CompileError> {
        loop {
            let mut b = self.next();
            while matches!(b, Some(c) if c == b';' || is_space(c)) {
                b = self.next();
            }
            let Some(first) = b else { return Ok(()) };
            self.command(first)?;
        }
    }

    /// Compiles one command starting with the byte `first`.
    fn command(&mut self, first: u8) -> Result<(), CompileError> {
        let mut a1 = None;
        let mut a2 = None;
        let mut b = Some(first);
        if let Some(parsed) = self.address(first)? {
            a1 = Some(match parsed {
                Parsed::Plus(_) | Parsed::Multiple(_) => {
                    return Err(self.fail("invalid usage of +N or ~N as first address"))
                }
                Parsed::Line(n) => Addr::Line(n),
                Parsed::Step(first, 0) => Addr::Line(first),
                Parsed::Step(first, step) => Addr::Step(first, step),
                Parsed::Last => Addr::Last,
                Parsed::Regex(re) => Addr::Regex(re),
            });
            b = self.nonblank();
            if b == Some(b',') {
                let start = self.nonblank();
                let Some(parsed) = start.map(|c| self.address(c)).transpose()?.flatten() else {
                    return Err(self.fail("unexpected `,'"));
                };
                a2 = Some(match parsed {
                    Parsed::Line(n) | Parsed::Step(n, 0) => End::Line(n),
                    Parsed::Step(first, step) => End::Step(first, step),
                    Parsed::Plus(n) => End::Plus(n),
                    Parsed::Multiple(n) => End::Multiple(n),
                    Parsed::Last => End::Last,
                    Parsed::Regex(re) => End::Regex(re),
                });
                b = self.nonblank();
            }
            if matches!(a1, Some(Addr::Line(0))) && !matches!(a2, Some(End::Regex(_))) {
                return Err(self.fail("invalid usage of line address 0"));
            }
        }
        let mut negate = false;
        if b == Some(b'!') {
            negate = true;
            b = self.nonblank();
            if b == Some(b'!') {
                return Err(self.fail("multiple `!'s"));
            }
        }
        let Some(c) = b else { return Err(self.fail("missing command")) };
        let op = match c {
            b'#' => {
                if a1.is_some() {
                    return Err(self.fail("comments don't accept any addresses"));
                }
                while !matches!(self.next(), None | Some(b'\n')) {}
                return Ok(());
            }
            b'{' => {
                let command = self.compiler.program.commands.len();
                let open = OpenBlock { command, origin: self.origin.clone(), line: self.line() };
                self.compiler.blocks.push(open);
                Op::Block(0)
            }
            b'}' => {
                let Some(open) = self.compiler.blocks.pop() else {
                    return Err(self.fail("unexpected `}'"));
                };
                if a1.is_some() {
                    return Err(self.fail("`}' doesn't want any addresses"));
                }
                self.end_of_command()?;
                let here = self.compiler.program.commands.len();
                if let Op::Block(to) = &mut self.compiler.program.commands[open.command].op {
                    *to = here;
                }
                Op::EndBlock
            }
            b':' => {
                if a1.is_some() {
                    return Err(self.fail(": doesn't want any addresses"));
                }
                let label = self.label();
                if label.is_empty() {
                    return Err(self.fail("\":\" lacks a label"));
                }
                let here = self.compiler.program.commands.len();
                self.compiler.labels.push((label, here));
                Op::Label
            }
            b'b' | b't' | b'T' => {
                let label = self.label();
                let here = self.compiler.program.commands.len();
                self.compiler.jumps.push((here, label));
                let jump = match c {
                    b'b' => Jump::Always,
                    b't' => Jump::IfSubstituted,
                    _ => Jump::IfNot,
                };
                Op::Branch(jump, 0)
            }
            b'a' | b'i' | b'c' => return self.text_command(c, a1, a2, negate),
            b'q' | b'Q' => {
                if a2.is_some() {
                    return Err(self.fail("command only uses one address"));
                }
                // `exit` keeps the low 8 bits.
                let status = self.int_argument()?.map_or(0, |n| (n & 0xff) as i32);
                Op::Quit { status, print: c == b'q' }
            }
            b'l' => {
                let width = self.int_argument()?;
                Op::List(width.map(|n| usize::try_from(n).unwrap_or(usize::MAX)))
            }
            b'=' | b'd' | b'D' | b'F' | b'g' | b'G' | b'h' | b'H' | b'n' | b'N' | b'p' | b'P' | b'z' | b'x' => {
                self.end_of_command()?;
                match c {
                    b'=' => Op::LineNumber,
                    b'd' => Op::Delete,
                    b'D' => Op::DeleteFirst,
                    b'F' => Op::FileName,
                    b'g' => Op::Get,
                    b'G' => Op::GetAppend,
                    b'h' => Op::Hold,
                    b'H' => Op::HoldAppend,
                    b'n' => Op::Next,
                    b'N' => Op::NextAppend,
                    b'p' => Op::Print,
                    b'P' => Op::PrintFirst,
                    b'z' => Op::Zap,
                    _ => Op::Exchange,
                }
            }
            b'v' => {
                let wanted = self.label();
                if !wanted.is_empty() && version_cmp(wanted.as_bytes(), VERSION.as_bytes()).is_gt() {
                    return Err(self.fail("expected newer version of sed"));
                }
                Op::Label
            }
            b's' => Op::Subst(Box::new(self.substitute()?)),
            b'y' => Op::Translit(self.translit()?),
            other => {
                let mut message = b"unknown command: `".to_vec();
                message.push(other);
                message.push(b'\'');
                return Err(self.fail(message));
            }
        };
        self.compiler.program.commands.push(Command { a1, a2, negate, op });
        Ok(())
    }

    /// Reads an address starting with `b`: `None` if `b` does not start one.
    fn address(&mut self, b: u8) -> Result<Option<Parsed>, CompileError> {
        Ok(Some(match b {
            b'/' | b'\\' => {
                let delim = if b == b'\\' { self.next() } else { Some(b'/') };
                let source = match delim {
                    Some(d) => self.match_slash(d, true)?,
                    None => None,
                };
                let Some(source) = source else { return Err(self.fail("unterminated address regex")) };
                let (mut icase, mut multiline) = (false, false);
                loop {
                    match self.nonblank() {
                        Some(b'I') => icase = true,
                        Some(b'M') => multiline = true,
                        other => {
                            self.back(other);
                            break;
                        }
                    }
                }
                Parsed::Regex(self.regex(&source, icase, multiline)?)
            }
            b'0'..=b'9' => {
                let n = self.integer(Some(b));
                let after = self.nonblank();
                if after == Some(b'~') {
                    let start = self.nonblank();
                    Parsed::Step(n, self.integer(start))
                } else {
                    self.back(after);
                    Parsed::Line(n)
                }
            }
            b'+' | b'~' => {
                let start = self.nonblank();
                let n = self.integer(start);
                if b == b'+' {
                    Parsed::Plus(n)
                } else {
                    Parsed::Multiple(n)
                }
            }
            b'$' => Parsed::Last,
            _ => return Ok(None),
        }))
    }

    /// Compiles a regular expression of an address or `s` (`None` for the empty one).
    fn regex(&mut self, source: &[u8], icase: bool, multiline: bool) -> Result<Option<Rc<Regex>>, CompileError> {
        if source.is_empty() {
            if icase || multiline {
                return Err(self.fail("cannot specify modifiers on empty regexp"));
            }
            return Ok(None);
        }
        let pattern = text::regex_source(source);
        match Regex::posix(&pattern, self.compiler.extended, icase) {
            Ok(re) => Ok(Some(Rc::new(re.multiline(multiline)))),
            Err(message) => Err(self.fail(message)),
        }
    }

    /// Reads up to the delimiter `delim` as GNU's `match_slash`: `None` if a newline or the end
    /// comes first. `\delim` stands for the delimiter (kept escaped when it is `&` in a
    /// replacement), `\n` in a regular expression for a newline, `\` and a newline for the
    /// newline; other escapes stay. In a regular expression, a bracket expression is taken
    /// whole, delimiters and all.
    fn match_slash(&mut self, delim: u8, regex: bool) -> Result<Option<Vec<u8>>, CompileError> {
        if delim >= 0x80 {
            return Err(self.fail("delimiter character is not a single-byte character"));
        }
        let mut buf = Vec::new();
        loop {
            let Some(b) = self.next() else { return Ok(None) };
            if b == b'\n' {
                self.back(Some(b));
                return Ok(None);
            }
            if b == delim {
                return Ok(Some(buf));
            }
            if b == b'\\' {
                let Some(e) = self.next() else { return Ok(None) };
                if e == b'n' && regex {
                    buf.push(b'\n');
                    continue;
                }
                if e != b'\n' && (e != delim || (!regex && e == b'&')) {
                    buf.push(b'\\');
                }
                buf.push(e);
                continue;
            }
            buf.push(b);
            if regex && b == b'[' && !self.bracket(&mut buf) {
                return Ok(None);
            }
        }
    }

    /// Copies a bracket expression's inside (after its `[`) through its `]`; false if the
    /// script ends first.
    fn bracket(&mut self, buf: &mut Vec<u8>) -> bool {
        let mut first = true;
        if self.src.get(self.pos) == Some(&b'^') {
            buf.push(b'^');
            self.pos += 1;
        }
        loop {
            let Some(b) = self.next() else { return false };
            if b == b'\n' {
                self.back(Some(b));
                return false;
            }
            buf.push(b);
            if b == b']' && !first {
                return true;
            }
            first = false;
            if b == b'[' {
                if let Some(&kind @ (b':' | b'.' | b'=')) = self.src.get(self.pos) {
                    self.pos += 1;
                    buf.push(kind);
                    loop {
                        let Some(c) = self.next() else { return false };
                        buf.push(c);
                        if c == kind && self.src.get(self.pos) == Some(&b']') {
                            self.pos += 1;
                            buf.push(b']');
                            break;
                        }
                    }
                }
            }
        }
    }

    /// Reads what may follow a command: blanks, then `;`, a newline, the end, or (put back)
    /// `}` or `#`.
    fn end_of_command(&mut self) -> Result<(), CompileError> {
        match self.nonblank() {
            Some(b @ (b'}' | b'#')) => {
                self.back(Some(b));
                Ok(())
            }
            None | Some(b'\n' | b';') => Ok(()),
            Some(_) => Err(self.fail("extra characters after command")),
        }
    }

    /// The optional number after `q`, `Q`, `l`, then the end of the command.
    fn int_argument(&mut self) -> Result<Option<u64>, CompileError> {
        let b = self.nonblank();
        let n = if b.is_some_and(|c| c.is_ascii_digit()) {
            Some(self.integer(b))
        } else {
            self.back(b);
            None
        };
        self.end_of_command()?;
        Ok(n)
    }

    /// A label after `:`, `b`, `t`, `T`, `v`: blanks skipped, then up to a space, `;` or the
    /// end (consumed), or a `}` or `#` (put back).
    fn label(&mut self) -> String {
        let mut name = Vec::new();
        let mut b = self.nonblank();
        while let Some(c) = b {
            if c == b';' || is_space(c) {
                break;
            }
            if c == b'}' || c == b'#' {
                self.back(b);
                break;
            }
            name.push(c);
            b = self.next();
        }
        String::from_utf8_lossy(&name).into_owned()
    }

    /// `a`, `i`, `c`: `a text` (blanks skipped) or `a\` and text (on the same or next line),
    /// continued over lines that end in a backslash.
    fn text_command(&mut self, c: u8, a1: Option<Addr>, a2: Option<End>, negate: bool) -> Result<(), CompileError> {
        let b = self.nonblank();
        let lead = match b {
            None => return Err(self.fail("expected \\ after `a', `c' or `i'")),
            Some(b'\\') => self.next(),
            Some(_) => {
                self.back(b);
                Some(b'\n')
            }
        };
        let op = match c {
            b'a' => Op::Append(String::new()),
            b'i' => Op::Insert(String::new()),
            _ => Op::Change(String::new()),
        };
        let index = self.compiler.program.commands.len();
        self.compiler.program.commands.push(Command { a1, a2, negate, op });
        self.read_text(index, lead, Vec::new());
        Ok(())
    }

    /// Reads the text of the command at `index` after what `raw` holds already, `lead` being
    /// the byte after `a\` (a newline when the text starts on the next line or after `a `).
    /// When the chunk ends right after `a\` or after a backslash, the text continues in the
    /// next chunk; if none comes, it stays as read, escapes and all (as GNU leaves it).
    fn read_text(&mut self, index: usize, lead: Option<u8>, mut raw: Vec<u8>) {
        let Some(lead) = lead else {
            self.set_text(index, String::new());
            self.compiler.pending_text = Some((index, raw));
            return;
        };
        if lead != b'\n' {
            raw.push(lead);
        }
        while let Some(mut b) = self.next() {
            if b == b'\n' {
                break;
            }
            if b == b'\\' {
                match self.next() {
                    Some(e) => {
                        raw.push(b'\\');
                        b = e;
                    }
                    None => {
                        raw.push(b'\n');
                        self.set_text(index, text::decode(&raw));
                        self.compiler.pending_text = Some((index, raw));
                        return;
                    }
                }
            }
            raw.push(b);
        }
        let mut text = text::command_text(&raw);
        text.push('\n');
        self.set_text(index, text);
    }

    /// Sets the text of the `a`, `i` or `c` command at `index`.
    fn set_text(&mut self, index: usize, text: String) {
        if let Some(Op::Append(t) | Op::Insert(t) | Op::Change(t)) =
            self.compiler.program.commands.get_mut(index).map(|c| &mut c.op)
        {
            *t = text;
        }
    }

    /// `s/RE/REPLACEMENT/FLAGS` after the `s`.
    fn substitute(&mut self) -> Result<Subst, CompileError> {
        let unterminated = "unterminated `s' command";
        let Some(delim) = self.next() else { return Err(self.fail(unterminated)) };
        let Some(pattern) = self.match_slash(delim, true)? else { return Err(self.fail(unterminated)) };
        let Some(raw) = self.match_slash(delim, false)? else { return Err(self.fail(unterminated)) };
        let pieces = text::replacement(&raw);
        let mut subst = Subst { regex: None, pieces, global: false, print: false, nth: 0 };
        let (mut icase, mut multiline) = (false, false);
        loop {
            match self.next() {
                Some(b'i' | b'I') => icase = true,
                Some(b'm' | b'M') => multiline = true,
                Some(b'p') => {
                    if subst.print {
                        return Err(self.fail("multiple `p' options to `s' command"));
                    }
                    subst.print = true;
                }
                Some(b'g') => {
                    if subst.global {
                        return Err(self.fail("multiple `g' options to `s' command"));
                    }
                    subst.global = true;
                }
                Some(d @ b'0'..=b'9') => {
                    if subst.nth != 0 {
                        return Err(self.fail("multiple number options to `s' command"));
                    }
                    subst.nth = self.integer(Some(d));
                    if subst.nth == 0 {
                        return Err(self.fail("number option to `s' command may not be zero"));
                    }
                }
                Some(b' ' | b'\t') => {}
                Some(b @ (b'}' | b'#')) => {
                    self.back(Some(b));
                    break;
                }
                None | Some(b'\n' | b';') => break,
                Some(_) => return Err(self.fail("unknown option to `s'")),
            }
        }
        subst.nth = subst.nth.max(1);
        subst.regex = self.regex(&pattern, icase, multiline)?;
        let wanted = text::highest_group(&subst.pieces);
        if let Some(re) = &subst.regex {
            if wanted > re.groups() {
                return Err(self.fail(format!("invalid reference \\{wanted} on `s' command's RHS")));
            }
        }
        Ok(subst)
    }

    /// `y/SOURCE/DEST/` after the `y`.
    fn translit(&mut self) -> Result<Vec<(char, char)>, CompileError> {
        let unterminated = "unterminated `y' command";
        let Some(delim) = self.next() else { return Err(self.fail(unterminated)) };
        let Some(from) = self.match_slash(delim, false)? else { return Err(self.fail(unterminated)) };
        let Some(to) = self.match_slash(delim, false)? else { return Err(self.fail(unterminated)) };
        let (from, to) = (text::translit_text(&from), text::translit_text(&to));
        if from.len() != to.len() {
            return Err(self.fail("strings for `y' command are different lengths"));
        }
        self.end_of_command()?;
        let mut pairs: Vec<(char, char)> = from.into_iter().zip(to).collect();
        // A stable sort keeps a character's first pairing first.
        crate::sort::sort_by_key(&mut pairs, |&(a, _)| a);
        pairs.dedup_by_key(|&mut (a, _)| a);
        Ok(pairs)
    }
}

/// Compares versions as glibc's `strverscmp` does for plain ones: runs of digits by value,
/// other bytes one by one.
fn version_cmp(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i].is_ascii_digit() && b[j].is_ascii_digit() {
            let si = i;
            while i < a.len() && a[i].is_ascii_digit() {
                i += 1;
            }
            let sj = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let x = std::str::from_utf8(&a[si..i]).unwrap_or("0").trim_start_matches('0');
            let y = std::str::from_utf8(&b[sj..j]).unwrap_or("0").trim_start_matches('0');
            let order = x.len().cmp(&y.len()).then_with(|| x.cmp(y));
            if order.is_ne() {
                return order;
            }
        } else {
            if a[i] != b[j] {
                return a[i].cmp(&b[j]);
            }
            i += 1;
            j += 1;
        }
    }
    (a.len() - i).cmp(&(b.len() - j))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile(chunks: &[&str]) -> Result<Program, String> {
        let mut compiler = Compiler::new(false);
        for (i, chunk) in chunks.iter().enumerate() {
            compiler
                .chunk(chunk.as_bytes(), Origin::Expression(i + 1))
                .map_err(|e| String::from_utf8_lossy(&e.message).into_owned())?;
        }
        compiler.finish().map_err(|e| String::from_utf8_lossy(&e.message).into_owned())
    }

    fn error(script: &str) -> String {
        compile(&[script]).unwrap_err()
    }

    #[test]
    fn gnu_error_positions() {
        let cases = [
            ("s/a/b", "-e expression #1, char 5: unterminated `s' command"),
            ("s/a/b/x", "-e expression #1, char 7: unknown option to `s'"),
            ("X", "-e expression #1, char 1: unknown command: `X'"),
            ("s", "-e expression #1, char 1: unterminated `s' command"),
            ("s/\\(a/b/", "-e expression #1, char 8: Unmatched ( or \\("),
            ("s/a/\\1/", "-e expression #1, char 7: invalid reference \\1 on `s' command's RHS"),
            ("1,", "-e expression #1, char 2: unexpected `,'"),
            (",2p", "-e expression #1, char 1: unknown command: `,'"),
            ("p;X", "-e expression #1, char 3: unknown command: `X'"),
            ("/abc", "-e expression #1, char 4: unterminated address regex"),
            ("2!!p", "-e expression #1, char 3: multiple `!'s"),
            ("1! !p", "-e expression #1, char 4: multiple `!'s"),
            ("p x", "-e expression #1, char 3: extra characters after command"),
            ("3q5q", "-e expression #1, char 4: extra characters after command"),
            ("0p", "-e expression #1, char 2: invalid usage of line address 0"),
            ("0,5p", "-e expression #1, char 4: invalid usage of line address 0"),
            ("+1p", "-e expression #1, char 2: invalid usage of +N or ~N as first address"),
            ("1,2q", "-e expression #1, char 4: command only uses one address"),
            ("1", "-e expression #1, char 1: missing command"),
            ("1,2", "-e expression #1, char 3: missing command"),
            ("1a", "-e expression #1, char 2: expected \\ after `a', `c' or `i'"),
            ("1{p;1}", "-e expression #1, char 6: `}' doesn't want any addresses"),
            ("p}", "-e expression #1, char 2: unexpected `}'"),
            ("1{p", "-e expression #1, char 0: unmatched `{'"),
            ("1#c", "-e expression #1, char 2: comments don't accept any addresses"),
            ("1:x", "-e expression #1, char 2: : doesn't want any addresses"),
            (":", "-e expression #1, char 1: \":\" lacks a label"),
            ("y/ab/c/", "-e expression #1, char 7: strings for `y' command are different lengths"),
            ("y/a/b", "-e expression #1, char 5: unterminated `y' command"),
            ("s/a/b/gg", "-e expression #1, char 8: multiple `g' options to `s' command"),
            ("s/o/0/0", "-e expression #1, char 7: number option to `s' command may not be zero"),
            ("s/o/0/1 2", "-e expression #1, char 9: multiple number options to `s' command"),
            ("s/[/x/", "-e expression #1, char 6: unterminated `s' command"),
            ("s//x/I", "-e expression #1, char 6: cannot specify modifiers on empty regexp"),
            ("/\\(/p", "-e expression #1, char 4: Unmatched ( or \\("),
            ("v 4.10", "-e expression #1, char 6: expected newer version of sed"),
            ("bfoo", "can't find label for jump to `foo'"),
            ("1\n", "-e expression #1, char 2: unknown command: `\n'"),
        ];
        for (script, want) in cases {
            assert_eq!(error(script), want, "{script:?}");
        }
        assert_eq!(compile(&["p", "1,"]).unwrap_err(), "-e expression #2, char 2: unexpected `,'");
        assert_eq!(compile(&["1{", "p"]).unwrap_err(), "-e expression #1, char 0: unmatched `{'");
    }

    #[test]
    fn commands_and_addresses() {
        let program = compile(&["1,/x/!{s|a\\|b|[&]|2g;p};$d;0~3y/ab/xy/;:l;bl"]).unwrap();
        let ops: Vec<&Op> = program.commands.iter().map(|c| &c.op).collect();
        assert!(matches!(ops[0], Op::Block(3)));
        assert!(matches!(ops[1], Op::Subst(s) if s.global && s.nth == 2 && !s.print));
        assert!(matches!(ops[3], Op::EndBlock));
        assert!(matches!(ops[4], Op::Delete));
        assert!(matches!(ops[5], Op::Translit(pairs) if pairs == &[('a', 'x'), ('b', 'y')]));
        assert!(matches!(ops[7], Op::Branch(Jump::Always, 6)));
        assert!(program.commands[0].negate);
        assert!(matches!(program.commands[5].a1, Some(Addr::Step(0, 3))));
        assert!(compile(&["#n\np"]).unwrap().quiet);
        assert!(!compile(&[" #n\np"]).unwrap().quiet);
    }

    #[test]
    fn text_commands() {
        let text_of = |script: &[&str]| match &compile(script).unwrap().commands[0].op {
            Op::Append(t) | Op::Insert(t) | Op::Change(t) => t.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(text_of(&["1a   foo  "]), "foo  \n");
        assert_eq!(text_of(&["1a\\  foo"]), "  foo\n");
        assert_eq!(text_of(&["1a\\\n  foo\\\nbar"]), "  foo\nbar\n");
        assert_eq!(text_of(&["1a foo\\tbar\\q"]), "foo\tbarq\n");
        assert_eq!(text_of(&["1a\\", "foo"]), "foo\n");
        assert_eq!(text_of(&["1i foo;p"]), "foo;p\n");
        assert_eq!(text_of(&["1a foo\\tbar\\qx\\"]), "foo\\tbar\\qx\n");
        assert_eq!(text_of(&["1a foo\\tbar\\", "p"]), "foo\tbar\np\n");
        assert_eq!(text_of(&["1a\\"]), "");
    }

    #[test]
    fn versions() {
        use std::cmp::Ordering::*;
        assert_eq!(version_cmp(b"4.10", b"4.9"), Greater);
        assert_eq!(version_cmp(b"4.2", b"4.9"), Less);
        assert_eq!(version_cmp(b"4.9", b"4.9"), Equal);
        assert_eq!(version_cmp(b"4.9.1", b"4.9"), Greater);
    }
}
