//! Running a compiled `sed` script over its input, as GNU sed 4.9's `execute.c` does.
//!
//! Files are read one after another as one stream (each on its own with `-s` or `-i`, which
//! also start each with an empty hold space); `$` looks ahead, opening the next files, so their
//! errors come when GNU prints them. A last line without its newline is printed without one
//! (until `q`). With `-i` each file's output replaces it: written into the same file when it is
//! a plain file of the user's, else into a new file with the old one's mode, as GNU's rename of
//! its temporary file leaves it; the change is journaled as any write.
//!
//! Work is bounded: the pattern and hold spaces may not grow past [`MAX_SPACE`] bytes and a run
//! may not do more than [`MAX_WORK`] steps (commands, and characters scanned by the matcher),
//! so `:a;ba` or a script doubling its pattern space stops with a message.

use super::script::{Addr, Command, End, Jump, Op, Program, Subst};
use super::text::{self, Case, Piece};
use crate::fs::{FileKind, FsError, OpenOptions};
use crate::programs::regex::Regex;
use crate::programs::Ctx;
use crate::trace::Event;
use std::collections::VecDeque;
use std::rc::Rc;

/// Largest pattern or hold space, in bytes.
pub const MAX_SPACE: usize = 4 << 20;
/// Most steps one run may take: one per command executed, one per byte of the spaces a command
/// works over and per byte printed, and for every regular expression search the characters
/// scanned (plus a few for setting up) times the program's size.
pub const MAX_WORK: u64 = 30_000_000;
/// What setting up a search costs, in characters scanned.
const SEARCH_SETUP: u64 = 8;
/// The name of the temporary file GNU sed would create for `-i` (its random part fixed).
const TEMP_NAME: &str = "sedq7RxWe";

/// How the script is run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `-n` (or `#n`): no automatic printing.
    pub quiet: bool,
    /// `-s` (implied by `-i`): each file on its own for line numbers and `$`.
    pub separate: bool,
    /// `-i[SUFFIX]`: edit files in place, backing each up under its name plus the suffix
    /// (a `*` in it stands for the file's name) when the suffix is not empty.
    pub in_place: Option<String>,
    /// `--follow-symlinks`: with `-i`, edit the file a link points to.
    pub follow_symlinks: bool,
    /// The byte that ends lines (`\n`, or NUL with `-z`).
    pub delimiter: u8,
    /// `l`'s line width (`-l`), 70 by default.
    pub line_length: usize,
    /// `--posix`: `N` on the last line prints nothing.
    pub posix: bool,
    /// What a run-time script error is prefixed with (`-e expression #1, char 0: `).
    pub error_prefix: String,
    /// Most steps the run may take ([`MAX_WORK`] for `sed`).
    pub work_limit: u64,
}

/// The state of a range address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Range {
    /// Waiting for its first address.
    Inactive,
    /// Inside; with the line that ends it when that is known.
    Active(Option<u64>),
    /// Over for good (the first address was a line number).
    Closed,
}

/// What ran out or went wrong and ends the run with a status.
#[derive(Debug)]
struct Stop(i32);

/// What the script asked for at the end of a command.
enum Flow {
    /// End of cycle: print the pattern space unless `-n` (or not, for `d`).
    EndCycle { print: bool },
    /// `D` with a newline: start again on what is left, without reading.
    Restart,
    /// `q`/`Q`.
    Quit(i32),
}

/// One input file, loaded.
struct Source {
    name: String,
    data: Vec<u8>,
    pos: usize,
}

/// An input still to read: its name, or its content already loaded by a look-ahead.
enum Pending {
    Name(String),
    Loaded(Source),
}

/// Where output goes: standard output, or the new content of a file edited in place.
struct Output {
    /// With `-i`: the file being edited and its new content.
    file: Option<InPlace>,
    /// A line was printed without its newline; one is due before anything else.
    missing_newline: bool,
}

/// A file being edited in place.
struct InPlace {
    /// The operand as given.
    path: String,
    /// What the script printed so far.
    content: Vec<u8>,
    /// Whether the content outgrew the largest file the filesystem takes.
    overflow: bool,
}

