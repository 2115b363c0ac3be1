//! The only code that fetches.
//!
//! - One request per distinct URL per page: widgets showing the same article share it, and a
//!   widget mounted later gets the already parsed article.
//! - A request is aborted when the last widget waiting for it goes away.
//! - The body is read as a stream and refused past [`MAX_BYTES`], so a huge or endless response
//!   costs at most that much memory; the timeout covers the whole body, not just the headers.
//! - Cookies are not sent unless the publisher asks (`credentials="include"`).

mod comments;
mod http;
mod turns;
mod use_article;

pub use comments::{subscribe_count, subscribe_count_url, CountSubscription};
pub use use_article::{use_article, use_comment_count, ArticleResource, LoadState};

use crate::model::article::Comments;
use crate::model::config::Credentials;
use crate::model::config::WidgetConfig;
use crate::model::error::LoadError;
use crate::model::formats::Parsed;
use crate::model::formats::{read, Format};
use crate::model::table::Table;
use crate::model::url::SafeUrl;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use web_sys::AbortController;

pub use http::{set_early_requests, MAX_BYTES, TIMEOUT_SECONDS};
pub use turns::set_turns;

pub type ArticleResult = Result<Arc<Parsed>, LoadError>;

/// The outcome of one request, awaited by every widget that shows its article. (One page, one
/// thread: an `Rc` and a list of wakers are all the sharing needs.)
#[derive(Clone, Default)]
pub struct SharedFetch(Rc<RefCell<Outcome>>);

#[derive(Default)]
struct Outcome {
    result: Option<ArticleResult>,
    waiting: Vec<Waker>,
}

impl SharedFetch {
    fn settle(&self, result: ArticleResult) {
        let waiting = {
            let mut outcome = self.0.borrow_mut();
            outcome.result = Some(result);
            std::mem::take(&mut outcome.waiting)
        };
        for waker in waiting {
            waker.wake();
        }
    }

    fn peek(&self) -> Option<ArticleResult> {
        self.0.borrow().result.clone()
    }

    /// Whether the two are the outcome of one request (the request's identity: the entry for
    /// a URL is a newer request after a Retry).
    fn same(&self, other: &SharedFetch) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Future for SharedFetch {
    type Output = ArticleResult;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<ArticleResult> {
        let mut outcome = self.0.borrow_mut();
        if let Some(result) = &outcome.result {
            return Poll::Ready(result.clone());
        }
        if !outcome.waiting.iter().any(|w| w.will_wake(cx.waker())) {
            outcome.waiting.push(cx.waker().clone());
        }
        Poll::Pending
    }
}

struct Entry {
    future: SharedFetch,
    controller: Option<AbortController>,
    /// Widgets holding an [`ArticleRequest`] for this URL.
    waiters: usize,
    done: Rc<Cell<bool>>,
}

thread_local! {
    static REQUESTS: RefCell<Table<Entry>> = const { RefCell::new(Table::new()) };
}

/// A widget's claim on the article at a URL. Dropping it (the widget unmounted, or its `src`
/// changed) aborts the request if nobody else is waiting for it.
pub struct ArticleRequest {
    key: String,
    future: SharedFetch,
}

impl ArticleRequest {
    /// Joins the request for `url`, starting it if there is none.
    pub fn new(url: &SafeUrl, options: FetchOptions) -> ArticleRequest {
        let key = request_key(url, options);
        let future = REQUESTS.with(|requests| {
            let mut requests = requests.borrow_mut();
            match requests.get_mut(&key) {
                Some(entry) => {
                    entry.waiters += 1;
                    entry.future.clone()
                }
                None => {
                    let mut entry = start(url.clone(), options);
                    entry.waiters = 1;
                    let future = entry.future.clone();
                    requests.insert(key.clone(), entry);
                    future
                }
            }
        });
        ArticleRequest { key, future }
    }

