//! `cp`: copy files and trees, as GNU coreutils 9.1.
//!
//! A copied program binary is just its bytes, so the copy runs the same program. A new file
//! gets the source's permission bits minus the umask (so executables stay executable); `-p`
//! and `-a` keep modes and modification times exactly. `-r`/`-R` copy trees without following
//! symlinks (copied as links, as GNU's recursive default `-P`); `-L` follows them, `-H` only on
//! the command line, `-P` never. `-n` skips existing files, `-f` replaces a file it cannot
//! open, `-v` prints `'a' -> 'b'`, `-T`/`-t` as in `mv`. GNU's refusals and wording are kept:
//! `-r not specified; omitting directory 'a'`, `'x' and 'x' are the same file`, and copying a
//! directory into itself, detected as GNU does, when the walk meets a directory it created.

use super::args::{self, Spec};
use super::walk::{self, quote, Order, Step, Targets, Visit, Visitor};
use super::Ctx;
use crate::fs::{FileKind, FsError, Ino, Metadata, OpenOptions};
use std::collections::HashSet;

const SPEC: Spec = Spec {
    prog: "cp",
    flags: "aRrpPLHnfvTdi",
    with_value: "t",
    long: &[
        ("archive", "a", false),
        ("recursive", "r", false),
        ("no-dereference", "P", false),
        ("dereference", "L", false),
        ("no-clobber", "n", false),
        ("force", "f", false),
        ("verbose", "v", false),
        ("no-target-directory", "T", false),
        ("target-directory", "t", true),
        ("interactive", "i", false),
    ],
};

/// When `cp` follows a symlink it copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Deref {
    /// `-L`: always.
    Always,
    /// `-P` (and the recursive default): never.
    Never,
    /// `-H`: only operands named on the command line.
    CommandLine,
}

/// A directory being copied: where it goes, what it was, whether this run created it.
struct Level {
    dst: String,
    src: Metadata,
    created: bool,
}

/// The options of one `cp` run and the state of the copy in progress.
struct Cp {
    recursive: bool,
    deref: Deref,
    preserve: bool,
    no_clobber: bool,
    force: bool,
    verbose: bool,
    interactive: bool,
    umask: u32,
    /// The operand being copied and its destination, for the "into itself" message.
    top: (String, String),
    /// Directories this run created: meeting one as a source means copying into itself.
    created: HashSet<Ino>,
    /// The directories being copied, by depth.
    levels: Vec<Level>,
    abort: bool,
}

impl Cp {
    /// The mode a new copy gets.
    fn new_mode(&self, src: &Metadata) -> u32 {
        if self.preserve {
            src.perm
        } else {
            src.perm & 0o777 & !self.umask
        }
    }

    /// Copies the bytes of a regular file.
    fn copy_file(&mut self, ctx: &mut Ctx, src: &str, dst: &str, meta: &Metadata) -> bool {
        let existing = ctx.fs.lstat(dst).ok();
        if let Some(d) = &existing {
            if d.kind == FileKind::Symlink && ctx.fs.stat(dst).is_err() {
                ctx.error("cp", format!("not writing through dangling symlink {}", quote(dst)));
                return false;
            }
        }
        let data = match ctx.fs.read(src) {
            Ok(data) => data,
            Err(err) => {
                ctx.error("cp", format!("cannot open {} for reading: {err}", quote(src)));
                return false;
            }
        };
        let ino = if existing.is_some() {
            let reopened = ctx.fs.open_write(dst, OpenOptions { create: false, exclusive: false, truncate: true });
            match reopened {
                Ok(ino) => ino,
                Err(err) if !self.force => {
                    ctx.error("cp", format!("cannot open {} for writing: {err}", quote(dst)));
                    return false;
                }
                Err(_) => {
                    let _ = ctx.fs.unlink(dst);
                    match self.create(ctx, dst, meta) {
                        Some(ino) => ino,
                        None => return false,
                    }
                }
            }
        } else {
            match self.create(ctx, dst, meta) {
                Some(ino) => ino,
                None => return false,
            }
        };
        if let Err(err) = ctx.fs.append(ino, &data) {
            ctx.error("cp", format!("error writing {}: {err}", quote(dst)));
            return false;
        }
        if self.preserve {
            let _ = ctx.fs.chmod(dst, meta.perm);
            let _ = ctx.fs.set_mtime(dst, meta.mtime);
        }
        true
    }

