//! `shopt`: bash 5.2's optional behaviours, listed, queried, set and unset.
//!
//! Every option bash has can be shown. Setting one is allowed when the simulation behaves as
//! the option says either way: it has no visible effect here (`histappend`, `checkwinsize`,
//! completion and history-file options) or is modelled (`expand_aliases`). Turning on (or off)
//! an option whose behaviour the simulation does not have says so instead. `-o` reaches the
//! `set -o` options; of those, `noglob`, `nounset` and `xtrace` can be changed.

use super::super::exec::Interp;

/// An option: its name, whether it is on by default, and whether the simulation honours both
/// of its values.
struct Opt(&'static str, bool, bool);

/// bash 5.2's `shopt` options in its order, with their defaults in an interactive shell
/// (`expand_aliases` is off in a non-interactive one).
const OPTIONS: &[Opt] = &[
    Opt("autocd", false, false),
    Opt("assoc_expand_once", false, false),
    Opt("cdable_vars", false, false),
    Opt("cdspell", false, false),
    Opt("checkhash", false, true),
    Opt("checkjobs", false, true),
    Opt("checkwinsize", true, true),
    Opt("cmdhist", true, true),
    Opt("compat31", false, false),
    Opt("compat32", false, false),
    Opt("compat40", false, false),
    Opt("compat41", false, false),
    Opt("compat42", false, false),
    Opt("compat43", false, false),
    Opt("compat44", false, false),
    Opt("complete_fullquote", true, true),
    Opt("direxpand", false, true),
    Opt("dirspell", false, true),
    Opt("dotglob", false, false),
    Opt("execfail", false, false),
    Opt("expand_aliases", true, true),
    Opt("extdebug", false, false),
    Opt("extglob", false, false),
    Opt("extquote", true, false),
    Opt("failglob", false, false),
    Opt("force_fignore", true, true),
    Opt("globasciiranges", true, false),
    Opt("globskipdots", true, false),
    Opt("globstar", false, false),
    Opt("gnu_errfmt", false, false),
    Opt("histappend", false, true),
    Opt("histreedit", false, true),
    Opt("histverify", false, true),
    Opt("hostcomplete", true, true),
    Opt("huponexit", false, true),
    Opt("inherit_errexit", false, false),
    Opt("interactive_comments", true, false),
    Opt("lastpipe", false, false),
    Opt("lithist", false, true),
    Opt("localvar_inherit", false, false),
    Opt("localvar_unset", false, false),
    Opt("login_shell", false, true),
    Opt("mailwarn", false, true),
    Opt("no_empty_cmd_completion", false, true),
    Opt("nocaseglob", false, false),
    Opt("nocasematch", false, false),
    Opt("noexpand_translation", false, false),
    Opt("nullglob", false, false),
    Opt("patsub_replacement", true, false),
    Opt("progcomp", true, true),
    Opt("progcomp_alias", false, true),
    Opt("promptvars", true, false),
    Opt("restricted_shell", false, true),
    Opt("shift_verbose", false, false),
    Opt("sourcepath", true, false),
    Opt("varredir_close", false, false),
    Opt("xpg_echo", false, false),
];

/// Options that report the shell's state and cannot be changed.
const READ_ONLY: [&str; 2] = ["login_shell", "restricted_shell"];

/// The `shopt` options changed from their defaults: a bit per entry of [`OPTIONS`] in `set`,
/// its value in `on`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Shopts {
    set: u64,
    on: u64,
}

impl Shopts {
    /// Whether an option is on in a shell that is (or is not) interactive.
    pub(crate) fn is_on(&self, name: &str, interactive: bool) -> bool {
        let Some(i) = OPTIONS.iter().position(|o| o.0 == name) else { return false };
        if self.set >> i & 1 == 1 {
            self.on >> i & 1 == 1
        } else {
            OPTIONS[i].1 && (interactive || name != "expand_aliases")
        }
    }

    fn put(&mut self, i: usize, on: bool) {
        self.set |= 1 << i;
        if on {
            self.on |= 1 << i;
        } else {
            self.on &= !(1 << i);
        }
    }
}

