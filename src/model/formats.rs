//! The formats publishers already have, read into the same [`Article`] as the v1 format:
//! a WordPress REST API v2 post, a JSON Feed 1.1 item, and a schema.org `NewsArticle` (or any
//! `Article`) object, also inside an `@graph`.
//!
//! A field the source lacks is absent from the card. A source with no headline, URL or date
//! gets the usual field-named error, naming the source format and its own field name
//! (`title.rendered (WordPress post) is missing`). HTML in these formats goes through the same
//! sanitizer as `body_html`; titles and summaries are reduced to text.

use super::article::{
    parse_v1, Article, Block, Comments, Image, NamedLink, Parsed, ShareDefaults, MAX_ARTICLE_BYTES,
};
use super::date::DateTime;
use super::error::{FieldError, LoadError, Problem};
use super::html::{decode_entities, sanitize, Allowlist, HtmlNode};
use super::json::Value;
use super::limits::Cap;
use super::url::SafeUrl;

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

/// Which format a fetched JSON value is.
pub fn detect(value: &Value) -> Format {
    let first = match value {
        Value::Array(items) => items.first().unwrap_or(value),
        other => other,
    };
    let is_feed = first
        .get("version")
        .and_then(Value::as_str)
        .is_some_and(|v| v.starts_with("https://jsonfeed.org/version/"));
    if is_feed {
        Format::JsonFeed
    } else if first.get("@context").is_some()
        || first.get("@type").is_some()
        || first.get("@graph").is_some()
    {
        Format::SchemaOrg
    } else if first.get("title").and_then(|t| t.get("rendered")).is_some() {
        Format::WordPress
    } else {
        Format::V1
    }
}

/// Parses `text` fetched from `source` in `format`, or in the format it is detected to be.
pub fn parse_any(
    text: &str,
    source: &SafeUrl,
    format: Option<Format>,
) -> Result<Parsed, LoadError> {
    read_any(&read_json(text)?, source, format)
}

/// The first half of [`parse_any`]: the text as a JSON tree, within the size cap. (The fetch
/// layer runs the two halves of a large article in separate tasks of the page.)
pub fn read_json(text: &str) -> Result<Value, LoadError> {
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(LoadError::TooLarge {
            limit_bytes: MAX_ARTICLE_BYTES,
        });
    }
    super::json::parse(text).map_err(|err| LoadError::NotJson(err.to_string()))
}

/// The second half of [`parse_any`]: the article in a JSON tree.
pub fn read_any(
    value: &Value,
    source: &SafeUrl,
    format: Option<Format>,
) -> Result<Parsed, LoadError> {
    let mut reader = Reader {
        base: source,
        format: format.unwrap_or_else(|| detect(value)),
        warnings: Vec::new(),
        stopped: None,
    };
    let mut article = match reader.format {
        Format::V1 => return parse_v1(value, source).map(Parsed::capped),
        Format::WordPress => reader.wordpress(value)?,
        Format::JsonFeed => reader.json_feed(value)?,
        Format::SchemaOrg => reader.schema_org(value)?,
    };
    article.body_cut = reader.stopped;
    Ok(Parsed {
        comment_count_source: reader.comment_count_source(value),
        article,
        warnings: reader.warnings,
    }
    .capped())
}

