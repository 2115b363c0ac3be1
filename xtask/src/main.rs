//! `cargo xtask <command>`: see the README and docs/testing.md.

use std::os::unix::process::CommandExt;
use std::process::Command;
use std::time::{Duration, Instant};
use xtask::server::Origins;
use xtask::webdriver::{Engine, ENGINE_VAR};
use xtask::{build_dist, dist_dir, finish_bundle, run, tools, workspace_root, Result};

const USAGE: &str = "usage: cargo xtask <command>

  demo          build the release bundle and serve the demo on http://127.0.0.1:8080
  test          install what is missing, then run every check and test
  dist          build the release bundle into dist/
  bench         sizes, time to render against a plain-JS reference, CLS, memory
                (--rounds N cold loads per case, default 5)
  screenshots   render each look in Chromium into tests/screenshots/ (the references)
  support       check the stylesheet and the loader against the browser support policy
  budgets       check the size budgets of the built dist/ (brotli)
  package       build the release bundle and pack the npm package into target/package/
                (--check: install it into an empty project, type-check and bundle a page)
  finish-bundle (Trunk hook) shorten the wasm's import names, minify the JS, and write the
                hashed bundle names into embed.js";

fn main() {
    let command = std::env::args().nth(1).unwrap_or_default();
    let result = match command.as_str() {
        "demo" => demo(),
        "test" => test(),
        "dist" => dist(),
        "screenshots" => xtask::screenshots::refresh(),
        "support" => tools::ensure_npm_test_tools().and_then(|()| xtask::support::check()),
        "budgets" => xtask::budgets::check(),
        "package" => build_dist()
            .and_then(|()| xtask::package::build())
            .and_then(|tgz| {
                if std::env::args().any(|a| a == "--check") {
                    xtask::package::check(&tgz)
                } else {
                    Ok(())
                }
            }),
        "bench" => {
            let rounds = std::env::args()
                .skip_while(|a| a != "--rounds")
                .nth(1)
                .and_then(|n| n.parse().ok())
                .unwrap_or(5);
            xtask::bench::run(rounds)
        }
        "finish-bundle" => {
            let dir = std::env::var("TRUNK_STAGING_DIR")
                .map(Into::into)
                .unwrap_or_else(|_| dist_dir());
            finish_bundle(&dir)
        }
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    };
    if let Err(error) = result {
        eprintln!("xtask {command}: {error}");
        std::process::exit(1);
    }
}

fn dist() -> Result<()> {
    build_dist()?;
    println!("dist/ is ready to upload: publishers load <your host>/embed.js");
    for entry in std::fs::read_dir(dist_dir())? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            println!(
                "  {:>9} bytes  {}",
                entry.metadata()?.len(),
                entry.file_name().to_string_lossy()
            );
        }
    }
    Ok(())
}

fn demo() -> Result<()> {
    build_dist()?;
    let Origins {
        widget,
        host: _host,
    } = Origins::start(8081, 8080, false)?;
    println!();
    println!("  Demo host page:   http://127.0.0.1:8080/   (open this)");
    println!(
        "  Widget origin:    {}/embed.js  (the publisher's CDN and JSON)",
        widget.origin
    );
    println!();
    println!("  Ctrl-C stops.");
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}

fn cargo() -> Command {
    let mut command = Command::new("cargo");
    command.current_dir(workspace_root());
    command
}

