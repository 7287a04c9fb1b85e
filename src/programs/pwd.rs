//! `pwd` (the `/usr/bin/pwd` binary of coreutils 9.1): print the working directory.
//!
//! `-P` (the default) prints the physical path, every symlink resolved; `-L` prints `$PWD`
//! when it is an absolute path without `.` or `..` components that names the working
//! directory, and the physical path otherwise. Operands are ignored.

use super::args::{self, Spec};
use super::Ctx;

const SPEC: Spec =
    Spec { prog: "pwd", flags: "LP", with_value: "", long: &[("logical", "L", false), ("physical", "P", false)] };

/// Entry point of `pwd`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, argv.get(1..).unwrap_or_default()) else { return 1 };
    let logical = parsed.last_of(&["L", "P"]) == Some("L");
    if logical {
        if let Some(pwd) = ctx.var("PWD").map(str::to_string) {
            if names_cwd(ctx, &pwd) {
                ctx.out_fmt(format_args!("{pwd}\n"));
                return 0;
            }
        }
    }
    match ctx.fs.cwd_path() {
        Ok(path) => {
            ctx.out_fmt(format_args!("{path}\n"));
            0
        }
        Err(e) => {
            ctx.error("pwd", format!("couldn't find directory entry in \u{2018}..\u{2019} with matching i-node: {e}"));
            1
        }
    }
}

/// Whether `$PWD` is usable for `-L`: absolute, no `.`/`..` components, same directory.
fn names_cwd(ctx: &Ctx, pwd: &str) -> bool {
    pwd.starts_with('/')
        && !pwd.split('/').any(|c| c == "." || c == "..")
        && ctx.fs.stat(pwd).is_ok_and(|m| m.ino == ctx.fs.cwd())
}

#[cfg(test)]
mod tests {
    use super::super::{run_for_test, test_machine};

    #[test]
    fn logical_and_physical() {
        let (mut fs, mut env) = test_machine();
        fs.mkdir("real", 0o755).unwrap();
        fs.mkdir("real/inside", 0o755).unwrap();
        fs.symlink("real", "link").unwrap();
        fs.chdir("link").unwrap();
        env.insert("PWD".into(), "/home/kai/link".into());
        assert_eq!(run_for_test(&mut fs, &env, &["pwd", "-L"], b"").0, "/home/kai/link\n");
        assert_eq!(run_for_test(&mut fs, &env, &["pwd", "-P"], b"").0, "/home/kai/real\n");
        assert_eq!(run_for_test(&mut fs, &env, &["pwd"], b"").0, "/home/kai/real\n");
        assert_eq!(run_for_test(&mut fs, &env, &["pwd", "-LP"], b"").0, "/home/kai/real\n");
        env.insert("PWD".into(), "/home/kai/../kai/link".into());
        assert_eq!(run_for_test(&mut fs, &env, &["pwd", "-L"], b"").0, "/home/kai/real\n");
        env.insert("PWD".into(), "/tmp".into());
        assert_eq!(run_for_test(&mut fs, &env, &["pwd", "-L"], b"").0, "/home/kai/real\n");
        assert_eq!(run_for_test(&mut fs, &env, &["pwd", "x"], b"").0, "/home/kai/real\n");
    }
}
