//! The bundle's last build step (a Trunk hook): its JavaScript minified and the wasm's import
//! names shortened, since every reader of every host page downloads them.
//!
//! Trunk minifies the assets it processes, but not wasm-bindgen's glue (measured: `--minify`
//! leaves it byte for byte), and binaryen's `--minify-imports` renames only `env` and `wasi`
//! imports (an empty mapping for this module). So terser (npm, pinned) minifies the glue and the
//! loader, and [`shorten_import_names`] renames the imports in the wasm and the glue together.

use crate::{run, tools, Result};
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};

/// How terser reads a file: the glue is an ES module, the loader a classic script.
#[derive(Clone, Copy)]
pub enum JsKind {
    Module,
    Script,
}

/// Minifies the JavaScript file at `path` in place with terser: names mangled, dead code and
/// whitespace dropped, `/*! … */` license comments kept. Terser's defaults are the safe ones (no
/// `unsafe` rewrites) and keep the input's ECMAScript level, so the browser support policy,
/// checked on the sources, still holds for what ships.
pub fn minify_js(path: &Path, kind: JsKind) -> Result<()> {
    let mut terser = Command::new("node");
    terser
        .arg(tools::terser_path())
        .arg(path)
        .args(["--compress", "--mangle", "--output"])
        .arg(path);
    if let JsKind::Module = kind {
        terser.arg("--module");
    }
    run(&mut terser)
}

/// Gives every import the wasm takes from its glue a short name (`a`, `b`, …, `Z`, `ba`, …), in
/// the wasm's import section and in the glue's import object. (wasm-bindgen's glue module is
/// the one named `./<name>_bg.js`, after the file it once was.)
///
/// wasm-bindgen names each import after what it calls plus a 16-digit hash
/// (`__wbg_appendChild_7465eba84213c75f`): 190 of them cost 2.5 KB of brotli in the wasm and
/// 1.9 KB in the glue (measured). Every other section of the wasm is copied byte for byte. In
/// the glue, only whole identifiers are replaced; a name the glue does not hold exactly once
/// (as its import object's key) is an error, so a change in wasm-bindgen's output stops the
/// build instead of shipping a bundle whose imports do not link.
pub fn shorten_import_names(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String)> {
    let mut short_names = HashMap::new();
    let mut module = wasm_encoder::Module::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload?;
        if let wasmparser::Payload::ImportSection(reader) = &payload {
            let mut imports = wasm_encoder::ImportSection::new();
            for import in reader.clone().into_imports() {
                let import = import?;
                let ty = RoundtripReencoder
                    .entity_type(import.ty)
                    .map_err(|e| format!("import {}: {e:?}", import.name))?;
                if import.module.starts_with("./") && import.module.ends_with("_bg.js") {
                    let next = short_name(short_names.len());
                    let name = short_names.entry(import.name.to_string()).or_insert(next);
                    imports.import(import.module, name, ty);
                } else {
                    imports.import(import.module, import.name, ty);
                }
            }
            module.section(&imports);
        } else if let Some((id, range)) = payload.as_section() {
            let data = wasm
                .get(range)
                .ok_or("a wasm section runs past the end of the file")?;
            module.section(&wasm_encoder::RawSection { id, data });
        }
    }
    if short_names.is_empty() {
        return Err("the wasm imports nothing from wasm-bindgen's glue".into());
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let glue = map_identifiers(glue, |word| {
        let short = short_names.get(word)?;
        *seen.entry(short).or_default() += 1;
        Some(short.clone())
    });
    if let Some((long, _)) = short_names
        .iter()
        .find(|(_, short)| seen.get(short.as_str()) != Some(&1))
    {
        return Err(format!("the glue does not name the import {long} exactly once").into());
    }
    Ok((module.finish(), glue))
}

/// `a` … `z`, `A` … `Z`, then `ba`, `bb`, …: short, and valid identifiers.
fn short_name(index: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    let mut rest = index;
    loop {
        name.push(LETTERS[rest % LETTERS.len()]);
        rest /= LETTERS.len();
        if rest == 0 {
            break;
        }
    }
    name.reverse();
    String::from_utf8_lossy(&name).into_owned()
}

