//! The publisher's fallback: the element's own light-DOM children, shown through a `<slot>`
//! while the card loads and when it fails.
//!
//! Built with Leptos' element functions rather than `view!`: a `view!` made only of literal
//! markup becomes an HTML template that Leptos parses with `innerHTML`, which a host page that
//! enforces Trusted Types refuses (see docs/security.md, Trusted Types).

use leptos::html;
use leptos::prelude::*;

pub fn fallback_slot() -> impl IntoView {
    html::div().class("aw-fallback").child(html::slot())
}
