//! The simulated machine's filesystem: an in-memory POSIX tree of inodes.
//!
//! Regular files, directories and symbolic links live in a persistent map from inode number to
//! [`Inode`], so cloning an [`Fs`] is O(1) and is how undo snapshots are taken. Paths resolve as
//! on Linux (see `resolve`), calls fail with errno-like [`FsError`]s, permission bits are checked
//! against the caller's [`Cred`] (root passes all but execute checks), and times come from a
//! simulated clock that the session advances: nothing here reads the real clock.
//!
//! The process view (working directory, credentials, umask) lives here too, because every call
//! that takes a relative path needs it and there is only ever one process running at a time.

mod error;
mod resolve;
mod vfs_adapter;

pub use error::{FsError, FsResult};
pub use resolve::Hop;
pub use vfs_adapter::VfsAdapter;

use im::{HashMap, OrdMap};
use resolve::{Last, Lookup};
use std::sync::Arc;

/// An inode number.
pub type Ino = u64;

/// The inode number of `/`.
pub const ROOT: Ino = 1;

/// User and group a call runs as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cred {
    /// The effective user id; 0 is root, which bypasses read/write/search checks.
    pub uid: u32,
    /// The effective group id.
    pub gid: u32,
}

impl Cred {
    /// Root.
    pub const ROOT: Cred = Cred { uid: 0, gid: 0 };
}

/// Bounds that keep a session's memory finite; exceeding one fails the call with an errno.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FsLimits {
    /// Most inodes the tree may hold (`ENOSPC` beyond).
    pub max_inodes: usize,
    /// Largest regular file in bytes (`EFBIG` beyond).
    pub max_file_size: usize,
    /// Most bytes of file content in all (`ENOSPC` beyond).
    pub max_total_bytes: usize,
}

impl Default for FsLimits {
    fn default() -> Self {
        FsLimits { max_inodes: 50_000, max_file_size: 16 << 20, max_total_bytes: 128 << 20 }
    }
}

/// What an inode is, with its content.
#[derive(Debug, Clone)]
pub enum Node {
    /// A regular file's bytes (shared until written).
    File(Arc<Vec<u8>>),
    /// A directory.
    Dir(Dir),
    /// A symbolic link and the path it holds.
    Symlink(Arc<str>),
}

/// A directory's entries and its place in the tree.
#[derive(Debug, Clone)]
pub struct Dir {
    /// Entries by name, in byte order (`.` and `..` are implicit).
    pub entries: OrdMap<String, Ino>,
    /// The directory holding this one (`/` is its own parent).
    pub parent: Ino,
    /// This directory's name in its parent (empty for `/`).
    pub name: String,
}

/// One inode: content plus metadata.
#[derive(Debug, Clone)]
pub struct Inode {
    /// Kind and content.
    pub node: Node,
    /// Permission bits (`0o7777` at most).
    pub perm: u32,
    /// Owner.
    pub uid: u32,
    /// Group.
    pub gid: u32,
    /// Modification time, seconds since the epoch on the simulated clock.
    pub mtime: i64,
    /// Hard links to a file or symlink (directories compute theirs).
    pub nlink: u32,
}

/// The kind of a file, as `stat` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// A regular file.
    File,
    /// A directory.
    Dir,
    /// A symbolic link.
    Symlink,
}

/// What `stat`/`lstat` return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadata {
    /// Inode number.
    pub ino: Ino,
    /// File kind.
    pub kind: FileKind,
    /// Permission bits.
    pub perm: u32,
    /// Hard link count (directories: 2 plus subdirectories).
    pub nlink: u32,
    /// Owner id.
    pub uid: u32,
    /// Group id.
    pub gid: u32,
    /// Size in bytes (4096 for directories, the target length for symlinks).
    pub size: u64,
    /// Modification time (simulated seconds since the epoch).
    pub mtime: i64,
}

/// One directory entry as `read_dir` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    /// The entry's name.
    pub name: String,
    /// Its inode.
    pub ino: Ino,
    /// Its kind (not following symlinks).
    pub kind: FileKind,
}

/// How `open` treats an existing or missing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OpenOptions {
    /// Create the file if it is missing (`O_CREAT`).
    pub create: bool,
    /// Fail if it exists (`O_EXCL`).
    pub exclusive: bool,
    /// Empty it (`O_TRUNC`).
    pub truncate: bool,
}

