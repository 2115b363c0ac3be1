//! The test server's live channel: the HLS fixture's segments looped as a sliding live
//! playlist, the way a broadcaster's packager publishes one. Every two seconds the newest
//! segment appears and the oldest leaves; each loop restarts the timestamps, so it is marked
//! `#EXT-X-DISCONTINUITY` as a real packager marks a splice.

use std::time::Duration;

/// How many segments the playlist holds: 16 s of the 32 s fixture, enough to seek back into
/// (the "Go live" control) and well over the three target durations players keep behind the
/// edge.
pub const WINDOW: u64 = 8;

/// One segment of the VOD playlist: its duration line and its file name.
struct Segment<'a> {
    extinf: &'a str,
    uri: &'a str,
}

fn segments(vod: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut extinf = None;
    for line in vod.lines().map(str::trim) {
        if line.starts_with("#EXTINF:") {
            extinf = Some(line);
        } else if !line.is_empty() && !line.starts_with('#') {
            if let Some(extinf) = extinf.take() {
                out.push(Segment { extinf, uri: line });
            }
        }
    }
    out
}

/// The live playlist `elapsed` after the channel went on air, from the fixture's VOD playlist
/// `vod`, whose segments are served under `base` (a path ending in `/`).
pub fn playlist(vod: &str, base: &str, elapsed: Duration, target_seconds: u64) -> String {
    let segments = segments(vod);
    let count = segments.len() as u64;
    if count == 0 {
        return "#EXTM3U\n".to_string();
    }
    let first = elapsed.as_secs() / target_seconds.max(1);
    // Discontinuity tags that have left the window: one before every loop's first segment.
    let discontinuities = first.saturating_sub(1) / count;
    let mut out = format!(
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:{target_seconds}\n\
         #EXT-X-MEDIA-SEQUENCE:{first}\n#EXT-X-DISCONTINUITY-SEQUENCE:{discontinuities}\n"
    );
    for sequence in first..first + WINDOW {
        let index = sequence % count;
        if sequence > 0 && index == 0 {
            out.push_str("#EXT-X-DISCONTINUITY\n");
        }
        if let Some(segment) = segments.get(index as usize) {
            out.push_str(segment.extinf);
            out.push('\n');
            out.push_str(base);
            out.push_str(segment.uri);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const VOD: &str =
        "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nv0.ts\n#EXTINF:2.0,\nv1.ts\n\
                       #EXTINF:2.0,\nv2.ts\n#EXTINF:2.0,\nv3.ts\n#EXT-X-ENDLIST\n";

    fn uris(playlist: &str) -> Vec<&str> {
        playlist.lines().filter(|l| !l.starts_with('#')).collect()
    }

    #[test]
    fn the_window_slides_one_segment_per_target_duration_and_loops() {
        let at_start = playlist(VOD, "/m/", Duration::from_secs(0), 2);
        assert!(at_start.contains("#EXT-X-MEDIA-SEQUENCE:0\n"));
        assert_eq!(
            uris(&at_start),
            [
                "/m/v0.ts", "/m/v1.ts", "/m/v2.ts", "/m/v3.ts", "/m/v0.ts", "/m/v1.ts", "/m/v2.ts",
                "/m/v3.ts"
            ]
        );
        assert_eq!(at_start.matches("#EXT-X-DISCONTINUITY\n").count(), 1);
        assert!(!at_start.contains("#EXT-X-ENDLIST"));

        let later = playlist(VOD, "/m/", Duration::from_secs(5), 2);
        assert!(later.contains("#EXT-X-MEDIA-SEQUENCE:2\n"));
        assert_eq!(uris(&later).first(), Some(&"/m/v2.ts"));
    }

    #[test]
    fn discontinuities_that_left_the_window_are_counted() {
        // Sequence 5 is v1 of the second loop: the tag before sequence 4 has left.
        let p = playlist(VOD, "/", Duration::from_secs(10), 2);
        assert!(p.contains("#EXT-X-MEDIA-SEQUENCE:5\n"));
        assert!(p.contains("#EXT-X-DISCONTINUITY-SEQUENCE:1\n"));
        // Sequence 4 still in the window: its tag is not counted yet.
        let p = playlist(VOD, "/", Duration::from_secs(8), 2);
        assert!(p.contains("#EXT-X-DISCONTINUITY-SEQUENCE:0\n"));
        assert!(p.starts_with("#EXTM3U\n"));
        assert!(p.contains(
            "#EXT-X-MEDIA-SEQUENCE:4\n#EXT-X-DISCONTINUITY-SEQUENCE:0\n#EXT-X-DISCONTINUITY\n"
        ));
    }
}
