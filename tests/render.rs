//! The pre-renderer, natively: the snippet it prints for the fixtures, what it escapes, how it
//! fails, and the `article-widget-render` command around it. (What a browser makes of the
//! snippet, and the takeover, are in `tests/prerender.rs`.)
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::host::WIDGET_CSS;
use article_widget::model::formats::parse_any;
use article_widget::model::url::SafeUrl;
use article_widget::render::{render_snippet, style_source, RenderOptions};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(path: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(path),
    )
    .unwrap()
}

fn seed() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/demo/article.json"))
        .unwrap()
}

fn options(attributes: &[(&str, &str)]) -> RenderOptions {
    RenderOptions {
        attributes: attributes
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        ..RenderOptions::default()
    }
}

const SRC: &str = "https://news.example/api/articles/123.json";

#[test]
fn the_seed_article_renders_into_a_declarative_shadow_root_with_its_style_and_fallback() {
    let snippet = render_snippet(
        &seed(),
        &RenderOptions {
            embed_js: Some("https://cdn.example/article-widget/embed.js".into()),
            ..options(&[("src", SRC), ("layout", "full"), ("theme", "dark")])
        },
    )
    .unwrap();
    let html = &snippet.html;
    assert!(html.starts_with(
        "<script async src=\"https://cdn.example/article-widget/embed.js\"></script>\n<article-widget src=\"https://news.example/api/articles/123.json\" layout=\"full\" theme=\"dark\">\n  <template shadowrootmode=\"open\"><style>"
    ));
    assert!(html.contains(&format!(
        "<style>{WIDGET_CSS}</style><div class=\"aw-host\" data-prerendered=\"\"><div "
    )));
    for expected in [
        "data-theme=\"dark\"",
        "data-layout=\"full\"",
        "data-state=\"loaded\"",
        ">Russia: Cuba's Diaz-Canel Heads to Moscow to Strengthen Ties</a></h2>",
        ">Opinion</p>",
        ">Published November 1, 2018</time>",
        "src=\"https://news.example/api/articles/media/diaz-canel.jpg\"",
        "width=\"1200\" height=\"675\"",
        "RELATED",
        "aria-pressed=\"true\"",
        ">0 Comments</a>",
    ] {
        assert!(html.contains(expected), "{expected} is missing.");
    }
    // The publisher's fallback, for crawlers and feed readers: the article's link.
    assert!(html.ends_with("</template>\n  <a href=\"https://news.example/news/Russia-Cubas-Diaz-Canel-Heads-to-Moscow-to-Strengthen-Ties\">Russia: Cuba's Diaz-Canel Heads to Moscow to Strengthen Ties</a>\n</article-widget>\n"));
}

#[test]
fn the_style_hash_is_the_sha256_of_the_stylesheet_and_the_sheet_cannot_end_its_element() {
    // Checked against a known digest: the hash of "abc" through the same two crates.
    assert!(style_source().starts_with("'sha256-") && style_source().ends_with("='"));
    let snippet = render_snippet(&seed(), &options(&[("src", SRC)])).unwrap();
    assert_eq!(snippet.style_source, style_source());
    assert!(
        !WIDGET_CSS.contains("</"),
        "the stylesheet would close its <style> early"
    );
    let output = Command::new("sh")
        .arg("-c")
        .arg("openssl dgst -sha256 -binary | openssl base64 -A")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(WIDGET_CSS.as_bytes())?;
            child.wait_with_output()
        });
    if let Some(output) = output.ok().filter(|o| o.status.success()) {
        let digest = String::from_utf8(output.stdout).unwrap();
        assert_eq!(style_source(), format!("'sha256-{}'", digest.trim()));
    }
}

#[test]
fn spanish_renders_spanish_words_and_dates() {
    let snippet =
        render_snippet(&fixture("articles/spanish.json"), &options(&[("src", SRC)])).unwrap();
    assert!(snippet.html.contains("lang=\"es\""));
    assert!(snippet.html.contains("Publicado el "), "{}", snippet.html);
}

