//! Differential test: random sequences of filesystem calls, applied both to the simulated
//! [`Fs`] and to a real temporary directory, must agree on every outcome (success, or the same
//! errno) and on the resulting tree (names, kinds, permission bits, contents, link targets,
//! link counts).
//!
//! Deterministic: the RNG seed is fixed (override with `PROPTEST_RNG_SEED`, and the number of
//! cases with `PROPTEST_CASES`); a failure prints the shrunk op sequence, which belongs in
//! `src/fs/tests.rs` as a unit test once understood.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use venvlab::fs::{Cred, FileKind, Fs, Node, OpenOptions};

/// Paths the ops name, relative to the working directory: a few nested names and trailing
/// slashes, so that collisions, non-directories in the middle of a path and the trailing-slash
/// rules all come up often.
const NAMES: &[&str] = &["a", "b", "c", "a/b", "b/c", "a/b/c", "c/a", "a/", "b/c/"];
/// Symlink targets: relative, from the same pool (never `..`, so nothing leaves the sandbox).
const TARGETS: &[&str] = &["a", "b", "c", "a/b", "b/c", "a/", "."];
const CONTENTS: &[&[u8]] = &[b"", b"x", b"hello\n"];
const MODES: &[u32] = &[0o755, 0o644, 0o600, 0o000, 0o4755, 0o1777];

