//! Batched comment counts (`comments-api`, embed spec "Comment counts"): the request URLs and
//! the response, as pure functions.

use super::error::LoadError;
use super::share::encode_component;
use super::table::Table;
use super::wire::{read, Object, Whole};
use serde::Deserialize;

/// The most ids one request carries.
pub const MAX_IDS_PER_REQUEST: usize = 50;

/// The request URLs for `ids` (deduplicated, in first-seen order): `{ids}` in `template`
/// replaced by at most [`MAX_IDS_PER_REQUEST`] ids joined with commas, URL-encoded.
pub fn count_urls(template: &str, ids: &[String]) -> Vec<String> {
    let mut unique: Vec<&str> = Vec::with_capacity(ids.len());
    for id in ids {
        if !unique.contains(&id.as_str()) {
            unique.push(id);
        }
    }
    unique
        .chunks(MAX_IDS_PER_REQUEST)
        .map(|chunk| {
            let joined = encode_component(&chunk.join(","));
            // A URL parser may have percent-encoded the braces of a template in a path.
            template
                .replace("{ids}", &joined)
                .replace("%7Bids%7D", &joined)
        })
        .collect()
}

// Both are read through `Object`, as `wire::read` asks.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Counts {
    counts: Object<Table<Whole>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Count {
    count: Whole,
}

/// Reads `{"counts": {"<id>": <integer>, ...}}`. Entries that are not whole numbers are left
/// out, so one bad value does not cost the others their counts.
pub fn parse_counts(text: &str) -> Result<Table<u64>, LoadError> {
    let counts = read::<Object<Counts>>(text)?
        .0
        .and_then(|c| c.counts.0)
        .ok_or(LoadError::NotAnObject)?;
    Ok(counts
        .into_iter()
        .filter_map(|(id, Whole(n))| n.map(|n| (id, n)))
        .collect())
}

/// Reads `{"count": <integer>}`, the answer of an article's own `comments.count_url`.
pub fn parse_count(text: &str) -> Result<u64, LoadError> {
    read::<Object<Count>>(text)?
        .0
        .and_then(|c| c.count.0)
        .ok_or(LoadError::NotAnObject)
}

/// How long to wait before retrying after `failures` failed rounds in a row: 5 s, doubling,
/// at most 5 minutes.
pub fn backoff_ms(failures: u32) -> u32 {
    let doubled = 5_000u32.saturating_mul(1u32 << failures.saturating_sub(1).min(10));
    doubled.min(300_000)
}
