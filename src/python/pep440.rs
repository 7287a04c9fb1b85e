//! Versions and requirements as pip reads them: PEP 440 versions and specifiers (`==`, `!=`,
//! `<`, `<=`, `>`, `>=`, `~=`, `==1.2.*`) and PEP 508 requirement strings (`name[extra]
//! specifiers ; marker`), with pip 24's error wording for a malformed one.

use std::cmp::Ordering;

/// A parsed version: release numbers, then pre-release, post and dev parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    release: Vec<u64>,
    pre: Option<(u8, u64)>,
    post: Option<u64>,
    dev: Option<u64>,
}

impl Version {
    /// Parses `2.1.2`, `2.3.0rc1`, `2.9.0.post0`, `1.0.dev3`.
    pub fn parse(text: &str) -> Option<Version> {
        let t = text.trim().to_ascii_lowercase();
        let t = t.strip_prefix('v').unwrap_or(&t);
        let end = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
        let release: Vec<u64> = t[..end].trim_end_matches('.').split('.').map(|p| p.parse().ok()).collect::<Option<_>>()?;
        let mut rest = t[end..].trim_start_matches(['.', '-', '_']);
        let mut v = Version { release, pre: None, post: None, dev: None };
        for (tags, kind) in [(&["rc", "c"][..], 3u8), (&["b", "beta"][..], 2), (&["a", "alpha"][..], 1)] {
            if let Some(tag) = tags.iter().find(|tag| rest.starts_with(**tag)) {
                let (n, r) = number(&rest[tag.len()..]);
                v.pre = Some((kind, n));
                rest = r.trim_start_matches(['.', '-', '_']);
            }
        }
        if let Some(r) = rest.strip_prefix("post") {
            let (n, r) = number(r);
            v.post = Some(n);
            rest = r.trim_start_matches(['.', '-', '_']);
        }
        if let Some(r) = rest.strip_prefix("dev") {
            let (n, r) = number(r);
            v.dev = Some(n);
            rest = r;
        }
        rest.is_empty().then_some(v)
    }

    /// Whether it is a pre-release or development release.
    pub fn is_prerelease(&self) -> bool {
        self.pre.is_some() || self.dev.is_some()
    }

    fn key(&self) -> (Vec<u64>, (u8, u64), u64, u64) {
        let mut release = self.release.clone();
        while release.len() > 1 && release.last() == Some(&0) {
            release.pop();
        }
        let pre = match (self.pre, self.post, self.dev) {
            (Some(p), _, _) => p,
            (None, None, Some(_)) => (0, 0),
            _ => (4, 0),
        };
        let post = self.post.map_or(0, |p| p + 1);
        let dev = self.dev.unwrap_or(u64::MAX);
        (release, pre, post, dev)
    }
}

fn number(s: &str) -> (u64, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    (s[..end].parse().unwrap_or(0), &s[end..])
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One `OP VERSION` clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    op: String,
    version: String,
}

impl Clause {
    /// Whether a version satisfies the clause.
    pub fn allows(&self, candidate: &Version) -> bool {
        if let Some(prefix) = self.version.strip_suffix(".*") {
            let Some(p) = Version::parse(prefix) else { return false };
            let matches = candidate.release.len() >= p.release.len() && candidate.release[..p.release.len()] == p.release[..];
            return if self.op == "!=" { !matches } else { matches };
        }
        let Some(v) = Version::parse(&self.version) else { return false };
        match self.op.as_str() {
            "==" | "===" => candidate.cmp(&v) == Ordering::Equal,
            "!=" => candidate.cmp(&v) != Ordering::Equal,
            "<" => candidate < &v,
            "<=" => candidate <= &v,
            ">" => candidate > &v,
            ">=" => candidate >= &v,
            "~=" => {
                let n = v.release.len().saturating_sub(1).max(1);
                candidate >= &v && candidate.release.len() >= n && candidate.release[..n - 1] == v.release[..n - 1]
            }
            _ => false,
        }
    }
}

/// A requirement: `numpy==2.1.2`, `charset-normalizer<4,>=2`, `six`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    /// The project name as written.
    pub name: String,
    /// The specifier clauses.
    pub clauses: Vec<Clause>,
    /// The environment marker, if any (text after `;`).
    pub marker: Option<String>,
}

