//! The host page stays responsive whatever the article: each worst-case body (just under the
//! 1 MiB cap, `xtask/src/corpus.rs`) renders or is cut while the page's own timer keeps firing.
//!
//! A binary of its own, so that no other test's browser shares the machine while the page's
//! longest gap is measured. `#[ignore]`d in a plain `cargo test`; `cargo xtask test` runs it.
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

/// Issue "hostile content must never freeze the host page": each worst-case body (just under
/// the 1 MiB cap) renders or is cut, and the host page is never frozen.
///
/// "Frozen" is a second without the page's own 5 ms timer firing: the bug this guards against
/// blocked pages for 25 to over 60 s. How long the page is blocked (tens of milliseconds) is a
/// speed figure, and speed is measured by `cargo xtask bench` (its "longest block" column), not
/// asserted here: on a shared 2-core machine a 100 ms limit failed on noise.
#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn worst_case_bodies_never_block_the_host_page() {
    let widget = origins().widget.origin.clone();
    let b = Browser::open("/pages/worst-case.html");
    // The first widget pays for compiling the wasm, which is not the body's doing.
    let seed = format!("{widget}/demo/article.json");
    xtask::bench::time_article(&b.session, "warm", &seed).unwrap();
    let must_cut = [
        "h1",
        "p-x",
        "many-links",
        "many-images",
        "many-blocks",
        "long-word",
    ];
    let mut report = Vec::new();
    for name in xtask::corpus::names() {
        let src = format!("{widget}/__test/worst/{name}.json");
        let result = xtask::bench::time_article(&b.session, name, &src)
            .unwrap_or_else(|e| panic!("{name}: never rendered: {e}"));
        let longest = result["longest_gap_ms"].as_f64().unwrap();
        report.push(format!("{name}: {result}"));
        assert_eq!(result["outcome"], "article-widget:load", "{name}");
        assert!(
            result["cut"] == true || !must_cut.contains(&name),
            "{name} was not cut"
        );
        assert!(
            longest < 1000.0 || std::env::var_os("WORST_CASE_REPORT").is_some(),
            "{name}: the host page froze for {longest:.0} ms"
        );
    }
    println!("{}", report.join("\n"));
    // A body cut at a cap says so, and links to the article's page on the publisher's site.
    b.js(&format!(
        "window.__addTimed('cut', '{widget}/__test/worst/p-x.json');"
    ));
    b.wait_state("cut", "loaded");
    assert_eq!(
        b.text("cut", "[part=continue] a"),
        "Continue reading on Example News"
    );
    assert_eq!(
        b.attr("cut", "[part=continue] a", "href").as_deref(),
        Some("https://news.example/worst-case")
    );
    b.wait_value("qa('cut', '[part=body] p').length > 1000", json!(true));
}
