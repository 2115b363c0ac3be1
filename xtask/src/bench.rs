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
}

const SCENARIOS: &[Scenario] = &[
    Scenario {
        name: "1 widget",
        widgets: 1,
        distinct: false,
        repeat: false,
    },
    Scenario {
        name: "100 widgets, one article",
        widgets: 100,
        distinct: false,
        repeat: false,
    },
    Scenario {
        name: "100 widgets, 100 articles",
        widgets: 100,
        distinct: true,
        repeat: false,
    },
    Scenario {
        name: "1 widget, repeat visit",
        widgets: 1,
        distinct: false,
        repeat: true,
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
fn sizes() -> Result<Vec<Value>> {
    let mut rows = Vec::new();
    let mut names: Vec<String> = std::fs::read_dir(dist_dir())?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| {
            n == "embed.js"
                || (n.starts_with("article-widget-")
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
        if name.starts_with("article-widget-hls-") && name.ends_with(".mjs") {
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
    let url = format!(
        "{host}/bench/page.html?impl={implementation}&n={}&distinct={}",
        scenario.widgets,
        u8::from(scenario.distinct)
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
    // Let images and late layout settle before reading the shift.
    std::thread::sleep(Duration::from_millis(500));
    let after = session.execute(
        "gc(); const wasm = window.ArticleWidget && ArticleWidget.diagnostics ? ArticleWidget.diagnostics().wasmMemoryBytes : 0;
         return { shift: window.__shift, late: window.__lateShift, heap: performance.memory.usedJSHeapSize, wasm };",
        json!([]),
    )?;
    Ok(
        json!({ "rendered_ms": rendered, "cls": after["shift"], "cls_after_render": after["late"], "heap": after["heap"], "wasm": after["wasm"] }),
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
    let sizes = sizes()?;
    let Origins { widget, host } = Origins::start(0, 0, false)?;
    // Measured in Chromium alone: the memory figures need its `performance.memory`.
    let driver = Driver::start(Engine::Chromium, Scheme::Light)?;
    let mut timings = Vec::new();
    for scenario in SCENARIOS {
        let mut row = json!({ "scenario": scenario.name });
        for implementation in ["wasm", "js"] {
            let mut times = Vec::new();
            let mut last = Value::Null;
            for _ in 0..rounds.max(1) {
                last = cold_load(&driver, &host.origin, implementation, scenario)?;
                times.push(last["rendered_ms"].as_f64().unwrap_or(f64::NAN));
            }
            row[implementation] = json!({
                "median_ms": median(&mut times),
                "runs_ms": times,
                "cls": last["cls"],
                "cls_after_render": last["cls_after_render"],
                "js_heap_bytes": last["heap"],
                "wasm_memory_bytes": last["wasm"],
            });
        }
        let ratio = row["wasm"]["median_ms"].as_f64().unwrap_or(f64::NAN)
            / row["js"]["median_ms"].as_f64().unwrap_or(f64::NAN);
        row["ratio"] = json!(ratio);
        timings.push(row);
    }
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

fn chromium_version() -> String {
    std::process::Command::new("chromium")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn print(report: &Value) {
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
        "  first visit, brotli: {} bytes (target 160 KB, issue 15)",
        report["first_visit_brotli_bytes"]
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
}
