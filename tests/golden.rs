//! Replays every golden transcript recorded on real Linux (`tests/golden/NN-name.sh` → `.out`)
//! through venvlab's transcript mode and compares them after the normalisation of
//! `tests/recording/compare.py` (ls -l sizes and dates, owners, recording-machine versions).
//!
//! Scenarios listed in `tests/golden/known-failures.txt` must differ (a listed scenario that
//! starts matching is an error, so the list stays honest); every other one must match exactly.
//! A scenario starts in the default world unless `tests/golden/worlds.txt` names another.

mod golden_lists;

use regex::Regex;
use venvlab::session::{transcript, Session};

/// The normalisation compare.py applies to both sides.
struct Normaliser {
    prompt: Regex,
    ls_long: Regex,
    subs: Vec<(Regex, &'static str)>,
}

impl Normaliser {
    fn new() -> Normaliser {
        let r = |s: &str| Regex::new(s).expect("valid regex");
        Normaliser {
            prompt: r(r"^((?:\([^)]*\) )?kai@laptop:[^$]*\$ )"),
            ls_long: r(r"^([-dlcbps][-rwxsStT]{9}) +(\d+) +(\S+) +(\S+) +(\d+) +\w{3} +\d+ +[\d:]{4,5} (.*)$"),
            subs: vec![
                (r(r"3\.12\.1\b"), "3.12.7"),
                (r(r"pip-23\.2\.1"), "pip-24.2"),
                (r(r"(pip +)23\.2\.1"), "${1}24.2"),
                (r(r"pip 23\.2\.1"), "pip 24.2"),
                (r(r"pip==23\.2\.1"), "pip==24.2"),
                (r(r"^  (?:Using cached|Downloading) (\S+) \((.*)\)$"), "  Fetching $1 ($2)"),
                (r(r"[\d.]+ [kMG]?B/s"), "RATE"),
                // ensurepip's temporary directory for its wheel: /tmp/tmp + 8 random characters.
                (r(r"/tmp/tmp[a-z0-9_]{8}\b"), "/tmp/tmpXXXXXXXX"),
                (r(r"^total \d+$"), "total N"),
                // A finished download bar is as wide as the line leaves room for beside the
                // download rate, which RATE already hides: the bar's width is noise too.
                (r(r"^     ━+ "), "     ━━━ "),
            ],
        }
    }

    fn normalise(&self, text: &str, commands: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        let mut i = 0;
        for line in text.split('\n') {
            if line.starts_with("bash: cannot set terminal process group") || line == "bash: no job control in this shell" {
                continue;
            }
            let mut line = line.to_string();
            if let Some(m) = self.prompt.captures(&line) {
                if i >= commands.len() {
                    continue;
                }
                line = format!("{}{}", &m[1], commands[i]);
                i += 1;
            }
            if let Some(m) = self.ls_long.captures(&line) {
                let who = |s: &str| if s == "root" || s == "kai" { "kai".to_string() } else { s.to_string() };
                line = format!("{} {} {} {} SIZE DATE {}", &m[1], &m[2], who(&m[3]), who(&m[4]), &m[6]);
            }
            for (pattern, replacement) in &self.subs {
                line = pattern.replace_all(&line, *replacement).into_owned();
            }
            out.push(line.trim_end().to_string());
        }
        while out.last().is_some_and(|l| l.is_empty()) {
            out.pop();
        }
        out
    }
}

#[test]
fn golden_transcripts_match_real_linux() {
    let dir = golden_lists::dir();
    let known = golden_lists::read("known-failures.txt");
    let worlds = golden_lists::read("worlds.txt");
    let norm = Normaliser::new();
    let mut scenarios: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/golden exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sh"))
        .collect();
    scenarios.sort();
    assert!(scenarios.len() >= 2, "no golden scenarios found");
    let mut problems = Vec::new();
    for script in &scenarios {
        let name = script.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let input = std::fs::read_to_string(script).expect("readable scenario");
        let expected = std::fs::read_to_string(script.with_extension("out")).expect("every .sh has an .out");
        let commands: Vec<&str> = input.lines().filter(|l| !l.trim().is_empty()).collect();
        let world = worlds.get(&name).map_or("default", String::as_str);
        let Some(world) = venvlab::world::preset(world) else {
            problems.push(format!("{name}: worlds.txt names `{world}`, which is no preset"));
            continue;
        };
        let mut session = Session::with_world(world, false, 80);
        let actual = transcript(&mut session, &input);
        let (want, got) = (norm.normalise(&expected, &commands), norm.normalise(&actual, &commands));
        let matched = want == got;
        let matching = want.iter().zip(&got).take_while(|(a, b)| a == b).count();
        println!("{name}: {} ({matching} leading lines of {} match)", if matched { "match" } else { "differs" }, want.len());
        match (matched, known.get(&name)) {
            (true, Some(_)) => problems.push(format!("{name} now matches: remove it from known-failures.txt")),
            (false, None) => {
                let first = want.iter().zip(&got).position(|(a, b)| a != b).unwrap_or(matching);
                problems.push(format!(
                    "{name} differs from real Linux at line {}:\n  real:    {:?}\n  venvlab: {:?}",
                    first + 1,
                    want.get(first),
                    got.get(first)
                ));
            }
            _ => {}
        }
    }
    for name in known.keys().chain(worlds.keys()) {
        if !dir.join(format!("{name}.sh")).exists() {
            problems.push(format!("{name} is listed, but there is no {name}.sh"));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
