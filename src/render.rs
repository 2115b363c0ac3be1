//! The pre-rendered card: the widget's own components ([`WidgetFrame`] with a loaded article)
//! rendered to HTML ahead of time, on a publisher's server, into a declarative shadow root.
//!
//! The snippet is the `<article-widget>` element the publisher would write anyway, holding a
//! `<template shadowrootmode="open">` with the widget's stylesheet (an inline `<style>`, so the
//! card is styled at first paint) and the card, then the publisher's fallback link for readers
//! of feeds and crawlers that ignore shadow roots. When the bundle runs, the widget keeps that
//! root and what it shows, loads the article, and swaps in the live card in one task
//! (`host::takeover`); if the article fails to load, the pre-rendered card stays.
//!
//! Native only: it renders through Leptos' HTML renderer (`RenderHtml::to_html`) with no
//! browser. Effects never run here (a spawner that drops every task is installed), which is
//! what a server render is: what effects do (events, players, counters) needs a page.

use crate::api::LoadState;
use crate::model::config::WidgetConfig;
use crate::model::error::LoadError;
use crate::model::formats::parse_any;
use crate::model::url::SafeUrl;
use crate::view::frame::WidgetFrame;
use crate::view::EventSink;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use std::sync::Arc;

/// The attributes of the element (`src`, `layout`, `theme`, `lang`, `heading-level`,
/// `share`, ...), in the spec's names, and where the page and the bundle are.
#[derive(Clone, Debug, Default)]
pub struct RenderOptions {
    /// The element's attributes, in the order they are written into the snippet.
    pub attributes: Vec<(String, String)>,
    /// The URL of the bundle's `embed.js`; the snippet loads it (`None`: the page already does).
    pub embed_js: Option<String>,
    /// The URL of the host page, against which a relative `src` is resolved.
    pub page_url: Option<String>,
    /// The host page's `<html lang>`, if the publisher knows it.
    pub page_lang: Option<String>,
}

/// A rendered snippet and the one thing a strict-CSP host needs to know about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Snippet {
    /// The HTML to paste where the widget goes.
    pub html: String,
    /// The CSP source that lets the snippet's `<style>` in: `'sha256-...'`, for `style-src`.
    pub style_source: String,
}

/// The stylesheet as the snippet carries it (the widget's own, as shipped).
pub fn stylesheet() -> &'static str {
    crate::host::WIDGET_CSS
}

/// The `style-src` source for the snippet's `<style>`: `'sha256-<base64>'`.
pub fn style_source() -> String {
    format!("'sha256-{}'", sha256::base64(stylesheet().as_bytes()))
}

/// Renders `article` (its JSON text, in any format the widget reads) as the widget described by
/// `options` would show it once loaded. Fails as the widget would: no `src`, a bad one, or an
/// article the widget cannot read, with the same messages.
pub fn render_snippet(article: &str, options: &RenderOptions) -> Result<Snippet, LoadError> {
    let page = options
        .page_url
        .as_deref()
        .and_then(|url| SafeUrl::parse_absolute(url).ok());
    let attribute = |name: &str| {
        options
            .attributes
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let (config, _warnings) = WidgetConfig::from_attributes(attribute, page.as_ref());
    let source = config.src.clone()?;
    let parsed = parse_any(article, &source, config.format)?;
    let headline = parsed.article.headline.clone();
    let url = parsed.article.url.to_string();
    let card = render_card(config, Arc::new(parsed), options.page_lang.clone());

    let mut html = String::new();
    if let Some(embed) = &options.embed_js {
        html.push_str(&format!(
            "<script async src=\"{}\"></script>\n",
            escape_attribute(embed)
        ));
    }
    html.push_str("<article-widget");
    for (name, value) in &options.attributes {
        if is_attribute_name(name) {
            html.push_str(&format!(" {name}=\"{}\"", escape_attribute(value)));
        }
    }
    html.push_str(">\n  <template shadowrootmode=\"open\"><style>");
    html.push_str(stylesheet());
    html.push_str("</style>");
    html.push_str(&card);
    html.push_str("</template>\n  <a href=\"");
    html.push_str(&escape_attribute(&url));
    html.push_str("\">");
    html.push_str(&escape_text(&headline));
    html.push_str("</a>\n</article-widget>\n");
    Ok(Snippet {
        html,
        style_source: style_source(),
    })
}

/// The card alone: the widget's container as `host::registry` mounts it, marked as
/// pre-rendered, holding [`WidgetFrame`]'s HTML for the loaded article.
pub fn render_card(
    config: WidgetConfig,
    parsed: Arc<crate::model::formats::Parsed>,
    page_lang: Option<String>,
) -> String {
    drop_spawned_tasks();
    let owner = Owner::new();
    let frame = owner.with(move || {
        // Printing reads each signal once, outside any effect, which is right here: say so, or
        // debug builds warn on standard error for every read.
        let _printing = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
        let state = Signal::stored(LoadState::Loaded(parsed));
        let config = Signal::stored(config);
        let live_comments = Signal::stored(None::<u64>);
        view! {
            <WidgetFrame
                config=config
                state=state
                live_comments=live_comments
                page_lang=page_lang.unwrap_or_default()
                events=EventSink::ignore()
                on_retry=|| {}
            />
        }
        .to_html()
    });
    drop(owner);
    // The container the host's takeover looks for (`host::takeover`).
    let (class, marker) = (crate::host::CONTAINER_CLASS, crate::host::PRERENDERED);
    format!("<div class=\"{class}\" {marker}=\"\">{frame}</div>")
}

/// Leptos spawns effects as tasks; with no page to run them in, they are dropped (once per
/// process; a second call finds the spawner installed).
fn drop_spawned_tasks() {
    struct DropTasks;
    impl any_spawner::CustomExecutor for DropTasks {
        fn spawn(&self, _task: any_spawner::PinnedFuture<()>) {}
        fn spawn_local(&self, _task: any_spawner::PinnedLocalFuture<()>) {}
        fn poll_local(&self) {}
    }
    let _ = any_spawner::Executor::init_custom_executor(DropTasks);
}

/// Attribute names as HTML writes them: a name that is not one (`x"onload`) is left out.
fn is_attribute_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn escape_attribute(value: &str) -> String {
    html_escape::encode_double_quoted_attribute(value).into_owned()
}

fn escape_text(value: &str) -> String {
    html_escape::encode_text(value).into_owned()
}

mod sha256 {
    //! The `style-src` hash, with `sha2` and `base64`.
    use base64::Engine;
    use sha2::Digest;

    pub fn base64(bytes: &[u8]) -> String {
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(bytes))
    }
}