    /// Creates a new regular file with the mode a copy of `meta` gets.
    fn create(&self, ctx: &mut Ctx, dst: &str, meta: &Metadata) -> Option<Ino> {
        let result = if dst.ends_with('/') {
            Err(FsError::NotDir)
        } else {
            ctx.fs.open_write(dst, OpenOptions { create: true, exclusive: true, truncate: true })
        };
        match result {
            Ok(ino) => {
                let mode = meta.perm & 0o777 & !self.umask;
                if mode != 0o666 & !self.umask {
                    let _ = ctx.fs.chmod(dst, mode);
                }
                Some(ino)
            }
            Err(err) => {
                ctx.error("cp", format!("cannot create regular file {}: {err}", quote(dst)));
                None
            }
        }
    }

    /// Copies a symlink as a symlink, replacing what is in the way.
    fn copy_link(&mut self, ctx: &mut Ctx, src: &str, dst: &str) -> bool {
        let target = match ctx.fs.readlink(src) {
            Ok(target) => target,
            Err(err) => {
                ctx.error("cp", format!("cannot read symbolic link {}: {err}", quote(src)));
                return false;
            }
        };
        if ctx.fs.lstat(dst).is_ok() && ctx.fs.unlink(dst).is_ok() && self.verbose {
            ctx.out_fmt(format_args!("removed {}\n", quote(dst)));
        }
        match ctx.fs.symlink(&target, dst) {
            Ok(_) => true,
            Err(err) => {
                ctx.error("cp", format!("cannot create symbolic link {} to {}: {err}", quote(dst), quote(&target)));
                false
            }
        }
    }

    /// Gives a copied directory its final mode (and time with `-p`).
    fn finish_dir(&self, ctx: &mut Ctx, level: &Level) {
        if level.created || self.preserve {
            let _ = ctx.fs.chmod(&level.dst, self.new_mode(&level.src));
        }
        if self.preserve {
            let _ = ctx.fs.set_mtime(&level.dst, level.src.mtime);
        }
    }
}

impl Visitor for Cp {
    fn enter(&mut self, ctx: &mut Ctx, visit: &Visit) -> Step {
        let src = visit.path;
        self.levels.truncate(visit.depth);
        let dst = match self.levels.last() {
            Some(parent) if visit.depth > 0 => walk::join(&parent.dst, visit.name),
            _ => self.top.1.clone(),
        };
        let mut meta = visit.meta.clone();
        if visit.depth > 0 && meta.kind == FileKind::Symlink && self.deref == Deref::Always {
            match ctx.fs.stat(src) {
                Ok(m) => meta = m,
                Err(err) => {
                    walk::cannot(ctx, "cp", "stat", src, err);
                    return Step::Done(false);
                }
            }
        }
        let is_dir = meta.kind == FileKind::Dir;
        if is_dir && !self.recursive {
            ctx.error("cp", format!("-r not specified; omitting directory {}", quote(src)));
            return Step::Done(false);
        }
        if is_dir && self.levels.iter().any(|level| level.src.ino == meta.ino) {
            ctx.error("cp", format!("cannot copy cyclic symbolic link {}", quote(src)));
            return Step::Done(false);
        }
        if is_dir && self.created.contains(&meta.ino) {
            let (top_src, top_dst) = &self.top;
            ctx.error("cp", format!("cannot copy a directory, {}, into itself, {}", quote(top_src), quote(top_dst)));
            self.abort = true;
            return Step::Done(false);
        }
        let mut dst_is_dir = false;
        if let Ok(existing) = ctx.fs.lstat(&dst) {
            let followed = ctx.fs.stat(&dst).ok();
            if meta.kind != FileKind::Symlink && followed.as_ref().map(|f| f.ino) == Some(meta.ino) {
                ctx.error("cp", format!("{} and {} are the same file", quote(src), quote(&dst)));
                return Step::Done(false);
            }
            dst_is_dir = followed.unwrap_or(existing).kind == FileKind::Dir;
            if is_dir && !dst_is_dir {
                ctx.error("cp", format!("cannot overwrite non-directory {} with directory {}", quote(&dst), quote(src)));
                return Step::Done(false);
            }
            if !is_dir && dst_is_dir {
                ctx.error("cp", format!("cannot overwrite directory {} with non-directory", quote(&dst)));
                return Step::Done(false);
            }
            if !is_dir && self.no_clobber {
                return Step::Done(true);
            }
            if !is_dir && self.interactive && !walk::ask(ctx, "cp", &format!("overwrite {}", quote(&dst))) {
                return Step::Done(true);
            }
        }
        let verbose_line = format!("{} -> {}\n", quote(src), quote(&dst));
        if !is_dir {
            let ok = if meta.kind == FileKind::Symlink {
                self.copy_link(ctx, src, &dst)
            } else {
                self.copy_file(ctx, src, &dst, &meta)
            };
            if ok && self.verbose {
                ctx.out(verbose_line);
            }
            return Step::Done(ok);
        }
        let created = !dst_is_dir;
        if created {
            match ctx.fs.mkdir(&dst, 0o700) {
                Ok(ino) => {
                    self.created.insert(ino);
                }
                Err(err) => {
                    walk::cannot(ctx, "cp", "create directory", &dst, err);
                    return Step::Done(false);
                }
            }
            if self.verbose {
                ctx.out(verbose_line);
            }
        }
        self.levels.push(Level { dst, src: meta, created });
        Step::Descend
    }

