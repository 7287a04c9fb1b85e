//! `tr`: translate, squeeze (`-s`) or delete (`-d`) bytes of standard input, with ranges
//! (`a-z`), escapes (`\n`) and classes (`[:upper:]`); `-c` complements the first set.

use super::args::{self, Spec};
use super::Ctx;

const SPEC: Spec = Spec {
    prog: "tr",
    flags: "cCds",
    with_value: "",
    long: &[("complement", "c", false), ("delete", "d", false), ("squeeze-repeats", "s", false)],
};

/// Expands a set description into its bytes, in order.
fn expand(set: &str) -> Vec<u8> {
    let bytes = set.as_bytes();
    let mut items = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'[' && bytes.get(i + 1) == Some(&b':') {
            if let Some(end) = set[i + 2..].find(":]") {
                let class = &set[i + 2..i + 2 + end];
                items.extend((0u8..=255).filter(|&b| in_class(class, b)));
                i += 2 + end + 2;
                continue;
            }
        }
        let (b, used) = byte_at(bytes, i);
        i += used;
        if bytes.get(i) == Some(&b'-') && i + 1 < bytes.len() {
            let (hi, used) = byte_at(bytes, i + 1);
            if hi >= b {
                items.extend(b..=hi);
                i += 1 + used;
                continue;
            }
        }
        items.push(b);
    }
    items
}

fn byte_at(bytes: &[u8], i: usize) -> (u8, usize) {
    if bytes[i] != b'\\' || i + 1 >= bytes.len() {
        return (bytes[i], 1);
    }
    let e = bytes[i + 1];
    let b = match e {
        b'n' => b'\n',
        b't' => b'\t',
        b'r' => b'\r',
        b'\\' => b'\\',
        b'0'..=b'7' => {
            let digits: Vec<u8> = bytes[i + 1..].iter().take(3).take_while(|d| (b'0'..=b'7').contains(d)).copied().collect();
            let value = digits.iter().fold(0u32, |v, d| v * 8 + u32::from(d - b'0'));
            return ((value & 0xff) as u8, 1 + digits.len());
        }
        other => other,
    };
    (b, 2)
}

fn in_class(class: &str, b: u8) -> bool {
    match class {
        "lower" => b.is_ascii_lowercase(),
        "upper" => b.is_ascii_uppercase(),
        "digit" => b.is_ascii_digit(),
        "alpha" => b.is_ascii_alphabetic(),
        "alnum" => b.is_ascii_alphanumeric(),
        "space" => b.is_ascii_whitespace() || b == 0x0b,
        "blank" => b == b' ' || b == b'\t',
        "punct" => b.is_ascii_punctuation(),
        "xdigit" => b.is_ascii_hexdigit(),
        _ => false,
    }
}

/// Entry point of `tr`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, argv.get(1..).unwrap_or_default()) else { return 1 };
    let (delete, squeeze, complement) = (parsed.has("d"), parsed.has("s"), parsed.has("c") || parsed.has("C"));
    let sets = &parsed.operands;
    let needed = if delete != squeeze { 1 } else { 2 };
    if sets.is_empty() {
        return args::usage_error(ctx, "tr", "missing operand");
    }
    if sets.len() < needed {
        let why = if delete { "Two strings must be given when both deleting and squeezing repeats." } else { "Two strings must be given when translating." };
        return args::usage_error(ctx, "tr", &format!("missing operand after ‘{}’\n{why}", sets[sets.len() - 1]));
    }
    let mut set1 = expand(&sets[0]);
    if complement {
        set1 = (0u8..=255).filter(|b| !set1.contains(b)).collect();
    }
    let set2 = sets.get(1).map(|s| expand(s)).unwrap_or_default();
    let mut map: Vec<u8> = (0u8..=255).collect();
    if !delete && !set2.is_empty() {
        for (i, &b) in set1.iter().enumerate() {
            map[b as usize] = *set2.get(i).or(set2.last()).unwrap_or(&b);
        }
    }
    let squeeze_set = if delete || set2.is_empty() { &set1 } else { &set2 };
    let input = ctx.stdin();
    let mut out = Vec::with_capacity(input.len());
    for b in input {
        if delete && set1.contains(&b) {
            continue;
        }
        let c = map[b as usize];
        if squeeze && out.last() == Some(&c) && squeeze_set.contains(&c) {
            continue;
        }
        out.push(c);
    }
    ctx.out(out);
    0
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::fresh;

    fn tr(args: &[&str], input: &str) -> (String, String, i32) {
        fresh("tr", args, input.as_bytes())
    }

    #[test]
    fn translates_squeezes_deletes() {
        assert_eq!(tr(&[":", "\\n"], "a:b::c\n").0, "a\nb\n\nc\n");
        assert_eq!(tr(&["a-z", "A-Z"], "hello\n").0, "HELLO\n");
        assert_eq!(tr(&["-s", " a"], "aaa  bb\n").0, "a bb\n");
        assert_eq!(tr(&["-d", "l"], "hello\n").0, "heo\n");
        assert_eq!(tr(&["-c", "a-", "x"], "abc\n").0, "axxx");
        assert_eq!(tr(&["[:lower:]", "[:upper:]"], "a b\n").0, "A B\n");
    }

    #[test]
    fn operand_errors() {
        assert_eq!(tr(&[], "x").1, "tr: missing operand\nTry 'tr --help' for more information.\n");
        assert_eq!(
            tr(&["a"], "x").1,
            "tr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n"
        );
        assert_eq!(tr(&["-z", "a", "b"], "x").2, 1);
    }
}
