//! The live channel as broadcasters publish it, HLS, played end to end in each engine: natively
//! where the browser has HLS (Chromium here), through hls.js elsewhere (Firefox, WebKitGTK).
//! The test server loops the committed fixture as a sliding live playlist (`xtask::live`).
//!
//! `#[ignore]`d in a plain `cargo test`; `cargo xtask test` runs them with `--ignored`.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::time::Duration;
use support::{origins, Browser, SHADOW_HELPERS};

/// Waits up to 30 s (a player joining a live stream takes a few segments) until `js`, an
/// expression over the widget helpers, is true.
fn wait_true(b: &Browser, js: &str) {
    let expression = format!("(function(){{ {SHADOW_HELPERS} return {js}; }})()");
    if let Err(e) = b
        .session
        .wait_for(&expression, Duration::from_secs(30), |v| v == &json!(true))
    {
        let players = b.js(
            "return Array.from(document.querySelectorAll('article-widget')).map(w => [w.id, Array.from(w.shadowRoot.querySelectorAll('video, audio')).map(m => ({ tag: m.localName, paused: m.paused, readyState: m.readyState, network: m.networkState, error: m.error && m.error.code, time: m.currentTime, src: m.currentSrc }))]);",
        );
        let streams: Vec<String> = origins()
            .widget
            .requests()
            .into_iter()
            .filter(|t| t.contains("hls") && !t.ends_with(".ts"))
            .collect();
        panic!("never true: {js} ({e}); players: {players}; stream requests: {streams:?}");
    }
}

/// Waits until widget `id`'s `player` really plays: it has data and its time moves on (or a
/// clip, as opposed to a live stream, played to its end: the test Firefox's null sound card,
/// on ESR 140, takes audio faster than real time, so a 12 s clip can end within a second).
fn wait_playing(b: &Browser, id: &str, player: &str) {
    wait_true(b, &format!("q('{id}', '{player}') && q('{id}', '{player}').readyState >= 2 && !q('{id}', '{player}').paused"));
    let before = b.js(&format!("return q('{id}', '{player}').currentTime;"));
    let before = before.as_f64().unwrap();
    wait_true(
        b,
        &format!("q('{id}', '{player}').currentTime > {before} + 0.5 || (q('{id}', '{player}').ended && {before} > 0)"),
    );
}

/// The requests for hls.js this page made (resource timing: counts a cached copy too).
fn script_player_requests(b: &Browser) -> Value {
    b.js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/article-widget-hls-')).length;")
}

fn plays_hls_natively(b: &Browser) -> bool {
    b.js("return document.createElement('video').canPlayType('application/vnd.apple.mpegurl') !== '';")
        .as_bool()
        .unwrap()
}

/// A tag of this test's own for the channel's playlist URLs.
fn tag(test: &str) -> String {
    format!("{test}-{}-{}", support::engine(), std::process::id())
}

/// Requests for the channel playlists tagged `tag`.
fn playlist_requests(tag: &str) -> usize {
    origins()
        .widget
        .requests()
        .iter()
        .filter(|t| t.contains("/hls/live") && t.ends_with(&format!("tag={tag}")))
        .count()
}

/// Counts from now on the times the channel's `<video>` is loaded again (`emptied`), in
/// `window.__reloads`: where a stream has no window to seek in, that is how it rejoins the edge,
/// and a check made before it happens would read the old timeline.
fn count_reloads(b: &Browser) {
    b.js("window.__reloads = 0; q('hls', 'video').addEventListener('emptied', () => { window.__reloads += 1; });");
}

/// How far the shown player is behind the newest media, in seconds.
fn lag(b: &Browser, id: &str, player: &str) -> f64 {
    b.js(&format!(
        "const m = q('{id}', '{player}'); return m.seekable.end(m.seekable.length - 1) - m.currentTime;"
    ))
    .as_f64()
    .unwrap()
}