    fn unreadable(&mut self, ctx: &mut Ctx, visit: &Visit, err: FsError) -> bool {
        walk::cannot(ctx, "cp", "access", visit.path, err);
        if let Some(level) = self.levels.get(visit.depth) {
            self.finish_dir(ctx, level);
        }
        false
    }

    fn leave(&mut self, ctx: &mut Ctx, visit: &Visit, children_ok: bool) -> bool {
        self.levels.truncate(visit.depth + 1);
        if let Some(level) = self.levels.get(visit.depth) {
            self.finish_dir(ctx, level);
        }
        children_ok
    }

    fn aborted(&self) -> bool {
        self.abort
    }
}

/// Entry point of `cp`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, argv.get(1..).unwrap_or_default()) else { return 1 };
    let archive = parsed.has("a");
    let recursive = archive || parsed.has("r") || parsed.has("R");
    let explicit = parsed.opts.iter().rev().find_map(|(k, _)| match k.as_str() {
        "L" => Some(Deref::Always),
        "P" | "d" | "a" => Some(Deref::Never),
        "H" => Some(Deref::CommandLine),
        _ => None,
    });
    let deref = explicit.unwrap_or(if recursive { Deref::Never } else { Deref::Always });
    let last = parsed.last_of(&["f", "i", "n"]);
    let how = Targets { prog: "cp", target_dir: parsed.value("t"), no_target_dir: parsed.has("T"), deref_target: true };
    let pairs = match walk::targets(ctx, &how, &parsed.operands) {
        Ok(pairs) => pairs,
        Err(status) => return status,
    };
    let mut cp = Cp {
        recursive,
        deref,
        preserve: archive || parsed.has("p"),
        no_clobber: last == Some("n"),
        force: parsed.has("f"),
        verbose: parsed.has("v"),
        interactive: last == Some("i"),
        umask: ctx.fs.umask(),
        top: (String::new(), String::new()),
        created: HashSet::new(),
        levels: Vec::new(),
        abort: false,
    };
    let mut ok = true;
    for (src, dst) in pairs {
        let meta = if deref == Deref::Never { ctx.fs.lstat(&src) } else { ctx.fs.stat(&src) };
        let meta = match meta {
            Ok(meta) => meta,
            Err(err) => {
                walk::cannot(ctx, "cp", "stat", &src, err);
                ok = false;
                continue;
            }
        };
        cp.top = (src.clone(), dst);
        cp.levels.clear();
        cp.abort = false;
        ok &= walk::walk(ctx, "cp", &src, &meta, Order::Inode, &mut cp);
    }
    i32::from(!ok)
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::{err, example, names, ok, run};
    use crate::fs::{FileKind, Fs};

    fn perm(fs: &Fs, path: &str) -> u32 {
        fs.lstat(path).unwrap().perm
    }

    #[test]
    fn golden_cp() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p a/b");
        ok(&mut fs, &env, "touch a/uno.txt");
        assert_eq!(run(&mut fs, &env, "cp a copy"), err("cp: -r not specified; omitting directory 'a'\n"));
        ok(&mut fs, &env, "cp -r a copy");
        assert_eq!(names(&fs, "copy"), ["b", "uno.txt"]);
        ok(&mut fs, &env, "ln -s b a/link-to-b");
        fs.set_now(fs.now() + 3600);
        ok(&mut fs, &env, "cp -a a a2");
        assert_eq!(names(&fs, "a2"), ["b", "link-to-b", "uno.txt"]);
        assert_eq!(fs.lstat("a2/link-to-b").unwrap().kind, FileKind::Symlink);
        assert_eq!(fs.readlink("a2/link-to-b").unwrap(), "b");
        assert_eq!(fs.lstat("a2/uno.txt").unwrap().mtime, fs.lstat("a/uno.txt").unwrap().mtime);
        assert_eq!(fs.lstat("a2").unwrap().mtime, fs.lstat("a").unwrap().mtime);
        assert_eq!(run(&mut fs, &env, "cp main.py main.py"), err("cp: 'main.py' and 'main.py' are the same file\n"));
    }

    #[test]
    fn copies_bytes_and_modes() {
        let (mut fs, env) = example();
        fs.write("x", b"hi\n").unwrap();
        fs.chmod("x", 0o741).unwrap();
        fs.set_mtime("x", 1_000_000).unwrap();
        ok(&mut fs, &env, "cp x y");
        assert_eq!((perm(&fs, "y"), fs.read("y").unwrap().as_slice()), (0o741, &b"hi\n"[..]));
        assert_eq!(fs.lstat("y").unwrap().mtime, fs.now());
        ok(&mut fs, &env, "cp -p x y2");
        assert_eq!((perm(&fs, "y2"), fs.lstat("y2").unwrap().mtime), (0o741, 1_000_000));
        // A copied program binary is the same program.
        ok(&mut fs, &env, "cp /usr/bin/ls myls");
        assert_eq!(crate::programs::program_of(&fs.read("myls").unwrap()), Some("ls"));
        assert_eq!(perm(&fs, "myls"), 0o755);
        // An existing destination keeps its own mode.
        fs.chmod("y", 0o600).unwrap();
        ok(&mut fs, &env, "cp main.py y");
        assert_eq!((perm(&fs, "y"), fs.read("y").unwrap().as_slice()), (0o600, &b"print('hello')\n"[..]));
    }

    #[test]
    fn symlinks_followed_or_not() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p a/b");
        ok(&mut fs, &env, "touch a/f");
        fs.symlink("f", "a/lf").unwrap();
        fs.symlink("/nonexist", "a/dang").unwrap();
        ok(&mut fs, &env, "cp a/lf lcopy");
        assert_eq!(fs.lstat("lcopy").unwrap().kind, FileKind::File);
        ok(&mut fs, &env, "cp -r a/lf lc2");
        assert_eq!(fs.readlink("lc2").unwrap(), "f");
        ok(&mut fs, &env, "cp -r a c");
        assert_eq!(fs.readlink("c/dang").unwrap(), "/nonexist");
        assert_eq!(
            run(&mut fs, &env, "cp -L -r a ll"),
            err("cp: cannot stat 'a/dang': No such file or directory\n")
        );
        assert_eq!(fs.lstat("ll/lf").unwrap().kind, FileKind::File);
        fs.symlink("nowhere", "dl").unwrap();
        assert_eq!(run(&mut fs, &env, "cp a/f dl"), err("cp: not writing through dangling symlink 'dl'\n"));
    }

    #[test]
    fn cyclic_links_with_dereference() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir a");
        ok(&mut fs, &env, "touch a/f");
        fs.symlink(".", "a/self").unwrap();
        assert_eq!(run(&mut fs, &env, "cp -rL a b"), err("cp: cannot copy cyclic symbolic link 'a/self'\n"));
        assert_eq!(names(&fs, "b"), ["f"]);
    }

    #[test]
    fn verbose_order_is_creation_order() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p a/b");
        ok(&mut fs, &env, "touch a/f a/e");
        let (out, _, status) = run(&mut fs, &env, "cp -rv a/ v");
        assert_eq!(out, "'a/' -> 'v'\n'a/b' -> 'v/b'\n'a/f' -> 'v/f'\n'a/e' -> 'v/e'\n");
        assert_eq!(status, 0);
        let (out, _, _) = run(&mut fs, &env, "cp -rv a v");
        assert_eq!(out, "'a' -> 'v/a'\n'a/b' -> 'v/a/b'\n'a/f' -> 'v/a/f'\n'a/e' -> 'v/a/e'\n");
        assert_eq!(run(&mut fs, &env, "cp -v main.py v").0, "'main.py' -> 'v/main.py'\n");
    }

    #[test]
    fn into_itself() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p a/b");
        ok(&mut fs, &env, "touch a/f a/z");
        assert_eq!(run(&mut fs, &env, "cp -r a a"), err("cp: cannot copy a directory, 'a', into itself, 'a/a'\n"));
        assert_eq!(names(&fs, "a/a"), ["b", "f", "z"]);
        ok(&mut fs, &env, "rm -r a/a");
        assert_eq!(
            run(&mut fs, &env, "cp -r a a/b"),
            err("cp: cannot copy a directory, 'a', into itself, 'a/b/a'\n")
        );
        assert_eq!(names(&fs, "a/b/a"), ["b"]);
    }

    #[test]
    fn refusals_and_operands() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p a d/f");
        ok(&mut fs, &env, "touch f g");
        let try_line = "Try 'cp --help' for more information.\n";
        assert_eq!(run(&mut fs, &env, "cp"), err(&format!("cp: missing file operand\n{try_line}")));
        assert_eq!(run(&mut fs, &env, "cp nope x"), err("cp: cannot stat 'nope': No such file or directory\n"));
        assert_eq!(run(&mut fs, &env, "cp f g h"), err("cp: target 'h': No such file or directory\n"));
        assert_eq!(run(&mut fs, &env, "cp f nod/"), err("cp: cannot create regular file 'nod/': Not a directory\n"));
        assert_eq!(
            run(&mut fs, &env, "cp f nod/x"),
            err("cp: cannot create regular file 'nod/x': No such file or directory\n")
        );
        assert_eq!(run(&mut fs, &env, "cp -r a f"), err("cp: cannot overwrite non-directory 'f' with directory 'a'\n"));
        assert_eq!(run(&mut fs, &env, "cp f d"), err("cp: cannot overwrite directory 'd/f' with non-directory\n"));
        assert_eq!(run(&mut fs, &env, "cp f d/.."), err("cp: 'f' and 'd/../f' are the same file\n"));
        fs.link("f", "hl").unwrap();
        assert_eq!(run(&mut fs, &env, "cp f hl"), err("cp: 'f' and 'hl' are the same file\n"));
        fs.symlink("f", "sl").unwrap();
        assert_eq!(run(&mut fs, &env, "cp sl f"), err("cp: 'sl' and 'f' are the same file\n"));
        fs.write("g", b"new").unwrap();
        ok(&mut fs, &env, "cp -n g f");
        assert_eq!(fs.read("f").unwrap().len(), 0);
        assert_eq!(run(&mut fs, &env, "cp -T a d").2, 1);
    }

    #[test]
    fn permissions_as_a_user() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir -p ro src/d");
        ok(&mut fs, &env, "touch f src/d/x");
        fs.chmod("ro", 0o555).unwrap();
        fs.chmod("src/d", 0).unwrap();
        assert_eq!(run(&mut fs, &env, "cp f ro/"), err("cp: cannot create regular file 'ro/f': Permission denied\n"));
        assert_eq!(run(&mut fs, &env, "cp -r src dst"), err("cp: cannot access 'src/d': Permission denied\n"));
        assert_eq!(perm(&fs, "dst/d"), 0);
        fs.write("locked", b"").unwrap();
        fs.chmod("locked", 0o444).unwrap();
        assert_eq!(run(&mut fs, &env, "cp f locked"), err("cp: cannot open 'locked' for writing: Permission denied\n"));
        ok(&mut fs, &env, "cp -f f locked");
        assert_eq!(perm(&fs, "locked"), 0o644);
        fs.chmod("f", 0).unwrap();
        assert_eq!(run(&mut fs, &env, "cp f f3"), err("cp: cannot open 'f' for reading: Permission denied\n"));
    }
}
