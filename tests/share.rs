//! Native tests of the share networks: the one table and its faces (the configurator, the docs,
//! the embed spec), the share list, the links and the button names.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::model::i18n::{EN, ES};
use article_widget::model::share::{
    encode_component, parse_share_list, ShareNetwork, SharePage, DEFAULT_SHARE,
};

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
    // WCAG 2.5.3 (Label in Name), for the names the share bar shows.
    for strings in [&EN, &ES] {
        for row in article_widget::model::share::NETWORKS {
            let names = row.network.names(strings);
            assert!(!names.visible.is_empty(), "{}: {}", strings.lang, row.id);
            assert!(
                names
                    .accessible
                    .to_lowercase()
                    .contains(&names.visible.to_lowercase()),
                "{}: {:?} lacks {:?}",
                strings.lang,
                names.accessible,
                names.visible
            );
        }
    }
}

/// The share table is the one list of networks: every network has exactly one row, and its id
/// and aliases read back to it.
#[test]
fn the_share_table_lists_each_network_once() {
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
        let row = rows[0];
        assert_eq!(ShareNetwork::from_id(row.id), ShareId::Network(network));
        for alias in row.aliases {
            assert_eq!(ShareNetwork::from_id(alias), ShareId::Network(network));
        }
        assert!(!row.brand.is_empty() && !row.icon.0.is_empty());
    }
}

/// Every id the share list accepts: the table's ids and aliases, and the retired ids.
fn accepted_ids() -> Vec<String> {
    use article_widget::model::share::{NETWORKS, RETIRED};
    let mut ids: Vec<String> = NETWORKS
        .iter()
        .flat_map(|row| std::iter::once(row.id).chain(row.aliases.iter().copied()))
        .chain(RETIRED.iter().map(|(id, _)| *id))
        .map(str::to_string)
        .collect();
    ids.sort();
    ids
}

/// The backticked words of `text`.
fn code_spans(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn read(path: &str) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The configurator offers exactly the table's networks, the default ones first, and checks
/// the default list by default.
#[test]
fn the_configurator_offers_the_tables_networks_and_default() {
    use article_widget::model::share::NETWORKS;
    let configurator = read("js/configurator/configurator.js");
    let list = configurator
        .split("var NETWORKS = [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .unwrap();
    let offered: Vec<&str> = list
        .split(',')
        .map(|s| s.trim().trim_matches('"'))
        .collect();
    // The default networks first, in the default order, then the others in the table's.
    let defaults: Vec<&str> = DEFAULT_SHARE.iter().map(|n| n.id()).collect();
    let ids: Vec<&str> = defaults
        .iter()
        .copied()
        .chain(
            NETWORKS
                .iter()
                .map(|r| r.id)
                .filter(|id| !defaults.contains(id)),
        )
        .collect();
    assert_eq!(offered, ids, "js/configurator/configurator.js: NETWORKS");

    let default = configurator
        .split("var DEFAULT_SHARE = \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    let table_default: Vec<&str> = DEFAULT_SHARE.iter().map(|n| n.id()).collect();
    assert_eq!(
        default,
        table_default.join(","),
        "js/configurator/configurator.js: DEFAULT_SHARE"
    );
}

/// The docs' table of networks has one row per network of the table, and no other; its
/// default list is the table's.
#[test]
fn the_docs_list_the_tables_networks_and_no_other() {
    use article_widget::model::share::NETWORKS;
    let docs = read("docs/embedding.md");
    let section = docs
        .split("## Share networks")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap();
    let rows: Vec<&str> = section.lines().filter(|l| l.starts_with("| `")).collect();
    let mut documented: Vec<String> = rows.iter().flat_map(|row| code_spans(row)).collect();
    let retired_line = section
        .lines()
        .find(|l| l.contains("googleplus"))
        .unwrap_or("");
    documented.extend(code_spans(retired_line));
    documented.sort();
    assert_eq!(
        documented,
        accepted_ids(),
        "docs/embedding.md, Share networks"
    );
    assert_eq!(rows.len(), NETWORKS.len());
    for (row, network) in rows.iter().zip(NETWORKS) {
        assert!(
            row.starts_with(&format!("| `{}`", network.id)) && row.contains(network.brand),
            "docs/embedding.md lists {row:?} where the table has {}",
            network.id
        );
    }
    let default: Vec<&str> = DEFAULT_SHARE.iter().map(|n| n.id()).collect();
    assert!(
        section.contains(&format!("`{}`", default.join(","))),
        "docs/embedding.md does not give the default list"
    );
}

/// The embed spec's share network ids are the ids the widget accepts, and no other.
#[test]
fn the_spec_names_the_ids_the_widget_accepts() {
    let spec = read("../shared/spec/embed-api.md");
    let paragraph = spec
        .split("### Share network ids")
        .nth(1)
        .and_then(|rest| rest.split("\n#").next())
        .unwrap();
    let mut named = code_spans(paragraph);
    named.sort();
    named.dedup();
    assert_eq!(named, accepted_ids(), "shared/spec/embed-api.md");
}
