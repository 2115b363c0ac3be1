//! A W3C WebDriver client for the three engines readers use: Chromium (chromedriver), Firefox
//! (geckodriver) and WebKit (WebKitWebDriver driving MiniBrowser under Xvfb). Every command
//! the tests send is a W3C one; what differs per engine is only how its driver and browser
//! start, which lives in [`Engine`] and [`Driver::start`].

use crate::Result;
use base64::Engine as _;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

/// The environment variable that picks the engine of a test run: `chromium` (the default),
/// `firefox` or `webkit`.
pub const ENGINE_VAR: &str = "ARTICLE_WIDGET_ENGINE";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    /// The name [`ENGINE_VAR`] takes.
    pub fn id(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    pub fn parse(id: &str) -> Option<Engine> {
        Engine::ALL.into_iter().find(|e| e.id() == id)
    }

    /// The engine [`ENGINE_VAR`] names; Chromium when it is unset.
    pub fn from_env() -> Result<Engine> {
        match std::env::var(ENGINE_VAR) {
            Err(_) => Ok(Engine::Chromium),
            Ok(id) => Engine::parse(&id).ok_or_else(|| {
                format!("{ENGINE_VAR}={id}: not chromium, firefox or webkit").into()
            }),
        }
    }

    /// The driver program on PATH.
    pub fn driver_program(self) -> &'static str {
        match self {
            Engine::Chromium => "chromedriver",
            Engine::Firefox => "geckodriver",
            Engine::WebKit => "WebKitWebDriver",
        }
    }
}

impl std::fmt::Display for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Engine::Chromium => "Chromium",
            Engine::Firefox => "Firefox",
            Engine::WebKit => "WebKit",
        })
    }
}

/// The colour scheme the browser reports to `prefers-color-scheme`. WebKitGTK takes it from
/// the GTK theme of the process, so it is a property of the driver, not of a session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scheme {
    #[default]
    Light,
    Dark,
}

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

pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

pub const KEY_TAB: &str = "\u{E004}";
pub const KEY_ENTER: &str = "\u{E007}";
pub const KEY_SPACE: &str = " ";
pub const KEY_ESCAPE: &str = "\u{E00C}";
pub const KEY_CONTROL: &str = "\u{E009}";

/// A virtual X display for WebKitGTK, which has no headless mode. Stopped on drop.
struct Xvfb {
    child: Child,
    number: u32,
    display: String,
}

/// Whether an X server listens on display `number` (a socket file alone may be stale).
fn x_server_listens(number: u32) -> bool {
    std::os::unix::net::UnixStream::connect(format!("/tmp/.X11-unix/X{number}")).is_ok()
}

/// Whether the process `pid` exists.
fn alive(pid: i32) -> bool {
    // SAFETY: signal 0 only checks that the process exists; nothing is sent.
    pid > 0 && unsafe { libc::kill(pid, 0) } == 0
}

