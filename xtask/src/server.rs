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
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::http::{cors_headers, query_param, respond, serve_file, serve_file_range, HtmlEdit};
pub use crate::http::{CONSOLE_RECORDER_PATH, DEMO_WIDGET_ORIGIN};

/// `dist/` is also served under this path, to prove the bundle runs from any path.
pub const NESTED_PREFIX: &str = "/cdn/article-widget/v1";

/// `dist/` again, as a slow CDN: the `.wasm` comes half a second late.
pub const SLOW_PREFIX: &str = "/slow-cdn";

/// `dist/` again, as a CDN that changed the `.wasm`: a custom section appended, so the module
/// is still valid (it would compile and run) but its bytes are not the build's.
pub const TAMPERED_PREFIX: &str = "/tampered-cdn";

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

/// The two origins of the demo and the tests: the publisher's (serving `dist/`) and a
/// third-party host page's.
pub struct Origins {
    pub widget: Server,
    pub host: Server,
}

impl Origins {
    /// Starts both on the given ports (0 picks free ones). `record_console` puts the console
    /// recorder in the host's pages (tests only).
    pub fn start(
        widget_port: u16,
        host_port: u16,
        record_console: bool,
    ) -> std::io::Result<Origins> {
        let widget = Server::start(
            widget_port,
            Role::Widget {
                root: crate::dist_dir(),
            },
        )?;
        let host = Server::start(
            host_port,
            Role::Host {
                demo_root: crate::dist_dir(),
                pages_root: crate::workspace_root().join("tests/pages"),
                widget_origin: widget.origin.clone(),
                record_console,
            },
        )?;
        Ok(Origins { widget, host })
    }
}

