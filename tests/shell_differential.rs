//! Differential test of the shell: short programs of pure-shell constructs (quoting, parameters
//! and their operators, command substitution, arithmetic, field splitting, lists, pipelines into
//! `read`/`cat`, compound commands, functions, `test`, `eval`, here-strings and here-documents)
//! are typed into venvlab and into a real interactive bash, and the two screens must be equal
//! byte for byte.
//!
//! The programs never depend on the filesystem, the machine or the user: `set -f` is the first
//! line of both, nothing names a path, `$$` or `$RANDOM`. Deterministic: the RNG seed is fixed
//! (override with `PROPTEST_RNG_SEED`, and the number of cases with `PROPTEST_CASES`); a
//! failure prints the shrunk program and both screens, which belong in `tests/session.rs` as a
//! unit test once understood. Skipped, with a message, where `bash` is not installed.
//!
//! bash runs as `bash --norc --noprofile -i` in a clean environment with `PS1='$ '`, fed the
//! lines on standard input; venvlab's transcript is made after the same `PS1` is set. Left out
//! of the grammar, as differences not worth chasing (or not deterministic in bash): the
//! `((...))` command (not simulated); backslashes inside backquotes; `eval` syntax errors inside
//! command substitutions (bash words them `eval: line N:`); `%c` of an empty argument (its NUL
//! warning races in a command substitution); numeric `printf` errors before a `|` (they race
//! with the reader); an input ending inside a here-document.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use venvlab::session::{transcript, Session};

type Gen = BoxedStrategy<String>;

/// Lines typed before every program, in both shells.
const PRELUDE: &str = "set -f";

/// String variables, and the numeric ones arithmetic uses.
const NAMES: &[&str] = &["a", "b", "x"];
const NUMS: &[&str] = &["n", "m"];

/// Words as typed: plain, quoted in every way, escaped.
const LITERALS: &[&str] = &[
    "foo", "a-b", "x.y", "''", "\"\"", "'a  b'", "\"p  q\"", "a\\ b", "\\$x", "'$x'", "\"\\$x\"", "\"a\\\\b\"",
    "it\\'s", "\"'q'\"", "'\"d\"'", "\\*", "'*'", "'a\\nb'", "-n", "--", "a=b", "\\\\", "'\\'", "\"\\\"\"", "'-e'",
    "\"a\\b\"", "x\\y", "'  '", "\"\\`\"", "%s", "3", "-1", "10",
];

/// Values of assignments to string variables.
const VALUES: &[&str] = &[
    "hello", "'a b'", "\"x  y\"", "foo.bar.baz", "a:b::c", "12", "-3", "AbC", "''", "' lead trail '", "'*'",
    "'a*b'", "0", "' 1 2 '", "a,b,,c", "'-n'", "\"$a\"", "$b", "$x.$a", "'a\\b'", "'tab\\tx'", "~",
];

/// Patterns of `case` arms and of `${x#p}` and friends.
const PATTERNS: &[&str] = &[
    "a", "*.", ".*", "*a", "b*", "?", "[ab]", "*", "\"*\"", "\\*", ":*", "*:", "o", "[^a]*", "*.*", "''", "'a b'",
    "$a", "\"$b\"", "[a-c]?",
];

/// Words of `${x:-w}` and friends.
const SUBWORDS: &[&str] = &["w", "'q w'", "\"$a\"", "$b", "\"d  w\"", "", "$(echo s)", "\\}", "'}'", "$n"];

/// Words inside backquotes (whose own backslash rules are left out).
const BACKQUOTED: &[&str] = &["foo", "$a", "'a  b'", "${b:-x}", "$1", "\"$x\"", "$((n+1))", "$(echo in)"];

/// Arithmetic expressions.
const EXPRS: &[&str] = &[
    "1+2", "n+1", "n*m", "n/2", "n%3", "(n+2)*3", "n<m", "n==5", "n>3?1:0", "-n", "n<<2", "n&3", "n||0",
    "n+=2", "m++", "++n", "7/0", "2**5", "n!=m", "010", "0x1f", "$n+$m", "n=4, n*2", " 1 + ", "a", "x1",
];

