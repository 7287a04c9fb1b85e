//! `id`, `groups` and `whoami`: the user and groups the shell runs as, named per
//! `/etc/passwd` and `/etc/group`.
//!
//! `id` prints `uid=1000(kai) gid=1000(kai) groups=1000(kai),...` (the primary group, then
//! every group listing the user as a member); `-u -g -G` print numbers, with `-n` names.
//! `id USER` describes another user. `groups [USER]...` names the groups, as `id -Gn` does.

use super::args::{self, Spec};
use super::users::{group_name, user_name};
use super::Ctx;
use crate::fs::Fs;

const SPEC: Spec = Spec {
    prog: "id",
    flags: "ugGnr",
    with_value: "",
    long: &[
        ("user", "u", false),
        ("group", "g", false),
        ("groups", "G", false),
        ("name", "n", false),
        ("real", "r", false),
    ],
};

/// A user's ids and name.
struct Who {
    uid: u32,
    gid: u32,
    name: Option<String>,
}

/// The lines of a colon-separated database file, split into fields.
fn records(fs: &Fs, path: &str) -> Vec<Vec<String>> {
    let Ok(data) = fs.read(path) else { return Vec::new() };
    String::from_utf8_lossy(&data).lines().map(|l| l.split(':').map(str::to_string).collect()).collect()
}

/// The group ids of a user: the primary one, then each group naming the user as a member.
fn groups_of(fs: &Fs, who: &Who) -> Vec<u32> {
    let mut ids = vec![who.gid];
    if let Some(name) = &who.name {
        for group in records(fs, "/etc/group") {
            let (Some(gid), Some(members)) = (group.get(2).and_then(|g| g.parse::<u32>().ok()), group.get(3)) else {
                continue;
            };
            if members.split(',').any(|m| m == name) && !ids.contains(&gid) {
                ids.push(gid);
            }
        }
    }
    ids
}

/// Entry point of `id`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, argv.get(1..).unwrap_or_default()) else { return 1 };
    let Some(who) = who(ctx, "id", parsed.operands.first()) else { return 1 };
    let names = parsed.has("n");
    let pick = ["u", "g", "G"].into_iter().filter(|k| parsed.has(k)).collect::<Vec<_>>();
    if pick.len() > 1 {
        ctx.error("id", "cannot print \"only\" of more than one choice");
        return 1;
    }
    let user = |fs: &Fs, id: u32| if names { user_name(fs, id) } else { id.to_string() };
    let group = |fs: &Fs, id: u32| if names { group_name(fs, id) } else { id.to_string() };
    let line = match pick.first().copied() {
        Some("u") => user(ctx.fs, who.uid),
        Some("g") => group(ctx.fs, who.gid),
        Some(_) if names => group_names(ctx.fs, &who),
        Some(_) => groups_of(ctx.fs, &who).into_iter().map(|g| g.to_string()).collect::<Vec<_>>().join(" "),
        None if names || parsed.has("r") => {
            ctx.error("id", "cannot print only names or real IDs in default format");
            return 1;
        }
        None => {
            let groups: Vec<String> =
                groups_of(ctx.fs, &who).into_iter().map(|g| format!("{g}({})", group_name(ctx.fs, g))).collect();
            format!(
                "uid={}({}) gid={}({}) groups={}",
                who.uid,
                user_name(ctx.fs, who.uid),
                who.gid,
                group_name(ctx.fs, who.gid),
                groups.join(",")
            )
        }
    };
    ctx.out(line + "\n");
    0
}

/// The user a command describes: the process's own, or the one named (`None`, after saying
/// so, when there is no such user).
fn who(ctx: &mut Ctx, prog: &str, user: Option<&String>) -> Option<Who> {
    let Some(user) = user else {
        let cred = ctx.fs.cred();
        let name = records(ctx.fs, "/etc/passwd")
            .into_iter()
            .find(|r| r.get(2).and_then(|u| u.parse::<u32>().ok()) == Some(cred.uid))
            .and_then(|r| r.first().cloned());
        return Some(Who { uid: cred.uid, gid: cred.gid, name });
    };
    let found = records(ctx.fs, "/etc/passwd").into_iter().find(|r| r.first() == Some(user));
    let ids = found.as_ref().and_then(|r| Some((r.get(2)?.parse().ok()?, r.get(3)?.parse().ok()?)));
    match ids {
        Some((uid, gid)) => Some(Who { uid, gid, name: Some(user.clone()) }),
        None => {
            ctx.error(prog, format!("\u{2018}{user}\u{2019}: no such user"));
            None
        }
    }
}

