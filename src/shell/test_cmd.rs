//! `test` and `[`: file, string and integer conditions with bash's parsing by argument count
//! and its error messages.

use super::exec::Interp;
use crate::fs::FileKind;

/// Runs `test ARGS` or `[ ARGS ]`; `argv[0]` tells which.
pub(crate) fn test(interp: &mut Interp, argv: &[String]) -> i32 {
    let mut args: Vec<&str> = argv[1..].iter().map(String::as_str).collect();
    if argv[0] == "[" {
        if args.last() != Some(&"]") {
            interp.error("[: missing `]'");
            return 2;
        }
        args.pop();
    }
    match eval(interp, &args) {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(message) => {
            interp.error(format_args!("{}: {message}", argv[0]));
            2
        }
    }
}

/// POSIX's rules by number of arguments, then `-a`/`-o`/`!`/parentheses for longer forms.
fn eval(interp: &Interp, args: &[&str]) -> Result<bool, String> {
    match args {
        [] => Ok(false),
        [one] => Ok(!one.is_empty()),
        ["!", one] => Ok(one.is_empty()),
        [op, operand] if is_unary(op) => unary(interp, op, operand),
        [first, _] => Err(format!("{first}: unary operator expected")),
        ["!", a, b] => Ok(!eval(interp, &[a, b])?),
        [a, op, b] if is_binary(op) => binary(a, op, b),
        ["(", x, ")"] => Ok(!x.is_empty()),
        [a, "-a", b] => Ok(!a.is_empty() && !b.is_empty()),
        [a, "-o", b] => Ok(!a.is_empty() || !b.is_empty()),
        [_, op, _] => Err(format!("{op}: binary operator expected")),
        ["!", rest @ ..] if rest.len() == 3 => Ok(!eval(interp, rest)?),
        _ => {
            if let Some(i) = args.iter().position(|a| *a == "-o") {
                return Ok(eval(interp, &args[..i])? || eval(interp, &args[i + 1..])?);
            }
            if let Some(i) = args.iter().position(|a| *a == "-a") {
                return Ok(eval(interp, &args[..i])? && eval(interp, &args[i + 1..])?);
            }
            if args.first() == Some(&"(") && args.last() == Some(&")") {
                return eval(interp, &args[1..args.len() - 1]);
            }
            Err("too many arguments".to_string())
        }
    }
}

fn is_unary(op: &str) -> bool {
    matches!(op, "-e" | "-f" | "-d" | "-L" | "-h" | "-x" | "-r" | "-w" | "-s" | "-z" | "-n" | "-a" | "-b" | "-c" | "-p" | "-S" | "-t" | "-g" | "-u" | "-k" | "-O" | "-G" | "-N" | "-v")
}

fn is_binary(op: &str) -> bool {
    matches!(op, "=" | "==" | "!=" | "<" | ">" | "-eq" | "-ne" | "-lt" | "-le" | "-gt" | "-ge" | "-nt" | "-ot" | "-ef")
}

fn unary(interp: &Interp, op: &str, operand: &str) -> Result<bool, String> {
    let fs = &*interp.fs;
    let stat = fs.stat(operand).ok();
    Ok(match op {
        "-e" | "-a" => stat.is_some(),
        "-f" => stat.is_some_and(|m| m.kind == FileKind::File),
        "-d" => stat.is_some_and(|m| m.kind == FileKind::Dir),
        "-L" | "-h" => fs.lstat(operand).is_ok_and(|m| m.kind == FileKind::Symlink),
        "-x" => stat.is_some() && fs.access(operand, 1).is_ok(),
        "-r" => stat.is_some() && fs.access(operand, 4).is_ok(),
        "-w" => stat.is_some() && fs.access(operand, 2).is_ok(),
        "-s" => stat.is_some_and(|m| m.size > 0),
        "-O" => stat.is_some_and(|m| m.uid == fs.cred().uid),
        "-G" => stat.is_some_and(|m| m.gid == fs.cred().gid),
        "-z" => operand.is_empty(),
        "-n" => !operand.is_empty(),
        "-v" => interp.sh.vars.get(operand).is_some(),
        _ => false,
    })
}

fn binary(a: &str, op: &str, b: &str) -> Result<bool, String> {
    let int = |s: &str| -> Result<i64, String> {
        s.trim().parse::<i64>().map_err(|_| format!("{s}: integer expression expected"))
    };
    Ok(match op {
        "=" | "==" => a == b,
        "!=" => a != b,
        "<" => a < b,
        ">" => a > b,
        "-eq" => int(a)? == int(b)?,
        "-ne" => int(a)? != int(b)?,
        "-lt" => int(a)? < int(b)?,
        "-le" => int(a)? <= int(b)?,
        "-gt" => int(a)? > int(b)?,
        "-ge" => int(a)? >= int(b)?,
        _ => false,
    })
}
