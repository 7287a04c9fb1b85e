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
    let Some(line) = it.io.stdin.read_line() else {
        for name in &names {
            it.sh.vars.set(name, "");
        }
        return 1;
    };
    let mut line = String::from_utf8_lossy(&line).into_owned();
    if !raw {
        line = line.replace("\\\\", "\u{0}").replace('\\', "").replace('\u{0}', "\\");
    }
    let ifs = it.sh.vars.get("IFS").unwrap_or(" \t\n").to_string();
    let values = split_into(&line, &ifs, names.len());
    for (name, value) in names.iter().zip(values) {
        it.sh.vars.set(name, value);
    }
    0
}

/// Splits a line into at most `n` fields; the last takes the rest (trimmed of IFS white space).
fn split_into(line: &str, ifs: &str, n: usize) -> Vec<String> {
    let is_sep = |c: char| ifs.contains(c);
    let mut out = Vec::new();
    let mut rest = line.trim_start_matches(|c: char| is_sep(c) && c.is_whitespace());
    while out.len() + 1 < n {
        match rest.find(is_sep) {
            Some(pos) => {
                out.push(rest[..pos].to_string());
                rest = rest[pos..].trim_start_matches(|c: char| is_sep(c) && c.is_whitespace());
                if let Some(stripped) = rest.strip_prefix(|c: char| is_sep(c) && !c.is_whitespace()) {
                    rest = stripped.trim_start_matches(|c: char| is_sep(c) && c.is_whitespace());
                }
            }
            None => {
                out.push(rest.to_string());
                rest = "";
            }
        }
    }
    out.push(rest.trim_end_matches(|c: char| is_sep(c) && c.is_whitespace()).to_string());
    while out.len() < n {
        out.push(String::new());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_name_takes_the_rest() {
        assert_eq!(split_into("  a b  c d ", " \t\n", 2), vec!["a", "b  c d"]);
        assert_eq!(split_into("a", " \t\n", 3), vec!["a", "", ""]);
        assert_eq!(split_into("x,y,z", ",", 2), vec!["x", "y,z"]);
    }
}