impl Xvfb {
    fn start() -> Result<Xvfb> {
        // The first display number no live X server holds. A lock whose process is gone (a
        // server that was killed) does not hold it: Xvfb itself replaces such a stale lock.
        for number in 90..190 {
            let lock = format!("/tmp/.X{number}-lock");
            let holder = std::fs::read_to_string(&lock)
                .ok()
                .and_then(|pid| pid.trim().parse::<i32>().ok());
            if holder.is_some_and(alive) || x_server_listens(number) {
                continue;
            }
            let mut child = Command::new("Xvfb")
                .arg(format!(":{number}"))
                .args(["-screen", "0", "1920x1200x24", "-nolisten", "tcp"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| format!("could not start Xvfb (is xvfb installed?): {e}"))?;
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if x_server_listens(number) {
                    return Ok(Xvfb {
                        child,
                        number,
                        display: format!(":{number}"),
                    });
                }
                if child.try_wait()?.is_some() {
                    break; // taken meanwhile by another run: try the next number
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            stop_gracefully(&mut child);
        }
        Err("no free X display for Xvfb in :90..:189".into())
    }
}

/// Ends a process this code started: SIGTERM first, so that it can clean up (Xvfb removes its
/// lock and socket then; after a SIGKILL they stay), SIGKILL if it has not ended in 2 s.
fn stop_gracefully(child: &mut Child) {
    if let Ok(pid) = i32::try_from(child.id()) {
        // SAFETY: signals a child process this code spawned and has not yet reaped.
        unsafe {
            libc::kill(pid, libc::SIGTERM);
        }
    }
    let deadline = Instant::now() + Duration::from_secs(2);
    while Instant::now() < deadline {
        if matches!(child.try_wait(), Ok(Some(_))) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        stop_gracefully(&mut self.child);
        // If it still could not clean up, its files are ours to remove.
        let _ = std::fs::remove_file(format!("/tmp/.X{}-lock", self.number));
        let _ = std::fs::remove_file(format!("/tmp/.X11-unix/X{}", self.number));
    }
}

/// Where Debian's `fonts-dejavu-core` puts its fonts.
const DEJAVU_DIR: &str = "/usr/share/fonts/truetype/dejavu";

/// A fontconfig file that shows Chromium DejaVu and nothing else, written once under
/// `target/`. The reference screenshots are Chromium's, and which font a family such as
/// `"Times New Roman"` resolves to depends on the fonts a machine has (with Debian's
/// `fonts-liberation`, the one Chromium pulls in on some releases, it is Liberation Serif;
/// without, DejaVu Serif): so Chromium sees one set of fonts on every machine. The machine's
/// own rules (`conf.d`: aliases, hinting) still apply.
fn dejavu_only_fontconfig() -> Result<PathBuf> {
    let dir = crate::workspace_root().join("target/fontconfig");
    std::fs::create_dir_all(&dir)?;
    let file = dir.join("dejavu-only.conf");
    let config = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n\
         <fontconfig>\n  <dir>{DEJAVU_DIR}</dir>\n  <cachedir>{}</cachedir>\n  \
         <include ignore_missing=\"yes\">/etc/fonts/conf.d</include>\n</fontconfig>\n",
        dir.join("cache").display()
    );
    write_if_changed(&file, &config)?;
    Ok(file)
}

/// An ALSA configuration, written once under `target/`, whose default sound card is ALSA's
/// null device: it takes audio as a card does and plays nothing. This machine has no sound
/// card, and Firefox stops audio it cannot send anywhere (`OnMediaSinkAudioError`); ESR 140
/// has no mock output of its own. The machine's own ALSA configuration is read first.
fn null_sound_card() -> Result<PathBuf> {
    let dir = crate::workspace_root().join("target/alsa");
    std::fs::create_dir_all(&dir)?;
    let file = dir.join("asound.conf");
    let config = "</usr/share/alsa/alsa.conf>\npcm.!default { type null }\nctl.!default { type hw card 0 }\n";
    write_if_changed(&file, config)?;
    Ok(file)
}

/// Writes `content` to `file` unless it holds that already, through a rename, so a browser
/// started by another test thread meanwhile never reads half a file.
fn write_if_changed(file: &Path, content: &str) -> Result<()> {
    if std::fs::read_to_string(file).ok().as_deref() == Some(content) {
        return Ok(());
    }
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let temporary = file.with_extension(format!(
        "{}-{}.tmp",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&temporary, content)?;
    std::fs::rename(&temporary, file)?;
    Ok(())
}

/// A running WebDriver server (and, for WebKit, its X display), stopped on drop.
pub struct Driver {
    pub engine: Engine,
    pub scheme: Scheme,
    endpoint: Endpoint,
    child: Child,
    // Dropped after `child`: the browser's display outlives the driver.
    _display: Option<Xvfb>,
}

impl Driver {
    pub fn start(engine: Engine, scheme: Scheme) -> Result<Driver> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let program = engine.driver_program();
        let mut command = Command::new(program);
        command.stdout(Stdio::null()).stderr(Stdio::null());
        let mut display = None;
        match engine {
            Engine::Chromium => {
                command
                    .arg(format!("--port={port}"))
                    .env("FONTCONFIG_FILE", dejavu_only_fontconfig()?);
            }
            Engine::Firefox => {
                command
                    .args(["--host", "127.0.0.1", "--port", &port.to_string()])
                    .env("ALSA_CONFIG_PATH", null_sound_card()?);
            }
            Engine::WebKit => {
                let x = Xvfb::start()?;
                command
                    .arg(format!("--port={port}"))
                    .env("DISPLAY", &x.display);
                if scheme == Scheme::Dark {
                    command.env("GTK_THEME", "Adwaita:dark");
                }
                display = Some(x);
            }
        }
        let child = command
            .spawn()
            .map_err(|e| format!("could not start {program} (is it installed?): {e}"))?;
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(150)))
            .build()
            .into();
        let driver = Driver {
            engine,
            scheme,
            endpoint: Endpoint {
                engine,
                port,
                agent,
            },
            child,
            _display: display,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok((200, _)) = driver.endpoint.http("GET", "/status", None) {
                return Ok(driver);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(format!("{program} did not become ready within 20 s").into())
    }

    /// A new browser with a fresh profile, its window `width` x `height` CSS pixels.
    pub fn session(&self, width: u32, height: u32) -> Result<Session> {
        static PROFILES: AtomicUsize = AtomicUsize::new(0);
        let profile = std::env::temp_dir().join(format!(
            "article-widget-{}-{}-{}",
            self.engine.id(),
            std::process::id(),
            PROFILES.fetch_add(1, Ordering::SeqCst)
        ));
        let dark = self.scheme == Scheme::Dark;
        let browser = match self.engine {
            Engine::Chromium => {
                let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
                args.push(format!("--window-size={width},{height}"));
                args.push(format!("--user-data-dir={}", profile.display()));
                if dark {
                    args.push("--force-dark-mode".into());
                }
                json!({
                    "browserName": "chrome",
                    "goog:chromeOptions": { "binary": chromium_binary(), "args": args },
                })
            }
            // geckodriver makes a fresh profile per session itself.
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": firefox_binary(),
                    "args": ["-headless"],
                    "prefs": {
                        "media.autoplay.default": 0,
                        "media.autoplay.blocking_policy": 0,
                        // No sound device here: Firefox's mock audio output, which consumes
                        // audio as a device does. Without it, audio through Media Source
                        // Extensions (hls.js) fails at the sink and stops.
                        // That switch is from after ESR 140: there, ALSA's null device
                        // (`null_sound_card`) is the sound card.
                        "media.cubeb.force_mock_context": true,
                        "media.cubeb.backend": "alsa",
                        // Trusted Types: on by default from Firefox 145; ESR 140 has them
                        // behind this switch. On, the run tests what hosts enforce today.
                        "dom.security.trusted_types.enabled": true,
                        "ui.systemUsesDarkTheme": i32::from(dark),
                        // 0 dark, 1 light: the page sees the reader's choice above.
                        "layout.css.prefers-color-scheme.content-override": if dark { 0 } else { 1 },
                        "browser.shell.checkDefaultBrowser": false,
                    }
                }
            }),
            // Each WebKit session is a new MiniBrowser process with an ephemeral profile.
            Engine::WebKit => json!({
                "webkitgtk:browserOptions": {
                    "binary": MINIBROWSER,
                    "args": ["--automation"]
                }
            }),
        };
        let mut always = browser;
        always["timeouts"] = json!({ "script": 120000, "pageLoad": 60000 });
        // A dialog the widget opened would be a bug for a test to see, not to dismiss.
        always["unhandledPromptBehavior"] = json!("ignore");
        let capabilities = json!({ "capabilities": { "alwaysMatch": always } });
        let (status, body) = self
            .endpoint
            .http("POST", "/session", Some(&capabilities))?;
        let id = body["value"]["sessionId"].as_str().map(str::to_string);
        let session = match (status, id) {
            (200, Some(id)) => Session {
                driver: self.endpoint.clone(),
                id,
                profile,
            },
            _ => {
                return Err(
                    format!("could not start a {} session: {status} {body}", self.engine).into(),
                )
            }
        };
        if self.engine != Engine::Chromium {
            session.set_window_size(width, height)?;
        }
        Ok(session)
    }
}

