//! Accessibility, end to end: axe-core (WCAG 2.0-2.2 A and AA rules) inside the shadow root in
//! every state and both schemes, a keyboard-only pass through the full layout, and the
//! Spanish and Arabic (right-to-left) articles.
//!
//! `#[ignore]`d in a plain `cargo test`; `cargo xtask test` installs axe-core and runs them.
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
use support::Browser;
use xtask::webdriver::{KEY_ENTER, KEY_SPACE, KEY_TAB};

/// Runs axe on one widget element (its shadow tree included) and returns the violations.
fn axe(b: &Browser, id: &str) -> Vec<String> {
    let source = std::fs::read_to_string(xtask::tools::axe_script())
        .expect("axe-core is missing: run `cargo xtask test`");
    let script = format!(
        "{source}
         const done = arguments[arguments.length - 1];
         axe.run({{ include: [['#{id}']] }}, {{ runOnly: {{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] }} }})
            .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => JSON.stringify(n.target) + ' ' + n.failureSummary).join(' | '))))
            .catch(e => done(['axe failed: ' + e]));"
    );
    let result = b.session.execute_async(&script, json!([])).unwrap();
    result
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
#[ignore = "needs dist/, Chromium and axe-core: run `cargo xtask test`"]
fn no_axe_violation_in_any_state_or_scheme() {
    let b = Browser::open("/pages/a11y.html");
    // The loading state first, while the endpoint hangs.
    b.wait_state("loading", "loading");
    let mut report = vec![];
    report.extend(axe(&b, "loading"));
    for (id, state) in [
        ("card-light", "loaded"),
        ("full-light", "loaded"),
        ("card-dark", "loaded"),
        ("full-dark", "loaded"),
        ("error-light", "error"),
        ("error-dark", "error"),
        ("es", "loaded"),
        ("ar", "loaded"),
    ] {
        b.wait_state(id, state);
        report.extend(axe(&b, id).into_iter().map(|v| format!("#{id}: {v}")));
    }
    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));
}

#[test]
#[ignore = "needs dist/, Chromium and axe-core: run `cargo xtask test`"]
fn the_mastodon_form_and_the_copy_field_pass_axe() {
    let b = Browser::open("/pages/share.html");
    b.wait_state("w", "loaded");
    b.click("w", "[data-network=mastodon]");
    b.wait_value("!!q('w', '[part=mastodon-form]')", json!(true));
    let mut report = axe(&b, "w");
    // Invalid: the field is marked and the message is announced.
    b.click("w", "[part=mastodon-form] button[type=submit]");
    b.wait_value(
        "q('w', '.aw-mastodon-error').textContent.length > 0",
        json!(true),
    );
    report.extend(axe(&b, "w"));
    b.js("navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));");
    b.click("w", "[data-network=copy]");
    b.wait_value("!!q('w', '[part=share-field] input')", json!(true));
    report.extend(axe(&b, "w"));
    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));
}

#[test]
#[ignore = "needs dist/, Chromium and axe-core: run `cargo xtask test`"]
fn axe_finds_a_planted_violation_inside_the_shadow_root() {
    // The check above is only worth something if axe sees into the shadow root.
    let b = Browser::open("/pages/a11y.html");
    b.wait_state("card-light", "loaded");
    b.js("q('card-light', '[part=image]').removeAttribute('alt');");
    let violations = axe(&b, "card-light");
    assert!(
        violations.iter().any(|v| v.starts_with("image-alt")),
        "{violations:?}"
    );
}

/// What has focus, described: the host element's id and, inside its shadow root, the focused
/// element's tag and text or network.
const FOCUSED: &str = "(function() {
    const host = document.activeElement;
    if (!host || !host.shadowRoot) return host ? '#' + host.id : null;
    const el = host.shadowRoot.activeElement;
    if (!el) return '#' + host.id;
    // Tab also walks through a <video>'s own controls, which the browser draws focus for.
    if (el === window.__lastFocused) return 'same';
    window.__lastFocused = el;
    const cs = getComputedStyle(el);
    const label = el.dataset.network || el.dataset.mode || el.textContent.trim().slice(0, 24);
    return el.localName + ':' + label + (cs.outlineStyle === 'none' ? ' [NO FOCUS RING]' : '');
})()";

