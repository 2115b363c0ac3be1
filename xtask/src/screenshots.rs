//! The reference screenshots of each look (`tests/screenshots/`, shown in the README and docs/theming.md): taken in
//! Chromium, compared by the theming test with a tolerance, refreshed by
//! `cargo xtask screenshots`.

use crate::server::Origins;
use crate::webdriver::{Driver, Engine, Scheme, Session};
use crate::{workspace_root, Result};
use std::path::PathBuf;
use std::time::Duration;

/// Each look: its name (the file is `look-<name>.png`) and the element's attributes.
pub const LOOKS: &[(&str, &str)] = &[
    ("light", "theme=\"light\""),
    ("dark", "theme=\"dark\""),
    ("classic", "theme=\"light\" theme-preset=\"classic\""),
    ("modern", "theme=\"light\" theme-preset=\"modern\""),
    ("contrast", "theme=\"light\" theme-preset=\"contrast\""),
];

/// The browser window the references are taken in.
pub const WINDOW: (u32, u32) = (720, 1000);

/// A pixel differs when a channel moves by more than this (antialiasing stays under it)...
pub const CHANNEL_TOLERANCE: u8 = 40;
/// ...and a screenshot differs when more than this share of its pixels do.
pub const PIXEL_SHARE_TOLERANCE: f64 = 0.005;

pub fn references_dir() -> PathBuf {
    workspace_root().join("tests/screenshots")
}

/// Renders each look on a blank page of the host origin and returns `(name, png)`.
pub fn capture(session: &Session, host: &str, widget: &str) -> Result<Vec<(String, Vec<u8>)>> {
    let scratch = workspace_root().join("target/scratch");
    std::fs::create_dir_all(&scratch)?;
    let mut shots = Vec::new();
    for (name, attributes) in LOOKS {
        std::fs::write(
            scratch.join(format!("look-{name}.html")),
            format!("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><script async src=\"{widget}/embed.js\"></script></head><body style=\"margin:16px;background:#e9e7e1\"><article-widget {attributes} share=\"x,facebook,email\" loading=\"eager\" src=\"{widget}/demo/article.json\"></article-widget></body></html>"),
        )?;
        session.goto(&format!("{host}/scratch/look-{name}.html"))?;
        session.wait_for(
            "(function(){ const p = document.querySelector('article-widget'); const img = p && p.shadowRoot && p.shadowRoot.querySelector('[part=image]'); return !!img && img.complete; })()",
            Duration::from_secs(20),
            |v| v == true,
        )?;
        // `complete` is true once the photo is decoded; give it a frame or two to paint.
        std::thread::sleep(Duration::from_millis(500));
        shots.push((name.to_string(), session.screenshot()?));
    }
    Ok(shots)
}

/// RGBA pixels and size of a PNG.
fn decode(png_bytes: &[u8]) -> Result<(u32, u32, Vec<u8>)> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info()?;
    let mut buffer = vec![0; reader.output_buffer_size()];
    let frame = reader.next_frame(&mut buffer)?;
    buffer.truncate(frame.buffer_size());
    let samples = frame.color_type.samples();
    let rgba = match samples {
        4 => buffer,
        3 => buffer
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        1 => buffer.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        2 => buffer
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        other => return Err(format!("a PNG with {other} samples per pixel").into()),
    };
    Ok((frame.width, frame.height, rgba))
}

/// How much the viewport's height may differ for the same window: browser versions draw
/// their own window chrome (Debian's Chromium 148 leaves 861 px of a 1000 px window, the
/// references' 857).
pub const CHROME_HEIGHT_TOLERANCE: u32 = 16;

/// The share of pixels of `actual` that differ from `reference` beyond
/// [`CHANNEL_TOLERANCE`], over the top rows both have; an error if the widths differ, or the
/// heights by more than [`CHROME_HEIGHT_TOLERANCE`].
pub fn differing_share(reference: &[u8], actual: &[u8]) -> Result<f64> {
    let (rw, rh, r) = decode(reference)?;
    let (aw, ah, a) = decode(actual)?;
    if rw != aw || rh.abs_diff(ah) > CHROME_HEIGHT_TOLERANCE {
        return Err(format!("size {aw}x{ah}, the reference is {rw}x{rh}").into());
    }
    // Rows are contiguous, so the common top rows are a prefix of each buffer.
    let (rh, common) = (rh.min(ah), (rw as usize) * (rh.min(ah) as usize) * 4);
    let differing = r[..common]
        .chunks_exact(4)
        .zip(a[..common].chunks_exact(4))
        .filter(|(p, q)| {
            p.iter()
                .zip(q.iter())
                .any(|(x, y)| x.abs_diff(*y) > CHANNEL_TOLERANCE)
        })
        .count();
    Ok(differing as f64 / (f64::from(rw) * f64::from(rh)).max(1.0))
}

/// `cargo xtask screenshots`: renders each look in Chromium and writes the references.
pub fn refresh() -> Result<()> {
    crate::tools::ensure_test_tools()?;
    crate::build_dist()?;
    let Origins { widget, host } = Origins::start(0, 0, false)?;
    let driver = Driver::start(Engine::Chromium, Scheme::Light)?;
    let session = driver.session(WINDOW.0, WINDOW.1)?;
    std::fs::create_dir_all(references_dir())?;
    for (name, png) in capture(&session, &host.origin, &widget.origin)? {
        let path = references_dir().join(format!("look-{name}.png"));
        std::fs::write(&path, png)?;
        println!("  wrote {}", path.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_of(width: u32, height: u32, rgba: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(rgba).unwrap();
        writer.finish().unwrap();
        out
    }

    #[test]
    fn small_shifts_pass_and_changed_pixels_count() {
        let base: Vec<u8> = (0..100).flat_map(|_| [200, 100, 50, 255]).collect();
        let reference = png_of(10, 10, &base);
        let mut nudged = base.clone();
        nudged[0] = 220; // within the channel tolerance
        assert_eq!(
            differing_share(&reference, &png_of(10, 10, &nudged)).unwrap(),
            0.0
        );
        let mut changed = base.clone();
        changed[4..8].copy_from_slice(&[0, 0, 0, 255]);
        assert_eq!(
            differing_share(&reference, &png_of(10, 10, &changed)).unwrap(),
            0.01
        );
        assert!(differing_share(&reference, &png_of(5, 20, &base)).is_err());
    }
}
