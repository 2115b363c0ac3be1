//! The sanitizer for the two fields the spec lets carry HTML: a paragraph's `html` (inline
//! subset) and `body_html` (body subset).
//!
//! It never produces an HTML string. It reads the markup into a tree of [`HtmlNode`]s made
//! only of allowlisted elements, whose text is plain text and whose URLs are [`SafeUrl`]s; the
//! view turns that tree into DOM nodes one by one. Nothing the publisher wrote is ever handed to
//! an HTML parser in the page, so there is no string that could smuggle a script through.
//!
//! Elements outside the allowlist are unwrapped to their text, except those whose content is
//! not text for a reader (`script`, `style`, `template`, `svg`, `math`, ...), which are dropped
//! whole.

use super::caps::{Budget, Cap};
use super::url::SafeUrl;
use std::borrow::Cow;

/// Which allowlist applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allowlist {
    /// A paragraph's `html`: `a[href]`, `em`, `strong`, `b`, `i`, `br`.
    Inline,
    /// `body_html`: the inline set plus paragraphs, sub-headings, quotes, lists, figures with
    /// http(s) images, and a few phrase elements.
    Body,
}

/// A container element the sanitizer keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Em,
    Strong,
    B,
    I,
    P,
    H3,
    H4,
    Blockquote,
    Ul,
    Ol,
    Li,
    Cite,
    Code,
    Sub,
    Sup,
    Figure,
    Figcaption,
}

impl Tag {
    /// The element name the view creates.
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::Em => "em",
            Tag::Strong => "strong",
            Tag::B => "b",
            Tag::I => "i",
            Tag::P => "p",
            Tag::H3 => "h3",
            Tag::H4 => "h4",
            Tag::Blockquote => "blockquote",
            Tag::Ul => "ul",
            Tag::Ol => "ol",
            Tag::Li => "li",
            Tag::Cite => "cite",
            Tag::Code => "code",
            Tag::Sub => "sub",
            Tag::Sup => "sup",
            Tag::Figure => "figure",
            Tag::Figcaption => "figcaption",
        }
    }

    fn from_name(name: &str, allow: Allowlist) -> Option<Tag> {
        let inline = match name {
            "em" => Some(Tag::Em),
            "strong" => Some(Tag::Strong),
            "b" => Some(Tag::B),
            "i" => Some(Tag::I),
            _ => None,
        };
        if inline.is_some() || allow == Allowlist::Inline {
            return inline;
        }
        match name {
            "p" => Some(Tag::P),
            // The card's headline is the top heading; body headings sit below it.
            "h1" | "h2" | "h3" => Some(Tag::H3),
            "h4" | "h5" | "h6" => Some(Tag::H4),
            "blockquote" => Some(Tag::Blockquote),
            "ul" => Some(Tag::Ul),
            "ol" => Some(Tag::Ol),
            "li" => Some(Tag::Li),
            "cite" => Some(Tag::Cite),
            "code" => Some(Tag::Code),
            "sub" => Some(Tag::Sub),
            "sup" => Some(Tag::Sup),
            "figure" => Some(Tag::Figure),
            "figcaption" => Some(Tag::Figcaption),
            _ => None,
        }
    }
}

/// One node of sanitized markup.
#[derive(Clone, Debug, PartialEq)]
pub enum HtmlNode {
    Text(String),
    Element(Tag, Vec<HtmlNode>),
    Link(SafeUrl, Vec<HtmlNode>),
    Image {
        src: SafeUrl,
        alt: String,
        width: Option<u32>,
        height: Option<u32>,
    },
    LineBreak,
}

impl HtmlNode {
    /// The text a reader would see, for tests and for plain-text uses such as share text.
    pub fn text_content(nodes: &[HtmlNode]) -> String {
        let mut out = String::new();
        fn walk(nodes: &[HtmlNode], out: &mut String) {
            for node in nodes {
                match node {
                    HtmlNode::Text(t) => out.push_str(t),
                    HtmlNode::Element(_, children) | HtmlNode::Link(_, children) => {
                        walk(children, out)
                    }
                    HtmlNode::LineBreak => out.push('\n'),
                    HtmlNode::Image { .. } => {}
                }
            }
        }
        walk(nodes, &mut out);
        out
    }
}

