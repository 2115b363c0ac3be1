// The channel article takes the page's own query: `tag` (on the playlist URLs, so that each
// test counts its own requests), `offline=1` (a channel off the air until the test puts it
// on), `video_only=1` (no audio-only rendition).
document.getElementById("hls").setAttribute(
  "src",
  document.currentScript.dataset.widget + "/__test/hls.json" + location.search
);
