//! Process I/O: where file descriptors 0, 1 and 2 lead, the terminal screen and its keyboard.
//!
//! Nothing runs concurrently, so a pipe is a buffer the left command fills before the right one
//! reads it, and a redirection to a file is a buffer flushed into the file when its command ends.
//! Writes to the terminal keep stdout and stderr apart but in the order they happened. Every
//! buffer is bounded: past [`MAX_OUTPUT`] bytes per command, output is dropped and counted.
//!
//! Reading the terminal takes the lines typed so far for the running command ([`Keyboard`]).
//! When none is left, the read *starves*: it returns end of input, and the session, which
//! knows the run is then worthless, shows the output up to that point, waits for the user's
//! next line, and replays the whole command from its start with one more line typed. Runs are
//! deterministic, so the replay reaches the same point and goes on; no call ever blocks.

use crate::fs::Ino;
use std::cell::Cell;
use std::rc::Rc;

/// Most bytes one command may write to the terminal, and to any one pipe or capture.
pub const MAX_OUTPUT: usize = 1 << 20;

/// The two output streams of a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stream {
    /// File descriptor 1.
    Stdout,
    /// File descriptor 2.
    Stderr,
}

/// Where an output descriptor leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sink {
    /// The terminal, on this stream.
    Terminal(Stream),
    /// A buffer of this `Io` (a pipe, a command substitution, or a file's pending writes).
    Buffer(usize),
    /// Discarded (`/dev/null`).
    Null,
    /// Closed (`>&-`): writing fails with `Bad file descriptor`.
    Closed,
}

/// Standard input: bytes with a read position shared by every copy (so `read` in a loop
/// consumes a file line by line), or the terminal, which has nothing typed ahead.
#[derive(Debug, Clone, Default)]
pub enum Input {
    /// The terminal: reading gives end of file.
    #[default]
    Terminal,
    /// Bytes from a pipe, file, here-document or here-string.
    Bytes {
        /// The content.
        data: Rc<Vec<u8>>,
        /// How much has been consumed.
        pos: Rc<Cell<usize>>,
    },
}

impl Input {
    /// Input over these bytes, from the start.
    pub fn bytes(data: Vec<u8>) -> Input {
        Input::Bytes { data: Rc::new(data), pos: Rc::new(Cell::new(0)) }
    }

    /// Consumes and returns everything not read yet.
    pub fn read_all(&self) -> Vec<u8> {
        match self {
            Input::Terminal => Vec::new(),
            Input::Bytes { data, pos } => {
                let start = pos.get().min(data.len());
                pos.set(data.len());
                data[start..].to_vec()
            }
        }
    }

    /// Consumes one line (without its newline); `None` at end of input.
    pub fn read_line(&self) -> Option<Vec<u8>> {
        match self {
            Input::Terminal => None,
            Input::Bytes { data, pos } => {
                let start = pos.get().min(data.len());
                if start >= data.len() {
                    return None;
                }
                let rest = &data[start..];
                let (line, used) = match rest.iter().position(|&b| b == b'\n') {
                    Some(i) => (&rest[..i], i + 1),
                    None => (rest, rest.len()),
                };
                pos.set(start + used);
                Some(line.to_vec())
            }
        }
    }
}

/// The lines typed at the terminal for the running command, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keyboard {
    /// The lines typed, without their newlines.
    pub lines: Vec<String>,
    /// Whether the user ended input (Ctrl-D) after the last line.
    pub eof: bool,
}

/// A file that a redirection opened, with the buffer holding what was written to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingFile {
    /// The file's inode.
    pub ino: Ino,
    /// The buffer of writes not yet flushed.
    pub buffer: usize,
}

/// The file descriptors of the running command and everything it wrote.
#[derive(Debug, Clone)]
pub struct Io {
    /// Standard input.
    pub stdin: Input,
    /// Where fd 1 leads.
    pub stdout: Sink,
    /// Where fd 2 leads.
    pub stderr: Sink,
    /// Whether fd 1 or 2 reaching the terminal counts as a terminal (`isatty`): true in the web
    /// terminal and the interactive CLI, false in transcript mode, where the screen is a pipe.
    pub tty: bool,
    /// Terminal width in columns, for programs that lay out columns.
    pub columns: usize,
    screen: Vec<(Stream, Vec<u8>)>,
    screen_bytes: usize,
    buffers: Vec<Vec<u8>>,
    dropped: usize,
    keyboard: Keyboard,
    typed_read: usize,
    starved_at: Option<usize>,
}

