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

use super::url::SafeUrl;

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

/// What the sanitizer removed that a publisher should hear about (logged as console warnings).
pub type Dropped = Vec<String>;

/// Deeper nesting than this is flattened, so hostile input cannot make rendering recurse
/// without bound.
const MAX_DEPTH: usize = 32;

/// Sanitizes `html`, resolving URLs against `base`.
pub fn sanitize(html: &str, base: &SafeUrl, allow: Allowlist) -> (Vec<HtmlNode>, Dropped) {
    let mut builder = TreeBuilder {
        stack: vec![Frame::root()],
        dropped: Vec::new(),
        base,
        allow,
    };
    let mut rest = html;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(0) => rest = builder.markup(rest),
            Some(i) => {
                let (text, after) = rest.split_at(i);
                builder.text(&decode_entities(text));
                rest = after;
            }
            None => {
                builder.text(&decode_entities(rest));
                rest = "";
            }
        }
    }
    builder.finish()
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
    stack: Vec<Frame>,
    dropped: Dropped,
    base: &'a SafeUrl,
    allow: Allowlist,
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

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "image",
];

impl TreeBuilder<'_> {
    fn push(&mut self, node: HtmlNode) {
        if let Some(top) = self.stack.last_mut() {
            // Adjacent text nodes merge, so "a &amp; b" is one text node.
            if let (HtmlNode::Text(new), Some(HtmlNode::Text(prev))) =
                (&node, top.children.last_mut())
            {
                prev.push_str(new);
                return;
            }
            top.children.push(node);
        }
    }

    fn text(&mut self, text: &str) {
        if !text.is_empty() {
            self.push(HtmlNode::Text(text.to_string()));
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
        if OPAQUE.contains(&tag.name.as_str()) {
            self.dropped.push(format!("<{}>", tag.name));
            if VOID.contains(&tag.name.as_str()) || tag.self_closing {
                return remaining;
            }
            return skip_past_end_tag(remaining, &tag.name);
        }
        self.open(tag);
        remaining
    }

    fn open(&mut self, tag: RawTag) {
        self.close_implied_by(&tag.name);
        let name = tag.name.as_str();
        match name {
            "br" => return self.push(HtmlNode::LineBreak),
            "img" if self.allow == Allowlist::Body => return self.image(&tag),
            _ if VOID.contains(&name) => {
                self.dropped.push(format!("<{name}>"));
                return;
            }
            _ => {}
        }
        let kind = if self.stack.len() > MAX_DEPTH {
            FrameKind::Unwrapped
        } else if name == "a" {
            match tag.attr("href").map(|href| self.base.join(href)) {
                Some(Ok(url)) => FrameKind::Link(url),
                Some(Err(err)) => {
                    self.dropped.push(format!("<a href> that {err}"));
                    FrameKind::Unwrapped
                }
                None => FrameKind::Unwrapped,
            }
        } else {
            match Tag::from_name(name, self.allow) {
                Some(kept) => FrameKind::Kept(kept),
                None => {
                    self.dropped.push(format!("<{name}>"));
                    FrameKind::Unwrapped
                }
            }
        };
        if tag.self_closing {
            return;
        }
        self.stack.push(Frame {
            name: tag.name,
            kind,
            children: Vec::new(),
        });
    }

    fn image(&mut self, tag: &RawTag) {
        match tag.attr("src").map(|src| self.base.join(src)) {
            Some(Ok(src)) => self.push(HtmlNode::Image {
                src,
                alt: tag.attr("alt").unwrap_or_default().to_string(),
                width: tag.attr("width").and_then(|w| w.trim().parse().ok()),
                height: tag.attr("height").and_then(|h| h.trim().parse().ok()),
            }),
            Some(Err(err)) => self.dropped.push(format!("<img src> that {err}")),
            None => self.dropped.push("<img> without src".to_string()),
        }
    }

    /// HTML's optional end tags: `<li>` ends an open `li` of the same list, and a block-level
    /// start tag ends an open `p`, so `<li>a<li>b` is two items, as a browser reads it.
    fn close_implied_by(&mut self, name: &str) {
        const ENDS_P: &[&str] = &[
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "blockquote",
            "figure",
            "div",
            "section",
        ];
        let (target, boundaries): (&str, &[&str]) = match name {
            "li" => ("li", &["ul", "ol"]),
            _ if ENDS_P.contains(&name) => ("p", &["li", "blockquote", "figure", "figcaption"]),
            _ => return,
        };
        for (i, frame) in self.stack.iter().enumerate().rev() {
            if boundaries.contains(&frame.name.as_str()) {
                return;
            }
            if frame.name == target {
                while self.stack.len() > i {
                    self.pop();
                }
                return;
            }
        }
    }

    fn close(&mut self, name: &str) {
        // Only frames above the root can close; an end tag with no open element is ignored.
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
        match frame.kind {
            FrameKind::Kept(tag) => self.push(HtmlNode::Element(tag, frame.children)),
            FrameKind::Link(url) => self.push(HtmlNode::Link(url, frame.children)),
            FrameKind::Unwrapped | FrameKind::Root => {
                for child in frame.children {
                    self.push(child);
                }
            }
        }
    }

    fn finish(mut self) -> (Vec<HtmlNode>, Dropped) {
        while self.stack.len() > 1 {
            self.pop();
        }
        let root = self.stack.pop().map(|f| f.children).unwrap_or_default();
        (root, self.dropped)
    }
}