    /// The parsed article, or why there is none.
    pub fn result(&self) -> SharedFetch {
        self.future.clone()
    }
}

impl Drop for ArticleRequest {
    fn drop(&mut self) {
        REQUESTS.with(|requests| {
            let mut requests = requests.borrow_mut();
            // After a Retry the entry may be a newer request for the same URL: not ours.
            let Some(entry) = requests
                .get_mut(&self.key)
                .filter(|entry| entry.future.same(&self.future))
            else {
                return;
            };
            entry.waiters = entry.waiters.saturating_sub(1);
            if entry.waiters == 0 && !entry.done.get() {
                if let Some(controller) = &entry.controller {
                    controller.abort();
                }
                requests.remove(&self.key);
            }
        });
    }
}

/// Forgets a failed result so that Retry fetches again. Successful results stay: the article
/// is the same for every widget on the page.
pub fn forget_failure(url: &SafeUrl, options: FetchOptions) {
    let key = request_key(url, options);
    REQUESTS.with(|requests| {
        let mut requests = requests.borrow_mut();
        let failed = requests
            .get(&key)
            .is_some_and(|entry| entry.done.get() && matches!(entry.future.peek(), Some(Err(_))));
        if failed {
            requests.remove(&key);
        }
    });
}

/// How an article is fetched and read; widgets share a request only when these agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FetchOptions {
    pub credentials: Credentials,
    /// `None` detects the format.
    pub format: Option<Format>,
    /// Read a WordPress post's comment count (`comments="count"`).
    pub count_comments: bool,
}

impl FetchOptions {
    pub fn from_config(config: &WidgetConfig) -> FetchOptions {
        FetchOptions {
            credentials: config.credentials,
            format: config.format,
            count_comments: config.count_comments,
        }
    }
}

fn request_key(url: &SafeUrl, options: FetchOptions) -> String {
    if options == FetchOptions::default() {
        url.as_str().to_string()
    } else {
        // Only needs to tell option sets apart (and be cheap: no Debug formatting in the bundle).
        let format = options.format.map_or("detect", Format::name);
        format!(
            "{}{format}{} {}",
            u8::from(options.credentials == Credentials::Include),
            u8::from(options.count_comments),
            url.as_str()
        )
    }
}

fn start(url: SafeUrl, options: FetchOptions) -> Entry {
    let controller = AbortController::new().ok();
    let done = Rc::new(Cell::new(false));
    let done_flag = done.clone();
    let abort = controller.clone();
    let future = SharedFetch::default();
    let outcome = future.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch_and_parse(url, options, abort).await;
        done_flag.set(true);
        outcome.settle(result);
    });
    Entry {
        future,
        controller,
        waiters: 0,
        done,
    }
}

/// Above this size a response is read in several tasks.
const LARGE_RESPONSE_BYTES: usize = 64 * 1024;

async fn fetch_and_parse(
    url: SafeUrl,
    options: FetchOptions,
    controller: Option<AbortController>,
) -> ArticleResult {
    let text = http::fetch_text(&url, options.credentials, controller).await?;
    // A large article is read in three tasks of the page, not one long one: the JSON into the
    // format's wire types, the article checked and sanitized from them, and (after this
    // returns) the card's first screen.
    let large = text.len() > LARGE_RESPONSE_BYTES;
    let wire = read(&text, options.format)?;
    drop(text);
    if large {
        http::next_task().await;
    }
    let mut parsed = wire.convert(&url)?;
    if large {
        http::next_task().await;
    }
    for warning in &parsed.warnings {
        web_sys::console::warn_1(&format!("article-widget: {}: {warning}", url.as_str()).into());
    }
    if let (true, Some(source)) = (options.count_comments, parsed.comment_count_source.clone()) {
        // A failed count leaves the card without one; the article itself is fine.
        match http::fetch_header(&source, "x-wp-total").await {
            Ok(Some(total)) => {
                if let Ok(count) = total.trim().parse() {
                    let thread = parsed.article.url.join("#comments").ok();
                    parsed.article.comments = Some(Comments {
                        count,
                        url: thread,
                        count_url: None,
                    });
                }
            }
            Ok(None) => {}
            Err(error) => web_sys::console::warn_1(
                &format!("article-widget: comment count from {source}: {error}").into(),
            ),
        }
    }
    Ok(Arc::new(parsed))
}
