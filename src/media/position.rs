//! Where a live player stands against the broadcast, for the [`super::MediaController`]:
//! whether the shown stream is live and behind the edge (what LIVE and "Go live" show), and
//! each player's own join distance and pause time (what playing again after a pause needs).
//! The rule is [`LiveEdge`] in the model; this reads the players and keeps the state.

use super::element::{self, is_live_stream, live_edge, Player};
use super::state::PerMode;
use crate::model::article::MediaMode;
use crate::model::live_edge::{rejoin_after_pause, LiveEdge};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct LivePosition {
    /// The shown player plays a live stream.
    pub is_live: RwSignal<bool>,
    /// The shown player is behind the live edge.
    pub behind: RwSignal<bool>,
    /// Per player (each has its own timeline): how far behind the edge it plays when it keeps
    /// up (measured when it joins), and since when it is paused.
    joined: StoredValue<PerMode<Option<LiveEdge>>, LocalStorage>,
    paused_at: StoredValue<PerMode<Option<f64>>, LocalStorage>,
}

/// New state in the current reactive owner (it goes with the widget).
impl Default for LivePosition {
    fn default() -> LivePosition {
        LivePosition::new()
    }
}

impl LivePosition {
    pub fn new() -> LivePosition {
        LivePosition {
            is_live: RwSignal::new(false),
            behind: RwSignal::new(false),
            joined: StoredValue::new_local(PerMode::default()),
            paused_at: StoredValue::new_local(PerMode::default()),
        }
    }

    fn joined(&self, which: MediaMode) -> Option<LiveEdge> {
        self.joined.with_value(|j| *j.get(which))
    }

    fn set_paused_at(&self, which: MediaMode, value: Option<f64>) {
        self.paused_at.update_value(|p| *p.get_mut(which) = value);
    }

    /// Reads where the shown player stands, as it plays (`playing`, `timeupdate`).
    pub fn track(&self, which: MediaMode, player: &Player) {
        self.is_live.set(is_live_stream(player));
        // Without a window there is no seeking back: playing is being live.
        let Some(edge) = live_edge(player) else {
            self.behind.set(false);
            return;
        };
        let current = player.current_time();
        if self.joined(which).is_none() && !player.paused() {
            self.joined
                .update_value(|j| *j.get_mut(which) = Some(LiveEdge::joined(edge, current)));
        }
        self.behind.set(
            self.joined(which)
                .is_some_and(|live| live.is_behind(edge, current)),
        );
    }

    pub fn paused(&self, which: MediaMode) {
        self.set_paused_at(which, Some(js_sys::Date::now()));
    }

    /// A reader who seeks while paused wants that position, not the edge.
    pub fn seeking(&self, which: MediaMode, player: &Player) {
        if player.paused() {
            self.set_paused_at(which, None);
        }
    }

    /// Playing again after a pause goes back to the live edge, not minutes behind it: a seek
    /// to the live position where there is a window to seek in; where there is none, and the
    /// element plays its own source (`reloadable`), the stream is loaded again, which joins at
    /// the edge.
    pub fn resumed(&self, which: MediaMode, player: &Player, reloadable: bool) {
        let mut since = None;
        self.paused_at
            .update_value(|p| since = p.get_mut(which).take());
        let Some(since) = since else { return };
        if let (Some(live), Some(edge)) = (self.joined(which), live_edge(player)) {
            if live.is_behind(edge, player.current_time()) {
                player.set_current_time(live.live_position(edge));
            }
        } else if reloadable
            && is_live_stream(player)
            && rejoin_after_pause(js_sys::Date::now() - since)
        {
            player.load();
            element::play(player);
        }
    }

    /// "Go live": to the live position, playing.
    pub fn go_live(&self, which: MediaMode, player: &Player) {
        if let (Some(live), Some(edge)) = (self.joined(which), live_edge(player)) {
            player.set_current_time(live.live_position(edge));
        }
        self.behind.set(false);
        element::play(player);
    }

    /// Another player is shown: what LIVE and "Go live" show is read again from it.
    pub fn shown_changed(&self) {
        self.is_live.set(false);
        self.behind.set(false);
    }

    /// The streams start again (Retry): nothing measured so far holds.
    pub fn forget(&self) {
        self.joined.set_value(PerMode::default());
        self.paused_at.set_value(PerMode::default());
        self.shown_changed();
    }
}
