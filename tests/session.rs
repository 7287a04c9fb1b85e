//! Session-level behaviour of the shell: what bash prints and which status it returns, checked
//! against outputs recorded from real bash 5.2 (interactive, output to a pipe).

mod common;

use common::{run, session};
use venvlab::Stream;

fn out(lines: &[&str]) -> String {
    run(&mut session(), lines).text()
}

#[test]
fn prompt_follows_ps1_and_cd() {
    let mut s = session();
    assert_eq!(s.prompt(), "kai@laptop:~/Projects/example$ ");
    s.run("cd /tmp");
    assert_eq!(s.prompt(), "kai@laptop:/tmp$ ");
    s.run("cd");
    assert_eq!(s.prompt(), "kai@laptop:~$ ");
    s.run("PS1='(.venv) '\"$PS1\"");
    assert_eq!(s.prompt(), "(.venv) kai@laptop:~$ ");
}

#[test]
fn quoting_and_parameters() {
    assert_eq!(out(&["echo \"$USER\" '$USER' \\$USER"]), "kai $USER $USER\n");
    assert_eq!(out(&["x=/a/b/file.tar.gz; echo ${x##*/} ${x%%.*} ${#x} ${y:-dflt} ${x/a/A}"]), "file.tar.gz /a/b/file 16 dflt /A/b/file.tar.gz\n");
    assert_eq!(out(&["set -- a 'b c'; for x in \"$@\"; do echo \"[$x]\"; done; echo \"$*\" $#"]), "[a]\n[b c]\na b c 2\n");
    assert_eq!(out(&["echo ~root ~nouser ~/x a~"]), "/root ~nouser /home/kai/x a~\n");
    assert_eq!(out(&["x=~/y; echo $x"]), "/home/kai/y\n");
    // Words that look like assignments get tildes expanded after `=` and `:` (bash outside
    // POSIX mode), so `export PATH=~/bin:$PATH` puts /home/kai/bin first.
    assert_eq!(out(&["export P=~/bin:~/b; echo $P"]), "/home/kai/bin:/home/kai/b\n");
    assert_eq!(out(&["echo a=~ b:~ =~ a=b:~/y \"a=~\" a\\=~ 1a=~"]), "a=/home/kai b:~ =~ a=b:/home/kai/y a=~ a=~ 1a=~\n");
    assert_eq!(out(&["echo $(echo a; echo b) $((2*3+1))"]), "a b 7\n");
    assert_eq!(out(&["echo $- $0"]), "hiBHs bash\n");
}

#[test]
fn expansion_errors_abandon_the_line() {
    let mut s = session();
    let o = s.run("echo ${X?oops}; echo after");
    assert_eq!(o.stream_text(Stream::Stderr), "bash: X: oops\n");
    assert_eq!(o.stream_text(Stream::Stdout), "");
    assert_eq!(o.status, 1);
    let o = s.run("echo $((1/0)); echo after2");
    assert_eq!(o.text(), "bash: 1/0: division by 0 (error token is \"0\")\n");
}

#[test]
fn functions_locals_and_status() {
    assert_eq!(out(&["f() { local v=inner; echo $v; return 3; }", "v=outer; f; echo $? $v"]), "inner\n3 outer\n");
    assert_eq!(out(&["! true; echo $?"]), "1\n");
    assert_eq!(out(&["false || echo fallback && echo chained"]), "fallback\nchained\n");
    assert_eq!(out(&["for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done"]), "1\n3\n");
    assert_eq!(out(&["i=0; while [ $i -lt 5 ]; do i=$((i+1)); [ $i = 3 ] && break; done; echo $i"]), "3\n");
    assert_eq!(out(&["case main.py in *.txt) echo text;; *.py) echo python;; esac"]), "python\n");
}

