//! What the view tests share: mounting, the fake browser services, finding elements.

pub use article_widget::model::article::{Article, Block, Comments, Media, MediaMode};
pub use article_widget::model::config::{HeadingLevel, Layout, WidgetConfig};
pub use article_widget::model::error::LoadError;
pub use article_widget::model::formats::parse_article;
pub use article_widget::model::html::HtmlNode;
pub use article_widget::model::i18n::Locale;
pub use article_widget::model::share::ShareNetwork;
pub use article_widget::model::url::SafeUrl;
pub use article_widget::model::widget_event::WidgetEvent;
pub use article_widget::services::{Browser, Later, ScriptStream, Services};
pub use article_widget::view::body::{Body, ContinueReading};
pub use article_widget::view::breadcrumb::Breadcrumb;
pub use article_widget::view::card::{ArticleCard, CardOptions};
pub use article_widget::view::comment_count::CommentCount;
pub use article_widget::view::error_state::ErrorState;
pub use article_widget::view::figure::Figure;
pub use article_widget::view::live_toggle::LiveToggle;
pub use article_widget::view::loading_state::LoadingState;
pub use article_widget::view::share_bar::{ShareBar, ShareContent, MASTODON_KEY};
pub use article_widget::view::widget::ArticleWidget;
pub use article_widget::view::{provide_locale, EventSink};
pub use leptos::mount::mount_to;
pub use leptos::prelude::*;
pub use std::cell::RefCell;
pub use std::rc::Rc;
pub use wasm_bindgen::JsCast;
pub use wasm_bindgen_test::*;
pub use web_sys::{Element, HtmlElement};

pub const SEED: &str = include_str!("../../docs/demo/article.json");

pub fn seed() -> Article {
    let base = SafeUrl::parse_absolute("https://cdn.example/articles/seed.json").unwrap();
    parse_article(SEED, &base).unwrap().article
}

/// Mounts `view` into a fresh `<div>` in the body; the handle keeps it alive.
pub fn mount<F, V>(view: F) -> (HtmlElement, Box<dyn std::any::Any>)
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
pub struct FakeBrowser {
    pub stored: Rc<RefCell<std::collections::HashMap<String, String>>>,
    pub popups: Rc<RefCell<Vec<String>>>,
    pub tabs: Rc<RefCell<Vec<String>>>,
    pub copied: Rc<RefCell<Vec<String>>>,
    /// What the clipboard answers.
    pub clipboard_works: Rc<std::cell::Cell<bool>>,
    /// The HLS playlists handed to the script player, and how many of its streams stopped.
    pub script_streams: Rc<RefCell<Vec<String>>>,
    pub stopped_streams: Rc<std::cell::Cell<usize>>,
    /// How long hls.js takes to load, in ms.
    pub script_load_ms: Rc<std::cell::Cell<u32>>,
    /// hls.js cannot be loaded (its file missing, or served as something else than JavaScript).
    pub script_player_missing: Rc<std::cell::Cell<bool>>,
}

impl FakeBrowser {
    pub fn new() -> FakeBrowser {
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
        let missing = self.script_player_missing.get();
        Box::pin(async move {
            if load_ms > 0 {
                gloo_timers::future::TimeoutFuture::new(load_ms).await;
            }
            (!missing).then(|| ScriptStream::new(move || stopped.set(stopped.get() + 1)))
        })
    }
    fn pause_other_players(&self, _playing: &web_sys::HtmlMediaElement) {}
    fn intl(&self) -> Option<&'static dyn article_widget::model::i18n::Intl> {
        Some(&article_widget::host::intl::BROWSER_INTL)
    }
}

pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
}

pub fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

pub fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

pub fn attr(root: &Element, selector: &str, name: &str) -> Option<String> {
    find(root, selector).get_attribute(name)
}

pub fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
}

/// An event sink that records, created inside the mounted view.
pub fn recorder() -> (
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

pub fn options(layout: Layout) -> CardOptions {
    CardOptions {
        layout,
        share: vec![ShareNetwork::X, ShareNetwork::Facebook],
        events: EventSink::ignore(),
        heading_level: HeadingLevel::default(),
        live_comments: Signal::stored(None),
    }
}

/// An `<article-widget>` in the page with the publisher's fallback link and an open shadow
/// root, as the panic hook finds widgets (through the document); the test removes it.
pub fn widget_on_the_page() -> (HtmlElement, web_sys::ShadowRoot) {
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

/// Resolves on the browser's next animation frame.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