/// Formats of `printf`. No `%c`: with an empty argument it prints a NUL byte, and bash's
/// warning about it in a command substitution races with what follows (see `fixed_command`).
const FORMATS: &[&str] = &[
    "'%s\\n'", "'[%s]'", "'%d|'", "'%5s|'", "'%-4s|'", "'%x\\n'", "'%%\\n'", "'%s-%s\\n'", "'%03d'",
    "'a\\tb\\n'", "'\\101%s\\n'", "'%b'", "\"<%s>\\n\"", "'%.2s.'", "'%i'", "x", "'%s'",
];

/// Formats of `printf` that never complain about their arguments.
const TEXT_FORMATS: &[&str] = &["'%s\\n'", "'[%s]'", "'%5s|'", "'%-4s|'", "'%%\\n'", "'%s-%s\\n'", "'%b'", "\"<%s>\\n\"", "'%.2s.'", "x"];

/// Operands of `test`.
const TESTS: &[&str] = &[
    "a = a", "a != b", "-z ''", "-n \"$a\"", "1 -lt 2", "3 -ge 4", "\"$n\" -eq 5", "-z $x", "x", "''", "! -n ''",
    "a \\< b", "foo = f*", "\"$a\" = hello", "1 -eq 01", "-1 -lt 0", "a -eq 1", "a = a -a b = c", "-n",
];

fn pick(xs: &'static [&'static str]) -> Gen {
    prop::sample::select(xs).prop_map(str::to_string).boxed()
}

fn name() -> Gen {
    pick(NAMES)
}

/// Where a generated piece goes: how much deeper it may nest, and whether it is in the body of
/// `f` (which must not call `f`, or it would never end).
#[derive(Debug, Clone, Copy)]
struct Ctx {
    depth: u32,
    in_f: bool,
}

impl Ctx {
    fn deeper(self) -> Option<Ctx> {
        self.depth.checked_sub(1).map(|depth| Ctx { depth, ..self })
    }
}

/// A parameter expansion, with or without an operator.
fn param() -> Gen {
    let op = prop_oneof![
        pick(&[":-", "-", ":=", "=", ":+", "+"]).prop_flat_map(|o| pick(SUBWORDS).prop_map(move |w| format!("{o}{w}"))),
        pick(&["#", "##", "%", "%%"]).prop_flat_map(|o| pick(PATTERNS).prop_map(move |p| format!("{o}{p}"))),
        (pick(&["/", "//", "/#", "/%"]), pick(PATTERNS), pick(&["r", "", "'<>'", "$b", "\\/"]))
            .prop_map(|(o, p, r)| format!("{o}{p}/{r}")),
        pick(&[":1:2", ":1", ": -2", ":0:1", ":2:-1", ":n", "^^", ",,", "^", ",", "?", ":?oops", "?w"]),
    ];
    prop_oneof![
        3 => name().prop_map(|n| format!("${n}")),
        1 => name().prop_map(|n| format!("${{{n}}}")),
        1 => name().prop_map(|n| format!("${{#{n}}}")),
        2 => pick(&["$?", "$#", "$@", "$*", "$1", "$2", "${#}", "${1:-none}", "${2+set}", "$n", "${#1}", "${@:2}"]),
        4 => (name(), op).prop_map(|(n, op)| format!("${{{n}{op}}}")),
    ]
    .boxed()
}

/// A command substitution, `$(...)` or backquoted.
fn substitution(ctx: Ctx) -> Gen {
    prop_oneof![
        // `$((` would start an arithmetic expansion.
        2 => list(ctx).prop_map(|c| if c.starts_with('(') { format!("$( {c})") } else { format!("$({c})") }),
        1 => pick(BACKQUOTED).prop_map(|w| format!("`echo {w}`")),
    ]
    .boxed()
}

