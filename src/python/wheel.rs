//! Installing a package's files as pip unpacks a wheel: the package directories under
//! site-packages, a `NAME-VERSION.dist-info` directory (`METADATA`, `RECORD`, `INSTALLER`,
//! `WHEEL`, `entry_points.txt`, `top_level.txt`, `REQUESTED`), and console scripts in `bin/`
//! whose `#!` line names the interpreter pip ran under. Everything pip later reads back —
//! `pip show`, `pip list`, `pip uninstall` — comes from these files, not from the index.

use super::index::{self, Package};
use crate::fs::{join_path, FsResult, Fs};
use std::fmt::Write as _;

/// Where an installation goes and which interpreter its scripts name.
#[derive(Debug, Clone)]
pub struct Target {
    /// The site-packages directory.
    pub site: String,
    /// The directory for console scripts.
    pub bin: String,
    /// The interpreter the scripts' `#!` line names (pip's `sys.executable`).
    pub python: String,
}

/// Native entry points of console scripts that the simulation runs: (script, function of
/// `_venvlab`). Other scripts get a module that says the simulation does not run them.
const NATIVE_SCRIPTS: &[(&str, &str)] = &[
    ("pip", "pip_main"),
    ("pip3", "pip_main"),
    ("pip3.12", "pip_main"),
    ("cowsay", "cowsay_cli"),
    ("f2py", "f2py_main"),
    ("numpy-config", "numpy_config_main"),
];

/// The name of a package's `.dist-info` directory: `charset_normalizer-3.5.2.dist-info`.
pub fn dist_info_name(package: &Package) -> String {
    format!("{}-{}.dist-info", package.name.replace('-', "_"), package.version)
}

/// Lays out a package in `target`; returns the files written, relative to site-packages, as
/// `RECORD` lists them.
pub fn install(fs: &mut Fs, target: &Target, package: &Package, requested: bool) -> FsResult<Vec<String>> {
    install_scripts(fs, target, package, requested, &|_| true)
}

/// [`install`], writing only the console scripts `keep` accepts (ensurepip leaves out `pip`
/// unless asked for a default install).
pub fn install_scripts(fs: &mut Fs, target: &Target, package: &Package, requested: bool, keep: &dyn Fn(&str) -> bool) -> FsResult<Vec<String>> {
    let mut record = Vec::new();
    for (top, entries) in package.files {
        write_entries(fs, target, package, top, entries, &mut record)?;
    }
    for (script, entry) in package.console_scripts {
        write_entry_module(fs, &target.site, script, entry, &mut record)?;
    }
    for script in package.bin.iter().filter(|s| keep(s)) {
        let entry = package.console_scripts.iter().find(|(s, _)| s == script).or(package.console_scripts.first());
        let Some((_, entry)) = entry else { continue };
        let (module, function) = entry.split_once(':').unwrap_or((entry, "main"));
        let text = index::behaviour("console_script").replace("{python}", &target.python).replace("{module}", module).replace("{function}", function);
        let path = join_path(&target.bin, script);
        fs.write(&path, text.as_bytes())?;
        fs.chmod(&path, 0o755)?;
        record.push(join_path(&relative_to(&target.bin, &target.site), script));
    }
    write_dist_info(fs, &target.site, package, requested, &mut record)?;
    Ok(record)
}

fn write_entries(fs: &mut Fs, target: &Target, package: &Package, top: &str, entries: &[&str], record: &mut Vec<String>) -> FsResult<()> {
    let dir = if top.is_empty() { target.site.clone() } else { join_path(&target.site, top) };
    if !top.is_empty() {
        fs.mkdir_all(&dir)?;
    }
    for entry in entries {
        let relative = if top.is_empty() { entry.to_string() } else { format!("{top}/{entry}") };
        if let Some(sub) = relative.strip_suffix('/') {
            fs.mkdir_all(&join_path(&target.site, sub))?;
            continue;
        }
        let text = module_text(package, &relative);
        fs.write(&join_path(&target.site, &relative), text.as_bytes())?;
        record.push(relative);
    }
    Ok(())
}

