//! The JSON Schema of the v1 format (`docs/schema/article-v1.schema.json`) accepts every
//! fixture, rejects what the parser rejects, and agrees with the parser on the fixtures.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::model::formats::parse_article;
use article_widget::model::url::SafeUrl;
use serde_json::{json, Value};
use std::path::Path;

fn validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(include_str!("../docs/schema/article-v1.schema.json")).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn fixtures() -> Vec<(String, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = vec![];
    for dir in [root.join("docs/demo"), root.join("tests/fixtures/articles")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                found.push((path.display().to_string(), value));
            }
        }
    }
    assert!(found.len() >= 4, "fixtures not found: {found:?}");
    found
}

#[test]
fn every_fixture_is_valid_v1_and_parses() {
    let validator = validator();
    let base = SafeUrl::parse_absolute("https://cdn.example/a/article.json").unwrap();
    for (name, value) in fixtures() {
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        assert!(
            parse_article(&value.to_string(), &base).is_ok(),
            "{name} is schema-valid but does not parse"
        );
    }
}

#[test]
fn the_schema_rejects_what_the_parser_rejects() {
    let validator = validator();
    let base = SafeUrl::parse_absolute("https://cdn.example/a/article.json").unwrap();
    let seed: Value = serde_json::from_str(include_str!("../docs/demo/article.json")).unwrap();
    let broken = [
        ("headline missing", {
            let mut v = seed.clone();
            v.as_object_mut().unwrap().remove("headline");
            v
        }),
        ("headline a number", {
            let mut v = seed.clone();
            v["headline"] = json!(5);
            v
        }),
        ("bad date", {
            let mut v = seed.clone();
            v["published"] = json!("1 November 2018");
            v
        }),
        ("javascript url", {
            let mut v = seed.clone();
            v["url"] = json!("javascript:alert(1)");
            v
        }),
        ("image without alt", {
            let mut v = seed.clone();
            v["image"].as_object_mut().unwrap().remove("alt");
            v
        }),
        ("negative count", {
            let mut v = seed.clone();
            v["comments"]["count"] = json!(-1);
            v
        }),
        ("version 2", {
            let mut v = seed.clone();
            v["version"] = json!(2);
            v
        }),
        ("paragraph without text", {
            let mut v = seed.clone();
            v["body"][0] = json!({"type": "paragraph"});
            v
        }),
    ];
    for (what, value) in broken {
        assert!(!validator.is_valid(&value), "the schema accepts {what}");
        assert!(
            parse_article(&value.to_string(), &base).is_err(),
            "the parser accepts {what}"
        );
    }
    // Unknown fields and block types are allowed by both.
    let mut extended = seed;
    extended["sponsor"] = json!("x");
    extended["body"]
        .as_array_mut()
        .unwrap()
        .push(json!({"type": "poll"}));
    assert!(validator.is_valid(&extended));
    assert!(parse_article(&extended.to_string(), &base).is_ok());
}
