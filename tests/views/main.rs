//! Browser tests of the views: each component mounted into a fresh element in headless
//! Chromium and Firefox, its DOM asserted, its controls clicked. One test binary, a module per
//! subject.
#![cfg(target_arch = "wasm32")]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod card;
mod locale;
mod player;
mod share;
mod states;
mod support;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
