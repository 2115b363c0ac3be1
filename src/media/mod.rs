//! Playback: one controller per widget owns the live player's state and talks to the media
//! elements; the views render that state and send the reader's intents.
//!
//! - `state`: the player's state as data (`PlayerState`), and the rules that need no browser;
//!   tested natively.
//! - `controller`: `MediaController`, built by `use_media_controller` in the widget's reactive
//!   owner: what Play, Live / Audio only, Go live and Retry do, and what the elements' events
//!   mean.
//! - `position`: where each player stands against the live edge (the rule is
//!   `model::live_edge`).
//! - `script_streams`: the hls.js streams of a widget.
//! - `element`: the one file that speaks to `HTMLMediaElement`.
//!
//! Starting one player pauses every other player on the page: the host does that
//! (`Browser::pause_other_players`), since only the host knows the page's other widgets.

mod controller;
mod element;
mod position;
mod script_streams;
pub mod state;

pub use controller::{use_media_controller, Chosen, MediaController};
pub use state::PlayerState;