impl HtmlNode {
    /// How deeply elements nest in `nodes` (0 for text alone).
    pub fn depth(nodes: &[HtmlNode]) -> usize {
        nodes
            .iter()
            .map(|node| match node {
                HtmlNode::Element(_, children) | HtmlNode::Link(_, children) => {
                    1 + HtmlNode::depth(children)
                }
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
}

/// What the sanitizer removed that a publisher should hear about (logged as console warnings):
/// each kind once, and at most [`MAX_WARNINGS`] kinds, so hostile markup cannot flood the
/// console.
pub type Dropped = Vec<String>;

/// How many distinct removals are reported; the rest are summed up in one last line.
pub const MAX_WARNINGS: usize = 16;

/// Deeper nesting than this is flattened: a start tag past it opens no element, and its content
/// joins the innermost open one. So neither rendering nor closing ever walks more than this
/// many levels.
pub const MAX_DEPTH: usize = 32;

/// What [`sanitize`] made of some markup.
#[derive(Clone, Debug, PartialEq)]
pub struct Sanitized {
    pub nodes: Vec<HtmlNode>,
    /// What was removed, for console warnings.
    pub dropped: Dropped,
    /// Set when reading stopped at a cap of the [`Budget`]: the nodes are the part before it.
    pub stopped: Option<Cap>,
    /// Bytes read, frames of the open-element stack looked at, and nodes moved. The tests check
    /// that this grows linearly with the input, which wall time on a shared machine cannot show.
    pub steps: u64,
}

impl Sanitized {
    /// The nodes, for a parser of `field`: the removals become its console warnings
    /// (`body_html: removed <script>`), and a cap it stopped at is kept in `stopped`.
    pub fn into_nodes(
        self,
        field: &str,
        warnings: &mut Vec<String>,
        stopped: &mut Option<Cap>,
    ) -> Vec<HtmlNode> {
        warnings.extend(
            self.dropped
                .into_iter()
                .map(|what| format!("{field}: removed {what}")),
        );
        *stopped = stopped.or(self.stopped);
        self.nodes
    }
}

/// Sanitizes `html`, resolving URLs against `base`, within the article's caps.
pub fn sanitize(html: &str, base: &SafeUrl, allow: Allowlist) -> Sanitized {
    sanitize_within(html, base, allow, &super::caps::BODY_BUDGET)
}

/// [`sanitize`] within another budget.
pub fn sanitize_within(html: &str, base: &SafeUrl, allow: Allowlist, budget: &Budget) -> Sanitized {
    let mut builder = TreeBuilder {
        stack: vec![Frame::root()],
        dropped: Vec::new(),
        dropped_more: 0,
        base,
        allow,
        budget: *budget,
        built: Budget {
            nodes: 0,
            text_chars: 0,
            links: 0,
            images: 0,
            tags: 0,
        },
        steps: 0,
        flattened: false,
        open_counts: OpenCounts::default(),
    };
    let mut rest = html;
    while !rest.is_empty() && builder.over_budget().is_none() {
        let before = rest.len();
        match rest.find('<') {
            Some(0) => {
                builder.built.tags += 1;
                rest = builder.markup(rest);
            }
            Some(i) => {
                let (text, after) = rest.split_at(i);
                let decoded = builder.decode(text);
                builder.text(&decoded);
                rest = after;
            }
            None => {
                let decoded = builder.decode(rest);
                builder.text(&decoded);
                rest = "";
            }
        }
        builder.steps += (before - rest.len()) as u64;
    }
    let stopped = if rest.is_empty() {
        None
    } else {
        builder.over_budget()
    };
    let (nodes, dropped, steps) = builder.finish();
    Sanitized {
        nodes,
        dropped,
        stopped,
        steps,
    }
}

enum FrameKind {
    Root,
    Kept(Tag),
    Link(SafeUrl),
    /// Not allowed: its children are kept, the element itself is not.
    Unwrapped,
}

struct Frame {
    name: String,
    kind: FrameKind,
    children: Vec<HtmlNode>,
}

impl Frame {
    fn root() -> Frame {
        Frame {
            name: String::new(),
            kind: FrameKind::Root,
            children: Vec::new(),
        }
    }
}

struct TreeBuilder<'a> {
    /// The open elements; never longer than `MAX_DEPTH + 1` (the root).
    stack: Vec<Frame>,
    dropped: Dropped,
    /// Removals not listed in `dropped` because it was full.
    dropped_more: usize,
    base: &'a SafeUrl,
    allow: Allowlist,
    budget: Budget,
    built: Budget,
    steps: u64,
    /// Whether a start tag was flattened for depth yet (noted once).
    flattened: bool,
    open_counts: OpenCounts,
}

/// How many `p` and `li` elements are open, so that the many start tags that could end one
/// (every block) need not search the stack when none is.
#[derive(Default)]
struct OpenCounts {
    p: usize,
    li: usize,
}

impl OpenCounts {
    fn slot(&mut self, name: &str) -> Option<&mut usize> {
        match name {
            "p" => Some(&mut self.p),
            "li" => Some(&mut self.li),
            _ => None,
        }
    }

    fn add(&mut self, name: &str, delta: isize) {
        if let Some(count) = self.slot(name) {
            *count = count.saturating_add_signed(delta);
        }
    }

    fn any_open(&mut self, name: &str) -> bool {
        self.slot(name).is_some_and(|count| *count > 0)
    }
}

/// Elements whose content is dropped with them.
const OPAQUE: &[&str] = &[
    "script",
    "style",
    "template",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "embed",
    "svg",
    "math",
    "select",
    "plaintext",
    "head",
];

fn is_opaque(name: &str) -> bool {
    OPAQUE.contains(&name)
}

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "image",
];

fn is_void(name: &str) -> bool {
    VOID.contains(&name)
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Start tags that end an open `p`.
fn ends_paragraph(name: &str) -> bool {
    is_heading(name)
        || matches!(
            name,
            "p" | "ul" | "ol" | "blockquote" | "figure" | "div" | "section"
        )
}

/// The only attributes the allowlist ever reads; the rest are skipped unread.
const READ_ATTRIBUTES: &[&str] = &["href", "src", "alt", "width", "height"];

impl TreeBuilder<'_> {
    /// The first cap that what was read so far is past.
    fn over_budget(&self) -> Option<Cap> {
        let (built, budget) = (&self.built, &self.budget);
        if built.nodes > budget.nodes {
            Some(Cap::Nodes)
        } else if built.text_chars > budget.text_chars {
            Some(Cap::Text)
        } else if built.links > budget.links {
            Some(Cap::Links)
        } else if built.images > budget.images {
            Some(Cap::Images)
        } else if built.tags > budget.tags {
            Some(Cap::Tags)
        } else {
            None
        }
    }

    /// Notes a removed element (`<name>`) without allocating when it was noted before.
    fn drop_tag(&mut self, name: &str) {
        let noted = self
            .dropped
            .iter()
            .any(|d| d.strip_prefix('<').and_then(|r| r.strip_suffix('>')) == Some(name));
        if !noted {
            self.drop_note(format!("<{name}>"));
        }
    }

    fn drop_note(&mut self, what: String) {
        if self.dropped.contains(&what) {
            return;
        }
        if self.dropped.len() < MAX_WARNINGS {
            self.dropped.push(what);
        } else {
            self.dropped_more += 1;
        }
    }

    fn decode(&mut self, text: &str) -> String {
        let (decoded, steps) = decode_counted(text);
        self.steps += steps;
        decoded
    }

    /// Appends a node the input produced (counted against the budget).
    fn add(&mut self, node: HtmlNode) {
        match &node {
            HtmlNode::Text(text) => self.built.text_chars += text.chars().count(),
            HtmlNode::Image { .. } => self.built.images += 1,
            _ => {}
        }
        if self.push(node) {
            self.built.nodes += 1;
        }
    }

    /// Appends a node to the innermost open element, and says whether it became a node of its
    /// own: adjacent text merges, so "a &amp; b" is one text node.
    fn push(&mut self, node: HtmlNode) -> bool {
        self.steps += 1;
        if let Some(top) = self.stack.last_mut() {
            if let (HtmlNode::Text(new), Some(HtmlNode::Text(prev))) =
                (&node, top.children.last_mut())
            {
                prev.push_str(new);
                return false;
            }
            top.children.push(node);
        }
        true
    }

    fn text(&mut self, text: &str) {
        if !text.is_empty() {
            self.add(HtmlNode::Text(text.to_string()));
        }
    }

    /// Handles the markup at the start of `rest` and returns what follows it.
    fn markup<'s>(&mut self, rest: &'s str) -> &'s str {
        if let Some(after) = rest.strip_prefix("<!--") {
            return after
                .find("-->")
                .and_then(|i| after.get(i + 3..))
                .unwrap_or("");
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            return rest.find('>').and_then(|i| rest.get(i + 1..)).unwrap_or("");
        }
        if let Some(after) = rest.strip_prefix("</") {
            if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
                let (tag, remaining) = read_tag(after);
                self.close(&tag.name);
                return remaining;
            }
            return after
                .find('>')
                .and_then(|i| after.get(i + 1..))
                .unwrap_or("");
        }
        let after = rest.get(1..).unwrap_or("");
        if !after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            self.text("<");
            return after;
        }
        let (tag, remaining) = read_tag(after);
        if is_opaque(&tag.name) {
            self.drop_tag(&tag.name);
            if is_void(&tag.name) || tag.self_closing {
                return remaining;
            }
            return skip_past_end_tag(remaining, &tag.name);
        }
        self.open(tag);
        remaining
    }

    fn open(&mut self, tag: RawTag<'_>) {
        self.close_implied_by(&tag.name);
        let name = tag.name.as_ref();
        match name {
            "br" => return self.add(HtmlNode::LineBreak),
            "img" if self.allow == Allowlist::Body => return self.image(&tag),
            _ if is_void(name) => {
                self.drop_tag(name);
                return;
            }
            _ => {}
        }
        if self.stack.len() > MAX_DEPTH {
            // Flattened: no frame, so its end tag finds nothing to close (or closes an outer
            // element of the same name, as a browser would close the innermost).
            if !self.flattened {
                self.flattened = true;
                self.drop_note(format!(
                    "nesting deeper than {MAX_DEPTH} levels (flattened)"
                ));
            }
            return;
        }
        let kind = if name == "a" {
            match tag.attr("href").map(|href| self.base.join(href)) {
                Some(Ok(url)) => {
                    self.built.links += 1;
                    FrameKind::Link(url)
                }
                Some(Err(err)) => {
                    self.drop_note(format!("<a href> that {err}"));
                    FrameKind::Unwrapped
                }
                None => FrameKind::Unwrapped,
            }
        } else {
            match Tag::from_name(name, self.allow) {
                Some(kept) => FrameKind::Kept(kept),
                None => {
                    self.drop_tag(name);
                    FrameKind::Unwrapped
                }
            }
        };
        if tag.self_closing {
            return;
        }
        if !matches!(kind, FrameKind::Unwrapped) {
            self.built.nodes += 1;
        }
        self.open_counts.add(&tag.name, 1);
        self.stack.push(Frame {
            name: tag.name.into_owned(),
            kind,
            children: Vec::new(),
        });
    }

    fn image(&mut self, tag: &RawTag) {
        match tag.attr("src").map(|src| self.base.join(src)) {
            Some(Ok(src)) => self.add(HtmlNode::Image {
                src,
                alt: tag.attr("alt").unwrap_or_default().to_string(),
                width: tag.attr("width").and_then(|w| w.trim().parse().ok()),
                height: tag.attr("height").and_then(|h| h.trim().parse().ok()),
            }),
            Some(Err(err)) => self.drop_note(format!("<img src> that {err}")),
            None => self.drop_note("<img> without src".to_string()),
        }
    }

    /// HTML's optional end tags: `<li>` ends an open `li` of the same list, a block-level
    /// start tag ends an open `p`, and a heading's start tag ends a heading that is the current
    /// element, so `<li>a<li>b` is two items and `<h1>a<h1>b` two headings, as a browser reads
    /// them.
    fn close_implied_by(&mut self, name: &str) {
        // The elements that stop the search: an `li` closes only within its own list, a `p`
        // only within its own item, quote or figure.
        let (target, boundary): (&str, fn(&str) -> bool) = match name {
            "li" => ("li", |n| matches!(n, "ul" | "ol")),
            _ if ends_paragraph(name) => ("p", |n| {
                matches!(n, "li" | "blockquote" | "figure" | "figcaption")
            }),
            _ => return,
        };
        // Most start tags close nothing: skip the scan when no such element is open. (The
        // stack is bounded, so the scan is too.)
        let open = self.open_counts.any_open(target);
        for (i, frame) in self.stack.iter().enumerate().rev().take_while(|_| open) {
            self.steps += 1;
            if boundary(&frame.name) {
                break;
            }
            if frame.name == target {
                while self.stack.len() > i {
                    self.pop();
                }
                break;
            }
        }
        if is_heading(name) && self.stack.last().is_some_and(|top| is_heading(&top.name)) {
            self.pop();
        }
    }

    fn close(&mut self, name: &str) {
        // Only frames above the root can close; an end tag with no open element is ignored.
        self.steps += self.stack.len() as u64;
        let Some(position) = self
            .stack
            .iter()
            .rposition(|f| f.name == name && !matches!(f.kind, FrameKind::Root))
        else {
            return;
        };
        while self.stack.len() > position {
            self.pop();
        }
    }

    fn pop(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        self.open_counts.add(&frame.name, -1);
        match frame.kind {
            FrameKind::Kept(tag) => {
                self.push(HtmlNode::Element(tag, frame.children));
            }
            FrameKind::Link(url) => {
                self.push(HtmlNode::Link(url, frame.children));
            }
            // An unwrapped element's children move up one level; as the stack is bounded,
            // a node moves at most `MAX_DEPTH` times.
            FrameKind::Unwrapped | FrameKind::Root => {
                for child in frame.children {
                    self.push(child);
                }
            }
        }
    }

    fn finish(mut self) -> (Vec<HtmlNode>, Dropped, u64) {
        while self.stack.len() > 1 {
            self.pop();
        }
        let root = self.stack.pop().map(|f| f.children).unwrap_or_default();
        if self.dropped_more > 0 {
            self.dropped
                .push(format!("{} more kinds of markup", self.dropped_more));
        }
        (root, self.dropped, self.steps)
    }
}

