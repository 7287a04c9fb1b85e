//! The course: every bundled lesson proved from its start (as `venvlab lessons check` does),
//! the terminal program playing lessons, and bad lesson files and saved progress rejected
//! with precise messages, never a panic.

mod golden_lists;

use proptest::prelude::*;
use std::io::Write;
use std::process::{Command, Stdio};
use venvlab::lesson::{check_course, load, Course, Kind, Markdown, Progress};

fn bundled() -> Course {
    Course::bundled()
}

/// The files of `lessons/`, named and ordered as build.rs names them.
fn lesson_files() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let mut names: Vec<String> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()?.file_name().into_string().ok()).collect();
    names.retain(|name| name.ends_with(".toml"));
    names.sort();
    names.into_iter().map(|name| (format!("lessons/{name}"), std::fs::read_to_string(dir.join(&name)).unwrap())).collect()
}

#[test]
fn the_bundled_course_is_what_the_loader_makes_of_the_lesson_files() {
    let loaded = load(&lesson_files()).unwrap_or_else(|errors| panic!("{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
    let bundled = bundled();
    assert_eq!(loaded.sections, bundled.sections);
    assert_eq!(loaded.lessons.len(), bundled.lessons.len());
    for (loaded, bundled) in loaded.lessons.iter().zip(bundled.lessons.iter()) {
        assert_eq!(loaded, bundled, "{}", loaded.id);
    }
    // The texts were parsed as Markdown when the course was compiled in.
    let (file, text) = &lesson_files()[0];
    let source: toml::Table = toml::from_str(text).unwrap();
    let step_text = source["steps"][0]["text"].as_str().unwrap();
    assert_eq!(bundled.lessons.iter().find(|l| l.file == *file).unwrap().steps[0].text, Markdown::parse(step_text));
}

#[test]
fn every_bundled_lesson_passes_the_checker() {
    let course = bundled();
    let failures: Vec<String> = check_course(&course).iter().map(ToString::to_string).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_course_has_the_lessons_the_post_needs() {
    let course = bundled();
    let count = |kind: Kind| course.lessons.iter().filter(|l| l.kind == kind).count();
    assert!(count(Kind::Lesson) >= 8, "{} lessons", count(Kind::Lesson));
    assert!(count(Kind::Challenge) >= 4, "{} challenges", count(Kind::Challenge));
    assert_eq!(count(Kind::Sandbox), 1);
    for lesson in course.lessons.iter() {
        for step in lesson.steps.iter() {
            assert!(step.explain.is_some() || lesson.kind == Kind::Challenge, "{}: step {} explains nothing", lesson.id, step.id);
        }
    }
}

/// Runs the terminal program with arguments and standard input; returns (status, stdout, stderr).
fn venvlab(args: &[&str], input: &str, progress: &std::path::Path) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_venvlab"))
        .args(args)
        .env("VENVLAB_PROGRESS", progress)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the venvlab binary runs");
    child.stdin.take().expect("stdin is piped").write_all(input.as_bytes()).expect("input is written");
    let out = child.wait_with_output().expect("venvlab finishes");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn the_terminal_program_plays_a_lesson_and_saves_progress() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    let lesson = bundled().lesson("create-activate").cloned().unwrap();
    let mut input = String::from("python -m venv venv\nhint\nsolution\n");
    for step in lesson.steps.iter() {
        input.extend(step.solution.iter().map(|l| format!("{l}\n")));
    }
    let (status, out, err) = venvlab(&["--lesson", "create-activate"], &input, &progress);
    assert_eq!((status, err.as_str()), (0, ""));
    assert!(out.starts_with("Creating and activating a venv\n"), "{out}");
    assert!(out.contains("Hint 1: "), "{out}");
    assert!(out.contains("One way to do it:\n    python -m venv .venv\n"), "{out}");
    assert!(out.contains("(.venv) kai@laptop:~/Projects/example$ echo $PATH\n"), "{out}");
    for n in 1..=lesson.steps.len() {
        assert!(out.contains(&format!("✓ Step {n} done.")), "step {n}: {out}");
    }
    assert!(out.contains("Lesson complete: Creating and activating a venv"), "{out}");
    let (saved, notice) = Progress::parse(&std::fs::read_to_string(&progress).unwrap());
    assert_eq!(notice, None);
    assert!(saved.complete(&lesson));

    let (_, list, _) = venvlab(&["lessons", "list"], "", &progress);
    assert!(list.contains("  ✓ create-activate"), "{list}");
}

#[test]
fn skipping_runs_the_solution_and_resuming_replays_earlier_steps() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    let (_, out, _) = venvlab(&["--lesson", "create-activate"], "skip\n", &progress);
    assert!(out.contains("Running the solution:\n$ python -m venv .venv\n"), "{out}");
    assert!(out.contains("✓ Step 1 skipped."), "{out}");
    let (_, out, _) = venvlab(&["--lesson", "create-activate"], "ls -a\n", &progress);
    assert!(out.contains("(Resuming at step 2: the steps before it were replayed.)"), "{out}");
    assert!(out.contains("\n.venv\n"), "the replayed step made .venv: {out}");
}

#[test]
fn corrupt_progress_is_discarded_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    std::fs::write(&progress, "format = 1\n[lessons.x]\ndone = \"oops\"\n").unwrap();
    let (status, out, err) = venvlab(&["--lesson", "why-venvs"], "", &progress);
    assert_eq!(status, 0);
    assert!(err.starts_with("venvlab: saved progress could not be read ("), "{err}");
    assert!(out.contains("── Step 1 of"), "{out}");
    std::fs::write(&progress, "format = 0\n").unwrap();
    let (_, _, err) = venvlab(&["lessons", "list"], "", &progress);
    assert_eq!(err, "venvlab: saved progress is in format 0, not 1; starting afresh\n");
}

