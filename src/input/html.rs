//! Saved web pages → transcript text.
//!
//! Briefing sites wrap a transcript in navigation, banners, share buttons,
//! scripts and footers. The page is parsed with html5ever (through
//! `scraper`), the same HTML5 parsing algorithm browsers use, so broken
//! markup, entities and implied tags come out as a browser would show them.
//! Then:
//!
//! - the content root is `<main>` (or `role="main"`), else the page's only
//!   `<article>`, else `<body>`;
//! - scripts, styles, forms, navigation, asides, footers, page-level headers
//!   (not an article's own header, which holds its title), hidden elements
//!   and share/breadcrumb/cookie blocks are dropped;
//! - block elements (`p`, `div`, `li`, headings, `br`, table rows …) end a
//!   paragraph; inline text is joined with its whitespace collapsed, and a
//!   line break between two Han characters is dropped as browsers do;
//! - the `<title>` opens the text when the content has no `<h1>`, and a
//!   publication date in the page's metadata becomes a `Date:` line.
//!
//! The result is one paragraph per line, read by the same speaker rules as
//! any other transcript.
//!
//! html5ever's work grows with the square of the nesting depth (its tree
//! builder searches the stack of open elements), so a pathological page of
//! ten thousand nested `<div>`s takes seconds. Elements deeper than
//! [`MAX_DEPTH`] are flattened before parsing, as Chromium's parser does at
//! the same depth: their tags go (a block's becomes a line break), their
//! text stays, and [`to_text_noted`] says so.

use scraper::{ElementRef, Html, Node, Selector};

use crate::transcript::name::is_cjk;

/// Elements whose content is never transcript text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "option", "textarea", "input", "iframe", "svg", "canvas", "object", "embed", "audio", "video",
    "map", "dialog", "menu", "footer", "head",
];

/// Elements that end a paragraph where they open and where they close.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "figure",
    "figcaption",
    "hr",
    "br",
    "address",
    "details",
    "summary",
    "center",
    "body",
    "html",
    "hgroup",
    "fieldset",
    "legend",
];

/// ARIA roles of page furniture.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "complementary",
    "menu",
    "menubar",
    "dialog",
    "alert",
];

/// Words in a class or id that mark page furniture around the transcript.
const FURNITURE_WORDS: &[&str] = &[
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "cookie",
    "cookies",
    "sidebar",
    "skip",
    "newsletter",
    "advert",
    "advertisement",
];

/// Metadata that carries a page's publication date.
const DATE_META: &str = "meta[property='article:published_time'], meta[name='date'], \
     meta[name='dcterms.date'], meta[name='DC.date'], meta[itemprop='datePublished'], \
     meta[name='pubdate'], meta[name='publishdate'], meta[property='og:published_time']";

/// Deepest element nesting parsed as written; deeper tags are flattened
/// (see the module's documentation). Chromium stops nesting at 512 too, and
/// no real page comes near it.
pub const MAX_DEPTH: usize = 512;

/// Elements that hold no others (void elements) or that the parser closes
/// by itself when a sibling opens: pages leave them unclosed by the
/// thousand, and they do not deepen the tree.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
];

/// Elements whose content is text, not markup: a `<` inside is no tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Converts an HTML page to transcript text: one paragraph per line.
pub fn to_text(html: &str) -> String {
    to_text_noted(html).0
}

/// Converts an HTML page to transcript text, with a note when the page
/// nests deeper than [`MAX_DEPTH`] and was flattened to keep parsing
/// linear (the caller shows it as a warning naming the file).
pub fn to_text_noted(html: &str) -> (String, Option<String>) {
    match flatten(html) {
        Some((flat, depth)) => (
            convert(&flat),
            Some(format!(
                "HTML nested {depth} elements deep: elements deeper than {MAX_DEPTH} were \
                 flattened (their text is kept) so that the page parses in reasonable time"
            )),
        ),
        None => (convert(html), None),
    }
}

/// A tag found by [`scan_tags`]: its byte range, name, and whether it
/// closes an element.
struct Tag<'h> {
    start: usize,
    end: usize,
    name: &'h str,
    close: bool,
}