/// One word of a command line; at depth 0 it has no command substitution.
fn word(ctx: Ctx) -> Gen {
    let plain = prop_oneof![
        4 => pick(LITERALS),
        4 => param(),
        2 => param().prop_map(|p| format!("\"{p}\"")),
        1 => (param(), pick(&["x", " ", "'", "-", "\\\""])).prop_map(|(p, t)| format!("\"{p}{t}\"")),
        1 => pick(EXPRS).prop_map(|e| format!("$(({e}))")),
    ];
    let part = match ctx.deeper() {
        None => plain.boxed(),
        Some(inner) => {
            let sub = || substitution(inner);
            prop_oneof![8 => plain, 1 => sub(), 1 => sub().prop_map(|s| format!("\"{s}\""))].boxed()
        }
    };
    prop::collection::vec(part, 1..3).prop_map(|parts| parts.concat()).boxed()
}

fn words(ctx: Ctx, max: usize) -> Gen {
    prop::collection::vec(word(ctx), 0..max).prop_map(|w| w.join(" ")).boxed()
}

fn assignment() -> Gen {
    prop_oneof![
        4 => (name(), pick(VALUES)).prop_map(|(n, v)| format!("{n}={v}")),
        2 => (pick(NUMS), pick(&["0", "3", "5", "-2", "10"])).prop_map(|(n, v)| format!("{n}={v}")),
        1 => pick(&["IFS=:", "IFS=', '", "IFS=", "IFS=' '", "unset IFS", "IFS=a"]),
        1 => (name(), param()).prop_map(|(n, p)| format!("{n}={p}")),
    ]
    .boxed()
}

/// Builtins that need no arguments of ours; calls of `f` outside its body.
fn fixed_command(ctx: Ctx) -> Gen {
    let plain = &["shift", "shift 2", "shift 5", "true", "false", ":", "(exit 3)", "printf '%c' abc", "unset a", "local a=l", "return 4", "return", "local b"];
    let calls = &["f", "f a 'b c'", "f; echo $?", "unset -f f", "f ''"];
    if ctx.in_f {
        pick(plain)
    } else {
        prop_oneof![2 => pick(plain), 1 => pick(calls)].boxed()
    }
}

/// A simple command.
fn simple(ctx: Ctx) -> Gen {
    prop_oneof![
        6 => words(ctx, 4).prop_map(|w| format!("echo {w}")),
        1 => words(ctx, 3).prop_map(|w| format!("echo -n {w}")),
        3 => (pick(FORMATS), words(ctx, 3)).prop_map(|(f, w)| format!("printf {f} {w}")),
        4 => prop::collection::vec(assignment(), 1..3).prop_map(|a| a.join(" ")),
        1 => (name(), pick(VALUES), words(ctx, 2)).prop_map(|(n, v, w)| format!("{n}={v} echo {w}")),
        2 => words(ctx, 4).prop_map(|w| format!("set -- {w}")),
        3 => fixed_command(ctx),
        2 => (pick(&["test", "["]), pick(TESTS)).prop_map(|(t, e)| if t == "[" { format!("[ {e} ]") } else { format!("test {e}") }),
        1 => (pick(&["read p q", "read -r p", "read p"]), word(ctx)).prop_map(|(r, w)| format!("{r} <<< {w}; echo \"$p|$q\"")),
        1 => word(ctx).prop_map(|w| format!("cat <<< {w}")),
        1 => pick(&["eval 'echo $a'", "eval echo \\$b", "eval \"x=\\$a\"", "eval 'f() { echo in; }'", "eval \"echo '$b'\""]),
    ]
    .boxed()
}

/// A pipeline ending in `read`, `cat` or a loop.
fn pipeline(ctx: Ctx) -> Gen {
    let producer = prop_oneof![
        words(ctx, 3).prop_map(|w| format!("echo {w}")),
        // Numeric formats are left out here: their errors after output race with the reader.
        (pick(TEXT_FORMATS), words(ctx, 3)).prop_map(|(f, w)| format!("printf {f} {w}")),
    ];
    let consumer = pick(&[
        "cat",
        "read p; echo \"[$p]\"",
        "{ read p q; echo \"$q|$p\"; }",
        "while read -r l; do echo \"<$l>\"; done",
        "cat | cat",
        "( read p; echo $p )",
    ]);
    (producer, consumer).prop_map(|(p, c)| format!("{p} | {c}")).boxed()
}

