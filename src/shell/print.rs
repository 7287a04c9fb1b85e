//! Prints commands back as bash does for `type NAME` of a function: four-space indentation,
//! `;` after commands inside `if`/`while`/`for` bodies, `elif` written as a nested `if`.

use super::ast::{AndOr, AndOrOp, Command, CompoundCommand, List, Pipeline, RedirOp, Redirect};

/// `name () ` and the body, as `type` shows a function.
pub fn function(name: &str, body: &Command) -> String {
    format!("{name} () \n{}", command(body, 0))
}

fn pad(level: usize) -> String {
    "    ".repeat(level)
}

/// A list whose items are separated by `;` and newlines, the last without `;`.
fn joined(list: &List, level: usize) -> String {
    list.iter().map(|a| format!("{}{}", pad(level), and_or(a, level))).collect::<Vec<_>>().join(";\n")
}

/// A list whose items each end in `;` and a newline (bodies of `if`, `while`, `for`).
fn terminated(list: &List, level: usize) -> String {
    list.iter().map(|a| format!("{}{};\n", pad(level), and_or(a, level))).collect()
}

/// A list on one line, items separated by `; ` (conditions).
fn inline(list: &List, level: usize) -> String {
    list.iter().map(|a| and_or(a, level)).collect::<Vec<_>>().join("; ")
}

fn and_or(a: &AndOr, level: usize) -> String {
    let mut out = pipeline(&a.first, level);
    for (op, p) in &a.rest {
        out.push_str(if *op == AndOrOp::And { " && " } else { " || " });
        out.push_str(&pipeline(p, level));
    }
    out
}

fn pipeline(p: &Pipeline, level: usize) -> String {
    let body = p.commands.iter().map(|c| command(c, level)).collect::<Vec<_>>().join(" | ");
    if p.negated {
        format!("! {body}")
    } else {
        body
    }
}

fn command(c: &Command, level: usize) -> String {
    match c {
        Command::Simple(s) => {
            let mut parts: Vec<String> = s.assignments.iter().map(|a| format!("{}={}", a.name, a.value.as_str())).collect();
            parts.extend(s.words.iter().map(|w| w.as_str().to_string()));
            let mut out = parts.join(" ");
            out.push_str(&redirects(&s.redirects));
            out
        }
        Command::Compound(cc, redirs) => format!("{}{}", compound(cc, level), redirects(redirs)),
        Command::FunctionDef { name, body } => format!("{name} () \n{}", command(body, level)),
    }
}

fn compound(cc: &CompoundCommand, level: usize) -> String {
    let end = pad(level);
    match cc {
        CompoundCommand::Group(list) => format!("{{ \n{}\n{end}}}", joined(list, level + 1)),
        CompoundCommand::Subshell(list) => format!("( {} )", inline(list, level)),
        CompoundCommand::If { branches, else_body } => if_chain(branches, else_body.as_ref(), level),
        CompoundCommand::For { var, words, body } => {
            let words = match words {
                Some(ws) => format!(" in {}", ws.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(" ")),
                None => String::new(),
            };
            format!("for {var}{words};\n{end}do\n{}{end}done", terminated(body, level + 1))
        }
        CompoundCommand::While { until, cond, body } => {
            let kw = if *until { "until" } else { "while" };
            format!("{kw} {}; do\n{}{end}done", inline(cond, level), terminated(body, level + 1))
        }
        CompoundCommand::Case { word, arms } => {
            let mut out = format!("case {} in \n", word.as_str());
            for arm in arms {
                let pats = arm.patterns.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(" | ");
                out.push_str(&format!("{}{pats})\n", pad(level + 1)));
                if !arm.body.is_empty() {
                    out.push_str(&joined(&arm.body, level + 2));
                    out.push('\n');
                }
                out.push_str(&format!("{};;\n", pad(level + 1)));
            }
            out.push_str(&format!("{end}esac"));
            out
        }
    }
}

fn if_chain(branches: &[(List, List)], else_body: Option<&List>, level: usize) -> String {
    let end = pad(level);
    let Some(((cond, body), rest)) = branches.split_first() else { return String::new() };
    let mut out = format!("if {}; then\n{}", inline(cond, level), terminated(body, level + 1));
    if !rest.is_empty() {
        out.push_str(&format!("{end}else\n{}{};\n", pad(level + 1), if_chain(rest, else_body, level + 1)));
    } else if let Some(e) = else_body {
        out.push_str(&format!("{end}else\n{}", terminated(e, level + 1)));
    }
    out.push_str(&format!("{end}fi"));
    out
}

fn redirects(list: &[Redirect]) -> String {
    list.iter()
        .map(|r| {
            let fd = r.fd.map(|f| f.to_string()).unwrap_or_default();
            let t = r.target.as_str();
            match r.op {
                RedirOp::Read => format!(" {fd}< {t}"),
                RedirOp::Write => format!(" {fd}> {t}"),
                RedirOp::Append => format!(" {fd}>> {t}"),
                RedirOp::DupOut => format!(" {fd}>&{t}"),
                RedirOp::DupIn => format!(" {fd}<&{t}"),
                RedirOp::WriteBoth => format!(" &> {t}"),
                RedirOp::AppendBoth => format!(" &>> {t}"),
                RedirOp::HereString => format!(" <<< {t}"),
                RedirOp::HereDoc { .. } => format!(" <<EOF\n{t}EOF\n"),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shell::parser::parse;

    fn show(src: &str) -> String {
        let list = parse(src, &|_| None).unwrap();
        match &list[0].first.commands[0] {
            Command::FunctionDef { name, body } => function(name, body),
            _ => panic!("not a function"),
        }
    }

    #[test]
    fn matches_bash_type_output() {
        assert_eq!(show("f() { echo a; }"), "f () \n{ \n    echo a\n}");
        assert_eq!(
            show("x() { if true; then echo \"$1\"; fi; for i in a b; do echo $i; done | cat; }"),
            "x () \n{ \n    if true; then\n        echo \"$1\";\n    fi;\n    for i in a b;\n    do\n        echo $i;\n    done | cat\n}"
        );
        assert_eq!(
            show("y() { while true; do echo a > f 2>&1; break; done; }"),
            "y () \n{ \n    while true; do\n        echo a > f 2>&1;\n        break;\n    done\n}"
        );
    }
}
