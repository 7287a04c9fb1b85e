//! `touch`: create files and set modification times, as GNU coreutils 9.1.
//!
//! Each missing file is created empty (unless `-c`), then its time is set to the simulated
//! clock's now, or to `-d DATE` (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]`, also with `T`, or
//! `@SECONDS`; the machine's zone is UTC), `-t [[CC]YY]MMDDhhmm[.ss]`, or `-r FILE`'s time. A
//! dangling symlink creates its target, as on Linux. The machine keeps no access times, so `-a`
//! alone changes nothing but creation; `-h` leaves symlinks alone. Errors are GNU's two:
//! `cannot touch 'x': …` when creating failed, `setting times of 'x': …` otherwise.

use super::args::{self, Spec};
use super::walk::{self, quote, quote_locale};
use super::Ctx;
use crate::fs::{FileKind, FsError, OpenOptions};

const SPEC: Spec = Spec {
    prog: "touch",
    flags: "acfhm",
    with_value: "drt",
    long: &[
        ("no-create", "c", false),
        ("date", "d", true),
        ("reference", "r", true),
        ("no-dereference", "h", false),
    ],
};

fn number(text: &str) -> Option<i64> {
    if text.is_empty() || text.len() > 9 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Parses the date forms `-d` accepts here; `None` if it is not one of them.
pub fn parse_date(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Some(seconds) = text.strip_prefix('@') {
        let (negative, digits) = match seconds.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, seconds.strip_prefix('+').unwrap_or(seconds)),
        };
        let n: i64 = if digits.len() <= 15 && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            digits.parse().ok()?
        } else {
            return None;
        };
        return Some(if negative { -n } else { n });
    }
    let text = text.strip_suffix(" UTC").or_else(|| text.strip_suffix('Z')).unwrap_or(text);
    let (date, time) = match text.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (text, None),
    };
    let mut fields = date.split('-');
    let (year, month, day) = (number(fields.next()?)?, number(fields.next()?)?, number(fields.next()?)?);
    if fields.next().is_some() {
        return None;
    }
    let (hour, minute, second) = match time {
        None => (0, 0, 0),
        Some(t) => {
            let parts: Vec<&str> = t.split(':').collect();
            match parts.as_slice() {
                [h, m] => (number(h)?, number(m)?, 0),
                [h, m, s] => (number(h)?, number(m)?, number(s)?),
                _ => return None,
            }
        }
    };
    crate::time::timestamp(year, month, day, hour, minute, second)
}

/// Parses `-t [[CC]YY]MMDDhhmm[.ss]`; a year left out is the current one.
fn parse_stamp(text: &str, now: i64) -> Option<i64> {
    let (main, seconds) = match text.split_once('.') {
        Some((m, s)) if s.len() == 2 => (m, number(s)?),
        Some(_) => return None,
        None => (text, 0),
    };
    if !main.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let field = |i: usize| main.get(i..i + 2).and_then(number);
    let (year, rest) = match main.len() {
        8 => (current_year(now), 0),
        10 => {
            let yy = field(0)?;
            (if yy >= 69 { 1900 + yy } else { 2000 + yy }, 2)
        }
        12 => (main.get(0..4).and_then(number)?, 4),
        _ => return None,
    };
    crate::time::timestamp(year, field(rest)?, field(rest + 2)?, field(rest + 4)?, field(rest + 6)?, seconds)
}

/// The UTC year of a timestamp.
fn current_year(now: i64) -> i64 {
    crate::time::civil(now).year
}

