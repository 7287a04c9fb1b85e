//! `chmod`: change permission bits, as GNU coreutils 9.1 does.
//!
//! Modes are octal (`755`) or symbolic (`u+x`, `go-w`, `a=r`, `u=rwx,g=rx,o=`, `+x`), compiled
//! and applied exactly as gnulib's `modechange` does (an operation without `ugoa` respects the
//! umask; directories keep their set-id bits unless a mode mentions them). `-R` walks a tree
//! without following symlinks, `-v`/`-c` report, `-f` is quiet, `--reference` copies a mode. A
//! mode written like an option (`chmod -w f`) works and warns when the umask got in the way.
//! The mode compiler is shared with `mkdir -m`.

use super::args::{self, Spec};
use super::walk::{self, quote, quote_locale, quotef, Order, Step, Visit, Visitor};
use super::{fmt, Ctx};
use crate::fs::{FileKind, FsError, Metadata};

const CHMOD_MODE_BITS: u32 = 0o7777;
const S_ISUID: u32 = 0o4000;
const S_ISGID: u32 = 0o2000;
const S_ISVTX: u32 = 0o1000;
const S_IRWXU: u32 = 0o700;
const S_IRWXG: u32 = 0o070;
const S_IRWXO: u32 = 0o007;
const S_IRWXUGO: u32 = 0o777;

/// What a mode operation does besides setting plain bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flag {
    Ordinary,
    /// `X`: execute only if some execute bit is set already, or for a directory.
    XIfAnyX,
    /// `u`, `g` or `o` after the operator: copy those existing bits.
    CopyExisting,
}

/// One compiled operation of a mode, e.g. `go-w`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Change {
    op: char,
    flag: Flag,
    affected: u32,
    value: u32,
    mentioned: u32,
}

/// A compiled mode (`755`, `u+x,go-w`), ready to apply to any file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mode(Vec<Change>);

impl Mode {
    /// Compiles a mode string as gnulib's `mode_compile`; `None` if it is invalid.
    pub fn compile(text: &str) -> Option<Mode> {
        let bytes = text.as_bytes();
        if let Some(b'0'..=b'7') = bytes.first() {
            let mut octal: u32 = 0;
            for &b in bytes {
                if !(b'0'..=b'7').contains(&b) {
                    return None;
                }
                octal = octal * 8 + u32::from(b - b'0');
                if octal > CHMOD_MODE_BITS {
                    return None;
                }
            }
            let mentioned = if bytes.len() < 5 {
                (octal & (S_ISUID | S_ISGID)) | S_ISVTX | S_IRWXUGO
            } else {
                CHMOD_MODE_BITS
            };
            let change =
                Change { op: '=', flag: Flag::Ordinary, affected: CHMOD_MODE_BITS, value: octal, mentioned };
            return Some(Mode(vec![change]));
        }
        let mut changes = Vec::new();
        let mut i = 0;
        loop {
            let mut affected = 0;
            loop {
                match bytes.get(i) {
                    Some(b'u') => affected |= S_ISUID | S_IRWXU,
                    Some(b'g') => affected |= S_ISGID | S_IRWXG,
                    Some(b'o') => affected |= S_ISVTX | S_IRWXO,
                    Some(b'a') => affected |= CHMOD_MODE_BITS,
                    Some(b'=' | b'+' | b'-') => break,
                    _ => return None,
                }
                i += 1;
            }
            while let Some(&op @ (b'=' | b'+' | b'-')) = bytes.get(i) {
                i += 1;
                let (value, flag) = match bytes.get(i) {
                    Some(b'u') => {
                        i += 1;
                        (S_IRWXU, Flag::CopyExisting)
                    }
                    Some(b'g') => {
                        i += 1;
                        (S_IRWXG, Flag::CopyExisting)
                    }
                    Some(b'o') => {
                        i += 1;
                        (S_IRWXO, Flag::CopyExisting)
                    }
                    _ => {
                        let mut value = 0;
                        let mut flag = Flag::Ordinary;
                        loop {
                            match bytes.get(i) {
                                Some(b'r') => value |= 0o444,
                                Some(b'w') => value |= 0o222,
                                Some(b'x') => value |= 0o111,
                                Some(b'X') => flag = Flag::XIfAnyX,
                                Some(b's') => value |= S_ISUID | S_ISGID,
                                Some(b't') => value |= S_ISVTX,
                                _ => break,
                            }
                            i += 1;
                        }
                        (value, flag)
                    }
                };
                let mentioned = if affected != 0 { affected & value } else { value };
                changes.push(Change { op: op as char, flag, affected, value, mentioned });
            }
            match bytes.get(i) {
                Some(b',') => i += 1,
                None => return Some(Mode(changes)),
                Some(_) => return None,
            }
        }
    }