struct RawTag<'s> {
    /// Borrowed from the input unless it had capitals (most tags are read without allocating).
    name: Cow<'s, str>,
    /// Only the attributes in [`READ_ATTRIBUTES`], the first of each name.
    attrs: Vec<(&'static str, String)>,
    self_closing: bool,
}

impl RawTag<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads `name attr="value" ...>` (the `<` or `</` already consumed). Linear in what it
/// consumes: attributes the allowlist never reads are skipped without being copied or decoded.
fn read_tag(s: &str) -> (RawTag<'_>, &str) {
    let name_end = s
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(s.len());
    let raw_name = s.get(..name_end).unwrap_or("");
    let name = if raw_name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(raw_name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(raw_name)
    };
    let mut rest = s.get(name_end..).unwrap_or("");
    let mut attrs: Vec<(&'static str, String)> = Vec::new();
    let mut self_closing = false;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest.strip_prefix('>') {
            rest = after;
            break;
        }
        if let Some(after) = rest.strip_prefix('/') {
            self_closing = after.starts_with('>');
            rest = after;
            continue;
        }
        let attr_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(rest.len())
            .max(1);
        let attr_name = rest.get(..attr_end).unwrap_or("");
        // Of the names the allowlist reads, the first occurrence wins (as in a browser).
        let wanted = READ_ATTRIBUTES
            .iter()
            .find(|known| known.eq_ignore_ascii_case(attr_name))
            .filter(|known| !attrs.iter().any(|(n, _)| n == *known));
        rest = rest
            .get(attr_end..)
            .unwrap_or("")
            .trim_start_matches(|c: char| c.is_ascii_whitespace());
        let mut value = "";
        if let Some(after_eq) = rest.strip_prefix('=') {
            let after_eq = after_eq.trim_start_matches(|c: char| c.is_ascii_whitespace());
            let (raw, remaining) = match after_eq.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = after_eq.get(1..).unwrap_or("");
                    match inner.find(q) {
                        Some(end) => (
                            inner.get(..end).unwrap_or(""),
                            inner.get(end + 1..).unwrap_or(""),
                        ),
                        None => (inner, ""),
                    }
                }
                _ => {
                    let end = after_eq
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(after_eq.len());
                    (
                        after_eq.get(..end).unwrap_or(""),
                        after_eq.get(end..).unwrap_or(""),
                    )
                }
            };
            value = raw;
            rest = remaining;
        }
        if let Some(known) = wanted {
            attrs.push((known, decode_entities(value)));
        }
    }
    (
        RawTag {
            name,
            attrs,
            self_closing,
        },
        rest,
    )
}