/// A change to the tree, as recorded in the journal the session drains after each command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A file, directory or symlink was created at this path.
    Created(String),
    /// A file's content or an inode's metadata changed.
    Modified(String),
    /// This path was removed.
    Removed(String),
}

/// Most journal entries kept per command; later changes are counted, not listed.
const MAX_JOURNAL: usize = 2_000;

/// The filesystem, together with the calling process's view of it.
#[derive(Debug, Clone)]
pub struct Fs {
    inodes: HashMap<Ino, Inode>,
    next_ino: Ino,
    total_bytes: usize,
    cwd: Ino,
    cred: Cred,
    umask: u32,
    now: i64,
    limits: FsLimits,
    journal: Vec<Change>,
    journal_dropped: usize,
}

/// 2026-10-21 09:00:00 UTC: the simulated clock's default start (the day the bundled package
/// index was recorded from).
pub const DEFAULT_EPOCH: i64 = 1_792_573_200;

impl Default for Fs {
    fn default() -> Self {
        Fs::new()
    }
}

impl Fs {
    /// An empty tree holding only `/` (owned by root, `0755`), used by root, clock at
    /// [`DEFAULT_EPOCH`], umask `022`.
    pub fn new() -> Fs {
        let root = Inode {
            node: Node::Dir(Dir { entries: OrdMap::new(), parent: ROOT, name: String::new() }),
            perm: 0o755,
            uid: 0,
            gid: 0,
            mtime: DEFAULT_EPOCH,
            nlink: 2,
        };
        let mut inodes = HashMap::new();
        inodes.insert(ROOT, root);
        Fs {
            inodes,
            next_ino: ROOT + 1,
            total_bytes: 0,
            cwd: ROOT,
            cred: Cred::ROOT,
            umask: 0o022,
            now: DEFAULT_EPOCH,
            limits: FsLimits::default(),
            journal: Vec::new(),
            journal_dropped: 0,
        }
    }

    // ----- process view and clock -----

    /// The credentials calls run with.
    pub fn cred(&self) -> Cred {
        self.cred
    }

    /// Changes the credentials calls run with.
    pub fn set_cred(&mut self, cred: Cred) {
        self.cred = cred;
    }

    /// The file mode creation mask.
    pub fn umask(&self) -> u32 {
        self.umask
    }

    /// Sets the file mode creation mask (only the low 9 bits count).
    pub fn set_umask(&mut self, mask: u32) {
        self.umask = mask & 0o777;
    }

    /// The limits in force.
    pub fn limits(&self) -> FsLimits {
        self.limits
    }

    /// Replaces the limits (existing content is kept even if over them).
    pub fn set_limits(&mut self, limits: FsLimits) {
        self.limits = limits;
    }

    /// The simulated time, in seconds since the epoch.
    pub fn now(&self) -> i64 {
        self.now
    }

    /// Moves the simulated clock to `t` (it never goes backwards).
    pub fn set_now(&mut self, t: i64) {
        self.now = self.now.max(t);
    }

    /// The working directory's inode.
    pub fn cwd(&self) -> Ino {
        self.cwd
    }

    /// Changes the working directory (`chdir`): the path must be a searchable directory.
    pub fn chdir(&mut self, path: &str) -> FsResult<()> {
        let ino = self.resolve(path, true)?;
        let inode = self.inode(ino)?;
        if !matches!(inode.node, Node::Dir(_)) {
            return Err(FsError::NotDir);
        }
        if !self.may(inode, 1) {
            return Err(FsError::AccessDenied);
        }
        self.cwd = ino;
        Ok(())
    }

    /// The working directory's physical path (`getcwd`), or `ENOENT` if it was removed.
    pub fn cwd_path(&self) -> FsResult<String> {
        self.dir_path(self.cwd)
    }

    // ----- reading -----

    /// `stat`: metadata, following a final symlink.
    pub fn stat(&self, path: &str) -> FsResult<Metadata> {
        let ino = self.resolve(path, true)?;
        self.metadata(ino)
    }

    /// `lstat`: metadata of the path itself, not following a final symlink.
    pub fn lstat(&self, path: &str) -> FsResult<Metadata> {
        let ino = self.resolve(path, false)?;
        self.metadata(ino)
    }

