//! The article widget: an embeddable news card for third-party pages.
//!
//! Data flows one way: element attributes -> [`model::config`] -> [`api`] fetch ->
//! [`model::article`] -> [`view`] -> DOM, with [`host`] the only code that knows about the host
//! page.

// The pre-renderer prints the card's whole view type, nested deeper than the default limit.
#![recursion_limit = "256"]

pub mod api;
pub mod host;
pub mod media;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
pub mod services;
pub mod view;

use wasm_bindgen::prelude::*;

/// Runs once when the bundle loads: installs the panic hook. `js/embed.js` then defines the
/// element and mounts what is on the page.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        // A panic ends this wasm instance (panic = "abort"), so this runs once: say what
        // happened, and leave every widget showing an error and its fallback, not frozen.
        web_sys::console::error_1(&format!("article-widget: internal error: {info}").into());
        host::show_crash_everywhere();
    }));
}
