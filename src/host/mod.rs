//! The only code that knows about the host page: which elements are widgets, their attributes,
//! the shadow root and its stylesheet, lazy loading, and the DOM events the widget dispatches.
//!
//! `js/embed.js` defines the `<article-widget>` element and watches the `data-article-widget`
//! form; both forward here through the functions exported below.

mod attributes;
mod browser;
mod dom_events;
mod hls;
pub mod intl;
mod lazy;
mod registry;
mod shadow;
mod takeover;

pub use shadow::WIDGET_CSS;
pub use takeover::{CONTAINER_CLASS, PRERENDERED};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The selector that finds widget elements of both forms.
pub const WIDGET_SELECTOR: &str = "article-widget, [data-article-widget]";

/// Mounts the widget on `element`; calling it again for a mounted element does nothing.
#[wasm_bindgen]
pub fn mount(element: HtmlElement) {
    registry::mount(element);
}

/// Removes the widget from `element`, frees it, and shows the publisher's fallback again.
#[wasm_bindgen]
pub fn unmount(element: HtmlElement) {
    registry::unmount(&element);
}

/// Re-reads a mounted element's attributes after one changed.
#[wasm_bindgen(js_name = attributeChanged)]
pub fn attribute_changed(element: HtmlElement) {
    registry::attributes_changed(&element);
}

/// Called by the loader before the first mount with what it does for the bundle, one object
/// of functions (not public API):
/// - `takeEarly(url, credentials, signal)` hands over the article requests it started while
///   the wasm downloaded;
/// - `takeTurn()` tells each widget when to build its card (a few a task);
/// - `takeCopy(text)` hands over a clipboard write it made in a reader's click on a card that
///   was not live yet;
/// - `loadHls()` imports the bundle's copy of hls.js, once per page.
///
/// One export for the four: each export costs the bundle its own glue.
#[wasm_bindgen]
pub fn connect(loader: JsValue) {
    let function = |name: &str| {
        js_sys::Reflect::get(&loader, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    };
    if let Some(take) = function("takeEarly") {
        crate::api::set_early_requests(take);
    }
    if let Some(take) = function("takeTurn") {
        crate::api::set_turns(take);
    }
    if let Some(take) = function("takeCopy") {
        browser::set_early_copies(take);
    }
    if let Some(load) = function("loadHls") {
        hls::set_loader(load);
    }
}

/// The widget's stylesheet as the pre-rendered snippet carries it (`crate::render`), for the
/// configurator's "Copy snippet (pre-rendered)".
#[wasm_bindgen]
pub fn stylesheet() -> String {
    WIDGET_CSS.to_string()
}

/// What a page can ask about the widget at run time, for leak checks, benchmarks and bug
/// reports: `{ mounted, wasmMemoryBytes, version }` (the release, Cargo.toml's version).
#[wasm_bindgen]
pub fn diagnostics() -> JsValue {
    let report = js_sys::Object::new();
    let memory = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            m.buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length()
        })
        .unwrap_or(0);
    let _ = js_sys::Reflect::set(
        &report,
        &"mounted".into(),
        &(registry::count() as u32).into(),
    );
    let _ = js_sys::Reflect::set(&report, &"wasmMemoryBytes".into(), &memory.into());
    let _ = js_sys::Reflect::set(
        &report,
        &"version".into(),
        &env!("CARGO_PKG_VERSION").into(),
    );
    report.into()
}

/// The language a crashed widget was speaking: its card's, else what its attribute and the
/// page say (the article's is not to be had any more).
fn crash_locale(element: &Element, root: &web_sys::ShadowRoot) -> crate::model::i18n::Locale {
    let card_lang = root
        .query_selector(".aw[lang]")
        .ok()
        .flatten()
        .and_then(|frame| frame.get_attribute("lang"));
    let attribute = element
        .get_attribute("lang")
        .or_else(|| element.get_attribute("data-lang"));
    let lang = crate::model::i18n::choose_language(
        card_lang.as_deref().or(attribute.as_deref()),
        None,
        attributes::page_lang(element).as_deref(),
    );
    crate::model::i18n::Locale::new(&lang)
}

/// Called by the panic hook: every widget on the page shows an error and its fallback instead
/// of freezing half-drawn. It finds the widgets through the document, not the registry, which
/// may be mid-update when a panic strikes.
pub fn show_crash_everywhere() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = document.query_selector_all(WIDGET_SELECTOR) else {
        return;
    };
    for i in 0..list.length() {
        let Some(element) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if let Some(root) = element.shadow_root() {
            shadow::show_crash(&root, &crash_locale(&element, &root));
        }
    }
}