#[test]
fn builtin_errors_read_as_bash() {
    assert_eq!(out(&["local x=1"]), "bash: local: can only be used in a function\n");
    assert_eq!(out(&["return"]), "bash: return: can only `return' from a function or sourced script\n");
    assert_eq!(out(&["break"]), "bash: break: only meaningful in a `for', `while', or `until' loop\n");
    assert_eq!(out(&["cd nowhere"]), "bash: cd: nowhere: No such file or directory\n");
    assert_eq!(out(&["cd a b"]), "bash: cd: too many arguments\n");
    assert_eq!(out(&["cd -"]), "bash: cd: OLDPWD not set\n");
    assert_eq!(out(&["[ 1 -lt ]"]), "bash: [: 1: unary operator expected\n");
    assert_eq!(out(&["echo a >&3"]), "bash: 3: Bad file descriptor\n");
    assert_eq!(out(&["nosuchcmd; echo $?"]), "bash: nosuchcmd: command not found\n127\n");
    assert_eq!(out(&["fi"]), "bash: syntax error near unexpected token `fi'\n");
    assert_eq!(out(&["source"]), "bash: source: filename argument required\nsource: usage: source filename [arguments]\n");
}

#[test]
fn incomplete_input_waits_for_more_lines() {
    let mut s = session();
    let o = s.run("if true");
    assert!(o.needs_more);
    assert_eq!(s.prompt(), "> ");
    assert!(s.run("then echo yes").needs_more);
    let o = s.run("fi");
    assert!(!o.needs_more);
    assert_eq!(o.text(), "yes\n");
    assert_eq!(s.prompt(), "kai@laptop:~/Projects/example$ ");
}

#[test]
fn hash_table_remembers_until_path_changes() {
    let mut s = session();
    s.run("mkdir d1 d2; printf '#!/bin/sh\\necho hi\\n' > d1/foo; chmod +x d1/foo; PATH=$PWD/d1:$PWD/d2:$PATH");
    assert_eq!(s.run("foo").text(), "hi\n");
    s.run("mv d1/foo d2/foo");
    let o = s.run("foo");
    assert_eq!(o.text(), "bash: /home/kai/Projects/example/d1/foo: No such file or directory\n");
    assert_eq!(o.status, 127);
    assert_eq!(s.run("type foo").text(), "foo is hashed (/home/kai/Projects/example/d1/foo)\n");
    s.run("PATH=$PATH");
    assert_eq!(s.run("foo").text(), "hi\n");
}

#[test]
fn exec_errors() {
    let mut s = session();
    let o = run(&mut s, &["printf '#!/no/such/python\\necho hi\\n' > s.sh", "chmod +x s.sh", "./s.sh"]);
    assert_eq!((o.text().as_str(), o.status), ("bash: ./s.sh: cannot execute: required file not found\n", 127));
    let o = run(&mut s, &["printf 'echo plain\\n' > p.sh", "./p.sh"]);
    assert_eq!((o.text().as_str(), o.status), ("bash: ./p.sh: Permission denied\n", 126));
    let o = run(&mut s, &["chmod +x p.sh", "./p.sh"]);
    assert_eq!((o.text().as_str(), o.status), ("plain\n", 0));
    let o = s.run("./.vscode");
    assert_eq!((o.text().as_str(), o.status), ("bash: ./.vscode: Is a directory\n", 126));
    let o = s.run("./missing.sh");
    assert_eq!((o.text().as_str(), o.status), ("bash: ./missing.sh: No such file or directory\n", 127));
}

#[test]
fn shebang_scripts_run_their_interpreter_with_arguments() {
    let mut s = session();
    let o = run(&mut s, &["printf '#!/bin/bash\\necho \"$0 got $1\"\\n' > t.sh", "chmod +x t.sh", "./t.sh one"]);
    assert_eq!(o.text(), "./t.sh got one\n");
    let traced = o.events.iter().any(|e| matches!(e, venvlab::trace::Event::Shebang { interpreter, found: true, .. } if interpreter == "/bin/bash"));
    assert!(traced, "{:?}", o.events);
}

