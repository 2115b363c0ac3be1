//! The live player: the Play button, Live / Audio only, hls.js streams.

use crate::support::*;

/// An HLS channel in a browser without HLS of its own: the element gets no `src`, and pressing
/// play hands the playlist to the script player (hls.js), once; the widget's end stops it.
#[wasm_bindgen_test]
async fn an_hls_stream_goes_to_the_script_player_when_played_and_stops_with_the_widget() {
    let mut live = seed().live.unwrap();
    let hls = |src: &str| Media {
        src: SafeUrl::parse_absolute(src).unwrap(),
        mime: None,
    };
    live.video
        .insert(0, hls("https://tv.example/channel/live.m3u8"));
    live.audio
        .insert(0, hls("https://tv.example/channel/audio.m3u8"));
    let fake = FakeBrowser::new();
    let services = fake.clone();
    let (events, sink) = recorder();
    let (root, handle) = mount(move || {
        Services::provide(services);
        view! { <LiveToggle live=live events=sink() /> }
    });
    click(&root, "[part=player]");
    leptos::task::tick().await;
    let video: web_sys::HtmlMediaElement = find(&root, "video").unchecked_into();
    assert_eq!(
        video.get_attribute("src"),
        None,
        "hls.js gives the element its source"
    );
    assert_eq!(attr(&root, "audio", "src"), None);
    // The widget asked the shown player to play; its `play` event attaches the stream.
    video
        .dispatch_event(&web_sys::Event::new("play").unwrap())
        .unwrap();
    video
        .dispatch_event(&web_sys::Event::new("play").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(
        *fake.script_streams.borrow(),
        ["https://tv.example/channel/live.m3u8"]
    );
    // Not live yet (no infinite duration): neither LIVE nor "Go live" shows.
    assert!(find(&root, ".aw-live-badge").has_attribute("hidden"));
    assert!(find(&root, ".aw-go-live").has_attribute("hidden"));
    assert!(events.borrow().contains(&WidgetEvent::MediaChange {
        mode: MediaMode::Video,
        playing: true
    }));
    drop(handle);
    assert_eq!(fake.stopped_streams.get(), 1);
}

/// hls.js cannot be loaded from the widget's host: the reader is told the stream could not be
/// played (not that the channel is off the air, which nobody knows), and the publisher hears
/// why through the error event.
#[wasm_bindgen_test]
async fn a_script_player_that_cannot_load_says_so_and_tells_the_publisher_why() {
    let mut live = seed().live.unwrap();
    live.video.insert(
        0,
        Media {
            src: SafeUrl::parse_absolute("https://tv.example/channel/live.m3u8").unwrap(),
            mime: None,
        },
    );
    let fake = FakeBrowser::new();
    fake.script_player_missing.set(true);
    let services = fake.clone();
    let (events, sink) = recorder();
    let (root, _handle) = mount(move || {
        Services::provide(services);
        view! { <LiveToggle live=live events=sink() /> }
    });
    click(&root, "[part=player]");
    leptos::task::tick().await;
    let video: web_sys::HtmlMediaElement = find(&root, "video").unchecked_into();
    video
        .dispatch_event(&web_sys::Event::new("play").unwrap())
        .unwrap();
    leptos::task::tick().await;
    leptos::task::tick().await;
    assert_eq!(
        attr(&root, ".aw-live", "data-state").as_deref(),
        Some("error")
    );
    assert_eq!(
        text(&root, ".aw-media-error"),
        "This stream could not be played."
    );
    assert!(!find(&root, ".aw-media-retry").has_attribute("hidden"));
    assert!(events.borrow().iter().any(|e| matches!(
        e,
        WidgetEvent::Error { message } if message.contains("hls.js") && message.contains("JavaScript")
    )));
}

/// The widget goes while hls.js is still loading: the stream that arrives after is stopped, and
/// nothing reads the widget's disposed state (a panic there would stop every widget).
#[wasm_bindgen_test]
async fn a_stream_that_arrives_after_the_widget_is_gone_is_stopped() {
    let mut live = seed().live.unwrap();
    live.video.insert(
        0,
        Media {
            src: SafeUrl::parse_absolute("https://tv.example/live.m3u8").unwrap(),
            mime: None,
        },
    );
    let fake = FakeBrowser::new();
    fake.script_load_ms.set(50);
    let services = fake.clone();
    let (_events, sink) = recorder();
    let (root, handle) = mount(move || {
        Services::provide(services);
        view! { <LiveToggle live=live events=sink() /> }
    });
    click(&root, "[part=player]");
    leptos::task::tick().await;
    let video = find(&root, "video");
    video
        .dispatch_event(&web_sys::Event::new("play").unwrap())
        .unwrap();
    assert_eq!(fake.script_streams.borrow().len(), 1);
    drop(handle);
    gloo_timers::future::TimeoutFuture::new(120).await;
    assert_eq!(fake.stopped_streams.get(), 1);
}

#[wasm_bindgen_test]
async fn live_toggle_switches_between_video_and_audio() {
    let mut live = seed().live.unwrap();
    live.poster = Some(SafeUrl::parse_absolute("https://cdn.example/media/poster.jpg").unwrap());
    let (events, sink) = recorder();
    let (root, _h) = mount(move || view! { <LiveToggle live=live events=sink() /> });
    assert_eq!(
        attr(&root, "[part=live-toggle]", "role").as_deref(),
        Some("group")
    );
    // Until the reader presses play, a button the player's size stands in for both players.
    assert!(root.query_selector("video").unwrap().is_none());
    assert!(root.query_selector("audio").unwrap().is_none());
    let play = find(&root, "[part=player]");
    assert_eq!(play.tag_name(), "BUTTON");
    assert_eq!(play.get_attribute("data-kind").as_deref(), Some("video"));
    assert!(play.text_content().unwrap().starts_with("Play"));
    assert!(play.query_selector("img").unwrap().is_some(), "the poster");
    assert_eq!(
        attr(&root, "button[data-mode=video]", "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&root, "button[data-mode=audio]", "aria-pressed").as_deref(),
        Some("false")
    );

    click(&root, "button[data-mode=audio]");
    leptos::task::tick().await;
    assert_eq!(
        attr(&root, "button[data-mode=video]", "aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(
        attr(&root, "button[data-mode=audio]", "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&root, "[part=player]", "data-kind").as_deref(),
        Some("audio")
    );
    assert!(
        root.query_selector("[part=player] img").unwrap().is_none(),
        "no poster for audio"
    );
    assert_eq!(
        *events.borrow(),
        vec![WidgetEvent::MediaChange {
            mode: MediaMode::Audio,
            playing: false
        }]
    );

    // Pressing play puts the real players in, the chosen one shown.
    click(&root, "[part=player]");
    leptos::task::tick().await;
    assert!(root.query_selector(".aw-play").unwrap().is_none());
    let video = find(&root, "video");
    let audio = find(&root, "audio");
    assert_eq!(video.get_attribute("preload").as_deref(), Some("none"));
    assert_eq!(audio.get_attribute("preload").as_deref(), Some("none"));
    // A browser that plays everything (no services given) plays the HLS itself.
    assert_eq!(
        attr(&root, "video", "src").as_deref(),
        Some("https://cdn.example/articles/media/hls/live.m3u8")
    );
    assert!(video.has_attribute("hidden") && !audio.has_attribute("hidden"));

    click(&root, "button[data-mode=video]");
    leptos::task::tick().await;
    assert_eq!(
        attr(&root, "button[data-mode=video]", "aria-pressed").as_deref(),
        Some("true")
    );
    assert!(!video.has_attribute("hidden") && audio.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn a_stream_with_only_audio_has_no_toggle() {
    let mut live = seed().live.unwrap();
    live.video = Vec::new();
    let (root, _h) = mount(move || view! { <LiveToggle live=live events=EventSink::ignore() /> });
    assert!(root.query_selector("[part=live-toggle]").unwrap().is_none());
    assert_eq!(
        attr(&root, "[part=player]", "data-kind").as_deref(),
        Some("audio")
    );
    click(&root, "[part=player]");
    leptos::task::tick().await;
    assert!(root.query_selector("video").unwrap().is_none());
    assert!(!find(&root, "audio").has_attribute("hidden"));
}
