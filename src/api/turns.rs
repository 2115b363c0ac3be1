//! Whose turn it is to build a card. Widgets that share an article get it in the same task;
//! each then waits its turn, which the loader (`js/embed.js`, `takeTurn`) gives a few cards a
//! task: as many as keep a task and the frame after it within 40 to 80 ms, measured as it
//! goes. A page of a hundred widgets neither builds them all in one long task nor pays the
//! browser's style and layout pass once for every card. (The queue is in the loader, not
//! here: the same rule in Rust, with its futures and wakers, cost the wasm 0.9 KB of brotli.)

use js_sys::{Function, Promise};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The loader's `takeTurn()`: a promise that settles at this widget's turn.
    static TAKE_TURN: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// The loader's `takeTurn()`, from `host::connect`.
pub fn set_turns(take: Function) {
    TAKE_TURN.with(|t| *t.borrow_mut() = Some(take));
}

/// Waits until it is this widget's turn to build its card: in a later task, with up to a
/// batch of other widgets (settled there, they run in that task's microtasks). Without the
/// loader (the view tests mount widgets themselves), at once.
pub async fn my_turn() {
    let turn = TAKE_TURN
        .with(|t| t.borrow().clone())
        .and_then(|take| take.call0(&JsValue::UNDEFINED).ok())
        .and_then(|turn| turn.dyn_into::<Promise>().ok());
    if let Some(turn) = turn {
        let _ = JsFuture::from(turn).await;
    }
}
