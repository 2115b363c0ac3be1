use super::card::{ArticleCard, CardOptions};
use super::error_state::ErrorState;
use super::event_sink::EventSink;
use super::loading_state::LoadingState;
use super::provide_locale;
use crate::api::LoadState;
use crate::model::config::WidgetConfig;
use crate::model::error::LoadError;
use crate::model::formats::Parsed;
use crate::model::i18n::{choose_language, Locale};
use crate::model::widget_event::WidgetEvent;
use crate::services::Services;
use leptos::prelude::*;
use std::sync::Arc;

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

/// What a widget shows for a load state: the loading state, the error state or the card, in
/// the widget's themed, language-tagged frame. It does no I/O: the browser widget gives it the
/// state of its request, and the pre-renderer (`crate::render`) a loaded article.
#[component]
pub fn WidgetFrame(
    #[prop(into)] config: Signal<WidgetConfig>,
    #[prop(into)] state: Signal<LoadState>,
    /// The live comment count from `comments-api`, once known.
    #[prop(into)]
    live_comments: Signal<Option<u64>>,
    /// The host page's `<html lang>`, the last choice before English.
    #[prop(optional)]
    page_lang: Option<String>,
    events: EventSink,
    /// Asks for the article again (the error state's Retry).
    on_retry: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let retry = on_retry;
    // The page hears of each outcome.
    Effect::new(move |_| {
        state.with(|s| match s {
            LoadState::Loaded(parsed) => events.emit(WidgetEvent::Load {
                id: parsed.article.id.clone(),
                url: parsed.article.url.to_string(),
            }),
            LoadState::Failed(error) => events.emit(WidgetEvent::Error {
                message: error.to_string(),
            }),
            LoadState::Waiting | LoadState::Loading => {}
        })
    });

    // The reader's language, given to every component below through context: its dates and
    // numbers through the browser's `Intl` where there is one.
    let intl = Services::get().with(|b| b.intl());
    let locale = Memo::new(move |_| {
        let article_lang = state.with(|s| match s {
            LoadState::Loaded(parsed) => parsed.article.lang.clone(),
            _ => None,
        });
        let lang = config.with(|c| {
            choose_language(
                c.lang.as_deref(),
                article_lang.as_deref(),
                page_lang.as_deref(),
            )
        });
        Locale::new(&lang).with_intl(intl)
    });

    // One polite live region for the widget's life: it exists (empty) before anything is
    // announced, as screen readers need, and its text changes once per state, not per render.
    let announcement = Memo::new(move |_| {
        let locale = locale.get();
        state.with(|s| match s {
            LoadState::Waiting | LoadState::Loaded(_) => String::new(),
            LoadState::Loading => locale.strings.loading.to_string(),
            LoadState::Failed(error) => {
                format!(
                    "{} {}",
                    locale.strings.error_title,
                    locale.error_detail(error)
                )
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
            lang=move || locale.with(|l| l.lang.clone())
            dir=move || locale.with(Locale::dir)
        >
            <p class="aw-visually-hidden aw-announcer" role="status" lang=move || locale.with(Locale::strings_lang)>{move || announcement.get()}</p>
            {move || {
                provide_locale(locale.get());
                match shown.get() {
                    Shown::Loading => view! { <LoadingState /> }.into_any(),
                    Shown::Failed(error) => view! { <ErrorState error=error on_retry=retry /> }.into_any(),
                    Shown::Loaded(parsed) => {
                        let (layout, share, heading_level) = card_settings.get();
                        let options = CardOptions {
                            layout,
                            share,
                            events,
                            heading_level,
                            live_comments,
                        };
                        view! { <ArticleCard article=parsed.article.clone() options=options /> }.into_any()
                    }
                }
            }}
        </div>
    }
}
