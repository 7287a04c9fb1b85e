//! Lesson Markdown for a text terminal: paragraphs wrapped to a width, `code` in colour,
//! lists with bullets, code blocks indented. The text was parsed when the lesson was loaded
//! (`lesson::markdown`); this only lays out its marks.

use crate::lesson::{Mark, Markdown, Tag};

const CODE: &str = "\x1b[36m";
const BOLD: &str = "\x1b[1m";
const ITALIC: &str = "\x1b[3m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Renders Markdown as terminal text, each line at most `width` visible columns (longer words
/// and code lines excepted); `colour` false gives plain text.
pub fn render(markdown: &Markdown, width: usize, colour: bool) -> String {
    let mut r = Renderer { out: String::new(), line: Line::default(), width: width.max(20), colour, styles: Vec::new(), lists: Vec::new(), indent: 0, in_code_block: false, open: Vec::new() };
    for mark in markdown.marks() {
        r.mark(mark);
    }
    r.flush();
    r.out.trim_end().to_string() + "\n"
}

/// A line being filled: its text and visible width.
#[derive(Default)]
struct Line {
    text: String,
    width: usize,
    /// A space is owed before the next word.
    space: bool,
}

struct Renderer<'a> {
    out: String,
    line: Line,
    width: usize,
    colour: bool,
    /// Active inline styles (escape sequences), innermost last.
    styles: Vec<&'static str>,
    /// Open lists: the next item number, or `None` for bullets.
    lists: Vec<Option<u64>>,
    /// Columns of indentation for the current block.
    indent: usize,
    in_code_block: bool,
    /// The elements open, innermost last.
    open: Vec<Tag<'a>>,
}

impl<'a> Renderer<'a> {
    fn mark(&mut self, mark: Mark<'a>) {
        match mark {
            Mark::Start(tag) => {
                self.start(tag);
                self.open.push(tag);
            }
            Mark::End => {
                if let Some(tag) = self.open.pop() {
                    self.end(tag);
                }
            }
            Mark::Text(text) if self.in_code_block => {
                for line in text.lines() {
                    let styled = self.styled(CODE, line);
                    self.out.push_str(&format!("{}{styled}\n", " ".repeat(self.indent + 4)));
                }
            }
            Mark::Text(text) => self.words(text),
            Mark::Code(code) => {
                let styled = self.styled(CODE, code);
                self.word(&styled, code.chars().count());
            }
            Mark::HardBreak => self.flush(),
            Mark::Rule => {
                self.flush();
                self.out.push_str(&"─".repeat(self.width.min(40)));
                self.out.push_str("\n\n");
            }
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Heading => self.styles.push(BOLD),
            Tag::Strong => self.styles.push(BOLD),
            Tag::Emphasis => self.styles.push(ITALIC),
            Tag::CodeBlock => {
                self.flush();
                self.in_code_block = true;
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "• ".to_string(),
                };
                self.indent = 2 * (self.lists.len() - 1);
                self.line.text = format!("{}{marker}", " ".repeat(self.indent));
                self.line.width = self.indent + marker.chars().count();
                self.indent += marker.chars().count();
            }
            Tag::Paragraph | Tag::Quote | Tag::Link(_) => {}
        }
    }

    fn end(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph | Tag::Heading => {
                if tag == Tag::Heading {
                    self.styles.pop();
                }
                self.flush();
                if self.lists.is_empty() {
                    self.out.push('\n');
                }
            }
            Tag::Strong | Tag::Emphasis => {
                self.styles.pop();
            }
            Tag::CodeBlock => {
                self.in_code_block = false;
                self.out.push('\n');
            }
            Tag::Item => self.flush(),
            Tag::List(_) => {
                self.flush();
                self.lists.pop();
                self.indent = 2 * self.lists.len();
                if self.lists.is_empty() {
                    self.indent = 0;
                    self.out.push('\n');
                }
            }
            Tag::Link(url) => {
                let styled = self.styled(DIM, &format!("({url})"));
                self.word(&styled, url.chars().count() + 2);
            }
            Tag::Quote => {}
        }
    }

    /// Text wrapped at the current style.
    fn styled(&self, extra: &str, text: &str) -> String {
        if !self.colour {
            return text.to_string();
        }
        let outer: String = self.styles.concat();
        format!("{extra}{text}{RESET}{outer}")
    }

    /// Adds running text, split into words.
    fn words(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.line.space = true;
        }
        let style: String = if self.colour { self.styles.concat() } else { String::new() };
        for word in text.split_whitespace() {
            let shown = if style.is_empty() { word.to_string() } else { format!("{style}{word}{RESET}") };
            self.word(&shown, word.chars().count());
            self.line.space = true;
        }
        self.line.space = text.ends_with(char::is_whitespace);
    }

    /// Adds one word of a visible width, wrapping first if it does not fit. A word that
    /// follows the previous one without a space (`` `pip`, ``) stays on its line.
    fn word(&mut self, shown: &str, width: usize) {
        let space = usize::from(self.line.space && self.line.width > self.indent);
        if space == 1 && self.line.width + space + width > self.width {
            self.flush();
        }
        if self.line.width == 0 && self.indent > 0 {
            self.line.text = " ".repeat(self.indent);
            self.line.width = self.indent;
        } else if self.line.space && self.line.width > self.indent {
            self.line.text.push(' ');
            self.line.width += 1;
        }
        self.line.text.push_str(shown);
        self.line.width += width;
        self.line.space = false;
    }

    fn flush(&mut self) {
        if self.line.width > 0 && !self.line.text.trim().is_empty() {
            self.out.push_str(self.line.text.trim_end());
            self.out.push('\n');
        }
        self.line = Line::default();
    }
}

#[cfg(test)]
mod tests {
    use crate::lesson::Markdown;

    fn render(source: &str, width: usize, colour: bool) -> String {
        super::render(&Markdown::parse(source), width, colour)
    }

    #[test]
    fn paragraphs_wrap_and_code_is_marked() {
        let text = render("Run `which python` to see which file runs when you type a bare name.\n\nNext.", 30, false);
        assert_eq!(text, "Run which python to see which\nfile runs when you type a bare\nname.\n\nNext.\n");
        let coloured = render("Run `ls`.", 30, true);
        assert!(coloured.contains("\x1b[36mls\x1b[0m"), "{coloured:?}");
    }

    #[test]
    fn punctuation_stays_with_the_code_before_it() {
        let text = render("Run the tool called `numpy-config`, then `f2py`.", 32, false);
        assert_eq!(text, "Run the tool called numpy-config,\nthen f2py.\n");
    }

    #[test]
    fn lists_and_code_blocks_are_indented() {
        let text = render("Two kinds:\n\n- one thing\n- another thing that goes on\n\n```\nls -l\n```\n", 20, false);
        assert_eq!(text, "Two kinds:\n\n• one thing\n• another thing that\n  goes on\n\n    ls -l\n");
    }
}
