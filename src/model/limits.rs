//! A body measured against the caps (`caps`): what each block weighs, where the body is cut,
//! and the chunks the view builds it in.

use super::article::Block;
use super::caps::{Cap, BODY_BUDGET, MAX_BLOCKS, NODES_PER_CHUNK};
use super::html::HtmlNode;
use std::ops::Range;

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
