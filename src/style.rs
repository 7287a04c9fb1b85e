//! Terminal output as styled spans: ANSI SGR sequences (`ESC [ ... m`) that programs such as
//! `ls --color` write become styles; other control sequences (`clear`'s) are taken out.

use crate::io::Stream;

/// One of the eight basic terminal colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Color {
    /// Colour 0.
    Black,
    /// Colour 1.
    Red,
    /// Colour 2.
    Green,
    /// Colour 3.
    Yellow,
    /// Colour 4.
    Blue,
    /// Colour 5.
    Magenta,
    /// Colour 6.
    Cyan,
    /// Colour 7.
    White,
}

const COLORS: [Color; 8] =
    [Color::Black, Color::Red, Color::Green, Color::Yellow, Color::Blue, Color::Magenta, Color::Cyan, Color::White];

/// How a span of text looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Style {
    /// Foreground colour.
    pub fg: Option<Color>,
    /// Background colour.
    pub bg: Option<Color>,
    /// Bold.
    pub bold: bool,
}

/// A run of text with one stream and one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Which stream it was written to.
    pub stream: Stream,
    /// Its look.
    pub style: Style,
    /// The text, without escape sequences.
    pub text: String,
}

/// Splits terminal output into spans, interpreting SGR and dropping other escape sequences.
pub fn spans(screen: &[(Stream, Vec<u8>)]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut style = Style::default();
    for (stream, bytes) in screen {
        let text = String::from_utf8_lossy(bytes);
        let mut rest: &str = &text;
        while !rest.is_empty() {
            let (plain, seq) = match rest.find('\x1b') {
                Some(i) => (&rest[..i], Some(&rest[i..])),
                None => (rest, None),
            };
            push(&mut out, *stream, style, plain);
            let Some(seq) = seq else { break };
            let (params, final_byte, used) = csi(seq);
            if final_byte == Some('m') {
                apply_sgr(&mut style, params);
            }
            rest = &seq[used..];
        }
    }
    out
}

/// Whether the output contains an "erase display" sequence (`ESC [ 2 J`).
pub fn clears_screen(screen: &[(Stream, Vec<u8>)]) -> bool {
    screen.iter().any(|(_, b)| b.windows(4).any(|w| w == b"\x1b[2J"))
}

fn push(out: &mut Vec<Span>, stream: Stream, style: Style, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.stream == stream && last.style == style => last.text.push_str(text),
        _ => out.push(Span { stream, style, text: text.to_string() }),
    }
}

/// Reads a control sequence at the start of `seq` (which begins with ESC): its parameters,
/// final character, and length.
fn csi(seq: &str) -> (&str, Option<char>, usize) {
    if !seq[1..].starts_with('[') {
        return ("", None, 1 + seq[1..].chars().next().map_or(0, char::len_utf8));
    }
    for (i, c) in seq.char_indices().skip(2) {
        if ('\x40'..='\x7e').contains(&c) {
            return (&seq[2..i], Some(c), i + c.len_utf8());
        }
    }
    ("", None, seq.len())
}

fn apply_sgr(style: &mut Style, params: &str) {
    if params.is_empty() {
        *style = Style::default();
        return;
    }
    for p in params.split(';') {
        match p.parse::<u8>() {
            Ok(0) => *style = Style::default(),
            Ok(1) => style.bold = true,
            Ok(22) => style.bold = false,
            Ok(n @ 30..=37) => style.fg = Some(COLORS[(n - 30) as usize]),
            Ok(39) => style.fg = None,
            Ok(n @ 40..=47) => style.bg = Some(COLORS[(n - 40) as usize]),
            Ok(49) => style.bg = None,
            Ok(n @ 90..=97) => style.fg = Some(COLORS[(n - 90) as usize]),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ls_colours_become_styles() {
        let screen = vec![(Stream::Stdout, b"\x1b[0m\x1b[01;34m.venv\x1b[0m  main.py\n".to_vec())];
        let s = spans(&screen);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text, ".venv");
        assert_eq!(s[0].style, Style { fg: Some(Color::Blue), bg: None, bold: true });
        assert_eq!(s[1].text, "  main.py\n");
        assert_eq!(s[1].style, Style::default());
    }

    #[test]
    fn other_sequences_are_removed_and_clear_is_seen() {
        let screen = vec![(Stream::Stdout, b"\x1b[H\x1b[2J\x1b[3Jok".to_vec())];
        assert_eq!(spans(&screen)[0].text, "ok");
        assert!(clears_screen(&screen));
    }

    #[test]
    fn streams_stay_apart() {
        let screen = vec![(Stream::Stdout, b"a".to_vec()), (Stream::Stderr, b"b".to_vec())];
        let s = spans(&screen);
        assert_eq!((s[0].stream, s[1].stream), (Stream::Stdout, Stream::Stderr));
    }

    #[test]
    fn truncated_escape_is_harmless() {
        assert!(spans(&[(Stream::Stdout, b"x\x1b".to_vec())]).iter().all(|s| s.text == "x"));
        assert_eq!(spans(&[(Stream::Stdout, b"\x1b[".to_vec())]).len(), 0);
    }
}
