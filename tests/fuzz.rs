//! Property tests: whatever bytes a compromised endpoint sends, the model returns `Ok` or a
//! clean error, never a panic, in bounded time; and whatever it returns is safe by
//! construction (every URL http(s), markup only from the allowlist).
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::model::article::Block;
use article_widget::model::caps::MAX_ARTICLE_BYTES;
use article_widget::model::date::DateTime;
use article_widget::model::error::LoadError;
use article_widget::model::formats::parse_article;
use article_widget::model::formats::{parse_any, Format};
use article_widget::model::html::{sanitize, Allowlist, HtmlNode};
use article_widget::model::url::SafeUrl;
use proptest::prelude::*;
use serde_json::{json, Value};

fn base() -> SafeUrl {
    SafeUrl::parse_absolute("https://cdn.example/a/b.json").unwrap()
}

const SEED: &str = include_str!("../docs/demo/article.json");

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,40}".prop_map(Value::from),
        prop_oneof![
            Just("javascript:alert(1)"),
            Just("/rel"),
            Just("https://x.example/"),
            Just("2018-11-01T00:00:00Z")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::from),
            prop::collection::hash_map("[a-z_]{1,8}", inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn assert_safe(nodes: &[HtmlNode], depth: usize) {
    assert!(depth <= 40, "markup nested deeper than the cap");
    for node in nodes {
        match node {
            HtmlNode::Link(url, children) => {
                assert!(
                    url.as_str().starts_with("http://") || url.as_str().starts_with("https://")
                );
                assert_safe(children, depth + 1);
            }
            HtmlNode::Element(_, children) => assert_safe(children, depth + 1),
            HtmlNode::Image { src, .. } => assert!(src.as_str().starts_with("http")),
            HtmlNode::Text(_) | HtmlNode::LineBreak => {}
        }
    }
}

fn schema() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(include_str!("../docs/schema/article-v1.schema.json")).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The parser against the format's JSON Schema: whatever any field holds, a document the
    /// schema accepts reads into a card.
    #[test]
    fn what_the_schema_accepts_the_parser_reads(field in prop::sample::select(vec![
        "id", "url", "lang", "site", "breadcrumb", "label", "headline", "summary", "published", "modified",
        "authors", "image", "body", "body_html", "share", "live", "comments", "version",
    ]), value in any_json(), pretty in any::<bool>()) {
        let mut article: Value = serde_json::from_str(SEED).unwrap();
        article[field] = value;
        if schema().is_valid(&article) {
            let text = if pretty { serde_json::to_string_pretty(&article) } else { serde_json::to_string(&article) }.unwrap();
            let parsed = parse_article(&text, &base());
            prop_assert!(parsed.is_ok(), "{}: {:?}", article[field], parsed);
        }
    }

    #[test]
    fn any_bytes_parse_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_article(&String::from_utf8_lossy(&bytes), &base());
    }

    #[test]
    fn any_value_in_any_field_parses_or_names_the_problem(field in prop::sample::select(vec![
        "id", "url", "lang", "site", "breadcrumb", "label", "headline", "summary", "published", "modified",
        "authors", "image", "body", "body_html", "share", "live", "comments", "version",
    ]), value in any_json()) {
        let mut article: Value = serde_json::from_str(SEED).unwrap();
        article[field] = value;
        match parse_article(&article.to_string(), &base()) {
            Ok(parsed) => {
                let a = parsed.article;
                prop_assert!(a.url.as_str().starts_with("http"));
                for block in &a.body {
                    match block {
                        Block::Paragraph(nodes) | Block::Html(nodes) => assert_safe(nodes, 0),
                        Block::Related { url, .. } => prop_assert!(url.as_str().starts_with("http")),
                        Block::Image(image) => prop_assert!(image.url.as_str().starts_with("http")),
                        Block::Heading(_) | Block::Quote { .. } => {}
                    }
                }
            }
            Err(LoadError::Invalid(err)) => prop_assert!(err.field.starts_with(field), "{} for {}", err, field),
            Err(LoadError::UnsupportedVersion(_)) => prop_assert_eq!(field, "version"),
            Err(other) => prop_assert!(false, "unexpected error {:?}", other),
        }
    }

    #[test]
    fn any_markup_sanitizes_to_the_allowlist(html in ".{0,400}", tags in prop::collection::vec(prop_oneof![
        Just("<a href='javascript:x'>"), Just("<a href=/ok>"), Just("</a>"), Just("<script>"), Just("</script>"),
        Just("<svg><style>"), Just("<p>"), Just("</p>"), Just("<img src=x onerror=y>"), Just("<!--"), Just("-->"),
        Just("<em>"), Just("</em>"), Just("<li>"), Just("&#x6A;"), Just("<b"), Just("\u{0}"),
    ], 0..30)) {
        let input = format!("{}{html}", tags.concat());
        for allow in [Allowlist::Inline, Allowlist::Body] {
            let nodes = sanitize(&input, &base(), allow).nodes;
            assert_safe(&nodes, 0);
        }
    }

    #[test]
    fn any_reference_resolves_to_http_or_is_refused(reference in ".{0,80}") {
        if let Ok(url) = base().join(&reference) {
            prop_assert!(url.as_str().starts_with("http://") || url.as_str().starts_with("https://"));
        }
    }

    #[test]
    fn any_date_string_parses_or_not(s in ".{0,40}", digits in "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})") {
        let _ = DateTime::parse_rfc3339(&s);
        let _ = DateTime::parse_rfc3339(&digits);
    }
}

