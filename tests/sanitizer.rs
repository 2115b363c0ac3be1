//! Native tests of the HTML sanitizer, for the two fields that may carry HTML.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::model::html::{sanitize, Allowlist, HtmlNode, Tag};
use article_widget::model::url::SafeUrl;

fn source() -> SafeUrl {
    SafeUrl::parse_absolute("https://cdn.example/articles/seed.json").unwrap()
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
