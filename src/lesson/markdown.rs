//! Lesson text: Markdown parsed once, when a lesson is loaded (by `build.rs` for the bundled
//! course), into a compact form both faces walk: the terminal program lays it out as wrapped
//! text (`cli::markdown`), the web app as elements (`web::markdown`). The browser therefore
//! carries no Markdown parser.
//!
//! Parsing is pulldown-cmark's (CommonMark, no extensions). What it yields is kept as a flat
//! run of [`Mark`]s: the blocks and inline styles the faces draw, the text, code spans, links.
//! Raw HTML is dropped here, so it never reaches either face; images keep only their alt text;
//! a soft line break becomes a space.
//!
//! The marks are stored in one string: text as itself, every other mark as [`MARK`], a letter
//! naming it and, for a code span, a link or a numbered list, its text up to [`ARG_END`]. The
//! two characters are removed from the text parsed, so they can only be marks. Decoding is
//! total: an encoding that does not follow these rules gives fewer marks, never a panic.

use super::model::Str;

/// Starts a mark in the encoded form.
pub const MARK: char = '\u{1}';
/// Ends the text of a mark that carries one (code, link, numbered list).
pub const ARG_END: char = '\u{2}';

/// Markdown text, parsed: a sequence of [`Mark`]s, read with [`Markdown::marks`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(databake::Bake), databake(path = crate::lesson::markdown))]
pub struct Markdown(
    /// The marks, encoded as the module documentation says; made by [`Markdown::parse`].
    pub Str,
);

/// One piece of parsed Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark<'a> {
    /// An element begins; its content follows until the matching [`Mark::End`].
    Start(Tag<'a>),
    /// The innermost element that is open ends.
    End,
    /// Text.
    Text(&'a str),
    /// A code span.
    Code(&'a str),
    /// A hard line break.
    HardBreak,
    /// A thematic break (`---`).
    Rule,
}

/// An element that holds other marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag<'a> {
    /// A paragraph.
    Paragraph,
    /// A heading (of any level).
    Heading,
    /// A block quote.
    Quote,
    /// A code block: its text follows, lines ending in `\n`.
    CodeBlock,
    /// A list: numbered from the given number, or bulleted.
    List(Option<u64>),
    /// A list item.
    Item,
    /// Emphasis (`*text*`).
    Emphasis,
    /// Strong emphasis (`**text**`).
    Strong,
    /// A link to the destination given, as written.
    Link(&'a str),
}

impl Markdown {
    /// Parses Markdown source.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(source: &str) -> Markdown {
        use pulldown_cmark::{Event, Parser, Tag as Md};
        let mut out = String::new();
        // For each open element: whether its start was written (and so its end must be).
        let mut open: Vec<bool> = Vec::new();
        for event in Parser::new(source) {
            match event {
                Event::Start(tag) => {
                    let (letter, text) = match &tag {
                        Md::Paragraph => ('p', None),
                        Md::Heading { .. } => ('h', None),
                        Md::BlockQuote(_) => ('q', None),
                        Md::CodeBlock(_) => ('b', None),
                        Md::List(None) => ('u', None),
                        Md::List(Some(start)) => ('o', Some(start.to_string())),
                        Md::Item => ('i', None),
                        Md::Emphasis => ('e', None),
                        Md::Strong => ('s', None),
                        Md::Link { dest_url, .. } => ('a', Some(dest_url.to_string())),
                        // Images (their alt text stays), raw HTML blocks (their HTML is
                        // dropped below) and what the options leave off: the content alone.
                        _ => {
                            open.push(false);
                            continue;
                        }
                    };
                    open.push(true);
                    push_mark(&mut out, letter, text.as_deref());
                }
                Event::End(_) if open.pop() == Some(true) => push_mark(&mut out, '/', None),
                Event::Text(text) => push_text(&mut out, &text),
                Event::Code(code) => push_mark(&mut out, 'c', Some(&code)),
                Event::SoftBreak => out.push(' '),
                Event::HardBreak => push_mark(&mut out, 'n', None),
                Event::Rule => push_mark(&mut out, 'r', None),
                // Raw HTML, and what the options leave off (footnotes, task lists, math).
                _ => {}
            }
        }
        Markdown(out.into())
    }

    /// The marks, in order.
    pub fn marks(&self) -> Marks<'_> {
        Marks { rest: &self.0 }
    }

    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Text with the two characters of the encoding left out.
#[cfg(not(target_arch = "wasm32"))]
fn push_text(out: &mut String, text: &str) {
    out.extend(text.chars().filter(|&c| c != MARK && c != ARG_END));
}

/// A mark: [`MARK`], its letter, and its text (if it carries one) ended by [`ARG_END`].
#[cfg(not(target_arch = "wasm32"))]
fn push_mark(out: &mut String, letter: char, text: Option<&str>) {
    out.push(MARK);
    out.push(letter);
    if let Some(text) = text {
        push_text(out, text);
        out.push(ARG_END);
    }
}

/// Lesson text is Markdown in a lesson file.
#[cfg(not(target_arch = "wasm32"))]
impl<'de> serde::Deserialize<'de> for Markdown {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let source = String::deserialize(deserializer)?;
        Ok(Markdown::parse(&source))
    }
}

