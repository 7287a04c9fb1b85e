use super::*;

#[test]
fn mkdir_and_stat() {
    let mut fs = Fs::new();
    fs.mkdir("/a", 0o777).unwrap();
    assert_eq!(fs.stat("/a").unwrap().perm, 0o755);
}
