//! A small static HTTP server for the demo and the end-to-end tests. It plays two roles:
//!
//! - the **widget origin** (the publisher's CDN and API): serves `dist/` with CORS, and under
//!   `/__test/` the failure modes the tests need (404, not JSON, slow, flaky);
//! - the **host origin** (a third-party page): serves the demo page and `tests/pages/`, with
//!   the strict Content-Security-Policy of the embed spec.
//!
//! Every request is logged so tests can count them. Bounded by design: one thread per
//! connection, `Connection: close`, loopback only.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// The literal origin the demo page (`index.html`) names for the widget; replaced in served
/// HTML with the widget server's real origin, so tests can run the demo page on any port.
pub const DEMO_WIDGET_ORIGIN: &str = "http://127.0.0.1:8081";

/// `dist/` is also served under this path, to prove the bundle runs from any path.
pub const NESTED_PREFIX: &str = "/cdn/article-widget/v1";

/// `dist/` again, as a slow CDN: the `.wasm` comes half a second late.
pub const SLOW_PREFIX: &str = "/slow-cdn";

#[derive(Clone, Debug)]
pub enum Role {
    /// Serves `root` with CORS headers and the `/__test/` routes.
    Widget { root: PathBuf },
    /// Serves `/` from `demo_root` (the built demo page) and `/pages/` from `pages_root`, with
    /// a strict CSP that allows only itself and `widget_origin`.
    Host {
        demo_root: PathBuf,
        pages_root: PathBuf,
        widget_origin: String,
        /// Tests only: each page gets the console recorder as its first script, so that a
        /// test reads what the page logged in any engine (WebDriver has no console command).
        record_console: bool,
    },
}

#[derive(Clone)]
pub struct Server {
    pub origin: String,
    log: Arc<Mutex<Vec<String>>>,
    cookies: Arc<Mutex<Vec<(String, String)>>>,
    counters: Arc<Mutex<HashMap<String, usize>>>,
}

