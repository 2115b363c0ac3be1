//! One widget's live player: its state, and what the reader and the media elements ask of it.
//! The view (`view::live_toggle`) renders the state and sends intents (`start`, `switch_to`,
//! `go_live`, `retry`) and the elements' events (`played`, `paused`, `progressed`, ...); it
//! never calls a media element itself.

use super::element::{self, Player};
use super::position::LivePosition;
use super::script_streams::{ScriptStreams, StreamListeners};
use super::state::{remembered_mode, remembered_mode_key, PerMode, PlayerState, StateInputs};
use crate::model::article::{Live, MediaMode, Playable, Playback};
use crate::model::widget_event::WidgetEvent;
use crate::services::Services;
use crate::view::event_sink::EventSink;
use leptos::html;
use leptos::prelude::*;

/// How long a player switched to may wait for its first data before it is loaded again.
const STALLED_SWITCH_MS: u32 = 4_000;

/// The source a player plays: its URL, who plays it, and whether it is HLS.
#[derive(Clone, Debug, PartialEq)]
pub struct Chosen {
    pub src: String,
    pub playback: Playback,
    pub hls: bool,
}

impl Chosen {
    /// The element's own `src`: the URL where the element plays it, none where hls.js feeds it.
    pub fn element_src(&self) -> Option<String> {
        (self.playback == Playback::Element).then(|| self.src.clone())
    }
}

/// The live player of one widget. `Copy`: its state lives in the widget's reactive owner and
/// goes with it.
#[derive(Clone, Copy)]
pub struct MediaController {
    /// Which stream is shown: Live (video) or Audio only.
    pub mode: RwSignal<MediaMode>,
    /// The real players exist once the reader has pressed Play.
    pub started: RwSignal<bool>,
    /// The shown player plays.
    pub playing: RwSignal<bool>,
    /// Per player: it has played since the players went in (or since Retry), or the browser
    /// refused to start it; either way it is no longer loading.
    settled: RwSignal<PerMode<bool>>,
    /// The shown stream failed.
    failed: RwSignal<bool>,
    /// The script player (hls.js) for the shown stream could not be loaded.
    player_missing: RwSignal<bool>,
    pub video: NodeRef<html::Video>,
    pub audio: NodeRef<html::Audio>,
    position: LivePosition,
    /// Per player: the widget asked it to play, and the others were paused then; its next
    /// `play` event takes the mark.
    asked: StoredValue<PerMode<bool>, LocalStorage>,
    /// Each mode's source, chosen when the players are put in.
    chosen: StoredValue<PerMode<Option<Chosen>>, LocalStorage>,
    streams: ScriptStreams,
    live: StoredValue<Live>,
    site: StoredValue<String>,
    browser: Services,
    events: EventSink,
}

/// The live player of the widget being built, for `live`: the mode starts at the reader's
/// remembered choice for `site` (the publisher's origin), else the stream's own default.
pub fn use_media_controller(live: Live, events: EventSink, site: String) -> MediaController {
    let browser = Services::get();
    let has_both = live.has(MediaMode::Video) && live.has(MediaMode::Audio);
    let remembered = remembered_mode(
        browser
            .with(|b| b.load(&remembered_mode_key(&site)))
            .as_deref(),
    )
    .filter(|_| has_both);
    let controller = MediaController {
        mode: RwSignal::new(remembered.unwrap_or_else(|| live.initial_mode())),
        started: RwSignal::new(false),
        playing: RwSignal::new(false),
        settled: RwSignal::new(PerMode::default()),
        failed: RwSignal::new(false),
        player_missing: RwSignal::new(false),
        video: NodeRef::new(),
        audio: NodeRef::new(),
        position: LivePosition::new(),
        asked: StoredValue::new_local(PerMode::default()),
        chosen: StoredValue::new_local(PerMode::default()),
        streams: ScriptStreams::new(),
        live: StoredValue::new(live),
        site: StoredValue::new(site),
        browser,
        events,
    };
    // The players exist once the reader has pressed the Play button: start the shown one
    // and give it the focus the button had.
    Effect::new(move |_| {
        let video: Option<Player> = controller.video.get().map(Into::into);
        let audio: Option<Player> = controller.audio.get().map(Into::into);
        let shown = match controller.mode.get_untracked() {
            MediaMode::Video => video,
            MediaMode::Audio => audio,
        };
        if let Some(player) = shown.filter(|p| controller.started.get_untracked() && p.paused()) {
            element::focus(&player);
            // Refused (the autoplay policy): the player waits for its own play button, which
            // is not loading.
            let settled = controller.settled;
            let mode = controller.mode.get_untracked();
            controller.play(&player, move || {
                settled.try_update(|s| *s.get_mut(mode) = true);
            });
        }
    });
    controller
}