#[test]
fn pipelines_run_in_subshells() {
    assert_eq!(out(&["echo x | read y; echo \"[$y]\""]), "[]\n");
    assert_eq!(out(&["( cd /; pwd ); pwd"]), "/\n/home/kai/Projects/example\n");
    assert_eq!(out(&["echo a b | { read p q; echo $q $p; }"]), "b a\n");
}

#[test]
fn redirections() {
    let mut s = session();
    assert_eq!(run(&mut s, &["echo one > f.txt; echo two >> f.txt", "read a < f.txt; echo $a"]).text(), "one\n");
    let o = s.run("nosuch 2>/dev/null; echo $?");
    assert_eq!(o.text(), "127\n");
    let o = s.run("echo hi > missing/x");
    assert_eq!(o.text(), "bash: missing/x: No such file or directory\n");
    assert_eq!(s.run("cat <<EOF\nx $HOME\nEOF").text(), "x /home/kai\n");
}

#[test]
fn type_and_command_describe_names() {
    let mut s = session();
    s.run("greet() { echo hello; }; alias ll='ls -l'");
    assert_eq!(
        s.run("type cd if greet ll").text(),
        "cd is a shell builtin\nif is a shell keyword\ngreet is a function\ngreet () \n{ \n    echo hello\n}\nll is aliased to `ls -l'\n"
    );
    assert_eq!(s.run("command -v cd greet ll").text(), "cd\ngreet\nalias ll='ls -l'\n");
    assert_eq!(s.run("type nosuch").text(), "bash: type: nosuch: not found\n");
}

#[test]
fn undo_restores_everything() {
    let mut s = session();
    let before = s.snapshot();
    s.run("mkdir gone; cd gone; X=1; alias q=x");
    s.restore(before);
    assert_eq!(s.prompt(), "kai@laptop:~/Projects/example$ ");
    assert_eq!(s.run("echo ${X:-unset}; [ -d gone ] || echo no-dir; alias q").text(), "unset\nno-dir\nbash: alias: q: not found\n");
}

#[test]
fn limits_stop_runaway_input_with_a_message() {
    let mut s = session();
    let o = s.run("while true; do :; done");
    assert!(o.text().contains("a limit of the simulation"), "{}", o.text());
    let o = s.run("f() { f; }; f");
    assert!(o.text().contains("a limit of the simulation"), "{}", o.text());
    let o = s.run(&"x".repeat(100_000));
    assert!(o.text().contains("command line too long"));
    assert_eq!(s.run("echo still alive").text(), "still alive\n");
}

#[test]
fn exit_ends_the_session() {
    let mut s = session();
    let o = s.run("exit 3");
    assert!(o.exited);
    assert_eq!(o.status, 3);
    assert_eq!(o.text(), "exit\n");
}

#[test]
fn absent_programs_get_a_notice_apart_from_the_output() {
    let o = session().run("vim notes.txt");
    assert_eq!(o.text(), "bash: vim: command not found\n");
    assert_eq!(o.notices.len(), 1);
    assert!(o.notices[0].contains("'vim' is not available in this simulation"));
}

#[test]
fn scripts_report_errors_with_their_line() {
    let mut s = session();
    let o = run(&mut s, &["printf 'echo start\\nnosuch\\ncd /nope\\n' > x.sh", "bash x.sh"]);
    assert_eq!(o.text(), "start\nx.sh: line 2: nosuch: command not found\nx.sh: line 3: cd: /nope: No such file or directory\n");
    let o = s.run("source x.sh");
    assert_eq!(o.text(), "start\nbash: nosuch: command not found\nbash: cd: /nope: No such file or directory\n");
}

