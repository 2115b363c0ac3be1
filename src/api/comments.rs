//! Live comment counts for `comments-api`, batched per page, and from an article's own
//! `comments.count_url`.
//!
//! Every widget on the page that names the same template shares its requests (at most 50 ids
//! each); widgets of one article share its count URL. Counts refresh when the page becomes visible again and, while it is visible, once a
//! minute; nothing is requested while it is hidden. A failed round keeps the last counts and
//! retries with backoff. A count missing from a response leaves the widget's count alone.

use super::http::fetch_text;
use crate::model::comments::{backoff_ms, count_urls, parse_count, parse_counts};
use crate::model::config::Credentials;
use crate::model::table::Table;
use crate::model::url::SafeUrl;
use js_sys::Reflect;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortController;

/// While visible, the time between refreshes.
const REFRESH_MS: i32 = 60_000;
/// Widgets whose articles arrive within this long of each other share a request...
const GATHER_MS: f64 = 150.0;
/// ...but no widget waits longer than this for its first count.
const MAX_GATHER_MS: f64 = 1_500.0;
/// A page flicking between hidden and visible refreshes at most this often.
const VISIBLE_AGAIN_GAP_MS: f64 = 5_000.0;

type Listener = Rc<dyn Fn(u64)>;

/// A `setTimeout` that is cleared when dropped.
type Timer = gloo_timers::callback::Timeout;

#[derive(Default)]
struct Batch {
    /// The key is one article's `count_url` (answering `{"count": n}`), not a `{ids}` template.
    single: bool,
    /// (article id, listener); a listener is its subscription's, and goes with it.
    listeners: Vec<(String, Listener)>,
    counts: Table<u64>,
    last_round_ms: Option<f64>,
    in_flight: bool,
    failures: u32,
    /// When the oldest widget still waiting for its first count started waiting.
    waiting_since_ms: Option<f64>,
    /// Widgets arrived while a round was in flight: gather again when it ends.
    gather_after_round: bool,
    gather_timer: Option<Timer>,
    refresh_timer: Option<Timer>,
}

/// A gather round asks only for ids with no count yet; a refresh round asks for all.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Round {
    Gather,
    Refresh,
}

thread_local! {
    /// One batch per template URL.
    static BATCHES: RefCell<Table<Batch>> = const { RefCell::new(Table::new()) };
    static WATCHING_VISIBILITY: Cell<bool> = const { Cell::new(false) };
}

/// A widget's interest in one article's live count. Dropping it stops the updates.
pub struct CountSubscription {
    template: String,
    listener: Listener,
}

impl Drop for CountSubscription {
    fn drop(&mut self) {
        // An emptied batch is dropped (with its timer) after the borrow ends.
        let emptied = BATCHES.with(|batches| {
            let mut batches = batches.borrow_mut();
            let batch = batches.get_mut(&self.template)?;
            batch
                .listeners
                .retain(|(_, listener)| !Rc::ptr_eq(listener, &self.listener));
            if batch.listeners.is_empty() {
                batches.remove(&self.template)
            } else {
                None
            }
        });
        drop(emptied);
    }
}

/// Calls `listener` with the live count of `article_id` from the counts API at `template`
/// (a URL containing `{ids}`), now if it is known, and whenever it changes.
pub fn subscribe_count(
    template: &SafeUrl,
    article_id: &str,
    listener: impl Fn(u64) + 'static,
) -> CountSubscription {
    subscribe(template, false, article_id, Rc::new(listener))
}

/// The same for an article's own `comments.count_url`, with the same refresh schedule.
pub fn subscribe_count_url(
    url: &SafeUrl,
    article_id: &str,
    listener: impl Fn(u64) + 'static,
) -> CountSubscription {
    subscribe(url, true, article_id, Rc::new(listener))
}

fn subscribe(
    source: &SafeUrl,
    single: bool,
    article_id: &str,
    listener: Listener,
) -> CountSubscription {
    watch_visibility();
    let key = source.as_str().to_string();
    let known = BATCHES.with(|batches| {
        let mut batches = batches.borrow_mut();
        if !batches.contains_key(&key) {
            batches.insert(
                key.clone(),
                Batch {
                    single,
                    ..Batch::default()
                },
            );
        }
        let batch = batches.get_mut(&key)?;
        batch
            .listeners
            .push((article_id.to_string(), listener.clone()));
        batch.counts.get(article_id).copied()
    });
    match known {
        Some(count) => listener(count),
        None => gather(&key),
    }
    CountSubscription {
        template: key,
        listener,
    }
}

/// Starts (or pushes back, within [`MAX_GATHER_MS`]) the gather round for new widgets.
fn gather(key: &str) {
    let now = js_sys::Date::now();
    let delay = BATCHES.with(|b| {
        let mut batches = b.borrow_mut();
        let batch = batches.get_mut(key)?;
        if batch.in_flight {
            batch.gather_after_round = true;
            return None;
        }
        let since = *batch.waiting_since_ms.get_or_insert(now);
        Some(GATHER_MS.min(since + MAX_GATHER_MS - now).max(0.0) as i32)
    });
    if let Some(delay) = delay {
        set_timer(key, Round::Gather, delay);
    }
}

