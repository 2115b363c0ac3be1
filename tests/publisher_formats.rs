//! Publishers' existing formats end to end: a WordPress post (with its comment count from
//! `X-WP-Total`), a WordPress array response, a JSON Feed item chosen by fragment, and a
//! schema.org NewsArticle in an `@graph`, each rendered as the same card.
//!
//! `#[ignore]`d in a plain `cargo test`; `cargo xtask test` runs them with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use serde_json::json;
use support::{origins, Browser};

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn each_format_renders_as_a_card() {
    let b = Browser::open("/pages/formats.html");
    for id in ["wordpress", "wordpress-array", "jsonfeed", "schema"] {
        b.wait_state(id, "loaded");
    }
    let widget = &origins().widget.origin;

    // WordPress, with its comment count read from X-WP-Total.
    assert_eq!(
        b.text("wordpress", "[part=headline]"),
        "Cuba’s Diaz-Canel heads to Moscow & Beijing"
    );
    assert_eq!(b.text("wordpress", "[part=label]"), "Opinion");
    assert_eq!(b.text("wordpress", "[part=breadcrumb] a"), "Latin America");
    assert_eq!(
        b.text("wordpress", "[part=caption]"),
        "Diaz-Canel in Havana — file photo"
    );
    assert_eq!(
        b.attr("wordpress", "[part=image]", "src"),
        Some(format!("{widget}/demo/media/diaz-canel.jpg"))
    );
    assert_eq!(b.text("wordpress", "[part=body] h3"), "The agenda");
    assert_eq!(b.text("wordpress", "[part=comments] a"), "17 Comments");
    assert_eq!(
        b.attr("wordpress", "[part=comments] a", "href").as_deref(),
        Some("https://blog.example/2018/11/01/cuba-diaz-canel-moscow/#comments")
    );
    assert_eq!(
        origins()
            .widget
            .count("/__test/wp-comments?post=123&per_page=1"),
        1
    );

    assert_eq!(
        b.text("wordpress-array", "[part=headline]"),
        "A post found by slug"
    );
    assert_eq!(
        b.text("jsonfeed", "[part=headline]"),
        "Cuba's Diaz-Canel Heads to Moscow"
    );
    assert_eq!(b.attr("jsonfeed", ".aw", "lang").as_deref(), Some("en-GB"));
    assert_eq!(
        b.text("schema", "[part=headline]"),
        "Rusia: Díaz-Canel viaja a Moscú"
    );
    assert_eq!(
        b.text("schema", "[part=date]"),
        "Publicado el 1 de noviembre de 2018"
    );
    assert_eq!(b.text("schema", "[part=comments]"), "4 comentarios");

    // Hostile HTML in a WordPress post ran nowhere.
    assert_eq!(
        b.js("return [window.__pwned === undefined, window.__csp];"),
        json!([true, []])
    );

    // A format that does not match says so, naming the format's own field.
    b.wait_state("wrong-format", "error");
    assert_eq!(
        b.text("wrong-format", ".aw-error-detail"),
        "items (JSON Feed) is missing."
    );
    assert!(b.fallback_visible("wrong-format"));
}
