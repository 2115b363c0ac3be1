use crate::model::html::HtmlNode;
use leptos::prelude::*;

/// Renders sanitized markup node by node. Only allowlisted tag names reach `custom()`, and text
/// becomes text nodes, so nothing here is ever parsed as HTML.
pub fn render_nodes(nodes: &[HtmlNode]) -> AnyView {
    nodes.iter().map(render_node).collect_view().into_any()
}

fn render_node(node: &HtmlNode) -> AnyView {
    match node {
        HtmlNode::Text(text) => text.clone().into_any(),
        HtmlNode::LineBreak => view! { <br /> }.into_any(),
        HtmlNode::Link(url, children) => view! {
            <a href=url.to_string() target="_blank" rel="noopener noreferrer nofollow ugc">
                {render_nodes(children)}
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
        HtmlNode::Element(tag, children) => leptos::html::custom(tag.as_str())
            .child(render_nodes(children))
            .into_any(),
    }
}