    /// Metadata of an inode.
    pub fn metadata(&self, ino: Ino) -> FsResult<Metadata> {
        let inode = self.inode(ino)?;
        let (kind, size, nlink) = match &inode.node {
            Node::File(data) => (FileKind::File, data.len() as u64, inode.nlink),
            Node::Symlink(target) => (FileKind::Symlink, target.len() as u64, inode.nlink),
            Node::Dir(dir) => {
                let subdirs = dir.entries.values().filter(|i| self.is_dir(**i)).count();
                (FileKind::Dir, 4096, 2 + subdirs as u32)
            }
        };
        Ok(Metadata { ino, kind, perm: inode.perm, nlink, uid: inode.uid, gid: inode.gid, size, mtime: inode.mtime })
    }

    /// Whether the path exists, following symlinks (a dangling link does not exist).
    pub fn exists(&self, path: &str) -> bool {
        self.resolve(path, true).is_ok()
    }

    /// Reads a whole regular file (needs read permission).
    pub fn read(&self, path: &str) -> FsResult<Arc<Vec<u8>>> {
        let ino = self.resolve(path, true)?;
        self.read_ino(ino)
    }

    /// Reads a whole regular file by inode (needs read permission).
    pub fn read_ino(&self, ino: Ino) -> FsResult<Arc<Vec<u8>>> {
        let inode = self.inode(ino)?;
        match &inode.node {
            Node::File(data) if self.may(inode, 4) => Ok(data.clone()),
            Node::File(_) => Err(FsError::AccessDenied),
            Node::Dir(_) => Err(FsError::IsDir),
            Node::Symlink(_) => Err(FsError::Invalid),
        }
    }

    /// `readlink`: the target a symlink holds (`EINVAL` if it is not a symlink).
    pub fn readlink(&self, path: &str) -> FsResult<String> {
        let ino = self.resolve(path, false)?;
        match &self.inode(ino)?.node {
            Node::Symlink(target) => Ok(target.to_string()),
            _ => Err(FsError::Invalid),
        }
    }

    /// Lists a directory's entries in byte order, without `.` and `..` (needs read permission).
    pub fn read_dir(&self, path: &str) -> FsResult<Vec<DirEntry>> {
        let ino = self.resolve(path, true)?;
        let inode = self.inode(ino)?;
        let Node::Dir(dir) = &inode.node else { return Err(FsError::NotDir) };
        if !self.may(inode, 4) {
            return Err(FsError::AccessDenied);
        }
        Ok(dir
            .entries
            .iter()
            .filter_map(|(name, ino)| {
                let kind = self.metadata(*ino).ok()?.kind;
                Some(DirEntry { name: name.clone(), ino: *ino, kind })
            })
            .collect())
    }

    /// `access(path, X_OK)` and friends: whether the caller may read (4), write (2) or
    /// execute/search (1) the file the path names, following symlinks.
    pub fn access(&self, path: &str, want: u32) -> FsResult<()> {
        let ino = self.resolve(path, true)?;
        if self.may(self.inode(ino)?, want) {
            Ok(())
        } else {
            Err(FsError::AccessDenied)
        }
    }

    /// Whether the path (following symlinks) is a regular file the caller may execute: what
    /// `PATH` lookups in the shell, `which` and Python accept.
    pub fn is_executable_file(&self, path: &str) -> bool {
        self.stat(path).is_ok_and(|m| m.kind == FileKind::File) && self.access(path, 1).is_ok()
    }

    /// `realpath`: the canonical absolute path, every symlink followed (all must resolve).
    pub fn realpath(&self, path: &str) -> FsResult<String> {
        let found = self.lookup(path, Last::Follow, None)?;
        found.ino.ok_or(FsError::NotFound)?;
        self.found_path(&found)
    }

    /// Resolves a path to an inode, following the final symlink or not.
    pub fn resolve(&self, path: &str, follow: bool) -> FsResult<Ino> {
        let mode = if follow { Last::Follow } else { Last::NoFollow };
        let found = self.lookup(path, mode, None)?;
        found.ino.ok_or(FsError::NotFound)
    }

    /// Resolves a path following every symlink, returning the inode and each hop taken.
    pub fn resolve_traced(&self, path: &str) -> (FsResult<Ino>, Vec<Hop>) {
        let mut hops = Vec::new();
        let result = self.lookup(path, Last::Follow, Some(&mut hops)).and_then(|f| f.ino.ok_or(FsError::NotFound));
        (result, hops)
    }

    /// The absolute path of a directory inode, built from its parents.
    pub fn dir_path(&self, ino: Ino) -> FsResult<String> {
        let mut names = Vec::new();
        let mut cur = ino;
        while cur != ROOT {
            let Node::Dir(dir) = &self.inode(cur)?.node else { return Err(FsError::NotDir) };
            names.push(dir.name.as_str());
            cur = dir.parent;
            if names.len() > 4096 {
                return Err(FsError::Loop);
            }
        }
        if names.is_empty() {
            return Ok("/".to_string());
        }
        names.reverse();
        Ok(names.iter().fold(String::new(), |acc, n| acc + "/" + n))
    }

