//! `venvlab lessons check`: proves every lesson's steps from its start.
//!
//! For each step, from the state the previous step's solution left: its goals do not hold yet;
//! its solution meets them with its last line and not before; every near-miss leaves them
//! unmet after each of its commands; every alternative meets them. The checker plays the
//! lesson through [`Tutor`], so it judges exactly as a learner is judged — once with output
//! to a pipe, and once on a terminal, as the web app plays it.

use super::engine::Tutor;
use super::load::LessonError;
use super::model::{Course, Lesson};

/// Checks every lesson of a course; returns every failure.
pub fn check_course(course: &Course) -> Vec<LessonError> {
    course.lessons.iter().flat_map(check_lesson).collect()
}

/// Checks one lesson; returns its failures (none when it is sound). It is played twice: as
/// the terminal program's transcripts play it (output to a pipe), and as the web app does, on
/// an 80-column terminal whose bash has read its start-up files (aliases, colours).
pub fn check_lesson(lesson: &Lesson) -> Vec<LessonError> {
    let errors = play(lesson, false);
    if !errors.is_empty() {
        return errors;
    }
    let mut errors = play(lesson, true);
    for error in &mut errors {
        error.reason.push_str(" (on a terminal, as the web app plays it)");
    }
    errors
}

/// Plays a lesson step by step, output to a terminal (`tty`) or a pipe; returns its failures.
fn play(lesson: &Lesson, tty: bool) -> Vec<LessonError> {
    let fail = |field: String, reason: String| LessonError { file: lesson.file.to_string(), at: None, field, reason };
    let mut tutor = match Tutor::new(lesson, tty, 80) {
        Ok(t) => t,
        Err(e) => return vec![fail("world.setup".into(), e.to_string())],
    };
    let mut errors = Vec::new();
    for (index, step) in lesson.steps.iter().enumerate() {
        let at = |field: &str| format!("steps[{index}].{field}");
        if tutor.step_index() != index {
            errors.push(fail(at("goals"), "already hold before the step's solution runs".into()));
            return errors;
        }
        for (k, lines) in step.near_misses.iter().enumerate() {
            let mut trial = tutor.clone();
            if let Some(line) = lines.iter().find(|line| !trial.run(line).completed.is_empty()) {
                errors.push(fail(at(&format!("near_misses[{k}]")), format!("meets the goals after `{line}`")));
            }
        }
        for (k, lines) in step.alternatives.iter().enumerate() {
            let mut trial = tutor.clone();
            if !lines.iter().any(|line| trial.run(line).completed.contains(&index)) {
                errors.push(fail(at(&format!("alternatives[{k}]")), format!("does not meet the goals: {}", unmet(&trial))));
            }
        }
        let (last, before) = step.solution.split_last().unwrap_or((&step.solution[0], &[]));
        if let Some(line) = before.iter().find(|line| !tutor.run(line).completed.is_empty()) {
            errors.push(fail(at("solution"), format!("meets the goals already after `{line}`, before its last line")));
            return errors;
        }
        let completed = tutor.run(last).completed;
        if completed.first() != Some(&index) {
            errors.push(fail(at("solution"), format!("does not meet the goals: {}", unmet(&tutor))));
            return errors;
        }
        if completed.len() > 1 {
            errors.push(fail(format!("steps[{}].goals", index + 1), "already hold before the step's solution runs".into()));
            return errors;
        }
    }
    errors
}

