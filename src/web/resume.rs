//! The terminal session kept between visits, so a reload rebuilds the machine as it was.
//!
//! Sessions are deterministic, so what is kept is only what the learner did: the lesson, the
//! world, the step it opened at and the lines typed since. A reload opens the lesson at that
//! step and runs the lines again. The text is a versioned list of lines; anything unreadable
//! is ignored and the page starts afresh.

/// The first line of the saved text, naming its format.
const HEADER: &str = "venvlab-session 1";

/// A session to rebuild.
#[derive(Debug, Clone, PartialEq)]
pub struct Resume {
    /// The lesson it played.
    pub lesson: String,
    /// The world the sandbox ran on.
    pub world: String,
    /// The step (0-based) the lesson opened at.
    pub step: usize,
    /// The lines typed since, in order.
    pub lines: Vec<String>,
}

impl Resume {
    /// The saved text.
    pub fn to_text(&self) -> String {
        let mut text = format!("{HEADER}\nlesson {}\nworld {}\nstep {}\n", self.lesson, self.world, self.step);
        for line in &self.lines {
            text.push_str("line ");
            text.push_str(line);
            text.push('\n');
        }
        text
    }

    /// Reads saved text; `None` when it is not a session in this format.
    pub fn parse(text: &str) -> Option<Resume> {
        let mut rows = text.lines();
        if rows.next()? != HEADER {
            return None;
        }
        let mut field = |name: &str| rows.next()?.strip_prefix(name)?.strip_prefix(' ').map(str::to_string);
        let lesson = field("lesson")?;
        let world = field("world")?;
        let step = field("step")?.parse().ok()?;
        let lines = rows.map(|row| row.strip_prefix("line ").map(str::to_string)).collect::<Option<Vec<_>>>()?;
        Some(Resume { lesson, world, step, lines })
    }
}
