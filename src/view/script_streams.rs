//! The hls.js players of a [`super::live_toggle::LiveToggle`], at most one per mode: started
//! when a player first asks to play an HLS stream the browser cannot play itself, stopped by
//! Retry and with the widget. The script itself is a browser service (`Browser::attach_hls`).

use super::services::{ScriptStream, Services};
use crate::model::article::MediaMode;
use leptos::prelude::*;
use std::rc::Rc;
use web_sys::HtmlMediaElement;

#[derive(Clone, Copy)]
pub struct ScriptStreams {
    /// A mode's stream, `None` while hls.js loads; dropping one stops it.
    streams: StoredValue<Vec<(MediaMode, Option<ScriptStream>)>, LocalStorage>,
    /// Counts [`ScriptStreams::stop_all`]: a stream still loading from before is not wanted.
    generation: StoredValue<u32>,
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
            generation: StoredValue::new(0),
        }
    }

    /// Drops `which`'s stream; after the widget is gone, nothing (this runs in tasks).
    fn forget(&self, which: MediaMode) {
        self.streams
            .try_update_value(|s| s.retain(|(m, _)| *m != which));
    }

    /// Plays the HLS playlist `src` in `which`'s `player` through hls.js, unless a stream is
    /// already there or on its way. Once attached it plays if `still_wanted()` (the reader
    /// may have paused, or another widget's player started, meanwhile). `on_failure` hears of
    /// a stream that failed for good, or of hls.js that could not be loaded; the player is
    /// paused first.
    pub fn attach(
        &self,
        browser: Services,
        which: MediaMode,
        player: HtmlMediaElement,
        src: &str,
        on_failure: impl Fn() + Clone + 'static,
        still_wanted: impl Fn() -> bool + 'static,
    ) {
        if self
            .streams
            .with_value(|s| s.iter().any(|(m, _)| *m == which))
        {
            return;
        }
        let this = *self;
        let failed_player = player.clone();
        let failed = on_failure.clone();
        let on_stream_failure: Rc<dyn Fn()> = Rc::new(move || {
            let _ = failed_player.pause();
            failed();
            // Stopped a task later: this runs inside hls.js's own event.
            leptos::task::spawn_local(async move { this.forget(which) });
        });
        self.streams.update_value(|s| s.push((which, None)));
        let attaching = browser.with(|b| b.attach_hls(player.clone(), src, on_stream_failure));
        let generation = self.generation.get_value();
        leptos::task::spawn_local(async move {
            let stream = attaching.await;
            if this.generation.try_get_value() != Some(generation) {
                return;
            }
            match stream {
                Some(stream) => {
                    this.streams.update_value(|s| {
                        if let Some(entry) = s.iter_mut().find(|(m, _)| *m == which) {
                            entry.1 = Some(stream);
                        }
                    });
                    if still_wanted() {
                        let _ = player.play();
                    }
                }
                None => {
                    this.forget(which);
                    let _ = player.pause();
                    on_failure();
                }
            }
        });
    }

    /// Stops every stream (Retry starts them again on play).
    pub fn stop_all(&self) {
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        self.streams.set_value(Vec::new());
    }
}
