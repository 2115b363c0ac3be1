//! `SafeUrl` against the WHATWG URL parser (the `url` crate, which implements what browsers
//! do). The loader keys its early requests with the browser's `URL`, and the wasm asks for them
//! with `SafeUrl`'s string, which the loader parses again: the two meet only if a `SafeUrl`
//! parses to exactly the URL the browser makes of the publisher's string. Checked here for the
//! tricky inputs (backslashes, dot segments, IDN hosts, percent-encoding, signed query
//! strings) and for random ones.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::model::url::SafeUrl;
use proptest::prelude::*;

const BASE: &str = "https://cdn.example/articles/a/feed.json?v=1";

/// `None` where `SafeUrl` refuses (the widget then shows an error and fetches nothing);
/// otherwise whether the browser's reading of the `SafeUrl` is the browser's reading of the
/// publisher's string.
fn agrees(reference: &str) -> Option<(String, String)> {
    let ours = SafeUrl::parse_absolute(BASE)
        .unwrap()
        .join(reference)
        .ok()?;
    let browser_reads_ours = url::Url::parse(ours.as_str()).ok()?;
    let browser = url::Url::parse(BASE).unwrap().join(reference).ok()?;
    Some((browser_reads_ours.to_string(), browser.to_string()))
}

#[test]
fn tricky_references_key_the_same_request() {
    for reference in [
        "feed.json",
        "../b/feed.json",
        "./././feed.json",
        "/a/./b/../c.json",
        "a/%2e%2e/b.json",
        "a/%2E/b.json",
        "..\\b\\feed.json",
        "\\\\cdn.example\\x.json",
        "https:\\\\cdn.example\\x.json",
        "feed.json?path=a\\b",
        "feed.json?sig=a%2Fb%3D&exp=1700000000&x=%7E",
        "feed.json?sig=abc+def&empty=&=&&",
        "feed.json#frag\\ment",
        "https://CDN.Example:443/Feed.json",
        "http://cdn.example:80/feed.json",
        "https://bücher.example/feed.json",
        "https://xn--bcher-kva.example/feed.json",
        "https://cdn.example/a b.json",
        "https://cdn.example/é.json?q=é",
        "https://user:pass@cdn.example/x.json",
        "//other.example/x.json?y",
        "?only=query",
        "#only-fragment",
        "%\\\\.#",
        "a//.",
        "a//..",
        "/.",
        "./",
        "..",
        " \t https://cdn.example/\nx.json ",
        "https://cdn.example",
        "https://cdn.example?x",
    ] {
        if let Some((ours, browser)) = agrees(reference) {
            assert_eq!(ours, browser, "{reference:?}");
        }
    }
}

#[test]
fn signed_and_backslashed_queries_are_kept_byte_for_byte() {
    let base = SafeUrl::parse_absolute(BASE).unwrap();
    let signed =
        "https://api.example/a.json?X-Amz-Signature=ab%2Fcd&X-Amz-Date=20261130T000000Z&path=a\\b";
    assert_eq!(base.join(signed).unwrap().as_str(), signed);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10000, ..ProptestConfig::default() })]
    #[test]
    fn random_references_key_the_same_request(reference in "[a-zA-Zé0-9/\\\\.%?#:@ _=&+-]{0,24}") {
        if let Some((ours, browser)) = agrees(&reference) {
            prop_assert_eq!(ours, browser, "{:?}", reference);
        }
    }
}

/// Not vacuous: most tricky references are accepted and compared, not refused.
#[test]
fn most_tricky_references_are_compared() {
    let compared = [
        "../b/feed.json",
        "..\\b\\feed.json",
        "feed.json?path=a\\b",
        "https://CDN.Example:443/Feed.json",
        "https://bücher.example/feed.json",
        "https://cdn.example/é.json?q=é",
        "a/%2e%2e/b.json",
    ]
    .iter()
    .filter(|r| agrees(r).is_some())
    .count();
    assert_eq!(compared, 7);
}
