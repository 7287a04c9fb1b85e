//! Exceptions and tracebacks: the [`Exception`] type, the built-in exception hierarchy, and
//! the text CPython 3.12 prints for an uncaught exception — `Traceback (most recent call
//! last):`, one `File "...", line N, in name` entry per frame with the source line and the 3.12
//! carets (`^^^^`, `~~^~~` for binary operators and subscripts), repeated frames collapsed, chained
//! exceptions, and the `SyntaxError` layout.

use super::ast::Pos;
use super::token::SyntaxErr;
use super::value::Value;
use std::fmt::Write;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

/// The built-in exception classes and their base classes.
const HIERARCHY: [(&str, &str); 37] = [
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("PermissionError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("RuntimeError", "Exception"),
    ("RecursionError", "RuntimeError"),
    ("NotImplementedError", "RuntimeError"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
];

/// Frames shown before `[Previous line repeated N more times]`.
const RECURSIVE_CUTOFF: usize = 3;

static SERIAL: AtomicU32 = AtomicU32::new(1);

/// The `'static` name of a built-in exception class, or `None`.
pub fn exception_class(name: &str) -> Option<&'static str> {
    HIERARCHY.iter().find(|(n, _)| *n == name).map(|(n, _)| *n)
}

/// The `'static` name of an exception kind (`Exception` for unknown ones).
pub fn static_kind(name: &str) -> &'static str {
    exception_class(name).unwrap_or("Exception")
}

/// Whether exception class `kind` is `base` or derives from it.
pub fn is_subclass(kind: &str, base: &str) -> bool {
    let mut k = kind;
    for _ in 0..HIERARCHY.len() {
        if k == base {
            return true;
        }
        match HIERARCHY.iter().find(|(n, _)| *n == k) {
            Some((_, parent)) if !parent.is_empty() => k = parent,
            _ => return false,
        }
    }
    false
}

/// Extra marks inside a frame's underlined span, for CPython 3.12's `~~^~~` carets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Anchor {
    /// Plain `^^^^`.
    None,
    /// A binary operator: the left operand ends and the right one starts at these columns.
    BinOp(u32, u32),
    /// A subscript: the object ends and the index ends at these columns.
    Subscript(u32, u32),
}

/// The part of a line a traceback entry underlines.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Loc {
    /// The span.
    pub pos: Pos,
    /// Finer marks inside it.
    pub anchor: Anchor,
}

/// One traceback entry: `File "filename", line N, in name`.
#[derive(Clone, Debug)]
pub struct Frame {
    /// The file (`<string>` for `-c`, `<stdin>` for the REPL).
    pub filename: Rc<str>,
    /// The function name (`<module>` at top level).
    pub name: Rc<str>,
    /// Where in the file.
    pub loc: Loc,
}

/// Where a `SyntaxError` is, for its `File "...", line N` block.
#[derive(Clone, Debug)]
struct SyntaxLoc {
    filename: Rc<str>,
    line: u32,
    pos: Option<Pos>,
    text: Option<String>,
}

#[derive(Clone, Debug)]
struct Inner {
    kind: Rc<str>,
    message: String,
    args: Vec<Value>,
    frames: Vec<Frame>,
    loc: Option<Loc>,
    syntax: Option<SyntaxLoc>,
    context: Option<Exception>,
    cause: Option<Exception>,
    suppress_context: bool,
    fatal: bool,
    serial: u32,
    hint: Option<String>,
}

/// A Python exception: its class name, message, arguments and traceback.
#[derive(Clone, Debug)]
pub struct Exception(Box<Inner>);

