//! Tab completion: command names for the first word of a command, file names elsewhere,
//! as bash's default completion offers them (directories end in `/`).

use crate::fs::{FileKind, Fs};
use crate::shell::Shell;

/// Most candidates returned.
const MAX_CANDIDATES: usize = 500;

/// Candidates for the last word of `line`, sorted, each the whole replacement word.
pub fn complete(fs: &Fs, shell: &Shell, line: &str) -> Vec<String> {
    let start = line.rfind(|c: char| c.is_whitespace() || matches!(c, ';' | '|' | '&' | '<' | '>' | '(')).map_or(0, |i| i + 1);
    let word = &line[start..];
    let before = line[..start].trim_end();
    let command_position = before.is_empty() || before.ends_with([';', '|', '&', '(']);
    let mut found = if command_position && !word.contains('/') {
        commands(fs, shell, word)
    } else {
        paths(fs, shell, word)
    };
    found.sort();
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
    use crate::session::Session;

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
