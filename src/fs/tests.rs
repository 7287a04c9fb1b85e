//! Unit tests of the filesystem. Expected errnos are what Linux returns (checked against a
//! real ext4 directory; `tests/fs_differential.rs` does that systematically).
use super::*;

const USER: Cred = Cred { uid: 1000, gid: 1000 };
const OTHER: Cred = Cred { uid: 2000, gid: 2000 };

/// `/a/b` (dirs), `/f` (file "hi"), `/a/g` (file), run by root.
fn sample() -> Fs {
    let mut fs = Fs::new();
    fs.mkdir("/a", 0o755).unwrap();
    fs.mkdir("/a/b", 0o755).unwrap();
    fs.write("/f", b"hi").unwrap();
    fs.write("/a/g", b"g").unwrap();
    fs
}

fn ino(fs: &Fs, path: &str) -> Ino {
    fs.lstat(path).unwrap().ino
}

fn content(fs: &Fs, path: &str) -> Vec<u8> {
    fs.read(path).unwrap().to_vec()
}

fn names(fs: &Fs, path: &str) -> Vec<String> {
    fs.read_dir(path).unwrap().into_iter().map(|e| e.name).collect()
}

fn create() -> OpenOptions {
    OpenOptions { create: true, exclusive: false, truncate: false }
}

// ----- path resolution -----

#[test]
fn mkdir_and_stat() {
    let mut fs = Fs::new();
    fs.mkdir("/a", 0o777).unwrap();
    let meta = fs.stat("/a").unwrap();
    assert_eq!((meta.kind, meta.perm, meta.nlink, meta.size), (FileKind::Dir, 0o755, 2, 4096));
}

#[test]
fn dot_and_dotdot_are_physical() {
    let fs = sample();
    let a = ino(&fs, "/a");
    assert_eq!(ino(&fs, "/a/./b/.."), a);
    assert_eq!(ino(&fs, "/a/b/../../a/."), a);
    assert_eq!(ino(&fs, "/a/b/.."), a);
    assert_eq!(fs.realpath("/a/./b/../b").unwrap(), "/a/b");
}

#[test]
fn dotdot_of_root_is_root() {
    let fs = sample();
    assert_eq!(ino(&fs, "/.."), ROOT);
    assert_eq!(ino(&fs, "/../../.."), ROOT);
    assert_eq!(ino(&fs, "/../a"), ino(&fs, "/a"));
    assert_eq!(ino(&fs, "//"), ROOT);
    assert_eq!(fs.realpath("/..").unwrap(), "/");
}

#[test]
fn relative_paths_use_the_working_directory() {
    let mut fs = sample();
    fs.chdir("/a").unwrap();
    assert_eq!(fs.cwd_path().unwrap(), "/a");
    assert_eq!(content(&fs, "g"), b"g");
    assert_eq!(content(&fs, "../f"), b"hi");
    assert_eq!(ino(&fs, "."), ino(&fs, "/a"));
    fs.chdir("b/..").unwrap();
    assert_eq!(fs.cwd_path().unwrap(), "/a");
    assert_eq!(fs.chdir("g"), Err(FsError::NotDir));
}

#[test]
fn empty_path_is_enoent() {
    let fs = sample();
    assert_eq!(fs.stat(""), Err(FsError::NotFound));
}

#[test]
fn trailing_slash_on_dirs_and_files() {
    let fs = sample();
    assert_eq!(fs.stat("/a/").unwrap().kind, FileKind::Dir);
    assert_eq!(fs.stat("/a//b//").unwrap().kind, FileKind::Dir);
    assert_eq!(fs.stat("/f/"), Err(FsError::NotDir));
    assert_eq!(fs.stat("/f/."), Err(FsError::NotDir));
    assert_eq!(fs.stat("/f/.."), Err(FsError::NotDir));
    assert_eq!(fs.stat("/missing/"), Err(FsError::NotFound));
}

#[test]
fn trailing_slash_follows_a_final_symlink() {
    let mut fs = sample();
    fs.symlink("a", "/la").unwrap();
    fs.symlink("f", "/lf").unwrap();
    fs.symlink("nowhere", "/dl").unwrap();
    assert_eq!(fs.lstat("/la").unwrap().kind, FileKind::Symlink);
    assert_eq!(fs.lstat("/la/").unwrap().kind, FileKind::Dir);
    assert_eq!(fs.lstat("/lf/"), Err(FsError::NotDir));
    assert_eq!(fs.stat("/lf/"), Err(FsError::NotDir));
    assert_eq!(fs.lstat("/dl").unwrap().kind, FileKind::Symlink);
    assert_eq!(fs.stat("/dl"), Err(FsError::NotFound));
    assert_eq!(fs.stat("/dl/"), Err(FsError::NotFound));
    assert_eq!(fs.lstat("/dl/"), Err(FsError::NotFound));
    assert_eq!(fs.readlink("/la/"), Err(FsError::Invalid));
}

#[test]
fn link_target_with_trailing_slash_needs_a_directory() {
    let mut fs = sample();
    fs.symlink("f/", "/l1").unwrap();
    fs.symlink("a/", "/l2").unwrap();
    fs.symlink("nodir/", "/l3").unwrap();
    assert_eq!(fs.stat("/l1"), Err(FsError::NotDir));
    assert_eq!(fs.stat("/l2").unwrap().kind, FileKind::Dir);
    assert_eq!(fs.open_write("/l3", create()), Err(FsError::IsDir));
    assert!(!fs.exists("/nodir"));
}

