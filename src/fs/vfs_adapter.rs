//! `vfs::FileSystem` for [`Fs`](super::Fs): the interface the user asked for, shared behind a lock.
//!
//! vfs paths are `""` for the root and `"/a/b"` otherwise; they are absolute, so the
//! working directory never matters. Calls run with the credentials and umask the [`Fs`] holds.
//!
//! Where vfs expects something Linux would not do, the adapter (never the [`Fs`]) does what
//! vfs expects:
//! - directories report a length of 0;
//! - `copy_file`, `move_file` and `move_dir` refuse an existing destination (`FileExists`)
//!   instead of replacing it;
//! - `move_file` refuses a directory and `move_dir` anything else;
//! - `create_dir` on an existing name says whether a directory (`DirectoryExists`) or
//!   something else (`FileExists`) is there.
//!
//! Files written through [`create_file`](vfs::FileSystem::create_file) or
//! [`append_file`](vfs::FileSystem::append_file) are buffered and written back into the
//! [`Fs`] (by inode, so a rename in between is harmless) on `flush` and on drop.
//!
//! Times: the simulated clock counts whole seconds, so `metadata().modified` is
//! `UNIX_EPOCH + mtime` seconds, and `set_modification_time` accepts whole-second times only
//! (others are `NotSupported` rather than silently rounded). Creation and access times are not
//! kept. Nothing here reads the real clock (`SystemTime::now` panics in the browser).
use super::{FileKind, Fs, FsError, Ino, OpenOptions};
use std::io::{self, Cursor, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime};
use vfs::error::VfsErrorKind;
use vfs::{FileSystem, SeekAndRead, SeekAndWrite, VfsError, VfsFileType, VfsMetadata, VfsResult};

/// An [`Fs`] usable wherever the `vfs` crate expects a `FileSystem`.
#[derive(Debug, Clone, Default)]
pub struct VfsAdapter(pub Arc<Mutex<Fs>>);

impl VfsAdapter {
    /// Wraps a filesystem.
    pub fn new(fs: Fs) -> VfsAdapter {
        VfsAdapter(Arc::new(Mutex::new(fs)))
    }

    /// Locks the filesystem; a lock poisoned by a panic elsewhere is taken over, since every
    /// `Fs` call leaves the tree consistent.
    pub fn lock(&self) -> MutexGuard<'_, Fs> {
        lock(&self.0)
    }
}

fn lock(fs: &Mutex<Fs>) -> MutexGuard<'_, Fs> {
    fs.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The `Fs` path of a vfs path (`""` is the root).
fn fs_path(path: &str) -> &str {
    if path.is_empty() {
        "/"
    } else {
        path
    }
}

/// The `io::ErrorKind` closest to an errno.
fn io_kind(err: FsError) -> io::ErrorKind {
    match err {
        FsError::NotFound => io::ErrorKind::NotFound,
        FsError::NotPermitted | FsError::AccessDenied => io::ErrorKind::PermissionDenied,
        FsError::Exists => io::ErrorKind::AlreadyExists,
        FsError::NotDir => io::ErrorKind::NotADirectory,
        FsError::IsDir => io::ErrorKind::IsADirectory,
        FsError::Invalid => io::ErrorKind::InvalidInput,
        FsError::TooBig => io::ErrorKind::FileTooLarge,
        FsError::NoSpace => io::ErrorKind::StorageFull,
        FsError::NameTooLong => io::ErrorKind::InvalidInput,
        FsError::NotEmpty => io::ErrorKind::DirectoryNotEmpty,
        FsError::Loop => io::ErrorKind::Other,
        FsError::Busy => io::ErrorKind::ResourceBusy,
        FsError::NotSupported => io::ErrorKind::Unsupported,
    }
}

/// An `io::Error` carrying the `FsError` (retrievable with `get_ref` + `downcast_ref`).
fn io_error(err: FsError) -> io::Error {
    io::Error::new(io_kind(err), err)
}

/// The vfs error for an `FsError`: `FileNotFound` and `FileExists` where vfs has a kind of its
/// own, otherwise an `IoError` carrying the errno.
fn vfs_error(err: FsError) -> VfsError {
    match err {
        FsError::NotFound => VfsErrorKind::FileNotFound.into(),
        FsError::Exists => VfsErrorKind::FileExists.into(),
        other => VfsErrorKind::IoError(io_error(other)).into(),
    }
}

fn time_of(secs: i64) -> Option<SystemTime> {
    if secs >= 0 {
        SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(secs.unsigned_abs()))
    } else {
        SystemTime::UNIX_EPOCH.checked_sub(Duration::from_secs(secs.unsigned_abs()))
    }
}

/// Whole seconds since the epoch, if `time` is a whole number of seconds that fits.
fn secs_of(time: SystemTime) -> Option<i64> {
    match time.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(after) if after.subsec_nanos() == 0 => i64::try_from(after.as_secs()).ok(),
        Ok(_) => None,
        Err(before) => {
            let before = before.duration();
            if before.subsec_nanos() == 0 {
                i64::try_from(before.as_secs()).ok().map(|s| -s)
            } else {
                None
            }
        }
    }
}

/// A file's bytes as read, shared with the tree (reading never copies them).
struct Bytes(Arc<Vec<u8>>);

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// A file being written: its bytes are kept here and written back into the [`Fs`] inode on
/// `flush` and on drop (errors on drop are lost; call `flush` to see them).
struct Writer {
    fs: Arc<Mutex<Fs>>,
    ino: Ino,
    content: Cursor<Vec<u8>>,
    dirty: bool,
}

