//! `clear`: clear the terminal screen and its scrollback, writing what ncurses' `clear`
//! writes for `TERM=xterm-256color`.

use super::Ctx;

/// Cursor home, erase the screen, erase the scrollback.
pub const CLEAR: &str = "\x1b[H\x1b[2J\x1b[3J";

/// Entry point of `clear`.
pub fn main(ctx: &mut Ctx, _argv: &[String]) -> i32 {
    ctx.out(CLEAR);
    0
}

#[cfg(test)]
mod tests {
    use super::super::walk::testing::out;
    use super::super::{run_for_test, test_machine};

    #[test]
    fn writes_the_xterm_sequence() {
        let (mut fs, env) = test_machine();
        assert_eq!(run_for_test(&mut fs, &env, &["clear"], b""), out("\x1b[H\x1b[2J\x1b[3J"));
    }
}
