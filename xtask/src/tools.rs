//! Installs the tools the build and the tests need, each pinned, each skipped when present.
//! Nothing here downloads from anywhere but the package registries (crates.io, npm, Debian).

use crate::{run, workspace_root, Result};
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const BINARYEN_VERSION: &str = "132";
/// hls.js, shipped in `dist/` for HLS streams in browsers without HLS of their own.
pub const HLS_JS_VERSION: &str = "1.7.4";
/// terser, which minifies the bundle's glue and the loader (`minify.rs`).
pub const TERSER_VERSION: &str = "5.51.4";

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    })
}

/// The `wasm-bindgen` version in Cargo.lock; the CLI must match it exactly.
pub fn locked_wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(workspace_root().join("Cargo.lock"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

fn ensure_wasm_target() -> Result<()> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

fn ensure_cargo_tool(
    binary: &str,
    version_args: &[&str],
    version: &str,
    install: &[&str],
) -> Result<()> {
    let current = output(binary, version_args).unwrap_or_default();
    if current
        .split_whitespace()
        .any(|word| word.trim_start_matches('v') == version)
    {
        return Ok(());
    }
    eprintln!("xtask: installing {binary} {version}");
    run(Command::new("cargo").arg("install").args(install))
}

fn ensure_wasm_opt() -> Result<()> {
    let current = output("wasm-opt", &["--version"]).unwrap_or_default();
    if current.contains(&format!("version_{BINARYEN_VERSION}")) {
        return Ok(());
    }
    if output("npm", &["--version"]).is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    eprintln!("xtask: installing wasm-opt (npm binaryen@{BINARYEN_VERSION})");
    let package = format!("binaryen@{BINARYEN_VERSION}");
    run(privileged("npm").args(["install", "--global", "--no-audit", "--no-fund", &package]))
}

/// `program` as root: directly when we are root (as in CI), else through sudo.
fn privileged(program: &str) -> Command {
    let root = output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    if root {
        Command::new(program)
    } else {
        let mut command = Command::new("sudo");
        command.arg(program);
        command
    }
}

fn apt_install(packages: &[&str]) -> Result<()> {
    eprintln!("xtask: installing {} (apt-get)", packages.join(", "));
    run(privileged("apt-get").arg("update"))?;
    run(privileged("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Debian's chromium and chromium-driver.
pub fn ensure_chromium() -> Result<()> {
    let present = |program: &str| output(program, &["--version"]).is_some();
    // DejaVu: the one font family the test Chromium sees (`webdriver::Driver::start`).
    let dejavu = std::path::Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf").exists();
    if present("chromium") && present("chromedriver") && dejavu {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver", "fonts-dejavu-core"])
}

pub const GECKODRIVER_VERSION: &str = "0.37.1";

/// Firefox: Debian's `firefox-esr`, and geckodriver from crates.io.
pub fn ensure_firefox() -> Result<()> {
    if output("firefox-esr", &["--version"]).is_none() {
        apt_install(&["firefox-esr"])?;
    }
    let current = output("geckodriver", &["--version"]).unwrap_or_default();
    if current.split_whitespace().nth(1) == Some(GECKODRIVER_VERSION) {
        return Ok(());
    }
    eprintln!("xtask: installing geckodriver {GECKODRIVER_VERSION}");
    let locked = Command::new("cargo")
        .args([
            "install",
            "geckodriver",
            "--version",
            GECKODRIVER_VERSION,
            "--locked",
        ])
        .status()?;
    if locked.success() {
        return Ok(());
    }
    // `--locked` can fail on a yanked dependency in its lock file; the version stays pinned.
    run(Command::new("cargo").args(["install", "geckodriver", "--version", GECKODRIVER_VERSION]))
}

/// WebKit: Debian's WebKitGTK driver and MiniBrowser, a virtual display (MiniBrowser has no
/// headless mode), and the GStreamer plugins its media elements play WebM, Ogg and H.264
/// with.
pub fn ensure_webkit() -> Result<()> {
    const PACKAGES: &[&str] = &[
        "webkit2gtk-driver",
        "xvfb",
        "gstreamer1.0-plugins-base",
        "gstreamer1.0-plugins-good",
        "gstreamer1.0-libav",
    ];
    let installed =
        output("dpkg-query", &["-W", "-f", "${Package} ${Status}\\n"]).unwrap_or_default();
    let missing: Vec<&str> = PACKAGES
        .iter()
        .copied()
        .filter(|package| {
            !installed
                .lines()
                .any(|l| l.split_whitespace().next() == Some(package) && l.ends_with("installed"))
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    apt_install(&missing)
}

/// What `trunk build` needs.
pub fn ensure_build_tools() -> Result<()> {
    ensure_wasm_target()?;
    ensure_cargo_tool(
        "trunk",
        &["--version"],
        TRUNK_VERSION,
        &["trunk", "--version", TRUNK_VERSION, "--locked"],
    )?;
    let bindgen = locked_wasm_bindgen_version()?;
    // `--locked` is left out on purpose: it currently fails on a yanked transitive dependency.
    ensure_cargo_tool(
        "wasm-bindgen",
        &["--version"],
        &bindgen,
        &["wasm-bindgen-cli", "--version", &format!("={bindgen}")],
    )?;
    ensure_wasm_opt()?;
    HLS_PLAYER.ensure()?;
    TERSER.ensure()
}

/// A pinned npm package the build runs or ships, installed under `target/`, never globally.
struct BuildPackage {
    /// The install prefix, relative to the workspace.
    prefix: &'static str,
    name: &'static str,
    version: &'static str,
    /// The file the build uses, inside the package.
    file: &'static str,
}

/// The minifier of the glue and the loader (`finish-bundle`).
const TERSER: BuildPackage = BuildPackage {
    prefix: "target/minifier",
    name: "terser",
    version: TERSER_VERSION,
    file: "bin/terser",
};

/// The HLS player the bundle ships, loaded on the first Play without native HLS.
const HLS_PLAYER: BuildPackage = BuildPackage {
    prefix: "target/player",
    name: "hls.js",
    version: HLS_JS_VERSION,
    file: "dist/hls.light.min.mjs",
};

impl BuildPackage {
    fn path(&self) -> std::path::PathBuf {
        workspace_root()
            .join(self.prefix)
            .join("node_modules")
            .join(self.name)
            .join(self.file)
    }

    fn ensure(&self) -> Result<()> {
        ensure_npm(
            &workspace_root().join(self.prefix),
            &[(self.name, self.version)],
            &self.path(),
        )
    }
}

/// terser's command-line script, which the build runs with Node.
pub fn terser_path() -> std::path::PathBuf {
    TERSER.path()
}

/// The hls.js file the bundle ships.
pub fn hls_player_path() -> std::path::PathBuf {
    HLS_PLAYER.path()
}

/// Installs `packages` into `prefix` unless each is there at its pinned version and `needed`
/// (the file the build or the tests use) exists.
fn ensure_npm(
    prefix: &std::path::Path,
    packages: &[(&str, &str)],
    needed: &std::path::Path,
) -> Result<()> {
    if npm_installed(prefix, packages) && needed.exists() {
        return Ok(());
    }
    npm_install(prefix, packages)
}

/// Whether every package sits in `prefix` at its pinned version.
fn npm_installed(prefix: &std::path::Path, packages: &[(&str, &str)]) -> bool {
    packages.iter().all(|(name, version)| {
        let manifest = prefix.join(format!("node_modules/{name}/package.json"));
        std::fs::read_to_string(manifest)
            .unwrap_or_default()
            .contains(&format!("\"version\": \"{version}\""))
    })
}

/// Installs pinned npm packages into `prefix` (local to `target/`, never global), with Debian's
/// Node if this machine has none.
fn npm_install(prefix: &std::path::Path, packages: &[(&str, &str)]) -> Result<()> {
    if output("npm", &["--version"]).is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    std::fs::create_dir_all(prefix)?;
    eprintln!(
        "xtask: installing {} into {}",
        packages
            .iter()
            .map(|(n, v)| format!("{n}@{v}"))
            .collect::<Vec<_>>()
            .join(" "),
        prefix.display()
    );
    run(Command::new("npm")
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--save-exact",
            "--prefix",
        ])
        .arg(prefix)
        .args(
            packages
                .iter()
                .map(|(name, version)| format!("{name}@{version}")),
        ))
}

/// The npm tools the tests use, pinned, in `target/tools` (not global: only the tests use
/// them): axe-core for accessibility; doiuse (on postcss) and eslint-plugin-compat (on eslint)
/// for the browser support policy, with the caniuse data and browserslist they read pinned too;
/// TypeScript and esbuild for the npm package.
pub const NPM_TEST_TOOLS: &[(&str, &str)] = &[
    ("axe-core", "4.14.1"),
    ("doiuse", "6.0.6"),
    ("postcss", "8.5.33"),
    ("eslint", "9.39.5"),
    ("eslint-plugin-compat", "7.0.2"),
    ("browserslist", "4.29.6"),
    ("caniuse-lite", "1.0.30001828"),
    // The npm package's consumer check: its types, and a bundle of a page that imports it.
    ("typescript", "5.9.3"),
    ("esbuild", "0.28.2"),
];

/// Where the npm test tools live.
pub fn npm_tools_dir() -> std::path::PathBuf {
    workspace_root().join("target/tools")
}

/// Where the accessibility tests find axe-core.
pub fn axe_script() -> std::path::PathBuf {
    npm_tools_dir().join("node_modules/axe-core/axe.min.js")
}

pub fn ensure_npm_test_tools() -> Result<()> {
    ensure_npm(&npm_tools_dir(), NPM_TEST_TOOLS, &axe_script())
}

/// What the test command needs on top of the build tools.
pub fn ensure_test_tools() -> Result<()> {
    ensure_build_tools()?;
    ensure_chromium()?;
    ensure_firefox()?;
    ensure_webkit()?;
    ensure_npm_test_tools()?;
    let components = output("rustup", &["component", "list", "--installed"]).unwrap_or_default();
    for component in ["clippy", "rustfmt"] {
        if !components.lines().any(|l| l.starts_with(component)) {
            run(Command::new("rustup").args(["component", "add", component]))?;
        }
    }
    Ok(())
}
