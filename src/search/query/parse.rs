//! Lexemes → a query tree, read leniently.
//!
//! Grammar (juxtaposition is AND; `OR` binds tighter than the space, as in
//! web search engines, so `tariffs China OR Japan` is `tariffs AND (China
//! OR Japan)`):
//!
//! ```text
//! query   := clause*
//! clause  := unary (OR unary)*
//! unary   := ('-' | NOT | '+' | field ':')* primary
//! primary := '(' query ')' | "phrase" | word | word*
//! ```
//!
//! Nothing here fails on odd input. An unbalanced quote or parenthesis is
//! closed at the end, a stray `)` or a lone `OR`/`-` is dropped, and each
//! such reading becomes a [`Note`] that says where. Only a query with
//! nothing left to search for is an error (see [`parse`]). Nesting is
//! bounded ([`MAX_DEPTH`]) and prefix operators are read in a loop, so no
//! input can exhaust the stack.

use super::lex::{lex, FieldName, Lexeme, Tok};

/// Parentheses deeper than this are read as if they were not there.
pub const MAX_DEPTH: usize = 16;

/// At most this many notes are kept: a pasted paragraph of stray
/// parentheses should not print a page of them.
const MAX_NOTES: usize = 5;

/// A leaf of the tree: one word or phrase, in one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaf {
    pub field: FieldName,
    pub text: String,
    /// Typed in quotes.
    pub quoted: bool,
    /// Ended in `*`.
    pub prefix: bool,
    /// Byte span in the query.
    pub start: usize,
    pub end: usize,
}

/// A query tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
    Leaf(Leaf),
}

/// Something read leniently, and where (a byte offset into the query).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub at: usize,
    pub message: String,
}

/// The 1-based column (in characters) of a byte offset.
pub fn column(input: &str, at: usize) -> usize {
    input.char_indices().take_while(|&(b, _)| b < at).count() + 1
}

impl Note {
    /// The note as shown to users: `column 7: …`.
    pub fn render(&self, input: &str) -> String {
        format!("column {}: {}", column(input, self.at), self.message)
    }
}

/// A parse: the tree (none when nothing searchable was left) and notes.
#[derive(Debug, Clone)]
pub struct Tree {
    pub root: Option<Node>,
    pub notes: Vec<Note>,
}

