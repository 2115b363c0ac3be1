//! End to end, in headless Chromium over WebDriver: a host page served from one origin embeds
//! the release bundle (`dist/`) served from another, under the strict CSP of the embed spec.
//!
//! These need the built bundle and Chromium, so they are `#[ignore]`d in a plain `cargo test`;
//! `cargo xtask test` builds `dist/` and runs them with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use serde_json::json;
use std::time::Duration;
use support::{origins, Browser};
use xtask::webdriver::Scheme;
use xtask::{dist_dir, workspace_root};

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn the_card_renders_the_seed_inside_a_shadow_root() {
    let b = Browser::open("/pages/card.html");
    b.wait_state("card", "loaded");
    let crumbs =
        b.js("return qa('card', '[part=breadcrumb] a').map(a => [a.textContent, a.href]);");
    assert_eq!(
        crumbs,
        json!([
            ["News", "https://news.example/news"],
            ["Latin America", "https://news.example/news/latin-america"]
        ])
    );
    assert_eq!(b.text("card", "[part=label]"), "Opinion");
    assert_eq!(
        b.text("card", "[part=headline]"),
        "Russia: Cuba's Diaz-Canel Heads to Moscow to Strengthen Ties"
    );
    assert_eq!(
        b.attr("card", "[part=headline] a", "href").as_deref(),
        Some(
            "https://news.example/news/Russia-Cubas-Diaz-Canel-Heads-to-Moscow-to-Strengthen-Ties"
        )
    );
    assert_eq!(
        b.text("card", "[part=caption]"),
        "Cuban President Miguel Diaz-Canel | Photo: Reuters FILE"
    );
    assert_eq!(b.text("card", "[part=date]"), "Published November 1, 2018");
    assert!(b
        .text("card", "[part=lede]")
        .starts_with("Diaz-Canel is embarking on the international trip"));
    assert_eq!(
        b.attr("card", "[part=body]", "class"),
        None,
        "the card layout has no body"
    );
    // The photo loaded from the widget origin, relative to the JSON's URL.
    let photo = b.session.wait_for(
        "document.getElementById('card').shadowRoot.querySelector('[part=image]').naturalWidth",
        Duration::from_secs(10),
        |v| v.as_u64().unwrap_or(0) > 0,
    );
    assert_eq!(photo.unwrap(), json!(1200));

    // Share links, encoded.
    assert_eq!(
        b.attr("card", "[data-network=x]", "href").as_deref(),
        Some("https://x.com/intent/tweet?url=https%3A%2F%2Fnews.example%2Fnews%2FRussia-Cubas-Diaz-Canel-Heads-to-Moscow-to-Strengthen-Ties&text=Russia%3A%20Cuba%27s%20Diaz-Canel%20Heads%20to%20Moscow%20to%20Strengthen%20Ties")
    );
    assert_eq!(
        b.attr("card", "[data-network=facebook]", "href").as_deref(),
        Some("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fnews%2FRussia-Cubas-Diaz-Canel-Heads-to-Moscow-to-Strengthen-Ties")
    );

    // Comments.
    assert_eq!(b.text("card", "[part=comments] a"), "0 Comments");
    assert_eq!(
        b.text("card", ".aw-comments-empty"),
        "Post with no comments."
    );
    assert_eq!(
        b.attr("card", "[part=comments] a", "href").as_deref(),
        Some("https://news.example/news/Russia-Cubas-Diaz-Canel-Heads-to-Moscow-to-Strengthen-Ties#comments")
    );
    // Once the card renders, the fallback is no longer shown (and still in the light DOM).
    assert!(!b.fallback_visible("card"));
    assert_eq!(
        b.js("return document.querySelector('#card .fallback') !== null;"),
        json!(true)
    );
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn the_data_form_with_the_full_layout_and_a_share_list() {
    let b = Browser::open("/pages/card.html");
    b.wait_state("full", "loaded");
    let paragraphs = b.js("return qa('full', '[part=body] > p:not([part=related])').length;");
    assert_eq!(paragraphs, json!(7));
    assert_eq!(
        b.text("full", "[part=related]"),
        "RELATED: Salvadoran President: End U.S. Blockade on Cuba"
    );
    assert_eq!(
        b.attr("full", "[part=related] a", "href").as_deref(),
        Some("https://news.example/news/Salvadoran-President-End-US-Blockade-on-Cuba")
    );
    // data-share="x,facebook,googleplus,myspace": Google+ and the unknown id are skipped.
    let networks = b.js("return qa('full', '[part=share-button]').map(b => b.dataset.network);");
    assert_eq!(networks, json!(["x", "facebook"]));
    let warnings = b.session.console().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("googleplus") && w.contains("Google+ closed in April 2019")),
        "{warnings:?}"
    );
    assert_eq!(b.attr("full", ".aw", "lang").as_deref(), Some("en"));
    assert_eq!(b.attr("full", ".aw", "dir").as_deref(), Some("ltr"));
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn two_widgets_of_one_article_make_one_request() {
    let b = Browser::open("/pages/card.html");
    b.wait_state("card", "loaded");
    b.wait_state("full", "loaded");
    // Other tests open the same page in parallel; each page load is one request at most.
    let page_loads = origins().host.count("/pages/card.html");
    let fetches = origins()
        .widget
        .count("/demo/article.json?case=two-widgets");
    assert!(
        fetches >= 1 && fetches <= page_loads,
        "{fetches} article requests for {page_loads} page loads"
    );
    // Exactly one wasm instance and two mounted widgets on this page.
    assert_eq!(b.js("return performance.getEntriesByType('resource').filter(e => e.name.includes('case=two-widgets')).length;"), json!(1));
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn article_requests_start_while_the_wasm_downloads_and_the_widget_takes_them_over() {
    let b = Browser::open("/pages/early.html");
    b.wait_state("ok", "loaded");
    b.wait_state("include", "loaded");
    b.wait_state("gone", "error");
    // The page loads the bundle from a slow CDN (the wasm takes half a second): the loader
    // asked for the JSON alongside the wasm, so it had arrived before the wasm did, and the
    // widget used that response instead of asking again.
    let timings = b.js("const all = performance.getEntriesByType('resource');
         const wasm = all.find(e => e.name.endsWith('.wasm'));
         return ['case=early', 'case=early-include'].map(c => {
             const own = all.filter(e => e.name.endsWith('article.json?' + c));
             return [c, own.length, own.length > 0 && own[0].responseEnd < wasm.responseEnd];
         });");
    assert_eq!(
        timings,
        json!([["case=early", 1, true], ["case=early-include", 1, true]])
    );
    assert_eq!(origins().widget.count("/__test/status/404?case=early"), 1);
    // A backslash in the query is data: the widget asks for the same URL the loader fetched
    // early, so the article is requested once.
    b.wait_state("slash", "loaded");
    let slash = origins()
        .widget
        .requests()
        .into_iter()
        .filter(|t| t.contains("case=early-slash"))
        .collect::<Vec<_>>();
    assert_eq!(
        slash,
        ["/demo/article.json?case=early-slash&sig=a%2Fb&p=a\\b"]
    );
    // An early response still goes through every check: the 404 is the widget's error state,
    // with the publisher's fallback.
    assert!(b.text("gone", "[part=error]").contains("404"));
    assert_eq!(
        b.js("return document.querySelector('#gone a').textContent;"),
        json!("Fallback")
    );
    // A lazy widget far below the fold is not fetched early either.
    assert_eq!(
        origins().widget.count("/demo/article.json?case=early-far"),
        0
    );
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn a_signed_url_reaches_the_server_byte_for_byte() {
    let b = Browser::open("/pages/card.html");
    b.wait_state("card", "loaded");
    // Added after the page loaded, so the loader did not request it early: this request is
    // the widget's own, through gloo-net's Request. Repeated, empty and encoded parameters,
    // in an order a signature depends on.
    let query = "case=signed&sig=a%2Fb%3D%3D&x=2&x=1&empty=&plus=a+b";
    b.js(&format!(
        "const w = document.createElement('article-widget');
         w.id = 'signed';
         w.setAttribute('loading', 'eager');
         w.setAttribute('src', document.getElementById('card').getAttribute('src').split('?')[0] + '?{query}');
         document.body.append(w);"
    ));
    b.wait_state("signed", "loaded");
    assert_eq!(
        origins()
            .widget
            .count(&format!("/demo/article.json?{query}")),
        1,
        "{:?}",
        origins().widget.requests()
    );
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn the_live_toggle_switches_between_video_and_audio() {
    let b = Browser::open("/pages/card.html");
    b.wait_state("card", "loaded");
    assert_eq!(
        b.attr("card", "button[data-mode=video]", "aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        b.attr("card", "button[data-mode=audio]", "aria-pressed")
            .as_deref(),
        Some("false")
    );
    // No media element (nor a byte of the stream) before the reader presses play: a button
    // of the player's size stands in.
    assert_eq!(
        b.js("return [q('card', 'video'), q('card', 'audio')];"),
        json!([null, null])
    );
    assert_eq!(
        b.attr("card", "[part=player]", "data-kind").as_deref(),
        Some("video")
    );
    assert_eq!(origins().widget.count("/demo/media/live.webm"), 0);
    assert_eq!(origins().widget.count("/demo/media/hls/live.m3u8"), 0);

    b.js("q('card', 'button[data-mode=audio]').click();");
    b.session
        .wait_for(
            "document.getElementById('card').shadowRoot.querySelector('button[data-mode=audio]').getAttribute('aria-pressed')",
            Duration::from_secs(5),
            |v| v == "true",
        )
        .unwrap();
    assert_eq!(
        b.attr("card", "button[data-mode=video]", "aria-pressed")
            .as_deref(),
        Some("false")
    );
    assert_eq!(
        b.attr("card", "[part=player]", "data-kind").as_deref(),
        Some("audio")
    );
    let change =
        b.js("return window.__events.filter(e => e.type === 'article-widget:mediachange');");
    assert_eq!(
        change,
        json!([{ "type": "article-widget:mediachange", "target": "card", "detail": { "mode": "audio", "playing": false }, "bubbles": true, "composed": true }])
    );

    // Pressing play puts the players in, starts the chosen one and gives it the focus.
    b.click("card", ".aw-play");
    b.wait_value(
        "!!q('card', 'audio') && !q('card', 'audio').paused",
        json!(true),
    );
    assert_eq!(b.js("return q('card', 'video').hidden;"), json!(true));
    assert_eq!(b.js("return q('card', 'audio').hidden;"), json!(false));
    assert_eq!(b.attr("card", "audio", "preload").as_deref(), Some("none"));
    assert_eq!(
        b.js("return document.getElementById('card').shadowRoot.activeElement.localName;"),
        json!("audio")
    );
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn styles_apply_under_the_strict_csp_with_no_violation() {
    let b = Browser::open("/pages/card.html");
    b.wait_state("card", "loaded");
    let font = b.js("return getComputedStyle(q('card', '[part=headline]')).fontFamily;");
    assert!(font.as_str().unwrap().contains("Georgia"), "{font}");
    assert_eq!(
        b.js("return getComputedStyle(q('card', '.aw-card')).borderTopLeftRadius;"),
        json!("8px")
    );
    assert_eq!(
        b.js("return q('card', '.aw').getRootNode().adoptedStyleSheets.length;"),
        json!(1)
    );
    // No <style> or inline style anywhere the widget wrote (a strict CSP would block either
    // in pre-rendered markup).
    assert_eq!(b.js("return document.querySelectorAll('style, [style]').length + qa('card', 'style, [style]').length;"), json!(0));
    assert_eq!(b.js("return window.__csp;"), json!([]));
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn errors_name_the_problem_and_keep_the_fallback() {
    let b = Browser::open("/pages/errors.html");
    let cases = [
        ("missing", "The server answered HTTP 404."),
        ("not-json", "The response is not JSON"),
        ("no-headline", "headline is missing."),
        (
            "version-2",
            "Unsupported version 2: this widget reads version 1 of the article format.",
        ),
        (
            "unreachable",
            "Network error: the server could not be reached.",
        ),
    ];
    for (id, message) in cases {
        b.wait_state(id, "error");
        let detail = b.text(id, ".aw-error-detail");
        assert!(detail.starts_with(message), "{id}: {detail}");
        assert_eq!(b.text(id, "[part=retry]"), "Retry");
        assert!(
            b.fallback_visible(id),
            "{id}: the fallback must stay visible"
        );
    }
    // One failing endpoint affects only its own widget.
    b.wait_state("healthy", "loaded");
    // An endpoint that never answers times out after 10 s.
    b.wait_state("hanging", "error");
    assert_eq!(
        b.text("hanging", ".aw-error-detail"),
        "Timeout: no answer after 10 s."
    );
    assert!(b.fallback_visible("hanging"));
    let errors = b.js("return window.__events.filter(e => e.type === 'article-widget:error').map(e => e.target).sort();");
    assert_eq!(
        errors,
        json!([
            "hanging",
            "missing",
            "no-headline",
            "not-json",
            "unreachable",
            "version-2"
        ])
    );
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn retry_loads_the_article_after_a_failure() {
    let b = Browser::open("/pages/retry.html");
    b.wait_state("flaky", "error");
    assert_eq!(
        b.text("flaky", ".aw-error-detail"),
        "The server answered HTTP 503."
    );
    b.js("q('flaky', '[part=retry]').click();");
    b.wait_state("flaky", "loaded");
    assert_eq!(b.text("flaky", "[part=label]"), "Opinion");
    assert!(!b.fallback_visible("flaky"));
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn events_bubble_out_of_the_shadow_root() {
    let b = Browser::open("/pages/card.html");
    b.wait_state("card", "loaded");
    b.wait_state("full", "loaded");
    let loads = b.js("return window.__events.filter(e => e.type === 'article-widget:load').map(e => [e.target, e.detail.id, e.detail.url, e.bubbles, e.composed]).sort();");
    let url =
        "https://news.example/news/Russia-Cubas-Diaz-Canel-Heads-to-Moscow-to-Strengthen-Ties";
    assert_eq!(
        loads,
        json!([
            ["card", "cuba-diaz-canel-moscow-2018-11-01", url, true, true],
            ["full", "cuba-diaz-canel-moscow-2018-11-01", url, true, true]
        ])
    );
    // A share click reports the network (the link itself is neutralised so no window opens).
    b.js("const a = q('card', '[data-network=facebook]'); a.removeAttribute('href'); a.click();");
    let share = b.js("return window.__events.filter(e => e.type === 'article-widget:share').map(e => e.detail.network);");
    assert_eq!(share, json!(["facebook"]));
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn a_lazy_widget_fetches_only_near_the_viewport() {
    let b = Browser::open("/pages/lazy.html");
    b.session
        .wait_for("!!customElements.get('article-widget') && !!document.getElementById('below').shadowRoot", Duration::from_secs(20), |v| v == true)
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    assert_eq!(
        b.attr("below", ".aw", "data-state").as_deref(),
        Some("waiting")
    );
    assert_eq!(
        origins().widget.count("/demo/article.json?case=lazy"),
        0,
        "nothing is fetched far below the fold"
    );
    b.js("window.scrollTo(0, document.body.scrollHeight);");
    b.wait_state("below", "loaded");
    assert!(origins().widget.count("/demo/article.json?case=lazy") >= 1);
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn the_demo_page_renders_both_embeds() {
    let b = Browser::open_with("/", 1200, 2000, Scheme::Light);
    let session = &b.session;
    let states = "Array.from(document.querySelectorAll('article-widget, [data-article-widget]')).map(e => e.shadowRoot && e.shadowRoot.querySelector('.aw') && e.shadowRoot.querySelector('.aw').dataset.state)";
    session
        .wait_for(states, Duration::from_secs(20), |v| {
            v == &json!(["loaded", "loaded"])
        })
        .unwrap();
    session
        .wait_for(
            "document.querySelector('article-widget').shadowRoot.querySelector('[part=image]').complete",
            Duration::from_secs(10),
            |v| v == true,
        )
        .unwrap();
    let png = session.screenshot().unwrap();
    assert_eq!(&png[1..4], b"PNG");
    let out = workspace_root().join("target/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("demo.png"), png).unwrap();
    // The demo page runs under the strict CSP; the recorder keeps any violation.
    let console = session.console().unwrap();
    assert!(
        !console
            .iter()
            .any(|m| m.contains("Content Security Policy")),
        "{console:?}"
    );
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn the_built_javascript_has_no_eval() {
    for entry in std::fs::read_dir(dist_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "js") {
            let text = std::fs::read_to_string(&path).unwrap();
            for forbidden in ["eval(", "new Function("] {
                assert!(
                    !text.contains(forbidden),
                    "{} contains {forbidden}",
                    path.display()
                );
            }
        }
    }
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn the_photo_reserves_its_box_before_its_bytes_arrive() {
    let b = Browser::open("/pages/slow-image.html");
    b.wait_state("w", "loaded");
    let photo = b.js(
        "const img = q('w', '[part=image]'); const r = img.getBoundingClientRect();
         return [img.complete, r.width > 300, Math.round(r.width * 675 / 1200 - r.height)];",
    );
    // Still loading, yet already as tall as the 1200 x 675 photo will be: nothing moves later.
    assert_eq!(photo, json!([false, true, 0]));
}

#[test]
#[ignore = "needs dist/: run `cargo xtask test`"]
fn the_shipped_loader_and_glue_are_minified() {
    let source = std::fs::read_to_string(workspace_root().join("js/embed.js")).unwrap();
    let loader = std::fs::read_to_string(dist_dir().join("embed.js")).unwrap();
    assert!(
        loader.len() < source.len() * 3 / 4,
        "{} of {}",
        loader.len(),
        source.len()
    );
    // The license header stays, with the release; the bundle's names are filled in.
    let banner = format!(
        "/*! article-widget {} loader | MIT",
        env!("CARGO_PKG_VERSION")
    );
    assert!(loader.starts_with(&banner), "{loader:.80}");
    assert!(!loader.contains("__ARTICLE_WIDGET_"));

    let glue_name = std::fs::read_dir(dist_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("article-widget-") && n.ends_with(".js") && !n.contains("-hls-"))
        .unwrap();
    let glue = std::fs::read_to_string(dist_dir().join(&glue_name)).unwrap();
    // No wasm-bindgen import keeps its long hashed name (`__wbg_append_0123456789abcdef`).
    let hashed = glue
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .find(|word| {
            word.starts_with("__wbg")
                && word.rsplit('_').next().is_some_and(|tail| {
                    tail.len() == 16 && tail.bytes().all(|b| b.is_ascii_hexdigit())
                })
        });
    assert_eq!(hashed, None);
    assert!(!glue.contains("\n    "), "the glue keeps its indentation");
    // Whether they still work: every end-to-end test loads these shipped copies.
}

#[test]
fn byte_ranges_are_read_as_rfc_9110_says() {
    use xtask::http::{byte_range, Ranged};
    assert_eq!(byte_range(None, 10), Ranged::Whole);
    assert_eq!(byte_range(Some("bytes=0-"), 10), Ranged::Part(0..10));
    assert_eq!(byte_range(Some("bytes=2-4"), 10), Ranged::Part(2..5));
    assert_eq!(byte_range(Some("bytes=2-400"), 10), Ranged::Part(2..10));
    assert_eq!(byte_range(Some("bytes=-3"), 10), Ranged::Part(7..10));
    assert_eq!(byte_range(Some("bytes=-30"), 10), Ranged::Part(0..10));
    assert_eq!(byte_range(Some("bytes=10-"), 10), Ranged::Unsatisfiable);
    assert_eq!(byte_range(Some("bytes=-0"), 10), Ranged::Unsatisfiable);
    // Several ranges, other units and nonsense get the whole body, as servers may answer.
    assert_eq!(byte_range(Some("bytes=0-1,4-5"), 10), Ranged::Whole);
    assert_eq!(byte_range(Some("items=0-1"), 10), Ranged::Whole);
    assert_eq!(byte_range(Some("bytes=5-2"), 10), Ranged::Whole);
}

/// Issue "every reader's browser": the media is served as a CDN serves it, byte ranges
/// included (Safari asks for them before it plays).
#[test]
#[ignore = "needs dist/: run `cargo xtask test`"]
fn media_is_served_with_byte_ranges() {
    // The audio file: another test counts requests for the video.
    use std::io::{Read, Write};
    let origin = &origins().widget.origin;
    let address = origin.trim_start_matches("http://");
    let get = |range: &str| {
        let mut stream = std::net::TcpStream::connect(address).unwrap();
        write!(
            stream,
            "GET /demo/media/live-audio.ogg HTTP/1.1\r\nHost: {address}\r\n{range}Connection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
        (head, response.len() - split - 4)
    };
    let size = std::fs::metadata(workspace_root().join("docs/demo/media/live-audio.ogg"))
        .unwrap()
        .len() as usize;
    let (head, length) = get("Range: bytes=0-99\r\n");
    assert!(head.starts_with("http/1.1 206"), "{head}");
    assert!(
        head.contains(&format!("content-range: bytes 0-99/{size}")),
        "{head}"
    );
    assert!(head.contains("accept-ranges: bytes"), "{head}");
    assert_eq!(length, 100);
    let (head, length) = get("");
    assert!(
        head.starts_with("http/1.1 200") && head.contains("accept-ranges: bytes"),
        "{head}"
    );
    assert_eq!(length, size);
    let (head, _) = get(&format!("Range: bytes={size}-\r\n"));
    assert!(head.starts_with("http/1.1 416"), "{head}");
}