impl Server {
    /// Starts serving on `127.0.0.1:port` (0 picks a free port) in background threads.
    pub fn start(port: u16, role: Role) -> std::io::Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let origin = format!("http://127.0.0.1:{}", listener.local_addr()?.port());
        let server = Server {
            origin,
            log: Arc::default(),
            cookies: Arc::default(),
            counters: Arc::default(),
        };
        let shared = server.clone();
        let role = Arc::new(role);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let server = shared.clone();
                let role = role.clone();
                thread::spawn(move || {
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
                    let _ = server.handle(stream, &role);
                });
            }
        });
        Ok(server)
    }

    /// How many requests have asked for `target` so far: exactly that path and query when it
    /// has a query, else that path with any query.
    pub fn count(&self, target: &str) -> usize {
        let matches = |logged: &&String| {
            if target.contains('?') {
                logged.as_str() == target
            } else {
                logged.split('?').next() == Some(target)
            }
        };
        self.log
            .lock()
            .map(|log| log.iter().filter(matches).count())
            .unwrap_or(0)
    }

    /// The `Cookie` header of the first request for exactly `target`, if it had one.
    pub fn cookie(&self, target: &str) -> Option<String> {
        let cookies = self.cookies.lock().ok()?;
        cookies
            .iter()
            .find(|(t, _)| t == target)
            .map(|(_, c)| c.clone())
    }

    /// Increments and returns the counter `key`.
    fn bump(&self, key: &str) -> usize {
        self.counters
            .lock()
            .map(|mut c| {
                let n = c.entry(key.to_string()).or_insert(0);
                *n += 1;
                *n
            })
            .unwrap_or(1)
    }

    fn get(&self, key: &str) -> Option<usize> {
        self.counters.lock().ok()?.get(key).copied()
    }

    /// Every request path so far.
    pub fn requests(&self) -> Vec<String> {
        self.log.lock().map(|log| log.clone()).unwrap_or_default()
    }

    fn handle(&self, stream: TcpStream, role: &Role) -> std::io::Result<()> {
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut request_line = String::new();
        reader.read_line(&mut request_line)?;
        let mut headers = HashMap::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
            }
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("GET").to_string();
        let target = parts.next().unwrap_or("/").to_string();
        if let Ok(mut log) = self.log.lock() {
            log.push(target.clone());
        }
        if let (Some(cookie), Ok(mut cookies)) = (headers.get("cookie"), self.cookies.lock()) {
            cookies.push((target.clone(), cookie.clone()));
        }
        let mut out = stream;
        let cors = cors_headers(headers.get("origin").map(String::as_str));
        if method == "OPTIONS" {
            return respond(&mut out, 204, "text/plain", b"", &cors);
        }
        match role {
            Role::Widget { root } => self.widget(
                &mut out,
                root,
                &target,
                &cors,
                headers.get("range").map(String::as_str),
            ),
            Role::Host {
                demo_root,
                pages_root,
                widget_origin,
                record_console,
            } => {
                let edit = HtmlEdit {
                    widget_origin,
                    record_console: *record_console,
                };
                host(&mut out, demo_root, pages_root, &edit, &target)
            }
        }
    }

    fn widget(
        &self,
        out: &mut TcpStream,
        root: &Path,
        target: &str,
        cors: &[(String, String)],
        range: Option<&str>,
    ) -> std::io::Result<()> {
        let path = target.split('?').next().unwrap_or("/");
        if path.starts_with("/__pwned") {
            // The trap: hostile input must never make the browser ask for this.
            return respond(out, 204, "text/plain", b"", cors);
        }
        if path == "/__bench/reference-widget.js" {
            return serve_reference_widget(out, cors);
        }
        if let Some(test_route) = path.strip_prefix("/__test/") {
            if let Some(done) = crate::hostile::route(out, root, test_route, cors, &self.origin) {
                return done;
            }
            return self.test_route(out, root, test_route, target, cors);
        }
        if let Some(rest) = path.strip_prefix(SLOW_PREFIX) {
            if rest.ends_with(".wasm") {
                thread::sleep(Duration::from_millis(500));
            }
            return serve_file(out, root, rest, cors, None);
        }
        // The same bundle hosted under a deeper path, as a CDN would version it.
        let path = path.strip_prefix(NESTED_PREFIX).map_or(path, |rest| rest);
        // Cache lifetimes as the README tells hosts: the hashed bundle forever, the loader
        // (whose URL never changes) for five minutes.
        if path.starts_with("/article-widget-") {
            return serve_file(out, root, path, &immutable(cors), None);
        }
        if path == "/embed.js" {
            let mut headers = cors.to_vec();
            headers.push(("Cache-Control".into(), "max-age=300".into()));
            return serve_file(out, root, path, &headers, None);
        }
        // Everything else (the demo's JSON, photo and media) as a CDN serves it: byte ranges
        // too, which Safari asks for before it plays media.
        serve_file_range(out, root, path, cors, range)
    }

    /// Failure modes and fixtures for the tests.
    fn test_route(
        &self,
        out: &mut TcpStream,
        root: &Path,
        route: &str,
        target: &str,
        cors: &[(String, String)],
    ) -> std::io::Result<()> {
        let seed = std::fs::read_to_string(root.join("demo/article.json")).unwrap_or_default();
        match route {
            r if r.starts_with("status/") => {
                let status = r.trim_start_matches("status/").parse().unwrap_or(500);
                respond(
                    out,
                    status,
                    "application/json",
                    br#"{"error":"test"}"#,
                    cors,
                )
            }
            r if r.starts_with("formats/") => {
                let fixtures = crate::workspace_root().join("tests/fixtures/formats");
                serve_file(out, &fixtures, r.trim_start_matches("formats"), cors, None)
            }
            // WordPress' comments endpoint: the count is in a header, as WordPress sends it.
            "wp-comments" => {
                let mut headers = cors.to_vec();
                headers.push(("X-WP-Total".into(), "17".into()));
                headers.push((
                    "Access-Control-Expose-Headers".into(),
                    "X-WP-Total, X-WP-TotalPages".into(),
                ));
                respond(out, 200, "application/json", b"[]", &headers)
            }
            r if r.starts_with("fixtures/") => {
                let fixtures = crate::workspace_root().join("tests/fixtures/articles");
                serve_file(out, &fixtures, r.trim_start_matches("fixtures"), cors, None)
            }
            // The seed with id `seed-<n>`: many distinct articles from one fixture.
            r if r.starts_with("article-n/") => {
                let n = r.trim_start_matches("article-n/").trim_end_matches(".json");
                respond_seed_with(out, &seed, cors, |article| {
                    article["id"] = format!("seed-{n}").into();
                    article["headline"] = format!("Article {n}").into();
                })
            }
            // The seed whose comment count has its own URL (`comments.count_url`, relative).
            "count-url.json" => respond_seed_with(out, &seed, cors, |article| {
                article["comments"]["count_url"] = "single-count".into();
            }),
            "single-count" => respond(out, 200, "application/json", br#"{"count": 9}"#, cors),
            // The seed with a stream that does not exist.
            "broken-media.json" => respond_seed_with(out, &seed, cors, |article| {
                article["live"]["video"] = serde_json::json!({ "src": "media/missing.webm" });
                article["live"]["audio"] = serde_json::json!({ "src": "media/missing.ogg" });
            }),
            // The seed whose preferred sources are of a type no browser plays: each player must
            // fall back to the MP4 (H.264, AAC) and play it.
            "mp4-fallback.json" => respond_seed_with(out, &seed, cors, |article| {
                article["live"]["video"] = serde_json::json!([
                    { "src": "/demo/media/live.webm", "type": "video/x-unplayable" },
                    { "src": "/demo/media/live.mp4", "type": "video/mp4; codecs=\"avc1.42E01E, mp4a.40.2\"" }
                ]);
                article["live"]["audio"] = serde_json::json!([
                    { "src": "/demo/media/live-audio.ogg", "type": "audio/x-unplayable" },
                    { "src": "/demo/media/live-audio.m4a", "type": "audio/mp4" }
                ]);
            }),
            // The comment counts API: `seed-<n>` has n comments until set-count says otherwise.
            "comment-counts" | "flaky-counts" => {
                let page = query_param(target, "page").unwrap_or_default();
                let key = format!("{route}:{page}");
                let calls = self.bump(&key);
                if route == "flaky-counts" && calls == 1 {
                    return respond(out, 503, "application/json", b"{}", cors);
                }
                let ids = query_param(target, "ids").unwrap_or_default();
                let counts: serde_json::Map<String, serde_json::Value> = ids
                    .split(',')
                    .filter(|id| !id.is_empty())
                    .map(|id| {
                        let set = self.get(&format!("count:{id}"));
                        let default = id.trim_start_matches("seed-").parse::<usize>().unwrap_or(0);
                        (id.to_string(), set.unwrap_or(default).into())
                    })
                    .collect();
                let body = serde_json::json!({ "counts": counts }).to_string();
                respond(out, 200, "application/json", body.as_bytes(), cors)
            }
            "set-count" => {
                let id = query_param(target, "id").unwrap_or_default();
                let n = query_param(target, "n")
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                if let Ok(mut counters) = self.counters.lock() {
                    counters.insert(format!("count:{id}"), n);
                }
                respond(out, 204, "text/plain", b"", cors)
            }
            "not-json" => respond(
                out,
                200,
                "text/html",
                b"<!doctype html><title>Oops</title><p>Not JSON",
                cors,
            ),
            // The seed with a photo whose bytes never come.
            "slow-image.json" => respond_seed_with(out, &seed, cors, |article| {
                article["image"]["url"] = "/__test/hang?image".into();
            }),
            "no-headline" => respond_seed_with(out, &seed, cors, |article| {
                if let Some(map) = article.as_object_mut() {
                    map.remove("headline");
                }
            }),
            "version-2" => respond_seed_with(out, &seed, cors, |article| {
                article["version"] = 2.into();
            }),
            // The seed article served from /__test/, so relative URLs still resolve into dist.
            "article.json" => respond(out, 200, "application/json", seed.as_bytes(), cors),
            "slow-article.json" => {
                thread::sleep(Duration::from_millis(1500));
                respond(out, 200, "application/json", seed.as_bytes(), cors)
            }
            // Fails the first time each distinct URL is asked for, then serves the article.
            "flaky.json" => {
                let n = self.counters.lock().map(|mut c| {
                    let n = c.entry(target.to_string()).or_insert(0);
                    *n += 1;
                    *n
                });
                if n.unwrap_or(1) == 1 {
                    respond(out, 503, "application/json", b"{}", cors)
                } else {
                    respond(out, 200, "application/json", seed.as_bytes(), cors)
                }
            }
            "hang" => {
                thread::sleep(Duration::from_secs(25));
                respond(out, 200, "application/json", seed.as_bytes(), cors)
            }
            _ => respond(out, 404, "text/plain", b"no such test route", cors),
        }
    }
}