#[test]
fn relative_absolute_and_dangling_symlinks() {
    let mut fs = sample();
    fs.symlink("g", "/a/rel").unwrap();
    fs.symlink("/f", "/a/b/abs").unwrap();
    fs.symlink("../g", "/a/b/up").unwrap();
    fs.symlink("missing", "/a/dangling").unwrap();
    assert_eq!(content(&fs, "/a/rel"), b"g");
    assert_eq!(content(&fs, "/a/b/abs"), b"hi");
    assert_eq!(content(&fs, "/a/b/up"), b"g");
    assert_eq!(fs.read("/a/dangling"), Err(FsError::NotFound));
    assert!(!fs.exists("/a/dangling"));
    assert_eq!(fs.lstat("/a/dangling").unwrap().size, 7);
    assert_eq!(fs.readlink("/a/dangling").unwrap(), "missing");
    assert_eq!(fs.readlink("/f"), Err(FsError::Invalid));
    assert_eq!(fs.realpath("/a/b/up").unwrap(), "/a/g");
    assert_eq!(fs.realpath("/a/dangling"), Err(FsError::NotFound));
    // A symlink in the middle of a path, to a directory.
    fs.symlink("/a/b", "/lb").unwrap();
    fs.write("/lb/x", b"x").unwrap();
    assert_eq!(content(&fs, "/a/b/x"), b"x");
    assert_eq!(fs.realpath("/lb/x").unwrap(), "/a/b/x");
    assert_eq!(fs.realpath("/lb/..").unwrap(), "/a");
}

#[test]
fn empty_symlink_target_is_enoent() {
    let mut fs = sample();
    assert_eq!(fs.symlink("", "/e"), Err(FsError::NotFound));
}

#[test]
fn symlink_chains_and_traced_hops() {
    let mut fs = sample();
    fs.symlink("/a/l2", "/l1").unwrap();
    fs.symlink("l3", "/a/l2").unwrap();
    fs.symlink("../f", "/a/l3").unwrap();
    assert_eq!(content(&fs, "/l1"), b"hi");
    let (result, hops) = fs.resolve_traced("/l1");
    assert_eq!(result, Ok(ino(&fs, "/f")));
    let expect = [("/l1", "/a/l2"), ("/a/l2", "l3"), ("/a/l3", "../f")];
    let got: Vec<(&str, &str)> = hops.iter().map(|h| (h.link.as_str(), h.target.as_str())).collect();
    assert_eq!(got, expect);
    // A failing resolution still reports the hops it took.
    fs.symlink("nothing", "/d").unwrap();
    let (result, hops) = fs.resolve_traced("/d");
    assert_eq!(result, Err(FsError::NotFound));
    assert_eq!(hops, vec![Hop { link: "/d".into(), target: "nothing".into() }]);
    // No hops for a path without links.
    assert_eq!(fs.resolve_traced("/a/g").1, vec![]);
}

#[test]
fn eloop_after_40_hops_and_success_at_exactly_40() {
    let mut fs = sample();
    // l0 -> l1 -> ... -> l40 -> f: resolving l0 takes 41 hops, l1 takes 40.
    for i in 0..=40 {
        let target = if i == 40 { "f".to_string() } else { format!("l{}", i + 1) };
        fs.symlink(&target, &format!("/l{i}")).unwrap();
    }
    assert_eq!(fs.stat("/l0"), Err(FsError::Loop));
    assert_eq!(content(&fs, "/l1"), b"hi");
    assert_eq!(fs.resolve_traced("/l1").1.len(), 40);
    assert_eq!(fs.lstat("/l0").unwrap().kind, FileKind::Symlink);
    // A self-loop, and a loop in the middle of a path.
    fs.symlink("self", "/self").unwrap();
    assert_eq!(fs.stat("/self"), Err(FsError::Loop));
    assert_eq!(fs.stat("/self/x"), Err(FsError::Loop));
    assert_eq!(fs.open_write("/self", create()), Err(FsError::Loop));
}

#[test]
fn enotdir_through_a_file() {
    let mut fs = sample();
    assert_eq!(fs.stat("/f/x"), Err(FsError::NotDir));
    assert_eq!(fs.mkdir("/f/x", 0o755), Err(FsError::NotDir));
    assert_eq!(fs.write("/f/x", b""), Err(FsError::NotDir));
    assert_eq!(fs.read_dir("/f"), Err(FsError::NotDir));
    assert_eq!(fs.rename("/a/g", "/f/x"), Err(FsError::NotDir));
}

#[test]
fn enoent_for_missing_components() {
    let mut fs = sample();
    assert_eq!(fs.stat("/nope"), Err(FsError::NotFound));
    assert_eq!(fs.stat("/nope/x"), Err(FsError::NotFound));
    assert_eq!(fs.mkdir("/nope/x", 0o755), Err(FsError::NotFound));
    assert_eq!(fs.write("/nope/x", b""), Err(FsError::NotFound));
    assert_eq!(fs.unlink("/nope"), Err(FsError::NotFound));
    assert_eq!(fs.rmdir("/nope"), Err(FsError::NotFound));
    assert_eq!(fs.rename("/nope", "/x"), Err(FsError::NotFound));
    assert_eq!(fs.link("/nope", "/x"), Err(FsError::NotFound));
    assert_eq!(fs.open_write("/nope", OpenOptions::default()), Err(FsError::NotFound));
}

#[test]
fn eexist_for_taken_names() {
    let mut fs = sample();
    fs.symlink("nowhere", "/dl").unwrap();
    assert_eq!(fs.mkdir("/a", 0o755), Err(FsError::Exists));
    assert_eq!(fs.mkdir("/f", 0o755), Err(FsError::Exists));
    assert_eq!(fs.mkdir("/dl", 0o755), Err(FsError::Exists));
    assert_eq!(fs.mkdir("/dl/", 0o755), Err(FsError::Exists));
    assert_eq!(fs.mkdir("/", 0o755), Err(FsError::Exists));
    assert_eq!(fs.mkdir("/a/.", 0o755), Err(FsError::Exists));
    assert_eq!(fs.symlink("x", "/f"), Err(FsError::Exists));
    assert_eq!(fs.symlink("x", "/a/"), Err(FsError::Exists));
    assert_eq!(fs.link("/f", "/a/g"), Err(FsError::Exists));
    assert_eq!(fs.link("/a", "/f"), Err(FsError::Exists), "EEXIST comes before EPERM");
    assert!(!fs.exists("/nowhere"));
}