/// What a module file of a package says: its version line where the package keeps it, an
/// import of that version in `__init__.py`, and otherwise a note that its code is not here.
fn module_text(package: &Package, relative: &str) -> String {
    if relative == package.version_file {
        let line = package.version_line;
        let name = line.split('=').next().unwrap_or("").trim();
        if line.contains("__version__") || name.is_empty() {
            return format!("{line}\n");
        }
        return format!("{line}\n__version__ = {name}\n");
    }
    let top = relative.split('/').next().unwrap_or("");
    if relative == format!("{top}/__main__.py") {
        let entry = package.console_scripts.iter().map(|(_, e)| *e).find(|e| e.starts_with(&format!("{top}.")));
        if let Some((module, function)) = entry.and_then(|e| e.split_once(':')) {
            return format!("import sys\nfrom {module} import {function}\nsys.exit({function}())\n");
        }
    }
    let version_module = package.version_file.strip_suffix(".py").map(|m| m.replace('/', "."));
    match version_module {
        Some(module) if relative == format!("{top}/__init__.py") && module.starts_with(&format!("{top}.")) => {
            format!("from {module} import __version__\n")
        }
        _ if relative.ends_with(".py") => format!("\"\"\"Part of {} {}; its code is not part of this simulation.\"\"\"\n", package.name, package.version),
        _ => String::new(),
    }
}

/// The module a console script imports, with the function it calls.
fn write_entry_module(fs: &mut Fs, site: &str, script: &str, entry: &str, record: &mut Vec<String>) -> FsResult<()> {
    let (module, function) = entry.split_once(':').unwrap_or((entry, "main"));
    let parts: Vec<&str> = module.split('.').collect();
    for depth in 1..parts.len() {
        let dir = join_path(site, &parts[..depth].join("/"));
        fs.mkdir_all(&dir)?;
        let init = join_path(&dir, "__init__.py");
        if !fs.exists(&init) {
            fs.write(&init, b"")?;
            record.push(format!("{}/__init__.py", parts[..depth].join("/")));
        }
    }
    let relative = format!("{}.py", parts.join("/"));
    let mut text = match NATIVE_SCRIPTS.iter().find(|(s, _)| *s == script) {
        Some((_, native)) => format!("\"\"\"The `{script}` command (run natively by venvlab).\"\"\"\nfrom _venvlab import {native} as {function}\n"),
        None => format!("\"\"\"The `{script}` command.\"\"\"\n\n\ndef {function}():\n    print(\"venvlab: '{script}' is not simulated\")\n    return 1\n"),
    };
    if module.ends_with("__main__") {
        let _ = writeln!(text, "\nif __name__ == \"__main__\":\n    {function}()");
    }
    let path = join_path(site, &relative);
    let existing = fs.read(&path).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
    if !existing.contains("_venvlab") {
        fs.write(&path, text.as_bytes())?;
    }
    if !record.contains(&relative) {
        record.push(relative);
    }
    Ok(())
}

fn write_dist_info(fs: &mut Fs, site: &str, package: &Package, requested: bool, record: &mut Vec<String>) -> FsResult<()> {
    let name = dist_info_name(package);
    let dir = join_path(site, &name);
    fs.mkdir_all(&dir)?;
    for file in package.dist_info {
        if *file == "RECORD" || (*file == "REQUESTED" && !requested) {
            continue;
        }
        if let Some(sub) = file.strip_suffix('/') {
            fs.mkdir_all(&join_path(&dir, sub))?;
            continue;
        }
        let text = match *file {
            "METADATA" => metadata(package),
            "INSTALLER" => "pip\n".to_string(),
            "WHEEL" => format!("Wheel-Version: 1.0\nGenerator: bdist_wheel\nRoot-Is-Purelib: true\nTag: {}\n", wheel_tag(package.wheel)),
            "entry_points.txt" => {
                let lines: String = package.console_scripts.iter().map(|(s, e)| format!("{s} = {e}\n")).collect();
                format!("[console_scripts]\n{lines}")
            }
            "top_level.txt" => package.top_level.iter().map(|t| format!("{t}\n")).collect(),
            _ => String::new(),
        };
        let path = join_path(&dir, file);
        if let Some(parent) = path.rsplit_once('/').map(|(p, _)| p.to_string()) {
            fs.mkdir_all(&parent)?;
        }
        fs.write(&path, text.as_bytes())?;
        record.push(format!("{name}/{file}"));
    }
    record.push(format!("{name}/RECORD"));
    let text: String = record.iter().map(|f| format!("{f},,\n")).collect();
    fs.write(&join_path(&dir, "RECORD"), text.as_bytes())?;
    Ok(())
}