/// The goals of the tutor's current step that do not hold, in words.
fn unmet(tutor: &Tutor) -> String {
    let goals = tutor.step().map_or(&[][..], |step| &step.goals);
    let missing: Vec<String> = goals.iter().zip(tutor.goals()).filter(|(_, status)| !status.met).map(|(goal, _)| goal.words()).collect();
    missing.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Vec<String> {
        let mut lesson: Lesson = toml::from_str(text).unwrap();
        lesson.file = "l.toml".into();
        check_lesson(&lesson).iter().map(ToString::to_string).collect()
    }

    const LESSON: &str = r#"
id = "t"
title = "T"
summary = "S"
kind = "lesson"
world = { preset = "default" }

[[steps]]
id = "venv"
text = "Make a venv called .venv."
hints = ["h"]
solution = ["python -m venv .venv"]
near_misses = [["python -m venv venv"], ["mkdir -p .venv/bin"]]
alternatives = [["python3 -m venv .venv"], ["cd ~", "python3 -m venv Projects/example/.venv"]]
goals = [{ kind = "symlink", path = "~/Projects/example/.venv/bin/python" }]

[[steps]]
id = "activate"
text = "Activate it."
hints = ["h"]
solution = ["source .venv/bin/activate"]
goals = [{ kind = "env_equals", name = "VIRTUAL_ENV", value = "/home/kai/Projects/example/.venv" }]
"#;

    #[test]
    fn a_lesson_is_proved_on_a_terminal_too() {
        // One name per line to a pipe; columns on a terminal.
        let lesson = LESSON.replace(
            "solution = [\"source .venv/bin/activate\"]",
            "solution = [\"source .venv/bin/activate\", \"ls -A\"]",
        );
        let lesson = lesson.replace(
            "goals = [{ kind = \"env_equals\", name = \"VIRTUAL_ENV\", value = \"/home/kai/Projects/example/.venv\" }]",
            "goals = [{ kind = \"last_command\", output_contains = \".venv\\n.vscode\" }]",
        );
        assert_eq!(
            check(&lesson),
            ["l.toml: steps[1].solution: does not meet the goals: run a command that prints `.venv\n.vscode` (on a terminal, as the web app plays it)"]
        );
    }

    #[test]
    fn a_sound_lesson_passes() {
        assert_eq!(check(LESSON), Vec::<String>::new());
    }

    #[test]
    fn a_solution_that_misses_its_goals_is_named() {
        let e = check(&LESSON.replace("solution = [\"source .venv/bin/activate\"]", "solution = [\"bash .venv/bin/activate\"]"));
        assert_eq!(e, ["l.toml: steps[1].solution: does not meet the goals: `VIRTUAL_ENV` is `/home/kai/Projects/example/.venv`"]);
    }

    #[test]
    fn a_near_miss_that_meets_the_goals_is_named() {
        let e = check(&LESSON.replace("[\"mkdir -p .venv/bin\"]", "[\"python3.12 -m venv .venv\"]"));
        assert_eq!(e, ["l.toml: steps[0].near_misses[1]: meets the goals after `python3.12 -m venv .venv`"]);
    }

    #[test]
    fn an_alternative_that_misses_is_named() {
        let e = check(&LESSON.replace("[\"python3 -m venv .venv\"]", "[\"python3 -m venv env\"]"));
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("l.toml: steps[0].alternatives[0]: does not meet the goals"), "{e:?}");
    }

    #[test]
    fn goals_that_hold_too_early_are_named() {
        let e = check(&LESSON.replace("solution = [\"python -m venv .venv\"]", "solution = [\"python -m venv .venv\", \"ls\"]"));
        assert_eq!(e, ["l.toml: steps[0].solution: meets the goals already after `python -m venv .venv`, before its last line"]);
        let e = check(&LESSON.replace(
            "kind = \"env_equals\", name = \"VIRTUAL_ENV\", value = \"/home/kai/Projects/example/.venv\"",
            "kind = \"directory\", path = \"~/Projects/example/.venv\"",
        ));
        assert_eq!(e, ["l.toml: steps[1].goals: already hold before the step's solution runs"]);
    }

    #[test]
    fn a_failing_setup_is_named() {
        let e = check(&LESSON.replace("preset = \"default\" }", "preset = \"default\", setup = [\"false\"] }"));
        assert_eq!(e, ["l.toml: world.setup: setup line `false` exited with status 1"]);
    }
}