struct Parser<'a> {
    input: &'a str,
    lexemes: Vec<Lexeme>,
    pos: usize,
    notes: Vec<Note>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.lexemes.get(self.pos).map(|l| &l.tok)
    }

    fn at(&self) -> usize {
        self.lexemes.get(self.pos).map_or(0, |l| l.start)
    }

    /// Records a note; the same message twice (four unclosed `(`) is
    /// said once, at its first place.
    fn note(&mut self, at: usize, message: impl Into<String>) {
        let message = message.into();
        if self.notes.len() < MAX_NOTES && !self.notes.iter().any(|n| n.message == message) {
            self.notes.push(Note { at, message });
        }
    }

    /// Whether the next lexeme can start an operand.
    fn next_is_operand(&self) -> bool {
        matches!(
            self.peek(),
            Some(
                Tok::LParen
                    | Tok::Not
                    | Tok::Plus
                    | Tok::Field(_)
                    | Tok::Word { .. }
                    | Tok::Phrase { .. }
            )
        )
    }

    /// `clause*` up to the end, or up to `)` when inside parentheses.
    fn query(&mut self, depth: usize) -> Option<Node> {
        let mut items = Vec::new();
        while let Some(tok) = self.peek() {
            match tok {
                Tok::RParen if depth > 0 => break,
                Tok::RParen => {
                    let at = self.at();
                    self.note(at, "ignored ')': no '(' opens it");
                    self.pos += 1;
                }
                Tok::Or => {
                    let at = self.at();
                    self.note(at, "ignored 'OR': it needs a word on each side");
                    self.pos += 1;
                }
                Tok::And => {
                    let at = self.at();
                    self.pos += 1;
                    if items.is_empty() || !self.next_is_operand() {
                        self.note(at, "ignored 'AND': it needs a word on each side");
                    }
                }
                _ => {
                    let before = self.pos;
                    if let Some(n) = self.clause(depth) {
                        items.push(n);
                    }
                    if self.pos == before {
                        self.pos += 1; // never loop on a lexeme nobody reads
                    }
                }
            }
        }
        flatten(items, Node::And)
    }

    /// `unary (OR unary)*`.
    fn clause(&mut self, depth: usize) -> Option<Node> {
        let first = self.unary(depth, FieldName::Text);
        let mut alts: Vec<Node> = first.into_iter().collect();
        while self.peek() == Some(&Tok::Or) {
            let or_at = self.at();
            self.pos += 1;
            let next_is_operand = self.next_is_operand();
            if alts.is_empty() || !next_is_operand {
                self.note(or_at, "ignored 'OR': it needs a word on each side");
                if !next_is_operand {
                    break;
                }
            }
            if let Some(n) = self.unary(depth, FieldName::Text) {
                alts.push(n);
            }
        }
        flatten(alts, Node::Or)
    }

    /// Prefix operators, read in a loop, then a primary.
    fn unary(&mut self, depth: usize, inherited: FieldName) -> Option<Node> {
        let mut negate = false;
        let mut field = inherited;
        let mut field_at = None;
        let mut op_at = None;
        loop {
            match self.peek() {
                Some(Tok::Not) => {
                    negate = !negate;
                    op_at = self.lexemes.get(self.pos).map(|l| (l.start, l.end));
                }
                Some(Tok::Plus) => op_at = self.lexemes.get(self.pos).map(|l| (l.start, l.end)),
                Some(Tok::Field(f)) => {
                    field = *f;
                    field_at = Some(self.at());
                }
                _ => break,
            }
            self.pos += 1;
        }
        let before = self.pos;
        let node = self.primary(depth, field);
        let Some(node) = node else {
            if self.pos == before {
                if let Some(at) = field_at {
                    self.note(
                        at,
                        format!("ignored '{}': no value follows it", field.prefix()),
                    );
                } else if let Some((at, end)) = op_at {
                    let op = self.input.get(at..end).unwrap_or("-").to_string();
                    self.note(at, format!("ignored '{op}': nothing follows it"));
                }
            }
            return None;
        };
        Some(if negate {
            Node::Not(Box::new(node))
        } else {
            node
        })
    }

    fn primary(&mut self, depth: usize, field: FieldName) -> Option<Node> {
        let lexeme = self.lexemes.get(self.pos)?.clone();
        match lexeme.tok {
            Tok::LParen => {
                self.pos += 1;
                let inner = self.query_in_field(depth + 1, field);
                match self.peek() {
                    Some(Tok::RParen) => self.pos += 1,
                    _ => self.note(
                        lexeme.start,
                        "'(' is never closed; read to the end of the query",
                    ),
                }
                if inner.is_none() {
                    self.note(lexeme.start, "ignored empty parentheses");
                }
                inner
            }
            Tok::Word { text, prefix } => {
                self.pos += 1;
                if text.is_empty() {
                    self.note(lexeme.start, "ignored '*': it needs a word before it");
                    return None;
                }
                Some(Node::Leaf(Leaf {
                    field,
                    text,
                    quoted: false,
                    prefix,
                    start: lexeme.start,
                    end: lexeme.end,
                }))
            }
            Tok::Phrase {
                text,
                prefix,
                closed,
            } => {
                self.pos += 1;
                if !closed {
                    self.note(
                        lexeme.start,
                        "the quote is never closed; read to the end of the query",
                    );
                }
                if text.trim().is_empty() {
                    self.note(lexeme.start, "ignored empty quotes");
                    return None;
                }
                Some(Node::Leaf(Leaf {
                    field,
                    text,
                    quoted: true,
                    prefix,
                    start: lexeme.start,
                    end: lexeme.end,
                }))
            }
            // Operators where an operand should be: the caller notes it.
            Tok::RParen | Tok::Or | Tok::And | Tok::Not | Tok::Plus | Tok::Field(_) => None,
        }
    }

    /// A parenthesized query whose leaves inherit `field` (`title:(a b)`).
    fn query_in_field(&mut self, depth: usize, field: FieldName) -> Option<Node> {
        let node = self.query(depth)?;
        Some(if field == FieldName::Text {
            node
        } else {
            set_field(node, field)
        })
    }
}

/// Gives leaves that have no field of their own the field of a `field:(…)`.
fn set_field(node: Node, field: FieldName) -> Node {
    match node {
        Node::Leaf(mut l) => {
            if l.field == FieldName::Text {
                l.field = field;
            }
            Node::Leaf(l)
        }
        Node::Not(n) => Node::Not(Box::new(set_field(*n, field))),
        Node::And(v) => Node::And(v.into_iter().map(|n| set_field(n, field)).collect()),
        Node::Or(v) => Node::Or(v.into_iter().map(|n| set_field(n, field)).collect()),
    }
}

/// One item is itself; several are joined; nested joins of the same kind
/// are merged (`a (b c)` = `a b c`).
fn flatten(items: Vec<Node>, join: fn(Vec<Node>) -> Node) -> Option<Node> {
    let mut out = Vec::with_capacity(items.len());
    let probe = join(Vec::new());
    for n in items {
        match (&probe, n) {
            (Node::And(_), Node::And(v)) | (Node::Or(_), Node::Or(v)) => out.extend(v),
            (_, n) => out.push(n),
        }
    }
    match out.len() {
        0 => None,
        1 => out.pop(),
        _ => Some(join(out)),
    }
}