/// Where a driver listens: what a [`Session`] needs to talk to it.
#[derive(Clone)]
struct Endpoint {
    engine: Engine,
    port: u16,
    agent: ureq::Agent,
}

impl Endpoint {
    fn http(&self, method: &str, path: &str, body: Option<&Value>) -> Result<(u16, Value)> {
        let url = format!("http://127.0.0.1:{}{path}", self.port);
        let response = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            (_, body) => self
                .agent
                .post(&url)
                .header("Content-Type", "application/json; charset=utf-8")
                .send(body.unwrap_or(&json!({})).to_string()),
        };
        let mut response = response.map_err(|e| format!("{method} {path}: {e}"))?;
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()?;
        let value = if text.trim().is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text)?
        };
        Ok((status, value))
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn chromium_binary() -> String {
    first_existing(
        &["/usr/bin/chromium", "/usr/bin/chromium-browser"],
        "chromium",
    )
}

fn firefox_binary() -> String {
    first_existing(&["/usr/bin/firefox-esr", "/usr/bin/firefox"], "firefox")
}

fn first_existing(candidates: &[&str], fallback: &str) -> String {
    candidates
        .iter()
        .find(|c| Path::new(c).exists())
        .unwrap_or(&fallback)
        .to_string()
}

/// Drivers kept for reuse within one test binary: starting a driver is the slow part, and
/// geckodriver holds one session at a time, so each concurrent test takes one driver and
/// gives it back. They end when the process exits (see [`stop_pooled_drivers`]).
static POOL: Mutex<Vec<Driver>> = Mutex::new(Vec::new());