    /// The inode of a number, if it exists.
    pub fn inode(&self, ino: Ino) -> FsResult<&Inode> {
        self.inodes.get(&ino).ok_or(FsError::NotFound)
    }

    /// How many inodes the tree holds.
    pub fn inode_count(&self) -> usize {
        self.inodes.len()
    }

    // ----- writing -----

    /// `open` for writing: returns the inode of the (possibly created or emptied) regular file.
    /// A missing final component is created with mode `0666 & !umask` when `create` is set; a
    /// dangling final symlink creates its target, as Linux does (except with `exclusive`,
    /// which never follows a final symlink). With `create`, a path ending in `/` is `EISDIR`.
    pub fn open_write(&mut self, path: &str, opts: OpenOptions) -> FsResult<Ino> {
        let mode = match (opts.create, opts.exclusive) {
            (true, true) => Last::Parent,
            (true, false) => Last::Create,
            (false, _) => Last::Follow,
        };
        let found = self.lookup(path, mode, None)?;
        if mode == Last::Parent {
            if found.is_special() {
                return Err(FsError::Exists);
            }
            if found.trailing_slash {
                return Err(FsError::IsDir);
            }
            if found.ino.is_some() {
                return Err(FsError::Exists);
            }
        }
        if let Some(ino) = found.ino {
            let inode = self.inode(ino)?;
            match inode.node {
                Node::Dir(_) => return Err(FsError::IsDir),
                Node::Symlink(_) => return Err(FsError::Loop),
                Node::File(_) => {}
            }
            if !self.may(inode, 2) {
                return Err(FsError::AccessDenied);
            }
            if opts.truncate {
                self.set_content(ino, Vec::new())?;
                self.note_change(found.parent, &found.name, Change::Modified)?;
            }
            return Ok(ino);
        }
        if !opts.create {
            return Err(FsError::NotFound);
        }
        if found.trailing_slash {
            return Err(FsError::IsDir);
        }
        let perm = 0o666 & !self.umask;
        self.add_entry(found.parent, &found.name, Node::File(Arc::new(Vec::new())), perm)
    }

    /// Appends bytes to an open regular file.
    pub fn append(&mut self, ino: Ino, data: &[u8]) -> FsResult<()> {
        let Node::File(old) = &self.inode(ino)?.node else { return Err(FsError::IsDir) };
        let mut content = Vec::with_capacity(old.len() + data.len());
        content.extend_from_slice(old);
        content.extend_from_slice(data);
        self.set_content(ino, content)
    }

    /// Replaces the whole content of an open regular file by inode, as a write through a file
    /// descriptor does: no permission check (the `open_write` that gave the inode made it), but
    /// the size limits apply.
    /// Records in the journal that the file at `path` changed (for writes made by inode).
    pub fn note_modified(&mut self, path: &str) -> FsResult<()> {
        let found = self.lookup(path, Last::Follow, None)?;
        self.note_change(found.parent, &found.name, Change::Modified)
    }

    /// Replaces the content of a regular file by inode.
    pub fn write_ino(&mut self, ino: Ino, data: &[u8]) -> FsResult<()> {
        self.set_content(ino, data.to_vec())
    }

    /// Replaces a file's whole content, creating it if missing (`open(O_CREAT|O_TRUNC)` + write).
    pub fn write(&mut self, path: &str, data: &[u8]) -> FsResult<Ino> {
        let ino = self.open_write(path, OpenOptions { create: true, exclusive: false, truncate: true })?;
        self.set_content(ino, data.to_vec())?;
        Ok(ino)
    }

    /// `mkdir`: creates a directory with `mode & 0o1777 & !umask` (a trailing slash is fine; an
    /// existing name, even a dangling symlink, is `EEXIST`).
    pub fn mkdir(&mut self, path: &str, mode: u32) -> FsResult<Ino> {
        let found = self.lookup(path, Last::Parent, None)?;
        if found.ino.is_some() {
            return Err(FsError::Exists);
        }
        let dir = Dir { entries: OrdMap::new(), parent: found.parent, name: found.name.clone() };
        self.add_entry(found.parent, &found.name, Node::Dir(dir), mode & 0o1777 & !self.umask)
    }