/// Drops parentheses nested deeper than [`MAX_DEPTH`] (and the `)` that
/// close them), so the recursive parser's depth is bounded whatever the
/// input.
fn bound_depth(lexemes: Vec<Lexeme>, p: &mut Parser<'_>) -> Vec<Lexeme> {
    let mut depth = 0usize;
    let mut dropped_open = 0usize;
    let mut noted = false;
    let mut out = Vec::with_capacity(lexemes.len());
    for l in lexemes {
        match l.tok {
            Tok::LParen if depth >= MAX_DEPTH => {
                if !noted {
                    p.note(
                        l.start,
                        format!("parentheses nested deeper than {MAX_DEPTH} levels are ignored"),
                    );
                    noted = true;
                }
                dropped_open += 1;
                continue;
            }
            Tok::LParen => depth += 1,
            Tok::RParen if dropped_open > 0 => {
                dropped_open -= 1;
                continue;
            }
            Tok::RParen => depth = depth.saturating_sub(1),
            _ => {}
        }
        out.push(l);
    }
    out
}

/// Parses a query. Never fails; see [`Tree`].
pub fn parse(input: &str) -> Tree {
    let (lexemes, lex_notes) = lex(input);
    let mut p = Parser {
        input,
        lexemes: Vec::new(),
        pos: 0,
        notes: Vec::new(),
    };
    for n in lex_notes {
        p.note(n.at, n.message);
    }
    p.lexemes = bound_depth(lexemes, &mut p);
    let mut root = p.query(0);
    let mut notes = p.notes;
    notes.sort_by_key(|n| n.at);
    if let Some(Node::Not(_)) = &root {
        // A query of exclusions only is read as "everything but".
        root = root.map(|n| Node::And(vec![n]));
    }
    Tree { root, notes }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compact rendering: words as text, phrases quoted, fields prefixed.
    fn show(n: &Node) -> String {
        match n {
            Node::Leaf(l) => {
                let f = if l.field == FieldName::Text {
                    ""
                } else {
                    l.field.prefix()
                };
                let star = if l.prefix { "*" } else { "" };
                if l.quoted {
                    format!("{f}\"{}\"{star}", l.text)
                } else {
                    format!("{f}{}{star}", l.text)
                }
            }
            Node::Not(n) => format!("-{}", show(n)),
            Node::And(v) => format!("AND({})", v.iter().map(show).collect::<Vec<_>>().join(" ")),
            Node::Or(v) => format!("OR({})", v.iter().map(show).collect::<Vec<_>>().join(" ")),
        }
    }

    fn p(s: &str) -> (String, Vec<String>) {
        let t = parse(s);
        (
            t.root.as_ref().map(show).unwrap_or_default(),
            t.notes.iter().map(|n| n.render(s)).collect(),
        )
    }

    #[test]
    fn forms() {
        assert_eq!(p("a b").0, "AND(a b)");
        assert_eq!(p("a b OR c d").0, "AND(a OR(b c) d)");
        assert_eq!(p("(a b) OR c").0, "OR(AND(a b) c)");
        assert_eq!(p("a -b -\"c d\"").0, "AND(a -b -\"c d\")");
        assert_eq!(
            p("speaker:ruiz role:official port*").0,
            "AND(speaker:ruiz role:official port*)"
        );
        assert_eq!(p("title:(port plan) x").0, "AND(title:port title:plan x)");
        assert_eq!(p("--a").0, "a");
        assert_eq!(p("a AND b").0, "AND(a b)");
        assert_eq!(p("-a").0, "AND(-a)");
    }

    #[test]
    fn lenient_readings_say_where() {
        let (q, notes) = p("\"open phrase");
        assert_eq!(q, "\"open phrase\"");
        assert_eq!(
            notes,
            ["column 1: the quote is never closed; read to the end of the query"]
        );
        let (q, notes) = p("a (b c");
        assert_eq!(q, "AND(a b c)");
        assert!(
            notes[0].starts_with("column 3: '(' is never closed"),
            "{notes:?}"
        );
        let (q, notes) = p("a b)");
        assert_eq!(q, "AND(a b)");
        assert!(notes[0].starts_with("column 4: ignored ')'"), "{notes:?}");
        let (q, notes) = p("OR a OR");
        assert_eq!(q, "a");
        // The same reading is said once, where it first happened.
        assert_eq!(
            notes,
            ["column 1: ignored 'OR': it needs a word on each side"]
        );
        let (q, notes) = p("a - b");
        assert_eq!(q, "AND(a b)");
        assert!(notes[0].contains("'-'"), "{notes:?}");
        let (_, notes) = p("NOT");
        assert_eq!(notes, ["column 1: ignored 'NOT': nothing follows it"]);
        let (_, notes) = p("((((a");
        assert_eq!(notes.len(), 1, "{notes:?}");
        let (q, notes) = p("speaker: ");
        assert_eq!(q, "");
        assert!(notes[0].contains("speaker:"), "{notes:?}");
        let (q, _) = p("()");
        assert_eq!(q, "");
        let (q, _) = p("* **");
        assert_eq!(q, "");
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let deep = format!("{}x{}", "(".repeat(10_000), ")".repeat(10_000));
        let (q, notes) = p(&deep);
        assert_eq!(q, "x");
        assert!(notes.len() <= MAX_NOTES);
        let negs = format!("{}x", "-".repeat(10_001));
        assert_eq!(p(&negs).0, "AND(-x)");
    }
}
