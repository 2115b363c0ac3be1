use super::event_sink::EventSink;
use super::icons::play_icon;
use super::live_position::LivePosition;
use super::players::{pause_others, register, PlayerRegistration};
use super::script_streams::ScriptStreams;
use super::services::Services;
use super::use_locale;
use crate::model::article::{Live, MediaMode, Playable, Playback};
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

/// The source a player plays: its URL, who plays it, and whether it is HLS.
#[derive(Clone)]
struct Chosen {
    src: String,
    playback: Playback,
    hls: bool,
}

/// How long a player switched to may wait for its first data before it is loaded again.
const STALLED_SWITCH_MS: u32 = 4_000;

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
    // Each mode's source, chosen when the players are put in.
    let chosen = StoredValue::new_local([None::<Chosen>, None::<Chosen>]);
    let chosen_for = move |m: MediaMode| chosen.with_value(|c| c.get(m.index()).cloned().flatten());
    let plays_own_source =
        move |m: MediaMode| chosen_for(m).is_some_and(|c| c.playback == Playback::Element);
    let streams = ScriptStreams::new();
    let position = LivePosition::new();

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
        position.shown_changed();
        site.with_value(|site| browser.with(|b| b.save(&stored_mode_key(site), next.as_str())));
        if was_playing {
            if let Some(m) = element(next) {
                let own_source = plays_own_source(next);
                // Started a task later, once the engine has let go of the player just paused:
                // WebKitGTK's media backend stalled a player started in the same task (about one
                // switch in four). The click's user activation still holds then. A rejected
                // play() (autoplay policy) leaves the player paused, which it shows.
                leptos::task::spawn_local(async move {
                    gloo_timers::future::TimeoutFuture::new(0).await;
                    let _ = m.play();
                    // Even so, WebKitGTK now and then leaves a just-switched player waiting
                    // for data that never comes (readyState 1, not paused; about one switch in
                    // ten under load). One that still wants to play with no data after a few
                    // seconds loads its source again, once. Not a stream hls.js feeds:
                    // `load()` would detach it.
                    if own_source {
                        gloo_timers::future::TimeoutFuture::new(STALLED_SWITCH_MS).await;
                        if m.is_connected()
                            && !m.paused()
                            && m.ready_state() < HtmlMediaElement::HAVE_CURRENT_DATA
                        {
                            m.load();
                            let _ = m.play();
                        }
                    }
                });
            }
        }
        events.emit(WidgetEvent::MediaChange {
            mode: next,
            playing: was_playing,
        });
    };
    // A stream hls.js plays is attached when its player is first asked to play, by the
    // widget or by the player's own control.
    let attach_script_stream = move |which: MediaMode, player: HtmlMediaElement| {
        if let Some(source) = chosen_for(which).filter(|c| c.playback == Playback::Script) {
            streams.attach(
                browser,
                which,
                player,
                &source.src,
                move || failed.set(true),
                move || playing.get_untracked() && mode.get_untracked() == which,
            );
        }
    };
    let on_play_state = move |which: MediaMode, is_playing: bool| {
        if is_playing {
            if let Some(current) = element(which) {
                pause_others(&current);
                attach_script_stream(which, current.clone());
                position.resumed(which, &current, plays_own_source(which));
            }
        } else {
            position.paused(which);
        }
        playing.set(is_playing);
        events.emit(WidgetEvent::MediaChange {
            mode: mode.get_untracked(),
            playing: is_playing,
        });
    };
    // The live position, read as the shown player plays.
    let on_progress = move |which: MediaMode| {
        if let Some(player) = element(which).filter(|_| which == mode.get_untracked()) {
            position.track(which, &player);
        }
    };
    let on_seeking = move |which: MediaMode| {
        if let Some(player) = element(which) {
            position.seeking(which, &player);
        }
    };
    let go_live = move |_| {
        let shown = mode.get_untracked();
        if let Some(player) = element(shown) {
            position.go_live(shown, &player);
        }
    };
    // Retry loads the shown stream again: the element's own source afresh, or a new hls.js
    // player (the old one stops here; the new one attaches on play). The player takes the
    // focus from the button, which goes away.
    let retry = move |_| {
        failed.set(false);
        position.forget();
        streams.stop_all();
        let shown = mode.get_untracked();
        if let Some(player) = element(shown) {
            if plays_own_source(shown) {
                player.load();
            }
            let _ = player.focus();
            let _ = player.play();
        }
    };
    let poster = live.poster.as_ref().map(|p| p.to_string());
    let facade_poster = poster.clone();
    let live = StoredValue::new(live);
    // Each player gets the first of its sources this browser plays (a publisher may give HLS,
    // WebM and MP4), chosen when the reader presses play.
    let choose = move |m: MediaMode| -> Option<Chosen> {
        let picked = browser.with(|b| {
            let playable = Playable {
                can_play: |mime: &str| b.can_play(mime),
                script_hls: b.script_hls(),
            };
            live.with_value(|live| {
                live.source(m, &playable).map(|(media, playback)| Chosen {
                    src: media.src.to_string(),
                    playback,
                    hls: media.is_hls(),
                })
            })
        });
        chosen.update_value(|c| {
            if let Some(entry) = c.get_mut(m.index()) {
                entry.clone_from(&picked);
            }
        });
        picked
    };
    // The stream is the element's own `src`, not a `<source>` child: Firefox and WebKit left a
    // `preload="none"` player with a `<source>` child at no source (`networkState` 3) or loading
    // forever when play() came, and never started it. hls.js gives the element its own `src`.
    let element_src = |c: &Chosen| (c.playback == Playback::Element).then(|| c.src.clone());
    let video = move || {
        choose(MediaMode::Video).map(|source| {
            view! {
                <video
                    node_ref=video_ref
                    src=element_src(&source)
                    part="player"
                    class="aw-player"
                    controls
                    playsinline
                    preload="none"
                    poster=poster.clone()
                    hidden=move || mode.get() != MediaMode::Video
                    on:play=move |_| on_play_state(MediaMode::Video, true)
                    on:pause=move |_| on_play_state(MediaMode::Video, false)
                    on:playing=move |_| on_progress(MediaMode::Video)
                    on:timeupdate=move |_| on_progress(MediaMode::Video)
                    on:seeking=move |_| on_seeking(MediaMode::Video)
                    on:error=move |event: web_sys::ErrorEvent| failed.set(stream_failed(&event))
                ></video>
            }
        })
    };
    let audio = move || {
        choose(MediaMode::Audio).map(|source| {
            view! {
                <audio
                    node_ref=audio_ref
                    src=element_src(&source)
                    part="player"
                    class="aw-player"
                    controls
                    preload="none"
                    hidden=move || mode.get() != MediaMode::Audio
                    on:play=move |_| on_play_state(MediaMode::Audio, true)
                    on:pause=move |_| on_play_state(MediaMode::Audio, false)
                    on:playing=move |_| on_progress(MediaMode::Audio)
                    on:timeupdate=move |_| on_progress(MediaMode::Audio)
                    on:seeking=move |_| on_seeking(MediaMode::Audio)
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
        .with_value(|l| l.title.clone())
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
    // Under the playing stream: LIVE at the edge, "Go live" behind it. The row is there from
    // the first play of an HLS stream (a live one, nearly always), so that neither moves the
    // card when it appears; for another stream, once it turns out to be live.
    let LivePosition {
        is_live, behind, ..
    } = position;
    let expect_live = move || is_live.get() || chosen_for(mode.get()).is_some_and(|c| c.hls);
    let live_status = move || {
        view! {
            <div class="aw-live-status" data-live=move || expect_live().to_string()>
                <span
                    class="aw-live-badge"
                    hidden=move || !(is_live.get() && playing.get() && !behind.get())
                >
                    <span class="aw-live-dot" aria-hidden=ARIA_HIDDEN></span>
                    {strings.live_badge}
                </span>
                <button
                    type="button"
                    class="aw-button aw-go-live"
                    hidden=move || !(is_live.get() && behind.get())
                    on:click=go_live
                >
                    {strings.go_live}
                </button>
            </div>
        }
    };
    let players = move || {
        if started.get() {
            view! { {video()} {audio()} {live_status()} }.into_any()
        } else {
            play_button().into_any()
        }
    };
    let failure = move || {
        let hls = chosen_for(mode.get()).is_some_and(|c| c.hls);
        failed.get().then_some(if hls {
            strings.stream_offline
        } else {
            strings.media_error
        })
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
            <p class="aw-media-error" role="status">{failure}</p>
            <button type="button" class="aw-button aw-media-retry" hidden=move || !failed.get() on:click=retry>
                {strings.retry}
            </button>
        </section>
    }
}
