//! Version 1 of the widget's own format (`shared/spec/article-json-v1.md`): the wire types,
//! and their conversion into an [`Article`].
//!
//! The wire types are strict: a field of the wrong type is an error naming it
//! (`body[3].text must be a string`, see `wire::Field`). `null` counts as absent, as CMS exports
//! often write it. The conversion resolves URLs, applies the scheme allowlist, checks what the
//! types cannot (empty strings, dates, language tags) and names the failing field the same way.

use super::parsed::Parsed;
use crate::model::article::{
    Article, Block, Comments, Image, Live, Media, MediaMode, NamedLink, ShareDefaults,
};
use crate::model::caps::{Cap, MAX_BLOCKS, MAX_SOURCES};
use crate::model::date::DateTime;
use crate::model::error::{Expected, FieldError, LoadError, Problem};
use crate::model::html::{sanitize, Allowlist, HtmlNode};
use crate::model::url::SafeUrl;
use crate::model::wire::{
    drain_seq, join, object_shape, Count, Field, OneOrMany, Pixels, Shape, Version,
};
use serde::Deserialize;

/// The newest major version of the format this widget reads.
pub const FORMAT_VERSION: u64 = 1;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ArticleV1 {
    version: Field<Version>,
    id: Field<String>,
    url: Field<String>,
    lang: Field<String>,
    site: Field<NamedLinkV1>,
    breadcrumb: Field<Vec<Field<NamedLinkV1>>>,
    label: Field<String>,
    headline: Field<String>,
    summary: Field<String>,
    published: Field<String>,
    modified: Field<String>,
    authors: Field<Vec<Field<NamedLinkV1>>>,
    image: Field<ImageV1>,
    body: Field<Body>,
    body_html: Field<String>,
    share: Field<ShareV1>,
    live: Field<LiveV1>,
    comments: Field<CommentsV1>,
}