/// Skips to just past `</name ...>`, case-insensitively; to the end if it never comes. Scans
/// the input once, in place.
fn skip_past_end_tag<'s>(s: &'s str, name: &str) -> &'s str {
    let bytes = s.as_bytes();
    let name = name.as_bytes();
    let mut from = 0;
    while let Some(found) = bytes
        .get(from..)
        .and_then(|rest| rest.windows(2).position(|w| w == b"</"))
    {
        let start = from + found + 2;
        let end = start + name.len();
        let name_matches = bytes
            .get(start..end)
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name));
        // `</scripts>` does not close `<script>`.
        let delimited = bytes
            .get(end)
            .is_some_and(|&c| c.is_ascii_whitespace() || c == b'>' || c == b'/');
        if name_matches && delimited {
            return s
                .get(end..)
                .and_then(|r| r.find('>').and_then(|i| r.get(i + 1..)))
                .unwrap_or("");
        }
        from = start;
    }
    ""
}

/// Decodes character references: numeric ones and the named ones news copy uses.
pub fn decode_entities(s: &str) -> String {
    decode_counted(s).0
}

/// The longest reference name looked for: `&` starts a reference only if a `;` follows within
/// this many bytes, so a text full of bare `&` is still read once.
const MAX_REFERENCE: usize = 32;

