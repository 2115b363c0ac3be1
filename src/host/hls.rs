//! hls.js, for HLS streams in browsers without HLS of their own (Firefox, WebKitGTK, Chromium
//! builds without it). The loader (`js/embed.js`) knows where the bundle's copy of hls.js is and
//! gives a function that imports it; it runs the first time a reader presses Play on such a
//! stream, once per page, and never for any other stream. hls.js is a module, not a global:
//! nothing is added to the host page's `window`.

use crate::services::ScriptStream;
use js_sys::{Array, Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlMediaElement;

#[wasm_bindgen]
extern "C" {
    /// An hls.js player (its API, 1.x: `loadSource`, `attachMedia`, `on`, `destroy`).
    type Hls;

    #[wasm_bindgen(method, catch, js_name = loadSource)]
    fn load_source(this: &Hls, src: &str) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch, js_name = attachMedia)]
    fn attach_media(this: &Hls, media: &HtmlMediaElement) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    fn on(this: &Hls, event: &str, listener: &Function) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    fn destroy(this: &Hls) -> Result<(), JsValue>;
}

thread_local! {
    /// The loader's `loadHls()`: a promise of the hls.js class, the same one every time.
    static LOAD: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// The loader's `loadHls()`, from `host::connect`.
pub fn set_loader(load: Function) {
    LOAD.with(|l| *l.borrow_mut() = Some(load));
}

/// Whether hls.js could play here: the loader offers it, and the browser has Media Source
/// Extensions (or Safari's Managed Media Source).
pub fn available() -> bool {
    let offered = LOAD.with(|l| l.borrow().is_some());
    let Some(window) = web_sys::window() else {
        return false;
    };
    let has = |name: &str| Reflect::has(&window, &name.into()).unwrap_or(false);
    offered && (has("MediaSource") || has("ManagedMediaSource"))
}

/// hls.js's settings for the widget:
/// - `enableWorker: false`: its worker would come from a `blob:` URL, which a strict CSP
///   (`worker-src`) refuses; the widget's streams are small enough to demux on the page.
/// - `liveDurationInfinity`: a live stream's duration is `Infinity`, as with native HLS, so
///   the element's own controls show it as live and the widget reads one kind of live stream.
/// - `preferManagedMediaSource: false`: plain MSE where it exists; Safari's Managed Media
///   Source wants remote playback turned off, and Safari plays HLS natively anyway.
fn config() -> Object {
    let config = Object::new();
    for (key, value) in [
        ("enableWorker", false),
        ("liveDurationInfinity", true),
        ("preferManagedMediaSource", false),
    ] {
        let _ = Reflect::set(&config, &key.into(), &value.into());
    }
    config
}

async fn class() -> Option<Function> {
    let load = LOAD.with(|l| l.borrow().clone())?;
    let promise = load
        .call0(&JsValue::NULL)
        .ok()?
        .dyn_into::<Promise>()
        .ok()?;
    JsFuture::from(promise)
        .await
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// Plays `src` in `media` through hls.js; see [`crate::services::Browser::attach_hls`].
pub async fn attach(
    media: HtmlMediaElement,
    src: String,
    on_failure: Rc<dyn Fn()>,
) -> Option<ScriptStream> {
    let class = class().await?;
    let hls: Hls = Reflect::construct(&class, &Array::of1(&config()))
        .ok()?
        .unchecked_into();
    // hls.js retries what can be retried itself; a fatal error is a stream that is not there
    // (the playlist answers 404, or has no segments) or cannot be decoded.
    let on_error = Closure::<dyn Fn(JsValue, JsValue)>::new(move |_event, data: JsValue| {
        let fatal = Reflect::get(&data, &"fatal".into())
            .ok()
            .and_then(|f| f.as_bool())
            .unwrap_or(false);
        if fatal {
            on_failure();
        }
    });
    hls.on("hlsError", on_error.as_ref().unchecked_ref()).ok()?;
    hls.attach_media(&media).ok()?;
    hls.load_source(&src).ok()?;
    Some(ScriptStream::new(move || {
        let _ = hls.destroy();
        // The listener lives as long as the player it listens to.
        drop(on_error);
    }))
}
