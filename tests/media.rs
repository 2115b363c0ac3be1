//! Native tests of the live stream's sources: which one plays, natively or through hls.js, and
//! Audio only.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::model::article::{Media, MediaMode, Playable, Playback, HLS_MIME};
use article_widget::model::formats::parse_article;
use article_widget::model::url::SafeUrl;

const SEED: &str = include_str!("../docs/demo/article.json");

fn source() -> SafeUrl {
    SafeUrl::parse_absolute("https://cdn.example/articles/seed.json").unwrap()
}

fn media(src: &str, mime: Option<&str>) -> Media {
    Media {
        src: SafeUrl::parse_absolute(src).unwrap(),
        mime: mime.map(str::to_string),
    }
}

#[test]
fn hls_is_known_by_either_type_name_or_by_an_m3u8_path() {
    for mime in [
        "application/vnd.apple.mpegurl",
        "application/x-mpegURL",
        "Application/X-MPEGURL; codecs=\"avc1.42e01e,mp4a.40.2\"",
    ] {
        assert!(media("https://tv.example/a", Some(mime)).is_hls(), "{mime}");
    }
    assert!(media("https://tv.example/live/Index.M3U8?token=a.b", None).is_hls());
    assert!(media("https://tv.example/live.m3u8#t=1", None).is_hls());
    // A stated type wins over the path; other paths are not HLS.
    assert!(!media("https://tv.example/live.m3u8", Some("video/mp4")).is_hls());
    assert!(!media("https://tv.example/live.mp4?f=.m3u8", None).is_hls());
    assert!(!media("https://tv.example/m3u8", None).is_hls());
}

#[test]
fn hls_plays_natively_where_the_browser_can_else_through_hls_js_else_the_next_source() {
    let sources = [
        media("https://tv.example/live/master.m3u8", None),
        media("https://tv.example/live.mp4", Some("video/mp4")),
    ];
    let chosen = |can_play: fn(&str) -> bool, script_hls| {
        Playable {
            can_play,
            script_hls,
        }
        .choose(&sources)
        .map(|(m, p)| (m.src.as_str().to_string(), p))
        .unwrap()
    };
    let safari: fn(&str) -> bool = |_| true;
    let firefox: fn(&str) -> bool = |mime| mime != HLS_MIME;
    let hls = "https://tv.example/live/master.m3u8".to_string();
    assert_eq!(chosen(safari, true), (hls.clone(), Playback::Element));
    assert_eq!(chosen(firefox, true), (hls, Playback::Script));
    // No Media Source Extensions (an old iPhone without HLS is not a thing; a browser without
    // either is): the progressive file.
    assert_eq!(
        chosen(firefox, false),
        ("https://tv.example/live.mp4".to_string(), Playback::Element)
    );
    // Nothing playable at all: the first source, for the player to say so.
    let nothing: fn(&str) -> bool = |_| false;
    assert_eq!(
        chosen(nothing, false).0,
        "https://tv.example/live/master.m3u8"
    );
}

#[test]
fn an_hls_channel_without_an_audio_stream_offers_its_stream_as_audio_only() {
    let mut parsed = parse_article(SEED, &source()).unwrap();
    let live = parsed.article.live.as_mut().unwrap();
    live.audio.clear();
    assert!(
        live.has(MediaMode::Audio),
        "HLS video first: Audio only plays it"
    );
    assert_eq!(
        live.sources(MediaMode::Audio),
        live.sources(MediaMode::Video)
    );
    // Progressive video only: no Audio only.
    live.video.remove(0);
    assert!(!live.has(MediaMode::Audio));
    assert_eq!(live.initial_mode(), MediaMode::Video);
}
