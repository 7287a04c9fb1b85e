//! End-to-end tests: programs run through a mock host and compared with what CPython 3.12
//! printed for them.

use super::*;

/// A host with files in memory.
#[derive(Default)]
pub struct MockHost {
    pub out: String,
    pub files: Vec<(String, String)>,
    pub input: Vec<String>,
}

impl Host for MockHost {
    fn stdout(&mut self, text: &str) {
        self.out.push_str(text);
    }
    fn stderr(&mut self, text: &str) {
        self.out.push_str(text);
    }
    fn find_module(&mut self, name: &str, search_path: &[String]) -> Option<Found> {
        if name == "os" {
            let environ = Value::dict(vec![("HOME".into(), Value::str("/home/kai"))]);
            let path = Value::module("os.path", vec![("sep".into(), Value::str("/"))]);
            let attrs = vec![("environ".into(), environ), ("path".into(), path)];
            return Some(Found::Native(NativeModule {
                name: name.into(),
                attrs,
            }));
        }
        let last = name.rsplit('.').next().unwrap_or(name);
        for dir in search_path {
            for (suffix, is_package) in [("/__init__.py", true), (".py", false)] {
                let path = format!("{dir}/{last}{suffix}");
                if let Some((_, text)) = self.files.iter().find(|(p, _)| *p == path) {
                    return Some(Found::Source {
                        path,
                        text: text.clone(),
                        is_package,
                    });
                }
            }
        }
        None
    }
    fn read_line(&mut self, prompt: &str) -> Option<String> {
        self.out.push_str(prompt);
        if self.input.is_empty() {
            None
        } else {
            Some(self.input.remove(0))
        }
    }
}

/// A host holding the modules of the recorded cases under `/tmp/t`.
pub fn case_host() -> MockHost {
    let files = super::cases::FILES
        .iter()
        .map(|(p, t)| (format!("/tmp/t/{p}"), t.to_string()))
        .collect();
    MockHost {
        files,
        ..MockHost::default()
    }
}

/// An interpreter whose `sys.path` is `/tmp/t`.
pub fn case_interpreter() -> Interpreter {
    let mut py = Interpreter::new();
    py.set_module(NativeModule {
        name: "sys".into(),
        attrs: vec![("path".into(), Value::list(vec![Value::str("/tmp/t")]))],
    });
    py
}

/// Runs `code` as file `filename` and returns everything printed and the exit status.
pub fn run_file(code: &str, filename: &str) -> (String, i32) {
    let mut host = case_host();
    let mut py = case_interpreter();
    let status = match py.run(&mut host, code, filename) {
        Ok(()) => 0,
        Err(e) => py.report(&mut host, &e),
    };
    (host.out, status)
}

/// Runs `code` as `python -c` would and returns everything printed.
pub fn run_c(code: &str) -> String {
    run_file(code, "<string>").0
}