#[derive(Clone)]
pub struct Server {
    pub origin: String,
    log: Arc<Mutex<Vec<String>>>,
    cookies: Arc<Mutex<Vec<(String, String)>>>,
    counters: Arc<Mutex<HashMap<String, usize>>>,
    /// When the live channel went on air (`crate::live`), for the demo; a test's tagged
    /// channel goes on air at its own first request (`on_air`).
    started: Instant,
    on_air: Arc<Mutex<HashMap<String, Instant>>>,
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
            started: Instant::now(),
            on_air: Arc::default(),
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
        if let Some(rest) = path.strip_prefix(TAMPERED_PREFIX) {
            if rest.ends_with(".wasm") {
                let Ok(mut wasm) = std::fs::read(root.join(rest.trim_start_matches('/'))) else {
                    return respond(out, 404, "text/plain", b"not found", cors);
                };
                // Section 0 (custom), 5 bytes: the name "evil" (length 4).
                wasm.extend_from_slice(&[0, 5, 4, b'e', b'v', b'i', b'l']);
                return respond(out, 200, "application/wasm", &wasm, cors);
            }
            return serve_file(out, root, rest, cors, None);
        }
        // The same bundle hosted under a deeper path, as a CDN would version it.
        let path = path.strip_prefix(NESTED_PREFIX).map_or(path, |rest| rest);
        // Cache lifetimes as docs/embedding.md tells hosts: the hashed bundle forever, the loader
        // (whose URL never changes) for five minutes.
        if path.starts_with("/article-widget-") {
            return serve_file(out, root, path, &immutable(cors), None);
        }
        if path == "/embed.js" {
            let mut headers = cors.to_vec();
            headers.push(("Cache-Control".into(), "max-age=300".into()));
            return serve_file(out, root, path, &headers, None);
        }
        if let Some(playlist) = self.live_playlist(root, path, query_param(target, "tag")) {
            return match playlist {
                Some(body) => respond_playlist(out, &body, cors),
                None => respond(out, 404, "text/plain", b"no such stream", cors),
            };
        }
        // Everything else (the demo's JSON, photo and media) as a CDN serves it: byte ranges
        // too, which Safari asks for before it plays media.
        serve_file_range(out, root, path, cors, range)
    }

    /// The live channel's playlists, made up at each request (`crate::live`): `None` for
    /// another path, `Some(None)` where the fixture is missing. A channel tagged by a test
    /// goes on air at its first request, so that every test sees the same stream whatever ran
    /// before it.
    fn live_playlist(
        &self,
        root: &Path,
        path: &str,
        tag: Option<String>,
    ) -> Option<Option<String>> {
        let vod = match path {
            HLS_LIVE => "video.m3u8",
            HLS_LIVE_AUDIO => "audio.m3u8",
            _ => return None,
        };
        let dir = path.rsplit_once('/').map_or("/", |(dir, _)| dir);
        let text = std::fs::read_to_string(root.join(dir.trim_start_matches('/')).join(vod)).ok();
        let on_air_since = tag
            .and_then(|tag| {
                let mut on_air = self.on_air.lock().ok()?;
                Some(*on_air.entry(tag).or_insert_with(Instant::now))
            })
            .unwrap_or(self.started);
        Some(
            text.map(|vod| {
                crate::live::playlist(&vod, &format!("{dir}/"), on_air_since.elapsed(), 2)
            }),
        )
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
            // The seed on the live channel, with `tag` on its playlist URLs so that a test can
            // count its own requests; `offline=1`: a channel that is off the air (video only;
            // `empty=1`: its playlist has no segments rather than answering 404);
            // `video_only=1`: no audio-only rendition.
            "hls.json" => {
                let tag = query_param(target, "tag").unwrap_or_default();
                let offline = query_param(target, "offline").is_some();
                let video_only = query_param(target, "video_only").is_some();
                respond_seed_with(out, &seed, cors, |article| {
                    if offline {
                        let empty = if query_param(target, "empty").is_some() {
                            "&empty=1"
                        } else {
                            ""
                        };
                        article["live"]["video"] = serde_json::json!({
                            "src": format!("/__test/hls-offline/live.m3u8?stream={tag}{empty}")
                        });
                        article["live"]["audio"] = serde_json::Value::Null;
                    } else {
                        article["live"]["video"] = serde_json::json!([
                            { "src": format!("{HLS_LIVE}?tag={tag}"), "type": "application/x-mpegURL" },
                            { "src": "/demo/media/live.mp4", "type": "video/mp4" }
                        ]);
                        article["live"]["audio"] = if video_only {
                            serde_json::Value::Null
                        } else {
                            serde_json::json!({ "src": format!("{HLS_LIVE_AUDIO}?tag={tag}") })
                        };
                    }
                })
            }
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
            // 3 s late, its photo where /demo/article.json's is (a pre-rendered card's photo
            // must not turn into a broken link at the takeover).
            "slow-article.json" => {
                thread::sleep(Duration::from_secs(3));
                let photo = format!("{}/demo/media/diaz-canel.jpg", self.origin);
                respond_seed_with(out, &seed, cors, |article| {
                    article["image"]["url"] = photo.into();
                })
            }
            // slow-article.json with its stream as files of the widget origin (root-relative
            // URLs, which still resolve from /__test/): what a sleeping card plays on a first
            // click that came before the live card.
            "slow-live.json" => {
                thread::sleep(Duration::from_secs(3));
                let photo = format!("{}/demo/media/diaz-canel.jpg", self.origin);
                respond_seed_with(out, &seed, cors, |article| {
                    article["image"]["url"] = photo.into();
                    article["live"]["video"] = serde_json::json!([
                        { "src": "/demo/media/live.webm", "type": "video/webm" },
                        { "src": "/demo/media/live.mp4", "type": "video/mp4" }
                    ]);
                    article["live"]["audio"] = serde_json::json!([
                        { "src": "/demo/media/live-audio.ogg", "type": "audio/ogg" },
                        { "src": "/demo/media/live-audio.m4a", "type": "audio/mp4" }
                    ]);
                })
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
            // A channel that is off the air until `hls-online?stream=<name>` puts it on: the
            // playlist answers 404 before (with `empty=1`: a live playlist without segments),
            // the live playlist after.
            "hls-offline/live.m3u8" => {
                let stream = query_param(target, "stream").unwrap_or_default();
                match self.get(&format!("online:{stream}")) {
                    Some(_) => match self.live_playlist(root, HLS_LIVE, Some(stream)).flatten() {
                        Some(body) => respond_playlist(out, &body, cors),
                        None => respond(out, 404, "text/plain", b"no fixture", cors),
                    },
                    None if query_param(target, "empty").is_some() => respond_playlist(
                        out,
                        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n",
                        cors,
                    ),
                    None => {
                        let mut headers = cors.to_vec();
                        headers.push(("Cache-Control".into(), "no-store".into()));
                        respond(out, 404, "text/plain", b"off the air", &headers)
                    }
                }
            }
            "hls-online" => {
                let stream = query_param(target, "stream").unwrap_or_default();
                self.bump(&format!("online:{stream}"));
                respond(out, 204, "text/plain", b"", cors)
            }
            "hang" => {
                thread::sleep(Duration::from_secs(25));
                respond(out, 200, "application/json", seed.as_bytes(), cors)
            }
            _ => respond(out, 404, "text/plain", b"no such test route", cors),
        }
    }
}