impl Exception {
    /// An exception of class `kind` (e.g. `"ValueError"`) with a message.
    pub fn new(kind: &str, message: impl Into<String>) -> Exception {
        let message = message.into();
        let args = if message.is_empty() {
            vec![]
        } else {
            vec![Value::str(&message)]
        };
        Exception::build(kind, message, args)
    }
    /// An exception of class `kind` created with these arguments, as `kind(*args)` would.
    pub fn with_args(kind: &str, args: Vec<Value>) -> Exception {
        let message = match args.as_slice() {
            [] => String::new(),
            [one] if kind == "KeyError" => one.repr(),
            [one] => one.to_str().unwrap_or_default(),
            many => Value::tuple(many.to_vec()).repr(),
        };
        Exception::build(kind, message, args)
    }
    /// `SystemExit(code)`, as `sys.exit(code)` raises it.
    pub fn system_exit(code: Value) -> Exception {
        let args = if matches!(code, Value::None) {
            vec![]
        } else {
            vec![code]
        };
        Exception::with_args("SystemExit", args)
    }
    /// An error raised when the program hits a limit of the simulation; `try` cannot catch it.
    pub fn limit(kind: &str, message: impl Into<String>) -> Exception {
        let mut e = Exception::new(kind, message);
        e.0.fatal = true;
        e
    }
    fn build(kind: &str, message: String, args: Vec<Value>) -> Exception {
        Exception(Box::new(Inner {
            kind: Rc::from(kind),
            message,
            args,
            frames: vec![],
            loc: None,
            syntax: None,
            context: None,
            cause: None,
            suppress_context: false,
            fatal: false,
            serial: SERIAL.fetch_add(1, Ordering::Relaxed),
            hint: None,
        }))
    }
    /// A `SyntaxError` (or `IndentationError`) from the parser, for `filename` whose text is `src`.
    pub fn from_syntax(err: &SyntaxErr, filename: &str, src: &str) -> Exception {
        let mut e = Exception::new(err.kind, err.msg.clone());
        let compile_stage = [
            "'return' outside function",
            "'break' outside loop",
            "'continue' not properly in loop",
        ];
        let text = if compile_stage.contains(&err.msg.as_str()) && filename.starts_with('<') {
            None
        } else {
            src.lines()
                .nth(err.line.saturating_sub(1) as usize)
                .map(str::to_string)
        };
        e.0.syntax = Some(SyntaxLoc {
            filename: Rc::from(filename),
            line: err.line,
            pos: err.pos,
            text,
        });
        e
    }
    /// The class name, e.g. `NameError`.
    pub fn kind(&self) -> &str {
        &self.0.kind
    }
    /// The message after `Kind: ` (empty for a bare `raise ValueError`).
    pub fn message(&self) -> &str {
        &self.0.message
    }
    /// The arguments the exception was created with (`e.args`).
    pub fn args(&self) -> &[Value] {
        &self.0.args
    }
    /// Moves the arguments out (used when dropping deep structures).
    pub(crate) fn take_args(&mut self) -> Vec<Value> {
        std::mem::take(&mut self.0.args)
    }
    /// The traceback entries, outermost first.
    pub fn frames(&self) -> &[Frame] {
        &self.0.frames
    }
    /// Whether this is an instance of class `base` (e.g. `KeyError` is a `LookupError`).
    pub fn is(&self, base: &str) -> bool {
        is_subclass(&self.0.kind, base)
    }
    /// For `SystemExit`: the exit status (`None` → 0, an int → itself, anything else → 1).
    pub fn exit_status(&self) -> Option<i32> {
        if &*self.0.kind != "SystemExit" {
            return None;
        }
        Some(match self.0.args.first() {
            None | Some(Value::None) => 0,
            Some(v) => v.as_int().map_or(1, |i| i as i32),
        })
    }
    /// Whether this error is a limit of the simulation that `except` must not catch.
    pub fn is_fatal(&self) -> bool {
        self.0.fatal
    }
    /// Adds the hint printed after the message (`. Did you mean: 'print'?`), not part of `str(e)`.
    pub(crate) fn with_hint(mut self, hint: String) -> Exception {
        self.0.hint = Some(hint);
        self
    }
    pub(crate) fn serial(&self) -> u32 {
        self.0.serial
    }
    pub(crate) fn loc(&self) -> Option<Loc> {
        self.0.loc
    }
    /// Sets where in the current frame the exception happened, unless already known.
    pub(crate) fn locate(mut self, loc: Loc) -> Exception {
        if self.0.loc.is_none() {
            self.0.loc = Some(loc);
        }
        self
    }
    /// Records the frame the exception is leaving (at its pending location).
    pub(crate) fn push_frame(&mut self, filename: &Rc<str>, name: &Rc<str>) {
        if let Some(loc) = self.0.loc.take() {
            self.0.frames.insert(
                0,
                Frame {
                    filename: filename.clone(),
                    name: name.clone(),
                    loc,
                },
            );
        }
    }
    /// Records a handled exception as the context of this one (`During handling...`).
    pub(crate) fn set_context(&mut self, ctx: &Exception) {
        if self.0.context.is_none() && ctx.serial() != self.serial() {
            self.0.context = Some(ctx.clone());
        }
    }
    /// Records `raise ... from cause`.
    pub(crate) fn set_cause(&mut self, cause: Option<Exception>) {
        self.0.cause = cause;
        self.0.suppress_context = true;
    }
    /// `repr(exc)`, e.g. `ValueError('bad')`.
    pub fn repr_into(&self, out: &mut String, depth: u32) -> Result<(), Exception> {
        out.push_str(&self.0.kind);
        out.push('(');
        for (i, a) in self.0.args.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            a.repr_into(out, depth + 1)?;
        }
        out.push(')');
        Ok(())
    }

    /// The full text CPython prints for this exception when nothing catches it.
    /// `line_of(filename, n)` gives source line `n` of a file, when it can be read.
    pub fn render(&self, line_of: &dyn Fn(&str, u32) -> Option<String>) -> String {
        let mut out = String::new();
        self.render_into(&mut out, line_of, 0);
        out
    }

    fn render_into(
        &self,
        out: &mut String,
        line_of: &dyn Fn(&str, u32) -> Option<String>,
        depth: u32,
    ) {
        let chained = if depth > 20 {
            None
        } else if let Some(cause) = &self.0.cause {
            Some((
                cause,
                "The above exception was the direct cause of the following exception:",
            ))
        } else if self.0.suppress_context {
            None
        } else {
            self.0.context.as_ref().map(|c| {
                (
                    c,
                    "During handling of the above exception, another exception occurred:",
                )
            })
        };
        if let Some((earlier, joint)) = chained {
            earlier.render_into(out, line_of, depth + 1);
            let _ = write!(out, "\n{joint}\n\n");
        }
        if !self.0.frames.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            render_frames(&self.0.frames, out, line_of);
        }
        if let Some(s) = &self.0.syntax {
            render_syntax(s, out, line_of);
        }
        out.push_str(&self.0.kind);
        if !self.0.message.is_empty() {
            out.push_str(": ");
            out.push_str(&self.0.message);
        }
        out.push_str(self.0.hint.as_deref().unwrap_or(""));
        out.push('\n');
    }
}

