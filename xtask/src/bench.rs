//! `cargo xtask bench`: what every host page pays for the widget, measured in a real browser
//! against a plain-JavaScript reference doing the same job, in the same run.

use crate::server::Origins;
use crate::webdriver::{Driver, Engine, Scheme, Session};
use crate::{dist_dir, workspace_root, Result};
use serde_json::{json, Value};
use std::io::Write;
use std::time::Duration;

struct Scenario {
    name: &'static str,
    widgets: usize,
    distinct: bool,
    /// Measure the third load of the page in one browser: the code (our hashed bundle, the
    /// reference's script) comes from the HTTP cache, compiled code from V8's cache; the JSON
    /// is fetched again.
    repeat: bool,
    /// The bundle from the slow CDN route (its wasm half a second late).
    slow_bundle: bool,
    /// The pre-rendered snippet (`article-widget-render`) instead of the plain one; no
    /// plain-JS reference runs it.
    prerendered: bool,
}

impl Scenario {
    const fn plain(name: &'static str, widgets: usize, distinct: bool, repeat: bool) -> Scenario {
        Scenario {
            name,
            widgets,
            distinct,
            repeat,
            slow_bundle: false,
            prerendered: false,
        }
    }
}

const SCENARIOS: &[Scenario] = &[
    Scenario::plain("1 widget", 1, false, false),
    Scenario::plain("100 widgets, one article", 100, false, false),
    Scenario::plain("100 widgets, 100 articles", 100, true, false),
    Scenario::plain("1 widget, repeat visit", 1, false, true),
    Scenario {
        slow_bundle: true,
        ..Scenario::plain("1 widget, slow bundle", 1, false, false)
    },
    Scenario {
        slow_bundle: true,
        prerendered: true,
        ..Scenario::plain("1 widget, slow bundle, pre-rendered", 1, false, false)
    },
    Scenario {
        prerendered: true,
        ..Scenario::plain("100 widgets, pre-rendered", 100, false, false)
    },
];

fn compressed_sizes(bytes: &[u8]) -> Result<(usize, usize)> {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(bytes)?;
    let gzip = gzip.finish()?.len();
    let mut brotli = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut brotli, &params)?;
    Ok((gzip, brotli.len()))
}

/// The files a first visit downloads: the loader, the JS glue and the wasm (styles are inside).
pub fn first_visit_sizes() -> Result<Vec<Value>> {
    let mut rows = Vec::new();
    let mut names: Vec<String> = std::fs::read_dir(dist_dir())?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| {
            // hls.js is on demand (below), not in a first visit.
            n == "embed.js"
                || (n.starts_with("article-widget-")
                    && !n.starts_with("article-widget-hls-")
                    && (n.ends_with(".js") || n.ends_with(".wasm")))
        })
        .collect();
    names.sort();
    for name in names {
        rows.push(size_row(&name)?);
    }
    Ok(rows)
}

fn size_row(name: &str) -> Result<Value> {
    let bytes = std::fs::read(dist_dir().join(name))?;
    let (gzip, brotli) = compressed_sizes(&bytes)?;
    Ok(json!({ "file": name, "raw": bytes.len(), "gzip": gzip, "brotli": brotli }))
}

/// The files fetched only when a reader needs them: hls.js, on the first Play of an HLS
/// stream in a browser without HLS of its own.
fn on_demand_sizes() -> Result<Vec<Value>> {
    let mut rows = Vec::new();
    for entry in std::fs::read_dir(dist_dir())? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.starts_with("article-widget-hls-") && name.ends_with(".js") {
            rows.push(size_row(&name)?);
        }
    }
    Ok(rows)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// One load in a fresh browser profile (the third, for a repeat visit): time to every
