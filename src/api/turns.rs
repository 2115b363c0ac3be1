//! Whose turn it is to build a card. Widgets that share an article get it in the same task;
//! each then waits its turn in one queue, which the page works through a few cards a task: as
//! many as keep a task and the frame after it within 40 to 80 ms, measured as it goes (one
//! card at first). A page of a hundred
//! widgets neither builds them all in one long task nor pays the browser's style and layout
//! pass once for every card.

use js_sys::{Function, Promise};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The resolve functions of the widgets waiting for their turn, first come first served.
    static WAITING: RefCell<VecDeque<Function>> = const { RefCell::new(VecDeque::new()) };
    /// Whether a task works through the queue.
    static RUNNING: Cell<bool> = const { Cell::new(false) };
}

/// A task that takes longer than this is a long task to the host page.
const TASK_MS: f64 = 40.0;

/// Waits until it is this widget's turn to build its card: in a later task, with up to a
/// batch of other widgets.
pub async fn my_turn() {
    let mut resolve = None;
    let turn = Promise::new(&mut |ok, _| resolve = Some(ok));
    let Some(resolve) = resolve else {
        return;
    };
    WAITING.with(|w| w.borrow_mut().push_back(resolve));
    if !RUNNING.with(|r| r.replace(true)) {
        leptos::task::spawn_local(work_through_the_queue());
    }
    let _ = JsFuture::from(turn).await;
}

async fn work_through_the_queue() {
    let mut batch = 1usize;
    let mut started: Option<f64> = None;
    loop {
        gloo_timers::future::TimeoutFuture::new(0).await;
        let now = js_sys::Date::now();
        if let Some(previous) = started {
            // The last batch's task, and whatever the browser did before this one.
            batch = next_batch(batch, now - previous);
        }
        started = Some(now);
        let turns: Vec<Function> = WAITING.with(|w| {
            let mut w = w.borrow_mut();
            let n = batch.min(w.len());
            w.drain(..n).collect()
        });
        // Resolved here, their widgets build their cards in this task's microtasks.
        for resolve in turns {
            let _ = resolve.call0(&JsValue::NULL);
        }
        if WAITING.with(|w| w.borrow().is_empty()) {
            RUNNING.with(|r| r.set(false));
            return;
        }
    }
}

/// How many cards the next task builds, from how long the last batch of `batch` took until
/// this task began: its own task, and the frame the browser may have drawn after it (the
/// style and layout of the new cards, which is what a bigger batch saves).
pub fn next_batch(batch: usize, took_ms: f64) -> usize {
    if took_ms < TASK_MS {
        (batch * 2).min(64)
    } else if took_ms > 2.0 * TASK_MS {
        (batch / 2).max(1)
    } else {
        batch
    }
}

#[cfg(test)]
mod tests {
    use super::next_batch;

    #[test]
    fn batches_grow_while_cheap_and_shrink_when_long() {
        assert_eq!(next_batch(1, 5.0), 2);
        assert_eq!(next_batch(8, 60.0), 8);
        assert_eq!(next_batch(8, 100.0), 4);
        assert_eq!(next_batch(1, 200.0), 1);
        assert_eq!(next_batch(64, 1.0), 64);
    }
}
