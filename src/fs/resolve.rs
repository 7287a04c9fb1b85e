//! Path resolution as Linux's `namei` does it.
//!
//! Components are walked from `/` or the working directory; `.` and `..` are physical (`..` of
//! `/` is `/`); every directory walked through needs search permission; a symlink met before the
//! last component is always followed; more than 40 links in one resolution is `ELOOP`.
//! Resolution stops at the last component and reports its parent and name, so calls that create
//! or remove names can use it. What happens to the last component depends on the call
//! ([`Last`]): `stat`-like calls follow a final link, `lstat`-like calls follow it only when
//! the path ends in `/`, and calls that create or remove a name (`mkdir`, `unlink`, `rmdir`,
//! `rename`, ...) never follow it and judge a trailing slash themselves, as Linux's
//! `filename_parentat` callers do. A link target ending in `/` counts as a trailing slash.

use super::{Fs, FsError, FsResult, Ino, Node, ROOT};
use std::collections::VecDeque;

/// Most symlinks followed in one resolution, as Linux (`MAXSYMLINKS`).
pub const MAX_SYMLINK_HOPS: usize = 40;
/// Longest path accepted, in bytes (`PATH_MAX`).
pub const PATH_MAX: usize = 4096;
/// Longest file name accepted, in bytes (`NAME_MAX`).
pub const NAME_MAX: usize = 255;

/// One symlink followed while resolving a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    /// The absolute path of the link.
    pub link: String,
    /// The target it holds, as written.
    pub target: String,
}

/// How the last component of a path is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Last {
    /// Follow a final symlink; a trailing slash requires a directory (`stat`, `open`, `chmod`).
    Follow,
    /// Do not follow a final symlink unless the path ends in `/`, which also requires a
    /// directory (`lstat`, `readlink`, `link`'s source).
    NoFollow,
    /// Look the final component up in its parent without following it or checking a trailing
    /// slash: the call decides (`mkdir`, `unlink`, `rmdir`, `rename`, `symlink`, `link`'s target,
    /// `open(O_CREAT|O_EXCL)`).
    Parent,
    /// `open(O_CREAT)`: follow final symlinks; a trailing slash on the final component (of the
    /// path or of a link's target) is `EISDIR` before the name is even looked up.
    Create,
}

/// Where a path leads: the directory holding its last component, the component's name, and
/// the inode if that name exists.
///
/// The name is `.` or `..` when the path ends in one, and `/` when the path has no last
/// component at all (`/`, `//`, or a link to `/`).
#[derive(Debug)]
pub(super) struct Lookup {
    pub parent: Ino,
    pub name: String,
    pub ino: Option<Ino>,
    pub trailing_slash: bool,
}

impl Lookup {
    /// Whether the name is `.`, `..` or `/` rather than a directory entry (Linux's
    /// `LAST_DOT`, `LAST_DOTDOT`, `LAST_ROOT`).
    pub fn is_special(&self) -> bool {
        matches!(self.name.as_str(), "." | ".." | "/")
    }
}

pub(super) fn lookup(fs: &Fs, path: &str, mode: Last, mut hops: Option<&mut Vec<Hop>>) -> FsResult<Lookup> {
    if path.is_empty() {
        return Err(FsError::NotFound);
    }
    if path.len() >= PATH_MAX {
        return Err(FsError::NameTooLong);
    }
    let mut trailing_slash = path.ends_with('/') && path.bytes().any(|b| b != b'/');
    let mut pending: VecDeque<String> = split(path);
    let mut cur = if path.starts_with('/') { ROOT } else { fs.cwd };
    let mut links = 0;
    loop {
        let Some(name) = pending.pop_front() else {
            // No last component: the path is all slashes, or the last link followed held one.
            fs.inode(ROOT)?;
            return Ok(Lookup { parent: ROOT, name: "/".into(), ino: Some(ROOT), trailing_slash });
        };
        let inode = fs.inode(cur)?;
        let Node::Dir(dir) = &inode.node else { return Err(FsError::NotDir) };
        if !fs.may(inode, 1) {
            return Err(FsError::AccessDenied);
        }
        if name.len() > NAME_MAX {
            return Err(FsError::NameTooLong);
        }
        let last = pending.is_empty();
        if last && trailing_slash && mode == Last::Create {
            return Err(FsError::IsDir);
        }
        let next = match name.as_str() {
            "." => Some(cur),
            ".." => Some(dir.parent),
            _ => dir.entries.get(&name).copied(),
        };
        let Some(next) = next else {
            if last {
                return Ok(Lookup { parent: cur, name, ino: None, trailing_slash });
            }
            return Err(FsError::NotFound);
        };
        if last && mode == Last::Parent {
            return Ok(Lookup { parent: cur, name, ino: Some(next), trailing_slash });
        }
        if let Node::Symlink(target) = &fs.inode(next)?.node {
            if !last || mode != Last::NoFollow || trailing_slash {
                links += 1;
                if links > MAX_SYMLINK_HOPS {
                    return Err(FsError::Loop);
                }
                if target.is_empty() {
                    return Err(FsError::NotFound);
                }
                if let Some(hops) = hops.as_deref_mut() {
                    let link = super::join_path(&fs.dir_path(cur)?, &name);
                    hops.push(Hop { link, target: target.to_string() });
                }
                // A target ending in `/` makes its last component need to be a directory,
                // as a trailing slash on the path itself does.
                if last && target.ends_with('/') {
                    trailing_slash = true;
                }
                for part in split(target).into_iter().rev() {
                    pending.push_front(part);
                }
                if target.starts_with('/') {
                    cur = ROOT;
                }
                continue;
            }
        }
        if last {
            let is_dir = matches!(fs.inode(next)?.node, Node::Dir(_));
            if trailing_slash && !is_dir {
                return Err(FsError::NotDir);
            }
            return Ok(Lookup { parent: cur, name, ino: Some(next), trailing_slash });
        }
        cur = next;
    }
}

fn split(path: &str) -> VecDeque<String> {
    path.split('/').filter(|c| !c.is_empty()).map(str::to_string).collect()
}