    /// Creates a directory and any missing parents (`mkdir -p`, Python's `os.makedirs`), each
    /// with `0777 & !umask`; existing ones are left as they are.
    pub fn mkdir_all(&mut self, path: &str) -> FsResult<()> {
        let mut current = String::new();
        for part in path.split('/').filter(|p| !p.is_empty()) {
            current.push('/');
            current.push_str(part);
            if !self.exists(&current) {
                self.mkdir(&current, 0o777)?;
            }
        }
        Ok(())
    }

    /// Removes a path and everything below it without following symlinks (`rm -rf`,
    /// `shutil.rmtree`); deeper than 64 levels is refused.
    pub fn remove_all(&mut self, path: &str) -> FsResult<()> {
        self.remove_below(path, 0)
    }

    fn remove_below(&mut self, path: &str, depth: usize) -> FsResult<()> {
        match self.lstat(path)?.kind {
            FileKind::Dir if depth < 64 => {
                for entry in self.read_dir(path)? {
                    self.remove_below(&join_path(path, &entry.name), depth + 1)?;
                }
                self.rmdir(path)
            }
            FileKind::Dir => Err(FsError::NameTooLong),
            _ => self.unlink(path),
        }
    }

    /// `symlink(target, path)`: creates a symbolic link holding `target` (which need not exist).
    pub fn symlink(&mut self, target: &str, path: &str) -> FsResult<Ino> {
        if target.is_empty() {
            return Err(FsError::NotFound);
        }
        if target.len() >= resolve::PATH_MAX {
            return Err(FsError::NameTooLong);
        }
        let found = self.lookup(path, Last::Parent, None)?;
        if found.ino.is_some() {
            return Err(FsError::Exists);
        }
        if found.trailing_slash {
            return Err(FsError::NotFound);
        }
        self.add_entry(found.parent, &found.name, Node::Symlink(target.into()), 0o777)
    }

    /// `link(old, new)`: a second name for a regular file or symlink (`EPERM` for directories).
    /// A final symlink in `old` is not followed, as on Linux.
    pub fn link(&mut self, old: &str, new: &str) -> FsResult<()> {
        let ino = self.resolve(old, false)?;
        let found = self.lookup(new, Last::Parent, None)?;
        if found.ino.is_some() {
            return Err(FsError::Exists);
        }
        if found.trailing_slash {
            return Err(FsError::NotFound);
        }
        self.check_dir_writable(found.parent)?;
        if self.is_dir(ino) {
            return Err(FsError::NotPermitted);
        }
        self.inode_mut(ino)?.nlink += 1;
        self.insert_entry(found.parent, &found.name, ino)?;
        self.note_change(found.parent, &found.name, Change::Created)
    }

    /// `unlink`: removes a name of a file or symlink (`EISDIR` for a directory). A final
    /// symlink is removed, never followed, even with a trailing slash (`ENOTDIR` then). Needs
    /// write and search permission on the directory, and in a sticky one (`/tmp`) to own the
    /// file or the directory (`EPERM`).
    pub fn unlink(&mut self, path: &str) -> FsResult<()> {
        let found = self.lookup(path, Last::Parent, None)?;
        if found.is_special() {
            return Err(FsError::IsDir);
        }
        let ino = found.ino.ok_or(FsError::NotFound)?;
        if found.trailing_slash {
            return Err(if self.is_dir(ino) { FsError::IsDir } else { FsError::NotDir });
        }
        self.check_dir_writable(found.parent)?;
        self.check_sticky(found.parent, ino)?;
        if self.is_dir(ino) {
            return Err(FsError::IsDir);
        }
        self.note_change(found.parent, &found.name, Change::Removed)?;
        self.remove_entry(found.parent, &found.name)?;
        self.drop_link(ino);
        Ok(())
    }

    /// `rmdir`: removes an empty directory (`.` is `EINVAL`, `..` is `ENOTEMPTY`, `/` is
    /// `EBUSY`; a symlink to a directory is `ENOTDIR`). Permissions as for `unlink`.
    pub fn rmdir(&mut self, path: &str) -> FsResult<()> {
        let found = self.lookup(path, Last::Parent, None)?;
        match found.name.as_str() {
            "." => return Err(FsError::Invalid),
            ".." => return Err(FsError::NotEmpty),
            "/" => return Err(FsError::Busy),
            _ => {}
        }
        let ino = found.ino.ok_or(FsError::NotFound)?;
        self.check_dir_writable(found.parent)?;
        self.check_sticky(found.parent, ino)?;
        if !self.is_dir(ino) {
            return Err(FsError::NotDir);
        }
        if ino == ROOT {
            return Err(FsError::Busy);
        }
        if !self.dir_is_empty(ino) {
            return Err(FsError::NotEmpty);
        }
        self.note_change(found.parent, &found.name, Change::Removed)?;
        self.remove_entry(found.parent, &found.name)?;
        self.free(ino);
        Ok(())
    }

