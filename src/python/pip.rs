//! pip: installs packages of the bundled index into the running interpreter's site-packages
//! and reads them back (`list`, `freeze`, `show`, `uninstall`) from their `.dist-info` files.
//!
//! Where pip writes follows from the interpreter that runs it (`sys.prefix`), so `.venv/bin/pip`
//! installs into the venv and the system Python's pip meets PEP 668's `EXTERNALLY-MANAGED`
//! marker. Downloads are recorded in `~/.cache/pip`, so a second install says `Using cached`.

use super::host::Machine;
use super::index::{self, Package};
use super::pep440::{Requirement, Version};
use super::wheel::{self, Target};
use crate::fs::{join_path, FileKind};
use std::fmt::Write as _;

/// An installed distribution, as its `.dist-info` describes it.
#[derive(Debug, Clone)]
struct Installed {
    name: String,
    version: String,
    site: String,
    dist_info: String,
    metadata: String,
}

impl Installed {
    fn field(&self, key: &str) -> String {
        metadata_field(&self.metadata, key)
    }

    /// Its `Requires-Dist` requirements that apply here (no extras), as written.
    fn requirement_texts(&self) -> Vec<String> {
        self.metadata.lines().filter_map(|l| l.strip_prefix("Requires-Dist: ")).filter(|r| !r.contains("extra ==")).map(str::to_string).collect()
    }

    fn requires(&self) -> Vec<String> {
        self.metadata
            .lines()
            .filter_map(|l| l.strip_prefix("Requires-Dist: "))
            .filter(|r| !r.contains("extra =="))
            .filter_map(|r| Requirement::parse(r).ok())
            .filter(Requirement::marker_holds)
            .map(|r| r.name)
            .collect()
    }
}

/// A `Key: value` field of a METADATA text (continuation lines joined).
fn metadata_field(metadata: &str, key: &str) -> String {
    let prefix = format!("{key}: ");
    let mut lines = metadata.lines();
    let Some(first) = lines.by_ref().find_map(|l| l.strip_prefix(&prefix)) else { return String::new() };
    let mut value = first.to_string();
    for line in lines {
        match line.strip_prefix("        ") {
            Some(more) => {
                value.push('\n');
                value.push_str(more);
            }
            None => break,
        }
    }
    value
}

/// A value of an INI file (`configparser`): the text after `KEY=`, with its continuation
/// lines (indented, or empty) un-indented.
fn config_value(text: &str, key: &str) -> String {
    let mut lines = text.lines();
    let prefix = format!("{key}=");
    let Some(first) = lines.by_ref().find_map(|l| l.strip_prefix(&prefix)) else { return String::new() };
    let mut value = vec![first.trim().to_string()];
    for line in lines {
        if line.is_empty() || line.starts_with([' ', '\t']) {
            value.push(line.trim().to_string());
        } else {
            break;
        }
    }
    while value.last().is_some_and(|l| l.is_empty()) {
        value.pop();
    }
    value.join("\n")
}

/// What one pip run works on.
struct Pip<'m, 'c, 'a> {
    machine: &'m mut Machine<'c, 'a>,
    quiet: bool,
    /// Whether resolution passes over installed versions (`--force-reinstall`, `--target`).
    ignore_installed: bool,
    /// `--target`: installs go elsewhere, so nothing installed here is replaced.
    in_target: bool,
    /// `--no-warn-script-location`.
    no_warn_script_location: bool,
}

/// pip's command line (`sys.argv[1:]`); returns the exit status.
pub fn main(machine: &mut Machine) -> i32 {
    let args: Vec<String> = machine.argv.iter().skip(1).cloned().collect();
    let quiet = args.iter().any(|a| a == "-q" || a == "--quiet");
    let args: Vec<String> = args.into_iter().filter(|a| a != "-q" && a != "--quiet").collect();
    let mut pip = Pip { machine, quiet, ignore_installed: false, in_target: false, no_warn_script_location: false };
    match args.first().map(String::as_str) {
        Some("--version") | Some("-V") => pip.version(),
        Some("install") => pip.install(&args[1..]),
        Some("uninstall") => pip.uninstall(&args[1..]),
        Some("list") => pip.list(&args[1..]),
        Some("freeze") => pip.freeze(),
        Some("show") => pip.show(&args[1..]),
        None | Some("help") | Some("-h") | Some("--help") => pip.usage(),
        Some(other) => {
            pip.err_fmt(format_args!("ERROR: unknown command \"{other}\"\n"));
            1
        }
    }
}

/// Which of pip's own console scripts an installation of pip writes (ensurepip's
/// `ENSUREPIP_OPTIONS`): all three, all but `pip` (`install`), or `pip3.12` only
/// (`altinstall`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scripts {
    Default,
    Install,
    AltInstall,
}

impl Scripts {
    fn keeps(self, script: &str) -> bool {
        match self {
            Scripts::Default => true,
            Scripts::Install => script != "pip",
            Scripts::AltInstall => script != "pip" && script != "pip3",
        }
    }
}

/// The temporary directory ensurepip copies its wheel into: `tempfile` names it at random
/// (`/tmp/tmp` and eight characters); the simulation, having no randomness, always uses this.
pub const ENSUREPIP_TMPDIR: &str = "/tmp/tmpv3nv1ab8";

