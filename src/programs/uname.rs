//! `uname` and `hostname`: the system's name, as an Ubuntu 24.04 laptop reports it.
//!
//! `uname` prints the kernel name by default; `-s -n -r -v -m -p -i -o` pick fields and `-a`
//! prints them all, always in that order. The node name, like `hostname`, comes from
//! `/etc/hostname` (`localhost` when it is missing).

use super::args::{self, Spec};
use super::Ctx;

const SPEC: Spec = Spec {
    prog: "uname",
    flags: "asnrvmpio",
    with_value: "",
    long: &[
        ("all", "a", false),
        ("kernel-name", "s", false),
        ("nodename", "n", false),
        ("kernel-release", "r", false),
        ("kernel-version", "v", false),
        ("machine", "m", false),
        ("processor", "p", false),
        ("hardware-platform", "i", false),
        ("operating-system", "o", false),
    ],
};

/// The kernel release reported.
const RELEASE: &str = "6.8.0-45-generic";
/// The kernel version string reported.
const VERSION: &str = "#45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024";

/// The machine's host name from `/etc/hostname`.
pub fn host_name(ctx: &Ctx) -> String {
    ctx.fs
        .read("/etc/hostname")
        .ok()
        .and_then(|data| String::from_utf8_lossy(&data).lines().next().map(|l| l.trim().to_string()))
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "localhost".to_string())
}

/// Entry point of `uname`.
pub fn main(ctx: &mut Ctx, argv: &[String]) -> i32 {
    let Some(parsed) = args::parse_or_report(ctx, &SPEC, argv.get(1..).unwrap_or_default()) else { return 1 };
    if let Some(extra) = parsed.operands.first() {
        return args::usage_error(ctx, "uname", &format!("extra operand \u{2018}{extra}\u{2019}"));
    }
    let all = parsed.has("a");
    let host = host_name(ctx);
    let fields = [
        ("s", "Linux"),
        ("n", host.as_str()),
        ("r", RELEASE),
        ("v", VERSION),
        ("m", "x86_64"),
        ("p", "x86_64"),
        ("i", "x86_64"),
        ("o", "GNU/Linux"),
    ];
    let mut chosen: Vec<&str> = fields.iter().filter(|(k, _)| all || parsed.has(k)).map(|(_, v)| *v).collect();
    if chosen.is_empty() {
        chosen.push("Linux");
    }
    ctx.out(chosen.join(" ") + "\n");
    0
}

/// Entry point of `hostname`: prints the host name; setting it needs root.
pub fn hostname(ctx: &mut Ctx, argv: &[String]) -> i32 {
    match argv.get(1) {
        Some(arg) if arg.starts_with('-') && arg.len() > 1 => {
            let c = arg.chars().nth(1).unwrap_or('-');
            if !matches!(c, 's' | 'f' | 'a' | 'A') {
                ctx.err_fmt(format_args!("hostname: invalid option -- '{c}'\n"));
                return 1;
            }
        }
        Some(_) => {
            ctx.err("hostname: you must be root to change the host name\n");
            return 1;
        }
        None => {}
    }
    let name = host_name(ctx);
    ctx.out_fmt(format_args!("{name}\n"));
    0
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::err;
    use super::super::{run_for_test, test_machine};

    #[test]
    fn names() {
        let (mut fs, env) = test_machine();
        assert_eq!(run_for_test(&mut fs, &env, &["uname"], b"").0, "Linux\n");
        assert_eq!(run_for_test(&mut fs, &env, &["uname", "-s"], b"").0, "Linux\n");
        assert_eq!(run_for_test(&mut fs, &env, &["uname", "-m"], b"").0, "x86_64\n");
        assert_eq!(run_for_test(&mut fs, &env, &["hostname"], b"").0, "localhost\n");
        fs.set_cred(crate::fs::Cred::ROOT);
        fs.write("/etc/hostname", b"laptop\n").unwrap();
        assert_eq!(run_for_test(&mut fs, &env, &["hostname"], b"").0, "laptop\n");
        assert_eq!(run_for_test(&mut fs, &env, &["uname", "-mns"], b"").0, "Linux laptop x86_64\n");
        assert_eq!(
            run_for_test(&mut fs, &env, &["uname", "-a"], b"").0,
            "Linux laptop 6.8.0-45-generic #45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024 \
             x86_64 x86_64 x86_64 GNU/Linux\n"
        );
        assert_eq!(
            run_for_test(&mut fs, &env, &["uname", "-x"], b""),
            err("uname: invalid option -- 'x'\nTry 'uname --help' for more information.\n")
        );
        assert_eq!(run_for_test(&mut fs, &env, &["hostname", "new"], b"").2, 1);
    }
}
