//! Errors of filesystem calls, with Linux errno semantics.
//!
//! `Display` gives `strerror`'s wording, which is what coreutils and bash print after the file
//! name (`cat: x: No such file or directory`).

use std::fmt;

/// The errno a filesystem call failed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FsError {
    /// `EPERM`: operation not permitted (hard link to a directory, chmod of another's file).
    NotPermitted,
    /// `ENOENT`: a component does not exist.
    NotFound,
    /// `EACCES`: a permission bit is missing.
    AccessDenied,
    /// `EEXIST`: the name is taken.
    Exists,
    /// `ENOTDIR`: a component used as a directory is not one.
    NotDir,
    /// `EISDIR`: a directory where a file was needed.
    IsDir,
    /// `EINVAL`: invalid argument (readlink of a non-link, moving a directory into itself).
    Invalid,
    /// `EFBIG`: the file would exceed the simulation's file size limit.
    TooBig,
    /// `ENOSPC`: the simulation's inode or byte budget is used up.
    NoSpace,
    /// `ENAMETOOLONG`: a name over 255 bytes or a path over 4096.
    NameTooLong,
    /// `ENOTEMPTY`: removing or replacing a directory that has entries.
    NotEmpty,
    /// `ELOOP`: more than 40 symbolic links while resolving a path.
    Loop,
    /// `EBUSY`: the root directory cannot be removed or renamed.
    Busy,
    /// `EXDEV`-like refusal to hard-link across kinds; also used for unsupported file types.
    NotSupported,
}

impl FsError {
    /// The errno number Linux uses (x86-64), for `[Errno N]` style messages.
    pub fn errno(self) -> i32 {
        match self {
            FsError::NotPermitted => 1,
            FsError::NotFound => 2,
            FsError::AccessDenied => 13,
            FsError::Busy => 16,
            FsError::Exists => 17,
            FsError::NotDir => 20,
            FsError::IsDir => 21,
            FsError::Invalid => 22,
            FsError::TooBig => 27,
            FsError::NoSpace => 28,
            FsError::NameTooLong => 36,
            FsError::NotEmpty => 39,
            FsError::Loop => 40,
            FsError::NotSupported => 95,
        }
    }

    /// The symbolic name (`ENOENT`), as Python's `OSError` subclasses and traces show it.
    pub fn name(self) -> &'static str {
        match self {
            FsError::NotPermitted => "EPERM",
            FsError::NotFound => "ENOENT",
            FsError::AccessDenied => "EACCES",
            FsError::Busy => "EBUSY",
            FsError::Exists => "EEXIST",
            FsError::NotDir => "ENOTDIR",
            FsError::IsDir => "EISDIR",
            FsError::Invalid => "EINVAL",
            FsError::TooBig => "EFBIG",
            FsError::NoSpace => "ENOSPC",
            FsError::NameTooLong => "ENAMETOOLONG",
            FsError::NotEmpty => "ENOTEMPTY",
            FsError::Loop => "ELOOP",
            FsError::NotSupported => "EOPNOTSUPP",
        }
    }
}

impl fmt::Display for FsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FsError::NotPermitted => "Operation not permitted",
            FsError::NotFound => "No such file or directory",
            FsError::AccessDenied => "Permission denied",
            FsError::Busy => "Device or resource busy",
            FsError::Exists => "File exists",
            FsError::NotDir => "Not a directory",
            FsError::IsDir => "Is a directory",
            FsError::Invalid => "Invalid argument",
            FsError::TooBig => "File too large",
            FsError::NoSpace => "No space left on device",
            FsError::NameTooLong => "File name too long",
            FsError::NotEmpty => "Directory not empty",
            FsError::Loop => "Too many levels of symbolic links",
            FsError::NotSupported => "Operation not supported",
        })
    }
}

impl std::error::Error for FsError {}

/// The result of a filesystem call.
pub type FsResult<T> = Result<T, FsError>;
