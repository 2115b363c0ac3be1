use super::event_sink::EventSink;
use super::icons::play_icon;
use super::players::{pause_others, register, PlayerRegistration};
use super::services::Services;
use super::use_locale;
use crate::model::article::{first_playable, Live, MediaMode};
use crate::model::widget_event::WidgetEvent;
use leptos::html;
use leptos::prelude::*;
use web_sys::HtmlMediaElement;

/// Where the reader's last Live / Audio only choice is kept, per publisher site.
fn stored_mode_key(site: &str) -> String {
    format!("article-widget:media-mode:{site}")
}

fn stored_mode(browser: Services, site: &str) -> Option<MediaMode> {
    match browser.with(|b| b.load(&stored_mode_key(site)))?.as_str() {
        "video" => Some(MediaMode::Video),
        "audio" => Some(MediaMode::Audio),
        _ => None,
    }
}

/// Whether a media `error` event means the reader has no stream: the player has no data to
/// show, or stopped. Headless Firefox without a sound device reports an error on an audio
/// stream that goes on playing; the player must not say it failed then.
fn stream_failed(event: &web_sys::Event) -> bool {
    use wasm_bindgen::JsCast;
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlMediaElement>().ok())
        .is_none_or(|m| m.paused() || m.ready_state() < HtmlMediaElement::HAVE_CURRENT_DATA)
}

/// `aria-hidden`, as a value rather than literal markup, so that no part of the player becomes
/// a Leptos HTML template (parsed with `innerHTML`, which Trusted Types hosts refuse; see
/// [`super::fallback`]).
const ARIA_HIDDEN: &str = "true";