fn string(value: Option<&Value>) -> Option<String> {
    let text = match value? {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

fn path<'a>(value: &'a Value, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().try_fold(value, |v, key| v.get(key))
}

/// Markup reduced to the text a reader sees, entities decoded, white space collapsed.
fn html_to_text(html: &str, base: &SafeUrl) -> String {
    let text = HtmlNode::text_content(&sanitize(html, base, Allowlist::Inline).nodes);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
fn date(value: Option<&Value>) -> Option<DateTime> {
    let raw = string(value)?;
    DateTime::parse_rfc3339(&raw).or_else(|| DateTime::parse_rfc3339(&format!("{raw}Z")))
}

struct Reader<'a> {
    base: &'a SafeUrl,
    format: Format,
    warnings: Vec<String>,
    /// The cap at which the sanitizer stopped reading body markup, if it did.
    stopped: Option<Cap>,
}

impl Reader<'_> {
    fn missing(&self, field: &str) -> LoadError {
        LoadError::Invalid(FieldError {
            field: format!("{field} ({})", self.format.name()),
            problem: Problem::Missing,
        })
    }

    fn required<T>(&self, value: Option<T>, field: &str) -> Result<T, LoadError> {
        value.ok_or_else(|| self.missing(field))
    }

    fn url(&mut self, value: Option<&Value>, field: &str) -> Option<SafeUrl> {
        let raw = string(value)?;
        match self.base.join(&raw) {
            Ok(url) => Some(url),
            Err(err) => {
                self.warnings.push(format!("{field} {err}; dropped"));
                None
            }
        }
    }

    fn html_body(&mut self, html: Option<String>, field: &str) -> Vec<Block> {
        let Some(html) = html else { return Vec::new() };
        let nodes = sanitize(&html, self.base, Allowlist::Body).into_nodes(
            field,
            &mut self.warnings,
            &mut self.stopped,
        );
        vec![Block::Html(nodes)]
    }

    fn named_links(&mut self, value: Option<&Value>, name: &str, link: &str) -> Vec<NamedLink> {
        let items: Vec<&Value> = match value {
            Some(Value::Array(items)) => items.iter().collect(),
            Some(other @ Value::Object(_)) => vec![other],
            Some(Value::String(s)) if !s.trim().is_empty() => {
                return vec![NamedLink {
                    name: s.trim().to_string(),
                    url: None,
                }]
            }
            _ => Vec::new(),
        };
        items
            .into_iter()
            .filter_map(|item| {
                let name = string(item.get(name)).map(|n| decode_entities(&n))?;
                let url = self.url(item.get(link), link);
                Some(NamedLink { name, url })
            })
            .collect()
    }

    /// The URL whose `X-WP-Total` header counts a WordPress post's comments.
    fn comment_count_source(&mut self, value: &Value) -> Option<SafeUrl> {
        if self.format != Format::WordPress {
            return None;
        }
        let post = match value {
            Value::Array(items) => items.first()?,
            other => other,
        };
        let replies = path(post, &["_links", "replies"])
            .and_then(|r| r.as_array()?.first())
            .and_then(|r| r.get("href"))
            .and_then(Value::as_str)?;
        let separator = if replies.contains('?') { '&' } else { '?' };
        self.base
            .join(&format!("{replies}{separator}per_page=1"))
            .ok()
    }

    fn wordpress(&mut self, value: &Value) -> Result<Article, LoadError> {
        let post = match value {
            Value::Array(items) => self.required(items.first(), "[0]")?,
            other => other,
        };
        let base = self.base;
        let headline = string(path(post, &["title", "rendered"])).map(|t| html_to_text(&t, base));
        let headline = self.required(headline.filter(|h| !h.is_empty()), "title.rendered")?;
        let url = self.url(post.get("link"), "link");
        let url = self.required(url, "link")?;
        let published = date(post.get("date_gmt")).or_else(|| date(post.get("date")));
        let published = self.required(published, "date_gmt")?;
        let embedded = post.get("_embedded");
        let media = embedded
            .and_then(|e| e.get("wp:featuredmedia"))
            .and_then(|m| m.as_array()?.first())
            .filter(|m| m.get("source_url").is_some());
        let image = match media {
            Some(media) => self
                .url(media.get("source_url"), "wp:featuredmedia.source_url")
                .map(|url| Image {
                    url,
                    alt: string(media.get("alt_text")).unwrap_or_default(),
                    caption: string(path(media, &["caption", "rendered"]))
                        .map(|c| html_to_text(&c, base))
                        .filter(|c| !c.is_empty()),
                    credit: None,
                    width: path(media, &["media_details", "width"])
                        .and_then(Value::as_u64)
                        .and_then(|w| u32::try_from(w).ok()),
                    height: path(media, &["media_details", "height"])
                        .and_then(Value::as_u64)
                        .and_then(|h| u32::try_from(h).ok()),
                }),
            None => None,
        };
        let terms: Vec<&Value> = embedded
            .and_then(|e| e.get("wp:term"))
            .and_then(Value::as_array)
            .map(|groups| {
                groups
                    .iter()
                    .filter_map(Value::as_array)
                    .flatten()
                    .collect()
            })
            .unwrap_or_default();
        let of = |taxonomy: &str| -> Vec<&Value> {
            terms
                .iter()
                .copied()
                .filter(|t| t.get("taxonomy").and_then(Value::as_str) == Some(taxonomy))
                .collect()
        };
        let categories = of("category");
        let tags = of("post_tag");
        let breadcrumb = match categories.first() {
            Some(category) => self.named_links(Some(category), "name", "link"),
            None => Vec::new(),
        };
        let label = tags
            .first()
            .and_then(|t| string(t.get("name")))
            .map(|n| decode_entities(&n));
        let summary = string(path(post, &["excerpt", "rendered"]))
            .map(|e| {
                html_to_text(&e, base)
                    .trim_end_matches("[…]")
                    .trim()
                    .to_string()
            })
            .filter(|s| !s.is_empty());
        let body_html = string(path(post, &["content", "rendered"]));
        let body = self.html_body(body_html, "content.rendered");
        let authors = self.named_links(embedded.and_then(|e| e.get("author")), "name", "link");
        Ok(Article {
            id: string(post.get("id")).unwrap_or_else(|| url.to_string()),
            lang: None,
            site: None,
            breadcrumb,
            label,
            summary,
            modified: date(post.get("modified_gmt")),
            authors,
            image,
            body,
            body_cut: None,
            share: ShareDefaults::default(),
            live: None,
            // Filled in from `X-WP-Total` when the `comments` attribute asks for it.
            comments: None,
            headline,
            url,
            published,
        })
    }

    fn json_feed(&mut self, feed: &Value) -> Result<Article, LoadError> {
        let items = feed.get("items").and_then(Value::as_array);
        let items = self.required(items, "items")?;
        let item = match self.base.fragment().filter(|f| !f.is_empty()) {
            Some(fragment) => {
                let wanted = percent_decode(fragment);
                let found = items
                    .iter()
                    .find(|i| string(i.get("id")).as_deref() == Some(wanted.as_str()));
                self.required(found, &format!("items[id = {wanted}]"))?
            }
            None => self.required(items.first(), "items[0]")?,
        };
        let headline = self.required(string(item.get("title")), "title")?;
        let url = match self.url(item.get("url"), "url") {
            Some(url) => Some(url),
            None => self.url(item.get("external_url"), "external_url"),
        };
        let url = self.required(url, "url")?;
        let published = self.required(date(item.get("date_published")), "date_published")?;
        let body = match string(item.get("content_html")) {
            Some(html) => self.html_body(Some(html), "content_html"),
            None => string(item.get("content_text"))
                .map(|t| paragraphs(&t))
                .unwrap_or_default(),
        };
        let image_url = match self.url(item.get("image"), "image") {
            Some(url) => Some(url),
            None => self.url(item.get("banner_image"), "banner_image"),
        };
        let mut authors =
            self.named_links(item.get("authors").or(item.get("author")), "name", "url");
        if authors.is_empty() {
            authors = self.named_links(feed.get("authors").or(feed.get("author")), "name", "url");
        }
        let site = string(feed.get("title")).map(|name| NamedLink { name, url: None });
        let site = match site {
            Some(mut site) => {
                site.url = self.url(feed.get("home_page_url"), "home_page_url");
                Some(site)
            }
            None => None,
        };
        Ok(Article {
            id: string(item.get("id")).unwrap_or_else(|| url.to_string()),
            lang: string(item.get("language")).or_else(|| string(feed.get("language"))),
            site,
            breadcrumb: Vec::new(),
            label: item
                .get("tags")
                .and_then(|t| t.as_array()?.first())
                .and_then(|t| string(Some(t))),
            summary: string(item.get("summary")),
            modified: date(item.get("date_modified")),
            authors,
            image: image_url.map(|url| Image {
                url,
                alt: String::new(),
                caption: None,
                credit: None,
                width: None,
                height: None,
            }),
            body,
            body_cut: None,
            share: ShareDefaults::default(),
            live: None,
            comments: None,
            headline,
            url,
            published,
        })
    }

    fn schema_org(&mut self, value: &Value) -> Result<Article, LoadError> {
        let nodes: Vec<&Value> = match (value, value.get("@graph")) {
            (_, Some(Value::Array(graph))) => graph.iter().collect(),
            (Value::Array(items), _) => items.iter().collect(),
            (other, _) => vec![other],
        };
        let types = |node: &Value| -> Vec<String> {
            match node.get("@type") {
                Some(Value::String(t)) => vec![t.clone()],
                Some(Value::Array(ts)) => ts
                    .iter()
                    .filter_map(|t| t.as_str().map(str::to_string))
                    .collect(),
                _ => Vec::new(),
            }
        };
        let is_article = |node: &Value| {
            types(node).iter().any(|t| {
                t.ends_with("Article")
                    || t == "BlogPosting"
                    || t == "LiveBlogPosting"
                    || t == "Report"
            })
        };
        let node = nodes.iter().copied().find(|n| is_article(n));
        let node = self.required(node, "@type NewsArticle")?;
        // References like {"@id": "#logo"} point at other nodes of the graph.
        let resolve = |v: &Value| -> Value {
            let id = v.get("@id").and_then(Value::as_str);
            match (id, v.as_object().map(|o| o.len())) {
                (Some(id), Some(1)) => nodes
                    .iter()
                    .find(|n| n.get("@id").and_then(Value::as_str) == Some(id))
                    .map(|n| (*n).clone())
                    .unwrap_or_else(|| v.clone()),
                _ => v.clone(),
            }
        };
        let first = |v: Option<&Value>| -> Option<Value> {
            match v? {
                Value::Array(items) => items.first().map(&resolve),
                other => Some(resolve(other)),
            }
        };
        let headline = string(node.get("headline")).or_else(|| string(node.get("name")));
        let headline = self.required(headline.map(|h| decode_entities(&h)), "headline")?;
        let page = first(node.get("mainEntityOfPage"));
        let page_url = page.as_ref().and_then(|p| match p {
            Value::String(_) => Some(p.clone()),
            other => other.get("@id").or(other.get("url")).cloned(),
        });
        let url = match self.url(node.get("url"), "url") {
            Some(url) => Some(url),
            None => self.url(page_url.as_ref(), "mainEntityOfPage"),
        };
        let url = self.required(url, "url")?;
        let published = self.required(date(node.get("datePublished")), "datePublished")?;
        let image = match first(node.get("image")) {
            Some(Value::String(s)) => self
                .url(Some(&Value::String(s)), "image")
                .map(|url| (url, Value::Null)),
            Some(object) => {
                let src = object.get("url").or(object.get("contentUrl")).cloned();
                self.url(src.as_ref(), "image.url").map(|url| (url, object))
            }
            None => None,
        };
        let pixels = |v: Option<&Value>| -> Option<u32> {
            match v? {
                Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
                Value::String(s) => s.trim().trim_end_matches("px").parse().ok(),
                _ => None,
            }
        };
        let image = image.map(|(url, object)| Image {
            url,
            alt: string(object.get("caption"))
                .or_else(|| string(object.get("description")))
                .unwrap_or_default(),
            caption: string(object.get("caption")),
            credit: string(object.get("creditText"))
                .or_else(|| string(object.get("copyrightHolder").and_then(|h| h.get("name")))),
            width: pixels(object.get("width")),
            height: pixels(object.get("height")),
        });
        let section = first(node.get("articleSection")).and_then(|s| string(Some(&s)));
        let authors_value: Option<Value> = node.get("author").map(|a| match a {
            Value::Array(items) => Value::Array(items.iter().map(&resolve).collect()),
            other => resolve(other),
        });
        let authors = self.named_links(authors_value.as_ref(), "name", "url");
        let publisher = node.get("publisher").map(&resolve);
        let publisher_url = publisher.as_ref().and_then(|p| p.get("url")).cloned();
        let site = publisher
            .as_ref()
            .and_then(|p| string(p.get("name")))
            .map(|name| NamedLink {
                name,
                url: self.url(publisher_url.as_ref(), "publisher.url"),
            });
        let opinion = types(node).iter().any(|t| t == "OpinionNewsArticle");
        let lang = match node.get("inLanguage") {
            Some(Value::Object(language)) => {
                string(language.get("alternateName")).or_else(|| string(language.get("name")))
            }
            other => string(other),
        };
        Ok(Article {
            id: string(node.get("@id")).unwrap_or_else(|| url.to_string()),
            lang,
            site,
            breadcrumb: section
                .into_iter()
                .map(|name| NamedLink { name, url: None })
                .collect(),
            label: opinion.then(|| "Opinion".to_string()),
            summary: string(node.get("description")).map(|d| decode_entities(&d)),
            modified: date(node.get("dateModified")),
            authors,
            image,
            body: string(node.get("articleBody"))
                .map(|b| paragraphs(&b))
                .unwrap_or_default(),
            body_cut: None,
            share: ShareDefaults::default(),
            live: None,
            comments: node
                .get("commentCount")
                .and_then(Value::as_u64)
                .map(|count| Comments {
                    count,
                    url: None,
                    count_url: None,
                }),
            headline,
            url,
            published,
        })
    }
}