#[test]
fn eisdir_for_directories() {
    let mut fs = sample();
    assert_eq!(fs.open_write("/a", OpenOptions::default()), Err(FsError::IsDir));
    assert_eq!(fs.write("/a", b"x"), Err(FsError::IsDir));
    assert_eq!(fs.write("/", b"x"), Err(FsError::IsDir));
    assert_eq!(fs.read("/a"), Err(FsError::IsDir));
    assert_eq!(fs.unlink("/a"), Err(FsError::IsDir));
    assert_eq!(fs.unlink("/a/"), Err(FsError::IsDir));
    assert_eq!(fs.unlink("/a/."), Err(FsError::IsDir));
}

#[test]
fn enametoolong() {
    let mut fs = sample();
    let long = "x".repeat(256);
    assert_eq!(fs.write(&format!("/{long}"), b""), Err(FsError::NameTooLong));
    fs.write(&format!("/{}", "x".repeat(255)), b"").unwrap();
    let deep = "/a".repeat(2048);
    assert_eq!(fs.stat(&deep), Err(FsError::NameTooLong));
}

// ----- permissions -----

/// `/home/u` owned by USER (0755) holding `/home/u/secret` (0600) and `/home/u/run` (0700).
fn home() -> Fs {
    let mut fs = Fs::new();
    fs.mkdir("/home", 0o755).unwrap();
    fs.mkdir("/home/u", 0o755).unwrap();
    fs.chown("/home/u", USER.uid, USER.gid).unwrap();
    fs.set_cred(USER);
    fs.write("/home/u/secret", b"s").unwrap();
    fs.chmod("/home/u/secret", 0o600).unwrap();
    fs.write("/home/u/run", b"#!").unwrap();
    fs.chmod("/home/u/run", 0o700).unwrap();
    fs
}

#[test]
fn search_needs_x_on_every_directory() {
    let mut fs = home();
    fs.set_cred(Cred::ROOT);
    fs.mkdir("/locked", 0o744).unwrap();
    fs.write("/locked/x", b"x").unwrap();
    fs.set_cred(USER);
    // r without x: names can be listed but nothing inside can be reached.
    assert_eq!(fs.read_dir("/locked").unwrap().len(), 1);
    assert_eq!(fs.stat("/locked/x"), Err(FsError::AccessDenied));
    assert_eq!(fs.read("/locked/x"), Err(FsError::AccessDenied));
    assert_eq!(fs.chdir("/locked"), Err(FsError::AccessDenied));
    assert_eq!(fs.stat("/locked/missing"), Err(FsError::AccessDenied));
    assert_eq!(fs.stat("/locked/..").map(|_| ()), Err(FsError::AccessDenied));
    // x without r: reachable, not listable.
    fs.set_cred(Cred::ROOT);
    fs.chmod("/locked", 0o711).unwrap();
    fs.set_cred(USER);
    assert_eq!(content(&fs, "/locked/x"), b"x");
    assert_eq!(fs.read_dir("/locked"), Err(FsError::AccessDenied));
}

#[test]
fn read_write_and_exec_bits_for_a_user() {
    let mut fs = home();
    assert_eq!(content(&fs, "/home/u/secret"), b"s");
    fs.set_cred(OTHER);
    assert_eq!(fs.read("/home/u/secret"), Err(FsError::AccessDenied));
    assert_eq!(fs.open_write("/home/u/secret", OpenOptions::default()), Err(FsError::AccessDenied));
    assert_eq!(fs.access("/home/u/run", 1), Err(FsError::AccessDenied));
    assert_eq!(fs.write("/home/u/new", b""), Err(FsError::AccessDenied), "no w on the directory");
    assert_eq!(fs.unlink("/home/u/secret"), Err(FsError::AccessDenied));
    assert_eq!(fs.mkdir("/home/u/d", 0o755), Err(FsError::AccessDenied));
    assert_eq!(fs.chmod("/home/u/secret", 0o777), Err(FsError::NotPermitted));
    fs.set_cred(USER);
    fs.access("/home/u/run", 1).unwrap();
    assert_eq!(fs.access("/home/u/secret", 1), Err(FsError::AccessDenied));
    fs.chmod("/home/u/secret", 0o000).unwrap();
    assert_eq!(fs.read("/home/u/secret"), Err(FsError::AccessDenied), "the owner is not root");
}

#[test]
fn owner_group_and_other_classes_are_exclusive() {
    let mut fs = home();
    fs.chmod("/home/u/secret", 0o070).unwrap();
    // The owner gets the owner bits (none), even though the group bits would allow.
    assert_eq!(fs.read("/home/u/secret"), Err(FsError::AccessDenied));
    fs.set_cred(Cred { uid: 3000, gid: USER.gid });
    assert_eq!(content(&fs, "/home/u/secret"), b"s");
    fs.set_cred(OTHER);
    assert_eq!(fs.read("/home/u/secret"), Err(FsError::AccessDenied));
}

#[test]
fn root_bypasses_but_needs_an_x_bit_to_execute() {
    let mut fs = home();
    fs.set_cred(Cred::ROOT);
    fs.chmod("/home/u/secret", 0o000).unwrap();
    assert_eq!(content(&fs, "/home/u/secret"), b"s");
    fs.open_write("/home/u/secret", OpenOptions::default()).unwrap();
    assert_eq!(fs.access("/home/u/secret", 1), Err(FsError::AccessDenied));
    fs.chmod("/home/u/secret", 0o001).unwrap();
    fs.access("/home/u/secret", 1).unwrap();
    fs.chmod("/home/u", 0o000).unwrap();
    assert_eq!(content(&fs, "/home/u/secret"), b"s", "root searches any directory");
    fs.access("/home/u", 1).unwrap();
    assert_eq!(names(&fs, "/home/u"), ["run", "secret"]);
}

#[test]
fn chdir_needs_search_permission() {
    let mut fs = home();
    fs.chmod("/home/u", 0o600).unwrap();
    assert_eq!(fs.chdir("/home/u"), Err(FsError::AccessDenied));
    fs.chmod("/home/u", 0o700).unwrap();
    fs.chdir("/home/u").unwrap();
    assert_eq!(content(&fs, "secret"), b"s");
}