#[test]
fn lessons_check_names_file_field_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("course.toml", "format = 1\n[[sections]]\ntitle = \"T\"\nlessons = [\"a\", \"b\"]\n");
    let lesson = |id: &str, goal: &str, solution: &str| {
        format!(
            "id = \"{id}\"\ntitle = \"T\"\nsummary = \"S\"\nkind = \"lesson\"\nworld = {{ preset = \"default\" }}\n\n[[steps]]\nid = \"s\"\ntext = \"Do it.\"\nhints = [\"h\"]\nsolution = [\"{solution}\"]\n[[steps.goals]]\n{goal}\n"
        )
    };
    write("a.toml", &lesson("a", "kind = \"directory\"\npath = \"~/made\"", "mkdir ~/made"));
    write("b.toml", &lesson("b", "kind = \"directory\"\npath = \"~/made\"", "mkdir ~/other"));
    let dir_arg = dir.path().to_str().unwrap();
    let (status, _, err) = venvlab(&["lessons", "check", dir_arg], "", &dir.path().join("p"));
    assert_eq!(status, 1);
    let b = dir.path().join("b.toml");
    assert_eq!(err, format!("{}: steps[0].solution: does not meet the goals: `~/made` is a directory\nvenvlab: 1 problem found\n", b.display()));

    write("b.toml", &lesson("a", "kind = \"folder\"\npath = \"~/made\"", "mkdir ~/made"));
    let (status, _, err) = venvlab(&["lessons", "check", dir_arg], "", &dir.path().join("p"));
    assert_eq!(status, 1);
    assert!(err.contains("b.toml:12:1: steps[0].goals[0]: unknown variant `folder`"), "{err}");

    write("b.toml", &lesson("a", "kind = \"directory\"\npath = \"~/made\"", "mkdir ~/made"));
    let (_, _, err) = venvlab(&["lessons", "check", dir_arg], "", &dir.path().join("p"));
    assert!(err.contains("b.toml: id: `a` is already the id of "), "{err}");
}