fn render_frames(
    frames: &[Frame],
    out: &mut String,
    line_of: &dyn Fn(&str, u32) -> Option<String>,
) {
    let mut count = 0;
    let mut last: Option<&Frame> = None;
    for f in frames {
        let same = last.is_some_and(|l| {
            l.filename == f.filename && l.name == f.name && l.loc.pos.line == f.loc.pos.line
        });
        if !same {
            repeated(out, count);
            count = 0;
        }
        last = Some(f);
        count += 1;
        if count <= RECURSIVE_CUTOFF {
            let _ = writeln!(
                out,
                "  File \"{}\", line {}, in {}",
                f.filename, f.loc.pos.line, f.name
            );
            if let Some(line) = line_of(&f.filename, f.loc.pos.line) {
                source_line(&line, &f.loc, out);
            }
        }
    }
    repeated(out, count);
}

fn repeated(out: &mut String, count: usize) {
    if count > RECURSIVE_CUTOFF {
        let n = count - RECURSIVE_CUTOFF;
        let _ = writeln!(
            out,
            "  [Previous line repeated {} more time{}]",
            n,
            if n > 1 { "s" } else { "" }
        );
    }
}

/// Prints a frame's source line and, where they say something, the 3.12 carets under it.
fn source_line(line: &str, loc: &Loc, out: &mut String) {
    let stripped = line.trim();
    if stripped.is_empty() {
        return;
    }
    let _ = writeln!(out, "    {stripped}");
    let chars: Vec<char> = line.trim_end_matches(['\n', '\r']).chars().collect();
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    let start = (loc.pos.col as usize).min(chars.len());
    let mut end = (loc.pos.end_col as usize).clamp(start, chars.len());
    let mut anchors = None;
    if loc.pos.end_line == loc.pos.line {
        anchors = anchor_offsets(&chars[start..end], start, loc.anchor);
    } else {
        end = line.trim_end().chars().count().max(start);
    }
    let stripped_len = stripped.chars().count();
    let shows_more = anchors.is_some_and(|(l, r)| r > l);
    if end - start >= stripped_len && !shows_more {
        return;
    }
    out.push_str("    ");
    out.extend(std::iter::repeat_n(' ', start.saturating_sub(lead)));
    match anchors {
        Some((l, r)) => {
            let width = end - start;
            let (l, r) = (l.min(width), r.min(width).max(l.min(width)));
            out.extend(std::iter::repeat_n('~', l));
            out.extend(std::iter::repeat_n('^', r - l));
            out.extend(std::iter::repeat_n('~', width - r));
        }
        None => out.extend(std::iter::repeat_n('^', end - start)),
    }
    out.push('\n');
}

