//! Native tests of the element's attributes, read into the widget's settings.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::model::config::{Layout, Loading, Theme, WidgetConfig};
use article_widget::model::error::LoadError;
use article_widget::model::share::ShareNetwork;
use article_widget::model::url::{SafeUrl, UrlError};

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
