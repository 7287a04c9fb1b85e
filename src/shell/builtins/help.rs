//! `help`: the synopsis and summary of each builtin (bash's first two lines), then a short
//! description in our own words.

use super::super::exec::Interp;

/// (name, synopsis, summary, description) of every builtin.
const TOPICS: &[(&str, &str, &str, &str)] = &[
    (".", ". filename [arguments]", "Execute commands from a file in the current shell.", "Reads FILE and runs its commands here, so variables and functions it sets stay set (this is how `activate` changes your shell). A name without a slash is looked for on PATH, then in the current directory."),
    (":", ":", "Null command.", "Does nothing and succeeds."),
    ("[", "[ arg... ]", "Evaluate conditional expression.", "The same as `test`, but the last argument must be `]`."),
    ("alias", "alias [-p] [name[=value] ... ]", "Define or display aliases.", "With no arguments, lists the aliases; NAME=VALUE makes NAME stand for VALUE when typed as a command."),
    ("break", "break [n]", "Exit for, while, or until loops.", "Leaves the innermost loop, or the N innermost."),
    ("builtin", "builtin [shell-builtin [arg ...]]", "Execute shell builtins.", "Runs the builtin even when a function has the same name."),
    ("cd", "cd [-L|[-P [-e]] [-@]] [dir]", "Change the shell working directory.", "Changes to DIR (default $HOME); `cd -` goes back to $OLDPWD. -L (default) keeps symbolic links in $PWD as typed; -P uses the physical directory."),
    ("command", "command [-pVv] command [arg ...]", "Execute a simple command or display information about commands.", "Runs COMMAND skipping shell functions; -v prints how the name would be found, -V says it in words."),
    ("continue", "continue [n]", "Resume for, while, or until loops.", "Starts the next round of the innermost loop, or of the Nth enclosing one."),
    ("echo", "echo [-neE] [arg ...]", "Write arguments to the standard output.", "Prints its arguments separated by spaces; -n leaves out the newline, -e interprets backslash escapes."),
    ("eval", "eval [arg ...]", "Execute arguments as a shell command.", "Joins its arguments and runs the result as a command line."),
    ("exit", "exit [n]", "Exit the shell.", "Ends the shell with status N (default: the last status)."),
    ("export", "export [-fn] [name[=value] ...] or export -p", "Set export attribute for shell variables.", "Marks variables to be passed to the programs the shell runs; -n removes the mark; -p lists them."),
    ("false", "false", "Return an unsuccessful result.", "Fails with status 1."),
    ("hash", "hash [-lr] [-p pathname] [-dt] [name ...]", "Remember or display program locations.", "Lists the remembered full paths of commands with how often each was used; -r forgets them all. The shell remembers a path the first time it finds a command on PATH and uses it until PATH changes."),
    ("help", "help [-dms] [pattern ...]", "Display information about builtin commands.", "Describes builtins; with no argument, lists them."),
    ("history", "history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]", "Display or manipulate the history list.", "Lists the commands typed, numbered; N shows the last N; -c clears the list."),
    ("local", "local [option] name[=value] ...", "Define local variables.", "Inside a function, makes NAME a variable of that call only."),
    ("printf", "printf [-v var] format [arguments]", "Formats and prints ARGUMENTS under control of the FORMAT.", "FORMAT is printed with each %-directive replaced by the next argument; it is reused until all arguments are consumed."),
    ("pwd", "pwd [-LP]", "Print the name of the current working directory.", "-L (default) prints $PWD, symbolic links as you went through them; -P prints the physical path."),
    ("read", "read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]", "Read a line from the standard input and split it into fields.", "Splits one line of input at IFS characters into the NAMEs; the last NAME gets the rest of the line."),
    ("return", "return [n]", "Return from a shell function.", "Leaves the running function or sourced file with status N."),
    ("set", "set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]", "Set or unset values of shell options and positional parameters.", "With no arguments, lists the variables. `set -- ARGS` sets $1, $2...; -x prints each command before running it, -u makes unset variables an error."),
    ("shift", "shift [n]", "Shift positional parameters.", "Drops the first N positional parameters ($1 becomes what $N+1 was)."),
    ("shopt", "shopt [-pqsu] [-o] [optname ...]", "Set and unset shell options.", "Lists the optional behaviours of the shell and whether each is on; -s turns the named ones on, -u off, -q only sets the status, -p prints them as commands; -o works on the `set -o` options instead."),
    ("source", "source filename [arguments]", "Execute commands from a file in the current shell.", "Reads FILE and runs its commands here, so variables and functions it sets stay set (this is how `activate` changes your shell). A name without a slash is looked for on PATH, then in the current directory."),
    ("test", "test [expr]", "Evaluate conditional expression.", "Succeeds when EXPR is true: -e FILE exists, -f regular file, -d directory, -L symbolic link, -x executable, -z empty string, S1 = S2, N1 -lt N2 and the like."),
    ("true", "true", "Return a successful result.", "Succeeds with status 0."),
    ("type", "type [-afptP] name [name ...]", "Display information about command type.", "Says how the shell would interpret each NAME: alias, keyword, function, builtin, or the file found on PATH; -a lists every match."),
    ("umask", "umask [-p] [-S] [mode]", "Display or set file mode mask.", "Shows or sets the permission bits taken away from new files (022 leaves others read-only)."),
    ("unalias", "unalias [-a] name [name ...]", "Remove each NAME from the list of defined aliases.", "-a removes all aliases."),
    ("unset", "unset [-f] [-v] [-n] [name ...]", "Unset values and attributes of shell variables and functions.", "Removes variables, or functions with -f."),
];

/// `help [NAME...]`.
pub(crate) fn help(it: &mut Interp, argv: &[String]) -> i32 {
    let names: Vec<&String> = argv[1..].iter().filter(|a| !a.starts_with('-')).collect();
    if names.is_empty() {
        let mut text = String::from("These shell commands are defined internally. Type `help name' to find out more about `name'.\n\n");
        for (_, synopsis, _, _) in TOPICS {
            text.push_str(&format!(" {synopsis}\n"));
        }
        super::out(it, text);
        return 0;
    }
    let mut status = 0;
    for name in names {
        let matches: Vec<_> = TOPICS.iter().filter(|(n, ..)| crate::fnmatch::matches(name, n)).collect();
        if matches.is_empty() {
            it.error(format_args!("help: no help topics match `{name}'.  Try `help help' or `man -k {name}' or `info {name}'."));
            status = 1;
        }
        for (n, synopsis, summary, description) in matches {
            let text = format!("{n}: {synopsis}\n    {summary}\n\n{}", wrap(description, 76));
            super::out(it, text);
        }
    }
    status
}

/// Wraps text into lines of at most `width` columns, each indented by four spaces.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            out.push_str(&format!("    {line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&format!("    {line}\n"));
    }
    out
}
