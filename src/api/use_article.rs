//! The widget's data as reactive values, in the style of leptos-use's `use_*` hooks: the
//! article its config names ([`use_article`]) and the article's live comment count
//! ([`use_comment_count`]). The view composes them and renders; it fetches nothing itself.

use super::{
    forget_failure, subscribe_count, subscribe_count_url, ArticleRequest, CountSubscription,
    FetchOptions,
};
use crate::model::config::WidgetConfig;
use crate::model::error::LoadError;
use crate::model::formats::Parsed;
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;

/// Where a widget's article is.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    /// Lazy and not yet near the viewport: nothing fetched.
    Waiting,
    Loading,
    Loaded(Arc<Parsed>),
    Failed(LoadError),
}

/// The article of one widget: its state, and a retry after a failure.
#[derive(Clone, Copy)]
pub struct ArticleResource {
    pub state: ReadSignal<LoadState>,
    attempt: RwSignal<u32>,
    config: Signal<WidgetConfig>,
}

impl ArticleResource {
    /// Asks again, even if another widget of the page already failed on this article.
    pub fn retry(&self) {
        if let Ok(url) = self.config.with_untracked(|c| c.src.clone()) {
            forget_failure(&url, self.config.with_untracked(FetchOptions::from_config));
        }
        self.attempt.update(|n| *n += 1);
    }
}

/// Loads the article `config` names once `visible` is true, again when its source changes,
/// and on [`ArticleResource::retry`].
///
/// Not a `LocalResource`: reactive_graph 0.2 runs a resource's fetches one after another, so
/// a new `src` would wait for the superseded request to finish (up to its 10 s timeout). Here
/// the new source replaces the request at once: dropping the old claim aborts it (unless
/// another widget waits for it). The task that awaits a request holds only a weak reference to
/// its claim, so a result whose claim was replaced or dropped (a newer `src`, the widget's end)
/// has nowhere to go: stale results are dropped by construction.
pub fn use_article(config: Signal<WidgetConfig>, visible: Signal<bool>) -> ArticleResource {
    let (state, set_state) = signal(LoadState::Waiting);
    let attempt = RwSignal::new(0u32);
    // Holding the claim keeps the request alive; replacing or dropping it (unmount) aborts it
    // if no other widget waits for the same article.
    let claim = StoredValue::new_local(None::<Rc<ArticleRequest>>);
    // What the request depends on, and nothing else: a change of theme or layout must not
    // reload the article (or flash the loading state).
    let source = Memo::new(move |_| config.with(|c| (c.src.clone(), FetchOptions::from_config(c))));

    Effect::new(move |_| {
        attempt.track();
        let (source, options) = source.get();
        if !visible.get() {
            return;
        }
        let url = match source {
            Ok(url) => url,
            Err(error) => {
                claim.set_value(None);
                set_state.set(LoadState::Failed(error));
                return;
            }
        };
        set_state.set(LoadState::Loading);
        let request = Rc::new(ArticleRequest::new(&url, options));
        let result = request.result();
        let this_claim = Rc::downgrade(&request);
        claim.set_value(Some(request));
        leptos::task::spawn_local(async move {
            let result = result.await;
            // Widgets that share an article get it in the same task; each builds its card in
            // its turn, a few cards a task, so a page of a hundred never blocks its host long.
            super::turns::my_turn().await;
            // A newer source (or the widget's end) has dropped this claim.
            if this_claim.upgrade().is_none() {
                return;
            }
            if let Err(error) = &result {
                web_sys::console::error_1(
                    &format!("article-widget: {}: {error}", url.as_str()).into(),
                );
            }
            set_state.try_set(match result {
                Ok(parsed) => LoadState::Loaded(parsed),
                Err(error) => LoadState::Failed(error),
            });
        });
    });

    ArticleResource {
        state,
        attempt,
        config,
    }
}

/// The live comment count of the loaded article: from the page's batched `comments-api` when
/// the config names one, else from the article's own `comments.count_url`; `None` until the
/// first count arrives, and for an article with neither.
pub fn use_comment_count(
    config: Signal<WidgetConfig>,
    article: ReadSignal<LoadState>,
) -> Signal<Option<u64>> {
    let count = RwSignal::new(None::<u64>);
    let subscription = StoredValue::new_local(None::<CountSubscription>);
    let comments_api = Memo::new(move |_| config.with(|c| c.comments_api.clone()));
    Effect::new(move |_| {
        let template = comments_api.get();
        let loaded = article.with(|s| match s {
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
        subscription.set_value(None);
        count.set(None);
        let Some((id, count_url)) = loaded else {
            return;
        };
        let listener = move |n| {
            if count.try_get_untracked() != Some(Some(n)) {
                count.try_set(Some(n));
            }
        };
        let subscribed = match (template, count_url) {
            (Some(template), _) => subscribe_count(&template, &id, listener),
            (None, Some(url)) => subscribe_count_url(&url, &id, listener),
            (None, None) => return,
        };
        subscription.set_value(Some(subscribed));
    });
    count.into()
}
