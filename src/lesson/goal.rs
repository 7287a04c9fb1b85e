//! Goals: a closed set of facts about a session, checked after every command.
//!
//! A goal looks only at the state a learner can see — files and their kinds, link targets,
//! contents, the working directory, the environment, installed packages — and at the last
//! command's line, status and output. Never at timestamps or at how the state was reached,
//! so any way of getting there counts. Paths are absolute or start with `~/` (the session's
//! `HOME`).

use crate::fs::FileKind;
use crate::session::Session;
use serde::Deserialize;

/// One checkable fact. In lesson files: a table with `kind` and the variant's fields.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Goal {
    /// Something exists at the path, following symbolic links (`test -e`).
    Exists {
        /// The path.
        path: String,
    },
    /// Nothing is at the path, not even a dangling symbolic link.
    Absent {
        /// The path.
        path: String,
    },
    /// The path is a directory, following symbolic links (`test -d`).
    Directory {
        /// The path.
        path: String,
    },
    /// The path is a symbolic link (`test -L`), optionally holding exactly this target text
    /// (what `readlink` prints).
    Symlink {
        /// The path of the link.
        path: String,
        /// The target the link must hold.
        #[serde(default)]
        target: Option<String>,
    },
    /// The path is a regular file the user may execute, following symbolic links.
    Executable {
        /// The path.
        path: String,
    },
    /// The file (following symbolic links) contains this text.
    FileContains {
        /// The path.
        path: String,
        /// The text to find.
        text: String,
    },
    /// The shell's working directory is this directory.
    Cwd {
        /// The directory.
        path: String,
    },
    /// The environment variable is set (exported), to any value.
    EnvSet {
        /// The variable's name.
        name: String,
    },
    /// The environment variable is set to exactly this value.
    EnvEquals {
        /// The variable's name.
        name: String,
        /// Its value.
        value: String,
    },
    /// The environment variable is not set.
    EnvUnset {
        /// The variable's name.
        name: String,
    },
    /// The first directory in `PATH` is this one.
    PathFirst {
        /// The directory.
        dir: String,
    },
    /// The last command: its line matches a shell pattern, it exited with a status, its
    /// output contains a text. At least one of the three is given; all given must hold.
    LastCommand {
        /// A shell pattern (`*`, `?`, `[...]`) the whole line must match.
        #[serde(default)]
        matches: Option<String>,
        /// The exit status (`$?`).
        #[serde(default)]
        status: Option<i32>,
        /// Text the output (stdout and stderr, without colours) contains.
        #[serde(default)]
        output_contains: Option<String>,
    },
    /// A distribution is installed in a site-packages directory: its `.dist-info` is there.
    PackageInstalled {
        /// The distribution's name (any case, `-` or `_`).
        name: String,
        /// The site-packages directory.
        site: String,
        /// The version that must be installed.
        #[serde(default)]
        version: Option<String>,
    },
    /// Every goal in the list holds.
    AllOf {
        /// The goals.
        goals: Vec<Goal>,
    },
    /// At least one goal in the list holds.
    AnyOf {
        /// The goals.
        goals: Vec<Goal>,
    },
}

/// A goal as a step lists it: the fact, and optionally the words the learner's checklist
/// shows for it (by default, the goal's own description).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StepGoal {
    /// What the checklist says, in Markdown.
    #[serde(default)]
    pub label: Option<String>,
    /// The fact checked.
    #[serde(flatten)]
    pub goal: Goal,
}