    /// `rename(old, new)`: moves a name in O(1); a directory keeps its inode and content.
    /// Errors come in Linux's order: lookups of both parents, `EBUSY` for `.`/`..`/`/`,
    /// `ENOENT`, `ENOTDIR` for a trailing slash on a non-directory, `EINVAL` for a move into
    /// its own subtree, `ENOTEMPTY` for a target that contains the source, then (unless both
    /// names are the same inode, a no-op) permissions (both directories writable, the sticky
    /// rule for the source and a replaced target, write permission on a directory that changes
    /// parent), kind mismatches (`ENOTDIR`, `EISDIR`) and a non-empty target directory.
    pub fn rename(&mut self, old: &str, new: &str) -> FsResult<()> {
        let from = self.lookup(old, Last::Parent, None)?;
        let to = self.lookup(new, Last::Parent, None)?;
        if from.is_special() || to.is_special() {
            return Err(FsError::Busy);
        }
        let ino = from.ino.ok_or(FsError::NotFound)?;
        let moving_dir = self.is_dir(ino);
        if !moving_dir && (from.trailing_slash || to.trailing_slash) {
            return Err(FsError::NotDir);
        }
        if moving_dir && self.is_within(to.parent, ino) {
            return Err(FsError::Invalid);
        }
        if let Some(existing) = to.ino {
            if existing != ino && self.is_dir(existing) && self.is_within(from.parent, existing) {
                return Err(FsError::NotEmpty);
            }
            if existing == ino {
                return Ok(());
            }
        }
        self.check_dir_writable(from.parent)?;
        self.check_sticky(from.parent, ino)?;
        self.check_dir_writable(to.parent)?;
        if let Some(existing) = to.ino {
            self.check_sticky(to.parent, existing)?;
            match (moving_dir, self.is_dir(existing)) {
                (true, false) => return Err(FsError::NotDir),
                (false, true) => return Err(FsError::IsDir),
                _ => {}
            }
        }
        if moving_dir && from.parent != to.parent && !self.may(self.inode(ino)?, 2) {
            // Moving a directory to another parent rewrites its `..`.
            return Err(FsError::AccessDenied);
        }
        if let Some(existing) = to.ino {
            if moving_dir && !self.dir_is_empty(existing) {
                return Err(FsError::NotEmpty);
            }
        }
        self.note_change(from.parent, &from.name, Change::Removed)?;
        if let Some(existing) = to.ino {
            self.remove_entry(to.parent, &to.name)?;
            self.drop_link(existing);
        }
        self.remove_entry(from.parent, &from.name)?;
        self.insert_entry(to.parent, &to.name, ino)?;
        if let Node::Dir(dir) = &mut self.inode_mut(ino)?.node {
            dir.parent = to.parent;
            dir.name = to.name.clone();
        }
        self.note_change(to.parent, &to.name, Change::Created)
    }

    /// `chmod`: sets permission bits, following symlinks; only the owner or root may (and a
    /// non-root owner outside the file's group cannot set set-group-ID).
    pub fn chmod(&mut self, path: &str, mode: u32) -> FsResult<()> {
        let found = self.lookup(path, Last::Follow, None)?;
        let ino = found.ino.ok_or(FsError::NotFound)?;
        let cred = self.cred;
        let inode = self.inode_mut(ino)?;
        if cred.uid != 0 && cred.uid != inode.uid {
            return Err(FsError::NotPermitted);
        }
        let mut mode = mode & 0o7777;
        if cred.uid != 0 && cred.gid != inode.gid {
            // Linux drops set-group-ID for a caller outside the file's group.
            mode &= !0o2000;
        }
        inode.perm = mode;
        self.note_found(&found, Change::Modified)
    }