/// `source` with each whole identifier (a run of letters, digits, `_` and `$`) that `rename`
/// maps replaced.
fn map_identifiers(source: &str, mut rename: impl FnMut(&str) -> Option<String>) -> String {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(start) = rest.find(is_word) {
        let (before, word_on) = rest.split_at(start);
        out.push_str(before);
        let end = word_on.find(|c: char| !is_word(c)).unwrap_or(word_on.len());
        let (word, after) = word_on.split_at(end);
        match rename(word) {
            Some(short) => out.push_str(&short),
            None => out.push_str(word),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_count_up_through_two_letters() {
        assert_eq!(short_name(0), "a");
        assert_eq!(short_name(51), "Z");
        assert_eq!(short_name(52), "ba");
        assert_eq!(short_name(52 * 52 - 1), "ZZ");
    }

    #[test]
    fn the_glue_imports_get_short_names_in_the_wasm_and_in_the_glue() {
        use wasm_encoder::{
            CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection,
            ImportSection, Instruction, Module, TypeSection, ValType,
        };
        let mut types = TypeSection::new();
        types.ty().function([ValType::I32], []);
        let mut imports = ImportSection::new();
        imports.import(
            "./w_bg.js",
            "__wbg_log_0123456789abcdef",
            EntityType::Function(0),
        );
        imports.import(
            "./w_bg.js",
            "__wbindgen_throw_fedcba9876543210",
            EntityType::Function(0),
        );
        imports.import("env", "keep_me", EntityType::Function(0));
        let mut functions = FunctionSection::new();
        functions.function(0);
        let mut exports = ExportSection::new();
        exports.export("run", ExportKind::Func, 3);
        let mut body = Function::new([]);
        body.instruction(&Instruction::LocalGet(0));
        body.instruction(&Instruction::Call(0));
        body.instruction(&Instruction::LocalGet(0));
        body.instruction(&Instruction::Call(1));
        body.instruction(&Instruction::End);
        let mut code = CodeSection::new();
        code.function(&body);
        let mut module = Module::new();
        module
            .section(&types)
            .section(&imports)
            .section(&functions)
            .section(&exports)
            .section(&code);
        let wasm = module.finish();
        let glue = "const import0 = { __wbg_log_0123456789abcdef: function(a) {}, \
                    __wbindgen_throw_fedcba9876543210: function(a) {} };";

        let (short_wasm, short_glue) = shorten_import_names(&wasm, glue).unwrap();

        wasmparser::validate(&short_wasm).unwrap();
        let names: Vec<(String, String)> = wasmparser::Parser::new(0)
            .parse_all(&short_wasm)
            .filter_map(|p| match p.unwrap() {
                wasmparser::Payload::ImportSection(r) => Some(r),
                _ => None,
            })
            .flat_map(|r| r.into_imports())
            .map(|i| {
                let i = i.unwrap();
                (i.module.to_string(), i.name.to_string())
            })
            .collect();
        let pairs: Vec<(&str, &str)> = names
            .iter()
            .map(|(m, n)| (m.as_str(), n.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [("./w_bg.js", "a"), ("./w_bg.js", "b"), ("env", "keep_me")]
        );
        assert_eq!(
            short_glue,
            "const import0 = { a: function(a) {}, b: function(a) {} };"
        );
        assert!(short_wasm.len() < wasm.len());
    }

    #[test]
    fn a_glue_that_does_not_name_an_import_stops_the_build() {
        use wasm_encoder::{EntityType, ImportSection, Module, TypeSection};
        let mut types = TypeSection::new();
        types.ty().function([], []);
        let mut imports = ImportSection::new();
        imports.import(
            "./w_bg.js",
            "__wbg_gone_0123456789abcdef",
            EntityType::Function(0),
        );
        let mut module = Module::new();
        module.section(&types).section(&imports);
        let error = shorten_import_names(&module.finish(), "const import0 = {};")
            .unwrap_err()
            .to_string();
        assert!(error.contains("__wbg_gone_0123456789abcdef"), "{error}");
    }

    #[test]
    fn only_whole_identifiers_are_renamed() {
        let renamed = map_identifiers("x.__wbg_a_1 = __wbg_a_12 + '__wbg_a_1'", |w| {
            (w == "__wbg_a_1").then(|| "q".to_string())
        });
        assert_eq!(renamed, "x.q = __wbg_a_12 + 'q'");
    }
}