/// headline, layout shift, memory.
fn cold_load(
    driver: &Driver,
    host: &str,
    implementation: &str,
    scenario: &Scenario,
) -> Result<Value> {
    let session = driver.session(1280, 900)?;
    let page = if scenario.prerendered {
        format!("/scratch/bench-prerendered-{}.html", scenario.widgets)
    } else {
        "/bench/page.html".to_string()
    };
    let url = format!(
        "{host}{page}?impl={implementation}&n={}&distinct={}&slow={}&prerendered={}",
        scenario.widgets,
        u8::from(scenario.distinct),
        u8::from(scenario.slow_bundle),
        u8::from(scenario.prerendered),
    );
    let load = || {
        session.goto(&url)?;
        session.wait_for("window.__rendered", Duration::from_secs(60), |v| {
            v.is_number()
        })
    };
    if scenario.repeat {
        for _ in 0..2 {
            load()?;
            // Time for the browser to write its caches.
            std::thread::sleep(Duration::from_secs(1));
        }
    }
    let rendered = load()?;
    // The widget's own card on screen everywhere (a pre-rendered one taken over).
    session.wait_for("window.__live", Duration::from_secs(60), |v| v.is_number())?;
    // Let images and late layout settle before reading the shift.
    std::thread::sleep(Duration::from_millis(500));
    let after = session.execute(
        "gc(); const wasm = window.ArticleWidget && ArticleWidget.diagnostics ? ArticleWidget.diagnostics().wasmMemoryBytes : 0;
         return { shift: window.__shift, late: window.__lateShift, heap: performance.memory.usedJSHeapSize, wasm,
                  fcp: window.__fcp, bundle: window.__bundle, live: window.__live };",
        json!([]),
    )?;
    Ok(
        json!({ "rendered_ms": rendered, "cls": after["shift"], "cls_after_render": after["late"], "heap": after["heap"], "wasm": after["wasm"],
                "fcp_ms": after["fcp"], "bundle_ms": after["bundle"], "live_ms": after["live"] }),
    )
}

/// Loads one article into `tests/pages/worst-case.html` (already open in `session`) and returns
/// `{"ms": time from insertion to the load or error event, "longest_gap_ms": the longest the
/// page's own 5 ms timer had to wait meanwhile and while the body's later chunks went in,
/// "outcome": the event, "cut": whether the body was cut at a cap}`. The widget is removed
/// after, so each case is measured alone.
pub fn time_article(session: &Session, id: &str, src: &str) -> Result<Value> {
    session.execute(
        "window.__watch(); window.__addTimed(arguments[0], arguments[1]);",
        json!([id, src]),
    )?;
    let outcome = format!("document.getElementById('{id}').__outcome || null");
    session.wait_for(&outcome, Duration::from_secs(20), |v| v.is_string())?;
    // The rest of a long body goes in on the following frames.
    std::thread::sleep(Duration::from_millis(400));
    session.execute(
        "const el = document.getElementById(arguments[0]);
         window.__gaps.running = false;
         const cut = !!(el.shadowRoot && el.shadowRoot.querySelector('[part=continue]'));
         const result = { ms: el.__ms, longest_gap_ms: window.__gaps.longest, outcome: el.__outcome, cut };
         el.remove();
         return result;",
        json!([id]),
    )
}

