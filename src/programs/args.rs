//! Command-line options parsed the way GNU `getopt_long` does.
//!
//! Short options bundle (`-la`), take values attached or as the next argument (`-n3`, `-n 3`),
//! long options take `--name=value` or the next argument and may be abbreviated to a unique
//! prefix, options and operands may be mixed, and `--` ends the options. Errors come back worded
//! as GNU tools print them, `Try 'PROG --help'` line included.

use super::Ctx;

/// The options a program accepts.
#[derive(Debug, Clone, Copy)]
pub struct Spec<'a> {
    /// The program name used in error messages.
    pub prog: &'a str,
    /// Short options without a value, e.g. `"laA1RdFh"`.
    pub flags: &'a str,
    /// Short options that take a value, e.g. `"nL"`.
    pub with_value: &'a str,
    /// Long options: (name, key reported for it, whether it takes a value). A key of one
    /// character makes the long option an alias of that short option.
    pub long: &'a [(&'a str, &'a str, bool)],
}

/// The options found, in order, and the operands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Each option's key and value, in the order given.
    pub opts: Vec<(String, Option<String>)>,
    /// The arguments that are not options.
    pub operands: Vec<String>,
}

impl Parsed {
    /// GNU coreutils' `--help` and `--version` (keys `help` and `version`): when either was
    /// given — the first one wins, as getopt hands them over in order — prints `usage` with
    /// coreutils' footer for `prog`, or the version text crediting `authors`, and returns the
    /// exit status 0.
    pub fn coreutils_info(&self, ctx: &mut Ctx, prog: &str, usage: &str, authors: &str) -> Option<i32> {
        match self.opts.iter().map(|(k, _)| k.as_str()).find(|k| *k == "help" || *k == "version")? {
            "help" => ctx.out(format!(
                "{usage}\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n\
                 Report any translation bugs to <https://translationproject.org/team/>\n\
                 Full documentation <https://www.gnu.org/software/coreutils/{prog}>\n\
                 or available locally via: info '(coreutils) {prog} invocation'\n"
            )),
            _ => ctx.out(format!(
                "{prog} (GNU coreutils) 9.1\n\
                 Copyright (C) 2022 Free Software Foundation, Inc.\n\
                 License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n\
                 This is free software: you are free to change and redistribute it.\n\
                 There is NO WARRANTY, to the extent permitted by law.\n\n\
                 Written by {authors}\n"
            )),
        }
        Some(0)
    }

    /// Whether the option with this key was given.
    pub fn has(&self, key: &str) -> bool {
        self.opts.iter().any(|(k, _)| k == key)
    }

    /// The last value given for this key.
    pub fn value(&self, key: &str) -> Option<&str> {
        self.opts.iter().rev().find(|(k, _)| k == key).and_then(|(_, v)| v.as_deref())
    }

    /// Which of these keys was given last (the one that wins, as `-f` against `-i`).
    pub fn last_of(&self, keys: &[&str]) -> Option<&str> {
        self.opts.iter().rev().map(|(k, _)| k.as_str()).find(|k| keys.contains(k))
    }
}

/// Parses `args` (without `argv[0]`). On error, returns the message lines to print on stderr.
pub fn parse(spec: &Spec, args: &[String]) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if arg == "--" {
            parsed.operands.extend(args[i..].iter().cloned());
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let (full, (key, takes)) = match abbreviation(spec.long.iter().map(|&(n, k, t)| (n, (k, t))), name) {
                Ok(found) => found,
                Err(possible) => return Err(usage(spec.prog, &long_option_problem(name, &possible))),
            };
            let value = match (takes, inline) {
                (true, Some(v)) => Some(v),
                (true, None) if i < args.len() => {
                    i += 1;
                    Some(args[i - 1].clone())
                }
                (true, None) => return Err(usage(spec.prog, &format!("option '--{full}' requires an argument"))),
                (false, Some(_)) => {
                    return Err(usage(spec.prog, &format!("option '--{full}' doesn't allow an argument")))
                }
                (false, None) => None,
            };
            parsed.opts.push((key.to_string(), value));
            continue;
        }
        if arg.len() < 2 || !arg.starts_with('-') {
            parsed.operands.push(arg.clone());
            continue;
        }
        let chars: Vec<char> = arg[1..].chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            j += 1;
            if spec.flags.contains(c) {
                parsed.opts.push((c.to_string(), None));
            } else if spec.with_value.contains(c) {
                let rest: String = chars[j..].iter().collect();
                let value = if !rest.is_empty() {
                    rest
                } else if i < args.len() {
                    i += 1;
                    args[i - 1].clone()
                } else {
                    return Err(usage(spec.prog, &format!("option requires an argument -- '{c}'")));
                };
                parsed.opts.push((c.to_string(), Some(value)));
                break;
            } else {
                return Err(usage(spec.prog, &format!("invalid option -- '{c}'")));
            }
        }
    }
    Ok(parsed)
}