    /// `lchown`: sets owner and group of the path itself (a final symlink is not followed).
    /// Root may set anything; the owner may only change the group, to its own (`EPERM`
    /// otherwise). As on Linux, changing the owner of a non-directory clears its set-user-ID
    /// bit, and its set-group-ID bit if it is group-executable.
    pub fn chown(&mut self, path: &str, uid: u32, gid: u32) -> FsResult<()> {
        let ino = self.resolve(path, false)?;
        let cred = self.cred;
        let inode = self.inode_mut(ino)?;
        let owner_regroups = cred.uid == inode.uid && uid == inode.uid && (gid == inode.gid || gid == cred.gid);
        if cred.uid != 0 && !owner_regroups {
            return Err(FsError::NotPermitted);
        }
        inode.uid = uid;
        inode.gid = gid;
        if !matches!(inode.node, Node::Dir(_)) {
            inode.perm &= !0o4000;
            if inode.perm & 0o010 != 0 {
                inode.perm &= !0o2000;
            }
        }
        Ok(())
    }

    /// `utimensat`: sets the modification time (following symlinks). Root and the owner may
    /// set any time; anyone else only the current time (`mtime == now()`, as `touch` does),
    /// and only with write permission: `EPERM` for another time, `EACCES` without the bit.
    pub fn set_mtime(&mut self, path: &str, mtime: i64) -> FsResult<()> {
        let ino = self.resolve(path, true)?;
        let cred = self.cred;
        let inode = self.inode(ino)?;
        if cred.uid != 0 && cred.uid != inode.uid {
            if mtime != self.now {
                return Err(FsError::NotPermitted);
            }
            if !self.may(inode, 2) {
                return Err(FsError::AccessDenied);
            }
        }
        self.inode_mut(ino)?.mtime = mtime;
        Ok(())
    }

    // ----- journal -----

    /// Takes the changes recorded since the last call, and how many were dropped over the bound.
    pub fn take_changes(&mut self) -> (Vec<Change>, usize) {
        let dropped = std::mem::take(&mut self.journal_dropped);
        (std::mem::take(&mut self.journal), dropped)
    }

    // ----- internals -----

    fn lookup(&self, path: &str, mode: Last, hops: Option<&mut Vec<Hop>>) -> FsResult<Lookup> {
        resolve::lookup(self, path, mode, hops)
    }

    /// The canonical absolute path of what a lookup found (a directory's own path, so that
    /// `a/..` or `.` name the directory, not `a/..`).
    fn found_path(&self, found: &Lookup) -> FsResult<String> {
        match found.ino {
            Some(ino) if self.is_dir(ino) => self.dir_path(ino),
            _ => Ok(join_path(&self.dir_path(found.parent)?, &found.name)),
        }
    }

    /// Records a change to what a lookup found.
    fn note_found(&mut self, found: &Lookup, make: fn(String) -> Change) -> FsResult<()> {
        if self.journal.len() >= MAX_JOURNAL {
            self.journal_dropped += 1;
            return Ok(());
        }
        let path = self.found_path(found)?;
        self.journal.push(make(path));
        Ok(())
    }

    fn is_dir(&self, ino: Ino) -> bool {
        matches!(self.inodes.get(&ino), Some(Inode { node: Node::Dir(_), .. }))
    }

    fn dir_is_empty(&self, ino: Ino) -> bool {
        matches!(self.inodes.get(&ino), Some(Inode { node: Node::Dir(d), .. }) if d.entries.is_empty())
    }

    /// Whether `ino` is `ancestor` or lies below it.
    fn is_within(&self, mut ino: Ino, ancestor: Ino) -> bool {
        for _ in 0..=4096 {
            if ino == ancestor {
                return true;
            }
            match self.inodes.get(&ino) {
                Some(Inode { node: Node::Dir(d), .. }) if ino != ROOT => ino = d.parent,
                _ => return false,
            }
        }
        true
    }

    /// Permission check of `want` (4 read, 2 write, 1 execute/search) for the caller.
    fn may(&self, inode: &Inode, want: u32) -> bool {
        if self.cred.uid == 0 {
            let needs_x = want & 1 != 0 && !matches!(inode.node, Node::Dir(_));
            return !needs_x || inode.perm & 0o111 != 0;
        }
        let shift = if self.cred.uid == inode.uid {
            6
        } else if self.cred.gid == inode.gid {
            3
        } else {
            0
        };
        (inode.perm >> shift) & want == want
    }

    fn check_dir_writable(&self, dir: Ino) -> FsResult<()> {
        if self.may(self.inode(dir)?, 3) {
            Ok(())
        } else {
            Err(FsError::AccessDenied)
        }
    }

