//! The text progress is saved as: a small TOML document, written and read here by hand so
//! that no program carries a TOML library for it.
//!
//! ```toml
//! format = 1
//!
//! [lessons.create-activate]
//! done = ["create", "activate"]
//! skipped = ["see-path"]
//! ```
//!
//! The reader takes exactly this shape (the one the format has always had): `format` on the
//! first line, then one table per lesson, each with `done` and `skipped` as one-line lists of
//! strings. Keys that are not bare are quoted, strings escape `"`, `\` and control characters.
//! Anything else is an error naming the line, never a panic.

use super::progress::{LessonProgress, Progress, PROGRESS_FORMAT};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The saved text of `progress`.
pub fn write(progress: &Progress) -> String {
    let mut out = format!("format = {}\n", progress.format);
    for (id, lesson) in &progress.lessons {
        out.push_str("\n[lessons.");
        if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            out.push_str(id);
        } else {
            push_string(&mut out, id);
        }
        out.push_str("]\n");
        for (key, steps) in [("done", &lesson.done), ("skipped", &lesson.skipped)] {
            out.push_str(key);
            out.push_str(" = [");
            for (i, step) in steps.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push_string(&mut out, step);
            }
            out.push_str("]\n");
        }
    }
    out
}

/// A TOML basic string.
fn push_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Why saved text gave no progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// The text is in another format than [`PROGRESS_FORMAT`].
    Format(u32),
    /// The text is not what [`write`] writes: what is wrong, and where.
    Text(String),
}

/// Reads what [`write`] writes.
pub fn read(text: &str) -> Result<Progress, Unreadable> {
    let mut lines = text.lines().enumerate().map(|(n, line)| (n + 1, line.trim())).filter(|(_, line)| !line.is_empty());
    let (n, first) = lines.next().unwrap_or((1, ""));
    let number = first.strip_prefix("format").and_then(|v| v.trim_start().strip_prefix('='));
    let format = number.and_then(|v| v.trim().parse().ok()).ok_or_else(|| Unreadable::Text(format!("line {n}: expected `format = NUMBER`")))?;
    if format != PROGRESS_FORMAT {
        return Err(Unreadable::Format(format));
    }
    let mut lessons: BTreeMap<String, LessonProgress> = BTreeMap::new();
    // The lesson whose table is open, and which of its keys were given.
    let mut open: Option<(String, [bool; 2])> = None;
    for (n, line) in lines {
        let at = |what: &str| Unreadable::Text(format!("line {n}: {what}"));
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let header = header.trim();
            if header == "lessons" && open.is_none() {
                continue;
            }
            let key = header.strip_prefix("lessons.").ok_or_else(|| at("expected a `[lessons.ID]` table"))?;
            let (id, after) = if key.starts_with('"') { string(key).map_err(|e| at(&e))? } else { (key.to_string(), "") };
            if !after.is_empty() || lessons.contains_key(&id) {
                return Err(at("expected a new `[lessons.ID]` table"));
            }
            lessons.insert(id.clone(), LessonProgress::default());
            open = Some((id, [false; 2]));
            continue;
        }
        let (key, value) = line.split_once('=').ok_or_else(|| at("expected `KEY = VALUE`"))?;
        let Some((id, given)) = open.as_mut() else { return Err(at("expected a `[lessons.ID]` table")) };
        let key = key.trim();
        let index = match key {
            "done" => 0,
            "skipped" => 1,
            _ => return Err(at(&format!("unknown field `{key}`, expected `done` or `skipped`"))),
        };
        if std::mem::replace(&mut given[index], true) {
            return Err(at(&format!("`{key}` is given twice")));
        }
        let steps = strings(value).map_err(|e| at(&e))?;
        if let Some(lesson) = lessons.get_mut(id.as_str()) {
            *(if index == 0 { &mut lesson.done } else { &mut lesson.skipped }) = steps;
        }
    }
    Ok(Progress { format, lessons })
}

/// A one-line list of strings: `["a", "b"]`.
fn strings(value: &str) -> Result<Vec<String>, String> {
    let inner = value.trim().strip_prefix('[').and_then(|v| v.strip_suffix(']')).ok_or("expected a list of strings")?;
    let mut rest = inner.trim_start();
    let mut out = Vec::new();
    while !rest.is_empty() {
        let (text, after) = string(rest)?;
        out.push(text);
        rest = after.trim_start();
        if let Some(after) = rest.strip_prefix(',') {
            rest = after.trim_start();
        } else if !rest.is_empty() {
            return Err("expected `,` between strings".into());
        }
    }
    Ok(out)
}