#[test]
fn chmod_chown_and_umask() {
    let mut fs = sample();
    fs.symlink("f", "/lf").unwrap();
    fs.chmod("/lf", 0o4711).unwrap();
    assert_eq!(fs.stat("/f").unwrap().perm, 0o4711, "chmod follows the link");
    assert_eq!(fs.lstat("/lf").unwrap().perm, 0o777);
    fs.chmod("/f", 0o177777).unwrap();
    assert_eq!(fs.stat("/f").unwrap().perm, 0o7777, "only the low 12 bits");
    // chown is lchown; root only.
    fs.chown("/lf", 5, 6).unwrap();
    assert_eq!((fs.lstat("/lf").unwrap().uid, fs.lstat("/lf").unwrap().gid), (5, 6));
    assert_eq!(fs.stat("/f").unwrap().uid, 0);
    fs.chown("/f", USER.uid, USER.gid).unwrap();
    assert_eq!(fs.stat("/f").unwrap().perm, 0o1777, "chown clears set-user-ID, and set-group-ID with g+x");
    fs.set_cred(USER);
    assert_eq!(fs.chown("/f", OTHER.uid, USER.gid), Err(FsError::NotPermitted));
    assert_eq!(fs.chown("/f", USER.uid, OTHER.gid), Err(FsError::NotPermitted));
    assert_eq!(fs.chown("/a", USER.uid, USER.gid), Err(FsError::NotPermitted));
    assert_eq!(fs.chown("/nope", USER.uid, USER.gid), Err(FsError::NotFound));
    fs.chown("/f", USER.uid, USER.gid).unwrap();
    fs.chmod("/f", 0o600).unwrap();
    assert_eq!(fs.chmod("/a", 0o777), Err(FsError::NotPermitted));
    // New inodes belong to the caller.
    fs.set_cred(Cred::ROOT);
    fs.chmod("/a", 0o777).unwrap();
    fs.set_cred(USER);
    fs.set_umask(0o1027);
    assert_eq!(fs.umask(), 0o027);
    fs.mkdir("/a/d", 0o777).unwrap();
    fs.write("/a/w", b"").unwrap();
    let (d, w) = (fs.stat("/a/d").unwrap(), fs.stat("/a/w").unwrap());
    assert_eq!((d.perm, d.uid, d.gid), (0o750, USER.uid, USER.gid));
    assert_eq!((w.perm, w.uid, w.gid), (0o640, USER.uid, USER.gid));
    // mkdir keeps the sticky bit and drops set-id bits, as Linux does.
    fs.set_umask(0);
    fs.mkdir("/a/t", 0o1777).unwrap();
    fs.mkdir("/a/s", 0o6777).unwrap();
    assert_eq!(fs.stat("/a/t").unwrap().perm, 0o1777);
    assert_eq!(fs.stat("/a/s").unwrap().perm, 0o777);
}

#[test]
fn set_mtime_and_the_clock() {
    let mut fs = home();
    fs.set_now(DEFAULT_EPOCH + 100);
    fs.set_now(DEFAULT_EPOCH);
    assert_eq!(fs.now(), DEFAULT_EPOCH + 100, "the clock never goes back");
    fs.write("/home/u/new", b"").unwrap();
    assert_eq!(fs.stat("/home/u/new").unwrap().mtime, DEFAULT_EPOCH + 100);
    assert_eq!(fs.stat("/home/u").unwrap().mtime, DEFAULT_EPOCH + 100, "the directory changed");
    fs.set_mtime("/home/u/new", 5).unwrap();
    assert_eq!(fs.stat("/home/u/new").unwrap().mtime, 5);
    fs.set_cred(OTHER);
    assert_eq!(fs.set_mtime("/home/u/new", 6), Err(FsError::NotPermitted));
    assert_eq!(fs.set_mtime("/home/u/new", fs.now()), Err(FsError::AccessDenied));
    fs.set_cred(USER);
    fs.chmod("/home/u/new", 0o666).unwrap();
    fs.set_cred(OTHER);
    fs.set_mtime("/home/u/new", fs.now()).unwrap();
    assert_eq!(fs.set_mtime("/home/u/new", 7), Err(FsError::NotPermitted));
}

#[test]
fn chown_and_chmod_set_id_bits() {
    let mut fs = home();
    fs.set_cred(Cred::ROOT);
    fs.chmod("/home/u/run", 0o6755).unwrap();
    fs.chown("/home/u/run", USER.uid, USER.gid).unwrap();
    assert_eq!(fs.stat("/home/u/run").unwrap().perm, 0o755, "g+x: set-group-ID goes too");
    fs.chmod("/home/u/run", 0o6745).unwrap();
    fs.chown("/home/u/run", USER.uid, USER.gid).unwrap();
    assert_eq!(fs.stat("/home/u/run").unwrap().perm, 0o2745, "no g+x: set-group-ID stays");
    fs.mkdir("/home/u/d", 0o755).unwrap();
    fs.chmod("/home/u/d", 0o2755).unwrap();
    fs.chown("/home/u/d", USER.uid, USER.gid).unwrap();
    assert_eq!(fs.stat("/home/u/d").unwrap().perm, 0o2755, "directories keep theirs");
    fs.chown("/home/u/run", USER.uid, 50).unwrap();
    fs.set_cred(USER);
    fs.chmod("/home/u/run", 0o2755).unwrap();
    assert_eq!(fs.stat("/home/u/run").unwrap().perm, 0o755, "not in the group: no set-group-ID");
}

#[test]
fn sticky_directories() {
    let mut fs = Fs::new();
    fs.mkdir("/tmp", 0o777).unwrap();
    fs.chmod("/tmp", 0o1777).unwrap();
    fs.set_cred(USER);
    fs.write("/tmp/mine", b"").unwrap();
    fs.mkdir("/tmp/mydir", 0o755).unwrap();
    fs.set_cred(OTHER);
    fs.write("/tmp/theirs", b"").unwrap();
    assert_eq!(fs.unlink("/tmp/mine"), Err(FsError::NotPermitted));
    assert_eq!(fs.rmdir("/tmp/mydir"), Err(FsError::NotPermitted));
    assert_eq!(fs.rename("/tmp/mine", "/tmp/x"), Err(FsError::NotPermitted));
    assert_eq!(fs.rename("/tmp/theirs", "/tmp/mine"), Err(FsError::NotPermitted));
    fs.rename("/tmp/theirs", "/tmp/t2").unwrap();
    fs.set_cred(USER);
    fs.unlink("/tmp/mine").unwrap();
    fs.rmdir("/tmp/mydir").unwrap();
    fs.set_cred(Cred::ROOT);
    fs.unlink("/tmp/t2").unwrap();
}