/// Calls `f` for every start and end tag of `html` that opens or closes a
/// nesting element (not void, self-closing or self-closing-by-sibling
/// ones), in order. A light lexer, not a parser: comments, doctypes and
/// the content of script-like elements are skipped, quoted attribute
/// values may hold `>`; anything else that is not a tag is text.
fn scan_tags<'h>(html: &'h str, mut f: impl FnMut(Tag<'h>)) {
    let bytes = html.as_bytes();
    let find =
        |from: usize, pat: &str| html.get(from..).and_then(|r| r.find(pat)).map(|i| from + i);
    let mut i = 0;
    while let Some(lt) = find(i, "<") {
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            i = find(lt + 4, "-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.first().is_some_and(|b| *b == b'!' || *b == b'?') {
            i = find(lt, ">").map_or(bytes.len(), |e| e + 1);
            continue;
        }
        let close = rest.first() == Some(&b'/');
        let name_at = lt + 1 + usize::from(close);
        if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = lt + 1;
            continue;
        }
        let name_end = bytes[name_at..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
            .map_or(bytes.len(), |n| name_at + n);
        // The tag's end: the first `>` outside a quoted attribute value.
        let mut quote = None;
        let mut end = bytes.len();
        for (k, &b) in bytes.iter().enumerate().skip(name_end) {
            match (quote, b) {
                (None, b'"' | b'\'') => quote = Some(b),
                (Some(q), _) if b == q => quote = None,
                (None, b'>') => {
                    end = k + 1;
                    break;
                }
                _ => {}
            }
        }
        let name = &html[name_at..name_end];
        let self_closing = !close && end >= 2 && bytes[end - 2] == b'/';
        let is = |list: &[&str]| list.iter().any(|n| n.eq_ignore_ascii_case(name));
        if !self_closing && !is(FLAT) {
            f(Tag {
                start: lt,
                end,
                name,
                close,
            });
        }
        i = end;
        if !close && is(RAW) {
            // Up to the element's end tag, whatever it holds.
            i = end_tag(html, i, name);
        }
    }
}

