//! `cargo xtask package`: the npm package `article-widget`, built from the release bundle into
//! `target/package/article-widget-<version>.tgz` (by `npm pack`): the loader and the hashed
//! bundle, the Custom Elements Manifest and the TypeScript declarations, both generated from
//! the tables of the embed spec (`shared/spec/embed-api.md`), so that neither can drift from it.

use crate::{dist_dir, run, widget_version, workspace_root, Result};
use serde_json::{json, Value};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The embed contract, where the package's manifest and types come from.
pub fn spec_path() -> PathBuf {
    workspace_root().join("../shared/spec/embed-api.md")
}

/// What an attribute takes.
#[derive(Debug, PartialEq)]
pub enum Values {
    /// Only these words.
    Words(Vec<String>),
    /// Any text (a URL, a language tag, a list).
    Text,
}

#[derive(Debug, PartialEq)]
pub struct Attribute {
    pub name: String,
    pub values: Values,
    /// The default as the spec writes it ("`auto`", "required", "none", ...).
    pub default: String,
    pub meaning: String,
}

#[derive(Debug, PartialEq)]
pub struct Event {
    pub name: String,
    /// The `detail` as a TypeScript type: `{ id: string; url: string }`.
    pub detail: String,
}

#[derive(Debug, PartialEq)]
pub struct Token {
    pub name: String,
    pub meaning: String,
}

/// The names the embed spec fixes: attributes, events, parts and theme tokens.
#[derive(Debug, PartialEq)]
pub struct Contract {
    pub attributes: Vec<Attribute>,
    pub events: Vec<Event>,
    pub parts: Vec<String>,
    pub tokens: Vec<Token>,
}

/// The `code spans` of `text`, in order.
fn code_spans(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The cells of each table row in `text` whose first cell is a code span, trimmed.
fn rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            // `\|` inside a cell is a pipe of the cell's text, not a column.
            line.replace("\\|", "\u{0}")
                .trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().replace('\u{0}', "|"))
                .collect()
        })
        .collect()
}

/// The text of `spec` from the heading that starts with `heading` to the next heading.
fn section<'a>(spec: &'a str, heading: &str) -> Result<&'a str> {
    let start = spec
        .find(heading)
        .ok_or_else(|| format!("the embed spec has no \"{heading}\" section"))?;
    let rest = spec.get(start + heading.len()..).unwrap_or_default();
    Ok(rest.split("\n#").next().unwrap_or_default())
}

/// `{ id, url }` or `{ mode: "video" | "audio", playing: bool }` as a TypeScript type: a field
/// without a type is a string.
fn detail_type(spec_detail: &str) -> String {
    let inner = spec_detail
        .trim()
        .trim_start_matches('{')
        .trim_end_matches('}')
        .trim();
    let fields: Vec<String> = inner
        .split(", ")
        .filter(|field| !field.is_empty())
        .map(|field| match field.split_once(':') {
            Some((name, kind)) => {
                let kind = match kind.trim() {
                    "bool" => "boolean",
                    other => other,
                };
                format!("{}: {kind}", name.trim())
            }
            None => format!("{}: string", field.trim()),
        })
        .collect();
    format!("{{ {} }}", fields.join("; "))
}

