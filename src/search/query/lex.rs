//! Query text → lexemes, each with the byte span it came from.
//!
//! The lexer never fails: every character ends up in some lexeme or is
//! whitespace, so the parser can always say *where* something was odd.
//! Quotes may be straight or typographic (`"…"`, `“…”`, `„…“`, `«…»`),
//! because queries are often pasted from documents.

/// A field a query term can be limited to with `field:value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldName {
    /// The passage text (the default; `text:` says it explicitly).
    Text,
    /// The briefing's title.
    Title,
    /// Who spoke, resolved like `--speaker`.
    Speaker,
    /// The speaker's role, like `--role`.
    Role,
    /// The speaker's outlet or organisation, resolved like `--outlet`.
    Outlet,
}

impl FieldName {
    /// The prefix as typed in queries.
    pub fn prefix(self) -> &'static str {
        match self {
            FieldName::Text => "text:",
            FieldName::Title => "title:",
            FieldName::Speaker => "speaker:",
            FieldName::Role => "role:",
            FieldName::Outlet => "outlet:",
        }
    }

    fn parse(name: &str) -> Option<FieldName> {
        match name.to_ascii_lowercase().as_str() {
            "text" => Some(FieldName::Text),
            "title" => Some(FieldName::Title),
            "speaker" | "who" | "by" => Some(FieldName::Speaker),
            "role" => Some(FieldName::Role),
            "outlet" | "org" | "organisation" | "organization" => Some(FieldName::Outlet),
            _ => None,
        }
    }
}

/// What a lexeme is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    LParen,
    RParen,
    /// `OR` or `|`.
    Or,
    /// `AND` or `&&`: the default, accepted and ignored.
    And,
    /// `NOT`, or `-` glued to what follows.
    Not,
    /// `+` glued to what follows: "required", which bare words already are.
    Plus,
    /// `speaker:` and the other field prefixes.
    Field(FieldName),
    /// A bare word; `prefix` when it ended in `*`.
    Word {
        text: String,
        prefix: bool,
    },
    /// A quoted phrase; `prefix` when its last word ended in `*`; `closed`
    /// is false when the closing quote was missing.
    Phrase {
        text: String,
        prefix: bool,
        closed: bool,
    },
}

/// A token and where it was in the query (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lexeme {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
}

/// Something the lexer read leniently; the message says what, `at` (a byte
/// offset) says where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexNote {
    pub at: usize,
    pub message: String,
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' | '\u{ff02}'
    )
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Ends a bare word.
fn ends_word(c: char) -> bool {
    is_space(c) || is_quote(c) || c == '(' || c == ')'
}