fn host(
    out: &mut TcpStream,
    demo_root: &Path,
    pages_root: &Path,
    edit: &HtmlEdit,
    target: &str,
) -> std::io::Result<()> {
    let path = target.split('?').next().unwrap_or("/");
    let widget_origin = edit.widget_origin;
    // The spec's CSP for host pages, plus 'self' for the page's own script and styles, and
    // `blob:` media, which HLS through hls.js needs (Media Source Extensions; see docs/live-streams.md).
    let csp = format!(
        "default-src 'none'; script-src 'self' {widget_origin} 'wasm-unsafe-eval'; style-src 'self' {widget_origin}; \
         connect-src 'self' {widget_origin}; img-src 'self' {widget_origin}; media-src {widget_origin} blob:; \
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
    let headers = vec![("Content-Security-Policy".to_string(), csp.clone())];
    if edit.record_console && path == CONSOLE_RECORDER_PATH {
        let script = include_str!("console-recorder.js");
        return respond(out, 200, "text/javascript", script.as_bytes(), &[]);
    }
    let substitution = Some(edit);
    // A blank page as a publisher would paste a snippet into: no CSP at all; or, with
    // `?style-hash=<base64url>`, the strict CSP with that `'sha256-…'` added to `style-src`
    // (a pre-rendered snippet's `<style>`, as docs/prerendering.md tells strict hosts to allow it).
    if let Some(file) = path.strip_prefix("/scratch/") {
        let scratch = crate::workspace_root().join("target/scratch");
        let headers = match query_param(target, "style-hash") {
            Some(hash) => {
                let hash = hash.replace('-', "+").replace('_', "/");
                let csp = csp.replacen(
                    "style-src 'self'",
                    &format!("style-src 'self' 'sha256-{hash}'"),
                    1,
                );
                vec![("Content-Security-Policy".to_string(), csp)]
            }
            None => Vec::new(),
        };
        return serve_file(out, &scratch, &format!("/{file}"), &headers, substitution);
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

/// The live channel's playlists (the fixture's segments are next to them).
pub const HLS_LIVE: &str = "/demo/media/hls/live.m3u8";
pub const HLS_LIVE_AUDIO: &str = "/demo/media/hls/live-audio.m3u8";

/// A live playlist: never cached, since it changes every segment.
fn respond_playlist(
    out: &mut TcpStream,
    body: &str,
    cors: &[(String, String)],
) -> std::io::Result<()> {
    let mut headers = cors.to_vec();
    headers.push(("Cache-Control".into(), "no-cache".into()));
    respond(
        out,
        200,
        "application/vnd.apple.mpegurl",
        body.as_bytes(),
        &headers,
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