/// The error for a version this widget does not read, or one that is not a version. It comes
/// before any other: a newer major version may have changed any other field.
fn check_version(version: Field<Version>) -> Result<(), LoadError> {
    match version.get("version")? {
        Some(Version(v)) if v > FORMAT_VERSION => Err(LoadError::UnsupportedVersion(v)),
        _ => Ok(()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NamedLinkV1 {
    name: Field<String>,
    url: Field<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ImageV1 {
    url: Field<String>,
    alt: Field<String>,
    caption: Field<String>,
    credit: Field<String>,
    width: Field<Pixels>,
    height: Field<Pixels>,
}

/// A body block, tagged by `type`. One struct with every block's fields rather than an
/// internally tagged enum: serde reads a tagged enum's fields from a buffered copy, where
/// errors lose their path (`body[3].text`) and 30,000 blocks cost a second pass.
#[derive(Deserialize, Default)]
#[serde(default)]
struct BlockV1 {
    #[serde(rename = "type")]
    kind: Field<String>,
    text: Field<String>,
    html: Field<String>,
    cite: Field<String>,
    title: Field<String>,
    label: Field<String>,
    url: Field<String>,
    alt: Field<String>,
    caption: Field<String>,
    credit: Field<String>,
    width: Field<Pixels>,
    height: Field<Pixels>,
}

/// The body's blocks, read up to [`BODY_READ_LIMIT`]: past the block cap the body is cut
/// anyway, so the rest is only checked to be JSON, not built (30,000 blocks would otherwise be
/// 15 MB of wire structs, built in one task of the page).
struct Body {
    blocks: Vec<Field<BlockV1>>,
    /// Whether there were more than were read.
    more: bool,
}

/// Twice the block cap: unknown block types are skipped without counting, and some of the
/// blocks read may be dropped (a refused link).
const BODY_READ_LIMIT: usize = 2 * MAX_BLOCKS;

impl Shape for Body {
    const EXPECTED: Expected = Expected::Array;
    fn read_seq<'de, A: serde::de::SeqAccess<'de>>(mut seq: A) -> Result<Field<Self>, A::Error> {
        let mut blocks = Vec::new();
        while blocks.len() < BODY_READ_LIMIT {
            match seq.next_element()? {
                Some(block) => blocks.push(block),
                None => {
                    return Ok(Field::Is(Body {
                        blocks,
                        more: false,
                    }))
                }
            }
        }
        let more = seq.next_element::<serde::de::IgnoredAny>()?.is_some();
        drain_seq(seq)?;
        Ok(Field::Is(Body { blocks, more }))
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ShareV1 {
    text: Field<String>,
    hashtags: Field<Vec<Field<String>>>,
    via: Field<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LiveV1 {
    title: Field<String>,
    video: Field<OneOrMany<MediaV1>>,
    audio: Field<OneOrMany<MediaV1>>,
    poster: Field<String>,
    default: Field<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MediaV1 {
    src: Field<String>,
    #[serde(rename = "type")]
    mime: Field<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CommentsV1 {
    count: Field<Count>,
    url: Field<String>,
    count_url: Field<String>,
}

object_shape!(
    ArticleV1,
    NamedLinkV1,
    ImageV1,
    BlockV1,
    ShareV1,
    LiveV1,
    MediaV1,
    CommentsV1
);

/// What a conversion carries along: the base URL relative URLs resolve against, the warnings
/// so far, and where the sanitizer stopped.
struct Conversion<'a> {
    base: &'a SafeUrl,
    warnings: Vec<String>,
    /// The cap at which the sanitizer stopped reading body markup, if it did.
    stopped: Option<Cap>,
}

fn error(field: &str, problem: Problem) -> FieldError {
    FieldError {
        field: field.to_string(),
        problem,
    }
}

/// Optional text, trimmed; an empty string counts as absent.
fn text(value: Field<String>, field: &str) -> Result<Option<String>, FieldError> {
    Ok(value
        .get(field)?
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty()))
}

fn required(value: Field<String>, field: &str) -> Result<String, FieldError> {
    match value.get(field)? {
        None => Err(error(field, Problem::Missing)),
        Some(v) if v.trim().is_empty() => Err(error(field, Problem::Empty)),
        Some(v) => Ok(v.trim().to_string()),
    }
}

fn date(value: Field<String>, field: &str) -> Result<Option<DateTime>, FieldError> {
    match text(value, field)? {
        Some(raw) => DateTime::parse_rfc3339(&raw)
            .map(Some)
            .ok_or_else(|| error(field, Problem::Date)),
        None => Ok(None),
    }
}

/// The items of an optional array field, each with its path (`breadcrumb[1]`).
fn items<T>(
    value: Field<Vec<Field<T>>>,
    field: &str,
) -> Result<impl Iterator<Item = (String, Field<T>)>, FieldError> {
    let field = field.to_string();
    Ok(value
        .get(&field)?
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(move |(i, item)| (format!("{field}[{i}]"), item)))
}

impl Conversion<'_> {
    fn warn(&mut self, message: String) {
        self.warnings.push(message);
    }

    /// A required URL: a disallowed scheme is an error, because the field cannot be left out.
    fn required_url(&self, value: Field<String>, field: &str) -> Result<SafeUrl, FieldError> {
        let raw = required(value, field)?;
        self.base
            .join(&raw)
            .map_err(|err| error(field, Problem::Url(err)))
    }

    /// A URL its item can do without: a disallowed scheme drops it with a warning (`then` says
    /// what else goes with it), as the spec says.
    fn dropped_url(&mut self, raw: &str, field: &str, then: &str) -> Option<SafeUrl> {
        match self.base.join(raw) {
            Ok(url) => Some(url),
            Err(err) => {
                self.warn(format!("{field} {err}; {then}"));
                None
            }
        }
    }

    fn optional_url(
        &mut self,
        value: Field<String>,
        field: &str,
    ) -> Result<Option<SafeUrl>, FieldError> {
        Ok(match text(value, field)? {
            Some(raw) => self.dropped_url(&raw, field, "dropped"),
            None => None,
        })
    }

    fn named_link(
        &mut self,
        link: Field<NamedLinkV1>,
        path: &str,
    ) -> Result<Option<NamedLink>, FieldError> {
        let Some(link) = link.get(path)? else {
            return Ok(None);
        };
        Ok(Some(NamedLink {
            name: required(link.name, &join(path, "name"))?,
            url: self.optional_url(link.url, &join(path, "url"))?,
        }))
    }

    fn named_links(
        &mut self,
        links: Field<Vec<Field<NamedLinkV1>>>,
        path: &str,
    ) -> Result<Vec<NamedLink>, FieldError> {
        let mut out = Vec::new();
        for (path, link) in items(links, path)? {
            match link {
                Field::Absent => return Err(error(&path, Problem::WrongType(Expected::Object))),
                link => out.extend(self.named_link(link, &path)?),
            }
        }
        Ok(out)
    }

    /// `None` when the image's URL was dropped for its scheme: a card without the photo is
    /// better than no card.
    fn image(&mut self, image: ImageV1, path: &str) -> Result<Option<Image>, FieldError> {
        let alt_field = join(path, "alt");
        let alt = match image.alt.get(&alt_field)? {
            None => return Err(error(&alt_field, Problem::Missing)),
            Some(alt) => alt.trim().to_string(),
        };
        let url_field = join(path, "url");
        let raw = required(image.url, &url_field)?;
        let Some(url) = self.dropped_url(&raw, &url_field, "image dropped") else {
            return Ok(None);
        };
        Ok(Some(Image {
            url,
            alt,
            caption: text(image.caption, &join(path, "caption"))?,
            credit: text(image.credit, &join(path, "credit"))?,
            width: image.width.get(&join(path, "width"))?.map(|Pixels(px)| px),
            height: image
                .height
                .get(&join(path, "height"))?
                .map(|Pixels(px)| px),
        }))
    }

    /// One body block; `None` for block types this version does not know, which the spec says
    /// to skip, and for blocks whose only link was dropped.
    fn block(&mut self, block: BlockV1, path: &str) -> Result<Option<Block>, FieldError> {
        let field = |name: &str| join(path, name);
        let kind = required(block.kind, &field("type"))?;
        let converted = match kind.as_str() {
            "paragraph" => match text(block.html, &field("html"))? {
                Some(html) => {
                    Block::Paragraph(sanitize(&html, self.base, Allowlist::Inline).into_nodes(
                        &field("html"),
                        &mut self.warnings,
                        &mut self.stopped,
                    ))
                }
                None => {
                    Block::Paragraph(vec![HtmlNode::Text(required(block.text, &field("text"))?)])
                }
            },
            "heading" => Block::Heading(required(block.text, &field("text"))?),
            "quote" => Block::Quote {
                text: required(block.text, &field("text"))?,
                cite: text(block.cite, &field("cite"))?,
            },
            "related" => {
                let title = required(block.title, &field("title"))?;
                let label = text(block.label, &field("label"))?;
                let raw = required(block.url, &field("url"))?;
                match self.dropped_url(&raw, &field("url"), "related link dropped") {
                    Some(url) => Block::Related { title, url, label },
                    None => return Ok(None),
                }
            }
            "image" => {
                let image = ImageV1 {
                    url: block.url,
                    alt: block.alt,
                    caption: block.caption,
                    credit: block.credit,
                    width: block.width,
                    height: block.height,
                };
                match self.image(image, path)? {
                    Some(image) => Block::Image(image),
                    None => return Ok(None),
                }
            }
            other => {
                self.warn(format!("{path}: unknown block type \"{other}\" skipped"));
                return Ok(None);
            }
        };
        Ok(Some(converted))
    }

    fn body(
        &mut self,
        body: Field<Body>,
        body_html: Field<String>,
    ) -> Result<Vec<Block>, FieldError> {
        if let Some(Body { blocks: read, more }) = body.get("body")? {
            if more {
                self.stopped = self.stopped.or(Some(Cap::Blocks));
            }
            let mut blocks = Vec::new();
            for (i, block) in read.into_iter().enumerate() {
                // Past the block cap the rest is cut anyway: it is not even converted.
                if blocks.len() > MAX_BLOCKS {
                    break;
                }
                let path = format!("body[{i}]");
                let Some(block) = block.get(&path)? else {
                    return Err(error(&path, Problem::WrongType(Expected::Object)));
                };
                blocks.extend(self.block(block, &path)?);
            }
            return Ok(blocks);
        }
        Ok(match text(body_html, "body_html")? {
            Some(html) => {
                let nodes = sanitize(&html, self.base, Allowlist::Body).into_nodes(
                    "body_html",
                    &mut self.warnings,
                    &mut self.stopped,
                );
                vec![Block::Html(nodes)]
            }
            None => Vec::new(),
        })
    }

    /// A stream's sources. A source whose URL is refused is dropped with a warning; the others
    /// stay.
    fn media(
        &mut self,
        sources: Field<OneOrMany<MediaV1>>,
        path: &str,
    ) -> Result<Vec<Media>, FieldError> {
        let Some(OneOrMany { items, array }) = sources.get(path)? else {
            return Ok(Vec::new());
        };
        if items.len() > MAX_SOURCES {
            self.warn(format!(
                "{path} has {} sources; the first {MAX_SOURCES} are used",
                items.len()
            ));
        }
        let mut media = Vec::new();
        for (i, source) in items.into_iter().take(MAX_SOURCES).enumerate() {
            let path = if array {
                format!("{path}[{i}]")
            } else {
                path.to_string()
            };
            let Some(source) = source.get(&path)? else {
                return Err(error(&path, Problem::WrongType(Expected::Object)));
            };
            let src_field = join(&path, "src");
            let raw = required(source.src, &src_field)?;
            if let Some(src) = self.dropped_url(&raw, &src_field, "dropped") {
                media.push(Media {
                    src,
                    mime: text(source.mime, &join(&path, "type"))?,
                });
            }
        }
        Ok(media)
    }

    fn live(&mut self, live: LiveV1) -> Result<Option<Live>, FieldError> {
        let video = self.media(live.video, "live.video")?;
        let audio = self.media(live.audio, "live.audio")?;
        let default_mode = match text(live.default, "live.default")?.as_deref() {
            None | Some("video") => MediaMode::Video,
            Some("audio") => MediaMode::Audio,
            Some(_) => {
                return Err(error(
                    "live.default",
                    Problem::Value(Expected::VideoOrAudio),
                ))
            }
        };
        if video.is_empty() && audio.is_empty() {
            return Ok(None);
        }
        Ok(Some(Live {
            title: text(live.title, "live.title")?,
            video,
            audio,
            poster: self.optional_url(live.poster, "live.poster")?,
            default_mode,
        }))
    }
}

/// Loose BCP 47 check: letters, digits and hyphens, starting with a 2-8 letter language.
fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split(['-', '_']);
    let language_ok = subtags
        .next()
        .is_some_and(|l| (2..=8).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    language_ok
        && tag.len() <= 35
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()))
}

impl ArticleV1 {
    /// The article, with every URL resolved against `source` and checked.
    pub fn convert(self, source: &SafeUrl) -> Result<Parsed, LoadError> {
        check_version(self.version)?;
        let mut state = Conversion {
            base: source,
            warnings: Vec::new(),
            stopped: None,
        };
        let id = required(self.id, "id")?;
        let url = state.required_url(self.url, "url")?;
        let headline = required(self.headline, "headline")?;
        let published = match date(self.published, "published")? {
            Some(date) => date,
            None => return Err(error("published", Problem::Missing).into()),
        };
        let lang = match text(self.lang, "lang")? {
            Some(tag) if is_language_tag(&tag) => Some(tag),
            Some(tag) => {
                state.warn(format!(
                    "lang \"{tag}\" is not a BCP 47 language tag; ignored"
                ));
                None
            }
            None => None,
        };
        let site = state.named_link(self.site, "site")?;
        let breadcrumb = state.named_links(self.breadcrumb, "breadcrumb")?;
        let authors = state.named_links(self.authors, "authors")?;
        let image = match self.image.get("image")? {
            Some(image) => state.image(image, "image")?,
            None => None,
        };
        let body = state.body(self.body, self.body_html)?;
        let share = match self.share.get("share")? {
            Some(share) => {
                let mut hashtags = Vec::new();
                for (path, tag) in items(share.hashtags, "share.hashtags")? {
                    hashtags.extend(text(tag, &path)?);
                }
                ShareDefaults {
                    text: text(share.text, "share.text")?,
                    hashtags,
                    via: text(share.via, "share.via")?,
                }
            }
            None => ShareDefaults::default(),
        };
        let live = match self.live.get("live")? {
            Some(live) => state.live(live)?,
            None => None,
        };
        let comments = match self.comments.get("comments")? {
            Some(comments) => Some(Comments {
                count: match comments.count.get("comments.count")? {
                    Some(Count(n)) => n,
                    None => return Err(error("comments.count", Problem::Missing).into()),
                },
                url: state.optional_url(comments.url, "comments.url")?,
                count_url: state.optional_url(comments.count_url, "comments.count_url")?,
            }),
            None => None,
        };
        let article = Article {
            id,
            url,
            lang,
            site,
            breadcrumb,
            label: text(self.label, "label")?,
            headline,
            summary: text(self.summary, "summary")?,
            published,
            modified: date(self.modified, "modified")?,
            authors,
            image,
            body,
            body_cut: state.stopped,
            share,
            live,
            comments,
        };
        Ok(Parsed {
            article,
            warnings: state.warnings,
            comment_count_source: None,
        })
    }
}
