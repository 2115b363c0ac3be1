//! Host pages of pre-rendered cards: snippets from `article_widget::render` (what
//! `article-widget-render` prints) between paragraphs, for the suites that test them.

use super::origins;
use article_widget::render::{render_snippet, RenderOptions};
use serde_json::Value;
use xtask::workspace_root;

/// The seed article, its photo at its absolute URL, so that the test routes under `/__test/`
/// (a slow article, a failing one) still show the real photo.
pub fn seed() -> String {
    let text = std::fs::read_to_string(workspace_root().join("docs/demo/article.json")).unwrap();
    let mut article: Value = serde_json::from_str(&text).unwrap();
    article["image"]["url"] =
        format!("{}/demo/media/diaz-canel.jpg", origins().widget.origin).into();
    article.to_string()
}

/// One pre-rendered widget of a test page.
pub struct Widget {
    pub id: String,
    /// The `src`, on the widget origin.
    pub src: String,
    pub layout: &'static str,
    /// The article the snippet is rendered from.
    pub article: String,
    /// The snippet's `hydrate` attribute; `load` unless a test says otherwise (the suites that
    /// test the takeover want it at once), `None` for none (the default, `interaction`).
    pub hydrate: Option<&'static str>,
    /// Host-page HTML right before the widget's paragraph.
    pub before: &'static str,
}

pub fn widget(id: &str, src: &str, layout: &'static str) -> Widget {
    Widget {
        id: id.into(),
        src: src.into(),
        layout,
        article: seed(),
        hydrate: Some("load"),
        before: "",
    }
}

/// Writes a host page with each widget pre-rendered between paragraphs, loading the bundle
/// from `embed` (on the widget origin), and returns its path on the host origin: under the
/// strict CSP with the snippet's style hash added (as docs/prerendering.md tells strict hosts
/// to do), or with no CSP at all when `strict_csp` is false.
pub fn page(name: &str, widgets: &[Widget], embed: &str, strict_csp: bool) -> String {
    page_with(name, widgets, embed, strict_csp, "")
}

/// [`page`], with `after` (HTML) after the last widget.
pub fn page_with(
    name: &str,
    widgets: &[Widget],
    embed: &str,
    strict_csp: bool,
    after: &str,
) -> String {
    let origin = &origins().widget.origin;
    let mut body = String::new();
    let mut style = String::new();
    for w in widgets {
        let mut attributes = vec![
            ("id".into(), w.id.clone()),
            ("src".into(), format!("{origin}{}", w.src)),
            ("layout".into(), w.layout.into()),
            ("loading".into(), "eager".into()),
            ("share".into(), "x,facebook,email,copy,mastodon".into()),
        ];
        if let Some(hydrate) = w.hydrate {
            attributes.push(("hydrate".into(), hydrate.into()));
        }
        let snippet = render_snippet(
            &w.article,
            &RenderOptions {
                attributes,
                embed_js: None,
                page_url: None,
                page_lang: Some("en".into()),
            },
        )
        .unwrap();
        style = snippet.style_source;
        body.push_str(&format!(
            "{}<p>A paragraph of the host page before the widget.</p>\n{}",
            w.before, snippet.html
        ));
    }
    body.push_str("<p>A paragraph after.</p>\n");
    body.push_str(after);
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pre-rendered</title>\n\
         <link rel=\"stylesheet\" href=\"/pages/scrollbar.css\">\n\
         <script async src=\"{origin}{embed}\"></script></head>\n<body>\n{body}\
         <script src=\"/pages/prerender-probe.js\"></script>\n</body></html>\n"
    );
    let scratch = workspace_root().join("target/scratch");
    std::fs::create_dir_all(&scratch).unwrap();
    std::fs::write(scratch.join(format!("{name}.html")), html).unwrap();
    if !strict_csp {
        return format!("/scratch/{name}.html");
    }
    format!("/scratch/{name}.html?{}", style_hash_query(&style))
}

/// `'sha256-<base64>'` as the test server's `/scratch/` route takes it: base64url in the query.
pub fn style_hash_query(style_source: &str) -> String {
    let hash = style_source
        .trim_start_matches("'sha256-")
        .trim_end_matches('\'')
        .replace('+', "-")
        .replace('/', "_");
    format!("style-hash={hash}")
}
