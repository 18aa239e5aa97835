//! Colours and emphasis for terminal output, and when to use them.
//!
//! The speaker is bold and matched words are bold red by default, as
//! people who use grep and ripgrep expect; role, date, title and the
//! citation line can be given their own [`Paint`] in the config file
//! (`[colors]`, see [`crate::config`]). Colour is only ever used when asked
//! for ([`ColorChoice::Always`]) or when stdout is a terminal and `NO_COLOR`
//! is not set ([`ColorChoice::Auto`], <https://no-color.org>).

use std::fmt;
use std::io::IsTerminal;

use serde::Deserialize;

/// When to colour output (`--color`, or `color` in the config file).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    /// Always colour, even into a pipe or file.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether to colour stdout.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }

    /// The style for stdout with the default palette.
    pub fn style(self) -> Style {
        Style {
            color: self.enabled(),
            palette: Palette::default(),
        }
    }
}

/// An SGR attribute list such as `1;31` (bold red), parsed from words such
/// as `bold red`. Up to six codes; `Copy` so a [`Style`] is cheap to pass.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Paint {
    codes: [u8; 6],
    len: u8,
}

impl Paint {
    /// No decoration.
    pub const PLAIN: Paint = Paint {
        codes: [0; 6],
        len: 0,
    };
    pub const BOLD: Paint = Paint {
        codes: [1, 0, 0, 0, 0, 0],
        len: 1,
    };
    pub const DIM: Paint = Paint {
        codes: [2, 0, 0, 0, 0, 0],
        len: 1,
    };
    pub const BOLD_RED: Paint = Paint {
        codes: [1, 31, 0, 0, 0, 0],
        len: 2,
    };

    /// Parses words: `bold`, `dim`, `italic`, `underline`, `reverse`, a
    /// colour (`black red green yellow blue magenta cyan white`, each also
    /// as `bright-…`), `on-…` for a background, or `plain`/`none`.
    pub fn parse(spec: &str) -> Result<Paint, String> {
        let mut p = Paint::PLAIN;
        for word in spec.split_whitespace() {
            let w = word.to_ascii_lowercase();
            let code = match w.as_str() {
                "plain" | "none" | "default" => continue,
                "bold" => 1,
                "dim" => 2,
                "italic" => 3,
                "underline" => 4,
                "reverse" => 7,
                _ => {
                    let (base, w) = match w.strip_prefix("on-") {
                        Some(rest) => (40, rest),
                        None => (30, w.as_str()),
                    };
                    let (base, w) = match w.strip_prefix("bright-") {
                        Some(rest) => (base + 60, rest),
                        None => (base, w),
                    };
                    let colours = [
                        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                    ];
                    match colours.iter().position(|c| *c == w) {
                        Some(i) => base + i as u8,
                        None => {
                            return Err(format!(
                                "unknown colour word '{word}' (use bold, dim, italic, underline, \
                                 reverse, a colour such as red or bright-blue, on-COLOUR, or plain)"
                            ))
                        }
                    }
                }
            };
            if usize::from(p.len) == p.codes.len() {
                return Err(format!("too many words in '{spec}'"));
            }
            p.codes[usize::from(p.len)] = code;
            p.len += 1;
        }
        Ok(p)
    }

    pub fn is_plain(&self) -> bool {
        self.len == 0
    }
}

impl fmt::Display for Paint {
    /// The SGR parameters, `1;31`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.codes[..usize::from(self.len)].iter().enumerate() {
            if i > 0 {
                f.write_str(";")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Paint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Paint({self})")
    }
}

/// What each part of a hit is painted with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub speaker: Paint,
    pub role: Paint,
    pub date: Paint,
    pub title: Paint,
    pub highlight: Paint,
    /// The citation line: id, file and line, other files.
    pub meta: Paint,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            speaker: Paint::BOLD,
            role: Paint::PLAIN,
            date: Paint::PLAIN,
            title: Paint::DIM,
            highlight: Paint::BOLD_RED,
            meta: Paint::DIM,
        }
    }
}

/// How to decorate output: whether to colour, and with what.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    pub palette: Palette,
}

impl Style {
    /// `s` wrapped in `paint`'s escape codes when colouring.
    pub fn paint(&self, paint: Paint, s: &str) -> String {
        if self.color && !paint.is_plain() {
            format!("\x1b[{paint}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    pub fn bold(&self, s: &str) -> String {
        self.paint(Paint::BOLD, s)
    }

    pub fn dim(&self, s: &str) -> String {
        self.paint(Paint::DIM, s)
    }

    pub fn highlight(&self, s: &str) -> String {
        self.paint(self.palette.highlight, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paints_parse_from_words() {
        assert_eq!(Paint::parse("bold red").expect("paint").to_string(), "1;31");
        assert_eq!(
            Paint::parse("underline bright-blue on-white")
                .expect("paint")
                .to_string(),
            "4;94;47"
        );
        assert!(Paint::parse("plain").expect("paint").is_plain());
        assert!(Paint::parse("bold purple")
            .unwrap_err()
            .contains("unknown colour word 'purple'"));
    }

    #[test]
    fn plain_style_adds_nothing() {
        let s = Style::default();
        assert_eq!(s.bold("x"), "x");
        let c = Style {
            color: true,
            ..Style::default()
        };
        assert_eq!(c.bold("x"), "\x1b[1mx\x1b[0m");
        assert_eq!(c.highlight("x"), "\x1b[1;31mx\x1b[0m");
        assert_eq!(c.paint(Paint::PLAIN, "x"), "x");
    }
}
