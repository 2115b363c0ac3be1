//! Native tests of the mappings from publishers' existing formats onto the article.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::model::article::Block;
use article_widget::model::error::LoadError;
use article_widget::model::formats::Parsed;
use article_widget::model::formats::{detect, parse_any, Format};
use article_widget::model::html::{HtmlNode, Tag};
use article_widget::model::url::SafeUrl;
use serde_json::Value;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/formats/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn parse(name: &str, source: &str) -> Parsed {
    parse_any(
        &fixture(name),
        &SafeUrl::parse_absolute(source).unwrap(),
        None,
    )
    .unwrap()
}

fn body_text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(nodes) | Block::Html(nodes) => HtmlNode::text_content(nodes),
            Block::Heading(t) => t.clone(),
            _ => String::new(),
        })
        .collect::<Vec<_>>()
        .join("|")
}

#[test]
fn formats_are_detected() {
    for (name, format) in [
        ("wordpress-post.json", Format::WordPress),
        ("wordpress-array.json", Format::WordPress),
        ("jsonfeed.json", Format::JsonFeed),
        ("newsarticle-graph.json", Format::SchemaOrg),
        ("newsarticle-images.json", Format::SchemaOrg),
    ] {
        assert_eq!(detect(&fixture(name)), format, "{name}");
    }
    assert_eq!(
        detect(include_str!("../docs/demo/article.json")),
        Format::V1
    );
    assert_eq!(Format::parse(Some("schema-org")), Some(Format::SchemaOrg));
    assert_eq!(Format::parse(Some("rss")), None);
}