/// ensurepip's bootstrap in the running interpreter: pip installs the wheel bundled with the
/// standard library, found through a temporary directory (`--no-index --find-links`), unless
/// a pip is installed already (with `upgrade`, one at least as new). `root` is `--root`.
pub fn bootstrap(machine: &mut Machine, upgrade: bool, scripts: Scripts, user: bool, root: Option<&str>) -> i32 {
    let wheel_name = format!("pip-{}-py3-none-any.whl", index::PIP_VERSION);
    let bundled = format!("{}/lib/python{}/ensurepip/_bundled/{wheel_name}", machine.paths.base_prefix, machine.build.short_version());
    let package = index::versions_of("pip").into_iter().find(|p| p.version == index::PIP_VERSION);
    let (true, Some(package)) = (machine.ctx.fs.exists(&bundled), package) else {
        machine.ctx.err_fmt(format_args!("FileNotFoundError: [Errno 2] No such file or directory: '{bundled}'\n"));
        return 1;
    };
    let mut pip = Pip { machine, quiet: false, ignore_installed: false, in_target: false, no_warn_script_location: false };
    if root.is_none() && pip.externally_managed(&[]) {
        return 1;
    }
    let user = match root {
        Some(_) if !user => false,
        _ => match pip.decide_user(user) {
            Ok(user) => user,
            Err(status) => return status,
        },
    };
    pip.out_fmt(format_args!("Looking in links: {ENSUREPIP_TMPDIR}\n"));
    let installed = pip.find_installed("pip");
    if let Some(old) = installed.as_ref().filter(|old| !upgrade || Version::parse(&old.version) >= Version::parse(index::PIP_VERSION)) {
        let site = display_path(&old.site, &pip.machine.logical_cwd());
        pip.out_fmt(format_args!("Requirement already satisfied: pip in {site} ({})\n", old.version));
        return 0;
    }
    pip.out_fmt(format_args!("Processing {ENSUREPIP_TMPDIR}/{wheel_name}\nInstalling collected packages: pip\n"));
    let mut target = pip.target(user);
    if let Some(root) = root {
        let root = pip.machine.absolute(root);
        target.site = format!("{}{}", root.trim_end_matches('/'), target.site);
        target.bin = format!("{}{}", root.trim_end_matches('/'), target.bin);
    } else if let Some(old) = &installed {
        pip.replace("pip", old);
    }
    let fs = &mut *pip.machine.ctx.fs;
    let made = fs.mkdir_all(&target.site).and_then(|_| fs.mkdir_all(&target.bin));
    if let Err(e) = made.and_then(|_| wheel::install_scripts(fs, &target, package, true, &|script| scripts.keeps(script))) {
        pip.err_fmt(format_args!("ERROR: Could not install packages due to an OSError: [Errno {}] {e}: '{}'\n\n", e.errno(), target.site));
        return 1;
    }
    pip.out_fmt(format_args!("Successfully installed pip-{}\n", index::PIP_VERSION));
    0
}

