//! The simulated machine as the Python interpreter sees it: standard streams, module lookup on
//! `sys.path` in the filesystem, and the native modules CPython has built in or frozen (`sys`,
//! `os`, `site`, `re`) plus `_venvlab`, the native side of `venv`, `pip` and the console
//! scripts of the bundled packages.
//!
//! Only source files found on `sys.path` are imported, and each import is traced. A package's
//! code reaches native behaviour only by importing `_venvlab` from its own files, so deleting
//! or moving those files breaks it as it would break the real package.

use super::lang::{Exception, Found, Host, NativeModule, Value};
use super::startup::{Build, Paths};
use crate::fs::{join_path, FileKind};
use crate::programs::{regex::Regex, Ctx};
use crate::trace::Event;

/// A running Python process on the machine.
pub struct Machine<'c, 'a> {
    /// The process context (filesystem, environment, streams).
    pub ctx: &'c mut Ctx<'a>,
    /// The interpreter's build.
    pub build: Build,
    /// Start-up's results.
    pub paths: Paths,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// The exit status a native entry point asked for, if any.
    pub exit: Option<i32>,
}

/// Modules CPython has compiled in or frozen, answered before `sys.path` is searched.
const NATIVE: &[&str] = &["os", "posixpath", "site", "re", "_venvlab"];

impl Host for Machine<'_, '_> {
    fn stdout(&mut self, text: &str) {
        self.ctx.out(text);
    }

    fn stderr(&mut self, text: &str) {
        self.ctx.err(text);
    }

    fn find_module(&mut self, name: &str, search_path: &[String]) -> Option<Found> {
        if !name.contains('.') && NATIVE.contains(&name) {
            return Some(Found::Native(self.native_module(name)));
        }
        let last = name.rsplit('.').next().unwrap_or(name);
        let cwd = self.ctx.fs.cwd_path().unwrap_or_else(|_| "/".into());
        let mut searched = Vec::new();
        for dir in search_path {
            let base = if dir.is_empty() { cwd.clone() } else { dir.clone() };
            searched.push(dir.clone());
            let package = join_path(&join_path(&base, last), "__init__.py");
            let module = join_path(&base, &format!("{last}.py"));
            for (path, is_package) in [(package, true), (module, false)] {
                if self.ctx.fs.stat(&path).is_ok_and(|m| m.kind == FileKind::File) {
                    let text = self.ctx.fs.read(&path).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
                    self.ctx.trace.push(Event::Import { module: name.into(), searched, found: Some(path.clone()) });
                    return Some(Found::Source { path, text, is_package });
                }
            }
        }
        self.ctx.trace.push(Event::Import { module: name.into(), searched, found: None });
        None
    }

    fn read_line(&mut self, prompt: &str) -> Option<String> {
        self.ctx.out(prompt);
        self.ctx.io.read_line().map(|b| String::from_utf8_lossy(&b).into_owned())
    }

    fn call(&mut self, function: &str, args: &[Value], kwargs: &[(String, Value)]) -> Result<Value, Exception> {
        let arg = |i: usize| args.get(i).and_then(Value::as_str).unwrap_or("").to_string();
        match function {
            "os.getcwd" => Ok(Value::str(&self.logical_cwd())),
            "os.path.exists" => Ok(Value::Bool(self.ctx.fs.stat(&self.absolute(&arg(0))).is_ok())),
            "os.path.isdir" => Ok(Value::Bool(self.kind(&arg(0)) == Some(FileKind::Dir))),
            "os.path.isfile" => Ok(Value::Bool(self.kind(&arg(0)) == Some(FileKind::File))),
            "os.path.abspath" => Ok(Value::str(&self.absolute(&arg(0)))),
            "os.listdir" => {
                let dir = if args.is_empty() { ".".to_string() } else { arg(0) };
                match self.ctx.fs.read_dir(&self.absolute(&dir)) {
                    Ok(entries) => Ok(Value::list(entries.iter().map(|e| Value::str(&e.name)).collect())),
                    Err(e) => Err(os_error(e, &dir)),
                }
            }
            "re.sub" => regex_sub(&arg(0), &arg(1), &arg(2)),
            "re.search" | "re.match" => {
                let anchored = function == "re.match";
                regex_find(&arg(0), &arg(1), anchored).map(|m| m.map_or(Value::None, |(s, e)| Value::str(&arg(1)[s..e])))
            }
            other => super::natives::call(self, other, args, kwargs),
        }
    }
}

impl Machine<'_, '_> {
    /// The working directory as `os.getcwd()` reports it (physical).
    pub fn logical_cwd(&self) -> String {
        self.ctx.fs.cwd_path().unwrap_or_else(|_| "/".into())
    }

    /// A path made absolute against the working directory.
    pub fn absolute(&self, path: &str) -> String {
        if path.starts_with('/') {
            path.to_string()
        } else {
            join_path(&self.logical_cwd(), path)
        }
    }

    fn kind(&self, path: &str) -> Option<FileKind> {
        self.ctx.fs.stat(&self.absolute(path)).ok().map(|m| m.kind)
    }

