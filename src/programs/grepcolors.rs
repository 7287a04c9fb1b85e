//! GNU grep's colours: `GREP_COLORS` (and the deprecated `GREP_COLOR`) read as grep 3.8
//! reads them, and the sequences that start and end a coloured stretch.
//!
//! `GREP_COLORS` is a `:`-separated list of `cap=SGR` (`ms` matches in selected lines, `mt`
//! matches anywhere, `sl` selected lines, `cx` context lines, `fn` file names, `ln` line
//! numbers, `se` separators) and flags (`rv` swaps `sl` and `cx` under `-v`, `ne` leaves out the
//! erase-line `\e[K` after each sequence). Unknown capabilities are skipped; a value that is not
//! digits and `;` ends the reading there. `mc` and `bn` (context matches, byte offsets) are read
//! but not used: this grep prints no context lines and no byte offsets.

/// The colours grep paints with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrepColors {
    /// Matches in selected lines (`ms`).
    pub selected_match: String,
    /// Selected lines (`sl`).
    pub selected_line: String,
    /// Context lines (`cx`).
    pub context_line: String,
    /// File names (`fn`).
    pub file_name: String,
    /// Line numbers (`ln`).
    pub line_number: String,
    /// Separators (`se`).
    pub separator: String,
    /// `rv`: with `-v`, selected lines take the context lines' colour.
    pub reverse: bool,
    /// Whether each sequence is followed by `\e[K` (unless `ne`).
    erase: bool,
}

impl Default for GrepColors {
    fn default() -> GrepColors {
        GrepColors {
            selected_match: "01;31".into(),
            selected_line: String::new(),
            context_line: String::new(),
            file_name: "35".into(),
            line_number: "32".into(),
            separator: "36".into(),
            reverse: false,
            erase: true,
        }
    }
}

impl GrepColors {
    /// The colours set by the environment, and the warning grep prints when the deprecated
    /// `GREP_COLOR` decided the colour of matches.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> (GrepColors, Option<String>) {
        let mut colors = GrepColors::default();
        let legacy = var("GREP_COLOR").filter(|v| !v.is_empty() && is_sgr(v));
        if let Some(legacy) = &legacy {
            colors.selected_match = legacy.clone();
        }
        if let Some(spec) = var("GREP_COLORS") {
            colors.apply(&spec);
        }
        let warning = legacy.filter(|l| *l == colors.selected_match).map(|l| {
            format!("warning: GREP_COLOR='{l}' is deprecated; use GREP_COLORS='mt={l}'")
        });
        (colors, warning)
    }

    /// Applies a `GREP_COLORS` value.
    fn apply(&mut self, spec: &str) {
        for item in spec.split(':') {
            let (name, value) = match item.split_once('=') {
                Some((name, value)) if is_sgr(value) => (name, Some(value.to_string())),
                Some(_) => return,
                None => (item, None),
            };
            let slot = match name {
                "mt" | "ms" => &mut self.selected_match,
                "sl" => &mut self.selected_line,
                "cx" => &mut self.context_line,
                "fn" => &mut self.file_name,
                "ln" => &mut self.line_number,
                "se" => &mut self.separator,
                "rv" => {
                    self.reverse = true;
                    continue;
                }
                "ne" => {
                    self.erase = false;
                    continue;
                }
                _ => continue,
            };
            if let Some(value) = value {
                *slot = value;
            }
        }
    }

    /// The sequence that starts a stretch in `color` (nothing for no colour).
    pub fn start(&self, color: &str) -> String {
        match (color.is_empty(), self.erase) {
            (true, _) => String::new(),
            (false, true) => format!("\x1b[{color}m\x1b[K"),
            (false, false) => format!("\x1b[{color}m"),
        }
    }

    /// The sequence that ends a stretch in `color` (nothing for no colour).
    pub fn end(&self, color: &str) -> &'static str {
        match (color.is_empty(), self.erase) {
            (true, _) => "",
            (false, true) => "\x1b[m\x1b[K",
            (false, false) => "\x1b[m",
        }
    }

    /// Text wrapped in a colour.
    pub fn paint(&self, text: &str, color: &str) -> String {
        format!("{}{text}{}", self.start(color), self.end(color))
    }
}

/// Whether a value is made of digits and `;` only, as SGR parameters are.
fn is_sgr(value: &str) -> bool {
    value.bytes().all(|b| b.is_ascii_digit() || b == b';')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colors(pairs: &[(&str, &str)]) -> (GrepColors, Option<String>) {
        GrepColors::from_env(|name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn grep_colors_as_grep_reads_them() {
        let (c, _) = colors(&[("GREP_COLORS", "ms=4:fn=1:se=2:ln=3")]);
        assert_eq!((c.selected_match.as_str(), c.file_name.as_str(), c.separator.as_str(), c.line_number.as_str()), ("4", "1", "2", "3"));
        let (c, _) = colors(&[("GREP_COLORS", "ms=1;x:fn=2")]);
        assert_eq!(c, GrepColors::default());
        let (c, _) = colors(&[("GREP_COLORS", "zz=5:mt=4:ne=3:fn=9:rv")]);
        assert_eq!((c.selected_match.as_str(), c.file_name.as_str(), c.erase, c.reverse), ("4", "9", false, true));
        assert_eq!(c.paint("x", "4"), "\x1b[4mx\x1b[m");
        assert_eq!(GrepColors::default().paint("x", ""), "x");
    }

    #[test]
    fn the_deprecated_variable_warns_when_it_counts() {
        let (c, warning) = colors(&[("GREP_COLOR", "1;32")]);
        assert_eq!(c.selected_match, "1;32");
        assert_eq!(warning.as_deref(), Some("warning: GREP_COLOR='1;32' is deprecated; use GREP_COLORS='mt=1;32'"));
        assert_eq!(colors(&[("GREP_COLOR", "1;32"), ("GREP_COLORS", "mt=4")]).1, None);
        assert_eq!(colors(&[("GREP_COLOR", "bold")]), (GrepColors::default(), None));
    }
}
