//! The formats publishers already have, read into the same [`Article`] as the v1 format:
//! a WordPress REST API v2 post, a JSON Feed 1.1 item, and a schema.org `NewsArticle` (or any
//! `Article`) object, also inside an `@graph`.
//!
//! A field the source lacks is absent from the card. A source with no headline, URL or date
//! gets the usual field-named error, naming the source format and its own field name
//! (`title.rendered (WordPress post) is missing`). HTML in these formats goes through the same
//! sanitizer as `body_html`; titles and summaries are reduced to text.

mod common;
mod json_feed;
mod parsed;
mod schema_org;
pub mod v1;
mod wordpress;

pub use common::Format;
pub use parsed::Parsed;

use common::Reader;

use super::caps::MAX_ARTICLE_BYTES;
use super::error::LoadError;
use super::url::SafeUrl;
use super::wire::{self, Field, List, Object, Text};
use serde::de::IgnoredAny;
use serde::Deserialize;

/// The keys that tell the formats apart, read from the document (or its first element).
#[derive(Deserialize, Default)]
#[serde(default)]
struct Probe {
    version: Text,
    #[serde(rename = "@context")]
    context: Option<IgnoredAny>,
    #[serde(rename = "@type")]
    kind: Option<IgnoredAny>,
    #[serde(rename = "@graph")]
    graph: Option<IgnoredAny>,
    title: Object<RenderedProbe>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RenderedProbe {
    rendered: Option<IgnoredAny>,
}

/// Which format a JSON text is. Text that is not JSON is [`Format::V1`], whose reader then
/// says what is wrong with it.
pub fn detect(text: &str) -> Format {
    let probe: List<Object<Probe>> = wire::read(text).unwrap_or_default();
    let Some(Object(Some(first))) = probe.0.into_iter().next() else {
        return Format::V1;
    };
    if first
        .version
        .as_deref()
        .is_some_and(|v| v.starts_with("https://jsonfeed.org/version/"))
    {
        Format::JsonFeed
    } else if first.context.is_some() || first.kind.is_some() || first.graph.is_some() {
        Format::SchemaOrg
    } else if matches!(&first.title, Object(Some(title)) if title.rendered.is_some()) {
        Format::WordPress
    } else {
        Format::V1
    }
}

/// A document read into the wire types of its format, not yet checked or converted.
pub enum Wire {
    V1(Box<Field<v1::ArticleV1>>),
    WordPress(wordpress::Posts),
    JsonFeed(json_feed::Feed),
    SchemaOrg(schema_org::Document),
}

/// Parses `text` fetched from `source` in `format`, or in the format it is detected to be.
pub fn parse_any(
    text: &str,
    source: &SafeUrl,
    format: Option<Format>,
) -> Result<Parsed, LoadError> {
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(LoadError::TooLarge {
            limit_bytes: MAX_ARTICLE_BYTES,
        });
    }
    read(text, format)?.convert(source)
}

/// The first half of [`parse_any`]: the text read into its format's wire types. (The
/// fetch layer runs the two halves of a large article in separate tasks of the page.)
pub fn read(text: &str, format: Option<Format>) -> Result<Wire, LoadError> {
    Ok(match format.unwrap_or_else(|| detect(text)) {
        Format::V1 => Wire::V1(Box::new(wire::read(text)?)),
        Format::WordPress => Wire::WordPress(wire::read(text)?),
        // Through `Object`, as `wire::read` asks: a derived struct would bring float printing.
        Format::JsonFeed => Wire::JsonFeed(
            wire::read::<Object<json_feed::Feed>>(text)?
                .0
                .ok_or(LoadError::NotAnObject)?,
        ),
        Format::SchemaOrg => Wire::SchemaOrg(wire::read(text)?),
    })
}

impl Wire {
    /// The second half of [`parse_any`]: the article, checked, its URLs resolved against
    /// `source`, its body capped.
    pub fn convert(self, source: &SafeUrl) -> Result<Parsed, LoadError> {
        let parsed = match self {
            Wire::V1(article) => match *article {
                Field::Is(article) => article.convert(source)?,
                Field::Absent | Field::Wrong(_) => return Err(LoadError::NotAnObject),
            },
            Wire::WordPress(posts) => {
                let mut reader = Reader::new(source, Format::WordPress);
                let (article, count_source) = posts.convert(&mut reader)?;
                reader.finish(article, count_source)
            }
            Wire::JsonFeed(feed) => {
                let mut reader = Reader::new(source, Format::JsonFeed);
                let article = feed.convert(&mut reader)?;
                reader.finish(article, None)
            }
            Wire::SchemaOrg(document) => {
                let mut reader = Reader::new(source, Format::SchemaOrg);
                let article = document.convert(&mut reader)?;
                reader.finish(article, None)
            }
        };
        Ok(parsed.capped())
    }
}

/// Parses and validates the v1 JSON text fetched from `source`, resolving relative URLs against
/// it.
pub fn parse_article(text: &str, source: &SafeUrl) -> Result<Parsed, LoadError> {
    parse_any(text, source, Some(Format::V1))
}
