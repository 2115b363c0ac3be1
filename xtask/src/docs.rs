//! Checks of the documentation that the test command runs: every link from the README and
//! `docs/` reaches a file that exists (and, for a Markdown file, a heading that exists), and no
//! document or source comment reads as a work log.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::path::{Component, Path, PathBuf};

/// The Markdown files a reader follows links through: the README, the changelog and `docs/`.
pub fn documents(root: &Path) -> Vec<PathBuf> {
    let mut found = vec![root.join("README.md"), root.join("CHANGELOG.md")];
    found.extend(
        crate::files_under(&root.join("docs"))
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "md")),
    );
    found
}

/// The link targets of a Markdown text: links and images, as written.
pub fn link_targets(markdown: &str) -> Vec<String> {
    Parser::new(markdown)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

/// The anchors of a Markdown text's headings, as GitHub makes them: lower case, punctuation
/// other than `-` and `_` dropped, spaces turned into `-`.
pub fn heading_anchors(markdown: &str) -> Vec<String> {
    let mut anchors: Vec<String> = Vec::new();
    let mut heading: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = heading.as_mut() {
                    heading.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(text) = heading.take() {
                    // A heading written again gets `-1`, `-2`, ... as on GitHub.
                    let base = anchor(&text);
                    let mut unique = base.clone();
                    let mut n = 0;
                    while anchors.contains(&unique) {
                        n += 1;
                        unique = format!("{base}-{n}");
                    }
                    anchors.push(unique);
                }
            }
            _ => {}
        }
    }
    anchors
}

fn anchor(heading: &str) -> String {
    heading
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// Every link of `document` that leads nowhere, as `document: target (why)`. Links to other
/// sites are not followed (there is no network here); links into the repository, and out of
/// it to `../shared/`, must reach a file, and an anchor into a Markdown file must name one of
/// its headings.
pub fn broken_links(document: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(document) else {
        return vec![format!("{}: cannot be read", document.display())];
    };
    let folder = document.parent().unwrap_or(Path::new("."));
    let mut broken = Vec::new();
    for target in link_targets(&text) {
        if target.contains("://") || target.starts_with("mailto:") {
            continue;
        }
        let (path, fragment) = match target.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (target.as_str(), None),
        };
        let file = if path.is_empty() {
            document.to_path_buf()
        } else if let Some(from_root) = path.strip_prefix('/') {
            // As on GitHub: a link from the repository's root.
            crate::workspace_root().join(from_root)
        } else {
            normalize(&folder.join(path))
        };
        if !file.exists() {
            broken.push(format!("{}: {target} (no such file)", document.display()));
            continue;
        }
        if let Some(fragment) = fragment {
            let is_markdown = file.extension().is_some_and(|e| e == "md");
            let anchors = std::fs::read_to_string(&file)
                .map(|t| heading_anchors(&t))
                .unwrap_or_default();
            if is_markdown && !anchors.iter().any(|a| a == fragment) {
                broken.push(format!(
                    "{}: {target} (no such heading)",
                    document.display()
                ));
            }
        }
    }
    broken
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Phrases of a work log, which belong in the changelog and the decision records, not in the
/// README, the docs or the code: a reference to one of the project's own issues by number, or
/// to the current round of work. (The phrases are spelled in pieces here, so that this file
/// passes its own check.)
pub fn work_log_phrases(text: &str) -> Vec<String> {
    const ROUND: &str = concat!("this ", "round");
    const ISSUE: &str = concat!("issue", " ");
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    if lower.contains(ROUND) {
        found.push(format!("\"{ROUND}\""));
    }
    for (at, _) in lower.match_indices(ISSUE) {
        let rest = lower.get(at + ISSUE.len()..).unwrap_or("");
        let rest = rest.trim_start_matches('#');
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            let end = (at + 12).min(text.len());
            found.push(format!("\"{}\"", text.get(at..end).unwrap_or("issue")));
        }
    }
    found
}