/// A run of the script.
pub struct Editor<'c, 'a> {
    ctx: &'c mut Ctx<'a>,
    program: &'c Program,
    opts: &'c Options,
    pending: VecDeque<Pending>,
    source: Option<Source>,
    /// The name `F` prints: the input file opened last (`-` for standard input).
    file_name: String,
    line_number: u64,
    space: String,
    hold: String,
    /// Whether the pattern space's last line had its newline (no newline is printed after it
    /// otherwise); the flag travels with the text through `g G h H x`.
    chomped: bool,
    /// The same for the hold space.
    hold_chomped: bool,
    appends: Vec<String>,
    replaced: bool,
    ranges: Vec<Range>,
    last_regex: Option<Rc<Regex>>,
    out: Output,
    bad_input: bool,
    work: u64,
}

impl<'c, 'a> Editor<'c, 'a> {
    /// An editor over these input files (`-` is standard input unless editing in place).
    pub fn new(ctx: &'c mut Ctx<'a>, program: &'c Program, opts: &'c Options, files: &[String]) -> Self {
        let mut editor = Editor {
            ctx,
            program,
            opts,
            pending: files.iter().cloned().map(Pending::Name).collect(),
            source: None,
            file_name: "-".into(),
            line_number: 0,
            space: String::new(),
            hold: String::new(),
            chomped: true,
            hold_chomped: true,
            appends: Vec::new(),
            replaced: false,
            ranges: Vec::new(),
            last_regex: None,
            out: Output { file: None, missing_newline: false },
            bad_input: false,
            work: 0,
        };
        editor.reset_ranges();
        editor
    }

    /// Runs the script over all input; returns the exit status.
    pub fn run(mut self) -> i32 {
        match self.cycles() {
            Ok(quit) => match (self.close_file(), quit) {
                (Err(Stop(status)), _) => status,
                (Ok(()), _) if self.bad_input => 2,
                (Ok(()), quit) => quit.unwrap_or(0),
            },
            Err(Stop(status)) => status,
        }
    }