/// The recorder [`Role::Host`] puts first in each page when `record_console` is on.
pub const CONSOLE_RECORDER_PATH: &str = "/__test/console.js";

fn host(
    out: &mut TcpStream,
    demo_root: &Path,
    pages_root: &Path,
    edit: &HtmlEdit,
    target: &str,
) -> std::io::Result<()> {
    let path = target.split('?').next().unwrap_or("/");
    let widget_origin = edit.widget_origin;
    // The spec's CSP for host pages, plus 'self' for the page's own script and styles.
    let csp = format!(
        "default-src 'none'; script-src 'self' {widget_origin} 'wasm-unsafe-eval'; style-src 'self' {widget_origin}; \
         connect-src 'self' {widget_origin}; img-src 'self' {widget_origin}; media-src {widget_origin}; \
         base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    );
    // `?trusted-types=require` adds Trusted Types enforcement; `=policy` also allows only the
    // widget's own policy name.
    let csp = match query_param(target, "trusted-types").as_deref() {
        Some("require") => format!("{csp}; require-trusted-types-for 'script'"),
        Some("policy") => {
            format!("{csp}; require-trusted-types-for 'script'; trusted-types article-widget")
        }
        _ => csp,
    };
    let headers = vec![("Content-Security-Policy".to_string(), csp)];
    if edit.record_console && path == CONSOLE_RECORDER_PATH {
        let script = include_str!("console-recorder.js");
        return respond(out, 200, "text/javascript", script.as_bytes(), &[]);
    }
    let substitution = Some(edit);
    // A blank page as a publisher would paste a snippet into: no CSP at all.
    if let Some(file) = path.strip_prefix("/scratch/") {
        let scratch = crate::workspace_root().join("target/scratch");
        return serve_file(out, &scratch, &format!("/{file}"), &[], substitution);
    }
    if let Some(file) = path.strip_prefix("/bench/") {
        let bench = crate::workspace_root().join("xtask/bench");
        return serve_file(out, &bench, &format!("/{file}"), &headers, substitution);
    }
    match path.strip_prefix("/pages/") {
        Some(page) => serve_file(out, pages_root, &format!("/{page}"), &headers, substitution),
        None => serve_file(out, demo_root, path, &headers, substitution),
    }
}

/// CORS for the widget origin. A request that names its origin gets it echoed with
/// credentials allowed, so `credentials="include"` can be tested; others get `*`.
pub(crate) fn cors_headers(origin: Option<&str>) -> Vec<(String, String)> {
    let allow = origin.unwrap_or("*").to_string();
    vec![
        ("Access-Control-Allow-Origin".into(), allow),
        ("Access-Control-Allow-Credentials".into(), "true".into()),
        ("Vary".into(), "Origin".into()),
        ("Access-Control-Allow-Headers".into(), "Accept".into()),
        ("Cross-Origin-Resource-Policy".into(), "cross-origin".into()),
        ("Timing-Allow-Origin".into(), "*".into()),
    ]
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "webm" => "video/webm",
        "mp4" => "video/mp4",
        "ogg" => "audio/ogg",
        "m4a" => "audio/mp4",
        _ => "application/octet-stream",
    }
}