    /// The sticky-directory rule (`/tmp`): in a directory with `0o1000`, only root, the
    /// directory's owner and the entry's owner may remove or replace the entry (`EPERM`).
    fn check_sticky(&self, dir: Ino, victim: Ino) -> FsResult<()> {
        let uid = self.cred.uid;
        let dir = self.inode(dir)?;
        if uid == 0 || dir.perm & 0o1000 == 0 || dir.uid == uid || self.inode(victim)?.uid == uid {
            Ok(())
        } else {
            Err(FsError::NotPermitted)
        }
    }

    fn inode_mut(&mut self, ino: Ino) -> FsResult<&mut Inode> {
        self.inodes.get_mut(&ino).ok_or(FsError::NotFound)
    }

    fn set_content(&mut self, ino: Ino, content: Vec<u8>) -> FsResult<()> {
        if content.len() > self.limits.max_file_size {
            return Err(FsError::TooBig);
        }
        let old_len = match &self.inode(ino)?.node {
            Node::File(data) => data.len(),
            _ => return Err(FsError::IsDir),
        };
        let total = self.total_bytes - old_len + content.len();
        if content.len() > old_len && total > self.limits.max_total_bytes {
            return Err(FsError::NoSpace);
        }
        self.total_bytes = total;
        let now = self.now;
        let inode = self.inode_mut(ino)?;
        inode.node = Node::File(Arc::new(content));
        inode.mtime = now;
        Ok(())
    }

    /// Creates a new inode and links it into `dir` under `name`.
    fn add_entry(&mut self, dir: Ino, name: &str, node: Node, perm: u32) -> FsResult<Ino> {
        self.check_dir_writable(dir)?;
        if self.inodes.len() >= self.limits.max_inodes {
            return Err(FsError::NoSpace);
        }
        let ino = self.next_ino;
        self.next_ino += 1;
        let inode = Inode { node, perm, uid: self.cred.uid, gid: self.cred.gid, mtime: self.now, nlink: 1 };
        self.inodes.insert(ino, inode);
        self.insert_entry(dir, name, ino)?;
        self.note_change(dir, name, Change::Created)?;
        Ok(ino)
    }

    fn insert_entry(&mut self, dir: Ino, name: &str, ino: Ino) -> FsResult<()> {
        let now = self.now;
        let inode = self.inode_mut(dir)?;
        let Node::Dir(d) = &mut inode.node else { return Err(FsError::NotDir) };
        d.entries.insert(name.to_string(), ino);
        inode.mtime = now;
        Ok(())
    }

    fn remove_entry(&mut self, dir: Ino, name: &str) -> FsResult<()> {
        let now = self.now;
        let inode = self.inode_mut(dir)?;
        let Node::Dir(d) = &mut inode.node else { return Err(FsError::NotDir) };
        d.entries.remove(name);
        inode.mtime = now;
        Ok(())
    }

    /// Drops one name of an inode; frees it when none is left (a directory is freed outright).
    fn drop_link(&mut self, ino: Ino) {
        let last = match self.inodes.get_mut(&ino) {
            Some(inode) if !matches!(inode.node, Node::Dir(_)) && inode.nlink > 1 => {
                inode.nlink -= 1;
                false
            }
            Some(_) => true,
            None => false,
        };
        if last {
            self.free(ino);
        }
    }

    fn free(&mut self, ino: Ino) {
        if let Some(inode) = self.inodes.remove(&ino) {
            if let Node::File(data) = &inode.node {
                self.total_bytes -= data.len();
            }
        }
    }

    fn note_change(&mut self, dir: Ino, name: &str, make: fn(String) -> Change) -> FsResult<()> {
        if self.journal.len() >= MAX_JOURNAL {
            self.journal_dropped += 1;
            return Ok(());
        }
        let path = join_path(&self.dir_path(dir)?, name);
        self.journal.push(make(path));
        Ok(())
    }
}

/// Resolves `.`, `..` and repeated slashes of an absolute path by text alone, without looking
/// at the tree (`os.path.normpath`, `cd -L`): `/a/b/../c/./` is `/a/c`.
pub fn normalize_path(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for comp in path.split('/') {
        match comp {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    format!("/{}", parts.join("/"))
}

/// Joins a directory path and a name with exactly one slash.
pub fn join_path(dir: &str, name: &str) -> String {
    if name.is_empty() || name == "." {
        dir.to_string()
    } else if dir.ends_with('/') {
        format!("{dir}{name}")
    } else {
        format!("{dir}/{name}")
    }
}

#[cfg(test)]
mod tests;
