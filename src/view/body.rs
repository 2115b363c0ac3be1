use super::figure::Figure;
use super::rich_text::render_nodes;
use super::{use_locale, words_around};
use crate::model::article::Block;
use crate::model::config::HeadingLevel;
use crate::model::limits::render_chunks;
use leptos::leptos_dom::helpers::request_animation_frame;
use leptos::prelude::*;

/// Where the rest of a body that was cut at a cap can be read.
#[derive(Clone, Debug, PartialEq)]
pub struct ContinueReading {
    pub url: String,
    /// The publisher's name, or the article's host.
    pub site: String,
}

/// The article body, block by block.
///
/// A long body is built in chunks of about [`crate::model::caps::NODES_PER_CHUNK`] nodes: the
/// first at once, each further one on the next animation frame, so no single task of the widget
/// holds the host page's main thread for long.
#[component]
pub fn Body(
    blocks: Vec<Block>,
    #[prop(optional)] headline: HeadingLevel,
    /// Set when the body was cut at a cap: a link to the rest follows it.
    #[prop(default = None)]
    more: Option<ContinueReading>,
) -> impl IntoView {
    let locale = use_locale();
    let strings = locale.strings;
    let strings_lang = locale.strings_lang();
    let ranges = render_chunks(&blocks);
    let mut blocks = blocks.into_iter();
    let chunks: Vec<Vec<Block>> = ranges
        .iter()
        .map(|range| blocks.by_ref().take(range.len()).collect())
        .collect();
    let total = chunks.len();
    let shown = RwSignal::new(1);
    if total > 1 {
        Effect::new(move |_| {
            if shown.get() < total {
                request_animation_frame(move || shown.update(|n| *n += 1));
            }
        });
    }
    let chunks = chunks
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| {
            let render = move |chunk: &[Block]| {
                chunk
                    .iter()
                    .map(|block| render_block(block, strings, strings_lang, headline))
                    .collect_view()
            };
            if i == 0 {
                return render(&chunk).into_any();
            }
            // Built on the frame it is due, and once: the memo turns true once and stays so.
            let due = Memo::new(move |_| shown.get() > i);
            (move || due.get().then(|| render(&chunk))).into_any()
        })
        .collect_view();
    let more = more.map(|more| {
        // "Continue reading on <site>": the words in the strings' language, the name as it is.
        let text = words_around(strings.continue_reading, "{site}", more.site, strings_lang);
        view! {
            <p class="aw-continue" part="continue">
                <a href=more.url target="_blank" rel="noopener">{text}</a>
            </p>
        }
    });
    view! {
        <div class="aw-body" part="body">
            {chunks}
        </div>
        {more}
    }
}

fn render_block(
    block: &Block,
    strings: &'static crate::model::i18n::Strings,
    strings_lang: Option<&'static str>,
    headline: HeadingLevel,
) -> AnyView {
    match block {
        Block::Paragraph(nodes) => view! { <p>{render_nodes(nodes, headline)}</p> }.into_any(),
        Block::Heading(text) => leptos::html::custom(headline.tag_below(1))
            .child(text.clone())
            .into_any(),
        Block::Quote { text, cite } => view! {
            <blockquote>
                <p>{text.clone()}</p>
                {cite.clone().map(|cite| view! { <footer><cite>{cite}</cite></footer> })}
            </blockquote>
        }
        .into_any(),
        Block::Related { title, url, label } => {
            // The widget's own word carries the strings' language; the publisher's, the card's.
            let lang = label.is_none().then_some(strings_lang).flatten();
            let label = label.clone().unwrap_or_else(|| strings.related.to_string());
            let title = title.clone();
            view! {
                <p class="aw-related" part="related">
                    <span class="aw-related-label" lang=lang>{label}":"</span>" "
                    <a href=url.to_string() target="_blank" rel="noopener">{title}</a>
                </p>
            }
            .into_any()
        }
        Block::Image(image) => view! { <Figure image=image.clone() /> }.into_any(),
        Block::Html(nodes) => render_nodes(nodes, headline),
    }
}
