//! Shell builtins: commands bash runs itself, because they change the shell (`cd`, `export`,
//! `source`) or report on it (`type`, `hash`, `alias`). One name → function table; each
//! group of related builtins has its own file.

mod alias;
mod cd;
mod echo;
mod exec;
mod flow;
mod help;
mod history;
mod lookup;
mod printf;
mod read;
pub(crate) mod shopt;
mod vars;

use super::exec::Interp;

/// A builtin's entry point: the interpreter and `argv` (with the name), returning the status.
pub(crate) type Builtin = fn(&mut Interp, &[String]) -> i32;

const TABLE: &[(&str, Builtin)] = &[
    (".", flow::source),
    (":", flow::true_),
    ("[", super::test_cmd::test),
    ("alias", alias::alias),
    ("break", flow::break_),
    ("builtin", lookup::builtin),
    ("cd", cd::cd),
    ("command", lookup::command),
    ("continue", flow::continue_),
    ("echo", echo::echo),
    ("eval", flow::eval),
    ("exec", exec::exec),
    ("exit", flow::exit),
    ("export", vars::export),
    ("false", flow::false_),
    ("hash", lookup::hash),
    ("help", help::help),
    ("history", history::history),
    ("local", vars::local),
    ("printf", printf::printf),
    ("pwd", cd::pwd),
    ("read", read::read),
    ("return", flow::return_),
    ("set", vars::set),
    ("shift", vars::shift),
    ("shopt", shopt::shopt),
    ("source", flow::source),
    ("test", super::test_cmd::test),
    ("true", flow::true_),
    ("type", lookup::type_),
    ("umask", vars::umask),
    ("unalias", alias::unalias),
    ("unset", vars::unset),
];

/// Names of every builtin.
pub(crate) const NAMES: &[&str] = &[
    ".", ":", "[", "alias", "break", "builtin", "cd", "command", "continue", "echo", "eval", "exec", "exit", "export",
    "false", "hash", "help", "history", "local", "printf", "pwd", "read", "return", "set", "shift", "shopt", "source",
    "test", "true", "type", "umask", "unalias", "unset",
];

/// The builtin of this name.
pub(crate) fn find(name: &str) -> Option<Builtin> {
    TABLE.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// bash's reserved words, which `type` calls keywords.
pub(crate) const KEYWORDS: &[&str] = &[
    "!", "case", "coproc", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if", "in", "select",
    "then", "time", "until", "while", "{", "}", "[[", "]]",
];

/// Writes text or raw bytes to the interpreter's standard output.
fn out(it: &mut Interp, bytes: impl AsRef<[u8]>) {
    it.io.write(1, bytes.as_ref());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_list_every_builtin() {
        let mut table: Vec<&str> = TABLE.iter().map(|(n, _)| *n).collect();
        crate::sort::sort(&mut table);
        let mut names = NAMES.to_vec();
        crate::sort::sort(&mut names);
        assert_eq!(table, names);
    }
}
