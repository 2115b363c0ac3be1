//! The page's media players, so that starting one pauses the others: a reader hears one
//! stream at a time, however many widgets the page has.

use std::cell::{Cell, RefCell};
use web_sys::HtmlMediaElement;

thread_local! {
    static PLAYERS: RefCell<Vec<(u64, HtmlMediaElement)>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u64> = const { Cell::new(0) };
}

/// A registered player; dropping it unregisters.
pub struct PlayerRegistration(u64);

impl Drop for PlayerRegistration {
    fn drop(&mut self) {
        PLAYERS.with(|p| p.borrow_mut().retain(|(id, _)| *id != self.0));
    }
}

pub fn register(player: HtmlMediaElement) -> PlayerRegistration {
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    PLAYERS.with(|p| p.borrow_mut().push((id, player)));
    PlayerRegistration(id)
}

/// Pauses every registered player but `playing`.
pub fn pause_others(playing: &HtmlMediaElement) {
    let others: Vec<HtmlMediaElement> = PLAYERS.with(|p| {
        p.borrow()
            .iter()
            .filter(|(_, player)| player != playing && !player.paused())
            .map(|(_, player)| player.clone())
            .collect()
    });
    for player in others {
        let _ = player.pause();
    }
}
