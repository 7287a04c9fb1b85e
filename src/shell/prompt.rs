//! Prompt strings: bash's backslash escapes in `PS1`/`PS2`, then parameter expansion and
//! command substitution (bash's `promptvars`), so `(.venv) ` set by `activate` shows up.

use super::exec::Interp;

/// Expands the prompt variable `name` (`PS1` or `PS2`).
pub(crate) fn expand_prompt(interp: &mut Interp, name: &str) -> String {
    let raw = interp.sh.vars.get(name).unwrap_or("").to_string();
    let decoded = decode(interp, &raw);
    let saved = (interp.sh.status, interp.ctl);
    let expanded = interp.expand_heredoc(&decoded).unwrap_or(decoded);
    (interp.sh.status, interp.ctl) = saved;
    expanded
}

/// Replaces bash's prompt escapes.
fn decode(interp: &Interp, raw: &str) -> String {
    let mut out = String::new();
    let mut chars = raw.chars().peekable();
    let var = |n: &str| interp.sh.vars.get(n).unwrap_or("").to_string();
    let host = || {
        interp.fs.read("/etc/hostname").map(|b| String::from_utf8_lossy(&b).trim().to_string()).unwrap_or_default()
    };
    let now = interp.fs.now();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            'u' => out.push_str(&var("USER")),
            'h' => out.push_str(host().split('.').next().unwrap_or("")),
            'H' => out.push_str(&host()),
            'w' => out.push_str(&tilde_home(&interp.sh.pwd, &var("HOME"))),
            'W' => {
                let pwd = &interp.sh.pwd;
                let home = var("HOME");
                if *pwd == home {
                    out.push('~');
                } else {
                    out.push_str(pwd.rsplit('/').find(|s| !s.is_empty()).unwrap_or("/"));
                }
            }
            '$' => out.push(if interp.fs.cred().uid == 0 { '#' } else { '$' }),
            's' => out.push_str(interp.sh.arg0.rsplit('/').next().unwrap_or("bash")),
            'v' => out.push_str("5.2"),
            'V' => out.push_str("5.2.15"),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            'a' => out.push('\x07'),
            'e' => out.push('\x1b'),
            '\\' => out.push('\\'),
            '[' | ']' => {}
            't' => out.push_str(&clock(now, "%H:%M:%S")),
            'T' => out.push_str(&clock(now, "%I:%M:%S")),
            '@' => out.push_str(&clock(now, "%I:%M %p")),
            'A' => out.push_str(&clock(now, "%H:%M")),
            'd' => out.push_str(&clock(now, "%a %b %d")),
            '!' => out.push_str(&(interp.sh.history.len() + 1).to_string()),
            '#' => out.push_str(&(interp.sh.history.len() + 1).to_string()),
            'j' => out.push('0'),
            'l' => out.push_str("pts/0"),
            '0'..='7' => {
                let mut digits = e.to_string();
                while digits.len() < 3 && chars.peek().is_some_and(|d| ('0'..='7').contains(d)) {
                    digits.extend(chars.next());
                }
                if let Some(ch) = u32::from_str_radix(&digits, 8).ok().and_then(char::from_u32) {
                    out.push(ch);
                }
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    out
}

/// A path with the home directory written as `~` (only whole components).
pub fn tilde_home(path: &str, home: &str) -> String {
    if home.is_empty() || home == "/" {
        return path.to_string();
    }
    match path.strip_prefix(home) {
        Some("") => "~".to_string(),
        Some(rest) if rest.starts_with('/') => format!("~{rest}"),
        _ => path.to_string(),
    }
}

/// Formats the simulated time (UTC) with the few `strftime` fields prompts use.
fn clock(t: i64, format: &str) -> String {
    let crate::time::Civil { month: mo, day: d, hour: h, minute: mi, second: s, weekday: wd, .. } = crate::time::civil(t);
    use crate::time::{DAYS, MONTHS};
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    format
        .replace("%H", &format!("{h:02}"))
        .replace("%I", &format!("{h12:02}"))
        .replace("%M", &format!("{mi:02}"))
        .replace("%S", &format!("{s:02}"))
        .replace("%p", if h < 12 { "AM" } else { "PM" })
        .replace("%a", DAYS[wd as usize % 7])
        .replace("%b", MONTHS[(mo as usize + 11) % 12])
        .replace("%d", &format!("{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_becomes_tilde_on_whole_components() {
        assert_eq!(tilde_home("/home/kai/Projects/example", "/home/kai"), "~/Projects/example");
        assert_eq!(tilde_home("/home/kai", "/home/kai"), "~");
        assert_eq!(tilde_home("/home/kaiser", "/home/kai"), "/home/kaiser");
        assert_eq!(tilde_home("/tmp", "/home/kai"), "/tmp");
    }
}
