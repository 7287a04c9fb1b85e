//! Goals: a closed set of facts about a session, checked after every command (whether one
//! holds is decided in `judge.rs`), and the words a learner reads for each.
//!
//! A goal looks only at the state a learner can see — files and their kinds, link targets,
//! contents, the working directory, the environment, installed packages — and at the last
//! command's line, status and output. Never at timestamps or at how the state was reached,
//! so any way of getting there counts. Paths are absolute or start with `~/` (the session's
//! `HOME`).

use super::markdown::Markdown;
use super::model::{List, Str};
#[cfg(not(target_arch = "wasm32"))]
use serde::Deserialize;

/// One checkable fact. In lesson files: a table with `kind` and the variant's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(Deserialize, databake::Bake),
    serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields),
    databake(path = crate::lesson::goal)
)]
pub enum Goal {
    /// Something exists at the path, following symbolic links (`test -e`).
    Exists {
        /// The path.
        path: Str,
    },
    /// Nothing is at the path, not even a dangling symbolic link.
    Absent {
        /// The path.
        path: Str,
    },
    /// The path is a directory, following symbolic links (`test -d`).
    Directory {
        /// The path.
        path: Str,
    },
    /// The path is a symbolic link (`test -L`), optionally holding exactly this target text
    /// (what `readlink` prints).
    Symlink {
        /// The path of the link.
        path: Str,
        /// The target the link must hold.
        target: Option<Str>,
    },
    /// The path is a regular file the user may execute, following symbolic links.
    Executable {
        /// The path.
        path: Str,
    },
    /// The file (following symbolic links) contains this text.
    FileContains {
        /// The path.
        path: Str,
        /// The text to find.
        text: Str,
    },
    /// The shell's working directory is this directory.
    Cwd {
        /// The directory.
        path: Str,
    },
    /// The environment variable is set (exported), to any value.
    EnvSet {
        /// The variable's name.
        name: Str,
    },
    /// The environment variable is set to exactly this value.
    EnvEquals {
        /// The variable's name.
        name: Str,
        /// Its value.
        value: Str,
    },
    /// The environment variable is not set.
    EnvUnset {
        /// The variable's name.
        name: Str,
    },
    /// The first directory in `PATH` is this one.
    PathFirst {
        /// The directory.
        dir: Str,
    },
    /// The last command: its line matches a shell pattern, it exited with a status, its
    /// output contains a text. At least one of the three is given; all given must hold.
    LastCommand {
        /// A shell pattern (`*`, `?`, `[...]`) the whole line must match.
        matches: Option<Str>,
        /// The exit status (`$?`).
        status: Option<i32>,
        /// Text the output (stdout and stderr, without colours) contains.
        output_contains: Option<Str>,
    },
    /// A distribution is installed in a site-packages directory: its `.dist-info` is there.
    PackageInstalled {
        /// The distribution's name (any case, `-` or `_`).
        name: Str,
        /// The site-packages directory.
        site: Str,
        /// The version that must be installed.
        version: Option<Str>,
    },
    /// Every goal in the list holds.
    AllOf {
        /// The goals.
        goals: List<Goal>,
    },
    /// At least one goal in the list holds.
    AnyOf {
        /// The goals.
        goals: List<Goal>,
    },
}

/// A goal as a step lists it: the fact, the words the file gives for it (if any), and what the
/// learner's checklist shows.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(Deserialize, databake::Bake),
    serde(from = "Listed"),
    databake(path = crate::lesson::goal)
)]
pub struct StepGoal {
    /// The checklist's words for the goal, in Markdown, as the lesson file gives them.
    pub label: Option<Str>,
    /// The fact checked.
    pub goal: Goal,
    /// What the checklist shows: the label, or else the goal's own description.
    pub text: Markdown,
}

/// A goal as a lesson file writes it: the fact's table, with an optional `label`.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Deserialize)]
struct Listed {
    label: Option<Str>,
    #[serde(flatten)]
    goal: Goal,
}

#[cfg(not(target_arch = "wasm32"))]
impl From<Listed> for StepGoal {
    fn from(Listed { label, goal }: Listed) -> StepGoal {
        let text = Markdown::parse(&label.clone().unwrap_or_else(|| goal.describe().into()));
        StepGoal { label, goal, text }
    }
}

impl StepGoal {
    /// The goal in words (Markdown source), for messages: its label, else its description.
    pub fn words(&self) -> String {
        self.label.as_ref().map_or_else(|| self.goal.describe(), |l| l.to_string())
    }
}

impl Goal {
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


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_goal_kinds_and_fields_are_rejected() {
        assert!(toml::from_str::<Goal>("kind = \"exist\"\npath = \"/\"").is_err());
        assert!(toml::from_str::<Goal>("kind = \"exists\"\npath = \"/\"\ncolour = 1").is_err());
        let nested: Goal = toml::from_str("kind = \"any_of\"\ngoals = [{ kind = \"cwd\", path = \"/\" }]").unwrap();
        assert_eq!(nested.children().len(), 1);
        let link: Goal = toml::from_str("kind = \"symlink\"\npath = \"/l\"").unwrap();
        assert_eq!(link, Goal::Symlink { path: "/l".into(), target: None });
    }

    #[test]
    fn a_step_goal_may_carry_its_own_words() {
        let g: StepGoal = toml::from_str("label = \"You are *home*\"\nkind = \"cwd\"\npath = \"~\"").unwrap();
        assert_eq!(g.words(), "You are *home*");
        assert_eq!(g.text, Markdown::parse("You are *home*"));
        let plain: StepGoal = toml::from_str("kind = \"cwd\"\npath = \"~\"").unwrap();
        assert_eq!(plain.words(), "you are in `~`");
        assert_eq!(plain.text, Markdown::parse("you are in `~`"));
        assert!(toml::from_str::<StepGoal>("kind = \"cwd\"\npath = \"~\"\nlabels = \"x\"").is_err());
    }

    #[test]
    fn descriptions_read_as_sentences() {
        let g = Goal::AnyOf {
            goals: vec![Goal::Cwd { path: "/tmp".into() }, Goal::EnvUnset { name: "VIRTUAL_ENV".into() }].into(),
        };
        assert_eq!(g.describe(), "either you are in `/tmp`, or `VIRTUAL_ENV` is not set");
        let l = Goal::LastCommand { matches: None, status: Some(0), output_contains: Some("ok".into()) };
        assert_eq!(l.describe(), "run a command that succeeds and prints `ok`");
    }
}