/// The publisher's live stream: one `<video>` and one `<audio>` (only one shown), and a
/// Live / Audio only switch when both exist.
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
#[component]
pub fn LiveToggle(
    live: Live,
    events: EventSink,
    /// The publisher's site (the article URL's origin), the key of the remembered choice.
    #[prop(optional)]
    site: String,
) -> impl IntoView {
    let strings = use_locale().strings;
    let browser = Services::get();
    let has_both = live.has(MediaMode::Video) && live.has(MediaMode::Audio);
    let remembered = stored_mode(browser, &site).filter(|_| has_both);
    let mode = RwSignal::new(remembered.unwrap_or_else(|| live.initial_mode()));
    let site = StoredValue::new(site);
    let playing = RwSignal::new(false);
    // The real players exist once the reader has pressed play.
    let started = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let video_ref = NodeRef::<html::Video>::new();
    let audio_ref = NodeRef::<html::Audio>::new();

    // Register both players page-wide once they exist; unregister with the widget.
    let registrations = StoredValue::new_local(Vec::<PlayerRegistration>::new());
    Effect::new(move |_| {
        let video: Option<HtmlMediaElement> = video_ref.get().map(Into::into);
        let audio: Option<HtmlMediaElement> = audio_ref.get().map(Into::into);
        let shown = match mode.get_untracked() {
            MediaMode::Video => video.clone(),
            MediaMode::Audio => audio.clone(),
        };
        registrations.set_value([video, audio].into_iter().flatten().map(register).collect());
        // The players exist once the reader has pressed the Play button: start the shown one
        // and give it the focus the button had.
        if let Some(player) = shown.filter(|p| started.get_untracked() && p.paused()) {
            let _ = player.focus();
            if let Ok(promise) = player.play() {
                // A refused play() (autoplay policy) leaves the player's own play button.
                leptos::task::spawn_local(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                });
            }
        }
    });

    let element = move |m: MediaMode| -> Option<HtmlMediaElement> {
        match m {
            MediaMode::Video => video_ref.get_untracked().map(Into::into),
            MediaMode::Audio => audio_ref.get_untracked().map(Into::into),
        }
    };
    let switch_to = move |next: MediaMode| {
        let current = mode.get_untracked();
        if next == current {
            return;
        }
        let was_playing = element(current).is_some_and(|m| !m.paused());
        if let Some(m) = element(current) {
            let _ = m.pause();
        }
        mode.set(next);
        failed.set(false);
        site.with_value(|site| browser.with(|b| b.save(&stored_mode_key(site), next.as_str())));
        if was_playing {
            if let Some(m) = element(next) {
                // Started a task later, once the engine has let go of the player just paused:
                // WebKitGTK's media backend stalled a player started in the same task (about one
                // switch in four). The click's user activation still holds then. A rejected
                // play() (autoplay policy) leaves the player paused, which it shows.
                leptos::task::spawn_local(async move {
                    gloo_timers::future::TimeoutFuture::new(0).await;
                    let _ = m.play();
                });
            }
        }
        events.emit(WidgetEvent::MediaChange {
            mode: next,
            playing: was_playing,
        });
    };
    let on_play_state = move |which: MediaMode, is_playing: bool| {
        if is_playing {
            if let Some(current) = element(which) {
                pause_others(&current);
            }
        }
        playing.set(is_playing);
        events.emit(WidgetEvent::MediaChange {
            mode: mode.get_untracked(),
            playing: is_playing,
        });
    };
    let poster = live.poster.as_ref().map(|p| p.to_string());
    let facade_poster = poster.clone();
    // Each player gets the first of its sources this browser can play (a publisher may give
    // WebM and MP4), chosen when the reader presses play.
    let video_sources = live.video.clone();
    let video = move || {
        browser
            .with(|b| first_playable(&video_sources, |mime| b.can_play(mime)).cloned())
            .map(|media| {
                // The stream is the element's own `src`, not a `<source>` child: Firefox and WebKit
                // left a `preload="none"` player with a `<source>` child at no source
                // (`networkState` 3) or loading forever when play() came, and never started it.
                view! {
                    <video
                        node_ref=video_ref
                        src=media.src.to_string()
                        part="player"
                        class="aw-player"
                        controls
                        playsinline
                        preload="none"
                        poster=poster.clone()
                        hidden=move || mode.get() != MediaMode::Video
                        on:play=move |_| on_play_state(MediaMode::Video, true)
                        on:pause=move |_| on_play_state(MediaMode::Video, false)
                        on:error=move |event: web_sys::ErrorEvent| failed.set(stream_failed(&event))
                    ></video>
                }
            })
    };
    let audio_sources = live.audio.clone();
    let audio = move || {
        browser
            .with(|b| first_playable(&audio_sources, |mime| b.can_play(mime)).cloned())
            .map(|media| {
                view! {
                    <audio
                        node_ref=audio_ref
                        src=media.src.to_string()
                        part="player"
                        class="aw-player"
                        controls
                        preload="none"
                        hidden=move || mode.get() != MediaMode::Audio
                        on:play=move |_| on_play_state(MediaMode::Audio, true)
                        on:pause=move |_| on_play_state(MediaMode::Audio, false)
                        on:error=move |event: web_sys::ErrorEvent| failed.set(stream_failed(&event))
                    ></audio>
                }
            })
    };
    let toggle = has_both.then(|| {
        view! {
            <div class="aw-live-toggle" part="live-toggle" role="group" aria-label=strings.player_mode>
                <button
                    type="button"
                    class="aw-toggle-button"
                    data-mode="video"
                    aria-pressed=move || (mode.get() == MediaMode::Video).to_string()
                    on:click=move |_| switch_to(MediaMode::Video)
                >
                    <span class="aw-live-dot" aria-hidden=ARIA_HIDDEN></span>
                    {strings.live}
                </button>
                <button
                    type="button"
                    class="aw-toggle-button"
                    data-mode="audio"
                    aria-pressed=move || (mode.get() == MediaMode::Audio).to_string()
                    on:click=move |_| switch_to(MediaMode::Audio)
                >
                    {strings.audio_only}
                </button>
            </div>
        }
    });
    let title = live
        .title
        .clone()
        .unwrap_or_else(|| strings.live.to_string());
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
                on:click=move |_| started.set(true)
            >
                {poster}
                <span class="aw-play-icon" aria-hidden=ARIA_HIDDEN>{play_icon()}</span>
                <span class="aw-play-label">
                    {strings.play}
                    <span class="aw-visually-hidden">" "{facade_title.clone()}</span>
                </span>
            </button>
        }
    };
    let players = move || {
        if started.get() {
            view! { {video()} {audio()} }.into_any()
        } else {
            play_button().into_any()
        }
    };
    view! {
        <section
            class="aw-live"
            aria-label=title
            data-mode=move || mode.get().as_str()
            data-playing=move || playing.get().to_string()
        >
            {toggle}
            {players}
            <p class="aw-media-error" role="status">
                {move || failed.get().then_some(strings.media_error)}
            </p>
        </section>
    }
}
