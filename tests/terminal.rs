//! A session standing for a terminal window: bash reads Ubuntu's start-up files, so `ls` and
//! `grep` are aliased with `--color=auto`, `LS_COLORS` comes from `dircolors`, and the prompt
//! is coloured and sets the window title; a transcript (a pipe, `bash --norc`) has none of it.

use venvlab::session::Session;
use venvlab::style::{Color, Style};

/// A terminal window's session on the default world.
fn terminal() -> Session {
    terminal_on(venvlab::world::default_world())
}

/// A terminal window's session on a world.
fn terminal_on(world: venvlab::world::World) -> Session {
    let mut s = Session::with_world(world, true, 80);
    let started = s.read_startup_files();
    assert_eq!((started.raw.as_str(), started.status, started.exited), ("", 0, false));
    s
}

#[test]
fn the_start_up_files_set_aliases_colours_and_the_prompt() {
    let mut s = terminal();
    assert_eq!(s.run("type ls grep ll").text(), "ls is aliased to `ls --color=auto'\ngrep is aliased to `grep --color=auto'\nll is aliased to `ls -alF'\n");
    assert!(s.run("echo $LS_COLORS").text().starts_with("rs=0:di=01;34:ln=01;36:mh=00:"));
    assert_eq!(s.run("shopt histappend checkwinsize").text(), "histappend     \ton\ncheckwinsize   \ton\n");
    assert_eq!(
        s.prompt(),
        "\x1b]0;kai@laptop: ~/Projects/example\x07\x1b[01;32mkai@laptop\x1b[00m:\x1b[01;34m~/Projects/example\x1b[00m$ "
    );
    let o = s.run("ls -a ~");
    assert_eq!(
        o.raw,
        "\x1b[0m\x1b[01;34m.\x1b[0m  \x1b[01;34m..\x1b[0m  .bash_logout  .bashrc  .profile  \x1b[01;34m.pyenv\x1b[0m  \x1b[01;34mProjects\x1b[0m\n"
    );
    let dir = o.spans.iter().find(|span| span.text == "Projects").map(|span| span.style);
    assert_eq!(dir, Some(Style { fg: Some(Color::Blue), bg: None, bold: true }));
    assert_eq!(s.run("grep -n numpy main.py | head -1").raw, "3:import numpy\n");
    assert_eq!(
        s.run("grep numpy main.py").raw.lines().next(),
        Some("import \x1b[01;31m\x1b[Knumpy\x1b[m\x1b[K")
    );
}

#[test]
fn history_follows_histcontrol() {
    let mut s = terminal();
    for line in ["echo one", "echo one", " echo two", "echo three"] {
        s.run(line);
    }
    assert_eq!(s.run("history").text(), "    1  echo one\n    2  echo three\n    3  history\n");
}

#[test]
fn transcripts_read_no_start_up_files() {
    let mut s = Session::with_world(venvlab::world::default_world(), false, 80);
    assert_eq!(s.run("type ls").text(), "ls is /usr/bin/ls\n");
    assert_eq!(s.prompt(), "kai@laptop:~/Projects/example$ ");
    assert_eq!(s.run("ls --color=auto ~/.bashrc").raw, "/home/kai/.bashrc\n");
}

#[test]
fn without_command_not_found_bash_reports_a_missing_command_itself() {
    // Ubuntu's /etc/bash.bashrc defines command_not_found_handle only when the
    // command-not-found helper is installed, which the simulated laptops do not have.
    let mut s = terminal_on(venvlab::world::preset("fresh-ubuntu").unwrap());
    assert_eq!(s.run("type command_not_found_handle").text(), "bash: type: command_not_found_handle: not found\n");
    let o = s.run("python -m venv .venv");
    assert_eq!((o.text().as_str(), o.status), ("bash: python: command not found\n", 127));
    assert_eq!(s.run("type -P python3").text(), "/usr/bin/python3\n");
}

#[test]
fn find_warns_of_late_global_options_and_slashes_in_names_only_on_a_terminal() {
    let warning = "find: warning: you have specified the global option -maxdepth after the argument -name, but global \
                   options are not positional, i.e., -maxdepth affects tests specified before it as well as those \
                   specified after it.  Please specify global options before other arguments.\n";
    let mut s = terminal();
    assert_eq!(s.run("find . -name main.py -maxdepth 1").text(), format!("{warning}./main.py\n"));
    assert_eq!(s.run("find . -name main.py -maxdepth 1 < /dev/null").text(), "./main.py\n");
    assert_eq!(s.run("find . -maxdepth 1 -name main.py").text(), "./main.py\n");
    let mut piped = Session::with_world(venvlab::world::default_world(), false, 80);
    assert_eq!(piped.run("find . -name main.py -maxdepth 1").text(), "./main.py\n");
    assert_eq!(
        s.run("find . -iname .venv/bin/activate").text(),
        "find: warning: ‘-iname’ matches against basenames only, but the given pattern contains a directory \
         separator (‘/’), thus the expression will evaluate to false all the time.  Did you mean ‘-iwholename’?\n"
    );
    assert_eq!(piped.run("find . -name .venv/bin/activate").text(), "");
}

#[test]
fn find_shows_control_characters_as_question_marks_on_a_terminal() {
    let mut s = terminal();
    s.run("mkdir q; touch \"q/$(printf 'a\\tb')\"");
    assert_eq!(s.run("find q").text(), "q\nq/a?b\n");
    assert_eq!(s.run("find q | cat").text(), "q\nq/a\tb\n");
}
