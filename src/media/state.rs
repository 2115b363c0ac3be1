//! The player's state as data, and the rules that need no browser: what the player shows
//! (`PlayerState`, exposed on the player as `data-state`, the way Media Chrome exposes its
//! media state as attributes), the remembered Live / Audio only choice, and a value kept per
//! mode. Tested natively.

use crate::model::article::MediaMode;

/// What a widget's live player is doing, as the reader sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlayerState {
    /// The Play button stands in for the player; nothing is loaded.
    Idle,
    /// The reader pressed Play; the stream has not started yet.
    Loading,
    /// Playing a stream that is not live (a clip).
    Playing,
    /// Playing a live stream at its live edge (LIVE shows).
    LiveEdge,
    /// Playing a live stream behind its edge ("Go live" shows).
    Behind,
    /// Stopped by the reader, after it played.
    Paused,
    /// An HLS live channel that is not on the air (its playlist is missing or empty).
    Offline,
    /// A stream that could not be played (missing, a format the browser lacks, or no player
    /// for it: hls.js could not be loaded).
    Error,
}

/// What the player's state is read from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StateInputs {
    /// The reader has pressed Play: the real players are in.
    pub started: bool,
    /// The shown player has played since it was started (or last retried), or the browser
    /// refused to start it: it is no longer loading.
    pub has_played: bool,
    /// The shown player plays now.
    pub playing: bool,
    /// The shown stream failed.
    pub failed: bool,
    /// The script player (hls.js) could not be loaded: the stream was never tried.
    pub player_missing: bool,
    /// The shown stream is HLS (a failure then means the channel is off the air).
    pub hls: bool,
    /// The shown stream is live.
    pub live: bool,
    /// The shown player is behind the live edge.
    pub behind: bool,
}

impl PlayerState {
    pub fn of(inputs: StateInputs) -> PlayerState {
        let StateInputs {
            started,
            has_played,
            playing,
            failed,
            player_missing,
            hls,
            live,
            behind,
        } = inputs;
        match (started, failed, playing) {
            (false, _, _) => PlayerState::Idle,
            (true, true, _) if hls && !player_missing => PlayerState::Offline,
            (true, true, _) => PlayerState::Error,
            (true, false, true) if live && behind => PlayerState::Behind,
            (true, false, true) if live => PlayerState::LiveEdge,
            (true, false, true) => PlayerState::Playing,
            (true, false, false) if has_played => PlayerState::Paused,
            (true, false, false) => PlayerState::Loading,
        }
    }

    /// The `data-state` value.
    pub fn as_str(self) -> &'static str {
        match self {
            PlayerState::Idle => "idle",
            PlayerState::Loading => "loading",
            PlayerState::Playing => "playing",
            PlayerState::LiveEdge => "live-edge",
            PlayerState::Behind => "behind",
            PlayerState::Paused => "paused",
            PlayerState::Offline => "offline",
            PlayerState::Error => "error",
        }
    }

    /// Whether the stream failed (the message and Retry show).
    pub fn failed(self) -> bool {
        matches!(self, PlayerState::Offline | PlayerState::Error)
    }
}

/// Where the reader's last Live / Audio only choice is kept, per publisher site.
pub fn remembered_mode_key(site: &str) -> String {
    format!("article-widget:media-mode:{site}")
}

/// The remembered choice, as stored; anything else is no choice.
pub fn remembered_mode(stored: Option<&str>) -> Option<MediaMode> {
    match stored? {
        "video" => Some(MediaMode::Video),
        "audio" => Some(MediaMode::Audio),
        _ => None,
    }
}

/// One value for each mode: each player has its own source, timeline and pause.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PerMode<T> {
    pub video: T,
    pub audio: T,
}

impl<T> PerMode<T> {
    pub fn get(&self, mode: MediaMode) -> &T {
        match mode {
            MediaMode::Video => &self.video,
            MediaMode::Audio => &self.audio,
        }
    }

    pub fn get_mut(&mut self, mode: MediaMode) -> &mut T {
        match mode {
            MediaMode::Video => &mut self.video,
            MediaMode::Audio => &mut self.audio,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn started() -> StateInputs {
        StateInputs {
            started: true,
            ..StateInputs::default()
        }
    }

    #[test]
    fn the_state_follows_the_players_life() {
        assert_eq!(PlayerState::of(StateInputs::default()), PlayerState::Idle);
        assert_eq!(PlayerState::of(started()), PlayerState::Loading);
        let playing = StateInputs {
            playing: true,
            has_played: true,
            ..started()
        };
        assert_eq!(PlayerState::of(playing), PlayerState::Playing);
        let live = StateInputs {
            live: true,
            ..playing
        };
        assert_eq!(PlayerState::of(live), PlayerState::LiveEdge);
        let behind = StateInputs {
            behind: true,
            ..live
        };
        assert_eq!(PlayerState::of(behind), PlayerState::Behind);
        let paused = StateInputs {
            playing: false,
            ..behind
        };
        assert_eq!(PlayerState::of(paused), PlayerState::Paused);
    }

    #[test]
    fn a_failure_is_off_the_air_for_hls_and_an_error_otherwise() {
        let failed = StateInputs {
            failed: true,
            playing: true,
            ..started()
        };
        assert_eq!(PlayerState::of(failed), PlayerState::Error);
        assert_eq!(
            PlayerState::of(StateInputs {
                hls: true,
                ..failed
            }),
            PlayerState::Offline
        );
        assert!(PlayerState::Offline.failed() && PlayerState::Error.failed());
        // hls.js that could not be loaded is not a channel off the air.
        assert_eq!(
            PlayerState::of(StateInputs {
                hls: true,
                player_missing: true,
                ..failed
            }),
            PlayerState::Error
        );
        // Before Play nothing has failed, whatever an element said.
        assert_eq!(
            PlayerState::of(StateInputs {
                started: false,
                ..failed
            }),
            PlayerState::Idle
        );
    }

    #[test]
    fn every_state_has_its_own_attribute_value() {
        let all = [
            PlayerState::Idle,
            PlayerState::Loading,
            PlayerState::Playing,
            PlayerState::LiveEdge,
            PlayerState::Behind,
            PlayerState::Paused,
            PlayerState::Offline,
            PlayerState::Error,
        ];
        let mut values: Vec<&str> = all.iter().map(|s| s.as_str()).collect();
        values.sort_unstable();
        values.dedup();
        assert_eq!(values.len(), all.len());
    }

    #[test]
    fn the_remembered_mode_is_video_or_audio_and_nothing_else() {
        assert_eq!(remembered_mode(Some("audio")), Some(MediaMode::Audio));
        assert_eq!(remembered_mode(Some("video")), Some(MediaMode::Video));
        assert_eq!(remembered_mode(Some("radio")), None);
        assert_eq!(remembered_mode(None), None);
        assert_eq!(
            remembered_mode_key("https://news.example"),
            "article-widget:media-mode:https://news.example"
        );
    }

    #[test]
    fn each_mode_keeps_its_own_value() {
        let mut per = PerMode::<Option<u8>>::default();
        *per.get_mut(MediaMode::Audio) = Some(2);
        assert_eq!(per.get(MediaMode::Audio), &Some(2));
        assert_eq!(per.get(MediaMode::Video), &None);
    }
}