struct RawTag {
    name: String,
    attrs: Vec<(String, String)>,
    self_closing: bool,
}

impl RawTag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads `name attr="value" ...>` (the `<` or `</` already consumed).
fn read_tag(s: &str) -> (RawTag, &str) {
    let name_end = s
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(s.len());
    let name = s.get(..name_end).unwrap_or("").to_ascii_lowercase();
    let mut rest = s.get(name_end..).unwrap_or("");
    let mut attrs = Vec::new();
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
        let attr_name = rest.get(..attr_end).unwrap_or("").to_ascii_lowercase();
        rest = rest
            .get(attr_end..)
            .unwrap_or("")
            .trim_start_matches(|c: char| c.is_ascii_whitespace());
        let mut value = String::new();
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
            value = decode_entities(raw);
            rest = remaining;
        }
        if !attrs
            .iter()
            .any(|(n, _): &(String, String)| *n == attr_name)
        {
            attrs.push((attr_name, value));
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

/// Skips to just past `</name ...>`, case-insensitively; to the end if it never comes.
fn skip_past_end_tag<'s>(s: &'s str, name: &str) -> &'s str {
    let needle = format!("</{name}");
    let lower = s.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower.get(from..).and_then(|l| l.find(&needle)) {
        let at = from + found + needle.len();
        // `</scripts>` does not close `<script>`.
        if lower.get(at..).is_some_and(|r| {
            r.starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        }) {
            return s
                .get(at..)
                .and_then(|r| r.find('>').and_then(|i| r.get(i + 1..)))
                .unwrap_or("");
        }
        from = at;
    }
    ""
}

/// Decodes character references: numeric ones and the named ones news copy uses.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i + 1..).unwrap_or("");
        let reference = after.find(';').filter(|&end| end <= 32).and_then(|end| {
            let name = after.get(..end)?;
            decode_reference(name).map(|c| (c, end + 1))
        });
        match reference {
            Some((decoded, consumed)) => {
                out.push_str(&decoded);
                rest = after.get(consumed..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_reference(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        let c = match code {
            0 => '\u{FFFD}',
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        };
        return Some(c.to_string());
    }
    let c = match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "shy" => "\u{ad}",
        "ndash" => "–",
        "mdash" => "—",
        "hellip" => "…",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" => "”",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "iexcl" => "¡",
        "iquest" => "¿",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "deg" => "°",
        "euro" => "€",
        "pound" => "£",
        "middot" => "·",
        "bull" => "•",
        "aacute" => "á",
        "eacute" => "é",
        "iacute" => "í",
        "oacute" => "ó",
        "uacute" => "ú",
        "Aacute" => "Á",
        "Eacute" => "É",
        "Iacute" => "Í",
        "Oacute" => "Ó",
        "Uacute" => "Ú",
        "ntilde" => "ñ",
        "Ntilde" => "Ñ",
        "uuml" => "ü",
        "Uuml" => "Ü",
        "ccedil" => "ç",
        "agrave" => "à",
        "egrave" => "è",
        "ouml" => "ö",
        "auml" => "ä",
        _ => return None,
    };
    Some(c.to_string())
}
