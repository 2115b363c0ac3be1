//! The views: one component per file. Views take typed model data, never raw JSON, and never
//! touch the host page; what they have to tell the page goes out through [`EventSink`], and
//! what they need of the browser (storage, clipboard, share sheet, windows, media types) comes
//! in through [`services::Services`].

pub mod body;
pub mod breadcrumb;
pub mod card;
pub mod comment_count;
pub mod error_state;
pub mod event_sink;
pub mod fallback;
pub mod figure;
pub mod icons;
pub mod intl;
pub mod live_toggle;
pub mod loading_state;
pub mod players;
pub mod rich_text;
pub mod services;
pub mod share_bar;
pub mod widget;

pub use event_sink::EventSink;
