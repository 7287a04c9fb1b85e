//! `vfs::FileSystem` for [`Fs`](super::Fs): the interface the user asked for, shared behind a lock.
use super::Fs;
use std::sync::{Arc, Mutex};

/// An [`Fs`] usable wherever the `vfs` crate expects a `FileSystem`.
#[derive(Debug, Clone, Default)]
pub struct VfsAdapter(pub Arc<Mutex<Fs>>);