    /// Reads lines and runs the script on each; `Some(status)` when `q` or `Q` ended it.
    fn cycles(&mut self) -> Result<Option<i32>, Stop> {
        'input: while let Some((line, chomped)) = self.read_line()? {
            self.space = line;
            self.chomped = chomped;
            self.replaced = false;
            loop {
                match self.execute()? {
                    Flow::EndCycle { print } => {
                        if print && !self.opts.quiet {
                            self.print_space()?;
                        }
                        self.dump_appends()?;
                        continue 'input;
                    }
                    Flow::Restart => {
                        self.dump_appends()?;
                    }
                    Flow::Quit(status) => return Ok(Some(status)),
                }
            }
        }
        Ok(None)
    }

    /// Runs the script once over the pattern space.
    fn execute(&mut self) -> Result<Flow, Stop> {
        let commands = &self.program.commands;
        let mut pc = 0;
        while let Some(cmd) = commands.get(pc) {
            self.spend(1)?;
            if !self.selected(pc, cmd)? {
                pc = match cmd.op {
                    Op::Block(end) => end,
                    _ => pc + 1,
                };
                continue;
            }
            pc += 1;
            if touches_space(&cmd.op) {
                self.spend(self.space.len() as u64 + self.hold.len() as u64 / 2)?;
            }
            match &cmd.op {
                Op::Block(_) | Op::EndBlock | Op::Label => {}
                Op::Subst(subst) => {
                    if self.substitute(subst)? {
                        self.replaced = true;
                        if subst.print {
                            self.print_space()?;
                        }
                    }
                }
                Op::Translit(pairs) => {
                    let mapped: String = self
                        .space
                        .chars()
                        .map(|c| pairs.binary_search_by_key(&c, |&(from, _)| from).map_or(c, |i| pairs[i].1))
                        .collect();
                    self.space = mapped;
                }
                Op::Print => self.print_space()?,
                Op::PrintFirst => {
                    let delim = char::from(self.opts.delimiter);
                    match self.space.find(delim) {
                        Some(at) => {
                            let mut first = text::encode(&self.space[..at]);
                            first.push(self.opts.delimiter);
                            self.emit(&first)?;
                        }
                        None => self.print_space()?,
                    }
                }
                Op::Delete => return Ok(Flow::EndCycle { print: false }),
                Op::DeleteFirst => {
                    let delim = char::from(self.opts.delimiter);
                    match self.space.find(delim) {
                        Some(at) => {
                            self.space.drain(..=at);
                            return Ok(Flow::Restart);
                        }
                        None => return Ok(Flow::EndCycle { print: false }),
                    }
                }
                Op::Quit { status, print } => {
                    if *print {
                        if !self.opts.quiet {
                            self.print_space()?;
                        }
                        self.dump_appends()?;
                        // `q` ends the output with the newline a last line lacked.
                        self.emit(b"")?;
                    }
                    return Ok(Flow::Quit(*status));
                }
                Op::LineNumber => {
                    let line = format!("{}\n", self.line_number);
                    self.emit(line.as_bytes())?;
                }
                Op::Next => {
                    // GNU prints before it looks for a next line (and its look-ahead errors).
                    if !self.opts.quiet {
                        self.print_space()?;
                    }
                    if self.is_last()? {
                        return Ok(Flow::EndCycle { print: false });
                    }
                    self.dump_appends()?;
                    match self.read_line()? {
                        Some((line, chomped)) => {
                            self.space = line;
                            self.chomped = chomped;
                        }
                        None => return Ok(Flow::EndCycle { print: false }),
                    }
                }
                Op::NextAppend => {
                    if self.is_last()? {
                        return Ok(Flow::EndCycle { print: !self.opts.posix });
                    }
                    self.dump_appends()?;
                    match self.read_line()? {
                        Some((line, chomped)) => {
                            self.space.push(char::from(self.opts.delimiter));
                            self.space.push_str(&line);
                            self.chomped = chomped;
                            self.check_space()?;
                        }
                        None => return Ok(Flow::EndCycle { print: !self.opts.posix }),
                    }
                }
                Op::Get => {
                    self.space.clone_from(&self.hold);
                    self.chomped = self.hold_chomped;
                }
                Op::GetAppend => {
                    self.space.push(char::from(self.opts.delimiter));
                    let hold = std::mem::take(&mut self.hold);
                    self.space.push_str(&hold);
                    self.hold = hold;
                    self.chomped = self.hold_chomped;
                    self.check_space()?;
                }
                Op::Hold => {
                    self.hold.clone_from(&self.space);
                    self.hold_chomped = self.chomped;
                }
                Op::HoldAppend => {
                    self.hold.push(char::from(self.opts.delimiter));
                    self.hold.push_str(&self.space);
                    self.hold_chomped = self.chomped;
                    self.check_space()?;
                }
                Op::Exchange => {
                    std::mem::swap(&mut self.space, &mut self.hold);
                    std::mem::swap(&mut self.chomped, &mut self.hold_chomped);
                }
                Op::Branch(jump, target) => {
                    let go = match jump {
                        Jump::Always => true,
                        Jump::IfSubstituted => std::mem::take(&mut self.replaced),
                        Jump::IfNot => !std::mem::take(&mut self.replaced),
                    };
                    if go {
                        pc = *target;
                    }
                }
                Op::Append(text) => self.appends.push(text.clone()),
                Op::Insert(text) => self.emit(&text::encode(text))?,
                Op::Change(text) => {
                    // A range prints the text once, at its end.
                    if !matches!(self.ranges[pc - 1], Range::Active(_)) {
                        self.emit(&text::encode(text))?;
                    }
                    return Ok(Flow::EndCycle { print: false });
                }
                Op::List(width) => {
                    let listed = text::listing(&self.space, width.unwrap_or(self.opts.line_length));
                    self.emit(listed.as_bytes())?;
                }
                Op::Zap => self.space.clear(),
                Op::FileName => {
                    let line = format!("{}\n", self.file_name);
                    self.emit(line.as_bytes())?;
                }
            }
        }
        Ok(Flow::EndCycle { print: true })
    }

    /// Counts work, stopping the run past [`MAX_WORK`].
    fn spend(&mut self, units: u64) -> Result<(), Stop> {
        self.work = self.work.saturating_add(units);
        if self.work > self.opts.work_limit {
            let limit = self.opts.work_limit;
            return Err(self.limit(&format!("stopped after {limit} steps (venvlab limit)")));
        }
        Ok(())
    }

    /// Stops the run past [`MAX_SPACE`].
    fn check_space(&mut self) -> Result<(), Stop> {
        if self.space.len() > MAX_SPACE || self.hold.len() > MAX_SPACE {
            return Err(self.limit(&format!("pattern or hold space larger than {MAX_SPACE} bytes (venvlab limit)")));
        }
        Ok(())
    }

    /// Reports a limit of the simulation; the run ends with status 4.
    fn limit(&mut self, message: &str) -> Stop {
        self.ctx.trace.push(Event::Limit(format!("sed: {message}")));
        self.ctx.error("sed", message);
        Stop(4)
    }

    // ----- addresses -----

    /// Whether the command at `index` applies to the current line (`!` applied).
    fn selected(&mut self, index: usize, cmd: &Command) -> Result<bool, Stop> {
        let Some(a1) = &cmd.a1 else { return Ok(!cmd.negate) };
        let hit = match &cmd.a2 {
            None => self.match_addr(a1)?,
            Some(a2) => self.match_range(index, a1, a2)?,
        };
        Ok(hit != cmd.negate)
    }

    /// Whether a single address matches the current line.
    fn match_addr(&mut self, addr: &Addr) -> Result<bool, Stop> {
        let l = self.line_number;
        Ok(match addr {
            Addr::Line(n) => l == *n,
            Addr::Step(first, step) => l >= *first && (l - first) % step == 0,
            Addr::Last => self.is_last()?,
            Addr::Regex(re) => self.matches(re.as_ref())?,
        })
    }

    /// Whether a range matches the current line, moving its state on.
    fn match_range(&mut self, index: usize, a1: &Addr, a2: &End) -> Result<bool, Stop> {
        let l = self.line_number;
        let close = |a1: &Addr| if matches!(a1, Addr::Line(_)) { Range::Closed } else { Range::Inactive };
        match self.ranges[index] {
            Range::Closed => Ok(false),
            Range::Inactive => {
                let (hit, skipped) = match a1 {
                    Addr::Line(n) => (l >= *n, l > *n),
                    other => (self.match_addr(other)?, false),
                };
                if !hit {
                    return Ok(false);
                }
                let state = match a2 {
                    End::Line(e) if *e > l => Range::Active(Some(*e)),
                    End::Line(e) if *e < l && skipped => return Ok(false),
                    End::Line(_) => close(a1),
                    End::Plus(n) if *n > 0 => Range::Active(Some(l.saturating_add(*n))),
                    End::Plus(_) | End::Multiple(0) => close(a1),
                    End::Multiple(_) => Range::Active(None),
                    // A range whose end is `$` reached on its last line is that line alone.
                    End::Last if self.is_last()? => close(a1),
                    End::Step(..) | End::Last | End::Regex(_) => Range::Active(None),
                };
                self.ranges[index] = state;
                Ok(true)
            }
            Range::Active(end) => {
                // Lines skipped by `n` or `N` can carry a range past its end: a line number
                // end then no longer selects, a `+N` end still does (as in GNU).
                let finished = match (a2, end) {
                    (End::Line(_), Some(e)) if l > e => {
                        self.ranges[index] = close(a1);
                        return Ok(false);
                    }
                    (_, Some(e)) => l >= e,
                    (End::Last, None) => self.is_last()?,
                    (End::Regex(re), None) => self.matches(re.as_ref())?,
                    (End::Step(first, step), None) => l >= *first && *step > 0 && (l - first) % step == 0,
                    (End::Multiple(n), None) => *n == 0 || l % n == 0,
                    (_, None) => true,
                };
                if finished {
                    self.ranges[index] = close(a1);
                }
                Ok(true)
            }
        }
    }

    /// Puts every range back to its start (`0,/re/` ranges start open).
    fn reset_ranges(&mut self) {
        self.ranges = self
            .program
            .commands
            .iter()
            .map(|c| match (&c.a1, &c.a2) {
                (Some(Addr::Line(0)), Some(_)) => Range::Active(None),
                _ => Range::Inactive,
            })
            .collect();
    }

    /// The regular expression to use (`None`: the last one used).
    fn resolve(&mut self, re: Option<&Rc<Regex>>) -> Result<Rc<Regex>, Stop> {
        match re.or(self.last_regex.as_ref()) {
            Some(re) => {
                let re = Rc::clone(re);
                self.last_regex = Some(Rc::clone(&re));
                Ok(re)
            }
            None => {
                let message = format!("sed: {}no previous regular expression\n", self.opts.error_prefix);
                self.ctx.err(message);
                Err(Stop(1))
            }
        }
    }

    /// Whether a regular expression matches the pattern space.
    fn matches(&mut self, re: Option<&Rc<Regex>>) -> Result<bool, Stop> {
        let re = self.resolve(re)?;
        let text = re.prepare(&self.space);
        self.spend((text.len() as u64 + SEARCH_SETUP).saturating_mul(re.size() as u64))?;
        Ok(re.is_match(&text))
    }

    // ----- s -----

    /// Runs `s` on the pattern space; whether it replaced anything.
    fn substitute(&mut self, subst: &Subst) -> Result<bool, Stop> {
        let re = self.resolve(subst.regex.as_ref())?;
        let chars: Vec<char> = self.space.chars().collect();
        let text = re.prepare(&self.space);
        let wants_groups = subst.pieces.iter().any(|p| matches!(p, Piece::Group(n) if *n > 0));
        let mut out = String::new();
        let mut copied = 0;
        let mut start = 0;
        let mut count = 0u64;
        let mut after_match: Option<usize> = None;
        let mut replaced = false;
        while start <= text.len() {
            let found = re.find_at(&text, start);
            let scanned = found.map_or(text.len(), |(_, end)| end) - start + SEARCH_SETUP as usize;
            self.spend((scanned as u64).saturating_mul(re.size() as u64))?;
            let Some((ms, me)) = found else { break };
            if ms == me && after_match == Some(ms) {
                // No empty match right where the previous match ended.
                start = ms + 1;
                continue;
            }
            count += 1;
            if count >= subst.nth {
                let wanted = text::highest_group(&subst.pieces);
                if wanted > re.groups() {
                    // Only `s//.../` gets here: the last regular expression has fewer groups.
                    let prefix = &self.opts.error_prefix;
                    self.ctx.err_fmt(format_args!("sed: {prefix}invalid reference \\{wanted} on `s' command's RHS\n"));
                    return Err(Stop(1));
                }
                out.extend(&chars[copied..ms]);
                let groups = if wants_groups { re.captures(&text, (ms, me)) } else { vec![Some((ms, me))] };
                expand(&mut out, &subst.pieces, &chars, &groups);
                copied = me;
                replaced = true;
                if out.len() > MAX_SPACE {
                    return Err(
                        self.limit(&format!("pattern or hold space larger than {MAX_SPACE} bytes (venvlab limit)"))
                    );
                }
                if !subst.global {
                    break;
                }
            }
            if me > ms {
                start = me;
                after_match = Some(me);
            } else {
                start = me + 1;
                after_match = None;
            }
        }
        if !replaced {
            return Ok(false);
        }
        out.extend(&chars[copied..]);
        self.space = out;
        Ok(true)
    }

    // ----- input -----

    /// The next input line and whether it ended with the delimiter; opens the next files as
    /// needed (committing a file edited in place when its input is done).
    fn read_line(&mut self) -> Result<Option<(String, bool)>, Stop> {
        loop {
            if let Some(source) = &mut self.source {
                if source.pos < source.data.len() {
                    let rest = &source.data[source.pos..];
                    let (line, chomped, used) = match rest.iter().position(|&b| b == self.opts.delimiter) {
                        Some(at) => (&rest[..at], true, at + 1),
                        None => (rest, false, rest.len()),
                    };
                    let line = text::decode(line);
                    source.pos += used;
                    self.line_number += 1;
                    return Ok(Some((line, chomped)));
                }
                self.close_file()?;
                self.source = None;
            }
            let Some(next) = self.pending.pop_front() else { return Ok(None) };
            let source = match next {
                Pending::Loaded(source) => source,
                Pending::Name(name) => match self.open(&name)? {
                    Some(source) => source,
                    None => continue,
                },
            };
            if self.opts.separate {
                self.line_number = 0;
                self.reset_ranges();
                self.hold.clear();
                self.hold_chomped = true;
            }
            self.file_name.clone_from(&source.name);
            if self.opts.in_place.is_some() {
                self.out.file = Some(InPlace { path: source.name.clone(), content: Vec::new(), overflow: false });
                self.out.missing_newline = false;
            }
            self.source = Some(source);
        }
    }

    /// Whether the current line is the last (of its file with `-s`/`-i`): looks ahead through
    /// the next files, reporting those that cannot be read.
    fn is_last(&mut self) -> Result<bool, Stop> {
        if self.source.as_ref().is_some_and(|s| s.pos < s.data.len()) {
            return Ok(false);
        }
        if self.opts.separate {
            return Ok(true);
        }
        let mut index = 0;
        while index < self.pending.len() {
            if let Pending::Name(name) = &self.pending[index] {
                let name = name.clone();
                match self.open(&name)? {
                    Some(source) => {
                        // As in GNU, `F` names the file opened last, even by this look-ahead.
                        self.file_name.clone_from(&source.name);
                        self.pending[index] = Pending::Loaded(source);
                    }
                    None => {
                        self.pending.remove(index);
                        continue;
                    }
                }
            }
            if let Pending::Loaded(source) = &self.pending[index] {
                if !source.data.is_empty() {
                    return Ok(false);
                }
            }
            index += 1;
        }
        Ok(true)
    }

    /// Loads an input file; `None` (after the message) when it cannot be read.
    fn open(&mut self, name: &str) -> Result<Option<Source>, Stop> {
        let in_place = self.opts.in_place.is_some();
        if name == "-" && !in_place {
            let data = self.ctx.stdin();
            return Ok(Some(Source { name: name.to_string(), data, pos: 0 }));
        }
        let data = match self.ctx.fs.read(name) {
            Ok(data) => data.to_vec(),
            Err(FsError::IsDir) => {
                let message = if in_place {
                    format!("couldn't edit {name}: not a regular file")
                } else {
                    format!("read error on {name}: Is a directory")
                };
                self.ctx.error("sed", message);
                return Err(Stop(4));
            }
            Err(err) => {
                self.ctx.error("sed", format!("can't read {name}: {err}"));
                self.bad_input = true;
                return Ok(None);
            }
        };
        if in_place {
            // GNU names its temporary file after the directory part of the name as given.
            let dir = self.edit_target(name).rsplit_once('/').map_or(".".to_string(), |(d, _)| d.to_string());
            let checked = if dir.is_empty() { "/" } else { dir.as_str() };
            if let Err(err) = self.ctx.fs.access(checked, 3) {
                self.ctx.error("sed", format!("couldn't open temporary file {dir}/{TEMP_NAME}: {err}"));
                return Err(Stop(4));
            }
        }
        Ok(Some(Source { name: name.to_string(), data, pos: 0 }))
    }

    /// The path `-i` writes for an operand: the operand, or with `--follow-symlinks` the file
    /// its links lead to.
    fn edit_target(&self, name: &str) -> String {
        if self.opts.follow_symlinks {
            self.ctx.fs.realpath(name).unwrap_or_else(|_| name.to_string())
        } else {
            name.to_string()
        }
    }

    /// Writes the file being edited in place, if any.
    fn close_file(&mut self) -> Result<(), Stop> {
        let Some(edit) = self.out.file.take() else { return Ok(()) };
        self.out.missing_newline = false;
        let target = self.edit_target(&edit.path);
        let result = if edit.overflow { Err(FsError::TooBig) } else { self.commit(&target, &edit.content) };
        if let Err(err) = result {
            let message = match err {
                FsError::TooBig | FsError::NoSpace => {
                    let dir = target.rsplit_once('/').map_or(".", |(d, _)| d);
                    format!("couldn't write {} items to {dir}/{TEMP_NAME}: {err}", edit.content.len())
                }
                _ => format!("cannot rename {target}: {err}"),
            };
            self.ctx.error("sed", message);
            return Err(Stop(4));
        }
        Ok(())
    }

    /// Replaces the file at `target` by `content` as GNU's rename of its temporary file does:
    /// same mode (and owner, for root), the old content kept under the backup name if asked.
    fn commit(&mut self, target: &str, content: &[u8]) -> Result<(), FsError> {
        let meta = self.ctx.fs.stat(target)?;
        let link = self.ctx.fs.lstat(target)?;
        let cred = self.ctx.fs.cred();
        let backup = self.opts.in_place.as_deref().filter(|s| !s.is_empty()).map(|suffix| backup_name(target, suffix));
        let own = cred.uid == 0 || cred.uid == meta.uid;
        if backup.is_none() && link.kind == FileKind::File && link.nlink == 1 && own {
            let ino = self.ctx.fs.resolve(target, true)?;
            self.ctx.fs.write_ino(ino, content)?;
            return self.ctx.fs.note_modified(target);
        }
        match &backup {
            Some(backup) => self.ctx.fs.rename(target, backup)?,
            None => self.ctx.fs.unlink(target)?,
        }
        let opts = OpenOptions { create: true, exclusive: true, truncate: true };
        let ino = self.ctx.fs.open_write(target, opts)?;
        self.ctx.fs.chmod(target, meta.perm)?;
        if cred.uid == 0 {
            self.ctx.fs.chown(target, meta.uid, meta.gid)?;
        }
        self.ctx.fs.append(ino, content)
    }

    // ----- output -----

    /// Writes bytes to the output, first the newline a line printed without one still owes.
    fn emit(&mut self, bytes: &[u8]) -> Result<(), Stop> {
        let owed = std::mem::take(&mut self.out.missing_newline);
        let max = self.ctx.fs.limits().max_file_size;
        match &mut self.out.file {
            Some(edit) => {
                if owed {
                    edit.content.push(self.opts.delimiter);
                }
                if edit.content.len() + bytes.len() > max {
                    edit.overflow = true;
                } else {
                    edit.content.extend_from_slice(bytes);
                }
            }
            None => {
                if owed {
                    self.ctx.out([self.opts.delimiter]);
                }
                self.ctx.out(bytes);
            }
        }
        self.spend(bytes.len() as u64)
    }

    /// Prints the pattern space and its newline (none if its last line had none).
    fn print_space(&mut self) -> Result<(), Stop> {
        let mut bytes = text::encode(&self.space);
        if self.chomped {
            bytes.push(self.opts.delimiter);
        }
        self.emit(&bytes)?;
        self.out.missing_newline = !self.chomped;
        Ok(())
    }

    /// Prints the texts `a` queued.
    fn dump_appends(&mut self) -> Result<(), Stop> {
        for text in std::mem::take(&mut self.appends) {
            self.emit(&text::encode(&text))?;
        }
        Ok(())
    }
}