impl Pip<'_, '_, '_> {
    fn out(&mut self, text: &str) {
        if !self.quiet {
            self.machine.ctx.out(text);
        }
    }

    fn err(&mut self, text: &str) {
        self.machine.ctx.err(text);
    }

    /// [`Pip::out`] for formatted text.
    fn out_fmt(&mut self, text: std::fmt::Arguments<'_>) {
        if !self.quiet {
            self.machine.ctx.out_fmt(text);
        }
    }

    fn err_fmt(&mut self, text: std::fmt::Arguments<'_>) {
        self.machine.ctx.err_fmt(text);
    }

    fn short(&self) -> String {
        self.machine.build.short_version()
    }

    fn usage(&mut self) -> i32 {
        let text = "\nUsage:   \n  pip <command> [options]\n\nCommands:\n  install                     Install packages.\n  uninstall                   Uninstall packages.\n  freeze                      Output installed packages in requirements format.\n  list                        List installed packages.\n  show                        Show information about installed packages.\n  help                        Show help for commands.\n";
        self.out(text);
        0
    }

    /// The directory pip itself was imported from: the first `pip` package on `sys.path`.
    fn own_location(&self) -> String {
        self.machine
            .paths
            .path
            .iter()
            .map(|dir| join_path(dir, "pip"))
            .find(|p| self.machine.ctx.fs.exists(&join_path(p, "__init__.py")))
            .unwrap_or_default()
    }

    /// `pip.__version__` as the running pip's own `__init__.py` sets it (so a venv whose pip was
    /// upgraded reports the new version), or the bundled version if the file does not say.
    fn own_version(&self, location: &str) -> String {
        let text = self.machine.ctx.fs.read(&join_path(location, "__init__.py")).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
        text.lines()
            .find_map(|l| l.strip_prefix("__version__ = ").map(|v| v.trim().trim_matches(|c| c == '"' || c == '\'').to_string()))
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| index::PIP_VERSION.to_string())
    }

    fn version(&mut self) -> i32 {
        let location = self.own_location();
        let text = format!("pip {} from {location} (python {})\n", self.own_version(&location), self.short());
        self.out(&text);
        0
    }

    /// The site directories pip sees, in `sys.path` order.
    fn site_dirs(&self) -> Vec<String> {
        self.machine.paths.path.iter().filter(|p| p.ends_with("-packages")).cloned().collect()
    }

    /// The user site directory (`~/.local/lib/python3.12/site-packages`) and its scripts.
    fn user_dirs(&self) -> (String, String) {
        let home = self.machine.ctx.var("HOME").unwrap_or("/root").to_string();
        (format!("{home}/.local/lib/python{}/site-packages", self.short()), format!("{home}/.local/bin"))
    }

    /// Where `pip install` writes: the prefix's purelib and scripts directories, or with
    /// `--user` the user site.
    fn target(&self, user: bool) -> Target {
        let prefix = &self.machine.paths.prefix;
        let short = self.short();
        let (site, bin) = if user {
            self.user_dirs()
        } else if prefix == "/usr" {
            (format!("/usr/local/lib/python{short}/dist-packages"), "/usr/local/bin".to_string())
        } else {
            (format!("{prefix}/lib/python{short}/site-packages"), format!("{prefix}/bin"))
        };
        Target { site, bin, python: self.machine.paths.executable.clone() }
    }

    fn installed(&self) -> Vec<Installed> {
        let mut found: Vec<Installed> = Vec::new();
        for site in self.site_dirs() {
            let Ok(entries) = self.machine.ctx.fs.read_dir(&site) else { continue };
            for entry in entries.iter().filter(|e| e.name.ends_with(".dist-info")) {
                let dir = join_path(&site, &entry.name);
                let Ok(bytes) = self.machine.ctx.fs.read(&join_path(&dir, "METADATA")) else { continue };
                let metadata = String::from_utf8_lossy(&bytes).into_owned();
                let name = metadata_field(&metadata, "Name");
                if found.iter().any(|f| index::canonical(&f.name) == index::canonical(&name)) {
                    continue;
                }
                let version = metadata_field(&metadata, "Version");
                found.push(Installed { name, version, site: site.clone(), dist_info: dir, metadata });
            }
        }
        crate::sort::sort_by_key(&mut found, |i| i.name.to_ascii_lowercase());
        found
    }

    fn find_installed(&self, name: &str) -> Option<Installed> {
        self.installed().into_iter().find(|i| index::canonical(&i.name) == index::canonical(name))
    }

    /// PEP 668: outside a venv, a stdlib `EXTERNALLY-MANAGED` file stops installs.
    fn externally_managed(&mut self, args: &[String]) -> bool {
        if args.iter().any(|a| a == "--break-system-packages") || self.machine.paths.prefix != self.machine.paths.base_prefix {
            return false;
        }
        let marker = format!("{}/lib/python{}/EXTERNALLY-MANAGED", self.machine.paths.base_prefix, self.short());
        let Ok(bytes) = self.machine.ctx.fs.read(&marker) else { return false };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let body = config_value(&text, "Error").lines().enumerate().map(|(i, l)| if i == 0 || l.is_empty() { format!("{l}\n") } else { format!("    {l}\n") }).collect::<String>();
        let message = format!(
            "error: externally-managed-environment\n\n× This environment is externally managed\n╰─> {}\nnote: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.\nhint: See PEP 668 for the detailed specification.\n",
            body
        );
        self.err(&message);
        true
    }

    /// `pip list`: the installed distributions as a table (`--format=columns`), as
    /// `name==version` lines (`freeze`) or as one line of JSON (`json`); `--user` only the
    /// user site's, `--exclude NAME` (repeatable) without those.
    fn list(&mut self, args: &[String]) -> i32 {
        let mut format = "columns".to_string();
        let mut exclude: Vec<String> = Vec::new();
        let mut i = 0;
        while i < args.len() {
            let arg = &args[i];
            i += 1;
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
                _ => (arg.as_str(), None),
            };
            if !["--format", "--exclude", "--path", "-i", "--index-url", "--extra-index-url", "-f", "--find-links"].contains(&name) {
                continue;
            }
            let value = match inline {
                Some(v) => v,
                None => match args.get(i) {
                    Some(v) => {
                        i += 1;
                        v.clone()
                    }
                    None => {
                        self.err_fmt(format_args!("{LIST_USAGE}\n{name} option requires 1 argument\n"));
                        return 2;
                    }
                },
            };
            match name {
                "--format" if ["columns", "freeze", "json"].contains(&value.as_str()) => format = value,
                "--format" => {
                    self.err_fmt(format_args!("{LIST_USAGE}\noption --format: invalid choice: '{value}' (choose from 'columns', 'freeze', 'json')\n"));
                    return 2;
                }
                "--exclude" => exclude.push(index::canonical(&value)),
                _ => {}
            }
        }
        let only = args.iter().any(|a| a == "--user").then(|| self.user_dirs().0);
        let rows: Vec<(String, String)> = self
            .installed()
            .into_iter()
            .filter(|i| only.as_ref().is_none_or(|u| &i.site == u))
            .filter(|i| !exclude.contains(&index::canonical(&i.name)))
            .map(|i| (i.name, i.version))
            .collect();
        let text = match format.as_str() {
            "freeze" => rows.iter().map(|(name, version)| format!("{name}=={version}\n")).collect(),
            "json" => {
                let items: Vec<String> = rows.iter().map(|(name, version)| format!("{{\"name\": {}, \"version\": {}}}", json_string(name), json_string(version))).collect();
                format!("[{}]\n", items.join(", "))
            }
            _ if rows.is_empty() => String::new(),
            _ => {
                let w1 = rows.iter().map(|r| r.0.len()).max().unwrap_or(0).max("Package".len());
                let w2 = rows.iter().map(|r| r.1.len()).max().unwrap_or(0).max("Version".len());
                // pip's tabulate pads every column but the last, so no line ends in spaces
                let mut text = format!("{:<w1$} Version\n{} {}\n", "Package", "-".repeat(w1), "-".repeat(w2));
                for (name, version) in rows {
                    let _ = writeln!(text, "{name:<w1$} {version}");
                }
                text
            }
        };
        self.out(&text);
        0
    }

    fn freeze(&mut self) -> i32 {
        let skip = ["pip", "setuptools", "wheel", "distribute"];
        let text: String = self
            .installed()
            .into_iter()
            .filter(|i| !skip.contains(&index::canonical(&i.name).as_str()))
            .map(|i| format!("{}=={}\n", i.name, i.version))
            .collect();
        self.out(&text);
        0
    }

    fn show(&mut self, args: &[String]) -> i32 {
        let names: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
        if names.is_empty() {
            self.err("ERROR: Please provide a package name or names.\n");
            return 1;
        }
        let all = self.installed();
        let mut blocks = Vec::new();
        let mut missing = Vec::new();
        for name in names {
            let Some(i) = all.iter().find(|i| index::canonical(&i.name) == index::canonical(name)) else {
                missing.push(name.clone());
                continue;
            };
            let mut requires = i.requires();
            crate::sort::sort_by_key(&mut requires, |r| r.to_ascii_lowercase());
            let mut required_by: Vec<String> = all
                .iter()
                .filter(|o| o.requires().iter().any(|r| index::canonical(r) == index::canonical(&i.name)))
                .map(|o| o.name.clone())
                .collect();
            crate::sort::sort_by_key(&mut required_by, |r| r.to_ascii_lowercase());
            blocks.push(format!(
                "Name: {}\nVersion: {}\nSummary: {}\nHome-page: {}\nAuthor: {}\nAuthor-email: {}\nLicense: {}\nLocation: {}\nRequires: {}\nRequired-by: {}\n",
                i.name,
                i.version,
                i.field("Summary"),
                i.field("Home-page"),
                i.field("Author"),
                i.field("Author-email"),
                i.field("License"),
                i.site,
                requires.join(", "),
                required_by.join(", ")
            ));
        }
        let text = blocks.join("---\n");
        self.out(&text);
        if !missing.is_empty() {
            self.err_fmt(format_args!("WARNING: Package(s) not found: {}\n", missing.join(", ")));
            return 1;
        }
        0
    }

    fn uninstall(&mut self, args: &[String]) -> i32 {
        if self.externally_managed(args) {
            return 1;
        }
        let yes = args.iter().any(|a| a == "-y" || a == "--yes");
        let names: Vec<String> = args.iter().filter(|a| !a.starts_with('-')).cloned().collect();
        if names.is_empty() {
            self.err("ERROR: You must give at least one requirement to uninstall (see \"pip help uninstall\")\n");
            return 1;
        }
        for name in names {
            let Some(installed) = self.find_installed(&name) else {
                self.err_fmt(format_args!("WARNING: Skipping {name} as it is not installed.\n"));
                continue;
            };
            let (name, version) = (installed.name.clone(), installed.version.clone());
            self.out_fmt(format_args!("Found existing installation: {name} {version}\nUninstalling {name}-{version}:\n"));
            let files = self.recorded_files(&installed);
            if !yes {
                let mut listing = String::from("  Would remove:\n");
                for path in self.compressed(&files) {
                    let _ = writeln!(listing, "    {path}");
                }
                self.out(&listing);
                self.out("Proceed (Y/n)? ");
                let answer = self.machine.ctx.io.read_line().map(|b| String::from_utf8_lossy(&b).trim().to_ascii_lowercase());
                if !matches!(answer.as_deref(), Some("") | Some("y") | Some("yes")) {
                    return 1;
                }
            }
            self.remove_files(&files);
            self.out_fmt(format_args!("  Successfully uninstalled {name}-{version}\n"));
        }
        0
    }

    /// The absolute paths `RECORD` lists for an installed distribution.
    fn recorded_files(&self, installed: &Installed) -> Vec<String> {
        let record = self.machine.ctx.fs.read(&join_path(&installed.dist_info, "RECORD")).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
        record
            .lines()
            .filter_map(|l| l.split(',').next())
            .filter(|p| !p.is_empty())
            .map(|p| crate::fs::normalize_path(&join_path(&installed.site, p)))
            .collect()
    }

    /// pip's "Would remove" list: whole package directories as `DIR/*`, other files as is.
    fn compressed(&self, files: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for f in files {
            let shown = match f.rsplit_once("-packages/") {
                Some((base, rest)) if rest.contains('/') => format!("{base}-packages/{}/*", rest.split('/').next().unwrap_or("")),
                _ => f.clone(),
            };
            if !out.contains(&shown) {
                out.push(shown);
            }
        }
        crate::sort::sort(&mut out);
        out
    }

    /// Removes a distribution's recorded files as pip's uninstall does. A directory all of
    /// whose files are recorded goes as a whole (`compress_for_rename`): a package's directory,
    /// its `.dist-info`, and `~/.local/bin` when its only scripts were the package's. Every
    /// other file goes on its own and takes with it the directories it leaves empty
    /// (`os.removedirs`), except a directory from which a whole one was moved out: pip's
    /// stash of it sits beside it until the end.
    fn remove_files(&mut self, files: &[String]) {
        let fs = &mut *self.machine.ctx.fs;
        let parent = |p: &str| p.rsplit_once('/').map(|(d, _)| if d.is_empty() { "/".to_string() } else { d.to_string() });
        let mut roots: Vec<String> = files.iter().filter_map(|f| parent(f)).collect();
        crate::sort::sort_by_key(&mut roots, |r| (r.len(), r.clone()));
        roots.dedup();
        let under = |path: &str, dir: &str| path == dir || path.starts_with(&format!("{dir}/"));
        let mut whole: Vec<String> = Vec::new();
        for root in roots {
            if whole.iter().any(|w| under(&root, w)) {
                continue;
            }
            if files_below(fs, &root).is_some_and(|found| !found.is_empty() && found.iter().all(|f| files.contains(f))) {
                whole.push(root);
            }
        }
        for dir in &whole {
            let _ = fs.remove_all(dir);
        }
        let beside: Vec<String> = whole.iter().filter_map(|w| parent(w)).collect();
        for file in files.iter().filter(|f| !whole.iter().any(|w| under(f, w))) {
            if fs.unlink(file).is_err() {
                continue;
            }
            let mut dir = parent(file);
            for _ in 0..64 {
                let Some(d) = dir.filter(|d| d != "/" && !beside.contains(d)) else { break };
                if fs.rmdir(&d).is_err() {
                    break;
                }
                dir = parent(&d);
            }
        }
    }

    fn install(&mut self, args: &[String]) -> i32 {
        let o = match InstallOptions::parse(args) {
            Ok(o) => o,
            Err(message) => {
                self.err_fmt(format_args!("{INSTALL_USAGE}\n{message}\n"));
                return 2;
            }
        };
        if o.user && o.target.is_some() {
            self.err("ERROR: Can not combine '--user' and '--target'\n");
            return 1;
        }
        // PEP 668 guards the running interpreter's own environment, which --target leaves alone.
        if o.target.is_none() && !o.break_system_packages && self.externally_managed(args) {
            return 1;
        }
        let user = match o.target {
            Some(_) if !o.user => false,
            _ => match self.decide_user(o.user) {
                Ok(user) => user,
                Err(status) => return status,
            },
        };
        // --target installs afresh whatever is installed here; --force-reinstall replaces it.
        self.ignore_installed = o.target.is_some() || o.force_reinstall;
        self.in_target = o.target.is_some();
        self.no_warn_script_location = o.no_warn_script_location;
        let mut wanted: Vec<(String, Option<Origin>)> = Vec::new();
        for item in &o.wanted {
            match item {
                Wanted::Requirement(text) => wanted.push((text.clone(), None)),
                Wanted::File(file) => match self.read_requirements(file) {
                    Ok(lines) => wanted.extend(lines),
                    Err(status) => return status,
                },
            }
        }
        if wanted.is_empty() {
            self.err("ERROR: You must give at least one requirement to install (see \"pip help install\")\n");
            return 1;
        }
        let mut requested = Vec::new();
        for (text, origin) in &wanted {
            match Requirement::parse(text) {
                Ok(r) => requested.push((r, origin.clone())),
                Err((why, column)) => {
                    let from = origin.as_ref().map(|o| format!(" (from line {} of {})", o.line, o.file)).unwrap_or_default();
                    self.err_fmt(format_args!("ERROR: Invalid requirement: '{text}': {why}\n    {text}\n    {}^{from}\n", " ".repeat(column)));
                    return 1;
                }
            }
        }
        let mut session = Resolution::default();
        for (order, (req, origin)) in requested.into_iter().enumerate() {
            let from = origin.map(|o| format!("-r {} (line {})", o.file, o.line));
            if let Err(status) = self.add(&mut session, req, from, Some(order), o.upgrade, 0) {
                return status;
            }
        }
        if !o.no_deps {
            while let Some(next) = session.next_to_pin() {
                if let Err(status) = self.pin(&mut session, next) {
                    return status;
                }
            }
        }
        match &o.target {
            Some(dir) => {
                let dir = crate::fs::normalize_path(&self.machine.absolute(dir));
                self.finish_in_target(session, &dir, o.upgrade)
            }
            None => {
                let target = self.target(user);
                self.finish(session, &target)
            }
        }
    }

    /// Reads a requirements file: one requirement a line, `#` comments, blank lines skipped.
    fn read_requirements(&mut self, file: &str) -> Result<Vec<(String, Option<Origin>)>, i32> {
        let path = self.machine.absolute(file);
        match self.machine.ctx.fs.read(&path) {
            Ok(bytes) => Ok(String::from_utf8_lossy(&bytes)
                .lines()
                .enumerate()
                .map(|(n, l)| (l.split(" #").next().unwrap_or("").trim().to_string(), n + 1))
                .filter(|(l, _)| !l.is_empty() && !l.starts_with('#'))
                .map(|(l, n)| (l, Some(Origin { file: file.to_string(), line: n })))
                .collect()),
            Err(e) => {
                self.err_fmt(format_args!("ERROR: Could not open requirements file: [Errno {}] {e}: '{file}'\n", e.errno()));
                Err(1)
            }
        }
    }

    /// Adds a requirement to the resolution as pip's resolver does (`_add_to_criteria`): a
    /// project seen for the first time gets its candidate at once, printing what pip prints
    /// while finding it ("Requirement already satisfied" for an installed version that fits,
    /// "Collecting" and the download for one from the index); a project already under way must
    /// still be satisfied by its candidate. `from` is where the requirement came from, as pip
    /// prints it in parentheses (`requests`, `-r requirements.txt (line 1)`); `order` is its
    /// place among the requirements the user gave, `None` for a dependency. `Err` is the exit
    /// status after an error message.
    fn add(&mut self, session: &mut Resolution, req: Requirement, from: Option<String>, order: Option<usize>, upgrade: bool, depth: usize) -> Result<(), i32> {
        if depth > 32 || !req.marker_holds() {
            return Ok(());
        }
        let key = index::canonical(&req.name);
        let spec = format!("{}{}", req.name, req.specifier());
        if let Some(existing) = session.criteria.iter_mut().find(|c| c.key == key) {
            if !req.allows(existing.pick.version()) {
                let chosen = existing.pick.version().to_string();
                return Err(self.conflict(&req, &chosen));
            }
            existing.pinned_by_eq |= req.pins();
            existing.has_specifier |= !req.clauses.is_empty();
            existing.depth = existing.depth.min(depth);
            if existing.order.is_none() {
                existing.order = order;
            }
            return Ok(());
        }
        let shown_from = from.as_ref().map(|f| format!(" (from {f})")).unwrap_or_default();
        let requested = order.is_some();
        let installed = self.find_installed(&req.name).filter(|i| !self.ignore_installed && req.allows(&i.version));
        if let Some(installed) = &installed {
            let site = display_path(&installed.site, &self.machine.logical_cwd());
            self.out_fmt(format_args!("Requirement already satisfied: {spec} in {site}{shown_from} ({})\n", installed.version));
        }
        // The version pip would take from the index: the newest it lists that fits (the
        // simulation installs it only if it recorded its files).
        let recorded: Vec<&'static Package> = index::versions_of(&req.name).into_iter().filter(|p| python_ok(p)).collect();
        let newest = index::available(&req.name)
            .iter()
            .copied()
            .chain(recorded.iter().map(|p| p.version))
            .filter(|v| req.allows(v))
            .max_by(|a, b| Version::parse(a).cmp(&Version::parse(b)));
        let pick = match (installed, newest) {
            // Only what the user named is upgraded (`--upgrade-strategy only-if-needed`), and
            // only to a newer version: at the same version the installed one is kept.
            (Some(installed), Some(newest)) if upgrade && requested && Version::parse(newest) > Version::parse(&installed.version) => self.recorded(&req, &recorded, newest)?,
            (Some(installed), _) => Pick::Installed(installed),
            (None, Some(newest)) => self.recorded(&req, &recorded, newest)?,
            (None, None) => return Err(self.not_found(&req, &spec)),
        };
        if let Pick::New(package) = &pick {
            self.out_fmt(format_args!("Collecting {spec}{shown_from}\n"));
            self.fetch(package);
            session.order.push((key.clone(), depth, requested));
        }
        let path = match &from {
            Some(f) => format!("{spec}->{f}"),
            None => spec,
        };
        session.criteria.push(Criterion {
            key,
            name: req.name.clone(),
            pinned_by_eq: req.pins(),
            has_specifier: !req.clauses.is_empty(),
            order,
            depth,
            path,
            pick,
            pinned: false,
        });
        Ok(())
    }

    /// The recorded package of a version pip chose, or `Err` after saying that the simulation
    /// lacks its files.
    fn recorded(&mut self, req: &Requirement, recorded: &[&'static Package], version: &str) -> Result<Pick, i32> {
        if let Some(package) = recorded.iter().find(|p| p.version == version) {
            return Ok(Pick::New(package));
        }
        let mut have: Vec<&str> = recorded.iter().map(|p| p.version).collect();
        crate::sort::sort_by(&mut have, |a, b| Version::parse(a).cmp(&Version::parse(b)));
        self.err_fmt(format_args!("venvlab: pip would install {} {version} here, but the simulated index holds the files of {} {} only\n", req.name, req.name, have.join(", ")));
        Err(1)
    }

    /// Pins a project's candidate and adds its dependencies, as a round of pip's resolver does.
    fn pin(&mut self, session: &mut Resolution, at: usize) -> Result<(), i32> {
        session.criteria[at].pinned = true;
        let criterion = &session.criteria[at];
        let (path, depth) = (criterion.path.clone(), criterion.depth);
        let requires: Vec<String> = match &criterion.pick {
            Pick::New(package) => package.requires.iter().map(|r| r.to_string()).collect(),
            Pick::Installed(installed) => installed.requirement_texts(),
        };
        for dep in requires.iter().filter_map(|r| Requirement::parse(r).ok()) {
            self.add(session, dep, Some(path.clone()), None, false, depth + 1)?;
        }
        Ok(())
    }

    /// pip's report when no version satisfies a requirement: the versions it ignored (yanked,
    /// or for another Python), then the ones the index has.
    fn not_found(&mut self, req: &Requirement, spec: &str) -> i32 {
        let yanked = index::yanked(&req.name);
        if !yanked.is_empty() {
            self.err_fmt(format_args!("ERROR: Ignored the following yanked versions: {}\n", yanked.join(", ")));
        }
        let other_python: Vec<String> = index::requires_python_excluded(&req.name).iter().map(|(v, spec)| format!("{v} Requires-Python {spec}")).collect();
        if !other_python.is_empty() {
            self.err_fmt(format_args!("ERROR: Ignored the following versions that require a different python version: {}\n", other_python.join("; ")));
        }
        let versions = index::available(&req.name);
        let list = if versions.is_empty() { "none".to_string() } else { versions.join(", ") };
        self.err_fmt(format_args!("ERROR: Could not find a version that satisfies the requirement {spec} (from versions: {list})\nERROR: No matching distribution found for {spec}\n"));
        1
    }

    fn conflict(&mut self, req: &Requirement, chosen: &str) -> i32 {
        let first = format!("{}=={chosen}", req.name);
        let second = format!("{}{}", req.name, req.specifier());
        self.err_fmt(format_args!(
            "ERROR: Cannot install {first} and {second} because these package versions have conflicting dependencies.\n\nThe conflict is caused by:\n    The user requested {first}\n    The user requested {second}\n\nTo fix this you could try to:\n1. loosen the range of package versions you've specified\n2. remove package versions to allow pip to attempt to solve the dependency conflict\n\nERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts\n"
        ));
        1
    }

    /// Prints the download (or cache hit) of a wheel and records it in pip's cache.
    fn fetch(&mut self, package: &Package) {
        let home = self.machine.ctx.var("HOME").unwrap_or("/root").to_string();
        let cache_dir = format!("{home}/.cache/pip/http-v2");
        let entry = join_path(&cache_dir, package.wheel);
        let size = format_size(package.wheel_size);
        if self.machine.ctx.fs.stat(&entry).is_ok_and(|m| m.kind == FileKind::File) {
            self.out_fmt(format_args!("  Using cached {} ({size})\n", package.wheel));
            return;
        }
        self.out_fmt(format_args!("  Downloading {} ({size})\n", package.wheel));
        if package.wheel_size > 40_000 {
            let bar = progress_bar(package.wheel_size);
            self.out(&bar);
        }
        if self.machine.ctx.fs.mkdir_all(&cache_dir).is_ok() {
            let _ = self.machine.ctx.fs.write(&entry, format!("cached download of {}\n", package.wheel).as_bytes());
        }
    }

    /// pip's `decide_user_install`: `--user` (refused in a venv); otherwise the user site only
    /// when it is enabled and the prefix's site-packages is not writeable, which pip says.
    fn decide_user(&mut self, explicit: bool) -> Result<bool, i32> {
        if explicit {
            if self.machine.paths.prefix != self.machine.paths.base_prefix {
                self.err("ERROR: Can not perform a '--user' install. User site-packages are not visible in this virtualenv.\n");
                return Err(1);
            }
            return Ok(true);
        }
        let user_site_enabled = self.machine.paths.pyvenv_cfg.is_none();
        if !user_site_enabled || self.writable(&self.target(false).site) {
            return Ok(false);
        }
        self.out("Defaulting to user installation because normal site-packages is not writeable\n");
        Ok(true)
    }

    /// pip's `test_writable_dir`: whether the directory, or the nearest one above it that
    /// exists, may be written to.
    fn writable(&self, dir: &str) -> bool {
        let mut dir = dir.to_string();
        for _ in 0..64 {
            if self.machine.ctx.fs.stat(&dir).is_ok_and(|m| m.kind == FileKind::Dir) {
                return self.machine.ctx.fs.access(&dir, 2).is_ok();
            }
            match dir.rsplit_once('/') {
                Some(("", _)) if dir != "/" => dir = "/".into(),
                Some((up, _)) if !up.is_empty() => dir = up.to_string(),
                _ => return false,
            }
        }
        false
    }

    /// `--target DIR`: pip installs into a temporary home (`lib/python`, `bin`), then moves
    /// each top-level entry into DIR. One that exists there already is kept, with a warning,
    /// unless `--upgrade` (then it is replaced; a link is kept and warned about).
    fn finish_in_target(&mut self, session: Resolution, dir: &str, upgrade: bool) -> i32 {
        if let Err(e) = self.machine.ctx.fs.mkdir_all(dir) {
            self.err_fmt(format_args!("ERROR: Could not install packages due to an OSError: [Errno {}] {e}: '{dir}'\n\n", e.errno()));
            return 1;
        }
        let home = TARGET_TMPDIR;
        let _ = self.machine.ctx.fs.remove_all(home);
        let staging = Target { site: format!("{home}/lib/python"), bin: format!("{home}/bin"), python: self.machine.paths.executable.clone() };
        let status = self.finish(session, &staging);
        if status != 0 || !self.machine.ctx.fs.exists(home) {
            let _ = self.machine.ctx.fs.remove_all(home);
            return status;
        }
        let mut moves: Vec<(String, String)> = Vec::new();
        for (from, skip) in [(staging.site.as_str(), None), (home, Some("lib"))] {
            for entry in self.machine.ctx.fs.read_dir(from).unwrap_or_default() {
                if skip == Some(entry.name.as_str()) {
                    continue;
                }
                moves.push((join_path(from, &entry.name), join_path(dir, &entry.name)));
            }
        }
        for (from, to) in moves {
            let fs = &mut *self.machine.ctx.fs;
            if let Ok(there) = fs.lstat(&to) {
                if !upgrade {
                    self.err_fmt(format_args!("WARNING: Target directory {to} already exists. Specify --upgrade to force replacement.\n"));
                    continue;
                }
                if there.kind == FileKind::Symlink {
                    self.err_fmt(format_args!("WARNING: Target directory {to} already exists and is a link. pip will not automatically replace links, please remove if replacement is desired.\n"));
                    continue;
                }
                let _ = fs.remove_all(&to);
            }
            if let Err(e) = self.machine.ctx.fs.rename(&from, &to) {
                self.err_fmt(format_args!("ERROR: Could not install packages due to an OSError: [Errno {}] {e}: '{to}'\n\n", e.errno()));
                let _ = self.machine.ctx.fs.remove_all(home);
                return 1;
            }
        }
        let _ = self.machine.ctx.fs.remove_all(home);
        0
    }

    /// pip's warning when it has installed scripts into a directory that is not on `PATH`
    /// (nor the running interpreter's own): `~/.local/bin` after a user install, typically.
    fn warn_scripts_not_on_path(&mut self, bin: &str, scripts: &[&str]) {
        if scripts.is_empty() {
            return;
        }
        let normal = |dir: &str| crate::fs::normalize_path(dir).trim_end_matches('/').to_string();
        let path = self.machine.ctx.var("PATH").unwrap_or("").to_string();
        let executable_dir = self.machine.paths.executable.rsplit_once('/').map(|(d, _)| d.to_string()).unwrap_or_default();
        if path.split(':').map(normal).any(|d| d == normal(bin)) || normal(&executable_dir) == normal(bin) {
            return;
        }
        let mut names: Vec<&str> = scripts.to_vec();
        crate::sort::sort(&mut names);
        let start = match names.split_last() {
            Some((last, [])) => format!("script {last} is"),
            Some((last, rest)) => format!("scripts {} and {last} are", rest.join(", ")),
            None => return,
        };
        let mut text = format!(
            "  WARNING: The {start} installed in '{bin}' which is not on PATH.\n  Consider adding this directory to PATH or, if you prefer to suppress this warning, use --no-warn-script-location.\n"
        );
        if path.split(':').any(|d| d.starts_with('~')) {
            text.push_str("  NOTE: The current PATH contains path(s) starting with `~`, which may not be expanded by all applications.\n");
        }
        self.err(&text);
    }

    /// Removes an installed version that a new one replaces, saying so as pip does.
    fn replace(&mut self, name: &str, old: &Installed) {
        self.out_fmt(format_args!("  Attempting uninstall: {name}\n    Found existing installation: {} {}\n    Uninstalling {}-{}:\n      Successfully uninstalled {}-{}\n", old.name, old.version, old.name, old.version, old.name, old.version));
        let files = self.recorded_files(old);
        self.remove_files(&files);
    }

    /// Installs what was collected into `target`, in pip's order, and reports it; an installed
    /// version is replaced unless installs ignore what is installed (`--target`).
    fn finish(&mut self, session: Resolution, target: &Target) -> i32 {
        if session.order.is_empty() {
            return 0;
        }
        let mut order = session.order.clone();
        crate::sort::sort_by(&mut order, |a, b| (b.1, &b.0).cmp(&(a.1, &a.0)));
        let names: Vec<&str> = order.iter().filter_map(|(k, _, _)| session.new_package(k).map(|(name, _)| name)).collect();
        self.out_fmt(format_args!("Installing collected packages: {}\n", names.join(", ")));
        let _ = self.machine.ctx.fs.mkdir_all(&target.site);
        let _ = self.machine.ctx.fs.mkdir_all(&target.bin);
        let replace = !self.in_target;
        for (key, _, user) in &order {
            let Some((name, package)) = session.new_package(key) else { continue };
            if let Some(old) = self.find_installed(package.name).filter(|_| replace) {
                self.replace(name, &old);
            }
            if let Err(e) = wheel::install(self.machine.ctx.fs, target, package, *user) {
                self.err_fmt(format_args!("ERROR: Could not install packages due to an OSError: [Errno {}] {e}: '{}'\n\n", e.errno(), target.site));
                return 1;
            }
            if !self.in_target && !self.no_warn_script_location {
                self.warn_scripts_not_on_path(&target.bin, package.bin);
            }
        }
        let mut done: Vec<String> = order.iter().filter_map(|(k, _, _)| session.new_package(k).map(|(name, p)| format!("{name}-{}", p.version))).collect();
        crate::sort::sort_by_key(&mut done, |d| d.to_ascii_lowercase());
        self.out_fmt(format_args!("Successfully installed {}\n", done.join(" ")));
        0
    }
}