/// What the host origin changes in the HTML it serves.
pub(crate) struct HtmlEdit<'a> {
    /// `{{WIDGET}}` and the demo's widget origin become this (the widget server's origin).
    pub widget_origin: &'a str,
    /// Put the console recorder before every other script.
    pub record_console: bool,
}

impl HtmlEdit<'_> {
    fn apply(&self, html: &str) -> String {
        let html = html
            .replace("{{WIDGET}}", self.widget_origin)
            .replace(DEMO_WIDGET_ORIGIN, self.widget_origin);
        if !self.record_console {
            return html;
        }
        // Right after `<head …>`, else after the doctype, else first.
        let lower = html.to_ascii_lowercase();
        let after = |tag: &str| {
            lower
                .find(tag)
                .and_then(|start| lower[start..].find('>').map(|end| start + end + 1))
        };
        let at = after("<head").or_else(|| after("<!doctype")).unwrap_or(0);
        let tag = format!("<script src=\"{CONSOLE_RECORDER_PATH}\"></script>");
        format!("{}{tag}{}", &html[..at], &html[at..])
    }
}

/// Serves a file under `root`; HTML edited by `edit`.
pub(crate) fn serve_file(
    out: &mut TcpStream,
    root: &Path,
    path: &str,
    headers: &[(String, String)],
    edit: Option<&HtmlEdit>,
) -> std::io::Result<()> {
    let relative = path.trim_start_matches('/');
    if relative.split('/').any(|segment| segment == "..") {
        return respond(out, 403, "text/plain", b"forbidden", headers);
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    let Ok(mut body) = std::fs::read(&file) else {
        return respond(out, 404, "text/plain", b"not found", headers);
    };
    let kind = content_type(&file);
    if let (Some(edit), true) = (edit, kind.starts_with("text/html")) {
        body = edit.apply(&String::from_utf8_lossy(&body)).into_bytes();
    }
    respond(out, 200, kind, &body, headers)
}

/// What a `Range` header asks of a body (one range; RFC 9110 14.1.2).
#[derive(Debug, PartialEq, Eq)]
pub enum Ranged {
    /// No header, or one this server does not take: the whole body (200).
    Whole,
    /// A satisfiable range (206).
    Part(Range<usize>),
    /// A range past the end (416).
    Unsatisfiable,
}

/// What `header` asks of a body of `len` bytes.
pub fn byte_range(header: Option<&str>, len: usize) -> Ranged {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Ranged::Whole;
    };
    if spec.contains(',') {
        return Ranged::Whole;
    }
    let Some((first, last)) = spec.split_once('-') else {
        return Ranged::Whole;
    };
    let (first, last) = (first.trim(), last.trim());
    let range = if first.is_empty() {
        // The last `n` bytes.
        let Ok(n) = last.parse::<usize>() else {
            return Ranged::Whole;
        };
        if n == 0 {
            return Ranged::Unsatisfiable;
        }
        len.saturating_sub(n)..len
    } else {
        let Ok(start) = first.parse::<usize>() else {
            return Ranged::Whole;
        };
        let end = match last {
            "" => len,
            last => match last.parse::<usize>() {
                Ok(last) if last >= start => (last + 1).min(len),
                _ => return Ranged::Whole,
            },
        };
        start..end
    };
    if range.start >= len {
        return Ranged::Unsatisfiable;
    }
    Ranged::Part(range)
}

