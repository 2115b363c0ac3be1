//! What the end-to-end suites share: the two origins (widget and host) and a browser per test.
// Each suite uses its own part of this module.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::sync::OnceLock;
use std::time::Duration;
use xtask::server::{Role, Server};
use xtask::webdriver::{ChromeDriver, Session};
use xtask::{dist_dir, workspace_root};

pub const NEEDS: &str = "needs dist/ and Chromium: run `cargo xtask test`";

pub struct Origins {
    pub widget: Server,
    pub host: Server,
}

pub fn origins() -> &'static Origins {
    static ORIGINS: OnceLock<Origins> = OnceLock::new();
    ORIGINS.get_or_init(|| {
        assert!(
            dist_dir().join("embed.js").exists(),
            "dist/embed.js is missing: {NEEDS}"
        );
        let widget = Server::start(0, Role::Widget { root: dist_dir() }).unwrap();
        let host = Server::start(
            0,
            Role::Host {
                demo_root: dist_dir(),
                pages_root: workspace_root().join("tests/pages"),
                widget_origin: widget.origin.clone(),
            },
        )
        .unwrap();
        assert_ne!(widget.origin, host.origin);
        Origins { widget, host }
    })
}

/// A browser of its own for each test (fields drop in order: the session, then the driver).
pub struct Browser {
    pub session: Session,
    _driver: ChromeDriver,
}

impl Browser {
    pub fn open(path: &str) -> Browser {
        let driver = ChromeDriver::start().unwrap();
        let session = driver.session(1280, 900).unwrap();
        session
            .goto(&format!("{}{path}", origins().host.origin))
            .unwrap();
        Browser {
            session,
            _driver: driver,
        }
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
