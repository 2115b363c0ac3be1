use super::figure::Figure;
use super::rich_text::render_nodes;
use crate::model::article::Block;
use crate::model::config::HeadingLevel;
use crate::model::i18n::Strings;
use leptos::prelude::*;

/// The article body, block by block.
#[component]
pub fn Body(
    blocks: Vec<Block>,
    strings: &'static Strings,
    #[prop(optional)] headline: HeadingLevel,
) -> impl IntoView {
    view! {
        <div class="aw-body" part="body">
            {blocks
                .into_iter()
                .map(|block| render_block(block, strings, headline))
                .collect_view()}
        </div>
    }
}

fn render_block(block: Block, strings: &'static Strings, headline: HeadingLevel) -> AnyView {
    match block {
        Block::Paragraph(nodes) => view! { <p>{render_nodes(&nodes, headline)}</p> }.into_any(),
        Block::Heading(text) => leptos::html::custom(headline.tag_below(1))
            .child(text)
            .into_any(),
        Block::Quote { text, cite } => view! {
            <blockquote>
                <p>{text}</p>
                {cite.map(|cite| view! { <footer><cite>{cite}</cite></footer> })}
            </blockquote>
        }
        .into_any(),
        Block::Related { title, url, label } => {
            let label = label.unwrap_or_else(|| strings.related.to_string());
            view! {
                <p class="aw-related" part="related">
                    <span class="aw-related-label">{label}":"</span>" "
                    <a href=url.to_string() target="_blank" rel="noopener">{title}</a>
                </p>
            }
            .into_any()
        }
        Block::Image(image) => view! { <Figure image=image /> }.into_any(),
        Block::Html(nodes) => render_nodes(&nodes, headline),
    }
}
