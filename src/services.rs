//! What views and the media controller ask of the browser beyond their own elements: stored
//! choices, the clipboard, the share sheet, windows, which media types play, the HLS script
//! player, and the page's other players. The host layer gives the real implementation
//! (`host::browser`) through Leptos context, tests give fakes, and a widget mounted without
//! either gets [`Offline`], which stores nothing and opens nothing.

use crate::model::i18n::Intl;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use web_sys::HtmlMediaElement;

/// A future the browser settles later (the clipboard's answer).
pub type Later<T> = Pin<Box<dyn Future<Output = T>>>;

pub trait Browser {
    /// A value this widget stored earlier in this browser (localStorage), if any.
    fn load(&self, key: &str) -> Option<String>;
    /// Stores `value`; where storage is full or forbidden (private mode) it is not kept.
    fn save(&self, key: &str, value: &str);
    /// Whether the browser has a share sheet (`navigator.share`).
    fn can_share(&self) -> bool;
    /// Opens the share sheet; a dismissed sheet is the reader's choice, not an error.
    fn share(&self, title: &str, url: &str);
    /// Copies `text`; settles to whether it was copied.
    fn copy(&self, text: &str) -> Later<bool>;
    /// Opens `url` in a sized popup, as share buttons do on desktop. Returns false where
    /// popups are tabs anyway (touch devices), for the link to open its own new tab.
    fn open_popup(&self, url: &str) -> bool;
    /// Opens `url` in a new tab, without a way back into the host page.
    fn open_tab(&self, url: &str);
    /// Whether media of this MIME type may play (`canPlayType`).
    fn can_play(&self, mime: &str) -> bool;
    /// Whether hls.js could play HLS in this browser: the page's loader offers it and the
    /// browser has Media Source Extensions.
    fn script_hls(&self) -> bool;
    /// Plays the HLS playlist `src` in `media` through hls.js, which is fetched the first time
    /// (once per page). Settles to the running stream, or `None` when hls.js could not be had.
    /// `on_failure` hears of a stream that failed for good: offline, or no segments.
    fn attach_hls(
        &self,
        media: HtmlMediaElement,
        src: &str,
        on_failure: Rc<dyn Fn()>,
    ) -> Later<Option<ScriptStream>>;
    /// `playing` started: pauses every other widget's player on the page, so that a reader
    /// hears one stream at a time.
    fn pause_other_players(&self, playing: &HtmlMediaElement);
    /// The browser's `Intl`, for dates and numbers in languages the widget does not write
    /// itself.
    fn intl(&self) -> Option<&'static dyn Intl>;
}

/// A stream that a script (hls.js) plays into a media element; dropping it stops the script
/// and frees its buffers.
pub struct ScriptStream(Option<Box<dyn FnOnce()>>);

impl ScriptStream {
    /// A stream that `stop` ends.
    pub fn new(stop: impl FnOnce() + 'static) -> ScriptStream {
        ScriptStream(Some(Box::new(stop)))
    }
}

impl Drop for ScriptStream {
    fn drop(&mut self) {
        if let Some(stop) = self.0.take() {
            stop();
        }
    }
}

/// No browser at all: nothing stored, no share sheet, no clipboard, no windows, every type
/// assumed playable.
pub struct Offline;

impl Browser for Offline {
    fn load(&self, _key: &str) -> Option<String> {
        None
    }
    fn save(&self, _key: &str, _value: &str) {}
    fn can_share(&self) -> bool {
        false
    }
    fn share(&self, _title: &str, _url: &str) {}
    fn copy(&self, _text: &str) -> Later<bool> {
        Box::pin(async { false })
    }
    fn open_popup(&self, _url: &str) -> bool {
        false
    }
    fn open_tab(&self, _url: &str) {}
    fn can_play(&self, _mime: &str) -> bool {
        true
    }
    fn script_hls(&self) -> bool {
        false
    }
    fn attach_hls(
        &self,
        _media: HtmlMediaElement,
        _src: &str,
        _on_failure: Rc<dyn Fn()>,
    ) -> Later<Option<ScriptStream>> {
        Box::pin(async { None })
    }
    fn pause_other_players(&self, _playing: &HtmlMediaElement) {}
    fn intl(&self) -> Option<&'static dyn Intl> {
        None
    }
}

/// The [`Browser`] a widget uses, as a `Copy` handle that reactive closures can carry (the
/// implementation lives in the reactive arena, like [`crate::view::EventSink`]'s callback).
#[derive(Clone, Copy)]
pub struct Services(StoredValue<Rc<dyn Browser>, LocalStorage>);

impl Services {
    pub fn new(browser: impl Browser + 'static) -> Services {
        Services(StoredValue::new_local(Rc::new(browser)))
    }

    /// Gives `browser` to every view below the current owner.
    pub fn provide(browser: impl Browser + 'static) {
        provide_context(Services::new(browser));
    }

    /// The services of the nearest provider above, else [`Offline`].
    pub fn get() -> Services {
        use_context::<Services>().unwrap_or_else(|| Services::new(Offline))
    }

    /// Runs `f` with the browser; after the widget is gone, with [`Offline`].
    pub fn with<T>(&self, f: impl FnOnce(&dyn Browser) -> T) -> T {
        match self.0.try_get_value() {
            Some(browser) => f(browser.as_ref()),
            None => f(&Offline),
        }
    }
}