/// Splits a query into lexemes.
pub fn lex(input: &str) -> (Vec<Lexeme>, Vec<LexNote>) {
    let mut out = Vec::new();
    let mut notes = Vec::new();
    let chars: Vec<(usize, char)> = input.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(input.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if is_space(c) {
            i += 1;
            continue;
        }
        if c == '(' || c == ')' {
            out.push(Lexeme {
                tok: if c == '(' { Tok::LParen } else { Tok::RParen },
                start,
                end: end_of(i + 1),
            });
            i += 1;
            continue;
        }
        if is_quote(c) {
            let mut j = i + 1;
            while j < chars.len() && !is_quote(chars[j].1) {
                j += 1;
            }
            let closed = j < chars.len();
            let inner = &input[end_of(i + 1)..end_of(j)];
            let mut after = if closed { j + 1 } else { j };
            let mut prefix = false;
            while after < chars.len() && chars[after].1 == '*' {
                prefix = true;
                after += 1;
            }
            let trimmed = inner.trim_end();
            let text = if trimmed.ends_with('*') {
                prefix = true;
                trimmed.trim_end_matches('*').to_string()
            } else {
                inner.to_string()
            };
            out.push(Lexeme {
                tok: Tok::Phrase {
                    text,
                    prefix,
                    closed,
                },
                start,
                end: end_of(after),
            });
            i = after;
            continue;
        }
        if (c == '-' || c == '+')
            && chars
                .get(i + 1)
                .is_some_and(|&(_, n)| !is_space(n) && n != ')')
        {
            out.push(Lexeme {
                tok: if c == '-' { Tok::Not } else { Tok::Plus },
                start,
                end: end_of(i + 1),
            });
            i += 1;
            continue;
        }
        // A bare word: up to whitespace, a quote or a parenthesis.
        let mut j = i;
        while j < chars.len() && !ends_word(chars[j].1) {
            j += 1;
        }
        let word = &input[start..end_of(j)];
        // `field:` glued to what follows (or followed by a space: still
        // meant as a field).
        if let Some((name, rest)) = word.split_once(':') {
            if let Some(field) = FieldName::parse(name) {
                let colon = start + name.len();
                out.push(Lexeme {
                    tok: Tok::Field(field),
                    start,
                    end: colon + 1,
                });
                // Go on right after the colon.
                i = chars
                    .iter()
                    .position(|&(b, _)| b > colon)
                    .unwrap_or(chars.len());
                continue;
            }
            if !name.is_empty()
                && name.chars().all(char::is_alphabetic)
                && !rest.is_empty()
                && !rest.starts_with('/')
            {
                notes.push(LexNote {
                    at: start,
                    message: format!(
                        "'{name}:' is not a field (fields are speaker:, role:, title:, text:); read {word:?} as words"
                    ),
                });
                // The word before the colon, then go on after it (the index
                // keeps `a:b` as one word, a query means two).
                let colon = start + name.len();
                out.push(Lexeme {
                    tok: Tok::Word {
                        text: name.to_string(),
                        prefix: false,
                    },
                    start,
                    end: colon,
                });
                i = chars
                    .iter()
                    .position(|&(b, _)| b > colon)
                    .unwrap_or(chars.len());
                continue;
            }
        }
        let tok = match word {
            "OR" | "|" | "||" => Tok::Or,
            "AND" | "&&" => Tok::And,
            "NOT" => Tok::Not,
            "-" | "+" => {
                notes.push(LexNote {
                    at: start,
                    message: format!("ignored '{word}': nothing follows it"),
                });
                i = j;
                continue;
            }
            _ => {
                let bare = word.trim_end_matches('*');
                Tok::Word {
                    text: bare.to_string(),
                    prefix: bare.len() < word.len(),
                }
            }
        };
        out.push(Lexeme {
            tok,
            start,
            end: end_of(j),
        });
        i = j;
    }
    (out, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        lex(s).0.into_iter().map(|l| l.tok).collect()
    }

    fn w(s: &str) -> Tok {
        Tok::Word {
            text: s.into(),
            prefix: false,
        }
    }

    #[test]
    fn words_phrases_operators() {
        assert_eq!(
            toks("port -cranes OR \"dock workers\" (a|b)"),
            [
                w("port"),
                Tok::Not,
                w("cranes"),
                Tok::Or,
                Tok::Phrase {
                    text: "dock workers".into(),
                    prefix: false,
                    closed: true
                },
                Tok::LParen,
                w("a|b"),
                Tok::RParen,
            ]
        );
        assert_eq!(toks("a | b"), [w("a"), Tok::Or, w("b")]);
        assert_eq!(toks("sci-tech"), [w("sci-tech")]);
    }

    #[test]
    fn fields_and_prefixes() {
        assert_eq!(
            toks("speaker:\"Ana Ruiz\" role:official auto*"),
            [
                Tok::Field(FieldName::Speaker),
                Tok::Phrase {
                    text: "Ana Ruiz".into(),
                    prefix: false,
                    closed: true
                },
                Tok::Field(FieldName::Role),
                w("official"),
                Tok::Word {
                    text: "auto".into(),
                    prefix: true
                },
            ]
        );
        assert_eq!(
            toks("title:(port plan)"),
            [
                Tok::Field(FieldName::Title),
                Tok::LParen,
                w("port"),
                w("plan"),
                Tok::RParen
            ]
        );
        let (t, notes) = lex("date:2024");
        assert_eq!(t.len(), 2);
        assert!(notes[0].message.contains("not a field"));
    }

    #[test]
    fn open_quotes_and_typographic_quotes() {
        assert_eq!(
            toks("“dock work*” \"open"),
            [
                Tok::Phrase {
                    text: "dock work".into(),
                    prefix: true,
                    closed: true
                },
                Tok::Phrase {
                    text: "open".into(),
                    prefix: false,
                    closed: false
                },
            ]
        );
    }

    #[test]
    fn spans_are_byte_offsets() {
        let (l, _) = lex("é (x)");
        assert_eq!((l[0].start, l[0].end), (0, 2));
        assert_eq!((l[1].start, l[1].end), (3, 4));
    }
}