impl MediaController {
    /// Starts `player` at the reader's request, pausing every other player on the page first:
    /// the one asked last plays, even when two start in the same moment (their `play` events
    /// may then arrive in either order).
    fn play(self, player: &Player, on_refused: impl FnOnce() + 'static) {
        self.browser.with(|b| b.pause_other_players(player));
        let mode = self.mode.get_untracked();
        let asked = self.asked;
        // A player that plays already fires no `play` event to take the mark.
        asked.update_value(|a| *a.get_mut(mode) = player.paused());
        element::play_or(player, move || {
            // Refused: no play event comes to take the mark.
            asked.try_update_value(|a| *a.get_mut(mode) = false);
            on_refused();
        });
    }

    /// What the player shows, as data (the view puts it on the player as `data-state`).
    pub fn state(self) -> PlayerState {
        PlayerState::of(StateInputs {
            started: self.started.get(),
            has_played: self.settled.with(|s| *s.get(self.mode.get())),
            playing: self.playing.get(),
            failed: self.failed.get(),
            player_missing: self.player_missing.get(),
            hls: self.shows_hls(),
            live: self.position.is_live.get(),
            behind: self.position.behind.get(),
        })
    }

    /// The shown stream is HLS, which nearly always means live: the LIVE row is kept from
    /// its first play, so that nothing moves the card when it shows.
    pub fn shows_hls(self) -> bool {
        let mode = self.mode.get();
        self.chosen
            .with_value(|c| c.get(mode).as_ref().is_some_and(|c| c.hls))
    }

    /// The shown stream turned out to be live, or is expected to be.
    pub fn expects_live(self) -> bool {
        self.position.is_live.get() || self.shows_hls()
    }

    /// "Go live" shows while the shown live stream is behind its edge, playing or not.
    pub fn can_go_live(self) -> bool {
        self.position.is_live.get() && self.position.behind.get()
    }

    /// Both a video and an audio stream: the Live / Audio only switch shows.
    pub fn has_both(self) -> bool {
        self.live
            .with_value(|l| l.has(MediaMode::Video) && l.has(MediaMode::Audio))
    }

    /// The stream's title, if the publisher gave one.
    pub fn title(self) -> Option<String> {
        self.live.with_value(|l| l.title.clone())
    }

    /// The poster for the video, if there is one.
    pub fn poster(self) -> Option<String> {
        self.live
            .with_value(|l| l.poster.as_ref().map(ToString::to_string))
    }

    fn element(self, mode: MediaMode) -> Option<Player> {
        match mode {
            MediaMode::Video => self.video.get_untracked().map(Into::into),
            MediaMode::Audio => self.audio.get_untracked().map(Into::into),
        }
    }

    fn chosen_for(self, mode: MediaMode) -> Option<Chosen> {
        self.chosen.with_value(|c| c.get(mode).clone())
    }

    fn plays_own_source(self, mode: MediaMode) -> bool {
        self.chosen_for(mode)
            .is_some_and(|c| c.playback == Playback::Element)
    }

    /// Picks `mode`'s source: the first the reader's browser plays (a publisher may give HLS,
    /// WebM and MP4), when the players are put in.
    pub fn choose(self, mode: MediaMode) -> Option<Chosen> {
        let picked = self.browser.with(|b| {
            let playable = Playable {
                can_play: |mime: &str| b.can_play(mime),
                script_hls: b.script_hls(),
            };
            self.live.with_value(|live| {
                live.source(mode, &playable)
                    .map(|(media, playback)| Chosen {
                        src: media.src.to_string(),
                        playback,
                        hls: media.is_hls(),
                    })
            })
        });
        self.chosen
            .update_value(|c| c.get_mut(mode).clone_from(&picked));
        picked
    }

    /// The reader pressed Play: the players go in, and the shown one starts.
    pub fn start(self) {
        self.started.set(true);
    }

