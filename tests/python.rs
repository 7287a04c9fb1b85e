//! Python, venv and pip through the session, as a learner meets them: what the trace says
//! about start-up and imports, the interactive prompt, pip's question, and bad input that
//! must change nothing.

mod common;

use common::{run, session};
use venvlab::session::{Outcome, Session};
use venvlab::trace::Event;



fn imports(o: &Outcome, module: &str) -> Vec<Option<String>> {
    o.events
        .iter()
        .filter_map(|e| match e {
            Event::Import { module: m, found, .. } if m == module => Some(found.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_trace_shows_where_an_import_looked_in_and_out_of_a_venv() {
    let mut s = session();
    run(&mut s, &["python -m venv .venv", ".venv/bin/pip install -q numpy==2.1.2"]);
    let inside = s.run(".venv/bin/python -c \"import numpy\"");
    assert_eq!(inside.status, 0, "{}", inside.text());
    assert_eq!(imports(&inside, "numpy"), vec![Some("/home/kai/Projects/example/.venv/lib/python3.12/site-packages/numpy/__init__.py".to_string())]);
    assert!(inside.events.contains(&Event::PyvenvCfg { path: "/home/kai/Projects/example/.venv/bin/pyvenv.cfg".into(), found: false }));
    assert!(inside.events.contains(&Event::PyvenvCfg { path: "/home/kai/Projects/example/.venv/pyvenv.cfg".into(), found: true }));
    assert!(inside.events.contains(&Event::PythonPrefix {
        prefix: "/home/kai/Projects/example/.venv".into(),
        base_prefix: "/home/kai/.pyenv/versions/3.12.7".into()
    }));
    let outside = s.run("python -c \"import numpy\"");
    assert_eq!(outside.status, 1);
    assert_eq!(imports(&outside, "numpy"), vec![None]);
    assert!(outside.text().ends_with("ModuleNotFoundError: No module named 'numpy'\n"));
}

#[test]
fn the_repl_waits_for_lines_and_prints_results() {
    let mut s = Session::with_world(venvlab::world::default_world(), true, 80);
    let o = s.run("python3");
    assert!(o.waiting_for_input);
    assert!(o.text().starts_with("Python 3.12.7 (main, May  9 2026, 07:36:11) [GCC 12.2.0] on linux\n"));
    assert!(o.text().ends_with(">>> "));
    let o = s.run("x = 6 * 7");
    assert_eq!(o.text(), ">>> ");
    let o = s.run("x");
    assert_eq!(o.text(), "42\n>>> ");
    let o = s.run("if x:");
    assert_eq!(o.text(), "... ");
    s.run("    print('yes')");
    let o = s.run("");
    assert_eq!(o.text(), "yes\n>>> ");
    let o = s.run("exit()");
    assert!(!o.waiting_for_input);
    assert_eq!(s.prompt(), "kai@laptop:~/Projects/example$ ");
}

#[test]
fn pip_uninstall_asks_before_removing() {
    let mut s = session();
    run(&mut s, &["python -m venv .venv", "source .venv/bin/activate", "pip install -q cowsay==6.1"]);
    let o = s.run("pip uninstall cowsay");
    assert!(o.waiting_for_input, "{}", o.text());
    assert!(o.text().contains("  Would remove:\n"));
    assert!(o.text().ends_with("Proceed (Y/n)? "));
    let o = s.run("y");
    assert_eq!(o.text(), "  Successfully uninstalled cowsay-6.1\n");
    assert_eq!(s.run("pip list").text(), "Package Version\n------- -------\npip     24.2\n");
}

#[test]
fn bad_input_changes_nothing() {
    let mut s = session();
    s.run("touch f");
    let before = s.run("ls -la").text();
    let o = s.run("python -m venv f");
    assert_eq!((o.text().as_str(), o.status), ("Error: Unable to create directory '/home/kai/Projects/example/f'\n", 1));
    let o = s.run("python -m pip install nosuchpackage-venvlab");
    assert_eq!(o.status, 1);
    let o = s.run("printf 'x = (\\n' > bad.py; python bad.py");
    assert!(o.text().contains("SyntaxError: '(' was never closed"), "{}", o.text());
    s.run("rm bad.py");
    assert_eq!(s.run("ls -la").text(), before);
    assert_eq!(s.run("python -m pip list").text(), "Package Version\n------- -------\npip     24.2\n");
}

#[test]
fn a_deleted_entry_point_module_breaks_the_script_as_python_would() {
    let mut s = session();
    run(&mut s, &["python -m venv .venv", ".venv/bin/pip install -q cowsay==6.1", "rm -r .venv/lib/python3.12/site-packages/cowsay"]);
    let o = s.run(".venv/bin/cowsay -t hi");
    assert_eq!(o.status, 1);
    assert!(o.text().ends_with("ModuleNotFoundError: No module named 'cowsay'\n"), "{}", o.text());
}

#[test]
fn the_system_python_refuses_pip_installs() {
    let o = session().run("/usr/bin/python3 -m pip install requests");
    assert_eq!(o.status, 1);
    assert!(o.text().starts_with("error: externally-managed-environment\n"));
    assert!(o.text().contains("hint: See PEP 668 for the detailed specification.\n"));
}

#[test]
fn unpinned_installs_take_the_newest_version_at_the_snapshot() {
    // As pip 24.2 did on 2026-10-22 against PyPI of that day (checked with a local index of
    // the files uploaded before it): numpy 2.5.5 and python-dateutil 4.0.0 came later.
    let mut s = session();
    let o = run(&mut s, &["python -m venv .venv", ".venv/bin/pip install numpy"]);
    assert!(o.text().ends_with("Successfully installed numpy-2.5.4\n"), "{}", o.text());
    assert_eq!(s.run(".venv/bin/numpy-config --version").text(), "2.5.4\n");
    assert_eq!(s.run(".venv/bin/f2py -v").text(), "2.5.4\n");
    let o = s.run(".venv/bin/pip install requests python-dateutil");
    let text = o.text();
    let collected: Vec<&str> = text.lines().filter(|l| l.starts_with("Collecting")).collect();
    assert_eq!(
        collected,
        [
            "Collecting requests",
            "Collecting python-dateutil",
            "Collecting charset_normalizer<4,>=2 (from requests)",
            "Collecting idna<4,>=2.5 (from requests)",
            "Collecting urllib3<3,>=1.26 (from requests)",
            "Collecting certifi>=2023.5.7 (from requests)",
            "Collecting six>=1.6 (from python-dateutil)",
            "Collecting tzdata (from python-dateutil)",
        ]
    );
    assert!(text.contains("Installing collected packages: urllib3, tzdata, six, idna, charset_normalizer, certifi, requests, python-dateutil\n"), "{text}");
    assert!(text.ends_with("Successfully installed certifi-2026.10.18 charset_normalizer-3.5.2 idna-3.20 python-dateutil-3.0.0 requests-2.34.2 six-1.17.0 tzdata-2026.5 urllib3-2.8.0\n"), "{text}");
    let o = s.run(".venv/bin/pip install requests");
    assert_eq!(
        o.text(),
        "Requirement already satisfied: requests in ./.venv/lib/python3.12/site-packages (2.34.2)\n\
         Requirement already satisfied: charset_normalizer<4,>=2 in ./.venv/lib/python3.12/site-packages (from requests) (3.5.2)\n\
         Requirement already satisfied: idna<4,>=2.5 in ./.venv/lib/python3.12/site-packages (from requests) (3.20)\n\
         Requirement already satisfied: urllib3<3,>=1.26 in ./.venv/lib/python3.12/site-packages (from requests) (2.8.0)\n\
         Requirement already satisfied: certifi>=2023.5.7 in ./.venv/lib/python3.12/site-packages (from requests) (2026.10.18)\n"
    );
}

#[test]
fn upgrading_pip_installs_the_newest_pip_which_then_reports_itself() {
    let mut s = session();
    let o = run(&mut s, &["python -m venv .venv", ".venv/bin/pip install -U pip"]);
    assert!(o.text().starts_with("Requirement already satisfied: pip in ./.venv/lib/python3.12/site-packages (24.2)\nCollecting pip\n"), "{}", o.text());
    assert!(o.text().ends_with("Successfully installed pip-26.2.1\n"), "{}", o.text());
    assert_eq!(s.run(".venv/bin/pip --version").text(), "pip 26.2.1 from /home/kai/Projects/example/.venv/lib/python3.12/site-packages/pip (python 3.12)\n");
    assert_eq!(s.run(".venv/bin/pip install --upgrade pip").text(), "Requirement already satisfied: pip in ./.venv/lib/python3.12/site-packages (26.2.1)\n");
}

#[test]
fn a_version_the_index_lists_without_recorded_files_is_named_not_faked() {
    let o = run(&mut session(), &["python -m venv .venv", ".venv/bin/pip install 'numpy<2.1'"]);
    assert_eq!(o.status, 1);
    assert_eq!(o.text(), "venvlab: pip would install numpy 2.0.2 here, but the simulated index holds the files of numpy 1.26.4, 2.1.2, 2.5.4 only\n");
}

/// ensurepip over a pip that is there already (recorded on real Linux, with pip 23.2.1 in
/// the version's place): pip finds it and installs nothing, with or without `--upgrade`.
#[test]
fn ensurepip_leaves_an_installed_pip_alone() {
    let mut s = session();
    run(&mut s, &["python -m venv --without-pip .venv", ".venv/bin/python -m ensurepip --altinstall"]);
    let listing = s.run("ls .venv/bin | grep pip");
    assert_eq!(listing.text(), "pip3.12\n");
    for command in [".venv/bin/python -m ensurepip", ".venv/bin/python -m ensurepip --upgrade --default-pip"] {
        let o = s.run(command);
        assert_eq!(o.status, 0);
        assert_eq!(o.text(), "Looking in links: /tmp/tmpv3nv1ab8\nRequirement already satisfied: pip in ./.venv/lib/python3.12/site-packages (24.2)\n");
    }
    assert_eq!(s.run("ls .venv/bin | grep pip").text(), "pip3.12\n");
    let o = s.run("python -m ensurepip");
    assert_eq!(o.text(), "Looking in links: /tmp/tmpv3nv1ab8\nRequirement already satisfied: pip in /home/kai/.pyenv/versions/3.12.7/lib/python3.12/site-packages (24.2)\n");
}

/// pyenv puts its libexec and then each plugin's bin (the last in glob order first) before
/// PATH for the command it runs, as recorded with pyenv 2.6.30 and its installer's four
/// plugins; `pyenv exec` then puts the version's bin first.
#[test]
fn pyenv_exec_puts_libexec_and_plugin_bins_on_path() {
    let mut s = session();
    run(&mut s, &["mkdir -p ~/.pyenv/plugins/pyenv-doctor/bin ~/.pyenv/plugins/pyenv-virtualenv/bin ~/.pyenv/plugins/python-build/bin ~/.pyenv/plugins/no-bin"]);
    let o = s.run("PATH=~/.pyenv/shims:/usr/bin:/bin python -c 'import os; print(os.environ[\"PATH\"])'");
    assert_eq!(
        o.text(),
        "/home/kai/.pyenv/versions/3.12.7/bin:/home/kai/.pyenv/libexec:/home/kai/.pyenv/plugins/python-build/bin:/home/kai/.pyenv/plugins/pyenv-virtualenv/bin:/home/kai/.pyenv/plugins/pyenv-doctor/bin:/home/kai/.pyenv/shims:/usr/bin:/bin\n"
    );
}

#[test]
fn venv_stops_at_the_pip_step_when_the_standard_library_has_no_ensurepip() {
    // Ubuntu without python3-venv: Debian's venv prints its hint on standard output and exits
    // 1, after writing pyvenv.cfg and the interpreter links, before the activate scripts.
    let mut s = Session::with_world(venvlab::world::preset("fresh-ubuntu").unwrap(), false, 80);
    let o = s.run("python3 -m venv .venv 2>/dev/null");
    assert_eq!(o.status, 1);
    assert!(o.text().starts_with("The virtual environment was not created successfully because ensurepip is not\n"), "{}", o.text());
    assert!(o.text().contains("\n    apt install python3.12-venv\n"), "{}", o.text());
    assert!(o.text().ends_with("\nFailing command: /home/kai/Projects/example/.venv/bin/python3\n\n"), "{}", o.text());
    assert_eq!(s.run("ls .venv/bin").text(), "python\npython3\npython3.12\n");
    assert!(s.run("cat .venv/pyvenv.cfg").text().starts_with("home = /usr/bin\n"));
    // The new interpreter did run: it looked for ensurepip on its sys.path.
    assert!(o.events.iter().any(|e| matches!(e, Event::Import { module, found: None, .. } if module == "ensurepip")));
}

#[test]
fn cpythons_own_venv_reports_the_failed_pip_step_as_an_error() {
    // pyenv's CPython has no Debian patch: with its ensurepip gone, the failing command is
    // an uncaught CalledProcessError, which venv's __main__ prints after "Error: ".
    let mut s = session();
    let o = run(&mut s, &["rm -r ~/.pyenv/versions/3.12.7/lib/python3.12/ensurepip", "python -m venv .venv >/dev/null"]);
    assert_eq!(o.status, 1);
    assert_eq!(
        o.text(),
        "Error: Command '['/home/kai/Projects/example/.venv/bin/python', '-m', 'ensurepip', '--upgrade', '--default-pip']' returned non-zero exit status 1.\n"
    );
}
