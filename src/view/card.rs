use super::body::{Body, ContinueReading};
use super::breadcrumb::Breadcrumb;
use super::comment_count::CommentCount;
use super::event_sink::EventSink;
use super::figure::Figure;
use super::live_toggle::LiveToggle;
use super::share_bar::{ShareBar, ShareContent};
use super::{own_text, use_locale, words_around};
use crate::model::article::Article;
use crate::model::config::{HeadingLevel, Layout};
use crate::model::share::ShareNetwork;
use leptos::prelude::*;

/// What the card needs besides the article.
#[derive(Clone)]
pub struct CardOptions {
    pub layout: Layout,
    pub share: Vec<ShareNetwork>,
    pub events: EventSink,
    /// The headline's heading level.
    pub heading_level: HeadingLevel,
    /// The live comment count from `comments-api`, once known.
    pub live_comments: Signal<Option<u64>>,
}

/// The article card: breadcrumb, label, headline, photo, date, lede, body (full layout only),
/// share bar, live player and comment count.
#[component]
pub fn ArticleCard(article: Article, options: CardOptions) -> impl IntoView {
    let CardOptions {
        layout,
        share,
        events,
        heading_level,
        live_comments,
    } = options;
    let locale = use_locale();
    let strings_lang = locale.strings_lang();
    let strings = locale.strings;
    let Article {
        url,
        breadcrumb,
        label,
        headline,
        summary,
        published,
        modified,
        authors,
        image,
        body,
        body_cut,
        site: publisher,
        share: share_defaults,
        live,
        comments,
        ..
    } = article;
    // "Published <date>": the words in the strings' language, the date in the card's.
    let dated = move |template: &'static str, date: String| {
        words_around(template, "{date}", date, strings_lang)
    };
    let published_text = dated(strings.published, locale.date(&published));
    let updated = modified
        .filter(|m| m.epoch_ms > published.epoch_ms)
        .map(|m| {
            let text = dated(strings.updated, locale.date(&m));
            view! { <time class="aw-updated" datetime=m.original.clone()>{text}</time> }
        });
    let byline = (!authors.is_empty()).then(|| {
        let names = authors
            .into_iter()
            .enumerate()
            .map(|(i, author)| {
                let separator = (i > 0).then_some(", ");
                let name = match author.url {
                    Some(href) => view! { <a href=href.to_string() target="_blank" rel="noopener">{author.name}</a> }.into_any(),
                    None => author.name.into_any(),
                };
                view! { {separator}{name} }
            })
            .collect_view();
        view! { <span class="aw-byline">{own_text(strings.by, strings_lang)}" "{names}</span> }
    });
    let share_content = ShareContent {
        url: url.to_string(),
        text: share_defaults.text.unwrap_or_else(|| headline.clone()),
        hashtags: share_defaults.hashtags,
        via: share_defaults.via,
    };
    // A body cut to nothing (its first block alone was past a cap) still links to the rest.
    let has_body = !body.is_empty() || body_cut.is_some();
    let continue_reading = body_cut.map(|_| ContinueReading {
        url: url.to_string(),
        site: publisher
            .map(|site| site.name)
            .unwrap_or_else(|| url.host().to_string()),
    });
    let has_share = !share.is_empty();
    let site = url.origin().to_string();
    let footer_has_content = has_share || live.is_some() || comments.is_some();
    view! {
        <article class="aw-card" part="card" aria-labelledby="aw-headline">
            <header class="aw-header">
                {(!breadcrumb.is_empty()).then(|| view! { <Breadcrumb items=breadcrumb label=strings.breadcrumb /> })}
                {label.map(|label| view! { <p class="aw-label" part="label">{label}</p> })}
                {leptos::html::custom(heading_level.tag_below(0))
                    .attr("class", "aw-headline")
                    .attr("part", "headline")
                    .attr("id", "aw-headline")
                    .child(view! { <a href=url.to_string() target="_blank" rel="noopener">{headline.clone()}</a> })}
            </header>
            {image.map(|image| view! { <Figure image=image /> })}
            <p class="aw-meta">
                <time part="date" datetime=published.original.clone()>{published_text}</time>
                {updated}
                {byline}
            </p>
            {summary.map(|summary| view! { <p class="aw-lede" part="lede">{summary}</p> })}
            {(layout == Layout::Full && has_body).then(|| view! { <Body blocks=body headline=heading_level more=continue_reading /> })}
            {footer_has_content.then(|| view! {
                <footer class="aw-footer">
                    {has_share.then(|| view! { <ShareBar networks=share content=share_content events=events /> })}
                    {live.map(|live| view! { <LiveToggle live=live events=events site=site.clone() /> })}
                    {comments.map(|comments| view! { <CommentCount comments=comments live=live_comments /> })}
                </footer>
            })}
        </article>
    }
}