fn test() -> Result<()> {
    tools::ensure_test_tools()?;
    let step = |name: &str| println!("\n==> {name}");

    step("format");
    run(cargo().args(["fmt", "--all", "--check"]))?;

    step("clippy (native and wasm32, panics denied in src/)");
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cargo().args([
        "clippy",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;

    step("browser support policy: the stylesheet and the loader (doiuse, eslint-plugin-compat)");
    xtask::support::check()?;

    step("native tests: the model, the JSON schema, the xtask helpers");
    run(cargo().args(["test", "--workspace"]))?;

    // The view tests run in Chromium and Firefox: wasm-bindgen-test-runner drives those two
    // (it has no WebKit runner); the end-to-end suites below cover WebKit.
    for (engine, variable) in [
        (Engine::Chromium, "CHROMEDRIVER"),
        (Engine::Firefox, "GECKODRIVER"),
    ] {
        step(&format!(
            "browser tests: each view in headless {engine} (wasm-bindgen-test)"
        ));
        let program = engine.driver_program();
        let driver = which(program).ok_or(format!("{program} is not on PATH"))?;
        // A fresh profile each run (webdriver.json names Chromium's): nothing stored carries
        // over.
        let _ = std::fs::remove_dir_all(VIEW_TESTS_PROFILE);
        // wasm-bindgen-test-runner stops its driver but can leave the browser running. The run
        // gets a process group of its own, so what it leaves behind is ended by that group's
        // id.
        let mut views = cargo();
        views
            .args([
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "views",
            ])
            .env(variable, driver)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
            .process_group(0);
        let result = run_in_own_group(&mut views);
        let _ = std::fs::remove_dir_all(VIEW_TESTS_PROFILE);
        result?;
    }

    step("release bundle");
    build_dist()?;

    step("size budgets of the shipped files (brotli)");
    xtask::budgets::check()?;

    step(
        "the npm package: packed, installed into an empty project, type-checked, bundled (esbuild)",
    );
    let tgz = xtask::package::build()?;
    xtask::package::check(&tgz)?;

    // Every end-to-end suite in each engine. A failing engine does not stop the others (the
    // summary names each), but it fails the run.
    let mut outcomes = Vec::new();
    for engine in Engine::ALL {
        step(&format!(
            "end-to-end in {engine}: host page and widget on two origins ({})",
            engine.driver_program()
        ));
        let started = Instant::now();
        let mut suites = cargo();
        suites.args(["test", "--no-fail-fast"]);
        for suite in END_TO_END_SUITES {
            suites.args(["--test", suite]);
        }
        suites
            .args(["--", "--ignored", "--test-threads", "2"])
            .env(ENGINE_VAR, engine.id())
            .process_group(0);
        let label = format!("[{}]", engine.id());
        let result = run_in_own_group_labelled(&mut suites, Some(&label));
        outcomes.push((engine, started.elapsed(), result));
    }
    println!("\n==> end-to-end, per engine");
    for (engine, took, result) in &outcomes {
        let verdict = match result {
            Ok(()) => "passed".to_string(),
            Err(e) => format!("FAILED ({e})"),
        };
        println!("  {engine:<9} {:>5.0} s  {verdict}", took.as_secs_f64());
    }
    if outcomes.iter().any(|(_, _, result)| result.is_err()) {
        return Err("end-to-end tests failed in at least one engine (above)".into());
    }

    // The longest pause a huge article causes, in a browser that runs nothing else.
    step("responsiveness under the worst-case corpus, in Chromium");
    let mut responsiveness = cargo();
    responsiveness
        .args(["test", "--test", "responsiveness", "--", "--ignored"])
        .env(ENGINE_VAR, Engine::Chromium.id())
        .process_group(0);
    run_in_own_group(&mut responsiveness)?;

    step("benchmark, one round (so it cannot rot; `cargo xtask bench` measures properly)");
    xtask::bench::run(1)?;
    Ok(())
}

/// The end-to-end suites, each run in every engine.
const END_TO_END_SUITES: &[&str] = &[
    "e2e",
    "embedding",
    "a11y",
    "hostile",
    "interactions",
    "live_stream",
    "prerender",
    "publisher_formats",
    "sleeping",
    "theming",
];

/// The Chromium profile of the view tests, named in `webdriver.json`.
const VIEW_TESTS_PROFILE: &str = "/tmp/article-widget-view-tests";

/// Runs `command` (already set to start a process group of its own) to completion, then ends
/// whatever is left in that group (a browser a test runner started and left): the group's id
/// is the id of the process this started.
fn run_in_own_group(command: &mut Command) -> Result<()> {
    run_in_own_group_labelled(command, None)
}

/// [`run_in_own_group`], with each line the command prints on stdout (libtest's `test … ok`
/// lines) prefixed by `label`, so the output says which engine each test ran in.
fn run_in_own_group_labelled(command: &mut Command, label: Option<&str>) -> Result<()> {
    if label.is_some() {
        command.stdout(std::process::Stdio::piped());
    }
    let mut child = command
        .spawn()
        .map_err(|e| format!("could not run {command:?}: {e}"))?;
    if let (Some(label), Some(stdout)) = (label, child.stdout.take()) {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout).lines() {
            println!("{label} {}", line?);
        }
    }
    let status = child.wait()?;
    let group = format!("-{}", child.id());
    let _ = Command::new("kill")
        .args(["-TERM", "--", &group])
        .stderr(std::process::Stdio::null())
        .status();
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed with {status}").into())
    }
}

fn which(program: &str) -> Option<String> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
        .map(|p| p.display().to_string())
}
