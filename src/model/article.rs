//! The article, version 1 of the JSON format (`shared/spec/article-json-v1.md`), and its
//! parser.
//!
//! The parser walks a JSON tree (`super::json`) by hand instead of deriving `Deserialize`, so that
//! every error names the field in the publisher's terms (`image.alt is missing`,
//! `body[3].text must be a string`) rather than a line and column.

use super::date::DateTime;
use super::error::{FieldError, LoadError, Problem};
use super::html::{sanitize, Allowlist, HtmlNode};
use super::json::{Map, Value};
use super::limits::{limit_body, Cap, MAX_BLOCKS};
use super::url::SafeUrl;

/// A parsed, validated article. Every URL in it is a [`SafeUrl`].
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub id: String,
    pub url: SafeUrl,
    pub lang: Option<String>,
    pub site: Option<NamedLink>,
    pub breadcrumb: Vec<NamedLink>,
    pub label: Option<String>,
    pub headline: String,
    pub summary: Option<String>,
    pub published: DateTime,
    pub modified: Option<DateTime>,
    pub authors: Vec<NamedLink>,
    pub image: Option<Image>,
    pub body: Vec<Block>,
    /// Set when the body was longer than a cap allows and was cut at a block boundary; the
    /// card then links to the rest.
    pub body_cut: Option<Cap>,
    pub share: ShareDefaults,
    pub live: Option<Live>,
    pub comments: Option<Comments>,
}

/// A name with an optional link: breadcrumb items, authors, the site.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedLink {
    pub name: String,
    pub url: Option<SafeUrl>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub url: SafeUrl,
    /// Empty marks a decorative image.
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Vec<HtmlNode>),
    Heading(String),
    Quote {
        text: String,
        cite: Option<String>,
    },
    Related {
        title: String,
        url: SafeUrl,
        label: Option<String>,
    },
    Image(Image),
    /// `body_html`, sanitized.
    Html(Vec<HtmlNode>),
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ShareDefaults {
    pub text: Option<String>,
    pub hashtags: Vec<String>,
    pub via: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MediaMode {
    Video,
    Audio,
}

impl MediaMode {
    pub fn as_str(self) -> &'static str {
        match self {
            MediaMode::Video => "video",
            MediaMode::Audio => "audio",
        }
    }
}

/// One source of a stream: a URL and, if the publisher gave it, its MIME type (with codecs).
#[derive(Clone, Debug, PartialEq)]
pub struct Media {
    pub src: SafeUrl,
    pub mime: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Live {
    pub title: Option<String>,
    /// The video's sources in the publisher's order of preference; empty when there is none.
    pub video: Vec<Media>,
    /// The audio's sources, likewise.
    pub audio: Vec<Media>,
    pub poster: Option<SafeUrl>,
    pub default_mode: MediaMode,
}

impl Live {
    /// The mode to start in: the stated default when that stream exists, else the one that
    /// does.
    pub fn initial_mode(&self) -> MediaMode {
        match (
            self.default_mode,
            self.has(MediaMode::Video),
            self.has(MediaMode::Audio),
        ) {
            (MediaMode::Video, false, true) => MediaMode::Audio,
            (MediaMode::Audio, true, false) => MediaMode::Video,
            (mode, _, _) => mode,
        }
    }

    pub fn sources(&self, mode: MediaMode) -> &[Media] {
        match mode {
            MediaMode::Video => &self.video,
            MediaMode::Audio => &self.audio,
        }
    }

    pub fn has(&self, mode: MediaMode) -> bool {
        !self.sources(mode).is_empty()
    }

