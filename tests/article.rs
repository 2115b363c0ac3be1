//! Native tests of the article format, version 1: parsing, validation, and the errors that
//! name each field.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::model::article::{Block, MediaMode, Playable, Playback, HLS_MIME};
use article_widget::model::date::DateTime;
use article_widget::model::error::LoadError;
use article_widget::model::formats::parse_article;
use article_widget::model::html::HtmlNode;
use article_widget::model::url::SafeUrl;
use serde_json::{json, Value};

const SEED: &str = include_str!("../docs/demo/article.json");

fn source() -> SafeUrl {
    SafeUrl::parse_absolute("https://cdn.example/articles/seed.json").unwrap()
}

fn seed() -> Value {
    serde_json::from_str(SEED).unwrap()
}

fn parse(value: &Value) -> Result<article_widget::model::formats::Parsed, LoadError> {
    parse_article(&value.to_string(), &source())
}

fn field_error(value: &Value) -> String {
    match parse(value) {
        Err(LoadError::Invalid(err)) => err.to_string(),
        other => panic!("expected a field error, got {other:?}"),
    }
}

fn with(mut value: Value, pointer: &str, new: Value) -> Value {
    *value.pointer_mut(pointer).unwrap() = new;
    value
}

fn without(mut value: Value, field: &str) -> Value {
    value.as_object_mut().unwrap().remove(field);
    value
}

