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

pub use comments::{subscribe_count, CountSubscription};

use crate::model::article::{parse_article, Parsed};
use crate::model::config::Credentials;
use crate::model::error::LoadError;
use crate::model::url::SafeUrl;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use web_sys::AbortController;

pub use http::{MAX_BYTES, TIMEOUT_SECONDS};

pub type ArticleResult = Result<Arc<Parsed>, LoadError>;
type SharedFetch = Shared<LocalBoxFuture<'static, ArticleResult>>;

struct Entry {
    /// Distinguishes this request from a later one for the same URL (after a Retry).
    id: u64,
    future: SharedFetch,
    controller: Option<AbortController>,
    /// Widgets holding an [`ArticleRequest`] for this URL.
    waiters: usize,
    done: Rc<Cell<bool>>,
}

thread_local! {
    static REQUESTS: RefCell<HashMap<String, Entry>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
}

/// A widget's claim on the article at a URL. Dropping it (the widget unmounted, or its `src`
/// changed) aborts the request if nobody else is waiting for it.
pub struct ArticleRequest {
    key: String,
    entry_id: u64,
    future: SharedFetch,
}

impl ArticleRequest {
    /// Joins the request for `url`, starting it if there is none.
    pub fn new(url: &SafeUrl, credentials: Credentials) -> ArticleRequest {
        let key = request_key(url, credentials);
        let (entry_id, future) = REQUESTS.with(|requests| {
            let mut requests = requests.borrow_mut();
            let entry = requests
                .entry(key.clone())
                .or_insert_with(|| start(url.clone(), credentials));
            entry.waiters += 1;
            (entry.id, entry.future.clone())
        });
        ArticleRequest {
            key,
            entry_id,
            future,
        }
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
                .filter(|entry| entry.id == self.entry_id)
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
pub fn forget_failure(url: &SafeUrl, credentials: Credentials) {
    let key = request_key(url, credentials);
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

/// A request with cookies is not the same request as one without.
fn request_key(url: &SafeUrl, credentials: Credentials) -> String {
    match credentials {
        Credentials::Omit => url.as_str().to_string(),
        Credentials::Include => format!("credentials {}", url.as_str()),
    }
}

fn start(url: SafeUrl, credentials: Credentials) -> Entry {
    let controller = AbortController::new().ok();
    let done = Rc::new(Cell::new(false));
    let done_flag = done.clone();
    let abort = controller.clone();
    let future = async move {
        let result = fetch_and_parse(url, credentials, abort).await;
        done_flag.set(true);
        result
    }
    .boxed_local()
    .shared();
    let id = NEXT_ID.with(|next| {
        let id = next.get();
        next.set(id + 1);
        id
    });
    Entry {
        id,
        future,
        controller,
        waiters: 0,
        done,
    }
}

async fn fetch_and_parse(
    url: SafeUrl,
    credentials: Credentials,
    controller: Option<AbortController>,
) -> ArticleResult {
    let text = http::fetch_text(&url, credentials, controller).await?;
    let parsed = parse_article(&text, &url)?;
    for warning in &parsed.warnings {
        web_sys::console::warn_1(&format!("article-widget: {}: {warning}", url.as_str()).into());
    }
    Ok(Arc::new(parsed))
}