// ----- rename -----

#[test]
fn rename_directory_keeps_inode_and_children() {
    let mut fs = sample();
    fs.write("/a/b/deep", b"d").unwrap();
    let (a, b, deep) = (ino(&fs, "/a"), ino(&fs, "/a/b"), ino(&fs, "/a/b/deep"));
    let count = fs.inode_count();
    fs.mkdir("/z", 0o755).unwrap();
    fs.rename("/a", "/z/moved").unwrap();
    assert_eq!(ino(&fs, "/z/moved"), a);
    assert_eq!(ino(&fs, "/z/moved/b"), b);
    assert_eq!(ino(&fs, "/z/moved/b/deep"), deep);
    assert_eq!(fs.inode_count(), count + 1, "nothing copied");
    assert_eq!(fs.dir_path(b).unwrap(), "/z/moved/b");
    assert_eq!(ino(&fs, "/z/moved/b/../.."), ino(&fs, "/z"));
    assert_eq!(fs.stat("/a"), Err(FsError::NotFound));
    assert_eq!(fs.stat("/z").unwrap().nlink, 3);
    assert_eq!(fs.stat("/").unwrap().nlink, 3);
}

#[test]
fn rename_moves_the_working_directory_along() {
    let mut fs = sample();
    fs.chdir("/a/b").unwrap();
    fs.rename("/a", "/c").unwrap();
    assert_eq!(fs.cwd_path().unwrap(), "/c/b");
}

#[test]
fn rename_into_own_subtree_is_einval() {
    let mut fs = sample();
    assert_eq!(fs.rename("/a", "/a/b/c"), Err(FsError::Invalid));
    assert_eq!(fs.rename("/a", "/a/c"), Err(FsError::Invalid));
    assert_eq!(fs.rename("/a", "/a/g"), Err(FsError::Invalid), "EINVAL before ENOTDIR");
    fs.rename("/a", "/a").unwrap();
    fs.rename("/a/", "/a").unwrap();
}

#[test]
fn rename_over_directories() {
    let mut fs = sample();
    fs.mkdir("/empty", 0o755).unwrap();
    let empty = ino(&fs, "/empty");
    let b = ino(&fs, "/a/b");
    fs.rename("/a/b", "/empty").unwrap();
    assert_eq!(ino(&fs, "/empty"), b);
    assert!(fs.inode(empty).is_err(), "the replaced directory is freed");
    fs.mkdir("/full", 0o755).unwrap();
    fs.write("/full/x", b"").unwrap();
    assert_eq!(fs.rename("/empty", "/full"), Err(FsError::NotEmpty));
    assert_eq!(fs.rename("/f", "/full"), Err(FsError::IsDir));
    assert_eq!(fs.rename("/full", "/f"), Err(FsError::NotDir));
    assert_eq!(fs.rename("/full", "/a/g"), Err(FsError::NotDir));
}

#[test]
fn rename_over_an_ancestor_is_enotempty() {
    let mut fs = sample();
    // The target contains the source: Linux checks this before the kinds.
    assert_eq!(fs.rename("/a/g", "/a"), Err(FsError::NotEmpty));
    assert_eq!(fs.rename("/a/b", "/a"), Err(FsError::NotEmpty));
}

#[test]
fn rename_file_over_file_and_hard_link_no_op() {
    let mut fs = sample();
    let f = ino(&fs, "/f");
    let g = ino(&fs, "/a/g");
    fs.rename("/f", "/a/g").unwrap();
    assert_eq!(ino(&fs, "/a/g"), f);
    assert!(fs.inode(g).is_err());
    fs.link("/a/g", "/h").unwrap();
    fs.rename("/h", "/a/g").unwrap();
    assert!(fs.exists("/h"), "same inode: rename does nothing");
    assert_eq!(fs.stat("/h").unwrap().nlink, 2);
    fs.rename("/h", "/h").unwrap();
    assert!(fs.exists("/h"));
}

#[test]
fn rename_special_names_and_trailing_slashes() {
    let mut fs = sample();
    fs.symlink("a", "/la").unwrap();
    assert_eq!(fs.rename("/", "/x"), Err(FsError::Busy));
    assert_eq!(fs.rename("/a/.", "/x"), Err(FsError::Busy));
    assert_eq!(fs.rename("/a/b/..", "/x"), Err(FsError::Busy));
    assert_eq!(fs.rename("/f", "/a/."), Err(FsError::Busy));
    assert_eq!(fs.rename("/f/", "/x"), Err(FsError::NotDir));
    assert_eq!(fs.rename("/f", "/x/"), Err(FsError::NotDir));
    assert_eq!(fs.rename("/la/", "/x"), Err(FsError::NotDir), "the link is not followed");
    fs.rename("/a/", "/x/").unwrap();
    assert_eq!(fs.stat("/x").unwrap().kind, FileKind::Dir);
    // Both parents are looked up before the source entry.
    assert_eq!(fs.rename("/nope", "/f/x"), Err(FsError::NotDir));
    assert_eq!(fs.rename("/.", "/nope/x"), Err(FsError::NotFound));
}

#[test]
fn rename_renames_symlinks_not_targets() {
    let mut fs = sample();
    fs.symlink("a", "/la").unwrap();
    fs.rename("/la", "/lb").unwrap();
    assert_eq!(fs.readlink("/lb").unwrap(), "a");
    assert_eq!(fs.stat("/a").unwrap().kind, FileKind::Dir);
}

