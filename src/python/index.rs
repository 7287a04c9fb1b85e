//! The bundled package index: real metadata of the packages pip can install, recorded from
//! PyPI into `index.toml` and compiled into static data by `build.rs`.

/// One version of one package, as its wheel and metadata describe it.
#[derive(Debug)]
pub struct Package {
    /// The `Name` field of its metadata (`charset-normalizer`).
    pub name: &'static str,
    /// Its version.
    pub version: &'static str,
    /// `Summary`.
    pub summary: &'static str,
    /// What `pip show` prints as `Home-page`.
    pub home_page: &'static str,
    /// `Author`.
    pub author: &'static str,
    /// `Author-email`.
    pub author_email: &'static str,
    /// The `License` text, as indexes into [`LICENSE_LINES`].
    pub license: &'static [usize],
    /// `Requires-Python`.
    pub requires_python: &'static str,
    /// `Requires-Dist` lines without extras.
    pub requires: &'static [&'static str],
    /// The wheel's file name.
    pub wheel: &'static str,
    /// The wheel's size in bytes.
    pub wheel_size: u64,
    /// Importable top-level names.
    pub top_level: &'static [&'static str],
    /// The line that sets `__version__`, if any.
    pub version_line: &'static str,
    /// The file (relative to site-packages) holding that line.
    pub version_file: &'static str,
    /// The files of its `.dist-info` directory.
    pub dist_info: &'static [&'static str],
    /// Console scripts: (name, `module:function`).
    pub console_scripts: &'static [(&'static str, &'static str)],
    /// The scripts pip writes into `bin/`.
    pub bin: &'static [&'static str],
    /// For each top-level directory (or `""` for single modules), its first-level entries;
    /// subdirectories end in `/`.
    pub files: &'static [(&'static str, &'static [&'static str])],
}

include!(concat!(env!("OUT_DIR"), "/index.rs"));

impl Package {
    /// The licence text.
    pub fn license_text(&self) -> String {
        self.license.iter().filter_map(|&i| LICENSE_LINES.get(i)).copied().collect::<Vec<_>>().join("\n")
    }
}

/// The normalised form of a project name (PEP 503): lower case, runs of `-_.` as `-`.
pub fn canonical(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            if !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// Every recorded version of a project, newest first as the index lists them.
pub fn versions_of(name: &str) -> Vec<&'static Package> {
    let wanted = canonical(name);
    PACKAGES.iter().filter(|p| canonical(p.name) == wanted).collect()
}

/// The versions the index says exist for a project (newest first), beyond those recorded.
pub fn available(name: &str) -> &'static [&'static str] {
    let wanted = canonical(name);
    VERSIONS.iter().find(|(n, _)| canonical(n) == wanted).map_or(&[], |(_, v)| v)
}

/// A recorded behaviour text (`cowsay_hi`, `console_script`...).
pub fn behaviour(key: &str) -> &'static str {
    BEHAVIOUR.iter().find(|(k, _)| *k == key).map_or("", |(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_has_what_the_golden_transcripts_install() {
        assert!(versions_of("numpy").iter().any(|p| p.version == "2.1.2"));
        assert!(versions_of("Charset_Normalizer").iter().any(|p| p.version == "3.5.2"));
        let requests = versions_of("requests").into_iter().find(|p| p.version == "2.32.3").unwrap();
        assert_eq!(requests.wheel, "requests-2.32.3-py3-none-any.whl");
        assert_eq!(requests.summary, "Python HTTP for Humans.");
        assert!(available("numpy").contains(&"2.5.4"));
        assert!(behaviour("cowsay_hi").contains("(oo)"));
    }

    #[test]
    fn licences_are_rebuilt_from_shared_lines() {
        let numpy = versions_of("numpy").into_iter().find(|p| p.version == "2.1.2").unwrap();
        assert!(numpy.license_text().len() > 40_000);
        assert_eq!(versions_of("cowsay")[0].license_text(), "GNU-GPL");
    }

    #[test]
    fn canonical_names() {
        assert_eq!(canonical("Charset_Normalizer"), "charset-normalizer");
        assert_eq!(canonical("python.dateutil"), "python-dateutil");
    }
}
