//! Path resolution as Linux's `namei` does it.
//!
//! Components are walked from `/` or the working directory; `.` and `..` are physical (`..` of
//! `/` is `/`); every directory walked through needs search permission; a symlink met before the
//! last component is always followed, the last one only when asked (or when the path ends in
//! `/`); more than 40 links in one resolution is `ELOOP`. Resolution stops at the last
//! component and reports its parent and name, so calls that create or remove names can use it.

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

/// Where a path leads: the directory holding its last component, the component's name, and
/// the inode if that name exists.
#[derive(Debug)]
pub(super) struct Lookup {
    pub parent: Ino,
    pub name: String,
    pub ino: Option<Ino>,
    pub trailing_slash: bool,
}

pub(super) fn lookup(fs: &Fs, path: &str, follow_last: bool, mut hops: Option<&mut Vec<Hop>>) -> FsResult<Lookup> {
    if path.is_empty() {
        return Err(FsError::NotFound);
    }
    if path.len() >= PATH_MAX {
        return Err(FsError::NameTooLong);
    }
    let trailing_slash = path.ends_with('/') && path.bytes().any(|b| b != b'/');
    let mut pending: VecDeque<String> = split(path);
    let mut cur = if path.starts_with('/') { ROOT } else { fs.cwd };
    let mut links = 0;
    if pending.is_empty() {
        let parent = parent_of(fs, cur)?;
        return Ok(Lookup { parent, name: ".".into(), ino: Some(cur), trailing_slash });
    }
    while let Some(name) = pending.pop_front() {
        let inode = fs.inode(cur)?;
        let Node::Dir(dir) = &inode.node else { return Err(FsError::NotDir) };
        if !fs.may(inode, 1) {
            return Err(FsError::AccessDenied);
        }
        if name.len() > NAME_MAX {
            return Err(FsError::NameTooLong);
        }
        let last = pending.is_empty();
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
        if let Node::Symlink(target) = &fs.inode(next)?.node {
            if !last || follow_last || trailing_slash {
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
                for part in split(target).into_iter().rev() {
                    pending.push_front(part);
                }
                if target.starts_with('/') {
                    cur = ROOT;
                }
                if pending.is_empty() {
                    // A link to "/" (or to "//"): the result is the directory itself.
                    let parent = parent_of(fs, cur)?;
                    return Ok(Lookup { parent, name: ".".into(), ino: Some(cur), trailing_slash });
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
    Err(FsError::NotFound)
}

fn split(path: &str) -> VecDeque<String> {
    path.split('/').filter(|c| !c.is_empty()).map(str::to_string).collect()
}

fn parent_of(fs: &Fs, dir: Ino) -> FsResult<Ino> {
    match &fs.inode(dir)?.node {
        Node::Dir(d) => Ok(d.parent),
        _ => Err(FsError::NotDir),
    }
}
