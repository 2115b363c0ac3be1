//! The project's commands (`cargo xtask demo|test|dist`) and what the end-to-end tests share
//! with them: the static server and the WebDriver client.

pub mod bench;
pub mod budgets;
pub mod corpus;
pub mod docs;
pub mod hostile;
pub mod http;
pub mod integrity;
pub mod layout;
pub mod live;
pub mod minify;
pub mod package;
pub mod screenshots;
pub mod server;
pub mod support;
pub mod tools;
pub mod webdriver;

use std::path::{Path, PathBuf};
use std::process::Command;

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// The repository root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Every file under `folder`, at any depth, in path order; nothing where it cannot be read.
pub fn files_under(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The release bundle, as `cargo xtask dist` writes it.
pub fn dist_dir() -> PathBuf {
    workspace_root().join("dist")
}

/// Runs a command to completion, failing if it fails.
pub fn run(command: &mut Command) -> Result<()> {
    let status = command
        .status()
        .map_err(|e| format!("could not run {command:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed with {status}").into())
    }
}

/// Builds `dist/` in release mode with Trunk, and writes the integrity of every file it ships
/// (`integrity.json`).
pub fn build_dist() -> Result<()> {
    tools::ensure_build_tools()?;
    run(Command::new("trunk")
        .args(["build", "--release"])
        .current_dir(workspace_root()))?;
    integrity::write(&dist_dir())
}

/// The widget's release: the one version, Cargo.toml's, as `cargo metadata` reads it.
pub fn widget_version() -> Result<String> {
    let output = Command::new("cargo")
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(workspace_root())
        .output()?;
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == "article-widget")
        .and_then(|p| p["version"].as_str())
        .map(str::to_string)
        .ok_or_else(|| "cargo metadata names no article-widget package".into())
}

/// The bundle's last build step, in `dir` (Trunk's staging folder): the wasm's imports from its
/// glue get short names, the glue is minified, and the loader gets the hashed bundle names with
/// their integrity and is minified (see `minify.rs`).
pub fn finish_bundle(dir: &Path) -> Result<()> {
    let mut wasm = None;
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.starts_with("article-widget") && name.ends_with("_bg.wasm") {
            wasm = Some(name);
        }
    }
    let wasm = wasm.ok_or("no article-widget-*_bg.wasm in the build output")?;
    let js = format!("{}.js", wasm.trim_end_matches("_bg.wasm"));
    if !dir.join(&js).exists() {
        return Err(format!("{js} is missing from the build output").into());
    }
    let (short_wasm, short_glue) = minify::shorten_import_names(
        &std::fs::read(dir.join(&wasm))?,
        &std::fs::read_to_string(dir.join(&js))?,
    )?;
    std::fs::write(dir.join(&wasm), short_wasm)?;
    std::fs::write(dir.join(&js), short_glue)?;
    minify::minify_js(&dir.join(&js), minify::JsKind::Module)?;

    let hls = copy_hls_player(dir)?;
    let loader_path = dir.join("embed.js");
    let loader = std::fs::read_to_string(&loader_path)?;
    if !loader.contains("__ARTICLE_WIDGET_JS__") {
        return Err("embed.js has no bundle placeholders to fill".into());
    }
    let sri = |name: &str| std::fs::read(dir.join(name)).map(|bytes| integrity::sri(&bytes));
    let stamped = loader
        .replace("__ARTICLE_WIDGET_VERSION__", &widget_version()?)
        .replace("__ARTICLE_WIDGET_JS_SRI__", &sri(&js)?)
        .replace("__ARTICLE_WIDGET_WASM_SRI__", &sri(&wasm)?)
        .replace("__ARTICLE_WIDGET_HLS_SRI__", &sri(&hls)?)
        .replace("__ARTICLE_WIDGET_JS__", &js)
        .replace("__ARTICLE_WIDGET_WASM__", &wasm)
        .replace("__ARTICLE_WIDGET_HLS__", &hls);
    std::fs::write(&loader_path, stamped)?;
    minify::minify_js(&loader_path, minify::JsKind::Script)
}

/// Puts hls.js (its light build: no subtitles, alternate audio tracks or DRM, which the widget
/// does not use; 98 KB brotli against 149) into `dir` under a name that changes with its
/// content, as the bundle's files do, and returns that name. Its license header is added (the
/// minified file has none) and the source-map comment dropped (the map is not shipped).
pub fn copy_hls_player(dir: &Path) -> Result<String> {
    let source = tools::hls_player_path();
    let code = std::fs::read_to_string(&source).map_err(|e| {
        format!(
            "{}: {e} (run `cargo xtask dist`, which installs it)",
            source.display()
        )
    })?;
    let code: String = code
        .lines()
        .filter(|line| !line.starts_with("//# sourceMappingURL="))
        .collect::<Vec<_>>()
        .join("\n");
    let shipped = format!(
        "/*! hls.js {} | Apache-2.0 | https://github.com/video-dev/hls.js */\n{code}\n",
        tools::HLS_JS_VERSION
    );
    // FNV-1a: a content-addressed name, not a security measure.
    let hash = shipped.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    // `.js`, not `.mjs`: every static host serves `.js` as JavaScript, and browsers refuse a
    // module served as anything else.
    let name = format!("article-widget-hls-{hash:016x}.js");
    std::fs::write(dir.join(&name), shipped)?;
    Ok(name)
}