    /// The `sys` module of this process.
    pub fn sys_module(&self) -> NativeModule {
        let strings = |items: &[String]| Value::list(items.iter().map(|s| Value::str(s)).collect());
        let parts: Vec<i128> = self.build.version.split('.').filter_map(|p| p.parse().ok()).collect();
        let version_info = Value::tuple(vec![
            Value::Int(parts.first().copied().unwrap_or(3)),
            Value::Int(parts.get(1).copied().unwrap_or(12)),
            Value::Int(parts.get(2).copied().unwrap_or(0)),
            Value::str("final"),
            Value::Int(0),
        ]);
        let p = &self.paths;
        NativeModule {
            name: "sys".into(),
            attrs: vec![
                ("argv".into(), strings(&self.argv)),
                ("path".into(), strings(&p.path)),
                ("prefix".into(), Value::str(&p.prefix)),
                ("exec_prefix".into(), Value::str(&p.prefix)),
                ("base_prefix".into(), Value::str(&p.base_prefix)),
                ("base_exec_prefix".into(), Value::str(&p.base_prefix)),
                ("executable".into(), Value::str(&p.executable)),
                ("_base_executable".into(), Value::str(&p.base_executable)),
                ("version".into(), Value::str(&self.build.version_text())),
                ("version_info".into(), version_info),
                ("platform".into(), Value::str("linux")),
                ("byteorder".into(), Value::str("little")),
                ("maxsize".into(), Value::Int(i64::MAX.into())),
            ],
        }
    }

    fn native_module(&self, name: &str) -> NativeModule {
        use super::natives::{self as n, function};
        let attrs = match name {
            "os" | "posixpath" => {
                let environ = Value::dict(self.ctx.env.iter().map(|(k, v)| (k.clone(), Value::str(v))).collect());
                let path = Value::module(
                    "posixpath",
                    vec![
                        function("os.path.exists", n::path_exists),
                        function("os.path.isdir", n::path_isdir),
                        function("os.path.isfile", n::path_isfile),
                        function("os.path.abspath", n::path_abspath),
                        function("os.path.join", n::path_join),
                        ("sep".into(), Value::str("/")),
                    ],
                );
                vec![
                    ("environ".into(), environ),
                    ("name".into(), Value::str("posix")),
                    ("sep".into(), Value::str("/")),
                    ("path".into(), path),
                    function("os.getcwd", n::os_getcwd),
                    function("os.listdir", n::os_listdir),
                ]
            }
            "site" => vec![
                function("site.getsitepackages", n::site_getsitepackages),
                ("ENABLE_USER_SITE".into(), Value::Bool(self.paths.pyvenv_cfg.is_none())),
            ],
            "re" => vec![function("re.sub", n::re_sub), function("re.search", n::re_search), function("re.match", n::re_match)],
            _ => n::venvlab_module(),
        };
        NativeModule { name: name.into(), attrs }
    }
}

/// `OSError` subclasses as Python names them for an errno.
pub fn os_error(e: crate::fs::FsError, path: &str) -> Exception {
    let kind = match e {
        crate::fs::FsError::NotFound => "FileNotFoundError",
        crate::fs::FsError::Exists => "FileExistsError",
        crate::fs::FsError::AccessDenied | crate::fs::FsError::NotPermitted => "PermissionError",
        crate::fs::FsError::NotDir => "NotADirectoryError",
        crate::fs::FsError::IsDir => "IsADirectoryError",
        _ => "OSError",
    };
    Exception::new(kind, format!("[Errno {}] {e}: '{path}'", e.errno()))
}

fn compile(pattern: &str) -> Result<Regex, Exception> {
    Regex::new(pattern, true, false).map_err(|e| Exception::new("re.error", e))
}

/// The first (leftmost, longest) match of a pattern in text, as byte offsets.
fn regex_find(pattern: &str, text: &str, anchored: bool) -> Result<Option<(usize, usize)>, Exception> {
    let re = compile(pattern)?;
    let chars = re.prepare(text);
    let starts: Vec<usize> = if anchored { vec![0] } else { (0..=chars.len()).collect() };
    let byte = |i: usize| chars[..i].iter().map(|c| c.len_utf8()).sum::<usize>();
    for start in starts {
        if let Some(&end) = re.ends_from(&chars, start).iter().max() {
            return Ok(Some((byte(start), byte(end))));
        }
    }
    Ok(None)
}

/// `re.sub(pattern, replacement, text)` for every non-overlapping match.
fn regex_sub(pattern: &str, replacement: &str, text: &str) -> Result<Value, Exception> {
    let re = compile(pattern)?;
    let chars = re.prepare(text);
    let mut out = String::new();
    let mut i = 0;
    while i <= chars.len() {
        match re.ends_from(&chars, i).iter().max() {
            Some(&end) => {
                out.push_str(replacement);
                if end == i {
                    if let Some(c) = chars.get(i) {
                        out.push(*c);
                    }
                    i += 1;
                } else {
                    i = end;
                }
            }
            None => {
                if let Some(c) = chars.get(i) {
                    out.push(*c);
                }
                i += 1;
            }
        }
    }
    Ok(Value::str(&out))
}