#[test]
fn seed_parses_to_the_seed_page() {
    let parsed = parse_article(SEED, &source()).unwrap();
    let a = parsed.article;
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(a.id, "cuba-diaz-canel-moscow-2018-11-01");
    assert_eq!(
        a.headline,
        "Russia: Cuba's Diaz-Canel Heads to Moscow to Strengthen Ties"
    );
    assert_eq!(
        a.url.as_str(),
        "https://news.example/news/Russia-Cubas-Diaz-Canel-Heads-to-Moscow-to-Strengthen-Ties"
    );
    assert_eq!(a.lang.as_deref(), Some("en"));
    assert_eq!(a.label.as_deref(), Some("Opinion"));
    let crumbs: Vec<&str> = a.breadcrumb.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(crumbs, ["News", "Latin America"]);
    assert_eq!(
        a.breadcrumb[1].url.as_ref().unwrap().as_str(),
        "https://news.example/news/latin-america"
    );
    assert!(a
        .summary
        .as_deref()
        .unwrap()
        .starts_with("Diaz-Canel is embarking"));
    assert_eq!(a.published.epoch_ms, 1_541_030_400_000);

    let image = a.image.unwrap();
    // Relative URLs resolve against the JSON's own URL.
    assert_eq!(
        image.url.as_str(),
        "https://cdn.example/articles/media/diaz-canel.jpg"
    );
    assert_eq!(image.alt, "Cuban President Miguel Diaz-Canel");
    assert_eq!(image.credit.as_deref(), Some("Photo: Reuters FILE"));
    assert_eq!((image.width, image.height), (Some(1200), Some(675)));

    assert_eq!(a.body.len(), 8);
    match &a.body[1] {
        Block::Related { title, url, label } => {
            assert_eq!(title, "Salvadoran President: End U.S. Blockade on Cuba");
            assert_eq!(
                url.as_str(),
                "https://news.example/news/Salvadoran-President-End-US-Blockade-on-Cuba"
            );
            assert_eq!(label, &None);
        }
        other => panic!("block 1 should be related, is {other:?}"),
    }
    let live = a.live.unwrap();
    assert_eq!(live.initial_mode(), MediaMode::Video);
    // Two sources each, in the publisher's order: WebM before MP4, Ogg before MP4 audio.
    let sources = |m: &[article_widget::model::article::Media]| {
        m.iter()
            .map(|s| s.src.as_str().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        sources(&live.video),
        [
            "https://cdn.example/articles/media/hls/live.m3u8",
            "https://cdn.example/articles/media/live.webm",
            "https://cdn.example/articles/media/live.mp4"
        ]
    );
    assert_eq!(
        sources(&live.audio),
        [
            "https://cdn.example/articles/media/hls/live-audio.m3u8",
            "https://cdn.example/articles/media/live-audio.ogg",
            "https://cdn.example/articles/media/live-audio.m4a"
        ]
    );
    assert_eq!(
        live.audio[2].mime.as_deref(),
        Some("audio/mp4; codecs=\"mp4a.40.2\"")
    );
    // The first source the browser can play is chosen; with none, the first. (Browsers
    // without HLS or Media Source Extensions here: HLS is tested below.)
    let playable = |can_play: fn(&str) -> bool| Playable {
        can_play,
        script_hls: false,
    };
    let chosen = |mode, p: &Playable<fn(&str) -> bool>| {
        let (media, playback) = live.source(mode, p).unwrap();
        assert_eq!(playback, Playback::Element);
        media.src.as_str().to_string()
    };
    let webkit_without_webm: fn(&str) -> bool = |mime| mime.starts_with("video/mp4");
    let everything_but_hls: fn(&str) -> bool = |mime| mime != HLS_MIME;
    assert_eq!(
        chosen(MediaMode::Video, &playable(webkit_without_webm)),
        "https://cdn.example/articles/media/live.mp4"
    );
    assert_eq!(
        chosen(MediaMode::Video, &playable(everything_but_hls)),
        "https://cdn.example/articles/media/live.webm"
    );
    assert_eq!(
        chosen(MediaMode::Audio, &playable(|_| false)),
        "https://cdn.example/articles/media/hls/live-audio.m3u8"
    );
    let comments = a.comments.unwrap();
    assert_eq!(comments.count, 0);
    assert!(comments.url.unwrap().as_str().ends_with("#comments"));
}

#[test]
fn every_required_field_missing_is_named() {
    for field in ["id", "url", "headline", "published"] {
        assert_eq!(
            field_error(&without(seed(), field)),
            format!("{field} is missing.")
        );
    }
    assert_eq!(
        field_error(&with(seed(), "/headline", json!("   "))),
        "headline is empty."
    );
    assert_eq!(
        field_error(&with(seed(), "/headline", Value::Null)),
        "headline is missing."
    );
}

#[test]
fn nested_required_fields_are_named_with_their_path() {
    let mut no_alt = seed();
    no_alt["image"].as_object_mut().unwrap().remove("alt");
    assert_eq!(field_error(&no_alt), "image.alt is missing.");
    assert_eq!(
        field_error(&with(seed(), "/body/3/text", json!(42))),
        "body[3].text must be a string."
    );
    assert_eq!(
        field_error(&with(seed(), "/breadcrumb/1", json!("Latin America"))),
        "breadcrumb[1] must be an object."
    );
    assert_eq!(
        field_error(&with(seed(), "/comments/count", json!(-1))),
        "comments.count must be a whole number, 0 or more."
    );
    assert_eq!(
        field_error(&with(seed(), "/comments/count", json!("3"))),
        "comments.count must be a number."
    );
    assert_eq!(
        field_error(&with(seed(), "/live/default", json!("radio"))),
        "live.default must be \"video\" or \"audio\"."
    );
}

#[test]
fn wrong_types_are_named() {
    let cases = [
        ("/headline", json!(7), "headline must be a string."),
        ("/id", json!(123), "id must be a string."),
        ("/label", json!(["Opinion"]), "label must be a string."),
        (
            "/breadcrumb",
            json!({"name": "News"}),
            "breadcrumb must be an array.",
        ),
        ("/image", json!("photo.jpg"), "image must be an object."),
        ("/body", json!("text"), "body must be an array."),
        (
            "/image/width",
            json!("1200"),
            "image.width must be a number.",
        ),
        (
            "/version",
            json!("1"),
            "version must be a positive integer.",
        ),
    ];
    for (pointer, value, message) in cases {
        assert_eq!(
            field_error(&with(seed(), pointer, value)),
            message,
            "{pointer}"
        );
    }
}

#[test]
fn bad_dates_are_named() {
    for bad in [
        "1 November 2018",
        "2018-11-01",
        "2018-13-01T00:00:00Z",
        "2018-02-30T00:00:00Z",
        "2018-11-01T25:00:00Z",
        "2018-11-01T00:00:00",
    ] {
        let message = field_error(&with(seed(), "/published", json!(bad)));
        assert!(
            message.starts_with("published is not an RFC 3339 date-time"),
            "{bad}: {message}"
        );
    }
    let mut value = seed();
    value["modified"] = json!("yesterday");
    let message = field_error(&value);
    assert!(message.starts_with("modified is not"), "{message}");
}

#[test]
fn dates_keep_the_publishers_offset() {
    let d = DateTime::parse_rfc3339("2018-11-01T23:30:00-05:00").unwrap();
    assert_eq!(d.epoch_ms, 1_541_133_000_000);
    // Shown as the publisher's own calendar day, 1 November, not the UTC day.
    assert_eq!(d.wall_clock_ms(), 1_541_115_000_000);
    let frac = DateTime::parse_rfc3339("2000-02-29t12:00:00.25z").unwrap();
    assert_eq!(frac.epoch_ms % 1000, 250);
    assert!(DateTime::parse_rfc3339("1900-02-29T00:00:00Z").is_none());
}

#[test]
fn versions() {
    assert!(parse(&with(seed(), "/version", json!(1))).is_ok());
    assert!(parse(&without(seed(), "version")).is_ok());
    assert_eq!(
        parse(&with(seed(), "/version", json!(2))).unwrap_err(),
        LoadError::UnsupportedVersion(2)
    );
    assert_eq!(
        parse(&with(seed(), "/version", json!(2)))
            .unwrap_err()
            .to_string(),
        "Unsupported version 2: this widget reads version 1 of the article format."
    );
}

#[test]
fn not_json_and_not_an_object() {
    assert!(matches!(
        parse_article("<!doctype html><p>Hi", &source()),
        Err(LoadError::NotJson(_))
    ));
    assert!(matches!(
        parse_article("", &source()),
        Err(LoadError::NotJson(_))
    ));
    assert_eq!(
        parse_article("[1,2]", &source()),
        Err(LoadError::NotAnObject)
    );
    // Deep nesting ends in a clean error, not a stack overflow.
    let deep = "[".repeat(100_000);
    assert!(matches!(
        parse_article(&deep, &source()),
        Err(LoadError::NotJson(_))
    ));
    let deep = format!("{}1", "{\"a\": ".repeat(100_000));
    assert!(matches!(
        parse_article(&deep, &source()),
        Err(LoadError::NotJson(_))
    ));
}

#[test]
fn unknown_fields_and_block_types_are_ignored() {
    let mut value = seed();
    value["sponsor"] = json!({"name": "Acme"});
    value["body"]
        .as_array_mut()
        .unwrap()
        .push(json!({"type": "poll", "question": "?"}));
    let parsed = parse(&value).unwrap();
    assert_eq!(parsed.article.body.len(), 8);
    assert_eq!(
        parsed.warnings,
        ["body[8]: unknown block type \"poll\" skipped"]
    );
}

#[test]
fn hostile_urls_never_reach_the_article() {
    // A required URL with a bad scheme is an error naming the field.
    assert_eq!(
        field_error(&with(seed(), "/url", json!("javascript:alert(1)"))),
        "url uses the javascript: scheme (only http and https are allowed)."
    );
    // Optional ones are dropped with a warning.
    let value = with(seed(), "/breadcrumb/0/url", json!(" JaVa\tScRiPt:alert(1)"));
    let value = with(
        value,
        "/image/url",
        json!("data:image/svg+xml,<svg onload=alert(1)>"),
    );
    let value = with(value, "/body/1/url", json!("vbscript:msgbox(1)"));
    let parsed = parse(&value).unwrap();
    assert_eq!(parsed.article.breadcrumb[0].url, None);
    assert_eq!(parsed.article.breadcrumb[0].name, "News");
    assert_eq!(parsed.article.image, None);
    assert_eq!(
        parsed.article.body.len(),
        7,
        "the related block with a bad URL is skipped"
    );
    assert_eq!(parsed.warnings.len(), 3, "{:?}", parsed.warnings);
}

#[test]
fn paragraph_html_and_body_html_reach_the_article() {
    let value = with(
        seed(),
        "/body/0",
        json!({"type": "paragraph", "html": "A <em>b</em><script>alert(1)</script>"}),
    );
    match &parse(&value).unwrap().article.body[0] {
        Block::Paragraph(nodes) => assert_eq!(HtmlNode::text_content(nodes), "A b"),
        other => panic!("{other:?}"),
    }
    let mut html_only = without(seed(), "body");
    html_only["body_html"] = json!("<p>Hello</p>");
    assert!(matches!(
        &parse(&html_only).unwrap().article.body[..],
        [Block::Html(_)]
    ));
    // body wins over body_html.
    let mut both = seed();
    both["body_html"] = json!("<p>ignored</p>");
    assert_eq!(parse(&both).unwrap().article.body.len(), 8);
}

#[test]
fn text_that_is_not_json_says_where_it_breaks() {
    let error = |text: &str| parse_article(text, &source()).unwrap_err().to_string();
    assert_eq!(
        error("{\"version\": 1,}"),
        "The response is not JSON (it breaks at line 1, column 15)."
    );
    assert_eq!(
        error("{\n  \"id\": \"a\"\n  \"url\": \"b\"\n}"),
        "The response is not JSON (it breaks at line 3, column 3)."
    );
    assert_eq!(
        error("{} {}"),
        "The response is not JSON (it breaks at line 1, column 4)."
    );
    assert_eq!(
        error("{\"id\": \"a\", \"body\": ["),
        "The response is not JSON (it ends too early, at line 1, column 21)."
    );
    // A field named twice is ambiguous: JSON.parse would keep the last, a CMS meant one.
    // serde_json names the field only in its message; this pins that wording for the
    // serde_json in Cargo.lock (`wire::read` reads the name from it).
    assert_eq!(
        error(r#"{"id": "a", "headline": "x", "headline": "y"}"#),
        "headline appears twice."
    );
    // Escapes and surrogate pairs read as the characters they stand for.
    let mut article: serde_json::Value = serde_json::from_str(SEED).unwrap();
    article["headline"] = json!("PLACEHOLDER");
    let text = article
        .to_string()
        .replace("PLACEHOLDER", r#"a\"\\\/\u00e9\ud83d\ude00"#);
    let parsed = parse_article(&text, &source()).unwrap();
    assert_eq!(parsed.article.headline, "a\"\\/\u{e9}\u{1f600}");
}

#[test]
fn a_stream_is_one_source_or_a_list_and_each_bad_source_is_named() {
    let mut value = seed();
    value["live"]["video"] = json!([
        { "src": "javascript:alert(1)", "type": "video/webm" },
        { "src": "media/live.mp4", "type": "video/mp4" }
    ]);
    value["live"]["audio"] = json!({ "src": "media/live-audio.ogg" });
    let parsed = parse(&value).unwrap();
    let live = parsed.article.live.unwrap();
    assert_eq!(live.video.len(), 1);
    assert_eq!(
        live.video[0].src.as_str(),
        "https://cdn.example/articles/media/live.mp4"
    );
    assert_eq!(live.audio.len(), 1);
    assert_eq!(live.audio[0].mime, None);
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.starts_with("live.video[0].src")),
        "{:?}",
        parsed.warnings
    );
    value["live"]["video"] = json!("media/live.webm");
    assert!(
        field_error(&value).contains("live.video"),
        "{}",
        field_error(&value)
    );
    value["live"]["video"] = json!([{ "type": "video/webm" }]);
    assert!(
        field_error(&value).contains("live.video[0].src"),
        "{}",
        field_error(&value)
    );
    // A list of thousands is a mistake or an attack: the first few are tried, with a warning.
    value["live"]["video"] = json!((0..5000)
        .map(|i| json!({ "src": format!("media/{i}.mp4") }))
        .collect::<Vec<_>>());
    let parsed = parse(&value).unwrap();
    assert_eq!(parsed.article.live.unwrap().video.len(), 8);
    assert!(parsed
        .warnings
        .contains(&"live.video has 5000 sources; the first 8 are used".to_string()));
}