/// optparse's usage text for `pip list`, printed before an option error.
const LIST_USAGE: &str = "
Usage:   
  pip list [options]
";

/// A string as Python's `json.dumps` writes it (non-ASCII escaped).
fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// optparse's usage text for `pip install`, printed before an option error.
const INSTALL_USAGE: &str = "
Usage:   
  pip install [options] <requirement specifier> [package-index-options] ...
  pip install [options] -r <requirements file> [package-index-options] ...
  pip install [options] [-e] <vcs project url> ...
  pip install [options] [-e] <local project path> ...
  pip install [options] <archive url/path> ...
";

/// The temporary home `pip install --target` installs into before moving the files (random
/// in pip; fixed here, as the simulation has no randomness).
const TARGET_TMPDIR: &str = "/tmp/pip-target-k2v9q1xe";

/// What `pip install` was asked to install, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Wanted {
    Requirement(String),
    /// `-r FILE`.
    File(String),
}

/// `pip install`'s options.
#[derive(Debug, Default, PartialEq, Eq)]
struct InstallOptions {
    upgrade: bool,
    user: bool,
    no_deps: bool,
    force_reinstall: bool,
    break_system_packages: bool,
    no_warn_script_location: bool,
    target: Option<String>,
    wanted: Vec<Wanted>,
}