impl Io {
    /// Descriptors wired to the terminal.
    pub fn new(tty: bool, columns: usize) -> Io {
        Io {
            stdin: Input::Terminal,
            stdout: Sink::Terminal(Stream::Stdout),
            stderr: Sink::Terminal(Stream::Stderr),
            tty,
            columns: columns.clamp(1, 1000),
            screen: Vec::new(),
            screen_bytes: 0,
            buffers: Vec::new(),
            dropped: 0,
            keyboard: Keyboard::default(),
            typed_read: 0,
            starved_at: None,
        }
    }

    /// Descriptors wired to a terminal on which these lines will be typed.
    pub fn with_keyboard(tty: bool, columns: usize, keyboard: Keyboard) -> Io {
        Io { keyboard, ..Io::new(tty, columns) }
    }

    /// Reads one line (without its newline) from standard input; `None` at end of input. On
    /// the terminal, a line typed for this command, or end of input after Ctrl-D; with nothing
    /// typed yet the read starves (see the module documentation).
    pub fn read_line(&mut self) -> Option<Vec<u8>> {
        match &self.stdin {
            Input::Bytes { .. } => self.stdin.read_line(),
            Input::Terminal => self.next_typed(),
        }
    }

    /// Reads the rest of standard input; on the terminal, every line until Ctrl-D.
    pub fn read_all(&mut self) -> Vec<u8> {
        match &self.stdin {
            Input::Bytes { .. } => self.stdin.read_all(),
            Input::Terminal => {
                let mut all = Vec::new();
                while let Some(line) = self.next_typed() {
                    all.extend_from_slice(&line);
                    all.push(b'\n');
                }
                all
            }
        }
    }

    fn next_typed(&mut self) -> Option<Vec<u8>> {
        if let Some(line) = self.keyboard.lines.get(self.typed_read) {
            self.typed_read += 1;
            return Some(line.clone().into_bytes());
        }
        if !self.keyboard.eof && self.starved_at.is_none() {
            self.starved_at = Some(self.screen_bytes);
        }
        None
    }

    /// Where the terminal output stood (in bytes) when a terminal read found nothing typed:
    /// the run is waiting for the user from that point on.
    pub fn starved_at(&self) -> Option<usize> {
        self.starved_at
    }

    /// Writes to fd 1 (1) or fd 2 (2); any other fd is closed. Returns false when the
    /// descriptor is closed.
    pub fn write(&mut self, fd: u32, bytes: &[u8]) -> bool {
        let sink = match fd {
            1 => self.stdout,
            2 => self.stderr,
            _ => Sink::Closed,
        };
        self.write_sink(sink, bytes)
    }

    /// Writes to a sink.
    pub fn write_sink(&mut self, sink: Sink, bytes: &[u8]) -> bool {
        match sink {
            Sink::Terminal(stream) => {
                let room = MAX_OUTPUT.saturating_sub(self.screen_bytes);
                let take = bytes.len().min(room);
                self.dropped += bytes.len() - take;
                self.screen_bytes += take;
                match self.screen.last_mut() {
                    Some((s, buf)) if *s == stream => buf.extend_from_slice(&bytes[..take]),
                    _ if take > 0 => self.screen.push((stream, bytes[..take].to_vec())),
                    _ => {}
                }
                true
            }
            Sink::Buffer(i) => {
                if let Some(buf) = self.buffers.get_mut(i) {
                    let take = bytes.len().min(MAX_OUTPUT.saturating_sub(buf.len()));
                    self.dropped += bytes.len() - take;
                    buf.extend_from_slice(&bytes[..take]);
                }
                true
            }
            Sink::Null => true,
            Sink::Closed => false,
        }
    }

    /// Whether fd 1 (1) or fd 2 (2) is a terminal.
    pub fn isatty(&self, fd: u32) -> bool {
        let sink = if fd == 2 { self.stderr } else { self.stdout };
        self.tty && matches!(sink, Sink::Terminal(_))
    }

    /// A new empty buffer.
    pub fn new_buffer(&mut self) -> usize {
        self.buffers.push(Vec::new());
        self.buffers.len() - 1
    }

    /// Takes a buffer's content, leaving it empty.
    pub fn take_buffer(&mut self, i: usize) -> Vec<u8> {
        self.buffers.get_mut(i).map(std::mem::take).unwrap_or_default()
    }

    /// Takes what reached the terminal so far, in order, and the number of bytes dropped.
    pub fn take_screen(&mut self) -> (Vec<(Stream, Vec<u8>)>, usize) {
        self.screen_bytes = 0;
        (std::mem::take(&mut self.screen), std::mem::take(&mut self.dropped))
    }
}
