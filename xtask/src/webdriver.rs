//! Just enough of the W3C WebDriver protocol to drive Debian's chromedriver: sessions,
//! navigation, running scripts, screenshots. Plain blocking HTTP over loopback; no async stack.

use crate::Result;
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The Chromium flags this machine needs: no sandbox as root, and no background traffic to
/// hosts that cannot be reached from here.
pub const CHROMIUM_FLAGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--autoplay-policy=no-user-gesture-required",
    // Exact heap sizes and a callable gc(), for the leak and memory measurements.
    "--enable-precise-memory-info",
    "--js-flags=--expose-gc",
];

pub const KEY_TAB: &str = "\u{E004}";
pub const KEY_ENTER: &str = "\u{E007}";
pub const KEY_SPACE: &str = " ";

/// A running chromedriver, stopped on drop.
pub struct ChromeDriver {
    port: u16,
    child: Child,
}

impl ChromeDriver {
    pub fn start() -> Result<ChromeDriver> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!("could not start chromedriver (is chromium-driver installed?): {e}")
            })?;
        let driver = ChromeDriver { port, child };
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok((200, _)) = http(port, "GET", "/status", None) {
                return Ok(driver);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err("chromedriver did not become ready within 20 s".into())
    }

    /// A new browser with a fresh profile, `width` x `height` CSS pixels.
    pub fn session(&self, width: u32, height: u32) -> Result<Session> {
        self.session_with(width, height, &[])
    }

    /// [`ChromeDriver::session`] with extra Chromium flags (`--force-dark-mode`, say).
    pub fn session_with(&self, width: u32, height: u32, extra: &[&str]) -> Result<Session> {
        static PROFILES: AtomicUsize = AtomicUsize::new(0);
        let profile = std::env::temp_dir().join(format!(
            "article-widget-chrome-{}-{}",
            std::process::id(),
            PROFILES.fetch_add(1, Ordering::SeqCst)
        ));
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--window-size={width},{height}"));
        args.push(format!("--user-data-dir={}", profile.display()));
        args.extend(extra.iter().map(|a| a.to_string()));
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": { "binary": chromium_binary(), "args": args },
                "goog:loggingPrefs": { "browser": "ALL" },
                "timeouts": { "script": 120000, "pageLoad": 60000 },
                // Tests read and answer prompts themselves.
                "unhandledPromptBehavior": "ignore"
            }}
        });
        let (status, body) = http(self.port, "POST", "/session", Some(&capabilities))?;
        let id = body["value"]["sessionId"].as_str().map(str::to_string);
        match (status, id) {
            (200, Some(id)) => Ok(Session {
                port: self.port,
                id,
                profile,
            }),
            _ => Err(format!("could not start a browser session: {body}").into()),
        }
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn chromium_binary() -> String {
    for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] {
        if std::path::Path::new(candidate).exists() {
            return candidate.to_string();
        }
    }
    "chromium".to_string()
}

/// One browser. Closed on drop.
pub struct Session {
    port: u16,
    id: String,
    profile: PathBuf,
}

impl Session {
    fn command(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
        let (status, value) = http(
            self.port,
            method,
            &format!("/session/{}{path}", self.id),
            body,
        )?;
        if status != 200 {
            return Err(format!("webdriver {method} {path}: {status} {value}").into());
        }
        Ok(value["value"].clone())
    }

