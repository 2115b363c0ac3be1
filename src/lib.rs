//! The article widget: an embeddable news card for third-party pages.
//!
//! Data flows one way: element attributes -> [`model::config`] -> [`api`] fetch ->
//! [`model::article`] -> [`view`] -> DOM, with [`host`] the only code that knows about the host
//! page.

pub mod model;