#[test]
fn recorded_cases_match_cpython() {
    let mut failures = vec![];
    for (filename, code, want, status) in super::cases::CASES {
        let (got, got_status) = run_file(code, filename);
        if got != *want || got_status != *status {
            failures.push(format!(
                "--- {code}\n=== want ({status}):\n{want}=== got ({got_status}):\n{got}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        super::cases::CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn hello() {
    assert_eq!(run_c("print('hello')"), "hello\n");
    assert_eq!(run_c("print(undefined_name)"), "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nNameError: name 'undefined_name' is not defined\n");
}

#[test]
fn recorded_repl_sessions_match_cpython() {
    let mut failures = vec![];
    for (lines, want, status) in super::cases::REPL_CASES {
        let mut host = case_host();
        let mut py = case_interpreter();
        host.out.push_str(">>> ");
        let mut got_status = 0;
        for line in lines.iter() {
            match py.repl_line(&mut host, line) {
                ReplStep::NeedMore => host.out.push_str("... "),
                ReplStep::Done => host.out.push_str(">>> "),
                ReplStep::Exit(code) => {
                    got_status = code;
                    break;
                }
            }
        }
        if host.out != *want || got_status != *status {
            failures.push(format!(
                "=== want ({status}):\n{want}\n=== got ({got_status}):\n{}",
                host.out
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn native_modules_and_their_submodules_import() {
    let out = run_c("import os.path\nimport os\nfrom os.path import sep\nprint(os.environ['HOME'], os.path.sep, sep, os.path)");
    assert_eq!(out, "/home/kai / / <module 'os.path' (built-in)>\n");
}

#[test]
fn unsupported_constructs_say_so() {
    let cases = [
        ("class A: pass", "SyntaxError: venvlab: 'class' statements are not supported in this simulation"),
        ("with open('f') as f: pass", "SyntaxError: venvlab: 'with' statements are not supported in this simulation"),
        ("def g():\n    yield 1", "SyntaxError: venvlab: 'yield' expressions (generators) are not supported in this simulation"),
        ("x = b'bytes'", "SyntaxError: venvlab: bytes literals are not supported in this simulation"),
        ("@decorator\ndef f(): pass", "SyntaxError: venvlab: decorators are not supported in this simulation"),
        ("from . import x", "SyntaxError: venvlab: relative imports ('from . import') are not supported in this simulation"),
        ("x = 1j", "SyntaxError: venvlab: complex numbers are not supported in this simulation"),
        ("open('file.txt')", "NotImplementedError: venvlab: open() is not supported in this simulation"),
        ("help(len)", "NotImplementedError: venvlab: help() is not supported in this simulation"),
        ("'abc'.encode()", "NotImplementedError: venvlab: str.encode() is not supported in this simulation"),
        ("print(2 ** 128)", "OverflowError: venvlab: integers beyond 128 bits are not supported in this simulation"),
        ("print(2 ** 127 - 1)", "OverflowError: venvlab: integers beyond 128 bits are not supported in this simulation"),
        ("print(-(2 ** 127) - 1)", "OverflowError: venvlab: integers beyond 128 bits are not supported in this simulation"),
        ("f = 1\nfor i in range(1, 35):\n    f *= i", "OverflowError: venvlab: integers beyond 128 bits are not supported in this simulation"),
        ("print(int('1' * 40))", "OverflowError: venvlab: integers beyond 128 bits are not supported in this simulation"),
        ("print(int(1e40))", "OverflowError: venvlab: integers beyond 128 bits are not supported in this simulation"),
        ("x = 340282366920938463463374607431768211456", "SyntaxError: venvlab: integers beyond 128 bits are not supported in this simulation"),
        ("print(range(2 ** 100))", "OverflowError: venvlab: ranges beyond 64 bits are not supported in this simulation"),
    ];
    for (code, want) in cases {
        let out = run_c(code);
        assert!(out.ends_with(&format!("{want}\n")), "{code}:\n{out}");
    }
}

#[test]
fn limits_of_the_simulation_are_errors_that_name_them() {
    let out = run_c("while True:\n    try:\n        pass\n    except BaseException:\n        pass");
    assert!(out.ends_with("RuntimeError: venvlab: the program ran more than 1000000 steps, a limit of this simulation\n"), "{out}");
    let out = run_c("x = 'x' * 10**9");
    assert!(out.ends_with("MemoryError: venvlab: a str of 1000000000 items is beyond this simulation's limit of 1000000\n"), "{out}");
    let out = run_c("x = [0] * 10**7");
    assert!(
        out.contains("MemoryError: venvlab: a list of 10000000 items"),
        "{out}"
    );
    let out = run_c("def f():\n    return f()\nf()");
    assert!(
        out.contains("  [Previous line repeated ")
            && out.ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{out}"
    );
    let out = run_c("a = []\nfor i in range(100000):\n    a = [a]\nprint(len(a))\nprint(a)");
    assert!(
        out.starts_with("1\n") && out.contains("RecursionError"),
        "{out}"
    );
    let out = run_c(&format!("x = {}1{}", "(".repeat(300), ")".repeat(300)));
    assert!(
        out.ends_with("SyntaxError: too many nested parentheses\n"),
        "{out}"
    );
    let out = run_c(&format!("x = 1{}", " + 1".repeat(5000)));
    assert!(
        out.contains("nested this deeply are not supported"),
        "{out}"
    );
}

/// A deterministic pseudo-random generator (an LCG), so the fuzz test needs no crates.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[test]
fn random_programs_never_panic() {
    const FRAGMENTS: &[&str] = &[
        "x",
        "y",
        "f",
        "print",
        "len",
        "range",
        "=",
        "==",
        "+",
        "-",
        "*",
        "/",
        "//",
        "%",
        "**",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ":",
        ",",
        ".",
        ";",
        "\n",
        "\n    ",
        "\n        ",
        " ",
        "if ",
        "else",
        "elif ",
        "for ",
        " in ",
        "while ",
        "def ",
        "return ",
        "try:",
        "except",
        "finally:",
        "raise ",
        "import ",
        "from ",
        "lambda ",
        "not ",
        " and ",
        " or ",
        "is",
        "None",
        "True",
        "0",
        "1",
        "-1",
        "2.5",
        "1e308",
        "'s'",
        "\"t\"",
        "f'{x}'",
        "f'{",
        "'''",
        "\\",
        "#",
        "@",
        "*args",
        "**kw",
        "[i for i in range(3)]",
        "{1: 2}",
        "x[1:2:0]",
        "del ",
        "global x",
        "nonlocal y",
        "assert ",
        "break",
        "continue",
        "pass",
        "sys",
        "exit(",
        "'a' * 99",
        "int('9')",
        "str.",
        "sorted(",
        "min(",
        "{x!r:>{y}}",
        "\t",
        "€",
        "0x",
        "1_",
        "yield",
        "class ",
        "sum(",
        "d.get(",
        ".append(",
    ];
    let mut rng = Lcg(0x5eed);
    for _ in 0..3000 {
        let n = 1 + rng.next(30);
        let code: String = (0..n)
            .map(|_| FRAGMENTS[rng.next(FRAGMENTS.len())])
            .collect();
        let mut host = case_host();
        let mut py = case_interpreter();
        py.max_steps = 20_000;
        if let Err(e) = py.run(&mut host, &code, "/tmp/t/fuzz.py") {
            py.report(&mut host, &e);
        }
        for line in code.lines() {
            let _ = py.repl_line(&mut host, line);
        }
    }
}

fn re_sub(_: &mut dyn Host, args: &[Value], _: &[(String, Value)]) -> Result<Value, Exception> {
    Ok(args.get(2).cloned().unwrap_or(Value::None))
}

#[test]
fn console_scripts_and_the_default_world_run() {
    let mut host = MockHost::default();
    let site = "/home/kai/.venv/lib/python3.12/site-packages";
    for (path, text) in [
        ("pip/__init__.py", "__version__ = '24.2'\n"),
        ("pip/_internal/__init__.py", ""),
        ("pip/_internal/cli/__init__.py", ""),
        (
            "pip/_internal/cli/main.py",
            "import sys\ndef main():\n    print('pip', sys.argv[0])\n    return 0\n",
        ),
        ("numpy/__init__.py", "__version__ = '2.1.2'\n"),
    ] {
        host.files
            .push((format!("{site}/{path}"), text.to_string()));
    }
    let mut py = Interpreter::new();
    let argv = Value::list(vec![Value::str("/home/kai/.venv/bin/pip")]);
    py.set_module(NativeModule {
        name: "sys".into(),
        attrs: vec![
            ("path".into(), Value::list(vec![Value::str(site)])),
            ("argv".into(), argv),
        ],
    });
    py.set_module(NativeModule {
        name: "re".into(),
        attrs: vec![("sub".into(), Value::NativeFunction("sub", re_sub))],
    });
    let script = "#!/home/kai/.venv/bin/python3\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom pip._internal.cli.main import main\nif __name__ == '__main__':\n    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n    sys.exit(main())\n";
    let err = py
        .run(&mut host, script, "/home/kai/.venv/bin/pip")
        .unwrap_err();
    assert_eq!(err.exit_status(), Some(0));
    assert_eq!(host.out, "pip /home/kai/.venv/bin/pip\n");
    let main_py = "import sys\n\nimport numpy\n\nprint(\"numpy\", numpy.__version__, \"from\", numpy.__file__)\n";
    let mut py2 = Interpreter::new();
    py2.set_module(NativeModule {
        name: "sys".into(),
        attrs: vec![("path".into(), Value::list(vec![Value::str(site)]))],
    });
    host.out.clear();
    py2.run(&mut host, main_py, "/home/kai/Projects/example/main.py")
        .unwrap();
    assert_eq!(
        host.out,
        format!("numpy 2.1.2 from {site}/numpy/__init__.py\n")
    );
    host.files.clear();
    host.out.clear();
    let mut py3 = Interpreter::new();
    let err = py3
        .run(&mut host, main_py, "/home/kai/Projects/example/main.py")
        .unwrap_err();
    py3.report(&mut host, &err);
    assert_eq!(host.out, "Traceback (most recent call last):\n  File \"/home/kai/Projects/example/main.py\", line 3, in <module>\n    import numpy\nModuleNotFoundError: No module named 'numpy'\n");
}

#[test]
fn object_addresses_are_deterministic() {
    let code = "def f(): pass\ndef g(): pass\nprint(f, g, f)\nprint(id(f) == id(f), hex(id(g)))";
    let want = "<function f at 0x7f5e8a3c1e40> <function g at 0x7f5e8a3c1e50> <function f at 0x7f5e8a3c1e40>\nTrue 0x7f5e8a3c1e50\n";
    assert_eq!(run_c(code), want);
    assert_eq!(run_c(code), want, "a new interpreter starts again");
}

#[test]
fn removed_features_say_so() {
    let cases = [
        ("x = {1, 2}", "SyntaxError: venvlab: sets are not supported in this simulation"),
        ("x = {i for i in 'ab'}", "SyntaxError: venvlab: sets are not supported in this simulation"),
        ("set()", "NotImplementedError: venvlab: set() is not supported in this simulation"),
        ("'%s' % 1", "NotImplementedError: venvlab: printf-style '%' formatting of strings is not supported in this simulation"),
        ("f'{255:x}'", "NotImplementedError: venvlab: the format spec option type 'x' is not supported in this simulation"),
        ("f'{255:#d}'", "NotImplementedError: venvlab: the format spec option '#' is not supported in this simulation"),
        ("def f(a, /): pass", "SyntaxError: venvlab: positional-only parameters ('/') are not supported in this simulation"),
        ("def f():\n    nonlocal x", "SyntaxError: venvlab: 'nonlocal' statements are not supported in this simulation"),
        ("'a'.swapcase()", "NotImplementedError: venvlab: str.swapcase() is not supported in this simulation"),
        ("'a b'.rsplit()", "NotImplementedError: venvlab: str.rsplit() is not supported in this simulation"),
        ("'é'.upper()", "NotImplementedError: venvlab: str.upper() of non-ASCII text is not supported in this simulation"),
    ];
    for (code, want) in cases {
        let out = run_c(code);
        assert!(out.ends_with(&format!("{want}\n")), "{code}:\n{out}");
    }
    assert_eq!(run_c("print('Hello World'.upper(), 'ab cd'.title(), f'{3.14159:.2f}|{42:>5}|{1234567:,}|{7:03d}')"), "HELLO WORLD Ab Cd 3.14|   42|1,234,567|007\n");
}

#[test]
fn star_import_brings_in_public_names() {
    assert_eq!(run_c("from os import *\nprint(environ['HOME'])"), "/home/kai\n");
}