/// Looks `word` up in a table of names with values as GNU matches abbreviations, getopt for
/// long options and argmatch for option arguments: a name equal to the word wins; otherwise the
/// names it is a prefix of, when they all stand for the same value. `Err` lists those names, in
/// table order: none (the word is unknown), or several that differ (it is ambiguous).
pub fn abbreviation<'t, V: Copy + PartialEq>(
    table: impl Iterator<Item = (&'t str, V)> + Clone,
    word: &str,
) -> Result<(&'t str, V), Vec<&'t str>> {
    if let Some(found) = table.clone().find(|(name, _)| *name == word) {
        return Ok(found);
    }
    let candidates: Vec<(&str, V)> = table.filter(|(name, _)| name.starts_with(word)).collect();
    match candidates.as_slice() {
        [first, rest @ ..] if rest.iter().all(|(_, value)| *value == first.1) => Ok(*first),
        _ => Err(candidates.iter().map(|(name, _)| *name).collect()),
    }
}

/// What getopt says of a long option `--name` that [`abbreviation`] did not find: unknown, or
/// ambiguous among the `possible` names.
pub fn long_option_problem(name: &str, possible: &[&str]) -> String {
    if possible.is_empty() {
        return format!("unrecognized option '--{name}'");
    }
    let list: Vec<String> = possible.iter().map(|n| format!("'--{n}'")).collect();
    format!("option '--{name}' is ambiguous; possibilities: {}", list.join(" "))
}

/// When `--color` colours, as `ls` and `grep` read its argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorWhen {
    /// `always`, `yes`, `force`.
    Always,
    /// `never`, `no`, `none`.
    Never,
    /// `auto`, `tty`, `if-tty`: when standard output is a terminal.
    Auto,
}

/// The words `--color=WHEN` accepts and what each means.
pub const COLOR_WORDS: [(&str, ColorWhen); 9] = [
    ("always", ColorWhen::Always),
    ("yes", ColorWhen::Always),
    ("force", ColorWhen::Always),
    ("never", ColorWhen::Never),
    ("no", ColorWhen::Never),
    ("none", ColorWhen::Never),
    ("auto", ColorWhen::Auto),
    ("tty", ColorWhen::Auto),
    ("if-tty", ColorWhen::Auto),
];

/// Takes `--color[=WHEN]` and `--colour[=WHEN]` (or their abbreviations from `--col` on) out
/// of the arguments before `--`, since [`parse`] has no options with an optional value.
/// Returns the last one's value (`Some(None)` when it had none) and the other arguments.
pub fn take_color(args: &[String]) -> (Option<Option<String>>, Vec<String>) {
    let mut when = None;
    let mut rest = Vec::new();
    let mut ended = false;
    for arg in args {
        ended |= arg == "--";
        let (name, value) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg.as_str(), None),
        };
        if !ended && name.len() >= 5 && ["--color", "--colour"].iter().any(|c| c.starts_with(name)) {
            when = Some(value);
        } else {
            rest.push(arg.clone());
        }
    }
    (when, rest)
}

/// Parses `args` (without `argv[0]`) as [`parse`] does; on error prints the message on standard
/// error and returns `None`, and the program returns its usage status.
pub fn parse_or_report(ctx: &mut Ctx, spec: &Spec, args: &[String]) -> Option<Parsed> {
    parse(spec, args).map_err(|message| ctx.err(message)).ok()
}

/// `PROG: MESSAGE` and the `Try 'PROG --help'` line, as GNU tools print a usage error.
pub fn usage(prog: &str, message: &str) -> String {
    format!("{prog}: {message}\nTry '{prog} --help' for more information.\n")
}

/// Prints a usage error (`prog: MESSAGE` and the `Try` line) and returns status 1.
pub fn usage_error(ctx: &mut Ctx, prog: &str, message: &str) -> i32 {
    ctx.err(usage(prog, message));
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    const LS: Spec = Spec {
        prog: "ls",
        flags: "laA1",
        with_value: "w",
        long: &[("all", "a", false), ("almost-all", "A", false), ("color", "color", true)],
    };

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn bundles_and_mixes_operands() {
        let p = parse(&LS, &args(&["-la", "dir", "-1", "--", "-a"])).unwrap();
        assert!(p.has("l") && p.has("a") && p.has("1"));
        assert_eq!(p.operands, vec!["dir", "-a"]);
    }

    #[test]
    fn values_attached_or_separate() {
        assert_eq!(parse(&LS, &args(&["-w80"])).unwrap().value("w"), Some("80"));
        assert_eq!(parse(&LS, &args(&["-w", "80"])).unwrap().value("w"), Some("80"));
        assert_eq!(parse(&LS, &args(&["--color=never"])).unwrap().value("color"), Some("never"));
    }

    #[test]
    fn long_prefixes() {
        assert!(parse(&LS, &args(&["--almost"])).unwrap().has("A"));
        assert!(parse(&LS, &args(&["--al"])).unwrap_err().contains("option '--al' is ambiguous"));
        // As real ls 9.1 (glibc 2.36's getopt) words it.
        assert!(parse(&LS, &args(&["--al"])).unwrap_err().starts_with("ls: option '--al' is ambiguous; possibilities: '--all' '--almost-all'\n"));
    }

    #[test]
    fn gnu_error_wording() {
        assert_eq!(
            parse(&LS, &args(&["-y"])).unwrap_err(),
            "ls: invalid option -- 'y'\nTry 'ls --help' for more information.\n"
        );
        assert!(parse(&LS, &args(&["--bogus"])).unwrap_err().starts_with("ls: unrecognized option '--bogus'\n"));
        assert!(parse(&LS, &args(&["-w"])).unwrap_err().starts_with("ls: option requires an argument -- 'w'\n"));
    }

    #[test]
    fn lone_dash_is_an_operand() {
        assert_eq!(parse(&LS, &args(&["-"])).unwrap().operands, vec!["-"]);
    }
}
