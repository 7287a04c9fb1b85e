//! Reading lesson files into a [`Course`], with errors that name the file, the field and the
//! reason.
//!
//! The loader takes file names and texts (the core does no I/O): the native program reads a
//! directory; `build.rs` loads `lessons/` with this same code, fails the build on any problem,
//! and compiles the course in as data, so the browser carries no loader. It reports every
//! problem it finds, not only the first, so one run of `venvlab lessons check` lists them all.

use super::goal::Goal;
use super::model::{Course, Kind, Lesson};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// The name of the index file in a lesson directory.
pub const INDEX_FILE: &str = "course.toml";
/// The index format this build reads.
pub const INDEX_FORMAT: u32 = 1;

/// A problem with a lesson file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonError {
    /// The file (as given to the loader).
    pub file: String,
    /// Line and column (1-based) where the problem is, when known.
    pub at: Option<(usize, usize)>,
    /// The field, as a path (`steps[2].goals[0]`); empty for the file as a whole.
    pub field: String,
    /// What is wrong.
    pub reason: String,
}

impl fmt::Display for LessonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, column)) = self.at {
            write!(f, ":{line}:{column}")?;
        }
        if !self.field.is_empty() {
            write!(f, ": {}", self.field)?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// The course index (`lessons/course.toml`): lessons in order, in sections.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Index {
    /// The index format; [`INDEX_FORMAT`] is the one this build reads.
    format: u32,
    /// The course's sections, in order.
    sections: Vec<Section>,
}

/// A titled group of lessons in the course.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Section {
    /// The section's heading.
    title: String,
    /// Lesson ids, in the order they are taken.
    lessons: Vec<String>,
}

/// Builds a course from `(file name, text)` pairs: one of them named [`INDEX_FILE`], the rest
/// lessons. Returns every problem found.
pub fn load(files: &[(String, String)]) -> Result<Course, Vec<LessonError>> {
    let mut errors = Vec::new();
    let mut index = None;
    let mut lessons: Vec<Lesson> = Vec::new();
    let mut unreadable = false;
    for (file, text) in files {
        if base_name(file) == INDEX_FILE {
            match parse::<Index>(file, text) {
                Ok(i) => index = Some((file.clone(), i)),
                Err(e) => errors.push(e),
            }
            continue;
        }
        match parse::<Lesson>(file, text) {
            Ok(mut lesson) => {
                lesson.file = file.clone().into();
                errors.extend(validate(&lesson));
                lessons.push(lesson);
            }
            Err(e) => {
                unreadable = true;
                errors.push(e);
            }
        }
    }
    let mut by_id: BTreeMap<String, Lesson> = BTreeMap::new();
    for lesson in lessons {
        if let Some(first) = by_id.get(&*lesson.id) {
            errors.push(error(&lesson.file, "id", format!("`{}` is already the id of {}", lesson.id, first.file)));
        } else {
            by_id.insert(lesson.id.to_string(), lesson);
        }
    }
    let Some((index_file, index)) = index else {
        errors.push(error(INDEX_FILE, "", "the course index is missing".into()));
        return Err(errors);
    };
    if index.format != INDEX_FORMAT {
        errors.push(error(&index_file, "format", format!("format {} is not {INDEX_FORMAT}, the one this venvlab reads", index.format)));
    }
    let mut ordered = Vec::new();
    let mut sections = Vec::new();
    for (s, section) in index.sections.into_iter().enumerate() {
        for (i, id) in section.lessons.iter().enumerate() {
            let field = format!("sections[{s}].lessons[{i}]");
            match by_id.remove(id) {
                Some(lesson) => ordered.push(lesson),
                None if ordered.iter().any(|l: &Lesson| l.id == *id) => {
                    errors.push(error(&index_file, &field, format!("`{id}` is listed twice")))
                }
                // A file that could not be read may be the one with this id: say nothing more.
                None if unreadable => {}
                None => errors.push(error(&index_file, &field, format!("no lesson file has the id `{id}`"))),
            }
        }
        sections.push((section.title.into(), section.lessons.into_iter().map(Into::into).collect()));
    }
    for lesson in by_id.values() {
        errors.push(error(&lesson.file, "id", format!("`{}` is not listed in {INDEX_FILE}", lesson.id)));
    }
    if errors.is_empty() {
        Ok(Course { sections: sections.into(), lessons: ordered.into() })
    } else {
        Err(errors)
    }
}