fn decode_counted(s: &str) -> (String, u64) {
    if !s.contains('&') {
        return (s.to_string(), s.len() as u64);
    }
    let mut steps = s.len() as u64;
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i + 1..).unwrap_or("");
        // A reference is `#`, digits or letters, then `;`: the look-ahead stops at the first
        // other byte, so a text full of bare `&` is still read about once.
        let name_len = after
            .bytes()
            .take(MAX_REFERENCE + 1)
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
            .count();
        steps += name_len as u64 + 1;
        let reference = (after.as_bytes().get(name_len) == Some(&b';'))
            .then(|| after.get(..name_len))
            .flatten()
            .and_then(decode_reference)
            .map(|c| (c, name_len + 1));
        match reference {
            Some((decoded, consumed)) => {
                out.push(decoded);
                rest = after.get(consumed..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, steps)
}

fn decode_reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return Some(match code {
            0 => '\u{FFFD}',
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        });
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '\"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "shy" => '\u{ad}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "iexcl" => '¡',
        "iquest" => '¿',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "middot" => '·',
        "bull" => '•',
        "aacute" => 'á',
        "eacute" => 'é',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "Aacute" => 'Á',
        "Eacute" => 'É',
        "Iacute" => 'Í',
        "Oacute" => 'Ó',
        "Uacute" => 'Ú',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "ccedil" => 'ç',
        "agrave" => 'à',
        "egrave" => 'è',
        "ouml" => 'ö',
        "auml" => 'ä',
        _ => return None,
    })
}
