//! Pure Rust: the article format, validation, URLs, share links and strings. Nothing here
//! touches the browser, so all of it is tested natively with `cargo test`.

pub mod article;
pub mod caps;
pub mod comments;
pub mod config;
pub mod date;
pub mod error;
pub mod formats;
pub mod html;
pub mod i18n;
pub mod limits;
pub mod live_edge;
pub mod share;
pub mod table;
pub mod url;
pub mod widget_event;
pub mod wire;