/// `os.path.relpath(path, start)` for absolute paths: how RECORD names a script in `bin/`
/// from site-packages (`../../../bin` in a venv, `../../bin` from `--target`'s `lib/python`).
fn relative_to(path: &str, start: &str) -> String {
    let parts = |p: &str| p.split('/').filter(|c| !c.is_empty()).map(str::to_string).collect::<Vec<_>>();
    let (path, start) = (parts(path), parts(start));
    let common = path.iter().zip(&start).take_while(|(a, b)| a == b).count();
    let mut out: Vec<String> = vec!["..".to_string(); start.len() - common];
    out.extend(path[common..].iter().cloned());
    if out.is_empty() {
        ".".to_string()
    } else {
        out.join("/")
    }
}

/// The wheel's tag part: `py3-none-any` from `requests-2.32.3-py3-none-any.whl`.
fn wheel_tag(wheel: &str) -> String {
    let stem = wheel.strip_suffix(".whl").unwrap_or(wheel);
    stem.splitn(3, '-').nth(2).unwrap_or("py3-none-any").to_string()
}

/// The `METADATA` file pip reads back for `pip show`.
pub fn metadata(package: &Package) -> String {
    let mut text = format!("Metadata-Version: 2.1\nName: {}\nVersion: {}\nSummary: {}\n", package.name, package.version, package.summary);
    for (key, value) in [("Home-page", package.home_page), ("Author", package.author), ("Author-email", package.author_email)] {
        if !value.is_empty() {
            let _ = writeln!(text, "{key}: {value}");
        }
    }
    let license = package.license_text();
    if !license.is_empty() {
        let _ = writeln!(text, "License: {}", license.replace('\n', "\n        "));
    }
    if !package.requires_python.is_empty() {
        let _ = writeln!(text, "Requires-Python: {}", package.requires_python);
    }
    for req in package.requires {
        let _ = writeln!(text, "Requires-Dist: {req}");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installs_files_scripts_and_dist_info() {
        let mut fs = Fs::new();
        fs.mkdir_all("/v/lib/python3.12/site-packages").unwrap();
        fs.mkdir_all("/v/bin").unwrap();
        let target = Target { site: "/v/lib/python3.12/site-packages".into(), bin: "/v/bin".into(), python: "/v/bin/python".into() };
        let cowsay = index::versions_of("cowsay")[0];
        let record = install(&mut fs, &target, cowsay, true).unwrap();
        let script = String::from_utf8(fs.read("/v/bin/cowsay").unwrap().to_vec()).unwrap();
        assert!(script.starts_with("#!/v/bin/python\n"));
        assert!(script.contains("from cowsay.__main__ import cli"));
        let main = String::from_utf8(fs.read("/v/lib/python3.12/site-packages/cowsay/__main__.py").unwrap().to_vec()).unwrap();
        assert!(main.contains("from _venvlab import cowsay_cli as cli"));
        assert!(fs.exists("/v/lib/python3.12/site-packages/cowsay-6.1.dist-info/REQUESTED"));
        assert!(record.contains(&"../../../bin/cowsay".to_string()));
        assert_eq!(relative_to("/t/bin", "/t/lib/python"), "../../bin");
        assert_eq!(relative_to("/v/bin", "/v/bin"), ".");
        let version = String::from_utf8(fs.read("/v/lib/python3.12/site-packages/cowsay/main.py").unwrap().to_vec()).unwrap();
        assert_eq!(version, "__version__ = '6.1'\n");
    }
}