/// A compound command whose lists are in `ctx`.
fn compound(ctx: Ctx) -> Gen {
    let body = || list(ctx);
    prop_oneof![
        body().prop_map(|l| format!("{{ {l}; }}")),
        body().prop_map(|l| format!("( {l} )")),
        (body(), body(), prop::option::of((body(), body())), prop::option::of(body())).prop_map(|(c, t, elif, e)| {
            let elif = elif.map(|(c, t)| format!(" elif {c}; then {t};")).unwrap_or_default();
            let e = e.map(|e| format!(" else {e};")).unwrap_or_default();
            format!("if {c}; then {t};{elif}{e} fi")
        }),
        (word(ctx), prop::collection::vec((pick(PATTERNS), pick(PATTERNS), prop::bool::ANY, body()), 1..3)).prop_map(|(w, arms)| {
            let arms: Vec<String> =
                arms.into_iter().map(|(p, q, two, l)| if two { format!("{p}|{q}) {l};;") } else { format!("{p}) {l};;") }).collect();
            format!("case {w} in {} esac", arms.join(" "))
        }),
        (name(), prop::option::of(words(ctx, 4)), body()).prop_map(|(n, w, l)| match w {
            Some(w) => format!("for {n} in {w}; do {l}; done"),
            None => format!("for {n}; do {l}; done"),
        }),
        (pick(&["while [ $k -lt 3 ]", "until [ $k -ge 2 ]", "while test $k != 2"]), body(), pick(&["", "; [ $k = 1 ] && continue", "; [ $k = 2 ] && break"]))
            .prop_map(move |(c, l, ctl)| {
                // Each nesting level counts with its own variable.
                let k = format!("k{}", ctx.depth);
                format!("{{ {k}=0; {}; do {k}=$(({k}+1)){}; {l}; done; }}", c.replace("$k", &format!("${k}")), ctl.replace("$k", &format!("${k}")))
            }),
        function(ctx),
    ]
    .boxed()
}

/// A definition of `f`.
fn function(ctx: Ctx) -> Gen {
    list(Ctx { in_f: true, ..ctx }).prop_map(|l| format!("f() {{ {l}; }}")).boxed()
}

/// One command: simple, pipeline or compound, maybe negated.
fn command(ctx: Ctx) -> Gen {
    let plain = match ctx.deeper() {
        None => prop_oneof![6 => simple(ctx), 1 => pipeline(ctx)].boxed(),
        Some(inner) => prop_oneof![6 => simple(ctx), 1 => pipeline(ctx), 2 => compound(inner)].boxed(),
    };
    (prop::bool::weighted(0.1), plain).prop_map(|(neg, c)| if neg { format!("! {c}") } else { c }).boxed()
}

/// Commands joined by `;`, `&&` and `||`.
fn list(ctx: Ctx) -> Gen {
    (command(ctx), prop::collection::vec((pick(&["; ", " && ", " || "]), command(ctx)), 0..2))
        .prop_map(|(first, rest)| rest.into_iter().fold(first, |acc, (op, c)| format!("{acc}{op}{c}")))
        .boxed()
}

/// A here-document: its three or more lines.
fn heredoc() -> Gen {
    let body = pick(&["plain text", "$a and ${b:-B}", "\\$a is '$a'", "$(echo sub) $((1+1))", "\"q\" \\\\ \\`", "  indented $1", "x\\\ncontinued", "`echo bq`"]);
    (pick(&["cat <<EOF", "cat <<'EOF'", "cat <<\"EOF\"", "read p q <<EOF; echo \"$q\"", "cat <<EOF | cat"]), prop::collection::vec(body, 1..3))
        .prop_map(|(head, lines)| format!("{head}\n{}\nEOF", lines.join("\n")))
        .boxed()
}

/// An input line (or a few lines, for here-documents and multi-line compound commands).
fn line() -> Gen {
    let top = Ctx { depth: 2, in_f: false };
    let flat = Ctx { depth: 0, in_f: false };
    prop_oneof![
        8 => list(top),
        1 => heredoc(),
        1 => (list(flat), list(flat)).prop_map(|(c, t)| format!("if {c}\nthen {t}\nfi")),
        1 => list(Ctx { depth: 1, in_f: true }).prop_map(|l| format!("f() {{\n{l}\n}}")),
    ]
    .boxed()
}

