//! The one way the widget talks to the network: a GET with a timeout that covers the body, a
//! streamed size cap, no cookies unless asked, and one error type.

use crate::model::config::Credentials;
use crate::model::error::{LoadError, NotJson};
use crate::model::url::SafeUrl;
use gloo_net::http::{Request, Response};
use js_sys::{Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, ReadableStreamDefaultReader, RequestCredentials, RequestInit, RequestMode,
};

/// The largest response the widget reads.
pub const MAX_BYTES: usize = crate::model::caps::MAX_ARTICLE_BYTES;

/// How long a request may take, headers and body together.
pub const TIMEOUT_SECONDS: u32 = 10;

thread_local! {
    /// The loader's `take(url, credentials, signal)`: the article requests it started while
    /// the wasm was still downloading (see `js/embed.js`).
    static EARLY_REQUESTS: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Lets [`fetch_text`] use the requests the loader started before the wasm was ready, so that
/// a widget's JSON downloads while the wasm does instead of after it.
pub fn set_early_requests(take: js_sys::Function) {
    EARLY_REQUESTS.with(|slot| *slot.borrow_mut() = Some(take));
}

/// The loader's response promise for this exact request, if it started one. Taking it wires
/// our abort signal (timeout, unmount) to it.
fn take_early(
    url: &SafeUrl,
    credentials: Credentials,
    signal: Option<&web_sys::AbortSignal>,
) -> Option<js_sys::Promise> {
    let take = EARLY_REQUESTS.with(|slot| slot.borrow().clone())?;
    let credentials = match credentials {
        Credentials::Omit => "omit",
        Credentials::Include => "include",
    };
    let signal = signal.map_or(JsValue::UNDEFINED, JsValue::from);
    take.call3(
        &JsValue::UNDEFINED,
        &url.as_str().into(),
        &credentials.into(),
        &signal,
    )
    .ok()?
    .dyn_into::<js_sys::Promise>()
    .ok()
}

/// Aborts the request after [`TIMEOUT_SECONDS`] and reports a timeout instead of the abort.
async fn with_timeout<T>(
    controller: Option<AbortController>,
    work: impl std::future::Future<Output = Result<T, LoadError>>,
) -> Result<T, LoadError> {
    let timed_out = Rc::new(Cell::new(false));
    let flag = timed_out.clone();
    // Dropping the timer (once the work is done) clears it.
    let timer = gloo_timers::callback::Timeout::new(TIMEOUT_SECONDS * 1000, move || {
        flag.set(true);
        if let Some(controller) = controller {
            controller.abort();
        }
    });
    let result = work.await;
    drop(timer);
    if timed_out.get() {
        return Err(LoadError::Timeout {
            seconds: TIMEOUT_SECONDS,
        });
    }
    result
}

/// GETs `url` and returns its body as text: status checked, at most [`MAX_BYTES`] read, the
/// whole exchange bounded by [`TIMEOUT_SECONDS`], aborted through `controller`.
pub async fn fetch_text(
    url: &SafeUrl,
    credentials: Credentials,
    controller: Option<AbortController>,
) -> Result<String, LoadError> {
    let signal = controller.as_ref().map(AbortController::signal);
    with_timeout(controller, fetch_text_now(url, credentials, signal)).await
}

/// GETs `url` (same limits as [`fetch_text`]) and returns the response header `name`, for
/// APIs that answer in headers (WordPress' `X-WP-Total`). The body is not read.
pub async fn fetch_header(url: &SafeUrl, name: &str) -> Result<Option<String>, LoadError> {
    let controller = AbortController::new().ok();
    let signal = controller.as_ref().map(AbortController::signal);
    let abort = controller.clone();
    let header = with_timeout(controller, async move {
        let response = send(url, Credentials::Omit, signal).await?;
        Ok(response.headers().get(name))
    })
    .await;
    if let Some(abort) = abort {
        abort.abort(); // the body is not wanted
    }
    header
}

async fn fetch_text_now(
    url: &SafeUrl,
    credentials: Credentials,
    signal: Option<web_sys::AbortSignal>,
) -> Result<String, LoadError> {
    let response = match take_early(url, credentials, signal.as_ref()) {
        Some(early) => checked(JsFuture::from(early).await)?,
        None => send(url, credentials, signal).await?,
    };
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
    let text = String::from_utf8(bytes).map_err(|_| LoadError::NotJson(NotJson::NotText))?;
    if text.trim().is_empty() {
        return Err(LoadError::NotJson(NotJson::Empty));
    }
    Ok(text)
}

/// Sends the GET and checks the status.
///
/// The request is a `web_sys::Request` built here and carried as a `gloo_net::http::Request`:
/// gloo-net's `RequestBuilder` rebuilds a URL that already has a query (it appends `&`), and
/// signed publisher URLs must reach the server byte for byte. It is sent by [`fetch`], not by
/// gloo-net's `Request::send`, which panics when `fetch` resolves to anything but a `Response`
/// of this page's realm (a host page may replace `fetch`, e.g. with a clean iframe's), and a
/// panic stops every widget on the page.
async fn send(
    url: &SafeUrl,
    credentials: Credentials,
    signal: Option<web_sys::AbortSignal>,
) -> Result<Response, LoadError> {
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
    let request = Request::from(
        web_sys::Request::new_with_str_and_init(url.as_str(), &init)
            .map_err(|_| LoadError::Network)?,
    );
    request.headers().set("Accept", "application/json");
    fetch(request).await
}

/// `fetch`, settled into a [`Response`] with a success status, or the error.
async fn fetch(request: Request) -> Result<Response, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let raw: web_sys::Request = request.into();
    checked(JsFuture::from(window.fetch_with_request(&raw)).await)
}

/// The response of a settled `fetch`, if it is one with a success status.
fn checked(settled: Result<JsValue, JsValue>) -> Result<Response, LoadError> {
    let response = settled
        .ok()
        .and_then(|r| r.dyn_into::<web_sys::Response>().ok())
        .map(Response::from)
        .ok_or(LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    Ok(response)
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

/// Resolves in a later task of the page's event loop (a `setTimeout(0)`), so that the page can
/// handle input and paint between two long pieces of the widget's work.
pub async fn next_task() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}
