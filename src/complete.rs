//! Tab completion: command names for the first word of a command, file names elsewhere,
//! as bash's default completion offers them (directories end in `/`).

use crate::fs::{FileKind, Fs};
use crate::shell::Shell;

/// Most candidates returned.
const MAX_CANDIDATES: usize = 500;

/// Where the word being completed starts in `line` (a byte index): after the last blank or
/// shell operator character.
pub fn word_start(line: &str) -> usize {
    line.rfind(|c: char| c.is_whitespace() || matches!(c, ';' | '|' | '&' | '<' | '>' | '(')).map_or(0, |i| i + 1)
}

/// The longest text every candidate starts with (what one Tab press inserts).
pub fn common_prefix(candidates: &[String]) -> String {
    let Some(first) = candidates.first() else { return String::new() };
    let mut len = first.len();
    for c in &candidates[1..] {
        len = len.min(first.bytes().zip(c.bytes()).take_while(|(a, b)| a == b).count());
    }
    while !first.is_char_boundary(len) {
        len -= 1;
    }
    first[..len].to_string()
}

/// Candidates for the last word of `line`, sorted, each the whole replacement word.
pub fn complete(fs: &Fs, shell: &Shell, line: &str) -> Vec<String> {
    let start = word_start(line);
    let word = &line[start..];
    let before = line[..start].trim_end();
    let command_position = before.is_empty() || before.ends_with([';', '|', '&', '(']);
    let mut found = if command_position && !word.contains('/') {
        commands(fs, shell, word)
    } else {
        paths(fs, shell, word)
    };
    crate::sort::sort(&mut found);
    found.dedup();
    found.truncate(MAX_CANDIDATES);
    found
}

fn commands(fs: &Fs, shell: &Shell, prefix: &str) -> Vec<String> {
    let mut names: Vec<String> = shell.command_names().into_iter().filter(|n| n.starts_with(prefix)).collect();
    for dir in shell.var("PATH").unwrap_or("").split(':').filter(|d| !d.is_empty()) {
        let Ok(entries) = fs.read_dir(dir) else { continue };
        for entry in entries {
            if !entry.name.starts_with(prefix) {
                continue;
            }
            let path = crate::fs::join_path(dir, &entry.name);
            if fs.is_executable_file(&path) {
                names.push(entry.name);
            }
        }
    }
    names
}

fn paths(fs: &Fs, shell: &Shell, word: &str) -> Vec<String> {
    let (dir_part, prefix) = match word.rfind('/') {
        Some(i) => (&word[..=i], &word[i + 1..]),
        None => ("", word),
    };
    let home = shell.var("HOME").unwrap_or("");
    let dir = match dir_part {
        "" => ".".to_string(),
        d if d.starts_with("~/") => format!("{home}{}", &d[1..]),
        d => d.to_string(),
    };
    let Ok(entries) = fs.read_dir(&dir) else { return Vec::new() };
    entries
        .into_iter()
        .filter(|e| e.name.starts_with(prefix) && (prefix.starts_with('.') || !e.name.starts_with('.')))
        .map(|e| {
            let is_dir = fs.stat(&crate::fs::join_path(&dir, &e.name)).is_ok_and(|m| m.kind == FileKind::Dir);
            format!("{dir_part}{}{}", e.name, if is_dir { "/" } else { "" })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{common_prefix, word_start};
    use crate::session::Session;

    #[test]
    fn common_prefix_stops_at_the_first_difference() {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(common_prefix(&words(&["python", "python3", "python3.12"])), "python");
        assert_eq!(common_prefix(&words(&["é1", "é2"])), "é");
        assert_eq!(common_prefix(&[]), "");
        assert_eq!(word_start("ls .ve"), 3);
        assert_eq!(word_start("a|b"), 2);
    }

    #[test]
    fn completes_commands_and_paths() {
        let s = Session::new();
        assert!(s.complete("whi").contains(&"which".to_string()));
        assert!(s.complete("ec").contains(&"echo".to_string()));
        assert_eq!(s.complete("cat ma"), vec!["main.py"]);
        assert_eq!(s.complete("ls .vs"), vec![".vscode/"]);
        assert_eq!(s.complete("ls .vscode/"), vec![".vscode/settings.json"]);
        assert!(s.complete("ls ~/Pro").contains(&"~/Projects/".to_string()));
    }
}
