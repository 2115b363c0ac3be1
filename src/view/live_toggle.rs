use super::event_sink::EventSink;
use super::icons::play_icon;
use super::{own_text, use_locale};
use crate::media::{use_media_controller, Chosen, MediaController};
use crate::model::article::{Live, MediaMode};
use leptos::prelude::*;

/// `aria-hidden`, as a value rather than literal markup, so that no part of the player becomes
/// a Leptos HTML template (parsed with `innerHTML`, which Trusted Types hosts refuse; see
/// [`super::fallback`]).
const ARIA_HIDDEN: &str = "true";

/// The publisher's live stream: one `<video>` and one `<audio>` (only one shown), and a
/// Live / Audio only switch when both exist. This renders the widget's
/// [`MediaController`]; what each control does is the controller's.
///
/// - Until the reader presses play, a button the player's size stands in for it (the way
///   lite-youtube does): a media element with controls costs the page about half a
///   millisecond to insert and lay out, and a page of a hundred widgets should not pay that for
///   players nobody starts. Pressing it puts the real players in, starts the shown one and moves
///   focus to it.
/// - `preload="none"`: even then, no media bytes move before playback.
/// - Switching keeps playing if it was playing.
/// - The reader's choice is remembered for the publisher's `site` and used next time.
/// - Starting this player pauses every other widget's.
/// - HLS plays natively where the browser can, else through hls.js, fetched when the reader
///   presses play on it (see `host::hls`).
/// - A live stream shows LIVE while it plays at the live edge, "Go live" when the reader is
///   behind it, and plays from the edge again after a pause. A stream that fails says so
///   (for HLS: off the air) with Retry; the card is unaffected.
#[component]
pub fn LiveToggle(
    live: Live,
    events: EventSink,
    /// The publisher's site (the article URL's origin), the key of the remembered choice.
    #[prop(optional)]
    site: String,
) -> impl IntoView {
    let locale = use_locale();
    let strings = locale.strings;
    let strings_lang = locale.strings_lang();
    let c: MediaController = use_media_controller(live, events, site);
    let mode = c.mode;
    let poster = c.poster();
    let facade_poster = poster.clone();
    let video = move || {
        c.choose(MediaMode::Video).map(|source: Chosen| {
            view! {
                <video
                    node_ref=c.video
                    src=source.element_src()
                    part="player"
                    class="aw-player"
                    controls
                    playsinline
                    preload="none"
                    poster=poster.clone()
                    hidden=move || mode.get() != MediaMode::Video
                    on:play=move |_| c.play_state_changed(MediaMode::Video, true)
                    on:pause=move |_| c.play_state_changed(MediaMode::Video, false)
                    on:playing=move |_| c.progressed(MediaMode::Video)
                    on:timeupdate=move |_| c.progressed(MediaMode::Video)
                    on:seeking=move |_| c.seeking(MediaMode::Video)
                    on:error=move |event: web_sys::ErrorEvent| c.errored(&event)
                ></video>
            }
        })
    };
    let audio = move || {
        c.choose(MediaMode::Audio).map(|source: Chosen| {
            view! {
                <audio
                    node_ref=c.audio
                    src=source.element_src()
                    part="player"
                    class="aw-player"
                    controls
                    preload="none"
                    hidden=move || mode.get() != MediaMode::Audio
                    on:play=move |_| c.play_state_changed(MediaMode::Audio, true)
                    on:pause=move |_| c.play_state_changed(MediaMode::Audio, false)
                    on:playing=move |_| c.progressed(MediaMode::Audio)
                    on:timeupdate=move |_| c.progressed(MediaMode::Audio)
                    on:seeking=move |_| c.seeking(MediaMode::Audio)
                    on:error=move |event: web_sys::ErrorEvent| c.errored(&event)
                ></audio>
            }
        })
    };
    let toggle = c.has_both().then(|| {
        view! {
            <div class="aw-live-toggle" part="live-toggle" role="group" aria-label=strings.player_mode lang=strings_lang>
                <button
                    type="button"
                    class="aw-toggle-button"
                    data-mode="video"
                    aria-pressed=move || (mode.get() == MediaMode::Video).to_string()
                    on:click=move |_| c.switch_to(MediaMode::Video)
                >
                    <span class="aw-live-dot" aria-hidden=ARIA_HIDDEN></span>
                    {strings.live}
                </button>
                <button
                    type="button"
                    class="aw-toggle-button"
                    data-mode="audio"
                    aria-pressed=move || (mode.get() == MediaMode::Audio).to_string()
                    on:click=move |_| c.switch_to(MediaMode::Audio)
                >
                    {strings.audio_only}
                </button>
            </div>
        }
    });
    let title = c.title().unwrap_or_else(|| strings.live.to_string());
    let facade_title = title.clone();
    let play_button = move || {
        let poster = facade_poster
            .clone()
            .filter(|_| mode.get() == MediaMode::Video)
            .map(|src| view! { <img class="aw-play-poster" src=src alt="" decoding="async" /> });
        view! {
            <button
                type="button"
                class="aw-player aw-play"
                part="player"
                data-kind=move || mode.get().as_str()
                on:click=move |_| c.start()
            >
                {poster}
                <span class="aw-play-icon" aria-hidden=ARIA_HIDDEN>{play_icon()}</span>
                <span class="aw-play-label">
                    {own_text(strings.play, strings_lang)}
                    <span class="aw-visually-hidden">" "{facade_title.clone()}</span>
                </span>
            </button>
        }
    };
    // Under the playing stream: LIVE at the edge, "Go live" behind it. The row is there from
    // the first play of an HLS stream (a live one, nearly always), so that neither moves the
    // card when it appears; for another stream, once it turns out to be live.
    let live_status = move || {
        view! {
            <div class="aw-live-status" data-live=move || c.expects_live().to_string() lang=strings_lang>
                <span class="aw-live-badge" hidden=move || c.state() != crate::media::PlayerState::LiveEdge>
                    <span class="aw-live-dot" aria-hidden=ARIA_HIDDEN></span>
                    {strings.live_badge}
                </span>
                <button
                    type="button"
                    class="aw-button aw-go-live"
                    hidden=move || !c.can_go_live()
                    on:click=move |_| c.go_live()
                >
                    {strings.go_live}
                </button>
            </div>
        }
    };
    let players = move || {
        if c.started.get() {
            view! { {video()} {audio()} {live_status()} }.into_any()
        } else {
            play_button().into_any()
        }
    };
    let failure = move || match c.state() {
        crate::media::PlayerState::Offline => Some(strings.stream_offline),
        crate::media::PlayerState::Error => Some(strings.media_error),
        _ => None,
    };
    view! {
        <section
            class="aw-live"
            aria-label=title
            data-mode=move || mode.get().as_str()
            data-playing=move || c.playing.get().to_string()
            data-state=move || c.state().as_str()
        >
            {toggle}
            {players}
            <p class="aw-media-error" role="status" lang=strings_lang>{failure}</p>
            <button type="button" class="aw-button aw-media-retry" hidden=move || !c.state().failed() on:click=move |_| c.retry() lang=strings_lang>
                {strings.retry}
            </button>
        </section>
    }
}
