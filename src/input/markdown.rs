//! Markdown notes → transcript text.
//!
//! People keep transcripts in Markdown with the labels in bold
//! (`**MS. LINDQVIST:**`), headings for the title, lists and links. The file
//! is parsed as CommonMark (`pulldown-cmark`) and only the words are kept:
//! emphasis, link targets, images, raw HTML and list bullets go (ordered
//! list numbers stay, they can be the text's own numbering). Each block
//! becomes one line, placed on the line where it starts in the source, so
//! `file:line` in search results points into the Markdown file.
//!
//! YAML front matter (`---` … `---` at the top) is read for `title:` and
//! `date:`, as static-site generators write them: the title is used as
//! given and the date becomes a `Date:` line.

use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::Document;

/// Converts Markdown to transcript text, one block per line at its source
/// line.
pub fn to_document(md: &str) -> Document {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(md.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| match line_starts.binary_search(&offset) {
        Ok(i) => i + 1,
        Err(i) => i,
    };
    let opts = Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut out = Writer::default();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut skip = 0usize; // inside images, raw HTML, front matter
    let mut front_matter = String::new();
    let mut in_front_matter = false;
    let mut in_code = false;
    for (event, range) in Parser::new_ext(md, opts).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::MetadataBlock(MetadataBlockKind::YamlStyle) => in_front_matter = true,
                Tag::MetadataBlock(_) | Tag::HtmlBlock | Tag::Image { .. } => skip += 1,
                Tag::List(start) => {
                    out.block(line_of(range.start));
                    lists.push(start);
                }
                Tag::Item => {
                    out.block(line_of(range.start));
                    if let Some(Some(n)) = lists.last_mut() {
                        out.push(&format!("{n}. "));
                        *n += 1;
                    }
                }
                Tag::TableCell => out.push(" "),
                Tag::CodeBlock(kind) => {
                    let line = line_of(range.start);
                    let fenced = matches!(kind, pulldown_cmark::CodeBlockKind::Fenced(_));
                    out.block(if fenced { line + 1 } else { line });
                    in_code = true;
                }
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition
                | Tag::FootnoteDefinition(_) => out.block(line_of(range.start)),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::MetadataBlock(MetadataBlockKind::YamlStyle) => in_front_matter = false,
                TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock | TagEnd::Image => {
                    skip = skip.saturating_sub(1)
                }
                TagEnd::CodeBlock => {
                    in_code = false;
                    out.end_block();
                }
                TagEnd::List(_) => {
                    lists.pop();
                    out.end_block();
                }
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::Item
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition
                | TagEnd::FootnoteDefinition => out.end_block(),
                _ => {}
            },
            Event::Text(t) if in_front_matter => front_matter.push_str(&t),
            Event::Text(t) if skip == 0 && in_code => {
                // Code blocks (and paragraphs indented four spaces, which
                // Markdown reads as code) keep their lines.
                for (k, line) in t.split('\n').enumerate() {
                    if k > 0 {
                        let next = out.block_line + 1;
                        out.block(next);
                    }
                    out.push(line);
                }
            }
            Event::Text(t) | Event::Code(t) if skip == 0 => out.push(&t),
            Event::SoftBreak if skip == 0 => out.push(" "),
            Event::HardBreak if skip == 0 => out.block(line_of(range.end)),
            Event::Rule => out.end_block(),
            _ => {}
        }
    }
    out.end_block();
    let (title, date) = front_matter_fields(&front_matter);
    let mut text = out.text;
    if let Some(date) = date {
        // The front matter's lines are blank in the output: the date goes
        // on the first one, where the parser looks for header lines.
        if text.starts_with('\n') {
            text = format!("Date: {date}{text}");
        } else {
            text = format!("Date: {date}\n\n{text}");
        }
    }
    Document {
        text,
        title,
        notes: Vec::new(),
        organisations: Vec::new(),
    }
}

/// Converts Markdown to transcript text (the front matter's title, if any,
/// is dropped: see [`to_document`]).
pub fn to_text(md: &str) -> String {
    to_document(md).text
}

/// `title:` and `date:` from YAML front matter (simple `key: value` lines;
/// quotes around the value are removed).
fn front_matter_fields(yaml: &str) -> (Option<String>, Option<String>) {
    let mut title = None;
    let mut date = None;
    for line in yaml.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => title = Some(value.to_string()),
            "date" => date = Some(super::day(value)),
            _ => {}
        }
    }
    (title, date)
}

/// Output text with each block on its source line.
#[derive(Default)]
struct Writer {
    text: String,
    /// The output's current line, 1-based (the line `text` ends on).
    line: usize,
    /// The current block's text, not yet written.
    block: String,
    /// The source line of the current block.
    block_line: usize,
}

impl Writer {
    /// Starts a block that opens on source line `line` (ending any open one).
    fn block(&mut self, line: usize) {
        self.end_block();
        self.block_line = line;
    }

    fn push(&mut self, s: &str) {
        if self.block.is_empty() || self.block.ends_with(' ') {
            self.block.push_str(s.trim_start());
        } else {
            self.block.push_str(s);
        }
    }

    fn end_block(&mut self) {
        let b = self.block.trim();
        if b.is_empty() {
            self.block.clear();
            return;
        }
        if self.line == 0 {
            self.line = 1;
        } else {
            self.text.push('\n');
            self.line += 1;
        }
        // Pad with blank lines up to the block's source line; a block
        // never moves up past text already written.
        while self.line < self.block_line {
            self.text.push('\n');
            self.line += 1;
        }
        self.text.push_str(b);
        self.block.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_lose_their_emphasis_and_keep_their_lines() {
        let md = "# Harbour briefing\n\n**Lena Moreau:** Good morning.\n\n\
                  **Q:** What about the\n[cranes](http://x)?\n\n- first\n- second\n\n1. one\n2. two\n";
        let text = to_text(md);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "Harbour briefing");
        assert_eq!(lines[2], "Lena Moreau: Good morning.");
        assert_eq!(lines[4], "Q: What about the cranes?");
        assert_eq!(lines[7], "first");
        assert_eq!(lines[8], "second");
        assert_eq!(lines[10], "1. one");
        assert_eq!(lines[11], "2. two");
    }

    #[test]
    fn front_matter_gives_title_and_date() {
        let md = "---\ntitle: \"Port briefing\"\ndate: 2023-06-14\n---\n\nQ: Any news?\n";
        let doc = to_document(md);
        assert_eq!(doc.title.as_deref(), Some("Port briefing"));
        assert!(doc.text.starts_with("Date: 2023-06-14\n"), "{:?}", doc.text);
        assert!(doc.text.contains("Q: Any news?"));
        assert!(!doc.text.contains("title"));
    }

    #[test]
    fn raw_html_and_images_are_dropped() {
        let text = to_text("Hello ![a chart](c.png) world.\n\n<div>banner</div>\n\nEnd.\n");
        assert!(text.contains("Hello world."), "{text:?}");
        assert!(!text.contains("banner") && !text.contains("chart"));
    }
}
