//! The hls.js players of one widget, at most one per mode: started when a player first asks to
//! play an HLS stream the browser cannot play itself, stopped by Retry and with the widget. The
//! script itself is a browser service (`Browser::attach_hls`).
//!
//! A stream is kept in a slot the widget owns; the task that waits for hls.js holds only a weak
//! reference to it. Retry and the widget's end drop the slots, so a stream that arrives after
//! that finds no slot and is dropped (which stops it): stale results go by construction.

use super::element::{self, Player};
use crate::model::article::MediaMode;
use crate::services::{ScriptStream, Services};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// Where a mode's stream goes once hls.js has started it (`None` while it loads).
type Slot = Rc<RefCell<Option<ScriptStream>>>;

/// What a stream's owner hears and is asked: a stream that failed for good (off the air),
/// hls.js that could not be loaded, and whether the stream is still wanted once attached.
pub struct StreamListeners {
    pub on_failure: Box<dyn Fn()>,
    pub on_unavailable: Box<dyn Fn()>,
    pub still_wanted: Box<dyn Fn() -> bool>,
}

#[derive(Clone, Copy)]
pub struct ScriptStreams {
    streams: StoredValue<Vec<(MediaMode, Slot)>, LocalStorage>,
}

/// New state in the current reactive owner (it goes with the widget).
impl Default for ScriptStreams {
    fn default() -> ScriptStreams {
        ScriptStreams::new()
    }
}

impl ScriptStreams {
    pub fn new() -> ScriptStreams {
        ScriptStreams {
            streams: StoredValue::new_local(Vec::new()),
        }
    }

    /// Drops `slot`, if the widget still holds it.
    fn forget(&self, slot: &Weak<RefCell<Option<ScriptStream>>>) {
        self.streams.try_update_value(|s| {
            s.retain(|(_, held)| !std::ptr::eq(Rc::as_ptr(held), slot.as_ptr()))
        });
    }

    /// Plays the HLS playlist `src` in `which`'s `player` through hls.js, unless a stream is
    /// already there or on its way. Once attached it plays if `still_wanted()` (the reader
    /// may have paused, or another widget's player started, meanwhile). `on_failure` hears of
    /// a stream that failed for good (off the air), `on_unavailable` of hls.js that could not
    /// be loaded; the player is paused first.
    pub fn attach(
        &self,
        browser: Services,
        which: MediaMode,
        player: Player,
        src: &str,
        listeners: StreamListeners,
    ) {
        let StreamListeners {
            on_failure,
            on_unavailable,
            still_wanted,
        } = listeners;
        if self
            .streams
            .with_value(|s| s.iter().any(|(m, _)| *m == which))
        {
            return;
        }
        let this = *self;
        let slot: Slot = Rc::new(RefCell::new(None));
        let wanted = Rc::downgrade(&slot);
        self.streams.update_value(|s| s.push((which, slot)));

        let failed_player = player.clone();
        let failed_slot = wanted.clone();
        let on_stream_failure: Rc<dyn Fn()> = Rc::new(move || {
            element::pause(&failed_player);
            on_failure();
            // Stopped a task later: this runs inside hls.js's own event.
            let slot = failed_slot.clone();
            leptos::task::spawn_local(async move { this.forget(&slot) });
        });
        let attaching = browser.with(|b| b.attach_hls(player.clone(), src, on_stream_failure));
        leptos::task::spawn_local(async move {
            let stream = attaching.await;
            // Retry, or the widget's end, dropped the slot meanwhile: the stream drops here.
            let Some(slot) = wanted.upgrade() else {
                return;
            };
            match stream {
                Some(stream) => {
                    *slot.borrow_mut() = Some(stream);
                    if still_wanted() {
                        element::play(&player);
                    }
                }
                None => {
                    drop(slot);
                    this.forget(&wanted);
                    element::pause(&player);
                    on_unavailable();
                }
            }
        });
    }

    /// Stops every stream (Retry starts them again on play).
    pub fn stop_all(&self) {
        self.streams.set_value(Vec::new());
    }
}
