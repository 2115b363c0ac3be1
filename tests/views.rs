//! Browser tests of the views: each component mounted into a fresh element in headless
//! Chromium and Firefox, its DOM asserted, its controls clicked.
#![cfg(target_arch = "wasm32")]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::model::article::{Article, Block, Comments, Media, MediaMode};
use article_widget::model::config::{HeadingLevel, Layout, WidgetConfig};
use article_widget::model::error::LoadError;
use article_widget::model::formats::parse_article;
use article_widget::model::html::HtmlNode;
use article_widget::model::i18n::Locale;
use article_widget::model::share::ShareNetwork;
use article_widget::model::url::SafeUrl;
use article_widget::model::widget_event::WidgetEvent;
use article_widget::services::{Browser, Later, ScriptStream, Services};
use article_widget::view::body::{Body, ContinueReading};
use article_widget::view::breadcrumb::Breadcrumb;
use article_widget::view::card::{ArticleCard, CardOptions};
use article_widget::view::comment_count::CommentCount;
use article_widget::view::error_state::ErrorState;
use article_widget::view::figure::Figure;
use article_widget::view::live_toggle::LiveToggle;
use article_widget::view::loading_state::LoadingState;
use article_widget::view::share_bar::{ShareBar, ShareContent, MASTODON_KEY};
use article_widget::view::widget::ArticleWidget;
use article_widget::view::{provide_locale, EventSink};
use leptos::mount::mount_to;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../docs/demo/article.json");

fn seed() -> Article {
    let base = SafeUrl::parse_absolute("https://cdn.example/articles/seed.json").unwrap();
    parse_article(SEED, &base).unwrap().article
}

/// Mounts `view` into a fresh `<div>` in the body; the handle keeps it alive.
fn mount<F, V>(view: F) -> (HtmlElement, Box<dyn std::any::Any>)
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = mount_to(container.clone(), view);
    (container, Box::new(handle))
}

/// Browser services that record what views ask of them.
#[derive(Clone, Default)]
struct FakeBrowser {
    stored: Rc<RefCell<std::collections::HashMap<String, String>>>,
    popups: Rc<RefCell<Vec<String>>>,
    tabs: Rc<RefCell<Vec<String>>>,
    copied: Rc<RefCell<Vec<String>>>,
    /// What the clipboard answers.
    clipboard_works: Rc<std::cell::Cell<bool>>,
    /// The HLS playlists handed to the script player, and how many of its streams stopped.
    script_streams: Rc<RefCell<Vec<String>>>,
    stopped_streams: Rc<std::cell::Cell<usize>>,
    /// How long hls.js takes to load, in ms.
    script_load_ms: Rc<std::cell::Cell<u32>>,
}

impl FakeBrowser {
    fn new() -> FakeBrowser {
        FakeBrowser::default()
    }
}

impl Browser for FakeBrowser {
    fn load(&self, key: &str) -> Option<String> {
        self.stored.borrow().get(key).cloned()
    }
    fn save(&self, key: &str, value: &str) {
        self.stored.borrow_mut().insert(key.into(), value.into());
    }
    fn can_share(&self) -> bool {
        false
    }
    fn share(&self, _title: &str, _url: &str) {}
    fn copy(&self, text: &str) -> Later<bool> {
        let works = self.clipboard_works.get();
        if works {
            self.copied.borrow_mut().push(text.into());
        }
        Box::pin(async move { works })
    }
    fn open_popup(&self, url: &str) -> bool {
        self.popups.borrow_mut().push(url.into());
        true
    }
    fn open_tab(&self, url: &str) {
        self.tabs.borrow_mut().push(url.into());
    }
    fn can_play(&self, mime: &str) -> bool {
        // A browser without HLS of its own, like Firefox.
        !mime.contains("unplayable") && !mime.contains("mpegurl")
    }
    fn script_hls(&self) -> bool {
        true
    }
    fn attach_hls(
        &self,
        _media: web_sys::HtmlMediaElement,
        src: &str,
        _on_failure: Rc<dyn Fn()>,
    ) -> Later<Option<ScriptStream>> {
        self.script_streams.borrow_mut().push(src.into());
        let stopped = self.stopped_streams.clone();
        let load_ms = self.script_load_ms.get();
        Box::pin(async move {
            if load_ms > 0 {
                gloo_timers::future::TimeoutFuture::new(load_ms).await;
            }
            Some(ScriptStream::new(move || stopped.set(stopped.get() + 1)))
        })
    }
    fn pause_other_players(&self, _playing: &web_sys::HtmlMediaElement) {}
    fn intl(&self) -> Option<&'static dyn article_widget::model::i18n::Intl> {
        Some(&article_widget::host::intl::BROWSER_INTL)
    }
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
}

fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn attr(root: &Element, selector: &str, name: &str) -> Option<String> {
    find(root, selector).get_attribute(name)
}

fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
}

/// An event sink that records, created inside the mounted view.
fn recorder() -> (
    Rc<RefCell<Vec<WidgetEvent>>>,
    impl Fn() -> EventSink + Clone,
) {
    let events = Rc::new(RefCell::new(Vec::new()));
    let sink_events = events.clone();
    (events, move || {
        let events = sink_events.clone();
        EventSink::new(move |e| events.borrow_mut().push(e))
    })
}

fn options(layout: Layout) -> CardOptions {
    CardOptions {
        layout,
        share: vec![ShareNetwork::X, ShareNetwork::Facebook],
        events: EventSink::ignore(),
        heading_level: HeadingLevel::default(),
        live_comments: Signal::stored(None),
    }
}

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
fn spanish_dates_and_strings() {
    let article = seed();
    let (root, _h) = mount(move || {
        provide_locale(Locale::new("es"));
        view! { <ArticleCard article=article options=options(Layout::Full) /> }
    });
    assert_eq!(
        text(&root, "[part=date]"),
        "Publicado el 1 de noviembre de 2018"
    );
    assert!(text(&root, "[part=related]").starts_with("RELACIONADO: "));
    assert_eq!(text(&root, "[part=comments] a"), "0 comentarios");
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
fn share_links_are_encoded_and_report_shares() {
    let (events, sink) = recorder();
    let content = ShareContent {
        url: "https://news.example/a?b=1&c=2".into(),
        text: "Cuba & Rusia: “lazos”".into(),
        ..ShareContent::default()
    };
    let fake = FakeBrowser::new();
    let services = fake.clone();
    let (root, _h) = mount(move || {
        Services::provide(services);
        view! { <ShareBar networks=vec![ShareNetwork::X, ShareNetwork::Facebook, ShareNetwork::Email] content=content events=sink() /> }
    });
    assert_eq!(attr(&root, "ul", "part").as_deref(), Some("share-bar"));
    assert_eq!(
        attr(&root, "[data-network=x]", "href").as_deref(),
        Some("https://x.com/intent/tweet?url=https%3A%2F%2Fnews.example%2Fa%3Fb%3D1%26c%3D2&text=Cuba%20%26%20Rusia%3A%20%E2%80%9Clazos%E2%80%9D")
    );
    assert_eq!(
        attr(&root, "[data-network=facebook]", "href").as_deref(),
        Some("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fa%3Fb%3D1%26c%3D2")
    );
    assert_eq!(
        attr(&root, "[data-network=x]", "rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(
        attr(&root, "[data-network=x]", "aria-label").as_deref(),
        Some("Share on X")
    );
    assert_eq!(find_all(&root, "[part=share-button]").len(), 3);
    // The click asks the browser services for a popup (a fake here: a real popup would take
    // the test page's focus and, in Firefox, its timers).
    click(&root, "[data-network=facebook]");
    assert_eq!(
        *fake.popups.borrow(),
        vec!["https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fa%3Fb%3D1%26c%3D2".to_string()]
    );
    assert_eq!(
        *events.borrow(),
        vec![WidgetEvent::Share {
            network: ShareNetwork::Facebook
        }]
    );
}

/// An HLS channel in a browser without HLS of its own: the element gets no `src`, and pressing
/// play hands the playlist to the script player (hls.js), once; the widget's end stops it.
#[wasm_bindgen_test]
async fn an_hls_stream_goes_to_the_script_player_when_played_and_stops_with_the_widget() {
    let mut live = seed().live.unwrap();
    let hls = |src: &str| Media {
        src: SafeUrl::parse_absolute(src).unwrap(),
        mime: None,
    };
    live.video
        .insert(0, hls("https://tv.example/channel/live.m3u8"));
    live.audio
        .insert(0, hls("https://tv.example/channel/audio.m3u8"));
    let fake = FakeBrowser::new();
    let services = fake.clone();
    let (events, sink) = recorder();
    let (root, handle) = mount(move || {
        Services::provide(services);
        view! { <LiveToggle live=live events=sink() /> }
    });
    click(&root, "[part=player]");
    leptos::task::tick().await;
    let video: web_sys::HtmlMediaElement = find(&root, "video").unchecked_into();
    assert_eq!(
        video.get_attribute("src"),
        None,
        "hls.js gives the element its source"
    );
    assert_eq!(attr(&root, "audio", "src"), None);
    // The widget asked the shown player to play; its `play` event attaches the stream.
    video
        .dispatch_event(&web_sys::Event::new("play").unwrap())
        .unwrap();
    video
        .dispatch_event(&web_sys::Event::new("play").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(
        *fake.script_streams.borrow(),
        ["https://tv.example/channel/live.m3u8"]
    );
    // Not live yet (no infinite duration): neither LIVE nor "Go live" shows.
    assert!(find(&root, ".aw-live-badge").has_attribute("hidden"));
    assert!(find(&root, ".aw-go-live").has_attribute("hidden"));
    assert!(events.borrow().contains(&WidgetEvent::MediaChange {
        mode: MediaMode::Video,
        playing: true
    }));
    drop(handle);
    assert_eq!(fake.stopped_streams.get(), 1);
}

/// The widget goes while hls.js is still loading: the stream that arrives after is stopped, and
/// nothing reads the widget's disposed state (a panic there would stop every widget).
#[wasm_bindgen_test]
async fn a_stream_that_arrives_after_the_widget_is_gone_is_stopped() {
    let mut live = seed().live.unwrap();
    live.video.insert(
        0,
        Media {
            src: SafeUrl::parse_absolute("https://tv.example/live.m3u8").unwrap(),
            mime: None,
        },
    );
    let fake = FakeBrowser::new();
    fake.script_load_ms.set(50);
    let services = fake.clone();
    let (_events, sink) = recorder();
    let (root, handle) = mount(move || {
        Services::provide(services);
        view! { <LiveToggle live=live events=sink() /> }
    });
    click(&root, "[part=player]");
    leptos::task::tick().await;
    let video = find(&root, "video");
    video
        .dispatch_event(&web_sys::Event::new("play").unwrap())
        .unwrap();
    assert_eq!(fake.script_streams.borrow().len(), 1);
    drop(handle);
    gloo_timers::future::TimeoutFuture::new(120).await;
    assert_eq!(fake.stopped_streams.get(), 1);
}

#[wasm_bindgen_test]
async fn live_toggle_switches_between_video_and_audio() {
    let mut live = seed().live.unwrap();
    live.poster = Some(SafeUrl::parse_absolute("https://cdn.example/media/poster.jpg").unwrap());
    let (events, sink) = recorder();
    let (root, _h) = mount(move || view! { <LiveToggle live=live events=sink() /> });
    assert_eq!(
        attr(&root, "[part=live-toggle]", "role").as_deref(),
        Some("group")
    );
    // Until the reader presses play, a button the player's size stands in for both players.
    assert!(root.query_selector("video").unwrap().is_none());
    assert!(root.query_selector("audio").unwrap().is_none());
    let play = find(&root, "[part=player]");
    assert_eq!(play.tag_name(), "BUTTON");
    assert_eq!(play.get_attribute("data-kind").as_deref(), Some("video"));
    assert!(play.text_content().unwrap().starts_with("Play"));
    assert!(play.query_selector("img").unwrap().is_some(), "the poster");
    assert_eq!(
        attr(&root, "button[data-mode=video]", "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&root, "button[data-mode=audio]", "aria-pressed").as_deref(),
        Some("false")
    );

    click(&root, "button[data-mode=audio]");
    leptos::task::tick().await;
    assert_eq!(
        attr(&root, "button[data-mode=video]", "aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(
        attr(&root, "button[data-mode=audio]", "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&root, "[part=player]", "data-kind").as_deref(),
        Some("audio")
    );
    assert!(
        root.query_selector("[part=player] img").unwrap().is_none(),
        "no poster for audio"
    );
    assert_eq!(
        *events.borrow(),
        vec![WidgetEvent::MediaChange {
            mode: MediaMode::Audio,
            playing: false
        }]
    );

    // Pressing play puts the real players in, the chosen one shown.
    click(&root, "[part=player]");
    leptos::task::tick().await;
    assert!(root.query_selector(".aw-play").unwrap().is_none());
    let video = find(&root, "video");
    let audio = find(&root, "audio");
    assert_eq!(video.get_attribute("preload").as_deref(), Some("none"));
    assert_eq!(audio.get_attribute("preload").as_deref(), Some("none"));
    // A browser that plays everything (no services given) plays the HLS itself.
    assert_eq!(
        attr(&root, "video", "src").as_deref(),
        Some("https://cdn.example/articles/media/hls/live.m3u8")
    );
    assert!(video.has_attribute("hidden") && !audio.has_attribute("hidden"));

    click(&root, "button[data-mode=video]");
    leptos::task::tick().await;
    assert_eq!(
        attr(&root, "button[data-mode=video]", "aria-pressed").as_deref(),
        Some("true")
    );
    assert!(!video.has_attribute("hidden") && audio.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn a_stream_with_only_audio_has_no_toggle() {
    let mut live = seed().live.unwrap();
    live.video = Vec::new();
    let (root, _h) = mount(move || view! { <LiveToggle live=live events=EventSink::ignore() /> });
    assert!(root.query_selector("[part=live-toggle]").unwrap().is_none());
    assert_eq!(
        attr(&root, "[part=player]", "data-kind").as_deref(),
        Some("audio")
    );
    click(&root, "[part=player]");
    leptos::task::tick().await;
    assert!(root.query_selector("video").unwrap().is_none());
    assert!(!find(&root, "audio").has_attribute("hidden"));
}

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
fn a_language_without_strings_gets_english_words_and_its_own_dates() {
    let article = seed();
    let (root, _h) = mount(move || {
        provide_locale(
            Locale::new("fr").with_intl(Some(&article_widget::host::intl::BROWSER_INTL)),
        );
        view! { <ArticleCard article=article options=options(Layout::Card) /> }
    });
    assert_eq!(text(&root, "[part=date]"), "Published 1 novembre 2018");
    // The English words say they are English, inside a French card; the article's own text
    // (the headline) does not.
    for part in ["[part=date]", "[part=share-bar]", "[part=comments]"] {
        assert_eq!(
            find(&root, part).get_attribute("lang").as_deref(),
            Some("en"),
            "{part}"
        );
    }
    assert_eq!(find(&root, "[part=headline]").get_attribute("lang"), None);
}

#[wasm_bindgen_test]
fn a_language_with_strings_marks_no_text_as_another_language() {
    let article = seed();
    let (root, _h) = mount(move || {
        provide_locale(Locale::new("es"));
        view! { <ArticleCard article=article options=options(Layout::Card) /> }
    });
    assert!(root.query_selector("[lang]").unwrap().is_none());
}

/// An `<article-widget>` in the page with the publisher's fallback link and an open shadow
/// root, as the panic hook finds widgets (through the document); the test removes it.
fn widget_on_the_page() -> (HtmlElement, web_sys::ShadowRoot) {
    let document = web_sys::window().unwrap().document().unwrap();
    let element: HtmlElement = document
        .create_element("article-widget")
        .unwrap()
        .unchecked_into();
    element.set_inner_html("<a class=\"fallback\" href=\"https://news.example/\">Fallback</a>");
    document.body().unwrap().append_child(&element).unwrap();
    let root = element
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    (element, root)
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

#[wasm_bindgen_test]
fn share_buttons_carry_decorative_icons() {
    let (root, _h) = mount(move || {
        view! { <ShareBar networks=vec![ShareNetwork::X, ShareNetwork::Copy] content=ShareContent::default() events=EventSink::ignore() /> }
    });
    let icons = find_all(&root, "[part=share-button] svg");
    assert_eq!(icons.len(), 2);
    assert!(icons
        .iter()
        .all(|i| i.get_attribute("aria-hidden").as_deref() == Some("true")));
    assert_eq!(text(&root, "[data-network=copy]"), "Copy link");
}

#[wasm_bindgen_test]
fn english_and_spanish_dates_and_counts_match_intl_exactly() {
    use article_widget::host::intl::{format_date_with_intl, format_number_with_intl};
    use article_widget::model::date::DateTime;
    use article_widget::model::i18n::Locale;
    let dates = [
        "2018-11-01T00:00:00Z",
        "2018-11-01T23:30:00-05:00",
        "2024-02-29T12:00:00+09:00",
        "1999-12-31T23:59:59Z",
        "2031-01-09T08:00:00.250+01:00",
    ];
    for lang in ["en", "en-US", "es", "es-ES"] {
        let locale = Locale::new(lang);
        for s in dates {
            let date = DateTime::parse_rfc3339(s).unwrap();
            assert_eq!(
                locale.long_date(&date),
                format_date_with_intl(&date, lang),
                "{lang} {s}"
            );
        }
        for n in [0, 5, 999, 1000, 9999, 10_000, 123_456, 9_876_543_210] {
            assert_eq!(
                locale.count(n),
                format_number_with_intl(n, lang),
                "{lang} {n}"
            );
        }
    }
}

/// Resolves on the browser's next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
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

#[wasm_bindgen_test]
async fn mastodon_asks_for_the_server_in_a_form_and_remembers_it_once_valid() {
    let (events, sink) = recorder();
    let fake = FakeBrowser::new();
    fake.save(MASTODON_KEY, "javascript:alert(1)");
    let services = fake.clone();
    let content = ShareContent {
        url: "https://news.example/a".into(),
        text: "Hi".into(),
        ..ShareContent::default()
    };
    let (root, _h) = mount(move || {
        Services::provide(services);
        provide_locale(Locale::new("es"));
        view! { <ShareBar networks=vec![ShareNetwork::Mastodon] content=content events=sink() /> }
    });
    assert!(root.query_selector("form").unwrap().is_none());
    click(&root, "[data-network=mastodon]");
    leptos::task::tick().await;
    // A stored value that is not a server is not offered.
    let field: web_sys::HtmlInputElement =
        find(&root, "[part=mastodon-form] input").unchecked_into();
    assert_eq!(field.value(), "");
    assert_eq!(
        text(&root, "[part=mastodon-form] label span"),
        "Tu servidor de Mastodon"
    );
    field.set_value("no es un servidor");
    click(&root, "[part=mastodon-form] button[type=submit]");
    leptos::task::tick().await;
    assert_eq!(
        text(&root, ".aw-mastodon-error"),
        "Escribe el nombre de un servidor, como mastodon.social."
    );
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = field.get_attribute("aria-describedby").unwrap();
    assert_eq!(find(&root, ".aw-mastodon-error").id(), described);
    assert!(fake.tabs.borrow().is_empty());
    assert_eq!(
        fake.load(MASTODON_KEY).as_deref(),
        Some("javascript:alert(1)")
    );
    assert!(events.borrow().is_empty());

    field.set_value("https://Social.Example/");
    click(&root, "[part=mastodon-form] button[type=submit]");
    leptos::task::tick().await;
    assert_eq!(
        *fake.tabs.borrow(),
        vec!["https://social.example/share?text=Hi%20https%3A%2F%2Fnews.example%2Fa".to_string()]
    );
    assert_eq!(fake.load(MASTODON_KEY).as_deref(), Some("social.example"));
    assert!(root.query_selector("form").unwrap().is_none(), "closed");
    assert_eq!(
        *events.borrow(),
        vec![WidgetEvent::Share {
            network: ShareNetwork::Mastodon
        }]
    );
    // Next time: offered again, so it can be changed.
    click(&root, "[data-network=mastodon]");
    leptos::task::tick().await;
    let field: web_sys::HtmlInputElement =
        find(&root, "[part=mastodon-form] input").unchecked_into();
    assert_eq!(field.value(), "social.example");
}

#[wasm_bindgen_test]
async fn copy_link_confirms_or_leaves_the_link_in_a_selected_field() {
    let fake = FakeBrowser::new();
    fake.clipboard_works.set(true);
    let services = fake.clone();
    let content = ShareContent {
        url: "https://news.example/a".into(),
        ..ShareContent::default()
    };
    let (root, _h) = mount(move || {
        Services::provide(services);
        view! { <ShareBar networks=vec![ShareNetwork::Copy] content=content events=EventSink::ignore() /> }
    });
    click(&root, "[data-network=copy]");
    leptos::task::tick().await;
    leptos::task::tick().await;
    assert_eq!(
        *fake.copied.borrow(),
        vec!["https://news.example/a".to_string()]
    );
    assert_eq!(text(&root, ".aw-share-status"), "Link copied");
    assert!(root.query_selector("[part=share-field]").unwrap().is_none());

    fake.clipboard_works.set(false);
    click(&root, "[data-network=copy]");
    leptos::task::tick().await;
    leptos::task::tick().await;
    assert_eq!(text(&root, ".aw-share-status"), "");
    let field: web_sys::HtmlInputElement = find(&root, "[part=share-field] input").unchecked_into();
    assert_eq!(field.value(), "https://news.example/a");
    assert!(field.read_only());
}
