//! End to end, the embed contract (`shared/spec/embed-api.md`) on pages its authors never see:
//! script placement, attribute changes, fallback and unmount, hostile host CSS, single-page
//! apps, the pre-load queue, memory over many insert/remove cycles, and 100 widgets.
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
use xtask::webdriver::Engine;

fn wasm_fetches(b: &Browser) -> Value {
    b.js("return performance.getEntriesByType('resource').filter(e => e.name.endsWith('_bg.wasm')).length;")
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn a_deferred_script_in_head_before_the_element() {
    let b = Browser::open("/pages/script-defer.html");
    b.wait_state("w", "loaded");
    assert_eq!(wasm_fetches(&b), json!(1));
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn a_plain_script_after_the_element_in_the_data_form() {
    let b = Browser::open("/pages/script-end.html");
    b.wait_state("w", "loaded");
    assert_eq!(b.text("w", "[part=label]"), "Opinion");
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn the_script_included_twice_is_harmless() {
    let b = Browser::open("/pages/script-twice.html");
    b.wait_state("w", "loaded");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(wasm_fetches(&b), json!(1), "one wasm instance");
    assert_eq!(
        b.js("return qa('w', '.aw').length;"),
        json!(1),
        "mounted once"
    );
    assert_eq!(
        b.js("return ArticleWidget.diagnostics().mounted;"),
        json!(1)
    );
    // One release everywhere: the loader, the wasm and Cargo.toml say the same version.
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(b.js("return ArticleWidget.release;"), json!(version));
    assert_eq!(
        b.js("return ArticleWidget.diagnostics().version;"),
        json!(version)
    );
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn attribute_changes_update_a_live_widget() {
    let b = Browser::open("/pages/card.html");
    b.wait_state("card", "loaded");
    b.wait_state("full", "loaded");
    let wait = |js: &str, expected: Value| {
        b.session
            .wait_for(
                &format!("(function(){{ {} {js} }})()", support::SHADOW_HELPERS),
                Duration::from_secs(10),
                |v| v == &expected,
            )
            .unwrap();
    };

    b.js("document.getElementById('card').setAttribute('theme', 'dark');");
    wait("return q('card', '.aw').dataset.theme;", json!("dark"));
    assert_eq!(
        b.js("return getComputedStyle(q('card', '.aw-card')).backgroundColor;"),
        json!("rgb(23, 24, 27)")
    );
    // Properties reflect attributes.
    b.js("document.getElementById('card').theme = 'light';");
    assert_eq!(
        b.js("return document.getElementById('card').getAttribute('theme');"),
        json!("light")
    );
    wait(
        "return getComputedStyle(q('card', '.aw-card')).backgroundColor;",
        json!("rgb(255, 255, 255)"),
    );

    b.js("document.getElementById('card').setAttribute('layout', 'full');");
    wait("return qa('card', '[part=body]').length;", json!(1));

    b.js("document.getElementById('card').setAttribute('lang', 'es');");
    wait(
        "return q('card', '[part=date]').textContent;",
        json!("Publicado el 1 de noviembre de 2018"),
    );

    b.js("document.getElementById('card').setAttribute('share', 'x,email');");
    wait(
        "return qa('card', '[part=share-button]').map(b => b.dataset.network).join();",
        json!("x,email"),
    );

    let spanish = format!("{}/__test/fixtures/spanish.json", origins().widget.origin);
    b.js(&format!(
        "document.getElementById('card').setAttribute('src', '{spanish}');"
    ));
    wait(
        "return q('card', '[part=headline]') && q('card', '[part=headline]').textContent;",
        json!("Rusia: Díaz-Canel viaja a Moscú para fortalecer los lazos"),
    );

    // The data form listens to its data- attributes.
    b.js("document.getElementById('full').dataset.layout = 'card';");
    wait("return qa('full', '[part=body]').length;", json!(0));
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn unmount_restores_the_fallback_and_mount_brings_the_card_back() {
    let b = Browser::open("/pages/card.html");
    b.wait_state("card", "loaded");
    assert!(!b.fallback_visible("card"));
    let before = b.js("return ArticleWidget.diagnostics().mounted;");
    b.js("ArticleWidget.unmount(document.getElementById('card'));");
    assert!(b.fallback_visible("card"));
    assert_eq!(
        b.js("return Array.from(document.getElementById('card').shadowRoot.children).map(c => c.localName);"),
        json!(["slot"])
    );
    assert_eq!(
        b.js("return ArticleWidget.diagnostics().mounted;"),
        json!(before.as_u64().unwrap() - 1)
    );
    b.js("ArticleWidget.mount(document.getElementById('card'));");
    b.wait_state("card", "loaded");
    assert!(!b.fallback_visible("card"));
    // scan() mounts what is not mounted under a root, and leaves the rest alone.
    b.js("ArticleWidget.unmount(document.getElementById('card')); ArticleWidget.unmount(document.getElementById('full'));");
    assert!(b.fallback_visible("card") && b.fallback_visible("full"));
    b.js("ArticleWidget.scan(document.body);");
    b.wait_state("card", "loaded");
    b.wait_state("full", "loaded");
    assert_eq!(b.js("return ArticleWidget.diagnostics().mounted;"), before);
}

/// Computed styles of the widget's pieces, to compare across host pages.
const WIDGET_STYLES: &str = "
    const pick = (el, props) => { const cs = getComputedStyle(el); return props.map(p => p + '=' + cs.getPropertyValue(p)); };
    const text = ['font-family', 'font-size', 'font-weight', 'font-style', 'color', 'line-height', 'letter-spacing', 'text-transform', 'text-align', 'margin-top', 'padding-top', 'direction'];
    const out = {};
    for (const s of ['.aw', '[part=breadcrumb] a', '[part=label]', '[part=headline]', '[part=headline] a', '[part=caption]', '[part=date]', '[part=lede]', '[part=body] p', '[part=related] a', '[part=share-button]', 'button[data-mode=audio]', '[part=comments] a']) {
        out[s] = pick(q('w', s), text.concat(['background-color', 'border-radius', 'text-decoration-line', 'box-sizing']));
    }
    out.image = pick(q('w', '[part=image]'), ['border-radius', 'display', 'height']).slice(0, 2);
    return out;";

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn hostile_host_css_does_not_reach_in_and_ours_does_not_reach_out() {
    let plain = Browser::open("/pages/plain.html");
    plain.wait_state("w", "loaded");
    let expected = plain.js(WIDGET_STYLES);
    // Our CSS adds nothing to the host document.
    assert_eq!(
        plain.js("return document.styleSheets.length + document.adoptedStyleSheets.length;"),
        json!(0)
    );
    // Each engine has its own default font ("Times New Roman" in Chromium, serif in Firefox):
    // the host's paragraph keeps the font of the page's root, and its link the default blue.
    let host_paragraph = plain.js("return [getComputedStyle(document.getElementById('host-paragraph')).fontFamily === getComputedStyle(document.documentElement).fontFamily, getComputedStyle(document.getElementById('host-link')).color];");
    assert_eq!(
        host_paragraph,
        json!([true, "rgb(0, 0, 238)"]),
        "browser defaults on the host page"
    );

    let hostile = Browser::open("/pages/hostile.html");
    hostile.wait_state("w", "loaded");
    let actual = hostile.js(WIDGET_STYLES);
    for (selector, styles) in expected.as_object().unwrap() {
        assert_eq!(
            &actual[selector], styles,
            "{selector} is styled differently under hostile host CSS"
        );
    }
    // The hostile rules did apply to the host page itself.
    assert_eq!(
        hostile.js("return getComputedStyle(document.getElementById('host-link')).color;"),
        json!("rgb(0, 255, 0)")
    );
    assert_eq!(hostile.js("return window.__csp;"), json!([]));
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn single_page_apps_insert_move_and_remove_widgets_and_queued_calls_run() {
    let b = Browser::open("/pages/spa.html");
    let widget = origins().widget.origin.clone();
    // The mount call queued before embed.js ran has mounted a plain <div>.
    b.wait_state("manual", "loaded");

    b.js(&format!(
        "const el = document.createElement('article-widget'); el.id = 'spa1'; el.setAttribute('loading', 'eager');
         el.setAttribute('src', '{widget}/demo/article.json?case=spa'); el.innerHTML = '<a class=\"fallback\" href=\"#\">F</a>';
         document.getElementById('app').append(el);
         const div = document.createElement('div'); div.id = 'spa2'; div.dataset.articleWidget = ''; div.dataset.loading = 'eager';
         div.dataset.src = '{widget}/demo/article.json?case=spa'; div.innerHTML = '<a class=\"fallback\" href=\"#\">F</a>';
         document.getElementById('app').append(div);"
    ));
    b.wait_state("spa1", "loaded");
    b.wait_state("spa2", "loaded");
    assert_eq!(
        b.js("return ArticleWidget.diagnostics().mounted;"),
        json!(3)
    );

    // Moving keeps the rendered card: same nodes, no new request.
    let requests = origins().widget.count("/demo/article.json?case=spa");
    b.js("window.__before = [q('spa1', '.aw-card'), q('spa2', '.aw-card')];
          document.getElementById('elsewhere').append(document.getElementById('spa1'), document.getElementById('spa2'));");
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(b.js("return window.__before[0] === q('spa1', '.aw-card') && window.__before[1] === q('spa2', '.aw-card');"), json!(true));
    assert_eq!(
        origins().widget.count("/demo/article.json?case=spa"),
        requests
    );
    assert_eq!(
        b.js("return ArticleWidget.diagnostics().mounted;"),
        json!(3)
    );

    // Removing unmounts both forms.
    b.js("document.getElementById('spa1').remove(); document.getElementById('elsewhere').innerHTML = '';");
    b.session
        .wait_for(
            "ArticleWidget.diagnostics().mounted",
            Duration::from_secs(5),
            |v| v == &json!(1),
        )
        .unwrap();
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn no_leak_over_500_insert_remove_cycles() {
    let b = Browser::open("/pages/spa.html");
    b.wait_state("manual", "loaded");
    let widget = &origins().widget.origin;
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const src = '{widget}/demo/article.json?case=leak';
         const app = document.getElementById('app');
         const settle = () => new Promise(r => setTimeout(r, 0));
         // The JS heap can be measured in Chromium only (gc() and performance.memory are its
         // own); the wasm memory and the mounted count, in every engine.
         const measure = async () => {{ for (let i = 0; i < 3; i++) {{ if (typeof gc === 'function') gc(); await settle(); }}
             return {{ heap: performance.memory ? performance.memory.usedJSHeapSize : null, wasm: ArticleWidget.diagnostics().wasmMemoryBytes, mounted: ArticleWidget.diagnostics().mounted }}; }};
         const cycle = async () => {{
             const el = document.createElement('article-widget');
             el.setAttribute('loading', 'eager'); el.setAttribute('src', src);
             app.append(el);
             while (!(el.shadowRoot && el.shadowRoot.querySelector('.aw[data-state=loaded]'))) await settle();
             el.remove();
             await settle();
         }};
         (async () => {{
             for (let i = 0; i < 100; i++) await cycle();
             const warm = await measure();
             for (let i = 0; i < 400; i++) await cycle();
             const end = await measure();
             done({{ warm, end }});
         }})().catch(e => done({{ error: String(e) }}));"
    );
    let result = b.session.execute_async(&script, json!([])).unwrap();
    assert!(result.get("error").is_none(), "{result}");
    let (warm, end) = (&result["warm"], &result["end"]);
    eprintln!("memory after 100 cycles: {warm}; after 500: {end}");
    assert_eq!(
        end["mounted"],
        json!(1),
        "every removed widget was unmounted"
    );
    let wasm_growth = end["wasm"].as_i64().unwrap() - warm["wasm"].as_i64().unwrap();
    assert!(
        wasm_growth <= 256 * 1024,
        "wasm memory grew {wasm_growth} bytes over 400 cycles"
    );
    if b.engine() == Engine::Chromium {
        let heap_growth = end["heap"].as_i64().unwrap() - warm["heap"].as_i64().unwrap();
        assert!(
            heap_growth <= 2 * 1024 * 1024,
            "JS heap grew {heap_growth} bytes over 400 cycles"
        );
    }
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn a_hundred_widgets_render_and_failures_stay_local() {
    let b = Browser::open("/pages/many.html");
    let states = "Array.from(document.querySelectorAll('article-widget')).map(e => { const aw = e.shadowRoot && e.shadowRoot.querySelector('.aw'); return aw ? aw.dataset.state : 'none'; })";
    let done = b
        .session
        .wait_for(states, Duration::from_secs(30), |v| {
            v.as_array()
                .is_some_and(|a| a.len() == 100 && a.iter().all(|s| s == "loaded" || s == "error"))
        })
        .unwrap();
    let states: Vec<&str> = done
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(states[..95].iter().all(|s| *s == "loaded"), "{states:?}");
    assert!(states[95..].iter().all(|s| *s == "error"), "{states:?}");
    // 50 widgets of one article: one request.
    assert_eq!(
        b.js("return performance.getEntriesByType('resource').filter(e => e.name.includes('case=many-same')).length;"),
        json!(1)
    );
    assert!(b.fallback_visible("w99"));
    assert!(!b.fallback_visible("w0"));
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn the_bundle_runs_from_any_path() {
    let b = Browser::open("/pages/script-subpath.html");
    b.wait_state("w", "loaded");
    let wasm = b.js("return performance.getEntriesByType('resource').filter(e => e.name.endsWith('_bg.wasm')).map(e => new URL(e.name).pathname);");
    let path = wasm[0].as_str().unwrap();
    assert!(
        path.starts_with("/cdn/article-widget/v1/article-widget-"),
        "{path}"
    );
}

/// Below the browser support policy (here: no custom elements), the loader does nothing: both
/// forms keep the publisher's fallback, nothing is fetched, and nothing is thrown.
#[test]
#[ignore = "needs dist/ and the browsers: run `cargo xtask test`"]
fn below_the_support_policy_the_fallback_stays_and_nothing_breaks() {
    let b = Browser::open("/pages/old-browser.html");
    b.wait_value(
        "document.readyState === 'complete' && performance.getEntriesByType('resource').some(e => e.name.endsWith('/embed.js'))",
        json!(true),
    );
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(
        b.js("return [!!document.getElementById('w').shadowRoot, !!document.getElementById('d').shadowRoot, window.ArticleWidget === undefined];"),
        json!([false, false, true])
    );
    assert!(b.fallback_visible("w"));
    assert!(b.fallback_visible("d"));
    assert_eq!(
        origins()
            .widget
            .count("/demo/article.json?case=old-browser"),
        0
    );
    let console = b.session.console().unwrap();
    assert!(console.is_empty(), "{console:?}");
}

/// A CDN that serves a changed `.wasm` (still a valid module) is refused by the loader's
/// integrity check: nothing of it runs, each widget says so with its error event, the
/// publisher's fallback stays, and the host page goes on.
#[test]
#[ignore = "needs dist/ and the browsers: run `cargo xtask test`"]
fn a_wasm_changed_on_the_cdn_is_refused_and_the_fallback_stays() {
    let b = Browser::open("/pages/tampered.html");
    b.wait_value(
        "window.__events.filter(e => e.type === 'article-widget:error').map(e => e.target).sort().join()",
        json!("d,w"),
    );
    let message = b.js("return window.__events.find(e => e.target === 'w').detail.message;");
    assert!(
        message.as_str().unwrap().contains("could not be loaded"),
        "{message}"
    );
    // Nothing of the bundle ran: no widget mounted, no shadow root, the fallbacks on screen.
    assert_eq!(
        b.js("return [ArticleWidget.diagnostics(), !!document.getElementById('w').shadowRoot, !!document.getElementById('d').shadowRoot];"),
        json!([null, false, false])
    );
    assert!(b.fallback_visible("w"));
    assert!(b.fallback_visible("d"));
    // The changed file is a working module: integrity, not a broken file, refused it.
    let compiles = b.session.execute_async(
        "const done = arguments[arguments.length - 1];
         const url = performance.getEntriesByType('resource').map(e => e.name).find(n => n.endsWith('.js') && n.includes('/tampered-cdn/article-widget-'));
         fetch(url.replace(/\\.js$/, '_bg.wasm')).then(r => r.arrayBuffer()).then(bytes => done(WebAssembly.validate(bytes)), e => done(String(e)));",
        json!([]),
    );
    assert_eq!(compiles.unwrap(), json!(true));
    assert_eq!(
        b.js("return document.getElementById('host').textContent;"),
        json!("The host page's own text.")
    );
}

/// The npm package as a web developer uses it: a page whose app imports `article-widget`,
/// bundled by esbuild (`cargo xtask package --check` builds it into `target/scratch/npm/out/`,
/// with the package's `dist/` files beside the bundle), shows the widget it creates and the
/// one in its HTML.
#[test]
#[ignore = "needs dist/ and the browsers: run `cargo xtask test`"]
fn a_page_bundled_from_the_npm_package_shows_its_widgets() {
    assert!(
        xtask::package::consumer_dir().join("out/app.js").exists(),
        "the bundled page is missing: run `cargo xtask test` (or `cargo xtask package --check`)"
    );
    let b = Browser::open("/scratch/npm/out/index.html");
    b.wait_state("static", "loaded");
    b.wait_state("bundled", "loaded");
    assert_eq!(
        b.text("bundled", "[part=headline]"),
        "Russia: Cuba's Diaz-Canel Heads to Moscow to Strengthen Ties"
    );
    // The bundle came from beside the app's script, checked against its integrity.
    let wasm = b.js("return performance.getEntriesByType('resource').filter(e => e.name.endsWith('_bg.wasm')).map(e => new URL(e.name).pathname);");
    assert!(
        wasm[0]
            .as_str()
            .unwrap()
            .starts_with("/scratch/npm/out/article-widget-"),
        "{wasm}"
    );
    assert_eq!(
        b.js("return ArticleWidget.release;"),
        json!(xtask::widget_version().unwrap())
    );
}
