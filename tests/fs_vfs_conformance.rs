//! The `vfs` crate's own conformance suite, run against [`VfsAdapter`].
#![cfg(not(target_arch = "wasm32"))]
// The suite's own code (expanded from the vfs crate's macro) trips this lint.
#![allow(clippy::useless_vec)]

use std::io::{Read, Write};
use venvlab::fs::VfsAdapter;

vfs::test_vfs!(VfsAdapter::default());

// ----- behaviour beyond the suite -----

use std::time::{Duration, SystemTime};
use venvlab::fs::{Cred, Fs, FsError, FsLimits};
use vfs::error::VfsErrorKind;
use vfs::{FileSystem, VfsFileType, VfsPath};

fn errno_of(err: &vfs::VfsError) -> Option<FsError> {
    match err.kind() {
        VfsErrorKind::IoError(io) => io.get_ref()?.downcast_ref::<FsError>().copied(),
        _ => None,
    }
}

#[test]
fn whole_second_mtimes_round_trip_and_others_are_unsupported() {
    let adapter = VfsAdapter::default();
    drop(adapter.create_file("/f").unwrap());
    let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    adapter.set_modification_time("/f", t).unwrap();
    assert_eq!(adapter.metadata("/f").unwrap().modified, Some(t));
    let before = SystemTime::UNIX_EPOCH - Duration::from_secs(10);
    adapter.set_modification_time("/f", before).unwrap();
    assert_eq!(adapter.metadata("/f").unwrap().modified, Some(before));
    let err = adapter.set_modification_time("/f", t + Duration::from_millis(1)).unwrap_err();
    assert!(matches!(err.kind(), VfsErrorKind::NotSupported));
    assert!(matches!(adapter.set_modification_time("/nope", t).unwrap_err().kind(), VfsErrorKind::FileNotFound));
}

#[test]
fn metadata_uses_the_simulated_clock() {
    let mut fs = Fs::new();
    fs.set_now(2_000_000_000);
    fs.mkdir("/d", 0o755).unwrap();
    let adapter = VfsAdapter::new(fs);
    let meta = adapter.metadata("/d").unwrap();
    assert_eq!(meta.modified, Some(SystemTime::UNIX_EPOCH + Duration::from_secs(2_000_000_000)));
    assert_eq!((meta.file_type, meta.len, meta.created, meta.accessed), (VfsFileType::Directory, 0, None, None));
    assert_eq!(adapter.metadata("").unwrap().file_type, VfsFileType::Directory);
}

#[test]
fn a_poisoned_lock_is_recovered() {
    let adapter = VfsAdapter::default();
    adapter.create_dir("/d").unwrap();
    let shared = adapter.clone();
    let _ = std::thread::spawn(move || {
        let _guard = shared.0.lock().unwrap();
        panic!("poison the lock");
    })
    .join();
    assert!(adapter.0.is_poisoned());
    assert!(adapter.exists("/d").unwrap());
    adapter.create_dir("/e").unwrap();
    assert!(adapter.lock().exists("/e"));
}

#[test]
fn writers_write_back_on_flush_and_drop_by_inode() {
    let adapter = VfsAdapter::default();
    let mut w = adapter.create_file("/f").unwrap();
    assert!(adapter.exists("/f").unwrap(), "created at once");
    w.write_all(b"one").unwrap();
    assert_eq!(adapter.metadata("/f").unwrap().len, 0, "buffered until flush");
    w.flush().unwrap();
    assert_eq!(adapter.lock().read("/f").unwrap().as_slice(), b"one");
    adapter.move_file("/f", "/g").unwrap();
    w.write_all(b"two").unwrap();
    drop(w);
    assert_eq!(adapter.lock().read("/g").unwrap().as_slice(), b"onetwo");
    let mut a = adapter.append_file("/g").unwrap();
    a.write_all(b"!").unwrap();
    drop(a);
    assert_eq!(adapter.lock().read("/g").unwrap().as_slice(), b"onetwo!");
}

#[test]
fn write_errors_surface_on_flush() {
    let mut fs = Fs::new();
    fs.set_limits(FsLimits { max_file_size: 4, ..FsLimits::default() });
    let adapter = VfsAdapter::new(fs);
    let mut w = adapter.create_file("/f").unwrap();
    w.write_all(b"12345").unwrap();
    let err = w.flush().unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::FileTooLarge);
    assert_eq!(err.get_ref().and_then(|e| e.downcast_ref::<FsError>()), Some(&FsError::TooBig));
    drop(w); // must not panic
    assert_eq!(adapter.metadata("/f").unwrap().len, 0);
}