/// The `set -o` options in bash's order, and whether each is on in this shell.
fn set_options(it: &Interp) -> [(&'static str, bool); 27] {
    let sh = &*it.sh;
    let i = sh.interactive;
    [
        ("allexport", false),
        ("braceexpand", true),
        ("emacs", i),
        ("errexit", false),
        ("errtrace", false),
        ("functrace", false),
        ("hashall", true),
        ("histexpand", i),
        ("history", i),
        ("ignoreeof", false),
        ("interactive-comments", true),
        ("keyword", false),
        ("monitor", false),
        ("noclobber", false),
        ("noexec", false),
        ("noglob", sh.noglob),
        ("nolog", false),
        ("notify", false),
        ("nounset", sh.nounset),
        ("onecmd", false),
        ("physical", false),
        ("pipefail", false),
        ("posix", false),
        ("privileged", false),
        ("verbose", false),
        ("vi", false),
        ("xtrace", sh.xtrace),
    ]
}

/// What `shopt` was asked to do.
#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    set: bool,
    unset: bool,
    print: bool,
    quiet: bool,
    set_o: bool,
}

/// `shopt [-pqsu] [-o] [optname ...]`.
pub(crate) fn shopt(it: &mut Interp, argv: &[String]) -> i32 {
    let mut flags = Flags::default();
    let mut names = &argv[1..];
    while let Some(arg) = names.first().filter(|a| a.starts_with('-') && a.len() > 1) {
        names = &names[1..];
        if arg == "--" {
            break;
        }
        for c in arg[1..].chars() {
            match c {
                's' => flags.set = true,
                'u' => flags.unset = true,
                'p' => flags.print = true,
                'q' => flags.quiet = true,
                'o' => flags.set_o = true,
                _ => {
                    it.error(format_args!("shopt: -{c}: invalid option"));
                    it.io.write(2, b"shopt: usage: shopt [-pqsu] [-o] [optname ...]\n");
                    return 2;
                }
            }
        }
    }
    if flags.set && flags.unset {
        it.error("shopt: cannot set and unset shell options simultaneously");
        return 1;
    }
    let table: Vec<(&'static str, bool)> = if flags.set_o {
        set_options(it).to_vec()
    } else {
        OPTIONS.iter().map(|o| (o.0, it.sh.shopts.is_on(o.0, it.sh.interactive))).collect()
    };
    if names.is_empty() {
        let wanted = |on: bool| (!flags.set || on) && (!flags.unset || !on);
        let lines: String = table.iter().filter(|(_, on)| wanted(*on)).map(|&(n, on)| line(n, on, flags)).collect();
        if !flags.quiet {
            super::out(it, lines);
        }
        return 0;
    }
    let mut status = 0;
    for name in names {
        let Some(&(name, on)) = table.iter().find(|(n, _)| n == name) else {
            let what = if flags.set_o { "invalid option name" } else { "invalid shell option name" };
            it.error(format_args!("shopt: {name}: {what}"));
            status = 1;
            continue;
        };
        if flags.set || flags.unset {
            if !change(it, name, flags.set, flags.set_o) {
                status = 1;
            }
        } else if !on {
            status = 1;
        }
        if !flags.quiet && !flags.set && !flags.unset {
            super::out(it, line(name, on, flags));
        }
    }
    status
}

/// One line of a listing: `name<TAB>on`, or with `-p` the command that sets it so.
fn line(name: &str, on: bool, flags: Flags) -> String {
    match (flags.print, flags.set_o) {
        (false, _) => format!("{name:<15}\t{}\n", if on { "on" } else { "off" }),
        (true, false) => format!("shopt -{} {name}\n", if on { 's' } else { 'u' }),
        (true, true) => format!("set {}o {name}\n", if on { '-' } else { '+' }),
    }
}

/// Turns an option on or off; false (with a message) when the simulation cannot.
fn change(it: &mut Interp, name: &'static str, on: bool, set_o: bool) -> bool {
    if set_o {
        match name {
            "noglob" => it.sh.noglob = on,
            "nounset" => it.sh.nounset = on,
            "xtrace" => it.sh.xtrace = on,
            _ if set_options(it).iter().any(|&(n, value)| n == name && value == on) => {}
            _ => return unsupported(it, name),
        }
        return true;
    }
    if READ_ONLY.contains(&name) {
        return true;
    }
    let Some(i) = OPTIONS.iter().position(|o| o.0 == name) else { return false };
    let modelled = OPTIONS[i].2;
    if !modelled && on != it.sh.shopts.is_on(name, it.sh.interactive) {
        return unsupported(it, name);
    }
    it.sh.shopts.put(i, on);
    true
}

/// Says that an option's other value is not part of the simulation.
fn unsupported(it: &mut Interp, name: &str) -> bool {
    it.io.write(2, format!("venvlab: shopt: {name}: changing it is not supported in this simulation\n").as_bytes());
    false
}
