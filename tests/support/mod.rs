//! What the end-to-end suites share: the two origins (widget and host), and a browser per test
//! in the engine `ARTICLE_WIDGET_ENGINE` names (`cargo xtask test` runs each suite in all three).
// Each suite uses its own part of this module.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::sync::OnceLock;
use std::time::Duration;
use xtask::dist_dir;
use xtask::server::Origins;
use xtask::webdriver::{pooled_driver, Engine, PooledDriver, Scheme, Session};

pub mod prerendered;

pub const NEEDS: &str = "needs dist/ and the browsers: run `cargo xtask test`";

/// The engine this run drives.
pub fn engine() -> Engine {
    Engine::from_env().unwrap()
}

pub fn origins() -> &'static Origins {
    static ORIGINS: OnceLock<Origins> = OnceLock::new();
    ORIGINS.get_or_init(|| {
        assert!(
            dist_dir().join("embed.js").exists(),
            "dist/embed.js is missing: {NEEDS}"
        );
        let origins = Origins::start(0, 0, true).unwrap();
        assert_ne!(origins.widget.origin, origins.host.origin);
        origins
    })
}

/// A browser of its own for each test, on a driver the test binary keeps (fields drop in
/// order: the session, then the driver goes back to the pool).
pub struct Browser {
    pub session: Session,
    _driver: PooledDriver,
}

impl Browser {
    /// A fresh browser, 1280 x 900, light scheme, at `path` on the host origin.
    pub fn open(path: &str) -> Browser {
        Browser::open_with(path, 1280, 900, Scheme::Light)
    }

    pub fn open_with(path: &str, width: u32, height: u32, scheme: Scheme) -> Browser {
        let engine = engine();
        // Shown with a failing test's output: which engine it ran in.
        println!("[{engine}] {path}");
        let driver = pooled_driver(engine, scheme).unwrap();
        let session = driver.session(width, height).unwrap();
        session
            .goto(&format!("{}{path}", origins().host.origin))
            .unwrap();
        Browser {
            session,
            _driver: driver,
        }
    }

    pub fn engine(&self) -> Engine {
        self.session.engine()
    }

    pub fn js(&self, body: &str) -> Value {
        self.session
            .execute(&format!("{SHADOW_HELPERS}\n{body}"), json!([]))
            .unwrap()
    }

    /// Waits until the widget with `id` reaches `state` (`loaded`, `error`).
    pub fn wait_state(&self, id: &str, state: &str) {
        wait_state_of(&self.session, &format!("#{id}"), state);
    }

    /// Waits until `js` (an expression) evaluates to `expected`.
    pub fn wait_value(&self, js: &str, expected: Value) {
        let js = format!("(function(){{ {SHADOW_HELPERS} return {js}; }})()");
        self.session
            .wait_for(&js, Duration::from_secs(10), |v| v == &expected)
            .unwrap();
    }

    /// Clicks the element `selector` finds in widget `id`'s shadow root, as a reader's pointer
    /// does (a trusted click, which media playback and popups need), not `element.click()`.
    pub fn click(&self, id: &str, selector: &str) {
        self.session
            .click(&format!(
                "{SHADOW_HELPERS}\nreturn q('{id}', '{selector}');"
            ))
            .unwrap();
    }

    /// Moves the pointer over the element `selector` finds in widget `id`'s shadow root.
    pub fn hover(&self, id: &str, selector: &str) {
        self.session
            .hover(&format!(
                "{SHADOW_HELPERS}\nconst e = q('{id}', '{selector}'); e.scrollIntoView({{ block: 'center' }}); return e;"
            ))
            .unwrap();
    }

    /// Types `text` into the field `selector` finds in widget `id`'s shadow root, key by key.
    pub fn type_into(&self, id: &str, selector: &str, text: &str) {
        self.session
            .type_into(
                &format!("{SHADOW_HELPERS}\nreturn q('{id}', '{selector}');"),
                text,
            )
            .unwrap();
    }

    pub fn text(&self, id: &str, selector: &str) -> String {
        self.js(&format!(
            "return q('{id}', '{selector}')?.textContent ?? null;"
        ))
        .as_str()
        .unwrap_or("<none>")
        .trim()
        .to_string()
    }

    pub fn attr(&self, id: &str, selector: &str, name: &str) -> Option<String> {
        self.js(&format!(
            "return q('{id}', '{selector}')?.getAttribute('{name}') ?? null;"
        ))
        .as_str()
        .map(str::to_string)
    }

    pub fn fallback_visible(&self, id: &str) -> bool {
        self.js(&format!("return document.getElementById('{id}').querySelector('.fallback').getClientRects().length > 0;"))
            .as_bool()
            .unwrap()
    }
}

pub const SHADOW_HELPERS: &str = "function q(id, s) { const el = document.getElementById(id); return el && el.shadowRoot ? el.shadowRoot.querySelector(s) : null; }
function qa(id, s) { const el = document.getElementById(id); return el && el.shadowRoot ? Array.from(el.shadowRoot.querySelectorAll(s)) : []; }";

/// Waits until the first widget matching `selector` reaches `state` (`loaded`, `error`).
pub fn wait_state_of(session: &Session, selector: &str, state: &str) {
    let js = format!(
        "(function(){{ const el = document.querySelector('{selector}'); const aw = el && el.shadowRoot && el.shadowRoot.querySelector('.aw'); return aw ? aw.dataset.state : null; }})()"
    );
    session
        .wait_for(&js, Duration::from_secs(20), |v| v == state)
        .unwrap();
}