#[test]
fn errors_map_to_vfs_kinds_and_carry_the_errno() {
    let adapter = VfsAdapter::default();
    adapter.create_dir("/d").unwrap();
    drop(adapter.create_file("/f").unwrap());
    assert!(matches!(adapter.create_dir("/d").unwrap_err().kind(), VfsErrorKind::DirectoryExists));
    assert!(matches!(adapter.create_dir("/f").unwrap_err().kind(), VfsErrorKind::FileExists));
    assert!(matches!(adapter.open_file("/nope").map(drop).unwrap_err().kind(), VfsErrorKind::FileNotFound));
    assert_eq!(errno_of(&adapter.open_file("/d").map(drop).unwrap_err()), Some(FsError::IsDir));
    assert_eq!(errno_of(&adapter.read_dir("/f").map(drop).unwrap_err()), Some(FsError::NotDir));
    assert_eq!(errno_of(&adapter.remove_file("/d").unwrap_err()), Some(FsError::IsDir));
    assert_eq!(errno_of(&adapter.remove_dir("/f").unwrap_err()), Some(FsError::NotDir));
    assert_eq!(errno_of(&adapter.remove_dir("").unwrap_err()), Some(FsError::Busy));
    drop(adapter.create_file("/d/x").unwrap());
    assert_eq!(errno_of(&adapter.remove_dir("/d").unwrap_err()), Some(FsError::NotEmpty));
    assert_eq!(errno_of(&adapter.move_dir("/d", "/d/x/y").unwrap_err()), Some(FsError::NotDir));
    adapter.create_dir("/d/sub").unwrap();
    assert_eq!(errno_of(&adapter.move_dir("/d", "/d/sub/in").unwrap_err()), Some(FsError::Invalid));
    assert!(matches!(adapter.move_file("/f", "/d/x").unwrap_err().kind(), VfsErrorKind::FileExists));
    assert!(matches!(adapter.copy_file("/f", "/d/x").unwrap_err().kind(), VfsErrorKind::FileExists));
    assert_eq!(errno_of(&adapter.move_file("/d", "/e").unwrap_err()), Some(FsError::IsDir));
    assert_eq!(errno_of(&adapter.move_dir("/f", "/e").unwrap_err()), Some(FsError::NotDir));
}

#[test]
fn permissions_follow_the_fs_credentials() {
    let mut fs = Fs::new();
    fs.write("/secret", b"s").unwrap();
    fs.chmod("/secret", 0o600).unwrap();
    fs.set_cred(Cred { uid: 1000, gid: 1000 });
    let adapter = VfsAdapter::new(fs);
    let err = adapter.open_file("/secret").map(drop).unwrap_err();
    assert_eq!(errno_of(&err), Some(FsError::AccessDenied));
    assert_eq!(errno_of(&adapter.create_dir("/x").unwrap_err()), Some(FsError::AccessDenied));
}

#[test]
fn copy_file_keeps_permission_bits_less_umask() {
    let mut fs = Fs::new();
    fs.write("/tool", b"#!").unwrap();
    fs.chmod("/tool", 0o777).unwrap();
    let adapter = VfsAdapter::new(fs);
    adapter.copy_file("/tool", "/copy").unwrap();
    let fs = adapter.lock();
    assert_eq!(fs.read("/copy").unwrap().as_slice(), b"#!");
    assert_eq!(fs.stat("/copy").unwrap().perm, 0o755);
}

#[test]
fn symlinks_are_followed() {
    let mut fs = Fs::new();
    fs.mkdir("/d", 0o755).unwrap();
    fs.write("/d/f", b"data").unwrap();
    fs.symlink("d", "/ld").unwrap();
    fs.symlink("nowhere", "/dangling").unwrap();
    let root = VfsPath::new(VfsAdapter::new(fs));
    assert_eq!(root.join("ld/f").unwrap().read_to_string().unwrap(), "data");
    assert!(root.join("ld").unwrap().is_dir().unwrap());
    assert!(!root.join("dangling").unwrap().exists().unwrap());
    let mut names: Vec<String> = root.read_dir().unwrap().map(|p| p.filename()).collect();
    names.sort();
    assert_eq!(names, ["d", "dangling", "ld"]);
    root.join("dangling").unwrap().remove_file().unwrap();
}
