//! Hostile or odd content never freezes the host page: every step from response text to the
//! model is linear in its input, and what a card renders is capped.
//!
//! The corpus (`xtask::corpus`) holds documents just under the 1 MiB response cap. Each must
//! parse well inside a frame; the assertion here (500 ms in a debug build) leaves a margin a
//! noisy machine cannot trip, and `cargo xtask bench` reports the release times.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::model::article::Block;
use article_widget::model::caps::{
    Budget, Cap, BODY_BUDGET, MAX_ARTICLE_BYTES, MAX_BLOCKS, MAX_NAMES, NODES_PER_CHUNK,
};
use article_widget::model::error::LoadError;
use article_widget::model::formats::parse_any;
use article_widget::model::formats::{parse_article, Parsed};
use article_widget::model::html::{sanitize_within, Allowlist, HtmlNode, MAX_DEPTH};
use article_widget::model::limits::{render_chunks, Weight};
use article_widget::model::url::SafeUrl;
use proptest::prelude::*;
use serde_json::json;
use std::time::Instant;
use xtask::corpus;

fn base() -> SafeUrl {
    SafeUrl::parse_absolute("https://cdn.example/a/b.json").unwrap()
}

/// No cap, so that stopping early cannot hide work that grows faster than the input.
const UNLIMITED: Budget = Budget {
    nodes: usize::MAX,
    text_chars: usize::MAX,
    links: usize::MAX,
    images: usize::MAX,
    tags: usize::MAX,
};

fn assert_within_caps(parsed: &Parsed, case: &str) {
    let weight = Weight::of_all(&parsed.article.body);
    assert!(weight.blocks <= MAX_BLOCKS, "{case}: {weight:?}");
    assert!(weight.nodes <= BODY_BUDGET.nodes, "{case}: {weight:?}");
    assert!(
        weight.text_chars <= BODY_BUDGET.text_chars,
        "{case}: {weight:?}"
    );
    assert!(weight.links <= BODY_BUDGET.links, "{case}: {weight:?}");
    assert!(weight.images <= BODY_BUDGET.images, "{case}: {weight:?}");
    for block in &parsed.article.body {
        if let Block::Html(nodes) | Block::Paragraph(nodes) = block {
            assert!(
                HtmlNode::depth(nodes) <= MAX_DEPTH,
                "{case}: nested too deep"
            );
        }
    }
}