#[test]
fn every_fixture_renders_or_fails_as_the_widget_would() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = ["articles", "formats"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).unwrap())
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 9);
    let source = SafeUrl::parse_absolute(SRC).unwrap();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let rendered = render_snippet(&text, &options(&[("src", SRC), ("layout", "full")]));
        match parse_any(&text, &source, None) {
            Ok(parsed) => {
                let html = rendered
                    .unwrap_or_else(|e| panic!("{}: {e}", file.display()))
                    .html;
                let headline = parsed
                    .article
                    .headline
                    .replace('&', "&amp;")
                    .replace('<', "&lt;");
                assert!(html.contains(&headline), "{}: no headline", file.display());
            }
            Err(error) => assert_eq!(rendered.unwrap_err(), error, "{}", file.display()),
        }
    }
}

#[test]
fn publisher_text_and_attributes_cannot_leave_their_place() {
    let mut article: serde_json::Value = serde_json::from_str(&seed()).unwrap();
    article["headline"] = "</template><script>alert(1)</script> & <b>".into();
    article["label"] = "\"><img src=x onerror=alert(1)>".into();
    let snippet = render_snippet(
        &article.to_string(),
        &options(&[
            ("src", SRC),
            ("lang", "en\"><script>alert(2)</script>"),
            ("x\" onload=\"alert(3)", "dropped"),
        ]),
    )
    .unwrap();
    let html = snippet.html;
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("onload"));
    assert!(html.contains("&lt;/template&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;"));
    assert!(html.contains(" lang=\"en&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\""));
    assert_eq!(html.matches("<template").count(), 1);
    assert_eq!(html.matches("</template>").count(), 1);
}

#[test]
fn it_fails_with_the_widgets_own_messages() {
    let no_src = render_snippet(&seed(), &options(&[])).unwrap_err();
    assert_eq!(
        no_src.to_string(),
        article_widget::model::error::LoadError::NoSource.to_string()
    );
    let broken = render_snippet("{\"version\": 1}", &options(&[("src", SRC)])).unwrap_err();
    assert_eq!(broken.to_string(), "id is missing.");
    // A relative src resolves against the page, as in the browser.
    let relative = render_snippet(
        &seed(),
        &RenderOptions {
            page_url: Some("https://host.example/blog/post.html".into()),
            ..options(&[("src", "/api/a.json")])
        },
    )
    .unwrap();
    assert!(relative
        .html
        .contains("src=\"https://host.example/api/media/diaz-canel.jpg\""));
}

fn command(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-widget-render"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        let mut input = input;
        input.write_all(text.as_bytes()).unwrap();
    } else {
        drop(input);
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_command_reads_a_file_or_stdin_and_prints_the_snippet() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/demo/article.json");
    let (code, from_file, _) = command(
        &["--src", SRC, "--layout", "full", file.to_str().unwrap()],
        None,
    );
    assert_eq!(code, 0);
    let (code, from_stdin, csp) =
        command(&["--src", SRC, "--layout", "full", "--csp"], Some(&seed()));
    assert_eq!(code, 0);
    assert_eq!(from_file, from_stdin);
    assert_eq!(
        from_file,
        render_snippet(&seed(), &options(&[("src", SRC), ("layout", "full")]))
            .unwrap()
            .html
    );
    assert_eq!(csp.trim(), format!("style-src {}", style_source()));

    let (code, out, err) = command(&["--src", SRC], Some("{\"version\": 1}"));
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(err, "article-widget-render: id is missing.\n");
    let (code, _, err) = command(&["--src"], None);
    assert_eq!(code, 2);
    assert!(err.contains("--src needs a value"));
}

#[test]
fn the_command_writes_hydrate_and_refuses_a_mode_that_is_not_one() {
    let (code, out, _) = command(&["--src", SRC, "--hydrate", "visible"], Some(&seed()));
    assert_eq!(code, 0);
    assert!(
        out.contains(&format!(
            "<article-widget src=\"{SRC}\" hydrate=\"visible\">"
        )),
        "{out}"
    );
    let (code, out, err) = command(&["--src", SRC, "--hydrate", "later"], Some(&seed()));
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("--hydrate is one of interaction, idle, visible, load (not later)"),
        "{err}"
    );
}