    /// The reader chose Live or Audio only. A playing stream keeps playing in the other.
    pub fn switch_to(self, next: MediaMode) {
        let current = self.mode.get_untracked();
        if next == current {
            return;
        }
        let was_playing = self.element(current).is_some_and(|m| !m.paused());
        if let Some(m) = self.element(current) {
            element::pause(&m);
        }
        self.mode.set(next);
        self.failed.set(false);
        self.player_missing.set(false);
        self.position.shown_changed();
        let browser = self.browser;
        self.site.with_value(|site| {
            browser.with(|b| b.save(&remembered_mode_key(site), next.as_str()));
        });
        if was_playing {
            if let Some(m) = self.element(next) {
                let own_source = self.plays_own_source(next);
                // Started a task later, once the engine has let go of the player just paused:
                // WebKitGTK's media backend stalled a player started in the same task (about one
                // switch in four). The click's user activation still holds then. A rejected
                // play() (autoplay policy) leaves the player paused, which it shows.
                let this = self;
                leptos::task::spawn_local(async move {
                    gloo_timers::future::TimeoutFuture::new(0).await;
                    this.play(&m, || {});
                    // Even so, WebKitGTK now and then leaves a just-switched player waiting
                    // for data that never comes (readyState 1, not paused; about one switch in
                    // ten under load). One that still wants to play with no data after a few
                    // seconds loads its source again, once. Not a stream hls.js feeds:
                    // `load()` would detach it.
                    if own_source {
                        gloo_timers::future::TimeoutFuture::new(STALLED_SWITCH_MS).await;
                        if m.is_connected() && !m.paused() && !element::has_data(&m) {
                            m.load();
                            element::play(&m);
                        }
                    }
                });
            }
        }
        self.events.emit(WidgetEvent::MediaChange {
            mode: next,
            playing: was_playing,
        });
    }

    /// A player started (`play`) or stopped (`pause`), by the widget or its own controls.
    pub fn play_state_changed(self, which: MediaMode, is_playing: bool) {
        if is_playing {
            if let Some(current) = self.element(which) {
                // A play the widget asked for has paused the others already, when it was asked
                // (see `play`); its event may arrive after another widget's player started
                // since, which it must not pause. A play from the element's own control has
                // not: it does so now.
                let asked = self
                    .asked
                    .try_update_value(|a| std::mem::take(a.get_mut(which)))
                    .unwrap_or(false);
                if !asked {
                    self.browser.with(|b| b.pause_other_players(&current));
                }
                self.attach_script_stream(which, current.clone());
                self.position
                    .resumed(which, &current, self.plays_own_source(which));
            }
            self.settled.update(|s| *s.get_mut(which) = true);
        } else {
            self.position.paused(which);
        }
        self.playing.set(is_playing);
        self.events.emit(WidgetEvent::MediaChange {
            mode: self.mode.get_untracked(),
            playing: is_playing,
        });
    }

    /// A stream hls.js plays is attached when its player is first asked to play, by the
    /// widget or by the player's own control.
    fn attach_script_stream(self, which: MediaMode, player: Player) {
        let Some(source) = self
            .chosen_for(which)
            .filter(|c| c.playback == Playback::Script)
        else {
            return;
        };
        let (failed, player_missing) = (self.failed, self.player_missing);
        let (playing, mode, events) = (self.playing, self.mode, self.events);
        let unavailable = move || {
            // Not the stream's fault: the publisher's host did not deliver the player.
            let message = crate::model::i18n::EN.player_unavailable.to_string();
            web_sys::console::error_1(&format!("article-widget: {message}").into());
            events.emit(WidgetEvent::Error { message });
            player_missing.set(true);
            failed.set(true);
        };
        self.streams.attach(
            self.browser,
            which,
            player,
            &source.src,
            StreamListeners {
                on_failure: Box::new(move || failed.set(true)),
                on_unavailable: Box::new(unavailable),
                still_wanted: Box::new(move || {
                    playing.get_untracked() && mode.get_untracked() == which
                }),
            },
        );
    }

    /// The shown player moved on (`playing`, `timeupdate`): where it stands against the edge.
    pub fn progressed(self, which: MediaMode) {
        if let Some(player) = self
            .element(which)
            .filter(|_| which == self.mode.get_untracked())
        {
            self.position.track(which, &player);
        }
    }

    /// The reader seeks in a player.
    pub fn seeking(self, which: MediaMode) {
        if let Some(player) = self.element(which) {
            self.position.seeking(which, &player);
        }
    }

    /// A player reported an error (`error`): the stream failed, unless it still plays.
    pub fn errored(self, event: &web_sys::Event) {
        self.failed.set(element::stream_failed(event));
    }

    /// "Go live": the shown stream to its live position, playing.
    pub fn go_live(self) {
        let shown = self.mode.get_untracked();
        if let Some(player) = self.element(shown) {
            self.position.go_live(shown, &player);
        }
    }

    /// Retry loads the shown stream again: the element's own source afresh, or a new hls.js
    /// player (the old one stops here; the new one attaches on play). The player takes the
    /// focus from the Retry button, which goes away.
    pub fn retry(self) {
        self.failed.set(false);
        self.player_missing.set(false);
        let shown = self.mode.get_untracked();
        self.settled.update(|s| *s.get_mut(shown) = false);
        self.position.forget();
        self.streams.stop_all();
        if let Some(player) = self.element(shown) {
            if self.plays_own_source(shown) {
                player.load();
            }
            element::focus(&player);
            self.play(&player, || {});
        }
    }
}
