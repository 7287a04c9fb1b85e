//! `which` (Debian's shell script `/usr/bin/which`): locate a command on `PATH`.
//!
//! For each name, prints the first `PATH` entry holding a regular file the user may execute
//! (`-a`: every one). A name with a `/` is checked as it is. Nothing is printed for a name not
//! found; the exit status is then 1 (2 for a bad option).

use super::Ctx;

/// Entry point of `which`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let mut all = false;
    let mut names = Vec::new();
    let mut options_done = false;
    for arg in argv.iter().skip(1) {
        if !options_done && arg == "--" {
            options_done = true;
        } else if !options_done && arg.len() > 1 && arg.starts_with('-') {
            for c in arg.chars().skip(1) {
                if c == 'a' {
                    all = true;
                } else {
                    ctx.err_fmt(format_args!("Illegal option -{c}\nUsage: /usr/bin/which [-a] args\n"));
                    return 2;
                }
            }
        } else {
            options_done = true;
            names.push(arg.clone());
        }
    }
    let path = ctx.var("PATH").unwrap_or("").to_string();
    let mut status = if names.is_empty() { 1 } else { 0 };
    for name in &names {
        let mut found = false;
        let matches = if name.contains('/') {
            [name.clone()].into_iter().filter(|n| ctx.fs.is_executable_file(n)).collect()
        } else {
            super::search_path_traced(ctx.fs, ctx.trace, "which", name, &path, all)
        };
        for candidate in &matches {
            ctx.out_fmt(format_args!("{candidate}\n"));
            found = true;
        }
        if !found {
            status = 1;
        }
    }
    status
}


#[cfg(test)]
mod tests {
    use super::super::{run_for_test, test_machine};

    #[test]
    fn finds_commands() {
        let (mut fs, env) = test_machine();
        assert_eq!(run_for_test(&mut fs, &env, &["which", "ls"], b""), ("/usr/bin/ls\n".into(), String::new(), 0));
        assert_eq!(run_for_test(&mut fs, &env, &["which", "-a", "ls"], b"").0, "/usr/bin/ls\n/bin/ls\n");
        assert_eq!(run_for_test(&mut fs, &env, &["which", "nosuch"], b""), (String::new(), String::new(), 1));
        assert_eq!(run_for_test(&mut fs, &env, &["which", "nosuch", "ls"], b"").0, "/usr/bin/ls\n");
        assert_eq!(run_for_test(&mut fs, &env, &["which"], b"").2, 1);
        assert_eq!(
            run_for_test(&mut fs, &env, &["which", "-x"], b""),
            (String::new(), "Illegal option -x\nUsage: /usr/bin/which [-a] args\n".into(), 2)
        );
        fs.set_cred(crate::fs::Cred::ROOT);
        fs.write("/usr/bin/notexec", b"x").unwrap();
        fs.set_cred(crate::fs::Cred { uid: 1000, gid: 1000 });
        assert_eq!(run_for_test(&mut fs, &env, &["which", "notexec"], b"").2, 1);
        assert_eq!(run_for_test(&mut fs, &env, &["which", "/usr/bin/ls"], b"").0, "/usr/bin/ls\n");
    }

    #[test]
    fn reports_its_search_for_the_explanation() {
        use crate::trace::Event;
        let searches = |line: &str| -> Vec<Event> {
            let mut session = crate::Session::new();
            session.run(line).events.into_iter().filter(|e| matches!(e, Event::PathSearch { .. })).collect()
        };
        let shims = "/home/kai/.pyenv/shims";
        assert_eq!(
            searches("which python"),
            [Event::PathSearch { by: "which".into(), name: "python".into(), searched: vec![shims.into()], found: vec![format!("{shims}/python")] }]
        );
        let Event::PathSearch { searched, found, .. } = &searches("which -a python3")[0] else { unreachable!() };
        assert_eq!(searched.len(), crate::world::DEFAULT_PATH.split(':').count(), "-a searches every directory");
        assert_eq!(found, &[format!("{shims}/python3"), "/usr/bin/python3".into(), "/bin/python3".into()]);
        let Event::PathSearch { by, found, .. } = &searches("type -P nosuch")[0] else { unreachable!() };
        assert_eq!((by.as_str(), found.len()), ("type", 0));
    }
}
