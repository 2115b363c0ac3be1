//! The page's media players, so that starting one pauses the others: a reader hears one stream
//! at a time, however many widgets the page has. The players are found where they are, in the
//! widgets' shadow roots, so nothing has to register them.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlMediaElement};

/// Pauses every player of every widget on the page but `playing`.
pub fn pause_players_except(playing: &HtmlMediaElement) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(widgets) = document.query_selector_all(crate::host::WIDGET_SELECTOR) else {
        return;
    };
    for i in 0..widgets.length() {
        let root = widgets
            .item(i)
            .and_then(|n| n.dyn_into::<Element>().ok())
            .and_then(|e| e.shadow_root());
        let Some(players) = root.and_then(|r| r.query_selector_all("video, audio").ok()) else {
            continue;
        };
        for j in 0..players.length() {
            let player = players
                .item(j)
                .and_then(|p| p.dyn_into::<HtmlMediaElement>().ok());
            if let Some(player) = player.filter(|p| p != playing && !p.paused()) {
                let _ = player.pause();
            }
        }
    }
}
