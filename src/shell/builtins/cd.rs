//! `cd` and `pwd`: the logical working directory (`$PWD`, symlinks kept as typed) beside the
//! process's physical one.

use super::super::exec::Interp;


/// `cd [-L|-P] [DIR]`, `cd -`.
pub(crate) fn cd(it: &mut Interp, argv: &[String]) -> i32 {
    let mut physical = false;
    let mut args = Vec::new();
    for arg in &argv[1..] {
        match arg.as_str() {
            "-P" => physical = true,
            "-L" => physical = false,
            _ => args.push(arg.clone()),
        }
    }
    if args.len() > 1 {
        it.error("cd: too many arguments");
        return 1;
    }
    let mut print = false;
    let target = match args.first().map(String::as_str) {
        None => match it.sh.vars.get("HOME") {
            Some(home) => home.to_string(),
            None => {
                it.error("cd: HOME not set");
                return 1;
            }
        },
        Some("-") => match it.sh.vars.get("OLDPWD") {
            Some(old) => {
                print = true;
                old.to_string()
            }
            None => {
                it.error("cd: OLDPWD not set");
                return 1;
            }
        },
        Some(dir) => dir.to_string(),
    };
    if target.is_empty() {
        return 0;
    }
    let logical = if target.starts_with('/') { crate::fs::normalize_path(&target) } else { crate::fs::normalize_path(&format!("{}/{target}", it.sh.pwd)) };
    let result = if physical { it.fs.chdir(&target) } else { it.fs.chdir(&logical).or_else(|_| it.fs.chdir(&target)) };
    if let Err(e) = result {
        it.error(format_args!("cd: {target}: {e}"));
        return 1;
    }
    let new_pwd = if physical || it.fs.realpath(&logical).ok() != it.fs.cwd_path().ok() {
        it.fs.cwd_path().unwrap_or(logical)
    } else {
        logical
    };
    let old = std::mem::replace(&mut it.sh.pwd, new_pwd.clone());
    it.sh.vars.set("OLDPWD", old);
    it.sh.vars.set("PWD", new_pwd.clone());
    if print {
        super::out(it, format!("{new_pwd}\n"));
    }
    0
}

/// `pwd [-L|-P]`.
pub(crate) fn pwd(it: &mut Interp, argv: &[String]) -> i32 {
    let physical = argv[1..].iter().any(|a| a == "-P");
    let path = if physical { it.fs.cwd_path() } else { Ok(it.sh.pwd.clone()) };
    match path {
        Ok(path) => {
            super::out(it, format!("{path}\n"));
            0
        }
        Err(e) => {
            it.error(format_args!("pwd: error retrieving current directory: getcwd: cannot access parent directories: {e}"));
            1
        }
    }
}
