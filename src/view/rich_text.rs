use crate::model::config::HeadingLevel;
use crate::model::html::{HtmlNode, Tag};
use leptos::prelude::*;

/// Renders sanitized markup node by node. Only allowlisted tag names reach `custom()`, and text
/// becomes text nodes, so nothing here is ever parsed as HTML. Sub-headings are placed below
/// the card's headline level.
pub fn render_nodes(nodes: &[HtmlNode], headline: HeadingLevel) -> AnyView {
    nodes
        .iter()
        .map(|node| render_node(node, headline))
        .collect_view()
        .into_any()
}

fn render_node(node: &HtmlNode, headline: HeadingLevel) -> AnyView {
    match node {
        HtmlNode::Text(text) => text.clone().into_any(),
        HtmlNode::LineBreak => view! { <br /> }.into_any(),
        HtmlNode::Link(url, children) => view! {
            <a href=url.to_string() target="_blank" rel="noopener noreferrer nofollow ugc">
                {render_nodes(children, headline)}
            </a>
        }
        .into_any(),
        HtmlNode::Image {
            src,
            alt,
            width,
            height,
        } => view! {
            <img
                src=src.to_string()
                alt=alt.clone()
                width=width.map(|w| w.to_string())
                height=height.map(|h| h.to_string())
                loading="lazy"
                decoding="async"
            />
        }
        .into_any(),
        HtmlNode::Element(tag, children) => {
            let name = match tag {
                Tag::H3 => headline.tag_below(1),
                Tag::H4 => headline.tag_below(2),
                other => other.as_str(),
            };
            leptos::html::custom(name)
                .child(render_nodes(children, headline))
                .into_any()
        }
    }
}