/// Deserialises one file, turning TOML and serde errors into a [`LessonError`] with the field
/// path and position.
fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, LessonError> {
    let deserializer = toml::de::Deserializer::parse(text).map_err(|e| toml_error(file, text, "", &e))?;
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let field = e.path().to_string();
        let field = if field == "." { String::new() } else { field };
        toml_error(file, text, &field, e.inner())
    })
}

fn toml_error(file: &str, text: &str, field: &str, e: &toml::de::Error) -> LessonError {
    // Errors inside a flattened table (a step's goal) come without a usable span.
    let at = e.span().filter(|span| *span != (0..0)).map(|span| line_and_column(text, span.start));
    LessonError { file: file.into(), at, field: field.into(), reason: e.message().trim().to_string() }
}

/// The 1-based line and column of a byte offset.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let end = (0..=offset.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn error(file: &str, field: &str, reason: String) -> LessonError {
    LessonError { file: file.into(), at: None, field: field.into(), reason }
}

fn base_name(file: &str) -> &str {
    file.rsplit('/').next().unwrap_or(file)
}

/// Whether an id is lower-case letters, digits and inner `-`.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The checks serde cannot express: ids, non-empty texts, step counts per kind, goal paths.
fn validate(lesson: &Lesson) -> Vec<LessonError> {
    let mut errors = Vec::new();
    let mut fail = |field: String, reason: String| errors.push(error(&lesson.file, &field, reason));
    if !valid_id(&lesson.id) {
        fail("id".into(), format!("`{}` is not an id (lower-case letters, digits and `-`)", lesson.id));
    }
    // Markdown is empty when it shows nothing (blank, or only raw HTML, which is dropped).
    for (field, empty) in [("title", lesson.title.trim().is_empty()), ("summary", lesson.summary.is_empty())] {
        if empty {
            fail(field.into(), "is empty".into());
        }
    }
    if !crate::world::PRESETS.contains(&&*lesson.world.preset) {
        fail(
            "world.preset".into(),
            format!("no world is called `{}` (there are: {})", lesson.world.preset, crate::world::PRESETS.join(", ")),
        );
    }
    for (i, line) in lesson.world.setup.iter().enumerate() {
        check_line(&mut fail, format!("world.setup[{i}]"), line);
    }
    let count = lesson.steps.len();
    match lesson.kind {
        Kind::Sandbox if count != 0 => fail("steps".into(), format!("a sandbox has no steps, this one has {count}")),
        Kind::Challenge if count != 1 => fail("steps".into(), format!("a challenge has exactly one step, this one has {count}")),
        Kind::Lesson if count == 0 => fail("steps".into(), "a lesson needs at least one step".into()),
        _ => {}
    }
    let mut step_ids: Vec<&str> = Vec::new();
    for (s, step) in lesson.steps.iter().enumerate() {
        let at = |field: &str| format!("steps[{s}].{field}");
        if !valid_id(&step.id) {
            fail(at("id"), format!("`{}` is not an id (lower-case letters, digits and `-`)", step.id));
        } else if step_ids.contains(&&*step.id) {
            fail(at("id"), format!("`{}` is already the id of another step", step.id));
        }
        step_ids.push(&step.id);
        if step.text.is_empty() {
            fail(at("text"), "is empty".into());
        }
        for (field, empty) in [("goals", step.goals.is_empty()), ("hints", step.hints.is_empty()), ("solution", step.solution.is_empty())] {
            if empty {
                fail(at(field), "needs at least one entry".into());
            }
        }
        for (i, goal) in step.goals.iter().enumerate() {
            check_goal(&mut fail, at(&format!("goals[{i}]")), &goal.goal);
            if goal.label.as_ref().is_some_and(|l| l.trim().is_empty()) {
                fail(at(&format!("goals[{i}].label")), "is empty".into());
            }
        }
        for (i, line) in step.solution.iter().enumerate() {
            check_line(&mut fail, at(&format!("solution[{i}]")), line);
        }
        for (name, lists) in [("near_misses", &step.near_misses), ("alternatives", &step.alternatives)] {
            for (i, lines) in lists.iter().enumerate() {
                if lines.is_empty() {
                    fail(at(&format!("{name}[{i}]")), "needs at least one command".into());
                }
                for (j, line) in lines.iter().enumerate() {
                    check_line(&mut fail, at(&format!("{name}[{i}][{j}]")), line);
                }
            }
        }
    }
    errors
}

