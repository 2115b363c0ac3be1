//! One version, Cargo.toml's, and everything that names it agrees: the changelog has its
//! entry, and the build stamps it into the loader (the loader and the wasm are compared with it
//! end to end, in `tests/embedding.rs`).
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

#[test]
fn the_changelog_has_an_entry_for_this_version() {
    let version = env!("CARGO_PKG_VERSION");
    let changelog = read("CHANGELOG.md");
    assert!(
        changelog
            .lines()
            .any(|l| l.starts_with(&format!("## [{version}] - "))),
        "CHANGELOG.md has no `## [{version}] - <date>` entry for Cargo.toml's version"
    );
    assert!(
        changelog.contains("## [Unreleased]"),
        "CHANGELOG.md keeps an Unreleased section on top"
    );
}

#[test]
fn the_build_reads_the_version_from_cargo_toml_and_stamps_the_loader() {
    assert_eq!(xtask::widget_version().unwrap(), env!("CARGO_PKG_VERSION"));
    let loader = read("js/embed.js");
    assert!(loader.contains("var RELEASE = \"__ARTICLE_WIDGET_VERSION__\";"));
    assert!(loader.starts_with("/*! article-widget __ARTICLE_WIDGET_VERSION__ loader"));
}
