//! Checks of the code's layout that the test command runs: no module of `src/` imports one that
//! imports it back (directly or around a longer circle), and views name no media element
//! (playback is `src/media/`'s).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The crate's modules, by path (`model::formats::v1`), with the file each lives in.
pub fn modules(src: &Path) -> BTreeMap<String, PathBuf> {
    let mut found = BTreeMap::new();
    for path in crate::files_under(src) {
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let Ok(relative) = path.strip_prefix(src) else {
            continue;
        };
        let mut parts: Vec<String> = relative
            .with_extension("")
            .iter()
            .map(|p| p.to_string_lossy().to_string())
            .collect();
        if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
            parts.pop();
        }
        if parts.first().is_some_and(|p| p == "bin") {
            continue;
        }
        found.insert(parts.join("::"), path);
    }
    found
}

/// The modules `text` (the source of module `name`) names by path: `crate::a::b` and
/// `super::x`, in `use` lines and in code, each resolved to the longest known module path.
/// (A parent's relative paths to its own children, `use child::Item`, are not arrows: a module
/// may use what it declares.)
pub fn imports(name: &str, text: &str, known: &BTreeMap<String, PathBuf>) -> Vec<String> {
    let mut found = Vec::new();
    // A file's own tests (`#[cfg(test)] mod tests`, at its end by convention) are one module
    // deeper, and test code is not the module's dependency: the scan stops there.
    let code_lines = text.lines().take_while(|l| l.trim() != "#[cfg(test)]");
    // `use crate::{a, b::C}` names `crate::a` and `crate::b::C`: groups are spread first.
    let spread: Vec<String> = code_lines.flat_map(spread_groups).collect();
    for line in &spread {
        let code = line.split("//").next().unwrap_or("");
        for (start, _) in code
            .match_indices("crate::")
            .chain(code.match_indices("super::"))
        {
            // `crate::` at the end of a longer name (`my_crate::`) is not this crate.
            let before = code.get(..start).and_then(|b| b.chars().last());
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let path: String = code
                .get(start..)
                .unwrap_or("")
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            let mut candidate: Vec<String> = Vec::new();
            if segments.first() == Some(&"crate") {
                segments.remove(0);
            } else {
                candidate = name.split("::").map(str::to_string).collect();
                while segments.first() == Some(&"super") {
                    segments.remove(0);
                    candidate.pop();
                }
            }
            candidate.extend(segments.iter().map(|s| s.to_string()));
            // The longest prefix that names a module: `model::article::MediaMode` is
            // `model::article`.
            while !candidate.is_empty() {
                let joined = candidate.join("::");
                if known.contains_key(&joined) {
                    if joined != name && !found.contains(&joined) {
                        found.push(joined);
                    }
                    break;
                }
                candidate.pop();
            }
        }
    }
    found
}

/// `prefix::{a, b::c, d as e}` in `line` as one path per item (`prefix::a`, `prefix::b::c`,
/// ...), for a `crate::` or `super::` prefix; other lines as they are. Nested groups are
/// spread one level, which is as deep as this crate writes them.
fn spread_groups(line: &str) -> Vec<String> {
    let Some(open) = line.find("::{") else {
        return vec![line.to_string()];
    };
    let start = line
        .get(..open)
        .and_then(|before| before.rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')))
        .map_or(0, |i| i + 1);
    let prefix = line.get(start..open).unwrap_or("");
    let Some(close) = line.get(open..).and_then(|rest| rest.rfind('}')) else {
        return vec![line.to_string()];
    };
    let items = line.get(open + 3..open + close).unwrap_or("");
    items
        .split(',')
        .map(|item| item.trim().trim_start_matches('{').trim_end_matches('}'))
        .filter(|item| !item.is_empty() && *item != "self")
        .map(|item| format!("{prefix}::{item}"))
        .collect()
}

/// Every circle of imports among the crate's modules, as `a -> b -> a`.
pub fn circles(src: &Path) -> Vec<String> {
    let known = modules(src);
    let graph: BTreeMap<String, Vec<String>> = known
        .iter()
        .map(|(name, path)| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            (name.clone(), imports(name, &text, &known))
        })
        .collect();
    let mut found = Vec::new();
    // Tarjan would find each strongly connected set once; a depth-first search from each
    // module that reports a way back to it is enough for a tree of a few dozen files.
    for start in graph.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = vec![start.clone()];
        while let Some((at, path)) = stack.pop() {
            for next in graph.get(&at).into_iter().flatten() {
                if next == start {
                    let mut circle = path.clone();
                    circle.push(start.clone());
                    found.push(circle.join(" -> "));
                } else if !seen.contains(next) {
                    seen.push(next.clone());
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    found
}

/// The names a view must not use: playback is the media controller's.
pub const MEDIA_ELEMENT_TYPES: &[&str] =
    &["HtmlMediaElement", "HtmlVideoElement", "HtmlAudioElement"];

#[cfg(test)]
mod tests {
    use super::*;

    fn src() -> PathBuf {
        crate::workspace_root().join("src")
    }

    #[test]
    fn no_module_imports_one_that_imports_it_back() {
        let circles = circles(&src());
        assert!(circles.is_empty(), "circles:\n{}", circles.join("\n"));
    }

    #[test]
    fn views_name_no_media_element() {
        let mut found = Vec::new();
        for (name, path) in modules(&src()) {
            if !name.starts_with("view") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for kind in MEDIA_ELEMENT_TYPES {
                if text.contains(kind) {
                    found.push(format!("{}: {kind}", path.display()));
                }
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    #[test]
    fn a_circle_is_found_and_a_tree_is_not() {
        let folder = std::env::temp_dir().join(format!("xtask-layout-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(folder.join("model/formats")).unwrap();
        std::fs::write(folder.join("lib.rs"), "pub mod model;\n").unwrap();
        std::fs::write(
            folder.join("model/mod.rs"),
            "pub mod a;\npub mod b;\npub mod formats;\n",
        )
        .unwrap();
        std::fs::write(folder.join("model/a.rs"), "use super::b::Thing;\n").unwrap();
        std::fs::write(folder.join("model/b.rs"), "pub struct Thing;\n").unwrap();
        std::fs::write(
            folder.join("model/formats/mod.rs"),
            "mod v1;\nuse crate::model::a::X;\n",
        )
        .unwrap();
        std::fs::write(folder.join("model/formats/v1.rs"), "// crate::model::b\n").unwrap();
        let tree = circles(&folder);
        std::fs::write(
            folder.join("model/b.rs"),
            "let x = crate::model::formats::v1::read();\n",
        )
        .unwrap();
        // A group of modules, and a test module whose `super` is the file itself.
        std::fs::write(
            folder.join("model/formats/v1.rs"),
            "use super::super::{b, a::Y};\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n",
        )
        .unwrap();
        let circle = circles(&folder);
        std::fs::remove_dir_all(&folder).unwrap();
        assert!(tree.is_empty(), "{tree:?}");
        assert!(
            circle.contains(&"model::a -> model::b -> model::formats::v1 -> model::a".to_string()),
            "{circle:?}"
        );
    }
}
