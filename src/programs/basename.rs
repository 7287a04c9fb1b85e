//! `basename` and `dirname`, as GNU coreutils 9.1: pure string operations on paths.
//!
//! `basename NAME [SUFFIX]` strips the directory part and trailing slashes, then the suffix
//! unless it is the whole name; `-a` takes several names, `-s SUFFIX` implies `-a`, `-z` ends
//! lines with NUL. `dirname NAME...` prints each name without its last component (`.` when
//! none is left, `/` for the root).

use super::args::{self, Spec};
use super::walk;
use super::Ctx;

const BASENAME: Spec = Spec {
    prog: "basename",
    flags: "az",
    with_value: "s",
    long: &[("multiple", "a", false), ("suffix", "s", true), ("zero", "z", false)],
};

/// The last component of `name`, as `basename` prints it (`/` for a name of only slashes).
pub fn base_name(name: &str) -> &str {
    if name.is_empty() {
        return "";
    }
    walk::last_component(name)
}

/// `name` without its last component, as `dirname` prints it.
pub fn dir_name(name: &str) -> &str {
    let trimmed = name.trim_end_matches('/');
    if trimmed.is_empty() {
        return if name.starts_with('/') { "/" } else { "." };
    }
    match trimmed.rfind('/') {
        None => ".",
        Some(slash) => {
            let parent = trimmed[..slash].trim_end_matches('/');
            if parent.is_empty() {
                "/"
            } else {
                parent
            }
        }
    }
}

/// The base name with `suffix` removed, unless the suffix is all of it.
fn strip_suffix<'a>(base: &'a str, suffix: &str) -> &'a str {
    match base.strip_suffix(suffix) {
        Some(rest) if !rest.is_empty() && base != "/" => rest,
        _ => base,
    }
}

/// Entry point of `basename`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &BASENAME, argv.get(1..).unwrap_or_default()) else { return 1 };
    let names = &parsed.operands;
    if names.is_empty() {
        return args::usage_error(ctx, "basename", "missing operand");
    }
    let multiple = parsed.has("a") || parsed.has("s");
    let (names, suffix): (&[String], Option<&str>) = if multiple {
        (names, parsed.value("s"))
    } else {
        match names.as_slice() {
            [_, _, extra, ..] => {
                return args::usage_error(ctx, "basename", &format!("extra operand {}", walk::quote_locale(extra)));
            }
            [name, suffix] => (std::slice::from_ref(name), Some(suffix.as_str())),
            _ => (names, None),
        }
    };
    let end = if parsed.has("z") { "\0" } else { "\n" };
    for name in names {
        let base = base_name(name);
        let base = match suffix {
            Some(s) => strip_suffix(base, s),
            None => base,
        };
        ctx.out_fmt(format_args!("{base}{end}"));
    }
    0
}

const DIRNAME: Spec = Spec { prog: "dirname", flags: "z", with_value: "", long: &[("zero", "z", false)] };

/// Entry point of `dirname`.
pub fn dirname(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &DIRNAME, argv.get(1..).unwrap_or_default()) else { return 1 };
    if parsed.operands.is_empty() {
        return args::usage_error(ctx, "dirname", "missing operand");
    }
    let end = if parsed.has("z") { "\0" } else { "\n" };
    for name in &parsed.operands {
        ctx.out_fmt(format_args!("{}{end}", dir_name(name)));
    }
    0
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::{err, example, out, run};
    use crate::programs::run_for_test;

    #[test]
    fn golden_basename_dirname() {
        let (mut fs, env) = example();
        assert_eq!(run(&mut fs, &env, "basename /a/b/file.tar.gz .gz"), out("file.tar\n"));
        assert_eq!(run(&mut fs, &env, "basename dir/sub/"), out("sub\n"));
        assert_eq!(run(&mut fs, &env, "dirname /a/b/"), out("/a\n"));
        assert_eq!(run(&mut fs, &env, "dirname file"), out(".\n"));
    }

    #[test]
    fn edge_cases() {
        let (mut fs, env) = example();
        let cases = [
            ("basename -a a/b c/d/", "b\nd\n"),
            ("basename -s .py x.py y.py", "x\ny\n"),
            ("basename .py .py", ".py\n"),
            ("basename /", "/\n"),
            ("basename //", "/\n"),
            ("basename ///a//", "a\n"),
            ("basename a/b/ b", "b\n"),
            ("basename -- -a", "-a\n"),
            ("basename -z a", "a\0"),
            ("dirname a/b c", "a\n.\n"),
            ("dirname /", "/\n"),
            ("dirname ///", "/\n"),
            ("dirname a//b//", "a\n"),
            ("dirname /a", "/\n"),
            ("dirname a/", ".\n"),
            ("dirname //a", "/\n"),
            ("dirname -z a", ".\0"),
        ];
        for (line, want) in cases {
            assert_eq!(run(&mut fs, &env, line), out(want), "{line}");
        }
        assert_eq!(run_for_test(&mut fs, &env, &["basename", ""], b""), out("\n"));
        assert_eq!(run_for_test(&mut fs, &env, &["dirname", ""], b""), out(".\n"));
        assert_eq!(
            run(&mut fs, &env, "basename"),
            err("basename: missing operand\nTry 'basename --help' for more information.\n")
        );
        assert_eq!(
            run(&mut fs, &env, "basename a b c"),
            err("basename: extra operand ‘c’\nTry 'basename --help' for more information.\n")
        );
        assert_eq!(
            run(&mut fs, &env, "dirname"),
            err("dirname: missing operand\nTry 'dirname --help' for more information.\n")
        );
    }
}
