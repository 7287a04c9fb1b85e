//! `seq`: print a sequence of numbers, as GNU coreutils 9.1 does.
//!
//! `seq LAST`, `seq FIRST LAST`, `seq FIRST INCREMENT LAST`; numbers may be negative or have
//! decimals (printed with as many decimals as FIRST and INCREMENT have). `-s SEP` separates
//! with SEP instead of newlines, `-w` pads integers with zeros to equal width. Output stops
//! once it exceeds what the simulation would keep of it.

use super::args::usage_error;
use super::Ctx;
use crate::io::MAX_OUTPUT;

/// A parsed operand: its value and how many decimals it was written with.
#[derive(Debug, Clone, Copy)]
struct Number {
    value: f64,
    decimals: usize,
    integer: Option<i128>,
}

fn parse_number(s: &str) -> Option<Number> {
    let t = s.trim_start().strip_prefix('+').unwrap_or(s.trim_start());
    let value: f64 = t.parse().ok().filter(|v: &f64| v.is_finite())?;
    if t.contains(['e', 'E', 'x', 'X', 'i', 'n', 'I', 'N']) {
        return Some(Number { value, decimals: 0, integer: None });
    }
    let decimals = t.split_once('.').map(|(_, f)| f.len()).unwrap_or(0);
    let integer = if decimals == 0 && !t.contains('.') { t.parse::<i128>().ok() } else { None };
    Some(Number { value, decimals, integer })
}

/// Entry point of `seq`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let mut separator = "\n".to_string();
    let mut equal_width = false;
    let mut operands = Vec::new();
    let mut i = 1;
    while let Some(arg) = argv.get(i) {
        i += 1;
        let numeric = arg.strip_prefix('-').is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit() || c == '.'));
        if !operands.is_empty() || numeric || !arg.starts_with('-') || arg == "-" {
            operands.push(arg.clone());
            continue;
        }
        if arg == "--" {
            operands.extend(argv.get(i..).unwrap_or_default().iter().cloned());
            break;
        }
        match arg.as_str() {
            "-w" | "--equal-width" => equal_width = true,
            "-s" | "--separator" => match argv.get(i) {
                Some(v) => {
                    separator = v.clone();
                    i += 1;
                }
                None => return usage_error(ctx, "seq", "option requires an argument -- 's'"),
            },
            a if a.starts_with("-s") => separator = a[2..].to_string(),
            a if a.starts_with("--separator=") => separator = a["--separator=".len()..].to_string(),
            a if a.starts_with("--") => return usage_error(ctx, "seq", &format!("unrecognized option '{a}'")),
            a => return usage_error(ctx, "seq", &format!("invalid option -- '{}'", a.chars().nth(1).unwrap_or('-'))),
        }
    }
    if operands.is_empty() {
        return usage_error(ctx, "seq", "missing operand");
    }
    if operands.len() > 3 {
        return usage_error(ctx, "seq", &format!("extra operand \u{2018}{}\u{2019}", operands[3]));
    }
    let mut numbers = Vec::new();
    for op in &operands {
        match parse_number(op) {
            Some(n) => numbers.push(n),
            None => return usage_error(ctx, "seq", &format!("invalid floating point argument: \u{2018}{op}\u{2019}")),
        }
    }
    let one = Number { value: 1.0, decimals: 0, integer: Some(1) };
    let (first, step, last) = match numbers.as_slice() {
        [last] => (one, one, *last),
        [first, last] => (*first, one, *last),
        [first, step, last] => (*first, *step, *last),
        _ => return 1,
    };
    if step.value == 0.0 {
        return usage_error(ctx, "seq", &format!("invalid Zero increment value: \u{2018}{}\u{2019}", operands[1]));
    }
    let mut out = String::new();
    let mut sep = "";
    if let (Some(a), Some(s), Some(z)) = (first.integer, step.integer, last.integer) {
        let width = if equal_width { a.to_string().len().max(z.to_string().len()) } else { 0 };
        let mut x = a;
        while (s > 0 && x <= z) || (s < 0 && x >= z) {
            let text =
                if x < 0 { format!("-{:0>w$}", -x, w = width.saturating_sub(1)) } else { format!("{x:0>width$}") };
            out.push_str(sep);
            out.push_str(&text);
            sep = &separator;
            if out.len() > MAX_OUTPUT {
                break;
            }
            x = match x.checked_add(s) {
                Some(next) => next,
                None => break,
            };
        }
    } else {
        let decimals = first.decimals.max(step.decimals);
        let mut k: f64 = 0.0;
        loop {
            let x = first.value + k * step.value;
            if (step.value > 0.0 && x > last.value) || (step.value < 0.0 && x < last.value) {
                break;
            }
            out.push_str(sep);
            out.push_str(&format!("{x:.decimals$}"));
            sep = &separator;
            if out.len() > MAX_OUTPUT {
                break;
            }
            k += 1.0;
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    ctx.out(out);
    0
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::fresh;

    fn seq(args: &[&str]) -> (String, String, i32) {
        fresh("seq", args, b"")
    }

    #[test]
    fn sequences() {
        assert_eq!(seq(&["3"]).0, "1\n2\n3\n");
        assert_eq!(seq(&["2", "4"]).0, "2\n3\n4\n");
        assert_eq!(seq(&["1", "2", "6"]).0, "1\n3\n5\n");
        assert_eq!(seq(&["5", "1"]).0, "");
        assert_eq!(seq(&["5", "-2", "1"]).0, "5\n3\n1\n");
        assert_eq!(seq(&["-2", "0"]).0, "-2\n-1\n0\n");
        assert_eq!(seq(&["-w", "8", "10"]).0, "08\n09\n10\n");
        assert_eq!(seq(&["-s", ",", "3"]).0, "1,2,3\n");
        assert_eq!(seq(&["1.5", "3"]).0, "1.5\n2.5\n");
        assert_eq!(seq(&["0", "0.5", "1"]).0, "0.0\n0.5\n1.0\n");
    }

    #[test]
    fn errors_and_bounds() {
        assert_eq!(
            seq(&["x"]),
            (
                String::new(),
                "seq: invalid floating point argument: \u{2018}x\u{2019}\nTry 'seq --help' for more information.\n"
                    .into(),
                1
            )
        );
        assert_eq!(seq(&[]).1, "seq: missing operand\nTry 'seq --help' for more information.\n");
        assert_eq!(seq(&["1", "0", "3"]).2, 1);
        let (out, _, status) = seq(&["1000000000000000000"]);
        assert_eq!(status, 0);
        assert!(out.len() <= crate::io::MAX_OUTPUT + 64);
    }
}