/// Options of `pip install` that take a value (short forms first): the value is consumed,
/// whether or not the simulation acts on it, so that it is never read as a requirement.
const INSTALL_VALUED: &[(&str, &str)] = &[
    ("-r", "--requirement"),
    ("-c", "--constraint"),
    ("-e", "--editable"),
    ("-t", "--target"),
    ("-i", "--index-url"),
    ("-f", "--find-links"),
    ("", "--extra-index-url"),
    ("", "--platform"),
    ("", "--python-version"),
    ("", "--implementation"),
    ("", "--abi"),
    ("", "--root"),
    ("", "--prefix"),
    ("", "--src"),
    ("", "--upgrade-strategy"),
    ("", "--progress-bar"),
    ("", "--root-user-action"),
    ("", "--report"),
    ("", "--no-binary"),
    ("", "--only-binary"),
    ("", "--config-settings"),
    ("", "--global-option"),
    ("", "--python"),
    ("", "--log"),
    ("", "--cache-dir"),
    ("", "--cert"),
    ("", "--client-cert"),
    ("", "--proxy"),
    ("", "--retries"),
    ("", "--timeout"),
    ("", "--trusted-host"),
    ("", "--exists-action"),
    ("", "--keyring-provider"),
];

impl InstallOptions {
    /// optparse's reading; `Err` is its message (after the usage text, status 2).
    fn parse(args: &[String]) -> Result<InstallOptions, String> {
        let mut o = InstallOptions::default();
        let mut i = 0;
        while i < args.len() {
            let arg = &args[i];
            i += 1;
            let (name, mut value) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
                _ => (arg.clone(), None),
            };
            let valued = INSTALL_VALUED.iter().find(|(short, long)| {
                (!short.is_empty() && (name == *short || (value.is_none() && name.starts_with(short) && !name.starts_with("--")))) || name == *long
            });
            if let Some((short, long)) = valued {
                if value.is_none() && !short.is_empty() && name.len() > short.len() && !name.starts_with("--") {
                    value = Some(name[short.len()..].to_string());
                }
                let value = match value {
                    Some(v) => v,
                    None => match args.get(i) {
                        Some(v) => {
                            i += 1;
                            v.clone()
                        }
                        None => return Err(format!("{} option requires 1 argument", if name.starts_with("--") { long } else { short })),
                    },
                };
                match *long {
                    "--requirement" => o.wanted.push(Wanted::File(value)),
                    "--target" => o.target = Some(value),
                    _ => {}
                }
                continue;
            }
            match name.as_str() {
                "-U" | "--upgrade" => o.upgrade = true,
                "--user" => o.user = true,
                "--no-deps" => o.no_deps = true,
                "--force-reinstall" => o.force_reinstall = true,
                "--break-system-packages" => o.break_system_packages = true,
                "--no-warn-script-location" => o.no_warn_script_location = true,
                a if a.starts_with('-') && a.len() > 1 => {}
                _ => o.wanted.push(Wanted::Requirement(arg.clone())),
            }
        }
        Ok(o)
    }
}

