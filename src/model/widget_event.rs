//! The events a widget reports to the host page (`article-widget:*`), as data. The host turns
//! them into DOM `CustomEvent`s; views only say what happened.

use super::article::MediaMode;
use super::share::ShareNetwork;

#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    /// The card rendered.
    Load { id: String, url: String },
    /// The error state is showing.
    Error { message: String },
    /// The reader used a share button.
    Share { network: ShareNetwork },
    /// The player switched mode, started or paused.
    MediaChange { mode: MediaMode, playing: bool },
}

impl WidgetEvent {
    /// The DOM event type, as the embed spec names it.
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::Load { .. } => "article-widget:load",
            WidgetEvent::Error { .. } => "article-widget:error",
            WidgetEvent::Share { .. } => "article-widget:share",
            WidgetEvent::MediaChange { .. } => "article-widget:mediachange",
        }
    }
}
