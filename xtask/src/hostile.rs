//! The widget origin's hostile side, for the tests of issue "Hostile input and failure": every
//! network failure mode, and articles carrying XSS payloads in every field.

use crate::http::{respond, serve_file};
use serde_json::{json, Value};
use std::io::Write;
use std::net::TcpStream;
use std::path::Path;
use std::thread;
use std::time::Duration;

/// The payload corpus, one per line (`#` starts a comment), with `{{PWN}}` (a URL nothing may
/// ever request) and `{{IMG}}` (an image the sanitizer may legitimately load) filled in.
pub fn payloads(widget_origin: &str) -> Vec<String> {
    let path = crate::workspace_root().join("tests/fixtures/xss-payloads.txt");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            l.replace("{{PWN}}", &format!("{widget_origin}/__pwned"))
                .replace(
                    "{{IMG}}",
                    &format!("{widget_origin}/demo/media/diaz-canel.jpg"),
                )
        })
        .collect()
}

/// An article with `payload` in every text and URL field, or (`in_body_html`) in `body_html`.
pub fn hostile_article(n: usize, payload: &str, in_body_html: bool) -> Value {
    let p = payload;
    let mut article = json!({
        "id": format!("xss-{n}"),
        "url": format!("https://news.example/xss/{n}"),
        "headline": format!("Payload {n}: {p}"),
        "label": p,
        "summary": p,
        "lang": p,
        "published": "2020-01-01T00:00:00Z",
        "site": { "name": p, "url": p },
        "breadcrumb": [{ "name": p, "url": p }],
        "authors": [{ "name": p, "url": p }],
        "image": { "url": p, "alt": p, "caption": p, "credit": p },
        "share": { "text": p, "hashtags": [p], "via": p },
        "live": { "title": p, "video": { "src": p, "type": p }, "audio": { "src": p }, "poster": p },
        "comments": { "count": 1, "url": p, "count_url": p }
    });
    if in_body_html {
        article["body_html"] = json!(p);
    } else {
        article["body"] = json!([
            { "type": "paragraph", "text": p },
            { "type": "paragraph", "html": p },
            { "type": "heading", "text": p },
            { "type": "quote", "text": p, "cite": p },
            { "type": "related", "title": p, "url": p, "label": p },
            { "type": "image", "url": p, "alt": p, "caption": p }
        ]);
    }
    article
}

/// Answers the hostile routes under `/__test/`; `None` for any other route.
pub fn route(
    out: &mut TcpStream,
    root: &Path,
    route: &str,
    cors: &[(String, String)],
    origin: &str,
) -> Option<std::io::Result<()>> {
    let seed = || std::fs::read(root.join("demo/article.json")).unwrap_or_default();
    let result = match route {
        // The article in 20 pieces over 2 s: slow, but within the timeout.
        "drip-fast.json" => drip(out, &seed(), 20, Duration::from_millis(100), cors),
        // One byte every 100 ms: the headers come at once, the body never finishes in time.
        "drip-slow.json" => {
            let body = seed();
            drip(out, &body, body.len(), Duration::from_millis(100), cors)
        }
        "redirect-loop" => {
            let mut headers = cors.to_vec();
            headers.push(("Location".into(), format!("{origin}/__test/redirect-loop")));
            respond(out, 302, "text/plain", b"again", &headers)
        }
        "empty" => respond(out, 200, "application/json", b"", cors),
        // JSON served as text/plain: misconfigured, but it is JSON, so it is read.
        "wrong-type.json" => respond(out, 200, "text/plain", &seed(), cors),
        "error-json" => respond(
            out,
            500,
            "application/json",
            br#"{"error":"database unavailable"}"#,
            cors,
        ),
        // No CORS headers: the browser refuses to hand the response to the page.
        "no-cors.json" => respond(out, 200, "application/json", &seed(), &[]),
        // 10 MB, declared up front.
        "huge.json" => respond(out, 200, "application/json", &vec![b' '; 10 << 20], cors),
        // 10 MB with no length: the reader has to stop counting by itself.
        "huge-stream.json" => stream_without_length(out, 10 << 20, cors),
        "xss-count" => respond(
            out,
            200,
            "application/json",
            payloads(origin).len().to_string().as_bytes(),
            cors,
        ),
        other => {
            let (kind, rest) = other.split_once('/')?;
            if kind == "worst" {
                // The worst-case corpus, each document just under the 1 MiB cap.
                let body = crate::corpus::document(rest.trim_end_matches(".json"), None)?;
                return Some(respond(out, 200, "application/json", body.as_bytes(), cors));
            }
            let n: usize = rest.trim_end_matches(".json").parse().ok()?;
            let in_body_html = match kind {
                "xss" => false,
                "xss-html" => true,
                "img" => {
                    return Some(serve_file(
                        out,
                        root,
                        "/demo/media/diaz-canel.jpg",
                        cors,
                        None,
                    ))
                }
                _ => return None,
            };
            let payload = payloads(origin).get(n)?.clone();
            let article = hostile_article(n, &payload, in_body_html);
            respond(
                out,
                200,
                "application/json",
                article.to_string().as_bytes(),
                cors,
            )
        }
    };
    Some(result)
}

fn head(
    out: &mut TcpStream,
    length: Option<usize>,
    cors: &[(String, String)],
) -> std::io::Result<()> {
    let mut head = String::from("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nCache-Control: no-store\r\nConnection: close\r\n");
    if let Some(length) = length {
        head.push_str(&format!("Content-Length: {length}\r\n"));
    }
    for (name, value) in cors {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    out.flush()
}

/// Sends `body` in `pieces` parts, `pause` apart; stops when the client goes away.
fn drip(
    out: &mut TcpStream,
    body: &[u8],
    pieces: usize,
    pause: Duration,
    cors: &[(String, String)],
) -> std::io::Result<()> {
    head(out, Some(body.len()), cors)?;
    let size = body.len().div_ceil(pieces.max(1)).max(1);
    for chunk in body.chunks(size) {
        out.write_all(chunk)?;
        out.flush()?;
        thread::sleep(pause);
    }
    Ok(())
}

fn stream_without_length(
    out: &mut TcpStream,
    total: usize,
    cors: &[(String, String)],
) -> std::io::Result<()> {
    head(out, None, cors)?;
    let chunk = vec![b' '; 64 * 1024];
    let mut sent = 0;
    while sent < total {
        out.write_all(&chunk)?;
        sent += chunk.len();
    }
    Ok(())
}
