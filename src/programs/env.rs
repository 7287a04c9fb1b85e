//! `env`: run a program in a modified environment, or print the environment.
//!
//! Options `-i`/`-` (start empty), `-u NAME` (unset), `-0`/`--null` (end lines with NUL), then
//! `NAME=VALUE` assignments, then an optional command. Without a command the resulting
//! environment is printed by [`print_environment`] (which `printenv` shares), one `NAME=VALUE`
//! per line, in the order the simulation keeps it (sorted by name). With one, `env` asks
//! through [`Ctx::exec`] to be replaced by it; the shell then looks it up on the new `PATH`.
//! Options stop at the first assignment or command, as with GNU `env`.

use super::{args, Ctx, Env, ExecRequest};

/// Entry point of `env`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let mut env: Env = ctx.env.clone();
    let mut null = false;
    let mut i = 1;
    while let Some(arg) = argv.get(i) {
        if arg == "--" {
            i += 1;
            break;
        }
        if arg == "-" {
            env.clear();
            i += 1;
            continue;
        }
        if let Some(long) = arg.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            if !name.is_empty() && "ignore-environment".starts_with(name) && inline.is_none() {
                env.clear();
            } else if !name.is_empty() && "null".starts_with(name) && inline.is_none() {
                null = true;
            } else if !name.is_empty() && "unset".starts_with(name) {
                let value = match inline {
                    Some(v) => v,
                    None => {
                        i += 1;
                        match argv.get(i) {
                            Some(v) => v.clone(),
                            None => return usage(ctx, "option '--unset' requires an argument"),
                        }
                    }
                };
                env.remove(&value);
            } else {
                return usage(ctx, &format!("unrecognized option '{arg}'"));
            }
            i += 1;
            continue;
        }
        if arg.len() < 2 || !arg.starts_with('-') {
            break;
        }
        let chars: Vec<char> = arg.chars().skip(1).collect();
        let mut j = 0;
        while j < chars.len() {
            match chars[j] {
                'i' => env.clear(),
                '0' => null = true,
                'u' => {
                    let rest: String = chars[j + 1..].iter().collect();
                    let name = if rest.is_empty() {
                        i += 1;
                        match argv.get(i) {
                            Some(v) => v.clone(),
                            None => return usage(ctx, "option requires an argument -- 'u'"),
                        }
                    } else {
                        rest
                    };
                    env.remove(&name);
                    break;
                }
                c => return usage(ctx, &format!("invalid option -- '{c}'")),
            }
            j += 1;
        }
        i += 1;
    }
    while let Some((name, value)) = argv.get(i).and_then(|a| a.split_once('=')) {
        env.insert(name.to_string(), value.to_string());
        i += 1;
    }
    let command = argv.get(i..).unwrap_or_default();
    if command.is_empty() {
        print_environment(ctx, &env, null);
        return 0;
    }
    if null {
        return usage(ctx, "cannot specify --null (-0) with command");
    }
    ctx.exec = Some(ExecRequest { argv: command.to_vec(), env });
    0
}

/// Prints every variable of `env` as `NAME=VALUE`, each ended by a newline or, with `null`, a
/// NUL byte: what `env` and `printenv` print without operands.
pub(super) fn print_environment(ctx: &mut Ctx, env: &Env, null: bool) {
    let end = if null { '\0' } else { '\n' };
    let text: String = env.iter().map(|(k, v)| format!("{k}={v}{end}")).collect();
    ctx.out(text);
}

/// Prints a usage error as GNU `env` does; its status is 125.
fn usage(ctx: &mut Ctx, message: &str) -> i32 {
    ctx.err(args::usage("env", message));
    125
}

#[cfg(test)]
mod tests {
    use super::super::{run_for_test, test_machine, Ctx, ExecRequest};
    use crate::io::Io;

    #[test]
    fn prints_the_environment() {
        let (mut fs, env) = test_machine();
        assert_eq!(
            run_for_test(&mut fs, &env, &["env"], b"").0,
            "HOME=/home/kai\nPATH=/usr/bin:/bin\nPWD=/home/kai\nUSER=kai\n"
        );
        assert_eq!(run_for_test(&mut fs, &env, &["env", "-i", "A=1"], b"").0, "A=1\n");
        assert_eq!(run_for_test(&mut fs, &env, &["env", "-u", "PATH", "-uPWD"], b"").0, "HOME=/home/kai\nUSER=kai\n");
        assert_eq!(run_for_test(&mut fs, &env, &["env", "--unset=HOME", "-", "B=2"], b"").0, "B=2\n");
        assert_eq!(
            run_for_test(&mut fs, &env, &["env", "-z"], b""),
            (String::new(), "env: invalid option -- 'z'\nTry 'env --help' for more information.\n".into(), 125)
        );
        assert_eq!(run_for_test(&mut fs, &env, &["env", "-u"], b"").2, 125);
    }

    #[test]
    fn null_ends_lines_with_nul_and_refuses_a_command() {
        let (mut fs, env) = test_machine();
        assert_eq!(run_for_test(&mut fs, &env, &["env", "-0i", "A=1", "B=2"], b"").0, "A=1\0B=2\0");
        assert_eq!(run_for_test(&mut fs, &env, &["env", "--nul", "-i", "A=1"], b"").0, "A=1\0");
        assert_eq!(
            run_for_test(&mut fs, &env, &["env", "-0", "true"], b""),
            (String::new(), "env: cannot specify --null (-0) with command\nTry 'env --help' for more information.\n".into(), 125)
        );
    }

    #[test]
    fn asks_to_exec_a_command() {
        let (mut fs, env) = test_machine();
        let mut io = Io::new(false, 80);
        let mut trace = Vec::new();
        let mut ctx = Ctx { fs: &mut fs, env: &env, io: &mut io, trace: &mut trace, exec: None, build: "" };
        let argv: Vec<String> = ["env", "-i", "PATH=/bin", "ls", "-l"].iter().map(|s| s.to_string()).collect();
        assert_eq!(super::main(&mut ctx, &argv), 0);
        let want_env = [("PATH".to_string(), "/bin".to_string())].into_iter().collect();
        assert_eq!(ctx.exec, Some(ExecRequest { argv: vec!["ls".into(), "-l".into()], env: want_env }));
    }
}