    /// The source to play in `mode`; see [`first_playable`].
    pub fn source(&self, mode: MediaMode, can_play: impl Fn(&str) -> bool) -> Option<&Media> {
        first_playable(self.sources(mode), can_play)
    }
}

/// The first of `sources` whose type the browser says it can play (`can_play` is asked only of
/// sources with a type; one without is tried as it is), else the first, so that a stream no
/// engine plays still says so in the player.
pub fn first_playable(sources: &[Media], can_play: impl Fn(&str) -> bool) -> Option<&Media> {
    sources
        .iter()
        .find(|m| m.mime.as_deref().is_none_or(&can_play))
        .or_else(|| sources.first())
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comments {
    pub count: u64,
    pub url: Option<SafeUrl>,
    pub count_url: Option<SafeUrl>,
}

/// A parsed article and the things that were dropped on the way, for console warnings.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub article: Article,
    pub warnings: Vec<String>,
    /// Where the comment count can be read from a header (WordPress' `X-WP-Total`).
    pub comment_count_source: Option<SafeUrl>,
}

/// The largest article JSON the widget accepts (1 MiB).
pub const MAX_ARTICLE_BYTES: usize = 1024 * 1024;

/// The newest major version of the format this widget reads.
pub const FORMAT_VERSION: u64 = 1;

/// Parses and validates the v1 JSON text fetched from `source`, resolving relative URLs against
/// it.
pub fn parse_article(text: &str, source: &SafeUrl) -> Result<Parsed, LoadError> {
    super::formats::parse_any(text, source, Some(super::formats::Format::V1))
}

impl Parsed {
    /// Applies the body caps ([`super::limits`]): a body past one is cut at a block boundary,
    /// and the console hears which cap it was.
    pub fn capped(mut self) -> Parsed {
        let body = std::mem::take(&mut self.article.body);
        let (body, cut) = limit_body(body);
        // A cut here comes first; else the sanitizer may have stopped reading at a cap.
        let cut = cut.or(self.article.body_cut);
        if let Some(cap) = cut {
            self.warnings.push(format!(
                "the body is longer than the widget renders ({}); it is cut after {} blocks and links to the rest",
                cap.describe(),
                body.len()
            ));
        }
        self.article.body = body;
        self.article.body_cut = cut;
        self
    }
}

/// The v1 parser, from an already parsed JSON value (the format detection reads it first).
pub fn parse_v1(value: &Value, source: &SafeUrl) -> Result<Parsed, LoadError> {
    let map = value.as_object().ok_or(LoadError::NotAnObject)?;
    let mut state = ParseState {
        base: source,
        warnings: Vec::new(),
        stopped: None,
    };
    let root = Obj {
        map,
        path: String::new(),
    };

    if let Some(version) = root.get("version") {
        let version = version
            .as_u64()
            .ok_or_else(|| root.wrong_type("version", "a positive integer"))?;
        if version > FORMAT_VERSION {
            return Err(LoadError::UnsupportedVersion(version));
        }
    }

    let id = root.required_text("id")?;
    let url = root.required_url("url", &state)?;
    let headline = root.required_text("headline")?;
    let published = root.required_date("published")?;

    let lang = match root.optional_text("lang")? {
        Some(tag) if is_language_tag(&tag) => Some(tag),
        Some(tag) => {
            state.warn(format!(
                "lang \"{tag}\" is not a BCP 47 language tag; ignored"
            ));
            None
        }
        None => None,
    };
    let site = match root.optional_object("site")? {
        Some(site) => Some(site.named_link(&mut state)?),
        None => None,
    };
    let breadcrumb = root.each_object("breadcrumb", |item| item.named_link(&mut state))?;
    let authors = root.each_object("authors", |item| item.named_link(&mut state))?;
    let image = match root.optional_object("image")? {
        Some(image) => image.image(&mut state)?,
        None => None,
    };
    let body = match root.get("body") {
        Some(_) => {
            // Past the block cap the rest is cut anyway: it is not even converted.
            let mut blocks = Vec::new();
            root.each_object_while("body", |block| {
                blocks.extend(block.block(&mut state)?);
                Ok(blocks.len() <= MAX_BLOCKS)
            })?;
            blocks
        }
        None => match root.optional_text("body_html")? {
            Some(html) => {
                let nodes = sanitize(&html, state.base, Allowlist::Body).into_nodes(
                    "body_html",
                    &mut state.warnings,
                    &mut state.stopped,
                );
                vec![Block::Html(nodes)]
            }
            None => Vec::new(),
        },
    };
    let share = match root.optional_object("share")? {
        Some(share) => ShareDefaults {
            text: share.optional_text("text")?,
            hashtags: share.string_list("hashtags")?,
            via: share.optional_text("via")?,
        },
        None => ShareDefaults::default(),
    };
    let live = match root.optional_object("live")? {
        Some(live) => live.live(&mut state)?,
        None => None,
    };
    let comments = match root.optional_object("comments")? {
        Some(comments) => Some(Comments {
            count: comments.required_count("count")?,
            url: comments.optional_url("url", &mut state)?,
            count_url: comments.optional_url("count_url", &mut state)?,
        }),
        None => None,
    };

    let article = Article {
        id,
        url,
        lang,
        site,
        breadcrumb,
        label: root.optional_text("label")?,
        headline,
        summary: root.optional_text("summary")?,
        published,
        modified: root.optional_date("modified")?,
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

/// What a parse carries along: the base URL relative URLs resolve against, the warnings so far,
/// and where the sanitizer stopped.
struct ParseState<'a> {
    base: &'a SafeUrl,
    warnings: Vec<String>,
    /// The cap at which the sanitizer stopped reading body markup, if it did.
    stopped: Option<Cap>,
}

impl ParseState<'_> {
    fn warn(&mut self, message: String) {
        self.warnings.push(message);
    }
}

/// A JSON object and its path from the root, for error messages.
struct Obj<'a> {
    map: &'a Map,
    path: String,
}

