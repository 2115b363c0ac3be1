//! Native tests of the model layer: parsing, validation, URLs, sanitizing, share links, strings.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::model::article::{
    parse_article, Block, Media, MediaMode, Playable, Playback, HLS_MIME,
};
use article_widget::model::config::{Layout, Loading, Theme, WidgetConfig};
use article_widget::model::date::DateTime;
use article_widget::model::error::{FieldError, LoadError, Problem};
use article_widget::model::html::{sanitize, Allowlist, HtmlNode, Tag};
use article_widget::model::i18n::{strings_for, EN, ES};
use article_widget::model::share::{
    encode_component, parse_share_list, ShareNetwork, SharePage, DEFAULT_SHARE,
};
use article_widget::model::url::{SafeUrl, UrlError};
use serde_json::{json, Value};

const SEED: &str = include_str!("fixtures/demo/article.json");

fn source() -> SafeUrl {
    SafeUrl::parse_absolute("https://cdn.example/articles/seed.json").unwrap()
}

fn seed() -> Value {
    serde_json::from_str(SEED).unwrap()
}

fn parse(value: &Value) -> Result<article_widget::model::article::Parsed, LoadError> {
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
            format!("{field} is missing")
        );
    }
    assert_eq!(
        field_error(&with(seed(), "/headline", json!("   "))),
        "headline is empty"
    );
    assert_eq!(
        field_error(&with(seed(), "/headline", Value::Null)),
        "headline is missing"
    );
}

#[test]
fn nested_required_fields_are_named_with_their_path() {
    let mut no_alt = seed();
    no_alt["image"].as_object_mut().unwrap().remove("alt");
    assert_eq!(field_error(&no_alt), "image.alt is missing");
    assert_eq!(
        field_error(&with(seed(), "/body/3/text", json!(42))),
        "body[3].text must be a string"
    );
    assert_eq!(
        field_error(&with(seed(), "/breadcrumb/1", json!("Latin America"))),
        "breadcrumb[1] must be an object"
    );
    assert_eq!(
        field_error(&with(seed(), "/comments/count", json!(-1))),
        "comments.count must be a whole number, 0 or more"
    );
    assert_eq!(
        field_error(&with(seed(), "/comments/count", json!("3"))),
        "comments.count must be a number"
    );
    assert_eq!(
        field_error(&with(seed(), "/live/default", json!("radio"))),
        "live.default must be \"video\" or \"audio\""
    );
}

