//! What reading every format shares: the format's name, the reader that carries the base URL
//! and the warnings along, and the small conversions the formats have in common.

use super::parsed::Parsed;
use crate::model::article::{Article, Block, NamedLink};
use crate::model::caps::Cap;
use crate::model::date::DateTime;
use crate::model::error::{FieldError, LoadError, Problem};
use crate::model::html::{decode_entities, sanitize, Allowlist, HtmlNode};
use crate::model::url::SafeUrl;
use crate::model::wire::{self, List, Text};
use serde::de::{self as de};
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

/// `%XX` sequences decoded (a JSON Feed item id in a URL fragment).
pub(super) fn percent_decode(s: &str) -> String {
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
pub(super) fn paragraphs(text: &str) -> Vec<Block> {
    text.split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Block::Paragraph(vec![HtmlNode::Text(p.to_string())]))
        .collect()
}

/// RFC 3339, or WordPress' `date_gmt`, which has no offset and is UTC.
pub(super) fn date(value: &Text) -> Option<DateTime> {
    let raw = value.as_deref()?;
    DateTime::parse_rfc3339(raw).or_else(|| DateTime::parse_rfc3339(&format!("{raw}Z")))
}

/// A person or a place with a name and maybe a link: a string (the name), or an object with
/// `name` and `url` (JSON Feed) or `link` (WordPress).
#[derive(Default)]
pub(super) struct Named {
    pub(super) name: Text,
    pub(super) url: Text,
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
pub(super) struct Reader<'a> {
    pub(super) base: &'a SafeUrl,
    pub(super) format: Format,
    pub(super) warnings: Vec<String>,
    /// The cap at which the sanitizer stopped reading body markup, if it did.
    pub(super) stopped: Option<Cap>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(base: &'a SafeUrl, format: Format) -> Self {
        Reader {
            base,
            format,
            warnings: Vec::new(),
            stopped: None,
        }
    }

    pub(super) fn finish(self, mut article: Article, count: Option<SafeUrl>) -> Parsed {
        article.body_cut = self.stopped;
        Parsed {
            article,
            warnings: self.warnings,
            comment_count_source: count,
        }
    }

    pub(super) fn missing(&self, field: &str) -> LoadError {
        LoadError::Invalid(FieldError {
            field: format!("{field} ({})", self.format.name()),
            problem: Problem::Missing,
        })
    }

    pub(super) fn required<T>(&self, value: Option<T>, field: &str) -> Result<T, LoadError> {
        value.ok_or_else(|| self.missing(field))
    }

    /// The URL in `value`, resolved; a refused one is dropped with a warning.
    pub(super) fn url(&mut self, value: &Text, field: &str) -> Option<SafeUrl> {
        let raw = value.as_deref()?;
        match self.base.join(raw) {
            Ok(url) => Some(url),
            Err(err) => {
                self.warnings.push(format!("{field} {err}; dropped"));
                None
            }
        }
    }

    pub(super) fn html_body(&mut self, html: Option<&str>, field: &str) -> Vec<Block> {
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
    pub(super) fn html_to_text(&self, html: Option<&str>) -> Option<String> {
        let nodes = sanitize(html?, self.base, Allowlist::Inline).nodes;
        let text = HtmlNode::text_content(&nodes);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!text.is_empty()).then_some(text)
    }

    pub(super) fn named_links(&mut self, people: &List<Named>, field: &str) -> Vec<NamedLink> {
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
