//! Process I/O: where file descriptors 0, 1 and 2 lead, and the terminal screen.
//!
//! Nothing runs concurrently, so a pipe is a buffer the left command fills before the right one
//! reads it, and a redirection to a file is a buffer flushed into the file when its command ends.
//! Writes to the terminal keep stdout and stderr apart but in the order they happened. Every
//! buffer is bounded: past [`MAX_OUTPUT`] bytes per command, output is dropped and counted.

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
        }
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