#[test]
fn moving_a_directory_to_another_parent_needs_write_on_it() {
    let mut fs = home();
    fs.mkdir("/home/u/d", 0o555).unwrap();
    fs.mkdir("/home/u/e", 0o755).unwrap();
    fs.rename("/home/u/d", "/home/u/d2").unwrap();
    assert_eq!(fs.rename("/home/u/d2", "/home/u/e/d"), Err(FsError::AccessDenied));
    fs.set_cred(OTHER);
    assert_eq!(fs.rename("/home/u/e", "/home/u/e2"), Err(FsError::AccessDenied));
}

// ----- links, unlink, rmdir -----

#[test]
fn hard_links_share_content_and_count() {
    let mut fs = sample();
    fs.link("/f", "/a/f2").unwrap();
    assert_eq!(ino(&fs, "/a/f2"), ino(&fs, "/f"));
    assert_eq!(fs.stat("/f").unwrap().nlink, 2);
    fs.write("/a/f2", b"new").unwrap();
    assert_eq!(content(&fs, "/f"), b"new");
    let count = fs.inode_count();
    fs.unlink("/f").unwrap();
    assert_eq!(fs.stat("/a/f2").unwrap().nlink, 1);
    assert_eq!(content(&fs, "/a/f2"), b"new");
    assert_eq!(fs.inode_count(), count);
    fs.unlink("/a/f2").unwrap();
    assert_eq!(fs.inode_count(), count - 1);
}

#[test]
fn link_rules() {
    let mut fs = sample();
    fs.symlink("f", "/lf").unwrap();
    fs.link("/lf", "/lf2").unwrap();
    assert_eq!(fs.lstat("/lf2").unwrap().kind, FileKind::Symlink, "link does not follow");
    assert_eq!(fs.lstat("/lf").unwrap().nlink, 2);
    assert_eq!(fs.link("/a", "/a2"), Err(FsError::NotPermitted));
    assert_eq!(fs.link("/f", "/new/"), Err(FsError::NotFound));
    assert_eq!(fs.link("/f/", "/new"), Err(FsError::NotDir));
    assert_eq!(fs.link("/f", "/nodir/new"), Err(FsError::NotFound));
}

#[test]
fn directory_nlink_is_two_plus_subdirectories() {
    let mut fs = sample();
    assert_eq!(fs.stat("/a").unwrap().nlink, 3);
    fs.mkdir("/a/c", 0o755).unwrap();
    fs.symlink("b", "/a/l").unwrap();
    assert_eq!(fs.stat("/a").unwrap().nlink, 4, "files and symlinks do not count");
    fs.rmdir("/a/c").unwrap();
    assert_eq!(fs.stat("/a").unwrap().nlink, 3);
    assert_eq!(fs.stat("/").unwrap().nlink, 3);
    assert_eq!(Fs::new().stat("/").unwrap().nlink, 2);
}

#[test]
fn unlink_rules() {
    let mut fs = sample();
    fs.symlink("a", "/la").unwrap();
    fs.symlink("f", "/lf").unwrap();
    assert_eq!(fs.unlink("/la/"), Err(FsError::NotDir));
    assert_eq!(fs.unlink("/f/"), Err(FsError::NotDir));
    assert_eq!(fs.unlink("/nope/"), Err(FsError::NotFound));
    assert_eq!(fs.unlink("/"), Err(FsError::IsDir));
    fs.unlink("/lf").unwrap();
    assert_eq!(content(&fs, "/f"), b"hi", "the target stays");
    fs.unlink("/la").unwrap();
    assert!(fs.exists("/a"));
}

#[test]
fn rmdir_rules() {
    let mut fs = sample();
    fs.symlink("a/b", "/lb").unwrap();
    assert_eq!(fs.rmdir("/a"), Err(FsError::NotEmpty));
    assert_eq!(fs.rmdir("/f"), Err(FsError::NotDir));
    assert_eq!(fs.rmdir("/lb"), Err(FsError::NotDir));
    assert_eq!(fs.rmdir("/lb/"), Err(FsError::NotDir), "a link to a directory is not removed");
    assert_eq!(fs.rmdir("/"), Err(FsError::Busy));
    assert_eq!(fs.rmdir("/a/b/."), Err(FsError::Invalid));
    assert_eq!(fs.rmdir("/a/b/.."), Err(FsError::NotEmpty));
    let b = ino(&fs, "/a/b");
    fs.rmdir("/a/b/").unwrap();
    assert!(fs.inode(b).is_err());
    assert!(!fs.exists("/lb") && fs.lstat("/lb").is_ok());
}

#[test]
fn removed_working_directory() {
    let mut fs = sample();
    fs.chdir("/a/b").unwrap();
    fs.rmdir("/a/b").unwrap();
    assert_eq!(fs.cwd_path(), Err(FsError::NotFound));
    assert_eq!(fs.stat("."), Err(FsError::NotFound));
    assert_eq!(fs.write("x", b""), Err(FsError::NotFound));
}

// ----- open_write -----

#[test]
fn open_write_create_exclusive_truncate() {
    let mut fs = sample();
    let opts = |create, exclusive, truncate| OpenOptions { create, exclusive, truncate };
    assert_eq!(fs.open_write("/new", opts(false, false, false)), Err(FsError::NotFound));
    let new = fs.open_write("/new", opts(true, true, false)).unwrap();
    assert_eq!(fs.stat("/new").unwrap().perm, 0o644);
    assert_eq!(fs.open_write("/new", opts(true, true, false)), Err(FsError::Exists));
    assert_eq!(fs.open_write("/new", opts(true, false, false)), Ok(new));
    fs.append(new, b"abc").unwrap();
    fs.append(new, b"def").unwrap();
    assert_eq!(fs.open_write("/new", opts(false, false, false)), Ok(new));
    assert_eq!(content(&fs, "/new"), b"abcdef");
    fs.open_write("/new", opts(false, false, true)).unwrap();
    assert_eq!(content(&fs, "/new"), b"");
    fs.write_ino(new, b"whole").unwrap();
    assert_eq!(content(&fs, "/new"), b"whole");
    assert_eq!(fs.write_ino(ino(&fs, "/a"), b""), Err(FsError::IsDir));
}