#[test]
fn outcome_events_list_the_files_changed() {
    use venvlab::trace::Event;
    let mut s = session();
    let o = s.run("echo a > note.txt");
    assert!(o.events.contains(&Event::Created("/home/kai/Projects/example/note.txt".into())), "{:?}", o.events);
    let o = s.run("echo b >> note.txt");
    assert!(o.events.contains(&Event::Modified("/home/kai/Projects/example/note.txt".into())), "{:?}", o.events);
    let o = s.run("rm note.txt");
    assert!(o.events.contains(&Event::Removed("/home/kai/Projects/example/note.txt".into())), "{:?}", o.events);
    let o = s.run("which python3");
    let searched = o.events.iter().find_map(|e| match e {
        Event::Lookup { name, searched, .. } if name == "which" => Some(searched.clone()),
        _ => None,
    });
    assert_eq!(searched.map(|s| s.len()), Some(7), "shims, pyenv/bin, .local/bin, local/sbin, local/bin, sbin, bin");
}

#[test]
fn programs_reading_the_terminal_wait_for_the_next_line() {
    let mut s = session();
    s.run("touch f");
    let o = s.run("rm -i f && echo removed");
    assert!(o.waiting_for_input);
    assert_eq!(o.text(), "rm: remove regular empty file 'f'? ");
    assert_eq!(s.prompt(), "");
    let o = s.run("y");
    assert!(!o.waiting_for_input);
    assert_eq!(o.text(), "removed\n");
    assert_eq!(s.run("ls f").status, 2);
    assert_eq!(s.prompt(), "kai@laptop:~/Projects/example$ ");
}

#[test]
fn end_of_input_answers_a_waiting_program() {
    let mut s = session();
    s.run("touch g");
    assert!(s.run("rm -i g; echo done").waiting_for_input);
    let o = s.end_of_input();
    assert!(!o.waiting_for_input);
    assert_eq!(o.text(), "done\n");
    assert_eq!(s.run("ls g").text(), "g\n");
}

/// Runs one line in a fresh session and compares its output with what bash 5.2 printed.
fn check(line: &str, expected: &str) {
    assert_eq!(session().run(line).text(), expected, "{line}");
}

/// printf: errors come before the unfinished output line (bash's stdout is line-buffered), partial numbers, `%c` of nothing is a NUL, length modifiers, octal escapes.
#[test]
fn printf_errors_numbers_and_escapes_read_as_bash() {
    check("printf '%d|' x y", "bash: printf: x: invalid number\nbash: printf: y: invalid number\n0|0|");
    check("printf '%d %x %c|' 1x 0x1f ''", "bash: printf: 1x: invalid number\n1 1f \0|");
    check("printf '%d|' 0x 08 '\"A'", "bash: printf: 0x: invalid hex number\nbash: printf: 08: invalid octal number\n0|0|65|");
    check("printf '%ld %zb\\n' 5 '\\101'", "5 A\n");
    check("printf 'a%yb\\n' 1", "bash: printf: `y': invalid format character\na");
    check("printf '\\101\\0101\\c\\n'; printf '%b|' '\\0101' '\\101' '\\x41\\x'", "A\u{8}1\\c\nbash: printf: missing hex digit for \\x\nA|A|A\\x|");
    check("echo -e '\\0101 \\101 \\x41 \\c x'", "A \\101 A ");
    check("printf 'x\\n%s %y\\n' 1 2", "x\nbash: printf: `y': invalid format character\n1 ");
}

/// Arithmetic: comma, `++`/`--`, values that are expressions, short-circuits, and bash's error tokens.
#[test]
fn arithmetic_follows_bash_expr_c() {
    check("n=1; echo $((n=4, n*2)) $((++n)) $((n++)) $n $((2**0))", "8 5 5 6 1\n");
    check("echo $((08 + 1))", "bash: 08: value too great for base (error token is \"08\")\n");
    check("echo $(( 1 + ))", "bash: 1 + : syntax error: operand expected (error token is \"+ \")\n");
    check("echo $((a\\b))", "bash: a\\b: syntax error: invalid arithmetic operator (error token is \"\\b\")\n");
    check("a='d  w'; echo $((a))", "bash: d  w: syntax error in expression (error token is \"w\")\n");
    check("n=2 e=n+1; echo $((e*2)) $((0 && 1/0)) $((1 ? 2 : 3))", "6 0 2\n");
    check("echo $((--n++))", "bash: --n++: ++: assignment requires lvalue (error token is \"++\")\n");
}

