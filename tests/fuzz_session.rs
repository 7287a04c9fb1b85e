//! Property test: no command line panics, hangs or floods. Lines are random mixes of shell
//! syntax, real commands, paths and junk; every one must come back with an outcome whose
//! output stays within the per-command bound, and the session must keep working after it.

use proptest::prelude::*;
use venvlab::session::Session;

const FRAGMENTS: &[&str] = &[
    "echo", "ls", "-la", "cd", "..", "/", "~", "$HOME", "${X:-y}", "${#PATH}", "$(", ")", "`", "'", "\"", "|", "||",
    "&&", ";", "&", ">", ">>", "<", "2>&1", "<<EOF", "EOF", "if", "then", "else", "fi", "for", "in", "do", "done",
    "while", "true", "false", "case", "esac", ";;", "{", "}", "(", "*", "?", "[a-z]", "$((1+", "2))", "f()", "x=1",
    "export", "unset", "source", ".venv/bin/activate", "python", "pip", "mkdir", "-p", "a/b", "rm", "-rf", "ln",
    "-s", "mv", "cp", "-r", "cat", "main.py", "tree", "grep", "-r", "which", "type", "hash", "alias", "ll=ls",
    "\\", "\n", "#", "!", "[", "]", "test", "-f", "read", "printf", "%s", "%d", "$?", "$@", "$#", "shift", "set",
    "--", "local", "return", "break", "exit", "eval", "chmod", "000", ".", "/dev/null", "yes", "head", "-n", "1",
    "tee", "-a", "printenv", "-0", "'\\xc3\\101'", "--color=always", "--col", "LS_COLORS=", "GREP_COLORS=",
    "GREP_COLOR=", "di=", "*.py=", "ln=target", "or=", "\\e[", "^[", ":", "ms=", "sl=", "rv", "-o", "-w", "-x", "-n",
    "dircolors", "-b", "shopt", "-s", "-u", "-q", "expand_aliases", "HISTCONTROL=ignoreboth", "groups", "clear",
    "TERM=dumb", "PS1='\\[\\e]0;\\w\\a\\]$ '", "find", "-L", "-name", "-type", "f,l", "-maxdepth", "-delete",
    "-not", "-empty", "-prune", "-print0", "\\(", "\\)", ",",
];

fn line() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => "[ -~]{0,6}",
    ];
    proptest::collection::vec(piece, 0..14).prop_map(|parts| parts.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_lines_never_panic_and_stay_bounded(lines in proptest::collection::vec(line(), 1..6), tty: bool) {
        // A transcript's session, or a terminal window's with Ubuntu's start-up files read.
        let mut s = Session::with_world(venvlab::world::default_world(), tty, 80);
        if tty {
            s.read_startup_files();
        }
        let start = s.snapshot();
        for l in &lines {
            let o = s.run(l);
            prop_assert!(o.raw.len() <= venvlab::io::MAX_OUTPUT + 200);
            let _ = s.prompt();
            if o.exited {
                break;
            }
        }
        s.restore(start);
        prop_assert_eq!(s.run("echo alive").text(), "alive\n");
    }
}
