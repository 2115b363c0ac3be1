//! Share icons: small inline SVGs drawn for this widget (no icon font, no request). They are
//! decoration; every button also has its name in text.

use crate::model::share::ShareNetwork;
use leptos::prelude::*;

/// (path data, filled rather than stroked)
fn glyph(network: ShareNetwork) -> (&'static str, bool) {
    match network {
        ShareNetwork::X => ("M4 4l16 16M20 4L4 20", false),
        ShareNetwork::Facebook => ("M14 7h3V3h-3a4 4 0 0 0-4 4v3H7v4h3v7h4v-7h3l1-4h-4V7.5a.5.5 0 0 1 .5-.5z", true),
        ShareNetwork::Linkedin => ("M5 9h3v10H5zM6.5 4a1.75 1.75 0 1 1 0 3.5 1.75 1.75 0 0 1 0-3.5zM10 9h3v1.5c.6-1 1.8-1.8 3.3-1.8 2.6 0 3.7 1.7 3.7 4.6V19h-3v-5.2c0-1.4-.4-2.3-1.7-2.3-1.4 0-2.3 1-2.3 2.5V19h-3z", true),
        ShareNetwork::Whatsapp => ("M4 20l1.4-4A8 8 0 1 1 8 18.6zM9 9c0 3 3 6 6 6l1-1.5-2-1-1 1c-1 0-2.5-1.5-2.5-2.5l1-1-1-2z", false),
        ShareNetwork::Telegram => ("M3 11l17-7-3 16-5-4-3 3v-5l8-7-10 6z", true),
        ShareNetwork::Reddit => ("M6 14a6 4 0 1 0 12 0 6 4 0 1 0-12 0M12 10l1.5-5 4 1M9.5 13.5h0M14.5 13.5h0M9.5 16.5c1.5 1 3.5 1 5 0", false),
        ShareNetwork::Bluesky => ("M12 11C10.5 8 7 4 4.5 4 3 4 3.5 7 4 9c.6 2.2 2.6 3 5 2.7-2.5.5-4.3 1.8-2.5 4.3 2.6 3.4 4.6.5 5.5-2.5.9 3 2.9 5.9 5.5 2.5 1.8-2.5 0-3.8-2.5-4.3 2.4.3 4.4-.5 5-2.7.5-2 1-5-.5-5C17 4 13.5 8 12 11z", true),
        ShareNetwork::Threads => ("M16 11c-.5-3-2.5-4-4.5-4C9 7 8 9 8 12s1.5 5 4 5 4-1.5 4-4-2-3-4-3-3 1-3 2 1 2 2.5 2 3.5-1 3.5-4M19 12a7 7 0 1 1-2-5", false),
        ShareNetwork::Mastodon => ("M5 6a3 3 0 0 1 3-3h8a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3h-5l-3 3v-3H8a3 3 0 0 1-3-3zM9 13V9l3 3 3-3v4", false),
        ShareNetwork::Email => ("M3 6h18v12H3zM3 7l9 6 9-6", false),
        ShareNetwork::Copy => ("M8 8h11v11H8zM5 16V5h11", false),
        ShareNetwork::Native => ("M12 3v12M8 7l4-4 4 4M5 12v8h14v-8", false),
    }
}

pub fn share_icon(network: ShareNetwork) -> impl IntoView {
    let (path, filled) = glyph(network);
    icon(path, filled, 18)
}

/// The player's play triangle.
pub fn play_icon() -> impl IntoView {
    icon("M8 5v14l11-7z", true, 24)
}

/// Every attribute is a value, not a literal, on purpose: a `view!` made only of literals
/// becomes a Leptos HTML template, which is parsed with `innerHTML`, and a host page that
/// enforces Trusted Types refuses that (see the README's Security section).
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
