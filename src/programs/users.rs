//! User and group names, read from `/etc/passwd` and `/etc/group` of the simulated machine as
//! the real C library reads them.

use crate::fs::Fs;

/// The name of a user id per `/etc/passwd`, or the number as text.
pub fn user_name(fs: &Fs, uid: u32) -> String {
    lookup(fs, "/etc/passwd", uid).unwrap_or_else(|| uid.to_string())
}

/// The name of a group id per `/etc/group`, or the number as text.
pub fn group_name(fs: &Fs, gid: u32) -> String {
    lookup(fs, "/etc/group", gid).unwrap_or_else(|| gid.to_string())
}

/// Finds the line whose third field is `id` and returns its first field.
fn lookup(fs: &Fs, file: &str, id: u32) -> Option<String> {
    let data = fs.read(file).ok()?;
    let text = String::from_utf8_lossy(&data);
    text.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let found: u32 = fields.nth(1)?.parse().ok()?;
        (found == id).then(|| name.to_string())
    })
}