#[derive(Debug, Clone)]
enum Op {
    Mkdir(&'static str),
    Write(&'static str, &'static [u8]),
    Append(&'static str, &'static [u8]),
    Symlink(&'static str, &'static str),
    Rename(&'static str, &'static str),
    Unlink(&'static str),
    Rmdir(&'static str),
    Chmod(&'static str, u32),
    Link(&'static str, &'static str),
}

fn name() -> impl Strategy<Value = &'static str> {
    prop::sample::select(NAMES)
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => name().prop_map(Op::Mkdir),
        3 => (name(), prop::sample::select(CONTENTS)).prop_map(|(p, c)| Op::Write(p, c)),
        1 => (name(), prop::sample::select(CONTENTS)).prop_map(|(p, c)| Op::Append(p, c)),
        2 => (prop::sample::select(TARGETS), name()).prop_map(|(t, p)| Op::Symlink(t, p)),
        3 => (name(), name()).prop_map(|(a, b)| Op::Rename(a, b)),
        1 => name().prop_map(Op::Unlink),
        2 => name().prop_map(Op::Rmdir),
        1 => (name(), prop::sample::select(MODES)).prop_map(|(p, m)| Op::Chmod(p, m)),
        2 => (name(), name()).prop_map(|(a, b)| Op::Link(a, b)),
    ]
}

/// The process's identity and umask, read off things it creates.
struct Env {
    cred: Cred,
    umask: u32,
}

fn probe_env() -> Env {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("probe");
    std::fs::write(&file, b"").unwrap();
    let meta = std::fs::metadata(&file).unwrap();
    let sub = dir.path().join("probe.d");
    std::fs::create_dir(&sub).unwrap();
    let umask = !std::fs::metadata(&sub).unwrap().mode() & 0o777;
    Env { cred: Cred { uid: meta.uid(), gid: meta.gid() }, umask }
}

fn errno(e: std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(-1)
}

/// Applies an op to the real directory `root`.
fn apply_real(root: &Path, op: &Op) -> Result<(), i32> {
    let p = |s: &str| root.join(s);
    match *op {
        Op::Mkdir(path) => std::fs::create_dir(p(path)).map_err(errno),
        Op::Write(path, data) => std::fs::write(p(path), data).map_err(errno),
        Op::Append(path, data) => {
            let mut f = std::fs::OpenOptions::new().append(true).create(true).open(p(path)).map_err(errno)?;
            f.write_all(data).map_err(errno)
        }
        Op::Symlink(target, path) => std::os::unix::fs::symlink(target, p(path)).map_err(errno),
        Op::Rename(a, b) => std::fs::rename(p(a), p(b)).map_err(errno),
        Op::Unlink(path) => std::fs::remove_file(p(path)).map_err(errno),
        Op::Rmdir(path) => std::fs::remove_dir(p(path)).map_err(errno),
        Op::Chmod(path, mode) => {
            std::fs::set_permissions(p(path), std::fs::Permissions::from_mode(mode)).map_err(errno)
        }
        Op::Link(a, b) => std::fs::hard_link(p(a), p(b)).map_err(errno),
    }
}

/// Applies an op to the simulated filesystem (working directory: the sandbox).
fn apply_sim(fs: &mut Fs, op: &Op) -> Result<(), i32> {
    let r = match *op {
        Op::Mkdir(path) => fs.mkdir(path, 0o777).map(drop),
        Op::Write(path, data) => fs.write(path, data).map(drop),
        Op::Append(path, data) => {
            let opts = OpenOptions { create: true, exclusive: false, truncate: false };
            fs.open_write(path, opts).and_then(|ino| fs.append(ino, data))
        }
        Op::Symlink(target, path) => fs.symlink(target, path).map(drop),
        Op::Rename(a, b) => fs.rename(a, b),
        Op::Unlink(path) => fs.unlink(path),
        Op::Rmdir(path) => fs.rmdir(path),
        Op::Chmod(path, mode) => fs.chmod(path, mode),
        Op::Link(a, b) => fs.link(a, b),
    };
    r.map_err(|e| e.errno())
}

/// One node of a tree listing.
#[derive(Debug, PartialEq, Eq)]
struct Entry {
    path: String,
    kind: FileKind,
    perm: u32,
    /// Content of a regular file (`None` if the caller may not read it).
    content: Option<Vec<u8>>,
    target: Option<String>,
    /// Link count of files and symlinks (directories' vary by filesystem).
    nlink: Option<u64>,
}

fn list_real(root: &Path, rel: &str, out: &mut Vec<Entry>) {
    let dir = if rel.is_empty() { root.to_path_buf() } else { root.join(rel) };
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    for name in names {
        let path = if rel.is_empty() { name.clone() } else { format!("{rel}/{name}") };
        let full = root.join(&path);
        let meta = std::fs::symlink_metadata(&full).unwrap();
        let perm = meta.mode() & 0o7777;
        let ft = meta.file_type();
        let entry = if ft.is_dir() {
            Entry { path: path.clone(), kind: FileKind::Dir, perm, content: None, target: None, nlink: None }
        } else if ft.is_symlink() {
            let target = std::fs::read_link(&full).unwrap().into_os_string().into_string().unwrap();
            Entry {
                path: path.clone(),
                kind: FileKind::Symlink,
                perm,
                content: None,
                target: Some(target),
                nlink: Some(meta.nlink()),
            }
        } else {
            let content = std::fs::read(&full).ok();
            Entry { path: path.clone(), kind: FileKind::File, perm, content, target: None, nlink: Some(meta.nlink()) }
        };
        let is_dir = entry.kind == FileKind::Dir;
        out.push(entry);
        if is_dir {
            list_real(root, &path, out);
        }
    }
}

fn list_sim(fs: &Fs, rel: &str, out: &mut Vec<Entry>) {
    let dir = if rel.is_empty() { "." } else { rel };
    let ino = fs.resolve(dir, false).unwrap();
    let Node::Dir(d) = &fs.inode(ino).unwrap().node else { panic!("{dir} is not a directory") };
    for (name, &child) in d.entries.iter() {
        let path = if rel.is_empty() { name.clone() } else { format!("{rel}/{name}") };
        let meta = fs.metadata(child).unwrap();
        let inode = fs.inode(child).unwrap();
        let (content, target, nlink) = match &inode.node {
            Node::File(data) => (Some(data.to_vec()), None, Some(u64::from(meta.nlink))),
            Node::Symlink(t) => (None, Some(t.to_string()), Some(u64::from(meta.nlink))),
            Node::Dir(_) => (None, None, None),
        };
        out.push(Entry { path: path.clone(), kind: meta.kind, perm: meta.perm, content, target, nlink });
        if meta.kind == FileKind::Dir {
            list_sim(fs, &path, out);
        }
    }
}

fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    let env = probe_env();
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let mut fs = Fs::new();
    fs.mkdir("/w", 0o755).unwrap();
    fs.chown("/w", env.cred.uid, env.cred.gid).unwrap();
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).unwrap();
    fs.set_umask(env.umask);
    fs.set_cred(env.cred);
    fs.chdir("/w").unwrap();
    let as_root = env.cred.uid == 0;
    for (i, op) in ops.iter().enumerate() {
        let mut op = op.clone();
        if let Op::Chmod(path, mode) = op {
            // Only root may take a directory's own permissions away and still walk it.
            if !as_root && std::fs::metadata(root.join(path)).map(|m| m.is_dir()).unwrap_or(false) {
                op = Op::Chmod(path, mode | 0o700);
            }
        }
        let real = apply_real(root, &op);
        let sim = apply_sim(&mut fs, &op);
        prop_assert_eq!(sim, real, "op #{} {:?}: simulated vs real (errno)", i, op);
        let (mut real_tree, mut sim_tree) = (Vec::new(), Vec::new());
        list_real(root, "", &mut real_tree);
        list_sim(&fs, "", &mut sim_tree);
        for (s, r) in sim_tree.iter_mut().zip(&real_tree) {
            if r.content.is_none() {
                s.content = None;
            }
        }
        prop_assert_eq!(sim_tree, real_tree, "tree after op #{} {:?}", i, op);
    }
    Ok(())
}

fn config() -> Config {
    let mut config = Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 256;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x7e57_00f5);
    }
    config
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn simulated_fs_matches_linux(ops in prop::collection::vec(op(), 1..40)) {
        run(&ops)?;
    }
}

/// A fixed scenario that exercises every op once, so a broken harness cannot pass vacuously.
#[test]
fn harness_sees_every_op() {
    let ops = [
        Op::Mkdir("a"),
        Op::Write("a/b", b"hello\n"),
        Op::Append("a/b", b"x"),
        Op::Symlink("a/b", "c"),
        Op::Link("a/b", "b"),
        Op::Chmod("b", 0o600),
        Op::Rename("b", "a/b/c"),
        Op::Unlink("c"),
        Op::Mkdir("c"),
        Op::Rmdir("c/"),
    ];
    run(&ops).unwrap();
}