    pub fn goto(&self, url: &str) -> Result<()> {
        self.command("POST", "/url", Some(&json!({ "url": url })))
            .map(|_| ())
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns what it returns.
    pub fn execute(&self, script: &str, args: Value) -> Result<Value> {
        self.command(
            "POST",
            "/execute/sync",
            Some(&json!({ "script": script, "args": args })),
        )
    }

    /// Runs `script` until its last argument, a callback, is called with the result.
    pub fn execute_async(&self, script: &str, args: Value) -> Result<Value> {
        self.command(
            "POST",
            "/execute/async",
            Some(&json!({ "script": script, "args": args })),
        )
    }

    /// Polls the expression `js` (returning a value) until `done(value)`, or fails after
    /// `timeout` with the last value seen.
    pub fn wait_for(
        &self,
        js: &str,
        timeout: Duration,
        done: impl Fn(&Value) -> bool,
    ) -> Result<Value> {
        let deadline = Instant::now() + timeout;
        let mut last = Value::Null;
        while Instant::now() < deadline {
            last = self.execute(&format!("return ({js});"), json!([]))?;
            if done(&last) {
                return Ok(last);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(format!("timed out waiting for `{js}`; last value: {last}").into())
    }

    /// Presses and releases one key on the focused element, as a person would. `key` is a
    /// character or a WebDriver key code such as [`KEY_TAB`].
    pub fn press(&self, key: &str) -> Result<()> {
        let actions = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": [
            { "type": "keyDown", "value": key }, { "type": "keyUp", "value": key }
        ]}]});
        self.command("POST", "/actions", Some(&actions)).map(|_| ())
    }

    /// The handles of every open window or tab.
    pub fn window_handles(&self) -> Result<Vec<String>> {
        let value = self.command("GET", "/window/handles", None)?;
        Ok(value
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|h| h.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// The text of the open alert or prompt, or an error if none is open.
    pub fn alert_text(&self) -> Result<String> {
        let value = self.command("GET", "/alert/text", None)?;
        Ok(value.as_str().unwrap_or_default().to_string())
    }

    /// Types `text` into the open prompt and accepts it.
    pub fn answer_prompt(&self, text: &str) -> Result<()> {
        self.command("POST", "/alert/text", Some(&json!({ "text": text })))?;
        self.command("POST", "/alert/accept", Some(&json!({})))
            .map(|_| ())
    }

    /// A PNG of the viewport.
    pub fn screenshot(&self) -> Result<Vec<u8>> {
        let value = self.command("GET", "/screenshot", None)?;
        decode_base64(value.as_str().unwrap_or(""))
    }

    /// Console messages since the last call (Chrome's log extension).
    pub fn console(&self) -> Result<Vec<String>> {
        let value = self.command("POST", "/se/log", Some(&json!({ "type": "browser" })))?;
        Ok(value
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e["message"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default())
    }

    pub fn set_window_size(&self, width: u32, height: u32) -> Result<()> {
        self.command(
            "POST",
            "/window/rect",
            Some(&json!({ "width": width, "height": height })),
        )
        .map(|_| ())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = http(self.port, "DELETE", &format!("/session/{}", self.id), None);
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// One HTTP/1.1 request to chromedriver on loopback.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<(u16, Value)> {
    let payload = body.map(Value::to_string).unwrap_or_default();
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(120)))?;
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{payload}",
        payload.len()
    );
    stream.write_all(request.as_bytes())?;
    // chromedriver may keep the connection open, so read exactly the response, not to EOF.
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let head_end = loop {
        if let Some(i) = find(&raw, b"\r\n\r\n") {
            break i;
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Err("chromedriver closed the connection mid-response".into());
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).to_string();
    let lower = head.to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or("no HTTP status")?;
    let mut body_bytes = raw[head_end + 4..].to_vec();
    let length = lower
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    let chunked = lower.contains("transfer-encoding: chunked");
    loop {
        let complete = match length {
            Some(len) => body_bytes.len() >= len,
            None if chunked => find(&body_bytes, b"0\r\n\r\n")
                .is_some_and(|i| i == 0 || body_bytes[..i].ends_with(b"\r\n")),
            None => false,
        };
        if complete {
            break;
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break;
        }
        body_bytes.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&body_bytes).to_string();
    let body = if chunked { dechunk(&text) } else { text };
    let value = if body.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&body)?
    };
    Ok((status, value))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if size == 0 || rest.len() < size {
            break;
        }
        out.push_str(&rest[..size]);
        body = rest[size..].trim_start_matches("\r\n");
    }
    out
}

fn decode_base64(input: &str) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0;
    for c in input.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' | b'\n' | b'\r' => continue,
            _ => return Err("invalid base64".into()),
        };
        buffer = (buffer << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    Ok(out)
}