/// Whether a command works over the whole pattern (or hold) space, costing its length.
fn touches_space(op: &Op) -> bool {
    matches!(
        op,
        Op::Subst(_)
            | Op::Translit(_)
            | Op::PrintFirst
            | Op::DeleteFirst
            | Op::List(_)
            | Op::Get
            | Op::GetAppend
            | Op::Hold
            | Op::HoldAppend
            | Op::NextAppend
    )
}

/// The backup name for `-i SUFFIX`: `*` in the suffix stands for the file's name (and a suffix
/// with a `/` names a path), else the suffix is appended.
fn backup_name(target: &str, suffix: &str) -> String {
    if !suffix.contains('*') {
        return format!("{target}{suffix}");
    }
    let (dir, base) = target.rsplit_once('/').map_or(("", target), |(d, b)| (d, b));
    let name = suffix.replace('*', base);
    if name.contains('/') || dir.is_empty() {
        name
    } else {
        format!("{dir}/{name}")
    }
}

/// Appends a replacement, with what the groups matched and the case changes in force.
fn expand(out: &mut String, pieces: &[Piece], chars: &[char], groups: &[Option<(usize, usize)>]) {
    let mut persistent = Case::End;
    let mut next = None;
    for piece in pieces {
        match piece {
            Piece::Literal(text) => text::push_cased(out, text, persistent, &mut next),
            Piece::Group(n) => {
                if let Some(Some((s, e))) = groups.get(*n) {
                    let text: String = chars[*s..*e].iter().collect();
                    text::push_cased(out, &text, persistent, &mut next);
                }
            }
            Piece::Case(case @ (Case::Upper | Case::Lower | Case::End)) => persistent = *case,
            Piece::Case(case) => next = Some(*case),
        }
    }
}
