//! The article card and its parts: breadcrumb, figure, layouts, body, heading levels.

use crate::support::*;

#[wasm_bindgen_test]
fn breadcrumb_is_a_labelled_nav_with_links() {
    let items = seed().breadcrumb;
    let (root, _h) = mount(move || view! { <Breadcrumb items=items label="Breadcrumb" /> });
    assert_eq!(
        attr(&root, "nav", "aria-label").as_deref(),
        Some("Breadcrumb")
    );
    assert_eq!(attr(&root, "nav", "part").as_deref(), Some("breadcrumb"));
    let links = find_all(&root, "li a");
    assert_eq!(links.len(), 2);
    assert_eq!(links[0].text_content().unwrap(), "News");
    assert_eq!(
        links[1].get_attribute("href").unwrap(),
        "https://news.example/news/latin-america"
    );
}

#[wasm_bindgen_test]
fn figure_shows_caption_and_credit_and_reserves_its_box() {
    let image = seed().image.unwrap();
    let (root, _h) = mount(move || view! { <Figure image=image /> });
    assert_eq!(
        text(&root, "figcaption"),
        "Cuban President Miguel Diaz-Canel | Photo: Reuters FILE"
    );
    assert_eq!(
        attr(&root, "img", "alt").as_deref(),
        Some("Cuban President Miguel Diaz-Canel")
    );
    assert_eq!(attr(&root, "img", "width").as_deref(), Some("1200"));
    assert_eq!(attr(&root, "img", "height").as_deref(), Some("675"));
    assert_eq!(
        attr(&root, "img", "src").as_deref(),
        Some("https://cdn.example/articles/media/diaz-canel.jpg")
    );
}

#[wasm_bindgen_test]
fn card_layout_has_everything_but_the_body() {
    let article = seed();
    let (root, _h) =
        mount(move || view! { <ArticleCard article=article options=options(Layout::Card) /> });
    assert_eq!(text(&root, "[part=label]"), "Opinion");
    assert_eq!(
        text(&root, "[part=headline]").trim(),
        "Russia: Cuba's Diaz-Canel Heads to Moscow to Strengthen Ties"
    );
    assert_eq!(
        attr(&root, "[part=headline] a", "href").as_deref(),
        Some(
            "https://news.example/news/Russia-Cubas-Diaz-Canel-Heads-to-Moscow-to-Strengthen-Ties"
        )
    );
    assert_eq!(text(&root, "[part=date]"), "Published November 1, 2018");
    assert_eq!(
        attr(&root, "[part=date]", "datetime").as_deref(),
        Some("2018-11-01T00:00:00Z")
    );
    assert!(text(&root, "[part=lede]").starts_with("Diaz-Canel is embarking"));
    assert!(
        root.query_selector("[part=body]").unwrap().is_none(),
        "the card layout has no body"
    );
    assert_eq!(attr(&root, "article", "part").as_deref(), Some("card"));
}

#[wasm_bindgen_test]
fn full_layout_renders_the_body_with_related_links() {
    let article = seed();
    let (root, _h) =
        mount(move || view! { <ArticleCard article=article options=options(Layout::Full) /> });
    let paragraphs = find_all(&root, "[part=body] > p:not(.aw-related)");
    assert_eq!(paragraphs.len(), 7);
    assert!(paragraphs[0]
        .text_content()
        .unwrap()
        .starts_with("Cuban President Miguel Diaz-Canel is scheduled"));
    assert_eq!(
        text(&root, "[part=related]"),
        "RELATED: Salvadoran President: End U.S. Blockade on Cuba"
    );
    assert_eq!(
        attr(&root, "[part=related] a", "href").as_deref(),
        Some("https://news.example/news/Salvadoran-President-End-US-Blockade-on-Cuba")
    );
}

#[wasm_bindgen_test]
fn sanitized_paragraph_html_becomes_elements_never_markup() {
    let base = SafeUrl::parse_absolute("https://cdn.example/a.json").unwrap();
    let json = r#"{"id":"x","url":"/x","headline":"H","published":"2020-01-01T00:00:00Z","body":[
        {"type":"paragraph","html":"A <em>b</em> <a href='/c' onclick='alert(1)'>c</a><img src=x onerror='window.__pwned=1'><script>window.__pwned=1</script>"}]}"#;
    let article = parse_article(json, &base).unwrap().article;
    let blocks = article.body;
    let (root, _h) = mount(move || view! { <Body blocks=blocks /> });
    assert_eq!(text(&root, "p em"), "b");
    assert_eq!(
        attr(&root, "p a", "href").as_deref(),
        Some("https://cdn.example/c")
    );
    assert_eq!(attr(&root, "p a", "onclick"), None);
    assert_eq!(
        attr(&root, "p a", "rel").as_deref(),
        Some("noopener noreferrer nofollow ugc")
    );
    assert!(root.query_selector("img, script").unwrap().is_none());
    assert_eq!(text(&root, "p"), "A b c");
}

#[wasm_bindgen_test]
fn heading_level_sets_the_headline_and_the_body_below_it() {
    let mut article = seed();
    article.body.insert(
        0,
        article_widget::model::article::Block::Heading("Background".into()),
    );
    let mut card_options = options(Layout::Full);
    card_options.heading_level = HeadingLevel::parse(Some("4"));
    let (root, _h) = mount(move || view! { <ArticleCard article=article options=card_options /> });
    assert_eq!(find(&root, "[part=headline]").tag_name(), "H4");
    assert_eq!(text(&root, "[part=body] h5"), "Background");
    assert!(root.query_selector("h2, h3").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_long_body_is_built_over_several_frames_and_links_to_the_rest() {
    let blocks: Vec<Block> = (0..2000)
        .map(|i| Block::Paragraph(vec![HtmlNode::Text(format!("p{i}"))]))
        .collect();
    let more = ContinueReading {
        url: "https://news.example/a".into(),
        site: "Example News".into(),
    };
    let (root, _h) = mount(move || view! { <Body blocks=blocks more=Some(more) /> });
    let first = find_all(&root, "[part=body] > p").len();
    assert!(first > 0 && first < 2000, "{first} paragraphs at once");
    for _ in 0..30 {
        next_frame().await;
    }
    let paragraphs = find_all(&root, "[part=body] > p");
    assert_eq!(paragraphs.len(), 2000);
    // In order, each once.
    assert_eq!(paragraphs[0].text_content().unwrap(), "p0");
    assert_eq!(paragraphs[1999].text_content().unwrap(), "p1999");
    assert_eq!(
        text(&root, "[part=continue] a"),
        "Continue reading on Example News"
    );
    assert_eq!(
        attr(&root, "[part=continue] a", "href").as_deref(),
        Some("https://news.example/a")
    );
}
