//! Native tests of URL resolution and the scheme allowlist.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::model::url::{SafeUrl, UrlError};

fn source() -> SafeUrl {
    SafeUrl::parse_absolute("https://cdn.example/articles/seed.json").unwrap()
}

#[test]
fn url_resolution_follows_rfc_3986() {
    let base = SafeUrl::parse_absolute("http://a/b/c/d;p?q").unwrap();
    let cases = [
        ("g", "http://a/b/c/g"),
        ("./g", "http://a/b/c/g"),
        ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"),
        ("//g", "http://g/"),
        ("?y", "http://a/b/c/d;p?y"),
        ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"),
        ("g#s", "http://a/b/c/g#s"),
        ("", "http://a/b/c/d;p?q"),
        (".", "http://a/b/c/"),
        ("..", "http://a/b/"),
        ("../g", "http://a/b/g"),
        ("../..", "http://a/"),
        ("../../../g", "http://a/g"),
        ("/./g", "http://a/g"),
        ("g/../h", "http://a/b/c/h"),
        ("HTTPS://Other.example/x", "https://Other.example/x"),
    ];
    for (reference, expected) in cases {
        let got = if reference.is_empty() {
            Ok(base.clone())
        } else {
            base.join(reference)
        };
        assert_eq!(
            got.map(|u| u.as_str().to_string()),
            Ok(expected.to_string()),
            "{reference:?}"
        );
    }
}

#[test]
fn only_http_and_https_pass() {
    let base = source();
    for bad in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "\u{1}javascript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "file:///etc/passwd",
        "blob:https://x/y",
        "mailto:a@b",
    ] {
        assert!(
            matches!(base.join(bad), Err(UrlError::Scheme(_))),
            "{bad:?}"
        );
    }
    assert_eq!(base.join("https:///nohost"), Err(UrlError::NoHost));
    assert_eq!(base.join("  "), Err(UrlError::Empty));
    // Backslashes are slashes to a browser, so they are to us.
    assert_eq!(
        base.join("\\\\evil.example\\x").unwrap().as_str(),
        "https://evil.example/x"
    );
    assert!(SafeUrl::parse_absolute("/relative").is_err());
    assert_eq!(base.origin(), "https://cdn.example");
}