#[test]
fn lessons_check_accepts_the_bundled_directory() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/lessons");
    let (status, out, err) = venvlab(&["lessons", "check", dir], "", std::path::Path::new("/nonexistent/p"));
    assert_eq!((status, err.as_str()), (0, ""));
    assert!(out.ends_with("every solution meets its goals, every near-miss misses them\n"), "{out}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any text, as a lesson file or as saved progress, gives errors or a notice — no panic.
    #[test]
    fn arbitrary_files_never_panic(text in "(?s).{0,300}", mangled in 0usize..400) {
        let _ = load(&[("course.toml".into(), text.clone()), ("x.toml".into(), text.clone())]);
        let sample = include_str!("../lessons/01-why-venvs.toml");
        let cut = mangled.min(sample.len());
        let cut = (0..=cut).rev().find(|&i| sample.is_char_boundary(i)).unwrap_or(0);
        let broken = format!("{}{}", &sample[..cut], text);
        let _ = load(&[("course.toml".into(), "format = 1\nsections = []\n".into()), ("x.toml".into(), broken)]);
        let _ = Progress::parse(&text);
    }
}

#[test]
fn every_lesson_and_challenge_is_recorded_as_a_golden_scenario() {
    // tests/golden/NN-lesson-ID.sh holds what `venvlab lessons script ID` prints: the world's
    // setup lines, then every step's solution. A lesson whose lines change must be recorded again
    // on real Linux (tests/recording/README.md), so its .sh must follow and its .out be redone.
    let dir = golden_lists::dir();
    let worlds = golden_lists::read("worlds.txt");
    let names: Vec<String> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()?.file_name().into_string().ok()).collect();
    let course = bundled();
    let mut problems = Vec::new();
    for lesson in course.lessons.iter().filter(|l| matches!(l.kind, Kind::Lesson | Kind::Challenge)) {
        let suffix = format!("-lesson-{}.sh", lesson.id);
        let found: Vec<&String> = names.iter().filter(|n| n.ends_with(&suffix) && n[..n.len() - suffix.len()].bytes().all(|b| b.is_ascii_digit())).collect();
        let [scenario] = found.as_slice() else {
            problems.push(format!("{}: {} golden scenarios NN{suffix} (want one)", lesson.id, found.len()));
            continue;
        };
        let expected: Vec<&str> = lesson.world.setup.iter().chain(lesson.steps.iter().flat_map(|s| s.solution.iter())).map(|line| &**line).collect();
        let text = std::fs::read_to_string(dir.join(scenario)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        if lines != expected {
            problems.push(format!("{}: {scenario} is not what `venvlab lessons script {}` prints; re-record it", lesson.id, lesson.id));
        }
        let world = worlds.get(scenario.trim_end_matches(".sh")).map_or("default", String::as_str);
        if world != lesson.world.preset {
            problems.push(format!("{}: {scenario} is replayed in the world `{world}` (tests/golden/worlds.txt), the lesson starts in `{}`", lesson.id, lesson.world.preset));
        }
        if !dir.join(scenario.replace(".sh", ".out")).exists() {
            problems.push(format!("{}: {scenario} has no recording (.out)", lesson.id));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_terminal_program_starts_a_bare_shell_on_a_named_world_never_a_lesson() {
    let progress = std::path::Path::new("/nonexistent/p");
    let (status, out, err) = venvlab(&["--world", "fresh-ubuntu", "--transcript"], "type -a python3\n", progress);
    assert_eq!((status, err.as_str()), (0, ""));
    assert_eq!(out, "kai@laptop:~/Projects/example$ type -a python3\npython3 is /usr/bin/python3\npython3 is /bin/python3\nkai@laptop:~/Projects/example$ exit\n");
    let (status, _, err) = venvlab(&["--world", "laptop"], "", progress);
    assert_eq!((status, err.as_str()), (2, "venvlab: no world is called 'laptop' (there are: default, fresh-ubuntu)\n"));
    let (status, _, err) = venvlab(&["--world", "fresh-ubuntu", "--lesson", "no-python"], "", progress);
    assert_eq!((status, err.as_str()), (2, "venvlab: --world goes with a bare shell: a lesson brings its own world\n"));
}
