use super::card::{ArticleCard, CardOptions};
use super::error_state::ErrorState;
use super::event_sink::EventSink;
use super::loading_state::LoadingState;
use crate::api::{
    forget_failure, subscribe_count, subscribe_count_url, ArticleRequest, CountSubscription,
    FetchOptions,
};
use crate::model::article::Parsed;
use crate::model::config::WidgetConfig;
use crate::model::error::LoadError;
use crate::model::i18n::{is_rtl, strings_for};
use crate::model::url::SafeUrl;
use crate::model::widget_event::WidgetEvent;
use leptos::prelude::*;
use std::sync::Arc;

/// Where a widget is in its life.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    /// Lazy and not yet near the viewport: nothing fetched.
    Waiting,
    Loading,
    Loaded(Arc<Parsed>),
    Failed(LoadError),
}

/// What the widget shows. Waiting and loading look the same, so the step from one to the other
/// does not rebuild the loading state; a new article is a new `Arc`, so comparing pointers is
/// enough to know the card must be rebuilt.
#[derive(Clone)]
enum Shown {
    Loading,
    Failed(LoadError),
    Loaded(Arc<Parsed>),
}

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Shown::Loading, Shown::Loading) => true,
            (Shown::Failed(a), Shown::Failed(b)) => a == b,
            (Shown::Loaded(a), Shown::Loaded(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

fn source_url(config: &WidgetConfig) -> Result<SafeUrl, LoadError> {
    let src = config.src.as_deref().ok_or(LoadError::NoSource)?;
    SafeUrl::parse_absolute(src).map_err(LoadError::BadSource)
}

/// One widget: loads the article its config names once `visible` is true, and shows the
/// loading state, the error state or the card.
///
/// `config.src` must already be absolute (the host resolves it against the page).
#[component]
pub fn ArticleWidget(
    #[prop(into)] config: Signal<WidgetConfig>,
    #[prop(into)] visible: Signal<bool>,
    /// The host page's `<html lang>`, the last choice before English.
    #[prop(optional)]
    page_lang: Option<String>,
    events: EventSink,
) -> impl IntoView {
    let state = RwSignal::new(LoadState::Waiting);
    let attempt = RwSignal::new(0u32);
    // Holding the request keeps it alive; replacing or dropping it (unmount) aborts it if no
    // other widget waits for the same article.
    let request = StoredValue::new_local(None::<ArticleRequest>);
    let generation = StoredValue::new(0u64);
    // What the request depends on, and nothing else: a change of theme or layout must not
    // reload the article (or flash the loading state).
    let request_source =
        Memo::new(move |_| config.with(|c| (source_url(c), FetchOptions::from_config(c))));
    let comments_api = Memo::new(move |_| config.with(|c| c.comments_api.clone()));

    Effect::new(move |_| {
        attempt.track();
        let (source, options) = request_source.get();
        if !visible.get() {
            return;
        }
        let this_generation = generation.get_value() + 1;
        generation.set_value(this_generation);
        let url = match source {
            Ok(url) => url,
            Err(error) => {
                request.set_value(None);
                events.emit(WidgetEvent::Error {
                    message: error.to_string(),
                });
                state.set(LoadState::Failed(error));
                return;
            }
        };
        state.set(LoadState::Loading);
        let claim = ArticleRequest::new(&url, options);
        let result = claim.result();
        request.set_value(Some(claim));
        leptos::task::spawn_local(async move {
            let result = result.await;
            if generation.try_get_value() != Some(this_generation) {
                return; // src changed or the widget is gone
            }
            let next = match result {
                Ok(parsed) => {
                    events.emit(WidgetEvent::Load {
                        id: parsed.article.id.clone(),
                        url: parsed.article.url.to_string(),
                    });
                    LoadState::Loaded(parsed)
                }
                Err(error) => {
                    web_sys::console::error_1(
                        &format!("article-widget: {}: {error}", url.as_str()).into(),
                    );
                    events.emit(WidgetEvent::Error {
                        message: error.to_string(),
                    });
                    LoadState::Failed(error)
                }
            };
            state.try_set(next);
        });
    });

    // Live comment counts, once the article (and so its id) is known: from the page's batched
    // `comments-api` if it names one, else from the article's own `comments.count_url`.
    let live_comments = RwSignal::new(None::<u64>);
    let count_subscription = StoredValue::new_local(None::<CountSubscription>);
    Effect::new(move |_| {
        let template = comments_api.get();
        let article = state.with(|s| match s {
            LoadState::Loaded(parsed) => Some((
                parsed.article.id.clone(),
                parsed
                    .article
                    .comments
                    .as_ref()
                    .and_then(|c| c.count_url.clone()),
            )),
            _ => None,
        });
        count_subscription.set_value(None);
        live_comments.set(None);
        let Some((id, count_url)) = article else {
            return;
        };
        let listener = move |count| {
            if live_comments.try_get_untracked() != Some(Some(count)) {
                live_comments.try_set(Some(count));
            }
        };
        let template = template.and_then(|t| SafeUrl::parse_absolute(&t).ok());
        let subscription = match (template, count_url) {
            (Some(template), _) => subscribe_count(&template, &id, listener),
            (None, Some(url)) => subscribe_count_url(&url, &id, listener),
            (None, None) => return,
        };
        count_subscription.set_value(Some(subscription));
    });

    let retry = move || {
        if let Ok(url) = config.with_untracked(source_url) {
            forget_failure(&url, config.with_untracked(FetchOptions::from_config));
        }
        attempt.update(|n| *n += 1);
    };

    // Attribute first, then the article's language, then the page's, then English.
    let lang = Memo::new(move |_| {
        config
            .with(|c| c.lang.clone())
            .or_else(|| {
                state.with(|s| match s {
                    LoadState::Loaded(parsed) => parsed.article.lang.clone(),
                    _ => None,
                })
            })
            .or_else(|| page_lang.clone().filter(|l| !l.is_empty()))
            .unwrap_or_else(|| "en".to_string())
    });

    // One polite live region for the widget's life: it exists (empty) before anything is
    // announced, as screen readers need, and its text changes once per state, not per render.
    let announcement = Memo::new(move |_| {
        let strings = strings_for(&lang.get());
        state.with(|s| match s {
            LoadState::Waiting | LoadState::Loaded(_) => String::new(),
            LoadState::Loading => strings.loading.to_string(),
            LoadState::Failed(error) => {
                format!("{} {}", strings.error_title, strings.error_detail(error))
            }
        })
    });

    // Only what the card is built from: a change of theme or preset restyles the card through
    // the root's attributes and must not rebuild it (a playing stream would stop).
    let card_settings =
        Memo::new(move |_| config.with(|c| (c.layout, c.share.clone(), c.heading_level)));
    let shown = Memo::new(move |_| {
        state.with(|s| match s {
            LoadState::Waiting | LoadState::Loading => Shown::Loading,
            LoadState::Failed(error) => Shown::Failed(error.clone()),
            LoadState::Loaded(parsed) => Shown::Loaded(Arc::clone(parsed)),
        })
    });

    view! {
        <div
            class="aw"
            data-theme=move || config.with(|c| c.theme.as_str())
            data-preset=move || config.with(|c| c.preset.as_str())
            data-layout=move || config.with(|c| c.layout.as_str())
            data-state=move || state.with(|s| match s {
                LoadState::Waiting => "waiting",
                LoadState::Loading => "loading",
                LoadState::Loaded(_) => "loaded",
                LoadState::Failed(_) => "error",
            })
            lang=move || lang.get()
            dir=move || if is_rtl(&lang.get()) { "rtl" } else { "ltr" }
        >
            <p class="aw-visually-hidden aw-announcer" role="status">{move || announcement.get()}</p>
            {move || {
                let lang = lang.get();
                let strings = strings_for(&lang);
                match shown.get() {
                    Shown::Loading => view! { <LoadingState strings=strings /> }.into_any(),
                    Shown::Failed(error) => view! { <ErrorState error=error strings=strings on_retry=retry /> }.into_any(),
                    Shown::Loaded(parsed) => {
                        let (layout, share, heading_level) = card_settings.get();
                        let options = CardOptions {
                            layout,
                            share,
                            strings,
                            lang,
                            events,
                            heading_level,
                            live_comments: live_comments.into(),
                        };
                        view! { <ArticleCard article=parsed.article.clone() options=options /> }.into_any()
                    }
                }
            }}
        </div>
    }
}
