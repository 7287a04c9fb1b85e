//! Lesson Markdown as yew nodes. The text was parsed when the lesson was loaded
//! (`lesson::markdown`, which also serves the terminal program's `cli::markdown`); this builds
//! elements from its marks. Text always becomes text nodes (raw HTML was dropped by the
//! parsing), and a link keeps its `href` only when it is `http(s)`, `mailto` or relative.

use crate::lesson::{Mark, Markdown, Tag};
use yew::prelude::*;

/// Renders Markdown as a fragment of block elements.
pub fn render(markdown: &Markdown) -> Html {
    // Open elements, innermost last, with the children gathered so far; the first is the root.
    let mut stack: Vec<(Option<Tag>, Vec<Html>)> = vec![(None, Vec::new())];
    for mark in markdown.marks() {
        let node = match mark {
            Mark::Start(tag) => {
                stack.push((Some(tag), Vec::new()));
                continue;
            }
            Mark::End => match stack.pop() {
                Some((Some(tag), children)) => element(tag, children),
                // An end with nothing open: put the root back.
                Some((None, children)) => {
                    stack.push((None, children));
                    continue;
                }
                None => continue,
            },
            Mark::Text(text) => html! { { text } },
            Mark::Code(code) => html! { <code>{ code }</code> },
            Mark::HardBreak => html! { <br /> },
            Mark::Rule => html! { <hr /> },
        };
        if let Some((_, children)) = stack.last_mut() {
            children.push(node);
        }
    }
    // Close whatever is still open (parsing balances the marks, but never trust that).
    while stack.len() > 1 {
        if let Some((tag, children)) = stack.pop() {
            let node = match tag {
                Some(tag) => element(tag, children),
                None => html! { <>{ for children }</> },
            };
            if let Some((_, parent)) = stack.last_mut() {
                parent.push(node);
            }
        }
    }
    let root = stack.pop().map(|(_, children)| children).unwrap_or_default();
    html! { <>{ for root }</> }
}

/// One element with its children.
fn element(tag: Tag, children: Vec<Html>) -> Html {
    let children = children.into_iter();
    match tag {
        Tag::Paragraph => html! { <p>{ for children }</p> },
        Tag::Heading => html! { <h3>{ for children }</h3> },
        Tag::Quote => html! { <blockquote>{ for children }</blockquote> },
        Tag::CodeBlock => html! { <pre><code>{ for children }</code></pre> },
        Tag::List(Some(start)) => html! { <ol start={start.to_string()}>{ for children }</ol> },
        Tag::List(None) => html! { <ul>{ for children }</ul> },
        Tag::Item => html! { <li>{ for children }</li> },
        Tag::Emphasis => html! { <em>{ for children }</em> },
        Tag::Strong => html! { <strong>{ for children }</strong> },
        Tag::Link(href) if safe_href(href) => {
            html! { <a href={href.to_string()} rel="noopener noreferrer" target="_blank">{ for children }</a> }
        }
        // An unsafe link: its text alone.
        Tag::Link(_) => html! { <>{ for children }</> },
    }
}

/// Whether a link destination is safe to follow: `http:`, `https:`, `mailto:`, or relative
/// (no scheme at all), so never `javascript:` or `data:`.
fn safe_href(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.find(':') {
        Some(colon) => {
            let scheme = &lower[..colon];
            // A colon after a `/`, `?` or `#` is not a scheme's.
            scheme.contains(['/', '?', '#']) || matches!(scheme, "http" | "https" | "mailto")
        }
        None => !lower.chars().any(char::is_control),
    }
}