/// The (left end, right start) offsets inside `segment` where the secondary `^` marks go,
/// as CPython's `_extract_caret_anchors_from_line_segment` computes them.
fn anchor_offsets(segment: &[char], start: usize, anchor: Anchor) -> Option<(usize, usize)> {
    let rel = |col: u32| (col as usize).saturating_sub(start).min(segment.len());
    match anchor {
        Anchor::None => None,
        Anchor::BinOp(left_end, right_start) => {
            let (left_end, right_start) = (rel(left_end), rel(right_start));
            let op: &[char] = &segment[left_end..right_start.max(left_end)];
            let offset = op.iter().take_while(|c| c.is_whitespace()).count();
            let mut left = left_end + offset;
            let mut right = left + 1;
            if offset + 1 < op.len() && !op[offset + 1].is_whitespace() {
                right += 1;
            }
            while left < segment.len()
                && (segment[left].is_whitespace() || matches!(segment[left], ')' | '#'))
            {
                left += 1;
                right += 1;
            }
            Some((left, right))
        }
        Anchor::Subscript(value_end, slice_end) => {
            let mut left = rel(value_end);
            let mut right = rel(slice_end) + 1;
            while left < segment.len() && segment[left] != '[' {
                left += 1;
            }
            while right < segment.len() && segment[right] != ']' {
                right += 1;
            }
            if right < segment.len() {
                right += 1;
            }
            Some((left, right))
        }
    }
}

fn render_syntax(s: &SyntaxLoc, out: &mut String, line_of: &dyn Fn(&str, u32) -> Option<String>) {
    let _ = writeln!(out, "  File \"{}\", line {}", s.filename, s.line);
    let Some(text) = s.text.clone().or_else(|| line_of(&s.filename, s.line)) else {
        return;
    };
    let chars: Vec<char> = text.trim_end_matches(['\n', '\r']).chars().collect();
    let lead = chars
        .iter()
        .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
        .count();
    let body: String = chars[lead..].iter().collect();
    let _ = writeln!(out, "    {body}");
    let Some(pos) = s.pos else { return };
    let len = chars.len() - lead;
    let start = (pos.col as usize).saturating_sub(lead).min(len);
    let end = if pos.end_line > pos.line {
        len + 1
    } else {
        (pos.end_col as usize).saturating_sub(lead)
    };
    let end = end.max(start + 1);
    out.push_str("    ");
    out.extend(std::iter::repeat_n(' ', start));
    out.extend(std::iter::repeat_n('^', end - start));
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(line: u32, col: u32, end_col: u32, anchor: Anchor) -> Frame {
        let pos = Pos {
            line,
            col,
            end_line: line,
            end_col,
        };
        Frame {
            filename: Rc::from("/s.py"),
            name: Rc::from("<module>"),
            loc: Loc { pos, anchor },
        }
    }

    fn render(frames: Vec<Frame>, src: &'static str) -> String {
        let mut e = Exception::new("ZeroDivisionError", "division by zero");
        e.0.frames = frames;
        e.render(&|_, n| src.lines().nth(n as usize - 1).map(str::to_string))
    }

    #[test]
    fn binary_operators_get_tildes_and_carets() {
        let text = render(
            vec![frame(1, 4, 15, Anchor::BinOp(9, 12))],
            "x = 1 + 2 + \"a\"\n",
        );
        assert!(
            text.contains("    x = 1 + 2 + \"a\"\n        ~~~~~~^~~~~\n"),
            "{text}"
        );
        let text = render(vec![frame(1, 0, 3, Anchor::BinOp(1, 2))], "1/0\n");
        assert!(text.contains("    1/0\n    ~^~\n"), "{text}");
    }

    #[test]
    fn whole_line_spans_have_no_carets() {
        let text = render(vec![frame(1, 0, 6, Anchor::None)], "len(5)\n");
        assert_eq!(text, "Traceback (most recent call last):\n  File \"/s.py\", line 1, in <module>\n    len(5)\nZeroDivisionError: division by zero\n");
    }

    #[test]
    fn recursion_collapses_repeated_frames() {
        let frames: Vec<Frame> = (0..10).map(|_| frame(2, 11, 14, Anchor::None)).collect();
        let text = render(frames, "def f():\n    return f()\n");
        assert!(
            text.contains("  [Previous line repeated 7 more times]\n"),
            "{text}"
        );
    }

    #[test]
    fn hierarchy() {
        assert!(is_subclass("ModuleNotFoundError", "ImportError"));
        assert!(is_subclass("KeyError", "Exception"));
        assert!(!is_subclass("SystemExit", "Exception"));
    }
}