/// Reads the contract from the embed spec's text.
pub fn read_contract(spec: &str) -> Result<Contract> {
    let attributes = rows(section(spec, "### Attributes")?)
        .into_iter()
        .map(|cells| {
            let [name, values, default, meaning] = cells.as_slice() else {
                return Err(format!("an attribute row has not four cells: {cells:?}").into());
            };
            let words = code_spans(values);
            // Only words in code, comma-separated: a closed set. Anything else is text.
            let closed = !words.is_empty()
                && values
                    == &words
                        .iter()
                        .map(|w| format!("`{w}`"))
                        .collect::<Vec<_>>()
                        .join(", ");
            Ok(Attribute {
                name: code_spans(name).concat(),
                values: if closed {
                    Values::Words(words)
                } else {
                    Values::Text
                },
                default: default.clone(),
                meaning: meaning.clone(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let events = rows(section(spec, "## JavaScript API and events")?)
        .into_iter()
        .filter_map(|cells| match cells.as_slice() {
            [name, detail] => Some(Event {
                name: code_spans(name).concat(),
                detail: detail_type(&code_spans(detail).concat()),
            }),
            _ => None,
        })
        .collect();
    let theming = section(spec, "## Theming")?;
    let tokens = rows(theming)
        .into_iter()
        .filter_map(|cells| match cells.as_slice() {
            [name, meaning] => Some(Token {
                name: code_spans(name).concat(),
                meaning: meaning.clone(),
            }),
            _ => None,
        })
        .collect();
    let parts = theming
        .split("Parts, for ")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .map(code_spans)
        .unwrap_or_default()
        .into_iter()
        .skip(1) // `article-widget::part(NAME)`
        .collect();
    let contract = Contract {
        attributes,
        events,
        parts,
        tokens,
    };
    if contract.attributes.is_empty()
        || contract.events.is_empty()
        || contract.parts.is_empty()
        || contract.tokens.is_empty()
    {
        return Err(format!("the embed spec's tables did not read: {contract:?}").into());
    }
    Ok(contract)
}

/// An attribute's values as a TypeScript type.
fn value_type(values: &Values) -> String {
    match values {
        Values::Words(words) => words
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" | "),
        Values::Text => "string".to_string(),
    }
}

/// The default, as the manifest writes it: a word in quotes, or none.
fn default_value(default: &str) -> Option<String> {
    let words = code_spans(default);
    (words.len() == 1).then(|| format!("\"{}\"", words.concat()))
}

/// The camelCase property that reflects an attribute (`comments-api` → `commentsApi`).
fn property(attribute: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in attribute.chars() {
        if c == '-' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The Custom Elements Manifest (schema 2.1.0) of `<article-widget>`.
pub fn manifest(contract: &Contract, version: &str) -> Value {
    let attributes: Vec<Value> = contract
        .attributes
        .iter()
        .map(|a| {
            let mut attribute = json!({
                "name": a.name,
                "type": { "text": value_type(&a.values) },
                "description": a.meaning,
                "fieldName": property(&a.name),
            });
            if let Some(default) = default_value(&a.default) {
                attribute["default"] = json!(default);
            }
            attribute
        })
        .collect();
    let events: Vec<Value> = contract
        .events
        .iter()
        .map(
            |e| json!({ "name": e.name, "type": { "text": format!("CustomEvent<{}>", e.detail) } }),
        )
        .collect();
    let parts: Vec<Value> = contract
        .parts
        .iter()
        .map(|p| json!({ "name": p }))
        .collect();
    let tokens: Vec<Value> = contract
        .tokens
        .iter()
        .map(|t| json!({ "name": t.name, "description": t.meaning }))
        .collect();
    json!({
        "schemaVersion": "2.1.0",
        "readme": "README.md",
        "modules": [{
            "kind": "javascript-module",
            "path": "dist/embed.js",
            "declarations": [{
                "kind": "class",
                "name": "ArticleWidgetElement",
                "tagName": "article-widget",
                "customElement": true,
                "description": format!("A news article card, rendered in a shadow root from the publisher's article JSON (article-widget {version})."),
                "superclass": { "name": "HTMLElement" },
                "attributes": attributes,
                "events": events,
                "cssParts": parts,
                "cssProperties": tokens,
            }],
            "exports": [{
                "kind": "custom-element-definition",
                "name": "article-widget",
                "declaration": { "name": "ArticleWidgetElement", "module": "dist/embed.js" }
            }]
        }]
    })
}

/// `index.d.ts`: the element, its attributes as string-literal unions, the event details, the
/// page's `ArticleWidget` API, and `<article-widget>` in `HTMLElementTagNameMap` and in JSX.
pub fn declarations(contract: &Contract, version: &str) -> String {
    let mut out = format!(
        "// Types of article-widget {version}, generated from its embed spec by `cargo xtask package`.\n\n"
    );
    let _ = writeln!(out, "/** The attributes of `<article-widget>`. */");
    let _ = writeln!(out, "export interface ArticleWidgetAttributes {{");
    for a in &contract.attributes {
        let optional = if a.default == "required" { "" } else { "?" };
        let _ = writeln!(out, "  /** {} */", a.meaning);
        let _ = writeln!(
            out,
            "  \"{}\"{optional}: {};",
            a.name,
            value_type(&a.values)
        );
    }
    let _ = writeln!(out, "}}\n");
    let _ = writeln!(
        out,
        "/** `<article-widget>`: each attribute is reflected by a property (`commentsApi` for `comments-api`). */"
    );
    let _ = writeln!(
        out,
        "export interface ArticleWidgetElement extends HTMLElement {{"
    );
    for a in &contract.attributes {
        if a.name == "lang" {
            continue; // HTMLElement's own
        }
        let _ = writeln!(
            out,
            "  {}: {} | null;",
            property(&a.name),
            value_type(&a.values)
        );
    }
    let _ = writeln!(out, "}}\n");
    let mut map = String::new();
    for e in &contract.events {
        let name = e
            .name
            .trim_start_matches("article-widget:")
            .chars()
            .enumerate()
            .map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c })
            .collect::<String>();
        let _ = writeln!(
            out,
            "/** The `detail` of `{}`. */\nexport type ArticleWidget{name}Detail = {};\n",
            e.name, e.detail
        );
        let _ = writeln!(
            map,
            "  \"{}\": CustomEvent<ArticleWidget{name}Detail>;",
            e.name
        );
    }
    let _ = writeln!(
        out,
        "/** The widget's events, dispatched on the element, bubbling and composed. */\nexport interface ArticleWidgetEventMap {{\n{map}}}\n"
    );
    out.push_str(
        "/** `window.ArticleWidget`, defined by the loader. */
export interface ArticleWidgetApi {
  readonly loaded: true;
  readonly version: 1;
  /** The release, e.g. \"0.1.0\". */
  readonly release: string;
  /** Mounts every widget element under `root` (default: the document). */
  scan(root?: Document | Element): void;
  /** Mounts one element (wakes a sleeping pre-rendered card). */
  mount(element: Element): void;
  /** Removes the widget, frees it, and shows the publisher's fallback again. */
  unmount(element: Element): void;
  /** `{ mounted, wasmMemoryBytes, version }` once the bundle has loaded, else null. */
  diagnostics(): { mounted: number; wasmMemoryBytes: number; version: string } | null;
  /** The stylesheet a pre-rendered snippet carries, once the bundle has loaded, else null. */
  stylesheet(): string | null;
}

/** `<article-widget>` in JSX: its attributes, plus what any element takes. */
export type ArticleWidgetJsxProps = ArticleWidgetAttributes & {
  id?: string;
  class?: string;
  className?: string;
  children?: unknown;
};

declare global {
  interface HTMLElementTagNameMap {
    \"article-widget\": ArticleWidgetElement;
  }
  interface HTMLElementEventMap extends ArticleWidgetEventMap {}
  interface Window {
    ArticleWidget: ArticleWidgetApi;
  }
  namespace JSX {
    interface IntrinsicElements {
      \"article-widget\": ArticleWidgetJsxProps;
    }
  }
}
",
    );
    out
}

/// The frameworks whose JSX the package adds `<article-widget>` to: the file that does it
/// (`import type {} from "article-widget/react"`), the module whose `JSX` namespace it
/// augments (Solid's is declared in its JSX runtime; `solid-js` only re-exports it, and a
/// re-export cannot be augmented), and the framework's `jsxImportSource`.
pub const FRAMEWORKS: &[(&str, &str, &str)] = &[
    ("react", "react", "react"),
    ("preact", "preact", "preact"),
    ("solid", "solid-js/jsx-runtime", "solid-js"),
];

/// `<file>.d.ts` for a framework whose JSX namespace is `module`'s.
fn framework_declarations(module: &str, version: &str) -> String {
    format!(
        "// <article-widget> in {module}'s JSX (article-widget {version}).\n\
         import type {{ ArticleWidgetJsxProps }} from \"./index.js\";\n\n\
         declare module \"{module}\" {{\n  namespace JSX {{\n    interface IntrinsicElements {{\n      \"article-widget\": ArticleWidgetJsxProps & {{ key?: string | number; ref?: unknown }};\n    }}\n  }}\n}}\n"
    )
}

/// The package's `package.json`.
fn package_json(version: &str) -> Value {
    json!({
        "name": "article-widget",
        "version": version,
        "description": "An embeddable news article card: one script, one element; Leptos compiled to WebAssembly, rendered in a shadow root.",
        "license": "MIT",
        "type": "module",
        "main": "./index.js",
        "module": "./index.js",
        "types": "./index.d.ts",
        "exports": {
            ".": { "types": "./index.d.ts", "default": "./index.js" },
            "./embed.js": "./dist/embed.js",
            "./dist/*": "./dist/*",
            "./react": { "types": "./react.d.ts" },
            "./preact": { "types": "./preact.d.ts" },
            "./solid": { "types": "./solid.d.ts" },
            "./custom-elements.json": "./custom-elements.json",
            "./package.json": "./package.json"
        },
        "customElements": "custom-elements.json",
        "sideEffects": ["./index.js", "./dist/embed.js"],
        "unpkg": "dist/embed.js",
        "jsdelivr": "dist/embed.js",
        "files": ["index.js", "*.d.ts", "custom-elements.json", "dist", "README.md"],
        "keywords": ["web-component", "custom-element", "news", "article", "embed", "webassembly"]
    })
}

/// The files of `dist/` a publisher ships: the loader, the hashed bundle, hls.js and their
/// integrity (not the demo, the configurator or the schema).
fn shipped(name: &str) -> bool {
    name == "embed.js" || name == crate::integrity::FILE || name.starts_with("article-widget-")
}

/// Builds the package from the release bundle in `dist/` into `target/package/`, and returns
/// the path of the `.tgz`.
pub fn build() -> Result<PathBuf> {
    if !dist_dir().join("embed.js").exists() {
        return Err("dist/ is not built: run `cargo xtask dist` first".into());
    }
    let version = widget_version()?;
    let spec = std::fs::read_to_string(spec_path())
        .map_err(|e| format!("{}: {e}", spec_path().display()))?;
    let contract = read_contract(&spec)?;
    let out = workspace_root().join("target/package");
    let folder = out.join("article-widget");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(folder.join("dist"))?;
    for entry in std::fs::read_dir(dist_dir())? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type()?.is_file() && shipped(&name) {
            std::fs::copy(entry.path(), folder.join("dist").join(&name))?;
        }
    }
    let write = |name: &str, text: String| std::fs::write(folder.join(name), text);
    write(
        "package.json",
        serde_json::to_string_pretty(&package_json(&version))? + "\n",
    )?;
    write(
        "custom-elements.json",
        serde_json::to_string_pretty(&manifest(&contract, &version))? + "\n",
    )?;
    write("index.d.ts", declarations(&contract, &version))?;
    for (file, module, _) in FRAMEWORKS {
        write(
            &format!("{file}.d.ts"),
            framework_declarations(module, &version),
        )?;
    }
    write(
        "index.js",
        "// `import \"article-widget\"` registers <article-widget>: it runs the loader, which finds\n\
         // the bundle's files next to the script it runs in (see README.md).\n\
         import \"./dist/embed.js\";\n"
            .to_string(),
    )?;
    std::fs::copy(
        workspace_root().join("xtask/package/README.md"),
        folder.join("README.md"),
    )?;
    let tgz = out.join(format!("article-widget-{version}.tgz"));
    let _ = std::fs::remove_file(&tgz);
    run(Command::new("npm")
        .args(["pack", "--quiet", "--pack-destination"])
        .arg(&out)
        .current_dir(&folder))?;
    if !tgz.exists() {
        return Err(format!("npm pack wrote no {}", tgz.display()).into());
    }
    println!("{}", tgz.display());
    Ok(tgz)
}

/// The frameworks the consumer check type-checks a page of, pinned.
const CONSUMER_PACKAGES: &[(&str, &str)] = &[
    ("@types/react", "19.3.3"),
    ("preact", "10.29.6"),
    ("solid-js", "1.9.20"),
];

/// The folder of [`check`]'s consumer project, and its bundled page.
pub fn consumer_dir() -> PathBuf {
    workspace_root().join("target/scratch/npm")
}

/// What a web developer does with the package: installs the `.tgz` into an empty project,
/// type-checks a TSX page against it (and a page with a wrong attribute value, which must
/// fail), and bundles a page with esbuild into `target/scratch/npm/out/` with the package's
/// files beside it, for the end-to-end test to open.
pub fn check(tgz: &Path) -> Result<()> {
    crate::tools::ensure_npm_test_tools()?;
    let consumer = consumer_dir();
    let _ = std::fs::remove_dir_all(&consumer);
    std::fs::create_dir_all(consumer.join("out"))?;
    std::fs::write(
        consumer.join("package.json"),
        "{ \"name\": \"consumer\", \"private\": true }\n",
    )?;
    // With the frameworks whose JSX the package types, pinned.
    run(Command::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--save-exact"])
        .arg(tgz)
        .args(
            CONSUMER_PACKAGES
                .iter()
                .map(|(name, version)| format!("{name}@{version}")),
        )
        .current_dir(&consumer))?;
    let sources = workspace_root().join("xtask/package/consumer");
    for name in [
        "page.tsx",
        "wrong.tsx",
        "main.ts",
        "index.html",
        "tsconfig.json",
        "tsconfig.wrong.json",
        "react.tsx",
        "preact.tsx",
        "solid.tsx",
    ] {
        std::fs::copy(sources.join(name), consumer.join(name))?;
    }
    let tools = crate::tools::npm_tools_dir().join("node_modules");
    let tsc = tools.join("typescript/bin/tsc");
    run(Command::new("node")
        .arg(&tsc)
        .args(["--project", "tsconfig.json"])
        .current_dir(&consumer))?;
    let wrong = Command::new("node")
        .arg(&tsc)
        .args(["--project", "tsconfig.wrong.json"])
        .current_dir(&consumer)
        .output()?;
    let said = String::from_utf8_lossy(&wrong.stdout);
    if wrong.status.success() || !said.contains("\"purple\"") {
        return Err(
            format!("theme=\"purple\" type-checked against the package's types: {said}").into(),
        );
    }
    // Each framework's page: a card that type-checks, and one (`@ts-expect-error`) that must not.
    for (file, _, source) in FRAMEWORKS {
        run(Command::new("node")
            .arg(&tsc)
            .args([
                "--noEmit",
                "--strict",
                "--skipLibCheck",
                "--jsx",
                "react-jsx",
                "--jsxImportSource",
                source,
                "--moduleResolution",
                "bundler",
                "--module",
                "esnext",
                "--target",
                "es2022",
                &format!("{file}.tsx"),
            ])
            .current_dir(&consumer))?;
    }
    // Run as it is: a Node script with a shebang, or the native binary esbuild's install step
    // puts in its place.
    run(Command::new(tools.join("esbuild/bin/esbuild"))
        .args([
            "main.ts",
            "--bundle",
            "--format=iife",
            "--outfile=out/app.js",
        ])
        .current_dir(&consumer))?;
    for entry in std::fs::read_dir(consumer.join("node_modules/article-widget/dist"))? {
        let entry = entry?;
        std::fs::copy(entry.path(), consumer.join("out").join(entry.file_name()))?;
    }
    std::fs::copy(consumer.join("index.html"), consumer.join("out/index.html"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = "## Placing a widget\n\n### Attributes (`name`)\n\n| attribute | values | default | meaning |\n|---|---|---|---|\n\
        | `src` | URL | required | the article JSON |\n| `theme` | `auto`, `light`, `dark` | `auto` | follows |\n\
        | `share` | comma list of network ids, or `none` | a default set | which |\n\n### Pre-rendered cards\n\n\
        ## Theming\n\n| property | what it sets |\n|---|---|\n| `--aw-radius` | corner radius |\n\n\
        Parts, for `article-widget::part(NAME)`: `card`,\n`share-bar`.\n\nMore.\n\n\
        ## JavaScript API and events\n\n| event | `detail` |\n|---|---|\n| `article-widget:load` | `{ id, url }` |\n\
        | `article-widget:mediachange` | `{ mode: \"video\" \\| \"audio\", playing: bool }` |\n\n## Comment counts\n";

    #[test]
    fn the_contract_is_read_from_the_spec_tables() {
        let contract = read_contract(SPEC).unwrap();
        assert_eq!(
            contract
                .attributes
                .iter()
                .map(|a| (a.name.as_str(), value_type(&a.values)))
                .collect::<Vec<_>>(),
            [
                ("src", "string".to_string()),
                ("theme", "\"auto\" | \"light\" | \"dark\"".to_string()),
                ("share", "string".to_string())
            ]
        );
        assert_eq!(contract.parts, ["card", "share-bar"]);
        assert_eq!(contract.tokens[0].name, "--aw-radius");
        assert_eq!(contract.events[0].detail, "{ id: string; url: string }");
        assert_eq!(
            contract.events[1].detail,
            "{ mode: \"video\" | \"audio\"; playing: boolean }"
        );
    }

    #[test]
    fn a_spec_without_its_tables_is_an_error() {
        assert!(read_contract("# Nothing here\n").is_err());
    }

    #[test]
    fn the_real_spec_gives_a_manifest_with_its_names_and_nothing_else() {
        let spec = std::fs::read_to_string(spec_path()).unwrap();
        let contract = read_contract(&spec).unwrap();
        let manifest = manifest(&contract, "0.0.0");
        let element = &manifest["modules"][0]["declarations"][0];
        let names = |key: &str| -> Vec<String> {
            element[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v["name"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(
            names("attributes"),
            [
                "src",
                "theme",
                "lang",
                "layout",
                "share",
                "loading",
                "comments-api",
                "hydrate"
            ]
        );
        assert_eq!(
            names("events"),
            [
                "article-widget:load",
                "article-widget:error",
                "article-widget:share",
                "article-widget:mediachange"
            ]
        );
        assert_eq!(names("cssParts").len(), 18);
        assert_eq!(names("cssProperties").len(), 9);
        assert_eq!(element["attributes"][1]["default"], "\"auto\"");
        assert_eq!(
            element["attributes"][7]["type"]["text"],
            "\"interaction\" | \"idle\" | \"visible\" | \"load\""
        );
    }
}
