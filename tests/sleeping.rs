//! Sleeping pre-rendered cards (`hydrate`): a page of them costs the loader alone; the card a
//! reader reaches for wakes, alone, and the reader's first click or key press on it is carried
//! out by the live card; `load`, `idle` and `visible` wake as they say.
//!
//! `#[ignore]`d in a plain `cargo test`; `cargo xtask test` runs them with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use serde_json::{json, Value};
use std::time::Duration;
use support::prerendered::{page_with, seed, widget, Widget};
use support::{origins, Browser, SHADOW_HELPERS};
use xtask::webdriver::{KEY_CONTROL, KEY_ENTER};

/// A card with no `hydrate` attribute: the default, `interaction`.
fn sleeping(id: &str, src: &str) -> Widget {
    Widget {
        hydrate: None,
        ..widget(id, src, "card")
    }
}

/// A sleeping card of `/__test/slow-live.json`: its article comes 3 s after the bundle asks,
/// so a first click lands on the pre-rendered card, long before the live one is there.
fn slow(id: &str) -> Widget {
    let mut article: Value = serde_json::from_str(&seed()).unwrap();
    // The stream as the route serves it, so both cards are the same card.
    article["live"]["video"] = json!([
        { "src": "/demo/media/live.webm", "type": "video/webm" },
        { "src": "/demo/media/live.mp4", "type": "video/mp4" }
    ]);
    article["live"]["audio"] = json!([
        { "src": "/demo/media/live-audio.ogg", "type": "audio/ogg" },
        { "src": "/demo/media/live-audio.m4a", "type": "audio/mp4" }
    ]);
    Widget {
        article: article.to_string(),
        ..sleeping(id, "/__test/slow-live.json")
    }
}

fn probe(b: &Browser, expression: &str) -> Value {
    b.js(&format!("return {expression};"))
}

/// What this page fetched from the widget origin, by path, the photo left out.
fn widget_requests(b: &Browser) -> Value {
    b.js(&format!(
        "return performance.getEntriesByType('resource').map(e => e.name)
             .filter(n => n.startsWith('{}') && !n.endsWith('.jpg'))
             .map(n => new URL(n).pathname + new URL(n).search);",
        origins().widget.origin
    ))
}

fn is_asleep(b: &Browser, id: &str) -> bool {
    probe(b, &format!("!!q('{id}', '[data-prerendered]')")) == json!(true)
}

/// Waits until the pre-rendered card of `id` has been replaced by the live one.
fn wait_live(b: &Browser, id: &str) {
    b.session
        .wait_for(
            &format!("(function(){{ {SHADOW_HELPERS} return q('{id}', '[data-prerendered]') === null && !!q('{id}', '.aw-host:not([hidden]) .aw-card'); }})()"),
            Duration::from_secs(20),
            |v| v == &json!(true),
        )
        .unwrap();
}

/// Waits until widget `id`'s video plays: it has data and its time moves on.
fn wait_playing(b: &Browser, id: &str) {
    let playing = format!(
        "(function(){{ {SHADOW_HELPERS} const m = q('{id}', 'video'); return !!m && m.readyState >= 2 && !m.paused && m.currentTime > 0.5; }})()"
    );
    if let Err(e) = b
        .session
        .wait_for(&playing, Duration::from_secs(20), |v| v == &json!(true))
    {
        let state = b.js(&format!(
            "const m = q('{id}', 'video'); return m ? {{ paused: m.paused, readyState: m.readyState, time: m.currentTime, error: m.error && m.error.code, state: q('{id}', '.aw-live').dataset.state }} : q('{id}', '.aw-live')?.dataset.state ?? null;"
        ));
        panic!("the video of {id} never played ({e}): {state}");
    }
}

/// The loader's wait for the page, then a moment in which a mistaken wake-up would show.
fn settle(b: &Browser) {
    b.wait_value(
        "document.readyState === 'complete' && !!window.ArticleWidget",
        json!(true),
    );
    std::thread::sleep(Duration::from_millis(1500));
}

#[test]
#[ignore = "needs dist/ and the browsers: run `cargo xtask test`"]
fn sleeping_cards_cost_the_loader_alone_and_only_the_card_a_reader_reaches_for_wakes() {
    let cards = [
        sleeping("a", "/demo/article.json?case=sleep-a"),
        sleeping("b", "/demo/article.json?case=sleep-b"),
        sleeping("c", "/demo/article.json?case=sleep-c"),
    ];
    let path = page_with("sleeping", &cards, "/embed.js", true, "");
    let b = Browser::open(&path);
    settle(&b);
    // The loader, and not a byte more: no glue, no wasm, no article.
    assert_eq!(widget_requests(&b), json!(["/embed.js"]));
    assert_eq!(probe(&b, "ArticleWidget.diagnostics()"), Value::Null);
    for id in ["a", "b", "c"] {
        assert!(is_asleep(&b, id), "{id} woke on its own");
    }
    // Whole while asleep: the card, its share links.
    assert_eq!(
        b.text("b", "[part=headline]"),
        "Russia: Cuba's Diaz-Canel Heads to Moscow to Strengthen Ties"
    );
    assert!(b
        .attr("b", "[data-network=x]", "href")
        .unwrap()
        .starts_with("https://x.com/intent/tweet?url="));

    // A pointer over b wakes b alone.
    b.hover("b", "[part=headline]");
    wait_live(&b, "b");
    assert_eq!(probe(&b, "ArticleWidget.diagnostics().mounted"), json!(1));
    assert!(is_asleep(&b, "a") && is_asleep(&b, "c"));
    let requests = widget_requests(&b).to_string();
    assert!(requests.contains("case=sleep-b"), "{requests}");
    assert!(
        requests.contains(".wasm")
            && !requests.contains("case=sleep-a")
            && !requests.contains("case=sleep-c"),
        "{requests}"
    );

    // Focus wakes too, and stays where it was put.
    b.js("q('c', '[data-network=facebook]').focus();");
    wait_live(&b, "c");
    assert_eq!(
        probe(
            &b,
            "document.getElementById('c').shadowRoot.activeElement?.dataset.network ?? null"
        ),
        json!("facebook")
    );
    assert!(is_asleep(&b, "a"));
    assert_eq!(probe(&b, "ArticleWidget.diagnostics().mounted"), json!(2));
}

