//! The worst-case corpus: article JSON documents just under the widget's 1 MiB cap, each a
//! short hostile or broken fragment repeated, or one enormous construct. The native tests parse
//! them (time and steps), the test server serves them at `/__test/worst/<name>.json` for the
//! end-to-end test of the host page's responsiveness, and the benchmark times them.

use serde_json::{json, Value};

/// The widget's response cap (`MAX_ARTICLE_BYTES`); every document stays under it.
pub const LIMIT: usize = 1024 * 1024;

/// What a case repeats: `body_html` made of `head`, then `unit` as often as fits, then `tail`;
/// or a structured body of `block` repeated.
enum Shape {
    Html {
        head: &'static str,
        unit: &'static str,
        tail: &'static str,
    },
    Blocks(fn(usize) -> Value),
}

struct Case {
    name: &'static str,
    shape: Shape,
}

const fn html(name: &'static str, unit: &'static str) -> Case {
    Case {
        name,
        shape: Shape::Html {
            head: "",
            unit,
            tail: "",
        },
    }
}

const fn wrapped(
    name: &'static str,
    head: &'static str,
    unit: &'static str,
    tail: &'static str,
) -> Case {
    Case {
        name,
        shape: Shape::Html { head, unit, tail },
    }
}

const CASES: &[Case] = &[
    // The three measured in the issue.
    html("h1", "<h1>"),
    html("style", "<style></style>"),
    html("p-x", "<p>x"),
    // Deep nesting, closed and never closed.
    html("nested-div", "<div>"),
    wrapped("nested-closed", "", "<blockquote><ul><li><b>", "x"),
    html("unclosed-every-kind", "<em><strong><b><i><p><h3><blockquote><ul><ol><li><cite><code><sub><sup><figure><figcaption><a href=/x><div><span><table><td>"),
    // Raw-text elements: opened and closed, and never closed with near-miss end tags after.
    html("raw-text-closed", "<style>a</style><script>b</script><textarea>c</textarea><title>d</title><xmp>e</xmp><noscript>f</noscript>"),
    wrapped("script-unclosed", "<script>", "</scripx ", ""),
    wrapped("textarea-unclosed", "<p>a<textarea>", "</TEXTAREAS", ""),
    html("raw-text-unclosed-each", "<style><script><textarea><title><xmp><noscript>"),
    html("comment-unclosed", "<!-- <p>"),
    // Attributes.
    wrapped("long-attribute-list", "<p ", "a=1 ", ">x</p>"),
    wrapped("repeated-attribute", "<a ", "href=/x ", ">x</a>"),
    wrapped("huge-attribute-value", "<a href='/", "x", "'>link</a><img src='/i.jpg' alt='x'>"),
    wrapped("huge-alt", "<img src='/i.jpg' alt='", "a", "'>"),
    // Character references: valid, numeric, broken, and bare ampersands.
    html("entities", "&amp;&eacute;&#233;&#xE9;&bogus;&#xFFFFFFFF;&#0;&"),
    html("ampersands", "&a"),
    html("long-entity-names", "&abcdefghijklmnopqrstuvwxyzabcdefghijklmnop "),
    // Text, links and images at scale.
    html("long-word", "x"),
    html("many-links", "<a href=/a>a</a> "),
    html("many-images", "<img src=/i.jpg alt=''>"),
    html("lt-not-a-tag", "< "),
    html("end-tags-without-start", "</p></li></b>"),
    // A structured body of many blocks, and of one enormous paragraph.
    Case {
        name: "many-blocks",
        shape: Shape::Blocks(|n| {
            Value::Array(
                (0..n)
                    .map(|_| json!({"type": "paragraph", "text": "x"}))
                    .collect(),
            )
        }),
    },
    Case {
        name: "one-huge-paragraph",
        shape: Shape::Blocks(|n| {
            json!([{"type": "paragraph", "html": "<b>x</b> ".repeat(n)}])
        }),
    },
];

/// The names of every case.
pub fn names() -> Vec<&'static str> {
    CASES.iter().map(|c| c.name).collect()
}

fn article(body: (&str, Value)) -> Value {
    let mut article = json!({
        "id": "worst-case",
        "url": "https://news.example/worst-case",
        "headline": "Worst case",
        "published": "2020-01-01T00:00:00Z",
        "site": { "name": "Example News" }
    });
    article[body.0] = body.1;
    article
}

fn build(case: &Case, repeat: usize) -> String {
    match &case.shape {
        Shape::Html { head, unit, tail } => {
            let html = format!("{head}{}{tail}", unit.repeat(repeat));
            article(("body_html", Value::String(html))).to_string()
        }
        Shape::Blocks(blocks) => article(("body", blocks(repeat))).to_string(),
    }
}

/// The article JSON of case `name` at `repeat` repetitions, or just under [`LIMIT`] when
/// `repeat` is `None`.
pub fn document(name: &str, repeat: Option<usize>) -> Option<String> {
    let case = CASES.iter().find(|c| c.name == name)?;
    if let Some(repeat) = repeat {
        return Some(build(case, repeat));
    }
    // The largest repetition that fits: the size grows by a fixed amount per unit.
    let one = build(case, 1).len();
    let two = build(case, 2).len();
    let per_unit = two.saturating_sub(one).max(1);
    let repeat = (LIMIT.saturating_sub(one)) / per_unit + 1;
    let mut text = build(case, repeat);
    let mut repeat = repeat;
    while text.len() > LIMIT && repeat > 1 {
        repeat -= 1;
        text = build(case, repeat);
    }
    Some(text)
}