/// Each worst case parses to a card within the caps, or to a named error. How long each takes
/// is the benchmark's (`cargo xtask bench`: parse time, time to card, the page's longest
/// block), not a timed test's, which a loaded machine fails; that the work grows linearly is
/// `doubling_any_corpus_fragment_at_most_doubles_the_work` below, which counts steps.
#[test]
fn every_worst_case_parses_within_the_caps() {
    assert!(corpus::names().len() >= 20);
    for name in corpus::names() {
        let text = corpus::document(name, None).unwrap();
        assert!(
            text.len() <= MAX_ARTICLE_BYTES,
            "{name}: {} bytes",
            text.len()
        );
        assert!(
            text.len() > MAX_ARTICLE_BYTES - 4096,
            "{name}: only {} bytes",
            text.len()
        );
        match parse_article(&text, &base()) {
            Ok(parsed) => assert_within_caps(&parsed, name),
            // A document that is not an article is refused with a message, never a hang.
            Err(LoadError::Invalid(_)) => {}
            Err(other) => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn the_three_measured_freezes_now_render_or_cut() {
    for (name, cut) in [("h1", true), ("style", false), ("p-x", true)] {
        let text = corpus::document(name, None).unwrap();
        let parsed = parse_article(&text, &base()).unwrap();
        assert_eq!(parsed.article.body_cut.is_some(), cut, "{name}");
    }
}

/// Steps of the sanitizer for `unit` repeated `n` times.
fn steps(unit: &str, n: usize) -> u64 {
    sanitize_within(&unit.repeat(n), &base(), Allowlist::Body, &UNLIMITED).steps
}

#[test]
fn doubling_any_corpus_fragment_at_most_doubles_the_work() {
    for unit in [
        "<h1>",
        "<style></style>",
        "<p>x",
        "<div>",
        "<em><strong><b><i><p><h3><blockquote><ul><ol><li><a href=/x><div>",
        "</scripx ",
        "<p a=1 b=2 a=1>",
        "&a",
        "&amp;&#233;&bogus;",
        "<a href=/a>a</a>",
        "<img src=/i.jpg alt=''>",
        "<!-- <p>",
        "</p></li></b>",
    ] {
        let small = steps(unit, 4_000);
        let large = steps(unit, 8_000);
        assert!(
            large <= small * 2 + small / 4,
            "{unit:?}: {small} steps for 4000, {large} for 8000"
        );
    }
    // An element that is never closed makes the rest of the input its content, read once.
    let script = |n| steps(&format!("<script>{}", "</scripx ".repeat(n)), 1);
    assert!(script(8_000) <= script(4_000) * 2 + 100);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn doubling_any_markup_at_most_doubles_the_work(parts in prop::collection::vec(prop_oneof![
        Just("<p>"), Just("</p>"), Just("<h1>"), Just("<li>"), Just("<ul>"), Just("</ul>"), Just("<div>"),
        Just("</div>"), Just("<b>"), Just("</b>"), Just("<a href=/x>"), Just("</a>"), Just("<style>"),
        Just("</style>"), Just("<script>"), Just("</script"), Just("<textarea>"), Just("<!--"), Just("-->"),
        Just("&amp;"), Just("&"), Just("&#x41;"), Just("<img src=/i alt=x>"), Just("x"), Just(" "), Just("<"),
        Just("<p a b c d e f>"), Just("<blockquote>"), Just("<figure>"),
    ], 1..40)) {
        let unit = parts.concat();
        let small = steps(&unit, 300);
        let large = steps(&unit, 600);
        prop_assert!(large <= small * 2 + small / 4 + 64, "{:?}: {} then {}", unit, small, large);
    }
}

/// A long feature story, longer than "Snow Fall": 450 paragraphs with links and emphasis,
/// sub-headings, quotes and 41 photos.
fn long_feature() -> serde_json::Value {
    let sentence = "The delegation travelled for twelve days through five countries, meeting ministers and signing agreements on trade, energy and transport. ";
    // About 300 characters a paragraph: 450 of them are some 130,000 characters, 22,000 words.
    let mut body = Vec::new();
    for i in 0..450 {
        if i % 30 == 0 {
            body.push(json!({"type": "heading", "text": format!("Part {i}")}));
        }
        if i % 11 == 0 {
            body.push(json!({"type": "image", "url": format!("/photo-{i}.jpg"), "alt": "A photo", "caption": "A caption", "credit": "Photo: Agency", "width": 1200, "height": 800}));
        }
        if i % 25 == 0 {
            body.push(json!({"type": "quote", "text": sentence, "cite": "A minister"}));
        }
        body.push(json!({"type": "paragraph", "html": format!(
            "{sentence} <a href=\"/news/{i}\">More on this</a>, with <em>emphasis</em> and <strong>weight</strong>. {sentence}"
        )}));
    }
    json!({
        "id": "long", "url": "https://news.example/long", "headline": "A long read",
        "published": "2020-01-01T00:00:00Z", "body": body
    })
}

#[test]
fn a_long_feature_story_renders_whole() {
    let article = long_feature();
    let parsed = parse_article(&article.to_string(), &base()).unwrap();
    assert_eq!(parsed.article.body_cut, None, "{:?}", parsed.warnings);
    let weight = Weight::of_all(&parsed.article.body);
    assert!(weight.text_chars > 120_000, "{weight:?}");
    assert!(weight.blocks > 500, "{weight:?}");
    // The same story as body_html, as a CMS sends it, also renders whole.
    let html: String = (0..450)
        .map(|i| {
            format!(
                "<p>{} <a href=\"/news/{i}\">More</a> <em>x</em></p>\n",
                "word ".repeat(60)
            )
        })
        .collect();
    let as_html = json!({"id": "l", "url": "/l", "headline": "H", "published": "2020-01-01T00:00:00Z", "body_html": html});
    let parsed = parse_article(&as_html.to_string(), &base()).unwrap();
    assert_eq!(parsed.article.body_cut, None);
    let paragraphs = parsed
        .article
        .body
        .iter()
        .filter(|b| matches!(b, Block::Html(n) if matches!(n.first(), Some(HtmlNode::Element(..)))))
        .count();
    assert_eq!(paragraphs, 450);
}

#[test]
fn past_a_cap_the_body_is_cut_at_a_block_boundary_with_a_warning() {
    let cases = [
        (
            Cap::Blocks,
            json!({"body": (0..MAX_BLOCKS + 10).map(|_| json!({"type": "paragraph", "text": "x"})).collect::<Vec<_>>()}),
        ),
        (
            Cap::Text,
            json!({"body": (0..300).map(|_| json!({"type": "paragraph", "text": "x".repeat(1000)})).collect::<Vec<_>>()}),
        ),
        (
            Cap::Links,
            json!({"body_html": "<p><a href=/a>a</a> <a href=/b>b</a> <a href=/c>c</a></p>".repeat(BODY_BUDGET.links / 3 + 5)}),
        ),
        (
            Cap::Images,
            json!({"body": (0..BODY_BUDGET.images + 5).map(|i| json!({"type": "image", "url": format!("/{i}.jpg"), "alt": ""})).collect::<Vec<_>>()}),
        ),
        (
            Cap::Nodes,
            json!({"body_html": format!("<p>{}</p>", "<b>a</b>".repeat(20)).repeat(400)}),
        ),
    ];
    for (cap, body) in cases {
        let mut article = json!({"id": "c", "url": "https://news.example/c", "headline": "H", "published": "2020-01-01T00:00:00Z"});
        for (k, v) in body.as_object().unwrap() {
            article[k] = v.clone();
        }
        let parsed = parse_article(&article.to_string(), &base()).unwrap();
        assert_eq!(parsed.article.body_cut, Some(cap), "{cap:?}");
        assert_within_caps(&parsed, &format!("{cap:?}"));
        assert!(!parsed.article.body.is_empty(), "{cap:?}: nothing kept");
        // Whole blocks only: every kept paragraph of body_html is complete.
        for block in &parsed.article.body {
            if let Block::Html(nodes) = block {
                assert_eq!(nodes.len(), 1);
            }
        }
        let warning = parsed
            .warnings
            .iter()
            .find(|w| w.contains("cut after"))
            .unwrap_or_else(|| panic!("{cap:?}: no warning in {:?}", parsed.warnings));
        assert!(warning.contains(&cap.describe()), "{warning}");
    }
}

#[test]
fn blocks_far_past_the_cap_are_only_checked_to_be_json() {
    // Ten times the cap, one of them not even an object: past twice the cap nothing is built,
    // so it does not matter; the body is cut at the cap.
    let mut blocks: Vec<_> = (0..10 * MAX_BLOCKS)
        .map(|_| json!({"type": "paragraph", "text": "x"}))
        .collect();
    blocks[5 * MAX_BLOCKS] = json!(42);
    let article = json!({"id": "c", "url": "https://news.example/c", "headline": "H", "published": "2020-01-01T00:00:00Z", "body": blocks});
    let parsed = parse_article(&article.to_string(), &base()).unwrap();
    assert_eq!(parsed.article.body.len(), MAX_BLOCKS);
    assert_eq!(parsed.article.body_cut, Some(Cap::Blocks));
    // Within the part that is read, the same block is an error that names it.
    let mut early = article.clone();
    early["body"][3] = json!(42);
    assert_eq!(
        parse_article(&early.to_string(), &base())
            .unwrap_err()
            .to_string(),
        "body[3] must be an object."
    );
    // A flood of unknown block types: nothing to show, and the card says the rest is elsewhere.
    let unknown: Vec<_> = (0..10 * MAX_BLOCKS).map(|_| json!({"type": "z"})).collect();
    let mut flood = article;
    flood["body"] = json!(unknown);
    let parsed = parse_article(&flood.to_string(), &base()).unwrap();
    assert!(parsed.article.body.is_empty());
    assert_eq!(parsed.article.body_cut, Some(Cap::Blocks));
}

#[test]
fn bylines_and_trails_keep_a_few_names_and_graph_lookups_stay_linear() {
    let people: Vec<_> = (0..100)
        .map(|i| json!({"name": format!("Writer {i}")}))
        .collect();
    let article = json!({"id": "c", "url": "https://news.example/c", "headline": "H", "published": "2020-01-01T00:00:00Z",
        "authors": people, "breadcrumb": people, "share": {"hashtags": (0..100).map(|i| format!("t{i}")).collect::<Vec<_>>()}});
    let parsed = parse_article(&article.to_string(), &base()).unwrap();
    assert_eq!(parsed.article.authors.len(), MAX_NAMES);
    assert_eq!(parsed.article.breadcrumb.len(), MAX_NAMES);
    assert_eq!(parsed.article.share.hashtags.len(), MAX_NAMES);
    assert!(parsed.warnings.contains(&format!(
        "authors has 100 entries; the first {MAX_NAMES} are shown"
    )));
    // schema.org: 10,000 nodes and as many author references to them. Each reference is a
    // search of the graph, so only the few the card keeps are resolved.
    let nodes: Vec<_> = (0..10_000)
        .map(|i| json!({"@id": format!("#p{i}"), "@type": "Person", "name": format!("P{i}")}))
        .collect();
    let refs: Vec<_> = (0..10_000)
        .map(|i| json!({"@id": format!("#p{i}")}))
        .collect();
    let mut graph = vec![
        json!({"@type": "NewsArticle", "headline": "H", "url": "https://news.example/g",
        "datePublished": "2020-01-01T00:00:00Z", "author": refs}),
    ];
    graph.extend(nodes);
    let text = json!({"@context": "https://schema.org", "@graph": graph}).to_string();
    assert!(text.len() < 1 << 20);
    // (Resolving every reference would be 100 million comparisons: minutes in a debug build.)
    let parsed = parse_any(&text, &base(), None).unwrap();
    assert_eq!(parsed.article.authors.len(), MAX_NAMES);
    assert_eq!(parsed.article.authors[19].name, "P19");
}

#[test]
fn warnings_about_removed_markup_are_few_whatever_the_input() {
    let html = (0..5_000)
        .map(|i| format!("<x{i}><div><span>t</span></div>"))
        .collect::<String>();
    let dropped = sanitize_within(&html, &base(), Allowlist::Body, &UNLIMITED).dropped;
    assert!(dropped.len() <= 17, "{}", dropped.len());
    assert!(dropped.last().unwrap().contains("more kinds of markup"));
}

#[test]
fn chunks_cover_every_block_once_and_stay_small() {
    let parsed = parse_article(&long_feature().to_string(), &base()).unwrap();
    let blocks = &parsed.article.body;
    let chunks = render_chunks(blocks);
    assert!(chunks.len() > 1);
    let mut next = 0;
    for chunk in &chunks {
        assert_eq!(chunk.start, next);
        assert!(chunk.end > chunk.start);
        next = chunk.end;
        let nodes: usize = blocks[chunk.clone()]
            .iter()
            .map(|b| Weight::of(b).nodes)
            .sum();
        assert!(
            nodes <= NODES_PER_CHUNK || chunk.len() == 1,
            "{nodes} nodes"
        );
    }
    assert_eq!(next, blocks.len());
    assert!(render_chunks(&[]).is_empty());
}

/// The release-build timings `cargo xtask bench` reports: one JSON line per corpus case and for
/// the seed article, `{"case": ..., "bytes": ..., "ms": ...}` (median of 5).
#[test]
#[ignore = "a measurement: run by `cargo xtask bench` in release mode"]
fn parse_times() {
    let seed = include_str!("../docs/demo/article.json").to_string();
    let mut cases = vec![("seed".to_string(), seed)];
    for name in corpus::names() {
        cases.push((name.to_string(), corpus::document(name, None).unwrap()));
    }
    // `WORST_CASE=name` times one case (for a profiler).
    if let Ok(only) = std::env::var("WORST_CASE") {
        cases.retain(|(name, _)| *name == only);
    }
    for (name, text) in cases {
        let mut runs: Vec<f64> = (0..5)
            .map(|_| {
                let started = Instant::now();
                let _ = std::hint::black_box(parse_article(&text, &base()));
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        println!(
            "{}",
            json!({"case": name, "bytes": text.len(), "ms": runs[2]})
        );
    }
}