/// Where `</name` (in any case) next starts in `html` from `from`, or
/// the end.
fn end_tag(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(k) = html.get(at..).and_then(|r| r.find("</")) {
        let start = at + k;
        let after = start + 2;
        if bytes
            .get(after..after + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        {
            return start;
        }
        at = after;
    }
    bytes.len()
}

/// `html` with the tags of elements nested deeper than [`MAX_DEPTH`] taken
/// out (a block element's replaced by `<br>`, so its text stays a
/// paragraph of its own; an inline element's by nothing), and the deepest nesting found; `None` when the
/// page is within the limit.
fn flatten(html: &str) -> Option<(String, usize)> {
    let (mut depth, mut deepest) = (0usize, 0usize);
    scan_tags(html, |t| {
        if t.close {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    });
    if deepest <= MAX_DEPTH {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let (mut copied, mut depth) = (0usize, 0usize);
    scan_tags(html, |t| {
        let level = if t.close {
            let level = depth;
            depth = depth.saturating_sub(1);
            level
        } else {
            depth += 1;
            depth
        };
        if level > MAX_DEPTH {
            out.push_str(&html[copied..t.start]);
            let block = BLOCKS.iter().any(|b| b.eq_ignore_ascii_case(t.name));
            out.push_str(if block { "<br>" } else { "" });
            copied = t.end;
        }
    });
    out.push_str(&html[copied..]);
    Some((out, deepest))
}

/// Converts a page within the depth limit.
fn convert(html: &str) -> String {
    let doc = Html::parse_document(html);
    let root = content_root(&doc);
    let mut ex = Extractor::default();
    ex.walk(root);
    ex.flush();

    let mut head = Vec::new();
    if !ex.saw_h1 {
        if let Some(title) = page_title(&doc) {
            head.push(title);
        }
    }
    if let Some(date) = meta_date(&doc) {
        head.push(format!("Date: {date}"));
    }
    head.extend(ex.paras);
    head.join("\n\n")
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    match Selector::parse(css) {
        Ok(sel) => doc.select(&sel).collect(),
        Err(_) => Vec::new(),
    }
}

/// `<main>`, else the only `<article>`, else `<body>`, else the document.
fn content_root(doc: &Html) -> ElementRef<'_> {
    if let Some(main) = select(doc, "main, [role='main']").into_iter().next() {
        return main;
    }
    let articles = select(doc, "article");
    if articles.len() == 1 {
        return articles[0];
    }
    select(doc, "body")
        .into_iter()
        .next()
        .unwrap_or_else(|| doc.root_element())
}

/// The `<title>`, without a trailing ` | Site name`.
fn page_title(doc: &Html) -> Option<String> {
    let el = select(doc, "title").into_iter().next()?;
    let raw: String = el.text().collect();
    let title = collapse(&raw);
    let title = match title.rsplit_once(" | ") {
        Some((main, site)) if site.split_whitespace().count() <= 5 && !main.is_empty() => {
            main.to_string()
        }
        _ => title,
    };
    (!title.is_empty()).then_some(title)
}

/// The first publication date in the page's metadata, as `YYYY-MM-DD`.
fn meta_date(doc: &Html) -> Option<String> {
    select(doc, DATE_META).into_iter().find_map(|el| {
        let content = el.value().attr("content")?.trim();
        let day = content.get(..10)?;
        day.parse::<jiff::civil::Date>().ok().map(|d| d.to_string())
    })
}

fn collapse(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether an element is page furniture to drop with everything in it.
fn dropped(el: &scraper::node::Element, in_content: bool) -> bool {
    let name = el.name();
    if DROPPED.contains(&name) {
        return true;
    }
    // A page's own header is its banner; an article's header holds its title.
    if name == "header" && !in_content {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if el
        .attr("role")
        .is_some_and(|r| DROPPED_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    let marked = |v: Option<&str>| {
        v.is_some_and(|v| {
            v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|w| FURNITURE_WORDS.contains(&w.to_ascii_lowercase().as_str()))
        })
    };
    marked(el.attr("class")) || marked(el.attr("id"))
}

/// Walks the content tree and collects paragraphs.
#[derive(Default)]
struct Extractor {
    paras: Vec<String>,
    current: String,
    /// Whitespace seen since the last character, and whether it held a
    /// line break.
    pending_space: bool,
    pending_newline: bool,
    /// Depth inside `<pre>`: whitespace is kept there.
    pre: usize,
    /// Depth inside `<article>`/`<main>`, where `<header>` is content.
    content: usize,
    saw_h1: bool,
}

impl Extractor {
    /// Depth-first walk without recursion: pages nest deeply and the stack
    /// must not depend on the input. Every element entered (not dropped) is
    /// closed once its children are done.
    fn walk(&mut self, root: ElementRef<'_>) {
        let top = *root;
        let mut node = top;
        loop {
            if self.enter(node.value()) {
                if let Some(child) = node.first_child() {
                    node = child;
                    continue;
                }
                self.close_node(node.value());
            }
            loop {
                if node == top {
                    return;
                }
                if let Some(next) = node.next_sibling() {
                    node = next;
                    break;
                }
                match node.parent() {
                    Some(parent) => {
                        node = parent;
                        self.close_node(node.value());
                    }
                    None => return,
                }
            }
        }
    }

    /// Opens a node; returns whether it is walked into (and closed later).
    fn enter(&mut self, node: &Node) -> bool {
        match node {
            Node::Text(t) => {
                self.text(t);
                false
            }
            Node::Element(el) => {
                if dropped(el, self.content > 0) {
                    return false;
                }
                let name = el.name();
                if BLOCKS.contains(&name) {
                    self.flush();
                }
                match name {
                    "pre" => self.pre += 1,
                    "article" | "main" => self.content += 1,
                    "h1" => self.saw_h1 = true,
                    "td" | "th" => self.pending_space = true,
                    _ => {}
                }
                true
            }
            Node::Document | Node::Fragment => true,
            _ => false,
        }
    }

    fn close_node(&mut self, node: &Node) {
        if let Node::Element(el) = node {
            self.close(el.name());
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "pre" => self.pre = self.pre.saturating_sub(1),
            "article" | "main" => self.content = self.content.saturating_sub(1),
            _ => {}
        }
        if BLOCKS.contains(&name) {
            self.flush();
        }
    }

    fn text(&mut self, s: &str) {
        if self.pre > 0 {
            let mut lines = s.split('\n');
            if let Some(first) = lines.next() {
                self.current.push_str(first.trim_end_matches('\r'));
            }
            for line in lines {
                self.flush();
                self.current.push_str(line.trim_end_matches('\r'));
            }
            return;
        }
        for c in s.chars() {
            if c.is_ascii_whitespace() {
                self.pending_space = true;
                self.pending_newline |= c == '\n';
                continue;
            }
            if self.pending_space && !self.current.is_empty() {
                let after_han = self.current.chars().next_back().is_some_and(is_cjk);
                // Browsers drop a line break between two Han characters.
                if !(self.pending_newline && after_han && is_cjk(c)) {
                    self.current.push(' ');
                }
            }
            self.pending_space = false;
            self.pending_newline = false;
            self.current.push(c);
        }
    }

    fn flush(&mut self) {
        let p = self.current.trim();
        if !p.is_empty() {
            self.paras.push(p.to_string());
        }
        self.current.clear();
        self.pending_space = false;
        self.pending_newline = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_opens_the_text_when_the_page_has_no_h1() {
        let text = to_text(
            "<html><head><title>Harbour briefing | City Hall</title></head>\
             <body><div><p>Q: When?</p><p>A: Today.</p></div></body></html>",
        );
        assert_eq!(text, "Harbour briefing\n\nQ: When?\n\nA: Today.");
    }

    #[test]
    fn han_lines_join_without_a_space_and_pre_keeps_lines() {
        let text = to_text("<p>上海证券\n交易所 科创板</p><pre>Q: one\nA: two</pre>");
        assert_eq!(text, "上海证券交易所 科创板\n\nQ: one\n\nA: two");
    }

    #[test]
    fn hidden_and_furniture_blocks_are_dropped_but_an_articles_header_is_kept() {
        let text = to_text(
            "<body><header>Site banner</header><article><header><h1>Title here</h1></header>\
             <p hidden>hidden</p><p aria-hidden=\"true\">aria</p><div role=\"navigation\">nav</div>\
             <div class=\"social-share\">share</div><p>Speech.</p></article></body>",
        );
        assert_eq!(text, "Title here\n\nSpeech.");
    }

    #[test]
    fn table_cells_are_separated_and_rows_are_paragraphs() {
        let text = to_text(
            "<table><tr><td>Q:</td><td>Why?</td></tr><tr><td>A:</td><td>Because.</td></tr></table>",
        );
        assert_eq!(text, "Q: Why?\n\nA: Because.");
    }

    #[test]
    fn pages_nested_too_deep_are_flattened_and_keep_their_text() {
        let n = MAX_DEPTH + 100;
        let page = format!(
            "<body>{}<p>Q: Deep?</p><span>A: Yes</span><b>, very.</b>{}</body>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let (text, note) = to_text_noted(&page);
        assert_eq!(text, "Q: Deep?\n\nA: Yes, very.");
        let note = note.expect("a note");
        assert!(
            note.contains(&format!("nested {} elements deep", n + 2)),
            "{note}"
        );
        // The flattened page nests no deeper than the limit.
        let (flat, _) = flatten(&page).expect("flattened");
        assert!(flatten(&flat).is_none());
    }

    #[test]
    fn ordinary_pages_are_not_flattened() {
        // Unclosed paragraphs and list items, void elements, comments and
        // tags inside scripts do not count as nesting.
        let page = format!(
            "<!DOCTYPE html><body><!-- <div><div> -->{}{}\
             <script>var s = \"{}\";</script><div title=\"a > b\">x</div></body>",
            "<p>para<br><img src=x>".repeat(2 * MAX_DEPTH),
            "<li>item".repeat(2 * MAX_DEPTH),
            "<div>".repeat(2 * MAX_DEPTH)
        );
        assert!(flatten(&page).is_none());
        assert!(to_text_noted(&page).1.is_none());
    }
}
