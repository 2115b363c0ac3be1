use super::event_sink::EventSink;
use super::frame::WidgetFrame;
use crate::api::{use_article, use_comment_count};
use crate::model::config::WidgetConfig;
use leptos::prelude::*;

/// One widget: loads the article its config names once `visible` is true, and shows it in a
/// [`WidgetFrame`] (loading state, error state or card).
#[component]
pub fn ArticleWidget(
    #[prop(into)] config: Signal<WidgetConfig>,
    #[prop(into)] visible: Signal<bool>,
    /// The host page's `<html lang>`, the last choice before English.
    #[prop(optional)]
    page_lang: Option<String>,
    events: EventSink,
) -> impl IntoView {
    let article = use_article(config, visible);
    let live_comments = use_comment_count(config, article.state);
    view! {
        <WidgetFrame
            config=config
            state=article.state
            live_comments=live_comments
            page_lang=page_lang.unwrap_or_default()
            events=events
            on_retry=move || article.retry()
        />
    }
}