/// The files whose text must not read as a work log: the README, `docs/` (decision records
/// name other projects' issues by their repository) and every source file.
pub fn files_to_keep_free_of_work_log(root: &Path) -> Vec<PathBuf> {
    let text_file = |p: &PathBuf| {
        p.extension().is_some_and(|e| {
            ["md", "rs", "js", "css", "html", "sh"]
                .iter()
                .any(|x| e == *x)
        })
    };
    let mut files = vec![root.join("README.md")];
    for folder in ["docs", "src", "js", "style", "tests", "xtask/src"] {
        files.extend(
            crate::files_under(&root.join(folder))
                .into_iter()
                .filter(text_file),
        );
    }
    files
}

/// The README's length limit: it is read to the end, the rest is in `docs/`.
pub const README_MAX_LINES: usize = 250;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_link_of_the_readme_and_the_docs_leads_somewhere() {
        let root = crate::workspace_root();
        let broken: Vec<String> = documents(&root)
            .iter()
            .flat_map(|d| broken_links(d))
            .collect();
        assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    }

    #[test]
    fn the_readme_links_into_every_page_of_the_docs() {
        let root = crate::workspace_root();
        let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
        let linked = link_targets(&readme);
        for entry in std::fs::read_dir(root.join("docs")).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if name.ends_with(".md") {
                assert!(
                    linked.iter().any(|l| l == &format!("docs/{name}")),
                    "the README does not link docs/{name}"
                );
            }
        }
    }

    #[test]
    fn the_readme_is_short() {
        let readme = std::fs::read_to_string(crate::workspace_root().join("README.md")).unwrap();
        let lines = readme.lines().count();
        assert!(
            lines <= README_MAX_LINES,
            "README.md has {lines} lines; at most {README_MAX_LINES}: move the rest into docs/"
        );
    }

    #[test]
    fn no_document_or_source_reads_as_a_work_log() {
        let root = crate::workspace_root();
        let mut found = Vec::new();
        for file in files_to_keep_free_of_work_log(&root) {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            for phrase in work_log_phrases(&text) {
                found.push(format!("{}: {phrase}", file.display()));
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    #[test]
    fn a_missing_file_or_heading_is_found() {
        let folder = std::env::temp_dir().join(format!("xtask-docs-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let doc = folder.join("a.md");
        std::fs::write(folder.join("b.md"), "# The title\n\n## Share networks\n").unwrap();
        std::fs::write(
            &doc,
            "[ok](b.md#share-networks) [top](b.md#the-title) [gone](c.md) [bad](b.md#nope) \
             [web](https://example.com/x) ![pic](b.md)\n\n## Here\n\n[self](#here) [self-bad](#there)",
        )
        .unwrap();
        let broken = broken_links(&doc);
        std::fs::remove_dir_all(&folder).unwrap();
        assert_eq!(broken.len(), 3, "{broken:?}");
        assert!(broken[0].ends_with("c.md (no such file)"));
        assert!(broken[1].ends_with("b.md#nope (no such heading)"));
        assert!(broken[2].ends_with("#there (no such heading)"));
    }

    #[test]
    fn anchors_are_made_as_github_makes_them() {
        assert_eq!(
            heading_anchors(
                "## The article JSON (version 1)\n# `hydrate`: when\n## Your page's scrollbar\n## Über\n## Über"
            ),
            [
                "the-article-json-version-1",
                "hydrate-when",
                "your-pages-scrollbar",
                "über",
                "über-1"
            ]
        );
    }

    #[test]
    fn work_log_phrases_are_found() {
        let issue = "issue";
        assert_eq!(work_log_phrases(&format!("as {issue} 15 says")).len(), 1);
        assert_eq!(
            work_log_phrases(&format!("see {issue} #7, This {}", "Round")).len(),
            2
        );
        assert!(work_log_phrases(&format!("leptos-rs/leptos#4347; an {issue} with it")).is_empty());
    }
}