/// A command line in a lesson is one non-empty line.
fn check_line(fail: &mut impl FnMut(String, String), field: String, line: &str) {
    if line.trim().is_empty() {
        fail(field, "is an empty command".into());
    } else if line.contains('\n') {
        fail(field, "holds more than one line; give each line its own entry".into());
    }
}

fn check_goal(fail: &mut impl FnMut(String, String), field: String, goal: &Goal) {
    let path_ok = |p: &str| p.starts_with('/') || p == "~" || p.starts_with("~/");
    let paths: Vec<&str> = match goal {
        Goal::Exists { path }
        | Goal::Absent { path }
        | Goal::Directory { path }
        | Goal::Symlink { path, .. }
        | Goal::Executable { path }
        | Goal::FileContains { path, .. }
        | Goal::Cwd { path } => vec![path],
        Goal::PathFirst { dir } => vec![dir],
        Goal::PackageInstalled { site, .. } => vec![site],
        _ => vec![],
    };
    for p in paths {
        if !path_ok(p) {
            fail(field.clone(), format!("`{p}` is not absolute (start it with `/` or `~/`)"));
        }
    }
    match goal {
        Goal::EnvSet { name } | Goal::EnvEquals { name, .. } | Goal::EnvUnset { name } if !valid_name(name) => {
            fail(field.clone(), format!("`{name}` is not a variable name"))
        }
        Goal::LastCommand { matches: None, status: None, output_contains: None } => {
            fail(field.clone(), "a last_command goal needs `matches`, `status` or `output_contains`".into())
        }
        Goal::AllOf { goals } | Goal::AnyOf { goals } if goals.is_empty() => fail(field.clone(), "lists no goals".into()),
        _ => {}
    }
    for (i, child) in goal.children().iter().enumerate() {
        check_goal(fail, format!("{field}.goals[{i}]"), child);
    }
}

fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_') && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "format = 1\n[[sections]]\ntitle = \"Course\"\nlessons = [\"one\"]\n";
    const ONE: &str = r#"
id = "one"
title = "One"
summary = "A lesson."
kind = "lesson"
world = { preset = "default" }

