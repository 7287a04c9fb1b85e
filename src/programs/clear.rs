//! `clear`: clear the terminal screen and its scrollback, writing what ncurses' `clear`
//! writes for `TERM=xterm-256color` (the terminal of the web page and of Ubuntu's terminal).
//! A `dumb` terminal cannot clear: nothing is written and the status is 1, as when `TERM`
//! names no terminal at all.

use super::Ctx;

/// Cursor home, erase the screen, erase the scrollback.
pub const CLEAR: &str = "\x1b[H\x1b[2J\x1b[3J";

/// Entry point of `clear`.
pub fn main(ctx: &mut Ctx, _argv: &[String]) -> i32 {
    match ctx.var("TERM") {
        None => ctx.err("TERM environment variable not set.\n"),
        Some("") => ctx.err("'': unknown terminal type.\n"),
        Some("dumb") => {}
        Some(_) => {
            ctx.out(CLEAR);
            return 0;
        }
    }
    1
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::{err, out};
    use super::super::{run_for_test, test_machine};

    #[test]
    fn writes_the_xterm_sequence() {
        let (mut fs, mut env) = test_machine();
        assert_eq!(run_for_test(&mut fs, &env, &["clear"], b""), err("TERM environment variable not set.\n"));
        env.insert("TERM".into(), "dumb".into());
        assert_eq!(run_for_test(&mut fs, &env, &["clear"], b""), err(""));
        env.insert("TERM".into(), "xterm-256color".into());
        assert_eq!(run_for_test(&mut fs, &env, &["clear"], b""), out("\x1b[H\x1b[2J\x1b[3J"));
    }
}
