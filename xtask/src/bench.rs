//! `cargo xtask bench`: what every host page pays for the widget, measured in a real browser
//! against a plain-JavaScript reference doing the same job, in the same run.

use crate::server::{Role, Server};
use crate::webdriver::ChromeDriver;
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
        let bytes = std::fs::read(dist_dir().join(&name))?;
        let (gzip, brotli) = compressed_sizes(&bytes)?;
        rows.push(json!({ "file": name, "raw": bytes.len(), "gzip": gzip, "brotli": brotli }));
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
    driver: &ChromeDriver,
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

pub fn run(rounds: usize) -> Result<()> {
    crate::tools::ensure_test_tools()?;
    crate::build_dist()?;
    let sizes = sizes()?;
    let widget = Server::start(0, Role::Widget { root: dist_dir() })?;
    let host = Server::start(
        0,
        Role::Host {
            demo_root: dist_dir(),
            pages_root: workspace_root().join("tests/pages"),
            widget_origin: widget.origin.clone(),
        },
    )?;
    let driver = ChromeDriver::start()?;
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
    let first_visit = sizes
        .iter()
        .map(|r| r["brotli"].as_u64().unwrap_or(0))
        .sum::<u64>();
    let report = json!({
        "rounds": rounds,
        "machine": format!("{} cores, {}", std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0), chromium_version()),
        "sizes": sizes,
        "first_visit_brotli_bytes": first_visit,
        "timings": timings,
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
        "  first visit, brotli: {} bytes (budget 100 KB)",
        report["first_visit_brotli_bytes"]
    );
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