impl StepGoal {
    /// The checklist's words for this goal.
    pub fn text(&self) -> String {
        self.label.clone().unwrap_or_else(|| self.goal.describe())
    }
}

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
                fs.read(&path(p)).is_ok_and(|bytes| String::from_utf8_lossy(&bytes).contains(text.as_str()))
            }
            Goal::Cwd { path: p } => session.shell().pwd() == path(p),
            Goal::EnvSet { name } => session.shell().environment().contains_key(name),
            Goal::EnvEquals { name, value } => session.shell().environment().get(name) == Some(value),
            Goal::EnvUnset { name } => !session.shell().environment().contains_key(name),
            Goal::PathFirst { dir } => {
                let env = session.shell().environment();
                env.get("PATH").and_then(|p| p.split(':').next()).is_some_and(|first| first == path(dir))
            }
            Goal::LastCommand { matches, status, output_contains } => last.is_some_and(|last| {
                matches.as_ref().is_none_or(|m| crate::fnmatch::matches(m, last.line.trim()))
                    && status.is_none_or(|s| s == last.status)
                    && output_contains.as_ref().is_none_or(|t| last.output.contains(t.as_str()))
            }),
            Goal::PackageInstalled { name, site, version } => {
                installed_version(session, &path(site), name).is_some_and(|v| version.as_ref().is_none_or(|want| *want == v))
            }
            Goal::AllOf { goals } => goals.iter().all(|g| g.met(session, last)),
            Goal::AnyOf { goals } => goals.iter().any(|g| g.met(session, last)),
        }
    }

    /// The goal in words, for a learner (Markdown: paths and commands in backticks).
    pub fn describe(&self) -> String {
        match self {
            Goal::Exists { path } => format!("`{path}` exists"),
            Goal::Absent { path } => format!("nothing is at `{path}`"),
            Goal::Directory { path } => format!("`{path}` is a directory"),
            Goal::Symlink { path, target: None } => format!("`{path}` is a symbolic link"),
            Goal::Symlink { path, target: Some(t) } => format!("`{path}` is a symbolic link to `{t}`"),
            Goal::Executable { path } => format!("`{path}` is an executable file"),
            Goal::FileContains { path, text } => format!("`{path}` contains `{}`", text.trim_end()),
            Goal::Cwd { path } => format!("you are in `{path}`"),
            Goal::EnvSet { name } => format!("`{name}` is set"),
            Goal::EnvEquals { name, value } => format!("`{name}` is `{value}`"),
            Goal::EnvUnset { name } => format!("`{name}` is not set"),
            Goal::PathFirst { dir } => format!("`PATH` starts with `{dir}`"),
            Goal::LastCommand { matches, status, output_contains } => {
                let mut text = match matches {
                    Some(m) => format!("run `{m}`"),
                    None => "run a command".to_string(),
                };
                let mut parts = Vec::new();
                if let Some(s) = status {
                    parts.push(if *s == 0 { "succeeds".to_string() } else { format!("exits with status {s}") });
                }
                if let Some(t) = output_contains {
                    parts.push(format!("prints `{t}`"));
                }
                if !parts.is_empty() {
                    text.push_str(" that ");
                    text.push_str(&parts.join(" and "));
                }
                text
            }
            Goal::PackageInstalled { name, site, version: None } => format!("`{name}` is installed in `{site}`"),
            Goal::PackageInstalled { name, site, version: Some(v) } => format!("`{name}` {v} is installed in `{site}`"),
            Goal::AllOf { goals } => goals.iter().map(Goal::describe).collect::<Vec<_>>().join(", and "),
            Goal::AnyOf { goals } => {
                format!("either {}", goals.iter().map(Goal::describe).collect::<Vec<_>>().join(", or "))
            }
        }
    }

    /// The goals nested directly in this one (for validation walks).
    pub fn children(&self) -> &[Goal] {
        match self {
            Goal::AllOf { goals } | Goal::AnyOf { goals } => goals,
            _ => &[],
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
        let link = |t: &str| Goal::Symlink { path: "~/Projects/example/.venv/bin/python3".into(), target: Some(t.into()) };
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
        let pkg = |name: &str, version: Option<&str>| Goal::PackageInstalled {
            name: name.into(),
            site: site.into(),
            version: version.map(str::to_string),
        };
        assert!(pkg("CowSay", None).met(&s, None));
        assert!(pkg("cowsay", Some("6.1")).met(&s, None));
        assert!(!pkg("cowsay", Some("6.0")).met(&s, None));
        assert!(!pkg("numpy", None).met(&s, None));
    }

    #[test]
    fn unknown_goal_kinds_and_fields_are_rejected() {
        assert!(toml::from_str::<Goal>("kind = \"exist\"\npath = \"/\"").is_err());
        assert!(toml::from_str::<Goal>("kind = \"exists\"\npath = \"/\"\ncolour = 1").is_err());
        let nested: Goal = toml::from_str("kind = \"any_of\"\ngoals = [{ kind = \"cwd\", path = \"/\" }]").unwrap();
        assert_eq!(nested.children().len(), 1);
    }

    #[test]
    fn a_step_goal_may_carry_its_own_words() {
        let g: StepGoal = toml::from_str("label = \"You are home\"\nkind = \"cwd\"\npath = \"~\"").unwrap();
        assert_eq!(g.text(), "You are home");
        assert!(!g.goal.met(&Session::new(), None));
        let plain: StepGoal = toml::from_str("kind = \"cwd\"\npath = \"~\"").unwrap();
        assert_eq!(plain.text(), "you are in `~`");
        assert!(toml::from_str::<StepGoal>("kind = \"cwd\"\npath = \"~\"\nlabels = \"x\"").is_err());
    }

    #[test]
    fn descriptions_read_as_sentences() {
        let g = Goal::AnyOf {
            goals: vec![Goal::Cwd { path: "/tmp".into() }, Goal::EnvUnset { name: "VIRTUAL_ENV".into() }],
        };
        assert_eq!(g.describe(), "either you are in `/tmp`, or `VIRTUAL_ENV` is not set");
        let l = Goal::LastCommand { matches: None, status: Some(0), output_contains: Some("ok".into()) };
        assert_eq!(l.describe(), "run a command that succeeds and prints `ok`");
    }
}