/// The marks of a [`Markdown`], decoded one at a time.
#[derive(Debug, Clone)]
pub struct Marks<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Marks<'a> {
    type Item = Mark<'a>;

    fn next(&mut self) -> Option<Mark<'a>> {
        loop {
            let Some(after) = self.rest.strip_prefix(MARK) else {
                if self.rest.is_empty() {
                    return None;
                }
                let end = self.rest.find(MARK).unwrap_or(self.rest.len());
                let (text, rest) = self.rest.split_at(end);
                self.rest = rest;
                return Some(Mark::Text(text));
            };
            let mut chars = after.chars();
            let letter = chars.next()?;
            let after = chars.as_str();
            let (text, after) = match letter {
                'c' | 'a' | 'o' => after.split_once(ARG_END).unwrap_or((after, "")),
                _ => ("", after),
            };
            self.rest = after;
            let mark = match letter {
                'p' => Mark::Start(Tag::Paragraph),
                'h' => Mark::Start(Tag::Heading),
                'q' => Mark::Start(Tag::Quote),
                'b' => Mark::Start(Tag::CodeBlock),
                'u' => Mark::Start(Tag::List(None)),
                'o' => Mark::Start(Tag::List(text.parse().ok())),
                'i' => Mark::Start(Tag::Item),
                'e' => Mark::Start(Tag::Emphasis),
                's' => Mark::Start(Tag::Strong),
                'a' => Mark::Start(Tag::Link(text)),
                '/' => Mark::End,
                'c' => Mark::Code(text),
                'n' => Mark::HardBreak,
                'r' => Mark::Rule,
                // Not a mark this build writes: skip it.
                _ => continue,
            };
            return Some(mark);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn marks(source: &str) -> Vec<Mark<'static>> {
        let parsed = Markdown::parse(source);
        let leaked: &'static Markdown = Box::leak(Box::new(parsed));
        leaked.marks().collect()
    }

    #[test]
    fn paragraphs_code_and_styles() {
        use Mark::*;
        assert_eq!(
            marks("Run `ls -a`, *then*\n**look**.\n\nNext."),
            [
                Start(Tag::Paragraph),
                Text("Run "),
                Code("ls -a"),
                Text(", "),
                Start(Tag::Emphasis),
                Text("then"),
                End,
                Text(" "),
                Start(Tag::Strong),
                Text("look"),
                End,
                Text("."),
                End,
                Start(Tag::Paragraph),
                Text("Next."),
                End,
            ]
        );
    }

    #[test]
    fn lists_code_blocks_links_and_breaks() {
        use Mark::*;
        let text = "- one\n- two\n\n3. three\n\n```\nls\npwd\n```\n\n[docs](https://docs.python.org/) a  \nb\n\n---\n# Head";
        assert_eq!(
            marks(text),
            [
                Start(Tag::List(None)),
                Start(Tag::Item),
                Text("one"),
                End,
                Start(Tag::Item),
                Text("two"),
                End,
                End,
                Start(Tag::List(Some(3))),
                Start(Tag::Item),
                Text("three"),
                End,
                End,
                Start(Tag::CodeBlock),
                Text("ls\npwd\n"),
                End,
                Start(Tag::Paragraph),
                Start(Tag::Link("https://docs.python.org/")),
                Text("docs"),
                End,
                Text(" a"),
                HardBreak,
                Text("b"),
                End,
                Rule,
                Start(Tag::Heading),
                Text("Head"),
                End,
            ]
        );
    }

    #[test]
    fn raw_html_is_dropped_and_images_keep_their_alt_text() {
        use Mark::*;
        assert_eq!(marks("<script>alert(1)</script>\n\nA <b>bold</b> ![cat](c.png) move."), [
            Start(Tag::Paragraph),
            Text("A bold cat move."),
            End,
        ]);
        assert_eq!(marks("<div>\nhi\n</div>"), []);
    }

    #[test]
    fn the_encoding_characters_cannot_be_smuggled_in() {
        use Mark::*;
        let text = format!("a{MARK}p{ARG_END}b `{MARK}r` [x](<y{ARG_END}z>)");
        assert_eq!(marks(&text), [
            Start(Tag::Paragraph),
            Text("apb "),
            Code("r"),
            Text(" "),
            Start(Tag::Link("yz")),
            Text("x"),
            End,
            End,
        ]);
    }

    #[test]
    fn blank_text_has_no_marks() {
        assert!(Markdown::parse(" \n\n ").is_empty());
        assert!(!Markdown::parse("x").is_empty());
    }

    proptest! {
        /// Any source parses, and any string decodes, without a panic; no text or code that
        /// parsing gives holds a character of the encoding.
        #[test]
        fn parsing_and_decoding_are_total(source in "(?s).{0,200}", encoded in "[\\x01\\x02pcao/x ]{0,40}") {
            let parsed = Markdown::parse(&source);
            let text: String = parsed.marks().filter_map(|m| match m { Mark::Text(t) | Mark::Code(t) => Some(t), _ => None }).collect();
            prop_assert!(text.chars().all(|c| c != MARK && c != ARG_END));
            let _ = Markdown(encoded.into()).marks().count();
        }
    }
}