/// A program: one to four inputs.
fn program() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(line(), 1..5)
}

/// Whether a real bash is available.
fn have_bash() -> bool {
    Command::new("bash").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// Longest a real bash may take over one program.
const BASH_TIMEOUT: Duration = Duration::from_secs(10);

/// The screen of a real interactive bash fed `input`, without its two job-control lines.
fn real_bash(input: &str) -> String {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("exec env -i HOME=/home/kai USER=kai PATH=/usr/bin:/bin LANG=C.UTF-8 COLUMNS=1000 PS1='$ ' bash --norc --noprofile -i 2>&1")
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("bash runs");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("bash reads its input");
    let started = Instant::now();
    while child.try_wait().expect("bash runs").is_none() {
        if started.elapsed() > BASH_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("bash did not finish within {BASH_TIMEOUT:?}:\n{input}");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let bytes = reader.join().expect("reader thread");
    String::from_utf8_lossy(&bytes)
        .split_inclusive('\n')
        .filter(|l| !is_job_control_noise(l))
        .collect()
}

/// What bash without a terminal says about job control: at start, and sometimes when a
/// subshell in a pipeline ends.
fn is_job_control_noise(line: &str) -> bool {
    line.starts_with("bash: cannot set terminal process group")
        || line == "bash: no job control in this shell\n"
        || (line.starts_with("bash: [") && line.ends_with("tcsetattr: Inappropriate ioctl for device\n"))
}

/// venvlab's screen for the same input, and each input's status.
fn venvlab(input: &str) -> (String, Vec<i32>) {
    let mut session = Session::with_world(venvlab::world::default_world(), false, 80);
    session.run("PS1='$ '");
    let mut replay = session.clone();
    let statuses = input.lines().map(|l| replay.run(l).status).collect();
    (transcript(&mut session, input), statuses)
}

/// Runs a program through both shells; an error shows the two screens.
fn compare(lines: &[String]) -> Result<(), String> {
    let input = format!("{PRELUDE}\n{}\n", lines.join("\n"));
    let expected = real_bash(&input);
    let (actual, statuses) = venvlab(&input);
    if expected == actual {
        return Ok(());
    }
    Err(format!("program:\n{input}\nbash:\n{expected}\nvenvlab:\n{actual}\nvenvlab statuses (each line alone): {statuses:?}"))
}

fn config() -> Config {
    let mut config = Config { failure_persistence: None, ..Config::default() };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 300;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x5e11_d1ff);
    }
    config
}

#[test]
fn shell_matches_real_bash() {
    if !have_bash() {
        println!("skipped: no bash on PATH to compare with");
        return;
    }
    let mut runner = proptest::test_runner::TestRunner::new(config());
    let result = runner.run(&program(), |lines| compare(&lines).map_err(TestCaseError::fail));
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// A fixed program through both shells, so a broken harness cannot pass vacuously.
#[test]
fn harness_compares_whole_screens() {
    if !have_bash() {
        println!("skipped: no bash on PATH to compare with");
        return;
    }
    let program = ["x='a  b'; echo $x \"$x\"".to_string(), "cat <<EOF\n$x\nEOF".to_string(), "false".to_string()];
    compare(&program).unwrap();
    let screen = real_bash("echo hi\n");
    assert_eq!(screen, "$ echo hi\nhi\n$ exit\n");
}

/// Not a check: runs `PROPTEST_CASES` programs without stopping and prints every difference
/// (unshrunk), to see many bugs at once. `cargo test --test shell_differential -- --ignored`.
#[test]
#[ignore]
fn survey() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::new(config());
    let strategy = program();
    let mut failed = 0;
    for _ in 0..runner.config().cases {
        let lines = strategy.new_tree(&mut runner).expect("a program").current();
        if let Err(e) = compare(&lines) {
            failed += 1;
            println!("=====\n{e}");
        }
    }
    println!("{failed} of {} programs differ", runner.config().cases);
}
