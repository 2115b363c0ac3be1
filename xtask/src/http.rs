//! The HTTP pieces the test server's routes share: responses, files (with byte ranges, as a
//! CDN serves media), CORS, and the host origin's HTML edits. Nothing here knows a route.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::ops::Range;
use std::path::Path;
use std::time::Duration;

/// The literal origin the demo page (`index.html`) names for the widget; replaced in served
/// HTML with the widget server's real origin, so tests can run the demo page on any port.
pub const DEMO_WIDGET_ORIGIN: &str = "http://127.0.0.1:8081";

/// The recorder the host origin (`crate::server::Role::Host`) puts first in each page when `record_console` is on.
pub const CONSOLE_RECORDER_PATH: &str = "/__test/console.js";

/// CORS for the widget origin. A request that names its origin gets it echoed with
/// credentials allowed, so `credentials="include"` can be tested; others get `*`.
pub fn cors_headers(origin: Option<&str>) -> Vec<(String, String)> {
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

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
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
        "m3u8" => "application/vnd.apple.mpegurl",
        "ts" => "video/mp2t",
        _ => "application/octet-stream",
    }
}

/// What the host origin changes in the HTML it serves.
pub struct HtmlEdit<'a> {
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
pub fn serve_file(
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
pub fn serve_file_range(
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

pub fn respond(
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
