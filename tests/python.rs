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