#[test]
#[ignore = "needs dist/ and the browsers: run `cargo xtask test`"]
fn the_first_click_on_copy_link_in_a_sleeping_card_copies_the_link() {
    let path = page_with(
        "sleeping-copy",
        &[slow("w")],
        "/embed.js",
        true,
        "<p><textarea id=\"paste\" aria-label=\"Paste here\"></textarea></p>\n",
    );
    let b = Browser::open(&path);
    settle(&b);
    b.click("w", "[data-network=copy]");
    // The click reached the pre-rendered card: the live one is seconds away.
    assert!(is_asleep(&b, "w"));
    wait_live(&b, "w");
    b.wait_value(
        "q('w', '.aw-share-status').textContent",
        json!("Link copied"),
    );
    // What the system clipboard holds, pasted as a reader would.
    b.js("document.getElementById('paste').focus();");
    b.session.chord(&[KEY_CONTROL, "v"]).unwrap();
    b.wait_value(
        "document.getElementById('paste').value",
        json!(
            "https://news.example/news/Russia-Cubas-Diaz-Canel-Heads-to-Moscow-to-Strengthen-Ties"
        ),
    );
}

#[test]
#[ignore = "needs dist/ and the browsers: run `cargo xtask test`"]
fn play_pressed_with_the_keyboard_on_a_sleeping_card_plays() {
    let path = page_with(
        "sleeping-play-key",
        &[
            slow("w"),
            sleeping("other", "/demo/article.json?case=sleep-other"),
        ],
        "/embed.js",
        true,
        "",
    );
    let b = Browser::open(&path);
    settle(&b);
    b.js("q('w', '.aw-play').focus();");
    b.session.press(KEY_ENTER).unwrap();
    assert!(is_asleep(&b, "w"));
    wait_live(&b, "w");
    wait_playing(&b, "w");
    assert_eq!(
        probe(&b, "q('w', '.aw-live').dataset.state"),
        json!("playing")
    );
    assert!(is_asleep(&b, "other"));
}

#[test]
#[ignore = "needs dist/ and the browsers: run `cargo xtask test`"]
fn a_click_on_play_with_no_hover_before_it_plays() {
    let path = page_with("sleeping-play-click", &[slow("w")], "/embed.js", true, "");
    let b = Browser::open(&path);
    settle(&b);
    // WebDriver moves the pointer onto the button and clicks in one go: no time to wake first.
    b.click("w", ".aw-play");
    assert!(is_asleep(&b, "w"));
    wait_live(&b, "w");
    wait_playing(&b, "w");
}

#[test]
#[ignore = "needs dist/ and the browsers: run `cargo xtask test`"]
fn load_idle_and_visible_wake_as_named_and_interaction_waits() {
    let far = "<p style=\"height: 4000px\">A long stretch of the host page.</p>\n";
    let cards = [
        Widget {
            hydrate: Some("load"),
            ..sleeping("load", "/demo/article.json?case=wake-load")
        },
        Widget {
            hydrate: Some("idle"),
            ..sleeping("idle", "/demo/article.json?case=wake-idle")
        },
        sleeping("interaction", "/demo/article.json?case=wake-interaction"),
        Widget {
            hydrate: Some("visible"),
            before: far,
            ..sleeping("visible", "/demo/article.json?case=wake-visible")
        },
    ];
    // No CSP: the spacer's inline style.
    let path = page_with("sleeping-modes", &cards, "/embed.js", false, "");
    let b = Browser::open(&path);
    wait_live(&b, "load");
    wait_live(&b, "idle");
    settle(&b);
    assert!(is_asleep(&b, "interaction"));
    assert!(is_asleep(&b, "visible"), "visible woke 4000 px away");
    let requests = widget_requests(&b).to_string();
    assert!(
        !requests.contains("case=wake-visible") && !requests.contains("case=wake-interaction"),
        "{requests}"
    );
    b.js("document.getElementById('visible').scrollIntoView();");
    wait_live(&b, "visible");
    assert!(is_asleep(&b, "interaction"));
    assert_eq!(probe(&b, "ArticleWidget.diagnostics().mounted"), json!(3));
}
