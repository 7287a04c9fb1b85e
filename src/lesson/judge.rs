//! Whether a goal holds: each [`Goal`] checked against a session's state and the last
//! command, never against timestamps or the way the state was reached.

use super::goal::Goal;
use crate::fs::FileKind;
use crate::session::Session;

/// What the last command was, for [`Goal::LastCommand`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LastCommand {
    /// The line typed (all of its lines, for an input continued with `PS2`).
    pub line: String,
    /// Its exit status.
    pub status: i32,
    /// Its output, without escape sequences.
    pub output: String,
}

impl Goal {
    /// Whether the goal holds in the session, after `last` (none at the start of a step).
    pub fn met(&self, session: &Session, last: Option<&LastCommand>) -> bool {
        let fs = session.fs();
        let path = |p: &str| expand_home(session, p);
        match self {
            Goal::Exists { path: p } => fs.stat(&path(p)).is_ok(),
            Goal::Absent { path: p } => fs.lstat(&path(p)).is_err(),
            Goal::Directory { path: p } => fs.stat(&path(p)).is_ok_and(|m| m.kind == FileKind::Dir),
            Goal::Symlink { path: p, target } => {
                let p = path(p);
                fs.lstat(&p).is_ok_and(|m| m.kind == FileKind::Symlink)
                    && target.as_ref().is_none_or(|t| fs.readlink(&p).is_ok_and(|held| held == *t))
            }
            Goal::Executable { path: p } => fs.is_executable_file(&path(p)),
            Goal::FileContains { path: p, text } => {
                fs.read(&path(p)).is_ok_and(|bytes| String::from_utf8_lossy(&bytes).contains(&**text))
            }
            Goal::Cwd { path: p } => session.shell().pwd() == path(p),
            Goal::EnvSet { name } => session.shell().environment().contains_key(&**name),
            Goal::EnvEquals { name, value } => session.shell().environment().get(&**name).is_some_and(|v| v == value),
            Goal::EnvUnset { name } => !session.shell().environment().contains_key(&**name),
            Goal::PathFirst { dir } => {
                let env = session.shell().environment();
                env.get("PATH").and_then(|p| p.split(':').next()).is_some_and(|first| first == path(dir))
            }
            Goal::LastCommand { matches, status, output_contains } => last.is_some_and(|last| {
                matches.as_ref().is_none_or(|m| crate::fnmatch::matches(m, last.line.trim()))
                    && status.is_none_or(|s| s == last.status)
                    && output_contains.as_ref().is_none_or(|t| last.output.contains(&**t))
            }),
            Goal::PackageInstalled { name, site, version } => {
                installed_version(session, &path(site), name).is_some_and(|v| version.as_ref().is_none_or(|want| *want == v))
            }
            Goal::AllOf { goals } => goals.iter().all(|g| g.met(session, last)),
            Goal::AnyOf { goals } => goals.iter().any(|g| g.met(session, last)),
        }
    }
}

/// A goal path with a leading `~` replaced by the session's `HOME`.
fn expand_home(session: &Session, path: &str) -> String {
    match path.strip_prefix('~') {
        Some(rest) => format!("{}{rest}", session.shell().var("HOME").unwrap_or("")),
        None => path.to_string(),
    }
}

/// The version of distribution `name` installed in `site`, read from its `.dist-info` name.
fn installed_version(session: &Session, site: &str, name: &str) -> Option<String> {
    let wanted = crate::python::index::canonical(name);
    let entries = session.fs().read_dir(site).ok()?;
    entries.iter().find_map(|e| {
        let stem = e.name.strip_suffix(".dist-info")?;
        let (dist, version) = stem.rsplit_once('-')?;
        (crate::python::index::canonical(dist) == wanted).then(|| version.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session_after(lines: &[&str]) -> Session {
        let mut s = Session::new();
        for line in lines {
            s.run(line);
        }
        s
    }

    fn last(line: &str, status: i32, output: &str) -> LastCommand {
        LastCommand { line: line.into(), status, output: output.into() }
    }

    #[test]
    fn path_goals_follow_links_where_test_does() {
        let s = session_after(&["ln -s nowhere dangling", "mkdir d", "ln -s d dl"]);
        let here = "/home/kai/Projects/example";
        let g = |kind: &str, p: &str| -> Goal {
            toml::from_str(&format!("kind = \"{kind}\"\npath = \"{here}/{p}\"")).unwrap()
        };
        assert!(!g("exists", "dangling").met(&s, None));
        assert!(!g("absent", "dangling").met(&s, None));
        assert!(g("symlink", "dangling").met(&s, None));
        assert!(g("directory", "dl").met(&s, None));
        assert!(!g("directory", "main.py").met(&s, None));
        assert!(g("absent", "nothing").met(&s, None));
        assert!(!g("executable", "main.py").met(&s, None));
        assert!(Goal::Executable { path: "/usr/bin/ls".into() }.met(&s, None));
    }

    #[test]
    fn symlink_target_is_the_text_the_link_holds() {
        let s = session_after(&["python -m venv .venv"]);
        let link = |t: &'static str| Goal::Symlink { path: "~/Projects/example/.venv/bin/python3".into(), target: Some(t.into()) };
        assert!(link("python").met(&s, None));
        assert!(!link("/home/kai/Projects/example/.venv/bin/python").met(&s, None));
    }

    #[test]
    fn environment_goals_see_exported_variables_only() {
        let s = session_after(&["A=1", "export B=2"]);
        assert!(Goal::EnvUnset { name: "A".into() }.met(&s, None));
        assert!(Goal::EnvEquals { name: "B".into(), value: "2".into() }.met(&s, None));
        assert!(Goal::PathFirst { dir: "~/.pyenv/shims".into() }.met(&s, None));
        assert!(Goal::Cwd { path: "~/Projects/example".into() }.met(&s, None));
    }

    #[test]
    fn last_command_needs_a_command_and_every_given_part() {
        let s = Session::new();
        let g = Goal::LastCommand { matches: Some("pip install *".into()), status: Some(1), output_contains: Some("managed".into()) };
        assert!(!g.met(&s, None));
        assert!(g.met(&s, Some(&last("  pip install numpy ", 1, "externally-managed"))));
        assert!(!g.met(&s, Some(&last("pip install numpy", 0, "externally-managed"))));
        assert!(!g.met(&s, Some(&last("pip list", 1, "externally-managed"))));
    }

    #[test]
    fn packages_are_found_by_normalised_name_and_version() {
        let s = session_after(&["python -m venv .venv", ".venv/bin/pip install -q cowsay==6.1"]);
        let site = "~/Projects/example/.venv/lib/python3.12/site-packages";
        let pkg = |name: &'static str, version: Option<&'static str>| Goal::PackageInstalled {
            name: name.into(),
            site: site.into(),
            version: version.map(Into::into),
        };
        assert!(pkg("CowSay", None).met(&s, None));
        assert!(pkg("cowsay", Some("6.1")).met(&s, None));
        assert!(!pkg("cowsay", Some("6.0")).met(&s, None));
        assert!(!pkg("numpy", None).met(&s, None));
    }
}