/// `$(...)` ends where the commands end; `${...}` words inside double quotes; anchored and empty patterns.
#[test]
fn brace_words_patterns_and_command_substitutions() {
    check("echo $(case a in a) echo A;; esac) \"$(case b in (b) echo B;; esac)\" $((exit 3); echo x)", "A B x\n");
    check("echo \"${u-\\}}\" \"${u:-\"d  w\"}\" \"${u:-'}'}\" \"${u:-'a'}\" ${u-\"x\"y\"z\"}", "} d  w '}' 'a' xyz\n");
    check("x=abc; echo ${x/#/S} ${x/%/E} \"[${u/#*/r}]\" ${x/#''/\\/}; b=; echo \"${b/*/r}\"", "Sabc abcE [] /abc\nr\n");
    check("return; echo $?", "bash: return: can only `return' from a function or sourced script\n2\n");
    check("echo ${u?'q w'}", "bash: u: q w\n");
}

/// `"$@"` with no parameters is no word; `${@:n:m}` and `${x:n:m}` with negative numbers; `set -f`.
#[test]
fn positional_slices_and_missing_parameters() {
    check("set --; for i in \"$@\" \"${@}\" \"${@:2}\"; do echo \"[$i]\"; done; a=1; echo \"${a+}\" \"${u:-}\" \"$@\" x", "  x\n");
    check("set -- a b c; echo \"${@:2}\" \"${*:0:2}\" ${@: -1} \"${@: -4}\" \"[${@: -5}]\" \"${@:1:1}\"", "b c bash a c bash a b c [] a\n");
    check("set -- a b c; echo \"${@:2:-1}\"; echo never", "bash: -1: substring expression < 0\n");
    check("x=abc; echo \"[${x: -5}]\" \"${x: -2}\" \"${x:1:-1}\"; echo ${x:2:-2}", "[] bc b\nbash: -2: substring expression < 0\n");
    check("set -f; echo * \"$-\"; set +f", "* fhiBHs\n");
}

/// `read`: backslash escapes, continuation lines, a last line without newline, the last field, NUL bytes.
#[test]
fn read_splits_escapes_and_partial_lines() {
    check("printf ab | { read x; echo \"[$x] $?\"; }; printf 'a\\0b\\n' | { read x; echo \"[$x]\"; }", "[ab] 1\n[ab]\n");
    check("read p q <<< 'a\\ b c\\'; echo \"[$p][$q]\"; read -r p q <<< 'a\\ b'; echo \"[$p][$q]\"", "[a b][c]\n[a\\][b]\n");
    check("IFS=: read a b <<< '1:2:'; echo \"[$a][$b]\"; IFS=: read a b <<< '1:2:3:'; echo \"[$a][$b]\"", "[1][2]\n[1][2:3:]\n");
    check("printf '\\\\' | { read p; echo \"[$p]\"; }; printf 'a \\\\' | { read p q; echo \"[$p][$q]\"; }", "[\u{1}]\n[a][\u{1}]\n");
    check("echo \"$(printf 'a\\0b')\"; echo after", "bash: warning: command substitution: ignored null byte in input\nab\nafter\n");
}

