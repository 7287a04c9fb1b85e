//! Benchmarks of the session: one typical command, a 100-command script, and a snapshot.
//! Run with `cargo bench --bench commands`; the figures go in closing notes, never in tests.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use venvlab::session::Session;

/// The 100-command script: file work, PATH lookups, expansions and pipes, as a lesson would do.
fn script() -> Vec<String> {
    let base = [
        "mkdir -p a/b/c",
        "touch a/b/c/file.txt",
        "ls -la",
        "cd a/b",
        "pwd",
        "cd -",
        "echo $PATH | tr : '\\n'",
        "which python3",
        "type ls",
        "ln -sf a/b/c/file.txt shortcut",
        "ls -l shortcut",
        "readlink -f shortcut",
        "cat main.py | wc -l",
        "grep -rn numpy .",
        "tree -L 2 a",
        "echo hello > note.txt",
        "cat note.txt",
        "for i in 1 2 3; do echo $i; done",
        "x=$(ls | wc -l); echo $x",
        "rm -r a shortcut note.txt",
    ];
    base.iter().cycle().take(100).map(|s| s.to_string()).collect()
}

fn benches(c: &mut Criterion) {
    let fresh = || Session::with_world(venvlab::world::default_world(), false, 80);
    let mut session = fresh();
    c.bench_function("typical command: ls -la", |b| b.iter(|| black_box(session.run("ls -la"))));
    c.bench_function("typical command: which python3", |b| b.iter(|| black_box(session.run("which python3"))));
    let lines = script();
    c.bench_function("100-command script", |b| {
        b.iter_batched(
            fresh,
            |mut s| {
                for line in &lines {
                    black_box(s.run(line));
                }
            },
            criterion::BatchSize::LargeInput,
        )
    });
    c.bench_function("python -m venv .venv", |b| {
        b.iter_batched(fresh, |mut s| black_box(s.run("python -m venv .venv")), criterion::BatchSize::LargeInput)
    });
    let with_venv = || {
        let mut s = fresh();
        s.run("python -m venv .venv");
        s
    };
    c.bench_function("pip install numpy", |b| {
        b.iter_batched(with_venv, |mut s| black_box(s.run(".venv/bin/pip install numpy==2.1.2")), criterion::BatchSize::LargeInput)
    });
    c.bench_function("snapshot", |b| b.iter(|| black_box(session.snapshot())));
    c.bench_function("new session (default world)", |b| b.iter(|| black_box(fresh())));
}

/// The course: loading `lessons/` as `venvlab lessons check DIR` does (the bundled course is
/// loaded at build time), and proving every lesson.
fn course(c: &mut Criterion) {
    let mut group = c.benchmark_group("course");
    group.sample_size(10);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/lessons");
    let files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("lessons/ is readable")
        .map(|e| e.expect("lessons/ is readable").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| (p.display().to_string(), std::fs::read_to_string(&p).expect("a lesson file is readable")))
        .collect();
    group.bench_function("load lessons/", |b| b.iter(|| black_box(venvlab::lesson::load(&files))));
    let course = venvlab::lesson::Course::bundled();
    group.bench_function("lessons check (every lesson)", |b| b.iter(|| black_box(venvlab::lesson::check_course(&course))));
    group.finish();
}

criterion_group!(all, benches, course);
criterion_main!(all);