/// Every file under a directory (symbolic links count as files, and are not followed), as
/// `os.walk` finds them; `None` if it is not a directory or holds too much to list.
fn files_below(fs: &crate::fs::Fs, dir: &str) -> Option<Vec<String>> {
    if !fs.lstat(dir).is_ok_and(|m| m.kind == FileKind::Dir) {
        return None;
    }
    let mut found = Vec::new();
    let mut stack = vec![(dir.to_string(), 0usize)];
    while let Some((d, depth)) = stack.pop() {
        for entry in fs.read_dir(&d).ok()? {
            let path = join_path(&d, &entry.name);
            if fs.lstat(&path).is_ok_and(|m| m.kind == FileKind::Dir) {
                if depth >= 64 {
                    return None;
                }
                stack.push((path, depth + 1));
            } else {
                found.push(path);
            }
            if found.len() + stack.len() > 100_000 {
                return None;
            }
        }
    }
    Some(found)
}

/// What one `pip install` works on: the projects in the order pip met them (resolvelib's
/// criteria), and those to install in collection order with their depth and whether the user
/// asked for them.
#[derive(Default)]
struct Resolution {
    criteria: Vec<Criterion>,
    order: Vec<(String, usize, bool)>,
}

impl Resolution {
    /// The project pip's resolver pins next (pip 24.2's `get_preference`): `==` requirements
    /// first, then the shallowest, then in the order the user gave them, then those with a
    /// version specifier, then by name.
    fn next_to_pin(&self) -> Option<usize> {
        self.criteria
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.pinned)
            .min_by_key(|(_, c)| (!c.pinned_by_eq, c.depth, c.order.unwrap_or(usize::MAX), !c.has_specifier, c.key.clone()))
            .map(|(i, _)| i)
    }

    /// The chosen package of a project to install, with the name pip shows for it (as the
    /// first requirement for it spelled it).
    fn new_package(&self, key: &str) -> Option<(&str, &'static Package)> {
        self.criteria.iter().find(|c| c.key == key).and_then(|c| match c.pick {
            Pick::New(package) => Some((c.name.as_str(), package)),
            Pick::Installed(_) => None,
        })
    }
}

