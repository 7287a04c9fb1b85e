//! Redirections: pointing descriptors 0–2 at files, buffers or each other for one command.
//!
//! Files named by `>`/`>>`/`&>` are opened (created or emptied) before the command runs, as
//! bash does, and what the command writes to them is flushed when it ends. `/dev/null`,
//! `/dev/stdout` and `/dev/stderr` behave as the devices.

use super::ast::{RedirOp, Redirect};
use super::exec::Interp;
use crate::fs::{FsError, OpenOptions};
use crate::io::{Input, PendingFile, Sink};

/// The descriptors as they were before a command's redirections, to restore after it.
struct Saved {
    stdin: Input,
    stdout: Sink,
    stderr: Sink,
}

/// Where a redirection's file name leads.
enum Opened {
    File(PendingFile),
    Device(Sink),
}

impl Interp<'_> {
    /// Applies redirections, runs `f`, flushes and restores. `None` when a redirection failed
    /// (its error was printed and the command did not run).
    pub fn with_redirects<T>(&mut self, redirects: &[Redirect], f: impl FnOnce(&mut Self) -> T) -> Option<T> {
        if redirects.is_empty() {
            return Some(f(self));
        }
        let saved = Saved { stdin: self.io.stdin.clone(), stdout: self.io.stdout, stderr: self.io.stderr };
        let mut files = Vec::new();
        let mut ok = true;
        for redirect in redirects {
            if !self.apply(redirect, &mut files) {
                ok = false;
                break;
            }
        }
        let result = ok.then(|| f(self));
        for (file, appended_to) in files {
            let data = self.io.take_buffer(file.buffer);
            if data.is_empty() {
                continue;
            }
            match self.fs.append(file.ino, &data) {
                Ok(()) => {
                    if let Some(path) = appended_to {
                        let _ = self.fs.note_modified(&path);
                    }
                }
                Err(e) => {
                    self.io.stdout = saved.stdout;
                    self.io.stderr = saved.stderr;
                    self.error(format_args!("write error: {e}"));
                }
            }
        }
        self.io.stdin = saved.stdin;
        self.io.stdout = saved.stdout;
        self.io.stderr = saved.stderr;
        if !ok {
            self.sh.status = 1;
        }
        result
    }

    /// Applies one redirection; files it opens are added to `files`, with their path when
    /// appended to (an existing file whose change the journal has not seen yet).
    fn apply(&mut self, redirect: &Redirect, files: &mut Vec<(PendingFile, Option<String>)>) -> bool {
        let raw = redirect.target.as_str();
        match redirect.op {
            RedirOp::HereDoc { expand } => {
                let body = if expand { self.expand_heredoc(raw) } else { Some(raw.to_string()) };
                let Some(body) = body else { return false };
                self.set_input(redirect.fd.unwrap_or(0), Input::bytes(body.into_bytes()))
            }
            RedirOp::HereString => {
                let Some(text) = self.expand_string(raw) else { return false };
                self.set_input(redirect.fd.unwrap_or(0), Input::bytes(format!("{text}\n").into_bytes()))
            }
            RedirOp::DupOut | RedirOp::DupIn => {
                let Some(target) = self.expand_string(raw) else { return false };
                let default = if redirect.op == RedirOp::DupOut { 1 } else { 0 };
                self.dup(redirect.fd.unwrap_or(default), &target)
            }
            op => {
                let Some(path) = self.redirect_target(raw) else { return false };
                match op {
                    RedirOp::Read => match self.open_read(&path) {
                        Ok(input) => self.set_input(redirect.fd.unwrap_or(0), input),
                        Err(e) => self.fail(&path, e),
                    },
                    RedirOp::Write | RedirOp::Append | RedirOp::WriteBoth | RedirOp::AppendBoth => {
                        let append = matches!(op, RedirOp::Append | RedirOp::AppendBoth);
                        let sink = match self.open_write(&path, append) {
                            Ok(Opened::Device(sink)) => sink,
                            Ok(Opened::File(file)) => {
                                files.push((file, append.then(|| path.clone())));
                                Sink::Buffer(file.buffer)
                            }
                            Err(e) => return self.fail(&path, e),
                        };
                        if matches!(op, RedirOp::WriteBoth | RedirOp::AppendBoth) {
                            self.io.stdout = sink;
                            self.io.stderr = sink;
                            true
                        } else {
                            self.set_output(redirect.fd.unwrap_or(1), sink)
                        }
                    }
                    _ => true,
                }
            }
        }
    }

    /// Expands a redirection's file name: exactly one word, or "ambiguous redirect".
    fn redirect_target(&mut self, raw: &str) -> Option<String> {
        let fields = self.expand_words(&[super::ast::Word(raw.to_string())])?;
        if fields.len() == 1 && !fields[0].is_empty() {
            return fields.into_iter().next();
        }
        if fields.is_empty() || fields.len() > 1 {
            self.error(format_args!("{raw}: ambiguous redirect"));
        } else {
            self.error(": No such file or directory");
        }
        None
    }

    fn open_read(&mut self, path: &str) -> Result<Input, FsError> {
        if self.device(path).is_some() {
            return Ok(Input::bytes(Vec::new()));
        }
        let data = self.fs.read(path)?;
        Ok(Input::bytes(data.to_vec()))
    }

    fn open_write(&mut self, path: &str, append: bool) -> Result<Opened, FsError> {
        if let Some(sink) = self.device(path) {
            return Ok(Opened::Device(sink));
        }
        let ino = self.fs.open_write(path, OpenOptions { create: true, exclusive: false, truncate: !append })?;
        Ok(Opened::File(PendingFile { ino, buffer: self.io.new_buffer() }))
    }

    /// The sink a device file stands for.
    fn device(&self, path: &str) -> Option<Sink> {
        match self.fs.realpath(path).ok()?.as_str() {
            "/dev/null" => Some(Sink::Null),
            "/dev/stdout" => Some(self.io.stdout),
            "/dev/stderr" => Some(self.io.stderr),
            _ => None,
        }
    }

    fn dup(&mut self, fd: u32, target: &str) -> bool {
        let sink = match target {
            "-" => Sink::Closed,
            "0" if fd == 0 => return true,
            "1" => self.io.stdout,
            "2" => self.io.stderr,
            other => {
                self.error(format_args!("{other}: Bad file descriptor"));
                return false;
            }
        };
        self.set_output(fd, sink)
    }

    fn set_output(&mut self, fd: u32, sink: Sink) -> bool {
        match fd {
            1 => self.io.stdout = sink,
            2 => self.io.stderr = sink,
            0 => self.io.stdin = Input::Terminal,
            _ => {}
        }
        true
    }

    fn set_input(&mut self, fd: u32, input: Input) -> bool {
        if fd == 0 {
            self.io.stdin = input;
        }
        true
    }

    fn fail(&mut self, path: &str, e: FsError) -> bool {
        self.error(format_args!("{path}: {e}"));
        false
    }
}
