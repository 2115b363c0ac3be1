//! Native tests of comment counts: the batched requests and their answers.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::model::error::LoadError;

#[test]
fn comment_count_requests_batch_fifty_ids_each() {
    use article_widget::model::comments::{backoff_ms, count_urls, parse_counts};
    let ids: Vec<String> = (0..120)
        .map(|i| format!("a/{i}"))
        .chain(["a/0".to_string()])
        .collect();
    let urls = count_urls("https://api.example/counts?ids={ids}", &ids);
    assert_eq!(urls.len(), 3, "120 distinct ids, 50 a request");
    assert!(urls[0].starts_with("https://api.example/counts?ids=a%2F0%2Ca%2F1%2C"));
    assert_eq!(urls[2].matches("%2C").count(), 19);
    assert_eq!(
        count_urls("https://api.example/%7Bids%7D.json", &["x y".into()]),
        ["https://api.example/x%20y.json"]
    );
    let counts = parse_counts(r#"{"counts": {"a": 3, "b": "x", "c": 0}}"#).unwrap();
    assert_eq!(
        (counts.get("a"), counts.get("b"), counts.get("c")),
        (Some(&3), None, Some(&0))
    );
    for not_counts in [
        "[]",
        "2.5",
        r#"{"counts": "x"}"#,
        r#"{"counts": [1]}"#,
        r#"{"counts": null}"#,
    ] {
        assert_eq!(
            parse_counts(not_counts),
            Err(LoadError::NotAnObject),
            "{not_counts}"
        );
    }
    assert_eq!(
        (backoff_ms(1), backoff_ms(2), backoff_ms(3), backoff_ms(30)),
        (5_000, 10_000, 20_000, 300_000)
    );
}

#[test]
fn an_articles_own_count_url_answers_one_count() {
    use article_widget::model::comments::parse_count;
    assert_eq!(parse_count(r#"{"count": 12}"#), Ok(12));
    assert_eq!(parse_count(r#"{"count": -1}"#), Err(LoadError::NotAnObject));
    assert_eq!(
        parse_count(r#"{"count": 1.5}"#),
        Err(LoadError::NotAnObject)
    );
    assert_eq!(parse_count("[12]"), Err(LoadError::NotAnObject));
    assert!(matches!(
        parse_count(r#"{"count": 12,}"#),
        Err(LoadError::NotJson(_))
    ));
}
