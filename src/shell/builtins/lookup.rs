//! Builtins that say what a name is or run it bypassing functions: `type`, `command`,
//! `builtin`, `hash`.

use super::super::exec::Interp;
use super::super::print;

/// What a name means to the shell, in bash's order of precedence.
enum Kind {
    Alias(String),
    Keyword,
    Function(std::rc::Rc<crate::shell::ast::Command>),
    Builtin,
    Hashed(String),
    File(String),
}

/// Every meaning of a name (all of them for `type -a`, else the first); a `PATH` search is
/// traced as done `by` the builtin asking.
fn kinds(it: &mut Interp, name: &str, all: bool, by: &str) -> Vec<Kind> {
    let mut found = Vec::new();
    if let Some(v) = it.sh.aliases.get(name) {
        found.push(Kind::Alias(v.clone()));
    }
    if super::KEYWORDS.contains(&name) {
        found.push(Kind::Keyword);
    }
    if let Some(f) = it.sh.functions.get(name) {
        found.push(Kind::Function(f.clone()));
    }
    if super::find(name).is_some() {
        found.push(Kind::Builtin);
    }
    if !all && !found.is_empty() {
        return found;
    }
    if name.contains('/') {
        if it.fs.access(name, 1).is_ok() {
            found.push(Kind::File(name.to_string()));
        }
        return found;
    }
    // Looking a hashed name up counts as a hit, as bash's `type` shows in `hash` afterwards.
    if let Some(path) = (!all).then(|| it.sh.hash.hit(name)).flatten() {
        found.push(Kind::Hashed(path));
        return found;
    }
    let path_var = it.sh.vars.get("PATH").unwrap_or("").to_string();
    let on_path = crate::programs::search_path_traced(it.fs, it.trace, by, name, &path_var, all);
    found.extend(on_path.into_iter().map(Kind::File));
    found
}

/// `type [-t|-p|-a] NAME...`.
pub(crate) fn type_(it: &mut Interp, argv: &[String]) -> i32 {
    let opts: String = argv[1..].iter().filter(|a| a.starts_with('-') && a.len() > 1).map(|a| &a[1..]).collect();
    let (terse, path_only, all) = (opts.contains('t'), opts.contains('p') || opts.contains('P'), opts.contains('a'));
    let mut status = 0;
    for name in argv[1..].iter().filter(|a| !(a.starts_with('-') && a.len() > 1)) {
        let found = kinds(it, name, all, "type");
        if found.is_empty() {
            if !terse && !path_only {
                it.error(format_args!("type: {name}: not found"));
            }
            status = 1;
            continue;
        }
        let mut text = String::new();
        for kind in found {
            text.push_str(&match (kind, terse, path_only) {
                (Kind::Hashed(p) | Kind::File(p), _, true) => format!("{p}\n"),
                (_, _, true) => String::new(),
                (Kind::Alias(_), true, _) => "alias\n".into(),
                (Kind::Keyword, true, _) => "keyword\n".into(),
                (Kind::Function(_), true, _) => "function\n".into(),
                (Kind::Builtin, true, _) => "builtin\n".into(),
                (Kind::Hashed(_) | Kind::File(_), true, _) => "file\n".into(),
                (Kind::Alias(v), ..) => format!("{name} is aliased to `{v}'\n"),
                (Kind::Keyword, ..) => format!("{name} is a shell keyword\n"),
                (Kind::Function(body), ..) => format!("{name} is a function\n{}\n", print::function(name, &body)),
                (Kind::Builtin, ..) => format!("{name} is a shell builtin\n"),
                (Kind::Hashed(p), ..) => format!("{name} is hashed ({p})\n"),
                (Kind::File(p), ..) => format!("{name} is {p}\n"),
            });
        }
        super::out(it, text);
    }
    status
}

/// `command [-v|-V] NAME [ARGS]`: describe a name, or run it skipping functions.
pub(crate) fn command(it: &mut Interp, argv: &[String]) -> i32 {
    match argv.get(1).map(String::as_str) {
        Some("-v") | Some("-V") => {
            let verbose = argv[1] == "-V";
            let mut status = 0;
            for name in &argv[2..] {
                let Some(kind) = kinds(it, name, false, "command").into_iter().next() else {
                    if verbose {
                        it.error(format_args!("command: {name}: not found"));
                    }
                    status = 1;
                    continue;
                };
                let line = match (kind, verbose) {
                    (Kind::Alias(v), false) => format!("alias {name}={}\n", super::alias::single_quote(&v)),
                    (Kind::Hashed(p) | Kind::File(p), false) => format!("{p}\n"),
                    (_, false) => format!("{name}\n"),
                    (Kind::Alias(v), true) => format!("{name} is aliased to `{v}'\n"),
                    (Kind::Keyword, true) => format!("{name} is a shell keyword\n"),
                    (Kind::Function(body), true) => format!("{name} is a function\n{}\n", print::function(name, &body)),
                    (Kind::Builtin, true) => format!("{name} is a shell builtin\n"),
                    (Kind::Hashed(p), true) => format!("{name} is hashed ({p})\n"),
                    (Kind::File(p), true) => format!("{name} is {p}\n"),
                };
                super::out(it, line);
            }
            status
        }
        None => 0,
        Some(_) => {
            let args = argv[1..].to_vec();
            if let Some(builtin) = super::find(&args[0]) {
                return builtin(it, &args);
            }
            let env = it.sh.vars.environment();
            it.run_external(args, env)
        }
    }
}

/// `builtin NAME [ARGS]`: runs a builtin even if a function has its name.
pub(crate) fn builtin(it: &mut Interp, argv: &[String]) -> i32 {
    let Some(name) = argv.get(1) else { return 0 };
    match super::find(name) {
        Some(f) => f(it, &argv[1..]),
        None => {
            it.error(format_args!("builtin: {name}: not a shell builtin"));
            1
        }
    }
}

/// `hash`, `hash -r`, `hash NAME...`, `hash -d NAME`.
pub(crate) fn hash(it: &mut Interp, argv: &[String]) -> i32 {
    let args = &argv[1..];
    if args.is_empty() {
        let listing = it.sh.hash.listing();
        if listing.is_empty() {
            super::out(it, "hash: hash table empty\n");
            return 0;
        }
        let mut text = String::from("hits\tcommand\n");
        for e in listing {
            text.push_str(&format!("{:>4}\t{}\n", e.hits, e.path));
        }
        super::out(it, text);
        return 0;
    }
    let mut status = 0;
    let mut delete = false;
    for arg in args {
        match arg.as_str() {
            "-r" => it.sh.hash.clear(),
            "-d" => delete = true,
            name if delete => {
                if !it.sh.hash.remove(name) {
                    it.error(format_args!("hash: {name}: not found"));
                    status = 1;
                }
            }
            name => {
                if super::find(name).is_some() || it.sh.functions.contains_key(name) {
                    continue;
                }
                let path_var = it.sh.vars.get("PATH").map(str::to_string);
                match crate::shell::execfile::search_path(it.fs, name, path_var.as_deref()).1 {
                    Some(path) => it.sh.hash.insert(name, &path, 0),
                    None => {
                        it.error(format_args!("hash: {name}: not found"));
                        status = 1;
                    }
                }
            }
        }
    }
    status
}