impl<'a> Obj<'a> {
    fn path_of(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.path)
        }
    }

    fn error(&self, name: &str, problem: Problem) -> FieldError {
        FieldError {
            field: self.path_of(name),
            problem,
        }
    }

    fn wrong_type(&self, name: &str, expected: &'static str) -> FieldError {
        self.error(name, Problem::WrongType(expected))
    }

    /// The field's value; `null` counts as absent, as CMS exports often write it.
    fn get(&self, name: &str) -> Option<&'a Value> {
        self.map.get(name).filter(|v| !v.is_null())
    }

    fn optional_text(&self, name: &str) -> Result<Option<String>, FieldError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
            Some(_) => Err(self.wrong_type(name, "a string")),
        }
    }

    fn required_text(&self, name: &str) -> Result<String, FieldError> {
        match self.get(name) {
            None => Err(self.error(name, Problem::Missing)),
            Some(Value::String(s)) if s.trim().is_empty() => Err(self.error(name, Problem::Empty)),
            Some(Value::String(s)) => Ok(s.trim().to_string()),
            Some(_) => Err(self.wrong_type(name, "a string")),
        }
    }

    /// A required URL: a disallowed scheme is an error, because the field cannot be left out.
    fn required_url(&self, name: &str, state: &ParseState) -> Result<SafeUrl, FieldError> {
        let raw = self.required_text(name)?;
        state
            .base
            .join(&raw)
            .map_err(|err| self.error(name, Problem::Url(err)))
    }

    /// An optional URL: a disallowed scheme drops it with a warning, as the spec says.
    fn optional_url(
        &self,
        name: &str,
        state: &mut ParseState,
    ) -> Result<Option<SafeUrl>, FieldError> {
        let Some(raw) = self.optional_text(name)? else {
            return Ok(None);
        };
        match state.base.join(&raw) {
            Ok(url) => Ok(Some(url)),
            Err(err) => {
                state.warn(format!("{} {err}; dropped", self.path_of(name)));
                Ok(None)
            }
        }
    }

    fn required_date(&self, name: &str) -> Result<DateTime, FieldError> {
        let raw = self.required_text(name)?;
        DateTime::parse_rfc3339(&raw).ok_or_else(|| self.error(name, Problem::Date))
    }

    fn optional_date(&self, name: &str) -> Result<Option<DateTime>, FieldError> {
        match self.optional_text(name)? {
            Some(raw) => DateTime::parse_rfc3339(&raw)
                .map(Some)
                .ok_or_else(|| self.error(name, Problem::Date)),
            None => Ok(None),
        }
    }

    fn required_count(&self, name: &str) -> Result<u64, FieldError> {
        match self.get(name) {
            None => Err(self.error(name, Problem::Missing)),
            Some(Value::Number(n)) => n
                .as_u64()
                .ok_or_else(|| self.error(name, Problem::Value("a whole number, 0 or more"))),
            Some(_) => Err(self.wrong_type(name, "a number")),
        }
    }

    /// Pixel sizes: a positive integer, else the field is ignored with no harm done.
    fn optional_pixels(&self, name: &str) -> Result<Option<u32>, FieldError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Number(n)) => match n.as_u64().and_then(|v| u32::try_from(v).ok()) {
                Some(0) | None => {
                    Err(self.error(name, Problem::Value("a positive whole number of pixels")))
                }
                Some(px) => Ok(Some(px)),
            },
            Some(_) => Err(self.wrong_type(name, "a number")),
        }
    }

    fn optional_object(&self, name: &str) -> Result<Option<Obj<'a>>, FieldError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(Obj {
                map,
                path: self.path_of(name),
            })),
            Some(_) => Err(self.wrong_type(name, "an object")),
        }
    }

    fn optional_array(&self, name: &str) -> Result<&'a [Value], FieldError> {
        match self.get(name) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(_) => Err(self.wrong_type(name, "an array")),
        }
    }

    /// Runs `f` on each object of an array field, with paths like `breadcrumb[1]`.
    fn each_object<T>(
        &self,
        name: &str,
        mut f: impl FnMut(Obj<'a>) -> Result<T, FieldError>,
    ) -> Result<Vec<T>, FieldError> {
        let mut out = Vec::new();
        self.each_object_while(name, |item| {
            out.push(f(item)?);
            Ok(true)
        })?;
        Ok(out)
    }

    /// Like [`Obj::each_object`], for each item until `f` answers `false`.
    fn each_object_while(
        &self,
        name: &str,
        mut f: impl FnMut(Obj<'a>) -> Result<bool, FieldError>,
    ) -> Result<(), FieldError> {
        for (i, item) in self.optional_array(name)?.iter().enumerate() {
            let path = format!("{}[{i}]", self.path_of(name));
            let Value::Object(map) = item else {
                return Err(FieldError {
                    field: path,
                    problem: Problem::WrongType("an object"),
                });
            };
            if !f(Obj { map, path })? {
                break;
            }
        }
        Ok(())
    }

    fn string_list(&self, name: &str) -> Result<Vec<String>, FieldError> {
        let items = self.optional_array(name)?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::String(s) => Ok(s.trim().to_string()),
                _ => Err(FieldError {
                    field: format!("{}[{i}]", self.path_of(name)),
                    problem: Problem::WrongType("a string"),
                }),
            })
            .filter(|s| !matches!(s, Ok(s) if s.is_empty()))
            .collect()
    }

    fn named_link(&self, state: &mut ParseState) -> Result<NamedLink, FieldError> {
        Ok(NamedLink {
            name: self.required_text("name")?,
            url: self.optional_url("url", state)?,
        })
    }

    /// `None` when the image's URL was dropped for its scheme: a card without the photo is
    /// better than no card.
    fn image(&self, state: &mut ParseState) -> Result<Option<Image>, FieldError> {
        let alt = match self.get("alt") {
            None => return Err(self.error("alt", Problem::Missing)),
            Some(Value::String(s)) => s.trim().to_string(),
            Some(_) => {
                return Err(self.wrong_type("alt", "a string (empty for a decorative image)"))
            }
        };
        let raw = self.required_text("url")?;
        let url = match state.base.join(&raw) {
            Ok(url) => url,
            Err(err) => {
                state.warn(format!("{} {err}; image dropped", self.path_of("url")));
                return Ok(None);
            }
        };
        Ok(Some(Image {
            url,
            alt,
            caption: self.optional_text("caption")?,
            credit: self.optional_text("credit")?,
            width: self.optional_pixels("width")?,
            height: self.optional_pixels("height")?,
        }))
    }

    /// One body block; `None` for block types this version does not know, which the spec says
    /// to skip, and for blocks whose only link was dropped.
    fn block(&self, state: &mut ParseState) -> Result<Option<Block>, FieldError> {
        let kind = self.required_text("type")?;
        let block = match kind.as_str() {
            "paragraph" => match (self.optional_text("html")?, self.get("text")) {
                (Some(html), _) => {
                    Block::Paragraph(sanitize(&html, state.base, Allowlist::Inline).into_nodes(
                        &self.path_of("html"),
                        &mut state.warnings,
                        &mut state.stopped,
                    ))
                }
                (None, Some(_)) => {
                    Block::Paragraph(vec![HtmlNode::Text(self.required_text("text")?)])
                }
                (None, None) => return Err(self.error("text", Problem::Missing)),
            },
            "heading" => Block::Heading(self.required_text("text")?),
            "quote" => Block::Quote {
                text: self.required_text("text")?,
                cite: self.optional_text("cite")?,
            },
            "related" => {
                let title = self.required_text("title")?;
                let label = self.optional_text("label")?;
                let raw = self.required_text("url")?;
                match state.base.join(&raw) {
                    Ok(url) => Block::Related { title, url, label },
                    Err(err) => {
                        state.warn(format!(
                            "{} {err}; related link dropped",
                            self.path_of("url")
                        ));
                        return Ok(None);
                    }
                }
            }
            "image" => match self.image(state)? {
                Some(image) => Block::Image(image),
                None => return Ok(None),
            },
            other => {
                state.warn(format!(
                    "{}: unknown block type \"{other}\" skipped",
                    self.path
                ));
                return Ok(None);
            }
        };
        Ok(Some(block))
    }

    /// A stream's sources: one `media` object, or an array of them in order of preference.
    /// A source whose URL is refused is dropped with a warning; the others stay.
    fn media(&self, name: &str, state: &mut ParseState) -> Result<Vec<Media>, FieldError> {
        let source =
            |media: Obj<'a>, state: &mut ParseState| -> Result<Option<Media>, FieldError> {
                let raw = media.required_text("src")?;
                match state.base.join(&raw) {
                    Ok(src) => Ok(Some(Media {
                        src,
                        mime: media.optional_text("type")?,
                    })),
                    Err(err) => {
                        state.warn(format!("{} {err}; dropped", media.path_of("src")));
                        Ok(None)
                    }
                }
            };
        match self.get(name) {
            Some(Value::Array(_)) => Ok(self
                .each_object(name, |media| source(media, state))?
                .into_iter()
                .flatten()
                .collect()),
            Some(Value::Object(_)) | None => match self.optional_object(name)? {
                Some(media) => Ok(source(media, state)?.into_iter().collect()),
                None => Ok(Vec::new()),
            },
            Some(_) => Err(self.wrong_type(name, "an object or an array")),
        }
    }

    fn live(&self, state: &mut ParseState) -> Result<Option<Live>, FieldError> {
        let video = self.media("video", state)?;
        let audio = self.media("audio", state)?;
        let default_mode = match self.optional_text("default")?.as_deref() {
            None | Some("video") => MediaMode::Video,
            Some("audio") => MediaMode::Audio,
            Some(_) => return Err(self.error("default", Problem::Value("\"video\" or \"audio\""))),
        };
        if video.is_empty() && audio.is_empty() {
            return Ok(None);
        }
        Ok(Some(Live {
            title: self.optional_text("title")?,
            video,
            audio,
            poster: self.optional_url("poster", state)?,
            default_mode,
        }))
    }
}