/// One project in a resolution.
struct Criterion {
    /// Its canonical name.
    key: String,
    /// Its name as the first requirement for it spelled it, which pip shows when installing.
    name: String,
    /// Whether a requirement pins it with `==`.
    pinned_by_eq: bool,
    /// Whether a requirement gives it a version specifier.
    has_specifier: bool,
    /// Its place among the user's requirements, if the user asked for it.
    order: Option<usize>,
    /// 0 for what the user asked for, 1 for their dependencies...
    depth: usize,
    /// Where its dependencies come from, as pip prints it: `requests`,
    /// `python-dateutil->-r requirements.txt (line 1)`.
    path: String,
    /// The version chosen.
    pick: Pick,
    /// Whether its dependencies were added.
    pinned: bool,
}

/// A project's chosen version: one to install from the index, or the one installed.
enum Pick {
    New(&'static Package),
    Installed(Installed),
}

impl Pick {
    fn version(&self) -> &str {
        match self {
            Pick::New(package) => package.version,
            Pick::Installed(installed) => &installed.version,
        }
    }
}

/// Where a requirement came from: a line of a requirements file.
#[derive(Debug, Clone)]
struct Origin {
    file: String,
    line: usize,
}

/// Whether a package's `Requires-Python` admits CPython 3.12.
fn python_ok(package: &Package) -> bool {
    package.requires_python.is_empty() || Requirement::parse(&format!("python{}", package.requires_python)).is_ok_and(|r| r.allows("3.12.7"))
}

/// pip's size format: `64 kB`, `16.0 MB`, `1.2 kB`, `512 bytes`.
fn format_size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else if bytes >= 10_000 {
        format!("{} kB", bytes / 1000)
    } else if bytes >= 1000 {
        format!("{:.1} kB", bytes as f64 / 1000.0)
    } else {
        format!("{bytes} bytes")
    }
}

