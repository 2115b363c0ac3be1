//! Publisher theming end to end: tokens and parts from the host page's CSS, theme switching
//! (attribute and the reader's preference), presets, widths from 280 to 1200 px, the
//! configurator's snippet in a blank page, and screenshots of each look.
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
use support::{origins, Browser};
use xtask::screenshots;
use xtask::webdriver::{Engine, Scheme};
use xtask::workspace_root;

fn style(b: &Browser, id: &str, selector: &str, property: &str) -> Value {
    b.js(&format!(
        "return getComputedStyle(q('{id}', '{selector}')).getPropertyValue('{property}');"
    ))
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn tokens_and_parts_from_the_host_page_restyle_the_card() {
    let b = Browser::open("/pages/theming.html");
    for id in ["plain", "tokens", "parts"] {
        b.wait_state(id, "loaded");
    }
    assert_eq!(
        style(&b, "tokens", "[part=label]", "color"),
        json!("rgb(0, 108, 79)")
    );
    assert_eq!(
        style(&b, "tokens", "[part=comments] a", "color"),
        json!("rgb(10, 20, 200)")
    );
    assert_eq!(
        style(&b, "tokens", ".aw-card", "background-color"),
        json!("rgb(250, 245, 230)")
    );
    assert!(style(&b, "tokens", "[part=headline]", "font-family")
        .as_str()
        .unwrap()
        .contains("Courier New"));
    assert_eq!(
        style(&b, "tokens", ".aw-card", "border-top-left-radius"),
        json!("3px")
    );
    assert_eq!(style(&b, "tokens", ".aw", "max-width"), json!("500px"));
    assert_eq!(
        style(&b, "tokens", "[part=headline]", "font-size"),
        json!("32px")
    );
    assert_eq!(
        style(&b, "tokens", ".aw-card", "padding-top"),
        json!("30px")
    );
    // The crop ratio: a square photo, covering its box.
    let square = b.js("const r = q('tokens', '[part=image]').getBoundingClientRect(); return [Math.round(r.width - r.height), getComputedStyle(q('tokens', '[part=image]')).objectFit];");
    assert_eq!(square, json!([0, "cover"]));
    let own = b.js("const r = q('plain', '[part=image]').getBoundingClientRect(); return Math.round(r.width * 675 / 1200 - r.height);");
    assert_eq!(
        own,
        json!(0),
        "without the token, the photo keeps its own ratio"
    );
    // The same properties on an unthemed widget keep their defaults.
    assert_eq!(
        style(&b, "plain", "[part=label]", "color"),
        json!("rgb(179, 16, 42)")
    );
    // Wider than 560 px: the roomier layout, 1.25 × 1.5 × 16 px.
    assert_eq!(
        style(&b, "plain", "[part=headline]", "font-size"),
        json!("30px")
    );

    assert_eq!(
        style(&b, "parts", "[part=headline]", "text-transform"),
        json!("uppercase")
    );
    assert_eq!(
        style(&b, "parts", "[part=card]", "border-top-width"),
        json!("4px")
    );
    assert_eq!(
        style(&b, "parts", "[part=share-button]", "background-color"),
        json!("rgb(255, 220, 0)")
    );
    assert_eq!(
        style(&b, "plain", "[part=headline]", "text-transform"),
        json!("none")
    );
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn the_theme_switches_live_without_a_reload() {
    let b = Browser::open("/pages/theming.html");
    b.wait_state("plain", "loaded");
    b.js("window.__card = q('plain', '.aw-card');");
    assert_eq!(
        style(&b, "plain", ".aw-card", "background-color"),
        json!("rgb(255, 255, 255)")
    );
    b.js("document.getElementById('plain').setAttribute('theme', 'dark');");
    b.wait_value(
        "getComputedStyle(q('plain', '.aw-card')).backgroundColor",
        json!("rgb(23, 24, 27)"),
    );
    assert_eq!(
        b.js("return window.__card === q('plain', '.aw-card');"),
        json!(true),
        "the card was not rebuilt"
    );
    b.js("document.getElementById('plain').theme = 'light';");
    b.wait_value(
        "getComputedStyle(q('plain', '.aw-card')).backgroundColor",
        json!("rgb(255, 255, 255)"),
    );
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn auto_follows_the_readers_dark_preference() {
    let b = Browser::open_with("/pages/theming.html", 1000, 900, Scheme::Dark);
    let session = &b.session;
    assert_eq!(
        session
            .execute(
                "return matchMedia('(prefers-color-scheme: dark)').matches;",
                json!([])
            )
            .unwrap(),
        json!(true)
    );
    let background = "(function() { const c = document.getElementById('plain').shadowRoot && document.getElementById('plain').shadowRoot.querySelector('.aw-card'); return c ? getComputedStyle(c).backgroundColor : null; })()";
    session
        .wait_for(background, Duration::from_secs(20), |v| {
            v == "rgb(23, 24, 27)"
        })
        .unwrap();
    // A forced theme beats the preference.
    session
        .execute(
            "document.getElementById('plain').setAttribute('theme', 'light');",
            json!([]),
        )
        .unwrap();
    session
        .wait_for(background, Duration::from_secs(5), |v| {
            v == "rgb(255, 255, 255)"
        })
        .unwrap();
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn each_preset_is_its_own_look_and_tokens_still_win() {
    let b = Browser::open("/pages/theming.html");
    for id in ["plain", "classic", "modern", "contrast", "override"] {
        b.wait_state(id, "loaded");
    }
    let look = |id: &str| {
        json!([
            style(&b, id, "[part=headline]", "font-family"),
            style(&b, id, "[part=label]", "color"),
            style(&b, id, ".aw-card", "border-top-left-radius"),
            style(&b, id, ".aw-card", "background-color"),
        ])
    };
    let looks: Vec<Value> = ["plain", "classic", "modern", "contrast"]
        .iter()
        .map(|id| look(id))
        .collect();
    for i in 0..looks.len() {
        for j in i + 1..looks.len() {
            assert_ne!(looks[i], looks[j], "two presets look the same");
        }
    }
    assert_eq!(
        style(&b, "contrast", "[part=lede]", "color"),
        json!("rgb(0, 0, 0)")
    );
    assert!(style(&b, "override", "[part=headline]", "font-family")
        .as_str()
        .unwrap()
        .starts_with("Verdana"));
    assert_eq!(
        style(&b, "override", ".aw-card", "border-top-left-radius"),
        json!("0px"),
        "the rest of the preset stays"
    );
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn the_card_fits_containers_from_280_to_1200_pixels() {
    let b = Browser::open("/pages/theming.html");
    b.session.set_window_size(1400, 900).unwrap();
    b.wait_state("sized", "loaded");
    for width in [280, 400, 800, 1200] {
        b.js(&format!(
            "document.getElementById('frame').style.width = '{width}px';"
        ));
        std::thread::sleep(Duration::from_millis(150));
        let overflow = b.js(
            "const frame = document.getElementById('frame').getBoundingClientRect();
             const wide = qa('sized', '*').filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > frame.right + 0.5; })
                 .map(el => el.localName + '.' + el.className);
             return { wide, card: q('sized', '.aw-card').getBoundingClientRect().width <= frame.width };",
        );
        assert_eq!(
            overflow,
            json!({ "wide": [], "card": true }),
            "at {width} px"
        );
    }
    // Wide containers get the roomier layout (container queries, not the viewport).
    b.js("document.getElementById('frame').style.width = '280px';");
    std::thread::sleep(Duration::from_millis(150));
    let narrow = style(&b, "sized", ".aw-card", "padding-top");
    b.js("document.getElementById('frame').style.width = '800px';");
    std::thread::sleep(Duration::from_millis(150));
    assert_ne!(style(&b, "sized", ".aw-card", "padding-top"), narrow);
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn the_configurator_snippet_works_pasted_into_a_blank_page() {
    let b = Browser::open("/configurator.html");
    support::wait_state_of(&b.session, "#preview", "loaded");
    // A publisher's choices.
    b.js("const set = (id, v) => { const f = document.getElementById(id); f.value = v; f.dispatchEvent(new Event('change', { bubbles: true })); };
          set('theme', 'dark'); set('preset', 'classic'); set('layout', 'full'); set('lang', 'es');
          document.getElementById('use-accent').checked = true; set('accent', '#006c4f');
          document.querySelectorAll('#networks input').forEach(i => i.checked = ['x', 'email'].includes(i.value));
          set('font-heading', 'Georgia, \"Times New Roman\", serif');");
    // The preview follows.
    let preview = b.js("const p = document.getElementById('preview'); return [p.getAttribute('theme'), p.getAttribute('theme-preset'), p.getAttribute('layout'), p.getAttribute('share'), p.style.getPropertyValue('--aw-color-accent')];");
    assert_eq!(
        preview,
        json!(["dark", "classic", "full", "x,email", "#006c4f"])
    );
    let snippet = b.js("return document.getElementById('snippet').textContent;");
    let snippet = snippet.as_str().unwrap();
    assert!(
        snippet.contains("theme=\"dark\"") && snippet.contains("--aw-color-accent: #006c4f;"),
        "{snippet}"
    );

    // Pasted into a blank page, it renders the configured widget.
    let scratch = workspace_root().join("target/scratch");
    std::fs::create_dir_all(&scratch).unwrap();
    std::fs::write(scratch.join("snippet.html"), format!("<!doctype html>\n<html><head><meta charset=\"utf-8\"></head><body>\n{snippet}\n</body></html>\n")).unwrap();
    b.session
        .goto(&format!("{}/scratch/snippet.html", origins().host.origin))
        .unwrap();
    support::wait_state_of(&b.session, "article-widget", "loaded");
    let result = b.js(
        "const root = document.querySelector('article-widget').shadowRoot;
         return [root.querySelector('.aw').dataset.theme, root.querySelector('.aw').dataset.preset, !!root.querySelector('[part=body]'),
                 root.querySelector('[part=date]').textContent, Array.from(root.querySelectorAll('[part=share-button]')).map(b => b.dataset.network),
                 getComputedStyle(root.querySelector('[part=label]')).color];",
    );
    assert_eq!(
        result,
        json!([
            "dark",
            "classic",
            true,
            "Publicado el 1 de noviembre de 2018",
            ["x", "email"],
            "rgb(0, 108, 79)"
        ])
    );
}

/// Each look against its reference in `tests/screenshots/` (docs/theming.md shows them), within a
/// tolerance for antialiasing. The references are Chromium renderings: in Firefox and WebKit,
/// whose fonts and antialiasing differ, the shots are saved for review but not compared.
/// `cargo xtask screenshots` refreshes the references after an intended change.
#[test]
#[ignore = "needs dist/ and the browsers: run `cargo xtask test`"]
fn each_look_matches_its_reference_screenshot() {
    let (width, height) = screenshots::WINDOW;
    let b = Browser::open_with("/pages/plain.html", width, height, Scheme::Light);
    let out = workspace_root()
        .join("target/screenshots")
        .join(b.engine().id());
    std::fs::create_dir_all(&out).unwrap();
    let shots =
        screenshots::capture(&b.session, &origins().host.origin, &origins().widget.origin).unwrap();
    assert_eq!(shots.len(), screenshots::LOOKS.len());
    let mut differences = Vec::new();
    for (name, png) in shots {
        let file = format!("look-{name}.png");
        std::fs::write(out.join(&file), &png).unwrap();
        if b.engine() != Engine::Chromium {
            continue;
        }
        let reference = std::fs::read(screenshots::references_dir().join(&file)).unwrap();
        match screenshots::differing_share(&reference, &png) {
            Ok(share) if share <= screenshots::PIXEL_SHARE_TOLERANCE => {}
            Ok(share) => {
                differences.push(format!("{file}: {:.2}% of pixels differ", share * 100.0))
            }
            Err(e) => differences.push(format!("{file}: {e}")),
        }
    }
    assert!(
        differences.is_empty(),
        "{}\nthis run's shots are in {}; if the change is intended, `cargo xtask screenshots` refreshes the references",
        differences.join("\n"),
        out.display()
    );
}

#[test]
fn the_shipped_stylesheet_is_the_source_without_comments_or_indentation() {
    let source = std::fs::read_to_string(workspace_root().join("style/widget.css")).unwrap();
    let shipped = article_widget::host::WIDGET_CSS;
    assert!(!shipped.contains("/*") && !shipped.contains("*/"));
    assert!(
        shipped.len() * 4 < source.len() * 3,
        "{} of {}",
        shipped.len(),
        source.len()
    );
    assert!(!shipped.lines().any(|l| l.is_empty() || l.starts_with(' ')));
    // Whitespace inside rules is untouched...
    assert!(shipped.contains("border: 1px solid var(--_border);"));
    // ...and apart from whitespace, it is the source with its comments cut out.
    let uncommented: String = source
        .split("/*")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                part.split_once("*/").unwrap().1
            }
        })
        .collect();
    let no_space = |s: &str| s.split_whitespace().collect::<String>();
    assert_eq!(no_space(shipped), no_space(&uncommented));
}

/// The palette for browsers without `light-dark()` (the `@supports not` block) must say what
/// the `light-dark()` pairs say: each pair's light value in the same rule, its dark value under
/// `theme="dark"` and under a dark preference, and nothing else.
#[test]
fn the_palette_without_light_dark_matches_the_light_dark_pairs() {
    const CONDITION: &str = "@supports not (color: light-dark(#000, #fff)) {";
    let source = std::fs::read_to_string(workspace_root().join("style/widget.css")).unwrap();
    let (main, rest) = source.split_once(CONDITION).unwrap();
    let fallback = rest.split("\n}\n").next().unwrap();
    // (selector, declaration) for each declaration, the selector being the rule's.
    let declarations = |css: &str| -> Vec<(String, String)> {
        let mut selector = String::new();
        let mut out = Vec::new();
        for line in css.lines().map(str::trim) {
            if let Some(open) = line.strip_suffix('{') {
                selector = open.trim().to_string();
            } else if line.starts_with("--") {
                out.push((selector.clone(), line.to_string()));
            }
        }
        out
    };
    let pick = |declaration: &str, dark: bool| -> String {
        let start = declaration.find("light-dark(").unwrap();
        let end = start + declaration[start..].find(')').unwrap();
        let (light, dark_value) = declaration[start + "light-dark(".len()..end]
            .split_once(',')
            .unwrap();
        let value = if dark { dark_value } else { light };
        format!(
            "{}{}{}",
            &declaration[..start],
            value.trim(),
            &declaration[end + 1..]
        )
    };
    let mut expected = Vec::new();
    for (selector, declaration) in declarations(main) {
        if !declaration.contains("light-dark(") {
            continue;
        }
        let rest = selector.strip_prefix(".aw").unwrap();
        expected.push((selector.clone(), pick(&declaration, false)));
        for dark in [
            ".aw[data-theme=\"dark\"]",
            ".aw:not([data-theme=\"light\"])",
        ] {
            expected.push((format!("{dark}{rest}"), pick(&declaration, true)));
        }
    }
    let mut actual = declarations(fallback);
    expected.sort();
    actual.sort();
    assert!(expected.len() >= 60, "{} pairs", expected.len());
    assert_eq!(actual, expected);
    assert!(!fallback.contains("light-dark("));
}

/// The `@supports not (light-dark)` palette, switched on in a browser that has `light-dark()`
/// (its rules adopted once more, unconditionally): every widget's colours stay what they were,
/// for each preset and for theme light, dark and auto, under a light and a dark preference.
#[test]
#[ignore = "needs dist/ and the browsers: run `cargo xtask test`"]
fn the_palette_without_light_dark_gives_the_same_colours() {
    const IDS: &str = "['plain', 'tokens', 'classic', 'modern', 'contrast', 'override']";
    let colours = |b: &Browser| -> Value {
        let mut out = serde_json::Map::new();
        for theme in ["light", "dark", "auto"] {
            b.js(&format!("for (const id of {IDS}) document.getElementById(id).setAttribute('theme', '{theme}');"));
            b.wait_value(
                &format!("{IDS}.every(id => q(id, '.aw').dataset.theme === '{theme}')"),
                json!(true),
            );
            let seen = b.js(&format!("const out = {{}};
                for (const id of {IDS}) {{
                    const pick = (s, p) => getComputedStyle(q(id, s))[p];
                    out[id] = [pick('.aw-card', 'backgroundColor'), pick('.aw-card', 'borderTopColor'),
                        pick('[part=headline]', 'color'), pick('[part=date]', 'color'), pick('[part=label]', 'color'),
                        pick('[part=share-button]', 'backgroundColor'), pick('[part=related] a', 'color')];
                }}
                return out;"));
            for (id, value) in seen.as_object().unwrap() {
                out.insert(format!("{theme} {id}"), value.clone());
            }
        }
        Value::Object(out)
    };
    const SWITCH_ON: &str = "for (const el of document.querySelectorAll('article-widget')) {
            const root = el.shadowRoot; if (!root) continue;
            const sheet = root.adoptedStyleSheets[0];
            const rule = Array.from(sheet.cssRules).find(r => r.conditionText && r.conditionText.includes('light-dark'));
            const fallback = new CSSStyleSheet();
            fallback.replaceSync(Array.from(rule.cssRules).map(r => r.cssText).join('\\n'));
            root.adoptedStyleSheets = [...root.adoptedStyleSheets, fallback];
        }";
    for scheme in [Scheme::Light, Scheme::Dark] {
        let b = Browser::open_with("/pages/theming.html", 1000, 900, scheme);
        for id in [
            "plain", "tokens", "classic", "modern", "contrast", "override",
        ] {
            b.wait_state(id, "loaded");
        }
        b.js("for (const el of document.querySelectorAll('article-widget')) el.setAttribute('layout', 'full');");
        b.wait_value(
            "qa('plain', '[part=related] a').length > 0 && qa('contrast', '[part=related] a').length > 0",
            json!(true),
        );
        let with_light_dark = colours(&b);
        b.js(SWITCH_ON);
        let without = colours(&b);
        assert_eq!(without, with_light_dark, "{scheme:?}");
        // Not vacuous: the schemes differ.
        assert_ne!(
            with_light_dark["light plain"], with_light_dark["dark plain"],
            "{scheme:?}"
        );
    }
}
