//! `loading="lazy"`: one IntersectionObserver for the page tells each widget when it comes
//! within about a viewport of being visible; only then does it fetch.

use std::cell::OnceCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

thread_local! {
    static OBSERVER: OnceCell<Option<IntersectionObserver>> = const { OnceCell::new() };
}

fn observer(on_visible: fn(&Element)) -> Option<IntersectionObserver> {
    OBSERVER.with(|cell| {
        cell.get_or_init(|| {
            let callback = Closure::<dyn Fn(js_sys::Array, IntersectionObserver)>::new(
                move |entries: js_sys::Array, observer: IntersectionObserver| {
                    for entry in entries.iter() {
                        let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() else {
                            continue;
                        };
                        if entry.is_intersecting() {
                            let target = entry.target();
                            observer.unobserve(&target);
                            on_visible(&target);
                        }
                    }
                },
            );
            let init = IntersectionObserverInit::new();
            // One viewport of look-ahead, so the card is ready before it scrolls into view.
            init.set_root_margin("100% 0px");
            let observer =
                IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
                    .ok();
            // The observer lives as long as the page.
            callback.forget();
            observer
        })
        .clone()
    })
}

/// Calls `on_visible(element)` once the element nears the viewport. Returns false when the
/// browser has no IntersectionObserver, and the caller should load at once.
pub fn observe(element: &Element, on_visible: fn(&Element)) -> bool {
    match observer(on_visible) {
        Some(observer) => {
            observer.observe(element);
            true
        }
        None => false,
    }
}

pub fn unobserve(element: &Element) {
    OBSERVER.with(|cell| {
        if let Some(Some(observer)) = cell.get() {
            observer.unobserve(element);
        }
    });
}