#[test]
#[ignore = "needs dist/ and the browsers: run `cargo xtask test`"]
fn a_live_hls_channel_plays_video_and_audio_and_hls_js_comes_only_with_play() {
    let tag = tag("plays");
    let b = Browser::open(&format!("/pages/live.html?tag={tag}"));
    b.wait_state("hls", "loaded");
    b.wait_state("progressive", "loaded");
    std::thread::sleep(Duration::from_millis(500));
    // Nothing of the stream or of its player moves before Play.
    assert_eq!(playlist_requests(&tag), 0);
    assert_eq!(script_player_requests(&b), json!(0));

    // A progressive stream never needs hls.js.
    b.click("progressive", ".aw-play");
    wait_playing(&b, "progressive", "video");
    assert_eq!(script_player_requests(&b), json!(0));

    b.click("hls", ".aw-play");
    wait_playing(&b, "hls", "video");
    assert!(playlist_requests(&tag) > 0);
    let native = plays_hls_natively(&b);
    assert_eq!(
        script_player_requests(&b),
        json!(if native { 0 } else { 1 }),
        "hls.js is for browsers without HLS (native: {native})"
    );
    // Starting one stream paused the other.
    assert_eq!(
        b.js("return q('progressive', 'video').paused;"),
        json!(true)
    );
    // Live, at the edge.
    assert_eq!(
        b.js("return q('hls', 'video').duration;"),
        Value::Null,
        "a live stream's duration is Infinity (null in JSON)"
    );
    wait_true(&b, "!q('hls', '.aw-live-badge').hidden");
    assert_eq!(b.text("hls", ".aw-live-badge"), "LIVE");
    assert_eq!(b.js("return q('hls', '.aw-go-live').hidden;"), json!(true));
    // The player's state, as data on the player.
    assert_eq!(
        b.js("return q('hls', '.aw-live').dataset.state;"),
        json!("live-edge")
    );

    wait_true(&b, "q('hls', 'video').currentTime > 3");
    let window = b.js("return q('hls', 'video').seekable.length > 0;") == json!(true);
    let joined = if window { lag(&b, "hls", "video") } else { 0.0 };
    let left_video_at = b
        .js("return q('hls', 'video').currentTime;")
        .as_f64()
        .unwrap();

    // Audio only: the audio-only playlist, playing; the video stops.
    b.click("hls", "button[data-mode=audio]");
    wait_playing(&b, "hls", "audio");
    assert_eq!(b.js("return q('hls', 'video').paused;"), json!(true));
    // hls.js was fetched once for the page, not once per stream.
    assert_eq!(
        script_player_requests(&b),
        json!(if native { 0 } else { 1 })
    );
    // Six seconds later, back to video: it plays at the live edge, not where it was left.
    std::thread::sleep(Duration::from_secs(6));
    count_reloads(&b);
    b.click("hls", "button[data-mode=video]");
    if !window {
        wait_true(&b, "window.__reloads >= 1");
    }
    wait_playing(&b, "hls", "video");
    assert_eq!(b.js("return q('hls', 'audio').paused;"), json!(true));
    if window {
        let now = lag(&b, "hls", "video");
        assert!(
            now < joined + 4.0,
            "{now:.1} s behind; joined {joined:.1} s behind"
        );
    } else {
        // Loaded again (no window to seek in): a new timeline.
        let now = b
            .js("return q('hls', 'video').currentTime;")
            .as_f64()
            .unwrap();
        assert!(
            now < left_video_at,
            "went on from {left_video_at:.1} s to {now:.1} s"
        );
    }
    assert_eq!(b.text("hls", ".aw-media-error"), "");
}

#[test]
#[ignore = "needs dist/ and the browsers: run `cargo xtask test`"]
fn after_a_pause_it_plays_from_the_live_edge_and_go_live_catches_up() {
    let tag = tag("pause");
    let b = Browser::open(&format!("/pages/live.html?tag={tag}"));
    b.wait_state("hls", "loaded");
    b.click("hls", ".aw-play");
    wait_playing(&b, "hls", "video");
    wait_true(&b, "!q('hls', '.aw-live-badge').hidden");
    let joined = b.js("const m = q('hls', 'video'); return m.seekable.length ? m.seekable.end(m.seekable.length - 1) - m.currentTime : 0;");
    let joined = joined.as_f64().unwrap();

    // Paused for 7 s, the broadcast moves on 7 s; playing again goes back to the edge. (Played
    // 3 s first, so that a new timeline is told from the old one.)
    wait_true(&b, "q('hls', 'video').currentTime > 3");
    let window = b.js("return q('hls', 'video').seekable.length > 0;") == json!(true);
    let paused_at = b.js("const m = q('hls', 'video'); m.pause(); return m.currentTime;");
    let paused_at = paused_at.as_f64().unwrap();
    let playlists = playlist_requests(&tag);
    std::thread::sleep(Duration::from_secs(7));
    count_reloads(&b);
    b.js("q('hls', 'video').play();");
    if !window {
        wait_true(&b, "window.__reloads >= 1");
    }
    wait_playing(&b, "hls", "video");
    if !window {
        // A live stream without a window to seek in (Chromium's own HLS) is loaded again,
        // which joins at the edge: a new playlist request, and a new timeline.
        assert!(playlist_requests(&tag) > playlists);
        let now = b
            .js("return q('hls', 'video').currentTime;")
            .as_f64()
            .unwrap();
        assert!(
            now < paused_at,
            "went on from {paused_at:.1} s to {now:.1} s"
        );
        // Nothing to seek back to: never "Go live".
        assert_eq!(b.js("return q('hls', '.aw-go-live').hidden;"), json!(true));
        return;
    }
    let resumed = lag(&b, "hls", "video");
    assert!(
        resumed < joined + 4.0,
        "resumed {resumed:.1} s behind the edge; joined {joined:.1} s behind"
    );

    // The reader seeks back into the window: behind, so "Go live" and no LIVE badge.
    b.js("const m = q('hls', 'video'); m.currentTime = m.seekable.start(0) + 0.5;");
    wait_true(
        &b,
        "!q('hls', '.aw-go-live').hidden && q('hls', '.aw-live-badge').hidden",
    );
    assert_eq!(b.text("hls", ".aw-go-live"), "Go live");
    assert_eq!(
        b.js("return q('hls', '.aw-live').dataset.state;"),
        json!("behind")
    );
    b.click("hls", ".aw-go-live");
    wait_true(
        &b,
        "q('hls', '.aw-go-live').hidden && !q('hls', '.aw-live-badge').hidden",
    );
    let caught_up = lag(&b, "hls", "video");
    assert!(
        caught_up < joined + 4.0,
        "{caught_up:.1} s behind after Go live; joined {joined:.1} s behind"
    );
}

