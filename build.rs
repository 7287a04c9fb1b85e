//! Turns the bundled package index (`src/python/index.toml`, recorded from PyPI) into static
//! Rust data, so the browser build carries the data without a TOML parser. Licence texts are
//! stored as indexes into one table of distinct lines, since numpy 1.26.4 and 2.1.2 share most
//! of their 47 KB licence.

use std::collections::BTreeMap;
use std::fmt::Write as _;

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
        let license: Vec<usize> = s("license")
            .split('\n')
            .map(|line| {
                let next = lines.len();
                *line_ids.entry(line.to_string()).or_insert_with(|| {
                    lines.push(line.to_string());
                    next
                })
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
    writeln!(out, "];\n\npub static LICENSE_LINES: &[&str] = &{lines:?};").expect("writing to a String");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("index.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

/// Compiles the lesson files in `lessons/` into the binary as `(name, text)` pairs (`BUNDLED`),
/// for `lesson::Course::bundled`; they are parsed and checked at run time like any others.
fn bundle_lessons() {
    println!("cargo::rerun-if-changed=lessons");
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut names: Vec<String> = std::fs::read_dir("lessons")
        .expect("lessons/ is readable")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    names.sort();
    let mut out = String::from("/// The lesson files of `lessons/`, compiled in: (file name, text).\nstatic BUNDLED: &[(&str, &str)] = &[\n");
    for name in names {
        println!("cargo::rerun-if-changed=lessons/{name}");
        writeln!(out, "    (\"lessons/{name}\", include_str!({:?})),", format!("{root}/lessons/{name}")).expect("writing to a String");
    }
    out.push_str("];\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lessons.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