/// A driver taken from the pool; returned to it on drop.
pub struct PooledDriver {
    driver: Option<Driver>,
}

impl std::ops::Deref for PooledDriver {
    type Target = Driver;
    fn deref(&self) -> &Driver {
        // Only `drop` takes it out.
        self.driver.as_ref().unwrap_or_else(|| unreachable!())
    }
}

impl Drop for PooledDriver {
    fn drop(&mut self) {
        if let (Some(driver), Ok(mut pool)) = (self.driver.take(), POOL.lock()) {
            pool.push(driver);
        }
    }
}

/// A driver of `engine` reporting `scheme`, from the pool or newly started.
pub fn pooled_driver(engine: Engine, scheme: Scheme) -> Result<PooledDriver> {
    static AT_EXIT: Once = Once::new();
    AT_EXIT.call_once(|| {
        // SAFETY: registers a plain `extern "C" fn` with no arguments, as atexit expects.
        unsafe {
            libc::atexit(stop_pooled_drivers);
        }
    });
    let reused = {
        let mut pool = POOL.lock().map_err(|_| "driver pool poisoned")?;
        pool.iter()
            .position(|d| d.engine == engine && d.scheme == scheme)
            .map(|i| pool.swap_remove(i))
    };
    let driver = match reused {
        Some(driver) => driver,
        None => Driver::start(engine, scheme)?,
    };
    Ok(PooledDriver {
        driver: Some(driver),
    })
}

/// Statics are never dropped, so the pooled drivers (and their displays) are ended here,
/// when the test binary exits.
extern "C" fn stop_pooled_drivers() {
    if let Ok(mut pool) = POOL.lock() {
        pool.clear();
    }
}

/// One browser. Closed on drop, which must come before its driver's.
pub struct Session {
    driver: Endpoint,
    id: String,
    profile: PathBuf,
}

impl Session {
    pub fn engine(&self) -> Engine {
        self.driver.engine
    }

    fn command(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
        let (status, value) =
            self.driver
                .http(method, &format!("/session/{}{path}", self.id), body)?;
        if status != 200 {
            return Err(format!(
                "{} webdriver {method} {path}: {status} {value}",
                self.driver.engine
            )
            .into());
        }
        Ok(value["value"].clone())
    }

    /// Runs a Chrome DevTools Protocol command (Chromium alone, through chromedriver's
    /// `goog/cdp/execute`), for what WebDriver does not measure: the main thread's script time.
    pub fn cdp(&self, command: &str, params: Value) -> Result<Value> {
        self.command(
            "POST",
            "/goog/cdp/execute",
            Some(&json!({ "cmd": command, "params": params })),
        )
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
        Err(format!(
            "{}: timed out waiting for `{js}`; last value: {last}",
            self.driver.engine
        )
        .into())
    }