/// Assignments are made left to right; a program's redirections are expanded in bash's forked child.
#[test]
fn assignments_and_child_redirections() {
    check("b=0; b=1 x=$b; echo $x; a=0; a=1 b=$a eval 'echo $b'; echo $a", "1\n1\n0\n");
    check("n=0; cat <<< $((n+=2)); echo $n; echo <<< $((n+=2)); echo $n", "2\n0\n\n2\n");
    check("cat <<< $((+)); echo after $?", "bash: +: syntax error: operand expected (error token is \"+\")\nafter 1\n");
}

/// `!` does not turn an expansion error into success, at the prompt or in a subshell.
#[test]
fn negation_keeps_the_status_of_an_expansion_error() {
    check("echo $( ( ! echo \"${a?}\"; echo  ) && echo x; echo $?)", "bash: a: parameter not set\n1\n");
    let o = session().run("! echo ${a?}; echo no");
    assert_eq!((o.text().as_str(), o.status), ("bash: a: parameter not set\n", 1));
}

#[test]
fn history_expansion_as_interactive_bash() {
    let mut s = session();
    s.run("echo one two");
    assert_eq!(s.run("!!").text(), "echo one two\none two\n");
    assert_eq!(s.run("echo !$").text(), "echo two\ntwo\n");
    let o = s.run("echo \"hi!nope\"");
    assert_eq!(o.text(), "bash: !nope: event not found\n");
    assert_eq!(s.run("echo 'x!y' a!").text(), "x!y a!\n");
    assert!(s.run("history").text().ends_with("    4  echo 'x!y' a!\n    5  history\n"), "history lists itself");
}

#[test]
fn read_at_the_terminal_waits_for_a_line() {
    let mut s = session();
    let o = s.run("read name; echo \"hello $name\"");
    assert!(o.waiting_for_input);
    assert_eq!(s.run("kai").text(), "hello kai\n");
}

/// bash 5.2 writes `\xHH` and octal escapes as raw bytes (LANG=C.UTF-8): two escapes make one
/// UTF-8 character, and a file or pipe gets exactly those bytes.
#[test]
fn printf_and_echo_escapes_write_raw_bytes() {
    assert_eq!(out(&["printf '\\xc3\\xa9\\n'"]), "é\n");
    assert_eq!(out(&["printf '\\xc3\\xa9' | wc -c"]), "2\n");
    assert_eq!(out(&["printf '\\303\\251\\u00e9|%3s|\\n' é"]), "éé| é|\n");
    assert_eq!(out(&["echo -e '\\xc3\\xa9\\0303\\0251'"]), "éé\n");
    let mut s = session();
    run(&mut s, &["printf '\\xff\\x00A' > bytes"]);
    assert_eq!(s.fs().read("bytes").unwrap().as_slice(), b"\xff\x00A");
}

/// `pip freeze | tee requirements.txt` shows the list and saves it; `-a` adds to the file.
#[test]
fn tee_saves_what_it_shows() {
    let mut s = session();
    let o = run(&mut s, &["echo 'numpy==2.5.4' | tee req.txt", "echo more | tee -a req.txt"]);
    assert_eq!(o.text(), "more\n");
    assert_eq!(s.fs().read("req.txt").unwrap().as_slice(), b"numpy==2.5.4\nmore\n");
    assert_eq!(run(&mut s, &["printenv NOPE HOME; echo $?"]).text(), "/home/kai\n1\n");
}

#[test]
fn egrep_and_fgrep_are_debians_scripts_over_grep() {
    // Recorded with Debian 12's grep 3.8 scripts in /usr/bin.
    assert_eq!(out(&["egrep -c 'import (sys|numpy)' main.py; echo $?"]), "2\n0\n");
    assert_eq!(out(&["fgrep -n 'numpy.' main.py; echo $?"]), "5:print(\"numpy\", numpy.__version__, \"from\", numpy.__file__)\n0\n");
    assert_eq!(out(&["egrep -q nothing main.py; echo $?"]), "1\n");
    assert_eq!(out(&["head -1 /usr/bin/egrep"]), "#!/bin/sh\n");
}
