//! The formats publishers already have, read into the same [`Article`] as the v1 format:
//! a WordPress REST API v2 post, a JSON Feed 1.1 item, and a schema.org `NewsArticle` (or any
//! `Article`) object, also inside an `@graph`.
//!
//! A field the source lacks is absent from the card. A source with no headline, URL or date
//! gets the usual field-named error, naming the source format and its own field name
//! (`title.rendered (WordPress post) is missing`). HTML in these formats goes through the same
//! sanitizer as `body_html`; titles and summaries are reduced to text.

mod json_feed;
mod schema_org;
pub mod v1;
mod wordpress;

use super::article::{Block, NamedLink, Parsed, MAX_ARTICLE_BYTES};
use super::date::DateTime;
use super::error::LoadError;
use super::html::{decode_entities, sanitize, Allowlist, HtmlNode};
use super::limits::Cap;
use super::url::SafeUrl;
use super::wire::{self, Field, List, Object, Text};
use serde::de::{self as de, IgnoredAny};
use serde::Deserialize;

/// A source format, by its `format` attribute value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    V1,
    WordPress,
    JsonFeed,
    SchemaOrg,
}

impl Format {
    /// `v1`, `wordpress`, `jsonfeed`, `schema-org`; anything else means "detect".
    pub fn parse(value: Option<&str>) -> Option<Format> {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            Some("v1") => Some(Format::V1),
            Some("wordpress") => Some(Format::WordPress),
            Some("jsonfeed") => Some(Format::JsonFeed),
            Some("schema-org") => Some(Format::SchemaOrg),
            _ => None,
        }
    }

    /// How error messages name the format.
    pub fn name(self) -> &'static str {
        match self {
            Format::V1 => "article JSON v1",
            Format::WordPress => "WordPress post",
            Format::JsonFeed => "JSON Feed",
            Format::SchemaOrg => "schema.org article",
        }
    }
}

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

/// `%XX` sequences decoded (a JSON Feed item id in a URL fragment).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (byte, hex) {
            (b'%', Some(decoded)) => {
                out.push(decoded);
                i += 3;
            }
            _ => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Plain text with blank lines (or single line breaks) between paragraphs.
fn paragraphs(text: &str) -> Vec<Block> {
    text.split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Block::Paragraph(vec![HtmlNode::Text(p.to_string())]))
        .collect()
}

/// RFC 3339, or WordPress' `date_gmt`, which has no offset and is UTC.
fn date(value: &Text) -> Option<DateTime> {
    let raw = value.as_deref()?;
    DateTime::parse_rfc3339(raw).or_else(|| DateTime::parse_rfc3339(&format!("{raw}Z")))
}

/// A person or a place with a name and maybe a link: a string (the name), or an object with
/// `name` and `url` (JSON Feed) or `link` (WordPress).
#[derive(Default)]
struct Named {
    name: Text,
    url: Text,
}

#[derive(Deserialize)]
#[serde(default)]
#[derive(Default)]
struct NamedObject {
    name: Text,
    url: Text,
    link: Text,
}

impl<'de> Deserialize<'de> for Named {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Named;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a name or an object with one")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Named, A::Error> {
                let o =
                    NamedObject::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Named {
                    name: o.name,
                    url: if o.url.0.is_some() { o.url } else { o.link },
                })
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Named, E> {
                Ok(Named {
                    name: Text::deserialize(serde::de::value::StrDeserializer::<E>::new(v))?,
                    url: Text::default(),
                })
            }
            // Anything else (a number, an array inside the list) is not a name.
            wire::read_as_absent!(Named::default(); numbers, arrays);
        }
        d.deserialize_any(V)
    }
}

/// What reading one of these formats carries along.
struct Reader<'a> {
    base: &'a SafeUrl,
    format: Format,
    warnings: Vec<String>,
    /// The cap at which the sanitizer stopped reading body markup, if it did.
    stopped: Option<Cap>,
}

impl<'a> Reader<'a> {
    fn new(base: &'a SafeUrl, format: Format) -> Self {
        Reader {
            base,
            format,
            warnings: Vec::new(),
            stopped: None,
        }
    }

    fn finish(self, mut article: super::article::Article, count: Option<SafeUrl>) -> Parsed {
        article.body_cut = self.stopped;
        Parsed {
            article,
            warnings: self.warnings,
            comment_count_source: count,
        }
    }

    fn missing(&self, field: &str) -> LoadError {
        LoadError::Invalid(super::error::FieldError {
            field: format!("{field} ({})", self.format.name()),
            problem: super::error::Problem::Missing,
        })
    }

    fn required<T>(&self, value: Option<T>, field: &str) -> Result<T, LoadError> {
        value.ok_or_else(|| self.missing(field))
    }

    /// The URL in `value`, resolved; a refused one is dropped with a warning.
    fn url(&mut self, value: &Text, field: &str) -> Option<SafeUrl> {
        let raw = value.as_deref()?;
        match self.base.join(raw) {
            Ok(url) => Some(url),
            Err(err) => {
                self.warnings.push(format!("{field} {err}; dropped"));
                None
            }
        }
    }

    fn html_body(&mut self, html: Option<&str>, field: &str) -> Vec<Block> {
        let Some(html) = html else { return Vec::new() };
        let nodes = sanitize(html, self.base, Allowlist::Body).into_nodes(
            field,
            &mut self.warnings,
            &mut self.stopped,
        );
        vec![Block::Html(nodes)]
    }

    /// Markup reduced to the text a reader sees, entities decoded, white space collapsed;
    /// `None` when nothing is left.
    fn html_to_text(&self, html: Option<&str>) -> Option<String> {
        let nodes = sanitize(html?, self.base, Allowlist::Inline).nodes;
        let text = HtmlNode::text_content(&nodes);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!text.is_empty()).then_some(text)
    }

    fn named_links(&mut self, people: &List<Named>, field: &str) -> Vec<NamedLink> {
        people
            .iter()
            .filter_map(|person| {
                let name = decode_entities(person.name.as_deref()?);
                let url = self.url(&person.url, field);
                Some(NamedLink { name, url })
            })
            .collect()
    }
}