/// Entry point of `touch`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, argv.get(1..).unwrap_or_default()) else { return 1 };
    let explicit = if let Some(file) = parsed.value("r") {
        match walk::reference(ctx, "touch", file) {
            Some(meta) => Some(meta.mtime),
            None => return 1,
        }
    } else {
        let now = ctx.fs.now();
        let date = parsed.value("d").map(|d| (d, parse_date(d)));
        match date.or_else(|| parsed.value("t").map(|t| (t, parse_stamp(t, now)))) {
            None => None,
            Some((_, Some(t))) => Some(t),
            Some((text, None)) => {
                ctx.error("touch", format!("invalid date format {}", quote_locale(text)));
                return 1;
            }
        }
    };
    if parsed.operands.is_empty() {
        return args::usage_error(ctx, "touch", "missing file operand");
    }
    let no_create = parsed.has("c") || parsed.has("h");
    let access_only = parsed.has("a") && !parsed.has("m");
    let mut status = 0;
    for path in &parsed.operands {
        if parsed.has("h") && ctx.fs.lstat(path).map(|m| m.kind == FileKind::Symlink).unwrap_or(false) {
            continue;
        }
        let mut open_err = None;
        if !no_create {
            let opts = OpenOptions { create: true, exclusive: false, truncate: false };
            if let Err(err) = ctx.fs.open_write(path, opts) {
                // Linux fails `open(O_CREAT)` of a name ending in `/` with EISDIR.
                open_err = Some(if path.ends_with('/') { FsError::IsDir } else { err });
            }
        }
        let result = if access_only {
            ctx.fs.stat(path).map(|_| ())
        } else {
            let cred = ctx.fs.cred();
            match (explicit, ctx.fs.stat(path)) {
                (_, Err(err)) => Err(err),
                (Some(_), Ok(meta)) if cred.uid != 0 && cred.uid != meta.uid => Err(FsError::NotPermitted),
                (time, Ok(_)) => {
                    let t = time.unwrap_or_else(|| ctx.fs.now());
                    ctx.fs.set_mtime(path, t)
                }
            }
        };
        if let Err(err) = result {
            match open_err {
                Some(open) if open != FsError::IsDir => walk::cannot(ctx, "touch", "touch", path, open),
                _ if no_create && err == FsError::NotFound => continue,
                _ => ctx.error("touch", format!("setting times of {}: {err}", quote(path))),
            }
            status = 1;
        }
    }
    status
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::{err, example, names, ok, run};
    use super::parse_date;
    use crate::fs::Cred;

    #[test]
    fn golden_touch() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "mkdir work");
        fs.set_now(fs.now() + 60);
        ok(&mut fs, &env, "touch work/one.txt work/two.txt");
        assert_eq!(names(&fs, "work"), ["one.txt", "two.txt"]);
        assert_eq!(fs.stat("work/one.txt").unwrap().mtime, fs.now());
        let argv = ["touch", "-d", "2024-01-15 10:30", "main.py"];
        assert_eq!(crate::programs::run_for_test(&mut fs, &env, &argv, b"").2, 0);
        assert_eq!(fs.stat("main.py").unwrap().mtime, 1_705_314_600);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024-01-15"), Some(1_705_276_800));
        assert_eq!(parse_date("2024-01-15 10:30:45"), Some(1_705_314_645));
        assert_eq!(parse_date("2024-01-15T10:30"), Some(1_705_314_600));
        assert_eq!(parse_date("2024-1-5 1:02"), Some(1_704_416_520));
        assert_eq!(parse_date("@0"), Some(0));
        for bad in ["garbage", "2024-13-01", "2024-01-15 25:00", "2023-02-29", ""] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn errors_and_options() {
        let (mut fs, env) = example();
        ok(&mut fs, &env, "touch -c nope");
        assert!(fs.lstat("nope").is_err());
        assert_eq!(run(&mut fs, &env, "touch nod/x"), err("touch: cannot touch 'nod/x': No such file or directory\n"));
        assert_eq!(run(&mut fs, &env, "touch -d garbage main.py"), err("touch: invalid date format ‘garbage’\n"));
        assert_eq!(
            run(&mut fs, &env, "touch"),
            err("touch: missing file operand\nTry 'touch --help' for more information.\n")
        );
        assert_eq!(run(&mut fs, &env, "touch main.py/"), err("touch: setting times of 'main.py/': Not a directory\n"));
        assert_eq!(run(&mut fs, &env, "touch x/"), err("touch: setting times of 'x/': No such file or directory\n"));
        ok(&mut fs, &env, "touch .vscode");
        fs.symlink("nowhere", "dang").unwrap();
        ok(&mut fs, &env, "touch dang");
        assert!(fs.lstat("nowhere").is_ok());
        ok(&mut fs, &env, "touch -t 202401151030 main.py");
        assert_eq!(fs.stat("main.py").unwrap().mtime, 1_705_314_600);
        ok(&mut fs, &env, "touch -r main.py f");
        assert_eq!(fs.stat("f").unwrap().mtime, 1_705_314_600);
        assert_eq!(run(&mut fs, &env, "touch /etc/passwd"), err("touch: cannot touch '/etc/passwd': Permission denied\n"));
        assert_eq!(run(&mut fs, &env, "touch /etc"), err("touch: setting times of '/etc': Permission denied\n"));
        // Write permission allows "now" but not an explicit time on another user's file.
        fs.set_cred(Cred::ROOT);
        fs.write("/tmp/shared", b"").unwrap();
        fs.chmod("/tmp/shared", 0o666).unwrap();
        fs.set_cred(Cred { uid: 1000, gid: 1000 });
        ok(&mut fs, &env, "touch /tmp/shared");
        assert_eq!(
            run(&mut fs, &env, "touch -r main.py /tmp/shared"),
            err("touch: setting times of '/tmp/shared': Operation not permitted\n")
        );
    }
}