/// A file, or the byte range of it that `range` asks for (`206 Partial Content`).
fn serve_file_range(
    out: &mut TcpStream,
    root: &Path,
    path: &str,
    headers: &[(String, String)],
    range: Option<&str>,
) -> std::io::Result<()> {
    let relative = path.trim_start_matches('/');
    let file = root.join(relative);
    let body = match (relative.split('/').any(|s| s == ".."), std::fs::read(&file)) {
        (false, Ok(body)) if file.is_file() => body,
        _ => return serve_file(out, root, path, headers, None),
    };
    let mut headers = headers.to_vec();
    headers.push(("Accept-Ranges".into(), "bytes".into()));
    let kind = content_type(&file);
    match byte_range(range, body.len()) {
        Ranged::Whole => respond(out, 200, kind, &body, &headers),
        Ranged::Part(part) => {
            headers.push((
                "Content-Range".into(),
                format!("bytes {}-{}/{}", part.start, part.end - 1, body.len()),
            ));
            respond(out, 206, kind, body.get(part).unwrap_or_default(), &headers)
        }
        Ranged::Unsatisfiable => {
            headers.push(("Content-Range".into(), format!("bytes */{}", body.len())));
            respond(out, 416, "text/plain", b"range not satisfiable", &headers)
        }
    }
}

