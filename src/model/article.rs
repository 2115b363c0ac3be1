//! The article the card shows, whatever format it came in (see `formats`): every URL in it
//! resolved and checked, every text trimmed, the body sanitized and capped.

use super::caps::Cap;
use super::date::DateTime;
use super::html::HtmlNode;
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

impl Article {
    /// An article with what every format must give (the id defaults to the URL); each format
    /// adds what it has, with `..Article::new(...)`.
    pub fn new(id: Option<String>, url: SafeUrl, headline: String, published: DateTime) -> Article {
        Article {
            id: id.unwrap_or_else(|| url.to_string()),
            url,
            lang: None,
            site: None,
            breadcrumb: Vec::new(),
            label: None,
            headline,
            summary: None,
            published,
            modified: None,
            authors: Vec::new(),
            image: None,
            body: Vec::new(),
            body_cut: None,
            share: ShareDefaults::default(),
            live: None,
            comments: None,
        }
    }
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

/// HLS's MIME type, the one a browser is asked about; `application/x-mpegURL` is its alias.
pub const HLS_MIME: &str = "application/vnd.apple.mpegurl";

impl Media {
    /// Whether this source is an HLS playlist: its type says so (either name, any case, with
    /// or without parameters), or it has no type and its path ends in `.m3u8`.
    pub fn is_hls(&self) -> bool {
        match &self.mime {
            Some(mime) => {
                let essence = mime.split(';').next().unwrap_or_default().trim();
                essence.eq_ignore_ascii_case(HLS_MIME)
                    || essence.eq_ignore_ascii_case("application/x-mpegurl")
            }
            None => {
                // An absolute URL: its path is all before the query or fragment.
                let path = self
                    .src
                    .as_str()
                    .split(['?', '#'])
                    .next()
                    .unwrap_or_default();
                path.len() > 5
                    && path
                        .get(path.len() - 5..)
                        .is_some_and(|end| end.eq_ignore_ascii_case(".m3u8"))
            }
        }
    }
}

/// Who plays a source: the media element itself, or hls.js feeding it through Media Source
/// Extensions (HLS where the browser has no HLS of its own: Firefox, Chromium builds without
/// it, WebKitGTK).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Playback {
    Element,
    Script,
}

/// What the reader's browser plays: `can_play` answers for a MIME type (`canPlayType`), and
/// `script_hls` says whether hls.js could play HLS here (Media Source Extensions exist).
pub struct Playable<F: Fn(&str) -> bool> {
    pub can_play: F,
    pub script_hls: bool,
}

impl<F: Fn(&str) -> bool> Playable<F> {
    fn playback(&self, media: &Media) -> Option<Playback> {
        if media.is_hls() {
            if (self.can_play)(HLS_MIME) {
                Some(Playback::Element)
            } else {
                self.script_hls.then_some(Playback::Script)
            }
        } else {
            // A source without a type is tried as it is.
            media
                .mime
                .as_deref()
                .is_none_or(&self.can_play)
                .then_some(Playback::Element)
        }
    }

    /// The first of `sources` this browser plays, and who plays it; else the first source
    /// for the element, so that a stream no engine plays still says so in the player.
    pub fn choose<'a>(&self, sources: &'a [Media]) -> Option<(&'a Media, Playback)> {
        sources
            .iter()
            .find_map(|m| self.playback(m).map(|p| (m, p)))
            .or_else(|| sources.first().map(|m| (m, Playback::Element)))
    }
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

    /// The sources of `mode`. A channel that gives no audio stream but HLS video plays that
    /// stream for Audio only, without the picture, as broadcasters' own players do.
    pub fn sources(&self, mode: MediaMode) -> &[Media] {
        match mode {
            MediaMode::Video => &self.video,
            MediaMode::Audio
                if self.audio.is_empty() && self.video.first().is_some_and(Media::is_hls) =>
            {
                &self.video
            }
            MediaMode::Audio => &self.audio,
        }
    }

    pub fn has(&self, mode: MediaMode) -> bool {
        !self.sources(mode).is_empty()
    }

    /// The source to play in `mode` and who plays it; see [`Playable::choose`].
    pub fn source<F: Fn(&str) -> bool>(
        &self,
        mode: MediaMode,
        playable: &Playable<F>,
    ) -> Option<(&Media, Playback)> {
        playable.choose(self.sources(mode))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comments {
    pub count: u64,
    pub url: Option<SafeUrl>,
    pub count_url: Option<SafeUrl>,
}
