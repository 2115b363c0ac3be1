//! What the controller reads from and asks of a media element: the one file that speaks to
//! `HTMLMediaElement` (the hls.js binding aside, which is the host's).

use wasm_bindgen::JsCast;
use web_sys::HtmlMediaElement;

pub use web_sys::HtmlMediaElement as Player;

/// Whether `media` plays a live stream: live streams, native or through hls.js, have an
/// infinite duration.
pub fn is_live_stream(media: &Player) -> bool {
    media.duration() == f64::INFINITY
}

/// The end of a live stream's seekable range (its newest media); `None` for a stream that is
/// not live, or live without a window to seek in (Chromium's own HLS gives none).
pub fn live_edge(media: &Player) -> Option<f64> {
    if !is_live_stream(media) {
        return None;
    }
    let ranges = media.seekable();
    ranges
        .length()
        .checked_sub(1)
        .and_then(|last| ranges.end(last).ok())
}

/// Whether the player has data to show at its current position.
pub fn has_data(media: &Player) -> bool {
    media.ready_state() >= HtmlMediaElement::HAVE_CURRENT_DATA
}

/// Whether a media `error` event means the reader has no stream: the player has no data to
/// show, or stopped. Headless Firefox without a sound device reports an error on an audio
/// stream that goes on playing; the player must not say it failed then.
pub fn stream_failed(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlMediaElement>().ok())
        .is_none_or(|m| m.paused() || !has_data(&m))
}

/// Starts `media`. A refused `play()` (the browser's autoplay policy) leaves it paused, with
/// its own play button; the promise is awaited so that a refusal is not reported as an
/// unhandled rejection on the host page.
pub fn play(media: &Player) {
    play_or(media, || {});
}

/// [`play`], and `on_refused` runs if the browser refuses to start it.
pub fn play_or(media: &Player, on_refused: impl FnOnce() + 'static) {
    match media.play() {
        Ok(promise) => leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() {
                on_refused();
            }
        }),
        Err(_) => on_refused(),
    }
}

pub fn pause(media: &Player) {
    let _ = media.pause();
}

pub fn focus(media: &Player) {
    let _ = media.focus();
}
