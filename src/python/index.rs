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
    /// The `License` text, as numbers of lines of [`LICENSE_LINES`].
    pub license: &'static [u16],
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

/// What the index says about all versions of one project at the snapshot, as pip 24.2 sees it
/// from CPython 3.12 on x86-64 Linux: the lists behind its "no matching distribution" error,
///
/// ```text
/// ERROR: Ignored the following yanked versions: {yanked, joined by ", "}
/// ERROR: Ignored the following versions that require a different python version: {each pair as "VERSION Requires-Python SPEC", joined by "; "}
/// ERROR: Could not find a version that satisfies the requirement numpy==9 (from versions: {available, joined by ", "})
/// ```
///
/// where each of the first two lines appears only when its list is not empty, and an empty
/// `available` prints as `none`.
#[derive(Debug)]
pub struct Versions {
    /// The project's name, as its metadata spells it.
    pub name: &'static str,
    /// The versions pip can install, ascending in PEP 440 order (pip's "from versions" list):
    /// neither yanked ones nor ones whose Requires-Python excludes Python 3.12.
    pub available: &'static [&'static str],
    /// Yanked versions, ascending.
    pub yanked: &'static [&'static str],
    /// (version, Requires-Python) of versions whose Requires-Python excludes Python 3.12, in
    /// pip's order (sorted as the strings "VERSION Requires-Python SPEC").
    pub requires_python: &'static [(&'static str, &'static str)],
}

include!(concat!(env!("OUT_DIR"), "/index.rs"));

impl Package {
    /// The licence text.
    pub fn license_text(&self) -> String {
        let lines: Vec<&str> = LICENSE_LINES.split('\n').collect();
        self.license.iter().filter_map(|&i| lines.get(usize::from(i))).copied().collect::<Vec<_>>().join("\n")
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

/// Every recorded version of a project, in the order the index file lists them.
pub fn versions_of(name: &str) -> Vec<&'static Package> {
    let wanted = canonical(name);
    PACKAGES.iter().filter(|p| canonical(p.name) == wanted).collect()
}

/// All that the index says about a project's versions, if it knows the project.
fn versions_entry(name: &str) -> Option<&'static Versions> {
    let wanted = canonical(name);
    VERSIONS.iter().find(|v| canonical(v.name) == wanted)
}

/// The versions pip can install of a project (ascending, as pip lists them "from versions"),
/// including those not recorded as packages; see [`Versions::available`].
pub fn available(name: &str) -> &'static [&'static str] {
    versions_entry(name).map_or(&[], |v| v.available)
}

/// A project's yanked versions (ascending), which pip reports as ignored.
pub fn yanked(name: &str) -> &'static [&'static str] {
    versions_entry(name).map_or(&[], |v| v.yanked)
}

/// A project's versions whose Requires-Python excludes Python 3.12, as (version,
/// Requires-Python) in the order pip reports them.
pub fn requires_python_excluded(name: &str) -> &'static [(&'static str, &'static str)] {
    versions_entry(name).map_or(&[], |v| v.requires_python)
}

/// A recorded behaviour text (`cowsay_hi`, `console_script`...).
pub fn behaviour(key: &str) -> &'static str {
    BEHAVIOUR.iter().find(|(k, _)| *k == key).map_or("", |(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::pep440::Version;

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
    fn version_lists_are_what_pip_reports() {
        let numpy = available("NumPy");
        assert_eq!(numpy.first(), Some(&"1.3.0"));
        assert_eq!(numpy.last(), Some(&"2.5.4"));
        assert!(numpy.windows(2).all(|w| Version::parse(w[0]) < Version::parse(w[1])));
        assert!(numpy.contains(&"2.4.0rc1") && !numpy.contains(&"2.4.0") && !numpy.contains(&"1.21.2"));
        assert_eq!(yanked("numpy"), ["2.4.0"]);
        let excluded = requires_python_excluded("numpy");
        assert_eq!(excluded.len(), 5);
        assert_eq!(excluded[0], ("1.21.2", ">=3.7,<3.11"));
        assert!(yanked("cowsay").is_empty() && requires_python_excluded("cowsay").is_empty());
        assert!(available("no-such-project").is_empty() && yanked("no-such-project").is_empty());
        for p in PACKAGES {
            assert!(available(p.name).contains(&p.version), "{} {}", p.name, p.version);
        }
    }

    #[test]
    fn the_newest_version_of_every_project_is_recorded() {
        // What an unpinned `pip install NAME` chose on the snapshot's day: the newest version
        // that is neither yanked nor a pre-release (pip's `available` list has neither).
        for v in VERSIONS {
            let newest = v.available.iter().filter(|a| Version::parse(a).is_some_and(|x| !x.is_prerelease())).max_by_key(|a| Version::parse(a));
            let newest = newest.unwrap_or_else(|| panic!("{} has no final release", v.name));
            assert!(versions_of(v.name).iter().any(|p| p.version == *newest), "{} {newest} is not recorded", v.name);
        }
        let newest = |name: &str| versions_of(name).into_iter().map(|p| p.version).max_by_key(|x| Version::parse(x));
        assert_eq!(newest("numpy"), Some("2.5.4"));
        assert_eq!(newest("requests"), Some("2.34.2"));
        assert_eq!(newest("pip"), Some("26.2.1"));
        assert_eq!(newest("python-dateutil"), Some("3.0.0"));
    }

    #[test]
    fn idna_3_10_is_recorded() {
        let idna = versions_of("idna").into_iter().find(|p| p.version == "3.10").unwrap();
        assert_eq!(idna.wheel, "idna-3.10-py3-none-any.whl");
        assert_eq!(idna.wheel_size, 70_442);
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
