//! The caps on what one card renders, so that no article, however long or odd, can hold the
//! host page's main thread.
//!
//! The numbers come from real long reads: the New York Times' "Snow Fall" is about 17,000 words
//! (about 100,000 characters) in some 200 blocks with a few dozen images; a long feature runs
//! 300 to 500 paragraphs, each a handful of nodes (text, a link, some emphasis). Each cap is
//! about twice what such a story needs, so a real article renders whole, and what is past a cap
//! is cut at a block boundary, with a "continue reading" link to the article's page.

use super::article::Block;
use super::html::{Budget, HtmlNode};
use std::ops::Range;

/// At most this many blocks: paragraphs, headings, quotes, images, lists, ...
pub const MAX_BLOCKS: usize = 1_500;

/// At most this many sources per stream: the player asks the browser about each in turn, and a
/// broadcaster offers a handful (formats, bitrates), not thousands.
pub const MAX_SOURCES: usize = 8;

/// At most this many authors, breadcrumb items and hashtags: a byline or a trail of a
/// thousand names is a mistake or an attack, and each would be DOM (or share-URL) work.
pub const MAX_NAMES: usize = 20;

/// At most this many nodes (elements and text runs) in the body, at most this much text, and
/// at most this many links and images. The sanitizer stops reading once it is past any of them.
pub const BODY_BUDGET: Budget = Budget {
    nodes: 12_000,
    text_chars: 200_000,
    links: 1_500,
    images: 200,
    // Such a story is some 20,000 tags; markup that renders nothing (wrappers, removed
    // elements) may add as many again.
    tags: 100_000,
};

/// How many nodes the view builds in one go. Building a node costs the browser a few
/// microseconds, so one chunk stays well inside a 50 ms task on a slow phone; the rest of a
/// long body is added on the following frames.
pub const NODES_PER_CHUNK: usize = 400;

/// Which cap cut the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cap {
    Blocks,
    Nodes,
    Text,
    Links,
    Images,
    /// Tags read in a body's markup, rendered or not.
    Tags,
}

impl Cap {
    /// For the console: "12000 nodes".
    pub fn describe(self) -> String {
        match self {
            Cap::Blocks => format!("{MAX_BLOCKS} blocks"),
            Cap::Nodes => format!("{} nodes", BODY_BUDGET.nodes),
            Cap::Text => format!("{} characters of text", BODY_BUDGET.text_chars),
            Cap::Links => format!("{} links", BODY_BUDGET.links),
            Cap::Images => format!("{} images", BODY_BUDGET.images),
            Cap::Tags => format!("{} tags of markup", BODY_BUDGET.tags),
        }
    }
}

/// What a block costs to render, summed over the body against the caps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Weight {
    pub blocks: usize,
    pub nodes: usize,
    pub text_chars: usize,
    pub links: usize,
    pub images: usize,
}

impl Weight {
    fn add(&mut self, other: Weight) {
        self.blocks += other.blocks;
        self.nodes += other.nodes;
        self.text_chars += other.text_chars;
        self.links += other.links;
        self.images += other.images;
    }

    /// The first cap this weight is over, if any.
    fn over(&self) -> Option<Cap> {
        if self.blocks > MAX_BLOCKS {
            Some(Cap::Blocks)
        } else if self.nodes > BODY_BUDGET.nodes {
            Some(Cap::Nodes)
        } else if self.text_chars > BODY_BUDGET.text_chars {
            Some(Cap::Text)
        } else if self.links > BODY_BUDGET.links {
            Some(Cap::Links)
        } else if self.images > BODY_BUDGET.images {
            Some(Cap::Images)
        } else {
            None
        }
    }

    fn text(text: &str) -> Weight {
        Weight {
            nodes: 1,
            text_chars: text.chars().count(),
            ..Weight::default()
        }
    }

    fn nodes(nodes: &[HtmlNode]) -> Weight {
        let mut total = Weight::default();
        for node in nodes {
            total.add(Weight::node(node));
        }
        total
    }