[[steps]]
id = "make"
text = "Make a directory."
hints = ["mkdir"]
solution = ["mkdir d"]
goals = [{ kind = "directory", path = "~/Projects/example/d" }]
"#;

    fn files(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    fn errors_of(pairs: &[(&str, &str)]) -> Vec<String> {
        load(&files(pairs)).err().unwrap_or_default().iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_good_course_loads() {
        let course = load(&files(&[("lessons/course.toml", INDEX), ("lessons/one.toml", ONE)])).unwrap();
        assert_eq!(course.lessons[0].file, "lessons/one.toml");
        assert_eq!(*course.lesson("one").unwrap().steps[0].solution, ["mkdir d"]);
    }

    #[test]
    fn syntax_errors_name_file_line_and_column() {
        let broken = ONE.replace("title = \"One\"", "title = \"One");
        let e = errors_of(&[("course.toml", INDEX), ("one.toml", &broken)]);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].starts_with("one.toml:3:"), "{}", e[0]);
    }

    #[test]
    fn unknown_fields_and_goal_kinds_name_the_field() {
        let e = errors_of(&[("course.toml", INDEX), ("one.toml", &ONE.replace("hints =", "hint ="))]);
        assert!(e[0].contains("steps[0]") && e[0].contains("unknown field `hint`"), "{e:?}");
        let e = errors_of(&[("course.toml", INDEX), ("one.toml", &ONE.replace("\"directory\"", "\"folder\""))]);
        assert!(e[0].contains("steps[0].goals[0]") && e[0].contains("unknown variant `folder`"), "{e:?}");
    }

    #[test]
    fn duplicate_and_unlisted_ids_are_errors() {
        let e = errors_of(&[("course.toml", INDEX), ("a.toml", ONE), ("b.toml", ONE)]);
        assert_eq!(e, ["b.toml: id: `one` is already the id of a.toml"]);
        let two = ONE.replace("id = \"one\"", "id = \"two\"");
        let e = errors_of(&[("course.toml", INDEX), ("a.toml", ONE), ("b.toml", &two)]);
        assert_eq!(e, ["b.toml: id: `two` is not listed in course.toml"]);
        let e = errors_of(&[("course.toml", &INDEX.replace("[\"one\"]", "[\"one\", \"one\", \"three\"]")), ("a.toml", ONE)]);
        assert_eq!(
            e,
            ["course.toml: sections[0].lessons[1]: `one` is listed twice", "course.toml: sections[0].lessons[2]: no lesson file has the id `three`"]
        );
    }

    #[test]
    fn validation_names_each_bad_field() {
        let bad = ONE
            .replace("\"~/Projects/example/d\"", "\"d\"")
            .replace("preset = \"default\"", "preset = \"mars\"")
            .replace("hints = [\"mkdir\"]", "hints = []")
            .replace("id = \"make\"", "id = \"Make It\"");
        let e = errors_of(&[("course.toml", INDEX), ("one.toml", &bad)]);
        assert_eq!(
            e,
            [
                "one.toml: world.preset: no world is called `mars` (there are: default, fresh-ubuntu)",
                "one.toml: steps[0].id: `Make It` is not an id (lower-case letters, digits and `-`)",
                "one.toml: steps[0].hints: needs at least one entry",
                "one.toml: steps[0].goals[0]: `d` is not absolute (start it with `/` or `~/`)",
            ]
        );
    }

    #[test]
    fn text_that_shows_nothing_is_empty() {
        let e = errors_of(&[("course.toml", INDEX), ("one.toml", &ONE.replace("A lesson.", "<!-- later -->"))]);
        assert_eq!(e, ["one.toml: summary: is empty"]);
        let e = errors_of(&[("course.toml", INDEX), ("one.toml", &ONE.replace("Make a directory.", "  "))]);
        assert_eq!(e, ["one.toml: steps[0].text: is empty"]);
    }

    #[test]
    fn kinds_fix_the_number_of_steps() {
        let sandbox = ONE.replace("kind = \"lesson\"", "kind = \"sandbox\"");
        let e = errors_of(&[("course.toml", INDEX), ("one.toml", &sandbox)]);
        assert_eq!(e, ["one.toml: steps: a sandbox has no steps, this one has 1"]);
    }

    #[test]
    fn a_missing_index_or_wrong_format_is_reported() {
        assert_eq!(errors_of(&[("one.toml", ONE)]), ["course.toml: the course index is missing"]);
        let e = errors_of(&[("course.toml", &INDEX.replace("format = 1", "format = 9")), ("one.toml", ONE)]);
        assert_eq!(e, ["course.toml: format: format 9 is not 1, the one this venvlab reads"]);
    }

}
