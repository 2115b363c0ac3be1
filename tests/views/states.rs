//! The widget's states: loading, errors, waiting, comment counts, and after a panic.

use crate::support::*;

#[wasm_bindgen_test]
fn comment_counts() {
    let url = Some(SafeUrl::parse_absolute("https://news.example/a#comments").unwrap());
    for (count, expected, empty_note) in [
        (0, "0 Comments", true),
        (1, "1 Comment", false),
        (1234, "1,234 Comments", false),
    ] {
        let comments = Comments {
            count,
            url: url.clone(),
            count_url: None,
        };
        let (root, _h) = mount(move || view! { <CommentCount comments=comments /> });
        assert_eq!(text(&root, "[part=comments] a"), expected);
        assert_eq!(
            attr(&root, "[part=comments] a", "href").as_deref(),
            Some("https://news.example/a#comments")
        );
        let note = root.query_selector(".aw-comments-empty").unwrap();
        assert_eq!(
            note.map(|n| n.text_content().unwrap()),
            empty_note.then(|| "Post with no comments.".to_string())
        );
    }
    let comments = Comments {
        count: 3,
        url: None,
        count_url: None,
    };
    let (root, _h) = mount(move || view! { <CommentCount comments=comments /> });
    assert!(
        root.query_selector("a").unwrap().is_none(),
        "no link without comments.url"
    );
    assert_eq!(text(&root, "[part=comments]").trim(), "3 Comments");
}

#[wasm_bindgen_test]
fn loading_state_keeps_the_fallback_slot() {
    let (root, _h) = mount(|| view! { <LoadingState /> });
    assert_eq!(
        attr(&root, ".aw-loading", "aria-busy").as_deref(),
        Some("true")
    );
    assert!(root.query_selector("slot").unwrap().is_some());
    assert_eq!(
        attr(&root, ".aw-loading", "aria-label").as_deref(),
        Some("Loading article…")
    );
}

#[wasm_bindgen_test]
fn error_state_says_what_went_wrong_and_retries() {
    let retried = Rc::new(RefCell::new(0));
    let counter = retried.clone();
    let (root, _h) = mount(move || {
        view! { <ErrorState error=LoadError::Http(404) on_retry=move || *counter.borrow_mut() += 1 /> }
    });
    assert_eq!(
        text(&root, ".aw-error-detail"),
        "The server answered HTTP 404."
    );
    assert!(
        root.query_selector("slot").unwrap().is_some(),
        "the fallback stays visible"
    );
    click(&root, "[part=retry]");
    assert_eq!(*retried.borrow(), 1);
}

#[wasm_bindgen_test]
async fn widget_without_src_shows_a_named_error() {
    let (events, sink) = recorder();
    let (root, _h) = mount(move || {
        let config = RwSignal::new(WidgetConfig::default());
        view! { <ArticleWidget config=config visible=Signal::stored(true) events=sink() /> }
    });
    leptos::task::tick().await;
    leptos::task::tick().await;
    assert_eq!(attr(&root, ".aw", "data-state").as_deref(), Some("error"));
    assert_eq!(
        text(&root, ".aw-error-detail"),
        "The element has no src attribute."
    );
    // Announced once, politely, through the widget's one live region.
    assert_eq!(
        find_all(&root, "[role=status], [role=alert], [aria-live]").len(),
        1
    );
    assert_eq!(
        text(&root, ".aw-announcer"),
        "This article could not be loaded. The element has no src attribute."
    );
    assert_eq!(
        *events.borrow(),
        vec![WidgetEvent::Error {
            message: "The element has no src attribute.".into()
        }]
    );
}

#[wasm_bindgen_test]
async fn widget_waits_while_not_visible() {
    let (root, _h) = mount(move || {
        let config = RwSignal::new(WidgetConfig {
            src: Ok(SafeUrl::parse_absolute("https://cdn.example/never.json").unwrap()),
            ..WidgetConfig::default()
        });
        view! { <ArticleWidget config=config visible=Signal::stored(false) events=EventSink::ignore() /> }
    });
    leptos::task::tick().await;
    assert_eq!(attr(&root, ".aw", "data-state").as_deref(), Some("waiting"));
    assert!(root.query_selector("slot").unwrap().is_some());
}