/// The names of a user's groups, separated by spaces.
fn group_names(fs: &Fs, who: &Who) -> String {
    groups_of(fs, who).into_iter().map(|g| group_name(fs, g)).collect::<Vec<_>>().join(" ")
}

/// Entry point of `groups`: the groups of the process, or `USER : groups` for each user named.
pub fn groups(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &Spec { prog: "groups", flags: "", with_value: "", long: &[] }, argv.get(1..).unwrap_or_default()) else {
        return 1;
    };
    if parsed.operands.is_empty() {
        let Some(me) = who(ctx, "groups", None) else { return 1 };
        let line = group_names(ctx.fs, &me) + "\n";
        ctx.out(line);
        return 0;
    }
    let mut status = 0;
    for user in &parsed.operands {
        match who(ctx, "groups", Some(user)) {
            Some(them) => {
                let line = format!("{user} : {}\n", group_names(ctx.fs, &them));
                ctx.out(line);
            }
            None => status = 1,
        }
    }
    status
}

/// Entry point of `whoami`: the name of the effective user.
pub fn whoami(ctx: &mut Ctx, argv: &[String]) -> i32 {
    if let Some(extra) = argv.get(1) {
        return args::usage_error(ctx, "whoami", &format!("extra operand \u{2018}{extra}\u{2019}"));
    }
    let uid = ctx.fs.cred().uid;
    let name = user_name(ctx.fs, uid);
    if name == uid.to_string() {
        ctx.error("whoami", format!("cannot find name for user ID {uid}"));
        return 1;
    }
    ctx.out(name + "\n");
    0
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::err;
    use super::super::{run_for_test, test_machine};

    #[test]
    fn identity() {
        let (mut fs, env) = test_machine();
        assert_eq!(run_for_test(&mut fs, &env, &["whoami"], b"").0, "kai\n");
        assert_eq!(run_for_test(&mut fs, &env, &["id"], b"").0, "uid=1000(kai) gid=1000(kai) groups=1000(kai)\n");
        assert_eq!(run_for_test(&mut fs, &env, &["id", "-u"], b"").0, "1000\n");
        assert_eq!(run_for_test(&mut fs, &env, &["id", "-un"], b"").0, "kai\n");
        assert_eq!(run_for_test(&mut fs, &env, &["id", "root"], b"").0, "uid=0(root) gid=0(root) groups=0(root)\n");
        assert_eq!(
            run_for_test(&mut fs, &env, &["id", "nobody"], b""),
            err("id: \u{2018}nobody\u{2019}: no such user\n")
        );
        assert_eq!(run_for_test(&mut fs, &env, &["id", "-n"], b"").2, 1);
        assert_eq!(run_for_test(&mut fs, &env, &["whoami", "x"], b"").2, 1);
    }

    #[test]
    fn supplementary_groups() {
        let (mut fs, env) = test_machine();
        fs.set_cred(crate::fs::Cred::ROOT);
        fs.write("/etc/group", b"root:x:0:\nsudo:x:27:kai\nkai:x:1000:\n").unwrap();
        fs.set_cred(crate::fs::Cred { uid: 1000, gid: 1000 });
        assert_eq!(
            run_for_test(&mut fs, &env, &["id"], b"").0,
            "uid=1000(kai) gid=1000(kai) groups=1000(kai),27(sudo)\n"
        );
        assert_eq!(run_for_test(&mut fs, &env, &["id", "-Gn"], b"").0, "kai sudo\n");
        assert_eq!(run_for_test(&mut fs, &env, &["groups"], b"").0, "kai sudo\n");
        assert_eq!(
            run_for_test(&mut fs, &env, &["groups", "root", "nosuch", "kai"], b""),
            ("root : root\nkai : kai sudo\n".into(), "groups: \u{2018}nosuch\u{2019}: no such user\n".into(), 1)
        );
    }
}
