//! Helpers shared by several programs: mode strings as `drwxr-xr-x`, `ls -l` dates on the
//! simulated clock, human-readable sizes as GNU's `human_readable` rounds them (up), allocated
//! blocks, the `-F` indicators, and reading an operand that may be `-` (stdin).

use super::Ctx;
use crate::fs::{FileKind, FsError, Metadata};

/// Reads a file operand whole; `-` reads the rest of standard input.
pub fn read_operand(ctx: &mut Ctx, name: &str) -> Result<Vec<u8>, FsError> {
    if name == "-" {
        Ok(ctx.stdin())
    } else {
        ctx.fs.read(name).map(|data| data.to_vec())
    }
}

/// The `-F` suffix of `ls` and `tree` for a file kind: `/` directory, `@` link, `*` executable.
pub fn indicator(meta: &Metadata) -> &'static str {
    match meta.kind {
        FileKind::Dir => "/",
        FileKind::Symlink => "@",
        FileKind::File if meta.perm & 0o111 != 0 => "*",
        FileKind::File => "",
    }
}

/// Splits bytes into lines without their newlines; a last line without one still counts.
pub fn split_lines(data: &[u8]) -> Vec<&[u8]> {
    let mut lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    if data.ends_with(b"\n") || data.is_empty() {
        lines.pop();
    }
    lines
}

/// The ten-character mode string of `ls -l`: type letter, then `rwx` triplets with set-id and
/// sticky bits folded in (`s`/`S`, `t`/`T`).
pub fn mode_string(meta: &Metadata) -> String {
    let mut s = String::with_capacity(10);
    s.push(match meta.kind {
        FileKind::File => '-',
        FileKind::Dir => 'd',
        FileKind::Symlink => 'l',
    });
    let p = meta.perm;
    let special = [(0o4000, 's', 'S'), (0o2000, 's', 'S'), (0o1000, 't', 'T')];
    for (i, (bit, on, off)) in special.iter().enumerate() {
        let shift = 6 - 3 * i as u32;
        s.push(if p >> shift & 4 != 0 { 'r' } else { '-' });
        s.push(if p >> shift & 2 != 0 { 'w' } else { '-' });
        let x = p >> shift & 1 != 0;
        s.push(match (p & bit != 0, x) {
            (true, true) => *on,
            (true, false) => *off,
            (false, true) => 'x',
            (false, false) => '-',
        });
    }
    s
}

/// Half of the average Gregorian year, in seconds: what GNU `ls` calls six months.
const SIX_MONTHS: i64 = 31_556_952 / 2;

/// The date column of `ls -l`: `%b %e %H:%M` for a time within six months before `now`,
/// otherwise `%b %e  %Y`.
pub fn ls_date(mtime: i64, now: i64) -> String {
    let crate::time::Civil { year, month, day, hour, minute, .. } = crate::time::civil(mtime);
    let name = crate::time::MONTHS.get(month as usize - 1).copied().unwrap_or("???");
    if mtime > now.saturating_sub(SIX_MONTHS) && mtime <= now {
        format!("{name} {day:>2} {hour:02}:{minute:02}")
    } else {
        format!("{name} {day:>2}  {year}")
    }
}

/// A size as `ls -h` prints it: powers of 1024 with suffixes `K M G T P E`, rounded up, one
/// decimal below 10 (`4.1K`), none from 10 on (`10K`); below 1024 the plain number.
pub fn human_size(n: u64) -> String {
    if n < 1024 {
        return n.to_string();
    }
    let n = u128::from(n);
    let mut divisor: u128 = 1;
    for unit in ['K', 'M', 'G', 'T', 'P', 'E'] {
        divisor *= 1024;
        let tenths = (n * 10).div_ceil(divisor);
        if tenths < 100 {
            return format!("{}.{}{unit}", tenths / 10, tenths % 10);
        }
        let whole = n.div_ceil(divisor);
        if whole < 1024 {
            return format!("{whole}{unit}");
        }
    }
    n.to_string()
}

/// Allocated size in 1K blocks, as `ls -s` and `total` count it: files take whole 4K blocks,
/// directories one, symbolic links none.
pub fn blocks(meta: &Metadata) -> u64 {
    match meta.kind {
        FileKind::File => meta.size.div_ceil(4096) * 4,
        FileKind::Dir => 4,
        FileKind::Symlink => 0,
    }
}

/// Display width of a name in terminal columns (one per character; good enough for the
/// names of this machine).
pub fn width(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(kind: FileKind, perm: u32, size: u64) -> Metadata {
        Metadata { ino: 2, kind, perm, nlink: 1, uid: 0, gid: 0, size, mtime: 0 }
    }

    #[test]
    fn modes() {
        assert_eq!(mode_string(&meta(FileKind::Dir, 0o755, 0)), "drwxr-xr-x");
        assert_eq!(mode_string(&meta(FileKind::File, 0o644, 0)), "-rw-r--r--");
        assert_eq!(mode_string(&meta(FileKind::Symlink, 0o777, 0)), "lrwxrwxrwx");
        assert_eq!(mode_string(&meta(FileKind::Dir, 0o1777, 0)), "drwxrwxrwt");
        assert_eq!(mode_string(&meta(FileKind::File, 0o4644, 0)), "-rwSr--r--");
        assert_eq!(mode_string(&meta(FileKind::File, 0o2755, 0)), "-rwxr-sr-x");
    }

    #[test]
    fn dates() {
        // 2024-01-15 10:30 UTC.
        let t = 1_705_314_600;
        assert_eq!(ls_date(t, crate::fs::DEFAULT_EPOCH), "Jan 15  2024");
        assert_eq!(ls_date(crate::fs::DEFAULT_EPOCH, crate::fs::DEFAULT_EPOCH), "Oct 21 09:00");
        assert_eq!(ls_date(crate::fs::DEFAULT_EPOCH + 60, crate::fs::DEFAULT_EPOCH), "Oct 21  2026");
    }

    #[test]
    fn human_sizes() {
        let cases = [
            (0, "0"),
            (1023, "1023"),
            (1024, "1.0K"),
            (4100, "4.1K"),
            (4096, "4.0K"),
            (10239, "10K"),
            (10241, "11K"),
            (1024 * 1023 + 1, "1.0M"),
            (8192, "8.0K"),
        ];
        for (n, want) in cases {
            assert_eq!(human_size(n), want, "{n}");
        }
    }
}