/// The model's parse time (release, native) of the seed article and of every worst case, from
/// `tests/worst_case.rs`.
fn parse_times() -> Result<Vec<Value>> {
    let output = std::process::Command::new("cargo")
        .args([
            "test",
            "--release",
            "--quiet",
            "--test",
            "worst_case",
            "parse_times",
            "--",
            "--ignored",
            "--exact",
            "--nocapture",
        ])
        .current_dir(workspace_root())
        .output()?;
    if !output.status.success() {
        return Err(format!(
            "the parse-time measurement failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    Ok(String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|v| v.get("case").is_some())
        .collect())
}

/// In headless Chromium: time to load and longest block of the host page, for the seed article
/// and every worst case.
fn worst_cases_in_browser(driver: &Driver, host: &str, widget: &str) -> Result<Vec<Value>> {
    let session = driver.session(1280, 900)?;
    session.goto(&format!("{host}/pages/worst-case.html"))?;
    // The first widget pays for compiling the wasm; it is not measured.
    let seed = format!("{widget}/demo/article.json");
    time_article(&session, "warm-up", &seed)?;
    let mut rows =
        vec![json!({ "case": "seed", "browser": time_article(&session, "seed", &seed)? })];
    for name in crate::corpus::names() {
        let src = format!("{widget}/__test/worst/{name}.json");
        rows.push(json!({ "case": name, "browser": time_article(&session, name, &src)? }));
    }
    Ok(rows)
}

pub fn run(rounds: usize) -> Result<()> {
    crate::tools::ensure_test_tools()?;
    crate::build_dist()?;
    let sizes = first_visit_sizes()?;
    let Origins { widget, host } = Origins::start(0, 0, false)?;
    // Measured in Chromium alone: the memory figures need its `performance.memory`.
    let driver = Driver::start(Engine::Chromium, Scheme::Light)?;
    let mut timings = Vec::new();
    write_prerendered_pages(&widget.origin)?;
    for scenario in SCENARIOS {
        let mut row = json!({ "scenario": scenario.name, "prerendered": scenario.prerendered, "slow_bundle": scenario.slow_bundle });
        let implementations: &[&str] = if scenario.slow_bundle || scenario.prerendered {
            &["wasm"]
        } else {
            &["wasm", "js"]
        };
        for &implementation in implementations {
            let mut times = Vec::new();
            let mut last = Value::Null;
            for _ in 0..rounds.max(1) {
                last = cold_load(&driver, &host.origin, implementation, scenario)?;
                // A headline counts once painted: in the frame after the one it appeared in, and
                // not before the page's first contentful paint (a pre-rendered one is in the
                // HTML, there before the first frame).
                let rendered = last["rendered_ms"].as_f64().unwrap_or(f64::NAN);
                let first_paint = last["fcp_ms"].as_f64().unwrap_or(0.0);
                times.push(rendered.max(first_paint));
            }
            row[implementation] = json!({
                "median_ms": median(&mut times),
                "runs_ms": times,
                "cls": last["cls"],
                "cls_after_render": last["cls_after_render"],
                "js_heap_bytes": last["heap"],
                "wasm_memory_bytes": last["wasm"],
                "first_contentful_paint_ms": last["fcp_ms"],
                "bundle_ready_ms": last["bundle_ms"],
                "live_ms": last["live_ms"],
            });
        }
        let ratio = row["wasm"]["median_ms"].as_f64().unwrap_or(f64::NAN)
            / row["js"]["median_ms"].as_f64().unwrap_or(f64::NAN);
        row["ratio"] = json!(ratio);
        timings.push(row);
    }
    let wake = wake_rows(&driver, &host.origin, rounds)?;
    let mut worst_cases = worst_cases_in_browser(&driver, &host.origin, &widget.origin)?;
    for parse in parse_times()? {
        if let Some(row) = worst_cases.iter_mut().find(|r| r["case"] == parse["case"]) {
            row["bytes"] = parse["bytes"].clone();
            row["parse_ms"] = parse["ms"].clone();
        }
    }
    let first_visit = sizes
        .iter()
        .map(|r| r["brotli"].as_u64().unwrap_or(0))
        .sum::<u64>();
    let report = json!({
        "rounds": rounds,
        "machine": format!("{} cores, {}", std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0), chromium_version()),
        "sizes": sizes,
        "first_visit_brotli_bytes": first_visit,
        "on_demand_sizes": on_demand_sizes()?,
        "timings": timings,
        "wake": wake,
        "worst_cases": worst_cases,
    });
    print(&report);
    let out = workspace_root().join("target/bench");
    std::fs::create_dir_all(&out)?;
    std::fs::write(
        out.join("results.json"),
        serde_json::to_string_pretty(&report)?,
    )?;
    println!("\nwritten to target/bench/results.json");
    Ok(())
}

/// The benchmark's pre-rendered pages (`target/scratch/bench-prerendered-<n>.html`): `n`
/// snippets of the seed article between paragraphs, printed by `article-widget-render` as a
/// publisher's CMS would run it, the bundle from the slow CDN route for one widget.
fn write_prerendered_pages(widget: &str) -> Result<()> {
    crate::run(std::process::Command::new("cargo").args([
        "build",
        "--quiet",
        "--bin",
        "article-widget-render",
    ]))?;
    let render = workspace_root().join("target/debug/article-widget-render");
    let article = workspace_root().join("docs/demo/article.json");
    let scratch = workspace_root().join("target/scratch");
    std::fs::create_dir_all(&scratch)?;
    let pages = [
        (1, crate::server::SLOW_PREFIX, "load", String::new()),
        (100, "", "load", String::new()),
    ]
    .into_iter()
    .chain(
        HYDRATE_MODES
            .iter()
            .map(|&mode| (100, "", mode, format!("-{mode}"))),
    );
    for (widgets, cdn, hydrate, suffix) in pages {
        let output = std::process::Command::new(&render)
            .args([
                "--src",
                &format!("{widget}/demo/article.json"),
                "--loading",
                "eager",
                "--hydrate",
                hydrate,
            ])
            .arg(&article)
            .output()?;
        if !output.status.success() {
            return Err(String::from_utf8_lossy(&output.stderr).into_owned().into());
        }
        let snippet = String::from_utf8(output.stdout)?;
        let body: String = (0..widgets)
            .map(|i| {
                let snippet = snippet.replacen("<article-widget ", &format!("<article-widget id=\"w{i}\" "), 1);
                format!("<p>Host page paragraph {i}: text above and below every widget, as in an article that quotes another.</p>\n{snippet}")
            })
            .collect();
        std::fs::write(
            scratch.join(format!("bench-prerendered-{widgets}{suffix}.html")),
            format!(
                "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Benchmark page, pre-rendered</title>\n\
                 <link rel=\"stylesheet\" href=\"/bench/bench.css\">\n\
                 <script src=\"/bench/bench.js\" data-widget=\"{widget}\"></script>\n\
                 <script async src=\"{widget}{cdn}/embed.js\"></script></head>\n\
                 <body><main id=\"articles\"><h1>A host page</h1>\n{body}</main></body></html>\n"
            ),
        )?;
    }
    Ok(())
}

/// The `hydrate` modes the benchmark compares, each on a page of 100 pre-rendered cards.
const HYDRATE_MODES: &[&str] = &["interaction", "visible", "idle", "load"];

/// One page of 100 cards of the seed article, the way the reader's main thread sees it: script
/// bytes before any interaction, total blocking time and the longest task until every card
/// that wakes on its own is live, main-thread script time, JS heap, and the time from a click
/// to its action (Copy link in the first card, Play in the second).
fn wake_row(
    driver: &Driver,
    host: &str,
    name: &str,
    page: &str,
    wakes: bool,
    acts: bool,
) -> Result<Value> {
    // Tall enough for the first card's Play button without scrolling: a scroll moves the
    // cards under a resting pointer, which a sleeping card takes as intent.
    let session = driver.session(1280, 2000)?;
    session.cdp("Performance.enable", json!({}))?;
    session.goto(&format!("{host}{page}"))?;
    session.wait_for("document.readyState", Duration::from_secs(60), |v| {
        v == "complete"
    })?;
    let all_live = if wakes {
        session.wait_for("window.__live", Duration::from_secs(60), |v| v.is_number())?
    } else {
        Value::Null
    };
    // Time for idle wake-ups, late tasks and a would-be mistaken wake-up to show.
    std::thread::sleep(Duration::from_secs(2));
    let quiet = session.execute(
        "gc(); return { bytes: __scriptBytes(), blocking: __blocking(), heap: performance.memory.usedJSHeapSize };",
        json!([]),
    )?;
    let metrics = session.cdp("Performance.getMetrics", json!({}))?;
    let script_ms = metrics["metrics"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["name"] == "ScriptDuration")
        .and_then(|m| m["value"].as_f64())
        .map(|seconds| seconds * 1000.0);
    let mut row = json!({
        "page": name,
        "script_bytes": quiet["bytes"],
        "tbt_ms": quiet["blocking"]["tbt"],
        "longest_task_ms": quiet["blocking"]["longest"],
        "longest_task_after_load_ms": quiet["blocking"]["longestAfterLoad"],
        "script_ms": script_ms,
        "js_heap_bytes": quiet["heap"],
        "all_live_ms": all_live,
    });
    if acts {
        // Each action the first of a fresh load, on the first card (asleep on the
        // `interaction` page).
        for (what, selector) in [("copy", "[data-network=copy]"), ("play", ".aw-play")] {
            if what == "play" {
                session.goto(&format!("{host}{page}"))?;
                session.wait_for("document.readyState", Duration::from_secs(60), |v| {
                    v == "complete"
                })?;
                if wakes {
                    session
                        .wait_for("window.__live", Duration::from_secs(60), |v| v.is_number())?;
                }
                std::thread::sleep(Duration::from_secs(1));
            }
            session.execute(&format!("__timeAction('w0', '{what}');"), json!([]))?;
            session.click(&format!(
                "return document.getElementById('w0').shadowRoot.querySelector('.aw-host:not([hidden]) {selector}');"
            ))?;
            row[format!("{what}_ms")] =
                session.wait_for("window.__action", Duration::from_secs(30), |v| {
                    v.is_number()
                })?;
        }
    }
    Ok(row)
}

/// [`wake_row`] for the reference, the plain widgets and each `hydrate` mode, median by
/// field over `rounds`.
fn wake_rows(driver: &Driver, host: &str, rounds: usize) -> Result<Vec<Value>> {
    let mut pages = vec![
        (
            "plain-JS reference".to_string(),
            "/bench/page.html?impl=js&n=100".to_string(),
            true,
            false,
        ),
        (
            "plain widgets".to_string(),
            "/bench/page.html?impl=wasm&n=100".to_string(),
            true,
            true,
        ),
    ];
    for mode in HYDRATE_MODES {
        pages.push((
            format!("pre-rendered, hydrate={mode}"),
            format!("/scratch/bench-prerendered-100-{mode}.html?impl=wasm&n=100&prerendered=1"),
            matches!(*mode, "idle" | "load"),
            true,
        ));
    }
    let mut rows = Vec::new();
    for (name, page, wakes, acts) in pages {
        let runs = (0..rounds.max(1))
            .map(|_| wake_row(driver, host, &name, &page, wakes, acts))
            .collect::<Result<Vec<_>>>()?;
        let mut row = json!({ "page": name });
        for field in [
            "script_bytes",
            "tbt_ms",
            "longest_task_ms",
            "longest_task_after_load_ms",
            "script_ms",
            "js_heap_bytes",
            "all_live_ms",
            "copy_ms",
            "play_ms",
        ] {
            let mut values: Vec<f64> = runs.iter().filter_map(|r| r[field].as_f64()).collect();
            if !values.is_empty() {
                row[field] = json!(median(&mut values));
            }
        }
        rows.push(row);
    }
    Ok(rows)
}

fn chromium_version() -> String {
    std::process::Command::new("chromium")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn print(report: &Value) {
    println!(
        "\nA page of 100 cards of the seed article (Chromium, median of {}; script bytes raw, before any click; ms)",
        report["rounds"]
    );
    println!(
        "  {:<34} {:>12} {:>6} {:>8} {:>11} {:>7} {:>8} {:>9} {:>6} {:>6}",
        "page",
        "script bytes",
        "TBT",
        "longest",
        "after load",
        "script",
        "heap MB",
        "all live",
        "Copy",
        "Play"
    );
    let number = |v: &Value, decimals: usize| {
        v.as_f64()
            .map_or("-".to_string(), |n| format!("{n:.decimals$}"))
    };
    for row in report["wake"].as_array().into_iter().flatten() {
        println!(
            "  {:<34} {:>12} {:>6} {:>8} {:>11} {:>7} {:>8} {:>9} {:>6} {:>6}",
            row["page"].as_str().unwrap_or(""),
            number(&row["script_bytes"], 0),
            number(&row["tbt_ms"], 0),
            number(&row["longest_task_ms"], 0),
            number(&row["longest_task_after_load_ms"], 0),
            number(&row["script_ms"], 0),
            number(&json!(row["js_heap_bytes"].as_f64().map(|b| b / 1e6)), 1),
            number(&row["all_live_ms"], 0),
            number(&row["copy_ms"], 0),
            number(&row["play_ms"], 0),
        );
    }
    println!("\nHostile and odd articles (just under the 1 MiB cap; tests/worst_case.rs, xtask/src/corpus.rs)");
    println!(
        "  {:<24} {:>9} {:>16} {:>16} {:>18} {:>5}",
        "case", "bytes", "parse ms (native)", "to card ms (wasm)", "longest block ms", "cut"
    );
    for row in report["worst_cases"].as_array().into_iter().flatten() {
        println!(
            "  {:<24} {:>9} {:>16.1} {:>16.0} {:>18.0} {:>5}",
            row["case"].as_str().unwrap_or(""),
            row["bytes"].as_u64().unwrap_or(0),
            row["parse_ms"].as_f64().unwrap_or(f64::NAN),
            row["browser"]["ms"].as_f64().unwrap_or(f64::NAN),
            row["browser"]["longest_gap_ms"]
                .as_f64()
                .unwrap_or(f64::NAN),
            if row["browser"]["cut"] == true {
                "yes"
            } else {
                ""
            },
        );
    }

    println!("\nSizes (what a first visit downloads)");
    println!(
        "  {:<44} {:>9} {:>9} {:>9}",
        "file", "raw", "gzip", "brotli"
    );
    for row in report["sizes"].as_array().into_iter().flatten() {
        println!(
            "  {:<44} {:>9} {:>9} {:>9}",
            row["file"].as_str().unwrap_or(""),
            row["raw"].as_u64().unwrap_or(0),
            row["gzip"].as_u64().unwrap_or(0),
            row["brotli"].as_u64().unwrap_or(0)
        );
    }
    println!(
        "  first visit, brotli: {} bytes (budget {}, checked by the test command)",
        report["first_visit_brotli_bytes"],
        crate::budgets::FIRST_VISIT_BROTLI_MAX
    );
    println!("\nOn demand (not in a first visit)");
    for row in report["on_demand_sizes"].as_array().into_iter().flatten() {
        println!(
            "  {:<44} {:>9} {:>9} {:>9}  hls.js: first Play of HLS without native HLS",
            row["file"].as_str().unwrap_or(""),
            row["raw"].as_u64().unwrap_or(0),
            row["gzip"].as_u64().unwrap_or(0),
            row["brotli"].as_u64().unwrap_or(0)
        );
    }
    println!(
        "\nTime to every headline, median of {} load(s) in a fresh browser (for a repeat visit, its third load), ms",
        report["rounds"]
    );
    println!(
        "  {:<28} {:>6} {:>8} {:>6} {:>9} {:>9} {:>12} {:>12} {:>10} {:>8}",
        "scenario",
        "wasm",
        "plain JS",
        "ratio",
        "CLS wasm",
        "CLS js",
        "after wasm",
        "after js",
        "memory MB",
        "ref MB"
    );
    for row in report["timings"].as_array().into_iter().flatten() {
        if row["js"].is_null() {
            continue;
        }
        let mb = |v: &Value| v.as_f64().unwrap_or(0.0) / 1_048_576.0;
        let cls = |imp: &str, key: &str| row[imp][key].as_f64().unwrap_or(f64::NAN);
        println!(
            "  {:<28} {:>6.0} {:>8.0} {:>6.2} {:>9.3} {:>9.3} {:>12.3} {:>12.3} {:>10.1} {:>8.1}",
            row["scenario"].as_str().unwrap_or(""),
            row["wasm"]["median_ms"].as_f64().unwrap_or(f64::NAN),
            row["js"]["median_ms"].as_f64().unwrap_or(f64::NAN),
            row["ratio"].as_f64().unwrap_or(f64::NAN),
            cls("wasm", "cls"),
            cls("js", "cls"),
            cls("wasm", "cls_after_render"),
            cls("js", "cls_after_render"),
            mb(&row["wasm"]["js_heap_bytes"]) + mb(&row["wasm"]["wasm_memory_bytes"]),
            mb(&row["js"]["js_heap_bytes"]),
        );
    }
    println!(
        "\nPlain and pre-rendered snippets (article-widget-render), median of {} load(s), ms from navigation",
        report["rounds"]
    );
    println!(
        "  {:<38} {:>9} {:>14} {:>13} {:>11} {:>8}",
        "scenario", "headlines", "first paint", "bundle ready", "live card", "CLS"
    );
    for row in report["timings"].as_array().into_iter().flatten() {
        if !row["js"].is_null()
            && row["scenario"] != "1 widget"
            && row["scenario"] != "100 widgets, one article"
        {
            continue;
        }
        let ms = |key: &str| row["wasm"][key].as_f64().unwrap_or(f64::NAN);
        println!(
            "  {:<38} {:>9.0} {:>14.0} {:>13.0} {:>11.0} {:>8.3}",
            row["scenario"].as_str().unwrap_or(""),
            ms("median_ms"),
            ms("first_contentful_paint_ms"),
            ms("bundle_ready_ms"),
            ms("live_ms"),
            ms("cls"),
        );
    }
}