#[test]
#[ignore = "needs dist/, Chromium and axe-core: run `cargo xtask test`"]
fn the_keyboard_reaches_and_operates_every_control_in_order() {
    let b = Browser::open("/pages/keyboard.html");
    b.wait_state("w", "loaded");
    b.js("document.getElementById('before').focus();");
    let mut visited = vec![];
    for _ in 0..30 {
        b.session.press(KEY_TAB).unwrap();
        let focused = b
            .session
            .execute(&format!("return {FOCUSED};"), json!([]))
            .unwrap();
        let focused = focused.as_str().unwrap_or("").to_string();
        if focused == "#after" {
            break;
        }
        if focused != "same" {
            visited.push(focused);
        }
    }
    assert_eq!(
        visited,
        [
            "a:News",
            "a:Latin America",
            "a:Russia: Cuba's Diaz-Cane",
            "a:Salvadoran President: En",
            "a:x",
            "a:facebook",
            "a:email",
            "button:video",
            "button:audio",
            "button:Play Live",
            "a:0 Comments",
        ],
        "tab order (an entry marked [NO FOCUS RING] has no visible focus)"
    );

    // Operate the Live / Audio only switch from the keyboard.
    b.js("q('w', 'button[data-mode=audio]').focus();");
    b.session.press(KEY_ENTER).unwrap();
    b.session
        .wait_for("document.getElementById('w').shadowRoot.querySelector('button[data-mode=audio]').getAttribute('aria-pressed')", Duration::from_secs(5), |v| v == "true")
        .unwrap();
    b.js("q('w', 'button[data-mode=video]').focus();");
    b.session.press(KEY_SPACE).unwrap();
    b.session
        .wait_for("document.getElementById('w').shadowRoot.querySelector('button[data-mode=video]').getAttribute('aria-pressed')", Duration::from_secs(5), |v| v == "true")
        .unwrap();
    let modes = b.js("return window.__events.filter(e => e.type === 'article-widget:mediachange').map(e => e.detail.mode);");
    assert_eq!(modes, json!(["audio", "video"]));

    // Enter on the play button puts the video player in and moves the focus onto it.
    b.js("q('w', '.aw-play').focus();");
    b.session.press(KEY_ENTER).unwrap();
    b.wait_value(
        "document.getElementById('w').shadowRoot.activeElement?.localName ?? null",
        json!("video"),
    );
}

#[test]
#[ignore = "needs dist/, Chromium and axe-core: run `cargo xtask test`"]
fn spanish_strings_and_dates() {
    let b = Browser::open("/pages/a11y.html");
    b.wait_state("es", "loaded");
    assert_eq!(b.attr("es", ".aw", "lang").as_deref(), Some("es"));
    assert_eq!(
        b.text("es", "[part=date]"),
        "Publicado el 1 de noviembre de 2018"
    );
    assert_eq!(
        b.text("es", "[part=related]"),
        "RELACIONADO: Presidente salvadoreño: fin al bloqueo de EE. UU. contra Cuba"
    );
    assert_eq!(b.text("es", "[part=comments] a"), "1 comentario");
    assert_eq!(
        b.attr("es", "[data-network=x]", "aria-label").as_deref(),
        Some("Compartir en X")
    );
    assert_eq!(
        b.attr("es", "nav", "aria-label").as_deref(),
        Some("Ruta de navegación")
    );
}

#[test]
#[ignore = "needs dist/, Chromium and axe-core: run `cargo xtask test`"]
fn an_arabic_article_lays_out_right_to_left() {
    let b = Browser::open("/pages/a11y.html");
    b.wait_state("ar", "loaded");
    assert_eq!(b.attr("ar", ".aw", "dir").as_deref(), Some("rtl"));
    assert_eq!(b.attr("ar", ".aw", "lang").as_deref(), Some("ar"));
    let layout: Value = b.js(
        "const related = getComputedStyle(q('ar', '[part=related]'));
         const crumbs = qa('ar', '[part=breadcrumb] li').map(li => li.getBoundingClientRect().left);
         const card = q('ar', '.aw-card').getBoundingClientRect();
         const headline = q('ar', '[part=headline] a').getBoundingClientRect();
         return { direction: getComputedStyle(q('ar', '.aw')).direction, borderRight: related.borderRightWidth, borderLeft: related.borderLeftWidth,
                  firstCrumbIsRightmost: crumbs[0] > crumbs[1], headlineHugsTheRight: card.right - headline.right < 40 };",
    );
    assert_eq!(
        layout,
        json!({ "direction": "rtl", "borderRight": "3px", "borderLeft": "0px", "firstCrumbIsRightmost": true, "headlineHugsTheRight": true })
    );
    // No strings for Arabic: English words, Arabic dates.
    let date = b.text("ar", "[part=date]");
    assert!(
        date.starts_with("Published ") && date.contains("نوفمبر"),
        "{date}"
    );
}

#[test]
#[ignore = "needs dist/, Chromium and axe-core: run `cargo xtask test`"]
fn the_card_reflows_at_320_css_pixels_without_horizontal_scrolling() {
    // WCAG 1.4.10: 1280 px at 400 % zoom is a 320 px viewport.
    let b = Browser::open("/pages/keyboard.html");
    b.session.set_window_size(320, 800).unwrap();
    b.wait_state("w", "loaded");
    let width = b.js("return window.innerWidth;").as_u64().unwrap();
    assert!(width <= 500, "the window did not shrink: {width}");
    let overflow = b.js(
        "const card = q('w', '.aw-card');
         const wide = qa('w', '*').filter(el => el.getBoundingClientRect().right > card.getBoundingClientRect().right + 1).map(el => el.localName + '.' + el.className);
         return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, card: card.scrollWidth - card.clientWidth, wide };",
    );
    assert_eq!(
        overflow,
        json!({ "page": 0, "card": 0, "wide": [] }),
        "at {width} px"
    );
}
