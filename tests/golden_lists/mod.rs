//! The lists kept beside the golden scenarios in `tests/golden/` (`known-failures.txt`,
//! `worlds.txt`): one `NAME: VALUE` a line, `#` comments and blank lines skipped.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The golden scenarios' folder.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// The list in `tests/golden/FILE`, by scenario name (empty if there is no such file).
pub fn read(file: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(dir().join(file)).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(':').map(|(n, r)| (n.trim().to_string(), r.trim().to_string())))
        .collect()
}
