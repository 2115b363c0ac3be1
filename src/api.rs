//! The only code that fetches.
//!
//! - One request per distinct URL per page: widgets showing the same article share it, and a
//!   widget mounted later gets the already parsed article.
//! - A request is aborted when the last widget waiting for it goes away.
//! - The body is read as a stream and refused past [`MAX_BYTES`], so a huge or endless response
//!   costs at most that much memory; the timeout covers the whole body, not just the headers.
//! - Cookies are not sent unless the publisher asks (`credentials="include"`).

use crate::model::article::{parse_article, Parsed};
use crate::model::config::Credentials;
use crate::model::error::LoadError;
use crate::model::url::SafeUrl;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::Request;
use js_sys::{Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, ReadableStreamDefaultReader, RequestCredentials, RequestInit, RequestMode,
};

/// The largest article the widget accepts.
pub const MAX_BYTES: usize = crate::model::article::MAX_ARTICLE_BYTES;

/// How long a request may take, headers and body together.
pub const TIMEOUT_SECONDS: u32 = 10;

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
    let signal = controller.as_ref().map(AbortController::signal);
    let done_flag = done.clone();
    let abort = controller.clone();
    let future = async move {
        let result = with_timeout(abort, fetch_and_parse(url, credentials, signal)).await;
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

/// Aborts the request after [`TIMEOUT_SECONDS`] and reports a timeout instead of the abort.
async fn with_timeout(
    controller: Option<AbortController>,
    work: impl std::future::Future<Output = ArticleResult>,
) -> ArticleResult {
    let timed_out = Rc::new(Cell::new(false));
    let flag = timed_out.clone();
    let on_timeout = Closure::once(move || {
        flag.set(true);
        if let Some(controller) = controller {
            controller.abort();
        }
    });
    let window = web_sys::window();
    let timer = window.as_ref().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            (TIMEOUT_SECONDS * 1000) as i32,
        )
        .ok()
    });
    let result = work.await;
    if let (Some(window), Some(timer)) = (window, timer) {
        window.clear_timeout_with_handle(timer);
    }
    // The timer is cleared, so the closure can go.
    drop(on_timeout);
    if timed_out.get() {
        return Err(LoadError::Timeout {
            seconds: TIMEOUT_SECONDS,
        });
    }
    result
}

async fn fetch_and_parse(
    url: SafeUrl,
    credentials: Credentials,
    signal: Option<web_sys::AbortSignal>,
) -> ArticleResult {
    // The request is built here rather than with gloo-net's builder, which rewrites a URL that
    // already has a query (it appends `&`), and would break signed publisher URLs.
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_credentials(match credentials {
        Credentials::Omit => RequestCredentials::Omit,
        Credentials::Include => RequestCredentials::Include,
    });
    init.set_mode(RequestMode::Cors);
    if let Some(signal) = &signal {
        init.set_signal(Some(signal));
    }
    let request = web_sys::Request::new_with_str_and_init(url.as_str(), &init)
        .map_err(|_| LoadError::Network)?;
    let _ = request.headers().set("Accept", "application/json");
    let response = Request::from(request)
        .send()
        .await
        .map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|v| v.trim().parse::<usize>().ok());
    if declared.is_some_and(|len| len > MAX_BYTES) {
        return Err(LoadError::TooLarge {
            limit_bytes: MAX_BYTES,
        });
    }
    let bytes = match response.body() {
        Some(stream) => read_capped(stream.get_reader().unchecked_into()).await?,
        None => Vec::new(),
    };
    let text = String::from_utf8(bytes)
        .map_err(|_| LoadError::NotJson("the body is not UTF-8 text".into()))?;
    if text.trim().is_empty() {
        return Err(LoadError::NotJson("the body is empty".into()));
    }
    let parsed = parse_article(&text, &url)?;
    for warning in &parsed.warnings {
        web_sys::console::warn_1(&format!("article-widget: {}: {warning}", url.as_str()).into());
    }
    Ok(Arc::new(parsed))
}

/// Reads a body stream to the end, giving up past [`MAX_BYTES`].
async fn read_capped(reader: ReadableStreamDefaultReader) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| LoadError::Network)?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .map(|d| d.is_truthy())
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        let value =
            Reflect::get(&chunk, &JsValue::from_str("value")).map_err(|_| LoadError::Network)?;
        let array: Uint8Array = value.unchecked_into();
        let len = array.length() as usize;
        if bytes.len() + len > MAX_BYTES {
            let _ = reader.cancel();
            return Err(LoadError::TooLarge {
                limit_bytes: MAX_BYTES,
            });
        }
        let start = bytes.len();
        bytes.resize(start + len, 0);
        if let Some(target) = bytes.get_mut(start..) {
            array.copy_to(target);
        }
    }
}
