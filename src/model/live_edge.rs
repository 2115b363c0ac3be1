//! Where a live stream's player stands against the broadcast: at the live edge, or behind it
//! (after the reader sought back, or a long stall). Players keep some distance from the newest
//! segment on purpose (hls.js three target durations, native players their own), so "at the
//! edge" is measured against the distance the player itself chose when it joined the stream.

/// How much further behind than its usual distance a player may drift before it is behind:
/// more than a segment's worth of playlist refresh and buffering jitter.
pub const DRIFT_SECONDS: f64 = 5.0;

/// The most distance from the edge taken as a player's own choice; more is a late start.
const MAX_USUAL_LAG_SECONDS: f64 = 30.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LiveEdge {
    /// How far behind the newest media the player plays when it keeps up, in seconds.
    usual_lag: f64,
}

impl LiveEdge {
    /// Measured when the player joins the stream (its first `playing`): `edge` is the end of
    /// the seekable range, `current` the playback position.
    pub fn joined(edge: f64, current: f64) -> LiveEdge {
        LiveEdge {
            usual_lag: lag(edge, current).min(MAX_USUAL_LAG_SECONDS),
        }
    }

    /// Whether a player at `current` is behind the live edge `edge`.
    pub fn is_behind(&self, edge: f64, current: f64) -> bool {
        lag(edge, current) > self.usual_lag + DRIFT_SECONDS
    }

    /// Where "Go live", and playing again after a pause, should seek to.
    pub fn live_position(&self, edge: f64) -> f64 {
        (edge - self.usual_lag).max(0.0)
    }
}

/// Whether a live stream without a seekable range (no DVR window: Chromium's own HLS player
/// gives none) should be loaded again when it plays after a pause of `paused_ms`: it would
/// otherwise go on from where it stopped, that much behind the broadcast.
pub fn rejoin_after_pause(paused_ms: f64) -> bool {
    paused_ms > DRIFT_SECONDS * 1000.0
}

/// The distance from `current` to `edge`; 0 when either is not a finite time.
fn lag(edge: f64, current: f64) -> f64 {
    let lag = edge - current;
    if lag.is_finite() {
        lag.max(0.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behind_means_further_than_the_players_own_distance_plus_some_drift() {
        // hls.js joins 6 s (three 2 s segments) behind the edge.
        let live = LiveEdge::joined(106.0, 100.0);
        assert!(!live.is_behind(110.0, 104.0));
        assert!(!live.is_behind(112.0, 102.0)); // a stalled refresh: 4 s more
        assert!(live.is_behind(120.0, 104.0)); // sought back 10 s
        assert_eq!(live.live_position(120.0), 114.0);
    }

    #[test]
    fn a_stream_without_a_window_rejoins_after_more_than_a_short_pause() {
        assert!(!rejoin_after_pause(1_500.0));
        assert!(rejoin_after_pause(7_000.0));
        assert!(!rejoin_after_pause(f64::NAN));
    }

    #[test]
    fn odd_readings_do_not_make_a_player_behind() {
        let live = LiveEdge::joined(f64::INFINITY, 3.0);
        assert!(!live.is_behind(f64::NAN, 3.0));
        assert!(!live.is_behind(10.0, 12.0)); // ahead of a stale edge
                                              // Never a position before the stream's start.
        assert_eq!(LiveEdge::joined(10.0, 4.0).live_position(2.0), 0.0);
        // A player that joined minutes late keeps the usual distance of a real one.
        let late = LiveEdge::joined(400.0, 100.0);
        assert_eq!(late.live_position(400.0), 370.0);
    }
}