#[test]
fn open_write_through_symlinks() {
    let mut fs = sample();
    fs.symlink("b/made", "/a/dl").unwrap();
    fs.symlink("f", "/lf").unwrap();
    let opts = |create, exclusive| OpenOptions { create, exclusive, truncate: false };
    // O_CREAT|O_EXCL never follows a final link.
    assert_eq!(fs.open_write("/a/dl", opts(true, true)), Err(FsError::Exists));
    assert!(!fs.exists("/a/b/made"));
    assert_eq!(fs.open_write("/a/dl", opts(false, false)), Err(FsError::NotFound));
    // O_CREAT creates a dangling link's target, relative to the link's directory.
    let made = fs.open_write("/a/dl", opts(true, false)).unwrap();
    assert_eq!(ino(&fs, "/a/b/made"), made);
    assert_eq!(fs.lstat("/a/dl").unwrap().kind, FileKind::Symlink);
    assert_eq!(fs.open_write("/lf", opts(false, false)), Ok(ino(&fs, "/f")));
    fs.write("/lf", b"through").unwrap();
    assert_eq!(content(&fs, "/f"), b"through");
}

#[test]
fn open_write_trailing_slashes_and_special_names() {
    let mut fs = sample();
    let opts = |create, exclusive| OpenOptions { create, exclusive, truncate: false };
    assert_eq!(fs.open_write("/f/", opts(true, false)), Err(FsError::IsDir));
    assert_eq!(fs.open_write("/f/", opts(false, false)), Err(FsError::NotDir));
    assert_eq!(fs.open_write("/new/", opts(true, false)), Err(FsError::IsDir));
    assert_eq!(fs.open_write("/new/", opts(true, true)), Err(FsError::IsDir));
    assert_eq!(fs.open_write("/a/", opts(true, false)), Err(FsError::IsDir));
    assert_eq!(fs.open_write("/a/.", opts(true, true)), Err(FsError::Exists));
    assert_eq!(fs.open_write("/", opts(true, true)), Err(FsError::Exists));
    assert_eq!(fs.open_write("/", opts(true, false)), Err(FsError::IsDir));
    fs.symlink("/", "/root").unwrap();
    assert_eq!(fs.open_write("/root", opts(true, false)), Err(FsError::IsDir));
    assert_eq!(fs.rmdir("/root"), Err(FsError::NotDir));
    assert!(!fs.exists("/new"));
}

// ----- limits -----

#[test]
fn inode_limit_is_enospc() {
    let mut fs = sample();
    let limits = FsLimits { max_inodes: fs.inode_count() + 1, ..FsLimits::default() };
    fs.set_limits(limits);
    assert_eq!(fs.limits(), limits);
    fs.write("/one", b"").unwrap();
    assert_eq!(fs.write("/two", b""), Err(FsError::NoSpace));
    assert_eq!(fs.mkdir("/two", 0o755), Err(FsError::NoSpace));
    assert_eq!(fs.symlink("x", "/two"), Err(FsError::NoSpace));
    fs.link("/one", "/two").unwrap();
    fs.unlink("/f").unwrap();
    fs.mkdir("/d", 0o755).unwrap();
}

#[test]
fn permission_is_checked_before_space() {
    let mut fs = home();
    fs.set_limits(FsLimits { max_inodes: fs.inode_count(), ..FsLimits::default() });
    fs.set_cred(OTHER);
    assert_eq!(fs.write("/home/u/x", b""), Err(FsError::AccessDenied));
}

#[test]
fn file_size_limit_is_efbig() {
    let mut fs = sample();
    fs.set_limits(FsLimits { max_file_size: 4, ..FsLimits::default() });
    fs.write("/f", b"1234").unwrap();
    assert_eq!(fs.write("/g", b"12345"), Err(FsError::TooBig));
    let f = ino(&fs, "/f");
    assert_eq!(fs.append(f, b"5"), Err(FsError::TooBig));
    assert_eq!(content(&fs, "/f"), b"1234", "a failed append changes nothing");
}

#[test]
fn total_bytes_limit_is_enospc() {
    let mut fs = Fs::new();
    fs.set_limits(FsLimits { max_total_bytes: 10, ..FsLimits::default() });
    fs.write("/a", b"123456").unwrap();
    assert_eq!(fs.write("/b", b"12345"), Err(FsError::NoSpace));
    fs.write("/b", b"1234").unwrap();
    let b = ino(&fs, "/b");
    assert_eq!(fs.append(b, b"x"), Err(FsError::NoSpace));
    fs.unlink("/a").unwrap();
    fs.append(b, b"xxxxxx").unwrap();
    // Shrinking is always allowed, even over a lowered limit.
    fs.set_limits(FsLimits { max_total_bytes: 2, ..FsLimits::default() });
    fs.write_ino(b, b"123").unwrap();
    assert_eq!(fs.append(b, b"4"), Err(FsError::NoSpace));
    // Hard links do not count twice; the bytes come back when the last name goes.
    fs.set_limits(FsLimits { max_total_bytes: 6, ..FsLimits::default() });
    fs.link("/b", "/c").unwrap();
    fs.write("/d", b"456").unwrap();
    fs.unlink("/b").unwrap();
    assert_eq!(fs.write("/e", b"7"), Err(FsError::NoSpace));
    fs.unlink("/c").unwrap();
    fs.write("/e", b"789").unwrap();
}

// ----- journal -----

#[test]
fn journal_records_paths() {
    let mut fs = sample();
    fs.take_changes();
    fs.mkdir("/d", 0o755).unwrap();
    fs.write("/d/x", b"1").unwrap();
    fs.write("/d/x", b"2").unwrap();
    fs.chmod("/d/x", 0o600).unwrap();
    fs.chmod("/a/b/..", 0o700).unwrap();
    fs.symlink("x", "/d/l").unwrap();
    fs.link("/d/x", "/d/y").unwrap();
    fs.rename("/d", "/e").unwrap();
    fs.unlink("/e/x").unwrap();
    fs.rmdir("/a/b").unwrap();
    let (changes, dropped) = fs.take_changes();
    use Change::*;
    let expect = [
        Created("/d".into()),
        Created("/d/x".into()),
        Modified("/d/x".into()),
        Modified("/d/x".into()),
        Modified("/a".into()),
        Created("/d/l".into()),
        Created("/d/y".into()),
        Removed("/d".into()),
        Created("/e".into()),
        Removed("/e/x".into()),
        Removed("/a/b".into()),
    ];
    assert_eq!(changes, expect);
    assert_eq!(dropped, 0);
    assert_eq!(fs.take_changes(), (vec![], 0));
}