/// A basic string at the start of `text`, and what follows it.
fn string(text: &str) -> Result<(String, &str), String> {
    let body = text.strip_prefix('"').ok_or("expected a string")?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((out, &body[i + 1..])),
            '\\' => match chars.next().map(|(_, c)| c) {
                Some(c @ ('"' | '\\')) => out.push(c),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).map(|(_, c)| c).collect();
                    let valid = hex.len() == 4 && hex.chars().all(|c| c.is_ascii_hexdigit());
                    let code = u32::from_str_radix(&hex, 16).ok().filter(|_| valid);
                    out.push(code.and_then(char::from_u32).ok_or("invalid `\\u` escape")?);
                }
                _ => return Err("invalid escape in a string".into()),
            },
            c => out.push(c),
        }
    }
    Err("a string is not closed".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn progress(lessons: &[(&str, &[&str], &[&str])]) -> Progress {
        let list = |steps: &[&str]| steps.iter().map(|s| s.to_string()).collect();
        let lessons = lessons.iter().map(|(id, done, skipped)| (id.to_string(), LessonProgress { done: list(done), skipped: list(skipped) }));
        Progress { format: PROGRESS_FORMAT, lessons: lessons.collect() }
    }

    #[test]
    fn writes_the_text_the_format_always_had() {
        let p = progress(&[("why-venvs", &["pep-668", "system"], &[]), ("create-activate", &["create"], &["activate"])]);
        let text = "format = 1\n\n[lessons.create-activate]\ndone = [\"create\"]\nskipped = [\"activate\"]\n\n[lessons.why-venvs]\ndone = [\"pep-668\", \"system\"]\nskipped = []\n";
        assert_eq!(write(&p), text);
        assert_eq!(read(text), Ok(p));
        // What the TOML library wrote for no lessons at all.
        assert_eq!(read("format = 1\n\n[lessons]\n"), Ok(progress(&[])));
    }

    #[test]
    fn other_formats_and_other_text_are_unreadable_with_a_reason() {
        assert_eq!(read("\nformat = 2\n[whatever]\n"), Err(Unreadable::Format(2)));
        let text = |e: &str| Err(Unreadable::Text(e.into()));
        assert_eq!(read("{{{"), text("line 1: expected `format = NUMBER`"));
        assert_eq!(read("format = 1\n[lessons.x]\ndone = [1]\n"), text("line 3: expected a string"));
        assert_eq!(read("format = 1\n[lessons.x]\ndone = \"oops\"\n"), text("line 3: expected a list of strings"));
        assert_eq!(read("format = 1\n[lessons.x]\ndone = [\"a\" \"b\"]\n"), text("line 3: expected `,` between strings"));
        assert_eq!(read("format = 1\n[lessons.x]\ndone = [\"a]\n"), text("line 3: a string is not closed"));
        assert_eq!(read("format = 1\n[lessons.x]\ndone = [\"\\q\"]\n"), text("line 3: invalid escape in a string"));
        assert_eq!(read("format = 1\n[lessons.x]\ndone = [\"\\u12\"]\n"), text("line 3: invalid `\\u` escape"));
        assert_eq!(read("format = 1\n[lessons.x]\ndone = []\ndone = []\n"), text("line 4: `done` is given twice"));
        assert_eq!(read("format = 1\n[lessons.x]\nseen = []\n"), text("line 3: unknown field `seen`, expected `done` or `skipped`"));
        assert_eq!(read("format = 1\ndone = []\n"), text("line 2: expected a `[lessons.ID]` table"));
        assert_eq!(read("format = 1\n[lessons.x]\n[lessons.x]\n"), text("line 3: expected a new `[lessons.ID]` table"));
        assert_eq!(read("format = 1\n[steps]\n"), text("line 2: expected a `[lessons.ID]` table"));
    }

    proptest! {
        /// Any ids round-trip, and the text is TOML that a TOML library reads as the same data.
        #[test]
        fn any_progress_round_trips_as_toml(
            lessons in proptest::collection::btree_map("\\PC{0,8}|[a-z-]{1,8}", (proptest::collection::vec("(?s).{0,6}", 0..3), proptest::collection::vec("(?s).{0,6}", 0..3)), 0..4),
        ) {
            let lessons = lessons.into_iter().map(|(id, (done, skipped))| (id, LessonProgress { done, skipped })).collect();
            let p = Progress { format: PROGRESS_FORMAT, lessons };
            let text = write(&p);
            prop_assert_eq!(read(&text), Ok(p.clone()));
            let table: toml::Table = toml::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let strings = |v: &toml::Value| -> Vec<String> { v.as_array().into_iter().flatten().filter_map(|s| s.as_str().map(str::to_string)).collect() };
            let from_toml: BTreeMap<String, LessonProgress> = table.get("lessons").and_then(|l| l.as_table()).into_iter().flatten()
                .map(|(id, l)| (id.clone(), LessonProgress { done: strings(&l["done"]), skipped: strings(&l["skipped"]) }))
                .collect();
            prop_assert_eq!(from_toml, p.lessons);
        }

        /// Any text reads as progress or as a reason, never a panic.
        #[test]
        fn any_text_reads_without_a_panic(text in "(?s)(format = 1\n)?[\\[\\]\"\\\\a-z=,. \nu0-9]{0,80}") {
            let _ = read(&text);
        }
    }
}