impl Write for Writer {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.dirty = true;
        self.content.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.dirty {
            return Ok(());
        }
        lock(&self.fs).write_ino(self.ino, self.content.get_ref()).map_err(io_error)?;
        self.dirty = false;
        Ok(())
    }
}

impl Seek for Writer {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.content.seek(pos)
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

impl FileSystem for VfsAdapter {
    fn read_dir(&self, path: &str) -> VfsResult<Box<dyn Iterator<Item = String> + Send>> {
        let entries = self.lock().read_dir(fs_path(path)).map_err(vfs_error)?;
        Ok(Box::new(entries.into_iter().map(|e| e.name)))
    }

    fn create_dir(&self, path: &str) -> VfsResult<()> {
        let mut fs = self.lock();
        match fs.mkdir(fs_path(path), 0o777) {
            Ok(_) => Ok(()),
            Err(FsError::Exists) => match fs.stat(fs_path(path)) {
                Ok(meta) if meta.kind == FileKind::Dir => Err(VfsErrorKind::DirectoryExists.into()),
                _ => Err(VfsErrorKind::FileExists.into()),
            },
            Err(err) => Err(vfs_error(err)),
        }
    }

    fn open_file(&self, path: &str) -> VfsResult<Box<dyn SeekAndRead + Send>> {
        let data = self.lock().read(fs_path(path)).map_err(vfs_error)?;
        Ok(Box::new(Cursor::new(Bytes(data))))
    }

    fn create_file(&self, path: &str) -> VfsResult<Box<dyn SeekAndWrite + Send>> {
        let opts = OpenOptions { create: true, exclusive: false, truncate: true };
        let ino = self.lock().open_write(fs_path(path), opts).map_err(vfs_error)?;
        Ok(Box::new(Writer { fs: self.0.clone(), ino, content: Cursor::new(Vec::new()), dirty: false }))
    }

    fn append_file(&self, path: &str) -> VfsResult<Box<dyn SeekAndWrite + Send>> {
        let fs = &mut *self.lock();
        let opts = OpenOptions { create: false, exclusive: false, truncate: false };
        let ino = fs.open_write(fs_path(path), opts).map_err(vfs_error)?;
        let old = fs.inode(ino).map_err(vfs_error)?;
        let super::Node::File(data) = &old.node else { return Err(vfs_error(FsError::IsDir)) };
        let mut content = Cursor::new(data.as_ref().clone());
        content.seek(SeekFrom::End(0))?;
        Ok(Box::new(Writer { fs: self.0.clone(), ino, content, dirty: false }))
    }

    fn metadata(&self, path: &str) -> VfsResult<VfsMetadata> {
        let meta = self.lock().stat(fs_path(path)).map_err(vfs_error)?;
        let (file_type, len) = match meta.kind {
            FileKind::Dir => (VfsFileType::Directory, 0),
            _ => (VfsFileType::File, meta.size),
        };
        Ok(VfsMetadata { file_type, len, modified: time_of(meta.mtime), created: None, accessed: None })
    }

    fn set_modification_time(&self, path: &str, time: SystemTime) -> VfsResult<()> {
        let secs = secs_of(time).ok_or(VfsErrorKind::NotSupported)?;
        self.lock().set_mtime(fs_path(path), secs).map_err(vfs_error)
    }

    fn exists(&self, path: &str) -> VfsResult<bool> {
        Ok(self.lock().exists(fs_path(path)))
    }

    fn remove_file(&self, path: &str) -> VfsResult<()> {
        self.lock().unlink(fs_path(path)).map_err(vfs_error)
    }

    fn remove_dir(&self, path: &str) -> VfsResult<()> {
        self.lock().rmdir(fs_path(path)).map_err(vfs_error)
    }

    fn copy_file(&self, src: &str, dest: &str) -> VfsResult<()> {
        let fs = &mut *self.lock();
        let data = fs.read(fs_path(src)).map_err(vfs_error)?;
        let perm = fs.stat(fs_path(src)).map_err(vfs_error)?.perm;
        let opts = OpenOptions { create: true, exclusive: true, truncate: true };
        let ino = fs.open_write(fs_path(dest), opts).map_err(vfs_error)?;
        fs.write_ino(ino, &data).map_err(vfs_error)?;
        // As `cp` does: the source's permission bits, less the umask.
        let mode = perm & 0o777 & !fs.umask();
        if fs.stat(fs_path(dest)).map_err(vfs_error)?.perm != mode {
            fs.chmod(fs_path(dest), mode).map_err(vfs_error)?;
        }
        Ok(())
    }

    fn move_file(&self, src: &str, dest: &str) -> VfsResult<()> {
        let fs = &mut *self.lock();
        if fs.lstat(fs_path(src)).map_err(vfs_error)?.kind == FileKind::Dir {
            return Err(vfs_error(FsError::IsDir));
        }
        if fs.lstat(fs_path(dest)).is_ok() {
            return Err(VfsErrorKind::FileExists.into());
        }
        fs.rename(fs_path(src), fs_path(dest)).map_err(vfs_error)
    }

    fn move_dir(&self, src: &str, dest: &str) -> VfsResult<()> {
        let fs = &mut *self.lock();
        if fs.lstat(fs_path(src)).map_err(vfs_error)?.kind != FileKind::Dir {
            return Err(vfs_error(FsError::NotDir));
        }
        if let Ok(meta) = fs.lstat(fs_path(dest)) {
            return Err(if meta.kind == FileKind::Dir {
                VfsErrorKind::DirectoryExists.into()
            } else {
                VfsErrorKind::FileExists.into()
            });
        }
        fs.rename(fs_path(src), fs_path(dest)).map_err(vfs_error)
    }
}
