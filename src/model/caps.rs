//! The caps on what one card renders, so that no article, however long or odd, can hold the
//! host page's main thread: the numbers, and the names of the caps.
//!
//! The numbers come from real long reads: the New York Times' "Snow Fall" is about 17,000 words
//! (about 100,000 characters) in some 200 blocks with a few dozen images; a long feature runs
//! 300 to 500 paragraphs, each a handful of nodes (text, a link, some emphasis). Each cap is
//! about twice what such a story needs, so a real article renders whole, and what is past a cap
//! is cut at a block boundary, with a "continue reading" link to the article's page. How a body
//! is measured against them and cut is `limits`.

/// The largest article JSON the widget accepts (1 MiB).
pub const MAX_ARTICLE_BYTES: usize = 1024 * 1024;

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

/// What one call may build before it stops reading (the article's caps, below). Stopping early keeps time and memory bounded by the caps, not by the
/// input; the cut itself, at a block boundary, is made by the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    pub nodes: usize,
    pub text_chars: usize,
    pub links: usize,
    pub images: usize,
    /// Tags read, kept or not: what bounds the work on markup that renders nothing.
    pub tags: usize,
}