#[test]
fn huge_and_deep_inputs_are_refused_quickly() {
    let ten_megabytes = format!("{{\"headline\": \"{}\"}}", "x".repeat(10 << 20));
    assert_eq!(
        parse_article(&ten_megabytes, &base()),
        Err(LoadError::TooLarge {
            limit_bytes: MAX_ARTICLE_BYTES
        })
    );
    let blocks: Vec<Value> = (0..100_000)
        .map(|_| json!({"type": "paragraph", "text": "x"}))
        .collect();
    let mut many: Value = serde_json::from_str(SEED).unwrap();
    many["body"] = Value::from(blocks);
    assert!(matches!(
        parse_article(&many.to_string(), &base()),
        Err(LoadError::TooLarge { .. })
    ));
    // Just under the cap: 60 000 tiny blocks of an unknown type parse, in bounded time.
    let tiny: Vec<Value> = (0..60_000).map(|_| json!({"type": "z"})).collect();
    let mut under: Value = serde_json::from_str(SEED).unwrap();
    under["body"] = Value::from(tiny);
    let text = under.to_string();
    assert!(text.len() < MAX_ARTICLE_BYTES);
    let parsed = parse_article(&text, &base()).unwrap();
    assert!(parsed.article.body.is_empty());
    // Deep nesting: refused at the top; skipped without recursion in a field nobody reads;
    // refused past serde_json's depth limit where the types nest (schema.org nodes).
    let deep = format!("{}1{}", "[".repeat(50_000), "]".repeat(50_000));
    assert_eq!(parse_article(&deep, &base()), Err(LoadError::NotAnObject));
    let mut extra: Value = serde_json::from_str(SEED).unwrap();
    extra["extra"] = json!("DEEP");
    let extra = extra.to_string().replace("\"DEEP\"", &deep);
    assert!(parse_article(&extra, &base()).is_ok());
    let nodes = format!(
        "{{\"@type\": \"NewsArticle\", {}\"x\": 1{}}}",
        "\"image\": {".repeat(50_000),
        "}".repeat(50_000)
    );
    let refused = parse_any(&nodes, &base(), Some(Format::SchemaOrg));
    assert!(matches!(refused, Err(LoadError::NotJson(_))), "{refused:?}");
}

#[test]
fn the_panic_lints_stay_denied_for_src() {
    // clippy runs with these in the test command; this keeps anyone from quietly relaxing them.
    let manifest = include_str!("../Cargo.toml");
    let lints = manifest
        .split("[lints.clippy]")
        .nth(1)
        .expect("a [lints.clippy] table");
    for lint in [
        "unwrap_used",
        "expect_used",
        "panic",
        "indexing_slicing",
        "todo",
        "unimplemented",
    ] {
        assert!(
            lints.contains(&format!("{lint} = \"deny\"")),
            "{lint} is not denied"
        );
    }
    assert!(manifest.contains("panic = \"abort\""));
}
