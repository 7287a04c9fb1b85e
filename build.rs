//! Turns data files into static Rust data, so that no program carries a parser for them:
//!
//! - the bundled package index (`src/python/index.toml`, recorded from PyPI). Licence texts
//!   are stored as line numbers into one text of distinct lines, since numpy 1.26.4 and 2.1.2
//!   share most of their 47 KB licence.
//! - the course (`lessons/`), loaded and checked by the lesson loader itself (its files are
//!   included below), Markdown parsed; a bad lesson file fails the build with the loader's
//!   message. The course is written out with `databake`, as `src/lesson/bundled.rs` includes it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

// The lesson loader and the types it fills, shared with the crate (`src/lesson/`). They find
// each other as `super::...` and the world names as `crate::world::PRESETS`. The build uses
// the loading half; the rest (decoding marks, looking lessons up) is the program's.
#[allow(dead_code)]
#[path = "src/lesson/goal.rs"]
mod goal;
#[path = "src/lesson/load.rs"]
mod load;
#[allow(dead_code)]
#[path = "src/lesson/markdown.rs"]
mod markdown;
#[allow(dead_code)]
#[path = "src/lesson/model.rs"]
mod model;
#[path = "src/world/presets.rs"]
mod presets;
mod world {
    pub use super::presets::PRESETS;
}

const INDEX: &str = "src/python/index.toml";

fn main() {
    bundle_lessons();
    println!("cargo::rerun-if-changed={INDEX}");
    let text = std::fs::read_to_string(INDEX).expect("src/python/index.toml is readable");
    let table: toml::Table = text.parse().expect("src/python/index.toml is valid TOML");
    let mut lines: Vec<String> = Vec::new();
    let mut line_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = String::new();
    let pip_version = table.get("index").and_then(|i| i.get("pip_version")).and_then(|v| v.as_str()).unwrap_or("24.2");
    writeln!(out, "/// The pip version bundled with the interpreters (`ensurepip`).\npub static PIP_VERSION: &str = {pip_version:?};").expect("writing to a String");
    out.push_str("pub static PACKAGES: &[Package] = &[\n");
    for package in table["package"].as_array().expect("[[package]] entries") {
        let p = package.as_table().expect("a package is a table");
        let s = |key: &str| p.get(key).and_then(|v| v.as_str()).unwrap_or("").to_string();
        let list = |key: &str| -> Vec<String> {
            p.get(key).and_then(|v| v.as_array()).map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default()
        };
        let license: Vec<u16> = s("license")
            .split('\n')
            .map(|line| {
                let next = lines.len();
                let id = *line_ids.entry(line.to_string()).or_insert_with(|| {
                    lines.push(line.to_string());
                    next
                });
                u16::try_from(id).expect("fewer than 65536 distinct licence lines")
            })
            .collect();
        let scripts: Vec<(String, String)> = p
            .get("console_scripts")
            .and_then(|v| v.as_table())
            .map(|t| t.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string())).collect())
            .unwrap_or_default();
        let files: Vec<(String, Vec<String>)> = p
            .get("files")
            .and_then(|v| v.as_table())
            .map(|t| {
                t.iter()
                    .map(|(k, v)| (k.clone(), v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default()))
                    .collect()
            })
            .unwrap_or_default();
        let size = p.get("wheel_size").and_then(|v| v.as_integer()).unwrap_or(0);
        writeln!(
            out,
            "    Package {{ name: {:?}, version: {:?}, summary: {:?}, home_page: {:?}, author: {:?}, author_email: {:?}, license: &{:?}, requires_python: {:?}, requires: &{:?}, wheel: {:?}, wheel_size: {size}, top_level: &{:?}, version_line: {:?}, version_file: {:?}, dist_info: &{:?}, console_scripts: &{:?}, bin: &{:?}, files: &[{}] }},",
            s("name"), s("version"), s("summary"), s("home_page"), s("author"), s("author_email"), license, s("requires_python"),
            list("requires"), s("wheel"), list("top_level"), s("version_line"), s("version_file"), list("dist_info"), scripts, list("bin"),
            files.iter().map(|(k, v)| format!("({k:?}, &{v:?})")).collect::<Vec<_>>().join(", ")
        )
        .expect("writing to a String");
    }
    // One `Versions` (declared in src/python/index.rs) per [[versions]] entry: what pip 24.2
    // reports when no version matches, `available` (its "from versions" list, ascending),
    // `yanked`, and `requires_python` as (version, Requires-Python) pairs in pip's order.
    out.push_str("];\n\npub static VERSIONS: &[Versions] = &[\n");
    for v in table["versions"].as_array().expect("[[versions]] entries") {
        let strings = |x: &toml::Value| -> Vec<String> { x.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default() };
        let name = v.get("name").and_then(|x| x.as_str()).unwrap_or("");
        let available = v.get("available").map(strings).unwrap_or_default();
        let yanked = v.get("yanked").map(strings).unwrap_or_default();
        let requires_python: Vec<(String, String)> = v
            .get("requires_python")
            .and_then(|x| x.as_array())
            .map(|a| {
                a.iter()
                    .map(|pair| match strings(pair).as_slice() {
                        [version, spec] => (version.clone(), spec.clone()),
                        _ => panic!("{INDEX}: requires_python of {name} holds [version, Requires-Python] pairs"),
                    })
                    .collect()
            })
            .unwrap_or_default();
        writeln!(out, "    Versions {{ name: {name:?}, available: &{available:?}, yanked: &{yanked:?}, requires_python: &{requires_python:?} }},").expect("writing to a String");
    }
    out.push_str("];\n\npub static BEHAVIOUR: &[(&str, &str)] = &[\n");
    if let Some(b) = table.get("behaviour").and_then(|b| b.as_table()) {
        for (k, v) in b {
            writeln!(out, "    ({k:?}, {:?}),", v.as_str().unwrap_or("")).expect("writing to a String");
        }
    }
    writeln!(out, "];\n\n/// The distinct lines of the licence texts, in one text.\npub static LICENSE_LINES: &str = {:?};", lines.join("\n")).expect("writing to a String");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("index.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

/// Loads `lessons/` (files named `lessons/NAME.toml`, sorted) and writes the course as a Rust
/// expression of type `Course` to `course.rs`, for `lesson::Course::bundled`. Every problem the
/// loader finds is printed, and fails the build.
fn bundle_lessons() {
    use databake::Bake;
    println!("cargo::rerun-if-changed=lessons");
    let mut names: Vec<String> = std::fs::read_dir("lessons")
        .expect("lessons/ is readable")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    names.sort();
    let mut files = Vec::new();
    for name in names {
        println!("cargo::rerun-if-changed=lessons/{name}");
        let path = format!("lessons/{name}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        files.push((path, text));
    }
    let course = load::load(&files).unwrap_or_else(|errors| {
        for e in &errors {
            eprintln!("{e}");
        }
        eprintln!("{} problem{} in the lesson files", errors.len(), if errors.len() == 1 { "" } else { "s" });
        std::process::exit(1);
    });
    let mut course = course;
    // Only `lessons check` tries near-misses and alternatives, and it is native: the browser's
    // copy of the course goes without them.
    if std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32") {
        for lesson in course.lessons.to_mut() {
            for step in lesson.steps.to_mut() {
                step.near_misses = Default::default();
                step.alternatives = Default::default();
            }
        }
    }
    let code = course.bake(&Default::default()).to_string();
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("course.rs");
    std::fs::write(dest, code).expect("OUT_DIR is writable");
}
