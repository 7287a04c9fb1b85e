//! Lesson Markdown as yew nodes. Parsing is pulldown-cmark's (as for the terminal program's
//! `cli::markdown`, which lays the same events out as wrapped text); this builds elements
//! from its events. Text always becomes text nodes: raw HTML in the source (`Html`,
//! `InlineHtml`) is dropped, images keep only their alt text, and a link keeps its `href`
//! only when it is `http(s)`, `mailto` or relative.

use pulldown_cmark::{Event, Parser, Tag};
use yew::prelude::*;

/// Renders Markdown as a fragment of block elements.
pub fn render(markdown: &str) -> Html {
    // Open elements, innermost last, with the children gathered so far; the first is the root.
    let mut stack: Vec<(Option<Tag>, Vec<Html>)> = vec![(None, Vec::new())];
    for event in Parser::new(markdown) {
        let node = match event {
            Event::Start(tag) => {
                stack.push((Some(tag), Vec::new()));
                continue;
            }
            Event::End(_) => match stack.pop() {
                Some((Some(tag), children)) => element(tag, children),
                // The root is never ended by the parser; put it back.
                Some((None, children)) => {
                    stack.push((None, children));
                    continue;
                }
                None => continue,
            },
            Event::Text(text) => html! { { text.to_string() } },
            Event::Code(code) => html! { <code>{ code.to_string() }</code> },
            Event::SoftBreak => html! { { " " } },
            Event::HardBreak => html! { <br /> },
            Event::Rule => html! { <hr /> },
            _ => continue,
        };
        if let Some((_, children)) = stack.last_mut() {
            children.push(node);
        }
    }
    // Close whatever is still open (the parser balances its events, but never trust that).
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
        Tag::Heading { .. } => html! { <h3>{ for children }</h3> },
        Tag::BlockQuote(_) => html! { <blockquote>{ for children }</blockquote> },
        Tag::CodeBlock(_) => html! { <pre><code>{ for children }</code></pre> },
        Tag::List(Some(start)) => html! { <ol start={start.to_string()}>{ for children }</ol> },
        Tag::List(None) => html! { <ul>{ for children }</ul> },
        Tag::Item => html! { <li>{ for children }</li> },
        Tag::Emphasis => html! { <em>{ for children }</em> },
        Tag::Strong => html! { <strong>{ for children }</strong> },
        Tag::Strikethrough => html! { <s>{ for children }</s> },
        Tag::Link { dest_url, .. } if safe_href(&dest_url) => {
            html! { <a href={dest_url.to_string()} rel="noopener noreferrer" target="_blank">{ for children }</a> }
        }
        // Unsafe links, images (their alt text), raw HTML blocks (their text is dropped) and
        // anything else: the children alone.
        _ => html! { <>{ for children }</> },
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