/// No audio-only rendition: Audio only plays the channel's own stream, without the picture.
#[test]
#[ignore = "needs dist/ and the browsers: run `cargo xtask test`"]
fn a_channel_without_an_audio_rendition_plays_its_stream_as_audio_only() {
    let tag = tag("video-only");
    let b = Browser::open(&format!("/pages/live.html?video_only=1&tag={tag}"));
    b.wait_state("hls", "loaded");
    b.click("hls", "button[data-mode=audio]");
    b.click("hls", ".aw-play");
    wait_playing(&b, "hls", "audio");
    assert_eq!(b.js("return q('hls', 'video').paused;"), json!(true));
    assert_eq!(b.text("hls", ".aw-media-error"), "");
    assert!(playlist_requests(&tag) > 0);
}

#[test]
#[ignore = "needs dist/ and the browsers: run `cargo xtask test`"]
fn a_channel_off_the_air_says_so_and_retry_plays_it_once_it_is_on() {
    off_the_air_then_on("offline", "");
}

/// The channel's playlist is there but has no segments yet.
#[test]
#[ignore = "needs dist/ and the browsers: run `cargo xtask test`"]
fn a_channel_without_segments_is_off_the_air_too() {
    off_the_air_then_on("empty", "&empty=1");
}

/// Play on a channel off the air (its playlist answers 404, or `query` says how else): the
/// message and Retry; then on the air, and Retry plays it.
fn off_the_air_then_on(name: &str, query: &str) {
    let stream = tag(name);
    let b = Browser::open(&format!("/pages/live.html?offline=1&tag={stream}{query}"));
    b.wait_state("hls", "loaded");
    assert_eq!(
        b.js("return q('hls', '.aw-media-retry').hidden;"),
        json!(true)
    );
    assert_eq!(
        b.js("return q('hls', '.aw-live').dataset.state;"),
        json!("idle")
    );
    b.click("hls", ".aw-play");
    wait_true(
        &b,
        "q('hls', '.aw-media-error').textContent === 'This live stream is off the air right now.'",
    );
    assert_eq!(
        b.js("return q('hls', '.aw-live').dataset.state;"),
        json!("offline")
    );
    assert_eq!(
        b.js("return q('hls', '.aw-media-retry').hidden;"),
        json!(false)
    );
    // The card is unaffected.
    assert_eq!(b.text("hls", "[part=label]"), "Opinion");

    // On the air now: Retry plays it.
    let address = origins()
        .widget
        .origin
        .trim_start_matches("http://")
        .to_string();
    let mut server = std::net::TcpStream::connect(&address).unwrap();
    write!(
        server,
        "GET /__test/hls-online?stream={stream} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    server.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 204"), "{answer}");
    b.click("hls", ".aw-media-retry");
    wait_playing(&b, "hls", "video");
    assert_eq!(b.text("hls", ".aw-media-error"), "");
    assert_eq!(
        b.js("return q('hls', '.aw-media-retry').hidden;"),
        json!(true)
    );
}
