//! Share icons: small inline SVGs drawn for this widget (no icon font, no request). They are
//! decoration; every button also has its name in text.

use crate::model::share::ShareNetwork;
use leptos::prelude::*;

pub fn share_icon(network: ShareNetwork) -> impl IntoView {
    let (path, filled) = network.info().icon;
    icon(path, filled, 18)
}

/// The player's play triangle.
pub fn play_icon() -> impl IntoView {
    icon("M8 5v14l11-7z", true, 24)
}

/// Every attribute is a value, not a literal, on purpose: a `view!` made only of literals
/// becomes a Leptos HTML template, which is parsed with `innerHTML`, and a host page that
/// enforces Trusted Types refuses that (see docs/security.md, Trusted Types).
fn icon(path: &'static str, filled: bool, size: u32) -> impl IntoView {
    let class = if filled {
        "aw-icon aw-icon-filled"
    } else {
        "aw-icon"
    };
    view! {
        <svg class=class viewBox="0 0 24 24" width=size height=size aria-hidden="true" focusable="false">
            <path d=path></path>
        </svg>
    }
}
