//! The share bar: links, icons, Mastodon, Copy link.

use crate::support::*;

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
