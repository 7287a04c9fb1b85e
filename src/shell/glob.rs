//! Pathname expansion: the paths of the filesystem a shell pattern matches (matching itself
//! is `crate::fnmatch`).

use crate::fnmatch::{has_magic, matches, unescape};
use crate::fs::{join_path, Fs};

/// Most names one pathname expansion may produce.
const MAX_MATCHES: usize = 10_000;

/// Pathname expansion: the existing paths the pattern matches, in byte order; empty when none.
/// Names starting with `.` match only a component pattern that starts with `.`.
pub fn expand_paths(fs: &Fs, pattern: &str) -> Vec<String> {
    let absolute = pattern.starts_with('/');
    let components: Vec<&str> = pattern.split('/').filter(|c| !c.is_empty()).collect();
    let mut found: Vec<String> = vec![if absolute { "/".to_string() } else { String::new() }];
    for (i, comp) in components.iter().enumerate() {
        let last = i + 1 == components.len();
        let mut next = Vec::new();
        for base in &found {
            let dir = if base.is_empty() { "." } else { base.as_str() };
            if !has_magic(comp) {
                let path = join_prefix(base, &unescape(comp));
                if last || fs.stat(&path).is_ok_and(|m| m.kind == crate::fs::FileKind::Dir) {
                    next.push(path);
                }
                continue;
            }
            let Ok(entries) = fs.read_dir(dir) else { continue };
            for entry in entries {
                if entry.name.starts_with('.') && !comp.starts_with('.') {
                    continue;
                }
                if matches(comp, &entry.name) {
                    next.push(join_prefix(base, &entry.name));
                    if next.len() >= MAX_MATCHES {
                        break;
                    }
                }
            }
        }
        found = next;
    }
    if pattern.ends_with('/') {
        found.retain(|p| fs.stat(p).is_ok_and(|m| m.kind == crate::fs::FileKind::Dir));
        for p in &mut found {
            p.push('/');
        }
    }
    found.retain(|p| !p.is_empty() && fs.lstat(p).is_ok());
    crate::sort::sort(&mut found);
    found
}

fn join_prefix(base: &str, name: &str) -> String {
    if base.is_empty() {
        name.to_string()
    } else {
        join_path(base, name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_in_byte_order_without_hidden() {
        let mut fs = Fs::new();
        for d in ["/p", "/p/sub"] {
            fs.mkdir(d, 0o755).unwrap();
        }
        for f in ["/p/b.txt", "/p/a.txt", "/p/.h.txt", "/p/sub/c.txt", "/p/B.txt"] {
            fs.write(f, b"").unwrap();
        }
        assert_eq!(expand_paths(&fs, "/p/*.txt"), vec!["/p/B.txt", "/p/a.txt", "/p/b.txt"]);
        assert_eq!(expand_paths(&fs, "/p/.*.txt"), vec!["/p/.h.txt"]);
        assert_eq!(expand_paths(&fs, "/p/*/c.txt"), vec!["/p/sub/c.txt"]);
        assert_eq!(expand_paths(&fs, "/p/*/"), vec!["/p/sub/"]);
        assert!(expand_paths(&fs, "/p/*.py").is_empty());
        fs.chdir("/p").unwrap();
        assert_eq!(expand_paths(&fs, "s*"), vec!["sub"]);
    }
}
