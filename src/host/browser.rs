//! The browser services views use ([`Browser`]), done with the page's real APIs. The only place
//! besides the rest of `host` that touches `window`.

use crate::model::i18n::Intl;
use crate::model::share::popup_features;
use crate::services::{Browser, Later, ScriptStream};
use js_sys::{Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlMediaElement, Storage, Window};

pub struct PageBrowser {
    /// Pauses every other widget's player: the registry's, which knows the page's widgets
    /// (given here rather than imported, so that the registry, which builds this, is not
    /// imported back).
    pub pause_others: fn(&HtmlMediaElement),
}

thread_local! {
    /// The loader's `takeCopy(text)`: the clipboard write it started for `text` in the
    /// reader's click on a card that was not live yet (a browser lets a page write to the
    /// clipboard only during a click), once, else `undefined`.
    static EARLY_COPIES: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// The loader's `takeCopy(text)`, from `host::connect`.
pub fn set_early_copies(take: Function) {
    EARLY_COPIES.with(|t| *t.borrow_mut() = Some(take));
}

/// The clipboard write the loader already made of `text`, if it did.
fn early_copy(text: &str) -> Option<Promise> {
    let take = EARLY_COPIES.with(|t| t.borrow().clone())?;
    let written = take.call1(&JsValue::UNDEFINED, &text.into()).ok()?;
    (!written.is_undefined()).then(|| Promise::resolve(&written))
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// `navigator[name]` if it is a function, with the navigator to call it on.
fn navigator_function(window: &Window, name: &str) -> Option<(JsValue, Function)> {
    let navigator: JsValue = window.navigator().into();
    let f = Reflect::get(&navigator, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    Some((navigator, f))
}

impl Browser for PageBrowser {
    fn load(&self, key: &str) -> Option<String> {
        storage()?.get_item(key).ok().flatten()
    }

    fn save(&self, key: &str, value: &str) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(key, value);
        }
    }

    fn can_share(&self) -> bool {
        web_sys::window().is_some_and(|w| navigator_function(&w, "share").is_some())
    }

    fn share(&self, title: &str, url: &str) {
        let Some((navigator, share)) =
            web_sys::window().and_then(|w| navigator_function(&w, "share"))
        else {
            return;
        };
        let data = Object::new();
        let _ = Reflect::set(&data, &"title".into(), &title.into());
        let _ = Reflect::set(&data, &"url".into(), &url.into());
        // A dismissed sheet rejects: the reader's choice, not an error (awaited, so it is not
        // reported as an unhandled rejection either).
        if let Ok(settled) = share.call1(&navigator, &data) {
            let settled = Promise::resolve(&settled);
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(settled).await;
            });
        }
    }

    fn copy(&self, text: &str) -> Later<bool> {
        if let Some(written) = early_copy(text) {
            return Box::pin(async move { JsFuture::from(written).await.is_ok() });
        }
        let clipboard = web_sys::window()
            .and_then(|w| Reflect::get(&w.navigator(), &"clipboard".into()).ok())
            .filter(|c| !c.is_undefined());
        let write = clipboard.as_ref().and_then(|c| {
            let f = Reflect::get(c, &"writeText".into())
                .ok()?
                .dyn_into::<Function>()
                .ok()?;
            // `Promise.resolve` adopts any thenable: a promise from another realm (a polyfill
            // from an iframe, or Firefox's WebDriver sandbox) fails an `instanceof Promise`
            // check.
            f.call1(c, &text.into())
                .ok()
                .map(|result| Promise::resolve(&result))
        });
        Box::pin(async move {
            match write {
                Some(promise) => JsFuture::from(promise).await.is_ok(),
                None => false,
            }
        })
    }

    fn open_popup(&self, url: &str) -> bool {
        let Some(window) = web_sys::window() else {
            return false;
        };
        let coarse = window
            .match_media("(pointer: coarse)")
            .ok()
            .flatten()
            .is_some_and(|query| query.matches());
        if coarse {
            return false;
        }
        let number =
            |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as i32;
        let features = popup_features(
            number(window.screen_x()),
            number(window.screen_y()),
            number(window.outer_width()),
            number(window.outer_height()),
        );
        // With `noopener` the result is always null, so success cannot be told from a blocked
        // popup; a click is a user gesture, which popup blockers allow.
        window
            .open_with_url_and_target_and_features(url, "_blank", &features)
            .is_ok()
    }

    fn open_tab(&self, url: &str) {
        if let Some(window) = web_sys::window() {
            let _ = window.open_with_url_and_target_and_features(url, "_blank", "noopener");
        }
    }

    fn can_play(&self, mime: &str) -> bool {
        // Asked of a media element that is never inserted.
        let probe = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("video").ok())
            .and_then(|e| e.dyn_into::<HtmlMediaElement>().ok());
        probe.is_some_and(|p| !p.can_play_type(mime).is_empty())
    }

    fn script_hls(&self) -> bool {
        super::hls::available()
    }

    fn attach_hls(
        &self,
        media: HtmlMediaElement,
        src: &str,
        on_failure: Rc<dyn Fn()>,
    ) -> Later<Option<ScriptStream>> {
        Box::pin(super::hls::attach(media, src.to_string(), on_failure))
    }
    fn pause_other_players(&self, playing: &HtmlMediaElement) {
        (self.pause_others)(playing);
    }
    fn intl(&self) -> Option<&'static dyn Intl> {
        Some(&super::intl::BROWSER_INTL)
    }
}
