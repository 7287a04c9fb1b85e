//! `history`: the numbered list of lines typed.

use super::super::exec::Interp;

/// `history [N]`, `history -c`.
pub(crate) fn history(it: &mut Interp, argv: &[String]) -> i32 {
    match argv.get(1).map(String::as_str) {
        Some("-c") => {
            it.sh.history.clear();
            0
        }
        arg => {
            let total = it.sh.history.len();
            let count = match arg.map(str::parse::<usize>) {
                None => total,
                Some(Ok(n)) => n.min(total),
                Some(Err(_)) => {
                    it.error(format_args!("history: {}: numeric argument required", arg.unwrap_or_default()));
                    return 1;
                }
            };
            let text: String = it
                .sh
                .history
                .iter()
                .enumerate()
                .skip(total - count)
                .map(|(i, line)| format!("{:>5}  {line}\n", i + 1))
                .collect();
            super::out(it, text);
            0
        }
    }
}
