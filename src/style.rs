//! Terminal output as styled spans: ANSI SGR sequences (`ESC [ ... m`) that programs such as
//! `ls --color` write become styles; other control sequences (`clear`'s, the window title a
//! prompt sets with `ESC ] 0 ; ... BEL`) and the bell are taken out.

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

/// A piece of terminal text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    /// Text to show.
    Text(&'a str),
    /// A colour sequence's parameters (`01;34`).
    Sgr(&'a str),
    /// Any other control sequence, whole, or the bell.
    Control(&'a str),
}

/// Splits terminal text into text, colour sequences and other controls. A sequence cut short
/// by the end of the text runs to its end.
fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (token, used) = match rest.find(['\x1b', '\x07']) {
            Some(0) if rest.starts_with('\x07') => (Token::Control(&rest[..1]), 1),
            Some(0) => {
                let used = sequence_length(rest);
                let seq = &rest[..used];
                match seq.strip_prefix("\x1b[").and_then(|s| s.strip_suffix('m')) {
                    Some(params) if params.bytes().all(|b| b.is_ascii_digit() || b == b';') => (Token::Sgr(params), used),
                    _ => (Token::Control(seq), used),
                }
            }
            Some(i) => (Token::Text(&rest[..i]), i),
            None => (Token::Text(rest), rest.len()),
        };
        rest = &rest[used..];
        Some(token)
    })
}

/// The length of the control sequence at the start of `seq` (which begins with ESC): a CSI
/// (`ESC [` parameters, final byte), an OSC (`ESC ]` up to BEL or `ESC \\`), or ESC and one
/// character.
fn sequence_length(seq: &str) -> usize {
    let body = &seq[1..];
    if let Some(csi) = body.strip_prefix('[') {
        return csi.find(|c| ('\x40'..='\x7e').contains(&c)).map_or(seq.len(), |i| 2 + i + 1);
    }
    if let Some(osc) = body.strip_prefix(']') {
        let bell = osc.find('\x07').map(|i| i + 1);
        let st = osc.find("\x1b\\").map(|i| i + 2);
        return bell.into_iter().chain(st).min().map_or(seq.len(), |end| 2 + end);
    }
    1 + body.chars().next().map_or(0, char::len_utf8)
}

/// Splits terminal output into spans, interpreting SGR and dropping other escape sequences.
pub fn spans(screen: &[(Stream, Vec<u8>)]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut style = Style::default();
    for (stream, bytes) in screen {
        for token in tokens(&String::from_utf8_lossy(bytes)) {
            match token {
                Token::Text(text) => push(&mut out, *stream, style, text),
                Token::Sgr(params) => apply_sgr(&mut style, params),
                Token::Control(_) => {}
            }
        }
    }
    out
}

/// Terminal text without any control sequence: what it shows.
pub fn plain(text: &str) -> String {
    tokens(text).filter_map(|t| if let Token::Text(text) = t { Some(text) } else { None }).collect()
}

/// Splits terminal text for a line editor, which lays out colour sequences but no others:
/// the text with its colour sequences, and the other control sequences (a window title), to
/// be written to the terminal before it.
pub fn split_controls(text: &str) -> (String, String) {
    let (mut shown, mut controls) = (String::new(), String::new());
    for token in tokens(text) {
        match token {
            Token::Text(text) => shown.push_str(text),
            Token::Sgr(params) => shown.push_str(&format!("\x1b[{params}m")),
            Token::Control(seq) => controls.push_str(seq),
        }
    }
    (shown, controls)
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
    fn a_prompt_with_a_window_title() {
        let prompt = "\x1b]0;kai@laptop: ~\x07\x1b[01;32mkai@laptop\x1b[00m:\x1b[01;34m~\x1b[00m$ ";
        let s = spans(&[(Stream::Stdout, prompt.as_bytes().to_vec())]);
        let text: Vec<(&str, Style)> = s.iter().map(|s| (s.text.as_str(), s.style)).collect();
        let (green, blue) = (Some(Color::Green), Some(Color::Blue));
        assert_eq!(
            text,
            [
                ("kai@laptop", Style { fg: green, bg: None, bold: true }),
                (":", Style::default()),
                ("~", Style { fg: blue, bg: None, bold: true }),
                ("$ ", Style::default())
            ]
        );
        assert_eq!(plain(prompt), "kai@laptop:~$ ");
        assert_eq!(
            split_controls(prompt),
            ("\x1b[01;32mkai@laptop\x1b[00m:\x1b[01;34m~\x1b[00m$ ".to_string(), "\x1b]0;kai@laptop: ~\x07".to_string())
        );
        assert_eq!(plain("a\x07b\x1b]2;t\x1b\\c\x1b]0;cut"), "abc");
    }

    #[test]
    fn truncated_escape_is_harmless() {
        assert!(spans(&[(Stream::Stdout, b"x\x1b".to_vec())]).iter().all(|s| s.text == "x"));
        assert_eq!(spans(&[(Stream::Stdout, b"\x1b[".to_vec())]).len(), 0);
    }
}