    /// Applies the mode to `old` bits (of a directory if `dir`) under `umask`, as gnulib's
    /// `mode_adjust`: returns the new bits and the mask of bits the mode cares about.
    pub fn adjust(&self, old: u32, dir: bool, umask: u32) -> (u32, u32) {
        let mut new = old & CHMOD_MODE_BITS;
        let mut bits = 0;
        for change in &self.0 {
            let omit = if dir { S_ISUID | S_ISGID } else { 0 } & !change.mentioned;
            let mut value = change.value;
            match change.flag {
                Flag::Ordinary => {}
                Flag::CopyExisting => {
                    value &= new;
                    let spread = |mask: u32| if value & mask != 0 { mask } else { 0 };
                    value |= spread(0o444) | spread(0o222) | spread(0o111);
                }
                Flag::XIfAnyX => {
                    if new & 0o111 != 0 || dir {
                        value |= 0o111;
                    }
                }
            }
            value &= if change.affected != 0 { change.affected } else { !umask } & !omit;
            match change.op {
                '=' => {
                    let preserved = if change.affected != 0 { !change.affected } else { 0 } | omit;
                    bits |= CHMOD_MODE_BITS & !preserved;
                    new = (new & preserved) | value;
                }
                '+' => {
                    bits |= value;
                    new |= value;
                }
                _ => {
                    bits |= value;
                    new &= !value;
                }
            }
        }
        (new & CHMOD_MODE_BITS, bits)
    }
}

/// The `rwxr-xr-x` form of permission bits, with `s`/`S` and `t`/`T` for the special bits
/// (the permission part of `ls -l`'s mode string).
pub fn mode_string(perm: u32) -> String {
    let meta = Metadata { ino: 0, kind: FileKind::File, perm, nlink: 1, uid: 0, gid: 0, size: 0, mtime: 0 };
    fmt::mode_string(&meta).chars().skip(1).collect()
}

const SPEC: Spec = Spec {
    prog: "chmod",
    flags: "cfvR",
    with_value: "",
    long: &[
        ("changes", "c", false),
        ("silent", "f", false),
        ("quiet", "f", false),
        ("verbose", "v", false),
        ("recursive", "R", false),
        ("reference", "reference", true),
        ("no-preserve-root", "no-preserve-root", false),
        ("preserve-root", "preserve-root", false),
    ],
};

/// How much `chmod` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Report {
    Quiet,
    Changes,
    Verbose,
}

/// The state of one `chmod` run, also the visitor of `-R`.
struct Chmod {
    mode: Mode,
    report: Report,
    quiet: bool,
    diagnose: bool,
    umask: u32,
    /// Set when changing a directory's own mode failed during `-R`.
    failed: bool,
}

impl Chmod {
    /// Changes one file's mode (following a symlink operand); returns success.
    fn change(&self, ctx: &mut Ctx, path: &str, meta: &Metadata) -> bool {
        let old = meta.perm;
        let dir = meta.kind == FileKind::Dir;
        let (new, _) = self.mode.adjust(old, dir, self.umask);
        let mut ok = true;
        let result = ctx.fs.chmod(path, new);
        if let Err(err) = result {
            if !self.quiet {
                ctx.error("chmod", format!("changing permissions of {}: {err}", quote(path)));
            }
            ok = false;
        }
        let describe = |m: u32| format!("{m:04o} ({})", mode_string(m));
        match (self.report, ok, new == old) {
            (Report::Quiet, _, _) | (Report::Changes, true, true) => {}
            (_, false, _) => {
                ctx.out_fmt(format_args!("failed to change mode of {} from {} to {}\n", quote(path), describe(old), describe(new)))
            }
            (_, true, false) => {
                ctx.out_fmt(format_args!("mode of {} changed from {} to {}\n", quote(path), describe(old), describe(new)))
            }
            (Report::Verbose, true, true) => ctx.out_fmt(format_args!("mode of {} retained as {}\n", quote(path), describe(old))),
        }
        if ok && self.diagnose {
            let (naive, _) = self.mode.adjust(old, dir, 0);
            if new & !naive != 0 {
                ctx.error(
                    "chmod",
                    format!(
                        "{}: new permissions are {}, not {}",
                        quotef(path),
                        mode_string(new),
                        mode_string(naive)
                    ),
                );
                ok = false;
            }
        }
        ok
    }
}

impl Visitor for Chmod {
    fn enter(&mut self, ctx: &mut Ctx, visit: &Visit) -> Step {
        if visit.meta.kind == FileKind::Symlink {
            if self.report == Report::Verbose {
                ctx.out_fmt(format_args!("neither symbolic link {} nor referent has been changed\n", quote(visit.path)));
            }
            return Step::Done(true);
        }
        let ok = self.change(ctx, visit.path, visit.meta);
        if visit.meta.kind == FileKind::Dir {
            self.failed |= !ok;
            Step::Descend
        } else {
            Step::Done(ok)
        }
    }