#[wasm_bindgen_test]
fn after_a_panic_every_widget_shows_an_error_and_its_fallback() {
    let (element, root) = widget_on_the_page();
    root.set_inner_html("<div class=\"aw\" data-state=\"loading\">half drawn</div>");

    article_widget::host::show_crash_everywhere();

    let shown = root.query_selector(".aw").unwrap().unwrap();
    assert_eq!(shown.get_attribute("data-state").as_deref(), Some("error"));
    assert_eq!(
        root.query_selector(".aw-error-title")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "This article could not be loaded."
    );
    assert!(
        root.query_selector("slot").unwrap().is_some(),
        "the fallback shows"
    );
    assert!(!root
        .text_content()
        .unwrap_or_default()
        .contains("half drawn"));
    element.remove();
}

#[wasm_bindgen_test]
fn after_a_panic_each_widget_says_so_in_its_own_language() {
    let (spanish, spanish_root) = widget_on_the_page();
    spanish_root
        .set_inner_html("<div class=\"aw\" lang=\"es\" data-state=\"loaded\">tarjeta</div>");
    let (arabic, arabic_root) = widget_on_the_page();
    arabic.set_attribute("lang", "ar").unwrap();

    article_widget::host::show_crash_everywhere();

    let title = |root: &web_sys::ShadowRoot| {
        root.query_selector(".aw-error-title")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(title(&spanish_root), "No se pudo cargar este artículo.");
    let frame = spanish_root.query_selector(".aw").unwrap().unwrap();
    assert_eq!(frame.get_attribute("lang").as_deref(), Some("es"));
    // No Arabic strings: the English title, marked as English, in a right-to-left frame.
    assert_eq!(title(&arabic_root), "This article could not be loaded.");
    let frame = arabic_root.query_selector(".aw").unwrap().unwrap();
    assert_eq!(frame.get_attribute("dir").as_deref(), Some("rtl"));
    let error = arabic_root.query_selector(".aw-error").unwrap().unwrap();
    assert_eq!(error.get_attribute("lang").as_deref(), Some("en"));
    spanish.remove();
    arabic.remove();
}

#[wasm_bindgen_test]
fn after_a_panic_a_prerendered_card_not_yet_taken_over_stays() {
    let (element, root) = widget_on_the_page();
    // As the takeover has it mid-way: the snippet's style, the pre-rendered card, and the live
    // one being built, hidden.
    root.set_inner_html(
        "<style>.aw { color: rgb(1, 2, 3); }</style>\
         <div class=\"aw-host\" data-prerendered><div class=\"aw\" data-state=\"loaded\"><h2 part=\"headline\">Pre-rendered</h2></div></div>\
         <div class=\"aw-host\" hidden><div class=\"aw\" data-state=\"loading\">half drawn</div></div>",
    );

    article_widget::host::show_crash_everywhere();

    assert_eq!(
        root.query_selector_all(".aw-host").unwrap().length(),
        1,
        "the live container is gone"
    );
    assert_eq!(
        root.query_selector("[data-prerendered] [part=headline]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Pre-rendered"
    );
    assert!(root.query_selector(".aw-error, slot").unwrap().is_none());
    assert!(root.query_selector("style").unwrap().is_some());
    assert!(!root
        .text_content()
        .unwrap_or_default()
        .contains("half drawn"));
    element.remove();
}

#[wasm_bindgen_test]
async fn the_comment_count_follows_the_live_count() {
    let live = RwSignal::new(None::<u64>);
    let comments = Comments {
        count: 0,
        url: None,
        count_url: None,
    };
    let (root, _h) = mount(move || {
        view! { <CommentCount comments=comments live=live /> }
    });
    assert_eq!(
        text(&root, "[part=comments]").trim(),
        "0 Comments Post with no comments."
    );
    live.set(Some(1));
    leptos::task::tick().await;
    assert_eq!(text(&root, "[part=comments]").trim(), "1 Comment");
    live.set(Some(2048));
    leptos::task::tick().await;
    assert_eq!(text(&root, "[part=comments]").trim(), "2,048 Comments");
}