#[test]
fn wrong_types_are_named() {
    let cases = [
        ("/headline", json!(7), "headline must be a string"),
        ("/id", json!(123), "id must be a string"),
        ("/label", json!(["Opinion"]), "label must be a string"),
        (
            "/breadcrumb",
            json!({"name": "News"}),
            "breadcrumb must be an array",
        ),
        ("/image", json!("photo.jpg"), "image must be an object"),
        ("/body", json!("text"), "body must be an array"),
        (
            "/image/width",
            json!("1200"),
            "image.width must be a number",
        ),
        ("/version", json!("1"), "version must be a positive integer"),
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
        "unsupported version 2: this widget reads version 1 of the article format"
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
        "url uses the javascript: scheme (only http and https are allowed)"
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

#[test]
fn inline_html_keeps_only_the_inline_subset() {
    let sanitized = sanitize(
        r#"Hi <em>there</em> <a href="/x" onclick="alert(1)">link</a><script>alert(1)</script> <img src=x onerror=alert(1)><br>&amp; <b>bold</b> <span style="x">plain</span> <a href="javascript:alert(1)">js</a>"#,
        &source(),
        Allowlist::Inline,
    );
    let (nodes, dropped) = (sanitized.nodes, sanitized.dropped);
    assert_eq!(
        nodes,
        vec![
            HtmlNode::Text("Hi ".into()),
            HtmlNode::Element(Tag::Em, vec![HtmlNode::Text("there".into())]),
            HtmlNode::Text(" ".into()),
            HtmlNode::Link(
                source().join("/x").unwrap(),
                vec![HtmlNode::Text("link".into())]
            ),
            HtmlNode::Text(" ".into()),
            HtmlNode::LineBreak,
            HtmlNode::Text("& ".into()),
            HtmlNode::Element(Tag::B, vec![HtmlNode::Text("bold".into())]),
            HtmlNode::Text(" plain js".into()),
        ]
    );
    assert_eq!(
        dropped,
        [
            "<script>",
            "<img>",
            "<span>",
            "<a href> that uses the javascript: scheme (only http and https are allowed)"
        ]
    );
}

#[test]
fn body_html_keeps_structure_and_drops_script_vectors() {
    let html = r#"<h2>Sub</h2><p>One <strong>two</strong></p><ul><li>a<li>b</ul>
        <figure><img src="p.jpg" alt="A" width="10" height="5" srcset="x 2x"><figcaption>Cap</figcaption></figure>
        <svg><script>alert(1)</script></svg><math><mi xlink:href="javascript:alert(1)">x</mi></math>
        <iframe src="https://evil.example"></iframe><style>*{}</style><base href="https://evil.example/">
        <ScRiPt>alert(2)</sCrIpT><p>end</p><!-- comment --><form><input></form>"#;
    let nodes = sanitize(html, &source(), Allowlist::Body).nodes;
    let text = HtmlNode::text_content(&nodes);
    assert!(!text.contains("alert"), "{text}");
    assert!(matches!(&nodes[0], HtmlNode::Element(Tag::H3, _)));
    assert!(matches!(&nodes[1], HtmlNode::Element(Tag::P, _)));
    match &nodes[2] {
        HtmlNode::Element(Tag::Ul, items) => assert_eq!(items.len(), 2, "{items:?}"),
        other => panic!("{other:?}"),
    }
    let figure = nodes.iter().find_map(|n| match n {
        HtmlNode::Element(Tag::Figure, children) => Some(children),
        _ => None,
    });
    assert_eq!(
        figure.unwrap()[0],
        HtmlNode::Image {
            src: source().join("p.jpg").unwrap(),
            alt: "A".into(),
            width: Some(10),
            height: Some(5)
        }
    );
    assert!(text.contains("end"));
}

#[test]
fn sanitizer_survives_malformed_and_deep_markup() {
    for input in [
        "<",
        "<a",
        "<a href='",
        "</",
        "</>",
        "<<<>>>",
        "&#xFFFFFFFF;",
        "&#0;",
        "<p><p><p>",
        "</p></p>",
        "<a href=x><a href=y>z",
    ] {
        let _ = sanitize(input, &source(), Allowlist::Body);
    }
    let deep = "<b>".repeat(10_000);
    let nodes = sanitize(&format!("{deep}x"), &source(), Allowlist::Inline).nodes;
    assert!(HtmlNode::depth(&nodes) <= 33);
    assert_eq!(HtmlNode::text_content(&nodes), "x");
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
fn share_links_are_encoded() {
    let tags = vec!["Cuba".to_string(), "#Rusia".to_string()];
    let page = SharePage {
        url: "https://news.example/a?x=1&y=2#c",
        text: "Rusia y Cuba: “lazos” & más 🇨🇺 مرحبا #1",
        hashtags: &tags,
        via: Some("@example"),
    };
    assert_eq!(
        ShareNetwork::X.link(&page).unwrap(),
        "https://x.com/intent/tweet?url=https%3A%2F%2Fnews.example%2Fa%3Fx%3D1%26y%3D2%23c\
         &text=Rusia%20y%20Cuba%3A%20%E2%80%9Clazos%E2%80%9D%20%26%20m%C3%A1s%20%F0%9F%87%A8%F0%9F%87%BA%20\
         %D9%85%D8%B1%D8%AD%D8%A8%D8%A7%20%231&hashtags=Cuba%2CRusia&via=example"
    );
    assert_eq!(
        ShareNetwork::Facebook.link(&page).unwrap(),
        "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fa%3Fx%3D1%26y%3D2%23c"
    );
    assert!(ShareNetwork::Email
        .link(&page)
        .unwrap()
        .starts_with("mailto:?subject=Rusia%20y%20Cuba"));
    assert!(ShareNetwork::Whatsapp
        .link(&page)
        .unwrap()
        .starts_with("https://wa.me/?text="));
    assert_eq!(ShareNetwork::Copy.link(&page), None);
    assert_eq!(encode_component("a b'()*!"), "a%20b%27%28%29%2A%21");
}

#[test]
fn bluesky_text_fits_300_characters_with_the_url_whole() {
    let long = "é".repeat(400);
    let page = SharePage {
        url: "https://news.example/a",
        text: &long,
        ..SharePage::default()
    };
    let link = ShareNetwork::Bluesky.link(&page).unwrap();
    let encoded = link
        .strip_prefix("https://bsky.app/intent/compose?text=")
        .unwrap();
    let decoded = percent_decode(encoded);
    assert_eq!(decoded.chars().count(), 300);
    assert!(decoded.ends_with("… https://news.example/a"));
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn share_list_parsing() {
    assert_eq!(parse_share_list(None).0, DEFAULT_SHARE);
    assert_eq!(parse_share_list(Some("none")), (vec![], vec![]));
    let (networks, warnings) = parse_share_list(Some("twitter, googleplus,facebook,myspace,x"));
    assert_eq!(networks, [ShareNetwork::X, ShareNetwork::Facebook]);
    assert_eq!(
        warnings,
        [
            "share: \"googleplus\" skipped: Google+ closed in April 2019",
            "share: unknown network \"myspace\" skipped"
        ]
    );
}

#[test]
fn attributes_to_config() {
    let attrs = [
        ("src", "a.json"),
        ("theme", "DARK"),
        ("layout", "full"),
        ("loading", "eager"),
        ("share", "x"),
    ];
    let page = SafeUrl::parse_absolute("https://host.example/blog/post.html").unwrap();
    let read = |attrs: &[(&str, &str)], page: Option<&SafeUrl>| {
        WidgetConfig::from_attributes(
            |name| {
                attrs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            },
            page,
        )
    };
    let (config, warnings) = read(&attrs, Some(&page));
    assert!(warnings.is_empty());
    // URLs are resolved against the page, by the widget's one resolver.
    assert_eq!(
        config.src.as_ref().map(SafeUrl::as_str),
        Ok("https://host.example/blog/a.json")
    );
    let (api, _) = read(&[("comments-api", "/counts?ids={ids}")], Some(&page));
    assert_eq!(
        api.comments_api.as_ref().map(SafeUrl::as_str),
        Some("https://host.example/counts?ids={ids}")
    );
    // Without an http(s) page, only an absolute URL will do; a bad one says why.
    assert!(matches!(
        read(&attrs, None).0.src,
        Err(LoadError::BadSource(_))
    ));
    assert_eq!(
        read(&[("src", "javascript:alert(1)")], Some(&page)).0.src,
        Err(LoadError::BadSource(UrlError::Scheme("javascript".into())))
    );
    assert_eq!(read(&[], Some(&page)).0.src, Err(LoadError::NoSource));
    assert_eq!(
        (config.theme, config.layout, config.loading),
        (Theme::Dark, Layout::Full, Loading::Eager)
    );
    assert_eq!(config.share, [ShareNetwork::X]);
    let defaults = WidgetConfig::default();
    assert_eq!(
        (defaults.theme, defaults.layout, defaults.loading),
        (Theme::Auto, Layout::Card, Loading::Lazy)
    );
}

#[test]
fn comment_counts_and_languages() {
    assert_eq!(EN.comment_count(0, "0"), "0 Comments");
    assert_eq!(EN.comment_count(1, "1"), "1 Comment");
    assert_eq!(EN.comment_count(1234, "1,234"), "1,234 Comments");
    assert_eq!(ES.comment_count(1, "1"), "1 comentario");
    assert_eq!(ES.comment_count(2, "2"), "2 comentarios");
    assert_eq!(strings_for("es-MX").lang, "es");
    assert_eq!(strings_for("fr").lang, "en");
    assert_eq!(
        EN.published_on("November 1, 2018"),
        "Published November 1, 2018"
    );
    assert_eq!(
        ES.published_on("1 de noviembre de 2018"),
        "Publicado el 1 de noviembre de 2018"
    );
    assert_eq!(
        EN.error_detail(&LoadError::Http(404)),
        "The server answered HTTP 404."
    );
    assert_eq!(
        EN.error_detail(&LoadError::Invalid(FieldError {
            field: "headline".into(),
            problem: Problem::Missing
        })),
        "Headline is missing."
    );
}

#[test]
fn mastodon_links_accept_only_a_host() {
    use article_widget::model::share::mastodon_link;
    let page = SharePage {
        url: "https://n.example/a",
        text: "Hi",
        ..SharePage::default()
    };
    assert_eq!(
        mastodon_link(" https://Mastodon.Social/ ", &page).unwrap(),
        "https://mastodon.social/share?text=Hi%20https%3A%2F%2Fn.example%2Fa"
    );
    for bad in [
        "",
        "javascript:alert(1)",
        "evil.example/path",
        "a b.example",
        "localhost",
        "-bad.example",
        "bad-.example",
        "a..example",
        ".example",
        "social.example:0",
        "social.example:99999",
        "social.example:",
        "user:pass@evil.example@",
        "social.example?x=1",
        "social.example#x",
        "sociál.example",
    ] {
        assert_eq!(mastodon_link(bad, &page), None, "{bad}");
    }
}

#[test]
fn a_mastodon_server_is_read_as_readers_type_it() {
    use article_widget::model::share::mastodon_server;
    for (typed, server) in [
        ("mastodon.social", "mastodon.social"),
        ("  Mastodon.Social  ", "mastodon.social"),
        ("https://mastodon.social/", "mastodon.social"),
        ("http://mastodon.social", "mastodon.social"),
        ("@reader@social.example", "social.example"),
        ("reader@social.example", "social.example"),
        ("social.example:8443", "social.example:8443"),
        ("xn--bcher-kva.example", "xn--bcher-kva.example"),
    ] {
        assert_eq!(mastodon_server(typed).as_deref(), Some(server), "{typed}");
    }
}

#[test]
fn every_share_button_keeps_its_visible_name_in_its_accessible_name() {
    // WCAG 2.5.3 (Label in Name), for the names the share bar uses.
    for strings in [&EN, &ES] {
        let pairs = [
            (strings.share_by_email, strings.email),
            (strings.copy_link, strings.copy_link),
            (strings.share_native, strings.share),
        ];
        for (label, visible) in pairs {
            assert!(
                label.to_lowercase().contains(&visible.to_lowercase()),
                "{}: {label:?} lacks {visible:?}",
                strings.lang
            );
        }
        for network in article_widget::model::share::NETWORKS
            .iter()
            .map(|row| row.network)
        {
            let label = strings.share_on_network(network.brand());
            assert!(label.contains(network.brand()));
        }
    }
}

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
fn presets_and_heading_levels_parse() {
    use article_widget::model::config::{HeadingLevel, Preset};
    assert_eq!(Preset::parse(Some(" Classic ")), Preset::Classic);
    assert_eq!(Preset::parse(Some("brutalist")), Preset::Default);
    assert_eq!(HeadingLevel::parse(Some("3")).tag_below(1), "h4");
    assert_eq!(HeadingLevel::parse(Some("9")).get(), 2);
    assert_eq!(HeadingLevel::parse(Some("6")).tag_below(3), "h6");
}

#[test]
fn the_custom_element_observes_exactly_the_attributes_the_config_reads() {
    // js/embed.js lists the attributes the browser reports changes of; the Rust config is the
    // source of truth, so a new attribute added to one list and not the other fails here.
    use article_widget::model::config::ATTRIBUTES;
    let shim = include_str!("../js/embed.js");
    let line = shim
        .lines()
        .find(|l| l.trim_start().starts_with("var ATTRIBUTES"))
        .expect("the shim's list");
    let listed: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
    assert_eq!(listed, ATTRIBUTES);
}

#[test]
fn english_and_spanish_long_dates_are_written_without_intl() {
    use article_widget::model::i18n::Locale;
    let date = |s: &str| DateTime::parse_rfc3339(s).unwrap();
    let in_lang = |date: &DateTime, lang: &str| Locale::new(lang).long_date(date);
    // The publisher's calendar date, whatever the offset.
    let late = date("2018-11-01T23:30:00-05:00");
    assert_eq!(in_lang(&late, "en").as_deref(), Some("November 1, 2018"));
    assert_eq!(in_lang(&late, "en-US").as_deref(), Some("November 1, 2018"));
    assert_eq!(
        in_lang(&late, "es").as_deref(),
        Some("1 de noviembre de 2018")
    );
    assert_eq!(
        in_lang(&date("2024-02-29T00:00:00Z"), "ES-es").as_deref(),
        Some("29 de febrero de 2024")
    );
    // Other languages and far-off years are left to Intl.
    assert_eq!(in_lang(&late, "en-GB"), None);
    assert_eq!(in_lang(&late, "fr"), None);
    assert_eq!(in_lang(&date("0999-01-05T00:00:00Z"), "en"), None);
}

#[test]
fn english_and_spanish_counts_are_grouped_as_intl_groups_them() {
    use article_widget::model::i18n::Locale;
    let format_count = |n: u64, lang: &str| Locale::new(lang).count(n);
    let en: Vec<_> = [0, 7, 999, 1000, 12_345, 1_234_567]
        .iter()
        .map(|n| format_count(*n, "en").unwrap())
        .collect();
    assert_eq!(en, ["0", "7", "999", "1,000", "12,345", "1,234,567"]);
    let es: Vec<_> = [999, 1000, 9999, 10_000, 1_234_567]
        .iter()
        .map(|n| format_count(*n, "es").unwrap())
        .collect();
    assert_eq!(es, ["999", "1000", "9999", "10.000", "1.234.567"]);
    assert_eq!(format_count(1000, "de"), None);
}

#[test]
fn text_that_is_not_json_says_where_it_breaks() {
    let error = |text: &str| parse_article(text, &source()).unwrap_err().to_string();
    assert_eq!(
        error("{\"version\": 1,}"),
        "the response is not JSON (trailing comma at line 1 column 15)"
    );
    assert_eq!(
        error("{\n  \"id\": \"a\"\n  \"url\": \"b\"\n}"),
        "the response is not JSON (expected `,` or `}` at line 3 column 3)"
    );
    assert_eq!(
        error("{} {}"),
        "the response is not JSON (trailing characters at line 1 column 4)"
    );
    // A field named twice is ambiguous: JSON.parse would keep the last, a CMS meant one.
    assert_eq!(
        error(r#"{"id": "a", "headline": "x", "headline": "y"}"#),
        "headline appears twice"
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
fn the_small_table_behaves_as_a_map() {
    use article_widget::model::table::Table;
    let mut t: Table<u32> = [
        ("a".to_string(), 1),
        ("b".to_string(), 2),
        ("a".to_string(), 3),
    ]
    .into_iter()
    .collect();
    assert_eq!((t.len(), t.get("a"), t.get("b")), (2, Some(&3), Some(&2)));
    t.insert("c".into(), 4);
    *t.get_mut("b").unwrap() += 10;
    assert_eq!(t.remove("a"), Some(3));
    assert_eq!(t.remove("a"), None);
    assert!(!t.contains_key("a") && t.contains_key("c"));
    let mut pairs: Vec<_> = t.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    pairs.sort();
    assert_eq!(pairs, [("b", 12), ("c", 4)]);
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

/// The share table is the one list of networks: every network has exactly one row, ids are
/// unique and read back, and the configurator's list and the README's list are the table's.
#[test]
fn the_share_table_lists_each_network_once_and_the_configurator_and_readme_agree() {
    use article_widget::model::share::{ShareId, NETWORKS};
    // A new variant fails to compile here until it is added (and then must be in the table).
    let every = |n: ShareNetwork| match n {
        ShareNetwork::X
        | ShareNetwork::Facebook
        | ShareNetwork::Linkedin
        | ShareNetwork::Whatsapp
        | ShareNetwork::Telegram
        | ShareNetwork::Reddit
        | ShareNetwork::Bluesky
        | ShareNetwork::Threads
        | ShareNetwork::Mastodon
        | ShareNetwork::Email
        | ShareNetwork::Copy
        | ShareNetwork::Native => n,
    };
    let variants = [
        ShareNetwork::X,
        ShareNetwork::Facebook,
        ShareNetwork::Linkedin,
        ShareNetwork::Whatsapp,
        ShareNetwork::Telegram,
        ShareNetwork::Reddit,
        ShareNetwork::Bluesky,
        ShareNetwork::Threads,
        ShareNetwork::Mastodon,
        ShareNetwork::Email,
        ShareNetwork::Copy,
        ShareNetwork::Native,
    ]
    .map(every);
    assert_eq!(NETWORKS.len(), variants.len());
    for network in variants {
        let rows: Vec<_> = NETWORKS.iter().filter(|r| r.network == network).collect();
        assert_eq!(rows.len(), 1, "{network:?}");
        assert_eq!(ShareNetwork::from_id(rows[0].id), ShareId::Network(network));
        assert!(!rows[0].brand.is_empty() && !rows[0].icon.0.is_empty());
    }
    let ids: Vec<&str> = NETWORKS.iter().map(|r| r.id).collect();

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let configurator =
        std::fs::read_to_string(root.join("js/configurator/configurator.js")).unwrap();
    let list = configurator
        .split("var NETWORKS = [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .unwrap();
    let configured: Vec<&str> = list
        .split(',')
        .map(|s| s.trim().trim_matches('"'))
        .collect();
    let mut sorted_ids = ids.clone();
    sorted_ids.sort_unstable();
    let mut sorted_configured = configured.clone();
    sorted_configured.sort_unstable();
    assert_eq!(
        sorted_configured, sorted_ids,
        "js/configurator/configurator.js"
    );

    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let paragraph = readme
        .split("**Share network ids:**")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .unwrap();
    for id in ids {
        assert!(
            paragraph.contains(&format!("`{id}`")),
            "README lacks `{id}`"
        );
    }
}

#[test]
fn the_language_is_the_attribute_then_the_article_then_the_page_then_english() {
    use article_widget::model::i18n::choose_language;
    assert_eq!(choose_language(Some("es"), Some("ar"), Some("fr")), "es");
    assert_eq!(choose_language(None, Some("ar"), Some("fr")), "ar");
    assert_eq!(choose_language(Some(" "), None, Some("fr-CA")), "fr-CA");
    assert_eq!(choose_language(None, None, Some("")), "en");
    assert_eq!(choose_language(None, None, None), "en");
}

#[test]
fn errors_read_in_the_readers_language() {
    use article_widget::model::error::Expected;
    let field = |field: &str, problem: Problem| {
        LoadError::Invalid(FieldError {
            field: field.into(),
            problem,
        })
    };
    let errors = [
        LoadError::NoSource,
        LoadError::BadSource(UrlError::Scheme("javascript".into())),
        LoadError::TooLarge {
            limit_bytes: 1 << 20,
        },
        LoadError::NotJson("trailing comma at line 1 column 15".into()),
        LoadError::NotAnObject,
        LoadError::UnsupportedVersion(2),
        field("headline", Problem::Missing),
        field("headline", Problem::Empty),
        field("body[3].text", Problem::WrongType(Expected::String)),
        field("comments.count", Problem::Value(Expected::WholeNumber)),
        field("image.url", Problem::Url(UrlError::NoHost)),
        field("published", Problem::Date),
        field("headline", Problem::Repeated),
    ];
    for error in &errors {
        // The reader's English sentence is the console's message, as a sentence.
        let console = error.to_string();
        let sentence = format!("{}{}.", console[..1].to_ascii_uppercase(), &console[1..]);
        assert_eq!(EN.error_detail(error), sentence);
        // And every one has its own Spanish.
        assert_ne!(ES.error_detail(error), sentence, "{error:?}");
    }
    assert_eq!(
        ES.error_detail(&errors[8]),
        "Body[3].text debe ser una cadena de texto."
    );
    assert_eq!(ES.error_detail(&errors[6]), "Falta headline.");
    assert_eq!(
        ES.error_detail(&errors[1]),
        "Src usa el esquema javascript: (solo se permiten http y https)."
    );
}

fn media(src: &str, mime: Option<&str>) -> Media {
    Media {
        src: SafeUrl::parse_absolute(src).unwrap(),
        mime: mime.map(str::to_string),
    }
}

#[test]
fn hls_is_known_by_either_type_name_or_by_an_m3u8_path() {
    for mime in [
        "application/vnd.apple.mpegurl",
        "application/x-mpegURL",
        "Application/X-MPEGURL; codecs=\"avc1.42e01e,mp4a.40.2\"",
    ] {
        assert!(media("https://tv.example/a", Some(mime)).is_hls(), "{mime}");
    }
    assert!(media("https://tv.example/live/Index.M3U8?token=a.b", None).is_hls());
    assert!(media("https://tv.example/live.m3u8#t=1", None).is_hls());
    // A stated type wins over the path; other paths are not HLS.
    assert!(!media("https://tv.example/live.m3u8", Some("video/mp4")).is_hls());
    assert!(!media("https://tv.example/live.mp4?f=.m3u8", None).is_hls());
    assert!(!media("https://tv.example/m3u8", None).is_hls());
}

#[test]
fn hls_plays_natively_where_the_browser_can_else_through_hls_js_else_the_next_source() {
    let sources = [
        media("https://tv.example/live/master.m3u8", None),
        media("https://tv.example/live.mp4", Some("video/mp4")),
    ];
    let chosen = |can_play: fn(&str) -> bool, script_hls| {
        Playable {
            can_play,
            script_hls,
        }
        .choose(&sources)
        .map(|(m, p)| (m.src.as_str().to_string(), p))
        .unwrap()
    };
    let safari: fn(&str) -> bool = |_| true;
    let firefox: fn(&str) -> bool = |mime| mime != HLS_MIME;
    let hls = "https://tv.example/live/master.m3u8".to_string();
    assert_eq!(chosen(safari, true), (hls.clone(), Playback::Element));
    assert_eq!(chosen(firefox, true), (hls, Playback::Script));
    // No Media Source Extensions (an old iPhone without HLS is not a thing; a browser without
    // either is): the progressive file.
    assert_eq!(
        chosen(firefox, false),
        ("https://tv.example/live.mp4".to_string(), Playback::Element)
    );
    // Nothing playable at all: the first source, for the player to say so.
    let nothing: fn(&str) -> bool = |_| false;
    assert_eq!(
        chosen(nothing, false).0,
        "https://tv.example/live/master.m3u8"
    );
}

#[test]
fn an_hls_channel_without_an_audio_stream_offers_its_stream_as_audio_only() {
    let mut parsed = parse_article(SEED, &source()).unwrap();
    let live = parsed.article.live.as_mut().unwrap();
    live.audio.clear();
    assert!(
        live.has(MediaMode::Audio),
        "HLS video first: Audio only plays it"
    );
    assert_eq!(
        live.sources(MediaMode::Audio),
        live.sources(MediaMode::Video)
    );
    // Progressive video only: no Audio only.
    live.video.remove(0);
    assert!(!live.has(MediaMode::Audio));
    assert_eq!(live.initial_mode(), MediaMode::Video);
}
