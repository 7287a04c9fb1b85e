//! `cmp`: compares two files byte by byte and reports the first difference.

use super::args::{self, Spec};
use super::Ctx;

const SPEC: Spec = Spec { prog: "cmp", flags: "s", with_value: "", long: &[("quiet", "s", false), ("silent", "s", false)] };

/// Entry point of `cmp`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, argv.get(1..).unwrap_or_default()) else { return 2 };
    let silent = parsed.has("s");
    let names: Vec<String> = match parsed.operands.as_slice() {
        [] => {
            ctx.err(args::usage("cmp", "missing operand after 'cmp'"));
            return 2;
        }
        [one] => vec![one.clone(), "-".into()],
        [a, b, ..] => vec![a.clone(), b.clone()],
    };
    let mut contents = Vec::new();
    for name in &names {
        let data = if name == "-" { Ok(ctx.stdin()) } else { ctx.fs.read(name).map(|d| d.to_vec()) };
        match data {
            Ok(d) => contents.push(d),
            Err(e) => {
                ctx.error("cmp", format_args!("{name}: {e}"));
                return 2;
            }
        }
    }
    let (a, b) = (&contents[0], &contents[1]);
    let common = a.iter().zip(b.iter()).take_while(|(x, y)| x == y).count();
    if common == a.len() && common == b.len() {
        return 0;
    }
    if silent {
        return 1;
    }
    let line = 1 + a[..common].iter().filter(|&&c| c == b'\n').count();
    if common < a.len() && common < b.len() {
        ctx.out_fmt(format_args!("{} {} differ: byte {}, line {line}\n", names[0], names[1], common + 1));
    } else {
        let shorter = if common == a.len() { &names[0] } else { &names[1] };
        let message = if common == 0 { format!("EOF on {shorter} which is empty") } else { format!("EOF on {shorter} after byte {common}, in line {line}") };
        ctx.error("cmp", message);
    }
    1
}

#[cfg(test)]
mod tests {
    use crate::programs::{run_for_test, test_machine};

    #[test]
    fn reports_the_first_difference_as_gnu_cmp() {
        let (mut fs, env) = test_machine();
        fs.write("c1", b"abc\nxyz\n").unwrap();
        fs.write("c2", b"abc\nxyq\n").unwrap();
        fs.write("c3", b"abc").unwrap();
        assert_eq!(run_for_test(&mut fs, &env, &["cmp", "c1", "c2"], b""), ("c1 c2 differ: byte 7, line 2\n".into(), String::new(), 1));
        assert_eq!(run_for_test(&mut fs, &env, &["cmp", "c1", "c1"], b"").2, 0);
        assert_eq!(run_for_test(&mut fs, &env, &["cmp", "c1", "c3"], b"").1, "cmp: EOF on c3 after byte 3, in line 1\n");
        assert_eq!(run_for_test(&mut fs, &env, &["cmp", "c1", "nope"], b"").1, "cmp: nope: No such file or directory\n");
        assert_eq!(run_for_test(&mut fs, &env, &["cmp", "-s", "c1", "c2"], b""), (String::new(), String::new(), 1));
    }
}