pub(crate) fn respond(
    out: &mut TcpStream,
    status: u16,
    kind: &str,
    body: &[u8],
    headers: &[(String, String)],
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        204 => "No Content",
        206 => "Partial Content",
        416 => "Range Not Satisfiable",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    // Nothing is cached unless the route says otherwise (the hashed bundle does).
    if !headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("cache-control"))
    {
        head.push_str("Cache-Control: no-store\r\n");
    }
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    out.write_all(body)?;
    out.flush()?;
    // Drain what the client may still send, so closing does not reset the connection.
    let _ = out.shutdown(std::net::Shutdown::Write);
    let mut sink = [0u8; 512];
    let _ = out.set_read_timeout(Some(Duration::from_millis(200)));
    let _ = out.read(&mut sink);
    Ok(())
}

/// The percent-decoded value of `name` in the query of `target`.
pub fn query_param(target: &str, name: &str) -> Option<String> {
    let query = target.split_once('?')?.1;
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then(|| percent_decode(value))
    })
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1..i + 3)) {
            (b'%', Some(hex)) => match u8::from_str_radix(&String::from_utf8_lossy(hex), 16) {
                Ok(byte) => {
                    out.push(byte);
                    i += 3;
                }
                Err(_) => {
                    out.push(b'%');
                    i += 1;
                }
            },
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The benchmark's plain-JS reference widget, with the widget's own stylesheet built in.
fn serve_reference_widget(out: &mut TcpStream, cors: &[(String, String)]) -> std::io::Result<()> {
    let root = crate::workspace_root();
    let script =
        std::fs::read_to_string(root.join("xtask/bench/reference-widget.js")).unwrap_or_default();
    let css = std::fs::read_to_string(root.join("style/widget.css")).unwrap_or_default();
    let css = serde_json::Value::from(css).to_string();
    let body = script.replace("{{WIDGET_CSS}}", &css);
    // Cached like our bundle, so that a repeat visit compares like with like.
    respond(
        out,
        200,
        "text/javascript; charset=utf-8",
        body.as_bytes(),
        &immutable(cors),
    )
}

/// `headers` plus the cache lifetime of a file whose URL changes with its content.
fn immutable(headers: &[(String, String)]) -> Vec<(String, String)> {
    let mut headers = headers.to_vec();
    headers.push((
        "Cache-Control".into(),
        "public, max-age=31536000, immutable".into(),
    ));
    headers
}

/// Serves the seed article as `edit` changes it.
fn respond_seed_with(
    out: &mut TcpStream,
    seed: &str,
    cors: &[(String, String)],
    edit: impl FnOnce(&mut serde_json::Value),
) -> std::io::Result<()> {
    let mut article: serde_json::Value = serde_json::from_str(seed).unwrap_or_default();
    edit(&mut article);
    respond(
        out,
        200,
        "application/json",
        article.to_string().as_bytes(),
        cors,
    )
}
