//! History expansion (`!!`, `!$`, `!n`, `!-n`, `!prefix`, `!?text?`), which an interactive
//! bash applies to each line before parsing it.
//!
//! A `!` starts an event unless it is quoted by `'...'` or a backslash, or followed by a blank,
//! `=`, `(` or the end of the line. Word designators after `:` (`:0`, `:$`, `:^`, `:*`, `:N`)
//! are supported, as are the shorthands `!$`, `!^` and `!*` for the previous command.

/// The result of expanding a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expansion {
    /// No `!` event in the line: run it as typed.
    Unchanged,
    /// The line with its events replaced (bash prints it before running it).
    Expanded(String),
    /// An event that matches nothing: bash prints `bash: TEXT: event not found`.
    NotFound(String),
}

/// Characters that end an event's search text.
fn ends_event(c: char) -> bool {
    c.is_whitespace() || matches!(c, ';' | '&' | '|' | '(' | ')' | '<' | '>' | ':' | '"')
}

/// Expands the history events in `line`, given the earlier lines (oldest first).
pub fn expand(line: &str, history: &im::Vector<String>) -> Expansion {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut changed = false;
    let mut i = 0;
    let mut in_single = false;
    let mut in_double = false;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\'' if !in_double => in_single = !in_single,
            '"' if !in_single => in_double = !in_double,
            '\\' if !in_single && i + 1 < chars.len() => {
                out.push(c);
                out.push(chars[i + 1]);
                i += 2;
                continue;
            }
            '!' if !in_single => {
                let next = chars.get(i + 1).copied();
                let literal = match next {
                    None => true,
                    Some(n) => n.is_whitespace() || n == '=' || n == '(' || (in_double && n == '"'),
                };
                if !literal {
                    let (event, used) = event_text(&chars[i..]);
                    match resolve(&event, history) {
                        Some(text) => {
                            out.push_str(&text);
                            changed = true;
                            i += used;
                            continue;
                        }
                        None => return Expansion::NotFound(event),
                    }
                }
            }
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    if changed {
        Expansion::Expanded(out)
    } else {
        Expansion::Unchanged
    }
}

/// The text of the event at the start of `chars` (which begins with `!`) and its length.
fn event_text(chars: &[char]) -> (String, usize) {
    let mut end = 1;
    match chars.get(1) {
        Some('!' | '$' | '^' | '*') => end = 2,
        Some('?') => {
            end = 2;
            while end < chars.len() && chars[end] != '?' {
                end += 1;
            }
            end = (end + 1).min(chars.len());
        }
        _ => {
            if chars.get(end) == Some(&'-') {
                end += 1;
            }
            while end < chars.len() && !ends_event(chars[end]) {
                end += 1;
            }
        }
    }
    if chars.get(end) == Some(&':') {
        end += 1;
        while end < chars.len() && (chars[end].is_ascii_digit() || matches!(chars[end], '$' | '^' | '*' | '-')) {
            end += 1;
        }
    }
    (chars[..end].iter().collect(), end)
}

/// The text an event stands for, or `None` when it matches nothing.
fn resolve(event: &str, history: &im::Vector<String>) -> Option<String> {
    let (designator, words) = match event.find(':') {
        Some(i) if !event.starts_with("!?") => (&event[..i], Some(&event[i + 1..])),
        _ => (event, None),
    };
    let (line, words) = match designator {
        "!!" => (history.back()?, words),
        "!$" => (history.back()?, Some("$")),
        "!^" => (history.back()?, Some("^")),
        "!*" => (history.back()?, Some("*")),
        d => {
            let rest = &d[1..];
            if let Some(text) = rest.strip_prefix('?') {
                let text = text.trim_end_matches('?');
                (history.iter().rev().find(|l| l.contains(text))?, words)
            } else if let Ok(n) = rest.parse::<i64>() {
                let index = if n < 0 { history.len() as i64 + n } else { n - 1 };
                (history.get(usize::try_from(index).ok()?)?, words)
            } else {
                (history.iter().rev().find(|l| l.starts_with(rest))?, words)
            }
        }
    };
    match words {
        None => Some(line.clone()),
        Some(spec) => select_words(line, spec),
    }
}

/// Word designators: `0`, `N`, `^` (1), `$` (last), `*` (1 to last), `N-M`.
fn select_words(line: &str, spec: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let last = words.len().checked_sub(1)?;
    let index = |s: &str| match s {
        "^" => Some(1),
        "$" => Some(last),
        n => n.parse::<usize>().ok(),
    };
    let (from, to) = match spec {
        "*" => (1, last),
        s => match s.split_once('-') {
            Some((a, b)) => (index(a)?, if b.is_empty() { last.saturating_sub(1) } else { index(b)? }),
            None => (index(s)?, index(s)?),
        },
    };
    if from > to {
        return (spec == "*").then(String::new);
    }
    Some(words.get(from..=to)?.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hist() -> im::Vector<String> {
        im::vector!["ls -la".to_string(), "echo one two".to_string()]
    }

    #[test]
    fn events_as_bash_expands_them() {
        let h = hist();
        assert_eq!(expand("!!", &h), Expansion::Expanded("echo one two".into()));
        assert_eq!(expand("echo !$", &h), Expansion::Expanded("echo two".into()));
        assert_eq!(expand("!ec", &h), Expansion::Expanded("echo one two".into()));
        assert_eq!(expand("!-2 x", &h), Expansion::Expanded("ls -la x".into()));
        assert_eq!(expand("!1", &h), Expansion::Expanded("ls -la".into()));
        assert_eq!(expand("!?one?", &h), Expansion::Expanded("echo one two".into()));
        assert_eq!(expand("echo !!:1", &h), Expansion::Expanded("echo one".into()));
        assert_eq!(expand("sudo !!", &h), Expansion::Expanded("sudo echo one two".into()));
    }

    #[test]
    fn quoted_and_lone_bangs_stay() {
        let h = hist();
        assert_eq!(expand("echo a!", &h), Expansion::Unchanged);
        assert_eq!(expand("echo 'x!y'", &h), Expansion::Unchanged);
        assert_eq!(expand("echo a\\!b", &h), Expansion::Unchanged);
        assert_eq!(expand("[ ! -f x ]", &h), Expansion::Unchanged);
        assert_eq!(expand("[ x != y ]", &h), Expansion::Unchanged);
    }

    #[test]
    fn unknown_events_are_reported_with_their_text() {
        let h = hist();
        assert_eq!(expand("echo \"hi!nope\"", &h), Expansion::NotFound("!nope".into()));
        assert_eq!(expand("!999", &h), Expansion::NotFound("!999".into()));
        assert_eq!(expand("python -c \"print(end='!\\n')\"", &h), Expansion::NotFound("!\\n'".into()));
        assert_eq!(expand("!!", &im::Vector::new()), Expansion::NotFound("!!".into()));
    }
}