impl Requirement {
    /// Parses a requirement; `Err` is pip's explanation and the caret column.
    pub fn parse(text: &str) -> Result<Requirement, (String, usize)> {
        let (body, marker) = match text.split_once(';') {
            Some((b, m)) => (b, Some(m.trim().to_string())),
            None => (text, None),
        };
        let trimmed = body.trim();
        let name_end = trimmed.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))).unwrap_or(trimmed.len());
        if name_end == 0 {
            return Err(("Expected package name at the start of dependency specifier".into(), 0));
        }
        let name = trimmed[..name_end].to_string();
        let mut rest = trimmed[name_end..].trim_start();
        if rest.starts_with('[') {
            let close = rest.find(']').ok_or(("Expected closing ]".to_string(), name_end))?;
            rest = rest[close + 1..].trim_start();
        }
        let inner = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')).unwrap_or(rest);
        let mut clauses = Vec::new();
        for part in inner.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let op_len = part.find(|c: char| !matches!(c, '=' | '!' | '<' | '>' | '~')).unwrap_or(part.len());
            let op = &part[..op_len];
            let version = part[op_len..].trim();
            let valid_op = ["==", "===", "!=", "<", "<=", ">", ">=", "~="].contains(&op);
            if !valid_op || version.is_empty() || (Version::parse(version.trim_end_matches(".*")).is_none() && op != "===") {
                let column = text.find(part).unwrap_or(name_end);
                return Err(("Expected end or semicolon (after name and no valid version specifier)".into(), column));
            }
            clauses.push(Clause { op: op.to_string(), version: version.to_string() });
        }
        Ok(Requirement { name, clauses, marker })
    }

    /// Whether a version satisfies every clause (pre-releases only when a clause names one).
    pub fn allows(&self, version: &str) -> bool {
        let Some(v) = Version::parse(version) else { return false };
        let wants_pre = self.clauses.iter().any(|c| Version::parse(c.version.trim_end_matches(".*")).is_some_and(|cv| cv.is_prerelease()));
        (!v.is_prerelease() || wants_pre) && self.clauses.iter().all(|c| c.allows(&v))
    }

    /// Whether a clause pins a version with `==` or `===`, which pip's resolver settles first.
    pub fn pins(&self) -> bool {
        self.clauses.iter().any(|c| c.op.starts_with("=="))
    }

    /// The specifier as pip prints it: clauses joined by `,`, in the order written.
    pub fn specifier(&self) -> String {
        self.clauses.iter().map(|c| format!("{}{}", c.op, c.version)).collect::<Vec<_>>().join(",")
    }

    /// Whether the marker holds on the simulated machine (CPython 3.12 on Linux).
    pub fn marker_holds(&self) -> bool {
        let Some(marker) = &self.marker else { return true };
        marker_true(marker)
    }
}

/// Evaluates the marker forms packages use: `python_version OP "X.Y"`, `sys_platform`,
/// `platform_python_implementation`, `os_name`, joined by `and`/`or`.
fn marker_true(marker: &str) -> bool {
    if let Some((a, b)) = marker.split_once(" or ") {
        return marker_true(a) || marker_true(b);
    }
    if let Some((a, b)) = marker.split_once(" and ") {
        return marker_true(a) && marker_true(b);
    }
    let m = marker.trim().trim_matches(['(', ')']);
    for op in ["<=", ">=", "==", "!=", "<", ">"] {
        if let Some((left, right)) = m.split_once(op) {
            let value = right.trim().trim_matches(['"', '\'']);
            let actual = match left.trim() {
                "python_version" | "python_full_version" => {
                    let (Some(a), Some(b)) = (Version::parse("3.12"), Version::parse(value)) else { return false };
                    return Clause { op: op.into(), version: value.into() }.allows(&a) || (op == "==" && a == b);
                }
                "sys_platform" => "linux",
                "platform_system" => "Linux",
                "os_name" => "posix",
                "platform_python_implementation" | "implementation_name" => "CPython",
                _ => return false,
            };
            let actual = if actual == "CPython" && left.trim() == "implementation_name" { "cpython" } else { actual };
            return match op {
                "==" => actual == value,
                "!=" => actual != value,
                _ => false,
            };
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    #[test]
    fn versions_order_as_pep_440() {
        assert!(v("2.1.2") > v("2.1.0"));
        assert!(v("2.10") > v("2.9"));
        assert!(v("2.3.0rc1") < v("2.3.0"));
        assert!(v("2.9.0.post0") > v("2.9.0"));
        assert!(v("1.0.dev1") < v("1.0a1"));
        assert_eq!(v("1.0").cmp(&v("1.0.0")), Ordering::Equal);
        assert!(v("2026.10.18") > v("2017.4.17"));
    }

    #[test]
    fn requirements_and_specifiers() {
        let r = Requirement::parse("charset-normalizer<4,>=2").unwrap();
        assert_eq!((r.name.as_str(), r.specifier().as_str()), ("charset-normalizer", "<4,>=2"));
        assert!(r.allows("3.5.2") && !r.allows("4.0") && !r.allows("1.9"));
        let r = Requirement::parse("charset-normalizer (<4,>=2)").unwrap();
        assert!(r.allows("3.5.2"));
        assert!(Requirement::parse("six").unwrap().allows("1.17.0"));
        assert!(!Requirement::parse("numpy").unwrap().allows("2.3.0rc1"));
        assert!(Requirement::parse("numpy==2.*").unwrap().allows("2.1.2"));
        assert!(Requirement::parse("six ~=1.16").unwrap().allows("1.17.0"));
    }

    #[test]
    fn malformed_requirements_read_as_pip() {
        let (message, column) = Requirement::parse("numpy=>1").unwrap_err();
        assert_eq!(message, "Expected end or semicolon (after name and no valid version specifier)");
        assert_eq!(column, 5);
    }

    #[test]
    fn markers() {
        assert!(Requirement::parse("x; python_version >= \"3.8\"").unwrap().marker_holds());
        assert!(!Requirement::parse("x; python_version < \"3.8\"").unwrap().marker_holds());
        assert!(!Requirement::parse("x; sys_platform == \"win32\"").unwrap().marker_holds());
    }
}
