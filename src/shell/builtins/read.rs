//! The `read` builtin: one line of standard input split into variables by `IFS`.

use super::super::exec::Interp;

/// `read [-r] [-p PROMPT] [NAME...]` (default `REPLY`).
pub(crate) fn read(it: &mut Interp, argv: &[String]) -> i32 {
    let mut raw = false;
    let mut names = Vec::new();
    let mut i = 1;
    while let Some(arg) = argv.get(i) {
        match arg.as_str() {
            "-r" => raw = true,
            "-p" => {
                i += 1;
                if let Some(p) = argv.get(i) {
                    it.io.write(2, p.as_bytes());
                }
            }
            a if a.starts_with('-') && a.len() > 1 => {
                it.error(format_args!("read: {a}: invalid option"));
                return 2;
            }
            a => names.push(a.to_string()),
        }
        i += 1;
    }
    if names.is_empty() {
        names.push("REPLY".into());
    }
    let Some((line, complete)) = read_logical_line(it, raw) else {
        for name in &names {
            it.sh.vars.set(name, "");
        }
        return 1;
    };
    let ifs = it.sh.vars.get("IFS").unwrap_or(" \t\n").to_string();
    let values = split_into(&line, &ifs, names.len());
    for (name, value) in names.iter().zip(values) {
        it.sh.vars.set(name, value);
    }
    // A last line without its newline is read, but as at the end of input.
    if complete {
        0
    } else {
        1
    }
}

/// A character of the line read, and whether a backslash made it literal.
type Char = (char, bool);

/// What a backslash at the very end of the input leaves in bash (its internal `CTLESC`):
/// dropped from a field that has other characters, kept in one that has none.
const DANGLING: char = '\x01';

/// A field's text, with bash's treatment of a dangling backslash.
fn field_text(chars: &[Char]) -> String {
    let chars = match chars {
        [rest @ .., (DANGLING, true)] if !rest.is_empty() => rest,
        all => all,
    };
    chars.iter().map(|&(c, _)| c).collect()
}

/// Reads a line, and without `-r` the lines a backslash-newline continues it with, as
/// characters with their escapes resolved. Also says whether it ended with a newline.
fn read_logical_line(it: &mut Interp, raw: bool) -> Option<(Vec<Char>, bool)> {
    let mut chars = Vec::new();
    let mut first = true;
    loop {
        let complete = line_is_complete(&it.io.stdin);
        let Some(mut bytes) = it.io.read_line() else {
            return (!first).then_some((chars, false));
        };
        first = false;
        // bash drops NUL bytes.
        bytes.retain(|&b| b != 0);
        let continued = unescape(&String::from_utf8_lossy(&bytes), raw, &mut chars);
        if continued && !complete {
            chars.push((DANGLING, true));
        }
        if !(continued && complete) {
            return Some((chars, complete));
        }
    }
}

/// Appends a line's characters, a backslash making the next one literal (unless `raw`).
/// Returns true when the line ends in a lone backslash: it continues on the next line.
fn unescape(line: &str, raw: bool, out: &mut Vec<Char>) -> bool {
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' || raw {
            out.push((c, false));
            continue;
        }
        match chars.next() {
            Some(n) => out.push((n, true)),
            None => return true,
        }
    }
    false
}

/// Whether the next line of the input ends with a newline (lines typed at the terminal do).
fn line_is_complete(input: &crate::io::Input) -> bool {
    match input {
        crate::io::Input::Bytes { data, pos } => data.get(pos.get()..).is_some_and(|rest| rest.contains(&b'\n')),
        crate::io::Input::Terminal => true,
    }
}

/// Splits a line into at most `n` fields at unescaped `IFS` characters; the last takes the
/// rest (trimmed of `IFS` white space).
fn split_into(line: &[Char], ifs: &str, n: usize) -> Vec<String> {
    let sep = |i: usize| line.get(i).is_some_and(|&(c, escaped)| !escaped && ifs.contains(c));
    let white = |i: usize| sep(i) && line[i].0.is_whitespace();
    let text = |range: std::ops::Range<usize>| field_text(&line[range]);
    let skip_white = |mut i: usize| {
        while white(i) {
            i += 1;
        }
        i
    };
    // A field ends at a separator; after it come IFS white space, at most one other IFS
    // character, and white space again.
    let field_end = |mut i: usize| {
        while i < line.len() && !sep(i) {
            i += 1;
        }
        i
    };
    let next_field = |i: usize| {
        let i = skip_white(i);
        if sep(i) && !white(i) {
            skip_white(i + 1)
        } else {
            i
        }
    };
    let mut out = Vec::new();
    let mut i = skip_white(0);
    while out.len() + 1 < n && i < line.len() {
        let end = field_end(i);
        out.push(text(i..end));
        i = next_field(end);
    }
    // The last name takes one field if that is all there is, else the rest of the line.
    let end = field_end(i);
    if next_field(end) >= line.len() {
        out.push(text(i.min(end)..end));
    } else {
        let mut end = line.len();
        while end > i && white(end - 1) {
            end -= 1;
        }
        out.push(text(i..end));
    }
    while out.len() < n {
        out.push(String::new());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str, ifs: &str, n: usize) -> Vec<String> {
        let mut chars = Vec::new();
        unescape(line, false, &mut chars);
        split_into(&chars, ifs, n)
    }

    #[test]
    fn last_name_takes_the_rest() {
        assert_eq!(split("  a b  c d ", " \t\n", 2), vec!["a", "b  c d"]);
        assert_eq!(split("a", " \t\n", 3), vec!["a", "", ""]);
        assert_eq!(split("x,y,z", ",", 2), vec!["x", "y,z"]);
        assert_eq!(split("a\\ b c\\ ", " \t\n", 2), vec!["a b", "c "]);
    }
}
