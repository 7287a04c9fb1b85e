//! The native behaviour behind the console scripts of bundled packages (`cowsay`, `f2py`,
//! `numpy-config`), reached only through the packages' own files on `sys.path`.

use super::host::Machine;
use super::index;
use crate::fs::join_path;

/// The cow, drawn after the speech bubble, each line indented by the bubble's text width.
const COW: &[&str] = &["\\", " \\", "   ^__^", "   (oo)\\_______", "   (__)\\       )\\/\\", "       ||----w |", "       ||     ||"];

/// Widest line of text in the bubble; longer lines are cut, as cowsay 6.1 does.
const BUBBLE_WIDTH: usize = 49;

/// The bubble and cow for a text, as cowsay 6.1 prints them.
pub fn draw(text: &str) -> String {
    let lines: Vec<String> = text
        .split('\n')
        .filter(|l| !l.is_empty())
        .flat_map(|l| l.chars().collect::<Vec<_>>().chunks(BUBBLE_WIDTH).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>())
        .collect();
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut out = vec![format!("  {}", "_".repeat(width))];
    if lines.len() > 1 {
        out.push(format!(" /{}\\", " ".repeat(width)));
    }
    for line in &lines {
        out.push(format!("| {line}{}|", " ".repeat(width - line.chars().count() + 1)));
    }
    if lines.len() > 1 {
        out.push(format!(" \\{}/", " ".repeat(width)));
    }
    out.push(format!("  {}", "=".repeat(width)));
    out.extend(COW.iter().map(|l| format!("{}{l}", " ".repeat(width))));
    out.iter().map(|l| format!("{l}\n")).collect()
}

/// `cowsay [-h] [-c CHARACTER] -t TEXT [-v]`.
pub fn cowsay(machine: &mut Machine) -> i32 {
    let args: Vec<String> = machine.argv.iter().skip(1).cloned().collect();
    let mut text = None;
    let mut character = "cow".to_string();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "-h" | "--help" => {
                machine.ctx.out(index::behaviour("cowsay_help"));
                return 0;
            }
            "-v" | "--version" => {
                machine.ctx.out(index::behaviour("cowsay_version"));
                return 0;
            }
            "-t" | "--text" => {
                text = args.get(i + 1).cloned();
                i += 1;
            }
            "-c" | "--character" => {
                character = args.get(i + 1).cloned().unwrap_or_default();
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    let Some(text) = text else {
        machine.ctx.err(index::behaviour("cowsay_no_args"));
        return 2;
    };
    if character != "cow" {
        machine.ctx.err_fmt(format_args!("venvlab: only the cow is drawn in this simulation, not '{character}'\n"));
        return 1;
    }
    machine.ctx.out(draw(&text));
    0
}

/// The version of numpy as installed on `sys.path` (its `.dist-info`), if any.
fn numpy_version(machine: &Machine) -> Option<String> {
    machine.paths.path.iter().find_map(|dir| {
        let entries = machine.ctx.fs.read_dir(dir).ok()?;
        let name = entries.iter().find(|e| e.name.starts_with("numpy-") && e.name.ends_with(".dist-info"))?.name.clone();
        let metadata = machine.ctx.fs.read(&join_path(&join_path(dir, &name), "METADATA")).ok()?;
        String::from_utf8_lossy(&metadata).lines().find_map(|l| l.strip_prefix("Version: ").map(str::to_string))
    })
}

/// `f2py` (numpy's Fortran wrapper generator): `-v` prints the numpy version.
pub fn f2py(machine: &mut Machine) -> i32 {
    let version = numpy_version(machine).unwrap_or_default();
    if machine.argv.iter().skip(1).any(|a| a == "-v" || a == "--version") {
        machine.ctx.out_fmt(format_args!("{version}\n"));
        return 0;
    }
    machine.ctx.err("venvlab: f2py only reports its version (-v) in this simulation\n");
    1
}

/// `numpy-config --version`.
pub fn numpy_config(machine: &mut Machine) -> i32 {
    let version = numpy_version(machine).unwrap_or_default();
    if machine.argv.iter().skip(1).any(|a| a == "--version") {
        machine.ctx.out_fmt(format_args!("{version}\n"));
        return 0;
    }
    machine.ctx.err("venvlab: numpy-config only reports its version (--version) in this simulation\n");
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cow_matches_cowsay_6_1() {
        assert_eq!(draw("hi"), index::behaviour("cowsay_hi"));
        let long = draw("hello world, this is a rather long line of text that must wrap somewhere");
        assert!(long.starts_with("  _________________________________________________\n /                                                 \\\n| hello world, this is a rather long line of text t |\n| hat must wrap somewhere                           |\n"));
    }
}