/// Sets the batch's gather or refresh timer to fire in `delay_ms`, replacing the previous one.
fn set_timer(key: &str, round: Round, delay_ms: i32) {
    let owned = key.to_string();
    let delay_ms = u32::try_from(delay_ms).unwrap_or(0);
    let timer = Timer::new(delay_ms, move || run_round(owned, round));
    let previous = BATCHES.with(|b| {
        let mut batches = b.borrow_mut();
        let batch = batches.get_mut(key)?;
        let slot = match round {
            Round::Gather => &mut batch.gather_timer,
            Round::Refresh => &mut batch.refresh_timer,
        };
        slot.replace(timer)
    });
    drop(previous);
}

fn page_hidden() -> bool {
    // Read through Reflect so the page (and the tests) see the same value we do.
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| Reflect::get(&d, &"visibilityState".into()).ok())
        .and_then(|v| v.as_string())
        .is_some_and(|state| state == "hidden")
}

fn run_round(key: String, round: Round) {
    // The timer that called this is spent; it is dropped once this call has returned.
    let spent = BATCHES.with(|b| {
        let mut batches = b.borrow_mut();
        let batch = batches.get_mut(&key)?;
        match round {
            Round::Gather => batch.gather_timer.take(),
            Round::Refresh => batch.refresh_timer.take(),
        }
    });
    wasm_bindgen_futures::spawn_local(async move { drop(spent) });
    if page_hidden() {
        return; // becoming visible starts the next round
    }
    let ids = BATCHES.with(|b| {
        let mut batches = b.borrow_mut();
        let batch = batches.get_mut(&key)?;
        if batch.in_flight {
            batch.gather_after_round |= round == Round::Gather;
            return None;
        }
        let mut ids: Vec<String> = Vec::new();
        for (id, _) in &batch.listeners {
            let wanted = round == Round::Refresh || !batch.counts.contains_key(id);
            if wanted && !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        batch.waiting_since_ms = None;
        batch.in_flight = !ids.is_empty();
        Some((ids, batch.single)).filter(|(ids, _)| !ids.is_empty())
    });
    let Some((ids, single)) = ids else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let mut fetched = Table::new();
        let mut failed = false;
        for url in count_urls(&key, &ids) {
            let result = match SafeUrl::parse_absolute(&url) {
                Ok(url) => fetch_text(&url, Credentials::Omit, AbortController::new().ok())
                    .await
                    .and_then(|text| {
                        if single {
                            // One article's URL: its count is every waiting widget's.
                            let n = parse_count(&text)?;
                            Ok(ids.iter().map(|id| (id.clone(), n)).collect())
                        } else {
                            parse_counts(&text)
                        }
                    }),
                Err(err) => Err(crate::model::error::LoadError::BadSource(err)),
            };
            match result {
                Ok(counts) => fetched.extend(counts),
                Err(error) => {
                    failed = true;
                    web_sys::console::warn_1(
                        &format!("article-widget: comment counts from {url}: {error}").into(),
                    );
                }
            }
        }
        finish_round(&key, fetched, failed);
    });
}

fn finish_round(key: &str, fetched: Table<u64>, failed: bool) {
    let outcome = BATCHES.with(|b| {
        let mut batches = b.borrow_mut();
        let batch = batches.get_mut(key)?;
        batch.in_flight = false;
        batch.last_round_ms = Some(js_sys::Date::now());
        batch.counts.extend(fetched);
        batch.failures = if failed { batch.failures + 1 } else { 0 };
        let updates: Vec<(Listener, u64)> = batch
            .listeners
            .iter()
            .filter_map(|(id, listener)| batch.counts.get(id).map(|n| (listener.clone(), *n)))
            .collect();
        let next_refresh = if failed {
            i32::try_from(backoff_ms(batch.failures)).unwrap_or(REFRESH_MS)
        } else {
            REFRESH_MS
        };
        let gather_again = std::mem::take(&mut batch.gather_after_round);
        Some((updates, next_refresh, gather_again))
    });
    let Some((updates, next_refresh, gather_again)) = outcome else {
        return;
    };
    for (listener, count) in updates {
        listener(count);
    }
    set_timer(key, Round::Refresh, next_refresh);
    if gather_again {
        gather(key);
    }
}

/// Once per page: when the page becomes visible again, every batch refreshes.
fn watch_visibility() {
    if WATCHING_VISIBILITY.with(|w| w.replace(true)) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let on_change = Closure::<dyn FnMut()>::new(|| {
        if page_hidden() {
            return;
        }
        let now = js_sys::Date::now();
        // A full refresh, unless one ran moments ago; widgets that arrived while the page was
        // hidden get their first count either way.
        let due: Vec<(String, Round)> = BATCHES.with(|b| {
            b.borrow()
                .iter()
                .filter(|(_, batch)| !batch.in_flight)
                .filter_map(|(key, batch)| {
                    let stale = batch
                        .last_round_ms
                        .is_none_or(|last| now - last >= VISIBLE_AGAIN_GAP_MS);
                    if stale {
                        Some((key.clone(), Round::Refresh))
                    } else {
                        batch.waiting_since_ms.map(|_| (key.clone(), Round::Gather))
                    }
                })
                .collect()
        });
        for (key, round) in due {
            set_timer(&key, round, 0);
        }
    });
    let _ = document
        .add_event_listener_with_callback("visibilitychange", on_change.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_change.forget();
}