    /// Presses and releases one key on the focused element, as a person would. `key` is a
    /// character or a WebDriver key code such as [`KEY_TAB`].
    pub fn press(&self, key: &str) -> Result<()> {
        let actions = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": [
            { "type": "keyDown", "value": key }, { "type": "keyUp", "value": key }
        ]}]});
        self.command("POST", "/actions", Some(&actions))?;
        self.command("DELETE", "/actions", None).map(|_| ())
    }

    /// Presses `keys` together, as a shortcut: each down in order, then each up in reverse
    /// (`[KEY_CONTROL, "v"]` pastes).
    pub fn chord(&self, keys: &[&str]) -> Result<()> {
        let mut actions: Vec<Value> = keys
            .iter()
            .map(|key| json!({ "type": "keyDown", "value": key }))
            .collect();
        actions.extend(
            keys.iter()
                .rev()
                .map(|key| json!({ "type": "keyUp", "value": key })),
        );
        let actions =
            json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }]});
        self.command("POST", "/actions", Some(&actions))?;
        self.command("DELETE", "/actions", None).map(|_| ())
    }

    /// The WebDriver reference of the element `script` (a function body) returns.
    fn element(&self, script: &str) -> Result<String> {
        let element = self.execute(script, json!([]))?;
        element
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| format!("`{script}` returned no element: {element}").into())
    }

    /// Clicks the element `script` returns (a function body), as a pointer would: WebDriver
    /// finds its in-view centre, so shadow-DOM elements work too.
    pub fn click(&self, script: &str) -> Result<()> {
        let element = self.element(script)?;
        self.command(
            "POST",
            &format!("/element/{element}/click"),
            Some(&json!({})),
        )
        .map(|_| ())
    }

    /// Moves the pointer to the centre of the element `script` returns (a function body), as
    /// a reader's mouse does: the element gets `pointerover`, and nothing is clicked.
    pub fn hover(&self, script: &str) -> Result<()> {
        let element = self.element(script)?;
        let actions = json!({ "actions": [{ "type": "pointer", "id": "mouse",
            "parameters": { "pointerType": "mouse" },
            "actions": [{ "type": "pointerMove", "duration": 0, "x": 0, "y": 0,
                          "origin": { "element-6066-11e4-a52e-4f735466cecf": element } }] }]});
        self.command("POST", "/actions", Some(&actions))?;
        self.command("DELETE", "/actions", None).map(|_| ())
    }

    /// Types `text` into the element `script` returns, key by key, after what it holds.
    pub fn type_into(&self, script: &str, text: &str) -> Result<()> {
        let element = self.element(script)?;
        self.command(
            "POST",
            &format!("/element/{element}/value"),
            Some(&json!({ "text": text })),
        )
        .map(|_| ())
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

    /// Brings this session's window to the front again (as a reader returns from a popup):
    /// an unfocused window's page keeps no focused element in Firefox.
    pub fn focus_window(&self) -> Result<()> {
        let handle = self.command("GET", "/window", None)?;
        self.command("POST", "/window", Some(&json!({ "handle": handle })))
            .map(|_| ())
    }

    /// A PNG of the viewport.
    pub fn screenshot(&self) -> Result<Vec<u8>> {
        let value = self.command("GET", "/screenshot", None)?;
        Ok(base64::engine::general_purpose::STANDARD.decode(value.as_str().unwrap_or(""))?)
    }

    /// What the page has logged since the last call, in every engine: the test server puts a
    /// recorder (`/__test/console.js`) first in each test page, which keeps console calls,
    /// uncaught errors, unhandled rejections and CSP violations in `window.__testConsole`.
    pub fn console(&self) -> Result<Vec<String>> {
        let value = self.execute(
            "const seen = window.__testConsole || []; window.__testConsole = []; return seen;",
            json!([]),
        )?;
        Ok(value
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|m| m.as_str().map(str::to_string))
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
        let _ = self
            .driver
            .http("DELETE", &format!("/session/{}", self.id), None);
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