#[test]
fn journal_is_bounded() {
    let mut fs = Fs::new();
    for i in 0..MAX_JOURNAL + 5 {
        fs.mkdir(&format!("/d{i}"), 0o755).unwrap();
    }
    let (changes, dropped) = fs.take_changes();
    assert_eq!((changes.len(), dropped), (MAX_JOURNAL, 5));
    fs.mkdir("/again", 0o755).unwrap();
    assert_eq!(fs.take_changes(), (vec![Change::Created("/again".into())], 0));
}

// ----- snapshots and paths -----

#[test]
fn clones_are_independent_snapshots() {
    let mut fs = sample();
    fs.chdir("/a").unwrap();
    let snapshot = fs.clone();
    fs.write("/f", b"changed").unwrap();
    fs.rename("/a/b", "/b").unwrap();
    fs.unlink("/a/g").unwrap();
    fs.chmod("/a", 0o700).unwrap();
    fs.chdir("/b").unwrap();
    fs.set_now(DEFAULT_EPOCH + 1000);
    assert_eq!(content(&snapshot, "/f"), b"hi");
    assert_eq!(names(&snapshot, "/a"), ["b", "g"]);
    assert_eq!(snapshot.stat("/a").unwrap().perm, 0o755);
    assert_eq!(snapshot.cwd_path().unwrap(), "/a");
    assert_eq!(snapshot.now(), DEFAULT_EPOCH);
    assert_eq!(snapshot.stat("/b"), Err(FsError::NotFound));
    // And the other way round.
    let mut copy = snapshot.clone();
    copy.write("/a/g", b"copy").unwrap();
    assert_eq!(content(&snapshot, "/a/g"), b"g");
}

#[test]
fn dir_path_and_realpath() {
    let mut fs = sample();
    assert_eq!(fs.dir_path(ROOT).unwrap(), "/");
    assert_eq!(fs.dir_path(ino(&fs, "/a/b")).unwrap(), "/a/b");
    assert_eq!(fs.dir_path(ino(&fs, "/f")), Err(FsError::NotDir));
    assert_eq!(fs.dir_path(9999), Err(FsError::NotFound));
    fs.symlink("a/b", "/lb").unwrap();
    fs.symlink("../../f", "/a/b/lf").unwrap();
    assert_eq!(fs.realpath("/").unwrap(), "/");
    assert_eq!(fs.realpath("/lb").unwrap(), "/a/b");
    assert_eq!(fs.realpath("/lb/lf").unwrap(), "/f");
    assert_eq!(fs.realpath("/lb/.").unwrap(), "/a/b");
    fs.chdir("/a").unwrap();
    assert_eq!(fs.realpath("b/../g").unwrap(), "/a/g");
    assert_eq!(fs.realpath(".").unwrap(), "/a");
    assert_eq!(fs.realpath("missing"), Err(FsError::NotFound));
    assert_eq!(join_path("/", "x"), "/x");
    assert_eq!(join_path("/a", "x"), "/a/x");
    assert_eq!(join_path("/a", "."), "/a");
}

#[test]
fn read_dir_lists_in_byte_order_with_kinds() {
    let mut fs = sample();
    fs.symlink("f", "/a/Z").unwrap();
    let entries = fs.read_dir("/a").unwrap();
    let got: Vec<(&str, FileKind)> = entries.iter().map(|e| (e.name.as_str(), e.kind)).collect();
    assert_eq!(got, [("Z", FileKind::Symlink), ("b", FileKind::Dir), ("g", FileKind::File)]);
    fs.symlink("a", "/la").unwrap();
    assert_eq!(names(&fs, "/la"), ["Z", "b", "g"], "read_dir follows links");
}

#[test]
fn metadata_sizes() {
    let mut fs = sample();
    fs.symlink("/a/g", "/l").unwrap();
    assert_eq!(fs.lstat("/l").unwrap().size, 4);
    assert_eq!(fs.stat("/l").unwrap().size, 1);
    assert_eq!(fs.stat("/f").unwrap().size, 2);
    assert_eq!(fs.stat("/a").unwrap().size, 4096);
}

#[test]
fn errno_names_and_messages() {
    assert_eq!((FsError::NotFound.errno(), FsError::NotFound.name()), (2, "ENOENT"));
    assert_eq!((FsError::Loop.errno(), FsError::Loop.name()), (40, "ELOOP"));
    assert_eq!(FsError::NotEmpty.to_string(), "Directory not empty");
    assert_eq!(FsError::NotDir.to_string(), "Not a directory");
}

#[test]
fn normalize_path_resolves_dots_by_text() {
    assert_eq!(normalize_path("/a/b/../c/./d/"), "/a/c/d");
    assert_eq!(normalize_path("/.."), "/");
    assert_eq!(normalize_path("//x//y"), "/x/y");
}

#[test]
fn mkdir_all_and_remove_all() {
    let mut fs = Fs::new();
    fs.mkdir_all("/a/b/c").unwrap();
    fs.mkdir_all("/a/b/c").unwrap();
    fs.write("/a/b/c/f", b"x").unwrap();
    fs.symlink("/a", "/a/b/loop").unwrap();
    fs.mkdir("/kept", 0o755).unwrap();
    fs.symlink("/kept", "/a/to-kept").unwrap();
    fs.remove_all("/a").unwrap();
    assert!(!fs.exists("/a"));
    assert!(fs.exists("/kept"), "symlinks are removed, not followed");
    assert_eq!(fs.remove_all("/a"), Err(FsError::NotFound));
}