    fn node(node: &HtmlNode) -> Weight {
        match node {
            HtmlNode::Text(text) => Weight::text(text),
            HtmlNode::LineBreak => Weight {
                nodes: 1,
                ..Weight::default()
            },
            HtmlNode::Image { alt, .. } => Weight {
                nodes: 1,
                images: 1,
                text_chars: alt.chars().count(),
                ..Weight::default()
            },
            HtmlNode::Element(_, children) => {
                let mut weight = Weight::nodes(children);
                weight.nodes += 1;
                weight
            }
            HtmlNode::Link(_, children) => {
                let mut weight = Weight::nodes(children);
                weight.nodes += 1;
                weight.links += 1;
                weight
            }
        }
    }

    /// The weight of a whole body.
    pub fn of_all(blocks: &[Block]) -> Weight {
        let mut total = Weight::default();
        for block in blocks {
            total.add(Weight::of(block));
        }
        total
    }

    /// The weight of one block as the view renders it (its wrapper elements included).
    pub fn of(block: &Block) -> Weight {
        let optional =
            |text: &Option<String>| text.as_deref().map(Weight::text).unwrap_or_default();
        let mut weight = match block {
            Block::Paragraph(nodes) => Weight::nodes(nodes),
            Block::Heading(text) => Weight::text(text),
            Block::Quote { text, cite } => {
                let mut w = Weight::text(text);
                w.add(optional(cite));
                w.nodes += 3;
                w
            }
            Block::Related { title, label, .. } => {
                let mut w = Weight::text(title);
                w.add(optional(label));
                w.nodes += 3;
                w.links += 1;
                w
            }
            Block::Image(image) => {
                let mut w = Weight::text(&image.alt);
                w.add(optional(&image.caption));
                w.add(optional(&image.credit));
                w.nodes += 3;
                w.images += 1;
                w
            }
            Block::Html(nodes) => {
                let mut w = Weight::nodes(nodes);
                // Its nodes are the body's own children: only visible ones count as blocks.
                w.blocks = nodes.iter().filter(|n| !is_blank(n)).count();
                return w;
            }
        };
        weight.nodes += 1;
        weight.blocks = 1;
        weight
    }
}

fn is_blank(node: &HtmlNode) -> bool {
    matches!(node, HtmlNode::Text(text) if text.trim().is_empty())
}

/// Cuts `blocks` at the first block boundary where the body would pass a cap, and says which
/// cap. `body_html` (one [`Block::Html`]) is split into one block per top-level node first, so
/// it is cut between its paragraphs, lists and figures like a structured body.
pub fn limit_body(blocks: Vec<Block>) -> (Vec<Block>, Option<Cap>) {
    let mut kept = Vec::new();
    let mut total = Weight::default();
    for block in blocks.into_iter().flat_map(split_html) {
        let mut next = total;
        next.add(Weight::of(&block));
        if let Some(cap) = next.over() {
            return (kept, Some(cap));
        }
        total = next;
        kept.push(block);
    }
    (kept, None)
}

fn split_html(block: Block) -> Vec<Block> {
    match block {
        Block::Html(nodes) => nodes.into_iter().map(|n| Block::Html(vec![n])).collect(),
        other => vec![other],
    }
}

/// Splits the blocks into runs of about [`NODES_PER_CHUNK`] nodes (a block is never split), for
/// the view to build one run per frame.
pub fn render_chunks(blocks: &[Block]) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut nodes = 0;
    for (i, block) in blocks.iter().enumerate() {
        let weight = Weight::of(block).nodes;
        if nodes > 0 && nodes + weight > NODES_PER_CHUNK {
            chunks.push(start..i);
            start = i;
            nodes = 0;
        }
        nodes += weight;
    }
    if start < blocks.len() {
        chunks.push(start..blocks.len());
    }
    chunks
}