/// The finished progress bar pip draws for a download on an 80-column screen.
fn progress_bar(bytes: u64) -> String {
    let (value, unit) = if bytes >= 1_000_000 { (bytes as f64 / 1_000_000.0, "MB") } else { (bytes as f64 / 1000.0, "kB") };
    let size = format!("{value:.1}/{value:.1} {unit}");
    let rate = "312.4 kB/s";
    let width = 61usize.saturating_sub(size.len() + rate.len()).min(40);
    format!("     {} {size} {rate} eta 0:00:00\n", "━".repeat(width))
}

/// A path as pip displays it: relative to the working directory when below it.
fn display_path(path: &str, cwd: &str) -> String {
    match path.strip_prefix(&format!("{cwd}/")) {
        Some(rest) => format!("./{rest}"),
        None => path.to_string(),
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_as_pip_prints_them() {
        assert_eq!(format_size(64_928), "64 kB");
        assert_eq!(format_size(16_000_000), "16.0 MB");
        assert_eq!(format_size(1_500), "1.5 kB");
        assert_eq!(format_size(900), "900 bytes");
    }

    #[test]
    fn metadata_fields_with_continuations() {
        let m = "Name: x\nLicense: line one\n        line two\nRequires-Python: >=3.8\n";
        assert_eq!(metadata_field(m, "License"), "line one\nline two");
        assert_eq!(metadata_field(m, "Author"), "");
    }

    #[test]
    fn json_strings_as_python_dumps_them() {
        assert_eq!(json_string("cowsay"), "\"cowsay\"");
        assert_eq!(json_string("a\"b\\c\td\u{7f}é😀"), "\"a\\\"b\\\\c\\td\\u007f\\u00e9\\ud83d\\ude00\"");
    }

    #[test]
    fn install_options_take_their_values() {
        let args = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let o = InstallOptions::parse(&args(&["-tlib", "--force-reinstall", "-r", "req.txt", "cowsay", "--index-url=https://x", "-i", "https://y"])).unwrap();
        assert_eq!(o.target.as_deref(), Some("lib"));
        assert!(o.force_reinstall);
        assert_eq!(o.wanted, vec![Wanted::File("req.txt".into()), Wanted::Requirement("cowsay".into())]);
        assert_eq!(InstallOptions::parse(&args(&["cowsay", "-r"])).unwrap_err(), "-r option requires 1 argument");
        assert_eq!(InstallOptions::parse(&args(&["--target"])).unwrap_err(), "--target option requires 1 argument");
    }

    #[test]
    fn paths_below_the_working_directory_are_shown_relative() {
        assert_eq!(display_path("/home/kai/p/.venv/lib", "/home/kai/p"), "./.venv/lib");
        assert_eq!(display_path("/usr/lib", "/home/kai/p"), "/usr/lib");
    }
}
