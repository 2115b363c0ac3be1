//! The views: one component per file. Views take typed model data, never raw JSON, and never
//! touch the host page; they speak the reader's language through [`use_locale`]; what they have to tell the page goes out through [`EventSink`], and
//! what they need of the browser (storage, clipboard, share sheet, windows, media types) comes
//! in through [`crate::services::Services`]; the live player's state comes from its
//! [`crate::media::MediaController`].

pub mod body;
pub mod breadcrumb;
pub mod card;
pub mod comment_count;
pub mod error_state;
pub mod event_sink;
pub mod fallback;
pub mod figure;
pub mod frame;
pub mod icons;
pub mod live_toggle;
pub mod loading_state;
pub mod rich_text;
pub mod share_bar;
pub mod widget;

pub use event_sink::EventSink;

use crate::model::i18n::Locale;
use leptos::prelude::{provide_context, use_context};

/// The reader's language, which the widget provides to every component under it (and
/// English for a component mounted on its own).
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// Gives the components created from here on `locale`.
pub fn provide_locale(locale: Locale) {
    provide_context(locale);
}