#[test]
fn a_wordpress_post_with_embedded_media_and_terms() {
    let parsed = parse(
        "wordpress-post.json",
        "https://blog.example/wp-json/wp/v2/posts/123?_embed",
    );
    let a = parsed.article;
    // Entities decoded, tags stripped.
    assert_eq!(a.headline, "Cuba’s Diaz-Canel heads to Moscow & Beijing");
    assert_eq!(a.id, "123");
    assert_eq!(
        a.url.as_str(),
        "https://blog.example/2018/11/01/cuba-diaz-canel-moscow/"
    );
    assert_eq!(
        a.summary.as_deref(),
        Some("Diaz-Canel is embarking on the international trip …")
    );
    // date_gmt has no offset and is UTC.
    assert_eq!(a.published.epoch_ms, 1_541_030_400_000);
    assert!(a.modified.is_some());
    let image = a.image.unwrap();
    assert_eq!(
        image.url.as_str(),
        "https://blog.example/demo/media/diaz-canel.jpg"
    );
    assert_eq!(image.alt, "Cuban President Miguel Diaz-Canel");
    assert_eq!(
        image.caption.as_deref(),
        Some("Diaz-Canel in Havana — file photo")
    );
    assert_eq!((image.width, image.height), (Some(1200), Some(675)));
    assert_eq!(a.breadcrumb[0].name, "Latin America");
    assert_eq!(
        a.breadcrumb[0].url.as_ref().unwrap().as_str(),
        "https://blog.example/category/latin-america/"
    );
    assert_eq!(a.label.as_deref(), Some("Opinion"));
    assert_eq!(a.authors[0].name, "Ana Pérez");
    // The body went through the sanitizer: structure kept, script and handlers gone.
    // body_html comes as one block per top-level node (the unit the body caps cut at).
    let nodes: Vec<HtmlNode> = a
        .body
        .iter()
        .flat_map(|b| match b {
            Block::Html(nodes) => nodes.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    let text = HtmlNode::text_content(&nodes);
    assert!(
        text.contains("Cuban President Miguel Diaz-Canel begins") && !text.contains("pwned"),
        "{text}"
    );
    assert!(nodes
        .iter()
        .any(|n| matches!(n, HtmlNode::Element(Tag::H3, _))));
    assert!(format!("{nodes:?}").contains("https://blog.example/2018/10/30/related/"));
    assert!(!format!("{nodes:?}").contains("javascript"));
    assert!(
        parsed.warnings.iter().any(|w| w.contains("<script>")),
        "{:?}",
        parsed.warnings
    );
    // The comments endpoint, for X-WP-Total.
    assert_eq!(
        parsed.comment_count_source.unwrap().as_str(),
        "https://blog.example/__test/wp-comments?post=123&per_page=1"
    );
}

#[test]
fn a_wordpress_array_response_takes_its_first_post() {
    let parsed = parse(
        "wordpress-array.json",
        "https://blog.example/wp-json/wp/v2/posts?slug=second&_embed",
    );
    assert_eq!(parsed.article.headline, "A post found by slug");
    assert_eq!(parsed.article.id, "124");
    let empty = parse_any(
        "[]",
        &SafeUrl::parse_absolute("https://blog.example/x").unwrap(),
        Some(Format::WordPress),
    );
    assert_eq!(
        empty.unwrap_err().to_string(),
        "[0] (WordPress post) is missing."
    );
}

#[test]
fn wordpress_without_a_title_names_the_field_and_the_format() {
    let mut post: Value = serde_json::from_str(&fixture("wordpress-post.json")).unwrap();
    post["title"]["rendered"] = Value::from("  <b></b> ");
    let err = parse_any(
        &post.to_string(),
        &SafeUrl::parse_absolute("https://blog.example/p").unwrap(),
        None,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "title.rendered (WordPress post) is missing."
    );
    assert!(matches!(err, LoadError::Invalid(_)));
}

#[test]
fn a_json_feed_item_by_fragment_or_the_first() {
    let item = parse(
        "jsonfeed.json",
        "https://news.example/feed.json#cuba-moscow",
    )
    .article;
    assert_eq!(item.headline, "Cuba's Diaz-Canel Heads to Moscow");
    assert_eq!(item.id, "cuba-moscow");
    assert_eq!(
        item.image.unwrap().url.as_str(),
        "https://news.example/demo/media/diaz-canel.jpg"
    );
    assert_eq!(item.label.as_deref(), Some("Opinion"));
    assert_eq!(item.lang.as_deref(), Some("en-GB"));
    assert_eq!(item.site.unwrap().name, "Example News");
    assert_eq!(
        item.authors[0].name, "Example News desk",
        "the feed's authors stand in"
    );
    assert_eq!(
        body_text(&item.body),
        "Cuban President Miguel Diaz-Canel begins a tour.|Second paragraph.",
        "content_html is cut into blocks at its top-level elements"
    );
    let first = parse("jsonfeed.json", "https://news.example/feed.json").article;
    assert_eq!(first.headline, "The first item");
    let external = parse("jsonfeed.json", "https://news.example/feed.json#3").article;
    assert_eq!(external.url.as_str(), "https://elsewhere.example/story");
    assert_eq!(body_text(&external.body), "Line one.|Line two.");
    assert_eq!(external.authors[0].name, "Guest Writer");
    let missing = parse_any(
        &fixture("jsonfeed.json"),
        &SafeUrl::parse_absolute("https://news.example/feed.json#nope").unwrap(),
        None,
    );
    assert_eq!(
        missing.unwrap_err().to_string(),
        "items[id = nope] (JSON Feed) is missing."
    );
    // A document that is JSON but no object, read as a feed because the element says so.
    let source = SafeUrl::parse_absolute("https://news.example/feed.json").unwrap();
    for not_an_object in ["[1, 2]", "\"feed\"", "3.5", "null"] {
        assert_eq!(
            parse_any(not_an_object, &source, Some(Format::JsonFeed)).unwrap_err(),
            LoadError::NotAnObject,
            "{not_an_object}"
        );
    }
}

#[test]
fn a_news_article_in_a_graph_with_references() {
    let a = parse(
        "newsarticle-graph.json",
        "https://noticias.example/rusia-diaz-canel",
    )
    .article;
    assert_eq!(a.headline, "Rusia: Díaz-Canel viaja a Moscú");
    assert_eq!(a.url.as_str(), "https://noticias.example/rusia-diaz-canel");
    assert_eq!(a.lang.as_deref(), Some("es"));
    // OpinionNewsArticle, labelled in the article's own language.
    assert_eq!(a.label.as_deref(), Some("Opinión"));
    assert_eq!(a.breadcrumb[0].name, "América Latina");
    let image = a.image.unwrap();
    assert_eq!(
        image.url.as_str(),
        "https://noticias.example/demo/media/diaz-canel.jpg"
    );
    assert_eq!((image.width, image.height), (Some(1200), Some(675)));
    assert_eq!(image.credit.as_deref(), Some("Foto: Reuters"));
    assert_eq!(a.authors[0].name, "Ana Pérez");
    assert_eq!(a.site.unwrap().name, "Noticias de Ejemplo");
    assert_eq!(a.comments.unwrap().count, 4);
    assert_eq!(body_text(&a.body), "El presidente cubano comenzará una gira de 12 días.|La cooperación militar estará en la agenda.");
    // The publisher's offset is kept: 1 November in Havana.
    assert_eq!(a.published.offset_minutes, -240);
}

#[test]
fn a_news_article_with_an_array_of_image_urls() {
    let a = parse(
        "newsarticle-images.json",
        "https://news.example/api/article.json",
    )
    .article;
    assert_eq!(a.headline, "Cuba's Diaz-Canel Heads to Moscow");
    assert_eq!(
        a.image.unwrap().url.as_str(),
        "https://news.example/img/16x9.jpg"
    );
    assert_eq!(a.authors[0].name, "Staff");
    assert!(a.comments.is_none());
    let no_date = fixture("newsarticle-images.json").replace("datePublished", "dateCreated");
    let err = parse_any(
        &no_date,
        &SafeUrl::parse_absolute("https://news.example/a").unwrap(),
        None,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "datePublished (schema.org article) is missing."
    );
}

#[test]
fn an_explicit_format_wins_over_detection() {
    let err = parse_any(
        &fixture("jsonfeed.json"),
        &SafeUrl::parse_absolute("https://news.example/f").unwrap(),
        Some(Format::V1),
    );
    assert_eq!(
        err.unwrap_err().to_string(),
        "version must be a positive integer."
    );
}