    fn unreadable(&mut self, ctx: &mut Ctx, visit: &Visit, err: FsError) -> bool {
        if !self.quiet {
            walk::cannot(ctx, "chmod", "read directory", visit.path, err);
        }
        false
    }

    fn leave(&mut self, _: &mut Ctx, _: &Visit, children_ok: bool) -> bool {
        children_ok
    }
}

/// Entry point of `chmod`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    // A mode written like an option (`-w`, `-x+r`) is taken out before parsing, as GNU does.
    let mut option_modes = Vec::new();
    let mut rest = Vec::new();
    let mut ended = false;
    for arg in argv.iter().skip(1) {
        let b = arg.as_bytes();
        let mode_like = !ended
            && b.len() > 1
            && b[0] == b'-'
            && matches!(b[1], b'r' | b'w' | b'x' | b'X' | b's' | b't' | b'u' | b'g' | b'o' | b'a' | b',' | b'+' | b'=' | b'0'..=b'7');
        if arg == "--" {
            ended = true;
        }
        if mode_like {
            option_modes.push(arg.clone());
        } else {
            rest.push(arg.clone());
        }
    }
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, &rest) else { return 1 };
    let mut operands = parsed.operands.clone();
    let reference = parsed.value("reference").map(str::to_string);
    let diagnose = !option_modes.is_empty();
    let mode_text = if reference.is_some() {
        None
    } else if diagnose {
        Some(option_modes.join(","))
    } else if operands.is_empty() {
        None
    } else {
        Some(operands.remove(0))
    };
    if operands.is_empty() {
        let message = match (&mode_text, option_modes.is_empty()) {
            (Some(m), true) => format!("missing operand after {}", quote_locale(m)),
            _ => "missing operand".to_string(),
        };
        return args::usage_error(ctx, "chmod", &message);
    }
    let mode = match (&reference, &mode_text) {
        (Some(file), _) => match walk::reference(ctx, "chmod", file) {
            Some(meta) => Mode(vec![Change {
                op: '=',
                flag: Flag::Ordinary,
                affected: CHMOD_MODE_BITS,
                value: meta.perm,
                mentioned: CHMOD_MODE_BITS,
            }]),
            None => return 1,
        },
        (None, Some(text)) => match Mode::compile(text) {
            Some(mode) => mode,
            None => return args::usage_error(ctx, "chmod", &format!("invalid mode: {}", quote_locale(text))),
        },
        (None, None) => return args::usage_error(ctx, "chmod", "missing operand"),
    };
    let report = if parsed.has("v") {
        Report::Verbose
    } else if parsed.has("c") {
        Report::Changes
    } else {
        Report::Quiet
    };
    let mut chmod = Chmod { mode, report, quiet: parsed.has("f"), diagnose, umask: ctx.fs.umask(), failed: false };
    let recursive = parsed.has("R");
    let mut ok = true;
    for operand in &operands {
        let path = walk::fts_name(operand);
        let meta = match ctx.fs.stat(path) {
            Ok(meta) => meta,
            Err(err) => {
                if !chmod.quiet {
                    let dangling = err == FsError::NotFound
                        && ctx.fs.lstat(path).map(|m| m.kind == FileKind::Symlink).unwrap_or(false);
                    if dangling {
                        ctx.error("chmod", format!("cannot operate on dangling symlink {}", quote(path)));
                    } else {
                        walk::cannot(ctx, "chmod", "access", path, err);
                    }
                }
                ok = false;
                continue;
            }
        };
        if recursive && meta.kind == FileKind::Dir {
            if meta.ino == crate::fs::ROOT && parsed.has("preserve-root") {
                walk::refuse_root(ctx, "chmod", &quote(path));
                ok = false;
                continue;
            }
            ok &= walk::walk(ctx, "chmod", path, &meta, Order::Name, &mut chmod);
            ok &= !std::mem::take(&mut chmod.failed);
        } else {
            ok &= chmod.change(ctx, path, &meta);
        }
    }
    i32::from(!ok)
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::{err, example, ok, out, run};
    use super::{mode_string, Mode};

    #[test]
    fn golden_chmod() {
        let (mut fs, env) = example();
        fs.write("script.sh", b"echo hi from script\n").unwrap();
        ok(&mut fs, &env, "chmod +x script.sh");
        assert_eq!(fs.stat("script.sh").unwrap().perm, 0o755);
        ok(&mut fs, &env, "chmod u-w script.sh");
        assert_eq!(fs.stat("script.sh").unwrap().perm, 0o555);
        assert_eq!(
            run(&mut fs, &env, "chmod 9x script.sh"),
            err("chmod: invalid mode: ‘9x’\nTry 'chmod --help' for more information.\n")
        );
        assert_eq!(
            run(&mut fs, &env, "chmod 644 nope"),
            err("chmod: cannot access 'nope': No such file or directory\n")
        );
    }

    #[test]
    fn mode_sequence_matches_gnu() {
        // Each mode applied in turn to one file, umask 022, with the results of GNU chmod.
        let steps: &[(&str, u32)] = &[
            ("644", 0o644),
            ("+x", 0o755),
            ("-x", 0o644),
            ("u+x,g-r", 0o704),
            ("a=r", 0o444),
            ("u=rwx,g=rx,o=", 0o750),
            ("644", 0o644),
            ("go-w", 0o644),
            ("=x", 0o111),
            ("o=u", 0o111),
            ("u+s", 0o4111),
            ("4755", 0o4755),
            ("g+s,+t", 0o7755),
            ("0644", 0o644),
            ("a+X", 0o644),
            ("ug=rw,o-r", 0o660),
            ("7777", 0o7777),
            ("u+rwx-w", 0o7577),
            ("00644", 0o644),
        ];
        let mut perm = 0o644;
        for (mode, want) in steps {
            let compiled = Mode::compile(mode).unwrap();
            perm = compiled.adjust(perm, false, 0o022).0;
            assert_eq!(perm, *want, "chmod {mode}");
        }
        for bad in ["10000", "9x", "u+q", "", "u=a", "u"] {
            assert!(Mode::compile(bad).is_none(), "{bad}");
        }
        // Directories keep set-id bits unless a mode mentions them.
        assert_eq!(Mode::compile("755").unwrap().adjust(0o2755, true, 0o022).0, 0o2755);
        assert_eq!(Mode::compile("00755").unwrap().adjust(0o2755, true, 0o022).0, 0o755);
        assert_eq!(mode_string(0o7755), "rwsr-sr-t");
        assert_eq!(mode_string(0o7644), "rwSr-Sr-T");
    }

    #[test]
    fn verbose_changes_and_umask_surprise() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "touch f");
        fs.chmod("f", 0o755).unwrap();
        let changed = "mode of 'f' changed from 0755 (rwxr-xr-x) to 0644 (rw-r--r--)\n";
        assert_eq!(run(&mut fs, &env, "chmod -v 644 f"), out(changed));
        assert_eq!(run(&mut fs, &env, "chmod -v 644 f").0, "mode of 'f' retained as 0644 (rw-r--r--)\n");
        assert_eq!(run(&mut fs, &env, "chmod -c 644 f").0, "");
        fs.chmod("f", 0o666).unwrap();
        assert_eq!(run(&mut fs, &env, "chmod -w f"), err("chmod: f: new permissions are r--rw-rw-, not r--r--r--\n"));
        assert_eq!(fs.stat("f").unwrap().perm, 0o466);
        fs.chmod("f", 0o666).unwrap();
        ok(&mut fs, &env, "chmod a-w,-w f");
        let try_line = "Try 'chmod --help' for more information.\n";
        assert_eq!(run(&mut fs, &env, "chmod"), err(&format!("chmod: missing operand\n{try_line}")));
        assert_eq!(run(&mut fs, &env, "chmod 644"), err(&format!("chmod: missing operand after ‘644’\n{try_line}")));
        fs.symlink("nowhere", "dang").unwrap();
        assert_eq!(run(&mut fs, &env, "chmod 600 dang"), err("chmod: cannot operate on dangling symlink 'dang'\n"));
        assert_eq!(
            run(&mut fs, &env, "chmod 644 /etc/passwd"),
            err("chmod: changing permissions of '/etc/passwd': Operation not permitted\n")
        );
    }

    #[test]
    fn recursive_skips_symlinks() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p a/b");
        ok(&mut fs, &env, "touch a/f");
        fs.symlink("../main.py", "a/lf").unwrap();
        let (out, _, status) = run(&mut fs, &env, "chmod -Rv 700 a//");
        assert_eq!(
            out,
            "mode of 'a/' changed from 0755 (rwxr-xr-x) to 0700 (rwx------)\n\
             mode of 'a/b' changed from 0755 (rwxr-xr-x) to 0700 (rwx------)\n\
             mode of 'a/f' changed from 0644 (rw-r--r--) to 0700 (rwx------)\n\
             neither symbolic link 'a/lf' nor referent has been changed\n"
        );
        assert_eq!(status, 0);
        assert_eq!(fs.stat("main.py").unwrap().perm, 0o644);
    }
}
